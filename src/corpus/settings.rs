//! The corpus file, `hashiya-corpus.ron` at the corpus root: the label set every document
//! shares, the default annotator name and the corpus settings. Written atomically
//! ([`crate::formats::atomic`]); every problem on reading is located as `path:line:column`.
//!
//! ```text
//! // Hashiya corpus: the labels, default annotator and settings of every article below.
//! (
//!     version: 1,
//!     annotator: Some("rana"),
//!     labels: [
//!         (id: 1, name: "PER", color: "#0072b2", hotkey: Some('1')),
//!     ],
//!     extensions: ["txt"],
//! )
//! ```
//! `annotator` may be `None` (each annotator's own name is used); `extensions` are the file
//! extensions of articles (without the dot, any case), `["txt"]` when absent.

use std::fmt::Write as _;
use std::path::Path;

use serde::Deserialize;

use super::learning::{LabelMap, LearnSettings, RawLearn, RawPrior};
use crate::formats::store::{self, push_char_lit, push_str_lit};
use crate::formats::{FormatError, Location, atomic, utf8_text};
use crate::model::{Label, LabelId, LabelSet, Rgb};

/// The corpus file's name, at the corpus root.
pub const CORPUS_FILE: &str = "hashiya-corpus.ron";

/// The corpus file format version this Hashiya reads and writes.
pub const CORPUS_VERSION: u64 = 1;

/// What the corpus file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// The label set every document shares (ids are the corpus's; documents keep their own ids
    /// and match labels by name).
    pub labels: LabelSet,
    /// The default annotator name (`None`: each annotator's own).
    pub annotator: Option<String>,
    /// Extensions of article files, lower case, without the dot.
    pub extensions: Vec<String>,
    /// How suggestions are made and learned ([`super::learning`]).
    pub learning: LearnSettings,
}

impl Default for Settings {
    /// The default labels, no default annotator, `.txt` articles.
    fn default() -> Self {
        Self {
            labels: LabelSet::default(),
            annotator: None,
            extensions: default_extensions(),
            learning: LearnSettings::default(),
        }
    }
}

#[derive(Deserialize)]
#[serde(rename = "corpus", deny_unknown_fields)]
struct RawSettings {
    version: u64,
    #[serde(default)]
    annotator: Option<String>,
    labels: Vec<RawLabel>,
    #[serde(default = "default_extensions")]
    extensions: Vec<String>,
    #[serde(default)]
    clitics: Option<String>,
    #[serde(default = "yes")]
    starter: bool,
    #[serde(default)]
    starter_map: LabelMap,
    #[serde(default)]
    priors: Vec<RawPrior>,
    #[serde(default)]
    gazetteer: Option<String>,
    #[serde(default)]
    order: String,
}

fn yes() -> bool {
    true
}

fn default_extensions() -> Vec<String> {
    vec!["txt".to_string()]
}

#[derive(Deserialize)]
#[serde(rename = "label", deny_unknown_fields)]
struct RawLabel {
    id: u32,
    name: String,
    color: String,
    #[serde(default)]
    hotkey: Option<char>,
}

impl Settings {
    /// Reads a corpus file; the first problem is returned, located.
    pub fn read(path: &Path) -> Result<Self, FormatError> {
        let bytes = std::fs::read(path).map_err(|e| FormatError::io(path, e))?;
        let text = utf8_text(path, bytes, "not UTF-8 from here on, so not a Hashiya corpus file")?;
        Self::from_ron_str(path, &text)
    }

    /// Parses corpus-file text; `path` names it in errors.
    pub fn from_ron_str(path: &Path, text: &str) -> Result<Self, FormatError> {
        if text.trim().is_empty() {
            return Err(FormatError::file(path, "is empty: it holds no corpus settings"));
        }
        let raw: RawSettings = ron::Options::default().from_str(text).map_err(|e| {
            let at = Location::new(path, e.span.start.line, e.span.start.col);
            FormatError::at(at, format!("{} (not a valid Hashiya corpus file)", e.code))
        })?;
        let field = |name: &str| store::field_location(path, text, name);
        if raw.version != CORPUS_VERSION {
            let message = format!(
                "corpus file version {} is not supported: this Hashiya reads version {CORPUS_VERSION}",
                raw.version
            );
            return Err(FormatError::at(field("version"), message));
        }
        let learning = RawLearn {
            clitics: raw.clitics,
            starter: raw.starter,
            starter_map: raw.starter_map,
            priors: raw.priors,
            gazetteer: raw.gazetteer,
            order: raw.order,
        }
        .validate()
        .map_err(|(name, message)| FormatError::at(field(name), message))?;
        let labels = labels(path, text, raw.labels)?;
        let mut extensions = Vec::new();
        for ext in raw.extensions {
            let ext = ext.trim().trim_start_matches('.').to_lowercase();
            if ext.is_empty() || ext.contains(['/', '\\', '.']) {
                let message = format!("extension {ext:?} is not a file extension like \"txt\"");
                return Err(FormatError::at(field("extensions"), message));
            }
            if !extensions.contains(&ext) {
                extensions.push(ext);
            }
        }
        if extensions.is_empty() {
            return Err(FormatError::at(field("extensions"), "no article extension: add e.g. \"txt\""));
        }
        let annotator = raw.annotator.map(|a| a.trim().to_string()).filter(|a| !a.is_empty());
        Ok(Self { labels, annotator, extensions, learning })
    }

    /// The file's text in its canonical layout (one label per line).
    pub fn to_ron_string(&self) -> String {
        let mut out = String::from(
            "// Hashiya corpus: the labels, default annotator and settings of every article below.\n(\n",
        );
        let _ = writeln!(out, "    version: {CORPUS_VERSION},");
        out.push_str("    annotator: ");
        match &self.annotator {
            Some(name) => {
                out.push_str("Some(");
                push_str_lit(&mut out, name);
                out.push_str("),\n");
            }
            None => out.push_str("None,\n"),
        }
        out.push_str("    labels: [\n");
        for l in self.labels.iter() {
            let _ = write!(out, "        (id: {}, name: ", l.id.0);
            push_str_lit(&mut out, &l.name);
            let _ = write!(out, ", color: \"{}\", hotkey: ", l.color.to_hex());
            match l.hotkey {
                Some(c) => {
                    out.push_str("Some(");
                    push_char_lit(&mut out, c);
                    out.push(')');
                }
                None => out.push_str("None"),
            }
            out.push_str("),\n");
        }
        out.push_str("    ],\n    extensions: [");
        for (i, ext) in self.extensions.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            push_str_lit(&mut out, ext);
        }
        out.push_str("],\n");
        self.learning.write_fields(&mut out);
        out.push_str(")\n");
        out
    }

    /// Writes the file atomically (the previous one kept as `.bak`).
    pub fn write(&self, path: &Path) -> Result<(), FormatError> {
        atomic::write_atomic(path, self.to_ron_string().as_bytes())
    }

    /// True if `name` (a file name) has one of the article extensions.
    pub fn is_article_name(&self, name: &str) -> bool {
        name.rsplit_once('.').is_some_and(|(stem, ext)| {
            !stem.is_empty() && self.extensions.iter().any(|e| e.eq_ignore_ascii_case(ext))
        })
    }
}

/// Checks the labels as an annotation file's are checked: names, ids and hotkeys unique,
/// colours `#rrggbb`.
fn labels(path: &Path, text: &str, raw: Vec<RawLabel>) -> Result<LabelSet, FormatError> {
    let mut out: Vec<Label> = Vec::with_capacity(raw.len());
    for (i, l) in raw.into_iter().enumerate() {
        let color = Rgb::from_hex(&l.color);
        let problem = if l.name.trim().is_empty() {
            Some("the name is empty".to_string())
        } else if color.is_none() {
            Some(format!("colour {:?} is not of the form \"#rrggbb\"", l.color))
        } else if out.iter().any(|o| o.id.0 == l.id) {
            Some(format!("id {} is used by another label", l.id))
        } else if out.iter().any(|o| o.name == l.name) {
            Some("the name is defined twice".to_string())
        } else if l.hotkey.is_some() && out.iter().any(|o| o.hotkey == l.hotkey) {
            Some(format!("hotkey {:?} is used by another label", l.hotkey.unwrap_or_default()))
        } else {
            None
        };
        if let Some(message) = problem {
            let at = store::element_location(path, text, "labels", i);
            return Err(FormatError::at(at, format!("label {:?}: {message}", l.name)));
        }
        if let Some(color) = color {
            out.push(Label { id: LabelId(l.id), name: l.name, color, hotkey: l.hotkey });
        }
    }
    LabelSet::from_labels(out).map_err(|name| FormatError::file(path, format!("label {name:?} is repeated")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_settings_read_back() {
        let mut s = Settings { annotator: Some("رنا \"R\"".into()), ..Settings::default() };
        s.labels.ensure("عَلَم");
        s.extensions.push("md".into());
        let text = s.to_ron_string();
        assert!(
            text.contains("        (id: 1, name: \"PER\", color: \"#0072b2\", hotkey: Some('1')),\n"),
            "{text}"
        );
        assert_eq!(Settings::from_ron_str(Path::new("c.ron"), &text).expect("reads"), s);
        assert!(s.is_article_name("a.TXT") && s.is_article_name("b.md"));
        assert!(!s.is_article_name(".txt") && !s.is_article_name("a.txt.hashiya.ron"));
    }

    #[test]
    fn learning_settings_read_back_and_defaults_are_not_written() {
        use crate::corpus::{Clitics, DocOrder, Prior};
        let plain = Settings::default().to_ron_string();
        assert!(!plain.contains("clitics") && !plain.contains("starter"), "{plain}");
        let mut s = Settings::default();
        s.learning.clitics = Some(Clitics::Include);
        s.learning.starter = false;
        s.learning.starter_map.insert("GPE".into(), Some("LOC".into()));
        s.learning.starter_map.insert("NORP".into(), None);
        let map = [("PERSON".to_string(), Some("PER".to_string()))].into_iter().collect();
        s.learning.priors.push(Prior { path: "../lab \"2024\"".into(), map });
        s.learning.gazetteer = Some("names.tsv".into());
        s.learning.order = DocOrder::Uncertain;
        let text = s.to_ron_string();
        assert!(text.contains("    starter_map: {\"GPE\": Some(\"LOC\"), \"NORP\": None},\n"), "{text}");
        assert_eq!(Settings::from_ron_str(Path::new("c.ron"), &text).expect("reads"), s);
        let bad = text.replace("\"include\"", "\"sometimes\"");
        let err = Settings::from_ron_str(Path::new("c.ron"), &bad).expect_err("bad clitics").to_string();
        assert!(err.starts_with("c.ron:15:5: clitics \"sometimes\""), "{err}");
    }

    #[test]
    fn problems_are_located() {
        let p = Path::new("c.ron");
        let text = Settings::default().to_ron_string();
        let bad_colour = text.replace("#e69f00", "orange");
        let err = Settings::from_ron_str(p, &bad_colour).expect_err("bad colour").to_string();
        assert_eq!(err, "c.ron:7:9: label \"ORG\": colour \"orange\" is not of the form \"#rrggbb\"");
        let syntax = text.replace("version: 1,", "version: 1");
        let err = Settings::from_ron_str(p, &syntax).expect_err("syntax").to_string();
        assert!(err.starts_with("c.ron:4:5: "), "{err}");
        let unknown = text.replace("version: 1,", "version: 1, colour: 2,");
        assert!(Settings::from_ron_str(p, &unknown).is_err());
        assert!(Settings::from_ron_str(p, " \n").expect_err("empty").to_string().contains("is empty"));
        let dup = text.replace("name: \"ORG\"", "name: \"PER\"");
        assert!(Settings::from_ron_str(p, &dup).expect_err("dup").to_string().contains("defined twice"));
        let ext = text.replace("[\"txt\"]", "[\"a/b\"]");
        assert!(Settings::from_ron_str(p, &ext).expect_err("ext").to_string().starts_with("c.ron:14:5: "));
    }
}
