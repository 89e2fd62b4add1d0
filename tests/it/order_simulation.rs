//! Which document next (issue 20), by simulation on NewsFANE (with `HASHIYA_SHARED`; 10 to
//! 25 minutes optimised on the shared 2-core machine, hours in a debug build, so `#[ignore]`d —
//! BENCHMARKS.md has the table):
//!
//! ```text
//! HASHIYA_SHARED=../shared cargo test --release --test it order_simulation -- --ignored --nocapture
//! ```
//!
//! (`CARGO_PROFILE_DEV_OPT_LEVEL=2 cargo test --test it order_simulation -- --ignored
//! --nocapture` is as fast and reuses the debug build's dependencies, which the dev profile
//! already optimises.)
//!
//! NewsFANE, its fine types folded into the starter's nine, is cut into 25-sentence documents:
//! the first 30 % train a starter (as `scripts/starter.sh` trains the built-in one, which saw
//! all of NewsFANE and so cannot be used here), the next 50 % are the pool a simulated
//! annotator works through, the last 20 % are held out. The annotator does the pool's
//! documents one at a time (each done with its gold entities) in file order, in a seeded
//! random order, or the layer's most uncertain first ([`hashiya::learn::order`]; the score per
//! 100 words, and its total for comparison), and the corpus's layer is rebuilt as the window
//! builds it (the starter, the model trained on the done documents with the starter as prior,
//! calibrated and combined; the dictionary of the tagged forms) every [`BATCH`] documents.
//! The combined layer's F1 at the default threshold on the held-out part is printed after
//! 0, 5, 10, 20, 40, 60 and 80 documents, for three rotations of the corpus (each puts other
//! documents in the starter, the pool and the held-out part) and their mean.
//!
//! Asserted (robust at every rotation): the score ranks the pool's documents by the starter
//! layer's real wrong decisions (Spearman's rho > 0.2), every order learns (F1 after 80 above
//! F1 at 0); and on the mean of the rotations, uncertain first is not behind random order over
//! the first 40 documents (the feature's claim; the margin measured was 0.017).

use std::path::PathBuf;
use std::time::Instant;

use hashiya::corpus::suggest::{Annotated, dictionary_of};
use hashiya::corpus::{Clitics, LabelMap, LearnSettings};
use hashiya::learn::build::{CorpusLayer, measured_starter, train_for};
use hashiya::learn::corpus::{Freshness, train_calibrated};
use hashiya::learn::crossval::{CvSources, chunks};
use hashiya::learn::eval::{Counts, Scores};
use hashiya::learn::layer::{DEFAULT_MIN_CONFIDENCE, Layer};
use hashiya::learn::mapping::{Mapping, read_map_file, relabel};
use hashiya::learn::order::{Uncertainty, uncertainty};
use hashiya::learn::setup::{ConventionOrigin, Setup, starter_confusion};
use hashiya::learn::{Model, Options, TrainDoc};

/// Documents done between two retrainings.
const BATCH: usize = 5;

/// Documents done at which the held-out F1 is measured.
const CHECKPOINTS: [usize; 7] = [0, 5, 10, 20, 40, 60, 80];

/// How the annotator picks the next documents.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Strategy {
    File,
    Random(u64),
    /// The highest expected wrong decisions per 100 words first (what Hashiya ships).
    PerWords,
    /// The highest expected wrong decisions first, whatever the length.
    Total,
}

impl Strategy {
    fn name(self) -> String {
        match self {
            Self::File => "file order".into(),
            Self::Random(seed) => format!("random (seed {seed})"),
            Self::PerWords => "uncertain first (per 100 words)".into(),
            Self::Total => "uncertain first (total)".into(),
        }
    }
}

/// The starter, the pool and the held-out documents, and the corpus's labels.
struct Sim {
    starter: &'static Model,
    labels: Vec<String>,
    pool: Vec<TrainDoc>,
    test: Vec<TrainDoc>,
}

impl Sim {
    /// The corpus's layer with `done` done, built as the window builds it.
    fn layer(&self, done: &[TrainDoc]) -> CorpusLayer {
        layer_of(self.starter, &self.labels, done)
    }

    /// The layer's F1 on the held-out documents at the default threshold.
    fn f1(&self, built: &CorpusLayer) -> f64 {
        held_out(&built.layer(), &self.test, DEFAULT_MIN_CONFIDENCE).f1()
    }

    /// The next `n` of `left` (pool indices) for `strategy`, removed from `left`.
    fn pick(&self, strategy: Strategy, built: &CorpusLayer, left: &mut Vec<usize>, n: usize) -> Vec<usize> {
        let n = n.min(left.len());
        if matches!(strategy, Strategy::PerWords | Strategy::Total) {
            let layer = built.layer();
            let key = |u: &Uncertainty| if strategy == Strategy::Total { u.expected } else { u.score() };
            let mut scored: Vec<(usize, f32)> =
                left.iter().map(|&i| (i, key(&uncertainty(&layer, &self.pool[i].text)))).collect();
            scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            let chosen: Vec<usize> = scored[..n].iter().map(|s| s.0).collect();
            left.retain(|i| !chosen.contains(i));
            return chosen;
        }
        left.drain(..n).collect()
    }

    /// F1 at each checkpoint for `strategy`, and the seconds it took.
    fn run(&self, strategy: Strategy) -> (Vec<f64>, f64) {
        let t0 = Instant::now();
        let mut left: Vec<usize> = (0..self.pool.len()).collect();
        if let Strategy::Random(seed) = strategy {
            shuffle(&mut left, seed);
        }
        let mut done: Vec<TrainDoc> = Vec::new();
        let mut built = self.layer(&done);
        let mut out = Vec::new();
        let last = CHECKPOINTS[CHECKPOINTS.len() - 1];
        loop {
            if CHECKPOINTS.contains(&done.len()) {
                out.push(self.f1(&built));
            }
            if done.len() >= last || left.is_empty() {
                break;
            }
            let picked = self.pick(strategy, &built, &mut left, BATCH);
            done.extend(picked.into_iter().map(|i| self.pool[i].clone()));
            // File and random order need the layer only where it is measured.
            let needed = matches!(strategy, Strategy::PerWords | Strategy::Total);
            if needed || CHECKPOINTS.contains(&done.len()) {
                built = self.layer(&done);
            }
        }
        (out, t0.elapsed().as_secs_f64())
    }
}

/// A corpus's layer with `done` done and `starter` as its starter, built as the window
/// builds it (the model trained with the starter as prior, calibrated and combined by
/// cross-validation; the dictionary of the tagged forms; the starter's mapping corrected and
/// its calibration measured on the done documents).
pub(crate) fn layer_of(starter: &'static Model, labels: &[String], done: &[TrainDoc]) -> CorpusLayer {
    let learned = starter_confusion(starter, done).corrections();
    let setup = Setup {
        root: PathBuf::from("/nonexistent/simulation"),
        labels: labels.to_vec(),
        settings: LearnSettings::default(),
        train_docs: done.to_vec(),
        clitics: (Clitics::Include, ConventionOrigin::Setting),
        starter: Some(starter),
        starter_map: Mapping::new(&starter.labels, labels, &LabelMap::new(), &learned),
        priors: Vec::new(),
        warnings: Vec::new(),
    };
    let model = done
        .iter()
        .any(|d| !d.entities.is_empty())
        .then(|| (train_for(&setup, &Options::default(), None), Freshness::Trained));
    let annotated: Vec<Annotated> =
        done.iter().map(|d| Annotated { text: d.text.clone(), entities: d.entities.clone() }).collect();
    let dictionary = dictionary_of(&annotated).ok().filter(|d| !d.gazetteer.is_empty());
    let starter_calibration = measured_starter(&setup);
    CorpusLayer { setup, model, dictionary, gazetteer: None, starter_calibration }
}

/// Exact-span counts of `layer`'s suggestions at least `min` sure on `test`.
pub(crate) fn held_out(layer: &Layer, test: &[TrainDoc], min: f32) -> Counts {
    let mut scores = Scores::default();
    for d in test {
        let kept: Vec<_> = layer
            .propose(&d.text)
            .into_iter()
            .filter(|c| c.confidence >= min)
            .map(|c| (c.range, c.label))
            .collect();
        scores.add(&d.entities, &kept);
    }
    scores.total
}

/// NewsFANE's documents of 25 sentences split as a rotation is: a starter trained on the
/// first 30 %, the pool (the next 50 %) and the held-out rest.
pub(crate) fn split(docs: &[TrainDoc]) -> (&'static Model, Vec<TrainDoc>, Vec<TrainDoc>) {
    let n = docs.len();
    let (s, rest) = docs.split_at(n * 3 / 10);
    let (pool, test) = rest.split_at(n * 8 / 10 - s.len());
    let none = CvSources { priors: &[], starter: None, gazetteer: None, clitics: Clitics::Include };
    let starter: &'static Model = Box::leak(Box::new(train_calibrated(s, &Options::default(), &none)));
    (starter, pool.to_vec(), test.to_vec())
}

/// NewsFANE in documents of 25 sentences, its types folded into the starter's (`None`: the
/// test is skipped, said by [`crate::fixtures::shared`]).
pub(crate) fn newsfane_documents(test: &str) -> Option<Vec<TrainDoc>> {
    const CORPUS: &str = "ner/newsfane/NewsFANE_Gold_2014_170K.txt";
    let shared = crate::fixtures::shared(test, &[CORPUS])?;
    let types = read_map_file(&crate::fixtures::repo("data/starter/newsfane-types.tsv")).expect("types");
    Some(chunks(&relabel(&[crate::starter_quality::newsfane(&shared)], &types), 25))
}

/// A seeded Fisher–Yates shuffle (xorshift64*).
fn shuffle(v: &mut [usize], seed: u64) {
    let mut s = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    for i in (1..v.len()).rev() {
        s ^= s >> 12;
        s ^= s << 25;
        s ^= s >> 27;
        let r = s.wrapping_mul(0x2545_f491_4f6c_dd1d);
        v.swap(i, (r % (i as u64 + 1)) as usize);
    }
}

/// Spearman's rank correlation of two equally long samples (ties ranked in order).
fn spearman(a: &[f64], b: &[f64]) -> f64 {
    let rank = |x: &[f64]| {
        let mut idx: Vec<usize> = (0..x.len()).collect();
        idx.sort_by(|&i, &j| x[i].total_cmp(&x[j]));
        let mut r = vec![0.0; x.len()];
        for (k, &i) in idx.iter().enumerate() {
            r[i] = k as f64;
        }
        r
    };
    let (ra, rb) = (rank(a), rank(b));
    let n = a.len() as f64;
    let d2: f64 = ra.iter().zip(&rb).map(|(x, y)| (x - y).powi(2)).sum();
    1.0 - 6.0 * d2 / (n * (n * n - 1.0))
}

/// Per pool document: the score of the layer `built`, and its real wrong decisions per 100
/// words (false positives and false negatives at the default threshold).
fn score_against_errors(sim: &Sim, built: &CorpusLayer) -> (Vec<f64>, Vec<f64>) {
    let layer = built.layer();
    sim.pool
        .iter()
        .map(|d| {
            let c = held_out(&layer, std::slice::from_ref(d), DEFAULT_MIN_CONFIDENCE);
            let words = d.text.split_whitespace().count().max(1) as f64;
            let wrong = 100.0 * (c.fp + c.fn_) as f64 / words;
            (f64::from(uncertainty(&layer, &d.text).score()), wrong)
        })
        .unzip()
}

/// Runs every strategy on `docs` (a rotation of NewsFANE's documents): the starter on the
/// first 30 %, the pool the next 50 %, the held-out the last 20 %. Returns per strategy the
/// F1 at each checkpoint, and the score's rank correlation with the starter's real errors.
fn rotation(docs: &[TrainDoc]) -> (Vec<(Strategy, Vec<f64>)>, f64) {
    let (starter, pool, test) = split(docs);
    let sim = Sim { starter, labels: starter.labels.clone(), pool, test };
    println!(
        "starter {}, pool {}, held out {} documents",
        docs.len() - sim.pool.len() - sim.test.len(),
        sim.pool.len(),
        sim.test.len()
    );
    let (score, wrong) = score_against_errors(&sim, &sim.layer(&[]));
    let rho = spearman(&score, &wrong);
    println!(
        "  the starter's layer: Spearman's rho of the score and the real wrong decisions per 100 words: {rho:.3}"
    );
    let header: Vec<String> = CHECKPOINTS.iter().map(|c| format!("{c:>6}")).collect();
    println!("  {:<34} {} | seconds", "held-out F1 after N documents", header.join(" "));
    let mut table = Vec::new();
    for strategy in STRATEGIES {
        let (f1s, secs) = sim.run(strategy);
        println!("  {:<34} {} | {secs:.0}", strategy.name(), cells(&f1s));
        table.push((strategy, f1s));
    }
    (table, rho)
}

fn cells(f1s: &[f64]) -> String {
    f1s.iter().map(|f| format!("{f:>6.3}")).collect::<Vec<_>>().join(" ")
}

/// The mean of the rows of `strategies` in `tables`, per checkpoint.
fn mean(tables: &[Vec<(Strategy, Vec<f64>)>], keep: impl Fn(Strategy) -> bool) -> Vec<f64> {
    let rows: Vec<&Vec<f64>> = tables.iter().flatten().filter(|(s, _)| keep(*s)).map(|(_, r)| r).collect();
    (0..CHECKPOINTS.len())
        .map(|k| rows.iter().map(|r| r[k]).sum::<f64>() / rows.len().max(1) as f64)
        .collect()
}

const STRATEGIES: [Strategy; 8] = [
    Strategy::File,
    Strategy::Random(1),
    Strategy::Random(2),
    Strategy::Random(3),
    Strategy::Random(4),
    Strategy::Random(5),
    Strategy::PerWords,
    Strategy::Total,
];

#[test]
#[ignore = "about ten minutes in a release build; see the module's documentation"]
fn order_simulation() {
    let Some(docs) = newsfane_documents("order_simulation") else { return };
    let n = docs.len();
    println!("NewsFANE: {n} documents of 25 sentences; retrained every {BATCH} documents");
    let mut tables = Vec::new();
    for r in 0..ROTATIONS {
        let mut rotated = docs.clone();
        rotated.rotate_left(n * r / ROTATIONS);
        println!("rotation {r} (documents from {} on):", n * r / ROTATIONS);
        let (table, rho) = rotation(&rotated);
        assert!(rho > 0.2, "the score ranks the documents by the layer's real errors (rho {rho:.3})");
        for (strategy, f1s) in &table {
            assert!(
                f1s[f1s.len() - 1] > f1s[0],
                "{}: the layer learns from the done documents ({:.3} → {:.3})",
                strategy.name(),
                f1s[0],
                f1s[f1s.len() - 1]
            );
        }
        tables.push(table);
    }
    println!("mean of the {ROTATIONS} rotations:");
    println!("  {:<34} {}", "file order", cells(&mean(&tables, |s| s == Strategy::File)));
    println!("  {:<34} {}", "random (5 seeds)", cells(&mean(&tables, |s| matches!(s, Strategy::Random(_)))));
    println!("  {:<34} {}", Strategy::PerWords.name(), cells(&mean(&tables, |s| s == Strategy::PerWords)));
    println!("  {:<34} {}", Strategy::Total.name(), cells(&mean(&tables, |s| s == Strategy::Total)));
    // Checkpoints 5 to 40: where the order matters (at 0 nothing is done, after 40 they converge).
    let early = |row: Vec<f64>| row[1..5].iter().sum::<f64>() / 4.0;
    let (uncertain, random) = (
        early(mean(&tables, |s| s == Strategy::PerWords)),
        early(mean(&tables, |s| matches!(s, Strategy::Random(_)))),
    );
    assert!(
        uncertain >= random,
        "uncertain first learns at least as fast as random order over 5 to 40 documents: {uncertain:.3} against {random:.3}"
    );
}

/// Rotations of the corpus: each puts other documents in the starter, the pool and the
/// held-out part.
const ROTATIONS: usize = 3;
