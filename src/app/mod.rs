//! The egui application, in rooms (see ARCHITECTURE.md). Panels, dialogs, menus and the
//! article view emit [`Command`]s; [`HashiyaApp`] (`window.rs`) drains them once per frame in
//! `apply.rs`: article changes go to the editor core ([`crate::editor::Workspace`]), file work
//! (open, save, autosave, export, import, quit) is in `files.rs`, background work in
//! `background.rs`. Errors become notices in the status bar, once, there. `launch.rs` starts
//! the window (app id, icon) on what `target.rs` says a path opens.
//!
//! The root files are the application state and everything that changes it; the rooms below
//! never name [`HashiyaApp`]:
//! - `view/`: the article view and what it paints over the text (entities, selection, find
//!   marks, suggestions, another annotator's spans), gestures, the painter.
//! - `panels/`: menu, label and status bars, documents, entities, suggestions, find, compare,
//!   the corpus overview.
//! - `dialogs/`: file dialogs (native on a thread, built-in fallback), the label editor, the
//!   unsaved-changes question, Help > About.
//! - `state/`: what the window knows beyond the editor: the open corpus, the comparison.
//! - `jobs/`: [`jobs::Job`], one thread polled each frame, and the work the jobs do.
//! - `widgets/`: reusable widgets (text shaped by cosmic-text for short UI texts, colours).

mod apply;
mod background;
mod command;
mod corpus_cmds;
mod dialogs;
mod files;
pub mod i18n;
mod jobs;
mod launch;
mod panels;
mod sample;
mod settings;
mod shortcuts;
mod state;
mod target;
mod view;
pub mod widgets;
mod window;

pub use command::{Command, DialogPurpose};
pub use launch::run;
pub use sample::{SAMPLE_ARTICLE, sample_path};
pub use settings::Settings;
pub use target::{OpenTarget, open_target};
pub use view::ArticleView;
pub use window::HashiyaApp;
