//! Exchange formats end to end: golden files of each exporter on the bundled sample, round
//! trips (property-tested for brat and JSONL), a messy CoNLL file, and the command line.

use std::collections::BTreeSet;
use std::ops::Range;
use std::path::Path;

use hashiya::formats::exchange::{Import, ImportedDoc};
use hashiya::formats::{brat, conll, jsonl};
use hashiya::model::{Annotations, Document, Entity, EntityId, LabelSet};
use proptest::prelude::*;

/// Used only if the bundled sample is missing.
const FALLBACK: &str = "افتتحت الوزيرة سلمى الحديدي «مؤتمر المشرق للطاقة المتجددة» في عمّان، 14 آذار 2024.\n\
                        وحضرت وفود من لبنان وسورية والعراق، وطالبت بربط الشبكات بين دول المشرق وإيران وتركيا.";

fn sample_text() -> String {
    let path = crate::fixtures::repo("assets/sample-article.txt");
    std::fs::read_to_string(path).unwrap_or_else(|_| FALLBACK.to_string())
}

/// Byte range of `target` inside the first occurrence of `context`.
fn within(text: &str, context: &str, target: &str) -> Range<usize> {
    let c = text.find(context).unwrap_or_else(|| panic!("{context:?} not in the sample"));
    let t = text[c..].find(target).unwrap_or_else(|| panic!("{target:?} not in {context:?}")) + c;
    t..t + target.len()
}

/// The sample with a few entities: one inside a clitic-joined word («و» + «سورية»), one
/// spanning Arabic and digits («14 آذار 2024»), and one nested in another («المشرق»).
fn sample() -> (Document, Annotations) {
    let text = sample_text();
    let spans = [
        ("سلمى الحديدي", "سلمى الحديدي", "PER"),
        ("عمّان، 14", "عمّان", "GPE"),
        ("14 آذار 2024", "14 آذار 2024", "DATE"),
        ("«مؤتمر المشرق للطاقة المتجددة»", "مؤتمر المشرق للطاقة المتجددة", "EVENT"),
        ("«مؤتمر المشرق", "المشرق", "LOC"),
        ("لبنان وسورية", "سورية", "GPE"),
        ("المشرق وإيران", "إيران", "GPE"),
    ];
    let mut labels = LabelSet::empty();
    let entities = spans
        .iter()
        .enumerate()
        .map(|(i, (context, target, label))| {
            let r = within(&text, context, target);
            Entity { id: EntityId(i as u64 + 1), start: r.start, end: r.end, label: labels.ensure(label) }
        })
        .collect();
    let doc = Document::new(text);
    let ann = Annotations::from_parts(&doc, labels, entities, vec![]).expect("valid sample entities");
    (doc, ann)
}

/// (label name, code-point range) of every entity, sorted.
fn entity_set(doc: &Document, ann: &Annotations) -> BTreeSet<(String, usize, usize)> {
    ann.entities()
        .iter()
        .map(|e| {
            let label = ann.labels().get(e.label).map(|l| l.name.clone()).unwrap_or_default();
            let chars = doc.byte_range_to_chars(e.range()).expect("on char boundaries");
            (label, chars.start, chars.end)
        })
        .collect()
}

/// (label name, surface text) of every entity, in reading order.
fn surfaces(doc: &ImportedDoc) -> Vec<(String, String)> {
    let ann = &doc.annotations;
    ann.entities()
        .iter()
        .map(|e| {
            let label = ann.labels().get(e.label).map(|l| l.name.clone()).unwrap_or_default();
            (label, doc.document.slice(e.range()).unwrap_or_default().to_string())
        })
        .collect()
}

fn only(import: Import) -> ImportedDoc {
    assert_eq!(import.documents.len(), 1);
    import.documents.into_iter().next().expect("one document")
}

#[test]
fn conll_golden_sample() {
    let (doc, ann) = sample();
    let (out, report) = conll::export(&doc, &ann);
    assert!(out.contains("و\tO\nسورية\tB-GPE\n"), "clitic split at the entity boundary");
    assert!(out.contains("14\tB-DATE\nآذار\tI-DATE\n2024\tI-DATE\n"));
    assert!(
        out.contains("«\tO\nمؤتمر\tB-EVENT\nالمشرق\tI-EVENT\nللطاقة\tI-EVENT\nالمتجددة\tI-EVENT\n»\tO\n")
    );
    assert_eq!((report.entities, report.dropped_overlapping, report.dropped_empty), (6, 1, 0));
    insta::assert_snapshot!("conll_sample", out);
    // Importing the export gives the same entities (by surface) and exports identically.
    let back = only(conll::import_str(Path::new("sample.conll"), &out).expect("imports"));
    let want: Vec<(String, String)> = ann
        .entities()
        .iter()
        .filter(|e| doc.slice(e.range()) != Some("المشرق"))
        .map(|e| {
            (
                ann.labels().get(e.label).map(|l| l.name.clone()).unwrap_or_default(),
                doc.slice(e.range()).unwrap_or_default().to_string(),
            )
        })
        .collect();
    assert_eq!(surfaces(&back), want);
    assert_eq!(conll::export(&back.document, &back.annotations).0, out);
}

#[test]
fn brat_golden_sample() {
    let (doc, ann) = sample();
    let (files, report) = brat::export(&doc, &ann);
    assert_eq!(files.txt, doc.text());
    assert_eq!(report.entities, 7);
    let start = doc.text()[..within(doc.text(), "لبنان وسورية", "سورية").start].chars().count();
    assert!(files.ann.contains(&format!("\tGPE {start} {}\tسورية\n", start + 5)));
    insta::assert_snapshot!("brat_sample_ann", files.ann);
    let back = only(
        brat::import_str(Path::new("s.ann"), &files.ann, Path::new("s.txt"), &files.txt).expect("imports"),
    );
    assert_eq!(entity_set(&back.document, &back.annotations), entity_set(&doc, &ann));
}

#[test]
fn jsonl_golden_sample() {
    let (doc, ann) = sample();
    let (line, report) = jsonl::export(&doc, &ann);
    assert_eq!(report.entities, 7);
    assert_eq!(line.matches('\n').count(), 1, "one line per document");
    insta::assert_snapshot!("jsonl_sample", line);
    let back = only(jsonl::import_str(Path::new("s.jsonl"), &line).expect("imports"));
    assert_eq!(back.document.text(), doc.text());
    assert_eq!(entity_set(&back.document, &back.annotations), entity_set(&doc, &ann));
}

/// A messy CoNLL file: BOM, CRLF, -DOCSTART-, U+200E in tokens, a stray I- tag, a TAB-only
/// sentence break; then space-separated with extra columns, IOB1 tags, a spaces-only break.
const MESSY: &str = "\u{feff}-DOCSTART- -X- -X- O\r\n\r\n\
    \u{200e}التقى\tO\r\n\u{200e}المقداد\tB-PER\r\n\u{200e}و\tO\r\nعبد\tI-PER\r\nاللهيان\tI-PER\r\n\
    في\tO\r\nباكو\tB-LOC\r\n.\tO\r\n\t\r\n2023\tO\r\n.\tO\r\n\r\n\
    -DOCSTART- O\r\nزار VBD O O\r\nسامح NNP I-NP I-PER\r\nشكري NNP I-NP I-PER\r\n\
    لبنان NNP I-NP I-LOC\r\nو\u{200f} CC O O\r\nسورية NNP I-NP I-LOC\r\nدمشق NNP I-NP B-LOC\r\n   \r\nقال VBD O O\r\n";

const MESSY_1: &str = "التقى\tO\nالمقداد\tB-PER\nو\tO\nعبد\tB-PER\nاللهيان\tI-PER\nفي\tO\nباكو\tB-LOC\n.\tO\n\n\
                       2023\tO\n.\tO\n\n";
const MESSY_2: &str =
    "زار\tO\nسامح\tB-PER\nشكري\tI-PER\nلبنان\tB-LOC\nو\tO\nسورية\tB-LOC\nدمشق\tB-LOC\n\nقال\tO\n\n";

#[test]
fn messy_conll_round_trip() {
    let got = conll::import_str(Path::new("messy.conll"), MESSY).expect("imports");
    let warnings: Vec<String> = got.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        vec![
            "messy.conll:6:5: warning: I-PER continues no entity; read as B-PER",
            "messy.conll:16:1: warning: the tags look like IOB1 (entities open with I-); converted to IOB2",
        ]
    );
    let names: Vec<&str> = got.documents.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, vec!["messy-1", "messy-2"]);
    let first = &got.documents[0];
    assert_eq!(first.document.text(), "التقى المقداد و عبد اللهيان في باكو .\n2023 .");
    assert_eq!(conll::export(&first.document, &first.annotations).0, MESSY_1);
    let second = &got.documents[1];
    assert_eq!(conll::export(&second.document, &second.annotations).0, MESSY_2);
    assert!(
        got.documents.iter().all(|d| !d.document.text().contains(['\u{200e}', '\u{200f}', '\u{feff}', '\r']))
    );
}

#[test]
fn import_errors_name_the_file_line_and_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let conll_path = dir.path().join("bad.conll");
    std::fs::write(&conll_path, "أ\tO\r\n\r\nبيت\r\n").expect("write");
    let err = conll::import(&conll_path).expect_err("token without tag").to_string();
    assert!(err.starts_with(&format!("{}:3:4: expected a tag column", conll_path.display())), "{err}");
    let jsonl_path = dir.path().join("bad.jsonl");
    std::fs::write(
        &jsonl_path,
        "{\"text\": \"أ\", \"label\": []}\n\n{\"text\": \"أب\", \"label\": [[0, \"X\"]]}\n",
    )
    .expect("write");
    let err = jsonl::import(&jsonl_path).expect_err("short entity").to_string();
    assert!(err.starts_with(&format!("{}:3:", jsonl_path.display())), "{err}");
    std::fs::write(dir.path().join("bad.txt"), "أب").expect("write");
    std::fs::write(dir.path().join("bad.ann"), "T1\tPER 0\tأ\n").expect("write");
    let err = brat::import(&dir.path().join("bad.ann")).expect_err("one offset").to_string();
    assert!(err.contains("bad.ann:1:8: expected T<id><TAB>LABEL START END<TAB>TEXT"), "{err}");
}

use crate::fixtures::hashiya;

#[test]
fn cli_import_then_export() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("messy.conll");
    std::fs::write(&input, MESSY).expect("write");
    let out_dir = dir.path().join("out");
    let os = |s: &str| std::ffi::OsString::from(s);
    hashiya(&[
        os("import"),
        os("--format"),
        os("conll"),
        input.clone().into(),
        os("-o"),
        out_dir.clone().into(),
    ]);
    let article = out_dir.join("messy-2.txt");
    let conll_out = hashiya(&[os("export"), article.clone().into(), os("--format"), os("conll")]);
    assert_eq!(conll_out, MESSY_2);
    let ann_path = dir.path().join("x.ann");
    hashiya(&[os("export"), article.into(), os("--format"), os("brat"), os("-o"), ann_path.clone().into()]);
    let back = only(brat::import(&ann_path).expect("brat export reads back"));
    let want = ["PER سامح شكري", "LOC لبنان", "LOC سورية", "LOC دمشق"];
    let got: Vec<String> = surfaces(&back).into_iter().map(|(l, s)| format!("{l} {s}")).collect();
    assert_eq!(got, want);
}

/// Random text: Arabic letters and marks, digits, punctuation, white space, an emoji.
fn text_strategy() -> impl Strategy<Value = String> {
    let pool: Vec<char> = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإةى و٣0 9 .،؟«»\n\t\u{651}😀e".chars().collect();
    crate::fixtures::text_from(&pool, 120)
}

/// Random non-empty entities (nesting and overlaps allowed, no exact duplicates).
fn random_doc(text: String, spans: &[(usize, usize, usize)]) -> (Document, Annotations) {
    let doc = Document::new(text);
    let n = doc.char_len();
    let names = ["PER", "ORG", "GPE", "Population-Center", "Other_PER"];
    let mut labels = LabelSet::empty();
    let unique: BTreeSet<(usize, usize, usize)> = spans
        .iter()
        .map(|&(s, len, l)| (s % n, (s % n + len).min(n), l % names.len()))
        .filter(|(s, e, _)| s < e)
        .collect();
    let entities = unique
        .into_iter()
        .enumerate()
        .filter_map(|(i, (s, e, l))| {
            let r = doc.char_range_to_bytes(s..e)?;
            Some(Entity {
                id: EntityId(i as u64 + 1),
                start: r.start,
                end: r.end,
                label: labels.ensure(names[l]),
            })
        })
        .collect();
    let ann = Annotations::from_parts(&doc, labels, entities, vec![]).expect("valid random entities");
    (doc, ann)
}

fn spans_strategy() -> impl Strategy<Value = Vec<(usize, usize, usize)>> {
    proptest::collection::vec((0usize..1000, 1usize..15, 0usize..5), 0..12)
}

/// Random input files built from the pieces the parsers care about.
fn messy_input() -> impl Strategy<Value = String> {
    let pieces = [
        "\t",
        " ",
        "\n",
        "\r\n",
        "\u{feff}",
        "\u{200e}",
        "O",
        "B-",
        "I-",
        "PER",
        "-DOCSTART-",
        "T1",
        "R1",
        "#",
        "0",
        "7",
        "12",
        ";",
        "إيران",
        "و",
        "{",
        "}",
        "[",
        "]",
        "\"",
        ":",
        ",",
        "text",
        "label",
        "\\",
    ];
    proptest::collection::vec(proptest::sample::select(pieces.to_vec()), 0..60).prop_map(|v| v.concat())
}

proptest! {
    /// Importers return errors or warnings for any input, never panic.
    #[test]
    fn imports_never_panic(input in messy_input(), txt in messy_input()) {
        let _ = conll::import_str(Path::new("f.conll"), &input);
        let _ = brat::import_str(Path::new("f.ann"), &input, Path::new("f.txt"), &txt);
        let _ = jsonl::import_str(Path::new("f.jsonl"), &input);
        let json = format!("{{\"text\": \"{}\", \"label\": [[0, 1, \"X\"]]}}", txt.escape_default());
        let _ = jsonl::import_str(Path::new("f.jsonl"), &json);
    }

    #[test]
    fn brat_round_trip_keeps_entities(text in text_strategy(), spans in spans_strategy()) {
        let (doc, ann) = random_doc(text, &spans);
        let (files, _) = brat::export(&doc, &ann);
        let back = brat::import_str(Path::new("r.ann"), &files.ann, Path::new("r.txt"), &files.txt).expect("imports");
        prop_assert!(back.warnings.is_empty(), "{:?}", back.warnings);
        let back = only(back);
        prop_assert_eq!(back.document.text(), doc.text());
        prop_assert_eq!(entity_set(&back.document, &back.annotations), entity_set(&doc, &ann));
    }

    #[test]
    fn jsonl_round_trip_keeps_entities(text in text_strategy(), spans in spans_strategy()) {
        // A text of only white space is no article: the importer leaves it out with a warning.
        prop_assume!(!text.trim().is_empty());
        let (doc, ann) = random_doc(text, &spans);
        let (line, _) = jsonl::export(&doc, &ann);
        let back = jsonl::import_str(Path::new("r.jsonl"), &line).expect("imports");
        prop_assert!(back.warnings.is_empty(), "{:?}", back.warnings);
        let back = only(back);
        prop_assert_eq!(back.document.text(), doc.text());
        prop_assert_eq!(entity_set(&back.document, &back.annotations), entity_set(&doc, &ann));
    }

    /// A CoNLL export, imported and exported again, is unchanged; every written entity returns.
    #[test]
    fn conll_export_is_a_fixed_point(text in text_strategy(), spans in spans_strategy()) {
        let (doc, ann) = random_doc(text, &spans);
        let (out, report) = conll::export(&doc, &ann);
        prop_assume!(report.tokens > 0);
        let back = only(conll::import_str(Path::new("r.conll"), &out).expect("imports"));
        prop_assert_eq!(back.annotations.entities().len(), report.entities);
        prop_assert_eq!(conll::export(&back.document, &back.annotations).0, out);
    }
}

/// brat fuzz finding 9: two labels that differ only in white space against `_` (`GEO LOC` and
/// `GEO_LOC`) were both written `GEO_LOC`, so the next import made them one label, and two
/// entities of one span one entity. Each label now gets a name of its own.
#[test]
fn labels_that_would_share_a_written_name_stay_apart() {
    let doc = Document::new("زار الوزير دمشق".to_string());
    let mut labels = LabelSet::empty();
    let spaced = labels.ensure("GEO LOC");
    let plain = labels.ensure("GEO_LOC");
    let tab = labels.ensure("GEO\tLOC");
    let at = doc.text().find("دمشق").expect("word");
    let ent = |id, label| Entity { id: EntityId(id), start: at, end: doc.len(), label };
    let ann = Annotations::from_parts(&doc, labels, vec![ent(1, spaced), ent(2, plain), ent(3, tab)], vec![])
        .expect("valid");
    let (files, report) = brat::export(&doc, &ann);
    let back =
        brat::import_str(Path::new("b.ann"), &files.ann, Path::new("b.txt"), &files.txt).expect("imports");
    let again = &back.documents[0].annotations;
    assert_eq!(again.entities().len(), 3, "{}", files.ann);
    let names: BTreeSet<&str> = again.labels().iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, BTreeSet::from(["GEO_LOC", "GEO_LOC_2", "GEO_LOC_3"]));
    let notes = report.notes();
    assert!(notes.contains(&"label \"GEO LOC\" was written as \"GEO_LOC_2\"".to_string()), "{notes:?}");
    assert!(notes.contains(&"label \"GEO\\tLOC\" was written as \"GEO_LOC_3\"".to_string()), "{notes:?}");
    // CoNLL, flat, keeps one of the three (the first); its label is written the same way.
    let (text, report) = conll::export(&doc, &ann);
    assert!(text.ends_with("دمشق\tB-GEO_LOC_2\n\n"), "{text}");
    assert_eq!(report.dropped_overlapping, 2);
}
