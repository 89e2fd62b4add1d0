//! Exporting a whole corpus through [`crate::formats::exchange`]: CoNLL (one file, a
//! `-DOCSTART- -X- -X- O` line and a blank line before each document), JSONL (one file, one
//! line per document with a `"name"` field holding its path relative to the corpus root) or
//! brat (a folder of `.txt`/`.ann` pairs, subfolders kept). With a split, the output is a
//! folder with one file (or folder) per split: `OUT/train.conll`, `OUT/dev/…`.
//!
//! Skipped documents are never exported; `only_done` keeps done documents only. Every file is
//! written atomically, never over an article, an annotation file or the corpus file, and never
//! where it would become an article of the corpus. A document that cannot be read is a
//! problem and is left out; the rest are exported.

use std::path::{Path, PathBuf};

use super::problem::{CorpusError, Problem, read_entry};
use super::settings::CORPUS_FILE;
use super::split::SplitSpec;
use super::walk::DocEntry;
use super::{Corpus, walk};
use crate::formats::exchange::{self, ExportReport, Format};
use crate::formats::store::{DocStatus, SUFFIX};
use crate::formats::{FormatError, atomic, jsonl};
use crate::model::{Annotations, Document};

/// What to export and how.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    /// The exchange format.
    pub format: Format,
    /// Only documents marked done.
    pub only_done: bool,
    /// Split by document into named shares, with the seed of the split.
    pub split: Option<(SplitSpec, u64)>,
    /// Export suggestions as entities too (where they overlap no entity).
    pub include_suggestions: bool,
}

/// What an export wrote and left out.
#[derive(Debug, Clone, Default)]
pub struct ExportSummary {
    /// Documents exported.
    pub documents: usize,
    /// Entities exported.
    pub entities: usize,
    /// Per split (name, documents, entities); one unnamed row without a split.
    pub splits: Vec<(String, usize, usize)>,
    /// Skipped documents, left out.
    pub skipped: usize,
    /// Documents left out because they are not done (with `only_done`).
    pub not_done: usize,
    /// Documents that could not be read, left out.
    pub problems: Vec<Problem>,
    /// What was not exported as it is (re-anchored documents, nested entities, orphans).
    pub notes: Vec<String>,
    /// One line per document read with its journal (edits not yet saved, or a journal not
    /// applied).
    pub journal: Vec<String>,
    /// Files or folders written.
    pub outputs: Vec<PathBuf>,
}

/// Where one split (or the whole export) goes.
enum Sink {
    /// A text file built in memory, written at the end.
    Text { path: PathBuf, text: String },
    /// A brat folder, written document by document.
    Brat { dir: PathBuf },
}

/// Sums of the per-document export reports, for the notes.
#[derive(Default)]
struct Tally {
    reanchored: usize,
    overlapping: usize,
    empty: usize,
    escaped_docstart: usize,
    orphans: usize,
    renamed: Vec<(String, String)>,
    /// Kept brat lines not written (brat: their entities were deleted; other formats: all).
    brat_dropped: usize,
}

/// Exports `corpus` to `out`; `progress(done, total)` after each document.
pub fn export(
    corpus: &Corpus,
    opts: &ExportOptions,
    out: &Path,
    mut progress: impl FnMut(usize, usize),
) -> Result<ExportSummary, CorpusError> {
    check_output(corpus, opts, out)?;
    let mut sinks = sinks(opts, out);
    let splits = sinks.iter().map(|(name, _)| (name.clone(), 0, 0)).collect();
    let mut summary = ExportSummary { splits, ..ExportSummary::default() };
    let mut tally = Tally::default();
    let total = corpus.docs().len();
    for (i, entry) in corpus.docs().iter().enumerate() {
        let loaded = load(entry, &mut tally, &mut summary.journal);
        progress(i + 1, total);
        let (doc, ann, status, annotator) = match loaded {
            Ok(loaded) => loaded,
            Err(problem) => {
                summary.problems.push(problem);
                continue;
            }
        };
        if status == DocStatus::Skipped {
            summary.skipped += 1;
            continue;
        }
        if opts.only_done && status != DocStatus::Done {
            summary.not_done += 1;
            continue;
        }
        let ann = if opts.include_suggestions { exchange::with_suggestions(&doc, &ann) } else { ann };
        let name = entry.name();
        let k = opts.split.as_ref().map_or(0, |(spec, seed)| spec.assign(&name, *seed));
        let Some((_, sink)) = sinks.get_mut(k) else { continue };
        let meta = jsonl::Meta { name: Some(&name), status: status.as_str(), annotator: &annotator };
        let report = write_doc(sink, opts.format, entry, meta, &doc, &ann)?;
        tally.add(&report, ann.orphans().len());
        summary.documents += 1;
        summary.entities += report.entities;
        summary.splits[k].1 += 1;
        summary.splits[k].2 += report.entities;
    }
    summary.outputs = finish(sinks)?;
    summary.notes = tally.notes();
    Ok(summary)
}

/// Writes the text outputs (brat folders are written as they go); returns every output.
fn finish(sinks: Vec<(String, Sink)>) -> Result<Vec<PathBuf>, FormatError> {
    let mut outputs = Vec::with_capacity(sinks.len());
    for (_, sink) in sinks {
        match sink {
            Sink::Text { path, text } => {
                if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                    std::fs::create_dir_all(parent).map_err(|e| FormatError::io(parent, e))?;
                }
                atomic::write_atomic(&path, text.as_bytes())?;
                outputs.push(path);
            }
            Sink::Brat { dir } => {
                std::fs::create_dir_all(&dir).map_err(|e| FormatError::io(&dir, e))?;
                outputs.push(dir);
            }
        }
    }
    Ok(outputs)
}

/// The outputs: one per split, or one unnamed.
fn sinks(opts: &ExportOptions, out: &Path) -> Vec<(String, Sink)> {
    let sink = |path: PathBuf| match opts.format {
        Format::Brat => Sink::Brat { dir: path },
        _ => Sink::Text { path, text: String::new() },
    };
    match &opts.split {
        None => vec![(String::new(), sink(out.to_path_buf()))],
        Some((spec, _)) => spec
            .names()
            .map(|name| {
                let path = match opts.format {
                    Format::Brat => out.join(name),
                    f => out.join(format!("{name}.{}", f.extension())),
                };
                (name.to_string(), sink(path))
            })
            .collect(),
    }
}

/// A document as exported: text, annotations, status and annotator.
type Loaded = (Document, Annotations, DocStatus, String);

/// Reads a document as the window would open it: its annotations (re-anchored if the article
/// changed) and the edits of its journal not yet saved, said once in `journal`.
fn load(entry: &DocEntry, tally: &mut Tally, journal: &mut Vec<String>) -> Result<Loaded, Problem> {
    let reading = read_entry(&entry.path)?;
    tally.reanchored += usize::from(reading.reanchor.is_some());
    journal.extend(reading.journal.message(&entry.path));
    let article = reading.article;
    let status = article.status();
    let ann = article.ann().clone();
    let annotator = article.saved_info().annotator.clone();
    Ok((article.doc, ann, status, annotator))
}

/// Adds one document to its output.
fn write_doc(
    sink: &mut Sink,
    format: Format,
    entry: &DocEntry,
    meta: jsonl::Meta<'_>,
    doc: &Document,
    ann: &Annotations,
) -> Result<ExportReport, FormatError> {
    match sink {
        Sink::Text { text, .. } => {
            let (body, report) = exchange::export_text_with(format, doc, ann, Some(meta));
            if format == Format::Conll {
                text.push_str("-DOCSTART- -X- -X- O\n\n");
            }
            text.push_str(&body);
            Ok(report)
        }
        Sink::Brat { dir } => {
            let ann_path = dir.join(brat_name(&entry.rel));
            if let Some(parent) = ann_path.parent() {
                std::fs::create_dir_all(parent).map_err(|e| FormatError::io(parent, e))?;
            }
            exchange::export_to(Format::Brat, &entry.path, doc, ann, &ann_path)
        }
    }
}

/// The `.ann` of a document in a brat folder: `a/b.txt` → `a/b.ann`; other extensions are
/// kept (`a/b.md` → `a/b.md.ann`) so that no two documents share a name.
fn brat_name(rel: &Path) -> PathBuf {
    if rel.extension().is_some_and(|e| e == "txt") {
        rel.with_extension("ann")
    } else {
        let mut name = rel.as_os_str().to_owned();
        name.push(".ann");
        PathBuf::from(name)
    }
}

impl Tally {
    fn add(&mut self, report: &ExportReport, orphans: usize) {
        self.overlapping += report.dropped_overlapping;
        self.empty += report.dropped_empty;
        self.escaped_docstart += report.escaped_docstart;
        self.orphans += orphans;
        self.brat_dropped += report.brat_dropped.len();
        for pair in &report.renamed_labels {
            if !self.renamed.contains(pair) {
                self.renamed.push(pair.clone());
            }
        }
    }

    fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if self.reanchored > 0 {
            notes.push(format!(
                "{} documents changed since their annotations were saved; their entities were re-anchored \
                 (hashiya validate lists them)",
                self.reanchored
            ));
        }
        let report = ExportReport {
            dropped_overlapping: self.overlapping,
            dropped_empty: self.empty,
            escaped_docstart: self.escaped_docstart,
            renamed_labels: self.renamed.clone(),
            ..ExportReport::default()
        };
        notes.extend(report.notes());
        if self.orphans > 0 {
            notes.push(format!(
                "{} orphaned entities have no place in the text and were not exported",
                self.orphans
            ));
        }
        if self.brat_dropped > 0 {
            notes.push(format!(
                "{} warnings about lines kept from brat imports that were not exported (export a document alone to see them)",
                self.brat_dropped
            ));
        }
        notes
    }
}

/// Refuses outputs that would write over corpus files or become articles of the corpus, and
/// outputs of the wrong kind (a folder where a file is written, or the other way round).
fn check_output(corpus: &Corpus, opts: &ExportOptions, out: &Path) -> Result<(), CorpusError> {
    let refuse =
        |message: &str| Err(CorpusError::Output { path: out.to_path_buf(), message: message.to_string() });
    let folder = opts.split.is_some() || opts.format == Format::Brat;
    let meta = std::fs::metadata(out).ok();
    if folder && meta.as_ref().is_some_and(|m| !m.is_dir()) {
        return refuse(
            "is a file, but this export writes a folder (one file or folder per split, or brat pairs)",
        );
    }
    if !folder && meta.as_ref().is_some_and(std::fs::Metadata::is_dir) {
        return refuse("is a folder: name the output file (e.g. corpus.conll)");
    }
    let root = std::fs::canonicalize(corpus.root()).unwrap_or_else(|_| corpus.root().to_path_buf());
    let target = resolve(out);
    let inside = target.starts_with(&root);
    if inside && opts.format == Format::Brat {
        return refuse(
            "is inside the corpus: the exported .txt files would become articles of the corpus; \
             choose a folder outside it",
        );
    }
    let files: Vec<PathBuf> = match (&opts.split, folder) {
        (Some(_), _) | (None, true) => sinks(opts, &target)
            .into_iter()
            .filter_map(|(_, s)| match s {
                Sink::Text { path, .. } => Some(path),
                Sink::Brat { .. } => None,
            })
            .collect(),
        (None, false) => vec![target.clone()],
    };
    for file in files {
        let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let article = inside && corpus.settings().is_article_name(&name);
        if name.ends_with(SUFFIX) || (file.parent() == Some(&root) && name == CORPUS_FILE) || article {
            let message = format!(
                "{} would overwrite or become a file of the corpus (an article, annotation file or the \
                 corpus file); choose another output name",
                walk::rel_name(Path::new(&name))
            );
            return refuse(&message);
        }
    }
    Ok(())
}

/// `path` made absolute, with its existing part canonical (symbolic links resolved).
fn resolve(path: &Path) -> PathBuf {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut rest = Vec::new();
    let mut base = abs.as_path();
    loop {
        if let Ok(c) = std::fs::canonicalize(base) {
            return rest.iter().rev().fold(c, |p: PathBuf, part| p.join(part));
        }
        match (base.parent(), base.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_owned());
                base = parent;
            }
            _ => return abs,
        }
    }
}
