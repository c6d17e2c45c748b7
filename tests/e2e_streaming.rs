//! The reader while a large library streams in: the first frame comes at once,
//! the status line shows progress, and typing is echoed and filters before
//! loading has finished. The libraries are generated here, in temporary
//! folders: a `.jsonl` of short articles and a folder of raw article files.
//!
//! The expected match counts are known by construction, not computed by the
//! filter under test: every tenth headline carries the marker word
//! "Zyzzyva", and no other headline has a letter z, so the query `zyzz`
//! matches exactly the marked ones.

#[path = "support/corpus.rs"]
mod corpus;

mod common;

use std::fs::File;
use std::io::{BufWriter, Write};
use std::time::Instant;

use common::Session;

/// Enough that loading a debug build takes seconds, so typing lands while it
/// is still going on, even on a busy two-core machine.
const ARTICLES: usize = 60_000;

/// The query, and the headline for article `i`: marked (and matching) when
/// `i % 10 == 3`, else a generated headline with its z's respelled.
const QUERY: &str = "zyzz";

fn headline(i: usize, generated: &str) -> String {
    if i % 10 == 3 {
        format!("Zyzzyva sighting number {i} reported near the harbour")
    } else {
        generated.replace(['z', 'Z'], "s")
    }
}

/// How many of `n` headlines are marked.
fn marked(n: usize) -> usize {
    (0..n).filter(|i| i % 10 == 3).count()
}

/// Writes the library of [`ARTICLES`] short articles.
fn write_library(path: &std::path::Path) {
    let mut articles = corpus::short_articles(ARTICLES, 7);
    let mut out = BufWriter::new(File::create(path).expect("create library"));
    for (i, article) in articles.iter_mut().enumerate() {
        article.title = headline(i, &article.title);
        serde_json::to_writer(&mut out, &article).expect("write article");
        out.write_all(b"\n").expect("write newline");
    }
    out.flush().expect("flush library");
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
    write_library(&library);
    let expected = marked(ARTICLES);
    assert_eq!(expected, ARTICLES / 10);

    let started = Instant::now();
    let mut session = Session::start(&[&library], 120, 40);
    // Progress appears (with thousands separators) while articles stream in.
    let screen = session.wait_for("loading progress", |s| progress(s).is_some());
    let shown = progress(&screen).unwrap_or_default().to_owned();
    assert!(
        shown.contains(",") || shown.contains("loading 0 of"),
        "thousands separators: {shown:?}"
    );
    session.send(QUERY);
    // The keys are echoed while the library is still loading.
    let screen = session.wait_text(&format!("> {QUERY}"));
    assert!(
        progress(&screen).is_some(),
        "typing was echoed only after loading finished ({:?} after start):\n{screen}",
        started.elapsed()
    );
    // Loading finishes, the progress goes, and the filter covers the whole
    // library (the worker re-runs the query as headlines arrive).
    session.wait_within("everything loaded and filtered", LOAD_DEADLINE, |s| {
        progress(s).is_none()
            && s.contains(&format!("> {QUERY}"))
            && s.contains(&format!(
                "{} matches",
                newsreader::app::count::of(expected, ARTICLES)
            ))
    });
    session.quit_and_check_restored();
}

/// Writes `n` short raw article files (site furniture, headline, byline, two
/// paragraphs) in folders of 1,000, as `shared/bench/gen_articles.py` lays
/// them out.
fn write_folder(root: &std::path::Path, n: usize) {
    let titles = corpus::headlines(n, 11);
    for (i, title) in titles.iter().enumerate() {
        let title = headline(i, title);
        let path = root.join(corpus::shard_path(i));
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
}

/// A folder of article files, parsed while the reader is up. The final count
/// also checks that the parser found every marked headline under the
/// furniture.
#[test]
fn typing_filters_while_a_folder_of_files_is_still_loading() {
    const FILES: usize = 30_000;
    let dir = tempfile::tempdir().expect("tempdir");
    write_folder(dir.path(), FILES);
    let expected = marked(FILES);
    // Files with the same headline have the same content (the bodies are
    // all alike): the reader lists each content once.
    let generated = corpus::headlines(FILES, 11);
    let distinct = (0..FILES)
        .map(|i| headline(i, &generated[i]))
        .collect::<std::collections::HashSet<_>>()
        .len();

    let mut session = Session::start(&[dir.path()], 120, 40);
    session.wait_for("loading progress", |s| progress(s).is_some());
    session.send(QUERY);
    let screen = session.wait_text(&format!("> {QUERY}"));
    assert!(
        progress(&screen).is_some(),
        "typing was echoed only after loading finished:\n{screen}"
    );
    session.wait_within("everything loaded and filtered", LOAD_DEADLINE, |s| {
        progress(s).is_none()
            && s.contains(&format!("> {QUERY}"))
            && s.contains(&format!(
                "{} matches",
                newsreader::app::count::of(expected, distinct)
            ))
    });
    session.quit_and_check_restored();
}

/// How long loading may take in a debug build on a busy machine: a bound
/// against hanging, not a speed target (speed is measured in benches/).
const LOAD_DEADLINE: std::time::Duration = std::time::Duration::from_secs(240);
