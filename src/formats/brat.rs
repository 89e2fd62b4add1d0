//! brat standoff: the `.txt` as it is plus an `.ann` of text-bound annotations
//! `T1<TAB>LABEL start end<TAB>surface`, offsets in code points, end exclusive.
//!
//! Export writes every entity (nested ones too: brat allows overlaps). Import reads the `T`
//! lines (a discontinuous `start end;start end` becomes its full extent, with a warning),
//! counts and ignores the other kinds (`R`, `E`, `A`, `M`, `N`, `#`, `*`), checks the surface
//! text against the `.txt` (a mismatch is a warning; the offsets are trusted), and maps the
//! offsets through line-end normalisation (CRLF, BOM) of the `.txt`.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use super::exchange::{self, ExportReport, Import, Normalized, Span, Warning};
use super::{FormatError, Location};
use crate::model::{Annotations, Document};

/// The two files of a brat document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BratFiles {
    /// The `.txt`: the document text as it is.
    pub txt: String,
    /// The `.ann`: one `T` line per entity.
    pub ann: String,
}

/// White space inside a surface text written as a plain space, so the line stays one line.
fn flat(s: &str) -> String {
    s.chars().map(|c| if c.is_whitespace() { ' ' } else { c }).collect()
}

/// Exports every entity, in reading order, as `T` lines.
pub fn export(doc: &Document, ann: &Annotations) -> (BratFiles, ExportReport) {
    let mut report = ExportReport::default();
    let entities: Vec<_> = ann.entities().iter().collect();
    let bounds: Vec<usize> = entities.iter().flat_map(|e| [e.start, e.end]).collect();
    let chars = exchange::bytes_to_chars(doc.text(), &bounds);
    let mut out = String::new();
    for (e, c) in entities.iter().zip(chars.chunks(2)) {
        let (Some(start), Some(end), Some(surface)) = (c[0], c[1], doc.slice(e.range())) else { continue };
        let name = ann.labels().get(e.label).map_or("MISC", |l| l.name.as_str());
        let plain = exchange::plain_label(name);
        exchange::note_rename(&mut report, name, &plain);
        report.entities += 1;
        out.push_str(&format!("T{}\t{plain} {start} {end}\t{}\n", report.entities, flat(surface)));
    }
    (BratFiles { txt: doc.text().to_string(), ann: out }, report)
}

/// The `.txt` and `.ann` paths for an input naming either of them.
pub fn paths(input: &Path) -> (PathBuf, PathBuf) {
    if input.extension().is_some_and(|e| e == "txt") {
        (input.to_path_buf(), input.with_extension("ann"))
    } else {
        (input.with_extension("txt"), input.to_path_buf())
    }
}

/// Reads a brat document from its `.ann` (or `.txt`) path and the file beside it.
pub fn import(input: &Path) -> Result<Import, FormatError> {
    let (txt_path, ann_path) = paths(input);
    let txt = exchange::read_utf8(&txt_path)?;
    let ann = exchange::read_utf8(&ann_path)?;
    import_str(&ann_path, &ann, &txt_path, &txt)
}

/// One parsed `T` line: label, raw code-point fragments, surface text.
struct TLine<'a> {
    label: &'a str,
    fragments: Vec<(usize, usize)>,
    surface: Option<&'a str>,
}

/// Byte offset of `sub` (a subslice of `line`) within `line`.
fn offset_in(line: &str, sub: &str) -> usize {
    (sub.as_ptr() as usize).saturating_sub(line.as_ptr() as usize).min(line.len())
}

fn parse_t<'a>(path: &Path, line_no: usize, line: &'a str) -> Result<TLine<'a>, FormatError> {
    let at = |sub: &str| Location::new(path, line_no, exchange::column(line, offset_in(line, sub)));
    let expected = "expected T<id><TAB>LABEL START END<TAB>TEXT";
    let Some((_, rest)) = line.split_once('\t') else {
        return Err(FormatError::at(at(&line[line.len()..]), format!("{expected}: no tab after the id")));
    };
    let (middle, surface) = match rest.split_once('\t') {
        Some((m, s)) => (m, Some(s)),
        None => (rest, None),
    };
    let Some((label, offsets)) = middle.trim_start().split_once(' ') else {
        return Err(FormatError::at(at(middle), format!("{expected}: no offsets after the label")));
    };
    let mut fragments = Vec::new();
    for frag in offsets.split(';') {
        let nums: Vec<&str> = frag.split_whitespace().collect();
        let parsed = match nums[..] {
            [s, e] => s.parse::<usize>().ok().zip(e.parse::<usize>().ok()),
            _ => None,
        };
        match parsed {
            Some((s, e)) if s < e => fragments.push((s, e)),
            _ => {
                let msg = format!("{expected}: offsets {:?} are not two numbers START < END", frag.trim());
                return Err(FormatError::at(at(frag), msg));
            }
        }
    }
    Ok(TLine { label, fragments, surface })
}

/// The `.ann` as read: the `T` lines with their line numbers, and the first line and count of
/// each ignored kind.
struct Parsed<'a> {
    lines: Vec<(usize, TLine<'a>)>,
    ignored: BTreeMap<char, (usize, usize)>,
}

/// Parses the `.ann`.
fn parse_ann<'a>(path: &Path, ann: &'a str) -> Result<Parsed<'a>, FormatError> {
    let mut lines = Vec::new();
    let mut ignored: BTreeMap<char, (usize, usize)> = BTreeMap::new();
    for (i, line) in ann.strip_prefix('\u{feff}').unwrap_or(ann).split('\n').enumerate() {
        let (line_no, line) = (i + 1, line.strip_suffix('\r').unwrap_or(line));
        let Some(kind) = line.chars().next().filter(|_| !line.trim().is_empty()) else { continue };
        if kind == 'T' {
            lines.push((line_no, parse_t(path, line_no, line)?));
        } else {
            ignored.entry(kind).or_insert((line_no, 0)).1 += 1;
        }
    }
    Ok(Parsed { lines, ignored })
}

/// Reads brat text; `ann_path` and `txt_path` name the inputs in errors and warnings.
pub fn import_str(ann_path: &Path, ann: &str, txt_path: &Path, txt: &str) -> Result<Import, FormatError> {
    let Parsed { lines, ignored } = parse_ann(ann_path, ann)?;
    let raw_len = txt.chars().count();
    if let Some((line_no, end)) =
        lines.iter().flat_map(|(n, t)| t.fragments.iter().map(move |f| (*n, f.1))).find(|&(_, e)| e > raw_len)
    {
        let msg = format!("offset {end} is past the end of {} ({raw_len} code points)", txt_path.display());
        return Err(FormatError::at(Location::new(ann_path, line_no, 1), msg));
    }
    let norm = Normalized::new(txt);
    let raw_offsets: Vec<usize> =
        lines.iter().flat_map(|(_, t)| t.fragments.iter().flat_map(|f| [f.0, f.1])).collect();
    let raw_bytes = exchange::chars_to_bytes(txt, &raw_offsets);
    let mut raw_bytes = raw_bytes.chunks(2);
    let extents: Vec<(usize, usize)> = lines.iter().map(|(_, t)| extent(&t.fragments)).collect();
    let norm_offsets: Vec<usize> = extents.iter().flat_map(|&(s, e)| [norm.map(s), norm.map(e)]).collect();
    let norm_bytes = exchange::chars_to_bytes(&norm.text, &norm_offsets);
    let mut out = Import::default();
    let mut spans = Vec::new();
    let mut seen = HashSet::new();
    for (((line_no, t), (start, end)), nb) in lines.iter().zip(&extents).zip(norm_bytes.chunks(2)) {
        let warn = |message: String| Warning::new(Location::new(ann_path, *line_no, 1), message);
        let pieces: Vec<&str> =
            (&mut raw_bytes).take(t.fragments.len()).filter_map(|b| txt.get(b[0]?..b[1]?)).collect();
        out.warnings.extend(check_t(t, (*start, *end), &pieces.join(" ")).into_iter().map(warn));
        match nb[0].zip(nb[1]).filter(|(s, e)| s < e) {
            Some((s, e)) if seen.insert((s, e, t.label)) => {
                spans.push(Span { bytes: s..e, label: t.label.to_string() })
            }
            Some(_) => out.warnings.push(warn(format!("duplicate {} {start}..{end} left out", t.label))),
            None => out
                .warnings
                .push(warn(format!("{} {start}..{end} covers only a line end; left out", t.label))),
        }
    }
    for (kind, (first, count)) in ignored {
        let msg = format!("{count} {kind:?} line(s) ignored: only text-bound (T) annotations are imported");
        out.warnings.push(Warning::new(Location::new(ann_path, first, 1), msg));
    }
    let document = Document::new(norm.text);
    out.documents.push(exchange::build_doc(exchange::stem(txt_path), document, spans, None, ann_path)?);
    Ok(out)
}

/// Warnings about a `T` line: discontinuous, or a surface text unlike the text at its offsets.
fn check_t(t: &TLine<'_>, (start, end): (usize, usize), text: &str) -> Vec<String> {
    let mut out = Vec::new();
    if t.fragments.len() > 1 {
        out.push(format!("discontinuous {} {start}..{end} imported as its full extent", t.label));
    }
    if let Some(surface) = t.surface.filter(|s| flat(s) != flat(text)) {
        out.push(format!(
            "surface text {surface:?} differs from the text at {start}..{end} ({text:?}); offsets kept"
        ));
    }
    out
}

/// The full extent (min start, max end) of fragments.
fn extent(fragments: &[(usize, usize)]) -> (usize, usize) {
    let start = fragments.iter().map(|f| f.0).min().unwrap_or(0);
    let end = fragments.iter().map(|f| f.1).max().unwrap_or(0);
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn import_warns_and_maps_crlf() {
        let txt = "\u{feff}سطر\r\nفي باكو";
        let ann = "T1\tLOC 9 13\tباكو\nR1\tRel Arg1:T1 Arg2:T1\n#1\tNote T1\tx\nT2\tLOC 1 2;9 10\tس ب\nT3\tLOC 9 13\tبيروت\n";
        let got = import_str(Path::new("d.ann"), ann, Path::new("d.txt"), txt).expect("imports");
        let doc = &got.documents[0];
        assert_eq!(doc.name, "d");
        assert_eq!(doc.document.text(), "سطر\nفي باكو");
        let ents: Vec<&str> =
            doc.annotations.entities().iter().filter_map(|e| doc.document.slice(e.range())).collect();
        assert_eq!(ents, vec!["سطر\nفي ب", "باكو"]);
        let msgs: Vec<String> = got.warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(msgs.len(), 5, "{msgs:?}");
        assert!(msgs[0].starts_with("d.ann:4:1: warning: discontinuous"));
        assert!(msgs[1].starts_with("d.ann:5:1: warning: surface text \"بيروت\""));
        assert!(msgs[2].starts_with("d.ann:5:1: warning: duplicate"));
        assert!(msgs[3].starts_with("d.ann:3:1: warning: 1 '#' line(s) ignored"));
        assert!(msgs[4].starts_with("d.ann:2:1: warning: 1 'R' line(s) ignored"));
    }

    #[test]
    fn bad_lines_are_errors_with_columns() {
        let err =
            import_str(Path::new("d.ann"), "T1\tLOC 0 x\tأ\n", Path::new("d.txt"), "أب").expect_err("bad");
        assert!(
            err.to_string().starts_with("d.ann:1:8: expected T<id><TAB>LABEL START END<TAB>TEXT"),
            "{err}"
        );
        let err = import_str(Path::new("d.ann"), "\nT1\tLOC 0 9\tأ\n", Path::new("d.txt"), "أب")
            .expect_err("range");
        assert!(err.to_string().starts_with("d.ann:2:1: offset 9 is past the end"), "{err}");
    }
}
