//! `hashiya suggest DIR` with no source option (the combined layer: starter, learned model
//! with priors, corpus dictionary, the corpus's gazetteer) and `hashiya suggest DIR --model`
//! (the learned model alone): the corpus's layer is built as the window builds it
//! ([`crate::learn::build`]) and fills the suggestions layer of the documents not done.

use std::path::Path;
use std::process::ExitCode;

use crate::corpus::suggest::Fill;
use crate::corpus::{Corpus, DocEntry};
use crate::learn::build::{CorpusLayer, corpus_gazetteer};
use crate::learn::corpus::{CorpusDoc, Freshness};
use crate::learn::setup::Setup;
use crate::learn::{file, suggest::suggest_documents};
use crate::model::SuggestionSource;

/// Which layer `hashiya suggest` fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Every source, combined.
    Combined,
    /// The learned model alone.
    Model,
}

pub(super) fn say_freshness(built: &CorpusLayer) {
    let Some((model, fresh)) = &built.model else { return };
    let file = file::path_in(&built.setup.root);
    match fresh {
        Freshness::Loaded => {}
        Freshness::Trained => eprintln!("trained a model: {}", file.display()),
        Freshness::Stale => eprintln!("the model was stale (documents, labels or priors changed): retrained"),
        Freshness::Unreadable(why) => eprintln!("hashiya: warning: {why}; retrained the model"),
    }
    eprintln!(
        "model: {} documents, {} tokens, {} labels",
        model.info.docs,
        model.info.tokens,
        model.labels.len()
    );
}

/// The combined layer of `corpus` as the command line builds it: its setup and documents read
/// (warnings and journal notes said on stderr), its gazetteer, its model loaded or trained
/// (and which, said); with the documents read.
pub fn build_layer(corpus: &Corpus) -> anyhow::Result<(CorpusLayer, Vec<CorpusDoc>)> {
    let (setup, docs) = Setup::read(corpus.root())?;
    setup.warnings.iter().for_each(|w| eprintln!("hashiya: warning: {w}"));
    super::train::note_journals(&docs);
    let (gazetteer, warnings) = corpus_gazetteer(corpus);
    warnings.iter().for_each(|w| eprintln!("hashiya: warning: {w}"));
    let built = CorpusLayer::build(setup, &docs, gazetteer)?;
    say_freshness(&built);
    Ok((built, docs))
}

/// Fills the documents `targets` of `corpus` with its layer (`mode`), keeping suggestions at
/// least `min` sure (per mille).
pub fn suggest(
    path: &Path,
    targets: &[DocEntry],
    corpus: Option<&Corpus>,
    (mode, min, annotator): (Mode, u16, &str),
) -> anyhow::Result<ExitCode> {
    let Some(corpus) = corpus else {
        let what = if mode == Mode::Model { "--model" } else { "suggesting from every source" };
        anyhow::bail!(
            "{}: {what} needs a corpus folder (make one with `hashiya init DIR --labels PER,ORG,LOC`), \
             or name a source: --gazetteer FILE",
            path.display()
        )
    };
    let (built, _) = build_layer(corpus)?;
    if mode == Mode::Model && built.model.is_none() {
        eprintln!(
            "hashiya: nothing to learn yet: no document marked done has entities. Annotate a few and mark \
             them done (Ctrl+Enter, or `hashiya mark FILE --status done`), then run this again."
        );
        return Ok(ExitCode::SUCCESS);
    }
    let (layer, fill, what) = match mode {
        Mode::Model => (built.model_layer(), Fill::Source(SuggestionSource::Model), "model suggestions"),
        Mode::Combined => (built.layer(), Fill::Combined, "suggestions"),
    };
    if mode == Mode::Combined {
        let mut sources = Vec::new();
        if built.setup.starter.is_some() {
            sources.push("starter model".to_string());
        }
        if built.model.is_some() {
            sources.push("learned model".to_string());
        }
        if let Some(d) = &built.dictionary {
            sources.push(format!("{} tagged forms", d.gazetteer.len()));
        }
        if let Some(g) = &built.gazetteer {
            sources.push(format!("gazetteer of {} names", g.gazetteer.len()));
        }
        if sources.is_empty() {
            eprintln!(
                "hashiya: nothing to suggest from: the starter model is switched off and no document has entities yet"
            );
            return Ok(ExitCode::SUCCESS);
        }
        eprintln!("sources: {}; clitics: {}", sources.join(", "), built.setup.clitics.0.name());
    }
    let summary = suggest_documents(targets, &layer, (fill, min), (corpus.labels(), annotator), |_, _| {});
    super::suggest::report(&summary, what);
    Ok(if summary.failed.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}
