//! Applying commands: the only place where the window changes the session, the settings or
//! the files. Dialogs (rfd) are opened here, at the edge.

use std::path::PathBuf;

use crate::cli::Format;
use crate::model::{Edit, Transaction};

use super::command::Command;
use super::session::Notice;
use super::{HashiyaApp, Pending};

impl HashiyaApp {
    /// Applies one command.
    pub(super) fn apply(&mut self, ctx: &egui::Context, cmd: Command) {
        let result = match cmd {
            Command::OpenDialog => {
                let picked = rfd::FileDialog::new()
                    .add_filter("Articles", &["txt"])
                    .add_filter("All files", &["*"])
                    .pick_file();
                self.cmds.extend(picked.map(Command::Open));
                Ok(())
            }
            Command::Open(path) => self.request_open(path),
            Command::Save => self.with_session(|s| s.save(false).map(Some)),
            Command::OverwriteBrokenStore => self.with_session(|s| s.save(true).map(Some)),
            Command::SaveAsDialog => self.save_as(),
            Command::ExportDialog(format) => self.export_dialog(format),
            Command::ImportDialog(format) => self.import_dialog(format),
            Command::Quit => {
                self.request_quit(ctx);
                Ok(())
            }
            Command::ZoomIn => {
                self.settings.zoom(1);
                Ok(())
            }
            Command::ZoomOut => {
                self.settings.zoom(-1);
                Ok(())
            }
            Command::ZoomReset => {
                self.settings.font_pt = super::settings::DEFAULT_FONT_PT;
                Ok(())
            }
            Command::ToggleTheme => {
                self.settings.dark = !self.settings.dark;
                ctx.set_theme(if self.settings.dark { egui::Theme::Dark } else { egui::Theme::Light });
                Ok(())
            }
            Command::ToggleAutosave => {
                self.settings.autosave = !self.settings.autosave;
                Ok(())
            }
            Command::Reveal(id) => {
                let start = self.session.as_ref().and_then(|s| s.ann.entities().get(id)).map(|e| e.start);
                let now = ctx.input(|i| i.time);
                if let Some(start) = start {
                    self.view.reveal(id, start, now);
                }
                Ok(())
            }
            other => self.apply_edit_command(other),
        };
        if let Err(notice) = result {
            self.notice = Some(notice);
        }
    }

    /// Commands that change the selection or the annotations.
    fn apply_edit_command(&mut self, cmd: Command) -> Result<(), Notice> {
        let Some(s) = &mut self.session else { return Ok(()) };
        let tx = match cmd {
            Command::Select { anchor, caret } => {
                s.selection = Some(super::Selection { anchor, caret });
                s.selected = None;
                None
            }
            Command::SelectEntity(id) => {
                s.selected = Some(id);
                s.selection = None;
                None
            }
            Command::ClearSelection => {
                s.selection = None;
                s.selected = None;
                None
            }
            Command::Tag(label) => {
                s.tag(label)?;
                None
            }
            Command::Delete(id) => s.delete_tx(id),
            Command::Relabel(id, label) => s.relabel_tx(id, label),
            Command::AdjustEdge(id, edge, delta) => s.adjust_tx(id, edge, delta),
            Command::SetRange(id, range) => s.set_range_tx(id, range),
            Command::SetLabels(new) => {
                Some(Transaction::single(Edit::Labels { old: s.ann.labels().clone(), new }))
            }
            Command::Undo => {
                s.undo()?;
                None
            }
            Command::Redo => {
                s.redo()?;
                None
            }
            _ => None,
        };
        if let Some(tx) = tx {
            s.edit(tx)?;
            if s.selected.is_some_and(|id| s.ann.entities().get(id).is_none()) {
                s.selected = None;
            }
        }
        Ok(())
    }

    fn with_session(
        &mut self,
        f: impl FnOnce(&mut super::Session) -> Result<Option<Notice>, Notice>,
    ) -> Result<(), Notice> {
        let Some(s) = &mut self.session else { return Ok(()) };
        if let Some(n) = f(s)? {
            self.notice = Some(n);
        }
        Ok(())
    }

    fn save_as(&mut self) -> Result<(), Notice> {
        let Some(s) = &self.session else { return Ok(()) };
        let name = s.store_path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let dir = s.store_path.parent().map(PathBuf::from).unwrap_or_default();
        let Some(path) = rfd::FileDialog::new().set_directory(dir).set_file_name(name).save_file() else {
            return Ok(());
        };
        self.with_session(|s| s.save_to(&path).map(Some))
    }

    fn request_open(&mut self, path: PathBuf) -> Result<(), Notice> {
        if self.session.as_ref().is_some_and(|s| s.is_dirty()) {
            if self.settings.autosave {
                self.with_session(|s| s.save(false).map(Some))?;
            } else {
                self.pending = Some(Pending::Open(path));
                return Ok(());
            }
        }
        self.open(&path);
        Ok(())
    }

    fn request_quit(&mut self, ctx: &egui::Context) {
        let dirty = self.session.as_ref().is_some_and(|s| s.is_dirty());
        if dirty && !self.settings.autosave {
            self.pending = Some(Pending::Quit);
        } else {
            self.allow_close = !dirty;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// Intercepts the window's close button: saves (autosave) or asks first.
    pub(super) fn handle_close(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) || self.allow_close {
            return;
        }
        let Some(s) = &mut self.session else { return };
        if !s.is_dirty() {
            return;
        }
        if self.settings.autosave {
            if let Err(n) = s.save(false) {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.notice = Some(n);
                self.pending = Some(Pending::Quit);
            }
        } else {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.pending = Some(Pending::Quit);
        }
    }

    /// The "unsaved changes" question.
    pub(super) fn pending_ui(&mut self, ctx: &egui::Context) {
        let Some(pending) = self.pending.clone() else { return };
        let mut answer = None;
        egui::Modal::new(egui::Id::unique("unsaved")).show(ctx, |ui| {
            ui.heading("Unsaved annotations");
            ui.label("Save your changes before continuing?");
            if let Some(n) = &self.notice {
                ui.label(&n.text);
            }
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    answer = Some(true);
                }
                if ui.button("Discard changes").clicked() {
                    answer = Some(false);
                }
                if ui.button("Cancel").clicked() {
                    self.pending = None;
                }
            });
        });
        let Some(save) = answer else { return };
        if let (true, Some(Err(n))) = (save, self.session.as_mut().map(|s| s.save(false))) {
            self.notice = Some(n);
            return;
        }
        self.pending = None;
        match pending {
            Pending::Quit => {
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Pending::Open(path) => self.open(&path),
        }
    }

    fn export_dialog(&mut self, format: Format) -> Result<(), Notice> {
        let Some(s) = &self.session else { return Ok(()) };
        let stem = s.path.file_stem().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let dir = s.path.parent().map(PathBuf::from).unwrap_or_default();
        let name = format!("{stem}.{}", super::exchange::extension(format));
        let Some(out) = rfd::FileDialog::new().set_directory(dir).set_file_name(name).save_file() else {
            return Ok(());
        };
        self.notice = Some(super::exchange::export_to(format, s, &out)?);
        Ok(())
    }

    fn import_dialog(&mut self, format: Format) -> Result<(), Notice> {
        let ext = super::exchange::extension(format);
        let Some(input) = rfd::FileDialog::new().add_filter(ext, &[ext, "txt", "tsv"]).pick_file() else {
            return Ok(());
        };
        let (written, notice) = super::exchange::import_from(format, &input)?;
        if let Some(first) = written.first() {
            self.request_open(first.clone())?;
        }
        self.notice = Some(notice);
        Ok(())
    }
}
