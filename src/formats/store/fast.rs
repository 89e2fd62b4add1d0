//! The fast reader of the canonical annotation-file layout: exactly what [`super::write`]
//! writes, a strict subset of RON, read without `ron`'s per-character overhead. Every method
//! returns `None` on anything it does not expect; [`super::parse`] then lets `ron` parse the
//! file (and report its errors).

use std::borrow::Cow;

use super::raw::{RawArticle, RawEntity, RawFile, RawLabel, RawRejection, RawSuggestion};

/// The strict reader of the canonical layout. Every method returns `None` on anything it
/// does not expect; `parse` then lets `ron` decide.
pub(super) struct Fast<'a> {
    src: &'a str,
    b: &'a [u8],
    /// The read position (a byte offset on a char boundary).
    pub(super) i: usize,
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl<'a> Fast<'a> {
    pub(super) fn new(src: &'a str) -> Self {
        Self { src, b: src.as_bytes(), i: 0 }
    }

    pub(super) fn ws(&mut self) {
        while let Some(&c) = self.b.get(self.i) {
            match c {
                b' ' | b'\t' | b'\n' | b'\r' => self.i += 1,
                b'/' if self.b.get(self.i + 1) == Some(&b'/') => {
                    let rest = &self.b[self.i..];
                    self.i += rest.iter().position(|&c| c == b'\n').unwrap_or(rest.len());
                }
                _ => return,
            }
        }
    }

    fn try_punct(&mut self, c: u8) -> bool {
        self.ws();
        let found = self.b.get(self.i) == Some(&c);
        self.i += usize::from(found);
        found
    }

    fn punct(&mut self, c: u8) -> Option<()> {
        self.try_punct(c).then_some(())
    }

    /// True if the identifier `name` (not a prefix of a longer one) comes next.
    fn at_ident(&mut self, name: &str) -> bool {
        self.ws();
        let end = self.i + name.len();
        // A byte loop: names are a few bytes, a `memcmp` call costs more.
        let same = self.b.get(self.i..end).is_some_and(|b| b.iter().zip(name.bytes()).all(|(x, y)| *x == y));
        same && !self.b.get(end).is_some_and(|&c| is_ident_byte(c))
    }

    fn field(&mut self, name: &str) -> Option<()> {
        self.at_ident(name).then(|| self.i += name.len())?;
        self.punct(b':')
    }

    /// `,` followed by the optional field `name`: consumes the comma only then.
    fn comma_then(&mut self, name: &str) -> bool {
        let save = self.i;
        if self.try_punct(b',') && self.at_ident(name) {
            return true;
        }
        self.i = save;
        false
    }

    fn struct_end(&mut self) -> Option<()> {
        self.try_punct(b',');
        self.punct(b')')
    }

    fn uint(&mut self) -> Option<u64> {
        self.ws();
        let start = self.i;
        let mut n: u64 = 0;
        while let Some(&c) = self.b.get(self.i).filter(|c| c.is_ascii_digit()) {
            n = n.checked_mul(10)?.checked_add(u64::from(c - b'0'))?;
            self.i += 1;
        }
        let digits = self.i - start;
        let leading_zero = digits > 1 && self.b[start] == b'0';
        if digits == 0 || leading_zero || self.b.get(self.i).is_some_and(|&c| is_ident_byte(c) || c == b'.') {
            return None;
        }
        Some(n)
    }

    fn usize(&mut self) -> Option<usize> {
        self.uint()?.try_into().ok()
    }

    pub(super) fn string(&mut self) -> Option<Cow<'a, str>> {
        self.punct(b'"')?;
        let start = self.i;
        // Usually no escapes: one pass to the closing quote, and the text is borrowed.
        let len = self.b[start..].iter().position(|&c| c == b'"' || c == b'\\' || c < 0x20)?;
        self.i += len;
        if self.b[self.i] == b'"' {
            self.i += 1;
            return Some(Cow::Borrowed(&self.src[start..start + len]));
        }
        let mut owned = self.src[start..start + len].to_string();
        loop {
            match *self.b.get(self.i)? {
                b'"' => {
                    self.i += 1;
                    return Some(Cow::Owned(owned));
                }
                b'\\' => owned.push(self.escape()?),
                c if c < 0x20 => return None,
                _ => {
                    let c = self.src[self.i..].chars().next()?;
                    owned.push(c);
                    self.i += c.len_utf8();
                }
            }
        }
    }

    /// After a backslash: `\\ \" \' \n \r \t \0 \u{hex}`.
    fn escape(&mut self) -> Option<char> {
        self.i += 1;
        let c = *self.b.get(self.i)?;
        self.i += 1;
        Some(match c {
            b'\\' => '\\',
            b'"' => '"',
            b'\'' => '\'',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'0' => '\0',
            b'u' if self.b.get(self.i) == Some(&b'{') => {
                let hex = self.b[self.i + 1..].iter().take_while(|c| c.is_ascii_hexdigit()).count();
                if !(1..=6).contains(&hex) || self.b.get(self.i + 1 + hex) != Some(&b'}') {
                    return None;
                }
                let code = u32::from_str_radix(&self.src[self.i + 1..self.i + 1 + hex], 16).ok()?;
                self.i += hex + 2;
                char::from_u32(code)?
            }
            _ => return None,
        })
    }

    pub(super) fn char_lit(&mut self) -> Option<char> {
        self.punct(b'\'')?;
        let c = match *self.b.get(self.i)? {
            b'\\' => self.escape()?,
            b'\'' => return None,
            c if c < 0x20 => return None,
            _ => {
                let c = self.src[self.i..].chars().next()?;
                self.i += c.len_utf8();
                c
            }
        };
        (self.b.get(self.i) == Some(&b'\'')).then(|| self.i += 1)?;
        Some(c)
    }

    /// `None` or `Some(<item>)`.
    fn option<T>(&mut self, item: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        if self.at_ident("None") {
            self.i += 4;
            return Some(None);
        }
        self.at_ident("Some").then(|| self.i += 4)?;
        self.punct(b'(')?;
        let value = item(self)?;
        self.punct(b')')?;
        Some(Some(value))
    }

    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        self.punct(b'[')?;
        let mut out = Vec::new();
        loop {
            if self.try_punct(b']') {
                return Some(out);
            }
            out.push(item(self)?);
            if !self.try_punct(b',') {
                self.punct(b']')?;
                return Some(out);
            }
        }
    }

    pub(super) fn file(&mut self) -> Option<RawFile<'a>> {
        self.punct(b'(')?;
        self.field("version")?;
        let version = self.uint()?;
        self.punct(b',')?;
        self.field("article")?;
        let article = self.article()?;
        let text_field = |me: &mut Self, name: &str| -> Option<Cow<'a, str>> {
            me.punct(b',')?;
            me.field(name)?;
            me.string()
        };
        let annotator = text_field(self, "annotator")?;
        let created = text_field(self, "created")?;
        let modified = text_field(self, "modified")?;
        let mut status = None;
        if self.comma_then("status") {
            self.field("status")?;
            status = Some(self.string()?);
        }
        let labels = self.required_list("labels", Self::label)?;
        let entities = self.required_list("entities", Self::entity)?;
        let orphans = self.required_list("orphans", Self::entity)?;
        self.punct(b',')?;
        self.field("tokens")?;
        let tokens = self.option(|me| {
            me.list(|me| Some((me.punct(b'(')?, me.usize()?, me.punct(b',')?, me.usize()?, me.punct(b')')?)))
        })?;
        let suggestions = self.optional_list("suggestions", Self::suggestion)?;
        let rejected = self.optional_list("rejected", Self::rejection)?;
        let brat = self.optional_list("brat", Self::string)?;
        self.struct_end()?;
        self.ws();
        let tokens = tokens.map(|t| t.into_iter().map(|(_, a, _, b, _)| (a, b)).collect());
        (self.i == self.b.len()).then_some(RawFile {
            version,
            article,
            annotator,
            created,
            modified,
            status,
            labels,
            entities,
            orphans,
            tokens,
            suggestions,
            rejected,
            brat,
        })
    }

    /// `, name: [ … ]`, which must come next.
    fn required_list<T>(&mut self, name: &str, item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        self.punct(b',')?;
        self.field(name)?;
        self.list(item)
    }

    /// `, name: [ … ]` if the optional list `name` comes next, else an empty list.
    fn optional_list<T>(&mut self, name: &str, item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        if !self.comma_then(name) {
            return Some(Vec::new());
        }
        self.field(name)?;
        self.list(item)
    }

    fn article(&mut self) -> Option<RawArticle<'a>> {
        self.punct(b'(')?;
        self.field("name")?;
        let name = self.string()?;
        self.punct(b',')?;
        self.field("chars")?;
        let chars = self.usize()?;
        self.punct(b',')?;
        self.field("sha256")?;
        let sha256 = self.string()?;
        self.struct_end()?;
        Some(RawArticle { name, chars, sha256 })
    }

    fn label(&mut self) -> Option<RawLabel<'a>> {
        self.punct(b'(')?;
        self.field("id")?;
        let id = self.uint()?.try_into().ok()?;
        self.punct(b',')?;
        self.field("name")?;
        let name = self.string()?;
        self.punct(b',')?;
        self.field("color")?;
        let color = self.string()?;
        let mut hotkey = None;
        if self.comma_then("hotkey") {
            self.field("hotkey")?;
            hotkey = self.option(Self::char_lit)?;
        }
        self.struct_end()?;
        Some(RawLabel { id, name, color, hotkey })
    }

    fn entity(&mut self) -> Option<RawEntity<'a>> {
        self.punct(b'(')?;
        self.field("id")?;
        let id = self.uint()?;
        self.punct(b',')?;
        let (start, end, label, text) = self.span_fields()?;
        let (mut before, mut after) = (Cow::Borrowed(""), Cow::Borrowed(""));
        if self.comma_then("before") {
            self.field("before")?;
            before = self.string()?;
        }
        if self.comma_then("after") {
            self.field("after")?;
            after = self.string()?;
        }
        self.struct_end()?;
        Some(RawEntity { id, start, end, label, text, before, after })
    }

    /// `start: N, end: N, label: "L", text: "…"`: the span fields shared by entities,
    /// suggestions and rejections.
    fn span_fields(&mut self) -> Option<(usize, usize, Cow<'a, str>, Cow<'a, str>)> {
        self.field("start")?;
        let start = self.usize()?;
        self.punct(b',')?;
        self.field("end")?;
        let end = self.usize()?;
        self.punct(b',')?;
        self.field("label")?;
        let label = self.string()?;
        self.punct(b',')?;
        self.field("text")?;
        let text = self.string()?;
        Some((start, end, label, text))
    }

    fn suggestion(&mut self) -> Option<RawSuggestion<'a>> {
        self.punct(b'(')?;
        let (start, end, label, text) = self.span_fields()?;
        self.punct(b',')?;
        self.field("source")?;
        let source = self.string()?;
        self.punct(b',')?;
        self.field("confidence")?;
        let confidence = self.fraction()?;
        self.punct(b',')?;
        self.field("alternatives")?;
        let alternatives = self.list(Self::string)?;
        self.punct(b',')?;
        self.field("note")?;
        let note = self.string()?;
        self.struct_end()?;
        Some(RawSuggestion { start, end, label, text, source, confidence, alternatives, note })
    }

    fn rejection(&mut self) -> Option<RawRejection<'a>> {
        self.punct(b'(')?;
        let (start, end, label, text) = self.span_fields()?;
        self.struct_end()?;
        Some(RawRejection { start, end, label, text })
    }

    /// A number the writer writes: `0`, `1`, or `0.`/`1.` and up to three digits (parsed
    /// as `ron` parses it); anything else is left to `ron`.
    fn fraction(&mut self) -> Option<f64> {
        self.ws();
        let start = self.i;
        self.b.get(self.i).filter(|c| matches!(c, b'0' | b'1'))?;
        self.i += 1;
        if self.try_byte(b'.') {
            while self.b.get(self.i).is_some_and(u8::is_ascii_digit) && self.i - start < 5 {
                self.i += 1;
            }
        }
        if self.b.get(self.i).is_some_and(|&c| is_ident_byte(c) || c == b'.') {
            return None;
        }
        self.src.get(start..self.i)?.parse().ok()
    }

    fn try_byte(&mut self, c: u8) -> bool {
        let hit = self.b.get(self.i) == Some(&c);
        self.i += usize::from(hit);
        hit
    }
}
