//! Everything that can happen to the reader, as data.
//!
//! Keys and mouse events become actions through [`super::keymap`]; loading and
//! (later) background filtering send actions too. [`super::update`] is the only
//! place that applies them.

use crate::filter::{QueryOptions, Ranked};
use crate::library::Batch;
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
    /// Move the selection by this many pages of the list (negative is up),
    /// clamped; the list scrolls with it.
    ListPages(isize),
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

    /// Type one character into the filter, at the cursor.
    FilterInput(char),
    /// Pasted text (bracketed paste: it arrives whole, never as keys) goes
    /// into the filter as one line, cleaned, up to the query's cap.
    FilterPaste(String),
    /// Delete the character before the cursor.
    FilterBackspace,
    /// Delete the character at the cursor (Delete).
    FilterDelete,
    /// Delete the word before the cursor (Ctrl-W).
    FilterDeleteWord,
    /// Move the filter's cursor a character left (negative) or right.
    CursorBy(isize),
    /// Move the filter's cursor to the start of the filter.
    CursorStart,
    /// Move the filter's cursor to the end of the filter.
    CursorEnd,
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

    /// Open the prompt to find words in the article (`/` while reading).
    FindStart,
    /// Type one character of what to find.
    FindInput(char),
    /// Delete the last character of what to find.
    FindBackspace,
    /// Stop typing and go to the first match from the reading position.
    FindAccept,
    /// Go to the next (1) or previous (-1) match, round the end.
    FindStep(isize),
    /// Close the search (and its highlights).
    FindClose,

    /// Show or hide the help overlay.
    ToggleHelp,
    /// Open or close the problems view (feeds whose last fetch failed).
    ToggleProblems,
    /// The subscriptions whose last fetch failed, from the library (at
    /// start-up and after each fetch).
    FeedProblems(Vec<super::problems::FeedProblem>),
    /// Hide the help overlay.
    CloseHelp,

    /// A mouse click at this terminal cell.
    Click { column: u16, row: u16 },
    /// A mouse wheel step at this terminal cell (`down` scrolls towards the end).
    Wheel { column: u16, row: u16, down: bool },

    /// The terminal is now this many columns by rows.
    Resize(u16, u16),

    /// More articles arrived (hashed where they were loaded): appended to the
    /// library; the selection stays on the same article and the filter is
    /// applied to the new ones.
    ArticlesLoaded(Batch),
    /// Articles that changed (a feed item edited, a full text that arrived
    /// late): each of the batch's articles takes the place of the article
    /// with the matching old key, marks and all, without moving the selection.
    ArticlesReplaced { old: Vec<ArticleKey>, new: Batch },
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
    /// Files whose content is already in the library (left out of it): each
    /// with the content key of the article it copies.
    Copies(Vec<(ArticleKey, String)>),
    /// Text for the status line (loading progress, skipped files); `None` clears it.
    Status(Option<String>),
    /// The outcome of an [`super::Effect`]: a confirmation, or (`error`) a failure
    /// shown in the error colour. Replaces any status and startup warning, and
    /// goes with the next key or click, or when it expires.
    Notify { text: String, error: bool },
    /// The message [`super::App::notice`] numbered this has been shown long
    /// enough: clear it unless a newer one replaced it. Sent by the event loop's
    /// timer, which runs only while a message is shown.
    ExpireStatus(u64),
}

impl Action {
    /// Whether the user made this action (a key or the mouse): the next one
    /// after a confirmation clears it. Loading, filter answers, resizes and
    /// timers are not.
    pub fn is_input(&self) -> bool {
        !matches!(
            self,
            Action::Resize(..)
                | Action::ArticlesLoaded(_)
                | Action::ArticlesReplaced { .. }
                | Action::FeedProblems(_)
                | Action::Copies(_)
                | Action::FilterResults { .. }
                | Action::Status(_)
                | Action::Notify { .. }
                | Action::ExpireStatus(_)
        )
    }
}
