//! Small, allocation-light text measures shared by every rule: words, stop-word
//! density, terminal punctuation, capitalisation shape, month names.
//!
//! Everything here works on `char`s and `split_whitespace`, never on byte offsets,
//! so no input can make it slice inside a character.

use std::borrow::Cow;

/// Common English function words. Running prose is dense with them (a quarter or
/// more of its words); menus, tags and headline lists are not.
const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "are", "as", "at", "be", "been", "but",
    "by", "can", "could", "for", "from", "had", "has", "have", "he", "her", "his", "i", "if", "in",
    "into", "is", "it", "its", "not", "of", "on", "one", "or", "our", "said", "she", "than",
    "that", "the", "their", "there", "they", "this", "to", "was", "we", "were", "what", "when",
    "which", "who", "will", "with", "would", "you",
];

/// A word of at most five bytes packed into an integer, first byte highest and
/// zero-padded, for [`STOP_TABLE`].
const fn stop_key(word: &[u8]) -> u64 {
    let mut key = 0u64;
    let mut i = 0;
    while i < 5 {
        key <<= 8;
        if i < word.len() {
            key |= word[i] as u64;
        }
        i += 1;
    }
    key
}

/// [`STOP_WORDS`] by [`stop_slot`]: each word's [`stop_key`] in its own slot,
/// 0 in the others. Built at compile time, which fails if two words shared a
/// slot.
static STOP_TABLE: [u64; 256] = {
    let mut table = [0u64; 256];
    let mut i = 0;
    while i < STOP_WORDS.len() {
        let key = stop_key(STOP_WORDS[i].as_bytes());
        let slot = stop_slot(key);
        assert!(table[slot] == 0, "two stop words share a slot");
        table[slot] = key;
        i += 1;
    }
    table
};

/// A slot of [`STOP_TABLE`] for a key: a multiplicative hash whose multiplier
/// was chosen so that the stop words fall into distinct slots. A test by one
/// table load and compare has no branches to mispredict, unlike a binary
/// search over the list.
const fn stop_slot(key: u64) -> usize {
    (key.wrapping_mul(0xe667_43dc_5e3c_1d97) >> 56) as usize
}

/// Whether `word` (any case, surrounding punctuation allowed) is a stop word.
pub fn is_stop_word(word: &str) -> bool {
    let core = trim_punct(word);
    if core.is_empty() || core.len() > 5 {
        return false;
    }
    // Stop words are ASCII; a core with any other character is none of them.
    let mut buf = [0u8; 5];
    for (b, c) in buf.iter_mut().zip(core.bytes()) {
        if !c.is_ascii() {
            return false;
        }
        *b = c.to_ascii_lowercase();
    }
    // A key is unique to its word: a trimmed word has no zero byte at either
    // end, and a zero key never matches (every word's key is non-zero).
    let key = stop_key(&buf[..core.len()]);
    STOP_TABLE[stop_slot(key)] == key
}

/// [`is_stop_word`] for a word already known to be one to five ASCII letters
/// or digits.
fn is_ascii_stop_word(word: &[u8]) -> bool {
    let mut buf = [0u8; 5];
    for (b, c) in buf.iter_mut().zip(word) {
        *b = c.to_ascii_lowercase();
    }
    let key = stop_key(&buf[..word.len()]);
    STOP_TABLE[stop_slot(key)] == key
}

/// [`is_ascii_stop_word`] for `bytes[start..start + len]`, read as one
/// integer where the text has eight bytes from `start`.
#[inline(always)]
fn is_ascii_stop_word_at(bytes: &[u8], start: usize, len: usize) -> bool {
    if start + 8 > bytes.len() {
        return is_ascii_stop_word(&bytes[start..start + len]);
    }
    // Little-endian, so byte reversal puts the first byte highest as
    // `stop_key` does; `| 0x20` lowercases a letter and keeps a digit.
    let word = (load8(bytes, start) | FOLD_ASCII) & (u64::MAX >> (64 - 8 * len));
    let key = word.swap_bytes() >> 24;
    STOP_TABLE[stop_slot(key)] == key
}

/// `word` without leading and trailing punctuation (quotes, brackets, commas…).
pub fn trim_punct(word: &str) -> &str {
    // Most words start and end with an ASCII letter or digit: nothing to trim,
    // and no character needs decoding to know it.
    match word.as_bytes() {
        [first, .., last] if first.is_ascii_alphanumeric() && last.is_ascii_alphanumeric() => word,
        [only] if only.is_ascii_alphanumeric() => word,
        _ => word.trim_matches(|c: char| !c.is_alphanumeric()),
    }
}

/// Number of whitespace-separated words: `s.split_whitespace().count()`,
/// counted over bytes. ASCII text (nearly every line) is counted eight bytes at
/// a time ([`space_flags`]); text with other characters by
/// [`word_count_unicode`].
pub fn word_count(s: &str) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Thirty-two bytes at a step first where the machine can ([`blocks32`]),
    // then eight at a step.
    let Some((mut count, done, space_before)) = blocks32(s.as_bytes()) else {
        return word_count_unicode(s, false);
    };
    let bytes = &s.as_bytes()[done..];
    let mut chunks = bytes.chunks_exact(8);
    // The high bit of the lowest byte: whether the byte before the chunk was a
    // space (the start of the text counts as one).
    let mut carry = if space_before { 0x80u64 } else { 0 };
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        if x & HIGH != 0 {
            return word_count_unicode(s, false);
        }
        let space = space_flags(x);
        // A word starts at a non-space byte whose previous byte is a space.
        let starts = !space & HIGH & ((space << 8) | carry);
        // Each byte of `starts >> 7` is 0 or 1; the multiplication adds them
        // all into the top byte (no population-count instruction needed).
        count += ((starts >> 7).wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize;
        carry = (space >> 56) & 0x80;
    }
    let mut prev_space = carry != 0;
    for &b in chunks.remainder() {
        if !b.is_ascii() {
            return word_count_unicode(s, false);
        }
        let space = ascii_space(b);
        count += usize::from(prev_space && !space);
        prev_space = space;
    }
    count
}

/// [`word_count`] over the text's whole 32-byte blocks: the words that start
/// in them, how many bytes that is, and whether the last of those bytes is
/// a space (true when there are none: the start of the text counts as a
/// space). `None` when a block holds a byte that is not ASCII. With SSE2
/// (every x86-64 processor has it) a block's spaces are found by four
/// vector comparisons and its word starts counted in one step, about three
/// times as fast as eight bytes at a time; elsewhere no block is read here.
#[cfg(target_arch = "x86_64")]
fn blocks32(bytes: &[u8]) -> Option<(usize, usize, bool)> {
    let mut count = 0usize;
    // Bit 0: whether the byte before the block is a space.
    let mut before = 1u32;
    let blocks = bytes.chunks_exact(32);
    let done = bytes.len() - blocks.remainder().len();
    for block in blocks {
        let (low, high) = block.split_at(16);
        // SAFETY: SSE2 is part of the x86-64 baseline, so every processor
        // this code runs on has it.
        let space = unsafe { spaces16(low)? | (spaces16(high)? << 16) };
        let starts = !space & ((space << 1) | before);
        count += starts.count_ones() as usize;
        before = space >> 31;
    }
    Some((count, done, before != 0))
}

#[cfg(not(target_arch = "x86_64"))]
fn blocks32(_: &[u8]) -> Option<(usize, usize, bool)> {
    Some((0, 0, true))
}

/// For sixteen bytes, a bit set for each that is a space by [`ascii_space`]
/// (bit k for byte k); `None` if one is not ASCII.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn spaces16(chunk: &[u8]) -> Option<u32> {
    use std::arch::x86_64::{
        _mm_and_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_cmplt_epi8, _mm_movemask_epi8,
        _mm_or_si128, _mm_set1_epi8,
    };
    let v = crate::article::simd::load16(chunk);
    // A byte of 0x80 or more sets its sign bit.
    if _mm_movemask_epi8(v) != 0 {
        return None;
    }
    // ASCII bytes compare the same signed or not.
    let blank = _mm_cmpeq_epi8(v, _mm_set1_epi8(b' ' as i8));
    let control = _mm_and_si128(
        _mm_cmpgt_epi8(v, _mm_set1_epi8(0x08)),
        _mm_cmplt_epi8(v, _mm_set1_epi8(0x0e)),
    );
    Some(_mm_movemask_epi8(_mm_or_si128(blank, control)) as u32)
}

/// For eight ASCII bytes in a `u64`, the high bit of each byte set where that
/// byte is a space by [`ascii_space`]: equal to 0x20, or within 0x09..=0x0D.
/// Every step stays inside its byte (ASCII bytes are below 0x80, so no sum
/// below carries into the next byte).
fn space_flags(x: u64) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const fn splat(b: u8) -> u64 {
        u64::from_le_bytes([b; 8])
    }
    // A byte of `y` is zero exactly when adding 0x7F to its low seven bits
    // leaves the high bit clear and the byte had no high bit itself.
    let y = x ^ splat(b' ');
    let blank = !((y & LOW7).wrapping_add(LOW7) | y) & HIGH;
    // b >= 0x09 sets the high bit of b + 0x77; b <= 0x0D leaves that of b + 0x72 clear.
    let control = x.wrapping_add(splat(0x80 - 0x09)) & !x.wrapping_add(splat(0x80 - 0x0e)) & HIGH;
    blank | control
}

/// `char::is_whitespace` for an ASCII byte: tab, line feed, vertical tab, form
/// feed, carriage return and space.
#[inline]
fn ascii_space(b: u8) -> bool {
    b == b' ' || (b'\t'..=b'\r').contains(&b)
}

/// [`word_count`] for text with non-ASCII characters. Only a lead byte that
/// can start a Unicode space (U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000)
/// needs its character decoded; continuation bytes never start or end a word.
/// With `cjk_words`, see [`line_words`].
fn word_count_unicode(s: &str, cjk_words: bool) -> usize {
    let bytes = s.as_bytes();
    let mut count = 0usize;
    let mut in_word = false;
    // Ideographs and kana in the current run.
    let mut cjk_run = 0usize;
    for (i, &b) in bytes.iter().enumerate() {
        let (space, cjk) = match b {
            0x00..=0x7f => (ascii_space(b), false),
            // Continuation bytes belong to the character already classified.
            0x80..=0xbf => continue,
            0xc2 | 0xe1 | 0xe2 => (
                s.get(i..)
                    .and_then(|rest| rest.chars().next())
                    .is_some_and(char::is_whitespace),
                false,
            ),
            0xe3..=0xe9 => {
                let c = s.get(i..).and_then(|rest| rest.chars().next());
                (
                    c.is_some_and(|c| {
                        c.is_whitespace() || (cjk_words && ('\u{3000}'..='\u{303f}').contains(&c))
                    }),
                    cjk_words && c.is_some_and(is_cjk_letter),
                )
            }
            _ => (false, false),
        };
        if cjk {
            cjk_run += 1;
            in_word = false;
            continue;
        }
        if cjk_run > 0 {
            count += cjk_run.div_ceil(2);
            cjk_run = 0;
        }
        if !space && !in_word {
            count += 1;
        }
        in_word = !space;
    }
    count + cjk_run.div_ceil(2)
}

/// The words of a line as the parser's rules weigh them: [`word_count`], except
/// that Chinese and Japanese, written without spaces between words, count one
/// word for every two ideographs or kana in a run (about a word's length there),
/// so that a paragraph in those scripts reads as prose like one in any other.
pub fn line_words(s: &str) -> usize {
    if s.is_ascii() {
        word_count(s)
    } else {
        word_count_unicode(s, true)
    }
}

/// A Chinese character or Japanese kana: letters of scripts written without
/// spaces between words.
fn is_cjk_letter(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}')
}

/// Whether `line.to_lowercase()` starts with `prefix`, without lowercasing.
/// `prefix` must be lowercase ASCII without `k` and not end in `i` (see
/// [`lowercase_safe`]).
pub fn lower_starts_with(line: &str, prefix: &str) -> bool {
    debug_assert!(lowercase_safe(prefix), "{prefix:?}");
    line.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// Whether `line.to_lowercase()` contains `needle`, without lowercasing.
/// `needle` must be lowercase ASCII without `k` and not end in `i` (see
/// [`lowercase_safe`]).
pub fn lower_contains(line: &str, needle: &str) -> bool {
    debug_assert!(lowercase_safe(needle), "{needle:?}");
    let (hay, needle) = (line.as_bytes(), needle.as_bytes());
    if needle.is_empty() {
        return true;
    }
    // Found by its first letter rather than a leading space, which nearly
    // every word of a line would stop at (" ago").
    let k = needle.iter().position(|&b| b != b' ').unwrap_or(0);
    let anchor = needle[k];
    memchr::memchr2_iter(anchor, anchor.to_ascii_uppercase(), hay).any(|at| {
        at.checked_sub(k)
            .and_then(|from| hay.get(from..from + needle.len()))
            .is_some_and(|window| window.eq_ignore_ascii_case(needle))
    })
}

/// Whether a pattern may be matched by [`lower_starts_with`] or
/// [`lower_contains`], and why those agree with lowercasing first: in `s.to_lowercase()` an ASCII byte comes from the same ASCII
/// character of `s` (a letter in either case), except for the characters
/// listed here, whose lowercase holds ASCII: U+0130 (capital I with dot above)
/// becomes `i` then U+0307, and U+212A KELVIN SIGN becomes `k`. So an ASCII
/// pattern without `k` matches the lowercased text where it matches the text
/// ignoring ASCII case, unless it ends in `i` (which could be the first half of
/// U+0130's lowercase; an `i` inside the pattern cannot, as an ASCII byte
/// follows it there, not U+0307). The test `only_two_characters_lowercase_to_ascii`
/// checks this over all of Unicode.
fn lowercase_safe(pattern: &str) -> bool {
    pattern
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase() && b != b'k')
        && !pattern.ends_with('i')
}

/// Languages whose function words [`function_word_ratio`] counts: NLTK's lists,
/// without the ones that hold content words too (Slovenian's and Hinglish's are
/// whole vocabularies) and Chinese, which is not written in words.
const FUNCTION_WORD_LANGUAGES: &[&str] = &[
    "ar", "az", "be", "bn", "ca", "da", "de", "el", "en", "es", "eu", "fi", "fr", "he", "hu", "id",
    "it", "kk", "ne", "nl", "no", "pt", "ro", "ru", "sq", "sv", "ta", "tg", "tr", "uz",
];

/// Every function word of [`FUNCTION_WORD_LANGUAGES`], lowercase.
static FUNCTION_WORDS: std::sync::LazyLock<FunctionWords> = std::sync::LazyLock::new(|| {
    FunctionWords::of(
        FUNCTION_WORD_LANGUAGES
            .iter()
            .filter_map(|code| stop_words::lookup(code))
            .flatten()
            .copied(),
    )
});

/// The function words as a set keyed by [`word_hash`], the hash
/// [`content_word_hashes`] gives each word: a word found there is asked
/// with the hash it has already, and any other word hashes in a few steps
/// (SipHash and a `HashSet` cost more than the rest of the test).
struct FunctionWords {
    /// `k + 1` for the word `words[k]`, 0 for an empty slot, by the hash's
    /// low bits (open addressing); the length is a power of two at least
    /// twice the number of words.
    slots: Vec<u32>,
    words: Vec<(u64, &'static str)>,
    /// The longest word's length in bytes: a longer word is none of them.
    longest: usize,
}

impl FunctionWords {
    fn of(list: impl Iterator<Item = &'static str>) -> Self {
        let mut set = Self {
            slots: Vec::new(),
            words: Vec::new(),
            longest: 0,
        };
        let list: Vec<&'static str> = list.collect();
        set.slots = vec![0; (2 * list.len()).next_power_of_two().max(8)];
        for word in list {
            let hash = word_hash(word.as_bytes(), 0, word.len(), 0);
            if let Err(slot) = set.slot(hash, |w| w == word) {
                set.words.push((hash, word));
                set.slots[slot] = set.words.len() as u32;
                set.longest = set.longest.max(word.len());
            }
        }
        set
    }

    /// `Ok(())` if a word with this hash satisfies `is`, else `Err(the
    /// empty slot where it would go)`.
    #[inline]
    fn slot(&self, hash: u64, is: impl Fn(&str) -> bool) -> Result<(), usize> {
        let mask = self.slots.len() - 1;
        // `as usize` keeps the low bits, which the mask then selects.
        let mut at = hash as usize & mask;
        loop {
            match self.slots[at] {
                0 => return Err(at),
                k => {
                    let (h, word) = self.words[k as usize - 1];
                    if h == hash && is(word) {
                        return Ok(());
                    }
                }
            }
            at = (at + 1) & mask;
        }
    }

    /// Whether the lowercase `word` is one of them.
    fn contains(&self, word: &str) -> bool {
        word.len() <= self.longest
            && self
                .slot(word_hash(word.as_bytes(), 0, word.len(), 0), |w| w == word)
                .is_ok()
    }

    /// Whether the ASCII word `word`, lowercased, is one of them, `hash`
    /// being [`word_hash`] of its lowercase.
    #[inline]
    fn contains_ascii_hashed(&self, word: &str, hash: u64) -> bool {
        // The words are lowercase: ignoring ASCII case compares with the
        // word's lowercase.
        word.len() <= self.longest && self.slot(hash, |w| w.eq_ignore_ascii_case(word)).is_ok()
    }
}

/// Share of words that are function words of any language the lists know (0 for
/// an empty line). Running prose in any of them is dense with its own ("de",
/// "que", "und", "и"); a menu, a tag list or a row of names is not, whatever
/// its language.
///
/// Only the first 200 words are read: they say as much about a
/// paragraph as all of them, and a line of a million words costs no more.
pub fn function_word_ratio(s: &str) -> f32 {
    const SAMPLE_WORDS: usize = 200;
    let mut total = 0usize;
    let mut found = 0usize;
    for w in s.split_whitespace().take(SAMPLE_WORDS) {
        total += 1;
        found += usize::from(is_function_word(w));
    }
    if total == 0 {
        0.0
    } else {
        found as f32 / total as f32
    }
}

/// Whether `word` (any case, surrounding punctuation allowed) is a function
/// word of any language [`function_word_ratio`] knows ("de", "und", "the").
pub fn is_function_word(word: &str) -> bool {
    let core = trim_punct(word);
    if core.is_ascii() {
        // An ASCII word's lowercase is its ASCII lowercase, of the same
        // length: made on the stack, and only for a word short enough.
        let set = &*FUNCTION_WORDS;
        if core.len() > set.longest {
            return false;
        }
        let mut buf = [0u8; 64];
        let Some(lower) = buf.get_mut(..core.len()) else {
            return set.contains(&core.to_ascii_lowercase());
        };
        lower.copy_from_slice(core.as_bytes());
        lower.make_ascii_lowercase();
        return std::str::from_utf8(lower).is_ok_and(|lower| set.contains(lower));
    }
    if core.chars().any(char::is_uppercase) {
        FUNCTION_WORDS.contains(core.to_lowercase().as_str())
    } else {
        FUNCTION_WORDS.contains(core)
    }
}

/// [`is_function_word`] for a word [`content_word_hashes`] found: ASCII
/// letters and digits `word`, with the hash of its lowercase `hash`.
pub(crate) fn is_function_word_hashed(word: &str, hash: u64) -> bool {
    FUNCTION_WORDS.contains_ascii_hashed(word, hash)
}

/// The last character that is not a closing quote or bracket.
fn last_significant(s: &str) -> Option<char> {
    s.trim_end().chars().rev().find(|c| {
        !matches!(
            c,
            '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '*' | '」' | '』' | '）'
        )
    })
}

/// Whether the line ends like a sentence: `.`, `!`, `?`, `…` or `:` (before any
/// closing quotes or brackets).
pub fn ends_terminal(s: &str) -> bool {
    matches!(
        last_significant(s),
        Some('.' | '!' | '?' | '…' | ':' | ';' | '。' | '！' | '？' | '：')
    )
}

/// Whether the line ends with a full stop (not `?`/`!`), as headlines never do.
pub fn ends_with_period(s: &str) -> bool {
    let t = s.trim_end();
    matches!(last_significant(t), Some('.')) && !t.ends_with("...")
}

/// Whether the first letter of the line is lowercase.
pub fn starts_lowercase(s: &str) -> bool {
    s.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_lowercase)
}

/// Whether every letter in the line is uppercase (and there are at least two).
/// Letters without case (Chinese, Japanese, Korean) count neither way: a
/// line in those scripts is not set in capitals.
pub fn is_all_caps(s: &str) -> bool {
    let mut capitals = 0usize;
    for c in s.chars() {
        if c.is_lowercase() {
            return false;
        }
        capitals += usize::from(c.is_uppercase());
    }
    capitals >= 2
}

/// Whether a word starts with an uppercase letter (after leading punctuation).
pub fn is_capitalised(word: &str) -> bool {
    trim_punct(word)
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

/// Headline capitalisation ("Lavrov Meet Briefly as US-Russia Tensions Soar"):
/// at least three words of four or more letters after the first, and nearly all
/// of them capitalised. Sentence-case prose and subheads fail this.
pub fn is_title_case(s: &str) -> bool {
    let mut long = 0usize;
    let mut capital = 0usize;
    for w in s.split_whitespace().skip(1) {
        let core = trim_punct(w);
        // An ASCII word's letters are its ASCII letters, counted without
        // decoding.
        let letters = if core.is_ascii() {
            core.bytes().filter(u8::is_ascii_alphabetic).count()
        } else {
            core.chars().filter(|c| c.is_alphabetic()).count()
        };
        if letters >= 4 {
            long += 1;
            if is_capitalised(core) {
                capital += 1;
            }
        }
    }
    long >= 3 && capital * 5 >= long * 4
}

/// Month number for an English month name or abbreviation ("Nov", "Nov.", "November").
pub fn month_number(word: &str) -> Option<i8> {
    let core = trim_punct(word);
    if core.len() < 3 || core.len() > 9 || !core.is_ascii() {
        return None;
    }
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    MONTHS
        .iter()
        .position(|m| {
            (core.len() == m.len() || core.len() <= 4)
                && m.len() >= core.len()
                && m.as_bytes()[..core.len()].eq_ignore_ascii_case(core.as_bytes())
        })
        .and_then(|i| i8::try_from(i + 1).ok())
}

/// Lowercased words of three or more letters that are not stop words: the words
/// that carry a line's meaning, for overlap comparisons. A word already in
/// lowercase is borrowed from `s`.
pub fn content_words(s: &str) -> Vec<Cow<'_, str>> {
    ContentWords { s, i: 0 }.collect()
}

/// The iterator behind [`content_words`]. Words are the runs of alphanumeric
/// characters. One pass over the bytes finds them; only non-ASCII characters
/// are decoded, and an all-ASCII word (almost every word) is tested and
/// lowercased without the Unicode machinery, which gives the same result for
/// ASCII. [`ContentWords::next_raw`] gives the words before any lowercasing.
pub struct ContentWords<'a> {
    s: &'a str,
    i: usize,
}

/// A content word as [`ContentWords::next_raw`] finds it: an ASCII word still
/// in its own case, or a non-ASCII word already lowercased.
pub enum RawWord<'a> {
    Ascii(&'a str),
    Wide(Cow<'a, str>),
}

impl<'a> RawWord<'a> {
    /// The word as [`ContentWords::next_raw`] gives it, from its text as it
    /// stands in the line (`text[start..end]` of a word found there).
    pub fn of_span(span: &'a str) -> Self {
        if span.is_ascii() {
            Self::Ascii(span)
        } else {
            Self::Wide(Cow::Owned(span.to_lowercase()))
        }
    }

    /// The word lowercased (a copy only for an ASCII word with capitals).
    pub fn into_lower(self) -> Cow<'a, str> {
        match self {
            Self::Ascii(word) if word.bytes().any(|b| b.is_ascii_uppercase()) => {
                Cow::Owned(word.to_ascii_lowercase())
            }
            Self::Ascii(word) => Cow::Borrowed(word),
            Self::Wide(word) => word,
        }
    }

    /// [`word_hash`] of the lowercased word: the hash
    /// [`content_word_hashes`] gives (which the tests check it against).
    #[cfg(test)]
    pub fn hash(&self) -> u64 {
        match self {
            Self::Ascii(word) => word_hash(word.to_ascii_lowercase().as_bytes(), 0, word.len(), 0),
            Self::Wide(word) => word_hash(word.as_bytes(), 0, word.len(), 0),
        }
    }

    /// Whether the lowercased word is `lower`.
    pub fn is(&self, lower: &str) -> bool {
        match self {
            // `lower` is lowercase, so this is `to_ascii_lowercase() == lower`.
            Self::Ascii(word) => word.eq_ignore_ascii_case(lower),
            Self::Wide(word) => word == lower,
        }
    }
}

/// FNV-1a, 64 bits: a cheap hash for short words.
pub fn fnv(bytes: impl Iterator<Item = u8>) -> u64 {
    bytes.fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// What [`word_hash`] ors into every byte of an ASCII word of letters and
/// digits to lowercase it: `| 0x20` lowercases a letter and keeps a digit.
const FOLD_ASCII: u64 = 0x2020_2020_2020_2020;

/// The hash of the word `bytes[start..end]` lowercased, `fold` being
/// [`FOLD_ASCII`] for an ASCII word of letters and digits in any case and 0
/// for a word already lowercased: both give the same hash for the same
/// lowercased word. Read eight bytes at a time (a byte at a time, as FNV-1a
/// does, cost more than finding the words); bytes past the word are masked
/// off, so the line around it may be read. A word of up to eight bytes gets
/// a hash of its own (each step is a bijection), and the final step mixes
/// the high bits into the low ones, which hash-set slots read, as the top
/// byte is for [`Signature`](super::Signature)s.
#[inline]
pub fn word_hash(bytes: &[u8], start: usize, end: usize, fold: u64) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mix = |h: u64, v: u64| (h.rotate_left(5) ^ v).wrapping_mul(K);
    let mut h = (end - start) as u64;
    let mut at = start;
    while at + 8 <= end {
        h = mix(h, load8(bytes, at) | fold);
        at += 8;
    }
    let rest = end - at;
    if rest > 0 {
        let v = if at + 8 <= bytes.len() {
            load8(bytes, at)
        } else {
            bytes[at..end]
                .iter()
                .rev()
                .fold(0u64, |v, &b| (v << 8) | u64::from(b))
        };
        h = mix(h, (v | fold) & (u64::MAX >> (64 - 8 * rest)));
    }
    h ^ (h >> 32)
}

/// The eight bytes from `at` as a little-endian integer (`at + 8` must not
/// pass the end).
#[inline]
fn load8(bytes: &[u8], at: usize) -> u64 {
    let mut word = [0u8; 8];
    word.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(word)
}

/// Byte classes for [`ContentWords`]: 0 for an ASCII byte that is no letter or
/// digit, [`LOWER`] for a lowercase letter or digit, [`UPPER`] for an uppercase
/// letter, [`WIDE`] for a byte of a non-ASCII character.
static WORD_BYTE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if !byte.is_ascii() {
            WIDE
        } else if byte.is_ascii_uppercase() {
            UPPER
        } else if byte.is_ascii_alphanumeric() {
            LOWER
        } else {
            0
        };
        b += 1;
    }
    table
};
const LOWER: u8 = 1;
const UPPER: u8 = 2;
const WIDE: u8 = 4;

impl<'a> Iterator for ContentWords<'a> {
    type Item = Cow<'a, str>;

    fn next(&mut self) -> Option<Cow<'a, str>> {
        self.next_raw().map(RawWord::into_lower)
    }
}

impl<'a> ContentWords<'a> {
    /// The next content word, not yet lowercased if it is ASCII.
    pub fn next_raw(&mut self) -> Option<RawWord<'a>> {
        let s = self.s;
        let bytes = s.as_bytes();
        let mut i = self.i;
        while i < bytes.len() {
            let start = i;
            let class = WORD_BYTE[usize::from(bytes[i])];
            if class == 0 {
                // An ASCII separator.
                i += 1;
                continue;
            }
            if class != WIDE {
                // A run of ASCII letters and digits: unless a non-ASCII byte
                // goes on from it, it is the whole word, and ASCII.
                while bytes
                    .get(i)
                    .is_some_and(|&b| WORD_BYTE[usize::from(b)] & (LOWER | UPPER) != 0)
                {
                    i += 1;
                }
                if bytes.get(i).is_none_or(|&b| WORD_BYTE[usize::from(b)] == 0) {
                    let word = &s[start..i];
                    if word.len() < 3 || (word.len() <= 5 && is_ascii_stop_word(word.as_bytes())) {
                        continue;
                    }
                    self.i = i;
                    return Some(RawWord::Ascii(word));
                }
                // Read again below, as any word with a non-ASCII byte.
                i = start;
            }
            let (end, chars, seen) = word_run(s, i);
            i = end;
            if chars == 0 {
                // A separator: step over the whole character (one byte if ASCII).
                i += match bytes.get(i) {
                    Some(b) if b.is_ascii() => 1,
                    _ => s
                        .get(i..)
                        .and_then(|rest| rest.chars().next())
                        .map_or(1, char::len_utf8),
                };
                continue;
            }
            if chars < 3 {
                continue;
            }
            let word = &s[start..i];
            if seen & WIDE == 0 {
                // Stop words have at most five letters; the word is ASCII
                // letters and digits, so there is nothing to trim or check.
                if word.len() <= 5 && is_ascii_stop_word(word.as_bytes()) {
                    continue;
                }
                self.i = i;
                return Some(RawWord::Ascii(word));
            }
            let lower = word.to_lowercase();
            if is_stop_word(&lower) {
                continue;
            }
            self.i = i;
            return Some(RawWord::Wide(if lower == word {
                Cow::Borrowed(word)
            } else {
                Cow::Owned(lower)
            }));
        }
        self.i = i;
        None
    }
}

/// The run of letters and digits (any script) from byte `i` of `s`: where
/// it ends, how many characters it has and its bytes' classes or-ed together
/// (`WIDE` among them when a character is not ASCII).
fn word_run(s: &str, mut i: usize) -> (usize, usize, u8) {
    let bytes = s.as_bytes();
    let mut chars = 0usize;
    let mut seen = 0u8;
    while let Some(&b) = bytes.get(i) {
        let class = WORD_BYTE[usize::from(b)];
        if class == 0 {
            break;
        }
        if class == WIDE {
            match s.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) if c.is_alphanumeric() => i += c.len_utf8(),
                _ => break,
            }
        } else {
            i += 1;
        }
        seen |= class;
        chars += 1;
    }
    (i, chars, seen)
}

/// The content words of `s` (the words [`content_words`] gives, in order)
/// as `(start, end, hash)`: the word is `s[start..end]` before lowercasing
/// and `hash` is [`word_hash`] of the lowercased word. One pass over the bytes
/// finds, hashes and tests each ASCII word (nearly every word), with no
/// copy; a word with other characters is lowercased as [`ContentWords`]
/// does.
pub fn content_word_hashes(s: &str, each: impl FnMut(usize, usize, u64)) {
    if s.is_ascii() {
        ascii_content_word_hashes(s.as_bytes(), each);
    } else {
        content_word_hashes_classed(s, each);
    }
}

/// [`content_word_hashes`] for ASCII text, where a word is a run of letters
/// and digits: the runs are read off the letters-and-digits bits of 64
/// bytes at a time (a run's start and end each one bit scan), with nothing
/// allocated.
fn ascii_content_word_hashes(bytes: &[u8], mut each: impl FnMut(usize, usize, u64)) {
    let mut word = |start: usize, end: usize| {
        let len = end - start;
        if len >= 3 && !(len <= 5 && is_ascii_stop_word_at(bytes, start, len)) {
            each(start, end, word_hash(bytes, start, end, FOLD_ASCII));
        }
    };
    // The start of a run not yet ended (it may go on into the next block).
    let mut run: Option<usize> = None;
    for (k, chunk) in bytes.chunks(64).enumerate() {
        let base = 64 * k;
        // Bytes past the end (in the last block) are no letters or digits.
        let alnum = if chunk.len() == 64 {
            classes64(chunk).0
        } else {
            let mut padded = [0u8; 64];
            padded[..chunk.len()].copy_from_slice(chunk);
            classes64(&padded).0
        };
        // The bit from which to look on (always below 64).
        let mut from = 0;
        loop {
            let start = match run {
                Some(start) => start,
                None => {
                    let starts = alnum & (u64::MAX << from);
                    if starts == 0 {
                        break;
                    }
                    from = starts.trailing_zeros();
                    base + from as usize
                }
            };
            let ends = !alnum & (u64::MAX << from);
            if ends == 0 {
                // The run reaches the block's end.
                run = Some(start);
                break;
            }
            from = ends.trailing_zeros();
            run = None;
            word(start, base + from as usize);
        }
    }
    if let Some(start) = run {
        word(start, bytes.len());
    }
}

/// [`content_word_hashes`] for any text, with its bytes' classes found
/// first ([`ByteClasses`]).
fn content_word_hashes_classed(s: &str, mut each: impl FnMut(usize, usize, u64)) {
    let bytes = s.as_bytes();
    let classes = ByteClasses::new(bytes);
    let mut i = 0;
    // Separators are stepped over, and ASCII words' ends found, with the
    // classes of 64 bytes at a time ([`ByteClasses`]).
    while let Some(start) = classes.next_word_byte(i) {
        i = start;
        if bytes[start].is_ascii() {
            // A run of ASCII letters and digits, hashed once its end is found
            // (and only if it is a content word).
            let end = classes.alnum_end(start);
            if bytes.get(end).is_none_or(u8::is_ascii) {
                // The word ends here and is ASCII: its length is its bytes'.
                let len = end - start;
                if len >= 3 && !(len <= 5 && is_ascii_stop_word_at(bytes, start, len)) {
                    each(start, end, word_hash(bytes, start, end, FOLD_ASCII));
                }
                i = end;
                continue;
            }
            // A non-ASCII byte goes on: the word (if that character is a
            // letter or digit) is read again below, as any word with one.
        }
        let (end, chars, _) = word_run(s, i);
        i = end;
        if chars == 0 {
            // A character that is no letter or digit (not ASCII: those were
            // stepped over above).
            i += s
                .get(i..)
                .and_then(|rest| rest.chars().next())
                .map_or(1, char::len_utf8);
            continue;
        }
        if chars < 3 {
            continue;
        }
        let word = &s[start..i];
        if word.is_ascii() {
            // The run was ASCII after all (the character after it is no
            // letter): the same test as above.
            if !(word.len() <= 5 && is_ascii_stop_word(word.as_bytes())) {
                each(start, i, word_hash(bytes, start, i, FOLD_ASCII));
            }
            continue;
        }
        let lower = word.to_lowercase();
        if is_stop_word(&lower) {
            continue;
        }
        each(start, i, word_hash(lower.as_bytes(), 0, lower.len(), 0));
    }
}

/// The classes of a text's bytes, for [`content_word_hashes`]: one bit per
/// byte for an ASCII letter or digit, one for a byte of a non-ASCII
/// character, found 64 bytes at a time up front. A word is then found by
/// two bit scans instead of a table lookup and a test per byte.
struct ByteClasses {
    /// `(alnum, wide)` for `bytes[64 * k..]`; bytes past the text's end are
    /// in neither class.
    blocks: Vec<(u64, u64)>,
    len: usize,
}

impl ByteClasses {
    fn new(bytes: &[u8]) -> Self {
        let mut blocks = Vec::with_capacity(bytes.len() / 64 + 1);
        let mut chunks = bytes.chunks_exact(64);
        for chunk in &mut chunks {
            blocks.push(classes64(chunk));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut padded = [0u8; 64];
            padded[..rest.len()].copy_from_slice(rest);
            blocks.push(classes64(&padded));
        }
        Self {
            blocks,
            len: bytes.len(),
        }
    }

    /// The first byte from `i` on that is an ASCII letter or digit or part
    /// of a non-ASCII character.
    #[inline(always)]
    fn next_word_byte(&self, i: usize) -> Option<usize> {
        let mut k = i / 64;
        let (alnum, wide) = *self.blocks.get(k)?;
        let mut found = (alnum | wide) & (u64::MAX << (i % 64));
        while found == 0 {
            k += 1;
            let (alnum, wide) = *self.blocks.get(k)?;
            found = alnum | wide;
        }
        Some(64 * k + found.trailing_zeros() as usize)
    }

    /// The end of the run of ASCII letters and digits from `i` (which is
    /// one).
    #[inline(always)]
    fn alnum_end(&self, i: usize) -> usize {
        let mut k = i / 64;
        // Ones where a byte is not alphanumeric (the padding past the end
        // among them).
        let mut other = self.blocks.get(k).map_or(u64::MAX, |b| !b.0) & (u64::MAX << (i % 64));
        while other == 0 {
            k += 1;
            match self.blocks.get(k) {
                Some(b) => other = !b.0,
                None => return self.len,
            }
        }
        64 * k + other.trailing_zeros() as usize
    }
}

/// The places of the ASCII capitals in `bytes`, in order, found sixteen
/// bytes at a time.
pub(crate) fn ascii_uppercase_positions(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes.chunks(16).enumerate().flat_map(|(k, chunk)| {
        let mut mask = if chunk.len() == 16 {
            upper16(chunk)
        } else {
            let mut padded = [0u8; 16];
            padded[..chunk.len()].copy_from_slice(chunk);
            upper16(&padded)
        };
        std::iter::from_fn(move || {
            (mask != 0).then(|| {
                let bit = mask.trailing_zeros() as usize;
                mask &= mask - 1;
                16 * k + bit
            })
        })
    })
}

/// For sixteen bytes, a bit per ASCII capital (bit k for byte k).
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn upper16(chunk: &[u8]) -> u16 {
    // SAFETY: SSE2 is part of the x86-64 baseline, so every processor this
    // code runs on has it.
    unsafe { upper16_sse2(chunk) }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
#[inline]
fn upper16_sse2(chunk: &[u8]) -> u16 {
    use std::arch::x86_64::{
        _mm_and_si128, _mm_cmpgt_epi8, _mm_cmplt_epi8, _mm_movemask_epi8, _mm_set1_epi8,
    };
    let v = crate::article::simd::load16(chunk);
    // Bytes of 0x80 or more are negative as signed bytes: below 'A'.
    let upper = _mm_and_si128(
        _mm_cmpgt_epi8(v, _mm_set1_epi8(b'A' as i8 - 1)),
        _mm_cmplt_epi8(v, _mm_set1_epi8(b'Z' as i8 + 1)),
    );
    _mm_movemask_epi8(upper) as u16
}

#[cfg(not(target_arch = "x86_64"))]
fn upper16(chunk: &[u8]) -> u16 {
    let mut mask = 0u16;
    for (k, &b) in chunk.iter().enumerate() {
        mask |= u16::from(b.is_ascii_uppercase()) << k;
    }
    mask
}

/// For 64 bytes, a bit per ASCII letter or digit and a bit per byte of 0x80
/// or more (bit k for byte k).
#[inline]
fn classes64(chunk: &[u8]) -> (u64, u64) {
    let (mut alnum, mut wide) = (0u64, 0u64);
    for (k, part) in chunk.chunks_exact(16).enumerate() {
        let (a, w) = classes16(part);
        alnum |= u64::from(a) << (16 * k);
        wide |= u64::from(w) << (16 * k);
    }
    (alnum, wide)
}

/// [`classes64`] for sixteen bytes. With SSE2 (every x86-64 processor has
/// it), by a few vector comparisons.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn classes16(chunk: &[u8]) -> (u16, u16) {
    // SAFETY: SSE2 is part of the x86-64 baseline, so every processor this
    // code runs on has it.
    unsafe { classes16_sse2(chunk) }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
#[inline]
fn classes16_sse2(chunk: &[u8]) -> (u16, u16) {
    use std::arch::x86_64::{
        _mm_and_si128, _mm_cmpgt_epi8, _mm_cmplt_epi8, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8,
    };
    let v = crate::article::simd::load16(chunk);
    // Compared as signed bytes, a byte of 0x80 or more is negative: below
    // every range tested here.
    let digit = _mm_and_si128(
        _mm_cmpgt_epi8(v, _mm_set1_epi8(b'0' as i8 - 1)),
        _mm_cmplt_epi8(v, _mm_set1_epi8(b'9' as i8 + 1)),
    );
    // `| 0x20` lowercases a letter (and makes no other byte one).
    let folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
    let letter = _mm_and_si128(
        _mm_cmpgt_epi8(folded, _mm_set1_epi8(b'a' as i8 - 1)),
        _mm_cmplt_epi8(folded, _mm_set1_epi8(b'z' as i8 + 1)),
    );
    (
        _mm_movemask_epi8(_mm_or_si128(digit, letter)) as u16,
        _mm_movemask_epi8(v) as u16,
    )
}

#[cfg(not(target_arch = "x86_64"))]
fn classes16(chunk: &[u8]) -> (u16, u16) {
    let (mut alnum, mut wide) = (0u16, 0u16);
    for (k, &b) in chunk.iter().enumerate() {
        alnum |= u16::from(b.is_ascii_alphanumeric()) << k;
        wide |= u16::from(!b.is_ascii()) << k;
    }
    (alnum, wide)
}

/// Where `needle` first occurs in `haystack` (as [`str::find`] gives it),
/// for a line searched once for each of a few phrases: the phrase's first
/// byte is found with `memchr` and the rest compared there. `str::find`
/// sets up a two-way searcher for every call, which costs more than
/// searching a line this way.
pub(crate) fn find_short(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = n.split_first() else {
        return Some(0);
    };
    let last_start = h.len().checked_sub(n.len())?;
    memchr::memchr_iter(first, &h[..=last_start]).find(|&at| &h[at + 1..at + n.len()] == rest)
}

/// Whether `haystack` holds `needle` ([`str::contains`] by [`find_short`]).
pub(crate) fn holds(haystack: &str, needle: &str) -> bool {
    find_short(haystack, needle).is_some()
}

/// Share of `a`'s content words that also occur in `b` (0 when `a` has none).
pub fn overlap<A: AsRef<str>, B: AsRef<str>>(a: &[A], b: &[B]) -> f32 {
    if a.is_empty() {
        return 0.0;
    }
    let hits = a
        .iter()
        .filter(|w| b.iter().any(|x| x.as_ref() == w.as_ref()))
        .count();
    hits as f32 / a.len() as f32
}

/// Whether the text holds a clock time: one or two digits, a colon, two digits.
pub(crate) fn has_clock_time(bytes: &[u8]) -> bool {
    memchr::memchr_iter(b':', bytes).any(|at| {
        let before = at.checked_sub(1).and_then(|k| bytes.get(k));
        let after = bytes.get(at + 1..at + 3);
        before.is_some_and(u8::is_ascii_digit)
            && after.is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    })
}

/// Every line of every file under `tests/fixtures`: the real-shaped inputs on
/// which the tests of a faster implementation compare it with the one it
/// replaced.
#[cfg(test)]
pub(crate) fn fixture_lines() -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut stack = vec![dir];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(text) = std::fs::read_to_string(&path) {
                lines.extend(text.lines().map(String::from));
            }
        }
    }
    lines
}

#[cfg(test)]
mod tests {

    #[test]
    fn every_function_word_is_found_in_any_case_and_by_its_hash() {
        let list: Vec<&str> = FUNCTION_WORD_LANGUAGES
            .iter()
            .filter_map(|code| stop_words::lookup(code))
            .flatten()
            .copied()
            .collect();
        let reference: std::collections::HashSet<&str> = list.iter().copied().collect();
        // What the test was before the table: the lowercase looked up in a set.
        let plain = |word: &str| {
            let core = trim_punct(word);
            if core.chars().any(char::is_uppercase) {
                reference.contains(core.to_lowercase().as_str())
            } else {
                reference.contains(core)
            }
        };
        for word in &list {
            for written in [word.to_string(), word.to_uppercase(), format!("\"{word},")] {
                assert_eq!(is_function_word(&written), plain(&written), "{written:?}");
            }
            // (A listed word with a space in it is never matched: words are
            // trimmed first.)
            assert!(
                trim_punct(word) != *word || is_function_word(word),
                "{word:?}"
            );
            if word.bytes().all(|b| b.is_ascii_alphanumeric()) {
                let upper = word.to_ascii_uppercase();
                let mut hashes = Vec::new();
                content_word_hashes(&upper, |_, _, hash| hashes.push(hash));
                if let [hash] = hashes[..] {
                    assert!(is_function_word_hashed(&upper, hash), "{upper:?}");
                }
            }
        }
        for word in [
            "Harbour",
            "council",
            "budget",
            "x",
            "",
            "Straße",
            "İstanbul",
            "ÜBER",
        ] {
            assert_eq!(is_function_word(word), plain(word), "{word:?}");
            let mut found = Vec::new();
            content_word_hashes(word, |start, end, hash| found.push((start, end, hash)));
            for (start, end, hash) in found {
                let w = &word[start..end];
                if w.is_ascii() {
                    assert_eq!(is_function_word_hashed(w, hash), plain(w), "{w:?}");
                }
            }
        }
    }

    #[test]
    fn short_searches_find_what_str_find_finds() {
        let lines = [
            "",
            "a",
            "Share this with Facebook",
            "New Delhi, Harbour Herald Bureau | Updated : 19 November 2019",
            "· · ·",
            "aaa",
            "Straße – Straße",
        ];
        let needles = [
            "", "a", "aa", " | ", "|", "·", " – ", "Straße", "Facebook", "x", "aaaa",
        ];
        for line in lines {
            for needle in needles {
                assert_eq!(
                    find_short(line, needle),
                    line.find(needle),
                    "{line:?} {needle:?}"
                );
                assert_eq!(
                    holds(line, needle),
                    line.contains(needle),
                    "{line:?} {needle:?}"
                );
            }
        }
    }

    #[test]
    fn function_words_tell_prose_from_menus_in_any_language() {
        for prose in [
            "Die Stadt hat am Montag beschlossen, dass die neue Brücke erst im Frühjahr gebaut wird",
            "Городской совет решил, что новый мост будет построен только весной, и это не всё",
            "La ciudad decidió el lunes que el nuevo puente se construirá en la primavera y no antes",
            "The council decided on Monday that the new bridge would only be built in the spring",
        ] {
            assert!(function_word_ratio(prose) >= 0.2, "{prose}");
        }
        for menu in [
            "Nachrichten Sport Wirtschaft Kultur Wissen Reise Auto Digital Panorama Video",
            "Новости Спорт Экономика Культура Наука Видео",
            "Home News Sport Business Culture Travel Video Weather",
        ] {
            assert!(function_word_ratio(menu) < 0.2, "{menu}");
        }
    }
    use super::*;

    #[test]
    fn only_two_characters_lowercase_to_ascii() {
        let mut found = Vec::new();
        for c in (0x80u32..=0x10ffff).filter_map(char::from_u32) {
            if c.to_lowercase().any(|l| l.is_ascii()) {
                found.push(c);
            }
        }
        assert_eq!(found, ['\u{130}', '\u{212a}']);
        assert_eq!("\u{130}".to_lowercase(), "i\u{307}");
    }

    #[test]
    fn lowercase_free_matching_agrees_with_lowercasing() {
        for line in [
            "Read the ORIGINAL article on X",
            "READ THE ORİGİNAL ARTICLE ON X",
            "By Jane",
            "BY: JANE",
            "Posted 3 Days Ago",
            "bY",
            "İ",
            "\u{212a}nown",
        ] {
            let lower = line.to_lowercase();
            for pattern in [
                "read the original article on ",
                "by ",
                "by: ",
                " ago",
                "posted",
            ] {
                assert_eq!(lower_starts_with(line, pattern), lower.starts_with(pattern));
                assert_eq!(lower_contains(line, pattern), lower.contains(pattern));
            }
        }
    }

    #[test]
    fn chinese_and_japanese_runs_count_a_word_per_two_characters() {
        assert_eq!(line_words("日本語"), 2);
        assert_eq!(line_words("商品の改造が商標法違反に！？"), 7);
        assert_eq!(line_words("by ライトハウス ／ 2016.12.01"), 6);
        assert_eq!(line_words("plain words here"), 3);
        assert_eq!(line_words("한국어 문장 입니다"), 3);
        assert!(ends_terminal("商標権侵害と判断される場合があります。"));
        assert!(ends_terminal("「脱獄」したiPhone？」"));
    }

    #[test]
    fn every_stop_word_has_its_own_slot() {
        let filled = STOP_TABLE.iter().filter(|k| **k != 0).count();
        assert_eq!(filled, STOP_WORDS.len());
    }

    #[test]
    fn word_count_agrees_on_every_ascii_byte_at_every_position() {
        for b in 0u8..0x80 {
            for len in 1..70 {
                for at in 0..len {
                    let mut bytes = vec![b'x'; len];
                    bytes[at] = b;
                    if at + 2 < len {
                        bytes[at + 2] = b' ';
                    }
                    let s = std::str::from_utf8(&bytes).expect("ascii");
                    assert_eq!(word_count(s), s.split_whitespace().count(), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn fast_measures_agree_with_the_plain_definitions() {
        for s in [
            "",
            " ",
            "one",
            "  two  words ",
            "a\u{b}b\u{c}c\rd",
            "nbsp\u{a0}sep\u{85}nel\u{2009}thin\u{3000}ideo\u{1680}ogham",
            "ÀÉ \u{2028}\u{2029} \u{202f}\u{205f} é—x",
            "(“Quoted”), [x] 'it' İstanbul ΌΣΟΣ K 日本語 e\u{301}",
            "The-end... of THE story: and/or AND, 'the' “By”",
        ] {
            assert_eq!(word_count(s), s.split_whitespace().count(), "{s:?}");
            let plain: Vec<String> = s
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= 3)
                .map(str::to_lowercase)
                .filter(|w| !is_stop_word(w))
                .collect();
            assert_eq!(content_words(s), plain, "{s:?}");
            for w in s.split_whitespace() {
                assert_eq!(
                    trim_punct(w),
                    w.trim_matches(|c: char| !c.is_alphanumeric()),
                    "{w:?}"
                );
            }
        }
        for w in STOP_WORDS {
            assert!(is_stop_word(w) && is_stop_word(&w.to_uppercase()), "{w}");
        }
        for w in ["", "x", "abouts", "thé", "th", "(the)", "The,"] {
            let expected = matches!(w, "(the)" | "The,");
            assert_eq!(is_stop_word(w), expected, "{w}");
        }
    }

    #[test]
    fn ascii_words_are_read_off_bits_as_the_classed_pass_finds_them() {
        // ASCII texts whose runs start and end on either side of each
        // 64-byte block's edge, and at the text's end, of every length.
        let mut texts: Vec<String> = Vec::new();
        for len in 0..200 {
            for pattern in [
                "abc de",
                "The council's 2024 plan, again!",
                "x",
                "--",
                "abcdefghij ",
            ] {
                texts.push(pattern.chars().cycle().take(len).collect());
            }
        }
        for shift in 0..130 {
            let mut t = "y".repeat(shift);
            t.push_str(" Harbour THE about 12345 abcde ");
            t.push_str(&"z".repeat(shift % 70));
            texts.push(t);
        }
        for t in &texts {
            let mut got = Vec::new();
            ascii_content_word_hashes(t.as_bytes(), |a, b, h| got.push((a, b, h)));
            let mut want = Vec::new();
            content_word_hashes_classed(t, |a, b, h| want.push((a, b, h)));
            assert_eq!(got, want, "{t:?}");
        }
    }

    #[test]
    fn content_word_hashes_agree_with_the_word_iterator() {
        for s in [
            "",
            "The council met on Tuesday: AND the BUDGET, again (and again)!",
            "a ab abc abcd abcde abcdef THE The tHe its ITS it's",
            "(“Quoted”), [x] 'it' İstanbul ΌΣΟΣ K 日本語 e\u{301} Ünïcode naïve",
            "x—y–z … 123 4567 a1b2c3 ABOUT about aboutx",
            "café—bar abc— ab日本語 tést THE—the—Thé ITS’s wasß İts",
        ]
        .into_iter()
        .map(String::from)
        // Words across the 64-byte blocks the classes are read in, ending
        // at the text's end, and non-ASCII characters on either side.
        .chain((0..70).map(|shift| {
            let mut s = "x".repeat(shift);
            s.push_str(" Harbour council budgetary ABOUT naïve café—tést 2024 ");
            s.push_str(&"reconstruction ".repeat(6));
            s.push_str("ÉTÉ Kyiv’s abc");
            s
        })) {
            let s = s.as_str();
            let mut expected = Vec::new();
            let mut words = ContentWords { s, i: 0 };
            while let Some(word) = words.next_raw() {
                expected.push((word.hash(), word.into_lower()));
            }
            let mut got = Vec::new();
            content_word_hashes(s, |start, end, hash| {
                let word = RawWord::of_span(&s[start..end]);
                assert_eq!(word.hash(), hash, "{s:?}");
                got.push((hash, word.into_lower()));
            });
            assert_eq!(got, expected, "{s:?}");
        }
    }

    #[test]
    fn terminal_punctuation_sees_through_quotes() {
        assert!(ends_terminal("He said “no.”"));
        assert!(!ends_terminal("Breaking News"));
        assert!(ends_with_period("Done."));
        assert!(!ends_with_period("Wait..."));
    }

    #[test]
    fn months_parse_names_and_abbreviations() {
        assert_eq!(month_number("Nov."), Some(11));
        assert_eq!(month_number("September"), Some(9));
        assert_eq!(month_number("Sept"), Some(9));
        assert_eq!(month_number("Mayor"), None);
        assert_eq!(month_number("Ma"), None);
    }

    #[test]
    fn lines_in_scripts_without_capitals_are_not_all_caps() {
        assert!(is_all_caps("BREAKING: FIRE AT THE DOCKS"));
        assert!(!is_all_caps("Breaking: fire at the docks"));
        assert!(!is_all_caps("国际新闻"));
        assert!(!is_all_caps("동네 도서관 폐관 논란"));
        assert!(!is_all_caps("ニュース"));
        assert!(is_all_caps("NHK 国际新闻"));
    }

    #[test]
    fn title_case_is_headline_shape() {
        assert!(is_title_case(
            "Blinken, Lavrov Meet Briefly as US-Russia Tensions Soar"
        ));
        assert!(!is_title_case("Mayor removed from budget panel"));
    }
}
