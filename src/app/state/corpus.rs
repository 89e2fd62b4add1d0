//! The open corpus as the window holds it: the listing, per-document summaries filled in by a
//! background scan (never blocking a frame), the current document, and the documents panel's
//! filters. Pure bookkeeping over [`crate::corpus`]; the panel is in `documents_panel.rs`.

use std::path::{Path, PathBuf};

use crate::corpus::{self, Corpus, CorpusError, DocSummary, Health, ScanEvent, ScanHandle};
use crate::editor::Article;
use crate::formats::store::DocStatus;

/// An open corpus and what the window knows of its documents.
pub struct CorpusState {
    /// The corpus (root, settings, listing).
    pub corpus: Corpus,
    /// One summary per listed document, in listing order (empty until the scan reads it).
    pub summaries: Vec<DocSummary>,
    scanned: usize,
    scan: Option<ScanHandle>,
    /// The document open in the view, as an index into the listing.
    pub current: Option<usize>,
    /// Only documents with this status are listed (`None`: all).
    pub filter_status: Option<DocStatus>,
    /// Only documents whose name contains this are listed.
    pub filter_name: String,
    /// The overview window with the charts is shown.
    pub overview_open: bool,
    /// Bumped whenever a summary changes (keys the cached listing).
    generation: u64,
    /// The last listing: (generation, status filter, name filter) → indices.
    listed: Option<(ListingKey, Vec<usize>)>,
    /// When the corpus file was last looked at on disk.
    file_checked: Option<std::time::Instant>,
}

/// What a listing depends on: the summaries' generation and the two filters.
type ListingKey = (u64, Option<DocStatus>, String);

impl CorpusState {
    /// Opens the folder and starts scanning its documents in the background.
    pub fn open(dir: &Path) -> Result<Self, CorpusError> {
        let corpus = Corpus::open(dir)?;
        let summaries = corpus.docs().iter().map(|d| DocSummary::empty(d.rel.clone(), Health::Ok)).collect();
        let scan = Some(corpus.spawn_scan());
        Ok(Self {
            corpus,
            summaries,
            scanned: 0,
            scan,
            current: None,
            filter_status: None,
            filter_name: String::new(),
            overview_open: false,
            generation: 0,
            listed: None,
            file_checked: None,
        })
    }

    /// Reads every document again in the background (after a change to many files).
    pub fn rescan(&mut self) {
        self.scanned = 0;
        self.scan = Some(self.corpus.spawn_scan());
    }

    /// Every `every`, reads the corpus file again if another program (`hashiya labels`,
    /// `hashiya init`) changed it: `Some(Ok(()))` when its settings changed, `Some(Err(..))`
    /// when it cannot be read now (the settings held are kept), `None` otherwise.
    pub fn watch_file(&mut self, every: std::time::Duration) -> Option<Result<(), CorpusError>> {
        if self.file_checked.is_some_and(|t| t.elapsed() < every) {
            return None;
        }
        self.file_checked = Some(std::time::Instant::now());
        match self.corpus.reload() {
            Ok(true) => Some(Ok(())),
            Ok(false) => None,
            Err(e) => Some(Err(e)),
        }
    }

    /// Takes what the scan read since the last frame; true while it is still running.
    pub fn poll(&mut self) -> bool {
        let Some(scan) = &self.scan else { return false };
        let mut finished = scan.failed_to_start();
        for event in scan.try_iter() {
            match event {
                ScanEvent::Doc { index, summary, .. } => {
                    self.scanned += 1;
                    self.generation += 1;
                    // The open document's summary comes from memory, not from its file.
                    if Some(index) != self.current
                        && let Some(slot) = self.summaries.get_mut(index)
                    {
                        *slot = summary;
                    }
                }
                ScanEvent::Finished => finished = true,
            }
        }
        if finished {
            self.scan = None;
        }
        !finished
    }

    /// Documents read by the scan so far, and all documents.
    pub fn scan_progress(&self) -> (usize, usize) {
        (self.scanned, self.summaries.len())
    }

    /// Documents done (or skipped) and all documents, and entities in all of them.
    pub fn progress(&self) -> (usize, usize, usize) {
        let done = self.summaries.iter().filter(|s| s.status.is_finished()).count();
        (done, self.summaries.len(), self.summaries.iter().map(|s| s.entities).sum())
    }

    /// The article file of document `i`.
    pub fn path(&self, i: usize) -> Option<PathBuf> {
        self.corpus.docs().get(i).map(|d| d.path.clone())
    }

    /// Notes that the article at `path` is now open (its index becomes current).
    pub fn opened(&mut self, path: &Path) {
        self.current = self.corpus.position(path);
    }

    /// Refreshes the current document's summary from the open article (after every change).
    pub fn refresh(&mut self, article: &Article) {
        let Some(i) = self.current.filter(|_| self.corpus.position(&article.path) == self.current) else {
            return;
        };
        if let Some(slot) = self.summaries.get_mut(i) {
            *slot = DocSummary::of_article(slot.rel.clone(), article);
            self.generation += 1;
        }
    }

    /// The next (or previous) document in listing order.
    pub fn step(&self, forward: bool) -> Option<usize> {
        let n = self.summaries.len();
        if forward { corpus::nav::next(n, self.current) } else { corpus::nav::previous(n, self.current) }
    }

    /// The next document after the current one that still needs work.
    pub fn next_not_done(&self) -> Option<usize> {
        corpus::nav::next_not_done(&self.summaries, self.current)
    }

    /// Indices of the documents the panel lists, after the filters (recomputed only when a
    /// summary or a filter changed, not every frame).
    pub fn listed(&mut self) -> &[usize] {
        let key = (self.generation, self.filter_status, self.filter_name.clone());
        if self.listed.as_ref().is_none_or(|(k, _)| *k != key) {
            let name = self.filter_name.trim().to_lowercase();
            let docs = self.corpus.docs();
            let listed = (0..self.summaries.len())
                .filter(|&i| self.filter_status.is_none_or(|s| self.summaries[i].status == s))
                .filter(|&i| name.is_empty() || docs[i].name().to_lowercase().contains(&name))
                .collect();
            self.listed = Some((key, listed));
        }
        self.listed.as_ref().map_or(&[], |(_, l)| l.as_slice())
    }
}
