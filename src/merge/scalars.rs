//! The parts of a merge that are not entities: the header (annotator, times, status), the
//! label set (union by name), token boundaries, orphans and suggestions.

use std::collections::HashSet;

use crate::formats::store::{FileAnnotations, FileEntity, FileSuggestion};
use crate::model::LabelSet;

/// Three-way choice of a value: theirs if only they changed it, else ours.
fn pick<'a, T: PartialEq>(base: Option<&'a T>, ours: &'a T, theirs: &'a T) -> &'a T {
    if base == Some(ours) && base != Some(theirs) { theirs } else { ours }
}

/// Ours, with the header, labels and tokens merged (entities, orphans and suggestions empty).
pub(super) fn header(
    base: Option<&FileAnnotations>,
    ours: &FileAnnotations,
    theirs: &FileAnnotations,
) -> FileAnnotations {
    let mut info = ours.info.clone();
    let (bi, oi, ti) = (base.map(|b| &b.info), &ours.info, &theirs.info);
    info.annotator = annotators(&oi.annotator, &ti.annotator);
    info.status = *pick(bi.map(|b| &b.status), &oi.status, &ti.status);
    info.created = oi.created.min(ti.created);
    info.modified = oi.modified.max(ti.modified);
    FileAnnotations {
        info,
        chars: ours.chars,
        sha256: ours.sha256.clone(),
        labels: labels(&ours.labels, &theirs.labels),
        entities: Vec::new(),
        orphans: Vec::new(),
        tokens: pick(base.map(|b| &b.tokens), &ours.tokens, &theirs.tokens).clone(),
        suggestions: Vec::new(),
        rejected: ours.rejected.iter().chain(&theirs.rejected).fold(Vec::new(), |mut all, r| {
            if !all.contains(r) {
                all.push(r.clone());
            }
            all
        }),
    }
}

/// Both sides' annotators, each name once: `rana, omar` (who worked on the merged file).
fn annotators(ours: &str, theirs: &str) -> String {
    let mut names: Vec<&str> = Vec::new();
    for n in ours.split(", ").chain(theirs.split(", ")) {
        if !n.is_empty() && !names.contains(&n) {
            names.push(n);
        }
    }
    names.join(", ")
}

/// Our labels, then theirs that we do not have (by name), with fresh ids and no clashing key.
fn labels(ours: &LabelSet, theirs: &LabelSet) -> LabelSet {
    let mut out = ours.clone();
    for l in theirs.iter().filter(|l| ours.by_name(&l.name).is_none()) {
        let mut l = l.clone();
        l.id = out.next_id();
        if l.hotkey.is_some_and(|k| out.by_hotkey(k).is_some()) {
            l.hotkey = None;
        }
        out.labels_mut().push(l);
    }
    out
}

/// Orphans: ours, plus theirs that are new, minus those one side removed; ids made unique.
pub(super) fn orphans(
    base: Option<&FileAnnotations>,
    ours: &FileAnnotations,
    theirs: &FileAnnotations,
    used: &mut HashSet<u64>,
    next: &mut u64,
) -> Vec<FileEntity> {
    let in_base =
        |e: &FileEntity| base.is_some_and(|b| b.orphans.iter().any(|x| x.id == e.id && x.same_span(e)));
    let in_theirs = |e: &FileEntity| theirs.orphans.iter().any(|x| x.id == e.id && x.same_span(e));
    let mut out: Vec<FileEntity> =
        ours.orphans.iter().filter(|e| !in_base(e) || in_theirs(e)).cloned().collect();
    for t in theirs.orphans.iter().filter(|t| !in_base(t)) {
        if out.iter().any(|o| o.same_span(t) && o.text == t.text) {
            continue;
        }
        let mut t = t.clone();
        if !used.insert(t.id) {
            t.id = *next;
            *next = next.saturating_add(1);
            used.insert(t.id);
        }
        out.push(t);
    }
    out
}

/// Suggestions: ours, plus theirs we do not have, minus those one side removed.
pub(super) fn suggestions(
    base: Option<&FileAnnotations>,
    ours: &FileAnnotations,
    theirs: &FileAnnotations,
) -> Vec<FileSuggestion> {
    let in_base = |s: &FileSuggestion| base.is_some_and(|b| b.suggestions.contains(s));
    let mut out: Vec<FileSuggestion> =
        ours.suggestions.iter().filter(|s| !in_base(s) || theirs.suggestions.contains(s)).cloned().collect();
    for s in theirs.suggestions.iter().filter(|s| !in_base(s)) {
        if !out.contains(s) {
            out.push(s.clone());
        }
    }
    out
}
