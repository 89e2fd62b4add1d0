//! Opening an article only to read it, as the window would open it: the annotation file plus
//! the edit journal that matches it, replayed in memory. Nothing is written: no journal is
//! set aside, cut, locked or removed, and saving is refused. Every command that reads
//! annotations (`stats`, `validate`, `export`, `agree`, `train`, the corpus scans) opens
//! documents this way, so after a crash they see what the window will restore.
//!
//! Commands that write open articles as the window does ([`Article::open`]) and, before
//! saving, call [`Article::check_journal_folded`]: a journal a running Hashiya holds is never
//! written over. [`Article::fold_journal`] is `hashiya recover`: the journal saved into the
//! annotation file.

use std::path::Path;

use super::journal::Todo;
use super::replay::Found;
use super::{Article, EditorError, Notice};
use crate::formats::FormatError;
use crate::formats::journal::journal_path;
use crate::formats::reanchor::ReanchorReport;
use crate::formats::store::annotation_path;

/// What opening an article found in its edit journal.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum JournalRead {
    /// There is no journal: the annotation file holds everything.
    #[default]
    None,
    /// Records (edits, undos, redos, status changes) made after the last save, replayed (0: the
    /// journal held nothing unsaved).
    Replayed(usize),
    /// Replayed up to a damaged record; the records after it are not applied.
    Damaged {
        /// Records applied before the damage.
        replayed: usize,
        /// The damaged record's number, counting the header as 0.
        record: usize,
        /// What is wrong with it.
        why: String,
    },
    /// Not applied: it was made on another version of the article or of the annotation file,
    /// or cannot be read.
    NotApplied(String),
    /// Not applied: a running Hashiya has the article open and is writing the journal.
    InUse,
    /// Not applied while the annotation file cannot be read.
    Held,
}

impl JournalRead {
    /// The line a command prints about it, once per document: `a.txt: 75 edits from the
    /// journal, not yet saved`. `None` when there is nothing to say.
    pub fn message(&self, article: &Path) -> Option<String> {
        let name = article.display();
        Some(match self {
            JournalRead::None | JournalRead::Replayed(0) => return None,
            JournalRead::Replayed(n) => format!("{name}: {} from the journal, not yet saved", edits(*n)),
            JournalRead::Damaged { replayed, record, why } => format!(
                "{name}: {} from the journal, not yet saved; the journal is damaged at record {record} \
                 ({why}) and the records after it are not applied",
                edits(*replayed)
            ),
            JournalRead::NotApplied(why) => {
                format!(
                    "{name}: its edit journal is not applied: {why} (opening it in Hashiya sets it aside)"
                )
            }
            JournalRead::InUse => format!(
                "{name}: its edit journal is in use by a running Hashiya; the edits not yet saved there \
                 are not included"
            ),
            JournalRead::Held => {
                format!("{name}: its edit journal is not applied while the annotation file cannot be read")
            }
        })
    }

    /// True when the journal holds edits that were not applied because something is wrong
    /// with it (it does not match, or is damaged); a running Hashiya's journal is not wrong.
    pub fn is_problem(&self) -> bool {
        matches!(self, JournalRead::Damaged { .. } | JournalRead::NotApplied(_))
    }

    /// Edits from the journal now in the article (not yet in its annotation file).
    pub fn replayed(&self) -> usize {
        match self {
            JournalRead::Replayed(n) | JournalRead::Damaged { replayed: n, .. } => *n,
            _ => 0,
        }
    }
}

/// `1 edit`, `75 edits`.
pub(super) fn edits(n: usize) -> String {
    if n == 1 { "1 edit".into() } else { format!("{n} edits") }
}

/// An article opened only to be read ([`Article::open_to_read`]).
pub struct Reading {
    /// The article as the window would show it; saving it is refused.
    pub article: Article,
    /// What its edit journal added, or why it was not applied.
    pub journal: JournalRead,
    /// Why the annotation file could not be read (the article then has no annotations).
    pub store_error: Option<FormatError>,
    /// How entities were re-anchored, when the article changed since they were saved.
    pub reanchor: Option<ReanchorReport>,
    /// Other things worth saying (a legacy encoding).
    pub notices: Vec<Notice>,
}

impl Reading {
    /// True when the article has an annotation file or unsaved edits from its journal: it has
    /// been annotated, even if nothing was saved yet.
    pub fn is_annotated(&self) -> bool {
        self.article.store_path.exists() || self.journal.replayed() > 0
    }
}

/// True when the article at `path` has an edit journal beside its annotation file (edits a
/// crash left unsaved, or a running Hashiya's).
pub fn has_journal(path: &Path) -> bool {
    journal_path(&annotation_path(path)).exists()
}

/// Sets the edit journal of the article at `path` aside, as `<journal>.<why>-<unix seconds>`,
/// once its edits are kept elsewhere (merged by `hashiya merge --path`): the next open then
/// finds none to replay over a file that already holds them. `None` when it has no journal;
/// refused while a running Hashiya holds it.
pub fn set_journal_aside(path: &Path, why: &str) -> std::io::Result<Option<std::path::PathBuf>> {
    let journal = journal_path(&annotation_path(path));
    if !journal.exists() {
        return Ok(None);
    }
    if super::journal::in_use_elsewhere(&journal) {
        return Err(std::io::Error::other("a running Hashiya is writing it"));
    }
    super::journal::set_aside(&journal, why).map(Some)
}

/// [`Article::open_to_read`] for readers that report [`FormatError`]s (`path:line:column`):
/// fails when the article or its annotation file cannot be read. A document with neither an
/// annotation file nor unsaved edits has no annotations ([`Reading::is_annotated`] is false).
pub fn read_document(path: &Path) -> Result<Reading, FormatError> {
    let mut reading = Article::open_to_read(path).map_err(|err| match err {
        EditorError::Open(err) => err,
        other => FormatError::file(path, other.to_string()),
    })?;
    match reading.store_error.take() {
        Some(err) => Err(err),
        None => Ok(reading),
    }
}

impl Article {
    /// Opens an article as the window would, only to read it: the annotation file plus a
    /// journal that matches it, replayed in memory. Nothing is ever written (a journal that
    /// does not match is reported, not set aside), and saving the article is refused.
    pub fn open_to_read(path: &Path) -> Result<Reading, EditorError> {
        let (mut article, loaded, notices) = Self::load(path)?;
        article.journal.todo = Todo::Reader;
        article.journal.paused = true;
        article.from_journal = match article.read_journal() {
            Found::Absent => JournalRead::None,
            Found::InUse => JournalRead::InUse,
            Found::Held => JournalRead::Held,
            Found::Refused { why, .. } => JournalRead::NotApplied(why),
            Found::Replayed(r) => match r.damage {
                None => JournalRead::Replayed(r.replayed),
                Some((record, why)) => JournalRead::Damaged { replayed: r.replayed, record, why },
            },
        };
        let journal = article.from_journal.clone();
        Ok(Reading { article, journal, store_error: loaded.error, reanchor: loaded.reanchor, notices })
    }

    /// True when the article was opened only to be read ([`Article::open_to_read`]).
    pub fn is_read_only(&self) -> bool {
        self.journal.todo == Todo::Reader
    }

    /// What opening the article found in its edit journal.
    pub fn journal_read(&self) -> &JournalRead {
        &self.from_journal
    }

    /// Folds what opening replayed from the journal into the annotation file: an atomic save,
    /// as the window's, which then removes the journal; a journal that held nothing unsaved is
    /// removed. Returns the save's notice (`None`: there was nothing to fold). A journal that is
    /// not this article's to fold (in use, held) is left alone with
    /// [`EditorError::JournalNotFolded`].
    pub fn fold_journal(&mut self) -> Result<Option<Notice>, EditorError> {
        self.check_journal_folded()?;
        match self.from_journal {
            JournalRead::Replayed(_) | JournalRead::Damaged { .. } if self.is_dirty() => {
                self.save(false).map(Some)
            }
            JournalRead::Replayed(_) | JournalRead::Damaged { .. } => {
                self.discard_journal();
                Ok(None)
            }
            _ => Ok(None),
        }
    }

    /// After a save by a command: `75 edits from the journal saved with it` when opening
    /// replayed edits a crash had left unsaved.
    pub fn journal_folded_message(&self) -> Option<String> {
        match self.from_journal.replayed() {
            0 => None,
            n => Some(format!("{} from the journal saved with it", edits(n))),
        }
    }

    /// Refuses (with why) to let a command write this article's annotation file while a
    /// journal on disk holds edits the article has not folded in: one a running Hashiya is
    /// writing, or one held back because the annotation file cannot be read. Commands that
    /// write annotation files (`mark`, `suggest`, `merge`, corpus-wide label changes) call it
    /// before saving.
    pub fn check_journal_folded(&self) -> Result<(), EditorError> {
        match self.from_journal {
            JournalRead::InUse | JournalRead::Held => Err(EditorError::JournalNotFolded(
                self.store_path.clone(),
                self.from_journal.message(&self.path).unwrap_or_default(),
            )),
            _ => Ok(()),
        }
    }
}
