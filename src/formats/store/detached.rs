//! An annotation file read and written without its article: what a three-way merge of files
//! works on (git hands the merge driver temporary copies with no article beside them).
//! Everything is checked as [`super::read_summary`] checks it (every check that needs no
//! text); offsets stay code points, labels names, and the surface text and context of each
//! entity are carried as they are in the file.

use std::path::Path;

use super::parse::parse;
use super::write::{push_str_lit, write_header, write_labels, write_list};
use super::{FORMAT_VERSION, SaveInfo, read_text, validate};
use crate::formats::FormatError;
use crate::model::LabelSet;

/// An entity or orphan as in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileEntity {
    /// Its id (unique across entities and orphans of the file).
    pub id: u64,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The name of its label.
    pub label: String,
    /// Its surface text.
    pub text: String,
    /// Context before it (entities only; may be empty).
    pub before: String,
    /// Context after it.
    pub after: String,
}

impl FileEntity {
    /// True if both have the same range and label (ids and context aside).
    pub fn same_span(&self, other: &FileEntity) -> bool {
        self.start == other.start && self.end == other.end && self.label == other.label
    }

    /// True if the code-point ranges share a code point.
    pub fn overlaps(&self, other: &FileEntity) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// A suggestion as written in the file (`suggestions: [(start:, end:, label:, text:,
/// source:, confidence:, alternatives:, note:)]`).
#[derive(Debug, Clone, PartialEq)]
pub struct FileSuggestion {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Suggested label's name.
    pub label: String,
    /// Surface text.
    pub text: String,
    /// Where it came from: `"merge"` for merge conflicts.
    pub source: String,
    /// 0 to 1.
    pub confidence: f64,
    /// Other labels worth considering.
    pub alternatives: Vec<String>,
    /// Why (for a merge: who made it, and what the other side did).
    pub note: String,
}

/// A whole annotation file without its article.
#[derive(Debug, Clone, PartialEq)]
pub struct FileAnnotations {
    /// Header: article name, annotator, times, status.
    pub info: SaveInfo,
    /// The article's length in code points, as recorded.
    pub chars: usize,
    /// The article's fingerprint (lower-case hex SHA-256), as recorded.
    pub sha256: String,
    /// Labels.
    pub labels: LabelSet,
    /// Entities, in file order.
    pub entities: Vec<FileEntity>,
    /// Orphans (no context).
    pub orphans: Vec<FileEntity>,
    /// Token boundaries, code points.
    pub tokens: Option<Vec<(usize, usize)>>,
    /// Suggestions.
    pub suggestions: Vec<FileSuggestion>,
    /// Rejected suggestions: `(start, end, label, text)`, code points.
    pub rejected: Vec<(usize, usize, String, String)>,
}

/// Reads and checks the annotation file at `path` without its article; the first problem is
/// the error (`path:line:column`).
pub fn read_file_annotations(path: &Path) -> Result<FileAnnotations, FormatError> {
    from_str_detached(path, &read_text(path)?)
}

/// [`read_file_annotations`] of text already read; `path` names it in errors.
pub fn from_str_detached(path: &Path, text: &str) -> Result<FileAnnotations, FormatError> {
    let first = |errors: Vec<FormatError>| {
        errors.into_iter().next().unwrap_or_else(|| FormatError::file(path, "could not be read"))
    };
    let summary = validate::summarize(path, text).map_err(first)?;
    let raw = parse(path, text, FORMAT_VERSION)?;
    let own = |e: &super::raw::RawEntity<'_>| FileEntity {
        id: e.id,
        start: e.start,
        end: e.end,
        label: e.label.to_string(),
        text: e.text.to_string(),
        before: e.before.to_string(),
        after: e.after.to_string(),
    };
    Ok(FileAnnotations {
        info: summary.info,
        chars: summary.chars,
        sha256: summary.sha256,
        labels: summary.labels,
        entities: raw.entities.iter().map(own).collect(),
        orphans: raw.orphans.iter().map(own).collect(),
        tokens: raw.tokens.clone(),
        suggestions: raw
            .suggestions
            .iter()
            .map(|s| FileSuggestion {
                start: s.start,
                end: s.end,
                label: s.label.to_string(),
                text: s.text.to_string(),
                source: s.source.to_string(),
                confidence: s.confidence,
                alternatives: s.alternatives.iter().map(|a| a.to_string()).collect(),
                note: s.note.to_string(),
            })
            .collect(),
        rejected: raw
            .rejected
            .iter()
            .map(|r| (r.start, r.end, r.label.to_string(), r.text.to_string()))
            .collect(),
    })
}

/// The file's text in the canonical layout, `info.modified` as given; entities sorted into
/// reading order.
pub fn file_annotations_to_string(file: &FileAnnotations) -> String {
    let mut out = String::with_capacity(1024 + file.entities.len() * 160);
    write_header(&mut out, &file.info, file.chars, &file.sha256);
    write_labels(&mut out, &file.labels);
    let mut entities: Vec<&FileEntity> = file.entities.iter().collect();
    entities.sort_by_key(|e| (e.start, std::cmp::Reverse(e.end), e.id));
    write_list(&mut out, "entities", entities.into_iter(), |out, e| {
        write_entity(out, e);
        out.push_str(", before: ");
        push_str_lit(out, &e.before);
        out.push_str(", after: ");
        push_str_lit(out, &e.after);
    });
    write_list(&mut out, "orphans", file.orphans.iter(), write_entity);
    match &file.tokens {
        None => out.push_str("    tokens: None,\n"),
        Some(tokens) => {
            out.push_str("    tokens: Some([");
            for (i, (s, e)) in tokens.iter().enumerate() {
                out.push_str(if i % 10 == 0 { "\n        " } else { " " });
                out.push_str(&format!("({s}, {e}),"));
            }
            out.push_str(if tokens.is_empty() { "]),\n" } else { "\n    ]),\n" });
        }
    }
    if !file.suggestions.is_empty() {
        write_list(&mut out, "suggestions", file.suggestions.iter(), write_suggestion);
    }
    if !file.rejected.is_empty() {
        write_list(&mut out, "rejected", file.rejected.iter(), |out, (start, end, label, text)| {
            out.push_str(&format!("start: {start}, end: {end}, label: "));
            push_str_lit(out, label);
            out.push_str(", text: ");
            push_str_lit(out, text);
        });
    }
    out.push_str(")\n");
    out
}

fn write_entity(out: &mut String, e: &FileEntity) {
    out.push_str(&format!("id: {}, start: {}, end: {}, label: ", e.id, e.start, e.end));
    push_str_lit(out, &e.label);
    out.push_str(", text: ");
    push_str_lit(out, &e.text);
}

fn write_suggestion(out: &mut String, s: &FileSuggestion) {
    out.push_str(&format!("start: {}, end: {}, label: ", s.start, s.end));
    push_str_lit(out, &s.label);
    out.push_str(", text: ");
    push_str_lit(out, &s.text);
    out.push_str(", source: ");
    push_str_lit(out, &s.source);
    out.push_str(&format!(", confidence: {:?}, alternatives: [", s.confidence));
    for (i, a) in s.alternatives.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        push_str_lit(out, a);
    }
    out.push_str("], note: ");
    push_str_lit(out, &s.note);
}
