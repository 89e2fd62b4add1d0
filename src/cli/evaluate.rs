//! `hashiya train DIR --eval`: held-out scores of every suggestion source and of the combined
//! layer, with priors on and off, the reliability of the combined layer's confidences, its
//! threshold table and learning curve ([`crate::learn::assess`]).

use std::time::Instant;

use crate::learn::assess::{Context, SourceScores, assess};
use crate::learn::calibrate::reliability;
use crate::learn::eval::{Counts, split_docs};
use crate::learn::layer::DEFAULT_MIN_CONFIDENCE;
use crate::learn::setup::Setup;
use crate::learn::{Model, Options};

fn prf(c: &Counts) -> String {
    format!("{:.3} {:.3} {:.3}", c.precision(), c.recall(), c.f1())
}

fn print_sources(rows: &[SourceScores]) {
    outln!(
        "  {:<22} {:>19}   {:>19}",
        "source",
        "every proposal",
        format!("confidence ≥ {DEFAULT_MIN_CONFIDENCE}")
    );
    outln!("  {:<22} {:>19}   {:>19}", "", "P     R     F1", "P     R     F1");
    for r in rows {
        outln!("  {:<22} {:>19}   {:>19}", r.name, prf(&r.all), prf(&r.at_threshold));
    }
}

fn print_reliability(obs: &[(f32, bool)]) {
    outln!("reliability of the combined layer's confidence (held out):");
    outln!("  {:<11} {:>6} {:>10} {:>8}", "confidence", "shown", "mean conf.", "right");
    for b in reliability(obs).iter().filter(|b| b.count > 0) {
        outln!(
            "  {:.1}–{:.1}    {:>6} {:>10.3} {:>8.3}",
            b.from,
            b.from + 0.1,
            b.count,
            b.confidence,
            b.precision()
        );
    }
    outln!("  {:<11} {:>6} {:>10} {:>8}", "at least", "shown", "", "right");
    for c in [0.3f32, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95] {
        let kept: Vec<_> = obs.iter().filter(|o| o.0 >= c).collect();
        let right = kept.iter().filter(|o| o.1).count();
        let share = if kept.is_empty() { 0.0 } else { right as f32 / kept.len() as f32 };
        outln!("  ≥ {c:.2}      {:>6} {:>10} {share:>8.3}", kept.len(), "");
    }
}

/// Prints the held-out assessment of `setup`'s done documents, split at `fraction`.
pub fn evaluate(setup: &Setup, fraction: f64, opts: &Options) {
    let (tr, te) = split_docs(&setup.train_docs, fraction);
    let tokens: usize = tr.iter().map(|d| d.text.split_whitespace().count()).sum();
    let others: Vec<&Model> = setup.priors.iter().map(|p| &p.model).collect();
    let ctx = Context {
        labels: &setup.labels,
        clitics: setup.clitics.0,
        starter: setup.starter,
        starter_map: &setup.settings.starter_map,
        others,
        opts: opts.clone(),
    };
    outln!("held out: trained on {} documents ({tokens} words), scored on {} documents", tr.len(), te.len());
    let t = Instant::now();
    let rows = assess(&tr, &te, &ctx, DEFAULT_MIN_CONFIDENCE);
    outln!("(built and scored in {:.2} s)", t.elapsed().as_secs_f64());
    print_sources(&rows);
    if let Some(combined) = rows.last() {
        print_reliability(&combined.observations);
    }
    if tr.len() > 5 {
        outln!("learning curve (combined layer, F1 / precision at confidence ≥ {DEFAULT_MIN_CONFIDENCE}):");
        let no_priors = Context { starter: None, others: Vec::new(), ..ctx.clone() };
        for n in [0, 1, 2, 5, 10, 20, 40].into_iter().filter(|&n| n <= tr.len()) {
            let with = assess(&tr[..n], &te, &ctx, DEFAULT_MIN_CONFIDENCE);
            let without =
                if n == 0 { None } else { Some(assess(&tr[..n], &te, &no_priors, DEFAULT_MIN_CONFIDENCE)) };
            let show = |rows: Option<&Vec<SourceScores>>| {
                rows.and_then(|r| r.last()).map_or("–".to_string(), |r| {
                    format!("{:.3} / {:.3}", r.at_threshold.f1(), r.at_threshold.precision())
                })
            };
            outln!(
                "  {n:>3} documents: priors on {}   priors off {}",
                show(Some(&with)),
                show(without.as_ref())
            );
        }
    }
}
