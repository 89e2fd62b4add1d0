//! Diagnostic (ignored): each source of the layer and the layer itself, on held-out NewsFANE,
//! after 0, 5, 10, 20 and 40 documents done in file order (the setup of `order_simulation`,
//! rotation 0).
//!
//! ```text
//! HASHIYA_SHARED=../shared cargo test --release --test it layer_sources -- --ignored --nocapture
//! ```

use std::path::PathBuf;

use hashiya::corpus::suggest::{Annotated, dictionary_of};
use hashiya::corpus::{Clitics, LabelMap, LearnSettings};
use hashiya::learn::build::{CorpusLayer, measured_starter, train_for};
use hashiya::learn::corpus::{Freshness, train_calibrated};
use hashiya::learn::crossval::{CvSources, chunks};
use hashiya::learn::eval::Scores;
use hashiya::learn::layer::{DEFAULT_MIN_CONFIDENCE, Layer};
use hashiya::learn::mapping::{Mapping, read_map_file, relabel};
use hashiya::learn::setup::{ConventionOrigin, Setup, starter_confusion};
use hashiya::learn::{Model, Options, TrainDoc};

fn build(starter: &'static Model, labels: &[String], done: &[TrainDoc]) -> CorpusLayer {
    let learned = starter_confusion(starter, done).corrections();
    let setup = Setup {
        root: PathBuf::from("/nonexistent/diagnostic"),
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

fn row(name: &str, layer: &Layer, test: &[TrainDoc]) {
    row_at(name, layer, test, DEFAULT_MIN_CONFIDENCE);
}

fn row_at(name: &str, layer: &Layer, test: &[TrainDoc], min: f32) {
    let mut s = Scores::default();
    for d in test {
        let kept: Vec<_> = layer
            .propose(&d.text)
            .into_iter()
            .filter(|c| c.confidence >= min)
            .map(|c| (c.range, c.label))
            .collect();
        s.add(&d.entities, &kept);
    }
    let t = s.total;
    println!("    {name:<34} P {:.3} R {:.3} F1 {:.3}", t.precision(), t.recall(), t.f1());
}

#[test]
#[ignore = "a diagnostic of minutes in a release build"]
fn layer_sources() {
    const CORPUS: &str = "ner/newsfane/NewsFANE_Gold_2014_170K.txt";
    let Some(shared) = crate::fixtures::shared("layer_sources", &[CORPUS]) else { return };
    let types = read_map_file(&crate::fixtures::repo("data/starter/newsfane-types.tsv")).expect("types");
    let docs = chunks(&relabel(&[crate::starter_quality::newsfane(&shared)], &types), 25);
    let n = docs.len();
    let (s, rest) = docs.split_at(n * 3 / 10);
    let (pool, test) = rest.split_at(n * 8 / 10 - s.len());
    let none = CvSources { priors: &[], starter: None, gazetteer: None, clitics: Clitics::Include };
    let starter: &'static Model = Box::leak(Box::new(train_calibrated(s, &Options::default(), &none)));
    let labels = starter.labels.clone();
    let done_counts: Vec<usize> = std::env::var("DIP_N")
        .ok()
        .map(|v| v.split(',').filter_map(|x| x.parse().ok()).collect())
        .unwrap_or_else(|| vec![0, 5, 10, 20, 40]);
    for n in done_counts {
        let built = build(starter, &labels, &pool[..n]);
        println!("after {n} documents done:");
        let full = built.layer();
        row("combined layer", &full, test);
        for t in [0.35, 0.4, 0.45] {
            row_at(&format!("combined layer at {t}"), &full, test, t);
        }
        row("combined, surest source", &Layer { combiner: None, ..full.clone() }, test);
        row(
            "starter (as calibrated)",
            &Layer { model: None, corpus: None, combiner: None, ..full.clone() },
            test,
        );
        row("starter + model, surest", &Layer { corpus: None, combiner: None, ..full.clone() }, test);
        row("model", &built.model_layer(), test);
        row("dictionary", &Layer { starter: None, model: None, combiner: None, ..full.clone() }, test);
        if let Some((m, _)) = &built.model {
            println!("    combiner {:?}", m.combiner.as_ref().map(|c| c.weights.clone()));
        }
    }
}
