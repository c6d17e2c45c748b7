//! Measuring, cutting and wrapping text by display width (not bytes or chars).

use std::borrow::Cow;

use ratatui::style::Style;
use ratatui::text::Span;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::article::sanitize::clean_line;

/// Display width of `text` in terminal columns.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// Cuts `spans` to at most `max` columns, ending with "…" (in the style of the span
/// it replaces) when anything was cut. Cuts fall between graphemes (as the
/// terminal buffer counts them), never inside an emoji sequence, a flag or a
/// letter with its combining marks.
pub fn fit<'a>(spans: Vec<Span<'a>>, max: usize) -> Vec<Span<'a>> {
    let total: usize = spans.iter().map(|s| width(&s.content)).sum();
    if total <= max {
        return spans;
    }
    if max == 0 {
        return Vec::new();
    }
    let budget = max - 1; // room for the ellipsis
    let mut used = 0;
    let mut out = Vec::with_capacity(spans.len());
    for span in spans {
        let mut kept = String::new();
        let mut full = false;
        for grapheme in span.content.graphemes(true) {
            let w = width(grapheme);
            if used + w > budget {
                full = true;
                break;
            }
            used += w;
            kept.push_str(grapheme);
        }
        if !kept.is_empty() {
            out.push(Span::styled(kept, span.style));
        }
        if full {
            out.push(Span::styled("…", span.style));
            return out;
        }
    }
    out
}

/// Cuts one string to `max` columns with "…".
pub fn fit_str(text: &str, max: usize) -> String {
    fit(vec![Span::raw(text)], max)
        .into_iter()
        .map(|s| s.content.into_owned())
        .collect()
}

/// Splits `text` into runs, styling the characters at `indices` (char positions,
/// ascending) with `matched` and the rest with `base`.
pub fn highlight<'a>(
    text: &'a str,
    indices: &[usize],
    base: Style,
    matched: Style,
) -> Vec<Span<'a>> {
    if indices.is_empty() {
        return vec![Span::styled(text, base)];
    }
    let mut spans = Vec::new();
    let mut next = indices.iter().copied().peekable();
    let mut run_start = 0;
    let mut run_matched = false;
    for (pos, (byte, _)) in text.char_indices().enumerate() {
        while next.peek().is_some_and(|&i| i < pos) {
            next.next();
        }
        let is_match = next.peek() == Some(&pos);
        if is_match != run_matched {
            if byte > run_start {
                let style = if run_matched { matched } else { base };
                spans.push(Span::styled(&text[run_start..byte], style));
            }
            run_start = byte;
            run_matched = is_match;
        }
    }
    if run_start < text.len() {
        let style = if run_matched { matched } else { base };
        spans.push(Span::styled(&text[run_start..], style));
    }
    spans
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
    use ratatui::style::Modifier;

    fn joined(spans: &[Span<'_>]) -> String {
        spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn fit_cuts_by_display_width_with_an_ellipsis() {
        assert_eq!(fit_str("headline", 8), "headline");
        assert_eq!(fit_str("headline", 5), "head…");
        assert_eq!(fit_str("日本語の記事", 7), "日本語…");
        assert_eq!(fit_str("日本語の記事", 6), "日本…");
        assert_eq!(fit_str("abc", 1), "…");
        assert_eq!(fit_str("abc", 0), "");
    }

    #[test]
    fn highlight_splits_runs_at_char_positions() {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let spans = highlight("éabc", &[1, 2], Style::new(), bold);
        assert_eq!(joined(&spans), "éabc");
        assert_eq!(spans.len(), 3);
        assert_eq!(spans[1].content, "ab");
        assert_eq!(spans[1].style, bold);
    }

    #[test]
    fn wrap_respects_width_and_breaks_long_words() {
        let lines = wrap("aaaa bbbbbbbbbb", 4);
        assert!(lines.iter().all(|l| width(l) <= 4));
        assert_eq!(lines.concat(), "aaaabbbbbbbbbb");
    }
}
