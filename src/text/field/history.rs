//! Undo inside a text field: every change is a [`Splice`] (bytes replaced at one place) that
//! knows its own inverse, grouped into steps. Consecutive typing (or deleting) joins one step
//! until the caret moves or a word ends, as in most editors.

use std::ops::Range;

/// Selection as (anchor, caret) byte offsets.
pub(super) type Sel = (usize, usize);

/// One replacement: `removed` at `at` became `inserted`; the selection before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Splice {
    /// Byte offset of the change.
    pub at: usize,
    /// Text that was there.
    pub removed: String,
    /// Text put there.
    pub inserted: String,
    /// Selection before the change.
    pub before: Sel,
    /// Selection after the change.
    pub after: Sel,
}

impl Splice {
    /// The same change backwards.
    pub fn invert(&self) -> Splice {
        Splice {
            at: self.at,
            removed: self.inserted.clone(),
            inserted: self.removed.clone(),
            before: self.after,
            after: self.before,
        }
    }

    /// Applies it to `text`; false (and `text` untouched) if `text` does not hold `removed`
    /// at `at`.
    pub fn apply(&self, text: &mut String) -> bool {
        let range: Range<usize> = self.at..self.at + self.removed.len();
        if text.get(range.clone()) != Some(self.removed.as_str()) {
            return false;
        }
        text.replace_range(range, &self.inserted);
        true
    }
}

/// What kind of change a splice is, for grouping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Typed text (joins the previous typing in the same word).
    Typing,
    /// Backspace or Delete (joins the previous deletion).
    Deleting,
    /// Anything else (paste, cut, replace): a step of its own.
    Other,
}

/// Undo and redo stacks of steps.
#[derive(Debug, Clone, Default)]
pub(super) struct History {
    undo: Vec<(Kind, Vec<Splice>)>,
    redo: Vec<Vec<Splice>>,
    /// The next change starts a new step.
    sealed: bool,
}

/// Steps kept (older ones are forgotten).
const MAX_STEPS: usize = 500;

impl History {
    /// Records a change that was just applied.
    pub fn record(&mut self, kind: Kind, splice: Splice) {
        self.redo.clear();
        let joins = !self.sealed
            && kind != Kind::Other
            && self.undo.last().is_some_and(|(k, steps)| {
                *k == kind && steps.last().is_some_and(|last| continues(kind, last, &splice))
            });
        self.sealed = false;
        match self.undo.last_mut() {
            Some((_, steps)) if joins => steps.push(splice),
            _ => {
                self.undo.push((kind, vec![splice]));
                if self.undo.len() > MAX_STEPS {
                    self.undo.remove(0);
                }
            }
        }
    }

    /// The next change starts a new step (the caret moved, the field lost focus…).
    pub fn seal(&mut self) {
        self.sealed = true;
    }

    /// Undoes the last step on `text`; returns the selection to restore.
    pub fn undo(&mut self, text: &mut String) -> Option<Sel> {
        let (_, step) = self.undo.pop()?;
        let mut sel = None;
        for splice in step.iter().rev() {
            let inverse = splice.invert();
            if !inverse.apply(text) {
                // The text changed under the history (it never should): forget it.
                self.clear();
                return None;
            }
            sel = Some(inverse.after);
        }
        self.redo.push(step);
        self.sealed = true;
        sel
    }

    /// Redoes the last undone step on `text`; returns the selection to restore.
    pub fn redo(&mut self, text: &mut String) -> Option<Sel> {
        let step = self.redo.pop()?;
        let mut sel = None;
        for splice in &step {
            if !splice.apply(text) {
                self.clear();
                return None;
            }
            sel = Some(splice.after);
        }
        self.undo.push((Kind::Other, step));
        self.sealed = true;
        sel
    }

    /// True if there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Forgets everything.
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
        self.sealed = false;
    }
}

/// True if `next` continues `last` as one typing (same word) or one deletion run.
fn continues(kind: Kind, last: &Splice, next: &Splice) -> bool {
    match kind {
        Kind::Typing => {
            let adjacent = next.removed.is_empty() && next.at == last.at + last.inserted.len();
            // A word and the space after it are one step; the next word starts a new one.
            let word_ended = last.inserted.ends_with(char::is_whitespace)
                && !next.inserted.starts_with(char::is_whitespace);
            adjacent && !word_ended
        }
        Kind::Deleting => {
            let backward = next.at + next.removed.len() == last.at;
            let forward = next.at == last.at;
            next.inserted.is_empty() && (backward || forward)
        }
        Kind::Other => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(at: usize, s: &str) -> Splice {
        Splice {
            at,
            removed: String::new(),
            inserted: s.into(),
            before: (at, at),
            after: (at + s.len(), at + s.len()),
        }
    }

    #[test]
    fn typing_groups_by_word() {
        let mut text = String::new();
        let mut h = History::default();
        for c in ["a", "b", " ", "c"] {
            let s = typed(text.len(), c);
            assert!(s.apply(&mut text));
            h.record(Kind::Typing, s);
        }
        assert_eq!(text, "ab c");
        assert_eq!(h.undo(&mut text), Some((3, 3)));
        assert_eq!(text, "ab ");
        assert_eq!(h.undo(&mut text), Some((0, 0)));
        assert_eq!(text, "");
        assert_eq!(h.redo(&mut text), Some((3, 3)));
        assert_eq!(text, "ab ");
    }

    #[test]
    fn a_seal_splits_steps_and_a_new_change_clears_redo() {
        let mut text = String::new();
        let mut h = History::default();
        let s = typed(0, "x");
        s.apply(&mut text);
        h.record(Kind::Typing, s);
        h.seal();
        let s = typed(1, "y");
        s.apply(&mut text);
        h.record(Kind::Typing, s);
        assert_eq!(h.undo(&mut text), Some((1, 1)));
        assert_eq!(text, "x");
        let s = typed(1, "z");
        s.apply(&mut text);
        h.record(Kind::Typing, s);
        assert_eq!(h.redo(&mut text), None);
        assert_eq!(text, "xz");
    }

    #[test]
    fn a_splice_that_does_not_match_is_refused() {
        let mut text = "abc".to_string();
        let s = Splice { at: 1, removed: "x".into(), inserted: "y".into(), before: (0, 0), after: (0, 0) };
        assert!(!s.apply(&mut text));
        assert_eq!(text, "abc");
    }
}
