//! Writes a generated corpus for benchmarks and trials (see `tests/support/corpus.rs`).
//!
//!     cargo run --release --example gen_corpus -- --articles 100000 --out /tmp/corpus
//!     cargo run --release --example gen_corpus -- --articles 1000000 --jsonl /tmp/lib.jsonl
//!     cargo run --release --example gen_corpus -- --articles 100000 --titles /tmp/titles.txt
//!     cargo run --release --example gen_corpus -- --articles 10000 --html /tmp/pages
//!
//! `--out DIR`: raw article pages (about 3 KB each), 1000 per folder
//! (`DIR/0042/0042137.txt`). `--jsonl FILE`: short parsed articles (about 500
//! bytes each) as JSON Lines, a library `newsreader FILE` opens without parsing.
//! `--titles FILE`: the JSONL library's headlines, one per line (for `fzf`).
//! `--html DIR`: saved web pages of 50–300 KB, mostly markup (the pages
//! `benches/html.rs` parses), 1000 per folder (`DIR/0042/0042137.html`).
//! `--seed S` (default 42). Same arguments, same bytes.

#[path = "../tests/support/corpus.rs"]
mod corpus;
#[path = "../tests/support/html_pages.rs"]
mod html_pages;

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use corpus::Rng;

struct Args {
    articles: usize,
    seed: u64,
    out: Option<PathBuf>,
    jsonl: Option<PathBuf>,
    titles: Option<PathBuf>,
    html: Option<PathBuf>,
}

const USAGE: &str = "usage: gen_corpus --articles N [--seed S] [--out DIR] [--jsonl FILE] [--titles FILE] [--html DIR]";

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        articles: 0,
        seed: 42,
        out: None,
        jsonl: None,
        titles: None,
        html: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--articles" => {
                args.articles = value()?.parse().map_err(|e| format!("--articles: {e}"))?
            }
            "--seed" => args.seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--out" => args.out = Some(PathBuf::from(value()?)),
            "--jsonl" => args.jsonl = Some(PathBuf::from(value()?)),
            "--titles" => args.titles = Some(PathBuf::from(value()?)),
            "--html" => args.html = Some(PathBuf::from(value()?)),
            "-h" | "--help" => return Err(USAGE.to_string()),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    if args.out.is_none() && args.jsonl.is_none() && args.titles.is_none() && args.html.is_none() {
        return Err(format!("nothing to write\n{USAGE}"));
    }
    Ok(args)
}

fn run(args: &Args) -> std::io::Result<()> {
    if let Some(dir) = &args.out {
        let mut rng = Rng::new(args.seed);
        let mut bytes = 0;
        for i in 0..args.articles {
            let path = dir.join(corpus::shard_path(i));
            if i % 1000 == 0
                && let Some(parent) = path.parent()
            {
                fs::create_dir_all(parent)?;
            }
            let text = corpus::article_text(&mut rng);
            bytes += text.len();
            fs::write(path, text)?;
        }
        eprintln!(
            "wrote {} articles, {} bytes, to {}",
            args.articles,
            bytes,
            dir.display()
        );
    }
    if let Some(dir) = &args.html {
        let mut rng = html_pages::Rng(args.seed.max(1));
        let mut bytes = 0;
        for i in 0..args.articles {
            let path = dir.join(corpus::shard_path(i)).with_extension("html");
            if i % 1000 == 0
                && let Some(parent) = path.parent()
            {
                fs::create_dir_all(parent)?;
            }
            let size = html_pages::page_size(&mut rng);
            let page = html_pages::page(&mut rng, size);
            bytes += page.len();
            fs::write(path, page)?;
        }
        eprintln!(
            "wrote {} pages, {} bytes, to {}",
            args.articles,
            bytes,
            dir.display()
        );
    }
    if args.jsonl.is_some() || args.titles.is_some() {
        let mut rng = Rng::new(args.seed);
        let open = |path: &Option<PathBuf>| -> std::io::Result<Option<BufWriter<File>>> {
            path.as_ref()
                .map(|p| File::create(p).map(|f| BufWriter::with_capacity(1 << 20, f)))
                .transpose()
        };
        let mut jsonl = open(&args.jsonl)?;
        let mut titles = open(&args.titles)?;
        for i in 0..args.articles {
            let article = corpus::short_article(&mut rng, i);
            if let Some(out) = jsonl.as_mut() {
                serde_json::to_writer(&mut *out, &article)?;
                out.write_all(b"\n")?;
            }
            if let Some(out) = titles.as_mut() {
                writeln!(out, "{}", article.title)?;
            }
        }
        for out in [jsonl.as_mut(), titles.as_mut()].into_iter().flatten() {
            out.flush()?;
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::FAILURE;
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("gen_corpus: {err}");
            ExitCode::FAILURE
        }
    }
}
