//! Noticing that the annotation file changed on disk behind the editor's back (another
//! program, another Hashiya, a `git pull`): a save refuses to write over such a file without
//! consent, and a front end that checks now and then ([`Article::check_disk`]) reloads an
//! article with nothing unsaved, or marks one with unsaved edits at once.

use std::path::Path;
use std::time::SystemTime;

use super::article::StoreStatus;
use super::{Article, EditorError, Notice};
use crate::formats::journal::sha256;
use crate::formats::store::MAX_ANNOTATION_BYTES;

/// Size and modification time of a file: what is compared before hashing it.
pub(super) type Stamp = (u64, Option<SystemTime>);

/// The annotation file's size and time, if it is a regular file.
pub(super) fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok().filter(std::fs::Metadata::is_file)?;
    Some((meta.len(), meta.modified().ok()))
}

/// What [`Article::check_disk`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiskChange {
    /// Nothing new on disk.
    None,
    /// The file changed and nothing is unsaved here: reopening the article loses nothing.
    Reload(Notice),
    /// The file changed and there are unsaved edits here: the article is now marked (saving
    /// needs consent), said once.
    Conflict(Notice),
}

impl Article {
    /// How the annotation file on disk differs from the one last loaded or saved, if it does.
    /// A file deleted since is no change (saving writes it again: nothing is lost), and one
    /// that is not a regular file or cannot be read is left to the save to report.
    pub(super) fn store_changed_on_disk(&self) -> Option<String> {
        let meta = std::fs::metadata(&self.store_path).ok().filter(std::fs::Metadata::is_file)?;
        let differs = match self.journal.base {
            None if matches!(self.store, StoreStatus::Broken(_)) => true,
            None => return Some("was created by another program after the article was opened".into()),
            Some(_) if meta.len() > MAX_ANNOTATION_BYTES => true,
            Some(base) => sha256(&std::fs::read(&self.store_path).ok()?) != base,
        };
        differs.then(|| "changed on disk after it was opened or last saved".into())
    }

    /// Looks at the annotation file on disk: a `stat`, and a hash only when its size or time
    /// changed, so a front end can call it every second.
    pub fn check_disk(&mut self) -> DiskChange {
        let now = stamp(&self.store_path);
        if now == self.disk_stamp || matches!(self.store, StoreStatus::ChangedOnDisk(_)) {
            return DiskChange::None;
        }
        let Some(why) = self.store_changed_on_disk() else {
            self.disk_stamp = now; // touched, deleted or put back: nothing to do
            return DiskChange::None;
        };
        let path = self.store_path.display();
        if self.is_dirty() {
            self.store = StoreStatus::ChangedOnDisk(why.clone());
            let err = EditorError::ChangedOnDisk(self.store_path.clone(), why);
            return DiskChange::Conflict(Notice::error(err.to_string()));
        }
        let notice = Notice::info(format!("{path} {why}: reloaded"));
        DiskChange::Reload(notice.keyed("notice-reloaded", &[("path", path.to_string())]))
    }
}
