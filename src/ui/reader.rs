//! The reading pane: the selected article laid out for the pane's width, scrolled.
//!
//! [`article_lines`] is the single layout function: the renderer draws its output
//! and [`crate::app::update`] counts it to clamp scrolling, so they never disagree.

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget,
};

use super::pane_inner;
use super::text::{fit_str, safe, wrap, wrap_url};
use super::theme::Theme;
use crate::app::App;
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

/// How far `article` can scroll in a text area of `area`.
pub fn max_scroll(article: &Article, area: Rect) -> usize {
    let lines = article_lines(article, area.width as usize, &Theme::default()).len();
    lines.saturating_sub(area.height as usize)
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

/// A blank line between sections (never two, never first).
fn gap(lines: &mut Vec<Line<'_>>) {
    if lines.last().is_some_and(|l| l.width() > 0) {
        lines.push(Line::default());
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

/// The article laid out for a text area `width` columns wide: headline, meta line,
/// dek, key points, body, captions, credits, related links and links.
pub fn article_lines<'a>(article: &'a Article, width: usize, theme: &Theme) -> Vec<Line<'a>> {
    let mut lines = Vec::new();
    let none = || Span::raw("");
    let plain = Style::new();
    push_wrapped(
        &mut lines,
        &article.title,
        width,
        theme.headline,
        none(),
        none(),
    );

    let mut meta: Vec<String> = [&article.source, &article.byline, &article.published]
        .into_iter()
        .filter_map(|f| f.as_deref())
        .filter(|s| !s.trim().is_empty())
        .map(str::to_owned)
        .collect();
    if article.word_count > 0 {
        meta.push(format!("{} words", article.word_count));
        meta.push(format!("{} min read", article.minutes_to_read()));
    }
    for line in join_items(&meta, " · ", width) {
        lines.push(Line::styled(line, theme.dim));
    }
    if let Some(dek) = article.dek.as_deref().filter(|d| !d.trim().is_empty()) {
        gap(&mut lines);
        let style = Style::new().add_modifier(Modifier::ITALIC);
        push_wrapped(&mut lines, dek, width, style, none(), none());
    }
    if !article.key_points.is_empty() {
        gap(&mut lines);
        for point in &article.key_points {
            let bullet = Span::styled("• ", theme.accent);
            push_wrapped(&mut lines, point, width, plain, bullet, Span::raw("  "));
        }
    }
    for (i, paragraph) in article.body.iter().enumerate() {
        gap(&mut lines);
        let style = if article.is_subhead(i) {
            theme.subhead
        } else {
            plain
        };
        push_wrapped(&mut lines, paragraph, width, style, none(), none());
    }
    if !article.captions.is_empty() {
        gap(&mut lines);
        for caption in &article.captions {
            let mark = Span::styled("Photo: ", theme.caption);
            let indent = Span::raw("       ");
            push_wrapped(&mut lines, caption, width, theme.caption, mark, indent);
        }
    }
    if !article.credits.is_empty() {
        gap(&mut lines);
        for credit in &article.credits {
            push_wrapped(&mut lines, credit, width, theme.dim, none(), none());
        }
    }
    let mut number = 0;
    if !article.related.is_empty() {
        gap(&mut lines);
        push_wrapped(&mut lines, "Related", width, theme.headline, none(), none());
        for related in &article.related {
            number += 1;
            let label = format!("[{number}] ");
            let indent = " ".repeat(label.len());
            let title = if related.title.is_empty() {
                related.url.as_deref().unwrap_or_default()
            } else {
                &related.title
            };
            let mark = Span::styled(label, theme.accent);
            push_wrapped(
                &mut lines,
                title,
                width,
                plain,
                mark,
                Span::raw(indent.clone()),
            );
            if let Some(url) = related.url.as_deref().filter(|_| !related.title.is_empty()) {
                let pad = Span::raw(indent.clone());
                push_url(&mut lines, url, width, theme.link, pad, Span::raw(indent));
            }
        }
    }
    if !article.links.is_empty() {
        gap(&mut lines);
        push_wrapped(&mut lines, "Links", width, theme.headline, none(), none());
        for link in &article.links {
            number += 1;
            let label = format!("[{number}] ");
            let indent = Span::raw(" ".repeat(label.len()));
            let mark = Span::styled(label, theme.accent);
            push_url(&mut lines, link, width, theme.link, mark, indent);
        }
    }
    lines
}

/// Draws the reading pane into `area`.
pub fn render(app: &App, area: Rect, focused: bool, buf: &mut Buffer) {
    let theme = &app.theme;
    let text = text_area(area, app.text_width);
    let article = app.selected_article();
    let lines = article
        .map(|a| article_lines(a, text.width as usize, theme))
        .unwrap_or_default();
    let height = text.height as usize;
    let max = lines.len().saturating_sub(height);
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
            let position = format!(" {} of {} ", app.selected + 1, app.matches.len());
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
    for (i, line) in lines.into_iter().skip(scroll).take(height).enumerate() {
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
