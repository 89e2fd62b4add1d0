//! Geometry queries on an [`ArticleLayout`]: the rectangles covering a byte range, the caret
//! offset or code point under a point, and the caret rectangle of an offset.
//!
//! cosmic-text's own `highlight`/`hit` are mirrored inside multi-character RTL clusters such as
//! lam-alef; here a cluster's width is split evenly among its code points, starting from the
//! right edge for right-to-left glyphs, so every code point owns its own slice.

use std::ops::Range;

use cosmic_text::LayoutGlyph;

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

/// A run of glyphs that share screen space: one glyph, a glyph with its zero-width marks, or
/// a ligature that the font draws as a wide glyph plus zero-width glyphs (Noto Naskh's
/// lam-alef). Byte offsets relative to the paragraph.
#[derive(Debug, Clone, Copy)]
struct Cell {
    start: usize,
    end: usize,
    x: f32,
    w: f32,
    rtl: bool,
}

/// The cells of a visual line, in the glyph order cosmic-text gives (logical within a run).
fn cells(glyphs: &[LayoutGlyph]) -> Vec<Cell> {
    let mut out: Vec<Cell> = Vec::with_capacity(glyphs.len());
    for g in glyphs {
        let joins = out.last().is_some_and(|c| {
            let same_cluster = g.start == c.start && g.end == c.end;
            let adjacent = g.start == c.end || g.end == c.start;
            same_cluster || (g.w == 0.0 && adjacent && g.level.is_rtl() == c.rtl)
        });
        match out.last_mut() {
            Some(c) if joins => {
                let (x0, x1) = (c.x.min(g.x), (c.x + c.w).max(g.x + g.w));
                *c = Cell {
                    start: c.start.min(g.start),
                    end: c.end.max(g.end),
                    x: x0,
                    w: x1 - x0,
                    rtl: c.rtl,
                };
            }
            _ => out.push(Cell { start: g.start, end: g.end, x: g.x, w: g.w, rtl: g.level.is_rtl() }),
        }
    }
    out
}

/// Byte offsets of the code-point boundaries of a cell, relative to its paragraph.
fn cell_bounds(text: &str, c: &Cell) -> Vec<usize> {
    let cluster = text.get(c.start..c.end).unwrap_or("");
    cluster.char_indices().map(|(i, _)| c.start + i).chain([c.end]).collect()
}

/// The x span of code points `a..b` (paragraph bytes) inside cell `c`; its width is shared
/// evenly by its code points, from the right edge for right-to-left cells.
fn cell_span(text: &str, c: &Cell, a: usize, b: usize) -> (f32, f32) {
    let bounds = cell_bounds(text, c);
    let n = (bounds.len() - 1).max(1) as f32;
    let ia = bounds.iter().position(|&o| o >= a).unwrap_or(0) as f32;
    let ib = bounds.iter().position(|&o| o >= b).unwrap_or(bounds.len() - 1) as f32;
    let (fa, fb) = (ia / n, ib / n);
    if c.rtl { (c.x + c.w * (1.0 - fb), c.x + c.w * (1.0 - fa)) } else { (c.x + c.w * fa, c.x + c.w * fb) }
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
            let text = self.para_text(i);
            for line in self.para_lines(i) {
                line_rects(text, &line, range.clone(), &mut out);
            }
        }
        out
    }

    /// The caret offset (document byte on a code-point boundary) nearest to point `(x, y)`.
    pub fn caret_at(&self, x: f32, y: f32) -> Option<usize> {
        let (line, text) = self.line_at(y)?;
        let cells = cells(line.glyphs);
        let Some(g) = nearest_cell(&cells, x) else { return Some(line.para_start) };
        let bounds = cell_bounds(text, g);
        let n = bounds.len() - 1;
        let mut f = ((x - g.x) / g.w.max(f32::EPSILON)).clamp(0.0, 1.0);
        if g.rtl {
            f = 1.0 - f;
        }
        let k = ((f * n as f32).round() as usize).min(n);
        Some(line.para_start + bounds[k])
    }

    /// The code point under point `(x, y)` as the document byte range of that code point;
    /// `None` when the point is not over a glyph.
    pub fn char_at(&self, x: f32, y: f32) -> Option<Range<usize>> {
        let (line, text) = self.line_at(y)?;
        let cells = cells(line.glyphs);
        let g = cells.iter().find(|g| x >= g.x && x < g.x + g.w)?;
        let bounds = cell_bounds(text, g);
        let n = bounds.len() - 1;
        let mut f = (x - g.x) / g.w.max(f32::EPSILON);
        if g.rtl {
            f = 1.0 - f;
        }
        let k = ((f * n as f32) as usize).min(n.saturating_sub(1));
        Some(line.para_start + bounds[k]..line.para_start + bounds[k + 1])
    }

    /// A thin rectangle where the caret at document byte `offset` is drawn.
    pub fn caret_rect(&self, offset: usize) -> Option<Rect> {
        let i = self.para_of_byte(offset)?;
        let (pr, _) = self.para(i)?;
        let text = self.para_text(i);
        let rel = offset.checked_sub(pr.start)?.min(text.len());
        let mut last = None;
        for line in self.para_lines(i) {
            for g in &cells(line.glyphs) {
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
        let (pr, _) = self.para(i)?;
        let rel = offset.checked_sub(pr.start)?;
        for line in self.para_lines(i) {
            for g in &cells(line.glyphs) {
                if g.start < rel && rel <= g.end {
                    let text = self.para_text(i);
                    let (x0, x1) = cell_span(text, g, rel, rel);
                    let x = if g.rtl { x0.min(x1) } else { x0.max(x1) };
                    return Some(Rect { x0: x - 1.0, y0: line.top, x1: x + 1.0, y1: line.top + line.height });
                }
            }
        }
        None
    }

    /// The visual line at height `y` (clamped inside its paragraph) and its paragraph text.
    fn line_at(&self, y: f32) -> Option<(VisualLine<'_>, &str)> {
        let i = self.para_at_y(y)?;
        let mut chosen = None;
        for line in self.para_lines(i) {
            let take = chosen.is_none() || line.top <= y;
            if take {
                chosen = Some(line);
            }
        }
        chosen.map(|l| (l, self.para_text(i)))
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

fn line_rects(text: &str, line: &VisualLine<'_>, range: Range<usize>, out: &mut Vec<Rect>) {
    let (y0, y1) = (line.top, line.top + line.height);
    let mut pieces: Vec<(f32, f32)> = Vec::new();
    for c in cells(line.glyphs) {
        let (cs, ce) = (line.para_start + c.start, line.para_start + c.end);
        let (a, b) = (cs.max(range.start), ce.min(range.end));
        if a < b {
            pieces.push(cell_span(text, &c, a - line.para_start, b - line.para_start));
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
