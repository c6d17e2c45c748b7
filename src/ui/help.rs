//! The help overlay: every key, from the same table the key map documents.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

use super::text::{fit, width};
use super::theme::Theme;
use crate::app::geometry::has_border;
use crate::app::help::HelpLayout;
use crate::app::{App, Command};

/// Draws the help overlay centred in `area`, from its line `App::help_scroll` on.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let layout = HelpLayout::new(app.keymap(), area);
    let popup = layout.popup;
    Clear.render(popup, buf);
    let first = app.help_scroll().min(layout.max_scroll());
    let shown = layout.lines.len().min(first + layout.visible());
    if has_border(popup) {
        let close = app.keymap().hint_keys(&[Command::Help, Command::CloseHelp]);
        // Where the help does not fit, say which part shows and how to move.
        let footer = if layout.max_scroll() > 0 {
            let scroll = app
                .keymap()
                .hint_keys(&[Command::ScrollUp, Command::ScrollDown]);
            let (from, of) = (first + 1, layout.lines.len());
            let long = format!(" {from}-{shown} of {of} · {scroll} scroll · {close} close ");
            if width(&long) + 2 <= popup.width as usize {
                long
            } else {
                format!(" {from}-{shown} of {of} · {scroll} · {close} ")
            }
        } else {
            format!(" {close} close ")
        };
        Block::bordered()
            .border_style(theme.border_focused)
            .title(Line::from(" Keys ").style(theme.accent))
            .title_bottom(Line::from(footer).right_aligned())
            .render(popup, buf);
    }
    let inner = layout.inner;
    for (i, line) in layout.lines[first..shown].iter().enumerate() {
        let mut spans = vec![Span::styled(line.keys.as_str(), theme.key)];
        if let Some(column) = layout.key_column {
            spans.push(Span::raw(" ".repeat(column - width(&line.keys) + 2)));
        }
        spans.push(Span::raw(line.text.as_str()));
        Line::from(fit(spans, inner.width as usize))
            .render(Rect::new(inner.x, inner.y + i as u16, inner.width, 1), buf);
    }
}
