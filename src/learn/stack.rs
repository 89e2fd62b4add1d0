//! Prior knowledge as features (stacking): what other models — the bundled starter, models of
//! other corpora — propose for a text becomes features of the corpus's own model, so a few
//! done documents teach it how far to trust each of them and how their types and boundaries
//! map onto the corpus's own conventions, while the corpus's words still count.
//!
//! A prior's proposal marks the units it covers with its label and position (first or
//! later unit), a confidence band, and the neighbours' marks.

use std::ops::Range;

use super::features::hash;
use super::units::Unit;

/// A span proposed by a prior: byte range, label name, confidence 0..=1.
pub type Proposal = (Range<usize>, String, f32);

/// What `model` proposes for `text`, as a prior.
pub fn proposals(model: &super::Model, text: &str) -> Vec<Proposal> {
    model.predict(text).into_iter().map(|p| (p.range, p.label, p.confidence)).collect()
}

/// The confidence band of a proposal.
fn band(c: f32) -> &'static str {
    match c {
        c if c >= 0.99 => "99",
        c if c >= 0.95 => "95",
        c if c >= 0.8 => "80",
        c if c >= 0.5 => "50",
        _ => "lo",
    }
}

/// Per unit, the label and position of the proposal covering it most.
fn cover<'a>(units: &[Unit], proposals: &'a [Proposal]) -> Vec<Option<(&'a str, bool, f32)>> {
    let mut out: Vec<Option<(&str, bool, f32)>> = vec![None; units.len()];
    let mut best = vec![0usize; units.len()];
    let mut first = 0;
    let mut sorted: Vec<&Proposal> = proposals.iter().collect();
    sorted.sort_by_key(|p| p.0.start);
    for p in sorted {
        while first < units.len() && units[first].range.end <= p.0.start {
            first += 1;
        }
        let mut begin = true;
        for (i, u) in units.iter().enumerate().skip(first).take_while(|(_, u)| u.range.start < p.0.end) {
            let overlap = u.range.end.min(p.0.end).saturating_sub(u.range.start.max(p.0.start));
            if overlap > best[i] && !u.clitic {
                best[i] = overlap;
                out[i] = Some((p.1.as_str(), begin, p.2));
                begin = false;
            }
        }
    }
    out
}

/// The feature of a unit covered by prior `k`'s proposal of `label`.
pub fn label_feature(k: usize, label: &str) -> u64 {
    hash(60, &format!("{k}:{label}"))
}

/// Adds prior `k`'s features to `extra` (one list per unit).
pub fn add_features(extra: &mut [Vec<u64>], units: &[Unit], proposals: &[Proposal], k: usize) {
    let marks = cover(units, proposals);
    let tag = |m: Option<(&str, bool, f32)>| m.map_or_else(|| "O".to_string(), |(l, _, _)| l.to_string());
    for (i, slot) in extra.iter_mut().enumerate() {
        let prev = i.checked_sub(1).and_then(|j| marks.get(j).copied().flatten());
        let next = marks.get(i + 1).copied().flatten();
        if let Some(Some((label, begin, conf))) = marks.get(i).copied() {
            let pos = if begin { "B" } else { "I" };
            slot.push(label_feature(k, label));
            slot.push(hash(61, &format!("{k}:{label}:{pos}")));
            slot.push(hash(62, &format!("{k}:{label}:{}", band(conf))));
            slot.push(hash(63, &format!("{k}:{pos}:{}", tag(prev))));
        } else {
            slot.push(hash(64, &format!("{k}:O:{}:{}", tag(prev), tag(next))));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::learn::units::units;

    #[test]
    fn proposals_mark_the_units_they_cover_never_a_clitic() {
        let t = "زار وإيران أمس";
        let u = units(t);
        let at = t.find("وإيران").unwrap_or(0);
        let props = vec![(at..at + "وإيران".len(), "GPE".to_string(), 0.97)];
        let m = cover(&u, &props);
        assert_eq!(
            m.iter().map(|m| m.map(|x| (x.0, x.1))).collect::<Vec<_>>(),
            [None, None, Some(("GPE", true)), None]
        );
        let mut extra = vec![Vec::new(); u.len()];
        add_features(&mut extra, &u, &props, 0);
        assert!(extra.iter().all(|f| !f.is_empty()));
        assert_ne!(extra[0], extra[2]);
    }
}
