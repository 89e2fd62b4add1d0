//! The RON annotation store end to end: save → load is identical for any valid annotation
//! set; junk, truncated and foreign files are refused with located errors, never panics;
//! saving into a read-only folder fails cleanly; a changed article is re-anchored.

use std::ops::Range;
use std::path::Path;

use hashiya::formats::store::{
    self, DocStatus, Loaded, SaveInfo, annotation_path, from_ron_str, to_ron_string,
};
use hashiya::formats::{FormatError, Location};
use hashiya::model::{Annotations, Document, Entity, EntityId, Label, LabelId, LabelSet, Orphan, Rgb};
use proptest::prelude::*;
use time::{OffsetDateTime, UtcOffset};

/// Letters, marks, digits, Latin, quotes, backslashes, controls, bidi marks, emoji, newlines.
const POOL: &[char] = &[
    'ا', 'ب', 'ت', 'ل', 'م', 'ن', 'و', 'ي', 'ة', 'ء', 'ى', 'َ', 'ُ', 'ّ', 'ْ', ' ', ' ', ' ', '\n', '٢', '3',
    'U', 'n', '"', '\\', '\'', '«', '»', '(', ')', '\t', '\u{200f}', '\u{200c}', '\u{202e}', '😀', '\u{1}',
];

fn text_strategy() -> impl Strategy<Value = String> {
    crate::fixtures::text_from(POOL, 160)
}

fn info_strategy() -> impl Strategy<Value = SaveInfo> {
    let status = proptest::sample::select(&DocStatus::ALL[..]);
    (any::<String>(), 0i64..4_000_000_000, 0i64..100_000, -12i8..14, any::<String>(), status).prop_map(
        |(annotator, created, later, hours, name, status)| {
            let offset = UtcOffset::from_hms(hours, 0, 0).unwrap_or(UtcOffset::UTC);
            let at = |t: i64| {
                OffsetDateTime::from_unix_timestamp(t).unwrap_or(OffsetDateTime::UNIX_EPOCH).to_offset(offset)
            };
            SaveInfo {
                article_name: name,
                annotator,
                created: at(created),
                modified: at(created + later),
                status,
            }
        },
    )
}

fn labels_strategy() -> impl Strategy<Value = LabelSet> {
    let label = ("[A-Zا-ي\"\\\\ ]{0,6}", any::<(u8, u8, u8)>(), proptest::option::of(any::<char>()));
    proptest::collection::vec(label, 1..6).prop_map(|raw| {
        let mut labels: Vec<Label> = Vec::new();
        for (i, (name, (r, g, b), hotkey)) in raw.into_iter().enumerate() {
            let hotkey = hotkey.filter(|k| labels.iter().all(|l| l.hotkey != Some(*k)));
            let id = LabelId(i as u32 * 7 + 1);
            labels.push(Label { id, name: format!("{name}{i}"), color: Rgb(r, g, b), hotkey });
        }
        LabelSet::from_labels(labels).unwrap_or_else(|_| LabelSet::default())
    })
}

type Spans = Vec<(usize, usize, usize)>;

/// Text, labels, entity spans (char start, length, label index), orphans, token cuts, info.
fn case_strategy() -> impl Strategy<Value = (String, LabelSet, Spans, Spans, Option<Vec<usize>>, SaveInfo)> {
    let spans = || proptest::collection::vec((0usize..160, 1usize..12, 0usize..6), 0..30);
    let cuts = proptest::option::of(proptest::collection::vec(0usize..160, 0..40));
    (text_strategy(), labels_strategy(), spans(), spans(), cuts, info_strategy())
}

/// Builds a valid annotation set from generated parts (dropping spans that do not fit).
fn build(
    text: &str,
    labels: LabelSet,
    spans: &Spans,
    orphans: &Spans,
    cuts: Option<Vec<usize>>,
) -> (Document, Annotations) {
    let doc = Document::new(text.to_string());
    let ids: Vec<LabelId> = labels.iter().map(|l| l.id).collect();
    let n = doc.char_len();
    let byte = |c: usize| doc.char_to_byte(c).unwrap_or(0);
    let entities: Vec<Entity> = spans
        .iter()
        .filter(|(s, l, _)| s + l <= n)
        .enumerate()
        .map(|(i, &(s, l, k))| Entity {
            id: EntityId(i as u64 * 2 + 1),
            start: byte(s),
            end: byte(s + l),
            label: ids[k % ids.len()],
        })
        .collect();
    let orphans: Vec<Orphan> = orphans
        .iter()
        .enumerate()
        .map(|(i, &(s, l, k))| Orphan {
            id: EntityId(i as u64 * 2 + 2),
            label: ids[k % ids.len()],
            chars: s..s + l,
            text: text.chars().cycle().skip(s).take(l).collect(),
        })
        .collect();
    let mut ann = Annotations::from_parts(&doc, labels, entities, orphans).expect("valid by construction");
    let tokens = cuts.map(|mut c| {
        c.retain(|&x| x <= n);
        c.sort_unstable();
        c.dedup();
        c.chunks_exact(2)
            .map(|p| byte(p[0])..byte(p[1]))
            .filter(|r| !r.is_empty())
            .collect::<Vec<Range<usize>>>()
    });
    assert!(ann.set_tokens(&doc, tokens));
    (doc, ann)
}

fn load_str(text: &str, doc: &Document) -> Result<Loaded, FormatError> {
    from_ron_str(Path::new("a.txt.hashiya.ron"), text, doc)
}

fn sample() -> (Document, Annotations, SaveInfo) {
    let text = "التقى المقداد في باكو نظيره بيرموف.\nوقال المقداد إن «باكو» مدينة جميلة.";
    let spans = vec![(6, 7, 0), (17, 4, 2), (28, 6, 0), (6, 13, 1)];
    let (doc, ann) = build(text, LabelSet::default(), &spans, &vec![(40, 4, 3)], None);
    (doc, ann, SaveInfo::new(Path::new("baku.txt")))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Any valid annotation set → save → load is identical, with one line per entity.
    #[test]
    fn save_then_load_is_identical((text, labels, spans, orphans, cuts, info) in case_strategy()) {
        let (doc, ann) = build(&text, labels, &spans, &orphans, cuts);
        let file = to_ron_string(&doc, &ann, &info);
        let entity_lines = file.lines().filter(|l| l.starts_with("        (id: ") && l.contains(", before: ")).count();
        prop_assert_eq!(entity_lines, ann.entities().len());
        let loaded = load_str(&file, &doc).map_err(|e| TestCaseError::fail(format!("{e}\n{file}")))?;
        prop_assert_eq!(loaded.reanchor, None);
        prop_assert_eq!(loaded.info, info);
        prop_assert_eq!(loaded.annotations, ann);
    }

    /// Random junk is refused, never a panic.
    #[test]
    fn junk_is_refused(junk in "\\PC{0,200}|[(){}\\[\\],:\"'a-z0-9 \n]{0,200}", bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let doc = Document::new("نص".into());
        prop_assert!(load_str(&junk, &doc).is_err());
        prop_assert!(load_str(&String::from_utf8_lossy(&bytes), &doc).is_err());
    }

    /// A valid file cut anywhere before its closing parenthesis is refused, never a panic.
    #[test]
    fn truncated_files_are_refused(cut in 0.0f64..1.0, (text, labels, spans, orphans, cuts, info) in case_strategy()) {
        let (doc, ann) = build(&text, labels, &spans, &orphans, cuts);
        let file = to_ron_string(&doc, &ann, &info);
        let last = file.rfind(')').unwrap_or(0);
        let at = file.floor_char_boundary((last as f64 * cut) as usize);
        prop_assert!(load_str(&file[..at], &doc).is_err());
    }

    /// Single-character damage anywhere never panics (it may or may not still be valid).
    #[test]
    fn damaged_files_never_panic(at in 0.0f64..1.0, c in proptest::sample::select(vec!['(', ')', '"', ',', '9', '\\', ' ', 'x', ']'])) {
        let (doc, ann, info) = sample();
        let mut file = to_ron_string(&doc, &ann, &info);
        let i = file.floor_char_boundary((file.len() as f64 * at) as usize);
        file.insert(i, c);
        let _ = load_str(&file, &doc);
        file.remove(i);
        if i < file.len() {
            file.remove(file.floor_char_boundary(i));
        }
        let _ = load_str(&file, &doc);
    }

    /// Any other format version is refused with a message naming the supported one.
    #[test]
    fn wrong_versions_are_refused(v in prop_oneof![Just(0u64), 2u64..u64::MAX]) {
        let (doc, ann, info) = sample();
        let file = to_ron_string(&doc, &ann, &info).replace("version: 1,", &format!("version: {v},"));
        let err = load_str(&file, &doc).expect_err("wrong version").to_string();
        prop_assert!(err.contains(&format!("version {v} is not supported")) && err.contains("reads version 1"), "{}", err);
        prop_assert!(err.starts_with("a.txt.hashiya.ron:3:5: "), "{}", err);
    }
}

#[test]
fn a_future_file_with_new_fields_gets_the_version_error() {
    let (doc, ann, info) = sample();
    let file = to_ron_string(&doc, &ann, &info)
        .replace("version: 1,", "version: 2,")
        .replace("    labels: [", "    schema: \"new\",\n    labels: [");
    let err = load_str(&file, &doc).expect_err("refused").to_string();
    assert!(err.contains("version 2 is not supported") && err.contains("newer Hashiya"), "{err}");
}

/// The error for `file` after replacing `from` by `to`, and the 1-based line of `marker`.
fn error_after(from: &str, to: &str, marker: &str) -> (String, usize) {
    let (doc, ann, info) = sample();
    let file = to_ron_string(&doc, &ann, &info).replacen(from, to, 1);
    assert_ne!(file, to_ron_string(&doc, &ann, &info), "{from:?} is in the file");
    let line = file.lines().position(|l| l.contains(marker)).map_or(0, |i| i + 1);
    (load_str(&file, &doc).expect_err("invalid").to_string(), line)
}

#[test]
fn semantic_errors_point_at_the_offending_line() {
    let cases = [
        (
            "(id: 5, start: 28",
            "(id: 1, start: 28",
            "start: 28",
            "entity #1: this id is used by another entity or orphan",
        ),
        ("label: \"LOC\"", "label: \"PLACE\"", "PLACE", "label \"PLACE\" is not defined"),
        (
            "start: 17, end: 21",
            "start: 17, end: 999",
            "end: 999",
            "range 17..999 is outside the article (71 code points)",
        ),
        ("start: 17, end: 21", "start: 21, end: 17", "end: 17", "range 21..17 is empty or reversed"),
        ("start: 17, end: 21", "start: 18, end: 22", "end: 22", "does not match the article's text"),
        ("name: \"ORG\"", "name: \"PER\"", "name: \"PER\", color: \"#e69f00\"", "the name is defined twice"),
        ("hotkey: Some('2')", "hotkey: Some('1')", "name: \"ORG\"", "hotkey '1' is used by another label"),
        ("color: \"#009e73\"", "color: \"green\"", "green", "is not of the form \"#rrggbb\""),
        ("created: \"", "created: \"yesterday", "yesterday", "is not an RFC 3339 date"),
        ("(id: 2, start: 40, end: 44", "(id: 2, start: 40, end: 45", "(id: 2, start: 40", "orphan #2: text"),
    ];
    for (from, to, marker, message) in cases {
        let (err, line) = error_after(from, to, marker);
        assert!(
            err.starts_with(&format!("a.txt.hashiya.ron:{line}:")),
            "{from} → {to}: {err} (expected line {line})"
        );
        assert!(err.contains(message), "{from} → {to}: {err}");
    }
}

#[test]
fn syntax_errors_come_from_ron_with_their_position() {
    let (err, line) = error_after("label: \"LOC\", text", "label: \"LOC\" text", "\"LOC\" text");
    assert!(err.starts_with(&format!("a.txt.hashiya.ron:{line}:")), "{err}");
    let doc = Document::new("نص".into());
    let json = load_str("{\"entities\": []}", &doc).expect_err("foreign").to_string();
    assert!(
        json.starts_with("a.txt.hashiya.ron:1:1: ") && json.contains("not a valid Hashiya annotation file"),
        "{json}"
    );
    let empty = load_str("\n  // nothing\n", &doc).expect_err("empty").to_string();
    assert!(empty.contains("is empty"), "{empty}");
}

#[test]
fn a_hand_formatted_file_is_read_by_ron() {
    let (doc, ann, info) = sample();
    let file = to_ron_string(&doc, &ann, &info);
    // Reorder two fields, add a block comment and reflow: valid RON, not the canonical layout.
    let reflowed = file
        .replace("    version: 1,\n", "    /* hand-edited */ version: 1,\n")
        .replace("(id: 1, start: 6, end: 13,", "(start: 6, id: 1,\n end: 13,");
    assert_ne!(reflowed, file);
    let loaded = load_str(&reflowed, &doc).expect("valid RON loads");
    assert_eq!(loaded.annotations, ann);
}

#[test]
fn files_round_trip_through_disk_and_keep_a_backup() {
    let (doc, ann, info) = sample();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = annotation_path(&dir.path().join("baku.txt"));
    store::save(&path, &doc, &ann, &info).expect("save");
    store::save(&path, &doc, &Annotations::new(LabelSet::default()), &info).expect("save again");
    assert_eq!(store::load(&path, &doc).expect("load").annotations.entities().len(), 0);
    let backup = hashiya::formats::atomic::backup_path(&path);
    assert_eq!(store::load(&backup, &doc).expect("backup loads").annotations, ann);
    std::fs::write(&path, [0xff, 0xfe, 0x00]).expect("write junk");
    assert!(store::load(&path, &doc).expect_err("not UTF-8").to_string().contains("not UTF-8"));
}

#[cfg(unix)]
#[test]
fn read_only_folder_fails_cleanly_and_keeps_the_old_file() {
    use std::os::unix::fs::PermissionsExt;
    let (doc, ann, info) = sample();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = annotation_path(&dir.path().join("baku.txt"));
    store::save(&path, &doc, &Annotations::new(LabelSet::default()), &info).expect("first save");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).expect("chmod");
    let root = std::fs::File::create(dir.path().join("probe")).is_ok();
    let result = store::save(&path, &doc, &ann, &info);
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod back");
    if root {
        eprintln!("running as root: permissions are not enforced, skipping the assertions");
        return;
    }
    let err = result.expect_err("read-only folder");
    assert!(matches!(&err, FormatError::Io { path: p, .. } if *p == path), "{err}");
    assert!(err.to_string().contains("read-only") && err.to_string().contains("Save As"), "{err}");
    assert_eq!(store::load(&path, &doc).expect("old file intact").annotations.entities().len(), 0);
    let names: Vec<_> =
        std::fs::read_dir(dir.path()).expect("list").filter_map(Result::ok).map(|e| e.file_name()).collect();
    assert_eq!(names.len(), 1, "no temporary files left: {names:?}");
}

/// Entity texts as (id, text) in reading order.
fn texts(doc: &Document, ann: &Annotations) -> Vec<(u64, String)> {
    ann.entities().iter().map(|e| (e.id.0, doc.slice(e.range()).unwrap_or("?").to_string())).collect()
}

#[test]
fn reanchoring_after_text_inserted_before_entities() {
    let (doc, ann, info) = sample();
    let file = to_ron_string(&doc, &ann, &info);
    let edited = Document::new(format!("عاجل | دمشق (سانا) -\n{}", doc.text()));
    let loaded = load_str(&file, &edited).expect("re-anchors");
    let report = loaded.reanchor.expect("the text changed");
    assert_eq!((report.kept, report.moved, report.lost.len()), (0, 4, 0));
    assert_eq!(texts(&edited, &loaded.annotations), texts(&doc, &ann));
    assert_eq!(loaded.annotations.orphans(), ann.orphans());
    let shift = "عاجل | دمشق (سانا) -\n".len();
    let moved: Vec<_> = loaded.annotations.entities().iter().map(|e| e.start - shift).collect();
    assert_eq!(moved, ann.entities().iter().map(|e| e.start).collect::<Vec<_>>());
}

#[test]
fn reanchoring_orphans_deleted_entities_and_saves_them() {
    let (doc, ann, info) = sample();
    let file = to_ron_string(&doc, &ann, &info);
    let edited = Document::new(doc.text().replace(" نظيره بيرموف", ""));
    let loaded = load_str(&file, &edited).expect("re-anchors");
    let report = loaded.reanchor.clone().expect("the text changed");
    assert_eq!((report.kept, report.moved), (3, 0));
    assert_eq!(
        report.lost.iter().map(|o| (o.id.0, o.text.as_str())).collect::<Vec<_>>(),
        vec![(5, "بيرموف")]
    );
    let orphan_ids: Vec<u64> = loaded.annotations.orphans().iter().map(|o| o.id.0).collect();
    assert_eq!(orphan_ids, vec![5, 2], "the new orphan, then the one already in the file");
    // Saved again against the new text, orphans stay and nothing is re-anchored.
    let again = to_ron_string(&edited, &loaded.annotations, &loaded.info);
    let reloaded = load_str(&again, &edited).expect("loads");
    assert_eq!((reloaded.reanchor, &reloaded.annotations), (None, &loaded.annotations));
    // The edit undone: orphans whose text is back at their recorded place are restored.
    let reverted = load_str(&again, &doc).expect("loads");
    let report = reverted.reanchor.expect("the text changed again");
    assert_eq!((report.kept, report.moved, report.restored, report.lost.len()), (3, 0, 2, 0));
    assert!(reverted.annotations.orphans().is_empty());
    let got: Vec<Entity> = reverted.annotations.entities().iter().copied().filter(|e| e.id.0 != 2).collect();
    assert_eq!(got, ann.entities().iter().copied().collect::<Vec<_>>(), "every entity back at its old place");
}

#[test]
fn unchanged_text_loads_identically_without_a_report() {
    let (doc, ann, info) = sample();
    let loaded = load_str(&to_ron_string(&doc, &ann, &info), &doc).expect("loads");
    assert_eq!((loaded.reanchor, loaded.annotations), (None, ann));
}

#[test]
fn location_type_is_what_errors_carry() {
    let (err, line) = error_after("label: \"LOC\"", "label: \"PLACE\"", "PLACE");
    let want = Location::new(Path::new("a.txt.hashiya.ron"), line, 9).to_string();
    assert!(err.starts_with(&want), "{err}");
}
