//! Arabic proclitics: the conjunctions, prepositions and article written onto a word.
//!
//! A word may start with a conjunction «و ف», then a preposition «ب ك ل», then the article
//! «ال»; after «ل» the article loses its alef («لل»: ل + ال). So «وبالإيرانيين» is و, ب, ال
//! and «إيرانيين», and «للأمم» is ل, (ا)ل and «أمم». Letters are compared folded (see
//! [`super::fold`]) and tashkeel, tatweel and joiners between them are skipped.
//!
//! The matcher asks whether the letters in front of a match are such a sequence
//! ([`prefix_allows`]); other modules ask for the readings of a word ([`readings`]) or a
//! conservative default split ([`split_proclitics`]).

use super::fold::{LAM, fold_letter, is_hamzated_alef, is_mark_in_word, is_word_char};

/// Most proclitic letters one word carries («وبال»).
const MAX_LETTERS: usize = 4;
/// Most characters (letters and marks) looked at in front of a match.
const MAX_SCAN: usize = 24;

/// The proclitics in front of a stem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Proclitics {
    /// «و» or «ف».
    pub conjunction: Option<char>,
    /// «ب», «ك» or «ل».
    pub preposition: Option<char>,
    /// The article «ال» (written «ل» after the preposition «ل»).
    pub article: bool,
}

impl Proclitics {
    /// True when there is no proclitic at all.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// Which proclitics may stand in front of a match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PrefixRule {
    /// None: the match starts a word.
    WordStart,
    /// Any proclitic sequence (the query does not start with the article).
    Any,
    /// No article and no «ل» (the query starts with the article, written in full).
    NoArticle,
    /// Exactly the preposition «ل», maybe after a conjunction: the match starts at the
    /// article's lam of «لل».
    LamBeforeArticle,
}

impl PrefixRule {
    fn allows(self, p: Proclitics) -> bool {
        match self {
            Self::WordStart => p.is_empty(),
            Self::Any => true,
            Self::NoArticle => !p.article && p.preposition != Some(LAM),
            Self::LamBeforeArticle => !p.article && p.preposition == Some(LAM),
        }
    }
}

/// Parses folded letters as a whole proclitic sequence (the empty sequence included).
pub(crate) fn parse(letters: &[char]) -> Option<Proclitics> {
    let mut p = Proclitics::default();
    let mut rest = letters;
    if let [c @ ('و' | 'ف'), tail @ ..] = rest {
        p.conjunction = Some(*c);
        rest = tail;
    }
    if let [c @ ('ب' | 'ك' | 'ل'), tail @ ..] = rest {
        p.preposition = Some(*c);
        rest = tail;
    }
    p.article = match (p.preposition, rest) {
        (_, []) => false,
        (Some(LAM), [LAM]) => true,
        (Some(LAM), _) => return None,
        (_, ['ا', 'ل']) => true,
        _ => return None,
    };
    Some(p)
}

/// True if the letters of `hay`'s word in front of byte `start` form a proclitic sequence
/// allowed by `rule` (no letters at all: `start` begins a word).
pub(crate) fn prefix_allows(hay: &str, start: usize, rule: PrefixRule) -> bool {
    let Some(before) = hay.get(..start) else { return false };
    let mut letters = ['\0'; MAX_LETTERS];
    let mut n = 0;
    for c in before.chars().rev().take(MAX_SCAN + 1) {
        if is_mark_in_word(c) {
            continue;
        }
        if !is_word_char(c) {
            letters[..n].reverse();
            return parse(&letters[..n]).is_some_and(|p| rule.allows(p));
        }
        if n == MAX_LETTERS {
            return false;
        }
        letters[n] = fold_letter(c);
        n += 1;
    }
    // Start of the text, unless the scan gave up on a long run of marks.
    before.chars().rev().nth(MAX_SCAN).is_none() && {
        letters[..n].reverse();
        parse(&letters[..n]).is_some_and(|p| rule.allows(p))
    }
}

/// One way to read a word as proclitics + stem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading<'a> {
    /// Byte length of the proclitics, including marks written on them: the stem starts here.
    pub prefix_len: usize,
    /// The rest of the word.
    pub stem: &'a str,
    /// The proclitics read.
    pub proclitics: Proclitics,
}

/// Every reading of `word` (one word, no spaces) whose stem keeps at least two letters,
/// longest prefix first; the last is always the whole word with no proclitics. «وبالإيرانيين»
/// gives و+ب+ال, و+ب, و and none; «للأمم» gives ل+ال and ل.
pub fn readings(word: &str) -> impl Iterator<Item = Reading<'_>> {
    // Byte offsets and folded values of the first letters, and how many letters there are.
    let mut first = [(0, '\0'); MAX_LETTERS + 1];
    let mut count = 0;
    for (i, c) in word.char_indices().filter(|&(_, c)| !is_mark_in_word(c)) {
        if let Some(slot) = first.get_mut(count) {
            *slot = (i, fold_letter(c));
        }
        count += 1;
    }
    let max = MAX_LETTERS.min(count.saturating_sub(2));
    (0..=max).rev().filter_map(move |k| {
        let letters: [char; MAX_LETTERS] = std::array::from_fn(|j| first[j].1);
        let proclitics = parse(&letters[..k])?;
        let prefix_len = if k == 0 { 0 } else { first[k].0 };
        Some(Reading { prefix_len, stem: word.get(prefix_len..)?, proclitics })
    })
}

/// Splits `word` into (byte length of its proclitics, stem), conservatively, for features and
/// suggestions; the matcher itself accepts every reading.
///
/// Without a lexicon a prefix is often part of the stem («فلسطين», «بريطانيا», «لبنان»), so
/// the longest reading that leaves a stem of two letters or more is taken only when it is
/// likely:
/// * the proclitics end with the article («والإيرانيين», «للأمم», «بالفيروس»);
/// * the stem starts with «أ إ آ», which start words («وإيران», «فبإيران», «لإيران»);
/// * the proclitic is «و» alone and the stem keeps three letters or more («وقال»), as in
///   Larkey, Ballesteros and Connell's light10 stemmer (2007), which strips «و» and the
///   article forms on the same length conditions.
///
/// Otherwise the whole word is the stem. Known misreadings follow light10: «للبنان» → «بنان»,
/// «وليد» → «ليد». Callers with a vocabulary can pick from [`readings`] instead.
pub fn split_proclitics(word: &str) -> (usize, &str) {
    readings(word)
        .find(|r| {
            let p = r.proclitics;
            let hamza = r.stem.chars().find(|&c| !is_mark_in_word(c)).is_some_and(is_hamzated_alef);
            let waw_only = p == Proclitics { conjunction: Some('و'), ..Proclitics::default() };
            p.article || (hamza && !p.is_empty()) || (waw_only && letter_count(r.stem) >= 3)
        })
        .map_or((0, word), |r| (r.prefix_len, r.stem))
}

fn letter_count(s: &str) -> usize {
    s.chars().filter(|&c| !is_mark_in_word(c)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(word: &str) -> (&str, &str) {
        let (n, stem) = split_proclitics(word);
        (&word[..n], stem)
    }

    #[test]
    fn parses_the_proclitic_grammar() {
        let ok = [
            "", "و", "ف", "ب", "ك", "ل", "وب", "فب", "ول", "فل", "وك", "فك", "ال", "وال", "فال", "بال",
            "كال", "وبال", "فبال", "وكال", "فكال", "لل", "ولل", "فلل", "أل",
        ];
        for s in ok {
            let letters: Vec<char> = s.chars().map(fold_letter).collect();
            assert!(parse(&letters).is_some(), "{s}");
        }
        for s in ["لال", "بو", "وو", "ا", "الل", "بب", "س", "وس", "فوال", "لوال"] {
            let letters: Vec<char> = s.chars().map(fold_letter).collect();
            assert!(parse(&letters).is_none(), "{s}");
        }
        let p = parse(&['ف', 'ل', 'ل']);
        assert_eq!(p, Some(Proclitics { conjunction: Some('ف'), preposition: Some('ل'), article: true }));
    }

    #[test]
    fn readings_longest_first() {
        let all: Vec<(usize, &str)> = readings("وبالإيرانيين").map(|r| (r.prefix_len, r.stem)).collect();
        let stems: Vec<&str> = all.iter().map(|r| r.1).collect();
        assert_eq!(stems, ["إيرانيين", "الإيرانيين", "بالإيرانيين", "وبالإيرانيين"]);
        let stems: Vec<&str> = readings("للأمم").map(|r| r.stem).collect();
        assert_eq!(stems, ["أمم", "لأمم", "للأمم"]);
        let stems: Vec<&str> = readings("وَبِإِيران").map(|r| r.stem).collect();
        assert_eq!(stems, ["إِيران", "بِإِيران", "وَبِإِيران"], "marks go with the prefix letter");
        let stems: Vec<&str> = readings("بلد").map(|r| r.stem).collect();
        assert_eq!(stems, ["لد", "بلد"]);
    }

    #[test]
    fn default_split_is_conservative() {
        assert_eq!(split("وإيران"), ("و", "إيران"));
        assert_eq!(split("فبإيران"), ("فب", "إيران"));
        assert_eq!(split("لإيران"), ("ل", "إيران"));
        assert_eq!(split("والإيرانيين"), ("وال", "إيرانيين"));
        assert_eq!(split("للأمم"), ("لل", "أمم"));
        assert_eq!(split("بالفيروس"), ("بال", "فيروس"));
        assert_eq!(split("وقال"), ("و", "قال"));
        for w in ["فلسطين", "بريطانيا", "لبنان", "كندا", "إيران", "ولد", "ال", "و"]
        {
            assert_eq!(split(w), ("", w), "{w}");
        }
    }

    #[test]
    fn prefix_in_front_of_a_match() {
        let t = "قال وَبـإيران ولإيران بغداد";
        let at = |s: &str| t.find(s).unwrap_or(0);
        assert!(prefix_allows(t, at("إيران"), PrefixRule::Any));
        assert!(!prefix_allows(t, at("إيران"), PrefixRule::WordStart));
        assert!(prefix_allows(t, at("قال"), PrefixRule::WordStart));
        assert!(prefix_allows(t, at("غداد"), PrefixRule::NoArticle), "ب is allowed before ال…");
        assert!(!prefix_allows(t, at("غداد"), PrefixRule::LamBeforeArticle));
        assert!(prefix_allows(t, at("لإيران") + 2, PrefixRule::LamBeforeArticle));
        assert!(!prefix_allows(t, at("ال"), PrefixRule::Any), "قال: «ق» is no proclitic");
    }
}
