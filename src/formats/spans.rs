//! Span lines: the suggestions a model gives for documents, one JSON object per line,
//! `{"name": "dir/a.txt", "spans": [[start, end, "LABEL", confidence?], ...]}` — offsets in code
//! points of the document's text, end exclusive, confidence from 0 to 1 (absent or `null`: 1).
//! The same lines come back from `hashiya suggest DIR --command CMD` (which sends each
//! document as a request line, [`request_line`]) and are read by `hashiya import
//! --as-suggestions FILE`.
//!
//! Reading is in two steps so that nothing is written before every line is known good:
//! [`parse`] checks the syntax and shape of every line and that no document is answered twice;
//! [`check_spans`] checks one line's spans against its document (offsets in range, start before
//! end, not inside a character: a letter and its marks are one, labels the corpus has). Every
//! error names `path:line:column`, the document and the span.

use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::Value;
use unicode_segmentation::GraphemeCursor;

use super::{FormatError, Location, exchange};

/// What is sent for one document: its name, text and the labels it may use.
#[derive(Serialize)]
struct Request<'a> {
    name: &'a str,
    text: &'a str,
    labels: &'a [String],
}

/// One request line (ending in `\n`).
pub fn request_line(name: &str, text: &str, labels: &[String]) -> String {
    let line = serde_json::to_string(&Request { name, text, labels }).unwrap_or_default();
    line + "\n"
}

/// One answer line, parsed but not yet checked against its document.
#[derive(Debug, Clone, PartialEq)]
pub struct SpanLine {
    /// Where it is (line, column 1).
    pub at: Location,
    /// The document's name.
    pub name: String,
    /// The spans as written.
    spans: Vec<Value>,
    /// The line's text, to place errors in it.
    raw: String,
}

#[derive(Deserialize)]
struct LineIn {
    name: String,
    spans: Vec<Value>,
}

/// A span checked against its document: a byte range on character boundaries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// UTF-8 byte range in the document's text.
    pub bytes: Range<usize>,
    /// The label name.
    pub label: String,
    /// Confidence in per mille.
    pub confidence: u16,
}

/// Reads every non-empty line of `text` (`path` names it in errors): each must be an object
/// with a string `name` and an array `spans`, and no name may come twice.
pub fn parse(path: &Path, text: &str) -> Result<Vec<SpanLine>, FormatError> {
    let mut out: Vec<SpanLine> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let parsed: LineIn = serde_json::from_str(line).map_err(|e| json_error(path, line_no, line, &e))?;
        if let Some(first) = out.iter().find(|l| l.name == parsed.name) {
            let msg =
                format!("document {:?} is answered twice (first on line {})", parsed.name, first.at.line);
            return Err(FormatError::at(Location::new(path, line_no, 1), msg));
        }
        let at = Location::new(path, line_no, 1);
        out.push(SpanLine { at, name: parsed.name, spans: parsed.spans, raw: line.to_string() });
    }
    Ok(out)
}

fn json_error(path: &Path, line_no: usize, line: &str, err: &serde_json::Error) -> FormatError {
    let full = err.to_string();
    let message = full.rsplit_once(" at line ").map_or(full.as_str(), |(m, _)| m);
    let at = Location::new(path, line_no, exchange::column(line, err.column().saturating_sub(1)));
    let expected = "expected {\"name\": \"…\", \"spans\": [[start, end, \"LABEL\", confidence?], …]}";
    FormatError::at(at, format!("{message} ({expected})"))
}

impl SpanLine {
    /// Checks the spans against the document's `text` and the `labels` it may use; the spans
    /// in byte offsets.
    pub fn check_spans(&self, text: &str, labels: &[String]) -> Result<Vec<Span>, FormatError> {
        let chars = text.chars().count();
        let mut parts = Vec::with_capacity(self.spans.len());
        for (k, v) in self.spans.iter().enumerate() {
            parts.push(span_parts(v, chars, labels).map_err(|why| self.span_error(k, v, &why))?);
        }
        let offsets: Vec<usize> = parts.iter().flat_map(|(s, e, _, _)| [*s, *e]).collect();
        let bytes = exchange::chars_to_bytes(text, &offsets);
        let mut out = Vec::with_capacity(parts.len());
        for (k, ((_, _, label, confidence), b)) in parts.into_iter().zip(bytes.chunks(2)).enumerate() {
            let (Some(start), Some(end)) = (b[0], b[1]) else {
                return Err(self.span_error(k, &self.spans[k], "offset past the end of the text"));
            };
            for (which, at) in [("start", start), ("end", end)] {
                if !is_boundary(text, at) {
                    let why = format!(
                        "{which} {} falls inside a character (between a letter and its marks)",
                        offsets[2 * k + usize::from(which == "end")]
                    );
                    return Err(self.span_error(k, &self.spans[k], &why));
                }
            }
            out.push(Span { bytes: start..end, label, confidence });
        }
        Ok(out)
    }

    /// `path:line:column: document "a.txt", span 3 [5, 2, "PER"]: why`.
    fn span_error(&self, k: usize, v: &Value, why: &str) -> FormatError {
        let column = element_byte(&self.raw, k).map_or(1, |b| exchange::column(&self.raw, b));
        let at = Location::new(&self.at.path, self.at.line, column);
        FormatError::at(at, format!("document {:?}, span {} {v}: {why}", self.name, k + 1))
    }

    /// The file or stream the line came from.
    pub fn path(&self) -> &PathBuf {
        &self.at.path
    }
}

/// A span's start, end (code points), label and confidence (per mille), or why not.
fn span_parts(v: &Value, chars: usize, labels: &[String]) -> Result<(usize, usize, String, u16), String> {
    let shape = "expected [start, end, \"LABEL\"] or [start, end, \"LABEL\", confidence]";
    let Some(items) = v.as_array().filter(|a| a.len() == 3 || a.len() == 4) else { return Err(shape.into()) };
    let offset = |i: usize, what: &str| {
        items[i]
            .as_u64()
            .and_then(|n| usize::try_from(n).ok())
            .ok_or_else(|| format!("{what} {} is not a whole number from 0 (code points)", items[i]))
    };
    let (start, end) = (offset(0, "start")?, offset(1, "end")?);
    let label = items[2].as_str().ok_or_else(|| format!("label {} is not a string ({shape})", items[2]))?;
    if start >= end {
        return Err(format!("start {start} is not before end {end}"));
    }
    if end > chars {
        return Err(format!("end {end} is past the end of the text ({chars} code points)"));
    }
    if !labels.iter().any(|l| l == label) {
        return Err(format!("label {label:?} is not one of the corpus's labels ({})", labels.join(", ")));
    }
    let confidence = match items.get(3) {
        None | Some(Value::Null) => 1.0,
        Some(c) => c
            .as_f64()
            .filter(|c| (0.0..=1.0).contains(c))
            .ok_or_else(|| format!("confidence {c} is not from 0 to 1"))?,
    };
    Ok((start, end, label.to_string(), (confidence * 1000.0).round() as u16))
}

/// True if byte offset `at` of `text` is between two characters (grapheme clusters).
fn is_boundary(text: &str, at: usize) -> bool {
    GraphemeCursor::new(at, text.len(), true).is_boundary(text, 0).unwrap_or(true)
}

/// The byte offset in a line of JSON of the `k`-th element of its top-level `"spans"` array.
fn element_byte(line: &str, k: usize) -> Option<usize> {
    let bytes = line.as_bytes();
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let mut last_string = 0..0;
    let (mut array, mut element, mut pending) = (None, 0, false);
    for (i, &b) in bytes.iter().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => {
                    in_string = false;
                    last_string.end = i;
                }
                _ => {}
            }
            continue;
        }
        if array == Some(depth) && pending && !b.is_ascii_whitespace() {
            if element == k {
                return Some(i);
            }
            pending = false;
        }
        match b {
            b'"' => {
                in_string = true;
                last_string = i + 1..i + 1;
            }
            b'[' | b'{' => {
                depth += 1;
                if array.is_none() && depth == 2 && b == b'[' && &line[last_string.clone()] == "spans" {
                    (array, pending) = (Some(depth), true);
                }
            }
            b']' | b'}' if array == Some(depth) => return None,
            b']' | b'}' => depth = depth.saturating_sub(1),
            b',' if array == Some(depth) => (element, pending) = (element + 1, true),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests;
