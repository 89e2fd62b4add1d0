//! The journal wired into an article: on open, a journal left by a crash is checked against
//! the article and the annotation file and replayed ("restored 14 edits made after the last
//! save"); every applied edit, undo, redo and status change appends a record; a save marks the
//! journal folded and removes it. A journal that does not match is renamed aside, reported and
//! never applied; a damaged one is replayed up to the damage.

use std::path::Path;

use super::journal::{Todo, in_use_elsewhere, set_aside};
use super::{Article, EditCommand, EditorError, JournalRead, Notice, Outcome};
use crate::formats::atomic::{same_file, write_atomic};
use crate::formats::journal::{self as format, End, Parsed, Record, Step};
use crate::formats::store::DocStatus;
use crate::model::Transaction;

/// Journals larger than this are not read (set aside instead).
const MAX_JOURNAL_BYTES: u64 = 512 * 1024 * 1024;

/// What [`Article::read_journal`] found on disk.
pub(super) enum Found {
    /// No journal.
    Absent,
    /// Another Hashiya holds it locked: it is writing it.
    InUse,
    /// The annotation file cannot be read, so the journal cannot be checked against it.
    Held,
    /// Not applied; `kind` names the reason in the name it is set aside under.
    Refused {
        /// `unreadable` or `unmatched`.
        kind: &'static str,
        /// Why, for the user.
        why: String,
    },
    /// Replayed into the article.
    Replayed(Replay),
}

/// A journal replayed into the article.
pub(super) struct Replay {
    /// Records applied.
    pub(super) replayed: usize,
    /// Length of the file's readable prefix.
    valid_len: usize,
    /// Length of the prefix holding the records applied (`None`: not even the header).
    kept: Option<usize>,
    /// Where replay stopped at damage (record number counting the header as 0) and why.
    pub(super) damage: Option<(usize, String)>,
    /// The file as read.
    bytes: Vec<u8>,
}

/// How a command changes the history, for its journal record.
pub(super) fn step_of(cmd: &EditCommand) -> Step {
    match cmd {
        EditCommand::Undo => Step::Undo,
        EditCommand::Redo => Step::Redo,
        _ => Step::Apply,
    }
}

impl Article {
    /// Appends the transaction a command applied (if the history moved since `before`); a
    /// journal that cannot be written is said once, in the outcome's notice.
    pub(super) fn journal_step(&mut self, step: Step, before: u64, outcome: &mut Outcome) {
        if self.history.state() == before {
            return;
        }
        let (doc, labels) = (&self.doc, self.ann.labels());
        let record = match step {
            Step::Undo => self
                .history
                .last_undone()
                .map(Transaction::invert)
                .as_ref()
                .and_then(|tx| format::edit_record(step, tx, doc, labels)),
            _ => self.history.last_applied().and_then(|tx| format::edit_record(step, tx, doc, labels)),
        };
        let result = match record {
            Some(record) => self.journal.append(&record, &self.doc),
            None => Err("an edit could not be written to the journal".to_string()),
        };
        if let Err(why) = result {
            self.journal.failed = true;
            let text = format!(
                "{why}. Your edits are kept in memory; the journal is tried again after the next save"
            );
            outcome.notice = Some(Notice::warn(text).keyed("notice-journal-not-written", &[("why", why)]));
        }
    }

    /// Appends a status change.
    pub(super) fn journal_status(&mut self, status: DocStatus) {
        let _ = self.journal.append(&Record::Status(status.as_str().to_string()), &self.doc);
    }

    /// Stops writing the journal: for tests that run a copy of a session in memory.
    #[doc(hidden)]
    pub fn pause_journal(&mut self) {
        self.journal.paused = true;
    }

    /// Throws away the journal of unsaved edits the user chose to discard (they are not
    /// restored at the next open).
    pub fn discard_journal(&mut self) {
        self.journal.discard();
    }

    /// Writes the annotation file's text to `path`, folding the journal when it is the
    /// article's own file. Returns a note about the journal, if any.
    pub(super) fn write_store(&mut self, path: &Path, text: &str) -> Result<Option<String>, EditorError> {
        let sha = format::sha256(text.as_bytes());
        let own = same_file(path, &self.store_path);
        if own {
            self.journal.saving(sha, &self.doc);
        }
        if let Err(err) = write_atomic(path, text.as_bytes()) {
            let journaled = own && self.journal.is_healthy() && self.is_dirty();
            return Err(if journaled { EditorError::SaveJournaled(err) } else { EditorError::Save(err) });
        }
        self.disk_stamp = super::disk::stamp(path);
        Ok(self.journal.saved(path, sha))
    }

    /// After opening to edit: replays a journal left by a crash, or sets aside one that does
    /// not belong to this article and annotation file.
    pub(super) fn recover_journal(&mut self, notices: &mut Vec<Notice>) {
        let path = self.journal.path.clone();
        let shown = path.display().to_string();
        self.from_journal = match self.read_journal() {
            Found::Absent => JournalRead::None,
            Found::InUse => {
                self.journal.todo = Todo::Elsewhere;
                let text = format!(
                    "{shown} is in use: another Hashiya has this article open. Its unsaved edits are not \
                     shown here and edits made here are not journaled; saving asks before writing over \
                     its saves"
                );
                notices.push(Notice::warn(text).keyed("notice-journal-in-use", &[("path", shown.clone())]));
                JournalRead::InUse
            }
            Found::Held => {
                self.journal.todo = Todo::Hold;
                let text = format!(
                    "{shown}: edits made after the last save are not applied while the annotation file \
                     cannot be read; the journal is kept"
                );
                notices.push(Notice::warn(text).keyed("notice-journal-held", &[("path", shown.clone())]));
                JournalRead::Held
            }
            Found::Refused { kind, why } => {
                self.set_journal_aside(&path, kind, &why, notices);
                JournalRead::NotApplied(why)
            }
            Found::Replayed(replay) => self.after_replay(&path, replay, notices),
        };
    }

    /// What the editor does with a journal replayed on open: goes on appending to it, or keeps
    /// a damaged one aside and starts again from the records replayed.
    fn after_replay(&mut self, path: &Path, r: Replay, notices: &mut Vec<Notice>) -> JournalRead {
        let restored = super::read::edits(r.replayed);
        match r.damage {
            None => {
                self.journal.todo =
                    if r.replayed > 0 { Todo::Continue(r.valid_len as u64) } else { Todo::Fresh };
                if r.replayed > 0 {
                    let notice = Notice::info(format!("Restored {restored} made after the last save"));
                    notices.push(notice.keyed("notice-restored", &[("n", r.replayed.to_string())]));
                }
                JournalRead::Replayed(r.replayed)
            }
            Some((record, why)) => {
                let aside = self.keep_damaged(path, &r.bytes, r.kept);
                let shown = path.display().to_string();
                let head = format!(
                    "{shown} is damaged at record {record} ({why}): restored the {restored} before it"
                );
                let args = |detail: &str| {
                    [
                        ("path", shown.clone()),
                        ("record", record.to_string()),
                        ("why", why.clone()),
                        ("n", r.replayed.to_string()),
                        ("detail", detail.to_string()),
                    ]
                };
                notices.push(match &aside {
                    Ok(to) => Notice::warn(format!("{head}; the damaged journal is kept as {to}"))
                        .keyed("notice-journal-damaged", &args(to)),
                    Err(err) => Notice::warn(format!(
                        "{head}; it could not be set aside ({err}), so new edits are not journaled"
                    ))
                    .keyed("notice-journal-damaged-kept", &args(err)),
                });
                JournalRead::Damaged { replayed: r.replayed, record, why }
            }
        }
    }

    /// Reads the journal on disk and replays what belongs to this article and annotation file
    /// (in memory: nothing is written, the file is neither locked nor moved); says what it
    /// found, for the caller to act on.
    pub(super) fn read_journal(&mut self) -> Found {
        let path = self.journal.path.clone();
        if !path.exists() {
            return Found::Absent;
        }
        if in_use_elsewhere(&path) {
            return Found::InUse;
        }
        if self.store_is_broken() {
            return Found::Held;
        }
        let bytes = match read_limited(&path) {
            Ok(bytes) => bytes,
            Err(why) => return Found::Refused { kind: "unreadable", why },
        };
        self.journal.known_len = Some(bytes.len() as u64);
        let parsed = format::parse(&bytes);
        let start = match self.journal_start(&parsed) {
            Ok(start) => start,
            Err(why) => return Found::Refused { kind: "unmatched", why },
        };
        let paused = std::mem::replace(&mut self.journal.paused, true);
        let (replayed, failure) = self.replay(&parsed.records[start..]);
        self.journal.paused = paused;
        let kept = (start + replayed).checked_sub(1).and_then(|i| parsed.ends.get(i)).copied();
        let damage = match (failure, &parsed.end) {
            (Some((i, why)), _) => Some((start + i + 1, why)),
            (None, End::Corrupt { record, why }) => Some((*record, why.clone())),
            _ => None,
        };
        Found::Replayed(Replay { replayed, valid_len: parsed.valid_len, kept, damage, bytes })
    }

    /// Where replay starts: after the last save marker of the current annotation file, or at
    /// the start if the journal began from it; `Err` if the journal belongs elsewhere.
    fn journal_start(&self, parsed: &Parsed) -> Result<usize, String> {
        if let End::Foreign(why) = &parsed.end {
            return Err(why.clone());
        }
        let Some(header) = &parsed.header else { return Ok(0) };
        if header.article_sha256 != format::sha256(self.doc.text().as_bytes()) {
            return Err("the article's text changed since these edits were made".into());
        }
        let base = self.journal.base;
        let folded = parsed.records.iter().rposition(|r| matches!(r, Record::Saved(s) if Some(*s) == base));
        match folded {
            Some(i) => Ok(i + 1),
            None if header.base == base => Ok(0),
            None => Err("the annotation file was changed or replaced since these edits were made".into()),
        }
    }

    /// Applies records through the history (an undo record undoes the step it took back when
    /// that step is in the history, so undo and redo keep working); stops at the first one that
    /// does not apply. Returns how many applied, and the failure.
    fn replay(&mut self, records: &[Record]) -> (usize, Option<(usize, String)>) {
        let (mut undo, mut redo): (Vec<Transaction>, Vec<Transaction>) = (Vec::new(), Vec::new());
        for (i, record) in records.iter().enumerate() {
            let result = match record {
                Record::Edit { step, edits } => format::resolve(edits, &self.doc, self.ann.labels())
                    .and_then(|tx| self.replay_edit(*step, tx, &mut undo, &mut redo)),
                Record::Status(name) => name
                    .parse::<DocStatus>()
                    .map(|status| {
                        self.set_status(status);
                    })
                    .map_err(|_| format!("unknown status {name:?}")),
                Record::Saved(_) | Record::Header(_) => Ok(()),
            };
            if let Err(why) = result {
                return (i, Some((i, why)));
            }
        }
        (records.len(), None)
    }

    fn replay_edit(
        &mut self,
        step: Step,
        tx: Transaction,
        undo: &mut Vec<Transaction>,
        redo: &mut Vec<Transaction>,
    ) -> Result<(), String> {
        let err = |e: crate::model::EditError| e.to_string();
        if tx.is_empty() {
            return Ok(());
        }
        if step == Step::Undo && undo.last().is_some_and(|t| t.invert() == tx) {
            self.history.undo(&mut self.ann, &self.doc).map_err(err)?;
            redo.extend(undo.pop());
        } else if step == Step::Redo && redo.last() == Some(&tx) {
            self.history.redo(&mut self.ann, &self.doc).map_err(err)?;
            undo.extend(redo.pop());
        } else {
            self.history.apply(&mut self.ann, &self.doc, tx.clone()).map_err(err)?;
            undo.push(tx);
            redo.clear();
        }
        Ok(())
    }

    fn set_journal_aside(&mut self, path: &Path, kind: &str, why: &str, notices: &mut Vec<Notice>) {
        let shown = path.display();
        match set_aside(path, kind) {
            Ok(to) => {
                self.journal.known_len = None;
                let text = format!("{shown} was not applied: {why}. It is kept as {}", to.display());
                let args =
                    [("path", shown.to_string()), ("why", why.to_string()), ("to", to.display().to_string())];
                notices.push(Notice::warn(text).keyed("notice-journal-set-aside", &args));
            }
            Err(err) => {
                self.journal.todo = Todo::Hold;
                let text = format!(
                    "{shown} was not applied: {why}; it could not be set aside ({err}), so new edits \
                     are not journaled"
                );
                let args =
                    [("path", shown.to_string()), ("why", why.to_string()), ("detail", err.to_string())];
                notices.push(Notice::warn(text).keyed("notice-journal-not-set-aside", &args));
            }
        }
    }

    /// Renames a damaged journal aside and starts a new one with its first `kept` bytes (the
    /// records replayed). Returns where it is kept, or why it could not be set aside.
    fn keep_damaged(&mut self, path: &Path, bytes: &[u8], kept: Option<usize>) -> Result<String, String> {
        let aside = match set_aside(path, "damaged") {
            Ok(to) => to,
            Err(err) => {
                self.journal.todo = Todo::Hold;
                return Err(err.to_string());
            }
        };
        self.journal.todo = Todo::Fresh;
        self.journal.known_len = None;
        if let Some(len) = kept {
            match std::fs::write(path, &bytes[..len]) {
                Ok(()) => {
                    self.journal.todo = Todo::Continue(len as u64);
                    self.journal.known_len = Some(len as u64);
                }
                Err(_) => self.journal.failed = true,
            }
        }
        Ok(aside.display().to_string())
    }
}

/// Reads a journal: a regular file of at most [`MAX_JOURNAL_BYTES`] (a device or a file that
/// grows while it is read is never read without bound).
fn read_limited(path: &Path) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err("it is not a regular file".into());
    }
    let mut bytes = Vec::new();
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    file.take(MAX_JOURNAL_BYTES + 1).read_to_end(&mut bytes).map_err(|e| e.to_string())?;
    if bytes.len() as u64 > MAX_JOURNAL_BYTES {
        return Err(format!("it is larger than {MAX_JOURNAL_BYTES} bytes"));
    }
    Ok(bytes)
}
