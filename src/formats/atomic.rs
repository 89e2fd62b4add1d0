//! Atomic file replacement: a crash or kill at any instant leaves either the complete old file
//! or the complete new one, never a torn mix, and the previous version is kept as `<file>.bak`.
//!
//! The sequence is: write a uniquely named temporary file in the target's folder, flush it to
//! disk (`sync_all`), link the current file to a temporary backup name and rename that over
//! `<file>.bak`, rename the new temporary over the target, then flush the folder so the rename
//! itself survives a power cut (best effort; Unix only).
//!
//! A symbolic link is written through: the file it names (following chains, relative and
//! dangling links) is replaced and backed up beside itself, and the link stays a link. The
//! first save in a folder removes temporary files that crashed saves left there — only names
//! of exactly our pattern (`.<name>.tmp-<pid>-<n>`, `.<name>.bak-<pid>-<n>`) whose process is
//! gone (on Linux; elsewhere, older than an hour).

use std::collections::HashSet;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use super::FormatError;

/// Distinguishes temporary files of concurrent saves within one process.
static COUNTER: AtomicU64 = AtomicU64::new(0);

/// The backup kept beside `path`: `<path>.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".bak");
    PathBuf::from(name)
}

/// True when both paths name the same existing file (through links and `..`), or are equal.
pub fn same_file(a: &Path, b: &Path) -> bool {
    a == b || matches!((fs::canonicalize(a), fs::canonicalize(b)), (Ok(x), Ok(y)) if x == y)
}

/// Replaces `path` by `bytes` atomically, keeping the previous version as `<path>.bak`.
///
/// On any error the temporary file is removed and `path` is unchanged. An unwritable folder
/// gives a [`FormatError::Io`] naming `path` with [`io::ErrorKind::PermissionDenied`] (or
/// `ReadOnlyFilesystem`) as its kind, so callers can offer Save As. Making the backup is best
/// effort: a save never fails only because the backup could not be refreshed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), FormatError> {
    let target = through_links(path)?;
    let path = target.as_path();
    let name =
        path.file_name().ok_or_else(|| FormatError::file(path, "is not a file name that can be written"))?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    clean_folder_once(&dir);
    let tmp = temp_name(&dir, &name.to_string_lossy(), "tmp");
    let result = write_temp(&tmp, bytes, path).and_then(|()| {
        refresh_backup(path, &dir, &name.to_string_lossy());
        fs::rename(&tmp, path).map_err(|e| folder_error(path, &dir, e))
    });
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
        return result;
    }
    sync_dir(&dir);
    Ok(())
}

/// Where a write to `path` lands: the file a symbolic link (or a chain of them) names, even if
/// it does not exist yet; `path` itself when it is not a link.
pub fn through_links(path: &Path) -> Result<PathBuf, FormatError> {
    let mut at = path.to_path_buf();
    for _ in 0..40 {
        if !fs::symlink_metadata(&at).is_ok_and(|m| m.file_type().is_symlink()) {
            return Ok(at);
        }
        let to = fs::read_link(&at).map_err(|e| FormatError::io(&at, e))?;
        at = match at.parent() {
            Some(dir) if to.is_relative() => dir.join(to),
            _ => to,
        };
    }
    Err(FormatError::file(path, "is a loop of symbolic links"))
}

/// Temporary files older than this are stale even where we cannot ask whether their process
/// is alive.
const STALE_AGE: Duration = Duration::from_secs(3600);

/// Removes, once per folder and process, the temporary files crashed saves left in `dir`.
fn clean_folder_once(dir: &Path) {
    static CLEANED: OnceLock<Mutex<HashSet<PathBuf>>> = OnceLock::new();
    let first = CLEANED.get_or_init(Mutex::default).lock().map(|mut set| set.insert(dir.to_path_buf()));
    if first.unwrap_or(false) {
        remove_stale_temps(dir);
    }
}

/// Removes our own temporary files (exact name pattern) whose saving process is gone; returns
/// how many.
pub fn remove_stale_temps(dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(dir) else { return 0 };
    let mut removed = 0;
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(temp_pid) else { continue };
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if is_file
            && pid != std::process::id()
            && is_stale(&entry.path(), pid)
            && fs::remove_file(entry.path()).is_ok()
        {
            removed += 1;
        }
    }
    removed
}

/// The process id in a name of [`temp_name`]'s pattern: `.<name>.tmp-<pid>-<n>` or
/// `.<name>.bak-<pid>-<n>` (digits only).
fn temp_pid(name: &str) -> Option<u32> {
    let rest = name.strip_prefix('.')?;
    let (stem, tail) = rest.rsplit_once('-')?;
    let (stem, pid) = stem.rsplit_once('-')?;
    let kind_ok = stem.len() > 4 && (stem.ends_with(".tmp") || stem.ends_with(".bak"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (kind_ok && digits(tail) && digits(pid)).then(|| pid.parse().ok()).flatten()
}

/// True when the process that made a temporary file is gone (Linux: no `/proc/<pid>`), or,
/// where that cannot be asked, when the file is older than [`STALE_AGE`].
fn is_stale(path: &Path, pid: u32) -> bool {
    if Path::new("/proc/self").exists() {
        return !Path::new("/proc").join(pid.to_string()).exists();
    }
    let age = fs::metadata(path).and_then(|m| m.modified()).ok().and_then(|t| t.elapsed().ok());
    age.is_some_and(|a| a > STALE_AGE)
}

/// `.<name>.<kind>-<pid>-<n>` in `dir`: hidden, unique per process and call.
fn temp_name(dir: &Path, name: &str, kind: &str) -> PathBuf {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    dir.join(format!(".{name}.{kind}-{}-{n}", std::process::id()))
}

/// Creates the temporary file and flushes `bytes` to disk; copies the old file's permissions.
fn write_temp(tmp: &Path, bytes: &[u8], target: &Path) -> Result<(), FormatError> {
    let dir = tmp.parent().unwrap_or(Path::new("."));
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(tmp)
        .map_err(|e| folder_error(target, dir, e))?;
    file.write_all(bytes).map_err(|e| FormatError::io(target, e))?;
    if let Ok(meta) = fs::metadata(target) {
        // Keep the mode of the file being replaced (best effort).
        let _ = file.set_permissions(meta.permissions());
    }
    file.sync_all().map_err(|e| FormatError::io(target, e))
}

/// Makes `<path>.bak` the current version of `path`, atomically, if `path` exists.
///
/// The old file is hard-linked (or, where links are unsupported, copied and flushed) to a
/// temporary name which is then renamed over the backup, so the backup is never torn either.
fn refresh_backup(path: &Path, dir: &Path, name: &str) {
    if !fs::symlink_metadata(path).is_ok_and(|m| m.is_file()) {
        return;
    }
    let tmp = temp_name(dir, name, "bak");
    let made = fs::hard_link(path, &tmp).or_else(|_| {
        fs::copy(path, &tmp)?;
        File::open(&tmp)?.sync_all()
    });
    if made.and_then(|()| fs::rename(&tmp, backup_path(path))).is_err() {
        let _ = fs::remove_file(&tmp);
    }
}

/// An error creating or renaming a file in `dir`, worded so a person knows what to do.
fn folder_error(path: &Path, dir: &Path, err: io::Error) -> FormatError {
    let hint = match err.kind() {
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
            " (the folder is read-only: save the annotations elsewhere with Save As)"
        }
        _ => "",
    };
    let message = format!("cannot write in the folder {}: {err}{hint}", dir.display());
    FormatError::io(path, io::Error::new(err.kind(), message))
}

/// Flushes the folder entry so a completed rename survives a power cut.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leftovers(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("list")
            .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
            .collect();
        names.sort();
        names
    }

    #[test]
    fn writes_then_replaces_keeping_a_backup() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.txt.hashiya.ron");
        write_atomic(&path, b"one").expect("first save");
        assert_eq!(fs::read(&path).expect("read"), b"one");
        assert!(!backup_path(&path).exists(), "nothing to back up on the first save");
        write_atomic(&path, b"two").expect("second save");
        write_atomic(&path, b"three").expect("third save");
        assert_eq!(fs::read(&path).expect("read"), b"three");
        assert_eq!(fs::read(backup_path(&path)).expect("backup"), b"two");
        assert_eq!(leftovers(dir.path()), vec!["a.txt.hashiya.ron", "a.txt.hashiya.ron.bak"]);
    }

    #[test]
    fn a_failed_save_leaves_no_temp_file_and_the_old_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("x.ron");
        fs::create_dir(&path).expect("a folder where the file should go");
        assert!(write_atomic(&path, b"data").is_err());
        assert_eq!(leftovers(dir.path()), vec!["x.ron"]);
        assert!(write_atomic(&dir.path().join("missing/x.ron"), b"data").is_err());
    }

    #[test]
    fn stale_temporary_files_of_dead_saves_are_removed_and_nothing_else() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.txt.hashiya.ron");
        // Pid 4194304 is above Linux's largest pid (2^22), so never a live process.
        let dead = [".a.txt.hashiya.ron.tmp-4194304-0", ".a.txt.hashiya.ron.bak-4194304-17"];
        let mine = format!(".a.txt.hashiya.ron.tmp-{}-999", std::process::id());
        let others =
            ["a.txt.hashiya.ron.tmp-4194304-0", ".a.txt.tmp-x-1", ".b.tmp-4194304-", "notes.tmp", &mine];
        for name in dead.iter().chain(&others) {
            fs::write(dir.path().join(name), b"partial").expect("write");
        }
        if cfg!(target_os = "linux") {
            write_atomic(&path, b"saved").expect("save");
            let mut expected: Vec<String> = others.iter().map(|s| s.to_string()).collect();
            expected.push("a.txt.hashiya.ron".into());
            expected.sort();
            assert_eq!(leftovers(dir.path()), expected);
        }
        assert_eq!(temp_pid(".x.ron.tmp-12-3"), Some(12));
        assert_eq!(temp_pid(".x.ron.bak-12-3"), Some(12));
        assert_eq!(temp_pid(".x.ron.tmp-12-"), None);
        assert_eq!(temp_pid("x.ron.tmp-12-3"), None);
        assert_eq!(temp_pid(".x.ron.old-12-3"), None);
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_is_written_through_and_stays_a_link() {
        let dir = tempfile::tempdir().expect("temp dir");
        let real_dir = dir.path().join("store");
        fs::create_dir(&real_dir).expect("mkdir");
        let real = real_dir.join("a.ron");
        write_atomic(&real, b"one").expect("save");
        let link = dir.path().join("a.txt.hashiya.ron");
        std::os::unix::fs::symlink("store/a.ron", &link).expect("relative link");
        write_atomic(&link, b"two").expect("save through the link");
        assert!(fs::symlink_metadata(&link).expect("meta").file_type().is_symlink());
        assert_eq!(fs::read(&real).expect("read"), b"two");
        assert_eq!(fs::read(backup_path(&real)).expect("backup beside the real file"), b"one");
        assert!(!backup_path(&link).exists());
        // A chain of links and a dangling one: the file is made where the last link points.
        let chain = dir.path().join("chain.ron");
        std::os::unix::fs::symlink(&link, &chain).expect("link to a link");
        write_atomic(&chain, b"three").expect("save through two links");
        assert_eq!(fs::read(&real).expect("read"), b"three");
        let dangling = dir.path().join("new.ron");
        std::os::unix::fs::symlink(real_dir.join("new-target.ron"), &dangling).expect("dangling");
        write_atomic(&dangling, b"new").expect("save");
        assert_eq!(fs::read(real_dir.join("new-target.ron")).expect("created"), b"new");
        let looped = dir.path().join("loop.ron");
        std::os::unix::fs::symlink(&looped, &looped).expect("self link");
        assert!(write_atomic(&looped, b"x").is_err_and(|e| e.to_string().contains("loop")));
    }

    #[cfg(unix)]
    #[test]
    fn read_only_folder_names_the_file_and_says_so() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.ron");
        write_atomic(&path, b"old").expect("save");
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).expect("chmod");
        // Root ignores permissions: only assert when the folder really refuses writes.
        let probe = File::create(dir.path().join("probe"));
        let result = write_atomic(&path, b"new");
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).expect("chmod back");
        if probe.is_ok() {
            return;
        }
        let err = result.expect_err("read-only folder");
        let message = err.to_string();
        assert!(message.contains("a.ron") && message.contains("read-only"), "{message}");
        assert!(
            matches!(&err, FormatError::Io { source, .. } if source.kind() == io::ErrorKind::PermissionDenied)
        );
        assert_eq!(fs::read(&path).expect("read"), b"old");
    }
}
