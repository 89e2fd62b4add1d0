//! The scan: a summary per document (status, entities per label, annotator, modified) made
//! by reading its article and annotation file, in listing order, with progress. Only the
//! summaries are kept, never whole documents. It runs on the caller's thread with a progress
//! callback ([`scan`]) or on a background thread that sends [`ScanEvent`]s ([`ScanHandle`]).

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::thread::JoinHandle;

use time::OffsetDateTime;

use super::problem::{Problem, ProblemKind, read_entry};
use super::walk::DocEntry;
use crate::editor::{Article, JournalRead, has_journal};
use crate::formats::FormatError;
use crate::formats::decode::read_article;
use crate::formats::store::{self, DocStatus, annotation_path, sha256_hex};

/// Whether a document can be worked on as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Health {
    /// Article and annotation file (if any) read fine.
    Ok,
    /// The article's text changed since its annotations were saved: they are re-anchored when
    /// it is opened.
    Changed,
    /// The annotation file cannot be read or is invalid (see the problems); it is never
    /// written over without consent.
    Broken,
    /// The article cannot be read: unreadable, binary, undecodable or vanished.
    Unreadable,
}

/// What a corpus keeps of one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocSummary {
    /// The article's path relative to the corpus root.
    pub rel: PathBuf,
    /// Its status (new without an annotation file).
    pub status: DocStatus,
    /// Entities placed in the text.
    pub entities: usize,
    /// Entities that lost their place.
    pub orphans: usize,
    /// Entities per label name, in the document's label order (labels without entities too).
    pub labels: Vec<(String, usize)>,
    /// Who saved the annotation file last (`None`: no annotation file).
    pub annotator: Option<String>,
    /// When it was saved last.
    pub modified: Option<OffsetDateTime>,
    /// Whether it can be worked on as it is.
    pub health: Health,
    /// What its edit journal added (edits not yet saved, counted above) or why it was not
    /// applied.
    pub journal: JournalRead,
}

impl DocSummary {
    /// The summary of a document with nothing read yet (or nothing readable).
    pub fn empty(rel: PathBuf, health: Health) -> Self {
        Self {
            rel,
            status: DocStatus::New,
            entities: 0,
            orphans: 0,
            labels: Vec::new(),
            annotator: None,
            modified: None,
            health,
            journal: JournalRead::None,
        }
    }

    /// The summary of an open article as it is in memory (for the documents list while it is
    /// being edited); `rel` is its path relative to the corpus root.
    pub fn of_article(rel: PathBuf, article: &Article) -> Self {
        let ann = article.ann();
        let mut labels: Vec<(String, usize)> = ann.labels().iter().map(|l| (l.name.clone(), 0)).collect();
        for e in ann.entities().iter() {
            if let Some(i) = ann.labels().iter().position(|l| l.id == e.label) {
                labels[i].1 += 1;
            }
        }
        let saved = article.store_path.exists();
        Self {
            rel,
            status: article.status(),
            entities: ann.entities().len(),
            orphans: ann.orphans().len(),
            labels,
            annotator: saved.then(|| article.saved_info().annotator.clone()),
            modified: saved.then(|| article.saved_info().modified),
            health: if article.store_is_broken() { Health::Broken } else { Health::Ok },
            journal: article.journal_read().clone(),
        }
    }

    /// Entities with the label `name`.
    pub fn count(&self, name: &str) -> usize {
        self.labels.iter().find(|(n, _)| n == name).map_or(0, |(_, n)| *n)
    }

    /// True if the document has an annotation file that was read.
    pub fn is_annotated(&self) -> bool {
        self.annotator.is_some()
    }
}

/// Reads one document's article and annotation file into a summary and its problems; a
/// document with an edit journal is read as the window would open it (with the edits not yet
/// saved; nothing is written), one without from the annotation file's summary alone.
pub fn summarize(entry: &DocEntry) -> (DocSummary, Vec<Problem>) {
    if has_journal(&entry.path) {
        return summarize_with_journal(entry);
    }
    let text = match read_article(&entry.path) {
        Ok(decoded) => decoded.text,
        Err(err) => {
            let problem = Problem::from_format(ProblemKind::Article, &err);
            return (DocSummary::empty(entry.rel.clone(), Health::Unreadable), vec![problem]);
        }
    };
    let path = annotation_path(&entry.path);
    match store::read_summary(&path) {
        Ok(s) => {
            let changed = s.sha256 != sha256_hex(&text);
            let summary = DocSummary {
                rel: entry.rel.clone(),
                status: s.info.status.with_entities(s.entities),
                entities: s.entities,
                orphans: s.orphans,
                labels: s.labels.iter().map(|l| l.name.clone()).zip(s.counts).collect(),
                annotator: Some(s.info.annotator),
                modified: Some(s.info.modified),
                health: if changed { Health::Changed } else { Health::Ok },
                journal: JournalRead::None,
            };
            (summary, Vec::new())
        }
        Err(errors) if is_missing(&errors) => (DocSummary::empty(entry.rel.clone(), Health::Ok), Vec::new()),
        Err(errors) => {
            let problems = errors.iter().map(|e| Problem::from_format(ProblemKind::Annotations, e)).collect();
            (DocSummary::empty(entry.rel.clone(), Health::Broken), problems)
        }
    }
}

/// [`summarize`] of a document with a journal: opened to read, through the editor. A document
/// saved by nobody yet is counted under the annotator a save would name.
fn summarize_with_journal(entry: &DocEntry) -> (DocSummary, Vec<Problem>) {
    let reading = match read_entry(&entry.path) {
        Ok(reading) => reading,
        Err(problem) => {
            let health =
                if problem.kind == ProblemKind::Article { Health::Unreadable } else { Health::Broken };
            return (DocSummary::empty(entry.rel.clone(), health), vec![problem]);
        }
    };
    let mut summary = DocSummary::of_article(entry.rel.clone(), &reading.article);
    if reading.reanchor.is_some() {
        summary.health = Health::Changed;
    }
    if summary.annotator.is_none() && reading.is_annotated() {
        summary.annotator = Some(super::annotator_for(&entry.path));
    }
    (summary, Vec::new())
}

/// True if the annotation file does not exist (the document is simply new).
fn is_missing(errors: &[FormatError]) -> bool {
    matches!(errors, [FormatError::Io { source, .. }] if source.kind() == std::io::ErrorKind::NotFound)
}

/// The result of a scan: one summary per listed document (same order) and every problem met.
#[derive(Debug, Clone, Default)]
pub struct Scan {
    /// Summaries, in listing order.
    pub docs: Vec<DocSummary>,
    /// Problems, in listing order.
    pub problems: Vec<Problem>,
}

/// Scans `entries` on this thread; `progress(done, total)` is called after each document.
pub fn scan(entries: &[DocEntry], mut progress: impl FnMut(usize, usize)) -> Scan {
    let mut out = Scan { docs: Vec::with_capacity(entries.len()), problems: Vec::new() };
    for (i, entry) in entries.iter().enumerate() {
        let (summary, problems) = summarize(entry);
        out.docs.push(summary);
        out.problems.extend(problems);
        progress(i + 1, entries.len());
    }
    out
}

/// What a background scan reports.
#[derive(Debug, Clone)]
pub enum ScanEvent {
    /// One document was read: its index in the listing, its summary and its problems.
    Doc {
        /// Index in the listing the scan was given.
        index: usize,
        /// The summary.
        summary: DocSummary,
        /// Its problems (none for most).
        problems: Vec<Problem>,
    },
    /// Every document was read (not sent when the scan is cancelled).
    Finished,
}

/// A scan running on its own thread. Dropping the handle cancels it.
pub struct ScanHandle {
    rx: Receiver<ScanEvent>,
    cancel: Arc<AtomicBool>,
    total: usize,
    thread: Option<JoinHandle<()>>,
}

impl ScanHandle {
    /// Starts scanning `entries` on a new thread.
    pub fn spawn(entries: Vec<DocEntry>) -> Self {
        let (tx, rx) = mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&cancel);
        let total = entries.len();
        let thread = std::thread::Builder::new()
            .name("hashiya-corpus-scan".into())
            .spawn(move || {
                for (index, entry) in entries.iter().enumerate() {
                    if stop.load(Ordering::Relaxed) {
                        return;
                    }
                    let (summary, problems) = summarize(entry);
                    if tx.send(ScanEvent::Doc { index, summary, problems }).is_err() {
                        return;
                    }
                }
                let _ = tx.send(ScanEvent::Finished);
            })
            .ok();
        Self { rx, cancel, total, thread }
    }

    /// Events received so far, without waiting (call once per frame).
    pub fn try_iter(&self) -> impl Iterator<Item = ScanEvent> + '_ {
        self.rx.try_iter()
    }

    /// The receiving end, to wait for events.
    pub fn receiver(&self) -> &Receiver<ScanEvent> {
        &self.rx
    }

    /// Number of documents the scan reads.
    pub fn total(&self) -> usize {
        self.total
    }

    /// True if the thread could not be started (nothing will arrive; scan on this thread).
    pub fn failed_to_start(&self) -> bool {
        self.thread.is_none()
    }

    /// Stops the scan after the document being read.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

impl Drop for ScanHandle {
    fn drop(&mut self) {
        self.cancel();
    }
}
