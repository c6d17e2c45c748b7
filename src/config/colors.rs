//! Colours: the theme's roles, colour names as the config writes them, and
//! whether to colour at all (`--color`, `NO_COLOR`).

use std::ffi::OsStr;
use std::io;

use ratatui::style::Color;

/// Colours by the role they play on screen, so a theme reads as intent
/// ("selection") rather than widget internals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Focus markers, active pane title, key hints.
    pub accent: Color,
    pub selection_fg: Color,
    pub selection_bg: Color,
    /// Secondary text: dates, sources, read articles.
    pub dim: Color,
    /// Letters matched by the filter.
    pub highlight: Color,
    /// Article headlines.
    pub title: Color,
    pub border: Color,
    /// Photo captions.
    pub caption: Color,
    pub link: Color,
    /// The status line.
    pub status: Color,
    pub error: Color,
}

impl Default for Theme {
    /// Quiet defaults that read on dark and light terminals alike: one accent
    /// colour, grey for secondary text, the terminal's own colour for text.
    fn default() -> Self {
        Self {
            accent: Color::Cyan,
            selection_fg: Color::Reset,
            selection_bg: Color::Indexed(237),
            dim: Color::DarkGray,
            highlight: Color::Yellow,
            title: Color::Reset,
            border: Color::DarkGray,
            caption: Color::DarkGray,
            link: Color::Blue,
            status: Color::Yellow,
            error: Color::LightRed,
        }
    }
}

/// Role names in the order the file documents them.
pub(super) const THEME_ROLES: [&str; 11] = [
    "accent",
    "selection_fg",
    "selection_bg",
    "dim",
    "highlight",
    "title",
    "border",
    "caption",
    "link",
    "status",
    "error",
];

impl Theme {
    /// Every role set to the terminal's default colour, for when colour is off
    /// (`NO_COLOR`, `--color never`); the UI then relies on bold/reverse alone.
    pub fn no_color() -> Self {
        Self {
            accent: Color::Reset,
            selection_fg: Color::Reset,
            selection_bg: Color::Reset,
            dim: Color::Reset,
            highlight: Color::Reset,
            title: Color::Reset,
            border: Color::Reset,
            caption: Color::Reset,
            link: Color::Reset,
            status: Color::Reset,
            error: Color::Reset,
        }
    }

    pub(super) fn role_mut(&mut self, role: &str) -> Option<&mut Color> {
        Some(match role {
            "accent" => &mut self.accent,
            "selection_fg" => &mut self.selection_fg,
            "selection_bg" => &mut self.selection_bg,
            "dim" => &mut self.dim,
            "highlight" => &mut self.highlight,
            "title" => &mut self.title,
            "border" => &mut self.border,
            "caption" => &mut self.caption,
            "link" => &mut self.link,
            "status" => &mut self.status,
            "error" => &mut self.error,
            _ => return None,
        })
    }

    pub(super) fn role(&self, role: &str) -> Option<Color> {
        let mut copy = *self;
        copy.role_mut(role).map(|c| *c)
    }
}

/// Parses a colour: an ANSI name (`red`, `light-blue`, `dark-gray`, `reset`…,
/// with `-`, `_`, spaces or nothing between words, `grey` for `gray`) or
/// `#rrggbb`.
pub fn parse_color(text: &str) -> Result<Color, String> {
    let t = text.trim();
    if let Some(hex) = t.strip_prefix('#') {
        if hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0);
            return Ok(Color::Rgb(channel(0), channel(2), channel(4)));
        }
        return Err(format!("bad hex colour {text:?} (expected #rrggbb)"));
    }
    let squashed: String = t
        .chars()
        .filter(|c| !matches!(c, '-' | '_' | ' '))
        .map(|c| c.to_ascii_lowercase())
        .collect::<String>()
        .replace("grey", "gray");
    COLOR_NAMES
        .iter()
        .find(|(name, _)| name.replace('-', "") == squashed)
        .map(|(_, color)| *color)
        .ok_or_else(|| format!("unknown color {text:?}"))
}

const COLOR_NAMES: [(&str, Color); 17] = [
    ("reset", Color::Reset),
    ("black", Color::Black),
    ("red", Color::Red),
    ("green", Color::Green),
    ("yellow", Color::Yellow),
    ("blue", Color::Blue),
    ("magenta", Color::Magenta),
    ("cyan", Color::Cyan),
    ("gray", Color::Gray),
    ("dark-gray", Color::DarkGray),
    ("light-red", Color::LightRed),
    ("light-green", Color::LightGreen),
    ("light-yellow", Color::LightYellow),
    ("light-blue", Color::LightBlue),
    ("light-magenta", Color::LightMagenta),
    ("light-cyan", Color::LightCyan),
    ("white", Color::White),
];

/// The TOML value for a colour, in the form [`parse_color`] (or, for indexed
/// colours, the integer form) reads back.
pub(super) fn color_to_toml(color: Color) -> String {
    match color {
        Color::Rgb(r, g, b) => format!("\"#{r:02x}{g:02x}{b:02x}\""),
        Color::Indexed(i) => i.to_string(),
        other => {
            let name = COLOR_NAMES
                .iter()
                .find(|(_, c)| *c == other)
                .map_or("reset", |(name, _)| name);
            format!("\"{name}\"")
        }
    }
}

/// Whether to emit colour at all (`--color auto|always|never`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorMode {
    /// Colour on a terminal, unless `NO_COLOR` is set to a non-empty value.
    #[default]
    Auto,
    Always,
    Never,
}

/// Decides colour from the mode, the `NO_COLOR` variable's value and whether
/// output is a terminal. Takes the environment as arguments so it can be tested
/// without touching the process environment.
///
/// Per no-color.org, only a non-empty `NO_COLOR` counts, and an explicit
/// `--color always` wins over it.
pub fn use_color(mode: ColorMode, no_color_env: Option<&OsStr>, is_tty: bool) -> bool {
    match mode {
        ColorMode::Always => true,
        ColorMode::Never => false,
        ColorMode::Auto => is_tty && no_color_env.is_none_or(OsStr::is_empty),
    }
}

/// [`use_color`] with the real `NO_COLOR` and whether stdout is a terminal.
pub fn use_color_from_env(mode: ColorMode) -> bool {
    use std::io::IsTerminal;
    use_color(
        mode,
        std::env::var_os("NO_COLOR").as_deref(),
        io::stdout().is_terminal(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colors_parse() {
        assert_eq!(parse_color("light-blue"), Ok(Color::LightBlue));
        assert_eq!(parse_color("light_blue"), Ok(Color::LightBlue));
        assert_eq!(parse_color("LightBlue"), Ok(Color::LightBlue));
        assert_eq!(parse_color("dark-grey"), Ok(Color::DarkGray));
        assert_eq!(parse_color("#ff8000"), Ok(Color::Rgb(255, 128, 0)));
        assert_eq!(parse_color("reset"), Ok(Color::Reset));
        for bad in ["blurple", "#ff80", "#gg0000", "", "#ff80000"] {
            assert!(parse_color(bad).is_err(), "{bad:?}");
        }
    }
    #[test]
    fn color_policy_respects_no_color() {
        let set = Some(OsStr::new("1"));
        let empty = Some(OsStr::new(""));
        assert!(use_color(ColorMode::Auto, None, true));
        assert!(!use_color(ColorMode::Auto, None, false));
        assert!(!use_color(ColorMode::Auto, set, true));
        assert!(
            use_color(ColorMode::Auto, empty, true),
            "empty NO_COLOR is unset"
        );
        assert!(use_color(ColorMode::Always, set, false));
        assert!(!use_color(ColorMode::Never, None, true));
    }
}
