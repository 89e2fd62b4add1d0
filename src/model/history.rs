//! Unlimited undo/redo of transactions within a session.

use super::{Annotations, Document, EditError, Transaction};

/// Undo and redo stacks. Applying a new transaction clears the redo stack.
///
/// Every applied transaction gets a serial number; [`History::state`] names the state the
/// annotations are in (the serial of the last transaction not undone), so "back at the saved
/// state after undo" is recognised without comparing annotations.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<(u64, Transaction)>,
    redo: Vec<(u64, Transaction)>,
    serial: u64,
}

impl History {
    /// Applies `tx` to `ann` and records it; on error records nothing.
    pub fn apply(&mut self, ann: &mut Annotations, doc: &Document, tx: Transaction) -> Result<(), EditError> {
        if tx.is_empty() {
            return Ok(());
        }
        ann.apply(doc, &tx)?;
        self.serial += 1;
        self.undo.push((self.serial, tx));
        self.redo.clear();
        Ok(())
    }

    /// Undoes the last transaction; `Ok(false)` when there is nothing to undo.
    pub fn undo(&mut self, ann: &mut Annotations, doc: &Document) -> Result<bool, EditError> {
        replay(ann, doc, &mut self.undo, &mut self.redo, true)
    }

    /// Redoes the last undone transaction; `Ok(false)` when there is nothing to redo.
    pub fn redo(&mut self, ann: &mut Annotations, doc: &Document) -> Result<bool, EditError> {
        replay(ann, doc, &mut self.redo, &mut self.undo, false)
    }

    /// Records `tx` as the newest undo step without applying it: it was applied already (by a
    /// change saved to the annotation file elsewhere, e.g. tag-all across a corpus), so that
    /// undo can take it back here. Refused, recording nothing, unless undoing it would apply
    /// to `ann` as it is.
    pub fn adopt(&mut self, ann: &Annotations, doc: &Document, tx: Transaction) -> Result<(), EditError> {
        let mut probe = ann.clone();
        probe.apply(doc, &tx.invert())?;
        self.serial += 1;
        self.undo.push((self.serial, tx));
        self.redo.clear();
        Ok(())
    }

    /// The newest transaction that can be undone.
    pub fn last(&self) -> Option<&Transaction> {
        self.undo.last().map(|(_, tx)| tx)
    }

    /// True if there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True if there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The transaction the last apply or redo applied (the one undo would take back).
    pub fn last_applied(&self) -> Option<&Transaction> {
        self.undo.last().map(|(_, tx)| tx)
    }

    /// The transaction the last undo took back (the one redo would apply again).
    pub fn last_undone(&self) -> Option<&Transaction> {
        self.redo.last().map(|(_, tx)| tx)
    }

    /// The state the annotations are in: equal before and after an undo/redo round trip,
    /// different after any other change (0: no transaction applied).
    pub fn state(&self) -> u64 {
        self.undo.last().map_or(0, |(serial, _)| *serial)
    }
}

/// Moves the top transaction of `from` to `to`, applying it (or its inverse); on error both
/// stacks and the annotations stay as they were.
fn replay(
    ann: &mut Annotations,
    doc: &Document,
    from: &mut Vec<(u64, Transaction)>,
    to: &mut Vec<(u64, Transaction)>,
    invert: bool,
) -> Result<bool, EditError> {
    let Some((serial, tx)) = from.pop() else { return Ok(false) };
    let result = if invert { ann.apply(doc, &tx.invert()) } else { ann.apply(doc, &tx) };
    match result {
        Ok(()) => {
            to.push((serial, tx));
            Ok(true)
        }
        Err(e) => {
            from.push((serial, tx));
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LabelId, LabelSet, ops};

    #[test]
    fn state_returns_after_undo_and_redo_and_differs_after_new_edits() {
        let doc = Document::new("وزير خارجية إيران".to_string());
        let mut ann = Annotations::new(LabelSet::default());
        let mut h = History::default();
        assert_eq!(h.state(), 0);
        let (tx, _) = ops::tag(&ann, 0.."وزير".len(), LabelId(1)).expect("tags");
        h.apply(&mut ann, &doc, tx).expect("applies");
        let tagged = h.state();
        assert_ne!(tagged, 0);
        assert!(h.undo(&mut ann, &doc).expect("undo"));
        assert_eq!(h.state(), 0);
        assert!(h.redo(&mut ann, &doc).expect("redo"));
        assert_eq!(h.state(), tagged);
        h.undo(&mut ann, &doc).expect("undo");
        let (tx, _) = ops::tag(&ann, 0.."وزير".len(), LabelId(2)).expect("tags");
        h.apply(&mut ann, &doc, tx).expect("applies");
        assert!(h.state() != tagged && h.state() != 0, "a new branch is a new state");
        assert!(!h.can_redo());
    }
}
