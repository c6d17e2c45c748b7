//! URLs: finding them, rejoining them, picking the page's own URL, and what the
//! URL tells about the article (headline slug, date, site).

use super::text::month_number;

/// Whether the text starts with an http(s) URL. As the first eight bytes are
/// looked at only when they end on a character boundary, a text shorter than
/// eight bytes, or whose eighth byte is inside a character, does not.
pub fn starts_with_url(s: &str) -> bool {
    let Some(head) = s.get(..8) else {
        return false;
    };
    let head = head.as_bytes();
    head.eq_ignore_ascii_case(b"https://") || head[..7].eq_ignore_ascii_case(b"http://")
}

/// Whether a line is a bare continuation of a URL cut by a wrap: one token of URL
/// characters with at least one URL-ish character (`-`, `/`, `.`, `_`, `=`, digit).
pub fn is_url_continuation(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty()
        && !t.contains(' ')
        && !starts_with_url(t)
        && t.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=%".contains(c))
        && t.chars().any(|c| c.is_ascii_digit() || "-/._=".contains(c))
        && !t.ends_with('.')
}

/// Every http(s) URL in the text, in order, each once (trailing punctuation
/// off, `&amp;` copied from a page's HTML decoded), leaving out
/// [tracking pixels](is_tracking_pixel).
pub fn find_urls<'a>(lines: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    // Most lines hold no URL: one prebuilt search rules them out.
    static HTTP: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("http"));
    for line in lines {
        if HTTP.find(line.as_bytes()).is_none() {
            continue;
        }
        for token in line.split_whitespace() {
            let Some(pos) = token.find("http") else {
                continue;
            };
            let candidate = token[pos..].trim_end_matches(|c: char| ".,;:)]}>\"'”’".contains(c));
            if !starts_with_url(candidate) || candidate.len() <= 10 {
                continue;
            }
            let candidate = candidate.replace("&amp;", "&");
            if url::Url::parse(&candidate).is_ok_and(|u| !is_tracking_pixel(&u))
                && seen.insert(candidate.clone())
            {
                out.push(candidate);
            }
        }
    }
    out
}

/// Hosts that serve visit-counting beacons (invisible images), never pages.
const BEACON_HOSTS: &[&str] = &[
    "scorecardresearch.com",
    "doubleclick.net",
    "google-analytics.com",
    "quantserve.com",
    "chartbeat.net",
    "omtrdc.net",
    "2o7.net",
    "imrworldwide.com",
    "bat.bing.com",
];

/// Rule `tracking_pixel`: a URL the page only loads as an invisible image to
/// count the visit (a measurement host, a `pixel.` host, a `1x1`/`pixel`/
/// `beacon` image, or `width=1&height=1`); scraped text keeps it from the
/// page's `<noscript>` image. Not a link a reader would follow.
///
/// Example: `https://sb.scorecardresearch.com/p?c1=2&c2=6035748&cv=2.0&cj=1`.
pub fn is_tracking_pixel(url: &url::Url) -> bool {
    let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
    let by_host = host.starts_with("pixel.")
        || BEACON_HOSTS
            .iter()
            .any(|b| host == *b || host.ends_with(&format!(".{b}")));
    let path = url.path().to_ascii_lowercase();
    let image = [".gif", ".png"].iter().any(|e| path.ends_with(e));
    let by_path = (image
        && ["1x1", "pixel", "beacon", "spacer"]
            .iter()
            .any(|m| path.contains(m)))
        || path.ends_with("/pixel")
        || path.ends_with("/beacon");
    let one = |names: &[&str]| {
        url.query_pairs()
            .any(|(k, v)| names.contains(&k.as_ref()) && v == "1")
    };
    by_host || by_path || (one(&["width", "w"]) && one(&["height", "h"]))
}

/// The last path segment that looks like a story slug (three or more hyphenated
/// words), without a trailing `.html` etc.
fn slug_segment(url: &url::Url) -> Option<String> {
    let segments: Vec<&str> = url.path_segments()?.filter(|s| !s.is_empty()).collect();
    segments
        .iter()
        .rev()
        .map(|s| {
            s.rsplit_once('.')
                .filter(|(_, ext)| ext.len() <= 5 && ext.chars().all(|c| c.is_ascii_alphabetic()))
                .map_or(*s, |(stem, _)| stem)
        })
        .find(|s| {
            s.split(['-', '_'])
                .filter(|w| w.chars().any(|c| c.is_alphabetic()))
                .count()
                >= 3
        })
        .map(str::to_string)
}

/// Rule `page_url`: the page's own URL. An "Original url:" (or "URL:", "Printed
/// from", "Permalink") label wins; otherwise the first URL whose path carries a story slug or a date,
/// ignoring share-button links (`/sharer`, `intent/tweet`, `mailto`).
///
/// Example: `Original url:` followed by `https://www.example.com/2021/02/04/story-a1`.
pub fn page_url(lines: &[&str], urls: &[String]) -> Option<String> {
    for (i, line) in lines.iter().enumerate() {
        // The labels are ASCII: matching them ignoring ASCII case is the same as
        // matching the ASCII-lowercased line, without the copy.
        // Print pages label their own address: "URL: …", "Printed from …".
        let labelled = [
            "original url",
            "original article:",
            "source url",
            "canonical",
            "url:",
            "page url",
            "article url",
            "permalink",
            "printed from",
        ]
        .iter()
        .any(|l| {
            line.as_bytes()
                .get(..l.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(l.as_bytes()))
        });
        if labelled {
            let here = find_urls(std::iter::once(*line));
            if let Some(u) = here.into_iter().next() {
                return Some(u);
            }
            if let Some(next) = lines.get(i + 1) {
                let next_urls = find_urls(std::iter::once(*next));
                if let Some(u) = next_urls.into_iter().next() {
                    return Some(u);
                }
            }
        }
    }
    urls.iter()
        .find(|u| {
            let lower = u.to_ascii_lowercase();
            let share = [
                "sharer",
                "intent/",
                "share?",
                "mailto",
                "pic.twitter",
                "/status/",
            ]
            .iter()
            .any(|s| lower.contains(s));
            !share
                && url::Url::parse(u)
                    .ok()
                    .is_some_and(|p| slug_segment(&p).is_some() || date_from_url(u).is_some())
        })
        .cloned()
}

/// Rule `slug_title`: a headline derived from the URL slug: the trailing id
/// dropped, hyphens to spaces, title-cased.
///
/// Example: `.../top-us-diplomat-raises-navalny-a72838` → "Top Us Diplomat Raises Navalny".
pub fn slug_title(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    let slug = slug_segment(&parsed)?;
    let mut words: Vec<&str> = slug.split(['-', '_']).filter(|w| !w.is_empty()).collect();
    // Drop trailing ids: tokens with digits that are not plain years or small numbers.
    while let Some(last) = words.last() {
        let digits = last.chars().filter(char::is_ascii_digit).count();
        let is_id = digits > 0 && (last.len() > 4 || last.chars().any(|c| c.is_ascii_alphabetic()));
        if is_id && words.len() > 2 {
            words.pop();
        } else {
            break;
        }
    }
    const SMALL: &[&str] = &[
        "a", "an", "and", "as", "at", "but", "by", "for", "in", "of", "on", "or", "the", "to",
        "vs", "with",
    ];
    let title: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            if i > 0 && SMALL.contains(&lower.as_str()) {
                lower
            } else {
                let mut chars = lower.chars();
                chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect())
                    .unwrap_or_default()
            }
        })
        .collect();
    (!title.is_empty()).then(|| title.join(" "))
}

/// Rule `slug_acronyms`: a slug title's word that the article writes in
/// capitals (as "US" or "U.S.") is written so in the title too: a slug has
/// lost the case, the text has not.
///
/// Example: "Top Us Diplomat Raises Navalny" with "U.S. Secretary of State…"
/// in the body → "Top US Diplomat Raises Navalny".
pub fn keep_acronyms<'a>(title: &str, text: impl IntoIterator<Item = &'a str>) -> String {
    let mut capitals: std::collections::HashSet<String> = std::collections::HashSet::new();
    for paragraph in text.into_iter().take(200) {
        for token in paragraph.split(|c: char| c.is_whitespace() || "()[],;:\"'’“”".contains(c))
        {
            let letters: String = token.chars().filter(|c| *c != '.').collect();
            let acronym = (2..=5).contains(&letters.chars().count())
                && letters.chars().all(|c| c.is_ascii_uppercase());
            if acronym {
                capitals.insert(letters);
            }
        }
    }
    title
        .split(' ')
        .map(|word| {
            let upper = word.to_ascii_uppercase();
            if capitals.contains(&upper) {
                upper
            } else {
                word.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The words of a URL's slug, lowercased (for comparing a headline candidate with it).
pub fn slug_words(url: &str) -> Vec<String> {
    url::Url::parse(url)
        .ok()
        .and_then(|p| slug_segment(&p))
        .map(|s| {
            s.split(['-', '_'])
                .filter(|w| w.len() >= 3 && w.chars().all(|c| c.is_alphabetic()))
                .map(str::to_lowercase)
                .collect()
        })
        .unwrap_or_default()
}

/// Rule `url_date`: a publication date in the URL path, `/YYYY/MM/DD/` or
/// `/YYYY/MM/` (day 1 is not invented: both year and month and day are needed).
///
/// Example: `https://example.com/2021/02/04/story` → `2021-02-04`.
pub fn date_from_url(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    let segs: Vec<&str> = parsed.path_segments()?.collect();
    for w in segs.windows(3) {
        let (Ok(y), Ok(m), Ok(d)) = (w[0].parse::<i16>(), w[1].parse::<i8>(), w[2].parse::<i8>())
        else {
            continue;
        };
        if w[0].len() == 4
            && (1990..=2100).contains(&y)
            && let Ok(date) = jiff::civil::Date::new(y, m, d)
        {
            return Some(date.to_string());
        }
    }
    None
}

/// The URL's host without `www.` ("themoscowtimes.com").
pub fn site_of(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    let host = parsed.host_str()?;
    Some(host.strip_prefix("www.").unwrap_or(host).to_string())
}

/// Rule `url_month_date`: a date written with a month name in the URL path.
///
/// Example: `https://example.com/world/2019/nov/20/story` → `2019-11-20`.
pub fn month_path_date(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    let segs: Vec<&str> = parsed.path_segments()?.collect();
    for w in segs.windows(3) {
        let (Ok(y), Some(m), Ok(d)) = (w[0].parse::<i16>(), month_number(w[1]), w[2].parse::<i8>())
        else {
            continue;
        };
        if w[0].len() == 4
            && let Ok(date) = jiff::civil::Date::new(y, m, d)
        {
            return Some(date.to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slug_title_keeps_the_acronyms_the_text_writes_in_capitals() {
        let title = "Top Us Diplomat Raises Navalny With Russia";
        let body = [
            "U.S. Secretary of State spoke on Thursday.",
            "NATO allies and the EU met.",
        ];
        assert_eq!(
            keep_acronyms(title, body),
            "Top US Diplomat Raises Navalny With Russia"
        );
        // Words the text never writes in capitals keep the slug's case.
        assert_eq!(keep_acronyms(title, ["The diplomat spoke to us."]), title);
    }

    #[test]
    fn slug_title_drops_id_and_title_cases() {
        assert_eq!(
            slug_title("https://www.example.com/2021/02/04/top-us-diplomat-raises-navalny-with-russia-a72838")
                .as_deref(),
            Some("Top Us Diplomat Raises Navalny with Russia")
        );
    }

    #[test]
    fn url_date_needs_year_month_day() {
        assert_eq!(
            date_from_url("https://x.com/2021/02/04/a-b-c").as_deref(),
            Some("2021-02-04")
        );
        assert_eq!(date_from_url("https://x.com/2021/02/a-b-c"), None);
        assert_eq!(
            month_path_date("https://x.com/world/2019/nov/20/a-b-c").as_deref(),
            Some("2019-11-20")
        );
    }

    #[test]
    fn tracking_pixels_are_not_links_and_ampersands_are_decoded() {
        let lines = [
            "Read more: https://news.example.com/2024/03/12/harbour-plan?ref=home&amp;src=article",
            "https://sb.scorecardresearch.com/p?c1=2&amp;c2=6035748&amp;cv=2.0&amp;cj=1",
            "https://www.facebook.example/tr?id=1&amp;ev=PageView https://pixel.example.net/t.gif",
            "https://stats.example.org/img/1x1.gif https://img.example.org/b?width=1&height=1",
            "https://ad.doubleclick.net/ddm/activity/src=1 https://example.org/beacon",
            "https://news.example.com/photos/beacon-hill-fire-2024.jpg",
        ];
        assert_eq!(
            find_urls(lines.into_iter()),
            [
                "https://news.example.com/2024/03/12/harbour-plan?ref=home&src=article",
                "https://www.facebook.example/tr?id=1&ev=PageView",
                "https://news.example.com/photos/beacon-hill-fire-2024.jpg",
            ]
        );
    }

    #[test]
    fn urls_are_found_once_without_trailing_punctuation() {
        let urls = find_urls(["see https://a.com/x-y-z.", "https://a.com/x-y-z"].into_iter());
        assert_eq!(urls, vec!["https://a.com/x-y-z".to_string()]);
    }
}
