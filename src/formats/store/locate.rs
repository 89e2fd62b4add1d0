//! Finding places in an annotation file by structure, for error messages: the byte offset of a
//! top-level field (`version`, `article`, …) or of the n-th element of a top-level list
//! (`entities`, `labels`, …), whatever the formatting. Runs only when there is an error to
//! report; tolerant of any input (never panics, returns `None` when it cannot tell).

/// A coarse RON token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok<'a> {
    Open(char),
    Close,
    Comma,
    Colon,
    Ident(&'a str),
    /// A string, char, number or any other character.
    Other,
}

struct Tokens<'a> {
    src: &'a str,
    i: usize,
}

impl<'a> Tokens<'a> {
    fn new(src: &'a str) -> Self {
        Self { src, i: 0 }
    }

    fn rest(&self) -> &'a str {
        self.src.get(self.i..).unwrap_or("")
    }

    fn peek_char(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek_char()?;
        self.i += c.len_utf8();
        Some(c)
    }

    fn skip_ws(&mut self) {
        loop {
            let rest = self.rest();
            if rest.starts_with("//") {
                self.i += rest.find('\n').unwrap_or(rest.len());
            } else if rest.starts_with("/*") {
                self.skip_block_comment();
            } else if self.peek_char().is_some_and(char::is_whitespace) {
                self.bump();
            } else {
                return;
            }
        }
    }

    /// Block comments nest in RON.
    fn skip_block_comment(&mut self) {
        let mut depth = 0usize;
        while !self.rest().is_empty() {
            let rest = self.rest();
            if rest.starts_with("/*") {
                depth += 1;
                self.i += 2;
            } else if rest.starts_with("*/") {
                self.i += 2;
                depth -= 1;
                if depth == 0 {
                    return;
                }
            } else {
                self.bump();
            }
        }
    }

    /// After the opening quote.
    fn skip_string(&mut self) {
        while let Some(c) = self.bump() {
            match c {
                '\\' => {
                    self.bump();
                }
                '"' => return,
                _ => {}
            }
        }
    }

    /// After `r`: `#…#"…"#…#`.
    fn skip_raw_string(&mut self) {
        let hashes = self.rest().chars().take_while(|&c| c == '#').count();
        self.i += hashes;
        if self.bump() != Some('"') {
            return;
        }
        let close = format!("\"{}", "#".repeat(hashes));
        let rest = self.rest();
        self.i += rest.find(&close).map_or(rest.len(), |k| k + close.len());
    }

    /// After the opening `'`.
    fn skip_char_lit(&mut self) {
        if self.bump() == Some('\\') {
            let rest = self.rest();
            self.i += rest.find('\'').map_or(rest.len(), |k| k + 1);
        } else if self.peek_char() == Some('\'') {
            self.bump();
        }
    }

    fn ident_or_raw(&mut self, start: usize) -> Tok<'a> {
        while self.peek_char().is_some_and(|c| c.is_alphanumeric() || c == '_') {
            self.bump();
        }
        let ident = self.src.get(start..self.i).unwrap_or("");
        match (ident, self.peek_char()) {
            ("r" | "br", Some('#' | '"')) => {
                self.skip_raw_string();
                Tok::Other
            }
            ("b", Some('"')) => {
                self.bump();
                self.skip_string();
                Tok::Other
            }
            _ => Tok::Ident(ident),
        }
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = (usize, Tok<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        self.skip_ws();
        let start = self.i;
        let tok = match self.bump()? {
            c @ ('(' | '[' | '{') => Tok::Open(c),
            ')' | ']' | '}' => Tok::Close,
            ',' => Tok::Comma,
            ':' => Tok::Colon,
            '"' => {
                self.skip_string();
                Tok::Other
            }
            '\'' => {
                self.skip_char_lit();
                Tok::Other
            }
            c if c.is_alphabetic() || c == '_' => self.ident_or_raw(start),
            _ => Tok::Other,
        };
        Some((start, tok))
    }
}

/// Advances `toks` past the top-level field `name` and its colon; returns the field's offset.
fn seek_field(toks: &mut std::iter::Peekable<Tokens<'_>>, name: &str) -> Option<usize> {
    let mut depth = 0usize;
    loop {
        let (at, tok) = toks.next()?;
        match tok {
            Tok::Open(_) => depth += 1,
            Tok::Close => depth = depth.saturating_sub(1),
            Tok::Ident(id) if depth == 1 && id == name && matches!(toks.peek(), Some((_, Tok::Colon))) => {
                toks.next();
                return Some(at);
            }
            _ => {}
        }
    }
}

/// Byte offset of the top-level field `name` (`version`, `article`, `tokens`, …).
pub(super) fn field_offset(src: &str, name: &str) -> Option<usize> {
    seek_field(&mut Tokens::new(src).peekable(), name)
}

/// Byte offsets of the elements of the list in the top-level field `field`, also when the
/// list is wrapped as `Some([...])`; empty if there is no such list.
pub(super) fn element_offsets(src: &str, field: &str) -> Vec<usize> {
    let mut toks = Tokens::new(src).peekable();
    let mut out = Vec::new();
    if seek_field(&mut toks, field).is_none() {
        return out;
    }
    let mut depth = 1usize;
    loop {
        match toks.next().map(|t| t.1) {
            None => return out,
            Some(Tok::Open('[')) => break,
            Some(Tok::Open(_)) => depth += 1,
            Some(Tok::Comma | Tok::Close) if depth == 1 => return out,
            Some(Tok::Close) => depth -= 1,
            _ => {}
        }
    }
    let list_depth = depth + 1;
    depth = list_depth;
    let mut expecting = true;
    for (at, tok) in toks {
        if depth == list_depth {
            match tok {
                Tok::Close => return out,
                Tok::Comma => {
                    expecting = true;
                    continue;
                }
                _ if expecting => {
                    out.push(at);
                    expecting = false;
                }
                _ => {}
            }
        }
        match tok {
            Tok::Open(_) => depth += 1,
            Tok::Close => depth -= 1,
            _ => {}
        }
    }
    out
}

/// The value of a top-level `version: N` field and its offset, even in an otherwise
/// unreadable file.
pub(super) fn probe_version(src: &str) -> Option<(u64, usize)> {
    let at = field_offset(src, "version")?;
    let rest = src.get(at + "version".len()..)?.trim_start().strip_prefix(':')?.trim_start();
    let digits = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
    Some((rest[..digits].parse().ok()?, at))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const SRC: &str = "// c (\n(\n    version: 2,\n    labels: [ /* [ */ (id: 1, name: \"a,b]\"), (id: 2, hotkey: Some(',')) ],\n    entities: [\n        (text: r#\"x\"],\"#),\n        (text: \"\\\"]\"),\n    ],\n    tokens: Some([(0, 1), (2, 3)]),\n)\n";

    fn line_of<'a>(src: &'a str, field: &str, index: usize) -> Option<(usize, &'a str)> {
        let at = *element_offsets(src, field).get(index)?;
        let line = src[..at].matches('\n').count() + 1;
        Some((line, &src[at..at + 4]))
    }

    #[test]
    fn finds_fields_and_elements_past_strings_and_comments() {
        assert_eq!(probe_version(SRC), Some((2, SRC.find("version").unwrap_or(0))));
        assert_eq!(line_of(SRC, "labels", 1), Some((4, "(id:")));
        assert_eq!(line_of(SRC, "entities", 1), Some((7, "(tex")));
        assert_eq!(element_offsets(SRC, "entities").len(), 2);
        assert_eq!(line_of(SRC, "tokens", 1), Some((9, "(2, ")));
        assert_eq!(field_offset(SRC, "id"), None, "only top-level fields");
        assert_eq!(element_offsets(SRC, "version"), Vec::<usize>::new());
    }

    proptest! {
        #[test]
        fn never_panics(src in "\\PC{0,80}|[(\\[\\]),:\"'r#/*\\\\ a-z0-9\n]{0,80}") {
            let _ = probe_version(&src);
            let _ = element_offsets(&src, "entities");
        }
    }
}
