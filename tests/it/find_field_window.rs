//! The find bar's field is the app's own text field: Arabic typed into it is the pattern in
//! logical order, Ctrl+Z inside it undoes the typing (not the article's last edit), and the
//! bar keeps its one row whatever the field holds.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

use crate::window::{entities, harness_with, tag_word};

const TEXT: &str = "قمة G20 في باكو 2023\nوصل وفد جمهورية أذربيجان إلى باكو.\n";

fn typed(h: &mut egui_kittest::Harness<'_, hashiya::app::HashiyaApp>, text: &str) {
    for c in text.chars() {
        h.event(egui::Event::Text(c.to_string()));
        h.run_steps(1);
    }
    h.run_steps(2);
}

fn pattern(h: &egui_kittest::Harness<'_, hashiya::app::HashiyaApp>) -> String {
    h.get_by_role(Role::TextInput).value().unwrap_or_default()
}

#[test]
fn arabic_and_mixed_text_typed_into_find_keeps_its_order_and_finds() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness_with(dir.path(), TEXT, 1.0);
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run_steps(2);
    typed(&mut h, "جمهورية أذربيجان");
    assert_eq!(pattern(&h), "جمهورية أذربيجان");
    h.get_by_label("1 match");
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    typed(&mut h, "قمة G20 في باكو 2023");
    assert_eq!(pattern(&h), "قمة G20 في باكو 2023");
    h.get_by_label("1 match");
}

#[test]
fn ctrl_z_in_the_find_field_undoes_typing_and_elsewhere_the_article() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness_with(dir.path(), TEXT, 1.0);
    tag_word(&mut h, "أذربيجان", 0, "4");
    assert_eq!(entities(&h).len(), 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run_steps(2);
    typed(&mut h, "باكو");
    h.get_by_label("2 matches");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(pattern(&h), "", "the field's typing is undone");
    assert_eq!(entities(&h).len(), 1, "the article's tag stays");
    h.key_press(Key::Escape);
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert!(entities(&h).is_empty(), "outside the field Ctrl+Z undoes the tag");
}

#[test]
fn the_find_bar_keeps_one_row_when_the_field_is_empty() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness_with(dir.path(), TEXT, 1.0);
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run_steps(3);
    let field = h.get_by_role(Role::TextInput).rect();
    for label in ["Prev", "Next"] {
        let r = h.get_by_label(label).rect();
        assert!(r.min.x > field.max.x, "{label} at {r:?} overlaps the field at {field:?}");
    }
}
