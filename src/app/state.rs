//! The reader's whole state. Rendering reads it; only [`super::update`] changes it.

use crate::article::Article;
use crate::filter::{self, Match};
use crate::ui::theme::Theme;

/// Which pane keys go to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    /// The article list (and the filter bar: printable keys always type there).
    #[default]
    List,
    /// The reading pane (full screen on narrow terminals).
    Reader,
}

/// What the key map needs to know to choose an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Browsing the list; typing filters.
    List,
    /// Reading an article: arrows and Space scroll it.
    Reader,
    /// The help overlay is open.
    Help,
}

/// The reader's state.
#[derive(Debug, Clone)]
pub struct App {
    /// The library, in load order. Filter results index into it.
    pub articles: Vec<Article>,
    /// The filter text; the cursor is always at its end.
    pub query: String,
    /// Articles matching `query`, best first (indices into `articles`).
    pub matches: Vec<Match>,
    /// Position of the selected row in `matches` (0 when there are none).
    pub selected: usize,
    /// First row of `matches` shown in the list pane.
    pub list_offset: usize,
    /// First line of the selected article shown in the reading pane.
    pub scroll: usize,
    /// Which pane has the keys.
    pub focus: Focus,
    /// Whether the help overlay is open.
    pub show_help: bool,
    /// Last known terminal size (columns, rows), for layout-dependent clamping.
    pub viewport: (u16, u16),
    /// Loading progress or problems, shown in the status line.
    pub status: Option<String>,
    /// Set by [`super::Action::Quit`]; the event loop stops.
    pub should_quit: bool,
    /// Colours and text styles.
    pub theme: Theme,
    /// The article (index into `articles`) the selection should stay on when the
    /// next filter results arrive: the selected one when articles are appended or
    /// the filter is cleared, `None` (best match) after the query changed.
    pub anchor: Option<usize>,
}

impl Default for App {
    fn default() -> Self {
        App::new(Vec::new(), (80, 24))
    }
}

impl App {
    /// A reader over `articles` for a terminal of `viewport` (columns, rows).
    pub fn new(articles: Vec<Article>, viewport: (u16, u16)) -> Self {
        let mut app = App {
            articles,
            query: String::new(),
            matches: Vec::new(),
            selected: 0,
            list_offset: 0,
            scroll: 0,
            focus: Focus::List,
            show_help: false,
            viewport,
            status: None,
            should_quit: false,
            theme: Theme::default(),
            anchor: None,
        };
        app.refilter();
        app
    }

    /// The mode the key map should use.
    pub fn mode(&self) -> Mode {
        if self.show_help {
            Mode::Help
        } else if self.focus == Focus::Reader && self.selected_article().is_some() {
            Mode::Reader
        } else {
            Mode::List
        }
    }

    /// Index into `articles` of the selected article, if any article matches.
    pub fn selected_index(&self) -> Option<usize> {
        self.matches.get(self.selected).map(|m| m.index as usize)
    }

    /// The selected article, if any article matches.
    pub fn selected_article(&self) -> Option<&Article> {
        self.selected_index().and_then(|i| self.articles.get(i))
    }

    /// Re-runs the filter over the whole library. The one place filtering happens,
    /// so it can move to a worker that answers with
    /// [`super::Action::FilterResults`] (applied with [`App::apply_matches`]).
    pub fn refilter(&mut self) {
        let matches = filter::rank(&self.query, self.articles.iter().map(|a| a.title.as_str()));
        self.apply_matches(matches);
    }

    /// Installs filter results for the current query. The selection stays on the
    /// `anchor` article when it is among them; otherwise the best match is selected.
    pub fn apply_matches(&mut self, matches: Vec<Match>) {
        self.matches = matches;
        self.selected = self
            .anchor
            .and_then(|keep| self.matches.iter().position(|m| m.index as usize == keep))
            .unwrap_or(0);
    }
}
