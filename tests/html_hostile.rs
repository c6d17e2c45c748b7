//! Hostile and broken pages: each loads (or is skipped with a one-line reason),
//! nothing panics, and no script, style or escape sequence reaches a field the
//! reader shows. Plus the property that arbitrary bytes never panic.

use std::io::Write;

use newsreader::article::{Article, parse_html};
use newsreader::library;
use proptest::prelude::*;

fn shown(a: &Article) -> String {
    let mut all = vec![a.title.clone()];
    all.extend(a.dek.clone());
    all.extend(a.byline.clone());
    all.extend(a.source.clone());
    all.extend(a.body.iter().cloned());
    all.extend(a.captions.iter().cloned());
    all.join("\n")
}

const STORY: &str = "<p>The county fair opened on Friday with a parade of tractors and a brass band from the next valley.</p>";

#[test]
fn unclosed_tags_still_give_the_story() {
    let page = format!(
        "<html><body><h1>Fair opens</h1><div><span><b><i><p>{}<p>Rides run until ten every night this week.<ul><li>one<li>two",
        &STORY[3..]
    );
    let a = parse_html(page.as_bytes(), None);
    assert_eq!(a.title, "Fair opens");
    assert!(shown(&a).contains("parade of tractors"), "{a:#?}");
    assert!(shown(&a).contains("Rides run until ten"), "{a:#?}");
}

#[test]
fn a_hundred_thousand_nested_divs_load() {
    let mut page = String::from("<h1>Deep page</h1>");
    page.push_str(&"<div>".repeat(100_000));
    page.push_str(STORY);
    page.push_str(&"</div>".repeat(100_000));
    page.push_str("<p>After the nesting, the story goes on for a few more words here.</p>");
    let a = parse_html(page.as_bytes(), None);
    assert_eq!(a.title, "Deep page");
    assert!(shown(&a).contains("parade of tractors"), "{a:#?}");
}

/// The story's lines are matched to the page's and the missing ones given
/// back; tens of thousands of short or repeated lines inside the story must
/// cost no more than reading them (this loads in well under a second).
#[test]
fn a_story_of_tens_of_thousands_of_short_and_repeated_lines_loads() {
    let mut page = String::from("<article><h1>Long list</h1>");
    page.push_str(STORY);
    for i in 0..20_000 {
        page.push_str(&format!(
            "<div>Stop {i}: the quay</div><div>Read more</div>"
        ));
        if i % 4 == 0 {
            page.push_str(
                "<p>The same notice about the parade route is repeated on every board.</p>",
            );
        }
    }
    page.push_str(
        "<p>The list of stops is printed on the back of every ticket sold this week.</p>",
    );
    page.push_str("</article>");
    let a = parse_html(page.as_bytes(), None);
    assert_eq!(a.title, "Long list");
    assert!(
        a.body[0].contains("parade of tractors"),
        "{:?}",
        a.body.first()
    );
}

#[test]
fn a_fifty_megabyte_attribute_is_not_text() {
    let mut page = String::from("<h1>Big attribute</h1><div class=\"");
    page.push_str(&"x".repeat(50 * 1024 * 1024));
    page.push_str("\">");
    page.push_str(STORY);
    page.push_str("</div>");
    let a = parse_html(page.as_bytes(), None);
    assert_eq!(a.title, "Big attribute");
    assert!(shown(&a).contains("parade of tractors"));
    assert!(!shown(&a).contains("xxxx"));
}

#[test]
fn a_page_that_is_one_pre_keeps_its_lines() {
    let mut page = String::from("<html><body><pre>");
    for i in 0..2000 {
        page.push_str(&format!("Line {i} of the log, with a few words in it.\n"));
    }
    page.push_str("</pre></body></html>");
    let a = parse_html(page.as_bytes(), None);
    assert!(shown(&a).contains("Line 1999 of the log"), "{a:#?}");
}

#[test]
fn invalid_utf8_is_decoded_not_rejected() {
    let mut page = b"<h1>Bytes \xff\xfe gone wrong</h1><p>Caf\xe9 ".to_vec();
    page.extend_from_slice(&STORY.as_bytes()[3..]);
    let a = parse_html(&page, None);
    assert!(a.title.starts_with("Bytes"), "{a:#?}");
    assert!(shown(&a).contains("Café"), "{a:#?}");
}

#[test]
fn script_full_of_escape_sequences_and_iframe_srcdoc_never_show() {
    let page = format!(
        "<h1>Quiet \x1b[2J headline</h1><script>var s = \"\x1b]0;pwned\x07 \x1b[31m SCRIPT\";</script>\
         <style>p::after {{ content: \"\x1b[5m STYLE\" }}</style>\
         <iframe srcdoc=\"<p>SRCDOC text</p>\"><p>IFRAME fallback</p></iframe>{STORY}\
         <p>Escape \x1b[31mred\x1b[0m in body text is cleaned, not shown raw.</p>"
    );
    let a = parse_html(page.as_bytes(), None);
    let all = shown(&a);
    assert!(!all.contains('\x1b') && !all.contains('\x07'), "{all:?}");
    for gone in ["SCRIPT", "STYLE", "SRCDOC", "IFRAME", "pwned"] {
        assert!(!all.contains(gone), "{gone}: {all}");
    }
    assert!(all.contains("parade of tractors"));
}

#[test]
fn pages_load_from_files_of_every_html_kind_and_empty_ones_are_skipped_with_a_reason() {
    let dir = tempfile::tempdir().expect("tempdir");
    let page = format!(
        "<!DOCTYPE html><html><head><title>t</title></head><body><h1>Fair opens</h1>{STORY}</body></html>"
    );
    std::fs::write(dir.path().join("a.html"), &page).expect("write");
    std::fs::write(dir.path().join("b.HTM"), &page).expect("write");
    std::fs::write(dir.path().join("c.txt"), &page).expect("write");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(page.as_bytes()).expect("gzip");
    std::fs::write(dir.path().join("d.html.gz"), gz.finish().expect("gzip")).expect("write");
    std::fs::write(
        dir.path().join("e.html"),
        "<html><script>x()</script></html>",
    )
    .expect("write");
    std::fs::write(dir.path().join("f.htm.gz"), b"not gzip at all").expect("write");
    let (articles, problems) = library::load_paths(&[dir.path().to_path_buf()]);
    let titles: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["Fair opens"; 4]);
    assert!(
        articles
            .iter()
            .all(|a| a.body.iter().any(|p| p.contains("parade of tractors")))
    );
    let reasons: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert!(
        reasons[0].contains("e.html") && reasons[0].contains("no visible text"),
        "{reasons:?}"
    );
    assert!(
        reasons[1].contains("f.htm.gz") && reasons[1].contains("gzip"),
        "{reasons:?}"
    );
    assert!(reasons.iter().all(|r| !r.contains('\n')));
}

#[test]
fn a_gzip_bomb_is_skipped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![b' '; 1024 * 1024];
    for _ in 0..65 {
        gz.write_all(&zeros).expect("gzip");
    }
    let path = dir.path().join("bomb.html.gz");
    std::fs::write(&path, gz.finish().expect("gzip")).expect("write");
    let problem = library::load_file(&path).expect_err("too big");
    assert!(problem.reason.contains("more than 64 MiB"), "{problem}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_as_html_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let a = parse_html(&bytes, Some("https://example.com/a/b"));
        prop_assert!(a.subheads.iter().all(|&i| i < a.body.len()));
    }

    #[test]
    fn tag_soup_never_panics_and_shows_no_control_characters(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("<div>".to_string()), Just("</div>".to_string()), Just("<p>".to_string()),
                Just("</p>".to_string()), Just("<li>".to_string()), Just("<h1>".to_string()),
                Just("</h1>".to_string()), Just("<script>".to_string()), Just("</script>".to_string()),
                Just("<a href='/x'>".to_string()), Just("</a>".to_string()), Just("<br>".to_string()),
                Just("<figure><img alt='alt'>".to_string()), Just("<nav>".to_string()),
                Just("<pre>".to_string()), Just("&amp;&#27;&#x7;".to_string()),
                "[a-zA-Z \\x1b\\x07.]{0,30}",
            ],
            0..200,
        )
    ) {
        let page = parts.concat();
        let a = parse_html(page.as_bytes(), None);
        let mut fields = vec![a.title.clone()];
        fields.extend(a.body.iter().cloned());
        fields.extend(a.captions.iter().cloned());
        fields.extend(a.byline.clone());
        for field in fields {
            prop_assert!(!field.chars().any(char::is_control), "{:?}", field);
        }
    }
}
