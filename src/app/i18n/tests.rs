//! The catalogues are complete, agree with each other and with the code, and nothing the
//! window shows is written outside them.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use fluent_bundle::FluentResource;

use super::*;

/// The message ids of a catalogue; fails on any syntax error.
fn keys(name: &str, source: &str) -> BTreeSet<String> {
    if let Err((_, errors)) = FluentResource::try_new(source.to_string()) {
        panic!("{name} has syntax errors: {errors:?}");
    }
    let id = regex::Regex::new(r"(?m)^([a-zA-Z][a-zA-Z0-9_-]*)\s*=").expect("regex");
    id.captures_iter(source).map(|c| c[1].to_string()).collect()
}

/// Every `.rs` file under `dir`.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("readable source folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

fn app_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app")
}

/// The keys the code asks for: `t!("key"…)`, `tr_in(lang, "key"…)`, and the keys the editor
/// gives its notices (`.keyed("key"…)`).
fn used_keys() -> BTreeSet<String> {
    let re = regex::Regex::new(r#"(?:\bt!\(\s*|\btr_in\(\s*\w+,\s*|\.keyed\(\s*)"([a-z][a-z0-9-]*)""#)
        .expect("regex");
    let mut out = BTreeSet::new();
    let editor = sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/editor"));
    // The module's own docs show example keys.
    let app = sources(&app_dir()).into_iter().filter(|f| !f.starts_with(app_dir().join("i18n")));
    for file in app.chain(editor) {
        let text = std::fs::read_to_string(&file).expect("readable");
        out.extend(re.captures_iter(&text).map(|c| c[1].to_string()));
    }
    out
}

#[test]
fn both_catalogues_have_the_same_keys() {
    let en = keys("en.ftl", EN_FTL);
    let ar = keys("ar.ftl", AR_FTL);
    let missing_ar: Vec<_> = en.difference(&ar).collect();
    let missing_en: Vec<_> = ar.difference(&en).collect();
    assert!(missing_ar.is_empty(), "keys missing in ar.ftl: {missing_ar:?}");
    assert!(missing_en.is_empty(), "keys missing in en.ftl: {missing_en:?}");
    assert!(en.len() > 150, "{} keys", en.len());
}

#[test]
fn the_code_and_the_catalogues_agree() {
    let en = keys("en.ftl", EN_FTL);
    let used = used_keys();
    let unknown: Vec<_> = used.difference(&en).collect();
    let unused: Vec<_> = en.difference(&used).collect();
    assert!(unknown.is_empty(), "keys used in src/app but in no catalogue: {unknown:?}");
    assert!(unused.is_empty(), "catalogue keys src/app never uses: {unused:?}");
}

#[test]
fn arabic_counts_take_their_six_plural_forms() {
    let forms: Vec<String> = [0, 1, 2, 3, 11, 100]
        .into_iter()
        .map(|n| {
            tr_in(Lang::Arabic, "status-entities", &[("n", Arg::from(n))])
                .replace(['\u{2068}', '\u{2069}'], "")
        })
        .collect();
    let distinct: BTreeSet<&String> = forms.iter().collect();
    assert_eq!(distinct.len(), 6, "{forms:?}");
    assert!(forms[1].contains("كيان واحد"), "{forms:?}");
    assert!(forms[2].contains("كيانان"), "{forms:?}");
    assert!(forms[3].contains("3 كيانات"), "{forms:?}");
    assert_eq!(tr_in(Lang::English, "status-entities", &[("n", Arg::from(1))]), "1 entity");
    assert_eq!(tr_in(Lang::English, "status-entities", &[("n", Arg::from(12))]), "12 entities");
}

#[test]
fn the_thread_language_picks_the_catalogue() {
    set_language(Lang::Arabic);
    assert_eq!(crate::t!("menu-file"), "ملف");
    set_language(Lang::English);
    assert_eq!(crate::t!("menu-file"), "File");
    assert_eq!(tr("no-such-key", &[]), "no-such-key");
}

#[test]
fn the_system_language_comes_from_the_locale_variables() {
    let s = |v: &str| Some(v.to_string());
    assert_eq!(lang::language_of(None, None, s("ar_EG.UTF-8")), Lang::Arabic);
    assert_eq!(lang::language_of(s("C"), None, s("ar_EG.UTF-8")), Lang::English);
    assert_eq!(lang::language_of(None, s("ar_SA.UTF-8"), s("en_US.UTF-8")), Lang::Arabic);
    assert_eq!(lang::language_of(s("en_GB"), s("ar"), s("ar")), Lang::English);
    assert_eq!(lang::language_of(None, None, None), Lang::English);
    assert_eq!(lang::language_of(None, None, s("fr_FR.UTF-8")), Lang::English);
}

/// Lines where a string literal is not window text: ids, file and thread names, environment
/// variables, and the product's name.
const NOT_WINDOW_TEXT: &[&str] = &[
    "id_salt(",
    "Grid::new(",
    // Window and panel ids (their titles come from the catalogues).
    "let title = (\"",
    "side(true, \"",
    "side(false, \"",
    "chart_ui(ui, \"",
    ".name(\"",
    "load_texture(",
    "KEY: &'static str",
    // File name extensions of the native dialogs' filters.
    ".add_filter(",
    // Looking for a native file chooser: program names and system paths.
    "cfg!(",
    "on_path(",
    "read_dir(\"",
    ".contains(\"org.freedesktop",
    // Printed on stderr when the window has closed (nowhere left to show it).
    "eprintln!(",
    "Id::unique(",
    ".with(",
    "Panel::",
    "Plot::new(",
    "choice_ui(ui, \"",
    "Job::spawn",
    "include_str!",
    "var_os(",
    "join(\"",
    "font_bytes()",
    // The window's title and app id: the product's name in every language.
    "Hashiya",
    // Errors of `hashiya` itself before any window exists: the command line stays English.
    ".context(",
    "anyhow!(",
    // A new label's name is data (the user renames it), not a message.
    "LABEL{}",
    // The comparing annotator's own name in agreement reports (never shown).
    "vec![\"me\"",
];

#[test]
fn no_window_text_is_written_outside_the_catalogues() {
    let literal = regex::Regex::new(r#""((?:[^"\\]|\\.)*)""#).expect("regex");
    let placeholder = regex::Regex::new(r"\{[^}]*\}").expect("regex");
    let escape = regex::Regex::new(r"\\(u\{[0-9a-fA-F]+\}|.)").expect("regex");
    let catalogue = keys("en.ftl", EN_FTL);
    let mut found = Vec::new();
    for file in sources(&app_dir()).into_iter().filter(|f| !f.starts_with(app_dir().join("i18n"))) {
        let text = std::fs::read_to_string(&file).expect("readable");
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for (n, line) in code.lines().enumerate() {
            let trimmed = line.trim_start();
            if trimmed.starts_with("//") || NOT_WINDOW_TEXT.iter().any(|p| line.contains(p)) {
                continue;
            }
            for cap in literal.captures_iter(line) {
                let start = cap.get(0).map_or(0, |m| m.start());
                let before = line[..start].trim_end();
                if before.ends_with("t!(") || before.ends_with(',') && line[..start].contains("tr_in(") {
                    continue; // a catalogue key
                }
                let words = placeholder.replace_all(&cap[1], "");
                let words = escape.replace_all(&words, "");
                if words.chars().any(char::is_alphabetic) && !catalogue.contains(&cap[1]) {
                    found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(found.is_empty(), "window text outside the catalogues:\n{}", found.join("\n"));
}

/// A notice keyed with `key` and `args`, as the lower layers make them.
fn keyed(key: &'static str, args: Vec<(&'static str, String)>) -> crate::editor::Notice {
    crate::editor::Notice::info("").keyed(key, &args)
}

/// `notice` said in `lang`, without the isolation marks around what was put in (U+2068,
/// U+2069: the Arabic catalogue's, which keep a Latin name's order in the sentence).
fn said(lang: Lang, notice: &crate::editor::Notice) -> String {
    set_language(lang);
    let text = notice_text(notice);
    set_language(Lang::English);
    text.replace(['\u{2068}', '\u{2069}'], "")
}

#[test]
fn reports_read_in_english_as_the_command_line_writes_them_and_in_arabic() {
    use crate::corpus::relabel::RelabelReport;
    use crate::corpus::tag_all::CorpusTagReport;
    use crate::formats::reanchor::ReanchorReport;
    use crate::model::ops::{SuggestReport, TagAllReport};

    let suggest = SuggestReport { suggested: 12, covered: 2, rejected: 0 };
    let mut args = suggest.args();
    args.push(("source", "corpus".into()));
    let n = keyed("notice-suggest-report", args);
    assert_eq!(said(Lang::English, &n), format!("corpus: {suggest}"));
    assert_eq!(said(Lang::Arabic, &n), "المدوّنة: 12 اقتراحًا، و2 منها كيانات بالفعل");
    let one = keyed("notice-layer-report", SuggestReport { suggested: 1, ..SuggestReport::default() }.args());
    assert_eq!(said(Lang::English, &one), "suggestions: 1 suggestion");
    assert_eq!(said(Lang::Arabic, &one), "الاقتراحات: اقتراح واحد");

    let tagged = TagAllReport { tagged: 3, already: 1, overlapping: 2 };
    let mut args = tagged.args();
    args.push(("label", "LOC".into()));
    let n = keyed("notice-tag-all", args);
    assert_eq!(said(Lang::English, &n), format!("LOC: {tagged}"));
    assert!(!said(Lang::Arabic, &n).contains("tagged"), "{}", said(Lang::Arabic, &n));

    let failed = vec![(PathBuf::from("b.txt"), "unreadable".to_string())];
    let corpus = CorpusTagReport { documents: 4, counts: tagged, failed: failed.clone(), undo: Vec::new() };
    let args: Vec<(&str, Arg)> = corpus.args().into_iter().map(|(k, v)| (k, Arg::from_value(&v))).collect();
    assert_eq!(tr_in(Lang::English, "corpus-tag-all-report", &args), corpus.to_string());
    let relabel = RelabelReport { changed: 2, unchanged: 5, failed };
    let n = keyed("notice-relabel-report", relabel.args());
    assert_eq!(said(Lang::English, &n), relabel.to_string());
    let ar = said(Lang::Arabic, &n);
    assert!(ar.starts_with("تغيّرت الوسوم في مستندين آخرين") && ar.contains("b.txt: unreadable"), "{ar}");

    let moved = ReanchorReport { kept: 7, moved: 1, restored: 1, ..ReanchorReport::default() };
    let n = keyed("notice-reanchored", moved.args());
    assert_eq!(said(Lang::English, &n), moved.to_string());
    assert!(!said(Lang::Arabic, &n).contains("moved"), "{}", said(Lang::Arabic, &n));
}
