//! A text field's line laid out by the article's own layout code (shaping, UAX #9 order,
//! ligature-aware hit-testing and highlight geometry), so a caret, a click or a selection in a
//! field lands exactly as it would in the article view. Coordinates are physical pixels with
//! the origin at the left edge of the text and the top of the line box.

use std::ops::Range;

use cosmic_text::FontSystem;

use crate::text::{ArticleLayout, GlyphAtlas, GlyphQuad, LayoutParams, Rect};

/// Wider than any field: the line never wraps.
const NO_WRAP_PX: f32 = 1.0e6;

/// One laid-out line of a field.
pub struct FieldLine {
    layout: ArticleLayout,
    /// Left edge of the text in the layout (whole pixels).
    x0: f32,
    width: f32,
    rtl: bool,
    top: f32,
    height: f32,
    len: usize,
}

impl FieldLine {
    /// Shapes and lays out `text` on one line at `font_px`.
    pub fn new(fs: &mut FontSystem, text: &str, font_px: f32) -> Self {
        let mut layout = ArticleLayout::single(text, LayoutParams::new(NO_WRAP_PX, font_px));
        layout.layout_all(fs);
        let (mut x_min, mut x_max, mut rtl, mut top, mut height) = (f32::MAX, f32::MIN, false, 0.0, font_px);
        for line in layout.para_lines(0) {
            for g in line.glyphs {
                x_min = x_min.min(g.x);
                x_max = x_max.max(g.x + g.w);
            }
            (rtl, top, height) = (line.rtl, line.top, line.height);
        }
        if x_min > x_max {
            // No glyphs (empty text): the caret sits at the start.
            (x_min, x_max) = (0.0, 0.0);
        }
        let x0 = x_min.floor();
        Self { layout, x0, width: x_max - x0, rtl, top, height, len: text.len() }
    }

    /// Width of the text.
    pub fn width(&self) -> f32 {
        self.width
    }

    /// Height of the line box.
    pub fn height(&self) -> f32 {
        self.height
    }

    /// True if the line's paragraph direction is right to left.
    pub fn rtl(&self) -> bool {
        self.rtl
    }

    /// The caret's x at byte `offset`.
    pub fn caret_x(&self, offset: usize) -> f32 {
        let empty_x = if self.rtl { self.width } else { 0.0 };
        match self.layout.caret_rect(offset.min(self.len)) {
            Some(r) => (r.x0 + r.x1) / 2.0 - self.x0,
            None => empty_x,
        }
    }

    /// The caret offset nearest to `x`.
    pub fn offset_at(&self, x: f32) -> usize {
        self.layout.caret_at(x + self.x0, self.top + self.height / 2.0).unwrap_or(0).min(self.len)
    }

    /// The code point under `x`, if any.
    pub fn char_at(&self, x: f32) -> Option<Range<usize>> {
        self.layout.char_at(x + self.x0, self.top + self.height / 2.0)
    }

    /// The x spans (left, right) covering bytes `range`, one per visual piece.
    pub fn spans(&self, range: Range<usize>) -> Vec<(f32, f32)> {
        if range.is_empty() {
            return Vec::new();
        }
        self.layout.range_rects(range).iter().map(|r| (r.x0 - self.x0, r.x1 - self.x0)).collect()
    }

    /// The line as a text run for screen readers (characters, words, extents from the text's
    /// start edge), if it has text.
    pub fn text_run(&self) -> Option<crate::text::TextRun> {
        self.layout.text_runs(0).into_iter().next().filter(|r| !r.lengths.is_empty())
    }

    /// Glyph quads of the line, rasterising into `atlas` as needed; `None` if the atlas was
    /// cleared meanwhile (call again).
    pub fn quads(&self, fs: &mut FontSystem, atlas: &mut GlyphAtlas) -> Option<Vec<GlyphQuad>> {
        let mut quads = ArticleLayout::glyph_quads(self.layout.para_lines(0), fs, atlas)?;
        for q in &mut quads {
            q.dst = Rect { x0: q.dst.x0 - self.x0, y0: q.dst.y0, x1: q.dst.x1 - self.x0, y1: q.dst.y1 };
        }
        Some(quads)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::font_system;

    const MIXED: &str = "قمة G20 في باكو 2023";

    #[test]
    fn right_to_left_text_reads_from_the_right_with_latin_and_digits_inside() {
        let mut fs = font_system();
        let line = FieldLine::new(&mut fs, MIXED, 24.0);
        assert!(line.rtl());
        let x = |s: &str| line.caret_x(MIXED.find(s).unwrap_or(0));
        // Logical start on the right; words to the left in reading order.
        assert!(x("قمة") > x("G20") && x("G20") > x("في") && x("في") > x("باكو"));
        assert!(x("باكو") > x("2023"));
        // Latin runs keep left-to-right order inside: G before 2.
        assert!(x("G20") < x("20"));
        assert!((line.caret_x(0) - line.width()).abs() < 2.0, "start on the right edge");
    }

    #[test]
    fn hit_testing_round_trips_every_caret_position() {
        let mut fs = font_system();
        let line = FieldLine::new(&mut fs, MIXED, 24.0);
        for (i, _) in MIXED.char_indices().skip(1) {
            let x = line.caret_x(i);
            let back = line.offset_at(x);
            assert!(
                (line.caret_x(back) - x).abs() < 1.5,
                "offset {i} at x {x} came back as {back} at {}",
                line.caret_x(back)
            );
        }
    }

    #[test]
    fn a_selection_over_a_direction_change_is_two_pieces() {
        let mut fs = font_system();
        let line = FieldLine::new(&mut fs, MIXED, 24.0);
        let a = MIXED.find("G20").unwrap_or(0) + 1;
        let b = MIXED.find("في").unwrap_or(0) + "ف".len();
        assert_eq!(line.spans(a..b).len(), 2);
        assert_eq!(line.spans(a..a + 1).len(), 1);
    }

    #[test]
    fn empty_and_blank_text_have_carets() {
        let mut fs = font_system();
        let empty = FieldLine::new(&mut fs, "", 24.0);
        assert_eq!(empty.caret_x(0), 0.0);
        assert_eq!(empty.offset_at(50.0), 0);
        let blank = FieldLine::new(&mut fs, "   ", 24.0);
        assert!(blank.caret_x(3) > blank.caret_x(0));
        let ltr = FieldLine::new(&mut fs, "PER", 24.0);
        assert!(!ltr.rtl());
        assert!(ltr.caret_x(3) > ltr.caret_x(0));
    }

    #[test]
    fn glyphs_are_drawn_from_the_left_edge() {
        let mut fs = font_system();
        let line = FieldLine::new(&mut fs, "جمهورية أذربيجان", 24.0);
        let mut atlas = GlyphAtlas::new(256);
        let quads = line.quads(&mut fs, &mut atlas).or_else(|| line.quads(&mut fs, &mut atlas));
        let quads = quads.unwrap_or_default();
        assert!(quads.len() > 10);
        let left = quads.iter().map(|q| q.dst.x0).fold(f32::MAX, f32::min);
        let right = quads.iter().map(|q| q.dst.x1).fold(f32::MIN, f32::max);
        assert!(left > -4.0 && left < 4.0, "left {left}");
        assert!((right - line.width()).abs() < 6.0, "right {right} width {}", line.width());
    }
}
