//! Everything the reader needs from outside before it starts: the config file,
//! the reading state and the colour decision, read once from the command line's
//! choices, with every problem collected as a warning rather than an error (a
//! bad config or state file never stops the reader).

use std::io;
use std::path::{Path, PathBuf};

use crate::app::{App, Keymap};
use crate::cli::Cli;
use crate::config::Config;
use crate::store::marks::MarkStore;
use crate::ui::theme::Theme;

/// The reader's settings, loaded; [`Settings::apply`] installs them in an [`App`].
#[derive(Debug)]
pub struct Settings {
    pub config: Config,
    pub keymap: Keymap,
    pub store: MarkStore,
    pub color: bool,
    /// Problems to show on stderr and in the status line.
    pub warnings: Vec<String>,
    /// How to fill an empty library, shown while the bundled articles stand in.
    pub welcome: Option<String>,
    /// The library of fetched articles (`--library`, `NEWSREADER_LIBRARY`, the default).
    pub library: Option<PathBuf>,
    /// Fetch the subscriptions in the background as the reader starts.
    pub fetch_on_start: bool,
}

impl Settings {
    /// Loads the config (`--config` or the default path), opens the reading
    /// state (`--state`, the default path, or memory only with `--no-state`)
    /// and decides colour (`--color`, `NO_COLOR`).
    ///
    /// Fails only when `--config` names a file that does not exist.
    pub fn load(cli: &Cli) -> io::Result<Settings> {
        let (config, keymap, mut warnings) = load_config(cli.config.as_deref())?;
        let library = cli
            .library
            .clone()
            .or_else(crate::store::library_db::default_path);
        let store = open_store(
            cli.no_state,
            cli.state.clone(),
            library.as_deref(),
            &mut warnings,
        );
        Ok(Settings {
            config,
            keymap,
            store,
            color: crate::config::use_color_from_env(cli.color),
            warnings,
            welcome: None,
            library,
            fetch_on_start: false,
        })
    }

    /// Defaults everywhere and a memory-only state: for tests.
    pub fn defaults() -> Settings {
        Settings {
            config: Config::default(),
            keymap: Keymap::default(),
            store: MarkStore::in_memory(),
            color: true,
            warnings: Vec::new(),
            welcome: None,
            library: None,
            fetch_on_start: false,
        }
    }

    /// Puts the settings into `app` and re-derives the list (the default view
    /// may hide read articles); returns the theme to draw with.
    pub fn apply(self, app: &mut App) -> Theme {
        let view = self.config.view;
        let theme = Theme::for_terminal(&self.config.theme, self.color);
        app.set_keymap(self.keymap);
        app.set_marks(self.store);
        app.set_view_config(&view);
        app.set_welcome(self.welcome);
        app.set_warning(match self.warnings.as_slice() {
            [] => None,
            [one] => Some(one.clone()),
            [first, rest @ ..] => Some(format!("{first} (and {} more)", rest.len())),
        });
        theme
    }
}

/// The config file (`path` from `--config`, else the default one) and the
/// keymap it makes, with every problem in it as one warning line, in the
/// file's line order. Fails only when an explicit `path` does not exist.
pub fn load_config(path: Option<&Path>) -> io::Result<(Config, Keymap, Vec<String>)> {
    let (config, mut warnings) = Config::load(path)?;
    let (keymap, unknown) = Keymap::new(&config.keys);
    let names = crate::app::keymap::action_names().join(", ");
    warnings.extend(unknown.iter().map(|name| {
        let message = format!("unknown action (expected one of {names})");
        config.origin.key_warning(name, message)
    }));
    let reserved = crate::app::keymap::reserved_key_problems(&config.keys);
    warnings.extend(
        reserved
            .into_iter()
            .map(|(name, problem)| config.origin.key_warning(&name, problem)),
    );
    crate::config::sort_by_line(&mut warnings);
    let lines = warnings.iter().map(ToString::to_string).collect();
    Ok((config, keymap, lines))
}

/// The marks: in memory (`--no-state`), in a state file of their own
/// (`--state FILE`), else in the library, which takes in the `state.json`
/// beside it once (see [`MarkStore::open_library`]).
fn open_store(
    no_state: bool,
    state: Option<PathBuf>,
    library: Option<&Path>,
    warnings: &mut Vec<String>,
) -> MarkStore {
    if no_state {
        return MarkStore::in_memory();
    }
    if let Some(path) = state {
        let (store, warning) = MarkStore::open(path);
        warnings.extend(warning.map(|w| w.to_string()));
        return store;
    }
    let Some(library) = library else {
        warnings.push("no home folder for the library; marks will not be saved".into());
        return MarkStore::in_memory();
    };
    let legacy = crate::store::marks::legacy_state_beside(library);
    let (store, notes) = MarkStore::open_library(library, Some(&legacy));
    warnings.extend(notes);
    store
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Action, update};
    use crate::article::Article;
    use crate::library::{SortOrder, ViewFilter};

    #[test]
    fn apply_sets_the_default_view_sort_and_warning() {
        let articles: Vec<Article> = ["One", "Two"]
            .iter()
            .map(|t| Article {
                title: (*t).to_owned(),
                body: vec![format!("{t} body.")],
                ..Default::default()
            })
            .collect();
        let mut store = MarkStore::in_memory();
        store.set_read(crate::store::marks::ArticleKey::of(&articles[0]), true);
        let mut settings = Settings::defaults();
        settings.store = store;
        settings.config.view.default_view = ViewFilter::Unread;
        settings.config.view.default_sort = SortOrder::Title;
        settings.config.view.text_width = 60;
        settings.warnings = vec!["a.toml:1: x: bad".into(), "b".into()];
        let mut app = App::new(articles, (100, 30));
        settings.apply(&mut app);
        assert_eq!(app.matches().len(), 1, "the read article is hidden");
        assert_eq!(app.selected_index(), Some(1));
        assert_eq!((app.sort(), app.text_width()), (SortOrder::Title, 60));
        assert_eq!(app.warning(), Some("a.toml:1: x: bad (and 1 more)"));
        update(&mut app, Action::Status(None));
        assert!(
            app.warning().is_some(),
            "the loader clearing its status keeps it"
        );
        update(
            &mut app,
            Action::Notify {
                text: "starred".into(),
                error: false,
            },
        );
        assert_eq!(app.warning(), None, "newer news replaces it");
    }
}
