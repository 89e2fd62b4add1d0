//! `hashiya train DIR [--eval]`: trains the corpus's suggestion model on its done documents
//! and saves it as `hashiya-model.bin` in the folder; with `--eval`, first prints held-out
//! exact-span scores per label (a document split) and the learning curve.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context as _;

use crate::corpus::{Corpus, DocEntry};
use crate::learn::corpus::{CorpusDoc, Freshness, ensure_model, read_corpus, training_set};
use crate::learn::eval::{Scores, score, split_docs};
use crate::learn::{DEFAULT_THRESHOLD, Options, TrainDoc, file, train};

/// Arguments of `hashiya train`.
#[derive(Debug, clap::Args)]
pub struct TrainArgs {
    /// The corpus folder.
    pub dir: PathBuf,
    /// Print held-out scores first: train on the first part of the done documents, score the
    /// rest (exact spans), per label, and the learning curve.
    #[arg(long)]
    pub eval: bool,
    /// Share of the done documents trained on in `--eval` (a single document is split by
    /// lines).
    #[arg(long, default_value_t = 0.6)]
    pub fraction: f64,
    /// Passes over the training data.
    #[arg(long, default_value_t = Options::default().epochs)]
    pub epochs: usize,
    /// Features seen fewer times in training are dropped.
    #[arg(long, default_value_t = Options::default().min_count)]
    pub min_count: u32,
    /// Train without the word clusters (for comparisons).
    #[arg(long)]
    pub no_clusters: bool,
    /// Train without the dictionary of tagged names (for comparisons).
    #[arg(long)]
    pub no_dictionary: bool,
}

/// Runs `hashiya train`.
pub fn run(args: &TrainArgs) -> anyhow::Result<ExitCode> {
    let (docs, problems) = read_corpus(&args.dir).with_context(|| format!("{}", args.dir.display()))?;
    for p in &problems {
        eprintln!("{p}");
    }
    note_journals(&docs);
    let train_docs = training_set(&docs);
    if train_docs.iter().all(|d| d.entities.is_empty()) {
        println!(
            "nothing to learn yet: no document marked done has entities ({} documents). Annotate a few \
             and mark them done (Ctrl+Enter, or `hashiya mark FILE --status done`).",
            docs.len()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let opts = Options {
        epochs: args.epochs,
        min_count: args.min_count,
        clusters: !args.no_clusters,
        dictionary: !args.no_dictionary,
    };
    if args.eval {
        evaluate(&train_docs, args.fraction, &opts);
    }
    let t = Instant::now();
    let model = train(&train_docs, &opts);
    let secs = t.elapsed().as_secs_f64();
    let path = file::path_in(&args.dir);
    file::save(&model, &path)?;
    let size = std::fs::metadata(&path).map_or(0, |m| m.len());
    println!(
        "trained on {} documents, {} tokens, {} labels in {secs:.2} s; {} ({:.1} MB)",
        model.info.docs,
        model.info.tokens,
        model.labels.len(),
        path.display(),
        size as f64 / 1e6
    );
    Ok(if problems.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

fn print_scores(s: &Scores) {
    println!("  {:<28} {:>6} {:>6} {:>6} {:>6}", "label", "P", "R", "F1", "gold");
    for (label, c) in &s.labels {
        println!(
            "  {label:<28} {:>6.3} {:>6.3} {:>6.3} {:>6}",
            c.precision(),
            c.recall(),
            c.f1(),
            c.tp + c.fn_
        );
    }
    let c = s.total;
    println!(
        "  {:<28} {:>6.3} {:>6.3} {:>6.3} {:>6}",
        "all",
        c.precision(),
        c.recall(),
        c.f1(),
        c.tp + c.fn_
    );
}

fn evaluate(docs: &[TrainDoc], fraction: f64, opts: &Options) {
    let (tr, te) = split_docs(docs, fraction);
    let tokens: usize = tr.iter().map(|d| d.text.split_whitespace().count()).sum();
    let t = Instant::now();
    let model = train(&tr, opts);
    let secs = t.elapsed().as_secs_f64();
    println!(
        "held out: trained on {} documents ({} tokens, {} words) in {secs:.2} s, scored on {} documents",
        tr.len(),
        model.info.tokens,
        tokens,
        te.len()
    );
    let t = Instant::now();
    let all = score(&model, &te, 0.0);
    let per_doc = t.elapsed().as_secs_f64() / te.len().max(1) as f64;
    let kept = score(&model, &te, DEFAULT_THRESHOLD);
    println!("at the default confidence threshold {DEFAULT_THRESHOLD}:");
    print_scores(&kept);
    let c = all.total;
    println!(
        "every prediction (threshold 0): P {:.3} R {:.3} F1 {:.3}; suggesting took {:.1} ms per document",
        c.precision(),
        c.recall(),
        c.f1(),
        per_doc * 1e3
    );
    for th in [0.5, 0.6, 0.7, 0.8, 0.9, 0.95] {
        let c = score(&model, &te, th).total;
        println!("  threshold {th:.2}: P {:.3} R {:.3} F1 {:.3}", c.precision(), c.recall(), c.f1());
    }
    if tr.len() > 1 {
        println!("learning curve (F1 at threshold 0 / at {DEFAULT_THRESHOLD}):");
        for n in [5, 10, 20, 40].into_iter().filter(|&n| n <= tr.len()) {
            let m = train(&tr[..n], opts);
            let (a, b) = (score(&m, &te, 0.0).total, score(&m, &te, DEFAULT_THRESHOLD).total);
            println!("  {n:>3} documents: F1 {:.3} / {:.3} (P {:.3})", a.f1(), b.f1(), b.precision());
        }
    }
}

/// Arguments of `hashiya clusters`.
#[derive(Debug, clap::Args)]
pub struct ClustersArgs {
    /// Unlabelled text files (UTF-8 or any encoding an article may have).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Output file (`BITS<TAB>WORD` lines).
    #[arg(short, long)]
    pub out: PathBuf,
}

/// Runs `hashiya clusters`: learns word clusters from unlabelled text (see
/// [`crate::learn::clusters`]).
pub fn clusters(args: &ClustersArgs) -> anyhow::Result<ExitCode> {
    let mut texts = Vec::new();
    for f in &args.files {
        texts.push(crate::formats::decode::read_article(f)?.text);
    }
    let t = Instant::now();
    let c = crate::learn::Clusters::learn(texts.iter().map(String::as_str));
    std::fs::write(&args.out, c.to_tsv()).with_context(|| format!("{}", args.out.display()))?;
    println!("{} words in clusters in {:.2} s → {}", c.len(), t.elapsed().as_secs_f64(), args.out.display());
    Ok(ExitCode::SUCCESS)
}

/// Says once per document what its journal added to what was read (or why it was not
/// applied).
fn note_journals(docs: &[CorpusDoc]) {
    for line in docs.iter().filter_map(|d| d.journal.as_ref()) {
        eprintln!("hashiya: note: {line}");
    }
}

/// `hashiya suggest DIR --model`: the corpus's model (loaded, or trained first when missing,
/// stale or unreadable, with a notice) fills the suggestions layer of `targets` not done.
pub fn suggest(
    path: &Path,
    targets: &[DocEntry],
    corpus: Option<&Corpus>,
    (min, annotator): (u16, &str),
) -> anyhow::Result<ExitCode> {
    let Some(corpus) = corpus else {
        anyhow::bail!("{}: --model needs a corpus folder (one with hashiya-corpus.ron)", path.display())
    };
    let (docs, problems) = read_corpus(corpus.root())?;
    for p in &problems {
        eprintln!("hashiya: warning: {p}");
    }
    note_journals(&docs);
    let train_docs = training_set(&docs);
    let Some((model, fresh)) = ensure_model(corpus.root(), &train_docs, &Options::default())? else {
        eprintln!(
            "hashiya: nothing to learn yet: no document marked done has entities. Annotate a few and mark \
             them done (Ctrl+Enter, or `hashiya mark FILE --status done`), then run this again."
        );
        return Ok(ExitCode::SUCCESS);
    };
    let file = file::path_in(corpus.root());
    match fresh {
        Freshness::Loaded => {}
        Freshness::Trained => eprintln!("trained a model: {}", file.display()),
        Freshness::Stale => eprintln!("the model was stale (documents or labels changed): retrained"),
        Freshness::Unreadable(why) => eprintln!("hashiya: warning: {why}; retrained the model"),
    }
    eprintln!(
        "model: {} documents, {} tokens, {} labels",
        model.info.docs,
        model.info.tokens,
        model.labels.len()
    );
    let summary = crate::learn::suggest::suggest_documents(
        targets,
        &model,
        min,
        (corpus.labels(), annotator),
        |_, _| {},
    );
    super::suggest::report(&summary, "model suggestions");
    Ok(if summary.failed.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}
