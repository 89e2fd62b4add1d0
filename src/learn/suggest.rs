//! Model suggestions into documents' suggestions layers: the model's predictions become
//! [`Suggestion`]s from [`SuggestionSource::Model`] (confidence per mille, alternatives as
//! label ids), applied through the editor core (one `Suggest` command per document, which
//! replaces the model's earlier suggestions and drops rejected ones and ones equal to an
//! entity), saved atomically. Documents marked done are left alone.

use std::collections::BTreeSet;

use super::Model;
use crate::corpus::suggest::SuggestSummary;
use crate::corpus::{DocEntry, reconcile};
use crate::editor::{Article, EditCommand};
use crate::formats::store::DocStatus;
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
    (corpus, annotator): (&LabelSet, &str),
    mut progress: impl FnMut(usize, usize),
) -> SuggestSummary {
    let mut summary = SuggestSummary::default();
    for (i, entry) in docs.iter().enumerate() {
        progress(i + 1, docs.len());
        if let Err(why) = suggest_one(entry, model, min, (corpus, annotator), &mut summary) {
            summary.failed.push((entry.rel.clone(), why));
        }
    }
    summary
}

fn suggest_one(
    entry: &DocEntry,
    model: &Model,
    min: u16,
    (corpus, annotator): (&LabelSet, &str),
    summary: &mut SuggestSummary,
) -> Result<(), String> {
    let (mut article, _) = Article::open(&entry.path).map_err(|e| e.to_string())?;
    if article.status() == DocStatus::Done {
        summary.done += 1;
        return Ok(());
    }
    if article.store_is_broken() {
        return Err("its annotation file cannot be read; left untouched".into());
    }
    let reconciled = reconcile(corpus, article.ann().labels());
    if !reconciled.changes.is_empty() {
        article.apply(EditCommand::SetLabels(reconciled.document)).map_err(|e| e.to_string())?;
    }
    let (found, unknown) = model_suggestions(model, article.doc.text(), article.ann().labels(), min);
    summary.unknown_labels.extend(unknown);
    let source = SuggestionSource::Model;
    let out = article.apply(EditCommand::Suggest(source, found)).map_err(|e| e.to_string())?;
    if out.changed {
        summary.documents += 1;
        summary.suggestions += article.ann().suggestions().iter().filter(|s| s.source == source).count();
        article.set_annotator(annotator);
        article.save(false).map_err(|e| e.to_string())?;
    }
    Ok(())
}
