//! The error type of the formats layer: every problem says which file and, where it has one,
//! which line and column (1-based, columns in code points).

use std::path::{Path, PathBuf};

use thiserror::Error;

/// A place in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file.
    pub path: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in code points.
    pub column: usize,
}

impl Location {
    /// A location from a path, line and column.
    pub fn new(path: &Path, line: usize, column: usize) -> Self {
        Self { path: path.to_path_buf(), line, column }
    }

    /// The 1-based line and column of byte offset `byte` in `text`.
    pub fn of_byte(path: &Path, text: &str, byte: usize) -> Self {
        let byte = text.floor_char_boundary(byte);
        let before = &text[..byte];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Self::new(path, line, column)
    }
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.path.display(), self.line, self.column)
    }
}

/// Anything that went wrong reading or writing a file.
#[derive(Debug, Error)]
pub enum FormatError {
    /// The file could not be read, written or renamed.
    #[error("{path}: {source}", path = .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the OS said.
        #[source]
        source: std::io::Error,
    },
    /// The content is malformed or inconsistent at a place.
    #[error("{at}: {message}")]
    At {
        /// Where.
        at: Location,
        /// What is wrong and what was expected.
        message: String,
    },
    /// The file as a whole is unusable (binary, empty, too large, wrong kind).
    #[error("{path}: {message}", path = .path.display())]
    File {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}

impl FormatError {
    /// An I/O error on `path`.
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        FormatError::Io { path: path.to_path_buf(), source }
    }

    /// A problem at a location.
    pub fn at(at: Location, message: impl Into<String>) -> Self {
        FormatError::At { at, message: message.into() }
    }

    /// A problem with a whole file.
    pub fn file(path: &Path, message: impl Into<String>) -> Self {
        FormatError::File { path: path.to_path_buf(), message: message.into() }
    }
}

/// `bytes` as text; if they are not UTF-8, an error located at the first bad byte (line and
/// column counted in the valid text before it) that says `message`.
pub(crate) fn utf8_text(path: &Path, bytes: Vec<u8>, message: &str) -> Result<String, FormatError> {
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let prefix = e.as_bytes().get(..valid).and_then(|b| std::str::from_utf8(b).ok()).unwrap_or("");
        FormatError::at(Location::of_byte(path, prefix, valid), message)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn location_counts_code_points() {
        let text = "سطر\nفي باكو";
        let at = Location::of_byte(Path::new("a.txt"), text, text.find("باكو").unwrap_or(0));
        assert_eq!(at.to_string(), "a.txt:2:4");
    }

    #[test]
    fn bad_utf8_is_located_at_its_first_bad_byte() {
        let mut bytes = "سطر\nفي باكو".as_bytes().to_vec();
        bytes.truncate(bytes.len() - 1);
        let err = utf8_text(Path::new("a.txt"), bytes, "not UTF-8").expect_err("cut in a letter");
        assert_eq!(err.to_string(), "a.txt:2:7: not UTF-8");
        assert_eq!(utf8_text(Path::new("a.txt"), b"ok".to_vec(), "").ok().as_deref(), Some("ok"));
    }
}
