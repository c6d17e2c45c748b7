//! The reading pane: the selected article laid out for the pane's width, scrolled.
//!
//! [`article_lines`] is the single layout function: the renderer draws its output
//! and [`crate::app::update`] counts it to clamp scrolling, so they never disagree.

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget,
};

use super::pane_inner;
use super::text::{fit_str, safe, wrap, wrap_url};
use super::theme::Theme;
use crate::app::{App, count};
use crate::article::Article;

/// Where the article text goes inside a reading pane at `area`: inside the border,
/// with a column of padding on each side when there is room, and at most
/// `max_width` columns wide (centred), because long lines are hard to read;
/// `max_width` 0 means no limit.
pub fn text_area(area: Rect, max_width: u16) -> Rect {
    let inner = pane_inner(area);
    let text = if inner.width > 10 {
        inner.inner(Margin::new(1, 0))
    } else {
        inner
    };
    if max_width > 0 && text.width > max_width {
        let x = text.x + (text.width - max_width) / 2;
        Rect::new(x, text.y, max_width, text.height)
    } else {
        text
    }
}

/// The URLs behind the reader's link numbers: entry `n - 1` is `[n]`, `None`
/// for a related article shown without a URL. The same order
/// [`article_lines`] numbers them in: related articles, then links.
pub fn numbered_links(article: &Article) -> Vec<Option<&str>> {
    article
        .related
        .iter()
        .map(|r| r.url.as_deref())
        .chain(article.links.iter().map(|l| Some(l.as_str())))
        .collect()
}

/// The text area of the reading pane for `app` at its last known size. On narrow
/// terminals this is the full-screen pane, even while the list is shown, so
/// PgUp/PgDn from the list clamp the same way.
pub fn viewport(app: &App) -> Rect {
    let area = super::viewport_area(app);
    super::layout_for(area, true, app.split)
        .reader
        .map(|reader| text_area(reader, app.text_width))
        .unwrap_or_default()
}

/// Appends `text` wrapped to `width`, each line after `prefix` (the first) or
/// `indent` (the rest), which must be the same width.
fn push_wrapped<'a>(
    lines: &mut Vec<Line<'a>>,
    text: &'a str,
    width: usize,
    style: Style,
    prefix: Span<'a>,
    indent: Span<'a>,
) {
    push_with(lines, wrap, text, width, style, prefix, indent);
}

/// [`push_wrapped`] for URLs: cut only at the width.
fn push_url<'a>(
    lines: &mut Vec<Line<'a>>,
    text: &'a str,
    width: usize,
    style: Style,
    prefix: Span<'a>,
    indent: Span<'a>,
) {
    push_with(lines, wrap_url, text, width, style, prefix, indent);
}

type WrapFn = for<'t> fn(&'t str, usize) -> Vec<std::borrow::Cow<'t, str>>;

fn push_with<'a>(
    lines: &mut Vec<Line<'a>>,
    wrap: WrapFn,
    text: &'a str,
    width: usize,
    style: Style,
    prefix: Span<'a>,
    indent: Span<'a>,
) {
    let prefix_width = super::text::width(&prefix.content);
    // Too narrow for the bullet or number and one wide character after it: drop it
    // rather than overflow.
    let (prefix, indent) = if prefix_width + 2 > width {
        (Span::raw(""), Span::raw(""))
    } else {
        (prefix, indent)
    };
    let inner = width
        .saturating_sub(super::text::width(&prefix.content))
        .max(1);
    // The parser already cleaned article text, so this borrows; it guards text from
    // other sources (JSON libraries later) against escapes and tabs.
    let pieces: Vec<Cow<'a, str>> = match safe(text) {
        Cow::Borrowed(text) => wrap(text, inner),
        Cow::Owned(text) => wrap(&text, inner)
            .into_iter()
            .map(|piece| Cow::Owned(piece.into_owned()))
            .collect(),
    };
    for (i, piece) in pieces.into_iter().enumerate() {
        let lead = if i == 0 {
            prefix.clone()
        } else {
            indent.clone()
        };
        lines.push(Line::from(vec![lead, Span::styled(piece, style)]));
    }
}

/// Joins `items` with `separator` into lines of at most `width` columns, breaking
/// only between items (an item wider than a line is wrapped on its own).
pub fn join_items(items: &[String], separator: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for item in items {
        let item = safe(item);
        let needed = super::text::width(&current) + super::text::width(separator);
        if !current.is_empty() && needed + super::text::width(&item) <= width {
            current.push_str(separator);
            current.push_str(&item);
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        let mut pieces: Vec<String> = wrap(&item, width)
            .into_iter()
            .map(Cow::into_owned)
            .collect();
        current = pieces.pop().unwrap_or_default();
        lines.extend(pieces);
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

/// Texts longer than this are wrapped in pieces of about this size, cut at a
/// space (each piece starts a new line): a 50 MB one-paragraph article is laid
/// out only as far as it is read, and its first screen costs no more than a
/// short article's. Shorter texts (every real paragraph) wrap whole.
pub const PIECE_BYTES: usize = 16 * 1024;

/// One part of an article's layout, before wrapping, in reading order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Title,
    Meta,
    /// A blank line between sections (never two, never first).
    Gap,
    Dek,
    KeyPoint(usize),
    Body(usize),
    Caption(usize),
    Credit(usize),
    Heading(&'static str),
    /// Related article `i`, link number `n`; then its URL.
    Related(usize, usize),
    RelatedUrl(usize, usize),
    /// Link `i`, link number `n`.
    Link(usize, usize),
}

/// The blocks of `article`: headline, meta line, dek, key points, body,
/// captions, credits, related links and links.
fn blocks(article: &Article) -> Vec<Part> {
    let mut out = vec![Part::Title, Part::Meta];
    if article.dek.as_deref().is_some_and(|d| !d.trim().is_empty()) {
        out.extend([Part::Gap, Part::Dek]);
    }
    if !article.key_points.is_empty() {
        out.push(Part::Gap);
        out.extend((0..article.key_points.len()).map(Part::KeyPoint));
    }
    for i in 0..article.body.len() {
        out.extend([Part::Gap, Part::Body(i)]);
    }
    if !article.captions.is_empty() {
        out.push(Part::Gap);
        out.extend((0..article.captions.len()).map(Part::Caption));
    }
    if !article.credits.is_empty() {
        out.push(Part::Gap);
        out.extend((0..article.credits.len()).map(Part::Credit));
    }
    let mut number = 0;
    if !article.related.is_empty() {
        out.extend([Part::Gap, Part::Heading("Related")]);
        for (i, related) in article.related.iter().enumerate() {
            number += 1;
            out.push(Part::Related(i, number));
            if related.url.is_some() && !related.title.is_empty() {
                out.push(Part::RelatedUrl(i, number));
            }
        }
    }
    if !article.links.is_empty() {
        out.extend([Part::Gap, Part::Heading("Links")]);
        for i in 0..article.links.len() {
            number += 1;
            out.push(Part::Link(i, number));
        }
    }
    out
}

/// The text a block wraps (empty for gaps and the meta line).
fn block_text(article: &Article, block: Part) -> &str {
    match block {
        Part::Title => &article.title,
        Part::Meta | Part::Gap => "",
        Part::Dek => article.dek.as_deref().unwrap_or_default(),
        Part::KeyPoint(i) => &article.key_points[i],
        Part::Body(i) => &article.body[i],
        Part::Caption(i) => &article.captions[i],
        Part::Credit(i) => &article.credits[i],
        Part::Heading(text) => text,
        Part::Related(i, _) => {
            let related = &article.related[i];
            if related.title.is_empty() {
                related.url.as_deref().unwrap_or_default()
            } else {
                &related.title
            }
        }
        Part::RelatedUrl(i, _) => article.related[i].url.as_deref().unwrap_or_default(),
        Part::Link(i, _) => &article.links[i],
    }
}

/// Where the piece of `text` starting at `start` ends: the whole rest when it
/// is short, else the first space after [`PIECE_BYTES`] (or the end).
fn piece_end(text: &str, start: usize) -> usize {
    if text.len() - start <= PIECE_BYTES {
        return text.len();
    }
    let mut at = start + PIECE_BYTES;
    while !text.is_char_boundary(at) {
        at += 1;
    }
    text[at..].find(' ').map_or(text.len(), |i| at + i)
}

fn owned(line: Line<'_>) -> Line<'static> {
    Line::from(
        line.spans
            .into_iter()
            .map(|span| Span::styled(span.content.into_owned(), span.style))
            .collect::<Vec<_>>(),
    )
    .style(line.style)
}

/// An article laid out for one width, as far as it has been read: lines are
/// wrapped on demand ([`ReaderLayout::extend_to`]) and kept, so scrolling and
/// drawing cost the lines on screen, not the article. Kept in the app for the
/// selected article ([`crate::app::App::reader`]), updated by `update`, read by
/// the renderer.
#[derive(Debug, Clone, Default)]
pub struct ReaderLayout {
    /// Which article (index into the library) and width this is for.
    pub key: Option<(usize, usize)>,
    blocks: Vec<Part>,
    /// The next block to lay out, and the byte in its text to go on from.
    next: usize,
    offset: usize,
    /// The lines laid out so far.
    pub lines: Vec<Line<'static>>,
    /// Text bytes laid out so far, and in all (for estimating the length).
    bytes_done: usize,
    bytes_total: usize,
}

impl ReaderLayout {
    /// An empty layout of `article` (library index `index`) for `width` columns.
    pub fn new(index: usize, article: &Article, width: usize) -> Self {
        let blocks = blocks(article);
        let bytes_total = blocks.iter().map(|&b| block_text(article, b).len()).sum();
        ReaderLayout {
            key: Some((index, width)),
            blocks,
            next: 0,
            offset: 0,
            lines: Vec::new(),
            bytes_done: 0,
            bytes_total,
        }
    }

    /// Whether every line has been laid out.
    pub fn is_complete(&self) -> bool {
        self.next >= self.blocks.len()
    }

    /// The number of lines: exact when complete, else estimated from the share
    /// of the text laid out (never less than the lines known).
    pub fn total_lines(&self) -> usize {
        if self.is_complete() || self.bytes_done == 0 {
            return self.lines.len();
        }
        let estimate =
            self.lines.len() as u128 * self.bytes_total as u128 / self.bytes_done as u128;
        (estimate as usize).max(self.lines.len() + 1)
    }

    /// Lays out lines until there are at least `wanted` (or the article ends).
    pub fn extend_to(&mut self, article: &Article, theme: &Theme, wanted: usize) {
        let Some((_, width)) = self.key else {
            return;
        };
        while self.lines.len() < wanted && !self.is_complete() {
            self.step(article, theme, width);
        }
    }

    /// Lays out the next block, or the next piece of a long one.
    fn step(&mut self, article: &Article, theme: &Theme, width: usize) {
        let block = self.blocks[self.next];
        let plain = Style::new();
        let none = || Span::raw("");
        let mut lines: Vec<Line<'_>> = Vec::new();
        let text = block_text(article, block);
        let start = self.offset;
        let end = piece_end(text, start);
        let piece = &text[start..end];
        let first = start == 0;
        // The lead of a block's first line, and of the lines after it.
        let lead = |prefix: Span<'static>, indent: Span<'static>| {
            if first {
                (prefix, indent.clone())
            } else {
                (indent.clone(), indent)
            }
        };
        match block {
            Part::Gap => {
                if self.lines.last().is_some_and(|l| l.width() > 0) {
                    lines.push(Line::default());
                }
            }
            Part::Meta => {
                let mut meta: Vec<String> = [&article.source, &article.byline, &article.published]
                    .into_iter()
                    .filter_map(|f| f.as_deref())
                    .filter(|s| !s.trim().is_empty())
                    .map(str::to_owned)
                    .collect();
                if article.word_count > 0 {
                    meta.push(format!("{} words", count::thousands(article.word_count)));
                    meta.push(format!("{} min read", article.minutes_to_read()));
                }
                for line in join_items(&meta, " · ", width) {
                    lines.push(Line::styled(line, theme.dim));
                }
            }
            Part::Title | Part::Heading(_) => {
                push_wrapped(&mut lines, piece, width, theme.headline, none(), none());
            }
            Part::Dek => {
                push_wrapped(&mut lines, piece, width, theme.dek, none(), none());
            }
            Part::KeyPoint(_) => {
                let (p, i) = lead(Span::styled("• ", theme.accent), Span::raw("  "));
                push_wrapped(&mut lines, piece, width, plain, p, i);
            }
            Part::Body(i) => {
                let style = if article.is_subhead(i) {
                    theme.subhead
                } else {
                    plain
                };
                push_wrapped(&mut lines, piece, width, style, none(), none());
            }
            Part::Caption(_) => {
                let (p, i) = lead(Span::styled("Photo: ", theme.caption), Span::raw("       "));
                push_wrapped(&mut lines, piece, width, theme.caption, p, i);
            }
            Part::Credit(_) => {
                push_wrapped(&mut lines, piece, width, theme.dim, none(), none());
            }
            Part::Related(_, number) | Part::Link(_, number) => {
                let label = format!("[{number}] ");
                let indent = Span::raw(" ".repeat(label.len()));
                let (p, i) = lead(Span::styled(label, theme.accent), indent);
                if matches!(block, Part::Link(..)) {
                    push_url(&mut lines, piece, width, theme.link, p, i);
                } else {
                    push_wrapped(&mut lines, piece, width, plain, p, i);
                }
            }
            Part::RelatedUrl(_, number) => {
                let indent = Span::raw(" ".repeat(format!("[{number}] ").len()));
                push_url(&mut lines, piece, width, theme.link, indent.clone(), indent);
            }
        }
        self.lines.extend(lines.into_iter().map(owned));
        self.bytes_done += end - start;
        // Go on after the space a piece was cut at, or with the next block.
        let rest = text[end..].trim_start_matches(' ');
        if rest.is_empty() {
            self.next += 1;
            self.offset = 0;
        } else {
            self.offset = text.len() - rest.len();
            self.bytes_done += self.offset - end;
        }
    }
}

/// The article laid out for a text area `width` columns wide: headline, meta line,
/// dek, key points, body, captions, credits, related links and links. The whole
/// of [`ReaderLayout`], for tests and exact counts.
pub fn article_lines(article: &Article, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut layout = ReaderLayout::new(0, article, width);
    layout.extend_to(article, theme, usize::MAX);
    layout.lines
}

/// Draws the reading pane into `area`.
pub fn render(app: &App, area: Rect, focused: bool, buf: &mut Buffer) {
    let theme = &app.theme;
    let text = text_area(area, app.text_width);
    let article = app.selected_article();
    let height = text.height as usize;
    let wanted = app.scroll.saturating_add(height);
    // The app's layout when it is for this article and width and reaches the
    // screen (update keeps it so); otherwise just enough laid out here.
    let key = app.selected_index().map(|i| (i, text.width as usize));
    let cached = &app.reader;
    let local;
    let layout = match (article, key) {
        (Some(article), Some(key))
            if cached.key != Some(key)
                || (cached.lines.len() < wanted && !cached.is_complete()) =>
        {
            let mut layout = ReaderLayout::new(key.0, article, key.1);
            layout.extend_to(article, theme, wanted);
            local = layout;
            &local
        }
        (Some(_), Some(_)) => cached,
        _ => {
            local = ReaderLayout::default();
            &local
        }
    };
    let lines = &layout.lines;
    let total = layout.total_lines();
    let max = total.saturating_sub(height);
    let scroll = app.scroll.min(max);
    if super::has_border(area) {
        let mut block = Block::bordered()
            .border_style(if focused {
                theme.border_focused
            } else {
                theme.border
            })
            .title(Line::from(" Reader ").style(theme.accent));
        if article.is_some() {
            let position = format!(" {} ", count::of(app.selected + 1, app.matches.len()));
            block = block.title_top(Line::from(position).style(theme.dim).right_aligned());
            let percent = (scroll * 100).checked_div(max).unwrap_or(100);
            block = block.title_bottom(Line::from(format!(" {percent}% ")).right_aligned());
        }
        block.render(area, buf);
        if max > 0 {
            let mut state = ScrollbarState::new(max + 1)
                .viewport_content_length(height)
                .position(scroll);
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None)
                .track_symbol(Some("│"))
                .thumb_style(theme.accent)
                .track_style(theme.border)
                .render(area.inner(Margin::new(0, 1)), buf, &mut state);
        }
    }
    if text.is_empty() {
        return;
    }
    if article.is_none() {
        let message = fit_str("nothing to read", text.width as usize);
        let y = text.y + text.height / 2;
        Line::styled(message, theme.dim)
            .centered()
            .render(Rect::new(text.x, y, text.width, 1), buf);
        return;
    }
    for (i, line) in lines.iter().skip(scroll).take(height).enumerate() {
        line.render(Rect::new(text.x, text.y + i as u16, text.width, 1), buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_items_break_only_between_items() {
        let items: Vec<String> = ["Voice of America", "2023-03-02", "24 words", "1 min read"]
            .map(str::to_owned)
            .to_vec();
        assert_eq!(
            join_items(&items, " · ", 40),
            ["Voice of America · 2023-03-02 · 24 words", "1 min read"]
        );
        assert_eq!(join_items(&items[..1], " · ", 8), ["Voice of", "America"]);
        assert!(join_items(&[], " · ", 8).is_empty());
    }

    #[test]
    fn a_huge_paragraph_is_laid_out_only_as_far_as_asked() {
        let article = Article {
            title: "Huge".to_owned(),
            body: vec!["word ".repeat(200_000), "The end.".to_owned()],
            ..Default::default()
        };
        let theme = Theme::default();
        let mut layout = ReaderLayout::new(0, &article, 60);
        layout.extend_to(&article, &theme, 40);
        assert!(layout.lines.len() >= 40 && !layout.is_complete());
        assert!(layout.lines.len() < 1_000, "one piece, not the paragraph");
        assert!(layout.total_lines() > 10_000, "estimated from the bytes");
        let all = article_lines(&article, 60, &theme);
        assert!(all.iter().all(|l| l.width() <= 60));
        assert_eq!(all[..40], layout.lines[..40]);
        let text: Vec<String> = all.iter().map(ToString::to_string).collect();
        assert_eq!(text.last().map(String::as_str), Some("The end."));
        let other: Vec<&String> = text.iter().filter(|l| !l.contains("word")).collect();
        assert_eq!(other, ["Huge", "", "", "The end."]);
    }

    #[test]
    fn every_line_fits_the_width() {
        let article = Article {
            title: "A headline long enough to wrap across several narrow lines".to_owned(),
            byline: Some("Someone With A Long Name".to_owned()),
            key_points: vec!["A key point that is long enough to wrap".to_owned()],
            body: vec!["word ".repeat(50), "x".repeat(70)],
            links: vec![format!("https://example.com/{}", "a".repeat(60))],
            word_count: 51,
            ..Default::default()
        };
        for width in 1..40 {
            for line in article_lines(&article, width, &Theme::default()) {
                assert!(line.width() <= width, "{width}: {line:?}");
            }
        }
    }
}
