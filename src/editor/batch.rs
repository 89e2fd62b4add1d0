//! Several annotation changes as one undo step ([`EditCommand::Batch`]): each command is
//! planned with the ordinary builders of [`crate::model::ops`] on a scratch copy of the
//! annotations that already holds the changes before it, and the edits are joined into one
//! transaction, so undo takes them back together.

use super::apply::Planned;
use super::{Article, EditCommand, EditorError};
use crate::model::{Transaction, ops};

impl Article {
    /// The one transaction of a batch (`None` in `tx` when nothing would change).
    pub(super) fn plan_batch(&self, cmds: Vec<EditCommand>) -> Result<Planned, EditorError> {
        let mut scratch = self.ann.clone();
        let mut edits = Vec::new();
        let mut created = Vec::new();
        for cmd in cmds {
            let planned = match cmd {
                EditCommand::TagRange(range, label) => {
                    Planned::tagged(&scratch, ops::tag(&scratch, range, label))
                }
                EditCommand::Relabel(id, label) => Planned::plain(ops::relabel(&scratch, id, label)),
                EditCommand::SetRange(id, range) => Planned::plain(ops::set_range(&scratch, id, range)),
                EditCommand::Delete(id) => Planned::plain(ops::delete(&scratch, id)),
                EditCommand::SetLabels(new) => Planned::plain(ops::set_labels(&scratch, new)),
                other => return Err(EditorError::NotBatchable(format!("{other:?}"))),
            };
            if let Some(tx) = planned.tx {
                scratch.apply(&self.doc, &tx)?;
                edits.extend(tx.edits().iter().cloned());
                created.extend(planned.created);
            }
        }
        let tx = (!edits.is_empty()).then(|| Transaction::new(edits));
        Ok(Planned { tx, select: None, created, notice: None })
    }
}

#[cfg(test)]
mod tests {
    use crate::editor::{Article, EditCommand};
    use crate::model::{EntityId, LabelId};

    fn article(dir: &std::path::Path) -> Article {
        let path = dir.join("a.txt");
        std::fs::write(&path, "وصل وزير خارجية إيران إلى دمشق.\n").unwrap();
        Article::open(&path).unwrap().0
    }

    #[test]
    fn a_batch_is_one_undo_step_and_later_commands_see_earlier_ones() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = article(dir.path());
        let text = a.doc.text().to_string();
        let iran = text.find("إيران").unwrap_or(0);
        let damascus = text.find("دمشق").unwrap_or(0);
        let label = a.ann().labels().iter().next().map(|l| l.id).unwrap_or(LabelId(0));
        a.apply(EditCommand::TagRange(iran..iran + "إيران".len(), label)).unwrap();
        let id = a.ann().entities().iter().next().map(|e| e.id).unwrap_or(EntityId(0));
        let before = a.ann().entities().len();
        let batch = EditCommand::Batch(vec![
            EditCommand::Delete(id),
            // Overlaps the deleted entity: only possible because the delete came first.
            EditCommand::TagRange(iran - 1..iran + "إيران".len(), label),
            EditCommand::TagRange(damascus..damascus + "دمشق".len(), label),
            EditCommand::Relabel(EntityId(9999), label),
        ]);
        let outcome = a.apply(batch).unwrap();
        assert_eq!(outcome.created.len(), 2);
        assert_eq!(a.ann().entities().len(), 2);
        assert!(a.ann().entities().iter().all(|e| e.id != id));
        a.apply(EditCommand::Undo).unwrap();
        assert_eq!(a.ann().entities().len(), before);
        assert!(a.ann().entities().get(id).is_some(), "one undo brings the whole batch back");
    }

    #[test]
    fn selections_cannot_be_batched_and_nothing_changes() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = article(dir.path());
        let label = a.ann().labels().iter().next().map(|l| l.id).unwrap_or(LabelId(0));
        let batch = EditCommand::Batch(vec![EditCommand::TagRange(0..3, label), EditCommand::Undo]);
        assert!(a.apply(batch).is_err());
        assert!(a.ann().entities().is_empty());
    }
}
