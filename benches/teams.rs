//! Team benchmarks for issue 13: `hashiya agree` on two annotators' 10,000-document corpora
//! (the corpus benchmark's articles: about 2 KB each, 100 folders of 100, an entity on every
//! 12th word; the second annotator drops every 7th entity, relabels every 5th and adds one
//! every 40 words) — budget 5 s — and `hashiya merge` of two 100k-entity files (base with
//! 100,000 entities; ours relabels every 10th, theirs deletes every 9th and adds 1,000) —
//! budget 1 s. Both are timed as processes (what a user and git run) and as library calls.
//! (`cargo test --benches` runs each once on 200 documents and 2,000 entities.)

mod common;

use std::hint::black_box;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use criterion::Criterion;

use hashiya::agree::{Agreement, load};
use hashiya::formats::store::{self, SaveInfo};
use hashiya::merge::merge;
use hashiya::model::{Annotations, Document, Entity, EntityId, LabelId, LabelSet};

/// Article `i`: sentences in turn from a place depending on `i`, at least 2 KB.
fn article_text(sentences: &[String], i: usize, bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + 512);
    let mut k = (i * 7919) % sentences.len();
    while text.len() < bytes {
        text.push_str(&sentences[k]);
        k = (k + 1) % sentences.len();
        text.push(if k.is_multiple_of(6) { '\n' } else { ' ' });
    }
    text
}

/// Entities on every 12th word (the second annotator: see the module doc).
fn entities(doc: &Document, second: bool) -> Vec<Entity> {
    let mut out = Vec::new();
    let mut at = 0;
    for (n, word) in doc.text().split([' ', '\n']).enumerate() {
        let tagged = n % 12 == 5 && !(second && n % 84 == 5) || second && n % 40 == 17;
        if tagged && !word.is_empty() {
            let k = out.len() as u32;
            let label = LabelId(1 + (k + u32::from(second && n % 60 == 5)) % 7);
            out.push(Entity { id: EntityId(out.len() as u64 + 1), start: at, end: at + word.len(), label });
        }
        at += word.len() + 1;
    }
    out
}

fn write(path: &Path, doc: &Document, list: Vec<Entity>, who: &str) {
    let ann = Annotations::from_parts(doc, LabelSet::default(), list, Vec::new()).expect("valid");
    let info = SaveInfo { annotator: who.into(), ..SaveInfo::new(path) };
    // Plain writes: the atomic writer's fsync per file would only slow the set-up.
    std::fs::write(store::annotation_path(path), store::to_ron_string(doc, &ann, &info)).expect("write");
}

fn corpora(root: &Path, docs: usize) {
    let sentences = common::sentences();
    for (who, second) in [("rana", false), ("omar", true)] {
        for i in 0..docs {
            let dir = root.join(who).join(format!("d{:03}", i / 100));
            std::fs::create_dir_all(&dir).expect("mkdir");
            let path = dir.join(format!("article-{i}.txt"));
            let text = article_text(&sentences, i, 2048);
            std::fs::write(&path, &text).expect("article");
            let doc = Document::new(text);
            write(&path, &doc, entities(&doc, second), who);
        }
    }
}

/// Base, ours and theirs of one article with `n` entities in the base.
fn merge_files(root: &Path, n: usize) -> [std::path::PathBuf; 3] {
    let sentences = common::sentences();
    let text = article_text(&sentences, 1, n * 12 * 9);
    let doc = Document::new(text);
    let base: Vec<Entity> = entities(&doc, false).into_iter().take(n).collect();
    assert_eq!(base.len(), n, "text long enough");
    let ours: Vec<Entity> = base
        .iter()
        .enumerate()
        .map(|(i, e)| if i % 10 == 3 { Entity { label: LabelId(1 + e.label.0 % 7), ..*e } } else { *e })
        .collect();
    let mut theirs: Vec<Entity> =
        base.iter().enumerate().filter(|(i, _)| i % 9 != 4).map(|(_, e)| *e).collect();
    let next = n as u64 + 1;
    theirs.extend(base.iter().step_by(n / 1000).enumerate().map(|(k, e)| Entity {
        id: EntityId(next + k as u64),
        start: e.end + 1,
        end: e.end + 1 + doc.text()[e.end + 1..].find(' ').unwrap_or(0).max(1),
        label: LabelId(3),
    }));
    theirs.retain(|e| {
        doc.text().is_char_boundary(e.start) && doc.text().is_char_boundary(e.end) && e.start < e.end
    });
    let paths = ["base", "ours", "theirs"].map(|s| root.join(format!("{s}.txt")));
    for (p, list) in paths.iter().zip([base, ours, theirs]) {
        std::fs::write(p, doc.text()).expect("article");
        write(p, &doc, list, p.file_stem().and_then(|s| s.to_str()).unwrap_or("x"));
    }
    paths.map(|p| store::annotation_path(&p))
}

fn main() {
    let quick = std::env::args().any(|a| a == "--test") || std::env::var_os("HASHIYA_BENCH_QUICK").is_some();
    let (docs, ents) = if quick { (200, 2_000) } else { (10_000, 100_000) };
    let tmp = tempfile::tempdir().expect("tempdir");
    corpora(tmp.path(), docs);
    let [base, ours, theirs] = merge_files(tmp.path(), ents);
    let out = tmp.path().join("merged.hashiya.ron");
    let mut c = Criterion::default().configure_from_args();
    let mut g = c.benchmark_group("teams");
    g.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(20));
    let (a, b) = (tmp.path().join("rana"), tmp.path().join("omar"));
    g.bench_function("agree_cli_10k_docs", |bench| {
        bench.iter(|| {
            let o = Command::new(env!("CARGO_BIN_EXE_hashiya"))
                .arg("agree")
                .arg(&a)
                .arg(&b)
                .output()
                .expect("runs");
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
            black_box(o.stdout.len())
        })
    });
    g.bench_function("agree_lib_10k_docs", |bench| {
        bench.iter(|| {
            let compared = load::load(&[a.clone(), b.clone()]).expect("loads");
            let mut agr = Agreement::new(compared.annotators.clone());
            for d in &compared.documents {
                agr.add(&d.text, &d.copies.iter().map(|c| &c.ann).collect::<Vec<_>>());
            }
            black_box(agr.report())
        })
    });
    g.measurement_time(Duration::from_secs(10));
    g.bench_function("merge_cli_100k_entities", |bench| {
        bench.iter(|| {
            let o = Command::new(env!("CARGO_BIN_EXE_hashiya"))
                .args([
                    "merge".as_ref(),
                    base.as_os_str(),
                    ours.as_os_str(),
                    theirs.as_os_str(),
                    "-o".as_ref(),
                    out.as_os_str(),
                ])
                .output()
                .expect("runs");
            assert!(o.status.code().is_some_and(|c| c <= 1), "{}", String::from_utf8_lossy(&o.stderr));
        })
    });
    let files = [&base, &ours, &theirs].map(|p| store::read_file_annotations(p).expect("reads"));
    g.bench_function("merge_lib_100k_entities", |bench| {
        bench.iter(|| black_box(merge(Some(&files[0]), &files[1], &files[2]).expect("merges")))
    });
    g.finish();
    c.final_summary();
}
