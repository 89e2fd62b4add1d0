//! Round trips on the NewsFANE gold corpus (168k tokens, 45 entity types, BOM, CRLF, U+200E,
//! TAB-only sentence breaks). Runs only when `HASHIYA_SHARED` points at the shared data
//! folder; the corpus is read in place, never copied into the repository.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use hashiya::formats::exchange::ImportedDoc;
use hashiya::formats::{brat, conll, jsonl};

const CORPUS: &str = "ner/newsfane/NewsFANE_Gold_2014_170K.txt";

/// The corpus path, or `None` (test skipped) when `HASHIYA_SHARED` is unset.
fn corpus() -> Option<PathBuf> {
    crate::fixtures::shared("newsfane_round_trips", &[CORPUS]).map(|dir| dir.join(CORPUS))
}

/// One sentence: (token, tag) pairs.
type Sentence = Vec<(String, String)>;

/// An independent reading of the raw file: tokens without invisible marks, tags normalised to
/// IOB2 (an `I-X` that continues nothing becomes `B-X`), sentences split at blank lines.
fn expected(raw: &str) -> Vec<Sentence> {
    let invisible = |c: char| matches!(c, '\u{200e}' | '\u{200f}' | '\u{200b}' | '\u{feff}');
    let mut sentences = vec![Vec::new()];
    let mut prev = String::from("O");
    for line in raw.lines() {
        let Some((token, tag)) = line.split_once('\t').filter(|(t, _)| !t.trim_matches(invisible).is_empty())
        else {
            sentences.push(Vec::new());
            prev = String::from("O");
            continue;
        };
        let token: String = token.chars().filter(|&c| !invisible(c)).collect();
        let mut tag = tag.trim().to_string();
        if let Some(ty) = tag.strip_prefix("I-")
            && prev.get(2..) != Some(ty)
        {
            tag = format!("B-{ty}");
        }
        prev.clone_from(&tag);
        sentences.last_mut().expect("at least one").push((token, tag));
    }
    sentences.retain(|s| !s.is_empty());
    sentences
}

/// Parses our own CoNLL export (`token<TAB>tag`, blank line after each sentence).
fn parse_export(out: &str) -> Vec<Sentence> {
    out.split("\n\n")
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.lines()
                .map(|l| {
                    let (t, g) = l.rsplit_once('\t').expect("token<TAB>tag");
                    (t.to_string(), g.to_string())
                })
                .collect()
        })
        .collect()
}

fn entity_set(doc: &ImportedDoc) -> BTreeSet<(String, usize, usize)> {
    let ann = &doc.annotations;
    ann.entities()
        .iter()
        .map(|e| {
            let label = ann.labels().get(e.label).map(|l| l.name.clone()).unwrap_or_default();
            let r = doc.document.byte_range_to_chars(e.range()).expect("char boundaries");
            (label, r.start, r.end)
        })
        .collect()
}

#[test]
fn newsfane_round_trips() {
    let Some(path) = corpus() else { return };
    let raw = std::fs::read_to_string(&path).expect("corpus is UTF-8");
    let want = expected(raw.trim_start_matches('\u{feff}'));
    let t = Instant::now();
    let import = conll::import(&path).expect("imports");
    let t_import = t.elapsed();
    for w in &import.warnings {
        println!("{w}");
    }
    assert_eq!(import.documents.len(), 1, "no -DOCSTART- in NewsFANE");
    let doc = &import.documents[0];
    assert!(!doc.document.text().contains(['\u{200e}', '\u{feff}', '\r']));

    let t = Instant::now();
    let (out, report) = conll::export(&doc.document, &doc.annotations);
    let t_export = t.elapsed();
    let got = parse_export(&out);
    assert_eq!(got.len(), want.len(), "sentences");
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(g, w, "sentence {}", i + 1);
    }
    let tokens: usize = want.iter().map(Vec::len).sum();
    let b_tags = want.iter().flatten().filter(|(_, tag)| tag.starts_with("B-")).count();
    let labels: BTreeSet<&str> = want.iter().flatten().filter_map(|(_, tag)| tag.get(2..)).collect();
    assert_eq!((report.tokens, report.entities, report.dropped_overlapping), (tokens, b_tags, 0));
    assert_eq!(doc.annotations.entities().len(), b_tags);
    assert_eq!(doc.annotations.labels().len(), labels.len());

    let t = Instant::now();
    let (files, _) = brat::export(&doc.document, &doc.annotations);
    let via_brat =
        brat::import_str(Path::new("nf.ann"), &files.ann, Path::new("nf.txt"), &files.txt).expect("brat");
    assert!(via_brat.warnings.is_empty(), "{:?}", &via_brat.warnings[..via_brat.warnings.len().min(5)]);
    let (line, _) = jsonl::export(&via_brat.documents[0].document, &via_brat.documents[0].annotations);
    let via_jsonl = jsonl::import_str(Path::new("nf.jsonl"), &line).expect("jsonl");
    let t_chain = t.elapsed();
    assert_eq!(entity_set(&via_jsonl.documents[0]), entity_set(doc), "every entity survives brat and JSONL");
    println!(
        "NewsFANE: {} document, {} sentences, {tokens} tokens, {b_tags} entities, {} labels, {} warnings; \
         import {t_import:?}, CoNLL export {t_export:?}, brat+JSONL round trip {t_chain:?}",
        import.documents.len(),
        want.len(),
        labels.len(),
        import.warnings.len(),
    );
}
