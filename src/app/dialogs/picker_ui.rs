//! The built-in file picker's window: a path field with parent and home buttons, the recent
//! folders, the folder's listing, the file-name field and the buttons. Text inputs are the
//! app's own field (Arabic names read in their order), names with Arabic are shaped, and the
//! icons are glyphs of egui's bundled icon font, so none is an empty box.

use std::path::PathBuf;

use egui::{Align2, RichText, ScrollArea, Sense, Ui};

use crate::app::widgets::{TextField, shaped_label_ui};
use crate::text::is_rtl_char;

use super::picker::{PickMode, Picker};

/// The picker's icons: folder, file, parent folder, home, recent (all in egui's icon font).
#[cfg(test)]
const ICONS: [char; 5] = [FOLDER, FILE, UP, HOME, RECENT];
const FOLDER: char = '\u{1F5C0}';
const FILE: char = '\u{1F5CB}';
const UP: char = '\u{2B06}';
const HOME: char = '\u{1F3E0}';
const RECENT: char = '\u{1F553}';

/// What the user did in the picker this frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickerAnswer {
    /// Still open.
    Open,
    /// Chose this path.
    Chosen(PathBuf),
    /// Cancelled.
    Cancelled,
}

/// Shows the picker window.
pub fn picker_ui(ctx: &egui::Context, picker: &mut Picker, recent: &[PathBuf]) -> PickerAnswer {
    let mut answer = PickerAnswer::Open;
    let mut open = true;
    egui::Window::new(picker.title.clone())
        .id(egui::Id::unique("hashiya-file-picker"))
        .open(&mut open)
        .anchor(Align2::CENTER_CENTER, [0.0, 0.0])
        .fixed_size([680.0, 420.0])
        .collapsible(false)
        .show(ctx, |ui| {
            path_row_ui(ui, picker);
            ui.separator();
            ui.horizontal_top(|ui| {
                recent_ui(ui, picker, recent);
                ui.separator();
                if let Some(path) = listing_ui(ui, picker) {
                    answer = PickerAnswer::Chosen(path);
                }
            });
            ui.separator();
            if let Some(a) = bottom_ui(ui, picker) {
                answer = a;
            }
        });
    let escape = ctx.input(|i| i.key_pressed(egui::Key::Escape));
    if !open || escape { PickerAnswer::Cancelled } else { answer }
}

/// Parent and home buttons, and the path field (Enter goes there).
fn path_row_ui(ui: &mut Ui, picker: &mut Picker) {
    ui.horizontal(|ui| {
        if ui.button(UP.to_string()).on_hover_text("Parent folder").clicked() {
            picker.up();
        }
        if ui.button(HOME.to_string()).on_hover_text("Home folder").clicked()
            && let Some(home) = std::env::var_os("HOME")
        {
            picker.go(&PathBuf::from(home));
        }
        let field =
            TextField::new(&mut picker.path_text).width(f32::INFINITY).id_salt("picker-path").name("Path");
        let response = ui.add(field);
        if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            picker.go_to_typed();
        }
    });
    if let Some(err) = &picker.error {
        ui.colored_label(ui.visuals().error_fg_color, err);
    }
}

/// The recently used folders, one click away.
fn recent_ui(ui: &mut Ui, picker: &mut Picker, recent: &[PathBuf]) {
    ui.vertical(|ui| {
        ui.set_width(170.0);
        ui.label(RichText::new(format!("{RECENT} Recent folders")).weak());
        for dir in recent.iter().filter(|d| d.is_dir()) {
            let name =
                dir.file_name().map_or_else(|| dir.display().to_string(), |n| n.to_string_lossy().into());
            let row = entry_row_ui(ui, FOLDER, &name, *dir == picker.dir());
            if row.on_hover_text(dir.display().to_string()).clicked() {
                picker.go(dir);
            }
        }
    });
}

/// The folder's entries; a click selects, a double click enters or chooses.
fn listing_ui(ui: &mut Ui, picker: &mut Picker) -> Option<PathBuf> {
    let mut chosen = None;
    let area = ScrollArea::vertical().id_salt("picker-listing").min_scrolled_height(300.0).max_height(300.0);
    area.auto_shrink(false).show(ui, |ui| {
        ui.vertical(|ui| listing_rows_ui(ui, picker, &mut chosen));
    });
    chosen
}

/// The rows of the listing.
fn listing_rows_ui(ui: &mut Ui, picker: &mut Picker, chosen: &mut Option<PathBuf>) {
    for i in 0..picker.entries().len() {
        let (icon, name) = {
            let e = &picker.entries()[i];
            (if e.is_dir { FOLDER } else { FILE }, e.name.clone())
        };
        let row = entry_row_ui(ui, icon, &name, picker.name == name);
        if row.double_clicked() {
            *chosen = picker.activate(i);
            break;
        } else if row.clicked() {
            picker.select(i);
        }
    }
}

/// One row: icon and name (shaped when it has Arabic), highlighted when `selected`.
fn entry_row_ui(ui: &mut Ui, icon: char, name: &str, selected: bool) -> egui::Response {
    let background = ui.painter().add(egui::Shape::Noop);
    let width = ui.available_width();
    let inner = ui.horizontal(|ui| {
        ui.label(RichText::new(icon.to_string()).size(15.0));
        if name.chars().any(is_rtl_char) {
            shaped_label_ui(ui, name);
        } else {
            ui.label(name);
        }
    });
    let rect =
        egui::Rect::from_min_size(inner.response.rect.min, egui::vec2(width, inner.response.rect.height()));
    let id = ui.scope_id().with(("picker-row", name));
    let response = ui.interact(rect, id, Sense::click());
    if selected || response.hovered() {
        let fill =
            if selected { ui.visuals().selection.bg_fill } else { ui.visuals().widgets.hovered.weak_bg_fill };
        let shape = egui::epaint::RectShape::filled(rect, 3.0, fill.gamma_multiply(0.35));
        ui.painter().set(background, shape);
    }
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name));
    response
}

/// The file-name field and the buttons.
fn bottom_ui(ui: &mut Ui, picker: &mut Picker) -> Option<PickerAnswer> {
    let mut answer = None;
    ui.horizontal(|ui| {
        let (label, action) = match picker.mode {
            PickMode::Open => ("File name", "Open"),
            PickMode::Save => ("File name", "Save"),
            PickMode::Folder => ("Folder", "Choose folder"),
        };
        ui.label(label);
        let field = TextField::new(&mut picker.name).width(300.0).id_salt("picker-name").name(label);
        let response = ui.add(field);
        let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.button(action).clicked() || enter {
            answer = picker.choose().map(PickerAnswer::Chosen);
        }
        if ui.button("Cancel").clicked() {
            answer = Some(PickerAnswer::Cancelled);
        }
    });
    answer
}

#[cfg(test)]
mod tests {
    use super::ICONS;

    #[test]
    fn every_icon_is_a_glyph_of_the_window_fonts() {
        let ctx = egui::Context::default();
        crate::app::widgets::install_ui_fonts(&ctx);
        let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
        output.textures_delta.clear();
        let font = egui::FontId::proportional(15.0);
        for icon in ICONS {
            assert!(ctx.fonts_mut(|f| f.has_glyph(&font, icon)), "U+{:04X} has no glyph", icon as u32);
        }
    }
}
