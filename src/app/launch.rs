//! Starting the window: the article is opened by the editor core *before* any window exists,
//! so a missing or unreadable file is reported as such on the command line; then eframe runs.

use std::path::PathBuf;

use anyhow::Context as _;

use super::{HashiyaApp, Settings};
use crate::editor::Workspace;

/// The bundled sample article (written for this project).
pub const SAMPLE_ARTICLE: &str = include_str!("../../assets/sample-article.txt");

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
            app.cmds.extend(folder.map(super::Command::OpenFolder));
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))
}

/// Writes the bundled sample into the user's data folder (once) and returns its path, so it
/// opens and saves like any article.
pub fn sample_path() -> std::io::Result<PathBuf> {
    let base = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .unwrap_or_else(std::env::temp_dir);
    let dir = base.join("hashiya");
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("sample-article.txt");
    if std::fs::read_to_string(&path).ok().as_deref() != Some(SAMPLE_ARTICLE) {
        std::fs::write(&path, SAMPLE_ARTICLE)?;
    }
    Ok(path)
}

/// Adds the bundled Arabic and Latin faces to egui's fonts so UI chrome never lacks glyphs.
pub(super) fn install_ui_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    for (name, bytes) in
        [("noto-sans", crate::text::font_bytes()[2]), ("noto-naskh", crate::text::font_bytes()[0])]
    {
        fonts.font_data.insert(name.to_string(), std::sync::Arc::new(egui::FontData::from_static(bytes)));
        for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
            fonts.families.entry(family).or_default().push(name.to_string());
        }
    }
    ctx.set_fonts(fonts);
}
