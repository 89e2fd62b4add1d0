//! Model suggestions into documents' suggestions layers: the model's predictions become
//! [`Suggestion`]s from [`SuggestionSource::Model`] (confidence per mille, alternatives as
//! label ids), applied through the editor core (one `Suggest` command per document, which
//! replaces the model's earlier suggestions and drops rejected ones and ones equal to an
//! entity), saved atomically. Documents marked done are left alone.

use std::collections::BTreeSet;

use super::Model;
use crate::corpus::DocEntry;
use crate::corpus::suggest::{SuggestSummary, fill_documents};
use crate::model::{LabelSet, Suggestion, SuggestionSource};

/// The model's suggestions for `text` with a confidence of at least `min` (per mille), with
/// label ids of `labels`; label names `labels` lacks are returned, not suggested.
pub fn model_suggestions(
    model: &Model,
    text: &str,
    labels: &LabelSet,
    min: u16,
) -> (Vec<Suggestion>, BTreeSet<String>) {
    let mut unknown = BTreeSet::new();
    let mut out = Vec::new();
    for p in model.predict(text) {
        let confidence = (p.confidence * 1000.0).round().clamp(0.0, 1000.0) as u16;
        if confidence < min {
            continue;
        }
        let Some(label) = labels.by_name(&p.label) else {
            unknown.insert(p.label);
            continue;
        };
        let mut s = Suggestion::new(p.range, label.id, SuggestionSource::Model, confidence);
        s.alternatives = p.alternatives.iter().filter_map(|n| labels.by_name(n)).map(|l| l.id).collect();
        out.push(s);
    }
    (out, unknown)
}

/// Fills the model suggestions of every document of `docs` not marked done, saving each one
/// that changed.
pub fn suggest_documents(
    docs: &[DocEntry],
    model: &Model,
    min: u16,
    corpus: (&LabelSet, &str),
    progress: impl FnMut(usize, usize),
) -> SuggestSummary {
    let propose = |text: &str, labels: &LabelSet| model_suggestions(model, text, labels, min);
    fill_documents(docs, SuggestionSource::Model, &propose, corpus, progress)
}
