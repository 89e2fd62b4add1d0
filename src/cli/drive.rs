//! `hashiya drive-edits` (hidden): the child process of the kill test. Opens an article
//! (replaying its journal), then applies [`crate::editor::drive::Driver`]'s edits until it is
//! killed, printing `ready` and then, after each edit is applied, `<n> <digest> <µs since the
//! Unix epoch>`.

use std::io::Write as _;
use std::process::ExitCode;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use anyhow::Context as _;

use super::DriveArgs;
use crate::editor::Article;
use crate::editor::drive::{Driver, digest};

/// Runs until killed (or until stdout is closed).
pub fn run(args: &DriveArgs) -> anyhow::Result<ExitCode> {
    let (mut article, notices) = Article::open(&args.file)?;
    for n in notices {
        eprintln!("{n}");
    }
    let mut out = std::io::stdout().lock();
    writeln!(out, "ready {:016x}", digest(&article))?;
    out.flush()?;
    let mut driver = Driver::new(args.seed);
    for n in 1u64.. {
        driver.step(&mut article);
        let micros = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_micros());
        writeln!(out, "{n} {:016x} {micros}", digest(&article)).context("stdout closed")?;
        out.flush()?;
        if args.save_every > 0 && n % args.save_every == 0 {
            article.save(false)?;
        }
        if args.pace_us > 0 {
            std::thread::sleep(Duration::from_micros(args.pace_us));
        }
    }
    Ok(ExitCode::SUCCESS)
}
