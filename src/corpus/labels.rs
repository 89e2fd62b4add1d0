//! One label set for the whole corpus. Labels are matched by name: a document keeps its own
//! label ids (its entities refer to them) but takes the corpus's names, order, colours and
//! hotkeys; names a document has and the corpus lacks are added to the corpus. Pure
//! functions: the window applies a document's new set as one `EditCommand::SetLabels` (one undo
//! step) and shows the report; the corpus file is saved by its owner.

use std::fmt;

use crate::model::{Label, LabelId, LabelSet};

/// One difference found between a document's labels and the corpus's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LabelChange {
    /// The document had this label and the corpus did not: added to the corpus.
    AddedToCorpus(String),
    /// The corpus has this label and the document did not: added to the document.
    AddedToDocument(String),
    /// Same name, but the document's colour or hotkey differed: the corpus's are used.
    Restyled(String),
}

impl fmt::Display for LabelChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LabelChange::AddedToCorpus(n) => write!(f, "{n:?} added to the corpus labels"),
            LabelChange::AddedToDocument(n) => write!(f, "{n:?} added from the corpus labels"),
            LabelChange::Restyled(n) => write!(f, "{n:?} takes the corpus's colour and key"),
        }
    }
}

/// A document's labels made to follow the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reconciled {
    /// The corpus label set, with any names that only the document had.
    pub corpus: LabelSet,
    /// The document's new label set: the corpus's labels in the corpus's order, each with the
    /// document's own id for that name (a fresh id for names it did not have).
    pub document: LabelSet,
    /// What differed, in corpus order.
    pub changes: Vec<LabelChange>,
}

impl Reconciled {
    /// True if the corpus set grew (the corpus file should be saved).
    pub fn corpus_changed(&self) -> bool {
        self.changes.iter().any(|c| matches!(c, LabelChange::AddedToCorpus(_)))
    }

    /// A one-line report for a notice, e.g. `labels follow the corpus: "NORP" added to the
    /// corpus labels; "DATE" added from the corpus labels`; `None` when nothing differed.
    pub fn report(&self) -> Option<String> {
        if self.changes.is_empty() {
            return None;
        }
        let parts: Vec<String> = self.changes.iter().map(ToString::to_string).collect();
        Some(format!("labels follow the corpus: {}", parts.join("; ")))
    }
}

/// Makes a document's label set follow the corpus's (see the module documentation). Order
/// alone does not count as a change.
pub fn reconcile(corpus: &LabelSet, document: &LabelSet) -> Reconciled {
    let mut corpus = corpus.clone();
    let mut changes = Vec::new();
    for l in document.iter() {
        if corpus.by_name(&l.name).is_none() {
            add_like(&mut corpus, l);
            changes.push(LabelChange::AddedToCorpus(l.name.clone()));
        }
    }
    let mut next = document.next_id().0;
    let mut labels = Vec::with_capacity(corpus.len());
    for c in corpus.iter() {
        let id = match document.by_name(&c.name) {
            Some(own) => {
                let added = changes.contains(&LabelChange::AddedToCorpus(c.name.clone()));
                if !added && (own.color != c.color || own.hotkey != c.hotkey) {
                    changes.push(LabelChange::Restyled(c.name.clone()));
                }
                own.id
            }
            None => {
                changes.push(LabelChange::AddedToDocument(c.name.clone()));
                next += 1;
                LabelId(next - 1)
            }
        };
        labels.push(Label { id, ..c.clone() });
    }
    // Names, ids and hotkeys are unique by construction.
    let document = LabelSet::from_labels(labels).unwrap_or_else(|_| document.clone());
    Reconciled { corpus, document, changes }
}

/// Adds `label` to `corpus` under a fresh corpus id, with its colour, and its hotkey if free.
fn add_like(corpus: &mut LabelSet, label: &Label) {
    let id = corpus.next_id();
    let hotkey = label.hotkey.filter(|k| corpus.by_hotkey(*k).is_none());
    corpus.labels_mut().push(Label { id, name: label.name.clone(), color: label.color, hotkey });
}

/// A document's labels after the corpus set changed from `old` to `new` (in the label
/// editor): labels are followed by their corpus id, so a renamed corpus label renames the
/// document's label of the old name (keeping its id, so its entities follow). Document labels
/// the corpus no longer has are kept at the end, without a hotkey that clashes, so no entity
/// loses its label.
pub fn follow_corpus(old: &LabelSet, new: &LabelSet, document: &LabelSet) -> LabelSet {
    let mut labels = with_document_ids(document, new, |c| old.get(c.id).map(|o| o.name.as_str()));
    let used: Vec<LabelId> = labels.iter().map(|l| l.id).collect();
    for l in document.iter().filter(|l| !used.contains(&l.id)) {
        if labels.iter().any(|n| n.name == l.name) {
            continue;
        }
        let hotkey = l.hotkey.filter(|k| labels.iter().all(|n| n.hotkey != Some(*k)));
        labels.push(Label { hotkey, ..l.clone() });
    }
    LabelSet::from_labels(labels).unwrap_or_else(|_| new.clone())
}

/// The labels of `new` with the ids `document` gives them: a label keeps the id of the
/// document's label of its earlier name (`earlier`, e.g. before a rename) or of its name, so
/// entities follow it; the others get new ids. One document label serves one label only.
pub(crate) fn with_document_ids<'a>(
    document: &LabelSet,
    new: &'a LabelSet,
    earlier: impl Fn(&'a Label) -> Option<&'a str>,
) -> Vec<Label> {
    let mut next = document.next_id().0;
    let mut labels: Vec<Label> = Vec::with_capacity(new.len());
    for c in new.iter() {
        let own = earlier(c).and_then(|n| document.by_name(n)).or_else(|| document.by_name(&c.name));
        let id = match own {
            Some(own) if labels.iter().all(|l| l.id != own.id) => own.id,
            _ => {
                next += 1;
                LabelId(next - 1)
            }
        };
        labels.push(Label { id, ..c.clone() });
    }
    labels
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Rgb;

    fn set(names: &[(&str, u32)]) -> LabelSet {
        let mut s = LabelSet::empty();
        for (i, (name, id)) in names.iter().enumerate() {
            let hotkey = char::from_digit(i as u32 + 1, 10);
            s.labels_mut().push(Label {
                id: LabelId(*id),
                name: name.to_string(),
                color: Rgb(0, 0, i as u8),
                hotkey,
            });
        }
        s
    }

    #[test]
    fn a_document_follows_the_corpus_by_name_and_keeps_its_ids() {
        let corpus = set(&[("PER", 1), ("ORG", 2), ("LOC", 3)]);
        let doc = set(&[("LOC", 1), ("NORP", 2), ("PER", 5)]);
        let r = reconcile(&corpus, &doc);
        let names: Vec<&str> = r.corpus.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, vec!["PER", "ORG", "LOC", "NORP"]);
        let doc_ids: Vec<(&str, u32)> = r.document.iter().map(|l| (l.name.as_str(), l.id.0)).collect();
        assert_eq!(doc_ids, vec![("PER", 5), ("ORG", 6), ("LOC", 1), ("NORP", 2)]);
        assert_eq!(r.document.by_name("LOC").map(|l| l.color), corpus.by_name("LOC").map(|l| l.color));
        assert!(r.corpus_changed());
        assert_eq!(
            r.report().as_deref(),
            Some(
                "labels follow the corpus: \"NORP\" added to the corpus labels; \"PER\" takes the corpus's \
                 colour and key; \"ORG\" added from the corpus labels; \"LOC\" takes the corpus's colour and key"
            )
        );
        let again = reconcile(&r.corpus, &r.document);
        assert_eq!((again.changes, again.document), (vec![], r.document.clone()), "idempotent");
    }

    #[test]
    fn a_renamed_corpus_label_renames_the_documents_label() {
        let old = set(&[("PER", 1), ("ORG", 2)]);
        let mut new = old.clone();
        new.labels_mut()[0].name = "PERSON".into();
        new.labels_mut().remove(1);
        let doc = set(&[("ORG", 4), ("PER", 7)]);
        let followed = follow_corpus(&old, &new, &doc);
        let ids: Vec<(&str, u32)> = followed.iter().map(|l| (l.name.as_str(), l.id.0)).collect();
        assert_eq!(ids, vec![("PERSON", 7), ("ORG", 4)], "ORG is kept: entities may use it");
    }
}
