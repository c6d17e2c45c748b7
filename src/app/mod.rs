//! The interactive reader's state machine, Elm style: [`App`] holds the state,
//! [`keymap::map_key`] turns keys into [`Action`]s, [`update::update`] applies them.
//! Rendering lives in [`crate::ui`] and only reads an `&App`.
//!
//! Built to grow: a streaming loader sends [`Action::ArticlesLoaded`] batches and
//! [`Action::Status`] progress from a thread (through a channel the event loop
//! selects on); background filtering replaces the body of [`App::refilter`] with a
//! request to a worker that answers [`Action::FilterResults`] for its query
//! (stale answers are dropped by comparing the query).

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
