//! The editing state of one text field, without egui or fonts: the text, the selection
//! (anchor and caret, UTF-8 byte offsets on character boundaries), an IME composition that is
//! shown but not yet part of the text, and the field's own undo history. Every change goes
//! through [`FieldCore::apply`] as one [`Action`]; the widget only translates input events.

use std::ops::Range;

use super::history::{History, Kind, Sel, Splice};
use super::motion::{self, Motion};

/// What the user did to a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Moves the caret; `extend` keeps the anchor (Shift).
    Move {
        /// Where to.
        motion: Motion,
        /// Extend the selection instead of collapsing it.
        extend: bool,
    },
    /// Typed text replaces the selection.
    Insert(String),
    /// Pasted text replaces the selection (one undo step of its own).
    Paste(String),
    /// Backspace: the selection, or one code point (a word with `word`) before the caret.
    DeleteBackward {
        /// Ctrl held: a whole word.
        word: bool,
    },
    /// Delete: the selection, or one grapheme (a word with `word`) after the caret.
    DeleteForward {
        /// Ctrl held: a whole word.
        word: bool,
    },
    /// Selects everything (Ctrl+A).
    SelectAll,
    /// Selects the word around byte offset (double click).
    SelectWord(usize),
    /// Puts the caret at a byte offset (click); `extend` keeps the anchor (Shift+click).
    Click {
        /// Where.
        at: usize,
        /// Extend the selection.
        extend: bool,
    },
    /// Moves the caret while the anchor stays (dragging).
    DragTo(usize),
    /// Copies the selection (returned in [`Outcome::copied`]).
    Copy,
    /// Copies the selection and removes it.
    Cut,
    /// Undoes the last step.
    Undo,
    /// Redoes the last undone step.
    Redo,
    /// IME composition text so far (empty clears it); shown at the caret, not yet in the text.
    Preedit(String),
    /// IME composition finished with this text.
    Commit(String),
    /// Replaces the whole text (an assistive technology set the value): one undo step.
    SetValue(String),
}

/// What an action did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// The text changed.
    pub changed: bool,
    /// Text for the clipboard (Copy, Cut).
    pub copied: Option<String>,
}

/// One field's text, selection, composition and history.
#[derive(Debug, Clone, Default)]
pub struct FieldCore {
    text: String,
    anchor: usize,
    caret: usize,
    preedit: String,
    history: History,
    max_chars: Option<usize>,
}

impl FieldCore {
    /// A field holding `text`, the caret at its end.
    pub fn new(text: &str) -> Self {
        let text = single_line(text);
        let end = text.len();
        Self { text, anchor: end, caret: end, ..Self::default() }
    }

    /// At most `n` characters (a hotkey field takes one).
    pub fn with_max_chars(mut self, n: Option<usize>) -> Self {
        self.max_chars = n;
        self
    }

    /// The text (without an unfinished IME composition).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The caret (byte offset).
    pub fn caret(&self) -> usize {
        self.caret
    }

    /// The selection's fixed end (byte offset).
    pub fn anchor(&self) -> usize {
        self.anchor
    }

    /// The selected bytes, in text order (empty when nothing is selected).
    pub fn selection(&self) -> Range<usize> {
        self.anchor.min(self.caret)..self.anchor.max(self.caret)
    }

    /// True if the paragraph reads right to left (first strong character).
    pub fn is_rtl(&self) -> bool {
        motion::is_rtl(&self.display_text())
    }

    /// The unfinished IME composition, if any.
    pub fn preedit(&self) -> &str {
        &self.preedit
    }

    /// The text as shown: the composition inserted at the caret.
    pub fn display_text(&self) -> String {
        if self.preedit.is_empty() {
            return self.text.clone();
        }
        let mut s = self.text.clone();
        s.insert_str(self.caret, &self.preedit);
        s
    }

    /// The bytes of the composition in [`Self::display_text`].
    pub fn display_preedit(&self) -> Range<usize> {
        self.caret..self.caret + self.preedit.len()
    }

    /// Maps a byte offset in [`Self::display_text`] to one in the text (inside the
    /// composition: the caret).
    pub fn from_display(&self, offset: usize) -> usize {
        let p = self.display_preedit();
        if offset <= p.start {
            offset
        } else if offset < p.end {
            self.caret
        } else {
            offset - self.preedit.len()
        }
    }

    /// Maps a text offset to the display text (after the composition at the caret).
    pub fn to_display(&self, offset: usize) -> usize {
        if offset < self.caret { offset } else { offset + self.preedit.len() }
    }

    /// True if there is something to undo.
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// Takes a new text from outside (the bound value changed): one undo step, the caret at
    /// the end, any composition dropped.
    pub fn set_text(&mut self, text: &str) {
        let text = single_line(text);
        if text != self.text {
            self.preedit.clear();
            let end = text.len();
            self.replace(Kind::Other, 0..self.text.len(), &text, (end, end));
            self.history.seal();
        }
    }

    /// Applies one action.
    pub fn apply(&mut self, action: Action) -> Outcome {
        let mut copied = None;
        let changed = match action {
            Action::Move { motion, extend } => self.move_caret(motion, extend),
            Action::Insert(s) => self.insert(Kind::Typing, &s),
            Action::Paste(s) => self.insert(Kind::Other, &s),
            Action::DeleteBackward { word } => self.delete(false, word),
            Action::DeleteForward { word } => self.delete(true, word),
            Action::SelectAll => self.select(0, self.text.len()),
            Action::SelectWord(at) => self.select_word(at),
            Action::Click { at, extend } => self.click(at, extend),
            Action::DragTo(at) => self.select(self.anchor, at),
            Action::Copy => {
                copied = self.selected_text();
                false
            }
            Action::Cut => {
                copied = self.selected_text();
                copied.is_some() && self.insert(Kind::Other, "")
            }
            Action::Undo => self.undo_redo(true),
            Action::Redo => self.undo_redo(false),
            Action::Preedit(s) => self.compose(&s),
            Action::Commit(s) => {
                self.preedit.clear();
                self.insert(Kind::Typing, &s)
            }
            Action::SetValue(s) => {
                let changed = single_line(&s) != self.text;
                self.set_text(&s);
                changed
            }
        };
        Outcome { changed, copied }
    }

    fn selected_text(&self) -> Option<String> {
        let sel = self.selection();
        (!sel.is_empty()).then(|| self.text[sel].to_string())
    }

    fn move_caret(&mut self, m: Motion, extend: bool) -> bool {
        self.history.seal();
        let sel = self.selection();
        let caret = if !extend && !sel.is_empty() && matches!(m, Motion::Left | Motion::Right) {
            // An arrow collapses a selection to its edge on that side.
            let forward = (m == Motion::Left) == self.is_rtl();
            if forward { sel.end } else { sel.start }
        } else {
            motion::step(&self.text, self.caret, m, self.is_rtl())
        };
        let anchor = if extend { self.anchor } else { caret };
        self.set_sel(anchor, caret);
        false
    }

    fn select(&mut self, anchor: usize, caret: usize) -> bool {
        self.history.seal();
        self.set_sel(anchor, caret);
        false
    }

    fn click(&mut self, at: usize, extend: bool) -> bool {
        self.preedit.clear();
        let anchor = if extend { self.anchor } else { at };
        self.select(anchor, at)
    }

    fn select_word(&mut self, at: usize) -> bool {
        let at = self.text.floor_char_boundary(at.min(self.text.len()));
        let w = crate::model::word_at(&self.text, at);
        self.select(w.start, w.end)
    }

    fn set_sel(&mut self, anchor: usize, caret: usize) {
        let clamp = |o: usize| self.text.floor_char_boundary(o.min(self.text.len()));
        (self.anchor, self.caret) = (clamp(anchor), clamp(caret));
    }

    fn insert(&mut self, kind: Kind, s: &str) -> bool {
        let s = self.fit(&single_line(s));
        let sel = self.selection();
        if sel.is_empty() && s.is_empty() {
            return false;
        }
        let end = sel.start + s.len();
        self.replace(kind, sel, &s, (end, end));
        true
    }

    /// `s` cut to what fits under the character limit (the selection is replaced).
    fn fit(&self, s: &str) -> String {
        let Some(max) = self.max_chars else { return s.to_string() };
        let kept = self.text.chars().count() - self.text[self.selection()].chars().count();
        s.chars().take(max.saturating_sub(kept)).collect()
    }

    fn delete(&mut self, forward: bool, word: bool) -> bool {
        let mut range = self.selection();
        if range.is_empty() {
            let c = self.caret;
            range = match (forward, word) {
                (false, false) => motion::previous_char(&self.text, c)..c,
                (false, true) => motion::previous_word(&self.text, c)..c,
                (true, false) => c..motion::next_grapheme(&self.text, c),
                (true, true) => c..motion::next_word(&self.text, c),
            };
        }
        if range.is_empty() {
            return false;
        }
        let at = range.start;
        self.replace(Kind::Deleting, range, "", (at, at));
        true
    }

    fn replace(&mut self, kind: Kind, range: Range<usize>, with: &str, after: Sel) {
        let splice = Splice {
            at: range.start,
            removed: self.text[range].to_string(),
            inserted: with.to_string(),
            before: (self.anchor, self.caret),
            after,
        };
        if splice.apply(&mut self.text) {
            (self.anchor, self.caret) = after;
            self.history.record(kind, splice);
        }
    }

    fn undo_redo(&mut self, undo: bool) -> bool {
        self.preedit.clear();
        let sel = if undo { self.history.undo(&mut self.text) } else { self.history.redo(&mut self.text) };
        match sel {
            Some((anchor, caret)) => {
                self.set_sel(anchor, caret);
                true
            }
            None => false,
        }
    }

    /// An IME composition replaces the selection when it starts.
    fn compose(&mut self, s: &str) -> bool {
        let starts = self.preedit.is_empty() && !s.is_empty();
        let changed = starts && !self.selection().is_empty() && self.insert(Kind::Typing, "");
        self.preedit = single_line(s);
        changed
    }
}

/// A field holds one line: line breaks and tabs become spaces.
fn single_line(s: &str) -> String {
    if s.contains(['\n', '\r', '\t']) {
        s.replace("\r\n", " ").replace(['\n', '\r', '\t'], " ")
    } else {
        s.to_string()
    }
}

#[cfg(test)]
#[path = "core_tests.rs"]
mod tests;
