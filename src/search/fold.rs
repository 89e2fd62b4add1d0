//! Character classes and the per-character folding behind normalised matching.
//!
//! Everything here is a pure function of one `char`, shared by [`super::NormalizedText`], the
//! clitic analysis and the matcher, so all of them agree on what a letter, a skipped mark and
//! a word boundary are.

/// Alef (U+0627), the target of every alef fold.
pub(crate) const ALEF: char = '\u{0627}';
/// Lam (U+0644), the letter of the article and of the preposition «ل».
pub(crate) const LAM: char = '\u{0644}';
/// Heh (U+0647), the target of the optional teh marbuta fold.
pub(crate) const HEH: char = '\u{0647}';
/// Teh marbuta (U+0629).
pub(crate) const TEH_MARBUTA: char = '\u{0629}';

/// What normalisation does with one character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fold {
    /// Kept, possibly replaced by another character.
    Keep(char),
    /// Horizontal white space: becomes one `' '` together with the white space (and skipped
    /// characters) that follow it.
    Space,
    /// Dropped. `attached` marks combine with the letter before them (tashkeel), so a match
    /// ending on that letter includes them; other skipped characters (tatweel, directional
    /// and joining marks) never end a match.
    Skip {
        /// True for combining marks.
        attached: bool,
    },
}

/// Tashkeel (U+064B–U+0652) and the superscript alef (U+0670): ignored, attached to the
/// letter before them.
pub(crate) fn is_tashkeel(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{0652}' | '\u{0670}')
}

/// Madda and hamza above/below as separate marks (U+0653–U+0655), the decomposed spelling of
/// «آ أ إ»; ignored only right after an alef, where they fold like the composed letters.
pub(crate) fn is_alef_hamza_mark(c: char) -> bool {
    matches!(c, '\u{0653}'..='\u{0655}')
}

/// Tatweel and the invisible marks normalisation ignores: LRM, RLM, ZWNJ, ZWJ and ALM.
pub(crate) fn is_ignorable(c: char) -> bool {
    matches!(c, '\u{0640}' | '\u{200C}'..='\u{200F}' | '\u{061C}')
}

/// White space inside a paragraph. Line and paragraph breaks (`\n`, `\r`, U+0085, U+2028,
/// U+2029, vertical tab, form feed) are not included: a query never matches across them.
pub(crate) fn is_horizontal_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Combining marks of the scripts an Arabic news text mixes (Arabic, Latin diacritics and the
/// general combining blocks); they belong to the word of the letter before them.
fn is_combining_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{08D3}'..='\u{08FF}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// True for characters inside a word that are not letters or digits: combining marks,
/// tatweel and the zero-width (non-)joiners. (Arabic harakat are `Alphabetic` in Unicode, so
/// `char::is_alphanumeric` alone does not tell them from letters.)
pub(crate) fn is_mark_in_word(c: char) -> bool {
    is_combining_mark(c) || matches!(c, '\u{0640}' | '\u{200C}' | '\u{200D}')
}

/// True for characters that make up words: letters, digits, combining marks, tatweel and the
/// zero-width (non-)joiners. Everything else (spaces, punctuation, directional marks) is a
/// word boundary. Used for every boundary test, in the original and the normalised text.
pub(crate) fn is_word_char(c: char) -> bool {
    // Fast paths (the answer `is_alphanumeric` gives): ASCII, and the Arabic letters and
    // digits, which are most of the text; Unicode's table search is slow.
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0660}'..='\u{0669}') {
        return true;
    }
    c.is_alphanumeric() || is_combining_mark(c) || matches!(c, '\u{200C}' | '\u{200D}')
}

/// Folds a letter the way normalised matching compares it: alef forms «أ إ آ ٱ» → «ا»,
/// «ى» → «ي», «ة» → «ه», Arabic-Indic and Extended Arabic-Indic digits → ASCII digits,
/// letters with a one-to-one lower case → lower case. Other characters are returned as is.
pub(crate) fn fold_letter(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    match c {
        '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' => ALEF,
        '\u{0649}' => '\u{064A}',
        TEH_MARBUTA => HEH,
        '\u{0660}'..='\u{0669}' => digit(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => digit(c as u32 - 0x06F0),
        _ if c.is_uppercase() => single_lowercase(c),
        _ => c,
    }
}

/// The ASCII digit with value `value` (0–9).
fn digit(value: u32) -> char {
    char::from_digit(value, 10).unwrap_or('0')
}

/// `c` in lower case when that is one character (so «İ», which lowercases to two, stays).
fn single_lowercase(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// Classifies `c` for normalisation; `after_alef` is true when the last kept character was an
/// alef, so a decomposed hamza or madda mark on it is skipped.
pub(crate) fn classify(c: char, after_alef: bool) -> Fold {
    if is_tashkeel(c) || (after_alef && is_alef_hamza_mark(c)) {
        Fold::Skip { attached: true }
    } else if is_ignorable(c) {
        Fold::Skip { attached: false }
    } else if is_horizontal_space(c) {
        Fold::Space
    } else {
        Fold::Keep(fold_letter(c))
    }
}

/// True for «أ إ آ», the alef forms that carry a hamza or madda (a strong sign that a word
/// starts there, used when splitting proclitics).
pub(crate) fn is_hamzated_alef(c: char) -> bool {
    matches!(c, '\u{0622}' | '\u{0623}' | '\u{0625}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_follow_the_normaliser() {
        for c in ['أ', 'إ', 'آ', 'ٱ', 'ا'] {
            assert_eq!(fold_letter(c), 'ا', "{c}");
        }
        assert_eq!(fold_letter('ى'), 'ي');
        assert_eq!(fold_letter('ة'), 'ه');
        assert_eq!(fold_letter('٢'), '2');
        assert_eq!(fold_letter('۹'), '9');
        assert_eq!(fold_letter('I'), 'i');
        assert_eq!(fold_letter('Ä'), 'ä');
        assert_eq!(fold_letter('İ'), 'İ', "two-character lower case stays");
        assert_eq!(fold_letter('ؤ'), 'ؤ');
    }

    #[test]
    fn classes() {
        assert_eq!(classify('\u{064E}', false), Fold::Skip { attached: true });
        assert_eq!(classify('\u{0670}', false), Fold::Skip { attached: true });
        assert_eq!(classify('\u{0640}', false), Fold::Skip { attached: false });
        assert_eq!(classify('\u{200F}', false), Fold::Skip { attached: false });
        assert_eq!(classify('\u{0654}', true), Fold::Skip { attached: true });
        assert_eq!(classify('\u{0654}', false), Fold::Keep('\u{0654}'));
        assert_eq!(classify('\t', false), Fold::Space);
        assert_eq!(classify('\u{A0}', false), Fold::Space);
        assert_eq!(classify('\n', false), Fold::Keep('\n'));
        assert!(is_word_char('ـ') && is_word_char('\u{200C}') && is_word_char('٣'));
        assert!(is_mark_in_word('\u{064E}') && is_mark_in_word('ـ') && !is_mark_in_word('ب'));
        assert!(!is_word_char('\u{200F}') && !is_word_char('،') && !is_word_char(' '));
    }
}
