//! What screen readers get from the window (AccessKit, as the AT-SPI adapter reads it): a
//! named window, menu items, the headline as a level-1 heading, the article's paragraphs with
//! a text interface (characters, words, lines, direction, language) that keeps hidden tashkeel,
//! named entity rows, and the find field as a text input.

use egui::accesskit::{Role, TextDirection};
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
use hashiya::app::Command;

use crate::window::{harness_with, tag_word};

const TEXT: &str =
    "قمة باكو تبحث التعاون\nوَصَلَ وَفْدُ جُمْهُورِيَّةِ أَذْرَبِيجَانَ إِلَى دِمَشْقَ.\nوقال الوزير إن القمة ستعقد عام 2023.\n";

#[test]
fn the_window_and_its_menus_are_named_as_such() {
    let dir = tempfile::tempdir().expect("tempdir");
    let h = harness_with(dir.path(), TEXT, 1.0);
    assert_eq!(h.root().accesskit_node().label().as_deref(), Some("a.txt — Hashiya"));
    for menu in ["File", "Edit", "Suggest", "View"] {
        assert_eq!(h.get_by_label(menu).accesskit_node().role(), Role::MenuItem, "{menu}");
    }
}

#[test]
fn the_article_has_a_text_interface_by_character_word_and_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let h = harness_with(dir.path(), TEXT, 1.0);
    let article = h.get_by_label("Article");
    let doc = article.accesskit_node();
    assert!(doc.supports_text_ranges(), "the Document reads as text");
    let lines: Vec<&str> = TEXT.lines().collect();
    assert_eq!(doc.document_range().text(), format!("{}\n", lines.join("\n")), "paragraphs in logical order");
    let heading = article.get_by_role(Role::Heading);
    assert_eq!(heading.accesskit_node().level(), Some(1));
    for label in article.get_all_by_role(Role::Label) {
        let node = label.accesskit_node();
        assert!(node.supports_text_ranges(), "{:?}", node.value());
        for run in label.get_all_by_role(Role::TextRun) {
            let data = run.accesskit_node();
            assert_eq!(data.data().text_direction(), Some(TextDirection::RightToLeft));
            assert_eq!(data.data().language(), Some("ar"));
            let lengths: usize = data.data().character_lengths().iter().map(|&l| usize::from(l)).sum();
            assert_eq!(lengths, data.value().map_or(0, |v| v.len()));
        }
    }
    // Word by word from the start of the second paragraph: «وَصَلَ » first, marks included.
    let second =
        article.get_all_by_role(Role::Paragraph).next().expect("a paragraph").get_by_role(Role::Label);
    let node = second.accesskit_node();
    let mut word = node.document_range();
    word.set_end(word.start().forward_to_word_end());
    assert_eq!(word.text().trim_end(), "وَصَلَ");
    let line = node.line_range_from_index(0).map(|r| r.text()).unwrap_or_default();
    assert!(line.starts_with("وَصَلَ وَفْدُ"), "{line}");
}

#[test]
fn hidden_tashkeel_is_still_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness_with(dir.path(), TEXT, 1.0);
    h.state_mut().push_command(Command::ToggleTashkeel);
    h.run_steps(3);
    let article = h.get_by_label("Article");
    assert!(article.accesskit_node().document_range().text().contains("جُمْهُورِيَّةِ أَذْرَبِيجَانَ"));
}

#[test]
fn entity_rows_and_the_find_field_carry_their_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness_with(dir.path(), TEXT, 1.0);
    tag_word(&mut h, "باكو", 0, "4");
    // The row in the entities panel says the surface (the article's own nodes say it too).
    assert!(h.get_all_by_label("باكو").any(|n| n.accesskit_node().role() == Role::Label), "a named row");
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run_steps(2);
    h.event(egui::Event::Text("باكو".into()));
    h.run_steps(2);
    let field = h.get_by_role(Role::TextInput);
    assert_eq!(field.value().as_deref(), Some("باكو"));
    assert_eq!(field.accesskit_node().label().as_deref(), Some("Find"), "named by its label");
    assert_eq!(field.accesskit_node().document_range().text(), "باكو", "read through its text runs");
    assert_eq!(field.accesskit_node().data().text_direction(), Some(TextDirection::RightToLeft));
}
