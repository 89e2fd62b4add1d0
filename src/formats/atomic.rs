//! Atomic file replacement: a crash or kill at any instant leaves either the complete old file
//! or the complete new one, never a torn mix, and the previous version is kept as `<file>.bak`.
//!
//! The sequence is: write a uniquely named temporary file in the target's folder, flush it to
//! disk (`sync_all`), link the current file to a temporary backup name and rename that over
//! `<file>.bak`, rename the new temporary over the target, then flush the folder so the rename
//! itself survives a power cut (best effort; Unix only).

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

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
    let name =
        path.file_name().ok_or_else(|| FormatError::file(path, "is not a file name that can be written"))?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
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
