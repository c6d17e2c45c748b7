//! newsreader: turn raw text copied or scraped from news pages into structured
//! articles, and read them in the terminal.
//!
//! The modules are layers, read bottom-up; each imports only the ones above it
//! in this list (`tests/architecture.rs` checks it):
//!
//! - the core, with no terminal in sight: [`article`] (bytes → `Article`),
//!   [`library`] (files and folders → articles, streamed), [`filter`] (queries,
//!   matching, ranking), [`store`] (marks and crash-safe files), [`config`];
//! - [`app`]: the reader's state, `Action`s and the pure `update` that applies
//!   them and returns the effects to perform; no I/O, no widgets;
//! - [`ui`]: draws an `&App`; changes nothing;
//! - [`term`]: the terminal, the event loop and the one effect executor;
//! - [`commands`] and `main.rs`: the command line.
//!
//! ARCHITECTURE.md has the map.

// Lets the shared test support (`tests/support/`) name the crate the same
// way from the library's unit tests as from the integration tests.
extern crate self as newsreader;

pub mod app;
pub mod article;
pub mod cli;
pub mod commands;
pub mod config;
pub mod filter;
pub mod library;
pub mod store;
pub mod term;
pub mod ui;
pub mod web;

#[cfg(test)]
#[path = "../tests/support/corpus.rs"]
pub(crate) mod corpus;
