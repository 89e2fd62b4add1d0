//! Inter-annotator agreement, pure: no window, no files (loading and matching documents is
//! [`load`]). Feed it each document's text and every annotator's annotations of it
//! ([`Agreement::add`]); [`Agreement::report`] gives, per label and overall, exact-span and
//! partial-overlap precision / recall / F1 between each pair, token-level Cohen's κ per pair,
//! Fleiss' κ and Krippendorff's α (nominal) over all annotators, and the label confusion on
//! overlapping spans. Labels are matched by name across files. The definitions (which tokens,
//! how O is counted) are in `docs/agreement.md`.

pub mod kappa;
pub mod load;
mod report;
pub mod spans;

use serde::Serialize;

use crate::model::Annotations;
pub use report::{LabelCounts, PairReport, Prf, Report};
use spans::{PairCounts, Span, token_labels, tokens};

/// The name of the "no entity" category of tokens and of the confusion matrix.
pub const OUTSIDE: &str = "O";

/// Agreement counts over the documents added so far.
#[derive(Debug, Clone)]
pub struct Agreement {
    annotators: Vec<String>,
    /// Label names; index 0 is [`OUTSIDE`].
    labels: Vec<String>,
    /// Every token's label index, per annotator, over all documents.
    ratings: Vec<Vec<u32>>,
    /// Entities per annotator per label index.
    entities: Vec<Vec<u64>>,
    /// Span counts per pair `(i, j)`, `i < j`, in [`Agreement::pairs`] order.
    pairs: Vec<PairCounts>,
    documents: usize,
}

/// Which pair of annotators (by index) a pair report is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Pair {
    /// The first (the reference of precision and recall).
    pub a: usize,
    /// The second.
    pub b: usize,
}

impl Agreement {
    /// Empty counts for these annotators (names as they should be shown).
    pub fn new(annotators: Vec<String>) -> Self {
        let n = annotators.len();
        let pairs = Self::pair_list(n).len();
        Self {
            annotators,
            labels: vec![OUTSIDE.to_string()],
            ratings: vec![Vec::new(); n],
            entities: vec![vec![0]; n],
            pairs: vec![PairCounts::new(1); pairs],
            documents: 0,
        }
    }

    /// All pairs `(i, j)` with `i < j`, in order.
    pub fn pair_list(n: usize) -> Vec<Pair> {
        (0..n).flat_map(|a| (a + 1..n).map(move |b| Pair { a, b })).collect()
    }

    /// The annotators' names.
    pub fn annotators(&self) -> &[String] {
        &self.annotators
    }

    /// Label names by index (0 is [`OUTSIDE`]), in the order they were met.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// Each annotator's label index for every token of every document added, in order: the
    /// units of κ and α.
    pub fn ratings(&self) -> &[Vec<u32>] {
        &self.ratings
    }

    /// Documents added.
    pub fn documents(&self) -> usize {
        self.documents
    }

    /// Adds one document: its text and each annotator's annotations of it (one per annotator,
    /// in the order of [`Agreement::new`]; extra or missing ones are ignored).
    pub fn add(&mut self, text: &str, anns: &[&Annotations]) {
        let spans: Vec<Vec<Span>> =
            anns.iter().take(self.annotators.len()).map(|a| self.spans_of(a)).collect();
        if spans.len() < self.annotators.len() {
            return;
        }
        let n = self.labels.len();
        let grow = |v: &mut Vec<u64>| v.resize(n, 0);
        self.entities.iter_mut().for_each(grow);
        for (counts, list) in self.entities.iter_mut().zip(&spans) {
            list.iter().for_each(|s| counts[s.label as usize] += 1);
        }
        let toks = tokens(text, &spans);
        for (ratings, list) in self.ratings.iter_mut().zip(&spans) {
            ratings.extend(token_labels(&toks, list));
        }
        for (counts, pair) in self.pairs.iter_mut().zip(Self::pair_list(spans.len())) {
            let mut doc = PairCounts::new(n);
            doc.add(&spans[pair.a], &spans[pair.b]);
            grow_pair(counts, n);
            counts.merge(&doc);
        }
        self.documents += 1;
    }

    /// One annotator's entities as spans with this agreement's label indices (labels are
    /// added by name as they are met), sorted by start, duplicates removed.
    fn spans_of(&mut self, ann: &Annotations) -> Vec<Span> {
        let mut out: Vec<Span> = Vec::with_capacity(ann.entities().len());
        let mut local: Vec<(crate::model::LabelId, u32)> = Vec::new();
        for e in ann.entities().iter() {
            let label = match local.iter().find(|(id, _)| *id == e.label) {
                Some(&(_, i)) => i,
                None => {
                    let name = ann.labels().get(e.label).map_or("?", |l| l.name.as_str());
                    let i = self.label_index(name);
                    local.push((e.label, i));
                    i
                }
            };
            out.push(Span { start: e.start, end: e.end, label });
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    fn label_index(&mut self, name: &str) -> u32 {
        let i = self.labels.iter().position(|l| l == name).unwrap_or_else(|| {
            self.labels.push(name.to_string());
            self.labels.len() - 1
        });
        u32::try_from(i).unwrap_or(u32::MAX)
    }

    /// The measures over every document added.
    pub fn report(&self) -> Report {
        report::build(self)
    }
}

/// Widens a pair's counts to `n` label indices (labels met in later documents).
fn grow_pair(c: &mut PairCounts, n: usize) {
    if c.a.len() >= n {
        return;
    }
    for v in [&mut c.a, &mut c.b, &mut c.exact, &mut c.partial_a, &mut c.partial_b] {
        v.resize(n, 0);
    }
    c.confusion.iter_mut().for_each(|row| row.resize(n, 0));
    c.confusion.resize(n, vec![0; n]);
}
