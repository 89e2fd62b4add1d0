//! The layout's direction: the Arabic interface is mirrored (rows and columns start at the
//! right), the English one is egui's left to right. Widgets put in a row keep their order
//! in the code; the row decides which side they start from.

use egui::{Align, InnerResponse, Layout, Ui};

use crate::app::i18n;

/// True while the window's language reads from the right.
pub fn is_rtl() -> bool {
    i18n::language().is_rtl()
}

/// The direction rows go in: from the right in the Arabic interface.
pub fn row_layout() -> Layout {
    if is_rtl() { Layout::right_to_left(Align::Center) } else { Layout::left_to_right(Align::Center) }
}

/// A row of widgets (`ui.horizontal`), starting at the right in the Arabic interface.
pub fn row_ui<R>(ui: &mut Ui, add: impl FnOnce(&mut Ui) -> R) -> InnerResponse<R> {
    if !is_rtl() {
        return ui.horizontal(add);
    }
    let height = ui.spacing().interact_size.y;
    ui.allocate_ui_with_layout(egui::vec2(ui.available_width(), height), row_layout(), add)
}

/// A row that wraps onto more lines (`ui.horizontal_wrapped`), mirrored in Arabic.
pub fn row_wrapped_ui<R>(ui: &mut Ui, add: impl FnOnce(&mut Ui) -> R) -> InnerResponse<R> {
    if !is_rtl() {
        return ui.horizontal_wrapped(add);
    }
    let height = ui.spacing().interact_size.y;
    ui.allocate_ui_with_layout(
        egui::vec2(ui.available_width(), height),
        row_layout().with_main_wrap(true),
        add,
    )
}

/// Columns side by side, tops aligned (`ui.horizontal_top`), the first at the right in the
/// Arabic interface.
pub fn columns_top_ui<R>(ui: &mut Ui, add: impl FnOnce(&mut Ui) -> R) -> InnerResponse<R> {
    if !is_rtl() {
        return ui.horizontal_top(add);
    }
    ui.with_layout(Layout::right_to_left(Align::Min), add)
}

/// A panel's column: widgets one under the other, aligned to the right in Arabic.
pub fn column_ui<R>(ui: &mut Ui, add: impl FnOnce(&mut Ui) -> R) -> R {
    if !is_rtl() {
        return add(ui);
    }
    ui.with_layout(Layout::top_down(Align::Max), add).inner
}
