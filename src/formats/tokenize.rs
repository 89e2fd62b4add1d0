//! Tokens and sentences for the CoNLL export of Arabic (and mixed) news text.
//!
//! Tokens are byte ranges of the text. White space and invisible marks (directional marks,
//! zero-width space, BOM) separate tokens and never belong to one. Punctuation such as
//! «،» «؛» «؟» «.» «:» «!», quotes and brackets is split off words (a run of the same mark,
//! like `...`, is one token); numbers keep their separators (`2023`, `3.5`, `12,000`, `10:30`,
//! `2/8/2023`, `٣٫٥`), and `-` or an apostrophe between two letters stays inside the word.
//! Clitics are *not* split by the tokenizer; the CoNLL exporter splits tokens at entity
//! boundaries instead, so «و» + «إيران» becomes two tokens only where «إيران» is tagged.
//!
//! Sentences end at every line break and, optionally, after sentence-final punctuation
//! (`.` `؟` `?` `!` `…` `۔`, plus closing quotes or brackets glued to it) followed by white space.

use std::ops::Range;

/// True for marks that are invisible in running text and stripped from imported tokens:
/// LRM, RLM, ALM, zero-width space, word joiner, BOM, and the bidi embedding/isolate controls.
pub fn is_invisible_mark(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
    )
}

/// `s` without invisible marks (see [`is_invisible_mark`]).
pub fn strip_invisible(s: &str) -> String {
    s.chars().filter(|&c| !is_invisible_mark(c)).collect()
}

fn is_separator(c: char) -> bool {
    c.is_whitespace() || is_invisible_mark(c)
}

/// ASCII, Arabic-Indic and Extended Arabic-Indic (Persian) digits.
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('\u{0660}'..='\u{0669}').contains(&c) || ('\u{06F0}'..='\u{06F9}').contains(&c)
}

/// Marks that are split off words.
fn is_punct(c: char) -> bool {
    matches!(
        c,
        '!' | '"'
            | '\''
            | '('
            | ')'
            | ','
            | '-'
            | '.'
            | '/'
            | ':'
            | ';'
            | '?'
            | '['
            | ']'
            | '{'
            | '}'
            | '%'
            | '«'
            | '»'
            | '“'
            | '”'
            | '„'
            | '‘'
            | '’'
            | '‹'
            | '›'
            | '،'
            | '؛'
            | '؟'
            | '۔'
            | '…'
            | '–'
            | '—'
            | '٪'
            | '٫'
            | '٬'
    )
}

/// Separators that stay inside a number when a digit is on both sides.
fn is_number_separator(c: char) -> bool {
    matches!(c, '.' | ',' | ':' | '/' | '٫' | '٬')
}

/// Marks that stay inside a word when a letter or digit is on both sides.
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’')
}

fn stays_in_word(prev: char, c: char, next: Option<char>) -> bool {
    let Some(next) = next else { return false };
    (is_number_separator(c) && is_digit(prev) && is_digit(next))
        || (is_joiner(c) && prev.is_alphanumeric() && next.is_alphanumeric())
}

/// Splits `text` into tokens (sorted, non-empty byte ranges on char boundaries).
pub fn tokenize(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut word: Option<usize> = None;
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((b, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        if is_separator(c) {
            if let Some(start) = word.take() {
                out.push(start..b);
            }
        } else if is_punct(c) && !(word.is_some() && prev.is_some_and(|p| stays_in_word(p, c, next))) {
            if let Some(start) = word.take() {
                out.push(start..b);
            }
            let mut end = b + c.len_utf8();
            while let Some(&(i, n)) = chars.peek().filter(|&&(_, n)| n == c) {
                end = i + n.len_utf8();
                chars.next();
            }
            out.push(b..end);
        } else if word.is_none() {
            word = Some(b);
        }
        prev = Some(c);
    }
    if let Some(start) = word {
        out.push(start..text.len());
    }
    out
}

/// Splits tokens at every cut position strictly inside one; `cuts` must be sorted.
pub fn split_at(tokens: &[Range<usize>], cuts: &[usize]) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(tokens.len());
    for t in tokens {
        let first = cuts.partition_point(|&c| c <= t.start);
        let mut start = t.start;
        for &cut in cuts[first..].iter().take_while(|&&c| c < t.end) {
            if cut > start {
                out.push(start..cut);
                start = cut;
            }
        }
        out.push(start..t.end);
    }
    out
}

/// True if the token is only sentence-final punctuation (`.` `؟` `?` `!` `…` `۔`).
pub fn is_sentence_final(token: &str) -> bool {
    !token.is_empty() && token.chars().all(|c| matches!(c, '.' | '؟' | '?' | '!' | '…' | '۔'))
}

/// True if the token is only closing quotes or brackets (including the ambiguous `"` `'`).
fn is_closer(token: &str) -> bool {
    !token.is_empty()
        && token.chars().all(|c| matches!(c, '»' | '”' | '’' | '›' | ')' | ']' | '}' | '"' | '\''))
}

/// For each token, whether a new sentence starts with it (never for the first token).
///
/// A sentence starts after a line break between two tokens and, if `by_punctuation`, after
/// sentence-final punctuation (with closing marks glued to it) that is followed by white space.
pub fn sentence_starts(text: &str, tokens: &[Range<usize>], by_punctuation: bool) -> Vec<bool> {
    let mut starts = Vec::with_capacity(tokens.len());
    let mut ending = false;
    let mut prev: Option<&Range<usize>> = None;
    for t in tokens {
        let tok = text.get(t.clone()).unwrap_or("");
        let start = match prev {
            None => false,
            Some(p) => {
                let gap = text.get(p.end..t.start).unwrap_or("");
                gap.contains('\n') || (by_punctuation && ending && !gap.is_empty())
            }
        };
        let glued = prev.is_some_and(|p| p.end == t.start);
        ending = is_sentence_final(tok) || (ending && !start && glued && is_closer(tok));
        starts.push(start);
        prev = Some(t);
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn punctuation_is_split_and_numbers_kept() {
        assert_eq!(
            words("قال: «الهدف 50%» في 2023، و3.5 و12,000؟"),
            vec!["قال", ":", "«", "الهدف", "50", "%", "»", "في", "2023", "،", "و3.5", "و12,000", "؟"]
        );
        assert_eq!(
            words("(IRENA) O'Brien ...انتهى! 10:30 2/8/2023"),
            vec!["(", "IRENA", ")", "O'Brien", "...", "انتهى", "!", "10:30", "2/8/2023"]
        );
        assert_eq!(words("عام 2023. ثم"), vec!["عام", "2023", ".", "ثم"]);
    }

    #[test]
    fn invisible_marks_separate_and_are_stripped() {
        assert_eq!(words("\u{200e}إيران\u{200f} \u{feff}"), vec!["إيران"]);
        assert_eq!(strip_invisible("\u{200e}إيران\u{200b}"), "إيران");
    }

    #[test]
    fn split_at_cuts_only_inside_tokens() {
        let tokens = vec![0..10, 11..14];
        assert_eq!(split_at(&tokens, &[0, 2, 10, 12, 14]), vec![0..2, 2..10, 11..12, 12..14]);
    }

    #[test]
    fn sentences_end_at_lines_and_final_punctuation() {
        let text = "أ ب. «ج؟» د\nه 3.5 و";
        let tokens = tokenize(text);
        let starts = sentence_starts(text, &tokens, true);
        let firsts: Vec<&str> =
            tokens.iter().zip(&starts).filter(|(_, s)| **s).map(|(t, _)| &text[t.clone()]).collect();
        assert_eq!(firsts, vec!["«", "د", "ه"]);
        let by_lines = sentence_starts(text, &tokens, false);
        assert_eq!(by_lines.iter().filter(|s| **s).count(), 1);
    }
}
