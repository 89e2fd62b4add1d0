//! Tag all across a corpus: every match of a query in every listed document becomes an entity
//! with one label, through the editor core (the document's labels first follow the corpus's,
//! then one `TagAll` transaction), saved atomically. Documents that cannot be read or whose
//! annotation file is broken are reported and left untouched.

use std::path::{Path, PathBuf};

use super::labels::reconcile;
use super::walk::DocEntry;
use crate::editor::{Article, EditCommand};
use crate::formats::atomic::same_file;
use crate::model::{LabelSet, Transaction, ops::TagAllReport};
use crate::search::{NormalizedText, Query};

/// What tagging across the corpus did, summed over documents.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CorpusTagReport {
    /// Documents that got new entities (and were saved).
    pub documents: usize,
    /// Counts summed over documents.
    pub counts: TagAllReport,
    /// Documents that could not be changed, with why.
    pub failed: Vec<(PathBuf, String)>,
    /// Per changed document (its path): the transaction that tagged it, for
    /// [`Article::adopt_applied`] when the document is opened, so it can be undone there.
    pub undo: Vec<(PathBuf, Transaction)>,
}

impl CorpusTagReport {
    /// The report as a catalogue message's values: the summed counts ([`TagAllReport::args`]),
    /// `documents`, `failed` and `first` (the first failure's path and why).
    pub fn args(&self) -> Vec<(&'static str, String)> {
        let mut args = self.counts.args();
        args.push(("documents", self.documents.to_string()));
        args.push(("failed", self.failed.len().to_string()));
        args.push(("first", super::relabel::first_failure(&self.failed)));
        args
    }
}

impl std::fmt::Display for CorpusTagReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} in {} other documents", self.counts, self.documents)?;
        if let Some((path, why)) = self.failed.first() {
            write!(f, "; {} failed, first: {}: {why}", self.failed.len(), path.display())?;
        }
        Ok(())
    }
}

/// Tags every match of `query` with the corpus label `label` in each document of `docs`
/// except `skip`, saving each changed document with `annotator`.
pub fn tag_all_documents(
    docs: &[DocEntry],
    skip: &Path,
    query: &Query,
    (corpus, label): (&LabelSet, &str),
    annotator: &str,
) -> CorpusTagReport {
    let mut report = CorpusTagReport::default();
    for entry in docs.iter().filter(|d| !same_file(&d.path, skip)) {
        match tag_one(&entry.path, query, corpus, label, annotator) {
            Ok((counts, tx)) => {
                report.undo.extend(tx.map(|tx| (entry.path.clone(), tx)));
                report.documents += usize::from(counts.tagged > 0);
                report.counts.tagged += counts.tagged;
                report.counts.already += counts.already;
                report.counts.overlapping += counts.overlapping;
            }
            Err(why) => report.failed.push((entry.rel.clone(), why)),
        }
    }
    report
}

/// One document; saved only when it gained entities.
fn tag_one(
    path: &Path,
    query: &Query,
    corpus: &LabelSet,
    label: &str,
    annotator: &str,
) -> Result<(TagAllReport, Option<Transaction>), String> {
    let (mut article, _) = Article::open(path).map_err(|e| e.to_string())?;
    let text = article.doc.text();
    let normalized =
        if query.needs_normalized() { NormalizedText::new(text) } else { NormalizedText::default() };
    let ranges: Vec<_> = query.matches(text, &normalized).collect();
    if ranges.is_empty() {
        return Ok((TagAllReport::default(), None));
    }
    if article.store_is_broken() {
        return Err("its annotation file cannot be read; left untouched".into());
    }
    article.check_journal_folded().map_err(|e| e.to_string())?;
    let reconciled = reconcile(corpus, article.ann().labels());
    if !reconciled.changes.is_empty() {
        article.apply(EditCommand::SetLabels(reconciled.document)).map_err(|e| e.to_string())?;
    }
    let id =
        article.ann().labels().by_name(label).map(|l| l.id).ok_or_else(|| format!("no label {label:?}"))?;
    let (_, _, counts) = crate::model::ops::tag_all(article.ann(), &ranges, id);
    if counts.tagged == 0 {
        return Ok((counts, None));
    }
    article.apply(EditCommand::TagAll(ranges, id)).map_err(|e| e.to_string())?;
    article.set_annotator(annotator);
    article.save(false).map_err(|e| e.to_string())?;
    Ok((counts, article.last_transaction().cloned()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::store;
    use crate::search::Options;

    #[test]
    fn every_other_document_gets_the_name_tagged_and_saved() {
        let dir = tempfile::tempdir().expect("tempdir");
        let texts = [("a.txt", "إيران هنا.\n"), ("b.txt", "قال إن إيران وإيران.\n"), ("c.txt", "لا شيء.\n")];
        let docs: Vec<DocEntry> = texts
            .iter()
            .map(|(name, text)| {
                let path = dir.path().join(name);
                std::fs::write(&path, text).expect("write");
                DocEntry { path, rel: PathBuf::from(name) }
            })
            .collect();
        let query = Query::new("ايران", Options::default()).expect("query");
        let corpus = LabelSet::default();
        let report = tag_all_documents(&docs, &docs[0].path, &query, (&corpus, "GPE"), "rana");
        assert_eq!((report.documents, report.counts.tagged, report.failed.len()), (1, 2, 0));
        assert_eq!(report.to_string(), "tagged 2 in 1 other documents");
        let b = std::fs::read_to_string(store::annotation_path(&docs[1].path)).expect("b saved");
        assert_eq!(b.matches("label: \"GPE\"").count(), 2, "{b}");
        assert!(!store::annotation_path(&docs[0].path).exists(), "the open document is the window's");
        assert!(!store::annotation_path(&docs[2].path).exists(), "no match, nothing written");
        let again = tag_all_documents(&docs, &docs[0].path, &query, (&corpus, "GPE"), "rana");
        assert_eq!((again.documents, again.counts.already), (0, 2));
    }
}
