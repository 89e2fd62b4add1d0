//! Reusable widgets and what they share: text shaped by cosmic-text for short UI texts
//! (`shaped.rs`), the app's text field (`text_field.rs`, its keys in `field_keys.rs`, its
//! shaping and painting in `shaper.rs`), the bridge from the text layer's glyph atlas to egui
//! (`painter.rs`), label colours, and the UI fonts.

mod controls;
mod field_access;
mod field_keys;
mod layout;
mod painter;
mod shaped;
pub mod shaper;
mod text;
mod text_field;

pub use field_keys::{FieldInput, field_input};
pub use text_field::{TextField, text_field_focused, text_field_ui, text_offset};

pub use layout::{column_ui, columns_top_ui, is_rtl, row_layout, row_ui, row_wrapped_ui};
pub use painter::{AtlasTexture, glyph_mesh, to_screen};

pub use controls::{choice_ui, link_ui, progress_ui, slider_ui, window_ui};
pub use shaped::{paint_shaped, shaped_label_ui, shaped_rtl, shaped_size};
pub use text::{
    Txt, button_enabled_ui, button_ui, checkbox_enabled_ui, checkbox_ui, disabled_tip, label_ui, menu_ui,
    selectable_ui, small_button_ui, styled_button_ui, tip, wrapped_label_ui,
};

use egui::Color32;

use crate::editor::Article;
use crate::model::LabelId;

/// The label's colour as an egui colour (grey for an unknown label).
pub fn label_color(article: &Article, id: LabelId) -> Color32 {
    article
        .ann()
        .labels()
        .get(id)
        .map_or(Color32::GRAY, |l| Color32::from_rgb(l.color.0, l.color.1, l.color.2))
}

/// Adds the bundled Arabic and Latin faces to egui's fonts so UI chrome never lacks glyphs.
pub fn install_ui_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    for (name, bytes) in
        [("noto-sans", crate::text::font_bytes()[2]), ("noto-naskh", crate::text::font_bytes()[0])]
    {
        fonts.font_data.insert(name.to_string(), std::sync::Arc::new(egui::FontData::from_static(bytes)));
        for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
            fonts.families.entry(family).or_default().push(name.to_string());
        }
    }
    ctx.set_fonts(fonts);
}
