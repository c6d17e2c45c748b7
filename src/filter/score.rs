//! SkimMatcherV2's score, computed over ASCII bytes without allocating.
//!
//! A line-for-line port of `fuzzy_matcher::skim::SkimMatcherV2::fuzzy` for the
//! score only (its two-row "compressed" matrix, default score configuration,
//! smart case), specialised to ASCII headlines and queries, which is nearly every
//! headline. Scratch buffers live in the scorer and are reused, so a million
//! headlines cost no allocations. Anything not ASCII goes to SkimMatcherV2 itself.
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

#[derive(Clone, Copy)]
struct Cell {
    m: i32,
    p: i32,
    bonus: i32,
}

const RESET: Cell = Cell {
    m: NEG_INFINITY,
    p: NEG_INFINITY,
    bonus: 0,
};

/// Scores headlines against one query; one per thread (it owns scratch space).
pub struct Scorer {
    query: String,
    case_sensitive: bool,
    ascii_query: bool,
    cells: Vec<Cell>,
    meta: Vec<u8>,
    first: Vec<usize>,
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
            cells: Vec::new(),
            meta: Vec::new(),
            first: Vec::with_capacity(query.len()),
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
        if !super::engine::is_subsequence(self.query.as_bytes(), hay) {
            return None;
        }
        let title = std::str::from_utf8(title).ok()?;
        reference_score(title, &self.query)
    }

    fn score_ascii(&mut self, choice: &[u8], folded: &[u8], meta: &[u8]) -> Option<i64> {
        let pattern = self.query.as_bytes();
        let cs = self.case_sensitive;
        // cheap_matches: the greedy first occurrence of each pattern letter. In
        // case-insensitive mode the pattern has no upper-case letter, so comparing
        // it with the folded title is `eq_ignore_ascii_case`; and a match is a
        // case mismatch exactly when the headline's letter is upper case.
        let hay = if cs { choice } else { folded };
        let meta = &meta[..hay.len()];
        self.first.clear();
        let mut at = 0;
        for &p in pattern {
            let found = memchr::memchr(p, &hay[at..])?;
            self.first.push(at + found);
            at += found + 1;
        }
        let penalty_bit = if cs { 0 } else { UPPER_BIT };
        let match_score = |m: u8| {
            if m & penalty_bit != 0 {
                SCORE_MATCH + PENALTY_CASE_MISMATCH
            } else {
                SCORE_MATCH
            }
        };

        if pattern.len() == 1 {
            // The matrix collapses to one pass: every occurrence scores a gap
            // (row 0) plus its in-place bonus plus the match score.
            let p = pattern[0];
            let mut best = NEG_INFINITY;
            for (&c, &m) in hay.iter().zip(meta).skip(self.first[0]) {
                if c == p {
                    best = best.max(GAP_EXTENSION + i32::from(m & BONUS_BITS) + match_score(m));
                }
            }
            return Some(i64::from(best));
        }

        let cols = hay.len() + 1;
        self.cells.clear();
        self.cells.resize(2 * cols, RESET);
        let (row0, row1) = self.cells.split_at_mut(cols);
        // Row 0 is the empty pattern: nothing matched, a gap of any length.
        for cell in row0.iter_mut() {
            cell.p = GAP_EXTENSION;
        }
        for (i, &p) in pattern.iter().enumerate() {
            // Pattern letter i writes row (i + 1) % 2 and reads row i % 2.
            let (cur, prev): (&mut [Cell], &[Cell]) = if i & 1 == 0 {
                (&mut row1[..], &row0[..])
            } else {
                (&mut row0[..], &row1[..])
            };
            let to_skip = self.first[i];
            // The previous cell of this row, carried in registers. Its bonus is
            // what the matrix holds there: fuzzy-matcher writes a cell's bonus
            // only when the cell does not match (0) or when the next one does
            // (the consecutive bonus), so a matching cell keeps the value its
            // row had before this letter (from two letters back).
            let mut last = cur[to_skip];
            for j in to_skip..hay.len() {
                let col = j + 1;
                let mut next = cur[col];
                if hay[j] == p {
                    let m = meta[j];
                    let in_place = i32::from(m & BONUS_BITS);
                    let consecutive = last.bonus.max(in_place.max(BONUS_CONSECUTIVE));
                    cur[j].bonus = consecutive;
                    let above = prev[j];
                    let score_match = above.m + consecutive;
                    let score_skip = above.p + in_place;
                    next.m = score_match.max(score_skip) + match_score(m);
                } else {
                    next.m = NEG_INFINITY;
                    next.bonus = 0;
                }
                next.p = (GAP_START + GAP_EXTENSION + last.m).max(GAP_EXTENSION + last.p);
                cur[col] = next;
                last = next;
            }
        }
        let cells = &self.cells[..];
        let last_row = (pattern.len() & 1) * cols;
        let first_col = *self.first.last()?;
        let best = cells[last_row + first_col..last_row + cols]
            .iter()
            .map(|cell| cell.m)
            .max()?;
        Some(i64::from(best))
    }
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

        #[test]
        fn equals_skim_on_unicode(
            title in "[aAbBé É.ß]{0,12}",
            query in "[aAbé]{1,3}",
        ) {
            check(&title, &query)?;
        }
    }
}
