//! The edit journal reader: any bytes parse without a panic into a readable prefix; what was
//! read, written again, reads the same; and resolving its edits against an article (what replay
//! does) never panics. Inputs with an odd first byte are taken as record payloads (split at
//! 0xFF bytes) framed with valid checksums after a valid header, so the fuzzer reaches the
//! record decoder instead of stopping at the checksum.
#![no_main]

use hashiya::formats::journal::{self, Header, Record};
use hashiya::model::{Document, LabelSet};
use libfuzzer_sys::fuzz_target;

fn framed(doc: &Document, payloads: &[u8]) -> Vec<u8> {
    let mut out = journal::encode_start(&Header::new(doc, None));
    for payload in payloads.split(|&b| b == 0xFF) {
        out.extend(journal::frame_payload(payload));
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let doc = Document::new("التقى المقداد في باكو\nمع \"UN\" (2023).".to_string());
    let bytes = match data.split_first() {
        Some((first, rest)) if first & 1 == 1 => framed(&doc, rest),
        _ => data.to_vec(),
    };
    let parsed = journal::parse(&bytes);
    assert!(parsed.valid_len <= bytes.len());
    assert_eq!(parsed.records.len(), parsed.ends.len());
    if let Some(header) = &parsed.header {
        let mut again = journal::encode_start(header);
        for record in &parsed.records {
            again.extend(journal::encode_record(record));
        }
        let back = journal::parse(&again);
        assert_eq!(back.header.as_ref(), Some(header));
        assert_eq!(back.records, parsed.records, "records read back differently");
    }
    let labels = LabelSet::default();
    for record in &parsed.records {
        if let Record::Edit { edits, .. } = record {
            let _ = journal::resolve(edits, &doc, &labels);
        }
    }
});
