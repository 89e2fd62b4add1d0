//! Find benchmarks (issue 11): normalising a text once, then running queries on it.
//!
//! `cargo bench --bench search` times, on the newswire text of
//! `$HASHIYA_SHARED/corpus/newsfane-text/newsfane_sentences.txt` (default
//! `HASHIYA_SHARED=../shared` relative to the crate root; ~1.4 MB, 4,760 sentences one per
//! line) and on a 10 MB text made by repeating it:
//!
//! * `NormalizedText::new` (done once per document and reused);
//! * `Query::find_in` on the normalised document for a name, a name with the article and two
//!   words, a number (Western digits query, any digits in the text) and a frequent word, in
//!   normalised mode; the frequent word in exact mode; `\d+` in regex mode;
//! * `Query::find_all` on 10 MB (normalising included), the cost of a search without a cache.
//!
//! * a 100,000-name gazetteer compiled and applied to the 10 MB text (pre-annotation).
//!
//! If the corpus is missing, a note is printed and generated Arabic text is used instead.
//! A summary of medians and match counts is printed at the end.

mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::Criterion;

use hashiya::model::{Annotations, Document, History, LabelId, LabelSet, ops};
use hashiya::search::{Mode, NormalizedText, Options, Query};

const MB: usize = 1024 * 1024;

/// Queries: (name, pattern, mode).
const QUERIES: [(&str, &str, Mode); 7] = [
    ("name", "ألمانيا", Mode::Normalized),
    ("article+2 words", "الأمم المتحدة", Mode::Normalized),
    ("number", "٢٠٠٢", Mode::Normalized),
    ("frequent word", "السيارات", Mode::Normalized),
    ("very frequent", "في", Mode::Normalized),
    ("exact frequent word", "السيارات", Mode::Exact),
    ("regex digits", r"\d+", Mode::Regex),
];

/// The corpus text, or generated text (with a note) if the corpus is missing.
fn corpus() -> String {
    common::corpus_text().unwrap_or_else(|| generated(1_400_000))
}

/// Pseudo-random Arabic sentences from a small word list, about `bytes` long.
fn generated(bytes: usize) -> String {
    const WORDS: [&str; 16] = [
        "قال",
        "رئيس",
        "الوزراء",
        "في",
        "وألمانيا",
        "المانيا",
        "الأمم",
        "المتحدة",
        "للأمم",
        "السيارات",
        "عام",
        "2002",
        "٢٠٠٢",
        "بالسيارات",
        "إيران",
        "وَإِيرَانَ",
    ];
    let mut out = String::with_capacity(bytes + 64);
    let mut x: u32 = 12345;
    while out.len() < bytes {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        out.push_str(WORDS[(x >> 16) as usize % WORDS.len()]);
        out.push(if (x >> 8).is_multiple_of(13) { '\n' } else { ' ' });
    }
    out
}

/// `text` repeated (joined by line breaks) to at least `bytes`.
fn repeated(text: &str, bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + text.len());
    while out.len() < bytes {
        out.push_str(text);
        out.push('\n');
    }
    out
}

fn compile(pattern: &str, mode: Mode) -> Query {
    Query::new(pattern, Options { mode, ..Options::default() }).unwrap_or_else(|e| panic!("{pattern}: {e}"))
}

/// Median of `runs` timings of `f`.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn summary(inputs: &[(&str, String)]) {
    println!("\nsearch summary (median of 11 runs; budget: find in 10 MB <= 50 ms)");
    for (name, text) in inputs {
        let n = NormalizedText::new(text);
        let t = median(11, || drop(black_box(NormalizedText::new(text))));
        println!("  {name:>6} ({:>8} bytes) normalise         {:>9.2?}", text.len(), t);
        for (q, pattern, mode) in QUERIES {
            let query = compile(pattern, mode);
            let count = query.matches(text, &n).count();
            let t = median(11, || drop(black_box(query.find_in(text, &n))));
            println!("  {name:>6} find_in {q:<22} {t:>9.2?}  {count:>7} matches");
        }
        let query = compile(QUERIES[0].1, Mode::Normalized);
        let t = median(5, || drop(black_box(query.find_all(text))));
        println!("  {name:>6} find_all (normalising)   {t:>9.2?}");
    }
}

/// Tag all: 10,000 matches of «في» in 10 MB tagged as one transaction and applied through the
/// history, then undone (budget ≤ 100 ms with one undo).
fn tag_all_summary(text: &str) {
    let doc = Document::new(text.to_string());
    let n = NormalizedText::new(text);
    let ranges: Vec<_> = compile("في", Mode::Normalized).matches(text, &n).take(10_000).collect();
    let empty = Annotations::new(LabelSet::default());
    let t = median(11, || {
        let mut ann = empty.clone();
        let mut history = History::default();
        let (tx, _, _) = ops::tag_all(&ann, &ranges, LabelId(1));
        history.apply(&mut ann, &doc, tx.expect("matches")).expect("applies");
        black_box(ann.entities().len());
    });
    println!("  tag all {} matches in 10 MB (build + apply)  {t:>9.2?}   budget <= 100 ms", ranges.len());
    let mut ann = empty.clone();
    let mut history = History::default();
    let (tx, _, _) = ops::tag_all(&ann, &ranges, LabelId(1));
    history.apply(&mut ann, &doc, tx.expect("matches")).expect("applies");
    let t = median(11, || {
        history.undo(&mut ann, &doc).expect("undo");
        history.redo(&mut ann, &doc).expect("redo");
    });
    println!("  undo + redo of that tag all                   {t:>9.2?}");
}

/// Find across a 100 MB corpus of 2 KB documents held in memory: each document normalised and
/// searched as the corpus search does (file reading left out; budget ≤ 1 s).
fn corpus_summary(text: &str) {
    let big = repeated(text, 100 * MB);
    let mut docs = Vec::new();
    let mut rest = big.as_str();
    while !rest.is_empty() {
        let cut = rest.char_indices().map(|(i, _)| i).find(|&i| i >= 2048).unwrap_or(rest.len());
        docs.push(&rest[..cut]);
        rest = &rest[cut..];
    }
    let query = compile("ألمانيا", Mode::Normalized);
    let mut matches = 0;
    let t = median(3, || {
        matches =
            docs.iter().enumerate().map(|(i, d)| hashiya::corpus::find::hits_in(i, d, &query).count).sum();
    });
    println!(
        "  find «ألمانيا» across {} documents, {} MB   {t:>9.2?}  {matches} matches, budget <= 1 s",
        docs.len(),
        big.len() / MB
    );
}

/// Two 100,000-name gazetteers applied to the 10 MB text (budget ≤ 1 s): a realistic one
/// (2,000 two-word sequences of the text among 98,000 made-up two-word names, so that most
/// names do not occur, as with a real name list) and a worst case (every distinct one- to
/// three-word sequence of the text, so that nearly every word matches several names).
fn gazetteer_summary(source: &str, big: &str) {
    let words: Vec<&str> = source.split_whitespace().collect();
    let mut worst = Vec::new();
    let mut seen = std::collections::HashSet::new();
    'fill: for n in [1usize, 2, 3] {
        for w in words.windows(n).step_by(n) {
            if seen.len() >= 100_000 {
                break 'fill;
            }
            if seen.insert(w.join(" ")) {
                worst.push(w.join(" "));
            }
        }
    }
    let letters: Vec<char> = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي".chars().collect();
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let mut realistic: Vec<String> = words.windows(2).step_by(97).take(2_000).map(|w| w.join(" ")).collect();
    while realistic.len() < 100_000 {
        let mut word = || (0..3 + next(5)).map(|_| letters[next(letters.len())]).collect::<String>();
        realistic.push(format!("{} {}", word(), word()));
    }
    let n = NormalizedText::new(big);
    for (what, names) in [("realistic", realistic), ("worst case", worst)] {
        let lines: String =
            names.iter().enumerate().map(|(i, name)| format!("{name}\tL{}\n", i % 7)).collect();
        let start = Instant::now();
        let (gazetteer, _) = hashiya::search::Gazetteer::parse(&lines);
        let gazetteer = gazetteer.expect("compiles");
        let build = start.elapsed();
        let mut found = 0;
        let t = median(3, || found = gazetteer.find(big, &n).len());
        println!(
            "  gazetteer {what:<10} {} names: compile {build:>9.2?}; apply to 10 MB {t:>9.2?} ({found} matches), budget <= 1 s",
            gazetteer.len()
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let benching = args.iter().any(|a| a == "--bench") && !args.iter().any(|a| a == "--list");
    let text = corpus();
    let big = repeated(&text, 10 * MB);
    let inputs = [("corpus", text), ("10MB", big)];

    let mut c = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();
    for (name, text) in &inputs {
        let mut g = c.benchmark_group(format!("search/{name}"));
        g.bench_function("normalize", |b| b.iter(|| NormalizedText::new(black_box(text))));
        let n = NormalizedText::new(text);
        for (q, pattern, mode) in QUERIES {
            let query = compile(pattern, mode);
            g.bench_function(format!("find_in/{q}"), |b| b.iter(|| query.find_in(black_box(text), &n)));
        }
        g.finish();
    }
    c.final_summary();
    if benching {
        summary(&inputs);
        tag_all_summary(&inputs[1].1);
        corpus_summary(&inputs[0].1);
        gazetteer_summary(&inputs[0].1, &inputs[1].1);
    }
}
