//! The annotation file as it is on disk: serde types that mirror the RON text field for
//! field (code-point offsets, label names; strings are borrowed from the file unless an
//! escape forces a copy). Both readers produce them ([`super::fast`], and `ron` in
//! [`super::parse`]); [`super::validate`] turns them into model types.

use std::borrow::Cow;

use serde::{Deserialize, Deserializer};

/// The whole file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename = "annotations", deny_unknown_fields)]
pub(super) struct RawFile<'a> {
    /// The format version.
    pub version: u64,
    /// Which text the offsets belong to.
    #[serde(borrow)]
    pub article: RawArticle<'a>,
    /// Who annotated.
    #[serde(borrow)]
    pub annotator: Cow<'a, str>,
    /// When the file was first saved (RFC 3339, checked in validation).
    #[serde(borrow)]
    pub created: Cow<'a, str>,
    /// When it was last saved (RFC 3339).
    #[serde(borrow)]
    pub modified: Cow<'a, str>,
    /// `status: "done"`; absent in files written before statuses existed.
    #[serde(default, deserialize_with = "present")]
    pub status: Option<Cow<'a, str>>,
    /// The label set.
    #[serde(borrow)]
    pub labels: Vec<RawLabel<'a>>,
    /// Entities placed in the article.
    #[serde(borrow)]
    pub entities: Vec<RawEntity<'a>>,
    /// Entities that lost their place (offsets in the text they were last placed in).
    #[serde(default, borrow)]
    pub orphans: Vec<RawEntity<'a>>,
    /// Imported token boundaries, code points.
    #[serde(default)]
    pub tokens: Option<Vec<(usize, usize)>>,
    /// The suggestions layer (absent when empty).
    #[serde(default, borrow)]
    pub suggestions: Vec<RawSuggestion<'a>>,
    /// Rejected suggestions (absent when none).
    #[serde(default, borrow)]
    pub rejected: Vec<RawRejection<'a>>,
}

/// One suggestion: `(start: 3, end: 8, label: "LOC", text: "باكو", source: "gazetteer",
/// confidence: 0.9, alternatives: ["ORG"], note: "")`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename = "suggestion", deny_unknown_fields)]
pub(super) struct RawSuggestion<'a> {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The proposed label's name.
    #[serde(borrow)]
    pub label: Cow<'a, str>,
    /// Its surface text.
    #[serde(borrow)]
    pub text: Cow<'a, str>,
    /// `gazetteer`, `corpus`, `model` or `merge`.
    #[serde(borrow)]
    pub source: Cow<'a, str>,
    /// 0.0 to 1.0.
    pub confidence: f64,
    /// Other labels of the same form.
    #[serde(default, borrow)]
    pub alternatives: Vec<Cow<'a, str>>,
    /// Free text (who a merge conflict came from).
    #[serde(default, borrow)]
    pub note: Cow<'a, str>,
}

impl Eq for RawSuggestion<'_> {}

/// One rejected suggestion: `(start: 3, end: 8, label: "LOC", text: "باكو")`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename = "rejection", deny_unknown_fields)]
pub(super) struct RawRejection<'a> {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The rejected label's name.
    #[serde(borrow)]
    pub label: Cow<'a, str>,
    /// Its surface text.
    #[serde(borrow)]
    pub text: Cow<'a, str>,
}

/// `article: (name: "x.txt", chars: N, sha256: "hex")`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename = "article", deny_unknown_fields)]
pub(super) struct RawArticle<'a> {
    /// The article's file name (informative).
    #[serde(borrow)]
    pub name: Cow<'a, str>,
    /// Its length in code points.
    pub chars: usize,
    /// Hex SHA-256 of its text: the fingerprint.
    #[serde(borrow)]
    pub sha256: Cow<'a, str>,
}

/// One label: `(id: 1, name: "PER", color: "#0072b2", hotkey: Some('1'))`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename = "label", deny_unknown_fields)]
pub(super) struct RawLabel<'a> {
    /// Its id.
    pub id: u32,
    /// Its name, as entities refer to it.
    #[serde(borrow)]
    pub name: Cow<'a, str>,
    /// `#rrggbb` (checked in validation).
    #[serde(borrow)]
    pub color: Cow<'a, str>,
    /// The key that applies it.
    #[serde(default)]
    pub hotkey: Option<char>,
}

/// One entity or orphan, code-point offsets; context only on entities.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename = "entity", deny_unknown_fields)]
pub(super) struct RawEntity<'a> {
    /// Its id, unique across entities and orphans.
    pub id: u64,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The name of its label.
    #[serde(borrow)]
    pub label: Cow<'a, str>,
    /// Its surface text.
    #[serde(borrow)]
    pub text: Cow<'a, str>,
    /// Context before it, for re-anchoring (optional).
    #[serde(default, borrow)]
    pub before: Cow<'a, str>,
    /// Context after it, for re-anchoring (optional).
    #[serde(default, borrow)]
    pub after: Cow<'a, str>,
}

/// A field that is present: `status: "done"` without RON's `Some(..)`.
fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Cow<'de, str>>, D::Error> {
    Cow::<'de, str>::deserialize(d).map(Some)
}
