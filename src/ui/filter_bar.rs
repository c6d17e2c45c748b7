//! The bottom two lines: the filter bar (prompt, query, cursor, match count) and
//! the hint line (the main keys, and the status text when there is one).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_segmentation::UnicodeSegmentation;

use super::text::{fit, fit_str, safe, width};
use super::theme::Theme;
use crate::app::{App, Mode};

/// The hint shown while browsing the list.
pub const LIST_HINT: &str =
    "↑↓ move · Enter open · Tab focus · PgUp/PgDn scroll · Esc clear/quit · F1 help";
/// The hint shown while reading.
pub const READER_HINT: &str =
    "↑↓/Space scroll · Ctrl-N/P next · Tab list · Esc back · F1 help · Ctrl-C quit";
/// The list hint for narrow terminals.
pub const LIST_HINT_SHORT: &str = "↑↓ Enter open · Esc clear/quit · F1 help";
/// The reader hint for narrow terminals.
pub const READER_HINT_SHORT: &str = "↑↓ Space scroll · Esc back · F1 help";
/// The hint shown with the help overlay open.
pub const HELP_HINT: &str = "F1/Esc close help · Ctrl-C quit";

/// Draws the filter bar into the one-line `area`.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let total = area.width as usize;
    // "…" while the filter worker has not answered the newest query yet.
    let waiting = if app.filter_pending { "… " } else { "" };
    let count = format!(
        " {waiting}{}/{} matches",
        app.matches.len(),
        app.articles.len()
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
    let prompt = Span::styled(
        if app.full_text { "full text > " } else { "> " },
        theme.accent,
    );
    let query = safe(&app.query);
    // Keep the end of a long query (where the cursor is) in view.
    let query_room = room.saturating_sub(3);
    // Dropped a grapheme at a time, so an emoji sequence or a flag is never split.
    let mut shown: &str = &query;
    let mut starts = query.grapheme_indices(true).map(|(i, _)| i).skip(1);
    while width(shown) > query_room {
        shown = starts.next().map_or("", |i| &query[i..]);
    }
    let mut spans = vec![
        prompt,
        Span::raw(shown.to_owned()),
        Span::styled(" ", theme.cursor),
    ];
    if app.query.is_empty() {
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
    let (hint, short) = match app.mode() {
        Mode::List => (LIST_HINT, LIST_HINT_SHORT),
        Mode::Reader => (READER_HINT, READER_HINT_SHORT),
        Mode::Help => (HELP_HINT, HELP_HINT),
    };
    let mut room = total;
    let status = match (&app.status, &app.warning) {
        (Some(status), _) => Some((status.as_str(), app.status_is_error)),
        (None, Some(warning)) => Some((warning.as_str(), true)),
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
    let hint = if width(hint) <= room { hint } else { short };
    Line::from(fit(vec![Span::styled(hint, theme.dim)], room))
        .render(Rect::new(area.x, area.y, room as u16, 1), buf);
}
