//! `hashiya export` and `hashiya import`: the exchange formats on the command line, through
//! the same editor core and `formats::exchange` functions as the window.
//!
//! Warnings and a summary go to stderr; warnings never change the exit code, errors do.
//! Import never overwrites an annotation file or an article with different text.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};

use super::{ExportArgs, ImportArgs, check};
use crate::corpus::import::import_into;
use crate::editor::{Article, read_document};
use crate::formats::exchange::{self, ExportReport, Format};
use crate::formats::jsonl;

/// Exports an article's annotations to stdout or `-o`.
pub fn export(args: &ExportArgs) -> anyhow::Result<ExitCode> {
    if args.only_done || args.split.is_some() {
        bail!(
            "{}: --only-done and --split are for folders (a corpus), not one article",
            args.article.display()
        );
    }
    let format = Format::from(args.format);
    let article = open_annotated(&args.article)?;
    let with = args.include_suggestions.then(|| exchange::with_suggestions(&article.doc, article.ann()));
    let (doc, ann) = (&article.doc, with.as_ref().unwrap_or(article.ann()));
    let info = article.saved_info();
    let meta = jsonl::Meta { name: None, status: article.status().as_str(), annotator: &info.annotator };
    let report = match args.out.as_deref() {
        Some(out) if format == Format::Brat => exchange::export_to(format, &article.path, doc, ann, out)?,
        Some(out) => {
            let (text, report) = exchange::export_text_with(format, doc, ann, Some(meta));
            exchange::write_export(out, &article.path, &text)?;
            report
        }
        None => {
            if format == Format::Brat {
                note_brat_offsets(&article.path, doc.text());
            }
            let (text, report) = exchange::export_text_with(format, doc, ann, Some(meta));
            write_stdout(&text)?;
            report
        }
    };
    print_report(format, &report, article.ann().orphans().len());
    Ok(ExitCode::SUCCESS)
}

/// Opens an annotated article to read it, as the window would open it (with the edits of its
/// journal not yet saved); a broken annotation file is an error here.
fn open_annotated(path: &Path) -> anyhow::Result<Article> {
    let reading = read_document(path)?;
    for notice in &reading.notices {
        eprintln!("hashiya: note: {notice}");
    }
    if let Some(report) = &reading.reanchor {
        eprintln!("hashiya: note: {report}");
    }
    check::note_journal(&reading);
    if !reading.is_annotated() {
        bail!(
            "{}: no annotation file for this article (annotate it in Hashiya first)",
            reading.article.store_path.display()
        );
    }
    Ok(reading.article)
}

fn write_stdout(text: &str) -> anyhow::Result<()> {
    use std::io::Write as _;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        // The reader (e.g. `head`) stopped reading: not an error of the export.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("writing to stdout"),
    }
}

/// brat offsets on stdout refer to the decoded text: say so when the file on disk differs.
fn note_brat_offsets(path: &Path, text: &str) {
    let raw = std::fs::read(path).unwrap_or_default();
    if raw != text.as_bytes() {
        eprintln!(
            "hashiya: note: {} is not plain UTF-8 with LF line ends; the offsets refer to its decoded text \
             (use -o to write that text as the .txt beside the .ann)",
            path.display()
        );
    }
}

fn print_report(format: Format, report: &ExportReport, orphans: usize) {
    for note in report.notes() {
        eprintln!("hashiya: warning: {note}");
    }
    if orphans > 0 {
        eprintln!(
            "hashiya: warning: {orphans} orphaned entities have no place in the text and were not exported"
        );
    }
    let units = if format == Format::Conll {
        format!(", {} tokens in {} sentences", report.tokens, report.sentences)
    } else {
        String::new()
    };
    eprintln!("exported {} entities{units}", report.entities);
}

/// Imports documents, writing `<name>.txt` and its annotation file into `-o` (or `.`).
/// Several documents (or a folder that is a corpus already) make a corpus: one label set,
/// written to its corpus file.
pub fn import(args: &ImportArgs) -> anyhow::Result<ExitCode> {
    let (Some(format), Some(input)) = (args.format, &args.input) else {
        anyhow::bail!("import needs --format and an input file (or --as-suggestions FILE)");
    };
    let mut imported = exchange::read_import(format.into(), input)?;
    let dir = args.out.clone().unwrap_or_else(|| PathBuf::from("."));
    let annotator = super::annotator(args.annotator.as_deref(), &dir);
    let corpus = import_into(&dir, &mut imported, (input, &annotator))?;
    for w in &imported.warnings {
        eprintln!("{w}");
    }
    eprintln!(
        "imported {} documents, {} entities, {} warnings into {}",
        imported.documents.len(),
        imported.entity_count(),
        imported.warnings.len(),
        dir.display()
    );
    if let Some(file) = &corpus.corpus_file {
        let added = match corpus.labels_added.len() {
            0 => String::new(),
            _ => format!(", labels added: {}", corpus.labels_added.join(" ")),
        };
        eprintln!("the folder is a corpus: {} holds its labels{added}", file.display());
    }
    Ok(ExitCode::SUCCESS)
}
