//! The one edit path: an [`EditCommand`] becomes at most one transaction, applied through the
//! article's history; the selection is cleaned up here and nowhere else.

use super::{Article, EditCommand, EditorError, Notice, Outcome, Selection};
use crate::model::{EntityId, Transaction, ops};

/// A command turned into its transaction, before it is applied.
pub(super) struct Planned {
    pub(super) tx: Option<Transaction>,
    /// The entity to select afterwards (the one a tag created or relabelled).
    pub(super) select: Option<EntityId>,
    /// Entities the transaction creates.
    pub(super) created: Vec<EntityId>,
    pub(super) notice: Option<Notice>,
}

impl Planned {
    pub(super) fn plain(tx: Option<Transaction>) -> Self {
        Self { tx, select: None, created: Vec::new(), notice: None }
    }

    pub(super) fn tagged(ann: &crate::model::Annotations, t: Option<(Transaction, EntityId)>) -> Self {
        let Some((tx, id)) = t else { return Self::plain(None) };
        let created = if ann.entities().get(id).is_none() { vec![id] } else { Vec::new() };
        Self { tx: Some(tx), select: Some(id), created, notice: None }
    }
}

impl Article {
    /// Carries out one command. On error nothing changed (annotations, history, selection).
    pub fn apply(&mut self, cmd: EditCommand) -> Result<Outcome, EditorError> {
        let (step, before) = (super::replay::step_of(&cmd), self.history.state());
        let mut outcome = match cmd {
            EditCommand::Select { anchor, caret } => {
                self.selection = Some(Selection { anchor, caret });
                self.selected = None;
                Outcome::unchanged()
            }
            EditCommand::SelectEntity(id) => {
                self.selected = Some(id);
                self.selection = None;
                self.suggestion = None;
                Outcome::unchanged()
            }
            EditCommand::ClearSelection => {
                self.selection = None;
                self.selected = None;
                self.suggestion = None;
                Outcome::unchanged()
            }
            EditCommand::SelectSuggestion(key) => {
                self.select_suggestion(Some(key));
                Outcome::unchanged()
            }
            EditCommand::StepSuggestion(forward) => {
                self.step_suggestion(forward);
                Outcome::unchanged()
            }
            EditCommand::Undo => Outcome::changed(self.history.undo(&mut self.ann, &self.doc)?),
            EditCommand::Redo => Outcome::changed(self.history.redo(&mut self.ann, &self.doc)?),
            edit => self.transact(edit)?,
        };
        self.drop_stale_selection();
        self.journal_step(step, before, &mut outcome);
        Ok(outcome)
    }

    /// Builds the command's transaction, applies it as one undo step, and selects the entity
    /// it tagged.
    fn transact(&mut self, cmd: EditCommand) -> Result<Outcome, EditorError> {
        let follow = self.suggestion_to_follow(&cmd);
        let planned = self.plan(cmd)?;
        let Some(tx) = planned.tx else {
            return Ok(Outcome { notice: planned.notice, ..Outcome::unchanged() });
        };
        self.history.apply(&mut self.ann, &self.doc, tx)?;
        if let Some(id) = planned.select {
            self.selection = None;
            self.selected = Some(id);
        }
        if let Some(at) = follow {
            self.follow_suggestion(at);
        }
        Ok(Outcome { changed: true, created: planned.created, notice: planned.notice })
    }

    /// The transaction a command stands for (`None`: nothing to do).
    fn plan(&self, cmd: EditCommand) -> Result<Planned, EditorError> {
        let (ann, doc) = (&self.ann, &self.doc);
        Ok(match cmd {
            EditCommand::Tag(label) => {
                let range = self.selection.map(|s| s.range()).filter(|r| !r.is_empty());
                match (range, self.selected) {
                    (Some(range), _) => Planned::tagged(ann, ops::tag(ann, range, label)),
                    (None, Some(id)) => Planned::plain(ops::relabel(ann, id, label)),
                    (None, None) => return Err(EditorError::NothingSelected),
                }
            }
            EditCommand::TagRange(range, label) => Planned::tagged(ann, ops::tag(ann, range, label)),
            EditCommand::TagAll(ranges, label) => {
                let (tx, created, report) = ops::tag_all(ann, &ranges, label);
                let name = ann.labels().get(label).map_or("?", |l| l.name.as_str());
                let mut args = report.args();
                args.push(("label", name.to_string()));
                let notice = Some(Notice::info(format!("{name}: {report}")).keyed("notice-tag-all", &args));
                Planned { tx, select: None, created, notice }
            }
            EditCommand::Delete(id) => Planned::plain(ops::delete(ann, id)),
            EditCommand::Relabel(id, label) => Planned::plain(ops::relabel(ann, id, label)),
            EditCommand::AdjustEdge(id, edge, delta) => {
                Planned::plain(ops::adjust(ann, doc, id, edge, delta))
            }
            EditCommand::SetRange(id, range) => Planned::plain(ops::set_range(ann, id, range)),
            EditCommand::SetLabels(new) => Planned::plain(ops::set_labels(ann, new)),
            EditCommand::Batch(cmds) => self.plan_batch(cmds)?,
            EditCommand::Suggest(..)
            | EditCommand::SuggestLayer(_)
            | EditCommand::Accept(..)
            | EditCommand::Reject(_)
            | EditCommand::AcceptAll(_)
            | EditCommand::RejectAll(_) => self.plan_layer(cmd),
            EditCommand::Select { .. }
            | EditCommand::SelectEntity(_)
            | EditCommand::SelectSuggestion(_)
            | EditCommand::StepSuggestion(_)
            | EditCommand::ClearSelection
            | EditCommand::Undo
            | EditCommand::Redo => Planned::plain(None),
        })
    }

    /// Takes a transaction that was applied to this document's annotation file elsewhere (a
    /// corpus-wide tag-all while another document was open) as the newest undo step, so Ctrl+Z
    /// here takes it back. The file holds it already, so the article stays clean. Refused
    /// unless its inverse applies to the annotations as they are.
    pub fn adopt_applied(&mut self, tx: Transaction) -> Result<(), EditorError> {
        let clean = !self.is_dirty();
        self.history.adopt(&self.ann, &self.doc, tx)?;
        if clean {
            self.mark_saved_state();
        }
        Ok(())
    }

    /// The newest transaction that can be undone (what the last change did).
    pub fn last_transaction(&self) -> Option<&Transaction> {
        self.history.last()
    }

    /// A selected entity that no longer exists (deleted, undone) is deselected.
    fn drop_stale_selection(&mut self) {
        if self.selected.is_some_and(|id| self.ann.entities().get(id).is_none()) {
            self.selected = None;
        }
        if self.suggestion.is_some_and(|key| self.ann.suggestions().get(key).is_none()) {
            self.suggestion = None;
        }
    }
}
