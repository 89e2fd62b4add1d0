//! The annotation-file reader (fast path, then the `ron` fallback, then validation and, when
//! the fingerprint differs, re-anchoring): any text is loaded or refused with located
//! problems, never a panic; what loads is written and read back unchanged.
//!
//! The seeds (`fuzz/seeds/store`) are files written for `ARTICLE` below, so mutations explore
//! both the unchanged-text path (fingerprint matches) and re-anchoring (it does not).
#![no_main]

use std::path::Path;

use hashiya::formats::store::{check_str, from_ron_str, to_ron_string};
use hashiya::model::Document;
use libfuzzer_sys::fuzz_target;

/// The article the seed files were written for.
const ARTICLE: &str = "التقى وزير الخارجية السوري فيصل المقداد نظيره الإيراني في باكو.\nووقعت شركة النفط الوطنية اتفاقاً مع شركة أذربيجانية.\n";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let path = Path::new("fuzz.hashiya.ron");
    let _ = check_str(path, text, None);
    let doc = Document::new(ARTICLE.to_string());
    if let Ok(Some(loaded)) = check_str(path, text, Some(&doc)) {
        let again = to_ron_string(&doc, &loaded.annotations, &loaded.info);
        let back = from_ron_str(path, &again, &doc);
        let back = back.unwrap_or_else(|e| panic!("what was written does not load: {e}\n{again}"));
        assert_eq!(back.annotations, loaded.annotations, "{again}");
    }
});
