//! Menu bar, label bar and status bar. Each emits [`Command`]s; none touches the model.

use egui::{Color32, RichText, Ui};

use crate::cli::Format;

use super::command::Command;
use super::session::{Level, Notice, Session};
use super::settings::Settings;

/// File / Edit / View menus.
pub fn menu_bar_ui(ui: &mut Ui, session: Option<&Session>, settings: &Settings, cmds: &mut Vec<Command>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if ui.button("Open…  (Ctrl+O)").clicked() {
                cmds.push(Command::OpenDialog);
            }
            ui.menu_button("Recent", |ui| {
                if settings.recent.is_empty() {
                    ui.label("No recent files");
                }
                for path in &settings.recent {
                    if ui.button(path.display().to_string()).clicked() {
                        cmds.push(Command::Open(path.clone()));
                    }
                }
            });
            ui.separator();
            let has = session.is_some();
            if ui.add_enabled(has, egui::Button::new("Save  (Ctrl+S)")).clicked() {
                cmds.push(Command::Save);
            }
            if ui.add_enabled(has, egui::Button::new("Save As…  (Ctrl+Shift+S)")).clicked() {
                cmds.push(Command::SaveAsDialog);
            }
            if session.is_some_and(|s| matches!(s.store, super::session::StoreStatus::Broken(_)))
                && ui.button("Overwrite broken annotation file").clicked()
            {
                cmds.push(Command::OverwriteBrokenStore);
            }
            ui.separator();
            ui.menu_button("Export…", |ui| format_buttons(ui, has, Command::ExportDialog, cmds));
            ui.menu_button("Import…", |ui| format_buttons(ui, true, Command::ImportDialog, cmds));
            ui.separator();
            let mut autosave = settings.autosave;
            if ui.checkbox(&mut autosave, "Autosave").changed() {
                cmds.push(Command::ToggleAutosave);
            }
            if ui.button("Quit  (Ctrl+Q)").clicked() {
                cmds.push(Command::Quit);
            }
        });
        ui.menu_button("Edit", |ui| {
            let (undo, redo) = session.map_or((false, false), |s| (s.can_undo(), s.can_redo()));
            if ui.add_enabled(undo, egui::Button::new("Undo  (Ctrl+Z)")).clicked() {
                cmds.push(Command::Undo);
            }
            if ui.add_enabled(redo, egui::Button::new("Redo  (Ctrl+Shift+Z)")).clicked() {
                cmds.push(Command::Redo);
            }
            let selected = session.and_then(|s| s.selected);
            if ui.add_enabled(selected.is_some(), egui::Button::new("Delete entity  (Del)")).clicked() {
                cmds.extend(selected.map(Command::Delete));
            }
        });
        ui.menu_button("View", |ui| {
            if ui.button("Zoom in  (Ctrl +)").clicked() {
                cmds.push(Command::ZoomIn);
            }
            if ui.button("Zoom out  (Ctrl −)").clicked() {
                cmds.push(Command::ZoomOut);
            }
            if ui.button("Actual size  (Ctrl 0)").clicked() {
                cmds.push(Command::ZoomReset);
            }
            let theme = if settings.dark { "Light theme" } else { "Dark theme" };
            if ui.button(theme).clicked() {
                cmds.push(Command::ToggleTheme);
            }
        });
    });
}

fn format_buttons(ui: &mut Ui, enabled: bool, make: fn(Format) -> Command, cmds: &mut Vec<Command>) {
    for (format, name) in
        [(Format::Conll, "CoNLL IOB2"), (Format::Brat, "brat standoff"), (Format::Jsonl, "JSONL (doccano)")]
    {
        if ui.add_enabled(enabled, egui::Button::new(name)).clicked() {
            cmds.push(make(format));
        }
    }
}

/// The label chips: click tags the selection (or relabels the selected entity).
pub fn label_bar_ui(ui: &mut Ui, session: &Session, editing: &mut bool, cmds: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        for label in session.ann.labels().iter() {
            let color = Color32::from_rgb(label.color.0, label.color.1, label.color.2);
            let key = label.hotkey.map(|k| format!("{k} ")).unwrap_or_default();
            let text = RichText::new(format!("{key}{}", label.name)).color(Color32::WHITE).strong();
            let button = egui::Button::new(text).fill(color);
            if ui.add(button).on_hover_text("Tag the selection (or relabel the selected entity)").clicked() {
                cmds.push(Command::Tag(label.id));
            }
        }
        ui.separator();
        if ui.button("Edit labels…").clicked() {
            *editing = true;
        }
        ui.label(RichText::new("Drag selects words · Alt+drag: letters · 1–9 tag · Del removes").weak());
    });
}

/// File name, save state, encoding, counts, layout progress and the last notice.
pub fn status_bar_ui(
    ui: &mut Ui,
    session: Option<&Session>,
    progress: Option<(usize, usize)>,
    notice: Option<&Notice>,
) {
    ui.horizontal(|ui| {
        if let Some(s) = session {
            let name = s
                .path
                .file_name()
                .map_or_else(|| s.path.display().to_string(), |n| n.to_string_lossy().into());
            ui.label(RichText::new(name).strong());
            ui.label(if s.is_dirty() { "• unsaved" } else { "saved" });
            ui.label(format!("{}", s.encoding));
            ui.label(format!("{} entities", s.ann.entities().len()));
            if !s.ann.orphans().is_empty() {
                ui.colored_label(
                    Color32::from_rgb(0xd5, 0x5e, 0x00),
                    format!("{} orphans", s.ann.orphans().len()),
                );
            }
        }
        if let Some((done, all)) = progress.filter(|(d, a)| d < a) {
            ui.add(
                egui::ProgressBar::new(done as f32 / all.max(1) as f32).desired_width(120.0).text("layout"),
            );
        }
        if let Some(n) = notice {
            let color = match n.level {
                Level::Info => ui.visuals().text_color(),
                Level::Warning => Color32::from_rgb(0xe6, 0x9f, 0x00),
                Level::Error => ui.visuals().error_fg_color,
            };
            let label = egui::Label::new(RichText::new(&n.text).color(color)).truncate();
            ui.add(label).on_hover_text(&n.text);
        }
    });
}
