//! After a kill at a random moment, the command line gives what the window would restore: a
//! child (`hashiya drive-edits`) applies a seeded stream of edits to an article, saving now
//! and then, and is SIGKILLed after a random delay; then `hashiya export --format jsonl`
//! prints exactly what reopening the article in the editor core gives, writing nothing, and
//! a writing command (`recover`, `mark`, `suggest` or `merge`, in turn) loses none of the
//! journaled edits: reopening gives the same entities afterwards, and once the journal is
//! folded the annotation file alone holds them.
//!
//! `HASHIYA_KILL_READ` sets the number of kills (default 32) over two workers.

use std::path::Path;
use std::process::Output;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use hashiya::editor::drive::Driver;
use hashiya::editor::{Article, has_journal};
use hashiya::formats::exchange::{Format, export_text};
use hashiya::formats::store;

use crate::fixtures::{self, files_in, run_hashiya};

/// The writing commands run after the kills, in turn.
const WRITERS: [&str; 4] = ["recover", "mark", "suggest", "merge"];

/// What the workers saw, summed.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    kills: usize,
    /// Kills after which the journal held unsaved edits (the export said so).
    from_journal: usize,
    /// Edits replayed from journals, summed.
    edits: usize,
    /// Writing commands run, and of those the ones that folded a journal.
    writers: usize,
    folded: usize,
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

fn texts(out: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

/// The annotations as reopening in the editor core gives them, as doccano JSONL, and how
/// many edits came from the journal.
fn reopened(article: &Path) -> (String, usize) {
    let (a, _) = Article::open(article).expect("reopens");
    (export_text(Format::Jsonl, &a.doc, a.ann()).0, a.journal_read().replayed())
}

/// The annotation file alone (no journal), as JSONL; `None` when there is none.
fn file_alone(article: &Path) -> Option<String> {
    let doc = hashiya::model::Document::new(std::fs::read_to_string(article).expect("article"));
    let loaded = store::load(&store::annotation_path(article), &doc).ok()?;
    Some(export_text(Format::Jsonl, &doc, &loaded.annotations).0)
}

/// Kills the child after `delay`; then checks the export and runs one writing command.
fn round(article: &Path, seed: u64, writer: &str, gazetteer: &Path) -> Tally {
    let mut pick = Driver::new(seed ^ 0x0ead);
    let delay = Duration::from_millis(20 + pick.below(280));
    let save_every = [0, 9, 40][pick.below(3) as usize];
    let mut child = fixtures::drive_edits(article, seed, save_every);
    let stdout = child.stdout.take().expect("stdout");
    let drain = std::thread::spawn(move || std::io::copy(&mut { stdout }, &mut std::io::sink()));
    std::thread::sleep(delay);
    child.kill().expect("kill the child");
    child.wait().expect("reap the child");
    let _ = drain.join();
    let ctx = format!("seed {seed}, delay {delay:?}, save every {save_every}");
    let dir = article.parent().expect("folder");
    let before = files_in(dir);
    let out = run_hashiya(&["export", s(article), "--format", "jsonl"]);
    assert_eq!(files_in(dir), before, "{ctx}: export wrote nothing");
    let (want, edits) = reopened(article);
    let said = texts(&out).contains(" from the journal, not yet saved");
    assert_eq!(said, edits > 0, "{ctx}: says so when the journal added edits:\n{}", texts(&out));
    if out.status.success() {
        let reopened = fixtures::cli_jsonl(article, None);
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            reopened,
            "{ctx}: export gives what reopening gives"
        );
    } else {
        assert!(texts(&out).contains("no annotation file"), "{ctx}: {}", texts(&out));
        assert!(!want.contains("\"label\":[["), "{ctx}: nothing to export, nothing restored");
    }
    let folded = write(article, writer, gazetteer, &ctx);
    assert_eq!(reopened(article).0, want, "{ctx}: {writer} lost none of the journaled edits");
    if !has_journal(article) {
        assert_eq!(file_alone(article).unwrap_or_else(|| want.clone()), want, "{ctx}: the file holds them");
    }
    Tally { kills: 1, from_journal: usize::from(edits > 0), edits, writers: 1, folded: usize::from(folded) }
}

/// Runs a writing command on the crashed article; returns whether it folded a journal.
fn write(article: &Path, writer: &str, gazetteer: &Path, ctx: &str) -> bool {
    let ron = store::annotation_path(article);
    let base = article.with_extension("base");
    let had_journal = has_journal(article);
    let writer = if writer == "merge" && !ron.exists() { "recover" } else { writer };
    let args: Vec<&str> = match writer {
        "recover" => vec!["recover", s(article)],
        "mark" => vec!["mark", s(article), "--status", "in-progress"],
        "suggest" => vec!["suggest", s(article), "--gazetteer", s(gazetteer)],
        _ => {
            std::fs::copy(&ron, &base).expect("the ancestor");
            vec!["merge", s(&base), s(&ron), s(&base), "-o", s(&ron)]
        }
    };
    let out = run_hashiya(&args);
    let _ = std::fs::remove_file(&base);
    assert!(out.status.success(), "{ctx}: hashiya {args:?}:\n{}", texts(&out));
    if matches!(writer, "recover" | "merge") {
        assert!(!has_journal(article), "{ctx}: {writer} folds the journal");
    }
    had_journal && !has_journal(article)
}

/// A worker: its own folder and article, `rounds` kills in a row on it.
fn worker(w: usize, rounds: usize, base_seed: u64) -> Tally {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = dir.path().join("article.txt");
    std::fs::copy(fixtures::repo("assets/sample-article.txt"), &article).expect("copy the sample");
    let names = tempfile::NamedTempFile::new().expect("temp file");
    std::fs::write(names.path(), "عمّان\tGPE\nسلمى الحديدي\tPER\nالبنك الدولي\tORG\n").expect("gazetteer");
    let mut tally = Tally::default();
    for r in 0..rounds {
        let seed = base_seed.wrapping_add((w as u64) << 32).wrapping_add(r as u64);
        let t = round(&article, seed, WRITERS[(r + w) % WRITERS.len()], names.path());
        tally.kills += t.kills;
        tally.from_journal += t.from_journal;
        tally.edits += t.edits;
        tally.writers += t.writers;
        tally.folded += t.folded;
    }
    tally
}

#[test]
fn after_a_kill_export_gives_what_reopening_gives_and_writers_keep_it() {
    let kills: usize = std::env::var("HASHIYA_KILL_READ").ok().and_then(|v| v.parse().ok()).unwrap_or(32);
    let base_seed = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_micros()) as u64;
    eprintln!("kill_read: base seed {base_seed}, {kills} kills");
    let started = Instant::now();
    let handles: Vec<_> = (0..2)
        .map(|w| {
            let rounds = kills / 2 + usize::from(w < kills % 2);
            std::thread::spawn(move || worker(w, rounds, base_seed))
        })
        .collect();
    let mut total = Tally::default();
    for h in handles {
        let t = h.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
        total.kills += t.kills;
        total.from_journal += t.from_journal;
        total.edits += t.edits;
        total.writers += t.writers;
        total.folded += t.folded;
    }
    eprintln!("kill_read: {total:?} in {:?}", started.elapsed());
    assert_eq!(total.kills, kills);
    assert!(total.from_journal * 2 >= kills || kills < 8, "most kills leave journaled edits: {total:?}");
}
