//! Entry point: parse the command line and dispatch.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use newsreader::cli::{Cli, Command};
use newsreader::{commands, library, sanitize, tui};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Parse { json, paths }) => {
            commands::parse(&paths, json, &mut io::stdout().lock(), &mut io::stderr())
        }
        None if io::stdout().is_terminal() => tui::run(&cli.paths),
        // Not a terminal (`newsreader > list.txt`, `newsreader | grep`): the headlines.
        None => headlines(&cli.paths, &mut io::stdout().lock()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`newsreader parse --json | head`) is not an error.
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("newsreader: {err}");
            ExitCode::FAILURE
        }
    }
}

/// One headline per line, for pipes and files.
fn headlines(paths: &[PathBuf], out: &mut impl Write) -> io::Result<()> {
    let (articles, problems) = library::load_paths(paths);
    for problem in &problems {
        eprintln!("newsreader: {problem}");
    }
    for article in &articles {
        writeln!(out, "{}", sanitize::clean_line(&article.title))?;
    }
    out.flush()
}
