//! Colours and text styles in one place (later loaded from a config file).

use ratatui::style::{Color, Modifier, Style};

/// The reader's styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Accent: focused borders, the selection marker, the prompt.
    pub accent: Style,
    /// Secondary text: meta lines, hints, credits.
    pub dim: Style,
    /// Matched letters in headlines.
    pub matched: Style,
    /// The selected row.
    pub selected: Style,
    /// The marker in front of the selected row.
    pub marker: Style,
    /// Headlines in the reading pane.
    pub headline: Style,
    /// Subheads inside the body.
    pub subhead: Style,
    /// Photo captions.
    pub caption: Style,
    /// Borders of the pane without focus.
    pub border: Style,
    /// Borders of the focused pane.
    pub border_focused: Style,
    /// Key names in the help overlay and hint line.
    pub key: Style,
    /// Link numbers and URLs.
    pub link: Style,
    /// Status text (loading, problems).
    pub status: Style,
    /// The filter bar's cursor.
    pub cursor: Style,
}

impl Default for Theme {
    fn default() -> Self {
        let accent = Color::Cyan;
        Theme {
            accent: Style::new().fg(accent),
            dim: Style::new().fg(Color::DarkGray),
            matched: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            selected: Style::new()
                .bg(Color::Indexed(237))
                .add_modifier(Modifier::BOLD),
            marker: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            headline: Style::new().add_modifier(Modifier::BOLD),
            subhead: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            caption: Style::new()
                .fg(Color::DarkGray)
                .add_modifier(Modifier::ITALIC),
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(accent),
            key: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            link: Style::new().fg(Color::Blue),
            status: Style::new().fg(Color::Yellow),
            cursor: Style::new().add_modifier(Modifier::REVERSED),
        }
    }
}

impl Theme {
    /// No colours, only text attributes (for `NO_COLOR`).
    pub fn monochrome() -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let dim = Style::new().add_modifier(Modifier::DIM);
        Theme {
            accent: bold,
            dim,
            matched: bold.add_modifier(Modifier::UNDERLINED),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            marker: bold,
            headline: bold,
            subhead: bold,
            caption: dim.add_modifier(Modifier::ITALIC),
            border: Style::new(),
            border_focused: bold,
            key: bold,
            link: Style::new().add_modifier(Modifier::UNDERLINED),
            status: bold,
            cursor: Style::new().add_modifier(Modifier::REVERSED),
        }
    }

    /// The default theme, or [`Theme::monochrome`] when `NO_COLOR` is set and not
    /// empty (<https://no-color.org>).
    pub fn from_env() -> Self {
        match std::env::var_os("NO_COLOR") {
            Some(value) if !value.is_empty() => Theme::monochrome(),
            _ => Theme::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monochrome_uses_no_colours() {
        let t = Theme::monochrome();
        let styles = [
            t.accent,
            t.dim,
            t.matched,
            t.selected,
            t.marker,
            t.headline,
            t.subhead,
            t.caption,
            t.border,
            t.border_focused,
            t.key,
            t.link,
            t.status,
            t.cursor,
        ];
        for style in styles {
            assert_eq!((style.fg, style.bg), (None, None), "{style:?}");
        }
        assert_ne!(t.matched, Style::new(), "matches still stand out");
    }
}
