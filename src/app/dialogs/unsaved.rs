//! The "unsaved changes" question asked before quitting or opening another article with
//! autosave off.

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
        ui.heading("Unsaved annotations");
        ui.label("Save your changes before continuing?");
        if let Some(text) = notice {
            ui.label(text);
        }
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                answer = Some(Answer::Save);
            }
            if blocked && ui.button("Overwrite annotation file on disk").clicked() {
                answer = Some(Answer::Overwrite);
            }
            if ui.button("Discard changes").clicked() {
                answer = Some(Answer::Discard);
            }
            if ui.button("Cancel").clicked() {
                answer = Some(Answer::Cancel);
            }
        });
    });
    answer
}
