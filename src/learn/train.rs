//! Training: documents → units → features (with the priors' proposals stacked on, see
//! [`super::stack`]) → the averaged perceptron.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::dict::Dictionary;
use super::features::{Features, extract_with};
use super::model::{Model, TrainInfo, clusters_for, norms};
use super::perceptron::{self, Sequence};
use super::stack;
use super::units::{Unit, sentences, units};

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

impl TrainDoc {
    /// A document with its annotations' entities (label names), `partial` unless done.
    pub fn of(text: &str, ann: &crate::model::Annotations, partial: bool) -> Self {
        let entities = ann
            .entities()
            .iter()
            .filter_map(|e| Some((e.range(), ann.labels().get(e.label)?.name.clone())))
            .collect();
        Self { text: text.to_string(), entities, partial }
    }
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
    /// Learn a split-off proclitic as outside every entity, whatever the document's
    /// convention: names are learned without them, and the corpus's convention is applied to
    /// the proposals afterwards ([`super::clitics::apply`]).
    pub clitics_outside: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self { epochs: 8, min_count: 2, clusters: true, dictionary: true, clitics_outside: true }
    }
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

fn prepare(doc: &TrainDoc, opts: &Options) -> Prepared {
    let units = units(&doc.text);
    let sentences = sentences(&units);
    let mut gold = unit_labels(&units, &doc.entities);
    if opts.clitics_outside {
        gold.iter_mut().zip(&units).filter(|(_, u)| u.clitic).for_each(|(g, _)| *g = None);
    }
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
    train_with(docs, opts, &[])
}

/// The features every prior adds to each unit of a text ([`super::stack`]).
pub(super) fn prior_features(units: &[Unit], proposals: &[Vec<stack::Proposal>]) -> Option<Vec<Vec<u64>>> {
    if proposals.is_empty() {
        return None;
    }
    let mut extra = vec![Vec::new(); units.len()];
    for (k, p) in proposals.iter().enumerate() {
        stack::add_features(&mut extra, units, p, k);
    }
    Some(extra)
}

/// A prior model and how its labels map onto the corpus's (source label, corpus label).
#[derive(Debug, Clone)]
pub struct Prior<'a> {
    /// The model.
    pub model: &'a Model,
    /// Its labels → the corpus's, where they map.
    pub map: Vec<(String, String)>,
}

/// Trains a model on `docs` with the proposals of `priors` as features; the model then
/// predicts with the same priors ([`Model::predict_with`]). The priors' mapped labels are
/// among the model's labels even before the documents use them.
pub fn train_with(docs: &[TrainDoc], opts: &Options, priors: &[Prior]) -> Model {
    let prepared: Vec<Prepared> = docs.iter().map(|d| prepare(d, opts)).collect();
    let (labels, label_ix) = label_index(docs, priors);
    let models: Vec<&Model> = priors.iter().map(|p| p.model).collect();
    let (dict, folds, firsts) = dictionaries(docs, &prepared);
    let clusters = clusters_for(opts.clusters);
    let feats: Vec<Features> = docs
        .iter()
        .zip(&prepared)
        .zip(&firsts)
        .map(|((d, p), &first)| {
            let marks = opts.dictionary.then(|| jackknife_marks(&folds, p, first));
            let proposals: Vec<_> = models.iter().map(|m| stack::proposals(m, &d.text)).collect();
            let extra = prior_features(&p.units, &proposals);
            extract_with(&d.text, &p.units, &p.norms, clusters, marks.as_deref(), extra.as_deref())
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
        priors: models.iter().map(|p| p.info.fingerprint).collect(),
        description: String::new(),
        calibration: None,
        combiner: None,
    }
}

/// The labels in order of first use (in the documents, then as the priors' targets), and
/// each one's tag (1-based; 0 is "no entity").
fn label_index(docs: &[TrainDoc], priors: &[Prior]) -> (Vec<String>, FxHashMap<String, u16>) {
    let mut labels: Vec<String> = Vec::new();
    let mut label_ix: FxHashMap<String, u16> = FxHashMap::default();
    let used = docs.iter().flat_map(|d| d.entities.iter().map(|(_, l)| l));
    for l in used.chain(priors.iter().flat_map(|p| p.map.iter().map(|(_, t)| t))) {
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
