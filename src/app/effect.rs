//! Work that [`super::update`] asks for but does not do itself: writing the
//! reading state, starting a browser, writing to the terminal. `update` queues
//! an [`Effect`] in [`super::App::effects`]; the event loop drains the queue
//! after each batch of actions and performs them (see [`crate::term::effects`]), then
//! reports back with [`super::Action::Notify`]. Keeping I/O out of `update` keeps
//! it testable without a disk, a browser or a terminal.

use url::Url;

use crate::filter::QueryOptions;

/// One piece of I/O for the event loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write the reading state if it changed (`MarkStore::save_if_dirty`).
    SaveState,
    /// Open this (already checked http/https) URL in the browser.
    OpenUrl(Url),
    /// Put this URL on the clipboard with OSC 52.
    CopyUrl(Url),
    /// Fetch every subscription into the library on a background thread,
    /// answered with [`super::Action::ArticlesLoaded`] for new articles,
    /// [`super::Action::Status`] for progress and
    /// [`super::Action::FetchFinished`] at the end.
    FetchFeeds,
    /// Articles changed in place: the filter indexes the library afresh and
    /// runs the current query again. Performed by
    /// [`FilterFeed`](super::filtering::FilterFeed).
    Reindex,
    /// Filter with this query in this mode. Performed by
    /// [`FilterFeed`](super::filtering::FilterFeed) (the reader's loop and the
    /// tests alike), answered with [`super::Action::FilterResults`]; an empty
    /// query tells the filter to stop (the app already shows every article).
    Filter {
        query: String,
        options: QueryOptions,
    },
}
