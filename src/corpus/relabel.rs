//! A label-set change made in the label editor, carried to the whole corpus: the corpus's set
//! follows the edited document's, then every other document with an annotation file follows
//! the corpus ([`follow_corpus`]: one `SetLabels` transaction each, saved atomically). Documents
//! whose annotation file cannot be read are reported and left untouched.

use std::path::{Path, PathBuf};

use super::labels::follow_corpus;
use super::walk::DocEntry;
use crate::editor::{Article, EditCommand, has_journal};
use crate::formats::atomic::same_file;
use crate::formats::store;
use crate::model::{Label, LabelSet};

/// What carrying a label change to the other documents did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RelabelReport {
    /// Documents whose labels changed (and were saved).
    pub changed: usize,
    /// Documents with nothing to change (or no annotation file yet: they follow on opening).
    pub unchanged: usize,
    /// Documents that could not be changed, with why.
    pub failed: Vec<(PathBuf, String)>,
}

impl RelabelReport {
    /// The report as a catalogue message's values (`changed`, `unchanged`, `failed`, and
    /// `first`: the first failure's path and why).
    pub fn args(&self) -> Vec<(&'static str, String)> {
        vec![
            ("changed", self.changed.to_string()),
            ("unchanged", self.unchanged.to_string()),
            ("failed", self.failed.len().to_string()),
            ("first", first_failure(&self.failed)),
        ]
    }
}

/// `path: why` of the first of `failed` (empty when none failed).
pub(crate) fn first_failure(failed: &[(PathBuf, String)]) -> String {
    failed.first().map(|(path, why)| format!("{}: {why}", path.display())).unwrap_or_default()
}

impl std::fmt::Display for RelabelReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "labels changed in {} other documents ({} unchanged", self.changed, self.unchanged)?;
        match self.failed.first() {
            Some((path, why)) => {
                write!(f, "; {} failed, first: {}: {why})", self.failed.len(), path.display())
            }
            None => write!(f, ")"),
        }
    }
}

/// The corpus's label set after one document's set changed from `doc_old` to `doc_new`:
/// labels are matched through the document's ids (a rename renames the corpus label), new
/// ones are added, removed ones removed; corpus labels the document never had stay.
pub fn corpus_after(corpus: &LabelSet, doc_old: &LabelSet, doc_new: &LabelSet) -> LabelSet {
    let mut next = corpus.next_id().0;
    let mut labels: Vec<Label> = Vec::with_capacity(doc_new.len());
    for l in doc_new.iter() {
        let was = doc_old.get(l.id).and_then(|o| corpus.by_name(&o.name));
        let id = was.map_or_else(
            || {
                next += 1;
                crate::model::LabelId(next - 1)
            },
            |c| c.id,
        );
        labels.push(Label { id, ..l.clone() });
    }
    let kept: Vec<Label> = corpus
        .iter()
        .filter(|c| doc_old.by_name(&c.name).is_none() && labels.iter().all(|l| l.id != c.id))
        .cloned()
        .collect();
    labels.extend(kept);
    LabelSet::from_labels(labels).unwrap_or_else(|_| corpus.clone())
}

/// Makes every document except `skip` follow the corpus's change from `old` to `new`,
/// saving each changed one with `annotator`. Runs on the caller's thread (the window runs it
/// on a thread of its own); `progress` gets (documents done, all documents).
pub fn relabel_documents(
    docs: &[DocEntry],
    skip: &Path,
    (old, new): (&LabelSet, &LabelSet),
    annotator: &str,
    mut progress: impl FnMut(usize, usize),
) -> RelabelReport {
    let mut report = RelabelReport::default();
    for (i, entry) in docs.iter().enumerate() {
        progress(i, docs.len());
        if same_file(&entry.path, skip) {
            continue;
        }
        if !store::annotation_path(&entry.path).exists() && !has_journal(&entry.path) {
            report.unchanged += 1;
            continue;
        }
        match relabel_one(&entry.path, old, new, annotator) {
            Ok(true) => report.changed += 1,
            Ok(false) => report.unchanged += 1,
            Err(why) => report.failed.push((entry.rel.clone(), why)),
        }
    }
    report
}

/// One document: `Ok(true)` if its labels changed and it was saved.
fn relabel_one(path: &Path, old: &LabelSet, new: &LabelSet, annotator: &str) -> Result<bool, String> {
    let (mut article, _) = Article::open(path).map_err(|e| e.to_string())?;
    if article.store_is_broken() {
        return Err("its annotation file cannot be read; left untouched".into());
    }
    article.check_journal_folded().map_err(|e| e.to_string())?;
    let labels = follow_corpus(old, new, article.ann().labels());
    if labels == *article.ann().labels() {
        return Ok(false);
    }
    article.set_annotator(annotator);
    article.apply(EditCommand::SetLabels(labels)).map_err(|e| e.to_string())?;
    article.save(false).map_err(|e| e.to_string())?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LabelId;

    #[test]
    fn a_rename_in_one_document_renames_the_label_in_every_document() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut docs = Vec::new();
        for name in ["a.txt", "b.txt", "c.txt"] {
            let path = dir.path().join(name);
            std::fs::write(&path, "وصل الرئيس إلى باكو.\n").expect("write");
            let (mut a, _) = Article::open(&path).expect("opens");
            if name != "c.txt" {
                let start = "وصل الرئيس إلى ".len();
                a.apply(EditCommand::TagRange(start..start + "باكو".len(), LabelId(3))).expect("tags");
                a.save(false).expect("saves");
            }
            docs.push(DocEntry { path, rel: PathBuf::from(name) });
        }
        let corpus = LabelSet::default();
        let doc_old = corpus.clone();
        let mut doc_new = doc_old.clone();
        doc_new.labels_mut()[2].name = "PLACE".into();
        let corpus_new = corpus_after(&corpus, &doc_old, &doc_new);
        assert_eq!(corpus_new.get(LabelId(3)).map(|l| l.name.as_str()), Some("PLACE"));
        assert_eq!(corpus_new.len(), corpus.len());
        let report = relabel_documents(&docs, &docs[0].path, (&corpus, &corpus_new), "rana", |_, _| {});
        assert_eq!(report, RelabelReport { changed: 1, unchanged: 1, failed: Vec::new() });
        let saved = std::fs::read_to_string(store::annotation_path(&docs[1].path)).expect("b saved");
        assert!(saved.contains("label: \"PLACE\"") && saved.contains("annotator: \"rana\""), "{saved}");
        let untouched = std::fs::read_to_string(store::annotation_path(&docs[0].path)).expect("a");
        assert!(
            untouched.contains("label: \"LOC\""),
            "the skipped (open) document is the window's to change"
        );
    }
}
