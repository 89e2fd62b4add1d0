//! Listing a corpus: every article under the root, recursively, by name only (nothing is
//! opened, so a folder of thousands lists at once). Annotation files, backups, the corpus file
//! and hidden files and folders are skipped; symbolic links are followed, and a link that
//! leads back into its own path (a loop), a broken link or an unreadable folder is a problem,
//! never the end of the listing. Articles are sorted by path in natural order (`doc2` before
//! `doc10`).

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use super::problem::{Problem, ProblemKind};
use super::settings::{CORPUS_FILE, Settings};
use crate::formats::store::{self, SUFFIX};

/// One article of a corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocEntry {
    /// The article file (the root joined with `rel`).
    pub path: PathBuf,
    /// Its path relative to the corpus root.
    pub rel: PathBuf,
}

impl DocEntry {
    /// The relative path with `/` between folders, as lists, exports and split hashing use it
    /// on every system.
    pub fn name(&self) -> String {
        rel_name(&self.rel)
    }
}

/// A relative path with `/` between its parts.
pub fn rel_name(rel: &Path) -> String {
    let parts: Vec<_> = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect();
    parts.join("/")
}

/// A folder still to list: its path, its path relative to the root, its canonical path.
struct Pending {
    path: PathBuf,
    rel: PathBuf,
    canonical: PathBuf,
}

/// A folder reached through a symbolic link, checked when its turn comes.
struct Linked {
    path: PathBuf,
    rel: PathBuf,
    /// The canonical path of the folder holding the link.
    parent: PathBuf,
}

/// Lists the articles under `root` (which must be a readable folder: the caller checks) and
/// the problems met on the way.
pub(super) fn list(root: &Path, settings: &Settings) -> (Vec<DocEntry>, Vec<Problem>) {
    let canonical = fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let mut seen: HashMap<PathBuf, PathBuf> = HashMap::from([(canonical.clone(), PathBuf::new())]);
    // Folders reached through links wait until every real folder is listed, so that a folder
    // is listed under its real path whatever order the system lists names in.
    let mut stack = vec![Pending { path: root.to_path_buf(), rel: PathBuf::new(), canonical }];
    let mut linked: Vec<Linked> = Vec::new();
    let (mut docs, mut problems) = (Vec::new(), Vec::new());
    loop {
        let dir = match stack.pop() {
            Some(dir) => dir,
            None => match linked.pop() {
                Some(link) => match follow(link, &mut seen) {
                    Ok(dir) => dir,
                    Err(problem) => {
                        problems.push(problem);
                        continue;
                    }
                },
                None => break,
            },
        };
        let mut subdirs = list_dir(&dir, settings, &mut docs, &mut problems);
        subdirs.sort_by(|a, b| natural_cmp(&b.0, &a.0));
        for (name, path, is_link) in subdirs {
            let rel = dir.rel.join(&name);
            if is_link {
                linked.push(Linked { path, rel, parent: dir.canonical.clone() });
            } else {
                let canonical = dir.canonical.join(&name);
                seen.insert(canonical.clone(), rel.clone());
                stack.push(Pending { path, rel, canonical });
            }
        }
    }
    docs.sort_by(|a, b| natural_path_cmp(&a.rel, &b.rel));
    (docs, problems)
}

/// A linked folder to list, unless it leads back into its own path or to a folder listed
/// already.
fn follow(link: Linked, seen: &mut HashMap<PathBuf, PathBuf>) -> Result<Pending, Problem> {
    let canonical = fs::canonicalize(&link.path)
        .map_err(|e| Problem::new(ProblemKind::Folder, &link.path, link_reason(&e)))?;
    if link.parent.starts_with(&canonical) {
        let reason = format!(
            "is a symbolic link loop: it leads back to {}, which contains it; not followed",
            canonical.display()
        );
        return Err(Problem::new(ProblemKind::Folder, &link.path, reason));
    }
    if let Some(first) = seen.get(&canonical) {
        let reason = format!(
            "leads to the folder already listed as {:?}; its articles are listed once",
            rel_name(first)
        );
        return Err(Problem::new(ProblemKind::Folder, &link.path, reason));
    }
    seen.insert(canonical.clone(), link.rel.clone());
    Ok(Pending { path: link.path, rel: link.rel, canonical })
}

/// Lists one folder: articles go to `docs`; returns its subfolders (name, path, reached
/// through a symbolic link).
fn list_dir(
    dir: &Pending,
    settings: &Settings,
    docs: &mut Vec<DocEntry>,
    problems: &mut Vec<Problem>,
) -> Vec<(String, PathBuf, bool)> {
    let entries = match fs::read_dir(&dir.path) {
        Ok(entries) => entries,
        Err(e) => {
            let reason = format!("folder cannot be read: {e}");
            problems.push(Problem::new(ProblemKind::Folder, &dir.path, reason));
            return Vec::new();
        }
    };
    let mut subdirs = Vec::new();
    let mut names = HashSet::new();
    let mut annotation_files = Vec::new();
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let reason = format!("folder cannot be read to the end: {e}");
                problems.push(Problem::new(ProblemKind::Folder, &dir.path, reason));
                break;
            }
        };
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        if name.ends_with(SUFFIX) {
            annotation_files.push(path.clone());
        }
        names.insert(name.clone());
        match kind(&entry, &path) {
            Ok(Kind::Dir { linked }) => subdirs.push((name, path, linked)),
            Ok(Kind::File) if is_article(&name, settings) => {
                docs.push(DocEntry { rel: dir.rel.join(&name), path });
            }
            Ok(_) => {}
            Err(reason) => problems.push(Problem::new(ProblemKind::Folder, &path, reason)),
        }
    }
    problems.extend(without_article(&annotation_files, &names));
    subdirs
}

/// What a folder entry is, links followed.
enum Kind {
    Dir { linked: bool },
    File,
    Other,
}

/// The kind of `entry` (at `path`), or why a link cannot be followed.
fn kind(entry: &fs::DirEntry, path: &Path) -> Result<Kind, String> {
    let Ok(kind) = entry.file_type() else { return Ok(Kind::Other) };
    let (is_dir, is_file) = if kind.is_symlink() {
        let meta = fs::metadata(path).map_err(|e| link_reason(&e))?;
        (meta.is_dir(), meta.is_file())
    } else {
        (kind.is_dir(), kind.is_file())
    };
    Ok(match (is_dir, is_file) {
        (true, _) => Kind::Dir { linked: kind.is_symlink() },
        (_, true) => Kind::File,
        _ => Kind::Other,
    })
}

/// Problems for the annotation files whose article is not in the same folder (`names`).
fn without_article(annotation_files: &[PathBuf], names: &HashSet<String>) -> Vec<Problem> {
    let missing = |path: &&PathBuf| {
        let article = store::article_path(path);
        let name = article.as_deref().and_then(Path::file_name).map(|n| n.to_string_lossy().into_owned());
        name.is_some_and(|n| !names.contains(&n))
    };
    let reason = "is an annotation file without its article beside it (moved or deleted?)";
    annotation_files
        .iter()
        .filter(missing)
        .map(|p| Problem::new(ProblemKind::Annotations, p, reason))
        .collect()
}

/// True for an article's file name: one of the extensions, and not an annotation file, a
/// backup or the corpus file (which matter when the extensions include `ron` or `bak`).
fn is_article(name: &str, settings: &Settings) -> bool {
    settings.is_article_name(name) && !name.ends_with(SUFFIX) && name != CORPUS_FILE && !is_backup(name)
}

/// The atomic writer's backups (`<file>.bak`).
fn is_backup(name: &str) -> bool {
    name.ends_with(".bak")
}

/// Why a symbolic link cannot be followed.
fn link_reason(err: &std::io::Error) -> String {
    if err.kind() == std::io::ErrorKind::NotFound {
        return "is a broken symbolic link (its target does not exist)".to_string();
    }
    // ELOOP: a link to itself or a chain of links that comes back.
    if err.raw_os_error() == Some(40) || err.to_string().contains("symbolic links") {
        return format!("is a symbolic link loop: {err}");
    }
    format!("cannot be followed: {err}")
}

/// Orders relative paths part by part in natural order.
pub(super) fn natural_path_cmp(a: &Path, b: &Path) -> Ordering {
    let (mut x, mut y) = (a.components(), b.components());
    loop {
        match (x.next(), y.next()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(p), Some(q)) => {
                let order = natural_cmp(&p.as_os_str().to_string_lossy(), &q.as_os_str().to_string_lossy());
                if order != Ordering::Equal {
                    return order;
                }
            }
        }
    }
}

/// Compares strings with runs of ASCII digits compared as numbers (`a2` < `a10`); equal
/// numbers with different leading zeros and equal texts fall back to plain order.
pub(super) fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let (mut i, mut j) = (0, 0);
    while i < x.len() && j < y.len() {
        if x[i].is_ascii_digit() && y[j].is_ascii_digit() {
            let (si, sj) = (i, j);
            while i < x.len() && x[i].is_ascii_digit() {
                i += 1;
            }
            while j < y.len() && y[j].is_ascii_digit() {
                j += 1;
            }
            let n = trim_zeros(&x[si..i]);
            let m = trim_zeros(&y[sj..j]);
            let order = n.len().cmp(&m.len()).then_with(|| n.cmp(m));
            if order != Ordering::Equal {
                return order;
            }
        } else {
            if x[i] != y[j] {
                return x[i].cmp(&y[j]);
            }
            i += 1;
            j += 1;
        }
    }
    (x.len() - i).cmp(&(y.len() - j)).then_with(|| a.cmp(b))
}

fn trim_zeros(digits: &[u8]) -> &[u8] {
    let zeros = digits.iter().take_while(|&&d| d == b'0').count();
    &digits[zeros..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_order_compares_numbers_as_numbers() {
        let mut names = vec!["doc10", "doc2", "doc1", "Doc3", "doc02", "a/b", "a", "خبر"];
        names.sort_by(|a, b| natural_path_cmp(Path::new(a), Path::new(b)));
        assert_eq!(names, vec!["Doc3", "a", "a/b", "doc1", "doc02", "doc2", "doc10", "خبر"]);
        assert_eq!(natural_cmp("x9y", "x10y"), Ordering::Less);
    }

    #[test]
    fn annotation_files_backups_and_hidden_files_are_not_articles() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        for name in ["b.txt", "a.TXT", "a.TXT.hashiya.ron", "a.TXT.hashiya.ron.bak", ".hidden.txt", "x.md"] {
            fs::write(root.join(name), "نص").expect("write");
        }
        fs::create_dir_all(root.join("sub/.git")).expect("mkdir");
        fs::write(root.join("sub/c10.txt"), "نص").expect("write");
        fs::write(root.join("sub/c9.txt"), "نص").expect("write");
        fs::write(root.join("sub/.git/d.txt"), "نص").expect("write");
        fs::write(root.join("sub/gone.txt.hashiya.ron"), "()").expect("write");
        let mut settings = Settings::default();
        settings.extensions.push("ron".into());
        let (docs, problems) = list(root, &settings);
        let names: Vec<String> = docs.iter().map(DocEntry::name).collect();
        assert_eq!(names, vec!["a.TXT", "b.txt", "sub/c9.txt", "sub/c10.txt"]);
        assert_eq!(docs[2].path, root.join("sub/c9.txt"));
        let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("gone.txt.hashiya.ron: is an annotation file without its article"));
    }

    #[cfg(unix)]
    #[test]
    fn links_are_followed_once_and_loops_are_problems() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        fs::create_dir_all(root.join("a/b")).expect("mkdir");
        fs::write(root.join("a/b/x.txt"), "نص").expect("write");
        symlink(root.join("a"), root.join("a/b/up")).expect("loop");
        symlink(root.join("a/b"), root.join("again")).expect("second way in");
        symlink(root.join("self.txt"), root.join("self.txt")).expect("self loop");
        symlink(root.join("gone"), root.join("broken.txt")).expect("broken");
        let (docs, problems) = list(root, &Settings::default());
        assert_eq!(docs.iter().map(DocEntry::name).collect::<Vec<_>>(), vec!["a/b/x.txt"], "real path");
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(problems.len(), 4, "{text:#?}");
        assert!(text.iter().any(|p| p.contains("up: is a symbolic link loop: it leads back")), "{text:#?}");
        assert!(text.iter().any(|p| p.contains("self.txt: is a symbolic link loop")), "{text:#?}");
        assert!(text.iter().any(|p| p.contains("broken.txt: is a broken symbolic link")), "{text:#?}");
        assert!(text.iter().any(|p| p.contains("already listed as")), "{text:#?}");
    }
}
