//! doccano JSONL (sequence labelling): one object per document and line,
//! `{"text": ..., "label": [[start, end, "LABEL"], ...]}`, offsets in code points, end exclusive.
//! The command line's export puts the document's `"name"` (in a corpus), `"status"`,
//! `"annotator"` and `"labels"` (its label set, in order) before them ([`Meta`]); the
//! `hashiya` Python module reads those.
//!
//! Import accepts `"entities"` as an alias of `"label"`, entity objects
//! `{"start_offset": s, "end_offset": e, "label": "X"}` as well as triples, and ignores extra
//! keys; a `"name"` (the path `hashiya export DIR` writes, `.txt` dropped) or else an `"id"` (string
//! or number) names the document. Offsets into a text with `\r\n` are
//! mapped through line-end normalisation.

use std::collections::HashSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::exchange::{self, ExportReport, Import, Normalized, Span, Warning};
use super::{FormatError, Location};
use crate::model::{Annotations, Document};

/// What the command line writes about a document besides its text and entities.
#[derive(Debug, Clone, Copy, Default)]
pub struct Meta<'a> {
    /// Its path relative to the corpus root (corpus exports).
    pub name: Option<&'a str>,
    /// Its status (`new`, `in-progress`, `done`, `skipped`).
    pub status: &'a str,
    /// Who annotated it, as its annotation file says (empty if nobody yet).
    pub annotator: &'a str,
}

#[derive(Serialize)]
struct LineOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    annotator: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    labels: Option<Vec<&'a str>>,
    text: &'a str,
    label: Vec<(usize, usize, &'a str)>,
}

/// Exports the document as one JSONL line (ending in `\n`) with every entity.
pub fn export(doc: &Document, ann: &Annotations) -> (String, ExportReport) {
    export_with(doc, ann, None)
}

/// [`export`] with the document's [`Meta`] and label set first, when given.
pub fn export_with(doc: &Document, ann: &Annotations, meta: Option<Meta<'_>>) -> (String, ExportReport) {
    let mut report = ExportReport::default();
    let entities: Vec<_> = ann.entities().iter().collect();
    let bounds: Vec<usize> = entities.iter().flat_map(|e| [e.start, e.end]).collect();
    let chars = exchange::bytes_to_chars(doc.text(), &bounds);
    let label: Vec<(usize, usize, &str)> = entities
        .iter()
        .zip(chars.chunks(2))
        .filter_map(|(e, c)| {
            let name = ann.labels().get(e.label).map_or("MISC", |l| l.name.as_str());
            Some((c[0]?, c[1]?, name))
        })
        .collect();
    report.entities = label.len();
    let labels = meta.map(|_| ann.labels().iter().map(|l| l.name.as_str()).collect());
    let out = LineOut {
        name: meta.and_then(|m| m.name),
        status: meta.map(|m| m.status),
        annotator: meta.map(|m| m.annotator),
        labels,
        text: doc.text(),
        label,
    };
    let line = serde_json::to_string(&out).unwrap_or_default();
    (line + "\n", report)
}

#[derive(Deserialize)]
struct LineIn {
    text: String,
    #[serde(alias = "entities", default)]
    label: Option<Vec<SpanIn>>,
    #[serde(default)]
    id: Option<serde_json::Value>,
    /// The document's path relative to its corpus, as `hashiya export DIR` writes it.
    #[serde(default)]
    name: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum SpanIn {
    Triple(usize, usize, String),
    Object {
        #[serde(alias = "start")]
        start_offset: usize,
        #[serde(alias = "end")]
        end_offset: usize,
        label: String,
    },
}

impl SpanIn {
    fn parts(&self) -> (usize, usize, &str) {
        match self {
            SpanIn::Triple(s, e, l) => (*s, *e, l),
            SpanIn::Object { start_offset, end_offset, label } => (*start_offset, *end_offset, label),
        }
    }
}

/// Reads a JSONL file: one document per non-empty line.
pub fn import(path: &Path) -> Result<Import, FormatError> {
    let content = exchange::read_utf8(path)?;
    import_str(path, &content)
}

/// The error of serde_json at a line of the file, column in code points.
fn json_error(path: &Path, line_no: usize, line: &str, err: &serde_json::Error) -> FormatError {
    let full = err.to_string();
    let message = full.rsplit_once(" at line ").map_or(full.as_str(), |(m, _)| m);
    let message = if message.contains("untagged enum SpanIn") {
        "expected an entity [start, end, \"LABEL\"]".to_string()
    } else {
        format!("{message} (expected {{\"text\": ..., \"label\": [[start, end, \"LABEL\"], ...]}})")
    };
    let at = Location::new(path, line_no, exchange::column(line, err.column().saturating_sub(1)));
    FormatError::at(at, message)
}

/// The entities of one line as byte ranges of the normalised text; duplicates are warned
/// about and left out, offsets out of range are errors.
fn read_spans(
    path: &Path,
    line_no: usize,
    parsed: &LineIn,
    norm: &Normalized,
    warnings: &mut Vec<Warning>,
) -> Result<Vec<Span>, FormatError> {
    let raw_len = parsed.text.chars().count();
    let entities: Vec<(usize, usize, &str)> = parsed.label.iter().flatten().map(SpanIn::parts).collect();
    let at = || Location::new(path, line_no, 1);
    if let Some((k, (start, end, label))) =
        entities.iter().enumerate().find(|(_, (s, e, _))| s >= e || *e > raw_len)
    {
        let msg = format!(
            "entity {} [{start}, {end}, {label:?}]: expected start < end <= {raw_len} (text length in code points)",
            k + 1
        );
        return Err(FormatError::at(at(), msg));
    }
    let offsets: Vec<usize> = entities.iter().flat_map(|&(s, e, _)| [norm.map(s), norm.map(e)]).collect();
    let bytes = exchange::chars_to_bytes(&norm.text, &offsets);
    let mut spans = Vec::with_capacity(entities.len());
    let mut seen = HashSet::new();
    for (k, (&(_, _, label), b)) in entities.iter().zip(bytes.chunks(2)).enumerate() {
        match b[0].zip(b[1]).filter(|(s, e)| s < e) {
            Some((s, e)) if seen.insert((s, e, label)) => {
                spans.push(Span { bytes: s..e, label: label.to_string() })
            }
            Some(_) => warnings.push(Warning::new(at(), format!("duplicate entity {} left out", k + 1))),
            None => warnings
                .push(Warning::new(at(), format!("entity {} covers only a line end; left out", k + 1))),
        }
    }
    Ok(spans)
}

/// Reads JSONL text; `path` names the input in errors, warnings and document names.
pub fn import_str(path: &Path, content: &str) -> Result<Import, FormatError> {
    let content = content.strip_prefix('\u{feff}').unwrap_or(content);
    let stem = exchange::stem(path);
    let mut out = Import::default();
    for (i, line) in content.split('\n').enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let line_no = i + 1;
        let parsed: LineIn = serde_json::from_str(line).map_err(|e| json_error(path, line_no, line, &e))?;
        let name = match (&parsed.name, &parsed.id) {
            (Some(name), _) => exchange::safe_name(name.strip_suffix(".txt").unwrap_or(name)),
            (_, Some(serde_json::Value::String(s))) => exchange::safe_name(s),
            (_, Some(serde_json::Value::Number(n))) => exchange::safe_name(&n.to_string()),
            _ => format!("{stem}-{line_no}"),
        };
        let norm = Normalized::new(&parsed.text);
        let spans = read_spans(path, line_no, &parsed, &norm, &mut out.warnings)?;
        if norm.text.trim().is_empty() {
            out.warnings.push(Warning::new(Location::new(path, line_no, 1), "empty text; document left out"));
            continue;
        }
        let document = Document::new(norm.text);
        out.documents.push(exchange::build_doc(name, document, spans, None, path)?);
    }
    if out.documents.is_empty() {
        return Err(FormatError::file(
            path,
            "no documents: expected one JSON object with a non-empty text per line",
        ));
    }
    exchange::make_unique(&mut out.documents);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_ids_and_crlf_text() {
        let content = "\u{feff}{\"id\": 7, \"text\": \"أ\\r\\nبيروت\", \"entities\": [{\"start_offset\": 3, \"end_offset\": 8, \"label\": \"GPE\"}]}\r\n\n{\"text\": \"ب\", \"label\": [[0, 1, \"X\"], [0, 1, \"X\"]], \"meta\": 1}\n";
        let got = import_str(Path::new("in.jsonl"), content).expect("imports");
        let names: Vec<&str> = got.documents.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, vec!["7", "in-3"]);
        let named = import_str(
            Path::new("in.jsonl"),
            "{\"name\": \"2023/news-1.txt\", \"id\": 4, \"text\": \"ا\"}\n",
        )
        .expect("imports");
        assert_eq!(named.documents[0].name, "2023_news-1", "the corpus export's name wins over the id");
        let d = &got.documents[0];
        let e = d.annotations.entities().iter().next().map(|e| d.document.slice(e.range()));
        assert_eq!(e, Some(Some("بيروت")));
        assert_eq!(got.warnings.len(), 1);
        assert_eq!(got.warnings[0].to_string(), "in.jsonl:3:1: warning: duplicate entity 2 left out");
    }

    #[test]
    fn errors_name_line_and_column() {
        let err =
            import_str(Path::new("in.jsonl"), "{\"text\": \"أ\"}\n{\"text\": \"أب\", \"label\": [[0, 1]]}\n")
                .expect_err("short triple");
        assert!(err.to_string().starts_with("in.jsonl:2:"), "{err}");
        assert!(err.to_string().contains("expected an entity [start, end, \"LABEL\"]"), "{err}");
        let err = import_str(Path::new("in.jsonl"), "{\"text\": \"أب\" \"label\": []}").expect_err("syntax");
        assert!(err.to_string().starts_with("in.jsonl:1:15: expected `,` or `}`"), "{err}");
        let err = import_str(Path::new("in.jsonl"), "{\"text\": \"أب\", \"label\": [[1, 3, \"X\"]]}")
            .expect_err("range");
        assert!(err.to_string().contains("expected start < end <= 2"), "{err}");
    }

    /// Found by the `jsonl` fuzz target after 9.4 million runs: a text of two BOMs kept one,
    /// whose export then imported as an empty text ("no documents"). Every leading BOM goes,
    /// with the entity offsets mapped past them.
    #[test]
    fn leading_boms_all_go_and_the_export_imports_again() {
        let only = import_str(Path::new("b.jsonl"), "[\"\u{feff}\u{feff}\"]\n[\"\u{feff}\"]\n");
        assert!(only.is_err(), "texts of BOMs only are empty texts");
        let line = "{\"text\": \"\u{feff}\u{feff}باكو\", \"label\": [[2, 6, \"LOC\"]]}";
        let import = import_str(Path::new("b.jsonl"), line).expect("imports");
        let doc = &import.documents[0];
        assert_eq!(doc.document.text(), "باكو");
        let (out, report) = export(&doc.document, &doc.annotations);
        assert_eq!(report.entities, 1);
        let back = import_str(Path::new("back.jsonl"), &out).expect("the export imports again");
        assert_eq!(back.documents[0].annotations.entities().len(), 1);
    }
}
