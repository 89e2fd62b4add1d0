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
        .with_size(egui::vec2(1300.0, 1200.0))
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

/// Clicks the `nth` node with `label` (and `role`, if given; `usize::MAX`: the last), after
/// scrolling it into view (the Suggestions section scrolls when the window would not fit).
fn press(
    h: &mut Harness<'static, HashiyaApp>,
    (role, nth): (Option<egui::accesskit::Role>, usize),
    label: &str,
) {
    use egui_kittest::kittest::{NodeT, Queryable};
    let find = |h: &Harness<'static, HashiyaApp>, act: &dyn Fn(&egui_kittest::Node<'_>)| {
        let nodes: Vec<_> = h
            .get_all_by_label(label)
            .filter(|n| role.is_none_or(|r| n.accesskit_node().role() == r))
            .collect();
        let node = nodes.get(nth.min(nodes.len().saturating_sub(1)));
        act(node.unwrap_or_else(|| panic!("no {label:?}")));
    };
    // Scrolled into view first, unless a drop-down is open (scrolling would close it).
    if !egui::Popup::is_any_open(&h.ctx) {
        find(h, &|n| n.scroll_to_me());
        h.run_steps(30); // the scroll is animated
    }
    find(h, &|n| n.click());
    h.run_steps(2);
}

/// The corpus file's starter mapping entry of `kind`.
fn mapped(dir: &Path, kind: &str) -> Option<Option<String>> {
    Settings::read(&dir.join("hashiya-corpus.ron")).expect("reads").learning.starter_map.get(kind).cloned()
}

#[test]
fn the_label_editor_shows_and_changes_how_suggestions_are_made() {
    use egui::accesskit::Role;
    use egui_kittest::kittest::Queryable;
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = corpus(tmp.path());
    let mut h = open(&dir);
    run_until(&mut h, |h| suggested_as(h, "دمشق").is_some());
    h.get_by_label("Edit labels…").click();
    // The done documents are read on a thread; then each starter type shows its label.
    run_until(&mut h, |h| h.query_by_label("Also learns from").is_some());
    assert_eq!(h.get_all_by_label("by name").count(), 9, "every type mapped by the name rule");
    h.get_by_label("no other corpus");
    h.get_by_label(
        "In use: is part of the name («وإيران»): the default, as no annotated document shows otherwise",
    );

    // GPE → MISC: saved at once, and the dashed suggestion follows.
    press(&mut h, (Some(Role::MenuItem), 0), "GPE");
    press(&mut h, (Some(Role::Button), 0), "MISC");
    run_until(&mut h, |h| suggested_as(h, "دمشق").as_deref() == Some("MISC"));
    assert_eq!(mapped(&dir, "GPE"), Some(Some("MISC".to_string())));
    assert_eq!(suggested_as(&h, "دمشق").as_deref(), Some("MISC"));
    h.get_by_label("your choice");
    assert_eq!(h.get_all_by_label("by name").count(), 8);

    // Automatic: the rule again.
    press(&mut h, (None, 0), "Automatic");
    run_until(&mut h, |h| suggested_as(h, "دمشق").as_deref() == Some("GPE"));
    assert_eq!(mapped(&dir, "GPE"), None);
    assert_eq!(suggested_as(&h, "دمشق").as_deref(), Some("GPE"));

    // The clitic convention, set for the corpus.
    h.get_by_label("An attached و ف ب ك ل");
    press(&mut h, (Some(Role::MenuItem), 0), "as the documents show");
    press(&mut h, (None, 0), "is left out («إيران»)");
    let s = Settings::read(&dir.join("hashiya-corpus.ron")).expect("reads");
    assert_eq!(s.learning.clitics, Some(hashiya::corpus::Clitics::Exclude));
    h.get_by_label("In use: is left out («إيران»): set for this corpus");

    // The starter switched off: nothing is left to suggest from, and its suggestions go.
    press(&mut h, (Some(Role::CheckBox), 0), "Suggest with the starter model (trained on NewsFANE)");
    run_until(&mut h, |h| suggested_as(h, "دمشق").is_none());
    assert!(!Settings::read(&dir.join("hashiya-corpus.ron")).expect("reads").learning.starter);
    assert_eq!(suggested_as(&h, "دمشق"), None);
}

#[test]
fn corpora_to_learn_from_are_added_checked_and_removed() {
    use egui_kittest::kittest::Queryable;
    use hashiya::app::{Command, DialogPurpose};
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = corpus(tmp.path());
    let lab = tmp.path().join("lab");
    std::fs::create_dir_all(&lab).expect("lab");
    let mut h = open(&dir);
    // The first suggestions are in (their notice would hide the one looked for below).
    run_until(&mut h, |h| suggested_as(h, "دمشق").is_some());
    h.get_by_label("Edit labels…").click();
    run_until(&mut h, |h| h.query_by_label("no other corpus").is_some());
    // A folder that is not a corpus is refused with a message; nothing changes.
    h.state_mut().push_command(Command::DialogDone(DialogPurpose::PriorFolder, Some(lab.clone())));
    h.run_steps(2);
    let notice = crate::corpus_window::notice(&h);
    assert!(
        notice.starts_with("The suggestion settings were not changed:") && notice.contains("not a corpus"),
        "{notice}"
    );
    assert!(Settings::read(&dir.join("hashiya-corpus.ron")).expect("reads").learning.priors.is_empty());
    // A corpus: stored relative to this one, listed with its labels' mapping.
    let mut theirs = Settings { labels: hashiya::model::LabelSet::empty(), ..Settings::default() };
    for l in ["PERSON", "LOCATION"] {
        theirs.labels.ensure(l);
    }
    theirs.write(&lab.join("hashiya-corpus.ron")).expect("their corpus file");
    h.state_mut().push_command(Command::DialogDone(DialogPurpose::PriorFolder, Some(lab.clone())));
    run_until(&mut h, |h| h.query_by_label("PERSON as PER, LOCATION as LOC").is_some());
    h.get_by_label("../lab");
    let s = Settings::read(&dir.join("hashiya-corpus.ron")).expect("reads");
    assert_eq!(
        s.learning.priors.iter().map(|p| p.path.clone()).collect::<Vec<_>>(),
        [PathBuf::from("../lab")]
    );
    press(&mut h, (Some(egui::accesskit::Role::Button), usize::MAX), "Remove");
    run_until(&mut h, |h| h.query_by_label("no other corpus").is_some());
    assert!(Settings::read(&dir.join("hashiya-corpus.ron")).expect("reads").learning.priors.is_empty());
}
