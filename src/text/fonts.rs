//! The bundled fonts, embedded in the binary: Noto Naskh Arabic (Regular, Bold) with Noto Sans
//! as fallback for Latin letters, digits and symbols. Only these are loaded (no system scan), so
//! rendering is identical everywhere and start-up is fast.

use std::sync::Arc;

use cosmic_text::{FontSystem, fontdb};

/// Family of the Arabic text face.
pub const ARABIC_FAMILY: &str = "Noto Naskh Arabic";
/// Family of the Latin fallback face.
pub const LATIN_FAMILY: &str = "Noto Sans";

const FONTS: [&[u8]; 4] = [
    include_bytes!("../../fonts/NotoNaskhArabic-Regular.ttf"),
    include_bytes!("../../fonts/NotoNaskhArabic-Bold.ttf"),
    include_bytes!("../../fonts/NotoSans-Regular.ttf"),
    include_bytes!("../../fonts/NotoSans-Bold.ttf"),
];

/// The raw bytes of the bundled fonts (Arabic regular first), for egui's UI fonts too.
pub fn font_bytes() -> &'static [&'static [u8]] {
    &FONTS
}

/// A font system holding exactly the bundled fonts.
pub fn font_system() -> FontSystem {
    let mut db = fontdb::Database::new();
    for bytes in FONTS {
        db.load_font_source(fontdb::Source::Binary(Arc::new(bytes)));
    }
    db.set_serif_family(ARABIC_FAMILY);
    db.set_sans_serif_family(LATIN_FAMILY);
    FontSystem::new_with_locale_and_db("ar".to_string(), db)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_bundled_faces_are_loaded() {
        let fs = font_system();
        let families: Vec<String> =
            fs.db().faces().flat_map(|f| f.families.iter().map(|(n, _)| n.clone())).collect();
        assert_eq!(fs.db().len(), 4);
        assert!(families.iter().any(|f| f == ARABIC_FAMILY));
        assert!(families.iter().any(|f| f == LATIN_FAMILY));
    }
}
