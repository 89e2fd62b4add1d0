//! What the window does with its background work ([`Job`]s): work on many documents of the
//! corpus at once (carrying a label change to every document, tagging a name in every
//! document), pre-annotation of the open document (a gazetteer, the corpus's tagged names),
//! and retraining the learned suggestions.
//!
//! One corpus job at a time; its notice arrives when it is done, then the documents panel
//! reads the corpus again. Opening another document waits for the job (it may be writing that
//! document). What tag-all did to each document is kept until that document is opened, where
//! it becomes its newest undo step: a corpus-wide tag-all is undone document by document.
//!
//! Suggestions of a finished pre-annotation or training go into the layer through
//! `EditCommand::Suggest` (one undo step; entities the user made are never changed) if the
//! same document is still open. The learner retrains when a document is marked done or opened
//! in a corpus, or after `EDITS_BEFORE_RETRAIN` edits; the window never waits for it.

use std::path::PathBuf;

use crate::corpus;
use crate::editor::{EditCommand, Notice};
use crate::model::{LabelId, LabelSet};

use super::i18n;
use super::jobs::suggest::{self, Names};
use super::jobs::{CorpusJobDone, Job, Polled};
use super::window::HashiyaApp;
use crate::t;

impl HashiyaApp {
    /// Runs `job` on a thread; `started` is shown meanwhile, the job's notice when it ends.
    fn spawn_corpus_job(&mut self, started: String, job: impl FnOnce() -> CorpusJobDone + Send + 'static) {
        if self.corpus_job.is_some() {
            self.notice = Some(Notice::warn(t!("corpus-job-busy")));
            return;
        }
        match Job::spawn("hashiya-corpus-job", job) {
            Ok(job) => {
                self.corpus_job = Some(job);
                self.notice = Some(Notice::info(started));
            }
            Err(e) => self.notice = Some(Notice::error(t!("could-not-start", detail = e.to_string()))),
        }
    }

    /// When the job is done: its notice, and a fresh scan of the corpus.
    pub(super) fn corpus_job_done(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.corpus_job else { return };
        let notice = match job.poll() {
            Polled::Done((notice, undo)) => {
                self.corpus_undo.extend(undo);
                notice
            }
            Polled::Running => {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
                return;
            }
            Polled::Stopped => Notice::error(t!("corpus-job-stopped")),
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
        let saved = state.corpus.update(|s| {
            s.labels = new.clone();
            Ok::<(), corpus::CorpusError>(())
        });
        if let Err(e) = saved {
            self.notice = Some(Notice::error(t!("corpus-labels-not-saved", detail = e.to_string())));
            return;
        }
        let docs = state.corpus.docs().to_vec();
        let (skip, annotator) = (article.path.clone(), article.annotator().to_string());
        self.spawn_corpus_job(t!("corpus-carrying-labels"), move || {
            let report =
                corpus::relabel::relabel_documents(&docs, &skip, (&old, &new), &annotator, |_, _| {});
            let notice = if report.failed.is_empty() {
                Notice::info(report.to_string())
            } else {
                Notice::warn(report.to_string())
            };
            let notice = notice.keyed("notice-relabel-report", &report.args());
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
        let here = self.notice.as_ref().map(i18n::notice_text).unwrap_or_default();
        let lang = i18n::language();
        self.spawn_corpus_job(t!("corpus-tagging"), move || {
            let r =
                corpus::tag_all::tag_all_documents(&docs, &skip, &query, (&corpus_labels, &name), &annotator);
            let args: Vec<(&str, i18n::Arg)> =
                r.args().into_iter().map(|(k, v)| (k, i18n::Arg::from_value(&v))).collect();
            let mut text = format!("{here}; {}", i18n::tr_in(lang, "corpus-tag-all-report", &args));
            if !r.undo.is_empty() {
                text.push_str(&i18n::tr_in(lang, "corpus-tag-all-undo", &[]));
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

    /// Suggests names from the gazetteer file `path` in the open document.
    pub(super) fn suggest_from_gazetteer(&mut self, path: PathBuf) {
        self.spawn_suggest_job(t!("suggest-reading-gazetteer"), Names::Gazetteer(path));
    }

    /// Suggests the forms tagged in the corpus's annotated documents in the open document.
    pub(super) fn suggest_from_corpus(&mut self) {
        let Some(state) = self.corpus.as_ref() else {
            self.notice = Some(Notice::warn(t!("suggest-open-folder-first")));
            return;
        };
        let docs = state.corpus.docs().to_vec();
        self.spawn_suggest_job(t!("suggest-collecting"), Names::Corpus(docs));
    }

    /// Asks the user's own model (`command`) about the open document on a thread.
    pub(super) fn suggest_from_model(&mut self, command: String) {
        let Some(article) = self.workspace.active() else { return };
        let root = self.corpus.as_ref().map(|s| s.corpus.root().to_path_buf());
        let started = t!("model-running", command = crate::corpus::external::short(&command));
        self.start_suggest_job(started, suggest::spawn_model(command, root.as_deref(), article));
    }

    /// Reads `names` and matches them in the open document on a thread.
    fn spawn_suggest_job(&mut self, started: String, names: Names) {
        let Some(article) = self.workspace.active() else { return };
        self.start_suggest_job(started, suggest::spawn(names, article));
    }

    /// Keeps a started pre-annotation job, or says why it could not start.
    fn start_suggest_job(&mut self, started: String, job: std::io::Result<suggest::SuggestJob>) {
        match job {
            Ok(job) => {
                self.suggest_job = Some(job);
                self.notice = Some(Notice::info(started));
            }
            Err(e) => self.notice = Some(Notice::error(t!("could-not-start", detail = e.to_string()))),
        }
    }

    /// When the pre-annotation is done: its suggestions into the open document's layer.
    pub(super) fn suggest_job_done(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.suggest_job else { return };
        let result = match job.poll() {
            Polled::Running => {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
                return;
            }
            Polled::Stopped => Err(Notice::error(t!("suggest-stopped"))),
            Polled::Done(result) => result,
        };
        self.suggest_job = None;
        let proposed = match result {
            Ok(p) => p,
            Err(notice) => {
                self.notice = Some(notice);
                return;
            }
        };
        if self.workspace.active().is_none_or(|a| a.path != proposed.article) {
            self.notice = Some(Notice::warn(t!("suggest-other-document")));
            return;
        }
        if let Err(notice) = self.edit(EditCommand::Suggest(proposed.source, proposed.suggestions)) {
            self.notice = Some(notice);
        } else if let (Some(first), Some(n)) = (proposed.warnings.first(), self.notice.as_mut()) {
            let more = t!("warnings-first", n = proposed.warnings.len(), first = first);
            *n = Notice::warn(format!("{}{more}", n.text));
        }
    }

    /// Retrains when asked to (a document marked done or opened) or after enough edits of the
    /// open document (unless a training is running or no corpus is open).
    pub(super) fn retrain_after_edits(&mut self) {
        let Some(article) = self.workspace.active() else { return };
        let Some(state) = self.corpus.as_ref().filter(|_| self.learner.due(article.revision())) else {
            return;
        };
        let min = (self.settings.learn_threshold.clamp(0.0, 1.0) * 1000.0).round() as u16;
        self.learner.notice_at_start = self.notice.as_ref().map(|n| n.text.clone());
        if let Err(notice) = self.learner.start(state.corpus.root().to_path_buf(), article, min) {
            self.notice = Some(notice);
        }
    }

    /// When the training is done: its suggestions into the open document's layer.
    pub(super) fn learner_done(&mut self, ctx: &egui::Context) {
        if self.learner.is_running() {
            ctx.request_repaint_after(std::time::Duration::from_millis(200));
        }
        // Nothing to learn yet, or a corpus that cannot be read: the automatic retraining
        // stays quiet (`hashiya train` says why).
        let Some(Ok(learned)) = self.learner.poll() else { return };
        if let Some(state) = self.corpus.as_mut().filter(|s| s.corpus.position(&learned.article).is_some()) {
            match &learned.layer {
                Some(layer) => state.ranker.set_layer(layer.clone()),
                None => state.ranker.clear(),
            }
        }
        if self.workspace.active().is_none_or(|a| a.path != learned.article) {
            return;
        }
        let n = learned.suggestions.len();
        if n == 0 {
            // Nothing to suggest now (the starter switched off, its types not suggested): the
            // layer's earlier suggestions go.
            let combined = crate::model::SuggestionSource::COMBINED;
            let stale = self
                .workspace
                .active()
                .is_some_and(|a| a.ann().suggestions().iter().any(|s| combined.contains(&s.source)));
            if stale && let Err(notice) = self.edit(EditCommand::SuggestLayer(Vec::new())) {
                self.notice = Some(notice);
            }
            return;
        }
        let news = self.notice.as_ref().map(|n| &n.text) != self.learner.notice_at_start.as_ref();
        let kept = self.notice.clone();
        match self.edit(EditCommand::SuggestLayer(learned.suggestions)) {
            // What happened while it trained stays in the status bar (which says what the
            // model learned from anyway).
            Ok(()) if news => self.notice = kept,
            Ok(()) if learned.docs == 0 => {
                self.notice = Some(Notice::info(t!("learn-done-starter", n = n)));
            }
            Ok(()) => {
                let (docs, tokens) = (learned.docs, learned.tokens);
                self.notice = Some(Notice::info(t!("learn-done", docs = docs, tokens = tokens, n = n)));
            }
            Err(notice) => self.notice = Some(notice),
        }
    }
}
