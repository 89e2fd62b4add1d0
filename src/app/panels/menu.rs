//! The menu bar: File, Edit, Suggest, View and Help. Entries emit [`Command`]s; none touches the
//! model.

use egui::Ui;

use crate::app::command::{Command, DialogPurpose};
use crate::app::i18n::Lang;
use crate::app::settings::Settings;
use crate::app::widgets::{TextField, column_ui, is_rtl, row_layout, row_ui};
use crate::app::widgets::{Txt, button_enabled_ui, checkbox_ui, label_ui, menu_ui, slider_ui, tip};
use crate::editor::{Article, EditCommand};
use crate::formats::exchange::Format;
use crate::t;
use crate::text::ReadingFont;

/// File / Edit / Suggest / View / Help menus.
pub fn menu_bar_ui(ui: &mut Ui, article: Option<&Article>, settings: &Settings, cmds: &mut Vec<Command>) {
    egui::MenuBar::new().ui(ui, |ui| {
        // From the right in the Arabic interface: the bar's row, and each menu's column.
        ui.with_layout(row_layout(), |ui| {
            menu_ui(ui, t!("menu-file"), |ui| {
                menu_column_ui(ui, |ui| file_menu_ui(ui, article, settings, cmds))
            });
            menu_ui(ui, t!("menu-edit"), |ui| menu_column_ui(ui, |ui| edit_menu_ui(ui, article, cmds)));
            let suggest = |ui: &mut Ui| suggest_menu_ui(ui, article, settings, cmds);
            menu_ui(ui, t!("menu-suggest"), |ui| menu_column_ui(ui, suggest));
            menu_ui(ui, t!("menu-view"), |ui| menu_column_ui(ui, |ui| view_menu_ui(ui, settings, cmds)));
            let about = |ui: &mut Ui| item(ui, true, t!("menu-about"), Command::ToggleAbout, cmds);
            menu_ui(ui, t!("menu-help"), |ui| menu_column_ui(ui, about));
        });
    });
}

/// A menu's entries, aligned to the right in the Arabic interface (within a menu's width, or
/// the right-aligned column would stretch the menu across the window).
fn menu_column_ui(ui: &mut Ui, add: impl FnOnce(&mut Ui)) {
    if is_rtl() {
        ui.set_max_width(300.0);
    }
    column_ui(ui, add);
}

fn view_menu_ui(ui: &mut Ui, settings: &Settings, cmds: &mut Vec<Command>) {
    item(ui, true, t!("menu-zoom-in"), Command::ZoomIn, cmds);
    item(ui, true, t!("menu-zoom-out"), Command::ZoomOut, cmds);
    item(ui, true, t!("menu-zoom-reset"), Command::ZoomReset, cmds);
    reading_menu_ui(ui, settings, cmds);
    let theme = if settings.dark { t!("menu-theme-light") } else { t!("menu-theme-dark") };
    item(ui, true, theme, Command::ToggleTheme, cmds);
    menu_ui(ui, t!("menu-language"), |ui| {
        let system = crate::app::i18n::system_language();
        let choices = [(None, t!("menu-language-system", language = system.native_name()))]
            .into_iter()
            .chain(Lang::ALL.map(|l| (Some(l), l.native_name().to_string())));
        for (choice, name) in choices {
            let mut on = settings.language == choice;
            if checkbox_ui(ui, &mut on, name).clicked() {
                cmds.push(Command::SetLanguage(choice));
            }
        }
    });
}

/// The reader's typography: font, line height, tashkeel.
fn reading_menu_ui(ui: &mut Ui, settings: &Settings, cmds: &mut Vec<Command>) {
    menu_ui(ui, t!("menu-reading-font"), |ui| {
        for font in ReadingFont::ALL {
            let name = match font {
                ReadingFont::NotoNaskh => t!("menu-font-naskh"),
                ReadingFont::Amiri => t!("menu-font-amiri"),
                ReadingFont::NotoSans => t!("menu-font-sans"),
            };
            let mut on = settings.reading_font == font;
            if checkbox_ui(ui, &mut on, name).clicked() {
                cmds.push(Command::SetReadingFont(font));
            }
        }
    });
    menu_ui(ui, t!("menu-line-height"), |ui| {
        for h in LINE_HEIGHTS {
            let mut on = (settings.line_height - h).abs() < 0.01;
            if checkbox_ui(ui, &mut on, format!("{h:.2}")).clicked() {
                cmds.push(Command::SetLineHeight(h));
            }
        }
    });
    toggle(ui, settings.tashkeel, t!("menu-tashkeel"), Command::ToggleTashkeel, cmds);
}

/// The line heights the View menu offers.
const LINE_HEIGHTS: [f32; 5] = [1.5, 1.75, 2.0, 2.25, 2.5];

/// A menu entry that emits `cmd` when clicked.
fn item(ui: &mut Ui, enabled: bool, text: impl Into<Txt>, cmd: Command, cmds: &mut Vec<Command>) {
    if button_enabled_ui(ui, enabled, text).clicked() {
        cmds.push(cmd);
    }
}

/// A menu checkbox that emits `cmd` when toggled.
fn toggle(ui: &mut Ui, mut on: bool, text: impl Into<Txt>, cmd: Command, cmds: &mut Vec<Command>) {
    if checkbox_ui(ui, &mut on, text).changed() {
        cmds.push(cmd);
    }
}

fn file_menu_ui(ui: &mut Ui, article: Option<&Article>, settings: &Settings, cmds: &mut Vec<Command>) {
    item(ui, true, t!("menu-open"), Command::Dialog(DialogPurpose::Open), cmds);
    item(ui, true, t!("menu-open-folder"), Command::Dialog(DialogPurpose::OpenFolder), cmds);
    menu_ui(ui, t!("menu-recent"), |ui| {
        if settings.recent.is_empty() {
            label_ui(ui, t!("menu-recent-none"));
        }
        for path in &settings.recent {
            item(ui, true, path.display().to_string(), Command::Open(path.clone()), cmds);
        }
    });
    ui.separator();
    let has = article.is_some();
    item(ui, has, t!("menu-save"), Command::Save, cmds);
    item(ui, has, t!("menu-save-as"), Command::Dialog(DialogPurpose::SaveAs), cmds);
    if article.is_some_and(Article::store_is_broken) {
        item(ui, true, t!("menu-overwrite"), Command::OverwriteBrokenStore, cmds);
    }
    ui.separator();
    menu_ui(ui, t!("menu-export"), |ui| {
        let (on, cmd) = (settings.export_suggestions, Command::ToggleExportSuggestions);
        toggle(ui, on, t!("menu-export-suggestions"), cmd, cmds);
        ui.separator();
        format_buttons(ui, has, DialogPurpose::Export, cmds);
    });
    menu_ui(ui, t!("menu-import"), |ui| format_buttons(ui, true, DialogPurpose::Import, cmds));
    menu_ui(ui, t!("menu-compare"), |ui| {
        item(ui, has, t!("menu-compare-file"), Command::Dialog(DialogPurpose::CompareFile), cmds);
        item(ui, has, t!("menu-compare-folder"), Command::Dialog(DialogPurpose::CompareFolder), cmds);
    });
    ui.separator();
    toggle(ui, settings.autosave, t!("menu-autosave"), Command::ToggleAutosave, cmds);
    toggle(ui, settings.builtin_dialogs, t!("menu-builtin-picker"), Command::ToggleBuiltinDialogs, cmds);
    row_ui(ui, |ui| {
        label_ui(ui, t!("menu-annotator"));
        let mut name = settings.annotator.clone();
        let hint = t!("menu-annotator-hint");
        let field = TextField::new(&mut name).hint(&hint).width(120.0).id_salt("annotator");
        if tip(ui.add(field), t!("menu-annotator-tip")).changed() {
            cmds.push(Command::SetAnnotator(name));
        }
    });
    item(ui, true, t!("menu-quit"), Command::Quit, cmds);
}

fn edit_menu_ui(ui: &mut Ui, article: Option<&Article>, cmds: &mut Vec<Command>) {
    let (undo, redo) = article.map_or((false, false), |a| (a.can_undo(), a.can_redo()));
    item(ui, undo, t!("menu-undo"), EditCommand::Undo.into(), cmds);
    item(ui, redo, t!("menu-redo"), EditCommand::Redo.into(), cmds);
    if let Some(id) = article.and_then(|a| a.selected) {
        item(ui, true, t!("menu-delete-entity"), EditCommand::Delete(id).into(), cmds);
    } else {
        button_enabled_ui(ui, false, t!("menu-delete-entity"));
    }
}

fn suggest_menu_ui(ui: &mut Ui, article: Option<&Article>, settings: &Settings, cmds: &mut Vec<Command>) {
    let has = article.is_some();
    let mut threshold = settings.learn_threshold;
    if tip(slider_ui(ui, &mut threshold, 0.0..=1.0, t!("menu-threshold")), t!("menu-threshold-tip")).changed()
    {
        cmds.push(Command::SetLearnThreshold(threshold));
    }
    item(ui, has, t!("menu-suggest-gazetteer"), Command::Dialog(DialogPurpose::Gazetteer), cmds);
    item(ui, has, t!("menu-suggest-corpus"), Command::SuggestFromCorpus, cmds);
    item(ui, has, t!("menu-suggest-model"), Command::OpenModelDialog, cmds);
    ui.separator();
    let layer = article.map_or(0, |a| a.ann().suggestions().len());
    item(ui, layer > 0, t!("menu-next-suggestion"), EditCommand::StepSuggestion(true).into(), cmds);
    item(ui, layer > 0, t!("menu-previous-suggestion"), EditCommand::StepSuggestion(false).into(), cmds);
    let current = article.and_then(|a| a.suggestion);
    let accept =
        current.map_or(Command::Edit(EditCommand::ClearSelection), |k| EditCommand::Accept(k, None).into());
    item(ui, current.is_some(), t!("menu-accept"), accept, cmds);
    let reject =
        current.map_or(Command::Edit(EditCommand::ClearSelection), |k| EditCommand::Reject(k).into());
    item(ui, current.is_some(), t!("menu-reject"), reject, cmds);
}

fn format_buttons(ui: &mut Ui, enabled: bool, make: fn(Format) -> DialogPurpose, cmds: &mut Vec<Command>) {
    for format in Format::ALL {
        if button_enabled_ui(ui, enabled, format.name()).clicked() {
            cmds.push(Command::Dialog(make(format)));
        }
    }
}
