//! Every change a user can make to one article's selection or annotations, and what a change
//! reports back.

use std::ops::Range;

use super::Notice;
use crate::model::{Edge, EntityId, LabelId, LabelSet, Suggestion, SuggestionKey, SuggestionSource};

/// A change to an article, as the window, the command line or a test asks for it.
#[derive(Debug, Clone, PartialEq)]
pub enum EditCommand {
    /// Set the text selection (document bytes; anchor, caret).
    Select {
        /// Where the selection started.
        anchor: usize,
        /// Where it ends (the caret).
        caret: usize,
    },
    /// Select an entity (and clear the text selection).
    SelectEntity(EntityId),
    /// Clear text and entity selection.
    ClearSelection,
    /// Tag the selection with a label, or relabel the selected entity.
    Tag(LabelId),
    /// Tag a byte range directly (no selection involved).
    TagRange(Range<usize>, LabelId),
    /// Tag every range (e.g. every find match) as one undo step; ranges that are already that
    /// entity or overlap another entity are left alone and counted in the outcome's notice.
    TagAll(Vec<Range<usize>>, LabelId),
    /// Delete an entity.
    Delete(EntityId),
    /// Change an entity's label.
    Relabel(EntityId, LabelId),
    /// Move one edge of an entity by `delta` code points (negative: towards the text start).
    AdjustEdge(EntityId, Edge, i32),
    /// Set an entity's byte range (boundary handle drag).
    SetRange(EntityId, Range<usize>),
    /// Replace the label set (one undo step).
    SetLabels(LabelSet),
    /// Replace one source's suggestions (pre-annotation); rejected spans, spans overlapping
    /// an entity and undefined labels are left out, and the notice says how many.
    Suggest(SuggestionSource, Vec<Suggestion>),
    /// Replace the combined layer (every source of [`SuggestionSource::COMBINED`]) with these
    /// suggestions, each keeping its own source; one undo step.
    SuggestLayer(Vec<Suggestion>),
    /// Make a suggestion the current one (and clear the other selections).
    SelectSuggestion(SuggestionKey),
    /// Make the next (`true`) or previous suggestion in reading order the current one, from
    /// the current suggestion or else the caret; wraps around.
    StepSuggestion(bool),
    /// Accept a suggestion as an entity, with its own label or the one given; the next
    /// suggestion becomes the current one.
    Accept(SuggestionKey, Option<LabelId>),
    /// Reject a suggestion (remembered, so it is not proposed again); the next suggestion
    /// becomes the current one.
    Reject(SuggestionKey),
    /// Accept every suggestion of a label (one undo step).
    AcceptAll(LabelId),
    /// Reject every suggestion of a label (one undo step).
    RejectAll(LabelId),
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Several annotation changes as one undo step (adopting another annotator's version of a
    /// span or of a whole label): each is planned on the result of the ones before, changes
    /// that do nothing are skipped, and if one fails nothing changes. Only `TagRange`,
    /// `Relabel`, `SetRange`, `Delete` and `SetLabels` can be batched.
    Batch(Vec<EditCommand>),
}

/// What a command changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// True when the annotations changed (a transaction was applied, undone or redone).
    pub changed: bool,
    /// Entities the command created.
    pub created: Vec<EntityId>,
    /// What the user should be told (e.g. "tagged 17, 3 already tagged").
    pub notice: Option<Notice>,
}

impl Outcome {
    /// Nothing changed in the annotations (selection changes only, or nothing to do).
    pub fn unchanged() -> Self {
        Self::default()
    }

    /// The annotations changed (or not), creating nothing.
    pub fn changed(changed: bool) -> Self {
        Self { changed, ..Self::default() }
    }
}
