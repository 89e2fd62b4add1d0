//! Text shaped and ordered by cosmic-text, for the window's Arabic (egui's own text has no
//! shaping or bidi): entity surfaces, document names, notices, and every word of the Arabic
//! interface. One cache per egui context (in its memory, like egui's own fonts), so any
//! widget can draw shaped text without being handed the article view.
//!
//! A text is shaped once per (text, size) and its glyph quads kept; a frame only builds a mesh
//! from them (one atlas texture for all), so the Arabic interface costs no shaping per frame.
//! Glyphs are white in the atlas and tinted with the widget's colour when drawn, so hover and
//! press colours work as for egui's text.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use cosmic_text::FontSystem;
use egui::{Atom, Color32, Mesh, Pos2, Sense, Ui, Vec2, vec2};

use crate::text::{ArticleLayout, GlyphAtlas, GlyphQuad, LayoutParams, font_system};

use super::painter::{AtlasTexture, glyph_mesh};

/// Body size of shaped texts, in points (Naskh needs a larger size than egui's Latin body
/// text to read as large).
pub const BODY_PT: f32 = 15.0;
/// Texts kept before the cache is emptied.
const MAX_CACHED: usize = 8192;

/// One shaped text: its layout, size and glyph quads for the atlas generation they are for.
struct Shaped {
    layout: ArticleLayout,
    /// Left of the ink (pixels); the text is drawn from here.
    x_min: f32,
    /// Size in pixels.
    size: (f32, f32),
    rtl: bool,
    quads: Vec<GlyphQuad>,
    generation: Option<u64>,
}

/// The shaping state shared by the widgets of one egui context (the text fields' lines are
/// kept here too, see `shaper.rs`).
pub(super) struct Shaper {
    pub(super) fs: FontSystem,
    pub(super) atlas: GlyphAtlas,
    pub(super) texture: AtlasTexture,
    /// Shaped texts by font size and wrap width (pixels), then text (looked up without
    /// allocating).
    cache: HashMap<(u32, u32), HashMap<String, Shaped>>,
    len: usize,
    /// Text fields' lines by text and font size (pixels).
    pub(super) lines: HashMap<(String, u32), crate::text::field::FieldLine>,
}

impl Default for Shaper {
    fn default() -> Self {
        Self {
            fs: font_system(),
            atlas: GlyphAtlas::new(1024),
            texture: AtlasTexture::default(),
            cache: HashMap::new(),
            len: 0,
            lines: HashMap::new(),
        }
    }
}

impl Shaper {
    /// The shaped text, shaped now if it is new.
    fn shaped(&mut self, text: &str, px: f32, wrap: Option<f32>) -> Option<&mut Shaped> {
        if self.len > MAX_CACHED {
            self.cache.clear();
            self.len = 0;
        }
        let by_text = self.cache.entry(key(px, wrap)).or_default();
        if !by_text.contains_key(text) {
            self.len += 1;
            by_text.insert(text.to_string(), shape(&mut self.fs, text, px, wrap));
        }
        by_text.get_mut(text)
    }

    /// A mesh drawing `text` at `px` with its top-left at `pos` (points) in `color`; its
    /// glyphs are rasterised into the atlas the first time (and after the atlas was emptied).
    fn mesh(&mut self, ctx: &egui::Context, text: &Shape<'_>, pos: Pos2, color: Color32) -> Option<Mesh> {
        let (px, wrap) = (text.px, text.wrap);
        self.shaped(text.text, px, wrap)?;
        let Self { fs, atlas, texture, cache, .. } = self;
        let shaped = cache.get_mut(&key(px, wrap))?.get_mut(text.text)?;
        if shaped.generation != Some(atlas.generation()) {
            let mut quads = ArticleLayout::glyph_quads(shaped.layout.lines_in(0.0, f32::MAX), fs, atlas);
            if quads.is_none() {
                // The atlas was full and has been emptied: rasterise again.
                quads = ArticleLayout::glyph_quads(shaped.layout.lines_in(0.0, f32::MAX), fs, atlas);
            }
            shaped.quads = quads.unwrap_or_default();
            shaped.generation = Some(atlas.generation());
        }
        let (size, ppp) = (atlas.size(), ctx.pixels_per_point());
        let tex = texture.sync(ctx, atlas)?;
        let origin =
            Pos2::new(((pos.x * ppp).round() - shaped.x_min.round()) / ppp, (pos.y * ppp).round() / ppp);
        Some(glyph_mesh(tex, size, &shaped.quads, origin, ppp, color))
    }
}

/// A text to shape: its words, font size and wrap width (pixels; `None`: one line).
struct Shape<'a> {
    text: &'a str,
    px: f32,
    wrap: Option<f32>,
}

/// The cache key of a size and wrap width.
fn key(px: f32, wrap: Option<f32>) -> (u32, u32) {
    (px as u32, wrap.map_or(0, |w| w as u32))
}

/// Shapes `text` at `px`, on one line or wrapped at `wrap` pixels.
fn shape(fs: &mut FontSystem, text: &str, px: f32, wrap: Option<f32>) -> Shaped {
    let width_px = wrap.unwrap_or(1.0e6);
    let mut layout = ArticleLayout::plain(text, LayoutParams::new(width_px, px));
    layout.layout_all(fs);
    let lines: Vec<_> = layout.lines_in(0.0, f32::MAX).collect();
    let ink = |l: &crate::text::VisualLine<'_>| {
        let x0 = l.glyphs.iter().map(|g| g.x).reduce(f32::min).unwrap_or(0.0);
        let x1 = l.glyphs.iter().map(|g| g.x + g.w).reduce(f32::max).unwrap_or(0.0);
        (x0, x1)
    };
    let x_min = lines.iter().map(|l| ink(l).0).reduce(f32::min).unwrap_or(0.0);
    let x_max = lines.iter().map(|l| ink(l).1).reduce(f32::max).unwrap_or(0.0);
    let height = lines.last().map_or(px, |l| l.top + l.height);
    let rtl = lines.first().is_some_and(|l| l.rtl);
    drop(lines);
    Shaped { x_min, size: (x_max - x_min, height), rtl, quads: Vec::new(), generation: None, layout }
}

/// Runs `f` with the context's shaper (made on first use).
pub(super) fn with_shaper<R>(ctx: &egui::Context, f: impl FnOnce(&mut Shaper) -> R) -> R {
    let id = egui::Id::unique("hashiya-shaped-text");
    let shared: Arc<Mutex<Shaper>> =
        ctx.data_mut(|d| d.get_temp_mut_or_default::<Arc<Mutex<Shaper>>>(id).clone());
    let mut shaper = shared.lock().unwrap_or_else(PoisonError::into_inner);
    f(&mut shaper)
}

/// Font size in pixels for `pt` points.
fn px_of(ctx: &egui::Context, pt: f32) -> f32 {
    (pt * ctx.pixels_per_point()).round()
}

/// The size (points) `text` takes at `pt` points (wrapped at `wrap` points).
pub fn shaped_size(ctx: &egui::Context, text: &str, pt: f32, wrap: Option<f32>) -> Vec2 {
    let (ppp, px) = (ctx.pixels_per_point(), px_of(ctx, pt));
    let wrap = wrap.map(|w| (w * ppp).round());
    let (w, h) = with_shaper(ctx, |s| s.shaped(text, px, wrap).map_or((0.0, 0.0), |t| t.size));
    vec2(w / ppp, h / ppp)
}

/// Paints `text` at `pt` points (wrapped at `wrap` points) with its top-left at `pos`, in
/// `color`.
pub fn paint_shaped(ui: &Ui, pos: Pos2, text: &str, (pt, wrap): (f32, Option<f32>), color: Color32) {
    let ctx = ui.ctx();
    let ppp = ctx.pixels_per_point();
    let shape = Shape { text, px: px_of(ctx, pt), wrap: wrap.map(|w| (w * ppp).round()) };
    let mesh = with_shaper(ctx, |s| s.mesh(ctx, &shape, pos, color));
    if let Some(mesh) = mesh {
        ui.painter().add(mesh);
    }
}

/// An atom for egui's buttons, check boxes and menus showing `text` shaped at `pt` points, in
/// `color` or else the widget's own text colour (so hover and press colours follow egui's).
pub fn shaped_atom(ctx: &egui::Context, text: &str, pt: f32, color: Option<Color32>) -> Atom<'static> {
    let size = shaped_size(ctx, text, pt, None);
    let text = text.to_string();
    Atom::paint(size, move |ui, args| {
        paint_shaped(ui, args.rect.min, &text, (pt, None), color.unwrap_or(args.fallback_text_color));
    })
}

/// True if [`shaped_label_ui`] lays `text` out right to left: cosmic-text's paragraph
/// direction, from the first strong character (UAX #9 P2–P3; none means left to right).
pub fn shaped_rtl(ui: &Ui, text: &str) -> bool {
    let px = px_of(ui.ctx(), BODY_PT);
    with_shaper(ui.ctx(), |s| s.shaped(text, px, None).is_some_and(|t| t.rtl))
}

/// Shows `text` at `pt` points in `color` (on one line, or wrapped at `wrap` points), shaped
/// by cosmic-text; screen readers get the text itself.
pub fn shaped_text_ui(
    ui: &mut Ui,
    text: &str,
    (pt, wrap): (f32, Option<f32>),
    color: Color32,
) -> egui::Response {
    let size = shaped_size(ui.ctx(), text, pt, wrap);
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    if ui.is_rect_visible(rect) {
        paint_shaped(ui, rect.min, text, (pt, wrap), color);
    }
    let enabled = ui.is_enabled();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Label, enabled, text));
    response
}

/// Shows a short text (an entity's surface) on one line, shaped and ordered by cosmic-text
/// like the article.
pub fn shaped_label_ui(ui: &mut Ui, text: &str) -> egui::Response {
    let color = ui.visuals().strong_text_color();
    shaped_text_ui(ui, text, (BODY_PT, None), color)
}
