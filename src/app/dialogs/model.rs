//! Suggest > Your own model…: the command of the user's model (a fine-tuned transformer behind
//! a script, say), run on the open document on a thread as `hashiya suggest --command` runs it
//! on a corpus ([`crate::corpus::external`]). The dialog holds the command being typed; Run
//! emits [`Command::SuggestFromModel`], which also keeps the command in the settings.

use egui::Align2;

use crate::app::command::Command;
use crate::app::widgets::{
    TextField, Txt, button_ui, column_ui, label_ui, row_ui, window_ui, wrapped_label_ui,
};
use crate::t;

/// The dialog's state: `Some` while it is open, with the command being typed.
#[derive(Debug, Default)]
pub struct ModelDialog {
    command: Option<String>,
}

impl ModelDialog {
    /// Opens the dialog with `command` (the last one run) in its field.
    pub fn open(&mut self, command: &str) {
        self.command = Some(command.to_string());
    }

    /// True while it is open (plain keys belong to its field).
    pub fn is_open(&self) -> bool {
        self.command.is_some()
    }

    /// Shows the dialog; `running`: a suggestion job is running (Run waits for it).
    pub fn dialog_ui(&mut self, ctx: &egui::Context, running: bool) -> Option<Command> {
        let command = self.command.as_mut()?;
        let mut open = true;
        let title = ("hashiya-own-model", Txt::new(t!("model-title")));
        let place = |w: egui::Window<'static>| {
            w.anchor(Align2::CENTER_CENTER, [0.0, 0.0])
                .collapsible(false)
                .resizable(false)
                .default_width(560.0)
        };
        let run = window_ui(ctx, title, Some(&mut open), place, |ui| body_ui(ui, command, running)).flatten();
        let escape = ctx.input(|i| i.key_pressed(egui::Key::Escape));
        match run {
            Some(true) => {
                let cmd = self.command.take().unwrap_or_default();
                Some(Command::SuggestFromModel(cmd.trim().to_string()))
            }
            Some(false) => {
                self.command = None;
                None
            }
            None if !open || escape => {
                self.command = None;
                None
            }
            None => None,
        }
    }
}

/// What the command reads and answers: each sentence, then its example on a line of its own
/// (left to right, so that JSON never mixes into an Arabic sentence).
fn protocol_ui(ui: &mut egui::Ui) {
    let lines = [
        (t!("model-request"), t!("model-request-example")),
        (t!("model-answer"), t!("model-answer-example")),
    ];
    for (say, example) in lines {
        wrapped_label_ui(ui, Txt::new(say).weak());
        let json = egui::RichText::new(example).monospace().weak();
        ui.horizontal(|ui| ui.label(json)); // egui's row: left to right in both languages
    }
}

/// The explanation, the field and the buttons; `Some(true)`: run, `Some(false)`: cancel.
fn body_ui(ui: &mut egui::Ui, command: &mut String, running: bool) -> Option<bool> {
    column_ui(ui, |ui| {
        ui.set_width(560.0);
        wrapped_label_ui(ui, t!("model-explain"));
        protocol_ui(ui);
        let name = t!("model-command");
        label_ui(ui, name.as_str());
        let field = TextField::new(command).width(f32::INFINITY).id_salt("model-command").name(&name);
        let response = ui.add(field);
        let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if running {
            label_ui(ui, Txt::new(t!("model-wait")).weak());
        }
        let ready = !command.trim().is_empty() && !running;
        let mut answer = None;
        row_ui(ui, |ui| {
            if ui.add_enabled_ui(ready, |ui| button_ui(ui, t!("model-run"))).inner.clicked()
                || (enter && ready)
            {
                answer = Some(true);
            }
            if button_ui(ui, t!("model-cancel")).clicked() {
                answer = Some(false);
            }
        });
        answer
    })
}
