//! Invertible edits: every change to annotations is a [`Transaction`] whose inverse undoes it.

use thiserror::Error;

use super::{Entity, EntityId, LabelId, LabelSet, Rejection, Suggestion, Suggestions};

/// One primitive change. Each variant carries everything its inverse needs, so
/// [`Edit::invert`] is pure (like helix's `Transaction::invert`, without needing the state).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Add an entity.
    Add(Entity),
    /// Remove exactly this entity.
    Remove(Entity),
    /// Change an entity's range or label (same id).
    Replace {
        /// The entity as it is now.
        old: Entity,
        /// The entity as it will be.
        new: Entity,
    },
    /// Replace the whole label set (add, rename, recolour, rebind, remove labels).
    Labels {
        /// The label set as it is now.
        old: LabelSet,
        /// The label set as it will be.
        new: LabelSet,
    },
    /// Add a suggestion.
    Suggest(Suggestion),
    /// Remove exactly this suggestion.
    Unsuggest(Suggestion),
    /// Replace the whole suggestions layer (pre-annotation, accept or reject all of a label).
    Layer {
        /// The layer as it is now.
        old: Suggestions,
        /// The layer as it will be.
        new: Suggestions,
    },
    /// Remember a rejected suggestion.
    Reject(Rejection),
    /// Forget a rejection.
    Unreject(Rejection),
}

impl Edit {
    /// The edit that undoes this one.
    pub fn invert(&self) -> Edit {
        match self {
            Edit::Add(e) => Edit::Remove(*e),
            Edit::Remove(e) => Edit::Add(*e),
            Edit::Replace { old, new } => Edit::Replace { old: *new, new: *old },
            Edit::Labels { old, new } => Edit::Labels { old: new.clone(), new: old.clone() },
            Edit::Suggest(s) => Edit::Unsuggest(s.clone()),
            Edit::Unsuggest(s) => Edit::Suggest(s.clone()),
            Edit::Layer { old, new } => Edit::Layer { old: new.clone(), new: old.clone() },
            Edit::Reject(r) => Edit::Unreject(*r),
            Edit::Unreject(r) => Edit::Reject(*r),
        }
    }
}

/// An atomic group of edits: one undo step.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Transaction {
    edits: Vec<Edit>,
}

impl Transaction {
    /// A transaction of the given edits, applied in order.
    pub fn new(edits: Vec<Edit>) -> Self {
        Self { edits }
    }

    /// A transaction of one edit.
    pub fn single(edit: Edit) -> Self {
        Self { edits: vec![edit] }
    }

    /// The edits in application order.
    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }

    /// True when it changes nothing.
    pub fn is_empty(&self) -> bool {
        self.edits.is_empty()
    }

    /// The transaction that undoes this one: inverted edits in reverse order.
    pub fn invert(&self) -> Transaction {
        Transaction { edits: self.edits.iter().rev().map(Edit::invert).collect() }
    }
}

/// Why an edit could not be applied. Nothing is changed when any edit of a transaction fails.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EditError {
    /// The range is empty, reversed, out of the text or not on char boundaries.
    #[error("span {start}..{end} is not a non-empty range on character boundaries of the text")]
    BadRange {
        /// Start byte.
        start: usize,
        /// End byte.
        end: usize,
    },
    /// The label does not exist in the label set.
    #[error("label #{0} is not defined")]
    UnknownLabel(u32),
    /// The id is the largest possible one (no id could follow it).
    #[error("entity id {0} is too large")]
    IdOutOfRange(u64),
    /// An entity with this id already exists.
    #[error("entity #{0} already exists")]
    DuplicateId(u64),
    /// The entity to remove or replace is not there (stale edit).
    #[error("entity #{0} is not there")]
    Missing(u64),
    /// A suggestion or rejection to add is there already, or one to remove is not.
    #[error("the suggestion at {start}..{end} is {what}")]
    Suggestion {
        /// Start byte.
        start: usize,
        /// End byte.
        end: usize,
        /// "already there", "not there", "already rejected", "not rejected", or "stale".
        what: &'static str,
    },
    /// A label-set edit that does not match the current set or would orphan entities.
    #[error("label set change refused: {0}")]
    Labels(String),
}

impl EditError {
    pub(crate) fn missing(id: EntityId) -> Self {
        EditError::Missing(id.0)
    }

    pub(crate) fn unknown_label(id: LabelId) -> Self {
        EditError::UnknownLabel(id.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invert_is_an_involution() {
        let e = Entity { id: EntityId(1), start: 0, end: 2, label: LabelId(1) };
        let f = Entity { label: LabelId(2), ..e };
        let tx = Transaction::new(vec![Edit::Add(e), Edit::Replace { old: e, new: f }]);
        assert_eq!(tx.invert().invert(), tx);
        assert_eq!(tx.invert().edits()[0], Edit::Replace { old: f, new: e });
        assert_eq!(tx.invert().edits()[1], Edit::Remove(e));
    }
}
