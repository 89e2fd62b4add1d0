//! Cross-validation: how right a model's proposals are on documents it did not learn from.
//! The documents are dealt into folds; a model trained on the others proposes for each fold,
//! and every proposal is recorded with its raw confidence and whether its span (with the
//! corpus's clitic convention) and label are exactly an entity. The records fit the model's
//! [`Calibration`].

use std::collections::HashSet;
use std::ops::Range;

use super::calibrate::Calibration;
use super::clitics;
use super::combiner::{Combiner, FEATURES, Group, SOURCES, features, group};
use super::layer::{Layer, StarterSource};
use super::train::{Options, Prior, TrainDoc, train_with};
use crate::corpus::Clitics;
use crate::corpus::suggest::{Annotated, Dictionary, dictionary_of};
use crate::model::SuggestionSource;

/// Cuts documents longer than `lines` lines into parts of `lines` lines (a corpus imported as
/// one document becomes many, so that folds are of similar size).
pub fn chunks(docs: &[TrainDoc], lines: usize) -> Vec<TrainDoc> {
    let mut out = Vec::new();
    for doc in docs {
        let mut starts = vec![0];
        starts.extend(doc.text.match_indices('\n').map(|(i, _)| i + 1).filter(|&i| i < doc.text.len()));
        for k in (0..starts.len()).step_by(lines.max(1)) {
            let a = starts[k];
            let r = a..starts.get(k + lines.max(1)).copied().unwrap_or(doc.text.len());
            out.push(TrainDoc {
                text: doc.text[r.clone()].to_string(),
                entities: doc
                    .entities
                    .iter()
                    .filter(|(e, _)| e.start >= r.start && e.end <= r.end)
                    .map(|(e, l)| (e.start - a..e.end - a, l.clone()))
                    .collect(),
                partial: doc.partial,
            });
        }
    }
    out
}

/// Whether each of `proposed` (byte range, label, confidence) is an entity of `gold` once
/// given the convention `c`.
pub fn judge(
    text: &str,
    gold: &[(Range<usize>, String)],
    proposed: &[(Range<usize>, String, f32)],
    c: Clitics,
) -> Vec<(f32, bool)> {
    let set: HashSet<(usize, usize, &str)> = gold.iter().map(|(r, l)| (r.start, r.end, l.as_str())).collect();
    proposed
        .iter()
        .map(|(r, l, conf)| {
            let r = clitics::apply(text, r.clone(), c);
            (*conf, set.contains(&(r.start, r.end, l.as_str())))
        })
        .collect()
}

/// The sources besides the model a corpus's layer has, for cross-validation.
#[derive(Debug, Clone)]
pub struct CvSources<'a> {
    /// The priors the model is trained with.
    pub priors: &'a [Prior<'a>],
    /// The starter as a source of the layer.
    pub starter: Option<StarterSource<'a>>,
    /// A gazetteer.
    pub gazetteer: Option<&'a Dictionary>,
    /// The corpus's clitic convention.
    pub clitics: Clitics,
}

/// What cross-validation measured: the model's calibration and the layer's combiner.
#[derive(Debug, Clone, Default)]
pub struct Measured {
    /// The model's raw confidence → precision.
    pub calibration: Option<Calibration>,
    /// The layer's combiner.
    pub combiner: Option<Combiner>,
}

/// What one fold gave: the model's (raw confidence, right) records and every proposed span
/// and label with whether it is right.
type FoldRecords = (Vec<(f32, bool)>, Vec<(Group, bool)>);

/// One fold: a model and a dictionary made from the documents outside it propose, with the
/// other sources, for the (not partial) documents in it.
fn fold(docs: &[TrainDoc], opts: &Options, src: &CvSources, (f, folds): (usize, usize)) -> FoldRecords {
    let train: Vec<TrainDoc> =
        docs.iter().enumerate().filter(|(i, _)| i % folds != f).map(|(_, d)| d.clone()).collect();
    if train.iter().all(|d| d.entities.is_empty()) {
        return (Vec::new(), Vec::new());
    }
    let model = train_with(&train, opts, src.priors);
    let annotated: Vec<Annotated> =
        train.iter().map(|d| Annotated { text: d.text.clone(), entities: d.entities.clone() }).collect();
    let dict = dictionary_of(&annotated).ok().filter(|d| !d.gazetteer.is_empty());
    let layer = Layer {
        clitics: Some(src.clitics),
        starter: src.starter.clone(),
        model: Some((&model, src.priors.iter().map(|p| p.model).collect())),
        corpus: dict.as_ref(),
        gazetteer: src.gazetteer,
        combiner: None,
    };
    let (mut model_obs, mut groups) = (Vec::new(), Vec::new());
    for d in docs.iter().enumerate().filter(|(i, d)| i % folds == f && !d.partial).map(|(_, d)| d) {
        let cands = layer.candidates(&d.text);
        let gold: HashSet<(usize, usize, &str)> =
            d.entities.iter().map(|(r, l)| (r.start, r.end, l.as_str())).collect();
        let right = |r: &Range<usize>, l: &str| gold.contains(&(r.start, r.end, l));
        for c in cands.iter().filter(|c| c.source == SuggestionSource::Model) {
            model_obs.push((c.confidence, right(&c.range, &c.label)));
        }
        groups.extend(group(&cands).into_iter().map(|g| {
            let ok = right(&g.range, &g.label);
            (g, ok)
        }));
    }
    (model_obs, groups)
}

/// `folds`-fold cross-validation of the layer of a model trained with `opts` on `docs`: each
/// fold's documents get the proposals of a model and a dictionary made from the other folds
/// (with the other sources as they are), which measure the model's calibration and fit the
/// combiner. Only documents not partial are judged. The folds run on threads of their own.
pub fn measure(docs: &[TrainDoc], opts: &Options, src: &CvSources, folds: usize) -> Measured {
    let folds = folds.clamp(2, docs.len().max(2));
    let records: Vec<FoldRecords> = std::thread::scope(|scope| {
        let running: Vec<_> =
            (0..folds).map(|f| scope.spawn(move || fold(docs, opts, src, (f, folds)))).collect();
        running.into_iter().map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
    });
    let mut model_obs = Vec::new();
    let mut groups: Vec<(Group, bool)> = Vec::new();
    for (m, g) in records {
        model_obs.extend(m);
        groups.extend(g);
    }
    let calibration = Calibration::fit(&model_obs);
    let model_slot = SOURCES.iter().position(|s| *s == SuggestionSource::Model).unwrap_or(1);
    let rows: Vec<([f32; FEATURES], bool)> = groups
        .iter_mut()
        .map(|(g, ok)| {
            if let (Some(c), Some(raw)) = (&calibration, g.confs[model_slot]) {
                g.confs[model_slot] = Some(c.apply(raw));
            }
            (features(g), *ok)
        })
        .collect();
    Measured { calibration, combiner: Combiner::fit(&rows) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_cut_at_lines_and_shift_entities() {
        let doc = TrainDoc {
            text: "أ ب\nج د\nه و\n".into(),
            entities: vec![(0..2, "X".into()), (12..14, "Y".into())],
            partial: false,
        };
        let parts = chunks(&[doc], 2);
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].text, "أ ب\nج د\n");
        assert_eq!(parts[1].text, "ه و\n");
        assert_eq!(parts[1].entities, vec![(0..2, "Y".to_string())]);
    }

    #[test]
    fn judging_applies_the_clitic_convention() {
        let t = "زار وإيران";
        let at = t.find("إيران").unwrap_or(0);
        let gold = vec![(at - "و".len()..t.len(), "LOC".to_string())];
        let proposed = vec![(at..t.len(), "LOC".to_string(), 0.9)];
        assert_eq!(judge(t, &gold, &proposed, Clitics::Include), [(0.9, true)]);
        assert_eq!(judge(t, &gold, &proposed, Clitics::Exclude), [(0.9, false)]);
    }
}
