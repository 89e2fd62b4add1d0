//! The suggestion settings in the window: a change made from the command line while the corpus
//! is open is taken in (the suggestions follow it) and never written over by the window; the
//! label editor's Suggestions section shows and changes the starter's mapping.

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use hashiya::app::HashiyaApp;
use hashiya::corpus::Settings;

use crate::corpus_window::run_until;

/// A corpus `c` (labels PER, ORG, LOC, GPE, EVENT, DATE, MISC) with one article naming «دمشق».
fn corpus(tmp: &Path) -> PathBuf {
    let dir = tmp.join("c");
    std::fs::create_dir_all(&dir).expect("folder");
    std::fs::write(dir.join("a.txt"), "وصل وزير خارجية إيران إلى دمشق أمس.\n").expect("article");
    Settings::default().write(&dir.join("hashiya-corpus.ron")).expect("corpus file");
    dir
}

fn open(dir: &Path) -> Harness<'static, HashiyaApp> {
    let (dir, settings) = (dir.to_path_buf(), crate::fixtures::settings());
    let mut h = Harness::builder()
        .with_size(egui::vec2(1300.0, 800.0))
        .build_eframe(move |cc| HashiyaApp::new(&cc.egui_ctx, settings, Some(dir)));
    h.run_steps(4);
    h
}

/// The label of the suggestion on `word` in the open document, if any.
pub fn suggested_as(h: &Harness<'_, HashiyaApp>, word: &str) -> Option<String> {
    let a = h.state().article()?;
    let s = a.ann().suggestions().iter().find(|s| &a.doc.text()[s.range()] == word)?;
    a.ann().labels().get(s.label).map(|l| l.name.clone())
}

#[test]
fn a_change_from_the_command_line_is_followed_and_never_written_over() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = corpus(tmp.path());
    let mut h = open(&dir);
    run_until(&mut h, |h| suggested_as(h, "دمشق").is_some());
    assert_eq!(suggested_as(&h, "دمشق").as_deref(), Some("GPE"));
    // In a terminal, meanwhile: GPE is to be suggested as MISC.
    let out = crate::fixtures::run_hashiya(&[
        "labels".as_ref(),
        dir.as_os_str(),
        "--map".as_ref(),
        "GPE=MISC".as_ref(),
    ]);
    assert!(out.status.success(), "{out:?}");
    run_until(&mut h, |h| suggested_as(h, "دمشق").as_deref() == Some("MISC"));
    assert_eq!(
        suggested_as(&h, "دمشق").as_deref(),
        Some("MISC"),
        "the window retrained with the new mapping"
    );
    let notice = crate::corpus_window::notice(&h);
    assert!(!notice.is_empty());
    // Another change in the terminal, and at once (before the window looks at the file again)
    // a change of the window's own to the corpus file, a label renamed: both are kept.
    let out = crate::fixtures::run_hashiya(&[
        "labels".as_ref(),
        dir.as_os_str(),
        "--map".as_ref(),
        "NORP=".as_ref(),
    ]);
    assert!(out.status.success(), "{out:?}");
    let mut labels = h.state().article().expect("article").ann().labels().clone();
    labels.labels_mut().iter_mut().find(|l| l.name == "EVENT").expect("EVENT").name = "HAPPENING".into();
    h.state_mut().push_command(hashiya::editor::EditCommand::SetLabels(labels).into());
    h.run_steps(1);
    let s = Settings::read(&dir.join("hashiya-corpus.ron")).expect("reads");
    assert!(s.labels.by_name("HAPPENING").is_some(), "the window's change is saved");
    assert_eq!(s.learning.starter_map.get("GPE"), Some(&Some("MISC".to_string())), "the terminal's are kept");
    assert_eq!(s.learning.starter_map.get("NORP"), Some(&None), "even the one the window had not read");
}
