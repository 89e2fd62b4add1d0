//! Held-out assessment of every suggestion source and of the combined layer (what
//! `hashiya train --eval` prints): each source is built from the training part of the done
//! documents exactly as the corpus would build it, and scored on the rest with exact spans and
//! the corpus's clitic convention, at every confidence, at the default threshold, and as a
//! reliability table.

use std::ops::Range;

use super::Model;
use super::calibrate::Calibration;
use super::corpus::train_calibrated;
use super::crossval::CvSources;
use super::crossval::judge;
use super::eval::{Counts, Scores};
use super::layer::{Candidate, Layer, StarterSource};
use super::mapping::Mapping;
use super::setup::starter_confusion;
use super::train::{Options, Prior, TrainDoc};
use crate::corpus::suggest::{Annotated, dictionary_of};
use crate::corpus::{Clitics, LabelMap};

/// What an assessment needs besides the documents.
#[derive(Debug, Clone)]
pub struct Context<'a> {
    /// The corpus's label names.
    pub labels: &'a [String],
    /// Its clitic convention.
    pub clitics: Clitics,
    /// The starter, if used.
    pub starter: Option<&'a Model>,
    /// The user's starter mapping.
    pub starter_map: &'a LabelMap,
    /// Other corpora's models (labels already the corpus's).
    pub others: Vec<&'a Model>,
    /// Training options.
    pub opts: Options,
}

/// One source's held-out scores.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceScores {
    /// Its name.
    pub name: String,
    /// Every proposal kept.
    pub all: Counts,
    /// Proposals at least as sure as the threshold kept.
    pub at_threshold: Counts,
    /// (confidence, right) of every proposal.
    pub observations: Vec<(f32, bool)>,
}

/// The calibration of the starter's mapped proposals, measured on `docs` and pulled towards
/// the calibration `layer`'s starter has (its built-in one) so that a few documents only
/// nudge it (`None` with too few proposals: then the built-in calibration holds).
pub fn starter_calibration(layer: &Layer, docs: &[TrainDoc]) -> Option<Calibration> {
    let prior = layer.starter.as_ref().and_then(|s| s.calibration.as_ref());
    let raw = Layer {
        starter: layer.starter.clone().map(|s| StarterSource { calibration: None, ..s }),
        ..Layer::default()
    };
    let mut obs = Vec::new();
    for d in docs.iter().filter(|d| !d.partial) {
        obs.extend(judged(&raw, d));
    }
    Calibration::fit_toward(&obs, prior)
}

fn judged(layer: &Layer, d: &TrainDoc) -> Vec<(f32, bool)> {
    judge_all(layer, d, &layer.propose(&d.text))
}

fn judge_all(layer: &Layer, d: &TrainDoc, cands: &[Candidate]) -> Vec<(f32, bool)> {
    let proposed: Vec<(Range<usize>, String, f32)> =
        cands.iter().map(|c| (c.range.clone(), c.label.clone(), c.confidence)).collect();
    // The layer already gave the spans the convention; judging applies it again harmlessly.
    judge(&d.text, &d.entities, &proposed, layer.clitics.unwrap_or(Clitics::Include))
}

fn scores(name: &str, layer: &Layer, test: &[TrainDoc], threshold: f32) -> SourceScores {
    let mut observations = Vec::new();
    let (mut all, mut kept) = (Scores::default(), Scores::default());
    for d in test {
        let cands = layer.propose(&d.text);
        let spans = |min: f32| -> Vec<(Range<usize>, String)> {
            cands.iter().filter(|c| c.confidence >= min).map(|c| (c.range.clone(), c.label.clone())).collect()
        };
        all.add(&d.entities, &spans(0.0));
        kept.add(&d.entities, &spans(threshold));
        observations.extend(judge_all(layer, d, &cands));
    }
    SourceScores { name: name.to_string(), all: all.total, at_threshold: kept.total, observations }
}

/// Scores every source, and the combined layer, built from `train` and scored on `test`.
pub fn assess(train: &[TrainDoc], test: &[TrainDoc], ctx: &Context, threshold: f32) -> Vec<SourceScores> {
    let annotated: Vec<Annotated> =
        train.iter().map(|d| Annotated { text: d.text.clone(), entities: d.entities.clone() }).collect();
    let dict = dictionary_of(&annotated).ok();
    let learned = ctx.starter.map(|s| starter_confusion(s, train).corrections()).unwrap_or_default();
    let mapping = ctx.starter.map(|s| Mapping::new(&s.labels, ctx.labels, ctx.starter_map, &learned));
    let mut starter = ctx.starter.zip(mapping.as_ref()).map(|(model, mapping)| StarterSource {
        model,
        mapping,
        calibration: model.calibration.clone(),
    });
    let base = Layer { clitics: Some(ctx.clitics), ..Layer::default() };
    if let Some(s) = &mut starter {
        let alone = Layer { starter: Some(s.clone()), ..base.clone() };
        if let Some(c) = starter_calibration(&alone, train) {
            s.calibration = Some(c);
        }
    }
    let mut priors: Vec<Prior> = Vec::new();
    if let (Some(model), Some(mapping)) = (ctx.starter, mapping.as_ref()) {
        let map =
            mapping.entries.iter().filter_map(|e| Some((e.source.clone(), e.target.clone()?))).collect();
        priors.push(Prior { model, map });
    }
    for m in &ctx.others {
        priors.push(Prior { model: m, map: m.labels.iter().map(|l| (l.clone(), l.clone())).collect() });
    }
    let learns = train.iter().any(|d| !d.entities.is_empty());
    let alone = CvSources { priors: &[], starter: None, gazetteer: None, clitics: ctx.clitics };
    let plain = learns.then(|| train_calibrated(train, &ctx.opts, &alone));
    let with = CvSources { priors: &priors, starter: starter.clone(), ..alone.clone() };
    let stacked = (learns && !priors.is_empty()).then(|| train_calibrated(train, &ctx.opts, &with));
    let prior_models: Vec<&Model> = priors.iter().map(|p| p.model).collect();
    let mut out = Vec::new();
    if let Some(s) = &starter {
        out.push(scores(
            "starter (mapped)",
            &Layer { starter: Some(s.clone()), ..base.clone() },
            test,
            threshold,
        ));
    }
    if let Some(m) = &plain {
        out.push(scores(
            "model, no priors",
            &Layer { model: Some((m, Vec::new())), ..base.clone() },
            test,
            threshold,
        ));
    }
    if let Some(m) = &stacked {
        let layer = Layer { model: Some((m, prior_models.clone())), ..base.clone() };
        out.push(scores("model with priors", &layer, test, threshold));
    }
    if let Some(d) = dict.as_ref().filter(|d| !d.gazetteer.is_empty()) {
        out.push(scores("corpus dictionary", &Layer { corpus: Some(d), ..base.clone() }, test, threshold));
    }
    let model = match (&stacked, &plain) {
        (Some(m), _) => Some((m, prior_models)),
        (None, Some(m)) => Some((m, Vec::new())),
        _ => None,
    };
    let corpus = dict.as_ref().filter(|d| !d.gazetteer.is_empty());
    let combiner = model.as_ref().and_then(|(m, _)| m.combiner.as_ref());
    let combined = Layer { starter, model, corpus, combiner, ..base };
    out.push(scores("combined layer", &combined, test, threshold));
    out
}
