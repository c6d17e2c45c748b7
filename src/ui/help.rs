//! The help overlay: every key, from the same table the key map documents.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

use super::text::fit;
use super::theme::Theme;
use crate::app::keymap::HELP;
use crate::app::{App, Command};

/// The help rows as shown: the keys bound now (after remapping) and what they do.
/// Rows whose actions are all unbound are left out.
pub fn rows(app: &App) -> Vec<(String, &'static str)> {
    HELP.iter()
        .filter_map(|(names, fixed, what)| {
            if names.is_empty() {
                return Some(((*fixed).to_owned(), *what));
            }
            // Two keys for a one-action row, the first key of each otherwise:
            // the column stays narrow enough for 80 columns.
            let per_name = if names.len() == 1 { 2 } else { 1 };
            if names.len() == 9 && names.iter().all(|c| c.name().starts_with("open_link_")) {
                let digits: Vec<String> = names
                    .iter()
                    .filter_map(|c| app.keymap().keys_for(*c).into_iter().next())
                    .collect();
                let defaults: Vec<String> = (1..=9).map(|d| d.to_string()).collect();
                if digits == defaults {
                    return Some(("1-9".to_owned(), *what));
                }
            }
            let keys: Vec<String> = names
                .iter()
                .flat_map(|c| app.keymap().keys_for(*c).into_iter().take(per_name))
                .fold(Vec::new(), |mut keys, key| {
                    if !keys.contains(&key) {
                        keys.push(key);
                    }
                    keys
                });
            (!keys.is_empty()).then(|| (keys.join(" "), *what))
        })
        .collect()
}

/// Draws the help overlay centred in `area`.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let help = rows(app);
    let key_width = help
        .iter()
        .map(|(k, _)| super::text::width(k))
        .max()
        .unwrap_or(0);
    let text_width = help
        .iter()
        .map(|(_, d)| super::text::width(d))
        .max()
        .unwrap_or(0);
    let want_width = (key_width + 2 + text_width + 4) as u16;
    let want_height = help.len() as u16 + 2;
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
            .title(Line::from(" Keys ").style(theme.accent))
            .title_bottom(
                Line::from(format!(
                    " {} close ",
                    app.keymap().hint_keys(&[Command::Help, Command::CloseHelp])
                ))
                .right_aligned(),
            )
            .render(popup, buf);
        crate::app::geometry::pane_inner(popup).inner(ratatui::layout::Margin::new(1, 0))
    } else {
        popup
    };
    for (i, (keys, what)) in help.iter().enumerate().take(inner.height as usize) {
        let pad = " ".repeat(key_width - super::text::width(keys) + 2);
        let spans = vec![
            Span::styled(keys.as_str(), theme.key),
            Span::raw(pad),
            Span::raw(*what),
        ];
        Line::from(fit(spans, inner.width as usize))
            .render(Rect::new(inner.x, inner.y + i as u16, inner.width, 1), buf);
    }
}
