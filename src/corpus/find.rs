//! Find across a corpus: every document read, normalised and searched on a background thread,
//! with the number of matches per document and a few lines of context, so the window never
//! waits and a new search cancels the old one.

use std::ops::Range;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver};

use super::walk::DocEntry;
use crate::formats::decode::read_article;
use crate::search::{NormalizedText, Query};

/// Context shown on each side of a match, in code points.
const CONTEXT: usize = 30;
/// Snippets kept per document.
const SNIPPETS: usize = 3;

/// The matches of one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocHits {
    /// Index in the corpus listing.
    pub index: usize,
    /// Number of matches.
    pub count: usize,
    /// The first matches with some text around them (one line each).
    pub snippets: Vec<String>,
}

/// A search running over a corpus. Dropping it stops the search.
pub struct CorpusSearch {
    rx: Receiver<Option<DocHits>>,
    cancel: Arc<AtomicBool>,
    total: usize,
    searched: usize,
    done: bool,
    /// Documents with matches so far, in listing order of arrival.
    pub hits: Vec<DocHits>,
}

impl CorpusSearch {
    /// Starts searching `docs` for `query` on a new thread.
    pub fn spawn(docs: Vec<DocEntry>, query: Query) -> Self {
        let (tx, rx) = mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&cancel);
        let total = docs.len();
        let started = std::thread::Builder::new().name("hashiya-corpus-find".into()).spawn(move || {
            for (index, doc) in docs.iter().enumerate() {
                if stop.load(Ordering::Relaxed) {
                    return;
                }
                // Unreadable documents are the scan's to report; here they have no matches.
                let hits = read_article(&doc.path).ok().map(|d| hits_in(index, &d.text, &query));
                if tx.send(hits.filter(|h| h.count > 0)).is_err() {
                    return;
                }
            }
        });
        Self { rx, cancel, total, searched: 0, done: started.is_err(), hits: Vec::new() }
    }

    /// Takes what arrived since the last call; true while the search is still running.
    pub fn poll(&mut self) -> bool {
        for hits in self.rx.try_iter() {
            self.searched += 1;
            self.hits.extend(hits);
        }
        self.done |= self.searched >= self.total;
        !self.done
    }

    /// Documents searched so far, and all documents.
    pub fn progress(&self) -> (usize, usize) {
        (self.searched, self.total)
    }

    /// Matches in all documents found so far.
    pub fn matches(&self) -> usize {
        self.hits.iter().map(|h| h.count).sum()
    }
}

impl Drop for CorpusSearch {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

/// The matches of `query` in one document's text.
pub fn hits_in(index: usize, text: &str, query: &Query) -> DocHits {
    let normalized =
        if query.needs_normalized() { NormalizedText::new(text) } else { NormalizedText::default() };
    let mut count = 0;
    let mut snippets = Vec::new();
    for r in query.matches(text, &normalized) {
        if snippets.len() < SNIPPETS {
            snippets.push(snippet(text, r));
        }
        count += 1;
    }
    DocHits { index, count, snippets }
}

/// The match with up to [`CONTEXT`] code points on each side, within its line.
fn snippet(text: &str, r: Range<usize>) -> String {
    let line_start = text[..r.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[r.end..].find('\n').map_or(text.len(), |i| r.end + i);
    let before: String =
        text[line_start..r.start].chars().rev().take(CONTEXT).collect::<Vec<_>>().into_iter().rev().collect();
    let after: String = text[r.end..line_end].chars().take(CONTEXT).collect();
    format!("…{before}{}{after}…", &text[r])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Options;

    #[test]
    fn every_document_is_searched_and_counted() {
        let dir = tempfile::tempdir().expect("tempdir");
        let texts = ["قال إن إيران ستشارك.\nوإيران دولة.\n", "لا شيء هنا.\n", "الإيرانية ليست إيران.\n"];
        let docs: Vec<DocEntry> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let rel = std::path::PathBuf::from(format!("{i}.txt"));
                std::fs::write(dir.path().join(&rel), t).expect("write");
                DocEntry { path: dir.path().join(&rel), rel }
            })
            .collect();
        let query = Query::new("ايران", Options::default()).expect("query");
        let mut search = CorpusSearch::spawn(docs, query);
        while search.poll() {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        assert_eq!(search.progress(), (3, 3));
        let counts: Vec<(usize, usize)> = search.hits.iter().map(|h| (h.index, h.count)).collect();
        assert_eq!(counts, vec![(0, 2), (2, 1)]);
        assert_eq!(search.matches(), 3);
        assert_eq!(search.hits[0].snippets[1], "…وإيران دولة.…");
    }
}
