//! Cursor steps in the filter's text, by grapheme (an accented letter, an
//! emoji sequence or a flag is one step, as the terminal draws it) and by word
//! (as readline's Ctrl-W: the blanks before the cursor, then the word).

use unicode_segmentation::UnicodeSegmentation;

/// The grapheme boundary before `at` (0 at the start).
pub fn previous(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    text[..at]
        .grapheme_indices(true)
        .next_back()
        .map_or(0, |(i, _)| i)
}

/// The grapheme boundary after `at` (the end at the end).
pub fn next(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    text[at..]
        .graphemes(true)
        .next()
        .map_or(at, |g| at + g.len())
}

/// Where Ctrl-W deletes back to from `at`: past the blanks before it, then
/// past the word before them.
pub fn word_start(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    let before = text[..at].trim_end();
    before
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_graphemes_and_words() {
        let text = "e\u{301}x 🇺🇦 nato";
        assert_eq!(next(text, 0), 3, "e and its accent are one step");
        assert_eq!(previous(text, 3), 0);
        assert_eq!(next(text, 5), 13, "a flag is one step");
        assert_eq!(previous(text, text.len()), text.len() - 1);
        assert_eq!(next(text, text.len()), text.len());
        assert_eq!(previous(text, 0), 0);
        assert_eq!(word_start("alpha beta  ", 12), 6);
        assert_eq!(word_start("alpha beta gamma", 10), 6);
        assert_eq!(word_start("alpha", 3), 0);
    }
}
