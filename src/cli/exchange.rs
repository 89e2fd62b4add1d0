//! `hashiya export` and `hashiya import`: the exchange formats on the command line.
//!
//! Warnings and a summary go to stderr; warnings never change the exit code, errors do.
//! Import never overwrites an annotation file or an article with different text.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};

use super::{ExportArgs, Format, ImportArgs};
use crate::formats::exchange::{ExportReport, write_documents};
use crate::formats::{brat, conll, decode, jsonl, store};
use crate::model::Document;

/// Exports an article's annotations to stdout or `-o`.
pub fn export(args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let decoded = decode::read_article(&args.article)?;
    let doc = Document::new(decoded.text);
    let ann_path = store::annotation_path(&args.article);
    if !ann_path.exists() {
        bail!("{}: no annotation file for this article (annotate it in Hashiya first)", ann_path.display());
    }
    let loaded = store::load(&ann_path, &doc)?;
    if loaded.reanchor.is_some() {
        eprintln!("hashiya: note: the article changed since it was annotated; entities were re-anchored");
    }
    let ann = &loaded.annotations;
    let report = match args.format {
        Format::Conll => write_text(args.out.as_deref(), conll::export(&doc, ann))?,
        Format::Jsonl => write_text(args.out.as_deref(), jsonl::export(&doc, ann))?,
        Format::Brat => export_brat(args, &doc, ann)?,
    };
    for note in report.notes() {
        eprintln!("hashiya: warning: {note}");
    }
    if !ann.orphans().is_empty() {
        eprintln!(
            "hashiya: warning: {} orphaned entities have no place in the text and were not exported",
            ann.orphans().len()
        );
    }
    let units = if args.format == Format::Conll {
        format!(", {} tokens in {} sentences", report.tokens, report.sentences)
    } else {
        String::new()
    };
    eprintln!("exported {} entities{units}", report.entities);
    Ok(ExitCode::SUCCESS)
}

/// Writes `text` to `out`, or to stdout when there is none.
fn write_text(out: Option<&Path>, (text, report): (String, ExportReport)) -> anyhow::Result<ExportReport> {
    match out {
        Some(path) => fs::write(path, text).with_context(|| format!("writing {}", path.display()))?,
        None => {
            use std::io::Write as _;
            match std::io::stdout().lock().write_all(text.as_bytes()) {
                // The reader (e.g. `head`) stopped reading: not an error of the export.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                other => other.context("writing to stdout")?,
            }
        }
    }
    Ok(report)
}

/// Writes the `.ann` to `-o` (with the `.txt` beside it) or to stdout.
fn export_brat(
    args: &ExportArgs,
    doc: &Document,
    ann: &crate::model::Annotations,
) -> anyhow::Result<ExportReport> {
    let (files, report) = brat::export(doc, ann);
    let Some(ann_path) = args.out.as_deref() else {
        let raw = fs::read(&args.article).unwrap_or_default();
        if raw != files.txt.as_bytes() {
            eprintln!(
                "hashiya: note: {} is not plain UTF-8 with LF line ends; the offsets refer to its decoded text \
                 (use -o to write that text as the .txt beside the .ann)",
                args.article.display()
            );
        }
        return write_text(None, (files.ann, report));
    };
    if ann_path.extension().is_some_and(|e| e == "txt") {
        bail!("{}: the brat output names the .ann file (the .txt is written beside it)", ann_path.display());
    }
    let txt_path = ann_path.with_extension("txt");
    let unchanged = fs::read(&txt_path).is_ok_and(|bytes| bytes == files.txt.as_bytes());
    if !unchanged {
        if same_file(&txt_path, &args.article) {
            bail!(
                "{}: writing the .txt would overwrite the article; choose another output name",
                txt_path.display()
            );
        }
        fs::write(&txt_path, &files.txt).with_context(|| format!("writing {}", txt_path.display()))?;
    }
    write_text(Some(ann_path), (files.ann, report))
}

fn same_file(a: &Path, b: &Path) -> bool {
    matches!((fs::canonicalize(a), fs::canonicalize(b)), (Ok(x), Ok(y)) if x == y)
}

/// Imports documents, writing `<name>.txt` and its annotation file into `-o` (or `.`).
pub fn import(args: &ImportArgs) -> anyhow::Result<ExitCode> {
    let imported = match args.format {
        Format::Conll => conll::import(&args.input)?,
        Format::Brat => brat::import(&args.input)?,
        Format::Jsonl => jsonl::import(&args.input)?,
    };
    let dir = args.out.clone().unwrap_or_else(|| PathBuf::from("."));
    write_documents(&dir, &imported)?;
    let entities: usize = imported.documents.iter().map(|d| d.annotations.entities().len()).sum();
    for w in &imported.warnings {
        eprintln!("{w}");
    }
    eprintln!(
        "imported {} documents, {entities} entities, {} warnings into {}",
        imported.documents.len(),
        imported.warnings.len(),
        dir.display()
    );
    Ok(ExitCode::SUCCESS)
}
