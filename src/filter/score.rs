//! SkimMatcherV2's score, computed over ASCII bytes without allocating.
//!
//! The same numbers as `fuzzy_matcher::skim::SkimMatcherV2::fuzzy` (default
//! score configuration, smart case) for ASCII headlines and queries, which is
//! nearly every headline, computed by a [`Sweep`]: one pass over the headline
//! that does work only where a query letter occurs, instead of fuzzy-matcher's
//! full (letters x bytes) matrix. Scratch space lives in the scorer and is
//! reused, so a million headlines cost no allocations. Anything not ASCII, and
//! queries of more than 64 letters, go to SkimMatcherV2 itself.
//!
//! One deliberate difference from a *reused* SkimMatcherV2: fuzzy-matcher 0.3.7
//! keeps its matrix between calls and reads one field it has not written in the
//! current call (the consecutive-match bonus of the previous cell, when a query
//! repeats a letter that the headline repeats, as in "ss" in "Russia"), so its
//! score can depend on which headlines it scored before. Here every call starts
//! from a clean matrix, exactly like a new `SkimMatcherV2` for each headline
//! (see [`reference_score`]), which is what the engine and [`super::rank`]
//! promise: a headline's score depends only on the headline and the query.
//! (`use_cache(false)`, meant for that, panics in 0.3.7 with "RefCell already
//! borrowed".)

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

// SkimScoreConfig::default()
const SCORE_MATCH: i32 = 16;
const GAP_START: i32 = -3;
const GAP_EXTENSION: i32 = -1;
const BONUS_FIRST_CHAR_MULTIPLIER: i32 = 2;
const BONUS_HEAD: i32 = SCORE_MATCH / 2;
const BONUS_BREAK: i32 = SCORE_MATCH / 2 + GAP_EXTENSION;
const BONUS_CAMEL: i32 = SCORE_MATCH / 2 + 2 * GAP_EXTENSION;
const BONUS_CONSECUTIVE: i32 = -(GAP_START + GAP_EXTENSION);
const PENALTY_CASE_MISMATCH: i32 = GAP_EXTENSION * 2;
const NEG_INFINITY: i32 = i16::MIN as i32;

const EMPTY: u8 = 0;
const UPPER: u8 = 1;
const LOWER: u8 = 2;
const NUMBER: u8 = 3;
const HARD_SEP: u8 = 4;
const SOFT_SEP: u8 = 5;

const fn char_type(b: u8) -> u8 {
    match b {
        0 => EMPTY,
        b' ' | b'/' | b'\\' | b'|' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => HARD_SEP,
        b'!'..=b'\'' | b'*'..=b'.' | b':'..=b'@' | b'^'..=b'`' | b'~' => SOFT_SEP,
        b'0'..=b'9' => NUMBER,
        b'A'..=b'Z' => UPPER,
        _ => LOWER,
    }
}

const TYPES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        table[i] = char_type(i as u8);
        i += 1;
    }
    table
};

const fn in_place_bonus(prev: u8, cur: u8) -> i32 {
    match (prev, cur) {
        (EMPTY, _) | (HARD_SEP, _) => BONUS_HEAD,
        (SOFT_SEP, _) => BONUS_BREAK,
        (LOWER, UPPER) | (NUMBER, UPPER) => BONUS_CAMEL,
        _ => 0,
    }
}

const BONUS: [[i32; 6]; 6] = {
    let mut table = [[0; 6]; 6];
    let mut prev = 0;
    while prev < 6 {
        let mut cur = 0;
        while cur < 6 {
            table[prev][cur] = in_place_bonus(prev as u8, cur as u8);
            cur += 1;
        }
        prev += 1;
    }
    table
};

/// Scores headlines against one query; one per thread (it owns scratch space).
pub struct Scorer {
    query: String,
    case_sensitive: bool,
    ascii_query: bool,
    sweep: Option<Sweep>,
    meta: Vec<u8>,
}

/// Bit set in a [`push_meta`] byte when the headline's byte is an upper-case
/// ASCII letter; the low bits are the in-place bonus (at most 16).
const UPPER_BIT: u8 = 0x80;
const BONUS_BITS: u8 = 0x1F;

/// Appends one byte per byte of `title`: SkimMatcherV2's in-place bonus for a
/// match there (word starts, camel humps, after punctuation; doubled for the
/// first letter) and whether the byte is upper case. Depends on the headline
/// only, so [`super::FilterIndex`] computes it once, not once per query.
pub fn push_meta(title: &[u8], out: &mut Vec<u8>) {
    let start = out.len();
    let mut prev = 0u8; // the start of the headline counts as EMPTY, like '\0'
    out.extend(title.iter().map(|&c| {
        let meta = PAIR_META[(prev as usize) << 8 | c as usize];
        prev = c;
        meta
    }));
    if let Some(first) = out.get_mut(start) {
        let bonus = (*first & BONUS_BITS) as i32 * BONUS_FIRST_CHAR_MULTIPLIER;
        *first = bonus as u8 | (*first & UPPER_BIT);
    }
}

/// [`push_meta`]'s byte for every (previous byte, byte) pair, so the per-byte
/// work is one table load.
static PAIR_META: [u8; 1 << 16] = {
    let mut table = [0u8; 1 << 16];
    let mut i = 0;
    while i < 1 << 16 {
        let prev = (i >> 8) as u8;
        let cur = (i & 0xFF) as u8;
        let bonus = BONUS[TYPES[prev as usize] as usize][TYPES[cur as usize] as usize];
        let upper = if cur.is_ascii_uppercase() {
            UPPER_BIT
        } else {
            0
        };
        table[i] = bonus as u8 | upper;
        i += 1;
    }
    table
};

/// SkimMatcherV2's smart-case score with a matcher of its own, so no earlier
/// call can influence it: the semantics every score here follows.
pub fn reference_score(title: &str, query: &str) -> Option<i64> {
    SkimMatcherV2::default()
        .smart_case()
        .fuzzy_match(title, query)
}

impl Scorer {
    /// A scorer for `query` (already trimmed, not empty).
    pub fn new(query: &str) -> Self {
        Self {
            query: query.to_string(),
            case_sensitive: query.bytes().any(|b| b.is_ascii_uppercase()),
            ascii_query: query.is_ascii(),
            sweep: Sweep::new(query.as_bytes()),
            meta: Vec::new(),
        }
    }

    /// Whether the query is case-sensitive (it has an upper-case ASCII letter).
    pub fn case_sensitive(&self) -> bool {
        self.case_sensitive
    }

    /// The score of `title`, `None` when it does not match. `folded` is the
    /// title with ASCII letters lower-cased.
    pub fn score(&mut self, title: &str, folded: &[u8]) -> Option<i64> {
        let mut meta = std::mem::take(&mut self.meta);
        meta.clear();
        push_meta(title.as_bytes(), &mut meta);
        let score = self.score_indexed(title, folded, &meta);
        self.meta = meta;
        score
    }

    /// [`score`](Self::score) with the headline's [`push_meta`] bytes given
    /// (precomputed by [`super::FilterIndex`]).
    #[inline]
    pub fn score_indexed(&mut self, title: &str, folded: &[u8], meta: &[u8]) -> Option<i64> {
        self.score_flagged(title.as_bytes(), title.is_ascii(), folded, meta)
    }

    /// [`score_indexed`](Self::score_indexed) with the title as the bytes of a
    /// `str` and its ASCII-ness known, so a case-insensitive query over an ASCII
    /// headline never reads the title as written (only `folded` and `meta`).
    #[inline]
    pub fn score_flagged(
        &mut self,
        title: &[u8],
        ascii: bool,
        folded: &[u8],
        meta: &[u8],
    ) -> Option<i64> {
        if self.ascii_query && ascii {
            return self.score_ascii(title, folded, meta);
        }
        // The byte prefilter is a superset test here (a multi-byte letter's
        // bytes could be found spread over other letters); the matcher decides.
        let hay = if self.case_sensitive { title } else { folded };
        if !is_subsequence(self.query.as_bytes(), hay) {
            return None;
        }
        let title = std::str::from_utf8(title).ok()?;
        reference_score(title, &self.query)
    }

    fn score_ascii(&mut self, choice: &[u8], folded: &[u8], meta: &[u8]) -> Option<i64> {
        // In case-insensitive mode the pattern has no upper-case letter, so
        // comparing it with the folded title is `eq_ignore_ascii_case`; and a
        // match is a case mismatch exactly when the headline's letter is upper
        // case.
        let hay = if self.case_sensitive { choice } else { folded };
        let penalty_bit = if self.case_sensitive { 0 } else { UPPER_BIT };
        let meta = &meta[..hay.len()];
        let pattern = self.query.as_bytes();
        // Most headlines of a fresh search lack a letter: `memchr` finds that
        // faster than a sweep. Nothing before the first letter's first
        // occurrence can score.
        let start = memchr::memchr(*pattern.first()?, hay)?;
        if !is_subsequence(&pattern[1..], &hay[start + 1..]) {
            return None;
        }
        if let [letter] = pattern {
            // One letter: its best occurrence, each scored from the empty
            // pattern's row (a gap of −1) plus its in-place bonus.
            let best = memchr::memchr_iter(*letter, &hay[start..])
                .map(|at| {
                    let info = meta[start + at];
                    GAP_EXTENSION + i32::from(info & BONUS_BITS) + match_score(info, penalty_bit)
                })
                .max()?;
            return Some(i64::from(best));
        }
        match &mut self.sweep {
            Some(sweep) => sweep
                .score(&hay[start..], &meta[start..], penalty_bit)
                .map(i64::from),
            // A query longer than a sweep handles: fuzzy-matcher itself.
            None => std::str::from_utf8(choice)
                .ok()
                .and_then(|title| reference_score(title, &self.query)),
        }
    }
}

/// The most pattern letters a [`Sweep`] handles (one bit each in a `u64`).
const SWEEP_MAX: usize = 64;

/// SkimMatcherV2's score matrix, evaluated in one left-to-right pass over the
/// headline, only where a pattern letter occurs.
///
/// fuzzy-matcher fills a (pattern letters) x (headline bytes) matrix, two rows
/// at a time, and most of its cells say "no match here": `m` is −∞ and the gap
/// score `p` drops by one per column after the row's last match. So each row
/// is kept as its last match only (position, `m`, `p`), any other cell of it
/// is derived from that, and a byte that no pattern letter equals costs one
/// table lookup. A row starts at its letter's greedy first occurrence
/// (fuzzy-matcher's "cheap matches"); all rows started means a match.
///
/// The numbers are exactly fuzzy-matcher's, including what follows from its
/// two-row matrix reusing the buffer of the row two letters back without
/// clearing it:
/// - a row starts from the *stale* cell that the row two letters back left in
///   that column (for the first two letters: fresh −∞ cells, then the empty
///   pattern's row, whose gap score is −1);
/// - the consecutive bonus is read from a cell that only ever holds a bonus
///   written for the same column (0, or an earlier row's consecutive bonus
///   there), so a consecutive match scores `max(in-place bonus, 4)` of its own
///   byte: the bonus of a run's first letter is not carried along the run.
///
/// The proptests below hold it to `SkimMatcherV2` itself on headlines built to
/// hit these cases (repeated letters, runs, punctuation, case).
struct Sweep {
    /// Bit `i` of `letters[b]` is set when pattern letter `i` is the byte `b`.
    letters: Box<[u64; 256]>,
    /// Per row, its last match so far.
    rows: Vec<Row>,
}

/// A row's last match: its position, and the `m` and `p` of the cell after it.
#[derive(Clone, Copy)]
struct Row {
    at: usize,
    m: i32,
    p: i32,
}

/// A cell's gap score after `t` more columns without a match: each costs one,
/// down to the floor fuzzy-matcher's arithmetic reaches (−∞ plus a gap start).
#[inline]
fn decayed(p: i32, t: usize) -> i32 {
    let t = i32::try_from(t).unwrap_or(i32::MAX / 2);
    p.saturating_sub(t)
        .max(NEG_INFINITY + GAP_START + GAP_EXTENSION)
}

/// The gap score of the cell after one with `m` and `p` when no match follows.
#[inline]
fn gap_after(m: i32, p: i32) -> i32 {
    (GAP_START + GAP_EXTENSION + m).max(GAP_EXTENSION + p)
}

impl Row {
    /// `(m, p)` of this row in the column before byte `j` (the cell after
    /// byte `j - 1`): the last match's own cell, or a gap after it.
    #[inline]
    fn before(self, j: usize) -> (i32, i32) {
        if self.at + 1 == j {
            (self.m, self.p)
        } else {
            (
                NEG_INFINITY,
                decayed(gap_after(self.m, self.p), j - self.at - 2),
            )
        }
    }
}

impl Sweep {
    /// A sweep for `pattern`, `None` when it has more than [`SWEEP_MAX`] letters.
    fn new(pattern: &[u8]) -> Option<Self> {
        if pattern.is_empty() || pattern.len() > SWEEP_MAX {
            return None;
        }
        let mut letters = Box::new([0u64; 256]);
        for (i, &b) in pattern.iter().enumerate() {
            letters[usize::from(b)] |= 1 << i;
        }
        let unset = Row {
            at: 0,
            m: NEG_INFINITY,
            p: NEG_INFINITY,
        };
        Some(Self {
            letters,
            rows: vec![unset; pattern.len()],
        })
    }

    /// The score of the pattern in `hay`, `None` when it is not a subsequence.
    fn score(&mut self, hay: &[u8], meta: &[u8], penalty_bit: u8) -> Option<i32> {
        let letters = &*self.letters;
        let rows = &mut self.rows[..];
        let last = rows.len() - 1;
        // Rows `..started` have started; row `started` may start next.
        let mut started = 0usize;
        let mut allowed = 1u64;
        let mut best = NEG_INFINITY;
        let meta = &meta[..hay.len()];
        for (j, &byte) in hay.iter().enumerate() {
            let mut bits = letters[usize::from(byte)] & allowed;
            if bits == 0 {
                continue;
            }
            let info = meta[j];
            let in_place = i32::from(info & BONUS_BITS);
            let consecutive = in_place.max(BONUS_CONSECUTIVE);
            let matched = match_score(info, penalty_bit);
            let starts = started < SWEEP_MAX && bits & (1 << started) != 0;
            // Highest row first: each row reads the rows below it as they
            // were before this byte.
            while bits != 0 {
                let i = 63 - bits.leading_zeros() as usize;
                bits ^= 1 << i;
                let (last_m, last_p) = if i == started {
                    // The row starts here, from the stale cell.
                    let stale = match i {
                        0 => (NEG_INFINITY, NEG_INFINITY),
                        1 => (NEG_INFINITY, GAP_EXTENSION),
                        _ => rows[i - 2].before(j),
                    };
                    if i == last {
                        best = best.max(stale.0);
                    }
                    stale
                } else {
                    rows[i].before(j)
                };
                let (above_m, above_p) = match i {
                    0 => (NEG_INFINITY, GAP_EXTENSION),
                    _ => rows[i - 1].before(j),
                };
                let m = (above_m + consecutive).max(above_p + in_place) + matched;
                rows[i] = Row {
                    at: j,
                    m,
                    p: gap_after(last_m, last_p),
                };
                if i == last {
                    best = best.max(m);
                }
            }
            if starts {
                started += 1;
                allowed = low_bits(started + 1);
            }
        }
        (started == rows.len()).then_some(best)
    }
}

/// The score of matching a byte whose [`push_meta`] byte is `info`: less when
/// its case differs from the pattern's (`penalty_bit` set in `info`).
#[inline]
fn match_score(info: u8, penalty_bit: u8) -> i32 {
    if info & penalty_bit != 0 {
        SCORE_MATCH + PENALTY_CASE_MISMATCH
    } else {
        SCORE_MATCH
    }
}

/// A mask of the lowest `n` bits (all 64 for `n >= 64`).
#[inline]
fn low_bits(n: usize) -> u64 {
    if n >= 64 { u64::MAX } else { (1u64 << n) - 1 }
}

/// Whether `needle` occurs in `hay` as a (not necessarily contiguous) subsequence.
#[inline]
pub fn is_subsequence(needle: &[u8], hay: &[u8]) -> bool {
    let mut rest = hay;
    for &b in needle {
        match memchr::memchr(b, rest) {
            Some(at) => rest = &rest[at + 1..],
            None => return false,
        }
    }
    true
}

/// Whether every char of `short` appears in `long` in order.
pub(crate) fn is_char_subsequence(short: &str, long: &str) -> bool {
    let mut chars = long.chars();
    short.chars().all(|c| chars.any(|l| l == c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(title: &str, query: &str) -> Result<(), proptest::test_runner::TestCaseError> {
        let folded = title.to_ascii_lowercase();
        let mut scorer = Scorer::new(query);
        let expected = reference_score(title, query);
        proptest::prop_assert_eq!(
            scorer.score(title, folded.as_bytes()),
            expected,
            "{:?} / {:?}",
            title,
            query
        );
        Ok(())
    }

    #[test]
    fn known_scores() {
        for (title, query) in [
            ("US Won't Commit to NATO Membership for Ukraine", "nato"),
            ("US Won't Commit to NATO Membership for Ukraine", "NATO"),
            ("Russia's top military leaders", "ss"),
            ("Bullet ballet", "ll"),
            ("a", "a"),
            ("abc", "abcd"),
            ("Foo/Bar baz-Qux", "fbq"),
        ] {
            check(title, query).expect("same score");
        }
    }

    /// A reused SkimMatcherV2 scores `second` differently after `first` (found
    /// by proptest); the scorer's answer does not depend on what came before.
    #[test]
    fn scores_do_not_depend_on_history() {
        let first = ". Sas Sa  .sAaSSaA aSss..SAAs .s. . ";
        let second = "S..a SSaAsaSAA  aa..ssssaa";
        let reused = SkimMatcherV2::default().smart_case();
        let _ = reused.fuzzy_match(first, "sss");
        let _ = reused.fuzzy_match(first, "a");
        let history = reused.fuzzy_match(second, "sss");
        let fresh = reference_score(second, "sss");
        eprintln!("reused matcher: {history:?}, fresh: {fresh:?}");
        let mut scorer = Scorer::new("sss");
        let _ = scorer.score(first, first.to_ascii_lowercase().as_bytes());
        assert_eq!(
            scorer.score(second, second.to_ascii_lowercase().as_bytes()),
            fresh
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(2000))]

        #[test]
        fn equals_skim_on_ascii(
            title in "[aAbBsSnN lL0-9./(_:-]{0,30}",
            query in "[aAbBsSnNlL .]{1,5}|[aAsS. ]",
        ) {
            check(&title, &query)?;
        }

        /// Few letters, many repeats: runs, a letter the pattern repeats, rows
        /// starting from stale cells, and long gaps.
        #[test]
        fn equals_skim_on_repeated_letters(
            title in "[aAsS .-]{0,90}",
            query in "[asAS]{1,7}",
        ) {
            check(&title, &query)?;
        }

        /// Headline-like text, including long ones.
        #[test]
        fn equals_skim_on_words(
            title in "([A-Z]?[a-z]{1,9}[ ,.:'-]{1,2}){0,30}",
            query in "[a-z]{1,4}|[A-Z][a-z]{0,3}",
        ) {
            check(&title, &query)?;
        }

        #[test]
        fn equals_skim_on_unicode(
            title in "[aAbBé É.ß]{0,12}",
            query in "[aAbé]{1,3}",
        ) {
            check(&title, &query)?;
        }
    }
}
