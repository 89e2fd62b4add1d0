//! `hashiya init DIR --labels PER,ORG,LOC [--rename OLD=NEW] [--clitics include|exclude]`:
//! making a folder a corpus, or changing an existing corpus's label set and clitic
//! convention, planned before anything is written.
//!
//! [`plan`] reads the folder (its corpus file and every annotation file) and works out the new
//! corpus file (labels in the order given, colours from [`PALETTE`] in order, keys 1–9, as the
//! window's default set) and which annotation files must follow: those holding a renamed label
//! (its id is kept, so its entities follow, as in the label editor) or a removed one. A label
//! that entities use is never removed: the plan is blocked and says where they are. [`apply`]
//! writes the corpus file and the annotation files (one `SetLabels` transaction each, saved
//! atomically). Documents that only lack a new label or differ in colour are not rewritten:
//! they follow the corpus by name when opened ([`super::reconcile`]).

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use thiserror::Error;

use super::learning::{Clitics, LabelMap};
use super::settings::{CORPUS_FILE, Settings};
use super::walk::DocEntry;
use super::{Corpus, CorpusError};
use crate::editor::{Article, EditCommand};
use crate::model::{Label, LabelId, LabelSet, PALETTE, Rgb};

mod docs;
#[cfg(test)]
mod tests;

pub use docs::{DocLabels, Usage};

/// What `init` is asked to do.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InitRequest {
    /// The label names in order (`None`: keep the corpus's, or the default set for a new one).
    pub labels: Option<Vec<String>>,
    /// Labels renamed (old name, new name): the label keeps its id, so its entities follow.
    pub renames: Vec<(String, String)>,
    /// The clitic convention to set (`None`: left as it is).
    pub clitics: Option<Clitics>,
}

/// Reads a comma-separated label list: names trimmed, each one word, none empty or repeated.
pub fn parse_label_list(list: &str) -> Result<Vec<String>, String> {
    let mut names: Vec<String> = Vec::new();
    for (i, raw) in list.split(',').enumerate() {
        let name = check_name(raw.trim()).map_err(|why| format!("label {}: {why}", i + 1))?;
        if names.contains(&name) {
            return Err(format!("label {name:?} is given twice"));
        }
        names.push(name);
    }
    Ok(names)
}

/// Reads `OLD=NEW`.
pub fn parse_rename(s: &str) -> Result<(String, String), String> {
    let (old, new) = s.split_once('=').ok_or_else(|| format!("{s:?} is not OLD=NEW"))?;
    let old = check_name(old.trim()).map_err(|why| format!("OLD: {why}"))?;
    let new = check_name(new.trim()).map_err(|why| format!("NEW: {why}"))?;
    if old == new {
        return Err(format!("{old:?} is renamed to itself"));
    }
    Ok((old, new))
}

fn check_name(name: &str) -> Result<String, String> {
    if name.is_empty() {
        Err("the name is empty (two commas in a row, or one at an end?)".into())
    } else if name.contains(char::is_whitespace) {
        Err(format!("{name:?} must be one word, as in the label editor"))
    } else if name.chars().any(char::is_control) {
        Err(format!("{name:?} holds a control character"))
    } else {
        Ok(name.to_string())
    }
}

/// What stops `init` before anything is written.
#[derive(Debug, Error)]
pub enum InitError {
    /// The path is a file.
    #[error("{}: is a file, not a folder (a corpus is a folder of articles)", .0.display())]
    NotAFolder(PathBuf),
    /// Something else is where the folder or the corpus file should be.
    #[error("{}: {why}", .path.display())]
    InTheWay {
        /// The path in the way.
        path: PathBuf,
        /// What it is.
        why: String,
    },
    /// The corpus file exists and cannot be read.
    #[error(
        "{0}\n(hashiya-corpus.ron cannot be read, so init does not write over it: fix it or move it away)"
    )]
    Broken(#[source] crate::formats::FormatError),
    /// A rename that cannot be made.
    #[error("--rename {}={}: {why}", .from, .to)]
    Rename {
        /// The old name.
        from: String,
        /// The new name.
        to: String,
        /// Why not.
        why: String,
    },
    /// Reading the folder failed.
    #[error(transparent)]
    Corpus(#[from] CorpusError),
}

/// One change to the corpus file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A new label.
    Added(Label),
    /// A label taken out.
    Removed(String),
    /// A label renamed (entities keep it).
    Renamed(String, String),
    /// A label's colour or key changed: (name, old colour and key, new colour and key).
    Restyled(String, (Rgb, Option<char>), (Rgb, Option<char>)),
    /// The labels' order changed (the new order).
    Reordered(Vec<String>),
    /// The clitic convention changed (old, new; `None`: learned from the done documents).
    Clitics(Option<Clitics>, Option<Clitics>),
    /// A label-mapping entry naming a removed label was dropped: (which map, from, to).
    MapEntryDropped(String, String, String),
}

fn key_name(k: Option<char>) -> String {
    k.map_or_else(|| "none".to_string(), String::from)
}

fn clitics_name(c: Option<Clitics>) -> &'static str {
    c.map_or("learned from the done documents", Clitics::name)
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Change::Added(l) => {
                write!(f, "+ label {:?} (colour {}, key {})", l.name, l.color.to_hex(), key_name(l.hotkey))
            }
            Change::Removed(name) => write!(f, "- label {name:?}"),
            Change::Renamed(from, to) => write!(f, "> label {from:?} renamed {to:?}"),
            Change::Restyled(name, (c0, k0), (c1, k1)) => {
                write!(f, "~ label {name:?}:")?;
                if c0 != c1 {
                    write!(f, " colour {} → {}", c0.to_hex(), c1.to_hex())?;
                }
                if k0 != k1 {
                    let comma = if c0 != c1 { "," } else { "" };
                    write!(f, "{comma} key {} → {}", key_name(*k0), key_name(*k1))?;
                }
                Ok(())
            }
            Change::Reordered(names) => write!(f, "~ order: {}", names.join(", ")),
            Change::Clitics(old, new) => {
                write!(f, "~ clitics: {} → {}", clitics_name(*old), clitics_name(*new))
            }
            Change::MapEntryDropped(map, from, to) => {
                write!(f, "- {map} mapping {from:?} → {to:?} (the label is removed)")
            }
        }
    }
}

/// What `init` would do to a folder.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The folder.
    pub root: PathBuf,
    /// The folder does not exist yet (it is made).
    pub create_folder: bool,
    /// The corpus file as it is (`None`: there is none yet).
    pub before: Option<Settings>,
    /// The corpus file to write.
    pub after: Settings,
    /// What changes in the corpus file (empty for a new one).
    pub changes: Vec<Change>,
    /// Label use across the documents, by label name.
    pub usage: BTreeMap<String, Usage>,
    /// Documents whose annotation files are rewritten (renamed or removed labels).
    pub rewrite: Vec<DocEntry>,
    /// What was asked (the renames and whether the list was given are carried into the
    /// documents).
    pub request: InitRequest,
    /// Why it cannot be applied (labels entities use would be removed, unreadable files).
    pub blockers: Vec<String>,
}

impl Plan {
    /// True if applying changes nothing on disk.
    pub fn is_noop(&self) -> bool {
        self.before.is_some() && self.changes.is_empty() && self.rewrite.is_empty()
    }

    /// True if applying changes files that exist (an existing corpus file or annotation
    /// files): then `init` needs `--force`.
    pub fn needs_force(&self) -> bool {
        (self.before.is_some() && !self.changes.is_empty()) || !self.rewrite.is_empty()
    }
}

/// Works out what `init` would do to `dir`, reading but writing nothing.
pub fn plan(dir: &Path, req: &InitRequest) -> Result<Plan, InitError> {
    let create_folder = check_folder(dir)?;
    let file = dir.join(CORPUS_FILE);
    let before = if create_folder || !file.exists() {
        None
    } else if file.is_dir() {
        let why = "is a folder, in the way of the corpus file".to_string();
        return Err(InitError::InTheWay { path: file, why });
    } else {
        Some(Settings::read(&file).map_err(InitError::Broken)?)
    };
    let docs = if create_folder { Vec::new() } else { Corpus::open(dir)?.docs().to_vec() };
    let found = docs::read_labels(&docs);
    let old = before.as_ref().map(|s| s.labels.clone());
    check_renames(req, old.as_ref(), &found)?;
    let labels = new_labels(req, old.as_ref(), &found);
    let mut after = before.clone().unwrap_or_default();
    after.labels = labels;
    if req.clitics.is_some() {
        after.learning.clitics = req.clitics;
    }
    let mut changes =
        before.as_ref().map(|b| label_changes(&b.labels, &after.labels, req)).unwrap_or_default();
    if let Some(b) = &before {
        if b.learning.clitics != after.learning.clitics {
            changes.push(Change::Clitics(b.learning.clitics, after.learning.clitics));
        }
        changes.extend(fix_maps(&mut after, &req.renames));
    }
    let leaving = !req.renames.is_empty() || changes.iter().any(|c| matches!(c, Change::Removed(_)));
    let (rewrite, blockers) = docs::affected(&found, &after.labels, req, leaving);
    let usage = docs::usage(&found);
    let request = req.clone();
    Ok(Plan {
        root: dir.to_path_buf(),
        create_folder,
        before,
        after,
        changes,
        usage,
        rewrite,
        request,
        blockers,
    })
}

/// Checks the folder: true if it does not exist yet (it is made), an error if it or a folder
/// above it is a file.
fn check_folder(dir: &Path) -> Result<bool, InitError> {
    match std::fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => Ok(false),
        Ok(_) => Err(InitError::NotAFolder(dir.to_path_buf())),
        Err(e) => {
            if let Some(file) = dir.ancestors().skip(1).find(|a| a.is_file()) {
                let why = format!("is a file, in the way of the folder {}", dir.display());
                return Err(InitError::InTheWay { path: file.to_path_buf(), why });
            }
            if e.kind() == std::io::ErrorKind::NotFound {
                return Ok(true);
            }
            Err(CorpusError::Format(crate::formats::FormatError::io(dir, e)).into())
        }
    }
}

/// Every label name known before: the corpus's and the documents'.
fn known(old: Option<&LabelSet>, found: &[DocLabels]) -> Vec<String> {
    let mut names: Vec<String> = old.map(|s| s.iter().map(|l| l.name.clone()).collect()).unwrap_or_default();
    for d in found {
        for (name, _) in &d.labels {
            if !names.contains(name) {
                names.push(name.clone());
            }
        }
    }
    names
}

fn check_renames(req: &InitRequest, old: Option<&LabelSet>, found: &[DocLabels]) -> Result<(), InitError> {
    let names = known(old, found);
    for (i, (from, to)) in req.renames.iter().enumerate() {
        let bad = |why: &str| InitError::Rename { from: from.clone(), to: to.clone(), why: why.into() };
        let earlier = &req.renames[..i];
        if !names.contains(from) {
            return Err(bad("no label of the corpus or its documents has that name"));
        }
        if names.contains(to) && !req.renames.iter().any(|(f, _)| f == to) {
            return Err(bad("that label exists already (merging two labels is not supported)"));
        }
        if earlier.iter().any(|(f, t)| f == from || t == to) {
            return Err(bad("the same label is renamed twice"));
        }
        if let Some(list) = &req.labels {
            if !list.contains(to) {
                return Err(bad("the new name must be in --labels"));
            }
            if list.contains(from) {
                return Err(bad("the old name cannot stay in --labels"));
            }
        }
    }
    Ok(())
}

/// The new corpus label set. With a list: its names in order, palette colours and keys 1–9,
/// each keeping the id it had (through a rename too). Without: the corpus's set with the
/// renames made (a new corpus: the default set plus the names documents use).
fn new_labels(req: &InitRequest, old: Option<&LabelSet>, found: &[DocLabels]) -> LabelSet {
    let renamed_from = |name: &str| req.renames.iter().find(|(_, t)| t == name).map(|(f, _)| f.as_str());
    let Some(list) = &req.labels else {
        let mut set = match old {
            Some(set) => set.clone(),
            None => {
                let mut set = LabelSet::default();
                for name in known(None, found) {
                    set.ensure(&name);
                }
                set
            }
        };
        for l in set.labels_mut() {
            if let Some((_, to)) = req.renames.iter().find(|(f, _)| *f == l.name) {
                l.name = to.clone();
            }
        }
        return set;
    };
    let empty = LabelSet::empty();
    let old = old.unwrap_or(&empty);
    let mut next = old.next_id().0;
    let labels = list.iter().enumerate().map(|(i, name)| {
        let id = old.by_name(renamed_from(name).unwrap_or(name)).map_or_else(
            || {
                next += 1;
                LabelId(next - 1)
            },
            |l| l.id,
        );
        let hotkey = if i < 9 { char::from_digit(i as u32 + 1, 10) } else { None };
        Label { id, name: name.clone(), color: PALETTE[i % PALETTE.len()], hotkey }
    });
    let labels: Vec<Label> = labels.collect();
    // Names are unique (checked when the list was read), ids and keys by construction.
    LabelSet::from_labels(labels).unwrap_or_else(|_| LabelSet::empty())
}

/// The differences between the corpus's labels and the new ones (matched by id).
fn label_changes(old: &LabelSet, new: &LabelSet, req: &InitRequest) -> Vec<Change> {
    let mut changes = Vec::new();
    for l in old.iter() {
        match new.get(l.id) {
            None => changes.push(Change::Removed(l.name.clone())),
            Some(n) if n.name != l.name => changes.push(Change::Renamed(l.name.clone(), n.name.clone())),
            Some(_) => {}
        }
    }
    for n in new.iter() {
        match old.get(n.id) {
            None => changes.push(Change::Added(n.clone())),
            Some(o) if o.color != n.color || o.hotkey != n.hotkey => {
                changes.push(Change::Restyled(n.name.clone(), (o.color, o.hotkey), (n.color, n.hotkey)))
            }
            Some(_) => {}
        }
    }
    let kept_old: Vec<LabelId> = old.iter().map(|l| l.id).filter(|id| new.get(*id).is_some()).collect();
    let kept_new: Vec<LabelId> = new.iter().map(|l| l.id).filter(|id| old.get(*id).is_some()).collect();
    if kept_old != kept_new && req.labels.is_some() {
        changes.push(Change::Reordered(new.iter().map(|l| l.name.clone()).collect()));
    }
    changes
}

/// Renames the targets of the label mappings (starter, priors) and drops entries naming a
/// removed label.
fn fix_maps(after: &mut Settings, renames: &[(String, String)]) -> Vec<Change> {
    let labels = after.labels.clone();
    let mut dropped = Vec::new();
    let mut fix = |which: String, map: &mut LabelMap| {
        map.retain(|from, to| {
            if let Some(name) = to.as_mut() {
                if let Some((_, new)) = renames.iter().find(|(f, _)| f == name) {
                    *name = new.clone();
                }
                if labels.by_name(name).is_none() {
                    dropped.push(Change::MapEntryDropped(which.clone(), from.clone(), name.clone()));
                    return false;
                }
            }
            true
        });
    };
    fix("starter".to_string(), &mut after.learning.starter_map);
    for p in &mut after.learning.priors {
        fix(format!("prior {}", p.path.display()), &mut p.map);
    }
    dropped
}

/// What applying a plan did to the documents.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Applied {
    /// Annotation files rewritten.
    pub rewritten: usize,
    /// Documents that could not be changed, with why.
    pub failed: Vec<(PathBuf, String)>,
}

/// Applies a plan that has no blockers: makes the folder, writes the corpus file, then
/// rewrites each annotation file to follow (with `annotator`).
pub fn apply(plan: &Plan, annotator: &str) -> Result<Applied, InitError> {
    if let Some(first) = plan.blockers.first() {
        return Err(InitError::InTheWay { path: plan.root.clone(), why: first.clone() });
    }
    if plan.create_folder {
        std::fs::create_dir_all(&plan.root)
            .map_err(|e| CorpusError::Format(crate::formats::FormatError::io(&plan.root, e)))?;
    }
    if !plan.is_noop() {
        plan.after.write(&plan.root.join(CORPUS_FILE)).map_err(CorpusError::Format)?;
    }
    let mut applied = Applied::default();
    for entry in &plan.rewrite {
        match rewrite_one(entry, plan, annotator) {
            Ok(()) => applied.rewritten += 1,
            Err(why) => applied.failed.push((entry.rel.clone(), why)),
        }
    }
    Ok(applied)
}

/// One document's labels follow the new set (renamed labels keep their ids; removed ones,
/// which no entity uses, go with their suggestions and rejections).
fn rewrite_one(entry: &DocEntry, plan: &Plan, annotator: &str) -> Result<(), String> {
    let (mut article, _) = Article::open(&entry.path).map_err(|e| e.to_string())?;
    if article.store_is_broken() {
        return Err("its annotation file cannot be read; left untouched".into());
    }
    article.check_journal_folded().map_err(|e| e.to_string())?;
    let labels = docs::follow(article.ann(), &plan.after.labels, &plan.request)?;
    if labels == *article.ann().labels() {
        return Ok(());
    }
    article.set_annotator(annotator);
    article.apply(EditCommand::SetLabels(labels)).map_err(|e| e.to_string())?;
    article.save(false).map_err(|e| e.to_string())?;
    Ok(())
}
