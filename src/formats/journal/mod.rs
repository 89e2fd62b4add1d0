//! The edit journal: every edit applied since the last save, appended to a small file beside
//! the annotation file (`article.txt.hashiya.journal`) so that a crash, a kill or a power cut
//! loses nothing; folded into the annotation file at every save. Pure: bytes in, bytes out
//! (the editor owns the file, its fsyncs and its replay).
//!
//! # Layout
//! The file starts with the 8 bytes `HSYJRNL1`, then records, each
//! `[length: u32 LE][crc32 of the length bytes and the payload: u32 LE][payload]`:
//! self-delimiting, so a reader finds where a record ends and whether it is whole. The first
//! record is the [`Header`]: the article's SHA-256 and length, and the SHA-256 of the
//! annotation file the journal starts from (none when there was no file). Then
//! [`Record::Edit`] (a transaction as applied, with the step that applied it: new edit, undo or
//! redo), [`Record::Status`] (the document's status changed) and [`Record::Saved`] (a save is
//! about to write a file with this SHA-256: the records before it are in that file).
//!
//! Edits hold code-point offsets and label names, like the annotation file; label sets are
//! written whole (id, name, colour, hotkey). Inside a payload numbers are LEB128 varints and
//! strings are length-prefixed UTF-8 (`codec.rs`).
//!
//! # Reading
//! [`parse`] never panics. A last record that is cut off, fails its checksum at the very end
//! of the file, or is followed only by zero bytes is a torn write ([`End::Torn`]): ignored. A
//! bad record with whole records after it is damage ([`End::Corrupt`]): reading stops there.

mod codec;
mod convert;

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

pub use convert::{edit_record, resolve};

use crate::model::{Document, Label};

/// The first bytes of every journal file.
pub const MAGIC: &[u8; 8] = b"HSYJRNL1";

/// Records longer than this are damage (a tag-all of 10,000 entities is about 200 KB).
pub const MAX_RECORD: usize = 64 * 1024 * 1024;

/// The journal of an annotation file: `x.hashiya.ron` → `x.hashiya.journal`; any other name
/// gets `.journal` appended.
pub fn journal_path(store: &Path) -> PathBuf {
    let name = store.as_os_str().to_string_lossy();
    match name.strip_suffix(".hashiya.ron") {
        Some(stem) => PathBuf::from(format!("{stem}.hashiya.journal")),
        None => {
            let mut name = store.as_os_str().to_owned();
            name.push(".journal");
            PathBuf::from(name)
        }
    }
}

/// SHA-256 of some bytes, raw.
pub fn sha256(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// What ties a journal to its files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// SHA-256 of the article's decoded text (UTF-8).
    pub article_sha256: [u8; 32],
    /// The article's length in code points.
    pub article_chars: u64,
    /// SHA-256 of the annotation file's bytes the edits apply to; `None`: no file yet.
    pub base: Option<[u8; 32]>,
}

impl Header {
    /// The header for edits of `doc` on top of an annotation file with these bytes' SHA-256.
    pub fn new(doc: &Document, base: Option<[u8; 32]>) -> Self {
        Self { article_sha256: sha256(doc.text().as_bytes()), article_chars: doc.char_len() as u64, base }
    }
}

/// How an edit record's transaction was applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// A new edit.
    Apply,
    /// An undo (the record holds the inverse that was applied).
    Undo,
    /// A redo.
    Redo,
}

/// An entity as the journal stores it: code points and a label name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawEntity {
    /// Entity id.
    pub id: u64,
    /// First code point.
    pub start: u64,
    /// One past the last code point.
    pub end: u64,
    /// Label name.
    pub label: String,
}

/// One edit as stored ([`Edit`] with code points and label names).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawEdit {
    /// Add an entity.
    Add(RawEntity),
    /// Remove an entity.
    Remove(RawEntity),
    /// Replace an entity (old, new).
    Replace(RawEntity, RawEntity),
    /// Replace the label set (old, new).
    Labels(Vec<Label>, Vec<Label>),
    /// Add a suggestion.
    Suggest(RawSuggestion),
    /// Remove a suggestion.
    Unsuggest(RawSuggestion),
    /// Replace the suggestions layer (old, new).
    Layer(Vec<RawSuggestion>, Vec<RawSuggestion>),
    /// Remember a rejected suggestion.
    Reject(RawSpan),
    /// Forget a rejection.
    Unreject(RawSpan),
}

/// A labelled span (a rejection) as stored: code points and a label name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawSpan {
    /// First code point.
    pub start: u64,
    /// One past the last code point.
    pub end: u64,
    /// Label name.
    pub label: String,
}

/// A suggestion as stored: code points, label names, source name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawSuggestion {
    /// Where and which label.
    pub span: RawSpan,
    /// `gazetteer`, `corpus`, `model` or `merge`.
    pub source: String,
    /// Per mille.
    pub confidence: u16,
    /// Other labels' names.
    pub alternatives: Vec<String>,
    /// Free text.
    pub note: String,
}

/// One journal record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Record {
    /// The first record.
    Header(Header),
    /// A transaction as applied to the annotations.
    Edit {
        /// New edit, undo or redo.
        step: Step,
        /// Its edits in order.
        edits: Vec<RawEdit>,
    },
    /// The document's status (`done`, …) was set.
    Status(String),
    /// A save is writing an annotation file with this SHA-256.
    Saved([u8; 32]),
}

/// The file's first bytes: magic and header record.
pub fn encode_start(header: &Header) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    out.extend(encode_record(&Record::Header(header.clone())));
    out
}

/// One framed record: length, checksum, payload.
pub fn encode_record(record: &Record) -> Vec<u8> {
    frame_payload(&codec::encode(record))
}

/// Frames a payload as a record: length, checksum, payload (also lets the fuzz target build
/// journals whose checksums hold, to reach the record decoder).
pub fn frame_payload(payload: &[u8]) -> Vec<u8> {
    let len = (payload.len() as u32).to_le_bytes();
    let mut crc = crc32fast::Hasher::new();
    crc.update(&len);
    crc.update(payload);
    let mut out = Vec::with_capacity(payload.len() + 8);
    out.extend_from_slice(&len);
    out.extend_from_slice(&crc.finalize().to_le_bytes());
    out.extend_from_slice(payload);
    out
}

/// How the readable part of a journal ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum End {
    /// Every byte belongs to a whole record.
    Clean,
    /// The last record was being written when the writer stopped: ignored.
    Torn,
    /// A damaged record with more after it (or one that cannot be decoded): reading stopped.
    Corrupt {
        /// Its number, counting the header as 0.
        record: usize,
        /// What is wrong with it.
        why: String,
    },
    /// Not a journal at all (another file, or a newer layout).
    Foreign(String),
}

/// A journal read from bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    /// The header (`None` when the file ends before it is whole, or is not a journal).
    pub header: Option<Header>,
    /// The whole records after the header, in order.
    pub records: Vec<Record>,
    /// Where each of `records` ends (byte offset of its end in the file).
    pub ends: Vec<usize>,
    /// The length of the readable prefix (magic, header and `records`).
    pub valid_len: usize,
    /// Why reading stopped.
    pub end: End,
}

/// Reads a journal; never panics, whatever the bytes.
pub fn parse(bytes: &[u8]) -> Parsed {
    let mut parsed =
        Parsed { header: None, records: Vec::new(), ends: Vec::new(), valid_len: 0, end: End::Clean };
    if bytes.len() < MAGIC.len() {
        // A file cut off inside its magic was being created.
        parsed.end = if MAGIC.starts_with(bytes) { End::Torn } else { foreign() };
        return parsed;
    }
    if !bytes.starts_with(MAGIC) {
        parsed.end = foreign();
        return parsed;
    }
    let mut at = MAGIC.len();
    parsed.valid_len = at;
    while at < bytes.len() {
        let number = parsed.records.len() + usize::from(parsed.header.is_some());
        let record = match frame(&bytes[at..]) {
            Frame::Whole(payload, len) => codec::decode(payload).map(|r| (r, len)),
            Frame::Torn => {
                parsed.end = End::Torn;
                return parsed;
            }
            Frame::Bad(why) => Err(why),
        };
        let (record, len) = match record {
            Ok(r) => r,
            Err(why) => {
                parsed.end = End::Corrupt { record: number, why };
                return parsed;
            }
        };
        match (record, parsed.header.is_some()) {
            (Record::Header(h), false) => parsed.header = Some(h),
            (Record::Header(_), true) => {
                parsed.end = End::Corrupt { record: number, why: "a second header".into() };
                return parsed;
            }
            (_, false) => {
                parsed.end = End::Corrupt { record: 0, why: "no header".into() };
                return parsed;
            }
            (record, true) => {
                parsed.records.push(record);
                parsed.ends.push(at + len);
            }
        }
        at += len;
        parsed.valid_len = at;
    }
    parsed
}

fn foreign() -> End {
    End::Foreign("not a Hashiya journal (it does not start with HSYJRNL1)".into())
}

/// One record at the start of `rest`.
enum Frame<'a> {
    /// Its payload and its whole length.
    Whole(&'a [u8], usize),
    /// `rest` is an unfinished write.
    Torn,
    /// Damaged, with more bytes after it.
    Bad(String),
}

fn frame(rest: &[u8]) -> Frame<'_> {
    let zeros_to_the_end = || rest.iter().all(|&b| b == 0);
    if rest.len() < 8 || zeros_to_the_end() {
        return Frame::Torn;
    }
    let len_bytes = [rest[0], rest[1], rest[2], rest[3]];
    let len = u32::from_le_bytes(len_bytes) as usize;
    let crc = u32::from_le_bytes([rest[4], rest[5], rest[6], rest[7]]);
    if len > MAX_RECORD {
        return Frame::Bad(format!("record length {len} is not plausible"));
    }
    let Some(payload) = rest.get(8..8 + len) else { return Frame::Torn };
    let mut hasher = crc32fast::Hasher::new();
    hasher.update(&len_bytes);
    hasher.update(payload);
    if hasher.finalize() != crc {
        if rest.len() == 8 + len {
            return Frame::Torn;
        }
        return Frame::Bad("checksum mismatch".into());
    }
    Frame::Whole(payload, 8 + len)
}

#[cfg(test)]
mod tests;
