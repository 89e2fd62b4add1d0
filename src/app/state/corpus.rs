//! The open corpus as the window holds it: the listing, per-document summaries filled in by a
//! background scan (never blocking a frame), the current document, and the documents panel's
//! filters. Pure bookkeeping over [`crate::corpus`]; the panel is in `documents_panel.rs`.

use std::path::{Path, PathBuf};

use crate::app::jobs::order::Ranker;
use crate::corpus::{
    self, Corpus, CorpusError, DocEntry, DocOrder, DocSummary, Health, ScanEvent, ScanHandle,
};
use crate::editor::Article;
use crate::formats::store::DocStatus;
use crate::learn::order::{is_to_do, next_to_do, to_do};

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
    /// The documents to do ranked by the suggestion layer's uncertainty.
    pub ranker: Ranker,
    /// Bumped whenever a summary changes (keys the cached listing).
    generation: u64,
    /// The last listing.
    listed: Option<Listing>,
    /// When the corpus file was last looked at on disk.
    file_checked: Option<std::time::Instant>,
}

/// What a listing depends on: the summaries' generation, the two filters, the order and the
/// scores' generation.
type ListingKey = (u64, Option<DocStatus>, String, DocOrder, u64);

/// The panel's listing: indices after the filters, in order, and per document its rank among
/// the documents to do (most uncertain first; `None`: file order, or not to do).
struct Listing {
    key: ListingKey,
    indices: Vec<usize>,
    ranks: Vec<Option<usize>>,
    /// The highest score among the documents to do.
    top: f32,
}

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
            ranker: Ranker::default(),
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

    /// The order of the documents to do (the corpus file's setting).
    pub fn order(&self) -> DocOrder {
        self.corpus.settings().learning.order
    }

    /// The next document after the current one that still needs work, in the corpus's order.
    pub fn next_not_done(&self) -> Option<usize> {
        next_to_do(&self.summaries, self.current, self.order(), self.ranker.scores())
    }

    /// The documents to rank: those still to do as far as the scan has read.
    pub fn to_rank(&self) -> Vec<DocEntry> {
        let docs = self.corpus.docs();
        self.summaries.iter().zip(docs).filter(|(s, _)| is_to_do(s)).map(|(_, d)| d.clone()).collect()
    }

    /// Indices of the documents the panel lists, after the filters, in the corpus's order:
    /// most uncertain first puts the documents to do first, ranked, then the others in file
    /// order (recomputed only when a summary, a filter, the order or the scores changed).
    pub fn listed(&mut self) -> &[usize] {
        self.listing();
        self.listed.as_ref().map_or(&[], |l| l.indices.as_slice())
    }

    /// Document `i`'s rank among the documents to do (from 1) when the order is most
    /// uncertain first, and its score; as of the last [`CorpusState::listed`].
    pub fn rank(&self, i: usize) -> Option<(usize, Option<f32>)> {
        let rank = self.listed.as_ref().and_then(|l| l.ranks.get(i).copied().flatten())?;
        let rel = &self.summaries.get(i)?.rel;
        Some((rank, self.ranker.scores().get(rel).map(|u| u.score())))
    }

    /// The highest score of a document to do, as of the last [`CorpusState::listed`].
    pub fn top_score(&self) -> f32 {
        self.listed.as_ref().map_or(0.0, |l| l.top)
    }

    fn listing(&mut self) {
        let key = (
            self.generation,
            self.filter_status,
            self.filter_name.clone(),
            self.order(),
            self.ranker.generation(),
        );
        if self.listed.as_ref().is_some_and(|l| l.key == key) {
            return;
        }
        let n = self.summaries.len();
        let mut ranks = vec![None; n];
        let mut top = 0.0f32;
        let ordered: Vec<usize> = match self.order() {
            DocOrder::File => (0..n).collect(),
            DocOrder::Uncertain => {
                let first = to_do(&self.summaries, DocOrder::Uncertain, self.ranker.scores());
                for (r, &i) in first.iter().enumerate() {
                    ranks[i] = Some(r + 1);
                    let score = self.ranker.scores().get(&self.summaries[i].rel).map(|u| u.score());
                    top = top.max(score.unwrap_or(0.0));
                }
                let rest = (0..n).filter(|&i| ranks[i].is_none());
                first.iter().copied().chain(rest).collect()
            }
        };
        let name = self.filter_name.trim().to_lowercase();
        let docs = self.corpus.docs();
        let indices = ordered
            .into_iter()
            .filter(|&i| self.filter_status.is_none_or(|s| self.summaries[i].status == s))
            .filter(|&i| name.is_empty() || docs[i].name().to_lowercase().contains(&name))
            .collect();
        self.listed = Some(Listing { key, indices, ranks, top });
    }
}
