//! Your own model on the command line: `hashiya suggest DIR|ARTICLE --command "CMD" [--batch N]
//! [--timeout SECS]` and `hashiya import --as-suggestions FILE|- [DIR|ARTICLE]`, through
//! [`crate::corpus::external`]: every answer is checked before any document is written.

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{anyhow, bail};

use super::progress::Progress;
use super::suggest::{report, targets};
use super::{ImportArgs, SuggestArgs};
use crate::corpus::Corpus;
use crate::corpus::external::{self, Answers, CommandOptions};
use crate::corpus::suggest::SuggestSummary;
use crate::corpus::walk::DocEntry;
use crate::editor::Article;
use crate::formats::FormatError;
use crate::model::LabelSet;

/// The options of `suggest --command`.
#[derive(Debug, Clone, clap::Args)]
pub struct ExternalArgs {
    /// Your own model: a command (run by `sh -c`) that reads the documents not done as JSON
    /// lines `{"name", "text", "labels"}` on stdin and answers one line per document on
    /// stdout, `{"name", "spans": [[start, end, "LABEL", confidence?], ...]}` (code points,
    /// end exclusive). Any bad answer changes nothing (see docs/formats.md).
    #[arg(long)]
    pub command: Option<String>,
    /// Documents per run of the command.
    #[arg(long, default_value_t = 32, requires = "command", value_parser = clap::value_parser!(u32).range(1..))]
    pub batch: u32,
    /// Time limit of one run of the command, in seconds (then it is stopped, with everything
    /// it started, and nothing changes).
    #[arg(long, default_value_t = 300.0, requires = "command")]
    pub timeout: f64,
}

/// The labels' names, in order: what the model may answer.
fn names(labels: &LabelSet) -> Vec<String> {
    labels.iter().map(|l| l.name.clone()).collect()
}

/// The label set of a corpus, or of a lone article.
fn labels_of(corpus: Option<&Corpus>, targets: &[DocEntry]) -> anyhow::Result<LabelSet> {
    if let Some(c) = corpus {
        return Ok(c.labels().clone());
    }
    let Some(first) = targets.first() else { return Ok(LabelSet::default()) };
    Ok(Article::open_to_read(&first.path)?.article.ann().labels().clone())
}

/// Runs `hashiya suggest … --command CMD`.
pub fn suggest(args: &SuggestArgs, command: &str, min: u16) -> anyhow::Result<ExitCode> {
    let ext = &args.external;
    if !(ext.timeout.is_finite() && ext.timeout > 0.0) {
        bail!("--timeout {} is not a number of seconds above 0", ext.timeout);
    }
    let (docs, corpus) = targets(&args.path)?;
    let labels = labels_of(corpus.as_ref(), &docs)?;
    let opts = CommandOptions {
        command: command.to_string(),
        batch: ext.batch as usize,
        timeout: Duration::from_secs_f64(ext.timeout),
    };
    let progress = Progress::new("answered", docs.len());
    let asked = external::ask_command(&docs, &names(&labels), &opts, |done, _| progress.set(done));
    let answers = match asked {
        Ok(answers) => answers,
        Err(e) => {
            progress.clear();
            bail!("{e}\nnothing changed: no document was written");
        }
    };
    let short = external::short(command);
    progress.finish(&format!(" (`{short}`, {} batches, {} spans)", answers.batches, answers.spans()));
    Ok(fill(&args.path, &docs, &answers, (&short, min), &labels, args.annotator.as_deref()))
}

/// Fills the answered documents and reports.
fn fill(
    path: &Path,
    docs: &[DocEntry],
    answers: &Answers,
    (note, min): (&str, u16),
    labels: &LabelSet,
    annotator: Option<&str>,
) -> ExitCode {
    let annotator = super::annotator(annotator, path);
    let progress = Progress::new("suggested in", answers.documents());
    let mut summary: SuggestSummary =
        external::fill(docs, answers, (note, min), (labels, &annotator), |d, _| progress.set(d));
    progress.finish("");
    summary.done += answers.done;
    summary.failed.splice(0..0, answers.failed.iter().cloned());
    report(&summary, "suggestions");
    if summary.failed.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

/// Runs `hashiya import --as-suggestions FILE [DIR|ARTICLE]`.
pub fn import(args: &ImportArgs, file: &Path) -> anyhow::Result<ExitCode> {
    let target = args.input.clone().unwrap_or_else(|| PathBuf::from("."));
    let (docs, corpus) = targets(&target)?;
    let labels = labels_of(corpus.as_ref(), &docs)?;
    // One article of a corpus: names are paths from the corpus's root.
    let all = match &corpus {
        Some(c) if !target.is_dir() => c.docs().to_vec(),
        _ => docs.clone(),
    };
    let (origin, text) = read_input(file)?;
    let answers = external::answers_from_text(&origin, &text, (&all, &docs), &names(&labels))
        .map_err(|e| anyhow!("{e}\nnothing changed: no document was written"))?;
    let skipped = match answers.skipped {
        0 => String::new(),
        n => format!("; {n} lines for other documents of the corpus left alone"),
    };
    eprintln!("{}: {} documents, {} spans{skipped}", origin.display(), answers.documents(), answers.spans());
    let note = match origin.file_name() {
        Some(name) if file != Path::new("-") => name.to_string_lossy().into_owned(),
        _ => "stdin".to_string(),
    };
    Ok(fill(&target, &docs, &answers, (&note, 0), &labels, args.annotator.as_deref()))
}

/// The span lines of `file` (`-`: stdin) and the name errors give it.
fn read_input(file: &Path) -> anyhow::Result<(PathBuf, String)> {
    if file == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes)?;
        let origin = external::stdin_path();
        let text = String::from_utf8(bytes).map_err(|e| {
            FormatError::file(&origin, format!("is not UTF-8 (at byte {})", e.utf8_error().valid_up_to()))
        })?;
        return Ok((origin, text));
    }
    let text = crate::formats::exchange::read_utf8(file)?;
    Ok((file.to_path_buf(), text))
}
