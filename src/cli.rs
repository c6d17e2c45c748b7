//! The command line, defined once with clap: help, version, shell completions
//! (`newsreader completions SHELL`) and the man page (`newsreader man`) all come
//! from this definition.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::config::ColorMode;

/// Files and environment, shown by `--help` and in the man page.
const AFTER_HELP: &str = "\
Files:
  ~/.config/newsreader/config.toml   settings ($XDG_CONFIG_HOME; --config)
  ~/.local/share/newsreader/library.db   subscriptions, fetched articles, read and starred
                                         marks ($XDG_DATA_HOME; --library or NEWSREADER_LIBRARY)
  ~/.local/share/newsreader/state.json   marks of earlier releases: imported once, then
                                         renamed state.json.imported

Environment:
  BROWSER    browser commands for Ctrl-O and the link digits (':'-separated; %s is the URL)
  NO_COLOR   when set and not empty, no colours (unless --color always)
  TMUX       when set, the OSC 52 copy (Ctrl-Y) is sent plain and in tmux's passthrough form

Keys: F1 in the reader lists them; every action can be remapped in [keys].";

/// A fast terminal reader for news articles copied or scraped from the web.
///
/// The options below may come before or after a subcommand
/// (`newsreader --config X parse F` and `newsreader parse --config X F`).
///
/// With no PATH, opens the library of fetched articles (the bundled articles
/// while it is empty); a PATH that is an http(s) URL is fetched, added to the
/// library and shown. Settings are read
/// from ~/.config/newsreader/config.toml ($XDG_CONFIG_HOME); read and starred
/// marks are kept in the library, ~/.local/share/newsreader/library.db ($XDG_DATA_HOME).
#[derive(Debug, Parser)]
#[command(
    name = "newsreader",
    version,
    about,
    long_about,
    after_long_help = AFTER_HELP
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Article files (.txt), libraries (.jsonl, library.db) or folders of them,
    /// read recursively; or http(s) URLs of pages or feeds.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Read settings from this file instead of the default config.toml; a file
    /// that does not exist is an error.
    #[arg(long, value_name = "PATH", global = true)]
    pub config: Option<PathBuf>,

    /// Print the effective configuration (defaults plus the config file) as TOML
    /// and exit; problems in the file go to stderr.
    #[arg(long)]
    pub print_config: bool,

    /// When to use colours; `auto` means on a terminal, unless NO_COLOR is set.
    #[arg(
        long,
        value_enum,
        value_name = "WHEN",
        default_value_t = ColorMode::Auto,
        global = true
    )]
    pub color: ColorMode,

    /// Keep read and starred marks in this JSON file instead of the library.
    #[arg(long, value_name = "PATH", conflicts_with = "no_state", global = true)]
    pub state: Option<PathBuf>,

    /// Keep marks for this session only: never read or write them on disk.
    #[arg(long, global = true)]
    pub no_state: bool,

    /// Keep subscriptions and fetched articles in this file instead of the
    /// default library.db (also NEWSREADER_LIBRARY).
    #[arg(long, value_name = "PATH", global = true)]
    pub library: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse articles and print them (one JSON object per line with --json).
    Parse {
        /// Print JSON Lines: one object per article with every field of the model.
        #[arg(long)]
        json: bool,

        /// Show how the parser decided: every line's kind and the rule that
        /// decided it, then the headline candidates with each feature's
        /// contribution (with --json: one object per file, every feature).
        #[arg(long, requires = "paths")]
        explain: bool,

        /// Article files or folders; the bundled articles when none.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Print a shell completion script (e.g. `newsreader completions bash > ~/.local/share/bash-completion/completions/newsreader`).
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff) to stdout (e.g. `newsreader man > newsreader.1`).
    Man,

    /// Print the headlines, best match first with --filter (the reader's filter).
    List {
        /// Keep only headlines matching this query, best first: fuzzy terms (smart
        /// case), all must match; `a | b` either, 'exact, ^prefix, suffix$, !exclude,
        /// @source (see the README's "Search syntax").
        #[arg(long, short = 'f', value_name = "QUERY")]
        filter: Option<String>,

        /// Let the filter's terms match article bodies too (full-text mode).
        #[arg(long)]
        full_text: bool,

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

    /// Subscribe to feeds (RSS, Atom, JSON Feed), or to the feed a page advertises.
    Add {
        #[arg(value_name = "URL", required = true)]
        urls: Vec<String>,
    },
    /// Unsubscribe, deleting the feed's articles from the library.
    Remove {
        #[arg(value_name = "URL", required = true)]
        urls: Vec<String>,
    },
    /// List subscriptions: title, URL, articles, last fetch and its result.
    Feeds,
    /// Fetch every subscription and the full article of each new item; one line
    /// per feed on stderr; exit status 1 if any feed failed (the rest are saved).
    Fetch,
    /// Subscribe to every feed of an OPML file (titles and folders kept).
    Import {
        #[arg(value_name = "FILE.opml")]
        file: PathBuf,
    },
    /// Print the subscriptions as OPML 2.0.
    Export,
}
