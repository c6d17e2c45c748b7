//! Small, allocation-light text measures shared by every rule: words, stop-word
//! density, terminal punctuation, capitalisation shape, month names.
//!
//! Everything here works on `char`s and `split_whitespace`, never on byte offsets,
//! so no input can make it slice inside a character.

/// Common English function words. Running prose is dense with them (a quarter or
/// more of its words); menus, tags and headline lists are not.
const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "are", "as", "at", "be", "been", "but",
    "by", "can", "could", "for", "from", "had", "has", "have", "he", "her", "his", "i", "if", "in",
    "into", "is", "it", "its", "not", "of", "on", "one", "or", "our", "said", "she", "than",
    "that", "the", "their", "there", "they", "this", "to", "was", "we", "were", "what", "when",
    "which", "who", "will", "with", "would", "you",
];

/// Whether `word` (any case, surrounding punctuation allowed) is a stop word.
pub fn is_stop_word(word: &str) -> bool {
    let core = trim_punct(word);
    if core.is_empty() || core.len() > 5 {
        return false;
    }
    let mut buf = [0u8; 5];
    for (b, c) in buf.iter_mut().zip(core.bytes()) {
        *b = c.to_ascii_lowercase();
    }
    let lower = std::str::from_utf8(&buf[..core.len()]).unwrap_or("");
    STOP_WORDS.binary_search(&lower).is_ok()
}

/// `word` without leading and trailing punctuation (quotes, brackets, commas…).
pub fn trim_punct(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric())
}

/// Number of whitespace-separated words.
pub fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Share of words that are stop words (0 for an empty line).
pub fn stop_ratio(s: &str) -> f32 {
    let mut total = 0usize;
    let mut stops = 0usize;
    for w in s.split_whitespace() {
        total += 1;
        if is_stop_word(w) {
            stops += 1;
        }
    }
    if total == 0 {
        0.0
    } else {
        stops as f32 / total as f32
    }
}

/// The last character that is not a closing quote or bracket.
fn last_significant(s: &str) -> Option<char> {
    s.trim_end()
        .chars()
        .rev()
        .find(|c| !matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '*'))
}

/// Whether the line ends like a sentence: `.`, `!`, `?`, `…` or `:` (before any
/// closing quotes or brackets).
pub fn ends_terminal(s: &str) -> bool {
    matches!(last_significant(s), Some('.' | '!' | '?' | '…' | ':' | ';'))
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
pub fn is_all_caps(s: &str) -> bool {
    let mut letters = 0usize;
    for c in s.chars() {
        if c.is_alphabetic() {
            if c.is_lowercase() {
                return false;
            }
            letters += 1;
        }
    }
    letters >= 2
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
        if core.chars().filter(|c| c.is_alphabetic()).count() >= 4 {
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
/// that carry a line's meaning, for overlap comparisons.
pub fn content_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .filter(|w| !is_stop_word(w))
        .collect()
}

/// Share of `a`'s content words that also occur in `b` (0 when `a` has none).
pub fn overlap(a: &[String], b: &[String]) -> f32 {
    if a.is_empty() {
        return 0.0;
    }
    let hits = a.iter().filter(|w| b.contains(w)).count();
    hits as f32 / a.len() as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        let mut sorted = STOP_WORDS.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, STOP_WORDS);
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
    fn title_case_is_headline_shape() {
        assert!(is_title_case(
            "Blinken, Lavrov Meet Briefly as US-Russia Tensions Soar"
        ));
        assert!(!is_title_case("Mayor removed from budget panel"));
    }
}
