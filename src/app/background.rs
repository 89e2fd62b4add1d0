//! Work on many documents of the corpus at once, on a thread of its own: carrying a label
//! change to every document, and tagging a name in every document. One job at a time; its
//! notice arrives when it is done, then the documents panel reads the corpus again. Opening
//! another document waits for the job (it may be writing that document). What tag-all did to
//! each document is kept until that document is opened, where it becomes its newest undo
//! step: a corpus-wide tag-all is undone document by document.

use std::sync::mpsc::TryRecvError;

use crate::corpus;
use crate::editor::Notice;
use crate::model::{LabelId, LabelSet};

use super::HashiyaApp;

/// What a finished job reports, and per changed document (its path) the transaction it
/// applied there, to be undone when that document is opened.
pub(super) type JobDone = (Notice, Vec<(std::path::PathBuf, crate::model::Transaction)>);

impl HashiyaApp {
    /// Runs `job` on a thread; `started` is shown meanwhile, the job's notice when it ends.
    fn spawn_corpus_job(&mut self, started: &str, job: impl FnOnce() -> JobDone + Send + 'static) {
        if self.corpus_job.is_some() {
            self.notice = Some(Notice::warn("Another change to the corpus is still being saved"));
            return;
        }
        let (tx, rx) = std::sync::mpsc::channel();
        let spawned = std::thread::Builder::new().name("hashiya-corpus-job".into()).spawn(move || {
            let _ = tx.send(job());
        });
        match spawned {
            Ok(_) => {
                self.corpus_job = Some(rx);
                self.notice = Some(Notice::info(started));
            }
            Err(e) => self.notice = Some(Notice::error(format!("Could not start: {e}"))),
        }
    }

    /// When the job is done: its notice, and a fresh scan of the corpus.
    pub(super) fn corpus_job_done(&mut self, ctx: &egui::Context) {
        let Some(rx) = &self.corpus_job else { return };
        let notice = match rx.try_recv() {
            Ok((notice, undo)) => {
                self.corpus_undo.extend(undo);
                notice
            }
            Err(TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
                return;
            }
            Err(TryRecvError::Disconnected) => Notice::error(
                "A change to the corpus stopped unexpectedly; run hashiya validate on the folder",
            ),
        };
        self.corpus_job = None;
        self.notice = Some(notice);
        if let Some(state) = self.corpus.as_mut() {
            state.rescan();
        }
    }

    /// The label editor changed the open document's labels: the corpus's set follows (saved),
    /// and every other document follows (one transaction each, saved atomically).
    pub(super) fn carry_labels(&mut self, doc_old: LabelSet) {
        let (Some(state), Some(article)) = (self.corpus.as_mut(), self.workspace.active()) else { return };
        if state.current.is_none() {
            return; // not a document of the corpus
        }
        let old = state.corpus.labels().clone();
        let new = corpus::relabel::corpus_after(&old, &doc_old, article.ann().labels());
        if new == old {
            return;
        }
        state.corpus.settings_mut().labels = new.clone();
        if let Err(e) = state.corpus.save() {
            self.notice = Some(Notice::error(format!("The corpus labels were not saved: {e}")));
            return;
        }
        let docs = state.corpus.docs().to_vec();
        let (skip, annotator) = (article.path.clone(), article.annotator().to_string());
        self.spawn_corpus_job("Carrying the label change to the other documents…", move || {
            let report =
                corpus::relabel::relabel_documents(&docs, &skip, (&old, &new), &annotator, |_, _| {});
            let notice = if report.failed.is_empty() {
                Notice::info(report.to_string())
            } else {
                Notice::warn(report.to_string())
            };
            (notice, Vec::new())
        });
    }

    /// Tags every find match with `label` in the open document (one undo step) and in every
    /// other document of the corpus (saved; not undoable from here).
    pub(super) fn tag_all_in_corpus(&mut self, label: LabelId) -> Result<(), Notice> {
        let Some(query) = self.find.query() else { return Ok(()) };
        let ranges = self.find.current_matches().to_vec();
        if !ranges.is_empty() {
            self.edit(crate::editor::EditCommand::TagAll(ranges, label))?;
        }
        let (Some(state), Some(article)) = (self.corpus.as_ref(), self.workspace.active()) else {
            return Ok(());
        };
        let Some(name) = article.ann().labels().get(label).map(|l| l.name.clone()) else { return Ok(()) };
        let corpus_labels = state.corpus.labels().clone();
        let docs = state.corpus.docs().to_vec();
        let (skip, annotator) = (article.path.clone(), article.annotator().to_string());
        let here = self.notice.as_ref().map(|n| n.text.clone()).unwrap_or_default();
        self.spawn_corpus_job("Tagging the other documents of the corpus…", move || {
            let r =
                corpus::tag_all::tag_all_documents(&docs, &skip, &query, (&corpus_labels, &name), &annotator);
            let mut text = format!("{here}; {r}");
            if !r.undo.is_empty() {
                text.push_str(" (Ctrl+Z in a document undoes it there)");
            }
            (if r.failed.is_empty() { Notice::info(text) } else { Notice::warn(text) }, r.undo)
        });
        Ok(())
    }

    /// If a corpus-wide tag-all changed the document just opened, its transaction becomes the
    /// document's newest undo step (dropped if the file changed since).
    pub(super) fn adopt_corpus_undo(&mut self, path: &std::path::Path) {
        let Some(tx) = self.corpus_undo.remove(path) else { return };
        if let Some(article) = self.workspace.active_mut() {
            // A refusal means the document changed since; then there is nothing to undo here.
            let _ = article.adopt_applied(tx);
        }
    }
}
