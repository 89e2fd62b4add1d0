//! The menu bar: File, Edit, Suggest, View and Help. Entries emit [`Command`]s; none touches the
//! model.

use egui::Ui;

use crate::app::command::{Command, DialogPurpose};
use crate::app::settings::Settings;
use crate::editor::{Article, EditCommand};
use crate::formats::exchange::Format;

/// File / Edit / View menus.
pub fn menu_bar_ui(ui: &mut Ui, article: Option<&Article>, settings: &Settings, cmds: &mut Vec<Command>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu_ui(ui, article, settings, cmds));
        ui.menu_button("Edit", |ui| edit_menu_ui(ui, article, cmds));
        ui.menu_button("Suggest", |ui| suggest_menu_ui(ui, article, settings, cmds));
        ui.menu_button("View", |ui| {
            item(ui, true, "Zoom in  (Ctrl +)", Command::ZoomIn, cmds);
            item(ui, true, "Zoom out  (Ctrl −)", Command::ZoomOut, cmds);
            item(ui, true, "Actual size  (Ctrl 0)", Command::ZoomReset, cmds);
            let theme = if settings.dark { "Light theme" } else { "Dark theme" };
            item(ui, true, theme, Command::ToggleTheme, cmds);
        });
        ui.menu_button("Help", |ui| item(ui, true, "About Hashiya", Command::ToggleAbout, cmds));
    });
}

/// A menu entry that emits `cmd` when clicked.
fn item(ui: &mut Ui, enabled: bool, text: &str, cmd: Command, cmds: &mut Vec<Command>) {
    if ui.add_enabled(enabled, egui::Button::new(text)).clicked() {
        cmds.push(cmd);
    }
}

/// A menu checkbox that emits `cmd` when toggled.
fn toggle(ui: &mut Ui, mut on: bool, text: &str, cmd: Command, cmds: &mut Vec<Command>) {
    if ui.checkbox(&mut on, text).changed() {
        cmds.push(cmd);
    }
}

fn file_menu_ui(ui: &mut Ui, article: Option<&Article>, settings: &Settings, cmds: &mut Vec<Command>) {
    item(ui, true, "Open…  (Ctrl+O)", Command::Dialog(DialogPurpose::Open), cmds);
    item(ui, true, "Open Folder…", Command::Dialog(DialogPurpose::OpenFolder), cmds);
    ui.menu_button("Recent", |ui| {
        if settings.recent.is_empty() {
            ui.label("No recent files");
        }
        for path in &settings.recent {
            item(ui, true, &path.display().to_string(), Command::Open(path.clone()), cmds);
        }
    });
    ui.separator();
    let has = article.is_some();
    item(ui, has, "Save  (Ctrl+S)", Command::Save, cmds);
    item(ui, has, "Save As…  (Ctrl+Shift+S)", Command::Dialog(DialogPurpose::SaveAs), cmds);
    if article.is_some_and(Article::store_is_broken) {
        item(ui, true, "Overwrite annotation file on disk", Command::OverwriteBrokenStore, cmds);
    }
    ui.separator();
    ui.menu_button("Export…", |ui| {
        let (on, cmd) = (settings.export_suggestions, Command::ToggleExportSuggestions);
        toggle(ui, on, "Include suggestions (as entities)", cmd, cmds);
        ui.separator();
        format_buttons(ui, has, DialogPurpose::Export, cmds);
    });
    ui.menu_button("Import…", |ui| format_buttons(ui, true, DialogPurpose::Import, cmds));
    ui.menu_button("Compare with…", |ui| {
        item(ui, has, "Annotation file…", Command::Dialog(DialogPurpose::CompareFile), cmds);
        item(ui, has, "Folder (corpus)…", Command::Dialog(DialogPurpose::CompareFolder), cmds);
    });
    ui.separator();
    toggle(ui, settings.autosave, "Autosave", Command::ToggleAutosave, cmds);
    toggle(ui, settings.builtin_dialogs, "Built-in file picker", Command::ToggleBuiltinDialogs, cmds);
    ui.horizontal(|ui| {
        ui.label("Annotator");
        let mut name = settings.annotator.clone();
        let field = egui::TextEdit::singleline(&mut name).hint_text("your name").desired_width(120.0);
        if ui.add(field).on_hover_text("Written into the files you save").changed() {
            cmds.push(Command::SetAnnotator(name));
        }
    });
    item(ui, true, "Quit  (Ctrl+Q)", Command::Quit, cmds);
}

fn edit_menu_ui(ui: &mut Ui, article: Option<&Article>, cmds: &mut Vec<Command>) {
    let (undo, redo) = article.map_or((false, false), |a| (a.can_undo(), a.can_redo()));
    item(ui, undo, "Undo  (Ctrl+Z)", EditCommand::Undo.into(), cmds);
    item(ui, redo, "Redo  (Ctrl+Shift+Z)", EditCommand::Redo.into(), cmds);
    if let Some(id) = article.and_then(|a| a.selected) {
        item(ui, true, "Delete entity  (Del)", EditCommand::Delete(id).into(), cmds);
    } else {
        ui.add_enabled(false, egui::Button::new("Delete entity  (Del)"));
    }
}

fn suggest_menu_ui(ui: &mut Ui, article: Option<&Article>, settings: &Settings, cmds: &mut Vec<Command>) {
    let has = article.is_some();
    let mut threshold = settings.learn_threshold;
    let slider = egui::Slider::new(&mut threshold, 0.0..=1.0).text("model threshold");
    let hint = "Learned suggestions less sure than this are not shown (higher: more precise, fewer)";
    if ui.add(slider).on_hover_text(hint).changed() {
        cmds.push(Command::SetLearnThreshold(threshold));
    }
    item(ui, has, "From a gazetteer…", Command::Dialog(DialogPurpose::Gazetteer), cmds);
    item(ui, has, "From the corpus", Command::SuggestFromCorpus, cmds);
    ui.separator();
    let layer = article.map_or(0, |a| a.ann().suggestions().len());
    item(ui, layer > 0, "Next suggestion  (N)", EditCommand::StepSuggestion(true).into(), cmds);
    item(ui, layer > 0, "Previous suggestion  (P)", EditCommand::StepSuggestion(false).into(), cmds);
    let current = article.and_then(|a| a.suggestion);
    let accept =
        current.map_or(Command::Edit(EditCommand::ClearSelection), |k| EditCommand::Accept(k, None).into());
    item(ui, current.is_some(), "Accept  (Enter)", accept, cmds);
    let reject =
        current.map_or(Command::Edit(EditCommand::ClearSelection), |k| EditCommand::Reject(k).into());
    item(ui, current.is_some(), "Reject  (Backspace)", reject, cmds);
}

fn format_buttons(ui: &mut Ui, enabled: bool, make: fn(Format) -> DialogPurpose, cmds: &mut Vec<Command>) {
    for format in Format::ALL {
        if ui.add_enabled(enabled, egui::Button::new(format.name())).clicked() {
            cmds.push(Command::Dialog(make(format)));
        }
    }
}
