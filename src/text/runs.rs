//! A laid-out paragraph as text runs for screen readers: one run per visual line, with the
//! document text it holds, its box, its direction, and each character's (grapheme's) extent
//! along the line, measured from the line's start side as AccessKit wants it. Characters are
//! the document's graphemes, so hidden tashkeel is still read and counted with its letter.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::cells::{cell_bounds, cell_span};
use super::geometry::Rect;
use super::layout::ArticleLayout;

/// One visual line of a paragraph as a text run.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    /// Document bytes of the line (a line's trailing spaces included).
    pub range: Range<usize>,
    /// The line's box in layout pixels, across the column.
    pub rect: Rect,
    /// The paragraph reads right to left.
    pub rtl: bool,
    /// Each character's length in bytes (graphemes; a longer one is split by code points).
    pub lengths: Vec<usize>,
    /// Each character's start along the line, from its start side (the right for
    /// right-to-left runs), in layout pixels.
    pub positions: Vec<f32>,
    /// Each character's advance, in layout pixels.
    pub widths: Vec<f32>,
    /// Indices (in characters) where words begin.
    pub word_starts: Vec<usize>,
}

impl ArticleLayout {
    /// The text runs of paragraph `i`, one per visual line (none if it is not laid out).
    pub fn text_runs(&self, i: usize) -> Vec<TextRun> {
        let Some((range, _)) = self.para(i) else { return Vec::new() };
        let shown = self.shown_text(i);
        let width = self.params().width_px;
        let lines: Vec<_> = self.para_lines(i).collect();
        let starts: Vec<usize> = lines
            .iter()
            .enumerate()
            .map(|(k, l)| if k == 0 { range.start } else { self.to_doc(i, l.bytes.0) })
            .chain([range.end])
            .collect();
        let mut runs = Vec::with_capacity(lines.len());
        for (k, line) in lines.iter().enumerate() {
            let doc = starts[k]..starts[k + 1].max(starts[k]);
            // Shown code points of the line and their x spans.
            let mut spans: Vec<(usize, f32, f32)> = Vec::new();
            for c in line.cells {
                let bounds = cell_bounds(shown, c);
                for w in bounds.windows(2) {
                    let (x0, x1) = cell_span(shown, c, w[0], w[1]);
                    spans.push((w[0], x0.min(x1), x0.max(x1)));
                }
            }
            spans.sort_by_key(|s| s.0);
            let rect = Rect { x0: 0.0, y0: line.top, x1: width, y1: line.top + line.height };
            runs.push(self.run(i, doc, rect, line.rtl, &spans));
        }
        runs
    }

    /// The run of document bytes `doc` of paragraph `i`, from the x spans of its shown code
    /// points (`spans`: shown offset, left, right; sorted by offset).
    fn run(
        &self,
        i: usize,
        doc: Range<usize>,
        rect: Rect,
        rtl: bool,
        spans: &[(usize, f32, f32)],
    ) -> TextRun {
        let text = self.text_of(doc.clone());
        let mut run = TextRun::empty(doc.clone(), rect, rtl);
        let mut last_edge = if rtl { rect.x1 } else { rect.x0 };
        for (offset, g) in characters(text) {
            let (a, b) =
                (self.to_shown(i, doc.start + offset), self.to_shown(i, doc.start + offset + g.len()));
            let lo = spans.partition_point(|s| s.0 < a);
            let hi = spans.partition_point(|s| s.0 < b);
            let (x0, x1) = spans[lo..hi.max(lo)]
                .iter()
                .fold((f32::MAX, f32::MIN), |(x0, x1), s| (x0.min(s.1), x1.max(s.2)));
            let (x0, x1) = if x0 <= x1 { (x0, x1) } else { (last_edge, last_edge) };
            last_edge = if rtl { x0 } else { x1 };
            let position = if rtl { rect.x1 - x1 } else { x0 - rect.x0 };
            run.lengths.push(g.len());
            run.positions.push(position);
            run.widths.push(x1 - x0);
        }
        run.word_starts = word_starts(text);
        run
    }

    /// The document's text at `range` (empty if it is not on char boundaries).
    fn text_of(&self, range: Range<usize>) -> &str {
        let Some(i) = self.para_of_byte(range.start) else { return "" };
        let Some((pr, _)) = self.para(i) else { return "" };
        let para = self.para_text(i);
        para.get(range.start.saturating_sub(pr.start)..range.end.saturating_sub(pr.start)).unwrap_or("")
    }
}

impl TextRun {
    fn empty(range: Range<usize>, rect: Rect, rtl: bool) -> Self {
        Self {
            range,
            rect,
            rtl,
            lengths: Vec::new(),
            positions: Vec::new(),
            widths: Vec::new(),
            word_starts: Vec::new(),
        }
    }
}

/// The characters of `text` (graphemes, split by code points where one exceeds 255 bytes,
/// AccessKit's limit) with their byte offsets.
fn characters(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    for (at, g) in text.grapheme_indices(true) {
        if g.len() <= usize::from(u8::MAX) {
            out.push((at, g));
        } else {
            out.extend(g.char_indices().map(|(k, c)| (at + k, &g[k..k + c.len_utf8()])));
        }
    }
    out
}

/// Character indices where words (segments with a letter or digit) begin.
fn word_starts(text: &str) -> Vec<usize> {
    let chars = characters(text);
    text.split_word_bound_indices()
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
        .filter_map(|(at, _)| chars.iter().position(|(o, _)| *o == at))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{LayoutParams, TextStyle, font_system};

    fn laid_out(text: &str, width: f32, style: TextStyle) -> ArticleLayout {
        let mut fs = font_system();
        let mut layout = ArticleLayout::plain(text, LayoutParams { style, ..LayoutParams::new(width, 24.0) });
        layout.layout_all(&mut fs);
        layout
    }

    #[test]
    fn runs_cover_the_paragraph_line_by_line_in_reading_order() {
        let text = "قال وزير الخارجية إن القمة ستعقد في باكو عام 2023 بمشاركة وفود من ثلاثين دولة";
        let layout = laid_out(text, 300.0, TextStyle::default());
        let runs = layout.text_runs(0);
        assert!(runs.len() > 1, "wrapped");
        assert_eq!(runs.first().map(|r| r.range.start), Some(0));
        assert_eq!(runs.last().map(|r| r.range.end), Some(text.len()));
        for w in runs.windows(2) {
            assert_eq!(w[0].range.end, w[1].range.start);
        }
        for r in &runs {
            assert_eq!(r.lengths.iter().sum::<usize>(), r.range.len());
            assert!(r.rtl);
            // From the right edge: the first word's characters come first.
            assert!(r.positions[..3].windows(2).all(|p| p[0] < p[1]), "{:?}", r.positions);
            assert_eq!(r.word_starts.first(), Some(&0));
        }
        // Digits read left to right inside the line: «2» is farther from the right than «3».
        let at = text.find("2023").unwrap_or(0);
        let run = runs.iter().find(|r| r.range.contains(&at)).expect("a run holds 2023");
        let k = text[run.range.start..at].chars().count();
        assert!(run.positions[k] > run.positions[k + 3], "{:?}", &run.positions[k..k + 4]);
    }

    #[test]
    fn hidden_tashkeel_is_read_with_its_letter() {
        let text = "قَالَ وَزِيرُ";
        let layout = laid_out(text, 2000.0, TextStyle { tashkeel: false, ..TextStyle::default() });
        let run = &layout.text_runs(0)[0];
        assert_eq!(run.range, 0..text.len());
        assert_eq!(run.lengths[0], "قَ".len(), "a letter and its mark are one character");
        assert!(run.widths.iter().filter(|w| **w > 0.0).count() >= 7);
        assert_eq!(run.word_starts, vec![0, 4]);
    }

    #[test]
    fn latin_runs_measure_from_the_left() {
        let layout = laid_out("G20 Baku", 2000.0, TextStyle::default());
        let run = &layout.text_runs(0)[0];
        assert!(!run.rtl);
        assert!(run.positions[0] < 2.0);
        assert!(run.positions[1] > run.positions[0]);
        assert_eq!(run.word_starts, vec![0, 4]);
    }
}
