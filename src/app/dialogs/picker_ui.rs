//! The built-in file picker's window: a path field with parent and home buttons, the recent
//! folders, the folder's listing, the file-name field and the buttons. Text inputs are the
//! app's own field (Arabic names read in their order), names with Arabic are shaped, and the
//! icons are glyphs of egui's bundled icon font, so none is an empty box.

use std::path::PathBuf;

use egui::{Align2, ScrollArea, Sense, Ui};

use crate::app::widgets::{
    TextField, Txt, button_ui, columns_top_ui, is_rtl, label_ui, row_ui, tip, window_ui,
};
use crate::t;

use super::picker::{PickError, PickMode, Picker};

/// The picker's icons: folder, file, parent folder, home, recent (in egui's emoji fonts).
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
    let title = ("hashiya-file-picker", Txt::new(picker.title.clone()));
    let place = |w: egui::Window<'static>| {
        w.anchor(Align2::CENTER_CENTER, [0.0, 0.0]).fixed_size([680.0, 420.0]).collapsible(false)
    };
    window_ui(ctx, title, Some(&mut open), place, |ui| {
        path_row_ui(ui, picker);
        ui.separator();
        columns_top_ui(ui, |ui| {
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
    row_ui(ui, |ui| {
        if tip(button_ui(ui, UP.to_string()), t!("picker-parent-tip")).clicked() {
            picker.up();
        }
        let home = tip(button_ui(ui, HOME.to_string()), t!("picker-home-tip"));
        if home.clicked()
            && let Some(home) = std::env::var_os("HOME")
        {
            picker.go(&PathBuf::from(home));
        }
        let name = t!("picker-path");
        let field =
            TextField::new(&mut picker.path_text).width(f32::INFINITY).id_salt("picker-path").name(&name);
        let response = ui.add(field);
        if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            picker.go_to_typed();
        }
    });
    if let Some(err) = &picker.error {
        label_ui(ui, Txt::new(error_text(err)).color(ui.visuals().error_fg_color));
    }
}

/// The recently used folders, one click away.
fn recent_ui(ui: &mut Ui, picker: &mut Picker, recent: &[PathBuf]) {
    let align = if is_rtl() { egui::Align::Max } else { egui::Align::Min };
    ui.allocate_ui_with_layout(egui::vec2(170.0, 330.0), egui::Layout::top_down(align), |ui| {
        ui.set_width(170.0);
        recent_rows_ui(ui, picker, recent);
    });
}

/// The recent folders' heading and rows.
fn recent_rows_ui(ui: &mut Ui, picker: &mut Picker, recent: &[PathBuf]) {
    row_ui(ui, |ui| {
        ui.label(egui::RichText::new(RECENT.to_string()).weak());
        label_ui(ui, Txt::new(t!("picker-recent-folders")).weak());
    });
    for dir in recent.iter().filter(|d| d.is_dir()) {
        let name = dir.file_name().map_or_else(|| dir.display().to_string(), |n| n.to_string_lossy().into());
        let row = entry_row_ui(ui, FOLDER, &name, *dir == picker.dir());
        if tip(row, dir.display().to_string()).clicked() {
            picker.go(dir);
        }
    }
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
    let inner = row_ui(ui, |ui| {
        ui.label(egui::RichText::new(icon.to_string()).size(15.0));
        label_ui(ui, name);
    });
    // The whole row's width, from the side the row starts at.
    let r = inner.response.rect;
    let rect = if is_rtl() {
        egui::Rect::from_min_max(egui::pos2(r.max.x - width, r.min.y), r.max)
    } else {
        egui::Rect::from_min_size(r.min, egui::vec2(width, r.height()))
    };
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

/// What went wrong, in the window's language.
fn error_text(err: &PickError) -> String {
    match err {
        PickError::CannotList(path, detail) => {
            t!("picker-cannot-list", path = path.display(), detail = detail)
        }
        PickError::NoSuchFolder(path) => t!("picker-no-such-folder", path = path.display()),
        PickError::NotAFolder(path) => t!("picker-not-a-folder", path = path.display()),
        PickError::NotAFile(path) => t!("picker-not-a-file", path = path.display()),
        PickError::NeedsName => t!("picker-needs-name"),
        PickError::Exists(path) => t!("picker-exists", path = path.display()),
    }
}

/// The file-name field and the buttons.
fn bottom_ui(ui: &mut Ui, picker: &mut Picker) -> Option<PickerAnswer> {
    let mut answer = None;
    row_ui(ui, |ui| {
        let (label, action) = match picker.mode {
            PickMode::Open => (t!("picker-file-name"), t!("picker-action-open")),
            PickMode::Save if matches!(picker.error, Some(PickError::Exists(_))) => {
                (t!("picker-file-name"), t!("picker-action-replace"))
            }
            PickMode::Save => (t!("picker-file-name"), t!("picker-action-save")),
            PickMode::Folder => (t!("picker-folder"), t!("picker-action-folder")),
        };
        label_ui(ui, label.as_str());
        let field = TextField::new(&mut picker.name).width(300.0).id_salt("picker-name").name(&label);
        let response = ui.add(field);
        let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if button_ui(ui, action).clicked() || enter {
            answer = picker.choose().map(PickerAnswer::Chosen);
        }
        if button_ui(ui, t!("picker-cancel")).clicked() {
            answer = Some(PickerAnswer::Cancelled);
        }
    });
    answer
}

#[cfg(test)]
mod tests {
    use super::{FILE, FOLDER, HOME, RECENT, UP};

    const ICONS: [char; 5] = [FOLDER, FILE, UP, HOME, RECENT];

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
