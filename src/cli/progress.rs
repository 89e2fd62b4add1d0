//! Progress of the folder commands on stderr: a bar (indicatif) when stderr is a terminal,
//! then, in every case, one summary line (`scanned 10000 documents in 1.21 s`), so logs of
//! scripts get one line rather than a bar's redraws.

use std::io::IsTerminal as _;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Progress through `total` documents.
pub(super) struct Progress {
    bar: Option<ProgressBar>,
    verb: &'static str,
    total: usize,
    start: Instant,
}

impl Progress {
    /// Starts; `verb` says what is done to each document (`scanned`, `exported`, …).
    pub(super) fn new(verb: &'static str, total: usize) -> Self {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
            let style = ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} documents, {eta} left")
                .map(|s| s.progress_chars("=> "))
                .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar.set_message(verb);
            bar
        });
        Self { bar, verb, total, start: Instant::now() }
    }

    /// `done` documents are done.
    pub(super) fn set(&self, done: usize) {
        if let Some(bar) = &self.bar {
            bar.set_position(done as u64);
        }
    }

    /// Prints a line on stderr above the bar (`hashiya: note: …`).
    pub(super) fn note(&self, line: &str) {
        let line = format!("hashiya: note: {line}");
        match &self.bar {
            Some(bar) => bar.println(line),
            None => eprintln!("{line}"),
        }
    }

    /// Clears the bar without a summary line (the command failed and says why).
    pub(super) fn clear(self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }

    /// Clears the bar and prints the summary line, with `tail` appended (e.g. `, 2 problems`).
    pub(super) fn finish(self, tail: &str) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
        let secs = self.start.elapsed().as_secs_f64();
        eprintln!("{} {} documents in {secs:.2} s{tail}", self.verb, self.total);
    }
}
