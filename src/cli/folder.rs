//! The corpus commands: `hashiya stats DIR`, `validate DIR`, `export DIR` and `mark FILE…`,
//! through [`crate::corpus`] (the core the documents panel uses). Results go to stdout,
//! progress and warnings to stderr; problems never stop the other documents.

use std::path::Path;
use std::process::ExitCode;

use anyhow::bail;

use super::check::{self, pair};
use super::progress::Progress;
use super::{ExportArgs, MarkArgs};
use crate::corpus::export::{self, ExportOptions, ExportSummary};
use crate::corpus::{Corpus, CorpusStats};
use crate::editor::{Article, JournalRead};
use crate::formats::store::DocStatus;

/// Documents by status, entities per label, per annotator.
pub fn stats(dir: &Path) -> anyhow::Result<ExitCode> {
    let corpus = Corpus::open(dir)?;
    let progress = Progress::new("scanned", corpus.docs().len());
    let scan = corpus.scan(|done, _| progress.set(done));
    let problems = corpus.problems().len() + scan.problems.len();
    progress.finish(&plural(problems, "problem").map(|p| format!(", {p}")).unwrap_or_default());
    for (doc, entry) in scan.docs.iter().zip(corpus.docs()) {
        note_journal(&doc.journal, &entry.path);
    }
    let stats = CorpusStats::new(corpus.labels(), &scan.docs);
    for line in stats_lines(dir, &stats) {
        outln!("{line}");
    }
    if problems > 0 {
        outln!("{problems} problems (hashiya validate {} lists them)", dir.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// The report of `stats DIR`, in aligned columns.
fn stats_lines(dir: &Path, s: &CorpusStats) -> Vec<String> {
    let (done, to_do) = s.progress();
    let percent = if to_do == 0 { 100.0 } else { 100.0 * done as f64 / to_do as f64 };
    let mut out = vec![format!(
        "{}: {} documents, {done} of {to_do} done ({percent:.0} %)",
        dir.display(),
        s.documents
    )];
    let mut rows: Vec<(String, Vec<usize>)> = Vec::new();
    rows.push(("status".into(), vec![]));
    rows.extend(DocStatus::ALL.iter().map(|st| (format!("  {st}"), vec![s.count(*st)])));
    rows.push(("label".into(), vec![]));
    rows.extend(s.per_label.iter().map(|(name, n)| (format!("  {name}"), vec![*n])));
    rows.push(("  total".into(), vec![s.entities]));
    if s.orphans > 0 {
        rows.push(("  orphans".into(), vec![s.orphans]));
    }
    rows.push(("annotator (documents, done, entities)".into(), vec![]));
    for a in &s.per_annotator {
        rows.push((format!("  {}", a.name), vec![a.documents, a.done, a.entities]));
    }
    if s.not_annotated > 0 {
        rows.push(("  (no annotation file)".into(), vec![s.not_annotated, 0, 0]));
    }
    let width = rows.iter().filter(|(_, v)| !v.is_empty()).map(|(l, _)| l.chars().count()).max().unwrap_or(0);
    for (label, values) in rows {
        let pad = " ".repeat(width.saturating_sub(label.chars().count()));
        let cells: Vec<String> = values.iter().map(|v| format!("{v:>8}")).collect();
        out.push(
            format!("{label}{}{}", if values.is_empty() { "" } else { &pad }, cells.concat())
                .trim_end()
                .into(),
        );
    }
    if s.changed > 0 {
        out.push(format!(
            "{} documents changed since they were annotated (re-anchored when opened)",
            s.changed
        ));
    }
    out
}

/// Every problem of every file; non-zero exit if there is any.
pub fn validate(dir: &Path) -> anyhow::Result<ExitCode> {
    let corpus = Corpus::open(dir)?;
    let mut problems: Vec<String> = corpus.problems().iter().map(ToString::to_string).collect();
    let mut files = usize::from(!problems.is_empty());
    let progress = Progress::new("validated", corpus.docs().len());
    for (i, doc) in corpus.docs().iter().enumerate() {
        let outcome = check::check(&doc.path);
        if let Some(line) = &outcome.journal {
            progress.note(line);
        }
        files += usize::from(!outcome.problems.is_empty());
        problems.extend(outcome.problems);
        progress.set(i + 1);
    }
    progress.finish(&plural(problems.len(), "problem").map(|p| format!(", {p}")).unwrap_or_default());
    for line in &problems {
        outln!("{line}");
    }
    let n = corpus.docs().len();
    if problems.is_empty() {
        outln!("ok: {n} documents, no problems");
        return Ok(ExitCode::SUCCESS);
    }
    outln!("{} problems in {files} files ({n} documents)", problems.len());
    Ok(ExitCode::FAILURE)
}

/// Exports the whole corpus; non-zero exit if a document could not be exported.
pub fn export(args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let Some(out) = args.out.as_deref() else {
        bail!(
            "{}: exporting a folder needs -o OUT (a file, or a folder for brat or --split)",
            args.article.display()
        )
    };
    let corpus = Corpus::open(&args.article)?;
    for p in corpus.problems() {
        eprintln!("hashiya: warning: {p}");
    }
    let opts = ExportOptions {
        format: args.format.into(),
        only_done: args.only_done,
        split: args.split.clone().map(|s| (s, args.seed)),
        include_suggestions: args.include_suggestions,
    };
    let progress = Progress::new("read", corpus.docs().len());
    let summary = export::export(&corpus, &opts, out, |done, _| progress.set(done))?;
    progress.finish("");
    for p in &summary.problems {
        eprintln!("hashiya: warning: not exported: {p}");
    }
    for note in &summary.notes {
        eprintln!("hashiya: warning: {note}");
    }
    for line in &summary.journal {
        eprintln!("hashiya: note: {line}");
    }
    eprintln!("{}", export_line(&summary, out));
    Ok(if summary.problems.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// `exported 120 documents, 3400 entities to OUT (train 96, dev 12, test 12); left out: …`.
fn export_line(s: &ExportSummary, out: &Path) -> String {
    let mut line =
        format!("exported {} documents, {} entities to {}", s.documents, s.entities, out.display());
    if s.splits.len() > 1 || s.splits.first().is_some_and(|(n, ..)| !n.is_empty()) {
        let parts: Vec<String> = s.splits.iter().map(|(name, docs, _)| format!("{name} {docs}")).collect();
        line.push_str(&format!(" ({})", parts.join(", ")));
    }
    let left: Vec<String> = [
        plural(s.skipped, "skipped"),
        plural(s.not_done, "not done"),
        plural(s.problems.len(), "unreadable"),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !left.is_empty() {
        line.push_str(&format!("; left out: {}", left.join(", ")));
    }
    line
}

/// Says once on stderr what a document's journal added or why it was not applied.
pub(super) fn note_journal(journal: &JournalRead, article: &Path) {
    if let Some(line) = journal.message(article) {
        let kind = if journal.is_problem() { "warning" } else { "note" };
        eprintln!("hashiya: {kind}: {line}");
    }
}

/// `n what` (with an `s` for "problem"), `None` for zero.
fn plural(n: usize, what: &str) -> Option<String> {
    let s = if n != 1 && what == "problem" { "s" } else { "" };
    (n > 0).then(|| format!("{n} {what}{s}"))
}

/// Sets the status of each article (or annotation file) and saves it; the others go on when
/// one fails.
pub fn mark(args: &MarkArgs) -> anyhow::Result<ExitCode> {
    let status = DocStatus::from(args.status);
    let mut failed = 0;
    for file in &args.files {
        match mark_one(file, status, args.annotator.as_deref()) {
            Ok(line) => outln!("{line}"),
            Err(err) => {
                eprintln!("hashiya: {err:#}");
                failed += 1;
            }
        }
    }
    Ok(if failed == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

fn mark_one(file: &Path, status: DocStatus, annotator: Option<&str>) -> anyhow::Result<String> {
    if file.is_dir() {
        bail!("{}: is a folder; name its articles (e.g. DIR/*.txt)", file.display());
    }
    let (article_path, _) = pair(file)?;
    let (mut article, notices) = Article::open(&article_path)?;
    if article.store_is_broken() {
        bail!("{}", notices.last().map_or_else(String::new, |n| n.text.clone()));
    }
    article.check_journal_folded()?;
    article.set_annotator(&super::annotator(annotator, &article_path));
    let shown = article.set_status(status);
    let name = article.path.display().to_string();
    let why = if shown == status { "" } else { " (it has entities, so it is not new)" };
    if !article.is_dirty() {
        return Ok(format!("{name}: already {shown}{why}"));
    }
    article.save(false)?;
    let folded = article.journal_folded_message().map(|m| format!("; {m}")).unwrap_or_default();
    Ok(format!("{name}: {shown}{why}{folded}"))
}
