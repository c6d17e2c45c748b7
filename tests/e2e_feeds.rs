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
    // The fetched story in the list is what the fetch at start leaves; its
    // status line ("fetched 1 feed · 3 new", checked by the F5 tests) goes
    // after a few seconds, so a starved test could miss it.
    let screen = session.wait_within("the fetch at start", Duration::from_secs(20), |s| {
        s.contains("Fish market moves to the old rope works")
    });
    assert!(
        screen.contains("> market"),
        "the typed filter stays: {screen}"
    );
    session.quit_and_check_restored();
}

/// A feed whose second item is edited after the first fetch (same GUID, new
/// headline), from a server on 127.0.0.1.
fn edited_feed() -> web::Server {
    let served = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    web::Server::start(move |req| {
        if req.path != "/edited.xml" {
            return web::Reply::status(404);
        }
        let round = served.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let wall = if round == 0 {
            "Harbour wall repainted"
        } else {
            "Harbour wall repainted in sea blue"
        };
        let items = [
            ("g1", "Night ferry returns", 3),
            ("g2", wall, 2),
            ("g3", "Fish market moves", 1),
        ]
        .iter()
        .map(|(guid, title, day)| {
            format!(
                "<item><guid>{guid}</guid><title>{title}</title>\
                 <description>{title}, the harbour office says.</description>\
                 <pubDate>Mon, 0{day} Jan 2024 10:00:00 GMT</pubDate></item>"
            )
        })
        .collect::<String>();
        web::Reply::ok(
            "application/rss+xml",
            format!(
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbour</title>\
                 <link>http://127.0.0.1/</link><description>d</description>{items}</channel></rss>"
            ),
        )
    })
}

/// The list's row (the left pane) that shows `text`.
fn line_with(screen: &str, text: &str) -> String {
    screen
        .lines()
        .map(|l| l.split("││").next().unwrap_or_default())
        .find(|l| l.contains(text))
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn an_edited_item_shows_its_new_text_live_without_moving_the_selection() {
    let server = edited_feed();
    let dir = tempfile::tempdir().unwrap();
    let library = library(dir.path(), &server.url("/edited.xml"));
    let mut session = start(&library, "0");
    session.wait_text("The library is empty");
    session.send(F5);
    session.wait_within("the first fetch", Duration::from_secs(20), |s| {
        s.contains("fetched 1 feed · 3 new")
    });
    // Down to the item that is going to change, a row at a time.
    let selected = |s: &str| line_with(s, "▌");
    session.send("\u{1b}[H"); // Home: the first row
    let mut screen = session.wait_for("the first row", |s| selected(s).contains("Blinken"));
    for _ in 0..10 {
        if line_with(&screen, "Harbour wall repainted").contains('▌') {
            break;
        }
        let before = selected(&screen);
        session.send("\u{1b}[B");
        screen = session.wait_for("the selection to move", |s| selected(s) != before);
    }
    assert!(
        line_with(&screen, "Harbour wall repainted").contains('▌'),
        "{screen}"
    );
    session.send(F5);
    let screen = session.wait_within("the edited item", Duration::from_secs(20), |s| {
        s.contains("Harbour wall repainted in sea blue") && s.contains("fetched 1 feed · 0 new")
    });
    let row = line_with(&screen, "Harbour wall repainted in sea blue");
    assert!(row.contains('▌'), "the selection stayed on it: {screen}");
    let rows: Vec<&str> = screen
        .lines()
        .filter(|l| l.contains("Harbour wall repainted"))
        .collect();
    assert!(
        rows.iter().all(|l| l.contains("in sea blue")),
        "the old headline is gone: {screen}"
    );
    session.quit_and_check_restored();
    let (db, _) = LibraryDb::open(&library).unwrap();
    assert_eq!(db.article_count().unwrap(), 3, "updated in place");
}
