//! The suggestions layer in the window: N / P walk it, Enter and label keys accept,
//! Backspace rejects, a click on a dashed outline makes it current, Ctrl+Z undoes.

use egui::Modifiers;
use egui_kittest::kittest::Queryable as _;
use hashiya::editor::{Article, EditCommand};
use hashiya::model::{LabelId, Suggestion, SuggestionSource};

use crate::window::{click, entities, harness_with, press_text, rect_of, run_frames_until};

/// How long the model (run on a thread) may take to answer in the tests.
const ANSWER: std::time::Duration = std::time::Duration::from_secs(10);

const TEXT: &str = "زار الوزير باكو ثم دمشق ثم عمّان، وعاد إلى باكو.\n";

/// (label, surface) of the layer, in reading order.
fn layer(h: &egui_kittest::Harness<'_, hashiya::app::HashiyaApp>) -> Vec<(String, String)> {
    let a = h.state().article().expect("article");
    a.ann()
        .suggestions()
        .iter()
        .map(|s| {
            (
                a.ann().labels().get(s.label).map(|l| l.name.clone()).unwrap_or_default(),
                a.doc.text()[s.range()].to_string(),
            )
        })
        .collect()
}

fn current(h: &egui_kittest::Harness<'_, hashiya::app::HashiyaApp>) -> Option<String> {
    let a = h.state().article().expect("article");
    a.suggestion.map(|k| a.doc.text()[k.start..k.end].to_string())
}

#[test]
fn keys_walk_accept_and_reject_suggestions_and_undo_restores() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a.txt");
    std::fs::write(&path, TEXT).expect("write");
    let (mut a, _) = Article::open(&path).expect("opens");
    let words = [("باكو", 0), ("دمشق", 0), ("عمّان", 0), ("باكو", 1)];
    let proposed = words
        .iter()
        .map(|(w, n)| {
            let s = TEXT.match_indices(w).nth(*n).expect("word").0;
            Suggestion::new(s..s + w.len(), LabelId(4), SuggestionSource::Gazetteer, 1000)
        })
        .collect();
    a.apply(EditCommand::Suggest(SuggestionSource::Gazetteer, proposed)).expect("suggests");
    a.save(false).expect("saves");
    let mut h = harness_with(dir.path(), TEXT, 1.0);
    assert_eq!(layer(&h).len(), 4, "the layer is loaded with the article");
    press_text(&mut h, "n");
    assert_eq!(current(&h).as_deref(), Some("باكو"));
    h.key_press(egui::Key::Enter);
    h.run_steps(2);
    assert_eq!(entities(&h), [("GPE".to_string(), "باكو".to_string())]);
    assert_eq!(current(&h).as_deref(), Some("دمشق"), "the next one is current");
    h.key_press(egui::Key::Backspace);
    h.run_steps(2);
    assert_eq!(current(&h).as_deref(), Some("عمّان"));
    press_text(&mut h, "3");
    assert_eq!(
        entities(&h),
        [("GPE".to_string(), "باكو".to_string()), ("LOC".to_string(), "عمّان".to_string())]
    );
    assert_eq!(layer(&h), [("GPE".to_string(), "باكو".to_string())]);
    // A click on the remaining dashed outline makes it current; P wraps around to it too.
    let r = rect_of(&h, "باكو", 1);
    click(&mut h, r.center());
    assert_eq!(current(&h).as_deref(), Some("باكو"));
    for _ in 0..3 {
        h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
        h.run_steps(1);
    }
    assert!(entities(&h).is_empty());
    assert_eq!(layer(&h).len(), 4, "accept, reject and accept undone");
    assert!(h.state().article().expect("article").ann().rejections().is_empty());
}

/// File > Export… > "Include suggestions" writes the layer as entities too; off (the default),
/// only the entities are exported.
#[test]
fn export_includes_suggestions_only_when_asked() {
    use hashiya::app::{Command, DialogPurpose};
    use hashiya::formats::exchange::Format;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a.txt");
    std::fs::write(&path, TEXT).expect("write");
    let (mut a, _) = Article::open(&path).expect("opens");
    let s = TEXT.find("دمشق").expect("word");
    let proposed = vec![Suggestion::new(s..s + "دمشق".len(), LabelId(4), SuggestionSource::Gazetteer, 1000)];
    a.apply(EditCommand::Suggest(SuggestionSource::Gazetteer, proposed)).expect("suggests");
    a.save(false).expect("saves");
    let mut h = harness_with(dir.path(), TEXT, 1.0);
    let export = |h: &mut egui_kittest::Harness<'_, hashiya::app::HashiyaApp>, name: &str| {
        let out = dir.path().join(name);
        h.state_mut()
            .push_command(Command::DialogDone(DialogPurpose::Export(Format::Jsonl), Some(out.clone())));
        h.run_steps(2);
        std::fs::read_to_string(&out).expect("exported")
    };
    let without = export(&mut h, "without.jsonl");
    assert!(!without.contains("GPE"), "{without}");
    h.state_mut().push_command(Command::ToggleExportSuggestions);
    let with = export(&mut h, "with.jsonl");
    assert!(with.contains("\"GPE\""), "{with}");
    assert_eq!(layer(&h).len(), 1, "exporting changes nothing in the document");
}

#[test]
fn your_own_model_suggests_in_the_open_document_and_a_wrong_answer_changes_nothing() {
    use hashiya::app::Command;
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness_with(dir.path(), TEXT, 1.0);
    // A model that answers with «دمشق» (code points), whatever it is sent.
    let at = TEXT.find("دمشق").expect("word");
    let (s, e) = (TEXT[..at].chars().count(), TEXT[..at].chars().count() + "دمشق".chars().count());
    let script = dir.path().join("model.sh");
    let answer = format!(r#"{{"name":"a.txt","spans":[[{s},{e},"GPE",0.875]]}}"#);
    std::fs::write(&script, format!("cat > /dev/null\nprintf '%s\\n' '{answer}'\n")).expect("write");
    let command = format!("sh {}", script.display());

    // The dialog opens from the menu's command, with nothing typed yet, and Cancel closes it.
    h.state_mut().push_command(Command::OpenModelDialog);
    h.run_steps(4); // a new egui window is sized on an invisible first frame
    assert!(h.query_by_label("Run").is_some(), "the dialog is open");
    h.get_by_label("Cancel").click();
    h.run_steps(2);
    assert!(h.query_by_label("Run").is_none(), "Cancel closes it");

    h.state_mut().push_command(Command::SuggestFromModel(command.clone()));
    run_frames_until(&mut h, ANSWER, |h| {
        h.state().article().is_some_and(|a| !a.ann().suggestions().is_empty())
    });
    assert_eq!(layer(&h), [("GPE".to_string(), "دمشق".to_string())]);
    let a = h.state().article().expect("article");
    let s = a.ann().suggestions().iter().next().expect("one");
    assert_eq!((s.source, s.confidence), (SuggestionSource::External, 875));
    assert!(s.note.contains("model.sh"), "the command is named: {}", s.note);
    assert_eq!(h.state().settings().model_command, command, "kept for the next time");

    // An offset beyond the text: said, and the layer stays as it was.
    let liar = r#"cat > /dev/null; echo '{"name":"a.txt","spans":[[0,99999,"GPE"]]}'"#;
    h.state_mut().push_command(Command::SuggestFromModel(liar.to_string()));
    run_frames_until(&mut h, ANSWER, |h| h.state().notice().is_some_and(|n| n.text.contains("was not used")));
    let said = h.state().notice().map(|n| n.text.clone()).unwrap_or_default();
    assert!(said.contains("99999"), "says what is wrong: {said}");
    assert_eq!(layer(&h), [("GPE".to_string(), "دمشق".to_string())]);

    // A failing command: said, nothing changes; then one undo takes the model's suggestions away.
    h.state_mut().push_command(Command::SuggestFromModel("cat > /dev/null; exit 3".into()));
    run_frames_until(&mut h, ANSWER, |h| h.state().notice().is_some_and(|n| n.text.contains("was not used")));
    assert_eq!(layer(&h).len(), 1);
    h.state_mut().push_command(EditCommand::Undo.into());
    h.run_steps(2);
    assert!(layer(&h).is_empty(), "one undo step");
}
