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
        let Some(tx) = self.undo.pop() else { return Ok(false) };
        match ann.apply(doc, &tx.invert()) {
            Ok(()) => {
                self.redo.push(tx);
                Ok(true)
            }
            Err(e) => {
                self.undo.push(tx);
                Err(e)
            }
        }
    }

    /// Redoes the last undone transaction; `Ok(false)` when there is nothing to redo.
    pub fn redo(&mut self, ann: &mut Annotations, doc: &Document) -> Result<bool, EditError> {
        let Some(tx) = self.redo.pop() else { return Ok(false) };
        match ann.apply(doc, &tx) {
            Ok(()) => {
                self.undo.push(tx);
                Ok(true)
            }
            Err(e) => {
                self.redo.push(tx);
                Err(e)
            }
        }
    }

    /// True if there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True if there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Forgets everything (a new document was opened).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}
