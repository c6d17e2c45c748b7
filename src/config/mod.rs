//! The user's config file: colours, view defaults and key remapping.
//!
//! A config file is hand-written, so mistakes in it are expected: each bad value
//! is reported with file, line and key, and only that value falls back to its
//! default. A syntax error (where nothing can be trusted) reports its line and
//! yields the defaults. Loading therefore never fails.
//!
//! ```toml
//! [theme]            # colour by role: ANSI name, "#rrggbb" or 0-255
//! accent = "light-blue"
//! selection_bg = "#264f78"
//!
//! [view]
//! default_sort = "newest"   # relevance | newest | source | title
//! default_view = "unread"   # all | unread | starred
//! split = 35                # list pane width in percent, 20-80
//! text_width = 72           # reader text width, 0 = unlimited
//!
//! [keys]                    # action = key spec or list of key specs
//! open_url = ["ctrl-o", "f5"]
//! quit = "ctrl-q"
//! ```

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::fmt;
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Color;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

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
const THEME_ROLES: [&str; 11] = [
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

    fn role_mut(&mut self, role: &str) -> Option<&mut Color> {
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

    fn role(&self, role: &str) -> Option<Color> {
        let mut copy = *self;
        copy.role_mut(role).map(|c| *c)
    }
}

/// Order of the article list when the reader starts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortOrder {
    #[default]
    Relevance,
    Newest,
    Source,
    Title,
}

impl SortOrder {
    const ALL: [(Self, &'static str); 4] = [
        (Self::Relevance, "relevance"),
        (Self::Newest, "newest"),
        (Self::Source, "source"),
        (Self::Title, "title"),
    ];

    pub fn as_str(self) -> &'static str {
        lookup_name(&Self::ALL, self)
    }
}

impl FromStr for SortOrder {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        lookup_value(&Self::ALL, s)
    }
}

/// Which articles the list shows when the reader starts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ViewFilter {
    #[default]
    All,
    Unread,
    Starred,
}

impl ViewFilter {
    const ALL: [(Self, &'static str); 3] = [
        (Self::All, "all"),
        (Self::Unread, "unread"),
        (Self::Starred, "starred"),
    ];

    pub fn as_str(self) -> &'static str {
        lookup_name(&Self::ALL, self)
    }
}

impl FromStr for ViewFilter {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        lookup_value(&Self::ALL, s)
    }
}

fn lookup_name<T: PartialEq + Copy>(table: &[(T, &'static str)], value: T) -> &'static str {
    table
        .iter()
        .find(|(v, _)| *v == value)
        .map_or("", |(_, name)| name)
}

fn lookup_value<T: Copy>(table: &[(T, &'static str)], name: &str) -> Result<T, String> {
    table
        .iter()
        .find(|(_, n)| *n == name)
        .map(|(v, _)| *v)
        .ok_or_else(|| {
            let names: Vec<_> = table.iter().map(|(_, n)| *n).collect();
            format!("unknown value {name:?} (expected {})", names.join(", "))
        })
}

/// Allowed list pane widths in percent: narrower or wider makes one pane useless.
pub const SPLIT_RANGE: std::ops::RangeInclusive<i64> = 20..=80;
/// Allowed reader text widths; 0 means "as wide as the pane".
pub const TEXT_WIDTH_RANGE: std::ops::RangeInclusive<i64> = 0..=1000;

/// Minutes between automatic fetches: 0 (never) to a week.
pub const FETCH_INTERVAL_RANGE: std::ops::RangeInclusive<i64> = 0..=10_080;

/// `[feeds]`: when the reader fetches by itself, and per-subscription settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedsConfig {
    /// Minutes: the reader fetches as it starts when the last fetch is older;
    /// 0 never (see [`FETCH_INTERVAL_RANGE`]).
    pub fetch_interval: u16,
    /// `[feeds."URL"]` tables, in file order.
    pub subscriptions: Vec<SubscriptionConfig>,
}

impl Default for FeedsConfig {
    fn default() -> Self {
        Self {
            fetch_interval: 30,
            subscriptions: Vec::new(),
        }
    }
}

/// `[feeds."URL"]`: one subscription's settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubscriptionConfig {
    pub url: String,
    /// Shown instead of the feed's own title, and its articles' source.
    pub title: Option<String>,
    pub folder: Option<String>,
    /// Fetch the full article behind each item (true) or keep the feed's text.
    pub full_text: bool,
}

/// Layout and list defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ViewConfig {
    pub default_sort: SortOrder,
    pub default_view: ViewFilter,
    /// List pane width, percent of the screen (see [`SPLIT_RANGE`]).
    pub split: u16,
    /// Maximum reader text width in columns; 0 = unlimited. Long lines are
    /// tiring to read, hence a limit by default.
    pub text_width: u16,
}

impl Default for ViewConfig {
    fn default() -> Self {
        Self {
            default_sort: SortOrder::Relevance,
            default_view: ViewFilter::All,
            split: 40,
            text_width: 80,
        }
    }
}

/// A key as the user names it, normalised so that it compares equal to the
/// [`KeyEvent`] a terminal reports for it.
///
/// Terminals disagree on whether Shift+a arrives as `'A'` or as `'a'` with
/// SHIFT; both normalise to `Char('A')` without SHIFT, and Shift+Tab to
/// `BackTab`. Only Ctrl, Alt, Shift and Super are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeySpec {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl KeySpec {
    pub fn new(code: KeyCode, modifiers: KeyModifiers) -> Self {
        let mut modifiers = modifiers
            & (KeyModifiers::CONTROL
                | KeyModifiers::ALT
                | KeyModifiers::SHIFT
                | KeyModifiers::SUPER);
        let code = match code {
            // Shift+Space stays shifted: no character to change, and a
            // distinct key where the terminal reports it.
            KeyCode::Char(c) if c != ' ' && modifiers.contains(KeyModifiers::SHIFT) => {
                modifiers.remove(KeyModifiers::SHIFT);
                let mut upper = c.to_uppercase();
                match (upper.next(), upper.next()) {
                    (Some(u), None) => KeyCode::Char(u),
                    _ => KeyCode::Char(c),
                }
            }
            KeyCode::Char(c) => KeyCode::Char(c),
            KeyCode::Tab | KeyCode::BackTab if modifiers.contains(KeyModifiers::SHIFT) => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            other => other,
        };
        Self { code, modifiers }
    }

    /// Whether a key event from the terminal is this key. The caller filters
    /// out release and repeat events if it wants presses only.
    pub fn matches(&self, event: &KeyEvent) -> bool {
        *self == Self::from(*event)
    }
}

impl From<KeyEvent> for KeySpec {
    fn from(event: KeyEvent) -> Self {
        Self::new(event.code, event.modifiers)
    }
}

impl FromStr for KeySpec {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        parse_key_spec(s).map(|(code, modifiers)| Self::new(code, modifiers))
    }
}

impl fmt::Display for KeySpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_key_spec(self.code, self.modifiers))
    }
}

/// Named keys, case-insensitive; the first name of each is the one
/// [`format_key_spec`] writes.
const NAMED_KEYS: [(&str, KeyCode); 24] = [
    ("enter", KeyCode::Enter),
    ("return", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("escape", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("del", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("ins", KeyCode::Insert),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pgup", KeyCode::PageUp),
    ("page-up", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("pgdn", KeyCode::PageDown),
    ("page-down", KeyCode::PageDown),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("space", KeyCode::Char(' ')),
];

const MODIFIERS: [(&str, KeyModifiers); 7] = [
    ("ctrl", KeyModifiers::CONTROL),
    ("control", KeyModifiers::CONTROL),
    ("alt", KeyModifiers::ALT),
    ("meta", KeyModifiers::ALT),
    ("shift", KeyModifiers::SHIFT),
    ("super", KeyModifiers::SUPER),
    ("cmd", KeyModifiers::SUPER),
];

/// Parses a key spec such as `"q"`, `"G"`, `"ctrl-r"`, `"alt-x"`, `"f2"`,
/// `"pagedown"`, `"shift-tab"`, `"space"` or `"ctrl--"` (Ctrl and minus).
///
/// Modifiers (`ctrl-`, `alt-`/`meta-`, `shift-`, `super-`) and key names are
/// case-insensitive; a single character is taken as typed, so `"G"` is
/// Shift+g. The result is not yet normalised; [`KeySpec::from_str`] does that.
pub fn parse_key_spec(spec: &str) -> Result<(KeyCode, KeyModifiers), String> {
    let trimmed = spec.trim();
    if trimmed.is_empty() {
        return Err("empty key spec".into());
    }
    let mut rest = trimmed;
    let mut modifiers = KeyModifiers::NONE;
    'strip: loop {
        for (name, modifier) in MODIFIERS {
            // A modifier needs a key after it: "ctrl-" alone is not Ctrl.
            if rest.len() > name.len() + 1
                && rest.is_char_boundary(name.len())
                && rest[..name.len()].eq_ignore_ascii_case(name)
                && rest[name.len()..].starts_with('-')
            {
                modifiers |= modifier;
                rest = &rest[name.len() + 1..];
                continue 'strip;
            }
        }
        break;
    }
    let mut chars = rest.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_control() || c.is_whitespace() {
            return Err(format!("key {spec:?} is not a printable character"));
        }
        return Ok((KeyCode::Char(c), modifiers));
    }
    let lower = rest.to_ascii_lowercase();
    if let Some((_, code)) = NAMED_KEYS.iter().find(|(name, _)| *name == lower) {
        return Ok((*code, modifiers));
    }
    if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok())
        && (1..=24).contains(&n)
        && !lower.starts_with("f0")
    {
        return Ok((KeyCode::F(n), modifiers));
    }
    // "hyper-x": the key is fine, so the word before it must be a modifier.
    if let Some((word, key)) = rest.split_once('-')
        && !word.is_empty()
        && !MODIFIERS.iter().any(|(m, _)| word.eq_ignore_ascii_case(m))
        && parse_key_spec(key).is_ok()
    {
        return Err(format!(
            "unknown modifier {word:?} in {spec:?} (expected ctrl, alt, shift or super)"
        ));
    }
    Err(format!("unknown key {spec:?}"))
}

/// Writes a key in the form [`parse_key_spec`] reads back: modifiers in the
/// order ctrl, alt, shift, super, then the key's first name.
pub fn format_key_spec(code: KeyCode, modifiers: KeyModifiers) -> String {
    let mut out = String::new();
    for (flag, name) in [
        (KeyModifiers::CONTROL, "ctrl-"),
        (KeyModifiers::ALT, "alt-"),
        (KeyModifiers::SHIFT, "shift-"),
        (KeyModifiers::SUPER, "super-"),
    ] {
        if modifiers.contains(flag) {
            out.push_str(name);
        }
    }
    match code {
        KeyCode::Char(' ') => out.push_str("space"),
        KeyCode::Char(c) => out.push(c),
        KeyCode::F(n) => out.push_str(&format!("f{n}")),
        KeyCode::BackTab => out.push_str("shift-tab"),
        other => match NAMED_KEYS.iter().find(|(_, c)| *c == other) {
            Some((name, _)) => out.push_str(name),
            // Keys a spec cannot name (media keys…): readable, not parseable.
            None => out.push_str(&format!("{other:?}").to_ascii_lowercase()),
        },
    }
    out
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
fn color_to_toml(color: Color) -> String {
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

/// Puts `warnings` in the order of the file's lines (the parser reports
/// tables' keys in its own order); warnings without a line go first, as they
/// are about the whole file.
pub fn sort_by_line(warnings: &mut [ConfigWarning]) {
    warnings.sort_by_key(|w| w.line);
}

/// A problem in the config file, located for the user.
///
/// Displays as `FILE:LINE: KEY: MESSAGE`, the form editors and terminals make
/// clickable; line and key are left out when unknown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigWarning {
    pub file: PathBuf,
    /// 1-based.
    pub line: Option<usize>,
    /// Dotted path such as `theme.accent`.
    pub key: Option<String>,
    pub message: String,
}

/// One line, with no control characters: the file name, key and message (which
/// can quote the file's text) are cleaned for the terminal.
impl fmt::Display for ConfigWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::article::sanitize::clean_line;
        write!(f, "{}", clean_line(&self.file.display().to_string()))?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        f.write_str(": ")?;
        if let Some(key) = &self.key {
            write!(f, "{}: ", clean_line(key))?;
        }
        f.write_str(&clean_line(&self.message))
    }
}

/// Everything the config file can set; [`Default`] is what applies without one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    pub theme: Theme,
    pub view: ViewConfig,
    /// Action name → keys, for the actions the user rebound. An action listed
    /// here replaces the app's default keys for it (an empty list unbinds it);
    /// actions not listed keep their defaults. Names are the app's to interpret.
    pub keys: BTreeMap<String, Vec<KeySpec>>,
    pub feeds: FeedsConfig,
}

/// The largest config file read: a hand-written one is a few KiB; a larger
/// file (or `--config /dev/zero`) is reported and the defaults used.
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

impl Config {
    /// `$XDG_CONFIG_HOME/newsreader/config.toml`, else
    /// `~/.config/newsreader/config.toml`; `None` if neither can be found.
    pub fn default_path() -> Option<PathBuf> {
        crate::store::files::app_file("XDG_CONFIG_HOME", ".config", "config.toml")
    }

    /// Loads `path` (from `--config`) or the default path. A missing default
    /// file is normal and silent; a missing explicit file is an error (the
    /// user asked for it: running on defaults would hide the typo).
    /// Problems inside a file are warnings, in line order.
    pub fn load(path: Option<&Path>) -> io::Result<(Config, Vec<ConfigWarning>)> {
        let (path, explicit) = match path {
            Some(p) => (p.to_path_buf(), true),
            None => match Self::default_path() {
                Some(p) => (p, false),
                None => return Ok((Config::default(), Vec::new())),
            },
        };
        let warn = |line, message: String| {
            vec![ConfigWarning {
                file: path.clone(),
                line,
                key: None,
                message,
            }]
        };
        Ok(
            match crate::store::files::read_regular(&path, MAX_CONFIG_BYTES) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => Self::from_toml_str(&text, &path),
                    Err(err) => {
                        let bytes = err.as_bytes();
                        let valid = err.utf8_error().valid_up_to();
                        let line = bytes[..valid].iter().filter(|&&b| b == b'\n').count() + 1;
                        let message = "not valid UTF-8; using default settings".to_string();
                        (Config::default(), warn(Some(line), message))
                    }
                },
                // A `--config` file that is not there is a typo to fix, not a
                // reason to run on defaults; one that is there but cannot be used
                // (a FIFO, too large) is reported and defaults apply, as for the
                // default file.
                Err(err) if explicit && err.kind() == io::ErrorKind::NotFound => {
                    let file = crate::article::sanitize::clean_line(&path.display().to_string())
                        .into_owned();
                    return Err(io::Error::new(
                        err.kind(),
                        format!("{file}: cannot read the config file: {err}"),
                    ));
                }
                Err(err) if err.kind() == io::ErrorKind::NotFound => {
                    (Config::default(), Vec::new())
                }
                Err(err) => {
                    let message = format!("cannot read: {err}; using default settings");
                    (Config::default(), warn(None, message))
                }
            },
        )
    }

    /// Parses config text; `file` is only used to label warnings.
    pub fn from_toml_str(text: &str, file: &Path) -> (Config, Vec<ConfigWarning>) {
        let mut loader = Loader {
            text,
            file,
            warnings: Vec::new(),
        };
        let mut config = Config::default();
        match DeTable::parse(text) {
            Ok(doc) => loader.document(doc.get_ref(), &mut config),
            Err(err) => {
                let line = err.span().map(|s| loader.line(s.start));
                let message = format!(
                    "syntax error: {}; using default settings",
                    err.message().trim()
                );
                loader.warn(line, None, message);
            }
        }
        let mut warnings = loader.warnings;
        sort_by_line(&mut warnings);
        (config, warnings)
    }

    /// The effective configuration as TOML that loads back to the same value
    /// (`newsreader --print-config`), with comments naming the choices.
    pub fn to_toml_string(&self) -> String {
        let mut out = String::from(
            "# newsreader configuration\n\
             # Colours: an ANSI name (red, light-blue, dark-gray, reset...), \"#rrggbb\" or 0-255.\n\
             \n[theme]\n",
        );
        for role in THEME_ROLES {
            let color = self.theme.role(role).unwrap_or(Color::Reset);
            out.push_str(&format!("{role} = {}\n", color_to_toml(color)));
        }
        let v = &self.view;
        out.push_str(&format!(
            "\n[view]\n\
             default_sort = \"{}\"  # relevance | newest | source | title\n\
             default_view = \"{}\"  # all | unread | starred\n\
             split = {}  # list pane width in percent, 20-80\n\
             text_width = {}  # reader text width in columns, 0 = unlimited\n",
            v.default_sort.as_str(),
            v.default_view.as_str(),
            v.split,
            v.text_width,
        ));
        out.push_str(&format!(
            "\n[feeds]\n\
             fetch_interval = {}  # minutes; the reader fetches as it starts when the last fetch is older; 0 = never\n",
            self.feeds.fetch_interval
        ));
        for sub in &self.feeds.subscriptions {
            out.push_str(&format!("\n[feeds.{}]\n", quote(&sub.url)));
            if let Some(title) = &sub.title {
                out.push_str(&format!("title = {}\n", quote(title)));
            }
            if let Some(folder) = &sub.folder {
                out.push_str(&format!("folder = {}\n", quote(folder)));
            }
            out.push_str(&format!("full_text = {}\n", sub.full_text));
        }
        out.push_str(
            "\n[keys]\n# action = \"key\" or [\"key\", ...]; e.g. quit = [\"q\", \"ctrl-c\"]\n",
        );
        for (action, specs) in &self.keys {
            let quoted: Vec<String> = specs.iter().map(|s| quote(&s.to_string())).collect();
            match quoted.as_slice() {
                [one] => out.push_str(&format!("{action} = {one}\n")),
                many => out.push_str(&format!("{action} = [{}]\n", many.join(", "))),
            }
        }
        out
    }
}

/// The 1-based line of `[section] key` in config text, for warnings found
/// after loading (an action name the app does not know); `None` if the text
/// does not parse or has no such key.
pub fn line_of(text: &str, section: &str, key: &str) -> Option<usize> {
    let doc = DeTable::parse(text).ok()?;
    let table = doc.get_ref().get(section)?.get_ref().as_table()?;
    let (name, _) = table
        .iter()
        .find(|(name, _)| name.get_ref().as_ref() == key)?;
    let offset = name.span().start.min(text.len());
    Some(
        text.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1,
    )
}

/// A TOML basic string, escaped by the `toml` crate itself.
fn quote(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

/// Walks the parsed document, collecting warnings as it goes.
struct Loader<'a> {
    text: &'a str,
    file: &'a Path,
    warnings: Vec<ConfigWarning>,
}

type Item<'i> = Spanned<DeValue<'i>>;

impl Loader<'_> {
    fn line(&self, offset: usize) -> usize {
        let end = offset.min(self.text.len());
        self.text.as_bytes()[..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    }

    fn warn(&mut self, line: Option<usize>, key: Option<String>, message: String) {
        self.warnings.push(ConfigWarning {
            file: self.file.to_path_buf(),
            line,
            key,
            message,
        });
    }

    fn warn_at(&mut self, span: Range<usize>, key: &str, message: String) {
        let line = self.line(span.start);
        self.warn(Some(line), Some(key.to_string()), message);
    }

    fn wrong_type(&mut self, item: &Item<'_>, key: &str, expected: &str) {
        let found = item.get_ref().type_str();
        self.warn_at(
            item.span(),
            key,
            format!("expected {expected}, found {found}"),
        );
    }

    fn document(&mut self, doc: &DeTable<'_>, config: &mut Config) {
        for (name, item) in doc {
            let section = name.get_ref().as_ref();
            let Some(table) = item.get_ref().as_table() else {
                self.wrong_type(item, section, "a table");
                continue;
            };
            match section {
                "theme" => self.theme(table, &mut config.theme),
                "view" => self.view(table, &mut config.view),
                "keys" => self.keys(table, &mut config.keys),
                "feeds" => self.feeds(table, &mut config.feeds),
                _ => self.warn_at(
                    name.span(),
                    section,
                    "unknown section (expected theme, view, keys or feeds)".into(),
                ),
            }
        }
    }

    fn theme(&mut self, table: &DeTable<'_>, theme: &mut Theme) {
        for (name, item) in table {
            let role = name.get_ref().as_ref();
            let key = format!("theme.{role}");
            let Some(slot) = theme.role_mut(role) else {
                let message = format!("unknown key (expected one of {})", THEME_ROLES.join(", "));
                self.warn_at(name.span(), &key, message);
                continue;
            };
            let parsed = match item.get_ref() {
                DeValue::String(s) => parse_color(s),
                DeValue::Integer(_) => match integer(item.get_ref()) {
                    Some(i) => u8::try_from(i)
                        .map(Color::Indexed)
                        .map_err(|_| format!("colour index {i} is out of range (0-255)")),
                    None => Err("colour index is out of range (0-255)".into()),
                },
                _ => {
                    self.wrong_type(item, &key, "a colour name, \"#rrggbb\" or 0-255");
                    continue;
                }
            };
            match parsed {
                Ok(color) => *slot = color,
                Err(message) => self.warn_at(item.span(), &key, message),
            }
        }
    }

    fn view(&mut self, table: &DeTable<'_>, view: &mut ViewConfig) {
        for (name, item) in table {
            let field = name.get_ref().as_ref();
            let key = format!("view.{field}");
            match field {
                "default_sort" => {
                    if let Some(v) = self.parse_str::<SortOrder>(item, &key) {
                        view.default_sort = v;
                    }
                }
                "default_view" => {
                    if let Some(v) = self.parse_str::<ViewFilter>(item, &key) {
                        view.default_view = v;
                    }
                }
                "split" => {
                    if let Some(v) = self.ranged(item, &key, SPLIT_RANGE) {
                        view.split = v;
                    }
                }
                "text_width" => {
                    if let Some(v) = self.ranged(item, &key, TEXT_WIDTH_RANGE) {
                        view.text_width = v;
                    }
                }
                _ => self.warn_at(
                    name.span(),
                    &key,
                    "unknown key (expected default_sort, default_view, split or text_width)".into(),
                ),
            }
        }
    }

    /// Reads `[feeds]`: `fetch_interval`, and a table per subscription URL.
    fn feeds(&mut self, table: &DeTable<'_>, feeds: &mut FeedsConfig) {
        for (name, item) in table {
            let field = name.get_ref().as_ref();
            let key = format!("feeds.{field}");
            if field == "fetch_interval" {
                if let Some(v) = self.ranged(item, &key, FETCH_INTERVAL_RANGE) {
                    feeds.fetch_interval = v;
                }
                continue;
            }
            let Some(settings) = item.get_ref().as_table() else {
                self.wrong_type(item, &key, "fetch_interval, or a table for a feed's URL");
                continue;
            };
            let mut subscription = SubscriptionConfig {
                url: field.to_string(),
                title: None,
                folder: None,
                full_text: true,
            };
            for (setting, value) in settings {
                let setting_name = setting.get_ref().as_ref();
                let setting_key = format!("{key}.{setting_name}");
                match setting_name {
                    "title" | "folder" => match value.get_ref().as_str() {
                        Some(text) => {
                            let text = Some(text.to_string()).filter(|t| !t.trim().is_empty());
                            if setting_name == "title" {
                                subscription.title = text;
                            } else {
                                subscription.folder = text;
                            }
                        }
                        None => self.wrong_type(value, &setting_key, "a string"),
                    },
                    "full_text" => match value.get_ref().as_bool() {
                        Some(on) => subscription.full_text = on,
                        None => self.wrong_type(value, &setting_key, "true or false"),
                    },
                    _ => self.warn_at(
                        setting.span(),
                        &setting_key,
                        "unknown key (expected title, folder or full_text)".into(),
                    ),
                }
            }
            feeds.subscriptions.push(subscription);
        }
    }

    fn parse_str<T: FromStr<Err = String>>(&mut self, item: &Item<'_>, key: &str) -> Option<T> {
        let Some(text) = item.get_ref().as_str() else {
            self.wrong_type(item, key, "a string");
            return None;
        };
        match text.parse() {
            Ok(v) => Some(v),
            Err(message) => {
                self.warn_at(item.span(), key, message);
                None
            }
        }
    }

    fn ranged(
        &mut self,
        item: &Item<'_>,
        key: &str,
        range: std::ops::RangeInclusive<i64>,
    ) -> Option<u16> {
        if !item.get_ref().is_integer() {
            self.wrong_type(item, key, "an integer");
            return None;
        }
        match integer(item.get_ref()) {
            Some(i) if range.contains(&i) => u16::try_from(i).ok(),
            shown => {
                let shown = shown.map_or_else(|| "value".to_string(), |i| i.to_string());
                let message = format!(
                    "{shown} is out of range ({}-{})",
                    range.start(),
                    range.end()
                );
                self.warn_at(item.span(), key, message);
                None
            }
        }
    }

    /// Reads `[keys]`. One key may serve several actions: the app binds keys
    /// per mode (Esc goes back while reading and clears the filter in the
    /// list), which this file cannot see, so no clash is reported here.
    fn keys(&mut self, table: &DeTable<'_>, keys: &mut BTreeMap<String, Vec<KeySpec>>) {
        for (name, item) in table {
            let action = name.get_ref().as_ref();
            let key = format!("keys.{action}");
            let well_formed = action.starts_with(|c: char| c.is_ascii_lowercase())
                && action
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
            if !well_formed {
                let message = "action names are lower-case letters, digits and underscores".into();
                self.warn_at(name.span(), &key, message);
                continue;
            }
            let elements: Vec<&Item<'_>> = match item.get_ref() {
                DeValue::String(_) => vec![item],
                DeValue::Array(array) => array.iter().collect(),
                _ => {
                    self.wrong_type(item, &key, "a key spec or a list of key specs");
                    continue;
                }
            };
            let mut specs = Vec::new();
            let mut failed = false;
            for element in elements {
                let Some(text) = element.get_ref().as_str() else {
                    self.wrong_type(element, &key, "a key spec string");
                    failed = true;
                    continue;
                };
                match text.parse::<KeySpec>() {
                    Ok(spec) => {
                        if !specs.contains(&spec) {
                            specs.push(spec);
                        }
                    }
                    Err(message) => {
                        self.warn_at(element.span(), &key, message);
                        failed = true;
                    }
                }
            }
            // Keep the keys that parsed; if none did, the action keeps its
            // defaults rather than silently becoming unbound.
            if !(failed && specs.is_empty()) {
                keys.insert(action.to_string(), specs);
            }
        }
    }
}

fn integer(value: &DeValue<'_>) -> Option<i64> {
    let i = value.as_integer()?;
    i64::from_str_radix(i.as_str(), i.radix()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn warnings_are_one_clean_line() {
        let warning = ConfigWarning {
            file: PathBuf::from("conf\u{1b}]0;t\u{7}.toml"),
            line: Some(3),
            key: Some("theme.\u{1b}[2Jaccent".to_owned()),
            message: "bad value \"\u{1b}]52;c;eA==\u{7}\"\nsecond line".to_owned(),
        };
        let text = warning.to_string();
        assert!(!text.chars().any(char::is_control), "{text:?}");
        assert!(
            text.starts_with("conf.toml:3: theme.accent: bad value"),
            "{text}"
        );
    }

    fn load(text: &str) -> (Config, Vec<String>) {
        let (config, warnings) = Config::from_toml_str(text, Path::new("config.toml"));
        (config, warnings.iter().map(|w| w.to_string()).collect())
    }

    fn spec(s: &str) -> KeySpec {
        s.parse().expect("key spec")
    }

    const GOOD: &str = r##"
# A complete, valid file.
[theme]
accent = "light-blue"
selection_bg = "#264F78"
dim = 242
highlight = "Dark Grey"

[view]
default_sort = "newest"
default_view = "unread"
split = 35
text_width = 0

[keys]
quit = "ctrl-q"
open_link = ["o", "ctrl-o"]
next_page = "pagedown"
"##;

    #[test]
    fn good_file_applies_everything() {
        let (config, warnings) = load(GOOD);
        assert_eq!(warnings, Vec::<String>::new());
        assert_eq!(config.theme.accent, Color::LightBlue);
        assert_eq!(config.theme.selection_bg, Color::Rgb(0x26, 0x4f, 0x78));
        assert_eq!(config.theme.dim, Color::Indexed(242));
        assert_eq!(config.theme.highlight, Color::DarkGray);
        assert_eq!(config.theme.title, Theme::default().title);
        assert_eq!(config.view.default_sort, SortOrder::Newest);
        assert_eq!(config.view.default_view, ViewFilter::Unread);
        assert_eq!((config.view.split, config.view.text_width), (35, 0));
        assert_eq!(config.keys["quit"], vec![spec("ctrl-q")]);
        assert_eq!(config.keys["open_link"], vec![spec("o"), spec("ctrl-o")]);
        assert_eq!(
            config.keys["next_page"],
            vec![KeySpec::new(KeyCode::PageDown, KeyModifiers::NONE)]
        );
    }

    #[test]
    fn empty_file_is_defaults() {
        assert_eq!(load(""), (Config::default(), vec![]));
    }

    /// Each broken value is reported with file, line and key, and every other
    /// key in the file still applies.
    #[test]
    fn each_bad_value_falls_back_alone() {
        let text = r##"[theme]
accent = "blurple"
link = "red"
border = "#12345"
status = 300
[view]
split = 90
text_width = "wide"
default_sort = "random"
default_view = "starred"
colour = true
[keys]
quit = "ctrl-q"
open_link = "hyper-o"
search = ["/", "bogus-key-name"]
Bad-Name = "x"
help = 5
[extra]
a = 1
"##;
        let (config, warnings) = load(text);
        // In the file's line order, as an editor lists them.
        let expected = [
            r#"config.toml:2: theme.accent: unknown color "blurple""#,
            r##"config.toml:4: theme.border: bad hex colour "#12345" (expected #rrggbb)"##,
            "config.toml:5: theme.status: colour index 300 is out of range (0-255)",
            "config.toml:7: view.split: 90 is out of range (20-80)",
            "config.toml:8: view.text_width: expected an integer, found string",
            r#"config.toml:9: view.default_sort: unknown value "random" (expected relevance, newest, source, title)"#,
            "config.toml:11: view.colour: unknown key (expected default_sort, default_view, split or text_width)",
            r#"config.toml:14: keys.open_link: unknown modifier "hyper" in "hyper-o" (expected ctrl, alt, shift or super)"#,
            r#"config.toml:15: keys.search: unknown key "bogus-key-name""#,
            r#"config.toml:16: keys.Bad-Name: action names are lower-case letters, digits and underscores"#,
            "config.toml:17: keys.help: expected a key spec or a list of key specs, found integer",
            "config.toml:18: extra: unknown section (expected theme, view, keys or feeds)",
        ];
        assert_eq!(warnings, expected, "{warnings:#?}");

        let defaults = Config::default();
        assert_eq!(config.theme.accent, defaults.theme.accent);
        assert_eq!(config.theme.border, defaults.theme.border);
        assert_eq!(config.theme.status, defaults.theme.status);
        assert_eq!(config.theme.link, Color::Red, "good sibling applies");
        assert_eq!(config.view.split, defaults.view.split);
        assert_eq!(config.view.text_width, defaults.view.text_width);
        assert_eq!(config.view.default_sort, defaults.view.default_sort);
        assert_eq!(config.view.default_view, ViewFilter::Starred);
        assert_eq!(config.keys["quit"], vec![spec("ctrl-q")]);
        assert!(!config.keys.contains_key("open_link"), "keeps app default");
        assert_eq!(config.keys["search"], vec![spec("/")], "good spec kept");
        assert!(!config.keys.contains_key("help"));
    }

    #[test]
    fn wrong_section_type_is_reported() {
        let (config, warnings) = load("theme = \"dark\"\n[view]\nsplit = 30\n");
        assert_eq!(
            warnings,
            vec!["config.toml:1: theme: expected a table, found string"]
        );
        assert_eq!(config.view.split, 30);
    }

    #[test]
    fn syntax_error_reports_line_and_yields_defaults() {
        let (config, warnings) = load("[view]\nsplit = 30\ntext_width = = 3\n");
        assert_eq!(config, Config::default());
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].starts_with("config.toml:3: syntax error: "),
            "{warnings:?}"
        );
        assert!(warnings[0].ends_with("using default settings"));
    }

    #[test]
    fn one_key_may_serve_several_actions_and_names_may_have_digits() {
        // The app binds keys per mode, so the same key for two actions is
        // legitimate (its own defaults do it with Esc).
        let (config, warnings) =
            load("[keys]\nback = \"esc\"\nclear_or_quit = \"esc\"\nopen_link_1 = \"f5\"\n");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(config.keys["clear_or_quit"], vec![spec("esc")]);
        assert_eq!(config.keys["open_link_1"], vec![spec("f5")]);
    }

    #[test]
    fn empty_list_unbinds() {
        let (config, warnings) = load("[keys]\nquit = []\n");
        assert!(warnings.is_empty());
        assert_eq!(config.keys["quit"], Vec::<KeySpec>::new());
    }

    #[test]
    fn print_config_round_trips() {
        let (mut config, _) = load(GOOD);
        config.theme.error = Color::Reset;
        config.keys.insert(
            "odd_keys".into(),
            [
                "\"",
                "\\",
                "ctrl--",
                "space",
                "shift-tab",
                "alt-F12",
                "#",
                "G",
            ]
            .iter()
            .map(|s| spec(s))
            .collect(),
        );
        for original in [Config::default(), config] {
            let text = original.to_toml_string();
            let (back, warnings) = load(&text);
            assert!(warnings.is_empty(), "{warnings:?}\n{text}");
            assert_eq!(back, original, "{text}");
        }
    }

    #[test]
    fn key_specs_parse_and_format() {
        let cases = [
            (
                "ctrl-r",
                KeyCode::Char('r'),
                KeyModifiers::CONTROL,
                "ctrl-r",
            ),
            (
                "Ctrl-Alt-x",
                KeyCode::Char('x'),
                KeyModifiers::CONTROL | KeyModifiers::ALT,
                "ctrl-alt-x",
            ),
            ("alt-x", KeyCode::Char('x'), KeyModifiers::ALT, "alt-x"),
            ("f2", KeyCode::F(2), KeyModifiers::NONE, "f2"),
            ("F12", KeyCode::F(12), KeyModifiers::NONE, "f12"),
            (
                "pagedown",
                KeyCode::PageDown,
                KeyModifiers::NONE,
                "pagedown",
            ),
            ("PgUp", KeyCode::PageUp, KeyModifiers::NONE, "pageup"),
            ("enter", KeyCode::Enter, KeyModifiers::NONE, "enter"),
            ("esc", KeyCode::Esc, KeyModifiers::NONE, "esc"),
            ("tab", KeyCode::Tab, KeyModifiers::NONE, "tab"),
            (
                "shift-tab",
                KeyCode::BackTab,
                KeyModifiers::NONE,
                "shift-tab",
            ),
            ("up", KeyCode::Up, KeyModifiers::NONE, "up"),
            ("shift-up", KeyCode::Up, KeyModifiers::SHIFT, "shift-up"),
            (
                "ctrl-o",
                KeyCode::Char('o'),
                KeyModifiers::CONTROL,
                "ctrl-o",
            ),
            ("space", KeyCode::Char(' '), KeyModifiers::NONE, "space"),
            ("-", KeyCode::Char('-'), KeyModifiers::NONE, "-"),
            (
                "ctrl--",
                KeyCode::Char('-'),
                KeyModifiers::CONTROL,
                "ctrl--",
            ),
            ("shift-a", KeyCode::Char('A'), KeyModifiers::NONE, "A"),
            ("G", KeyCode::Char('G'), KeyModifiers::NONE, "G"),
            ("é", KeyCode::Char('é'), KeyModifiers::NONE, "é"),
            ("f", KeyCode::Char('f'), KeyModifiers::NONE, "f"),
        ];
        for (text, code, modifiers, canonical) in cases {
            let parsed = spec(text);
            assert_eq!(parsed, KeySpec { code, modifiers }, "{text}");
            assert_eq!(parsed.to_string(), canonical, "{text}");
            assert_eq!(spec(canonical), parsed, "{canonical} reads back");
        }
        for bad in [
            "",
            "ctrl-",
            "f0",
            "f25",
            "f99",
            "hyper-x",
            "pagedownn",
            "\u{7}",
            "ab",
        ] {
            assert!(parse_key_spec(bad).is_err(), "{bad:?} should fail");
        }
    }

    #[test]
    fn key_spec_matches_terminal_events() {
        let event = |code, modifiers| KeyEvent::new(code, modifiers);
        // Shift+g as either report style.
        assert!(spec("G").matches(&event(KeyCode::Char('G'), KeyModifiers::SHIFT)));
        assert!(spec("G").matches(&event(KeyCode::Char('g'), KeyModifiers::SHIFT)));
        assert!(!spec("g").matches(&event(KeyCode::Char('G'), KeyModifiers::SHIFT)));
        assert!(spec("shift-tab").matches(&event(KeyCode::BackTab, KeyModifiers::SHIFT)));
        assert!(spec("ctrl-r").matches(&event(KeyCode::Char('r'), KeyModifiers::CONTROL)));
        assert!(!spec("ctrl-r").matches(&event(KeyCode::Char('r'), KeyModifiers::NONE)));
    }

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

    #[test]
    fn load_reports_missing_explicit_file_and_bad_utf8() {
        let dir = tempfile::tempdir().expect("tempdir");
        let missing = dir.path().join("nope.toml");
        let err = Config::load(Some(&missing)).expect_err("a missing --config file is an error");
        assert_eq!(err.kind(), io::ErrorKind::NotFound);
        assert!(
            err.to_string()
                .contains("nope.toml: cannot read the config file"),
            "{err}"
        );

        let bad = dir.path().join("config.toml");
        fs::write(&bad, b"[view]\nsplit = 30\n\xff\n").expect("write");
        let (_, warnings) = Config::load(Some(&bad)).expect("readable");
        assert!(
            warnings[0]
                .to_string()
                .ends_with("config.toml:3: not valid UTF-8; using default settings"),
            "{warnings:?}"
        );

        let good = dir.path().join("good.toml");
        fs::write(&good, GOOD).expect("write");
        let (config, warnings) = Config::load(Some(&good)).expect("readable");
        assert!(warnings.is_empty());
        assert_eq!(config.view.split, 35);
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_a_device_or_a_huge_config_is_reported_and_defaults_used() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("config.toml");
        let name = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).expect("cstr");
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        let huge = dir.path().join("huge.toml");
        fs::write(&huge, "# x\n".repeat(300_000)).expect("write");
        for (path, reason) in [
            (fifo.as_path(), "not a regular file"),
            (Path::new("/dev/zero"), "not a regular file"),
            (huge.as_path(), "larger than 1 MiB"),
        ] {
            // Before: blocked for ever on the FIFO, read /dev/zero until memory ran out.
            let (config, warnings) = Config::load(Some(path)).expect("readable");
            assert_eq!(config, Config::default());
            let text = warnings[0].to_string();
            assert!(text.contains(reason), "{text}");
            assert!(text.ends_with("using default settings"), "{text}");
        }
    }

    #[test]
    fn line_of_finds_a_key() {
        let text = "[view]\nsplit = 30\n\n[keys]\nquit = \"q\"\nfly = \"x\"\n";
        assert_eq!(line_of(text, "keys", "fly"), Some(6));
        assert_eq!(line_of(text, "keys", "nope"), None);
        assert_eq!(line_of("= broken", "keys", "fly"), None);
    }

    #[test]
    fn feeds_section_sets_the_interval_and_each_subscription() {
        let text = r#"
[feeds]
fetch_interval = 0

[feeds."http://127.0.0.1/gazette.xml"]
title = "The Gazette"
folder = "Local"
full_text = false

[feeds."http://127.0.0.1/other.xml"]
colour = "red"
full_text = "yes"
"#;
        let (config, warnings) = Config::from_toml_str(text, Path::new("c.toml"));
        assert_eq!(config.feeds.fetch_interval, 0);
        assert_eq!(
            config.feeds.subscriptions,
            [
                SubscriptionConfig {
                    url: "http://127.0.0.1/gazette.xml".into(),
                    title: Some("The Gazette".into()),
                    folder: Some("Local".into()),
                    full_text: false,
                },
                SubscriptionConfig {
                    url: "http://127.0.0.1/other.xml".into(),
                    title: None,
                    folder: None,
                    full_text: true,
                },
            ]
        );
        let messages: Vec<String> = warnings.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(messages[0].contains("colour: unknown key"), "{messages:?}");
        assert!(messages[1].contains("full_text"), "{messages:?}");
        // And back: --print-config output loads to the same settings.
        let (again, warnings) =
            Config::from_toml_str(&config.to_toml_string(), Path::new("p.toml"));
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(again.feeds, config.feeds);
        assert_eq!(Config::default().feeds.fetch_interval, 30);
    }
}
