//! The bytes inside one journal record: unsigned LEB128 varints, length-prefixed UTF-8
//! strings, and the record kinds (header, edit, status, saved). Decoding never panics and never
//! allocates more than the input could hold: every count is checked against the bytes left.

use super::{Header, RawEdit, RawEntity, RawSpan, RawSuggestion, Record, Step};
use crate::model::{Label, LabelId, Rgb};

/// Record kinds (the first byte of a payload).
const HEADER: u8 = 0;
const APPLY: u8 = 1;
const UNDO: u8 = 2;
const REDO: u8 = 3;
const STATUS: u8 = 4;
const SAVED: u8 = 5;

/// Edit kinds inside an edit record.
const ADD: u8 = 1;
const REMOVE: u8 = 2;
const REPLACE: u8 = 3;
const LABELS: u8 = 4;
const SUGGEST: u8 = 5;
const UNSUGGEST: u8 = 6;
const LAYER: u8 = 7;
const REJECT: u8 = 8;
const UNREJECT: u8 = 9;

/// The journal layout version written in the header.
pub(super) const VERSION: u64 = 1;

/// Appends `v` as an unsigned LEB128 varint.
fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8 & 0x7f) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

fn put_entity(out: &mut Vec<u8>, e: &RawEntity) {
    put_varint(out, e.id);
    put_varint(out, e.start);
    put_varint(out, e.end);
    put_str(out, &e.label);
}

fn put_span(out: &mut Vec<u8>, s: &RawSpan) {
    put_varint(out, s.start);
    put_varint(out, s.end);
    put_str(out, &s.label);
}

fn put_suggestion(out: &mut Vec<u8>, s: &RawSuggestion) {
    put_span(out, &s.span);
    put_str(out, &s.source);
    put_varint(out, u64::from(s.confidence));
    put_varint(out, s.alternatives.len() as u64);
    for a in &s.alternatives {
        put_str(out, a);
    }
    put_str(out, &s.note);
}

fn put_layer(out: &mut Vec<u8>, layer: &[RawSuggestion]) {
    put_varint(out, layer.len() as u64);
    for s in layer {
        put_suggestion(out, s);
    }
}

fn put_labels(out: &mut Vec<u8>, labels: &[Label]) {
    put_varint(out, labels.len() as u64);
    for l in labels {
        put_varint(out, u64::from(l.id.0));
        put_str(out, &l.name);
        out.extend_from_slice(&[l.color.0, l.color.1, l.color.2]);
        put_varint(out, l.hotkey.map_or(0, |c| u64::from(c) + 1));
    }
}

/// The payload of a record.
pub(super) fn encode(record: &Record) -> Vec<u8> {
    let mut out = Vec::with_capacity(64);
    match record {
        Record::Header(h) => {
            out.push(HEADER);
            put_varint(&mut out, VERSION);
            out.extend_from_slice(&h.article_sha256);
            put_varint(&mut out, h.article_chars);
            match &h.base {
                Some(sha) => {
                    out.push(1);
                    out.extend_from_slice(sha);
                }
                None => out.push(0),
            }
        }
        Record::Edit { step, edits } => {
            out.push(match step {
                Step::Apply => APPLY,
                Step::Undo => UNDO,
                Step::Redo => REDO,
            });
            put_varint(&mut out, edits.len() as u64);
            for edit in edits {
                encode_edit(&mut out, edit);
            }
        }
        Record::Status(name) => {
            out.push(STATUS);
            put_str(&mut out, name);
        }
        Record::Saved(sha) => {
            out.push(SAVED);
            out.extend_from_slice(sha);
        }
    }
    out
}

fn encode_edit(out: &mut Vec<u8>, edit: &RawEdit) {
    match edit {
        RawEdit::Add(e) => {
            out.push(ADD);
            put_entity(out, e);
        }
        RawEdit::Remove(e) => {
            out.push(REMOVE);
            put_entity(out, e);
        }
        RawEdit::Replace(old, new) => {
            out.push(REPLACE);
            put_entity(out, old);
            put_entity(out, new);
        }
        RawEdit::Labels(old, new) => {
            out.push(LABELS);
            put_labels(out, old);
            put_labels(out, new);
        }
        RawEdit::Suggest(s) => {
            out.push(SUGGEST);
            put_suggestion(out, s);
        }
        RawEdit::Unsuggest(s) => {
            out.push(UNSUGGEST);
            put_suggestion(out, s);
        }
        RawEdit::Layer(old, new) => {
            out.push(LAYER);
            put_layer(out, old);
            put_layer(out, new);
        }
        RawEdit::Reject(s) => {
            out.push(REJECT);
            put_span(out, s);
        }
        RawEdit::Unreject(s) => {
            out.push(UNREJECT);
            put_span(out, s);
        }
    }
}

/// A cursor over a payload; every read checks the bytes left.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn left(&self) -> usize {
        self.bytes.len() - self.at
    }

    fn byte(&mut self) -> Result<u8, String> {
        let b = *self.bytes.get(self.at).ok_or("cut off")?;
        self.at += 1;
        Ok(b)
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        if n > self.left() {
            return Err("cut off".into());
        }
        let s = &self.bytes[self.at..self.at + n];
        self.at += n;
        Ok(s)
    }

    fn sha(&mut self) -> Result<[u8; 32], String> {
        let mut sha = [0; 32];
        sha.copy_from_slice(self.take(32)?);
        Ok(sha)
    }

    fn varint(&mut self) -> Result<u64, String> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            let part = u64::from(b & 0x7f);
            if shift == 63 && part > 1 {
                return Err("number too large".into());
            }
            v |= part << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err("number too large".into())
    }

    /// A count of items each at least `min_bytes` long: never more than the bytes left allow.
    fn count(&mut self, min_bytes: usize) -> Result<usize, String> {
        let n = self.varint()?;
        if n > (self.left() / min_bytes.max(1)) as u64 {
            return Err(format!("count {n} is larger than the record"));
        }
        Ok(n as usize)
    }

    fn string(&mut self) -> Result<String, String> {
        let n = self.count(1)?;
        let bytes = self.take(n)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| "text is not UTF-8".to_string())
    }

    fn entity(&mut self) -> Result<RawEntity, String> {
        Ok(RawEntity {
            id: self.varint()?,
            start: self.varint()?,
            end: self.varint()?,
            label: self.string()?,
        })
    }

    fn labels(&mut self) -> Result<Vec<Label>, String> {
        let n = self.count(6)?;
        let mut labels = Vec::with_capacity(n);
        for _ in 0..n {
            let id = u32::try_from(self.varint()?).map_err(|_| "label id too large")?;
            let name = self.string()?;
            let c = self.take(3)?;
            let color = Rgb(c[0], c[1], c[2]);
            let hotkey = match self.varint()? {
                0 => None,
                k => Some(
                    u32::try_from(k - 1).ok().and_then(char::from_u32).ok_or("hotkey is not a character")?,
                ),
            };
            labels.push(Label { id: LabelId(id), name, color, hotkey });
        }
        Ok(labels)
    }

    fn span(&mut self) -> Result<RawSpan, String> {
        Ok(RawSpan { start: self.varint()?, end: self.varint()?, label: self.string()? })
    }

    fn suggestion(&mut self) -> Result<RawSuggestion, String> {
        let span = self.span()?;
        let source = self.string()?;
        let confidence = u16::try_from(self.varint()?).map_err(|_| "confidence too large")?;
        let n = self.count(1)?;
        let mut alternatives = Vec::with_capacity(n);
        for _ in 0..n {
            alternatives.push(self.string()?);
        }
        Ok(RawSuggestion { span, source, confidence, alternatives, note: self.string()? })
    }

    fn layer(&mut self) -> Result<Vec<RawSuggestion>, String> {
        let n = self.count(6)?;
        let mut layer = Vec::with_capacity(n);
        for _ in 0..n {
            layer.push(self.suggestion()?);
        }
        Ok(layer)
    }

    fn edit(&mut self) -> Result<RawEdit, String> {
        Ok(match self.byte()? {
            ADD => RawEdit::Add(self.entity()?),
            REMOVE => RawEdit::Remove(self.entity()?),
            REPLACE => RawEdit::Replace(self.entity()?, self.entity()?),
            LABELS => RawEdit::Labels(self.labels()?, self.labels()?),
            SUGGEST => RawEdit::Suggest(self.suggestion()?),
            UNSUGGEST => RawEdit::Unsuggest(self.suggestion()?),
            LAYER => RawEdit::Layer(self.layer()?, self.layer()?),
            REJECT => RawEdit::Reject(self.span()?),
            UNREJECT => RawEdit::Unreject(self.span()?),
            k => return Err(format!("unknown edit kind {k}")),
        })
    }
}

/// Decodes a payload; the whole payload must be used.
pub(super) fn decode(payload: &[u8]) -> Result<Record, String> {
    let mut r = Reader { bytes: payload, at: 0 };
    let record = match r.byte()? {
        HEADER => {
            let version = r.varint()?;
            if version != VERSION {
                return Err(format!("journal version {version} (this Hashiya reads {VERSION})"));
            }
            let article_sha256 = r.sha()?;
            let article_chars = r.varint()?;
            let base = match r.byte()? {
                0 => None,
                1 => Some(r.sha()?),
                _ => return Err("bad base marker".into()),
            };
            Record::Header(Header { article_sha256, article_chars, base })
        }
        kind @ (APPLY | UNDO | REDO) => {
            let step = match kind {
                APPLY => Step::Apply,
                UNDO => Step::Undo,
                _ => Step::Redo,
            };
            // The shortest edit is 3 bytes (a layer edit of two empty layers, or labels of two
            // empty sets); counting 4 refused records Hashiya itself writes (fuzz finding 6).
            let n = r.count(3)?;
            let mut edits = Vec::with_capacity(n);
            for _ in 0..n {
                edits.push(r.edit()?);
            }
            Record::Edit { step, edits }
        }
        STATUS => Record::Status(r.string()?),
        SAVED => Record::Saved(r.sha()?),
        k => return Err(format!("unknown record kind {k}")),
    };
    if r.left() != 0 {
        return Err(format!("{} unexpected bytes at the end of the record", r.left()));
    }
    Ok(record)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_round_trip_and_overlong_ones_are_refused() {
        for v in [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            let mut out = Vec::new();
            put_varint(&mut out, v);
            assert_eq!(Reader { bytes: &out, at: 0 }.varint(), Ok(v));
        }
        let overlong = [0xff; 11];
        assert!(Reader { bytes: &overlong, at: 0 }.varint().is_err());
        // 2^64 does not fit: the tenth byte may only carry one bit.
        let too_big = [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x02];
        assert!(Reader { bytes: &too_big, at: 0 }.varint().is_err());
    }

    #[test]
    fn a_huge_count_is_refused_before_allocating() {
        let mut payload = vec![APPLY];
        put_varint(&mut payload, u64::MAX / 2);
        assert!(decode(&payload).is_err_and(|e| e.contains("larger than the record")));
    }
}
