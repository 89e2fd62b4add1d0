//! `hashiya agree A B [C …] [--json]`: inter-annotator agreement between annotation files of
//! one document or corpus folders of several annotators (see [`crate::agree`]).

use std::path::PathBuf;
use std::process::ExitCode;

use crate::agree::{Agreement, load};

/// Prints the agreement of `paths` as a table or JSON. Unmatched documents and unreadable
/// files are listed on stderr; the exit status is non-zero when nothing could be compared.
pub fn run(paths: &[PathBuf], json: bool) -> anyhow::Result<ExitCode> {
    let compared = load::load(paths)?;
    for line in compared.unmatched.iter() {
        eprintln!("unmatched: {line}");
    }
    for line in compared.by_text.iter() {
        eprintln!("matched by text: {line}");
    }
    for line in compared.problems.iter() {
        eprintln!("hashiya: {line}");
    }
    let copies = compared.documents.iter().flat_map(|d| &d.copies);
    for line in copies.filter_map(|c| c.journal.as_ref()) {
        eprintln!("hashiya: note: {line}");
    }
    let mut agreement = Agreement::new(compared.annotators.clone());
    for doc in &compared.documents {
        let anns: Vec<_> = doc.copies.iter().map(|c| &c.ann).collect();
        agreement.add(&doc.text, &anns);
    }
    let report = agreement.report();
    if json {
        let mut value = serde_json::to_value(&report)?;
        if let Some(obj) = value.as_object_mut() {
            obj.insert("unmatched".into(), compared.unmatched.clone().into());
            obj.insert("matched_by_text".into(), compared.by_text.clone().into());
            obj.insert("problems".into(), compared.problems.clone().into());
        }
        outln!("{}", serde_json::to_string_pretty(&value)?);
    } else {
        out!("{report}");
        if !compared.unmatched.is_empty() {
            outln!("{} documents not annotated by everyone (listed on stderr)", compared.unmatched.len());
        }
    }
    let failed = compared.documents.is_empty() || !compared.problems.is_empty();
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}
