//! The article view widget: lays the article out with the text layer, paints highlights,
//! selection and glyphs, turns pointer gestures into [`Command`]s, and exposes the article and
//! its visible paragraphs to screen readers.

mod accesskit;
mod gestures;
mod highlight;
mod overlays;
mod viewport;

pub use overlays::{FindMarks, TheirMark};

use std::ops::Range;
use std::time::Duration;

use cosmic_text::FontSystem;
use egui::{Color32, Pos2, Rect, ScrollArea, Sense, Stroke, Ui, vec2};

use crate::editor::Article;
use crate::model::{Entity, EntityId};
use crate::text::{ArticleLayout, GlyphAtlas, LayoutParams, TextStyle, font_system};

use super::command::Command;
use super::widgets::row_ui;
use super::widgets::{AtlasTexture, glyph_mesh, label_color, shaped_label_ui};
use accesskit::{accesskit_document, accesskit_paragraphs_ui};
use gestures::{Drag, handle_pointer};
use highlight::{paint_entities, paint_rects};
use overlays::{paint_find_marks, paint_suggestions, paint_theirs};
use viewport::{Viewport, screen_rects, visible_bytes};

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
    /// The entity to flash and when the flash began (egui time, seconds); see [`Self::reveal`].
    reveal: Option<(EntityId, f64)>,
    /// Document byte to scroll to in the next frame (set by [`Self::reveal`]).
    pending_scroll: Option<usize>,
    /// Where the next document opens ([`Self::open_at`]).
    open_at: Option<usize>,
    /// The byte whose paragraph goes to the top of the view in the next frame: a document just
    /// opened, at its top (0) or its own last reading position, never another's.
    pending_top: Option<usize>,
    /// First visible paragraph and its offset from the viewport top, to keep the view steady
    /// when estimated heights above it become exact.
    anchor: Option<(usize, f32)>,
    /// Article height (pixels) when the anchor was taken.
    last_height: f32,
    /// Scroll offset (points) for the next frame, after heights above the view became exact.
    scroll_fix: Option<f32>,
    /// Where the article was drawn last frame (for tests and automation).
    last_view: Option<(Pos2, f32)>,
    /// Another annotator's spans (File > Compare with…), drawn under the line.
    pub(super) theirs: Option<std::sync::Arc<Vec<TheirMark>>>,
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
            open_at: None,
            pending_top: None,
            anchor: None,
            last_view: None,
            last_height: 0.0,
            scroll_fix: None,
            theirs: None,
        }
    }
}

impl ArticleView {
    /// Layout progress: paragraphs whose height is exact, and all paragraphs.
    pub fn progress(&self) -> Option<(usize, usize)> {
        self.layout.as_ref().map(ArticleLayout::progress)
    }

    /// Another annotator's spans drawn under the line (File > Compare with…): document bytes
    /// and whether each differs from mine.
    pub fn compare_marks(&self) -> Vec<(Range<usize>, bool)> {
        self.theirs
            .as_ref()
            .map_or_else(Vec::new, |m| m.iter().map(|m| (m.range.clone(), m.differs)).collect())
    }

    /// Screen rectangles (points) of a document byte range as drawn in the last frame.
    pub fn screen_rects_of(&self, range: Range<usize>) -> Vec<Rect> {
        let (Some(layout), Some((origin, ppp))) = (&self.layout, self.last_view) else { return Vec::new() };
        let view = Viewport { origin, ppp, y0: 0.0, y1: 0.0 };
        screen_rects(&layout.range_rects(range), &view)
    }

    /// Requests, for the next frame, a scroll that puts document byte `start` (the entity's
    /// first code point) about 120 points below the top of the view, and a 1.5 s outline
    /// flash of entity `id` starting at `now` (egui time, seconds). Nothing moves until the
    /// view is drawn again.
    pub fn reveal(&mut self, id: EntityId, start: usize, now: f64) {
        self.reveal = Some((id, now));
        self.pending_scroll = Some(start);
    }

    /// Requests, for the next frame, a scroll that puts document byte `start` about 120
    /// points below the top of the view (a find match), without flashing anything.
    pub fn scroll_to(&mut self, start: usize) {
        self.pending_scroll = Some(start);
    }

    /// Makes the next document shown open with the paragraph holding byte `at` at the top of
    /// the view (its last reading position); `None`: at its top.
    pub fn open_at(&mut self, at: Option<usize>) {
        self.open_at = at;
    }

    /// Where the document shown is being read: the first byte of the paragraph at the top of
    /// the view (`None` before it was drawn).
    pub fn reading_position(&self) -> Option<usize> {
        let (para, _) = self.anchor?;
        Some(self.layout.as_ref()?.para(para)?.0.start)
    }

    /// Shows the article in `font_pt` points and the reader's `style`. `doc_id` changes when
    /// another document is opened.
    pub fn article_view_ui(
        &mut self,
        ui: &mut Ui,
        article: &Article,
        doc_id: u64,
        (font_pt, style): (f32, TextStyle),
        marks: Option<FindMarks<'_>>,
        cmds: &mut Vec<Command>,
    ) {
        let ppp = ui.ctx().pixels_per_point();
        let avail_w = ui.available_width();
        let col_w = (avail_w - 2.0 * MARGIN).clamp(120.0, MAX_COLUMN);
        let params =
            LayoutParams { style, ..LayoutParams::new((col_w * ppp).floor(), (font_pt * ppp).round()) };
        let mut layout = self.take_layout(article.doc.text(), doc_id, params, ppp);
        let area = self.scroll_area(&mut layout, ppp);
        let hover = area.show_viewport(ui, |ui, viewport| {
            let height = layout.total_height() / ppp + 2.0 * MARGIN;
            let (rect, response) = ui.allocate_exact_size(vec2(avail_w, height), Sense::click_and_drag());
            let raw_origin = rect.min + vec2((avail_w - col_w) / 2.0, MARGIN);
            let origin = Pos2::new((raw_origin.x * ppp).round() / ppp, (raw_origin.y * ppp).round() / ppp);
            let (y0, y1) = ((viewport.min.y - MARGIN) * ppp, (viewport.max.y - MARGIN) * ppp);
            let view = Viewport { origin, ppp, y0, y1 };
            self.settle(ui, &mut layout, &view, viewport.min.y);
            self.content_ui(ui, &response, &layout, &view, (article, marks), cmds)
        });
        self.layout = Some(layout);
        if let Some((response, hits)) = hover.inner {
            response.on_hover_ui_at_pointer(|ui| self.entity_tooltip_ui(ui, article, &hits));
        }
    }

    /// Takes the article's layout out of `self` for this frame (the caller puts it back), at
    /// `params`; a new document gets a new layout, a new scale an empty glyph atlas.
    fn take_layout(&mut self, text: &str, doc_id: u64, params: LayoutParams, ppp: f32) -> ArticleLayout {
        if ppp != self.ppp {
            self.atlas.clear();
            self.ppp = ppp;
        }
        match self.layout.take() {
            Some(mut layout) if self.doc_id == doc_id => {
                layout.set_params(params);
                layout
            }
            _ => {
                self.doc_id = doc_id;
                self.anchor = None;
                self.pending_top = Some(self.open_at.take().unwrap_or(0));
                ArticleLayout::new(text, params)
            }
        }
    }

    /// The scroll area, moved where this frame needs it: to a revealed entity, to undo a jump
    /// caused by exact heights, or to keep the top paragraph in place after a resize.
    fn scroll_area(&mut self, layout: &mut ArticleLayout, ppp: f32) -> ScrollArea {
        let mut area = ScrollArea::vertical().auto_shrink(false).id_salt("article");
        let top = self.pending_top.take();
        if let Some(start) = self.pending_scroll.take() {
            if let Some(i) = layout.para_of_byte(start) {
                let top = layout.para_top(i).unwrap_or(0.0);
                layout.ensure_visible(&mut self.fs, top, top + 1.0);
                let y = layout.caret_rect(start).map_or(top, |r| r.y0);
                area = area.vertical_scroll_offset((y / ppp - 120.0).max(0.0));
            }
        } else if let Some(at) = top {
            // The paragraph of `at` flush with the top of the view (the top margin above the
            // first one).
            let i = layout.para_of_byte(at).filter(|&i| i > 0);
            let y = i.and_then(|i| layout.para_top(i)).unwrap_or(0.0);
            layout.ensure_visible(&mut self.fs, y, y + 1.0);
            area = area.vertical_scroll_offset(if i.is_some() { y / ppp + MARGIN } else { 0.0 });
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
        area
    }

    /// Lays out what is visible, applies heights from the worker (starting it after the first
    /// screen), and if that moved the paragraph at the top of the view, schedules a scroll
    /// (`scroll_y`, points) that puts it back next frame.
    fn settle(&mut self, ui: &Ui, layout: &mut ArticleLayout, view: &Viewport, scroll_y: f32) {
        let ppp = view.ppp;
        // The paragraph at the top of the view and its offset, before layout work moves it.
        let anchor = layout
            .para_at_y(view.y0.max(0.0))
            .and_then(|i| Some((i, layout.para_top(i)? / ppp + MARGIN - scroll_y)));
        let before = anchor.and_then(|(i, _)| layout.para_top(i));
        layout.ensure_visible(&mut self.fs, view.y0, view.y1);
        if !layout.is_complete() {
            // The worker starts after the first screen is laid out, so it does not compete
            // with it for the cores.
            if !layout.poll_background() && !layout.has_background() {
                layout.start_background();
            }
            ui.ctx().request_repaint_after(Duration::from_millis(40));
        }
        let moved = anchor.and_then(|(i, _)| Some(layout.para_top(i)? - before?)).filter(|d| d.abs() > 0.5);
        if let Some(delta) = moved {
            self.scroll_fix = Some((scroll_y + delta / ppp).max(0.0));
            ui.ctx().request_repaint();
        }
        self.anchor = anchor;
        self.last_height = layout.total_height();
    }

    /// Paints the visible article, handles the pointer and exposes the article to
    /// accessibility; returns the response and entities under the pointer, if any.
    fn content_ui(
        &mut self,
        ui: &mut Ui,
        response: &egui::Response,
        layout: &ArticleLayout,
        view: &Viewport,
        (article, marks): (&Article, Option<FindMarks<'_>>),
        cmds: &mut Vec<Command>,
    ) -> Option<(egui::Response, Vec<Entity>)> {
        self.last_view = Some((view.origin, view.ppp));
        paint_view(ui, layout, view, article, self.reveal);
        if let Some(marks) = &self.theirs {
            paint_theirs(ui, layout, view, marks, visible_bytes(layout, view));
        }
        if let Some(marks) = marks {
            paint_find_marks(ui, layout, view, marks);
        }
        paint_glyphs(ui, layout, view, &mut self.fs, &mut self.atlas, &mut self.texture);
        let preview = handle_pointer(ui, response, layout, view, article, &mut self.drag, cmds);
        if let Some(range) = preview {
            let stroke = Stroke::new(1.5, ui.visuals().strong_text_color());
            paint_rects(ui, &layout.range_rects(range), view, Color32::TRANSPARENT, stroke);
        }
        if accesskit_document(ui, response, article) {
            accesskit_paragraphs_ui(ui, response.id, layout, view);
        }
        let hits = hovered_entities(response, layout, view, article);
        (!hits.is_empty()).then(|| (response.clone(), hits))
    }

    /// Label and surface text (shaped by cosmic-text) of the entities under the pointer.
    fn entity_tooltip_ui(&self, ui: &mut Ui, article: &Article, hits: &[Entity]) {
        for e in hits {
            let name = article.ann().labels().get(e.label).map_or("?", |l| l.name.as_str());
            row_ui(ui, |ui| {
                ui.colored_label(label_color(article, e.label), name);
                shaped_label_ui(ui, article.doc.slice(e.range()).unwrap_or(""));
            });
            // Attributes, normalisations and notes kept from a brat import (read-only).
            for note in crate::formats::brat::entity_notes(article.ann(), e.id) {
                shaped_label_ui(ui, &note);
            }
        }
    }
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
    paint_entities(ui, layout, view, article, visible.clone(), flash);
    paint_suggestions(ui, layout, view, article, visible);
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
