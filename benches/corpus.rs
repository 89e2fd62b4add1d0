//! Corpus benchmarks for issue 10: a folder of 10,000 annotated articles.
//!
//! `cargo bench --bench corpus` generates, in a temporary folder, 10,000 articles of about
//! 2 KB (100 folders of 100) from the sentences of
//! `$HASHIYA_SHARED/corpus/newsfane-text/newsfane_sentences.txt` (default `../shared` relative
//! to the crate root; without it, generated Arabic text from a word list, with a note), each
//! with an annotation file (an entity on every 12th word, labels in turn; statuses 40 % done,
//! 30 % in progress, 20 % new, 10 % skipped). Then it times, with criterion:
//!
//! * `list`: `Corpus::open` (corpus file and file names only) — what the documents panel needs
//!   to show the list — budget 300 ms;
//! * `scan`: every document read into a summary (`Corpus::scan`) — budget 3 s;
//! * `stats_cli`: the `hashiya stats DIR` process — budget 2 s;
//! * `export_conll_cli`: the `hashiya export DIR --format conll -o OUT` process — budget 5 s;
//! * baselines: reading every article and annotation file with `fs::read` alone, and the
//!   library export without the process.
//!
//! A summary of criterion's medians, budgets and verdicts is printed at the end.
//! (`cargo test --benches` runs each once on 200 documents.)

mod common;

use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant, SystemTime};

use criterion::Criterion;

use hashiya::corpus::export::{self, ExportOptions};
use hashiya::corpus::{Corpus, Settings};
use hashiya::editor::Article;
use hashiya::formats::exchange::Format;
use hashiya::formats::store::{self, DocStatus, SaveInfo};
use hashiya::model::{Annotations, Document, Entity, EntityId, LabelSet};
use hashiya::text::{ArticleLayout, GlyphAtlas, LayoutParams, font_system};

/// Documents in the benchmark corpus.
const DOCS: usize = 10_000;
/// Documents per folder.
const PER_FOLDER: usize = 100;
/// Bytes of text per article (at least).
const DOC_BYTES: usize = 2048;
/// An entity on every n-th word.
const ENTITY_EVERY: usize = 12;

/// Article `i`: a headline sentence, then paragraphs of 5 sentences, at least [`DOC_BYTES`].
fn article_text(sentences: &[String], i: usize) -> String {
    let mut text = String::with_capacity(DOC_BYTES + 512);
    let mut k = (i * 7919) % sentences.len();
    let mut in_para = 0;
    while text.len() < DOC_BYTES {
        text.push_str(&sentences[k]);
        k = (k + 1) % sentences.len();
        in_para += 1;
        text.push(if in_para == 1 || in_para % 6 == 0 { '\n' } else { ' ' });
    }
    text.trim_end().to_string() + "\n"
}

/// Annotations with an entity on every [`ENTITY_EVERY`]-th word, labels in turn.
fn annotations(doc: &Document, labels: &LabelSet) -> Annotations {
    let ids: Vec<_> = labels.iter().map(|l| l.id).collect();
    let mut entities = Vec::new();
    let mut at = 0;
    for (n, word) in doc.text().split([' ', '\n']).enumerate() {
        if n % ENTITY_EVERY == 5 && !word.is_empty() {
            let id = EntityId(entities.len() as u64 + 1);
            let label = ids[entities.len() % ids.len()];
            entities.push(Entity { id, start: at, end: at + word.len(), label });
        }
        at += word.len() + 1;
    }
    Annotations::from_parts(doc, labels.clone(), entities, Vec::new()).expect("valid by construction")
}

/// Writes the corpus into `root`; returns the number of entities.
fn generate(root: &Path, docs: usize) -> usize {
    let sentences = common::sentences();
    let labels = LabelSet::default();
    let settings = Settings { annotator: Some("bench".into()), ..Settings::default() };
    settings.write(&root.join(hashiya::corpus::CORPUS_FILE)).expect("corpus file");
    let statuses = [DocStatus::Done, DocStatus::InProgress, DocStatus::New, DocStatus::Skipped];
    let mut entities = 0;
    for i in 0..docs {
        let dir = root.join(format!("d{:03}", i / PER_FOLDER));
        if i % PER_FOLDER == 0 {
            std::fs::create_dir_all(&dir).expect("mkdir");
        }
        let path = dir.join(format!("article-{i}.txt"));
        let text = article_text(&sentences, i);
        std::fs::write(&path, &text).expect("article");
        let doc = Document::new(text);
        let status = statuses[[0, 0, 0, 0, 1, 1, 1, 2, 2, 3][i % 10]];
        let ann = if status == DocStatus::New {
            Annotations::new(labels.clone())
        } else {
            annotations(&doc, &labels)
        };
        entities += ann.entities().len();
        let info = SaveInfo { annotator: format!("annotator-{}", i % 3), status, ..SaveInfo::new(&path) };
        // Plain writes: the atomic writer's fsync per file would only slow the set-up.
        std::fs::write(store::annotation_path(&path), store::to_ron_string(&doc, &ann, &info))
            .expect("write");
    }
    entities
}

fn run_hashiya(args: &[&std::ffi::OsStr]) {
    let out = Command::new(env!("CARGO_BIN_EXE_hashiya")).args(args).output().expect("hashiya runs");
    assert!(out.status.success(), "hashiya {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    black_box(out.stdout.len());
}

fn bench(c: &mut Criterion, root: &Path, out_dir: &Path, docs: usize) {
    let mut g = c.benchmark_group("corpus");
    g.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(5));
    g.bench_function("list", |b| {
        b.iter(|| assert_eq!(black_box(Corpus::open(root).expect("opens")).docs().len(), docs))
    });
    let corpus = Corpus::open(root).expect("opens");
    g.measurement_time(Duration::from_secs(15));
    g.bench_function("baseline_read_all_files", |b| {
        b.iter(|| {
            let mut bytes = 0;
            for d in corpus.docs() {
                bytes += std::fs::read(&d.path).map_or(0, |b| b.len());
                bytes += std::fs::read(store::annotation_path(&d.path)).map_or(0, |b| b.len());
            }
            black_box(bytes)
        })
    });
    g.bench_function("scan", |b| b.iter(|| assert_eq!(black_box(corpus.scan(|_, _| {})).docs.len(), docs)));
    g.bench_function("stats_cli", |b| b.iter(|| run_hashiya(&["stats".as_ref(), root.as_os_str()])));
    let out = out_dir.join("lib.conll");
    let opts =
        ExportOptions { format: Format::Conll, only_done: false, split: None, include_suggestions: false };
    g.measurement_time(Duration::from_secs(20));
    g.bench_function("export_conll_lib", |b| {
        b.iter(|| black_box(export::export(&corpus, &opts, &out, |_, _| {}).expect("exports")))
    });
    let out = out_dir.join("cli.conll");
    let args = [
        "export".as_ref(),
        root.as_os_str(),
        "--format".as_ref(),
        "conll".as_ref(),
        "-o".as_ref(),
        out.as_os_str(),
    ];
    g.bench_function("export_conll_cli", |b| b.iter(|| run_hashiya(&args)));
    g.finish();
    bench_switch(c, &corpus);
}

/// Switching to the next document as the window does it: open the article with its annotation
/// file through the editor core, lay out the first 1080 px and make its glyph quads, with the
/// window's font system and glyph atlas already warm (they live as long as the window).
fn bench_switch(c: &mut Criterion, corpus: &Corpus) {
    let params = LayoutParams::new(1920.0 - 2.0 * 28.0, 20.0);
    let (mut fs, mut atlas) = (font_system(), GlyphAtlas::new(1024));
    let docs = corpus.docs();
    let mut first_screen = |i: usize| {
        let (article, _) = Article::open(&docs[i % docs.len()].path).expect("opens");
        let mut layout = ArticleLayout::new(article.doc.text(), params);
        layout.ensure_visible(&mut fs, 0.0, 1080.0);
        let quads = ArticleLayout::glyph_quads(layout.lines_in(0.0, 1080.0), &mut fs, &mut atlas)
            .or_else(|| ArticleLayout::glyph_quads(layout.lines_in(0.0, 1080.0), &mut fs, &mut atlas));
        black_box((article.ann().entities().len(), quads.map(|q| q.len())))
    };
    for i in 0..50 {
        first_screen(i); // warm the atlas as a session of annotation would
    }
    let mut g = c.benchmark_group("corpus");
    g.sample_size(50).measurement_time(Duration::from_secs(5));
    let mut i = 50;
    g.bench_function("switch_first_screen", |b| {
        b.iter(|| {
            i += 1;
            first_screen(i)
        })
    });
    g.finish();
}

fn main() {
    let since = SystemTime::now();
    let args: Vec<String> = std::env::args().collect();
    let benching = args.iter().any(|a| a == "--bench") && !args.iter().any(|a| a == "--list");
    let docs = if benching { DOCS } else { 200 };
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("corpus");
    std::fs::create_dir_all(&root).expect("mkdir");
    let start = Instant::now();
    let entities = generate(&root, docs);
    eprintln!(
        "generated {docs} documents with {entities} entities in {:.1} s under {}",
        start.elapsed().as_secs_f64(),
        root.display()
    );
    let mut c = Criterion::default().configure_from_args();
    bench(&mut c, &root, dir.path(), docs);
    c.final_summary();
    if benching {
        print_summary(since);
    }
}

/// (criterion id, what, budget in ms).
const ROWS: [(&str, &str, Option<f64>); 7] = [
    (
        "corpus/switch_first_screen",
        "switch to the next document: open + first screen (warm fonts)",
        Some(50.0),
    ),
    ("corpus/list", "list 10,000 documents (open the corpus, names only)", Some(300.0)),
    ("corpus/scan", "full scan with summaries", Some(3000.0)),
    ("corpus/stats_cli", "`hashiya stats DIR` (process)", Some(2000.0)),
    ("corpus/export_conll_cli", "`hashiya export DIR --format conll` (process)", Some(5000.0)),
    ("corpus/export_conll_lib", "corpus CoNLL export, in process", None),
    ("corpus/baseline_read_all_files", "baseline: `fs::read` of every article and annotation file", None),
];

fn print_summary(since: SystemTime) {
    let mut found = BTreeMap::new();
    if let Some(dir) = common::criterion_dir() {
        medians(&dir.join("corpus"), since, &mut found);
    }
    println!("\n| benchmark | median | budget | verdict |\n|---|---|---|---|");
    for (id, what, budget) in ROWS {
        let Some(ms) = found.get(id).map(|ns| ns / 1e6) else {
            println!("| {what} | not measured | | |");
            continue;
        };
        let (budget, verdict) = match budget {
            Some(b) => (format!("≤ {b:.0} ms"), if ms <= b { "met" } else { "MISSED" }),
            None => ("–".to_string(), "–"),
        };
        println!("| {what} | {ms:.1} ms | {budget} | {verdict} |");
    }
}

/// Medians (ns) of the benchmarks in `dir` measured since `since`, by id.
fn medians(dir: &Path, since: SystemTime, out: &mut BTreeMap<String, f64>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let est = entry.path().join("new/estimates.json");
        let fresh = std::fs::metadata(&est).and_then(|m| m.modified()).is_ok_and(|t| t >= since);
        let value: Option<serde_json::Value> =
            std::fs::read_to_string(&est).ok().and_then(|t| serde_json::from_str(&t).ok());
        if let (true, Some(median)) = (fresh, value.and_then(|v| v["median"]["point_estimate"].as_f64())) {
            out.insert(format!("corpus/{}", entry.file_name().to_string_lossy()), median);
        }
    }
}
