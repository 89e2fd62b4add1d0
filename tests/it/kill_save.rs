//! A saving process killed (SIGKILL) at random moments leaves the annotation file — and its
//! backup — as a complete old or new version, never a torn one.
//!
//! The test binary re-executes itself: with `HASHIYA_KILL_SAVE_CHILD=<folder>` set, the
//! `child_saver` test saves versions A and B of a 5k-entity annotation set in a loop (starting
//! with A or B by turns); the parent kills it after a random delay (0–30 ms, or up to two
//! save durations where saving is slower, so kills land in every phase of the first saves)
//! and loads what is on disk.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use hashiya::formats::atomic::backup_path;
use hashiya::formats::store::{self, SaveInfo};
use hashiya::model::{Annotations, Document, Entity, EntityId, LabelId, LabelSet, Orphan};

const CHILD_ENV: &str = "HASHIYA_KILL_SAVE_CHILD";
/// "0": the child saves A first; "1": B first.
const START_ENV: &str = "HASHIYA_KILL_SAVE_START";
const ROUNDS: usize = 50;

/// The article and the two versions the child alternates between.
fn versions() -> (Document, Annotations, Annotations) {
    let words = ["المقداد", "التقى", "نظيره", "في", "باكو", "«الأمم", "المتحدة»", "2023", "Iran"];
    let text: Vec<&str> = (0..5200).map(|i| words[(i * 7 + i / 9) % words.len()]).collect();
    let doc = Document::new(text.join(" "));
    let mut spans = Vec::new();
    let mut at = 0;
    for word in doc.text().split(' ') {
        spans.push(at..at + word.len());
        at += word.len() + 1;
    }
    let make = |skip: usize, label_shift: u32, orphan: &str| {
        let entities = spans
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 13 != skip)
            .take(5000)
            .map(|(i, r)| Entity {
                id: EntityId(i as u64 + 1),
                start: r.start,
                end: r.end,
                label: LabelId((i as u32 + label_shift) % 7 + 1),
            })
            .collect();
        let orphans = vec![Orphan {
            id: EntityId(90_000),
            label: LabelId(2),
            chars: 3..3 + orphan.chars().count(),
            text: orphan.into(),
        }];
        Annotations::from_parts_with_tokens(&doc, LabelSet::default(), entities, orphans, None)
            .expect("valid")
    };
    let a = make(0, 0, "دمشق");
    let b = make(5, 3, "حلب");
    (doc, a, b)
}

fn info() -> SaveInfo {
    SaveInfo::new(Path::new("article.txt"))
}

fn target(dir: &Path) -> PathBuf {
    store::annotation_path(&dir.join("article.txt"))
}

/// The child: saves A and B alternately until killed. A no-op in normal test runs.
#[test]
fn child_saver() {
    let Some(dir) = std::env::var_os(CHILD_ENV) else { return };
    let (doc, a, b) = versions();
    let path = target(Path::new(&dir));
    let info = info();
    let order = if std::env::var(START_ENV).as_deref() == Ok("1") { [&b, &a] } else { [&a, &b] };
    println!("ready");
    loop {
        for ann in order {
            if let Err(err) = store::save(&path, &doc, ann, &info) {
                panic!("child could not save: {err}");
            }
        }
    }
}

/// A small xorshift generator: no extra dependency, seed printed for reproduction.
struct Rng(u64);

impl Rng {
    /// Seeded from the clock; the seed is printed so a failure can be replayed.
    fn from_clock() -> Self {
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
        let seed = now.map_or(1, |d| d.as_nanos() as u64) | 1;
        eprintln!("kill_save seed {seed}");
        Self(seed)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// Which version `path` holds: 0 = none yet, 1 = A, 2 = B; panics on anything else.
fn version_on_disk(path: &Path, doc: &Document, a: &Annotations, b: &Annotations, round: usize) -> usize {
    if !path.exists() {
        return 0;
    }
    let loaded =
        store::load(path, doc).unwrap_or_else(|e| panic!("round {round}: {} is torn: {e}", path.display()));
    assert!(loaded.reanchor.is_none(), "round {round}: fingerprint changed");
    match &loaded.annotations {
        x if x == a => 1,
        x if x == b => 2,
        _ => panic!("round {round}: {} holds neither version", path.display()),
    }
}

/// Starts the child saver in `dir`, beginning with A on even rounds and B on odd ones.
fn spawn_child(exe: &Path, dir: &Path, round: usize) -> std::process::Child {
    Command::new(exe)
        .args(["--exact", "kill_save::child_saver", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, dir)
        .env(START_ENV, (round % 2).to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn the child")
}

/// Blocks until the child has built its data and starts saving.
fn wait_until_ready(child: &mut std::process::Child) {
    use std::io::BufRead;
    let mut line = String::new();
    if let Some(out) = child.stdout.as_mut() {
        // The harness prints its own lines first, and "test child_saver ... " before ours.
        let mut reader = std::io::BufReader::new(out);
        while reader.read_line(&mut line).is_ok_and(|n| n > 0) && !line.trim_end().ends_with("ready") {
            line.clear();
        }
    }
}

#[test]
fn killed_saves_leave_the_old_or_the_new_file() {
    let (doc, a, b) = versions();
    let exe = std::env::current_exe().expect("test binary path");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = target(dir.path());
    let mut rng = Rng::from_clock();
    let scratch = tempfile::tempdir().expect("temp dir");
    let t = Instant::now();
    store::save(&target(scratch.path()), &doc, &a, &info()).expect("save");
    // Kill within the first few saves, whatever the build profile's speed.
    let max_delay = (2 * t.elapsed()).max(Duration::from_millis(30));
    eprintln!("one save: {:?}; kills after 0..{max_delay:?}", t.elapsed());
    let started = Instant::now();
    let mut seen = [0usize; 3];
    for round in 0..ROUNDS {
        let mut child = spawn_child(&exe, dir.path(), round);
        wait_until_ready(&mut child);
        if round == 0 {
            // Let one save complete so the later kills also hit replacements of a file.
            let t = Instant::now();
            while !path.exists() && t.elapsed() < Duration::from_secs(10) {
                std::thread::sleep(Duration::from_millis(1));
            }
        }
        std::thread::sleep(Duration::from_micros(rng.below(max_delay.as_micros() as u64)));
        if let Ok(Some(status)) = child.try_wait() {
            let out = child.wait_with_output().map(|o| String::from_utf8_lossy(&o.stderr).into_owned());
            panic!("round {round}: the child exited by itself ({status}): {out:?}");
        }
        child.kill().expect("kill the child");
        child.wait().expect("reap the child");
        seen[version_on_disk(&path, &doc, &a, &b, round)] += 1;
        let backup = backup_path(&path);
        let in_backup = version_on_disk(&backup, &doc, &a, &b, round);
        assert!(in_backup > 0 || !backup.exists(), "round {round}: backup");
    }
    // A kill between creating the temporary file and renaming it leaves the temporary behind.
    let interrupted = std::fs::read_dir(dir.path())
        .map(|d| {
            d.filter_map(Result::ok).filter(|e| e.file_name().to_string_lossy().contains(".tmp-")).count()
        })
        .unwrap_or(0);
    eprintln!(
        "kill_save: {ROUNDS} kills in {:?}; none/A/B on disk: {seen:?}; {interrupted} kills interrupted a write",
        started.elapsed()
    );
    assert!(seen[1] + seen[2] > ROUNDS / 2, "most kills should find a saved file: {seen:?}");
}
