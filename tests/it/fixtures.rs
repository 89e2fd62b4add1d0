//! What several test modules share: the `HASHIYA_SHARED` gate, the `hashiya` binary, text
//! generators for property tests.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use proptest::prelude::*;

/// The shared data folder, or `None` after printing a skip line (visible in `cargo test`'s
/// output, not captured) when `HASHIYA_SHARED` is unset. With it set, each of `needed` (paths
/// inside it) must exist, or the test fails.
pub fn shared(test: &str, needed: &[&str]) -> Option<PathBuf> {
    let Some(dir) = std::env::var_os("HASHIYA_SHARED") else {
        // Written to the real stderr: libtest captures only the print macros.
        let _ = writeln!(std::io::stderr(), "SKIPPED {test}: HASHIYA_SHARED is not set");
        return None;
    };
    let dir = PathBuf::from(dir);
    for rel in needed {
        let path = dir.join(rel);
        assert!(path.exists(), "HASHIYA_SHARED is set but {} is missing", path.display());
    }
    Some(dir)
}

/// The repository's own files (assets, fonts).
pub fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// Runs the `hashiya` binary.
pub fn run_hashiya<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hashiya")).args(args).output().expect("the hashiya binary runs")
}

/// Runs the `hashiya` binary; returns stdout, panicking with stderr on failure.
pub fn hashiya<S: AsRef<std::ffi::OsStr> + std::fmt::Debug>(args: &[S]) -> String {
    let out = run_hashiya(args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "hashiya {args:?} failed:\n{stderr}");
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// Random text from `pool`, 1 to `max` code points.
pub fn text_from(pool: &[char], max: usize) -> impl Strategy<Value = String> + use<> {
    proptest::collection::vec(proptest::sample::select(pool.to_vec()), 1..max)
        .prop_map(|c| c.into_iter().collect())
}

/// Every file directly in `dir` with its bytes: to check that a command wrote, renamed and
/// removed nothing.
pub fn files_in(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .expect("list the folder")
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap_or_default()))
        .collect()
}

/// Starts `hashiya drive-edits` (the crash tests' child) on `article`: a seeded stream of
/// edits, one every 300 µs, saved every `save_every` edits (0: never); stdout piped.
pub fn drive_edits(article: &Path, seed: u64, save_every: u64) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .arg("drive-edits")
        .arg(article)
        .args(["--seed", &seed.to_string(), "--pace-us", "300", "--save-every", &save_every.to_string()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn hashiya drive-edits")
}

/// The JSONL line `hashiya export` writes for `article` as the editor core reopens it (the
/// journal replayed), with its status, annotator and labels; `name` as a folder export gives it.
pub fn cli_jsonl(article: &Path, name: Option<&str>) -> String {
    use hashiya::formats::{exchange, jsonl};
    let (a, _) = hashiya::editor::Article::open(article).expect("reopens");
    let meta = jsonl::Meta { name, status: a.status().as_str(), annotator: &a.saved_info().annotator };
    exchange::export_text_with(exchange::Format::Jsonl, &a.doc, a.ann(), Some(meta)).0
}

/// The window's settings for tests: the defaults, in English whatever the locale of the machine
/// running the tests (`LANG=ar_EG.UTF-8 cargo test` would otherwise get the Arabic interface).
pub fn settings() -> hashiya::app::Settings {
    hashiya::app::Settings {
        language: Some(hashiya::app::i18n::Lang::English),
        ..hashiya::app::Settings::default()
    }
}
