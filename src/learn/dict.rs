//! The dictionary of tagged names: every entity's normalised units with its label counts,
//! matched longest-first over a text's units to give the "in the dictionary as LABEL" feature.

use rustc_hash::FxHashMap;

use super::units::Unit;

/// Longest name matched, in units.
const MAX_UNITS: usize = 6;

/// Normalised names (units joined by one space) → label counts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dictionary {
    names: FxHashMap<String, Vec<(String, u32)>>,
    /// Each word of a name → label counts (words of unmatched names still hint).
    words: FxHashMap<String, Vec<(String, u32)>>,
}

fn bump(counts: &mut Vec<(String, u32)>, label: &str, n: u32) {
    match counts.iter_mut().find(|(l, _)| l == label) {
        Some((_, c)) => *c += n,
        None => counts.push((label.to_string(), n)),
    }
}

fn top(counts: &[(String, u32)]) -> Option<&str> {
    counts.iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0))).map(|(l, _)| l.as_str())
}

impl Dictionary {
    /// Records one tagged name.
    pub fn add(&mut self, name: String, label: &str) {
        self.add_count(name, label, 1);
    }

    /// Records a name tagged `n` times with `label`.
    pub fn add_count(&mut self, name: String, label: &str, n: u32) {
        for w in name.split(' ') {
            bump(self.words.entry(w.to_string()).or_default(), label, n);
        }
        bump(self.names.entry(name).or_default(), label, n);
    }

    /// Number of names.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// True when there are no names.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// Every name with its label counts.
    pub fn entries(&self) -> impl Iterator<Item = (&String, &Vec<(String, u32)>)> {
        self.names.iter()
    }

    /// The most frequent label of a name.
    fn label(&self, name: &str) -> Option<&str> {
        top(self.names.get(name)?)
    }

    /// Per unit, `LABEL:B` or `LABEL:I` where a name matches (longest first, never across a
    /// sentence start, never starting on a split-off proclitic).
    pub fn marks(&self, norms: &[&str], units: &[Unit]) -> Vec<Option<String>> {
        let mut out = vec![None; norms.len()];
        let mut i = 0;
        while i < norms.len() {
            let mut found = None;
            if !units.get(i).is_some_and(|u| u.clitic) {
                let mut name = String::new();
                for (j, norm) in norms.iter().enumerate().skip(i).take(MAX_UNITS) {
                    if j > i && units.get(j).is_some_and(|u| u.sentence_start) {
                        break;
                    }
                    if j > i {
                        name.push(' ');
                    }
                    name.push_str(norm);
                    if let Some(l) = self.label(&name) {
                        found = Some((j, l));
                    }
                }
            }
            match found {
                Some((j, l)) => {
                    for (k, slot) in out[i..=j].iter_mut().enumerate() {
                        *slot = Some(format!("{l}:{}", if k == 0 { 'B' } else { 'I' }));
                    }
                    i = j + 1;
                }
                None => {
                    if let Some(l) = self.words.get(norms[i]).and_then(|c| top(c)) {
                        out[i] = Some(format!("{l}:W"));
                    }
                    i += 1;
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_match_wins() {
        let mut d = Dictionary::default();
        d.add("الامم".into(), "ORG");
        d.add("الامم المتحده".into(), "ORG");
        d.add("بغداد".into(), "LOC");
        let t = "قالت الامم المتحده في بغداد";
        let units = super::super::units::units(t);
        let norms: Vec<&str> = units.iter().map(|u| &t[u.range.clone()]).collect();
        let m = d.marks(&norms, &units);
        assert_eq!(m, [None, Some("ORG:B".into()), Some("ORG:I".into()), None, Some("LOC:B".into())]);
    }
}
