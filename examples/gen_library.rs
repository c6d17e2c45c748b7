//! Writes a library database of fetched articles for measuring how fast the
//! reader opens one (see `open_library` and README "Feeds and the web").
//!
//!     cargo run --release --example gen_library -- --articles 100000 --out /tmp/lib100k.db
//!
//! Each article is a generated raw page (`tests/support/corpus.rs`, about
//! 3 KB) parsed by newsreader's parser, as a full-text fetch stores it, spread
//! over 50 subscriptions with one publication time each. `--seed S` (default
//! 42). Same arguments, same articles. An existing file is refused.

#[path = "../tests/support/corpus.rs"]
mod corpus;

use std::path::PathBuf;
use std::process::ExitCode;

use corpus::Rng;
use newsreader::store::library_db::LibraryDb;

const FEEDS: usize = 50;
const USAGE: &str = "usage: gen_library --articles N --out FILE.db [--seed S]";

fn run() -> Result<(), String> {
    let mut articles = 0usize;
    let mut seed = 42u64;
    let mut out: Option<PathBuf> = None;
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--articles" => articles = value()?.parse().map_err(|e| format!("--articles: {e}"))?,
            "--seed" => seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--out" => out = Some(PathBuf::from(value()?)),
            _ => return Err(USAGE.to_string()),
        }
    }
    let out = out.ok_or(USAGE)?;
    if out.exists() {
        return Err(format!("{} exists; remove it first", out.display()));
    }
    let (mut db, _) = LibraryDb::open(&out).map_err(|e| e.to_string())?;
    for feed in 0..FEEDS {
        db.add_subscription(
            &format!("http://127.0.0.1:8765/feed-{feed}.xml"),
            None,
            None,
        )
        .map_err(|e| e.to_string())?;
    }
    let ids: Vec<i64> = db
        .subscriptions()
        .map_err(|e| e.to_string())?
        .iter()
        .map(|s| s.id)
        .collect();
    let mut rng = Rng::new(seed);
    let start = 1_700_000_000i64;
    let mut bytes = 0;
    // One transaction per feed's share, in chunks so memory stays small.
    for chunk_start in (0..articles).step_by(5_000) {
        let end = (chunk_start + 5_000).min(articles);
        let mut per_feed: Vec<Vec<(String, i64, newsreader::article::Article)>> =
            vec![Vec::new(); ids.len()];
        for i in chunk_start..end {
            let mut article = newsreader::article::parse::parse(&corpus::article_text(&mut rng));
            article.path = format!("http://127.0.0.1:8765/story/{i}");
            article.url = Some(article.path.clone());
            bytes += article.body.iter().map(String::len).sum::<usize>();
            // Minutes apart, in no feed order.
            let time = start + (i as i64) * 60 + (rng.range(0, 59) as i64);
            per_feed[i % ids.len()].push((format!("guid-{i}"), time, article));
        }
        for (feed, items) in ids.iter().zip(per_feed) {
            db.insert_articles(*feed, items)
                .map_err(|e| e.to_string())?;
        }
    }
    eprintln!(
        "wrote {articles} articles ({} MB of body text) to {}",
        bytes / 1_000_000,
        out.display()
    );
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("gen_library: {message}");
            ExitCode::FAILURE
        }
    }
}
