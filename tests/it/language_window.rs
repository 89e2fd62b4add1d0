//! The Arabic interface in the window: words from the Arabic catalogue (screen readers get
//! them too), a mirrored layout (menu bar from the right, documents on the right, entities on
//! the left), and switching language from View > Language re-lays out the window at once.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use hashiya::app::i18n::Lang;
use hashiya::app::{Command, HashiyaApp, Settings};

const WIDTH: f32 = 1300.0;

/// A two-document corpus in a window speaking `language`.
fn corpus_harness(dir: &std::path::Path, language: Lang) -> Harness<'static, HashiyaApp> {
    std::fs::write(dir.join("a.txt"), "وصل وزير خارجية إيران إلى دمشق.\n").expect("write article");
    std::fs::write(dir.join("b.txt"), "التقى الرئيس وفداً من باكو.\n").expect("write article");
    let settings = Settings { autosave: false, language: Some(language), ..Settings::default() };
    let dir = dir.to_path_buf();
    let mut h = Harness::builder()
        .with_size(egui::vec2(WIDTH, 800.0))
        .build_eframe(move |cc| HashiyaApp::new(&cc.egui_ctx, settings, Some(dir)));
    h.run_steps(6);
    h
}

/// Where the widget named `label` is, horizontally (its centre).
fn x_of(h: &Harness<'_, HashiyaApp>, label: &str) -> f32 {
    h.get_by_label(label).rect().center().x
}

#[test]
fn the_arabic_interface_is_arabic_and_mirrored() {
    let dir = tempfile::tempdir().expect("temp dir");
    let h = corpus_harness(dir.path(), Lang::Arabic);
    // The menu bar reads from the right: File first at the right edge, then Edit to its left.
    let (file, edit, view) = (x_of(&h, "ملف"), x_of(&h, "تحرير"), x_of(&h, "عرض"));
    assert!(file > WIDTH * 0.85, "File at {file}");
    assert!(edit < file && view < edit, "File {file}, Edit {edit}, View {view}");
    // The documents panel is on the right, the entities on the left.
    assert!(x_of(&h, "منجز، التالي") > WIDTH / 2.0, "Done, next on the right");
    assert!(x_of(&h, "الكيانات") < WIDTH / 2.0, "Entities on the left");
    // Counts take Arabic plural forms (no entities yet: the zero form).
    h.get_by_label("لا كيانات");
    assert!(h.query_by_label("File").is_none(), "no English menu");
}

#[test]
fn the_editors_notices_are_said_in_arabic() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = corpus_harness(dir.path(), Lang::Arabic);
    h.state_mut().push_command(Command::Save);
    // The learner may say its piece too (the starter suggests at once): catch the save's
    // notice on the frame it is made.
    let mut notice = None;
    for _ in 0..20 {
        h.run_steps(1);
        if let Some(n) = h.state().notice().filter(|n| n.text.starts_with("Saved ")) {
            notice = Some(n.clone());
            break;
        }
    }
    let notice = notice.expect("the English text stays for the command line: Saved …");
    let said = hashiya::app::i18n::notice_text(&notice);
    assert!(said.starts_with("حُفظ "), "{said}");
    assert!(said.contains("a.txt.hashiya.ron"), "the path is kept as it is: {said}");
}

#[test]
fn english_keeps_its_layout() {
    let dir = tempfile::tempdir().expect("temp dir");
    let h = corpus_harness(dir.path(), Lang::English);
    let (file, edit) = (x_of(&h, "File"), x_of(&h, "Edit"));
    assert!(file < WIDTH * 0.1 && edit > file, "File {file}, Edit {edit}");
    assert!(x_of(&h, "Done, next") < WIDTH / 2.0, "Done, next on the left");
    assert!(x_of(&h, "Entities") > WIDTH / 2.0, "Entities on the right");
    h.get_by_label("0 entities");
}

#[test]
fn view_language_switches_the_window_at_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = corpus_harness(dir.path(), Lang::English);
    h.state_mut().push_command(Command::SetLanguage(Some(Lang::Arabic)));
    h.run_steps(2);
    assert!(x_of(&h, "ملف") > WIDTH * 0.85);
    assert!(x_of(&h, "منجز، التالي") > WIDTH / 2.0);
    assert_eq!(h.state().settings().language, Some(Lang::Arabic), "kept in the settings");
    h.state_mut().push_command(Command::SetLanguage(Some(Lang::English)));
    h.run_steps(2);
    assert!(x_of(&h, "File") < WIDTH * 0.1);
    assert!(h.query_by_label("ملف").is_none());
}

#[test]
fn arabic_check_boxes_have_their_box_at_the_right() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = corpus_harness(dir.path(), Lang::Arabic);
    h.get_by_label("عرض").click();
    h.run_steps(2);
    let item = h.get_by_role_and_label(egui::accesskit::Role::MenuItemCheckBox, "إظهار التشكيل").rect();
    let words = h.get_by_role_and_label(egui::accesskit::Role::Label, "إظهار التشكيل").rect();
    // The box is at the right of the words, the whole item right-aligned in the menu.
    assert!(words.max.x < item.max.x - 12.0, "box at the right: item {item:?}, words {words:?}");
    assert!(words.min.x <= item.min.x + 1.0, "words at the left end: item {item:?}, words {words:?}");
}
