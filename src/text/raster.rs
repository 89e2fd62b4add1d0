//! Turning visual lines into positioned glyph quads (atlas rectangles), and the headless
//! renderer behind `hashiya render`, which composites the same quads into an RGBA image.

use std::ops::Range;

use cosmic_text::FontSystem;

use super::atlas::{AtlasEntry, GlyphAtlas};
use super::geometry::Rect;
use super::layout::{ArticleLayout, VisualLine};
use super::para::{LayoutParams, TextStyle};

/// One glyph image to draw: where (layout pixels) and from which atlas entry.
#[derive(Debug, Clone, Copy)]
pub struct GlyphQuad {
    /// Destination rectangle in layout pixels (whole pixels).
    pub dst: Rect,
    /// Source rectangle in the atlas.
    pub src: AtlasEntry,
}

impl ArticleLayout {
    /// Glyph quads of `lines`, rasterising glyphs into `atlas` as needed. Returns `None` if the
    /// atlas was cleared meanwhile (earlier quads are stale: call again).
    pub fn glyph_quads<'a>(
        lines: impl Iterator<Item = VisualLine<'a>>,
        fs: &mut FontSystem,
        atlas: &mut GlyphAtlas,
    ) -> Option<Vec<GlyphQuad>> {
        let generation = atlas.generation();
        let mut quads = Vec::new();
        for line in lines {
            for g in line.glyphs {
                let phys = g.physical((0.0, line.baseline), 1.0);
                let Some(src) = atlas.get(fs, phys.cache_key) else { continue };
                let x0 = (phys.x + src.left) as f32;
                let y0 = (phys.y - src.top) as f32;
                let dst = Rect { x0, y0, x1: x0 + src.w as f32, y1: y0 + src.h as f32 };
                quads.push(GlyphQuad { dst, src });
            }
        }
        (atlas.generation() == generation).then_some(quads)
    }
}

/// Renders the whole article on white: `(width, height, rgba)`. `width_px` is the page width;
/// the text column is inset by a margin. `style`: the reader's font, line height and tashkeel.
pub fn render_png_rgba(
    text: &str,
    width_px: u32,
    font_px: f32,
    style: TextStyle,
    highlights: &[(Range<usize>, [u8; 3])],
) -> (u32, u32, Vec<u8>) {
    let margin = (font_px * 1.5).round();
    let params =
        LayoutParams { style, ..LayoutParams::new((width_px as f32 - 2.0 * margin).max(50.0), font_px) };
    let mut fs = super::fonts::font_system();
    let mut layout = ArticleLayout::new(text, params);
    layout.layout_all(&mut fs);
    let height = (layout.total_height() + 2.0 * margin).ceil() as u32;
    let mut canvas = Canvas { w: width_px, h: height, px: vec![255; (width_px * height * 4) as usize] };
    let mut atlas = GlyphAtlas::new(1024);
    let mut sorted: Vec<&(Range<usize>, [u8; 3])> = highlights.iter().collect();
    sorted.sort_by_key(|(r, _)| r.start);
    let longest = sorted.iter().map(|(r, _)| r.len()).max().unwrap_or(0);
    // Geometry is kept only near the "view", so draw paragraph by paragraph: heights are
    // exact after `layout_all`, and each paragraph is laid out again just before drawing.
    for i in 0..layout.para_count() {
        let (Some(top), Some((range, _))) = (layout.para_top(i), layout.para(i)) else { continue };
        layout.ensure_visible(&mut fs, top + 0.5, top + 0.5);
        let lo = sorted.partition_point(|(h, _)| h.start + longest < range.start);
        let hi = sorted.partition_point(|(h, _)| h.start < range.end);
        for (hl, rgb) in &sorted[lo..hi.max(lo)] {
            let part = hl.start.max(range.start)..hl.end.min(range.end);
            if !part.is_empty() {
                for r in layout.range_rects(part) {
                    canvas.fill(r, margin, *rgb, 0.35);
                }
            }
        }
        let quads = loop {
            if let Some(q) = ArticleLayout::glyph_quads(layout.para_lines(i), &mut fs, &mut atlas) {
                break q;
            }
        };
        for q in quads {
            canvas.blit(&atlas, &q, margin);
        }
    }
    (width_px, height, canvas.px)
}

struct Canvas {
    w: u32,
    h: u32,
    px: Vec<u8>,
}

impl Canvas {
    fn fill(&mut self, r: Rect, margin: f32, rgb: [u8; 3], alpha: f32) {
        let (x0, x1) =
            ((r.x0 + margin).round().max(0.0) as u32, ((r.x1 + margin).round() as u32).min(self.w));
        let (y0, y1) =
            ((r.y0 + margin).round().max(0.0) as u32, ((r.y1 + margin).round() as u32).min(self.h));
        for y in y0..y1 {
            for x in x0..x1 {
                let i = ((y * self.w + x) * 4) as usize;
                for (dst, src) in self.px[i..i + 3].iter_mut().zip(rgb) {
                    *dst = (*dst as f32 * (1.0 - alpha) + src as f32 * alpha).round() as u8;
                }
            }
        }
    }

    fn blit(&mut self, atlas: &GlyphAtlas, q: &GlyphQuad, margin: f32) {
        let (ox, oy) = ((q.dst.x0 + margin) as i64, (q.dst.y0 + margin) as i64);
        let src = atlas.pixels();
        for row in 0..q.src.h as i64 {
            for col in 0..q.src.w as i64 {
                let (x, y) = (ox + col, oy + row);
                if x < 0 || y < 0 || x >= self.w as i64 || y >= self.h as i64 {
                    continue;
                }
                let s = (((q.src.y as i64 + row) * atlas.size() as i64 + q.src.x as i64 + col) * 4) as usize;
                let d = ((y * self.w as i64 + x) * 4) as usize;
                let a = src[s + 3] as f32 / 255.0;
                for c in 0..3 {
                    // Text is black (premultiplied source colour over the page for colour glyphs).
                    let fg = if q.src.color { src[s + c] as f32 } else { 0.0 };
                    self.px[d + c] = (self.px[d + c] as f32 * (1.0 - a) + fg).round() as u8;
                }
            }
        }
    }
}
