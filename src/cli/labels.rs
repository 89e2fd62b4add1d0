//! `hashiya labels DIR [--map STARTER=LABEL] [--starter on|off] [--learn-from DIR] [--forget
//! DIR] [--prior-map DIR:THEIRS=OURS] [--clitics include|exclude|auto] [--gazetteer FILE|none]`:
//! prints what the corpus's suggestions learn from ([`crate::learn::overview`]) after making
//! the changes asked for ([`crate::learn::edit`]: all checked first; any bad one changes
//! nothing), written atomically into the corpus file.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::ValueEnum;

use crate::corpus::{CORPUS_FILE, Clitics, Settings};
use crate::learn::edit::{self, LearnEdit, Target};
use crate::learn::mapping::{Mapping, Origin};
use crate::learn::overview::Overview;
use crate::learn::setup::ConventionOrigin;

/// On or off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OnOff {
    /// Used.
    On,
    /// Not used.
    Off,
}

/// The clitic convention, or learned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CliticsChoice {
    /// «وإيران» is tagged whole.
    Include,
    /// «إيران» is tagged without the attached conjunction or preposition.
    Exclude,
    /// As the corpus's annotated documents show (include when they show nothing).
    Auto,
}

/// Arguments of `hashiya labels`.
#[derive(Debug, clap::Args)]
pub struct LabelsArgs {
    /// The corpus folder.
    pub dir: PathBuf,
    /// Map a starter type onto a corpus label (`GPE=PLACE`); `NORP=` never suggests the type;
    /// `GPE=auto` removes your choice, so that the done documents or the name rule apply again.
    #[arg(long = "map", value_name = "STARTER=LABEL", value_parser = parse_map)]
    pub maps: Vec<(String, Target)>,
    /// Use the starter model (as a source and as prior knowledge) or not.
    #[arg(long, value_enum)]
    pub starter: Option<OnOff>,
    /// Learn from another annotated corpus folder too (its done documents, labels mapped by
    /// name unless --prior-map says otherwise).
    #[arg(long = "learn-from", value_name = "DIR")]
    pub learn_from: Vec<PathBuf>,
    /// Stop learning from a corpus folder.
    #[arg(long, value_name = "DIR")]
    pub forget: Vec<PathBuf>,
    /// Map a label of a corpus learned from onto this corpus's (`../lab:PERSON=PER`; empty:
    /// left out; `auto`: by name).
    #[arg(long = "prior-map", value_name = "DIR:THEIRS=OURS", value_parser = parse_prior_map)]
    pub prior_maps: Vec<(PathBuf, String, Target)>,
    /// Whether entities cover an attached و ف ب ك ل (include), start after it (exclude), or
    /// as the annotated documents show (auto).
    #[arg(long, value_enum)]
    pub clitics: Option<CliticsChoice>,
    /// A gazetteer file taken into the combined layer (`none`: no gazetteer).
    #[arg(long, value_name = "FILE|none")]
    pub gazetteer: Option<PathBuf>,
}

fn parse_map(s: &str) -> Result<(String, Target), String> {
    let (from, to) = s.split_once('=').ok_or_else(|| format!("{s:?} is not STARTER=LABEL"))?;
    let from = from.trim();
    if from.is_empty() {
        return Err(format!("{s:?}: the starter type is empty"));
    }
    Ok((from.to_string(), Target::parse(to)))
}

fn parse_prior_map(s: &str) -> Result<(PathBuf, String, Target), String> {
    let bad = || format!("{s:?} is not DIR:THEIRS=OURS");
    let (left, ours) = s.rsplit_once('=').ok_or_else(bad)?;
    let (dir, theirs) = left.rsplit_once(':').ok_or_else(bad)?;
    if dir.trim().is_empty() || theirs.trim().is_empty() {
        return Err(bad());
    }
    Ok((PathBuf::from(dir), theirs.trim().to_string(), Target::parse(ours)))
}

impl LabelsArgs {
    /// The changes asked for, in the order they are made.
    fn edits(&self) -> Vec<LearnEdit> {
        let mut out: Vec<LearnEdit> = self.learn_from.iter().cloned().map(LearnEdit::LearnFrom).collect();
        out.extend(self.forget.iter().cloned().map(LearnEdit::Forget));
        out.extend(
            self.prior_maps.iter().map(|(d, t, o)| LearnEdit::PriorMap(d.clone(), t.clone(), o.clone())),
        );
        out.extend(self.maps.iter().map(|(s, t)| LearnEdit::Map(s.clone(), t.clone())));
        if let Some(on) = self.starter {
            out.push(LearnEdit::Starter(on == OnOff::On));
        }
        if let Some(c) = self.clitics {
            out.push(LearnEdit::Clitics(match c {
                CliticsChoice::Include => Some(Clitics::Include),
                CliticsChoice::Exclude => Some(Clitics::Exclude),
                CliticsChoice::Auto => None,
            }));
        }
        if let Some(g) = &self.gazetteer {
            out.push(LearnEdit::Gazetteer((g != Path::new("none")).then(|| g.clone())));
        }
        out
    }
}

/// Runs `hashiya labels`.
pub fn run(args: &LabelsArgs) -> anyhow::Result<ExitCode> {
    let file = args.dir.join(CORPUS_FILE);
    if !file.is_file() {
        anyhow::bail!(
            "{}: not a corpus (it has no {CORPUS_FILE}): make it one with `hashiya init {} --labels PER,ORG,LOC`",
            args.dir.display(),
            args.dir.display()
        );
    }
    let mut settings = Settings::read(&file)?;
    let edits = args.edits();
    if !edits.is_empty() {
        match edit::apply(&mut settings, &args.dir, &edits) {
            Err(e) => {
                eprintln!("hashiya: error: {e}");
                eprintln!("hashiya: nothing changed");
                return Ok(ExitCode::FAILURE);
            }
            Ok(changes) if changes.is_empty() => outln!("{}: nothing to change", file.display()),
            Ok(changes) => {
                settings.write(&file)?;
                outln!("{}:", file.display());
                changes.iter().for_each(|c| outln!("  ~ {c}"));
            }
        }
    }
    let overview = Overview::read(&args.dir)?;
    overview.warnings.iter().for_each(|w| eprintln!("hashiya: warning: {w}"));
    for line in describe(&overview) {
        outln!("{line}");
    }
    Ok(ExitCode::SUCCESS)
}

/// Where a mapping entry comes from, in words.
fn origin(o: Origin) -> &'static str {
    match o {
        Origin::Rule => "name rule",
        Origin::Documents => "done documents",
        Origin::User => "set by you",
    }
}

/// A mapping, one entry a line, indented by `indent`.
fn mapping_lines(m: &Mapping, indent: &str) -> Vec<String> {
    let width = m.entries.iter().map(|e| e.source.chars().count()).max().unwrap_or(0);
    let target = |t: &Option<String>| t.clone().unwrap_or_else(|| "not suggested".to_string());
    let twidth = m.entries.iter().map(|e| target(&e.target).chars().count()).max().unwrap_or(0);
    m.entries
        .iter()
        .map(|e| format!("{indent}{:width$} → {:twidth$}  {}", e.source, target(&e.target), origin(e.origin)))
        .collect()
}

/// The overview in lines.
fn describe(o: &Overview) -> Vec<String> {
    let mut out = vec![
        format!("corpus: {}", o.root.display()),
        format!("labels: {}", o.labels.join(", ")),
        format!("documents done: {}", o.done),
        format!("starter model: {}", if o.settings.starter { "on" } else { "off (its mapping is kept)" }),
    ];
    out.extend(mapping_lines(&o.starter_map, "  "));
    let (c, from) = o.clitics;
    let from = match from {
        ConventionOrigin::Setting => "set in the corpus file",
        ConventionOrigin::Documents => "as the annotated documents show",
        ConventionOrigin::Default => "default: nothing says otherwise",
    };
    out.push(format!("clitics: {} ({from})", c.name()));
    if o.priors.is_empty() {
        out.push("also learns from: no other corpus".to_string());
    } else {
        out.push("also learns from:".to_string());
    }
    for p in &o.priors {
        match &p.mapping {
            Ok(m) => {
                out.push(format!("  {}", p.prior.path.display()));
                out.extend(mapping_lines(m, "    "));
            }
            Err(why) => out.push(format!("  {}: cannot be read: {why}", p.prior.path.display())),
        }
    }
    let gazetteer = o.settings.gazetteer.as_ref().map_or("none".to_string(), |g| g.display().to_string());
    out.push(format!("gazetteer: {gazetteer}"));
    out
}
