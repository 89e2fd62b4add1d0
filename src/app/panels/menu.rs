//! Menu bar, label bar and status bar. Each emits [`Command`]s; none touches the model.

use egui::{Color32, RichText, Ui};

use crate::formats::exchange::Format;

use super::article_view::ArticleView;
use super::command::{Command, DialogPurpose};
use super::settings::Settings;
use super::shortcuts::is_rtl_char;
use crate::editor::{Article, EditCommand, Level, Notice, StoreStatus};

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

/// The label chips: click tags the selection (or relabels the selected entity).
pub fn label_bar_ui(ui: &mut Ui, article: &Article, editing: &mut bool, cmds: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        for label in article.ann().labels().iter() {
            let color = Color32::from_rgb(label.color.0, label.color.1, label.color.2);
            let key = label.hotkey.map(|k| format!("{k} ")).unwrap_or_default();
            let text = RichText::new(format!("{key}{}", label.name)).color(Color32::WHITE).strong();
            let button = egui::Button::new(text).fill(color);
            if ui.add(button).on_hover_text("Tag the selection (or relabel the selected entity)").clicked() {
                cmds.push(EditCommand::Tag(label.id).into());
            }
        }
        ui.separator();
        if ui.button("Edit labels…").clicked() {
            *editing = true;
        }
        let hint = if article.suggestion.is_some() {
            "Suggestion: Enter accepts · 1–9 accept as · Backspace rejects · N / P next / previous"
        } else if !article.ann().suggestions().is_empty() {
            "Drag selects words · 1–9 tag · N / P: go through the suggestions"
        } else {
            "Drag selects words · Alt+drag: letters · 1–9 tag · Del removes"
        };
        ui.label(RichText::new(hint).weak());
    });
}

/// File name, save state, encoding, counts, layout progress and the last notice (shaped by
/// cosmic-text when it holds right-to-left text: egui's own text has no bidi).
pub fn status_bar_ui(
    ui: &mut Ui,
    article: Option<&Article>,
    view: &mut ArticleView,
    notice: Option<&Notice>,
    learner: Option<String>,
) {
    ui.horizontal(|ui| {
        if let Some(status) = learner {
            if status.ends_with('…') {
                ui.spinner();
            }
            ui.label(RichText::new(status).weak()).on_hover_text(
                "The suggestion model, retrained in the background when a document is marked done",
            );
        }
        if let Some(a) = article {
            ui.label(RichText::new(a.name()).strong());
            save_state_ui(ui, a);
            ui.label(format!("{}", a.encoding));
            ui.label(format!("{} entities", a.ann().entities().len()));
            if !a.ann().suggestions().is_empty() {
                ui.label(format!("{} suggestions", a.ann().suggestions().len()));
            }
            if !a.ann().orphans().is_empty() {
                let orphans = format!("{} orphans", a.ann().orphans().len());
                ui.colored_label(Color32::from_rgb(0xd5, 0x5e, 0x00), orphans);
            }
        }
        if let Some((done, all)) = view.progress().filter(|(d, a)| d < a) {
            let bar =
                egui::ProgressBar::new(done as f32 / all.max(1) as f32).desired_width(120.0).text("layout");
            ui.add(bar);
        }
        if let Some(n) = notice {
            notice_ui(ui, view, n);
        }
    });
}

/// Saved or not; while the annotation file may not be written over, why, in the error colour
/// (the notice saying so may since have been replaced by another).
fn save_state_ui(ui: &mut Ui, a: &Article) {
    let blocked = match &a.store {
        StoreStatus::Ok => None,
        StoreStatus::Broken(_) => Some("• not saved: the annotation file cannot be read"),
        StoreStatus::ChangedOnDisk(_) => Some("• not saved: the annotation file changed on disk"),
    };
    match blocked {
        Some(text) => {
            let red = ui.visuals().error_fg_color;
            ui.colored_label(red, text).on_hover_text(
                "Your work is kept in memory. File > Compare with… shows both versions; Save As… \
                 writes yours elsewhere; File > Overwrite annotation file on disk writes over it",
            );
        }
        None => {
            ui.label(if a.is_dirty() { "• unsaved" } else { "saved" });
        }
    }
}

fn notice_ui(ui: &mut Ui, view: &mut ArticleView, n: &Notice) {
    let color = match n.level {
        Level::Info => ui.visuals().text_color(),
        Level::Warning => Color32::from_rgb(0xe6, 0x9f, 0x00),
        Level::Error => ui.visuals().error_fg_color,
    };
    if n.text.chars().any(is_rtl_char) {
        if n.level != Level::Info {
            ui.colored_label(color, "●");
        }
        view.inline_text_ui(ui, &n.text).on_hover_text(&n.text);
    } else {
        let label = egui::Label::new(RichText::new(&n.text).color(color)).truncate();
        ui.add(label).on_hover_text(&n.text);
    }
}

/// The central area when no article is open: why, or how to open one.
pub fn empty_ui(ui: &mut Ui, open_error: Option<&str>) {
    ui.centered_and_justified(|ui| {
        let text = open_error.unwrap_or("Open an article with File > Open… or drop a file here");
        ui.colored_label(ui.visuals().error_fg_color, text);
    });
}
