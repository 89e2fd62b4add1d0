//! Cost of the edit journal (issue 14): `cargo bench --bench journal`.
//!
//! On the bundled sample article repeated to ~110 KB, in a temporary folder:
//! * `tag+undo`: one tag and its undo through `Article::apply` (two journal records: one
//!   `write` each, flushed by the background thread), against the same with the journal paused;
//! * `open+tag+save`: what corpus tag-all does per document (open, one tag, save), where the
//!   journal adds creating the file with its header, the save marker and removing it.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::Criterion;

use hashiya::editor::{Article, EditCommand};
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
