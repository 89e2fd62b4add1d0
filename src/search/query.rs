//! Compiled queries: the pattern folded once, its clitic and word-boundary rules, and the
//! searcher (a `memchr` substring finder, or a `regex`).

use std::ops::Range;

use memchr::memmem;
use regex::Regex;

use super::clitics::PrefixRule;
use super::error::SearchError;
use super::fold::{ALEF, HEH, LAM, TEH_MARBUTA, is_word_char};
use super::matches::Matches;
use super::normalize::NormalizedText;

/// How the pattern is compared with the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Character for character (tashkeel, hamza, case and white space as written); still whole
    /// words and clitic-aware, so a letter followed by tashkeel in the text does not end a
    /// match («إيران» is not found in «إيرانَ»).
    Exact,
    /// Arabic-normalised (see [`NormalizedText`]) and case-insensitive; the default.
    #[default]
    Normalized,
    /// A regular expression of the `regex` crate run on the original text as is: no
    /// normalisation, no word or clitic rules (write `(?i)` or `\b` yourself).
    Regex,
}

/// Search options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// How to compare.
    pub mode: Mode,
    /// In normalised mode, let «ة» and «ه» match each other (default off).
    pub fold_teh_marbuta: bool,
    /// In exact and normalised modes, also match a word after its proclitics («إيران» in
    /// «وإيران»), covering only the word (default on). Off: whole words only.
    pub clitics: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self { mode: Mode::Normalized, fold_teh_marbuta: false, clitics: true }
    }
}

/// A compiled query: build it once per pattern, run it on many texts.
#[derive(Debug, Clone)]
pub struct Query {
    options: Options,
    searcher: Searcher,
}

/// The searcher of a query.
#[derive(Debug, Clone)]
pub(crate) enum Searcher {
    /// Exact or normalised literal (boxed: the finder is large).
    Literal(Box<Literal>),
    /// Regex mode.
    Regex(Regex),
}

/// A literal query (exact or normalised) ready to search.
#[derive(Debug, Clone)]
pub(crate) struct Literal {
    /// Finds the needle of `rules`.
    pub(crate) finder: memmem::Finder<'static>,
    /// What a match must satisfy around the needle.
    pub(crate) rules: Rules,
}

/// The needle of a literal pattern and the rules a match of it must satisfy; shared by
/// [`Query`] (one needle, a substring finder) and the gazetteer (many needles, Aho-Corasick).
#[derive(Debug, Clone)]
pub(crate) struct Rules {
    /// What is searched for: the pattern (folded in normalised mode), without the alef of a
    /// leading article when clitics are on, so «الأمم» also finds the «لأمم» of «للأمم».
    pub(crate) needle: String,
    /// The leading alef dropped from the needle: a match preceded by it starts there.
    pub(crate) article: bool,
    /// The pattern starts with a word character, so its start must begin a word (after
    /// proclitics if allowed).
    pub(crate) starts_word: bool,
    /// The pattern ends with a word character, so the match must end a word.
    pub(crate) ends_word: bool,
    /// Rule for what may precede a match that is not the alef-less article form.
    pub(crate) rule: PrefixRule,
    /// Normalised mode: match in the normalised text.
    pub(crate) normalized: bool,
    /// Offsets in the needle of each «ه» with whether the pattern had «ة» there: checked in
    /// the original text when teh marbuta is not folded.
    pub(crate) teh: Vec<(usize, bool)>,
}

impl Query {
    /// Compiles `pattern`; leading and trailing white space is ignored except in regex mode.
    pub fn new(pattern: &str, options: Options) -> Result<Self, SearchError> {
        let searcher = match options.mode {
            Mode::Regex if pattern.is_empty() => return Err(SearchError::Empty),
            Mode::Regex => {
                Searcher::Regex(Regex::new(pattern).map_err(|e| SearchError::Regex(e.to_string()))?)
            }
            Mode::Exact => {
                Searcher::Literal(Box::new(Literal::new(pattern.trim(), Vec::new(), false, options)?))
            }
            Mode::Normalized => Searcher::Literal(Box::new(normalized_literal(pattern, options)?)),
        };
        Ok(Self { options, searcher })
    }

    /// The options the query was compiled with.
    pub fn options(&self) -> Options {
        self.options
    }

    /// True if [`Self::matches`] reads the [`NormalizedText`] (normalised mode); exact and
    /// regex queries only read the original text.
    pub fn needs_normalized(&self) -> bool {
        matches!(&self.searcher, Searcher::Literal(l) if l.rules.normalized)
    }

    /// Every match in `text`, sorted and non-overlapping, as byte ranges on char boundaries.
    /// Normalises `text` first if needed; to run many queries on one text, normalise it once
    /// and call [`Self::find_in`].
    pub fn find_all(&self, text: &str) -> Vec<Range<usize>> {
        let normalized =
            if self.needs_normalized() { NormalizedText::new(text) } else { NormalizedText::default() };
        self.find_in(text, &normalized)
    }

    /// Every match in `text`, whose normalised form is `normalized` (which must be
    /// `NormalizedText::new(text)`; it is not read by exact and regex queries).
    pub fn find_in(&self, text: &str, normalized: &NormalizedText) -> Vec<Range<usize>> {
        self.matches(text, normalized).collect()
    }

    /// The matches of [`Self::find_in`] one at a time, found lazily in one pass: count them
    /// or take the first thousand without collecting the rest.
    pub fn matches<'a>(&'a self, text: &'a str, normalized: &'a NormalizedText) -> Matches<'a> {
        Matches::new(&self.searcher, text, normalized)
    }
}

/// Folds `pattern` and records where it had «ة» (when that is not folded).
fn normalized_literal(pattern: &str, options: Options) -> Result<Literal, SearchError> {
    normalized_rules(pattern, options).map(Literal::from_rules)
}

/// The rules of a normalised-mode pattern.
pub(crate) fn normalized_rules(pattern: &str, options: Options) -> Result<Rules, SearchError> {
    // Line breaks in the pattern are spaces: a match never crosses a paragraph.
    let pattern: String = pattern.chars().map(|c| if c.is_whitespace() { ' ' } else { c }).collect();
    let folded = NormalizedText::new(pattern.trim());
    let full = folded.as_str();
    let lead = full.len() - full.trim_start_matches(' ').len();
    let needle = full.trim_matches(' ');
    let mut teh = Vec::new();
    if !options.fold_teh_marbuta {
        for (i, _) in needle.match_indices(HEH) {
            let orig = folded.to_original_start(lead + i).unwrap_or(0);
            teh.push((i, pattern.trim().get(orig..).is_some_and(|s| s.starts_with(TEH_MARBUTA))));
        }
    }
    Rules::new(needle, teh, true, options)
}

impl Literal {
    /// A literal searching for `pattern` (already folded in normalised mode).
    fn new(
        pattern: &str,
        teh: Vec<(usize, bool)>,
        normalized: bool,
        options: Options,
    ) -> Result<Self, SearchError> {
        Rules::new(pattern, teh, normalized, options).map(Self::from_rules)
    }

    fn from_rules(rules: Rules) -> Self {
        Self { finder: memmem::Finder::new(rules.needle.as_bytes()).into_owned(), rules }
    }
}

impl Rules {
    /// The rules for `pattern` (already folded in normalised mode).
    fn new(
        pattern: &str,
        mut teh: Vec<(usize, bool)>,
        normalized: bool,
        options: Options,
    ) -> Result<Self, SearchError> {
        let first = pattern.chars().next().ok_or(SearchError::Empty)?;
        let last = pattern.chars().next_back().unwrap_or(first);
        let mut rest = pattern.chars();
        let article = options.clitics
            && rest.next() == Some(ALEF)
            && rest.next() == Some(LAM)
            && rest.next().is_some_and(is_word_char);
        let needle = if article { &pattern[ALEF.len_utf8()..] } else { pattern };
        if article {
            for (offset, _) in &mut teh {
                *offset = offset.saturating_sub(ALEF.len_utf8());
            }
        }
        let rule = match (options.clitics, article) {
            (false, _) => PrefixRule::WordStart,
            (true, true) => PrefixRule::NoArticle,
            (true, false) => PrefixRule::Any,
        };
        Ok(Self {
            needle: needle.to_string(),
            article,
            starts_word: is_word_char(first),
            ends_word: is_word_char(last),
            rule,
            normalized,
            teh,
        })
    }
}
