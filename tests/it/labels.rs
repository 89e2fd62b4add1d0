//! `hashiya labels DIR`: prints the corpus's labels, the starter's mapping with where each
//! entry comes from, the clitic convention and the corpora it also learns from; its options
//! change the corpus file (checked first: a bad one changes nothing), and `hashiya suggest DIR`
//! follows the new settings.

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};

use hashiya::corpus::{Clitics, Settings};

use crate::fixtures::run_hashiya;

/// Runs `hashiya` with `args`: (success, stdout, stderr).
fn run(args: &[&OsStr]) -> (bool, String, String) {
    let out = run_hashiya(args);
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.success(), text(&out.stdout), text(&out.stderr))
}

fn labels(dir: &Path, rest: &[&str]) -> (bool, String, String) {
    let mut argv = vec![OsStr::new("labels"), dir.as_os_str()];
    argv.extend(rest.iter().map(OsStr::new));
    run(&argv)
}

/// A corpus `c` in `tmp` with labels PER, ORG, PLACE, COUNTRY, MISC and one article naming
/// «دمشق» and «الأمم المتحدة».
fn corpus(tmp: &Path) -> PathBuf {
    let dir = tmp.join("c");
    let init = [
        OsStr::new("init"),
        dir.as_os_str(),
        OsStr::new("--labels"),
        OsStr::new("PER,ORG,PLACE,COUNTRY,MISC"),
    ];
    let (ok, _, err) = run(&init);
    assert!(ok, "{err}");
    fs::write(dir.join("a.txt"), "وصل الرئيس إلى دمشق أمس لبحث العلاقات مع الأمم المتحدة.\n").expect("article");
    dir
}

/// (surface, label) of the suggestions `hashiya suggest DIR` leaves in `a.txt`.
fn suggested(dir: &Path) -> Vec<(String, String)> {
    let (ok, _, err) = run(&[OsStr::new("suggest"), dir.as_os_str()]);
    assert!(ok, "{err}");
    let (a, _) = hashiya::editor::Article::open(&dir.join("a.txt")).expect("opens");
    let ann = a.ann();
    ann.suggestions()
        .iter()
        .map(|s| {
            (a.doc.text()[s.range()].to_string(), ann.labels().get(s.label).expect("label").name.clone())
        })
        .collect()
}

fn line_of<'a>(out: &'a str, start: &str) -> &'a str {
    out.lines()
        .find(|l| l.trim_start().starts_with(start))
        .unwrap_or_else(|| panic!("no {start:?} in\n{out}"))
}

fn squeeze(line: &str) -> String {
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn map_sets_a_starter_type_and_suggest_follows_it() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = corpus(tmp.path());
    let (ok, out, _) = labels(&dir, &[]);
    assert!(ok);
    assert_eq!(line_of(&out, "labels:"), "labels: PER, ORG, PLACE, COUNTRY, MISC");
    assert_eq!(squeeze(line_of(&out, "GPE ")), "GPE → COUNTRY name rule");
    assert_eq!(squeeze(line_of(&out, "LOC ")), "LOC → PLACE name rule");
    assert!(suggested(&dir).contains(&("دمشق".to_string(), "COUNTRY".to_string())));

    let (ok, out, err) = labels(&dir, &["--map", "GPE=PLACE", "--map", "ORG="]);
    assert!(ok, "{err}");
    assert!(out.contains("~ starter GPE → PLACE") && out.contains("~ starter ORG → not suggested"), "{out}");
    assert_eq!(squeeze(line_of(&out, "GPE ")), "GPE → PLACE set by you");
    assert_eq!(squeeze(line_of(&out, "ORG ")), "ORG → not suggested set by you");
    let s = Settings::read(&dir.join("hashiya-corpus.ron")).expect("reads");
    assert_eq!(s.learning.starter_map.get("GPE"), Some(&Some("PLACE".to_string())));
    let now = suggested(&dir);
    assert!(now.contains(&("دمشق".to_string(), "PLACE".to_string())), "{now:?}");
    assert!(!now.iter().any(|(w, _)| w.contains("الأمم")), "ORG is never suggested: {now:?}");

    let (ok, out, _) = labels(&dir, &["--map", "GPE=auto", "--map", "ORG=auto"]);
    assert!(ok);
    assert_eq!(squeeze(line_of(&out, "GPE ")), "GPE → COUNTRY name rule");
    let s = Settings::read(&dir.join("hashiya-corpus.ron")).expect("reads");
    assert!(s.learning.starter_map.is_empty(), "{:?}", s.learning.starter_map);
    let (ok, out, _) = labels(&dir, &["--map", "GPE=auto"]);
    assert!(ok && out.contains("nothing to change"), "{out}");
}

#[test]
fn bad_input_is_refused_with_a_message_and_changes_nothing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = corpus(tmp.path());
    let lab = tmp.path().join("lab");
    fs::create_dir_all(&lab).expect("lab");
    let file = dir.join("hashiya-corpus.ron");
    let before = fs::read(&file).expect("reads");
    let lab_s = lab.to_string_lossy().into_owned();
    let cases: [(Vec<&str>, &str); 9] = [
        (vec!["--map", "XYZ=PER"], "\"XYZ\" is not a type of the starter model (its types: "),
        (vec!["--map", "GPE=PLACE", "--map", "PER=PERSON"], "\"PERSON\" is not a label of this corpus"),
        (vec!["--map", "GPE"], "is not STARTER=LABEL"),
        (vec!["--learn-from", &lab_s], "not a corpus (it has no hashiya-corpus.ron"),
        (vec!["--learn-from", "."], ".: not a corpus"),
        (vec!["--forget", &lab_s], "this corpus does not learn from it (it learns from: no other corpus)"),
        (vec!["--prior-map", "lab"], "is not DIR:THEIRS=OURS"),
        (vec!["--clitics", "sometimes"], "invalid value 'sometimes'"),
        (vec!["--gazetteer", "missing.tsv"], "gazetteer missing.tsv"),
    ];
    for (args, message) in cases {
        let (ok, _, err) = labels(&dir, &args);
        assert!(!ok, "{args:?} is refused");
        assert!(err.contains(message), "{args:?}: {err}");
        assert_eq!(fs::read(&file).expect("reads"), before, "{args:?} changed the corpus file");
    }
    // The corpus itself, and a corpus file that cannot be read.
    let (ok, _, err) = labels(&dir, &["--learn-from", &dir.to_string_lossy()]);
    assert!(!ok && err.contains("this is the corpus itself"), "{err}");
    fs::write(&file, "(version: 1, labels: [").expect("break");
    let (ok, _, err) = labels(&dir, &["--map", "GPE=PLACE"]);
    assert!(!ok && err.contains("hashiya-corpus.ron:1:"), "{err}");
    assert_eq!(fs::read_to_string(&file).expect("reads"), "(version: 1, labels: [");
    let (ok, _, err) = labels(&tmp.path().join("nowhere"), &[]);
    assert!(!ok && err.contains("not a corpus (it has no hashiya-corpus.ron)"), "{err}");
}

#[test]
fn the_starter_switches_off_and_on() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = corpus(tmp.path());
    let (ok, out, _) = labels(&dir, &["--starter", "off"]);
    assert!(ok && out.contains("~ starter model: off"), "{out}");
    assert!(line_of(&out, "starter model:").contains("off"));
    assert!(!Settings::read(&dir.join("hashiya-corpus.ron")).expect("reads").learning.starter);
    assert!(suggested(&dir).is_empty(), "no source left");
    let (ok, _, _) = labels(&dir, &["--starter", "on"]);
    assert!(ok);
    assert!(!suggested(&dir).is_empty());
    let file = fs::read_to_string(dir.join("hashiya-corpus.ron")).expect("reads");
    assert!(!file.contains("starter"), "the default is not written: {file}");
}

#[test]
fn other_corpora_are_learned_from_with_their_mapping_and_forgotten() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = corpus(tmp.path());
    let lab = tmp.path().join("lab");
    let init =
        [OsStr::new("init"), lab.as_os_str(), OsStr::new("--labels"), OsStr::new("PERSON,LOCATION,EVENT")];
    assert!(run(&init).0);
    let lab_s = lab.to_string_lossy().into_owned();
    let person = format!("{lab_s}:PERSON=PER");
    let event = format!("{lab_s}:EVENT=");
    let (ok, out, err) =
        labels(&dir, &["--learn-from", &lab_s, "--prior-map", &person, "--prior-map", &event]);
    assert!(ok, "{err}");
    assert!(out.contains("~ learns from ../lab"), "{out}");
    assert_eq!(line_of(&out, "../lab").trim(), "../lab", "{out}");
    assert_eq!(squeeze(line_of(&out, "PERSON ")), "PERSON → PER set by you");
    assert_eq!(squeeze(line_of(&out, "LOCATION ")), "LOCATION → PLACE name rule");
    assert_eq!(squeeze(line_of(&out, "EVENT ")), "EVENT → not suggested set by you");
    let s = Settings::read(&dir.join("hashiya-corpus.ron")).expect("reads");
    assert_eq!(s.learning.priors.len(), 1);
    assert_eq!(s.learning.priors[0].path, Path::new("../lab"), "stored relative to the corpus");
    assert_eq!(s.learning.priors[0].map.get("EVENT"), Some(&None));
    // Learning from it again changes nothing; an unknown label of theirs is refused.
    let (ok, out, _) = labels(&dir, &["--learn-from", &lab_s]);
    assert!(ok && out.contains("nothing to change"), "{out}");
    let (ok, _, err) = labels(&dir, &["--prior-map", &format!("{lab_s}:DATE=MISC")]);
    assert!(
        !ok && err.contains("\"DATE\" is not a label of ../lab (its labels: PERSON, LOCATION, EVENT)"),
        "{err}"
    );
    // Forgotten by the path the corpus file writes.
    let (ok, out, err) = labels(&dir, &["--forget", "../lab"]);
    assert!(ok, "{err}");
    assert!(
        out.contains("~ no longer learns from ../lab") && out.contains("also learns from: no other corpus")
    );
    assert!(Settings::read(&dir.join("hashiya-corpus.ron")).expect("reads").learning.priors.is_empty());
}

#[test]
fn clitics_are_set_and_left_to_the_documents_again() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = corpus(tmp.path());
    let (_, out, _) = labels(&dir, &[]);
    assert_eq!(line_of(&out, "clitics:"), "clitics: include (default: nothing says otherwise)");
    let clitics = || Settings::read(&dir.join("hashiya-corpus.ron")).expect("reads").learning.clitics;
    let (ok, out, _) = labels(&dir, &["--clitics", "exclude"]);
    assert!(ok);
    assert_eq!(line_of(&out, "clitics:"), "clitics: exclude (set in the corpus file)");
    assert_eq!(clitics(), Some(Clitics::Exclude));
    assert!(labels(&dir, &["--clitics", "include"]).0);
    assert_eq!(clitics(), Some(Clitics::Include));
    let (ok, out, _) = labels(&dir, &["--clitics", "auto"]);
    assert!(ok && out.contains("~ clitics: learned from the done documents"), "{out}");
    assert_eq!(clitics(), None);
}

#[test]
fn a_gazetteer_joins_the_combined_layer_and_leaves_it() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = corpus(tmp.path());
    let names = dir.join("names.tsv");
    fs::write(&names, "العلاقات\tMISC\n").expect("gazetteer");
    let (ok, out, err) = labels(&dir, &["--gazetteer", &names.to_string_lossy(), "--starter", "off"]);
    assert!(ok, "{err}");
    assert_eq!(line_of(&out, "gazetteer:"), "gazetteer: names.tsv", "stored relative to the corpus");
    assert_eq!(suggested(&dir), [("العلاقات".to_string(), "MISC".to_string())]);
    let (ok, out, _) = labels(&dir, &["--gazetteer", "none", "--starter", "on"]);
    assert!(ok && out.contains("gazetteer: none"), "{out}");
    assert!(Settings::read(&dir.join("hashiya-corpus.ron")).expect("reads").learning.gazetteer.is_none());
    let now = suggested(&dir);
    assert!(now.contains(&("دمشق".to_string(), "COUNTRY".to_string())), "{now:?}");
    assert!(!now.iter().any(|(w, _)| w == "العلاقات"), "the gazetteer's name is gone: {now:?}");
}

/// Writes `name` in `dir` with `text`, its `words` tagged `label`, marked done.
pub fn done_doc(dir: &Path, name: &str, text: &str, words: &[&str], label: &str) {
    use hashiya::editor::{Article, EditCommand};
    let path = dir.join(name);
    fs::write(&path, text).expect("article");
    let corpus = hashiya::corpus::Corpus::open(dir).expect("corpus");
    let (mut a, _) = Article::open(&path).expect("opens");
    a.apply(EditCommand::SetLabels(corpus.labels().clone())).expect("labels");
    let id = corpus.labels().by_name(label).expect("label").id;
    for w in words {
        let s = text.find(w).expect("word");
        a.apply(EditCommand::TagRange(s..s + w.len(), id)).expect("tags");
    }
    a.set_status(hashiya::formats::store::DocStatus::Done);
    a.save(false).expect("saves");
}

/// Cities the starter calls GPE, as a corpus that tags them PLACE writes them.
pub const CITIES: [(&str, &str); 6] = [
    ("وصل الوفد إلى دمشق صباح اليوم.\n", "دمشق"),
    ("عقد الاجتماع في باكو أمس.\n", "باكو"),
    ("غادر الوزير القاهرة متوجها إلى عمان.\n", "القاهرة"),
    ("افتتح المعرض في بيروت مساء الأحد.\n", "بيروت"),
    ("زار الرئيس بغداد في جولة إقليمية.\n", "بغداد"),
    ("انطلقت القمة في الرياض بحضور القادة.\n", "الرياض"),
];

#[test]
fn the_done_documents_correct_the_rule_and_the_user_overrides_them() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = corpus(tmp.path());
    fs::remove_file(dir.join("a.txt")).expect("remove");
    for (i, (text, city)) in CITIES.iter().enumerate() {
        done_doc(&dir, &format!("d{i}.txt"), text, &[city], "PLACE");
    }
    let (ok, out, err) = labels(&dir, &[]);
    assert!(ok, "{err}");
    assert_eq!(line_of(&out, "documents done:"), "documents done: 6");
    assert_eq!(squeeze(line_of(&out, "GPE ")), "GPE → PLACE done documents", "{out}");
    let (ok, out, _) = labels(&dir, &["--map", "GPE=COUNTRY"]);
    assert!(ok);
    assert_eq!(squeeze(line_of(&out, "GPE ")), "GPE → COUNTRY set by you");
}
