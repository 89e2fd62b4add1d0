//! The annotation file as it is on disk: serde types that mirror the RON text (code-point
//! offsets, label names), string escaping for writing it, a fast reader for the canonical
//! layout Hashiya writes, and a locator that maps "the 7th entity" back to a line and column.
//!
//! Reading tries the fast reader first; it accepts only the exact layout [`super::store`]
//! writes (a strict subset of RON) and gives up on anything else, in which case `ron` parses
//! the file and reports syntax errors with their position. `ron` alone needs ~330 ms for 100k
//! entities in release; the fast reader about a tenth of that. Validation lives in `store`.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::path::Path;

use serde::Deserialize;

use super::{FormatError, Location};

/// The whole file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename = "annotations", deny_unknown_fields)]
pub(crate) struct RawFile<'a> {
    pub version: u64,
    #[serde(borrow)]
    pub article: RawArticle<'a>,
    #[serde(borrow)]
    pub annotator: Cow<'a, str>,
    #[serde(borrow)]
    pub created: Cow<'a, str>,
    #[serde(borrow)]
    pub modified: Cow<'a, str>,
    #[serde(borrow)]
    pub labels: Vec<RawLabel<'a>>,
    #[serde(borrow)]
    pub entities: Vec<RawEntity<'a>>,
    #[serde(default, borrow)]
    pub orphans: Vec<RawEntity<'a>>,
    #[serde(default)]
    pub tokens: Option<Vec<(usize, usize)>>,
}

/// `article: (name: "x.txt", chars: N, sha256: "hex")`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename = "article", deny_unknown_fields)]
pub(crate) struct RawArticle<'a> {
    #[serde(borrow)]
    pub name: Cow<'a, str>,
    pub chars: usize,
    #[serde(borrow)]
    pub sha256: Cow<'a, str>,
}

/// One label: `(id: 1, name: "PER", color: "#0072b2", hotkey: Some('1'))`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename = "label", deny_unknown_fields)]
pub(crate) struct RawLabel<'a> {
    pub id: u32,
    #[serde(borrow)]
    pub name: Cow<'a, str>,
    #[serde(borrow)]
    pub color: Cow<'a, str>,
    #[serde(default)]
    pub hotkey: Option<char>,
}

/// One entity or orphan, code-point offsets; context only on entities.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename = "entity", deny_unknown_fields)]
pub(crate) struct RawEntity<'a> {
    pub id: u64,
    pub start: usize,
    pub end: usize,
    #[serde(borrow)]
    pub label: Cow<'a, str>,
    #[serde(borrow)]
    pub text: Cow<'a, str>,
    #[serde(default, borrow)]
    pub before: Cow<'a, str>,
    #[serde(default, borrow)]
    pub after: Cow<'a, str>,
}

/// Parses the file: the fast reader, else `ron` with its positioned syntax errors; a file
/// that names another format version gets a version error instead of a syntax error.
pub(crate) fn parse<'a>(path: &Path, src: &'a str, supported: u64) -> Result<RawFile<'a>, FormatError> {
    if let Some(raw) = Fast::new(src).file() {
        return Ok(raw);
    }
    parse_with_ron(src).map_err(|err| {
        if let Some((version, at)) = probe_version(src)
            && version != supported
        {
            return FormatError::at(Location::of_byte(path, src, at), version_message(version, supported));
        }
        let mut blank = Fast::new(src);
        blank.ws();
        if blank.i == src.len() {
            return FormatError::file(path, "is empty: it holds no annotations");
        }
        let at = Location::new(path, err.span.start.line, err.span.start.col);
        FormatError::at(at, format!("{} (not a valid Hashiya annotation file)", err.code))
    })
}

/// The message for an unsupported `version`.
pub(crate) fn version_message(version: u64, supported: u64) -> String {
    format!(
        "annotation format version {version} is not supported: this Hashiya reads version {supported} only{}",
        if version > supported { " (the file was written by a newer Hashiya)" } else { "" }
    )
}

fn parse_with_ron(src: &str) -> Result<RawFile<'_>, ron::error::SpannedError> {
    ron::Options::default().from_str(src)
}

/// Writes `s` as a RON string literal that stays on one line and displays safely: quotes,
/// backslashes, control characters, line separators and bidi controls are escaped; Arabic
/// letters and marks are written as they are.
pub(crate) fn push_str_lit(out: &mut String, s: &str) {
    out.push('"');
    if surely_plain(s) {
        out.push_str(s);
        out.push('"');
        return;
    }
    // Copy runs of characters that need no escape in one go.
    let mut run = 0;
    for (i, c) in s.char_indices() {
        if needs_escape(c, '"') {
            out.push_str(&s[run..i]);
            push_escaped(out, c, '"');
            run = i + c.len_utf8();
        }
    }
    out.push_str(&s[run..]);
    out.push('"');
}

/// Appends the decimal digits of `n` (faster than `write!` in the per-entity loop).
pub(crate) fn push_uint(out: &mut String, mut n: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(buf[i..].iter().map(|&b| char::from(b)));
}

/// A quick byte test: true only if no character of `s` can need escaping in a string
/// literal. Escaped characters are ASCII specials, or start with byte 0xC2 (C1 controls),
/// 0xE2 (U+2000–U+2FFF: bidi controls, separators), 0xEF (U+FEFF), or end in 0x9C (U+061C).
fn surely_plain(s: &str) -> bool {
    !s.bytes().any(|b| b < 0x20 || matches!(b, b'"' | b'\\' | 0x7F | 0xC2 | 0xE2 | 0xEF | 0x9C))
}

fn needs_escape(c: char, quote: char) -> bool {
    c == quote || c == '\\' || c.is_control() || is_invisible_format(c)
}

/// Writes `c` as a RON char literal.
pub(crate) fn push_char_lit(out: &mut String, c: char) {
    out.push('\'');
    push_escaped(out, c, '\'');
    out.push('\'');
}

fn push_escaped(out: &mut String, c: char, quote: char) {
    match c {
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if c == quote => {
            out.push('\\');
            out.push(c);
        }
        c if c.is_control() || is_invisible_format(c) => {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
        c => out.push(c),
    }
}

/// Bidi controls, line/paragraph separators and the BOM: invisible, and able to reorder or
/// break the displayed line in an editor.
fn is_invisible_format(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}')
}

mod fast;
mod locate;

use fast::Fast;
pub(crate) use locate::{element_offsets, field_offset, probe_version};

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn lit(s: &str) -> String {
        let mut out = String::new();
        push_str_lit(&mut out, s);
        out
    }

    #[test]
    fn arabic_stays_readable_and_controls_are_escaped() {
        assert_eq!(lit("بَاكُو"), "\"بَاكُو\"");
        assert_eq!(lit("a\"b\\c\nd\u{202E}e\u{0}"), r#""a\"b\\c\nd\u{202e}e\u{0}""#);
        let mut c = String::new();
        push_char_lit(&mut c, '\'');
        assert_eq!(c, r"'\''");
    }

    #[test]
    fn fast_reader_accepts_what_the_store_writes() {
        use crate::formats::store::{SaveInfo, to_ron_string};
        use crate::model::{Annotations, Document, Entity, EntityId, LabelId, LabelSet, Orphan};
        let doc = Document::new("قال \"أحمد\"\tفي\nباكو".to_string());
        let e = Entity { id: EntityId(3), start: 7, end: 17, label: LabelId(2) };
        let o = Orphan { id: EntityId(4), label: LabelId(1), chars: 1..2, text: "\\".into() };
        let mut ann = Annotations::from_parts(&doc, LabelSet::default(), vec![e], vec![o]).expect("valid");
        assert!(ann.set_tokens(&doc, Some(vec![0..6, 7..17])));
        let src = to_ron_string(&doc, &ann, &SaveInfo::new(std::path::Path::new("a.txt")));
        let fast = Fast::new(&src).file().expect("the fast reader accepts the canonical layout");
        assert_eq!(Some(fast), parse_with_ron(&src).ok());
    }

    proptest! {
        /// What the writer escapes, both readers read back identically.
        #[test]
        fn strings_round_trip_through_both_readers(s in "\\PC{0,20}|[\\x00-\\x1f\"\\\\'\u{2028}\u{202e}ب]{0,10}", c in any::<char>()) {
            let mut src = String::new();
            push_str_lit(&mut src, &s);
            let mut chars = String::new();
            push_char_lit(&mut chars, c);
            let fast = Fast::new(&src).string().map(Cow::into_owned);
            prop_assert_eq!(fast.as_deref(), Some(s.as_str()));
            prop_assert!(!src.contains('\n'));
            let by_ron: String = ron::from_str(&src).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(by_ron, s);
            prop_assert_eq!(Fast::new(&chars).char_lit(), Some(c));
            prop_assert_eq!(ron::from_str::<char>(&chars).ok(), Some(c));
        }

        /// The fast reader never accepts what ron rejects, and agrees with ron when it accepts.
        #[test]
        fn fast_reader_agrees_with_ron(src in "\\(version: ?[0-9]{1,3}, article: \\(name: \"a\", chars: [0-9]{1,2}, sha256: \"x\"\\), annotator: \"u\", created: \"c\", modified: \"m\", labels: \\[\\(id: 1, name: \"P\", color: \"#000000\"(, hotkey: (None|Some\\('1'\\)))?\\)\\], entities: \\[(\\(id: [0-9]{1,2}, start: [0-9]{1,2}, end: [0-9], label: \"P\", text: \"[a-z\\\\\"]{0,3}\"(, before: \"\")?\\),? ?){0,3}\\], orphans: \\[\\], tokens: (None|Some\\(\\[(\\([0-9], [0-9]\\), ?){0,3}\\]\\)),?\\) ?(// c)?") {
            let fast = Fast::new(&src).file();
            let slow = parse_with_ron(&src).ok();
            if let Some(f) = fast {
                prop_assert_eq!(Some(f), slow);
            }
        }
    }
}
