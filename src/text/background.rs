//! Exact paragraph heights computed on a worker thread, so a huge article shows its first
//! screen at once and the scroll bar becomes exact while the user reads. The worker has its
//! own font system with the same bundled fonts and the same paragraph functions
//! ([`super::para`]), so its heights equal the UI thread's. It is the only source of exact
//! heights for paragraphs the view never shows.

use std::ops::Range;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

use super::fonts::font_system;
use super::para::{LayoutParams, ParaKind, layout_line, new_line, para_height, shown_text};

/// Heights per batch sent back to the UI thread.
const BATCH: usize = 64;

/// A running height computation; dropping it stops the worker.
pub(super) struct HeightJob {
    rx: Receiver<Vec<(usize, f32)>>,
    cancel: Arc<AtomicBool>,
}

impl HeightJob {
    /// Starts the worker on paragraphs (`range` into `text`, kind) at `params`.
    pub(super) fn spawn(text: Arc<str>, paras: Vec<(Range<usize>, ParaKind)>, params: LayoutParams) -> Self {
        let (tx, rx) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let stop = cancel.clone();
        let spawned = std::thread::Builder::new()
            .name("hashiya-layout".into())
            .spawn(move || run(&text, &paras, params, &stop, &tx));
        if spawned.is_err() {
            // No thread: only the paragraphs the view lays out get exact heights; the rest
            // keep their estimates and the layout never reports itself complete.
            cancel.store(true, Ordering::Relaxed);
        }
        Self { rx, cancel }
    }

    /// Heights that arrived since the last call.
    pub(super) fn results(&self) -> impl Iterator<Item = (usize, f32)> + '_ {
        self.rx.try_iter().flatten()
    }
}

impl Drop for HeightJob {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

fn run(
    text: &str,
    paras: &[(Range<usize>, ParaKind)],
    params: LayoutParams,
    stop: &AtomicBool,
    tx: &Sender<Vec<(usize, f32)>>,
) {
    let mut fs = font_system();
    let mut batch = Vec::with_capacity(BATCH);
    for (i, (range, kind)) in paras.iter().enumerate() {
        if stop.load(Ordering::Relaxed) {
            return;
        }
        let shown = shown_text(text.get(range.clone()).unwrap_or(""), params.style);
        let mut line = new_line(&shown, *kind, params.style);
        let lines = layout_line(&mut fs, &mut line, *kind, params).len();
        batch.push((i, para_height(lines, *kind, params)));
        if batch.len() == BATCH && tx.send(std::mem::take(&mut batch)).is_err() {
            return;
        }
    }
    let _ = tx.send(batch);
}
