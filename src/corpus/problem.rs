//! What can be wrong with a file of a corpus, and the corpus layer's error type. A problem
//! never stops a listing, a scan or an export: it is collected and shown, and the file it is
//! about is never written.

use std::fmt;
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::editor::{Article, EditorError, Reading};
use crate::formats::FormatError;

/// Which kind of file a problem is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    /// A folder or link met while listing: unreadable, a symbolic link loop, a broken link.
    Folder,
    /// An article: unreadable, binary, not decodable, vanished.
    Article,
    /// An article's annotation file: unreadable or invalid.
    Annotations,
    /// The corpus file (`hashiya-corpus.ron`).
    CorpusFile,
}

/// A problem with one file: where (`path`, and line and column when there is a place in the
/// file) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file.
    pub path: PathBuf,
    /// 1-based line and column (code points), when the problem is at a place in the file.
    pub at: Option<(usize, usize)>,
    /// Which kind of file it is.
    pub kind: ProblemKind,
    /// What is wrong.
    pub reason: String,
}

impl Problem {
    /// A problem with a whole file.
    pub fn new(kind: ProblemKind, path: &Path, reason: impl Into<String>) -> Self {
        Self { path: path.to_path_buf(), at: None, kind, reason: reason.into() }
    }

    /// The problem a [`FormatError`] describes (its place, if it has one).
    pub fn from_format(kind: ProblemKind, err: &FormatError) -> Self {
        match err {
            FormatError::Io { path, source } => Self::new(kind, path, io_reason(source)),
            FormatError::At { at, message } => {
                Self { path: at.path.clone(), at: Some((at.line, at.column)), kind, reason: message.clone() }
            }
            FormatError::File { path, message } => Self::new(kind, path, message.clone()),
        }
    }
}

/// Reads a document of a corpus as the window would open it ([`Article::open_to_read`]:
/// nothing is written); an unreadable article or annotation file is its problem.
pub fn read_entry(path: &Path) -> Result<Reading, Problem> {
    let mut reading = Article::open_to_read(path).map_err(|err| match err {
        EditorError::Open(err) => Problem::from_format(ProblemKind::Article, &err),
        other => Problem::new(ProblemKind::Article, path, other.to_string()),
    })?;
    match reading.store_error.take() {
        Some(err) => Err(Problem::from_format(ProblemKind::Annotations, &err)),
        None => Ok(reading),
    }
}

/// An I/O error in words; a file that is gone is said to have vanished (it was listed).
pub(super) fn io_reason(err: &std::io::Error) -> String {
    if err.kind() == std::io::ErrorKind::NotFound {
        "vanished after the folder was listed (moved or deleted meanwhile)".to_string()
    } else {
        err.to_string()
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.at {
            Some((line, column)) => write!(f, "{}:{line}:{column}: {}", self.path.display(), self.reason),
            None => write!(f, "{}: {}", self.path.display(), self.reason),
        }
    }
}

/// What stopped a corpus operation as a whole (single files' problems are [`Problem`]s).
#[derive(Debug, Error)]
pub enum CorpusError {
    /// The path is not a folder.
    #[error("{}: is not a folder (a corpus is a folder of articles)", .0.display())]
    NotAFolder(PathBuf),
    /// The corpus file could not be read, so it is not written over.
    #[error("{} could not be read, so it is not overwritten: fix it or move it away", .0.display())]
    FileBroken(PathBuf),
    /// Reading or writing a file failed.
    #[error(transparent)]
    Format(#[from] FormatError),
    /// An export output that would overwrite or create corpus files.
    #[error("{}: {message}", .path.display())]
    Output {
        /// The output path.
        path: PathBuf,
        /// Why it is refused.
        message: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::Location;

    #[test]
    fn problems_name_the_place() {
        let at = FormatError::at(Location::new(Path::new("a.ron"), 3, 7), "bad");
        assert_eq!(Problem::from_format(ProblemKind::Annotations, &at).to_string(), "a.ron:3:7: bad");
        let gone = FormatError::io(Path::new("b.txt"), std::io::Error::from(std::io::ErrorKind::NotFound));
        let p = Problem::from_format(ProblemKind::Article, &gone);
        assert!(p.to_string().starts_with("b.txt: vanished"), "{p}");
    }
}
