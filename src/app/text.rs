//! Measuring and wrapping text by display width (not bytes or chars): the
//! reading layout wraps with these, and the list and the bars cut with them,
//! so what is laid out and what is drawn never disagree.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::article::sanitize::clean_line;

/// Display width of `text` in terminal columns.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// Wraps `text` to `width` columns with textwrap; words longer than a line are
/// broken between graphemes. The one wrap function the reading pane and its
/// scroll clamping share.
pub fn wrap(text: &str, width: usize) -> Vec<Cow<'_, str>> {
    let width = width.max(1);
    break_long(
        textwrap::wrap(text, textwrap::Options::new(width).break_words(false)),
        width,
    )
}

/// Wraps a URL: cut at the width only, never at its hyphens (so it reads whole).
pub fn wrap_url(text: &str, width: usize) -> Vec<Cow<'_, str>> {
    let width = width.max(1);
    let options = textwrap::Options::new(width)
        .break_words(false)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    break_long(textwrap::wrap(text, options), width)
}

/// Splits lines wider than `width` (textwrap leaves a word longer than a line
/// whole when asked not to break words) into pieces of at most `width` columns,
/// between graphemes. textwrap measures char by char, the buffer by grapheme; cutting
/// here keeps emoji sequences, flags and combining marks whole. A grapheme wider
/// than the whole line gets a line of its own.
fn break_long(lines: Vec<Cow<'_, str>>, width: usize) -> Vec<Cow<'_, str>> {
    if lines.iter().all(|line| self::width(line) <= width) {
        return lines;
    }
    let mut out = Vec::with_capacity(lines.len() + 1);
    for line in lines {
        if self::width(&line) <= width {
            out.push(line);
            continue;
        }
        let mut piece = String::new();
        let mut used = 0;
        for grapheme in line.graphemes(true) {
            let w = self::width(grapheme);
            if used + w > width && !piece.is_empty() {
                out.push(Cow::Owned(std::mem::take(&mut piece)));
                used = 0;
            }
            piece.push_str(grapheme);
            used += w;
        }
        if !piece.is_empty() {
            out.push(Cow::Owned(piece));
        }
    }
    out
}

/// Text that did not come through the parser (file names, errors, the query),
/// made safe for the screen: one line, no escapes, no tabs.
pub fn safe(text: &str) -> Cow<'_, str> {
    clean_line(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_respects_width_and_breaks_long_words() {
        let lines = wrap("aaaa bbbbbbbbbb", 4);
        assert!(lines.iter().all(|l| width(l) <= 4));
        assert_eq!(lines.concat(), "aaaabbbbbbbbbb");
    }
}
