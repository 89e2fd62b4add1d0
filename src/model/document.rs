//! The article text and fast conversion between UTF-8 byte offsets and code-point offsets.

use std::ops::Range;

/// Bytes per block of the code-point index: a lookup walks at most this many bytes.
const BLOCK: usize = 1024;

/// An article's decoded text (line ends normalised to `\n`) with a code-point index.
///
/// Inside Hashiya every offset is a UTF-8 byte offset on a char boundary; file formats use
/// code-point offsets. The index makes both directions O(log n + BLOCK).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    text: String,
    /// Byte offset where each index block starts (always a char boundary).
    block_bytes: Vec<usize>,
    /// Code points before each block start.
    block_chars: Vec<usize>,
    char_len: usize,
}

impl Document {
    /// Wraps `text`, building the code-point index.
    pub fn new(text: String) -> Self {
        let mut block_bytes = vec![0];
        let mut block_chars = vec![0];
        let mut chars = 0;
        let mut next_block = BLOCK;
        for (i, _) in text.char_indices() {
            if i >= next_block {
                block_bytes.push(i);
                block_chars.push(chars);
                next_block = i + BLOCK;
            }
            chars += 1;
        }
        Self { text, block_bytes, block_chars, char_len: chars }
    }

    /// The whole text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// True when the text is empty.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Length in Unicode code points.
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// True if `byte` is inside the text (or at its end) and on a char boundary.
    pub fn is_boundary(&self, byte: usize) -> bool {
        self.text.is_char_boundary(byte)
    }

    /// The text of a byte range, or `None` if it is not a valid range on char boundaries.
    pub fn slice(&self, range: Range<usize>) -> Option<&str> {
        self.text.get(range)
    }

    /// Code-point offset of a byte offset; `None` if not on a char boundary or out of range.
    pub fn byte_to_char(&self, byte: usize) -> Option<usize> {
        if !self.text.is_char_boundary(byte) {
            return None;
        }
        let k = self.block_bytes.partition_point(|&b| b <= byte).saturating_sub(1);
        let from = self.block_bytes[k];
        Some(self.block_chars[k] + self.text[from..byte].chars().count())
    }

    /// Byte offset of a code-point offset; `None` past the end.
    pub fn char_to_byte(&self, ch: usize) -> Option<usize> {
        if ch > self.char_len {
            return None;
        }
        let k = self.block_chars.partition_point(|&c| c <= ch).saturating_sub(1);
        let from = self.block_bytes[k];
        let skip = ch - self.block_chars[k];
        Some(match self.text[from..].char_indices().nth(skip) {
            Some((i, _)) => from + i,
            None => self.text.len(),
        })
    }

    /// Converts a byte range to a code-point range.
    pub fn byte_range_to_chars(&self, range: Range<usize>) -> Option<Range<usize>> {
        Some(self.byte_to_char(range.start)?..self.byte_to_char(range.end)?)
    }

    /// Converts a code-point range to a byte range.
    pub fn char_range_to_bytes(&self, range: Range<usize>) -> Option<Range<usize>> {
        Some(self.char_to_byte(range.start)?..self.char_to_byte(range.end)?)
    }

    /// Byte ranges of the lines (paragraphs) of the text, without their `\n`.
    pub fn lines(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        let mut start = 0;
        self.text.split('\n').map(move |line| {
            let r = start..start + line.len();
            start = r.end + 1;
            r
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn arabic_offsets_round_trip() {
        let doc = Document::new("وإيران و Iran 2023".to_string());
        assert_eq!(doc.char_len(), 18);
        assert_eq!(doc.char_to_byte(1), Some(2));
        assert_eq!(doc.byte_to_char(2), Some(1));
        assert_eq!(doc.byte_to_char(1), None, "inside a two-byte letter");
        assert_eq!(doc.char_to_byte(19), None);
        assert_eq!(doc.char_to_byte(18), Some(doc.len()));
    }

    #[test]
    fn lines_cover_text_without_newlines() {
        let doc = Document::new("أ\n\nب ج".to_string());
        let lines: Vec<_> = doc.lines().map(|r| doc.slice(r).unwrap_or("?").to_string()).collect();
        assert_eq!(lines, vec!["أ", "", "ب ج"]);
    }

    proptest! {
        #[test]
        fn index_matches_naive(s in "[a-zء-ي😀 \n]{0,3000}") {
            let doc = Document::new(s.clone());
            prop_assert_eq!(doc.char_len(), s.chars().count());
            for (ci, (bi, _)) in s.char_indices().enumerate().step_by(7) {
                prop_assert_eq!(doc.char_to_byte(ci), Some(bi));
                prop_assert_eq!(doc.byte_to_char(bi), Some(ci));
            }
            prop_assert_eq!(doc.byte_to_char(s.len()), Some(doc.char_len()));
        }
    }
}
