//! The differences between my annotations of a document and another annotator's, as File >
//! Compare with… lists them: spans only they made (**missing** in mine), spans only I made
//! (**extra**), the same name with other **boundaries**, and overlapping spans with another
//! **label**. Spans are paired one to one: exact matches (same range and label name) first,
//! then each of their spans with the overlapping span of mine that has the same label, else
//! the one that overlaps it most. Labels are compared by name.

use std::ops::Range;

use crate::model::{Annotations, Entity};

/// One span of the other annotator, with its label's name.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TheirSpan {
    /// Document bytes.
    pub range: Range<usize>,
    /// The label's name.
    pub label: String,
}

/// What kind of difference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DiffKind {
    /// They tagged a span that overlaps nothing of mine.
    Missing,
    /// I tagged a span that overlaps nothing of theirs.
    Extra,
    /// The same label on overlapping spans with other boundaries.
    Boundary,
    /// Overlapping spans with different labels (the boundaries may differ too).
    Label,
}

impl DiffKind {
    /// The kind's name in lists.
    pub fn name(self) -> &'static str {
        match self {
            DiffKind::Missing => "missing",
            DiffKind::Extra => "extra",
            DiffKind::Boundary => "boundary",
            DiffKind::Label => "label",
        }
    }
}

/// One difference between my span and theirs.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Diff {
    /// What differs.
    pub kind: DiffKind,
    /// My entity (none when missing).
    pub mine: Option<Entity>,
    /// My entity's label name (empty when missing).
    pub mine_label: String,
    /// Their span (none when extra).
    pub theirs: Option<TheirSpan>,
}

impl Diff {
    /// The label the difference is listed under: theirs, or mine when they have none.
    pub fn label(&self) -> &str {
        self.theirs.as_ref().map_or(self.mine_label.as_str(), |t| t.label.as_str())
    }

    /// Where it starts in the document.
    pub fn start(&self) -> usize {
        self.theirs.as_ref().map(|t| t.range.start).or(self.mine.map(|e| e.start)).unwrap_or(0)
    }
}

/// The other annotator's entities as spans with label names, in reading order.
pub fn their_spans(theirs: &Annotations) -> Vec<TheirSpan> {
    let name = |e: &Entity| theirs.labels().get(e.label).map_or("?", |l| l.name.as_str()).to_string();
    theirs.entities().iter().map(|e| TheirSpan { range: e.range(), label: name(e) }).collect()
}

/// Every difference between `mine` and `theirs` (spans in reading order), in reading order.
pub fn differences(mine: &Annotations, theirs: &[TheirSpan]) -> Vec<Diff> {
    let name = |e: &Entity| mine.labels().get(e.label).map_or("?", |l| l.name.as_str()).to_string();
    let mut free: Vec<(Entity, String)> = mine.entities().iter().map(|e| (*e, name(e))).collect();
    let mut out = Vec::new();
    let mut left: Vec<&TheirSpan> = Vec::new();
    for t in theirs {
        match free.iter().position(|(e, l)| e.range() == t.range && *l == t.label) {
            Some(i) => {
                free.remove(i);
            }
            None => left.push(t),
        }
    }
    // Same label first (boundary differences), then any overlap (label differences).
    let mut rest = Vec::new();
    for t in left {
        match take_best(&mut free, t, true) {
            Some((e, l)) => out.push(Diff {
                kind: DiffKind::Boundary,
                mine: Some(e),
                mine_label: l,
                theirs: Some(t.clone()),
            }),
            None => rest.push(t),
        }
    }
    for t in rest {
        let diff = match take_best(&mut free, t, false) {
            Some((e, l)) => {
                Diff { kind: DiffKind::Label, mine: Some(e), mine_label: l, theirs: Some(t.clone()) }
            }
            None => Diff {
                kind: DiffKind::Missing,
                mine: None,
                mine_label: String::new(),
                theirs: Some(t.clone()),
            },
        };
        out.push(diff);
    }
    out.extend(free.into_iter().map(|(e, l)| Diff {
        kind: DiffKind::Extra,
        mine: Some(e),
        mine_label: l,
        theirs: None,
    }));
    out.sort_by_key(|d| (d.start(), d.kind));
    out
}

/// Takes the span of mine overlapping `t` most (with the same label when `same_label`).
fn take_best(free: &mut Vec<(Entity, String)>, t: &TheirSpan, same_label: bool) -> Option<(Entity, String)> {
    let overlap = |e: &Entity| t.range.end.min(e.end).saturating_sub(t.range.start.max(e.start));
    let best = free
        .iter()
        .enumerate()
        .filter(|(_, (e, l))| overlap(e) > 0 && (!same_label || *l == t.label))
        .max_by_key(|(_, (e, _))| (overlap(e), std::cmp::Reverse(e.start)))
        .map(|(i, _)| i)?;
    Some(free.remove(best))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, EntityId, LabelSet};

    fn span(range: Range<usize>, label: &str) -> TheirSpan {
        TheirSpan { range, label: label.to_string() }
    }

    #[test]
    fn each_kind_of_difference_is_found_once() {
        let doc = Document::new("a".repeat(100));
        let mut labels = LabelSet::empty();
        let (per, loc) = (labels.ensure("PER"), labels.ensure("LOC"));
        let mut ann = Annotations::new(labels);
        let mine = [(0, 5, per), (10, 15, per), (20, 25, per), (40, 45, loc)];
        let edits = mine
            .iter()
            .enumerate()
            .map(|(i, &(start, end, label))| {
                crate::model::Edit::Add(Entity { id: EntityId(i as u64 + 1), start, end, label })
            })
            .collect();
        ann.apply(&doc, &crate::model::Transaction::new(edits)).unwrap();
        let theirs = vec![span(0..5, "PER"), span(10..17, "PER"), span(20..25, "ORG"), span(60..65, "GPE")];
        let diffs = differences(&ann, &theirs);
        let kinds: Vec<(DiffKind, usize, &str)> =
            diffs.iter().map(|d| (d.kind, d.start(), d.label())).collect();
        assert_eq!(
            kinds,
            vec![
                (DiffKind::Boundary, 10, "PER"),
                (DiffKind::Label, 20, "ORG"),
                (DiffKind::Extra, 40, "LOC"),
                (DiffKind::Missing, 60, "GPE"),
            ]
        );
        assert_eq!(diffs[1].mine_label, "PER");
        assert_eq!(diffs[0].mine.map(|e| e.range()), Some(10..15));
    }

    #[test]
    fn a_span_of_mine_pairs_with_one_of_theirs_only() {
        let doc = Document::new("a".repeat(40));
        let mut labels = LabelSet::empty();
        let org = labels.ensure("ORG");
        let mut ann = Annotations::new(labels);
        let e = Entity { id: EntityId(1), start: 0, end: 20, label: org };
        ann.apply(&doc, &crate::model::Transaction::single(crate::model::Edit::Add(e))).unwrap();
        // Two of theirs inside my one: the better (same label) pairs, the other is missing.
        let theirs = vec![span(0..8, "PER"), span(10..20, "ORG")];
        let kinds: Vec<DiffKind> = differences(&ann, &theirs).iter().map(|d| d.kind).collect();
        assert_eq!(kinds, vec![DiffKind::Missing, DiffKind::Boundary]);
    }
}
