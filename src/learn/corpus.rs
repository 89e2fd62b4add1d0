//! A corpus folder as training data: its documents with text, entities and status, the
//! training set (done documents, plus the entities of the open one), and the model file kept
//! up to date (loaded if fresh, retrained and saved if missing, stale or unreadable).

use std::path::{Path, PathBuf};

use super::crossval::CvSources;
use super::{Model, Options, TrainDoc, crossval, train_with};
use crate::corpus::{Corpus, CorpusError, DocEntry};
use crate::editor::read_document;
use crate::formats::FormatError;
use crate::formats::store::DocStatus;
use crate::model::{Annotations, Document};

/// One document of a corpus, read.
#[derive(Debug, Clone)]
pub struct CorpusDoc {
    /// The article's path.
    pub path: PathBuf,
    /// Its text.
    pub document: Document,
    /// Its annotations (empty when it has no annotation file yet).
    pub annotations: Annotations,
    /// Its status.
    pub status: DocStatus,
    /// What its edit journal added (edits not yet saved, included above) or why it was not
    /// applied, said once.
    pub journal: Option<String>,
}

impl CorpusDoc {
    /// As training data (partial unless done).
    pub fn train_doc(&self) -> TrainDoc {
        TrainDoc::of(self.document.text(), &self.annotations, self.status != DocStatus::Done)
    }
}

/// Reads one document of a corpus as the window would open it: with the edits of its journal
/// not yet saved (nothing is written).
pub fn read_doc(entry: &DocEntry) -> Result<CorpusDoc, FormatError> {
    let reading = read_document(&entry.path)?;
    let journal = reading.journal.message(&entry.path);
    let article = reading.article;
    let (annotations, status) = (article.ann().clone(), article.status());
    Ok(CorpusDoc { path: entry.path.clone(), document: article.doc, annotations, status, journal })
}

/// Every readable document of the corpus at `dir`, in listing order, and the problems
/// (`path: reason`) of the others.
pub fn read_corpus(dir: &Path) -> Result<(Vec<CorpusDoc>, Vec<String>), CorpusError> {
    Ok(read_docs(&Corpus::open(dir)?))
}

/// Every readable document of `corpus`, in listing order, and the problems (`path: reason`)
/// of the others.
pub fn read_docs(corpus: &Corpus) -> (Vec<CorpusDoc>, Vec<String>) {
    let mut docs = Vec::new();
    let mut problems: Vec<String> = corpus.problems().iter().map(|p| p.to_string()).collect();
    for entry in corpus.docs() {
        match read_doc(entry) {
            Ok(d) => docs.push(d),
            Err(e) => problems.push(e.to_string()),
        }
    }
    (docs, problems)
}

/// The training documents of a corpus: every done document.
pub fn training_set(docs: &[CorpusDoc]) -> Vec<TrainDoc> {
    docs.iter().filter(|d| d.status == DocStatus::Done).map(CorpusDoc::train_doc).collect()
}

/// How [`ensure_model`] got its model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Freshness {
    /// The saved model matched the training data.
    Loaded,
    /// There was no model file: trained and saved.
    Trained,
    /// The saved model was stale (other documents, entities or labels): retrained and saved.
    Stale,
    /// The model file could not be read (foreign, corrupt, other version): retrained and saved.
    Unreadable(String),
}

/// Folds of the cross-validation that measures a corpus model.
pub const FOLDS: usize = 3;

/// Trains on `docs` with the priors of `src` and measures by cross-validation (by document; a
/// corpus of fewer than eight documents is cut into parts of 25 lines first) the model's
/// calibration and the combiner of its layer.
pub fn train_calibrated(docs: &[TrainDoc], opts: &Options, src: &CvSources) -> Model {
    let parts = if docs.len() >= 8 { docs.to_vec() } else { crossval::chunks(docs, 25) };
    // The final model trains beside the folds (two cores: about three trainings' time).
    let (measured, mut model) = std::thread::scope(|scope| {
        let whole = scope.spawn(|| train_with(docs, opts, src.priors));
        let measured = crossval::measure(&parts, opts, src, FOLDS);
        (measured, whole.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
    });
    model.calibration = measured.calibration;
    model.combiner = measured.combiner;
    model
}
