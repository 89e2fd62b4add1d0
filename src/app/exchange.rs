//! File > Export… and File > Import… : the exchange formats from the window. The writing
//! rules are the command line's (`formats::exchange`): nothing is overwritten silently.

use std::path::{Path, PathBuf};

use crate::cli::Format;
use crate::formats::exchange::{ExportReport, Import, write_documents};
use crate::formats::{FormatError, atomic, brat, conll, jsonl};

use super::session::{Notice, Session};

/// The usual file extension of a format's output.
pub fn extension(format: Format) -> &'static str {
    match format {
        Format::Conll => "conll",
        Format::Brat => "ann",
        Format::Jsonl => "jsonl",
    }
}

/// Writes the session's annotations to `out` (for brat, the `.ann` with the `.txt` beside it).
pub fn export_to(format: Format, session: &Session, out: &Path) -> Result<Notice, Notice> {
    let fail = |e: FormatError| Notice::error(format!("Export failed: {e}"));
    let (doc, ann) = (&session.doc, &session.ann);
    let report = match format {
        Format::Conll => write(out, conll::export(doc, ann)).map_err(fail)?,
        Format::Jsonl => write(out, jsonl::export(doc, ann)).map_err(fail)?,
        Format::Brat => {
            let (files, report) = brat::export(doc, ann);
            let txt = out.with_extension("txt");
            if same_file(&txt, &session.path) {
                return Err(Notice::error(format!(
                    "Export refused: {} would overwrite the article; choose another name",
                    txt.display()
                )));
            }
            atomic::write_atomic(&txt, files.txt.as_bytes()).map_err(fail)?;
            write(out, (files.ann, report)).map_err(fail)?
        }
    };
    let mut text = format!("Exported {} entities to {}", report.entities, out.display());
    for note in report.notes() {
        text.push_str("; ");
        text.push_str(&note);
    }
    Ok(if report.notes().is_empty() { Notice::info(text) } else { Notice::warn(text) })
}

fn write(out: &Path, (text, report): (String, ExportReport)) -> Result<ExportReport, FormatError> {
    atomic::write_atomic(out, text.as_bytes())?;
    Ok(report)
}

fn same_file(a: &Path, b: &Path) -> bool {
    matches!((std::fs::canonicalize(a), std::fs::canonicalize(b)), (Ok(x), Ok(y)) if x == y)
}

/// Imports `input` into its own folder; returns the written articles and a summary.
pub fn import_from(format: Format, input: &Path) -> Result<(Vec<PathBuf>, Notice), Notice> {
    let fail = |e: FormatError| Notice::error(format!("Import failed: {e}"));
    let imported: Import = match format {
        Format::Conll => conll::import(input),
        Format::Brat => brat::import(input),
        Format::Jsonl => jsonl::import(input),
    }
    .map_err(fail)?;
    let dir = input.parent().map(Path::to_path_buf).unwrap_or_default();
    let written = write_documents(&dir, &imported).map_err(fail)?;
    let entities: usize = imported.documents.iter().map(|d| d.annotations.entities().len()).sum();
    let mut text = format!("Imported {} documents, {entities} entities", written.len());
    if let Some(first) = imported.warnings.first() {
        text.push_str(&format!("; {} warnings, first: {first}", imported.warnings.len()));
    }
    let notice = if imported.warnings.is_empty() { Notice::info(text) } else { Notice::warn(text) };
    Ok((written, notice))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LabelId;

    #[test]
    fn export_brat_then_import_gives_the_same_entities() {
        let dir = tempfile::tempdir().expect("tempdir");
        let article = dir.path().join("a.txt");
        std::fs::write(&article, "التقى الوزير في باكو.\n").expect("write");
        let (mut session, _) = Session::open(&article).expect("opens");
        let start = session.doc.text().find("باكو").expect("word");
        session.selection = Some(super::super::Selection { anchor: start, caret: start + "باكو".len() });
        session.tag(LabelId(3)).expect("tags");
        let out_dir = dir.path().join("out");
        std::fs::create_dir(&out_dir).expect("mkdir");
        let out = out_dir.join("a.ann");
        let notice = export_to(Format::Brat, &session, &out).expect("exports");
        assert!(notice.text.contains("1 entities"), "{}", notice.text);
        assert_eq!(std::fs::read_to_string(&out).expect("ann"), "T1\tLOC 16 20\tباكو\n");
        let (written, _) = import_from(Format::Brat, &out).expect("imports");
        let (back, _) = Session::open(&written[0]).expect("opens the imported article");
        let got: Vec<_> =
            back.ann.entities().iter().map(|e| back.doc.slice(e.range()).map(str::to_string)).collect();
        assert_eq!(got, vec![Some("باكو".to_string())]);
        // Importing again would overwrite the annotation file: refused, nothing written.
        assert!(import_from(Format::Brat, &out).is_err());
    }
}
