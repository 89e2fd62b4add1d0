//! `hashiya recover PATH|DIR…`: folds the edit journals a crash left beside annotation files
//! into those files, as opening the article in the window and saving it would: the journal is
//! checked against the article and the annotation file, replayed through the editor core and
//! saved atomically (the previous file kept as `.bak`), then removed. A journal that does not
//! match is set aside (`.unmatched-<time>`) and reported, never applied; one a running Hashiya
//! holds is left alone. Lists what it did; exits 1 when a journal could not be folded.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::check::pair;
use crate::corpus::Corpus;
use crate::editor::{Article, JournalRead, has_journal};

/// Arguments of `hashiya recover`.
#[derive(Debug, clap::Args)]
pub struct RecoverArgs {
    /// Articles (or their annotation files) and folders (every article under them).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// The annotator name written into the files saved (default: $HASHIYA_ANNOTATOR, else the
    /// corpus's default annotator, else the OS user name).
    #[arg(long)]
    pub annotator: Option<String>,
}

/// What recovering one article did.
enum Done {
    /// Nothing was unsaved (no journal, or nothing in it to fold).
    Nothing,
    /// The annotation file now holds the journal's edits.
    Folded,
    /// The journal was not folded (in use, not applied, or the save failed).
    NotFolded,
}

/// Runs `hashiya recover`.
pub fn run(args: &RecoverArgs) -> anyhow::Result<ExitCode> {
    let mut articles = Vec::new();
    for path in &args.paths {
        if path.is_dir() {
            let corpus = Corpus::open(path)?;
            articles.extend(corpus.docs().iter().map(|d| d.path.clone()).filter(|p| has_journal(p)));
        } else {
            articles.push(pair(path)?.0);
        }
    }
    let (mut folded, mut left) = (0, 0);
    for article in &articles {
        match recover_one(article, args.annotator.as_deref()) {
            Done::Nothing => {}
            Done::Folded => folded += 1,
            Done::NotFolded => left += 1,
        }
    }
    let left_text = if left > 0 { format!("; {left} not folded (see above)") } else { String::new() };
    outln!("recovered {folded} of {} articles with an edit journal{left_text}", folded + left);
    Ok(if left == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// Opens one article as the window would (replaying its journal, setting aside one that does
/// not match), and saves it when the journal held unsaved edits; prints what happened.
fn recover_one(path: &Path, annotator: Option<&str>) -> Done {
    let name = path.display();
    if !has_journal(path) {
        outln!("{name}: no edit journal, nothing to recover");
        return Done::Nothing;
    }
    let (mut article, notices) = match Article::open(path) {
        Ok(opened) => opened,
        Err(err) => {
            outln!("{name}: not recovered: {err}");
            return Done::NotFolded;
        }
    };
    for notice in notices.iter().filter(|n| !n.text.starts_with("Restored ")) {
        outln!("{name}: {notice}");
    }
    let read = article.journal_read().clone();
    if matches!(read, JournalRead::InUse | JournalRead::Held) {
        let why = read.message(path).unwrap_or_default();
        outln!("{why}; left alone");
        return Done::NotFolded;
    }
    if read.is_problem() && read.replayed() == 0 {
        return Done::NotFolded;
    }
    article.set_annotator(&super::annotator(annotator, path));
    match article.fold_journal() {
        Ok(Some(_)) => {
            let n = read.replayed();
            let edits = if n == 1 { "1 edit".to_string() } else { format!("{n} edits") };
            outln!("{name}: folded {edits} from the journal into {}", article.store_path.display());
            if read.is_problem() { Done::NotFolded } else { Done::Folded }
        }
        Ok(None) => {
            outln!("{name}: the edit journal held nothing unsaved; removed");
            Done::Nothing
        }
        Err(err) => {
            outln!("{name}: not recovered: {err}");
            Done::NotFolded
        }
    }
}
