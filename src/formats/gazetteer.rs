//! Reading a gazetteer file (`name<TAB>LABEL` or `name,LABEL` per line, UTF-8): malformed
//! lines become `path:line: reason` warnings and the rest loads.

use std::path::Path;

use super::{FormatError, utf8_text};
use crate::search::Gazetteer;

/// Gazetteer files larger than this are refused without reading them (256 MiB).
const MAX_BYTES: u64 = 256 * 1024 * 1024;

/// Reads and compiles a gazetteer file; returns it with one warning per malformed line.
pub fn read_gazetteer(path: &Path) -> Result<(Gazetteer, Vec<String>), FormatError> {
    let size = std::fs::metadata(path).map_err(|e| FormatError::io(path, e))?.len();
    if size > MAX_BYTES {
        return Err(FormatError::file(
            path,
            format!("is {size} bytes; gazetteers over 256 MiB are not read"),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| FormatError::io(path, e))?;
    let text = utf8_text(path, bytes, "not UTF-8 from here on; save the gazetteer as UTF-8")?;
    let (gazetteer, problems) = Gazetteer::parse(&text);
    let gazetteer = gazetteer.map_err(|e| FormatError::file(path, e.to_string()))?;
    let warnings = problems.iter().map(|p| format!("{}:{}: {}", path.display(), p.line, p.message)).collect();
    if gazetteer.is_empty() {
        return Err(FormatError::file(path, "holds no names (expected name<TAB>LABEL or name,LABEL lines)"));
    }
    Ok((gazetteer, warnings))
}
