//! Feed text to paragraphs: feeds carry their summaries and content as HTML
//! fragments, which the reader shows as plain paragraphs.
//!
//! This is deliberately small: a fragment from a feed is a few paragraphs, not
//! a page with navigation and furniture (pages go through the article parser).

/// Tags that end a paragraph.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "br",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "tr",
    "table",
    "section",
    "article",
    "figure",
    "figcaption",
    "hr",
];

/// Tags whose content is never text.
const SKIPPED_TAGS: &[&str] = &["script", "style", "template", "noscript", "svg", "iframe"];

/// The paragraphs of an HTML fragment (or of plain text: blank lines and line
/// breaks both separate paragraphs), tags dropped and entities decoded, each
/// paragraph's white space collapsed. Empty paragraphs are left out.
pub fn paragraphs(fragment: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut rest = fragment;
    let looks_like_html = tag_start(fragment).is_some();
    while !rest.is_empty() {
        if looks_like_html && let Some(lt) = tag_start(rest) {
            push_text(&mut current, &rest[..lt]);
            rest = &rest[lt..];
            let Some(gt) = rest.find('>') else {
                // A lone '<' is text.
                push_text(&mut current, rest);
                break;
            };
            let tag = &rest[1..gt];
            rest = &rest[gt + 1..];
            if tag.starts_with("!--") {
                if let Some(end) = rest.find("-->") {
                    rest = &rest[end + 3..];
                }
                continue;
            }
            let name = tag_name(tag);
            if SKIPPED_TAGS.contains(&name.as_str()) && !tag.starts_with('/') {
                let close = format!("</{name}");
                rest = find_ignore_case(rest, &close).map_or("", |at| {
                    let after = &rest[at..];
                    after.find('>').map_or("", |gt| &after[gt + 1..])
                });
                continue;
            }
            if BLOCK_TAGS.contains(&name.as_str()) {
                finish(&mut out, &mut current);
            } else {
                current.push(' ');
            }
        } else if looks_like_html {
            push_text(&mut current, rest);
            break;
        } else {
            for line in rest.lines() {
                push_text(&mut current, line);
                finish(&mut out, &mut current);
            }
            break;
        }
    }
    finish(&mut out, &mut current);
    out
}

/// Where the next tag opens: a '<' followed by a letter, '/' or '!'.
fn tag_start(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'<', bytes).find(|&at| {
        bytes
            .get(at + 1)
            .is_some_and(|&next| next.is_ascii_alphabetic() || next == b'/' || next == b'!')
    })
}

fn tag_name(tag: &str) -> String {
    tag.trim_start_matches('/')
        .split(|c: char| c.is_whitespace() || c == '/')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .to_ascii_lowercase()
        .find(&needle.to_ascii_lowercase())
}

fn push_text(current: &mut String, text: &str) {
    current.push_str(&decode_entities(text));
    current.push(' ');
}

fn finish(out: &mut Vec<String>, current: &mut String) {
    let paragraph = current.split_whitespace().collect::<Vec<_>>().join(" ");
    if !paragraph.is_empty() {
        out.push(paragraph);
    }
    current.clear();
}

/// Decodes the named entities feeds use and every numeric one.
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let entity = rest[1..]
            .find(';')
            .filter(|&end| end <= 10)
            .map(|end| &rest[1..=end]);
        let decoded = entity.and_then(|name| match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            "mdash" => Some('—'),
            "ndash" => Some('–'),
            "hellip" => Some('…'),
            "lsquo" => Some('‘'),
            "rsquo" => Some('’'),
            "ldquo" => Some('“'),
            "rdquo" => Some('”'),
            _ => {
                let number = name.strip_prefix('#')?;
                let code = match number.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => number.parse().ok()?,
                };
                char::from_u32(code)
            }
        });
        match (entity, decoded) {
            (Some(name), Some(c)) => {
                out.push(c);
                rest = &rest[name.len() + 2..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_fragments_become_paragraphs() {
        let html = "<p>First <b>bold</b> words.</p><p>Second&nbsp;one &amp; more&#8230;</p>\
                    <script>alert(1)</script><div>Third<br/>Fourth</div>";
        assert_eq!(
            paragraphs(html),
            ["First bold words.", "Second one & more…", "Third", "Fourth"]
        );
    }

    #[test]
    fn plain_text_splits_on_lines() {
        assert_eq!(
            paragraphs("One line.\n\nAnother  line."),
            ["One line.", "Another line."]
        );
        assert_eq!(paragraphs("a < b and c > d"), ["a < b and c > d"]);
    }

    #[test]
    fn unknown_entities_stay_as_written() {
        assert_eq!(decode_entities("AT&T &bogus; &#x41;"), "AT&T &bogus; A");
    }
}
