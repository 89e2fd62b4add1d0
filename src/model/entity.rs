//! Entities (labelled byte ranges) and the ordered set that answers range queries fast.

use std::ops::Range;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::LabelId;

/// Stable identifier of an entity within one annotation file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EntityId(pub u64);

/// A labelled span: UTF-8 byte range `start..end` of the document, on char boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Entity {
    /// Stable id.
    pub id: EntityId,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Its label.
    pub label: LabelId,
}

impl Entity {
    /// The byte range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    fn key(&self) -> (usize, std::cmp::Reverse<usize>, EntityId) {
        // Outer entities before the ones nested in them: reading order.
        (self.start, std::cmp::Reverse(self.end), self.id)
    }
}

/// Entities kept sorted by (start, longest first, id): reading order.
///
/// Overlap queries binary-search on start and use the longest entity length as the look-back
/// bound, so "what is visible in this range" costs O(log n + k) for typical data.
#[derive(Debug, Clone, Default)]
pub struct EntitySet {
    sorted: Vec<Entity>,
    /// The same entities by id, for O(1) lookup.
    by_id: FxHashMap<EntityId, Entity>,
    /// Upper bound on `end - start` of every entity (never shrinks below the true maximum).
    max_len: usize,
}

impl PartialEq for EntitySet {
    /// Two sets are equal when they hold the same entities (the look-back bound is internal).
    fn eq(&self, other: &Self) -> bool {
        self.sorted == other.sorted
    }
}

impl Eq for EntitySet {}

impl EntitySet {
    /// Builds a set from entities in any order (ids must be unique).
    pub fn from_entities(mut entities: Vec<Entity>) -> Self {
        entities.sort_by_key(Entity::key);
        let max_len = entities.iter().map(|e| e.end - e.start).max().unwrap_or(0);
        let by_id = entities.iter().map(|e| (e.id, *e)).collect();
        Self { sorted: entities, by_id, max_len }
    }

    /// Number of entities.
    pub fn len(&self) -> usize {
        self.sorted.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.sorted.is_empty()
    }

    /// All entities in reading order.
    pub fn iter(&self) -> std::slice::Iter<'_, Entity> {
        self.sorted.iter()
    }

    /// The entity with this id.
    pub fn get(&self, id: EntityId) -> Option<&Entity> {
        self.by_id.get(&id)
    }

    /// Position of an exact entity, by binary search.
    fn position(&self, e: &Entity) -> Option<usize> {
        self.sorted.binary_search_by_key(&e.key(), Entity::key).ok()
    }

    /// True if exactly this entity (id, range and label) is present.
    pub fn contains(&self, e: &Entity) -> bool {
        self.position(e).is_some_and(|i| self.sorted[i] == *e)
    }

    /// Inserts; returns false (and changes nothing) if the id is already present.
    pub(crate) fn insert(&mut self, e: Entity) -> bool {
        if self.by_id.contains_key(&e.id) {
            return false;
        }
        self.by_id.insert(e.id, e);
        let i = self.sorted.partition_point(|x| x.key() < e.key());
        self.sorted.insert(i, e);
        self.max_len = self.max_len.max(e.end - e.start);
        true
    }

    /// Removes exactly this entity; returns false if it is not present.
    pub(crate) fn remove(&mut self, e: &Entity) -> bool {
        match self.position(e) {
            Some(i) if self.sorted[i] == *e => {
                self.sorted.remove(i);
                self.by_id.remove(&e.id);
                true
            }
            _ => false,
        }
    }

    /// Entities that overlap the byte range (non-empty intersection), in reading order.
    pub fn overlapping(&self, range: Range<usize>) -> impl Iterator<Item = &Entity> {
        let lo = range.start.saturating_sub(self.max_len);
        let first = self.sorted.partition_point(|e| e.start < lo);
        let last = self.sorted.partition_point(|e| e.start < range.end);
        self.sorted[first..last.max(first)].iter().filter(move |e| e.end > range.start)
    }

    /// The innermost (shortest) entity that contains byte `pos`.
    pub fn innermost_at(&self, pos: usize) -> Option<&Entity> {
        self.overlapping(pos..pos + 1)
            .filter(|e| e.start <= pos && pos < e.end)
            .min_by_key(|e| e.end - e.start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ent(id: u64, start: usize, end: usize) -> Entity {
        Entity { id: EntityId(id), start, end, label: LabelId(1) }
    }

    #[test]
    fn nested_entities_in_reading_order() {
        let set = EntitySet::from_entities(vec![ent(2, 4, 6), ent(1, 0, 10), ent(3, 12, 14)]);
        let ids: Vec<u64> = set.iter().map(|e| e.id.0).collect();
        assert_eq!(ids, vec![1, 2, 3]);
        assert_eq!(set.innermost_at(5).map(|e| e.id.0), Some(2));
        assert_eq!(set.innermost_at(11), None);
    }

    #[test]
    fn insert_refuses_duplicate_id() {
        let mut set = EntitySet::default();
        assert!(set.insert(ent(1, 0, 2)));
        assert!(!set.insert(ent(1, 4, 6)));
        assert!(!set.remove(&ent(1, 4, 6)));
        assert!(set.remove(&ent(1, 0, 2)));
        assert!(set.is_empty());
    }

    proptest! {
        #[test]
        fn overlapping_matches_naive(
            spans in proptest::collection::vec((0usize..200, 1usize..40), 0..60),
            q in (0usize..240, 0usize..60),
        ) {
            let ents: Vec<Entity> = spans.iter().enumerate()
                .map(|(i, &(s, l))| ent(i as u64, s, s + l)).collect();
            let set = EntitySet::from_entities(ents.clone());
            let range = q.0..q.0 + q.1;
            let mut got: Vec<u64> = set.overlapping(range.clone()).map(|e| e.id.0).collect();
            let mut want: Vec<u64> = ents.iter()
                .filter(|e| e.start < range.end && e.end > range.start)
                .map(|e| e.id.0).collect();
            got.sort_unstable();
            want.sort_unstable();
            prop_assert_eq!(got, want);
        }
    }
}
