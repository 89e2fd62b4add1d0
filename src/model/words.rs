//! Word units of the text (UAX #29) for double-click selection and word-snapped dragging.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// True if a UAX #29 segment is a word (has a letter or digit) rather than space/punctuation.
fn is_word(segment: &str) -> bool {
    segment.chars().any(char::is_alphanumeric)
}

/// The word containing byte `pos` of `text` (the segment there if it is not a word).
pub fn word_at(text: &str, pos: usize) -> Range<usize> {
    let (line_start, line) = line_around(text, pos);
    let rel = pos - line_start;
    let mut last = line_start..line_start;
    for (i, seg) in line.split_word_bound_indices() {
        let r = line_start + i..line_start + i + seg.len();
        if rel < i + seg.len() {
            return r;
        }
        last = r;
    }
    last
}

/// Extends `range` outward so that it starts and ends on word edges; punctuation and spaces at
/// its ends are trimmed, so a drag over «إيران،» selects «إيران».
pub fn snap_to_words(text: &str, range: Range<usize>) -> Range<usize> {
    if range.is_empty() {
        return range;
    }
    let mut start = word_at(text, range.start).start;
    let mut end = word_at(text, range.end.saturating_sub(1).max(range.start)).end;
    // Trim non-word segments at both ends.
    while start < end {
        let w = word_at(text, start);
        if is_word(&text[w.clone()]) {
            break;
        }
        start = w.end.min(end);
    }
    while end > start {
        let w = word_at(text, end - prev_char_len(text, end));
        if is_word(&text[w.clone()]) {
            break;
        }
        end = w.start.max(start);
    }
    if start == end { range } else { start..end }
}

fn prev_char_len(text: &str, end: usize) -> usize {
    text[..end].chars().next_back().map_or(1, char::len_utf8)
}

/// The line (between `\n`s) around `pos`, with its start offset.
fn line_around(text: &str, pos: usize) -> (usize, &str) {
    let pos = text.floor_char_boundary(pos.min(text.len()));
    let start = text[..pos].rfind('\n').map_or(0, |i| i + 1);
    let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
    (start, &text[start..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: &str = "التقى وزير خارجية إيران، وسورية (IRENA) في 2023.";

    fn at(s: &str) -> usize {
        T.find(s).unwrap_or(usize::MAX)
    }

    #[test]
    fn double_click_word() {
        let p = at("خارجية") + 4;
        assert_eq!(&T[word_at(T, p)], "خارجية");
        assert_eq!(&T[word_at(T, at("IRENA") + 1)], "IRENA");
        assert_eq!(&T[word_at(T, at("2023"))], "2023");
    }

    #[test]
    fn snapping_extends_and_trims_punctuation() {
        let r = at("إيران") + 2..at("إيران،") + "إيران،".len();
        assert_eq!(&T[snap_to_words(T, r)], "إيران");
        let r = at("(IRENA") + 1..at("IRENA)") + 6;
        assert_eq!(&T[snap_to_words(T, r)], "IRENA");
        let r = at("وزير") + 2..at("خارجية") + 2;
        assert_eq!(&T[snap_to_words(T, r)], "وزير خارجية");
    }

    #[test]
    fn snapping_only_spaces_keeps_range() {
        let r = at(" خارجية")..at(" خارجية") + 1;
        assert_eq!(snap_to_words(T, r.clone()), r);
    }
}
