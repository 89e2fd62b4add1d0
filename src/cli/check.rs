//! `hashiya validate` and `hashiya stats`.

use std::path::Path;
use std::process::ExitCode;

/// Checks a file; prints problems; non-zero exit on any.
pub fn validate(_file: &Path) -> anyhow::Result<ExitCode> {
    anyhow::bail!("validate: not implemented yet")
}

/// Prints entity counts per label.
pub fn stats(_file: &Path) -> anyhow::Result<ExitCode> {
    anyhow::bail!("stats: not implemented yet")
}
