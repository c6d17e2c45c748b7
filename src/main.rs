//! Entry point: parse the command line and dispatch.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use clap::Parser;
use newsreader::article::Article;
use newsreader::cli::{Cli, Command};
use newsreader::library;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Parse { json, paths }) => parse_command(&paths, json),
        None => list_titles(&cli.paths),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`newsreader parse --json | head`) is not an error.
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("newsreader: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.downcast_ref::<io::Error>()
        .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
}

/// `newsreader parse`: every article that loads is printed; each one that does not
/// gets a one-line message on stderr, and the exit status stays 0.
fn parse_command(paths: &[std::path::PathBuf], json: bool) -> anyhow::Result<()> {
    let (articles, problems) = library::load_paths(paths);
    for problem in &problems {
        eprintln!("newsreader: {problem}");
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for article in &articles {
        if json {
            serde_json::to_writer(&mut out, article)?;
            writeln!(out)?;
        } else {
            write_plain(&mut out, article)?;
        }
    }
    out.flush()?;
    Ok(())
}

/// A readable plain-text rendering, for pipes and quick looks.
fn write_plain(out: &mut impl Write, article: &Article) -> io::Result<()> {
    writeln!(out, "# {}", article.title)?;
    let meta: Vec<&str> = [&article.source, &article.byline, &article.published]
        .into_iter()
        .filter_map(|field| field.as_deref())
        .collect();
    if !meta.is_empty() {
        writeln!(out, "{}", meta.join(" · "))?;
    }
    if let Some(dek) = &article.dek {
        writeln!(out, "\n{dek}")?;
    }
    for point in &article.key_points {
        writeln!(out, "  • {point}")?;
    }
    for paragraph in &article.body {
        writeln!(out, "\n{paragraph}")?;
    }
    writeln!(out)?;
    Ok(())
}

/// Placeholder until the reader lands: print the headlines.
fn list_titles(paths: &[std::path::PathBuf]) -> anyhow::Result<()> {
    let (articles, problems) = library::load_paths(paths);
    for problem in &problems {
        eprintln!("newsreader: {problem}");
    }
    for article in &articles {
        println!("{}", article.title);
    }
    Ok(())
}
