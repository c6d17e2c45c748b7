//! Which links from an article may be handed to a browser.
//!
//! Links come from scraped text, so they may be `javascript:` or `file:` URLs,
//! look like command-line options, or carry shell syntax. Deciding is pure
//! (the app decides before it asks for a browser); starting one is
//! `term::links`'.

use url::Url;

/// Returns the URL if it is safe to hand to a browser: `http` or `https` with a
/// host, and nothing that could be taken for an option or smuggle in control
/// characters.
///
/// Whitespace and control characters are refused rather than trimmed, because
/// the `url` crate would silently strip or re-encode them and the user would
/// open something other than what the article showed.
pub fn browsable(url: &str) -> Option<Url> {
    if url.is_empty()
        || url.starts_with('-')
        || url.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return None;
    }
    let parsed = Url::parse(url).ok()?;
    let web = matches!(parsed.scheme(), "http" | "https");
    let has_host = parsed.host_str().is_some_and(|h| !h.is_empty());
    (web && has_host).then_some(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_urls_are_browsable() {
        for good in [
            "https://example.com/",
            "http://example.com/a?b=c#d",
            "https://example.com/search?q=a%20b;c&x=$(touch%20pwned)",
            "https://xn--bcher-kva.example/",
        ] {
            assert!(browsable(good).is_some(), "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "file:///etc/passwd",
            "data:text/html,<script>alert(1)</script>",
            "ftp://example.com/",
            "mailto:a@example.com",
            "-https://example.com/",
            "--help",
            " https://example.com/",
            "https://example.com/a b",
            "https://example.com/\n",
            "https://exa\tmple.com/",
            "https://example.com/\u{1b}]52;c;AAAA\u{7}",
            "https://example.com/\u{85}",
            "https://",
            "https://user@/",
            "example.com",
            "",
        ] {
            assert!(browsable(bad).is_none(), "{bad:?}");
        }
    }
}
