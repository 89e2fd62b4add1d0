//! Where the article is on screen: the text column's origin, the scale and the visible layout
//! range, and the conversions between layout pixels and screen points that the painting and
//! the gestures share.

use std::ops::Range;

use egui::Pos2;

use crate::text::ArticleLayout;

use crate::app::widgets::to_screen;
use crate::model::Edge;

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

    /// A layout rectangle (pixels) on screen (points).
    pub fn to_screen(&self, r: &crate::text::Rect) -> egui::Rect {
        to_screen(r, self.origin, self.ppp)
    }
}

/// Rectangles on screen for a layout rectangle list.
pub(super) fn screen_rects(rects: &[crate::text::Rect], view: &Viewport) -> Vec<egui::Rect> {
    rects.iter().map(|r| view.to_screen(r)).collect()
}

/// Screen rectangle of the handle at an entity boundary (`offset`, document byte).
pub(super) fn handle_rect(
    layout: &ArticleLayout,
    view: &Viewport,
    offset: usize,
    edge: Edge,
) -> Option<egui::Rect> {
    // The caret at the end boundary may be reported on the next line after a wrap; the start
    // boundary is always where the entity's first code point is.
    let r = match edge {
        Edge::Start => layout.caret_rect(offset)?,
        Edge::End => layout.caret_rect_before(offset)?,
    };
    Some(view.to_screen(&r))
}

/// Document byte range of the visible paragraphs.
pub(super) fn visible_bytes(layout: &ArticleLayout, view: &Viewport) -> Range<usize> {
    let a = layout.para_at_y(view.y0.max(0.0)).and_then(|i| layout.para(i)).map_or(0, |(r, _)| r.start);
    let b = layout.para_at_y(view.y1.max(0.0)).and_then(|i| layout.para(i)).map_or(0, |(r, _)| r.end);
    a..b.max(a)
}
