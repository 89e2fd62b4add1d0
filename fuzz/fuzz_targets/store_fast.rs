//! The fast reader of the annotation file against `ron`: whatever the fast reader accepts,
//! `ron` must read exactly the same (the fast reader is a strict subset of RON).
#![no_main]

use hashiya::formats::store::fast_reader_agrees;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    assert_ne!(fast_reader_agrees(text), Some(false), "the fast reader and ron disagree on:\n{text}");
});
