//! The "unsaved changes" question asked before quitting or opening another article with
//! autosave off.

use crate::app::widgets::row_ui;
use crate::app::widgets::{Txt, button_ui, label_ui};
use crate::t;

/// What the "unsaved changes" question was answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// Save, then go on.
    Save,
    /// Save over an annotation file that is unreadable or changed on disk.
    Overwrite,
    /// Go on without saving.
    Discard,
    /// Stay (nothing happens).
    Cancel,
}

/// Asks; `None`: not answered yet. While the annotation file may not be written over
/// (`blocked`: unreadable, changed on disk), overwriting it is offered too; `notice` says
/// what happened last.
pub fn unsaved_question_ui(ctx: &egui::Context, blocked: bool, notice: Option<&str>) -> Option<Answer> {
    let mut answer = None;
    egui::Modal::new(egui::Id::unique("unsaved")).show(ctx, |ui| {
        label_ui(ui, Txt::new(t!("unsaved-title")).heading());
        label_ui(ui, t!("unsaved-question"));
        if let Some(text) = notice {
            label_ui(ui, text);
        }
        row_ui(ui, |ui| {
            if button_ui(ui, t!("unsaved-save")).clicked() {
                answer = Some(Answer::Save);
            }
            if blocked && button_ui(ui, t!("menu-overwrite")).clicked() {
                answer = Some(Answer::Overwrite);
            }
            if button_ui(ui, t!("unsaved-discard")).clicked() {
                answer = Some(Answer::Discard);
            }
            if button_ui(ui, t!("unsaved-cancel")).clicked() {
                answer = Some(Answer::Cancel);
            }
        });
    });
    answer
}
