//! The combiner of the layer: a logistic regression, fitted on cross-validated proposals of
//! the corpus's done documents, that turns what every source said of one span and label
//! (which sources proposed it, how sure each was, whether another label competes for it) into
//! the probability that it is right. Sources that agree then count for more than the surest of
//! them, and a source the corpus has shown to be loose counts for less.

use std::ops::Range;

use crate::model::SuggestionSource;

/// The sources the combiner weighs, in feature order.
pub const SOURCES: [SuggestionSource; 4] = [
    SuggestionSource::Starter,
    SuggestionSource::Model,
    SuggestionSource::Corpus,
    SuggestionSource::Gazetteer,
];

/// Number of features: a bias, per source "proposed" and its confidence's log-odds, how many
/// sources agree, and whether another label competes for the span.
pub const FEATURES: usize = 3 + 2 * SOURCES.len();

/// Observations needed (with both outcomes) before a combiner is fitted.
pub const MIN_ROWS: usize = 50;

/// What the sources said of one span and label.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The span.
    pub range: Range<usize>,
    /// The label.
    pub label: String,
    /// Each source's confidence (in [`SOURCES`] order), where it proposed this.
    pub confs: [Option<f32>; SOURCES.len()],
    /// Another label was proposed for the same span.
    pub contested: bool,
    /// The other labels proposed for the span.
    pub alternatives: Vec<String>,
}

/// Groups candidates `(range, label, confidence, source, alternatives)` by span and label.
pub fn group(cands: &[super::layer::Candidate]) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    for c in cands {
        let Some(k) = SOURCES.iter().position(|s| *s == c.source) else { continue };
        match out.iter_mut().find(|g| g.range == c.range && g.label == c.label) {
            Some(g) => g.confs[k] = Some(g.confs[k].map_or(c.confidence, |x| x.max(c.confidence))),
            None => {
                let mut confs = [None; SOURCES.len()];
                confs[k] = Some(c.confidence);
                out.push(Group {
                    range: c.range.clone(),
                    label: c.label.clone(),
                    confs,
                    contested: false,
                    alternatives: c.alternatives.clone(),
                });
            }
        }
    }
    let spans: Vec<(Range<usize>, String)> = out.iter().map(|g| (g.range.clone(), g.label.clone())).collect();
    for g in &mut out {
        for (r, l) in &spans {
            if *r == g.range && *l != g.label {
                g.contested = true;
                if !g.alternatives.contains(l) {
                    g.alternatives.push(l.clone());
                }
            }
        }
    }
    out
}

fn logit(p: f32) -> f32 {
    let p = p.clamp(0.01, 0.99);
    (p / (1.0 - p)).ln()
}

/// The features of a group.
pub fn features(g: &Group) -> [f32; FEATURES] {
    let mut x = [0.0; FEATURES];
    x[0] = 1.0;
    for (k, c) in g.confs.iter().enumerate() {
        if let Some(c) = c {
            x[1 + 2 * k] = 1.0;
            x[2 + 2 * k] = logit(*c);
        }
    }
    let agree = g.confs.iter().filter(|c| c.is_some()).count();
    x[FEATURES - 2] = agree.saturating_sub(1) as f32;
    x[FEATURES - 1] = f32::from(u8::from(g.contested));
    x
}

/// The surest single source's confidence: what a group is worth without a combiner.
pub fn max_confidence(g: &Group) -> f32 {
    g.confs.iter().flatten().copied().fold(0.0, f32::max)
}

/// The L2 penalty's strength (rows count one each).
const PENALTY: f64 = 1.0;

/// The weights a combiner is pulled towards: each source's calibrated confidence taken as it
/// is (log-odds weight 1, nothing else), so that little data leaves the sources' own
/// calibrations in charge rather than pulling every score to one half.
fn prior_weights() -> [f64; FEATURES] {
    let mut w = [0.0; FEATURES];
    for k in 0..SOURCES.len() {
        w[2 + 2 * k] = 1.0;
    }
    w
}

/// A fitted combiner.
#[derive(Debug, Clone, PartialEq)]
pub struct Combiner {
    /// One weight per feature.
    pub weights: Vec<f32>,
}

fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z.clamp(-30.0, 30.0)).exp())
}

impl Combiner {
    /// The probability that `g` is right.
    pub fn score(&self, g: &Group) -> f32 {
        let x = features(g);
        sigmoid(self.weights.iter().zip(x).map(|(w, x)| w * x).sum())
    }

    /// Fits the weights to `rows` by Newton's method with a small L2 penalty towards
    /// [`prior_weights`]; `None` with fewer than [`MIN_ROWS`] rows or only one outcome.
    pub fn fit(rows: &[([f32; FEATURES], bool)]) -> Option<Self> {
        let right = rows.iter().filter(|r| r.1).count();
        if rows.len() < MIN_ROWS || right == 0 || right == rows.len() {
            return None;
        }
        let prior = prior_weights();
        let mut w = [0.0f64; FEATURES];
        for _ in 0..25 {
            let mut grad = [0.0f64; FEATURES];
            let mut hess = [[0.0f64; FEATURES]; FEATURES];
            for (x, y) in rows {
                let z: f64 = w.iter().zip(x).map(|(w, x)| w * f64::from(*x)).sum();
                let p = 1.0 / (1.0 + (-z.clamp(-30.0, 30.0)).exp());
                let err = p - f64::from(u8::from(*y));
                for i in 0..FEATURES {
                    grad[i] += err * f64::from(x[i]);
                    for j in 0..FEATURES {
                        hess[i][j] += p * (1.0 - p) * f64::from(x[i]) * f64::from(x[j]);
                    }
                }
            }
            for i in 0..FEATURES {
                grad[i] += PENALTY * (w[i] - prior[i]);
                hess[i][i] += PENALTY;
            }
            let step = solve(hess, grad)?;
            let mut moved = 0.0f64;
            for i in 0..FEATURES {
                w[i] -= step[i];
                moved = moved.max(step[i].abs());
            }
            if moved < 1e-6 {
                break;
            }
        }
        Some(Self { weights: w.iter().map(|&x| x as f32).collect() })
    }
}

/// Solves `a x = b` by Gaussian elimination with partial pivoting.
fn solve(mut a: [[f64; FEATURES]; FEATURES], mut b: [f64; FEATURES]) -> Option<[f64; FEATURES]> {
    for col in 0..FEATURES {
        let pivot = (col..FEATURES).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot][col].abs() < 1e-12 {
            return None;
        }
        a.swap(col, pivot);
        b.swap(col, pivot);
        let (pivot_row, pivot_b) = (a[col], b[col]);
        for row in col + 1..FEATURES {
            let f = a[row][col] / pivot_row[col];
            a[row][col..].iter_mut().zip(&pivot_row[col..]).for_each(|(x, p)| *x -= f * p);
            b[row] -= f * pivot_b;
        }
    }
    let mut x = [0.0f64; FEATURES];
    for row in (0..FEATURES).rev() {
        let s: f64 = (row + 1..FEATURES).map(|k| a[row][k] * x[k]).sum();
        x[row] = (b[row] - s) / a[row][row];
    }
    Some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(starter: Option<f32>, model: Option<f32>) -> Group {
        Group {
            range: 0..1,
            label: "X".into(),
            confs: [starter, model, None, None],
            contested: false,
            alternatives: vec![],
        }
    }

    #[test]
    fn learns_that_agreement_is_surer_and_a_loose_source_is_not() {
        // The starter alone is right a third of the time at 0.9; the model alone two thirds at
        // 0.7; both together nine times in ten.
        let mut rows = Vec::new();
        for i in 0..300 {
            rows.push((features(&g(Some(0.9), None)), i % 3 == 0));
            rows.push((features(&g(None, Some(0.7))), i % 3 != 0));
            rows.push((features(&g(Some(0.9), Some(0.7))), i % 10 != 0));
        }
        let c = Combiner::fit(&rows).expect("fits");
        let (s, m, both) =
            (c.score(&g(Some(0.9), None)), c.score(&g(None, Some(0.7))), c.score(&g(Some(0.9), Some(0.7))));
        assert!((s - 0.333).abs() < 0.05, "{s}");
        assert!((m - 0.667).abs() < 0.05, "{m}");
        assert!(both > 0.85, "{both}");
        assert_eq!(Combiner::fit(&rows[..10]), None);
        // A source the done documents never saw (the gazetteer) keeps its own confidence's
        // order instead of one score for every confidence.
        let gaz = |c: f32| Group { confs: [None, None, None, Some(c)], ..g(None, None) };
        assert!(c.score(&gaz(0.9)) > c.score(&gaz(0.3)) + 0.3, "{c:?}");
    }
}
