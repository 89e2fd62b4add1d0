//! Your own model: `hashiya suggest DIR --command CMD` with small `sh`/`sed` answerers written
//! by the tests (no Python), one that answers well in batches, ones that lie, hang or fail —
//! after which every file of the corpus is byte for byte as before — and `hashiya import
//! --as-suggestions` of the same span lines from a file or stdin.

use std::ffi::OsStr;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use hashiya::editor::{Article, EditCommand};
use hashiya::formats::store::DocStatus;
use hashiya::model::{SuggestionKey, SuggestionSource};

use crate::fixtures::run_hashiya;

const TEXTS: [(&str, &str); 5] = [
    ("a.txt", "وصل المقداد إلى باكو.\n"),
    ("b.txt", "غادر المقداد باكو.\n"),
    ("sub/c.txt", "قال الوزير في دمشق.\n"),
    ("sub/d.txt", "عاد الوفد إلى دمشق.\n"),
    ("e.txt", "وصل الرئيس إلى باكو.\n"),
];

/// A corpus of five documents with labels PER, ORG, LOC.
fn corpus(dir: &Path) -> PathBuf {
    let root = dir.join("corpus");
    for (name, text) in TEXTS {
        let path = root.join(name);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, text).expect("write");
    }
    let out = run_hashiya(&[
        OsStr::new("init"),
        root.as_os_str(),
        OsStr::new("--labels"),
        OsStr::new("PER,ORG,LOC"),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    root
}

/// Every file under `dir` with its bytes.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in fs::read_dir(&d).expect("list") {
            let path = e.expect("entry").path();
            if path.is_dir() {
                todo.push(path);
            } else {
                let bytes = fs::read(&path).expect("read");
                out.push((path, bytes));
            }
        }
    }
    out.sort();
    out
}

/// A shell script in `dir` (made executable through `sh FILE`).
fn script(dir: &Path, name: &str, body: &str) -> String {
    let path = dir.join(name);
    fs::write(&path, format!("#!/bin/sh\n{body}\n")).expect("write script");
    format!("sh '{}'", path.display())
}

fn suggest(target: &Path, command: &str, rest: &[&str]) -> (Output, String) {
    let mut argv: Vec<&OsStr> =
        vec![OsStr::new("suggest"), target.as_os_str(), OsStr::new("--command"), OsStr::new(command)];
    argv.extend(rest.iter().map(OsStr::new));
    let out = run_hashiya(&argv);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (out, stderr)
}

/// The external suggestions of a document: (text, label, confidence per mille, note).
fn external(path: &Path) -> Vec<(String, String, u16, String)> {
    let (a, _) = Article::open(path).expect("opens");
    a.ann()
        .suggestions()
        .iter()
        .filter(|s| s.source == SuggestionSource::External)
        .map(|s| {
            let label = a.ann().labels().get(s.label).map(|l| l.name.clone()).unwrap_or_default();
            (a.doc.text()[s.range()].to_string(), label, s.confidence, s.note.clone())
        })
        .collect()
}

/// Answers every request line with its first word as PER (0.5 sure) and its last word before
/// the full stop as LOC — by `sed` on the request's text — and logs each run and its input.
const GOOD: &str = r#"echo run >> "$(dirname "$0")/runs.log"
tee -a "$(dirname "$0")/requests.log" | sed 's/^{"name":"\([^"]*\)".*$/{"name":"\1","spans":[[0,3,"PER",0.5]]}/'"#;

#[test]
fn a_command_answers_in_batches_and_fills_the_layer_of_documents_not_done() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = corpus(tmp.path());
    let done = root.join("b.txt");
    let (mut b, _) = Article::open(&done).expect("opens");
    b.set_status(DocStatus::Done);
    b.save(false).expect("saves");
    let cmd = script(tmp.path(), "good.sh", GOOD);
    let (out, stderr) = suggest(&root, &cmd, &["--batch", "2"]);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("answered 5 documents") && stderr.contains("2 batches, 4 spans"), "{stderr}");
    assert!(stderr.contains("4 suggestions in 4 documents; 1 documents marked done left alone"), "{stderr}");
    assert_eq!(fs::read_to_string(tmp.path().join("runs.log")).expect("log").lines().count(), 2);
    let requests = fs::read_to_string(tmp.path().join("requests.log")).expect("requests");
    let first: serde_json::Value =
        serde_json::from_str(requests.lines().next().expect("line")).expect("JSON");
    assert_eq!(first["name"], "a.txt");
    assert_eq!(first["text"], TEXTS[0].1);
    assert_eq!(first["labels"], serde_json::json!(["PER", "ORG", "LOC"]));
    let names: Vec<String> = requests
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("JSON")["name"].as_str().unwrap_or("").into()
        })
        .collect();
    assert_eq!(
        names,
        ["a.txt", "e.txt", "sub/c.txt", "sub/d.txt"],
        "done b.txt is not sent; paths from the root"
    );
    let got = external(&root.join("sub/c.txt"));
    assert_eq!(got, [("قال".to_string(), "PER".to_string(), 500, cmd.clone())]);
    assert!(external(&done).is_empty(), "a document marked done is left alone");
}

#[test]
fn lying_failing_and_hanging_commands_change_nothing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = corpus(tmp.path());
    // A good first run, so that the files hold suggestions a bad run could damage.
    let good = script(tmp.path(), "good.sh", GOOD);
    assert!(suggest(&root, &good, &[]).0.status.success());
    let before = snapshot(&root);
    // Good for the first batch (a.txt, b.txt), a lie in the second (e.txt, sub/c.txt).
    let second_lies = |lie: &str| {
        format!(
            r#"sed -e 's/^{{"name":"\(sub\/c.txt\)".*$/{lie}/' -e t -e 's/^{{"name":"\([^"]*\)".*$/{{"name":"\1","spans":[]}}/'"#
        )
    };
    let cases: Vec<(String, &str)> = vec![
        (
            second_lies(r#"{"name":"\1","spans":[[0,999,"PER"]]}"#),
            "batch 2 output:2:30: document \"sub/c.txt\", span 1 [0,999,\"PER\"]: end 999 is past the end of the text (20 code points)",
        ),
        (
            second_lies(r#"{"name":"\1","spans":[[3,1,"PER"]]}"#),
            "span 1 [3,1,\"PER\"]: start 3 is not before end 1",
        ),
        (
            second_lies(r#"{"name":"\1","spans":[[0,3,"TIME"]]}"#),
            "label \"TIME\" is not one of the corpus's labels (PER, ORG, LOC)",
        ),
        (second_lies(r#"{"name":"\1","spans":[[0,3,"PER"]]"#), "batch 2 output:2:"),
        (
            second_lies(r#"{"name":"sub\/x.txt","spans":[]}"#),
            "document \"sub/x.txt\" was not sent in this batch",
        ),
        (
            second_lies(r#"{"name":"\1","spans":[]}\n{"name":"\1","spans":[]}"#),
            "batch 2 output:3:1: document \"sub/c.txt\" is answered twice (first on line 2)",
        ),
        (second_lies(""), "document \"sub/c.txt\" was sent but not answered"),
        ("cat".to_string(), "batch 1 output:1:"),
        (
            "cat >/dev/null; echo 'model weights not found' >&2; exit 3".to_string(),
            "exited with status 3; its stderr ends with:\n    model weights not found",
        ),
    ];
    for (i, (body, message)) in cases.iter().enumerate() {
        let cmd = script(tmp.path(), &format!("bad{i}.sh"), body);
        let (out, stderr) = suggest(&root, &cmd, &["--batch", "2"]);
        assert!(!out.status.success(), "{body}: {stderr}");
        assert!(stderr.contains(message), "{body}\nwant: {message}\n got: {stderr}");
        assert!(stderr.contains("nothing changed"), "{stderr}");
        assert_eq!(snapshot(&root), before, "{body}: a bad answer in batch 2 left batch 1 unwritten too");
    }
    let hang = script(tmp.path(), "hang.sh", "cat > /dev/null; sleep 30");
    let started = Instant::now();
    let (out, stderr) = suggest(&root, &hang, &["--timeout", "0.5"]);
    assert!(!out.status.success() && stderr.contains("did not finish within 0.5 s"), "{stderr}");
    assert!(started.elapsed() < Duration::from_secs(10), "stopped in {:?}", started.elapsed());
    assert_eq!(snapshot(&root), before);
}

#[test]
fn entities_and_rejections_win_over_a_commands_spans() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = corpus(tmp.path());
    let a = root.join("a.txt");
    let (mut article, _) = Article::open(&a).expect("opens");
    let text = article.doc.text().to_string();
    let at = |w: &str| text.find(w).map(|s| s..s + w.len()).expect("word");
    let loc = article.ann().labels().by_name("LOC").expect("LOC").id;
    let per = article.ann().labels().by_name("PER").expect("PER").id;
    article.apply(EditCommand::TagRange(at("باكو"), loc)).expect("tags");
    let key = SuggestionKey { start: at("وصل").start, end: at("وصل").end, label: per };
    let s = hashiya::model::Suggestion::new(at("وصل"), per, SuggestionSource::Gazetteer, 1000);
    article.apply(EditCommand::Suggest(SuggestionSource::Gazetteer, vec![s])).expect("suggests");
    article.apply(EditCommand::Reject(key)).expect("rejects");
    article.save(false).expect("saves");
    let answer = r#"{"name":"a.txt","spans":[[0,3,"PER"],[4,11,"PER",0.75],[16,20,"LOC"]]}"#;
    let cmd = script(tmp.path(), "a.sh", &format!("cat > /dev/null; echo '{answer}'"));
    let (out, stderr) = suggest(&a, &cmd, &[]);
    assert!(out.status.success(), "{stderr}");
    let got: Vec<String> = external(&a).into_iter().map(|(t, l, c, _)| format!("{t} {l} {c}")).collect();
    assert_eq!(got, ["المقداد PER 750"], "the rejected «وصل» and the entity «باكو» are left out");
}

fn import(target: &Path, file: &str, stdin: Option<&str>) -> (Output, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .args([OsStr::new("import"), OsStr::new("--as-suggestions"), OsStr::new(file), target.as_os_str()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    if let Some(mut pipe) = child.stdin.take() {
        pipe.write_all(stdin.unwrap_or("").as_bytes()).expect("stdin");
    }
    let out = child.wait_with_output().expect("waits");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (out, stderr)
}

#[test]
fn span_lines_import_from_a_file_or_stdin_all_or_nothing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = corpus(tmp.path());
    let before = snapshot(&root);
    let bad = "{\"name\":\"a.txt\",\"spans\":[[4,11,\"PER\"]]}\n{\"name\":\"nowhere.txt\",\"spans\":[]}\n";
    let (out, stderr) = import(&root, "-", Some(bad));
    assert!(!out.status.success(), "{stderr}");
    assert!(
        stderr.contains("<stdin>:2:1: document \"nowhere.txt\" is not an article of the corpus"),
        "{stderr}"
    );
    assert_eq!(snapshot(&root), before, "the good first line was not written either");
    let file = tmp.path().join("predictions.jsonl");
    let lines = "{\"name\":\"a.txt\",\"spans\":[[4,11,\"PER\",0.9]]}\n\n{\"name\":\"sub/d.txt\",\"spans\":[[14,18,\"LOC\"]]}\n";
    fs::write(&file, lines).expect("write");
    let (out, stderr) = import(&root.join("sub/d.txt"), &file.to_string_lossy(), None);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("1 lines for other documents of the corpus left alone"), "{stderr}");
    assert_eq!(
        external(&root.join("sub/d.txt")),
        [("دمشق".into(), "LOC".into(), 1000, "predictions.jsonl".into())]
    );
    assert!(external(&root.join("a.txt")).is_empty(), "only the article named on the command line");
    let (out, stderr) = import(&root, "-", Some(lines));
    assert!(out.status.success(), "{stderr}");
    assert_eq!(external(&root.join("a.txt")), [("المقداد".into(), "PER".into(), 900, "stdin".into())]);
}
