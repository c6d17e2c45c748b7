//! What a page says about itself: JSON-LD `Article` objects (in arrays and
//! `@graph`s, references by `@id` followed), OpenGraph and other `<meta>` tags,
//! `<link rel=canonical>`, `<title>`.

use std::collections::HashMap;

use serde_json::Value;

use super::lines::{RawMeta, collapse};

/// JSON-LD objects looked at in one page, all blocks together.
const MAX_NODES: usize = 20_000;

/// The page's metadata, each field as the page gives it, cleaned of white space.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageMeta {
    /// JSON-LD `headline`.
    pub headline: Option<String>,
    /// `og:title`, then `twitter:title`.
    pub og_title: Option<String>,
    /// `<title>`.
    pub title: Option<String>,
    /// JSON-LD authors' names, in order.
    pub authors: Vec<String>,
    /// `<meta name=author>` / `article:author` (when a name, not a URL).
    pub meta_author: Option<String>,
    /// JSON-LD `publisher.name`.
    pub publisher: Option<String>,
    /// `og:site_name`, then `application-name`.
    pub site_name: Option<String>,
    /// JSON-LD `datePublished`, then `article:published_time` and the like, as
    /// `YYYY-MM-DD`.
    pub published: Option<String>,
    /// `<link rel=canonical>`, then `og:url`, then JSON-LD `url`.
    pub url: Option<String>,
}

/// Reads the raw tags.
pub fn interpret(raw: &RawMeta) -> PageMeta {
    let get = |keys: &[&str]| {
        keys.iter().find_map(|key| {
            raw.metas
                .iter()
                .find(|(k, v)| k == key && !v.trim().is_empty())
                .map(|(_, v)| collapse(v))
        })
    };
    let ld = json_ld(&raw.json_ld);
    let published = ld
        .date
        .as_deref()
        .and_then(iso_date)
        .or_else(|| {
            get(&[
                "article:published_time",
                "datepublished",
                "og:published_time",
                "published_time",
                "pubdate",
                "publishdate",
                "parsely-pub-date",
                "sailthru.date",
                "dc.date.issued",
                "dc.date",
                "date",
            ])
            .as_deref()
            .and_then(iso_date)
        })
        .or_else(|| raw.time.as_deref().and_then(iso_date));
    let meta_author = get(&[
        "author",
        "article:author",
        "parsely-author",
        "sailthru.author",
        "dc.creator",
    ])
    .filter(|a| !looks_like_url(a))
    .and_then(|a| clean_name(&a));
    PageMeta {
        headline: ld.headline,
        og_title: get(&["og:title", "twitter:title"]),
        title: raw.title.clone().filter(|t| !t.is_empty()),
        authors: ld.authors,
        meta_author,
        publisher: ld.publisher,
        site_name: get(&["og:site_name", "application-name", "al:ios:app_name"]),
        published,
        url: raw
            .canonical
            .clone()
            .or_else(|| get(&["og:url"]))
            .or(ld.url),
    }
}

/// What the JSON-LD says of the article.
#[derive(Debug, Default)]
struct LinkedData {
    headline: Option<String>,
    authors: Vec<String>,
    date: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
}

/// Types whose `headline`, `author` and `datePublished` are the page's article.
fn is_article_type(kind: &str) -> bool {
    kind.ends_with("Article")
        || matches!(
            kind,
            "BlogPosting"
                | "LiveBlogPosting"
                | "Report"
                | "Review"
                | "Recipe"
                | "WebPage"
                | "ItemPage"
        )
}

/// The most specific kind first: a `WebPage` only fills what no article gives.
fn type_rank(kind: &str) -> u8 {
    if kind.ends_with("Article") || kind.ends_with("Posting") {
        0
    } else if matches!(kind, "Report" | "Review" | "Recipe") {
        1
    } else {
        2
    }
}

fn json_ld(blocks: &[String]) -> LinkedData {
    let mut nodes: Vec<Value> = Vec::new();
    for block in blocks {
        // Raw line breaks and tabs inside strings are invalid JSON that pages
        // often contain; as spaces they are valid everywhere.
        let text: String = block
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        if let Ok(value) = serde_json::from_str::<Value>(text.trim().trim_end_matches(';')) {
            nodes.push(value);
        }
    }
    // Every object, flattened iteratively (arrays, @graph, nested objects).
    let mut objects: Vec<&serde_json::Map<String, Value>> = Vec::new();
    let mut todo: Vec<&Value> = nodes.iter().collect();
    let mut seen = 0;
    while let Some(value) = todo.pop() {
        seen += 1;
        if seen > MAX_NODES {
            break;
        }
        match value {
            Value::Array(items) => todo.extend(items.iter().rev()),
            Value::Object(map) => {
                objects.push(map);
                if let Some(graph) = map.get("@graph") {
                    todo.push(graph);
                }
                if let Some(main) = map.get("mainEntity") {
                    todo.push(main);
                }
            }
            _ => {}
        }
    }
    let by_id: HashMap<&str, &serde_json::Map<String, Value>> = objects
        .iter()
        .filter_map(|o| Some((o.get("@id")?.as_str()?, *o)))
        .filter(|(_, o)| o.len() > 1)
        .collect();
    let resolve = |value: &'_ Value| -> Option<Value> {
        match value {
            Value::Object(map) if map.len() == 1 => {
                let id = map.get("@id")?.as_str()?;
                by_id.get(id).map(|o| Value::Object((*o).clone()))
            }
            other => Some(other.clone()),
        }
    };
    let mut articles: Vec<(u8, &serde_json::Map<String, Value>)> = objects
        .iter()
        .filter_map(|o| {
            let rank = types(o)
                .iter()
                .filter(|t| is_article_type(t))
                .map(|t| type_rank(t))
                .min()?;
            Some((rank, *o))
        })
        .collect();
    articles.sort_by_key(|(rank, _)| *rank);
    let mut out = LinkedData::default();
    for (_, article) in articles {
        if out.headline.is_none() {
            out.headline = article
                .get("headline")
                .or_else(|| article.get("name"))
                .and_then(first_string)
                .map(|h| collapse(&h))
                .filter(|h| !h.is_empty());
        }
        if out.authors.is_empty()
            && let Some(author) = article.get("author").or_else(|| article.get("creator"))
        {
            let list: Vec<&Value> = match author {
                Value::Array(items) => items.iter().collect(),
                one => vec![one],
            };
            for item in list.into_iter().take(16) {
                let Some(item) = resolve(item) else { continue };
                let name = match &item {
                    Value::String(s) => Some(s.clone()),
                    Value::Object(map) => map.get("name").and_then(first_string),
                    _ => None,
                };
                if let Some(name) = name
                    .filter(|n| !looks_like_url(n))
                    .and_then(|n| clean_name(&n))
                    && !out.authors.contains(&name)
                {
                    out.authors.push(name);
                }
            }
        }
        if out.date.is_none() {
            out.date = article
                .get("datePublished")
                .or_else(|| article.get("dateCreated"))
                .and_then(first_string);
        }
        if out.publisher.is_none()
            && let Some(publisher) = article.get("publisher").and_then(resolve)
        {
            out.publisher = match &publisher {
                Value::String(s) => Some(s.clone()),
                Value::Object(map) => map.get("name").and_then(first_string),
                Value::Array(items) => items
                    .first()
                    .and_then(|p| p.get("name"))
                    .and_then(first_string),
                _ => None,
            }
            .map(|p| collapse(&p))
            .filter(|p| !p.is_empty());
        }
        if out.url.is_none() {
            out.url = article
                .get("url")
                .and_then(Value::as_str)
                .map(str::to_string);
        }
    }
    if out.publisher.is_none() {
        out.publisher = objects
            .iter()
            .find(|o| {
                types(o)
                    .iter()
                    .any(|t| *t == "NewsMediaOrganization" || *t == "WebSite")
            })
            .and_then(|o| o.get("name"))
            .and_then(first_string)
            .map(|p| collapse(&p))
            .filter(|p| !p.is_empty());
    }
    out
}

fn types(object: &serde_json::Map<String, Value>) -> Vec<&str> {
    match object.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn first_string(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Array(items) => items.iter().find_map(first_string),
        _ => None,
    }
}

fn looks_like_url(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with("http://")
        || t.starts_with("https://")
        || t.starts_with("www.")
        || t.starts_with('/')
}

/// A credited name as a reader sees it: white space collapsed, a leading "By"
/// dropped; nothing that is too long to be names.
fn clean_name(name: &str) -> Option<String> {
    let name = collapse(name);
    let name = name
        .strip_prefix("By ")
        .or_else(|| name.strip_prefix("by "))
        .or_else(|| name.strip_prefix("BY "))
        .unwrap_or(&name)
        .trim()
        .to_string();
    (!name.is_empty() && name.chars().count() <= 100).then_some(name)
}

/// `YYYY-MM-DD` from the start of an ISO 8601 date or timestamp.
pub fn iso_date(text: &str) -> Option<String> {
    let t = text.trim();
    let head = t.get(..10)?;
    let b = head.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    (digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10))
        .then(|| head.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw_with_ld(json: &str) -> RawMeta {
        RawMeta {
            json_ld: vec![json.to_string()],
            ..RawMeta::default()
        }
    }

    #[test]
    fn graph_references_resolve_to_names() {
        let raw = raw_with_ld(
            r##"{"@context":"https://schema.org","@graph":[
                {"@type":"Organization","@id":"#org","name":"The Daily Example"},
                {"@type":"Person","@id":"#p1","name":"Ana Ruiz"},
                {"@type":"NewsArticle","headline":"Bridge reopens","author":[{"@id":"#p1"}],
                 "publisher":{"@id":"#org"},"datePublished":"2024-03-05T10:00:00Z"}]}"##,
        );
        let meta = interpret(&raw);
        assert_eq!(meta.headline.as_deref(), Some("Bridge reopens"));
        assert_eq!(meta.authors, ["Ana Ruiz"]);
        assert_eq!(meta.publisher.as_deref(), Some("The Daily Example"));
        assert_eq!(meta.published.as_deref(), Some("2024-03-05"));
    }

    #[test]
    fn an_article_in_a_top_level_array_with_raw_line_breaks_is_read() {
        let raw = raw_with_ld(
            "[{\"@type\":\"WebSite\",\"name\":\"Site\"},{\"@type\":[\"BlogPosting\"],\"headline\":\"Two\nlines\",\"author\":\"By Kim Lee\"}]",
        );
        let meta = interpret(&raw);
        assert_eq!(meta.headline.as_deref(), Some("Two lines"));
        assert_eq!(meta.authors, ["Kim Lee"]);
        assert_eq!(meta.publisher.as_deref(), Some("Site"));
    }

    #[test]
    fn broken_json_ld_is_ignored() {
        let meta = interpret(&raw_with_ld("{\"@type\": \"NewsArticle\", \"headline\": "));
        assert_eq!(meta, PageMeta::default());
    }

    #[test]
    fn iso_dates_are_cut_to_the_day_and_others_refused() {
        assert_eq!(
            iso_date("2023-11-02T08:00:00+01:00").as_deref(),
            Some("2023-11-02")
        );
        assert_eq!(iso_date("Nov 2, 2023"), None);
        assert_eq!(iso_date("2023-1"), None);
    }
}
