//! `hashiya suggest ARTICLE|DIR --gazetteer FILE | --from-corpus`: fills the suggestions layer
//! of the documents that are not done, through the same core as the window
//! ([`crate::corpus::suggest`]).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::bail;

use super::SuggestArgs;
use super::progress::Progress;
use crate::corpus::suggest::{Dictionary, SuggestSummary, corpus_dictionary, suggest_documents};
use crate::corpus::walk::DocEntry;
use crate::corpus::{Corpus, find_root};
use crate::editor::Article;
use crate::formats::gazetteer::read_gazetteer;
use crate::model::{LabelSet, SuggestionSource};

/// Runs `hashiya suggest`.
pub fn run(args: &SuggestArgs) -> anyhow::Result<ExitCode> {
    let combined = args.gazetteer.is_none() && !args.from_corpus && args.external.command.is_none();
    let default = match (combined, &args.external.command) {
        (true, _) => crate::learn::layer::DEFAULT_MIN_CONFIDENCE,
        (false, Some(_)) => 0.0,
        (false, None) => 0.25,
    };
    let min_confidence = args.min_confidence.unwrap_or(default);
    if !(0.0..=1.0).contains(&min_confidence) {
        bail!("--min-confidence {min_confidence} is not from 0 to 1");
    }
    let min = (min_confidence * 1000.0).round() as u16;
    if let Some(command) = &args.external.command {
        return super::external::suggest(args, command, min);
    }
    let (targets, corpus) = targets(&args.path)?;
    if combined {
        let annotator = super::annotator(args.annotator.as_deref(), &args.path);
        let mode = if args.model { super::layer::Mode::Model } else { super::layer::Mode::Combined };
        return super::layer::suggest(&args.path, &targets, corpus.as_ref(), (mode, min, &annotator));
    }
    let (dict, source) = match &args.gazetteer {
        Some(file) => {
            let (gazetteer, warnings) = read_gazetteer(file)?;
            for w in warnings {
                eprintln!("hashiya: warning: {w}");
            }
            eprintln!("{}: {} names", file.display(), gazetteer.len());
            (Dictionary::from_gazetteer(gazetteer), SuggestionSource::Gazetteer)
        }
        None => {
            let Some(corpus) = &corpus else {
                bail!(
                    "{}: --from-corpus needs a corpus folder (one with hashiya-corpus.ron)",
                    args.path.display()
                )
            };
            let progress = Progress::new("read", corpus.docs().len());
            let dict = corpus_dictionary(corpus.docs(), |done, _| progress.set(done))?;
            progress.finish("");
            for line in &dict.journal {
                eprintln!("hashiya: note: {line}");
            }
            if dict.gazetteer.is_empty() {
                eprintln!(
                    "hashiya: no entities in the corpus yet: tag some names (or mark documents done) first"
                );
                return Ok(ExitCode::SUCCESS);
            }
            let forms = dict.gazetteer.len();
            eprintln!("{forms} tagged forms from {} annotated documents", dict.documents);
            (dict, SuggestionSource::Corpus)
        }
    };
    let labels = match &corpus {
        Some(c) => c.labels().clone(),
        None => own_labels(&targets)?,
    };
    let annotator = super::annotator(args.annotator.as_deref(), &args.path);
    let progress = Progress::new("suggested in", targets.len());
    let summary =
        suggest_documents(&targets, &dict, (source, min), (&labels, &annotator), |d, _| progress.set(d));
    progress.finish("");
    report(&summary, "suggestions");
    Ok(if summary.failed.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// The documents to fill and the corpus they belong to (if any).
pub(super) fn targets(path: &Path) -> anyhow::Result<(Vec<DocEntry>, Option<Corpus>)> {
    if path.is_dir() {
        let corpus = Corpus::open(path)?;
        for p in corpus.problems() {
            eprintln!("hashiya: warning: {p}");
        }
        return Ok((corpus.docs().to_vec(), Some(corpus)));
    }
    let corpus = find_root(path).map(|root| Corpus::open(&root)).transpose()?;
    // Named by its path from the corpus's root, as exports and model answers name it.
    let listed = corpus.as_ref().and_then(|c| Some(c.docs()[c.position(path)?].clone()));
    let rel = || PathBuf::from(path.file_name().unwrap_or(path.as_os_str()));
    let entry = listed.unwrap_or_else(|| DocEntry { path: path.to_path_buf(), rel: rel() });
    Ok((vec![entry], corpus))
}

/// The label set of a lone article (as the window would open it; read only).
fn own_labels(targets: &[DocEntry]) -> anyhow::Result<LabelSet> {
    let Some(first) = targets.first() else { return Ok(LabelSet::default()) };
    let reading = Article::open_to_read(&first.path)?;
    Ok(reading.article.ann().labels().clone())
}

/// Prints what filling the layers did: failures, labels the corpus lacks, and
/// "N {what} in M documents".
pub(super) fn report(s: &SuggestSummary, what: &str) {
    for (path, why) in &s.failed {
        eprintln!("hashiya: error: {}: {why}", path.display());
    }
    for line in &s.journal {
        eprintln!("hashiya: note: {line}");
    }
    if !s.unknown_labels.is_empty() {
        let names: Vec<&str> = s.unknown_labels.iter().map(String::as_str).collect();
        eprintln!(
            "hashiya: warning: labels the corpus does not have were not suggested: {}",
            names.join(", ")
        );
    }
    let mut line = format!("{} {what} in {} documents", s.suggestions, s.documents);
    if s.done > 0 {
        line.push_str(&format!("; {} documents marked done left alone", s.done));
    }
    eprintln!("{line}");
}
