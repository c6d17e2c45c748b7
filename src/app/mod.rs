//! The interactive reader's state machine, Elm style: [`App`] holds the state,
//! [`keymap::map_key`] turns keys into [`Action`]s, [`update::update`] applies them.
//! Rendering lives in [`crate::ui`] and only reads an `&App`.
//!
//! The streaming loader's batches arrive as [`Action::ArticlesLoaded`] (content
//! keys hashed on the loader thread) and its progress as [`Action::Status`].
//! A new query queues [`Effect::Filter`]; a [`FilterFeed`] hands it to the
//! filter (a thread in the reader, inline in tests: [`Harness`]), whose answer
//! comes back as [`Action::FilterResults`] (dropped if the query or mode has
//! changed since); the list keeps the previous results meanwhile
//! (`App::filter_pending`). Results go through [`App::apply_matches`], which
//! keeps them as `App::filtered` and derives the shown rows (`App::matches`)
//! for the view and sort with [`App::arrange`]; with an empty query, batches
//! are appended without re-sorting ([`App::append_articles`]).
//!
//! `update` does no I/O: saving the reading state, opening a browser and
//! copying to the clipboard are queued as [`Effect`]s in `App::effects`, which
//! the event loop performs ([`crate::term::effects::perform`]) and answers with
//! [`Action::Notify`].

pub mod action;
pub mod command;
pub mod count;
pub mod edit;
pub mod effect;
pub mod filtering;
pub mod find;
pub mod geometry;
pub mod help;
pub mod keymap;
pub mod problems;
pub mod reading;
pub mod state;
pub mod text;
pub mod update;

pub use action::Action;
pub use command::Command;
pub use effect::Effect;
pub use filtering::{FilterFeed, Harness};
pub use keymap::{Keymap, Mode, map_key, map_mouse};
pub use state::{App, Focus};
pub use update::update;
