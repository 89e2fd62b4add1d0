//! Learned suggestions into documents' suggestions layers: a [`Layer`]'s proposals become
//! [`Suggestion`]s (confidence per mille, alternatives as label ids), applied through the editor
//! core — one command per document, which replaces the part of the layer filled (one source's
//! suggestions, or the whole combined layer) and drops rejected proposals and ones overlapping
//! an entity — and saved atomically. Documents marked done are left alone.

use std::collections::BTreeSet;

use super::layer::{Layer, to_suggestions};
use crate::corpus::DocEntry;
use crate::corpus::suggest::{Fill, SuggestSummary, fill_documents};
use crate::model::{LabelSet, Suggestion};

/// The layer's suggestions for `text` with a confidence of at least `min` (per mille), with
/// label ids of `labels`; label names `labels` lacks are returned, not suggested.
pub fn layer_suggestions(
    layer: &Layer,
    text: &str,
    labels: &LabelSet,
    min: u16,
) -> (Vec<Suggestion>, BTreeSet<String>) {
    to_suggestions(layer.propose(text), labels, min)
}

/// Fills `fill`'s part of the layer of every document of `docs` not marked done with
/// `layer`'s proposals, saving each one that changed.
pub fn suggest_documents(
    docs: &[DocEntry],
    layer: &Layer,
    (fill, min): (Fill, u16),
    corpus: (&LabelSet, &str),
    progress: impl FnMut(usize, usize),
) -> SuggestSummary {
    let propose = |text: &str, labels: &LabelSet| layer_suggestions(layer, text, labels, min);
    fill_documents(docs, fill, &propose, corpus, progress)
}
