//! Training and prediction: documents → units → features → the perceptron, and back to
//! labelled byte spans with a confidence.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::Clusters;
use super::dict::Dictionary;
use super::features::{Features, extract_with};
use super::perceptron::{self, Sequence, Weights};
use super::units::{Unit, sentences, units};
use crate::search::NormalizedText;

/// A document to learn from.
#[derive(Debug, Clone, Default)]
pub struct TrainDoc {
    /// The text.
    pub text: String,
    /// Its entities: byte ranges and label names.
    pub entities: Vec<(Range<usize>, String)>,
    /// True when the rest of the text is not known to be free of entities (a document not
    /// marked done): only its sentences with an entity are learned from.
    pub partial: bool,
}

/// Training settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Passes over the data.
    pub epochs: usize,
    /// Features seen fewer times are dropped.
    pub min_count: u32,
    /// Use the word clusters.
    pub clusters: bool,
    /// Use the dictionary of tagged names (jackknifed over two folds of sentences in training).
    pub dictionary: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self { epochs: 8, min_count: 2, clusters: true, dictionary: true }
    }
}

/// A proposed entity.
#[derive(Debug, Clone, PartialEq)]
pub struct Prediction {
    /// Byte range in the text (never starting with a split-off proclitic).
    pub range: Range<usize>,
    /// Label name.
    pub label: String,
    /// Confidence 0..=1: the smallest marginal probability of the label over its units.
    pub confidence: f32,
    /// Other labels with a marginal of at least 0.1 on the first unit, most likely first.
    pub alternatives: Vec<String>,
}

/// What a model was trained on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrainInfo {
    /// Documents learned from.
    pub docs: u32,
    /// Units (tokens) learned from.
    pub tokens: u64,
    /// Fingerprint of the training data (see [`fingerprint`]).
    pub fingerprint: u64,
}

/// A trained sequence labeller.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// Label names; tag `k + 1` is label `k`.
    pub labels: Vec<String>,
    /// Feature hash → row of the weights.
    pub(super) index: FxHashMap<u64, u32>,
    /// The averaged weights.
    pub(super) weights: Weights,
    /// Tagged names of the training data.
    pub(super) dict: Dictionary,
    /// Whether the clusters are used.
    pub(super) use_clusters: bool,
    /// What it was trained on.
    pub info: TrainInfo,
}

/// Default confidence threshold of suggestions (chosen for precision on NewsFANE held-out
/// data; see BENCHMARKS.md).
pub const DEFAULT_THRESHOLD: f32 = 0.95;

/// Scale of the scores in the marginals (a temperature, chosen on NewsFANE held-out data).
pub const SCALE: f32 = 0.1;

fn no_clusters() -> &'static Clusters {
    static EMPTY: std::sync::OnceLock<Clusters> = std::sync::OnceLock::new();
    EMPTY.get_or_init(Clusters::default)
}

fn clusters_for(on: bool) -> &'static Clusters {
    if on { Clusters::shared() } else { no_clusters() }
}

/// A fingerprint of training documents (texts, entities, partial flags), to tell whether a
/// saved model is stale.
pub fn fingerprint(docs: &[TrainDoc]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    for d in docs {
        d.text.hash(&mut h);
        d.partial.hash(&mut h);
        for (r, l) in &d.entities {
            (r.start, r.end, l).hash(&mut h);
        }
    }
    h.finish()
}

/// Normalised text of each unit.
fn norms(text: &str, units: &[Unit]) -> Vec<String> {
    units.iter().map(|u| NormalizedText::new(text.get(u.range.clone()).unwrap_or("")).into_string()).collect()
}

/// Per unit, the index of the entity covering most of it.
fn unit_labels(units: &[Unit], entities: &[(Range<usize>, String)]) -> Vec<Option<usize>> {
    let mut sorted: Vec<usize> = (0..entities.len()).collect();
    sorted.sort_by_key(|&k| entities[k].0.start);
    let mut out = vec![None; units.len()];
    let mut first = 0;
    for (slot, u) in out.iter_mut().zip(units) {
        while first < sorted.len() && entities[sorted[first]].0.end <= u.range.start {
            first += 1;
        }
        let mut best = 0;
        for &k in sorted[first..].iter().take_while(|&&k| entities[k].0.start < u.range.end) {
            let r = &entities[k].0;
            let overlap = r.end.min(u.range.end).saturating_sub(r.start.max(u.range.start));
            if overlap > best {
                best = overlap;
                *slot = Some(k);
            }
        }
    }
    out
}

/// One prepared document: units, sentences, per-unit entity index.
struct Prepared {
    units: Vec<Unit>,
    sentences: Vec<Range<usize>>,
    gold: Vec<Option<usize>>,
    norms: Vec<String>,
}

fn prepare(doc: &TrainDoc) -> Prepared {
    let units = units(&doc.text);
    let sentences = sentences(&units);
    let gold = unit_labels(&units, &doc.entities);
    let norms = norms(&doc.text, &units);
    Prepared { units, sentences, gold, norms }
}

/// Adds the names tagged in `doc`'s sentences selected by `keep` to `dict`.
fn add_names(dict: &mut Dictionary, doc: &TrainDoc, p: &Prepared, keep: impl Fn(usize) -> bool) {
    for (s, range) in p.sentences.iter().enumerate().filter(|(s, _)| keep(*s)) {
        let mut i = range.start;
        while i < range.end {
            let Some(k) = p.gold[i] else {
                i += 1;
                continue;
            };
            let mut j = i;
            while j + 1 < range.end && p.gold[j + 1] == Some(k) {
                j += 1;
            }
            let start = if p.units[i].clitic && j > i { i + 1 } else { i };
            let name = p.norms[start..=j].join(" ");
            dict.add(name, &doc.entities[k].1);
            let _ = s;
            i = j + 1;
        }
    }
}

/// Dictionary marks for training: a sentence's marks come from the names of the other fold of
/// sentences, so the feature is as reliable in training as on unseen text.
fn jackknife_marks(folds: &[Dictionary; 2], p: &Prepared, first_sentence: usize) -> Vec<Option<String>> {
    let norms: Vec<&str> = p.norms.iter().map(String::as_str).collect();
    let by_fold = [folds[1].marks(&norms, &p.units), folds[0].marks(&norms, &p.units)];
    let mut out = vec![None; p.units.len()];
    for (s, range) in p.sentences.iter().enumerate() {
        let fold = (first_sentence + s) % 2;
        for i in range.clone() {
            out[i].clone_from(&by_fold[fold][i]);
        }
    }
    out
}

/// The sentences of a document that are learned from.
fn learned_sentences<'a>(doc: &'a TrainDoc, p: &'a Prepared) -> impl Iterator<Item = &'a Range<usize>> + 'a {
    p.sentences.iter().filter(move |r| !doc.partial || p.gold[(*r).clone()].iter().any(Option::is_some))
}

/// Trains a model on `docs`.
pub fn train(docs: &[TrainDoc], opts: &Options) -> Model {
    let prepared: Vec<Prepared> = docs.iter().map(prepare).collect();
    let (labels, label_ix) = label_index(docs);
    let (dict, folds, firsts) = dictionaries(docs, &prepared);
    let clusters = clusters_for(opts.clusters);
    let feats: Vec<Features> = docs
        .iter()
        .zip(&prepared)
        .zip(&firsts)
        .map(|((d, p), &first)| {
            let marks = opts.dictionary.then(|| jackknife_marks(&folds, p, first));
            extract_with(&d.text, &p.units, &p.norms, clusters, marks.as_deref())
        })
        .collect();
    let index = feature_index(docs, &prepared, &feats, opts.min_count);
    let (seqs, tokens) = sequences(docs, &prepared, &feats, &index, &label_ix);
    let weights = perceptron::train(&seqs, index.len(), labels.len() + 1, opts.epochs);
    let info = TrainInfo { docs: docs.len() as u32, tokens, fingerprint: fingerprint(docs) };
    Model {
        labels,
        index,
        weights,
        dict: if opts.dictionary { dict } else { Dictionary::default() },
        use_clusters: opts.clusters,
        info,
    }
}

/// The labels in order of first use, and each one's tag (1-based; 0 is "no entity").
fn label_index(docs: &[TrainDoc]) -> (Vec<String>, FxHashMap<String, u16>) {
    let mut labels: Vec<String> = Vec::new();
    let mut label_ix: FxHashMap<String, u16> = FxHashMap::default();
    for (_, l) in docs.iter().flat_map(|d| &d.entities) {
        if !label_ix.contains_key(l) {
            label_ix.insert(l.clone(), labels.len() as u16 + 1);
            labels.push(l.clone());
        }
    }
    (labels, label_ix)
}

/// The dictionary of every tagged name, the two jackknife halves (by sentence parity), and
/// each document's first sentence number.
fn dictionaries(docs: &[TrainDoc], prepared: &[Prepared]) -> (Dictionary, [Dictionary; 2], Vec<usize>) {
    let mut dict = Dictionary::default();
    let mut folds = [Dictionary::default(), Dictionary::default()];
    let mut firsts = Vec::with_capacity(docs.len());
    let mut n_sent = 0;
    for (d, p) in docs.iter().zip(prepared) {
        add_names(&mut dict, d, p, |_| true);
        for (f, fold) in folds.iter_mut().enumerate() {
            add_names(fold, d, p, |s| (n_sent + s) % 2 == f);
        }
        firsts.push(n_sent);
        n_sent += p.sentences.len();
    }
    (dict, folds, firsts)
}

/// Feature hash → weight row, for the features seen at least `min_count` times in the
/// sentences learned from (sorted, so the index does not depend on hash-map order).
fn feature_index(
    docs: &[TrainDoc],
    prepared: &[Prepared],
    feats: &[Features],
    min_count: u32,
) -> FxHashMap<u64, u32> {
    let mut counts: FxHashMap<u64, u32> = FxHashMap::default();
    for ((d, p), f) in docs.iter().zip(prepared).zip(feats) {
        for r in learned_sentences(d, p) {
            for &id in r.clone().flat_map(|i| f.unit(i)) {
                *counts.entry(id).or_default() += 1;
            }
        }
    }
    let mut keys: Vec<u64> = counts.into_iter().filter(|&(_, c)| c >= min_count).map(|(k, _)| k).collect();
    keys.sort_unstable();
    keys.into_iter().enumerate().map(|(i, k)| (k, i as u32)).collect()
}

/// The training sequences (one per sentence learned from) and their number of units.
fn sequences(
    docs: &[TrainDoc],
    prepared: &[Prepared],
    feats: &[Features],
    index: &FxHashMap<u64, u32>,
    label_ix: &FxHashMap<String, u16>,
) -> (Vec<Sequence>, u64) {
    let mut seqs = Vec::new();
    let mut tokens = 0u64;
    for ((d, p), f) in docs.iter().zip(prepared).zip(feats) {
        for r in learned_sentences(d, p) {
            let mut s = Sequence { offsets: vec![0], ..Sequence::default() };
            for i in r.clone() {
                s.feats.extend(f.unit(i).iter().filter_map(|id| index.get(id)));
                s.offsets.push(s.feats.len() as u32);
                let tag = p.gold[i].and_then(|k| label_ix.get(&d.entities[k].1)).copied().unwrap_or(0);
                s.gold.push(tag);
            }
            tokens += s.len() as u64;
            seqs.push(s);
        }
    }
    (seqs, tokens)
}

impl Model {
    /// Entities proposed for `text`, in reading order, with their confidence.
    pub fn predict(&self, text: &str) -> Vec<Prediction> {
        let units = units(text);
        let norms = norms(text, &units);
        let refs: Vec<&str> = norms.iter().map(String::as_str).collect();
        let marks = (!self.dict.is_empty()).then(|| self.dict.marks(&refs, &units));
        let feats = extract_with(text, &units, &norms, clusters_for(self.use_clusters), marks.as_deref());
        let mut out = Vec::new();
        for r in sentences(&units) {
            let rows = r.clone().map(|i| feats.unit(i).iter().filter_map(|id| self.index.get(id).copied()));
            let emit = self.weights.scores(rows);
            let tags = self.weights.viterbi(&emit);
            if tags.iter().all(|&t| t == 0) {
                continue;
            }
            let marg = self.weights.marginals(&emit, SCALE);
            self.spans(&units[r.clone()], &tags, &marg, &mut out);
        }
        out
    }

    /// Turns runs of one tag into predictions.
    fn spans(&self, units: &[Unit], tags: &[u16], marg: &[f32], out: &mut Vec<Prediction>) {
        let t = self.weights.tags;
        let mut i = 0;
        while i < tags.len() {
            let tag = tags[i];
            if tag == 0 {
                i += 1;
                continue;
            }
            let mut j = i;
            while j + 1 < tags.len() && tags[j + 1] == tag {
                j += 1;
            }
            let first = if units[i].clitic && j > i { i + 1 } else { i };
            let conf = (first..=j).map(|k| marg[k * t + tag as usize]).fold(1.0f32, f32::min);
            let mut alts: Vec<(f32, usize)> = (1..t)
                .filter(|&c| c != tag as usize)
                .map(|c| (marg[first * t + c], c))
                .filter(|a| a.0 >= 0.1)
                .collect();
            alts.sort_by(|a, b| b.0.total_cmp(&a.0));
            let name = |c: usize| self.labels.get(c.wrapping_sub(1)).cloned().unwrap_or_default();
            if !units[first].clitic {
                out.push(Prediction {
                    range: units[first].range.start..units[j].range.end,
                    label: name(tag as usize),
                    confidence: conf.clamp(0.0, 1.0),
                    alternatives: alts.into_iter().map(|(_, c)| name(c)).collect(),
                });
            }
            i = j + 1;
        }
    }
}
