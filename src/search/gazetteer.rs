//! Many names at once: a gazetteer (name list) matched in one pass with Aho-Corasick over the
//! normalised text, each candidate checked with exactly the word and proclitic rules of
//! [`super::Query`] in normalised mode, then the longest match wins. Used for pre-annotation
//! from a gazetteer file and from the forms tagged elsewhere in a corpus.

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};

use super::error::SearchError;
use super::normalize::NormalizedText;
use super::query::{Options, Rules, normalized_rules};

/// One name of the gazetteer (all spellings that fold to the same needle) and its labels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GazetteerEntry {
    /// The name as first given.
    pub name: String,
    /// Its labels with how often each was given, most frequent first (ties: first given).
    pub labels: Vec<(String, u32)>,
}

impl GazetteerEntry {
    /// Total count over all labels.
    pub fn total(&self) -> u32 {
        self.labels.iter().map(|(_, n)| *n).sum()
    }
}

/// A malformed line of a gazetteer file: 1-based line number and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineProblem {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

/// A match of a gazetteer entry: byte range of the original text and the entry's index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GazetteerMatch {
    /// Byte range of the original text, on char boundaries.
    pub range: Range<usize>,
    /// Index into [`Gazetteer::entries`].
    pub entry: usize,
}

/// Collects names and labels, merging spellings that fold to the same needle.
#[derive(Debug, Default)]
pub struct GazetteerBuilder {
    entries: Vec<GazetteerEntry>,
    rules: Vec<Rules>,
    by_key: HashMap<String, usize>,
}

impl GazetteerBuilder {
    /// Adds `count` occurrences of `name` with `label`.
    pub fn add(&mut self, name: &str, label: &str, count: u32) -> Result<(), SearchError> {
        let rules = normalized_rules(name, Options::default())?;
        let key = format!("{}\u{0}{}\u{0}{:?}", rules.needle, rules.article, rules.teh);
        let i = match self.by_key.get(&key) {
            Some(&i) => i,
            None => {
                self.entries.push(GazetteerEntry { name: name.trim().to_string(), labels: Vec::new() });
                self.rules.push(rules);
                self.by_key.insert(key, self.entries.len() - 1);
                self.entries.len() - 1
            }
        };
        let labels = &mut self.entries[i].labels;
        match labels.iter_mut().find(|(l, _)| l == label) {
            Some((_, n)) => *n = n.saturating_add(count),
            None => labels.push((label.to_string(), count)),
        }
        Ok(())
    }

    /// The gazetteer (one automaton over every needle).
    pub fn build(mut self) -> Result<Gazetteer, SearchError> {
        for e in &mut self.entries {
            // Stable: equal counts keep the order they were given in.
            e.labels.sort_by_key(|l| std::cmp::Reverse(l.1));
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(self.rules.iter().map(|r| r.needle.as_bytes()))
            .map_err(|e| SearchError::Regex(format!("gazetteer too large: {e}")))?;
        Ok(Gazetteer { entries: self.entries, rules: self.rules, ac })
    }
}

/// A compiled gazetteer.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    entries: Vec<GazetteerEntry>,
    rules: Vec<Rules>,
    ac: AhoCorasick,
}

impl Gazetteer {
    /// Parses a gazetteer file's text: one `name<TAB>LABEL` or `name,LABEL` per line (a CSV
    /// name may be quoted: `"Smith, John",PER`); blank lines and `#` comments are skipped,
    /// and so is a first line `name,label`. Malformed lines are reported; the rest loads.
    pub fn parse(text: &str) -> (Result<Self, SearchError>, Vec<LineProblem>) {
        let mut builder = GazetteerBuilder::default();
        let mut problems = Vec::new();
        for (i, line) in text.strip_prefix('\u{feff}').unwrap_or(text).lines().enumerate() {
            let line = line.trim_end_matches('\r');
            let header = i == 0 && line.trim().eq_ignore_ascii_case("name,label");
            if line.trim().is_empty() || line.trim_start().starts_with('#') || header {
                continue;
            }
            let added = split_line(line).and_then(|(name, label)| {
                builder.add(&name, &label, 1).map_err(|e| match e {
                    SearchError::Empty => format!("name {name:?} has no letters to match"),
                    other => other.to_string(),
                })
            });
            if let Err(message) = added {
                problems.push(LineProblem { line: i + 1, message });
            }
        }
        (builder.build(), problems)
    }

    /// The entries, in the order first given.
    pub fn entries(&self) -> &[GazetteerEntry] {
        &self.entries
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when it holds no names.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every match in `text` (whose normalised form is `normalized`), non-overlapping, in
    /// order: at each position the longest name wins, and a match found there hides the
    /// shorter ones inside it.
    pub fn find(&self, text: &str, normalized: &NormalizedText) -> Vec<GazetteerMatch> {
        if normalized.original_len() != text.len() || self.entries.is_empty() {
            return Vec::new();
        }
        let hay = normalized.as_str();
        let mut found: Vec<(Range<usize>, usize)> = self
            .ac
            .find_overlapping_iter(hay)
            .filter_map(|m| {
                let i = m.pattern().as_usize();
                self.rules[i].check(hay, text, normalized, m.start(), 0).map(|r| (r, i))
            })
            .collect();
        found.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
        let mut out: Vec<GazetteerMatch> = Vec::new();
        let mut end = 0;
        for (r, entry) in found {
            if r.start < end {
                continue;
            }
            end = r.end;
            if let Some(range) = normalized.to_original(r) {
                out.push(GazetteerMatch { range, entry });
            }
        }
        out
    }
}

/// `name<TAB>LABEL` (further columns ignored) or `name,LABEL` / `"quoted, name",LABEL`.
fn split_line(line: &str) -> Result<(String, String), String> {
    let (name, label) = if let Some((name, rest)) = line.split_once('\t') {
        (name.to_string(), rest.split('\t').next().unwrap_or(""))
    } else if let Some(quoted) = line.trim_start().strip_prefix('"') {
        let close = quoted.match_indices('"').map(|(i, _)| i).find(|&i| !quoted[i + 1..].starts_with('"'));
        let Some(close) = close else { return Err("the quoted name is not closed".into()) };
        let rest = quoted[close + 1..].trim_start();
        let label = rest.strip_prefix(',').ok_or("expected a comma and a label after the quoted name")?;
        (quoted[..close].replace("\"\"", "\""), label)
    } else if let Some((name, label)) = line.rsplit_once(',') {
        (name.to_string(), label)
    } else {
        return Err("no label: expected name<TAB>LABEL or name,LABEL".into());
    };
    let (name, label) = (name.trim(), label.trim());
    if name.is_empty() {
        return Err("the name is empty".into());
    }
    if label.is_empty() || label.contains(char::is_whitespace) {
        return Err(format!("label {label:?} is empty or has spaces"));
    }
    Ok((name.to_string(), label.to_string()))
}

#[cfg(test)]
mod tests;
