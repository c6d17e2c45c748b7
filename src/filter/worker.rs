//! A background filter thread for the reader: the UI thread sends headlines and
//! queries and never waits; answers come back on a channel (or through a
//! callback that forwards them, e.g. as `Action::FilterResults`).
//!
//! Requests are coalesced: the worker applies every pending request and then runs
//! only the newest query. Each query gets a generation number; sending a newer
//! one bumps a shared counter, and a search in progress stops at its next chunk.
//! Headlines added while a query is active re-run it incrementally (only the new
//! headlines are searched), so results grow as the library streams in.
//!
//! Wiring it to the streaming loader and a UI loop:
//!
//! ```no_run
//! use std::sync::mpsc;
//! use newsreader::filter::{FilterResponse, FilterWorker};
//! use newsreader::library::{LoadEvent, spawn_loader};
//!
//! enum Action { Loaded(Vec<newsreader::article::Article>), Filtered(FilterResponse) }
//! let (actions, inbox) = mpsc::channel();
//! let to_ui = actions.clone();
//! let worker = FilterWorker::spawn(move |response| to_ui.send(Action::Filtered(response)).is_ok());
//! worker.query(""); // every article, in library order, as it arrives
//! let loads = spawn_loader(vec!["lib.jsonl".into()]);
//! // In the UI loop (never blocking): forward batches to the worker and the app.
//! while let Ok(event) = loads.try_recv() {
//!     if let LoadEvent::Batch(batch) = event {
//!         worker.extend(batch.iter().map(|a| a.title.clone()).collect());
//!         let _ = actions.send(Action::Loaded(batch));
//!     }
//! }
//! // On every keystroke: `worker.query(text)`; on Action::Filtered(mut r):
//! // drop it unless r.generation == worker.latest_generation(), else show
//! // r.ranked.len() matches and r.ranked.window(top..top + height) as rows.
//! # drop(inbox);
//! ```
//!
//! `@source` terms and full-text mode need more than headlines: send batches
//! with [`FilterWorker::extend_articles`] (headline plus source and byline)
//! instead of `extend`, and ask in full-text mode with
//! [`FilterWorker::query_with`]. Bodies are sent only once full text is first
//! used (they are most of a library's memory): then send every loaded
//! article's body with [`FilterWorker::add_bodies`], and each later batch's
//! too. Until its body arrives an article is searched by headline only; the
//! query re-runs as bodies arrive.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use super::engine::{Cancel, Searcher, default_threads};
use super::index::{self, FilterIndex};
use super::query::QueryOptions;
use super::ranked::Ranked;
use crate::article::Article;

/// How many of the best matches a response has in order already; further ranks
/// are ordered on demand by [`Ranked::window`].
pub const PRESORTED: usize = 1024;

/// What the worker is asked to do.
#[derive(Debug)]
pub enum FilterRequest {
    /// Headlines appended to the library, in library order (a loaded batch).
    Extend(Vec<String>),
    /// Headlines with their source and byline (for `@source` terms).
    ExtendEntries(Vec<(String, String)>),
    /// Bodies of the next articles without one, in library order (full text).
    Bodies(Vec<String>),
    /// Forget every headline (a different library is about to load).
    Reset,
    /// Filter with `query` in the mode `options`; answered unless a newer
    /// query arrives first.
    Query {
        generation: u64,
        query: String,
        options: QueryOptions,
    },
    /// Stop filtering: no answer until the next query, none for new headlines.
    Idle,
}

/// The answer to one query.
#[derive(Debug, Clone)]
pub struct FilterResponse {
    /// The generation [`FilterWorker::query`] returned for this query.
    pub generation: u64,
    /// The query as sent (untrimmed).
    pub query: String,
    /// The mode it was asked in.
    pub options: QueryOptions,
    /// How many headlines (the first `searched` of the library) were filtered.
    pub searched: usize,
    /// The matches; the best [`PRESORTED`] are in order, call
    /// [`Ranked::window`] for the visible rows.
    pub ranked: Ranked,
}

/// Handle to the filter: a thread of its own (the reader), or inline on the
/// caller's thread ([`FilterWorker::inline`], for tests and tools that want
/// answers at once). Both run the same [`Core`]: requests coalesce the same
/// way and answers are the same. Dropping it stops the thread.
pub struct FilterWorker {
    tx: Option<Sender<FilterRequest>>,
    generation: Arc<AtomicU64>,
    handle: Option<JoinHandle<()>>,
    /// Inline mode: the engine, and the answers not yet taken.
    inline: Option<Mutex<(Core, Vec<FilterResponse>)>>,
}

impl FilterWorker {
    /// Starts the worker; every answer is passed to `respond` on the worker thread.
    /// `respond` returning `false` (its receiver is gone) stops the worker.
    pub fn spawn(respond: impl FnMut(FilterResponse) -> bool + Send + 'static) -> Self {
        Self::spawn_with_threads(default_threads(), respond)
    }

    /// Starts the worker; answers arrive on the returned channel.
    pub fn spawn_with_channel() -> (Self, Receiver<FilterResponse>) {
        let (tx, rx) = mpsc::channel();
        let worker = Self::spawn(move |response| tx.send(response).is_ok());
        (worker, rx)
    }

    /// Like [`spawn`](Self::spawn) with the number of scoring threads given.
    pub fn spawn_with_threads(
        threads: usize,
        respond: impl FnMut(FilterResponse) -> bool + Send + 'static,
    ) -> Self {
        let (tx, rx) = mpsc::channel();
        let generation = Arc::new(AtomicU64::new(0));
        let shared = generation.clone();
        let handle = std::thread::Builder::new()
            .name("newsreader-filter".into())
            .spawn(move || run(rx, shared, threads, respond))
            .ok();
        Self {
            tx: Some(tx),
            generation,
            handle,
            inline: None,
        }
    }

    /// A filter that answers on the caller's thread, during the call that
    /// makes an answer due; collect answers with
    /// [`take_answers`](Self::take_answers).
    pub fn inline() -> Self {
        Self {
            tx: None,
            generation: Arc::new(AtomicU64::new(0)),
            handle: None,
            inline: Some(Mutex::new((Core::new(default_threads()), Vec::new()))),
        }
    }

    /// The answers an [`inline`](Self::inline) filter has given since the
    /// last call, oldest first (always empty for a threaded one, whose answers
    /// go to its callback).
    pub fn take_answers(&self) -> Vec<FilterResponse> {
        match &self.inline {
            Some(inline) => std::mem::take(&mut lock(inline).1),
            None => Vec::new(),
        }
    }

    fn send(&self, request: FilterRequest) {
        if let Some(inline) = &self.inline {
            let mut guard = lock(inline);
            let (core, answers) = &mut *guard;
            if core.apply(request)
                && let Some(answer) = core.answer(&self.generation)
            {
                answers.push(answer);
            }
            return;
        }
        if let Some(tx) = &self.tx {
            // A worker that is gone has nothing left to answer; nothing to do.
            let _ = tx.send(request);
        }
    }

    /// Appends headlines (in library order).
    pub fn extend(&self, titles: Vec<String>) {
        self.send(FilterRequest::Extend(titles));
    }

    /// Appends articles (in library order): headline, source and byline, not
    /// the body (see [`add_bodies`](Self::add_bodies)).
    pub fn extend_articles(&self, articles: &[Article]) {
        let entries = articles
            .iter()
            .map(|a| (a.title.clone(), index::source_text(a)))
            .collect();
        self.send(FilterRequest::ExtendEntries(entries));
    }

    /// Appends the bodies of the next articles that have none (in library
    /// order), for full-text mode; see [`index::body_text`].
    pub fn add_bodies(&self, bodies: Vec<String>) {
        self.send(FilterRequest::Bodies(bodies));
    }

    /// Forgets all headlines.
    pub fn reset(&self) {
        self.send(FilterRequest::Reset);
    }

    /// Asks for `query`; returns its generation. Any older query still running is
    /// cancelled, and answers for older generations can be dropped on arrival.
    pub fn query(&self, query: impl Into<String>) -> u64 {
        self.query_with(query, QueryOptions::default())
    }

    /// [`query`](Self::query) in the mode `options` (full text or headlines).
    pub fn query_with(&self, query: impl Into<String>, options: QueryOptions) -> u64 {
        let generation = self.generation.fetch_add(1, Ordering::Relaxed) + 1;
        self.send(FilterRequest::Query {
            generation,
            query: query.into(),
            options,
        });
        generation
    }

    /// Cancels the running query and answers nothing until the next one (the
    /// reader shows the unfiltered library without asking).
    pub fn idle(&self) {
        self.generation.fetch_add(1, Ordering::Relaxed);
        self.send(FilterRequest::Idle);
    }

    /// The generation of the newest query sent.
    pub fn latest_generation(&self) -> u64 {
        self.generation.load(Ordering::Relaxed)
    }
}

impl Drop for FilterWorker {
    fn drop(&mut self) {
        // Cancel a running search, close the channel, and wait for the thread.
        self.generation.fetch_add(1, Ordering::Relaxed);
        self.tx = None;
        if let Some(handle) = self.handle.take() {
            let _ = handle.join();
        }
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The filter's state and engine, whichever thread it runs on.
struct Core {
    index: FilterIndex,
    searcher: Searcher,
    current: Option<(u64, String, QueryOptions)>,
}

impl Core {
    fn new(threads: usize) -> Self {
        Core {
            index: FilterIndex::new(),
            searcher: Searcher::new(threads),
            current: None,
        }
    }

    /// Applies one request; whether the current query must run again.
    fn apply(&mut self, request: FilterRequest) -> bool {
        let active = self.current.is_some();
        match request {
            FilterRequest::Extend(titles) => {
                self.index.extend(titles.iter().map(String::as_str));
                active
            }
            FilterRequest::ExtendEntries(entries) => {
                for (title, source) in &entries {
                    self.index.push_entry(title, source);
                }
                active
            }
            FilterRequest::Bodies(bodies) => {
                for body in &bodies {
                    self.index.push_body(body);
                }
                self.current.as_ref().is_some_and(|c| c.2.full_text)
            }
            FilterRequest::Reset => {
                self.index.clear();
                self.searcher.clear();
                active
            }
            FilterRequest::Query {
                generation,
                query,
                options,
            } => {
                self.current = Some((generation, query, options));
                true
            }
            FilterRequest::Idle => {
                self.current = None;
                false
            }
        }
    }

    /// Runs the current query, unless a newer one is on its way or it was
    /// cancelled meanwhile.
    fn answer(&mut self, generation: &Arc<AtomicU64>) -> Option<FilterResponse> {
        let (wanted, query, options) = self.current.as_ref()?;
        if generation.load(Ordering::Relaxed) != *wanted {
            return None; // a newer query is on its way
        }
        let cancel = Cancel::new(generation.clone(), *wanted);
        let results = self
            .searcher
            .search_with(&self.index, query, *options, &cancel)?;
        let mut ranked = results.ranked;
        ranked.ensure_sorted(PRESORTED);
        Some(FilterResponse {
            generation: *wanted,
            query: query.clone(),
            options: *options,
            searched: results.searched,
            ranked,
        })
    }
}

fn run(
    rx: Receiver<FilterRequest>,
    generation: Arc<AtomicU64>,
    threads: usize,
    mut respond: impl FnMut(FilterResponse) -> bool,
) {
    let mut core = Core::new(threads);
    while let Ok(first) = rx.recv() {
        let mut dirty = core.apply(first);
        while let Ok(request) = rx.try_recv() {
            dirty |= core.apply(request);
        }
        // A query made idle after being made dirty has nothing to run.
        if dirty
            && let Some(response) = core.answer(&generation)
            && !respond(response)
        {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::filter::rank_plain;

    #[test]
    fn answers_the_newest_query_over_all_headlines_sent() {
        let titles = crate::corpus::headlines(5_000, 3);
        let (worker, rx) = FilterWorker::spawn_with_channel();
        let (first, second) = titles.split_at(2_000);
        worker.extend(first.to_vec());
        worker.query("na");
        worker.extend(second.to_vec());
        let last = worker.query("nato");
        let expected = rank_plain("nato", titles.iter().map(String::as_str));
        // Earlier answers may arrive; the last one is for the newest query and
        // covers every headline.
        loop {
            let response = rx.recv_timeout(Duration::from_secs(60)).expect("an answer");
            if response.generation == last && response.searched == titles.len() {
                assert_eq!(response.query, "nato");
                assert_eq!(response.ranked.into_sorted_vec(), expected);
                break;
            }
        }
    }

    #[test]
    fn full_text_queries_search_bodies_as_they_arrive() {
        let article = |title: &str, source: &str, body: &str| Article {
            title: title.to_owned(),
            source: Some(source.to_owned()),
            body: vec![body.to_owned()],
            ..Default::default()
        };
        let articles = [
            article("NATO summit", "Reuters", "Leaders met in Vilnius."),
            article("Grain deal", "TASS", "Ships left Odesa for Vilnius."),
        ];
        let (worker, rx) = FilterWorker::spawn_with_channel();
        worker.extend_articles(&articles);
        let wait = |generation: u64, want: usize| loop {
            let r = rx.recv_timeout(Duration::from_secs(60)).expect("an answer");
            if r.generation == generation && r.ranked.len() == want {
                return r.ranked.into_sorted_vec();
            }
        };
        let source = worker.query("@tass");
        assert_eq!(wait(source, 1)[0].index, 1);
        let full = QueryOptions { full_text: true };
        let generation = worker.query_with("vilnius", full);
        assert!(wait(generation, 0).is_empty(), "no bodies yet");
        worker.add_bodies(articles.iter().map(index::body_text).collect());
        let found = wait(generation, 2);
        assert_eq!(found.len(), 2);
        let generation = worker.query("vilnius");
        assert!(wait(generation, 0).is_empty(), "headlines only again");
    }

    #[test]
    fn results_grow_as_headlines_arrive_and_reset_empties() {
        let titles = crate::corpus::headlines(3_000, 5);
        let (worker, rx) = FilterWorker::spawn_with_channel();
        let generation = worker.query("");
        let response = rx.recv_timeout(Duration::from_secs(60)).expect("answer");
        assert_eq!(
            (response.generation, response.ranked.len()),
            (generation, 0)
        );
        worker.extend(titles.clone());
        let response = rx.recv_timeout(Duration::from_secs(60)).expect("answer");
        assert_eq!(response.ranked.len(), titles.len());
        worker.reset();
        let response = rx.recv_timeout(Duration::from_secs(60)).expect("answer");
        assert_eq!(response.searched, 0);
    }
}
