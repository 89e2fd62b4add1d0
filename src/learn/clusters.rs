//! Word clusters learned from unlabelled text: words that occur between the same neighbours
//! get the same bit string, so a name never seen tagged still looks like the names that were.
//!
//! The clusters are made by recursive spherical 2-means bisection (depth [`DEPTH`]) of each
//! frequent word's context vector (counts of the [`CONTEXT`] most frequent words right before
//! and right after it), so prefixes of a bit string are coarser clusters, as in Brown
//! clustering. `data/clusters.tsv` is made from `../shared/corpus/newsfane-text` by
//! `scripts/clusters.sh` (`hashiya clusters FILE… -o data/clusters.tsv`) and built into the
//! program; its lines are `BITS<TAB>WORD` with normalised words.

use rustc_hash::FxHashMap;

use crate::formats::tokenize::tokenize;
use crate::search::NormalizedText;

/// Depth of the bisection: at most 2^DEPTH clusters.
pub const DEPTH: usize = 8;
/// Context words per side.
pub const CONTEXT: usize = 300;
/// Words clustered: those seen at least this often.
pub const MIN_COUNT: u32 = 3;

/// Normalised word → bit string.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Clusters {
    map: FxHashMap<String, String>,
}

impl Clusters {
    /// The clusters built into the program (`data/clusters.tsv`).
    pub fn builtin() -> Self {
        Self::parse(include_str!("../../data/clusters.tsv"))
    }

    /// The built-in clusters, parsed once per process.
    pub fn shared() -> &'static Self {
        static SHARED: std::sync::OnceLock<Clusters> = std::sync::OnceLock::new();
        SHARED.get_or_init(Self::builtin)
    }

    /// Reads `BITS<TAB>WORD` lines (others are ignored).
    pub fn parse(tsv: &str) -> Self {
        let map = tsv
            .lines()
            .filter_map(|l| l.split_once('\t'))
            .map(|(bits, word)| (word.to_string(), bits.to_string()))
            .collect();
        Self { map }
    }

    /// The bit string of a normalised word.
    pub fn get(&self, norm: &str) -> Option<&str> {
        self.map.get(norm).map(String::as_str)
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when there are no words.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// `BITS<TAB>WORD` lines sorted by bits then word.
    pub fn to_tsv(&self) -> String {
        let mut rows: Vec<(&String, &String)> = self.map.iter().map(|(w, b)| (b, w)).collect();
        rows.sort();
        rows.into_iter().map(|(b, w)| format!("{b}\t{w}\n")).collect()
    }

    /// Learns clusters from unlabelled texts.
    pub fn learn<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
        let mut ids: FxHashMap<String, u32> = FxHashMap::default();
        let mut counts: Vec<u32> = Vec::new();
        let mut seqs: Vec<Vec<u32>> = Vec::new();
        for text in texts {
            for line in text.lines() {
                let norm = NormalizedText::new(line).into_string();
                let seq = tokenize(&norm)
                    .into_iter()
                    .map(|r| {
                        let w = norm.get(r).unwrap_or("").to_string();
                        let next = ids.len() as u32;
                        let id = *ids.entry(w).or_insert(next);
                        if id as usize == counts.len() {
                            counts.push(0);
                        }
                        counts[id as usize] += 1;
                        id
                    })
                    .collect();
                seqs.push(seq);
            }
        }
        let vectors = context_vectors(&seqs, &counts);
        let mut words: Vec<(String, u32)> = ids.into_iter().collect();
        words.sort_by_key(|(_, id)| *id);
        let mut bits = vec![String::new(); words.len()];
        let members: Vec<u32> =
            (0..words.len() as u32).filter(|&i| counts[i as usize] >= MIN_COUNT).collect();
        bisect(&vectors, members, &mut bits, 0);
        let map = words
            .into_iter()
            .filter(|(_, id)| counts[*id as usize] >= MIN_COUNT)
            .map(|(w, id)| (w, std::mem::take(&mut bits[id as usize])))
            .collect();
        Self { map }
    }
}

/// Sparse unit-length context vectors: (dimension, value) sorted by dimension.
type Sparse = Vec<(u32, f32)>;

fn context_vectors(seqs: &[Vec<u32>], counts: &[u32]) -> Vec<Sparse> {
    let mut by_freq: Vec<u32> = (0..counts.len() as u32).collect();
    by_freq.sort_by_key(|&i| std::cmp::Reverse(counts[i as usize]));
    let mut dim = vec![u32::MAX; counts.len()];
    for (d, &w) in by_freq.iter().take(CONTEXT).enumerate() {
        dim[w as usize] = d as u32;
    }
    let mut acc: Vec<FxHashMap<u32, f32>> = vec![FxHashMap::default(); counts.len()];
    for seq in seqs {
        for (i, &w) in seq.iter().enumerate() {
            let left = i.checked_sub(1).and_then(|j| seq.get(j)).map(|&p| dim[p as usize]);
            let right = seq.get(i + 1).map(|&n| dim[n as usize]);
            if let Some(d) = left.filter(|&d| d != u32::MAX) {
                *acc[w as usize].entry(d).or_default() += 1.0;
            }
            if let Some(d) = right.filter(|&d| d != u32::MAX) {
                *acc[w as usize].entry(CONTEXT as u32 + d).or_default() += 1.0;
            }
        }
    }
    acc.into_iter()
        .map(|m| {
            let mut v: Sparse = m.into_iter().map(|(d, c)| (d, c.sqrt())).collect();
            v.sort_by_key(|e| e.0);
            let norm = v.iter().map(|e| e.1 * e.1).sum::<f32>().sqrt().max(1e-6);
            v.iter_mut().for_each(|e| e.1 /= norm);
            v
        })
        .collect()
}

fn dot(v: &Sparse, c: &[f32]) -> f32 {
    v.iter().map(|&(d, x)| x * c.get(d as usize).copied().unwrap_or(0.0)).sum()
}

fn centroid(vectors: &[Sparse], members: &[u32]) -> Vec<f32> {
    let mut c = vec![0.0f32; 2 * CONTEXT];
    for &m in members {
        for &(d, x) in &vectors[m as usize] {
            c[d as usize] += x;
        }
    }
    let n = c.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-6);
    c.iter_mut().for_each(|x| *x /= n);
    c
}

/// Splits `members` in two by spherical 2-means, appends 0/1 to their bits, and recurses.
fn bisect(vectors: &[Sparse], members: Vec<u32>, bits: &mut [String], depth: usize) {
    if depth == DEPTH || members.len() < 2 {
        return;
    }
    // Seeds: the member most like the whole group (a typical one), and the member least
    // like that one (words without any frequent neighbour have empty vectors and are never
    // seeds).
    let all = centroid(vectors, &members);
    let nonempty = || members.iter().copied().filter(|&m| !vectors[m as usize].is_empty());
    let sim = |m: u32, c: &[f32]| dot(&vectors[m as usize], c);
    let Some(typical) = nonempty().max_by(|&a, &b| sim(a, &all).total_cmp(&sim(b, &all))) else { return };
    let c0 = centroid(vectors, &[typical]);
    let Some(other) = nonempty().min_by(|&a, &b| sim(a, &c0).total_cmp(&sim(b, &c0))) else { return };
    let mut cs = [c0, centroid(vectors, &[other])];
    let mut side = vec![false; members.len()];
    for _ in 0..8 {
        for (s, &m) in side.iter_mut().zip(&members) {
            let v = &vectors[m as usize];
            *s = dot(v, &cs[1]) > dot(v, &cs[0]);
        }
        let pick = |want: bool| -> Vec<u32> {
            members.iter().zip(&side).filter(|(_, s)| **s == want).map(|(m, _)| *m).collect()
        };
        let (a, b) = (pick(false), pick(true));
        if a.is_empty() || b.is_empty() {
            break;
        }
        cs = [centroid(vectors, &a), centroid(vectors, &b)];
    }
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for (&m, &s) in members.iter().zip(&side) {
        bits[m as usize].push(if s { '1' } else { '0' });
        if s { b.push(m) } else { a.push(m) }
    }
    bisect(vectors, a, bits, depth + 1);
    bisect(vectors, b, bits, depth + 1);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_the_same_contexts_share_a_cluster() {
        let mut text = String::new();
        for city in ["بغداد", "دمشق", "القاهره", "عمان"] {
            for _ in 0..5 {
                text.push_str(&format!("وصل الوزير الى {city} امس\n"));
            }
        }
        for verb in ["قال", "اكد", "اعلن"] {
            for _ in 0..5 {
                text.push_str(&format!("{verb} الرئيس ان الوضع جيد\n"));
            }
        }
        let c = Clusters::learn([text.as_str()]);
        // Length of the common prefix of two words' bit strings: how deep they stay together.
        let shared = |a: &str, b: &str| {
            let (a, b) = (c.get(a).unwrap_or("?"), c.get(b).unwrap_or("!"));
            a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
        };
        assert!(shared("بغداد", "دمشق") > shared("بغداد", "قال"), "{:?}", c.to_tsv());
        assert!(shared("قال", "اعلن") > shared("قال", "دمشق"), "{:?}", c.to_tsv());
        let back = Clusters::parse(&c.to_tsv());
        assert_eq!(back, c);
    }
}
