//! The interactive reader's state machine, Elm style: [`App`] holds the state,
//! [`keymap::map_key`] turns keys into [`Action`]s, [`update::update`] applies them.
//! Rendering lives in [`crate::ui`] and only reads an `&App`.
//!
//! Built to grow: a streaming loader sends [`Action::ArticlesLoaded`] batches and
//! [`Action::Status`] progress from a thread (through a channel the event loop
//! selects on); background filtering replaces the body of [`App::refilter`] with a
//! request to a worker that answers [`Action::FilterResults`] for its query
//! (stale answers are dropped by comparing the query). Filter results, from
//! wherever, go through [`App::apply_matches`], which keeps them as
//! `App::filtered` and derives the shown rows (`App::matches`) for the view and
//! sort with [`App::arrange`].
//!
//! `update` does no I/O: saving the reading state, opening a browser and
//! copying to the clipboard are queued as [`Effect`]s in `App::effects`, which
//! the event loop performs ([`crate::effects::perform`]) and answers with
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
