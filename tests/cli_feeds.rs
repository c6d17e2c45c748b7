//! The feed commands as scripts and cron use them: the real binary against a
//! server the test starts on 127.0.0.1, each run with its own library and
//! XDG folders, no proxy from the outside.

#[path = "common/web.rs"]
mod web;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use newsreader::store::library_db::LibraryDb;
use web::{Reply, Server, fixture, fixture_server};

struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        Home {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn library(&self) -> PathBuf {
        self.dir.path().join("data/newsreader/library.db")
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_newsreader"));
        command
            .args(args)
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .env_remove("NEWSREADER_LIBRARY")
            .stdin(Stdio::null());
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
        command
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().unwrap()
    }
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn sorted_lines(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines.sort();
    lines
}

fn titles_of_json_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["title"].as_str().unwrap().to_string()
        })
        .collect()
}

#[test]
fn add_fetch_list_and_remove() {
    let server = fixture_server();
    let home = Home::new();
    let gazette = server.url("/rss-three-items.xml");
    let weather = server.url("/atom-two-entries.atom");
    let added = home.run(&["add", &gazette, &weather]);
    assert!(added.status.success(), "{}", stderr(&added));
    assert_eq!(
        stdout(&added),
        format!(
            "subscribed to Harbour Town Gazette <{gazette}>\nsubscribed to Valley Weather Notes <{weather}>\n"
        )
    );
    let again = home.run(&["add", &gazette]);
    assert_eq!(
        stdout(&again),
        format!("already subscribed to Harbour Town Gazette <{gazette}>\n")
    );

    let feeds = stdout(&home.run(&["feeds"]));
    assert_eq!(
        feeds,
        format!(
            "Harbour Town Gazette\t{gazette}\t0 articles\tnever fetched\t\n\
             Valley Weather Notes\t{weather}\t0 articles\tnever fetched\t\n"
        )
    );

    let fetched = home.run(&["fetch"]);
    assert!(fetched.status.success(), "{}", stderr(&fetched));
    assert_eq!(
        sorted_lines(&stderr(&fetched)),
        ["Harbour Town Gazette: 3 new", "Valley Weather Notes: 2 new"]
    );
    assert!(stdout(&fetched).is_empty());

    let parsed = home.run(&["parse", "--json"]);
    assert!(parsed.status.success());
    assert_eq!(
        titles_of_json_lines(&stdout(&parsed)),
        [
            "Frost warning for the upper valley",
            "Rain gauge record broken",
            "Night ferry returns after winter repairs",
            "Library opens a reading room on the pier",
            "Fish market moves to the old rope works",
        ]
    );
    let first: serde_json::Value =
        serde_json::from_str(stdout(&parsed).lines().next().unwrap()).unwrap();
    assert_eq!(first["source"], "Valley Weather Notes");
    assert_eq!(first["url"], server.url("/weather-frost.html"));
    assert_eq!(first["body"][1], "Cover young plants.");

    // Fetched again: nothing new, nothing twice.
    let refetched = home.run(&["fetch"]);
    assert_eq!(
        sorted_lines(&stderr(&refetched)),
        ["Harbour Town Gazette: 0 new", "Valley Weather Notes: 0 new"]
    );
    let listed = home.run(&["list"]);
    assert_eq!(stdout(&listed).lines().count(), 5);

    let feeds = stdout(&home.run(&["feeds"]));
    let gazette_line = feeds.lines().next().unwrap();
    assert!(gazette_line.starts_with(&format!("Harbour Town Gazette\t{gazette}\t3 articles\t")));
    assert!(gazette_line.ends_with("UTC\t0 new"), "{gazette_line}");

    let removed = home.run(&["remove", &gazette]);
    assert_eq!(stdout(&removed), format!("removed {gazette}\n"));
    assert_eq!(
        titles_of_json_lines(&stdout(&home.run(&["parse", "--json"]))),
        [
            "Frost warning for the upper valley",
            "Rain gauge record broken"
        ]
    );
    let missing = home.run(&["remove", &gazette]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("not subscribed to"));
}

#[test]
fn a_failing_feed_makes_fetch_exit_1_and_the_others_are_saved() {
    let server = fixture_server();
    let home = Home::new();
    let good = server.url("/rss-three-items.xml");
    let gone = server.url("/gone.xml");
    let opml = home.dir.path().join("list.opml");
    std::fs::write(
        &opml,
        format!(
            r#"<?xml version="1.0"?><opml version="2.0"><head/><body>
<outline text="Good" type="rss" xmlUrl="{good}"/>
<outline text="Gone" type="rss" xmlUrl="{gone}"/>
<outline text="Local file" type="rss" xmlUrl="file:///etc/passwd"/>
</body></opml>"#
        ),
    )
    .unwrap();
    let imported = home.run(&["import", opml.to_str().unwrap()]);
    assert_eq!(stdout(&imported), "imported 2 subscriptions (1 skipped)\n");
    assert!(stderr(&imported).contains("skipped file:///etc/passwd: not an http(s) URL"));
    let fetched = home.run(&["fetch"]);
    assert_eq!(fetched.status.code(), Some(1));
    let lines = sorted_lines(&stderr(&fetched));
    assert_eq!(
        lines,
        [
            "Gone: failed: HTTP 404 Not Found",
            "Harbour Town Gazette: 3 new",
            "newsreader: 1 of 2 feeds failed",
        ]
    );
    assert_eq!(stdout(&home.run(&["list"])).lines().count(), 3);
    let feeds = stdout(&home.run(&["feeds"]));
    assert!(
        feeds.contains(&format!("Gone\t{gone}\t0 articles\t")),
        "{feeds}"
    );
    assert!(feeds.contains("failed: HTTP 404 Not Found"), "{feeds}");
}

#[test]
fn opml_import_and_export_keep_titles_and_folders() {
    let server = fixture_server();
    let home = Home::new();
    let opml = home.dir.path().join("subscriptions.opml");
    std::fs::write(&opml, fixture("subscriptions.opml", &server.url(""))).unwrap();
    let imported = home.run(&["import", opml.to_str().unwrap()]);
    assert!(imported.status.success(), "{}", stderr(&imported));
    assert_eq!(stdout(&imported), "imported 3 subscriptions (0 skipped)\n");
    let exported = stdout(&home.run(&["export"]));
    assert!(exported.contains("<opml version=\"2.0\">"), "{exported}");
    let local = exported.find("text=\"Local\"").expect("the folder");
    let gazette = exported
        .find(&format!(
            "xmlUrl=\"{}\"",
            server.url("/rss-three-items.xml")
        ))
        .unwrap();
    let weather = exported
        .find(&format!(
            "xmlUrl=\"{}\"",
            server.url("/atom-two-entries.atom")
        ))
        .unwrap();
    let orchard = exported
        .find(&format!("xmlUrl=\"{}\"", server.url("/json-feed.json")))
        .unwrap();
    let folder_end = local + exported[local..].find("</outline>").unwrap();
    assert!(local < gazette && gazette < folder_end);
    assert!(local < weather && weather < folder_end);
    assert!(orchard > folder_end);
    assert!(exported.contains("text=\"Valley Weather Notes\""));
    assert!(exported.contains("text=\"Orchard Cooperative Bulletin\""));
    // Exported, then imported into another library: the same export.
    let other = Home::new();
    let file = other.dir.path().join("again.opml");
    std::fs::write(&file, &exported).unwrap();
    other.run(&["import", file.to_str().unwrap()]);
    assert_eq!(stdout(&other.run(&["export"])), exported);
}

#[test]
fn an_empty_library_shows_the_bundled_articles_and_a_hint() {
    let home = Home::new();
    let listed = home.run(&["list"]);
    assert!(listed.status.success());
    assert_eq!(stdout(&listed).lines().count(), 4);
    assert_eq!(
        stderr(&listed),
        "newsreader: the library is empty: subscribe with `newsreader add URL`, then `newsreader fetch`\n"
    );
}

#[test]
fn a_feed_url_on_the_command_line_is_subscribed_fetched_and_shown() {
    let server = fixture_server();
    let home = Home::new();
    let url = server.url("/json-feed.json");
    let shown = home.run(&[&url]);
    assert!(shown.status.success(), "{}", stderr(&shown));
    assert_eq!(
        stdout(&shown),
        "Apple harvest starts early\nNew cider press arrives\n"
    );
    assert!(stdout(&home.run(&["feeds"])).starts_with(&format!(
        "Orchard Cooperative Bulletin\t{url}\t2 articles\t"
    )));
}

#[test]
fn the_library_option_and_variable_choose_the_file() {
    let server = fixture_server();
    let home = Home::new();
    let elsewhere = home.dir.path().join("elsewhere.db");
    let url = server.url("/json-feed.json");
    let added = home.run(&["add", "--library", elsewhere.to_str().unwrap(), &url]);
    assert!(added.status.success(), "{}", stderr(&added));
    assert!(elsewhere.exists());
    assert!(!home.library().exists());
    let read = home.run(&["--library", elsewhere.to_str().unwrap()]);
    // Nothing fetched yet: the bundled articles, and the hint.
    assert_eq!(stdout(&read).lines().count(), 4);
    assert!(stderr(&read).contains("the library is empty"));
    home.run(&["fetch", "--library", elsewhere.to_str().unwrap()]);
    let read = home.run(&["--library", elsewhere.to_str().unwrap()]);
    assert_eq!(
        stdout(&read),
        "Apple harvest starts early\nNew cider press arrives\n"
    );
    assert!(!home.library().exists());
    let feeds = home
        .command(&["feeds"])
        .env("NEWSREADER_LIBRARY", &elsewhere)
        .output()
        .unwrap();
    assert!(stdout(&feeds).starts_with("Orchard Cooperative Bulletin\t"));
}

/// A server of `count` feeds of `items` items each, every answer `delay` late.
fn many_feeds(count: usize, items: usize, delay: Duration) -> Server {
    Server::start(move |req| {
        thread::sleep(delay);
        let Some(n) = req
            .path
            .strip_prefix("/feed-")
            .and_then(|n| n.parse::<usize>().ok())
        else {
            return Reply::status(404);
        };
        if n >= count {
            return Reply::status(404);
        }
        let mut xml =
            format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed {n}</title>");
        for i in 0..items {
            xml.push_str(&format!(
                "<item><title>Feed {n} item {i}</title><guid>f{n}-i{i}</guid>\
                 <description>Item {i} of feed {n}.</description></item>"
            ));
        }
        xml.push_str("</channel></rss>");
        Reply::ok("application/rss+xml", xml)
    })
}

fn import_feeds(home: &Home, server: &Server, range: std::ops::Range<usize>) {
    let mut opml = String::from("<?xml version=\"1.0\"?><opml version=\"2.0\"><head/><body>");
    for n in range {
        opml.push_str(&format!(
            "<outline text=\"Feed {n}\" type=\"rss\" xmlUrl=\"{}\"/>",
            server.url(&format!("/feed-{n}"))
        ));
    }
    opml.push_str("</body></opml>");
    let file = home.dir.path().join(format!("import-{}.opml", opml.len()));
    std::fs::write(&file, opml).unwrap();
    let imported = home.run(&["import", file.to_str().unwrap()]);
    assert!(imported.status.success(), "{}", stderr(&imported));
}

fn articles_per_feed(library: &Path) -> Vec<usize> {
    let (db, _) = LibraryDb::open(library).unwrap();
    assert!(db.integrity_ok().unwrap());
    db.subscriptions()
        .unwrap()
        .iter()
        .map(|s| s.articles)
        .collect()
}

#[test]
fn two_processes_writing_the_library_at_once_lose_nothing() {
    let server = many_feeds(40, 20, Duration::from_millis(30));
    let home = Home::new();
    import_feeds(&home, &server, 0..20);
    let fetch = home
        .command(&["fetch"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // While it runs, another process subscribes to twenty more, one by one.
    for n in 20..40 {
        let added = home.run(&["add", &server.url(&format!("/feed-{n}"))]);
        assert!(added.status.success(), "{}", stderr(&added));
    }
    let fetched = fetch.wait_with_output().unwrap();
    assert!(fetched.status.success(), "{}", stderr(&fetched));
    let counts = articles_per_feed(&home.library());
    assert_eq!(counts.len(), 40);
    assert_eq!(&counts[..20], &[20; 20]);
    let fetched = home.run(&["fetch"]);
    assert!(fetched.status.success(), "{}", stderr(&fetched));
    assert_eq!(articles_per_feed(&home.library()), vec![20; 40]);
}

#[test]
fn kill_9_during_a_fetch_leaves_a_consistent_library() {
    let server = many_feeds(30, 25, Duration::from_millis(60));
    let home = Home::new();
    import_feeds(&home, &server, 0..30);
    let mut fetch = home
        .command(&["fetch"])
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while server.requests().len() < 8 && started.elapsed() < Duration::from_secs(20) {
        thread::sleep(Duration::from_millis(10));
    }
    fetch.kill().unwrap(); // SIGKILL
    fetch.wait().unwrap();
    // Every feed is either fully stored or not at all.
    let counts = articles_per_feed(&home.library());
    assert!(counts.iter().all(|&c| c == 0 || c == 25), "{counts:?}");
    let fetched = home.run(&["fetch"]);
    assert!(fetched.status.success(), "{}", stderr(&fetched));
    assert_eq!(articles_per_feed(&home.library()), vec![25; 30]);
}

#[test]
fn a_page_that_advertises_a_feed_subscribes_to_the_feed() {
    let server = fixture_server();
    let home = Home::new();
    let added = home.run(&["add", &server.url("/page-advertising-feed.html")]);
    assert!(added.status.success(), "{}", stderr(&added));
    assert_eq!(
        stdout(&added),
        format!(
            "subscribed to Harbour Town Gazette <{}>\n",
            server.url("/rss-three-items.xml")
        )
    );
    let plain = Server::start(|_| {
        Reply::ok(
            "text/html",
            "<html><body><p>No feed here.</p></body></html>",
        )
    });
    let refused = home.run(&["add", &plain.url("/")]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("a web page that advertises no feed"),
        "{}",
        stderr(&refused)
    );
}

#[test]
fn fetch_stores_the_full_article_of_each_item() {
    let server = fixture_server();
    let home = Home::new();
    home.run(&["add", &server.url("/rss-three-items.xml")]);
    let fetched = home.run(&["fetch"]);
    assert!(fetched.status.success(), "{}", stderr(&fetched));
    let json = stdout(&home.run(&["parse", "--json"]));
    let ferry: serde_json::Value = serde_json::from_str(json.lines().next().unwrap()).unwrap();
    assert_eq!(ferry["title"], "Night ferry returns after winter repairs");
    assert_eq!(ferry["source"], "Harbour Town Gazette");
    let body: Vec<&str> = ferry["body"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str())
        .collect();
    assert!(
        body.iter().any(|p| p.starts_with("Full text marker ferry")),
        "{body:?}"
    );
}

#[test]
fn a_page_url_on_the_command_line_is_fetched_extracted_and_kept() {
    let server = fixture_server();
    let home = Home::new();
    let url = server.url("/article-market.html");
    let shown = home.run(&[&url]);
    assert!(shown.status.success(), "{}", stderr(&shown));
    assert_eq!(stdout(&shown), "Fish market moves to the old rope works\n");
    // Kept in the library: there without the network too.
    drop(server);
    let json = stdout(&home.run(&["parse", "--json"]));
    let market: serde_json::Value = serde_json::from_str(json.lines().next().unwrap()).unwrap();
    assert_eq!(market["url"], url);
    assert!(json.contains("Full text marker market"));
    let missing = home.run(&[&url]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("connection refused"),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn the_config_file_sets_a_subscriptions_title_folder_and_full_text() {
    let server = fixture_server();
    let home = Home::new();
    let url = server.url("/rss-three-items.xml");
    let config = home.dir.path().join("config/newsreader/config.toml");
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    std::fs::write(
        &config,
        format!(
            "[feeds.\"{url}\"]\ntitle = \"The Gazette\"\nfolder = \"Local\"\nfull_text = false\n"
        ),
    )
    .unwrap();
    home.run(&["add", &url]);
    let fetched = home.run(&["fetch"]);
    assert_eq!(stderr(&fetched), "The Gazette: 3 new\n");
    assert_eq!(server.hits("/article-ferry.html"), 0, "feed text only");
    let json = stdout(&home.run(&["parse", "--json"]));
    let ferry: serde_json::Value = serde_json::from_str(json.lines().next().unwrap()).unwrap();
    assert_eq!(ferry["source"], "The Gazette");
    assert_eq!(
        ferry["body"][0],
        "The night ferry to the outer islands sails again on Friday."
    );
    let exported = stdout(&home.run(&["export"]));
    assert!(exported.contains("text=\"Local\""), "{exported}");
    assert!(exported.contains("text=\"The Gazette\""), "{exported}");
}

#[test]
fn commands_take_the_feeds_settings_from_the_config_file_named_by_dash_dash_config() {
    let server = fixture_server();
    let home = Home::new();
    let url = server.url("/rss-three-items.xml");
    // Not the default config file: only --config names it.
    let config = home.dir.path().join("elsewhere.toml");
    std::fs::write(
        &config,
        format!("[feeds.\"{url}\"]\ntitle = \"Island Post\"\nfull_text = false\n"),
    )
    .unwrap();
    let config = config.to_str().unwrap();
    home.run(&["--config", config, "add", &url]);
    let fetched = home.run(&["fetch", "--config", config]);
    assert_eq!(stderr(&fetched), "Island Post: 3 new\n");
    assert_eq!(server.hits("/article-ferry.html"), 0, "feed text only");
    let listed = stdout(&home.run(&["feeds", "--config", config]));
    assert!(listed.contains("Island Post"), "{listed}");
    // A --config file that does not exist is an error, as for the reader.
    let missing = home.run(&["feeds", "--config", "/nonexistent/newsreader.toml"]);
    assert!(!missing.status.success());
    assert!(
        stderr(&missing).contains("nonexistent"),
        "{}",
        stderr(&missing)
    );
}
