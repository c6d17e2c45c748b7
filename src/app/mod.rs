//! The interactive reader's state machine, Elm style: [`App`] holds the state,
//! [`keymap::map_key`] turns keys into [`Action`]s, [`update::update`] applies them.
//! Rendering lives in [`crate::ui`] and only reads an `&App`.
//!
//! The streaming loader's batches arrive as [`Action::ArticlesKeyed`] (content
//! keys hashed on the loader thread) and its progress as [`Action::Status`].
//! With `App::background_filter` set (the reader's event loop), a new query
//! queues [`Effect::Filter`]; the loop hands it to the filter worker, which
//! answers [`Action::FilterResults`] (answers for a replaced query are dropped,
//! by generation in the loop and by query here); the list keeps the previous
//! results meanwhile (`App::filter_pending`). Without a worker (tests),
//! [`App::refilter`] filters synchronously. Filter results, from wherever, go
//! through [`App::apply_matches`], which keeps them as `App::filtered` and
//! derives the shown rows (`App::matches`) for the view and sort with
//! [`App::arrange`]; with an empty query, batches are appended without
//! re-sorting ([`App::append_articles`]).
//!
//! `update` does no I/O: saving the reading state, opening a browser and
//! copying to the clipboard are queued as [`Effect`]s in `App::effects`, which
//! the event loop performs ([`crate::term::effects::perform`]) and answers with
//! [`Action::Notify`].

pub mod action;
pub mod effect;
pub mod keymap;
pub mod state;
pub mod update;

pub use action::Action;
pub use effect::Effect;
pub use keymap::{Keymap, map_key, map_mouse};
pub use state::{App, Focus, Mode};
pub use update::update;
