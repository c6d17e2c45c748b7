//! Entry point: parse the command line and dispatch.

use std::io;
use std::process::ExitCode;

use clap::Parser;
use newsreader::cli::{Cli, Command};
use newsreader::{commands, tui};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Parse { json, paths }) => {
            commands::parse(&paths, json, &mut io::stdout().lock(), &mut io::stderr())
        }
        None => tui::run(&cli.paths),
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
