//! File > Compare with…: another annotator's annotation file, or their corpus folder (where
//! the open document is found by its path or by its text), set against the open document.
//! Their spans are drawn as thin brackets under the line (`view/overlays.rs`), the
//! differences are listed (`agree::diff`) with "accept theirs" — an [`EditCommand`] through
//! the one edit path, one undo step per difference or per label (`EditCommand::Batch`) — and
//! "keep mine", which only takes the difference off the list. The agreement figures and the
//! label confusion come from [`crate::agree`], for the document and, when a folder was
//! chosen and a corpus is open, for the whole corpus (computed on a thread).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::Color32;

use crate::agree::diff::{Diff, DiffKind, TheirSpan, differences, their_spans};
use crate::agree::load::{self, AgreeError};
use crate::agree::{Agreement, Report};
use crate::corpus::Corpus;
use crate::editor::{Article, EditCommand};
use crate::formats::store::sha256_hex;
use crate::model::{Annotations, LabelSet};

use crate::app::jobs::{Job, Polled};
use crate::app::view::TheirMark;
use crate::t;

/// Their copy of the open document.
struct Theirs {
    ann: Annotations,
    spans: Vec<TheirSpan>,
    path: PathBuf,
    annotator: String,
}

/// The corpus-wide figures: computing, done, or failed.
pub enum CorpusFigures {
    /// Not asked for (a file was chosen, or no corpus is open).
    None,
    /// Being computed on a thread.
    Running(Job<Result<(Report, usize), String>>),
    /// The report and how many documents could not be matched.
    Done(Report, usize),
    /// Why there are none.
    Failed(String),
}

/// The comparison shown beside the article.
pub struct Compare {
    /// The file or folder chosen.
    pub source: PathBuf,
    /// Their name (from their file), or the source's file name.
    pub name: String,
    /// Their copy of the open document, or why there is none.
    theirs: Result<Theirs, String>,
    /// The view key their copy was loaded for.
    loaded_for: Option<u64>,
    /// (view key, revision) the differences were computed for.
    seen: Option<(u64, u64)>,
    /// The differences not yet settled.
    pub diffs: Vec<Diff>,
    /// Differences where I keep mine (off the list).
    kept: HashSet<Diff>,
    /// Agreement of the open document.
    pub doc_report: Option<Report>,
    /// Agreement over the corpus.
    pub corpus: CorpusFigures,
    /// Their spans as drawn in the article view.
    pub marks: Arc<Vec<TheirMark>>,
    /// Show the corpus heatmap rather than the document's.
    pub corpus_heatmap: bool,
}

impl Compare {
    /// A comparison with `source` (a file or a folder); nothing is loaded until
    /// [`Compare::update`].
    pub fn new(source: PathBuf) -> Self {
        let name = source.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        Self {
            source,
            name,
            theirs: Err(String::new()),
            loaded_for: None,
            seen: None,
            diffs: Vec::new(),
            kept: HashSet::new(),
            doc_report: None,
            corpus: CorpusFigures::None,
            marks: Arc::new(Vec::new()),
            corpus_heatmap: false,
        }
    }

    /// Why their copy of the open document is missing, if it is.
    pub fn problem(&self) -> Option<&str> {
        self.theirs.as_ref().err().map(String::as_str).filter(|s| !s.is_empty())
    }

    /// Their annotation file of the open document.
    pub fn their_path(&self) -> Option<&Path> {
        self.theirs.as_ref().ok().map(|t| t.path.as_path())
    }

    /// Reloads their copy when another document is open, and recomputes the differences,
    /// the figures and the marks when my annotations changed.
    pub fn update(&mut self, key: u64, article: &Article, corpus: Option<&Corpus>) {
        if self.loaded_for != Some(key) {
            self.loaded_for = Some(key);
            self.seen = None;
            self.kept.clear();
            self.theirs = load_theirs(&self.source, article, corpus);
            if let Some(t) = self.theirs.as_ref().ok().filter(|t| !t.annotator.trim().is_empty()) {
                self.name = t.annotator.clone();
            }
        }
        if self.seen == Some((key, article.revision())) {
            return;
        }
        self.seen = Some((key, article.revision()));
        let Ok(theirs) = &self.theirs else {
            self.diffs.clear();
            self.doc_report = None;
            self.marks = Arc::new(Vec::new());
            return;
        };
        let all = differences(article.ann(), &theirs.spans);
        self.kept.retain(|d| all.contains(d));
        self.diffs = all.into_iter().filter(|d| !self.kept.contains(d)).collect();
        let mut agreement = Agreement::new(vec!["me".to_string(), self.name.clone()]);
        agreement.add(article.doc.text(), &[article.ann(), &theirs.ann]);
        self.doc_report = Some(agreement.report());
        self.marks = Arc::new(marks(article.ann(), &theirs.ann, &theirs.spans));
    }

    /// Takes differences off the list, keeping my version.
    pub fn keep_mine(&mut self, diffs: Vec<Diff>) {
        self.diffs.retain(|d| !diffs.contains(d));
        self.kept.extend(diffs);
    }

    /// Collects the corpus figures when the thread is done; true while it runs.
    pub fn poll(&mut self) -> bool {
        let CorpusFigures::Running(job) = &self.corpus else { return false };
        self.corpus = match job.poll() {
            Polled::Done(Ok((report, unmatched))) => CorpusFigures::Done(report, unmatched),
            Polled::Done(Err(why)) => CorpusFigures::Failed(why),
            Polled::Running => return true,
            Polled::Stopped => CorpusFigures::Failed(t!("compare-stopped")),
        };
        false
    }

    /// The edits that adopt their version of these differences, as one command (one undo
    /// step): deletions first, then changed spans, then new ones, so that a span of theirs
    /// can take the place of one of mine. Labels I do not have are added (by name, in their
    /// colour) in the same step.
    pub fn accept_theirs(&self, article: &Article, diffs: &[Diff]) -> Option<EditCommand> {
        let their_labels = self.theirs.as_ref().ok().map(|t| t.ann.labels())?;
        let mut labels = article.ann().labels().clone();
        let mut ordered: Vec<&Diff> = diffs.iter().collect();
        ordered.sort_by_key(|d| match d.kind {
            DiffKind::Extra => 0,
            DiffKind::Boundary | DiffKind::Label => 1,
            DiffKind::Missing => 2,
        });
        let mut cmds = Vec::new();
        for d in ordered {
            let label = d.theirs.as_ref().map(|t| ensure_label(&mut labels, their_labels, &t.label));
            match (d.mine, &d.theirs, label) {
                (Some(e), None, _) => cmds.push(EditCommand::Delete(e.id)),
                (Some(e), Some(t), Some(l)) => {
                    cmds.push(EditCommand::Relabel(e.id, l));
                    cmds.push(EditCommand::SetRange(e.id, t.range.clone()));
                }
                (None, Some(t), Some(l)) => cmds.push(EditCommand::TagRange(t.range.clone(), l)),
                _ => {}
            }
        }
        if labels != *article.ann().labels() {
            cmds.insert(0, EditCommand::SetLabels(labels));
        }
        match cmds.len() {
            0 => None,
            1 => cmds.pop(),
            _ => Some(EditCommand::Batch(cmds)),
        }
    }
}

/// The id of label `name` in `labels`, added (with its colour in `theirs`) if missing.
fn ensure_label(labels: &mut LabelSet, theirs: &LabelSet, name: &str) -> crate::model::LabelId {
    if let Some(l) = labels.by_name(name) {
        return l.id;
    }
    let id = labels.ensure(name);
    let color = theirs.by_name(name).map(|l| l.color);
    if let (Some(color), Some(l)) = (color, labels.labels_mut().iter_mut().find(|l| l.id == id)) {
        l.color = color;
    }
    id
}

/// Their spans with colours, marking those I do not have exactly.
fn marks(mine: &Annotations, theirs: &Annotations, spans: &[TheirSpan]) -> Vec<TheirMark> {
    let labels = mine.labels();
    let color = |name: &str| {
        let l = labels.by_name(name).or_else(|| theirs.labels().by_name(name));
        l.map_or(Color32::GRAY, |l| Color32::from_rgb(l.color.0, l.color.1, l.color.2))
    };
    let same = |s: &TheirSpan| {
        let id = labels.by_name(&s.label).map(|l| l.id);
        mine.entities().overlapping(s.range.clone()).any(|e| e.range() == s.range && Some(e.label) == id)
    };
    spans
        .iter()
        .map(|s| TheirMark { range: s.range.clone(), color: color(&s.label), differs: !same(s) })
        .collect()
}

/// Their copy of the open document: from the chosen file (refused when its article's text
/// differs), or found in the chosen folder by path or by text.
fn load_theirs(source: &Path, article: &Article, corpus: Option<&Corpus>) -> Result<Theirs, String> {
    let text = article.doc.text();
    let copy = if source.is_dir() {
        let rel = corpus
            .and_then(|c| c.docs().iter().find(|d| d.path == article.path).map(|d| d.name()))
            .or_else(|| article.path.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_default();
        match load::find_copy(source, &rel, text) {
            Ok(Some(copy)) => copy,
            Ok(None) => {
                return Err(t!("compare-no-copy", folder = source.display()));
            }
            Err(e) => return Err(e.to_string()),
        }
    } else {
        let (their_text, copy) = load::open(source).map_err(|e| e.to_string())?;
        if their_text != text {
            let err = AgreeError::DifferentTexts {
                first: article.store_path.clone(),
                first_sha: sha256_hex(text),
                second: copy.path,
                second_sha: sha256_hex(&their_text),
            };
            return Err(err.to_string());
        }
        copy
    };
    let spans = their_spans(&copy.ann);
    Ok(Theirs { ann: copy.ann, spans, path: copy.path, annotator: copy.annotator })
}

/// The agreement of my corpus and their folder, computed on a thread.
pub fn corpus_figures(mine: PathBuf, theirs: PathBuf) -> CorpusFigures {
    let job = Job::spawn("hashiya-agreement", move || {
        load::load(&[mine, theirs]).map_err(|e| e.to_string()).map(|c| {
            let mut agreement = Agreement::new(c.annotators.clone());
            for d in &c.documents {
                let anns: Vec<&Annotations> = d.copies.iter().map(|c| &c.ann).collect();
                agreement.add(&d.text, &anns);
            }
            (agreement.report(), c.unmatched.len() + c.problems.len())
        })
    });
    match job {
        Ok(job) => CorpusFigures::Running(job),
        Err(e) => CorpusFigures::Failed(t!("compare-could-not-start", detail = e.to_string())),
    }
}
