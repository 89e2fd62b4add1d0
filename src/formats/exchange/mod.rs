//! What the exchange formats (CoNLL IOB2, brat standoff, doccano JSONL) share: imported
//! documents, import warnings, export reports, the choice of the outermost entities for flat
//! formats, line-end normalisation with its code-point map, and names for imported documents.
//!
//! Nothing here prints: warnings and reports are returned for the CLI or the app to show.
//! Which format is which, and the rules for writing files (atomic, never over the article or
//! an annotation file), are in [`files`]: the window and the command line both call it.

mod files;

pub use files::{
    Format, export_text, export_text_with, export_to, read_import, write_documents, write_export,
};

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;

use super::{FormatError, Location};
use crate::model::{Annotations, Document, Entity, EntityId, EntitySet, LabelId, LabelSet};

/// A problem that did not stop an import: where it is and what was done about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// Where in the input file.
    pub at: Location,
    /// What was wrong and how it was handled.
    pub message: String,
}

impl Warning {
    /// A warning at a location.
    pub fn new(at: Location, message: impl Into<String>) -> Self {
        Self { at, message: message.into() }
    }
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: warning: {}", self.at, self.message)
    }
}

/// One imported document: its name, its text and its validated annotations.
#[derive(Debug, Clone)]
pub struct ImportedDoc {
    /// File name stem for `<name>.txt` (already safe as a file name, unique within an import).
    pub name: String,
    /// The document text (line ends `\n`, no BOM).
    pub document: Document,
    /// Labels (in order of first appearance), entities and, for CoNLL, token boundaries.
    pub annotations: Annotations,
}

/// The result of reading one input file.
#[derive(Debug, Clone, Default)]
pub struct Import {
    /// The documents, in file order.
    pub documents: Vec<ImportedDoc>,
    /// Everything that was accepted with a correction or ignored.
    pub warnings: Vec<Warning>,
}

/// At most this many dropped brat lines are listed one by one in [`ExportReport::notes`].
const MAX_BRAT_NOTES: usize = 20;

/// What an export wrote and what it could not express.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportReport {
    /// Entities written.
    pub entities: usize,
    /// Nested or overlapping entities left out because the format is flat (CoNLL only).
    pub dropped_overlapping: usize,
    /// Entities left out because they cover no token, i.e. only white space (CoNLL only).
    pub dropped_empty: usize,
    /// Label names changed to fit the format (`from`, `to`): white space becomes `_`.
    pub renamed_labels: Vec<(String, String)>,
    /// Tokens written (CoNLL only).
    pub tokens: usize,
    /// Sentences written (CoNLL only).
    pub sentences: usize,
    /// Tokens `-DOCSTART-` written with a word joiner inside, so that they are not read as
    /// document markers (CoNLL only).
    pub escaped_docstart: usize,
    /// Lines kept from a brat import written besides the entities' `T` lines (brat only).
    pub brat_lines: usize,
    /// Kept brat lines that were not written, each with its line and why.
    pub brat_dropped: Vec<String>,
}

impl ExportReport {
    /// Human-readable notes about everything that was not exported as it is.
    pub fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if self.dropped_overlapping > 0 {
            notes.push(format!(
                "{} nested or overlapping entities cannot be expressed in IOB2 and were left out \
                 (the outermost ones were kept)",
                self.dropped_overlapping
            ));
        }
        if self.dropped_empty > 0 {
            notes.push(format!("{} entities cover only white space and were left out", self.dropped_empty));
        }
        if self.escaped_docstart > 0 {
            notes.push(format!(
                "{} tokens \"-DOCSTART-\" were written with a word joiner (U+2060) inside, so that \
                 they are not read as document markers",
                self.escaped_docstart
            ));
        }
        for (from, to) in &self.renamed_labels {
            notes.push(format!("label {from:?} was written as {to:?}"));
        }
        notes.extend(self.brat_dropped.iter().take(MAX_BRAT_NOTES).cloned());
        if self.brat_dropped.len() > MAX_BRAT_NOTES {
            notes.push(format!(
                "… and {} more brat lines not exported",
                self.brat_dropped.len() - MAX_BRAT_NOTES
            ));
        }
        notes
    }
}

/// The annotations with every suggestion that overlaps no entity made an entity (reading
/// order, longest first): what `--include-suggestions` exports. The layer itself is emptied.
pub fn with_suggestions(doc: &Document, ann: &Annotations) -> Annotations {
    let mut out = ann.clone();
    if let Some(tx) = crate::model::ops::accept_every(ann) {
        // Built from `ann` itself, so it applies; on the impossible failure nothing changes.
        let _ = out.apply(doc, &tx);
    }
    out
}

/// The entities a flat format can hold: the outermost non-overlapping ones, preferring the
/// longest and then the earliest; returned in reading order with the number left out.
pub fn outermost(entities: &EntitySet) -> (Vec<Entity>, usize) {
    let mut by_priority: Vec<&Entity> = entities.iter().collect();
    by_priority.sort_by_key(|e| (std::cmp::Reverse(e.end - e.start), e.start, e.id));
    let mut kept: BTreeMap<usize, Entity> = BTreeMap::new();
    let mut dropped = 0;
    for e in by_priority {
        let before = kept.range(..=e.start).next_back().is_some_and(|(_, k)| k.end > e.start);
        let after = kept.range(e.start..).next().is_some_and(|(&s, _)| s < e.end);
        if before || after {
            dropped += 1;
        } else {
            kept.insert(e.start, *e);
        }
    }
    (kept.into_values().collect(), dropped)
}

/// A label name usable in CoNLL tags and brat type fields: white space becomes `_`.
pub(crate) fn plain_label(name: &str) -> String {
    let fixed: String = name.chars().map(|c| if c.is_whitespace() { '_' } else { c }).collect();
    if fixed.is_empty() { "_".to_string() } else { fixed }
}

/// The names labels are written with in formats whose label names hold no white space: white
/// space becomes `_`, and a name that would then be another label's gets `_2`, `_3`, … so that
/// two labels never become one (`GEO LOC` and `GEO_LOC`). Labels whose names need no change
/// keep them.
pub(crate) fn export_names(labels: &LabelSet) -> HashMap<LabelId, String> {
    let mut names: HashMap<LabelId, String> = HashMap::with_capacity(labels.len());
    let mut taken: HashSet<String> = HashSet::with_capacity(labels.len());
    for l in labels.iter().filter(|l| plain_label(&l.name) == l.name) {
        taken.insert(l.name.clone());
        names.insert(l.id, l.name.clone());
    }
    for l in labels.iter().filter(|l| plain_label(&l.name) != l.name) {
        let plain = plain_label(&l.name);
        let unique = (1..)
            .map(|n| if n == 1 { plain.clone() } else { format!("{plain}_{n}") })
            .find(|name| !taken.contains(name))
            .unwrap_or(plain);
        taken.insert(unique.clone());
        names.insert(l.id, unique);
    }
    names
}

/// The name `label` is written with (see [`export_names`]; `MISC` for a label not in the
/// set), noting a changed name in `report` once.
pub(crate) fn export_name<'a>(
    names: &'a HashMap<LabelId, String>,
    labels: &LabelSet,
    label: LabelId,
    report: &mut ExportReport,
) -> &'a str {
    let Some(written) = names.get(&label) else { return "MISC" };
    if let Some(l) = labels.get(label) {
        note_rename(report, &l.name, written);
    }
    written
}

/// Records in `report` that `name` is written as `plain`, once.
pub(crate) fn note_rename(report: &mut ExportReport, name: &str, plain: &str) {
    if name != plain && !report.renamed_labels.iter().any(|(from, _)| from == name) {
        report.renamed_labels.push((name.to_string(), plain.to_string()));
    }
}

/// Text with line ends normalised to `\n` and a leading BOM removed, remembering where code
/// points were removed so that code-point offsets into the raw text can be mapped.
#[derive(Debug, Clone)]
pub(crate) struct Normalized {
    /// The normalised text.
    pub text: String,
    /// Code-point offsets (in the raw text) of removed code points, ascending.
    removed: Vec<usize>,
}

impl Normalized {
    /// Removes leading BOMs (all of them: a text that kept one would lose it on the next
    /// import, and its offsets with it) and the `\r` of each `\r\n`; a lone `\r` becomes `\n`.
    pub fn new(raw: &str) -> Self {
        let mut text = String::with_capacity(raw.len());
        let mut removed = Vec::new();
        let mut chars = raw.chars().enumerate().peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                '\u{feff}' if text.is_empty() => removed.push(i),
                '\r' if chars.peek().is_some_and(|&(_, n)| n == '\n') => removed.push(i),
                '\r' => text.push('\n'),
                _ => text.push(c),
            }
        }
        Self { text, removed }
    }

    /// Maps a code-point offset in the raw text to one in the normalised text.
    pub fn map(&self, raw: usize) -> usize {
        raw - self.removed.partition_point(|&r| r < raw)
    }
}

/// Code-point offsets of many byte offsets, in one pass over `text`; `None` for an offset
/// that is not a char boundary of `text` (or past its end).
pub(crate) fn bytes_to_chars(text: &str, bytes: &[usize]) -> Vec<Option<usize>> {
    convert(text, bytes, true)
}

/// Byte offsets of many code-point offsets, in one pass over `text`; `None` past the end.
pub(crate) fn chars_to_bytes(text: &str, chars: &[usize]) -> Vec<Option<usize>> {
    convert(text, chars, false)
}

/// Looks `keys` up among the (code point, byte) offsets of `text` and its end, keyed by byte
/// offset if `by_bytes`, else by code point: sorting the keys makes it O(n + k log k).
fn convert(text: &str, keys: &[usize], by_bytes: bool) -> Vec<Option<usize>> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_unstable_by_key(|&i| keys[i]);
    let mut out = vec![None; keys.len()];
    let mut points = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .enumerate()
        .map(|(c, b)| if by_bytes { (b, c) } else { (c, b) });
    let mut cur = points.next();
    for i in order {
        while let Some((k, _)) = cur
            && k < keys[i]
        {
            cur = points.next();
        }
        out[i] = cur.filter(|&(k, _)| k == keys[i]).map(|(_, v)| v);
    }
    out
}

/// A labelled byte range of an imported document, before labels get ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Span {
    /// Byte range in the document text.
    pub bytes: Range<usize>,
    /// Label name.
    pub label: String,
}

/// Builds a validated document: labels in order of first appearance, entity ids from 1.
pub(crate) fn build_doc(
    name: String,
    document: Document,
    spans: Vec<Span>,
    tokens: Option<Vec<Range<usize>>>,
    origin: &std::path::Path,
) -> Result<ImportedDoc, FormatError> {
    let mut labels = LabelSet::empty();
    let mut entities = Vec::with_capacity(spans.len());
    for (i, span) in spans.into_iter().enumerate() {
        let label = labels.ensure(&span.label);
        entities.push(Entity {
            id: EntityId(i as u64 + 1),
            start: span.bytes.start,
            end: span.bytes.end,
            label,
        });
    }
    let mut annotations =
        Annotations::from_parts(&document, labels, entities, Vec::new()).map_err(|(e, err)| {
            FormatError::file(origin, format!("document {name}: entity {}..{}: {err}", e.start, e.end))
        })?;
    if !annotations.set_tokens(&document, tokens) {
        return Err(FormatError::file(origin, format!("document {name}: token boundaries are inconsistent")));
    }
    Ok(ImportedDoc { name, document, annotations })
}

/// A file-name-safe version of `name`: letters, digits, `-`, `_` and inner `.` kept, the rest
/// replaced by `_`; never empty, never starting with `.`.
pub(crate) fn safe_name(name: &str) -> String {
    let mut out: String = name
        .chars()
        .map(|c| if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '_' })
        .take(100)
        .collect();
    let dots = out.len() - out.trim_start_matches('.').len();
    out.replace_range(..dots, &"_".repeat(dots));
    if out.is_empty() { "document".to_string() } else { out }
}

/// Makes the names of `docs` unique by appending `-2`, `-3`, … to repeats.
pub(crate) fn make_unique(docs: &mut [ImportedDoc]) {
    let mut seen = std::collections::HashSet::new();
    for doc in docs {
        let mut name = doc.name.clone();
        let mut n = 2;
        while !seen.insert(name.clone()) {
            name = format!("{}-{n}", doc.name);
            n += 1;
        }
        doc.name = name;
    }
}

/// The file stem of `path` as a safe document name.
pub(crate) fn stem(path: &std::path::Path) -> String {
    safe_name(&path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default())
}

/// The 1-based code-point column of byte `byte` within `line`.
pub(crate) fn column(line: &str, byte: usize) -> usize {
    line[..line.floor_char_boundary(byte.min(line.len()))].chars().count() + 1
}

/// Reads a file as UTF-8, failing with the position of the first invalid byte.
pub(crate) fn read_utf8(path: &std::path::Path) -> Result<String, FormatError> {
    let bytes = std::fs::read(path).map_err(|e| FormatError::io(path, e))?;
    super::utf8_text(path, bytes, "invalid UTF-8: exchange files must be UTF-8 (convert the file first)")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LabelId;

    fn ent(id: u64, start: usize, end: usize) -> Entity {
        Entity { id: EntityId(id), start, end, label: LabelId(1) }
    }

    #[test]
    fn outermost_prefers_longest_then_earliest() {
        let set = EntitySet::from_entities(vec![
            ent(1, 0, 10),  // outer
            ent(2, 2, 4),   // nested in 1
            ent(3, 8, 20),  // crosses 1, longer: wins
            ent(4, 20, 24), // touches 3: kept
            ent(5, 30, 33), // crosses 6, same length, earlier: wins
            ent(6, 31, 34),
        ]);
        let (kept, dropped) = outermost(&set);
        let ids: Vec<u64> = kept.iter().map(|e| e.id.0).collect();
        // 2 was nested in 1, but 1 lost to 3, so nothing hides 2 any more.
        assert_eq!(ids, vec![2, 3, 4, 5]);
        assert_eq!(dropped, 2);
    }

    #[test]
    fn normalised_offsets_follow_removed_code_points() {
        let n = Normalized::new("\u{feff}أ\r\nب\rج");
        assert_eq!(n.text, "أ\nب\nج");
        assert_eq!(n.map(1), 0); // أ
        assert_eq!(n.map(3), 1); // \n of \r\n
        assert_eq!(n.map(4), 2); // ب
        assert_eq!(n.map(6), 4); // ج
    }

    #[test]
    fn batch_offset_conversion() {
        let text = "وإيران 😀e";
        assert_eq!(chars_to_bytes(text, &[8, 0, 1, 9, 10]), vec![Some(17), Some(0), Some(2), Some(18), None]);
        assert_eq!(bytes_to_chars(text, &[13, 1, 0, 17, 18]), vec![Some(7), None, Some(0), Some(8), Some(9)]);
    }

    #[test]
    fn names_are_safe_and_unique() {
        assert_eq!(safe_name("../etc/passwd"), "___etc_passwd");
        assert_eq!(safe_name(""), "document");
        assert_eq!(safe_name("خبر 1"), "خبر_1");
        let doc = |name: &str| ImportedDoc {
            name: name.to_string(),
            document: Document::new(String::new()),
            annotations: Annotations::default(),
        };
        let mut docs = vec![doc("a"), doc("a"), doc("a-2"), doc("a")];
        make_unique(&mut docs);
        let names: Vec<&str> = docs.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, vec!["a", "a-2", "a-2-2", "a-3"]);
    }
}
