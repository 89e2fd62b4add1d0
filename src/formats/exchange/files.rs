//! Exchange files on disk: which format is which, exporting an article's annotations and
//! importing documents, with every overwrite rule in one place. The window (File > Export…,
//! Import…) and the command line (`hashiya export`, `hashiya import`) call these functions.
//!
//! Rules: every file is written atomically ([`crate::formats::atomic`]); an export never writes
//! over the article or its annotation file; brat's `.txt` is written beside the `.ann` only when
//! it differs from what is there; an import never overwrites an annotation file or an article
//! with other text, and checks every document before writing any.

use std::path::{Path, PathBuf};

use super::{ExportReport, Import, ImportedDoc};
use crate::formats::atomic::same_file;
use crate::formats::{FormatError, atomic, brat, conll, decode, jsonl, store};
use crate::model::{Annotations, Document};

/// The exchange formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// CoNLL IOB2: token<TAB>tag, blank line between sentences.
    Conll,
    /// brat standoff: `.txt` plus `.ann`.
    Brat,
    /// doccano JSONL: `{"text": ..., "label": [[start, end, "LABEL"], ...]}` per line.
    Jsonl,
}

impl Format {
    /// Every format, in menu order.
    pub const ALL: [Format; 3] = [Format::Conll, Format::Brat, Format::Jsonl];

    /// The usual file extension of its output (brat: the `.ann`).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Conll => "conll",
            Format::Brat => "ann",
            Format::Jsonl => "jsonl",
        }
    }

    /// Its name in menus and messages.
    pub fn name(self) -> &'static str {
        match self {
            Format::Conll => "CoNLL IOB2",
            Format::Brat => "brat standoff",
            Format::Jsonl => "JSONL (doccano)",
        }
    }
}

/// The exported text of one document (for brat: the `.ann`; its offsets refer to `doc`'s text).
pub fn export_text(format: Format, doc: &Document, ann: &Annotations) -> (String, ExportReport) {
    export_text_with(format, doc, ann, None)
}

/// [`export_text`] with what the command line adds to a JSONL line (other formats ignore it).
pub fn export_text_with(
    format: Format,
    doc: &Document,
    ann: &Annotations,
    meta: Option<jsonl::Meta<'_>>,
) -> (String, ExportReport) {
    let unwritten = |(text, mut report): (String, ExportReport)| {
        let n = ann.brat_lines().len();
        if n > 0 {
            report.brat_dropped.push(format!(
                "{n} lines kept from a brat import (relations, events, attributes, notes, …) cannot be \
                 expressed in {} and were not written; export as brat to keep them",
                format.name()
            ));
        }
        (text, report)
    };
    match format {
        Format::Conll => unwritten(conll::export(doc, ann)),
        Format::Jsonl => unwritten(jsonl::export_with(doc, ann, meta)),
        Format::Brat => {
            let (files, report) = brat::export(doc, ann);
            (files.ann, report)
        }
    }
}

/// Writes `article`'s annotations to `out` (for brat, `out` is the `.ann` and the text goes to
/// the `.txt` beside it). Refuses to write over the article or its annotation file.
pub fn export_to(
    format: Format,
    article: &Path,
    doc: &Document,
    ann: &Annotations,
    out: &Path,
) -> Result<ExportReport, FormatError> {
    if format != Format::Brat {
        let (text, report) = export_text(format, doc, ann);
        write_export(out, article, &text)?;
        return Ok(report);
    }
    guard(out, article)?;
    if out.extension().is_some_and(|e| e == "txt") {
        return Err(FormatError::file(
            out,
            "the brat output names the .ann file (the .txt is written beside it)",
        ));
    }
    let (files, report) = brat::export(doc, ann);
    let txt = out.with_extension("txt");
    let unchanged = std::fs::read(&txt).is_ok_and(|bytes| bytes == files.txt.as_bytes());
    if !unchanged {
        guard(&txt, article)?;
        atomic::write_atomic(&txt, files.txt.as_bytes())?;
    }
    atomic::write_atomic(out, files.ann.as_bytes())?;
    Ok(report)
}

/// Writes an exported text to `out` atomically, refusing to write over `article` or its
/// annotation file.
pub fn write_export(out: &Path, article: &Path, text: &str) -> Result<(), FormatError> {
    guard(out, article)?;
    atomic::write_atomic(out, text.as_bytes())
}

/// Refuses an output path that is the article or its annotation file.
fn guard(out: &Path, article: &Path) -> Result<(), FormatError> {
    if same_file(out, article) {
        return Err(FormatError::file(out, "this is the article itself; choose another output name"));
    }
    if same_file(out, &store::annotation_path(article)) {
        return Err(FormatError::file(
            out,
            "this is the article's annotation file; choose another output name",
        ));
    }
    Ok(())
}

/// Reads an exchange file into documents (nothing is written).
pub fn read_import(format: Format, input: &Path) -> Result<Import, FormatError> {
    match format {
        Format::Conll => conll::import(input),
        Format::Brat => brat::import(input),
        Format::Jsonl => jsonl::import(input),
    }
}

impl Import {
    /// Entities in all documents.
    pub fn entity_count(&self) -> usize {
        self.documents.iter().map(|d| d.annotations.entities().len()).sum()
    }
}

/// Writes imported documents into `dir` as `<name>.txt` plus its annotation file (naming
/// `annotator`), returning the article paths. Checks every document first and writes nothing
/// if any would overwrite an annotation file (or one with an edit journal of unsaved edits
/// beside it) or an article with other text, or would not read back unchanged.
pub fn write_documents(dir: &Path, import: &Import, annotator: &str) -> Result<Vec<PathBuf>, FormatError> {
    std::fs::create_dir_all(dir).map_err(|e| FormatError::io(dir, e))?;
    let plans = import.documents.iter().map(|doc| plan(dir, doc)).collect::<Result<Vec<_>, _>>()?;
    let mut written = Vec::with_capacity(plans.len());
    for (doc, (txt_path, write_txt)) in import.documents.iter().zip(plans) {
        if write_txt {
            atomic::write_atomic(&txt_path, doc.document.text().as_bytes())?;
        }
        let status = store::DocStatus::implied(doc.annotations.entities().len());
        let info =
            store::SaveInfo { status, annotator: annotator.to_string(), ..store::SaveInfo::new(&txt_path) };
        store::save(&store::annotation_path(&txt_path), &doc.document, &doc.annotations, &info)?;
        written.push(txt_path);
    }
    Ok(written)
}

/// Where a document goes and whether its `.txt` must be written.
fn plan(dir: &Path, doc: &ImportedDoc) -> Result<(PathBuf, bool), FormatError> {
    let txt_path = dir.join(format!("{}.txt", doc.name));
    let text = doc.document.text();
    let back = decode::decode_bytes(&txt_path, text.as_bytes())?;
    if back.text != text {
        let msg =
            format!("document {}: its text would not read back unchanged (encoding or line ends)", doc.name);
        return Err(FormatError::file(&txt_path, msg));
    }
    let ann_path = store::annotation_path(&txt_path);
    if ann_path.exists() {
        let msg = "already exists; not overwriting annotations (move it away or import into another folder)";
        return Err(FormatError::file(&ann_path, msg));
    }
    let journal = crate::formats::journal::journal_path(&ann_path);
    if journal.exists() {
        let msg = "holds edits not yet saved; not importing over them (run hashiya recover, or import into \
                   another folder)";
        return Err(FormatError::file(&journal, msg));
    }
    match std::fs::read(&txt_path) {
        Ok(bytes) if bytes == text.as_bytes() => Ok((txt_path, false)),
        Ok(_) => {
            Err(FormatError::file(&txt_path, "already exists with other text; import into another folder"))
        }
        Err(_) => Ok((txt_path, true)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LabelId, ops};

    fn tagged(dir: &Path) -> (PathBuf, Document, Annotations) {
        let article = dir.join("a.txt");
        let text = "التقى الوزير في باكو.\n";
        std::fs::write(&article, text).expect("write");
        let doc = Document::new(text.to_string());
        let mut ann = Annotations::default();
        let start = text.find("باكو").expect("word");
        let (tx, _) = ops::tag(&ann, start..start + "باكو".len(), LabelId(3)).expect("tags");
        ann.apply(&doc, &tx).expect("applies");
        (article, doc, ann)
    }

    #[test]
    fn export_never_writes_over_the_article_or_its_annotations() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (article, doc, ann) = tagged(dir.path());
        for format in Format::ALL {
            let err = export_to(format, &article, &doc, &ann, &article).expect_err("refused");
            assert!(err.to_string().contains("article itself"), "{format:?}: {err}");
        }
        std::fs::write(store::annotation_path(&article), "keep").expect("write");
        let err = export_to(Format::Jsonl, &article, &doc, &ann, &store::annotation_path(&article));
        assert!(err.is_err());
        // brat: a.ann's .txt would be the article itself.
        let err = export_to(Format::Brat, &article, &doc, &ann, &dir.path().join("a.ann"));
        assert!(err.is_ok(), "same text: the article is left as it is: {err:?}");
        std::fs::write(&article, "نص آخر\n").expect("edit the article");
        let err =
            export_to(Format::Brat, &article, &doc, &ann, &dir.path().join("a.ann")).expect_err("refused");
        assert!(err.to_string().contains("article itself"), "{err}");
        assert_eq!(std::fs::read_to_string(&article).expect("read"), "نص آخر\n");
        assert_eq!(std::fs::read_to_string(store::annotation_path(&article)).expect("read"), "keep");
    }

    #[test]
    fn brat_export_writes_both_files_and_imports_back() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (article, doc, ann) = tagged(dir.path());
        let out = dir.path().join("out").join("x.ann");
        std::fs::create_dir_all(out.parent().expect("parent")).expect("mkdir");
        let report = export_to(Format::Brat, &article, &doc, &ann, &out).expect("exports");
        assert_eq!(report.entities, 1);
        assert_eq!(std::fs::read_to_string(&out).expect("ann"), "T1\tLOC 16 20\tباكو\n");
        let import = read_import(Format::Brat, &out).expect("reads");
        assert_eq!(import.entity_count(), 1);
        let written = write_documents(&dir.path().join("back"), &import, "rana").expect("writes");
        assert_eq!(written.len(), 1);
        assert!(
            write_documents(&dir.path().join("back"), &import, "rana").is_err(),
            "never overwrites annotations"
        );
    }
}
