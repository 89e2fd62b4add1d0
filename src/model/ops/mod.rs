//! The transaction builders: what each annotation change *is*, as a [`Transaction`] computed
//! from the current state without changing it. The editor core applies them through
//! [`History`](super::History); nothing else builds transactions for user edits.
//!
//! Each builder returns `None` when the change would do nothing (same label, same range, an
//! entity that is no longer there), so "nothing to undo" steps never reach the history.

mod layer;

use std::ops::Range;

pub use layer::{
    SuggestReport, accept, accept_all, accept_every, reject, reject_all, suggest, suggest_replacing,
};

use super::{Annotations, Document, Edit, Entity, EntityId, LabelId, LabelSet, Transaction};

/// Which end of an entity a boundary adjustment moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    /// The logical start.
    Start,
    /// The logical end.
    End,
}

/// Tags `range` with `label`: relabels an entity with exactly that range, does nothing if it
/// already has the label, adds a new entity otherwise. Returns the transaction and the id of
/// the entity that carries the label afterwards.
pub fn tag(ann: &Annotations, range: Range<usize>, label: LabelId) -> Option<(Transaction, EntityId)> {
    if range.is_empty() {
        return None;
    }
    let same: Vec<Entity> =
        ann.entities().overlapping(range.clone()).filter(|e| e.range() == range).copied().collect();
    if same.iter().any(|e| e.label == label) {
        return None;
    }
    let (edit, id) = match same.first() {
        Some(old) => (Edit::Replace { old: *old, new: Entity { label, ..*old } }, old.id),
        None => {
            let new = Entity { id: ann.fresh_id(), start: range.start, end: range.end, label };
            (Edit::Add(new), new.id)
        }
    };
    // Suggestions of exactly this span are settled by tagging it.
    let settled = ann.suggestions().overlapping(range.clone()).filter(|s| s.range() == range);
    let edits = std::iter::once(edit).chain(settled.cloned().map(Edit::Unsuggest)).collect();
    Some((Transaction::new(edits), id))
}

/// What [`tag_all`] did with each range.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TagAllReport {
    /// Ranges that become new entities.
    pub tagged: usize,
    /// Ranges that are already an entity with this label.
    pub already: usize,
    /// Ranges left alone because they overlap another entity (or an earlier range).
    pub overlapping: usize,
}

impl TagAllReport {
    /// The counts as a catalogue message's values (`tagged`, `already`, `overlapping`).
    pub fn args(&self) -> Vec<(&'static str, String)> {
        vec![
            ("tagged", self.tagged.to_string()),
            ("already", self.already.to_string()),
            ("overlapping", self.overlapping.to_string()),
        ]
    }
}

impl std::fmt::Display for TagAllReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "tagged {}", self.tagged)?;
        if self.already > 0 {
            write!(f, ", {} already tagged", self.already)?;
        }
        if self.overlapping > 0 {
            write!(f, ", {} overlapped other entities (skipped)", self.overlapping)?;
        }
        Ok(())
    }
}

/// Tags every range with `label` as one transaction: ranges that are already that entity are
/// counted, ranges that overlap any other entity (or an earlier range) are skipped, never
/// changed. Returns the transaction (`None`: nothing to add), the new ids and the counts.
pub fn tag_all(
    ann: &Annotations,
    ranges: &[Range<usize>],
    label: LabelId,
) -> (Option<Transaction>, Vec<EntityId>, TagAllReport) {
    let mut report = TagAllReport::default();
    let mut added: Vec<Entity> = Vec::new();
    let mut next = ann.fresh_id().0;
    let mut sorted: Vec<&Range<usize>> = ranges.iter().filter(|r| !r.is_empty()).collect();
    sorted.sort_by_key(|r| (r.start, r.end));
    for r in sorted {
        let hits: Vec<&Entity> = ann.entities().overlapping(r.clone()).collect();
        if hits.iter().any(|e| e.range() == *r && e.label == label) {
            report.already += 1;
        } else if !hits.is_empty() || added.last().is_some_and(|e| e.end > r.start) {
            report.overlapping += 1;
        } else {
            added.push(Entity { id: EntityId(next), start: r.start, end: r.end, label });
            next += 1;
        }
    }
    report.tagged = added.len();
    let ids = added.iter().map(|e| e.id).collect();
    // As with one tag, suggestions of exactly a tagged span are settled by tagging it.
    let settled: Vec<Edit> = added
        .iter()
        .flat_map(|e| ann.suggestions().overlapping(e.range()).filter(move |s| s.range() == e.range()))
        .cloned()
        .map(Edit::Unsuggest)
        .collect();
    let tx = (!added.is_empty())
        .then(|| Transaction::new(added.into_iter().map(Edit::Add).chain(settled).collect()));
    (tx, ids, report)
}

/// Relabels entity `id`.
pub fn relabel(ann: &Annotations, id: EntityId, label: LabelId) -> Option<Transaction> {
    let old = *ann.entities().get(id)?;
    (old.label != label).then(|| Transaction::single(Edit::Replace { old, new: Entity { label, ..old } }))
}

/// Deletes entity `id`.
pub fn delete(ann: &Annotations, id: EntityId) -> Option<Transaction> {
    ann.entities().get(id).map(|e| Transaction::single(Edit::Remove(*e)))
}

/// Sets entity `id`'s byte range.
pub fn set_range(ann: &Annotations, id: EntityId, range: Range<usize>) -> Option<Transaction> {
    let old = *ann.entities().get(id)?;
    let new = Entity { start: range.start, end: range.end, ..old };
    (new != old && !range.is_empty()).then(|| Transaction::single(Edit::Replace { old, new }))
}

/// Moves one edge of entity `id` by `delta` code points (negative: towards the text start).
pub fn adjust(
    ann: &Annotations,
    doc: &Document,
    id: EntityId,
    edge: Edge,
    delta: i32,
) -> Option<Transaction> {
    let e = ann.entities().get(id)?;
    let shift = |byte: usize| -> Option<usize> {
        let c = doc.byte_to_char(byte)? as i64 + i64::from(delta);
        doc.char_to_byte(usize::try_from(c).ok()?)
    };
    let range = match edge {
        Edge::Start => shift(e.start)?..e.end,
        Edge::End => e.start..shift(e.end)?,
    };
    set_range(ann, id, range)
}

/// Replaces the label set (add, rename, recolour, rebind, remove unused labels).
/// Suggestions naming a removed label (or offering it as an alternative) go with it, and so
/// do its rejections, in the same transaction.
pub fn set_labels(ann: &Annotations, new: LabelSet) -> Option<Transaction> {
    if *ann.labels() == new {
        return None;
    }
    let kept = |l: &LabelId| new.get(*l).is_some();
    let mut edits: Vec<Edit> =
        ann.rejections().iter().filter(|r| !kept(&r.label)).map(|r| Edit::Unreject(*r)).collect();
    let stale = ann.suggestions().iter().any(|s| !kept(&s.label) || !s.alternatives.iter().all(kept));
    if stale {
        let layer = ann.suggestions().iter().filter(|s| kept(&s.label)).map(|s| {
            let mut s = s.clone();
            s.alternatives.retain(kept);
            s
        });
        let new_layer = super::Suggestions::from_vec(layer.collect());
        edits.push(Edit::Layer { old: ann.suggestions().clone(), new: new_layer });
    }
    edits.push(Edit::Labels { old: ann.labels().clone(), new });
    Some(Transaction::new(edits))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{History, Suggestion, SuggestionSource};

    fn setup() -> (Document, Annotations) {
        (Document::new("وزير خارجية إيران".to_string()), Annotations::new(LabelSet::default()))
    }

    #[test]
    fn tag_names_the_entity_it_creates_or_relabels() {
        let (doc, mut ann) = setup();
        let mut history = History::default();
        let range = doc.text().find("إيران").map(|s| s..s + "إيران".len()).expect("word");
        let (tx, id) = tag(&ann, range.clone(), LabelId(3)).expect("adds");
        history.apply(&mut ann, &doc, tx).expect("applies");
        assert_eq!(ann.entities().get(id).map(|e| e.range()), Some(range.clone()));
        assert!(tag(&ann, range.clone(), LabelId(3)).is_none(), "same label: nothing to do");
        let (tx, again) = tag(&ann, range, LabelId(4)).expect("relabels");
        assert_eq!(again, id);
        history.apply(&mut ann, &doc, tx).expect("applies");
        assert_eq!(ann.entities().get(id).map(|e| e.label), Some(LabelId(4)));
        assert_eq!(ann.entities().len(), 1);
    }

    #[test]
    fn tag_all_adds_free_ranges_and_counts_the_rest() {
        let doc = Document::new("إيران وإيران وإيرانية إيران".to_string());
        let mut ann = Annotations::new(LabelSet::default());
        let starts: Vec<usize> = doc.text().match_indices("إيران").map(|(i, _)| i).collect();
        let ranges: Vec<Range<usize>> = starts.iter().map(|&s| s..s + "إيران".len()).collect();
        // The last occurrence is already a GPE; the first overlaps a longer entity.
        let (tx, _) = tag(&ann, ranges[3].clone(), LabelId(4)).expect("tags");
        ann.apply(&doc, &tx).expect("applies");
        let (tx, _) = tag(&ann, 0..ranges[1].end, LabelId(2)).expect("tags");
        ann.apply(&doc, &tx).expect("applies");
        // A suggestion of exactly the span tag-all tags is settled by it; one elsewhere stays.
        let proposed = vec![
            Suggestion::new(ranges[2].clone(), LabelId(4), SuggestionSource::Starter, 900),
            Suggestion::new(
                ranges[2].start..ranges[2].end + "ية".len(),
                LabelId(4),
                SuggestionSource::Starter,
                900,
            ),
        ];
        let (tx, _) = suggest(&ann, SuggestionSource::Starter, proposed);
        ann.apply(&doc, &tx.expect("suggests")).expect("applies");
        let before = ann.clone();
        let mut all = ranges.clone();
        all.push(ranges[2].clone()); // a duplicate range
        let (tx, ids, report) = tag_all(&ann, &all, LabelId(4));
        assert_eq!(report, TagAllReport { tagged: 1, already: 1, overlapping: 3 });
        assert_eq!(report.to_string(), "tagged 1, 1 already tagged, 3 overlapped other entities (skipped)");
        let mut history = History::default();
        history.apply(&mut ann, &doc, tx.expect("one to add")).expect("applies");
        assert_eq!(
            ids.iter().filter_map(|id| ann.entities().get(*id)).map(|e| e.range()).collect::<Vec<_>>(),
            vec![ranges[2].clone()]
        );
        let left: Vec<Range<usize>> = ann.suggestions().iter().map(|s| s.range()).collect();
        assert_eq!(left, vec![ranges[2].start..ranges[2].end + "ية".len()]);
        history.undo(&mut ann, &doc).expect("undo");
        assert_eq!(ann, before, "one undo step restores exactly");
    }

    #[test]
    fn adjust_moves_by_code_points_and_refuses_to_empty() {
        let (doc, mut ann) = setup();
        let start = doc.text().find("إيران").expect("word");
        let (tx, id) = tag(&ann, start..start + "إيران".len(), LabelId(1)).expect("adds");
        ann.apply(&doc, &tx).expect("applies");
        let tx = adjust(&ann, &doc, id, Edge::Start, 1).expect("shrinks");
        ann.apply(&doc, &tx).expect("applies");
        assert_eq!(ann.entities().get(id).and_then(|e| doc.slice(e.range())), Some("يران"));
        let tx = adjust(&ann, &doc, id, Edge::End, 10);
        assert!(tx.is_none(), "past the end of the text");
        assert!(set_range(&ann, id, start..start).is_none());
        assert!(relabel(&ann, EntityId(99), LabelId(2)).is_none());
        assert!(set_labels(&ann, ann.labels().clone()).is_none());
    }
}
