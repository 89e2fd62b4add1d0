//! The editor core driven headlessly, as the window and the command line drive it.

use std::path::{Path, PathBuf};

use super::*;
use crate::model::{Edge, LabelId};

const TEXT: &str = "التقى الوزير في باكو.\n";

fn article_file(dir: &Path, text: &str) -> PathBuf {
    let path = dir.join("a.txt");
    std::fs::write(&path, text).expect("write article");
    path
}

fn range_of(a: &Article, needle: &str) -> std::ops::Range<usize> {
    let start = a.doc.text().find(needle).expect("needle");
    start..start + needle.len()
}

#[test]
fn tagging_is_one_transaction_that_names_and_selects_its_entity() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut ws = Workspace::new();
    let id = ws.open(&article_file(dir.path(), TEXT)).expect("opens").id;
    let a = ws.get(id).expect("open");
    let r = range_of(a, "باكو");
    ws.apply(id, EditCommand::Select { anchor: r.end, caret: r.start }).expect("selects");
    let out = ws.apply(id, EditCommand::Tag(LabelId(3))).expect("tags");
    assert!(out.changed);
    let a = ws.get(id).expect("open");
    assert_eq!(out.created.len(), 1);
    assert_eq!(a.selected, Some(out.created[0]), "the new entity is selected");
    assert_eq!(a.selection, None);
    assert_eq!(a.ann().entities().get(out.created[0]).map(|e| e.range()), Some(r));
    assert!(a.can_undo() && a.is_dirty());
    // Relabel through Tag with the entity selected: not a new entity.
    let out = ws.apply(id, EditCommand::Tag(LabelId(1))).expect("relabels");
    assert!(out.changed && out.created.is_empty());
    ws.apply(id, EditCommand::Undo).expect("undo relabel");
    ws.apply(id, EditCommand::Undo).expect("undo tag");
    let a = ws.get(id).expect("open");
    assert!(a.ann().entities().is_empty());
    assert_eq!(a.selected, None, "a selected entity that is gone is deselected");
    assert!(!a.is_dirty(), "back at the saved state");
}

#[test]
fn refused_commands_change_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut a, _) = Article::open(&article_file(dir.path(), TEXT)).expect("opens");
    let err = a.apply(EditCommand::Tag(LabelId(1))).expect_err("nothing selected");
    assert!(matches!(err, EditorError::NothingSelected) && err.is_hint());
    let r = range_of(&a, "الوزير");
    let out = a.apply(EditCommand::TagRange(r.clone(), LabelId(1))).expect("tags");
    let id = out.created[0];
    let bad = EditCommand::SetRange(id, r.start + 1..r.end);
    assert!(matches!(a.apply(bad), Err(EditorError::Edit(_))), "not on a char boundary");
    let out = a.apply(EditCommand::AdjustEdge(id, Edge::End, 100)).expect("past the end: nothing to do");
    assert!(!out.changed);
    assert_eq!(a.ann().entities().get(id).map(|e| e.range()), Some(r));
    assert!(!a.apply(EditCommand::Delete(crate::model::EntityId(99))).expect("stale").changed);
}

#[test]
fn broken_annotation_file_is_never_overwritten_without_consent() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = article_file(dir.path(), TEXT);
    let store = crate::formats::store::annotation_path(&path);
    std::fs::write(&store, "(version: 1, entities: [").expect("write broken");
    let (mut a, notices) = Article::open(&path).expect("the article still opens");
    assert!(a.store_is_broken());
    assert!(notices.iter().any(|n| n.level == Level::Error && n.text.contains(":1:")), "{notices:?}");
    a.apply(EditCommand::TagRange(range_of(&a, "باكو"), LabelId(3))).expect("tags");
    assert!(matches!(a.save(false), Err(EditorError::StoreBroken(_))));
    let mut ws = Workspace::new();
    let id = ws.insert(a);
    assert!(matches!(ws.save_all().first(), Some((i, EditorError::StoreBroken(_))) if *i == id));
    assert_eq!(std::fs::read_to_string(&store).expect("read"), "(version: 1, entities: [");
    ws.get_mut(id).expect("open").save(true).expect("overwrites when asked");
    assert!(ws.dirty().is_empty());
}

#[test]
fn workspace_holds_many_articles_and_finds_open_ones() {
    let dir = tempfile::tempdir().expect("tempdir");
    let first = article_file(dir.path(), TEXT);
    let second = dir.path().join("b.txt");
    std::fs::write(&second, "وصل الرئيس إلى دمشق.\n").expect("write");
    let mut ws = Workspace::new();
    let a = ws.open(&first).expect("opens").id;
    let b = ws.open(&second).expect("opens").id;
    assert_eq!((ws.len(), ws.active_id()), (2, Some(b)));
    let again = ws.open(&dir.path().join(".").join("a.txt")).expect("finds it");
    assert!(again.already_open && again.id == a && ws.active_id() == Some(a));
    ws.apply(b, EditCommand::TagRange(0.."وصل".len(), LabelId(5))).expect("edits a background article");
    assert_eq!(ws.dirty(), vec![b]);
    assert!(ws.save_all().is_empty());
    assert!(ws.close(a).is_some() && ws.active_id() == Some(b));
    assert!(matches!(ws.apply(a, EditCommand::Undo), Err(EditorError::NotOpen(_))));
    assert!(matches!(ws.open(&dir.path().join("missing.txt")), Err(EditorError::Open(_))));
}

#[test]
fn reanchored_annotations_are_unsaved_until_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = article_file(dir.path(), TEXT);
    let (mut a, _) = Article::open(&path).expect("opens");
    a.apply(EditCommand::TagRange(range_of(&a, "باكو"), LabelId(3))).expect("tags");
    a.save(false).expect("saves");
    std::fs::write(&path, format!("صباح اليوم {TEXT}")).expect("edit the article");
    let (mut a, notices) = Article::open(&path).expect("reopens");
    assert!(notices.iter().any(|n| n.level == Level::Warning), "the report is shown: {notices:?}");
    assert!(a.is_dirty());
    let e = a.ann().entities().iter().next().copied().expect("kept");
    assert_eq!(a.doc.slice(e.range()), Some("باكو"));
    a.save(false).expect("saves");
    let (a, notices) = Article::open(&path).expect("reopens again");
    assert!(!a.is_dirty() && notices.iter().all(|n| n.level == Level::Info));
}

#[test]
fn tag_all_is_one_undo_step_with_a_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = article_file(dir.path(), "باكو وباكو في باكو.\n");
    let (mut a, _) = Article::open(&path).expect("opens");
    let ranges: Vec<_> = a.doc.text().match_indices("باكو").map(|(s, w)| s..s + w.len()).collect();
    a.apply(EditCommand::TagRange(ranges[0].clone(), LabelId(3))).expect("tags one");
    let out = a.apply(EditCommand::TagAll(ranges, LabelId(3))).expect("tags all");
    assert_eq!(out.created.len(), 2);
    assert_eq!(out.notice.map(|n| n.text).as_deref(), Some("LOC: tagged 2, 1 already tagged"));
    assert_eq!(a.ann().entities().len(), 3);
    a.apply(EditCommand::Undo).expect("undo");
    assert_eq!(a.ann().entities().len(), 1, "one undo step");
}

#[test]
fn status_is_saved_with_the_annotator_and_tagging_starts_a_new_document() {
    use crate::formats::store::{self, DocStatus};
    let dir = tempfile::tempdir().expect("tempdir");
    let path = article_file(dir.path(), TEXT);
    let mut ws = Workspace::new();
    ws.set_annotator("  rana ");
    let id = ws.open(&path).expect("opens").id;
    let a = ws.get_mut(id).expect("open");
    assert_eq!((a.status(), a.annotator(), a.is_dirty()), (DocStatus::New, "rana", false));
    let r = range_of(a, "باكو");
    let before = a.revision();
    a.apply(EditCommand::TagRange(r, LabelId(3))).expect("tags");
    assert_eq!(a.status(), DocStatus::InProgress, "tagging starts a new document");
    a.apply(EditCommand::Undo).expect("undo");
    assert_eq!((a.status(), a.is_dirty()), (DocStatus::New, false), "undone to the saved state");
    a.apply(EditCommand::Redo).expect("redo");
    a.save(false).expect("saves");
    let revision = a.revision();
    assert!(revision > before);
    assert_eq!(ws.set_status(id, DocStatus::Done).expect("open"), DocStatus::Done);
    let a = ws.get_mut(id).expect("open");
    assert!(a.is_dirty() && a.revision() != revision, "a status change is a change");
    a.set_status(DocStatus::InProgress);
    assert!(!a.is_dirty(), "back to the saved status");
    a.set_status(DocStatus::Done);
    a.save(false).expect("saves");
    let summary = store::read_summary(&a.store_path).expect("reads");
    assert_eq!((summary.info.status, summary.info.annotator.as_str()), (DocStatus::Done, "rana"));
    let (again, _) = Article::open(&path).expect("reopens");
    assert_eq!((again.status(), again.is_dirty()), (DocStatus::Done, false));
    assert_eq!(again.saved_info().annotator, "rana");
    let mut again = again;
    assert_eq!(again.set_status(DocStatus::New), DocStatus::InProgress, "it has an entity");
}

#[test]
fn suggestions_walk_accept_reject_survive_a_save_and_undo() {
    use crate::model::{Suggestion, SuggestionSource};
    let dir = tempfile::tempdir().expect("tempdir");
    let path = article_file(dir.path(), "زار الوزير باكو ثم دمشق ثم عمّان.\n");
    let mut a = Article::open(&path).expect("opens").0;
    let words = ["باكو", "دمشق", "عمّان"];
    let proposed = words
        .iter()
        .map(|w| Suggestion::new(range_of(&a, w), LabelId(3), SuggestionSource::Gazetteer, 1000))
        .collect();
    let out = a.apply(EditCommand::Suggest(SuggestionSource::Gazetteer, proposed)).expect("suggests");
    assert!(out.changed);
    assert_eq!(out.notice.map(|n| n.text), Some("gazetteer: 3 suggestions".to_string()));
    let current = |a: &Article| a.suggestion.and_then(|k| a.doc.slice(k.start..k.end)).map(str::to_string);
    a.apply(EditCommand::StepSuggestion(true)).expect("steps");
    assert_eq!(current(&a).as_deref(), Some("باكو"));
    a.apply(EditCommand::StepSuggestion(false)).expect("steps back, wrapping");
    assert_eq!(current(&a).as_deref(), Some("عمّان"));
    a.apply(EditCommand::StepSuggestion(true)).expect("steps");
    let key = a.suggestion.expect("current");
    let out = a.apply(EditCommand::Accept(key, Some(LabelId(4)))).expect("accepts");
    assert_eq!(out.created.len(), 1);
    assert_eq!(a.ann().entities().get(out.created[0]).map(|e| e.label), Some(LabelId(4)));
    assert_eq!(current(&a).as_deref(), Some("دمشق"), "the next suggestion is current");
    a.apply(EditCommand::Reject(a.suggestion.expect("current"))).expect("rejects");
    assert_eq!(current(&a).as_deref(), Some("عمّان"));
    assert_eq!(a.ann().rejections().len(), 1);
    a.save(false).expect("saves");
    let b = Article::open(&path).expect("reopens").0;
    assert_eq!(b.ann(), a.ann(), "suggestions and rejections survive a restart");
    a.apply(EditCommand::Undo).expect("undo reject");
    a.apply(EditCommand::Undo).expect("undo accept");
    assert_eq!(a.ann().suggestions().len(), 3);
    assert!(a.ann().entities().is_empty() && a.ann().rejections().is_empty());
}

#[test]
fn an_annotation_file_changed_on_disk_is_not_overwritten_without_consent() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = article_file(dir.path(), TEXT);
    let store = crate::formats::store::annotation_path(&path);
    // Two editors of one article (two windows, or a git pull while one is open).
    let (mut first, _) = Article::open(&path).expect("opens");
    let (mut second, _) = Article::open(&path).expect("opens");
    first.apply(EditCommand::TagRange(range_of(&first, "باكو"), LabelId(3))).expect("tags");
    first.save(false).expect("no file yet: saves");
    second.apply(EditCommand::TagRange(range_of(&second, "الوزير"), LabelId(1))).expect("tags");
    let err = second.save(false).expect_err("created since the second opened it");
    assert!(matches!(err, EditorError::ChangedOnDisk(..)), "{err}");
    assert!(err.to_string().contains("was created by another program"), "{err}");
    assert!(err.to_string().contains("your work is kept in memory"), "{err}");
    assert!(second.store_is_broken() && second.is_dirty());
    let on_disk = std::fs::read_to_string(&store).expect("read");
    assert!(on_disk.contains("LOC") || on_disk.contains("start: 16"), "the first's work stays: {on_disk}");
    assert!(matches!(second.save(false), Err(EditorError::ChangedOnDisk(..))), "still refused");

    // The first editor's own saves go on; a change behind its back stops them.
    first.apply(EditCommand::TagRange(range_of(&first, "الوزير"), LabelId(2))).expect("tags");
    first.save(false).expect("its own file: saves");
    let saved = std::fs::read_to_string(&store).expect("read");
    let text = format!("{saved}\n// edited by hand\n");
    std::fs::write(&store, &text).expect("edit by hand");
    first.apply(EditCommand::Undo).expect("undo");
    assert!(matches!(first.save(false), Err(EditorError::ChangedOnDisk(..))));
    assert_eq!(std::fs::read_to_string(&store).expect("read"), text, "not written over");
    // Put back as it was (a `git checkout` of the file): saving needs no consent again.
    std::fs::write(&store, &saved).expect("restore");
    assert!(first.store_is_broken(), "marked until the next save looks");
    first.save(false).expect("the file is as this editor left it");
    assert!(!first.store_is_broken() && !first.is_dirty());

    // Consent writes it; a deleted file is written again without asking.
    second.save(true).expect("overwrites when asked");
    assert!(!second.store_is_broken() && !second.is_dirty());
    std::fs::remove_file(&store).expect("delete");
    second.apply(EditCommand::Undo).expect("undo");
    second.save(false).expect("a deleted file is written again");
    assert!(store.exists());
}

#[test]
fn check_disk_reloads_a_clean_article_and_marks_one_with_unsaved_edits() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = article_file(dir.path(), TEXT);
    let (mut watcher, _) = Article::open(&path).expect("opens");
    assert_eq!(watcher.check_disk(), DiskChange::None, "no file, none yet");
    // Another editor saves (a git pull would do the same).
    let (mut other, _) = Article::open(&path).expect("opens");
    other.apply(EditCommand::TagRange(range_of(&other, "باكو"), LabelId(3))).expect("tags");
    other.save(false).expect("saves");
    let DiskChange::Reload(notice) = watcher.check_disk() else { panic!("a clean article reloads") };
    assert!(notice.text.ends_with("was created by another program after the article was opened: reloaded"));
    let (mut watcher, _) = Article::open(&path).expect("reopens, as a front end does");
    assert_eq!(watcher.ann().entities().len(), 1);
    assert_eq!(watcher.check_disk(), DiskChange::None, "the file as loaded");
    // Touched without a change: nothing.
    let text = std::fs::read(crate::formats::store::annotation_path(&path)).expect("read");
    std::fs::write(crate::formats::store::annotation_path(&path), &text).expect("rewrite");
    assert_eq!(watcher.check_disk(), DiskChange::None);
    // Unsaved edits here when it changes: marked at once, said once.
    watcher.apply(EditCommand::TagRange(range_of(&watcher, "الوزير"), LabelId(1))).expect("tags");
    other.apply(EditCommand::Undo).expect("undo");
    other.save(false).expect("saves its own file");
    let DiskChange::Conflict(notice) = watcher.check_disk() else { panic!("unsaved edits: a conflict") };
    assert!(notice.text.contains("changed on disk after it was opened"), "{}", notice.text);
    assert!(watcher.store_is_broken());
    assert_eq!(watcher.check_disk(), DiskChange::None, "said once");
    assert!(matches!(watcher.save(false), Err(EditorError::ChangedOnDisk(..))));
}

#[test]
fn an_unreadable_annotation_file_stays_unreadable_not_changed_on_disk() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = article_file(dir.path(), TEXT);
    let store = crate::formats::store::annotation_path(&path);
    std::fs::write(&store, b"(version: 1, \xff\xfe").expect("write bytes that are not UTF-8");
    let (mut a, _) = Article::open(&path).expect("the article still opens");
    a.apply(EditCommand::TagRange(range_of(&a, "باكو"), LabelId(3))).expect("tags");
    assert!(matches!(a.save(false), Err(EditorError::StoreBroken(_))));
    assert_eq!(a.check_disk(), DiskChange::None, "untouched since it was opened");
    std::fs::write(&store, b"(version: 1, \xff\xfe\xfd").expect("changed by hand");
    assert!(matches!(a.check_disk(), DiskChange::Conflict(n) if n.text.contains("changed on disk after")));
    a.save(true).expect("overwrites when asked");
}
