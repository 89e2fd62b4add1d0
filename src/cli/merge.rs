//! `hashiya merge BASE OURS THEIRS -o OUT`: three-way merge of annotation files (see
//! [`crate::merge`]), usable as git's merge driver
//! (`git config merge.hashiya.driver "hashiya merge %O %A %B -o %A --path %P"`).
//!
//! Each input is read as the window would open it (with the edits of its edit journal not yet
//! saved). When OUT is OURS and has a journal, the journal is folded into it first (as
//! `hashiya recover` does), so the merge loses none of its edits; a journal of another OUT, or
//! one a running Hashiya holds, stops the merge before anything is written.
//!
//! As git's driver OURS is a temporary copy (`%A`) with no journal beside it; `--path %P` names
//! the file in the work tree. When that file has a journal (edits a crash left unsaved), it is
//! merged as OURS with the journal's edits, and the journal is set aside once the merge is
//! written (git then puts the merge in its place).
//!
//! Exit status: 0 merged cleanly; 1 merged with conflicts (kept as suggestions in OUT), as git
//! expects of a driver that leaves a conflicted result; 2 nothing written (an input is broken
//! — named with `path:line:column` — or the files annotate different texts).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;

use crate::editor::{Article, JournalRead, has_journal, set_journal_aside};
use crate::formats::atomic::{backup_path, same_file, write_atomic};
use crate::formats::store::{
    FileAnnotations, annotation_path, article_path, file_annotations_to_string, from_str_detached, read_text,
};
use crate::merge::merge;

/// Reads the three files, merges them and writes `out`; see the module doc for the status.
pub fn run(
    (base, ours, theirs): (&Path, &Path, &Path),
    out: &Path,
    worktree: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let journaled = match worktree.map(|p| worktree_journal(ours, p)).transpose() {
        Ok(article) => article.flatten(),
        Err(err) => return Ok(not_written(&err)),
    };
    if let Err(err) = fold_before_writing(ours, out) {
        return Ok(not_written(&err));
    }
    // With a journal in the work tree, its file (the same as OURS) is read with the journal.
    let ours = worktree.filter(|_| journaled.is_some()).unwrap_or(ours);
    let (base, ours, theirs) = match (read_base(base), read(ours), read(theirs)) {
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
    if let Some(article) = &journaled {
        journal_merged(article);
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

/// Sets the work tree's journal aside once its edits are in the written merge, and says so.
fn journal_merged(article: &Path) {
    match set_journal_aside(article, "merged") {
        Ok(Some(to)) => eprintln!(
            "hashiya: note: {}: the edits of its journal are in the merge; the journal is kept as {}",
            article.display(),
            to.display()
        ),
        Ok(None) => {}
        Err(e) => eprintln!(
            "hashiya: warning: {}: its journal could not be set aside ({e}); its edits are in the merge",
            article.display()
        ),
    }
}

/// Says why nothing was written; the status for that.
fn not_written(err: &anyhow::Error) -> ExitCode {
    eprintln!("hashiya: {err:#}");
    eprintln!("hashiya: merge not written");
    ExitCode::from(2)
}

/// With git's `%P`: the article of the work tree's annotation file `worktree` when it has an
/// edit journal to merge (`None`: no journal, or OURS is that file and is folded as usual).
/// Refused while a running Hashiya writes the journal, or when OURS is not that file's content.
fn worktree_journal(ours: &Path, worktree: &Path) -> anyhow::Result<Option<PathBuf>> {
    let Some(article) = journaled_article(worktree) else { return Ok(None) };
    if same_file(ours, worktree) {
        return Ok(None);
    }
    if Article::open_to_read(&article)?.journal == JournalRead::InUse {
        anyhow::bail!(
            "{}: a running Hashiya has it open and journals its edits not yet saved; save it or close it \
             there, then merge again",
            article.display()
        );
    }
    if read_text(ours)? != read_text(worktree)? {
        anyhow::bail!(
            "{}: differs from OURS ({}), so the edits of its journal cannot be merged; run `hashiya recover {}` \
             and merge again",
            worktree.display(),
            ours.display(),
            article.display()
        );
    }
    Ok(Some(article))
}

/// An annotation file as the window would open it: with the edits of its journal not yet
/// saved, when its article is beside it (nothing is written).
fn read(path: &Path) -> anyhow::Result<FileAnnotations> {
    if let Some(article) = journaled_article(path) {
        let reading = Article::open_to_read(&article)?;
        if let Some(err) = reading.store_error {
            return Err(err.into());
        }
        if let Some(line) = reading.journal.message(&article) {
            eprintln!("hashiya: note: {line}");
        }
        return Ok(from_str_detached(path, &reading.article.annotation_text()?)?);
    }
    Ok(from_str_detached(path, &read_text(path)?)?)
}

/// The article of an annotation file that has an edit journal beside it, if both are there.
fn journaled_article(store: &Path) -> Option<PathBuf> {
    let article = article_path(store).filter(|a| a.is_file())?;
    (has_journal(&article) && same_file(&annotation_path(&article), store)).then_some(article)
}

/// The merge writes `out`: its journal's edits must be in what is written. When `out` is
/// `ours` they are folded into it first (saved, as `hashiya recover` does); a journal of
/// another `out`, or one a running Hashiya holds, stops the merge before anything is written.
fn fold_before_writing(ours: &Path, out: &Path) -> anyhow::Result<()> {
    let Some(article) = journaled_article(out) else { return Ok(()) };
    if !same_file(ours, out) {
        anyhow::bail!(
            "{}: its edit journal holds edits not yet saved, which a merge into it would lose; run \
             `hashiya recover {}` first, or merge into it as OURS",
            out.display(),
            article.display()
        );
    }
    let (mut opened, _) = Article::open(&article)?;
    if opened.store_is_broken() {
        anyhow::bail!("{}: cannot be read, so its journal cannot be folded", out.display());
    }
    opened.set_annotator(&crate::corpus::annotator_for(&article));
    if opened.fold_journal()?.is_some() {
        let line = opened.journal_folded_message().unwrap_or_default();
        eprintln!("hashiya: note: {}: {line} before the merge", article.display());
    }
    Ok(())
}

/// The ancestor; an empty file (git's `%O` for a file added on both branches) is none.
fn read_base(path: &Path) -> anyhow::Result<Option<FileAnnotations>> {
    let text = read_text(path)?;
    if text.trim().is_empty() {
        return Ok(None);
    }
    Ok(Some(from_str_detached(path, &text)?))
}
