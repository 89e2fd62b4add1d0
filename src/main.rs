//! The `hashiya` binary: parses the command line and hands over to the library.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = hashiya::cli::Cli::parse();
    match cli.command {
        Some(command) => hashiya::cli::run(command),
        None => match hashiya::app::run(cli.file) {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => {
                eprintln!("hashiya: {err:#}");
                ExitCode::FAILURE
            }
        },
    }
}
