use super::*;

fn typed(s: &str) -> FieldCore {
    let mut f = FieldCore::default();
    for c in s.chars() {
        f.apply(Action::Insert(c.to_string()));
    }
    f
}

fn mv(f: &mut FieldCore, motion: Motion, extend: bool) {
    f.apply(Action::Move { motion, extend });
}

#[test]
fn typing_arabic_keeps_logical_order() {
    let f = typed("جمهورية أذربيجان");
    assert_eq!(f.text(), "جمهورية أذربيجان");
    assert_eq!(f.caret(), f.text().len());
    assert!(f.is_rtl());
}

#[test]
fn an_english_label_name_stays_left_to_right() {
    assert!(!typed("PER").is_rtl());
    assert!(!typed("GPE_عربي").is_rtl());
    assert!(typed("2023 باكو").is_rtl());
}

#[test]
fn shift_arrows_extend_and_an_arrow_collapses_to_that_side() {
    let mut f = typed("قمة G20");
    mv(&mut f, Motion::Home, false);
    // Right-to-left paragraph: Left moves forward.
    mv(&mut f, Motion::Left, true);
    mv(&mut f, Motion::Left, true);
    assert_eq!(f.selection(), 0.."قم".len());
    mv(&mut f, Motion::Right, false);
    assert_eq!((f.anchor(), f.caret()), (0, 0));
    mv(&mut f, Motion::WordLeft, true);
    assert_eq!(&f.text()[f.selection()], "قمة");
    mv(&mut f, Motion::End, true);
    assert_eq!(f.selection(), 0..f.text().len());
}

#[test]
fn backspace_and_delete_by_character_and_word() {
    let mut f = typed("قمة G20 في باكو");
    f.apply(Action::DeleteBackward { word: true });
    assert_eq!(f.text(), "قمة G20 في ");
    f.apply(Action::DeleteBackward { word: false });
    assert_eq!(f.text(), "قمة G20 في");
    mv(&mut f, Motion::Home, false);
    f.apply(Action::DeleteForward { word: true });
    assert_eq!(f.text(), " G20 في");
    f.apply(Action::DeleteForward { word: false });
    assert_eq!(f.text(), "G20 في");
}

#[test]
fn undo_and_redo_step_by_word_and_restore_the_selection() {
    let mut f = typed("قمة باكو");
    f.apply(Action::SelectAll);
    f.apply(Action::Paste("G20".into()));
    assert_eq!(f.text(), "G20");
    assert!(f.apply(Action::Undo).changed);
    assert_eq!(f.text(), "قمة باكو");
    assert_eq!(f.selection(), 0..f.text().len());
    f.apply(Action::Undo);
    assert_eq!(f.text(), "قمة ");
    f.apply(Action::Undo);
    assert_eq!(f.text(), "");
    assert!(!f.apply(Action::Undo).changed);
    f.apply(Action::Redo);
    f.apply(Action::Redo);
    f.apply(Action::Redo);
    assert_eq!(f.text(), "G20");
}

#[test]
fn copy_cut_paste() {
    let mut f = typed("قمة G20 في باكو 2023");
    let start = f.text().find("G20").unwrap_or(0);
    f.apply(Action::Click { at: start, extend: false });
    f.apply(Action::DragTo(start + 3));
    assert_eq!(f.apply(Action::Copy).copied.as_deref(), Some("G20"));
    let cut = f.apply(Action::Cut);
    assert!(cut.changed);
    assert_eq!(cut.copied.as_deref(), Some("G20"));
    assert_eq!(f.text(), "قمة  في باكو 2023");
    f.apply(Action::Paste("مجموعة\nالعشرين".into()));
    assert_eq!(f.text(), "قمة مجموعة العشرين في باكو 2023");
    f.apply(Action::Undo);
    assert_eq!(f.text(), "قمة  في باكو 2023");
    assert_eq!(f.apply(Action::Copy).copied, None);
}

#[test]
fn double_click_selects_a_word() {
    let mut f = FieldCore::new("وزير خارجية أذربيجان");
    let at = f.text().find("خارجية").unwrap_or(0) + 2;
    f.apply(Action::SelectWord(at));
    assert_eq!(&f.text()[f.selection()], "خارجية");
    f.apply(Action::Click { at: 0, extend: true });
    assert_eq!(&f.text()[f.selection()], "وزير ");
}

#[test]
fn ime_composition_is_shown_but_not_in_the_text_until_committed() {
    let mut f = typed("قمة ");
    f.apply(Action::Move { motion: Motion::Home, extend: false });
    f.apply(Action::Preedit("با".into()));
    assert_eq!(f.text(), "قمة ");
    assert_eq!(f.display_text(), "باقمة ");
    assert_eq!(f.display_preedit(), 0.."با".len());
    assert_eq!(f.from_display(2), 0);
    assert_eq!(f.to_display(2), 2 + "با".len());
    f.apply(Action::Preedit("باك".into()));
    f.apply(Action::Commit("باكو".into()));
    assert_eq!(f.text(), "باكوقمة ");
    assert_eq!(f.preedit(), "");
    f.apply(Action::Undo);
    assert_eq!(f.text(), "قمة ");
}

#[test]
fn a_composition_replaces_the_selection() {
    let mut f = typed("abc");
    f.apply(Action::SelectAll);
    assert!(f.apply(Action::Preedit("ب".into())).changed);
    assert_eq!(f.text(), "");
    f.apply(Action::Preedit(String::new()));
    assert_eq!(f.display_text(), "");
}

#[test]
fn a_character_limit_is_kept() {
    let mut f = FieldCore::new("").with_max_chars(Some(1));
    f.apply(Action::Insert("pq".into()));
    assert_eq!(f.text(), "p");
    f.apply(Action::Insert("r".into()));
    assert_eq!(f.text(), "p");
    f.apply(Action::SelectAll);
    f.apply(Action::Insert("ش".into()));
    assert_eq!(f.text(), "ش");
}

#[test]
fn a_new_text_from_outside_is_one_undo_step() {
    let mut f = typed("abc");
    f.set_text("x\ny");
    assert_eq!(f.text(), "x y");
    assert_eq!(f.caret(), 3);
    f.apply(Action::Undo);
    assert_eq!(f.text(), "abc");
    assert!(!f.apply(Action::SetValue("abc".into())).changed);
    assert!(f.apply(Action::SetValue("d".into())).changed);
}

#[test]
fn offsets_stay_on_character_boundaries() {
    let mut f = FieldCore::new("أذربيجان");
    f.apply(Action::Click { at: 1, extend: false });
    assert!(f.text().is_char_boundary(f.caret()));
    f.apply(Action::DragTo(999));
    assert_eq!(f.caret(), f.text().len());
    f.apply(Action::SelectWord(999));
    assert_eq!(f.selection(), 0..f.text().len());
}
