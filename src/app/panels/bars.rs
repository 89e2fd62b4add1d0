//! The label bar (label chips, the label editor, a hint of the keys) and the status bar
//! (file, save state, counts, layout progress, the last notice), and the central area's
//! message when no article is open. Each emits [`Command`]s; none touches the model.

use egui::{Color32, RichText, Ui};

use crate::app::command::Command;
use crate::app::widgets::shaped_label_ui;
use crate::editor::{Article, EditCommand, Level, Notice, StoreStatus};
use crate::text::is_rtl_char;

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
    layout_progress: Option<(usize, usize)>,
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
        if let Some((done, all)) = layout_progress.filter(|(d, a)| d < a) {
            let bar =
                egui::ProgressBar::new(done as f32 / all.max(1) as f32).desired_width(120.0).text("layout");
            ui.add(bar);
        }
        if let Some(n) = notice {
            notice_ui(ui, n);
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

fn notice_ui(ui: &mut Ui, n: &Notice) {
    let color = match n.level {
        Level::Info => ui.visuals().text_color(),
        Level::Warning => Color32::from_rgb(0xe6, 0x9f, 0x00),
        Level::Error => ui.visuals().error_fg_color,
    };
    if n.text.chars().any(is_rtl_char) {
        if n.level != Level::Info {
            ui.colored_label(color, "●");
        }
        shaped_label_ui(ui, &n.text).on_hover_text(&n.text);
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
