//! The label bar (label chips, the label editor, a hint of the keys) and the status bar
//! (file, save state, counts, layout progress, the last notice), and the central area's
//! message when no article is open. Each emits [`Command`]s; none touches the model.

use egui::{Color32, Ui};

use crate::app::command::Command;
use crate::app::i18n::notice_text;
use crate::app::widgets::{Txt, button_ui, is_rtl, label_ui, progress_ui, shaped_label_ui, tip};
use crate::app::widgets::{row_ui, row_wrapped_ui, styled_button_ui};
use crate::editor::{Article, EditCommand, Level, Notice, StoreStatus};
use crate::t;
use crate::text::is_rtl_char;

/// The label chips: click tags the selection (or relabels the selected entity).
pub fn label_bar_ui(ui: &mut Ui, article: &Article, editing: &mut bool, cmds: &mut Vec<Command>) {
    row_wrapped_ui(ui, |ui| {
        for label in article.ann().labels().iter() {
            let color = Color32::from_rgb(label.color.0, label.color.1, label.color.2);
            let key = label.hotkey.map(|k| format!("{k} ")).unwrap_or_default();
            let text = Txt::new(format!("{key}{}", label.name)).color(Color32::WHITE).strong();
            let button = styled_button_ui(ui, true, text, |b| b.fill(color));
            if tip(button, t!("labels-chip-tip")).clicked() {
                cmds.push(EditCommand::Tag(label.id).into());
            }
        }
        ui.separator();
        if button_ui(ui, t!("labels-edit")).clicked() {
            *editing = true;
        }
        let hint = if article.suggestion.is_some() {
            t!("labels-hint-suggestion")
        } else if !article.ann().suggestions().is_empty() {
            t!("labels-hint-suggestions")
        } else {
            t!("labels-hint")
        };
        label_ui(ui, Txt::new(hint).weak());
    });
}

/// File name, save state, encoding, counts, layout progress and the last notice (shaped by
/// cosmic-text when it holds right-to-left text: egui's own text has no bidi).
pub fn status_bar_ui(
    ui: &mut Ui,
    article: Option<&Article>,
    layout_progress: Option<(usize, usize)>,
    notice: Option<&Notice>,
    learner: Option<(String, bool)>,
) {
    row_ui(ui, |ui| {
        if let Some((status, running)) = learner {
            if running {
                ui.spinner();
            }
            tip(label_ui(ui, Txt::new(status).weak()), t!("status-model-tip"));
        }
        if let Some(a) = article {
            label_ui(ui, Txt::new(a.name()).strong());
            save_state_ui(ui, a);
            ui.label(format!("{}", a.encoding));
            label_ui(ui, t!("status-entities", n = a.ann().entities().len()));
            if !a.ann().suggestions().is_empty() {
                label_ui(ui, t!("status-suggestions", n = a.ann().suggestions().len()));
            }
            if !a.ann().orphans().is_empty() {
                let orphans = t!("status-orphans", n = a.ann().orphans().len());
                label_ui(ui, Txt::new(orphans).color(Color32::from_rgb(0xd5, 0x5e, 0x00)));
            }
        }
        if let Some((done, all)) = layout_progress.filter(|(d, a)| d < a) {
            progress_ui(ui, done as f32 / all.max(1) as f32, Some(120.0), t!("status-layout"));
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
        StoreStatus::Broken(_) => Some(t!("status-store-broken")),
        StoreStatus::ChangedOnDisk(_) => Some(t!("status-store-changed")),
    };
    match blocked {
        Some(text) => {
            let red = ui.visuals().error_fg_color;
            tip(label_ui(ui, Txt::new(text).color(red)), t!("status-store-tip"));
        }
        None => {
            label_ui(ui, if a.is_dirty() { t!("status-unsaved") } else { t!("status-saved") });
        }
    }
}

fn notice_ui(ui: &mut Ui, n: &Notice) {
    let color = match n.level {
        Level::Info => ui.visuals().text_color(),
        Level::Warning => Color32::from_rgb(0xe6, 0x9f, 0x00),
        Level::Error => ui.visuals().error_fg_color,
    };
    let text = notice_text(n);
    if text.chars().any(is_rtl_char) || is_rtl() {
        if n.level != Level::Info {
            // U+2022: U+25CF is in none of the window's fonts (an empty box).
            label_ui(ui, Txt::new("•").color(color));
        }
        tip(shaped_label_ui(ui, &text), &text);
    } else {
        let label = egui::Label::new(Txt::new(&text).color(color).rich()).truncate();
        ui.add(label).on_hover_text(&text);
    }
}

/// The central area when no article is open: why, or how to open one.
pub fn empty_ui(ui: &mut Ui, open_error: Option<&str>) {
    ui.centered_and_justified(|ui| {
        let text = open_error.map_or_else(|| t!("empty-hint"), str::to_string);
        label_ui(ui, Txt::new(text).color(ui.visuals().error_fg_color));
    });
}
