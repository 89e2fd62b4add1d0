//! The one edit path: an [`EditCommand`] becomes at most one transaction, applied through the
//! article's history; the selection is cleaned up here and nowhere else.

use super::{Article, EditCommand, EditorError, Outcome, Selection};
use crate::model::{EntityId, Transaction, ops};

impl Article {
    /// Carries out one command. On error nothing changed (annotations, history, selection).
    pub fn apply(&mut self, cmd: EditCommand) -> Result<Outcome, EditorError> {
        let outcome = match cmd {
            EditCommand::Select { anchor, caret } => {
                self.selection = Some(Selection { anchor, caret });
                self.selected = None;
                Outcome::unchanged()
            }
            EditCommand::SelectEntity(id) => {
                self.selected = Some(id);
                self.selection = None;
                Outcome::unchanged()
            }
            EditCommand::ClearSelection => {
                self.selection = None;
                self.selected = None;
                Outcome::unchanged()
            }
            EditCommand::Undo => Outcome::changed(self.history.undo(&mut self.ann, &self.doc)?),
            EditCommand::Redo => Outcome::changed(self.history.redo(&mut self.ann, &self.doc)?),
            edit => self.transact(edit)?,
        };
        self.drop_stale_selection();
        Ok(outcome)
    }

    /// Builds the command's transaction, applies it as one undo step, and selects the entity
    /// it tagged.
    fn transact(&mut self, cmd: EditCommand) -> Result<Outcome, EditorError> {
        let Some((tx, tagged)) = self.transaction(cmd)? else { return Ok(Outcome::unchanged()) };
        let created = tagged.filter(|id| self.ann.entities().get(*id).is_none());
        self.history.apply(&mut self.ann, &self.doc, tx)?;
        if let Some(id) = tagged {
            self.selection = None;
            self.selected = Some(id);
        }
        Ok(Outcome { changed: true, created: created.into_iter().collect() })
    }

    /// The transaction a command stands for (`None`: nothing to do) and, for tagging, the
    /// entity that carries the label afterwards.
    fn transaction(&self, cmd: EditCommand) -> Result<Option<(Transaction, Option<EntityId>)>, EditorError> {
        let (ann, doc) = (&self.ann, &self.doc);
        let plain = |tx: Option<Transaction>| Ok(tx.map(|tx| (tx, None)));
        let tagged = |t: Option<(Transaction, EntityId)>| Ok(t.map(|(tx, id)| (tx, Some(id))));
        match cmd {
            EditCommand::Tag(label) => {
                let range = self.selection.map(|s| s.range()).filter(|r| !r.is_empty());
                match (range, self.selected) {
                    (Some(range), _) => tagged(ops::tag(ann, range, label)),
                    (None, Some(id)) => plain(ops::relabel(ann, id, label)),
                    (None, None) => Err(EditorError::NothingSelected),
                }
            }
            EditCommand::TagRange(range, label) => tagged(ops::tag(ann, range, label)),
            EditCommand::Delete(id) => plain(ops::delete(ann, id)),
            EditCommand::Relabel(id, label) => plain(ops::relabel(ann, id, label)),
            EditCommand::AdjustEdge(id, edge, delta) => plain(ops::adjust(ann, doc, id, edge, delta)),
            EditCommand::SetRange(id, range) => plain(ops::set_range(ann, id, range)),
            EditCommand::SetLabels(new) => plain(ops::set_labels(ann, new)),
            EditCommand::Select { .. }
            | EditCommand::SelectEntity(_)
            | EditCommand::ClearSelection
            | EditCommand::Undo
            | EditCommand::Redo => Ok(None),
        }
    }

    /// A selected entity that no longer exists (deleted, undone) is deselected.
    fn drop_stale_selection(&mut self) {
        if self.selected.is_some_and(|id| self.ann.entities().get(id).is_none()) {
            self.selected = None;
        }
    }
}
