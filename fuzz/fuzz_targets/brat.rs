//! brat import (the `.ann`, a NUL byte, then the `.txt`): anything imports or fails with a
//! located error. What imports is saved as an annotation file and loads back unchanged (kept
//! lines included), and its brat export imports again with the same entities and every kept
//! line.
#![no_main]

use std::path::Path;

use hashiya::formats::brat;
use hashiya::formats::store::{SaveInfo, from_ron_str, to_ron_string};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (ann, txt) = text.split_once('\0').unwrap_or((text, ""));
    let Ok(import) = brat::import_str(Path::new("f.ann"), ann, Path::new("f.txt"), txt) else { return };
    for doc in &import.documents {
        let info = SaveInfo::new(Path::new("f.txt"));
        let ron = to_ron_string(&doc.document, &doc.annotations, &info);
        let loaded = from_ron_str(Path::new("f.hashiya.ron"), &ron, &doc.document);
        let loaded = loaded.unwrap_or_else(|e| panic!("an import does not load back: {e}\n{ron}"));
        assert_eq!(loaded.annotations, doc.annotations, "{ron}");
        let (files, report) = brat::export(&doc.document, &doc.annotations);
        assert!(report.brat_dropped.is_empty(), "{:?}", report.brat_dropped);
        let back = brat::import_str(Path::new("b.ann"), &files.ann, Path::new("b.txt"), &files.txt);
        let back = back.unwrap_or_else(|e| panic!("an export does not import: {e}\n{}", files.ann));
        let again = &back.documents[0].annotations;
        assert_eq!(again.entities().len(), report.entities, "{}", files.ann);
        assert_eq!(again.brat_lines().len(), doc.annotations.brat_lines().len(), "{}", files.ann);
    }
});
