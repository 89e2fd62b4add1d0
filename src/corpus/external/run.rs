//! Running the user's model command for one batch: `sh -c CMD` in a process group of its own,
//! the request lines written to its stdin from a thread while stdout and stderr are read on
//! two others (so neither side can block the other however large the batch), within a time
//! limit after which the whole group is killed. Only the tail of stderr is kept, to show why a
//! command failed.

use std::io::{Read, Write};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use thiserror::Error;

/// How much of stderr is kept (the end of it).
const STDERR_TAIL: usize = 4096;

/// Lines of stderr shown when a command fails.
const STDERR_LINES: usize = 12;

/// Why a batch got no answer.
#[derive(Debug, Error)]
pub enum RunError {
    /// `sh` could not be started.
    #[error("could not be started: {0}")]
    Spawn(#[source] std::io::Error),
    /// The command exited with a failure.
    #[error("{status}{}", stderr_tail(.stderr))]
    Failed {
        /// `exited with status 3`, `was killed by signal 9`.
        status: String,
        /// The end of what it wrote to stderr.
        stderr: String,
    },
    /// It ran past the time limit; its process group was killed.
    #[error("did not finish within {} s: stopped, with every process it started{}", .0.as_secs_f32(), stderr_tail(.1))]
    TimedOut(Duration, String),
    /// It exited but something it started still holds its output open past the time limit.
    #[error(
        "exited, but a process it started kept its output open past the time limit: stopped{}",
        stderr_tail(.0)
    )]
    Lingering(String),
    /// Its output is not UTF-8.
    #[error("wrote output that is not UTF-8 (at byte {0})")]
    NotUtf8(usize),
    /// Waiting for it or reading its output failed.
    #[error("could not be read: {0}")]
    Io(#[source] std::io::Error),
}

/// `; its stderr ends with:\n  …` (indented lines), or nothing.
fn stderr_tail(stderr: &str) -> String {
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    if lines.is_empty() {
        return String::new();
    }
    let tail = &lines[lines.len().saturating_sub(STDERR_LINES)..];
    format!("; its stderr ends with:\n    {}", tail.join("\n    "))
}

/// What the reading threads send back.
enum Piped {
    Stdout(std::io::Result<Vec<u8>>),
    Stderr(Vec<u8>),
}

/// Runs `sh -c command` with `input` on its stdin and returns its stdout, failing if it exits
/// with a failure, writes non-UTF-8, or runs longer than `timeout`.
pub fn run_batch(command: &str, input: String, timeout: Duration) -> Result<String, RunError> {
    let deadline = Instant::now() + timeout;
    let mut cmd = Command::new("sh");
    cmd.arg("-c").arg(command).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
    let mut child = cmd.spawn().map_err(RunError::Spawn)?;
    let rx = pipe_threads(&mut child, input);
    let status = match wait_until(&mut child, deadline)? {
        Some(status) => status,
        None => {
            kill_group(&mut child);
            let stderr = collect(&rx, Instant::now() + Duration::from_secs(1)).1;
            return Err(RunError::TimedOut(timeout, lossy(&stderr)));
        }
    };
    let (stdout, stderr) = collect(&rx, deadline);
    let Some(stdout) = stdout else {
        kill_group(&mut child);
        return Err(RunError::Lingering(lossy(&stderr)));
    };
    let stdout = stdout.map_err(RunError::Io)?;
    if !status.success() {
        return Err(RunError::Failed { status: describe(status), stderr: lossy(&stderr) });
    }
    String::from_utf8(stdout).map_err(|e| RunError::NotUtf8(e.utf8_error().valid_up_to()))
}

/// Starts the threads that write stdin and read stdout and stderr; the readers report on the
/// returned channel.
fn pipe_threads(child: &mut Child, input: String) -> mpsc::Receiver<Piped> {
    if let Some(mut stdin) = child.stdin.take() {
        // A command that stops reading makes the write fail (broken pipe): its answer, or its
        // exit status, says what happened.
        thread::spawn(move || {
            let _ = stdin.write_all(input.as_bytes());
        });
    }
    let (tx, rx) = mpsc::channel();
    if let Some(mut stdout) = child.stdout.take() {
        let tx = tx.clone();
        thread::spawn(move || {
            let mut buf = Vec::new();
            let read = stdout.read_to_end(&mut buf).map(|_| buf);
            let _ = tx.send(Piped::Stdout(read));
        });
    }
    if let Some(mut stderr) = child.stderr.take() {
        thread::spawn(move || {
            let mut tail = Vec::new();
            let mut chunk = [0u8; 8192];
            while let Ok(n) = stderr.read(&mut chunk) {
                if n == 0 {
                    break;
                }
                tail.extend_from_slice(&chunk[..n]);
                if tail.len() > 2 * STDERR_TAIL {
                    tail.drain(..tail.len() - STDERR_TAIL);
                }
            }
            let _ = tx.send(Piped::Stderr(tail));
        });
    }
    rx
}

/// Waits for the child to exit until `deadline` (`None`: still running).
fn wait_until(child: &mut Child, deadline: Instant) -> Result<Option<ExitStatus>, RunError> {
    let mut pause = Duration::from_millis(1);
    loop {
        if let Some(status) = child.try_wait().map_err(RunError::Io)? {
            return Ok(Some(status));
        }
        let now = Instant::now();
        if now >= deadline {
            return Ok(None);
        }
        thread::sleep(pause.min(deadline - now));
        pause = (pause * 2).min(Duration::from_millis(20));
    }
}

/// Stdout (`None` if it did not arrive by `deadline`) and the stderr tail received by then.
fn collect(rx: &mpsc::Receiver<Piped>, deadline: Instant) -> (Option<std::io::Result<Vec<u8>>>, Vec<u8>) {
    let (mut stdout, mut stderr, mut stderr_done) = (None, Vec::new(), false);
    while stdout.is_none() || !stderr_done {
        match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok(Piped::Stdout(out)) => stdout = Some(out),
            Ok(Piped::Stderr(tail)) => (stderr, stderr_done) = (tail, true),
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => break,
        }
    }
    (stdout, stderr)
}

/// Kills the child's whole process group (what `sh` started too), then reaps the child.
fn kill_group(child: &mut Child) {
    #[cfg(unix)]
    {
        let pid = rustix::process::Pid::from_child(child);
        let _ = rustix::process::kill_process_group(pid, rustix::process::Signal::KILL);
    }
    let _ = child.kill();
    let _ = child.wait();
}

fn describe(status: ExitStatus) -> String {
    #[cfg(unix)]
    if let Some(signal) = std::os::unix::process::ExitStatusExt::signal(&status) {
        return format!("was killed by signal {signal}");
    }
    match status.code() {
        Some(code) => format!("exited with status {code}"),
        None => format!("ended with {status}"),
    }
}

fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_batch_goes_through_without_deadlock() {
        let input = "س".repeat(3_000_000) + "\n";
        let out = run_batch("cat", input.clone(), Duration::from_secs(60)).expect("cat echoes");
        assert_eq!(out, input, "6 MB in and out through pipes of 64 KB");
    }

    #[test]
    fn failures_say_why_with_the_end_of_stderr() {
        let err = run_batch("echo one >&2; echo two >&2; exit 3", String::new(), Duration::from_secs(10))
            .expect_err("fails")
            .to_string();
        assert_eq!(err, "exited with status 3; its stderr ends with:\n    one\n    two");
        let err = run_batch("printf '\\377'", String::new(), Duration::from_secs(10)).expect_err("bytes");
        assert_eq!(err.to_string(), "wrote output that is not UTF-8 (at byte 0)");
    }

    #[test]
    fn a_hanging_command_and_what_it_started_are_killed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let marker = dir.path().join("still-running");
        // The child sleeps in the background then would write the marker: killing only `sh`
        // would leave it running.
        let cmd = format!("(sleep 2; touch '{}') & sleep 30", marker.display());
        let started = Instant::now();
        let err = run_batch(&cmd, String::new(), Duration::from_millis(300)).expect_err("times out");
        assert!(matches!(err, RunError::TimedOut(..)), "{err}");
        assert!(started.elapsed() < Duration::from_secs(5), "{:?}", started.elapsed());
        thread::sleep(Duration::from_millis(2500));
        assert!(!marker.exists(), "the background child was killed with its group");
    }
}
