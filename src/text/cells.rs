//! Cells: runs of glyphs that share screen space, built once per laid-out line. Geometry
//! queries work on cells, so a font's ligature drawn as a wide glyph plus zero-width glyphs
//! (Noto Naskh's lam-alef) still gives each code point its own slice of width.

use std::ops::Range;

use cosmic_text::LayoutGlyph;

/// A run of glyphs that share screen space: one glyph, a glyph with its zero-width marks, or
/// a ligature that the font draws as a wide glyph plus zero-width glyphs (Noto Naskh's
/// lam-alef). Byte offsets relative to the paragraph.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cell {
    /// First byte (paragraph-relative).
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Left edge.
    pub x: f32,
    /// Width.
    pub w: f32,
    /// Drawn right to left.
    pub rtl: bool,
}

/// The cells of a visual line, in the glyph order cosmic-text gives (logical within a run).
pub(super) fn cells(glyphs: &[LayoutGlyph]) -> Vec<Cell> {
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
pub(super) fn cell_bounds(text: &str, c: &Cell) -> Vec<usize> {
    let cluster = text.get(c.start..c.end).unwrap_or("");
    cluster.char_indices().map(|(i, _)| c.start + i).chain([c.end]).collect()
}

/// The x span of code points `a..b` (paragraph bytes) inside cell `c`; its width is shared
/// evenly by its code points, from the right edge for right-to-left cells.
pub(super) fn cell_span(text: &str, c: &Cell, a: usize, b: usize) -> (f32, f32) {
    if a <= c.start && b >= c.end {
        return (c.x, c.x + c.w);
    }
    let bounds = cell_bounds(text, c);
    let n = (bounds.len() - 1).max(1) as f32;
    let ia = bounds.iter().position(|&o| o >= a).unwrap_or(0) as f32;
    let ib = bounds.iter().position(|&o| o >= b).unwrap_or(bounds.len() - 1) as f32;
    let (fa, fb) = (ia / n, ib / n);
    if c.rtl { (c.x + c.w * (1.0 - fb), c.x + c.w * (1.0 - fa)) } else { (c.x + c.w * fa, c.x + c.w * fb) }
}

/// The cells of one visual line and the paragraph bytes they cover.
#[derive(Debug, Clone, Default)]
pub(super) struct LineCells {
    /// Smallest start and largest end of the line's cells (paragraph-relative bytes).
    pub bytes: Range<usize>,
    /// The cells in glyph order.
    pub cells: Vec<Cell>,
}

impl LineCells {
    /// Cells of a laid-out line.
    pub(super) fn new(glyphs: &[LayoutGlyph]) -> Self {
        let cells = cells(glyphs);
        let start = cells.iter().map(|c| c.start).min().unwrap_or(0);
        let end = cells.iter().map(|c| c.end).max().unwrap_or(0);
        Self { bytes: start..end, cells }
    }
}
