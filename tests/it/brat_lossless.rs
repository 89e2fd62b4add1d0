//! Lossless brat: a hand-written `.ann` with every kind of line brat has (relations, events,
//! attributes old and new, normalisations, notes, equivalences, discontinuous spans, a kind
//! brat does not define) goes through `hashiya import` → annotation file → an edit in the
//! editor core → `hashiya export`, and every line is accounted for: written back pointing at
//! the same spans, or named in the export's warnings with the reason.
//!
//! brat's own `example-data/corpora` are not copied here: most of it is under the BioNLP
//! Shared Task licence (research use only), so this file is written by hand with the same
//! kinds of line (the 172 example documents were checked with the same canonical comparison
//! by hand; see FUZZING.md's neighbour notes in the issue report).

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use hashiya::editor::{Article, EditCommand};
use hashiya::model::EntityId;

use crate::fixtures::{hashiya, run_hashiya};

const TXT: &str = "التقى وزير الخارجية السوري فيصل المقداد نظيره الإيراني في باكو.\n\
                   ووقعت شركة النفط الوطنية اتفاقاً مع شركة أذربيجانية.\n";

/// Offsets are code points of `TXT` (computed with Python's `str.find`); T8 is
/// discontinuous («شركة … أذربيجانية» without the space).
const ANN: &str = "T1\tPER 27 39\tفيصل المقداد\n\
T2\tORG 6 19\tوزير الخارجية\n\
T3\tLOC 58 62\tباكو\n\
T4\tORG 70 88\tشركة النفط الوطنية\n\
T5\tORG 100 115\tشركة أذربيجانية\n\
T6\tSign 66 69\tقعت\n\
T7\tGPE 46 54\tالإيراني\n\
T8\tCompany 100 104;105 115\tشركة أذربيجانية\n\
T9\tPER 27 39\tفيصل المقداد\n\
R1\tOrigin Arg1:T1 Arg2:T7\n\
R2\tLocated Arg1:T1 Arg2:T3\n\
E1\tSign:T6 Party1:T4 Party2:T5\n\
E2\tMeet:T1 Place:T3 Cause:E1\n\
A1\tNegation E1\n\
A2\tConfidence T1 High\n\
M1\tSpeculation E2\n\
N1\tReference T3 Wikipedia:Baku\tBaku\n\
#1\tAnnotatorNotes T1\tالاسم كامل\n\
#2\tAnnotatorNotes E1\tcheck the date\n\
*\tEquiv T5 T8\n\
X1\tSomething only another tool knows\n";

/// Lines by kind (first character of the id).
fn kinds(ann: &str) -> BTreeMap<char, usize> {
    let mut out = BTreeMap::new();
    for line in ann.lines().filter(|l| !l.is_empty()) {
        *out.entry(line.chars().next().unwrap_or(' ')).or_default() += 1;
    }
    out
}

/// The lines with every `T` id replaced by its `LABEL OFFSETS`, sorted: equal for two files
/// exactly when they hold the same lines pointing at the same spans.
fn canonical(ann: &str) -> Vec<String> {
    let spans: HashMap<&str, String> = ann
        .lines()
        .filter(|l| l.starts_with('T'))
        .filter_map(|l| {
            let mut f = l.split('\t');
            Some((f.next()?, format!("[{}]", f.next()?)))
        })
        .collect();
    let mut out: Vec<String> = ann
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| {
            let (id, rest) = l.split_once('\t').unwrap_or((l, ""));
            let id = if id.starts_with('T') { "T" } else { id };
            let words: Vec<String> = rest
                .split_inclusive([' ', '\t'])
                .map(|w| {
                    let (word, sep) = w.strip_suffix([' ', '\t']).map_or((w, ""), |s| (s, &w[s.len()..]));
                    let (role, target) = word.rsplit_once(':').map_or(("", word), |(r, t)| (r, t));
                    let colon = if role.is_empty() { "" } else { ":" };
                    spans.get(target).map_or(w.to_string(), |s| format!("{role}{colon}{s}{sep}"))
                })
                .collect();
            format!("{id}\t{}", words.concat())
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

#[test]
fn every_line_survives_import_and_export() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("news.txt"), TXT).expect("write");
    std::fs::write(dir.path().join("news.ann"), ANN).expect("write");
    let out = dir.path().join("out");
    let import = run_hashiya(&[
        "import".as_ref(),
        "--format".as_ref(),
        "brat".as_ref(),
        dir.path().join("news.ann").as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    let stderr = String::from_utf8_lossy(&import.stderr);
    assert!(import.status.success(), "{stderr}");
    // The only warnings: T8 is discontinuous, T9 repeats T1.
    assert_eq!(stderr.matches(": warning: ").count(), 2, "{stderr}");
    assert!(stderr.contains("news.ann:8:1: warning: discontinuous Company 100..115"), "{stderr}");
    assert!(stderr.contains("news.ann:9:1: warning: duplicate PER 27..39"), "{stderr}");
    let article = out.join("news.txt");
    let ron = std::fs::read_to_string(out.join("news.txt.hashiya.ron")).expect("annotation file");
    assert!(ron.contains("        \"R1\\tOrigin Arg1:T1 Arg2:T7\",\n"), "{ron}");

    let back = dir.path().join("back.ann");
    hashiya(&[
        "export".as_ref(),
        article.as_os_str(),
        "--format".as_ref(),
        "brat".as_ref(),
        "-o".as_ref(),
        back.as_os_str(),
    ]);
    let exported = std::fs::read_to_string(&back).expect("exported");
    let (kinds_in, kinds_out) = (kinds(ANN), kinds(&exported));
    // Every kind comes back line for line; T9 (a duplicate of T1) is merged into it.
    let mut expected = kinds_in.clone();
    *expected.entry('T').or_default() -= 1;
    assert_eq!(kinds_out, expected, "{exported}");
    assert_eq!(kinds_in.values().sum::<usize>(), 21);
    // And every line points at the same spans as before (T8 keeps its fragments).
    assert_eq!(canonical(&exported), canonical(ANN), "{exported}");
    assert!(exported.contains("\tCompany 100 104;105 115\tشركة أذربيجانية\n"), "{exported}");
}

#[test]
fn deleting_an_entity_drops_the_lines_about_it_and_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("news.txt"), TXT).expect("write");
    std::fs::write(dir.path().join("news.ann"), ANN).expect("write");
    let out = dir.path().join("out");
    let ann = dir.path().join("news.ann");
    hashiya(&[
        "import".as_ref(),
        "--format".as_ref(),
        "brat".as_ref(),
        ann.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    let article = out.join("news.txt");
    let (mut a, _) = Article::open(&article).expect("opens");
    // T6 (the «Sign» trigger of E1) became entity #6; deleting it drops E1 and what hangs on it.
    let notes = hashiya::formats::brat::entity_notes(a.ann(), EntityId(1));
    assert_eq!(notes, ["Confidence: High", "AnnotatorNotes: الاسم كامل"]);
    a.apply(EditCommand::Delete(EntityId(6))).expect("deletes");
    a.save(false).expect("saves");
    let back = dir.path().join("back.ann");
    let run = run_hashiya(&[
        "export".as_ref(),
        article.as_os_str(),
        "--format".as_ref(),
        "brat".as_ref(),
        "-o".as_ref(),
        back.as_os_str(),
    ]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    let dropped: Vec<&str> = stderr.lines().filter(|l| l.contains("not exported")).collect();
    assert_eq!(
        dropped,
        [
            "hashiya: warning: brat line \"E1\\tSign:T6 Party1:T4 Party2:T5\" not exported: entity #6 was deleted",
            "hashiya: warning: brat line \"E2\\tMeet:T1 Place:T3 Cause:E1\" not exported: it refers to E1, which was left out",
            "hashiya: warning: brat line \"A1\\tNegation E1\" not exported: it refers to E1, which was left out",
            "hashiya: warning: brat line \"M1\\tSpeculation E2\" not exported: it refers to E2, which was left out",
            "hashiya: warning: brat line \"#2\\tAnnotatorNotes E1\\tcheck the date\" not exported: it refers to E1, which was left out",
        ],
        "{stderr}"
    );
    let exported = std::fs::read_to_string(&back).expect("exported");
    // In: 21 lines. Out: 7 T (9 less the duplicate and the deleted one) + 7 others; 5 dropped, named above.
    let k = kinds(&exported);
    assert_eq!(k.get(&'T'), Some(&7));
    assert_eq!(k.values().sum::<usize>() - 7, 12 - dropped.len(), "{exported}");
    assert!(Path::new(&back).with_extension("txt").exists());
}
