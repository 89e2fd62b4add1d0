//! One paragraph's shaping, wrapping and height, shared by the article layout (UI thread) and
//! the height worker: layout parameters, paragraph kinds, the cosmic-text line of a paragraph,
//! and exact and estimated heights. Pure functions of their inputs, so both threads agree.

use cosmic_text::{
    Attrs, AttrsList, BufferLine, Ellipsize, Family, FontSystem, Hinting, LayoutLine, LineEnding, Shaping,
    Weight, Wrap,
};

use super::fonts::ARABIC_FAMILY;

/// Line height as a multiple of the font size (Naskh has tall ascenders and deep descenders).
const LINE_HEIGHT: f32 = 1.75;
/// Headline font size as a multiple of the body size.
const HEADLINE_SCALE: f32 = 1.45;
/// Space after a paragraph, as a multiple of the body font size.
const PARA_GAP: f32 = 0.9;

/// What a layout depends on; a change re-wraps every paragraph (shaping is kept).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutParams {
    /// Column width in physical pixels.
    pub width_px: f32,
    /// Body font size in physical pixels.
    pub font_px: f32,
}

/// The role of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParaKind {
    /// The article's first non-empty line: larger and bold.
    Headline,
    /// Any other line.
    Body,
}

/// A cosmic-text line for a paragraph's text.
pub(super) fn new_line(text: &str, kind: ParaKind) -> BufferLine {
    BufferLine::new(text, LineEnding::None, AttrsList::new(&attrs_for(kind)), Shaping::Advanced)
}

/// Shapes (once) and wraps a paragraph at `params`.
pub(super) fn layout_line<'a>(
    fs: &mut FontSystem,
    line: &'a mut BufferLine,
    kind: ParaKind,
    params: LayoutParams,
) -> &'a [LayoutLine] {
    let font_px = font_px_for(kind, params.font_px);
    let wrap = Wrap::WordOrGlyph;
    line.layout(fs, font_px, Some(params.width_px), wrap, Ellipsize::None, None, 8, Hinting::Disabled)
}

/// Height of one visual line of a paragraph.
pub(super) fn line_height(kind: ParaKind, params: LayoutParams) -> f32 {
    font_px_for(kind, params.font_px) * LINE_HEIGHT
}

/// The exact height of a paragraph of `lines` visual lines, with the gap after it.
pub(super) fn para_height(lines: usize, kind: ParaKind, params: LayoutParams) -> f32 {
    lines.max(1) as f32 * line_height(kind, params) + params.font_px * PARA_GAP
}

/// A height guess for a paragraph of `bytes` bytes, from an average advance per byte of body
/// text; the layout replaces it with the exact height once known.
pub(super) fn estimate_height(kind: ParaKind, bytes: usize, params: LayoutParams, px_per_byte: f32) -> f32 {
    let font_px = font_px_for(kind, params.font_px);
    let scale = font_px / params.font_px.max(1.0);
    let width = bytes as f32 * px_per_byte * scale;
    let lines = (width / params.width_px.max(1.0)).ceil().max(1.0);
    lines * font_px * LINE_HEIGHT + params.font_px * PARA_GAP
}

fn attrs_for(kind: ParaKind) -> Attrs<'static> {
    let attrs = Attrs::new().family(Family::Name(ARABIC_FAMILY));
    match kind {
        ParaKind::Headline => attrs.weight(Weight::BOLD),
        ParaKind::Body => attrs,
    }
}

fn font_px_for(kind: ParaKind, body_px: f32) -> f32 {
    match kind {
        ParaKind::Headline => (body_px * HEADLINE_SCALE).round(),
        ParaKind::Body => body_px,
    }
}
