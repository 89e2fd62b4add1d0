//! The text field of the whole app, without egui: [`FieldCore`] holds the text, selection,
//! IME composition and undo history and changes only through [`Action`]s; [`FieldLine`] lays
//! the line out with the article's layout code (shaped Arabic, UAX #9 order, ligature-aware
//! carets and hit-testing). The egui widget in `app/` only turns input events into actions and
//! paints a [`FieldLine`] through the glyph atlas.

mod core;
mod history;
mod line;
mod motion;

pub use core::{Action, FieldCore, Outcome};
pub use line::FieldLine;
pub use motion::{Motion, is_rtl};
