//! Features of labelling units, hashed to `u64` (template number mixed with the value's text).
//!
//! Per unit: the normalised word ([`crate::search::NormalizedText`] folding), its stem with
//! every proclitic stripped (the article too), 1–3-letter prefixes and suffixes of the stem,
//! the shape (digits, Latin, punctuation, length), whether a proclitic was split off, the
//! words and stems ±2 around it, word bigrams, the word cluster of the unit and its neighbours
//! ([`super::Clusters`]), 2-letter prefixes and suffixes of the stems ±1, cluster bigrams, and
//! membership in the dictionary of tagged names ([`super::Dictionary`]).

use std::hash::{Hash, Hasher};

use rustc_hash::FxHasher;

use super::Clusters;
use super::dict::Dictionary;
use super::units::Unit;
use crate::search::{NormalizedText, split_proclitics};

/// The features of every unit of a text, flattened.
#[derive(Debug, Clone, Default)]
pub struct Features {
    /// Feature hashes of every unit, one after the other.
    pub ids: Vec<u64>,
    /// `ids[offsets[i]..offsets[i + 1]]` are unit `i`'s.
    pub offsets: Vec<u32>,
}

impl Features {
    /// Number of units.
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// True when there are no units.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Unit `i`'s feature hashes.
    pub fn unit(&self, i: usize) -> &[u64] {
        let (a, b) = (self.offsets.get(i).copied(), self.offsets.get(i + 1).copied());
        match (a, b) {
            (Some(a), Some(b)) => self.ids.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// Hash of a template number and a value.
fn h(template: u8, value: &str) -> u64 {
    let mut s = FxHasher::default();
    template.hash(&mut s);
    value.hash(&mut s);
    // FxHasher mixes little on its last step: finish with a 64-bit multiply-xorshift.
    let x = s.finish().wrapping_mul(0x9E37_79B9_7F4A_7C15);
    x ^ (x >> 29)
}

/// Hash of a template number and a value, for feature templates defined in other modules
/// (templates 60 and up).
pub(super) fn hash(template: u8, value: &str) -> u64 {
    h(template, value)
}

/// Hash of a template number and two values (a bigram), without building the pair.
fn h2(template: u8, a: &str, b: &str) -> u64 {
    let mut s = FxHasher::default();
    template.hash(&mut s);
    a.hash(&mut s);
    b.hash(&mut s);
    let x = s.finish().wrapping_mul(0x9E37_79B9_7F4A_7C15);
    x ^ (x >> 29)
}

/// What the features need of one unit, computed once.
struct Word {
    norm: String,
    stem: String,
    shape: &'static str,
}

fn shape(s: &str) -> &'static str {
    let mut digit = false;
    let mut latin = false;
    let mut arabic = false;
    let mut other = false;
    // Range checks first: the Unicode property tables are slow and most letters are Arabic.
    for c in s.chars() {
        if c.is_ascii_digit()
            || ('\u{0660}'..='\u{0669}').contains(&c)
            || ('\u{06F0}'..='\u{06F9}').contains(&c)
        {
            digit = true;
        } else if c.is_ascii_alphabetic() {
            latin = true;
        } else if ('\u{0621}'..='\u{064A}').contains(&c) || ('\u{0671}'..='\u{06D3}').contains(&c) {
            arabic = true;
        } else if c.is_numeric() {
            digit = true;
        } else {
            other = true;
        }
    }
    match (digit, latin, arabic, other) {
        (true, false, false, _) => "9",
        (false, true, false, false) => "a",
        (false, false, true, false) => "ع",
        (false, false, false, true) => ".",
        (true, _, _, _) => "9x",
        _ => "x",
    }
}

fn word(text: &str, norm: String) -> Word {
    let (_, stem) = split_proclitics(&norm);
    let stem = stem.to_string();
    Word { shape: shape(text), norm, stem }
}

fn edge(s: &str, n: usize, front: bool) -> Option<&str> {
    let count = s.chars().count();
    if count <= n {
        return None;
    }
    if front {
        s.char_indices().nth(n).map(|(i, _)| &s[..i])
    } else {
        s.char_indices().nth(count - n).map(|(i, _)| &s[i..])
    }
}

/// Extracts the features of `units` of `text`, with dictionary marks from `dict`.
pub fn extract(text: &str, units: &[Unit], clusters: &Clusters, dict: Option<&Dictionary>) -> Features {
    let norms: Vec<String> = units
        .iter()
        .map(|u| NormalizedText::new(text.get(u.range.clone()).unwrap_or("")).into_string())
        .collect();
    let refs: Vec<&str> = norms.iter().map(String::as_str).collect();
    let marks = dict.map(|d| d.marks(&refs, units));
    extract_with(text, units, &norms, clusters, marks.as_deref(), None)
}

/// Extracts the features of `units` of `text`, with dictionary marks given per unit.
pub fn extract_with(
    text: &str,
    units: &[Unit],
    norms: &[String],
    clusters: &Clusters,
    marks: Option<&[Option<String>]>,
    extra: Option<&[Vec<u64>]>,
) -> Features {
    let words: Vec<Word> = units
        .iter()
        .zip(norms)
        .map(|(u, n)| word(text.get(u.range.clone()).unwrap_or(""), n.clone()))
        .collect();
    let mut out =
        Features { ids: Vec::with_capacity(units.len() * 40), offsets: Vec::with_capacity(units.len() + 1) };
    out.offsets.push(0);
    for i in 0..units.len() {
        unit_features(&mut out.ids, &words, units, i, clusters);
        context_features(&mut out.ids, &words, units, i, clusters);
        if let Some(Some(mark)) = marks.and_then(|m| m.get(i)) {
            out.ids.push(h(40, mark));
            out.ids.push(h(41, mark.split(':').next().unwrap_or("")));
        }
        if let Some(more) = extra.and_then(|e| e.get(i)) {
            out.ids.extend_from_slice(more);
        }
        out.offsets.push(u32::try_from(out.ids.len()).unwrap_or(u32::MAX));
    }
    out
}

/// Context conjunctions (issue 12 measurements, NewsFANE F1 0.522 → 0.531): the 2-letter
/// prefix and suffix of the stems ±1, and the 6-bit cluster prefixes of the previous and next
/// word each paired with this word's.
fn context_features(ids: &mut Vec<u64>, words: &[Word], units: &[Unit], i: usize, clusters: &Clusters) {
    let Some(w) = words.get(i) else { return };
    let p = neighbour(words, units, i, -1);
    let n = neighbour(words, units, i, 1);
    for (t, x) in [(42u8, p), (44, n)] {
        let Some(x) = x else { continue };
        if let Some(a) = edge(&x.stem, 2, true) {
            ids.push(h(t, a));
        }
        if let Some(b) = edge(&x.stem, 2, false) {
            ids.push(h(t + 1, b));
        }
    }
    let c = |x: Option<&Word>| {
        x.and_then(|x| clusters.get(&x.norm)).map_or("-", |c| c.get(..6.min(c.len())).unwrap_or(c))
    };
    ids.push(h2(52, c(p), c(Some(w))));
    ids.push(h2(53, c(Some(w)), c(n)));
}

/// The neighbour's word at offset `d` within the sentence, or a boundary marker.
fn neighbour<'a>(words: &'a [Word], units: &[Unit], i: usize, d: isize) -> Option<&'a Word> {
    let j = i.checked_add_signed(d)?;
    let (lo, hi) = (i.min(j), i.max(j));
    // Crossing a sentence start (of any unit after the lower one) leaves the sentence.
    if units.get(lo + 1..=hi)?.iter().any(|u| u.sentence_start) {
        return None;
    }
    words.get(j)
}

fn unit_features(ids: &mut Vec<u64>, words: &[Word], units: &[Unit], i: usize, clusters: &Clusters) {
    let (Some(w), Some(u)) = (words.get(i), units.get(i)) else { return };
    ids.push(h(0, ""));
    ids.push(h(1, &w.norm));
    ids.push(h(2, &w.stem));
    for n in 1..=3 {
        if let Some(p) = edge(&w.stem, n, true) {
            ids.push(h(2 + n as u8, p));
        }
        if let Some(s) = edge(&w.stem, n, false) {
            ids.push(h(5 + n as u8, s));
        }
    }
    let len = w.stem.chars().count().min(8).to_string();
    ids.push(h(9, w.shape));
    ids.push(h(10, &len));
    ids.push(h(
        11,
        if u.clitic {
            "c"
        } else if u.after_clitic {
            "a"
        } else {
            "-"
        },
    ));
    ids.push(h(12, if w.norm != w.stem { "art" } else { "-" }));
    for (k, d) in [-2isize, -1, 1, 2].into_iter().enumerate() {
        let t = 13 + 3 * k as u8;
        match neighbour(words, units, i, d) {
            Some(n) => {
                ids.push(h(t, &n.norm));
                ids.push(h(t + 1, &n.stem));
                if let Some(c) = clusters.get(&n.norm) {
                    ids.push(h(t + 2, c));
                }
            }
            None => ids.push(h(t, if d < 0 { "<s>" } else { "</s>" })),
        }
    }
    let prev = neighbour(words, units, i, -1).map_or("<s>", |n| n.norm.as_str());
    let next = neighbour(words, units, i, 1).map_or("</s>", |n| n.norm.as_str());
    ids.push(h2(25, prev, &w.norm));
    ids.push(h2(26, &w.norm, next));
    if let Some(c) = clusters.get(&w.norm) {
        for (t, n) in [(27u8, 4usize), (28, 8), (29, 12), (30, usize::MAX)] {
            ids.push(h(t, c.get(..n.min(c.len())).unwrap_or(c)));
        }
    } else if let Some(c) = clusters.get(&w.stem) {
        ids.push(h(31, c));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_edges() {
        assert_eq!(shape("2023"), "9");
        assert_eq!(shape("IRENA"), "a");
        assert_eq!(shape("إيران"), "ع");
        assert_eq!(shape("،"), ".");
        assert_eq!(edge("إيران", 2, true), Some("إي"));
        assert_eq!(edge("إيران", 3, false), Some("ران"));
        assert_eq!(edge("في", 2, true), None);
    }

    #[test]
    fn same_word_same_features_and_context_matters() {
        let t = "زار إيران. زار إيران";
        let u = super::super::units::units(t);
        let f = extract(t, &u, &Clusters::default(), None);
        assert_eq!(f.len(), 5);
        assert_eq!(f.unit(1)[..5], f.unit(4)[..5], "word features equal");
        assert_ne!(f.unit(1), f.unit(3), "different words");
    }
}
