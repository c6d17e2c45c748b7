//! Filtering of headlines: the same code serves the reader and `newsreader list`.
//!
//! Queries use fzf's extended syntax ([`query`]: AND terms, `|` OR, `'exact`,
//! `^prefix`, `suffix$`, `!not`, `@source`; full-text mode matches bodies too).
//! A plain query is one fuzzy term ranked by SkimMatcherV2 with smart case (a
//! query with an upper-case letter is case-sensitive), best score first, ties in
//! library order.

//! The engine behind it lives in [`index`] (the searchable headlines), [`score`]
//! (SkimMatcherV2's score, fast), [`engine`] (prefilter, narrowing, parallel
//! scoring), [`ranked`] (lazy top-k ordering) and [`worker`] (a background
//! thread for the reader, with cancellation of stale queries).

pub mod engine;
pub mod index;
pub mod query;
pub mod ranked;
pub mod score;
pub mod worker;

pub use engine::{Cancel, Results, Searcher, search, search_with};
pub use index::FilterIndex;
pub use query::{Query, QueryOptions, Snippet};
pub use ranked::Ranked;
pub use worker::{FilterRequest, FilterResponse, FilterWorker};

use crate::article::Article;

/// One headline that matched: its position in the library and its score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub index: u32,
    pub score: i64,
}

/// Ranks `titles` against `query`. An empty (or all-space) query matches everything
/// in library order with score 0.
///
/// Builds a [`FilterIndex`] and runs the engine on every core; to filter the same
/// titles again, keep an index and a [`Searcher`] instead.
pub fn rank<'a>(query: &str, titles: impl IntoIterator<Item = &'a str>) -> Vec<Match> {
    let index = FilterIndex::from_titles(titles);
    let threads = engine::default_threads();
    match search(&index, query, None, threads, &Cancel::never()) {
        Some(results) => results.ranked.into_sorted_vec(),
        None => Vec::new(),
    }
}

/// Ranks `articles` against `query` in the mode `options`: headlines and (for
/// `@` terms) sources, and bodies in full-text mode. Builds an index each call
/// (the reader's synchronous fallback and tests; the worker keeps one).
pub fn rank_articles(query: &str, options: QueryOptions, articles: &[Article]) -> Vec<Match> {
    let mut index = FilterIndex::new();
    let parsed = Query::parse(query);
    if parsed.is_empty() {
        return (0..articles.len() as u32)
            .map(|index| Match { index, score: 0 })
            .collect();
    }
    for article in articles {
        index.push_article(article);
    }
    if options.full_text {
        for article in articles {
            index.push_body(&index::body_text(article));
        }
    }
    let threads = engine::default_threads();
    match search_with(&index, query, options, None, threads, &Cancel::never()) {
        Some(results) => results.ranked.into_sorted_vec(),
        None => Vec::new(),
    }
}

/// The reference ranking: the query's plain semantics
/// ([`query::reference_match`]: a fresh SkimMatcherV2 for every fuzzy term, see
/// [`score`] for why fresh) for every title, on one thread, then a full sort.
/// Same results as [`rank`], only much slower; kept for tests and benchmarks.
pub fn rank_plain<'a>(query: &str, titles: impl IntoIterator<Item = &'a str>) -> Vec<Match> {
    let entries = titles.into_iter().map(|t| (t, "", None));
    rank_reference(query, QueryOptions::default(), entries)
}

/// [`rank_plain`] over (title, source, body) entries in the mode `options`.
pub fn rank_reference<'a>(
    query: &str,
    options: QueryOptions,
    entries: impl IntoIterator<Item = (&'a str, &'a str, Option<&'a str>)>,
) -> Vec<Match> {
    let parsed = Query::parse(query);
    let mut matches: Vec<Match> = entries
        .into_iter()
        .enumerate()
        .filter_map(|(i, (title, source, body))| {
            query::reference_match(&parsed, options, title, source, body).map(|score| Match {
                index: i as u32,
                score,
            })
        })
        .collect();
    sort_matches(&mut matches);
    matches
}

/// Best score first; equal scores keep library order.
pub fn sort_matches(matches: &mut [Match]) {
    matches.sort_unstable_by(|a, b| b.score.cmp(&a.score).then(a.index.cmp(&b.index)));
}

/// Character positions (not byte offsets) in `title` that `query`'s positive
/// headline terms matched, for highlighting. Computed only for rows on screen.
pub fn matched_indices(query: &str, title: &str) -> Vec<usize> {
    query::title_indices(&Query::parse(query), title)
}

/// The body snippet to show under a headline in full-text mode (see
/// [`query::snippet`]), at most `width` columns; `None` when the body has no match.
pub fn snippet(query: &str, article: &Article, width: usize) -> Option<Snippet> {
    query::snippet(
        &Query::parse(query),
        article.body.iter().map(String::as_str),
        width,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const TITLES: [&str; 4] = [
        "Blinken to Lavrov: US to Maintain Ukraine Support",
        "US Won't Commit to NATO Membership for Ukraine",
        "Top US Diplomat Raises Navalny, Jailed Americans With Russia",
        "Russia's top military leaders have been refusing calls",
    ];

    #[test]
    fn empty_query_keeps_library_order() {
        let all: Vec<u32> = rank("  ", TITLES).iter().map(|m| m.index).collect();
        assert_eq!(all, [0, 1, 2, 3]);
    }

    #[test]
    fn query_keeps_only_matches_best_first() {
        let found: Vec<u32> = rank("nato", TITLES).iter().map(|m| m.index).collect();
        assert_eq!(found.first(), Some(&1), "the contiguous match ranks first");
        assert!(!found.contains(&3), "no n-a-t-o subsequence in headline 3");
        let found = rank("russia", TITLES);
        assert_eq!(
            found.first().map(|m| m.index),
            Some(3),
            "prefix match ranks first"
        );
        assert!(found.iter().any(|m| m.index == 2));
    }

    #[test]
    fn smart_case() {
        assert_eq!(rank("NATO", TITLES).len(), 1);
        assert!(rank("Nato", TITLES).is_empty());
    }

    #[test]
    fn indices_are_char_positions() {
        assert_eq!(matched_indices("éb", "aébc"), vec![1, 2]);
    }
}
