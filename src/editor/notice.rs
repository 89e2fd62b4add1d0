//! Messages for the user: what the editor reports besides errors (opened, saved, re-anchored).

/// How serious a notice is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Information.
    Info,
    /// Something the user should look at.
    Warning,
    /// Something failed.
    Error,
}

/// A message for the status bar or the notice area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Severity.
    pub level: Level,
    /// Text shown to the user (in English: the command line's words, and the window's when the
    /// notice has no [`Notice::message`]).
    pub text: String,
    /// The window's catalogue key for this notice and its values (names, paths, counts as
    /// written), so the window can say it in its own language; `None`: the window shows `text`.
    pub message: Option<(&'static str, Vec<(&'static str, String)>)>,
}

impl Notice {
    /// An informational notice.
    pub fn info(text: impl Into<String>) -> Self {
        Self { level: Level::Info, text: text.into(), message: None }
    }

    /// A warning.
    pub fn warn(text: impl Into<String>) -> Self {
        Self { level: Level::Warning, text: text.into(), message: None }
    }

    /// An error.
    pub fn error(text: impl Into<String>) -> Self {
        Self { level: Level::Error, text: text.into(), message: None }
    }

    /// The same notice with the window's catalogue key `key` and its values.
    pub fn keyed(mut self, key: &'static str, args: &[(&'static str, String)]) -> Self {
        self.message = Some((key, args.to_vec()));
        self
    }
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}
