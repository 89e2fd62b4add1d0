//! Three-way merge of annotation files, entity by entity, pure (no files: the command line
//! reads and writes them). Entities are matched by id against the common ancestor: a change on
//! one side is taken; the same change on both is taken once; the same entity changed two ways,
//! or changed on one side and deleted on the other, is a conflict. Entities new on both sides
//! are matched by span: the same span and label is one entity; overlapping new spans that
//! differ (label or boundaries) are a conflict. A conflict keeps our version as the entity (or
//! nothing, if we deleted it) and puts the other version into the suggestions layer (source
//! `merge`, a note naming who made it and what the other side did), so nothing is ever lost.
//! New entities of theirs whose ids we already use get fresh ids: ids never collide.

mod scalars;

use std::collections::{HashMap, HashSet};

use thiserror::Error;

use crate::formats::store::{FileAnnotations, FileEntity, FileSuggestion};

/// Why files cannot be merged at all.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum MergeError {
    /// Ours and theirs annotate different texts: offsets cannot be compared.
    #[error("ours and theirs annotate different article texts (fingerprints {ours} and {theirs})")]
    DifferentTexts {
        /// Our file's fingerprint.
        ours: String,
        /// Theirs.
        theirs: String,
    },
}

/// The merged file and what could not be merged.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    /// The merged annotations (conflicting versions among its suggestions).
    pub file: FileAnnotations,
    /// One line per conflict, for the terminal.
    pub conflicts: Vec<String>,
}

/// Who a side is, for notes: `ours (rana)`.
fn who(side: &str, file: &FileAnnotations) -> String {
    format!("{side} ({})", file.info.annotator)
}

/// Merges `ours` and `theirs` against their common ancestor `base` (`None`: none, as git
/// gives for a file added on both branches).
pub fn merge(
    base: Option<&FileAnnotations>,
    ours: &FileAnnotations,
    theirs: &FileAnnotations,
) -> Result<Merged, MergeError> {
    if ours.sha256 != theirs.sha256 {
        return Err(MergeError::DifferentTexts { ours: ours.sha256.clone(), theirs: theirs.sha256.clone() });
    }
    let empty = Vec::new();
    let base_entities = base.map_or(&empty, |b| &b.entities);
    let mut m = Merger {
        ours: who("ours", ours),
        theirs: who("theirs", theirs),
        entities: Vec::new(),
        suggestions: Vec::new(),
        conflicts: Vec::new(),
        used: HashSet::new(),
        next: 1,
    };
    let files = base.into_iter().chain([ours, theirs]);
    let all_ids: Vec<u64> = files.flat_map(|f| f.entities.iter().chain(&f.orphans).map(|e| e.id)).collect();
    m.next = all_ids.iter().max().map_or(1, |x| x.saturating_add(1));
    m.used = base
        .into_iter()
        .chain([ours])
        .flat_map(|f| f.entities.iter().chain(&f.orphans).map(|e| e.id))
        .collect();
    m.known(base_entities, &ours.entities, &theirs.entities);
    m.new_ones(base_entities, &ours.entities, &theirs.entities);
    let mut file = scalars::header(base, ours, theirs);
    file.orphans = scalars::orphans(base, ours, theirs, &mut m.used, &mut m.next);
    file.entities = m.entities;
    file.suggestions = scalars::suggestions(base, ours, theirs);
    for s in m.suggestions {
        if !file.suggestions.contains(&s) {
            file.suggestions.push(s);
        }
    }
    Ok(Merged { file, conflicts: m.conflicts })
}

struct Merger {
    ours: String,
    theirs: String,
    entities: Vec<FileEntity>,
    suggestions: Vec<FileSuggestion>,
    conflicts: Vec<String>,
    /// Ids taken: the ancestor's and ours (entities and orphans), and theirs as kept.
    used: HashSet<u64>,
    /// The next fresh id (above every id of the three files).
    next: u64,
}

impl Merger {
    /// Entities of the ancestor, followed by id through both sides.
    fn known(&mut self, base: &[FileEntity], ours: &[FileEntity], theirs: &[FileEntity]) {
        let o: HashMap<u64, &FileEntity> = ours.iter().map(|e| (e.id, e)).collect();
        let t: HashMap<u64, &FileEntity> = theirs.iter().map(|e| (e.id, e)).collect();
        for b in base {
            match (o.get(&b.id), t.get(&b.id)) {
                (Some(o), Some(t)) if o.same_span(b) || o.same_span(t) => self.entities.push((*t).clone()),
                (Some(o), Some(t)) if t.same_span(b) => self.entities.push((*o).clone()),
                (Some(o), Some(t)) => {
                    self.entities.push((*o).clone());
                    let note = format!(
                        "merge conflict: {} changed #{} «{}» to {} {}..{}; {} made it {} {}..{} (kept)",
                        self.theirs,
                        b.id,
                        b.text,
                        t.label,
                        t.start,
                        t.end,
                        self.ours,
                        o.label,
                        o.start,
                        o.end
                    );
                    self.conflict(t, Some(&o.label), note);
                }
                (Some(o), None) if !o.same_span(b) => {
                    let note = format!(
                        "merge conflict: {} changed #{} «{}»; {} deleted it",
                        self.ours, b.id, b.text, self.theirs
                    );
                    self.conflict(o, None, note);
                }
                (None, Some(t)) if !t.same_span(b) => {
                    let note = format!(
                        "merge conflict: {} changed #{} «{}»; {} deleted it",
                        self.theirs, b.id, b.text, self.ours
                    );
                    self.conflict(t, None, note);
                }
                _ => {} // Deleted on one side (unchanged on the other) or on both.
            }
        }
    }

    /// Entities new on either side (ids not in the ancestor).
    fn new_ones(&mut self, base: &[FileEntity], ours: &[FileEntity], theirs: &[FileEntity]) {
        let base_ids: HashSet<u64> = base.iter().map(|e| e.id).collect();
        let new_ours: Vec<&FileEntity> = ours.iter().filter(|e| !base_ids.contains(&e.id)).collect();
        self.entities.extend(new_ours.iter().map(|e| (*e).clone()));
        let mut sorted_ours = new_ours.clone();
        sorted_ours.sort_by_key(|e| e.start);
        for t in theirs.iter().filter(|e| !base_ids.contains(&e.id)) {
            if self.entities.iter().any(|e| e.same_span(t)) {
                continue;
            }
            let stop = sorted_ours.partition_point(|o| o.start < t.end);
            if let Some(o) = sorted_ours[..stop].iter().find(|o| o.overlaps(t)) {
                let note = format!(
                    "merge conflict: {} added {} «{}» {}..{} where {} added {} «{}» {}..{} (kept)",
                    self.theirs, t.label, t.text, t.start, t.end, self.ours, o.label, o.text, o.start, o.end
                );
                self.conflict(t, Some(&o.label), note);
                continue;
            }
            let mut e = t.clone();
            if !self.used.insert(e.id) {
                e.id = self.next;
                self.next = self.next.saturating_add(1);
                self.used.insert(e.id);
            }
            self.entities.push(e);
        }
    }

    fn conflict(&mut self, e: &FileEntity, ours_label: Option<&str>, note: String) {
        self.conflicts.push(note.clone());
        let alternatives =
            ours_label.filter(|l| *l != e.label).map(|l| vec![l.to_string()]).unwrap_or_default();
        self.suggestions.push(FileSuggestion {
            start: e.start,
            end: e.end,
            label: e.label.clone(),
            text: e.text.clone(),
            source: "merge".into(),
            confidence: 1.0,
            alternatives,
            note,
        });
    }
}

#[cfg(test)]
mod tests;
