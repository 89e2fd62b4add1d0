//! One paragraph's shaping, wrapping and height, shared by the article layout (UI thread) and
//! the height worker: layout parameters, paragraph kinds, the cosmic-text line of a paragraph,
//! and exact and estimated heights. Pure functions of their inputs, so both threads agree.

use cosmic_text::{
    Attrs, AttrsList, BufferLine, Ellipsize, Family, FontSystem, Hinting, LayoutLine, LineEnding, Shaping,
    Weight, Wrap,
};

use super::fonts::ReadingFont;

/// Default line height as a multiple of the font size (Naskh has tall ascenders and deep
/// descenders).
pub const LINE_HEIGHT: f32 = 1.75;
/// Headline font size as a multiple of the body size.
const HEADLINE_SCALE: f32 = 1.45;
/// Space after a paragraph, as a multiple of the body font size.
const PARA_GAP: f32 = 0.9;

/// What a layout depends on; a change of width, size or line height re-wraps every paragraph
/// (shaping is kept), a change of font or tashkeel shapes again.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutParams {
    /// Column width in physical pixels.
    pub width_px: f32,
    /// Body font size in physical pixels.
    pub font_px: f32,
    /// Font, line height and tashkeel.
    pub style: TextStyle,
}

impl LayoutParams {
    /// `width_px` wide at `font_px` in the default style.
    pub const fn new(width_px: f32, font_px: f32) -> Self {
        Self { width_px, font_px, style: TextStyle::DEFAULT }
    }
}

/// The reader's typography: which face, how much space between lines, and whether tashkeel
/// is drawn (hidden marks stay in the text; see [`super::marks`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle {
    /// The reading face.
    pub font: ReadingFont,
    /// Line height as a multiple of the font size.
    pub line_height: f32,
    /// Draw tashkeel.
    pub tashkeel: bool,
}

impl Default for TextStyle {
    fn default() -> Self {
        Self::DEFAULT
    }
}

impl TextStyle {
    /// Noto Naskh Arabic, lines 1.75 times the font size, tashkeel shown.
    pub const DEFAULT: TextStyle =
        TextStyle { font: ReadingFont::NotoNaskh, line_height: LINE_HEIGHT, tashkeel: true };

    /// True if `other` needs the text shaped again (not only re-wrapped).
    pub(super) fn reshapes(&self, other: &TextStyle) -> bool {
        self.font != other.font || self.tashkeel != other.tashkeel
    }
}

/// The role of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParaKind {
    /// The article's first non-empty line: larger and bold.
    Headline,
    /// Any other line.
    Body,
}

/// A cosmic-text line for a paragraph's shown text.
pub(super) fn new_line(text: &str, kind: ParaKind, style: TextStyle) -> BufferLine {
    BufferLine::new(text, LineEnding::None, AttrsList::new(&attrs_for(kind, style.font)), Shaping::Advanced)
}

/// The text a paragraph is shaped from: without tashkeel when it is hidden.
pub(super) fn shown_text(text: &str, style: TextStyle) -> std::borrow::Cow<'_, str> {
    match super::marks::strip_marks(text).filter(|_| !style.tashkeel) {
        Some((shown, _)) => std::borrow::Cow::Owned(shown),
        None => std::borrow::Cow::Borrowed(text),
    }
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
    font_px_for(kind, params.font_px) * params.style.line_height
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
    lines * font_px * params.style.line_height + params.font_px * PARA_GAP
}

fn attrs_for(kind: ParaKind, font: ReadingFont) -> Attrs<'static> {
    let attrs = Attrs::new().family(Family::Name(font.family()));
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
