use super::*;
use crate::model::{Annotations, Label};

fn req(labels: &str, renames: &[(&str, &str)]) -> InitRequest {
    InitRequest {
        labels: Some(parse_label_list(labels).expect("list")),
        renames: renames.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect(),
        clitics: None,
    }
}

#[test]
fn label_lists_and_renames_are_checked() {
    assert_eq!(parse_label_list(" PER ,ORG").expect("ok"), ["PER", "ORG"]);
    assert!(parse_label_list("PER,").expect_err("trailing comma").contains("label 2: the name is empty"));
    assert!(parse_label_list("").is_err());
    assert!(parse_label_list("A\u{7},B").expect_err("control").contains("control character"));
    assert_eq!(parse_rename("PER=PERSON").expect("ok"), ("PER".to_string(), "PERSON".to_string()));
    assert!(parse_rename("PER").is_err() && parse_rename("PER=PER").is_err() && parse_rename("=X").is_err());
}

#[test]
fn a_new_list_keeps_ids_through_renames_and_takes_palette_colours_in_order() {
    let old = LabelSet::default();
    let r = req("LOC,PERSON,NORP", &[("PER", "PERSON")]);
    let new = new_labels(&r, Some(&old), &[]);
    let got: Vec<(&str, u32, Rgb, Option<char>)> =
        new.iter().map(|l| (l.name.as_str(), l.id.0, l.color, l.hotkey)).collect();
    assert_eq!(
        got,
        [
            ("LOC", 3, PALETTE[0], Some('1')),
            ("PERSON", 1, PALETTE[1], Some('2')),
            ("NORP", 8, PALETTE[2], Some('3'))
        ]
    );
    let changes = label_changes(&old, &new, &r);
    assert!(changes.contains(&Change::Renamed("PER".into(), "PERSON".into())));
    assert!(
        changes.contains(&Change::Removed("ORG".into())) && changes.contains(&Change::Removed("MISC".into()))
    );
    assert!(matches!(changes.last(), Some(Change::Reordered(_))));
    let ten = req("A,B,C,D,E,F,G,H,I,J", &[]);
    let keys: Vec<Option<char>> = new_labels(&ten, None, &[]).iter().map(|l| l.hotkey).collect();
    assert_eq!((keys[8], keys[9]), (Some('9'), None), "keys 1–9 only");
}

#[test]
fn a_document_follows_renames_by_its_own_ids_and_loses_only_unused_labels() {
    let mut doc = LabelSet::empty();
    for (id, name) in [(5, "PER"), (2, "MISC"), (9, "DATE")] {
        doc.labels_mut().push(Label { id: LabelId(id), name: name.into(), color: PALETTE[0], hotkey: None });
    }
    let ann = Annotations::new(doc);
    let r = req("PERSON,LOC", &[("PER", "PERSON")]);
    let new = new_labels(&r, Some(&LabelSet::default()), &[]);
    let followed = docs::follow(&ann, &new, &r).expect("follows");
    let ids: Vec<(&str, u32)> = followed.iter().map(|l| (l.name.as_str(), l.id.0)).collect();
    assert_eq!(ids, [("PERSON", 5), ("LOC", 10)], "PER's id 5 carries its entities; DATE and MISC go");
    let keep = InitRequest { labels: None, ..r.clone() };
    let kept = docs::follow(&ann, &new, &keep).expect("follows");
    let names: Vec<&str> = kept.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["PERSON", "LOC", "MISC", "DATE"], "without a list nothing is removed");
}
