//! Corpus-wide figures from the document summaries: documents by status, entities per label,
//! per annotator; what `hashiya stats DIR`, the progress bar and the overview show.

use std::collections::BTreeMap;

use super::scan::{DocSummary, Health};
use crate::formats::store::DocStatus;
use crate::model::LabelSet;

/// One annotator's share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnotatorStats {
    /// The name written in the annotation files.
    pub name: String,
    /// Documents they saved last.
    pub documents: usize,
    /// Of those, done.
    pub done: usize,
    /// Entities in those documents.
    pub entities: usize,
}

/// Figures of a whole corpus.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CorpusStats {
    /// Documents listed.
    pub documents: usize,
    /// Documents per status, in [`DocStatus::ALL`] order.
    pub by_status: [usize; 4],
    /// Entities in all documents.
    pub entities: usize,
    /// Orphaned entities in all documents.
    pub orphans: usize,
    /// Entities per label name: the corpus labels in their order, then names only documents
    /// use, in the order first met.
    pub per_label: Vec<(String, usize)>,
    /// Per annotator, by name.
    pub per_annotator: Vec<AnnotatorStats>,
    /// Documents without an annotation file.
    pub not_annotated: usize,
    /// Documents whose article changed since their annotations were saved.
    pub changed: usize,
    /// Documents whose annotation file is broken.
    pub broken: usize,
    /// Documents whose article cannot be read.
    pub unreadable: usize,
}

impl CorpusStats {
    /// Sums up `docs` with the corpus label set `labels` giving the label order.
    pub fn new(labels: &LabelSet, docs: &[DocSummary]) -> Self {
        let mut s = CorpusStats { documents: docs.len(), ..Self::default() };
        s.per_label = labels.iter().map(|l| (l.name.clone(), 0)).collect();
        let mut annotators: BTreeMap<&str, AnnotatorStats> = BTreeMap::new();
        for d in docs {
            s.by_status[status_index(d.status)] += 1;
            s.entities += d.entities;
            s.orphans += d.orphans;
            for (name, n) in &d.labels {
                match s.per_label.iter_mut().find(|(l, _)| l == name) {
                    Some(row) => row.1 += n,
                    None => s.per_label.push((name.clone(), *n)),
                }
            }
            match &d.annotator {
                Some(name) => {
                    let a = annotators.entry(name).or_insert_with(|| AnnotatorStats {
                        name: name.clone(),
                        documents: 0,
                        done: 0,
                        entities: 0,
                    });
                    a.documents += 1;
                    a.done += usize::from(d.status == DocStatus::Done);
                    a.entities += d.entities;
                }
                None if d.health == Health::Ok => s.not_annotated += 1,
                None => {}
            }
            match d.health {
                Health::Ok => {}
                Health::Changed => s.changed += 1,
                Health::Broken => s.broken += 1,
                Health::Unreadable => s.unreadable += 1,
            }
        }
        s.per_annotator = annotators.into_values().collect();
        s
    }

    /// Documents with status `status`.
    pub fn count(&self, status: DocStatus) -> usize {
        self.by_status[status_index(status)]
    }

    /// Progress: (done, documents to annotate), skipped documents counting in neither.
    pub fn progress(&self) -> (usize, usize) {
        (self.count(DocStatus::Done), self.documents - self.count(DocStatus::Skipped))
    }
}

fn status_index(status: DocStatus) -> usize {
    DocStatus::ALL.iter().position(|s| *s == status).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    fn doc(status: DocStatus, labels: &[(&str, usize)], annotator: Option<&str>) -> DocSummary {
        DocSummary {
            status,
            entities: labels.iter().map(|(_, n)| n).sum(),
            labels: labels.iter().map(|(l, n)| (l.to_string(), *n)).collect(),
            annotator: annotator.map(String::from),
            ..DocSummary::empty(PathBuf::from("a.txt"), Health::Ok)
        }
    }

    #[test]
    fn figures_add_up() {
        let docs = vec![
            doc(DocStatus::Done, &[("PER", 2), ("LOC", 1)], Some("rana")),
            doc(DocStatus::InProgress, &[("PER", 1), ("NORP", 4)], Some("sami")),
            doc(DocStatus::Skipped, &[], Some("rana")),
            doc(DocStatus::New, &[], None),
        ];
        let s = CorpusStats::new(&LabelSet::default(), &docs);
        assert_eq!(s.by_status, [1, 1, 1, 1]);
        assert_eq!(s.entities, 8);
        assert_eq!(s.per_label[0], ("PER".to_string(), 3));
        assert_eq!(s.per_label.last(), Some(&("NORP".to_string(), 4)));
        assert_eq!(
            s.per_annotator[0],
            AnnotatorStats { name: "rana".into(), documents: 2, done: 1, entities: 3 }
        );
        assert_eq!((s.not_annotated, s.progress()), (1, (1, 3)));
    }
}
