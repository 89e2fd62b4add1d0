//! Learned suggestions benchmarks (issue 12): training on 100,000 tokens (budget 10 s on the
//! 2-core machine) and suggesting for a 5,000-word article (budget 50 ms); issue 20: loading the
//! built-in starter (budget 150 ms), training with it as a prior (budget 10 s per 100k tokens)
//! and suggesting with the combined layer; a document's uncertainty score (which document next).
//!
//! `cargo bench --bench learn` uses NewsFANE (`$HASHIYA_SHARED/ner/newsfane`, default
//! `../shared`): the first sentences up to ~100k tokens to train, the next ~5,000 words as the
//! article. Without it, generated text with names in frames is used (a note is printed).
//! The model's size in its file format is printed too (budget 50 MB).

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::Criterion;

use hashiya::corpus::Clitics;
use hashiya::formats::conll;
use hashiya::learn::corpus::train_calibrated;
use hashiya::learn::crossval::CvSources;
use hashiya::learn::layer::{Layer, StarterSource};
use hashiya::learn::mapping::Mapping;
use hashiya::learn::order::uncertainty;
use hashiya::learn::{Options, Prior, TrainDoc, file, starter, train, train_with};

/// The first sentences (lines) of `doc` holding about `words` words, from line `from`.
fn take_lines(doc: &TrainDoc, from: usize, words: usize) -> TrainDoc {
    let mut start = 0;
    for _ in 0..from {
        start = doc.text[start..].find('\n').map_or(doc.text.len(), |i| start + i + 1);
    }
    let (mut end, mut n) = (start, 0);
    while n < words && end < doc.text.len() {
        let next = doc.text[end..].find('\n').map_or(doc.text.len(), |i| end + i + 1);
        n += doc.text[end..next].split_whitespace().count();
        end = next;
    }
    let entities = doc
        .entities
        .iter()
        .filter(|(r, _)| r.start >= start && r.end <= end)
        .map(|(r, l)| (r.start - start..r.end - start, l.clone()))
        .collect();
    TrainDoc { text: doc.text[start..end].to_string(), entities, partial: false }
}

fn newsfane() -> Option<TrainDoc> {
    let shared = PathBuf::from(std::env::var_os("HASHIYA_SHARED").unwrap_or_else(|| "../shared".into()));
    let import = conll::import(&shared.join("ner/newsfane/NewsFANE_Gold_2014_170K.txt")).ok()?;
    let doc = import.documents.into_iter().next()?;
    Some(TrainDoc::of(doc.document.text(), &doc.annotations, false))
}

fn generated() -> TrainDoc {
    let names = ["بغداد", "دمشق", "باكو", "طهران", "عمان", "بيروت", "القاهرة", "الرياض"];
    let people = ["محمد", "علي", "سمير", "خالد", "أحمد"];
    let mut doc = TrainDoc::default();
    for i in 0..12_000 {
        let (city, who) = (names[i % names.len()], people[(i / 3) % people.len()]);
        let start = doc.text.len() + "وصل ".len();
        doc.text.push_str(&format!("وصل {who} إلى "));
        doc.entities.push((start..start + who.len(), "PER".into()));
        let c = doc.text.len();
        doc.text.push_str(&format!("{city} أمس من أجل محادثات رقم {i}.\n"));
        doc.entities.push((c..c + city.len(), "LOC".into()));
    }
    doc
}

/// Issue 20: loading the built-in starter, training with it as a prior (plain, and as the layer
/// trains: with the cross-validated calibration and combiner), suggesting with the layer.
fn starter_benches(c: &mut Criterion, tr: &TrainDoc, article: &TrainDoc) {
    c.bench_function("starter load", |b| b.iter(|| black_box(file::from_bytes(black_box(starter::bytes())))));
    let Some(s) = starter::model() else { return };
    let rows = s.index_len();
    println!(
        "starter: {} labels, {rows} feature rows, weights and index about {:.1} MB in memory",
        s.labels.len(),
        (rows * (s.labels.len() + 1) * 4 + rows * 24) as f64 / 1e6
    );
    let labels: Vec<String> = tr
        .entities
        .iter()
        .map(|(_, l)| l.clone())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let mapping = Mapping::new(&s.labels, &labels, &Default::default(), &Default::default());
    let map = mapping.entries.iter().filter_map(|e| Some((e.source.clone(), e.target.clone()?))).collect();
    let priors = [Prior { model: s, map }];
    let opts = Options::default();
    let docs = std::slice::from_ref(tr);
    c.bench_function("train 100k words with the starter as prior", |b| {
        b.iter(|| black_box(train_with(black_box(docs), &opts, &priors)))
    });
    let src = CvSources {
        priors: &priors,
        starter: Some(StarterSource { model: s, mapping: &mapping, calibration: s.calibration.clone() }),
        gazetteer: None,
        clitics: Clitics::Include,
    };
    c.bench_function("train 100k words for the layer (prior, calibration, combiner)", |b| {
        b.iter(|| black_box(train_calibrated(black_box(docs), &opts, &src)))
    });
    let model = train_calibrated(docs, &opts, &src);
    let layer = Layer {
        clitics: Some(Clitics::Include),
        starter: src.starter.clone(),
        model: Some((&model, vec![s])),
        combiner: model.combiner.as_ref(),
        ..Layer::default()
    };
    c.bench_function("suggest 5000 words, combined layer", |b| {
        b.iter(|| black_box(layer.propose(black_box(&article.text))))
    });
    // Which document next: a document's score costs the layer's proposals, once.
    c.bench_function("uncertainty score of 5000 words, combined layer", |b| {
        b.iter(|| black_box(uncertainty(&layer, black_box(&article.text))))
    });
}

fn main() {
    let all = newsfane().unwrap_or_else(|| {
        println!("note: NewsFANE not found under $HASHIYA_SHARED (../shared): generated text");
        generated()
    });
    let tr = take_lines(&all, 0, 100_000);
    let sentences = tr.text.lines().count();
    let article = take_lines(&all, sentences, 5_000);
    let mut c =
        Criterion::default().sample_size(10).measurement_time(Duration::from_secs(20)).configure_from_args();
    let opts = Options::default();
    c.bench_function("train 100k words", |b| {
        b.iter(|| black_box(train(black_box(std::slice::from_ref(&tr)), &opts)))
    });
    let model = train(std::slice::from_ref(&tr), &opts);
    c.bench_function("suggest 5000 words", |b| b.iter(|| black_box(model.predict(black_box(&article.text)))));
    starter_benches(&mut c, &tr, &article);
    let bytes = file::to_bytes(&model);
    println!(
        "trained on {} tokens ({} words); article {} words; model file {:.1} MB",
        model.info.tokens,
        tr.text.split_whitespace().count(),
        article.text.split_whitespace().count(),
        bytes.len() as f64 / 1e6
    );
    c.final_summary();
}
