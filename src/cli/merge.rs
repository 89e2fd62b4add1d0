//! `hashiya merge BASE OURS THEIRS -o OUT`: three-way merge of annotation files (see
//! [`crate::merge`]), usable as git's merge driver
//! (`git config merge.hashiya.driver "hashiya merge %O %A %B -o %A"`).
//!
//! Exit status: 0 merged cleanly; 1 merged with conflicts (kept as suggestions in OUT), as git
//! expects of a driver that leaves a conflicted result; 2 nothing written (an input is broken
//! — named with `path:line:column` — or the files annotate different texts).

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;

use crate::formats::atomic::{backup_path, write_atomic};
use crate::formats::store::{FileAnnotations, file_annotations_to_string, from_str_detached, read_text};
use crate::merge::merge;

/// Reads the three files, merges them and writes `out`; see the module doc for the status.
pub fn run(base: &Path, ours: &Path, theirs: &Path, out: &Path) -> anyhow::Result<ExitCode> {
    let inputs = (read_base(base), read(ours), read(theirs));
    let (base, ours, theirs) = match inputs {
        (Ok(b), Ok(o), Ok(t)) => (b, o, t),
        (b, o, t) => {
            for err in [b.err(), o.err(), t.err()].into_iter().flatten() {
                eprintln!("hashiya: {err:#}");
            }
            eprintln!("hashiya: merge not written");
            return Ok(ExitCode::from(2));
        }
    };
    let merged = match merge(base.as_ref(), &ours, &theirs) {
        Ok(m) => m,
        Err(err) => {
            eprintln!("hashiya: {err}; merge not written");
            return Ok(ExitCode::from(2));
        }
    };
    let had_backup = backup_path(out).exists();
    write_atomic(out, file_annotations_to_string(&merged.file).as_bytes())
        .with_context(|| format!("writing {}", out.display()))?;
    if !had_backup {
        // Git's driver writes over its temporary copy: leave no .bak of it in the work tree.
        let _ = std::fs::remove_file(backup_path(out));
    }
    for c in &merged.conflicts {
        eprintln!("{}: {c}", out.display());
    }
    if merged.conflicts.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!("{} conflicts kept as suggestions in {}", merged.conflicts.len(), out.display());
        Ok(ExitCode::from(1))
    }
}

fn read(path: &Path) -> anyhow::Result<FileAnnotations> {
    Ok(from_str_detached(path, &read_text(path)?)?)
}

/// The ancestor; an empty file (git's `%O` for a file added on both branches) is none.
fn read_base(path: &Path) -> anyhow::Result<Option<FileAnnotations>> {
    let text = read_text(path)?;
    if text.trim().is_empty() {
        return Ok(None);
    }
    Ok(Some(from_str_detached(path, &text)?))
}
