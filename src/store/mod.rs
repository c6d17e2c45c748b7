//! What newsreader keeps on disk for the user: the read and starred marks,
//! the library of fetched articles and subscriptions, and the crash-safe file
//! writing they rely on. No terminal, no app state.

pub mod files;
pub mod library_db;
pub mod marks;
