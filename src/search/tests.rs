//! Table and property tests of the whole search module: normalisation, clitics, modes.

use std::collections::HashMap;
use std::ops::Range;

use proptest::prelude::*;

use super::clitics::{PrefixRule, parse};
use super::fold::is_word_char;
use super::*;

fn opts(mode: Mode) -> Options {
    Options { mode, ..Options::default() }
}

/// The matched strings of `pattern` in `text`.
fn found<'t>(pattern: &str, text: &'t str, options: Options) -> Vec<&'t str> {
    let query = Query::new(pattern, options).unwrap_or_else(|e| panic!("{pattern}: {e}"));
    query.find_all(text).into_iter().map(|r| &text[r]).collect()
}

#[test]
fn name_after_proclitics_covers_only_the_name() {
    let text = "وإيران بإيران لإيران فبإيران إيران ولإيران كإيران";
    assert_eq!(found("إيران", text, Options::default()), vec!["إيران"; 7]);
    let q = Query::new("إيران", Options::default()).unwrap_or_else(|e| panic!("{e}"));
    let first = q.find_all(text)[0].clone();
    assert_eq!(first, "و".len()..text.find(' ').unwrap_or(0), "starts after «و»");
}

#[test]
fn never_inside_a_longer_stem_or_after_other_letters() {
    let text = "إيرانية الإيرانيون الإيراني وإيرانيا قإيران سإيران لالإيران";
    assert!(found("إيران", text, Options::default()).is_empty());
    assert!(found("إيران", "ايرانه", Options::default()).is_empty());
}

#[test]
fn article_in_the_query() {
    let text = "والأمم المتحدة، للأمم المتحدة بالأمم المتحدة الأمم \t المتحدة الأمم\nالمتحدة لالأمم المتحدة";
    assert_eq!(
        found("الأمم المتحدة", text, Options::default()),
        ["الأمم المتحدة", "لأمم المتحدة", "الأمم المتحدة", "الأمم \t المتحدة"]
    );
    // Exact mode treats «لل» the same way, with literal spacing.
    assert_eq!(
        found("الأمم المتحدة", text, opts(Mode::Exact)),
        ["الأمم المتحدة", "لأمم المتحدة", "الأمم المتحدة"]
    );
    // Without the article in the query, the article is a proclitic like the others.
    assert_eq!(found("أمم", "الأمم للأمم بالأمم وأمم", Options::default()), vec!["أمم"; 4]);
}

#[test]
fn marks_around_a_match() {
    let text = "بِإِيرَانَ، إيرانُ إيـــران إيرانـ بـإيران ‏إيران‏";
    assert_eq!(
        found("إيران", text, Options::default()),
        ["إِيرَانَ", "إيرانُ", "إيـــران", "إيران", "إيران", "إيران"]
    );
    // A pattern written with tashkeel matches the bare word too.
    assert_eq!(found("إِيرَان", "إيران", Options::default()), ["إيران"]);
}

#[test]
fn folds_alef_yeh_digits_case() {
    let o = Options::default();
    assert_eq!(found("ايران", "أيران آيران إيران ٱيران", o).len(), 4);
    assert_eq!(found("مصطفى", "مصطفي ومصطفى", o), ["مصطفي", "مصطفى"]);
    assert_eq!(found("٢٠٢٣", "عام 2023 و۲۰۲۳ و٢٠٢٣ 20234 12023", o), ["2023", "۲۰۲۳", "٢٠٢٣"]);
    assert_eq!(found("2023", "عام ٢٠٢٣.", o), ["٢٠٢٣"]);
    assert_eq!(found("irena", "(IRENA) Irena", o), ["IRENA", "Irena"]);
    assert!(found("irena", "IRENA", opts(Mode::Exact)).is_empty());
}

#[test]
fn teh_marbuta_is_folded_only_on_request() {
    let text = "جامعة جامعه";
    assert_eq!(found("جامعة", text, Options::default()), ["جامعة"]);
    assert_eq!(found("جامعه", text, Options::default()), ["جامعه"]);
    let fold = Options { fold_teh_marbuta: true, ..Options::default() };
    assert_eq!(found("جامعة", text, fold), ["جامعة", "جامعه"]);
    assert_eq!(found("الهيئة", "والهيئة الهيئه للهيئة", Options::default()), ["الهيئة", "لهيئة"]);
}

#[test]
fn exact_mode_and_whole_words() {
    let text = "وإيران ايران إيرَان إيران";
    assert_eq!(found("إيران", text, opts(Mode::Exact)), ["إيران", "إيران"]);
    let whole = Options { clitics: false, ..Options::default() };
    assert_eq!(found("إيران", text, whole), ["ايران", "إيرَان", "إيران"]);
    let whole_exact = Options { clitics: false, mode: Mode::Exact, ..Options::default() };
    assert_eq!(found("إيران", text, whole_exact), ["إيران"]);
    assert_eq!(found("لأمم", "للأمم", whole), Vec::<&str>::new());
}

#[test]
fn regex_mode_runs_on_the_original() {
    let text = "عام ٢٠٢٣ و2024 وإيران";
    assert_eq!(found(r"\d+", text, opts(Mode::Regex)), ["٢٠٢٣", "2024"]);
    assert_eq!(found(r"[0-9]+", text, opts(Mode::Regex)), ["2024"]);
    assert_eq!(found("وإيران|x*", text, opts(Mode::Regex)), ["وإيران"], "empty matches dropped");
    match Query::new("(إيران", opts(Mode::Regex)) {
        Err(SearchError::Regex(message)) => assert!(message.contains("unclosed group"), "{message}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn empty_patterns_are_errors() {
    for p in ["", "  ", "\u{064E}\u{0640}", "\u{200F}"] {
        assert_eq!(Query::new(p, Options::default()).err(), Some(SearchError::Empty), "{p:?}");
    }
    assert_eq!(Query::new("", opts(Mode::Regex)).err(), Some(SearchError::Empty));
    assert_eq!(Query::new(" ", opts(Mode::Exact)).err(), Some(SearchError::Empty));
}

#[test]
fn one_normalisation_many_queries_and_a_stale_one() {
    let text = "وإيران ولبنان";
    let n = NormalizedText::new(text);
    let iran = Query::new("إيران", Options::default()).unwrap_or_else(|e| panic!("{e}"));
    let lebanon = Query::new("لبنان", Options::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(iran.matches(text, &n).count(), 1);
    assert_eq!(lebanon.find_in(text, &n).len(), 1);
    assert_eq!(iran.matches("إيران", &n).count(), 0, "normalised text of another text");
}

#[test]
fn punctuation_edged_patterns_skip_the_boundary_test() {
    assert_eq!(found("(د ب ا)", "فرانكفورت (د ب ا) اعلن", Options::default()), ["(د ب ا)"]);
    assert_eq!(found("U.S.", "the U.S. and", Options::default()), ["U.S."]);
}

// ---- properties ----

const WORDS: [&str; 18] = [
    "إيران",
    "ايران",
    "أمم",
    "الأمم",
    "المتحدة",
    "لبنان",
    "بغداد",
    "مصطفى",
    "مصطفي",
    "جامعة",
    "جامعه",
    "2023",
    "٢٠٢٣",
    "IRAN",
    "Iran",
    "قال",
    "وزير",
    "ه",
];
const PREFIXES: [&str; 15] =
    ["", "", "", "و", "ف", "ب", "ل", "وب", "فب", "وال", "بال", "لل", "ال", "ق", "فلل"];
const SUFFIXES: [&str; 5] = ["", "", "", "ية", "ون"];
const SEPARATORS: [&str; 9] = [" ", " ", "  ", "\t", "\n", "، ", " (", ") ", "\u{200F} "];
/// Inserted after Arabic letters; the leading tashkeel of each attaches to the letter.
const MARKS: [&str; 10] = [
    "\u{064E}",
    "\u{0651}\u{064E}",
    "\u{0640}",
    "\u{0640}\u{064E}",
    "\u{064F}\u{0640}",
    "\u{0652}",
    "\u{0670}",
    "\u{200D}",
    "\u{200F}",
    "\u{064B}\u{0651}",
];

fn text_strategy() -> impl Strategy<Value = String> {
    let part = (0..PREFIXES.len(), 0..WORDS.len(), 0..SUFFIXES.len(), 0..SEPARATORS.len());
    prop::collection::vec(part, 0..25).prop_map(|parts| {
        parts
            .into_iter()
            .map(|(p, w, s, sep)| [PREFIXES[p], WORDS[w], SUFFIXES[s], SEPARATORS[sep]].concat())
            .collect()
    })
}

fn query_strategy() -> impl Strategy<Value = String> {
    (0..WORDS.len(), prop::option::of(0..WORDS.len())).prop_map(|(a, b)| match b {
        Some(b) if b.is_multiple_of(3) => format!("{} {}", WORDS[a], WORDS[b]),
        _ => WORDS[a].to_string(),
    })
}

fn is_arabic_letter(c: char) -> bool {
    ('\u{0621}'..='\u{064A}').contains(&c)
}

/// `plain` with marks inserted after Arabic letters (`choices[i]` for the i-th char; values
/// past MARKS mean none), with maps from plain char starts and ends to marked offsets (an end
/// includes the tashkeel attached to the char).
fn insert_marks(plain: &str, choices: &[usize]) -> (String, HashMap<usize, usize>, HashMap<usize, usize>) {
    let (mut marked, mut starts, mut ends) = (String::new(), HashMap::new(), HashMap::new());
    for (k, (i, c)) in plain.char_indices().enumerate() {
        starts.insert(i, marked.len());
        marked.push(c);
        let mark =
            choices.get(k).and_then(|&m| MARKS.get(m)).filter(|_| is_arabic_letter(c)).copied().unwrap_or("");
        let attached: usize = mark
            .chars()
            .take_while(|&m| m != '\u{0640}' && !('\u{200C}'..='\u{200F}').contains(&m))
            .map(char::len_utf8)
            .sum();
        ends.insert(i + c.len_utf8(), marked.len() + attached);
        marked.push_str(mark);
    }
    (marked, starts, ends)
}

/// Reference matcher for one-word patterns: split the normalised text into words and try
/// every proclitic reading of each word against the folded pattern.
fn reference(pattern: &str, text: &str) -> Vec<Range<usize>> {
    let n = NormalizedText::new(text);
    let q = NormalizedText::new(pattern).into_string();
    let alt = q.strip_prefix("ال").map(|rest| format!("ل{rest}"));
    let main_rule = if alt.is_some() { PrefixRule::NoArticle } else { PrefixRule::Any };
    let hay = n.as_str();
    let mut out = Vec::new();
    let mut word_start = None;
    for (i, c) in hay.char_indices().chain([(hay.len(), ' ')]) {
        match (is_word_char(c), word_start) {
            (true, None) => word_start = Some(i),
            (false, Some(s)) => {
                word_start = None;
                let word: Vec<(usize, char)> = hay[s..i].char_indices().map(|(j, c)| (s + j, c)).collect();
                let hit = (0..word.len().min(5)).find_map(|k| {
                    let stem = &hay[word[k].0..i];
                    let letters: Vec<char> = word[..k].iter().map(|w| w.1).collect();
                    let p = parse(&letters)?;
                    let ok = (stem == q && rule_allows(main_rule, p))
                        || (alt.as_deref() == Some(stem) && rule_allows(PrefixRule::LamBeforeArticle, p));
                    ok.then_some(word[k].0..i)
                });
                out.extend(hit.and_then(|r| n.to_original(r)));
            }
            _ => {}
        }
    }
    out
}

fn rule_allows(rule: PrefixRule, p: Proclitics) -> bool {
    match rule {
        PrefixRule::WordStart => p.is_empty(),
        PrefixRule::Any => true,
        PrefixRule::NoArticle => !p.article && p.preposition != Some('ل'),
        PrefixRule::LamBeforeArticle => !p.article && p.preposition == Some('ل'),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn matches_are_sorted_on_boundaries_and_equal_the_pattern(text in text_strategy(), pattern in query_strategy()) {
        let fold = Options { fold_teh_marbuta: true, ..Options::default() };
        for options in [Options::default(), fold] {
            let q = NormalizedText::new(&pattern).into_string();
            let without_alef = q.strip_prefix('ا').unwrap_or(&q).to_string();
            let query = Query::new(&pattern, options).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let found = query.find_all(&text);
            for pair in found.windows(2) {
                prop_assert!(pair[0].end <= pair[1].start, "{:?}", found);
            }
            for r in &found {
                prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                let got = NormalizedText::new(&text[r.clone()]).into_string();
                prop_assert!(got == q || (q.starts_with("ال") && got == without_alef), "{got} vs {q}");
            }
        }
    }

    #[test]
    fn inserted_tashkeel_and_tatweel_change_nothing(
        text in text_strategy(),
        pattern in query_strategy(),
        choices in prop::collection::vec(0..MARKS.len() * 2, 0..400),
    ) {
        let query = Query::new(&pattern, Options::default()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let (marked, starts, ends) = insert_marks(&text, &choices);
        let expected: Vec<Range<usize>> = query.find_all(&text).into_iter().map(|r| starts[&r.start]..ends[&r.end]).collect();
        prop_assert_eq!(query.find_all(&marked), expected, "in {:?}", marked);
    }

    #[test]
    fn exact_is_a_subset_of_normalised(text in text_strategy(), pattern in query_strategy()) {
        let text = text.replace('\u{200F}', "");
        let exact = Query::new(&pattern, opts(Mode::Exact)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let normalized = Query::new(&pattern, Options::default()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let all = normalized.find_all(&text);
        for r in exact.find_all(&text) {
            prop_assert!(all.contains(&r), "{:?} of {:?} not in {:?}", r, &text[r.clone()], all);
        }
    }

    #[test]
    fn agrees_with_the_reference_for_one_word(text in text_strategy(), w in 0..WORDS.len(), article in any::<bool>()) {
        let pattern = if article { format!("ال{}", WORDS[w]) } else { WORDS[w].to_string() };
        let fold = Options { fold_teh_marbuta: true, ..Options::default() };
        let query = Query::new(&pattern, fold).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(query.find_all(&text), reference(&pattern, &text));
    }
}
