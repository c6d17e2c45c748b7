//! The reader while a large library streams in: the first frame comes at once,
//! the status line shows progress, and typing is echoed and filters before
//! loading has finished. The library is a `.jsonl` of 100,000 short articles
//! generated here (about 50 MB, in a temporary folder).

mod common;

use std::fs::File;
use std::io::{BufWriter, Write};
use std::time::Instant;

use common::Session;

const ARTICLES: usize = 100_000;

/// Writes the library; returns how many of its headlines match `query`.
fn write_library(path: &std::path::Path, query: &str) -> usize {
    let articles = newsreader::corpus::short_articles(ARTICLES, 7);
    let mut out = BufWriter::new(File::create(path).expect("create library"));
    for article in &articles {
        serde_json::to_writer(&mut out, &article).expect("write article");
        out.write_all(b"\n").expect("write newline");
    }
    out.flush().expect("flush library");
    newsreader::filter::rank(query, articles.iter().map(|a| a.title.as_str())).len()
}

/// The status line's progress, "loading 41,203 / 100,000", if shown.
fn progress(screen: &str) -> Option<&str> {
    screen.lines().find_map(|line| {
        let at = line.find("loading ")?;
        let rest = &line[at..];
        let digit = rest["loading ".len()..].starts_with(|c: char| c.is_ascii_digit());
        (digit && rest.contains(" of ")).then_some(rest.trim_end())
    })
}

#[test]
fn typing_filters_while_a_large_library_is_still_loading() {
    let dir = tempfile::tempdir().expect("tempdir");
    let library = dir.path().join("library.jsonl");
    let expected = write_library(&library, "nat");

    let started = Instant::now();
    let mut session = Session::start(&[&library], 120, 40);
    // Progress appears (with thousands separators) while articles stream in.
    let screen = session.wait_for("loading progress", |s| progress(s).is_some());
    let shown = progress(&screen).unwrap_or_default().to_owned();
    assert!(
        shown.contains(",") || shown.contains("loading 0 of"),
        "thousands separators: {shown:?}"
    );
    session.send("nat");
    // The keys are echoed while the library is still loading.
    let screen = session.wait_text("> nat");
    assert!(
        progress(&screen).is_some(),
        "typing was echoed only after loading finished ({:?} after start):\n{screen}",
        started.elapsed()
    );
    // Loading finishes, the progress goes, and the filter covers the whole
    // library (the worker re-runs the query as headlines arrive).
    assert!(expected < ARTICLES);
    session.wait_for("everything loaded and filtered", |s| {
        progress(s).is_none()
            && s.contains("> nat")
            && s.contains(&format!(
                "{} matches",
                newsreader::app::count::of(expected, ARTICLES)
            ))
    });
    session.quit_and_check_restored();
}

/// Writes `n` short raw article files (site furniture, headline, byline, two
/// paragraphs) in folders of 1,000, as `shared/bench/gen_articles.py` lays
/// them out; returns how many of the headlines match `query`.
fn write_folder(root: &std::path::Path, n: usize, query: &str) -> usize {
    let titles = newsreader::corpus::headlines(n, 11);
    for (i, title) in titles.iter().enumerate() {
        let path = root.join(newsreader::corpus::shard_path(i));
        if i % 1000 == 0 {
            let folder = path.parent().expect("a shard folder");
            std::fs::create_dir_all(folder).expect("create shard folder");
        }
        let text = format!(
            "Skip to content\nMenu\n\n{title}\n\nBy Anna Smith\n\n\
             Officials said on Thursday that talks would continue next week, \
             according to a statement from the ministry.\n\n\
             Analysts expected the meeting to focus on aid and the border region.\n\n\
             Share this article\n"
        );
        std::fs::write(&path, &text).expect("write article");
    }
    newsreader::filter::rank(query, titles.iter().map(String::as_str)).len()
}

/// The issue's own case: a folder of 100,000 article files, parsed while the
/// reader is up. The final count also checks that the parser found every
/// headline under the furniture.
#[test]
fn typing_filters_while_a_folder_of_files_is_still_loading() {
    const FILES: usize = 100_000;
    let dir = tempfile::tempdir().expect("tempdir");
    let expected = write_folder(dir.path(), FILES, "nat");
    assert!(0 < expected && expected < FILES);

    let mut session = Session::start(&[dir.path()], 120, 40);
    session.wait_for("loading progress", |s| progress(s).is_some());
    session.send("nat");
    let screen = session.wait_text("> nat");
    assert!(
        progress(&screen).is_some(),
        "typing was echoed only after loading finished:\n{screen}"
    );
    // A debug build (plain `cargo test`) parses 100k files in tens of seconds.
    session.wait_within("everything loaded and filtered", LOAD_DEADLINE, |s| {
        progress(s).is_none()
            && s.contains("> nat")
            && s.contains(&format!(
                "{} matches",
                newsreader::app::count::of(expected, FILES)
            ))
    });
    session.quit_and_check_restored();
}

/// How long loading 100k files may take in the slowest build tested.
const LOAD_DEADLINE: std::time::Duration = std::time::Duration::from_secs(240);
