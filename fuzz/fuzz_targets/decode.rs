//! Article decoding: any bytes are decoded (UTF-8, UTF-16 with BOM, Windows-1256) or refused
//! with a message; decoded text is what the editor opens, so it must make a valid document.
#![no_main]

use std::path::Path;

use hashiya::formats::decode::decode_bytes;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(decoded) = decode_bytes(Path::new("fuzz.txt"), data) {
        let doc = hashiya::model::Document::new(decoded.text.clone());
        assert_eq!(doc.char_to_byte(doc.char_len()), Some(doc.len()));
        assert!(!decoded.text.contains('\r'), "line ends are normalised");
        // One byte-order mark is removed; a second U+FEFF right after it is text (the fuzzer
        // found `FE FF FE FF …`), kept as it is.
    }
});
