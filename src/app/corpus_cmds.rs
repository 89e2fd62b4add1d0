//! Corpus commands of the window: open a folder, move between its documents, mark them done.
//! Switching documents goes through `request_open` (saved first with autosave, or asked), so
//! no work is lost; labels of an opened document follow the corpus as one undo step.

use std::path::Path;

use crate::corpus;
use crate::editor::{EditCommand, Notice};
use crate::formats::store::DocStatus;
use crate::learn::edit::LearnEdit;
use crate::model::LabelSet;

use super::state::CorpusState;
use super::window::HashiyaApp;
use crate::t;

impl HashiyaApp {
    /// Opens `dir` as the corpus and its first document that still needs work.
    pub(super) fn open_folder(&mut self, dir: &Path) -> Result<(), Notice> {
        let state = CorpusState::open(dir)
            .map_err(|e| Notice::error(t!("folder-could-not-open", detail = e.to_string())))?;
        self.settings.push_recent_dir(dir.to_path_buf());
        let default = state.corpus.annotator();
        let first = first_to_do(&state).or((!state.summaries.is_empty()).then_some(0));
        let docs = state.summaries.len();
        let problems = state.corpus.problems().len();
        self.corpus = Some(state);
        if self.settings.annotator.trim().is_empty() {
            self.workspace.set_annotator(&default);
        }
        match first {
            Some(i) => self.open_doc(i)?,
            None => self.notice = Some(Notice::warn(t!("folder-no-articles", folder = dir.display()))),
        }
        if problems > 0 {
            self.notice = Some(Notice::warn(t!("folder-problems", docs = docs, problems = problems)));
        }
        Ok(())
    }

    /// Opens document `i` of the corpus listing.
    pub(super) fn open_doc(&mut self, i: usize) -> Result<(), Notice> {
        let Some(path) = self.corpus.as_ref().and_then(|c| c.path(i)) else { return Ok(()) };
        self.request_open(path)
    }

    /// Ctrl+PgDn / Ctrl+PgUp.
    pub(super) fn step_doc(&mut self, forward: bool) -> Result<(), Notice> {
        match self.corpus.as_ref().and_then(|c| c.step(forward)) {
            Some(i) => self.open_doc(i),
            None => Ok(()),
        }
    }

    /// Sets the open document's status (saved with its annotations).
    pub(super) fn set_status(&mut self, status: DocStatus) -> Result<(), Notice> {
        let Some(id) = self.workspace.active_id() else { return Ok(()) };
        self.workspace.set_status(id, status)?;
        self.refresh_corpus();
        Ok(())
    }

    /// Ctrl+Enter: done, saved, and on to the next document that still needs work.
    pub(super) fn done_and_next(&mut self) -> Result<(), Notice> {
        self.set_status(DocStatus::Done)?;
        if self.settings.autosave {
            self.save(false)?;
        }
        self.learner.pending = true;
        match self.corpus.as_ref().and_then(CorpusState::next_not_done) {
            Some(i) => self.open_doc(i),
            None => {
                self.notice = Some(Notice::info(t!("corpus-all-done")));
                Ok(())
            }
        }
    }

    /// After an article opened: it becomes the corpus's current document, and its labels follow
    /// the corpus's (one undo step; names only the document had join the corpus).
    pub(super) fn corpus_opened(&mut self, path: &Path) {
        let Some(state) = self.corpus.as_mut() else { return };
        state.opened(path);
        if state.current.is_none() {
            return; // an article outside the corpus keeps its own labels
        }
        self.learner.pending = true;
        let Some(id) = self.workspace.active_id() else { return };
        let Some(article) = self.workspace.get(id) else { return };
        state.refresh(article);
        // A document with no annotation file yet has the default labels, which are no one's
        // choice: it takes the corpus's labels as they are, quietly.
        let fresh = !state.corpus.labels().is_empty()
            && article.ann().entities().is_empty()
            && article.ann().suggestions().is_empty()
            && !crate::formats::store::annotation_path(&article.path).exists();
        let own = if fresh { LabelSet::empty() } else { article.ann().labels().clone() };
        let reconciled = corpus::reconcile(state.corpus.labels(), &own);
        let Some(report) = reconciled.report() else { return };
        let report = (!fresh).then_some(report);
        if reconciled.corpus_changed() {
            let saved = state.corpus.update(|s| {
                s.labels = reconciled.corpus.clone();
                Ok::<(), corpus::CorpusError>(())
            });
            if let Err(e) = saved {
                self.notice = Some(Notice::error(e.to_string()));
                return;
            }
        }
        match self.workspace.apply(id, EditCommand::SetLabels(reconciled.document)) {
            Ok(_) => self.notice = report.map(Notice::info).or(self.notice.take()),
            Err(e) => self.notice = Some(e.into()),
        }
    }

    /// Writes the annotator setting (or, when it is empty, the corpus's default) into open and
    /// later-opened articles.
    pub(super) fn apply_annotator(&mut self) {
        let name = self.settings.annotator.trim().to_string();
        let name = if name.is_empty() {
            self.corpus
                .as_ref()
                .map_or_else(crate::formats::store::annotator_from_env, |c| c.corpus.annotator())
        } else {
            name
        };
        self.workspace.set_annotator(&name);
    }

    /// Changes the open corpus's suggestion settings (its corpus file as it is on disk now) and
    /// retrains; the label editor reads the corpora learned from again when they changed.
    pub(super) fn learn_edit(&mut self, edit: LearnEdit) -> Result<(), Notice> {
        let Some(state) = self.corpus.as_mut() else {
            return Err(Notice::warn(t!("suggestions-open-folder")));
        };
        let priors = matches!(edit, LearnEdit::LearnFrom(_) | LearnEdit::Forget(_) | LearnEdit::PriorMap(..));
        crate::learn::edit::update(&mut state.corpus, &[edit])
            .map_err(|e| Notice::error(t!("suggestions-not-changed", detail = e.to_string())))?;
        self.learner.pending = true;
        if priors {
            self.labels.reread(state.corpus.root());
        }
        Ok(())
    }

    /// Takes in changes made to the corpus file by another program (`hashiya labels` in a
    /// terminal): the suggestions are retrained with the new settings.
    pub(super) fn watch_corpus_file(&mut self, ctx: &egui::Context) {
        let Some(state) = self.corpus.as_mut() else { return };
        ctx.request_repaint_after(super::files::DISK_CHECK);
        match state.watch_file(super::files::DISK_CHECK) {
            None => {}
            Some(Ok(())) => {
                self.learner.pending = true;
                self.labels.reread(state.corpus.root());
                self.notice = Some(Notice::info(t!("corpus-file-reloaded")));
            }
            Some(Err(e)) => {
                self.notice = Some(Notice::error(t!("corpus-file-unreadable", detail = e.to_string())));
            }
        }
    }

    /// Keeps the open document's row in the documents panel up to date.
    pub(super) fn refresh_corpus(&mut self) {
        if let (Some(state), Some(article)) = (self.corpus.as_mut(), self.workspace.active()) {
            state.refresh(article);
        }
    }
}

/// The first document that still needs work, reading summaries in listing order only until
/// one is found (the background scan has not read them yet when a folder opens).
fn first_to_do(state: &CorpusState) -> Option<usize> {
    state.corpus.docs().iter().position(|entry| {
        let (summary, _) = corpus::scan::summarize(entry);
        !summary.status.is_finished() && summary.health != corpus::Health::Unreadable
    })
}
