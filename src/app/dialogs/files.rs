//! File dialogs that never freeze the window and never fail silently.
//!
//! Native dialogs (rfd: the xdg desktop portal, or zenity) run on a thread of their own and
//! deliver their answer as a [`Command::DialogDone`]. Where neither the portal's file chooser
//! nor zenity is installed, rfd would return nothing at all, so that is checked first: the
//! user is told what to install and gets the built-in picker (`picker.rs`, `picker_ui.rs`)
//! instead, with the recently used folders one click away. Settings can ask for the built-in
//! picker always.

use crate::app::command::{Command, DialogPurpose};
use crate::app::jobs::{Job, Polled};
use crate::app::settings::Settings;
use crate::editor::Notice;
use crate::t;

use super::picker::{PickMode, Picker};
use super::picker_ui::{PickerAnswer, picker_ui};
use std::path::{Path, PathBuf};

/// Where a dialog starts and the file name it suggests.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DialogStart {
    /// Folder shown first.
    pub dir: Option<PathBuf>,
    /// Suggested file name (Save As, Export).
    pub name: Option<String>,
}

/// The dialog that is open, if any (one at a time).
#[derive(Default)]
pub struct Dialogs {
    native: Option<(DialogPurpose, Job<Option<PathBuf>>)>,
    builtin: Option<(DialogPurpose, Picker)>,
    /// Why native dialogs are not used (told to the user once per run).
    told: bool,
}

impl Dialogs {
    /// True while a dialog is open (plain keys then belong to it).
    pub fn is_open(&self) -> bool {
        self.native.is_some() || self.builtin.is_some()
    }

    /// Opens a dialog; returns a notice when it is the built-in one for the first time, or
    /// when a dialog is open already.
    pub fn request(
        &mut self,
        ctx: &egui::Context,
        purpose: DialogPurpose,
        start: DialogStart,
        force_builtin: bool,
    ) -> Option<Notice> {
        if self.is_open() {
            return Some(Notice::info(t!("dialog-open-already")));
        }
        let why_not_native = if force_builtin { Err(None) } else { native_available().map_err(Some) };
        match why_not_native {
            Ok(()) => match spawn_native(ctx, purpose, start) {
                Ok(job) => {
                    self.native = Some((purpose, job));
                    None
                }
                Err(e) => Some(Notice::error(t!("dialog-could-not-open", detail = e.to_string()))),
            },
            Err(reason) => {
                self.builtin = Some((purpose, builtin(purpose, start)));
                let tell = reason.filter(|_| !std::mem::replace(&mut self.told, true));
                tell.map(|r| Notice::warn(t!("dialog-using-builtin", reason = r)))
            }
        }
    }

    /// Shows the built-in dialog and collects answers (of either kind) as commands.
    pub fn dialogs_ui(&mut self, ctx: &egui::Context, settings: &Settings) -> Vec<Command> {
        let mut out = Vec::new();
        if let Some((purpose, job)) = &self.native {
            match job.poll() {
                Polled::Done(path) => out.push(Command::DialogDone(*purpose, path)),
                Polled::Stopped => out.push(Command::DialogDone(*purpose, None)),
                Polled::Running => {}
            }
            if !out.is_empty() {
                self.native = None;
            }
        }
        if let Some((purpose, picker)) = &mut self.builtin {
            let done = match picker_ui(ctx, picker, &settings.recent_dirs) {
                PickerAnswer::Open => None,
                PickerAnswer::Chosen(path) => Some(Some(path)),
                PickerAnswer::Cancelled => Some(None),
            };
            if let Some(path) = done {
                out.push(Command::DialogDone(*purpose, path));
                self.builtin = None;
            }
        }
        out
    }
}

/// Runs the native dialog on its own thread; the window keeps drawing meanwhile.
fn spawn_native(
    ctx: &egui::Context,
    purpose: DialogPurpose,
    start: DialogStart,
) -> std::io::Result<Job<Option<PathBuf>>> {
    // The filter names are the window's words, looked up here (the thread has no language).
    let (articles, all, gazetteer, annotations) =
        (t!("filter-articles"), t!("filter-all"), t!("filter-gazetteer"), t!("filter-annotations"));
    Job::spawn_waking("hashiya-file-dialog", ctx, move || {
        let mut dialog = rfd::FileDialog::new();
        if let Some(dir) = start.dir {
            dialog = dialog.set_directory(dir);
        }
        if let Some(name) = start.name {
            dialog = dialog.set_file_name(name);
        }
        match purpose {
            DialogPurpose::Open => dialog.add_filter(articles, &["txt"]).add_filter(all, &["*"]).pick_file(),
            DialogPurpose::Gazetteer => dialog.add_filter(gazetteer, &["tsv", "txt", "csv"]).pick_file(),
            DialogPurpose::Import(format) => {
                let ext = format.extension();
                dialog.add_filter(ext, &[ext, "txt", "tsv"]).add_filter(all, &["*"]).pick_file()
            }
            DialogPurpose::SaveAs | DialogPurpose::Export(_) => dialog.save_file(),
            DialogPurpose::OpenFolder | DialogPurpose::CompareFolder | DialogPurpose::PriorFolder => {
                dialog.pick_folder()
            }
            DialogPurpose::CompareFile => {
                dialog.add_filter(annotations, &["ron", "txt"]).add_filter(all, &["*"]).pick_file()
            }
        }
    })
}

/// The built-in picker for `purpose`, starting where `start` says.
fn builtin(purpose: DialogPurpose, start: DialogStart) -> Picker {
    let (mode, title) = match purpose {
        DialogPurpose::Open => (PickMode::Open, t!("picker-open")),
        DialogPurpose::OpenFolder => (PickMode::Folder, t!("picker-open-folder")),
        DialogPurpose::Import(f) => (PickMode::Open, t!("picker-import", format = f.name())),
        DialogPurpose::Gazetteer => (PickMode::Open, t!("picker-gazetteer")),
        DialogPurpose::SaveAs => (PickMode::Save, t!("picker-save-as")),
        DialogPurpose::Export(f) => (PickMode::Save, t!("picker-export", format = f.name())),
        DialogPurpose::CompareFile => (PickMode::Open, t!("picker-compare-file")),
        DialogPurpose::CompareFolder => (PickMode::Folder, t!("picker-compare-folder")),
        DialogPurpose::PriorFolder => (PickMode::Folder, t!("picker-prior-folder")),
    };
    Picker::new(mode, title, start.dir, start.name)
}

/// Whether rfd can show a native dialog here; the reason and the fix when it cannot.
fn native_available() -> Result<(), String> {
    if !cfg!(target_os = "linux") {
        return Ok(());
    }
    if std::env::var_os("HASHIYA_FILE_DIALOG").is_some_and(|v| v == "builtin") {
        return Err(t!("dialog-env-builtin"));
    }
    if on_path("zenity") || (session_bus() && portal_file_chooser()) {
        return Ok(());
    }
    Err(t!("dialog-no-native"))
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|d| d.join(program).is_file()))
}

fn session_bus() -> bool {
    std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
        || std::env::var_os("XDG_RUNTIME_DIR").is_some_and(|d| Path::new(&d).join("bus").exists())
}

/// A portal backend that implements the file chooser is installed.
fn portal_file_chooser() -> bool {
    let Ok(entries) = std::fs::read_dir("/usr/share/xdg-desktop-portal/portals") else { return false };
    entries.flatten().any(|e| {
        std::fs::read_to_string(e.path())
            .is_ok_and(|text| text.contains("org.freedesktop.impl.portal.FileChooser"))
    })
}
