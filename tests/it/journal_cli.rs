//! After a crash, the command line sees and keeps what the window would restore (issue 23):
//! readers replay the edit journal in memory, say so once per document and write nothing;
//! `recover` folds journals; writers never write over a journal they did not fold in; a
//! journal in use by a running Hashiya is left alone by all of them; `import` names the
//! annotator by the command-line rule.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output};

use hashiya::corpus::Corpus;
use hashiya::editor::{Article, EditCommand, has_journal};
use hashiya::formats::store;
use hashiya::model::LabelId;

use crate::fixtures::{self, files_in, run_hashiya};

const LINE: &str = "edits from the journal, not yet saved";

fn text(out: &Output) -> (String, String) {
    (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// Runs `hashiya args` expecting `code`; returns stdout and stderr.
fn expect(args: &[&str], code: i32) -> (String, String) {
    let out = run_hashiya(args);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(code), "hashiya {args:?}:\n{stdout}\n{stderr}");
    (stdout, stderr)
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// Runs the edit driver on `article` until it printed `edits` edits; returns the child, alive.
fn driving(article: &Path, seed: u64, edits: usize) -> Child {
    let mut child = fixtures::drive_edits(article, seed, 0);
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines().map_while(Result::ok);
    for _ in 0..=edits {
        lines.next().expect("the child prints its edits");
    }
    // Keep draining so that the child never blocks on a full pipe.
    std::thread::spawn(move || lines.for_each(drop));
    child
}

/// Kills the child as a crash would.
fn crash(mut child: Child) {
    child.kill().expect("kill the child");
    child.wait().expect("reap the child");
}

/// A corpus folder with the sample article saved with one entity (`a.txt`), then edited by a
/// killed child (its edits only in the journal), and a plain annotated `b.txt`.
fn crashed_corpus() -> (tempfile::TempDir, PathBuf, usize) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut corpus = Corpus::open(dir.path()).expect("opens");
    corpus.save().expect("corpus file");
    let a = dir.path().join("a.txt");
    std::fs::copy(fixtures::repo("assets/sample-article.txt"), &a).expect("copy the sample");
    let b = dir.path().join("b.txt");
    std::fs::write(&b, "التقى المقداد نظيره في باكو.\n").expect("write b");
    for path in [&a, &b] {
        let (mut art, _) = Article::open(path).expect("opens");
        let end = art.doc.text().find(' ').expect("a word");
        art.apply(EditCommand::TagRange(0..end, LabelId(1))).expect("tags");
        art.save(false).expect("saves");
    }
    crash(driving(&a, 5, 60));
    // In progress, whatever status the driver left: exported, trained on and suggested into.
    Article::open(&a).expect("reopens").0.set_status(store::DocStatus::InProgress);
    let reading = Article::open_to_read(&a).expect("reads");
    let n = reading.journal.replayed();
    assert!(n > 0 && has_journal(&a), "the crash left edits in the journal");
    (dir, a, n)
}

/// The annotations as reopening in the window gives them, as doccano JSONL.
fn reopened_jsonl(article: &Path) -> String {
    let (a, _) = Article::open(article).expect("reopens");
    hashiya::formats::exchange::export_text(hashiya::formats::exchange::Format::Jsonl, &a.doc, a.ann()).0
}

#[test]
fn readers_replay_the_journal_say_so_once_and_write_nothing() {
    let (dir, a, n) = crashed_corpus();
    let entities = Article::open_to_read(&a).expect("reads").article.ann().entities().len();
    let line = format!("{}: {n} {LINE}", a.display());
    let root = dir.path();
    let before = files_in(root);
    let out = tempfile::tempdir().expect("out dir");
    let (o, png) = (out.path().join("all.jsonl"), out.path().join("a.png"));
    let ours = store::annotation_path(&a);
    let runs: Vec<(Vec<&str>, i32)> = vec![
        (vec!["stats", s(&a)], 0),
        (vec!["validate", s(&a)], 0),
        (vec!["export", s(&a), "--format", "jsonl"], 0),
        (vec!["render", s(&a), "--out", s(&png)], 0),
        (vec!["stats", s(root)], 0),
        (vec!["validate", s(root)], 0),
        (vec!["export", s(root), "--format", "jsonl", "-o", s(&o)], 0),
        (vec!["train", s(root)], 0),
        (vec!["agree", s(&ours), s(&ours)], 0),
    ];
    for (args, code) in runs {
        let (stdout, stderr) = expect(&args, code);
        let said = format!("{stdout}{stderr}").matches(&line).count();
        let times = if args[0] == "agree" { 2 } else { 1 };
        assert_eq!(said, times, "hashiya {args:?} says it once per copy read:\n{stdout}\n{stderr}");
        assert_eq!(files_in(root), before, "hashiya {args:?} wrote nothing");
        match args[0] {
            "stats" if args[1] == s(&a) => {
                assert!(stdout.contains(&format!("total {entities:>9}")), "{stdout}");
            }
            "validate" if args[1] == s(&a) => {
                assert!(stdout.contains(&format!("ok: {entities} entities")), "{stdout}");
            }
            "export" if args[1] == s(&a) => {
                assert_eq!(stdout, fixtures::cli_jsonl(&a, None), "exactly what reopening gives")
            }
            _ => {}
        }
    }
    let folder = std::fs::read_to_string(&o).expect("folder export");
    let first = folder.lines().next().expect("a.txt's line");
    assert_eq!(first, fixtures::cli_jsonl(&a, Some("a.txt")).trim_end());
}

#[test]
fn a_journal_that_does_not_match_is_reported_never_applied() {
    let (dir, a, _) = crashed_corpus();
    let ron = store::annotation_path(&a);
    let saved = std::fs::read_to_string(&ron).expect("ron");
    std::fs::write(&ron, format!("{saved}\n")).expect("a hand edit after the crash");
    let before = files_in(dir.path());
    let (stdout, stderr) = expect(&["stats", s(&a)], 0);
    assert!(stdout.contains(&format!("total {:>9}", 1)), "the file alone: {stdout}");
    assert!(stderr.contains("its edit journal is not applied: the annotation file was changed"), "{stderr}");
    let (stdout, _) = expect(&["validate", s(&a)], 1);
    assert!(stdout.contains("is not applied"), "a problem for validate: {stdout}");
    assert_eq!(files_in(dir.path()), before, "readers leave it where it is");
    let (stdout, _) = expect(&["recover", s(&a)], 1);
    assert!(stdout.contains("was not applied") && stdout.contains(".unmatched-"), "{stdout}");
    assert!(!has_journal(&a), "recover sets it aside, as the window does");
    assert_eq!(std::fs::read_to_string(&ron).expect("ron"), format!("{saved}\n"), "never applied");
}

#[test]
fn recover_folds_every_journal_of_a_folder() {
    let (dir, a, n) = crashed_corpus();
    let want = reopened_jsonl(&a);
    let (stdout, _) = expect(&["recover", s(dir.path())], 0);
    let ron = store::annotation_path(&a);
    assert!(stdout.contains(&format!(
        "{}: folded {n} edits from the journal into {}",
        a.display(),
        ron.display()
    )));
    assert!(stdout.contains("recovered 1 of 1 articles"), "{stdout}");
    assert!(!has_journal(&a));
    assert_eq!(reopened_jsonl(&a), want, "the annotation file alone holds them");
    let (stdout, _) = expect(&["recover", s(&a)], 0);
    assert!(stdout.contains("no edit journal"), "{stdout}");
}

#[test]
fn writers_fold_the_journal_they_write_over() {
    let gazetteer = tempfile::NamedTempFile::new().expect("temp file");
    std::fs::write(gazetteer.path(), "عمّان\tGPE\nسلمى الحديدي\tPER\n").expect("write gazetteer");
    let runs: [&[&str]; 3] =
        [&["mark", "A", "--status", "skipped"], &["suggest", "A", "--gazetteer", "G"], &["merge"]];
    for args in runs {
        let (dir, a, n) = crashed_corpus();
        let want = reopened_jsonl(&a);
        let ron = store::annotation_path(&a);
        let base = dir.path().join("base.ron.merge");
        std::fs::copy(&ron, &base).expect("the ancestor");
        let args: Vec<&str> = match args[0] {
            "merge" => vec!["merge", s(&base), s(&ron), s(&base), "-o", s(&ron)],
            _ => args
                .iter()
                .map(|x| {
                    if *x == "A" {
                        s(&a)
                    } else if *x == "G" {
                        s(gazetteer.path())
                    } else {
                        x
                    }
                })
                .collect(),
        };
        let (stdout, stderr) = expect(&args, 0);
        assert!(
            format!("{stdout}{stderr}").contains(&format!("{n} edits from the journal saved with it")),
            "hashiya {args:?} says it folded them:\n{stdout}\n{stderr}"
        );
        assert!(!has_journal(&a), "hashiya {args:?} folded the journal");
        assert_eq!(reopened_jsonl(&a), want, "hashiya {args:?} lost none of the journaled edits");
    }
}

#[test]
fn a_journal_in_use_by_a_running_hashiya_is_left_alone() {
    let (dir, a, _) = crashed_corpus();
    expect(&["recover", s(&a)], 0);
    let ron = store::annotation_path(&a);
    let saved = std::fs::read(&ron).expect("ron");
    let gazetteer = dir.path().join("names.tsv");
    std::fs::write(&gazetteer, "عمّان\tGPE\n").expect("write gazetteer");
    let base = dir.path().join("base.ron.merge");
    std::fs::copy(&ron, &base).expect("the ancestor");
    let child = driving(&a, 9, 20);
    let (_, stderr) = expect(&["stats", s(&a)], 0);
    assert!(stderr.contains("in use by a running Hashiya"), "{stderr}");
    let (stdout, _) = expect(&["recover", s(&a)], 1);
    assert!(stdout.contains("in use by a running Hashiya") && stdout.contains("left alone"), "{stdout}");
    let (_, stderr) = expect(&["mark", s(&a), "--status", "done"], 1);
    assert!(stderr.contains("in use by a running Hashiya") && stderr.contains("not written"), "{stderr}");
    let (_, stderr) = expect(&["suggest", s(&a), "--gazetteer", s(&gazetteer)], 1);
    assert!(stderr.contains("in use by a running Hashiya"), "{stderr}");
    let (_, stderr) = expect(&["merge", s(&base), s(&ron), s(&base), "-o", s(&ron)], 2);
    assert!(stderr.contains("in use by a running Hashiya"), "{stderr}");
    assert_eq!(std::fs::read(&ron).expect("ron"), saved, "nobody wrote over the live session's file");
    assert!(has_journal(&a), "nor moved its journal");
    crash(child);
    let want = reopened_jsonl(&a);
    expect(&["recover", s(&a)], 0);
    assert_eq!(reopened_jsonl(&a), want, "after the crash, recover folds the live session's edits");
    assert!(!has_journal(&a));
}

/// As git's merge driver OURS is a temporary copy; with `--path %P` the work tree's journal is
/// merged too (and set aside), without it its edits would not be in the merge.
#[test]
fn the_merge_driver_merges_the_work_trees_journal_with_path() {
    let (dir, a, _) = crashed_corpus();
    let ron = store::annotation_path(&a);
    let want = reopened_jsonl(&a);
    let saved_only = std::fs::read_to_string(&ron).expect("ron");
    // git's %O, %A (a temporary copy of the work tree's file) and %B; theirs changed nothing.
    let (base, tmp, theirs) =
        (dir.path().join("base.merge"), dir.path().join(".merge_file_a"), dir.path().join("theirs.merge"));
    for copy in [&base, &tmp, &theirs] {
        std::fs::copy(&ron, copy).expect("copy");
    }
    expect(&["merge", s(&base), s(&tmp), s(&theirs), "-o", s(&tmp)], 0);
    assert_eq!(
        std::fs::read_to_string(&tmp).expect("merged"),
        saved_only,
        "without --path: the journal is not seen"
    );
    let (_, stderr) = expect(&["merge", s(&base), s(&tmp), s(&theirs), "-o", s(&tmp), "--path", s(&ron)], 0);
    assert!(stderr.contains("the edits of its journal are in the merge"), "{stderr}");
    assert!(!has_journal(&a), "set aside once merged");
    assert!(files_in(dir.path()).keys().any(|f| f.contains(".hashiya.journal.merged-")), "kept aside");
    std::fs::copy(&tmp, &ron).expect("git puts the merge in the work tree");
    assert_eq!(reopened_jsonl(&a), want, "the merge holds every journaled edit");
}

/// `--path` never merges a journal a running Hashiya is writing, nor one of another content.
#[test]
fn the_merge_driver_leaves_a_live_journal_alone() {
    let (dir, a, _) = crashed_corpus();
    expect(&["recover", s(&a)], 0);
    let ron = store::annotation_path(&a);
    let tmp = dir.path().join(".merge_file_a");
    std::fs::copy(&ron, &tmp).expect("copy");
    let child = driving(&a, 3, 20);
    let (_, stderr) = expect(&["merge", s(&tmp), s(&tmp), s(&tmp), "-o", s(&tmp), "--path", s(&ron)], 2);
    assert!(
        stderr.contains("a running Hashiya has it open") && stderr.contains("merge not written"),
        "{stderr}"
    );
    assert!(has_journal(&a), "its journal stays");
    crash(child);
    std::fs::write(&tmp, std::fs::read_to_string(&ron).expect("ron").replace("annotator", "annotator "))
        .expect("edit");
    let (_, stderr) = expect(&["merge", s(&tmp), s(&tmp), s(&tmp), "-o", s(&tmp), "--path", s(&ron)], 2);
    assert!(stderr.contains("differs from OURS"), "{stderr}");
    assert!(has_journal(&a));
}

/// `import` names the annotator by the command-line rule, and never over a journal.
#[test]
fn import_names_the_annotator_as_the_other_commands_do() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("in.jsonl");
    std::fs::write(&input, "{\"id\": \"d\", \"text\": \"سلمى في عمّان\", \"label\": [[0, 4, \"PER\"]]}\n")
        .expect("write input");
    let annotator_of = |out: &Path, flag: Option<&str>, env: Option<&str>| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_hashiya"));
        cmd.args(["import", "--format", "jsonl", s(&input), "-o", s(out)]).env("USER", "osuser");
        cmd.env_remove("HASHIYA_ANNOTATOR").env_remove("USERNAME");
        if let Some(name) = flag {
            cmd.args(["--annotator", name]);
        }
        if let Some(name) = env {
            cmd.env("HASHIYA_ANNOTATOR", name);
        }
        let out_ = cmd.output().expect("runs");
        assert!(out_.status.success(), "{}", String::from_utf8_lossy(&out_.stderr));
        let ron = std::fs::read_to_string(store::annotation_path(&out.join("d.txt"))).expect("imported");
        let at = ron.find("annotator: \"").expect("annotator field") + "annotator: \"".len();
        ron[at..].split('"').next().unwrap_or_default().to_string()
    };
    let fresh = |name: &str| dir.path().join(name);
    assert_eq!(annotator_of(&fresh("1"), Some("rana"), Some("omar")), "rana");
    assert_eq!(annotator_of(&fresh("2"), None, Some("omar")), "omar");
    assert_eq!(annotator_of(&fresh("3"), None, None), "osuser");
    let corpus_dir = fresh("4");
    std::fs::create_dir(&corpus_dir).expect("mkdir");
    let mut corpus = Corpus::open(&corpus_dir).expect("opens");
    corpus.settings_mut().annotator = Some("layla".into());
    corpus.save().expect("corpus file");
    assert_eq!(annotator_of(&corpus_dir, None, None), "layla", "the corpus's default annotator");
    // A crashed, never saved article with the same text: its journal is not imported over.
    let crashed = fresh("5");
    std::fs::create_dir(&crashed).expect("mkdir");
    let d = crashed.join("d.txt");
    std::fs::write(&d, "سلمى في عمّان").expect("write");
    let (mut art, _) = Article::open(&d).expect("opens");
    art.apply(EditCommand::TagRange(0.."سلمى".len(), LabelId(3))).expect("tags");
    drop(art);
    let before = files_in(&crashed);
    let (_, stderr) = expect(&["import", "--format", "jsonl", s(&input), "-o", s(&crashed)], 1);
    assert!(stderr.contains("holds edits not yet saved"), "{stderr}");
    assert_eq!(files_in(&crashed), before);
}
