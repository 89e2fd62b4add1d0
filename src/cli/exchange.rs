//! `hashiya export` and `hashiya import`.

use std::process::ExitCode;

use super::{ExportArgs, ImportArgs};

/// Exports an article's annotations.
pub fn export(_args: &ExportArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("export: not implemented yet")
}

/// Imports documents.
pub fn import(_args: &ImportArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("import: not implemented yet")
}
