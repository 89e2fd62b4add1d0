//! Shaped text for widgets: one font system, glyph atlas and atlas texture shared by every
//! widget of a window (kept in the egui context), and a cache of laid-out lines keyed by text
//! and size, so a line is shaped once, not every frame.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

use cosmic_text::FontSystem;
use egui::{Color32, Pos2};

use crate::text::field::FieldLine;
use crate::text::{GlyphAtlas, font_system};

use super::painter::{AtlasTexture, glyph_mesh};

/// Lines kept before the cache is emptied (they are cheap to shape again).
const MAX_LINES: usize = 1024;

/// The shared shaping state of a window.
pub struct Shaper {
    fs: FontSystem,
    atlas: GlyphAtlas,
    texture: AtlasTexture,
    ppp: f32,
    lines: HashMap<(String, u32), FieldLine>,
}

impl Default for Shaper {
    fn default() -> Self {
        Self {
            fs: font_system(),
            atlas: GlyphAtlas::new(512),
            texture: AtlasTexture::default(),
            ppp: 0.0,
            lines: HashMap::new(),
        }
    }
}

/// The window's shaper (made on first use).
pub fn shaper(ctx: &egui::Context) -> Arc<Mutex<Shaper>> {
    let id = egui::Id::unique("hashiya-shaper");
    ctx.data_mut(|d| d.get_temp_mut_or_insert_with(id, || Arc::new(Mutex::new(Shaper::default()))).clone())
}

/// Locks the shaper (a panic elsewhere while it was held leaves it usable).
pub fn lock(shaper: &Mutex<Shaper>) -> MutexGuard<'_, Shaper> {
    shaper.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl Shaper {
    /// The laid-out line of `text` at `font_px` (physical pixels), shaped on first use.
    pub fn line(&mut self, text: &str, font_px: f32) -> &FieldLine {
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
    pub fn paint(&mut self, painter: &egui::Painter, text: &str, font_px: f32, origin: Pos2, color: Color32) {
        let ppp = painter.ctx().pixels_per_point();
        if ppp != self.ppp {
            self.atlas.clear();
            self.ppp = ppp;
        }
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
