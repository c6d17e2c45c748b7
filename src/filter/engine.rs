//! The filter engine: prefilter, incremental narrowing, parallel scoring, top-k.
//!
//! A search scores only headlines that can match: the query must be a
//! subsequence of the headline's bytes (ASCII-case-folded unless the query has an
//! upper-case ASCII letter, exactly SkimMatcherV2's smart case), checked with
//! `memchr` over the flat buffers of [`FilterIndex`]. That test is exact for ASCII
//! queries and a superset test otherwise; survivors are scored by
//! [`Scorer`](super::score::Scorer) (SkimMatcherV2's algorithm over bytes for
//! ASCII, SkimMatcherV2 itself otherwise), so results equal [`super::rank_plain`]'s.
//!
//! When the query extends an earlier one (any earlier query that is a subsequence
//! of it), only that query's hits, plus headlines added since, are searched; a
//! query seen before (typing then deleting) is answered from the cache plus the
//! headlines added since. Scoring runs in chunks on scoped threads with one
//! matcher each; a [`Cancel`] token is checked between chunks so a newer query
//! stops stale work. Ranking is lazy: [`Ranked`] orders only the prefix asked for
//! (the visible window) with `select_nth_unstable_by`.
//!
//! Queries use the extended syntax of [`super::query`]. A query that is one
//! plain fuzzy term (nearly every keystroke) takes the path above unchanged; any
//! other query is scored per article by a [`Matcher`] (exact terms by `memmem`,
//! fuzzy ones by the same scorer), on the same chunks, threads and cancellation.
//! Narrowing generalises: earlier results are reused when the new query can only
//! match a subset of them ([`Query::narrows`]: a fuzzy term extended, an AND term
//! added, a term made stricter), else the search is fresh.

use std::collections::VecDeque;
use std::ops::Range;
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use super::Match;
use super::index::FilterIndex;
use super::query::{Fields, Matcher, Query, QueryOptions};
use super::ranked::Ranked;
use super::score::Scorer;
pub use super::score::is_subsequence;

/// Candidates per unit of parallel work (and between cancellation checks).
const CHUNK: usize = 4096;
/// Below this many candidates a search runs on the calling thread only: a few
/// milliseconds of work at most, less than a busy machine may take to schedule
/// new threads.
const PARALLEL_MIN: usize = 8 * CHUNK;

/// Stops a search when a newer one has been asked for: the search is stale once
/// the shared counter no longer equals the generation it was started for.
#[derive(Debug, Clone)]
pub struct Cancel {
    current: Arc<AtomicU64>,
    generation: u64,
}

impl Cancel {
    /// A token that is stale as soon as `current` differs from `generation`.
    pub fn new(current: Arc<AtomicU64>, generation: u64) -> Self {
        Self {
            current,
            generation,
        }
    }

    /// A token that never cancels (for the command line and tests).
    pub fn never() -> Self {
        Self::new(Arc::new(AtomicU64::new(0)), 0)
    }

    /// Whether a newer request has superseded this one.
    pub fn is_cancelled(&self) -> bool {
        self.current.load(Ordering::Relaxed) != self.generation
    }
}

/// The answer to one query over the first `searched` headlines of an index.
#[derive(Debug, Clone)]
pub struct Results {
    /// The query as searched (trimmed).
    pub query: String,
    /// The mode it was searched in.
    pub options: QueryOptions,
    /// How many articles had their body indexed (matters in full-text mode).
    bodies: usize,
    /// How many headlines of the index this covers (later ones were not there yet).
    pub searched: usize,
    /// Indices of the matching headlines in ascending order (for narrowing).
    hits: Arc<Vec<u32>>,
    /// The matches, best first on demand.
    pub ranked: Ranked,
}

impl Results {
    /// Number of matches.
    pub fn len(&self) -> usize {
        self.ranked.len()
    }

    /// Whether nothing matched.
    pub fn is_empty(&self) -> bool {
        self.ranked.is_empty()
    }
}

/// What to search: earlier hits (ascending) and then a range of new headlines.
struct Candidates<'a> {
    list: &'a [u32],
    tail: Range<usize>,
}

impl Candidates<'_> {
    fn len(&self) -> usize {
        self.list.len() + self.tail.len()
    }

    /// Splits into chunks of at most `CHUNK` candidates, in ascending index order.
    fn chunks(&self) -> Vec<Chunk<'_>> {
        let mut chunks: Vec<Chunk> = self.list.chunks(CHUNK).map(Chunk::List).collect();
        let mut start = self.tail.start;
        while start < self.tail.end {
            let end = (start + CHUNK).min(self.tail.end);
            chunks.push(Chunk::Range(start..end));
            start = end;
        }
        chunks
    }
}

enum Chunk<'a> {
    List(&'a [u32]),
    Range(Range<usize>),
}

/// Scores one article of the index.
trait ItemScorer {
    fn score_item(&mut self, index: &FilterIndex, i: usize) -> Option<i64>;
}

/// The plain fuzzy query: exactly the filter without extended syntax.
impl ItemScorer for Scorer {
    #[inline]
    fn score_item(&mut self, index: &FilterIndex, i: usize) -> Option<i64> {
        self.score_flagged(
            index.bytes(i),
            index.is_ascii(i),
            index.folded(i),
            index.meta(i),
        )
    }
}

impl ItemScorer for Matcher {
    #[inline]
    fn score_item(&mut self, index: &FilterIndex, i: usize) -> Option<i64> {
        self.score(&Fields {
            title: index.bytes(i),
            title_ascii: index.is_ascii(i),
            title_folded: index.folded(i),
            title_meta: index.meta(i),
            source: index.source(i),
            source_folded: index.source_folded(i),
            body: index.body(i).map(str::as_bytes),
        })
    }
}

fn score_chunk<S: ItemScorer>(
    index: &FilterIndex,
    scorer: &mut S,
    chunk: &Chunk,
    out: &mut Vec<Match>,
) {
    let mut one = |i: usize| {
        if let Some(score) = scorer.score_item(index, i) {
            out.push(Match {
                index: i as u32,
                score,
            });
        }
    };
    match chunk {
        Chunk::List(list) => list.iter().for_each(|&i| one(i as usize)),
        Chunk::Range(range) => range.clone().for_each(&mut one),
    }
}

/// Scores `candidates` on up to `threads` threads; `None` when cancelled.
fn score(
    index: &FilterIndex,
    query: &Query,
    options: QueryOptions,
    candidates: &Candidates,
    threads: usize,
    cancel: &Cancel,
) -> Option<Vec<Match>> {
    match query.single_fuzzy(options) {
        Some(text) => score_with(index, || Scorer::new(text), candidates, threads, cancel),
        None => score_with(
            index,
            || Matcher::new(query, options),
            candidates,
            threads,
            cancel,
        ),
    }
}

fn score_with<S: ItemScorer, F: Fn() -> S + Sync>(
    index: &FilterIndex,
    make: F,
    candidates: &Candidates,
    threads: usize,
    cancel: &Cancel,
) -> Option<Vec<Match>> {
    let chunks = candidates.chunks();
    let threads = threads.max(1);
    if threads == 1 || candidates.len() < PARALLEL_MIN {
        let mut scorer = make();
        let mut out = Vec::new();
        for chunk in &chunks {
            if cancel.is_cancelled() {
                return None;
            }
            score_chunk(index, &mut scorer, chunk, &mut out);
        }
        return Some(out);
    }
    let next = AtomicUsize::new(0);
    let slots: Mutex<Vec<Option<Vec<Match>>>> =
        Mutex::new((0..chunks.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..threads.min(chunks.len()) {
            scope.spawn(|| {
                let mut scorer = make();
                loop {
                    let at = next.fetch_add(1, Ordering::Relaxed);
                    let Some(chunk) = chunks.get(at) else { break };
                    if cancel.is_cancelled() {
                        break;
                    }
                    let mut out = Vec::new();
                    score_chunk(index, &mut scorer, chunk, &mut out);
                    if let Ok(mut slots) = slots.lock() {
                        slots[at] = Some(out);
                    }
                }
            });
        }
    });
    if cancel.is_cancelled() {
        return None;
    }
    let slots = slots.into_inner().ok()?;
    let total = slots.iter().flatten().map(Vec::len).sum();
    let mut all = Vec::with_capacity(total);
    for slot in slots {
        all.extend(slot?);
    }
    Some(all)
}

/// Searches `index` for `query` (headlines only, [`QueryOptions::default`]),
/// reusing `previous` when it helps: the same query (only headlines added since
/// are searched) or a query this one narrows (only its hits and headlines added
/// since are searched). Returns `None` when `cancel` fired. An empty query
/// matches everything in library order.
pub fn search(
    index: &FilterIndex,
    query: &str,
    previous: Option<&Results>,
    threads: usize,
    cancel: &Cancel,
) -> Option<Results> {
    search_with(
        index,
        query,
        QueryOptions::default(),
        previous,
        threads,
        cancel,
    )
}

/// Whether `previous` can be reused for a search of `index` in `options`.
fn reusable(previous: &Results, index: &FilterIndex, options: QueryOptions) -> bool {
    previous.searched <= index.len()
        && !previous.query.is_empty()
        && previous.options == options
        && (!options.full_text || previous.bodies == index.bodies_len())
}

/// [`search`] in the mode `options` (full text: terms match bodies too).
pub fn search_with(
    index: &FilterIndex,
    query: &str,
    options: QueryOptions,
    previous: Option<&Results>,
    threads: usize,
    cancel: &Cancel,
) -> Option<Results> {
    let query = super::query::trim(query);
    let len = index.len();
    let parsed = Query::parse(query);
    if parsed.is_empty() {
        let matches: Vec<Match> = (0..len as u32)
            .map(|index| Match { index, score: 0 })
            .collect();
        return Some(Results {
            query: String::new(),
            options,
            bodies: index.bodies_len(),
            searched: len,
            hits: Arc::new((0..len as u32).collect()),
            ranked: Ranked::from_sorted(matches),
        });
    }
    let previous = previous.filter(|p| reusable(p, index, options));
    let finish = |matches| finish(query, options, index, matches);
    match previous {
        Some(p) if p.query == query => {
            let candidates = Candidates {
                list: &[],
                tail: p.searched..len,
            };
            let new = score(index, &parsed, options, &candidates, threads, cancel)?;
            if new.is_empty() {
                return Some(Results {
                    searched: len,
                    ..p.clone()
                });
            }
            let mut hits = Vec::with_capacity(p.hits.len() + new.len());
            hits.extend_from_slice(&p.hits);
            hits.extend(new.iter().map(|m| m.index));
            let mut matches = p.ranked.as_unordered().to_vec();
            matches.extend(new);
            Some(Results {
                query: query.to_string(),
                options,
                bodies: index.bodies_len(),
                searched: len,
                hits: Arc::new(hits),
                ranked: Ranked::new(matches),
            })
        }
        Some(p) if parsed.narrows(&Query::parse(&p.query), options) => {
            let candidates = Candidates {
                list: &p.hits,
                tail: p.searched..len,
            };
            let matches = score(index, &parsed, options, &candidates, threads, cancel)?;
            Some(finish(matches))
        }
        _ => {
            let candidates = Candidates {
                list: &[],
                tail: 0..len,
            };
            let matches = score(index, &parsed, options, &candidates, threads, cancel)?;
            Some(finish(matches))
        }
    }
}

fn finish(query: &str, options: QueryOptions, index: &FilterIndex, matches: Vec<Match>) -> Results {
    let hits = matches.iter().map(|m| m.index).collect();
    Results {
        query: query.to_string(),
        options,
        bodies: index.bodies_len(),
        searched: index.len(),
        hits: Arc::new(hits),
        ranked: Ranked::new(matches),
    }
}

/// Most matches kept in the cache across all entries (about 20 bytes each).
const CACHE_BUDGET: usize = 4_000_000;
/// Most queries kept in the cache.
const CACHE_ENTRIES: usize = 32;

/// A search with memory: the recent results of one index, reused for extended
/// queries (narrowing) and repeated ones (deleting back to an earlier query).
#[derive(Debug)]
pub struct Searcher {
    threads: usize,
    cache: VecDeque<Results>,
}

impl Default for Searcher {
    fn default() -> Self {
        Self::new(default_threads())
    }
}

/// The number of threads the machine offers.
pub fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

impl Searcher {
    /// A searcher scoring on `threads` threads.
    pub fn new(threads: usize) -> Self {
        Self {
            threads: threads.max(1),
            cache: VecDeque::new(),
        }
    }

    /// Forgets cached results (call when the index is replaced, not when it grows).
    pub fn clear(&mut self) {
        self.cache.clear();
    }

    /// The best earlier result to start from: the same query, else the
    /// narrowed query with the fewest hits.
    fn best_previous(
        &self,
        query: &str,
        options: QueryOptions,
        index: &FilterIndex,
    ) -> Option<&Results> {
        let usable = self.cache.iter().filter(|r| reusable(r, index, options));
        let mut best: Option<&Results> = None;
        let mut parsed: Option<Query> = None;
        for r in usable {
            if r.query == query {
                return Some(r);
            }
            if best.is_some_and(|b| r.hits.len() >= b.hits.len()) {
                continue;
            }
            let new = parsed.get_or_insert_with(|| Query::parse(query));
            if new.narrows(&Query::parse(&r.query), options) {
                best = Some(r);
            }
        }
        best
    }

    /// Searches headlines only; see [`search_with`](Self::search_with).
    pub fn search(&mut self, index: &FilterIndex, query: &str, cancel: &Cancel) -> Option<Results> {
        self.search_with(index, query, QueryOptions::default(), cancel)
    }

    /// Searches, reusing and then updating the cache. `None` when cancelled.
    pub fn search_with(
        &mut self,
        index: &FilterIndex,
        query: &str,
        options: QueryOptions,
        cancel: &Cancel,
    ) -> Option<Results> {
        let query = super::query::trim(query);
        if Query::parse(query).is_empty() {
            return search_with(index, query, options, None, self.threads, cancel);
        }
        let previous = self.best_previous(query, options, index);
        if let Some(p) = previous
            && p.query == query
            && p.searched == index.len()
        {
            return Some(p.clone());
        }
        let results = search_with(index, query, options, previous, self.threads, cancel)?;
        self.remember(&results);
        Some(results)
    }

    fn remember(&mut self, results: &Results) {
        self.cache
            .retain(|r| r.query != results.query || r.options != results.options);
        self.cache.push_front(results.clone());
        let mut total = 0;
        let mut keep = 0;
        for r in &self.cache {
            total += r.len();
            if keep > 0 && (total > CACHE_BUDGET || keep >= CACHE_ENTRIES) {
                break;
            }
            keep += 1;
        }
        self.cache.truncate(keep);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles() -> Vec<String> {
        crate::corpus::headlines(20_000, 7)
    }

    fn fresh(index: &FilterIndex, query: &str, threads: usize) -> Vec<Match> {
        search(index, query, None, threads, &Cancel::never())
            .expect("not cancelled")
            .ranked
            .into_sorted_vec()
    }

    #[test]
    fn equals_plain_rank_single_and_multi_threaded() {
        let titles = titles();
        let index = FilterIndex::from_titles(titles.iter().map(String::as_str));
        for query in [
            "n",
            "nato",
            "NATO",
            "Kyiv",
            "zzq",
            "  sum  ",
            "é",
            "war day 1",
        ] {
            let plain = super::super::rank_plain(query, titles.iter().map(String::as_str));
            assert_eq!(fresh(&index, query, 1), plain, "{query}");
            assert_eq!(fresh(&index, query, 3), plain, "{query}");
        }
    }

    #[test]
    fn narrowing_and_cache_equal_fresh_search_as_the_index_grows() {
        let titles = titles();
        let mut index = FilterIndex::new();
        let mut searcher = Searcher::new(2);
        let cancel = Cancel::never();
        let sequence = ["n", "na", "nat", "nato", "nat", "na", "nat", "natO", "n"];
        for (step, query) in sequence.iter().enumerate() {
            let grow_to = (step + 1) * titles.len() / sequence.len();
            index.extend(titles[index.len()..grow_to].iter().map(String::as_str));
            let got = searcher
                .search(&index, query, &cancel)
                .expect("not cancelled")
                .ranked
                .into_sorted_vec();
            assert_eq!(got, fresh(&index, query, 1), "step {step}: {query}");
        }
    }

    #[test]
    fn a_cancelled_search_returns_nothing() {
        let titles = titles();
        let index = FilterIndex::from_titles(titles.iter().map(String::as_str));
        let current = Arc::new(AtomicU64::new(1));
        let cancel = Cancel::new(current.clone(), 1);
        assert!(search(&index, "a", None, 2, &cancel).is_some());
        current.store(2, Ordering::Relaxed);
        assert!(search(&index, "a", None, 2, &cancel).is_none());
        assert!(search(&index, "a", None, 1, &cancel).is_none());
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(300))]

        /// The prefilter never drops a headline SkimMatcherV2 would match, in
        /// either case mode, with non-ASCII text and multi-byte characters.
        #[test]
        fn engine_equals_plain_rank(
            titles in proptest::collection::vec("[aAbBnNtT éÉßİ\u{1F600}o-]{0,24}", 0..60),
            query in "[aAbBnNtT éÉßİo]{0,4}",
            threads in 1usize..4,
        ) {
            let index = FilterIndex::from_titles(titles.iter().map(String::as_str));
            let plain = super::super::rank_plain(&query, titles.iter().map(String::as_str));
            proptest::prop_assert_eq!(fresh(&index, &query, threads), plain);
        }

        /// Narrowing from any earlier query equals a fresh search.
        #[test]
        fn narrowing_equals_fresh(
            titles in proptest::collection::vec("[abnNtTé o]{0,16}", 0..60),
            first in "[abnNté]{1,3}",
            extra in "[abnNté]{0,3}",
        ) {
            let index = FilterIndex::from_titles(titles.iter().map(String::as_str));
            let mut searcher = Searcher::new(1);
            let cancel = Cancel::never();
            searcher.search(&index, &first, &cancel);
            let longer = format!("{first}{extra}");
            let got = searcher.search(&index, &longer, &cancel).map(|r| r.ranked.into_sorted_vec());
            proptest::prop_assert_eq!(got, Some(fresh(&index, &longer, 1)));
        }
    }

    /// Random extended queries (every operator, OR groups, `@source`) over
    /// random articles, with and without full text.
    fn extended_query() -> impl proptest::strategy::Strategy<Value = String> {
        let term = "[!@]{0,1}['^]{0,1}[abnNtT é]{1,3}[$]{0,1}";
        proptest::collection::vec(
            proptest::prop_oneof![
                term.prop_map(|t| t),
                proptest::strategy::Just("|".to_owned())
            ],
            0..5,
        )
        .prop_map(|terms| terms.join(" "))
    }

    use proptest::strategy::Strategy as _;

    fn index_of(articles: &[(String, String, String)], bodies: usize) -> FilterIndex {
        let mut index = FilterIndex::new();
        for (title, source, _) in articles {
            index.push_entry(title, source);
        }
        for (_, _, body) in articles.iter().take(bodies) {
            index.push_body(body);
        }
        index
    }

    fn reference(
        articles: &[(String, String, String)],
        bodies: usize,
        query: &str,
        options: QueryOptions,
    ) -> Vec<Match> {
        super::super::rank_reference(
            query,
            options,
            articles
                .iter()
                .enumerate()
                .map(|(i, (t, s, b))| (t.as_str(), s.as_str(), (i < bodies).then_some(b.as_str()))),
        )
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(300))]

        #[test]
        fn extended_engine_equals_reference(
            articles in proptest::collection::vec(
                ("[aAbBnNtT éo$^!']{0,16}", "[abnNt ]{0,8}", "[abnNtTé o]{0,24}"),
                0..40,
            ),
            query in extended_query(),
            full_text: bool,
            threads in 1usize..3,
        ) {
            let bodies = articles.len() / 2;
            let index = index_of(&articles, bodies);
            let options = QueryOptions { full_text };
            let got = search_with(&index, &query, options, None, threads, &Cancel::never())
                .map(|r| r.ranked.into_sorted_vec());
            proptest::prop_assert_eq!(got, Some(reference(&articles, bodies, &query, options)));
        }

        /// Narrowing and the cache equal a fresh search for any sequence of
        /// queries (typing, deleting, editing) while articles and bodies arrive.
        #[test]
        fn narrowing_equals_fresh_for_query_sequences(
            articles in proptest::collection::vec(
                ("[aAbBnNtT éo]{0,16}", "[abnt ]{0,8}", "[abnNtTé o]{0,24}"),
                0..40,
            ),
            queries in proptest::collection::vec(extended_query(), 1..8),
            full_text: bool,
        ) {
            let options = QueryOptions { full_text };
            let mut searcher = Searcher::new(1);
            let cancel = Cancel::never();
            let mut index = FilterIndex::new();
            let steps = queries.len();
            for (step, query) in queries.iter().enumerate() {
                let upto = (step + 1) * articles.len() / steps;
                for (title, source, _) in &articles[index.len()..upto] {
                    index.push_entry(title, source);
                }
                let bodies = if step % 2 == 0 { upto } else { upto / 2 };
                for (_, _, body) in &articles[index.bodies_len().min(bodies)..bodies] {
                    index.push_body(body);
                }
                // Growing queries too: each query, then it extended by a letter.
                for q in [query.clone(), format!("{query}a")] {
                    let got = searcher
                        .search_with(&index, &q, options, &cancel)
                        .map(|r| r.ranked.into_sorted_vec());
                    let fresh = search_with(&index, &q, options, None, 1, &cancel)
                        .map(|r| r.ranked.into_sorted_vec());
                    proptest::prop_assert_eq!(&got, &fresh, "step {} {:?}", step, q);
                    let reference = reference(
                        &articles[..index.len()],
                        index.bodies_len(),
                        &q,
                        options,
                    );
                    proptest::prop_assert_eq!(got, Some(reference));
                }
            }
        }
    }

    #[test]
    fn subsequence_checks() {
        assert!(is_subsequence(b"nt", b"nato"));
        assert!(!is_subsequence(b"tn", b"nato"));
        assert!(is_subsequence(b"", b""));
        assert!(crate::filter::score::is_char_subsequence("nt", "nato"));
        assert!(!crate::filter::score::is_char_subsequence("on", "nato"));
    }
}
