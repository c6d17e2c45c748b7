//! The reading pane: the selected article, as `update` laid it out
//! ([`crate::app::reading`]), styled by role and scrolled.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget,
};

use super::text::fit_str;
use super::theme::Theme;
use crate::app::geometry::{has_border, text_area};
use crate::app::reading::{Piece, ReadLine, Role};
use crate::app::{App, count};

/// Draws the reading pane into `area`.
///
/// Draws the lines `update` laid out ([`App::reader`]): `update` keeps that
/// layout for the selected article, the pane's width and the lines on screen,
/// so this lays out nothing.
pub fn render(app: &App, theme: &Theme, area: Rect, focused: bool, buf: &mut Buffer) {
    let text = text_area(area, app.text_width());
    let article = app.selected_article();
    let height = text.height as usize;
    let layout = &app.reader();
    let total = layout.total_lines();
    let max = total.saturating_sub(height);
    let scroll = app.scroll().min(max);
    if has_border(area) {
        let mut block = Block::bordered()
            .border_style(if focused {
                theme.border_focused
            } else {
                theme.border
            })
            .title(Line::from(" Reader ").style(theme.accent));
        if article.is_some() {
            let position = format!(" {} ", count::of(app.selected() + 1, app.matches().len()));
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
    let shown = (scroll..scroll.saturating_add(height)).map_while(|i| layout.line(i));
    for (i, line) in shown.enumerate() {
        styled(line, theme).render(Rect::new(text.x, text.y + i as u16, text.width, 1), buf);
    }
    // Matches of the search in the article, the current one reversed.
    if let Some(find) = &app.find() {
        for (n, hit) in find.hits.iter().enumerate() {
            if hit.line < scroll || hit.line >= scroll + height {
                continue;
            }
            let x = text.x.saturating_add(hit.column as u16);
            let w = (hit.width as u16).min(text.right().saturating_sub(x));
            let style = if n == find.current {
                theme.matched.add_modifier(Modifier::REVERSED)
            } else {
                theme.matched
            };
            buf.set_style(
                Rect::new(x, text.y + (hit.line - scroll) as u16, w, 1),
                style,
            );
        }
    }
}

/// A laid-out line with the theme's style for each role.
fn styled<'a>(line: &'a ReadLine, theme: &Theme) -> Line<'a> {
    Line::from(
        line.spans
            .iter()
            .map(|Piece(role, text)| Span::styled(text.as_str(), style(*role, theme)))
            .collect::<Vec<_>>(),
    )
}

fn style(role: Role, theme: &Theme) -> Style {
    match role {
        Role::Title | Role::Heading => theme.headline,
        Role::Meta | Role::Credit => theme.dim,
        Role::Dek => theme.dek,
        Role::Bullet | Role::LinkNumber => theme.accent,
        Role::Subhead => theme.subhead,
        Role::Caption => theme.caption,
        Role::Link => theme.link,
        Role::Text | Role::Indent => Style::new(),
    }
}
