//! The clitic convention of a corpus ([`Clitics`]): whether a name written with an attached
//! conjunction or preposition («وإيران», «للأمم المتحدة») is tagged with it. Every suggestion
//! source proposes names without them; [`apply`] then gives a span the corpus's convention,
//! and [`learn`] reads the convention off the documents a corpus has annotated.

use std::ops::Range;

use super::units::clitic_cut;
use crate::corpus::Clitics;

/// The written word around byte `at` of `text`: letters and marks next to each other.
fn word_start(text: &str, at: usize) -> usize {
    text[..at]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || is_mark(c))
        .last()
        .map_or(at, |(i, _)| i)
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

/// The end of the written word starting at byte `start`.
fn word_end(text: &str, start: usize) -> usize {
    text[start..]
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || is_mark(c)))
        .map_or(text.len(), |(i, _)| start + i)
}

/// `range` with the convention `c`: for [`Clitics::Include`] a span that starts right after
/// the proclitics of its word starts at the word; for [`Clitics::Exclude`] a span that starts
/// at a word with proclitics starts after them. Other spans are returned as they are.
pub fn apply(text: &str, range: Range<usize>, c: Clitics) -> Range<usize> {
    if range.start >= range.end || range.end > text.len() || !text.is_char_boundary(range.start) {
        return range;
    }
    let start = word_start(text, range.start);
    let word = &text[start..word_end(text, start)];
    let cut = clitic_cut(word);
    match c {
        Clitics::Include if start < range.start && start + cut == range.start => start..range.end,
        Clitics::Exclude if start == range.start && cut > 0 && start + cut < range.end => {
            start + cut..range.end
        }
        _ => range,
    }
}

/// Evidence of a convention: entities whose word has proclitics, by where they start.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Evidence {
    /// Entities that start at the word, proclitics included.
    pub include: usize,
    /// Entities that start after the proclitics.
    pub exclude: usize,
}

impl Evidence {
    /// Counts the entities of one text.
    pub fn add(&mut self, text: &str, entities: &[(Range<usize>, String)]) {
        for (r, _) in entities {
            if r.start >= r.end || r.end > text.len() || !text.is_char_boundary(r.start) {
                continue;
            }
            let start = word_start(text, r.start);
            let word = &text[start..word_end(text, start)];
            let cut = clitic_cut(word);
            if cut == 0 || start + cut >= r.end {
                continue;
            }
            if start == r.start {
                self.include += 1;
            } else if start + cut == r.start {
                self.exclude += 1;
            }
        }
    }

    /// The convention the evidence shows: the larger side once there are at least three
    /// entities with proclitics; `None` before.
    pub fn convention(&self) -> Option<Clitics> {
        if self.include + self.exclude < 3 {
            None
        } else if self.include >= self.exclude {
            Some(Clitics::Include)
        } else {
            Some(Clitics::Exclude)
        }
    }
}

/// The convention of annotated texts (see [`Evidence::convention`]).
pub fn learn<'a>(docs: impl IntoIterator<Item = (&'a str, &'a [(Range<usize>, String)])>) -> Evidence {
    let mut e = Evidence::default();
    for (text, entities) in docs {
        e.add(text, entities);
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(text: &str, s: &str) -> Range<usize> {
        let at = text.find(s).unwrap_or(0);
        at..at + s.len()
    }

    #[test]
    fn include_extends_to_the_word_and_exclude_cuts_the_proclitics() {
        let t = "زار وإيران ثم لبنان وللأمم المتحدة";
        let iran = span(t, "إيران");
        assert_eq!(&t[apply(t, iran.clone(), Clitics::Include)], "وإيران");
        assert_eq!(apply(t, iran.clone(), Clitics::Exclude), iran);
        let whole = span(t, "وإيران");
        assert_eq!(&t[apply(t, whole, Clitics::Exclude)], "إيران");
        let lebanon = span(t, "لبنان");
        assert_eq!(apply(t, lebanon.clone(), Clitics::Exclude), lebanon, "ل of لبنان is the name");
        let un = span(t, "وللأمم المتحدة");
        let cut = apply(t, un.clone(), Clitics::Exclude);
        assert_eq!(apply(t, cut, Clitics::Include), un);
    }

    #[test]
    fn evidence_needs_three_entities() {
        let t = "وإيران وبغداد وسوريا";
        let mut e = Evidence::default();
        e.add(t, &[(span(t, "وإيران"), "LOC".into()), (span(t, "بغداد"), "LOC".into())]);
        assert_eq!(e, Evidence { include: 1, exclude: 1 });
        assert_eq!(e.convention(), None);
        e.add(t, &[(span(t, "وسوريا"), "LOC".into())]);
        assert_eq!(e.convention(), Some(Clitics::Include));
    }
}
