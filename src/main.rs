//! Entry point: parse the command line and dispatch.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use newsreader::article::sanitize;
use newsreader::cli::{Cli, Command};
use newsreader::term::settings::Settings;
use newsreader::{commands, library, term};

/// `eprintln!` that cannot panic: with the terminal closed under the app (or
/// stderr a closed pipe) a failed warning is dropped, and the exit (and the
/// final save before it) still happens.
macro_rules! warn {
    ($($arg:tt)*) => {{
        let _ = writeln!(io::stderr(), $($arg)*);
    }};
}

fn main() -> ExitCode {
    no_transparent_huge_pages();
    let cli = Cli::parse();
    let library = cli.library.clone();
    let config = cli.config.clone();
    // `list` reports no match (1) and a bad path (2) in its exit status.
    let mut status = 0;
    let result = match cli.command {
        Some(Command::Parse {
            json,
            explain: true,
            paths,
        }) => commands::explain::run(&paths, json, &mut io::stdout().lock(), &mut io::stderr()),
        Some(Command::Parse {
            json,
            explain: false,
            paths,
        }) => reading(&paths, library.as_deref(), config.as_deref()).and_then(|paths| {
            commands::parse(&paths, json, &mut io::stdout().lock(), &mut io::stderr())
        }),
        Some(Command::List {
            filter,
            full_text,
            limit,
            json,
            timings,
            paths,
        }) => reading(&paths, library.as_deref(), config.as_deref()).and_then(|paths| {
            commands::list(
                &paths,
                &commands::ListOptions {
                    query: filter.as_deref(),
                    mode: newsreader::filter::QueryOptions { full_text },
                    limit,
                    json,
                    timings,
                },
                &mut io::stdout().lock(),
                &mut io::stderr(),
            )
            .map(|listed| status = listed.exit_code())
        }),
        Some(Command::Completions { shell }) => {
            let mut out = io::stdout().lock();
            clap_complete::generate(shell, &mut Cli::command(), "newsreader", &mut out);
            out.flush()
        }
        Some(Command::Man) => {
            let mut out = io::stdout().lock();
            clap_mangen::Man::new(Cli::command())
                .render(&mut out)
                .and_then(|()| out.flush())
        }
        Some(feed_command) => {
            commands::feeds::run(feed_command, library.as_deref(), config.as_deref())
        }
        None if cli.print_config => print_config(&cli, &mut io::stdout().lock()),
        None if io::stdout().is_terminal() => {
            Settings::load(&cli).and_then(|mut settings| {
                // Also on stderr: visible after the reader closes, and in logs.
                for warning in &settings.warnings {
                    warn!("newsreader: {}", sanitize::clean_line(warning));
                }
                let (paths, hint) = commands::feeds::reading(
                    &cli.paths,
                    library.as_deref(),
                    config.as_deref(),
                    &mut io::stderr(),
                )?;
                settings.welcome = hint;
                // Only the library view takes in what a fetch brings.
                let minutes =
                    commands::feeds::fetch_interval_minutes(settings.config.feeds.fetch_interval);
                settings.fetch_on_start = cli.paths.is_empty()
                    && settings
                        .library
                        .as_deref()
                        .is_some_and(|l| commands::feeds::fetch_due(l, minutes));
                term::run(&paths, settings)
            })
        }
        // Not a terminal (`newsreader > list.txt`, `newsreader | grep`): the headlines.
        None => reading(&cli.paths, library.as_deref(), config.as_deref())
            .and_then(|paths| headlines(&paths, &mut io::stdout().lock())),
    };
    match result {
        Ok(()) => ExitCode::from(status),
        // A closed pipe (`newsreader parse --json | head`) is not an error.
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            warn!("newsreader: {err}");
            ExitCode::FAILURE
        }
    }
}

/// The paths to read (see [`commands::feeds::reading`]); the hint for an
/// empty library on stderr.
fn reading(
    paths: &[PathBuf],
    library: Option<&std::path::Path>,
    config: Option<&std::path::Path>,
) -> io::Result<Vec<PathBuf>> {
    let (paths, hint) = commands::feeds::reading(paths, library, config, &mut io::stderr())?;
    if let Some(hint) = hint {
        warn!("newsreader: {hint}");
    }
    Ok(paths)
}

/// `--print-config`: the effective configuration as TOML that loads back; the
/// file's problems on stderr.
fn print_config(cli: &Cli, out: &mut impl Write) -> io::Result<()> {
    let (mut config, keymap, warnings) =
        newsreader::term::settings::load_config(cli.config.as_deref())?;
    for warning in &warnings {
        warn!("newsreader: {warning}");
    }
    // The effective keys: every action with the keys in force, not only the
    // file's overrides.
    config.keys = keymap.bindings();
    out.write_all(config.to_toml_string().as_bytes())?;
    out.flush()
}

/// One headline per line, for pipes and files.
fn headlines(paths: &[PathBuf], out: &mut impl Write) -> io::Result<()> {
    let (articles, problems) = library::load_paths(paths);
    for problem in &problems {
        warn!("newsreader: {problem}");
    }
    for article in &articles {
        writeln!(out, "{}", sanitize::clean_line(&article.title))?;
    }
    out.flush()
}

/// Loading parses on every core, allocating many small strings per article;
/// mimalloc does that (and freeing them on another thread) faster than the
/// system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Transparent huge pages cost newsreader more than they give: mimalloc asks
/// for them on its regions and hands freed memory back in 64 KiB pieces, so
/// while loading allocates and frees the kernel zeroes the same 2 MB pages
/// over and over (opening a library of 100,000 fetched articles spent 1.2–2.2 s
/// of system time in `clear_page`, 0.5 s without). This is what
/// `MIMALLOC_ALLOW_THP=0` does, set here so no user has to.
#[cfg(target_os = "linux")]
fn no_transparent_huge_pages() {
    // SAFETY: prctl with integer arguments only; it touches no memory of ours,
    // and failing (an old kernel) changes nothing.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

#[cfg(not(target_os = "linux"))]
fn no_transparent_huge_pages() {}
