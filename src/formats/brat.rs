//! brat standoff: the `.txt` as it is plus an `.ann` of text-bound annotations
//! `T1<TAB>LABEL start end<TAB>surface`, offsets in code points, end exclusive.
//!
//! Export writes every entity (nested ones too: brat allows overlaps), then the lines kept
//! from an import ([`extra`]) with their references remapped to the exported `T` ids. Import
//! reads the `T` lines (a discontinuous `start end;start end` becomes its full extent, and its
//! fragments are kept for export), keeps every other line (`R`, `E`, `A`, `M`, `N`, `#`, `*`,
//! unknown kinds) with the document, checks the surface text against the `.txt` (a mismatch
//! is a warning; the offsets are trusted), and maps the offsets through line-end
//! normalisation (CRLF, BOM) of the `.txt`.

mod extra;

pub use extra::entity_notes;
pub(crate) use extra::highest_ref;

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::path::{Path, PathBuf};

use super::exchange::{self, ExportReport, Import, Normalized, Span, Warning};
use super::{FormatError, Location};
use crate::model::{Annotations, Document, EntityId};

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

/// Exports every entity, in reading order, as `T` lines, then the kept lines of an import
/// with their references remapped; the report lists the kept lines that could not be written.
pub fn export(doc: &Document, ann: &Annotations) -> (BratFiles, ExportReport) {
    let mut report = ExportReport::default();
    let (spans, others): (Vec<&str>, Vec<&str>) =
        ann.brat_lines().iter().map(String::as_str).partition(|l| l.starts_with('T'));
    let mut fragments = stored_fragments(&spans, &mut report);
    let entities: Vec<_> = ann.entities().iter().collect();
    let bounds: Vec<usize> = entities.iter().flat_map(|e| [e.start, e.end]).collect();
    let chars = exchange::bytes_to_chars(doc.text(), &bounds);
    let mut t_of = HashMap::with_capacity(entities.len());
    let mut out = String::new();
    let names = exchange::export_names(ann.labels());
    for (e, c) in entities.iter().zip(chars.chunks(2)) {
        let (Some(start), Some(end), Some(surface)) = (c[0], c[1], doc.slice(e.range())) else { continue };
        let plain = exchange::export_name(&names, ann.labels(), e.label, &mut report);
        report.entities += 1;
        t_of.insert(e.id, report.entities);
        let n = report.entities;
        let split = fragments
            .remove(&e.id)
            .and_then(|(line, f)| split_line(doc, (start, end), &f, line, &mut report));
        match split {
            Some((offsets, text)) => {
                report.brat_lines += 1;
                out.push_str(&format!("T{n}\t{plain} {offsets}\t{}\n", flat(&text)));
            }
            None => out.push_str(&format!("T{n}\t{plain} {start} {end}\t{}\n", flat(surface))),
        }
    }
    for (id, (line, _)) in fragments {
        report.brat_dropped.push(format!("brat line {line:?} not exported: {}", missing(ann, id)));
    }
    let kept = extra::export(&others, |id| t_of.get(&id).copied().ok_or_else(|| missing(ann, id)));
    report.brat_lines += kept.lines.len();
    report.brat_dropped.extend(kept.dropped);
    for line in kept.lines {
        out.push_str(&line);
        out.push('\n');
    }
    (BratFiles { txt: doc.text().to_string(), ann: out }, report)
}

/// Why entity `id` has no `T` line in an export.
fn missing(ann: &Annotations, id: EntityId) -> String {
    if ann.orphans().iter().any(|o| o.id == id) {
        format!("entity #{} is an orphan (its text was not found in the changed article)", id.0)
    } else {
        format!("entity #{} was deleted", id.0)
    }
}

/// A stored discontinuous `T` line and its fragments (code points).
type Stored<'a> = (&'a str, Vec<(usize, usize)>);

/// The fragments of the stored discontinuous `T` lines by entity id (a line that does not
/// parse is reported and dropped).
fn stored_fragments<'a>(spans: &[&'a str], report: &mut ExportReport) -> HashMap<EntityId, Stored<'a>> {
    let mut out = HashMap::new();
    for line in spans {
        let id = extra::entity_ref(extra::line_id(line));
        match (id, parse_t(Path::new(""), 0, line)) {
            (Some(id), Ok(t)) => {
                out.insert(id, (*line, t.fragments));
            }
            _ => report
                .brat_dropped
                .push(format!("brat line {line:?} not exported: it is not a text-bound span")),
        }
    }
    out
}

/// The `START END;START END` field and surface of an entity at code points `extent` split
/// into `fragments` as stored; `None`, with a note in `report`, if they no longer fit it.
fn split_line(
    doc: &Document,
    extent: (usize, usize),
    fragments: &[(usize, usize)],
    line: &str,
    report: &mut ExportReport,
) -> Option<(String, String)> {
    let ordered = fragments.windows(2).all(|w| w[0].1 <= w[1].0);
    let texts: Option<Vec<&str>> =
        fragments.iter().map(|&(s, e)| doc.char_range_to_bytes(s..e).and_then(|r| doc.slice(r))).collect();
    match texts {
        Some(texts) if ordered && self::extent(fragments) == extent => {
            let offsets: Vec<String> = fragments.iter().map(|(s, e)| format!("{s} {e}")).collect();
            Some((offsets.join(";"), texts.join(" ")))
        }
        _ => {
            report.brat_dropped.push(format!(
                "brat line {line:?} not exported as discontinuous: the entity now spans {}..{}, \
                 so it was written as one span",
                extent.0, extent.1
            ));
            None
        }
    }
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

/// One parsed `T` line: id, label, raw code-point fragments, surface text.
struct TLine<'a> {
    id: &'a str,
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
    let Some((id, rest)) = line.split_once('\t') else {
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
    Ok(TLine { id, label, fragments, surface })
}

/// The `.ann` as read: the `T` lines and every other line, with their line numbers.
struct Parsed<'a> {
    lines: Vec<(usize, TLine<'a>)>,
    others: Vec<(usize, &'a str)>,
}

/// Parses the `.ann`.
fn parse_ann<'a>(path: &Path, ann: &'a str) -> Result<Parsed<'a>, FormatError> {
    let mut lines = Vec::new();
    let mut others = Vec::new();
    for (i, line) in ann.split('\n').enumerate() {
        // A BOM, or any U+FEFF at a line start, means nothing in brat; kept, it would be read
        // as a BOM when the export starts with that line (fuzz finding 5).
        let line = line.trim_start_matches('\u{feff}');
        let (line_no, line) = (i + 1, line.strip_suffix('\r').unwrap_or(line));
        let Some(kind) = line.chars().next().filter(|_| !line.trim().is_empty()) else { continue };
        if kind == 'T' {
            lines.push((line_no, parse_t(path, line_no, line)?));
        } else {
            others.push((line_no, line));
        }
    }
    Ok(Parsed { lines, others })
}

/// Reads brat text; `ann_path` and `txt_path` name the inputs in errors and warnings.
pub fn import_str(ann_path: &Path, ann: &str, txt_path: &Path, txt: &str) -> Result<Import, FormatError> {
    let Parsed { lines, others } = parse_ann(ann_path, ann)?;
    let raw_len = txt.chars().count();
    if let Some((line_no, end)) =
        lines.iter().flat_map(|(n, t)| t.fragments.iter().map(move |f| (*n, f.1))).find(|&(_, e)| e > raw_len)
    {
        let msg = format!("offset {end} is past the end of {} ({raw_len} code points)", txt_path.display());
        return Err(FormatError::at(Location::new(ann_path, line_no, 1), msg));
    }
    let norm = Normalized::new(txt);
    let mut out = Import::default();
    let placed = place(ann_path, &lines, txt, &norm, &mut out.warnings);
    let other_lines: Vec<&str> = others.iter().map(|(_, line)| *line).collect();
    let imported = extra::import(&other_lines, &placed.entity_of);
    for (i, message) in imported.left_out {
        let line_no = others.get(i).map_or(1, |(n, _)| *n);
        out.warnings.push(Warning::new(Location::new(ann_path, line_no, 1), message));
    }
    let mut kept = placed.discontinuous;
    kept.extend(imported.lines);
    let document = Document::new(norm.text);
    let mut doc = exchange::build_doc(exchange::stem(txt_path), document, placed.spans, None, ann_path)?;
    let highest = highest_ref(&kept);
    doc.annotations.set_brat_lines(kept, highest);
    out.documents.push(doc);
    Ok(out)
}

/// The entities the `T` lines make.
struct Placed<'a> {
    /// One per entity, in `T` line order (entity ids from 1).
    spans: Vec<Span>,
    /// brat `T` id → its entity (a duplicate's is the first one's), `None` if left out.
    entity_of: HashMap<&'a str, Option<EntityId>>,
    /// Stored lines keeping the fragments of discontinuous spans: `T<entity id>` and
    /// normalised code points.
    discontinuous: Vec<String>,
}

/// Places the `T` lines in the normalised text, warning about what does not fit.
fn place<'a>(
    ann_path: &Path,
    lines: &[(usize, TLine<'a>)],
    txt: &str,
    norm: &Normalized,
    warnings: &mut Vec<Warning>,
) -> Placed<'a> {
    let raw_offsets: Vec<usize> =
        lines.iter().flat_map(|(_, t)| t.fragments.iter().flat_map(|f| [f.0, f.1])).collect();
    let raw_bytes = exchange::chars_to_bytes(txt, &raw_offsets);
    let mut raw_bytes = raw_bytes.chunks(2);
    let extents: Vec<(usize, usize)> = lines.iter().map(|(_, t)| extent(&t.fragments)).collect();
    let norm_offsets: Vec<usize> = extents.iter().flat_map(|&(s, e)| [norm.map(s), norm.map(e)]).collect();
    let norm_bytes = exchange::chars_to_bytes(&norm.text, &norm_offsets);
    let mut placed = Placed { spans: Vec::new(), entity_of: HashMap::new(), discontinuous: Vec::new() };
    let mut index: HashMap<(usize, usize, &str), usize> = HashMap::new();
    for (((line_no, t), (start, end)), nb) in lines.iter().zip(&extents).zip(norm_bytes.chunks(2)) {
        let warn = |message: String| Warning::new(Location::new(ann_path, *line_no, 1), message);
        let pieces: Vec<&str> =
            (&mut raw_bytes).take(t.fragments.len()).filter_map(|b| txt.get(b[0]?..b[1]?)).collect();
        let text = pieces.join(" ");
        warnings.extend(check_t(t, (*start, *end), &text).into_iter().map(warn));
        let entity = match nb[0].zip(nb[1]).filter(|(s, e)| s < e).map(|(s, e)| index.entry((s, e, t.label)))
        {
            Some(Entry::Vacant(slot)) => {
                slot.insert(placed.spans.len());
                let bytes = nb[0].unwrap_or(0)..nb[1].unwrap_or(0);
                placed.spans.push(Span { bytes, label: t.label.to_string() });
                let id = EntityId(placed.spans.len() as u64);
                match fragments_line(t, id, &text, norm) {
                    Ok(line) => placed.discontinuous.extend(line),
                    Err(why) => {
                        warnings.push(warn(format!("{} {start}..{end}: {why}", t.label.escape_debug())))
                    }
                }
                Some(id)
            }
            Some(Entry::Occupied(first)) => {
                let id = EntityId(*first.get() as u64 + 1);
                warnings.push(warn(format!("duplicate {} {start}..{end} merged into the first", t.label)));
                Some(id)
            }
            None => {
                warnings.push(warn(format!("{} {start}..{end} covers only a line end; left out", t.label)));
                None
            }
        };
        placed.entity_of.entry(t.id).or_insert(entity);
    }
    placed
}

/// The stored line keeping the fragments of a discontinuous `T` line (entity `id`; `None` for
/// one fragment), or why they are not kept.
fn fragments_line(
    t: &TLine<'_>,
    id: EntityId,
    text: &str,
    norm: &Normalized,
) -> Result<Option<String>, String> {
    let fragments = in_order(&t.fragments, norm);
    if fragments.len() < 2 {
        return Ok(None);
    }
    if t.label.contains('\r') {
        // The stored line could not be read back (fuzz finding 7).
        return Err("fragments not kept (a carriage return in the label)".to_string());
    }
    let offsets: Vec<String> = fragments.iter().map(|(s, e)| format!("{s} {e}")).collect();
    let surface = flat(t.surface.unwrap_or(text));
    Ok(Some(format!("T{}\t{} {}\t{surface}", id.0, t.label, offsets.join(";"))))
}

/// Warnings about a `T` line: discontinuous, or a surface text unlike the text at its offsets.
fn check_t(t: &TLine<'_>, (start, end): (usize, usize), text: &str) -> Vec<String> {
    let mut out = Vec::new();
    if t.fragments.len() > 1 {
        out.push(format!(
            "discontinuous {} {start}..{end} imported as its full extent (its fragments are kept for brat export)",
            t.label
        ));
    }
    if let Some(surface) = t.surface.filter(|s| flat(s) != flat(text)) {
        out.push(format!(
            "surface text {surface:?} differs from the text at {start}..{end} ({text:?}); offsets kept"
        ));
    }
    out
}

/// Fragments as kept for export: in the normalised text, in order, overlapping ones joined and
/// empty ones (a lone line end) left out, so that the export writes a valid line.
fn in_order(fragments: &[(usize, usize)], norm: &Normalized) -> Vec<(usize, usize)> {
    let mut mapped: Vec<(usize, usize)> =
        fragments.iter().map(|&(s, e)| (norm.map(s), norm.map(e))).collect();
    mapped.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(mapped.len());
    for (s, e) in mapped.into_iter().filter(|(s, e)| s < e) {
        match out.last_mut() {
            Some(last) if s < last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
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
    fn import_warns_maps_crlf_and_keeps_the_other_lines() {
        let txt = "\u{feff}سطر\r\nفي باكو";
        let ann = "T1\tLOC 9 13\tباكو\nR1\tRel Arg1:T1 Arg2:T3\n#1\tNote T1\tx\nT2\tLOC 1 2;9 10\tس ب\nT3\tLOC 9 13\tبيروت\n";
        let got = import_str(Path::new("d.ann"), ann, Path::new("d.txt"), txt).expect("imports");
        let doc = &got.documents[0];
        assert_eq!(doc.name, "d");
        assert_eq!(doc.document.text(), "سطر\nفي باكو");
        let ents: Vec<&str> =
            doc.annotations.entities().iter().filter_map(|e| doc.document.slice(e.range())).collect();
        assert_eq!(ents, vec!["سطر\nفي ب", "باكو"]);
        let msgs: Vec<String> = got.warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(msgs.len(), 3, "{msgs:?}");
        assert!(msgs[0].starts_with("d.ann:4:1: warning: discontinuous"));
        assert!(msgs[1].starts_with("d.ann:5:1: warning: surface text \"بيروت\""));
        assert!(msgs[2].starts_with("d.ann:5:1: warning: duplicate"));
        // T1 became entity #1 (T3 is its duplicate), T2 entity #2; offsets are the text's.
        let kept = ["T2\tLOC 0 1;7 8\tس ب", "R1\tRel Arg1:T1 Arg2:T1", "#1\tNote T1\tx"];
        assert_eq!(doc.annotations.brat_lines(), kept);
        let (files, report) = export(&doc.document, &doc.annotations);
        let want = "T1\tLOC 0 1;7 8\tس ب\nT2\tLOC 7 11\tباكو\nR1\tRel Arg1:T2 Arg2:T2\n#1\tNote T2\tx\n";
        assert_eq!(files.ann, want);
        assert_eq!((report.entities, report.brat_lines, report.brat_dropped.len()), (2, 3, 0));
    }

    #[test]
    fn export_says_which_lines_it_drops() {
        let txt = "أ ب ج د";
        let ann = "T1\tPER 0 1\tأ\nT2\tLOC 2 3;6 7\tب د\nT3\tORG 4 5\tج\nR1\tIn Arg1:T1 Arg2:T3\n\
                   E1\tMeet:T3 A:T1\nA1\tNeg E1\nA2\tSure T1\n";
        let got = import_str(Path::new("d.ann"), ann, Path::new("d.txt"), txt).expect("imports");
        assert!(got.warnings.iter().all(|w| w.message.starts_with("discontinuous")), "{:?}", got.warnings);
        let imported = &got.documents[0];
        let (doc, mut ann) = (imported.document.clone(), imported.annotations.clone());
        let by_id = |id: u64| ann.entities().get(EntityId(id)).copied().expect("entity");
        let (t2, t3) = (by_id(2), by_id(3));
        let resize = crate::model::Entity { end: t2.end - " د".len(), ..t2 };
        let tx = crate::model::Transaction::new(vec![
            crate::model::Edit::Remove(t3),
            crate::model::Edit::Replace { old: t2, new: resize },
        ]);
        ann.apply(&doc, &tx).expect("applies");
        let (files, report) = export(&doc, &ann);
        assert_eq!(files.ann, "T1\tPER 0 1\tأ\nT2\tLOC 2 5\tب ج\nA2\tSure T1\n");
        assert_eq!(
            report.brat_dropped,
            [
                "brat line \"T2\\tLOC 2 3;6 7\\tب د\" not exported as discontinuous: the entity now spans 2..5, \
                 so it was written as one span",
                "brat line \"R1\\tIn Arg1:T1 Arg2:T3\" not exported: entity #3 was deleted",
                "brat line \"E1\\tMeet:T3 A:T1\" not exported: entity #3 was deleted",
                "brat line \"A1\\tNeg E1\" not exported: it refers to E1, which was left out",
            ]
        );
        assert_eq!(report.brat_lines, 1);
        assert_eq!(report.notes(), report.brat_dropped);
    }

    /// Found by the `brat` fuzz target: fragments out of order (`1 2;0 10`) were kept as they
    /// were, and the export then refused them and wrote the entity as one span.
    #[test]
    fn fragments_are_kept_in_order_and_joined() {
        let txt = "أب\r\nجد هو";
        let ann = "T1\tX 4 5;0 1\tج أ\nT2\tY 0 2;1 3;5 6\tأب د\nT3\tZ 2 3;5 6\t\n";
        let got = import_str(Path::new("d.ann"), ann, Path::new("d.txt"), txt).expect("imports");
        let doc = &got.documents[0];
        // T1: in order. T2: 0 2 and 1 3 overlap: joined. T3: the \r alone is left out.
        assert_eq!(doc.annotations.brat_lines(), ["T1\tX 0 1;3 4\tج أ", "T2\tY 0 2;4 5\tأب د"]);
        let (files, report) = export(&doc.document, &doc.annotations);
        assert!(report.brat_dropped.is_empty(), "{:?}", report.brat_dropped);
        assert_eq!(files.ann, "T1\tY 0 2;4 5\tأب د\nT2\tX 0 1;3 4\tأ ج\nT3\tZ 2 5\t جد\n");
    }

    /// Found by the `brat` fuzz target: an `.ann` of two BOMs kept the second as an unknown
    /// line; the export started with it, so the next import read it as a BOM and lost the line.
    /// A U+FEFF at any line start is now dropped, so export and import agree.
    #[test]
    fn byte_order_marks_at_line_starts_are_dropped() {
        let got =
            import_str(Path::new("d.ann"), "\u{feff}\u{feff}", Path::new("d.txt"), "").expect("imports");
        assert!(got.documents[0].annotations.brat_lines().is_empty());
        let ann = "\u{feff}T1\tX 0 1\tأ\n\u{feff}#1\tAnnotatorNotes T1\tنص\n";
        let got = import_str(Path::new("d.ann"), ann, Path::new("d.txt"), "أب").expect("imports");
        let doc = &got.documents[0];
        assert_eq!(doc.annotations.entities().len(), 1);
        assert_eq!(doc.annotations.brat_lines(), ["#1\tAnnotatorNotes T1\tنص"]);
        let (files, _) = export(&doc.document, &doc.annotations);
        let back = import_str(Path::new("b.ann"), &files.ann, Path::new("b.txt"), &files.txt).expect("again");
        assert_eq!(back.documents[0].annotations.brat_lines(), doc.annotations.brat_lines());
    }

    /// Found by the `brat` fuzz target: a discontinuous `T` line whose label held a carriage
    /// return was kept for its fragments, and the annotation file refused the kept line.
    #[test]
    fn fragments_with_a_carriage_return_in_the_label_are_not_kept() {
        let ann = "T1\tA\rB 0 1;3 4\tأ ب\n";
        let got = import_str(Path::new("d.ann"), ann, Path::new("d.txt"), "أج ب").expect("imports");
        let doc = &got.documents[0];
        assert_eq!(doc.annotations.entities().len(), 1);
        assert!(doc.annotations.brat_lines().is_empty());
        assert!(
            got.warnings.iter().any(|w| w.to_string().contains("fragments not kept")),
            "{:?}",
            got.warnings
        );
        let info = crate::formats::store::SaveInfo::new(Path::new("d.txt"));
        let ron = crate::formats::store::to_ron_string(&doc.document, &doc.annotations, &info);
        let back =
            crate::formats::store::from_ron_str(Path::new("d.ron"), &ron, &doc.document).expect("loads");
        assert_eq!(back.annotations, doc.annotations);
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
