//! The trained model and prediction: text → units → features → Viterbi, and back to
//! labelled byte spans with a confidence.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::Clusters;
use super::calibrate::Calibration;
use super::combiner::Combiner;
use super::dict::Dictionary;
use super::features::extract_with;
use super::perceptron::Weights;
use super::stack::{Proposal, proposals};
use super::train::prior_features;
use super::units::{Unit, sentences, units};
use crate::search::NormalizedText;

/// A proposed entity.
#[derive(Debug, Clone, PartialEq)]
pub struct Prediction {
    /// Byte range in the text (never starting with a split-off proclitic).
    pub range: Range<usize>,
    /// Label name.
    pub label: String,
    /// Confidence 0..=1: the smallest marginal probability of the label over its units.
    pub confidence: f32,
    /// Other labels with a marginal of at least 0.1 on the first unit, most likely first.
    pub alternatives: Vec<String>,
}

/// What a model was trained on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrainInfo {
    /// Documents learned from.
    pub docs: u32,
    /// Units (tokens) learned from.
    pub tokens: u64,
    /// Fingerprint of the training data (see [`fingerprint`]).
    pub fingerprint: u64,
}

/// A trained sequence labeller.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// Label names; tag `k + 1` is label `k`.
    pub labels: Vec<String>,
    /// Feature hash → row of the weights.
    pub(super) index: FxHashMap<u64, u32>,
    /// The averaged weights.
    pub(super) weights: Weights,
    /// Tagged names of the training data.
    pub(super) dict: Dictionary,
    /// Whether the clusters are used.
    pub(super) use_clusters: bool,
    /// What it was trained on.
    pub info: TrainInfo,
    /// The fingerprints of the priors whose proposals it was trained with, in order: it
    /// predicts with the same ones ([`Model::predict_with`]).
    pub priors: Vec<u64>,
    /// What it is (shown to users: the starter's origin and licence).
    pub description: String,
    /// Raw confidence → measured precision on documents it did not learn from, when known.
    pub calibration: Option<Calibration>,
    /// How its layer weighs the sources, fitted on documents it did not learn from.
    pub combiner: Option<Combiner>,
}

/// Default confidence threshold of suggestions (chosen for precision on NewsFANE held-out
/// data; see BENCHMARKS.md).
pub const DEFAULT_THRESHOLD: f32 = 0.95;

/// Scale of the scores in the marginals (a temperature, chosen on NewsFANE held-out data).
pub const SCALE: f32 = 0.1;

fn no_clusters() -> &'static Clusters {
    static EMPTY: std::sync::OnceLock<Clusters> = std::sync::OnceLock::new();
    EMPTY.get_or_init(Clusters::default)
}

pub(super) fn clusters_for(on: bool) -> &'static Clusters {
    if on { Clusters::shared() } else { no_clusters() }
}

/// Normalised text of each unit.
pub(super) fn norms(text: &str, units: &[Unit]) -> Vec<String> {
    units.iter().map(|u| NormalizedText::new(text.get(u.range.clone()).unwrap_or("")).into_string()).collect()
}

impl Model {
    /// Number of feature rows (weights are rows × tags).
    pub fn index_len(&self) -> usize {
        self.index.len()
    }

    /// Entities proposed for `text`, in reading order, with their confidence (a model
    /// trained with priors needs them: [`Model::predict_with`]).
    pub fn predict(&self, text: &str) -> Vec<Prediction> {
        self.predict_with(text, &[])
    }

    /// Entities proposed for `text` with the proposals of `priors` (the ones it was trained
    /// with, in the same order) as features.
    pub fn predict_with(&self, text: &str, priors: &[&Model]) -> Vec<Prediction> {
        let proposals: Vec<Vec<Proposal>> = priors.iter().map(|m| proposals(m, text)).collect();
        self.predict_stacked(text, &proposals)
    }

    /// Entities proposed for `text` given what its priors proposed (in the order it was
    /// trained with them), for a caller that has those proposals already.
    pub fn predict_stacked(&self, text: &str, prior_proposals: &[Vec<Proposal>]) -> Vec<Prediction> {
        let units = units(text);
        let norms = norms(text, &units);
        let refs: Vec<&str> = norms.iter().map(String::as_str).collect();
        let marks = (!self.dict.is_empty()).then(|| self.dict.marks(&refs, &units));
        let extra = prior_features(&units, prior_proposals);
        let clusters = clusters_for(self.use_clusters);
        let feats = extract_with(text, &units, &norms, clusters, marks.as_deref(), extra.as_deref());
        let mut out = Vec::new();
        for r in sentences(&units) {
            let rows = r.clone().map(|i| feats.unit(i).iter().filter_map(|id| self.index.get(id).copied()));
            let emit = self.weights.scores(rows);
            let tags = self.weights.viterbi(&emit);
            if tags.iter().all(|&t| t == 0) {
                continue;
            }
            let marg = self.weights.marginals(&emit, SCALE);
            self.spans(&units[r.clone()], &tags, &marg, &mut out);
        }
        out
    }

    /// Turns runs of one tag into predictions.
    fn spans(&self, units: &[Unit], tags: &[u16], marg: &[f32], out: &mut Vec<Prediction>) {
        let t = self.weights.tags;
        let mut i = 0;
        while i < tags.len() {
            let tag = tags[i];
            if tag == 0 {
                i += 1;
                continue;
            }
            let mut j = i;
            while j + 1 < tags.len() && tags[j + 1] == tag {
                j += 1;
            }
            let first = if units[i].clitic && j > i { i + 1 } else { i };
            let conf = (first..=j).map(|k| marg[k * t + tag as usize]).fold(1.0f32, f32::min);
            let mut alts: Vec<(f32, usize)> = (1..t)
                .filter(|&c| c != tag as usize)
                .map(|c| (marg[first * t + c], c))
                .filter(|a| a.0 >= 0.1)
                .collect();
            alts.sort_by(|a, b| b.0.total_cmp(&a.0));
            let name = |c: usize| self.labels.get(c.wrapping_sub(1)).cloned().unwrap_or_default();
            if !units[first].clitic {
                out.push(Prediction {
                    range: units[first].range.start..units[j].range.end,
                    label: name(tag as usize),
                    confidence: conf.clamp(0.0, 1.0),
                    alternatives: alts.into_iter().map(|(_, c)| name(c)).collect(),
                });
            }
            i = j + 1;
        }
    }
}
