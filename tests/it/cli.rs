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
