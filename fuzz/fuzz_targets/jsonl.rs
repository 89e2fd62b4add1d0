//! JSONL (doccano) import: any text imports or fails with a located error; what imports
//! exports and imports again with the same entities.
#![no_main]

use std::path::Path;

use hashiya::formats::jsonl;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(import) = jsonl::import_str(Path::new("fuzz.jsonl"), text) else { return };
    for doc in &import.documents {
        let (out, report) = jsonl::export(&doc.document, &doc.annotations);
        let back = jsonl::import_str(Path::new("back.jsonl"), &out);
        let back = back.unwrap_or_else(|e| panic!("an export does not import: {e}\n{out}"));
        let entities: usize = back.documents.iter().map(|d| d.annotations.entities().len()).sum();
        assert_eq!(entities, report.entities, "{out}");
    }
});
