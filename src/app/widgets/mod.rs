//! Widgets of our own where egui's fall short for Arabic: the shaped text field that every
//! text input of the app uses, and the shared shaper that paints their text through the
//! glyph atlas.

mod field_keys;
pub mod shaper;
mod text_field;

pub use field_keys::{FieldInput, field_input};
pub use text_field::{TextField, text_field_ui, text_offset};
