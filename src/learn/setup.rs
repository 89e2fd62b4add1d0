//! What a corpus's learner works with, read once from the corpus: its labels, its done
//! documents, its clitic convention (the corpus file's, else what its annotated documents
//! show, else "include"), the starter model with its label mapping, and the models of the
//! other corpora it also learns from ([`crate::corpus::Prior`]), trained on their done
//! documents with their labels mapped onto this corpus's and kept beside this corpus's model
//! (`hashiya-prior-<hash>.bin`).

use std::path::{Path, PathBuf};

use rustc_hash::FxHasher;

use super::corpus::{CorpusDoc, read_corpus, read_docs, training_set};
use super::mapping::{Confusion, Mapping, default_target, relabel};
use super::train::{Options, Prior, TrainDoc, fingerprint, train};
use super::{LearnError, Model, clitics, file, starter};
use crate::corpus::{Clitics, Corpus, LabelMap, LearnSettings};
use crate::formats::store::DocStatus;

/// Where the clitic convention in use comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConventionOrigin {
    /// The corpus file says it.
    Setting,
    /// The corpus's annotated documents show it.
    Documents,
    /// Nothing says it: token-level spans, as corpora exchanged in CoNLL have.
    Default,
}

/// Another corpus learned from, with its model.
#[derive(Debug, Clone)]
pub struct PriorModel {
    /// Its folder.
    pub path: PathBuf,
    /// A model of its done documents, labels mapped onto this corpus's.
    pub model: Model,
}

/// Everything a corpus's learner works with.
#[derive(Debug, Clone)]
pub struct Setup {
    /// The corpus root.
    pub root: PathBuf,
    /// The corpus's label names.
    pub labels: Vec<String>,
    /// The corpus's learning settings.
    pub settings: LearnSettings,
    /// The done documents.
    pub train_docs: Vec<TrainDoc>,
    /// The clitic convention and where it comes from.
    pub clitics: (Clitics, ConventionOrigin),
    /// The starter model, unless switched off.
    pub starter: Option<&'static Model>,
    /// The starter's labels mapped onto the corpus's.
    pub starter_map: Mapping,
    /// The other corpora's models.
    pub priors: Vec<PriorModel>,
    /// Problems met on the way (unreadable documents, prior folders that could not be read).
    pub warnings: Vec<String>,
}

impl Setup {
    /// Reads the corpus at `dir` (its documents too) and trains or loads its priors' models.
    pub fn read(dir: &Path) -> Result<(Self, Vec<CorpusDoc>), LearnError> {
        let corpus = Corpus::open(dir).map_err(|e| LearnError::Corpus(e.to_string()))?;
        let (docs, warnings) = read_docs(&corpus);
        Ok((Self::from_docs(&corpus, &docs, warnings), docs))
    }

    /// The setup of `corpus` whose documents are `docs`.
    pub fn from_docs(corpus: &Corpus, docs: &[CorpusDoc], mut warnings: Vec<String>) -> Self {
        let settings = corpus.settings().learning.clone();
        let labels: Vec<String> = corpus.labels().iter().map(|l| l.name.clone()).collect();
        let train_docs = training_set(docs);
        let clitics = convention(&settings, docs);
        let starter = if settings.starter { starter::model() } else { None };
        let starter_map =
            starter.map(|m| starter_mapping(m, &settings, &labels, &train_docs)).unwrap_or_default();
        let mut priors = Vec::new();
        for p in &settings.priors {
            match prior_model(corpus.root(), &p.resolve(corpus.root()), &p.map, &labels) {
                Ok(Some(m)) => priors.push(m),
                Ok(None) => warnings
                    .push(format!("{}: no done document with entities to learn from", p.path.display())),
                Err(e) => warnings.push(format!("{}: {e}", p.path.display())),
            }
        }
        let root = corpus.root().to_path_buf();
        Self { root, labels, settings, train_docs, clitics, starter, starter_map, priors, warnings }
    }

    /// The priors the corpus's model is trained and predicts with: the starter (its labels
    /// mapped) and the other corpora's models.
    pub fn priors(&self) -> Vec<Prior<'_>> {
        let mut out = Vec::new();
        if let Some(m) = self.starter {
            let map = self
                .starter_map
                .entries
                .iter()
                .filter_map(|e| Some((e.source.clone(), e.target.clone()?)))
                .collect();
            out.push(Prior { model: m, map });
        }
        for p in &self.priors {
            let map = p.model.labels.iter().map(|l| (l.clone(), l.clone())).collect();
            out.push(Prior { model: &p.model, map });
        }
        out
    }

    /// A fingerprint of everything the corpus's model depends on: the done documents, the
    /// labels, the priors and their mappings, the gazetteer setting, the options.
    pub fn key(&self, opts: &Options) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = FxHasher::default();
        fingerprint(&self.train_docs).hash(&mut h);
        self.labels.hash(&mut h);
        for p in self.priors() {
            p.model.info.fingerprint.hash(&mut h);
            p.map.hash(&mut h);
        }
        // The combiner weighs the gazetteer too: another gazetteer, another fit.
        self.settings.gazetteer.hash(&mut h);
        format!("{opts:?}").hash(&mut h);
        h.finish()
    }
}

/// The starter's types mapped onto `labels`: the user's choices in `settings`, else what the
/// starter proposed and the annotator tagged on the done documents `train_docs`, else the rule.
pub fn starter_mapping(
    starter: &Model,
    settings: &LearnSettings,
    labels: &[String],
    train_docs: &[TrainDoc],
) -> Mapping {
    let learned = starter_confusion(starter, train_docs).corrections();
    Mapping::new(&starter.labels, labels, &settings.starter_map, &learned)
}

/// The clitic convention: the setting, else the annotated documents' evidence, else include.
pub fn convention(settings: &LearnSettings, docs: &[CorpusDoc]) -> (Clitics, ConventionOrigin) {
    if let Some(c) = settings.clitics {
        return (c, ConventionOrigin::Setting);
    }
    let annotated: Vec<TrainDoc> =
        docs.iter().filter(|d| d.status != DocStatus::Skipped).map(CorpusDoc::train_doc).collect();
    let evidence = clitics::learn(annotated.iter().map(|d| (d.text.as_str(), d.entities.as_slice())));
    match evidence.convention() {
        Some(c) => (c, ConventionOrigin::Documents),
        None => (Clitics::Include, ConventionOrigin::Default),
    }
}

/// What the starter proposed on the done documents against what was tagged there.
pub fn starter_confusion(starter: &Model, docs: &[TrainDoc]) -> Confusion {
    let mut c = Confusion::default();
    for d in docs.iter().filter(|d| !d.partial) {
        let proposed: Vec<_> = starter.predict(&d.text).into_iter().map(|p| (p.range, p.label)).collect();
        c.add(&proposed, &d.entities);
    }
    c
}

/// The model of the prior corpus at `dir`: its done documents with their labels mapped by
/// `map`, then by name onto `labels` (others left out); loaded from this corpus's folder
/// `root` when trained on exactly these, else trained and saved there.
fn prior_model(
    root: &Path,
    dir: &Path,
    map: &LabelMap,
    labels: &[String],
) -> Result<Option<PriorModel>, LearnError> {
    let (docs, _) = read_corpus(dir).map_err(|e| LearnError::Corpus(e.to_string()))?;
    let mut full = map.clone();
    for d in &docs {
        for e in d.annotations.labels().iter() {
            full.entry(e.name.clone()).or_insert_with(|| default_target(&e.name, labels));
        }
    }
    let train_docs = relabel(&training_set(&docs), &full);
    if train_docs.iter().all(|d| d.entities.is_empty()) {
        return Ok(None);
    }
    let key = fingerprint(&train_docs);
    let path = root.join(format!("hashiya-prior-{key:016x}.bin"));
    let model = match file::load(&path) {
        Ok(m) if m.info.fingerprint == key => m,
        _ => {
            let m = train(&train_docs, &Options::default());
            file::save(&m, &path)?;
            m
        }
    };
    Ok(Some(PriorModel { path: dir.to_path_buf(), model }))
}
