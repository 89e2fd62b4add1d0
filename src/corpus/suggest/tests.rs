use std::path::Path;

use super::*;
use crate::model::LabelId;

/// Writes an article and, when `tags` is given, its annotation file with those words tagged
/// (first occurrence of each) and the status.
fn doc(dir: &Path, name: &str, text: &str, tags: &[(&str, u32, usize)], status: DocStatus) -> DocEntry {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write article");
    let (mut a, _) = Article::open(&path).expect("opens");
    for &(word, label, nth) in tags {
        let start = text.match_indices(word).nth(nth).map(|(i, _)| i).expect("word");
        a.apply(EditCommand::TagRange(start..start + word.len(), LabelId(label))).expect("tags");
    }
    if !tags.is_empty() || status != DocStatus::New {
        a.set_status(status);
        a.save(false).expect("saves");
    }
    DocEntry { path, rel: PathBuf::from(name) }
}

fn layer(entry: &DocEntry) -> Vec<(String, String, u16, Vec<String>)> {
    let (a, _) = Article::open(&entry.path).expect("opens");
    let labels = a.ann().labels();
    let name = |id| labels.get(id).map_or("?".to_string(), |l| l.name.clone());
    a.ann()
        .suggestions()
        .iter()
        .map(|s| {
            let alts = s.alternatives.iter().map(|l| name(*l)).collect();
            (a.doc.text()[s.range()].to_string(), name(s.label), s.confidence, alts)
        })
        .collect()
}

#[test]
fn corpus_forms_are_suggested_where_they_are_usually_names() {
    let dir = tempfile::tempdir().expect("tempdir");
    let docs = vec![
        doc(
            dir.path(),
            "a.txt",
            "قال الرئيس إن إيران وعمان. الرئيس والرئيس والرئيس الرئيس.\n",
            &[("الرئيس", 1, 0), ("إيران", 4, 0), ("عمان", 4, 0)],
            DocStatus::Done,
        ),
        doc(dir.path(), "b.txt", "زار عمان ثم عمان.\n", &[("عمان", 2, 0), ("عمان", 4, 1)], DocStatus::Done),
        doc(dir.path(), "c.txt", "وصل الرئيس إلى وإيران ثم بعمان وإيرانية.\n", &[], DocStatus::New),
    ];
    let dict = corpus_dictionary(&docs, |_, _| {}).expect("builds");
    assert_eq!(dict.documents, 2);
    let corpus = LabelSet::default();
    let summary = suggest_documents(
        &docs,
        &dict,
        (SuggestionSource::Corpus, DEFAULT_MIN_CONFIDENCE),
        (&corpus, "rana"),
        |_, _| {},
    );
    assert_eq!((summary.documents, summary.suggestions, summary.done), (1, 2, 2));
    assert!(summary.failed.is_empty() && summary.unknown_labels.is_empty());
    // «الرئيس» is tagged in 1 of its 5 occurrences: 200 ‰, below the threshold.
    // «عمان»: GPE twice, ORG once, every occurrence tagged: 667 ‰ with ORG as alternative.
    assert_eq!(
        layer(&docs[2]),
        [
            ("إيران".to_string(), "GPE".to_string(), 1000, vec![]),
            ("عمان".to_string(), "GPE".to_string(), 667, vec!["ORG".to_string()]),
        ]
    );
    assert!(layer(&docs[0]).is_empty(), "done documents are left alone");
}

#[test]
fn a_gazetteer_label_the_corpus_lacks_is_reported_not_suggested() {
    let dir = tempfile::tempdir().expect("tempdir");
    let docs = vec![doc(dir.path(), "a.txt", "في باكو ودمشق.\n", &[], DocStatus::New)];
    let (gaz, problems) = Gazetteer::parse("باكو\tGPE\nدمشق\tCITY\n");
    assert!(problems.is_empty());
    let dict = Dictionary::from_gazetteer(gaz.expect("builds"));
    let corpus = LabelSet::default();
    let summary =
        suggest_documents(&docs, &dict, (SuggestionSource::Gazetteer, 0), (&corpus, "rana"), |_, _| {});
    assert_eq!(summary.unknown_labels.into_iter().collect::<Vec<_>>(), ["CITY"]);
    assert_eq!(layer(&docs[0]), [("باكو".to_string(), "GPE".to_string(), 1000, vec![])]);
}
