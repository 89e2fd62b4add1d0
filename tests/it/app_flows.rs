//! The window's flows driven through egui_kittest like a user: drag over a word, press a label
//! key, relabel, delete, undo, redo — then check the annotations and the saved file.

use std::path::Path;

use egui::accesskit::{Role, TextDirection};
use egui::{Modifiers, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use hashiya::app::{HashiyaApp, Settings};
use hashiya::model::LabelId;

use crate::window::{click, drag, entities, harness_with, press_text, rect_of, tag_word};

const ARTICLE: &str =
    "وزير خارجية إيران يزور دمشق\nدمشق- وكالة\nالتقى وزير الخارجية وإيران وسورية في دمشق عام 2023.\n";

fn harness(dir: &Path) -> Harness<'static, HashiyaApp> {
    harness_with(dir, ARTICLE, 1.0)
}

fn harness_at(dir: &Path, pixels_per_point: f32) -> Harness<'static, HashiyaApp> {
    harness_with(dir, ARTICLE, pixels_per_point)
}

#[test]
fn article_is_exposed_right_to_left_to_accessibility() {
    let dir = tempfile::tempdir().expect("tempdir");
    let h = harness(dir.path());
    let node = h.get_by_label("Article");
    assert_eq!(node.value().as_deref(), Some(ARTICLE));
}

#[test]
fn paragraphs_are_exposed_to_accessibility_with_text_and_direction() {
    let dir = tempfile::tempdir().expect("tempdir");
    let h = harness(dir.path());
    let article = h.get_by_label("Article");
    let text_of = |node: &egui_kittest::Node<'_>| node.get_by_role(Role::Label).value();
    let lines: Vec<&str> = ARTICLE.lines().collect();
    let heading = article.get_by_role(Role::Heading);
    assert_eq!(heading.accesskit_node().level(), Some(1));
    assert_eq!(heading.accesskit_node().label().as_deref(), Some(lines[0]), "named by its text");
    assert_eq!(text_of(&heading).as_deref(), Some(lines[0]));
    let body: Vec<String> =
        article.get_all_by_role(Role::Paragraph).map(|p| text_of(&p).unwrap_or_default()).collect();
    assert_eq!(body, lines[1..]);
    for text in article.get_all_by_role(Role::Label) {
        assert_eq!(text.accesskit_node().data().text_direction(), Some(TextDirection::RightToLeft));
        assert!(text.rect().height() > 10.0, "bounds on screen: {:?}", text.rect());
    }
    // The headline's bounds lie above the first body paragraph's.
    let first = article.get_all_by_role(Role::Paragraph).next().expect("a paragraph");
    assert!(heading.rect().max.y <= first.rect().min.y + 0.5);
}

#[test]
fn drag_inside_a_word_snaps_to_the_word_and_tags_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(dir.path());
    // Drag from the middle of «خارجية» to the middle of «إيران» in the headline.
    let a = rect_of(&h, "خارجية", 0);
    let b = rect_of(&h, "إيران", 0);
    drag(&mut h, a.center(), b.center(), Modifiers::NONE);
    press_text(&mut h, "1");
    assert_eq!(entities(&h), vec![("PER".to_string(), "خارجية إيران".to_string())]);
}

#[test]
fn alt_drag_tags_a_word_inside_a_clitic_joined_word() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(dir.path());
    // «وإيران»: select only «إيران» (drag from its right edge to the word's left edge).
    let word = rect_of(&h, "وإيران", 0);
    let waw = rect_of(
        &h,
        "و",
        ARTICLE.match_indices('و').position(|(i, _)| ARTICLE[i..].starts_with("وإيران")).expect("waw"),
    );
    let from = Pos2::new(waw.min.x - 0.5, word.center().y);
    let to = Pos2::new(word.min.x - 2.0, word.center().y);
    drag(&mut h, from, to, Modifiers::ALT);
    press_text(&mut h, "4");
    assert_eq!(entities(&h), vec![("GPE".to_string(), "إيران".to_string())]);
}

#[test]
fn relabel_delete_undo_redo_and_save() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(dir.path());
    tag_word(&mut h, "دمشق", 0, "3");
    assert_eq!(entities(&h), vec![("LOC".to_string(), "دمشق".to_string())]);
    // The new entity is selected: another key relabels it.
    press_text(&mut h, "4");
    assert_eq!(entities(&h), vec![("GPE".to_string(), "دمشق".to_string())]);
    h.key_press(egui::Key::Delete);
    h.run_steps(2);
    assert!(entities(&h).is_empty());
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert_eq!(entities(&h), vec![("GPE".to_string(), "دمشق".to_string())]);
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert_eq!(entities(&h), vec![("LOC".to_string(), "دمشق".to_string())]);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, egui::Key::Z);
    h.run_steps(2);
    assert_eq!(entities(&h), vec![("GPE".to_string(), "دمشق".to_string())]);
    assert!(h.state().article().expect("article").is_dirty());
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::S);
    h.run_steps(2);
    assert!(!h.state().article().expect("article").is_dirty());
    let saved = std::fs::read_to_string(dir.path().join("a.txt.hashiya.ron")).expect("saved file");
    assert!(saved.contains("دمشق") && saved.contains("GPE"), "{saved}");
}

#[test]
fn clicking_a_highlight_selects_the_entity_and_escape_clears() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(dir.path());
    let r = rect_of(&h, "سورية", 0);
    drag(&mut h, r.center(), Pos2::new(r.min.x + 1.0, r.center().y), Modifiers::NONE);
    press_text(&mut h, "4");
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert_eq!(h.state().article().expect("article").selected, None);
    let r = rect_of(&h, "سورية", 0);
    click(&mut h, r.center());
    assert!(h.state().article().expect("article").selected.is_some());
}

#[test]
fn dragging_the_end_handle_extends_the_entity() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(dir.path());
    let word = rect_of(&h, "وزير الخارجية", 0);
    let wazir = rect_of(&h, "وزير", 1);
    drag(&mut h, wazir.center(), Pos2::new(wazir.min.x + 2.0, wazir.center().y), Modifiers::NONE);
    press_text(&mut h, "1");
    assert_eq!(entities(&h), vec![("PER".to_string(), "وزير".to_string())]);
    // The entity is selected; its end handle is at the left edge of «وزير» (right-to-left).
    let handle = Pos2::new(wazir.min.x, wazir.center().y);
    drag(&mut h, handle, Pos2::new(word.min.x + 0.5, word.center().y), Modifiers::NONE);
    assert_eq!(entities(&h), vec![("PER".to_string(), "وزير الخارجية".to_string())]);
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert_eq!(entities(&h), vec![("PER".to_string(), "وزير".to_string())]);
}

#[test]
fn hidpi_selection_hits_the_same_word() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness_at(dir.path(), 2.0);
    tag_word(&mut h, "دمشق", 1, "3");
    assert_eq!(entities(&h), vec![("LOC".to_string(), "دمشق".to_string())]);
    let start = ARTICLE.match_indices("دمشق").nth(1).expect("word").0;
    let e = h.state().article().expect("article").ann().entities().iter().next().copied().expect("entity");
    assert_eq!(e.start, start);
}

#[test]
fn keyboard_only_select_tag_and_adjust() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(dir.path());
    // The caret starts at the text start; on a right-to-left line Left moves forward.
    for _ in 0..4 {
        h.key_press_modifiers(Modifiers::SHIFT, egui::Key::ArrowLeft);
        h.run_steps(1);
    }
    press_text(&mut h, "1");
    assert_eq!(entities(&h), vec![("PER".to_string(), "وزير".to_string())]);
    // Shift+Alt+Left moves the end forward by one code point, Shift+Alt+Right back.
    h.key_press_modifiers(Modifiers::SHIFT | Modifiers::ALT, egui::Key::ArrowLeft);
    h.run_steps(2);
    assert_eq!(entities(&h), vec![("PER".to_string(), "وزير ".to_string())]);
    h.key_press_modifiers(Modifiers::SHIFT | Modifiers::ALT, egui::Key::ArrowRight);
    h.run_steps(2);
    assert_eq!(entities(&h), vec![("PER".to_string(), "وزير".to_string())]);
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert_eq!(entities(&h), vec![("PER".to_string(), "وزير ".to_string())]);
}

#[test]
fn label_set_change_is_one_undo_step() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(dir.path());
    let mut labels = h.state().article().expect("article").ann().labels().clone();
    labels.labels_mut()[0].name = "PERSON".into();
    labels.labels_mut()[0].hotkey = Some('p');
    h.state_mut().push_command(hashiya::editor::EditCommand::SetLabels(labels).into());
    h.run_steps(2);
    tag_word(&mut h, "دمشق", 0, "p");
    assert_eq!(entities(&h), vec![("PERSON".to_string(), "دمشق".to_string())]);
    let saved = dir.path().join("a.txt.hashiya.ron");
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::S);
    h.run_steps(2);
    assert!(std::fs::read_to_string(&saved).expect("saved").contains("PERSON"));
    // Undo the tag, then the rename: back to the default label set.
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    let article = h.state().article().expect("article");
    assert_eq!(article.ann().labels(), &hashiya::model::LabelSet::default());
}

#[test]
fn a_broken_annotation_file_is_reported_and_never_overwritten() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = dir.path().join("a.txt");
    std::fs::write(&article, ARTICLE).expect("write article");
    let store = dir.path().join("a.txt.hashiya.ron");
    let broken = "(\n    version: 1,\n    article: (name: \"a.txt\", chars: 3\n";
    std::fs::write(&store, broken).expect("write broken store");
    let settings = Settings { autosave: true, ..crate::fixtures::settings() };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1200.0, 800.0))
        .build_eframe(move |cc| HashiyaApp::new(&cc.egui_ctx, settings, Some(article)));
    h.run_steps(4);
    let notice = h.state().notice().expect("an error is shown").text.clone();
    assert!(notice.contains("a.txt.hashiya.ron:"), "names the file with a position: {notice}");
    // Work goes on in memory; autosave and Ctrl+S leave the broken file alone.
    tag_word(&mut h, "دمشق", 0, "3");
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::S);
    std::thread::sleep(std::time::Duration::from_millis(900));
    h.run_steps(3);
    assert_eq!(std::fs::read_to_string(&store).expect("still there"), broken);
    assert!(h.state().article().expect("article").is_dirty());
    assert_eq!(entities(&h).len(), 1);
}

#[test]
fn quitting_with_unsaved_changes_asks_first() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(dir.path());
    tag_word(&mut h, "دمشق", 0, "3");
    h.state_mut().push_command(hashiya::app::Command::Quit);
    h.run_steps(2);
    // The question is shown; "Save" writes the file.
    h.get_by_label("Discard changes");
    h.get_by_label("Save").click();
    h.run_steps(2);
    let saved = std::fs::read_to_string(dir.path().join("a.txt.hashiya.ron")).expect("saved on quit");
    assert!(saved.contains("LOC"));
    assert!(!h.state().article().expect("article").is_dirty());
}

#[test]
fn entity_rows_follow_the_direction_of_their_text() {
    const MIXED: &str = "وزير خارجية إيران يزور دمشق\nReuters reports from the capital.\n";
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness_with(dir.path(), MIXED, 1.0);
    for (needle, key) in [("دمشق", "3"), ("Reuters", "2")] {
        let start = MIXED.find(needle).expect("needle");
        let rects = h.state().view().screen_rects_of(start..start + needle.len());
        let r = rects[0];
        drag(
            &mut h,
            Pos2::new(r.max.x - 1.0, r.center().y),
            Pos2::new(r.min.x + 1.0, r.center().y),
            Modifiers::NONE,
        );
        press_text(&mut h, key);
    }
    h.run_steps(2);
    let heading = h.get_by_label("Entities").rect();
    // The chips are the rows' first widgets: at the right edge for Arabic, the left for Latin.
    let arabic = h.get_by_role_and_label(Role::Button, "LOC").rect();
    let latin = h.get_by_role_and_label(Role::Button, "ORG").rect();
    assert!((latin.min.x - heading.min.x).abs() < 2.0, "Latin row starts at the left: {latin:?}");
    assert!(arabic.min.x > latin.max.x + 150.0, "Arabic row starts at the right: {arabic:?}");
}

#[test]
fn an_annotation_file_changed_on_disk_reloads_a_clean_article_or_is_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(dir.path());
    let article = dir.path().join("a.txt");
    // Another editor (or a git pull) writes the annotation file while the window shows it.
    let (mut other, _) = hashiya::editor::Article::open(&article).expect("opens");
    let at = ARTICLE.find("دمشق").expect("word");
    other.apply(hashiya::editor::EditCommand::TagRange(at..at + "دمشق".len(), LabelId(3))).expect("tags");
    other.save(false).expect("saves");
    std::thread::sleep(std::time::Duration::from_millis(1100));
    h.run_steps(2);
    assert_eq!(entities(&h).len(), 1, "reloaded");
    let notice = h.state().notice().expect("said").text.clone();
    assert!(notice.ends_with("reloaded"), "{notice}");
    // With unsaved edits here, it is reported at once and nothing is written.
    tag_word(&mut h, "وكالة", 0, "2");
    other.apply(hashiya::editor::EditCommand::Undo).expect("undo");
    other.save(false).expect("saves");
    let on_disk = std::fs::read_to_string(dir.path().join("a.txt.hashiya.ron")).expect("read");
    std::thread::sleep(std::time::Duration::from_millis(1100));
    h.run_steps(2);
    let notice = h.state().notice().expect("said").text.clone();
    assert!(notice.contains("changed on disk after it was opened"), "{notice}");
    h.get_by_label("• not saved: the annotation file changed on disk");
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::S);
    h.run_steps(2);
    assert_eq!(std::fs::read_to_string(dir.path().join("a.txt.hashiya.ron")).expect("read"), on_disk);
    assert_eq!(entities(&h).len(), 2, "the work stays in memory");
}
