//! A corpus's combined layer, built: its setup, its model (loaded or trained, with the priors,
//! a cross-validated calibration and the layer's combiner), the dictionary of its tagged
//! forms, a gazetteer, and the starter's calibration measured on its done documents.
//! [`CorpusLayer::layer`] lends the [`Layer`] that proposes; the command line and the window
//! build the same.

use super::assess::starter_calibration;
use super::calibrate::Calibration;
use super::corpus::{CorpusDoc, Freshness, train_calibrated};
use super::crossval::CvSources;
use super::layer::{Layer, StarterSource};
use super::setup::Setup;
use super::{LearnError, Model, Options, file};
use crate::corpus::Corpus;
use crate::corpus::suggest::{Annotated, Dictionary, dictionary_of};
use crate::formats::gazetteer::read_gazetteer;
use crate::formats::store::DocStatus;

/// A corpus's combined layer and what it is built of.
#[derive(Debug)]
pub struct CorpusLayer {
    /// The setup.
    pub setup: Setup,
    /// The corpus's model and how it was had (`None`: nothing done to learn from yet).
    pub model: Option<(Model, Freshness)>,
    /// The forms tagged in the corpus (done documents, or when none is done those with
    /// entities).
    pub dictionary: Option<Dictionary>,
    /// A gazetteer's names.
    pub gazetteer: Option<Dictionary>,
    /// The starter's calibration measured on the done documents (else its built-in one).
    pub starter_calibration: Option<Calibration>,
}

/// The dictionary of the forms tagged in `docs`: the done ones, or when none is done those
/// with entities (`None` when there are none).
pub fn dictionary(docs: &[CorpusDoc]) -> Option<Dictionary> {
    let annotated = |keep: &dyn Fn(&CorpusDoc) -> bool| -> Vec<Annotated> {
        docs.iter()
            .filter(|d| keep(d) && !d.annotations.entities().is_empty())
            .map(|d| {
                let t = d.train_doc();
                Annotated { text: t.text, entities: t.entities }
            })
            .collect()
    };
    let done = annotated(&|d| d.status == DocStatus::Done);
    let chosen = if done.is_empty() { annotated(&|_| true) } else { done };
    if chosen.is_empty() {
        return None;
    }
    dictionary_of(&chosen).ok().filter(|d| !d.gazetteer.is_empty())
}

/// The gazetteer the corpus file names (`gazetteer: Some("names.tsv")`, relative to the root),
/// read; a problem is returned as a warning and the layer goes on without it.
pub fn corpus_gazetteer(corpus: &Corpus) -> (Option<Dictionary>, Vec<String>) {
    let Some(path) = corpus.settings().learning.gazetteer.as_ref() else { return (None, Vec::new()) };
    match read_gazetteer(&corpus.root().join(path)) {
        Ok((g, warnings)) => {
            (Some(Dictionary::from_gazetteer(g)), warnings.iter().map(ToString::to_string).collect())
        }
        Err(e) => (None, vec![format!("the corpus's gazetteer is left out: {e}")]),
    }
}

/// The starter as a source of `setup`'s layer, with `calibration` (measured on the done
/// documents) or else its built-in one.
pub fn starter_source(setup: &Setup, calibration: Option<Calibration>) -> Option<StarterSource<'_>> {
    setup.starter.map(|model| StarterSource {
        model,
        mapping: &setup.starter_map,
        calibration: calibration.or_else(|| model.calibration.clone()),
    })
}

/// The starter's calibration measured on `setup`'s done documents (`None`: too few proposals).
pub fn measured_starter(setup: &Setup) -> Option<Calibration> {
    let alone =
        Layer { clitics: Some(setup.clitics.0), starter: starter_source(setup, None), ..Layer::default() };
    alone.starter.as_ref()?;
    starter_calibration(&alone, &setup.train_docs)
}

/// Trains `setup`'s model as its layer uses it: with the priors, and with the calibration and
/// combiner measured by cross-validation among the layer's other sources.
pub fn train_for(setup: &Setup, opts: &Options, gazetteer: Option<&Dictionary>) -> Model {
    let priors = setup.priors();
    let src = CvSources {
        priors: &priors,
        starter: starter_source(setup, measured_starter(setup)),
        gazetteer,
        clitics: setup.clitics.0,
    };
    let mut model = train_calibrated(&setup.train_docs, opts, &src);
    model.info.fingerprint = setup.key(opts);
    model
}

/// The corpus's model for its setup: loaded from its file when it was trained on exactly
/// the same done documents, labels and priors ([`Setup::key`]), else trained ([`train_for`])
/// and saved. `None` when there is nothing to learn (no done document has an entity yet).
pub fn ensure_model(
    setup: &Setup,
    opts: &Options,
    gazetteer: Option<&Dictionary>,
) -> Result<Option<(Model, Freshness)>, LearnError> {
    if setup.train_docs.iter().all(|d| d.entities.is_empty()) {
        return Ok(None);
    }
    let path = file::path_in(&setup.root);
    let freshness = match file::load(&path) {
        Ok(m) if m.info.fingerprint == setup.key(opts) => return Ok(Some((m, Freshness::Loaded))),
        Ok(_) => Freshness::Stale,
        Err(LearnError::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
            Freshness::Trained
        }
        Err(e) => Freshness::Unreadable(e.to_string()),
    };
    let model = train_for(setup, opts, gazetteer);
    file::save(&model, &path)?;
    Ok(Some((model, freshness)))
}

impl CorpusLayer {
    /// Builds the layer of a corpus read as `setup` and `docs` (training or loading its model).
    pub fn build(
        setup: Setup,
        docs: &[CorpusDoc],
        gazetteer: Option<Dictionary>,
    ) -> Result<Self, LearnError> {
        let model = ensure_model(&setup, &Options::default(), gazetteer.as_ref())?;
        Ok(Self { model, gazetteer, ..Self::build_without_model(setup, docs) })
    }

    /// The layer without a learned model (the caller provides one, or none).
    pub fn build_without_model(setup: Setup, docs: &[CorpusDoc]) -> Self {
        let dictionary = dictionary(docs);
        let starter_calibration = measured_starter(&setup);
        Self { setup, model: None, dictionary, gazetteer: None, starter_calibration }
    }

    /// The layer: every source there is.
    pub fn layer(&self) -> Layer<'_> {
        let priors: Vec<&Model> = self.setup.priors().iter().map(|p| p.model).collect();
        Layer {
            clitics: Some(self.setup.clitics.0),
            starter: starter_source(&self.setup, self.starter_calibration.clone()),
            model: self.model.as_ref().map(|(m, _)| (m, priors)),
            corpus: self.dictionary.as_ref(),
            gazetteer: self.gazetteer.as_ref(),
            combiner: self.model.as_ref().and_then(|(m, _)| m.combiner.as_ref()),
        }
    }

    /// The layer of the corpus's model alone (`hashiya suggest --model`).
    pub fn model_layer(&self) -> Layer<'_> {
        Layer { starter: None, corpus: None, gazetteer: None, combiner: None, ..self.layer() }
    }
}
