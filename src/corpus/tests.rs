//! The corpus core on small folders made in the test: opening, scanning with problems, stats,
//! export rules.

use std::fs;
use std::path::Path;

use super::*;
use crate::editor::{Article, EditCommand};
use crate::formats::exchange::Format;
use crate::formats::store::{self, DocStatus};
use crate::model::LabelId;

const TEXT: &str = "التقى الوزير في باكو.\n";

/// An article at `rel` under `root`, tagged "باكو" as LOC and given `status` when not `None`.
fn article(root: &Path, rel: &str, status: Option<DocStatus>) {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    fs::write(&path, TEXT).expect("write");
    let Some(status) = status else { return };
    let (mut a, _) = Article::open(&path).expect("opens");
    let start = TEXT.find("باكو").expect("word");
    a.apply(EditCommand::TagRange(start..start + "باكو".len(), LabelId(3))).expect("tags");
    a.set_status(status);
    a.save(false).expect("saves");
}

#[test]
fn a_scan_sums_up_every_document_and_lists_problems() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    article(root, "b/2.txt", Some(DocStatus::Done));
    article(root, "b/10.txt", Some(DocStatus::InProgress));
    article(root, "a.txt", None);
    fs::write(root.join("bin.txt"), [0u8, 1, 2, 0, 0, 159, 0, 3]).expect("binary");
    article(root, "broken.txt", None);
    fs::write(root.join("broken.txt.hashiya.ron"), "(version: 1,\n  nonsense").expect("broken");
    let corpus = Corpus::open(root).expect("opens");
    assert_eq!(corpus.file_state(), FileState::Missing);
    let names: Vec<String> = corpus.docs().iter().map(DocEntry::name).collect();
    assert_eq!(names, vec!["a.txt", "b/2.txt", "b/10.txt", "bin.txt", "broken.txt"]);
    let mut calls = 0;
    let scan = corpus.scan(|done, total| {
        calls += 1;
        assert!(done <= total);
    });
    assert_eq!(calls, 5);
    let health: Vec<Health> = scan.docs.iter().map(|d| d.health).collect();
    assert_eq!(health, vec![Health::Ok, Health::Ok, Health::Ok, Health::Unreadable, Health::Broken]);
    assert_eq!(scan.docs[1].status, DocStatus::Done);
    assert_eq!(scan.docs[1].count("LOC"), 1);
    let problems: Vec<String> = scan.problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert!(problems[0].contains("bin.txt") && problems[0].contains("binary"), "{problems:#?}");
    assert!(problems[1].contains("broken.txt.hashiya.ron:2:"), "{problems:#?}");
    let stats = CorpusStats::new(corpus.labels(), &scan.docs);
    assert_eq!((stats.count(DocStatus::Done), stats.entities, stats.broken, stats.unreadable), (1, 2, 1, 1));
    assert_eq!(nav::next_not_done(&scan.docs, Some(0)), Some(2));
}

#[test]
fn a_background_scan_reports_every_document() {
    let dir = tempfile::tempdir().expect("tempdir");
    for i in 0..5 {
        article(dir.path(), &format!("{i}.txt"), Some(DocStatus::Done));
    }
    let corpus = Corpus::open(dir.path()).expect("opens");
    let handle = corpus.spawn_scan();
    let mut seen = vec![false; handle.total()];
    for event in handle.receiver().iter() {
        match event {
            ScanEvent::Doc { index, summary, problems } => {
                assert!(problems.is_empty() && summary.status == DocStatus::Done);
                seen[index] = true;
            }
            ScanEvent::Finished => break,
        }
    }
    assert!(seen.iter().all(|s| *s));
}

#[test]
fn the_corpus_file_is_kept_and_a_broken_one_never_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    article(root, "a.txt", Some(DocStatus::Done));
    let mut corpus = Corpus::open(root).expect("opens");
    corpus.settings_mut().annotator = Some("rana".into());
    corpus.settings_mut().labels.ensure("NORP");
    corpus.save().expect("saves");
    let again = Corpus::open(root).expect("opens");
    assert_eq!((again.file_state(), again.settings()), (FileState::Loaded, corpus.settings()));
    assert_eq!(find_root(&root.join("a.txt")).as_deref(), fs::canonicalize(root).ok().as_deref());
    fs::write(root.join(CORPUS_FILE), "(version: 1, labels: [(id: 1)])").expect("break it");
    let mut broken = Corpus::open(root).expect("still opens");
    assert_eq!(broken.file_state(), FileState::Broken);
    assert!(broken.problems()[0].to_string().contains("hashiya-corpus.ron:1:"), "{:?}", broken.problems());
    assert_eq!(broken.docs().len(), 1, "the articles are listed anyway");
    assert!(matches!(broken.save(), Err(CorpusError::FileBroken(_))));
    assert_eq!(fs::read_to_string(root.join(CORPUS_FILE)).expect("read"), "(version: 1, labels: [(id: 1)])");
}

#[test]
fn exports_refuse_to_write_into_the_corpus() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("corpus");
    article(&root, "a.txt", Some(DocStatus::Done));
    let corpus = Corpus::open(&root).expect("opens");
    let opts = |format| ExportOptions { format, only_done: false, split: None, include_suggestions: false };
    for (format, out) in [
        (Format::Brat, root.join("out")),
        (Format::Conll, root.join("a.txt")),
        (Format::Jsonl, root.join("a.txt.hashiya.ron")),
        (Format::Conll, root.join(CORPUS_FILE)),
        (Format::Conll, root.clone()),
    ] {
        let err = export::export(&corpus, &opts(format), &out, |_, _| {}).expect_err("refused");
        assert!(matches!(err, CorpusError::Output { .. }), "{format:?} {}: {err}", out.display());
    }
    assert_eq!(fs::read_to_string(root.join("a.txt")).expect("read"), TEXT);
    let out = dir.path().join("out.jsonl");
    let summary = export::export(&corpus, &opts(Format::Jsonl), &out, |_, _| {}).expect("exports");
    assert_eq!((summary.documents, summary.entities), (1, 1));
    let line = fs::read_to_string(&out).expect("read");
    assert!(line.starts_with("{\"name\":\"a.txt\",\"status\":\"done\",\"annotator\":"), "{line}");
    assert!(line.contains(",\"labels\":[\"PER\",") && line.contains(",\"text\":"), "{line}");
}

/// Corpus-wide changes (tag all, a label renamed) write a document only with the edits of its
/// journal folded in: a crashed document's journal is saved with the change, and a document
/// open in a running Hashiya (its journal locked) is left untouched and reported.
#[test]
fn corpus_wide_changes_fold_a_crashed_journal_and_leave_a_live_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = "قال إن إيران وإيران في باكو.\n";
    let path = dir.path().join("b.txt");
    fs::write(&path, text).expect("write");
    let word = |w: &str| text.find(w).map(|i| i..i + w.len()).expect("word");
    let (mut crashed, _) = Article::open(&path).expect("opens");
    crashed.apply(EditCommand::TagRange(word("باكو"), LabelId(3))).expect("tags");
    crashed.save(false).expect("saves");
    crashed.apply(EditCommand::TagRange(word("قال"), LabelId(1))).expect("tags");
    drop(crashed); // killed: the tag is only in the journal
    let (mut live, _) = Article::open(&path).expect("a window opens it");
    live.apply(EditCommand::TagRange(word("إن"), LabelId(7))).expect("tags");
    let docs = [DocEntry { path: path.clone(), rel: "b.txt".into() }];
    let skip = dir.path().join("a.txt");
    let query = crate::search::Query::new("ايران", crate::search::Options::default()).expect("query");
    let corpus = LabelSet::default();
    let mut renamed = corpus.clone();
    renamed.labels_mut()[2].name = "PLACE".into();
    let saved = fs::read(store::annotation_path(&path)).expect("ron");
    let tagged = tag_all::tag_all_documents(&docs, &skip, &query, (&corpus, "GPE"), "rana");
    let relabeled = relabel::relabel_documents(&docs, &skip, (&corpus, &renamed), "rana", |_, _| {});
    for (_, why) in tagged.failed.iter().chain(&relabeled.failed) {
        assert!(why.contains("in use by a running Hashiya"), "{why}");
    }
    assert_eq!((tagged.failed.len(), relabeled.failed.len()), (1, 1));
    assert_eq!(fs::read(store::annotation_path(&path)).expect("ron"), saved, "left untouched");
    drop(live); // the window is killed too: its journal holds both sessions' edits
    let tagged = tag_all::tag_all_documents(&docs, &skip, &query, (&corpus, "GPE"), "rana");
    let relabeled = relabel::relabel_documents(&docs, &skip, (&corpus, &renamed), "rana", |_, _| {});
    assert_eq!((tagged.documents, relabeled.changed), (1, 1), "{tagged:?} {relabeled:?}");
    assert!(!crate::editor::has_journal(&path), "the journal was folded");
    let file = store::load(&store::annotation_path(&path), &crate::model::Document::new(text.into()))
        .expect("loads");
    let ann = &file.annotations;
    let mut got: Vec<(&str, &str)> = ann
        .entities()
        .iter()
        .map(|e| (&text[e.range()], ann.labels().get(e.label).map_or("?", |l| l.name.as_str())))
        .collect();
    got.sort();
    let mut want =
        vec![("قال", "PER"), ("إن", "MISC"), ("إيران", "GPE"), ("إيران", "GPE"), ("باكو", "PLACE")];
    want.sort();
    assert_eq!(got, want);
}
