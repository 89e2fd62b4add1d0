//! Starting the window: the article is opened by the editor core *before* any window exists,
//! so a missing or unreadable file is reported as such on the command line; then eframe runs.

use std::path::PathBuf;

use anyhow::Context as _;

use super::command::Command;
use super::sample::sample_path;
use super::settings::Settings;
use super::window::HashiyaApp;
use crate::editor::Workspace;

/// Opens `file` (or the bundled sample), then the window. The edge of the program: errors are
/// `anyhow` for `main` to print.
pub fn run(file: Option<PathBuf>) -> anyhow::Result<()> {
    let path = match file {
        Some(path) => path,
        None => sample_path().context("could not write the sample article to the data folder")?,
    };
    let mut workspace = Workspace::new();
    if path.is_dir() {
        // A folder is a corpus: refuse an unreadable one here, open it in the window.
        crate::corpus::Corpus::open(&path)?;
        return run_window(workspace, Vec::new(), Some(path));
    }
    let opened = workspace.open(&path)?;
    run_window(workspace, opened.notices, None)
}

/// Runs eframe around an opened workspace (and a folder to open as a corpus).
fn run_window(
    workspace: Workspace,
    notices: Vec<crate::editor::Notice>,
    folder: Option<PathBuf>,
) -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1280.0, 860.0])
            .with_drag_and_drop(true)
            .with_title("Hashiya"),
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native(
        "Hashiya",
        options,
        Box::new(move |cc| {
            let settings = cc.storage.and_then(|s| eframe::get_value(s, Settings::KEY)).unwrap_or_default();
            let mut app = HashiyaApp::with_workspace(&cc.egui_ctx, settings, workspace, notices);
            if let Some(folder) = folder {
                app.push_command(Command::OpenFolder(folder));
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))
}
