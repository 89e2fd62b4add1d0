//! The built-in file picker in the window: it lists the article's folder with Arabic names
//! shaped, a double click opens a file, the path field takes a typed folder, and Save As takes
//! a typed Arabic file name.

use egui::accesskit::Role;
use egui::{Event, Key, Modifiers, PointerButton};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use hashiya::app::{Command, DialogPurpose, HashiyaApp, Settings};

fn harness(dir: &std::path::Path) -> Harness<'static, HashiyaApp> {
    std::fs::write(dir.join("a.txt"), "قال الوزير إن الوفد سيزور باكو.\n").expect("write");
    std::fs::write(dir.join("مقالة.txt"), "وصل وفد جمهورية أذربيجان إلى دمشق.\n").expect("write");
    std::fs::create_dir(dir.join("أرشيف")).expect("mkdir");
    let settings = Settings { autosave: false, builtin_dialogs: true, ..crate::fixtures::settings() };
    let article = dir.join("a.txt");
    let mut h = Harness::builder()
        .with_size(egui::vec2(1200.0, 800.0))
        .with_step_dt(0.05)
        .build_eframe(move |cc| HashiyaApp::new(&cc.egui_ctx, settings, Some(article)));
    h.run_steps(4);
    h
}

/// `n` primary-button clicks at `pos`, after hovering long enough for the picker's rows.
fn clicks(h: &mut Harness<'_, HashiyaApp>, pos: egui::Pos2, n: usize) {
    let button = |pressed| Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    };
    h.hover_at(pos);
    h.run_steps(8);
    for _ in 0..n {
        h.event(button(true));
        h.run_steps(1);
        h.event(button(false));
        h.run_steps(1);
    }
    h.run_steps(2);
}

fn active_name(h: &Harness<'_, HashiyaApp>) -> String {
    let path = &h.state().article().expect("article").path;
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

#[test]
fn the_picker_lists_the_folder_and_a_double_click_opens_an_arabic_named_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(dir.path());
    h.state_mut().push_command(Command::Dialog(DialogPurpose::Open));
    h.run_steps(6);
    let folder = h.get_by_role_and_label(Role::Button, "أرشيف").rect();
    let file = h.get_by_role_and_label(Role::Button, "مقالة.txt").rect();
    assert!(folder.min.y < file.min.y, "folders first");
    clicks(&mut h, file.center(), 2);
    assert_eq!(active_name(&h), "مقالة.txt");
    assert!(h.query_by_role_and_label(Role::Button, "أرشيف").is_none(), "the picker closed");
}

#[test]
fn save_as_takes_a_typed_arabic_file_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(dir.path());
    h.state_mut().push_command(Command::Dialog(DialogPurpose::SaveAs));
    h.run_steps(6);
    // The name field (the second text input: path, then name) holds the suggested name.
    let fields: Vec<_> = h.get_all_by_role(Role::TextInput).map(|n| n.rect()).collect();
    assert_eq!(fields.len(), 2, "path and file name");
    clicks(&mut h, fields[1].center(), 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run_steps(1);
    h.event(Event::Text("حواشي.ron".to_string()));
    h.run_steps(1);
    assert_eq!(
        h.get_all_by_role(Role::TextInput).nth(1).and_then(|n| n.value()).as_deref(),
        Some("حواشي.ron")
    );
    h.key_press(Key::Enter);
    h.run_steps(4);
    assert!(dir.path().join("حواشي.ron").exists(), "saved under the typed name");
}

#[test]
fn rows_are_named_for_screen_readers() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(dir.path());
    h.state_mut().push_command(Command::Dialog(DialogPurpose::Open));
    h.run_steps(6);
    let row = h.get_by_role_and_label(Role::Button, "مقالة.txt");
    assert_eq!(row.accesskit_node().role(), Role::Button);
}
