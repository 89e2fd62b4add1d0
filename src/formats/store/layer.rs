//! Validation of the suggestions layer of an annotation file: `suggestions` and `rejected`
//! entries must name defined labels and a known source, hold a confidence from 0 to 1, and
//! (when the article is the file's) match the text at their code-point offsets. When the
//! article changed, the layer is dropped: suggestions are made again, not re-anchored.

use std::collections::BTreeSet;

use super::raw::{RawFile, RawRejection, RawSuggestion};
use super::validate::{Names, Problems};
use crate::model::{Document, LabelId, Rejection, Suggestion, SuggestionSource, Suggestions};

/// The checked layer in byte offsets of `doc` (`None` without a text to place it in).
pub(super) fn layer(
    raw: &RawFile<'_>,
    doc: Option<&Document>,
    names: &Names<'_>,
    p: &mut Problems<'_>,
) -> Option<(Suggestions, BTreeSet<Rejection>)> {
    let mut suggestions = Vec::with_capacity(raw.suggestions.len());
    for (i, s) in raw.suggestions.iter().enumerate() {
        if let Some(s) = suggestion(s, doc, names, |m| p.element("suggestions", i, m)) {
            suggestions.push(s);
        }
    }
    let mut rejections = BTreeSet::new();
    for (i, r) in raw.rejected.iter().enumerate() {
        let mut problem = |m: String| p.element("rejected", i, m);
        let Some(label) = label_of(names, &r.label, &mut problem) else { continue };
        if let Some(range) = placed(r, doc, &mut problem) {
            rejections.insert(Rejection { start: range.start, end: range.end, label });
        }
    }
    doc.map(|_| (Suggestions::from_vec(suggestions), rejections))
}

fn suggestion(
    s: &RawSuggestion<'_>,
    doc: Option<&Document>,
    names: &Names<'_>,
    mut problem: impl FnMut(String),
) -> Option<Suggestion> {
    let label = label_of(names, &s.label, &mut problem)?;
    let Some(source) = SuggestionSource::parse(&s.source) else {
        let names: Vec<String> = SuggestionSource::ALL.iter().map(|s| format!("{:?}", s.as_str())).collect();
        problem(format!(
            "suggestion {}..{}: source {:?} is not one of {}",
            s.start,
            s.end,
            s.source,
            names.join(", ")
        ));
        return None;
    };
    if !(0.0..=1.0).contains(&s.confidence) {
        problem(format!("suggestion {}..{}: confidence {} is not from 0 to 1", s.start, s.end, s.confidence));
        return None;
    }
    let alternatives: Option<Vec<LabelId>> =
        s.alternatives.iter().map(|name| label_of(names, name, &mut problem)).collect();
    let alternatives = alternatives?;
    let span = RawRejection { start: s.start, end: s.end, label: s.label.clone(), text: s.text.clone() };
    let range = placed(&span, doc, &mut problem)?;
    // In range by the check above, so the cast cannot truncate.
    let confidence = (s.confidence * 1000.0).round() as u16;
    let mut out = Suggestion::new(range, label, source, confidence);
    out.alternatives = alternatives;
    out.note = s.note.to_string();
    Some(out)
}

fn label_of(names: &Names<'_>, name: &str, problem: &mut impl FnMut(String)) -> Option<LabelId> {
    let id = names.get(name);
    if id.is_none() {
        problem(format!("label {name:?} is not defined in `labels`"));
    }
    id
}

/// The byte range of a span whose text must be at its code-point offsets (`0..0` without a
/// text to check against).
fn placed(
    r: &RawRejection<'_>,
    doc: Option<&Document>,
    problem: &mut impl FnMut(String),
) -> Option<std::ops::Range<usize>> {
    if r.start >= r.end {
        problem(format!("range {}..{} is empty or reversed", r.start, r.end));
        return None;
    }
    let Some(doc) = doc else { return Some(0..0) };
    let range = doc.char_range_to_bytes(r.start..r.end).filter(|b| doc.slice(b.clone()) == Some(&r.text));
    if range.is_none() {
        let found = doc.char_range_to_bytes(r.start..r.end).and_then(|b| doc.slice(b)).unwrap_or("");
        problem(format!(
            "text {:?} does not match the article's text {found:?} at {}..{}",
            r.text, r.start, r.end
        ));
    }
    range
}
