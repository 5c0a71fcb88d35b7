//! A pool of long-lived extraction workers.
//!
//! Starting a child process per file costs a few milliseconds, as much as
//! extracting a short report. A [`WorkerPool`] keeps workers (the `finsam`
//! binary's hidden `extract-worker` command) running and hands each file to
//! an idle one: the path goes to the worker's stdin, NUL-terminated (the
//! one byte a Unix path cannot hold), and the answer comes back as one line
//! of JSON. Workers start on demand, so there are as many as there are
//! threads extracting at once. A worker that overruns the timeout is killed;
//! one that dies (abort, memory limit, signal) costs only the file it was
//! on; either way the next file gets a fresh worker. A worker is also
//! replaced after [`FILES_PER_WORKER`] files, so memory a PDF library leaks
//! cannot pile up. Each worker leads a process group of its own, and a
//! worker is stopped with its whole group: the programs it runs for a file
//! (poppler, Tesseract) never outlive it.

use super::isolation::{PROGRESS, WorkerAnswer};
use std::io::{BufRead, BufReader, Write};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// Files one worker extracts before it is replaced by a fresh one.
const FILES_PER_WORKER: usize = 200;
/// A worker that keeps showing progress (a long scan read page by page by
/// OCR) may take this many timeouts in all, not more.
const MOST_TIMEOUTS: u32 = 15;

/// The worker program and the limits each file is extracted under.
#[derive(Debug, Clone)]
pub struct WorkerLimits {
    /// The `finsam` binary, run as `PROGRAM extract-worker --memory-mb N`.
    pub program: PathBuf,
    /// Longest time one file may take.
    pub timeout: Duration,
    /// Address-space limit of each worker, in MiB.
    pub memory_mb: u64,
}

/// Why a worker gave no answer for a file (the messages are the file's
/// reason in the run report).
#[derive(Debug, thiserror::Error)]
pub(crate) enum WorkerFault {
    /// The worker process could not be started.
    #[error("kan inte starta extraktionen: {0}")]
    Spawn(std::io::Error),
    /// The file took longer than the timeout; the worker was killed.
    #[error("extraktionen tog längre än {} s och avbröts", .0.as_secs())]
    TimedOut(Duration),
    /// The worker died on the file (crash, memory limit, signal).
    #[error("PDF-läsaren kraschade eller fick slut på minne ({0})")]
    Died(ExitStatus),
    /// The worker died and its exit status could not be read.
    #[error("PDF-läsaren försvann: {0}")]
    Lost(std::io::Error),
    /// The worker answered something that is not an answer.
    #[error("oläsligt svar från extraktionen: {0}")]
    BadAnswer(serde_json::Error),
}

/// Long-lived workers shared by the threads that extract; cloning shares them.
#[derive(Debug, Clone)]
pub struct WorkerPool {
    limits: WorkerLimits,
    idle: Arc<Mutex<Vec<Worker>>>,
}

impl WorkerPool {
    /// A pool that starts workers under `limits` as they are needed.
    pub fn new(limits: WorkerLimits) -> WorkerPool {
        WorkerPool {
            limits,
            idle: Arc::default(),
        }
    }

    /// Extracts `file` in an idle worker (or a new one) and returns its answer.
    pub(crate) fn extract(&self, file: &Path) -> Result<WorkerAnswer, WorkerFault> {
        let mut worker = self.checkout()?;
        // On a fault the worker is dropped here, which kills it.
        let answer = worker.extract(file, self.limits.timeout)?;
        if worker.served < FILES_PER_WORKER {
            self.idle_workers().push(worker);
        }
        Ok(answer)
    }

    /// An idle worker that is still alive, or a new one.
    fn checkout(&self) -> Result<Worker, WorkerFault> {
        let idle = self.idle_workers().pop();
        if let Some(mut worker) = idle
            && worker.is_alive()
        {
            return Ok(worker);
        }
        Worker::spawn(&self.limits)
    }

    fn idle_workers(&self) -> std::sync::MutexGuard<'_, Vec<Worker>> {
        // A thread that panicked while holding the lock left a valid Vec.
        self.idle.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// One running worker process.
#[derive(Debug)]
struct Worker {
    child: Child,
    stdin: ChildStdin,
    /// Answer lines, read from the worker's stdout by a thread of their own
    /// so that waiting for one can time out; closed when the worker exits.
    answers: Receiver<String>,
    /// Files handed to this worker so far.
    served: usize,
}

impl Worker {
    fn spawn(limits: &WorkerLimits) -> Result<Worker, WorkerFault> {
        let mut child = Command::new(&limits.program)
            .arg("extract-worker")
            .arg("--memory-mb")
            .arg(limits.memory_mb.to_string())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .map_err(WorkerFault::Spawn)?;
        let stdin = child.stdin.take().expect("stdin is piped");
        let stdout = BufReader::new(child.stdout.take().expect("stdout is piped"));
        let (send, answers) = mpsc::channel();
        std::thread::spawn(move || {
            for line in stdout.lines().map_while(Result::ok) {
                if send.send(line).is_err() {
                    break;
                }
            }
        });
        Ok(Worker {
            child,
            stdin,
            answers,
            served: 0,
        })
    }

    /// Sends `file` and waits for the answer: up to `timeout` from the
    /// request or from the worker's last sign of progress (a page read by
    /// OCR), and at most [`MOST_TIMEOUTS`] timeouts in all.
    fn extract(&mut self, file: &Path, timeout: Duration) -> Result<WorkerAnswer, WorkerFault> {
        self.served += 1;
        let request = [file.as_os_str().as_bytes(), b"\0"].concat();
        if self.stdin.write_all(&request).is_err() || self.stdin.flush().is_err() {
            return Err(self.exit_fault());
        }
        let started = Instant::now();
        let deadline = started + timeout * MOST_TIMEOUTS;
        loop {
            let wait = timeout.min(deadline.saturating_duration_since(Instant::now()));
            match self.answers.recv_timeout(wait) {
                Ok(line) if line == PROGRESS => continue,
                Ok(line) => return serde_json::from_str(&line).map_err(WorkerFault::BadAnswer),
                Err(RecvTimeoutError::Timeout) => {
                    return Err(WorkerFault::TimedOut(started.elapsed()));
                }
                Err(RecvTimeoutError::Disconnected) => return Err(self.exit_fault()),
            }
        }
    }

    fn is_alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// The fault of a worker whose stdout closed: its exit status. (It is
    /// killed first in case it closed stdout and lives on; killing a process
    /// that has exited leaves its status as it was.)
    fn exit_fault(&mut self) -> WorkerFault {
        self.kill();
        match self.child.wait() {
            Ok(status) => WorkerFault::Died(status),
            Err(e) => WorkerFault::Lost(e),
        }
    }

    /// Kills the worker and every process of its group.
    fn kill(&mut self) {
        if let Ok(pid) = i32::try_from(self.child.id()) {
            // SAFETY: kill(2) takes plain integers; a negative pid names the
            // process group the worker leads (it was spawned with
            // process_group(0)), which lives as long as any member does.
            unsafe { libc::kill(-pid, libc::SIGKILL) };
        }
        let _ = self.child.kill();
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.kill();
        let _ = self.child.wait();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A pool of fake workers: a shell script that reads NUL-terminated
    /// paths and runs `body` with the path in `$f`.
    fn fake_pool(dir: &Path, body: &str, timeout_ms: u64) -> WorkerPool {
        let script = dir.join("worker.sh");
        let text = format!("#!/bin/bash\nwhile IFS= read -r -d '' f; do\n{body}\ndone\n");
        std::fs::write(&script, text).unwrap();
        std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755))
            .unwrap();
        WorkerPool::new(WorkerLimits {
            program: script,
            timeout: Duration::from_millis(timeout_ms),
            memory_mb: 512,
        })
    }

    /// The fake workers' answer: `Failed("<pid> <path>")`.
    const ECHO_PID: &str = r#"echo "{\"failed\":\"$$ $f\"}""#;

    fn answer(pool: &WorkerPool, file: &str) -> Result<String, String> {
        match pool.extract(Path::new(file)) {
            Ok(WorkerAnswer::Failed(text)) => Ok(text),
            Ok(other) => Err(format!("unexpected {other:?}")),
            Err(fault) => Err(fault.to_string()),
        }
    }

    fn pid(answer: &str) -> &str {
        answer.split(' ').next().unwrap()
    }

    #[test]
    fn one_worker_serves_file_after_file() {
        let dir = tempfile::tempdir().unwrap();
        let pool = fake_pool(dir.path(), ECHO_PID, 5_000);
        let first = answer(&pool, "a.pdf").unwrap();
        let second = answer(&pool, "mapp med mellanslag/b.pdf").unwrap();
        assert!(second.ends_with(" mapp med mellanslag/b.pdf"), "{second}");
        assert_eq!(pid(&first), pid(&second));
    }

    #[test]
    fn a_crash_fails_only_its_file_and_a_fresh_worker_takes_the_next() {
        let dir = tempfile::tempdir().unwrap();
        let body = format!("[[ $f == *krasch* ]] && kill -ABRT $$\n{ECHO_PID}");
        let pool = fake_pool(dir.path(), &body, 5_000);
        let before = answer(&pool, "a.pdf").unwrap();
        let error = answer(&pool, "krasch.pdf").unwrap_err();
        assert!(
            error.contains("kraschade") && error.contains("SIGABRT"),
            "{error}"
        );
        let after = answer(&pool, "b.pdf").unwrap();
        assert_ne!(pid(&before), pid(&after));
    }

    #[test]
    fn a_worker_that_hangs_is_stopped_at_the_timeout_and_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let body = format!("[[ $f == *slinga* ]] && sleep 30\n{ECHO_PID}");
        let pool = fake_pool(dir.path(), &body, 300);
        let started = Instant::now();
        let error = answer(&pool, "slinga.pdf").unwrap_err();
        assert!(error.contains("avbröts"), "{error}");
        assert!(started.elapsed() < Duration::from_secs(10));
        assert!(answer(&pool, "b.pdf").is_ok());
    }

    #[test]
    fn a_worker_that_shows_progress_may_take_longer_than_the_timeout_but_not_forever() {
        let dir = tempfile::tempdir().unwrap();
        let body = format!(
            "if [[ $f == *skanning* ]]; then for i in 1 2 3 4 5 6; do sleep 0.1; echo +; done; fi\n\
             [[ $f == *evig* ]] && while true; do sleep 0.05; echo +; done\n{ECHO_PID}"
        );
        let pool = fake_pool(dir.path(), &body, 250);
        let started = Instant::now();
        assert!(answer(&pool, "skanning.pdf").is_ok());
        assert!(started.elapsed() > Duration::from_millis(500));
        let started = Instant::now();
        let error = answer(&pool, "evig.pdf").unwrap_err();
        assert!(error.contains("avbröts"), "{error}");
        let took = started.elapsed();
        assert!(
            took >= Duration::from_millis(250) * MOST_TIMEOUTS && took < Duration::from_secs(30),
            "{took:?}"
        );
    }

    #[test]
    fn what_a_hung_worker_started_is_stopped_with_it() {
        let dir = tempfile::tempdir().unwrap();
        let pids = dir.path().join("barn.pid");
        let body = format!("sleep 30 &\necho $! > {}\nwait", pids.display());
        let pool = fake_pool(dir.path(), &body, 300);
        assert!(answer(&pool, "slinga.pdf").unwrap_err().contains("avbröts"));
        let child = std::fs::read_to_string(&pids).unwrap();
        let stat = Path::new("/proc").join(child.trim()).join("stat");
        // Gone, or a zombie waiting to be reaped, once the signal is delivered.
        let gone = || {
            let state = std::fs::read_to_string(&stat).unwrap_or_default();
            state.is_empty() || state.contains(") Z")
        };
        let started = Instant::now();
        while !gone() && started.elapsed() < Duration::from_secs(5) {
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(gone(), "{:?}", std::fs::read_to_string(&stat));
    }

    #[test]
    fn a_worker_that_cannot_run_is_a_failure_not_a_crash() {
        let pool = WorkerPool::new(WorkerLimits {
            program: PathBuf::from("/bin/false"),
            timeout: Duration::from_secs(5),
            memory_mb: 512,
        });
        let error = pool.extract(Path::new("x.pdf")).unwrap_err().to_string();
        assert!(error.contains("kraschade"), "{error}");
    }

    #[test]
    fn a_worker_is_replaced_after_its_quota() {
        let dir = tempfile::tempdir().unwrap();
        let pool = fake_pool(dir.path(), ECHO_PID, 5_000);
        let pids: Vec<String> = (0..=FILES_PER_WORKER)
            .map(|i| pid(&answer(&pool, &format!("{i}.pdf")).unwrap()).to_string())
            .collect();
        assert_eq!(pids[0], pids[FILES_PER_WORKER - 1]);
        assert_ne!(pids[0], pids[FILES_PER_WORKER]);
    }
}
