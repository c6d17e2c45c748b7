//! Colours and text styles in one place. The config file names colours by role
//! ([`crate::config::Theme`]); [`Theme::from_config`] turns them into the styles
//! the widgets use, once at startup.

use ratatui::style::{Color, Modifier, Style};

use crate::config;

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
    /// The summary under the headline.
    pub dek: Style,
    /// Borders of the pane without focus.
    pub border: Style,
    /// Borders of the focused pane.
    pub border_focused: Style,
    /// Key names in the help overlay and hint line.
    pub key: Style,
    /// Link numbers and URLs.
    pub link: Style,
    /// Status text (loading, confirmations).
    pub status: Style,
    /// Failures in the status line (a save that failed, a refused link).
    pub error: Style,
    /// The dot in front of unread articles.
    pub unread: Style,
    /// The star in front of starred articles.
    pub star: Style,
    /// The filter bar's cursor.
    pub cursor: Style,
}

impl Default for Theme {
    fn default() -> Self {
        Theme::from_config(&config::Theme::default())
    }
}

/// A style with foreground `color`, or none at all for `Reset` (so the style
/// underneath, such as the selected row's, shows through).
fn fg(color: Color) -> Style {
    if color == Color::Reset {
        Style::new()
    } else {
        Style::new().fg(color)
    }
}

impl Theme {
    /// The styles for the config file's colour roles.
    pub fn from_config(c: &config::Theme) -> Self {
        let bold = Modifier::BOLD;
        let mut selected = fg(c.selection_fg).add_modifier(bold);
        if c.selection_bg != Color::Reset {
            selected = selected.bg(c.selection_bg);
        }
        Theme {
            accent: fg(c.accent),
            dim: fg(c.dim),
            matched: fg(c.highlight).add_modifier(bold),
            selected,
            marker: fg(c.accent).add_modifier(bold),
            headline: fg(c.title).add_modifier(bold),
            subhead: fg(c.accent).add_modifier(bold),
            caption: fg(c.caption).add_modifier(Modifier::ITALIC),
            dek: Style::new().add_modifier(Modifier::ITALIC),
            border: fg(c.border),
            border_focused: fg(c.accent),
            key: fg(c.accent).add_modifier(bold),
            link: fg(c.link),
            status: fg(c.status),
            error: fg(c.error).add_modifier(bold),
            unread: fg(c.accent).add_modifier(bold),
            star: fg(c.highlight),
            cursor: Style::new().add_modifier(Modifier::REVERSED),
        }
    }

    /// [`Theme::from_config`] when `color` is on, else [`Theme::monochrome`].
    pub fn for_terminal(c: &config::Theme, color: bool) -> Self {
        if color {
            Theme::from_config(c)
        } else {
            Theme::monochrome()
        }
    }

    /// No colours, only bold, underline and reverse (for `NO_COLOR`): dim and
    /// italic are left out too, as terminals draw them in colours of their
    /// own (dim is a grey) or not at all.
    pub fn monochrome() -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let plain = Style::new();
        Theme {
            accent: bold,
            dim: plain,
            matched: bold.add_modifier(Modifier::UNDERLINED),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            marker: bold,
            headline: bold,
            subhead: bold,
            caption: plain,
            dek: plain,
            border: Style::new(),
            border_focused: bold,
            key: bold,
            link: Style::new().add_modifier(Modifier::UNDERLINED),
            status: bold,
            error: bold.add_modifier(Modifier::UNDERLINED),
            unread: bold,
            star: bold,
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
            t.error,
            t.unread,
            t.star,
            t.cursor,
        ];
        let allowed = Modifier::BOLD | Modifier::UNDERLINED | Modifier::REVERSED;
        for style in styles.into_iter().chain([t.dek]) {
            assert_eq!((style.fg, style.bg), (None, None), "{style:?}");
            assert!(allowed.contains(style.add_modifier), "{style:?}");
        }
        assert_ne!(t.matched, Style::new(), "matches still stand out");
    }
}
