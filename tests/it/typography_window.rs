//! Reader typography in the window: View menu choices reach the article's layout, and with
//! tashkeel hidden a word tagged by dragging over it keeps its marks and exports the same
//! offsets as with tashkeel shown.

use egui::{Modifiers, Pos2};
use hashiya::app::{Command, DialogPurpose};
use hashiya::formats::exchange::Format;
use hashiya::text::ReadingFont;

use crate::window::{drag, entities, harness_with, press_text};

const TEXT: &str = "قَالَ وَزِيرُ الخَارِجِيَّةِ إِنَّ القِمَّةَ سَتُعْقَدُ فِي بَاكُو\n\
وَصَلَ وَفْدُ جُمْهُورِيَّةِ أَذْرَبِيجَانَ إِلَى دِمَشْقَ.\n";

/// Tags «أَذْرَبِيجَانَ» by dragging across it from its right edge to its left edge (Alt: letter
/// by letter, no snapping to words), exports JSONL and returns (the entity's surface, the
/// export).
fn tag_and_export(hide: bool) -> (String, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness_with(dir.path(), TEXT, 1.0);
    if hide {
        h.state_mut().push_command(Command::ToggleTashkeel);
        h.run_steps(3);
    }
    let word = "أَذْرَبِيجَانَ";
    let start = TEXT.find(word).expect("word");
    let rects = h.state().view().screen_rects_of(start..start + word.len());
    assert_eq!(rects.len(), 1);
    let r = rects[0];
    drag(
        &mut h,
        Pos2::new(r.max.x - 1.0, r.center().y),
        Pos2::new(r.min.x + 1.0, r.center().y),
        Modifiers::ALT,
    );
    press_text(&mut h, "4");
    let out = dir.path().join("out.jsonl");
    h.state_mut().push_command(Command::DialogDone(DialogPurpose::Export(Format::Jsonl), Some(out.clone())));
    h.run_steps(2);
    let surface = entities(&h).first().map(|(_, s)| s.clone()).unwrap_or_default();
    (surface, std::fs::read_to_string(&out).expect("exported"))
}

#[test]
fn a_tag_made_with_tashkeel_hidden_exports_the_same_offsets() {
    let (shown, shown_export) = tag_and_export(false);
    let (hidden, hidden_export) = tag_and_export(true);
    assert_eq!(shown, "أَذْرَبِيجَانَ", "the final fatha is part of the word");
    assert_eq!(hidden, shown, "hidden marks are still selected and tagged");
    assert_eq!(hidden_export, shown_export);
    assert!(hidden_export.contains("\"GPE\""), "{hidden_export}");
}

#[test]
fn view_menu_choices_change_the_article_layout() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness_with(dir.path(), TEXT, 1.0);
    let word = |h: &egui_kittest::Harness<'_, hashiya::app::HashiyaApp>| {
        let start = TEXT.find("دِمَشْقَ").expect("word");
        h.state().view().screen_rects_of(start..start + "دِمَشْقَ".len())[0]
    };
    let naskh = word(&h);
    h.state_mut().push_command(Command::SetReadingFont(ReadingFont::Amiri));
    h.run_steps(3);
    let amiri = word(&h);
    assert!((naskh.width() - amiri.width()).abs() > 0.5, "{naskh:?} vs {amiri:?}");
    h.state_mut().push_command(Command::SetLineHeight(2.5));
    h.run_steps(3);
    let tall = word(&h);
    assert!(tall.min.y > amiri.min.y + 10.0, "the second paragraph moves down: {amiri:?} -> {tall:?}");
    assert_eq!(h.state().settings().reading_font, ReadingFont::Amiri);
    assert_eq!(h.state().settings().line_height, 2.5);
}
