//! Background retraining of the learned suggestions (issue 12): when a document is marked done
//! or opened in a corpus, or after [`EDITS_BEFORE_RETRAIN`] edits, a thread trains the corpus's
//! model on its done documents plus the entities of the open one (saving `hashiya-model.bin`,
//! or loading it when it is already trained on exactly those) and predicts the open document;
//! the window never waits for it. While it runs the status bar says what it learns from; its
//! suggestions go into the layer through `EditCommand::Suggest` (entities the user made are
//! never changed) if the same document is still open, and the layer it built ranks the
//! documents to do (`order.rs`).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{Job, Polled};
use crate::corpus::Corpus;
use crate::editor::{Article, Notice};
use crate::formats::store::DocStatus;
use crate::learn::build::CorpusLayer;
use crate::learn::build::{corpus_gazetteer, train_for};
use crate::learn::corpus::{Freshness, read_docs};
use crate::learn::setup::Setup;
use crate::learn::suggest::layer_suggestions;
use crate::learn::{Options, TrainDoc};
use crate::model::{LabelSet, Suggestion};
use crate::t;

/// Edits of the open document after which the model is retrained.
pub const EDITS_BEFORE_RETRAIN: u64 = 25;

/// What a finished training hands back.
pub struct Learned {
    /// The document predicted.
    pub article: PathBuf,
    /// The model's suggestions for it.
    pub suggestions: Vec<Suggestion>,
    /// Documents the model learned from.
    pub docs: u32,
    /// Tokens the model learned from.
    pub tokens: u64,
    /// The corpus's layer that proposed them, for ranking the documents to do (`None`:
    /// nothing to suggest from).
    pub layer: Option<Arc<CorpusLayer>>,
}

/// A running training, and the open document's revision when the last one started.
#[derive(Default)]
pub struct Learner {
    job: Option<Job<Result<Option<Learned>, String>>>,
    revision_at_start: u64,
    /// The document the running training predicts.
    article: PathBuf,
    /// A document was marked done or opened: retrain at the next frame.
    pub pending: bool,
    /// Documents and tokens the current model learned from.
    learned: Option<(u32, u64)>,
    /// The status bar's notice when the running training started: one that came later is news
    /// (a save, a report) that the training's own notice must not hide.
    pub notice_at_start: Option<String>,
}

impl Learner {
    /// What the status bar says: "learning…" while a training runs, else what the model
    /// learned from.
    /// True while it runs.
    pub fn status(&self) -> Option<(String, bool)> {
        match (&self.job, self.learned) {
            (Some(_), _) => Some((t!("status-model-learning"), true)),
            (None, Some((0, _))) => Some((t!("status-model-starter"), false)),
            (None, Some((docs, tokens))) => Some((t!("status-model", docs = docs, tokens = tokens), false)),
            (None, None) => None,
        }
    }

    /// True when a training should start: asked for, or the open document (at `revision`)
    /// had enough edits since the last one started.
    pub fn due(&self, revision: u64) -> bool {
        self.pending || revision >= self.revision_at_start + EDITS_BEFORE_RETRAIN
    }

    /// Starts training on the corpus at `root` and the open `article` in the background and
    /// predicting it, keeping suggestions at least `min` sure (per mille); nothing when a
    /// training is running.
    pub fn start(&mut self, root: PathBuf, article: &Article, min: u16) -> Result<(), Notice> {
        if self.job.is_some() {
            return Ok(());
        }
        let ann = article.ann();
        let open = TrainDoc::of(article.doc.text(), ann, article.status() != DocStatus::Done);
        let (path, labels) = (article.path.clone(), ann.labels().clone());
        self.revision_at_start = article.revision();
        self.article = article.path.clone();
        self.pending = false;
        let job = Job::spawn("hashiya-learn", move || learn(&root, open, path, &labels, min));
        self.job = Some(job.map_err(|e| Notice::error(t!("learn-could-not-start", detail = e.to_string())))?);
        Ok(())
    }

    /// The training's result when it is in (`None` while it runs or when none runs). With
    /// nothing to suggest from (the starter switched off, nothing done), no suggestion.
    pub fn poll(&mut self) -> Option<Result<Learned, Notice>> {
        let result = match self.job.as_ref()?.poll() {
            Polled::Running => return None,
            Polled::Done(Ok(Some(learned))) => Ok(learned),
            Polled::Done(Ok(None)) => {
                self.job = None;
                self.learned = None;
                let article = self.article.clone();
                return Some(Ok(Learned {
                    article,
                    suggestions: Vec::new(),
                    docs: 0,
                    tokens: 0,
                    layer: None,
                }));
            }
            Polled::Done(Err(detail)) => Err(Notice::error(detail)),
            Polled::Stopped => Err(Notice::error(t!("learn-stopped"))),
        };
        self.job = None;
        if let Ok(learned) = &result {
            self.learned = Some((learned.docs, learned.tokens));
        }
        Some(result)
    }

    /// True while a training runs.
    pub fn is_running(&self) -> bool {
        self.job.is_some()
    }
}

/// Builds the corpus's combined layer — the starter model, the model trained on the done
/// documents and the open one (with the priors; the saved model is used as it is when it was
/// trained on exactly these, so opening a document with no entities yet, or reopening one,
/// costs no training), the corpus's tagged forms and gazetteer — and proposes for the open
/// document. `None`: nothing to suggest from yet; an error is the lower layer's message.
fn learn(
    root: &Path,
    open: TrainDoc,
    article: PathBuf,
    labels: &LabelSet,
    min: u16,
) -> Result<Option<Learned>, String> {
    let corpus = Corpus::open(root).map_err(|e| e.to_string())?;
    let (docs, warnings) = read_docs(&corpus);
    let others: Vec<_> = docs.into_iter().filter(|d| d.path != article).collect();
    let mut setup = Setup::from_docs(&corpus, &others, warnings);
    let text = open.text.clone();
    // A document not done teaches only its sentences with entities: with none, it is left out,
    // so the training set (and the saved model's fingerprint) stays that of the done documents.
    if !(open.partial && open.entities.is_empty()) {
        setup.train_docs.push(open);
    }
    if setup.starter.is_none() && setup.train_docs.iter().all(|d| d.entities.is_empty()) {
        return Ok(None);
    }
    // A gazetteer that cannot be read is left out; `hashiya suggest` says why.
    let (gazetteer, _) = corpus_gazetteer(&corpus);
    let built = match CorpusLayer::build(setup.clone(), &others, gazetteer.clone()) {
        Ok(built) => built,
        // The model could not be saved (a read-only folder): suggest from a model kept in
        // memory, as before the saved model was reused.
        Err(_) => {
            let model = train_for(&setup, &Options::default(), gazetteer.as_ref());
            CorpusLayer {
                model: Some((model, Freshness::Trained)),
                gazetteer,
                ..CorpusLayer::build_without_model(setup, &others)
            }
        }
    };
    let (suggestions, _) = layer_suggestions(&built.layer(), &text, labels, min);
    let (docs, tokens) = built.model.as_ref().map_or((0, 0), |(m, _)| (m.info.docs, m.info.tokens));
    Ok(Some(Learned { article, suggestions, docs, tokens, layer: Some(Arc::new(built)) }))
}
