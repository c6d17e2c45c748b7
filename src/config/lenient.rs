//! The lenient TOML walker: each bad value is reported with its line and key,
//! and only that value falls back to its default.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;
use std::str::FromStr;

use ratatui::style::Color;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::colors::THEME_ROLES;
use super::*;

/// Walks the parsed document, collecting warnings as it goes.
pub(super) struct Loader<'a> {
    text: &'a str,
    file: &'a Path,
    pub(super) warnings: Vec<ConfigWarning>,
    /// `[keys]` action name → its line (see [`super::Origin`]).
    pub(super) key_lines: BTreeMap<String, usize>,
}

type Item<'i> = Spanned<DeValue<'i>>;

impl<'a> Loader<'a> {
    pub(super) fn new(text: &'a str, file: &'a Path) -> Self {
        Loader {
            text,
            file,
            warnings: Vec::new(),
            key_lines: BTreeMap::new(),
        }
    }

    pub(super) fn line(&self, offset: usize) -> usize {
        let end = offset.min(self.text.len());
        self.text.as_bytes()[..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    }

    pub(super) fn warn(&mut self, line: Option<usize>, key: Option<String>, message: String) {
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

    pub(super) fn document(&mut self, doc: &DeTable<'_>, config: &mut Config) {
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
            let line = self.line(name.span().start);
            self.key_lines.insert(action.to_owned(), line);
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
