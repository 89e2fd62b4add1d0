//! Preferences persisted with eframe's storage: recent files and folders, zoom, the reader's
//! typography (font, line height, tashkeel), theme, autosave, which file dialogs to use, and
//! the window's language.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::i18n::{Lang, system_language};
use crate::text::{LINE_HEIGHT, ReadingFont, TextStyle};

/// Default body font size in points.
pub const DEFAULT_FONT_PT: f32 = 20.0;
const MAX_RECENT: usize = 10;
/// Documents whose reading position is kept.
const MAX_READING: usize = 200;

/// User preferences that survive restarts (window size is kept by eframe itself).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Most recent first.
    pub recent: Vec<PathBuf>,
    /// Body font size in points (zoom).
    pub font_pt: f32,
    /// Dark theme.
    pub dark: bool,
    /// Save shortly after each change and on exit.
    pub autosave: bool,
    /// Folders files were picked in, most recent first (offered by the built-in file picker).
    pub recent_dirs: Vec<PathBuf>,
    /// Always use the built-in file picker, even where native dialogs work.
    pub builtin_dialogs: bool,
    /// The annotator name written into saved files (empty: the corpus's default annotator,
    /// `$HASHIYA_ANNOTATOR`, or the OS user name).
    pub annotator: String,
    /// Learned suggestions less sure than this (0 to 1) are not shown.
    pub learn_threshold: f32,
    /// Export writes the suggestions as entities too (`--include-suggestions` on the command
    /// line).
    pub export_suggestions: bool,
    /// The window's language (`None`: the system's, from `LC_ALL` / `LC_MESSAGES` / `LANG`).
    pub language: Option<Lang>,
    /// Where each document was last read: its path and the first byte of the paragraph at the
    /// top of the view, most recent first (documents read from their top are not listed).
    pub reading: Vec<(PathBuf, usize)>,
    /// The article's face.
    pub reading_font: ReadingFont,
    /// The article's line height, a multiple of the font size.
    pub line_height: f32,
    /// Draw tashkeel in the article (hidden marks stay in the text and its offsets).
    pub tashkeel: bool,
    /// The command of the user's own model last run from Suggest > Your own model….
    pub model_command: String,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            recent: Vec::new(),
            font_pt: DEFAULT_FONT_PT,
            dark: false,
            autosave: true,
            recent_dirs: Vec::new(),
            builtin_dialogs: false,
            annotator: String::new(),
            learn_threshold: crate::learn::layer::DEFAULT_MIN_CONFIDENCE,
            export_suggestions: false,
            language: None,
            reading: Vec::new(),
            reading_font: ReadingFont::default(),
            line_height: LINE_HEIGHT,
            tashkeel: true,
            model_command: String::new(),
        }
    }
}

impl Settings {
    /// Storage key.
    pub const KEY: &'static str = "hashiya-settings";

    /// Moves `path` to the front of the recent list.
    pub fn push_recent(&mut self, path: PathBuf) {
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }

    /// Moves `dir` to the front of the recent folders.
    pub fn push_recent_dir(&mut self, dir: PathBuf) {
        self.recent_dirs.retain(|p| *p != dir);
        self.recent_dirs.insert(0, dir);
        self.recent_dirs.truncate(MAX_RECENT);
    }

    /// The window's language: the chosen one, or the system's.
    pub fn language(&self) -> Lang {
        self.language.unwrap_or_else(system_language)
    }

    /// Where the document at `path` was last read (`None`: at its top, or never).
    pub fn reading_position(&self, path: &std::path::Path) -> Option<usize> {
        self.reading.iter().find(|(p, _)| p == path).map(|(_, at)| *at)
    }

    /// Remembers where the document at `path` is being read (0: its top, forgotten).
    pub fn set_reading_position(&mut self, path: &std::path::Path, at: usize) {
        self.reading.retain(|(p, _)| p != path);
        if at > 0 {
            self.reading.insert(0, (path.to_path_buf(), at));
            self.reading.truncate(MAX_READING);
        }
    }

    /// The article's typography: font, line height (kept in 1.2..3) and tashkeel.
    pub fn text_style(&self) -> TextStyle {
        TextStyle {
            font: self.reading_font,
            line_height: self.line_height.clamp(1.2, 3.0),
            tashkeel: self.tashkeel,
        }
    }

    /// Zooms by `steps` (±1), clamped to a readable range.
    pub fn zoom(&mut self, steps: i32) {
        self.font_pt = (self.font_pt * 1.1f32.powi(steps)).clamp(10.0, 64.0).round();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_is_deduplicated_and_bounded() {
        let mut s = Settings::default();
        for i in 0..15 {
            s.push_recent(PathBuf::from(format!("{}.txt", i % 12)));
        }
        s.push_recent(PathBuf::from("3.txt"));
        assert_eq!(s.recent.len(), MAX_RECENT);
        assert_eq!(s.recent[0], PathBuf::from("3.txt"));
        assert_eq!(s.recent.iter().filter(|p| p.as_path() == std::path::Path::new("3.txt")).count(), 1);
    }

    #[test]
    fn zoom_is_clamped() {
        let mut s = Settings::default();
        for _ in 0..50 {
            s.zoom(1);
        }
        assert_eq!(s.font_pt, 64.0);
        for _ in 0..80 {
            s.zoom(-1);
        }
        assert_eq!(s.font_pt, 10.0);
    }
}
