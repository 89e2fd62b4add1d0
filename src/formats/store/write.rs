//! Writing the annotation file: the canonical RON layout (one entity per line, in reading
//! order, code-point offsets, context for re-anchoring) and the string escaping that keeps
//! every literal on one line and safe to display. [`super::fast`] reads exactly this layout.

use std::fmt::Write as _;

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::{FORMAT_VERSION, SaveInfo, sha256_hex};
use crate::formats::reanchor::context;
use crate::model::{Annotations, Document, LabelId, LabelSet};

/// Token ranges written per line.
const TOKENS_PER_LINE: usize = 10;

/// The file's text. `ann` must belong to `doc` ([`save`](super::save) checks that);
/// `info.modified` is written as given.
pub fn to_ron_string(doc: &Document, ann: &Annotations, info: &SaveInfo) -> String {
    let mut out = String::with_capacity(1024 + ann.entities().len() * 160);
    write_header(&mut out, info, doc.char_len(), &sha256_hex(doc.text()));
    write_labels(&mut out, ann.labels());
    write_entities(&mut out, doc, ann);
    write_orphans(&mut out, ann);
    write_tokens(&mut out, doc, ann);
    write_layer(&mut out, doc, ann);
    out.push_str(")\n");
    out
}

/// The comment line and every field before `labels`.
pub(super) fn write_header(out: &mut String, info: &SaveInfo, chars: usize, sha256: &str) {
    out.push_str("// Hashiya annotation file. Offsets count Unicode code points of the article text.\n(\n");
    let _ = writeln!(out, "    version: {FORMAT_VERSION},");
    out.push_str("    article: (name: ");
    push_str_lit(out, &info.article_name);
    let _ = writeln!(out, ", chars: {chars}, sha256: \"{sha256}\"),");
    for (field, value) in [
        ("annotator", info.annotator.clone()),
        ("created", rfc3339(info.created)),
        ("modified", rfc3339(info.modified)),
        ("status", info.status.as_str().to_string()),
    ] {
        let _ = write!(out, "    {field}: ");
        push_str_lit(out, &value);
        out.push_str(",\n");
    }
}

fn rfc3339(t: OffsetDateTime) -> String {
    t.format(&Rfc3339)
        .or_else(|_| t.to_offset(time::UtcOffset::UTC).format(&Rfc3339))
        .unwrap_or_else(|_| t.to_string())
}

/// `    name: [` … `    ],` with one line per item (or `[]` when empty).
pub(super) fn write_list<T>(
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

pub(super) fn write_labels(out: &mut String, labels: &LabelSet) {
    write_list(out, "labels", labels.iter().collect::<Vec<_>>().into_iter(), |out, l| {
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

/// `suggestions` and `rejected`, each only when not empty (files without them stay readable by
/// builds that predate the suggestions layer).
fn write_layer(out: &mut String, doc: &Document, ann: &Annotations) {
    let names = label_literals(ann);
    let span = |out: &mut String, range: std::ops::Range<usize>, label: LabelId| {
        let chars = doc.byte_range_to_chars(range.clone()).unwrap_or(0..0);
        let _ = write!(
            out,
            "start: {}, end: {}, label: {}, text: ",
            chars.start,
            chars.end,
            label_literal(&names, label)
        );
        push_str_lit(out, doc.slice(range).unwrap_or(""));
    };
    if !ann.suggestions().is_empty() {
        write_list(out, "suggestions", ann.suggestions().iter(), |out, s| {
            span(out, s.range(), s.label);
            let _ = write!(out, ", source: \"{}\", confidence: ", s.source.as_str());
            let _ = write!(out, "{}.{:03}", s.confidence / 1000, s.confidence % 1000);
            out.push_str(", alternatives: [");
            for (i, l) in s.alternatives.iter().enumerate() {
                out.push_str(if i == 0 { "" } else { ", " });
                out.push_str(label_literal(&names, *l));
            }
            out.push_str("], note: ");
            push_str_lit(out, &s.note);
        });
    }
    if !ann.rejections().is_empty() {
        write_list(out, "rejected", ann.rejections().iter(), |out, r| span(out, r.range(), r.label));
    }
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
fn push_uint(out: &mut String, mut n: u64) {
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

#[cfg(test)]
mod tests {
    use std::borrow::Cow;
    use std::path::Path;

    use proptest::prelude::*;

    use super::*;
    use crate::formats::store::fast::Fast;
    use crate::formats::store::from_ron_str;
    use crate::formats::store::tests::sample;

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
    }
}
