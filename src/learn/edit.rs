//! Changes to a corpus's suggestion settings, checked before anything is written: the
//! starter's label mapping, the starter on or off, the other corpora learned from and their
//! mappings, the clitic convention, the gazetteer. `hashiya labels DIR --map …` and the label
//! editor's Suggestions section make the same [`LearnEdit`]s; [`apply`] changes the settings
//! only when every edit is valid, and says what changed.

use std::path::{Component, Path, PathBuf};

use thiserror::Error;

use super::overview::prior_labels;
use super::starter;
use crate::corpus::{Clitics, Corpus, CorpusError, LabelMap, Prior, Settings};

/// What a mapping entry is set to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// This corpus label.
    Label(String),
    /// Never suggested.
    Never,
    /// No choice of the user's: the done documents' evidence or the name rule apply.
    Auto,
}

impl Target {
    /// Reads the command line's form: a label, empty (never suggested) or `auto`.
    pub fn parse(s: &str) -> Self {
        match s.trim() {
            "" => Self::Never,
            "auto" => Self::Auto,
            label => Self::Label(label.to_string()),
        }
    }
}

/// One change to the suggestion settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LearnEdit {
    /// Map a starter type onto a corpus label.
    Map(String, Target),
    /// Use the starter model or not.
    Starter(bool),
    /// Learn from another corpus too (its folder).
    LearnFrom(PathBuf),
    /// Stop learning from a corpus (its folder, or its path as the corpus file writes it).
    Forget(PathBuf),
    /// Map a label of a corpus learned from (folder, its label) onto a corpus label.
    PriorMap(PathBuf, String, Target),
    /// The clitic convention (`None`: learned from the done documents).
    Clitics(Option<Clitics>),
    /// The gazetteer of the combined layer (`None`: none).
    Gazetteer(Option<PathBuf>),
}

/// Why an edit is refused (nothing is changed).
#[derive(Debug, Error, PartialEq, Eq)]
pub enum EditError {
    /// Not a type of the starter model.
    #[error("{0:?} is not a type of the starter model (its types: {1})")]
    UnknownType(String, String),
    /// Not a label of this corpus.
    #[error("{0:?} is not a label of this corpus (its labels: {1})")]
    UnknownLabel(String, String),
    /// A folder that cannot be learned from.
    #[error("{0}")]
    NotACorpus(String),
    /// The corpus itself.
    #[error("{}: this is the corpus itself; it learns from its own done documents already", .0.display())]
    Itself(PathBuf),
    /// A folder the corpus does not learn from.
    #[error("{}: this corpus does not learn from it (it learns from: {})", .0.display(), .1)]
    NotAPrior(PathBuf, String),
    /// Not a label of the corpus learned from.
    #[error("{0:?} is not a label of {1} (its labels: {2})")]
    UnknownTheirs(String, String, String),
    /// A gazetteer that cannot be read.
    #[error("gazetteer {0}")]
    Gazetteer(String),
}

/// Why the corpus file was not changed.
#[derive(Debug, Error)]
pub enum UpdateError {
    /// An edit was refused.
    #[error(transparent)]
    Edit(#[from] EditError),
    /// The corpus file could not be read or written.
    #[error(transparent)]
    Corpus(#[from] CorpusError),
}

/// Applies `edits` to the corpus file of `corpus` as it is on disk now ([`Corpus::update`]:
/// written atomically, nothing written when an edit is refused); returns what changed.
pub fn update(corpus: &mut Corpus, edits: &[LearnEdit]) -> Result<Vec<String>, UpdateError> {
    let root = corpus.root().to_path_buf();
    corpus.update(|s| Ok(apply(s, &root, edits)?))
}

/// Applies `edits` to `settings` (the corpus at `root`; relative paths in the edits are
/// relative to the current folder) if every one is valid; returns what changed, one line each.
pub fn apply(settings: &mut Settings, root: &Path, edits: &[LearnEdit]) -> Result<Vec<String>, EditError> {
    let mut next = settings.clone();
    let mut changes = Vec::new();
    for edit in edits {
        if let Some(change) = apply_one(&mut next, root, edit)? {
            changes.push(change);
        }
    }
    *settings = next;
    Ok(changes)
}

fn apply_one(s: &mut Settings, root: &Path, edit: &LearnEdit) -> Result<Option<String>, EditError> {
    let learning = &mut s.learning;
    let changed = |what: String| Ok(Some(what));
    match edit {
        LearnEdit::Map(source, target) => {
            let types = starter::model().map(|m| m.labels.clone()).unwrap_or_default();
            if !types.contains(source) {
                return Err(EditError::UnknownType(source.clone(), types.join(", ")));
            }
            let labels: Vec<String> = s.labels.iter().map(|l| l.name.clone()).collect();
            let map = &mut s.learning.starter_map;
            Ok(set_entry(map, source, target, &labels)?.map(|to| format!("starter {source} → {to}")))
        }
        LearnEdit::Starter(on) if learning.starter != *on => {
            learning.starter = *on;
            changed(format!("starter model: {}", if *on { "on" } else { "off" }))
        }
        LearnEdit::LearnFrom(dir) => learn_from(s, root, dir),
        LearnEdit::Forget(dir) => {
            let i = find_prior(&learning.priors, root, dir)?;
            let gone = learning.priors.remove(i);
            changed(format!("no longer learns from {}", gone.path.display()))
        }
        LearnEdit::PriorMap(dir, theirs, target) => prior_map(s, root, (dir, theirs), target),
        LearnEdit::Clitics(c) if learning.clitics != *c => {
            learning.clitics = *c;
            changed(format!("clitics: {}", c.map_or("learned from the done documents", Clitics::name)))
        }
        LearnEdit::Gazetteer(Some(file)) => {
            crate::formats::gazetteer::read_gazetteer(file)
                .map_err(|e| EditError::Gazetteer(e.to_string()))?;
            let stored = relative_to(root, file);
            if learning.gazetteer.as_ref() == Some(&stored) {
                return Ok(None);
            }
            learning.gazetteer = Some(stored.clone());
            changed(format!("gazetteer: {}", stored.display()))
        }
        LearnEdit::Gazetteer(None) if learning.gazetteer.is_some() => {
            learning.gazetteer = None;
            changed("gazetteer: none".to_string())
        }
        LearnEdit::Starter(_) | LearnEdit::Clitics(_) | LearnEdit::Gazetteer(None) => Ok(None),
    }
}

/// Sets `source`'s entry of `map`; the new target's description when something changed.
fn set_entry(
    map: &mut LabelMap,
    source: &str,
    target: &Target,
    labels: &[String],
) -> Result<Option<String>, EditError> {
    let (entry, what) = match target {
        Target::Label(l) if !labels.contains(l) => {
            return Err(EditError::UnknownLabel(l.clone(), labels.join(", ")));
        }
        Target::Label(l) => (Some(Some(l.clone())), l.clone()),
        Target::Never => (Some(None), "not suggested".to_string()),
        Target::Auto => (None, "as the done documents or the name rule say".to_string()),
    };
    if map.get(source) == entry.as_ref() {
        return Ok(None);
    }
    match entry {
        Some(e) => map.insert(source.to_string(), e),
        None => map.remove(source),
    };
    Ok(Some(what))
}

fn learn_from(s: &mut Settings, root: &Path, dir: &Path) -> Result<Option<String>, EditError> {
    prior_labels(dir).map_err(EditError::NotACorpus)?;
    if same_folder(dir, root) {
        return Err(EditError::Itself(dir.to_path_buf()));
    }
    if find_prior(&s.learning.priors, root, dir).is_ok() {
        return Ok(None);
    }
    let path = relative_to(root, dir);
    s.learning.priors.push(Prior { path: path.clone(), map: LabelMap::new() });
    Ok(Some(format!("learns from {}", path.display())))
}

fn prior_map(
    s: &mut Settings,
    root: &Path,
    (dir, theirs): (&Path, &str),
    target: &Target,
) -> Result<Option<String>, EditError> {
    let i = find_prior(&s.learning.priors, root, dir)?;
    let folder = s.learning.priors[i].resolve(root);
    let known = prior_labels(&folder).map_err(EditError::NotACorpus)?;
    let prior = &mut s.learning.priors[i];
    if !known.iter().any(|k| k == theirs) && !prior.map.contains_key(theirs) {
        let name = prior.path.display().to_string();
        return Err(EditError::UnknownTheirs(theirs.to_string(), name, known.join(", ")));
    }
    let labels: Vec<String> = s.labels.iter().map(|l| l.name.clone()).collect();
    let what = set_entry(&mut prior.map, theirs, target, &labels)?;
    Ok(what.map(|to| format!("{} {theirs} → {to}", prior.path.display())))
}

/// The index of the prior that is the folder `dir` (relative to the current folder), or that
/// the corpus file names as `dir`.
fn find_prior(priors: &[Prior], root: &Path, dir: &Path) -> Result<usize, EditError> {
    priors
        .iter()
        .position(|p| same_folder(&p.resolve(root), dir))
        .or_else(|| priors.iter().position(|p| p.path == dir))
        .ok_or_else(|| {
            let names: Vec<String> = priors.iter().map(|p| p.path.display().to_string()).collect();
            let names = if names.is_empty() { "no other corpus".to_string() } else { names.join(", ") };
            EditError::NotAPrior(dir.to_path_buf(), names)
        })
}

/// True if `a` and `b` are the same folder (by their real paths, else as written).
pub fn same_folder(a: &Path, b: &Path) -> bool {
    let key = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| normalize(p));
    key(a) == key(b)
}

/// `p` with `.` left out and `..` taken back, without reading the disk.
fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir if out.file_name().is_some() => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// `path` as the corpus file stores it: relative to the corpus `root` when the two share a
/// folder below the file system's root (so that moving them together keeps the link), else
/// absolute.
pub fn relative_to(root: &Path, path: &Path) -> PathBuf {
    let (Ok(r), Ok(p)) = (std::fs::canonicalize(root), std::fs::canonicalize(path)) else {
        return path.to_path_buf();
    };
    let (rc, pc): (Vec<_>, Vec<_>) = (r.components().collect(), p.components().collect());
    let common = rc.iter().zip(&pc).take_while(|(a, b)| a == b).count();
    if common <= 1 {
        return p;
    }
    let mut out = PathBuf::new();
    for _ in common..rc.len() {
        out.push("..");
    }
    for c in &pc[common..] {
        out.push(c);
    }
    if out.as_os_str().is_empty() { PathBuf::from(".") } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::CORPUS_FILE;

    fn corpus(dir: &Path, labels: &[&str]) {
        std::fs::create_dir_all(dir).expect("folder");
        let mut s = Settings { labels: crate::model::LabelSet::empty(), ..Settings::default() };
        labels.iter().for_each(|l| {
            s.labels.ensure(l);
        });
        s.write(&dir.join(CORPUS_FILE)).expect("writes");
    }

    #[test]
    fn edits_are_checked_and_all_or_nothing() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let (root, lab) = (tmp.path().join("corpus"), tmp.path().join("lab"));
        corpus(&root, &["PER", "PLACE"]);
        corpus(&lab, &["PERSON", "LOCATION"]);
        let mut s = Settings::read(&root.join(CORPUS_FILE)).expect("reads");
        let edits = [
            LearnEdit::Map("GPE".into(), Target::Label("PLACE".into())),
            LearnEdit::Map("NORP".into(), Target::Never),
            LearnEdit::LearnFrom(lab.clone()),
            LearnEdit::PriorMap(lab.clone(), "LOCATION".into(), Target::Label("PLACE".into())),
            LearnEdit::Clitics(Some(Clitics::Exclude)),
            LearnEdit::Starter(false),
        ];
        let changes = apply(&mut s, &root, &edits).expect("valid");
        assert_eq!(changes.len(), 6, "{changes:?}");
        assert_eq!(s.learning.starter_map.get("GPE"), Some(&Some("PLACE".to_string())));
        assert_eq!(s.learning.starter_map.get("NORP"), Some(&None));
        assert_eq!(s.learning.priors[0].path, Path::new("../lab"));
        assert_eq!(s.learning.priors[0].map.get("LOCATION"), Some(&Some("PLACE".to_string())));
        assert!(apply(&mut s, &root, &edits).expect("again").is_empty(), "nothing changes twice");
        let before = s.clone();
        let bad = [LearnEdit::Map("GPE".into(), Target::Auto), LearnEdit::Map("XYZ".into(), Target::Never)];
        assert!(matches!(apply(&mut s, &root, &bad), Err(EditError::UnknownType(..))));
        let bad = [LearnEdit::Map("PER".into(), Target::Label("PERSON".into()))];
        assert!(matches!(apply(&mut s, &root, &bad), Err(EditError::UnknownLabel(..))));
        let bad = [LearnEdit::PriorMap(lab.clone(), "ORG".into(), Target::Never)];
        assert!(matches!(apply(&mut s, &root, &bad), Err(EditError::UnknownTheirs(..))));
        let bad = [LearnEdit::LearnFrom(root.clone())];
        assert!(matches!(apply(&mut s, &root, &bad), Err(EditError::Itself(_))));
        let bad = [LearnEdit::LearnFrom(tmp.path().to_path_buf())];
        assert!(matches!(apply(&mut s, &root, &bad), Err(EditError::NotACorpus(_))));
        let bad = [LearnEdit::Forget(tmp.path().join("other"))];
        assert!(matches!(apply(&mut s, &root, &bad), Err(EditError::NotAPrior(..))));
        assert_eq!(s, before, "a refused edit changes nothing");
        let forget = [LearnEdit::Forget("../lab".into()), LearnEdit::Map("GPE".into(), Target::Auto)];
        apply(&mut s, &root, &forget).expect("forgets by the path as written");
        assert!(s.learning.priors.is_empty() && !s.learning.starter_map.contains_key("GPE"));
    }

    #[test]
    fn paths_are_stored_relative_to_the_root_when_they_share_a_folder() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let root = tmp.path().join("a/corpus");
        let other = tmp.path().join("b/lab");
        std::fs::create_dir_all(&root).expect("root");
        std::fs::create_dir_all(&other).expect("other");
        assert_eq!(relative_to(&root, &other), Path::new("../../b/lab"));
        assert_eq!(relative_to(&root, &root.join("../corpus")), Path::new("."));
        assert_eq!(relative_to(&root, Path::new("/")), Path::new("/"));
        assert!(same_folder(&root.join("../corpus"), &root));
        assert_eq!(normalize(Path::new("/x/./y/../z")), Path::new("/x/z"));
    }
}
