//! A corpus: a folder of articles annotated as one project, without egui. The window's
//! documents panel, the command line (`hashiya stats|validate|export DIR`, `mark`, `import`)
//! and the tests use the same functions.
//!
//! - [`Corpus::open`] reads the corpus file ([`settings`]: `hashiya-corpus.ron` at the root,
//!   with the shared labels, default annotator and article extensions) and lists every article
//!   under the folder by name ([`walk`]). Annotation files stay beside their articles, exactly
//!   as for a single article, so one article and one folder use the same files.
//! - [`scan`] reads each document into a [`DocSummary`] (status, entities per label,
//!   annotator, modified), with progress, on the caller's thread or a background one; only
//!   summaries are kept. [`CorpusStats`] sums them up.
//! - [`labels`] makes documents' label sets follow the corpus's (by name) and reports what
//!   changed; [`nav`] moves between documents; [`split`] assigns documents to train/dev/test
//!   stably; [`export`] writes the whole corpus in an exchange format; [`import`] makes an
//!   imported multi-document file a corpus.
//!
//! Bad input (unreadable, binary or undecodable files, broken annotation files, symbolic link
//! loops, files that vanish) becomes a [`Problem`] with its reason and place, never stops the
//! rest, and nothing is written over it.

pub mod export;
pub mod external;
pub mod find;
pub mod import;
pub mod init;
pub mod labels;
pub mod learning;
pub mod nav;
mod problem;
pub mod relabel;
pub mod scan;
pub mod settings;
pub mod split;
mod stats;
pub mod suggest;
mod sync;
pub mod tag_all;
pub mod walk;

use std::path::{Path, PathBuf};

pub use export::{ExportOptions, ExportSummary};
pub use find::{CorpusSearch, DocHits};
pub use labels::{LabelChange, Reconciled, follow_corpus, reconcile};
pub use learning::{Clitics, DocOrder, LabelMap, LearnSettings, Prior};
pub use problem::{CorpusError, Problem, ProblemKind};
pub use scan::{DocSummary, Health, Scan, ScanEvent, ScanHandle};
pub use settings::{CORPUS_FILE, Settings};
pub use split::SplitSpec;
pub use stats::{AnnotatorStats, CorpusStats};
pub use walk::DocEntry;

use crate::formats::FormatError;
use crate::formats::store::annotator_from_env;
use crate::model::LabelSet;

/// The state of the corpus file when the corpus was opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileState {
    /// There is none yet (defaults are used; saving creates it).
    Missing,
    /// Read fine.
    Loaded,
    /// It exists but could not be read (see the problems): defaults are used and it is never
    /// written over.
    Broken,
}

/// An open corpus: its root, settings and the list of its articles. Documents are read only
/// by a scan or when opened.
#[derive(Debug, Clone)]
pub struct Corpus {
    root: PathBuf,
    settings: Settings,
    file_state: FileState,
    docs: Vec<DocEntry>,
    problems: Vec<Problem>,
    /// The corpus file's modification time when it was last read or written here.
    modified: Option<std::time::SystemTime>,
}

impl Corpus {
    /// Opens the folder `dir`: reads its corpus file (a broken one is a problem, and the
    /// defaults are used) and lists its articles. Fails only if `dir` is not a readable folder.
    pub fn open(dir: &Path) -> Result<Self, CorpusError> {
        let meta = std::fs::metadata(dir).map_err(|e| FormatError::io(dir, e))?;
        if !meta.is_dir() {
            return Err(CorpusError::NotAFolder(dir.to_path_buf()));
        }
        std::fs::read_dir(dir).map_err(|e| FormatError::io(dir, e))?;
        let file = dir.join(CORPUS_FILE);
        let mut problems = Vec::new();
        let (settings, file_state) = match Settings::read(&file) {
            Ok(settings) => (settings, FileState::Loaded),
            Err(FormatError::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
                (Settings::default(), FileState::Missing)
            }
            Err(err) => {
                problems.push(Problem::from_format(ProblemKind::CorpusFile, &err));
                (Settings::default(), FileState::Broken)
            }
        };
        let modified = sync::modified(&file);
        let mut corpus =
            Self { root: dir.to_path_buf(), settings, file_state, docs: Vec::new(), problems, modified };
        corpus.relist();
        Ok(corpus)
    }

    /// Lists the articles again (after files were added or the extensions changed); the
    /// listing problems are replaced, the corpus file's stay.
    pub fn relist(&mut self) {
        let (docs, problems) = walk::list(&self.root, &self.settings);
        self.problems.retain(|p| p.kind == ProblemKind::CorpusFile);
        self.problems.extend(problems);
        self.docs = docs;
    }

    /// The corpus folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The corpus file's path (whether it exists or not).
    pub fn file_path(&self) -> PathBuf {
        self.root.join(CORPUS_FILE)
    }

    /// The corpus file's state when opened or last saved.
    pub fn file_state(&self) -> FileState {
        self.file_state
    }

    /// The settings (defaults when there is no corpus file or it is broken).
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The settings, to change them (then [`Corpus::save`]; [`Corpus::relist`] after changing
    /// the extensions).
    pub fn settings_mut(&mut self) -> &mut Settings {
        &mut self.settings
    }

    /// The shared label set.
    pub fn labels(&self) -> &LabelSet {
        &self.settings.labels
    }

    /// The articles, sorted by relative path in natural order.
    pub fn docs(&self) -> &[DocEntry] {
        &self.docs
    }

    /// Problems met opening the corpus: the corpus file, folders and links.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// The index of the article at `path` (as listed, or the same file by another path).
    pub fn position(&self, path: &Path) -> Option<usize> {
        if let Some(i) = self.docs.iter().position(|d| d.path == path) {
            return Some(i);
        }
        let want = std::fs::canonicalize(path).ok()?;
        self.docs.iter().position(|d| std::fs::canonicalize(&d.path).is_ok_and(|c| c == want))
    }

    /// The annotator name to write: `$HASHIYA_ANNOTATOR` if set, else the corpus's default
    /// annotator, else the OS user name (`unknown` if there is none). The window's own
    /// setting, when the user made one, goes before all of these.
    pub fn annotator(&self) -> String {
        resolve_annotator(self.settings.annotator.as_deref())
    }

    /// Writes the corpus file atomically; refused (nothing written) if it was broken when the
    /// corpus was opened. It writes every setting as held here: where another program may have
    /// changed the file since (the window), use [`Corpus::update`].
    pub fn save(&mut self) -> Result<(), CorpusError> {
        if self.file_state == FileState::Broken {
            return Err(CorpusError::FileBroken(self.file_path()));
        }
        self.settings.write(&self.file_path())?;
        self.file_state = FileState::Loaded;
        self.modified = sync::modified(&self.file_path());
        Ok(())
    }

    /// Scans every listed document on this thread (see [`scan::scan`]).
    pub fn scan(&self, progress: impl FnMut(usize, usize)) -> Scan {
        scan::scan(&self.docs, progress)
    }

    /// Starts scanning every listed document on a background thread.
    pub fn spawn_scan(&self) -> ScanHandle {
        ScanHandle::spawn(self.docs.clone())
    }

    /// Adds to the corpus label set every label name the scanned documents use that it lacks
    /// (each with the first document that uses it); save the corpus to keep them.
    pub fn adopt_labels(&mut self, docs: &[DocSummary]) -> Vec<(String, PathBuf)> {
        let mut added = Vec::new();
        for d in docs {
            for (name, _) in &d.labels {
                if self.settings.labels.by_name(name).is_none() {
                    self.settings.labels.ensure(name);
                    added.push((name.clone(), d.rel.clone()));
                }
            }
        }
        added
    }
}

/// `$HASHIYA_ANNOTATOR`, else `default` (a corpus's default annotator), else the OS user.
fn resolve_annotator(default: Option<&str>) -> String {
    let from_env = std::env::var("HASHIYA_ANNOTATOR").ok().filter(|v| !v.trim().is_empty());
    from_env.or_else(|| default.map(String::from)).unwrap_or_else(annotator_from_env)
}

/// The annotator name to write into the annotation file of the article at `path`: as
/// [`Corpus::annotator`] for the corpus it is in ([`find_root`]; only its corpus file is read),
/// else `$HASHIYA_ANNOTATOR` or the OS user name.
pub fn annotator_for(path: &Path) -> String {
    let settings = find_root(path).and_then(|root| Settings::read(&root.join(CORPUS_FILE)).ok());
    resolve_annotator(settings.as_ref().and_then(|s| s.annotator.as_deref()))
}

/// The corpus a file belongs to: the nearest folder above it (or the folder itself) that has
/// a corpus file.
pub fn find_root(path: &Path) -> Option<PathBuf> {
    let start = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    start.ancestors().find(|dir| dir.join(CORPUS_FILE).is_file()).map(Path::to_path_buf)
}

#[cfg(test)]
mod tests;
