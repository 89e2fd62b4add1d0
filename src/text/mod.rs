//! Article text layout with cosmic-text: shaping, UAX #9 bidi, line breaking, hit-testing,
//! highlight geometry and glyph rasterisation. No egui here: the app's painter turns this
//! geometry into meshes, and `hashiya render` turns it into a PNG, so tests reach all of it
//! without a window.
//!
//! Coordinates are physical pixels with the origin at the top-left of the article column.

mod atlas;
mod background;
mod cells;
mod direction;
pub mod field;
mod fonts;
mod geometry;
mod layout;
mod marks;
mod para;
mod raster;
mod runs;

pub use atlas::{AtlasEntry, GlyphAtlas};
pub use direction::{first_strong_rtl, is_rtl_char};
pub use fonts::{ARABIC_FAMILY, LATIN_FAMILY, ReadingFont, font_bytes, font_system};
pub use geometry::Rect;
pub use layout::{ArticleLayout, VisualLine};
pub use para::{LINE_HEIGHT, LayoutParams, ParaKind, TextStyle};
pub use raster::{GlyphQuad, render_png_rgba};
pub use runs::TextRun;
