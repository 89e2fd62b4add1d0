//! Reading annotation-file text into the raw types: the fast reader first, then `ron` as the
//! fallback. The fast reader ([`super::fast`]) accepts only the exact layout
//! [`super::write`] produces (a strict subset of RON) and gives up on anything else; `ron` then
//! parses any RON layout and reports syntax errors with their position. `ron` alone needs
//! ~330 ms for 100k entities in release; the fast reader about a tenth of that.

use std::path::Path;

use super::fast::Fast;
use super::locate::probe_version;
use super::raw::RawFile;
use crate::formats::{FormatError, Location};

/// Parses the file: the fast reader, else `ron` with its positioned syntax errors; a file
/// that names another format version gets a version error instead of a syntax error.
pub(super) fn parse<'a>(path: &Path, src: &'a str, supported: u64) -> Result<RawFile<'a>, FormatError> {
    if let Some(raw) = Fast::new(src).file() {
        return Ok(raw);
    }
    parse_with_ron(src).map_err(|err| {
        if let Some((version, at)) = probe_version(src)
            && version != supported
        {
            return FormatError::at(Location::of_byte(path, src, at), version_message(version, supported));
        }
        let mut blank = Fast::new(src);
        blank.ws();
        if blank.i == src.len() {
            return FormatError::file(path, "is empty: it holds no annotations");
        }
        let at = Location::new(path, err.span.start.line, err.span.start.col);
        FormatError::at(at, format!("{} (not a valid Hashiya annotation file)", err.code))
    })
}

/// The message for an unsupported `version`.
pub(super) fn version_message(version: u64, supported: u64) -> String {
    format!(
        "annotation format version {version} is not supported: this Hashiya reads version {supported} only{}",
        if version > supported { " (the file was written by a newer Hashiya)" } else { "" }
    )
}

/// The fallback: `ron` reads any layout (comments, field order, trailing commas, …).
pub(super) fn parse_with_ron(src: &str) -> Result<RawFile<'_>, ron::error::SpannedError> {
    ron::Options::default().from_str(src)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The fast reader never accepts what ron rejects, and agrees with ron when it accepts.
        #[test]
        fn fast_reader_agrees_with_ron(src in "\\(version: ?[0-9]{1,3}, article: \\(name: \"a\", chars: [0-9]{1,2}, sha256: \"x\"\\), annotator: \"u\", created: \"c\", modified: \"m\"(, status: \"(done|x)\")?, labels: \\[\\(id: 1, name: \"P\", color: \"#000000\"(, hotkey: (None|Some\\('1'\\)))?\\)\\], entities: \\[(\\(id: [0-9]{1,2}, start: [0-9]{1,2}, end: [0-9], label: \"P\", text: \"[a-z\\\\\"]{0,3}\"(, before: \"\")?\\),? ?){0,3}\\], orphans: \\[\\], tokens: (None|Some\\(\\[(\\([0-9], [0-9]\\), ?){0,3}\\]\\)),?\\) ?(// c)?") {
            let fast = Fast::new(&src).file();
            let slow = parse_with_ron(&src).ok();
            if let Some(f) = fast {
                prop_assert_eq!(Some(f), slow);
            }
        }
    }
}
