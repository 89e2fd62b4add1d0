//! `hashiya init`: a folder made a corpus from the command line reads as the window's corpus
//! file; on an existing corpus it says what would change and changes nothing without
//! `--force`; renamed labels keep their entities, labels in use are never removed, and bad
//! input is refused with nothing written.

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use hashiya::corpus::{Clitics, Corpus, Settings};
use hashiya::editor::{Article, EditCommand};
use hashiya::formats::store::annotation_path;
use hashiya::model::{LabelId, PALETTE, Suggestion, SuggestionSource};

use crate::fixtures::run_hashiya;

fn init(dir: &Path, rest: &[&str]) -> (Output, String, String) {
    let mut argv: Vec<&OsStr> = vec![OsStr::new("init"), dir.as_os_str()];
    argv.extend(rest.iter().map(OsStr::new));
    let out = run_hashiya(&argv);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (out, stdout, stderr)
}

/// Every file under `dir` with its bytes, to check that nothing changed.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out: Vec<(PathBuf, Vec<u8>)> = fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_file())
        .map(|p| {
            let bytes = fs::read(&p).expect("read");
            (p, bytes)
        })
        .collect();
    out.sort();
    out
}

/// A corpus with labels PER, ORG, LOC, MISC and one document with a PER entity on «المقداد»
/// and a MISC suggestion on «الرئيس».
fn corpus_with_a_document(dir: &Path) -> PathBuf {
    let (out, _, stderr) = init(dir, &["--labels", "PER,ORG,LOC,MISC"]);
    assert!(out.status.success(), "{stderr}");
    let a = dir.join("a.txt");
    fs::write(&a, "وصل الرئيس المقداد إلى باكو.\n").expect("write");
    let (mut article, _) = Article::open(&a).expect("opens");
    let corpus = Corpus::open(dir).expect("corpus");
    article.apply(EditCommand::SetLabels(corpus.labels().clone())).expect("labels");
    let text = article.doc.text().to_string();
    let at = |w: &str| text.find(w).map(|s| s..s + w.len()).expect("word");
    let per = corpus.labels().by_name("PER").expect("PER").id;
    let misc = corpus.labels().by_name("MISC").expect("MISC").id;
    article.apply(EditCommand::TagRange(at("المقداد"), per)).expect("tags");
    let s = Suggestion::new(at("الرئيس"), misc, SuggestionSource::Gazetteer, 1000);
    article.apply(EditCommand::Suggest(SuggestionSource::Gazetteer, vec![s])).expect("suggests");
    article.save(false).expect("saves");
    a
}

#[test]
fn init_makes_a_corpus_the_window_reads_and_is_idempotent() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("new corpus");
    let (out, stdout, stderr) = init(&dir, &["--labels", "PER, ORG,LOC", "--clitics", "exclude"]);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("label \"ORG\" (colour #e69f00, key 2)"), "{stdout}");
    let settings = Settings::read(&dir.join("hashiya-corpus.ron")).expect("reads");
    let labels: Vec<(&str, _, _)> =
        settings.labels.iter().map(|l| (l.name.as_str(), l.color, l.hotkey)).collect();
    assert_eq!(
        labels,
        [("PER", PALETTE[0], Some('1')), ("ORG", PALETTE[1], Some('2')), ("LOC", PALETTE[2], Some('3'))]
    );
    assert_eq!(settings.learning.clitics, Some(Clitics::Exclude));
    let before = snapshot(&dir);
    let (out, stdout, _) = init(&dir, &["--labels", "PER,ORG,LOC"]);
    assert!(out.status.success() && stdout.contains("nothing to change"), "{stdout}");
    assert_eq!(snapshot(&dir), before, "the same labels again change nothing");
}

#[test]
fn an_existing_corpus_changes_only_with_force_and_renamed_labels_keep_their_entities() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    let a = corpus_with_a_document(dir);
    let before = snapshot(dir);
    let args = ["--labels", "PERSON,ORG,LOC,NORP", "--rename", "PER=PERSON", "--clitics", "include"];
    let (out, stdout, stderr) = init(dir, &args);
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    for line in [
        "> label \"PER\" renamed \"PERSON\" (1 entities in 1 documents keep it)",
        "- label \"MISC\" (1 suggestions and rejections go with it)",
        "+ label \"NORP\" (colour #cc79a7, key 4)",
        "~ clitics: learned from the done documents → include",
        "1 annotation files follow (renamed or removed labels): a.txt",
    ] {
        assert!(stdout.contains(line), "{line:?} missing from:\n{stdout}");
    }
    assert!(stderr.contains("run again with --force"), "{stderr}");
    assert_eq!(snapshot(dir), before, "nothing changes without --force");

    let mut forced = args.to_vec();
    forced.push("--force");
    let (out, _, stderr) = init(dir, &forced);
    assert!(out.status.success(), "{stderr}");
    let corpus = Corpus::open(dir).expect("corpus");
    let names: Vec<&str> = corpus.labels().iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["PERSON", "ORG", "LOC", "NORP"]);
    assert_eq!(corpus.settings().learning.clitics, Some(Clitics::Include));
    let (article, _) = Article::open(&a).expect("opens");
    let ann = article.ann();
    let e = ann.entities().iter().next().expect("the entity is kept");
    assert_eq!(ann.labels().get(e.label).map(|l| l.name.as_str()), Some("PERSON"));
    assert_eq!(&article.doc.text()[e.range()], "المقداد");
    assert!(ann.suggestions().is_empty(), "the removed label's suggestion went with it");
    assert!(ann.labels().by_name("MISC").is_none());
    let backup = fs::read_to_string(dir.join("hashiya-corpus.ron.bak")).expect("the previous file is kept");
    assert!(backup.contains("\"MISC\"") && !backup.contains("PERSON"), "{backup}");
}

#[test]
fn a_label_that_entities_use_is_never_removed() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    let a = corpus_with_a_document(dir);
    let before = snapshot(dir);
    let (out, _, stderr) = init(dir, &["--labels", "ORG,LOC", "--force"]);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "label \"PER\" cannot be removed: 1 entities in 1 documents use it (first: a.txt); keep it in \
             --labels, rename it with --rename PER=NEW, or delete those entities first"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("nothing changed"), "{stderr}");
    assert_eq!(snapshot(dir), before);
    let (out, _, stderr) = init(dir, &["--rename", "PER=ORG", "--force"]);
    assert!(!out.status.success() && stderr.contains("that label exists already"), "{stderr}");
    assert_eq!(snapshot(dir), before);
    assert!(annotation_path(&a).exists());
}

#[test]
fn bad_input_is_refused_with_a_clear_message_and_nothing_written() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    let file = dir.join("notes.txt");
    fs::write(&file, "x").expect("write");
    let cases: [(PathBuf, &[&str], &str); 6] = [
        (file.clone(), &["--labels", "PER"], "is a file, not a folder"),
        (file.join("sub"), &["--labels", "PER"], "is a file, in the way of the folder"),
        (dir.join("c"), &["--labels", "PER,,LOC"], "label 2: the name is empty"),
        (dir.join("c"), &["--labels", "PER,LOC,PER"], "label \"PER\" is given twice"),
        (dir.join("c"), &["--labels", "PER,NEW ONE"], "\"NEW ONE\" must be one word"),
        (dir.join("c"), &["--labels", "PER", "--rename", "ORG=PER"], "no label of the corpus or its"),
    ];
    for (path, args, message) in cases {
        let (out, _, stderr) = init(&path, args);
        assert!(!out.status.success() && stderr.contains(message), "{args:?}: {stderr}");
    }
    assert!(!dir.join("c").exists(), "nothing was made");
    let blocked = dir.join("blocked");
    fs::create_dir_all(blocked.join("hashiya-corpus.ron")).expect("mkdir");
    let (out, _, stderr) = init(&blocked, &["--labels", "PER"]);
    assert!(
        !out.status.success() && stderr.contains("is a folder, in the way of the corpus file"),
        "{stderr}"
    );
    let broken = dir.join("broken");
    fs::create_dir(&broken).expect("mkdir");
    fs::write(broken.join("hashiya-corpus.ron"), "(version: 1, labels: [").expect("write");
    let (out, _, stderr) = init(&broken, &["--labels", "PER", "--force"]);
    assert!(!out.status.success(), "{stderr}");
    assert!(stderr.contains("hashiya-corpus.ron:1:") && stderr.contains("cannot be read"), "{stderr}");
    let kept = fs::read_to_string(broken.join("hashiya-corpus.ron")).expect("kept");
    assert_eq!(kept, "(version: 1, labels: [", "a broken corpus file is never written over");
}

#[test]
fn a_new_corpus_over_annotated_documents_drops_only_unused_labels_with_force() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    let a = dir.join("a.txt");
    fs::write(&a, "وصل المقداد إلى باكو.\n").expect("write");
    let (mut article, _) = Article::open(&a).expect("opens");
    let start = "وصل ".len();
    article.apply(EditCommand::TagRange(start..start + "المقداد".len(), LabelId(1))).expect("tags");
    article.save(false).expect("saves");
    let before = snapshot(dir);
    let (out, stdout, stderr) = init(dir, &["--labels", "PER,LOC"]);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stdout.contains("1 annotation files follow"), "{stdout}");
    assert_eq!(snapshot(dir), before, "existing annotation files change only with --force");
    let (out, _, stderr) = init(dir, &["--labels", "PER,LOC", "--force"]);
    assert!(out.status.success(), "{stderr}");
    let (article, _) = Article::open(&a).expect("opens");
    let names: Vec<&str> = article.ann().labels().iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["PER", "LOC"], "the default labels no entity used are gone");
    assert_eq!(article.ann().entities().len(), 1);
}
