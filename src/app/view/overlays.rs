//! What the view paints over the text besides entities and the selection: find matches (a
//! yellow wash, the current one outlined), suggestions (dashed outlines with a label chip, the
//! current one solid), and another annotator's spans (thin brackets under the line, File >
//! Compare with…). Each is told apart from entity bands (filled) and the selection (tint).

use std::ops::Range;

use egui::{Color32, CornerRadius, Shape, Stroke, Ui};

use crate::editor::Article;
use crate::text::ArticleLayout;

use super::highlight::{paint_rects, paint_tag};
use super::viewport::{Viewport, screen_rects, visible_bytes};
use crate::app::widgets::label_color;

/// What the view highlights: the matches and the current one.
#[derive(Debug, Clone, Copy)]
pub struct FindMarks<'a> {
    /// Sorted, non-overlapping byte ranges.
    pub ranges: &'a [Range<usize>],
    /// Index of the current match.
    pub current: Option<usize>,
}

/// One span of theirs as drawn: document bytes, colour, and whether it differs from mine.
#[derive(Debug, Clone, PartialEq)]
pub struct TheirMark {
    /// Document bytes.
    pub range: Range<usize>,
    /// The label's colour (mine when I have a label of that name).
    pub color: Color32,
    /// True when I have no span with this range and label.
    pub differs: bool,
}

/// Find matches in the visible paragraphs: a yellow wash (distinct from entity bands and the
/// selection), the current match outlined.
pub(super) fn paint_find_marks(ui: &Ui, layout: &ArticleLayout, view: &Viewport, marks: FindMarks<'_>) {
    let visible = visible_bytes(layout, view);
    let first = marks.ranges.partition_point(|r| r.end <= visible.start);
    let yellow = Color32::from_rgb(0xf0, 0xe4, 0x42);
    for (i, r) in marks.ranges.iter().enumerate().skip(first).take_while(|(_, r)| r.start < visible.end) {
        let current = marks.current == Some(i);
        let fill = yellow.gamma_multiply(if current { 0.75 } else { 0.40 });
        let stroke =
            if current { Stroke::new(2.0, Color32::from_rgb(0xd5, 0x5e, 0x00)) } else { Stroke::NONE };
        paint_rects(ui, &layout.range_rects(r.clone()), view, fill, stroke);
    }
}

/// Paints their spans overlapping `visible`: a thin bracket under each line piece, in the
/// label's colour; spans I have exactly are faint.
pub(super) fn paint_theirs(
    ui: &Ui,
    layout: &ArticleLayout,
    view: &Viewport,
    marks: &[TheirMark],
    visible: Range<usize>,
) {
    for m in marks.iter().filter(|m| m.range.start < visible.end && m.range.end > visible.start) {
        let color = if m.differs { m.color } else { m.color.gamma_multiply(0.35) };
        let stroke = Stroke::new(if m.differs { 1.6 } else { 1.0 }, color);
        for r in screen_rects(&layout.range_rects(m.range.clone()), view) {
            let y = r.max.y + 2.5;
            let (x0, x1) = (r.min.x + 1.0, r.max.x - 1.0);
            let p = ui.painter();
            p.line_segment([egui::pos2(x0, y), egui::pos2(x1, y)], stroke);
            p.line_segment([egui::pos2(x0, y), egui::pos2(x0, y - 4.0)], stroke);
            p.line_segment([egui::pos2(x1, y), egui::pos2(x1, y - 4.0)], stroke);
        }
    }
}

/// Paints the suggestions overlapping `visible` (document bytes).
pub(super) fn paint_suggestions(
    ui: &Ui,
    layout: &ArticleLayout,
    view: &Viewport,
    article: &Article,
    visible: Range<usize>,
) {
    for s in article.ann().suggestions().overlapping(visible) {
        let color = label_color(article, s.label);
        let current = article.suggestion == Some(s.key());
        let screen = screen_rects(&layout.range_rects(s.range()), view);
        for r in &screen {
            let r = r.expand(1.5);
            if current {
                ui.painter().rect_filled(r, CornerRadius::same(3), color.gamma_multiply(0.18));
                ui.painter().rect_stroke(
                    r,
                    CornerRadius::same(3),
                    Stroke::new(2.0, color),
                    egui::StrokeKind::Outside,
                );
            } else {
                let path = [r.left_top(), r.right_top(), r.right_bottom(), r.left_bottom(), r.left_top()];
                ui.painter().extend(Shape::dashed_line(&path, Stroke::new(1.5, color), 4.0, 3.0));
            }
        }
        let rtl =
            layout.para_of_byte(s.start).and_then(|i| layout.para_lines(i).next()).is_some_and(|l| l.rtl);
        if let Some(first) = screen.first() {
            let name = article.ann().labels().get(s.label).map_or("?", |l| l.name.as_str());
            paint_tag(ui, *first, &format!("{name}?"), color, rtl, !current);
        }
    }
}
