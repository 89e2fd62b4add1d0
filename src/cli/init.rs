//! `hashiya init DIR [--labels PER,ORG,LOC] [--rename OLD=NEW] [--clitics include|exclude]
//! [--force]`: makes a folder a corpus, or says what would change in an existing one and
//! changes it only with `--force` ([`crate::corpus::init`]).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::ValueEnum;

use crate::corpus::init::{self, Change, InitRequest, Plan};
use crate::corpus::{Clitics, find_root};

/// A label list as given on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelList(pub Vec<String>);

fn parse_labels(s: &str) -> Result<LabelList, String> {
    init::parse_label_list(s).map(LabelList)
}

/// The clitic convention as the command line names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CliticsArg {
    /// «وإيران» is tagged whole.
    Include,
    /// «إيران» is tagged without the attached conjunction or preposition.
    Exclude,
}

impl From<CliticsArg> for Clitics {
    fn from(arg: CliticsArg) -> Self {
        match arg {
            CliticsArg::Include => Clitics::Include,
            CliticsArg::Exclude => Clitics::Exclude,
        }
    }
}

/// Arguments of `hashiya init`.
#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// The folder (made if it does not exist).
    pub dir: PathBuf,
    /// The labels in order, comma-separated: colours from the default palette in order, keys
    /// 1–9. Without it a new corpus gets the default set and an existing one keeps its own.
    #[arg(long, value_parser = parse_labels)]
    pub labels: Option<LabelList>,
    /// Rename a label (its entities keep it): the new name must be in --labels when given.
    #[arg(long = "rename", value_name = "OLD=NEW", value_parser = init::parse_rename)]
    pub renames: Vec<(String, String)>,
    /// Whether entities cover an attached و ف ب ك ل (include) or start after it (exclude).
    #[arg(long, value_enum)]
    pub clitics: Option<CliticsArg>,
    /// Change an existing corpus (without it: say what would change, change nothing, exit 1).
    #[arg(long)]
    pub force: bool,
}

/// Runs `hashiya init`.
pub fn run(args: &InitArgs) -> anyhow::Result<ExitCode> {
    let req = InitRequest {
        labels: args.labels.as_ref().map(|l| l.0.clone()),
        renames: args.renames.clone(),
        clitics: args.clitics.map(Clitics::from),
    };
    let plan = init::plan(&args.dir, &req)?;
    let file = args.dir.join(crate::corpus::CORPUS_FILE);
    if plan.is_noop() {
        outln!("{}: already a corpus with these settings; nothing to change", file.display());
        return Ok(ExitCode::SUCCESS);
    }
    for line in describe(&plan) {
        outln!("{line}");
    }
    if !plan.blockers.is_empty() {
        for b in &plan.blockers {
            eprintln!("hashiya: error: {b}");
        }
        eprintln!("hashiya: nothing changed");
        return Ok(ExitCode::FAILURE);
    }
    if plan.needs_force() && !args.force {
        eprintln!("nothing changed: run again with --force to apply");
        return Ok(ExitCode::FAILURE);
    }
    if plan.before.is_none() {
        warn_nested(&args.dir);
    }
    let applied = init::apply(&plan, &annotator(&plan))?;
    for (path, why) in &applied.failed {
        eprintln!("hashiya: error: {}: {why}", path.display());
    }
    let what = if plan.before.is_some() { "changed" } else { "written" };
    eprintln!("{} {what}; {} annotation files rewritten", file.display(), applied.rewritten);
    Ok(if applied.failed.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// The annotator written into rewritten annotation files (the corpus's, as planned).
fn annotator(plan: &Plan) -> String {
    let corpus = crate::corpus::Corpus::open(&plan.root).ok();
    corpus.map_or_else(|| crate::corpus::annotator_for(&plan.root), |c| c.annotator())
}

/// Says when the new corpus sits inside another one (whose documents these were).
fn warn_nested(dir: &Path) {
    let outer = std::fs::canonicalize(dir).ok().and_then(|d| d.parent().and_then(find_root));
    if let Some(outer) = outer {
        eprintln!(
            "hashiya: warning: {} is inside the corpus {}: its documents now follow the new corpus file",
            dir.display(),
            outer.display()
        );
    }
}

/// The plan in lines: the new corpus's labels, or each change with how the documents are
/// touched, and the annotation files to rewrite.
fn describe(plan: &Plan) -> Vec<String> {
    let file = plan.root.join(crate::corpus::CORPUS_FILE);
    let mut out = Vec::new();
    if plan.before.is_none() {
        let made = if plan.create_folder { "new folder, " } else { "" };
        out.push(format!("{} ({made}new corpus file):", file.display()));
        for l in plan.after.labels.iter() {
            let key = l.hotkey.map_or_else(|| "no key".to_string(), |k| format!("key {k}"));
            out.push(format!("  label {:?} (colour {}, {key})", l.name, l.color.to_hex()));
        }
        if let Some(c) = plan.after.learning.clitics {
            out.push(format!("  clitics: {}", c.name()));
        }
    } else if !plan.changes.is_empty() {
        out.push(format!("{}:", file.display()));
        out.extend(plan.changes.iter().map(|c| format!("  {}", with_usage(plan, c))));
    }
    if !plan.rewrite.is_empty() {
        let names: Vec<String> = plan.rewrite.iter().take(5).map(|d| d.name()).collect();
        let more = if plan.rewrite.len() > 5 { ", …" } else { "" };
        out.push(format!(
            "{} annotation files follow (renamed or removed labels): {}{more}",
            plan.rewrite.len(),
            names.join(", ")
        ));
    }
    out
}

/// A change, with what it does to the documents' entities and suggestions.
fn with_usage(plan: &Plan, change: &Change) -> String {
    let text = change.to_string();
    let (Change::Removed(name) | Change::Renamed(name, _)) = change else { return text };
    let Some(u) = plan.usage.get(name) else { return text };
    let mut parts = Vec::new();
    if u.entities > 0 {
        parts.push(format!("{} entities in {} documents keep it", u.entities, u.documents));
    }
    if u.suggestions > 0 {
        let fate = if matches!(change, Change::Removed(_)) { "go with it" } else { "keep it" };
        parts.push(format!("{} suggestions and rejections {fate}", u.suggestions));
    }
    if parts.is_empty() { text } else { format!("{text} ({})", parts.join("; ")) }
}
