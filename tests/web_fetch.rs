//! Feeds fetched over real HTTP from a server the test starts on 127.0.0.1:
//! what ends up in the library, conditional GET, and every way a server can
//! fail or misbehave.

#[path = "common/web.rs"]
mod web;

use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use newsreader::store::library_db::LibraryDb;
use newsreader::web::http::{Client, ErrorKind, Fetched, HttpOptions, Validators};
use newsreader::web::sync::{FeedOutcome, FetchOptions, fetch_all};
use web::{Reply, Server, fixture, fixture_server};

fn client() -> Client {
    Client::new(HttpOptions {
        proxy_from_env: false,
        ..HttpOptions::default()
    })
}

fn quick_client() -> Client {
    Client::new(HttpOptions {
        connect_timeout: Duration::from_secs(2),
        read_timeout: Duration::from_millis(500),
        response_timeout: Duration::from_secs(2),
        max_body_bytes: 1024 * 1024,
        proxy_from_env: false,
        ..HttpOptions::default()
    })
}

fn subscribe(db: &mut LibraryDb, url: &str) {
    assert!(db.add_subscription(url, None, None).unwrap());
}

fn fetch(db: &mut LibraryDb, client: &Client) -> Vec<(String, FeedOutcome)> {
    fetch_all(db, client, &FetchOptions::default(), None, |_| {})
        .unwrap()
        .into_iter()
        .map(|r| (r.title, r.outcome))
        .collect()
}

fn titles(db: &LibraryDb) -> Vec<String> {
    db.articles()
        .unwrap()
        .into_iter()
        .map(|a| a.title)
        .collect()
}

#[test]
fn rss_atom_and_json_feeds_land_in_the_library_newest_first() {
    let server = fixture_server();
    let mut db = LibraryDb::open_in_memory().unwrap();
    for path in [
        "/rss-three-items.xml",
        "/atom-two-entries.atom",
        "/json-feed.json",
    ] {
        subscribe(&mut db, &server.url(path));
    }
    let mut outcomes = fetch(&mut db, &client());
    outcomes.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        outcomes,
        [
            (
                "Harbour Town Gazette".into(),
                FeedOutcome::Fetched { new: 3, updated: 0 }
            ),
            (
                "Orchard Cooperative Bulletin".into(),
                FeedOutcome::Fetched { new: 2, updated: 0 }
            ),
            (
                "Valley Weather Notes".into(),
                FeedOutcome::Fetched { new: 2, updated: 0 }
            ),
        ]
    );
    assert_eq!(
        titles(&db),
        [
            "Apple harvest starts early",
            "Frost warning for the upper valley",
            "New cider press arrives",
            "Rain gauge record broken",
            "Night ferry returns after winter repairs",
            "Library opens a reading room on the pier",
            "Fish market moves to the old rope works",
        ]
    );
    let articles = db.articles().unwrap();
    let frost = &articles[1];
    assert_eq!(frost.source.as_deref(), Some("Valley Weather Notes"));
    assert_eq!(frost.url, Some(server.url("/weather-frost.html")));
    assert_eq!(frost.byline.as_deref(), Some("Ines Okafor"));
    assert_eq!(frost.published.as_deref(), Some("2026-03-04"));
    assert_eq!(
        frost.body,
        [
            "Temperatures fall below zero tonight.",
            "Cover young plants."
        ]
    );
    let subs = db.subscriptions().unwrap();
    assert!(
        subs.iter()
            .all(|s| s.last_ok == Some(true) && s.last_fetch.is_some())
    );
}

#[test]
fn a_second_fetch_is_answered_304_and_adds_nothing() {
    let body = fixture("rss-three-items.xml", "http://127.0.0.1");
    let server = Server::start(move |req| {
        if req.header("if-none-match") == Some("\"v1\"") {
            Reply::Full {
                status: 304,
                headers: vec![],
                body: vec![],
            }
        } else {
            Reply::ok("application/rss+xml", body.clone()).with_header("ETag", "\"v1\"")
        }
    });
    let mut db = LibraryDb::open_in_memory().unwrap();
    subscribe(&mut db, &server.url("/feed"));
    let first = fetch(&mut db, &client());
    assert_eq!(first[0].1, FeedOutcome::Fetched { new: 3, updated: 0 });
    let second = fetch(&mut db, &client());
    assert_eq!(second[0].1, FeedOutcome::NotModified);
    assert_eq!(db.article_count().unwrap(), 3);
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[1].header("if-none-match"), Some("\"v1\""));
    let sub = &db.subscriptions().unwrap()[0];
    assert_eq!(sub.last_result.as_deref(), Some("not modified"));
}

#[test]
fn last_modified_is_sent_back_as_if_modified_since() {
    let body = fixture("rss-three-items.xml", "http://127.0.0.1");
    let stamp = "Tue, 03 Mar 2026 08:00:00 GMT";
    let server = Server::start(move |req| {
        if req.header("if-modified-since") == Some(stamp) {
            Reply::Full {
                status: 304,
                headers: vec![],
                body: vec![],
            }
        } else {
            Reply::ok("application/rss+xml", body.clone()).with_header("Last-Modified", stamp)
        }
    });
    let client = client();
    let Fetched::Page(page) = client
        .get(&server.url("/f"), &Validators::default())
        .unwrap()
    else {
        panic!("expected a page");
    };
    assert_eq!(page.validators.last_modified.as_deref(), Some(stamp));
    assert!(matches!(
        client.get(&server.url("/f"), &page.validators).unwrap(),
        Fetched::NotModified
    ));
}

#[test]
fn a_changed_item_is_updated_in_place_and_nothing_is_duplicated() {
    let version = Arc::new(AtomicUsize::new(1));
    let server = {
        let version = version.clone();
        Server::start(move |_| {
            let mut text =
                String::from_utf8(fixture("rss-three-items.xml", "http://127.0.0.1")).unwrap();
            if version.load(Ordering::SeqCst) == 2 {
                text = text.replace(
                    "Night ferry returns after winter repairs",
                    "Night ferry returns a week late",
                );
            }
            Reply::ok("application/rss+xml", text)
        })
    };
    let mut db = LibraryDb::open_in_memory().unwrap();
    subscribe(&mut db, &server.url("/feed"));
    fetch(&mut db, &client());
    // Unchanged: nothing new, nothing updated.
    assert_eq!(
        fetch(&mut db, &client())[0].1,
        FeedOutcome::Fetched { new: 0, updated: 0 }
    );
    version.store(2, Ordering::SeqCst);
    assert_eq!(
        fetch(&mut db, &client())[0].1,
        FeedOutcome::Fetched { new: 0, updated: 1 }
    );
    assert_eq!(
        titles(&db),
        [
            "Night ferry returns a week late",
            "Library opens a reading room on the pier",
            "Fish market moves to the old rope works",
        ]
    );
}

#[test]
fn items_without_guid_are_known_by_link_then_by_title_and_date() {
    let server = fixture_server();
    let mut db = LibraryDb::open_in_memory().unwrap();
    subscribe(&mut db, &server.url("/rss-no-guid.xml"));
    assert_eq!(
        fetch(&mut db, &client())[0].1,
        FeedOutcome::Fetched { new: 2, updated: 0 }
    );
    assert_eq!(
        fetch(&mut db, &client())[0].1,
        FeedOutcome::Fetched { new: 0, updated: 0 }
    );
    assert_eq!(db.article_count().unwrap(), 2);
}

/// Subscribes to one URL of `server`, fetches, and returns the error text.
fn failure(server_url: &str, client: &Client) -> String {
    let mut db = LibraryDb::open_in_memory().unwrap();
    subscribe(&mut db, server_url);
    let started = Instant::now();
    let outcome = fetch(&mut db, client).remove(0).1;
    assert!(
        started.elapsed() < Duration::from_secs(15),
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(db.article_count().unwrap(), 0);
    let sub = &db.subscriptions().unwrap()[0];
    assert_eq!(sub.last_ok, Some(false));
    match outcome {
        FeedOutcome::Failed(error) => {
            assert_eq!(sub.last_result.as_deref(), Some(error.as_str()));
            error
        }
        other => panic!("expected a failure, got {other:?}"),
    }
}

#[test]
fn each_failure_class_gives_one_clear_error() {
    let server = fixture_server();
    assert_eq!(
        failure(&server.url("/missing.xml"), &client()),
        "HTTP 404 Not Found"
    );
    let errors = Server::start(|req| match req.path.as_str() {
        "/500" => Reply::status(500),
        "/503" => Reply::status(503).with_header("Retry-After", "120"),
        _ => Reply::status(404),
    });
    assert_eq!(
        failure(&errors.url("/500"), &client()),
        "HTTP 500 Internal Server Error"
    );
    assert_eq!(
        failure(&errors.url("/503"), &client()),
        "HTTP 503 Service Unavailable (retry after 120 s)"
    );
    let invalid = failure(&server.url("/invalid-xml.xml"), &client());
    assert!(invalid.starts_with("not a valid feed"), "{invalid}");
    // A port nobody listens on: bind one, note it, close it.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    assert_eq!(
        failure(&format!("http://{closed}/feed"), &client()),
        "connection refused"
    );
}

#[test]
fn a_server_that_never_answers_times_out() {
    let server = Server::start(|_| Reply::Hang);
    assert_eq!(failure(&server.url("/feed"), &quick_client()), "timed out");
}

#[test]
fn a_body_that_never_ends_is_cut_at_the_cap() {
    let server = Server::start(|_| Reply::Endless);
    let error = failure(&server.url("/feed"), &quick_client());
    assert!(
        error == "response larger than 1 MB" || error == "timed out",
        "{error}"
    );
}

#[test]
fn an_oversized_body_is_refused() {
    let big = vec![b'x'; 3 * 1024 * 1024];
    let server = Server::start(move |_| Reply::ok("application/rss+xml", big.clone()));
    assert_eq!(
        failure(&server.url("/feed"), &quick_client()),
        "response larger than 1 MB"
    );
}

#[test]
fn a_gzip_bomb_is_cut_at_the_decompressed_cap() {
    // 200 MB of zeros compress to about 200 KB.
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![0u8; 1024 * 1024];
    for _ in 0..200 {
        encoder.write_all(&zeros).unwrap();
    }
    let bomb = encoder.finish().unwrap();
    assert!(bomb.len() < 1024 * 1024);
    let server = Server::start(move |_| {
        Reply::ok("application/rss+xml", bomb.clone()).with_header("Content-Encoding", "gzip")
    });
    assert_eq!(
        failure(&server.url("/feed"), &quick_client()),
        "response larger than 1 MB"
    );
}

#[test]
fn gzip_responses_are_decompressed() {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder
        .write_all(&fixture("rss-three-items.xml", "http://127.0.0.1"))
        .unwrap();
    let body = encoder.finish().unwrap();
    let server = Server::start(move |_| {
        Reply::ok("application/rss+xml", body.clone()).with_header("Content-Encoding", "gzip")
    });
    let mut db = LibraryDb::open_in_memory().unwrap();
    subscribe(&mut db, &server.url("/feed"));
    assert_eq!(
        fetch(&mut db, &client())[0].1,
        FeedOutcome::Fetched { new: 3, updated: 0 }
    );
}

#[test]
fn redirects_are_followed_five_times_at_most() {
    let server = fixture_server();
    let hops = Server::start(|req| {
        let n: u32 = req.path.trim_start_matches("/hop").parse().unwrap_or(0);
        Reply::redirect(&format!("/hop{}", n + 1))
    });
    assert_eq!(
        failure(&hops.url("/hop0"), &client()),
        "more than 5 redirects"
    );
    let loop_server = Server::start(|_| Reply::redirect("/loop"));
    assert_eq!(
        failure(&loop_server.url("/loop"), &client()),
        "more than 5 redirects"
    );
    // Five hops are fine.
    let target = server.url("/rss-three-items.xml");
    let five = Server::start(move |req| {
        let n: u32 = req.path.trim_start_matches("/hop").parse().unwrap_or(0);
        if n == 5 {
            Reply::redirect(&target)
        } else {
            Reply::redirect(&format!("/hop{}", n + 1))
        }
    });
    let mut db = LibraryDb::open_in_memory().unwrap();
    subscribe(&mut db, &five.url("/hop1"));
    assert_eq!(
        fetch(&mut db, &client())[0].1,
        FeedOutcome::Fetched { new: 3, updated: 0 }
    );
}

#[test]
fn redirects_to_other_schemes_are_refused() {
    let server = Server::start(|req| match req.path.as_str() {
        "/to-file" => Reply::redirect("file:///etc/passwd"),
        _ => Reply::redirect("ftp://127.0.0.1/feed"),
    });
    assert_eq!(
        failure(&server.url("/to-file"), &client()),
        "only http and https are fetched, not file:"
    );
    assert_eq!(
        failure(&server.url("/to-ftp"), &client()),
        "only http and https are fetched, not ftp:"
    );
    let err = client()
        .get("file:///etc/passwd", &Validators::default())
        .unwrap_err();
    assert!(matches!(err.kind, ErrorKind::Scheme(_)));
}

#[test]
fn billion_laughs_entities_are_not_expanded() {
    let server = fixture_server();
    let mut db = LibraryDb::open_in_memory().unwrap();
    subscribe(&mut db, &server.url("/billion-laughs.xml"));
    let started = Instant::now();
    let outcome = fetch(&mut db, &client()).remove(0).1;
    assert!(started.elapsed() < Duration::from_secs(5));
    // Either refused or stored without the expansion: never a gigabyte of "lol".
    if let FeedOutcome::Fetched { .. } = outcome {
        for article in db.articles().unwrap() {
            assert!(article.title.len() < 1000 && article.body.concat().len() < 1000);
        }
    }
}

#[test]
fn a_feed_of_100000_items_is_refused_whole() {
    let mut text =
        String::from("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Flood</title>");
    for n in 0..100_000 {
        text.push_str(&format!(
            "<item><title>t{n}</title><guid>g{n}</guid></item>"
        ));
    }
    text.push_str("</channel></rss>");
    let server = Server::start(move |_| Reply::ok("application/rss+xml", text.clone()));
    assert_eq!(
        failure(&server.url("/flood"), &client()),
        "feed has 100000 items, more than 10000"
    );
}

#[test]
fn escape_sequences_from_a_feed_never_reach_the_library() {
    let evil = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Evil\u{1b}]0;pwned\u{7} feed</title>\
        <item><title>Title\u{1b}[2J here</title><guid>e1</guid><description>Body\u{9b}31m text</description></item>\
        </channel></rss>";
    let server = Server::start(move |_| Reply::ok("application/rss+xml", evil));
    let mut db = LibraryDb::open_in_memory().unwrap();
    subscribe(&mut db, &server.url("/evil"));
    fetch(&mut db, &client());
    let article = db.articles().unwrap().remove(0);
    let json = serde_json::to_string(&article).unwrap();
    assert!(
        !json.contains('\u{1b}') && !json.contains('\u{9b}') && !json.contains('\u{7}'),
        "{json}"
    );
    assert_eq!(article.title, "Title here");
}

#[test]
fn every_request_names_newsreader_and_its_version() {
    let server = fixture_server();
    client()
        .get(&server.url("/rss-three-items.xml"), &Validators::default())
        .unwrap();
    let agent = server.requests()[0]
        .header("user-agent")
        .unwrap()
        .to_string();
    assert_eq!(agent, format!("newsreader/{}", env!("CARGO_PKG_VERSION")));
}

fn full_text_options() -> FetchOptions {
    FetchOptions {
        extract: Some(newsreader::article::parse_html),
        ..FetchOptions::default()
    }
}

#[test]
fn the_full_article_behind_each_item_is_fetched_and_extracted() {
    let server = fixture_server();
    let mut db = LibraryDb::open_in_memory().unwrap();
    subscribe(&mut db, &server.url("/rss-three-items.xml"));
    fetch_all(&mut db, &client(), &full_text_options(), None, |_| {}).unwrap();
    let articles = db.articles().unwrap();
    assert_eq!(articles.len(), 3);
    let ferry = &articles[0];
    assert_eq!(ferry.title, "Night ferry returns after winter repairs");
    assert_eq!(ferry.source.as_deref(), Some("Harbour Town Gazette"));
    assert_eq!(ferry.url, Some(server.url("/article-ferry.html")));
    assert!(
        ferry
            .body
            .iter()
            .any(|p| p.starts_with("Full text marker ferry")),
        "{:?}",
        ferry.body
    );
    // The page's furniture stays out.
    assert!(
        !ferry.body.iter().any(|p| p.contains("All rights reserved")),
        "{:?}",
        ferry.body
    );
    for (article, name) in articles.iter().zip(["ferry", "library", "market"]) {
        assert!(
            article
                .body
                .iter()
                .any(|p| p.contains(&format!("Full text marker {name}")))
        );
    }
    // Fetched once; a second fetch of the unchanged feed fetches no page again.
    fetch_all(&mut db, &client(), &full_text_options(), None, |_| {}).unwrap();
    assert_eq!(server.hits("/article-ferry.html"), 1);
    assert_eq!(db.article_count().unwrap(), 3);
}

#[test]
fn an_item_whose_page_fails_keeps_its_feed_text() {
    let server = fixture_server();
    let mut db = LibraryDb::open_in_memory().unwrap();
    // The Atom entries link to pages the server does not have.
    subscribe(&mut db, &server.url("/atom-two-entries.atom"));
    let mut failures = Vec::new();
    fetch_all(&mut db, &client(), &full_text_options(), None, |event| {
        if let newsreader::web::sync::FetchEvent::FullTextFailed { url, error } = event {
            failures.push((url, error));
        }
    })
    .unwrap();
    failures.sort();
    assert_eq!(
        failures,
        [
            (
                server.url("/weather-frost.html"),
                "HTTP 404 Not Found".to_string()
            ),
            (
                server.url("/weather-rain.html"),
                "HTTP 404 Not Found".to_string()
            ),
        ]
    );
    let frost = db.articles().unwrap().remove(0);
    assert_eq!(
        frost.body,
        [
            "Temperatures fall below zero tonight.",
            "Cover young plants."
        ]
    );
    // A failed page is not asked for again on every fetch.
    fetch_all(&mut db, &client(), &full_text_options(), None, |_| {}).unwrap();
    assert_eq!(server.hits("/weather-frost.html"), 1);
}

#[test]
fn feed_text_only_when_the_subscription_says_so() {
    let server = fixture_server();
    let mut db = LibraryDb::open_in_memory().unwrap();
    let url = server.url("/rss-three-items.xml");
    subscribe(&mut db, &url);
    db.configure_subscription(&url, Some("The Gazette"), Some("Local"), false)
        .unwrap();
    fetch_all(&mut db, &client(), &full_text_options(), None, |_| {}).unwrap();
    assert_eq!(server.hits("/article-ferry.html"), 0);
    let ferry = db.articles().unwrap().remove(0);
    assert_eq!(ferry.source.as_deref(), Some("The Gazette"));
    assert_eq!(
        ferry.body,
        ["The night ferry to the outer islands sails again on Friday."]
    );
}

#[test]
fn each_new_article_is_reported_once_in_its_final_form() {
    let server = fixture_server();
    let mut db = LibraryDb::open_in_memory().unwrap();
    subscribe(&mut db, &server.url("/rss-three-items.xml"));
    subscribe(&mut db, &server.url("/atom-two-entries.atom"));
    let mut reported = Vec::new();
    let mut progress = Vec::new();
    fetch_all(
        &mut db,
        &client(),
        &full_text_options(),
        None,
        |event| match event {
            newsreader::web::sync::FetchEvent::Articles(articles) => reported.extend(articles),
            newsreader::web::sync::FetchEvent::Progress {
                feeds_done,
                feeds_total,
                ..
            } => progress.push((feeds_done, feeds_total)),
            _ => {}
        },
    )
    .unwrap();
    let mut titles: Vec<&str> = reported.iter().map(|a| a.title.as_str()).collect();
    titles.sort();
    assert_eq!(
        titles,
        [
            "Fish market moves to the old rope works",
            "Frost warning for the upper valley",
            "Library opens a reading room on the pier",
            "Night ferry returns after winter repairs",
            "Rain gauge record broken",
        ]
    );
    // The gazette's with their full text; the weather's (pages missing) with the feed's.
    let ferry = reported
        .iter()
        .find(|a| a.title.starts_with("Night ferry"))
        .unwrap();
    assert!(
        ferry
            .body
            .iter()
            .any(|p| p.starts_with("Full text marker ferry"))
    );
    let frost = reported
        .iter()
        .find(|a| a.title.starts_with("Frost"))
        .unwrap();
    assert_eq!(
        frost.body,
        [
            "Temperatures fall below zero tonight.",
            "Cover young plants."
        ]
    );
    assert_eq!(progress.first(), Some(&(0, 2)));
    assert_eq!(progress.last(), Some(&(2, 2)));
    // Nothing new the second time: nothing reported.
    let mut again = 0;
    fetch_all(&mut db, &client(), &full_text_options(), None, |event| {
        if let newsreader::web::sync::FetchEvent::Articles(a) = event {
            again += a.len();
        }
    })
    .unwrap();
    assert_eq!(again, 0);
}

#[test]
fn retry_after_and_repeated_failures_hold_a_feed_back() {
    let errors = Server::start(|req| match req.path.as_str() {
        "/busy" => Reply::status(503).with_header("Retry-After", "600"),
        _ => Reply::status(500),
    });
    let mut db = LibraryDb::open_in_memory().unwrap();
    subscribe(&mut db, &errors.url("/busy"));
    subscribe(&mut db, &errors.url("/broken"));
    fetch(&mut db, &client());
    // The busy server asked for ten minutes; the broken one failed once only.
    let outcomes = fetch(&mut db, &client());
    assert!(
        outcomes
            .iter()
            .any(|(_, o)| matches!(o, FeedOutcome::Waiting { .. })),
        "{outcomes:?}"
    );
    assert_eq!(errors.hits("/busy"), 1);
    assert_eq!(errors.hits("/broken"), 2);
    // Twice broken: now it waits too.
    let outcomes = fetch(&mut db, &client());
    assert!(
        outcomes
            .iter()
            .all(|(_, o)| matches!(o, FeedOutcome::Waiting { .. })),
        "{outcomes:?}"
    );
    assert_eq!(errors.hits("/broken"), 2);
}

/// A name that answers one address to the first lookup and another after
/// (DNS rebinding), both on 127.0.0.1, with the lookups counted.
fn rebinding(first: u16, then: u16, lookups: Arc<AtomicUsize>) -> newsreader::web::pinned::Lookup {
    newsreader::web::pinned::Lookup::new(move |host, _port| {
        assert!(host.ends_with(".test"), "only the test's names: {host}");
        let n = lookups.fetch_add(1, Ordering::SeqCst);
        let port = if n == 0 { first } else { then };
        Ok(vec![std::net::SocketAddr::from(([127, 0, 0, 1], port))])
    })
}

#[test]
fn the_address_checked_is_the_address_connected_to() {
    let checked = Server::start(|_| Reply::ok("text/plain", "the checked server"));
    let rebound = Server::start(|_| Reply::ok("text/plain", "the rebound server"));
    let port = |server: &Server| url::Url::parse(&server.url("/")).unwrap().port().unwrap();
    let lookups = Arc::new(AtomicUsize::new(0));
    let client = Client::with_lookup(
        HttpOptions {
            proxy_from_env: false,
            ..HttpOptions::default()
        },
        rebinding(port(&checked), port(&rebound), lookups.clone()),
    );
    let url = format!("http://feeds.test:{}/feed.xml", port(&checked));
    let Ok(Fetched::Page(page)) = client.get(&url, &Validators::default()) else {
        panic!("not fetched");
    };
    // One lookup for the check and the connect alike: the name's second
    // answer is never used.
    assert_eq!(page.body, b"the checked server");
    assert_eq!(lookups.load(Ordering::SeqCst), 1);
    assert_eq!(rebound.hits("/feed.xml"), 0);
    assert_eq!(checked.hits("/feed.xml"), 1);
}
