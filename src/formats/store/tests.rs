//! Tests of the store as a whole: naming, saving and loading, the UTF-8 check, and the
//! property that the fast reader accepts everything the writer writes and reads it exactly as
//! the `ron` fallback does.

use std::ops::Range;

use proptest::prelude::*;
use time::UtcOffset;

use super::fast::Fast;
use super::parse::parse_with_ron;
use super::*;
use crate::model::{Entity, EntityId, Label, LabelId, LabelSet, Orphan, Rgb};

/// A small article with nested entities, quotes, an orphan and tokens.
pub(super) fn sample() -> (Document, Annotations, SaveInfo) {
    let doc = Document::new("التقى المقداد في باكو\nمع \"UN\" (2023).".to_string());
    let b = |s: &str| doc.text().find(s).map_or(0..0, |i| i..i + s.len());
    let ent = |id: u64, s: &str, label: u32| {
        let r = b(s);
        Entity { id: EntityId(id), start: r.start, end: r.end, label: LabelId(label) }
    };
    let orphan = Orphan { id: EntityId(9), label: LabelId(3), chars: 40..44, text: "دمشق".into() };
    let entities = vec![ent(1, "المقداد", 1), ent(2, "باكو", 3), ent(3, "\"UN\"", 2), ent(4, "UN", 2)];
    let mut ann = Annotations::from_parts(&doc, LabelSet::default(), entities, vec![orphan]).expect("valid");
    assert!(ann.set_tokens(&doc, Some(vec![b("التقى"), b("المقداد"), b("في")])));
    let t = OffsetDateTime::from_unix_timestamp(1_700_000_000).expect("valid time");
    let info = SaveInfo {
        article_name: "baku.txt".into(),
        annotator: "rana".into(),
        created: t,
        modified: t,
        status: DocStatus::Done,
    };
    (doc, ann, info)
}

#[test]
fn naming_round_trips() {
    let ann = annotation_path(Path::new("/news/baku.txt"));
    assert_eq!(ann, Path::new("/news/baku.txt.hashiya.ron"));
    assert_eq!(article_path(&ann).as_deref(), Some(Path::new("/news/baku.txt")));
    assert_eq!(article_path(Path::new("x.ron")), None);
    assert_eq!(article_path(Path::new(".hashiya.ron")), None);
}

#[test]
fn sha256_matches_a_known_vector() {
    assert_eq!(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

#[test]
fn save_refuses_annotations_of_another_text() {
    let (doc, ann, info) = sample();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("a.ron");
    let short = Document::new("قصير".into());
    assert!(save(&path, &short, &ann, &info).is_err());
    assert!(!path.exists());
    save(&path, &doc, &ann, &info).expect("saves");
    let loaded = load(&path, &doc).expect("loads");
    assert_eq!(loaded.annotations, ann);
    assert!(loaded.info.modified > info.modified, "modified is set by save");
}

#[test]
fn a_file_cut_inside_an_arabic_letter_is_located() {
    let (doc, ann, info) = sample();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("baku.txt.hashiya.ron");
    save(&path, &doc, &ann, &info).expect("saves");
    let text = fs::read_to_string(&path).expect("reads");
    // Cut one byte into the "ق" of the first entity's `text: "المقداد"` (line 19).
    let entity = text.find("        (id: 1, ").expect("entity line");
    let cut = entity + text[entity..].find("text: \"المقداد\"").expect("text") + "text: \"الم".len() + 1;
    fs::write(&path, &text.as_bytes()[..cut]).expect("truncates");
    let err = load(&path, &doc).expect_err("cut off").to_string();
    let at = format!("{}:19:60: ", path.display());
    assert!(err.starts_with(&at) && err.contains("not UTF-8"), "{err} (expected {at}…)");
}

#[test]
fn a_file_without_a_status_reads_as_new_or_in_progress_by_its_entities() {
    let (doc, ann, info) = sample();
    let src = to_ron_string(&doc, &ann, &info);
    assert!(src.contains("\n    status: \"done\",\n"), "{src}");
    let old = src.replace("    status: \"done\",\n", "");
    let fast = Fast::new(&old).file().expect("the fast reader reads files without a status");
    assert_eq!(Some(&fast), parse_with_ron(&old).ok().as_ref());
    assert_eq!(fast.status, None);
    let loaded = from_ron_str(Path::new("a.ron"), &old, &doc).expect("loads");
    assert_eq!(loaded.info.status, DocStatus::InProgress);
    let empty = Annotations::new(LabelSet::default());
    let old = to_ron_string(&doc, &empty, &info).replace("    status: \"done\",\n", "");
    let loaded = from_ron_str(Path::new("a.ron"), &old, &doc).expect("loads");
    assert_eq!(loaded.info.status, DocStatus::New);
    // Any layout: the ron fallback reads old files, and the status too.
    let old_by_hand = old.replacen("(\n", "( /* written by hand */\n", 1);
    assert!(Fast::new(&old_by_hand).file().is_none(), "left to the ron fallback");
    let loaded = from_ron_str(Path::new("a.ron"), &old_by_hand, &doc).expect("loads");
    assert_eq!(loaded.info.status, DocStatus::New);
    let spaced = src.replace("status: \"done\"", "status :\"skipped\" /* by hand */");
    assert!(Fast::new(&spaced).file().is_none());
    let loaded = from_ron_str(Path::new("a.ron"), &spaced, &doc).expect("loads");
    assert_eq!(loaded.info.status, DocStatus::Skipped);
}

#[test]
fn an_unknown_status_is_located() {
    let (doc, ann, info) = sample();
    let src = to_ron_string(&doc, &ann, &info).replace("status: \"done\"", "status: \"finished\"");
    let err = from_ron_str(Path::new("a.ron"), &src, &doc).expect_err("refused").to_string();
    assert!(err.starts_with("a.ron:8:5: status \"finished\" is not one of"), "{err}");
}

#[test]
fn the_fast_reader_reads_the_sample_as_ron_does() {
    let (doc, ann, info) = sample();
    let src = to_ron_string(&doc, &ann, &info);
    let fast = Fast::new(&src).file().expect("the fast reader accepts the canonical layout");
    assert_eq!(Some(fast), parse_with_ron(&src).ok());
}

/// Arabic letters and marks, Latin, digits, emoji, quotes, backslashes, newlines, controls,
/// bidi controls and other invisible format characters.
const POOL: &str = concat!(
    "ابتلمنويةءىَُّْ  \n٢3Uné\"\\'«»(),:/\t\r",
    "\u{0}\u{1}\u{7f}\u{85}\u{200c}\u{200d}\u{200f}\u{202e}\u{2067}\u{61c}\u{2028}\u{feff}",
    "😀👩💻\u{1f1f8}",
);

/// Text from the pool, with an occasional arbitrary character.
fn odd_text(len: Range<usize>) -> impl Strategy<Value = String> {
    let c = prop_oneof![9 => proptest::sample::select(POOL.chars().collect::<Vec<_>>()), 1 => any::<char>()];
    proptest::collection::vec(c, len).prop_map(|c| c.into_iter().collect())
}

/// Up to six labels with odd names, large ids, any colours and any hotkeys (unique, names
/// not blank, as a loaded file must have them).
fn labels() -> impl Strategy<Value = LabelSet> {
    let name = prop_oneof![
        4 => odd_text(1..7),
        1 => proptest::sample::select(&["None", "Some(\"x\")", "labels: [", ")", "ORG"][..]).prop_map(String::from),
    ];
    let label = (any::<u32>(), name, any::<(u8, u8, u8)>(), proptest::option::of(any::<char>()));
    proptest::collection::vec(label, 0..6).prop_map(|raw| {
        let mut labels: Vec<Label> = Vec::new();
        for (id, name, (r, g, b), hotkey) in raw {
            let id = LabelId(id);
            let unique = labels.iter().all(|l| l.id != id && l.name != name);
            if unique && !name.trim().is_empty() {
                let hotkey = hotkey.filter(|k| labels.iter().all(|l| l.hotkey != Some(*k)));
                labels.push(Label { id, name, color: Rgb(r, g, b), hotkey });
            }
        }
        if labels.is_empty() {
            labels.push(Label { id: LabelId(0), name: "PER".into(), color: Rgb(0, 0, 0), hotkey: None });
        }
        LabelSet::from_labels(labels).unwrap_or_default()
    })
}

/// An entity: start code point, length, label index, and maybe a nested one (offset, length).
type Span = (usize, usize, usize, Option<(usize, usize)>);

/// An orphan: start code point (in some older, longer text), surface text, label index.
type OrphanSpec = (usize, String, usize);

fn info() -> impl Strategy<Value = SaveInfo> {
    let name = || prop_oneof![odd_text(0..12), any::<String>()];
    let status = proptest::sample::select(&DocStatus::ALL[..]);
    (name(), name(), 0i64..4_000_000_000, 0i64..100_000, -48i32..56, status).prop_map(
        |(article_name, annotator, created, later, quarters, status)| {
            let offset = UtcOffset::from_whole_seconds(quarters * 900).unwrap_or(UtcOffset::UTC);
            let at = |t: i64| {
                OffsetDateTime::from_unix_timestamp(t).unwrap_or(OffsetDateTime::UNIX_EPOCH).to_offset(offset)
            };
            SaveInfo { article_name, annotator, created: at(created), modified: at(created + later), status }
        },
    )
}

/// A valid document, annotations and save info with every kind of content the writer escapes.
fn case() -> impl Strategy<Value = (Document, Annotations, SaveInfo)> {
    let spans = proptest::collection::vec(
        (0usize..130, 1usize..15, any::<usize>(), proptest::option::of((0usize..15, 1usize..15))),
        0..25,
    );
    let orphans = proptest::collection::vec((0usize..1_000_000, odd_text(1..9), any::<usize>()), 0..4);
    let cuts = proptest::option::of(proptest::collection::vec(0usize..130, 0..30));
    let first_id = 0u64..u64::MAX / 4;
    (odd_text(1..130), labels(), spans, orphans, cuts, first_id, info()).prop_map(
        |(text, labels, spans, orphans, cuts, first_id, info)| {
            let doc = Document::new(text);
            let ann = build(&doc, labels, &spans, orphans, cuts, first_id);
            (doc, ann, info)
        },
    )
}

/// Builds valid annotations from generated parts (dropping spans that do not fit `doc`).
fn build(
    doc: &Document,
    labels: LabelSet,
    spans: &[Span],
    orphans: Vec<OrphanSpec>,
    cuts: Option<Vec<usize>>,
    first_id: u64,
) -> Annotations {
    let ids: Vec<LabelId> = labels.iter().map(|l| l.id).collect();
    let label = |k: usize| ids.get(k % ids.len().max(1)).copied().unwrap_or(LabelId(0));
    let n = doc.char_len();
    let byte = |c: usize| doc.char_to_byte(c).unwrap_or(0);
    let mut chars: Vec<(Range<usize>, usize)> = Vec::new();
    for &(s, l, k, nested) in spans.iter().filter(|(s, l, ..)| s + l <= n) {
        chars.push((s..s + l, k));
        if let Some((off, len)) = nested.filter(|&(off, len)| off + len <= l && len < l) {
            chars.push((s + off..s + off + len, k / 2));
        }
    }
    let layer = layer_from(&chars, &byte, &label);
    let mut next = first_id..;
    let entities = chars
        .into_iter()
        .zip(&mut next)
        .map(|((r, k), id)| Entity {
            id: EntityId(id),
            start: byte(r.start),
            end: byte(r.end),
            label: label(k),
        })
        .collect();
    let orphans = orphans
        .into_iter()
        .zip(&mut next)
        .map(|((s, text, k), id)| {
            let chars = s..s + text.chars().count();
            Orphan { id: EntityId(id), label: label(k), chars, text }
        })
        .collect();
    let mut ann = Annotations::from_parts(doc, labels, entities, orphans).expect("valid by construction");
    let tokens = cuts.map(|mut c| {
        c.retain(|&x| x <= n);
        c.sort_unstable();
        c.dedup();
        c.chunks_exact(2).map(|p| byte(p[0])..byte(p[1])).collect::<Vec<_>>()
    });
    assert!(ann.set_tokens(doc, tokens), "tokens valid by construction");
    ann.set_layer(doc, layer.0, layer.1).expect("layer valid by construction");
    ann
}

/// Suggestions (with alternatives, notes and odd confidences) and rejections on the same
/// generated spans as the entities.
fn layer_from(
    chars: &[(Range<usize>, usize)],
    byte: &impl Fn(usize) -> usize,
    label: &impl Fn(usize) -> LabelId,
) -> (crate::model::Suggestions, std::collections::BTreeSet<crate::model::Rejection>) {
    use crate::model::{Rejection, Suggestion, SuggestionSource};
    let mut suggestions = Vec::new();
    let mut rejections = std::collections::BTreeSet::new();
    for (r, k) in chars {
        let range = byte(r.start)..byte(r.end);
        if k % 3 == 0 {
            let source = SuggestionSource::ALL[k % 4];
            let mut s = Suggestion::new(range.clone(), label(k / 3), source, (k % 1001) as u16);
            s.alternatives = if k % 2 == 0 { vec![label(k / 3 + 1)] } else { Vec::new() };
            s.note = if k % 5 == 0 { "من \"سارة\"".into() } else { String::new() };
            suggestions.push(s);
        }
        if k % 5 == 1 {
            rejections.insert(Rejection { start: range.start, end: range.end, label: label(k / 5) });
        }
    }
    (crate::model::Suggestions::from_vec(suggestions), rejections)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// The fast reader accepts 100 % of what the writer writes (it must not give up and leave
    /// the file to the `ron` fallback), reads exactly what `ron` reads, and loading gives back
    /// the annotations and save info.
    #[test]
    fn the_fast_reader_accepts_everything_the_writer_writes((doc, ann, info) in case()) {
        let src = to_ron_string(&doc, &ann, &info);
        let by_ron = parse_with_ron(&src).map_err(|e| TestCaseError::fail(format!("ron: {e}\n{src}")))?;
        let Some(fast) = Fast::new(&src).file() else {
            return Err(TestCaseError::fail(format!("the fast reader gave up on:\n{src}")));
        };
        prop_assert_eq!(&fast, &by_ron);
        prop_assert_eq!(fast.entities.len() + fast.orphans.len(), ann.entities().len() + ann.orphans().len());
        prop_assert_eq!((fast.suggestions.len(), fast.rejected.len()), (ann.suggestions().len(), ann.rejections().len()));
        let loaded = from_ron_str(Path::new("a.ron"), &src, &doc)
            .map_err(|e| TestCaseError::fail(format!("{e}\n{src}")))?;
        prop_assert_eq!(loaded.reanchor, None);
        prop_assert_eq!(loaded.info, info);
        prop_assert_eq!(loaded.annotations, ann);
    }
}

#[test]
fn a_summary_counts_entities_per_label_without_the_article() {
    let (doc, ann, info) = sample();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("baku.txt.hashiya.ron");
    save(&path, &doc, &ann, &info).expect("saves");
    let summary = read_summary(&path).expect("sums up");
    assert_eq!(summary.info.status, DocStatus::Done);
    assert_eq!(summary.info.annotator, "rana");
    assert_eq!((summary.entities, summary.orphans), (4, 1));
    assert_eq!(summary.sha256, sha256_hex(doc.text()));
    let counts: Vec<(&str, usize)> =
        summary.labels.iter().map(|l| l.name.as_str()).zip(summary.counts.iter().copied()).collect();
    assert_eq!(&counts[..3], &[("PER", 1), ("ORG", 2), ("LOC", 1)]);
    let broken = to_ron_string(&doc, &ann, &info).replace("label: \"LOC\"", "label: \"PLACE\"");
    fs::write(&path, broken).expect("write");
    let errors = read_summary(&path).expect_err("undefined label");
    assert!(errors[0].to_string().contains(":20:9: entity #2: label \"PLACE\""), "{}", errors[0]);
}

#[test]
fn the_layer_round_trips_and_a_bad_entry_is_located() {
    use crate::model::{Suggestion, SuggestionSource, ops};
    let (doc, mut ann, info) = sample();
    let at = |s: &str| doc.text().find(s).map_or(0..0, |i| i..i + s.len());
    let mut s = Suggestion::new(at("التقى"), LabelId(2), SuggestionSource::Model, 875);
    s.alternatives = vec![LabelId(3)];
    let (tx, _) = ops::suggest(
        &ann,
        SuggestionSource::Model,
        vec![s, Suggestion::new(at("مع"), LabelId(1), SuggestionSource::Model, 1000)],
    );
    ann.apply(&doc, &tx.expect("adds")).expect("applies");
    let key = ann.suggestions().iter().find(|s| s.confidence == 1000).map(|s| s.key()).expect("there");
    ann.apply(&doc, &ops::reject(&ann, key).expect("rejects")).expect("applies");
    let src = to_ron_string(&doc, &ann, &info);
    assert!(src.contains(r#"(start: 0, end: 5, label: "ORG", text: "التقى", source: "model", confidence: 0.875, alternatives: ["LOC"], note: ""),"#), "{src}");
    assert!(src.contains(r#"    rejected: ["#), "{src}");
    let loaded = from_ron_str(Path::new("a.ron"), &src, &doc).expect("loads");
    assert_eq!(loaded.annotations, ann);
    let bad = src.replace(r#"source: "model""#, r#"source: "oracle""#);
    let err = from_ron_str(Path::new("a.ron"), &bad, &doc).expect_err("refused");
    let line = bad.lines().position(|l| l.contains("oracle")).expect("there") + 1;
    assert!(err.to_string().starts_with(&format!("a.ron:{line}:")), "{err}");
    assert!(err.to_string().contains("source \"oracle\" is not one of"), "{err}");
    // A changed article drops the layer (it is made again), keeping the entities.
    let changed = Document::new(format!("{} وأضاف", doc.text()));
    let loaded = from_ron_str(Path::new("a.ron"), &src, &changed).expect("loads");
    assert!(loaded.annotations.suggestions().is_empty() && loaded.annotations.rejections().is_empty());
    assert_eq!(loaded.annotations.entities().len(), ann.entities().len());
}
