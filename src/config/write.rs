//! The effective config printed back as TOML (`--print-config`), in a form
//! that loads back to the same value.

use ratatui::style::Color;

use super::Config;
use super::colors::{THEME_ROLES, color_to_toml};

impl Config {
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

/// A TOML basic string, escaped by the `toml` crate itself.
fn quote(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}
