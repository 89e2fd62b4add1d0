use super::*;

fn labels() -> Vec<String> {
    ["PER", "LOC"].iter().map(|s| s.to_string()).collect()
}

const TEXT: &str = "وصل المقداد إلى باكو.";

fn one(line: &str) -> Result<Vec<Span>, String> {
    let lines = parse(Path::new("answers.jsonl"), line).map_err(|e| e.to_string())?;
    lines[0].check_spans(TEXT, &labels()).map_err(|e| e.to_string())
}

#[test]
fn good_lines_become_byte_spans_with_confidence() {
    let spans = one(r#"{"name": "a.txt", "spans": [[4, 11, "PER", 0.875], [16, 20, "LOC"], [16, 20, "LOC", null]], "model": "x"}"#)
        .expect("good");
    assert_eq!(&TEXT[spans[0].bytes.clone()], "المقداد");
    assert_eq!((spans[0].label.as_str(), spans[0].confidence), ("PER", 875));
    assert_eq!((&TEXT[spans[1].bytes.clone()], spans[1].confidence), ("باكو", 1000));
    let request = request_line("a.txt", TEXT, &labels());
    assert!(request.ends_with("\"labels\":[\"PER\",\"LOC\"]}\n"), "{request}");
    let back: serde_json::Value = serde_json::from_str(&request).expect("JSON");
    assert_eq!(back["text"], TEXT);
}

#[test]
fn lies_are_refused_with_line_column_document_and_span() {
    let cases = [
        (
            r#"{"name": "a.txt", "spans": [[4, 11, "PER"], [5, 2, "PER"]]}"#,
            "answers.jsonl:1:45: document \"a.txt\", span 2 [5,2,\"PER\"]: start 5 is not before end 2",
        ),
        (
            r#"{"name": "a.txt", "spans": [[4, 99, "PER"]]}"#,
            "span 1 [4,99,\"PER\"]: end 99 is past the end of the text (21 code points)",
        ),
        (
            r#"{"name": "a.txt", "spans": [[4, 11, "ORG"]]}"#,
            "label \"ORG\" is not one of the corpus's labels (PER, LOC)",
        ),
        (r#"{"name": "a.txt", "spans": [[-1, 11, "PER"]]}"#, "start -1 is not a whole number from 0"),
        (r#"{"name": "a.txt", "spans": [[1.5, 11, "PER"]]}"#, "start 1.5 is not a whole number"),
        (r#"{"name": "a.txt", "spans": [[4, 11, "PER", 1.5]]}"#, "confidence 1.5 is not from 0 to 1"),
        (r#"{"name": "a.txt", "spans": [[4, 11]]}"#, "expected [start, end, \"LABEL\"]"),
        (
            r#"{"name": "a.txt", "spans": [7, [4, 11, "PER"]]}"#,
            "answers.jsonl:1:29: document \"a.txt\", span 1 7: expected",
        ),
        (r#"{"name": "a.txt", "spans": [[4, 11, "PER"]"#, "answers.jsonl:1:42: EOF while parsing"),
        (r#"{"spans": []}"#, "missing field `name`"),
        ("not json", "answers.jsonl:1:2: expected ident"),
    ];
    for (line, want) in cases {
        let got = one(line).expect_err(line);
        assert!(got.contains(want), "{line}\n got: {got}\nwant: {want}");
    }
}

#[test]
fn a_span_may_not_cut_a_letter_from_its_marks_nor_answer_a_document_twice() {
    let text = "قَالَ";
    let lines = parse(Path::new("a"), r#"{"name": "x", "spans": [[0, 1, "PER"]]}"#).expect("parses");
    let err = lines[0].check_spans(text, &labels()).expect_err("inside").to_string();
    assert!(err.contains("end 1 falls inside a character"), "{err}");
    assert!(lines[0].check_spans(text, &labels()).is_err());
    let ok = parse(Path::new("a"), r#"{"name": "x", "spans": [[0, 2, "PER"]]}"#).expect("parses");
    assert_eq!(ok[0].check_spans(text, &labels()).expect("whole letter")[0].bytes, 0..4);
    let twice = "{\"name\": \"x\", \"spans\": []}\n\n{\"name\": \"x\", \"spans\": []}\n";
    let err = parse(Path::new("a"), twice).expect_err("twice").to_string();
    assert_eq!(err, "a:3:1: document \"x\" is answered twice (first on line 1)");
}

#[test]
fn element_columns_skip_strings_and_nesting() {
    let line = r#"{"name": "a [\"spans\"] ]", "spans" : [ [1,2,"]"] , {"x": [3]}, 5 ]}"#;
    let at = |k| element_byte(line, k).map(|b| &line[b..b + 1]);
    assert_eq!((at(0), at(1), at(2), at(3)), (Some("["), Some("{"), Some("5"), None));
}

mod prop {
    use proptest::prelude::*;

    use super::*;

    const POOL: &[char] = &['ق', 'َ', 'ا', 'ل', 'ّ', ' ', '\n', 'a', 'é', '😀', '"', '\\'];

    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(POOL.to_vec()), 0..40)
            .prop_map(|c| c.into_iter().collect())
    }

    proptest! {
        /// Whatever the spans, a checked answer holds only ranges that cut no character, in
        /// the text, with a label the corpus has; anything else is a located error.
        #[test]
        fn checked_spans_cut_no_character(
            text in text(),
            spans in proptest::collection::vec((0usize..45, 0usize..45, 0usize..3, proptest::option::of(-0.5f64..1.5)), 0..6),
        ) {
            let names = ["PER", "LOC", "X"];
            let items: Vec<serde_json::Value> = spans
                .iter()
                .map(|(s, e, l, c)| match c {
                    Some(c) => serde_json::json!([s, e, names[*l], c]),
                    None => serde_json::json!([s, e, names[*l]]),
                })
                .collect();
            let line = serde_json::json!({"name": "a", "spans": items}).to_string();
            let lines = parse(Path::new("p"), &line).expect("well-formed");
            match lines[0].check_spans(&text, &labels()) {
                Ok(out) => {
                    prop_assert_eq!(out.len(), spans.len());
                    for s in out {
                        prop_assert!(s.bytes.start < s.bytes.end && s.bytes.end <= text.len());
                        prop_assert!(is_boundary(&text, s.bytes.start) && is_boundary(&text, s.bytes.end));
                        prop_assert!(s.label != "X" && s.confidence <= 1000);
                    }
                }
                Err(e) => prop_assert!(e.to_string().starts_with("p:1:"), "{}", e),
            }
        }

        /// Any text parses or fails with a located error, never a panic.
        #[test]
        fn any_text_parses_or_is_located(s in "[{}\\[\\]\",:a-z0-9 \\\\\n]{0,60}") {
            if let Err(e) = parse(Path::new("p"), &s) {
                prop_assert!(e.to_string().starts_with("p:"), "{}", e);
            }
            for k in 0..4 {
                let _ = element_byte(&s, k);
            }
        }
    }
}
