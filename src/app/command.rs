//! The one command enum shared by menus, shortcuts, buttons and the article view. Widgets emit
//! commands; the app drains and applies them once per frame, so no panel mutates the model.

use std::ops::Range;
use std::path::PathBuf;

use crate::cli::Format;
use crate::model::{EntityId, LabelId, LabelSet};

/// Which end of an entity a boundary adjustment moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    /// The logical start.
    Start,
    /// The logical end.
    End,
}

/// Everything a user can ask for.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Show the Open dialog.
    OpenDialog,
    /// Open an article (and its annotation file if present).
    Open(PathBuf),
    /// Save the annotation file.
    Save,
    /// Show the Save As dialog for the annotation file.
    SaveAsDialog,
    /// Save even though the existing annotation file could not be read (user confirmed).
    OverwriteBrokenStore,
    /// Show the Export dialog for a format.
    ExportDialog(Format),
    /// Show the Import dialog for a format.
    ImportDialog(Format),
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
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Larger text.
    ZoomIn,
    /// Smaller text.
    ZoomOut,
    /// Default text size.
    ZoomReset,
    /// Switch between light and dark.
    ToggleTheme,
    /// Turn autosave on or off.
    ToggleAutosave,
    /// Scroll the article so the entity is visible and flash it.
    Reveal(EntityId),
    /// Quit (asks first if there are unsaved changes and autosave is off).
    Quit,
}
