//! The suggestion settings of a corpus, kept in its corpus file beside the labels: whether
//! names are tagged with an attached proclitic, the starter model and its label mapping, the
//! other corpora learned from, the gazetteer of the combined layer and the order of the
//! documents still to do. Every field has a default and is written only when it differs, so a
//! corpus that never touched them keeps its file as it was.
//!
//! ```text
//!     clitics: Some("include"),
//!     starter: false,
//!     starter_map: {"GPE": Some("LOC"), "NORP": None},
//!     priors: [(path: "../lab-2024", map: {"PERSON": Some("PER")})],
//!     gazetteer: Some("names.tsv"),
//!     order: "uncertain",
//! ```

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::formats::store::push_str_lit;

/// Whether an entity written with an attached conjunction or preposition (و ف ب ك ل) covers
/// it: «وإيران» tagged as «وإيران» (include, as token-level corpora such as NewsFANE do) or as
/// «إيران» (exclude, as Find and tag-all select).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Clitics {
    /// The span covers the whole written word.
    Include,
    /// The span starts after the proclitics.
    Exclude,
}

impl Clitics {
    /// The name in files and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Self::Include => "include",
            Self::Exclude => "exclude",
        }
    }

    /// Reads `include` or `exclude`.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "include" => Some(Self::Include),
            "exclude" => Some(Self::Exclude),
            _ => None,
        }
    }
}

/// The order in which the documents still to do are offered (documents panel, Ctrl+Enter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DocOrder {
    /// File order (the default).
    #[default]
    File,
    /// The documents the model is least sure about first.
    Uncertain,
}

impl DocOrder {
    /// The name in files and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Self::File => "file",
            Self::Uncertain => "uncertain",
        }
    }

    /// Reads `file` or `uncertain`.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "file" => Some(Self::File),
            "uncertain" => Some(Self::Uncertain),
            _ => None,
        }
    }
}

/// A label mapping: another model's or corpus's label name → this corpus's label name, or
/// `None` for "never suggest it". Names not listed follow the default rule of the user.
pub type LabelMap = BTreeMap<String, Option<String>>;

/// Another annotated corpus learned from, with the mapping of its labels onto this corpus's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prior {
    /// Its folder, as written (relative paths are relative to this corpus's root).
    pub path: PathBuf,
    /// Its labels → this corpus's (unlisted names: by name and synonyms).
    pub map: LabelMap,
}

impl Prior {
    /// The folder, resolved against the corpus root `root`.
    pub fn resolve(&self, root: &Path) -> PathBuf {
        if self.path.is_absolute() { self.path.clone() } else { root.join(&self.path) }
    }
}

/// The suggestion settings of a corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LearnSettings {
    /// The clitic convention; `None`: learned from the done documents.
    pub clitics: Option<Clitics>,
    /// Whether the bundled starter model is used (as a source and as prior knowledge).
    pub starter: bool,
    /// The starter's types → this corpus's labels, where the user (or the corpus's done
    /// documents) chose otherwise than the default rule.
    pub starter_map: LabelMap,
    /// Other corpora learned from.
    pub priors: Vec<Prior>,
    /// A gazetteer file (relative to the root) taken into the combined layer.
    pub gazetteer: Option<PathBuf>,
    /// The order of the documents still to do.
    pub order: DocOrder,
}

impl Default for LearnSettings {
    fn default() -> Self {
        Self {
            clitics: None,
            starter: true,
            starter_map: LabelMap::new(),
            priors: Vec::new(),
            gazetteer: None,
            order: DocOrder::File,
        }
    }
}

/// The raw fields as the corpus file's reader gives them.
#[derive(Debug)]
pub(super) struct RawLearn {
    pub clitics: Option<String>,
    pub starter: bool,
    pub starter_map: LabelMap,
    pub priors: Vec<RawPrior>,
    pub gazetteer: Option<String>,
    pub order: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename = "prior", deny_unknown_fields)]
pub(super) struct RawPrior {
    path: String,
    #[serde(default)]
    map: LabelMap,
}

/// What is wrong with a raw field: the field's name and the message.
pub(super) type FieldProblem = (&'static str, String);

impl RawLearn {
    /// Checks the values.
    pub fn validate(self) -> Result<LearnSettings, FieldProblem> {
        let clitics = match self.clitics.as_deref() {
            None => None,
            Some(s) => Some(Clitics::parse(s).ok_or_else(|| {
                ("clitics", format!("clitics {s:?} is neither \"include\" nor \"exclude\""))
            })?),
        };
        let order = match self.order.as_str() {
            "" => DocOrder::File,
            s => DocOrder::parse(s)
                .ok_or_else(|| ("order", format!("order {s:?} is neither \"file\" nor \"uncertain\"")))?,
        };
        let mut priors = Vec::with_capacity(self.priors.len());
        for p in self.priors {
            if p.path.trim().is_empty() {
                return Err(("priors", "a prior corpus has an empty path".to_string()));
            }
            priors.push(Prior { path: PathBuf::from(p.path), map: p.map });
        }
        let gazetteer = self.gazetteer.filter(|g| !g.trim().is_empty()).map(PathBuf::from);
        Ok(LearnSettings {
            clitics,
            starter: self.starter,
            starter_map: self.starter_map,
            priors,
            gazetteer,
            order,
        })
    }
}

fn push_map(out: &mut String, map: &LabelMap) {
    out.push('{');
    for (i, (from, to)) in map.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        push_str_lit(out, from);
        out.push_str(": ");
        match to {
            Some(to) => {
                out.push_str("Some(");
                push_str_lit(out, to);
                out.push(')');
            }
            None => out.push_str("None"),
        }
    }
    out.push('}');
}

impl LearnSettings {
    /// Appends the fields that differ from the defaults, one per line, to corpus-file text.
    pub fn write_fields(&self, out: &mut String) {
        if let Some(c) = self.clitics {
            let _ = writeln!(out, "    clitics: Some(\"{}\"),", c.name());
        }
        if !self.starter {
            out.push_str("    starter: false,\n");
        }
        if !self.starter_map.is_empty() {
            out.push_str("    starter_map: ");
            push_map(out, &self.starter_map);
            out.push_str(",\n");
        }
        if !self.priors.is_empty() {
            out.push_str("    priors: [\n");
            for p in &self.priors {
                out.push_str("        (path: ");
                push_str_lit(out, &p.path.to_string_lossy());
                out.push_str(", map: ");
                push_map(out, &p.map);
                out.push_str("),\n");
            }
            out.push_str("    ],\n");
        }
        if let Some(g) = &self.gazetteer {
            out.push_str("    gazetteer: Some(");
            push_str_lit(out, &g.to_string_lossy());
            out.push_str("),\n");
        }
        if self.order != DocOrder::File {
            let _ = writeln!(out, "    order: \"{}\",", self.order.name());
        }
    }
}
