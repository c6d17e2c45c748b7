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
//!
//! The modules: [`lenient`] walks the parsed TOML and warns per value,
//! [`keys`] and [`colors`] read key specs and colours, [`write`] prints the
//! effective config back, [`warnings`] locates problems for the user.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use toml::de::DeTable;

pub mod colors;
pub mod keys;
mod lenient;
pub mod warnings;
mod write;

pub use crate::library::{SortOrder, ViewFilter};
pub use colors::{ColorMode, Theme, parse_color, use_color, use_color_from_env};
pub use keys::{KeySpec, format_key_spec, parse_key_spec};
pub use warnings::{ConfigWarning, sort_by_line};

use lenient::Loader;

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
    /// Where the settings were written, so problems found after loading (an
    /// action name the app does not know) point at their line without reading
    /// the file again.
    pub origin: Origin,
}

/// The file a [`Config`] came from and the line of each `[keys]` entry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    pub file: Option<PathBuf>,
    /// `[keys]` action name → its 1-based line.
    pub key_lines: BTreeMap<String, usize>,
}

impl Origin {
    /// A warning about the `[keys]` entry `name`, located in the file.
    pub fn key_warning(&self, name: &str, message: String) -> ConfigWarning {
        ConfigWarning {
            file: self.file.clone().unwrap_or_else(|| PathBuf::from("config")),
            line: self.key_lines.get(name).copied(),
            key: Some(format!("keys.{name}")),
            message,
        }
    }
}

/// The largest config file read: a hand-written one is a few KiB; a larger
/// file (or `--config /dev/zero`) is reported and the defaults used.
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

impl Config {
    /// `$XDG_CONFIG_HOME/newsreader/config.toml`, else
    /// `~/.config/newsreader/config.toml`; `None` if neither can be found.
    pub fn default_path() -> Option<PathBuf> {
        crate::store::files::app_file(crate::store::files::BaseDir::Config, "config.toml")
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
        let mut loader = Loader::new(text, file);
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
        config.origin = Origin {
            file: Some(file.to_path_buf()),
            key_lines: loader.key_lines,
        };
        (config, warnings)
    }
}

#[cfg(test)]
mod tests;
