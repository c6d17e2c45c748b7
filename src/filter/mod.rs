//! Fuzzy filtering of headlines: the same code serves the reader and `newsreader list`.
//!
//! Ranking is SkimMatcherV2 with smart case (a query with an upper-case letter is
//! case-sensitive), best score first, ties in library order.

//! The engine behind it lives in [`index`] (the searchable headlines), [`engine`]
//! (prefilter, narrowing, parallel scoring, lazy top-k) and [`worker`] (a
//! background thread for the reader, with cancellation of stale queries).

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

pub mod engine;
pub mod index;
pub mod score;
pub mod worker;

pub use engine::{Cancel, Ranked, Results, Searcher, search};
pub use index::FilterIndex;
pub use worker::{FilterRequest, FilterResponse, FilterWorker};

/// One headline that matched: its position in the library and its score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub index: u32,
    pub score: i64,
}

fn matcher() -> SkimMatcherV2 {
    SkimMatcherV2::default().smart_case()
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

/// The reference ranking: a fresh SkimMatcherV2 for every title (see
/// [`score`] for why fresh), on one thread, then a full sort. Same results as
/// [`rank`], only much slower; kept for tests and benchmarks to compare against.
pub fn rank_plain<'a>(query: &str, titles: impl IntoIterator<Item = &'a str>) -> Vec<Match> {
    let query = query.trim();
    let indexed = titles.into_iter().enumerate();
    if query.is_empty() {
        return indexed
            .map(|(i, _)| Match {
                index: i as u32,
                score: 0,
            })
            .collect();
    }
    let mut matches: Vec<Match> = indexed
        .filter_map(|(i, title)| {
            score::reference_score(title, query).map(|score| Match {
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

/// Character positions (not byte offsets) in `title` that `query` matched, for
/// highlighting. Computed only for rows on screen.
pub fn matched_indices(query: &str, title: &str) -> Vec<usize> {
    let query = query.trim();
    if query.is_empty() {
        return Vec::new();
    }
    matcher()
        .fuzzy_indices(title, query)
        .map(|(_, indices)| indices)
        .unwrap_or_default()
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
