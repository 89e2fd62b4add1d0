//! The window's panels: the menu bar (`menu.rs`), the label and status bars (`bars.rs`), the
//! documents of a corpus, the entities, the suggestions, the find bar, Compare with…, and the
//! corpus overview's charts. Panels read the editor and the window's state and emit
//! [`crate::app::Command`]s; only their own view state (filters, the find pattern) changes
//! here.

mod bars;
mod compare;
mod documents;
mod entities;
mod find;
mod menu;
mod overview;
mod suggestions;

pub use bars::{empty_ui, label_bar_ui, status_bar_ui};
pub use compare::compare_panel_ui;
pub use documents::documents_panel_ui;
pub use entities::EntityPanel;
pub use find::{FindBar, find_panel_ui};
pub use menu::menu_bar_ui;
pub use overview::overview_ui;
pub use suggestions::suggestions_panel_ui;
