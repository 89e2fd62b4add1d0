//! One open article: its text, annotations, history, selection and save state.

use std::ops::Range;
use std::path::{Path, PathBuf};

use super::journal::Journal;
use super::{EditorError, JournalRead, Notice};
use crate::formats::FormatError;
use crate::formats::decode::{self, Encoding};
use crate::formats::reanchor::ReanchorReport;
use crate::formats::store::{self, DocStatus, SaveInfo};
use crate::model::{Annotations, Document, EntityId, History, LabelSet, SuggestionKey};

/// The state of the article's annotation file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreStatus {
    /// Loaded from disk, or there was none yet.
    Ok,
    /// The file exists but could not be read: never written over until the user chooses.
    Broken(String),
    /// The file changed on disk after it was last loaded or saved (another program, another
    /// Hashiya, a `git pull`): never written over until the user chooses.
    ChangedOnDisk(String),
}

/// What reading the annotation file found besides the annotations.
#[derive(Debug, Default)]
pub(super) struct Loaded {
    /// The article changed since the file was saved: how its entities were re-anchored.
    pub(super) reanchor: Option<ReanchorReport>,
    /// The file could not be read (the article then has no annotations, and
    /// [`StoreStatus::Broken`]).
    pub(super) error: Option<FormatError>,
}

/// A text selection: `anchor` where it started, `caret` where it ends (document bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    /// Start of the gesture.
    pub anchor: usize,
    /// Moving end.
    pub caret: usize,
}

impl Selection {
    /// The selected byte range in logical order.
    pub fn range(&self) -> Range<usize> {
        self.anchor.min(self.caret)..self.anchor.max(self.caret)
    }
}

/// One open article with its annotations, history and selection. Fields a front end only
/// reads are public; annotations change only through [`Article::apply`](Article::apply).
pub struct Article {
    /// The article file.
    pub path: PathBuf,
    /// Where annotations are saved.
    pub store_path: PathBuf,
    /// The decoded text.
    pub doc: Document,
    /// How the article file was encoded.
    pub encoding: Encoding,
    /// Current text selection.
    pub selection: Option<Selection>,
    /// Currently selected entity.
    pub selected: Option<EntityId>,
    /// The current suggestion (what Enter accepts and Backspace rejects).
    pub suggestion: Option<SuggestionKey>,
    /// State of the annotation file.
    pub store: StoreStatus,
    pub(super) ann: Annotations,
    pub(super) history: History,
    info: SaveInfo,
    /// The status asked for (shown as [`Article::status`]: a new document with entities is in
    /// progress).
    status: DocStatus,
    /// The status as last written to or read from the annotation file.
    saved_status: DocStatus,
    /// Changes of the status, so that [`Article::revision`] moves with them.
    status_changes: u64,
    /// The annotator name written into the file on save.
    annotator: String,
    /// The history state last written to the annotation file (`None`: the file differs from
    /// every state, e.g. after re-anchoring).
    saved_state: Option<u64>,
    /// Edits since the last save, on disk beside the annotation file.
    pub(super) journal: Journal,
    /// What opening found in the journal.
    pub(super) from_journal: JournalRead,
    /// Size and time of the annotation file as last loaded or saved (`None`: no file).
    pub(super) disk_stamp: Option<super::disk::Stamp>,
}

impl Article {
    /// Opens an article and its annotation file (if any) to edit it, replaying its edit
    /// journal. Problems with the annotation file are returned as notices, never lose the
    /// article, and block overwriting the file.
    pub fn open(path: &Path) -> Result<(Self, Vec<Notice>), EditorError> {
        let (mut article, loaded, mut notices) = Self::load(path)?;
        if let Some(report) = &loaded.reanchor {
            notices.push(Notice::warn(report.to_string()).keyed("notice-reanchored", &report.args()));
        }
        if let StoreStatus::Broken(text) = &article.store {
            notices.push(Notice::error(text.clone()));
        }
        article.recover_journal(&mut notices);
        Ok((article, notices))
    }

    /// Reads the article and its annotation file, without the journal; notices only about the
    /// article's encoding.
    pub(super) fn load(path: &Path) -> Result<(Self, Loaded, Vec<Notice>), EditorError> {
        let decoded = decode::read_article(path).map_err(EditorError::Open)?;
        let mut notices = Vec::new();
        if decoded.encoding.is_legacy() {
            let (file, encoding) = (path.display().to_string(), decoded.encoding.to_string());
            let notice = Notice::warn(format!("{file}: decoded as {encoding}"));
            notices.push(notice.keyed("notice-decoded-as", &[("path", file), ("encoding", encoding)]));
        }
        let mut article = Self {
            path: path.to_path_buf(),
            store_path: store::annotation_path(path),
            doc: Document::new(decoded.text),
            encoding: decoded.encoding,
            selection: None,
            selected: None,
            suggestion: None,
            store: StoreStatus::Ok,
            ann: Annotations::new(LabelSet::default()),
            history: History::default(),
            info: SaveInfo::new(path),
            status: DocStatus::New,
            saved_status: DocStatus::New,
            status_changes: 0,
            annotator: store::annotator_from_env(),
            saved_state: Some(0),
            journal: Journal::new(&store::annotation_path(path)),
            from_journal: JournalRead::None,
            disk_stamp: None,
        };
        let loaded = article.load_store();
        article.status = article.info.status;
        article.saved_status = article.status();
        // Re-anchored entities differ from the file: unsaved until written (the old file is kept
        // as the .bak by the atomic save).
        article.saved_state = loaded.reanchor.is_none().then_some(0);
        Ok((article, loaded, notices))
    }

    /// Reads the annotation file if there is one.
    fn load_store(&mut self) -> Loaded {
        if !self.store_path.exists() {
            return Loaded::default();
        }
        self.disk_stamp = super::disk::stamp(&self.store_path);
        let loaded = store::read_text(&self.store_path).and_then(|text| {
            self.journal.base = Some(crate::formats::journal::sha256(text.as_bytes()));
            store::from_ron_str(&self.store_path, &text, &self.doc)
        });
        match loaded {
            Ok(loaded) => {
                self.ann = loaded.annotations;
                self.info = loaded.info;
                Loaded { reanchor: loaded.reanchor, error: None }
            }
            Err(err) => {
                let text = format!("{err}. The file is left untouched; Save As… or choose to overwrite.");
                self.store = StoreStatus::Broken(text);
                Loaded { reanchor: None, error: Some(err) }
            }
        }
    }

    /// The annotations (change them with [`Article::apply`]).
    pub fn ann(&self) -> &Annotations {
        &self.ann
    }

    /// The file name for titles and lists.
    pub fn name(&self) -> String {
        self.path.file_name().map_or_else(|| self.path.display().to_string(), |n| n.to_string_lossy().into())
    }

    /// True if there are changes not yet saved (undoing back to the saved state is clean); a
    /// changed status counts.
    pub fn is_dirty(&self) -> bool {
        self.saved_state != Some(self.history.state()) || self.status() != self.saved_status
    }

    /// A number that changes whenever the annotations or the status change (for autosave and
    /// caches; [`Annotations::revision`] alone misses status changes).
    pub fn revision(&self) -> u64 {
        self.ann.revision().wrapping_add(self.status_changes)
    }

    /// The document's status as shown and saved: the one set (or read from the file), except
    /// that a new document with entities is in progress.
    pub fn status(&self) -> DocStatus {
        self.status.with_entities(self.ann.entities().len())
    }

    /// Sets the document's status (the article becomes dirty unless it is the saved one; saved
    /// atomically with the annotations). Returns the status now shown: setting
    /// [`DocStatus::New`] on a document that has entities shows in progress.
    pub fn set_status(&mut self, status: DocStatus) -> DocStatus {
        if status != self.status {
            self.status = status;
            self.status_changes += 1;
            self.journal_status(status);
        }
        self.status()
    }

    /// The annotator name written into the annotation file on the next save.
    pub fn annotator(&self) -> &str {
        &self.annotator
    }

    /// Sets who is annotating (the window's setting, the corpus's default annotator); a blank
    /// name is ignored. Does not make the article dirty: the name is written with the next save.
    pub fn set_annotator(&mut self, name: &str) {
        if !name.trim().is_empty() {
            self.annotator = name.trim().to_string();
        }
    }

    /// The annotation file's header as last read or written (annotator, times, status).
    pub fn saved_info(&self) -> &SaveInfo {
        &self.info
    }

    /// Records that the annotation file holds the current state.
    pub(super) fn mark_saved_state(&mut self) {
        self.saved_state = Some(self.history.state());
    }

    /// True if undo has something to undo.
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// True if redo has something to redo.
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// True while the annotation file must not be written over without the user's consent
    /// (saving needs `force`): it could not be read, or it changed on disk.
    pub fn store_is_broken(&self) -> bool {
        !matches!(self.store, StoreStatus::Ok)
    }

    /// Saves to the annotation file; refused, unless `force`, while it is broken or when it
    /// changed on disk since it was last loaded or saved (the article is then marked so until
    /// the file is as it was again, or is overwritten).
    pub fn save(&mut self, force: bool) -> Result<Notice, EditorError> {
        if !force {
            if !matches!(self.store, StoreStatus::Broken(_)) {
                // A file put back as it was (e.g. `git checkout` of it) needs no consent.
                self.store = self.store_changed_on_disk().map_or(StoreStatus::Ok, StoreStatus::ChangedOnDisk);
            }
            match &self.store {
                StoreStatus::Ok => {}
                StoreStatus::Broken(_) => return Err(EditorError::StoreBroken(self.store_path.clone())),
                StoreStatus::ChangedOnDisk(why) => {
                    return Err(EditorError::ChangedOnDisk(self.store_path.clone(), why.clone()));
                }
            }
        }
        self.save_to(&self.store_path.clone())
    }

    /// The annotation file a save would write now, as text; nothing is written (for commands
    /// that read annotation files as files, such as `hashiya merge`).
    pub fn annotation_text(&self) -> Result<String, EditorError> {
        self.render_store(&self.store_path).map(|(text, _)| text)
    }

    /// The text of the annotation file for `path` and the header it holds.
    fn render_store(&self, path: &Path) -> Result<(String, SaveInfo), EditorError> {
        let info = SaveInfo { annotator: self.annotator.clone(), status: self.status(), ..self.info.clone() };
        let text = store::render(path, &self.doc, &self.ann, &info).map_err(EditorError::Save)?;
        Ok((text, info))
    }

    /// Saves to another path, which becomes the annotation file.
    pub fn save_to(&mut self, path: &Path) -> Result<Notice, EditorError> {
        if self.is_read_only() {
            return Err(EditorError::ReadOnly(self.path.clone()));
        }
        let (text, info) = self.render_store(path)?;
        let journal_note = self.write_store(path, &text)?;
        self.info = info;
        self.store_path = path.to_path_buf();
        self.store = StoreStatus::Ok;
        self.saved_state = Some(self.history.state());
        self.saved_status = self.status();
        Ok(match journal_note {
            Some(note) => Notice::warn(format!("Saved {}; {note}", path.display())).keyed(
                "notice-saved-note",
                &[("path", path.display().to_string()), ("note", note.to_string())],
            ),
            None => Notice::info(format!("Saved {}", path.display()))
                .keyed("notice-saved", &[("path", path.display().to_string())]),
        })
    }
}
