//! The bundled sample article, opened when the window starts without an argument.

use std::path::PathBuf;

/// The bundled sample article (written for this project).
pub const SAMPLE_ARTICLE: &str = include_str!("../../assets/sample-article.txt");

/// Writes the bundled sample into the user's data folder (once) and returns its path, so it
/// opens and saves like any article.
pub fn sample_path() -> std::io::Result<PathBuf> {
    let dir = crate::about::data_dir();
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("sample-article.txt");
    if std::fs::read_to_string(&path).ok().as_deref() != Some(SAMPLE_ARTICLE) {
        std::fs::write(&path, SAMPLE_ARTICLE)?;
    }
    Ok(path)
}
