//! The interactive reader's state machine, Elm style: [`App`] holds the state,
//! [`keymap::map_key`] turns keys into [`Action`]s, [`update::update`] applies them.
//! Rendering lives in [`crate::ui`] and only reads an `&App`.

pub mod action;
pub mod keymap;
pub mod state;
pub mod update;

pub use action::Action;
pub use keymap::{map_key, map_mouse};
pub use state::{App, Focus, Mode};
pub use update::update;
