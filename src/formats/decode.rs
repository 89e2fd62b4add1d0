//! Reading article files: detects the encoding (UTF-8 with or without BOM, UTF-16 with BOM,
//! else the legacy Arabic code page Windows-1256), normalises line ends to `\n`, and refuses
//! files that are empty, binary or too large with a message a person can act on.
//!
//! The article file is only ever read here; nothing in Hashiya writes it.

use std::fmt;
use std::fs;
use std::io::Read;
use std::path::Path;

use super::FormatError;

/// The largest article Hashiya opens: 64 MiB (a long news article is well under 1 MiB).
pub const MAX_ARTICLE_BYTES: u64 = 64 * 1024 * 1024;

/// Share of control characters (other than line ends, tabs and form feeds) above which a
/// file is taken for binary data.
const MAX_CONTROL_SHARE: f64 = 0.02;

/// The encoding an article was stored in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 starting with a byte-order mark.
    Utf8Bom,
    /// UTF-16 little-endian with a byte-order mark.
    Utf16Le,
    /// UTF-16 big-endian with a byte-order mark.
    Utf16Be,
    /// Windows-1256, the legacy Arabic code page (used when the bytes are not valid UTF-8).
    Windows1256,
}

impl Encoding {
    /// True for a legacy single-byte code page; the status bar says so.
    pub fn is_legacy(&self) -> bool {
        matches!(self, Encoding::Windows1256)
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 (with byte-order mark)",
            Encoding::Utf16Le => "UTF-16 little-endian",
            Encoding::Utf16Be => "UTF-16 big-endian",
            Encoding::Windows1256 => "Windows-1256 (legacy Arabic code page)",
        })
    }
}

/// The line ends the file used before they were normalised to `\n`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LineEnds {
    /// `\n` only (also when the text has no line break at all).
    Lf,
    /// `\r\n` only (Windows).
    CrLf,
    /// `\r` only (classic Mac OS).
    Cr,
    /// More than one kind.
    Mixed,
}

impl fmt::Display for LineEnds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LineEnds::Lf => "LF",
            LineEnds::CrLf => "CRLF",
            LineEnds::Cr => "CR",
            LineEnds::Mixed => "mixed line ends",
        })
    }
}

/// A decoded article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, line ends normalised to `\n`, without a byte-order mark.
    pub text: String,
    /// The encoding it was stored in.
    pub encoding: Encoding,
    /// The line ends it was stored with.
    pub line_ends: LineEnds,
}

/// Reads and decodes an article file (see [`decode_bytes`]); refuses files over
/// [`MAX_ARTICLE_BYTES`] before reading them.
pub fn read_article(path: &Path) -> Result<Decoded, FormatError> {
    let file = fs::File::open(path).map_err(|e| FormatError::io(path, e))?;
    let meta = file.metadata().map_err(|e| FormatError::io(path, e))?;
    if meta.is_dir() {
        return Err(FormatError::file(path, "is a folder, not an article file"));
    }
    check_size(path, meta.len())?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // Read one byte past the limit so a file that grew meanwhile is still refused.
    file.take(MAX_ARTICLE_BYTES + 1).read_to_end(&mut bytes).map_err(|e| FormatError::io(path, e))?;
    decode_bytes(path, &bytes)
}

/// Decodes an article's bytes; `path` only names the file in error messages.
///
/// UTF-8 (with or without BOM) and UTF-16 with BOM are recognised; any other bytes that are
/// not valid UTF-8 are decoded as Windows-1256. CRLF and lone CR become `\n`. Empty,
/// whitespace-only, binary and oversized inputs are refused.
pub fn decode_bytes(path: &Path, bytes: &[u8]) -> Result<Decoded, FormatError> {
    check_size(path, bytes.len() as u64)?;
    let (raw, encoding) = decode_raw(path, bytes)?;
    let (text, line_ends) = normalise_line_ends(&raw);
    check_content(path, &text)?;
    Ok(Decoded { text, encoding, line_ends })
}

fn check_size(path: &Path, len: u64) -> Result<(), FormatError> {
    if len > MAX_ARTICLE_BYTES {
        return Err(FormatError::file(
            path,
            format!(
                "is too large to open: {} (the limit for an article is {})",
                human_size(len),
                human_size(MAX_ARTICLE_BYTES)
            ),
        ));
    }
    Ok(())
}

fn human_size(len: u64) -> String {
    const MIB: f64 = 1024.0 * 1024.0;
    let mib = len as f64 / MIB;
    if mib.fract() == 0.0 { format!("{mib:.0} MiB") } else { format!("{mib:.1} MiB") }
}

fn decode_raw<'a>(
    path: &Path,
    bytes: &'a [u8],
) -> Result<(std::borrow::Cow<'a, str>, Encoding), FormatError> {
    let utf16 = |enc: &'static encoding_rs::Encoding, body: &'a [u8], which: Encoding| {
        enc.decode_without_bom_handling_and_without_replacement(body).map(|t| (t, which)).ok_or_else(|| {
            FormatError::file(path, format!("starts with a {which} byte-order mark but is not valid {which}"))
        })
    };
    if let Some(body) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return std::str::from_utf8(body).map(|t| (t.into(), Encoding::Utf8Bom)).map_err(|e| {
            FormatError::file(
                path,
                format!("starts with a UTF-8 byte-order mark but is not valid UTF-8 ({e})"),
            )
        });
    }
    if let Some(body) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(encoding_rs::UTF_16LE, body, Encoding::Utf16Le);
    }
    if let Some(body) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(encoding_rs::UTF_16BE, body, Encoding::Utf16Be);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.into(), Encoding::Utf8));
    }
    // Windows-1256 maps every byte, so this cannot fail.
    let (text, _had_errors) = encoding_rs::WINDOWS_1256.decode_without_bom_handling(bytes);
    Ok((text, Encoding::Windows1256))
}

/// Replaces CRLF and lone CR by LF and reports which line ends were found.
fn normalise_line_ends(raw: &str) -> (String, LineEnds) {
    if !raw.contains('\r') {
        return (raw.to_string(), LineEnds::Lf);
    }
    let (mut lf, mut crlf, mut cr) = (false, false, false);
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {
                chars.next();
                crlf = true;
                out.push('\n');
            }
            '\r' => {
                cr = true;
                out.push('\n');
            }
            '\n' => {
                lf = true;
                out.push('\n');
            }
            c => out.push(c),
        }
    }
    let kind = match (lf, crlf, cr) {
        (_, false, false) => LineEnds::Lf,
        (false, true, false) => LineEnds::CrLf,
        (false, false, true) => LineEnds::Cr,
        _ => LineEnds::Mixed,
    };
    (out, kind)
}

/// Refuses empty, whitespace-only and binary-looking text.
fn check_content(path: &Path, text: &str) -> Result<(), FormatError> {
    if text.is_empty() {
        return Err(FormatError::file(path, "is empty: there is no article text to show"));
    }
    if text.chars().all(char::is_whitespace) {
        return Err(FormatError::file(path, "contains only whitespace: there is no article text to show"));
    }
    if text.contains('\0') {
        return Err(FormatError::file(
            path,
            "looks like a binary file, not an article (it contains NUL bytes)",
        ));
    }
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars() {
        total += 1;
        if c.is_control() && !matches!(c, '\n' | '\t' | '\u{c}') {
            control += 1;
        }
    }
    if control as f64 > MAX_CONTROL_SHARE * total as f64 {
        return Err(FormatError::file(
            path,
            format!(
                "looks like a binary file, not an article ({control} of its {total} characters are control characters)"
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "باكو (سانا) - التقى وزير الخارجية\nفي 2023 مع «UNESCO».";

    fn decode(bytes: &[u8]) -> Result<Decoded, FormatError> {
        decode_bytes(Path::new("a.txt"), bytes)
    }

    fn refusal(bytes: &[u8]) -> String {
        match decode(bytes) {
            Ok(d) => panic!("expected a refusal, got {:?}", d.encoding),
            Err(e) => e.to_string(),
        }
    }

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut out = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
        for unit in text.encode_utf16() {
            out.extend(if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
        }
        out
    }

    #[test]
    fn utf8_without_bom() {
        let d = decode(ARTICLE.as_bytes()).expect("decodes");
        assert_eq!((d.text.as_str(), d.encoding, d.line_ends), (ARTICLE, Encoding::Utf8, LineEnds::Lf));
        assert!(!d.encoding.is_legacy());
    }

    #[test]
    fn utf8_with_bom_drops_the_bom() {
        let bytes = [b"\xEF\xBB\xBF".as_slice(), ARTICLE.as_bytes()].concat();
        let d = decode(&bytes).expect("decodes");
        assert_eq!((d.text.as_str(), d.encoding), (ARTICLE, Encoding::Utf8Bom));
    }

    #[test]
    fn utf16_both_byte_orders() {
        let le = decode(&utf16(ARTICLE, false)).expect("decodes");
        assert_eq!((le.text.as_str(), le.encoding), (ARTICLE, Encoding::Utf16Le));
        let be = decode(&utf16(ARTICLE, true)).expect("decodes");
        assert_eq!((be.text.as_str(), be.encoding), (ARTICLE, Encoding::Utf16Be));
    }

    #[test]
    fn broken_utf16_is_refused() {
        let mut bytes = utf16(ARTICLE, false);
        bytes.push(0x41); // odd length
        assert!(refusal(&bytes).contains("not valid UTF-16 little-endian"));
    }

    #[test]
    fn windows_1256_when_not_utf8() {
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1256.encode(ARTICLE);
        assert!(!unmappable);
        assert!(std::str::from_utf8(&bytes).is_err());
        let d = decode(&bytes).expect("decodes");
        assert_eq!((d.text.as_str(), d.encoding), (ARTICLE, Encoding::Windows1256));
        assert!(d.encoding.is_legacy());
        assert!(d.encoding.to_string().contains("legacy Arabic"));
    }

    #[test]
    fn crlf_and_cr_become_lf() {
        let d = decode("سطر\r\nثان\r\nثالث".as_bytes()).expect("decodes");
        assert_eq!((d.text.as_str(), d.line_ends), ("سطر\nثان\nثالث", LineEnds::CrLf));
        let d = decode("سطر\rثان\r".as_bytes()).expect("decodes");
        assert_eq!((d.text.as_str(), d.line_ends), ("سطر\nثان\n", LineEnds::Cr));
        let d = decode("أ\r\nب\nج\rد".as_bytes()).expect("decodes");
        assert_eq!((d.text.as_str(), d.line_ends), ("أ\nب\nج\nد", LineEnds::Mixed));
    }

    #[test]
    fn crlf_in_windows_1256() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode("عنوان\r\nنص");
        let d = decode(&bytes).expect("decodes");
        assert_eq!(
            (d.text.as_str(), d.encoding, d.line_ends),
            ("عنوان\nنص", Encoding::Windows1256, LineEnds::CrLf)
        );
    }

    #[test]
    fn empty_and_blank_files_are_refused() {
        assert!(refusal(b"").contains("is empty"));
        assert!(refusal(b"\xEF\xBB\xBF").contains("is empty"));
        assert!(refusal(b" \r\n\t\n ").contains("only whitespace"));
        assert!(refusal(&utf16("  \n", false)).contains("only whitespace"));
    }

    #[test]
    fn binary_files_are_refused() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x03\x84";
        assert!(refusal(png).contains("looks like a binary file"));
        let nul_in_utf8 = "نص\0نص".as_bytes();
        assert!(refusal(nul_in_utf8).contains("NUL bytes"));
        let controls: Vec<u8> = (0..200u8).map(|i| if i % 5 == 0 { 0x01 } else { b'a' }).collect();
        assert!(refusal(&controls).contains("control characters"));
        let utf32 = [0xFF, 0xFE, 0, 0, 0x41, 0, 0, 0];
        assert!(decode(&utf32).is_err(), "UTF-32 is not taken for UTF-16 text");
    }

    #[test]
    fn a_stray_control_character_is_tolerated() {
        let text = format!("{}\u{1a}", ARTICLE.repeat(2));
        assert!(decode(text.as_bytes()).is_ok());
    }

    #[test]
    fn oversized_files_are_refused_with_size_and_limit() {
        let message = check_size(Path::new("big.txt"), MAX_ARTICLE_BYTES + 6 * 1024 * 1024)
            .expect_err("too large")
            .to_string();
        assert!(message.contains("70 MiB") && message.contains("64 MiB"), "{message}");
        assert!(check_size(Path::new("ok.txt"), MAX_ARTICLE_BYTES).is_ok());
    }

    #[test]
    fn read_article_reads_and_refuses() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "مرحبا\r\n").expect("write");
        let d = read_article(&path).expect("reads");
        assert_eq!(d.text, "مرحبا\n");
        assert_eq!(std::fs::read(&path).expect("read back"), "مرحبا\r\n".as_bytes(), "never written");
        assert!(matches!(read_article(&dir.path().join("missing.txt")), Err(FormatError::Io { .. })));
        assert!(read_article(dir.path()).is_err());
    }
}
