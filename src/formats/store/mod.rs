//! The annotation file: a human-readable RON file beside the article, saved atomically,
//! validated on load, and re-anchored when the article's text changed.
//!
//! # Naming
//! The annotations of `article.txt` live in `article.txt.hashiya.ron` in the same folder
//! ([`annotation_path`]); the previous version is kept as `article.txt.hashiya.ron.bak`.
//!
//! # Format (version 1)
//! ```text
//! // Hashiya annotation file. Offsets count Unicode code points of the article text.
//! (
//!     version: 1,
//!     article: (name: "baku.txt", chars: 1234, sha256: "<SHA-256 of the decoded text>"),
//!     annotator: "rana",
//!     created: "2025-03-01T09:30:00Z",
//!     modified: "2025-03-01T10:02:13Z",
//!     status: "in-progress",
//!     labels: [
//!         (id: 1, name: "PER", color: "#0072b2", hotkey: Some('1')),
//!     ],
//!     entities: [
//!         (id: 1, start: 6, end: 13, label: "PER", text: "المقداد", before: "التقى ", after: " في باكو. وق"),
//!     ],
//!     orphans: [],
//!     tokens: None,
//! )
//! ```
//! Entities are written one per line in reading order so diffs and merges stay readable;
//! `before`/`after` hold up to [`CONTEXT`](super::reanchor::CONTEXT) code points of context
//! used to re-anchor them if the article changes (optional when writing a file by hand).
//! `status` is `"new"`, `"in-progress"`, `"done"` or `"skipped"` ([`DocStatus`]); a file
//! without it (written before statuses existed) reads as new if it has no entities, else in
//! progress. `orphans` are entities that lost their place (offsets in the text they were last placed
//! in); `tokens` are imported CoNLL token boundaries, ten per line. Strings escape quotes,
//! backslashes, control characters and bidi controls; Arabic is written as is. Any valid RON
//! with these fields loads (field order and layout are free); the canonical layout above is
//! read by a fast path.
//!
//! # Loading
//! Everything is checked and the first problem is reported as `path:line:column`: RON
//! syntax, the version, timestamps, the fingerprint's form, labels (ids, names, hotkeys
//! unique; colours `#rrggbb`), entity and orphan ids unique, labels defined, ranges non-empty.
//! If the SHA-256 of the article's text is the file's, every range must lie inside the text
//! and the surface text must match it exactly. If not, the entities are re-anchored
//! ([`super::reanchor`]): none is dropped or shifted blindly; those that cannot be placed
//! become orphans, the token boundaries are dropped, and [`Loaded::reanchor`] says so.
//!
//! # Inside
//! This file holds the public API; one file per job does the work:
//! - `write.rs`: the canonical layout above and string escaping ([`to_ron_string`]);
//! - `raw.rs`: serde types that mirror the file (code points, label names);
//! - `parse.rs`: text → raw types, by `fast.rs` (reads exactly what `write.rs` writes, about
//!   ten times faster than `ron`) or else `ron` (any layout, positioned syntax errors);
//! - `validate.rs`: raw types → model types, every problem located via `locate.rs` (finds
//!   the n-th element of a list in any layout).

mod detached;
mod fast;
mod layer;
mod locate;
mod parse;
mod raw;
mod status;
mod validate;
mod write;

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use time::OffsetDateTime;

pub use detached::{
    FileAnnotations, FileEntity, FileSuggestion, file_annotations_to_string, from_str_detached,
    read_file_annotations,
};
pub use status::DocStatus;
pub use write::to_ron_string;
pub(crate) use write::{push_char_lit, push_str_lit};

use super::atomic::write_atomic;
use super::reanchor::ReanchorReport;
use super::{FormatError, Location, utf8_text};
use crate::model::{Annotations, Document, LabelSet};

/// The format version this Hashiya writes and reads.
pub const FORMAT_VERSION: u64 = 1;

/// What is appended to an article's path to name its annotation file.
pub const SUFFIX: &str = ".hashiya.ron";

/// Said at the first byte of a file that is not UTF-8.
const NOT_UTF8: &str =
    "not UTF-8 from here on (the file is cut off or in another encoding), so not a Hashiya annotation file";

/// Annotation files larger than this are refused without reading them (512 MiB).
pub const MAX_ANNOTATION_BYTES: u64 = 512 * 1024 * 1024;

/// The annotation file of an article: `article.txt` → `article.txt.hashiya.ron` beside it.
pub fn annotation_path(article: &Path) -> PathBuf {
    let mut name = article.as_os_str().to_owned();
    name.push(SUFFIX);
    PathBuf::from(name)
}

/// The article of an annotation file (the path without [`SUFFIX`]); `None` if the name does
/// not end in `.hashiya.ron`.
pub fn article_path(annotation: &Path) -> Option<PathBuf> {
    let name = annotation.file_name()?.to_str()?;
    let article = name.strip_suffix(SUFFIX).filter(|a| !a.is_empty())?;
    Some(annotation.with_file_name(article))
}

/// The file's header: who annotated, when, and the document's status; written into the file
/// and read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveInfo {
    /// File name of the article (informative; the fingerprint is what ties file and text).
    pub article_name: String,
    /// Who annotated.
    pub annotator: String,
    /// When the annotation file was first saved; kept across saves.
    pub created: OffsetDateTime,
    /// When it was last saved; [`save`] sets it to the current time.
    pub modified: OffsetDateTime,
    /// The document's status as written (read: as in the file, or [`DocStatus::implied`] by
    /// its entities when the file has none).
    pub status: DocStatus,
}

impl SaveInfo {
    /// Info for a new annotation file of `article`: annotator from the environment, created now,
    /// status new.
    pub fn new(article: &Path) -> Self {
        let now = now_utc();
        Self {
            article_name: article.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
            annotator: annotator_from_env(),
            created: now,
            modified: now,
            status: DocStatus::New,
        }
    }
}

/// `$HASHIYA_ANNOTATOR`, else `$USER` (`$USERNAME` on Windows), else `"unknown"`.
pub fn annotator_from_env() -> String {
    ["HASHIYA_ANNOTATOR", "USER", "USERNAME"]
        .iter()
        .filter_map(|var| std::env::var(var).ok())
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "unknown".to_string())
}

/// The current time in UTC, whole seconds.
fn now_utc() -> OffsetDateTime {
    let now = OffsetDateTime::now_utc();
    now.replace_nanosecond(0).unwrap_or(now)
}

/// A loaded annotation file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    /// The validated annotations, byte offsets into the current text.
    pub annotations: Annotations,
    /// Present when the article's text no longer matched the file's fingerprint and the
    /// entities were re-anchored; show it to the user.
    pub reanchor: Option<ReanchorReport>,
    /// Who annotated and when, as in the file.
    pub info: SaveInfo,
}

/// Hex SHA-256 of a text's UTF-8 bytes: the article fingerprint.
pub fn sha256_hex(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut out = String::with_capacity(64);
    for byte in digest.iter() {
        let _ = write!(out, "{byte:02x}");
    }
    out
}

/// Saves atomically (see [`write_atomic`]), with `modified` set to now. Refuses, writing
/// nothing, if an entity does not fit `doc` (annotations of another text).
pub fn save(path: &Path, doc: &Document, ann: &Annotations, info: &SaveInfo) -> Result<(), FormatError> {
    if let Some(e) = ann.entities().iter().find(|e| doc.slice(e.range()).is_none()) {
        return Err(FormatError::file(
            path,
            format!("not saved: entity #{} ({}..{}) does not fit the article's text", e.id.0, e.start, e.end),
        ));
    }
    let info = SaveInfo { modified: now_utc(), ..info.clone() };
    write_atomic(path, to_ron_string(doc, ann, &info).as_bytes())
}

/// Loads and validates the annotation file at `path` for the article text `doc`; re-anchors
/// the entities if the text changed. The first problem is reported as `path:line:column`.
pub fn load(path: &Path, doc: &Document) -> Result<Loaded, FormatError> {
    from_ron_str(path, &read_text(path)?, doc)
}

/// Reads an annotation file as text, refusing huge files and locating the first byte that is
/// not UTF-8.
pub fn read_text(path: &Path) -> Result<String, FormatError> {
    let len = fs::metadata(path).map_err(|e| FormatError::io(path, e))?.len();
    if len > MAX_ANNOTATION_BYTES {
        return Err(FormatError::file(
            path,
            format!("is too large ({len} bytes) to be a Hashiya annotation file"),
        ));
    }
    let bytes = fs::read(path).map_err(|e| FormatError::io(path, e))?;
    utf8_text(path, bytes, NOT_UTF8)
}

/// Parses and validates annotation-file text; `path` names the file in errors.
pub fn from_ron_str(path: &Path, text: &str, doc: &Document) -> Result<Loaded, FormatError> {
    match validate::validate(path, text, Some(doc)) {
        (Some(loaded), problems) if problems.is_empty() => Ok(loaded),
        (_, problems) => {
            Err(problems.into_iter().next().unwrap_or_else(|| FormatError::file(path, "could not be loaded")))
        }
    }
}

/// An annotation file summed up without its article: what a corpus keeps per document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Header: annotator, times, status.
    pub info: SaveInfo,
    /// The article fingerprint recorded in the file (lower-case hex SHA-256); compare it with
    /// [`sha256_hex`] of the article's text to know whether the article changed since.
    pub sha256: String,
    /// The article's length in code points, as recorded.
    pub chars: usize,
    /// The file's label set.
    pub labels: LabelSet,
    /// Entities per label, in the order of `labels`.
    pub counts: Vec<usize>,
    /// Entities placed in the text.
    pub entities: usize,
    /// Entities that lost their place.
    pub orphans: usize,
}

/// Reads and sums up an annotation file, making every check that needs no article text (the
/// surface texts are checked when the article is opened or validated). Every problem is
/// located as `path:line:column`.
pub fn read_summary(path: &Path) -> Result<Summary, Vec<FormatError>> {
    let text = read_text(path).map_err(|e| vec![e])?;
    validate::summarize(path, &text)
}

/// Every problem of annotation-file text, in file order (for `hashiya validate`). With
/// `doc` = `None` (the article is missing) only the checks that need no text are made and
/// `Ok(None)` means none failed.
pub fn check_str(
    path: &Path,
    text: &str,
    doc: Option<&Document>,
) -> Result<Option<Loaded>, Vec<FormatError>> {
    match validate::validate(path, text, doc) {
        (loaded, problems) if problems.is_empty() => Ok(loaded),
        (_, problems) => Err(problems),
    }
}

/// Where the top-level field `field` (`version`, `article`, `entities`, …) of annotation-file
/// text is, for messages about the file as a whole; line 1, column 1 if it has none.
pub fn field_location(path: &Path, text: &str, field: &str) -> Location {
    Location::of_byte(path, text, locate::field_offset(text, field).unwrap_or(0))
}

/// Where the `index`-th element of the top-level list `list` (`labels`, `entities`, …) of RON
/// text is, in any layout; at the list itself, or line 1, column 1, if there is no such
/// element. Also for other RON files shaped like this one (the corpus file).
pub fn element_location(path: &Path, text: &str, list: &str, index: usize) -> Location {
    let at =
        locate::element_offsets(text, list).get(index).copied().or_else(|| locate::field_offset(text, list));
    Location::of_byte(path, text, at.unwrap_or(0))
}

#[cfg(test)]
mod tests;
