//! Unlimited undo/redo of transactions within a session.

use super::{Annotations, Document, EditError, Transaction};

/// Undo and redo stacks. Applying a new transaction clears the redo stack.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Transaction>,
    redo: Vec<Transaction>,
}

impl History {
    /// Applies `tx` to `ann` and records it; on error records nothing.
    pub fn apply(&mut self, ann: &mut Annotations, doc: &Document, tx: Transaction) -> Result<(), EditError> {
        if tx.is_empty() {
            return Ok(());
        }
        ann.apply(doc, &tx)?;
        self.undo.push(tx);
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

    /// True if there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True if there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

/// Moves the top transaction of `from` to `to`, applying it (or its inverse); on error both
/// stacks and the annotations stay as they were.
fn replay(
    ann: &mut Annotations,
    doc: &Document,
    from: &mut Vec<Transaction>,
    to: &mut Vec<Transaction>,
    invert: bool,
) -> Result<bool, EditError> {
    let Some(tx) = from.pop() else { return Ok(false) };
    let result = if invert { ann.apply(doc, &tx.invert()) } else { ann.apply(doc, &tx) };
    match result {
        Ok(()) => {
            to.push(tx);
            Ok(true)
        }
        Err(e) => {
            from.push(tx);
            Err(e)
        }
    }
}
