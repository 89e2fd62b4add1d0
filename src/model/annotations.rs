//! The annotation state of one document: label set, entities and orphans.

use std::ops::Range;

use std::collections::BTreeSet;

use super::{
    Document, Edit, EditError, Entity, EntityId, EntitySet, LabelId, LabelSet, Rejection, Suggestions,
    Transaction,
};

/// An entity that could not be re-anchored after the article text changed.
///
/// Kept (and saved) verbatim so no work is ever lost; shown in the entity panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Orphan {
    /// Its id in the annotation file.
    pub id: EntityId,
    /// Its label.
    pub label: LabelId,
    /// Code-point range in the old text.
    pub chars: Range<usize>,
    /// Its surface text.
    pub text: String,
}

/// Labels, entities and orphans of one document, changed only through [`Transaction`]s.
#[derive(Debug, Clone, Default)]
pub struct Annotations {
    labels: LabelSet,
    entities: EntitySet,
    orphans: Vec<Orphan>,
    /// Token boundaries kept from an imported CoNLL file, so re-export gives the same tokens.
    tokens: Option<Vec<Range<usize>>>,
    /// Proposed entities, apart from the entities (see [`super::layer`]).
    pub(super) suggestions: Suggestions,
    /// Rejected suggestions, so they are not proposed again.
    pub(super) rejections: BTreeSet<Rejection>,
    next_id: u64,
    revision: u64,
}

impl PartialEq for Annotations {
    /// Equal content: labels, entities, orphans, tokens, suggestions and rejections (not the id
    /// counter or revision).
    fn eq(&self, other: &Self) -> bool {
        self.labels == other.labels
            && self.entities == other.entities
            && self.orphans == other.orphans
            && self.tokens == other.tokens
            && self.suggestions == other.suggestions
            && self.rejections == other.rejections
    }
}

impl Eq for Annotations {}

impl Annotations {
    /// Empty annotations with the given labels.
    pub fn new(labels: LabelSet) -> Self {
        Self { labels, ..Self::default() }
    }

    /// Builds validated annotations in O(n log n): ranges on char boundaries of `doc`, labels
    /// defined (orphans' too), ids unique across entities and orphans. Fails on the first
    /// problem, in file order.
    pub fn from_parts(
        doc: &Document,
        labels: LabelSet,
        entities: Vec<Entity>,
        orphans: Vec<Orphan>,
    ) -> Result<Self, (Entity, EditError)> {
        let mut ann = Self::new(labels);
        let as_entity = |o: &Orphan| Entity { id: o.id, start: 0, end: 0, label: o.label };
        for o in &orphans {
            ann.labels.get(o.label).ok_or((as_entity(o), EditError::unknown_label(o.label)))?;
            ann.next_id = ann.next_id.max(next_after(o.id).map_err(|err| (as_entity(o), err))?);
        }
        for e in &entities {
            ann.check_range(doc, e.range()).map_err(|err| (*e, err))?;
            ann.labels.get(e.label).ok_or((*e, EditError::unknown_label(e.label)))?;
            ann.next_id = ann.next_id.max(next_after(e.id).map_err(|err| (*e, err))?);
        }
        // Unique ids: sort a copy (fast); only on a duplicate look for the first one in order.
        let mut ids: Vec<EntityId> =
            orphans.iter().map(|o| o.id).chain(entities.iter().map(|e| e.id)).collect();
        ids.sort_unstable();
        if ids.windows(2).any(|w| w[0] == w[1]) {
            let mut seen = std::collections::HashSet::new();
            let all = orphans.iter().map(as_entity).chain(entities.iter().copied());
            if let Some(dup) = all.into_iter().find(|e| !seen.insert(e.id)) {
                return Err((dup, EditError::DuplicateId(dup.id.0)));
            }
        }
        ann.entities = EntitySet::from_entities(entities);
        ann.orphans = orphans;
        Ok(ann)
    }

    /// The label set.
    pub fn labels(&self) -> &LabelSet {
        &self.labels
    }

    /// The entities in reading order.
    pub fn entities(&self) -> &EntitySet {
        &self.entities
    }

    /// Entities that lost their place in a changed text.
    pub fn orphans(&self) -> &[Orphan] {
        &self.orphans
    }

    /// The suggestions layer, in reading order.
    pub fn suggestions(&self) -> &Suggestions {
        &self.suggestions
    }

    /// Rejected suggestions (range and label), in order.
    pub fn rejections(&self) -> &BTreeSet<Rejection> {
        &self.rejections
    }

    /// Token boundaries (byte ranges) from an imported tokenisation, if any.
    pub fn tokens(&self) -> Option<&[Range<usize>]> {
        self.tokens.as_deref()
    }

    /// Sets the token boundaries; refuses (returns false) unless they are sorted,
    /// non-overlapping, non-empty ranges on char boundaries of `doc`.
    pub fn set_tokens(&mut self, doc: &Document, tokens: Option<Vec<Range<usize>>>) -> bool {
        if let Some(t) = &tokens {
            let mut prev_end = 0;
            for r in t {
                if r.start < prev_end || self.check_range(doc, r.clone()).is_err() {
                    return false;
                }
                prev_end = r.end;
            }
        }
        self.tokens = tokens;
        true
    }

    /// Increases on every applied change; lets views and autosave notice changes cheaply.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// An id no entity or orphan has.
    pub fn fresh_id(&self) -> EntityId {
        EntityId(self.next_id.max(1))
    }

    /// Applies a transaction atomically: on error nothing changes.
    pub fn apply(&mut self, doc: &Document, tx: &Transaction) -> Result<(), EditError> {
        for (i, edit) in tx.edits().iter().enumerate() {
            if let Err(err) = self.apply_edit(doc, edit) {
                for done in tx.edits()[..i].iter().rev() {
                    // Inverses of edits that just succeeded cannot fail.
                    let _ = self.apply_edit(doc, &done.invert());
                }
                return Err(err);
            }
        }
        self.revision += 1;
        Ok(())
    }

    fn apply_edit(&mut self, doc: &Document, edit: &Edit) -> Result<(), EditError> {
        match edit {
            Edit::Add(e) => {
                self.check_new(doc, e)?;
                let next = next_after(e.id)?;
                self.entities.insert(*e);
                self.next_id = self.next_id.max(next);
            }
            Edit::Remove(e) => {
                if !self.entities.remove(e) {
                    return Err(EditError::missing(e.id));
                }
            }
            Edit::Replace { old, new } => {
                if old.id != new.id || !self.entities.contains(old) {
                    return Err(EditError::missing(old.id));
                }
                self.check_range(doc, new.range())?;
                self.labels.get(new.label).ok_or(EditError::unknown_label(new.label))?;
                self.entities.remove(old);
                self.entities.insert(*new);
            }
            Edit::Labels { old, new } => {
                if *old != self.labels {
                    return Err(EditError::Labels("the label set changed meanwhile".into()));
                }
                LabelSet::from_labels(new.iter().cloned().collect())
                    .map_err(|name| EditError::Labels(format!("label {name:?} is defined twice")))?;
                let used = self.entities.iter().map(|e| e.label).chain(self.orphans.iter().map(|o| o.label));
                let used = used.chain(self.layer_labels());
                if let Some(missing) = used.into_iter().find(|id| new.get(*id).is_none()) {
                    let name = old.get(missing).map_or("?", |l| l.name.as_str());
                    return Err(EditError::Labels(format!("label {name} is still in use")));
                }
                self.labels = new.clone();
            }
            Edit::Suggest(_)
            | Edit::Unsuggest(_)
            | Edit::Layer { .. }
            | Edit::Reject(_)
            | Edit::Unreject(_) => {
                self.apply_layer_edit(doc, edit)?;
            }
        }
        Ok(())
    }

    pub(super) fn check_range(&self, doc: &Document, r: Range<usize>) -> Result<(), EditError> {
        let ok = r.start < r.end && r.end <= doc.len() && doc.is_boundary(r.start) && doc.is_boundary(r.end);
        if ok { Ok(()) } else { Err(EditError::BadRange { start: r.start, end: r.end }) }
    }

    fn check_new(&self, doc: &Document, e: &Entity) -> Result<(), EditError> {
        self.check_range(doc, e.range())?;
        self.labels.get(e.label).ok_or(EditError::unknown_label(e.label))?;
        let taken = self.entities.get(e.id).is_some() || self.orphans.iter().any(|o| o.id == e.id);
        if taken { Err(EditError::DuplicateId(e.id.0)) } else { Ok(()) }
    }
}

impl Annotations {
    /// Builds validated annotations with token boundaries: [`Annotations::from_parts`], then
    /// [`Annotations::set_tokens`]. The first bad entity or orphan is `Err(Some(..))`; invalid
    /// `tokens` are `Err(None)`.
    pub fn from_parts_with_tokens(
        doc: &Document,
        labels: LabelSet,
        entities: Vec<Entity>,
        orphans: Vec<Orphan>,
        tokens: Option<Vec<Range<usize>>>,
    ) -> Result<Self, Option<(Entity, EditError)>> {
        let mut ann = Self::from_parts(doc, labels, entities, orphans).map_err(Some)?;
        if !ann.set_tokens(doc, tokens) {
            return Err(None);
        }
        Ok(ann)
    }
}

#[cfg(test)]
mod with_tokens_tests {
    use super::*;

    #[test]
    fn with_tokens_matches_from_parts_and_refuses_duplicates() {
        let doc = Document::new("التقى المقداد في باكو".to_string());
        let e = |id, start, end| Entity { id: EntityId(id), start, end, label: super::LabelId(1) };
        let entities = vec![e(3, 31, 39), e(1, 11, 25), e(2, 11, 39)];
        let orphan = Orphan { id: EntityId(9), label: super::LabelId(2), chars: 0..1, text: "x".into() };
        let plain =
            Annotations::from_parts(&doc, LabelSet::default(), entities.clone(), vec![orphan.clone()]);
        let with_tokens = Annotations::from_parts_with_tokens(
            &doc,
            LabelSet::default(),
            entities.clone(),
            vec![orphan.clone()],
            None,
        );
        assert_eq!(with_tokens.ok(), plain.ok());
        let dup = Orphan { id: EntityId(2), ..orphan };
        let err = Annotations::from_parts_with_tokens(&doc, LabelSet::default(), entities, vec![dup], None);
        assert_eq!(
            err.err().flatten().map(|(e, err)| (e.id, err)),
            Some((EntityId(2), EditError::DuplicateId(2)))
        );
    }

    #[test]
    fn the_largest_id_is_refused_instead_of_wrapping() {
        let doc = Document::new("باكو".to_string());
        let e = Entity { id: EntityId(u64::MAX), start: 0, end: 4, label: super::LabelId(1) };
        let err = Annotations::from_parts(&doc, LabelSet::default(), vec![e], Vec::new());
        assert_eq!(err.err().map(|(_, err)| err), Some(EditError::IdOutOfRange(u64::MAX)));
        let mut ann = Annotations::new(LabelSet::default());
        let tx = crate::model::Transaction::single(crate::model::Edit::Add(e));
        assert_eq!(ann.apply(&doc, &tx), Err(EditError::IdOutOfRange(u64::MAX)));
        assert!(ann.entities().is_empty());
    }
}

/// The id after `id`; the largest id is refused so that fresh ids never wrap around.
fn next_after(id: EntityId) -> Result<u64, EditError> {
    id.0.checked_add(1).ok_or(EditError::IdOutOfRange(id.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::History;
    use proptest::prelude::*;

    fn doc() -> Document {
        Document::new("التقى المقداد وعبد اللهيان في باكو 2023".to_string())
    }

    #[test]
    fn tag_then_relabel_then_noop() {
        let doc = doc();
        let mut ann = Annotations::new(LabelSet::default());
        let start = doc.text().find("المقداد").expect("word");
        let r = start..start + "المقداد".len();
        let tx = crate::model::ops::tag(&ann, r.clone(), LabelId(1)).map(|(tx, _)| tx).expect("adds");
        ann.apply(&doc, &tx).expect("valid");
        assert_eq!(ann.entities().len(), 1);
        assert!(crate::model::ops::tag(&ann, r.clone(), LabelId(1)).map(|(tx, _)| tx).is_none());
        let tx = crate::model::ops::tag(&ann, r, LabelId(2)).map(|(tx, _)| tx).expect("relabels");
        ann.apply(&doc, &tx).expect("valid");
        assert_eq!(ann.entities().len(), 1);
        assert_eq!(ann.entities().iter().next().map(|e| e.label), Some(LabelId(2)));
    }

    #[test]
    fn bad_edits_change_nothing() {
        let doc = doc();
        let mut ann = Annotations::new(LabelSet::default());
        let good = Entity { id: EntityId(1), start: 0, end: 10, label: LabelId(1) };
        let inside_letter = Entity { id: EntityId(2), start: 1, end: 10, label: LabelId(1) };
        let tx = Transaction::new(vec![Edit::Add(good), Edit::Add(inside_letter)]);
        assert!(matches!(ann.apply(&doc, &tx), Err(EditError::BadRange { .. })));
        assert_eq!(ann, Annotations::new(LabelSet::default()));
        let unknown = Entity { label: LabelId(99), ..good };
        assert_eq!(
            ann.apply(&doc, &Transaction::single(Edit::Add(unknown))),
            Err(EditError::UnknownLabel(99))
        );
    }

    #[test]
    fn removing_a_label_in_use_is_refused() {
        let doc = doc();
        let mut ann = Annotations::new(LabelSet::default());
        ann.apply(&doc, &crate::model::ops::tag(&ann, 0..10, LabelId(1)).map(|(tx, _)| tx).expect("adds"))
            .expect("valid");
        let mut new = ann.labels().clone();
        new.labels_mut().retain(|l| l.id != LabelId(1));
        let tx = Transaction::single(Edit::Labels { old: ann.labels().clone(), new });
        assert!(matches!(ann.apply(&doc, &tx), Err(EditError::Labels(_))));
    }

    #[derive(Debug, Clone)]
    enum Op {
        Tag(usize, usize, u32),
        Remove(usize),
        Move(usize, usize, usize),
        Undo,
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            (0usize..40, 1usize..12, 1u32..8).prop_map(|(s, l, lab)| Op::Tag(s, l, lab)),
            (0usize..20).prop_map(Op::Remove),
            (0usize..20, 0usize..40, 1usize..12).prop_map(|(i, s, l)| Op::Move(i, s, l)),
            Just(Op::Undo),
        ]
    }

    proptest! {
        /// Any sequence of edits (with undos mixed in) followed by undoing everything restores
        /// the original state, and redoing everything restores the fully redone state.
        #[test]
        fn undo_all_restores_original(ops in proptest::collection::vec(op(), 0..40)) {
            let doc = doc();
            let chars: Vec<usize> = doc.text().char_indices().map(|(i, _)| i).chain([doc.len()]).collect();
            let byte = |c: usize| chars[c.min(chars.len() - 1)];
            let mut ann = Annotations::new(LabelSet::default());
            let original = ann.clone();
            let mut history = History::default();
            for op in ops {
                let tx = match op {
                    Op::Tag(s, l, lab) => crate::model::ops::tag(&ann, byte(s)..byte(s + l), LabelId(lab)).map(|(tx, _)| tx),
                    Op::Remove(i) => ann.entities().iter().nth(i).map(|e| Transaction::single(Edit::Remove(*e))),
                    Op::Move(i, s, l) => ann.entities().iter().nth(i).map(|e| Transaction::single(Edit::Replace {
                        old: *e, new: Entity { start: byte(s), end: byte(s + l), ..*e } })),
                    Op::Undo => { history.undo(&mut ann, &doc).expect("undo applies"); None }
                };
                if let Some(tx) = tx {
                    // Edits that are invalid (empty range at the end) are refused, not applied.
                    let _ = history.apply(&mut ann, &doc, tx);
                }
            }
            while history.redo(&mut ann, &doc).expect("redo applies") {}
            let last = ann.entities().clone();
            while history.undo(&mut ann, &doc).expect("undo applies") {}
            prop_assert_eq!(ann.entities(), original.entities());
            while history.redo(&mut ann, &doc).expect("redo applies") {}
            prop_assert_eq!(ann.entities(), &last);
        }
    }
}
