//! Caret motion in a field's text, by the rules cosmic-text 0.19's `Buffer::cursor_motion`
//! uses and the article view follows: Left and Right move forward or back in the text by the
//! paragraph's direction (in a right-to-left paragraph Left moves forward), one grapheme at a
//! time, or one word with Ctrl (the article's word units, [`crate::model::word_at`]); Home and
//! End go to the start and end of the text. The paragraph's direction is its first strong
//! character's (UAX #9 P2–P3, the rule cosmic-text shapes with).

use unicode_segmentation::UnicodeSegmentation;

use crate::model::word_at;

/// Where a caret moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Motion {
    /// One grapheme to the left on screen.
    Left,
    /// One grapheme to the right on screen.
    Right,
    /// One word to the left on screen (Ctrl+←).
    WordLeft,
    /// One word to the right on screen (Ctrl+→).
    WordRight,
    /// To the start of the text (Home).
    Home,
    /// To the end of the text (End).
    End,
    /// One grapheme forward in the text.
    Next,
    /// One grapheme back in the text.
    Previous,
}

/// True if `text`'s paragraph direction is right to left (its first strong character is
/// Arabic, Hebrew…); text without strong characters is left to right.
pub fn is_rtl(text: &str) -> bool {
    unicode_bidi::get_base_direction(text) == unicode_bidi::Direction::Rtl
}

/// The caret after `motion` from `caret` in `text`, whose paragraph is right to left if `rtl`.
pub(super) fn step(text: &str, caret: usize, motion: Motion, rtl: bool) -> usize {
    let caret = text.floor_char_boundary(caret.min(text.len()));
    match motion {
        Motion::Home => 0,
        Motion::End => text.len(),
        Motion::Next => next_grapheme(text, caret),
        Motion::Previous => previous_grapheme(text, caret),
        Motion::Left | Motion::Right => {
            let forward = (motion == Motion::Left) == rtl;
            if forward { next_grapheme(text, caret) } else { previous_grapheme(text, caret) }
        }
        Motion::WordLeft | Motion::WordRight => {
            let forward = (motion == Motion::WordLeft) == rtl;
            if forward { next_word(text, caret) } else { previous_word(text, caret) }
        }
    }
}

/// The end of the grapheme at `caret`.
pub(super) fn next_grapheme(text: &str, caret: usize) -> usize {
    text[caret..].graphemes(true).next().map_or(caret, |g| caret + g.len())
}

/// The start of the grapheme before `caret`.
pub(super) fn previous_grapheme(text: &str, caret: usize) -> usize {
    text[..caret].graphemes(true).next_back().map_or(caret, |g| caret - g.len())
}

/// The start of the code point before `caret` (Backspace removes one code point, so a mark
/// typed by mistake goes without its letter).
pub(super) fn previous_char(text: &str, caret: usize) -> usize {
    text[..caret].chars().next_back().map_or(caret, |c| caret - c.len_utf8())
}

/// The end of the word (or run of spaces, or punctuation) at `caret`.
pub(super) fn next_word(text: &str, caret: usize) -> usize {
    if caret >= text.len() {
        return text.len();
    }
    word_at(text, caret).end.max(next_grapheme(text, caret))
}

/// The start of the word (or run of spaces, or punctuation) before `caret`.
pub(super) fn previous_word(text: &str, caret: usize) -> usize {
    match text[..caret].char_indices().next_back() {
        Some((i, _)) => word_at(text, i).start.min(i),
        None => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const AR: &str = "جمهورية أذربيجان";

    #[test]
    fn direction_is_the_first_strong_characters() {
        assert!(is_rtl(AR));
        assert!(is_rtl("2023 قمة G20"));
        assert!(!is_rtl("G20 قمة"));
        assert!(!is_rtl("PER"));
        assert!(!is_rtl("123 ..."));
    }

    #[test]
    fn left_moves_forward_in_right_to_left_text() {
        let first = "ج".len();
        assert_eq!(step(AR, 0, Motion::Left, true), first);
        assert_eq!(step(AR, first, Motion::Right, true), 0);
        assert_eq!(step("abc", 0, Motion::Right, false), 1);
        assert_eq!(step("abc", 0, Motion::Left, false), 0);
    }

    #[test]
    fn words_move_like_the_article_view() {
        let space = AR.find(' ').unwrap_or(0);
        assert_eq!(step(AR, 0, Motion::WordLeft, true), space);
        assert_eq!(step(AR, space, Motion::WordLeft, true), space + 1);
        assert_eq!(step(AR, AR.len(), Motion::WordRight, true), space + 1);
        assert_eq!(step(AR, space + 1, Motion::WordRight, true), space);
        assert_eq!(step(AR, 3, Motion::Home, true), 0);
        assert_eq!(step(AR, 3, Motion::End, true), AR.len());
    }

    #[test]
    fn a_mark_moves_with_its_letter_but_backspace_takes_it_alone() {
        let t = "بَا";
        let after_mark = "بَ".len();
        assert_eq!(next_grapheme(t, 0), after_mark);
        assert_eq!(previous_grapheme(t, after_mark), 0);
        assert_eq!(previous_char(t, after_mark), "ب".len());
    }
}
