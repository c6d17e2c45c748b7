//! What newsreader keeps on disk for the user: the read and starred marks, and
//! the crash-safe file writing they rely on. No terminal, no app state.

pub mod files;
pub mod marks;
