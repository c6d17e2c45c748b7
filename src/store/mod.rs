//! What newsreader keeps on disk between runs.

pub mod library_db;
