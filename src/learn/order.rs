//! Which document next (issue 20): the documents still to do in file order, or those the
//! suggestion layer is least sure about first, for the documents panel, Ctrl+Enter and
//! `hashiya next DIR`.
//!
//! **The uncertainty score** of a document is the expected number of wrong decisions of the
//! combined layer per 100 words of its text. Every span and label that some source proposes
//! is one decision, with the layer's confidence `p` for it (the combiner's weighing of the
//! sources, a calibrated probability that the span and label are right; without a combiner the
//! surest source's calibrated confidence). Shown when `p ≥ ½` (the layer's default threshold)
//! it is wrong with probability `1 − p`; left out when `p < ½` it is a missed entity with
//! probability `p`. So the expected number of wrong decisions is `Σ min(p, 1 − p)`, and the
//! score is `100 · Σ min(p, 1 − p) / words` (words: runs of non-space characters). A text where
//! the layer is sure of every span scores 0; a span at `p = ½` adds ½. Per 100 words, because
//! an annotator's time grows with a document's length: a long document is not first just for
//! being long. The simulation on NewsFANE that chose it (against the total, and file and
//! random order) is in BENCHMARKS.md ("Which document next").
//!
//! The score sees what some source proposes: a name that no source proposes at all (starter,
//! learned model, dictionary, gazetteer) adds nothing.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use super::combiner::{group, max_confidence};
use super::corpus::read_doc;
use super::layer::Layer;
use crate::corpus::nav::next_not_done;
use crate::corpus::{DocEntry, DocOrder, DocSummary, Health};

/// How unsure the layer is of one text.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Uncertainty {
    /// The expected number of wrong decisions: `Σ min(p, 1 − p)` over the layer's decisions.
    pub expected: f32,
    /// Decisions (span and label pairs some source proposed).
    pub decisions: usize,
    /// Words of the text.
    pub words: usize,
}

impl Uncertainty {
    /// The score: expected wrong decisions per 100 words.
    pub fn score(&self) -> f32 {
        100.0 * self.expected / self.words.max(1) as f32
    }
}

/// The layer's confidence in each of its decisions on `text`: every span and label some
/// source proposed, once, weighed as the layer weighs it (before overlapping spans are
/// resolved into one suggestion).
pub fn decisions(layer: &Layer, text: &str) -> Vec<f32> {
    let groups = group(&layer.candidates(text));
    groups
        .iter()
        .map(|g| layer.combiner.map_or_else(|| max_confidence(g), |c| c.score(g)).clamp(0.0, 1.0))
        .collect()
}

/// How unsure `layer` is of `text` (see the module's documentation).
pub fn uncertainty(layer: &Layer, text: &str) -> Uncertainty {
    let ps = decisions(layer, text);
    Uncertainty {
        // A fold from +0 (a float `sum` starts at −0, which prints as "-0.00").
        expected: ps.iter().fold(0.0, |sum, p| sum + p.min(1.0 - p)),
        decisions: ps.len(),
        words: text.split_whitespace().count(),
    }
}

/// Scores of documents by their path relative to the corpus root.
pub type Scores = HashMap<PathBuf, Uncertainty>;

/// True for a document that still needs work: neither done nor skipped, and readable.
pub fn is_to_do(d: &DocSummary) -> bool {
    !d.status.is_finished() && d.health != Health::Unreadable
}

/// The documents still to do, as indices into `docs`, in `order`: file order, or the highest
/// score first (ties and documents without a score yet after them, in file order).
pub fn to_do(docs: &[DocSummary], order: DocOrder, scores: &Scores) -> Vec<usize> {
    let mut out: Vec<usize> = (0..docs.len()).filter(|&i| is_to_do(&docs[i])).collect();
    if order == DocOrder::Uncertain {
        let key = |i: usize| scores.get(&docs[i].rel).map(Uncertainty::score);
        // A stable sort: equal scores keep file order; `None` sorts after every score.
        out.sort_by(|&a, &b| match (key(a), key(b)) {
            (Some(x), Some(y)) => y.total_cmp(&x),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        });
    }
    out
}

/// The document to open after `current` (Ctrl+Enter): in file order the next one to do after
/// it (wrapping around); most uncertain first, the first one to do that is not `current`.
pub fn next_to_do(
    docs: &[DocSummary],
    current: Option<usize>,
    order: DocOrder,
    scores: &Scores,
) -> Option<usize> {
    match order {
        DocOrder::File => next_not_done(docs, current),
        DocOrder::Uncertain => to_do(docs, order, scores).into_iter().find(|&i| Some(i) != current),
    }
}

/// Scores each of `entries` with `layer`, reading each document as the window would open it;
/// `progress(done, all)` after each one. Stops early (returning what it scored) once `cancel`
/// is set. Unreadable documents are returned as `path: reason`.
pub fn score_documents(
    layer: &Layer,
    entries: &[DocEntry],
    cancel: &AtomicBool,
    mut progress: impl FnMut(usize, usize),
) -> (Scores, Vec<String>) {
    let mut scores = Scores::new();
    let mut problems = Vec::new();
    for (k, entry) in entries.iter().enumerate() {
        if cancel.load(Ordering::Relaxed) {
            break;
        }
        match read_doc(entry) {
            Ok(doc) => {
                scores.insert(entry.rel.clone(), uncertainty(layer, doc.document.text()));
            }
            Err(e) => problems.push(e.to_string()),
        }
        progress(k + 1, entries.len());
    }
    (scores, problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::store::DocStatus;
    use crate::learn::layer::Candidate;
    use crate::model::SuggestionSource;

    fn doc(name: &str, status: DocStatus, health: Health) -> DocSummary {
        DocSummary { status, ..DocSummary::empty(PathBuf::from(name), health) }
    }

    fn scored(pairs: &[(&str, f32)]) -> Scores {
        pairs
            .iter()
            .map(|(n, s)| (PathBuf::from(n), Uncertainty { expected: *s, decisions: 1, words: 100 }))
            .collect()
    }

    #[test]
    fn uncertain_first_puts_the_highest_score_first_and_unscored_last_in_file_order() {
        let docs = vec![
            doc("a", DocStatus::New, Health::Ok),
            doc("b", DocStatus::Done, Health::Ok),
            doc("c", DocStatus::InProgress, Health::Ok),
            doc("d", DocStatus::New, Health::Unreadable),
            doc("e", DocStatus::New, Health::Ok),
            doc("f", DocStatus::New, Health::Changed),
            doc("g", DocStatus::Skipped, Health::Ok),
        ];
        let scores = scored(&[("a", 1.0), ("b", 9.0), ("c", 4.0), ("e", 1.0)]);
        assert_eq!(to_do(&docs, DocOrder::File, &scores), [0, 2, 4, 5]);
        assert_eq!(to_do(&docs, DocOrder::Uncertain, &scores), [2, 0, 4, 5], "ties keep file order");
        assert_eq!(next_to_do(&docs, Some(2), DocOrder::Uncertain, &scores), Some(0));
        assert_eq!(next_to_do(&docs, Some(0), DocOrder::Uncertain, &scores), Some(2));
        assert_eq!(next_to_do(&docs, Some(2), DocOrder::File, &scores), Some(4));
        assert_eq!(next_to_do(&docs, Some(5), DocOrder::File, &scores), Some(0), "wraps around");
        assert_eq!(next_to_do(&docs[..2], Some(0), DocOrder::Uncertain, &scores), None);
    }

    #[test]
    fn the_score_is_the_expected_wrong_decisions_per_100_words() {
        let u = Uncertainty { expected: 1.5, decisions: 4, words: 50 };
        assert!((u.score() - 3.0).abs() < 1e-6);
        assert_eq!(Uncertainty::default().score(), 0.0, "an empty text scores 0");
    }

    #[test]
    fn decisions_are_the_spans_and_labels_some_source_proposed_at_the_surest_confidence() {
        let text = "زار الرئيس دمشق وبيروت اليوم";
        let names = crate::search::Gazetteer::parse("دمشق\tLOC\nبيروت\tLOC\nبيروت\tORG\n").0;
        let dict = crate::corpus::suggest::Dictionary::from_gazetteer(names.expect("parses"));
        let layer = Layer { gazetteer: Some(&dict), ..Layer::default() };
        let cands: Vec<Candidate> = layer.candidates(text);
        assert!(cands.iter().all(|c| c.source == SuggestionSource::Gazetteer), "{cands:?}");
        let ps = decisions(&layer, text);
        assert_eq!(ps.len(), cands.len(), "one decision per span and label: {cands:?}");
        let u = uncertainty(&layer, text);
        assert_eq!(u.words, 5);
        let expected: f32 = ps.iter().map(|p| p.min(1.0 - p)).sum();
        assert!((u.expected - expected).abs() < 1e-6);
        assert!(u.expected > 0.0, "a name with two labels is uncertain: {ps:?}");
        let none = uncertainty(&Layer::default(), text);
        assert!(none.expected == 0.0 && none.expected.is_sign_positive(), "no source, no decision");
    }
}
