//! Fetching every subscription into the library: the feeds on the worker
//! pool, each feed's items stored as soon as it arrives, then the full
//! article behind each new item. The calling thread owns the database and
//! does all the writing; the workers only talk HTTP and parse.

use std::time::Duration;

use super::feed::{self, Feed};
use super::fetch::{Limits, Pool};
use super::http::{Client, Fetched, Validators};
use crate::article::Article;
use crate::store::library_db::{FetchRecord, LibraryDb, Subscription};

/// Turns a fetched page into an article: the HTML pipeline's
/// `article::parse_html(bytes, Some(url))`.
pub type Extract = fn(&[u8], Option<&str>) -> Article;

/// What fetching one subscription gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedOutcome {
    Fetched {
        new: usize,
        updated: usize,
    },
    NotModified,
    /// Not fetched: the server asked us to wait, or it failed repeatedly.
    Waiting {
        until: i64,
    },
    Failed(String),
}

/// One subscription's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedReport {
    pub url: String,
    pub title: String,
    pub outcome: FeedOutcome,
}

impl FeedReport {
    pub fn failed(&self) -> bool {
        matches!(self.outcome, FeedOutcome::Failed(_))
    }
}

/// What a fetch tells its caller while it runs.
#[derive(Debug, Clone)]
pub enum FetchEvent {
    /// A subscription is done (its full articles may still be coming).
    Feed(FeedReport),
    /// New articles, each once, as they will stay: with its full text, or
    /// with the feed's text when there is none to fetch or it failed. For the
    /// reader to add to its list.
    Articles(Vec<Article>),
    /// Articles that changed, each as the reader may show it (as it was
    /// stored before) and as it is now: an item whose feed text changed, or
    /// whose full text arrived after an earlier fetch stored its feed text.
    Updated(Vec<(Article, Article)>),
    /// Feeds done of the total, and new articles so far.
    Progress {
        feeds_done: usize,
        feeds_total: usize,
        new: usize,
    },
    /// A full article could not be fetched or extracted (its feed text stays).
    FullTextFailed { url: String, error: String },
}

/// How a fetch runs.
#[derive(Clone, Default)]
pub struct FetchOptions {
    pub limits: Limits,
    /// The article extractor; without one, items keep their feed text (and
    /// get their full text on a later fetch that has one).
    pub extract: Option<Extract>,
    /// Fetch a feed even while it is backing off.
    pub ignore_backoff: bool,
}

enum Job {
    Feed(Subscription),
    FullText {
        article_id: i64,
        is_new: bool,
        link: String,
        feed_text: Article,
        /// What a reader shows for it now, when it is not new.
        was: Option<Box<Article>>,
    },
}

// One result per HTTP request: the size of a move is nothing next to it.
#[allow(clippy::large_enum_variant)]
enum Done {
    Feed(
        Subscription,
        Result<Option<(Feed, Validators)>, String>,
        Option<Duration>,
    ),
    FullText {
        article_id: i64,
        is_new: bool,
        link: String,
        feed_text: Box<Article>,
        was: Option<Box<Article>>,
        result: Result<Box<Article>, String>,
    },
}

/// Fetches `subscriptions` (all of them when None) into `db`, reporting as it
/// goes; returns one report per subscription, in the order they finished.
pub fn fetch_all(
    db: &mut LibraryDb,
    client: &Client,
    options: &FetchOptions,
    only: Option<&[String]>,
    mut events: impl FnMut(FetchEvent),
) -> Result<Vec<FeedReport>, crate::store::library_db::DbError> {
    let now = jiff::Timestamp::now().as_second();
    let subscriptions: Vec<Subscription> = db
        .subscriptions()?
        .into_iter()
        .filter(|s| only.is_none_or(|urls| urls.contains(&s.url)))
        .collect();
    let feeds_total = subscriptions.len();
    let mut reports = Vec::new();
    let mut new_total = 0;
    let extract = options.extract;
    let pool = {
        let client = client.clone();
        Pool::new(options.limits, move |job| run(&client, extract, job))
    };
    let mut outstanding = 0usize;
    for subscription in subscriptions {
        match subscription.retry_at {
            Some(until) if until > now && !options.ignore_backoff => {
                let report = FeedReport {
                    url: subscription.url.clone(),
                    title: subscription.title().to_string(),
                    outcome: FeedOutcome::Waiting { until },
                };
                events(FetchEvent::Feed(report.clone()));
                reports.push(report);
            }
            _ => {
                pool.submit(&host_of(&subscription.url), Job::Feed(subscription));
                outstanding += 1;
            }
        }
    }
    events(FetchEvent::Progress {
        feeds_done: reports.len(),
        feeds_total,
        new: 0,
    });
    while outstanding > 0 {
        let Some(done) = pool.recv() else { break };
        outstanding -= 1;
        match done {
            Done::Feed(subscription, result, retry_after) => {
                let (report, stored) = store_feed(db, &subscription, result, retry_after, now)?;
                if let FeedOutcome::Fetched { new, .. } = report.outcome {
                    new_total += new;
                }
                if let Some((new_ids, wanted, mut previous)) = stored {
                    let wanted = if extract.is_some() {
                        wanted
                    } else {
                        Vec::new()
                    };
                    let mut ready = Vec::new();
                    for id in &new_ids {
                        if !wanted.iter().any(|(w, _)| w == id)
                            && let Some(article) = db.article(*id)?
                        {
                            ready.push(article);
                        }
                    }
                    if !ready.is_empty() {
                        events(FetchEvent::Articles(ready));
                    }
                    // Changed items with no full text to wait for are final now.
                    let mut changed = Vec::new();
                    for (id, before) in std::mem::take(&mut previous) {
                        if wanted.iter().any(|(w, _)| *w == id) {
                            previous.push((id, before));
                        } else if let Some(now) = db.article(id)? {
                            changed.push((before, now));
                        }
                    }
                    if !changed.is_empty() {
                        events(FetchEvent::Updated(changed));
                    }
                    for (article_id, link) in wanted {
                        let Some(feed_text) = db.article(article_id)? else {
                            continue;
                        };
                        let is_new = new_ids.contains(&article_id);
                        // A changed item was shown as it was; one whose full
                        // text an earlier fetch did not get, with its feed text.
                        let was = match previous.iter().position(|(id, _)| *id == article_id) {
                            Some(at) => Some(Box::new(previous.swap_remove(at).1)),
                            None if is_new => None,
                            None => Some(Box::new(feed_text.clone())),
                        };
                        pool.submit(
                            &host_of(&link),
                            Job::FullText {
                                article_id,
                                is_new,
                                link,
                                feed_text,
                                was,
                            },
                        );
                        outstanding += 1;
                    }
                }
                events(FetchEvent::Feed(report.clone()));
                reports.push(report);
                events(FetchEvent::Progress {
                    feeds_done: reports.len(),
                    feeds_total,
                    new: new_total,
                });
            }
            Done::FullText {
                article_id,
                is_new,
                link,
                feed_text,
                was,
                result,
            } => {
                let shown = match result {
                    Ok(article) => {
                        db.save_full_text(article_id, Some(&article))?;
                        *article
                    }
                    Err(error) => {
                        db.save_full_text(article_id, None)?;
                        events(FetchEvent::FullTextFailed { url: link, error });
                        *feed_text
                    }
                };
                if is_new {
                    events(FetchEvent::Articles(vec![shown]));
                } else if let Some(was) = was
                    && *was != shown
                {
                    events(FetchEvent::Updated(vec![(*was, shown)]));
                }
            }
        }
    }
    Ok(reports)
}

/// The new articles' ids, the (id, link) of those whose full text is wanted,
/// and the changed ones as they were before.
type Stored = Option<(Vec<i64>, Vec<(i64, String)>, Vec<(i64, Article)>)>;

fn store_feed(
    db: &mut LibraryDb,
    subscription: &Subscription,
    result: Result<Option<(Feed, Validators)>, String>,
    retry_after: Option<Duration>,
    now: i64,
) -> Result<(FeedReport, Stored), crate::store::library_db::DbError> {
    let report = |title: &str, outcome| FeedReport {
        url: subscription.url.clone(),
        title: title.to_string(),
        outcome,
    };
    match result {
        Ok(None) => {
            let record = FetchRecord {
                ok: true,
                message: "not modified".into(),
                ..FetchRecord::default()
            };
            db.record_fetch(subscription, &record)?;
            Ok((report(subscription.title(), FeedOutcome::NotModified), None))
        }
        Ok(Some((feed, validators))) => {
            let record = FetchRecord {
                ok: true,
                message: String::new(),
                validators: Some(validators),
                feed_title: feed.title.clone(),
                site_url: feed.site_url.clone(),
                retry_at: None,
            };
            let mut outcome = db.save_feed(subscription, &feed.items, &record)?;
            let message = if outcome.updated > 0 {
                format!("{} new, {} updated", outcome.new, outcome.updated)
            } else {
                format!("{} new", outcome.new)
            };
            db.record_fetch(
                subscription,
                &FetchRecord {
                    message,
                    ..record.clone()
                },
            )?;
            let title = subscription
                .title_override
                .clone()
                .or(feed.title)
                .unwrap_or_else(|| subscription.url.clone());
            let wanted = std::mem::take(&mut outcome.want_full_text);
            Ok((
                report(
                    &title,
                    FeedOutcome::Fetched {
                        new: outcome.new,
                        updated: outcome.updated,
                    },
                ),
                Some((
                    std::mem::take(&mut outcome.new_ids),
                    wanted,
                    std::mem::take(&mut outcome.previous),
                )),
            ))
        }
        Err(error) => {
            let failures = subscription.failures.saturating_add(1);
            let retry_at = retry_after
                .map(|wait| now + wait.as_secs() as i64)
                .or_else(|| backoff(failures).map(|wait| now + wait));
            let record = FetchRecord {
                ok: false,
                message: error.clone(),
                retry_at,
                ..FetchRecord::default()
            };
            db.record_fetch(subscription, &record)?;
            Ok((
                report(subscription.title(), FeedOutcome::Failed(error)),
                None,
            ))
        }
    }
}

/// Puts the config file's per-subscription settings (`[feeds."URL"]`: title,
/// folder, full text) into the library, for the subscriptions it has.
pub fn apply_settings(
    db: &mut LibraryDb,
    settings: &crate::config::FeedsConfig,
) -> Result<(), crate::store::library_db::DbError> {
    for sub in &settings.subscriptions {
        let url =
            url::Url::parse(sub.url.trim()).map_or_else(|_| sub.url.clone(), |u| u.to_string());
        db.configure_subscription(
            &url,
            sub.title.as_deref(),
            sub.folder.as_deref(),
            sub.full_text,
        )?;
    }
    Ok(())
}

/// Seconds to wait after `failures` failures in a row: nothing after the
/// first (it may have been a blip), then 15 minutes doubling up to a day.
pub fn backoff(failures: u32) -> Option<i64> {
    if failures < 2 {
        return None;
    }
    let doubling = (failures - 2).min(7);
    Some((15 * 60 * (1i64 << doubling)).min(24 * 3600))
}

fn run(client: &Client, extract: Option<Extract>, job: Job) -> Done {
    match job {
        Job::Feed(subscription) => {
            let (result, retry_after) = fetch_feed(client, &subscription);
            Done::Feed(subscription, result, retry_after)
        }
        Job::FullText {
            article_id,
            is_new,
            link,
            feed_text,
            was,
        } => {
            let result = match extract {
                Some(extract) => fetch_full_text(client, extract, &link, &feed_text),
                None => Err("no article extractor".into()),
            };
            Done::FullText {
                article_id,
                is_new,
                link,
                feed_text: Box::new(feed_text),
                was,
                result: result.map(Box::new),
            }
        }
    }
}

type FeedResult = Result<Option<(Feed, Validators)>, String>;

fn fetch_feed(client: &Client, subscription: &Subscription) -> (FeedResult, Option<Duration>) {
    match client.get(&subscription.url, &subscription.validators) {
        Ok(Fetched::NotModified) => (Ok(None), None),
        Ok(Fetched::Page(page)) => {
            let parsed = feed::parse(&page.body, Some(page.url.as_str()))
                .map(|feed| Some((feed, page.validators)))
                .map_err(|err| err.to_string());
            (parsed, None)
        }
        Err(err) => {
            let wait = err.retry_after;
            (Err(err.to_string()), wait)
        }
    }
}

/// Fetches the page behind an item and extracts the article; the feed's
/// source and the item's link stay its source and URL.
pub fn fetch_full_text(
    client: &Client,
    extract: Extract,
    link: &str,
    feed_text: &Article,
) -> Result<Article, String> {
    let page = match client.get(link, &Validators::default()) {
        Ok(Fetched::Page(page)) => page,
        Ok(Fetched::NotModified) => return Err("HTTP 304 without a request for it".into()),
        Err(err) => return Err(err.to_string()),
    };
    if !feed::looks_like_html(page.content_type.as_deref(), &page.body) {
        return Err("not a web page".into());
    }
    let mut article = extract(&page.body, Some(link));
    if article.body.is_empty() {
        return Err("no article text found on the page".into());
    }
    merge_feed_fields(&mut article, feed_text, link);
    crate::article::sanitize::clean_article(&mut article);
    Ok(article)
}

/// The page's article with the feed's knowledge where the page had none.
fn merge_feed_fields(article: &mut Article, feed_text: &Article, link: &str) {
    article.source = feed_text.source.clone();
    article.url = Some(link.to_string());
    article.path = link.to_string();
    if article.title.trim().is_empty() {
        article.title = feed_text.title.clone();
    }
    if article.published.is_none() {
        article.published = feed_text.published.clone();
    }
    if article.byline.is_none() {
        article.byline = feed_text.byline.clone();
    }
    if article.dek.is_none() {
        article.dek = feed_text.dek.clone();
    }
}

/// The host part of a URL, for the per-host limit.
pub fn host_of(url: &str) -> String {
    url::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_then_stops_at_a_day() {
        assert_eq!(backoff(1), None);
        assert_eq!(backoff(2), Some(15 * 60));
        assert_eq!(backoff(3), Some(30 * 60));
        assert_eq!(backoff(7), Some(8 * 3600));
        assert_eq!(backoff(40), Some(24 * 3600));
    }
}
