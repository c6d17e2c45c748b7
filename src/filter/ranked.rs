//! Matches in rank order, ordered lazily: only as far as anyone has looked.
//!
//! A search can match most of a million headlines, while the list shows forty
//! of them: sorting every match for every keystroke would cost more than the
//! search. [`Ranked`] keeps the matches with a sorted prefix that holds the
//! best ones in order, and extends it on demand (a partial selection, then a
//! sort of the new part only), so the cost follows what is shown.

use std::ops::Range;

use super::Match;

/// Matches best first (score, then library order), lazily: only the prefix
/// that has been asked for is guaranteed to be in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ranked {
    matches: Vec<Match>,
    /// `matches[..sorted]` is in final order and holds the best `sorted` matches.
    sorted: usize,
}

/// The rank order: higher score first, then earlier in the library.
pub fn better(a: &Match, b: &Match) -> std::cmp::Ordering {
    b.score.cmp(&a.score).then(a.index.cmp(&b.index))
}

impl Ranked {
    /// Wraps unordered matches.
    pub fn new(matches: Vec<Match>) -> Self {
        Self { matches, sorted: 0 }
    }

    /// Wraps matches already in final order (or in any order the caller wants
    /// shown as it is, such as a sort by date).
    pub fn from_sorted(matches: Vec<Match>) -> Self {
        let sorted = matches.len();
        Self { matches, sorted }
    }

    /// Number of matches.
    pub fn len(&self) -> usize {
        self.matches.len()
    }

    /// Whether nothing matched.
    pub fn is_empty(&self) -> bool {
        self.matches.is_empty()
    }

    /// How many of the best matches are already in order.
    pub fn sorted_len(&self) -> usize {
        self.sorted
    }

    /// The matches known to be in order: at least as many as the last
    /// [`ensure_sorted`](Self::ensure_sorted) asked for.
    pub fn sorted(&self) -> &[Match] {
        &self.matches[..self.sorted]
    }

    /// The match at `rank`, if that rank has been put in order.
    pub fn get(&self, rank: usize) -> Option<&Match> {
        self.sorted().get(rank)
    }

    /// Puts at least the best `n` matches (all when fewer) in final order. Work is
    /// a partial selection plus a sort of the new part only, so scrolling down a
    /// long list costs in proportion to what is shown.
    pub fn ensure_sorted(&mut self, n: usize) {
        let len = self.matches.len();
        let n = n.min(len);
        if n <= self.sorted {
            return;
        }
        // Grow geometrically so scrolling line by line stays cheap.
        let target = n.max(self.sorted.saturating_mul(2)).max(64).min(len);
        let rest = &mut self.matches[self.sorted..];
        let k = target - self.sorted;
        if k < rest.len() {
            rest.select_nth_unstable_by(k, better);
        }
        rest[..k].sort_unstable_by(better);
        self.sorted = target;
    }

    /// The matches at ranks `range` (clamped to the number of matches), in order.
    pub fn window(&mut self, range: Range<usize>) -> &[Match] {
        let end = range.end.min(self.matches.len());
        let start = range.start.min(end);
        self.ensure_sorted(end);
        &self.matches[start..end]
    }

    /// The best `n` matches, in order.
    pub fn top(&mut self, n: usize) -> &[Match] {
        self.window(0..n)
    }

    /// The rank of the match for the article at `index`, putting the matches
    /// up to it in order; `None` when that article did not match. Costs one
    /// pass when the match is not in the sorted prefix yet.
    pub fn rank_of(&mut self, index: u32) -> Option<usize> {
        if let Some(rank) = self.sorted().iter().position(|m| m.index == index) {
            return Some(rank);
        }
        let rest = &self.matches[self.sorted..];
        let target = *rest.iter().find(|m| m.index == index)?;
        let ahead = rest.iter().filter(|m| better(m, &target).is_lt()).count();
        let rank = self.sorted + ahead;
        self.ensure_sorted(rank + 1);
        Some(rank)
    }

    /// The matches `keep` admits, in the same order as far as it is known.
    pub fn retained(&self, keep: impl Fn(&Match) -> bool) -> Self {
        let sorted: Vec<Match> = self.sorted().iter().copied().filter(|m| keep(m)).collect();
        let prefix = sorted.len();
        let mut matches = sorted;
        matches.extend(
            self.matches[self.sorted..]
                .iter()
                .copied()
                .filter(|m| keep(m)),
        );
        Self {
            matches,
            sorted: prefix,
        }
    }

    /// Appends matches that rank after every match already here (such as
    /// articles appended to an unfiltered library, all of score 0); a fully
    /// ordered list stays fully ordered.
    pub fn extend_after(&mut self, later: impl IntoIterator<Item = Match>) {
        let complete = self.sorted == self.matches.len();
        self.matches.extend(later);
        if complete {
            self.sorted = self.matches.len();
        }
    }

    /// Every match in order (a full sort if not done yet).
    pub fn into_sorted_vec(mut self) -> Vec<Match> {
        if self.sorted < self.matches.len() {
            let sorted = self.sorted;
            self.matches[sorted..].sort_unstable_by(better);
        }
        self.matches
    }

    /// Every match, in no particular order (to be ordered some other way).
    pub fn into_unordered_vec(self) -> Vec<Match> {
        self.matches
    }

    /// All matches, only the first [`sorted_len`](Self::sorted_len) in order.
    pub fn as_unordered(&self) -> &[Match] {
        &self.matches
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(index: u32, score: i64) -> Match {
        Match { index, score }
    }

    fn sample(n: u32) -> Vec<Match> {
        // Scores with many ties, in a scrambled order.
        (0..n)
            .map(|i| m((i * 7919) % n, i64::from((i * 31) % 17)))
            .collect()
    }

    /// The rank order written out independently of [`better`]: higher score
    /// first, ties in library order.
    fn full_order(matches: &[Match]) -> Vec<Match> {
        let mut all = matches.to_vec();
        all.sort_by_key(|m| (std::cmp::Reverse(m.score), m.index));
        all
    }

    #[test]
    fn the_sorted_prefix_is_the_start_of_the_full_order() {
        let matches = sample(1_000);
        let expected = full_order(&matches);
        let mut ranked = Ranked::new(matches);
        assert!(ranked.sorted().is_empty());
        ranked.ensure_sorted(10);
        assert!(ranked.sorted_len() >= 10);
        assert_eq!(ranked.sorted(), &expected[..ranked.sorted_len()]);
        assert_eq!(ranked.window(500..505), &expected[500..505]);
        assert_eq!(
            ranked.window(997..1_010),
            &expected[997..],
            "clamped to the end"
        );
        assert_eq!(ranked.into_sorted_vec(), expected);
    }

    #[test]
    fn rank_of_finds_a_match_outside_the_sorted_prefix() {
        let matches = sample(1_000);
        let expected = full_order(&matches);
        let mut ranked = Ranked::new(matches);
        ranked.ensure_sorted(64);
        let target = expected[700];
        assert_eq!(ranked.rank_of(target.index), Some(700));
        assert_eq!(ranked.get(700), Some(&target));
        assert_eq!(ranked.rank_of(expected[3].index), Some(3));
        assert_eq!(ranked.rank_of(5_000), None);
    }

    #[test]
    fn retained_keeps_the_known_order() {
        let matches = sample(500);
        let keep = |x: &Match| !x.index.is_multiple_of(3);
        let expected: Vec<Match> = full_order(&matches).into_iter().filter(keep).collect();
        let mut ranked = Ranked::new(matches);
        ranked.ensure_sorted(100);
        let kept = ranked.retained(keep);
        assert_eq!(kept.sorted(), &expected[..kept.sorted_len()]);
        assert!(kept.sorted_len() > 0);
        assert_eq!(kept.into_sorted_vec(), expected);
    }

    #[test]
    fn extending_an_ordered_list_keeps_it_ordered() {
        let mut ranked = Ranked::from_sorted(vec![m(0, 0), m(1, 0)]);
        ranked.extend_after([m(2, 0), m(3, 0)]);
        assert_eq!(ranked.sorted_len(), 4);
        let mut partial = Ranked::new(vec![m(1, 5), m(0, 9)]);
        partial.extend_after([m(2, 1)]);
        assert_eq!(partial.sorted_len(), 0);
        assert_eq!(partial.top(3), &[m(0, 9), m(1, 5), m(2, 1)]);
    }
}
