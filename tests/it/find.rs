//! Find in the window: Ctrl+F, a name typed without hamza finds it with and without clitics,
//! the matches are tagged as one undo step; after tagging a name, T tags its other occurrences.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use hashiya::app::Command;

use crate::window::{entities, harness_with, press_text, tag_word};

const TEXT: &str = "إيران ترحب بنتائج المحادثات\n\
قال الوزير إن إيران مستعدة، وإن الحكومة الإيرانية ستدعم المبادرة.\n\
وأكد أن العلاقات بين سورية وإيران قوية.\n";

fn surfaces(h: &egui_kittest::Harness<'_, hashiya::app::HashiyaApp>) -> Vec<String> {
    entities(h).into_iter().map(|(label, text)| format!("{label} {text}")).collect()
}

#[test]
fn find_then_tag_all_is_one_undo_step() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness_with(dir.path(), TEXT, 1.0);
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run_steps(2);
    h.event(egui::Event::Text("ايران".to_string()));
    h.run_steps(3);
    h.get_by_label("3 matches");
    h.get_by_label("GPE").click();
    h.run_steps(3);
    assert_eq!(surfaces(&h), vec!["GPE إيران", "GPE إيران", "GPE إيران"], "«الإيرانية» is not «إيران»");
    let text = h.state().notice().map(|n| n.text.clone()).unwrap_or_default();
    assert_eq!(text, "GPE: tagged 3");
    h.state_mut().push_command(hashiya::editor::EditCommand::Undo.into());
    h.run_steps(2);
    assert!(entities(&h).is_empty(), "one undo step");
    h.state_mut().push_command(Command::FindClose);
    h.run_steps(2);
    assert!(h.query_by_label("3 matches").is_none());
}

#[test]
fn tagging_a_name_offers_its_other_occurrences() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness_with(dir.path(), TEXT, 1.0);
    tag_word(&mut h, "إيران", 0, "4");
    let notice = h.state().notice().map(|n| n.text.clone()).unwrap_or_default();
    assert!(notice.starts_with("2 more «إيران» here"), "{notice}");
    press_text(&mut h, "t");
    assert_eq!(surfaces(&h).len(), 3);
    let ann = h.state().article().expect("article").ann();
    let text = h.state().article().expect("article").doc.text().to_string();
    let last = ann.entities().iter().last().expect("entity");
    assert_eq!(&text[last.start - "و".len()..last.start], "و", "the clitic stays outside");
    // T again does nothing more: the offer was used.
    press_text(&mut h, "t");
    assert_eq!(surfaces(&h).len(), 3);
}
