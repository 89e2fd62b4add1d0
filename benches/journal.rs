//! Cost of the edit journal (issue 14): `cargo bench --bench journal`.
//!
//! On the bundled sample article repeated to ~110 KB, in a temporary folder:
//! * `tag+undo`: one tag and its undo through `Article::apply` (two journal records: one
//!   `write` each, flushed by the background thread), against the same with the journal paused;
//! * `edit→on disk`: from applying a tag until the flushing thread's `fdatasync` of it has
//!   returned (the journal's durability latency; the goal is ≤ 50 ms);
//! * `open+tag+save`: what corpus tag-all does per document (open, one tag, save), where the
//!   journal adds creating the file with its header, the save marker and removing it.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::Criterion;

use hashiya::editor::{Article, EditCommand, journal_flushes};
use hashiya::model::LabelId;

fn article(dir: &Path) -> std::path::PathBuf {
    let sample =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample-article.txt"))
            .unwrap_or_else(|_| "التقى المقداد نظيره في باكو.\n".to_string());
    let path = dir.join("article.txt");
    std::fs::write(&path, sample.repeat(110_000 / sample.len().max(1) + 1)).expect("write the article");
    path
}

fn open(path: &Path, journal: bool) -> Article {
    let (mut a, _) = Article::open(path).expect("opens");
    if !journal {
        a.pause_journal();
    }
    a
}

/// Total time of `n` tags from `apply` until their journal flush has finished (each undo's
/// flush is waited for, untimed, so no flush is in flight when the next tag starts).
fn durable(a: &mut Article, word: usize, n: u64) -> Duration {
    (0..n).map(|_| durable_once(a, word)).sum()
}

/// One tag's time from `apply` to the end of its flush; then its undo, flushed, untimed.
fn durable_once(a: &mut Article, word: usize) -> Duration {
    let wait_after = |before: u64| {
        while journal_flushes() == before {
            std::thread::sleep(Duration::from_micros(50));
        }
    };
    let before = journal_flushes();
    let start = std::time::Instant::now();
    a.apply(EditCommand::TagRange(0..word, LabelId(1))).expect("tags");
    wait_after(before);
    let took = start.elapsed();
    let before = journal_flushes();
    a.apply(EditCommand::Undo).expect("undoes");
    wait_after(before);
    took
}

/// Prints the median, 95th percentile and worst of 500 edit-to-disk latencies (criterion
/// reports means of samples; the goal is about every edit).
fn print_percentiles(a: &mut Article, word: usize) {
    let mut ms: Vec<f64> = (0..500).map(|_| durable_once(a, word).as_secs_f64() * 1e3).collect();
    ms.sort_by(f64::total_cmp);
    let at = |q: f64| ms[((ms.len() - 1) as f64 * q) as usize];
    println!(
        "journal/edit→on disk over {} edits: median {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        ms.len(),
        at(0.5),
        at(0.95),
        at(0.99),
        at(1.0)
    );
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = article(dir.path());
    let mut c = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();
    let mut g = c.benchmark_group("journal");
    for journal in [true, false] {
        let name = if journal { "journal" } else { "no journal" };
        let mut a = open(&path, journal);
        let word = a.doc.text().find(' ').unwrap_or(2);
        g.bench_function(format!("tag+undo/{name}"), |b| {
            b.iter(|| {
                black_box(a.apply(EditCommand::TagRange(0..word, LabelId(1))).expect("tags"));
                black_box(a.apply(EditCommand::Undo).expect("undoes"));
            })
        });
        if journal {
            g.bench_function("edit→on disk", |b| b.iter_custom(|n| durable(&mut a, word, n)));
            print_percentiles(&mut a, word);
        }
        a.save(false).expect("saves");
        drop(a);
        g.bench_function(format!("open+tag+save/{name}"), |b| {
            b.iter(|| {
                let mut a = open(&path, journal);
                a.apply(EditCommand::TagRange(0..word, LabelId(1))).expect("tags");
                a.apply(EditCommand::Undo).expect("undoes");
                a.save(false).expect("saves");
            })
        });
    }
    g.finish();
    c.final_summary();
}
