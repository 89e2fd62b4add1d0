//! The match iterator: one pass of the substring finder (or regex) over the text, each
//! candidate checked for word boundaries and proclitics, then mapped to original offsets.

use std::ops::Range;

use super::clitics::{PrefixRule, prefix_allows};
use super::fold::{ALEF, TEH_MARBUTA, is_word_char};
use super::normalize::NormalizedText;
use super::query::{Literal, Rules, Searcher};

/// The matches of a [`super::Query`] in one text, in order: byte ranges of the original text
/// on char boundaries, non-overlapping. Made by [`super::Query::matches`].
#[derive(Debug)]
pub struct Matches<'a> {
    inner: Inner<'a>,
}

#[derive(Debug)]
enum Inner<'a> {
    Literal(LiteralMatches<'a>),
    Regex(regex::Matches<'a, 'a>),
}

/// State of a literal search.
#[derive(Debug)]
struct LiteralMatches<'a> {
    literal: &'a Literal,
    /// The text searched: the normalised text in normalised mode, else the original.
    hay: &'a str,
    original: &'a str,
    normalized: &'a NormalizedText,
    /// Where the search continues in `hay` (the end of the last match, or past a rejected
    /// candidate's first byte).
    pos: usize,
}

impl<'a> Matches<'a> {
    pub(crate) fn new(searcher: &'a Searcher, original: &'a str, normalized: &'a NormalizedText) -> Self {
        let inner = match searcher {
            Searcher::Regex(re) => Inner::Regex(re.find_iter(original)),
            Searcher::Literal(literal) => {
                // A normalised text of another text would give meaningless offsets: none.
                let normal = literal.rules.normalized;
                let stale = normal && normalized.original_len() != original.len();
                let hay = if normal { normalized.as_str() } else { original };
                let pos = if stale { hay.len() + 1 } else { 0 };
                Inner::Literal(LiteralMatches { literal, hay, original, normalized, pos })
            }
        };
        Self { inner }
    }
}

impl Iterator for Matches<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        match &mut self.inner {
            Inner::Regex(found) => found.find(|m| !m.is_empty()).map(|m| m.range()),
            Inner::Literal(search) => search.next(),
        }
    }
}

impl LiteralMatches<'_> {
    fn next(&mut self) -> Option<Range<usize>> {
        loop {
            let rest = self.hay.as_bytes().get(self.pos..)?;
            let at = self.pos + self.literal.finder.find(rest)?;
            match self.literal.rules.check(self.hay, self.original, self.normalized, at, self.pos) {
                Some(found) => {
                    self.pos = found.end;
                    if !self.literal.rules.normalized {
                        return Some(found);
                    }
                    if let Some(original) = self.normalized.to_original(found) {
                        return Some(original);
                    }
                }
                None => self.pos = at + 1,
            }
        }
    }
}

impl Rules {
    /// The match (in `hay`, the normalised text in normalised mode) for the needle found at
    /// `at`, if the rules accept it; the match never starts before `floor`.
    pub(crate) fn check(
        &self,
        hay: &str,
        original: &str,
        normalized: &NormalizedText,
        at: usize,
        floor: usize,
    ) -> Option<Range<usize>> {
        let end = at + self.needle.len();
        if self.ends_word && hay.get(end..)?.chars().next().is_some_and(is_word_char) {
            return None;
        }
        let (start, rule) = self.start_and_rule(hay, at, floor);
        if self.starts_word && !prefix_allows(hay, start, rule) {
            return None;
        }
        let teh_ok = self.teh.iter().all(|&(offset, marbuta)| {
            let orig = normalized.to_original_start(at + offset);
            let c = orig.and_then(|o| original.get(o..)).and_then(|s| s.chars().next());
            (c == Some(TEH_MARBUTA)) == marbuta
        });
        teh_ok.then_some(start..end)
    }

    /// Where a match for the needle at `at` starts, and what may precede it. With a leading
    /// article, the needle lacks its alef: if the alef is there the match starts on it,
    /// otherwise this is the «لل» form and the match starts at the article's lam.
    fn start_and_rule(&self, hay: &str, at: usize, floor: usize) -> (usize, PrefixRule) {
        if !self.article {
            return (at, self.rule);
        }
        let alef = ALEF.len_utf8();
        let has_alef = at >= floor + alef && hay.get(at - alef..at).is_some_and(|s| s.starts_with(ALEF));
        if has_alef { (at - alef, self.rule) } else { (at, PrefixRule::LamBeforeArticle) }
    }
}
