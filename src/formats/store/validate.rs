//! Validation of a parsed annotation file into model types: checks every field, converts
//! code-point offsets to byte offsets, and decides between "text unchanged" (offsets must fit
//! and the surface texts must match) and "text changed" (re-anchor). Problems are collected in
//! file order and located at the line of the offending field or list element.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::Path;

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::locate::{element_offsets, field_offset};
use super::parse::{parse, version_message};
use super::raw::{RawEntity, RawFile};
use super::{DocStatus, FORMAT_VERSION, Loaded, SaveInfo, Summary, sha256_hex};
use crate::formats::reanchor::{Anchor, ReanchorReport, reanchor};
use crate::formats::{FormatError, Location};
use crate::model::{Annotations, Document, Entity, EntityId, Label, LabelId, LabelSet, Orphan, Rgb};

/// At most this many problems are located and listed; the rest are counted.
const MAX_PROBLEMS: usize = 100;

/// Label ids by name; a handful of labels, so a linear search beats hashing.
pub(super) struct Names<'a>(Vec<(&'a str, LabelId)>);

impl Names<'_> {
    pub(super) fn get(&self, name: &str) -> Option<LabelId> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, id)| *id)
    }
}

/// Finds repeated entity ids. A sorted copy tells whether any id repeats (fast for the
/// usual sorted ids); only then are ids tracked one by one to say which element repeats one.
struct Ids(Option<HashSet<u64>>);

impl Ids {
    fn new(raw: &RawFile<'_>) -> Self {
        let mut all: Vec<u64> = raw.entities.iter().chain(&raw.orphans).map(|e| e.id).collect();
        all.sort_unstable();
        Self(all.windows(2).any(|w| w[0] == w[1]).then(HashSet::new))
    }

    /// False if `id` was seen before.
    fn insert(&mut self, id: u64) -> bool {
        self.0.as_mut().is_none_or(|seen| seen.insert(id))
    }
}

/// Where a problem is.
enum Site {
    Field(&'static str),
    Element(&'static str, usize),
}

/// Problems found so far, located lazily (locating scans the file).
pub(super) struct Problems<'s> {
    path: &'s Path,
    src: &'s str,
    found: Vec<(Site, String)>,
}

impl<'s> Problems<'s> {
    fn field(&mut self, name: &'static str, message: impl Into<String>) {
        self.found.push((Site::Field(name), message.into()));
    }

    pub(super) fn element(&mut self, list: &'static str, index: usize, message: impl Into<String>) {
        self.found.push((Site::Element(list, index), message.into()));
    }

    fn into_errors(self) -> Vec<FormatError> {
        let mut lists: HashMap<&str, Vec<usize>> = HashMap::new();
        let total = self.found.len();
        let mut out: Vec<FormatError> = Vec::with_capacity(total.min(MAX_PROBLEMS + 1));
        for (site, message) in self.found.into_iter().take(MAX_PROBLEMS) {
            let at = match site {
                Site::Field(name) => field_offset(self.src, name),
                Site::Element(list, i) => lists
                    .entry(list)
                    .or_insert_with(|| element_offsets(self.src, list))
                    .get(i)
                    .copied()
                    .or_else(|| field_offset(self.src, list)),
            };
            out.push(FormatError::at(Location::of_byte(self.path, self.src, at.unwrap_or(0)), message));
        }
        if total > MAX_PROBLEMS {
            out.push(FormatError::file(self.path, format!("… and {} more problems", total - MAX_PROBLEMS)));
        }
        out
    }
}

/// Entities as read: placed in the current text, or to be re-anchored.
enum Placed {
    Exact(Vec<Entity>),
    Anchors(Vec<Anchor>),
}

/// Parses and checks `src`. Returns the loaded annotations (only with a `doc` and no
/// problems) and every problem found, in file order.
pub(super) fn validate(path: &Path, src: &str, doc: Option<&Document>) -> (Option<Loaded>, Vec<FormatError>) {
    match parse(path, src, FORMAT_VERSION) {
        Ok(raw) => check(path, src, &raw, doc),
        Err(err) => (None, vec![err]),
    }
}

/// Parses and checks `src` without the article's text (every check that needs none), and sums
/// it up: header, label set, entities per label.
pub(super) fn summarize(path: &Path, src: &str) -> Result<Summary, Vec<FormatError>> {
    let raw = parse(path, src, FORMAT_VERSION).map_err(|e| vec![e])?;
    let (_, problems) = check(path, src, &raw, None);
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut p = Problems { path, src, found: Vec::new() };
    let info = header(&raw, &mut p).ok_or_else(|| p.into_errors())?;
    let labels = labels(&raw, &mut Problems { path, src, found: Vec::new() });
    let mut counts = vec![0; labels.len()];
    for e in &raw.entities {
        if let Some(i) = raw.labels.iter().position(|l| l.name == e.label) {
            counts[i] += 1;
        }
    }
    Ok(Summary {
        info,
        sha256: raw.article.sha256.to_ascii_lowercase(),
        chars: raw.article.chars,
        labels,
        counts,
        entities: raw.entities.len(),
        orphans: raw.orphans.len(),
    })
}

/// Checks parsed `raw` (the text of `src`); see [`validate`].
fn check(
    path: &Path,
    src: &str,
    raw: &RawFile<'_>,
    doc: Option<&Document>,
) -> (Option<Loaded>, Vec<FormatError>) {
    let mut p = Problems { path, src, found: Vec::new() };
    if raw.version != FORMAT_VERSION {
        p.field("version", version_message(raw.version, FORMAT_VERSION));
        return (None, p.into_errors());
    }
    let info = header(raw, &mut p);
    let text = doc.filter(|d| fingerprint_matches(raw, d, &mut p));
    let labels = labels(raw, &mut p);
    let names = Names(raw.labels.iter().map(|l| (l.name.as_ref(), LabelId(l.id))).collect());
    let mut ids = Ids::new(raw);
    let placed = match text {
        Some(doc) => Placed::Exact(entities_in_text(&raw.entities, doc, &names, &mut ids, &mut p)),
        None => Placed::Anchors(anchors(&raw.entities, &names, &mut ids, &mut p)),
    };
    let orphans = orphans(&raw.orphans, &names, &mut ids, &mut p);
    let tokens = tokens(raw.tokens.as_deref(), text, &mut p);
    let layer = super::layer::layer(raw, text, &names, &mut p);
    let (Some(doc), Some(info), true) = (doc, info, p.found.is_empty()) else {
        return (None, p.into_errors());
    };
    let built =
        build(doc, labels, placed, orphans, tokens, raw.tokens.is_some()).and_then(|(mut ann, report)| {
            if let Some((suggestions, rejections)) = layer {
                ann.set_layer(doc, suggestions, rejections).map_err(|err| format!("suggestions: {err}"))?;
            }
            Ok((ann, report))
        });
    match built {
        Ok((annotations, reanchor)) => (Some(Loaded { annotations, reanchor, info }), Vec::new()),
        Err(message) => (None, vec![FormatError::file(path, message)]),
    }
}

fn header(raw: &RawFile<'_>, p: &mut Problems<'_>) -> Option<SaveInfo> {
    let mut time = |field: &'static str, value: &str| {
        let parsed = OffsetDateTime::parse(value, &Rfc3339);
        if parsed.is_err() {
            p.field(
                field,
                format!(
                    "{field} time {value:?} is not an RFC 3339 date and time like \"2025-03-01T09:30:00Z\""
                ),
            );
        }
        parsed.ok()
    };
    let created = time("created", &raw.created);
    let modified = time("modified", &raw.modified);
    let status = match raw.status.as_deref().map(str::parse::<DocStatus>) {
        None => Some(DocStatus::implied(raw.entities.len())),
        Some(Ok(status)) => Some(status),
        Some(Err(message)) => {
            p.field("status", message);
            None
        }
    };
    Some(SaveInfo {
        article_name: raw.article.name.to_string(),
        annotator: raw.annotator.to_string(),
        created: created?,
        modified: modified?,
        status: status?,
    })
}

/// True if the file's fingerprint is the article's; checks its form and the length.
fn fingerprint_matches(raw: &RawFile<'_>, doc: &Document, p: &mut Problems<'_>) -> bool {
    let sha = raw.article.sha256.as_ref();
    if sha.len() != 64 || !sha.bytes().all(|b| b.is_ascii_hexdigit()) {
        p.field("article", format!("sha256 {sha:?} is not 64 hexadecimal digits"));
        return false;
    }
    let same = sha.eq_ignore_ascii_case(&sha256_hex(doc.text()));
    if same && raw.article.chars != doc.char_len() {
        p.field(
            "article",
            format!("chars is {} but the article has {} code points", raw.article.chars, doc.char_len()),
        );
    }
    same
}

fn labels(raw: &RawFile<'_>, p: &mut Problems<'_>) -> LabelSet {
    let mut out: Vec<Label> = Vec::with_capacity(raw.labels.len());
    for (i, l) in raw.labels.iter().enumerate() {
        let mut problem = |m: String| p.element("labels", i, format!("label {:?}: {m}", l.name));
        let color = Rgb::from_hex(&l.color);
        if l.name.trim().is_empty() {
            problem("the name is empty".into());
        } else if color.is_none() {
            problem(format!("colour {:?} is not of the form \"#rrggbb\"", l.color));
        } else if out.iter().any(|o| o.id.0 == l.id) {
            problem(format!("id {} is used by another label", l.id));
        } else if out.iter().any(|o| o.name == l.name) {
            problem("the name is defined twice".into());
        } else if l.hotkey.is_some() && out.iter().any(|o| o.hotkey == l.hotkey) {
            problem(format!("hotkey {:?} is used by another label", l.hotkey.unwrap_or_default()));
        } else if let Some(color) = color {
            out.push(Label { id: LabelId(l.id), name: l.name.to_string(), color, hotkey: l.hotkey });
        }
    }
    // Duplicates were reported above.
    LabelSet::from_labels(out).unwrap_or_else(|_| LabelSet::empty())
}

/// Checks common to entities and orphans: unique id, known label, non-empty forward range.
fn common(
    list: &'static str,
    i: usize,
    e: &RawEntity<'_>,
    names: &Names<'_>,
    ids: &mut Ids,
    p: &mut Problems<'_>,
) -> Option<LabelId> {
    let what = if list == "orphans" { "orphan" } else { "entity" };
    let mut problem = |m: String| p.element(list, i, format!("{what} #{}: {m}", e.id));
    if !ids.insert(e.id) {
        problem("this id is used by another entity or orphan".into());
        return None;
    }
    let Some(label) = names.get(&e.label) else {
        problem(format!("label {:?} is not defined in `labels`", e.label));
        return None;
    };
    if e.start >= e.end {
        problem(format!("range {}..{} is empty or reversed", e.start, e.end));
        return None;
    }
    Some(label)
}

/// Checks that the surface text is as long as the range (needed when the text changed).
fn length_matches(list: &'static str, i: usize, e: &RawEntity<'_>, p: &mut Problems<'_>) -> bool {
    let n = e.text.chars().count();
    if n != e.end - e.start {
        let what = if list == "orphans" { "orphan" } else { "entity" };
        p.element(
            list,
            i,
            format!(
                "{what} #{}: text {:?} has {n} code points but the range {}..{} spans {}",
                e.id,
                e.text,
                e.start,
                e.end,
                e.end - e.start
            ),
        );
    }
    n == e.end - e.start
}

/// Entities of an unchanged text: offsets must fit and the surface text must match.
fn entities_in_text(
    raw: &[RawEntity<'_>],
    doc: &Document,
    names: &Names<'_>,
    ids: &mut Ids,
    p: &mut Problems<'_>,
) -> Vec<Entity> {
    let n = doc.char_len();
    let mut cursor = Cursor::new(doc);
    let mut out = Vec::with_capacity(raw.len());
    for (i, e) in raw.iter().enumerate() {
        let Some(label) = common("entities", i, e, names, ids, p) else { continue };
        if e.end > n {
            let message = format!("range {}..{} is outside the article ({n} code points)", e.start, e.end);
            p.element("entities", i, format!("entity #{}: {message}", e.id));
            continue;
        }
        // The surface text must be at `start`; then `end` follows from its length.
        let start = cursor.byte(e.start).unwrap_or(doc.len());
        let range = start..start + e.text.len();
        if doc.slice(range.clone()) != Some(e.text.as_ref()) || e.text.chars().count() != e.end - e.start {
            let found = doc.char_range_to_bytes(e.start..e.end).and_then(|r| doc.slice(r)).unwrap_or("");
            let at = format!("{}..{}", e.start, e.end);
            let message = format!("text {:?} does not match the article's text {found:?} at {at}", e.text);
            p.element("entities", i, format!("entity #{}: {message}", e.id));
            continue;
        }
        out.push(Entity { id: EntityId(e.id), start: range.start, end: range.end, label });
    }
    out
}

/// Entities of a changed (or missing) text, to be re-anchored.
fn anchors(raw: &[RawEntity<'_>], names: &Names<'_>, ids: &mut Ids, p: &mut Problems<'_>) -> Vec<Anchor> {
    let mut out = Vec::with_capacity(raw.len());
    for (i, e) in raw.iter().enumerate() {
        if let Some(label) = common("entities", i, e, names, ids, p)
            && length_matches("entities", i, e, p)
        {
            out.push(Anchor {
                id: EntityId(e.id),
                label,
                chars: e.start..e.end,
                text: e.text.to_string(),
                before: e.before.to_string(),
                after: e.after.to_string(),
            });
        }
    }
    out
}

fn orphans(raw: &[RawEntity<'_>], names: &Names<'_>, ids: &mut Ids, p: &mut Problems<'_>) -> Vec<Orphan> {
    let mut out = Vec::with_capacity(raw.len());
    for (i, e) in raw.iter().enumerate() {
        if let Some(label) = common("orphans", i, e, names, ids, p)
            && length_matches("orphans", i, e, p)
        {
            out.push(Orphan { id: EntityId(e.id), label, chars: e.start..e.end, text: e.text.to_string() });
        }
    }
    out
}

/// Token boundaries: sorted, non-overlapping, non-empty; converted to bytes when the text is
/// unchanged (they are dropped when it changed).
fn tokens(
    raw: Option<&[(usize, usize)]>,
    doc: Option<&Document>,
    p: &mut Problems<'_>,
) -> Option<Vec<Range<usize>>> {
    let raw = raw?;
    let limit = doc.map_or(usize::MAX, Document::char_len);
    let mut prev_end = 0;
    for (i, &(start, end)) in raw.iter().enumerate() {
        let problem = if start >= end {
            "is empty or reversed"
        } else if start < prev_end {
            "overlaps or comes before the previous token"
        } else if end > limit {
            "is outside the article"
        } else {
            prev_end = end;
            continue;
        };
        p.element("tokens", i, format!("token ({start}, {end}) {problem}"));
        return None;
    }
    let mut cursor = Cursor::new(doc?);
    raw.iter().map(|&(s, e)| Some(cursor.byte(s)?..cursor.byte(e)?)).collect()
}

fn build(
    doc: &Document,
    labels: LabelSet,
    placed: Placed,
    orphans: Vec<Orphan>,
    tokens: Option<Vec<Range<usize>>>,
    had_tokens: bool,
) -> Result<(Annotations, Option<ReanchorReport>), String> {
    let (entities, orphans, tokens, report) = match placed {
        Placed::Exact(entities) => (entities, orphans, tokens, None),
        Placed::Anchors(anchors) => {
            let mut r = reanchor(doc, &anchors, orphans);
            r.report.tokens_dropped = had_tokens;
            (r.entities, r.orphans, None, Some(r.report))
        }
    };
    let annotations = Annotations::from_parts_with_tokens(doc, labels, entities, orphans, tokens).map_err(
        |err| match err {
            Some((e, err)) => format!("entity #{}: {err}", e.id.0),
            None => "the token boundaries do not fit the article".to_string(),
        },
    )?;
    Ok((annotations, report))
}

/// Converts code-point offsets to byte offsets, walking forward through the text: offsets in
/// a file come (nearly) in order, so this is O(text) for all of them. Earlier or far-away
/// offsets go through the document's index.
struct Cursor<'d> {
    doc: &'d Document,
    byte: usize,
    ch: usize,
}

impl<'d> Cursor<'d> {
    /// Forward gaps longer than this use the index instead of walking.
    const WALK: usize = 512;

    fn new(doc: &'d Document) -> Self {
        Self { doc, byte: 0, ch: 0 }
    }

    /// The byte offset of code point `ch`; `None` past the end.
    fn byte(&mut self, ch: usize) -> Option<usize> {
        let byte = if ch < self.ch || ch - self.ch > Self::WALK {
            self.doc.char_to_byte(ch)?
        } else if ch > self.doc.char_len() {
            return None;
        } else {
            let rest = self.doc.text().get(self.byte..)?;
            rest.char_indices().nth(ch - self.ch).map_or(self.doc.len(), |(i, _)| self.byte + i)
        };
        (self.byte, self.ch) = (byte, ch);
        Some(byte)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_matches_the_index_in_any_order() {
        let doc = Document::new("أب c دهـ 😀 و".repeat(100));
        let mut cursor = Cursor::new(&doc);
        for ch in [5, 0, 3, 3, 9, 700, 650, 1299, doc.char_len(), 2] {
            assert_eq!(cursor.byte(ch), doc.char_to_byte(ch), "code point {ch}");
        }
        assert_eq!(cursor.byte(doc.char_len() + 1), None);
    }
}
