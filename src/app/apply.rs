//! Applying commands, once per frame: article changes go to the editor core, file and dialog
//! commands to `files.rs` and `dialogs.rs`, view and settings commands here. Every error is
//! turned into the status bar's notice here, once (`From<EditorError> for Notice`).

use crate::editor::{EditCommand, EditorError, Notice};
use crate::formats::FormatError;

use super::HashiyaApp;
use super::command::Command;
use super::settings::DEFAULT_FONT_PT;

impl From<EditorError> for Notice {
    fn from(err: EditorError) -> Self {
        if err.is_hint() { Notice::info(err.to_string()) } else { Notice::error(err.to_string()) }
    }
}

impl From<FormatError> for Notice {
    fn from(err: FormatError) -> Self {
        Notice::error(err.to_string())
    }
}

impl HashiyaApp {
    /// Applies one command; a failure becomes the status bar's notice.
    pub(super) fn apply(&mut self, ctx: &egui::Context, cmd: Command) {
        let result = match cmd {
            Command::Edit(edit) => self.edit(edit),
            Command::Dialog(purpose) => {
                let start = self.dialog_start(purpose);
                let notice = self.dialogs.request(ctx, purpose, start, self.settings.builtin_dialogs);
                self.notice = notice.or(self.notice.take());
                Ok(())
            }
            Command::DialogDone(purpose, path) => self.dialog_done(purpose, path),
            Command::Open(path) => self.request_open(path),
            Command::Save => self.save(false),
            Command::OverwriteBrokenStore => self.save(true),
            Command::Quit => {
                self.request_quit(ctx);
                Ok(())
            }
            Command::Reveal(id) => {
                let start = self.workspace.active().and_then(|a| a.ann().entities().get(id)).map(|e| e.start);
                if let Some(start) = start {
                    self.view.reveal(id, start, ctx.input(|i| i.time));
                }
                Ok(())
            }
            view => {
                self.apply_view(ctx, view);
                Ok(())
            }
        };
        if let Err(notice) = result {
            self.notice = Some(notice);
        }
    }

    /// Sends an edit to the active article through the editor core.
    fn edit(&mut self, cmd: EditCommand) -> Result<(), Notice> {
        let Some(id) = self.workspace.active_id() else { return Ok(()) };
        if let Some(notice) = self.workspace.apply(id, cmd)?.notice {
            self.notice = Some(notice);
        }
        Ok(())
    }

    /// Zoom, theme and autosave: settings only.
    fn apply_view(&mut self, ctx: &egui::Context, cmd: Command) {
        match cmd {
            Command::ZoomIn => self.settings.zoom(1),
            Command::ZoomOut => self.settings.zoom(-1),
            Command::ZoomReset => self.settings.font_pt = DEFAULT_FONT_PT,
            Command::ToggleTheme => {
                self.settings.dark = !self.settings.dark;
                ctx.set_theme(if self.settings.dark { egui::Theme::Dark } else { egui::Theme::Light });
            }
            Command::ToggleAutosave => self.settings.autosave = !self.settings.autosave,
            Command::ToggleBuiltinDialogs => self.settings.builtin_dialogs = !self.settings.builtin_dialogs,
            _ => {}
        }
    }
}
