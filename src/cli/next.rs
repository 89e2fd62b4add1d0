//! `hashiya next DIR [--order file|uncertain] [-n N]`: the documents of a corpus still to do
//! (neither done nor skipped, and readable), in file order or the suggestion layer's least
//! sure first ([`crate::learn::order`], the same order as the window's documents panel and
//! Ctrl+Enter), one per line on stdout: rank, score, status and path relative to the folder,
//! separated by tabs. What the order is made from goes to stderr.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::ValueEnum;

use super::layer::build_layer;
use crate::corpus::{Corpus, DocOrder, DocSummary, Health};
use crate::learn::order::{Scores, to_do, uncertainty};

/// Arguments of `hashiya next`.
#[derive(Debug, clap::Args)]
pub struct NextArgs {
    /// The corpus folder.
    pub dir: PathBuf,
    /// `file`: the folder's listing order; `uncertain`: the documents the suggestion layer is
    /// least sure about first (score: its expected wrong decisions per 100 words; the model is
    /// trained first if missing or stale, as `hashiya suggest` does). Default: the corpus
    /// file's `order` setting (the window's documents panel sets it).
    #[arg(long, value_enum)]
    pub order: Option<OrderArg>,
    /// Print only the first N documents.
    #[arg(short = 'n', long, value_name = "N")]
    pub limit: Option<usize>,
}

/// Document orders as the command line names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OrderArg {
    /// The folder's listing order.
    File,
    /// The suggestion layer's least sure first.
    Uncertain,
}

impl From<OrderArg> for DocOrder {
    fn from(arg: OrderArg) -> Self {
        match arg {
            OrderArg::File => DocOrder::File,
            OrderArg::Uncertain => DocOrder::Uncertain,
        }
    }
}

/// Runs `hashiya next`.
pub fn run(args: &NextArgs) -> anyhow::Result<ExitCode> {
    let corpus = Corpus::open(&args.dir)?;
    let order = args.order.map_or(corpus.settings().learning.order, DocOrder::from);
    let scan = corpus.scan(|_, _| {});
    for p in corpus.problems().iter().chain(&scan.problems) {
        eprintln!("hashiya: warning: {p}");
    }
    let scores = match order {
        DocOrder::File => Scores::new(),
        DocOrder::Uncertain => score(&corpus, &scan.docs)?,
    };
    let listed = to_do(&scan.docs, order, &scores);
    eprintln!(
        "{} of {} documents to do, {}",
        listed.len(),
        scan.docs.len(),
        match order {
            DocOrder::File => "in file order",
            DocOrder::Uncertain => "least sure first (expected wrong decisions per 100 words)",
        }
    );
    for (rank, &i) in listed.iter().take(args.limit.unwrap_or(usize::MAX)).enumerate() {
        let d = &scan.docs[i];
        let score = scores.get(&d.rel).map_or_else(|| "-".to_string(), |u| format!("{:.2}", u.score()));
        outln!("{}\t{score}\t{}\t{}", rank + 1, d.status, d.rel.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// Every document to do of `corpus` scored by its combined layer.
fn score(corpus: &Corpus, summaries: &[DocSummary]) -> anyhow::Result<Scores> {
    let (built, docs) = build_layer(corpus)?;
    if built.setup.starter.is_none() && built.model.is_none() && built.dictionary.is_none() {
        eprintln!(
            "hashiya: note: nothing to suggest from (the starter model is switched off and no document has \
             entities yet): every score is 0, so the order is the file order"
        );
    }
    let layer = built.layer();
    let wanted: HashSet<&Path> = summaries
        .iter()
        .filter(|d| !d.status.is_finished() && d.health != Health::Unreadable)
        .map(|d| d.rel.as_path())
        .collect();
    let rel_of: HashMap<&Path, &Path> =
        corpus.docs().iter().map(|e| (e.path.as_path(), e.rel.as_path())).collect();
    let mut scores = Scores::new();
    for d in &docs {
        let Some(&rel) = rel_of.get(d.path.as_path()) else { continue };
        if wanted.contains(rel) {
            scores.insert(rel.to_path_buf(), uncertainty(&layer, d.document.text()));
        }
    }
    Ok(scores)
}
