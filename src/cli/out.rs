//! The subcommands' standard output. `println!` panics when the reader has gone
//! (`hashiya stats DIR | head`); here a closed pipe ends the command quietly with success, as
//! other Unix tools do, and any other failure to write (a full disk under `> file`) is said on
//! stderr with exit status 1. Everything a subcommand writes to a file is already complete
//! (atomic writes) before it prints, so ending here loses nothing.

use std::fmt;
use std::io::{ErrorKind, Write as _};

/// `println!` for the subcommands.
macro_rules! outln {
    () => { $crate::cli::out::write(format_args!("\n")) };
    ($($arg:tt)*) => { $crate::cli::out::write(format_args!("{}\n", format_args!($($arg)*))) };
}

/// `print!` for the subcommands.
macro_rules! out {
    ($($arg:tt)*) => { $crate::cli::out::write(format_args!($($arg)*)) };
}

/// Writes `args` to stdout; a closed pipe exits 0, another error exits 1 saying why.
pub(crate) fn write(args: fmt::Arguments<'_>) {
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout.write_fmt(args) {
        exit_on(&e);
    }
}

/// Ends the process after a failed write to stdout.
fn exit_on(e: &std::io::Error) -> ! {
    if e.kind() == ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    eprintln!("hashiya: writing to stdout: {e}");
    std::process::exit(1)
}
