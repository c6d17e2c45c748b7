//! The command line, defined once with clap (help, version, and later completions
//! and the man page all come from this definition).

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// A fast terminal reader for news articles copied or scraped from the web.
///
/// With no PATH, opens the articles bundled with newsreader.
#[derive(Debug, Parser)]
#[command(
    name = "newsreader",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Article files (.txt), libraries (.jsonl) or folders of them, read recursively.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse articles and print them (one JSON object per line with --json).
    Parse {
        /// Print JSON Lines: one object per article with every field of the model.
        #[arg(long)]
        json: bool,

        /// Article files or folders; the bundled articles when none.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },

    /// Print the headlines, best match first with --filter (the reader's filter).
    List {
        /// Keep only headlines matching this fuzzy query (smart case), best first.
        #[arg(long, short = 'f', value_name = "QUERY")]
        filter: Option<String>,

        /// Print at most N headlines.
        #[arg(long, short = 'n', value_name = "N")]
        limit: Option<usize>,

        /// Print JSON Lines: index, score, title, source, published and path.
        #[arg(long)]
        json: bool,

        /// Report on stderr how long loading, indexing, filtering and ranking took.
        #[arg(long)]
        timings: bool,

        /// Article files, .jsonl libraries or folders; the bundled articles when none.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
}
