//! The open article's edit journal on disk (the format is [`crate::formats::journal`]):
//! records are written with one `write` as each edit is applied, so a killed process loses
//! nothing; a shared background thread flushes them to disk (`fdatasync`) within
//! [`SYNC_BATCH`] of the edit, so a power cut loses at most the last few milliseconds; a save
//! folds the journal into the annotation file and removes it.
//!
//! The journal file is locked (an advisory `flock`) while it is open for writing, so a second
//! Hashiya opening the same article sees that the journal is in use: it neither replays, nor
//! writes, nor removes another live session's journal (and its saves are guarded by the
//! changed-on-disk check). A journal this editor did not read or write is never truncated or
//! removed: it holds another session's edits.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, OnceLock, Weak};
use std::time::{Duration, Instant};

use crate::formats::journal::{self as format, Header, Record};
use crate::model::Document;

/// How long the flushing thread gathers records before one `fdatasync` per file: an edit is on
/// disk within this plus the flush itself (a few ms on an SSD), well inside 50 ms.
pub const SYNC_BATCH: Duration = Duration::from_millis(5);

/// Batches of journal flushes finished by this process (see [`journal_flushes`]).
static FLUSHED: AtomicU64 = AtomicU64::new(0);

/// How many batches of journal flushes this process has finished: an edit applied after
/// reading this is on disk once the count has grown (the journal benchmark measures the time
/// from an edit to its `fdatasync` with it).
pub fn journal_flushes() -> u64 {
    FLUSHED.load(Ordering::Acquire)
}

/// What the next write does with the file on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Todo {
    /// Start a new journal (truncating a folded or empty one).
    Fresh,
    /// Keep the first bytes (whole records already replayed) and append after them.
    Continue(u64),
    /// Leave the file alone and journal nothing (the annotation file could not be read, so the
    /// journal cannot be checked against it).
    Hold,
    /// Leave the file alone and journal nothing: another Hashiya holds it (the article is open
    /// twice); retried after a save once the file is gone.
    Elsewhere,
    /// Leave the file alone and journal nothing, ever: the article was opened only to be read
    /// (saving it is refused).
    Reader,
}

impl Todo {
    /// True when the file on disk is not this editor's to write, cut or remove.
    fn leaves_file_alone(self) -> bool {
        matches!(self, Todo::Hold | Todo::Elsewhere | Todo::Reader)
    }
}

/// An open journal file, shared with the flushing thread.
struct Shared {
    file: File,
    /// A flush failed: the next write reports it.
    sync_failed: AtomicBool,
    /// The file was just created: its folder entry must be flushed too.
    new_entry: AtomicBool,
    dir: PathBuf,
}

/// One article's journal.
pub(super) struct Journal {
    pub(super) path: PathBuf,
    /// SHA-256 of the annotation file's bytes as last loaded or saved (`None`: no file).
    pub(super) base: Option<[u8; 32]>,
    pub(super) todo: Todo,
    file: Option<Arc<Shared>>,
    /// The article's fingerprint, computed at the first journal start.
    article: Option<([u8; 32], u64)>,
    /// The length of the file as this editor last read or wrote it (`None`: it expects no
    /// file); a file on disk of another length holds another session's edits.
    pub(super) known_len: Option<u64>,
    /// Writing failed since the last save (told once); nothing more is written until a save.
    pub(super) failed: bool,
    /// While replaying, nothing is written.
    pub(super) paused: bool,
}

impl Journal {
    /// The journal of an annotation file, not yet on disk.
    pub(super) fn new(store_path: &Path) -> Self {
        Self {
            path: format::journal_path(store_path),
            base: None,
            todo: Todo::Fresh,
            file: None,
            article: None,
            known_len: None,
            failed: false,
            paused: false,
        }
    }

    /// True when the journal holds every edit since the last save (nothing failed or held).
    pub(super) fn is_healthy(&self) -> bool {
        !self.failed && !self.todo.leaves_file_alone()
    }

    /// Appends a record; `Err` (with the reason, once) when it could not be written.
    pub(super) fn append(&mut self, record: &Record, doc: &Document) -> Result<(), String> {
        if self.paused || self.failed || self.todo.leaves_file_alone() {
            return Ok(());
        }
        let bytes = format::encode_record(record);
        match self.write(&bytes, doc) {
            Ok(()) => Ok(()),
            Err(err) => {
                self.failed = true;
                // Written by this editor so far: still its own to cut or remove.
                if let Some(shared) = self.file.take() {
                    self.known_len = shared.file.metadata().ok().map(|m| m.len());
                    release(&shared);
                }
                Err(format!("could not write the edit journal {}: {err}", self.path.display()))
            }
        }
    }

    fn write(&mut self, bytes: &[u8], doc: &Document) -> io::Result<()> {
        if self.file.is_none() {
            self.open_file(doc)?;
        }
        let Some(shared) = &self.file else { return Err(io::Error::other("journal not open")) };
        if shared.sync_failed.load(Ordering::Acquire) {
            return Err(io::Error::other("an earlier flush of the journal to disk failed"));
        }
        (&shared.file).write_all(bytes)?;
        request_sync(Arc::downgrade(shared));
        Ok(())
    }

    /// Opens the file for appending: a fresh one with its header, or the replayed one cut to
    /// its whole records.
    fn open_file(&mut self, doc: &Document) -> io::Result<()> {
        let mut file = OpenOptions::new().write(true).create(true).truncate(false).open(&self.path)?;
        lock(&file)?;
        let meta = file.metadata()?;
        if meta.is_file() && meta.len() > 0 && Some(meta.len()) != self.known_len {
            return Err(io::Error::other(
                "it holds edits of another Hashiya session, which are left as they are",
            ));
        }
        let fresh = !matches!(self.todo, Todo::Continue(_));
        let keep = match self.todo {
            Todo::Continue(len) => len,
            _ => 0,
        };
        if meta.is_file() {
            file.set_len(keep)?;
        }
        file.seek(SeekFrom::End(0))?;
        if fresh {
            let (article_sha256, article_chars) = *self.article.get_or_insert_with(|| {
                let h = Header::new(doc, None);
                (h.article_sha256, h.article_chars)
            });
            file.write_all(&format::encode_start(&Header {
                article_sha256,
                article_chars,
                base: self.base,
            }))?;
        }
        let dir = self.path.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        self.file = Some(Arc::new(Shared {
            file,
            sync_failed: AtomicBool::new(false),
            new_entry: AtomicBool::new(fresh),
            dir,
        }));
        Ok(())
    }

    /// A save is about to write an annotation file with this SHA-256 to the journal's own
    /// annotation file: marks the records so far as folded into it (a kill between the save's
    /// rename and the journal's removal then replays nothing twice).
    pub(super) fn saving(&mut self, sha: [u8; 32], doc: &Document) {
        if self.file.is_some() {
            let _ = self.append(&Record::Saved(sha), doc);
        }
    }

    /// The save succeeded: the journal is folded. Removes it (a held journal, never checked, is
    /// moved aside instead) and starts over from the saved file at `store_path`.
    pub(super) fn saved(&mut self, store_path: &Path, sha: [u8; 32]) -> Option<String> {
        // Held (and locked) until it is removed.
        let held = self.file.take();
        let mut note = None;
        if self.todo == Todo::Elsewhere || (held.is_none() && !self.owns_file_on_disk()) {
            // Another session's journal (or none): not this save's to remove.
        } else if self.todo == Todo::Hold {
            note = set_aside(&self.path, "unchecked")
                .ok()
                .map(|to| format!("the old edit journal was not applied and is kept as {}", to.display()));
        } else if let Err(err) = fs::remove_file(&self.path)
            && err.kind() != io::ErrorKind::NotFound
        {
            // A stale journal with a Saved marker for this file replays nothing, so this is safe.
            note = Some(format!("could not remove the edit journal {}: {err}", self.path.display()));
        }
        if let Some(shared) = &held {
            release(shared);
        }
        self.path = format::journal_path(store_path);
        self.base = Some(sha);
        if self.todo != Todo::Elsewhere || !self.path.exists() {
            self.todo = Todo::Fresh;
        }
        self.known_len = None;
        self.failed = false;
        note
    }

    /// True if the file at the journal's path is the one this editor read or wrote (same
    /// length, not locked by another process), or no journal at all (not a regular file).
    fn owns_file_on_disk(&self) -> bool {
        match fs::metadata(&self.path) {
            Ok(m) if !m.is_file() => true,
            Ok(m) => Some(m.len()) == self.known_len && !in_use_elsewhere(&self.path),
            Err(_) => false,
        }
    }

    /// The unsaved edits were thrown away on purpose: the journal goes too.
    pub(super) fn discard(&mut self) {
        let held = self.file.take();
        if !self.todo.leaves_file_alone() && (held.is_some() || self.owns_file_on_disk()) {
            let _ = fs::remove_file(&self.path);
            self.todo = Todo::Fresh;
            self.known_len = None;
        }
        if let Some(shared) = &held {
            release(shared);
        }
    }
}

impl Drop for Journal {
    /// Flushes what the background thread may not have flushed yet (closing with unsaved edits).
    fn drop(&mut self) {
        if let Some(shared) = self.file.take() {
            let _ = shared.file.sync_data();
            release(&shared);
        }
    }
}

/// Unlocks a journal this editor is done with: the flushing thread may still hold the file
/// for a moment, and the next open of the article must not find it in use.
fn release(shared: &Shared) {
    let _ = shared.file.unlock();
}

/// How often taking the journal's lock is tried before it counts as held by another session:
/// a command reading the journal holds a shared lock for a moment (see [`in_use_elsewhere`]).
const LOCK_TRIES: u32 = 25;

/// Takes the journal's advisory lock; `Err` when another process holds it. File systems
/// without locks journal unlocked, as before.
fn lock(file: &File) -> io::Result<()> {
    for _ in 1..LOCK_TRIES {
        match file.try_lock() {
            Err(fs::TryLockError::WouldBlock) => std::thread::sleep(Duration::from_millis(2)),
            Ok(()) | Err(fs::TryLockError::Error(_)) => return Ok(()),
        }
    }
    match file.try_lock() {
        Err(fs::TryLockError::WouldBlock) => {
            Err(io::Error::other("it is in use by another Hashiya that has this article open"))
        }
        Ok(()) | Err(fs::TryLockError::Error(_)) => Ok(()),
    }
}

/// True if another process holds the journal at `path` locked for writing (a live session is
/// writing it). Asks with a shared lock, held only for the question, so readers never stand
/// in each other's way and a writer's own [`lock`] waits out the moment.
pub(super) fn in_use_elsewhere(path: &Path) -> bool {
    OpenOptions::new()
        .read(true)
        .open(path)
        .is_ok_and(|file| matches!(file.try_lock_shared(), Err(fs::TryLockError::WouldBlock)))
}

/// Renames a journal that must not be applied to `<journal>.<why>-<unix seconds>[-n]`.
pub(super) fn set_aside(path: &Path, why: &str) -> io::Result<PathBuf> {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let base = path.as_os_str().to_string_lossy().into_owned();
    for n in 0..100 {
        let to = PathBuf::from(if n == 0 {
            format!("{base}.{why}-{secs}")
        } else {
            format!("{base}.{why}-{secs}-{n}")
        });
        if !to.exists() {
            fs::rename(path, &to)?;
            return Ok(to);
        }
    }
    Err(io::Error::new(io::ErrorKind::AlreadyExists, "too many journals set aside"))
}

/// Asks the flushing thread to `fdatasync` a journal soon; flushes at once if there is no
/// thread.
fn request_sync(file: Weak<Shared>) {
    static QUEUE: OnceLock<Option<Sender<Weak<Shared>>>> = OnceLock::new();
    let queue = QUEUE.get_or_init(|| {
        let (tx, rx) = mpsc::channel();
        std::thread::Builder::new().name("journal-sync".into()).spawn(move || sync_loop(&rx)).ok().map(|_| tx)
    });
    let unsent = match queue {
        Some(tx) => tx.send(file).err().map(|e| e.0),
        None => Some(file),
    };
    if let Some(file) = unsent {
        sync_batch(vec![file]);
    }
}

/// The flushing thread: waits for a request, gathers more for [`SYNC_BATCH`], flushes each
/// file once.
fn sync_loop(rx: &Receiver<Weak<Shared>>) {
    while let Ok(first) = rx.recv() {
        let deadline = Instant::now() + SYNC_BATCH;
        let mut batch = vec![first];
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match rx.recv_timeout(left) {
                Ok(more) => batch.push(more),
                Err(_) => break,
            }
        }
        sync_batch(batch);
    }
}

fn sync_batch(mut batch: Vec<Weak<Shared>>) {
    batch.sort_by_key(Weak::as_ptr);
    batch.dedup_by(|a, b| Weak::ptr_eq(a, b));
    for shared in batch.iter().filter_map(Weak::upgrade) {
        if shared.file.sync_data().is_err() {
            shared.sync_failed.store(true, Ordering::Release);
        }
        #[cfg(unix)]
        if shared.new_entry.swap(false, Ordering::AcqRel)
            && let Ok(dir) = File::open(&shared.dir)
        {
            let _ = dir.sync_all();
        }
    }
    FLUSHED.fetch_add(1, Ordering::AcqRel);
}
