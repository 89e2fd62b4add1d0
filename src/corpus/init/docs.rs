//! The documents' side of `init`: which labels each annotation file has and how much they are
//! used, which files must follow a new label set, what blocks it, and each file's new set.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::InitRequest;
use crate::corpus::walk::DocEntry;
use crate::editor::{Article, JournalRead, has_journal};
use crate::formats::store;
use crate::model::{Annotations, Label, LabelId, LabelSet};

/// How one label is used in one document.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Count {
    /// Entities (placed or orphaned).
    pub entities: usize,
    /// Suggestions and rejections.
    pub suggestions: usize,
}

/// One document's labels as its annotation file has them.
#[derive(Debug, Clone)]
pub struct DocLabels {
    /// The document.
    pub entry: DocEntry,
    /// Its labels, in its order, with their use.
    pub labels: Vec<(String, Count)>,
    /// Why its annotation file cannot be read, if it cannot.
    pub broken: Option<String>,
}

/// How one label is used across the corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Usage {
    /// Entities with it.
    pub entities: usize,
    /// Documents with such entities.
    pub documents: usize,
    /// The first such document.
    pub first: Option<PathBuf>,
    /// Suggestions and rejections with it.
    pub suggestions: usize,
}

/// Reads the labels of every document that has an annotation file or an edit journal, as the
/// window would see them (the journal replayed in memory; nothing written).
pub(super) fn read_labels(docs: &[DocEntry]) -> Vec<DocLabels> {
    let mut out = Vec::new();
    for entry in docs {
        if !store::annotation_path(&entry.path).exists() && !has_journal(&entry.path) {
            continue;
        }
        let (labels, broken) = match Article::open_to_read(&entry.path) {
            Ok(r) if r.store_error.is_some() => {
                (Vec::new(), r.store_error.map(|e| format!("its annotation file cannot be read: {e}")))
            }
            Ok(r) if r.journal == JournalRead::InUse => {
                (counts(r.article.ann()), Some("a running Hashiya has it open; close it first".into()))
            }
            Ok(r) => (counts(r.article.ann()), None),
            Err(e) => (Vec::new(), Some(e.to_string())),
        };
        out.push(DocLabels { entry: entry.clone(), labels, broken });
    }
    out
}

fn counts(ann: &Annotations) -> Vec<(String, Count)> {
    let mut by_id: BTreeMap<LabelId, Count> = BTreeMap::new();
    let entities = ann.entities().iter().map(|e| e.label).chain(ann.orphans().iter().map(|o| o.label));
    for id in entities {
        by_id.entry(id).or_default().entities += 1;
    }
    let suggested = ann.suggestions().iter().map(|s| s.label).chain(ann.rejections().iter().map(|r| r.label));
    for id in suggested {
        by_id.entry(id).or_default().suggestions += 1;
    }
    ann.labels().iter().map(|l| (l.name.clone(), by_id.get(&l.id).copied().unwrap_or_default())).collect()
}

/// Label use summed over the documents.
pub(super) fn usage(found: &[DocLabels]) -> BTreeMap<String, Usage> {
    let mut out: BTreeMap<String, Usage> = BTreeMap::new();
    for d in found {
        for (name, c) in &d.labels {
            let u = out.entry(name.clone()).or_default();
            u.entities += c.entities;
            u.suggestions += c.suggestions;
            if c.entities > 0 {
                u.documents += 1;
                u.first.get_or_insert_with(|| d.entry.rel.clone());
            }
        }
    }
    out
}

/// True if the document's label `name` does not stay: the list was given and neither holds it
/// nor renames it.
fn removed(name: &str, new: &LabelSet, req: &InitRequest) -> bool {
    req.labels.is_some() && new.by_name(name).is_none() && !req.renames.iter().any(|(f, _)| f == name)
}

/// The documents whose annotation files must be rewritten (they hold a renamed or removed
/// label), and what blocks the change: removed labels that entities use, and unreadable files
/// when `leaving` (a corpus label is removed or renamed, so they might have to follow).
pub(super) fn affected(
    found: &[DocLabels],
    new: &LabelSet,
    req: &InitRequest,
    leaving: bool,
) -> (Vec<DocEntry>, Vec<String>) {
    let renamed = |name: &str| req.renames.iter().any(|(f, _)| f == name);
    let mut rewrite = Vec::new();
    let mut in_use: BTreeMap<&str, Usage> = BTreeMap::new();
    for d in found {
        if d.labels.iter().any(|(n, _)| renamed(n) || removed(n, new, req)) {
            rewrite.push(d.entry.clone());
        }
        for (name, c) in d.labels.iter().filter(|(n, c)| c.entities > 0 && removed(n, new, req)) {
            let u = in_use.entry(name).or_default();
            u.entities += c.entities;
            u.documents += 1;
            u.first.get_or_insert_with(|| d.entry.rel.clone());
        }
    }
    let mut blockers: Vec<String> = in_use
        .iter()
        .map(|(name, u)| {
            format!(
                "label {name:?} cannot be removed: {} entities in {} documents use it (first: {}); \
                 keep it in --labels, rename it with --rename {name}=NEW, or delete those entities first",
                u.entities,
                u.documents,
                u.first.as_ref().map(|p| p.display().to_string()).unwrap_or_default()
            )
        })
        .collect();
    if leaving || !rewrite.is_empty() {
        for d in found.iter().filter(|d| d.broken.is_some()) {
            blockers.push(format!(
                "{}: {}; its labels could not follow (hashiya validate DIR lists such problems)",
                d.entry.rel.display(),
                d.broken.as_deref().unwrap_or_default()
            ));
        }
    }
    (rewrite, blockers)
}

/// A document's label set after the corpus's became `new`: the corpus's labels in its order,
/// each with the document's own id for its name (or the name it is renamed from), so entities
/// follow; the document's other labels are kept at the end unless the list was given (then
/// they go, refused if an entity still uses one).
pub(super) fn follow(ann: &Annotations, new: &LabelSet, req: &InitRequest) -> Result<LabelSet, String> {
    let doc = ann.labels();
    let renamed = |c: &Label| req.renames.iter().find(|(_, t)| *t == c.name).map(|(f, _)| f.as_str());
    let mut labels = crate::corpus::labels::with_document_ids(doc, new, renamed);
    let used: Vec<LabelId> = labels.iter().map(|l| l.id).collect();
    for l in doc.iter().filter(|l| !used.contains(&l.id)) {
        if req.labels.is_some() {
            let in_use = ann.entities().iter().any(|e| e.label == l.id)
                || ann.orphans().iter().any(|o| o.label == l.id);
            if in_use {
                return Err(format!("entities use the label {:?}, which is removed; left untouched", l.name));
            }
            continue;
        }
        if labels.iter().all(|n| n.name != l.name) {
            let hotkey = l.hotkey.filter(|k| labels.iter().all(|n| n.hotkey != Some(*k)));
            labels.push(Label { hotkey, ..l.clone() });
        }
    }
    LabelSet::from_labels(labels).map_err(|name| format!("label {name:?} would be repeated"))
}
