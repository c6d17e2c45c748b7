//! Feeds (RSS 0.9–2.0, Atom, JSON Feed) read with feed-rs into items the
//! library can store, each with an identity that survives a re-fetch.

use std::fmt;

use sha2::{Digest, Sha256};

use super::text;
use crate::article::{Article, model::count_words};

/// Most items taken from one feed: a legitimate feed carries tens or hundreds;
/// more is a broken or hostile server, refused as a whole with a clear error.
pub const MAX_ITEMS: usize = 10_000;

/// A parsed feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed {
    pub title: Option<String>,
    /// The site the feed belongs to.
    pub site_url: Option<String>,
    pub items: Vec<Item>,
}

/// One entry of a feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Identity within the feed: the GUID/id, else the link, else title and
    /// date; the same item fetched again has the same key.
    pub key: String,
    pub link: Option<String>,
    pub title: String,
    /// The feed's own text for the item (content, else summary), as paragraphs.
    pub paragraphs: Vec<String>,
    /// The summary when the feed has content as well.
    pub summary: Option<String>,
    pub byline: Option<String>,
    /// Publication (else update) time, seconds since the epoch.
    pub published: Option<i64>,
}

/// Why a body is not a feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedError {
    /// Not RSS, Atom or JSON Feed, or broken XML/JSON.
    Invalid(String),
    TooManyItems(usize),
}

impl fmt::Display for FeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FeedError::Invalid(why) => write!(f, "not a valid feed: {why}"),
            FeedError::TooManyItems(count) => {
                write!(f, "feed has {count} items, more than {MAX_ITEMS}")
            }
        }
    }
}

impl std::error::Error for FeedError {}

/// Parses a feed; relative links resolve against `base_url`.
pub fn parse(bytes: &[u8], base_url: Option<&str>) -> Result<Feed, FeedError> {
    let parser = feed_rs::parser::Builder::new()
        .base_uri(base_url)
        // An empty id tells us the feed had none, so our own rule applies.
        .id_generator(|_, _, _| String::new())
        .sanitize_content(false)
        .build();
    let feed = parser.parse(bytes).map_err(|err| {
        let why = err.to_string();
        // feed-rs may quote a whole line of the body; keep the message short.
        FeedError::Invalid(why.chars().take(200).collect())
    })?;
    if feed.entries.len() > MAX_ITEMS {
        return Err(FeedError::TooManyItems(feed.entries.len()));
    }
    let site_url = feed
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .map(|l| l.href.clone());
    let items = feed.entries.into_iter().map(item).collect();
    Ok(Feed {
        title: feed
            .title
            .map(|t| one_line(&t.content))
            .filter(|t| !t.is_empty()),
        site_url,
        items,
    })
}

fn item(entry: feed_rs::model::Entry) -> Item {
    let link = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(entry.links.first())
        .map(|l| l.href.trim().to_string())
        .filter(|l| !l.is_empty());
    let title = entry
        .title
        .as_ref()
        .map(|t| one_line(&t.content))
        .unwrap_or_default();
    let published = entry.published.or(entry.updated).map(|t| t.timestamp());
    let summary = entry.summary.as_ref().map(|s| s.content.as_str());
    let content = entry.content.as_ref().and_then(|c| c.body.as_deref());
    let (paragraphs, summary) = match (content, summary) {
        (Some(content), summary) if !content.trim().is_empty() => (
            text::paragraphs(content),
            summary
                .map(|s| text::paragraphs(s).join(" "))
                .filter(|s| !s.is_empty()),
        ),
        (_, Some(summary)) => (text::paragraphs(summary), None),
        _ => (Vec::new(), None),
    };
    let byline = entry
        .authors
        .iter()
        .filter_map(|p| p.name.as_deref().map(one_line))
        .filter(|n| !n.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let key = if !entry.id.trim().is_empty() {
        format!("id:{}", entry.id.trim())
    } else if let Some(link) = &link {
        format!("link:{link}")
    } else {
        format!("title:{title}|{}", published.unwrap_or_default())
    };
    Item {
        key,
        link,
        title,
        paragraphs,
        summary,
        byline: (!byline.is_empty()).then_some(byline),
        published,
    }
}

/// Feed titles and names may carry markup and line breaks.
fn one_line(text: &str) -> String {
    text::paragraphs(text).join(" ")
}

impl Item {
    /// A digest of what the feed says about the item: when it changes, the
    /// stored article is updated in place.
    pub fn fingerprint(&self) -> String {
        let mut hash = Sha256::new();
        for part in [
            self.title.as_str(),
            self.link.as_deref().unwrap_or(""),
            self.summary.as_deref().unwrap_or(""),
            self.byline.as_deref().unwrap_or(""),
        ] {
            hash.update(part.as_bytes());
            hash.update([0]);
        }
        for paragraph in &self.paragraphs {
            hash.update(paragraph.as_bytes());
            hash.update([0]);
        }
        hash.update(self.published.unwrap_or_default().to_le_bytes());
        hash.finalize()
            .iter()
            .take(16)
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// The item as an article from the feed's own text; `source` is the
    /// feed's title. Cleaned for the terminal.
    pub fn to_article(&self, source: &str) -> Article {
        let title = if self.title.is_empty() {
            self.link.clone().unwrap_or_else(|| "(untitled)".into())
        } else {
            self.title.clone()
        };
        let mut article = Article {
            title,
            dek: self.summary.clone(),
            byline: self.byline.clone(),
            source: (!source.is_empty()).then(|| source.to_string()),
            published: self.published.and_then(iso_date),
            url: self.link.clone(),
            word_count: count_words(&self.paragraphs),
            body: self.paragraphs.clone(),
            links: self.link.iter().cloned().collect(),
            path: self.link.clone().unwrap_or_else(|| self.key.clone()),
            ..Article::default()
        };
        crate::article::sanitize::clean_article(&mut article);
        article
    }
}

/// `YYYY-MM-DD` of a Unix time, in UTC.
pub fn iso_date(seconds: i64) -> Option<String> {
    let ts = jiff::Timestamp::from_second(seconds).ok()?;
    Some(ts.strftime("%Y-%m-%d").to_string())
}

/// Whether a response is a web page rather than a feed.
pub fn looks_like_html(content_type: Option<&str>, body: &[u8]) -> bool {
    if content_type.is_some_and(|t| t.to_ascii_lowercase().contains("html")) {
        return true;
    }
    let start: Vec<u8> = body
        .iter()
        .skip_while(|b| b.is_ascii_whitespace() || **b == 0xef || **b == 0xbb || **b == 0xbf)
        .take(15)
        .map(u8::to_ascii_lowercase)
        .collect();
    start.starts_with(b"<!doctype html") || start.starts_with(b"<html")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_declared_in_a_dtd_are_never_expanded() {
        let bytes = include_bytes!("../../tests/fixtures/web/billion-laughs.xml");
        match parse(bytes, None) {
            Err(FeedError::Invalid(_)) => {}
            Ok(feed) => {
                let text = format!("{feed:?}");
                assert!(!text.contains("lollol"), "{}", &text[..200.min(text.len())]);
            }
            Err(other) => panic!("{other}"),
        }
    }

    #[test]
    fn identity_is_the_id_else_the_link_else_title_and_date() {
        let rss = br#"<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
            <item><title>A</title><guid>g-1</guid><link>http://127.0.0.1/a</link></item>
            <item><title>B</title><link>http://127.0.0.1/b</link></item>
            <item><title>C</title><pubDate>Sat, 28 Feb 2026 16:00:00 GMT</pubDate></item>
            </channel></rss>"#;
        let feed = parse(rss, None).unwrap();
        let keys: Vec<&str> = feed.items.iter().map(|i| i.key.as_str()).collect();
        assert_eq!(
            keys,
            ["id:g-1", "link:http://127.0.0.1/b", "title:C|1772294400"]
        );
    }

    #[test]
    fn pages_are_told_from_feeds() {
        assert!(looks_like_html(Some("text/html; charset=utf-8"), b"<rss>"));
        assert!(looks_like_html(
            None,
            b"\xef\xbb\xbf  <!DOCTYPE html><html>"
        ));
        assert!(!looks_like_html(
            Some("application/rss+xml"),
            b"<?xml version=\"1.0\"?><rss>"
        ));
    }
}
