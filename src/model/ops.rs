//! The transaction builders: what each annotation change *is*, as a [`Transaction`] computed
//! from the current state without changing it. The editor core applies them through
//! [`History`](super::History); nothing else builds transactions for user edits.
//!
//! Each builder returns `None` when the change would do nothing (same label, same range, an
//! entity that is no longer there), so "nothing to undo" steps never reach the history.

use std::ops::Range;

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
    match same.first() {
        Some(old) => {
            Some((Transaction::single(Edit::Replace { old: *old, new: Entity { label, ..*old } }), old.id))
        }
        None => {
            let new = Entity { id: ann.fresh_id(), start: range.start, end: range.end, label };
            Some((Transaction::single(Edit::Add(new)), new.id))
        }
    }
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
pub fn set_labels(ann: &Annotations, new: LabelSet) -> Option<Transaction> {
    (*ann.labels() != new).then(|| Transaction::single(Edit::Labels { old: ann.labels().clone(), new }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::History;

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
