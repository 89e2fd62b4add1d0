//! The article view widget: lays the article out with the text layer, paints highlights,
//! selection and glyphs, and turns pointer gestures into [`Command`]s.

use std::collections::HashMap;
use std::ops::Range;
use std::time::Duration;

use cosmic_text::FontSystem;
use egui::{Color32, Pos2, Rect, Sense, Stroke, Ui, vec2};

use crate::model::{Entity, EntityId};
use crate::text::{ArticleLayout, GlyphAtlas, LayoutParams, font_system};

use super::command::Command;
use super::gestures::{Drag, handle_pointer};
use super::highlight::{paint_entities, paint_rects};
use super::painter::{AtlasTexture, glyph_mesh};
use crate::editor::Article;

/// Margin around the text column, in points.
const MARGIN: f32 = 28.0;
/// Widest text column, in points (long lines are hard to read).
const MAX_COLUMN: f32 = 1000.0;

/// Layout, glyph cache and gesture state of the article view.
pub struct ArticleView {
    fs: FontSystem,
    atlas: GlyphAtlas,
    texture: AtlasTexture,
    layout: Option<ArticleLayout>,
    doc_id: u64,
    ppp: f32,
    drag: Option<Drag>,
    /// Scroll target (layout y in pixels) requested by Reveal.
    reveal: Option<(EntityId, f64)>,
    pending_scroll: Option<usize>,
    /// First visible paragraph and its offset from the viewport top, to keep the view steady
    /// when estimated heights above it become exact.
    anchor: Option<(usize, f32)>,
    /// Article height (pixels) when the anchor was taken.
    last_height: f32,
    /// Scroll offset (points) for the next frame, after heights above the view became exact.
    scroll_fix: Option<f32>,
    /// Where the article was drawn last frame (for tests and automation).
    last_view: Option<(Pos2, f32)>,
    /// Single-line layouts of short texts (entity surfaces) keyed by text and font size.
    inline: HashMap<(String, u32), ArticleLayout>,
}

impl Default for ArticleView {
    fn default() -> Self {
        Self {
            fs: font_system(),
            atlas: GlyphAtlas::new(1024),
            texture: AtlasTexture::default(),
            layout: None,
            doc_id: u64::MAX,
            ppp: 0.0,
            drag: None,
            reveal: None,
            pending_scroll: None,
            anchor: None,
            inline: HashMap::new(),
            last_view: None,
            last_height: 0.0,
            scroll_fix: None,
        }
    }
}

impl ArticleView {
    /// Layout progress: paragraphs laid out and in all.
    pub fn progress(&self) -> Option<(usize, usize)> {
        self.layout.as_ref().map(ArticleLayout::progress)
    }

    /// Screen rectangles (points) of a document byte range as drawn in the last frame.
    pub fn screen_rects_of(&self, range: Range<usize>) -> Vec<Rect> {
        let (Some(layout), Some((origin, ppp))) = (&self.layout, self.last_view) else { return Vec::new() };
        let view = Viewport { origin, ppp, y0: 0.0, y1: 0.0 };
        screen_rects(&layout.range_rects(range), &view)
    }

    /// Scrolls to an entity and flashes it.
    pub fn reveal(&mut self, id: EntityId, start: usize, now: f64) {
        self.reveal = Some((id, now));
        self.pending_scroll = Some(start);
    }

    /// Shows a short text (an entity's surface) on one line, shaped and ordered by cosmic-text
    /// like the article (egui's own text has no bidi).
    pub fn inline_text_ui(&mut self, ui: &mut Ui, text: &str) -> egui::Response {
        let ppp = ui.ctx().pixels_per_point();
        let font_px = (15.0 * ppp).round();
        if self.inline.len() > 4096 {
            self.inline.clear();
        }
        let fs = &mut self.fs;
        let layout = self.inline.entry((text.to_string(), font_px as u32)).or_insert_with(|| {
            let mut l = ArticleLayout::plain(text, LayoutParams { width_px: 1.0e6, font_px });
            l.layout_all(fs);
            l
        });
        let line = layout.para_lines(0).next();
        let x_min = line.and_then(|l| l.glyphs.iter().map(|g| g.x).reduce(f32::min)).unwrap_or(0.0);
        let x_max = line.and_then(|l| l.glyphs.iter().map(|g| g.x + g.w).reduce(f32::max)).unwrap_or(0.0);
        let h = line.map_or(font_px, |l| l.height);
        let (rect, response) = ui.allocate_exact_size(vec2((x_max - x_min) / ppp, h / ppp), Sense::hover());
        let origin =
            Pos2::new(((rect.min.x * ppp).round() - x_min.round()) / ppp, (rect.min.y * ppp).round() / ppp);
        let view = Viewport { origin, ppp, y0: 0.0, y1: f32::MAX };
        paint_glyphs(ui, layout, &view, fs, &mut self.atlas, &mut self.texture);
        response
    }

    /// Shows the article. `doc_id` changes when another document is opened.
    pub fn article_view_ui(
        &mut self,
        ui: &mut Ui,
        article: &Article,
        doc_id: u64,
        font_pt: f32,
        cmds: &mut Vec<Command>,
    ) {
        let ppp = ui.ctx().pixels_per_point();
        let avail_w = ui.available_width();
        let col_w = (avail_w - 2.0 * MARGIN).clamp(120.0, MAX_COLUMN);
        let params = LayoutParams { width_px: (col_w * ppp).floor(), font_px: (font_pt * ppp).round() };
        if ppp != self.ppp {
            self.atlas.clear();
            self.ppp = ppp;
        }
        let layout = match &mut self.layout {
            Some(l) if self.doc_id == doc_id => {
                l.set_params(params);
                l
            }
            slot => {
                self.doc_id = doc_id;
                self.anchor = None;
                slot.insert(ArticleLayout::new(article.doc.text(), params))
            }
        };
        let mut area = egui::ScrollArea::vertical().auto_shrink(false).id_salt("article");
        if let Some(start) = self.pending_scroll.take() {
            if let Some(i) = layout.para_of_byte(start) {
                let top = layout.para_top(i).unwrap_or(0.0);
                layout.ensure_visible(&mut self.fs, top, top + 1.0);
                let y = layout.caret_rect(start).map_or(top, |r| r.y0);
                area = area.vertical_scroll_offset((y / ppp - 120.0).max(0.0));
            }
        } else if let Some(offset) = self.scroll_fix.take() {
            area = area.vertical_scroll_offset(offset);
        }
        if layout.total_height() != self.last_height {
            // Width or size changed: keep the paragraph that was at the top in place.
            let top = self.anchor.and_then(|(para, offset)| Some(layout.para_top(para)? / ppp - offset));
            if let Some(top) = top {
                area = area.vertical_scroll_offset((top + MARGIN).max(0.0));
            }
        }
        let fs = &mut self.fs;
        let hover = area.show_viewport(ui, |ui, viewport| {
            let height = layout.total_height() / ppp + 2.0 * MARGIN;
            let (rect, response) = ui.allocate_exact_size(vec2(avail_w, height), Sense::click_and_drag());
            let raw_origin = rect.min + vec2((avail_w - col_w) / 2.0, MARGIN);
            let origin = Pos2::new((raw_origin.x * ppp).round() / ppp, (raw_origin.y * ppp).round() / ppp);
            let (y0, y1) = ((viewport.min.y - MARGIN) * ppp, (viewport.max.y - MARGIN) * ppp);
            // The paragraph at the top of the view and its offset, before layout work moves it.
            let anchor = layout
                .para_at_y(y0.max(0.0))
                .and_then(|i| Some((i, layout.para_top(i)? / ppp + MARGIN - viewport.min.y)));
            let before = anchor.and_then(|(i, _)| layout.para_top(i));
            layout.ensure_visible(fs, y0, y1);
            if !layout.is_complete() {
                // The worker starts after the first screen is laid out, so it does not compete
                // with it for the cores.
                if !layout.poll_background() && !layout.has_background() {
                    layout.start_background();
                }
                ui.ctx().request_repaint_after(Duration::from_millis(40));
            }
            let moved =
                anchor.and_then(|(i, _)| Some(layout.para_top(i)? - before?)).filter(|d| d.abs() > 0.5);
            if let Some(delta) = moved {
                self.scroll_fix = Some((viewport.min.y + delta / ppp).max(0.0));
                ui.ctx().request_repaint();
            }
            self.anchor = anchor;
            self.last_height = layout.total_height();
            let view = Viewport { origin, ppp, y0, y1 };
            self.last_view = Some((origin, ppp));
            paint_view(ui, layout, &view, article, self.reveal);
            paint_glyphs(ui, layout, &view, fs, &mut self.atlas, &mut self.texture);
            let preview = handle_pointer(ui, &response, layout, &view, article, &mut self.drag, cmds);
            if let Some(range) = preview {
                let stroke = Stroke::new(1.5, ui.visuals().strong_text_color());
                paint_rects(ui, &layout.range_rects(range), &view, Color32::TRANSPARENT, stroke);
            }
            accesskit_document(ui, &response, article);
            let hits = hovered_entities(&response, layout, &view, article);
            (!hits.is_empty()).then_some((response, hits))
        });
        if let Some((response, hits)) = hover.inner {
            response.on_hover_ui_at_pointer(|ui| self.entity_tooltip_ui(ui, article, &hits));
        }
    }

    /// Label and surface text (shaped by cosmic-text) of the entities under the pointer.
    fn entity_tooltip_ui(&mut self, ui: &mut Ui, article: &Article, hits: &[Entity]) {
        for e in hits {
            let name = article.ann().labels().get(e.label).map_or("?", |l| l.name.as_str());
            ui.horizontal(|ui| {
                ui.colored_label(super::highlight::label_color(article, e.label), name);
                self.inline_text_ui(ui, article.doc.slice(e.range()).unwrap_or(""));
            });
        }
    }
}

/// Where the article is on screen.
pub(super) struct Viewport {
    /// Top-left of the text column in points (snapped to whole pixels).
    pub origin: Pos2,
    /// Pixels per point.
    pub ppp: f32,
    /// Visible layout y range in pixels.
    pub y0: f32,
    /// Bottom of the visible range.
    pub y1: f32,
}

impl Viewport {
    /// A screen position to layout pixels.
    pub fn to_layout(&self, p: Pos2) -> (f32, f32) {
        ((p.x - self.origin.x) * self.ppp, (p.y - self.origin.y) * self.ppp)
    }
}

/// Document byte range of the visible paragraphs.
fn visible_bytes(layout: &ArticleLayout, view: &Viewport) -> Range<usize> {
    let a = layout.para_at_y(view.y0.max(0.0)).and_then(|i| layout.para(i)).map_or(0, |(r, _)| r.start);
    let b = layout.para_at_y(view.y1.max(0.0)).and_then(|i| layout.para(i)).map_or(0, |(r, _)| r.end);
    a..b.max(a)
}

fn paint_view(
    ui: &Ui,
    layout: &ArticleLayout,
    view: &Viewport,
    article: &Article,
    reveal: Option<(EntityId, f64)>,
) {
    let visible = visible_bytes(layout, view);
    let now = ui.input(|i| i.time);
    let flash = reveal.filter(|(_, t)| now - t < 1.5).map(|(id, _)| id);
    if flash.is_some() {
        ui.ctx().request_repaint();
    }
    paint_entities(ui, layout, view, article, visible, flash);
    if let Some(sel) = article.selection {
        let tint = ui.visuals().selection.bg_fill.gamma_multiply(0.75);
        paint_rects(ui, &layout.range_rects(sel.range()), view, tint, Stroke::NONE);
        if let Some(c) = layout.caret_rect(sel.caret) {
            paint_rects(ui, &[c], view, ui.visuals().text_color(), Stroke::NONE);
        }
    }
}

fn paint_glyphs(
    ui: &Ui,
    layout: &ArticleLayout,
    view: &Viewport,
    fs: &mut FontSystem,
    atlas: &mut GlyphAtlas,
    texture: &mut AtlasTexture,
) {
    let mut quads = ArticleLayout::glyph_quads(layout.lines_in(view.y0, view.y1), fs, atlas);
    if quads.is_none() {
        quads = ArticleLayout::glyph_quads(layout.lines_in(view.y0, view.y1), fs, atlas);
    }
    let Some(quads) = quads else { return };
    let size = atlas.size();
    let Some(tex) = texture.sync(ui.ctx(), atlas) else { return };
    let color = ui.visuals().strong_text_color();
    ui.painter().add(glyph_mesh(tex, size, &quads, view.origin, view.ppp, color));
}

/// Entities under the pointer, outermost first.
fn hovered_entities(
    response: &egui::Response,
    layout: &ArticleLayout,
    view: &Viewport,
    article: &Article,
) -> Vec<Entity> {
    let Some(pos) = response.hover_pos() else { return Vec::new() };
    let (x, y) = view.to_layout(pos);
    let Some(ch) = layout.char_at(x, y) else { return Vec::new() };
    article.ann().entities().overlapping(ch).copied().collect()
}

/// Exposes the article to screen readers (and to egui_kittest): a Document node holding the
/// text, right-to-left.
fn accesskit_document(ui: &Ui, response: &egui::Response, article: &Article) {
    const MAX_VALUE: usize = 256 * 1024;
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_role(egui::accesskit::Role::Document);
        node.set_label("Article");
        let text = article.doc.text();
        let cut = text.floor_char_boundary(MAX_VALUE.min(text.len()));
        node.set_value(&text[..cut]);
        node.set_text_direction(egui::accesskit::TextDirection::RightToLeft);
    });
}

/// Rectangles on screen for a layout rectangle list.
pub(super) fn screen_rects(rects: &[crate::text::Rect], view: &Viewport) -> Vec<Rect> {
    rects.iter().map(|r| super::painter::to_screen(r, view.origin, view.ppp)).collect()
}
