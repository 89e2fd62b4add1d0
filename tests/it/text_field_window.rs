//! The app's text field driven like a user through egui_kittest: typing Arabic and mixed
//! text, caret motion by the paragraph's direction, selection by keys, mouse and double click,
//! undo, the clipboard events, IME composition, and what screen readers are told.

use egui::accesskit::Role;
use egui::{Event, Key, Modifiers, Pos2, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use hashiya::app::widgets::TextField;
use hashiya::text::field::FieldLine;

/// A window holding one field bound to the state string.
fn harness(text: &str) -> Harness<'static, String> {
    let mut h = Harness::builder().with_size(egui::vec2(500.0, 120.0)).with_step_dt(0.05).build_ui_state(
        |ui, text: &mut String| {
            ui.add(TextField::new(text).hint("name").width(400.0).id_salt("field"));
        },
        text.to_string(),
    );
    h.run_steps(2);
    h
}

fn field_rect(h: &Harness<'_, String>) -> Rect {
    h.get_by_role(Role::TextInput).rect()
}

fn click_at(h: &mut Harness<'_, String>, pos: Pos2, clicks: usize, modifiers: Modifiers) {
    let button =
        |pressed| Event::PointerButton { pos, button: egui::PointerButton::Primary, pressed, modifiers };
    h.event(Event::ModifiersChanged(modifiers));
    // Steps are 0.05 s: a pause longer than egui's 0.3 s double-click delay keeps this click
    // apart from earlier ones; the clicks themselves come quickly enough to count together.
    h.hover_at(pos);
    h.run_steps(8);
    for _ in 0..clicks {
        h.event(button(true));
        h.run_steps(1);
        h.event(button(false));
        h.run_steps(1);
    }
    h.event(Event::ModifiersChanged(Modifiers::NONE));
}

fn focus(h: &mut Harness<'_, String>) {
    let r = field_rect(h);
    click_at(h, r.center(), 1, Modifiers::NONE);
}

fn type_text(h: &mut Harness<'_, String>, text: &str) {
    h.event(Event::Text(text.to_string()));
    h.run_steps(1);
}

fn key(h: &mut Harness<'_, String>, key: Key, modifiers: Modifiers) {
    h.key_press_modifiers(modifiers, key);
    h.run_steps(1);
}

fn copied(h: &Harness<'_, String>) -> Option<String> {
    h.output().platform_output.commands.iter().find_map(|c| match c {
        egui::OutputCommand::CopyText(t) => Some(t.clone()),
        _ => None,
    })
}

#[test]
fn typing_arabic_and_mixed_text_keeps_logical_order() {
    let mut h = harness("");
    focus(&mut h);
    for word in ["جمهورية", " ", "أذربيجان"] {
        type_text(&mut h, word);
    }
    assert_eq!(h.state(), "جمهورية أذربيجان");
    h.state_mut().clear();
    h.run_steps(2);
    for c in "قمة G20 في باكو 2023".chars() {
        type_text(&mut h, &c.to_string());
    }
    assert_eq!(h.state(), "قمة G20 في باكو 2023");
    assert_eq!(h.get_by_role(Role::TextInput).value().as_deref(), Some("قمة G20 في باكو 2023"));
}

#[test]
fn arrows_move_by_the_paragraphs_direction_and_shift_selects() {
    let mut h = harness("قمة باكو");
    focus(&mut h);
    key(&mut h, Key::Home, Modifiers::NONE);
    // Right to left: Left moves forward, into the text.
    key(&mut h, Key::ArrowLeft, Modifiers::NONE);
    type_text(&mut h, "X");
    assert_eq!(h.state(), "قXمة باكو");
    key(&mut h, Key::End, Modifiers::NONE);
    key(&mut h, Key::ArrowRight, Modifiers::SHIFT | Modifiers::COMMAND);
    h.event(Event::Cut);
    h.run_steps(1);
    assert_eq!(copied(&h).as_deref(), Some("باكو"));
    assert_eq!(h.state(), "قXمة ");
    // Left to right text: Right moves forward.
    h.state_mut().replace_range(.., "G20 Baku");
    h.run_steps(2);
    key(&mut h, Key::Home, Modifiers::NONE);
    key(&mut h, Key::ArrowRight, Modifiers::SHIFT);
    key(&mut h, Key::ArrowRight, Modifiers::SHIFT);
    h.event(Event::Copy);
    h.run_steps(1);
    assert_eq!(copied(&h).as_deref(), Some("G2"));
}

/// Screen x of byte `offset` of right-to-left `text` in the field at `r` (right-aligned, as the
/// text layer lays it out at 14 points, one pixel per point).
fn rtl_x(r: Rect, text: &str, offset: usize) -> f32 {
    let mut fs = hashiya::text::font_system();
    let line = FieldLine::new(&mut fs, text, 14.0);
    r.max.x - 4.0 - line.width() + line.caret_x(offset)
}

#[test]
fn clicks_put_the_caret_where_the_text_is() {
    let mut h = harness("جمهورية أذربيجان");
    let r = field_rect(&h);
    // Right-aligned right-to-left text: its logical start is at the right edge.
    click_at(&mut h, Pos2::new(r.max.x - 5.0, r.center().y), 1, Modifiers::NONE);
    type_text(&mut h, "ال");
    assert_eq!(h.state(), "الجمهورية أذربيجان");
    // A click just after «الجمهورية» (left of it on screen), then Shift+click at the start.
    let text = h.state().clone();
    let space = text.find(' ').unwrap_or(0);
    click_at(&mut h, Pos2::new(rtl_x(r, &text, space) + 1.0, r.center().y), 1, Modifiers::NONE);
    click_at(&mut h, Pos2::new(rtl_x(r, &text, 0) - 1.0, r.center().y), 1, Modifiers::SHIFT);
    h.event(Event::Copy);
    h.run_steps(1);
    assert_eq!(copied(&h).as_deref(), Some("الجمهورية"));
    // A double click inside «أذربيجان» (the left word) selects it; typing replaces it.
    let mid = (rtl_x(r, &text, space + 1) + rtl_x(r, &text, text.len())) / 2.0;
    click_at(&mut h, Pos2::new(mid, r.center().y), 2, Modifiers::NONE);
    type_text(&mut h, "باكو");
    assert_eq!(h.state(), "الجمهورية باكو");
}

#[test]
fn undo_and_redo_inside_the_field() {
    let mut h = harness("");
    focus(&mut h);
    type_text(&mut h, "قمة");
    type_text(&mut h, " ");
    type_text(&mut h, "باكو");
    key(&mut h, Key::Z, Modifiers::COMMAND);
    assert_eq!(h.state(), "قمة ");
    key(&mut h, Key::Z, Modifiers::COMMAND);
    assert_eq!(h.state(), "");
    key(&mut h, Key::Z, Modifiers::COMMAND | Modifiers::SHIFT);
    assert_eq!(h.state(), "قمة ");
    key(&mut h, Key::Y, Modifiers::COMMAND);
    assert_eq!(h.state(), "قمة باكو");
}

#[test]
fn paste_replaces_the_selection_on_one_line() {
    let mut h = harness("قمة باكو");
    focus(&mut h);
    key(&mut h, Key::A, Modifiers::COMMAND);
    h.event(Event::Paste("مجموعة\nالعشرين".to_string()));
    h.run_steps(1);
    assert_eq!(h.state(), "مجموعة العشرين");
    key(&mut h, Key::Backspace, Modifiers::COMMAND);
    assert_eq!(h.state(), "مجموعة ");
    key(&mut h, Key::Z, Modifiers::COMMAND);
    assert_eq!(h.state(), "مجموعة العشرين");
}

#[test]
fn ime_composition_reaches_the_text_on_commit() {
    let mut h = harness("قمة ");
    focus(&mut h);
    key(&mut h, Key::End, Modifiers::NONE);
    h.event(Event::Ime(egui::ImeEvent::Preedit { text: "با".into(), active_range_chars: None }));
    h.run_steps(1);
    assert_eq!(h.state(), "قمة ", "a composition is not text yet");
    assert!(h.output().platform_output.ime.is_some(), "the IME is told where the caret is");
    h.event(Event::Ime(egui::ImeEvent::Commit("باكو".into())));
    h.run_steps(1);
    assert_eq!(h.state(), "قمة باكو");
}

#[test]
fn screen_readers_get_the_value_and_can_set_it() {
    let mut h = harness("");
    let node = h.get_by_role(Role::TextInput);
    assert_eq!(node.accesskit_node().placeholder(), Some("name"));
    node.set_text_value_accesskit("أذربيجان");
    h.run_steps(2);
    assert_eq!(h.state(), "أذربيجان");
    let node = h.get_by_role(Role::TextInput);
    assert_eq!(node.accesskit_node().text_direction(), Some(egui::accesskit::TextDirection::RightToLeft));
}

#[test]
fn screen_readers_read_the_field_by_character_and_word_with_the_caret() {
    let mut h = harness("قمة G20 في باكو");
    let r = field_rect(&h);
    // A click on the right edge puts the caret at the start of the right-to-left text.
    click_at(&mut h, Pos2::new(r.max.x - 5.0, r.center().y), 1, Modifiers::NONE);
    let field = h.get_by_role(Role::TextInput);
    let node = field.accesskit_node();
    assert!(node.supports_text_ranges(), "the field has a text interface");
    assert_eq!(node.document_range().text(), "قمة G20 في باكو");
    let caret = node.text_selection_focus().expect("a caret");
    assert!(caret.is_document_start(), "the caret is at the start");
    let mut word = node.document_range();
    word.set_end(word.start().forward_to_word_end());
    assert_eq!(word.text(), "قمة ");
    key(&mut h, Key::End, Modifiers::SHIFT);
    let node = h.get_by_role(Role::TextInput);
    let selected = node.accesskit_node().text_selection().map(|r| r.text()).unwrap_or_default();
    assert_eq!(selected, "قمة G20 في باكو");
}
