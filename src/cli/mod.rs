//! The command line: `hashiya [FILE]` opens the window; subcommands work headlessly, on one
//! article or (`stats`, `validate`, `export`) on a folder as a corpus, through the same core
//! as the window ([`crate::editor`], [`crate::corpus`], [`crate::formats::exchange`]).

#[macro_use]
mod out;

mod agree;
mod check;
mod drive;
mod evaluate;
mod exchange;
mod external;
mod folder;
mod init;
mod labels;
mod layer;
mod merge;
mod next;
mod progress;
mod recover;
mod render;
mod suggest;
mod train;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::corpus::SplitSpec;
use crate::formats::exchange::Format;
use crate::formats::store::DocStatus;

/// `hashiya --help` and the man page hashiya(1): what the program does and where its files are.
const LONG_ABOUT: &str = "Reader and named-entity annotator for Arabic news articles.

Without a subcommand Hashiya opens FILE in its window. Annotations are saved beside each \
article as ARTICLE.hashiya.ron (the previous version as .bak; edits between saves in \
ARTICLE.hashiya.journal); a folder is a corpus, with its shared labels in hashiya-corpus.ron. \
The window's settings are in $XDG_DATA_HOME/hashiya/app.ron (~/.local/share/hashiya/app.ron). \
HASHIYA_ANNOTATOR names the annotator written into the files. The subcommands work without a \
window, on the same files.";

/// Command-line arguments.
#[derive(Debug, Parser)]
#[command(
    name = "hashiya",
    version = crate::about::LONG_VERSION,
    about = "Reader and named-entity annotator for Arabic news articles",
    long_about = LONG_ABOUT
)]
pub struct Cli {
    /// What to open in the window: an article, its annotation file (ARTICLE.hashiya.ron opens
    /// the article), a corpus folder or its hashiya-corpus.ron; the bundled sample when omitted.
    pub file: Option<PathBuf>,
    /// A headless subcommand instead of the window.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Headless subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Render the article view (with entity highlights) to a PNG.
    Render(RenderArgs),
    /// Check an article, an annotation file or every file of a folder; lists every problem
    /// and exits non-zero on any.
    Validate {
        /// Article (`.txt`), annotation file (`.hashiya.ron`) or corpus folder.
        path: PathBuf,
    },
    /// Print entity counts per label; for a folder also documents by status and per annotator.
    Stats {
        /// Article, annotation file or corpus folder.
        path: PathBuf,
    },
    /// Export an article's or a whole folder's annotations.
    Export(ExportArgs),
    /// Import annotated documents as articles plus annotation files (several documents make
    /// the folder a corpus with one label set).
    Import(ImportArgs),
    /// Make a folder a corpus with a label set (`--labels PER,ORG,LOC`), or say what would
    /// change in an existing one (changed only with `--force`).
    Init(init::InitArgs),
    /// Show and change what the corpus's suggestions learn from: the starter's types mapped
    /// onto the corpus's labels (and where each mapping comes from), the starter on or off,
    /// the clitic convention, other corpora learned from, the gazetteer.
    Labels(labels::LabelsArgs),
    /// Set documents' status, as the window does.
    Mark(MarkArgs),
    /// Fold the edit journals a crash left (edits not yet saved) into their annotation files,
    /// as opening the article in the window and saving it would.
    Recover(recover::RecoverArgs),
    /// Pre-annotate: fill the suggestions layer of the documents not marked done.
    Suggest(SuggestArgs),
    /// List the documents still to do, in file order or the suggestion layer's least sure
    /// first (`--order uncertain`), with their scores: which document to annotate next.
    Next(next::NextArgs),
    /// Inter-annotator agreement: exact and partial span P/R/F1, Cohen's and Fleiss' kappa,
    /// Krippendorff's alpha, label confusion.
    Agree {
        /// Each annotator's annotation file of one document, or each annotator's corpus folder.
        #[arg(required = true, num_args = 2..)]
        paths: Vec<PathBuf>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Three-way merge of annotation files (git merge driver: `hashiya merge %O %A %B -o %A --path %P`);
    /// exits 1 when conflicts were kept as suggestions, 2 when nothing was written.
    Merge {
        /// The common ancestor (an empty file: none).
        base: PathBuf,
        /// Our version.
        ours: PathBuf,
        /// Their version.
        theirs: PathBuf,
        /// Where the merged file is written.
        #[arg(short, long)]
        out: PathBuf,
        /// The file's path in the work tree (git's `%P`): when OURS is git's temporary copy,
        /// the edits of that file's journal (left unsaved by a crash) are merged too.
        #[arg(long)]
        path: Option<PathBuf>,
    },
    /// Crash tests only: applies a seeded stream of edits to an article forever, printing each
    /// applied edit's number and the annotations' digest (tests/it/kill_edits.rs).
    #[command(hide = true)]
    DriveEdits(DriveArgs),
    /// Train the corpus's suggestion model on its done documents (`--eval`: held-out scores).
    Train(train::TrainArgs),
    /// Learn word clusters from unlabelled text for the suggestion model's features (makes
    /// `data/clusters.tsv`; see `scripts/clusters.sh`).
    Clusters(train::ClustersArgs),
}

/// Arguments of the hidden `hashiya drive-edits`.
#[derive(Debug, clap::Args)]
pub struct DriveArgs {
    /// The article.
    pub file: std::path::PathBuf,
    /// Seed of the edit stream.
    #[arg(long)]
    pub seed: u64,
    /// Pause between edits, in microseconds.
    #[arg(long, default_value_t = 0)]
    pub pace_us: u64,
    /// Save after every this many edits (0: never).
    #[arg(long, default_value_t = 0)]
    pub save_every: u64,
}

/// Arguments of `hashiya suggest`.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("from").args(["gazetteer", "from_corpus", "model", "command"])))]
pub struct SuggestArgs {
    /// An article or a corpus folder.
    pub path: PathBuf,
    /// Names from a gazetteer file: `name<TAB>LABEL` or `name,LABEL` per line. With no source
    /// option, every source is combined into one layer: the starter model, the learned model
    /// (with its priors), the corpus's tagged forms and the corpus's gazetteer setting.
    #[arg(long)]
    pub gazetteer: Option<PathBuf>,
    /// Every form tagged in the corpus's annotated documents, with its most frequent label.
    #[arg(long)]
    pub from_corpus: bool,
    /// The corpus's learned model (`hashiya-model.bin`, trained on the done documents; trained
    /// first if missing, stale or unreadable).
    #[arg(long)]
    pub model: bool,
    /// Leave out suggestions less sure than this (0 to 1). With no source option, and with
    /// --model, confidences are measured precisions (of the suggestions shown at confidence c,
    /// about c are right): default 0.5. A corpus form's confidence (--from-corpus) is the share
    /// of its occurrences in annotated documents that are tagged, times its label's share; a
    /// gazetteer name's is its label's share: default 0.25. A command's is its own (1 when it
    /// gives none): default 0.
    #[arg(long)]
    pub min_confidence: Option<f32>,
    /// Your own model (`--command`, `--batch`, `--timeout`).
    #[command(flatten)]
    pub external: external::ExternalArgs,
    /// The annotator name written (default: $HASHIYA_ANNOTATOR, else the corpus's default
    /// annotator, else the OS user name).
    #[arg(long)]
    pub annotator: Option<String>,
}

/// Arguments of `hashiya render`.
#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// The article.
    pub file: PathBuf,
    /// Output PNG.
    #[arg(long)]
    pub out: PathBuf,
    /// Page width in pixels.
    #[arg(long, default_value_t = 900)]
    pub width: u32,
    /// Body font size in pixels.
    #[arg(long, default_value_t = 22.0)]
    pub font_size: f32,
    /// Reading font (the window's View > Reading font).
    #[arg(long, value_enum, default_value_t = FontArg::Naskh)]
    pub font: FontArg,
    /// Line height as a multiple of the font size (1.2 to 3).
    #[arg(long, default_value_t = crate::text::LINE_HEIGHT)]
    pub line_height: f32,
    /// Draw the text without tashkeel (the text and its offsets are unchanged).
    #[arg(long)]
    pub hide_tashkeel: bool,
}

/// Reading fonts as the command line names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FontArg {
    /// Noto Naskh Arabic (the default).
    Naskh,
    /// Amiri, a book Naskh.
    Amiri,
    /// Noto Sans Arabic, a sans for screens.
    Sans,
}

impl From<FontArg> for crate::text::ReadingFont {
    fn from(f: FontArg) -> Self {
        match f {
            FontArg::Naskh => Self::NotoNaskh,
            FontArg::Amiri => Self::Amiri,
            FontArg::Sans => Self::NotoSans,
        }
    }
}

/// Exchange formats as the command line names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// CoNLL IOB2: `token<TAB>tag`, blank line between sentences.
    Conll,
    /// brat standoff: `.txt` plus `.ann`.
    Brat,
    /// doccano JSONL: `{"text": ..., "label": [[start, end, "LABEL"], ...]}` per line.
    Jsonl,
}

impl From<FormatArg> for Format {
    fn from(arg: FormatArg) -> Self {
        match arg {
            FormatArg::Conll => Format::Conll,
            FormatArg::Brat => Format::Brat,
            FormatArg::Jsonl => Format::Jsonl,
        }
    }
}

/// Arguments of `hashiya export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The article whose annotation file is exported, or a corpus folder.
    pub article: PathBuf,
    /// Output format.
    #[arg(long, value_enum)]
    pub format: FormatArg,
    /// Output file (for brat: the `.ann`, with the `.txt` written beside it); stdout if absent.
    /// For a folder (required): one CoNLL or JSONL file, or a brat folder; with --split, a
    /// folder with one file or folder per split.
    #[arg(short, long)]
    pub out: Option<PathBuf>,
    /// Folders only: export only documents marked done (skipped ones are never exported).
    #[arg(long)]
    pub only_done: bool,
    /// Folders only: split by document, e.g. train=0.8,dev=0.1,test=0.1 (stable: a
    /// document's split depends only on its path and the seed).
    #[arg(long, value_parser = parse_split)]
    pub split: Option<SplitSpec>,
    /// Seed of the split.
    #[arg(long, default_value_t = 0, requires = "split")]
    pub seed: u64,
    /// Export suggestions too, as entities (where they overlap no entity).
    #[arg(long)]
    pub include_suggestions: bool,
}

fn parse_split(s: &str) -> Result<SplitSpec, String> {
    s.parse()
}

/// Document statuses as the command line names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    /// Not started.
    New,
    /// Started.
    InProgress,
    /// Finished.
    Done,
    /// Left out (never exported).
    Skipped,
}

impl From<StatusArg> for DocStatus {
    fn from(arg: StatusArg) -> Self {
        match arg {
            StatusArg::New => DocStatus::New,
            StatusArg::InProgress => DocStatus::InProgress,
            StatusArg::Done => DocStatus::Done,
            StatusArg::Skipped => DocStatus::Skipped,
        }
    }
}

/// Arguments of `hashiya mark`.
#[derive(Debug, clap::Args)]
pub struct MarkArgs {
    /// Articles (or their annotation files).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The status to set.
    #[arg(long, value_enum)]
    pub status: StatusArg,
    /// The annotator name written (default: $HASHIYA_ANNOTATOR, else the corpus's default
    /// annotator, else the OS user name).
    #[arg(long)]
    pub annotator: Option<String>,
}

/// Arguments of `hashiya import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// Input format.
    #[arg(long, value_enum, required_unless_present = "as_suggestions")]
    pub format: Option<FormatArg>,
    /// Input file (for brat: the `.ann`); with --as-suggestions, the corpus folder or article
    /// whose suggestions are filled (the current folder if absent).
    #[arg(required_unless_present = "as_suggestions")]
    pub input: Option<PathBuf>,
    /// Output folder for `<name>.txt` and `<name>.txt.hashiya.ron` (current folder if absent);
    /// with several documents it becomes a corpus (`hashiya-corpus.ron`, one label set).
    #[arg(short, long, conflicts_with = "as_suggestions")]
    pub out: Option<PathBuf>,
    /// Read span lines (`{"name", "spans": [[start, end, "LABEL", confidence?], ...]}` per
    /// document, as `suggest --command` reads them) from FILE (`-`: stdin) into the
    /// suggestions layer of the documents named; any bad line changes nothing.
    #[arg(long, value_name = "FILE", conflicts_with = "format")]
    pub as_suggestions: Option<PathBuf>,
    /// The annotator name written (default: $HASHIYA_ANNOTATOR, else the corpus's default
    /// annotator, else the OS user name).
    #[arg(long)]
    pub annotator: Option<String>,
}

/// The annotator name a command writes into the annotation file of the article (or folder) at
/// `path`: its `--annotator` option if given, else as the window's rule without its setting
/// ([`crate::corpus::annotator_for`]: `$HASHIYA_ANNOTATOR`, the corpus's default annotator, the
/// OS user name).
fn annotator(given: Option<&str>, path: &Path) -> String {
    match given.map(str::trim).filter(|g| !g.is_empty()) {
        Some(name) => name.to_string(),
        None => crate::corpus::annotator_for(path),
    }
}

/// Runs a headless subcommand, printing errors to stderr.
pub fn run(command: Command) -> ExitCode {
    let result = match command {
        Command::Render(args) => render::run(&args),
        Command::Validate { path } if path.is_dir() => folder::validate(&path),
        Command::Validate { path } => check::validate(&path),
        Command::Stats { path } if path.is_dir() => folder::stats(&path),
        Command::Stats { path } => check::stats(&path),
        Command::Export(args) if args.article.is_dir() => folder::export(&args),
        Command::Export(args) => exchange::export(&args),
        Command::Import(args) => match &args.as_suggestions {
            Some(file) => external::import(&args, file),
            None => exchange::import(&args),
        },
        Command::Init(args) => init::run(&args),
        Command::Labels(args) => labels::run(&args),
        Command::Mark(args) => folder::mark(&args),
        Command::Recover(args) => recover::run(&args),
        Command::Suggest(args) => suggest::run(&args),
        Command::Next(args) => next::run(&args),
        Command::Agree { paths, json } => agree::run(&paths, json),
        Command::Merge { base, ours, theirs, out, path } => {
            merge::run((&base, &ours, &theirs), &out, path.as_deref())
        }
        Command::DriveEdits(args) => drive::run(&args),
        Command::Train(args) => train::run(&args),
        Command::Clusters(args) => train::clusters(&args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("hashiya: {err:#}");
            ExitCode::FAILURE
        }
    }
}
