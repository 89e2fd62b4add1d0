//! The journal's bytes: round trips, torn tails at every cut, damage in the middle.

use super::*;
use crate::model::{Edit, Entity, EntityId, LabelId, LabelSet, Transaction, ops};

fn doc() -> Document {
    Document::new("التقى المقداد نظيره في باكو".to_string())
}

fn range_of(doc: &Document, word: &str) -> std::ops::Range<usize> {
    let start = doc.text().find(word).expect("word");
    start..start + word.len()
}

/// A header, a tag, a relabel, a status and a save marker.
fn sample() -> (Vec<u8>, Vec<Record>) {
    let doc = doc();
    let ann = crate::model::Annotations::new(LabelSet::default());
    let (tx, _) = ops::tag(&ann, range_of(&doc, "باكو"), LabelId(3)).expect("tag");
    let labels = LabelSet::default();
    let records = vec![
        edit_record(Step::Apply, &tx, &doc, &labels).expect("encodes"),
        edit_record(Step::Undo, &tx.invert(), &doc, &labels).expect("encodes"),
        Record::Status("done".into()),
        Record::Saved(sha256(b"file")),
    ];
    let mut bytes = encode_start(&Header::new(&doc, Some(sha256(b"base"))));
    for r in &records {
        bytes.extend(encode_record(r));
    }
    (bytes, records)
}

#[test]
fn records_round_trip_with_code_points_and_label_names() {
    let (bytes, records) = sample();
    let parsed = parse(&bytes);
    assert_eq!(parsed.end, End::Clean);
    assert_eq!(parsed.valid_len, bytes.len());
    assert_eq!(parsed.header, Some(Header::new(&doc(), Some(sha256(b"base")))));
    assert_eq!(parsed.records, records);
    // «باكو» is code points 23..27 of the text (counted by hand: 5+1+7+1+5+1+2+1 = 23).
    let Record::Edit { edits, .. } = &records[0] else { panic!("edit") };
    assert_eq!(edits, &[RawEdit::Add(RawEntity { id: 1, start: 23, end: 27, label: "LOC".into() })]);
}

#[test]
fn a_cut_anywhere_is_a_torn_tail_that_keeps_every_whole_record() {
    let (bytes, records) = sample();
    let mut ends = vec![MAGIC.len()];
    let mut at = MAGIC.len();
    while at < bytes.len() {
        let len = u32::from_le_bytes(bytes[at..at + 4].try_into().expect("4 bytes")) as usize;
        at += 8 + len;
        ends.push(at);
    }
    for cut in 0..bytes.len() {
        let parsed = parse(&bytes[..cut]);
        let whole = ends.iter().filter(|&&e| e <= cut).count();
        let kept = whole.saturating_sub(2);
        assert_eq!(parsed.records, records[..kept], "cut at {cut}");
        let clean = ends.contains(&cut);
        assert_eq!(parsed.end == End::Clean, clean, "cut at {cut}: {:?}", parsed.end);
        if !clean {
            assert_eq!(parsed.end, End::Torn, "cut at {cut}");
        }
        // A tail of zeros (a file extended but never written) is torn too.
        let mut zeroed = bytes[..cut].to_vec();
        zeroed.extend([0; 40]);
        assert_eq!(parse(&zeroed).records, records[..kept], "zeros after {cut}");
    }
}

#[test]
fn damage_in_the_middle_stops_reading_there() {
    let (mut bytes, records) = sample();
    let header_end = MAGIC.len() + 8 + u32::from_le_bytes(bytes[8..12].try_into().expect("4")) as usize;
    let first_end = header_end
        + 8
        + u32::from_le_bytes(bytes[header_end..header_end + 4].try_into().expect("4")) as usize;
    // Flip a payload byte of the second edit record.
    bytes[first_end + 9] ^= 0x40;
    let parsed = parse(&bytes);
    assert_eq!(parsed.records, records[..1]);
    assert_eq!(parsed.valid_len, first_end);
    assert!(
        matches!(&parsed.end, End::Corrupt { record: 2, why } if why.contains("checksum")),
        "{:?}",
        parsed.end
    );
}

#[test]
fn other_files_are_foreign_and_a_headerless_journal_is_damaged() {
    assert!(matches!(parse(b"(version: 1)\n").end, End::Foreign(_)));
    assert_eq!(parse(b"HSYJ").end, End::Torn, "cut inside the magic");
    let mut bytes = MAGIC.to_vec();
    bytes.extend(encode_record(&Record::Status("done".into())));
    assert!(matches!(parse(&bytes).end, End::Corrupt { record: 0, .. }));
}

#[test]
fn label_set_changes_resolve_names_in_order() {
    let doc = doc();
    let old = LabelSet::default();
    let mut new = old.clone();
    new.labels_mut()[2].name = "PLACE".into();
    let e = Entity { id: EntityId(4), start: 0, end: range_of(&doc, "التقى").end, label: LabelId(3) };
    let tx = Transaction::new(vec![Edit::Labels { old: old.clone(), new: new.clone() }, Edit::Add(e)]);
    let record = edit_record(Step::Apply, &tx, &doc, &new).expect("encodes");
    let Record::Edit { edits, .. } = &record else { panic!("edit") };
    assert!(matches!(&edits[1], RawEdit::Add(r) if r.label == "PLACE"));
    let back = resolve(edits, &doc, &old).expect("resolves");
    assert_eq!(back, tx);
    assert!(resolve(&edits[1..], &doc, &old).is_err_and(|e| e.contains("PLACE")));
}

#[test]
fn entities_outside_the_article_are_refused() {
    let raw = RawEntity { id: 1, start: 3, end: 99, label: "PER".into() };
    let err = resolve(&[RawEdit::Add(raw)], &doc(), &LabelSet::default());
    assert!(err.is_err_and(|e| e.contains("outside the article")));
}

#[test]
fn journal_names_follow_the_annotation_file() {
    assert_eq!(journal_path(Path::new("/d/a.txt.hashiya.ron")), Path::new("/d/a.txt.hashiya.journal"));
    assert_eq!(journal_path(Path::new("/d/other.ron")), Path::new("/d/other.ron.journal"));
}

/// Found by the `journal` fuzz target: a record of three edits of 3 bytes each (layer edits of
/// two empty layers) was refused on reading ("count 3 is larger than the record"), because
/// the reader assumed at least 4 bytes per edit; a journal holding it stopped replaying there.
#[test]
fn records_of_the_shortest_edits_read_back() {
    let record = Record::Edit {
        step: Step::Redo,
        edits: vec![
            RawEdit::Layer(Vec::new(), Vec::new()),
            RawEdit::Labels(Vec::new(), Vec::new()),
            RawEdit::Layer(Vec::new(), Vec::new()),
        ],
    };
    let mut bytes = encode_start(&Header::new(&doc(), None));
    bytes.extend(encode_record(&record));
    let parsed = parse(&bytes);
    assert_eq!(parsed.end, End::Clean);
    assert_eq!(parsed.records, [record]);
}
