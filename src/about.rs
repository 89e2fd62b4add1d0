//! What Hashiya is and where its things are: the version and commit, the application id
//! desktops know it by, where settings and files live, and the licences of the code and of
//! everything bundled with it (fonts, data, model) with their attributions. `hashiya --version`,
//! Help > About and the packaging tests all read them here, so they never disagree.

use std::path::PathBuf;

/// Reverse-DNS application id: the desktop entry's and the AppStream file's name, the window's
/// app id on Wayland and its WM_CLASS on X11, so that desktops show the right name and icon.
pub const APP_ID: &str = "io.github.hashiya.Hashiya";

/// The version, from `Cargo.toml`; the Debian package, the Python wheel and `CHANGELOG.md`
/// carry the same.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The commit the binary was built from: short hash and commit date, or `unknown` when it was
/// built outside a git checkout (see `build.rs`).
pub const COMMIT: &str = env!("HASHIYA_COMMIT");

/// What `hashiya --version` prints after the program's name: `0.1.0 (1a2b3c4d5e 2026-12-05)`.
pub const LONG_VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (", env!("HASHIYA_COMMIT"), ")");

/// The whole line `hashiya --version` prints (and Help > About copies for a bug report).
pub const VERSION_LINE: &str =
    concat!("hashiya ", env!("CARGO_PKG_VERSION"), " (", env!("HASHIYA_COMMIT"), ")");

/// Hashiya's icon (256 px; `assets/icons/` has the SVG and the other sizes the package installs),
/// shown by the window and Help > About.
pub const ICON_PNG: &[u8] = include_bytes!("../assets/icons/hashiya-256.png");

/// The licence of Hashiya's own code (SPDX).
pub const CODE_LICENCE: &str = "MIT OR Apache-2.0";

/// Something bundled with the program and whom to thank for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credit {
    /// What it is (a font's family, a data file).
    pub name: String,
    /// Who made it: the copyright notice or the attribution the licence asks for.
    pub notice: String,
    /// Its licence, as short as the source says it.
    pub licence: String,
}

/// The fonts built into the program (from `fonts/`), credited as their own files name them.
pub fn fonts() -> Vec<Credit> {
    crate::text::font_bytes().iter().filter_map(|bytes| font_credit(bytes)).collect()
}

/// A font's family, copyright notice and licence, read from its `name` table; `None` when the
/// bytes are not a font.
pub fn font_credit(bytes: &[u8]) -> Option<Credit> {
    let face = ttf_parser::Face::parse(bytes, 0).ok()?;
    let name_of = |id: u16| {
        face.names()
            .into_iter()
            .filter(|n| n.name_id == id)
            .find_map(|n| n.to_string())
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|s| !s.is_empty())
    };
    let family = name_of(ttf_parser::name_id::FULL_NAME).or_else(|| name_of(ttf_parser::name_id::FAMILY))?;
    let notice = name_of(ttf_parser::name_id::COPYRIGHT_NOTICE).unwrap_or_default();
    let stated = name_of(ttf_parser::name_id::LICENSE).unwrap_or_default();
    let licence = licence_name(&format!("{stated} {notice}")).map_or_else(
        || match name_of(ttf_parser::name_id::LICENSE_URL) {
            Some(url) => format!("{} ({url})", first_sentence(&stated)),
            None if !stated.is_empty() => first_sentence(&stated).to_string(),
            None => "MIT (a subset of emoji-icon-font by John Slegers, made by egui)".to_string(),
        },
        str::to_string,
    );
    Some(Credit { name: family, notice, licence })
}

/// The licence a font's own words name, for the licences of the fonts Hashiya and egui bundle.
fn licence_name(text: &str) -> Option<&'static str> {
    if text.contains("Open Font License") {
        Some("SIL Open Font License 1.1")
    } else if text.contains("Ubuntu Font Licence") {
        Some("Ubuntu Font Licence 1.0")
    } else if text.contains("MIT License") && text.contains("Bitstream") {
        Some("MIT; Bitstream Vera License for the Vera glyphs")
    } else {
        None
    }
}

fn first_sentence(text: &str) -> &str {
    text.split_inclusive(". ").next().unwrap_or(text).trim_end()
}

/// Faces of one family with the same notice and licence (Regular, Bold) as one entry.
pub fn by_family(credits: Vec<Credit>) -> Vec<Credit> {
    let mut out: Vec<Credit> = Vec::new();
    for credit in credits {
        let name = family_of(&credit.name).to_string();
        if !out.iter().any(|c| c.name == name && c.notice == credit.notice && c.licence == credit.licence) {
            out.push(Credit { name, ..credit });
        }
    }
    out
}

/// A face's family: its full name without the style word at its end.
fn family_of(name: &str) -> &str {
    ["Regular", "Bold", "Light", "Italic", "Medium"]
        .iter()
        .find_map(|style| name.strip_suffix(style).map(str::trim_end))
        .unwrap_or(name)
}

/// The corpus the bundled word clusters and starter model are learned from, with the
/// attribution its licence asks for.
pub const NEWSFANE: &str = "NewsFANE (Newswire-based Fine-grained Arabic Named Entity corpus) by Fahd \
     Alotaibi and Mark Lee, University of Birmingham";

/// The licence of the bundled word clusters and starter model (that of NewsFANE).
pub const DATA_LICENCE: &str = "CC BY-SA 3.0";

/// Where Hashiya keeps its own files: `$XDG_DATA_HOME/hashiya` (by default
/// `~/.local/share/hashiya`), the temporary folder when no home is known.
pub fn data_dir() -> PathBuf {
    std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .unwrap_or_else(std::env::temp_dir)
        .join("hashiya")
}

/// Where the window's settings are saved (recent files, zoom, theme, annotator).
pub fn settings_file() -> PathBuf {
    data_dir().join("app.ron")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_font_names_itself_and_its_licence() {
        let fonts = fonts();
        assert_eq!(fonts.len(), crate::text::font_bytes().len());
        for font in &fonts {
            assert!(!font.notice.is_empty(), "{} has no copyright notice", font.name);
            assert_eq!(font.licence, "SIL Open Font License 1.1", "{}", font.name);
        }
        assert!(fonts.iter().any(|f| f.name.contains("Naskh")));
    }

    #[test]
    fn faces_of_a_family_are_one_entry() {
        let fonts = by_family(fonts());
        let names: Vec<&str> = fonts.iter().map(|c| c.name.as_str()).collect();
        assert!(names.contains(&"Noto Naskh Arabic") && names.contains(&"Amiri"), "{names:?}");
        assert!(fonts.len() < super::fonts().len(), "Regular and Bold are one entry");
    }

    #[test]
    fn the_long_version_starts_with_the_version() {
        assert!(LONG_VERSION.starts_with(&format!("{VERSION} (")), "{LONG_VERSION}");
        assert!(!COMMIT.is_empty());
        assert_eq!(font_credit(b"not a font"), None);
    }
}
