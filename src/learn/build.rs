//! A corpus's combined layer, built: its setup, its model (loaded or trained, with the priors
//! and a cross-validated calibration), the dictionary of its tagged forms, a gazetteer, and the
//! starter's calibration measured on its done documents. [`CorpusLayer::layer`] lends the
//! [`Layer`] that proposes; the command line and the window build the same.

use super::assess::starter_calibration;
use super::calibrate::Calibration;
use super::corpus::{CorpusDoc, Freshness, ensure_model};
use super::layer::{Layer, StarterSource};
use super::setup::Setup;
use super::{LearnError, Model, Options};
use crate::corpus::suggest::{Annotated, Dictionary, dictionary_of};
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

impl CorpusLayer {
    /// Builds the layer of a corpus read as `setup` and `docs` (training or loading its model).
    pub fn build(
        setup: Setup,
        docs: &[CorpusDoc],
        gazetteer: Option<Dictionary>,
    ) -> Result<Self, LearnError> {
        let model = ensure_model(&setup, &Options::default())?;
        Ok(Self { model, gazetteer, ..Self::build_without_model(setup, docs) })
    }

    /// The layer without a learned model (the caller provides one, or none).
    pub fn build_without_model(setup: Setup, docs: &[CorpusDoc]) -> Self {
        let dictionary = dictionary(docs);
        let starter_calibration = setup.starter.and_then(|model| {
            let alone = Layer {
                clitics: Some(setup.clitics.0),
                starter: Some(StarterSource { model, mapping: &setup.starter_map, calibration: None }),
                ..Layer::default()
            };
            starter_calibration(&alone, &setup.train_docs)
        });
        Self { setup, model: None, dictionary, gazetteer: None, starter_calibration }
    }

    /// The layer: every source there is.
    pub fn layer(&self) -> Layer<'_> {
        let starter = self.setup.starter.map(|model| StarterSource {
            model,
            mapping: &self.setup.starter_map,
            calibration: self.starter_calibration.clone().or_else(|| model.calibration.clone()),
        });
        let priors: Vec<&Model> = self.setup.priors().iter().map(|p| p.model).collect();
        Layer {
            clitics: Some(self.setup.clitics.0),
            starter,
            model: self.model.as_ref().map(|(m, _)| (m, priors)),
            corpus: self.dictionary.as_ref(),
            gazetteer: self.gazetteer.as_ref(),
        }
    }

    /// The layer of the corpus's model alone (`hashiya suggest --model`).
    pub fn model_layer(&self) -> Layer<'_> {
        Layer { starter: None, corpus: None, gazetteer: None, ..self.layer() }
    }
}
