//! Starting the window. What a path given on the command line (or by a file manager, through
//! the desktop entry) opens is decided by [`open_target`]. The article is opened by
//! the editor core *before* any window exists, so in a terminal a missing or unreadable file is
//! reported there; started without a terminal (from a menu or a file manager) the window opens
//! and says what is wrong. eframe gets the app id desktops know Hashiya by and its icon.

use std::io::IsTerminal as _;
use std::path::PathBuf;

use anyhow::Context as _;

use super::command::Command;
use super::sample::sample_path;
use super::settings::Settings;
use super::target::{OpenTarget, open_target};
use super::window::HashiyaApp;
use crate::about::{APP_ID, ICON_PNG};
use crate::editor::{Notice, Workspace};

/// Opens `file` (or the bundled sample), then the window. The edge of the program: errors are
/// `anyhow` for `main` to print.
pub fn run(file: Option<PathBuf>) -> anyhow::Result<()> {
    let path = match file {
        Some(path) => path,
        None => sample_path().context("could not write the sample article to the data folder")?,
    };
    let mut workspace = Workspace::new();
    let opened = match open_target(&path) {
        OpenTarget::Folder(dir) => {
            // Refuse an unreadable folder here; the window opens it as a corpus.
            crate::corpus::Corpus::open(&dir).map(|_| Start::Folder(dir)).map_err(anyhow::Error::from)
        }
        OpenTarget::Article(article) => {
            workspace.open(&article).map(|o| Start::Opened(o.notices)).map_err(Into::into)
        }
        OpenTarget::MissingArticle { annotations, article } => {
            Ok(Start::Error(OpenTarget::missing_text(&annotations, &article)))
        }
    };
    match opened {
        Ok(start) => run_window(workspace, start),
        // Without a terminal nobody would read the message: the window says it (and when no
        // window can open either, the error is the file's, not the display's).
        Err(err) if !std::io::stderr().is_terminal() => {
            run_window(workspace, Start::Error(format!("{err:#}"))).map_err(|_| err)
        }
        Err(err) => Err(err),
    }
}

/// What the window starts with besides the workspace.
enum Start {
    /// The workspace's article, with the notices of opening it.
    Opened(Vec<Notice>),
    /// A folder to open as a corpus.
    Folder(PathBuf),
    /// Nothing could be opened: why, shown in the window.
    Error(String),
}

/// Runs eframe around an opened workspace.
fn run_window(workspace: Workspace, start: Start) -> anyhow::Result<()> {
    let mut viewport = egui::ViewportBuilder::default()
        .with_inner_size([1280.0, 860.0])
        .with_drag_and_drop(true)
        .with_title("Hashiya")
        .with_app_id(APP_ID);
    if let Ok(icon) = eframe::icon_data::from_png_bytes(ICON_PNG) {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        persist_window: true,
        // The app id names the window for desktops; settings stay where they always were.
        persistence_path: Some(crate::about::settings_file()),
        ..Default::default()
    };
    eframe::run_native(
        "Hashiya",
        options,
        Box::new(move |cc| {
            let settings = cc.storage.and_then(|s| eframe::get_value(s, Settings::KEY)).unwrap_or_default();
            let (notices, folder, error) = match start {
                Start::Opened(notices) => (notices, None, None),
                Start::Folder(dir) => (Vec::new(), Some(dir), None),
                Start::Error(text) => (Vec::new(), None, Some(text)),
            };
            let mut app = HashiyaApp::with_workspace(&cc.egui_ctx, settings, workspace, notices);
            if let Some(folder) = folder {
                app.push_command(Command::OpenFolder(folder));
            }
            if let Some(text) = error {
                app.show_open_error(text);
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_icon_decodes() {
        let icon = eframe::icon_data::from_png_bytes(ICON_PNG).expect("icon");
        assert_eq!((icon.width, icon.height), (256, 256));
    }
}
