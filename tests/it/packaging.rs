//! The files the Debian package and the wheel install agree with the program: man pages and
//! completions are what clap_mangen and clap_complete make of the current command line, the
//! desktop entry, AppStream file and MIME types use the window's app id and the program's file
//! names, the version is the same everywhere, the icons have their sizes, and every bundled
//! font is in the package's copyright file.
//!
//! `HASHIYA_BLESS=1 cargo test packaging` rewrites `assets/man/` and `assets/completions/`
//! after a change to the command line.

use std::collections::BTreeMap;
use std::path::Path;

use clap::CommandFactory as _;
use hashiya::about::{APP_ID, VERSION};

use crate::fixtures::repo;

/// The command line as the man pages show it: the plain version (no commit), so the committed
/// pages do not change with every commit.
fn command() -> clap::Command {
    hashiya::cli::Cli::command().version(VERSION)
}

/// Every file of `dir` by name, with its bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let Ok(entries) = std::fs::read_dir(dir) else { return BTreeMap::new() };
    entries
        .map(|e| e.expect("entry").path())
        .map(|p| {
            (p.file_name().expect("name").to_string_lossy().into_owned(), std::fs::read(&p).expect("read"))
        })
        .collect()
}

fn generated() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let (man, completions) = (dir.path().join("man"), dir.path().join("completions"));
    std::fs::create_dir_all(&man).expect("man dir");
    std::fs::create_dir_all(&completions).expect("completions dir");
    clap_mangen::generate_to(command(), &man).expect("man pages");
    for shell in [clap_complete::Shell::Bash, clap_complete::Shell::Zsh, clap_complete::Shell::Fish] {
        clap_complete::generate_to(shell, &mut command(), "hashiya", &completions).expect("completion");
    }
    dir
}

#[test]
fn man_pages_and_completions_are_made_from_the_command_line() {
    let fresh = generated();
    for sub in ["man", "completions"] {
        let (new, committed) = (files(&fresh.path().join(sub)), repo(&format!("assets/{sub}")));
        if std::env::var_os("HASHIYA_BLESS").is_some() {
            let _ = std::fs::remove_dir_all(&committed);
            std::fs::create_dir_all(&committed).expect("assets dir");
            for (name, bytes) in &new {
                std::fs::write(committed.join(name), bytes).expect("write");
            }
        }
        let old = files(&committed);
        assert_eq!(
            old.keys().collect::<Vec<_>>(),
            new.keys().collect::<Vec<_>>(),
            "assets/{sub} is stale: run HASHIYA_BLESS=1 cargo test packaging"
        );
        for (name, bytes) in &new {
            assert!(
                old[name] == *bytes,
                "assets/{sub}/{name} is stale: run HASHIYA_BLESS=1 cargo test packaging"
            );
        }
    }
    let man = files(&repo("assets/man"));
    assert!(man.contains_key("hashiya.1") && man.contains_key("hashiya-export.1"), "{:?}", man.keys());
    assert!(!man.contains_key("hashiya-drive-edits.1"), "hidden subcommands get no page");
    let page = String::from_utf8_lossy(&man["hashiya-export.1"]).into_owned();
    assert!(page.contains("\\-\\-format") && page.contains("conll"), "{page}");
}

/// `key=value` lines of the desktop entry's main group.
fn desktop_entry() -> BTreeMap<String, String> {
    let path = repo(&format!("assets/linux/{APP_ID}.desktop"));
    let text = std::fs::read_to_string(&path).expect("the desktop entry is named after the app id");
    text.lines().filter_map(|l| l.split_once('=')).map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

#[test]
fn the_desktop_entry_uses_the_window_app_id_and_the_file_types() {
    let entry = desktop_entry();
    assert_eq!(entry["StartupWMClass"], APP_ID);
    assert_eq!(entry["Icon"], APP_ID);
    assert_eq!(entry["Exec"], "hashiya %f");
    let types: Vec<&str> = entry["MimeType"].split(';').filter(|t| !t.is_empty()).collect();
    assert_eq!(types, ["application/x-hashiya-annotations", "application/x-hashiya-corpus", "text/plain"]);

    let mime = std::fs::read_to_string(repo(&format!("assets/linux/{APP_ID}.mime.xml"))).expect("mime");
    assert!(mime.contains(&format!("<glob pattern=\"*{}\"/>", hashiya::formats::store::SUFFIX)));
    assert!(mime.contains(&format!("<glob pattern=\"{}\"/>", hashiya::corpus::settings::CORPUS_FILE)));
    for t in &types[..2] {
        assert!(mime.contains(&format!("<mime-type type=\"{t}\">")), "{t} is not defined");
    }
    assert!(!mime.contains("text/plain\">"), "plain text is only listed as openable, never defined here");
}

/// The first `## [x.y.z] - date` of CHANGELOG.md.
fn changelog_release() -> (String, String) {
    let text = std::fs::read_to_string(repo("CHANGELOG.md")).expect("CHANGELOG.md");
    let line = text
        .lines()
        .filter_map(|l| l.strip_prefix("## ["))
        .find(|l| !l.starts_with("Unreleased"))
        .expect("a released version");
    let (version, rest) = line.split_once(']').expect("[version]");
    (version.to_string(), rest.trim_start_matches([' ', '-']).trim().to_string())
}

#[test]
fn one_version_everywhere() {
    let (version, date) = changelog_release();
    assert_eq!(version, VERSION, "CHANGELOG.md's newest release is Cargo.toml's version");
    let meta =
        std::fs::read_to_string(repo(&format!("assets/linux/{APP_ID}.metainfo.xml"))).expect("metainfo");
    assert!(meta.contains(&format!("<id>{APP_ID}</id>")));
    assert!(meta.contains(&format!("<launchable type=\"desktop-id\">{APP_ID}.desktop</launchable>")));
    let release = meta.split("<release ").nth(1).expect("a release").split('>').next().expect("tag");
    assert_eq!(release, format!("version=\"{version}\" date=\"{date}\""), "the newest AppStream release");
    let out = crate::fixtures::hashiya(&["--version"]);
    assert!(out.starts_with(&format!("hashiya {VERSION} (")), "{out}");
    let pyproject = std::fs::read_to_string(repo("python/pyproject.toml")).expect("pyproject");
    assert!(pyproject.contains("dynamic = [\"version\"]"), "the wheel takes Cargo.toml's version");
}

#[test]
fn the_icons_have_their_sizes_and_the_fonts_their_licences() {
    for size in [48, 128, 256] {
        let file = std::fs::File::open(repo(&format!("assets/icons/hashiya-{size}.png"))).expect("icon");
        let reader = png::Decoder::new(std::io::BufReader::new(file)).read_info().expect("png");
        assert_eq!((reader.info().width, reader.info().height), (size, size));
    }
    let svg = std::fs::read_to_string(repo("assets/icons/hashiya.svg")).expect("svg");
    assert!(svg.contains("viewBox=\"0 0 256 256\""));
    let copyright = std::fs::read_to_string(repo("assets/debian/copyright")).expect("copyright");
    let patterns: Vec<&str> = copyright
        .lines()
        .filter_map(|l| l.strip_prefix("Files:"))
        .flat_map(str::split_whitespace)
        .filter(|p| p.starts_with("fonts/"))
        .collect();
    for font in std::fs::read_dir(repo("fonts")).expect("fonts").map(|e| e.expect("entry").file_name()) {
        let name = format!("fonts/{}", font.to_string_lossy());
        if name.ends_with(".ttf") || name.ends_with(".otf") {
            let covered =
                patterns.iter().any(|p| p.strip_suffix('*').map_or(*p == name, |pre| name.starts_with(pre)));
            assert!(covered, "{name} is not in assets/debian/copyright");
        }
    }
}

#[test]
fn help_about_shows_version_places_and_licences() {
    use egui_kittest::kittest::Queryable as _;
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = crate::window::harness_with(dir.path(), "نص قصير للتجربة.", 1.0);
    assert!(h.query_by_label("About Hashiya").is_none());
    h.state_mut().push_command(hashiya::app::Command::ToggleAbout);
    h.run_steps(3);
    h.get_by_label(VERSION);
    h.get_by_label(hashiya::about::COMMIT);
    h.get_by_label(APP_ID);
    h.get_by_label(&hashiya::about::settings_file().display().to_string());
    h.get_by_label("Amiri");
    assert!(h.query_all_by_label_contains("SIL Open Font License 1.1").count() >= 4);
    assert!(h.query_all_by_label_contains("Ubuntu Font Licence 1.0").count() >= 1, "egui's fonts");
    assert_eq!(h.query_all_by_label_contains("NewsFANE").count(), 2, "word clusters and starter model");
    h.get_by_label("Close").click();
    h.run_steps(3);
    assert!(h.query_by_label("Copy version").is_none(), "closed");
}

#[test]
fn an_annotation_file_opens_its_article_and_a_missing_article_opens_nothing() {
    use hashiya::app::HashiyaApp;
    let dir = tempfile::tempdir().expect("tempdir");
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "زار الوزير عمّان.").expect("article");
    let ann = hashiya::formats::store::annotation_path(&article);
    let open = |path: std::path::PathBuf| {
        let mut h = egui_kittest::Harness::builder()
            .with_size(egui::vec2(1000.0, 700.0))
            .build_eframe(move |cc| HashiyaApp::new(&cc.egui_ctx, crate::fixtures::settings(), Some(path)));
        h.run_steps(3);
        h
    };
    let h = open(ann.clone());
    assert_eq!(h.state().article().map(|a| a.path.clone()), Some(article.clone()));
    drop(h);

    let gone = dir.path().join("gone.txt.hashiya.ron");
    std::fs::write(&gone, "(version: 1)").expect("an annotation file without its article");
    let h = open(gone.clone());
    assert!(h.state().article().is_none(), "nothing else is opened (not the sample)");
    let notice = h.state().notice().map(|n| n.text.clone()).unwrap_or_default();
    assert!(notice.contains("gone.txt") && notice.contains("missing"), "{notice}");
    use egui_kittest::kittest::Queryable as _;
    let shown = h.query_all_by_label_contains("is missing").count();
    assert_eq!(shown, 2, "said where the article would be and in the status bar");
}

#[test]
fn help_about_in_arabic_is_arabic_and_reads_from_the_right() {
    use egui_kittest::kittest::Queryable as _;
    use hashiya::app::i18n::Lang;
    use hashiya::app::{Command, HashiyaApp, Settings};
    let dir = tempfile::tempdir().expect("tempdir");
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "نص قصير للتجربة.").expect("article");
    let settings = Settings { autosave: false, language: Some(Lang::Arabic), ..crate::fixtures::settings() };
    let mut h = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1200.0, 800.0))
        .build_eframe(move |cc| HashiyaApp::new(&cc.egui_ctx, settings, Some(article)));
    h.run_steps(3);
    h.state_mut().push_command(Command::ToggleAbout);
    h.run_steps(3);
    h.get_by_label("عن حاشية");
    let (version, value) = (h.get_by_label("الإصدار").rect(), h.get_by_label_contains(VERSION).rect());
    assert!(value.center().x < version.center().x, "the name at the right, its value to its left");
    assert_eq!(h.query_all_by_label_contains("NewsFANE").count(), 2);
    h.get_by_label("إغلاق").click();
    h.run_steps(3);
    assert!(h.query_by_label("الإصدار").is_none(), "closed");
}
