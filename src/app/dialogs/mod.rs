//! Dialogs: Help > About (`about.rs`), file dialogs (native on a thread, the built-in picker
//! where native ones cannot work, `files.rs`; the picker itself in `picker.rs` and
//! `picker_ui.rs`), the label-set editor (`labels.rs`, with its Suggestions section in
//! `suggestions.rs`), your own model's command (`model.rs`) and the unsaved-changes question
//! (`unsaved.rs`). Each returns [`crate::app::Command`]s or an answer; none changes state.

mod about;
mod files;
mod labels;
mod model;
mod picker;
mod picker_ui;
mod suggestions;
mod unsaved;

pub use about::about_ui;
pub use files::{DialogStart, Dialogs};
pub use labels::LabelEditor;
pub use model::ModelDialog;
pub use unsaved::{Answer, unsaved_question_ui};
