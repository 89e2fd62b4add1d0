use super::*;
use crate::model::{Document, History, LabelSet, ops};

const TEXT: &str = "زار وزير خارجية إيران باكو ثم عاد إلى إيران";

fn setup() -> (Document, Annotations) {
    (Document::new(TEXT.to_string()), Annotations::new(LabelSet::default()))
}

fn at(doc: &Document, word: &str, nth: usize) -> std::ops::Range<usize> {
    let start = doc.text().match_indices(word).nth(nth).map(|(i, _)| i).expect("word in text");
    start..start + word.len()
}

fn proposal(range: std::ops::Range<usize>, label: u32) -> Suggestion {
    Suggestion::new(range, LabelId(label), SuggestionSource::Gazetteer, 1000)
}

#[test]
fn suggest_leaves_out_rejected_and_covered_spans_and_undoes() {
    let (doc, mut ann) = setup();
    let mut history = History::default();
    let (tx, _) = ops::tag(&ann, at(&doc, "باكو", 0), LabelId(4)).expect("tags");
    history.apply(&mut ann, &doc, tx).expect("applies");
    let before = ann.clone();
    let proposed = vec![
        proposal(at(&doc, "إيران", 0), 4),
        proposal(at(&doc, "إيران", 1), 4),
        proposal(at(&doc, "باكو", 0), 4),
    ];
    let (tx, report) = suggest(&ann, SuggestionSource::Gazetteer, proposed.clone());
    assert_eq!(report, SuggestReport { suggested: 2, rejected: 0, covered: 1 });
    history.apply(&mut ann, &doc, tx.expect("changes")).expect("applies");
    assert_eq!(ann.suggestions().len(), 2);
    let first = ann.suggestions().nth(0).map(Suggestion::key).expect("one");
    let tx = reject(&ann, first).expect("rejects");
    history.apply(&mut ann, &doc, tx).expect("applies");
    assert_eq!(ann.suggestions().len(), 1);
    // Suggesting again from the same source does not bring the rejected one back.
    let (tx, report) = suggest(&ann, SuggestionSource::Gazetteer, proposed);
    assert_eq!(report.rejected, 1);
    assert!(tx.is_none(), "the layer is already what the source proposes");
    while history.undo(&mut ann, &doc).expect("undo") {
        if ann.entities().len() == 1 && ann.suggestions().is_empty() {
            break;
        }
    }
    assert_eq!(ann, before);
}

#[test]
fn accept_makes_an_entity_and_settles_overlapping_suggestions() {
    let (doc, mut ann) = setup();
    let wide = at(&doc, "وزير خارجية إيران", 0);
    let proposed =
        vec![proposal(at(&doc, "إيران", 0), 4), proposal(wide.clone(), 2), proposal(at(&doc, "إيران", 1), 3)];
    let (tx, _) = suggest(&ann, SuggestionSource::Corpus, proposed);
    ann.apply(&doc, &tx.expect("changes")).expect("applies");
    let before = ann.clone();
    let key = SuggestionKey { start: wide.start, end: wide.end, label: LabelId(2) };
    let (tx, id) = accept(&ann, key, Some(LabelId(1))).expect("accepts");
    ann.apply(&doc, &tx).expect("applies");
    assert_eq!(ann.entities().get(id).map(|e| (e.range(), e.label)), Some((wide, LabelId(1))));
    assert_eq!(ann.suggestions().len(), 1, "the nested «إيران» went with the accepted span");
    ann.apply(&doc, &tx.invert()).expect("undo");
    assert_eq!(ann, before);
}

#[test]
fn accept_all_and_reject_all_of_one_label() {
    let (doc, mut ann) = setup();
    let proposed = vec![
        proposal(at(&doc, "إيران", 0), 4),
        proposal(at(&doc, "إيران", 1), 4),
        proposal(at(&doc, "خارجية إيران", 0), 4),
        proposal(at(&doc, "باكو", 0), 3),
    ];
    let (tx, _) = suggest(&ann, SuggestionSource::Corpus, proposed);
    ann.apply(&doc, &tx.expect("changes")).expect("applies");
    let before = ann.clone();
    let (tx, n) = accept_all(&ann, LabelId(4)).expect("accepts");
    assert_eq!(n, 2, "the longer span first, then the second «إيران»; the nested one is settled");
    ann.apply(&doc, &tx).expect("applies");
    let spans: Vec<&str> = ann.entities().iter().filter_map(|e| doc.slice(e.range())).collect();
    assert_eq!(spans, ["خارجية إيران", "إيران"]);
    assert_eq!(ann.suggestions().iter().map(|s| s.label).collect::<Vec<_>>(), [LabelId(3)]);
    ann.apply(&doc, &tx.invert()).expect("undo");
    assert_eq!(ann, before);
    let (tx, n) = reject_all(&ann, LabelId(4)).expect("rejects");
    assert_eq!(n, 3);
    ann.apply(&doc, &tx).expect("applies");
    assert_eq!(ann.rejections().len(), 3);
    assert_eq!(ann.suggestions().len(), 1);
}

#[test]
fn removing_a_label_takes_its_suggestions_and_rejections_along() {
    let (doc, mut ann) = setup();
    let mut alt = proposal(at(&doc, "إيران", 1), 4);
    alt.alternatives = vec![LabelId(3)];
    let (tx, _) = suggest(&ann, SuggestionSource::Corpus, vec![proposal(at(&doc, "إيران", 0), 3), alt]);
    ann.apply(&doc, &tx.expect("changes")).expect("applies");
    let first = ann.suggestions().nth(0).map(Suggestion::key).expect("one");
    let tx = reject(&ann, first).expect("rejects");
    ann.apply(&doc, &tx).expect("applies");
    let mut labels = ann.labels().clone();
    labels.labels_mut().retain(|l| l.id != LabelId(3));
    let tx = ops::set_labels(&ann, labels).expect("changes");
    ann.apply(&doc, &tx).expect("the label is no longer in use");
    assert!(ann.rejections().is_empty());
    assert_eq!(ann.suggestions().nth(0).map(|s| s.alternatives.clone()), Some(Vec::new()));
}

#[test]
fn tagging_a_suggested_span_settles_it() {
    let (doc, mut ann) = setup();
    let r = at(&doc, "باكو", 0);
    let (tx, _) = suggest(&ann, SuggestionSource::Model, vec![proposal(r.clone(), 4)]);
    ann.apply(&doc, &tx.expect("changes")).expect("applies");
    let (tx, _) = ops::tag(&ann, r, LabelId(3)).expect("tags");
    ann.apply(&doc, &tx).expect("applies");
    assert!(ann.suggestions().is_empty());
    assert_eq!(ann.entities().len(), 1);
}

mod props {
    use super::*;
    use proptest::prelude::*;

    #[derive(Debug, Clone)]
    enum Op {
        Suggest(Vec<(usize, usize, u32)>),
        Accept(usize),
        Reject(usize),
        AcceptAll(u32),
        RejectAll(u32),
        Tag(usize, usize, u32),
    }

    fn op() -> impl Strategy<Value = Op> {
        let span = (0usize..40, 1usize..10, 1u32..5);
        prop_oneof![
            proptest::collection::vec(span.clone(), 0..8).prop_map(Op::Suggest),
            (0usize..8).prop_map(Op::Accept),
            (0usize..8).prop_map(Op::Reject),
            (1u32..5).prop_map(Op::AcceptAll),
            (1u32..5).prop_map(Op::RejectAll),
            span.prop_map(|(s, l, lab)| Op::Tag(s, l, lab)),
        ]
    }

    fn build(ann: &Annotations, doc: &Document, op: Op) -> Option<Transaction> {
        let chars: Vec<usize> = doc.text().char_indices().map(|(i, _)| i).chain([doc.len()]).collect();
        let byte = |c: usize| chars[c.min(chars.len() - 1)];
        let key = |i: usize| ann.suggestions().nth(i).map(Suggestion::key);
        match op {
            Op::Suggest(spans) => {
                let v = spans.into_iter().map(|(s, l, lab)| proposal(byte(s)..byte(s + l), lab)).collect();
                suggest(ann, SuggestionSource::Model, v).0
            }
            Op::Accept(i) => key(i).and_then(|k| accept(ann, k, None)).map(|(tx, _)| tx),
            Op::Reject(i) => key(i).and_then(|k| reject(ann, k)),
            Op::AcceptAll(l) => accept_all(ann, LabelId(l)).map(|(tx, _)| tx),
            Op::RejectAll(l) => reject_all(ann, LabelId(l)).map(|(tx, _)| tx),
            Op::Tag(s, l, lab) => ops::tag(ann, byte(s)..byte(s + l), LabelId(lab)).map(|(tx, _)| tx),
        }
    }

    proptest! {
        /// Every layer transaction built from the current state applies, and undoing all of
        /// them restores the original annotations exactly (entities, layer and rejections).
        #[test]
        fn layer_edits_apply_and_undo_exactly(ops in proptest::collection::vec(op(), 0..30)) {
            let (doc, mut ann) = setup();
            let original = ann.clone();
            let mut history = History::default();
            let mut states = vec![ann.clone()];
            for op in ops {
                if let Some(tx) = build(&ann, &doc, op) {
                    history.apply(&mut ann, &doc, tx).expect("a built transaction applies");
                    states.push(ann.clone());
                }
            }
            while let Some(state) = states.pop() {
                prop_assert_eq!(&ann, &state);
                history.undo(&mut ann, &doc).expect("undo applies");
            }
            prop_assert_eq!(ann, original);
        }
    }
}

#[test]
fn the_combined_layer_replaces_its_sources_and_keeps_merge_and_external_ones() {
    let (doc, mut ann) = setup();
    let mut history = History::default();
    let with = |r, l, source| Suggestion { source, ..proposal(r, l) };
    let first = vec![
        with(at(&doc, "إيران", 0), 4, SuggestionSource::Starter),
        with(at(&doc, "باكو", 0), 4, SuggestionSource::Corpus),
    ];
    let (tx, _) = suggest_replacing(&ann, &SuggestionSource::COMBINED, first);
    history.apply(&mut ann, &doc, tx.expect("changes")).expect("applies");
    let (tx, _) = suggest(&ann, SuggestionSource::External, vec![proposal(at(&doc, "وزير", 0), 1)]);
    history.apply(&mut ann, &doc, tx.expect("changes")).expect("applies");
    let second = vec![with(at(&doc, "إيران", 1), 4, SuggestionSource::Model)];
    let (tx, report) = suggest_replacing(&ann, &SuggestionSource::COMBINED, second);
    assert_eq!(report.suggested, 1);
    history.apply(&mut ann, &doc, tx.expect("changes")).expect("applies");
    let sources: Vec<(usize, SuggestionSource)> =
        ann.suggestions().iter().map(|s| (s.start, s.source)).collect();
    assert_eq!(
        sources,
        [
            (at(&doc, "وزير", 0).start, SuggestionSource::External),
            (at(&doc, "إيران", 1).start, SuggestionSource::Model)
        ]
    );
}
