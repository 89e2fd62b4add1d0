//! Ranking the documents still to do by the suggestion layer's uncertainty (issue 20, "which
//! document next"): the layer the learner built last ([`crate::learn::build::CorpusLayer`],
//! never rebuilt here) scores every document to do on a thread of its own
//! ([`crate::learn::order::score_documents`]), which a newer layer cancels. While it runs
//! the documents panel keeps the last scores and shows how far it got; the window never
//! waits for it.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use super::{Job, Polled};
use crate::corpus::DocEntry;
use crate::learn::build::CorpusLayer;
use crate::learn::order::{Scores, score_documents};

/// The scores of a finished ranking, and the documents it could not read.
type Ranked = (Scores, Vec<String>);

/// A running ranking.
struct Running {
    job: Job<Ranked>,
    cancel: Arc<AtomicBool>,
    done: Arc<AtomicUsize>,
    all: usize,
}

impl Drop for Running {
    /// A ranking no one waits for stops at its next document.
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

/// The documents' ranking of an open corpus: the last layer, its scores, the running job.
#[derive(Default)]
pub struct Ranker {
    layer: Option<Arc<CorpusLayer>>,
    /// The layer changed since the scores were made.
    stale: bool,
    /// The learner found nothing to suggest from.
    nothing: bool,
    running: Option<Running>,
    scores: Scores,
    /// Bumped whenever the scores change (keys the panel's listing).
    generation: u64,
}

impl Ranker {
    /// A newer layer (the learner retrained): the scores are stale.
    pub fn set_layer(&mut self, layer: Arc<CorpusLayer>) {
        self.layer = Some(layer);
        self.stale = true;
        self.nothing = false;
    }

    /// Nothing to suggest from any more (the starter switched off, nothing done): no layer,
    /// no scores (the documents to do go in file order), a running ranking stopped.
    pub fn clear(&mut self) {
        self.layer = None;
        self.stale = false;
        self.nothing = true;
        self.running = None;
        if !self.scores.is_empty() {
            self.scores.clear();
            self.generation += 1;
        }
    }

    /// True when there is a layer whose scores are not made or being made yet.
    pub fn wants_ranking(&self) -> bool {
        self.stale && self.layer.is_some()
    }

    /// True when the learner found nothing to suggest from (no layer to rank by).
    pub fn has_nothing(&self) -> bool {
        self.nothing
    }

    /// True once the learner built a layer (and until it finds nothing to suggest from).
    pub fn has_layer(&self) -> bool {
        self.layer.is_some()
    }

    /// Scores `entries` with the last layer on a thread, cancelling a ranking that runs.
    pub fn start(&mut self, entries: Vec<DocEntry>) -> std::io::Result<()> {
        let Some(layer) = self.layer.clone() else { return Ok(()) };
        self.running = None;
        let cancel = Arc::new(AtomicBool::new(false));
        let done = Arc::new(AtomicUsize::new(0));
        let all = entries.len();
        let (stop, count) = (Arc::clone(&cancel), Arc::clone(&done));
        let job = Job::spawn("hashiya-rank", move || {
            score_documents(&layer.layer(), &entries, &stop, |k, _| count.store(k, Ordering::Relaxed))
        })?;
        self.running = Some(Running { job, cancel, done, all });
        self.stale = false;
        Ok(())
    }

    /// Takes a finished ranking's scores; true when they changed. A ranking whose thread
    /// stopped without a result leaves the last scores (and is tried again with the next layer).
    pub fn poll(&mut self) -> bool {
        let Some(running) = &self.running else { return false };
        match running.job.poll() {
            Polled::Running => false,
            Polled::Done((scores, _unreadable)) => {
                self.running = None;
                self.scores = scores;
                self.generation += 1;
                true
            }
            Polled::Stopped => {
                self.running = None;
                false
            }
        }
    }

    /// Documents scored so far and all, while a ranking runs.
    pub fn progress(&self) -> Option<(usize, usize)> {
        self.running.as_ref().map(|r| (r.done.load(Ordering::Relaxed), r.all))
    }

    /// The last scores, by path relative to the corpus root.
    pub fn scores(&self) -> &Scores {
        &self.scores
    }

    /// Changes whenever the scores do.
    pub fn generation(&self) -> u64 {
        self.generation
    }
}
