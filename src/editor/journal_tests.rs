//! The edit journal through the editor: replay after a crash, undo/redo, folding at save,
//! journals that do not match, torn and damaged journals, a journal that cannot be written.

use std::fs;
use std::path::{Path, PathBuf};

use super::*;
use crate::formats::journal::{self, Record};
use crate::formats::store::{self, DocStatus};
use crate::model::LabelId;

const TEXT: &str = "التقى المقداد نظيره الإيراني في باكو يوم الأحد.\n";

fn setup() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a.txt");
    fs::write(&path, TEXT).expect("write article");
    (dir, path)
}

fn journal_of(article: &Path) -> PathBuf {
    journal::journal_path(&store::annotation_path(article))
}

fn open(path: &Path) -> (Article, Vec<Notice>) {
    Article::open(path).expect("opens")
}

fn tag(a: &mut Article, word: &str, label: u32) -> Outcome {
    let start = a.doc.text().find(word).expect("word");
    a.apply(EditCommand::TagRange(start..start + word.len(), LabelId(label))).expect("tags")
}

fn texts(a: &Article) -> Vec<String> {
    a.ann().entities().iter().map(|e| a.doc.slice(e.range()).unwrap_or("?").to_string()).collect()
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("list")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into())
        .collect();
    names.sort();
    names
}

#[test]
fn edits_after_the_last_save_are_restored_with_a_notice() {
    let (_dir, path) = setup();
    let (mut a, _) = open(&path);
    tag(&mut a, "المقداد", 1);
    a.save(false).expect("saves");
    assert!(!journal_of(&path).exists(), "a save folds the journal");
    tag(&mut a, "باكو", 3);
    tag(&mut a, "الأحد", 6);
    a.apply(EditCommand::Relabel(a.ann().entities().iter().next().expect("e").id, LabelId(2)))
        .expect("relabels");
    let expected = a.ann().clone();
    drop(a); // the process ends without saving
    let (b, notices) = open(&path);
    assert_eq!(b.ann(), &expected);
    assert!(b.is_dirty(), "restored edits are unsaved");
    let texts: Vec<&str> = notices.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(texts, ["Restored 3 edits made after the last save"]);
}

#[test]
fn undo_and_redo_are_replayed_and_keep_working() {
    let (_dir, path) = setup();
    let (mut a, _) = open(&path);
    tag(&mut a, "المقداد", 1);
    tag(&mut a, "باكو", 3);
    a.apply(EditCommand::Undo).expect("undo");
    a.apply(EditCommand::Redo).expect("redo");
    a.apply(EditCommand::Undo).expect("undo");
    a.set_status(DocStatus::Done);
    drop(a);
    let (mut b, notices) = open(&path);
    assert_eq!(texts(&b), ["المقداد"]);
    assert_eq!(b.status(), DocStatus::Done);
    assert_eq!(notices[0].text, "Restored 6 edits made after the last save");
    assert!(b.can_redo(), "the undone tag can be redone after the restore");
    b.apply(EditCommand::Redo).expect("redo");
    assert_eq!(texts(&b), ["المقداد", "باكو"]);
    b.apply(EditCommand::Undo).expect("undo");
    b.apply(EditCommand::Undo).expect("undo");
    assert!(b.ann().entities().is_empty());
    assert!(b.is_dirty(), "the restored status is not saved yet");
}

#[test]
fn a_journal_whose_save_completed_replays_nothing() {
    let (dir, path) = setup();
    let (mut a, _) = open(&path);
    tag(&mut a, "المقداد", 1);
    let before_save = fs::read(journal_of(&path)).expect("journal");
    a.save(false).expect("saves");
    // A kill between the save's rename and the journal's removal leaves the journal with its
    // save marker: the annotation file already holds its edits.
    let ron = fs::read(store::annotation_path(&path)).expect("ron");
    let mut left = before_save.clone();
    left.extend(journal::encode_record(&Record::Saved(journal::sha256(&ron))));
    fs::write(journal_of(&path), &left).expect("write");
    let (b, notices) = open(&path);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(texts(&b), ["المقداد"]);
    assert!(!b.is_dirty());
    // Without the marker the journal starts from another file: set aside, never applied.
    fs::write(journal_of(&path), &before_save).expect("write");
    let (b, notices) = open(&path);
    assert_eq!(texts(&b), ["المقداد"]);
    assert!(notices[0].text.contains("annotation file was changed or replaced"), "{notices:?}");
    assert!(!journal_of(&path).exists());
    assert!(names_in(dir.path()).iter().any(|n| n.starts_with("a.txt.hashiya.journal.unmatched-")));
}

#[test]
fn a_journal_of_another_text_is_set_aside_and_not_applied() {
    let (dir, path) = setup();
    let (mut a, _) = open(&path);
    tag(&mut a, "باكو", 3);
    drop(a);
    fs::write(&path, TEXT.replace("باكو", "دمشق")).expect("change the article");
    let (b, notices) = open(&path);
    assert!(b.ann().entities().is_empty());
    assert!(notices[0].text.contains("article's text changed"), "{notices:?}");
    let aside: Vec<String> = names_in(dir.path())
        .into_iter()
        .filter(|n| n.starts_with("a.txt.hashiya.journal.unmatched-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert!(notices[0].text.contains(&aside[0]), "the notice names the kept file");
}

#[test]
fn a_torn_last_record_is_ignored_and_cut_at_the_next_edit() {
    let (_dir, path) = setup();
    let (mut a, _) = open(&path);
    tag(&mut a, "المقداد", 1);
    tag(&mut a, "باكو", 3);
    drop(a);
    let mut bytes = fs::read(journal_of(&path)).expect("journal");
    let whole = bytes.len();
    bytes.extend([40, 0, 0, 0, 1, 2, 3]);
    fs::write(journal_of(&path), &bytes).expect("tear");
    let (mut b, notices) = open(&path);
    assert_eq!(texts(&b), ["المقداد", "باكو"]);
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert_eq!(
        fs::metadata(journal_of(&path)).expect("journal").len() as usize,
        bytes.len(),
        "open writes nothing"
    );
    tag(&mut b, "الأحد", 6);
    drop(b);
    assert!(fs::metadata(journal_of(&path)).expect("journal").len() as usize > whole);
    let (c, notices) = open(&path);
    assert_eq!(texts(&c), ["المقداد", "باكو", "الأحد"]);
    assert_eq!(notices[0].text, "Restored 3 edits made after the last save");
}

#[test]
fn damage_in_the_middle_restores_the_edits_before_it_and_keeps_the_file() {
    let (dir, path) = setup();
    let (mut a, _) = open(&path);
    tag(&mut a, "المقداد", 1);
    let first = fs::metadata(journal_of(&path)).expect("journal").len() as usize;
    tag(&mut a, "باكو", 3);
    tag(&mut a, "الأحد", 6);
    drop(a);
    let mut bytes = fs::read(journal_of(&path)).expect("journal");
    bytes[first + 10] ^= 0xff;
    fs::write(journal_of(&path), &bytes).expect("damage");
    let (mut b, notices) = open(&path);
    assert_eq!(texts(&b), ["المقداد"]);
    assert!(notices[0].text.contains("damaged at record 2"), "{notices:?}");
    assert!(notices[0].text.contains("restored the 1 edit before it"), "{notices:?}");
    assert!(names_in(dir.path()).iter().any(|n| n.starts_with("a.txt.hashiya.journal.damaged-")));
    tag(&mut b, "نظيره", 1);
    drop(b);
    let (c, notices) = open(&path);
    assert_eq!(texts(&c), ["المقداد", "نظيره"]);
    assert_eq!(notices[0].text, "Restored 2 edits made after the last save");
}

#[test]
fn discarded_changes_are_not_restored() {
    let (_dir, path) = setup();
    let mut ws = Workspace::new();
    let id = ws.open(&path).expect("opens").id;
    let word = "باكو";
    let start = TEXT.find(word).expect("word");
    ws.apply(id, EditCommand::TagRange(start..start + word.len(), LabelId(3))).expect("tags");
    assert!(journal_of(&path).exists());
    ws.discard_journals();
    assert!(!journal_of(&path).exists());
    drop(ws);
    let (b, notices) = open(&path);
    assert!(b.ann().entities().is_empty() && notices.is_empty());
}

#[cfg(target_os = "linux")]
#[test]
fn a_journal_on_a_full_disk_is_said_once_and_the_save_still_works() {
    let (_dir, path) = setup();
    let (mut a, notices) = Article::open(&path).expect("opens");
    assert!(notices.is_empty(), "{notices:?}");
    // /dev/full refuses every write with ENOSPC, as a full disk does.
    std::os::unix::fs::symlink("/dev/full", journal_of(&path)).expect("symlink");
    let out = tag(&mut a, "باكو", 3);
    let notice = out.notice.expect("told");
    assert!(notice.text.contains("could not write the edit journal"), "{}", notice.text);
    assert!(notice.text.contains("kept in memory"), "{}", notice.text);
    assert!(tag(&mut a, "المقداد", 1).notice.is_none(), "said once");
    assert_eq!(texts(&a), ["المقداد", "باكو"]);
    a.save(false).expect("the annotation file is elsewhere on the disk");
    tag(&mut a, "الأحد", 6);
    assert!(journal_of(&path).is_file(), "a new journal after the save");
}

#[test]
fn a_failed_save_keeps_the_work_in_the_journal_and_the_next_save_retries() {
    let (_dir, path) = setup();
    let (mut a, _) = open(&path);
    tag(&mut a, "باكو", 3);
    let store_path = store::annotation_path(&path);
    fs::create_dir(&store_path).expect("a folder where the file goes");
    let err = a.save(false).expect_err("cannot replace a folder");
    assert!(matches!(err, EditorError::SaveJournaled(_)), "{err}");
    assert!(err.to_string().contains("kept in memory and in the edit journal"), "{err}");
    assert!(a.is_dirty());
    fs::remove_dir(&store_path).expect("rmdir");
    // The edit is still replayable from the journal (crash now: a copy of the folder)…
    let crashed = tempfile::tempdir().expect("tempdir");
    let copy = crashed.path().join("a.txt");
    fs::copy(&path, &copy).expect("copy article");
    fs::copy(journal_of(&path), journal_of(&copy)).expect("copy journal");
    let (b, _) = open(&copy);
    assert_eq!(texts(&b), ["باكو"]);
    drop(b);
    // …and the next save succeeds and folds it.
    a.save(false).expect("saves");
    assert!(!journal_of(&path).exists() && !a.is_dirty());
}

#[test]
fn suggestions_accepts_and_rejections_are_restored() {
    use crate::model::{Suggestion, SuggestionSource};
    let (_dir, path) = setup();
    let (mut a, _) = open(&path);
    let span = |a: &Article, w: &str| {
        let s = a.doc.text().find(w).expect("word");
        s..s + w.len()
    };
    let mut ambiguous = Suggestion::new(span(&a, "باكو"), LabelId(3), SuggestionSource::Model, 930);
    ambiguous.alternatives = vec![LabelId(4)];
    ambiguous.note = "«باكو» 3×".into();
    let suggestions = vec![
        ambiguous.clone(),
        Suggestion::new(span(&a, "المقداد"), LabelId(1), SuggestionSource::Gazetteer, 1000),
        Suggestion::new(span(&a, "الأحد"), LabelId(6), SuggestionSource::Gazetteer, 1000),
    ];
    a.apply(EditCommand::Suggest(SuggestionSource::Model, suggestions)).expect("suggests");
    a.apply(EditCommand::Accept(ambiguous.key(), None)).expect("accepts");
    let other = a.ann().suggestions().iter().find(|s| s.label == LabelId(6)).expect("left").key();
    a.apply(EditCommand::Reject(other)).expect("rejects");
    let expected = a.ann().clone();
    assert!(!expected.rejections().is_empty() && !expected.suggestions().is_empty());
    drop(a);
    let (b, notices) = open(&path);
    assert_eq!(b.ann(), &expected);
    assert_eq!(b.ann().suggestions(), expected.suggestions());
    assert_eq!(b.ann().rejections(), expected.rejections());
    assert_eq!(notices[0].text, "Restored 3 edits made after the last save");
}

#[cfg(unix)]
#[test]
fn a_symlinked_annotation_file_is_saved_through_the_link() {
    let (dir, path) = setup();
    let elsewhere = dir.path().join("kept");
    fs::create_dir(&elsewhere).expect("mkdir");
    let real = elsewhere.join("a.ron");
    let (mut a, _) = open(&path);
    tag(&mut a, "باكو", 3);
    a.save_to(&real).expect("saves");
    drop(a);
    let link = store::annotation_path(&path);
    std::os::unix::fs::symlink(&real, &link).expect("link");
    let (mut b, _) = open(&path);
    assert_eq!(texts(&b), ["باكو"], "read through the link");
    tag(&mut b, "المقداد", 1);
    b.save(false).expect("saves");
    assert!(fs::symlink_metadata(&link).expect("meta").file_type().is_symlink(), "still a link");
    let (c, notices) = open(&path);
    assert_eq!(texts(&c), ["المقداد", "باكو"]);
    assert!(notices.is_empty() && !journal_of(&path).exists(), "{notices:?}");
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_keeps_the_work_in_memory_and_says_so() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, path) = setup();
    let (mut a, _) = open(&path);
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).expect("chmod");
    // Root ignores permissions: only assert when the folder really refuses writes.
    let refused = fs::File::create(dir.path().join("probe")).is_err();
    let out = tag(&mut a, "باكو", 3);
    let saved = a.save(false);
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).expect("chmod back");
    if !refused {
        eprintln!("SKIPPED a_read_only_folder_keeps_the_work_in_memory_and_says_so: running as root");
        return;
    }
    assert!(out.notice.is_some_and(|n| n.text.contains("could not write the edit journal")));
    let err = saved.expect_err("read-only");
    assert!(matches!(err, EditorError::Save(_)), "the journal could not be written either: {err}");
    assert!(err.to_string().contains("kept in memory") && err.to_string().contains("read-only"), "{err}");
    assert_eq!(texts(&a), ["باكو"]);
    a.save(false).expect("the next save works once the folder is writable");
    assert!(!a.is_dirty());
}

#[test]
fn another_sessions_journal_is_never_replayed_cut_or_removed() {
    let (dir, path) = setup();
    let (mut first, _) = open(&path);
    let (mut third, _) = open(&path); // before any journal exists
    tag(&mut first, "المقداد", 1);
    // A second editor while the first has its journal open (locked).
    let (mut second, notices) = open(&path);
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].text.contains("another Hashiya has this article open"), "{}", notices[0].text);
    assert!(second.ann().entities().is_empty(), "not replayed");
    assert!(tag(&mut second, "باكو", 3).notice.is_none(), "unjournaled, said at open");
    second.save(false).expect("no file yet: saves");
    assert!(journal_of(&path).exists(), "the second's save leaves the first's journal");
    tag(&mut first, "الأحد", 6);
    let records = journal::parse(&fs::read(journal_of(&path)).expect("read")).records;
    assert_eq!(records.len(), 2, "only the first's edits: {records:?}");
    // The first "crashes" (its journal stays, unlocked); the third editor, open since before
    // the journal existed, finds a journal it never read when it first writes: left alone,
    // said once.
    drop(first);
    let notice = tag(&mut third, "الإيراني", 4).notice.expect("told");
    assert!(notice.text.contains("edits of another Hashiya session"), "{}", notice.text);
    third.save(true).expect("overwrites the second's file when asked");
    let after = journal::parse(&fs::read(journal_of(&path)).expect("still there")).records;
    assert_eq!(after, records, "never cut or removed");
    let names = ["a.txt", "a.txt.hashiya.journal", "a.txt.hashiya.ron", "a.txt.hashiya.ron.bak"];
    assert_eq!(names_in(dir.path()), names);
}
