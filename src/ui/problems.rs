//! The problems view: each feed whose last fetch failed, its URL and the
//! error, in a box over the reader (like the help).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

use super::text::fit;
use super::theme::Theme;
use crate::app::{App, Command};

/// The view's lines: per failing feed its title and URL, then its error.
fn lines<'a>(app: &'a App, theme: &Theme) -> Vec<Vec<Span<'a>>> {
    if app.problems().is_empty() {
        return vec![vec![Span::raw("No feed failed its last fetch.")]];
    }
    let mut lines = Vec::new();
    for problem in app.problems() {
        lines.push(vec![
            Span::styled(problem.title.as_str(), theme.accent),
            Span::raw("  "),
            Span::styled(problem.url.as_str(), theme.dim),
        ]);
        lines.push(vec![
            Span::raw("  "),
            Span::styled(problem.error.as_str(), theme.error),
        ]);
    }
    lines
}

/// Draws the problems view centred in `area`.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let lines = lines(app, theme);
    let widest = lines
        .iter()
        .map(|spans| {
            spans
                .iter()
                .map(|s| super::text::width(&s.content))
                .sum::<usize>()
        })
        .max()
        .unwrap_or(0);
    let title = format!(" Feeds failing: {} ", app.problems().len());
    let want_width = (widest.max(title.len()) + 4).min(u16::MAX as usize) as u16;
    let want_height = (lines.len() + 2).min(u16::MAX as usize) as u16;
    let width = want_width.min(area.width);
    let height = want_height.min(area.height);
    let popup = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    Clear.render(popup, buf);
    let inner = if crate::app::geometry::has_border(popup) {
        Block::bordered()
            .border_style(theme.border_focused)
            .title(Line::from(title).style(theme.accent))
            .title_bottom(
                Line::from(format!(
                    " {} close ",
                    app.keymap()
                        .hint_keys(&[Command::Problems, Command::CloseHelp])
                ))
                .right_aligned(),
            )
            .render(popup, buf);
        crate::app::geometry::pane_inner(popup).inner(ratatui::layout::Margin::new(1, 0))
    } else {
        popup
    };
    let rows = inner.height as usize;
    let mut lines = lines;
    if lines.len() > rows && rows > 0 {
        // Whole feeds only, and a last line saying how many more there are.
        let shown = (rows - 1) / 2;
        lines.truncate(shown * 2);
        let more = app.problems().len() - shown;
        lines.push(vec![Span::styled(
            format!("… and {more} more failing feeds"),
            theme.dim,
        )]);
    }
    for (i, spans) in lines.into_iter().enumerate().take(rows) {
        Line::from(fit(spans, inner.width as usize))
            .render(Rect::new(inner.x, inner.y + i as u16, inner.width, 1), buf);
    }
}
