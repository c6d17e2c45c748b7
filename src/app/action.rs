//! Everything that can happen to the reader, as data.
//!
//! Keys and mouse events become actions through [`super::keymap`]; loading and
//! (later) background filtering send actions too. [`super::update`] is the only
//! place that applies them.

use crate::article::Article;
use crate::filter::{QueryOptions, Ranked};
use crate::store::marks::ArticleKey;

/// One change to the [`super::App`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Leave the reader.
    Quit,

    /// Move the selection by this many rows (negative is up), clamped at the ends.
    MoveSelection(isize),
    /// Select the first article in the list.
    SelectFirst,
    /// Select the last article in the list.
    SelectLast,
    /// Select the row at this position in the filtered list (mouse click).
    SelectRow(usize),

    /// Scroll the reading pane by this many lines (negative is up), clamped.
    Scroll(isize),
    /// Scroll the reading pane by this many pages (negative is up), clamped.
    ScrollPages(isize),
    /// Scroll the reading pane to the top of the article.
    ScrollTop,
    /// Scroll the reading pane to the end of the article.
    ScrollBottom,

    /// Move focus between the list and the reading pane.
    ToggleFocus,
    /// Open the selected article: full screen on narrow terminals, focus on wide ones.
    Open,
    /// Leave the reading pane for the list (Esc while reading).
    Back,
    /// Esc in the list: clear the filter, or quit when it is already empty.
    ClearOrQuit,

    /// Type one character into the filter.
    FilterInput(char),
    /// Pasted text (bracketed paste: it arrives whole, never as keys) goes
    /// into the filter as one line, cleaned, up to the query's cap.
    FilterPaste(String),
    /// Delete the character before the cursor.
    FilterBackspace,
    /// Delete the word before the cursor (Ctrl-W).
    FilterDeleteWord,
    /// Clear the filter (Ctrl-U).
    FilterClear,
    /// Switch full-text mode (Ctrl-F): terms match the body too.
    ToggleFullText,

    /// Flip the selected article's read mark.
    ToggleRead,
    /// Flip the selected article's star.
    ToggleStar,
    /// Show the next view: all, unread, starred.
    CycleView,
    /// Use the next sort: relevance, newest, source, title.
    CycleSort,
    /// Open the selected article's own URL in the browser.
    OpenUrl,
    /// Copy the selected article's URL to the clipboard (OSC 52).
    CopyUrl,
    /// Open the reader's numbered link `[n]` (1-based) in the browser.
    OpenLink(usize),

    /// Show or hide the help overlay.
    ToggleHelp,
    /// Hide the help overlay.
    CloseHelp,

    /// A mouse click at this terminal cell.
    Click { column: u16, row: u16 },
    /// A mouse wheel step at this terminal cell (`down` scrolls towards the end).
    Wheel { column: u16, row: u16, down: bool },

    /// The terminal is now this many columns by rows.
    Resize(u16, u16),

    /// More articles arrived: appended to the library; the selection stays on the
    /// same article and the filter is applied to the new ones.
    ArticlesLoaded(Vec<Article>),
    /// [`Action::ArticlesLoaded`] with each article's content key already
    /// computed (`keys[i]` for `articles[i]`): the loader hashes off the UI thread.
    ArticlesKeyed {
        articles: Vec<Article>,
        keys: Vec<ArticleKey>,
    },
    /// Results of filtering for `query` (from the background worker, the best
    /// ordered on its thread, the rest ordered on demand). Ignored when `query`
    /// is no longer the current query (or mode).
    FilterResults {
        query: String,
        options: QueryOptions,
        matches: Ranked,
    },
    /// Fetch every subscription now, in the background (F5, Ctrl-L).
    FetchFeeds,
    /// A background fetch ended: its summary for the status line (`error`
    /// when a feed failed).
    FetchFinished { text: String, error: bool },
    /// Text for the status line (loading progress, skipped files); `None` clears it.
    Status(Option<String>),
    /// The outcome of an [`super::Effect`]: a confirmation, or (`error`) a failure
    /// shown in the error colour. Replaces any status and startup warning.
    Notify { text: String, error: bool },
}
