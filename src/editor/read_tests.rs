//! Opening to read (`Article::open_to_read`): the journal replayed in memory as on a window's
//! open, nothing on disk touched whatever the journal is; folding (`fold_journal`) and the
//! guard of the writing commands (`check_journal_folded`).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use super::*;
use crate::formats::journal;
use crate::formats::store::{self, DocStatus};
use crate::model::{Annotations, Document, LabelId};

const TEXT: &str = "التقى المقداد نظيره الإيراني في باكو يوم الأحد.\n";

fn setup() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a.txt");
    fs::write(&path, TEXT).expect("write article");
    (dir, path)
}

fn tag(a: &mut Article, word: &str, label: u32) {
    let start = a.doc.text().find(word).expect("word");
    a.apply(EditCommand::TagRange(start..start + word.len(), LabelId(label))).expect("tags");
}

/// Every file of the folder with its bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fs::read_dir(dir)
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| (e.file_name().to_string_lossy().into_owned(), fs::read(e.path()).unwrap_or_default()))
        .collect()
}

/// A saved article with one entity, then two more edits and a status change left in the
/// journal by a "crash".
fn crashed(path: &Path) -> Annotations {
    let (mut a, _) = Article::open(path).expect("opens");
    tag(&mut a, "المقداد", 1);
    a.save(false).expect("saves");
    tag(&mut a, "باكو", 3);
    tag(&mut a, "الأحد", 6);
    a.set_status(DocStatus::Done);
    let expected = a.ann().clone();
    drop(a);
    expected
}

#[test]
fn a_reader_sees_what_the_window_restores_and_writes_nothing() {
    let (dir, path) = setup();
    let expected = crashed(&path);
    let before = files(dir.path());
    let mut r = Article::open_to_read(&path).expect("opens");
    assert_eq!(r.article.ann(), &expected);
    assert_eq!(r.article.status(), DocStatus::Done);
    assert_eq!(r.journal, JournalRead::Replayed(3));
    assert_eq!(
        r.journal.message(Path::new("a.txt")).as_deref(),
        Some("a.txt: 3 edits from the journal, not yet saved")
    );
    assert!(r.article.is_read_only());
    tag(&mut r.article, "الإيراني", 4);
    assert!(matches!(r.article.save(false), Err(EditorError::ReadOnly(_))), "saving is refused");
    assert!(matches!(r.article.save_to(&dir.path().join("x.ron")), Err(EditorError::ReadOnly(_))));
    r.article.discard_journal();
    drop(r);
    assert_eq!(files(dir.path()), before, "nothing written, cut or removed");
    let (window, notices) = Article::open(&path).expect("the window opens it");
    assert_eq!(window.ann(), &expected, "and still finds every edit");
    assert_eq!(notices[0].text, "Restored 3 edits made after the last save");
}

#[test]
fn a_journal_that_does_not_match_or_is_damaged_is_reported_and_left_as_it_is() {
    let (dir, path) = setup();
    crashed(&path);
    // The annotation file changed by hand after the crash: the journal belongs to the old one.
    let ron = store::annotation_path(&path);
    let text = fs::read_to_string(&ron).expect("ron");
    fs::write(&ron, format!("{text}\n")).expect("hand edit");
    let before = files(dir.path());
    let r = Article::open_to_read(&path).expect("opens");
    assert_eq!(r.article.ann().entities().len(), 1, "the file alone");
    assert!(matches!(&r.journal, JournalRead::NotApplied(why) if why.contains("changed or replaced")));
    assert!(r.journal.is_problem());
    drop(r);
    assert_eq!(files(dir.path()), before, "not set aside by a reader");
    // Damage in the middle: the records before it, the file kept as it is.
    fs::write(&ron, text).expect("put back");
    let j = journal::journal_path(&ron);
    let mut bytes = fs::read(&j).expect("journal");
    let parsed = journal::parse(&bytes);
    bytes[parsed.ends[1] - 2] ^= 0xff; // inside the second edit record
    fs::write(&j, &bytes).expect("damage");
    let before = files(dir.path());
    let r = Article::open_to_read(&path).expect("opens");
    assert!(matches!(r.journal, JournalRead::Damaged { replayed: 1, .. }), "{:?}", r.journal);
    assert_eq!(r.article.ann().entities().len(), 2);
    drop(r);
    assert_eq!(files(dir.path()), before, "a damaged journal is not moved by a reader");
}

#[test]
fn a_live_journal_is_read_around_and_never_blocked() {
    let (dir, path) = setup();
    let (mut live, _) = Article::open(&path).expect("opens");
    tag(&mut live, "المقداد", 1);
    let r = Article::open_to_read(&path).expect("opens beside it");
    assert_eq!(r.journal, JournalRead::InUse);
    assert!(r.article.ann().entities().is_empty());
    assert!(!r.journal.is_problem());
    // A writing command refuses to write over what it did not fold in.
    let (mut writer, _) = Article::open(&path).expect("opens");
    let err = writer.check_journal_folded().expect_err("refused");
    assert!(err.to_string().contains("in use by a running Hashiya"), "{err}");
    assert!(writer.fold_journal().is_err());
    drop(writer);
    tag(&mut live, "باكو", 3);
    assert!(live.save(false).is_ok(), "the live session goes on");
    drop(live);
    assert_eq!(files(dir.path()).len(), 2, "article and annotation file: {:?}", files(dir.path()).keys());
}

#[test]
fn folding_saves_the_journal_or_removes_one_with_nothing_unsaved() {
    let (dir, path) = setup();
    let expected = crashed(&path);
    let (mut a, _) = Article::open(&path).expect("opens");
    assert_eq!(a.journal_read(), &JournalRead::Replayed(3));
    assert!(a.fold_journal().expect("folds").is_some());
    assert_eq!(a.journal_folded_message().as_deref(), Some("3 edits from the journal saved with it"));
    drop(a);
    assert!(!has_journal(&path));
    let file = store::load(&store::annotation_path(&path), &Document::new(TEXT.into())).expect("loads");
    assert_eq!(file.annotations, expected);
    assert_eq!(file.info.status, DocStatus::Done);
    // A journal whose edits were all undone holds nothing unsaved: removed, file unchanged.
    let (mut a, _) = Article::open(&path).expect("opens");
    tag(&mut a, "الإيراني", 4);
    a.apply(EditCommand::Undo).expect("undo");
    drop(a);
    let before = fs::read(store::annotation_path(&path)).expect("ron");
    let (mut a, _) = Article::open(&path).expect("opens");
    assert_eq!(a.fold_journal().expect("nothing to fold"), None);
    assert!(!has_journal(&path));
    assert_eq!(fs::read(store::annotation_path(&path)).expect("ron"), before);
    assert_eq!(files(dir.path()).len(), 3, "article, file and its .bak");
}
