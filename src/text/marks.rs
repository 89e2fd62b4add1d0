//! Tashkeel hidden in the view without changing the text: a paragraph is shaped without its
//! marks, and a [`MarkMap`] converts offsets between that shown text and the document. A
//! boundary in the shown text maps to the document *after* the marks written at it, so a
//! selection, a click or a tag that ends on a letter includes its hidden marks, and offsets,
//! find, tagging and exports stay those of the full text. The marks are the ones find ignores
//! ([`crate::search::is_tashkeel`]: U+064B–U+0652 and the superscript alef).

use crate::search::is_tashkeel;

/// A run of hidden marks: where it sits in the shown text and which document bytes it spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    /// Offset in the shown text (right after the letter the marks belong to).
    shown: usize,
    /// First byte of the run in the document (paragraph-relative).
    start: usize,
    /// One past its last byte.
    end: usize,
}

/// The paragraph text without tashkeel, and the offset map back to the document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct MarkMap {
    runs: Vec<Run>,
}

/// The shown text of `text` without tashkeel and its map; `None` if `text` has no tashkeel.
pub(super) fn strip_marks(text: &str) -> Option<(String, MarkMap)> {
    if !text.chars().any(is_tashkeel) {
        return None;
    }
    let mut shown = String::with_capacity(text.len());
    let mut runs: Vec<Run> = Vec::new();
    for (i, c) in text.char_indices() {
        if !is_tashkeel(c) {
            shown.push(c);
            continue;
        }
        let end = i + c.len_utf8();
        match runs.last_mut() {
            Some(run) if run.end == i => run.end = end,
            _ => runs.push(Run { shown: shown.len(), start: i, end }),
        }
    }
    Some((shown, MarkMap { runs }))
}

impl MarkMap {
    /// The document offset of shown offset `shown`: after any marks hidden there.
    pub(super) fn to_doc(&self, shown: usize) -> usize {
        let k = self.runs.partition_point(|r| r.shown <= shown);
        match k.checked_sub(1).and_then(|k| self.runs.get(k)) {
            Some(run) => run.end + (shown - run.shown),
            None => shown,
        }
    }

    /// The shown offset of document offset `doc` (inside or at the edge of a run of marks:
    /// where the run is hidden).
    pub(super) fn to_shown(&self, doc: usize) -> usize {
        let k = self.runs.partition_point(|r| r.start < doc);
        match k.checked_sub(1).and_then(|k| self.runs.get(k)) {
            Some(run) if doc <= run.end => run.shown,
            Some(run) => run.shown + (doc - run.end),
            None => doc,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: &str = "قَالَ وَزِيرُ الخارجية في باكو";

    #[test]
    fn marks_are_hidden_and_offsets_map_back_after_them() {
        let Some((shown, map)) = strip_marks(T) else { panic!("T has tashkeel") };
        assert_eq!(shown, "قال وزير الخارجية في باكو");
        // After «ق» in the shown text is after «قَ» in the document.
        assert_eq!(map.to_doc("ق".len()), "قَ".len());
        // The word «قال» ends after its last mark.
        assert_eq!(map.to_doc("قال".len()), "قَالَ".len());
        assert_eq!(map.to_doc(0), 0);
        let w = shown.find("الخارجية").unwrap_or(0);
        assert_eq!(&T[map.to_doc(w)..map.to_doc(w + "الخارجية".len())], "الخارجية");
        assert_eq!(map.to_doc(shown.len()), T.len());
    }

    #[test]
    fn document_offsets_map_to_where_the_marks_would_be() {
        let Some((shown, map)) = strip_marks(T) else { panic!("T has tashkeel") };
        for (i, _) in T.char_indices().chain([(T.len(), ' ')]) {
            let s = map.to_shown(i);
            assert!(shown.is_char_boundary(s), "{i} -> {s}");
            // Round trip: a shown boundary maps to the document and back to itself.
            assert_eq!(map.to_shown(map.to_doc(s)), s);
        }
        assert_eq!(map.to_shown("قَ".len()), "ق".len());
        assert_eq!(map.to_shown("ق".len()), "ق".len(), "inside the letter's marks");
    }

    #[test]
    fn text_without_tashkeel_needs_no_map() {
        assert!(strip_marks("قال وزير الخارجية").is_none());
        assert!(strip_marks("").is_none());
    }
}
