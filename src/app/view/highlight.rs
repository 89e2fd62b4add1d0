//! Painting entity highlights: a coloured band under the glyphs of each outermost entity,
//! stacked underline bars for nested ones, a small label tag at each entity's start, and an
//! outline for the selected (or flashing) entity. Geometry comes from the cached layout; the
//! text is never re-shaped, so highlighting cannot change joining or order.

use std::ops::Range;

use egui::{Align2, Color32, CornerRadius, FontId, Stroke, StrokeKind, Ui};

use crate::model::EntityId;
use crate::text::ArticleLayout;

use super::viewport::{Viewport, handle_rect, screen_rects};
use crate::app::widgets::label_color;
use crate::editor::Article;
use crate::model::Edge;

/// Paints filled rectangles (layout pixels) with an optional outline.
pub(super) fn paint_rects(
    ui: &Ui,
    rects: &[crate::text::Rect],
    view: &Viewport,
    fill: Color32,
    stroke: Stroke,
) {
    for r in screen_rects(rects, view) {
        ui.painter().rect(r, CornerRadius::same(2), fill, stroke, StrokeKind::Outside);
    }
}

/// Paints every entity overlapping `visible` (document bytes).
pub(super) fn paint_entities(
    ui: &Ui,
    layout: &ArticleLayout,
    view: &Viewport,
    article: &Article,
    visible: Range<usize>,
    flash: Option<EntityId>,
) {
    let dark = ui.visuals().dark_mode;
    let band_alpha = if dark { 0.45 } else { 0.30 };
    // Entities come in reading order (start asc, longer first): a stack of open ends gives
    // each entity its nesting depth in O(k).
    let mut open: Vec<usize> = Vec::new();
    for e in article.ann().entities().overlapping(visible) {
        while open.last().is_some_and(|&end| end <= e.start) {
            open.pop();
        }
        let depth = open.len();
        open.push(e.end);
        let rects = layout.range_rects(e.range());
        let color = label_color(article, e.label);
        let screen = screen_rects(&rects, view);
        for r in &screen {
            if depth == 0 {
                ui.painter().rect_filled(*r, CornerRadius::same(3), color.gamma_multiply(band_alpha));
                let bar = egui::Rect::from_min_max(egui::pos2(r.min.x, r.max.y - 2.0), r.max);
                ui.painter().rect_filled(bar, CornerRadius::ZERO, color);
            } else {
                let y = r.max.y - 2.0 - 4.0 * depth as f32;
                let bar = egui::Rect::from_min_max(egui::pos2(r.min.x, y - 3.0), egui::pos2(r.max.x, y));
                ui.painter().rect_filled(bar, CornerRadius::same(1), color);
            }
        }
        if article.selected == Some(e.id) || flash == Some(e.id) {
            let stroke = Stroke::new(2.0, ui.visuals().strong_text_color());
            for r in &screen {
                ui.painter().rect_stroke(r.expand(1.0), CornerRadius::same(3), stroke, StrokeKind::Outside);
            }
        }
        if article.selected == Some(e.id) {
            paint_handles(ui, layout, view, e.start, e.end, color);
        }
        let rtl =
            layout.para_of_byte(e.start).and_then(|i| layout.para_lines(i).next()).is_some_and(|l| l.rtl);
        if let Some(first) = screen.first() {
            let name = article.ann().labels().get(e.label).map_or("?", |l| l.name.as_str());
            paint_tag(ui, *first, name, color, rtl, false);
        }
    }
}

/// A small label chip on the top edge of a span's first piece, on its logical-start side;
/// `hollow` (suggestions): outlined in the label colour on the background instead of filled.
pub(super) fn paint_tag(ui: &Ui, r: egui::Rect, name: &str, color: Color32, rtl: bool, hollow: bool) {
    let font = FontId::proportional(8.5);
    let text_color = if hollow { color } else { Color32::WHITE };
    let galley = ui.painter().layout_no_wrap(name.to_string(), font, text_color);
    let size = galley.size() + egui::vec2(4.0, 0.0);
    let y = r.min.y - size.y * 0.35;
    let (x, align) = if rtl { (r.max.x, Align2::RIGHT_TOP) } else { (r.min.x, Align2::LEFT_TOP) };
    let chip = align.anchor_size(egui::pos2(x, y), size);
    if hollow {
        let bg = ui.visuals().extreme_bg_color;
        ui.painter().rect(chip, CornerRadius::same(3), bg, Stroke::new(1.0, color), StrokeKind::Inside);
    } else {
        ui.painter().rect_filled(chip, CornerRadius::same(3), color);
    }
    ui.painter().galley(chip.min + egui::vec2(2.0, 0.0), galley, text_color);
}

/// Boundary handles of the selected entity: a bar with a knob at each end (drag to adjust).
fn paint_handles(ui: &Ui, layout: &ArticleLayout, view: &Viewport, start: usize, end: usize, color: Color32) {
    for (offset, edge) in [(start, Edge::Start), (end, Edge::End)] {
        let Some(r) = handle_rect(layout, view, offset, edge) else { continue };
        let x = r.center().x;
        let stroke = Stroke::new(2.0, color);
        ui.painter().line_segment([egui::pos2(x, r.min.y), egui::pos2(x, r.max.y)], stroke);
        let knob = if edge == Edge::Start { r.min.y } else { r.max.y };
        ui.painter().circle(egui::pos2(x, knob), 4.0, color, Stroke::new(1.0, ui.visuals().extreme_bg_color));
    }
}
