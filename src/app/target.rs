//! What opening a path means, for the command line's FILE, a file manager (through the desktop
//! entry), File > Open… and a dropped file: an article; a corpus folder, also through its
//! `hashiya-corpus.ron`; or an annotation file's article, which must be beside it.

use std::path::{Path, PathBuf};

use crate::corpus::settings::CORPUS_FILE;
use crate::formats::store;

/// What opening a path means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenTarget {
    /// An article (any other file).
    Article(PathBuf),
    /// A corpus folder: a folder, or the folder of a `hashiya-corpus.ron`.
    Folder(PathBuf),
    /// An annotation file whose article is not beside it: nothing can be opened.
    MissingArticle {
        /// The annotation file given.
        annotations: PathBuf,
        /// Where its article should be.
        article: PathBuf,
    },
}

impl OpenTarget {
    /// What is said in the window when nothing could be opened.
    pub fn missing_text(annotations: &Path, article: &Path) -> String {
        crate::t!("open-missing-article", annotations = annotations.display(), article = article.display())
    }
}

/// What opening `path` opens.
pub fn open_target(path: &Path) -> OpenTarget {
    if path.is_dir() {
        return OpenTarget::Folder(path.to_path_buf());
    }
    if path.file_name().is_some_and(|n| n == CORPUS_FILE) {
        let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        return OpenTarget::Folder(dir.to_path_buf());
    }
    match store::article_path(path) {
        Some(article) if article.is_file() => OpenTarget::Article(article),
        Some(article) => OpenTarget::MissingArticle { annotations: path.to_path_buf(), article },
        None => OpenTarget::Article(path.to_path_buf()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotation_and_corpus_files_open_what_they_belong_to() {
        let dir = tempfile::tempdir().expect("tempdir");
        let article = dir.path().join("a.txt");
        std::fs::write(&article, "نص").expect("article");
        let ann = store::annotation_path(&article);
        assert_eq!(open_target(&article), OpenTarget::Article(article.clone()));
        assert_eq!(open_target(&ann), OpenTarget::Article(article.clone()));
        assert_eq!(open_target(dir.path()), OpenTarget::Folder(dir.path().to_path_buf()));
        let corpus = dir.path().join(CORPUS_FILE);
        assert_eq!(open_target(&corpus), OpenTarget::Folder(dir.path().to_path_buf()));
        assert_eq!(open_target(Path::new(CORPUS_FILE)), OpenTarget::Folder(PathBuf::from(".")));
        let gone = dir.path().join("gone.txt.hashiya.ron");
        let want =
            OpenTarget::MissingArticle { annotations: gone.clone(), article: dir.path().join("gone.txt") };
        assert_eq!(open_target(&gone), want);
    }
}
