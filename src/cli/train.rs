//! `hashiya train DIR [--eval]`: trains the corpus's suggestion model on its done documents,
//! with the starter model and the corpora the corpus also learns from as prior knowledge, and
//! saves it as `hashiya-model.bin` in the folder; with `--eval`, first prints every source's
//! held-out scores, the combined layer's and its reliability table ([`super::evaluate`]).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context as _;

use crate::corpus::Clitics;
use crate::learn::build::train_for;
use crate::learn::corpus::CorpusDoc;
use crate::learn::mapping::{Origin, read_map_file, relabel};
use crate::learn::setup::{ConventionOrigin, Setup};
use crate::learn::{Options, file};

/// Arguments of `hashiya train`.
#[derive(Debug, clap::Args)]
pub struct TrainArgs {
    /// The corpus folder.
    pub dir: PathBuf,
    /// Print held-out scores first: train on the first part of the done documents, score every
    /// suggestion source and the combined layer on the rest (exact spans), with priors on and
    /// off, the reliability of the confidences and the learning curve.
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
    /// Train without the starter model as prior knowledge (the corpus file can switch it off
    /// for good: `starter: false`).
    #[arg(long)]
    pub no_starter: bool,
    /// Train without any prior knowledge: neither the starter nor the other corpora.
    #[arg(long)]
    pub no_priors: bool,
    /// Rename the labels of the training documents first: `FROM<TAB>TO` lines (`TO` empty:
    /// left out). `scripts/starter.sh` folds NewsFANE's fine types this way.
    #[arg(long)]
    pub map_file: Option<PathBuf>,
    /// Save the model here instead of `DIR/hashiya-model.bin`.
    #[arg(long, short)]
    pub out: Option<PathBuf>,
    /// A description stored in the model file (its origin, its licence).
    #[arg(long)]
    pub description: Option<String>,
}

impl TrainArgs {
    fn options(&self) -> Options {
        Options {
            epochs: self.epochs,
            min_count: self.min_count,
            clusters: !self.no_clusters,
            dictionary: !self.no_dictionary,
            ..Options::default()
        }
    }
}

/// Runs `hashiya train`.
pub fn run(args: &TrainArgs) -> anyhow::Result<ExitCode> {
    let (mut setup, docs) = Setup::read(&args.dir).with_context(|| format!("{}", args.dir.display()))?;
    for w in &setup.warnings {
        eprintln!("hashiya: warning: {w}");
    }
    note_journals(&docs);
    if let Some(map) = &args.map_file {
        setup.train_docs = relabel(&setup.train_docs, &read_map_file(map)?);
    }
    if setup.train_docs.iter().all(|d| d.entities.is_empty()) {
        outln!(
            "nothing to learn yet: no document marked done has entities ({} documents). Annotate a few \
             and mark them done (Ctrl+Enter, or `hashiya mark FILE --status done`).{}",
            docs.len(),
            if setup.starter.is_some() { " Until then the starter model suggests." } else { "" }
        );
        return Ok(ExitCode::SUCCESS);
    }
    if args.no_starter || args.no_priors {
        setup.starter = None;
    }
    if args.no_priors {
        setup.priors.clear();
    }
    describe(&setup);
    let opts = args.options();
    if args.eval {
        super::evaluate::evaluate(&setup, args.fraction, &opts);
    }
    let t = Instant::now();
    let mut model = train_for(&setup, &opts, None);
    let secs = t.elapsed().as_secs_f64();
    model.description = args.description.clone().unwrap_or_default();
    let path = args.out.clone().unwrap_or_else(|| file::path_in(&args.dir));
    file::save(&model, &path)?;
    let size = std::fs::metadata(&path).map_or(0, |m| m.len());
    outln!(
        "trained on {} documents, {} tokens, {} labels in {secs:.2} s (calibration measured by \
         cross-validation: {}); {} ({:.1} MB)",
        model.info.docs,
        model.info.tokens,
        model.labels.len(),
        model
            .calibration
            .as_ref()
            .map_or("too few proposals".to_string(), |c| format!("{} steps", c.points.len())),
        path.display(),
        size as f64 / 1e6
    );
    Ok(if setup.warnings.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// Prints what the model learns with: the clitic convention, the starter's mapping, the other
/// corpora.
fn describe(setup: &Setup) {
    let (c, origin) = setup.clitics;
    let why = match origin {
        ConventionOrigin::Setting => "set in the corpus file",
        ConventionOrigin::Documents => "seen in the annotated documents",
        ConventionOrigin::Default => "the default: nothing in the corpus says otherwise",
    };
    let what = match c {
        Clitics::Include => "names include an attached و ف ب ك ل",
        Clitics::Exclude => "names start after an attached و ف ب ك ل",
    };
    outln!("clitics: {} ({what}; {why})", c.name());
    if setup.starter.is_some() {
        let parts: Vec<String> = setup
            .starter_map
            .entries
            .iter()
            .map(|e| {
                let to = e.target.as_deref().unwrap_or("—");
                let mark = match e.origin {
                    Origin::Rule => "",
                    Origin::Documents => " (from the done documents)",
                    Origin::User => " (set)",
                };
                format!("{}→{to}{mark}", e.source)
            })
            .collect();
        outln!("starter model: {}", parts.join(", "));
    }
    for p in &setup.priors {
        outln!(
            "also learning from {}: {} documents, {} tokens",
            p.path.display(),
            p.model.info.docs,
            p.model.info.tokens
        );
    }
}

/// Says once per document what its journal added to what was read (or why it was not
/// applied).
pub(super) fn note_journals(docs: &[CorpusDoc]) {
    for line in docs.iter().filter_map(|d| d.journal.as_ref()) {
        eprintln!("hashiya: note: {line}");
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
    outln!("{} words in clusters in {:.2} s → {}", c.len(), t.elapsed().as_secs_f64(), args.out.display());
    Ok(ExitCode::SUCCESS)
}
