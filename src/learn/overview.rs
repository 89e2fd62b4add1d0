//! What a corpus's suggestions learn from, as `hashiya labels DIR` prints it and the label
//! editor's Suggestions section shows it: the corpus's labels, each starter type's corpus label
//! with where that comes from (the name rule, the done documents, the user), the clitic
//! convention in use with its origin, and the other corpora learned from with the mapping of
//! their labels. Reading it runs the starter over the done documents (their evidence corrects
//! the rule), so the window reads it on a thread.

use std::path::{Path, PathBuf};

use super::corpus::{CorpusDoc, read_docs, training_set};
use super::mapping::Mapping;
use super::setup::{ConventionOrigin, convention, starter_confusion};
use super::{LearnError, starter};
use crate::corpus::{CORPUS_FILE, Clitics, Corpus, LabelMap, LearnSettings, Prior, Settings};
use crate::formats::store::DocStatus;

/// Another corpus learned from, as the corpus file names it, with its labels mapped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriorView {
    /// As written in the corpus file (its path, its mapping).
    pub prior: Prior,
    /// Its folder.
    pub folder: PathBuf,
    /// Its labels mapped onto this corpus's (the corpus file's choices, else by name), or why
    /// its corpus file cannot be read.
    pub mapping: Result<Mapping, String>,
}

/// What a corpus's suggestions learn from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overview {
    /// The corpus root.
    pub root: PathBuf,
    /// The corpus's label names.
    pub labels: Vec<String>,
    /// The corpus's learning settings.
    pub settings: LearnSettings,
    /// The starter's types mapped onto the labels (also while the starter is switched off, so
    /// that the mapping can be set before it is switched on; empty if there is no starter).
    pub starter_map: Mapping,
    /// The clitic convention in use and where it comes from.
    pub clitics: (Clitics, ConventionOrigin),
    /// What the done documents show of the starter's types (see
    /// [`super::mapping::Confusion::corrections`]), whatever the user chose.
    pub learned: LabelMap,
    /// The clitic convention the annotated documents show, whatever the setting.
    pub evidence: Option<Clitics>,
    /// The other corpora learned from.
    pub priors: Vec<PriorView>,
    /// Documents marked done.
    pub done: usize,
    /// Documents that could not be read.
    pub warnings: Vec<String>,
}

impl Overview {
    /// Reads the corpus at `dir` and its documents.
    pub fn read(dir: &Path) -> Result<Self, LearnError> {
        let corpus = Corpus::open(dir).map_err(|e| LearnError::Corpus(e.to_string()))?;
        if let Some(p) = corpus.problems().iter().find(|p| p.kind == crate::corpus::ProblemKind::CorpusFile) {
            return Err(LearnError::Corpus(p.to_string()));
        }
        let (docs, warnings) = read_docs(&corpus);
        Ok(Self::of(&corpus, &docs, warnings))
    }

    /// The overview of `corpus` whose documents are `docs`.
    pub fn of(corpus: &Corpus, docs: &[CorpusDoc], warnings: Vec<String>) -> Self {
        let settings = corpus.settings().learning.clone();
        let labels: Vec<String> = corpus.labels().iter().map(|l| l.name.clone()).collect();
        let train_docs = training_set(docs);
        let learned =
            starter::model().map(|m| starter_confusion(m, &train_docs).corrections()).unwrap_or_default();
        let unset = LearnSettings { clitics: None, ..settings.clone() };
        let evidence = match convention(&unset, docs) {
            (c, ConventionOrigin::Documents) => Some(c),
            _ => None,
        };
        let priors = settings
            .priors
            .iter()
            .map(|p| {
                let folder = p.resolve(corpus.root());
                let mapping = prior_labels(&folder).map(|theirs| prior_mapping(&theirs, &labels, &p.map));
                PriorView { prior: p.clone(), folder, mapping }
            })
            .collect();
        let mut out = Self {
            root: corpus.root().to_path_buf(),
            clitics: (Clitics::Include, ConventionOrigin::Default),
            learned,
            evidence,
            done: docs.iter().filter(|d| d.status == DocStatus::Done).count(),
            labels,
            settings,
            starter_map: Mapping::default(),
            priors,
            warnings,
        };
        out.starter_map = out.starter_mapping(&out.settings, &out.labels);
        out.clitics = out.convention(&out.settings);
        out
    }

    /// The starter's mapping under `settings` (the user's choices) onto `labels`, with the
    /// done documents' evidence read here: cheap, so the window follows a choice at once.
    pub fn starter_mapping(&self, settings: &LearnSettings, labels: &[String]) -> Mapping {
        let types = starter::model().map(|m| m.labels.clone()).unwrap_or_default();
        Mapping::new(&types, labels, &settings.starter_map, &self.learned)
    }

    /// The clitic convention in use under `settings`, and where it comes from.
    pub fn convention(&self, settings: &LearnSettings) -> (Clitics, ConventionOrigin) {
        match (settings.clitics, self.evidence) {
            (Some(c), _) => (c, ConventionOrigin::Setting),
            (None, Some(c)) => (c, ConventionOrigin::Documents),
            (None, None) => (Clitics::Include, ConventionOrigin::Default),
        }
    }
}

/// The labels of the corpus at `dir` (its corpus file's), or why it is not a corpus one can
/// learn from.
pub fn prior_labels(dir: &Path) -> Result<Vec<String>, String> {
    if !dir.is_dir() {
        return Err(format!("{}: not a folder", dir.display()));
    }
    let file = dir.join(CORPUS_FILE);
    if !file.is_file() {
        return Err(format!(
            "{}: not a corpus (it has no {CORPUS_FILE}; make it one with `hashiya init` or `hashiya import`)",
            dir.display()
        ));
    }
    let settings = Settings::read(&file).map_err(|e| e.to_string())?;
    Ok(settings.labels.iter().map(|l| l.name.clone()).collect())
}

/// A prior corpus's labels `theirs` mapped onto `ours`: `map`'s choices, else by name.
pub fn prior_mapping(theirs: &[String], ours: &[String], map: &LabelMap) -> Mapping {
    let mut sources = theirs.to_vec();
    sources.extend(map.keys().filter(|k| !theirs.contains(k)).cloned());
    Mapping::new(&sources, ours, map, &LabelMap::new())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::learn::mapping::Origin;

    #[test]
    fn prior_mappings_keep_the_users_choices_and_map_the_rest_by_name() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let map: LabelMap =
            [("PERSON".to_string(), Some("PER".to_string())), ("EVENT".to_string(), None)].into();
        let m = prior_mapping(&s(&["PERSON", "LOCATION", "EVENT"]), &s(&["PER", "LOC"]), &map);
        let got: Vec<_> =
            m.entries.iter().map(|e| (e.source.as_str(), e.target.as_deref(), e.origin)).collect();
        assert_eq!(
            got,
            [
                ("PERSON", Some("PER"), Origin::User),
                ("LOCATION", Some("LOC"), Origin::Rule),
                ("EVENT", None, Origin::User)
            ]
        );
    }

    #[test]
    fn a_folder_without_a_corpus_file_is_not_a_prior() {
        let dir = tempfile::tempdir().expect("tempdir");
        let err = prior_labels(dir.path()).expect_err("not a corpus");
        assert!(err.contains("not a corpus"), "{err}");
        let err = prior_labels(&dir.path().join("missing")).expect_err("not a folder");
        assert!(err.ends_with("not a folder"), "{err}");
        Settings::default().write(&dir.path().join(CORPUS_FILE)).expect("writes");
        assert_eq!(
            prior_labels(dir.path()).expect("reads"),
            ["PER", "ORG", "LOC", "GPE", "EVENT", "DATE", "MISC"]
        );
    }
}
