//! The read and starred marks in the library database, against the real
//! binary: a reader marking articles while `newsreader fetch` writes the same
//! library loses neither; the old state.json is imported once, said on
//! stderr, and kept as a backup; kill -9 during a save of marks leaves the
//! library whole, with one save's marks or the next's. Feeds come from a
//! server the test starts on 127.0.0.1.

#![cfg(unix)]

mod common;
#[path = "common/web.rs"]
mod web;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use common::Session;
use newsreader::store::library_db::LibraryDb;
use newsreader::store::marks::{ArticleKey, MarkStore};

const CTRL_S: &str = "\u{13}";
const DOWN: &str = "\u{1b}[B";
const ITEMS: usize = 20;

/// An RSS feed of [`ITEMS`] items, new ones (new GUIDs) on every request, so
/// each fetch writes the library. No links: no full text to fetch.
fn growing_feed() -> web::Server {
    let served = Arc::new(AtomicUsize::new(0));
    web::Server::start(move |req| {
        if req.path != "/feed.xml" {
            return web::Reply::status(404);
        }
        let round = served.fetch_add(1, Ordering::SeqCst);
        let items: String = (0..ITEMS)
            .map(|i| {
                let day = 1 + (round * ITEMS + i) % 28;
                format!(
                    "<item><guid>r{round}-i{i}</guid><title>Harbour note {round}.{i}</title>\
                     <description>Round {round}, note {i}: the tide table changed.</description>\
                     <pubDate>Mon, {day:02} Jan 2024 10:{i:02}:00 GMT</pubDate></item>"
                )
            })
            .collect();
        web::Reply::ok(
            "application/rss+xml",
            format!(
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbour</title>\
                 <link>http://127.0.0.1/</link><description>d</description>{items}</channel></rss>"
            ),
        )
    })
}

fn no_proxy(command: &mut Command) {
    for var in [
        "ALL_PROXY",
        "HTTPS_PROXY",
        "HTTP_PROXY",
        "all_proxy",
        "https_proxy",
        "http_proxy",
    ] {
        command.env_remove(var);
    }
}

fn fetch(library: &Path, home: &Path) {
    let mut command = common::command_in(home);
    command
        .arg("fetch")
        .env("NEWSREADER_LIBRARY", library)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    no_proxy(&mut command);
    let output = command.output().expect("run fetch");
    assert!(
        output.status.success(),
        "fetch failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn stars(screen: &str) -> usize {
    screen.matches('★').count()
}

#[test]
fn a_reader_marking_while_fetch_runs_loses_no_mark_and_no_article() {
    let server = growing_feed();
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.db");
    {
        let (mut db, _) = LibraryDb::open(&library).unwrap();
        db.add_subscription(&server.url("/feed.xml"), None, None)
            .unwrap();
    }
    fetch(&library, dir.path());

    let env: Vec<(&str, &OsStr)> = vec![
        ("NEWSREADER_LIBRARY", library.as_os_str()),
        ("NEWSREADER_FETCH_INTERVAL", OsStr::new("0")),
    ];
    let mut session = Session::start_with(&[], &env, 120, 40);
    session.wait_text("Harbour note 0.19");

    // Fetches in another process the whole time the reader marks.
    let fetcher = {
        let library = library.clone();
        let home = dir.path().to_path_buf();
        std::thread::spawn(move || {
            for _ in 0..5 {
                fetch(&library, &home);
            }
        })
    };
    const MARKED: usize = 6;
    for i in 0..MARKED {
        session.send(CTRL_S);
        session.wait_for("the star", |s| stars(s) == i + 1);
        session.send(DOWN);
    }
    fetcher.join().expect("fetcher");
    session.quit_and_check_restored();

    let (db, _) = LibraryDb::open(&library).unwrap();
    assert_eq!(db.article_count().unwrap(), ITEMS * 6, "every fetch kept");
    // The six newest of the first fetch were starred, and nothing else.
    let mut first: Vec<_> = db
        .articles()
        .unwrap()
        .into_iter()
        .filter(|a| a.title.starts_with("Harbour note 0."))
        .collect();
    assert_eq!(first.len(), ITEMS);
    first.truncate(MARKED);
    let (store, _) = MarkStore::open_library(&library, None);
    for article in &first {
        let key = ArticleKey::of(article);
        let row = db.mark(key).unwrap();
        assert!(
            row.is_some_and(|r| r.starred),
            "{} lost its star",
            article.title
        );
        assert!(store.is_starred(&key));
    }
    assert_eq!(store.snapshot().entries.len(), MARKED);
}

/// The key newsreader gives the article in `path`, as the loader parses it.
fn key_of_file(path: &Path) -> ArticleKey {
    let (articles, problems) = newsreader::library::load_paths(&[path.to_path_buf()]);
    assert!(problems.is_empty());
    ArticleKey::of(&articles[0])
}

#[test]
fn the_old_state_file_is_imported_once_said_on_stderr_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    common::write_articles(&articles);
    let data = dir.path().join("data");
    let state = data.join("newsreader/state.json");
    std::fs::create_dir_all(state.parent().unwrap()).unwrap();
    let blinken = key_of_file(&articles.join("a.txt"));
    let old = format!(r#"{{"version":1,"entries":{{"{blinken}":{{"starred":true}}}}}}"#);
    std::fs::write(&state, &old).unwrap();

    let env: Vec<(&str, &OsStr)> = vec![("XDG_DATA_HOME", data.as_os_str())];
    let args = [articles.as_os_str()];
    let session = Session::start_with(&args, &env, 120, 40);
    let screen = session.wait_text("4 of 4 matches");
    let row = screen
        .lines()
        .find(|l| l.contains("Blinken"))
        .unwrap_or_default()
        .to_owned();
    assert!(row.contains('★'), "the imported star shows: {screen}");
    let said = String::from_utf8_lossy(&session.raw()).into_owned();
    assert!(
        said.contains("imported 1 read/starred marks from"),
        "said on stderr: {said:?}"
    );
    session.quit_and_check_restored();
    assert!(!state.exists(), "renamed, so never imported twice");
    let backup = data.join("newsreader/state.json.imported");
    assert_eq!(std::fs::read_to_string(&backup).unwrap(), old);
    let (db, _) = LibraryDb::open(&data.join("newsreader/library.db")).unwrap();
    assert!(db.mark(blinken).unwrap().is_some_and(|m| m.starred));

    // The next start says nothing of an import and keeps the star.
    let session = Session::start_with(&args, &env, 120, 40);
    let screen = session.wait_text("4 of 4 matches");
    assert!(screen.contains('★'), "{screen}");
    let said = String::from_utf8_lossy(&session.raw()).into_owned();
    assert!(!said.contains("imported"), "said once only: {said:?}");
    session.quit_and_check_restored();
    assert_eq!(std::fs::read_to_string(&backup).unwrap(), old);
}

const ENV_LIBRARY: &str = "NEWSREADER_MARKS_WRITER";
const ENV_READY: &str = "NEWSREADER_MARKS_READY";
const KEYS: usize = 1500;

fn key(i: usize) -> ArticleKey {
    ArticleKey::from_parts(&format!("Article {i}"), [format!("Body {i}").as_str()])
}

/// Every mark set one of two ways, told apart by `flip`.
fn mark(store: &mut MarkStore, flip: bool) {
    for i in 0..KEYS {
        store.set_read(key(i), (i % 2 == 0) != flip);
        store.set_starred(key(i), (i % 3 == 0) != flip);
    }
}

/// Which of the two versions `store` shows, if it is wholly one of them.
fn version_of(store: &MarkStore) -> Option<bool> {
    [false, true].into_iter().find(|&flip| {
        (0..KEYS).all(|i| {
            store.is_read(&key(i)) == ((i % 2 == 0) != flip)
                && store.is_starred(&key(i)) == ((i % 3 == 0) != flip)
        })
    })
}

#[test]
fn marks_writer_child() {
    let Some(library) = std::env::var_os(ENV_LIBRARY).map(PathBuf::from) else {
        return; // An ordinary test run: nothing to do.
    };
    let ready = std::env::var_os(ENV_READY)
        .map(PathBuf::from)
        .expect("ready");
    let (mut store, _) = MarkStore::open_library(&library, None);
    std::fs::write(ready, b"").expect("ready marker");
    loop {
        for flip in [false, true] {
            mark(&mut store, flip);
            store.save().expect("save");
        }
    }
}

#[test]
fn kill_during_a_save_of_marks_leaves_one_whole_version() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.db");
    {
        let (mut store, _) = MarkStore::open_library(&library, None);
        mark(&mut store, false);
        store.save().unwrap();
    }
    let (mut seen_a, mut seen_b) = (0, 0);
    for round in 0..12u64 {
        let ready = dir.path().join(format!("ready-{round}"));
        common::kill_child_test_mid_save(
            "marks_writer_child",
            &[(ENV_LIBRARY, &library), (ENV_READY, &ready)],
            &ready,
            round,
            Duration::from_secs(30),
        );

        let (db, warning) = LibraryDb::open(&library).unwrap();
        assert!(warning.is_none(), "round {round}: {warning:?}");
        assert!(db.integrity_ok().unwrap(), "round {round}");
        drop(db);
        let (store, notes) = MarkStore::open_library(&library, None);
        assert!(notes.is_empty(), "round {round}: {notes:?}");
        match version_of(&store) {
            Some(false) => seen_a += 1,
            Some(true) => seen_b += 1,
            None => panic!("round {round}: the marks are half one save, half another"),
        }
    }
    eprintln!("kill -9 rounds on the library: {seen_a} first version, {seen_b} second");
    assert_eq!(seen_a + seen_b, 12);
}
