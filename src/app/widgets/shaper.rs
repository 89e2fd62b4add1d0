//! Text fields' lines in the window's shared shaper (`shaped.rs`): one font system, glyph atlas
//! and atlas texture for every shaped text of the window, and a cache of laid-out field lines
//! keyed by text and size, so a line is shaped once, not every frame.

use egui::{Color32, Pos2};

use crate::text::field::FieldLine;

use super::painter::glyph_mesh;
pub(super) use super::shaped::{Shaper, with_shaper};

/// Lines kept before the cache is emptied (they are cheap to shape again).
const MAX_LINES: usize = 1024;

impl Shaper {
    /// The laid-out line of `text` at `font_px` (physical pixels), shaped on first use.
    pub(super) fn line(&mut self, text: &str, font_px: f32) -> &FieldLine {
        if self.lines.len() > MAX_LINES {
            self.lines.clear();
        }
        let fs = &mut self.fs;
        self.lines
            .entry((text.to_string(), font_px as u32))
            .or_insert_with(|| FieldLine::new(fs, text, font_px))
    }

    /// Paints the line of `text` at `font_px` with its top-left at `origin` (points, snapped
    /// to whole pixels here), in `color`.
    pub(super) fn paint(
        &mut self,
        painter: &egui::Painter,
        text: &str,
        font_px: f32,
        origin: Pos2,
        color: Color32,
    ) {
        let ppp = painter.ctx().pixels_per_point();
        self.line(text, font_px);
        let Some(line) = self.lines.get(&(text.to_string(), font_px as u32)) else { return };
        let mut quads = line.quads(&mut self.fs, &mut self.atlas);
        if quads.is_none() {
            quads = line.quads(&mut self.fs, &mut self.atlas);
        }
        let Some(quads) = quads else { return };
        let size = self.atlas.size();
        let Some(tex) = self.texture.sync(painter.ctx(), &mut self.atlas) else { return };
        let origin = Pos2::new((origin.x * ppp).round() / ppp, (origin.y * ppp).round() / ppp);
        painter.add(glyph_mesh(tex, size, &quads, origin, ppp, color));
    }
}
