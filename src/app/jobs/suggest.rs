//! Pre-annotation of the open document from the window, on a thread so that reading a large
//! gazetteer or the whole corpus never blocks a frame: the job computes the suggestions for
//! the document's text and labels; when it ends, they go into the layer through
//! `EditCommand::Suggest` (one undo step) if the same document is still open.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError};

use super::HashiyaApp;
use crate::corpus::suggest::{DEFAULT_MIN_CONFIDENCE, Dictionary, corpus_dictionary, proposals};
use crate::editor::{EditCommand, Notice};
use crate::formats::gazetteer::read_gazetteer;
use crate::model::{LabelSet, Suggestion, SuggestionSource};
use crate::search::NormalizedText;

/// What a finished job hands back.
pub(super) struct Proposed {
    article: PathBuf,
    source: SuggestionSource,
    suggestions: Vec<Suggestion>,
    /// Warnings to show (malformed gazetteer lines, labels the document lacks).
    warnings: Vec<String>,
}

/// A running pre-annotation job.
pub(super) type SuggestJob = Receiver<Result<Proposed, Notice>>;

impl HashiyaApp {
    /// Suggests names from the gazetteer file `path` in the open document.
    pub(super) fn suggest_from_gazetteer(&mut self, path: PathBuf) {
        self.spawn_suggest_job("Reading the gazetteer…", move || {
            let (gazetteer, warnings) = read_gazetteer(&path).map_err(|e| Notice::error(e.to_string()))?;
            Ok((Dictionary::from_gazetteer(gazetteer), SuggestionSource::Gazetteer, warnings))
        });
    }

    /// Suggests the forms tagged in the corpus's annotated documents in the open document.
    pub(super) fn suggest_from_corpus(&mut self) {
        let Some(state) = self.corpus.as_ref() else {
            self.notice = Some(Notice::warn("Open a folder as a corpus first (File > Open Folder…)"));
            return;
        };
        let docs = state.corpus.docs().to_vec();
        self.spawn_suggest_job("Collecting the names tagged in the corpus…", move || {
            let dict = corpus_dictionary(&docs, |_, _| {}).map_err(|e| Notice::error(e.to_string()))?;
            if dict.gazetteer.is_empty() {
                return Err(Notice::info("No entities in the corpus yet: tag some names first"));
            }
            Ok((dict, SuggestionSource::Corpus, Vec::new()))
        });
    }

    /// Runs `make` (the dictionary) and the matching on a thread.
    fn spawn_suggest_job(
        &mut self,
        started: &str,
        make: impl FnOnce() -> Result<(Dictionary, SuggestionSource, Vec<String>), Notice> + Send + 'static,
    ) {
        let Some(article) = self.workspace.active() else { return };
        let (path, text, labels) =
            (article.path.clone(), article.doc.text().to_string(), article.ann().labels().clone());
        let (tx, rx) = std::sync::mpsc::channel();
        let spawned = std::thread::Builder::new().name("hashiya-suggest".into()).spawn(move || {
            let _ = tx.send(
                make().map(|(dict, source, warnings)| propose(&dict, source, warnings, path, &text, &labels)),
            );
        });
        match spawned {
            Ok(_) => {
                self.suggest_job = Some(rx);
                self.notice = Some(Notice::info(started));
            }
            Err(e) => self.notice = Some(Notice::error(format!("Could not start: {e}"))),
        }
    }

    /// When the job is done: its suggestions into the open document's layer.
    pub(super) fn suggest_job_done(&mut self, ctx: &egui::Context) {
        let Some(rx) = &self.suggest_job else { return };
        let result = match rx.try_recv() {
            Err(TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
                return;
            }
            Err(TryRecvError::Disconnected) => Err(Notice::error("Pre-annotation stopped unexpectedly")),
            Ok(result) => result,
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
            self.notice = Some(Notice::warn("Another document was opened meanwhile; suggest again"));
            return;
        }
        if let Err(notice) = self.edit(EditCommand::Suggest(proposed.source, proposed.suggestions)) {
            self.notice = Some(notice);
        } else if let (Some(first), Some(n)) = (proposed.warnings.first(), self.notice.as_mut()) {
            *n = Notice::warn(format!("{}; {} warnings, first: {first}", n.text, proposed.warnings.len()));
        }
    }
}

fn propose(
    dict: &Dictionary,
    source: SuggestionSource,
    mut warnings: Vec<String>,
    article: PathBuf,
    text: &str,
    labels: &LabelSet,
) -> Proposed {
    let normalized = NormalizedText::new(text);
    let (suggestions, unknown) = proposals(dict, text, &normalized, labels, (source, DEFAULT_MIN_CONFIDENCE));
    if !unknown.is_empty() {
        let names: Vec<&str> = unknown.iter().map(String::as_str).collect();
        warnings.push(format!("labels this document does not have: {}", names.join(", ")));
    }
    Proposed { article, source, suggestions, warnings }
}
