//! The starter model: a sequence labeller that Hashiya's own trainer made from the NewsFANE
//! Gold corpus (F. Alotaibi and M. Lee, newswire, CC BY-SA 3.0), its 45 fine types folded into
//! nine coarse ones (`data/starter/newsfane-types.tsv`: PER, ORG, GPE, LOC, FAC, NORP, VEH,
//! WEA, PRO), built into the program so a corpus gets suggestions before its first document is
//! done. `scripts/starter.sh` makes it; `data/starter/README.md` says how and under which
//! licence. It is parsed once, on first use.

use std::sync::OnceLock;

use super::{Model, file};

/// The model file, as built in.
static BYTES: &[u8] = include_bytes!("../../data/starter/hashiya-starter.bin");

/// The built-in model file's bytes (for benchmarks and About).
pub fn bytes() -> &'static [u8] {
    BYTES
}

/// The starter model (`None` only if the built-in file is not a model this version reads, which
/// the test suite rules out).
pub fn model() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    MODEL.get_or_init(|| file::from_bytes(BYTES).ok()).as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_starter_reads_and_finds_names() {
        let m = model().expect("the built-in starter is a model this version reads");
        for t in ["PER", "ORG", "GPE", "LOC", "NORP"] {
            assert!(m.labels.iter().any(|l| l == t), "{t} in {:?}", m.labels);
        }
        assert!(m.description.contains("NewsFANE"), "{}", m.description);
        assert!(m.calibration.as_ref().is_some_and(|c| c.points.len() > 2), "calibrated");
        assert!(m.priors.is_empty());
        let text = "وصل الرئيس إلى دمشق أمس";
        let found: Vec<(String, String)> =
            m.predict(text).into_iter().map(|p| (text[p.range].to_string(), p.label)).collect();
        assert!(found.contains(&("دمشق".to_string(), "GPE".to_string())), "{found:?}");
    }
}
