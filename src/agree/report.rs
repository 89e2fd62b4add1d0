//! The measures computed from an [`Agreement`]'s counts, as a serialisable [`Report`], and its
//! readable table.

use std::fmt::{self, Write as _};

use serde::Serialize;

use super::spans::PairCounts;
use super::{Agreement, OUTSIDE, kappa};

/// Precision, recall and F1 of the second annotator against the first, with their counts.
/// A ratio whose denominator is zero is `None` (`null` in JSON).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Prf {
    /// Matched spans of the second / spans of the second.
    pub precision: Option<f64>,
    /// Matched spans of the first / spans of the first.
    pub recall: Option<f64>,
    /// Harmonic mean of precision and recall.
    pub f1: Option<f64>,
    /// Spans of the first annotator.
    pub first: u64,
    /// Spans of the second.
    pub second: u64,
    /// Spans of the first that are matched.
    pub matched_first: u64,
    /// Spans of the second that are matched.
    pub matched_second: u64,
}

impl Prf {
    fn new(first: u64, second: u64, matched_first: u64, matched_second: u64) -> Self {
        let div = |a: u64, b: u64| (b > 0).then(|| a as f64 / b as f64);
        let precision = div(matched_second, second);
        let recall = div(matched_first, first);
        let f1 = match (precision, recall) {
            (Some(p), Some(r)) if p + r > 0.0 => Some(2.0 * p * r / (p + r)),
            (Some(_), Some(_)) => Some(0.0),
            _ => None,
        };
        Self { precision, recall, f1, first, second, matched_first, matched_second }
    }
}

/// The measures of one label in one pair.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LabelPair {
    /// The label's name.
    pub label: String,
    /// Exact spans (same range and label).
    pub exact: Prf,
    /// Overlapping spans with the same label.
    pub partial: Prf,
    /// Token-level Cohen's κ of this label against all others (binary).
    pub cohen_kappa: Option<f64>,
}

/// The measures of one pair of annotators.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairReport {
    /// The first annotator (the reference).
    pub first: String,
    /// The second.
    pub second: String,
    /// Exact-span scores over all labels (micro).
    pub exact: Prf,
    /// Partial-overlap scores over all labels (micro).
    pub partial: Prf,
    /// Token-level Cohen's κ over all labels and O.
    pub cohen_kappa: Option<f64>,
    /// Per label, in the report's label order.
    pub labels: Vec<LabelPair>,
    /// `confusion[i][j]`: overlapping spans labelled `labels[i]` by the first and `labels[j]`
    /// by the second, indices into [`Report::confusion_labels`] (0 is O: no overlapping span).
    pub confusion: Vec<Vec<u64>>,
}

/// Entities per annotator of one label; a label only some annotators used is reported so.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LabelCounts {
    /// The label's name.
    pub label: String,
    /// Entities of each annotator (in [`Report::annotators`] order).
    pub entities: Vec<u64>,
}

/// Every measure over the documents of an [`Agreement`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The annotators.
    pub annotators: Vec<String>,
    /// Documents compared.
    pub documents: usize,
    /// Tokens (units of κ and α) over all documents.
    pub tokens: usize,
    /// Entities per label and annotator.
    pub labels: Vec<LabelCounts>,
    /// Labels that some annotators never used while others did, with who did not.
    pub labels_missing: Vec<(String, Vec<String>)>,
    /// The rows and columns of every confusion matrix: O, then the labels.
    pub confusion_labels: Vec<String>,
    /// Each pair `(i, j)`, `i < j`.
    pub pairs: Vec<PairReport>,
    /// Fleiss' κ over all annotators (three or more).
    pub fleiss_kappa: Option<f64>,
    /// Krippendorff's α, nominal, token units, all annotators.
    pub krippendorff_alpha: Option<f64>,
}

/// Computes the report of `agr`.
pub(super) fn build(agr: &Agreement) -> Report {
    let n = agr.labels.len();
    let pairs = Agreement::pair_list(agr.annotators.len());
    let pair_reports = pairs
        .iter()
        .zip(&agr.pairs)
        .map(|(p, counts)| {
            let (ra, rb) = (&agr.ratings[p.a], &agr.ratings[p.b]);
            pair_report(agr, counts, ra, rb, (&agr.annotators[p.a], &agr.annotators[p.b]))
        })
        .collect();
    let raters: Vec<&[u32]> = agr.ratings.iter().map(Vec::as_slice).collect();
    let entities = |label: usize| agr.entities.iter().map(|c| c.get(label).copied().unwrap_or(0)).collect();
    let labels: Vec<LabelCounts> =
        (1..n).map(|i| LabelCounts { label: agr.labels[i].clone(), entities: entities(i) }).collect();
    let labels_missing = labels
        .iter()
        .filter(|l| l.entities.contains(&0))
        .map(|l| {
            let who = l.entities.iter().zip(&agr.annotators).filter(|(c, _)| **c == 0);
            (l.label.clone(), who.map(|(_, a)| a.clone()).collect())
        })
        .collect();
    Report {
        annotators: agr.annotators.clone(),
        documents: agr.documents,
        tokens: raters.first().map_or(0, |r| r.len()),
        labels,
        labels_missing,
        confusion_labels: agr.labels.clone(),
        pairs: pair_reports,
        fleiss_kappa: if raters.len() >= 3 { kappa::fleiss(&raters, n) } else { None },
        krippendorff_alpha: kappa::krippendorff_nominal(&raters, n),
    }
}

fn pair_report(agr: &Agreement, c: &PairCounts, ra: &[u32], rb: &[u32], names: (&str, &str)) -> PairReport {
    let n = agr.labels.len();
    let at = |v: &[u64], i: usize| v.get(i).copied().unwrap_or(0);
    let sum = |v: &[u64]| v.iter().sum::<u64>();
    let labels = (1..n)
        .map(|i| LabelPair {
            label: agr.labels[i].clone(),
            exact: Prf::new(at(&c.a, i), at(&c.b, i), at(&c.exact, i), at(&c.exact, i)),
            partial: Prf::new(at(&c.a, i), at(&c.b, i), at(&c.partial_a, i), at(&c.partial_b, i)),
            cohen_kappa: kappa::cohen_one_vs_rest(ra, rb, u32::try_from(i).unwrap_or(u32::MAX)),
        })
        .collect();
    let mut confusion = c.confusion.clone();
    confusion.iter_mut().for_each(|row| row.resize(n, 0));
    confusion.resize(n, vec![0; n]);
    PairReport {
        first: names.0.to_string(),
        second: names.1.to_string(),
        exact: Prf::new(sum(&c.a), sum(&c.b), sum(&c.exact), sum(&c.exact)),
        partial: Prf::new(sum(&c.a), sum(&c.b), sum(&c.partial_a), sum(&c.partial_b)),
        cohen_kappa: kappa::cohen(ra, rb, n),
        labels,
        confusion,
    }
}

/// A ratio with three decimals, `–` when undefined.
fn num(x: Option<f64>) -> String {
    x.map_or_else(|| "–".to_string(), |v| format!("{v:.3}"))
}

impl fmt::Display for Report {
    /// The readable table of `hashiya agree`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} documents, {} tokens, annotators: {}",
            self.documents,
            self.tokens,
            self.annotators.join(", ")
        )?;
        for p in &self.pairs {
            writeln!(
                f,
                "\n{} vs {}  (precision and recall of {} against {})",
                p.first, p.second, p.second, p.first
            )?;
            writeln!(
                f,
                "{:<12} {:>7} {:>7} {:>7} {:>9} {:>7} {:>7}",
                "label", "P", "R", "F1", "partialF1", "kappa", "n"
            )?;
            let row = |name: &str, e: &Prf, part: &Prf, k: Option<f64>| {
                let n = format!("{}/{}", e.first, e.second);
                format!(
                    "{name:<12} {:>7} {:>7} {:>7} {:>9} {:>7} {n:>7}",
                    num(e.precision),
                    num(e.recall),
                    num(e.f1),
                    num(part.f1),
                    num(k)
                )
            };
            for l in &p.labels {
                writeln!(f, "{}", row(&l.label, &l.exact, &l.partial, l.cohen_kappa))?;
            }
            writeln!(f, "{}", row("overall", &p.exact, &p.partial, p.cohen_kappa))?;
            write_confusion(f, &self.confusion_labels, &p.confusion)?;
        }
        if self.annotators.len() >= 3 {
            writeln!(f, "\nFleiss' kappa (all annotators): {}", num(self.fleiss_kappa))?;
        }
        writeln!(f, "Krippendorff's alpha (nominal, tokens): {}", num(self.krippendorff_alpha))?;
        for (label, who) in &self.labels_missing {
            writeln!(f, "label {label} is never used by {}", who.join(", "))?;
        }
        Ok(())
    }
}

fn write_confusion(f: &mut fmt::Formatter<'_>, labels: &[String], m: &[Vec<u64>]) -> fmt::Result {
    let mut head =
        format!("confusion (rows: first, columns: second; {OUTSIDE} = no overlapping span)\n{:<8}", "");
    for l in labels {
        let _ = write!(head, " {l:>6}");
    }
    writeln!(f, "{head}")?;
    for (l, row) in labels.iter().zip(m) {
        let mut line = format!("{l:<8}");
        for c in row {
            let _ = write!(line, " {c:>6}");
        }
        writeln!(f, "{line}")?;
    }
    Ok(())
}
