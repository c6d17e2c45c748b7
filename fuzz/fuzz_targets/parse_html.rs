//! Arbitrary bytes as an HTML page: must never panic or hang, and no control
//! character may survive into any field the reader shows.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsreader::article::html::feed_links;
use newsreader::article::parse_html;

fuzz_target!(|data: &[u8]| {
    let article = parse_html(data, Some("https://example.com/a/page.html"));
    let single_line = [Some(&article.title), article.dek.as_ref(), article.byline.as_ref()];
    for field in single_line.into_iter().flatten() {
        assert!(!field.chars().any(char::is_control), "control char in {field:?}");
    }
    let lists = [&article.body, &article.captions, &article.key_points, &article.credits];
    for field in lists.into_iter().flatten() {
        assert!(!field.chars().any(char::is_control), "control char in {field:?}");
    }
    assert!(article.subheads.iter().all(|&i| i < article.body.len()));
    for link in article.links.iter().chain(&feed_links(data, None)) {
        assert!(link.starts_with("http"), "{link}");
    }
});
