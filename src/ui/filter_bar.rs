//! The bottom two lines: the filter bar (prompt, query, cursor, match count) and
//! the hint line (the main keys, and the status text when there is one).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_segmentation::UnicodeSegmentation;

use super::text::{fit, fit_str, safe, width};
use super::theme::Theme;
use crate::app::find::Find;
use crate::app::{App, Focus, Mode, count, keymap};

/// Draws the search in the article into the filter bar's `area`: its prompt,
/// what is typed, and which match of how many is shown.
fn render_find(find: &Find, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let total = area.width as usize;
    let count = match (find.editing, find.hits.len()) {
        (true, _) => String::new(),
        (false, 0) => " no match".to_owned(),
        (false, n) => format!(" {}", count::of(find.current + 1, n)),
    };
    let count_width = width(&count);
    let room = total.saturating_sub(count_width);
    let query = safe(&find.query);
    let mut spans = vec![
        Span::styled("find in article > ", theme.accent),
        Span::raw(query.into_owned()),
    ];
    if find.editing {
        spans.push(Span::styled(" ", theme.cursor));
    }
    Line::from(fit(spans, room)).render(area, buf);
    if count_width > 0 && count_width <= total {
        let x = area.x + (total - count_width) as u16;
        Span::styled(count, theme.status).render(Rect::new(x, area.y, count_width as u16, 1), buf);
    }
}

/// Draws the filter bar into the one-line `area` (the search in the article
/// while there is one).
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if let Some(find) = app.find().as_ref().filter(|_| app.focus() == Focus::Reader) {
        render_find(find, theme, area, buf);
        return;
    }
    let total = area.width as usize;
    // "…" while the filter worker has not answered the newest query yet.
    let waiting = if app.filter_pending() { "… " } else { "" };
    let count = format!(
        " {waiting}{} matches",
        count::of(app.matches().len(), app.articles().len())
    );
    let count_width = width(&count);
    // The count goes when the bar is too narrow for it and some query.
    let show_count = total >= count_width + 12;
    let room = if show_count {
        total - count_width
    } else {
        total
    };

    // Full-text mode (Ctrl-F) says so in the prompt.
    let prompt = if app.full_text() {
        "full text > "
    } else {
        "> "
    };
    // Cleaned in two parts, so the cursor stays between the same letters.
    let cursor = app.cursor().min(app.query().len());
    let (before, after) = match (app.query().get(..cursor), app.query().get(cursor..)) {
        (Some(before), Some(after)) => (safe(before), safe(after)),
        _ => (safe(app.query()), Default::default()),
    };
    // The cursor is drawn on the letter it stands before (a space at the end).
    let (at, rest) = match after.graphemes(true).next() {
        Some(g) => (g, &after[g.len()..]),
        None => (" ", ""),
    };
    // Keep the cursor in view: drop letters from the start, a grapheme at a
    // time (an emoji sequence or a flag is never split); what follows the
    // cursor is cut at the end.
    let query_room = room.saturating_sub(width(prompt) + 1);
    let mut shown: &str = &before;
    let mut starts = before.grapheme_indices(true).map(|(i, _)| i).skip(1);
    while !shown.is_empty() && width(shown) + width(at) > query_room {
        shown = starts.next().map_or("", |i| &before[i..]);
    }
    let mut spans = vec![
        Span::styled(prompt, theme.accent),
        Span::raw(shown.to_owned()),
        Span::styled(at.to_owned(), theme.cursor),
        Span::raw(rest.to_owned()),
    ];
    if app.query().is_empty() {
        spans.push(Span::styled(" type to filter", theme.dim));
    }
    let spans = fit(spans, room);
    Line::from(spans).render(area, buf);
    if show_count {
        let x = area.x + (total - count_width) as u16;
        Span::styled(count, theme.dim).render(Rect::new(x, area.y, count_width as u16, 1), buf);
    }
}

/// Draws the hint line (and the status text, right-aligned) into the one-line `area`.
pub fn render_hint(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let total = area.width as usize;
    // From the keymap, so remapped keys show as they are bound.
    let hints = match app.mode() {
        Mode::List => keymap::LIST_HINTS,
        Mode::Reader => keymap::READER_HINTS,
        Mode::Help if app.show_problems() => keymap::PROBLEMS_HINTS,
        Mode::Help => keymap::HELP_HINTS,
        Mode::Find => keymap::FIND_HINTS,
        Mode::Found => keymap::FOUND_HINTS,
    };
    let mut room = total;
    let status = match (app.status(), app.warning()) {
        (Some(status), _) => Some((status, app.status_is_error())),
        (None, Some(warning)) => Some((warning, true)),
        (None, None) => None,
    };
    if let Some((status, is_error)) = status {
        let style = if is_error { theme.error } else { theme.status };
        // The status wins: it is news; the hint is always the same.
        let status = fit_str(&safe(status), total.min(total / 2 + 20).max(1));
        let status_width = width(&status);
        let x = area.x + (total - status_width) as u16;
        Span::styled(status, style).render(Rect::new(x, area.y, status_width as u16, 1), buf);
        room = total.saturating_sub(status_width + 1);
    }
    let lines: Vec<String> = hints.iter().map(|h| app.keymap().hint_line(h)).collect();
    let hint = lines
        .iter()
        .find(|line| width(line) <= room)
        .or(lines.last())
        .map_or("", String::as_str);
    Line::from(fit(vec![Span::styled(hint, theme.dim)], room))
        .render(Rect::new(area.x, area.y, room as u16, 1), buf);
}
