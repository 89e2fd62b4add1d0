//! A corpus in the window: a folder opens with its documents panel; tagging, Ctrl+Enter (done,
//! next to do) and Ctrl+PgUp move through the documents and update status and progress.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use hashiya::app::{HashiyaApp, Settings};

use crate::window::{entities, tag_word};

fn folder_harness(dir: &std::path::Path) -> Harness<'static, HashiyaApp> {
    let texts = [
        ("a.txt", "وصل وزير خارجية إيران إلى دمشق.\n"),
        ("b.txt", "التقى الرئيس وفداً من باكو.\n"),
        ("c.txt", "قالت الوزارة إن المحادثات ستستمر.\n"),
    ];
    for (name, text) in texts {
        std::fs::write(dir.join(name), text).expect("write article");
    }
    let settings = Settings { autosave: true, ..crate::fixtures::settings() };
    let dir = dir.to_path_buf();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1300.0, 800.0))
        .build_eframe(move |cc| HashiyaApp::new(&cc.egui_ctx, settings, Some(dir)));
    h.run_steps(6);
    h
}

/// The status bar's notice.
pub fn notice(h: &Harness<'_, HashiyaApp>) -> String {
    h.state().notice().map(|n| n.text.clone()).unwrap_or_default()
}

/// Runs frames until `done` holds (background work of the app finishes), for at most 4 s; the
/// caller's assertion afterwards says what did not happen.
pub fn run_until(h: &mut Harness<'_, HashiyaApp>, done: impl Fn(&Harness<'_, HashiyaApp>) -> bool) {
    crate::window::run_frames_until(h, std::time::Duration::from_secs(4), done);
}

fn active_name(h: &Harness<'_, HashiyaApp>) -> String {
    h.state().article().map(|a| a.name()).unwrap_or_default()
}

#[test]
fn a_folder_opens_as_a_corpus_and_ctrl_enter_moves_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = folder_harness(dir.path());
    assert_eq!(h.state().corpus().map(|c| c.docs().len()), Some(3));
    assert_eq!(active_name(&h), "a.txt", "the first document to do opens");
    h.get_by_label("b.txt");
    h.get_by_label("0 / 3 done · 0 entities");
    tag_word(&mut h, "إيران", 0, "4");
    assert_eq!(entities(&h), vec![("GPE".to_string(), "إيران".to_string())]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run_steps(4);
    assert_eq!(active_name(&h), "b.txt");
    let saved = std::fs::read_to_string(dir.path().join("a.txt.hashiya.ron")).expect("a.txt was saved");
    assert!(saved.contains("status: \"done\""), "{saved}");
    h.get_by_label("1 / 3 done · 1 entity");
    h.key_press_modifiers(Modifiers::COMMAND, Key::PageDown);
    h.run_steps(4);
    assert_eq!(active_name(&h), "c.txt");
    h.key_press_modifiers(Modifiers::COMMAND, Key::PageUp);
    h.key_press_modifiers(Modifiers::COMMAND, Key::PageUp);
    h.run_steps(6);
    assert_eq!(active_name(&h), "a.txt");
    assert_eq!(entities(&h).len(), 1, "the work is still there");
}

#[test]
fn find_across_the_corpus_lists_documents_with_matches() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = folder_harness(dir.path());
    std::fs::write(dir.path().join("d.txt"), "وإيران وباكو.\n").expect("write");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    h.run_steps(2);
    h.event(egui::Event::Text("باكو".to_string()));
    run_until(&mut h, |h| h.query_by_label("1 match in 1 document").is_some());
    // d.txt was written after the folder was listed: only b.txt is searched and found.
    h.get_by_label("1 match in 1 document");
    h.get_by_label("b.txt · 1").click();
    h.run_steps(4);
    assert_eq!(active_name(&h), "b.txt");
}

#[test]
fn renaming_a_label_renames_it_in_every_document_of_the_corpus() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = folder_harness(dir.path());
    tag_word(&mut h, "إيران", 0, "4");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run_steps(4);
    assert_eq!(active_name(&h), "b.txt");
    let mut labels = h.state().article().expect("article").ann().labels().clone();
    let gpe = labels.labels_mut().iter_mut().find(|l| l.name == "GPE").expect("GPE");
    gpe.name = "COUNTRY".into();
    h.state_mut().push_command(hashiya::editor::EditCommand::SetLabels(labels).into());
    run_until(&mut h, |h| notice(h).starts_with("labels changed in"));
    let notice = notice(&h);
    assert_eq!(notice, "labels changed in 1 other documents (1 unchanged)");
    let a = std::fs::read_to_string(dir.path().join("a.txt.hashiya.ron")).expect("a saved");
    assert!(a.contains("label: \"COUNTRY\""), "{a}");
    let corpus = std::fs::read_to_string(dir.path().join("hashiya-corpus.ron")).expect("corpus file");
    assert!(corpus.contains("\"COUNTRY\"") && !corpus.contains("\"GPE\""), "{corpus}");
}

#[test]
fn tag_all_in_the_corpus_tags_every_document() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("d.txt"), "قالت إيران إن وفد إيران وصل.\n").expect("write");
    let mut h = folder_harness(dir.path());
    assert_eq!(active_name(&h), "a.txt");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    h.run_steps(2);
    h.event(egui::Event::Text("ايران".to_string()));
    run_until(&mut h, |h| h.query_by_label("3 matches in 2 documents").is_some());
    h.get_by_label("3 matches in 2 documents");
    let gpe = h.state().article().and_then(|a| a.ann().labels().by_name("GPE")).map(|l| l.id).expect("GPE");
    h.state_mut().push_command(hashiya::app::Command::TagAllInCorpus(gpe));
    run_until(&mut h, |h| notice(h).starts_with("GPE:"));
    assert_eq!(
        notice(&h),
        "GPE: tagged 1; tagged 2 in 1 other documents (Ctrl+Z in a document undoes it there)"
    );
    let d = std::fs::read_to_string(dir.path().join("d.txt.hashiya.ron")).expect("d saved");
    assert_eq!(d.matches("label: \"GPE\"").count(), 2, "{d}");
    h.state_mut().push_command(hashiya::editor::EditCommand::Undo.into());
    h.run_steps(2);
    assert!(entities(&h).is_empty(), "the open document's part is one undo step");
    // In the other document, the corpus-wide tag-all is its newest undo step.
    h.state_mut().push_command(hashiya::app::Command::Open(dir.path().join("d.txt")));
    run_until(&mut h, |h| active_name(h) == "d.txt");
    assert_eq!(entities(&h).len(), 2);
    assert!(!h.state().article().expect("open").is_dirty(), "the file already holds it");
    h.state_mut().push_command(hashiya::editor::EditCommand::Undo.into());
    h.run_steps(2);
    assert!(entities(&h).is_empty(), "undone in this document");
    assert!(h.state().article().expect("open").is_dirty());
}
