//! The reader's whole state. Rendering reads it; only [`super::update`] changes it.

use std::cmp::Ordering;

use ratatui::layout::Rect;

use super::effect::Effect;
use super::geometry::{self, Areas};
use super::keymap::{Keymap, Mode};
use super::reading::ReaderLayout;
use crate::article::Article;
use crate::article::sanitize::clean_line;
use crate::config::ViewConfig;
use crate::filter::{self, Match, Ranked, Snippet};
use crate::library::{Batch, Library};
use crate::library::{SortOrder, ViewFilter};
use crate::store::marks::{ArticleKey, MarkStore, Place};

/// Which pane keys go to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    /// The article list (and the filter bar: printable keys always type there).
    #[default]
    List,
    /// The reading pane (full screen on narrow terminals).
    Reader,
}

/// The reader's state.
#[derive(Debug, Clone)]
pub struct App {
    /// The articles and their content keys, in load order. Filter results
    /// index into it.
    pub(super) library: Library,
    /// The filter text.
    pub(super) query: String,
    /// Where typing goes in `query`: a byte offset on a grapheme boundary.
    pub(super) cursor: usize,
    /// Full-text mode (Ctrl-F): filter terms match article bodies too, and the
    /// list shows a body snippet under each headline.
    pub(super) full_text: bool,
    /// Filter results for `query`, best first (indices into `articles`), before
    /// the view and sort are applied.
    pub(super) filtered: Ranked,
    /// The rows shown: `filtered` restricted to `view` and ordered by `sort`
    /// (see [`App::arrange`]). Ordered lazily: `update` puts the rows up to the
    /// selection and the bottom of the list in order, and rendering reads
    /// only those ([`Ranked::sorted`]).
    pub(super) matches: Ranked,
    /// Which articles the list shows (all, unread, starred).
    pub(super) view: ViewFilter,
    /// How the list is ordered.
    pub(super) sort: SortOrder,
    /// Read and starred marks. Changed by `update`; written by the event loop
    /// when `update` queues [`Effect::SaveState`].
    pub(super) store: MarkStore,
    /// I/O that `update` asked for, performed and drained by the event loop.
    pub(super) effects: Vec<Effect>,
    /// Keys to actions, with the config file's remapping applied.
    pub(super) keymap: Keymap,
    /// List pane width in the wide layout, percent of the screen.
    pub(super) split: u16,
    /// Widest the reader's text gets, in columns (centred beyond); 0 = no limit.
    pub(super) text_width: u16,
    /// Position of the selected row in `matches` (0 when there are none).
    pub(super) selected: usize,
    /// First row of `matches` shown in the list pane.
    pub(super) list_offset: usize,
    /// First line of the selected article shown in the reading pane.
    pub(super) scroll: usize,
    /// Which pane has the keys.
    pub(super) focus: Focus,
    /// Whether the help overlay is open.
    pub(super) show_help: bool,
    /// The problems view is open.
    pub(super) show_problems: bool,
    /// Feeds whose last fetch failed, for the problems view.
    pub(super) problems: Vec<super::problems::FeedProblem>,
    /// First line of the help overlay shown (it scrolls where it does not fit).
    pub(super) help_scroll: usize,
    /// Last known terminal size (columns, rows), for layout-dependent clamping.
    pub(super) viewport: (u16, u16),
    /// Loading progress, confirmations or problems, shown in the status line.
    pub(super) status: Option<String>,
    /// A background fetch of the subscriptions is running.
    pub(super) fetching: bool,
    /// Whether `status` reports a failure (drawn in the error colour).
    pub(super) status_is_error: bool,
    /// The number of the confirmation or error in `status`, when it is one
    /// (they go after a while, or with the next key); `None` for loading
    /// progress and other lasting status text.
    pub(super) notice: Option<u64>,
    /// How many confirmations and errors have been shown: numbers them.
    pub(super) notices: u64,
    /// A startup problem (bad config, unreadable state file), shown in the
    /// status line whenever there is no other status, until a newer
    /// confirmation or error replaces it.
    pub(super) warning: Option<String>,
    /// How to fill an empty library, while the reader shows the bundled
    /// articles instead (a first run): drawn in the list's free space.
    pub(super) welcome: Option<String>,
    /// Set by [`super::Action::Quit`]; the event loop stops.
    pub(super) should_quit: bool,
    /// The article (index into `articles`) the selection should stay on when the
    /// next filter results arrive: the selected one when articles are appended or
    /// the filter is cleared, `None` (best match) after the query changed.
    pub(super) anchor: Option<usize>,
    /// A query was sent to the worker and its answer has not arrived: the list
    /// still shows the previous results and the filter bar says so.
    pub(super) filter_pending: bool,
    /// The selected article laid out for the reading pane, as far as it has
    /// been shown (kept by `update`, read by the renderer): scrolling a huge
    /// article costs the lines on screen, not the article.
    pub(super) reader: ReaderLayout,
    /// The article (and its scroll) to go back to once it has loaded: where
    /// the reader was left last time ([`App::return_to`]). Dropped at the
    /// user's first key.
    pub(super) returning: Option<(ArticleKey, usize)>,
    /// A scroll to restore once the selection has moved to the article it
    /// belongs to (taken by `update`).
    pub(super) restored_scroll: Option<usize>,
    /// Paths of files whose content is already in the library, by the key of
    /// the article shown for them (see [`super::Action::Copies`]).
    pub(super) copies: std::collections::HashMap<ArticleKey, Vec<String>>,
    /// The search in the open article (`/`), while there is one.
    pub(super) find: Option<super::find::Find>,
    /// Where the text at the top was before the resizes since the last key
    /// (block, byte): they all keep that place.
    pub(super) resize_place: Option<(usize, usize)>,
    /// What the list highlights in the rows on screen (kept by `update`, read
    /// by the renderer, which so never parses the query).
    pub(super) highlights: Vec<RowHighlight>,
}

/// The matched letters of one visible row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowHighlight {
    /// The article (index into `articles`).
    pub index: u32,
    /// Char positions in the headline (as shown: cleaned) that matched.
    pub title: Vec<usize>,
    /// In full-text mode, the body around its first match.
    pub snippet: Option<Snippet>,
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
            library: Library::new(articles),
            query: String::new(),
            cursor: 0,
            full_text: false,
            filtered: Ranked::default(),
            matches: Ranked::default(),
            view: ViewFilter::All,
            sort: SortOrder::Relevance,
            store: MarkStore::in_memory(),
            effects: Vec::new(),
            keymap: Keymap::default(),
            split: crate::config::ViewConfig::default().split,
            text_width: 0,
            selected: 0,
            list_offset: 0,
            scroll: 0,
            focus: Focus::List,
            show_help: false,
            show_problems: false,
            problems: Vec::new(),
            help_scroll: 0,
            viewport,
            status: None,
            fetching: false,
            status_is_error: false,
            notice: None,
            notices: 0,
            warning: None,
            welcome: None,
            should_quit: false,
            anchor: None,
            filter_pending: false,
            reader: ReaderLayout::default(),
            returning: None,
            restored_scroll: None,
            copies: std::collections::HashMap::new(),
            find: None,
            resize_place: None,
            highlights: Vec::new(),
        };
        app.show_all();
        app.lay_out_reader();
        app
    }

    /// Every article, in load order (what filter results index into).
    pub fn articles(&self) -> &[Article] {
        self.library.articles()
    }

    /// Where the panes are at the last known terminal size.
    pub fn areas(&self) -> Areas {
        let reading = self.focus == Focus::Reader && self.selected_article().is_some();
        geometry::layout(self.screen(), reading, self.split)
    }

    /// The whole terminal as last seen.
    pub fn screen(&self) -> Rect {
        Rect::new(0, 0, self.viewport.0, self.viewport.1)
    }

    /// The text area of the reading pane at the last known size. On narrow
    /// terminals this is the full-screen pane, even while the list is shown,
    /// so PgUp/PgDn from the list clamp the same way.
    pub fn reader_text_area(&self) -> Rect {
        geometry::layout(self.screen(), true, self.split)
            .reader
            .map(|reader| geometry::text_area(reader, self.text_width))
            .unwrap_or_default()
    }

    /// The inside of the list pane at the last known size, if shown.
    pub fn list_inner(&self) -> Option<Rect> {
        self.areas().list.map(geometry::pane_inner)
    }

    /// Lays out the selected article as far as the reading pane shows it (kept
    /// in `reader`) and clamps the scroll to its end. Only the lines up to the
    /// bottom of the screen are wrapped: the end is known (and the scroll
    /// clamped) once they reach it.
    pub(super) fn lay_out_reader(&mut self) {
        let Some((index, article)) = self
            .selected_index()
            .and_then(|i| Some((i, self.library.get(i)?)))
        else {
            self.reader = ReaderLayout::default();
            self.scroll = 0;
            return;
        };
        let area = self.reader_text_area();
        let key = (index, area.width as usize);
        let height = area.height as usize;
        if self.reader.key != Some(key) {
            // The same article at another width (a resize) keeps its place
            // counted from the end when it was shown near the end: a huge
            // article then needs only its last screens laid out again.
            let old_total = self.reader.total_lines();
            let from_end = (self.reader.key.map(|k| k.0) == Some(index)
                && !self.reader.is_complete()
                && old_total > 0
                && self.scroll.saturating_add(height) >= old_total / 2)
                .then(|| old_total.saturating_sub(self.scroll.min(old_total)));
            let copies = self
                .library
                .key(index)
                .and_then(|k| self.copies.get(&k))
                .map_or(&[][..], Vec::as_slice);
            self.reader = ReaderLayout::new(index, article, copies, key.1);
            if let Some(from_end) = from_end {
                self.reader.show(article, usize::MAX, height);
                self.scroll = self.reader.total_lines().saturating_sub(from_end);
            }
        }
        self.scroll = self.reader.show(article, self.scroll, height);
    }

    /// Finds the matched letters of the rows the list shows (`rows` from
    /// `first`), parsing the query once.
    pub(super) fn highlight_rows(&mut self, first: usize, rows: usize) {
        self.highlights.clear();
        if self.query.trim().is_empty() {
            return;
        }
        let query = filter::Query::parse(&self.query);
        let width = self.list_inner().map_or(0, |inner| {
            (inner.width as usize).saturating_sub(geometry::GUTTER)
        });
        for m in self.matches.sorted().iter().skip(first).take(rows) {
            let Some(article) = self.library.get(m.index as usize) else {
                continue;
            };
            let title = clean_line(&article.title);
            let snippet = self
                .full_text
                .then(|| {
                    filter::query::snippet(&query, article.body.iter().map(String::as_str), width)
                })
                .flatten();
            self.highlights.push(RowHighlight {
                index: m.index,
                title: filter::query::title_indices(&query, &title),
                snippet,
            });
        }
    }

    /// The highlights of the visible row showing article `index`.
    pub fn highlight_of(&self, index: u32) -> Option<&RowHighlight> {
        self.highlights.iter().find(|h| h.index == index)
    }

    /// The mode the key map should use.
    pub fn mode(&self) -> Mode {
        if self.show_help || self.show_problems {
            // An overlay: its own keys (Esc closes it), none of the list's.
            Mode::Help
        } else if self.focus == Focus::Reader && self.selected_article().is_some() {
            match &self.find {
                Some(find) if find.editing => Mode::Find,
                Some(_) => Mode::Found,
                None => Mode::Reader,
            }
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
        self.selected_index().and_then(|i| self.library.get(i))
    }

    /// Appends loaded articles. The selection stays on the
    /// same article. With an empty query the new articles join the list at once
    /// (appended, or merged into the sorted rows: no re-sort of the whole
    /// library per batch); with a query the filter, which is fed the same
    /// articles, answers again.
    pub fn append_articles(&mut self, batch: Batch) {
        if !self.filter_pending {
            self.anchor = self.kept_article();
        }
        let added = self.library.append(batch);
        let first = added.start;
        if self.query.trim().is_empty() {
            let added = added.map(|i| Match {
                index: i as u32,
                score: 0,
            });
            // The empty query's results are the library in order, so the
            // new articles rank last.
            self.filtered.extend_after(added);
            self.arrange_appended(first);
        }
        self.arrive_at_place(first);
    }

    /// Puts changed articles in the place of the old ones (see
    /// [`Action::ArticlesReplaced`](super::Action::ArticlesReplaced)): their
    /// read and starred marks go with them, the list keeps its rows and
    /// selection, the open article is laid out again and the filter is asked
    /// to index the new text. Returns whether a mark moved (to be saved).
    pub(super) fn replace_articles(&mut self, old: &[ArticleKey], new: Batch) -> bool {
        let mut marked = false;
        for (old, key) in old.iter().zip(new.keys()) {
            if self.store.is_read(old) && !self.store.is_read(key) {
                self.store.set_read(*key, true);
                marked = true;
            }
            if self.store.is_starred(old) && !self.store.is_starred(key) {
                self.store.set_starred(*key, true);
                marked = true;
            }
        }
        let replaced = self.library.replace(old, new);
        if replaced.is_empty() {
            return marked;
        }
        if !self.effects.contains(&Effect::Reindex) {
            self.effects.push(Effect::Reindex);
        }
        if self.selected_index().is_some_and(|i| replaced.contains(&i)) {
            // Laid out afresh: the layout is kept by index, and the text at
            // this index is new.
            self.reader = ReaderLayout::default();
            self.lay_out_reader();
        }
        marked
    }

    /// Where the reader is, to be found again next time.
    pub fn place(&self) -> Place {
        Place {
            article: self.selected_key().map(|k| k.to_hex()),
            scroll: self.scroll,
            view: self.view.as_str().to_owned(),
            sort: self.sort.as_str().to_owned(),
        }
    }

    /// Goes back to where the reader was left: the view and the sort at once,
    /// the article and its scroll when it loads (unless a key comes first).
    pub fn return_to(&mut self, place: &Place) {
        if let Ok(view) = place.view.parse() {
            self.view = view;
        }
        if let Ok(sort) = place.sort.parse() {
            self.sort = sort;
        }
        self.returning = place
            .article
            .as_deref()
            .and_then(|hex| hex.parse().ok())
            .map(|key| (key, place.scroll));
        self.anchor = None;
        self.arrange();
    }

    /// Selects the article being returned to if it is among those from
    /// `first` on (just loaded) and the list shows it.
    fn arrive_at_place(&mut self, first: usize) {
        let Some((key, scroll)) = self.returning else {
            return;
        };
        let Some(index) = self.library.find_from(first, key) else {
            return;
        };
        self.returning = None;
        if let Some(row) = self.matches.rank_of(index as u32) {
            self.selected = row;
            self.restored_scroll = Some(scroll);
        }
    }

    /// [`App::arrange`] after `filtered` grew by articles at indices `first..`
    /// (library order, an empty query): only the new rows are admitted and
    /// sorted, then merged into the shown rows. The selected row's position is
    /// found again only when rows were inserted before it.
    fn arrange_appended(&mut self, first: usize) {
        let all = self.filtered.as_unordered();
        let start = all.partition_point(|m| (m.index as usize) < first);
        let view = self.view;
        let mut added: Vec<Match> = all[start..]
            .iter()
            .copied()
            .filter(|m| view == ViewFilter::All || self.admits(view, m.index as usize))
            .collect();
        if added.is_empty() {
            return;
        }
        let before = self.kept_article();
        if self.sort == SortOrder::Relevance {
            self.matches.extend_after(added);
        } else {
            let articles = self.library.articles();
            let sort = self.sort;
            added.sort_unstable_by(|a, b| compare(sort, articles, a, b));
            // Rows in another sort than relevance are always fully ordered.
            let old = std::mem::take(&mut self.matches).into_unordered_vec();
            let mut merged = Vec::with_capacity(old.len() + added.len());
            let (mut i, mut j) = (0, 0);
            while i < old.len() && j < added.len() {
                if compare(sort, articles, &added[j], &old[i]) == Ordering::Less {
                    merged.push(added[j]);
                    j += 1;
                } else {
                    merged.push(old[i]);
                    i += 1;
                }
            }
            merged.extend_from_slice(&old[i..]);
            merged.extend_from_slice(&added[j..]);
            self.matches = Ranked::from_sorted(merged);
            if let Some(keep) = before {
                self.selected = self.matches.rank_of(keep as u32).unwrap_or(0);
            }
        }
        if before.is_none() {
            self.selected = 0;
        }
    }

    /// The article the selection stays on while the list changes under it
    /// (articles arriving, a query's answer growing with them): the selected
    /// one, except that a selection on the first row stays on the first row,
    /// so it is the first article of the sort, or the best match, however the
    /// library arrives. An article being read is never taken away.
    fn kept_article(&self) -> Option<usize> {
        if self.selected == 0 && self.focus != Focus::Reader {
            None
        } else {
            self.selected_index()
        }
    }

    /// Shows every article in library order (the empty query's results),
    /// without filtering.
    pub fn show_all(&mut self) {
        let all = (0..self.library.len() as u32)
            .map(|index| Match { index, score: 0 })
            .collect();
        self.apply_matches(Ranked::from_sorted(all));
    }

    /// The mode the filter runs in, sent to the engine with the query.
    pub fn query_options(&self) -> filter::QueryOptions {
        filter::QueryOptions {
            full_text: self.full_text,
        }
    }

    /// Installs filter results for the current query, then applies the view and
    /// sort ([`App::arrange`]). Wherever results come from (here or a worker),
    /// they go through this function.
    pub fn apply_matches(&mut self, matches: Ranked) {
        self.filtered = matches;
        self.arrange();
    }

    /// Derives the shown rows from `filtered`: only the articles `view` admits,
    /// in `sort` order (ties in library order; undated articles last for
    /// newest-first). The selection stays on the `anchor` article when it is
    /// among them; otherwise the first row is selected. Costs one pass and, for
    /// a sort other than relevance, one sort of indices.
    pub fn arrange(&mut self) {
        let view = self.view;
        let rows = match view {
            ViewFilter::All => self.filtered.clone(),
            view => self
                .filtered
                .retained(|m| self.admits(view, m.index as usize)),
        };
        self.matches = if self.sort == SortOrder::Relevance {
            rows
        } else {
            let (sort, articles) = (self.sort, self.library.articles());
            let mut rows = rows.into_unordered_vec();
            rows.sort_unstable_by(|a, b| compare(sort, articles, a, b));
            Ranked::from_sorted(rows)
        };
        self.selected = self
            .anchor
            .and_then(|keep| self.matches.rank_of(keep as u32))
            .unwrap_or(0);
    }

    /// Whether `view` shows the article at `index`.
    fn admits(&self, view: ViewFilter, index: usize) -> bool {
        let Some(key) = self.library.key(index) else {
            return true;
        };
        match view {
            ViewFilter::All => true,
            ViewFilter::Unread => !self.store.is_read(&key),
            ViewFilter::Starred => self.store.is_starred(&key),
        }
    }

    /// The content key of the selected article.
    pub fn selected_key(&self) -> Option<ArticleKey> {
        self.selected_index().and_then(|i| self.library.key(i))
    }

    /// Whether the article at `index` is marked read.
    pub fn is_read(&self, index: usize) -> bool {
        self.library
            .key(index)
            .is_some_and(|k| self.store.is_read(&k))
    }

    /// Whether the article at `index` is starred.
    pub fn is_starred(&self, index: usize) -> bool {
        self.library
            .key(index)
            .is_some_and(|k| self.store.is_starred(&k))
    }

    /// The sort's name for the list title. Relevance without a query is the
    /// order the files were loaded in, and says so.
    pub fn sort_label(&self) -> &'static str {
        match self.sort {
            SortOrder::Relevance if self.query.trim().is_empty() => "file order",
            sort => sort.as_str(),
        }
    }
}

/// Reading the state: drawing, the event loop and tests see it through these;
/// only `update` (and the few setters for the user's settings) change it.
impl App {
    /// The filter text.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// Where typing goes in the filter text (a byte offset).
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Whether the filter searches bodies too (Ctrl-F).
    pub fn full_text(&self) -> bool {
        self.full_text
    }

    /// The filter's results before the view and sort.
    pub fn filtered(&self) -> &Ranked {
        &self.filtered
    }

    /// The rows the list shows, in order.
    pub fn matches(&self) -> &Ranked {
        &self.matches
    }

    /// Which articles the list shows.
    pub fn view(&self) -> ViewFilter {
        self.view
    }

    /// How the list is ordered.
    pub fn sort(&self) -> SortOrder {
        self.sort
    }

    /// The read and starred marks.
    pub fn marks(&self) -> &MarkStore {
        &self.store
    }

    /// The marks, for the effect executor that saves them.
    pub fn marks_mut(&mut self) -> &mut MarkStore {
        &mut self.store
    }

    /// Keys to actions, as remapped by the config.
    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// List pane width in the wide layout, percent of the screen.
    pub fn split(&self) -> u16 {
        self.split
    }

    /// Widest the reader's text gets, in columns; 0 = no limit.
    pub fn text_width(&self) -> u16 {
        self.text_width
    }

    /// Position of the selected row in [`App::matches`].
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// First row of the list pane.
    pub fn list_offset(&self) -> usize {
        self.list_offset
    }

    /// First line of the selected article in the reading pane.
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    /// Which pane has the keys.
    pub fn focus(&self) -> Focus {
        self.focus
    }

    /// Whether the help overlay is open.
    pub fn show_help(&self) -> bool {
        self.show_help
    }

    /// Whether the problems view is open.
    pub fn show_problems(&self) -> bool {
        self.show_problems
    }

    /// Feeds whose last fetch failed.
    pub fn problems(&self) -> &[super::problems::FeedProblem] {
        &self.problems
    }

    /// First line of the help overlay shown.
    pub fn help_scroll(&self) -> usize {
        self.help_scroll
    }

    /// The help overlay laid out for the terminal as last seen.
    pub fn help_layout(&self) -> super::help::HelpLayout {
        super::help::HelpLayout::new(&self.keymap, self.screen())
    }

    /// The terminal size (columns, rows) as last seen.
    pub fn viewport(&self) -> (u16, u16) {
        self.viewport
    }

    /// The status line's text, if any.
    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }

    /// Whether the status line reports a failure.
    pub fn status_is_error(&self) -> bool {
        self.status_is_error
    }

    /// A background fetch of the subscriptions is running.
    pub fn fetching(&self) -> bool {
        self.fetching
    }

    /// The number of the confirmation or error shown, for its expiry timer.
    pub fn notice(&self) -> Option<u64> {
        self.notice
    }

    /// A startup problem shown while there is no other status.
    pub fn warning(&self) -> Option<&str> {
        self.warning.as_deref()
    }

    /// How to fill an empty library (a first run), if the reader shows the
    /// bundled articles for want of one.
    pub fn welcome(&self) -> Option<&str> {
        self.welcome.as_deref()
    }

    /// Whether the user asked to quit.
    pub fn should_quit(&self) -> bool {
        self.should_quit
    }

    /// Whether the list still shows the previous query's results.
    pub fn filter_pending(&self) -> bool {
        self.filter_pending
    }

    /// The selected article laid out as far as it has been shown.
    pub fn reader(&self) -> &ReaderLayout {
        &self.reader
    }

    /// Whether the reader is still waiting for the article it was left on.
    pub fn is_returning(&self) -> bool {
        self.returning.is_some()
    }

    /// The search in the open article, while there is one.
    pub fn find(&self) -> Option<&super::find::Find> {
        self.find.as_ref()
    }

    /// Effects queued by `update`, for the executor to perform.
    pub fn effects(&self) -> &[Effect] {
        &self.effects
    }

    /// Takes the queued effects: the executor performs each once.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }
}

/// The user's settings, applied once at start (from the config and the state
/// file) before any input.
impl App {
    /// Uses `keymap` for keys from now on.
    pub fn set_keymap(&mut self, keymap: Keymap) {
        self.keymap = keymap;
    }

    /// Uses `store` for the read and starred marks, and shows the list as
    /// they say.
    pub fn set_marks(&mut self, store: MarkStore) {
        self.store = store;
        self.rearrange_in_place();
    }

    /// Applies the config's `[view]`: default view and sort, pane split and
    /// text width.
    pub fn set_view_config(&mut self, view: &ViewConfig) {
        self.view = view.default_view;
        self.sort = view.default_sort;
        self.split = view.split;
        self.text_width = view.text_width;
        self.rearrange_in_place();
        self.lay_out_reader();
    }

    /// A startup problem to show while there is no other status.
    pub fn set_warning(&mut self, warning: Option<String>) {
        self.warning = warning;
    }

    /// How to fill the library, for a first run (see [`App::welcome`]).
    pub fn set_welcome(&mut self, welcome: Option<String>) {
        self.welcome = welcome;
    }

    /// [`App::arrange`], keeping the selection on its article.
    fn rearrange_in_place(&mut self) {
        self.anchor = self.selected_index();
        self.arrange();
    }
}

/// The order of two rows under `sort` (not relevance: that is the results'
/// own order): ties in library order, undated articles last for newest-first,
/// articles without a source last.
fn compare(sort: SortOrder, articles: &[Article], a: &Match, b: &Match) -> Ordering {
    let by_index = |a: &Match, b: &Match| a.index.cmp(&b.index);
    let field = |m: &Match, f: fn(&Article) -> Option<&str>| {
        articles
            .get(m.index as usize)
            .and_then(f)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    match sort {
        SortOrder::Relevance => by_index(a, b),
        SortOrder::Newest => {
            let date = |m: &Match| field(m, |x| x.published.as_deref());
            // Some before None (undated last), later dates first.
            match (date(a), date(b)) {
                (Some(x), Some(y)) => y.cmp(x),
                (x, y) => y.is_some().cmp(&x.is_some()),
            }
            .then_with(|| by_index(a, b))
        }
        SortOrder::Source => {
            let source = |m: &Match| field(m, |x| x.source.as_deref());
            match (source(a), source(b)) {
                (Some(x), Some(y)) => caseless(x, y),
                (x, y) => y.is_some().cmp(&x.is_some()),
            }
            .then_with(|| by_index(a, b))
        }
        SortOrder::Title => {
            let title = |m: &Match| sort_title(field(m, |x| Some(x.title.as_str())).unwrap_or(""));
            caseless(title(a), title(b)).then_with(|| by_index(a, b))
        }
    }
}

/// A headline as the title sort reads it: from its first letter or digit, so
/// `“Quoted” words`, `— Dashed`, `...And then` and `'90s` file under their
/// words, as in an index. A headline without any letter or digit sorts as
/// written.
fn sort_title(title: &str) -> &str {
    match title.trim_start_matches(|c: char| !c.is_alphanumeric()) {
        "" => title,
        words => words,
    }
}

/// Case-insensitive comparison without allocating (sorting a million titles
/// must not build a million lower-case copies).
fn caseless(a: &str, b: &str) -> Ordering {
    a.chars()
        .flat_map(char::to_lowercase)
        .cmp(b.chars().flat_map(char::to_lowercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_sort_skips_leading_quotes_dashes_and_punctuation() {
        let titles = [
            "Zebra crossings return",
            "“Quiet” streets plan",
            "— Bridge reopens",
            "'Apple harvest' begins",
            "...and then the rain",
            "¿Cómo se dice?",
            "«Mountain» pass closed",
            "\"Delta\" variant",
            "  (Echo) chamber",
            "!!!",
        ];
        let articles: Vec<Article> = titles
            .iter()
            .map(|t| Article {
                title: (*t).to_owned(),
                ..Default::default()
            })
            .collect();
        let mut app = App::new(articles, (120, 40));
        app.sort = SortOrder::Title;
        app.arrange();
        let shown: Vec<&str> = app
            .matches
            .sorted()
            .iter()
            .map(|m| titles[m.index as usize])
            .collect();
        assert_eq!(
            shown,
            [
                "!!!",
                "...and then the rain",
                "'Apple harvest' begins",
                "— Bridge reopens",
                "¿Cómo se dice?",
                "\"Delta\" variant",
                "  (Echo) chamber",
                "«Mountain» pass closed",
                "“Quiet” streets plan",
                "Zebra crossings return",
            ]
        );
    }
}
