//! Issue 20's figures on NewsFANE (with `HASHIYA_SHARED`; prints the tables, `cargo test
//! starter_quality -- --nocapture`). NewsFANE is cut into 25-sentence documents: the first 40 %
//! train a starter exactly as `scripts/starter.sh` trains the built-in one (coarse types,
//! no priors), the next 30 % are the corpus's done documents and the last 30 % are held out.
//! Two settings:
//! * the starter's own scheme (PER ORG GPE LOC FAC NORP VEH WEA PRO), where the combined layer
//!   must beat every single source at the default threshold;
//! * a corpus of another scheme and convention (PERS ORG LOC MISC, GPE and FAC folded into
//!   LOC, NORP not tagged, the conjunction و written attached and tagged with the name as
//!   token-level corpora do): with no document done the mapped starter suggests; with the
//!   done documents the layer adapts, and must do better than the starter alone.

use std::path::Path;

use hashiya::corpus::{Clitics, LabelMap};
use hashiya::formats::conll;
use hashiya::learn::assess::{Context, SourceScores, assess};
use hashiya::learn::calibrate::reliability;
use hashiya::learn::corpus::train_calibrated;
use hashiya::learn::crossval::{CvSources, chunks};
use hashiya::learn::layer::DEFAULT_MIN_CONFIDENCE;
use hashiya::learn::mapping::{read_map_file, relabel};
use hashiya::learn::{Options, TrainDoc};

const CORPUS: &str = "ner/newsfane/NewsFANE_Gold_2014_170K.txt";

/// NewsFANE as one document with its fine labels (shared with `order_simulation`).
pub fn newsfane(shared: &Path) -> TrainDoc {
    let import = conll::import(&shared.join(CORPUS)).expect("imports");
    let doc = &import.documents[0];
    TrainDoc::of(doc.document.text(), &doc.annotations, false)
}

/// The text with every standalone و written onto the next word, entities on that word
/// covering it (as corpora of raw text tag whole tokens).
fn attach_waw(d: &TrainDoc) -> TrainDoc {
    let mut text = String::with_capacity(d.text.len());
    let mut map = vec![0usize; d.text.len() + 1];
    let mut i = 0;
    while i < d.text.len() {
        let rest = &d.text[i..];
        let at_word = i == 0 || d.text[..i].ends_with([' ', '\n']);
        let step = if at_word && rest.starts_with("و ") {
            "و".len()
        } else {
            rest.chars().next().map_or(1, char::len_utf8)
        };
        for k in 0..step {
            map[i + k] = text.len() + k;
        }
        text.push_str(&rest[..step]);
        i += step + usize::from(step == "و".len() && at_word && rest.starts_with("و "));
        map[i.min(d.text.len())] = text.len();
    }
    map[d.text.len()] = text.len();
    let entities = d
        .entities
        .iter()
        .map(|(r, l)| {
            let end = map[r.end];
            let start = text[..map[r.start]].rfind([' ', '\n']).map_or(0, |s| s + 1);
            (start..end, l.clone())
        })
        .collect();
    TrainDoc { text, entities, partial: false }
}

fn show(title: &str, rows: &[SourceScores]) {
    println!("== {title} (threshold {DEFAULT_MIN_CONFIDENCE})");
    for r in rows {
        let (a, t) = (&r.all, &r.at_threshold);
        println!(
            "  {:<20} every: P {:.3} R {:.3} F1 {:.3} | kept: P {:.3} R {:.3} F1 {:.3}",
            r.name,
            a.precision(),
            a.recall(),
            a.f1(),
            t.precision(),
            t.recall(),
            t.f1()
        );
    }
    if let Some(c) = rows.last() {
        for b in reliability(&c.observations).iter().filter(|b| b.count > 0) {
            println!(
                "    {:.1}–{:.1}: {:>5} shown, mean {:.3}, right {:.3}",
                b.from,
                b.from + 0.1,
                b.count,
                b.confidence,
                b.precision()
            );
        }
    }
}

fn f1(rows: &[SourceScores], name: &str) -> f64 {
    rows.iter().find(|r| r.name == name).map_or(0.0, |r| r.at_threshold.f1())
}

#[test]
fn starter_quality() {
    let Some(shared) = crate::fixtures::shared("starter_quality", &[CORPUS]) else { return };
    let types = read_map_file(&crate::fixtures::repo("data/starter/newsfane-types.tsv")).expect("types");
    let docs = chunks(&relabel(&[newsfane(&shared)], &types), 25);
    let n = docs.len();
    let (s, rest) = docs.split_at(n * 4 / 10);
    let (t, e) = rest.split_at(rest.len() / 2);
    let opts = Options::default();
    let none = CvSources { priors: &[], starter: None, gazetteer: None, clitics: Clitics::Include };
    let starter = train_calibrated(s, &opts, &none);
    let coarse: Vec<String> = starter.labels.clone();
    let empty = LabelMap::new();
    let ctx = Context {
        labels: &coarse,
        clitics: Clitics::Include,
        starter: Some(&starter),
        starter_map: &empty,
        others: Vec::new(),
        opts: opts.clone(),
    };
    println!("{n} documents: starter {}, done {}, held out {}", s.len(), t.len(), e.len());
    let native = assess(t, e, &ctx, DEFAULT_MIN_CONFIDENCE);
    show("the starter's scheme", &native);
    let combined = f1(&native, "combined layer");
    for r in &native[..native.len() - 1] {
        assert!(
            combined >= r.at_threshold.f1(),
            "combined F1 {combined:.3} below {} {:.3}",
            r.name,
            r.at_threshold.f1()
        );
    }

    let scheme: LabelMap =
        [("PER", "PERS"), ("GPE", "LOC"), ("FAC", "LOC"), ("PRO", "MISC"), ("VEH", "MISC"), ("WEA", "MISC")]
            .into_iter()
            .map(|(a, b)| (a.to_string(), Some(b.to_string())))
            .chain([("NORP".to_string(), None)])
            .collect();
    let other = |d: &[TrainDoc]| -> Vec<TrainDoc> { relabel(d, &scheme).iter().map(attach_waw).collect() };
    let (t2, e2) = (other(t), other(e));
    let labels: Vec<String> = ["PERS", "ORG", "LOC", "MISC"].iter().map(|s| s.to_string()).collect();
    let ctx2 = Context { labels: &labels, ..ctx.clone() };
    let cold = assess(&[], &e2, &ctx2, DEFAULT_MIN_CONFIDENCE);
    show("another scheme, no document done", &cold);
    let warm = assess(&t2, &e2, &ctx2, DEFAULT_MIN_CONFIDENCE);
    show("another scheme, the done documents learned", &warm);
    let (before, after) = (f1(&cold, "combined layer"), f1(&warm, "combined layer"));
    assert!(after > before, "adapting to the done documents: F1 {before:.3} → {after:.3}");
    assert!(f1(&warm, "model with priors") > f1(&warm, "model, no priors"), "the priors help");
}
