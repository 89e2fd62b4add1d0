//! The editor core: open articles, their selection, and every change to their annotations,
//! without egui. The window (`app/`), the command line (`cli/`) and the tests drive it the
//! same way:
//!
//! 1. a front end turns a gesture or a key into an [`EditCommand`];
//! 2. [`Workspace::apply`] (or [`Article::apply`]) turns the command into one
//!    [`Transaction`](crate::model::Transaction) with the builders of [`crate::model::ops`];
//! 3. the transaction goes through the article's [`History`](crate::model::History) (one undo
//!    step), the selection is cleaned up in one place, and an [`Outcome`] says what changed;
//! 4. saving writes the article's annotation file atomically ([`crate::formats::store`]).
//!
//! Between saves every applied transaction is also appended to the article's edit journal
//! (`journal.rs`, format in [`crate::formats::journal`]), replayed on open after a crash
//! (`replay.rs`) and folded into the annotation file at each save. Commands without a window
//! read articles with [`Article::open_to_read`] (the journal replayed in memory, nothing
//! written) and fold journals with [`Article::fold_journal`] (`read.rs`).
//!
//! Errors are one [`EditorError`] enum; front ends map them to what they show (the window's
//! status bar, the command line's stderr) once.

mod apply;
mod article;
mod batch;
mod command;
mod disk;
#[doc(hidden)]
pub mod drive;
mod error;
mod journal;
mod notice;
mod read;
mod replay;
mod suggest;
mod workspace;

pub use article::{Article, Selection, StoreStatus};
pub use command::{EditCommand, Outcome};
pub use disk::DiskChange;
pub use error::EditorError;
pub use journal::{SYNC_BATCH, journal_flushes};
pub use notice::{Level, Notice};
pub use read::{JournalRead, Reading, has_journal, read_document, set_journal_aside};
pub use workspace::{ArticleId, Opened, Workspace};

#[cfg(test)]
mod journal_tests;
#[cfg(test)]
mod read_tests;
#[cfg(test)]
mod tests;
