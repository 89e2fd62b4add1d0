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
//! `orphans` are entities that lost their place (offsets in the text they were last placed
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

mod validate;

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::atomic::write_atomic;
use super::reanchor::{ReanchorReport, context};
use super::store_raw::{push_char_lit, push_str_lit, push_uint};
use super::{FormatError, Location};
use crate::model::{Annotations, Document, LabelId};

/// The format version this Hashiya writes and reads.
pub const FORMAT_VERSION: u64 = 1;

/// What is appended to an article's path to name its annotation file.
pub const SUFFIX: &str = ".hashiya.ron";

/// Annotation files larger than this are refused without reading them (512 MiB).
pub const MAX_ANNOTATION_BYTES: u64 = 512 * 1024 * 1024;

/// Token ranges written per line.
const TOKENS_PER_LINE: usize = 10;

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

/// Who annotated and when; written into the file and read back.
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
}

impl SaveInfo {
    /// Info for a new annotation file of `article`: annotator from the environment, created now.
    pub fn new(article: &Path) -> Self {
        let now = now_utc();
        Self {
            article_name: article.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
            annotator: annotator_from_env(),
            created: now,
            modified: now,
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

/// Reads an annotation file as text, refusing huge and non-UTF-8 files.
pub fn read_text(path: &Path) -> Result<String, FormatError> {
    let len = fs::metadata(path).map_err(|e| FormatError::io(path, e))?.len();
    if len > MAX_ANNOTATION_BYTES {
        return Err(FormatError::file(
            path,
            format!("is too large ({len} bytes) to be a Hashiya annotation file"),
        ));
    }
    let bytes = fs::read(path).map_err(|e| FormatError::io(path, e))?;
    String::from_utf8(bytes)
        .map_err(|_| FormatError::file(path, "is not UTF-8 text, so not a Hashiya annotation file"))
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
    Location::of_byte(path, text, super::store_raw::field_offset(text, field).unwrap_or(0))
}

/// The file's text. `ann` must belong to `doc` ([`save`] checks that); `info.modified` is
/// written as given.
pub fn to_ron_string(doc: &Document, ann: &Annotations, info: &SaveInfo) -> String {
    let mut out = String::with_capacity(1024 + ann.entities().len() * 160);
    out.push_str("// Hashiya annotation file. Offsets count Unicode code points of the article text.\n(\n");
    let _ = writeln!(out, "    version: {FORMAT_VERSION},");
    out.push_str("    article: (name: ");
    push_str_lit(&mut out, &info.article_name);
    let _ = writeln!(out, ", chars: {}, sha256: \"{}\"),", doc.char_len(), sha256_hex(doc.text()));
    for (field, value) in [
        ("annotator", info.annotator.clone()),
        ("created", rfc3339(info.created)),
        ("modified", rfc3339(info.modified)),
    ] {
        let _ = write!(out, "    {field}: ");
        push_str_lit(&mut out, &value);
        out.push_str(",\n");
    }
    write_labels(&mut out, ann);
    write_entities(&mut out, doc, ann);
    write_orphans(&mut out, ann);
    write_tokens(&mut out, doc, ann);
    out.push_str(")\n");
    out
}

fn rfc3339(t: OffsetDateTime) -> String {
    t.format(&Rfc3339)
        .or_else(|_| t.to_offset(time::UtcOffset::UTC).format(&Rfc3339))
        .unwrap_or_else(|_| t.to_string())
}

/// `    name: [` … `    ],` with one line per item (or `[]` when empty).
fn write_list<T>(
    out: &mut String,
    name: &str,
    items: impl ExactSizeIterator<Item = T>,
    mut line: impl FnMut(&mut String, T),
) {
    if items.len() == 0 {
        let _ = writeln!(out, "    {name}: [],");
        return;
    }
    let _ = writeln!(out, "    {name}: [");
    for item in items {
        out.push_str("        (");
        line(out, item);
        out.push_str("),\n");
    }
    out.push_str("    ],\n");
}

fn write_labels(out: &mut String, ann: &Annotations) {
    write_list(out, "labels", ann.labels().iter().collect::<Vec<_>>().into_iter(), |out, l| {
        let _ = write!(out, "id: {}, name: ", l.id.0);
        push_str_lit(out, &l.name);
        let _ = write!(out, ", color: \"{}\", hotkey: ", l.color.to_hex());
        match l.hotkey {
            Some(c) => {
                out.push_str("Some(");
                push_char_lit(out, c);
                out.push(')');
            }
            None => out.push_str("None"),
        }
    });
}

/// Label names as ready-escaped string literals.
fn label_literals(ann: &Annotations) -> Vec<(LabelId, String)> {
    ann.labels()
        .iter()
        .map(|l| {
            let mut lit = String::new();
            push_str_lit(&mut lit, &l.name);
            (l.id, lit)
        })
        .collect()
}

fn label_literal(names: &[(LabelId, String)], id: LabelId) -> &str {
    names.iter().find(|(l, _)| *l == id).map_or("\"?\"", |(_, lit)| lit.as_str())
}

fn write_entities(out: &mut String, doc: &Document, ann: &Annotations) {
    let names = label_literals(ann);
    let text = doc.text();
    // Entities come sorted by start: count code points incrementally.
    let (mut at_byte, mut at_char) = (0usize, 0usize);
    write_list(out, "entities", ann.entities().iter(), |out, e| {
        let (Some(span), Some(gap)) = (text.get(e.range()), text.get(at_byte..e.start)) else {
            return;
        };
        at_char += gap.chars().count();
        at_byte = e.start;
        let end_char = at_char + span.chars().count();
        out.push_str("id: ");
        push_uint(out, e.id.0);
        out.push_str(", start: ");
        push_uint(out, at_char as u64);
        out.push_str(", end: ");
        push_uint(out, end_char as u64);
        out.push_str(", label: ");
        out.push_str(label_literal(&names, e.label));
        out.push_str(", text: ");
        push_str_lit(out, span);
        let (before, after) = context(text, e.start, e.end);
        out.push_str(", before: ");
        push_str_lit(out, before);
        out.push_str(", after: ");
        push_str_lit(out, after);
    });
}

fn write_orphans(out: &mut String, ann: &Annotations) {
    let names = label_literals(ann);
    write_list(out, "orphans", ann.orphans().iter(), |out, o| {
        let _ = write!(out, "id: {}, start: {}, end: {}, label: ", o.id.0, o.chars.start, o.chars.end);
        out.push_str(label_literal(&names, o.label));
        out.push_str(", text: ");
        push_str_lit(out, &o.text);
    });
}

fn write_tokens(out: &mut String, doc: &Document, ann: &Annotations) {
    let Some(tokens) = ann.tokens() else {
        out.push_str("    tokens: None,\n");
        return;
    };
    out.push_str("    tokens: Some([");
    let text = doc.text();
    let (mut at_byte, mut at_char) = (0usize, 0usize);
    for (i, r) in tokens.iter().enumerate() {
        let (Some(gap), Some(span)) = (text.get(at_byte..r.start), text.get(r.clone())) else { continue };
        let start = at_char + gap.chars().count();
        let end = start + span.chars().count();
        (at_byte, at_char) = (r.end, end);
        out.push_str(if i % TOKENS_PER_LINE == 0 { "\n        " } else { " " });
        let _ = write!(out, "({start}, {end}),");
    }
    out.push_str(if tokens.is_empty() { "]),\n" } else { "\n    ]),\n" });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, EntityId, LabelSet, Orphan};

    fn sample() -> (Document, Annotations, SaveInfo) {
        let doc = Document::new("التقى المقداد في باكو\nمع \"UN\" (2023).".to_string());
        let b = |s: &str| doc.text().find(s).map_or(0..0, |i| i..i + s.len());
        let ent = |id: u64, s: &str, label: u32| {
            let r = b(s);
            Entity { id: EntityId(id), start: r.start, end: r.end, label: LabelId(label) }
        };
        let orphan = Orphan { id: EntityId(9), label: LabelId(3), chars: 40..44, text: "دمشق".into() };
        let entities = vec![ent(1, "المقداد", 1), ent(2, "باكو", 3), ent(3, "\"UN\"", 2), ent(4, "UN", 2)];
        let mut ann =
            Annotations::from_parts(&doc, LabelSet::default(), entities, vec![orphan]).expect("valid");
        assert!(ann.set_tokens(&doc, Some(vec![b("التقى"), b("المقداد"), b("في")])));
        let t = OffsetDateTime::from_unix_timestamp(1_700_000_000).expect("valid time");
        let info =
            SaveInfo { article_name: "baku.txt".into(), annotator: "rana".into(), created: t, modified: t };
        (doc, ann, info)
    }

    #[test]
    fn naming_round_trips() {
        let ann = annotation_path(Path::new("/news/baku.txt"));
        assert_eq!(ann, Path::new("/news/baku.txt.hashiya.ron"));
        assert_eq!(article_path(&ann).as_deref(), Some(Path::new("/news/baku.txt")));
        assert_eq!(article_path(Path::new("x.ron")), None);
        assert_eq!(article_path(Path::new(".hashiya.ron")), None);
    }

    #[test]
    fn written_file_is_readable_one_entity_per_line() {
        let (doc, ann, info) = sample();
        let text = to_ron_string(&doc, &ann, &info);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines.contains(&r#"        (id: 1, start: 6, end: 13, label: "PER", text: "المقداد", before: "التقى ", after: " في باكو\nمع "),"#));
        assert!(lines.contains(&r#"        (id: 9, start: 40, end: 44, label: "LOC", text: "دمشق"),"#));
        assert!(lines.contains(&"        (0, 5), (6, 13), (14, 16),"), "{text}");
        assert!(lines.contains(&r#"    created: "2023-11-14T22:13:20Z","#));
        let entity_lines = lines.iter().filter(|l| l.contains(", label: ") && l.contains("before:")).count();
        assert_eq!(entity_lines, 4);
        let loaded = from_ron_str(Path::new("a.ron"), &text, &doc).expect("loads");
        assert_eq!((loaded.annotations, loaded.info, loaded.reanchor), (ann, info, None));
    }

    #[test]
    fn sha256_matches_a_known_vector() {
        assert_eq!(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    #[test]
    fn save_refuses_annotations_of_another_text() {
        let (doc, ann, info) = sample();
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.ron");
        let short = Document::new("قصير".into());
        assert!(save(&path, &short, &ann, &info).is_err());
        assert!(!path.exists());
        save(&path, &doc, &ann, &info).expect("saves");
        let loaded = load(&path, &doc).expect("loads");
        assert_eq!(loaded.annotations, ann);
        assert!(loaded.info.modified > info.modified, "modified is set by save");
    }
}
