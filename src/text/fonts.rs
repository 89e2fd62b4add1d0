//! The bundled fonts, embedded in the binary: three reading faces for Arabic (Noto Naskh
//! Arabic, the default; Amiri, a book Naskh; Noto Sans Arabic, a sans for screens), each
//! Regular and Bold, with Noto Sans as fallback for Latin letters, digits and symbols. All are
//! under the SIL Open Font License 1.1 (`fonts/*-COPYRIGHT.txt`). Only these are loaded (no
//! system scan), so rendering is identical everywhere and start-up is fast.

use std::sync::Arc;

use cosmic_text::{FontSystem, fontdb};

/// Family of the Arabic text face.
pub const ARABIC_FAMILY: &str = "Noto Naskh Arabic";
/// Family of the Latin fallback face.
pub const LATIN_FAMILY: &str = "Noto Sans";

const FONTS: [&[u8]; 8] = [
    include_bytes!("../../fonts/NotoNaskhArabic-Regular.ttf"),
    include_bytes!("../../fonts/NotoNaskhArabic-Bold.ttf"),
    include_bytes!("../../fonts/NotoSans-Regular.ttf"),
    include_bytes!("../../fonts/NotoSans-Bold.ttf"),
    include_bytes!("../../fonts/Amiri-Regular.ttf"),
    include_bytes!("../../fonts/Amiri-Bold.ttf"),
    include_bytes!("../../fonts/NotoSansArabic-Regular.ttf"),
    include_bytes!("../../fonts/NotoSansArabic-Bold.ttf"),
];

/// The face the article is read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
pub enum ReadingFont {
    /// Noto Naskh Arabic: a Naskh for text, the default.
    #[default]
    NotoNaskh,
    /// Amiri: a book Naskh after the Bulaq press types, generous and calligraphic.
    Amiri,
    /// Noto Sans Arabic: a simplified sans for screens.
    NotoSans,
}

impl ReadingFont {
    /// Every reading font, in menu order.
    pub const ALL: [ReadingFont; 3] = [ReadingFont::NotoNaskh, ReadingFont::Amiri, ReadingFont::NotoSans];

    /// The font family name.
    pub fn family(self) -> &'static str {
        match self {
            ReadingFont::NotoNaskh => ARABIC_FAMILY,
            ReadingFont::Amiri => "Amiri",
            ReadingFont::NotoSans => "Noto Sans Arabic",
        }
    }

    /// A short name for the command line and settings (`naskh`, `amiri`, `sans`).
    pub fn key(self) -> &'static str {
        match self {
            ReadingFont::NotoNaskh => "naskh",
            ReadingFont::Amiri => "amiri",
            ReadingFont::NotoSans => "sans",
        }
    }

    /// The font named by [`Self::key`].
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.key() == key)
    }
}

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
        assert_eq!(fs.db().len(), 8);
        assert!(families.iter().any(|f| f == LATIN_FAMILY));
        for font in ReadingFont::ALL {
            assert!(families.iter().any(|f| f == font.family()), "{} is bundled", font.family());
            assert_eq!(ReadingFont::from_key(font.key()), Some(font));
        }
    }
}
