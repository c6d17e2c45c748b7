//! The feed commands: `add`, `remove`, `feeds`, `fetch`, `import`, `export`,
//! and `newsreader URL`. Each opens the library, does its work in
//! transactions, and prints (cleaned) lines for people and scripts.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::article::sanitize::clean_line;
use crate::store::library_db::{self, LibraryDb};
use crate::web::feed;
use crate::web::http::{Client, Fetched, Page, Validators, parse_url};
use crate::web::opml;
use crate::web::sync::{self, Extract, FeedOutcome, FetchEvent, FetchOptions};

/// What every feed command needs: where the library is and how to fetch.
#[derive(Clone)]
pub struct FeedContext {
    pub library: PathBuf,
    pub client: Client,
    pub extract: Option<Extract>,
    /// The config file's `[feeds]`.
    pub settings: crate::config::FeedsConfig,
}

impl FeedContext {
    /// The library from `--library`, else `NEWSREADER_LIBRARY`, else the
    /// default place; the `[feeds]` settings from `config` (`--config`), else
    /// the default config file. A `--config` file that does not exist is an
    /// error, as it is for the reader.
    pub fn new(library: Option<&Path>, config: Option<&Path>) -> io::Result<Self> {
        let library = library_path(library)?;
        // Problems inside the file are the reader's to report (and
        // `--print-config`'s); the commands take what could be read.
        let config = match crate::config::Config::load(config) {
            Ok((config, _)) => config,
            Err(err) if config.is_some() => return Err(err),
            Err(_) => crate::config::Config::default(),
        };
        Ok(Self {
            library,
            client: Client::default(),
            extract: extractor(),
            settings: config.feeds,
        })
    }

    fn open(&self, err: &mut impl Write) -> io::Result<LibraryDb> {
        let (mut db, warning) = LibraryDb::open(&self.library)?;
        if let Some(warning) = warning {
            writeln!(err, "newsreader: {}", clean_line(&warning))?;
        }
        sync::apply_settings(&mut db, &self.settings)?;
        Ok(db)
    }

    fn fetch_options(&self) -> FetchOptions {
        FetchOptions {
            extract: self.extract,
            ..FetchOptions::default()
        }
    }
}

/// The library from `--library`, else `NEWSREADER_LIBRARY`, else the default place.
fn library_path(library: Option<&Path>) -> io::Result<PathBuf> {
    match library {
        Some(path) => Ok(path.to_path_buf()),
        None => library_db::default_path()
            .ok_or_else(|| io::Error::other("no home folder for the library; use --library PATH")),
    }
}

/// The article extractor for full text: the HTML pipeline.
pub fn extractor() -> Option<Extract> {
    Some(crate::article::parse_html)
}

/// Whether a command-line PATH is a web address to fetch.
pub fn is_url(path: &Path) -> bool {
    path.to_str().is_some_and(|p| {
        let lower = p.get(..8).unwrap_or(p).to_ascii_lowercase();
        lower.starts_with("http://") || lower.starts_with("https://")
    })
}

/// What to read when no PATH is given: the library when it holds articles,
/// else nothing (the bundled articles) and a hint how to fill it.
pub fn reading_paths(library: &Path) -> (Vec<PathBuf>, Option<String>) {
    let count = if library_db::is_database_file(library) {
        LibraryDb::open_read_only(library)
            .and_then(|db| db.article_count())
            .unwrap_or(0)
    } else {
        0
    };
    if count > 0 {
        (vec![library.to_path_buf()], None)
    } else {
        (
            Vec::new(),
            Some(
                "the library is empty: subscribe with `newsreader add URL`, then `newsreader fetch`"
                    .into(),
            ),
        )
    }
}

/// A URL's feed: the URL itself when it serves one, else the first feed the
/// page advertises. Returns the feed's URL and its parsed form.
fn resolve_feed(client: &Client, url: &str) -> Result<(String, feed::Feed), String> {
    let page = get_page(client, url)?;
    if !feed::looks_like_html(page.content_type.as_deref(), &page.body) {
        let parsed = feed::parse(&page.body, Some(page.url.as_str())).map_err(|e| e.to_string())?;
        return Ok((url.to_string(), parsed));
    }
    for link in advertised_feeds(&page) {
        if let Ok(resolved) = get_page(client, &link)
            && let Ok(parsed) = feed::parse(&resolved.body, Some(resolved.url.as_str()))
        {
            return Ok((link, parsed));
        }
    }
    Err("a web page that advertises no feed".into())
}

/// The feeds a page's HTML advertises (`<link rel="alternate" type="application/rss+xml">`).
fn advertised_feeds(page: &Page) -> Vec<String> {
    crate::article::html::feed_links(&page.body, Some(page.url.as_str()))
}

fn get_page(client: &Client, url: &str) -> Result<Page, String> {
    match client.get(url, &Validators::default()) {
        Ok(Fetched::Page(page)) => Ok(page),
        Ok(Fetched::NotModified) => Err("HTTP 304 without a request for it".into()),
        Err(err) => Err(err.to_string()),
    }
}

/// `newsreader add URL...`: subscribes to each; one line each on `out`,
/// failures on `err`; an error when any failed.
pub fn add(
    ctx: &FeedContext,
    urls: &[String],
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<()> {
    let mut db = ctx.open(err)?;
    let mut failed = 0;
    for url in urls {
        let url = match parse_url(url) {
            Ok(url) => url.to_string(),
            Err(e) => {
                writeln!(err, "newsreader: {}: {e}", clean_line(url))?;
                failed += 1;
                continue;
            }
        };
        match resolve_feed(&ctx.client, &url) {
            Ok((feed_url, parsed)) => {
                let added = db.add_subscription(&feed_url, None, None)?;
                if let Some(title) = &parsed.title {
                    db.set_feed_title(&feed_url, title)?;
                }
                let title = parsed.title.as_deref().unwrap_or(&feed_url);
                let verb = if added {
                    "subscribed to"
                } else {
                    "already subscribed to"
                };
                writeln!(
                    out,
                    "{verb} {} <{}>",
                    clean_line(title),
                    clean_line(&feed_url)
                )?;
            }
            Err(e) => {
                writeln!(err, "newsreader: {}: {}", clean_line(&url), clean_line(&e))?;
                failed += 1;
            }
        }
    }
    out.flush()?;
    failures(failed, urls.len(), "URL")
}

/// `newsreader remove URL...`.
pub fn remove(
    ctx: &FeedContext,
    urls: &[String],
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<()> {
    let mut db = ctx.open(err)?;
    let mut missing = 0;
    for url in urls {
        let normal = parse_url(url).map_or_else(|_| url.clone(), |u| u.to_string());
        if db.remove_subscription(&normal)? || db.remove_subscription(url)? {
            writeln!(out, "removed {}", clean_line(url))?;
        } else {
            writeln!(err, "newsreader: not subscribed to {}", clean_line(url))?;
            missing += 1;
        }
    }
    out.flush()?;
    failures(missing, urls.len(), "URL")
}

/// `newsreader feeds`: title, URL, articles, last fetch and its result,
/// tab-separated, one subscription a line.
pub fn feeds(ctx: &FeedContext, out: &mut impl Write, err: &mut impl Write) -> io::Result<()> {
    let db = ctx.open(err)?;
    for sub in db.subscriptions()? {
        let when = sub
            .last_fetch
            .and_then(|t| jiff::Timestamp::from_second(t).ok())
            .map_or_else(
                || "never fetched".to_string(),
                |t| t.strftime("%Y-%m-%d %H:%M UTC").to_string(),
            );
        let result = match (sub.last_ok, sub.last_result.as_deref()) {
            (Some(true), Some(message)) => message.to_string(),
            (Some(false), Some(message)) => format!("failed: {message}"),
            _ => String::new(),
        };
        writeln!(
            out,
            "{}\t{}\t{} articles\t{}\t{}",
            clean_line(sub.title()),
            clean_line(&sub.url),
            sub.articles,
            when,
            clean_line(&result)
        )?;
    }
    out.flush()
}

/// `newsreader fetch`: every subscription, one line per feed on `err`; an
/// error (exit status 1) when any failed, after everything else is saved.
pub fn fetch(ctx: &FeedContext, err: &mut impl Write) -> io::Result<()> {
    let mut db = ctx.open(err)?;
    let mut write_failed = None;
    let reports = sync::fetch_all(&mut db, &ctx.client, &ctx.fetch_options(), None, |event| {
        if let FetchEvent::Feed(report) = event
            && let Err(e) = writeln!(err, "{}", feed_line(&report))
        {
            write_failed = Some(e);
        }
    })?;
    if let Some(e) = write_failed {
        return Err(e);
    }
    let failed = reports.iter().filter(|r| r.failed()).count();
    failures(failed, reports.len(), "feed")
}

/// One line of `fetch`'s report.
pub fn feed_line(report: &sync::FeedReport) -> String {
    let what = match &report.outcome {
        FeedOutcome::Fetched { new, updated: 0 } => format!("{new} new"),
        FeedOutcome::Fetched { new, updated } => format!("{new} new, {updated} updated"),
        FeedOutcome::NotModified => "not modified".into(),
        FeedOutcome::Waiting { until } => {
            let when = jiff::Timestamp::from_second(*until).map_or_else(
                |_| until.to_string(),
                |t| t.strftime("%Y-%m-%d %H:%M UTC").to_string(),
            );
            format!("skipped until {when} (the server asked to wait, or it kept failing)")
        }
        FeedOutcome::Failed(error) => format!("failed: {error}"),
    };
    format!("{}: {}", clean_line(&report.title), clean_line(&what))
}

fn failures(failed: usize, total: usize, what: &str) -> io::Result<()> {
    if failed == 0 {
        Ok(())
    } else {
        Err(io::Error::other(format!(
            "{failed} of {total} {what}s failed"
        )))
    }
}

/// `newsreader import FILE.opml`.
pub fn import(
    ctx: &FeedContext,
    file: &Path,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<()> {
    let bytes = std::fs::read(file)
        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", file.display())))?;
    if bytes.len() > 20 * 1024 * 1024 {
        return Err(io::Error::other(format!(
            "{}: larger than 20 MB",
            file.display()
        )));
    }
    let text = String::from_utf8_lossy(&bytes);
    let entries =
        opml::parse(&text).map_err(|e| io::Error::other(format!("{}: {e}", file.display())))?;
    let mut db = ctx.open(err)?;
    let (mut added, mut skipped) = (0, 0);
    for entry in &entries {
        let Ok(url) = parse_url(&entry.url) else {
            writeln!(
                err,
                "newsreader: skipped {}: not an http(s) URL",
                clean_line(&entry.url)
            )?;
            skipped += 1;
            continue;
        };
        let url = url.to_string();
        if db.add_subscription(&url, None, entry.folder.as_deref())? {
            if let Some(title) = &entry.title {
                db.set_feed_title(&url, title)?;
            }
            added += 1;
        } else {
            skipped += 1;
        }
    }
    writeln!(out, "imported {added} subscriptions ({skipped} skipped)")?;
    out.flush()
}

/// `newsreader export`: OPML 2.0 on `out`.
pub fn export(ctx: &FeedContext, out: &mut impl Write, err: &mut impl Write) -> io::Result<()> {
    let db = ctx.open(err)?;
    let entries: Vec<opml::Entry> = db
        .subscriptions()?
        .into_iter()
        .map(|s| opml::Entry {
            title: Some(s.title().to_string()),
            url: s.url,
            folder: s.folder,
        })
        .collect();
    let text = opml::write(&entries).map_err(io::Error::other)?;
    out.write_all(text.as_bytes())?;
    writeln!(out)?;
    out.flush()
}

/// `newsreader URL...`: each URL fetched; a feed is subscribed to and
/// fetched, a page extracted and stored. The library then holds them, newest
/// first, for the reader to show.
pub fn open_urls(ctx: &FeedContext, urls: &[String], err: &mut impl Write) -> io::Result<()> {
    let mut db = ctx.open(err)?;
    let mut failed = 0;
    for url in urls {
        if let Err(e) = open_url(ctx, &mut db, url) {
            writeln!(err, "newsreader: {}: {}", clean_line(url), clean_line(&e))?;
            failed += 1;
        }
    }
    failures(failed, urls.len(), "URL")
}

fn open_url(ctx: &FeedContext, db: &mut LibraryDb, url: &str) -> Result<(), String> {
    let url = parse_url(url).map_err(|e| e.to_string())?.to_string();
    let page = get_page(&ctx.client, &url)?;
    if !feed::looks_like_html(page.content_type.as_deref(), &page.body) {
        let parsed = feed::parse(&page.body, Some(page.url.as_str())).map_err(|e| e.to_string())?;
        db.add_subscription(&url, None, None)
            .map_err(|e| e.to_string())?;
        if let Some(title) = &parsed.title {
            db.set_feed_title(&url, title).map_err(|e| e.to_string())?;
        }
        let only = [url.clone()];
        let reports = sync::fetch_all(db, &ctx.client, &ctx.fetch_options(), Some(&only), |_| {})
            .map_err(|e| e.to_string())?;
        return match reports.first().map(|r| &r.outcome) {
            Some(FeedOutcome::Failed(e)) => Err(e.clone()),
            _ => Ok(()),
        };
    }
    let extract = ctx
        .extract
        .ok_or("web pages need the HTML article extractor, which this build lacks")?;
    let mut article = extract(&page.body, Some(&url));
    if article.body.is_empty() {
        return Err("no article text found on the page".into());
    }
    article.url = Some(url.clone());
    article.path = url.clone();
    if article.source.is_none() {
        article.source = page.url.host_str().map(str::to_string);
    }
    crate::article::sanitize::clean_article(&mut article);
    db.save_page(&url, &article).map_err(|e| e.to_string())
}

/// The PATHs to read for `newsreader`, `list` and `parse`: URLs among them
/// are fetched into the library (which then stands in for them); no PATH at
/// all means the library, or the bundled articles and a hint while it is empty.
pub fn reading(
    paths: &[PathBuf],
    library: Option<&Path>,
    config: Option<&Path>,
    err: &mut impl Write,
) -> io::Result<(Vec<PathBuf>, Option<String>)> {
    let (urls, mut files): (Vec<&PathBuf>, Vec<&PathBuf>) = paths.iter().partition(|p| is_url(p));
    if paths.is_empty() {
        let Ok(library) = library_path(library) else {
            return Ok((Vec::new(), None));
        };
        return Ok(reading_paths(&library));
    }
    if urls.is_empty() {
        return Ok((paths.to_vec(), None));
    }
    let ctx = FeedContext::new(library, config)?;
    let urls: Vec<String> = urls
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    open_urls(&ctx, &urls, err)?;
    let mut out: Vec<PathBuf> = files.drain(..).cloned().collect();
    out.push(ctx.library.clone());
    Ok((out, None))
}

/// Runs a feed subcommand, with the `[feeds]` settings of `config`
/// (`--config`), else of the default config file.
pub fn run(
    command: crate::cli::Command,
    library: Option<&Path>,
    config: Option<&Path>,
) -> io::Result<()> {
    use crate::cli::Command;
    let ctx = FeedContext::new(library, config)?;
    let (mut out, mut err) = (io::stdout().lock(), io::stderr());
    match command {
        Command::Add { urls } => add(&ctx, &urls, &mut out, &mut err),
        Command::Remove { urls } => remove(&ctx, &urls, &mut out, &mut err),
        Command::Feeds => feeds(&ctx, &mut out, &mut err),
        Command::Fetch => fetch(&ctx, &mut err),
        Command::Import { file } => import(&ctx, &file, &mut out, &mut err),
        Command::Export => export(&ctx, &mut out, &mut err),
        other => Err(io::Error::other(format!("not a feed command: {other:?}"))),
    }
}

/// The variable that sets how stale the library may be before the reader
/// fetches as it starts, in minutes (30 by default; 0: never).
pub const FETCH_INTERVAL_ENV: &str = "NEWSREADER_FETCH_INTERVAL";

/// Minutes between automatic fetches: `NEWSREADER_FETCH_INTERVAL`, else the
/// config file's `[feeds] fetch_interval` (`configured`).
pub fn fetch_interval_minutes(configured: u16) -> u64 {
    std::env::var(FETCH_INTERVAL_ENV)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(u64::from(configured))
}

/// Whether the reader should fetch as it starts: the library has
/// subscriptions and none was fetched within the interval (minutes; 0 never).
pub fn fetch_due(library: &Path, minutes: u64) -> bool {
    if minutes == 0 || !library_db::is_database_file(library) {
        return false;
    }
    let Ok(db) = LibraryDb::open_read_only(library) else {
        return false;
    };
    if db.subscriptions().map_or(true, |s| s.is_empty()) {
        return false;
    }
    let now = jiff::Timestamp::now().as_second();
    match db.last_fetch() {
        Ok(Some(last)) => now - last >= (minutes as i64).saturating_mul(60),
        Ok(None) => true,
        Err(_) => false,
    }
}
