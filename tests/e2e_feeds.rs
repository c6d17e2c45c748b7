//! The reader fetching in the background, in a pseudo-terminal: progress and
//! the summary in the status line, new articles in the list, typing going on
//! meanwhile. The feeds come from a server the test starts on 127.0.0.1.

mod common;
#[path = "common/web.rs"]
mod web;

use std::ffi::OsStr;
use std::time::Duration;

use common::Session;
use newsreader::store::library_db::LibraryDb;

const F5: &str = "\x1b[15~";

/// A library subscribed to the fixture gazette, never fetched.
fn library(dir: &std::path::Path, feed_url: &str) -> std::path::PathBuf {
    let path = dir.join("library.db");
    let (mut db, _) = LibraryDb::open(&path).unwrap();
    db.add_subscription(feed_url, None, None).unwrap();
    path
}

fn start(library: &std::path::Path, interval: &str) -> Session {
    let env: Vec<(&str, &OsStr)> = vec![
        ("NEWSREADER_LIBRARY", library.as_os_str()),
        ("NEWSREADER_FETCH_INTERVAL", OsStr::new(interval)),
        // No proxy from the outside for 127.0.0.1 (an empty value is no proxy).
        ("ALL_PROXY", OsStr::new("")),
        ("HTTPS_PROXY", OsStr::new("")),
        ("HTTP_PROXY", OsStr::new("")),
        ("all_proxy", OsStr::new("")),
        ("https_proxy", OsStr::new("")),
        ("http_proxy", OsStr::new("")),
    ];
    Session::start_with(&[], &env, 120, 30)
}

#[test]
fn f5_fetches_in_the_background_and_new_articles_join_the_list() {
    let server = web::fixture_server();
    let dir = tempfile::tempdir().unwrap();
    let library = library(dir.path(), &server.url("/rss-three-items.xml"));
    let mut session = start(&library, "0");
    // Never fetched, automatic fetching off: the bundled articles and the hint.
    session.wait_text("The library is empty");
    assert!(!session.screen().contains("Night ferry"));
    session.send(F5);
    let screen = session.wait_within("the fetch summary", Duration::from_secs(20), |s| {
        s.contains("fetched 1 feed · 3 new")
    });
    assert!(
        screen.contains("Night ferry returns after winter repairs"),
        "{screen}"
    );
    assert!(
        screen.contains("Fish market moves to the old rope works"),
        "{screen}"
    );
    assert!(!screen.contains("The library is empty"), "{screen}");
    // Typing filters the new articles like any other (an exact term).
    session.send("'rope");
    let screen = session.wait_text("1 of 7 matches");
    assert!(screen.contains("Fish market moves"), "{screen}");
    assert!(!screen.contains("Night ferry"), "{screen}");
    session.quit_and_check_restored();
    // What was fetched is in the library for the next start.
    let (db, _) = LibraryDb::open(&library).unwrap();
    assert_eq!(db.article_count().unwrap(), 3);
}

#[test]
fn a_stale_library_is_fetched_as_the_reader_starts_while_typing_goes_on() {
    let server = web::fixture_server();
    let dir = tempfile::tempdir().unwrap();
    let library = library(dir.path(), &server.url("/rss-three-items.xml"));
    let mut session = start(&library, "30");
    session.send("market");
    let screen = session.wait_within("the fetch at start", Duration::from_secs(20), |s| {
        s.contains("fetched 1 feed · 3 new")
    });
    assert!(
        screen.contains("market"),
        "the typed filter stays: {screen}"
    );
    session.wait_text("Fish market moves to the old rope works");
    session.quit_and_check_restored();
}
