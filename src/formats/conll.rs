//! CoNLL IOB2: export (`token<TAB>tag`, a blank line after each sentence) and a forgiving
//! import of real-world CoNLL files (BOM, CRLF, tab or space columns, extra columns,
//! `-DOCSTART-`, white-space-only sentence breaks, IOB1 or IOB2, invisible marks in tokens).
//!
//! An import rebuilds the text as the tokens joined by single spaces, one sentence per line,
//! and stores the token boundaries in the annotations so that exporting again yields exactly
//! the same tokens and (IOB2-normalised) tags. See `docs/formats.md`.

use std::ops::Range;
use std::path::Path;

use super::exchange::{self, ExportReport, Import, Span, Warning};
use super::tokenize;
use super::{FormatError, Location};
use crate::model::{Annotations, Document, Entity};

/// Tokens of the export: the imported ones (with any untokenised text in between tokenised),
/// or the tokenizer's; whether the imported ones were used.
fn base_tokens(doc: &Document, ann: &Annotations) -> (Vec<Range<usize>>, bool) {
    let text = doc.text();
    let Some(imported) = ann.tokens().filter(|t| t.iter().all(|r| doc.slice(r.clone()).is_some())) else {
        return (tokenize::tokenize(text), false);
    };
    let mut out = Vec::with_capacity(imported.len());
    let mut prev_end = 0;
    for r in imported.iter().chain(std::iter::once(&(text.len()..text.len()))) {
        let gap = text.get(prev_end..r.start).unwrap_or("");
        if gap.chars().any(|c| !c.is_whitespace()) {
            out.extend(tokenize::tokenize(gap).into_iter().map(|g| g.start + prev_end..g.end + prev_end));
        }
        if !r.is_empty() {
            out.push(r.clone());
        }
        prev_end = r.end;
    }
    (out, true)
}

/// For each token, the index in `kept` of the entity containing it, if any.
fn owners(tokens: &[Range<usize>], kept: &[Entity]) -> Vec<Option<usize>> {
    let mut k = 0;
    tokens
        .iter()
        .map(|t| {
            while k < kept.len() && kept[k].end <= t.start {
                k += 1;
            }
            kept.get(k).filter(|e| e.start <= t.start && t.end <= e.end).map(|_| k)
        })
        .collect()
}

/// Exports the document as CoNLL IOB2 text, with a report of what could not be expressed.
pub fn export(doc: &Document, ann: &Annotations) -> (String, ExportReport) {
    let mut report = ExportReport::default();
    let (kept, dropped) = exchange::outermost(ann.entities());
    report.dropped_overlapping = dropped;
    let (tokens, imported) = base_tokens(doc, ann);
    let mut cuts: Vec<usize> = kept.iter().flat_map(|e| [e.start, e.end]).collect();
    cuts.sort_unstable();
    let tokens = tokenize::split_at(&tokens, &cuts);
    let owner = owners(&tokens, &kept);
    let starts = tokenize::sentence_starts(doc.text(), &tokens, !imported);
    let names = exchange::export_names(ann.labels());
    let tags: Vec<String> = kept
        .iter()
        .map(|e| exchange::export_name(&names, ann.labels(), e.label, &mut report).to_string())
        .collect();
    let mut out = String::with_capacity(doc.len() * 2);
    let mut last_owner = None;
    for (i, t) in tokens.iter().enumerate() {
        let continues = owner[i].is_some() && owner[i] == last_owner;
        if i > 0 && starts[i] && !continues {
            out.push('\n');
            report.sentences += 1;
        }
        push_token(&mut out, &mut report, doc.slice(t.clone()).unwrap_or(""));
        match owner[i] {
            Some(k) if continues => push_tag(&mut out, "I-", &tags[k]),
            Some(k) => {
                push_tag(&mut out, "B-", &tags[k]);
                report.entities += 1;
            }
            None => out.push_str("\tO\n"),
        }
        last_owner = owner[i];
    }
    if !tokens.is_empty() {
        out.push('\n');
        report.sentences += 1;
    }
    report.tokens = tokens.len();
    report.dropped_empty = kept.len() - report.entities;
    (out, report)
}

/// The document marker of CoNLL files: a line whose token is this starts a new document.
const DOCSTART: &str = "-DOCSTART-";

/// `-DOCSTART-` with a word joiner inside: how a token of that text is written, so that it is
/// not read as a document marker (import drops invisible marks, so it reads back as the token).
const DOCSTART_ESCAPED: &str = "-DOCSTART\u{2060}-";

/// Writes a token; one that would be read as the document marker is escaped and counted.
fn push_token(out: &mut String, report: &mut ExportReport, token: &str) {
    if tokenize::strip_invisible(token).trim() == DOCSTART {
        out.push_str(DOCSTART_ESCAPED);
        report.escaped_docstart += 1;
    } else {
        out.push_str(token);
    }
}

fn push_tag(out: &mut String, prefix: &str, label: &str) {
    out.push('\t');
    out.push_str(prefix);
    out.push_str(label);
    out.push('\n');
}

/// A tag as read: outside, begin or inside an entity of a type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag<'a> {
    O,
    B(&'a str),
    I(&'a str),
}

/// Parses `O`, `B-X`, `I-X` (also `B_X`/`I_X`, and BIOES/BILOU `S-`/`U-` as begin, `E-`/`L-`
/// as inside).
fn parse_tag(tag: &str) -> Option<Tag<'_>> {
    if tag == "O" {
        return Some(Tag::O);
    }
    let (prefix, ty) = (tag.get(..2)?, tag.get(2..)?);
    if ty.is_empty() {
        return None;
    }
    match prefix {
        "B-" | "B_" | "S-" | "U-" => Some(Tag::B(ty)),
        "I-" | "I_" | "E-" | "L-" => Some(Tag::I(ty)),
        _ => None,
    }
}

/// One meaningful line of a CoNLL file.
#[derive(Debug)]
enum Row<'a> {
    Token { line: usize, token: String, tag: Tag<'a>, tag_col: usize },
    Break,
    DocStart,
}

/// Splits a line into (byte offset, field): at tabs if it has any, else at spaces.
fn fields(line: &str) -> Vec<(usize, &str)> {
    let sep = if line.contains('\t') { '\t' } else { ' ' };
    let mut out = Vec::new();
    let mut offset = 0;
    for part in line.split(sep) {
        let trimmed = part.trim_matches(|c: char| c == ' ' || tokenize::is_invisible_mark(c));
        if !trimmed.is_empty() {
            let lead = part.len()
                - part.trim_start_matches(|c: char| c == ' ' || tokenize::is_invisible_mark(c)).len();
            out.push((offset + lead, trimmed));
        }
        offset += part.len() + 1;
    }
    out
}

fn parse_row<'a>(path: &Path, line_no: usize, line: &'a str) -> Result<Row<'a>, FormatError> {
    if line.chars().all(|c| c.is_whitespace() || tokenize::is_invisible_mark(c)) {
        return Ok(Row::Break);
    }
    let f = fields(line);
    let Some(&(tok_at, token)) = f.first() else { return Ok(Row::Break) };
    if token == DOCSTART {
        return Ok(Row::DocStart);
    }
    let at = |byte: usize| Location::new(path, line_no, exchange::column(line, byte));
    if let (1, true, Some(tag)) = (f.len(), tok_at > 0, parse_tag(token)) {
        // An empty token column (e.g. `\tO`, or a token of only invisible marks).
        return Ok(Row::Token {
            line: line_no,
            token: String::new(),
            tag,
            tag_col: exchange::column(line, tok_at),
        });
    }
    let Some(&(tag_at, tag)) = f.get(1..).and_then(|rest| rest.last()) else {
        return Err(FormatError::at(
            at(tok_at + token.len()),
            format!("expected a tag column after the token {token:?} (TOKEN<TAB>TAG, e.g. O or B-PER)"),
        ));
    };
    let tag = parse_tag(tag).ok_or_else(|| {
        FormatError::at(
            at(tag_at),
            format!("expected a tag O, B-TYPE or I-TYPE in the last column, found {tag:?}"),
        )
    })?;
    Ok(Row::Token {
        line: line_no,
        token: tokenize::strip_invisible(token),
        tag,
        tag_col: exchange::column(line, tag_at),
    })
}

/// True if an `I-` tag after `prev` (in the same sentence) continues an entity.
fn continues(prev: Tag<'_>, ty: &str) -> bool {
    matches!(prev, Tag::B(p) | Tag::I(p) if p == ty)
}

/// True if the tags look like IOB1: more entities open with `I-` than with `B-`.
fn looks_like_iob1(rows: &[Row<'_>]) -> bool {
    let (mut i_opens, mut b_opens) = (0usize, 0usize);
    let mut prev = Tag::O;
    for row in rows {
        let Row::Token { tag, .. } = row else {
            prev = Tag::O;
            continue;
        };
        match *tag {
            Tag::I(ty) if !continues(prev, ty) => i_opens += 1,
            Tag::B(ty) if !continues(prev, ty) => b_opens += 1,
            _ => {}
        }
        prev = *tag;
    }
    i_opens > b_opens
}

/// The document being rebuilt from rows.
#[derive(Default)]
struct Builder {
    text: String,
    tokens: Vec<Range<usize>>,
    spans: Vec<Span>,
    /// The entity being read: type, first token start (none yet if its tokens were empty), end.
    open: Option<(String, Option<usize>, usize)>,
    /// The previous tag in this sentence, with owned type.
    prev: Option<(bool, String)>,
    new_sentence: bool,
}

impl Builder {
    fn close(&mut self) {
        if let Some((label, Some(start), end)) = self.open.take() {
            self.spans.push(Span { bytes: start..end, label });
        }
    }

    fn sentence_break(&mut self) {
        self.close();
        self.prev = None;
        self.new_sentence = !self.text.is_empty();
    }

    /// Adds a token (possibly empty: then only the tag state changes); `opens` says whether its
    /// tag opens a new entity.
    fn push(&mut self, token: &str, tag: Tag<'_>, opens: bool) {
        match tag {
            Tag::O => self.close(),
            Tag::B(ty) | Tag::I(ty) if opens => {
                self.close();
                self.open = Some((ty.to_string(), None, 0));
            }
            _ => {}
        }
        if !token.is_empty() {
            if !self.text.is_empty() {
                self.text.push(if self.new_sentence { '\n' } else { ' ' });
            }
            self.new_sentence = false;
            let start = self.text.len();
            self.text.push_str(token);
            self.tokens.push(start..self.text.len());
            if let Some((_, first, end)) = &mut self.open {
                first.get_or_insert(start);
                *end = self.text.len();
            }
        }
        self.prev = match tag {
            Tag::O => None,
            Tag::B(ty) | Tag::I(ty) => Some((matches!(tag, Tag::B(_)), ty.to_string())),
        };
    }

    fn continues(&self, ty: &str) -> bool {
        self.prev.as_ref().is_some_and(|(_, p)| p == ty)
    }
}

/// Reads a CoNLL file (one document, or one per `-DOCSTART-` section).
///
/// The encoding is detected like an article's (UTF-8 with or without BOM, UTF-16 with BOM,
/// else Windows-1256, with a warning).
pub fn import(path: &Path) -> Result<Import, FormatError> {
    let bytes = std::fs::read(path).map_err(|e| FormatError::io(path, e))?;
    let decoded = super::decode::decode_bytes(path, &bytes)?;
    let mut import = import_str(path, &decoded.text)?;
    if decoded.encoding.is_legacy() {
        let msg = format!("not UTF-8: read as {}", decoded.encoding);
        import.warnings.insert(0, Warning::new(Location::new(path, 1, 1), msg));
    }
    Ok(import)
}

/// Reads CoNLL text; `path` names the input in errors, warnings and document names.
pub fn import_str(path: &Path, content: &str) -> Result<Import, FormatError> {
    let content = content.strip_prefix('\u{feff}').unwrap_or(content);
    let mut rows = Vec::new();
    for (i, line) in content.split('\n').enumerate() {
        rows.push(parse_row(path, i + 1, line.strip_suffix('\r').unwrap_or(line))?);
    }
    let mut out = Import::default();
    let builders = rows
        .split(|r| matches!(r, Row::DocStart))
        .map(|section| read_section(path, section, &mut out.warnings))
        .collect();
    finish(path, builders, &mut out)?;
    Ok(out)
}

/// Rebuilds one document (a `-DOCSTART-` section); IOB1 or IOB2 is decided per section.
fn read_section(path: &Path, rows: &[Row<'_>], warnings: &mut Vec<Warning>) -> Builder {
    let iob1 = looks_like_iob1(rows);
    let mut b = Builder::default();
    let mut noted = !iob1;
    for row in rows {
        let Row::Token { line, token, tag, tag_col } = row else {
            b.sentence_break();
            continue;
        };
        if !noted {
            let msg = "the tags look like IOB1 (entities open with I-); converted to IOB2";
            warnings.push(Warning::new(Location::new(path, *line, 1), msg));
            noted = true;
        }
        let opens = match *tag {
            Tag::O => false,
            Tag::B(_) => true,
            Tag::I(ty) => !b.continues(ty),
        };
        if let (Tag::I(ty), true, false) = (*tag, opens, iob1) {
            let msg = format!("I-{ty} continues no entity; read as B-{ty}");
            warnings.push(Warning::new(Location::new(path, *line, *tag_col), msg));
        }
        if token.is_empty() {
            warnings.push(Warning::new(
                Location::new(path, *line, 1),
                "empty token (or only invisible marks); left out",
            ));
        }
        b.push(token, *tag, opens);
    }
    b
}

fn finish(path: &Path, builders: Vec<Builder>, out: &mut Import) -> Result<(), FormatError> {
    let mut builders: Vec<Builder> = builders.into_iter().filter(|b| !b.tokens.is_empty()).collect();
    if builders.is_empty() {
        return Err(FormatError::file(path, "no tokens found: expected lines TOKEN<TAB>TAG"));
    }
    let stem = exchange::stem(path);
    let numbered = builders.len() > 1;
    for (n, b) in builders.iter_mut().enumerate() {
        b.close();
        let name = if numbered { format!("{stem}-{}", n + 1) } else { stem.clone() };
        let text = std::mem::take(&mut b.text);
        let doc = exchange::build_doc(
            name,
            Document::new(text),
            std::mem::take(&mut b.spans),
            Some(std::mem::take(&mut b.tokens)),
            path,
        )?;
        out.documents.push(doc);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entities(doc: &exchange::ImportedDoc) -> Vec<(String, String)> {
        let ann = &doc.annotations;
        ann.entities()
            .iter()
            .map(|e| {
                let label = ann.labels().get(e.label).map(|l| l.name.clone()).unwrap_or_default();
                (label, doc.document.slice(e.range()).unwrap_or("").to_string())
            })
            .collect()
    }

    #[test]
    fn iob1_and_stray_i() {
        let iob2 = "أ\tI-PER\nب\tI-PER\nج\tO\nد\tB-LOC\n";
        let got = import_str(Path::new("x.conll"), iob2).expect("imports");
        assert_eq!(got.warnings.len(), 1, "{:?}", got.warnings);
        assert_eq!(
            got.warnings[0].to_string(),
            "x.conll:1:3: warning: I-PER continues no entity; read as B-PER"
        );
        let iob1 = "أ I-PER\nب I-PER\nج B-PER\nد O\nه I-LOC\n";
        let got = import_str(Path::new("x.conll"), iob1).expect("imports");
        assert_eq!(got.warnings.len(), 1, "only the IOB1 note: {:?}", got.warnings);
        let ents = entities(&got.documents[0]);
        let want = [("PER", "أ ب"), ("PER", "ج"), ("LOC", "ه")].map(|(l, t)| (l.to_string(), t.to_string()));
        assert_eq!(ents, want.to_vec());
    }

    #[test]
    fn errors_name_line_column_and_expectation() {
        let err = import_str(Path::new("x.conll"), "أ\tO\nبيت\n").expect_err("no tag");
        assert!(err.to_string().starts_with("x.conll:2:4: expected a tag column"), "{err}");
        let err = import_str(Path::new("x.conll"), "أ\tO\nب PER\n").expect_err("bad tag");
        assert!(err.to_string().starts_with("x.conll:2:3: expected a tag O, B-TYPE or I-TYPE"), "{err}");
        assert!(import_str(Path::new("x.conll"), "\n\t\n").is_err());
        let got = import_str(Path::new("x.conll"), "أ\tB-PER\n\u{200e}\tI-PER\nب\tI-PER\n").expect("imports");
        assert_eq!(got.warnings.len(), 1);
        assert!(got.warnings[0].to_string().starts_with("x.conll:2:1: warning: empty token"));
        assert_eq!(entities(&got.documents[0]), vec![("PER".to_string(), "أ ب".to_string())]);
    }

    #[test]
    fn export_splits_clitic_and_keeps_outermost() {
        let doc = Document::new("زار وإيران. ثم عاد".to_string());
        let mut labels = crate::model::LabelSet::empty();
        let gpe = labels.ensure("GPE");
        let ent = |id, s: &str| {
            let start = doc.text().find(s).unwrap_or(0);
            Entity { id: crate::model::EntityId(id), start, end: start + s.len(), label: gpe }
        };
        let ents = vec![ent(1, "إيران"), ent(2, "يران")];
        let ann = Annotations::from_parts(&doc, labels, ents, vec![]).expect("valid");
        let (text, report) = export(&doc, &ann);
        assert_eq!(text, "زار\tO\nو\tO\nإيران\tB-GPE\n.\tO\n\nثم\tO\nعاد\tO\n\n");
        assert_eq!((report.entities, report.dropped_overlapping, report.sentences), (1, 1, 2));
    }

    /// Fuzz finding 8: a token that reads back as `-DOCSTART-` (here once U+FEFF is dropped)
    /// was exported as the document marker, and the export no longer imported.
    #[test]
    fn a_docstart_token_is_escaped_and_reads_back_as_a_token() {
        let got = import_str(Path::new("f.conll"), "-DOCST\u{feff}ART-\tO\n").expect("imports");
        let (out, report) = export(&got.documents[0].document, &got.documents[0].annotations);
        assert_eq!(out, "-DOCSTART\u{2060}-\tO\n\n");
        assert_eq!(report.escaped_docstart, 1);
        assert!(report.notes()[0].starts_with("1 tokens \"-DOCSTART-\" were written with a word joiner"));
        let back = import_str(Path::new("b.conll"), &out).expect("the export imports");
        assert_eq!(back.documents.len(), 1);
        assert_eq!(back.documents[0].document.text(), "-DOCSTART-");

        // An entity on such a token (a mark inside the word) keeps its token and tag.
        let got = import_str(Path::new("f.conll"), "زار\tO\n-DOC\u{200e}START-\tB-MISC\n").expect("imports");
        let (out, report) = export(&got.documents[0].document, &got.documents[0].annotations);
        assert_eq!((report.escaped_docstart, report.entities), (1, 1), "{out}");
        let back = import_str(Path::new("b.conll"), &out).expect("the export imports");
        assert_eq!(back.documents.len(), 1, "{out}");
        assert_eq!(back.documents[0].document.text(), "زار -DOCSTART-");
        assert_eq!(entities(&back.documents[0]), vec![("MISC".to_string(), "-DOCSTART-".to_string())]);

        // Typed text never needs it: the tokenizer splits the hyphens off.
        let typed = Document::new("-DOCSTART- زار".to_string());
        let (out, report) = export(&typed, &Annotations::new(crate::model::LabelSet::empty()));
        assert_eq!((report.escaped_docstart, out.lines().next()), (0, Some("-\tO")));
    }
}
