//! Cross-validation: how right a model's proposals are on documents it did not learn from.
//! The documents are dealt into folds; a model trained on the others proposes for each fold,
//! and every proposal is recorded with its raw confidence and whether its span (with the
//! corpus's clitic convention) and label are exactly an entity. The records fit the model's
//! [`Calibration`].

use std::collections::HashSet;
use std::ops::Range;

use super::calibrate::Calibration;
use super::clitics;
use super::train::{Options, Prior, TrainDoc, train_with};
use crate::corpus::Clitics;

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

/// The (raw confidence, right) records of `folds`-fold cross-validation of a model trained
/// with `opts` and `priors` on `docs` (only documents not partial are judged).
pub fn observations(
    docs: &[TrainDoc],
    opts: &Options,
    priors: &[Prior],
    folds: usize,
    c: Clitics,
) -> Vec<(f32, bool)> {
    let folds = folds.clamp(2, docs.len().max(2));
    let models: Vec<&super::Model> = priors.iter().map(|p| p.model).collect();
    let mut out = Vec::new();
    for f in 0..folds {
        let train: Vec<TrainDoc> =
            docs.iter().enumerate().filter(|(i, _)| i % folds != f).map(|(_, d)| d.clone()).collect();
        if train.iter().all(|d| d.entities.is_empty()) {
            continue;
        }
        let model = train_with(&train, opts, priors);
        for d in docs.iter().enumerate().filter(|(i, d)| i % folds == f && !d.partial).map(|(_, d)| d) {
            let proposed: Vec<(Range<usize>, String, f32)> = model
                .predict_with(&d.text, &models)
                .into_iter()
                .map(|p| (p.range, p.label, p.confidence))
                .collect();
            out.extend(judge(&d.text, &d.entities, &proposed, c));
        }
    }
    out
}

/// The calibration of a model trained like this, by cross-validation (`None` with too few
/// proposals to measure).
pub fn calibration(docs: &[TrainDoc], opts: &Options, priors: &[Prior], c: Clitics) -> Option<Calibration> {
    Calibration::fit(&observations(docs, opts, priors, 4, c))
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
