//! Geometry queries on an [`ArticleLayout`]: the rectangles covering a byte range, the caret
//! offset or code point under a point, and the caret rectangle of an offset. Queries take and
//! return document bytes; inside, lines and cells are in the paragraph's shown text (without
//! tashkeel when it is hidden), converted at this boundary.
//!
//! cosmic-text's own `highlight`/`hit` are mirrored inside multi-character RTL clusters such as
//! lam-alef; here a cluster's width is split evenly among its code points, starting from the
//! right edge for right-to-left glyphs, so every code point owns its own slice.

use std::ops::Range;

use super::cells::{Cell, cell_bounds, cell_span};
use super::layout::{ArticleLayout, VisualLine};

/// An axis-aligned rectangle in layout pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left.
    pub x0: f32,
    /// Top.
    pub y0: f32,
    /// Right.
    pub x1: f32,
    /// Bottom.
    pub y1: f32,
}

impl Rect {
    /// Width.
    pub fn width(&self) -> f32 {
        self.x1 - self.x0
    }

    /// True if the point is inside.
    pub fn contains(&self, x: f32, y: f32) -> bool {
        (self.x0..self.x1).contains(&x) && (self.y0..self.y1).contains(&y)
    }
}

impl ArticleLayout {
    /// Rectangles covering document bytes `range`, one per contiguous visual piece, merged
    /// along each line. Only laid-out paragraphs contribute.
    pub fn range_rects(&self, range: Range<usize>) -> Vec<Rect> {
        let mut out = Vec::new();
        let Some(first) = self.para_of_byte(range.start) else { return out };
        for i in first..self.para_count() {
            let Some((pr, _)) = self.para(i) else { break };
            if pr.start >= range.end {
                break;
            }
            // Paragraph-relative offsets in the shown text from here on.
            let shown = self.to_shown(i, range.start)..self.to_shown(i, range.end);
            let text = self.shown_text(i);
            for line in self.para_lines(i) {
                if line.bytes.0 < shown.end && line.bytes.1 > shown.start {
                    line_rects(text, &line, shown.clone(), &mut out);
                }
            }
        }
        out
    }

    /// The caret offset (document byte on a code-point boundary) nearest to point `(x, y)`.
    pub fn caret_at(&self, x: f32, y: f32) -> Option<usize> {
        let (line, text) = self.line_at(y)?;
        let Some(g) = nearest_cell(line.cells, x) else { return Some(self.to_doc(line.para, 0)) };
        let bounds = cell_bounds(text, g);
        let n = bounds.len() - 1;
        let mut f = ((x - g.x) / g.w.max(f32::EPSILON)).clamp(0.0, 1.0);
        if g.rtl {
            f = 1.0 - f;
        }
        let k = ((f * n as f32).round() as usize).min(n);
        Some(self.to_doc(line.para, bounds[k]))
    }

    /// The code point under point `(x, y)` as the document byte range of that code point (with
    /// the hidden tashkeel written on it); `None` when the point is not over a glyph.
    pub fn char_at(&self, x: f32, y: f32) -> Option<Range<usize>> {
        let (line, text) = self.line_at(y)?;
        let cells = line.cells;
        let g = cells.iter().find(|g| x >= g.x && x < g.x + g.w)?;
        let bounds = cell_bounds(text, g);
        let n = bounds.len() - 1;
        let mut f = (x - g.x) / g.w.max(f32::EPSILON);
        if g.rtl {
            f = 1.0 - f;
        }
        let k = ((f * n as f32) as usize).min(n.saturating_sub(1));
        Some(self.to_doc(line.para, bounds[k])..self.to_doc(line.para, bounds[k + 1]))
    }

    /// A thin rectangle where the caret at document byte `offset` is drawn.
    pub fn caret_rect(&self, offset: usize) -> Option<Rect> {
        let i = self.para_of_byte(offset)?;
        let rel = self.to_shown(i, offset);
        let text = self.shown_text(i);
        let mut last = None;
        for line in self.para_lines(i) {
            for g in line.cells {
                if g.start <= rel && rel < g.end {
                    let (x, _) = cell_span(text, g, rel, rel);
                    return Some(Rect { x0: x - 1.0, y0: line.top, x1: x + 1.0, y1: line.top + line.height });
                }
                if g.end == rel {
                    let x = if g.rtl { g.x } else { g.x + g.w };
                    last = Some(Rect { x0: x - 1.0, y0: line.top, x1: x + 1.0, y1: line.top + line.height });
                }
            }
        }
        last
    }

    /// The caret rectangle at the trailing edge of the code point that ends at `offset` (where
    /// an entity's end handle goes, on the same line as its last code point).
    pub fn caret_rect_before(&self, offset: usize) -> Option<Rect> {
        let i = self.para_of_byte(offset.saturating_sub(1))?;
        let rel = self.to_shown(i, offset);
        let text = self.shown_text(i);
        for line in self.para_lines(i) {
            for g in line.cells {
                if g.start < rel && rel <= g.end {
                    let (x0, x1) = cell_span(text, g, rel, rel);
                    let x = if g.rtl { x0.min(x1) } else { x0.max(x1) };
                    return Some(Rect { x0: x - 1.0, y0: line.top, x1: x + 1.0, y1: line.top + line.height });
                }
            }
        }
        None
    }

    /// The visual line at height `y` (clamped inside its paragraph) and its shown text.
    fn line_at(&self, y: f32) -> Option<(VisualLine<'_>, &str)> {
        let i = self.para_at_y(y)?;
        let mut chosen = None;
        for line in self.para_lines(i) {
            let take = chosen.is_none() || line.top <= y;
            if take {
                chosen = Some(line);
            }
        }
        chosen.map(|l| (l, self.shown_text(i)))
    }
}

/// The cell whose x span contains `x`, or the nearest one.
fn nearest_cell(cells: &[Cell], x: f32) -> Option<&Cell> {
    let inside = cells.iter().find(|g| x >= g.x && x < g.x + g.w);
    inside.or_else(|| {
        cells.iter().min_by(|a, b| {
            let da = (a.x + a.w / 2.0 - x).abs();
            let db = (b.x + b.w / 2.0 - x).abs();
            da.total_cmp(&db)
        })
    })
}

/// Rectangles of `range` (offsets in the paragraph's shown text) on one visual line.
fn line_rects(text: &str, line: &VisualLine<'_>, range: Range<usize>, out: &mut Vec<Rect>) {
    let (y0, y1) = (line.top, line.top + line.height);
    let mut pieces: Vec<(f32, f32)> = Vec::new();
    for c in line.cells {
        let (a, b) = (c.start.max(range.start), c.end.min(range.end));
        if a < b {
            pieces.push(cell_span(text, c, a, b));
        }
    }
    // Glyph order is logical inside right-to-left runs: merge touching pieces in x order.
    pieces.sort_by(|p, q| p.0.total_cmp(&q.0));
    let mut current: Option<Rect> = None;
    for (x0, x1) in pieces {
        match &mut current {
            Some(r) if x0 <= r.x1 + 0.5 => r.x1 = r.x1.max(x1),
            _ => {
                out.extend(current.take());
                current = Some(Rect { x0, y0, x1, y1 });
            }
        }
    }
    out.extend(current);
}
