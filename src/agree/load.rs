//! Reading what `hashiya agree` and File > Compare with… compare: annotation files or corpus
//! folders (one per annotator), documents matched by their path in the folder and, failing
//! that, by the fingerprint (SHA-256) of the article text. Annotation files are read with
//! [`crate::formats::store`] against their own article beside them, with the edits of their
//! journal not yet saved ([`crate::editor::Article::open_to_read`]).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::corpus::{Corpus, CorpusError};
use crate::editor::{has_journal, read_document};
use crate::formats::FormatError;
use crate::formats::decode::read_article;
use crate::formats::store::{SUFFIX, annotation_path, article_path, sha256_hex};
use crate::model::Annotations;

/// Why a comparison could not be loaded at all (problems with single documents of folders are
/// listed in [`Compared::problems`] instead).
#[derive(Debug, Error)]
pub enum AgreeError {
    /// A file could not be read or is broken (`path:line:column` where there is a place).
    #[error(transparent)]
    Format(#[from] FormatError),
    /// A folder could not be opened as a corpus.
    #[error(transparent)]
    Corpus(#[from] CorpusError),
    /// The annotation files belong to different article texts.
    #[error(
        "{} and {} annotate different texts (article fingerprints {first_sha} and {second_sha})",
        .first.display(), .second.display()
    )]
    DifferentTexts {
        /// The first file.
        first: PathBuf,
        /// Its article's SHA-256.
        first_sha: String,
        /// The other file.
        second: PathBuf,
        /// Its article's SHA-256.
        second_sha: String,
    },
    /// Files and folders mixed, or fewer than two.
    #[error("{0}")]
    Usage(String),
}

/// One annotator's copy of a document.
#[derive(Debug, Clone)]
pub struct Copy {
    /// The annotation file.
    pub path: PathBuf,
    /// Its annotations, placed in the article's text.
    pub ann: Annotations,
    /// The annotator named in the file.
    pub annotator: String,
    /// What its edit journal added (edits not yet saved, included) or why it was not applied.
    pub journal: Option<String>,
}

/// A document every annotator annotated.
#[derive(Debug, Clone)]
pub struct Matched {
    /// Its path relative to the folder (or the article's file name).
    pub name: String,
    /// The article text (the same for every copy).
    pub text: String,
    /// One copy per annotator, in argument order.
    pub copies: Vec<Copy>,
}

/// What was loaded for a comparison.
#[derive(Debug, Clone, Default)]
pub struct Compared {
    /// Annotator names, one per argument (the name in the files; the path when ambiguous).
    pub annotators: Vec<String>,
    /// Documents annotated by everyone, in the first folder's order.
    pub documents: Vec<Matched>,
    /// Documents not annotated by everyone (or not found), with why.
    pub unmatched: Vec<String>,
    /// Documents found under another path by their text, as `name = folder/other name`.
    pub by_text: Vec<String>,
    /// Files that could not be read, as `path:line:column: reason`.
    pub problems: Vec<String>,
}

/// Opens one annotated article as the window would open it (with the edits of its journal
/// not yet saved; nothing is written): `path` is the article or its annotation file. Returns
/// the article text, the annotations and the annotator named in the file.
pub fn open(path: &Path) -> Result<(String, Copy), FormatError> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let (article, store_path) = if name.ends_with(SUFFIX) {
        let article =
            article_path(path).ok_or_else(|| FormatError::file(path, "is not an annotation file"))?;
        (article, path.to_path_buf())
    } else {
        (path.to_path_buf(), annotation_path(path))
    };
    let reading = read_document(&article)?;
    if !reading.is_annotated() {
        let missing = std::io::Error::new(std::io::ErrorKind::NotFound, "no annotation file");
        return Err(FormatError::io(&store_path, missing));
    }
    let journal = reading.journal.message(&article);
    let a = reading.article;
    let copy =
        Copy { path: store_path, ann: a.ann().clone(), annotator: a.saved_info().annotator.clone(), journal };
    Ok((a.doc.text().to_string(), copy))
}

/// True when the article has been annotated: an annotation file, or a journal of edits.
fn annotated(article: &Path) -> bool {
    annotation_path(article).exists() || has_journal(article)
}

/// Loads every argument: all annotation files (or articles) of one document, or all folders.
pub fn load(paths: &[PathBuf]) -> Result<Compared, AgreeError> {
    if paths.len() < 2 {
        return Err(AgreeError::Usage("agreement needs at least two annotators' files or folders".into()));
    }
    let dirs = paths.iter().filter(|p| p.is_dir()).count();
    match dirs {
        0 => load_files(paths),
        d if d == paths.len() => load_folders(paths),
        _ => {
            Err(AgreeError::Usage("give either annotation files of one document or folders, not both".into()))
        }
    }
}

fn load_files(paths: &[PathBuf]) -> Result<Compared, AgreeError> {
    let mut first: Option<(PathBuf, String, String)> = None;
    let mut copies = Vec::with_capacity(paths.len());
    for path in paths {
        let (text, copy) = open(path)?;
        let sha = sha256_hex(&text);
        match &first {
            Some((p, s, _)) if *s != sha => {
                return Err(AgreeError::DifferentTexts {
                    first: p.clone(),
                    first_sha: s.clone(),
                    second: copy.path,
                    second_sha: sha,
                });
            }
            Some(_) => {}
            None => first = Some((copy.path.clone(), sha, text)),
        }
        copies.push(copy);
    }
    let (path, _, text) = first.unwrap_or_default();
    let name = article_path(&path).and_then(|a| a.file_name().map(|n| n.to_string_lossy().into_owned()));
    let annotators = names(&copies.iter().map(|c| c.annotator.clone()).collect::<Vec<_>>(), paths);
    let documents = vec![Matched { name: name.unwrap_or_default(), text, copies }];
    Ok(Compared { annotators, documents, ..Compared::default() })
}

fn load_folders(paths: &[PathBuf]) -> Result<Compared, AgreeError> {
    let corpora = paths.iter().map(|p| Corpus::open(p)).collect::<Result<Vec<_>, _>>()?;
    let mut out = Compared::default();
    // Each folder's annotated documents by name.
    let maps: Vec<HashMap<String, PathBuf>> = corpora
        .iter()
        .map(|c| {
            let docs = c.docs().iter().filter(|d| annotated(&d.path));
            docs.map(|d| (d.name(), d.path.clone())).collect()
        })
        .collect();
    // Per folder, documents of the first folder it holds under another path (same text).
    let by_text: Vec<HashMap<String, (String, PathBuf)>> =
        maps.iter().map(|m| match_by_text(&maps[0], m)).collect();
    out.by_text = matched_by_text(&by_text, paths);
    let mut seen: Vec<usize> = vec![0; paths.len()];
    for entry in corpora[0].docs() {
        let name = entry.name();
        let found: Vec<Option<&PathBuf>> =
            maps.iter().zip(&by_text).map(|(m, t)| m.get(&name).or(t.get(&name).map(|(_, p)| p))).collect();
        let missing: Vec<String> = found
            .iter()
            .zip(paths)
            .filter(|(f, _)| f.is_none())
            .map(|(_, p)| p.display().to_string())
            .collect();
        if !missing.is_empty() {
            if found[0].is_some() {
                out.unmatched.push(format!("{name}: no annotation file in {}", missing.join(", ")));
            }
            continue;
        }
        let found: Vec<&PathBuf> = found.into_iter().flatten().collect();
        found.iter().enumerate().for_each(|(i, _)| seen[i] += 1);
        match load_document(&name, &found) {
            Ok(doc) => out.documents.push(doc),
            Err(err) => out.problems.push(err.to_string()),
        }
    }
    out.unmatched.extend(only_in_others(&maps, &by_text, paths));
    let annotators: Vec<String> = (0..paths.len())
        .map(|i| {
            let names = out.documents.iter().filter_map(|d| d.copies.get(i)).map(|c| c.annotator.as_str());
            most_common(names).unwrap_or_else(|| paths[i].display().to_string())
        })
        .collect();
    out.annotators = names(&annotators, paths);
    Ok(out)
}

/// "name = FOLDER/other-name" for the documents matched by text, sorted per folder.
fn matched_by_text(by_text: &[HashMap<String, (String, PathBuf)>], paths: &[PathBuf]) -> Vec<String> {
    let mut out = Vec::new();
    for (found, path) in by_text.iter().zip(paths) {
        let mut lines: Vec<String> = found
            .iter()
            .map(|(name, (other, _))| format!("{name} = {}", path.join(other).display()))
            .collect();
        lines.sort();
        out.extend(lines);
    }
    out
}

/// "name: only in FOLDER" for the annotated documents of the other folders that the first
/// has neither by name nor by text.
fn only_in_others(
    maps: &[HashMap<String, PathBuf>],
    by_text: &[HashMap<String, (String, PathBuf)>],
    paths: &[PathBuf],
) -> Vec<String> {
    let mut out = Vec::new();
    for (i, map) in maps.iter().enumerate().skip(1) {
        let first = &maps[0];
        let taken: Vec<&String> = by_text[i].values().map(|(other, _)| other).collect();
        let mut extra: Vec<&String> =
            map.keys().filter(|k| !first.contains_key(*k) && !taken.contains(k)).collect();
        extra.sort();
        out.extend(extra.into_iter().map(|k| format!("{k}: only in {}", paths[i].display())));
    }
    out
}

/// The documents of `first` that `other` holds under another name, found by the fingerprint
/// of the article text: first's name → (other's name, other's article). Only documents whose
/// name is missing on the other side are read.
fn match_by_text(
    first: &HashMap<String, PathBuf>,
    other: &HashMap<String, PathBuf>,
) -> HashMap<String, (String, PathBuf)> {
    let lonely: Vec<(&String, &PathBuf)> = first.iter().filter(|(k, _)| !other.contains_key(*k)).collect();
    if lonely.is_empty() {
        return HashMap::new();
    }
    let mut by_sha: HashMap<String, (String, PathBuf)> = HashMap::new();
    for (name, path) in other.iter().filter(|(k, _)| !first.contains_key(*k)) {
        if let Some(sha) = fingerprint(path) {
            by_sha.entry(sha).or_insert_with(|| (name.clone(), path.clone()));
        }
    }
    lonely
        .into_iter()
        .filter_map(|(name, path)| Some((name.clone(), by_sha.remove(&fingerprint(path)?)?)))
        .collect()
}

/// The SHA-256 of an article's decoded text (`None` if it cannot be read).
fn fingerprint(article: &Path) -> Option<String> {
    read_article(article).ok().map(|a| sha256_hex(&a.text))
}

/// Loads one document's copies; refuses copies of different texts.
fn load_document(name: &str, articles: &[&PathBuf]) -> Result<Matched, AgreeError> {
    let mut text = String::new();
    let mut sha = String::new();
    let mut copies = Vec::with_capacity(articles.len());
    for (i, article) in articles.iter().enumerate() {
        let (t, copy) = open(article)?;
        if i == 0 {
            sha = sha256_hex(&t);
            text = t;
        } else if t != text {
            return Err(AgreeError::DifferentTexts {
                first: copies.first().map(|c: &Copy| c.path.clone()).unwrap_or_default(),
                first_sha: sha,
                second: copy.path,
                second_sha: sha256_hex(&t),
            });
        }
        copies.push(copy);
    }
    Ok(Matched { name: name.to_string(), text, copies })
}

fn most_common<'a>(names: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    names.for_each(|n| *counts.entry(n).or_default() += 1);
    counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0))).map(|(n, _)| n.to_string())
}

/// Annotator names, with the argument added where two are the same.
fn names(annotators: &[String], paths: &[PathBuf]) -> Vec<String> {
    annotators
        .iter()
        .zip(paths)
        .map(|(a, p)| {
            let twice = annotators.iter().filter(|b| *b == a).count() > 1;
            if twice { format!("{a} ({})", p.display()) } else { a.clone() }
        })
        .collect()
}

/// Finds another annotator's copy of a document in their folder: the article at the same
/// relative path `rel` if its text is `text`, else any annotated article of the folder whose
/// text is the same (found by fingerprint). `Ok(None)` when the folder has no copy.
pub fn find_copy(folder: &Path, rel: &str, text: &str) -> Result<Option<Copy>, AgreeError> {
    let same = folder.join(rel);
    if annotated(&same) {
        let (t, copy) = open(&same)?;
        if t == text {
            return Ok(Some(copy));
        }
    }
    let corpus = Corpus::open(folder)?;
    for entry in corpus.docs().iter().filter(|d| d.path != same && annotated(&d.path)) {
        let Ok(article) = read_article(&entry.path) else { continue };
        if article.text == text {
            return Ok(Some(open(&entry.path)?.1));
        }
    }
    Ok(None)
}
