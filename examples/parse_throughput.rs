//! Parse throughput on real saved pages, one thread: every `.txt` file in a
//! folder (or one file) decoded and parsed five times.
//!
//!     cargo run --release --example parse_throughput -- DIR_OR_FILE
//!
//! `cargo bench --bench parse` measures the generated corpus the floor is set
//! on; this says how the same code does on the pages you have.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use newsreader::article::{self, decode};

/// The binary parses with mimalloc (see `src/main.rs`); measure what it runs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let Some(arg) = std::env::args_os().nth(1) else {
        eprintln!("usage: parse_throughput DIR_OR_FILE");
        return ExitCode::FAILURE;
    };
    let path = PathBuf::from(arg);
    let paths: Vec<PathBuf> = if path.is_dir() {
        match std::fs::read_dir(&path) {
            Ok(entries) => entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect(),
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                return ExitCode::FAILURE;
            }
        }
    } else {
        vec![path]
    };
    let texts: Vec<Vec<u8>> = paths.iter().filter_map(|p| read(p)).collect();
    if texts.is_empty() {
        eprintln!("no .txt pages to parse");
        return ExitCode::FAILURE;
    }
    let total: usize = texts.iter().map(Vec::len).sum();
    let rounds = 5;
    let start = Instant::now();
    for _ in 0..rounds {
        for text in &texts {
            std::hint::black_box(article::parse(&decode::decode_text(text)));
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} pages, {:.1} MiB/s, {:.3} ms per page",
        texts.len(),
        (rounds * total) as f64 / secs / (1024.0 * 1024.0),
        secs * 1e3 / (rounds * texts.len()) as f64
    );
    ExitCode::SUCCESS
}

/// A page's bytes, or a note on stderr when it cannot be read.
fn read(path: &Path) -> Option<Vec<u8>> {
    match std::fs::read(path) {
        Ok(bytes) => Some(bytes),
        Err(e) => {
            eprintln!("{}: {e}", path.display());
            None
        }
    }
}
