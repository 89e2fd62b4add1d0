//! File > Compare with… in the window: another annotator's file of the same article is drawn
//! under the line and listed as differences; "Theirs" adopts their version through the edit
//! path (undoable), "Mine" only takes a difference off the list; a file of another text is
//! refused with both fingerprints.

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use hashiya::app::{Command, HashiyaApp, Settings};
use hashiya::editor::{Article, EditCommand};

use crate::window::entities;

const TEXT: &str = "وصل وزير خارجية إيران إلى دمشق.\nالتقى الرئيس وفداً من باكو.\n";

/// Writes `dir/a.txt` and its annotation file by `annotator` with `spans` (surface, label).
fn annotated(dir: &Path, text: &str, annotator: &str, spans: &[(&str, &str)]) -> PathBuf {
    std::fs::create_dir_all(dir).expect("dir");
    let path = dir.join("a.txt");
    std::fs::write(&path, text).expect("write article");
    let (mut a, _) = Article::open(&path).expect("opens");
    for (surface, label) in spans {
        let start = text.find(surface).expect("surface");
        let id = a.ann().labels().by_name(label).expect("label").id;
        a.apply(EditCommand::TagRange(start..start + surface.len(), id)).expect("tags");
    }
    a.set_annotator(annotator);
    a.save(false).expect("saves");
    path
}

fn harness(article: PathBuf) -> Harness<'static, HashiyaApp> {
    let settings = Settings { autosave: false, ..crate::fixtures::settings() };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 800.0))
        .build_eframe(move |cc| HashiyaApp::new(&cc.egui_ctx, settings, Some(article)));
    h.run_steps(4);
    h
}

fn compare(h: &mut Harness<'_, HashiyaApp>, source: PathBuf) {
    h.state_mut().push_command(Command::CompareWith(source));
    h.run_steps(4);
}

#[test]
fn compare_lists_differences_and_theirs_or_mine_settles_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mine = annotated(
        &dir.path().join("rana"),
        TEXT,
        "rana",
        &[("إيران", "GPE"), ("دمشق", "LOC"), ("الرئيس", "PER")],
    );
    let theirs = annotated(
        &dir.path().join("omar"),
        TEXT,
        "omar",
        &[("إيران", "GPE"), ("دمشق", "GPE"), ("باكو", "GPE")],
    );
    let mut h = harness(mine);
    compare(&mut h, theirs.with_extension("txt.hashiya.ron"));
    h.get_by_label("Compare with omar");
    h.get_by_label("Differences: 3");
    // Their spans are drawn (the view holds three marks, two of them differences).
    let marks = h.state().view().compare_marks();
    assert_eq!(marks.len(), 3);
    assert_eq!(marks.iter().filter(|m| m.1).count(), 2, "إيران is the same for both");
    // Their label for دمشق (label difference), through the edit path.
    h.get_by_label("GPE: theirs").click();
    h.run_steps(3);
    let got = entities(&h);
    assert!(got.contains(&("GPE".to_string(), "دمشق".to_string())), "{got:?}");
    assert!(got.contains(&("GPE".to_string(), "باكو".to_string())), "{got:?}");
    h.get_by_label("Differences: 1");
    // Keep mine for الرئيس: off the list, nothing edited.
    h.get_by_label("Mine").click();
    h.run_steps(3);
    h.get_by_label("Differences: 0");
    assert!(entities(&h).contains(&("PER".to_string(), "الرئيس".to_string())));
    // Accepting theirs for GPE was one undo step.
    h.state_mut().push_command(EditCommand::Undo.into());
    h.run_steps(3);
    let got = entities(&h);
    assert!(got.contains(&("LOC".to_string(), "دمشق".to_string())), "{got:?}");
    assert!(!got.iter().any(|(_, s)| s == "باكو"), "{got:?}");
    h.get_by_label("Differences: 2");
}

#[test]
fn a_folder_is_searched_by_text_and_another_text_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mine = annotated(&dir.path().join("rana"), TEXT, "rana", &[("إيران", "GPE")]);
    // Their copy sits under another name in their folder: found by its text.
    let omar = dir.path().join("omar");
    annotated(&omar.join("news"), TEXT, "omar", &[("إيران", "GPE"), ("باكو", "LOC")]);
    let mut h = harness(mine);
    compare(&mut h, omar);
    h.get_by_label("Compare with omar");
    h.get_by_label("Differences: 1");
    h.get_by_label("Theirs").click();
    h.run_steps(3);
    assert!(entities(&h).contains(&("LOC".to_string(), "باكو".to_string())));
    // A file of another text.
    let other = annotated(&dir.path().join("sami"), "نص آخر تماماً.\n", "sami", &[]);
    compare(&mut h, other);
    let notice = h.state().notice().map(|n| n.text.clone()).unwrap_or_default();
    assert!(
        notice.contains("annotate different texts") && notice.matches("fingerprint").count() == 1,
        "{notice}"
    );
    assert_eq!(h.state().view().compare_marks().len(), 0);
}
