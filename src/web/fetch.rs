//! A small pool of worker threads for HTTP jobs: at most `max_requests` run at
//! once, and at most `per_host` against any one host, so a fetch of many
//! subscriptions is quick without hammering any server.
//!
//! Jobs are queued with their host; a worker takes the oldest job whose host
//! has a free slot. Results come back on a channel in completion order.
//! Dropping the pool lets running jobs finish and drops the queued ones.

use std::collections::{HashMap, VecDeque};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;

/// How many requests run at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub max_requests: usize,
    pub per_host: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_requests: 8,
            per_host: 2,
        }
    }
}

struct State<J> {
    queue: VecDeque<(String, J)>,
    running: HashMap<String, usize>,
    stopping: bool,
}

struct Shared<J> {
    state: Mutex<State<J>>,
    wake: Condvar,
}

impl<J> Shared<J> {
    fn lock(&self) -> MutexGuard<'_, State<J>> {
        // A worker that panicked mid-job leaves consistent state behind (the
        // queue is only touched under the lock, never across a job).
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The pool: submit jobs, receive results.
pub struct Pool<J, R> {
    shared: Arc<Shared<J>>,
    results: Receiver<R>,
    workers: Vec<JoinHandle<()>>,
}

impl<J: Send + 'static, R: Send + 'static> Pool<J, R> {
    /// Starts `limits.max_requests` workers running `run` on each job.
    pub fn new(limits: Limits, run: impl Fn(J) -> R + Send + Sync + 'static) -> Self {
        let shared = Arc::new(Shared {
            state: Mutex::new(State {
                queue: VecDeque::new(),
                running: HashMap::new(),
                stopping: false,
            }),
            wake: Condvar::new(),
        });
        let (tx, results) = mpsc::channel();
        let run = Arc::new(run);
        let per_host = limits.per_host.max(1);
        let workers = (0..limits.max_requests.max(1))
            .filter_map(|n| {
                let shared = shared.clone();
                let tx: Sender<R> = tx.clone();
                let run = run.clone();
                std::thread::Builder::new()
                    .name(format!("newsreader-fetch-{n}"))
                    .spawn(move || work(&shared, per_host, &tx, &*run))
                    .ok()
            })
            .collect();
        Self {
            shared,
            results,
            workers,
        }
    }

    /// Queues a job against `host`.
    pub fn submit(&self, host: &str, job: J) {
        self.shared.lock().queue.push_back((host.to_string(), job));
        self.shared.wake.notify_one();
    }

    /// Waits for the next result; None once every worker is gone (they only
    /// leave when the pool is dropped, or if none could be started).
    pub fn recv(&self) -> Option<R> {
        if self.workers.is_empty() {
            return None;
        }
        self.results.recv().ok()
    }
}

impl<J, R> Drop for Pool<J, R> {
    fn drop(&mut self) {
        {
            let mut state = self.shared.lock();
            state.stopping = true;
            state.queue.clear();
        }
        self.shared.wake.notify_all();
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
    }
}

fn work<J, R>(shared: &Shared<J>, per_host: usize, tx: &Sender<R>, run: &dyn Fn(J) -> R) {
    let mut state = shared.lock();
    loop {
        if state.stopping {
            return;
        }
        let free = state
            .queue
            .iter()
            .position(|(host, _)| state.running.get(host).copied().unwrap_or(0) < per_host);
        let Some(index) = free else {
            state = shared.wake.wait(state).unwrap_or_else(|p| p.into_inner());
            continue;
        };
        let Some((host, job)) = state.queue.remove(index) else {
            continue;
        };
        *state.running.entry(host.clone()).or_default() += 1;
        drop(state);
        let result = run(job);
        let sent = tx.send(result).is_ok();
        state = shared.lock();
        if let Some(count) = state.running.get_mut(&host) {
            *count -= 1;
            if *count == 0 {
                state.running.remove(&host);
            }
        }
        // A slot on this host is free: a waiting job may take it.
        shared.wake.notify_all();
        if !sent {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    #[test]
    fn never_more_than_the_limits_at_once() {
        let limits = Limits {
            max_requests: 4,
            per_host: 2,
        };
        let running: Arc<Mutex<HashMap<String, usize>>> = Arc::default();
        let peak_total = Arc::new(AtomicUsize::new(0));
        let peak_host = Arc::new(AtomicUsize::new(0));
        let pool = {
            let (running, peak_total, peak_host) =
                (running.clone(), peak_total.clone(), peak_host.clone());
            Pool::new(limits, move |host: String| {
                {
                    let mut map = running.lock().unwrap();
                    *map.entry(host.clone()).or_default() += 1;
                    peak_total.fetch_max(map.values().sum(), Ordering::SeqCst);
                    peak_host.fetch_max(map[&host], Ordering::SeqCst);
                }
                std::thread::sleep(Duration::from_millis(15));
                *running.lock().unwrap().get_mut(&host).unwrap() -= 1;
                host
            })
        };
        let hosts = ["a", "a", "a", "a", "a", "b", "b", "b", "c", "d", "e", "f"];
        for host in hosts {
            pool.submit(host, host.to_string());
        }
        let mut done: Vec<String> = (0..hosts.len()).filter_map(|_| pool.recv()).collect();
        done.sort();
        let mut expected: Vec<String> = hosts.iter().map(|h| h.to_string()).collect();
        expected.sort();
        assert_eq!(done, expected);
        assert!(peak_total.load(Ordering::SeqCst) <= 4);
        assert!(peak_host.load(Ordering::SeqCst) <= 2);
    }
}
