//! Cutting and highlighting styled text by display width (measuring and
//! wrapping are [`crate::app::text`]'s).

use ratatui::style::Style;
use ratatui::text::Span;
use unicode_segmentation::UnicodeSegmentation;

pub use crate::app::text::{safe, width, wrap, wrap_url};

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

/// Where to start showing `text` in `width` columns so that its last matched
/// character (`indices`: char positions, ascending) is on screen, as fzf does:
/// 0 when it already is; otherwise the char position of a grapheme boundary
/// from which the match fits behind a leading "…", with a few columns of the
/// text after it when there are any.
pub fn window_start(text: &str, indices: &[usize], width: usize) -> usize {
    let Some(&last) = indices.last() else {
        return 0;
    };
    let Some(end) = text
        .char_indices()
        .nth(last)
        .map(|(byte, c)| byte + c.len_utf8())
    else {
        return 0;
    };
    // The whole text fits, or the match fits before the trailing "…".
    if self::width(text) <= width || self::width(&text[..end]) < width {
        return 0;
    }
    let context = if end < text.len() { 3 } else { 0 };
    let budget = width.saturating_sub(1 + context + usize::from(end < text.len()));
    let mut from = 0;
    let mut shown = self::width(&text[..end]);
    for grapheme in text[..end].graphemes(true) {
        if shown <= budget {
            break;
        }
        shown -= self::width(grapheme);
        from += grapheme.len();
    }
    text[..from].chars().count()
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

#[cfg(test)]
mod window_tests {
    use super::window_start;

    #[test]
    fn the_window_moves_only_for_a_match_past_the_width() {
        let text = "Leaders met for hours and agreed on nothing but a report";
        let at = |word: &str| {
            let start = text.find(word).expect("word");
            (start..start + word.len()).collect::<Vec<_>>()
        };
        assert_eq!(window_start(text, &at("Leaders"), 20), 0);
        assert_eq!(window_start(text, &[], 20), 0);
        assert_eq!(window_start(text, &at("report"), 80), 0, "all of it fits");
        // "…" and the last 19 columns.
        let start = window_start(text, &at("report"), 20);
        assert_eq!(&text[start..], "othing but a report");
        // A match in the middle keeps a little of what follows.
        let start = window_start(text, &at("agreed"), 20);
        let shown = &text[start..];
        // "…", the match and what leads to it in 15 columns, 3 after, "…".
        assert!(shown.starts_with("ours and agreed on"), "{shown}");
    }
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
}
