//! Unit tests of the three-way merge on small files.

use super::*;
use crate::formats::store::SaveInfo;
use crate::model::LabelSet;

fn e(id: u64, start: usize, end: usize, label: &str) -> FileEntity {
    FileEntity {
        id,
        start,
        end,
        label: label.into(),
        text: "x".repeat(end - start),
        before: String::new(),
        after: String::new(),
    }
}

fn file(who: &str, entities: Vec<FileEntity>) -> FileAnnotations {
    let mut info = SaveInfo::new(std::path::Path::new("a.txt"));
    info.annotator = who.into();
    FileAnnotations {
        info,
        chars: 100,
        sha256: "ab".repeat(32),
        labels: LabelSet::default(),
        entities,
        orphans: Vec::new(),
        tokens: None,
        suggestions: Vec::new(),
        rejected: Vec::new(),
    }
}

#[test]
fn disjoint_changes_merge_cleanly_with_unique_ids() {
    let base = file("rana", vec![e(1, 0, 4, "PER"), e(2, 10, 14, "LOC")]);
    let ours = file("rana", vec![e(1, 0, 4, "ORG"), e(2, 10, 14, "LOC"), e(3, 20, 24, "GPE")]);
    let theirs = file("omar", vec![e(1, 0, 4, "PER"), e(3, 30, 34, "DATE")]);
    let m = merge(Some(&base), &ours, &theirs).expect("same text");
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    let mut got: Vec<(usize, &str)> = m.file.entities.iter().map(|e| (e.start, e.label.as_str())).collect();
    got.sort_unstable();
    assert_eq!(got, vec![(0, "ORG"), (20, "GPE"), (30, "DATE")], "relabel, deletion, both additions");
    let ids: HashSet<u64> = m.file.entities.iter().map(|e| e.id).collect();
    assert_eq!(ids.len(), 3, "their new #3 was renumbered");
    assert_eq!(m.file.info.annotator, "rana, omar");
}

#[test]
fn clashes_become_suggestions_and_nothing_is_lost() {
    let base = file("rana", vec![e(1, 0, 4, "PER"), e(2, 10, 14, "LOC")]);
    let ours = file("rana", vec![e(1, 0, 4, "ORG"), e(3, 20, 26, "GPE")]);
    let theirs = file("omar", vec![e(1, 0, 4, "PER"), e(2, 10, 15, "LOC"), e(1_000, 0, 4, "EVENT")]);
    let theirs = FileAnnotations {
        entities: vec![e(1, 0, 5, "MISC"), e(2, 10, 15, "LOC"), e(3, 21, 26, "LOC")],
        ..theirs
    };
    let m = merge(Some(&base), &ours, &theirs).expect("same text");
    assert_eq!(m.conflicts.len(), 3, "{:#?}", m.conflicts);
    let sugg: Vec<(usize, usize, &str)> =
        m.file.suggestions.iter().map(|s| (s.start, s.end, s.label.as_str())).collect();
    assert!(sugg.contains(&(0, 5, "MISC")), "changed two ways: theirs suggested");
    assert!(sugg.contains(&(10, 15, "LOC")), "we deleted what they changed");
    assert!(sugg.contains(&(21, 26, "LOC")), "overlapping new spans");
    assert!(m.file.suggestions.iter().all(|s| s.source == "merge" && s.note.contains("omar")));
    for side in [&ours, &theirs] {
        for x in &side.entities {
            let kept = m.file.entities.iter().any(|y| y.same_span(x))
                || m.file
                    .suggestions
                    .iter()
                    .any(|s| (s.start, s.end, s.label.as_str()) == (x.start, x.end, x.label.as_str()));
            assert!(kept, "{x:?} is lost");
        }
    }
}

#[test]
fn different_texts_are_refused() {
    let ours = file("rana", Vec::new());
    let theirs = FileAnnotations { sha256: "cd".repeat(32), ..file("omar", Vec::new()) };
    assert!(matches!(merge(None, &ours, &theirs), Err(MergeError::DifferentTexts { .. })));
}
