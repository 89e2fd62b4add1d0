//! One open article and its annotations: the state the window shows, and how model commands
//! change it. No egui here, so every flow (tag, relabel, delete, adjust, undo, save) is tested
//! without a window.

use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::formats::FormatError;
use crate::formats::decode::{self, Encoding};
use crate::formats::store::{self, SaveInfo};
use crate::model::{Annotations, Document, Edit, Entity, EntityId, History, LabelId, LabelSet, Transaction};

use super::command::Edge;

/// How serious a notice is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Information.
    Info,
    /// Something the user should look at.
    Warning,
    /// Something failed.
    Error,
}

/// A message for the status bar or the notice area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Severity.
    pub level: Level,
    /// Text shown to the user.
    pub text: String,
}

impl Notice {
    /// An informational notice.
    pub fn info(text: impl Into<String>) -> Self {
        Self { level: Level::Info, text: text.into() }
    }
    /// A warning.
    pub fn warn(text: impl Into<String>) -> Self {
        Self { level: Level::Warning, text: text.into() }
    }
    /// An error.
    pub fn error(text: impl Into<String>) -> Self {
        Self { level: Level::Error, text: text.into() }
    }
}

/// The state of the article's annotation file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreStatus {
    /// Loaded from disk, or there was none yet.
    Ok,
    /// The file exists but could not be read: never written over until the user chooses.
    Broken(String),
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

/// One open article with its annotations, history and selection.
pub struct Session {
    /// The article file.
    pub path: PathBuf,
    /// Where annotations are saved.
    pub store_path: PathBuf,
    /// The decoded text.
    pub doc: Document,
    /// Its annotations.
    pub ann: Annotations,
    /// How the article file was encoded.
    pub encoding: Encoding,
    /// Current text selection.
    pub selection: Option<Selection>,
    /// Currently selected entity.
    pub selected: Option<EntityId>,
    /// State of the annotation file.
    pub store: StoreStatus,
    history: History,
    info: SaveInfo,
    saved_revision: u64,
}

impl Session {
    /// Opens an article and its annotation file (if any). Problems with the annotation file
    /// are returned as notices, never lose the article, and block overwriting the file.
    pub fn open(path: &Path) -> Result<(Self, Vec<Notice>), FormatError> {
        let decoded = decode::read_article(path)?;
        let doc = Document::new(decoded.text);
        let store_path = store::annotation_path(path);
        let mut notices = Vec::new();
        if decoded.encoding.is_legacy() {
            notices.push(Notice::warn(format!("{}: decoded as {}", path.display(), decoded.encoding)));
        }
        let mut session = Self {
            path: path.to_path_buf(),
            store_path: store_path.clone(),
            ann: Annotations::new(LabelSet::default()),
            doc,
            encoding: decoded.encoding,
            selection: None,
            selected: None,
            store: StoreStatus::Ok,
            history: History::default(),
            info: SaveInfo::new(path),
            saved_revision: 0,
        };
        let mut reanchored = false;
        if store_path.exists() {
            match store::load(&store_path, &session.doc) {
                Ok(loaded) => {
                    if let Some(report) = &loaded.reanchor {
                        notices.push(Notice::warn(report.to_string()));
                    }
                    reanchored = loaded.reanchor.is_some();
                    session.ann = loaded.annotations;
                    session.info = loaded.info;
                }
                Err(err) => {
                    let text = format!("{err}. The file is left untouched; Save As… or choose to overwrite.");
                    notices.push(Notice::error(text.clone()));
                    session.store = StoreStatus::Broken(text);
                }
            }
        }
        // Re-anchored entities differ from the file: unsaved until written (the old file is kept
        // as the .bak by the atomic save).
        session.saved_revision = if reanchored { u64::MAX } else { session.ann.revision() };
        Ok((session, notices))
    }

    /// True if there are changes not yet saved.
    pub fn is_dirty(&self) -> bool {
        self.ann.revision() != self.saved_revision
    }

    /// True if undo has something to undo.
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// True if redo has something to redo.
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// Saves to the annotation file (refused while it is broken, unless `force`).
    pub fn save(&mut self, force: bool) -> Result<Notice, Notice> {
        if matches!(self.store, StoreStatus::Broken(_)) && !force {
            return Err(Notice::error(format!(
                "{} could not be read, so it is not overwritten: use Save As…, or File > Overwrite broken annotation file",
                self.store_path.display()
            )));
        }
        self.save_to(&self.store_path.clone())
    }

    /// Saves to another path, which becomes the annotation file.
    pub fn save_to(&mut self, path: &Path) -> Result<Notice, Notice> {
        match store::save(path, &self.doc, &self.ann, &self.info) {
            Ok(()) => {
                self.store_path = path.to_path_buf();
                self.store = StoreStatus::Ok;
                self.saved_revision = self.ann.revision();
                Ok(Notice::info(format!("Saved {}", path.display())))
            }
            Err(err) => Err(Notice::error(format!("Not saved — your work is kept in memory. {err}"))),
        }
    }

    /// Applies a transaction through the history (one undo step).
    pub fn edit(&mut self, tx: Transaction) -> Result<(), Notice> {
        self.history
            .apply(&mut self.ann, &self.doc, tx)
            .map_err(|e| Notice::error(format!("Edit refused: {e}")))
    }

    /// Tags the selection with `label`, or relabels the selected entity. Returns whether
    /// something changed.
    pub fn tag(&mut self, label: LabelId) -> Result<bool, Notice> {
        let range = self.selection.map(|s| s.range()).filter(|r| !r.is_empty());
        let tx = match (range, self.selected.and_then(|id| self.ann.entities().get(id).copied())) {
            (Some(range), _) => self.ann.tag(range, label),
            (None, Some(e)) => self.relabel_tx(e.id, label),
            (None, None) => return Err(Notice::info("Select some text first, then press a label key")),
        };
        let Some(tx) = tx else { return Ok(false) };
        let id = match tx.edits().first() {
            Some(Edit::Add(e)) | Some(Edit::Replace { new: e, .. }) => Some(e.id),
            _ => None,
        };
        self.edit(tx)?;
        self.selection = None;
        self.selected = id;
        Ok(true)
    }

    /// The transaction that relabels entity `id`.
    pub fn relabel_tx(&self, id: EntityId, label: LabelId) -> Option<Transaction> {
        let old = *self.ann.entities().get(id)?;
        (old.label != label).then(|| Transaction::single(Edit::Replace { old, new: Entity { label, ..old } }))
    }

    /// The transaction that deletes entity `id`.
    pub fn delete_tx(&self, id: EntityId) -> Option<Transaction> {
        self.ann.entities().get(id).map(|e| Transaction::single(Edit::Remove(*e)))
    }

    /// The transaction that sets entity `id`'s byte range.
    pub fn set_range_tx(&self, id: EntityId, range: Range<usize>) -> Option<Transaction> {
        let old = *self.ann.entities().get(id)?;
        let new = Entity { start: range.start, end: range.end, ..old };
        (new != old && !range.is_empty()).then(|| Transaction::single(Edit::Replace { old, new }))
    }

    /// The transaction that moves one edge of entity `id` by `delta` code points.
    pub fn adjust_tx(&self, id: EntityId, edge: Edge, delta: i32) -> Option<Transaction> {
        let e = self.ann.entities().get(id)?;
        let shift = |byte: usize| -> Option<usize> {
            let c = self.doc.byte_to_char(byte)? as i64 + delta as i64;
            self.doc.char_to_byte(usize::try_from(c).ok()?)
        };
        let range = match edge {
            Edge::Start => shift(e.start)?..e.end,
            Edge::End => e.start..shift(e.end)?,
        };
        self.set_range_tx(id, range)
    }

    /// Undoes the last change.
    pub fn undo(&mut self) -> Result<bool, Notice> {
        let done = self.history.undo(&mut self.ann, &self.doc).map_err(|e| Notice::error(e.to_string()))?;
        self.drop_stale_selection();
        Ok(done)
    }

    /// Redoes the last undone change.
    pub fn redo(&mut self) -> Result<bool, Notice> {
        let done = self.history.redo(&mut self.ann, &self.doc).map_err(|e| Notice::error(e.to_string()))?;
        self.drop_stale_selection();
        Ok(done)
    }

    fn drop_stale_selection(&mut self) {
        if self.selected.is_some_and(|id| self.ann.entities().get(id).is_none()) {
            self.selected = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LabelId;

    #[test]
    fn reanchored_annotations_are_unsaved_until_written() {
        let dir = tempfile::tempdir().expect("tempdir");
        let article = dir.path().join("a.txt");
        std::fs::write(&article, "التقى الوزير في باكو.\n").expect("write");
        let (mut session, _) = Session::open(&article).expect("opens");
        let start = session.doc.text().find("باكو").expect("word");
        session.selection = Some(Selection { anchor: start, caret: start + "باكو".len() });
        session.tag(LabelId(3)).expect("tags");
        session.save(false).expect("saves");
        std::fs::write(&article, "صباح اليوم التقى الوزير في باكو.\n").expect("edit the article");
        let (mut session, notices) = Session::open(&article).expect("reopens");
        assert!(notices.iter().any(|n| n.level == Level::Warning), "the report is shown: {notices:?}");
        assert!(session.is_dirty());
        let e = session.ann.entities().iter().next().copied().expect("kept");
        assert_eq!(session.doc.slice(e.range()), Some("باكو"));
        session.save(false).expect("saves");
        let (session, notices) = Session::open(&article).expect("reopens again");
        assert!(!session.is_dirty() && notices.iter().all(|n| n.level == Level::Info));
    }
}
