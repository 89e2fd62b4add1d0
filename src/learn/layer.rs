//! The combined suggestion layer: every available source — the starter model (its labels
//! mapped), the corpus's learned model (with its priors), the dictionary of the corpus's
//! tagged forms, a gazetteer — proposes spans with a confidence on one scale (each source's
//! measured precision, [`Calibration`]), all given the corpus's clitic convention; then one
//! suggestion per span: the surest proposal of each span and label, and of overlapping spans
//! the surest, the other labels proposed for it kept as alternatives.

use std::collections::BTreeSet;
use std::ops::Range;

use super::calibrate::Calibration;
use super::combiner::{Combiner, SOURCES, group};
use super::mapping::Mapping;
use super::stack::{Proposal, proposals};
use super::{Model, clitics};
use crate::corpus::Clitics;
use crate::corpus::suggest::{Dictionary, matches};
use crate::model::{LabelSet, Suggestion, SuggestionSource};
use crate::search::NormalizedText;

/// The default least confidence of the combined layer's suggestions (a measured precision:
/// of the suggestions shown at confidence c, about c are right).
pub const DEFAULT_MIN_CONFIDENCE: f32 = 0.5;

/// A proposal of one source.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Byte range, with the corpus's clitic convention.
    pub range: Range<usize>,
    /// Corpus label name.
    pub label: String,
    /// Measured precision 0..=1.
    pub confidence: f32,
    /// Which source.
    pub source: SuggestionSource,
    /// Other labels proposed for the same span.
    pub alternatives: Vec<String>,
}

/// The starter as a source: the model, its mapping, and its calibration (measured on the
/// corpus's done documents when they hold enough proposals, else the built-in one).
#[derive(Debug, Clone)]
pub struct StarterSource<'a> {
    /// The model.
    pub model: &'a Model,
    /// Its labels onto the corpus's.
    pub mapping: &'a Mapping,
    /// Raw confidence → precision.
    pub calibration: Option<Calibration>,
}

/// Every source of a corpus's layer.
#[derive(Debug, Clone, Default)]
pub struct Layer<'a> {
    /// The corpus's clitic convention, given to every span.
    pub clitics: Option<Clitics>,
    /// The starter.
    pub starter: Option<StarterSource<'a>>,
    /// The corpus's model and the priors it predicts with.
    pub model: Option<(&'a Model, Vec<&'a Model>)>,
    /// Forms tagged in the corpus.
    pub corpus: Option<&'a Dictionary>,
    /// A gazetteer file's names.
    pub gazetteer: Option<&'a Dictionary>,
    /// How the sources are weighed (the model's, fitted with these sources); without one,
    /// the surest source's confidence counts.
    pub combiner: Option<&'a Combiner>,
}

fn calibrated(c: Option<&Calibration>, raw: f32) -> f32 {
    c.map_or(raw, |c| c.apply(raw)).clamp(0.0, 1.0)
}

impl Layer<'_> {
    /// Every source's proposals for `text`.
    pub fn candidates(&self, text: &str) -> Vec<Candidate> {
        let mut out = Vec::new();
        let convention = self.clitics.unwrap_or(Clitics::Include);
        let mut push = |range: Range<usize>, label: String, confidence: f32, source, alternatives| {
            let range = clitics::apply(text, range, convention);
            out.push(Candidate { range, label, confidence, source, alternatives });
        };
        let starter_raw = self.starter.as_ref().map(|s| s.model.predict(text));
        if let (Some(s), Some(raw)) = (&self.starter, &starter_raw) {
            for p in raw.iter().cloned() {
                let Some(label) = s.mapping.target(&p.label) else { continue };
                let alts =
                    p.alternatives.iter().filter_map(|a| s.mapping.target(a)).map(str::to_string).collect();
                let conf = calibrated(s.calibration.as_ref(), p.confidence);
                push(p.range, label.to_string(), conf, SuggestionSource::Starter, alts);
            }
        }
        if let Some((m, priors)) = &self.model {
            // The starter's proposals serve as its prior features too: it runs once.
            let starter = self.starter.as_ref().map(|s| s.model.info.fingerprint);
            let proposals: Vec<Vec<Proposal>> = priors
                .iter()
                .map(|p| match &starter_raw {
                    Some(raw) if Some(p.info.fingerprint) == starter => {
                        raw.iter().map(|x| (x.range.clone(), x.label.clone(), x.confidence)).collect()
                    }
                    _ => proposals(p, text),
                })
                .collect();
            for p in m.predict_stacked(text, &proposals) {
                let conf = calibrated(m.calibration.as_ref(), p.confidence);
                push(p.range, p.label, conf, SuggestionSource::Model, p.alternatives);
            }
        }
        let dicts = [(self.corpus, SuggestionSource::Corpus), (self.gazetteer, SuggestionSource::Gazetteer)];
        if dicts.iter().any(|(d, _)| d.is_some()) {
            let normalized = NormalizedText::new(text);
            for (dict, source) in dicts.iter().filter_map(|(d, s)| Some((d.as_ref()?, *s))) {
                for (range, label, conf, alts) in matches(dict, text, &normalized) {
                    push(range, label, conf, source, alts);
                }
            }
        }
        out
    }

    /// The layer for `text`: one suggestion per span (see [`combine`]). With a combiner, each
    /// span and label's confidence is the combiner's weighing of every source that proposed
    /// it; else the surest source's.
    pub fn propose(&self, text: &str) -> Vec<Candidate> {
        let cands = self.candidates(text);
        match self.combiner {
            Some(c) => combine(weighed(&cands, c)),
            None => combine(cands),
        }
    }
}

/// Each span and label proposed, once, with the combiner's confidence; the source is the
/// surest one's.
fn weighed(cands: &[Candidate], combiner: &Combiner) -> Vec<Candidate> {
    group(cands)
        .into_iter()
        .map(|g| {
            let best = g
                .confs
                .iter()
                .zip(SOURCES)
                .filter_map(|(c, s)| Some((c.as_ref()?, s)))
                .max_by(|a, b| a.0.total_cmp(b.0))
                .map_or(SuggestionSource::Model, |(_, s)| s);
            Candidate {
                confidence: combiner.score(&g),
                range: g.range,
                label: g.label,
                source: best,
                alternatives: g.alternatives,
            }
        })
        .collect()
}

/// One suggestion per span: per span and label the surest proposal; of overlapping spans the
/// surest first (ties: the longer span); the other labels proposed for a kept span become its
/// alternatives. In reading order.
pub fn combine(mut cands: Vec<Candidate>) -> Vec<Candidate> {
    cands.sort_by(|a, b| {
        b.confidence
            .total_cmp(&a.confidence)
            .then((b.range.end - b.range.start).cmp(&(a.range.end - a.range.start)))
            .then(a.range.start.cmp(&b.range.start))
    });
    let mut kept: Vec<Candidate> = Vec::new();
    for c in cands {
        if c.range.start >= c.range.end {
            continue;
        }
        if let Some(k) = kept.iter_mut().find(|k| k.range == c.range) {
            if k.label != c.label && !k.alternatives.contains(&c.label) {
                k.alternatives.push(c.label);
            }
            continue;
        }
        if kept.iter().any(|k| k.range.start < c.range.end && c.range.start < k.range.end) {
            continue;
        }
        kept.push(c);
    }
    for k in &mut kept {
        let label = k.label.clone();
        k.alternatives.retain(|a| *a != label);
        let mut seen = BTreeSet::new();
        k.alternatives.retain(|a| seen.insert(a.clone()));
    }
    kept.sort_by_key(|k| (k.range.start, k.range.end));
    kept
}

/// The layer's candidates as suggestions with label ids of `labels`, keeping those at least
/// `min` sure (per mille); label names `labels` lacks are returned, not suggested.
pub fn to_suggestions(
    cands: Vec<Candidate>,
    labels: &LabelSet,
    min: u16,
) -> (Vec<Suggestion>, BTreeSet<String>) {
    let mut unknown = BTreeSet::new();
    let mut out = Vec::new();
    for c in cands {
        let confidence = (c.confidence * 1000.0).round().clamp(0.0, 1000.0) as u16;
        if confidence < min {
            continue;
        }
        let Some(label) = labels.by_name(&c.label) else {
            unknown.insert(c.label);
            continue;
        };
        let mut s = Suggestion::new(c.range, label.id, c.source, confidence);
        s.alternatives = c.alternatives.iter().filter_map(|a| labels.by_name(a)).map(|l| l.id).collect();
        out.push(s);
    }
    (out, unknown)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(r: Range<usize>, label: &str, conf: f32, source: SuggestionSource) -> Candidate {
        Candidate { range: r, label: label.into(), confidence: conf, source, alternatives: Vec::new() }
    }

    #[test]
    fn one_suggestion_per_span_the_surest_with_the_others_as_alternatives() {
        let out = combine(vec![
            cand(0..10, "LOC", 0.6, SuggestionSource::Starter),
            cand(0..10, "ORG", 0.8, SuggestionSource::Model),
            cand(0..10, "LOC", 0.7, SuggestionSource::Corpus),
            cand(5..20, "PER", 0.9, SuggestionSource::Gazetteer),
            cand(30..40, "PER", 0.5, SuggestionSource::Starter),
            cand(30..40, "PER", 0.95, SuggestionSource::Model),
        ]);
        assert_eq!(out.len(), 2, "{out:?}");
        assert_eq!((out[0].range.clone(), out[0].label.as_str()), (5..20, "PER"));
        assert_eq!(
            (out[1].range.clone(), out[1].confidence, out[1].source),
            (30..40, 0.95, SuggestionSource::Model)
        );
        let alone = combine(vec![
            cand(0..10, "LOC", 0.6, SuggestionSource::Starter),
            cand(0..10, "ORG", 0.8, SuggestionSource::Model),
        ]);
        assert_eq!(alone[0].label, "ORG");
        assert_eq!(alone[0].alternatives, ["LOC"]);
    }
}
