//! Chance-corrected agreement on categorical ratings of the same units: Cohen's κ (two raters),
//! Fleiss' κ (any fixed number of raters) and Krippendorff's α (nominal metric). Ratings are
//! category indices; every unit is rated by every rater (no missing values). A measure whose
//! chance agreement is total (every rating in one category) is undefined: `None`.

/// Cohen's κ of two raters' ratings of the same units (same length): `(pₒ − pₑ) / (1 − pₑ)`
/// with `pₑ` from each rater's own category frequencies (as scikit-learn's
/// `cohen_kappa_score`). `None` when there are no units or `pₑ = 1`.
pub fn cohen(a: &[u32], b: &[u32], categories: usize) -> Option<f64> {
    let n = a.len().min(b.len());
    if n == 0 {
        return None;
    }
    let mut ca = vec![0u64; categories];
    let mut cb = vec![0u64; categories];
    let mut agree = 0u64;
    for (&x, &y) in a.iter().zip(b) {
        bump(&mut ca, x);
        bump(&mut cb, y);
        agree += u64::from(x == y);
    }
    let nf = n as f64;
    let po = agree as f64 / nf;
    let pe: f64 = ca.iter().zip(&cb).map(|(&x, &y)| (x as f64 / nf) * (y as f64 / nf)).sum();
    ratio(po - pe, 1.0 - pe)
}

/// Cohen's κ of one category against all others (binary ratings "is `category`" or not).
pub fn cohen_one_vs_rest(a: &[u32], b: &[u32], category: u32) -> Option<f64> {
    let bin = |r: &[u32]| r.iter().map(|&x| u32::from(x == category)).collect::<Vec<_>>();
    cohen(&bin(a), &bin(b), 2)
}

/// Fleiss' κ of `raters[r][unit]` (every rater rates every unit), as statsmodels'
/// `fleiss_kappa(table, method="fleiss")`. `None` with fewer than two raters, no units, or
/// `P̄ₑ = 1`.
pub fn fleiss(raters: &[&[u32]], categories: usize) -> Option<f64> {
    let m = raters.len() as u64;
    let (squares, totals) = tallies(raters, categories)?;
    let sum_p: f64 = squares.iter().map(|&sq| (sq - m) as f64 / (m * (m - 1)) as f64).sum();
    let p_bar = sum_p / squares.len() as f64;
    let all = (squares.len() as u64 * m) as f64;
    let pe: f64 = totals.iter().map(|&t| (t as f64 / all).powi(2)).sum();
    ratio(p_bar - pe, 1.0 - pe)
}

/// Krippendorff's α, nominal metric, of `raters[r][unit]` with no missing values (as the
/// `krippendorff` package's `alpha(reliability_data, level_of_measurement="nominal")`):
/// `α = 1 − (n − 1) · Σ_u (m_u² − Σ_c m_uc²)/(m_u − 1) / (n² − Σ_c n_c²)`.
pub fn krippendorff_nominal(raters: &[&[u32]], categories: usize) -> Option<f64> {
    let m = raters.len() as u64;
    let (squares, totals) = tallies(raters, categories)?;
    let disagree: f64 = squares.iter().map(|&sq| (m * m - sq) as f64 / (m - 1) as f64).sum();
    let n = (squares.len() as u64 * m) as f64;
    let expected = n * n - totals.iter().map(|&t| (t as f64).powi(2)).sum::<f64>();
    ratio((n - 1.0) * disagree, expected).map(|d| 1.0 - d)
}

/// What Fleiss' κ and Krippendorff's α are computed from: per unit, `Σ_c m_uc²` (the squared
/// number of raters that chose each category), and per category, how often it was chosen.
/// `None` with fewer than two raters or no units.
fn tallies(raters: &[&[u32]], categories: usize) -> Option<(Vec<u64>, Vec<u64>)> {
    let units = raters.iter().map(|r| r.len()).min().unwrap_or(0);
    if raters.len() < 2 || units == 0 {
        return None;
    }
    let mut totals = vec![0u64; categories];
    let mut counts = vec![0u64; categories];
    let mut squares = Vec::with_capacity(units);
    for u in 0..units {
        counts.fill(0);
        for r in raters {
            bump(&mut counts, r[u]);
        }
        squares.push(counts.iter().map(|c| c * c).sum());
        totals.iter_mut().zip(&counts).for_each(|(t, c)| *t += c);
    }
    Some((squares, totals))
}

/// Adds one to `counts[category]` (a category past the end is ignored: callers size it).
fn bump(counts: &mut [u64], category: u32) {
    if let Some(c) = counts.get_mut(category as usize) {
        *c += 1;
    }
}

/// `num / den`, `None` when the denominator is zero (up to rounding).
fn ratio(num: f64, den: f64) -> Option<f64> {
    (den.abs() > 1e-12).then(|| num / den)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_agreement_is_one_and_chance_is_near_zero() {
        let a = [0, 1, 2, 0, 1];
        assert_eq!(cohen(&a, &a, 3), Some(1.0));
        assert_eq!(fleiss(&[&a, &a, &a], 3), Some(1.0));
        assert_eq!(krippendorff_nominal(&[&a, &a], 3), Some(1.0));
        // Two raters that always differ on a balanced binary task: κ = −1.
        assert_eq!(cohen(&[0, 1, 0, 1], &[1, 0, 1, 0], 2), Some(-1.0));
    }

    #[test]
    fn one_category_only_is_undefined() {
        assert_eq!(cohen(&[0, 0], &[0, 0], 1), None);
        assert_eq!(fleiss(&[&[0, 0], &[0, 0]], 1), None);
        assert_eq!(krippendorff_nominal(&[&[0, 0], &[0, 0]], 1), None);
        assert_eq!(cohen(&[], &[], 2), None);
    }

    #[test]
    fn hand_computed_cohen() {
        // 10 units: agree on 7 (po = 0.7); a: 6×0 4×1, b: 5×0 5×1; pe = 0.6·0.5 + 0.4·0.5 = 0.5.
        let a = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1];
        let b = [0, 0, 0, 0, 1, 1, 1, 1, 1, 0];
        let k = cohen(&a, &b, 2).unwrap_or(f64::NAN);
        assert!((k - 0.4).abs() < 1e-12, "{k}");
    }
}
