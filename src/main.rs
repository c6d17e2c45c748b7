//! Entry point: parse the command line and dispatch.

use std::io;
use std::process::ExitCode;

use clap::Parser;
use newsreader::cli::{Cli, Command};
use newsreader::{commands, library};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Parse { json, paths }) => {
            commands::parse(&paths, json, &mut io::stdout().lock(), &mut io::stderr())
        }
        Some(Command::List {
            filter,
            limit,
            json,
            timings,
            paths,
        }) => commands::list(
            &paths,
            filter.as_deref(),
            limit,
            json,
            timings,
            &mut io::stdout().lock(),
            &mut io::stderr(),
        ),
        None => list_titles(&cli.paths),
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

/// Placeholder until the reader lands: print the headlines.
fn list_titles(paths: &[std::path::PathBuf]) -> io::Result<()> {
    let (articles, problems) = library::load_paths(paths);
    for problem in &problems {
        eprintln!("newsreader: {problem}");
    }
    for article in &articles {
        println!("{}", article.title);
    }
    Ok(())
}
