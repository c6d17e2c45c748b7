//! HTML pages → [`Article`]: one pipeline with text input, not a second parser.
//!
//! 1. `decode`: bytes to text (BOM, UTF-8, the declared charset, Windows-1252).
//! 2. `lines`: the page's visible text as the lines a browser shows, each line
//!    knowing the elements it sits in (heading level, `<nav>`, `<figure>`, list
//!    item, …), its link density and its elements' class/id words.
//! 3. Here: lines that the markup clearly marks as furniture are dropped
//!    (landmarks such as `<nav>`/`<footer>`/`<aside>`/`<form>`, lists that are
//!    mostly links, elements whose class says related/share/promo/comments/…,
//!    figures, whose captions are kept as captions); the rest goes to the text
//!    parser ([`crate::article::parse`]).
//! 4. `meta`: the page's own metadata then fills and corrects what the text
//!    cannot say for sure: the visible `<h1>` is the title (the one matching
//!    `og:title`/`<title>` when there are several), the byline from JSON-LD or
//!    `<meta name=author>` when those names are shown on the page, the source
//!    from the publisher or site name, the date, the canonical URL.

mod decode;
mod lines;
mod meta;
mod story;

pub use decode::declared as declared_charset;
pub use lines::{Line, Page, read as read_lines};
pub use meta::{PageMeta, interpret as interpret_meta};

use url::Url;

use crate::article::model::{Article, count_words};
use lines::{BlockKind, Heading, inside, words};

/// Parses one HTML page (raw bytes, any charset) into an Article.
pub fn parse_html(bytes: &[u8], page_url: Option<&str>) -> Article {
    let Prepared {
        page,
        meta,
        headline,
        dropped,
        story,
        text,
    } = prepare(bytes);
    let base = base_url(&page, &meta, page_url);
    let mut article = crate::article::parse(&text);

    if let Some((_, text)) = &headline {
        let title = crate::article::decode::normalise(text);
        article.body.retain(|p| !same_text(p, &title));
        article.title = title;
    }
    story::complete(&page, &dropped, story, &mut article);
    fill_byline(&mut article, &page, &meta);
    let url = meta
        .url
        .as_deref()
        .and_then(|u| resolve(u, base.as_ref()))
        .or_else(|| page_url.map(str::to_string))
        .or(article.url.take());
    if let Some(source) = meta.site_name.clone().or(meta.publisher.clone()) {
        article.source = Some(source);
    } else if article.source.is_none() {
        article.source = url.as_deref().and_then(host_of);
    }
    article.url = url;
    if meta.published.is_some() {
        article.published = meta.published.clone();
    }
    let mut captions = page.captions.clone();
    for caption in article.captions.drain(..) {
        if !captions.contains(&caption) {
            captions.push(caption);
        }
    }
    article.captions = captions
        .into_iter()
        .map(|c| crate::article::decode::normalise(&c))
        .filter(|c| !c.trim().is_empty())
        .collect();
    article.links = body_links(&page, &dropped, &article, base.as_ref());
    // Subhead indices stay valid only if the headline removal kept positions.
    article.subheads.retain(|&i| i < article.body.len());
    article.list_items.retain(|&i| i < article.body.len());
    article.word_count = count_words(&article.body);
    // Metadata comes from attributes and JSON, not the cleaned text.
    crate::article::sanitize::clean_article(&mut article);
    article
}

/// A page read and sorted, ready for the text parser.
struct Prepared {
    page: Page,
    meta: PageMeta,
    /// The headline's first line and its text.
    headline: Option<(usize, String)>,
    /// Furniture lines, by index.
    dropped: Vec<bool>,
    /// The lines from the headline to the story's end.
    story: std::ops::Range<usize>,
    /// The kept lines as text, normalised.
    text: String,
}

fn prepare(bytes: &[u8]) -> Prepared {
    let html = decode::decode(bytes);
    let page = lines::read(&html);
    drop(html);
    let meta = meta::interpret(&page.meta);
    let headline = choose_headline(&page, &meta);
    let dropped = furniture(&page, headline.as_ref().map(|h| h.0));
    // The story starts at its headline: what comes before is the site's
    // header, menus and breadcrumbs.
    let start = headline.as_ref().map_or(0, |h| h.0);
    let end = story_end(&page, start, headline.is_some());
    let mut text = String::new();
    for (line, _) in page
        .lines
        .iter()
        .zip(&dropped)
        .take(end)
        .skip(start)
        .filter(|(_, d)| !**d)
    {
        if line.blank_before && !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&line.text);
        text.push('\n');
    }
    let text = crate::article::decode::normalise(&text);
    Prepared {
        page,
        meta,
        headline,
        dropped,
        story: start..end,
        text,
    }
}

/// The text the text parser is given for a page: its lines less the
/// furniture, paragraphs separated by blank lines (for tests and tuning).
pub fn page_text(bytes: &[u8]) -> String {
    prepare(bytes).text
}

/// How the page was read, one line per line of its text: kept (`+`), dropped
/// as furniture (`-`) or outside the story (`.`), then heading level, the
/// elements it is inside, its class words, link density (for tuning).
pub fn explain(bytes: &[u8]) -> String {
    let prepared = prepare(bytes);
    let page = &prepared.page;
    let (start, end) = (prepared.story.start, prepared.story.end);
    let mut out = String::new();
    for (i, (line, dropped)) in page.lines.iter().zip(&prepared.dropped).enumerate() {
        let mark = if !(start..end).contains(&i) {
            '.'
        } else if *dropped {
            '-'
        } else {
            '+'
        };
        out.push_str(&format!(
            "{i:4} {mark} h{} in={:05x} w={:05x} ld={:.2}{} {}\n",
            line.heading,
            line.inside,
            line.words,
            line.link_density(),
            if line.blank_before { " ¶" } else { "  " },
            line.text.chars().take(110).collect::<String>()
        ));
    }
    for block in &page.blocks {
        out.push_str(&format!(
            "block {:?} {}..{} words={:05x}\n",
            block.kind, block.first, block.end, block.words
        ));
    }
    out
}

/// What `newsreader parse --explain` shows of a page: the text the text
/// parser is given and the headline the markup names (which replaces the
/// text parser's choice).
pub fn text_and_headline(bytes: &[u8]) -> (String, Option<String>) {
    let prepared = prepare(bytes);
    let headline = prepared
        .headline
        .map(|(_, text)| crate::article::decode::normalise(&text));
    (prepared.text, headline)
}

/// Feed discovery for pages: the `<link rel="alternate" type="application/rss+xml|atom+xml|feed+json">` hrefs, resolved against page_url.
pub fn feed_links(bytes: &[u8], page_url: Option<&str>) -> Vec<String> {
    let html = decode::decode(bytes);
    let page = lines::read(&html);
    let meta = meta::interpret(&page.meta);
    let base = base_url(&page, &meta, page_url);
    let mut out: Vec<String> = Vec::new();
    for (kind, href) in &page.meta.alternates {
        let feed = matches!(
            kind.split(';').next().unwrap_or("").trim(),
            "application/rss+xml" | "application/atom+xml" | "application/feed+json"
        );
        if let Some(url) = feed.then(|| resolve(href, base.as_ref())).flatten()
            && !out.contains(&url)
        {
            out.push(url);
        }
    }
    out
}

/// What relative links are resolved against: `<base href>` (itself resolved
/// against the page's URL), the page's URL, or its canonical URL.
fn base_url(page: &Page, meta: &PageMeta, page_url: Option<&str>) -> Option<Url> {
    let page_url = page_url.and_then(|u| Url::parse(u).ok());
    let canonical = meta.url.as_deref().and_then(|u| Url::parse(u).ok());
    let known = page_url.or(canonical);
    match page.meta.base.as_deref() {
        Some(base) => match &known {
            Some(known) => known.join(base).ok().or(Some(known.clone())),
            None => Url::parse(base).ok(),
        },
        None => known,
    }
}

/// An absolute http(s) URL for a link as written; other schemes are not
/// links a reader opens.
fn resolve(href: &str, base: Option<&Url>) -> Option<String> {
    let url = match Url::parse(href) {
        Ok(url) => url,
        Err(url::ParseError::RelativeUrlWithoutBase) => base?.join(href).ok()?,
        Err(_) => return None,
    };
    matches!(url.scheme(), "http" | "https").then(|| url.to_string())
}

fn host_of(url: &str) -> Option<String> {
    let url = Url::parse(url).ok()?;
    let host = url.host_str()?;
    Some(host.strip_prefix("www.").unwrap_or(host).to_string())
}

/// Lowercased words, for comparing titles.
fn word_set(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Share of `a`'s words found in `b`.
fn covered(a: &[String], b: &[String]) -> f32 {
    if a.is_empty() {
        return 0.0;
    }
    a.iter().filter(|w| b.contains(w)).count() as f32 / a.len() as f32
}

fn same_text(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// The page's headline: the visible `<h1>` that best matches what the page
/// calls itself (JSON-LD headline, `og:title`, `<title>`, which often add the
/// site's name or an SEO variant); with no `<h1>` matching, a matching lower
/// heading, then a matching line of text (a headline styled without heading
/// markup, under an `<h1>` that is the site's logo); with nothing matching, the
/// first `<h1>` in the article or main content, else the first `<h1>` outside
/// navigation. Its line and text.
fn choose_headline(page: &Page, meta: &PageMeta) -> Option<(usize, String)> {
    let sources: Vec<&String> = [&meta.headline, &meta.og_title, &meta.title]
        .into_iter()
        .flatten()
        .collect();
    let names: Vec<Vec<String>> = sources.iter().map(|t| word_set(t)).collect();
    // What titles add to the headline ("Headline | Site"): every part but the
    // longest, and the site's name. A heading that is only that is a logo.
    let mut site_parts: Vec<Vec<String>> = meta.site_name.iter().map(|s| word_set(s)).collect();
    for title in &sources {
        let mut parts = [" | ", " - ", " – ", " — ", " :: ", " · ", " » "]
            .iter()
            .fold(vec![title.as_str()], |parts, sep| {
                parts.iter().flat_map(|p| p.split(sep)).collect()
            });
        if parts.len() > 1 {
            // The headline part has the most words; of equals, the first
            // ("Headline | Site" is the usual order).
            let mut counted: Vec<(usize, Vec<String>)> =
                parts.drain(..).map(word_set).enumerate().collect();
            counted.sort_by_key(|(i, words)| (std::cmp::Reverse(words.len()), *i));
            site_parts.extend(counted.into_iter().skip(1).map(|(_, words)| words));
        }
    }
    let is_logo = |text: &str| {
        let words = word_set(text);
        site_parts
            .iter()
            .any(|part| !part.is_empty() && covered(&words, part) >= 1.0)
    };
    let fit = |text: &str| {
        if is_logo(text) {
            return 0.0;
        }
        let words = word_set(text);
        names
            .iter()
            .map(|name| covered(&words, name).min(covered(name, &words).max(0.5)))
            .fold(0.0f32, f32::max)
    };
    let usable = |h: &&Heading| h.inside & inside::NAV == 0 && !is_logo(&h.text);
    let pick = |h: &Heading| (h.line, h.text.clone());
    // The best fit at least `min`, the first of equals.
    let best = |levels: std::ops::RangeInclusive<u8>, min: f32| {
        page.headings
            .iter()
            .filter(|h| levels.contains(&h.level))
            .filter(usable)
            .map(|h| (h, fit(&h.text)))
            .filter(|(_, f)| *f >= min)
            .fold(None, |acc: Option<(&Heading, f32)>, (h, f)| match acc {
                Some((_, best)) if best >= f => acc,
                _ => Some((h, f)),
            })
            .map(|(h, _)| pick(h))
    };
    let line = || {
        page.lines
            .iter()
            .enumerate()
            .filter(|(_, l)| {
                l.inside & inside::NAV == 0
                    && l.link_density() < 0.5
                    && l.text.chars().count() >= 6
                    && l.text.split_whitespace().nth(40).is_none()
            })
            .map(|(i, l)| (i, l, fit(&l.text)))
            .filter(|(_, _, f)| *f >= 0.75)
            .fold(
                None,
                |acc: Option<(usize, &Line, f32)>, (i, l, f)| match acc {
                    Some((_, _, best)) if best >= f => acc,
                    _ => Some((i, l, f)),
                },
            )
            .map(|(i, l, _)| (i, l.text.clone()))
    };
    best(1..=1, 0.5)
        .or_else(|| best(2..=6, 0.7))
        .or_else(line)
        .or_else(|| {
            page.headings
                .iter()
                .filter(usable)
                .find(|h| h.level == 1 && h.inside & (inside::ARTICLE | inside::MAIN) != 0)
                .map(pick)
        })
        .or_else(|| {
            page.headings
                .iter()
                .filter(usable)
                .find(|h| h.level == 1)
                .map(pick)
        })
}

/// Where the story ends: with the `<article>` (or `<main>`) that holds the
/// headline, or the first one after it, when that element holds most of the
/// prose after the headline; teaser lists and comments after it are not the
/// story. Otherwise the page's end.
fn story_end(page: &Page, start: usize, has_headline: bool) -> usize {
    let n = page.lines.len();
    if !has_headline {
        return n;
    }
    let prose = |range: std::ops::Range<usize>| -> usize {
        page.lines[range]
            .iter()
            .filter(|l| is_prose(l))
            .map(|l| l.text.len())
            .sum()
    };
    let after = prose(start..n);
    if after == 0 {
        return n;
    }
    page.blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Content && b.end > start && b.end <= n)
        .filter(|b| b.first <= start || b.first < n)
        .filter(|b| prose(b.first.max(start)..b.end) * 2 > after)
        .map(|b| b.end)
        .min()
        .unwrap_or(n)
}

/// Lines the markup marks as furniture, by index.
fn furniture(page: &Page, headline_line: Option<usize>) -> Vec<bool> {
    let n = page.lines.len();
    let mut dropped = vec![false; n];
    let total: usize = page.lines.iter().map(|l| l.text.chars().count()).sum();
    // Characters of prose up to each line, to tell a wrapper from a box.
    let mut prose_before = Vec::with_capacity(n + 1);
    prose_before.push(0usize);
    for line in &page.lines {
        let last = prose_before.last().copied().unwrap_or(0);
        prose_before.push(last + if is_prose(line) { line.text.len() } else { 0 });
    }
    let prose_total = prose_before.last().copied().unwrap_or(0);
    for block in &page.blocks {
        let range = block.first.min(n)..block.end.min(n);
        let holds_headline = headline_line.is_some_and(|l| range.contains(&l));
        let prose = prose_before[range.end] - prose_before[range.start];
        // No rule may take the bulk of the page or of its prose: a page wrapped
        // whole in a <form> or a "content-with-sidebar" <div> is still its story.
        let small = block.chars * 2 <= total && prose * 10 <= prose_total * 3;
        let drop = match block.kind {
            BlockKind::Landmark(bit) => {
                small
                    && !holds_headline
                    && (bit != inside::HEADER || block.inside & inside::ARTICLE == 0)
            }
            // A quotation is the story's, whatever its class says (embedded
            // posts are classed "social").
            BlockKind::Classed => {
                small && !holds_headline && block.inside & inside::BLOCKQUOTE == 0
            }
            BlockKind::List => {
                small
                    && !holds_headline
                    && block.items >= 2
                    && block.link_chars * 10 >= block.chars * 6
            }
            BlockKind::Figure => small && !holds_headline,
            BlockKind::Content => false,
        };
        if drop {
            for (line, d) in page.lines[range.clone()].iter().zip(&mut dropped[range]) {
                // A quotation embedded in a box classed "social" (a post the
                // story quotes) is the story's.
                if block.kind != BlockKind::Classed || line.inside & inside::BLOCKQUOTE == 0 {
                    *d = true;
                }
            }
        }
    }
    drop_teasers(page, headline_line, &prose_before, &mut dropped);
    drop_after_related_headings(page, headline_line, &mut dropped);
    for (line, d) in page.lines.iter().zip(dropped.iter_mut()) {
        if line.inside & (inside::FIGCAPTION | inside::FIGURE) != 0
            || line.words & words::CAPTION != 0 && line.heading == 0
        {
            *d = true;
        }
    }
    dropped
}

/// Teaser cards: headings that are wholly links, each followed by a line or
/// two of summary, in runs of two or more ("Recommended for you", "More
/// stories"), with the heading that introduces the run. A run that holds most
/// of the page's prose is the story itself (a gift guide of linked products).
fn drop_teasers(
    page: &Page,
    headline: Option<usize>,
    prose_before: &[usize],
    dropped: &mut [bool],
) {
    const GAP: usize = 4;
    const STORY: usize = 1200;
    let n = page.lines.len();
    let prose_total = prose_before.last().copied().unwrap_or(0);
    let is_teaser = |i: usize| {
        let line = &page.lines[i];
        line.heading >= 2 && line.link_density() >= 0.9 && Some(i) != headline
    };
    let mut i = 0;
    while i < n {
        if !is_teaser(i) {
            i += 1;
            continue;
        }
        let first = i;
        let mut last = i;
        let mut count = 1;
        let mut j = i + 1;
        while j < n && j <= last + GAP {
            if is_teaser(j) {
                last = j;
                count += 1;
            } else if page.lines[j].heading > 0 && !is_teaser(j) {
                break;
            }
            j += 1;
        }
        // A card's lines sit in the same kind of container as its heading
        // (the story's paragraphs around an inline run of links do not).
        let context = page.lines[first].inside & !inside::LINK;
        let in_card = |k: usize| is_teaser(k) || page.lines[k].inside & !inside::LINK == context;
        // The last card's summary: up to the next heading, at most two lines.
        let mut end = last + 1;
        // A summary is a line or two, not the story's next paragraph.
        let short = |k: usize| page.lines[k].text.split_whitespace().nth(30).is_none();
        while end < n
            && end <= last + 2
            && page.lines[end].heading == 0
            && in_card(end)
            && short(end)
        {
            end += 1;
        }
        let prose = prose_before[end] - prose_before[first];
        // Cards after a story of some length are not the story, however many.
        let story_before = prose_before[first] - prose_before[headline.unwrap_or(0).min(first)];
        if count >= 2 && (prose * 2 < prose_total || story_before >= STORY) {
            // The run's own heading just above ("More from …").
            let from =
                if first > 0 && page.lines[first - 1].heading > 0 && Some(first - 1) != headline {
                    first - 1
                } else {
                    first
                };
            for (k, d) in dropped.iter_mut().enumerate().take(end).skip(from) {
                if k == from || in_card(k) {
                    *d = true;
                }
            }
        }
        i = end.max(first + 1);
    }
}

/// A heading whose own class says related/more/recommended ("You may also
/// like", in any language) that opens its container titles that box: the
/// rest of it is other stories, however plain their markup (whole posts
/// without links). Only after some of the story, and not a linked heading
/// (a teaser's own title, inline in the story).
fn drop_after_related_headings(page: &Page, headline: Option<usize>, dropped: &mut [bool]) {
    let n = page.lines.len().min(dropped.len());
    for block in &page.blocks {
        let line = block.first;
        if block.kind != BlockKind::Classed
            || block.words & words::RELATED == 0
            || block.end != line + 1
            || line >= n
            || page.lines[line].heading == 0
            || headline.is_none_or(|h| line <= h)
        {
            continue;
        }
        let Some(&(_, end)) = page
            .containers
            .iter()
            .find(|&&(first, end)| first == line && end > line + 1)
        else {
            continue;
        };
        let end = end.min(n);
        // Some of the story, however it ends, comes first.
        let story_before = headline.is_some_and(|h| {
            page.lines[h + 1..line].iter().any(|l| {
                l.heading == 0
                    && l.link_density() < 0.5
                    && l.text.split_whitespace().nth(7).is_some()
            })
        });
        if page.lines[line].link_density() >= 0.5 || !story_before {
            continue;
        }
        for d in &mut dropped[line..end] {
            *d = true;
        }
    }
}

/// A line that reads as running text: a sentence of some length, not a link.
fn is_prose(line: &Line) -> bool {
    line.link_density() < 0.5
        && line.heading == 0
        && line.text.split_whitespace().nth(7).is_some()
        && line
            .text
            .trim_end_matches(['"', '\'', '”', '’', ')', '»'])
            .ends_with(['.', '!', '?', ':', '…', '。', '！', '？'])
}

/// The byline: the names the page's metadata credits (JSON-LD authors, then
/// `<meta name=author>`) when the page shows them, then what the text parser
/// found, then the text of a `rel=author` link or a byline-classed element.
fn fill_byline(article: &mut Article, page: &Page, meta: &PageMeta) {
    fill_byline_from(article, page, meta);
    if let Some(byline) = article.byline.take() {
        article.byline = Some(tidy_byline(&byline).unwrap_or(byline));
    }
}

fn fill_byline_from(article: &mut Article, page: &Page, meta: &PageMeta) {
    // A credit is shown on a short line (a byline, an author box), not just
    // anywhere in the text.
    let visible: String = page
        .lines
        .iter()
        .filter(|l| l.inside & inside::NAV == 0 && l.text.split_whitespace().nth(16).is_none())
        .map(|l| l.text.to_lowercase())
        .collect::<Vec<_>>()
        .join("\n");
    let shown = |name: &String| visible.contains(&name.to_lowercase());
    // The site's own name (or a part of it) as "author" credits nobody; a
    // desk named after the site ("Example News Bureau") is a credit.
    let squash = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let sites: Vec<String> = [&meta.site_name, &meta.publisher]
        .into_iter()
        .flatten()
        .map(|s| squash(s))
        .filter(|s| !s.is_empty())
        .collect();
    let is_site = |name: &String| {
        let n = squash(name);
        !n.is_empty() && sites.iter().any(|s| s.contains(&n))
    };
    let credit = |n: &&String| shown(n) && !is_site(n);
    let mut names: Vec<String> = meta.authors.iter().filter(credit).cloned().collect();
    if names.is_empty()
        && let Some(author) = meta.meta_author.as_ref().filter(credit)
    {
        names.push(author.clone());
    }
    if !names.is_empty() {
        // The visible credit the text parser found, when it names them all and
        // more (metadata often lists only the first author), stays.
        let joins = |s: &str| {
            [" and ", ", ", " & "]
                .iter()
                .map(|j| s.matches(j).count())
                .sum::<usize>()
        };
        let fuller = article.byline.as_ref().is_some_and(|b| {
            let lower = b.to_lowercase();
            names.iter().all(|n| lower.contains(&n.to_lowercase()))
                && joins(&lower) > joins(&join_names(&names).to_lowercase())
                && b.split_whitespace().nth(8).is_none()
        });
        if !fuller {
            article.byline = Some(join_names(&names));
        }
        return;
    }
    if article.byline.is_some() {
        return;
    }
    let shown_text = page
        .meta
        .rel_authors
        .iter()
        .chain(&page.meta.byline_texts)
        .map(|t| strip_by(t))
        .find(|t| (1..=8).contains(&t.split_whitespace().count()));
    if let Some(text) = shown_text {
        article.byline = Some(text);
    }
}

/// Words of job titles, degrees and outlets that follow a name after a comma
/// ("Greg Beacham, AP Sports Writer", "Jill Disis, CNN Business").
const NOT_NAMES: &[&str] = &[
    "writer",
    "reporter",
    "editor",
    "correspondent",
    "contributor",
    "columnist",
    "staff",
    "news",
    "business",
    "insider",
    "media",
    "press",
    "associated",
    "times",
    "post",
    "daily",
    "magazine",
    "advance",
    "sports",
    "senior",
    "chief",
    "producer",
    "analyst",
    "bureau",
];

/// A byline without what follows the names: a `|` or dash and what comes
/// after it, a date or time, trailing job titles, degrees and outlets.
fn tidy_byline(byline: &str) -> Option<String> {
    let mut text = byline;
    for cut in [" | ", " — ", " – ", " - ", " · "] {
        if let Some(at) = text.find(cut) {
            text = &text[..at];
        }
    }
    // A date or time after the names.
    let mut end = text.len();
    for (at, word) in text
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
    {
        let lower = word
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if at > 0
            && (word.starts_with(|c: char| c.is_ascii_digit())
                || crate::article::parse::text::month_number(&lower).is_some())
        {
            end = at;
            break;
        }
    }
    let text = text[..end].trim().trim_end_matches([',', ';', ':']);
    let mut parts: Vec<&str> = text.split(", ").collect();
    while parts.len() > 1 {
        let Some(last) = parts.last() else { break };
        let words: Vec<&str> = last.split_whitespace().collect();
        let titled = words
            .iter()
            .any(|w| NOT_NAMES.contains(&w.to_lowercase().as_str()));
        // "MS", "RDN", "PhD": short words that are mostly capitals.
        let degrees = words.len() <= 2
            && words.iter().all(|w| {
                (2..=4).contains(&w.len())
                    && w.chars().filter(char::is_ascii_uppercase).count() * 2 >= w.len()
            });
        // "Cleveland.com": a site, not a name.
        let site = words.len() == 1 && last.contains('.') && !last.ends_with('.');
        let title = titled || degrees || site;
        if !title {
            break;
        }
        parts.pop();
    }
    let tidy = parts.join(", ").trim().to_string();
    (!tidy.is_empty()).then_some(tidy)
}

fn strip_by(text: &str) -> String {
    let t = text.trim();
    match t.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => t[3..].trim().to_string(),
        _ => t.to_string(),
    }
}

/// Names joined as pages credit them: "A", "A and B", "A, B and C".
fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The targets of the links in the body's lines, resolved, each once, then
/// the URLs the text parser found in the text.
fn body_links(page: &Page, dropped: &[bool], article: &Article, base: Option<&Url>) -> Vec<String> {
    let body: std::collections::HashSet<&str> = article.body.iter().map(|p| p.trim()).collect();
    let mut out: Vec<String> = Vec::new();
    for (line, _) in page.lines.iter().zip(dropped).filter(|(_, d)| !**d) {
        if line.links.is_empty() || !body.contains(line.text.trim()) {
            continue;
        }
        for href in &line.links {
            if let Some(url) = resolve(href, base)
                && !out.contains(&url)
            {
                out.push(url);
            }
        }
    }
    for url in &article.links {
        if !out.contains(url) {
            out.push(url.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_lose_titles_outlets_degrees_and_dates_but_keep_names() {
        let cases = [
            ("Greg Beacham, AP Sports Writer", "Greg Beacham"),
            ("Jill Disis, CNN Business", "Jill Disis"),
            ("Ilana Muhlstein, MS, RDN", "Ilana Muhlstein"),
            ("Amy Kuperinsky | NJ Advance Media", "Amy Kuperinsky"),
            ("GILLIAN MOHNEY March 11, 2015 3:46 PM", "GILLIAN MOHNEY"),
            (
                "LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKER",
                "LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKER",
            ),
            (
                "Stefan Becket, Kathryn Watson, Grace Segers",
                "Stefan Becket, Kathryn Watson, Grace Segers",
            ),
            ("Jean-Paul Sartre", "Jean-Paul Sartre"),
            ("Troy L. Smith, Cleveland.com", "Troy L. Smith"),
        ];
        for (raw, want) in cases {
            assert_eq!(tidy_byline(raw).as_deref(), Some(want), "{raw}");
        }
    }

    #[test]
    fn names_are_joined_as_pages_credit_them() {
        let names = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(join_names(&names(&["A B"])), "A B");
        assert_eq!(join_names(&names(&["A B", "C D"])), "A B and C D");
        assert_eq!(join_names(&names(&["A", "B", "C"])), "A, B and C");
    }

    #[test]
    fn the_site_as_author_is_no_byline_but_a_desk_is() {
        let page = |author: &str| {
            format!(
                "<html><head><meta property=og:site_name content='Harbour News'>\
                 <meta name=author content='{author}'></head><body><h1>Quay rebuilt</h1>\
                 <p>{author}</p><p>The old quay has been rebuilt in stone after the winter storms damaged the timber.</p></body></html>"
            )
        };
        assert_eq!(
            parse_html(page("Harbour News").as_bytes(), None).byline,
            None
        );
        assert_eq!(
            parse_html(page("Harbour News Desk").as_bytes(), None)
                .byline
                .as_deref(),
            Some("Harbour News Desk")
        );
    }
}
