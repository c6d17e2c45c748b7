//! The reader's background fetch: every subscription fetched into the library
//! on threads of their own while the loop keeps drawing and reading keys.
//! Progress goes to the status line, each new article into the list as soon
//! as it is final (its full text, or the feed's text), failures into the
//! closing summary.

use std::path::PathBuf;
use std::sync::mpsc::Sender;

use super::Message;
use crate::app::Action;
use crate::app::problems::FeedProblem;
use crate::article::Article;
use crate::article::sanitize::clean_line;
use crate::config::FeedsConfig;
use crate::store::library_db::LibraryDb;
use crate::store::marks::ArticleKey;
use crate::web::http::Client;
use crate::web::sync::{FetchEvent, FetchOptions, fetch_all};

/// Starts fetches for the loop.
pub(super) struct Fetcher {
    library: Option<PathBuf>,
    settings: FeedsConfig,
    tx: Sender<Message>,
}

impl Fetcher {
    pub(super) fn new(
        library: Option<PathBuf>,
        settings: FeedsConfig,
        tx: Sender<Message>,
    ) -> Self {
        Self {
            library,
            settings,
            tx,
        }
    }

    /// Fetches on a new thread; ends with [`Action::FetchFinished`].
    pub(super) fn start(&self) {
        let library = self.library.clone();
        let settings = self.settings.clone();
        let tx = self.tx.clone();
        let spawned = std::thread::Builder::new()
            .name("newsreader-feeds".into())
            .spawn(move || {
                let (text, error) = run(library, &settings, &tx);
                let _ = tx.send(Message::Action(Action::FetchFinished { text, error }));
            });
        if spawned.is_err() {
            let _ = self.tx.send(Message::Action(Action::FetchFinished {
                text: "could not start fetching".into(),
                error: true,
            }));
        }
    }
}

fn run(library: Option<PathBuf>, settings: &FeedsConfig, tx: &Sender<Message>) -> (String, bool) {
    let Some(path) = library else {
        return ("no library: no home folder; use --library".into(), true);
    };
    let mut db = match LibraryDb::open(&path) {
        Ok((db, _)) => db,
        Err(err) => return (format!("fetch: {err}"), true),
    };
    if let Err(err) = crate::web::sync::apply_settings(&mut db, settings) {
        return (format!("fetch: {err}"), true);
    }
    let options = FetchOptions {
        extract: Some(crate::article::parse_html),
        ..FetchOptions::default()
    };
    let send = |action| tx.send(Message::Action(action)).is_ok();
    let mut failures: Vec<String> = Vec::new();
    let mut new_total = 0;
    let result = fetch_all(
        &mut db,
        &Client::default(),
        &options,
        None,
        |event| match event {
            FetchEvent::Progress {
                feeds_done,
                feeds_total,
                new,
            } => {
                new_total = new;
                send(Action::Status(Some(progress(feeds_done, feeds_total, new))));
            }
            FetchEvent::Articles(articles) => {
                send(Action::ArticlesLoaded(articles.into()));
            }
            FetchEvent::Updated(changed) => {
                send(replaced(changed));
            }
            FetchEvent::Feed(report) => {
                if let crate::web::sync::FeedOutcome::Failed(error) = &report.outcome {
                    failures.push(format!("{}: {error}", report.title));
                }
            }
            FetchEvent::FullTextFailed { .. } => {}
        },
    );
    if let Ok(problems) = problems_in(&db) {
        send(Action::FeedProblems(problems));
    }
    match result {
        Err(err) => (format!("fetch: {err}"), true),
        Ok(reports) if reports.is_empty() => (
            "no subscriptions: add one with `newsreader add URL`".into(),
            false,
        ),
        Ok(reports) => summary(reports.len(), new_total, &failures),
    }
}

/// The subscriptions whose last fetch failed, for the problems view.
pub(super) fn problems_in(
    db: &LibraryDb,
) -> Result<Vec<FeedProblem>, crate::store::library_db::DbError> {
    Ok(db
        .subscriptions()?
        .iter()
        .filter(|s| s.last_ok == Some(false))
        .map(|s| {
            let error = s.last_result.as_deref().unwrap_or("failed");
            FeedProblem::new(s.title(), &s.url, error)
        })
        .collect())
}

/// The failing feeds of the library at `path`, if it is one (for the
/// problems view at start-up).
pub(super) fn problems_at(path: &std::path::Path) -> Option<Vec<FeedProblem>> {
    if !crate::store::library_db::is_database_file(path) {
        return None;
    }
    let db = LibraryDb::open_read_only(path).ok()?;
    problems_in(&db).ok()
}

/// The action that puts changed articles in place of those the reader
/// shows: the old ones keyed as the loader keyed them (cleaned first, as it
/// cleans what it reads from the library), the new ones hashed here.
fn replaced(changed: Vec<(Article, Article)>) -> Action {
    let (old, new): (Vec<Article>, Vec<Article>) = changed.into_iter().unzip();
    let old = old
        .into_iter()
        .map(|mut article| {
            crate::article::sanitize::clean_article(&mut article);
            ArticleKey::of(&article)
        })
        .collect();
    Action::ArticlesReplaced {
        old,
        new: new.into(),
    }
}

/// "fetching 12/48 feeds · 130 new"
pub(super) fn progress(done: usize, total: usize, new: usize) -> String {
    format!("fetching {done}/{total} feeds · {new} new")
}

/// The status line after a fetch: counts, and the first failure named.
pub(super) fn summary(feeds: usize, new: usize, failures: &[String]) -> (String, bool) {
    let plural = if feeds == 1 { "" } else { "s" };
    let mut text = format!("fetched {feeds} feed{plural} · {new} new");
    if let Some(first) = failures.first() {
        text.push_str(&format!(" · {} failed ({first}", failures.len()));
        if failures.len() > 1 {
            text.push_str(", …");
        }
        text.push(')');
    }
    (clean_line(&text).into_owned(), !failures.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_status_line_reads_like_a_sentence() {
        assert_eq!(progress(12, 48, 130), "fetching 12/48 feeds · 130 new");
        assert_eq!(
            summary(1, 0, &[]),
            ("fetched 1 feed · 0 new".to_string(), false)
        );
        assert_eq!(
            summary(
                3,
                5,
                &["Gazette: HTTP 404 Not Found".into(), "B: timed out".into()]
            ),
            (
                "fetched 3 feeds · 5 new · 2 failed (Gazette: HTTP 404 Not Found, …)".to_string(),
                true
            )
        );
    }
}
