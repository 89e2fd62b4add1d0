//! Calibration: a source's raw confidence turned into the share of its suggestions that are
//! right, measured on documents it did not learn from, so that a confidence means the same
//! whatever the source. Isotonic regression (pool adjacent violators) over (raw confidence,
//! right or wrong) pairs gives a non-decreasing step function; it is read with linear
//! interpolation between the steps' centres and stored as those points.

/// A non-decreasing map from raw confidence to measured precision.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Calibration {
    /// (raw confidence, precision) points, raw ascending, precision non-decreasing.
    pub points: Vec<(f32, f32)>,
}

/// Observations needed before a calibration is fitted rather than left out.
pub const MIN_OBSERVATIONS: usize = 30;

/// Pseudo-observations pulling each block towards 1/2, so that a block of a few
/// observations never reads as certain.
const PRIOR: f32 = 1.0;

/// Pseudo-observations a prior calibration counts for in [`Calibration::fit_toward`].
pub const PRIOR_WEIGHT: f32 = 300.0;

impl Calibration {
    /// Fits the map to `(raw confidence, right)` observations; `None` with fewer than
    /// [`MIN_OBSERVATIONS`].
    pub fn fit(obs: &[(f32, bool)]) -> Option<Self> {
        Self::fit_toward(obs, None)
    }

    /// Fits the map to `obs` as [`Calibration::fit`] does, pulled towards `prior` (a
    /// calibration measured elsewhere, e.g. the starter's own on NewsFANE) by
    /// [`PRIOR_WEIGHT`] pseudo-observations spread like the real ones: a few done documents
    /// nudge the prior, hundreds replace it.
    pub fn fit_toward(obs: &[(f32, bool)], prior: Option<&Calibration>) -> Option<Self> {
        if obs.len() < MIN_OBSERVATIONS {
            return None;
        }
        let share = prior.map_or(0.0, |_| PRIOR_WEIGHT / obs.len() as f32);
        let mut sorted: Vec<(f32, bool)> = obs.iter().copied().filter(|o| o.0.is_finite()).collect();
        sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
        // Blocks: (sum of raw, count, hits).
        let mut blocks: Vec<(f32, f32, f32)> = Vec::new();
        // Equal confidences are one group of observations: PAV may not split them.
        let mut ties: Vec<(f32, f32, f32)> = Vec::new();
        for (raw, right) in sorted {
            // One observation, and its share of the prior's pseudo-observations.
            let expected = prior.map_or(0.0, |p| p.apply(raw));
            let (n, hit) = (1.0 + share, f32::from(u8::from(right)) + share * expected);
            match ties.last_mut() {
                Some(last) if last.0 == raw => *last = (raw, last.1 + n, last.2 + hit),
                _ => ties.push((raw, n, hit)),
            }
        }
        for (raw, n, hits) in ties {
            blocks.push((raw * n, n, hits));
            while blocks.len() > 1 {
                let n = blocks.len();
                let (a, b) = (blocks[n - 2], blocks[n - 1]);
                if a.2 / a.1 < b.2 / b.1 {
                    break;
                }
                blocks.truncate(n - 2);
                blocks.push((a.0 + b.0, a.1 + b.1, a.2 + b.2));
            }
        }
        let points =
            blocks.iter().map(|&(sum, n, hits)| (sum / n, (hits + PRIOR * 0.5) / (n + PRIOR))).collect();
        Some(Self { points })
    }

    /// The calibrated confidence of `raw`.
    pub fn apply(&self, raw: f32) -> f32 {
        let p = &self.points;
        let (Some(first), Some(last)) = (p.first(), p.last()) else { return raw };
        if raw <= first.0 {
            return first.1;
        }
        if raw >= last.0 {
            return last.1;
        }
        let i = p.partition_point(|q| q.0 <= raw);
        let (a, b) = (p[i - 1], p[i]);
        let t = if b.0 > a.0 { (raw - a.0) / (b.0 - a.0) } else { 1.0 };
        a.1 + t * (b.1 - a.1)
    }
}

/// A reliability table: per confidence band of width 0.1, the suggestions shown in it, their
/// mean confidence and the share that is right.
pub fn reliability(obs: &[(f32, bool)]) -> Vec<Band> {
    let mut bands: Vec<Band> = (0..10).map(|k| Band { from: k as f32 / 10.0, ..Band::default() }).collect();
    for &(p, right) in obs {
        let k = ((p * 10.0).floor() as usize).min(9);
        let b = &mut bands[k];
        b.count += 1;
        b.confidence += p;
        b.right += usize::from(right);
    }
    for b in &mut bands {
        if b.count > 0 {
            b.confidence /= b.count as f32;
        }
    }
    bands
}

/// One band of a [`reliability`] table.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Band {
    /// Lower bound of the band.
    pub from: f32,
    /// Suggestions in it.
    pub count: usize,
    /// Their mean confidence.
    pub confidence: f32,
    /// How many are right.
    pub right: usize,
}

impl Band {
    /// The share that is right.
    pub fn precision(&self) -> f32 {
        if self.count == 0 { 0.0 } else { self.right as f32 / self.count as f32 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_a_monotone_map_of_measured_precision() {
        // Raw 0.2 is right 1 time in 4, raw 0.9 3 times in 4, 20 of each.
        let mut obs = Vec::new();
        for i in 0..80 {
            obs.push((0.2, i % 4 == 0));
            obs.push((0.9, i % 4 != 0));
        }
        let c = Calibration::fit(&obs).expect("enough observations");
        assert!((c.apply(0.2) - 0.25).abs() < 0.01, "{c:?}");
        assert!((c.apply(0.9) - 0.75).abs() < 0.01, "{c:?}");
        assert!(c.apply(0.55) > 0.4 && c.apply(0.55) < 0.6);
        assert!(c.apply(0.0) <= c.apply(0.5) && c.apply(0.5) <= c.apply(1.0));
        assert_eq!(Calibration::fit(&obs[..10]), None);
    }

    #[test]
    fn a_prior_calibration_counts_for_a_fixed_number_of_observations() {
        // The prior says raw 0.8 is right 80 % of the time; the documents say 40 %.
        let prior = Calibration { points: vec![(0.0, 0.0), (1.0, 1.0)] };
        let measured = |n: usize| {
            let obs: Vec<(f32, bool)> = (0..n).map(|i| (0.8, i % 5 < 2)).collect();
            Calibration::fit_toward(&obs, Some(&prior)).expect("fits").apply(0.8)
        };
        let (few, many) = (measured(100), measured(30_000));
        // 100 observations against 300 pseudo-observations: (40 + 240) / 400 = 0.7.
        assert!((few - 0.7).abs() < 0.01, "{few}");
        assert!((many - 0.4).abs() < 0.01, "{many}");
        let alone: Vec<(f32, bool)> = (0..100).map(|i| (0.8, i % 5 < 2)).collect();
        assert!((Calibration::fit(&alone).expect("fits").apply(0.8) - 0.4).abs() < 0.01);
    }

    #[test]
    fn a_perfect_source_is_not_called_certain() {
        let obs: Vec<(f32, bool)> = (0..40).map(|i| (i as f32 / 40.0, true)).collect();
        let c = Calibration::fit(&obs).expect("fits");
        assert!(c.apply(0.5) < 1.0 && c.apply(0.5) > 0.95);
    }

    #[test]
    fn reliability_bands_count_and_average() {
        let t = reliability(&[(0.05, false), (0.95, true), (0.91, false), (1.0, true)]);
        assert_eq!(t[0].count, 1);
        assert_eq!(t[9].count, 3);
        assert_eq!(t[9].right, 2);
        assert!((t[9].confidence - (0.95 + 0.91 + 1.0) / 3.0).abs() < 1e-6);
    }
}
