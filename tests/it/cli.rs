//! The command line as a user meets it: errors name the file and what is wrong, before any
//! window is opened, and nothing the user made is ever written over.

use std::ffi::OsStr;
use std::process::Command;

use hashiya::editor::{Article, EditCommand};
use hashiya::model::LabelId;

use crate::fixtures::run_hashiya;

#[test]
fn a_missing_article_is_reported_before_any_window() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("missing.txt");
    let out = Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .arg(&missing)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains(&missing.display().to_string()), "names the file: {stderr}");
    assert!(!stderr.contains("DISPLAY"), "the file is the problem, not the display: {stderr}");
    let binary = dir.path().join("binary.txt");
    std::fs::write(&binary, [0u8, 159, 146, 150, 0, 0, 1, 2]).expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .arg(&binary)
        .env_remove("DISPLAY")
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && stderr.contains("binary.txt") && !stderr.contains("DISPLAY"),
        "{stderr}"
    );
}

#[test]
fn export_never_writes_over_the_article_or_its_annotations() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = dir.path().join("a.txt");
    let text = "التقى الوزير في باكو.\n";
    std::fs::write(&article, text).expect("write");
    let (mut a, _) = Article::open(&article).expect("opens");
    let start = text.find("باكو").expect("word");
    a.apply(EditCommand::TagRange(start..start + "باكو".len(), LabelId(3))).expect("tags");
    a.save(false).expect("saves");
    let saved = std::fs::read_to_string(&a.store_path).expect("read");
    for format in ["conll", "jsonl", "brat"] {
        for out in [&article, &a.store_path] {
            let args = [OsStr::new("export"), article.as_os_str(), "--format".as_ref(), format.as_ref()];
            let run = run_hashiya(&[&args[..], &["-o".as_ref(), out.as_os_str()]].concat());
            let stderr = String::from_utf8_lossy(&run.stderr);
            assert!(!run.status.success(), "{format} -o {}: refused", out.display());
            assert!(stderr.contains("choose another output name"), "{stderr}");
        }
    }
    assert_eq!(std::fs::read_to_string(&article).expect("read"), text);
    assert_eq!(std::fs::read_to_string(&a.store_path).expect("read"), saved);
    let conll = dir.path().join("out.conll");
    crate::fixtures::hashiya(&[
        OsStr::new("export"),
        article.as_os_str(),
        "--format".as_ref(),
        "conll".as_ref(),
        "-o".as_ref(),
        conll.as_os_str(),
    ]);
    assert!(std::fs::read_to_string(&conll).expect("written").contains("باكو\tB-LOC"));
}

/// A corpus of `n` small articles with a label set, made by `hashiya init`.
fn small_corpus(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for i in 0..n {
        let text = format!("زار الوزير باكو في اليوم {i}.\n");
        std::fs::write(dir.path().join(format!("a{i:03}.txt")), text).expect("write");
    }
    let args = [OsStr::new("init"), dir.path().as_os_str(), "--labels".as_ref(), "PER,ORG,LOC".as_ref()];
    let run = run_hashiya(&args);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    dir
}

#[test]
fn a_reader_that_stops_reading_ends_the_command_quietly() {
    let dir = small_corpus(60);
    for args in [&["next"][..], &["stats"][..], &["labels"][..]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_hashiya"))
            .args(args)
            .arg(dir.path())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("runs");
        // The reader goes away before the first line (as `| head -0` would).
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("waits");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {:?} {stderr}", out.status);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

#[test]
fn a_full_disk_on_stdout_is_said_and_fails() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("SKIPPED a_full_disk_on_stdout_is_said_and_fails: no /dev/full");
        return;
    };
    let dir = small_corpus(3);
    let out = Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .arg("next")
        .arg(dir.path())
        .stdout(full)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("writing to stdout"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}
