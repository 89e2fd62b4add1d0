//! The one command enum shared by menus, shortcuts, buttons and the article view. Widgets emit
//! commands; the app drains and applies them once per frame, so no panel mutates state.
//! Changes to an article are [`EditCommand`]s for the editor core, wrapped in
//! [`Command::Edit`]; the other variants are about files, dialogs and the window.

use std::path::PathBuf;

use crate::editor::EditCommand;
use crate::formats::exchange::Format;
use crate::formats::store::DocStatus;

/// What a file dialog was opened for; its answer comes back as [`Command::DialogDone`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogPurpose {
    /// Pick an article to open.
    Open,
    /// Pick a folder to open as a corpus.
    OpenFolder,
    /// Choose where to save the annotation file.
    SaveAs,
    /// Choose where to export.
    Export(Format),
    /// Pick a file to import.
    Import(Format),
    /// Pick another annotator's annotation file (or article) to compare with.
    CompareFile,
    /// Pick another annotator's corpus folder to compare with.
    CompareFolder,
    /// Pick a gazetteer to pre-annotate the open document with.
    Gazetteer,
    /// Pick another corpus folder for the open corpus to learn from.
    PriorFolder,
}

/// Everything a user can ask for.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// A change to the active article (selection, tagging, undo…), for the editor core.
    Edit(EditCommand),
    /// Show a file dialog (native when available, else the built-in one).
    Dialog(DialogPurpose),
    /// A file dialog answered (with the chosen path; `None`: cancelled).
    DialogDone(DialogPurpose, Option<PathBuf>),
    /// Open an article (and its annotation file if present).
    Open(PathBuf),
    /// Open a folder as a corpus (and its first document that still needs work).
    OpenFolder(PathBuf),
    /// Open document `i` of the corpus listing.
    OpenDoc(usize),
    /// Open the next (`true`, Ctrl+PgDn) or previous (Ctrl+PgUp) document of the corpus.
    StepDoc(bool),
    /// Mark the open document done and open the next one that still needs work (Ctrl+Enter).
    DoneAndNext,
    /// Set the open document's status.
    SetStatus(DocStatus),
    /// Offer the documents to do in this order (documents panel, Ctrl+Enter; saved in the
    /// corpus file).
    SetDocOrder(crate::corpus::DocOrder),
    /// Show or hide the corpus overview charts.
    ToggleOverview,
    /// Show or hide Help > About.
    ToggleAbout,
    /// Save the annotation file.
    Save,
    /// Save even though the existing annotation file could not be read (user confirmed).
    OverwriteBrokenStore,
    /// Larger text.
    ZoomIn,
    /// Smaller text.
    ZoomOut,
    /// Default text size.
    ZoomReset,
    /// Switch between light and dark.
    ToggleTheme,
    /// Read the article in this face.
    SetReadingFont(crate::text::ReadingFont),
    /// Space the article's lines at this multiple of the font size.
    SetLineHeight(f32),
    /// Show or hide tashkeel in the article (the text is unchanged).
    ToggleTashkeel,
    /// Use this language for the window (`None`: the system's).
    SetLanguage(Option<crate::app::i18n::Lang>),
    /// Turn autosave on or off.
    ToggleAutosave,
    /// Export includes the suggestions (as entities) or not.
    ToggleExportSuggestions,
    /// Use the built-in file picker even where native dialogs work (or stop using it).
    ToggleBuiltinDialogs,
    /// Set the annotator name written into saved files (empty: the default).
    SetAnnotator(String),
    /// Scroll the article so the entity is visible and flash it.
    Reveal(crate::model::EntityId),
    /// Scroll the article so this document byte is visible (no flash).
    ScrollTo(usize),
    /// Quit (asks first if there are unsaved changes and autosave is off).
    Quit,
    /// Show the find bar and focus its field (Ctrl+F; `true`: across the corpus, Ctrl+Shift+F).
    FindOpen(bool),
    /// Hide the find bar.
    FindClose,
    /// Go to the next (`true`) or previous find match and scroll to it.
    FindStep(bool),
    /// Accept the offer made after tagging: tag the other occurrences of the name too.
    TagOffered,
    /// Tag every find match with this label in the open document and in every other document
    /// of the corpus.
    TagAllInCorpus(crate::model::LabelId),
    /// Compare the open document with another annotator's annotation file or corpus folder.
    CompareWith(PathBuf),
    /// Close the comparison.
    CompareClose,
    /// Keep my version of these differences of the comparison (nothing is edited).
    KeepMine(Vec<crate::agree::diff::Diff>),
    /// Pre-annotate the open document with the forms tagged in the corpus (in the background).
    SuggestFromCorpus,
    /// Open the dialog asking for the command of the user's own model.
    OpenModelDialog,
    /// Pre-annotate the open document with the user's own model, this command (in the
    /// background; kept in the settings).
    SuggestFromModel(String),
    /// Set the confidence below which the learned model's suggestions are not shown (0–1).
    SetLearnThreshold(f32),
    /// Change how the open corpus's suggestions are made (its corpus file: the starter's
    /// mapping, the starter on or off, the clitic convention, the corpora learned from); the
    /// suggestions are retrained.
    Learn(crate::learn::edit::LearnEdit),
}

impl From<EditCommand> for Command {
    fn from(cmd: EditCommand) -> Self {
        Command::Edit(cmd)
    }
}
