//! Edits survive a killed process: a child (`hashiya drive-edits`) applies a seeded stream of
//! edits to an article, printing each applied edit's number and the annotations' digest, and
//! saving now and then; the parent SIGKILLs it at a random moment, reopens the article (which
//! replays the journal) and checks that its state is the one after an edit printed no earlier
//! than 100 ms before the kill. The parent recomputes every state the child went through with
//! the same driver on an in-memory copy of the article (journal paused), so "present" means the
//! very state, not only the entity ids.
//!
//! `HASHIYA_KILL_EDITS` sets the number of kills (default 1000, as `.ci/run` runs it), spread
//! over `HASHIYA_KILL_EDITS_WORKERS` parallel workers (default 4), each in its own folder.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use hashiya::editor::drive::{Driver, digest};
use hashiya::editor::{Article, EditCommand};
use hashiya::model::LabelId;

use crate::fixtures;

/// Edits printed earlier than this before the kill must be in the reopened article.
const MARGIN: Duration = Duration::from_millis(100);
/// Kills land uniformly in this long after the child is started (some during its start-up).
const MAX_DELAY_MS: u64 = 350;

fn env_count(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn micros_now() -> u128 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_micros())
}

/// What the workers saw, summed.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    kills: usize,
    printed: usize,
    required: usize,
    /// Edits printed within the margin before the kill (not required, checked anyway).
    recent: usize,
    /// Of those, missing after the reopen.
    recent_lost: usize,
    /// Reopens that replayed a journal.
    restored: usize,
    /// Kills before the child printed `ready`.
    before_ready: usize,
}

impl Tally {
    fn add(&mut self, o: Tally) {
        self.kills += o.kills;
        self.printed += o.printed;
        self.required += o.required;
        self.recent += o.recent;
        self.recent_lost += o.recent_lost;
        self.restored += o.restored;
        self.before_ready += o.before_ready;
    }
}

/// One line of the child's output: edit number, digest, time printed (µs since the epoch).
fn parse_line(line: &str) -> Option<(usize, u64, u128)> {
    let mut parts = line.split(' ');
    let n = parts.next()?.parse().ok()?;
    let d = u64::from_str_radix(parts.next()?, 16).ok()?;
    let t = parts.next()?.parse().ok()?;
    Some((n, d, t))
}

fn spawn(article: &Path, seed: u64, save_every: u64) -> Child {
    Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .arg("drive-edits")
        .arg(article)
        .args(["--seed", &seed.to_string(), "--pace-us", "300", "--save-every", &save_every.to_string()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn hashiya drive-edits")
}

/// One kill: run the child, kill it, reopen, compare with the recomputed states.
fn round(article: &Path, seed: u64, delay: Duration, save_every: u64) -> Tally {
    let (mut sim, _) = Article::open(article).expect("opens before the child");
    sim.pause_journal();
    let mut child = spawn(article, seed, save_every);
    let stdout = child.stdout.take().expect("stdout");
    let reader =
        std::thread::spawn(move || BufReader::new(stdout).lines().map_while(Result::ok).collect::<Vec<_>>());
    std::thread::sleep(delay);
    let killed_at = micros_now();
    child.kill().expect("kill the child");
    child.wait().expect("reap the child");
    let mut stderr = String::new();
    if let Some(mut e) = child.stderr.take() {
        let _ = e.read_to_string(&mut stderr);
    }
    let lines = reader.join().expect("reader");
    let ctx = format!("seed {seed}, delay {delay:?}, save every {save_every}; child stderr: {stderr}");
    let (re, notices) = Article::open(article).expect("reopens");
    for n in &notices {
        assert!(n.text.starts_with("Restored "), "{ctx}: unexpected notice on reopen: {}", n.text);
    }
    let found = digest(&re);
    let edits: Vec<(usize, u64, u128)> = lines.iter().skip(1).filter_map(|l| parse_line(l)).collect();
    let printed = edits.len();
    let required = edits.iter().filter(|e| e.2 + MARGIN.as_micros() < killed_at).count();
    // Every state the child went through, and the one after an edit applied but not printed.
    let mut states = vec![digest(&sim)];
    let mut driver = Driver::new(seed);
    for _ in 0..=printed {
        driver.step(&mut sim);
        states.push(digest(&sim));
    }
    if let Some(ready) = lines.first() {
        assert_eq!(ready, &format!("ready {:016x}", states[0]), "{ctx}: the child opened another state");
    }
    for (i, (n, d, _)) in edits.iter().enumerate() {
        assert_eq!((*n, *d), (i + 1, states[i + 1]), "{ctx}: the child and the parent disagree");
    }
    let at = (required..=printed + 1).rev().find(|&j| states[j] == found).unwrap_or_else(|| {
        panic!(
            "{ctx}: lost edits: the reopened article is not the state after any of edits {required}..={}",
            printed + 1
        )
    });
    Tally {
        kills: 1,
        printed,
        required,
        recent: printed - required,
        recent_lost: printed.saturating_sub(at),
        restored: usize::from(!notices.is_empty()),
        before_ready: usize::from(lines.is_empty()),
    }
}

/// A worker: its own folder and article, `rounds` kills in a row on it.
fn worker(w: usize, rounds: usize, base_seed: u64) -> Tally {
    let dir = tempfile::tempdir().expect("temp dir");
    let article: PathBuf = dir.path().join("article.txt");
    std::fs::copy(fixtures::repo("assets/sample-article.txt"), &article).expect("copy the sample");
    let mut tally = Tally::default();
    for r in 0..rounds {
        let seed = base_seed.wrapping_add((w as u64) << 32).wrapping_add(r as u64);
        let mut pick = Driver::new(seed ^ 0x5eed);
        let delay = Duration::from_millis(pick.below(MAX_DELAY_MS));
        let save_every = [5, 25, 80][pick.below(3) as usize];
        tally.add(round(&article, seed, delay, save_every));
    }
    tally
}

#[test]
fn killed_editing_loses_no_printed_edit() {
    let kills = env_count("HASHIYA_KILL_EDITS", 1000);
    let workers = env_count("HASHIYA_KILL_EDITS_WORKERS", 4).clamp(1, 64);
    let base_seed = micros_now() as u64;
    eprintln!("kill_edits: base seed {base_seed}, {kills} kills over {workers} workers");
    let started = Instant::now();
    let handles: Vec<_> = (0..workers)
        .map(|w| {
            let rounds = kills / workers + usize::from(w < kills % workers);
            std::thread::spawn(move || worker(w, rounds, base_seed))
        })
        .collect();
    let mut total = Tally::default();
    for h in handles {
        match h.join() {
            Ok(t) => total.add(t),
            Err(e) => std::panic::resume_unwind(e),
        }
    }
    eprintln!("kill_edits: {total:?} in {:?}", started.elapsed());
    assert_eq!(total.kills, kills);
    assert!(total.required > 0 || kills < 20, "kills should come after some edits: {total:?}");
    assert_eq!(total.recent_lost, 0, "not even edits printed just before a kill are lost: {total:?}");
}

/// Two processes on one article: the second neither replays, nor writes, nor removes the live
/// journal of the first (it is locked), and says so; the first's edits survive its kill.
#[test]
fn a_second_process_leaves_a_live_journal_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = dir.path().join("article.txt");
    std::fs::copy(fixtures::repo("assets/sample-article.txt"), &article).expect("copy the sample");
    std::fs::copy(&article, dir.path().join("copy.txt")).expect("copy the sample");
    let mut child = spawn(&article, 11, 0);
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines().map_while(Result::ok);
    let mut printed: Vec<(usize, u64, u128)> = Vec::new();
    while printed.len() < 20 {
        let line = lines.next().expect("the child prints its edits");
        printed.extend(parse_line(&line));
    }
    let (mut second, notices) = Article::open(&article).expect("opens beside the child");
    let texts: Vec<&str> = notices.iter().map(|n| n.text.as_str()).collect();
    assert!(texts.iter().any(|t| t.contains("another Hashiya has this article open")), "{texts:?}");
    assert!(!texts.iter().any(|t| t.starts_with("Restored")), "a live journal is not replayed: {texts:?}");
    let word = second.doc.text().find(' ').expect("a first word");
    let out = second.apply(EditCommand::TagRange(0..word, LabelId(1))).expect("tags");
    assert!(out.changed && out.notice.is_none(), "edits here go on, unjournaled (said at open)");
    child.kill().expect("kill the child");
    child.wait().expect("reap the child");
    printed.extend(lines.filter_map(|l| parse_line(&l)));
    drop(second); // closed without saving
    let (re, notices) = Article::open(&article).expect("reopens");
    let texts: Vec<&str> = notices.iter().map(|n| n.text.as_str()).collect();
    assert!(texts.len() == 1 && texts[0].starts_with("Restored "), "{texts:?}");
    // Every state the child went through (and the one after an edit applied but not printed).
    let (mut sim, _) = Article::open(dir.path().join("copy.txt").as_path()).expect("opens a copy");
    sim.pause_journal();
    let mut driver = Driver::new(11);
    let mut states = Vec::new();
    for _ in 0..=printed.len() {
        driver.step(&mut sim);
        states.push(digest(&sim));
    }
    let found = digest(&re);
    let at = states.iter().rposition(|&d| d == found).expect("a state of the child, from its journal");
    assert!(at + 1 >= 20, "at least the edits printed before the second opened: {at}");
}
