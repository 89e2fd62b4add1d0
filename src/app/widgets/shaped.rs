//! Short texts (entity surfaces, document names, notices with Arabic) shaped and ordered by
//! cosmic-text like the article: egui's own text has no bidi. One cache per egui context (in
//! its memory, like egui's own fonts), so any widget can draw shaped text without being handed
//! the article view: one-line layouts keyed by text and size, one glyph atlas, one texture.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use cosmic_text::FontSystem;
use egui::{Pos2, Sense, Ui, vec2};

use crate::text::{ArticleLayout, GlyphAtlas, LayoutParams, font_system};

use super::painter::{AtlasTexture, glyph_mesh};

/// Body font size of shaped UI texts, in points.
const INLINE_PT: f32 = 15.0;
/// Layouts kept before the cache is emptied.
const MAX_CACHED: usize = 4096;

/// The shaping state shared by the widgets of one egui context.
struct Shaper {
    fs: FontSystem,
    atlas: GlyphAtlas,
    texture: AtlasTexture,
    /// One-line layouts keyed by text and font size (pixels).
    cache: HashMap<(String, u32), ArticleLayout>,
}

impl Default for Shaper {
    fn default() -> Self {
        Self {
            fs: font_system(),
            atlas: GlyphAtlas::new(1024),
            texture: AtlasTexture::default(),
            cache: HashMap::new(),
        }
    }
}

/// The cached one-line layout of `text` at `font_px` (the cache is emptied when it grows large).
fn inline_layout<'a>(
    cache: &'a mut HashMap<(String, u32), ArticleLayout>,
    fs: &mut FontSystem,
    text: &str,
    font_px: f32,
) -> &'a ArticleLayout {
    if cache.len() > MAX_CACHED {
        cache.clear();
    }
    cache.entry((text.to_string(), font_px as u32)).or_insert_with(|| {
        let mut l = ArticleLayout::plain(text, LayoutParams::new(1.0e6, font_px));
        l.layout_all(fs);
        l
    })
}

/// Runs `f` with the context's shaper (made on first use).
fn with_shaper<R>(ctx: &egui::Context, f: impl FnOnce(&mut Shaper) -> R) -> R {
    let id = egui::Id::unique("hashiya-shaped-text");
    let shared: Arc<Mutex<Shaper>> =
        ctx.data_mut(|d| d.get_temp_mut_or_default::<Arc<Mutex<Shaper>>>(id).clone());
    let mut shaper = shared.lock().unwrap_or_else(PoisonError::into_inner);
    f(&mut shaper)
}

/// Font size (pixels) of shaped UI texts.
fn font_px(ui: &Ui) -> f32 {
    (INLINE_PT * ui.ctx().pixels_per_point()).round()
}

/// True if [`shaped_label_ui`] lays `text` out right to left: cosmic-text's paragraph
/// direction, from the first strong character (UAX #9 P2–P3; none means left to right).
pub fn shaped_rtl(ui: &Ui, text: &str) -> bool {
    let px = font_px(ui);
    with_shaper(ui.ctx(), |s| {
        inline_layout(&mut s.cache, &mut s.fs, text, px).para_lines(0).next().is_some_and(|l| l.rtl)
    })
}

/// Shows a short text on one line, shaped and ordered by cosmic-text like the article.
pub fn shaped_label_ui(ui: &mut Ui, text: &str) -> egui::Response {
    let ppp = ui.ctx().pixels_per_point();
    let px = font_px(ui);
    let color = ui.visuals().strong_text_color();
    let ctx = ui.ctx().clone();
    with_shaper(&ctx, |s| {
        let Shaper { fs, atlas, texture, cache } = s;
        let layout = inline_layout(cache, fs, text, px);
        let line = layout.para_lines(0).next();
        let x_min = line.and_then(|l| l.glyphs.iter().map(|g| g.x).reduce(f32::min)).unwrap_or(0.0);
        let x_max = line.and_then(|l| l.glyphs.iter().map(|g| g.x + g.w).reduce(f32::max)).unwrap_or(0.0);
        let h = line.map_or(px, |l| l.height);
        let (rect, response) = ui.allocate_exact_size(vec2((x_max - x_min) / ppp, h / ppp), Sense::hover());
        let origin =
            Pos2::new(((rect.min.x * ppp).round() - x_min.round()) / ppp, (rect.min.y * ppp).round() / ppp);
        let mut quads = ArticleLayout::glyph_quads(layout.lines_in(0.0, f32::MAX), fs, atlas);
        if quads.is_none() {
            // The atlas was full and has been emptied: rasterise again.
            quads = ArticleLayout::glyph_quads(layout.lines_in(0.0, f32::MAX), fs, atlas);
        }
        let size = atlas.size();
        if let (Some(quads), Some(tex)) = (quads, texture.sync(&ctx, atlas)) {
            ui.painter().add(glyph_mesh(tex, size, &quads, origin, ppp, color));
        }
        response
    })
}
