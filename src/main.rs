//! The `hashiya` binary: parses the command line and hands over to the library.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = hashiya::cli::Cli::parse();
    match cli.command {
        Some(command) => hashiya::cli::run(command),
        None => window(cli.file),
    }
}

/// No subcommand: the window on `file` (or the bundled sample).
#[cfg(feature = "gui")]
fn window(file: Option<std::path::PathBuf>) -> ExitCode {
    match hashiya::app::run(file) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("hashiya: {err:#}");
            ExitCode::FAILURE
        }
    }
}

/// No subcommand in a build without the window (`--no-default-features`).
#[cfg(not(feature = "gui"))]
fn window(_file: Option<std::path::PathBuf>) -> ExitCode {
    eprintln!(
        "hashiya: this build has no window (built without the `gui` feature); \
         use a subcommand (hashiya --help)"
    );
    ExitCode::from(2)
}
