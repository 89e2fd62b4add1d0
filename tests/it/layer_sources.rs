//! Diagnostic (ignored): each source of the layer and the layer itself, on held-out NewsFANE,
//! after 0, 5, 10, 20 and 40 documents done in file order (the setup of `order_simulation`,
//! rotation 0; `DIP_N=5,80` picks other counts); BENCHMARKS.md, "The dip, taken apart", has
//! what it showed. Asserted: a few done documents only nudge the starter's calibration — the
//! starter source's F1 never falls more than 0.05 below its F1 with no document done (it fell
//! 0.066 after 5 documents when the calibration was measured on them alone).
//!
//! ```text
//! HASHIYA_SHARED=../shared cargo test --release --test it layer_sources -- --ignored --nocapture
//! ```

use hashiya::learn::TrainDoc;
use hashiya::learn::layer::{DEFAULT_MIN_CONFIDENCE, Layer};

use crate::order_simulation::{held_out, layer_of, newsfane_documents, split};

fn row(name: &str, layer: &Layer, test: &[TrainDoc]) -> f64 {
    row_at(name, layer, test, DEFAULT_MIN_CONFIDENCE)
}

/// Prints `layer`'s scores at `min` on `test`; returns its F1.
fn row_at(name: &str, layer: &Layer, test: &[TrainDoc], min: f32) -> f64 {
    let t = held_out(layer, test, min);
    println!("    {name:<34} P {:.3} R {:.3} F1 {:.3}", t.precision(), t.recall(), t.f1());
    t.f1()
}

#[test]
#[ignore = "a diagnostic: seconds in a release build, minutes in a debug one"]
fn layer_sources() {
    let Some(docs) = newsfane_documents("layer_sources") else { return };
    let (starter, pool, test) = split(&docs);
    let test = &test[..];
    let done_counts: Vec<usize> = std::env::var("DIP_N")
        .ok()
        .map(|v| v.split(',').filter_map(|x| x.parse().ok()).collect())
        .unwrap_or_else(|| vec![0, 5, 10, 20, 40]);
    let cold = row("starter, no document done", &layer_of(starter, &starter.labels, &[]).layer(), test);
    for n in done_counts {
        let built = layer_of(starter, &starter.labels, &pool[..n]);
        println!("after {n} documents done:");
        let full = built.layer();
        row("combined layer", &full, test);
        for t in [0.35, 0.4, 0.45] {
            row_at(&format!("combined layer at {t}"), &full, test, t);
        }
        row("combined, surest source", &Layer { combiner: None, ..full.clone() }, test);
        let alone = Layer { model: None, corpus: None, combiner: None, ..full.clone() };
        let starter_f1 = row("starter (as calibrated)", &alone, test);
        assert!(
            starter_f1 > cold - 0.05,
            "after {n} documents the starter's F1 is {starter_f1:.3}, {cold:.3} with none done"
        );
        row("starter + model, surest", &Layer { corpus: None, combiner: None, ..full.clone() }, test);
        row("model", &built.model_layer(), test);
        row("dictionary", &Layer { starter: None, model: None, combiner: None, ..full.clone() }, test);
        if let Some((m, _)) = &built.model {
            println!("    combiner {:?}", m.combiner.as_ref().map(|c| c.weights.clone()));
        }
    }
}
