use proptest::prelude::*;

use super::*;
use crate::search::Query;

fn gaz(text: &str) -> Gazetteer {
    let (g, problems) = Gazetteer::parse(text);
    assert!(problems.is_empty(), "{problems:?}");
    g.expect("builds")
}

fn found<'a>(g: &Gazetteer, text: &'a str) -> Vec<(&'a str, String)> {
    let n = NormalizedText::new(text);
    g.find(text, &n).into_iter().map(|m| (&text[m.range], g.entries()[m.entry].name.clone())).collect()
}

#[test]
fn lines_in_both_formats_load_and_bad_ones_are_reported_by_line() {
    let text = "\u{feff}name,label\r\nإيران\tGPE\r\n# comment\n\n\"الأمم المتحدة، نيويورك\",ORG\nباكو,GPE\nبلا تسمية\n\tPER\nمحمد\tاسم علم\nَُ\tPER\n\"غير مغلق,PER\nأذربيجان\tGPE\textra\n";
    let (g, problems) = Gazetteer::parse(text);
    let g = g.expect("builds");
    let lines: Vec<(usize, &str)> = problems.iter().map(|p| (p.line, p.message.as_str())).collect();
    assert_eq!(
        lines,
        [
            (7, "no label: expected name<TAB>LABEL or name,LABEL"),
            (8, "the name is empty"),
            (9, "label \"اسم علم\" is empty or has spaces"),
            (10, r#"name "\u{64e}\u{64f}" has no letters to match"#),
            (11, "the quoted name is not closed"),
        ]
    );
    let names: Vec<&str> = g.entries().iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["إيران", "الأمم المتحدة، نيويورك", "باكو", "أذربيجان"]);
}

#[test]
fn names_match_however_written_and_only_the_name_is_covered() {
    let g = gaz("إيران\tGPE\nالأمم المتحدة\tORG\nالأمم\tMISC\n");
    let text = "وإيران وايران وبإيرانَ لإيران إيرانية الإيرانيون وللأمم المتحدة والأمم";
    assert_eq!(
        found(&g, text),
        [
            ("إيران", "إيران".to_string()),
            ("ايران", "إيران".to_string()),
            ("إيرانَ", "إيران".to_string()),
            ("إيران", "إيران".to_string()),
            ("لأمم المتحدة", "الأمم المتحدة".to_string()),
            ("الأمم", "الأمم".to_string()),
        ]
    );
}

#[test]
fn spellings_of_one_name_share_an_entry_and_count_their_labels() {
    let mut b = GazetteerBuilder::default();
    b.add("عمّان", "GPE", 3).expect("adds");
    b.add("عمان", "GPE", 1).expect("adds");
    b.add("عمان", "PER", 2).expect("adds");
    b.add("عُمان", "ORG", 9).expect("adds");
    let g = b.build().expect("builds");
    assert_eq!(g.len(), 1);
    assert_eq!(
        g.entries()[0].labels,
        [("ORG".to_string(), 9), ("GPE".to_string(), 4), ("PER".to_string(), 2)]
    );
    assert_eq!(g.entries()[0].total(), 15);
}

#[test]
fn a_normalised_text_of_another_text_finds_nothing() {
    let g = gaz("باكو\tGPE\n");
    assert!(g.find("في باكو", &NormalizedText::new("في باكو اليوم")).is_empty());
}

proptest! {
    /// Every gazetteer match is a match of a Find query for the same name (same rules), and
    /// matches never overlap.
    #[test]
    fn matches_are_find_matches(words in proptest::collection::vec(prop::sample::select(vec![
        "إيران", "وإيران", "ايران", "إيرانية", "الأمم", "للأمم", "المتحدة", "باكو", "بباكو", "في", "عمّان", "عمان", "\n", "ـ",
    ]), 0..30)) {
        let g = gaz("إيران\tGPE\nالأمم المتحدة\tORG\nالأمم\tMISC\nباكو\tGPE\nعمان\tGPE\nفي باكو\tX\n");
        let text = words.join(" ");
        let n = NormalizedText::new(&text);
        let mut end = 0;
        for m in g.find(&text, &n) {
            prop_assert!(m.range.start >= end);
            end = m.range.end;
            let q = Query::new(&g.entries()[m.entry].name, Options::default()).expect("compiles");
            prop_assert!(q.find_in(&text, &n).contains(&m.range), "{:?} in {text:?}", m);
        }
    }
}
