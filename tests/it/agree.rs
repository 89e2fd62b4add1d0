//! Agreement (`hashiya agree`, `hashiya::agree`): three generated annotators of the bundled
//! sample article; κ and α checked against reference libraries, spans against counts made by
//! hand, and the command line's table, JSON and refusals.
//!
//! Reference values: `tests/it/reference/agree_reference.py` (scikit-learn
//! `cohen_kappa_score`, statsmodels `fleiss_kappa`, the `krippendorff` package) run on the
//! token ratings in `tests/it/reference/agree_ratings.json`, which the test checks are
//! exactly the ratings Hashiya derives from these annotations (regenerate the JSON with
//! `HASHIYA_BLESS_AGREE=1 cargo test --test it agree::`; then rerun the script).

use std::ops::Range;
use std::path::{Path, PathBuf};

use hashiya::agree::{Agreement, load};
use hashiya::formats::store::{self, SaveInfo, annotation_path};
use hashiya::formats::tokenize::tokenize;
use hashiya::model::{Annotations, Document, Entity, EntityId, LabelId, LabelSet};

use crate::fixtures::{repo, run_hashiya};

/// Values printed by `agree_reference.py` (scikit-learn 1.9.1, statsmodels 0.15.0,
/// krippendorff 0.9.0; 243 tokens); see the module doc.
const REF_COHEN: [f64; 3] = [0.719495510902095, 0.740280561122244, 0.569167123981595];
const REF_COHEN_LOC_AB: f64 = 0.635838150289017;
const REF_FLEISS: f64 = 0.674597308349492;
const REF_ALPHA_3: f64 = 0.675043676925144;
const REF_ALPHA_AB: f64 = 0.719779161584387;

fn sample() -> String {
    std::fs::read_to_string(repo("assets/sample-article.txt")).expect("sample article")
}

/// Entities of the three annotators: A tags every 7th token (two tokens every 14th), labels
/// PER ORG LOC GPE in turn; B and C change A's work in fixed patterns (drop, relabel, widen,
/// add); only C uses EVENT.
fn annotators(text: &str) -> [Vec<(Range<usize>, u32)>; 3] {
    let toks = tokenize(text);
    let span = |i: usize, n: usize| toks[i].start..toks[(i + n - 1).min(toks.len() - 1)].end;
    let a: Vec<(Range<usize>, u32)> = (0..toks.len())
        .filter(|i| i % 7 == 0)
        .map(|i| (span(i, if i % 14 == 0 { 2 } else { 1 }), 1 + (i as u32 / 7) % 4))
        .collect();
    let next = |l: u32| 1 + l % 4;
    let mut b = Vec::new();
    let mut c = Vec::new();
    for (k, (r, l)) in a.iter().enumerate() {
        if k % 6 != 5 {
            let l = if k % 5 == 4 { next(*l) } else { *l };
            let r = if k % 8 == 3 {
                r.start..span(toks.partition_point(|t| t.end <= r.end), 1).end
            } else {
                r.clone()
            };
            b.push((r, l));
        }
        if k % 4 != 1 {
            c.push((r.clone(), if k % 9 == 2 { next(*l) } else { *l }));
        }
    }
    b.extend((0..toks.len()).filter(|i| i % 23 == 11 && i % 7 != 0).map(|i| (span(i, 1), 3)));
    c.extend((0..toks.len()).filter(|i| i % 19 == 3 && i % 7 != 0).map(|i| (span(i, 1), 5)));
    [a, b, c]
}

fn annotations(doc: &Document, spans: &[(Range<usize>, u32)]) -> Annotations {
    let entities = spans
        .iter()
        .enumerate()
        .map(|(i, (r, l))| Entity {
            id: EntityId(i as u64 + 1),
            start: r.start,
            end: r.end,
            label: LabelId(*l),
        })
        .collect();
    Annotations::from_parts(doc, LabelSet::default(), entities, Vec::new()).expect("valid")
}

/// Writes the article and one annotator's file into `dir/name`.
fn write_copy(dir: &Path, name: &str, text: &str, ann: &Annotations, who: &str) -> PathBuf {
    let article = dir.join(name);
    std::fs::create_dir_all(article.parent().expect("parent")).expect("mkdir");
    std::fs::write(&article, text).expect("write");
    let info = SaveInfo { annotator: who.to_string(), ..SaveInfo::new(&article) };
    store::save(&annotation_path(&article), &Document::new(text.to_string()), ann, &info).expect("save");
    annotation_path(&article)
}

fn three() -> (Agreement, Vec<Annotations>) {
    let text = sample();
    let doc = Document::new(text.clone());
    let anns: Vec<Annotations> = annotators(&text).iter().map(|s| annotations(&doc, s)).collect();
    let mut agr = Agreement::new(vec!["a".into(), "b".into(), "c".into()]);
    agr.add(&text, &anns.iter().collect::<Vec<_>>());
    (agr, anns)
}

fn close(got: Option<f64>, want: f64, what: &str) {
    let got = got.unwrap_or(f64::NAN);
    assert!((got - want).abs() < 1e-6, "{what}: {got} but the reference says {want}");
}

#[test]
fn token_ratings_are_the_reference_data() {
    let (agr, _) = three();
    let json = serde_json::json!({ "labels": agr.labels(), "ratings": agr.ratings() });
    let path = repo("tests/it/reference/agree_ratings.json");
    if std::env::var_os("HASHIYA_BLESS_AGREE").is_some() {
        std::fs::write(&path, serde_json::to_string(&json).expect("json")).expect("write");
    }
    let recorded: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("reference ratings")).expect("json");
    assert_eq!(json, recorded, "the token ratings changed: regenerate the reference (module doc)");
}

#[test]
fn kappa_and_alpha_match_the_reference_libraries() {
    let (agr, _) = three();
    let report = agr.report();
    for (p, want) in report.pairs.iter().zip(REF_COHEN) {
        close(p.cohen_kappa, want, &format!("Cohen's kappa {} vs {}", p.first, p.second));
    }
    let loc = report.pairs[0].labels.iter().find(|l| l.label == "LOC").expect("LOC");
    close(loc.cohen_kappa, REF_COHEN_LOC_AB, "Cohen's kappa of LOC vs rest, a vs b");
    close(report.fleiss_kappa, REF_FLEISS, "Fleiss' kappa");
    close(report.krippendorff_alpha, REF_ALPHA_3, "Krippendorff's alpha, three annotators");
    let text = sample();
    let (_, anns) = three();
    let mut two = Agreement::new(vec!["a".into(), "b".into()]);
    two.add(&text, &[&anns[0], &anns[1]]);
    close(two.report().krippendorff_alpha, REF_ALPHA_AB, "Krippendorff's alpha, a and b");
    assert_eq!(two.report().fleiss_kappa, None, "Fleiss' kappa is for three or more");
}

#[test]
fn span_scores_match_counts_made_from_the_generator() {
    let text = sample();
    let [a, b, c] = annotators(&text);
    let (agr, _) = three();
    let report = agr.report();
    let ab = &report.pairs[0];
    let exact = a.iter().filter(|x| b.contains(x)).count() as u64;
    assert_eq!((ab.exact.first, ab.exact.second), (a.len() as u64, b.len() as u64));
    assert_eq!(ab.exact.matched_first, exact);
    let p = exact as f64 / b.len() as f64;
    let r = exact as f64 / a.len() as f64;
    close(ab.exact.f1, 2.0 * p * r / (p + r), "exact F1");
    assert!(ab.partial.f1 > ab.exact.f1, "widened spans still overlap: partial F1 is higher");
    // EVENT: only c used it; the confusion of a vs c puts it in the O row.
    let event = report.labels.iter().find(|l| l.label == "EVENT").expect("EVENT counted");
    assert_eq!(event.entities[..2], [0, 0]);
    assert!(report.labels_missing.iter().any(|(l, who)| l == "EVENT" && who == &["a", "b"]));
    let ei = report.confusion_labels.iter().position(|l| l == "EVENT").expect("column");
    let alone = c
        .iter()
        .filter(|(r, l)| *l == 5 && !a.iter().any(|(x, _)| x.start < r.end && r.start < x.end))
        .count() as u64;
    assert!(alone > 0 && alone < event.entities[2], "the data has both kinds");
    assert_eq!(report.pairs[1].confusion[0][ei], alone, "c's EVENTs overlapping nothing of a");
    let column: u64 = report.pairs[1].confusion.iter().map(|row| row[ei]).sum();
    assert_eq!(column, event.entities[2], "each EVENT overlaps at most one entity of a");
}

#[test]
fn the_command_compares_folders_and_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = sample();
    let doc = Document::new(text.clone());
    let sets = annotators(&text);
    for (who, spans) in ["rana", "omar"].iter().zip(&sets) {
        let ann = annotations(&doc, spans);
        write_copy(&dir.path().join(who), "news/one.txt", &text, &ann, who);
        write_copy(&dir.path().join(who), "news/two.txt", &text, &ann, who);
    }
    write_copy(&dir.path().join("rana"), "only-rana.txt", &text, &annotations(&doc, &sets[0]), "rana");
    let out = run_hashiya(&[
        PathBuf::from("agree"),
        dir.path().join("rana"),
        dir.path().join("omar"),
        PathBuf::from("--json"),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("only-rana.txt"), "unmatched listed: {stderr}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["documents"], 2);
    assert_eq!(json["annotators"], serde_json::json!(["rana", "omar"]));
    let mut single = Agreement::new(vec!["rana".into(), "omar".into()]);
    let anns: Vec<Annotations> = sets[..2].iter().map(|s| annotations(&doc, s)).collect();
    single.add(&text, &[&anns[0], &anns[1]]);
    let k = single.report().pairs[0].cohen_kappa.expect("defined");
    let got = json["pairs"][0]["cohen_kappa"].as_f64().expect("number");
    assert!((got - k).abs() < 1e-12, "two copies of one document give the same kappa: {got} vs {k}");
    let table = run_hashiya(&[
        PathBuf::from("agree"),
        dir.path().join("rana/news/one.txt.hashiya.ron"),
        dir.path().join("omar/news/one.txt.hashiya.ron"),
    ]);
    let table = String::from_utf8_lossy(&table.stdout);
    assert!(table.contains("rana vs omar") && table.contains("overall"), "{table}");
}

#[test]
fn files_of_different_texts_are_refused_with_both_fingerprints() {
    let dir = tempfile::tempdir().expect("tempdir");
    let one = "التقى الوزير في باكو.";
    let other = "التقى الوزير في طهران.";
    let ann = Annotations::new(LabelSet::default());
    let a = write_copy(&dir.path().join("a"), "x.txt", one, &ann, "a");
    let b = write_copy(&dir.path().join("b"), "x.txt", other, &ann, "b");
    let err = load::load(&[a.clone(), b]).expect_err("refused");
    let msg = err.to_string();
    assert!(msg.contains(&store::sha256_hex(one)) && msg.contains(&store::sha256_hex(other)), "{msg}");
    let out = run_hashiya(&[PathBuf::from("agree"), a]);
    assert!(!out.status.success(), "one annotator is not enough");
}
