//! Importing a multi-document exchange file as a corpus: every document gets the same label
//! set (the folder's corpus labels if it is a corpus already, then each new name in order of
//! first appearance), the documents are written as articles plus annotation files by
//! [`crate::formats::exchange::write_documents`] (which never overwrites annotations), and the
//! corpus file is written with the shared labels.

use std::path::{Path, PathBuf};

use super::problem::{CorpusError, ProblemKind};
use super::settings::{CORPUS_FILE, Settings};
use super::{Corpus, FileState};
use crate::formats::FormatError;
use crate::formats::exchange::{self, Import};
use crate::model::{Annotations, Entity, LabelSet, Orphan};

/// What [`import_into`] did.
#[derive(Debug, Clone, Default)]
pub struct ImportedCorpus {
    /// The articles written (or found identical), in input order.
    pub articles: Vec<PathBuf>,
    /// The corpus file, if the folder is (now) a corpus.
    pub corpus_file: Option<PathBuf>,
    /// Label names added to the corpus label set.
    pub labels_added: Vec<String>,
}

/// Gives every document of `import` one label set: `base`, then every name the documents use
/// that it lacks, in order of first appearance; entities keep their labels by name. Returns
/// the shared set.
pub fn share_labels(import: &mut Import, base: &LabelSet, origin: &Path) -> Result<LabelSet, FormatError> {
    let mut shared = base.clone();
    for doc in &import.documents {
        for l in doc.annotations.labels().iter() {
            shared.ensure(&l.name);
        }
    }
    for doc in &mut import.documents {
        let ann = &doc.annotations;
        let map = |id| {
            let name = ann.labels().get(id).map_or("", |l| l.name.as_str());
            shared.by_name(name).map_or(id, |l| l.id)
        };
        let entities: Vec<Entity> =
            ann.entities().iter().map(|e| Entity { label: map(e.label), ..*e }).collect();
        let orphans: Vec<Orphan> =
            ann.orphans().iter().map(|o| Orphan { label: map(o.label), ..o.clone() }).collect();
        let tokens = ann.tokens().map(<[_]>::to_vec);
        doc.annotations =
            Annotations::from_parts_with_tokens(&doc.document, shared.clone(), entities, orphans, tokens)
                .map_err(|_| {
                    FormatError::file(
                        origin,
                        format!("document {}: its labels could not be shared", doc.name),
                    )
                })?;
    }
    Ok(shared)
}

/// Writes imported documents into `dir`. With more than one document, or into a folder that
/// is a corpus already, the labels are shared and the corpus file is written (a broken corpus
/// file is an error before anything is written); otherwise it is a plain import.
pub fn import_into(
    dir: &Path,
    import: &mut Import,
    (origin, annotator): (&Path, &str),
) -> Result<ImportedCorpus, CorpusError> {
    let is_corpus = dir.join(CORPUS_FILE).exists();
    if import.documents.len() < 2 && !is_corpus {
        let articles = exchange::write_documents(dir, import, annotator)?;
        return Ok(ImportedCorpus { articles, ..ImportedCorpus::default() });
    }
    let mut settings = if is_corpus {
        let corpus = Corpus::open(dir)?;
        if corpus.file_state() == FileState::Broken {
            let problem = corpus.problems().iter().find(|p| p.kind == ProblemKind::CorpusFile);
            let reason = problem.map_or_else(String::new, ToString::to_string);
            return Err(CorpusError::Output {
                path: corpus.file_path(),
                message: format!("the folder's corpus file is broken, so nothing was imported: {reason}"),
            });
        }
        corpus.settings().clone()
    } else {
        Settings { labels: LabelSet::empty(), ..Settings::default() }
    };
    let before: Vec<String> = settings.labels.iter().map(|l| l.name.clone()).collect();
    settings.labels = share_labels(import, &settings.labels, origin)?;
    let articles = exchange::write_documents(dir, import, annotator)?;
    let file = dir.join(CORPUS_FILE);
    settings.write(&file)?;
    let labels_added =
        settings.labels.iter().map(|l| l.name.clone()).filter(|n| !before.contains(n)).collect();
    Ok(ImportedCorpus { articles, corpus_file: Some(file), labels_added })
}
