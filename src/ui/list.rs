//! The list pane: one two-line row per matching article (headline, then source and
//! date — in full-text mode the best-matching body snippet instead), the selection marked, unread articles with a dot and in bold, starred
//! ones with a star, matched letters highlighted. Only visible rows are
//! touched, so drawing costs the same for 4 articles or 400,000.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::text::{fit, fit_str, highlight, safe, window_start};
use super::theme::Theme;
use crate::app::geometry::{GUTTER, ROW_HEIGHT, has_border, offset_for, pane_inner, visible_rows};
use crate::app::{App, Command, count};
use crate::article::Article;

/// The pane's title: view and sort, cut to `room` columns (the count on the
/// right keeps its place).
pub fn title_text(app: &App, room: usize) -> String {
    let full = format!(
        " Articles · {} · {} ",
        app.view().as_str(),
        app.sort_label()
    );
    if super::text::width(&full) <= room {
        return full;
    }
    let short = format!(" {} · {} ", app.view().as_str(), app.sort_label());
    fit_str(&short, room)
}

/// The second line of a row: source and date; when neither is known, the
/// start of the article (its summary or first paragraph), which tells more
/// than a file name; the file name only for an article without text.
fn meta_text(article: &Article) -> String {
    let parts: Vec<&str> = [&article.source, &article.published]
        .into_iter()
        .filter_map(|f| f.as_deref())
        .filter(|s| !s.trim().is_empty())
        .collect();
    if !parts.is_empty() {
        return safe(&parts.join(" · ")).into_owned();
    }
    let opening = article
        .dek
        .iter()
        .chain(&article.body)
        .map(|p| p.trim())
        .find(|p| !p.is_empty());
    let text = opening.unwrap_or_else(|| {
        article
            .path
            .rsplit(['/', '\\', ':'])
            .next()
            .unwrap_or_default()
    });
    // Only what can show on one line is cleaned.
    let head: String = text.chars().take(400).collect();
    safe(&head).into_owned()
}

/// Draws the list pane into `area`.
pub fn render(app: &App, theme: &Theme, area: Rect, focused: bool, buf: &mut Buffer) {
    let inner = pane_inner(area);
    if has_border(area) {
        let count = format!(" {} ", count::of(app.matches().len(), app.articles().len()));
        let room = (area.width as usize)
            .saturating_sub(2 + super::text::width(&count) + 1)
            .max(1);
        Block::bordered()
            .border_style(if focused {
                theme.border_focused
            } else {
                theme.border
            })
            .title(Line::from(title_text(app, room)).style(theme.accent))
            .title_top(Line::from(count).right_aligned())
            .render(area, buf);
    }
    if inner.is_empty() {
        return;
    }
    if app.matches().is_empty() {
        render_empty(app, theme, inner, buf);
        return;
    }
    let rows = visible_rows(inner.height);
    let offset = offset_for(app.selected(), app.list_offset(), rows, app.matches().len());
    let shown = app.matches().len().saturating_sub(offset).min(rows);
    render_welcome(app, theme, inner, shown * ROW_HEIGHT, buf);
    let drawn = (inner.height as usize).div_ceil(ROW_HEIGHT);
    let text_width = (inner.width as usize).saturating_sub(GUTTER);
    for (i, m) in app
        .matches()
        .sorted()
        .iter()
        .enumerate()
        .skip(offset)
        .take(drawn)
    {
        let Some(article) = app.articles().get(m.index as usize) else {
            continue;
        };
        let y = inner.y + ((i - offset) * ROW_HEIGHT) as u16;
        let selected = i == app.selected();
        let row = Rect::new(inner.x, y, inner.width, 1);
        let meta_row = Rect::new(inner.x, y + 1, inner.width, 1).intersection(inner);
        if selected {
            buf.set_style(row, theme.selected);
            buf.set_style(meta_row, theme.selected);
        }
        let marker = if selected {
            Span::styled("▌", theme.marker)
        } else {
            Span::raw(" ")
        };
        let index = m.index as usize;
        let unread = !app.is_read(index);
        let dot = if unread {
            Span::styled("•", theme.unread)
        } else {
            Span::raw(" ")
        };
        let star = if app.is_starred(index) {
            Span::styled("★", theme.star)
        } else {
            Span::raw(" ")
        };
        let title = safe(&article.title);
        let marks = app.highlight_of(m.index);
        let mut indices: Vec<usize> = marks.map_or_else(Vec::new, |h| h.title.clone());
        // A match past the cut is shown as fzf shows it: the headline's start
        // gives way to "…" and the part that holds the match.
        let start = window_start(&title, &indices, text_width);
        let title = if start > 0 {
            let byte = title.char_indices().nth(start).map_or(0, |(b, _)| b);
            indices = indices
                .iter()
                .filter(|&&i| i >= start)
                .map(|i| i - start + 1)
                .collect();
            std::borrow::Cow::Owned(format!("…{}", &title[byte..]))
        } else {
            title
        };
        let base = if selected || unread {
            theme.headline
        } else {
            Style::new()
        };
        let mut spans = vec![marker.clone(), dot, star, Span::raw(" ")];
        spans.extend(fit(
            highlight(&title, &indices, base, theme.matched),
            text_width,
        ));
        Line::from(spans).render(row, buf);
        if !meta_row.is_empty() {
            let mut spans = vec![marker, Span::raw("   ")];
            // Full text: the body around the first match, matches highlighted
            // (found by `update` for the visible rows); the source line when
            // the body has no match (the headline matched).
            match marks.and_then(|h| h.snippet.as_ref()) {
                Some(snippet) => spans.extend(fit(
                    highlight(&snippet.text, &snippet.indices, theme.dim, theme.matched),
                    text_width,
                )),
                None => spans.push(Span::styled(
                    fit_str(&meta_text(article), text_width),
                    theme.dim,
                )),
            }
            Line::from(spans).render(meta_row, buf);
        }
    }
}

/// The first-run note under the rows, when the list leaves room for it: the
/// articles shown are the bundled ones, and this says how to get one's own.
/// Wrapped to the pane; left out when it does not fit whole.
fn render_welcome(app: &App, theme: &Theme, inner: Rect, used: usize, buf: &mut Buffer) {
    let Some(welcome) = app.welcome() else {
        return;
    };
    let width = (inner.width as usize).saturating_sub(2 * GUTTER).max(1);
    let welcome = safe(welcome);
    let welcome = welcome.trim_end_matches('.');
    // A sentence on screen ("newsreader: the library…" on stderr).
    let mut chars = welcome.chars();
    let mut text: String = chars
        .next()
        .map(|c| c.to_uppercase())
        .into_iter()
        .flatten()
        .collect();
    text.push_str(chars.as_str());
    text.push('.');
    if let Some(key) = app.keymap().keys_for(Command::Fetch).first() {
        text.push_str(&format!(" In here, {key} fetches."));
    }
    let lines = textwrap::wrap(&text, width);
    // A blank row above, so the note does not read as one more article.
    let free = (inner.height as usize).saturating_sub(used + 1);
    if lines.len() > free {
        return;
    }
    let top = inner.bottom() - lines.len() as u16;
    for (i, line) in lines.iter().enumerate() {
        Line::styled(line.to_string(), theme.dim)
            .centered()
            .render(Rect::new(inner.x, top + i as u16, inner.width, 1), buf);
    }
}

/// The state for a filter that matches nothing (or an empty library).
fn render_empty(app: &App, theme: &Theme, inner: Rect, buf: &mut Buffer) {
    let width = inner.width as usize;
    let lines: Vec<Line<'_>> = if app.articles().is_empty() {
        vec![Line::styled(
            fit_str("no articles loaded", width),
            theme.dim,
        )]
    } else if !app.filtered().is_empty() {
        // The filter matched, the view hid them all.
        let message = format!("no {} articles", app.view().as_str());
        let hint = match app.keymap().keys_for(Command::CycleView).first() {
            Some(key) => format!("{key} changes the view"),
            None => "the view hides them all".to_owned(),
        };
        vec![
            Line::styled(fit_str(&message, width), theme.headline),
            Line::styled(fit_str(&hint, width), theme.dim),
        ]
    } else {
        vec![
            Line::styled(fit_str("no articles match", width), theme.headline),
            Line::styled(
                fit_str(&format!("“{}”", safe(app.query().trim())), width),
                theme.accent,
            ),
            Line::styled(
                fit_str(
                    &match app.keymap().keys_for(Command::ClearOrQuit).first() {
                        Some(key) => format!("{key} clears the filter"),
                        None => "clear the filter to see them all".to_owned(),
                    },
                    width,
                ),
                theme.dim,
            ),
        ]
    };
    let top = inner.y + inner.height.saturating_sub(lines.len() as u16) / 2;
    for (i, line) in lines.into_iter().enumerate() {
        let y = top + i as u16;
        if y >= inner.bottom() {
            break;
        }
        line.centered()
            .render(Rect::new(inner.x, y, inner.width, 1), buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offset_keeps_the_selection_visible_and_the_screen_full() {
        assert_eq!(offset_for(0, 0, 5, 100), 0);
        assert_eq!(offset_for(7, 0, 5, 100), 3);
        assert_eq!(offset_for(2, 3, 5, 100), 2);
        assert_eq!(offset_for(99, 0, 5, 100), 95);
        assert_eq!(offset_for(3, 50, 5, 4), 0);
        assert_eq!(offset_for(0, 0, 0, 0), 0);
    }
}
