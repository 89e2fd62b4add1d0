//! Background retraining of the learned suggestions (issue 12): when a document is marked done
//! or opened in a corpus, or after [`EDITS_BEFORE_RETRAIN`] edits, a thread trains the corpus's
//! model on its done documents plus the entities of the open one (saving `hashiya-model.bin`,
//! or loading it when it is already trained on exactly those) and predicts the open document;
//! the window never waits for it. While it runs the status bar says what it learns from; its
//! suggestions go into the layer through `EditCommand::Suggest` (entities the user made are
//! never changed) if the same document is still open.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError};

use super::HashiyaApp;
use crate::editor::{EditCommand, Notice};
use crate::formats::store::DocStatus;
use crate::learn::corpus::{ensure_model, read_corpus, training_set};
use crate::learn::suggest::model_suggestions;
use crate::learn::{Options, TrainDoc, train};
use crate::model::{LabelSet, Suggestion, SuggestionSource};

/// Edits of the open document after which the model is retrained.
pub(super) const EDITS_BEFORE_RETRAIN: u64 = 25;

/// What a finished training hands back.
pub(super) struct Learned {
    article: PathBuf,
    suggestions: Vec<Suggestion>,
    docs: u32,
    tokens: u64,
}

/// A running training, and the open document's revision when the last one started.
#[derive(Default)]
pub(super) struct Learner {
    job: Option<Receiver<Result<Learned, Notice>>>,
    revision_at_start: u64,
    /// A document was marked done or opened: retrain at the next frame.
    pub(super) pending: bool,
    /// Documents and tokens the current model learned from.
    learned: Option<(u32, u64)>,
}

impl Learner {
    /// What the status bar says: "learning…" while a training runs, else what the model
    /// learned from.
    pub(super) fn status(&self) -> Option<String> {
        match (&self.job, self.learned) {
            (Some(_), _) => Some("model: learning…".to_string()),
            (None, Some((docs, tokens))) => Some(format!("model: {docs} documents, {tokens} tokens")),
            (None, None) => None,
        }
    }
}

impl HashiyaApp {
    /// Retrains in the background (unless a training is running or no corpus is open).
    pub(super) fn retrain(&mut self) {
        if self.learner.job.is_some() {
            return;
        }
        let (Some(state), Some(article)) = (self.corpus.as_ref(), self.workspace.active()) else { return };
        let root = state.corpus.root().to_path_buf();
        let ann = article.ann();
        let open = TrainDoc {
            text: article.doc.text().to_string(),
            entities: ann
                .entities()
                .iter()
                .filter_map(|e| Some((e.range(), ann.labels().get(e.label)?.name.clone())))
                .collect(),
            partial: article.status() != DocStatus::Done,
        };
        let (path, labels) = (article.path.clone(), ann.labels().clone());
        let min = (self.settings.learn_threshold.clamp(0.0, 1.0) * 1000.0).round() as u16;
        self.learner.revision_at_start = article.revision();
        self.learner.pending = false;
        let (tx, rx) = std::sync::mpsc::channel();
        let spawned = std::thread::Builder::new().name("hashiya-learn".into()).spawn(move || {
            let _ = tx.send(learn(&root, open, path, &labels, min));
        });
        match spawned {
            Ok(_) => self.learner.job = Some(rx),
            Err(e) => self.notice = Some(Notice::error(format!("Could not start learning: {e}"))),
        }
    }

    /// Retrains when asked to (a document marked done or opened) or after enough edits of the
    /// open document.
    pub(super) fn retrain_after_edits(&mut self) {
        let Some(revision) = self.workspace.active().map(|a| a.revision()) else { return };
        let edited = revision >= self.learner.revision_at_start + EDITS_BEFORE_RETRAIN;
        if self.corpus.is_some() && (self.learner.pending || edited) {
            self.retrain();
        }
    }

    /// When the training is done: its suggestions into the open document's layer.
    pub(super) fn learner_done(&mut self, ctx: &egui::Context) {
        let Some(rx) = &self.learner.job else { return };
        let result = match rx.try_recv() {
            Err(TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(200));
                return;
            }
            Err(TryRecvError::Disconnected) => Err(Notice::error("Learning stopped unexpectedly")),
            Ok(result) => result,
        };
        self.learner.job = None;
        // Nothing to learn yet, or a corpus that cannot be read: the automatic retraining
        // stays quiet (`hashiya train` says why).
        let Ok(learned) = result else { return };
        self.learner.learned = Some((learned.docs, learned.tokens));
        if self.workspace.active().is_none_or(|a| a.path != learned.article) {
            return;
        }
        let n = learned.suggestions.len();
        if n == 0 {
            return;
        }
        match self.edit(EditCommand::Suggest(SuggestionSource::Model, learned.suggestions)) {
            Ok(()) => {
                self.notice = Some(Notice::info(format!(
                    "Learned from {} documents, {} tokens: {n} suggestions here",
                    learned.docs, learned.tokens
                )));
            }
            Err(notice) => self.notice = Some(notice),
        }
    }
}

/// Trains on the corpus's done documents and the open one, saves the model, predicts. The saved
/// model is used as it is when it was trained on exactly these documents (opening a document
/// with no entities yet, or reopening one, costs no training).
fn learn(
    root: &std::path::Path,
    open: TrainDoc,
    article: PathBuf,
    labels: &LabelSet,
    min: u16,
) -> Result<Learned, Notice> {
    let (docs, _) = read_corpus(root).map_err(|e| Notice::error(e.to_string()))?;
    let others: Vec<_> = docs.into_iter().filter(|d| d.path != article).collect();
    let mut train_docs = training_set(&others);
    let text = open.text.clone();
    // A document not done teaches only its sentences with entities: with none, it is left out,
    // so the training set (and the saved model's fingerprint) stays that of the done documents.
    if !(open.partial && open.entities.is_empty()) {
        train_docs.push(open);
    }
    let model = match ensure_model(root, &train_docs, &Options::default()) {
        Ok(Some((model, _))) => model,
        Ok(None) => {
            return Err(Notice::info("Nothing to learn from yet: tag some names and mark documents done"));
        }
        // The model could not be saved (a read-only folder): suggest from a model kept in
        // memory, as before the saved model was reused.
        Err(_) => train(&train_docs, &Options::default()),
    };
    let (suggestions, _) = model_suggestions(&model, &text, labels, min);
    Ok(Learned { article, suggestions, docs: model.info.docs, tokens: model.info.tokens })
}
