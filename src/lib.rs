//! newsreader: turn raw text copied or scraped from news pages into structured
//! articles, and read them in the terminal.
//!
//! Data flows one way: bytes → [`article::Article`] → [`library`] → app state → frame.
//! Everything under [`article`], [`library`] and [`sanitize`] is plain library code
//! with no terminal in sight, so it can be tested and benchmarked on its own.

pub mod app;
pub mod article;
pub mod cli;
pub mod commands;
pub mod config;
pub mod corpus;
pub mod effects;
pub mod filter;
pub mod fsutil;
pub mod library;
pub mod links;
pub mod sanitize;
pub mod startup;
pub mod state;
pub mod store;
pub mod tui;
pub mod ui;
pub mod web;
