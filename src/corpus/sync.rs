//! The corpus file shared with other programs: the window holds a corpus open for hours while
//! `hashiya labels` or `hashiya init` may change its file. [`Corpus::update`] changes the file
//! as it is on disk now (read again, changed, written atomically), so a change made elsewhere
//! is never written over with what was read earlier; [`Corpus::reload`] takes in a change made
//! elsewhere (the window looks every few seconds).

use std::path::Path;
use std::time::SystemTime;

use super::{Corpus, CorpusError, FileState, Settings};
use crate::formats::FormatError;

/// The file's modification time (`None`: it does not exist or cannot be read).
pub(super) fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

impl Corpus {
    /// Changes the corpus file as it is on disk now: reads it again (the settings held here
    /// when there is none yet), applies `change`, writes it atomically and keeps the result.
    /// Nothing is written when `change` fails, or when the file is broken (then or now).
    pub fn update<T, E: From<CorpusError>>(
        &mut self,
        change: impl FnOnce(&mut Settings) -> Result<T, E>,
    ) -> Result<T, E> {
        if self.file_state == FileState::Broken {
            return Err(CorpusError::FileBroken(self.file_path()).into());
        }
        let path = self.file_path();
        let mut settings = match Settings::read(&path) {
            Ok(s) => s,
            Err(FormatError::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
                self.settings.clone()
            }
            Err(e) => return Err(CorpusError::Format(e).into()),
        };
        let out = change(&mut settings)?;
        settings.write(&path).map_err(CorpusError::Format)?;
        let relist = settings.extensions != self.settings.extensions;
        self.settings = settings;
        self.file_state = FileState::Loaded;
        self.modified = modified(&path);
        if relist {
            self.relist();
        }
        Ok(out)
    }

    /// Reads the corpus file again if it changed on disk since it was read or written here;
    /// true when its settings differ from those held. A file that cannot be read now is an
    /// error, and the settings held are kept.
    pub fn reload(&mut self) -> Result<bool, CorpusError> {
        let path = self.file_path();
        let now = modified(&path);
        if now == self.modified || now.is_none() {
            return Ok(false);
        }
        self.modified = now;
        let settings = Settings::read(&path)?;
        self.file_state = FileState::Loaded;
        self.problems.retain(|p| p.kind != super::ProblemKind::CorpusFile);
        if settings == self.settings {
            return Ok(false);
        }
        let relist = settings.extensions != self.settings.extensions;
        self.settings = settings;
        if relist {
            self.relist();
        }
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_update_keeps_what_another_program_wrote_and_reload_takes_it_in() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        Settings::default().write(&root.join(super::super::CORPUS_FILE)).expect("writes");
        let mut corpus = Corpus::open(root).expect("opens");
        // Another program switches the starter off meanwhile.
        let mut other = Settings::read(&corpus.file_path()).expect("reads");
        other.learning.starter = false;
        other.write(&corpus.file_path()).expect("writes");
        corpus
            .update(|s| {
                s.labels.ensure("NORP");
                Ok::<(), CorpusError>(())
            })
            .expect("updates");
        let now = Settings::read(&corpus.file_path()).expect("reads");
        assert!(!now.learning.starter, "the other program's change is kept");
        assert!(now.labels.by_name("NORP").is_some());
        assert_eq!(corpus.settings(), &now);
        assert!(!corpus.reload().expect("reloads"), "nothing changed since our own write");
        // A later change elsewhere is taken in (a different modification time is forced).
        other = now.clone();
        other.learning.starter = true;
        other.write(&corpus.file_path()).expect("writes");
        corpus.modified = Some(SystemTime::UNIX_EPOCH);
        assert!(corpus.reload().expect("reloads"));
        assert!(corpus.settings().learning.starter);
        // A failed change writes nothing.
        let before = std::fs::read(corpus.file_path()).expect("reads");
        let failed = corpus.update(|_| Err::<(), CorpusError>(CorpusError::NotAFolder(root.into())));
        assert!(failed.is_err());
        assert_eq!(std::fs::read(corpus.file_path()).expect("reads"), before);
        // A file broken meanwhile is not written over.
        std::fs::write(corpus.file_path(), "(version: 1").expect("breaks");
        let refused = corpus.update(|_| Ok::<(), CorpusError>(()));
        assert!(matches!(refused, Err(CorpusError::Format(_))), "{refused:?}");
        assert_eq!(std::fs::read_to_string(corpus.file_path()).expect("reads"), "(version: 1");
        corpus.modified = None;
        assert!(corpus.reload().is_err(), "a broken file is an error; the settings are kept");
        assert!(corpus.settings().learning.starter);
    }
}
