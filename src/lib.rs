//! newsreader: turn raw text copied or scraped from news pages into structured
//! articles, and read them in the terminal.
//!
//! Data flows one way: bytes → [`article::Article`] → [`library`] → app state → frame.
//! Everything under [`article`], [`library`] and [`sanitize`] is plain library code
//! with no terminal in sight, so it can be tested and benchmarked on its own.

pub mod article;
pub mod cli;
pub mod commands;
pub mod corpus;
pub mod filter;
pub mod library;
pub mod sanitize;
