//! Pre-annotation on the command line: `hashiya suggest` from a gazetteer and from the corpus,
//! and `export --include-suggestions`; on NewsFANE (with `HASHIYA_SHARED`), suggestions from
//! the corpus against the held-out gold, side by side with a plain dictionary.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use hashiya::editor::{Article, EditCommand};
use hashiya::model::LabelId;

use crate::fixtures::{hashiya, run_hashiya};

fn article(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write article");
    path
}

#[test]
fn a_gazetteer_fills_the_layer_and_export_includes_it_only_when_asked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = article(dir.path(), "a.txt", "وصل الوزير إلى باكو قادما من وإيران.\n");
    let gaz = dir.path().join("places.tsv");
    std::fs::write(&gaz, "باكو\tGPE\nايران\tGPE\nبلا تسمية\nدمشق,GPE\n").expect("write gazetteer");
    let out = run_hashiya(&[
        std::ffi::OsStr::new("suggest"),
        a.as_os_str(),
        "--gazetteer".as_ref(),
        gaz.as_os_str(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains(&format!("{}:3: no label", gaz.display())), "{stderr}");
    assert!(stderr.contains("2 suggestions in 1 documents"), "{stderr}");
    let (opened, _) = Article::open(&a).expect("opens");
    let spans: Vec<&str> = opened.ann().suggestions().iter().map(|s| &opened.doc.text()[s.range()]).collect();
    assert_eq!(spans, ["باكو", "إيران"], "the name inside «وإيران» without its conjunction");
    assert!(opened.ann().entities().is_empty(), "suggestions are not entities");
    let plain =
        hashiya(&[std::ffi::OsStr::new("export"), a.as_os_str(), "--format".as_ref(), "jsonl".as_ref()]);
    assert!(plain.contains("\"label\":[]"), "{plain}");
    let with = hashiya(&[
        "export".as_ref(),
        a.as_os_str(),
        "--format".as_ref(),
        "jsonl".as_ref(),
        "--include-suggestions".as_ref(),
    ]);
    assert!(with.contains("[15,19,\"GPE\"]") && with.contains("[30,35,\"GPE\"]"), "{with}");
}

#[test]
fn suggest_from_corpus_needs_entities_and_leaves_done_documents_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("hashiya-corpus.ron"), "(labels: [])").ok();
    let a = article(dir.path(), "a.txt", "وصل المقداد إلى باكو.\n");
    let b = article(dir.path(), "b.txt", "غادر المقداد باكو.\n");
    let out = run_hashiya(&["suggest".as_ref(), dir.path().as_os_str(), "--from-corpus".as_ref()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && stderr.contains("no entities in the corpus yet"), "{stderr}");
    let (mut first, _) = Article::open(&a).expect("opens");
    let r = first.doc.text().find("المقداد").map(|s| s..s + "المقداد".len()).expect("word");
    first.apply(EditCommand::TagRange(r, LabelId(1))).expect("tags");
    first.set_status(hashiya::formats::store::DocStatus::Done);
    first.save(false).expect("saves");
    let before = std::fs::read_to_string(hashiya::formats::store::annotation_path(&a)).expect("saved");
    let out = run_hashiya(&["suggest".as_ref(), dir.path().as_os_str(), "--from-corpus".as_ref()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("1 suggestions in 1 documents; 1 documents marked done left alone"), "{stderr}");
    assert_eq!(std::fs::read_to_string(hashiya::formats::store::annotation_path(&a)).ok(), Some(before));
    let (second, _) = Article::open(&b).expect("opens");
    let layer: Vec<&str> = second.ann().suggestions().iter().map(|s| &second.doc.text()[s.range()]).collect();
    assert_eq!(layer, ["المقداد"]);
}

/// A span (code points) and label.
type Span = (usize, usize, String);

/// Documents of a doccano JSONL export: name → (text, spans).
fn read_jsonl(path: &Path) -> BTreeMap<String, (String, Vec<Span>)> {
    let text = std::fs::read_to_string(path).expect("read export");
    text.lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).expect("JSON line");
            let spans = v["label"]
                .as_array()
                .expect("labels")
                .iter()
                .map(|l| {
                    (
                        l[0].as_u64().expect("s") as usize,
                        l[1].as_u64().expect("e") as usize,
                        l[2].as_str().expect("l").to_string(),
                    )
                })
                .collect();
            (
                v["name"].as_str().expect("name").to_string(),
                (v["text"].as_str().expect("text").to_string(), spans),
            )
        })
        .collect()
}

/// Exact-span matches, where a prediction that leaves out proclitics the gold token carries
/// («إيران» for «وإيران») also counts.
fn score(gold: &[Span], pred: &[Span], chars: &[char]) -> (usize, usize, usize) {
    let proclitic = |s: usize, e: usize| e - s <= 3 && chars[s..e].iter().all(|c| "وفبكلال".contains(*c));
    let hit = |p: &Span| {
        gold.iter().any(|g| g.1 == p.1 && g.2 == p.2 && g.0 <= p.0 && (g.0 == p.0 || proclitic(g.0, p.0)))
    };
    let tp = pred.iter().filter(|p| hit(p)).count();
    (tp, pred.len(), gold.len())
}

/// The baseline: surface forms of the training entities, whitespace tokens, no normalisation,
/// longest match, most frequent label.
fn dictionary_baseline(train: &[(String, Vec<Span>)], text: &str) -> Vec<Span> {
    let mut forms: HashMap<Vec<String>, HashMap<String, usize>> = HashMap::new();
    for (t, spans) in train {
        let chars: Vec<char> = t.chars().collect();
        for (s, e, l) in spans {
            let form: String = chars[*s..*e].iter().collect();
            let key = form.split_whitespace().map(String::from).collect();
            *forms.entry(key).or_default().entry(l.clone()).or_default() += 1;
        }
    }
    let longest = forms.keys().map(Vec::len).max().unwrap_or(0);
    // Whitespace tokens with code-point offsets.
    let mut tokens: Vec<(usize, usize, String)> = Vec::new();
    let mut start = None;
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().chain(std::iter::once(&' ')).enumerate() {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                tokens.push((s, i, chars[s..i].iter().collect()));
                start = None;
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let found = (1..=longest.min(tokens.len() - i)).rev().find_map(|n| {
            let key: Vec<String> = tokens[i..i + n].iter().map(|t| t.2.clone()).collect();
            forms.get(&key).map(|labels| (n, labels))
        });
        match found {
            Some((n, labels)) => {
                let best = labels
                    .iter()
                    .max_by_key(|(l, c)| (**c, std::cmp::Reverse((*l).clone())))
                    .map(|(l, _)| l.clone());
                out.push((tokens[i].0, tokens[i + n - 1].1, best.unwrap_or_default()));
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

fn prf((tp, np, ng): (usize, usize, usize)) -> (f64, f64, f64) {
    let p = if np == 0 { 0.0 } else { tp as f64 / np as f64 };
    let r = if ng == 0 { 0.0 } else { tp as f64 / ng as f64 };
    (p, r, if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) })
}

fn add(a: &mut (usize, usize, usize), b: (usize, usize, usize)) {
    (a.0, a.1, a.2) = (a.0 + b.0, a.1 + b.1, a.2 + b.2);
}

const NEWSFANE: &str = "ner/newsfane/NewsFANE_Gold_2014_170K.txt";

/// NewsFANE as 40-sentence documents, imported as a corpus; the first 60 % keep their
/// annotations and are marked done, the rest lose them; `suggest --from-corpus` must be more
/// precise than the plain dictionary and find more.
#[test]
fn from_corpus_beats_a_plain_dictionary_on_newsfane() {
    let Some(shared) =
        crate::fixtures::shared("from_corpus_beats_a_plain_dictionary_on_newsfane", &[NEWSFANE])
    else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let raw = std::fs::read_to_string(shared.join(NEWSFANE)).expect("read NewsFANE");
    let mut conll = String::new();
    for (i, sentence) in raw.split("\r\n\t\r\n").enumerate() {
        if i % 40 == 0 {
            conll.push_str("-DOCSTART-\tO\n\n");
        }
        conll.push_str(&sentence.replace("\r\n", "\n"));
        conll.push_str("\n\n");
    }
    let input = dir.path().join("newsfane.conll");
    std::fs::write(&input, conll).expect("write");
    let corpus = dir.path().join("corpus");
    hashiya(&[
        "import".as_ref(),
        "--format".as_ref(),
        "conll".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        corpus.as_os_str(),
    ]);
    let gold_file = dir.path().join("gold.jsonl");
    hashiya(&[
        "export".as_ref(),
        corpus.as_os_str(),
        "--format".as_ref(),
        "jsonl".as_ref(),
        "-o".as_ref(),
        gold_file.as_os_str(),
    ]);
    let gold = read_jsonl(&gold_file);
    let names: Vec<&String> = gold.keys().collect();
    let cut = names.len() * 6 / 10;
    assert!(names.len() >= 50, "{} documents", names.len());
    for (i, name) in names.iter().enumerate() {
        let ann = corpus.join(format!("{name}.hashiya.ron"));
        if i < cut {
            hashiya(&[
                "mark".as_ref(),
                corpus.join(name.as_str()).as_os_str(),
                "--status".as_ref(),
                "done".as_ref(),
            ]);
        } else {
            std::fs::remove_file(&ann).expect("unannotate");
        }
    }
    hashiya(&["suggest".as_ref(), corpus.as_os_str(), "--from-corpus".as_ref()]);
    let pred_file = dir.path().join("pred.jsonl");
    hashiya(&[
        "export".as_ref(),
        corpus.as_os_str(),
        "--format".as_ref(),
        "jsonl".as_ref(),
        "--include-suggestions".as_ref(),
        "-o".as_ref(),
        pred_file.as_os_str(),
    ]);
    let pred = read_jsonl(&pred_file);
    let train: Vec<(String, Vec<Span>)> = names[..cut].iter().map(|n| gold[*n].clone()).collect();
    let (mut ours, mut base) = ((0, 0, 0), (0, 0, 0));
    for name in &names[cut..] {
        let (text, gold_spans) = &gold[*name];
        let chars: Vec<char> = text.chars().collect();
        add(&mut ours, score(gold_spans, &pred[*name].1, &chars));
        add(&mut base, score(gold_spans, &dictionary_baseline(&train, text), &chars));
    }
    let (o, b) = (prf(ours), prf(base));
    eprintln!(
        "NewsFANE held-out ({} of {} documents): hashiya suggest --from-corpus P {:.3} R {:.3} F1 {:.3} ({} suggested); plain dictionary P {:.3} R {:.3} F1 {:.3} ({} suggested)",
        names.len() - cut,
        names.len(),
        o.0,
        o.1,
        o.2,
        ours.1,
        b.0,
        b.1,
        b.2,
        base.1
    );
    assert!(o.0 > b.0 && o.1 > b.1, "ours {o:?} vs dictionary {b:?}");
}
