//! Background work of the window: [`Job`] runs one computation on a thread of its own and is
//! polled once per frame, so no frame ever waits for it; the files here are the work itself
//! (pre-annotation, learning), handed plain data and returning plain results. What the window
//! does with a result is in `app/background.rs`.

pub mod learn;
pub mod order;
pub mod suggest;

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::editor::Notice;
use crate::model::Transaction;

/// What a job on many documents of the corpus reports, and per changed document (its path)
/// the transaction it applied there, to be undone when that document is opened.
pub type CorpusJobDone = (Notice, Vec<(PathBuf, Transaction)>);

/// What [`Job::poll`] found.
#[derive(Debug)]
pub enum Polled<T> {
    /// Still running.
    Running,
    /// Finished with this result.
    Done(T),
    /// The thread ended without a result (it panicked).
    Stopped,
}

/// One computation on a thread of its own; its result is taken once, by [`Job::poll`] or
/// [`Job::wait`]. Dropping the job leaves the thread to finish alone (its result is dropped).
#[derive(Debug)]
pub struct Job<T> {
    rx: Receiver<T>,
}

impl<T: Send + 'static> Job<T> {
    /// Runs `work` on a new thread named `name`.
    pub fn spawn(name: &str, work: impl FnOnce() -> T + Send + 'static) -> std::io::Result<Self> {
        Self::start(name, None, work)
    }

    /// Like [`Job::spawn`], and asks `ctx` for a frame when the result is in (for jobs that
    /// do not request frames while they run, like a native file dialog).
    pub fn spawn_waking(
        name: &str,
        ctx: &egui::Context,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> std::io::Result<Self> {
        Self::start(name, Some(ctx.clone()), work)
    }

    fn start(
        name: &str,
        wake: Option<egui::Context>,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> std::io::Result<Self> {
        let (tx, rx) = channel();
        std::thread::Builder::new().name(name.to_string()).spawn(move || {
            // Nobody may be waiting any more (the job was dropped): then the result goes too.
            let _ = tx.send(work());
            if let Some(ctx) = wake {
                ctx.request_repaint();
            }
        })?;
        Ok(Self { rx })
    }
}

impl<T> Job<T> {
    /// The result if it is in, without waiting.
    pub fn poll(&self) -> Polled<T> {
        match self.rx.try_recv() {
            Ok(result) => Polled::Done(result),
            Err(TryRecvError::Empty) => Polled::Running,
            Err(TryRecvError::Disconnected) => Polled::Stopped,
        }
    }

    /// Waits for the result (`None`: the thread ended without one).
    pub fn wait(self) -> Option<T> {
        self.rx.recv().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_hands_its_result_back_once() {
        let (go, gate) = channel::<()>();
        let job = Job::spawn("test-job", move || {
            let _ = gate.recv();
            6 * 7
        })
        .expect("spawns");
        assert!(matches!(job.poll(), Polled::Running));
        go.send(()).expect("sends");
        assert_eq!(job.wait(), Some(42));
    }

    #[test]
    fn a_job_that_panics_is_stopped() {
        let job: Job<u8> = Job::spawn("test-panic", || panic!("boom")).expect("spawns");
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        loop {
            match job.poll() {
                Polled::Stopped => break,
                Polled::Running if std::time::Instant::now() < deadline => std::thread::yield_now(),
                other => panic!("expected Stopped, got {other:?}"),
            }
        }
    }
}
