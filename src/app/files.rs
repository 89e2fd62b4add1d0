//! Everything the window does with files: open (asking about unsaved work first), save,
//! autosave, save on exit, Save As, export and import. Exchange files go through
//! `formats::exchange`, the same functions as the command line.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::editor::{DiskChange, Level, Notice};
use crate::formats::exchange::{self, Format};

use super::command::DialogPurpose;
use super::dialogs::{Answer, DialogStart, unsaved_question_ui};
use super::window::{HashiyaApp, Pending};
use crate::t;

impl HashiyaApp {
    /// Opens an article as the active one; the previously active article is closed (its
    /// changes were saved or discarded by [`HashiyaApp::request_open`]).
    pub(super) fn open(&mut self, path: &Path) {
        let previous = self.workspace.active_id();
        match self.workspace.open(path) {
            Ok(opened) => {
                if let Some(old) = previous.filter(|old| *old != opened.id) {
                    self.workspace.close(old);
                }
                self.settings.push_recent(path.to_path_buf());
                self.seen_revision = self.workspace.active().map_or(0, |a| a.revision());
                self.open_error = None;
                let fallback = Notice::info(t!("notice-opened", path = path.display()));
                self.notice = Some(opened.notices.into_iter().last().unwrap_or(fallback));
                self.corpus_opened(path);
                self.adopt_corpus_undo(path);
            }
            Err(err) => {
                let notice = Notice::from(err);
                if self.workspace.is_empty() {
                    self.open_error = Some(notice.text.clone());
                }
                self.notice = Some(notice);
            }
        }
    }

    /// Opens `path` after saving (autosave) or asking about unsaved changes.
    pub(super) fn request_open(&mut self, path: PathBuf) -> Result<(), Notice> {
        if self.corpus_job.is_some() {
            return Err(Notice::warn(t!("open-wait-corpus-job")));
        }
        if self.workspace.active().is_some_and(|a| a.is_dirty()) {
            if !self.settings.autosave {
                self.pending = Some(Pending::Open(path));
                return Ok(());
            }
            self.save(false)?;
        }
        self.open(&path);
        Ok(())
    }

    /// Saves the active article's annotations (`force`: over a broken file).
    pub(super) fn save(&mut self, force: bool) -> Result<(), Notice> {
        let Some(article) = self.workspace.active_mut() else { return Ok(()) };
        self.notice = Some(article.save(force)?);
        Ok(())
    }

    /// Where a file dialog starts, and the file name it suggests.
    pub(super) fn dialog_start(&self, purpose: DialogPurpose) -> DialogStart {
        let article = self.workspace.active();
        let parent = |p: &Path| p.parent().map(Path::to_path_buf);
        let stem = article.and_then(|a| a.path.file_stem()).map(|s| s.to_string_lossy().into_owned());
        let (dir, name) = match purpose {
            DialogPurpose::SaveAs => {
                let store = article.map(|a| a.store_path.clone());
                let name =
                    store.as_ref().and_then(|s| s.file_name()).map(|n| n.to_string_lossy().into_owned());
                (store.as_deref().and_then(parent), name)
            }
            DialogPurpose::Export(format) => {
                (article.and_then(|a| parent(&a.path)), stem.map(|s| format!("{s}.{}", format.extension())))
            }
            DialogPurpose::Open
            | DialogPurpose::OpenFolder
            | DialogPurpose::Import(_)
            | DialogPurpose::CompareFile
            | DialogPurpose::CompareFolder
            | DialogPurpose::Gazetteer => (article.and_then(|a| parent(&a.path)), None),
            DialogPurpose::PriorFolder => {
                let root = self.corpus.as_ref().and_then(|c| std::fs::canonicalize(c.corpus.root()).ok());
                (root.as_deref().and_then(parent), None)
            }
        };
        let dir = dir.or_else(|| self.settings.recent_dirs.first().cloned());
        DialogStart { dir, name }
    }

    /// A dialog answered: carry out what it was opened for.
    pub(super) fn dialog_done(
        &mut self,
        purpose: DialogPurpose,
        path: Option<PathBuf>,
    ) -> Result<(), Notice> {
        let Some(path) = path else { return Ok(()) };
        if let Some(dir) = path.parent() {
            self.settings.push_recent_dir(dir.to_path_buf());
        }
        match purpose {
            DialogPurpose::Open => self.request_open(path),
            DialogPurpose::OpenFolder => self.open_folder(&path),
            DialogPurpose::SaveAs => {
                let Some(article) = self.workspace.active_mut() else { return Ok(()) };
                self.notice = Some(article.save_to(&path)?);
                Ok(())
            }
            DialogPurpose::Export(format) => self.export(format, &path),
            DialogPurpose::Import(format) => self.import(format, &path),
            DialogPurpose::CompareFile | DialogPurpose::CompareFolder => self.compare_with(path),
            DialogPurpose::Gazetteer => {
                self.suggest_from_gazetteer(path);
                Ok(())
            }
            DialogPurpose::PriorFolder => self.learn_edit(crate::learn::edit::LearnEdit::LearnFrom(path)),
        }
    }

    fn export(&mut self, format: Format, out: &Path) -> Result<(), Notice> {
        let Some(a) = self.workspace.active() else { return Ok(()) };
        let with = self.settings.export_suggestions.then(|| exchange::with_suggestions(&a.doc, a.ann()));
        let report = exchange::export_to(format, &a.path, &a.doc, with.as_ref().unwrap_or(a.ann()), out)
            .map_err(|e| Notice::error(t!("export-failed", detail = e.to_string())))?;
        let mut text = t!("export-done", n = report.entities, path = out.display());
        for note in report.notes() {
            text.push_str("; ");
            text.push_str(&note);
        }
        self.notice = Some(if report.notes().is_empty() { Notice::info(text) } else { Notice::warn(text) });
        Ok(())
    }

    /// Imports into the input's folder and opens the first imported article.
    fn import(&mut self, format: Format, input: &Path) -> Result<(), Notice> {
        let fail =
            |e: crate::formats::FormatError| Notice::error(t!("import-failed", detail = e.to_string()));
        let imported = exchange::read_import(format, input).map_err(fail)?;
        let dir = input.parent().map(Path::to_path_buf).unwrap_or_default();
        let annotator =
            self.workspace.annotator().map_or_else(|| crate::corpus::annotator_for(&dir), str::to_string);
        let written = exchange::write_documents(&dir, &imported, &annotator).map_err(fail)?;
        let mut text = t!("import-done", docs = written.len(), n = imported.entity_count());
        if let Some(first) = imported.warnings.first() {
            text.push_str(&t!("warnings-first", n = imported.warnings.len(), first = first.to_string()));
        }
        if let Some(first) = written.first() {
            self.request_open(first.clone())?;
        }
        self.notice =
            Some(if imported.warnings.is_empty() { Notice::info(text) } else { Notice::warn(text) });
        Ok(())
    }

    /// Saves 800 ms after the last change while autosave is on; retries 10 s after a failure.
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        let Some(article) = self.workspace.active_mut() else { return };
        if article.revision() != self.seen_revision {
            self.seen_revision = article.revision();
            self.changed_at = Some(Instant::now());
        }
        if !self.settings.autosave || article.store_is_broken() || !article.is_dirty() {
            return;
        }
        if self.changed_at.is_some_and(|t| t.elapsed() < Duration::from_millis(800)) {
            ctx.request_repaint_after(Duration::from_millis(200));
            return;
        }
        if let Err(err) = article.save(false) {
            self.notice = Some(err.into());
            self.changed_at = Some(Instant::now() + Duration::from_secs(10));
        }
    }

    /// Every [`DISK_CHECK`]: reloads the active article when its annotation file changed on
    /// disk and nothing is unsaved here, or says at once that saving will ask first.
    pub(super) fn watch_disk(&mut self, ctx: &egui::Context) {
        let Some(article) = self.workspace.active_mut() else { return };
        ctx.request_repaint_after(DISK_CHECK);
        if self.disk_checked.is_some_and(|t| t.elapsed() < DISK_CHECK) {
            return;
        }
        self.disk_checked = Some(Instant::now());
        match article.check_disk() {
            DiskChange::None => {}
            DiskChange::Conflict(notice) => self.notice = Some(notice),
            DiskChange::Reload(notice) => {
                let (path, id) = (article.path.clone(), self.workspace.active_id());
                // Closed first: its journal (if any) is released before the article opens again.
                if let Some(id) = id {
                    self.workspace.close(id);
                }
                self.open(&path);
                if self.notice.as_ref().is_none_or(|n| n.level == Level::Info) {
                    self.notice = Some(notice);
                }
            }
        }
    }

    pub(super) fn request_quit(&mut self, ctx: &egui::Context) {
        let dirty = !self.workspace.dirty().is_empty();
        if dirty && !self.settings.autosave {
            self.pending = Some(Pending::Quit);
        } else {
            self.allow_close = !dirty;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// Intercepts the window's close button: saves (autosave) or asks first.
    pub(super) fn handle_close(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested())
            || self.allow_close
            || self.workspace.dirty().is_empty()
        {
            return;
        }
        if self.settings.autosave {
            if let Some((_, err)) = self.workspace.save_all().into_iter().next() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.notice = Some(err.into());
                self.pending = Some(Pending::Quit);
            }
        } else {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.pending = Some(Pending::Quit);
        }
    }

    /// The window is closing: save with autosave on. Nowhere is left to show an error, so it
    /// is printed.
    pub(super) fn save_on_exit(&mut self) {
        if self.settings.autosave {
            for (_, err) in self.workspace.save_all() {
                eprintln!("hashiya: {err}");
            }
        }
    }

    /// The "unsaved changes" question.
    pub(super) fn pending_ui(&mut self, ctx: &egui::Context) {
        let Some(pending) = self.pending.clone() else { return };
        let blocked = self.workspace.active().is_some_and(crate::editor::Article::store_is_broken);
        let notice = self.notice.as_ref().map(crate::app::i18n::notice_text);
        let Some(answer) = unsaved_question_ui(ctx, blocked, notice.as_deref()) else { return };
        let failed = match answer {
            Answer::Cancel => {
                self.pending = None;
                return;
            }
            Answer::Save => self.workspace.save_all().into_iter().next().map(|(_, err)| err.into()),
            Answer::Overwrite => self.save(true).err(),
            Answer::Discard => {
                // Discarded on purpose: the edit journal must not restore them at the next open.
                self.workspace.discard_journals();
                None
            }
        };
        if let Some(notice) = failed {
            self.notice = Some(notice);
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
}

/// How often the window looks at the active article's annotation file on disk.
pub(super) const DISK_CHECK: Duration = Duration::from_secs(1);
