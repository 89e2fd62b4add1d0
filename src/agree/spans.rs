//! Per-document work: each annotator's spans with label indices, the tokens every measure on
//! tokens uses, each token's label per annotator, and the span counts of one pair.

use std::collections::HashSet;
use std::ops::Range;

use crate::formats::tokenize::{split_at, tokenize};

/// A labelled byte range; `label` indexes the agreement's label names (0 is `O`, never a span).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Label index (≥ 1).
    pub label: u32,
}

impl Span {
    /// True if the two ranges share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// The units of the token measures: the text's tokens ([`tokenize`], as the CoNLL export makes
/// them) split at every entity boundary of any annotator, so that each token lies wholly
/// inside or outside each entity.
pub fn tokens(text: &str, annotators: &[Vec<Span>]) -> Vec<Range<usize>> {
    let mut cuts: Vec<usize> = annotators.iter().flatten().flat_map(|s| [s.start, s.end]).collect();
    cuts.sort_unstable();
    cuts.dedup();
    split_at(&tokenize(text), &cuts)
}

/// Each token's label under one annotator: the label of the outermost entity that covers it
/// (nested entities count once, as their outermost), `0` (O) if none.
pub fn token_labels(tokens: &[Range<usize>], spans: &[Span]) -> Vec<u32> {
    let mut out = vec![0u32; tokens.len()];
    let mut by_len: Vec<&Span> = spans.iter().collect();
    // Shortest first, so that longer (outer) entities overwrite the ones nested in them.
    by_len.sort_by_key(|s| s.end - s.start);
    for s in by_len {
        let first = tokens.partition_point(|t| t.start < s.start);
        let last = tokens.partition_point(|t| t.end <= s.end);
        for label in out.iter_mut().take(last).skip(first) {
            *label = s.label;
        }
    }
    out
}

/// Span counts of one pair in one document, per label index.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PairCounts {
    /// Spans of the first annotator (the reference), per label.
    pub a: Vec<u64>,
    /// Spans of the second, per label.
    pub b: Vec<u64>,
    /// Spans both made exactly (same range and label), per label.
    pub exact: Vec<u64>,
    /// The first's spans overlapping one of the second's with the same label, per label.
    pub partial_a: Vec<u64>,
    /// The second's spans overlapping one of the first's with the same label, per label.
    pub partial_b: Vec<u64>,
    /// `confusion[i][j]`: overlapping span pairs labelled `i` by the first and `j` by the
    /// second; row or column 0 (O) counts spans that overlap nothing of the other.
    pub confusion: Vec<Vec<u64>>,
}

impl PairCounts {
    /// Zero counts for `labels` label indices (O included).
    pub fn new(labels: usize) -> Self {
        let z = vec![0; labels];
        Self {
            a: z.clone(),
            b: z.clone(),
            exact: z.clone(),
            partial_a: z.clone(),
            partial_b: z,
            confusion: vec![vec![0; labels]; labels],
        }
    }

    /// Adds one document's spans of both annotators (each sorted by start, duplicates removed).
    pub fn add(&mut self, a: &[Span], b: &[Span]) {
        let set_b: HashSet<&Span> = b.iter().collect();
        for s in a {
            inc(&mut self.a, s.label);
            if set_b.contains(s) {
                inc(&mut self.exact, s.label);
            }
        }
        for s in b {
            inc(&mut self.b, s.label);
        }
        let mut b_hit = vec![false; b.len()];
        let mut b_same = vec![false; b.len()];
        for s in a {
            let (mut hit, mut same) = (false, false);
            // `b` is sorted by start: only spans starting before `s.end` can overlap.
            let stop = b.partition_point(|t| t.start < s.end);
            for (j, t) in b[..stop].iter().enumerate().filter(|(_, t)| t.overlaps(s)) {
                hit = true;
                b_hit[j] = true;
                if t.label == s.label {
                    same = true;
                    b_same[j] = true;
                }
                self.count(s.label, t.label);
            }
            if same {
                inc(&mut self.partial_a, s.label);
            }
            if !hit {
                self.count(s.label, 0);
            }
        }
        for (j, t) in b.iter().enumerate() {
            if b_same[j] {
                inc(&mut self.partial_b, t.label);
            }
            if !b_hit[j] {
                self.count(0, t.label);
            }
        }
    }

    fn count(&mut self, i: u32, j: u32) {
        if let Some(row) = self.confusion.get_mut(i as usize) {
            inc(row, j);
        }
    }

    /// Adds another pair's counts (of the same label indices).
    pub fn merge(&mut self, other: &PairCounts) {
        for (mine, theirs) in [
            (&mut self.a, &other.a),
            (&mut self.b, &other.b),
            (&mut self.exact, &other.exact),
            (&mut self.partial_a, &other.partial_a),
            (&mut self.partial_b, &other.partial_b),
        ] {
            mine.iter_mut().zip(theirs).for_each(|(m, t)| *m += t);
        }
        for (row, theirs) in self.confusion.iter_mut().zip(&other.confusion) {
            row.iter_mut().zip(theirs).for_each(|(m, t)| *m += t);
        }
    }
}

fn inc(counts: &mut [u64], label: u32) {
    if let Some(c) = counts.get_mut(label as usize) {
        *c += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(start: usize, end: usize, label: u32) -> Span {
        Span { start, end, label }
    }

    #[test]
    fn tokens_split_at_entity_edges_and_take_the_outer_label() {
        let text = "وزير خارجية إيران";
        let iran = text.find("إيران").unwrap_or(0);
        let a = vec![s(0, text.len(), 2), s(iran, text.len(), 3)];
        let b = vec![s(iran + 2, text.len(), 3)];
        let toks = tokens(text, &[a.clone(), b.clone()]);
        let words: Vec<&str> = toks.iter().map(|t| &text[t.clone()]).collect();
        assert_eq!(words, vec!["وزير", "خارجية", "إ", "يران"]);
        assert_eq!(token_labels(&toks, &a), vec![2, 2, 2, 2]);
        assert_eq!(token_labels(&toks, &b), vec![0, 0, 0, 3]);
    }

    #[test]
    fn pair_counts_exact_partial_and_confusion() {
        let a = vec![s(0, 4, 1), s(10, 14, 2), s(20, 24, 3)];
        let b = vec![s(0, 4, 1), s(11, 14, 2), s(30, 34, 3)];
        let mut c = PairCounts::new(4);
        c.add(&a, &b);
        assert_eq!(c.exact, vec![0, 1, 0, 0]);
        assert_eq!(c.partial_a, vec![0, 1, 1, 0]);
        assert_eq!(c.partial_b, vec![0, 1, 1, 0]);
        assert_eq!(c.confusion[1][1], 1);
        assert_eq!(c.confusion[2][2], 1);
        assert_eq!(c.confusion[3][0], 1, "a's LOC missing in b");
        assert_eq!(c.confusion[0][3], 1, "b's extra LOC");
    }
}
