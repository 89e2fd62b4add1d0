//! Why an editor command failed. Nothing is changed when a command fails.

use std::path::PathBuf;

use thiserror::Error;

use super::ArticleId;
use crate::formats::FormatError;
use crate::model::EditError;

/// An editor command that could not be carried out. Front ends show it once (status bar,
/// stderr); the editor never prints.
#[derive(Debug, Error)]
pub enum EditorError {
    /// The article could not be read.
    #[error("Could not open {0}")]
    Open(FormatError),
    /// The annotation file exists but could not be read, so saving over it needs consent.
    #[error(
        "{} could not be read, so it is not overwritten: use Save As…, or File > Overwrite annotation file on disk",
        .0.display()
    )]
    StoreBroken(PathBuf),
    /// The annotation file changed on disk since it was loaded or saved, so saving over it
    /// needs consent.
    #[error(
        "{} {} (another program, another Hashiya or a git pull), so it is not overwritten; your \
         work is kept in memory. Use File > Compare with… to see both, Save As…, or File > \
         Overwrite annotation file on disk",
        .0.display(), .1
    )]
    ChangedOnDisk(PathBuf, String),
    /// Writing the annotation file failed; the work is still in memory.
    #[error("Not saved — your work is kept in memory. {0}")]
    Save(FormatError),
    /// Writing the annotation file failed; the work is in memory and in the edit journal, and
    /// the next save tries again.
    #[error(
        "Not saved — your work is kept in memory and in the edit journal; the next save tries again. {0}"
    )]
    SaveJournaled(FormatError),
    /// The article was opened only to be read ([`Article::open_to_read`](super::Article::open_to_read)).
    #[error("{}: opened only to be read; nothing is written", .0.display())]
    ReadOnly(PathBuf),
    /// A journal on disk holds edits that were not folded in, so the annotation file is not
    /// written (the second field says why, for the user).
    #[error("{why}; {} is not written so that they are not lost", .0.display(), why = .1)]
    JournalNotFolded(PathBuf, String),
    /// The model refused the change (stale entity, bad range, label in use).
    #[error("Edit refused: {0}")]
    Edit(#[from] EditError),
    /// Tagging needs a text selection or a selected entity.
    #[error("Select some text first, then press a label key")]
    NothingSelected,
    /// A command that cannot be part of [`EditCommand::Batch`](super::EditCommand::Batch).
    #[error("{0} cannot be part of a batch of edits")]
    NotBatchable(String),
    /// The article is not open (any more).
    #[error("article #{} is not open", .0.0)]
    NotOpen(ArticleId),
}

impl EditorError {
    /// True for mistakes of the user's that only need a hint, not an error colour.
    pub fn is_hint(&self) -> bool {
        matches!(self, EditorError::NothingSelected)
    }
}
