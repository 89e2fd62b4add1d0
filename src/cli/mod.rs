//! The command line: `hashiya [FILE]` opens the window; subcommands work headlessly.

mod check;
mod exchange;
mod render;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::formats::exchange::Format;

/// Command-line arguments.
#[derive(Debug, Parser)]
#[command(name = "hashiya", version, about = "Reader and named-entity annotator for Arabic news articles")]
pub struct Cli {
    /// Article to open in the window (the bundled sample when omitted).
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
    /// Check an article or annotation file; exits non-zero on any problem.
    Validate {
        /// Article (`.txt`) or annotation file (`.hashiya.ron`).
        file: PathBuf,
    },
    /// Print entity counts per label.
    Stats {
        /// Article or annotation file.
        file: PathBuf,
    },
    /// Export an article's annotations.
    Export(ExportArgs),
    /// Import annotated documents as articles plus annotation files.
    Import(ImportArgs),
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
    /// The article whose annotation file is exported.
    pub article: PathBuf,
    /// Output format.
    #[arg(long, value_enum)]
    pub format: FormatArg,
    /// Output file (for brat: the `.ann`, with the `.txt` written beside it); stdout if absent.
    #[arg(short, long)]
    pub out: Option<PathBuf>,
}

/// Arguments of `hashiya import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// Input format.
    #[arg(long, value_enum)]
    pub format: FormatArg,
    /// Input file (for brat: the `.ann`).
    pub input: PathBuf,
    /// Output folder for `<name>.txt` and `<name>.txt.hashiya.ron` (current folder if absent).
    #[arg(short, long)]
    pub out: Option<PathBuf>,
}

/// Runs a headless subcommand, printing errors to stderr.
pub fn run(command: Command) -> ExitCode {
    let result = match command {
        Command::Render(args) => render::run(&args),
        Command::Validate { file } => check::validate(&file),
        Command::Stats { file } => check::stats(&file),
        Command::Export(args) => exchange::export(&args),
        Command::Import(args) => exchange::import(&args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("hashiya: {err:#}");
            ExitCode::FAILURE
        }
    }
}
