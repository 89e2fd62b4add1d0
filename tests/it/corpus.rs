//! A folder as a corpus through the command line: a multi-document CoNLL file imported as a
//! corpus, marked, exported with stable splits, validated and counted; bad files are listed
//! as problems and never stop the rest.

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::fixtures::{hashiya, run_hashiya};

/// A multi-document CoNLL file of `n` documents, each different (document `i` names person
/// `i`), with `-DOCSTART-` lines; returns the documents' token lines (blank lines between
/// sentences) as an exporter should write them.
fn conll_fixture(path: &Path, n: usize) -> Vec<String> {
    let mut file = String::new();
    let mut docs = Vec::new();
    for i in 0..n {
        let body = format!(
            "التقى\tO\nالوزير\tB-PER\nرقم{i}\tI-PER\nفي\tO\nباكو\tB-LOC\n.\tO\n\n\
             وقالت\tO\nالأمم\tB-ORG\nالمتحدة\tI-ORG\nإن\tO\nالاجتماع\tO\n{}\tO\n.\tO\n\n",
            i * 7
        );
        file.push_str("-DOCSTART- -X- -X- O\n\n");
        file.push_str(&body);
        docs.push(body);
    }
    fs::write(path, file).expect("write the CoNLL fixture");
    docs
}

fn args<'a>(list: &[&'a OsStr]) -> Vec<&'a OsStr> {
    list.to_vec()
}

fn os(s: &str) -> &OsStr {
    OsStr::new(s)
}

/// Runs `hashiya` with `HASHIYA_ANNOTATOR` set.
fn run_as(annotator: &str, argv: &[&OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .args(argv)
        .env("HASHIYA_ANNOTATOR", annotator)
        .output()
        .expect("the hashiya binary runs")
}

/// The documents of a CoNLL export: the text after each `-DOCSTART-` line and its blank line.
fn conll_docs(text: &str) -> Vec<String> {
    assert!(text.is_empty() || text.starts_with("-DOCSTART- -X- -X- O\n\n"), "{text}");
    text.split("-DOCSTART- -X- -X- O\n\n").skip(1).map(String::from).collect()
}

/// The split of each document of a JSONL split export, by its `"name"`.
fn jsonl_splits(dir: &Path, splits: &[&str]) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for split in splits {
        let text = fs::read_to_string(dir.join(format!("{split}.jsonl"))).expect("split file");
        for line in text.lines() {
            let value: serde_json::Value = serde_json::from_str(line).expect("JSON line");
            let name = value["name"].as_str().expect("a name field").to_string();
            assert!(out.insert(name, split.to_string()).is_none(), "a document in two splits");
        }
    }
    out
}

/// Imports 30 documents as a corpus in `dir/corpus`; returns the corpus and the documents.
fn imported_corpus(dir: &Path) -> (PathBuf, Vec<String>) {
    let input = dir.join("multi.conll");
    let docs = conll_fixture(&input, 30);
    let corpus = dir.join("corpus");
    let out = run_hashiya(&args(&[
        os("import"),
        os("--format"),
        os("conll"),
        input.as_os_str(),
        os("-o"),
        corpus.as_os_str(),
    ]));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    (corpus, docs)
}

#[test]
fn an_imported_corpus_shares_its_labels_and_exports_with_stable_splits() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (corpus, docs) = imported_corpus(dir.path());
    let settings = fs::read_to_string(corpus.join("hashiya-corpus.ron")).expect("corpus file written");
    for label in ["\"PER\"", "\"LOC\"", "\"ORG\""] {
        assert!(settings.contains(label), "{settings}");
    }
    let first = fs::read_to_string(corpus.join("multi-1.txt.hashiya.ron")).expect("annotations");
    let last = fs::read_to_string(corpus.join("multi-30.txt.hashiya.ron")).expect("annotations");
    let labels = |t: &str| t.lines().filter(|l| l.contains("color:")).map(String::from).collect::<Vec<_>>();
    assert_eq!(labels(&first), labels(&last), "one label set");

    // Split: disjoint, union = input, a -DOCSTART- per document, same seed = same files.
    let split = dir.path().join("split");
    let export = |out: &Path, seed: &str| {
        hashiya(&args(&[
            os("export"),
            corpus.as_os_str(),
            os("--format"),
            os("conll"),
            os("-o"),
            out.as_os_str(),
            os("--split"),
            os("train=0.8,dev=0.1,test=0.1"),
            os("--seed"),
            os(seed),
        ]))
    };
    export(&split, "7");
    let mut all: Vec<String> = Vec::new();
    let mut sizes = Vec::new();
    for name in ["train", "dev", "test"] {
        let text = fs::read_to_string(split.join(format!("{name}.conll"))).expect("split file");
        assert_eq!(text.matches("-DOCSTART-").count(), conll_docs(&text).len());
        sizes.push(conll_docs(&text).len());
        all.extend(conll_docs(&text));
    }
    let (mut want, mut got) = (docs.clone(), all);
    want.sort();
    got.sort();
    assert_eq!(got, want, "the splits hold every document once, tokens and tags unchanged");
    assert!(sizes[0] > sizes[1] && sizes[0] > sizes[2], "{sizes:?}");
    let again = dir.path().join("again");
    export(&again, "7");
    for name in ["train.conll", "dev.conll", "test.conll"] {
        assert_eq!(fs::read(split.join(name)).ok(), fs::read(again.join(name)).ok(), "same seed, same split");
    }

    // Adding a document moves no other document.
    let jsonl = |out: &Path| {
        hashiya(&args(&[
            os("export"),
            corpus.as_os_str(),
            os("--format"),
            os("jsonl"),
            os("-o"),
            out.as_os_str(),
            os("--split"),
            os("train=0.8,dev=0.1,test=0.1"),
            os("--seed"),
            os("7"),
        ]));
        jsonl_splits(out, &["train", "dev", "test"])
    };
    let before = jsonl(&dir.path().join("j1"));
    assert_eq!(before.len(), 30);
    fs::create_dir_all(corpus.join("later")).expect("mkdir");
    fs::write(corpus.join("later/new.txt"), "خبر جديد عن باكو.\n").expect("a new article");
    let after = jsonl(&dir.path().join("j2"));
    assert_eq!(after.len(), 31);
    assert!(after.contains_key("later/new.txt"), "names are paths relative to the corpus");
    for (name, split) in &before {
        assert_eq!(after.get(name), Some(split), "{name} kept its split");
    }
}

#[test]
fn only_done_documents_are_exported_and_skipped_ones_never() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (corpus, _) = imported_corpus(dir.path());
    let file = |n: usize| corpus.join(format!("multi-{n}.txt")).into_os_string();
    let (a, b, c, d) = (file(2), file(3), file(11), file(5));
    let out = run_as("rana", &args(&[os("mark"), &a, &b, &c, os("--status"), os("done")]));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    hashiya(&args(&[os("mark"), &d, os("--status"), os("skipped")]));
    let ann = fs::read_to_string(corpus.join("multi-2.txt.hashiya.ron")).expect("annotations");
    assert!(ann.contains("    status: \"done\",\n") && ann.contains("    annotator: \"rana\",\n"), "{ann}");

    let done = dir.path().join("done.jsonl");
    let run = run_hashiya(&args(&[
        os("export"),
        corpus.as_os_str(),
        os("--format"),
        os("jsonl"),
        os("-o"),
        done.as_os_str(),
        os("--only-done"),
    ]));
    assert!(run.status.success());
    let text = fs::read_to_string(&done).expect("written");
    let names: Vec<String> = text
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("JSON")["name"]
                .as_str()
                .unwrap_or("")
                .to_string()
        })
        .collect();
    assert_eq!(names, vec!["multi-2.txt", "multi-3.txt", "multi-11.txt"]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("exported 3 documents") && stderr.contains("1 skipped, 26 not done"), "{stderr}");

    let all = dir.path().join("all.conll");
    hashiya(&args(&[
        os("export"),
        corpus.as_os_str(),
        os("--format"),
        os("conll"),
        os("-o"),
        all.as_os_str(),
    ]));
    let text = fs::read_to_string(&all).expect("written");
    assert_eq!(conll_docs(&text).len(), 29, "every document but the skipped one");
    assert!(!text.contains("رقم4\t"), "multi-5 (person 4) is skipped");

    let stats =
        String::from_utf8(run_as("x", &args(&[os("stats"), corpus.as_os_str()])).stdout).expect("UTF-8");
    assert!(stats.contains("30 documents, 3 of 29 done (10 %)"), "{stats}");
    let row = |first: &str| -> Vec<String> {
        let line = stats.lines().find(|l| l.split_whitespace().next() == Some(first));
        line.map_or_else(Vec::new, |l| l.split_whitespace().skip(1).map(String::from).collect())
    };
    assert_eq!(row("done"), vec!["3"], "{stats}");
    assert_eq!(row("skipped"), vec!["1"], "{stats}");
    assert_eq!(row("in-progress"), vec!["26"], "{stats}");
    assert_eq!(
        (row("PER"), row("LOC"), row("total")),
        (vec!["30".into()], vec!["30".into()], vec!["90".into()])
    );
    assert_eq!(row("rana"), vec!["3", "3", "9"], "documents, done, entities by annotator:\n{stats}");
}

#[test]
fn a_corpus_export_imports_back_unchanged() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (corpus, _) = imported_corpus(dir.path());
    let out = dir.path().join("out.conll");
    hashiya(&args(&[
        os("export"),
        corpus.as_os_str(),
        os("--format"),
        os("conll"),
        os("-o"),
        out.as_os_str(),
    ]));
    let back = dir.path().join("back");
    hashiya(&args(&[os("import"), os("--format"), os("conll"), out.as_os_str(), os("-o"), back.as_os_str()]));
    let again = dir.path().join("again.conll");
    hashiya(&args(&[
        os("export"),
        back.as_os_str(),
        os("--format"),
        os("conll"),
        os("-o"),
        again.as_os_str(),
    ]));
    assert_eq!(fs::read_to_string(&out).ok(), fs::read_to_string(&again).ok());
}

#[test]
fn validate_lists_every_problem_and_the_rest_still_works() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (corpus, _) = imported_corpus(dir.path());
    let broken = corpus.join("multi-4.txt.hashiya.ron");
    let text = fs::read_to_string(&broken).expect("read");
    fs::write(&broken, text.replace("label: \"LOC\"", "label: \"PLACE\"")).expect("break it");
    fs::write(corpus.join("binary.txt"), [0u8, 0, 1, 2, 3, 0, 159, 146]).expect("binary");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&corpus, corpus.join("loop")).expect("a symlink loop");
    let out = run_hashiya(&args(&[os("validate"), corpus.as_os_str()]));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "{stdout}");
    let line = text.lines().position(|l| l.contains("label: \"LOC\"")).map_or(0, |i| i + 1);
    assert!(
        stdout.contains(&format!("multi-4.txt.hashiya.ron:{line}:9: entity #2: label \"PLACE\"")),
        "{stdout}"
    );
    assert!(stdout.contains("binary.txt: looks like a binary file"), "{stdout}");
    #[cfg(unix)]
    assert!(stdout.contains("loop: is a symbolic link loop"), "{stdout}");
    assert!(stdout.contains("problems in") && stdout.contains("(31 documents)"), "{stdout}");

    // The same problems do not stop stats or export of the rest; nothing is written over.
    let stats = run_hashiya(&args(&[os("stats"), corpus.as_os_str()]));
    assert!(stats.status.success());
    assert!(String::from_utf8_lossy(&stats.stdout).contains("31 documents"));
    let out_file = dir.path().join("out.conll");
    let export = run_hashiya(&args(&[
        os("export"),
        corpus.as_os_str(),
        os("--format"),
        os("conll"),
        os("-o"),
        out_file.as_os_str(),
    ]));
    assert!(!export.status.success(), "left-out documents are a failure");
    let written = fs::read_to_string(&out_file).expect("the rest is exported");
    assert_eq!(conll_docs(&written).len(), 29);
    assert!(fs::read_to_string(&broken).expect("read").contains("PLACE"), "never written over");
}

#[test]
fn single_files_work_as_before_and_folder_options_are_refused_for_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (corpus, _) = imported_corpus(dir.path());
    let article = corpus.join("multi-1.txt");
    let stats = hashiya(&args(&[os("stats"), article.as_os_str()]));
    assert!(stats.contains("PER") && stats.contains("total"), "{stats}");
    let out = run_hashiya(&args(&[
        os("export"),
        article.as_os_str(),
        os("--format"),
        os("conll"),
        os("--only-done"),
    ]));
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("for folders"));
    let out = run_hashiya(&args(&[os("export"), corpus.as_os_str(), os("--format"), os("conll")]));
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("needs -o"));
    let out = run_hashiya(&args(&[os("mark"), article.as_os_str(), os("--status"), os("finished")]));
    assert!(!out.status.success());
}
