//! Properties of the parser over arbitrary input: it never panics, and the body
//! never contains a word that was not in the input.

use newsreader::article::{decode, parse};
use proptest::prelude::*;

/// Whether every body word occurs in the input (line breaks removed, since
/// reflow and URL rejoining join lines).
fn body_words_come_from(input: &str, body: &[String]) -> bool {
    let joined = input.replace('\n', "");
    // Reflow may also drop a line-end hyphen ("expen-" + "sive").
    let trimmed = input.lines().map(str::trim).collect::<Vec<_>>().join("\n");
    let dehyphenated = trimmed.replace("-\n", "");
    let trimmed_joined = trimmed.replace('\n', "");
    body.iter().flat_map(|p| p.split_whitespace()).all(|w| {
        input.contains(w)
            || joined.contains(w)
            || dehyphenated.contains(w)
            || trimmed_joined.contains(w)
    })
}

/// Lines shaped like the parts of a news page, to reach the deeper rules.
fn page_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("Menu".to_string()),
        Just("Share this with Facebook".to_string()),
        Just("By Jane Doe and John Roe".to_string()),
        Just("Updated 10:32 AM EST, November 19, 2019".to_string()),
        Just("FILE - A man walks past the ministry in Kyiv, Ukraine, April 6, 2021.".to_string()),
        Just("Information from Reuters was used in this report.".to_string()),
        Just("Related article: Something Else Happened Today".to_string()),
        Just("  • A key point about the story.".to_string()),
        Just("https://www.example.com/2021/02/04/some-story-about-things-a1".to_string()),
        Just("Original url:".to_string()),
        Just("XS SM MD LG".to_string()),
        "[A-Z][a-z]{2,8}( [A-Za-z]{2,8}){2,8}".prop_map(String::from),
        "[A-Z][a-z]{2,8}( [a-z]{1,8}){8,40}[.!?]".prop_map(String::from),
        "[\\PC]{0,120}".prop_map(String::from),
    ]
}

/// Words as a reader counts them, character by character: runs between
/// spaces, and in Chinese and Japanese (written without spaces) one word for
/// every two characters, their punctuation ("、", "。") separating words.
fn reader_words(p: &str) -> usize {
    let cjk = |c: char| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}');
    let (mut words, mut in_word, mut run) = (0usize, false, 0usize);
    for c in p.chars() {
        if cjk(c) {
            run += 1;
            in_word = false;
            continue;
        }
        words += run.div_ceil(2);
        run = 0;
        let space = c.is_whitespace() || ('\u{3000}'..='\u{303f}').contains(&c);
        if !space && !in_word {
            words += 1;
        }
        in_word = !space;
    }
    words + run.div_ceil(2)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..3000)) {
        let text = decode::decode_text(&bytes);
        let article = parse(&text);
        prop_assert!(body_words_come_from(&text, &article.body));
    }

    #[test]
    fn arbitrary_strings_never_panic(s in "\\PC{0,2000}") {
        let text = decode::decode_text(s.as_bytes());
        let article = parse(&text);
        prop_assert!(body_words_come_from(&text, &article.body));
    }

    #[test]
    fn page_shaped_text_never_panics_or_invents(lines in proptest::collection::vec(page_line(), 0..80)) {
        let raw = lines.join("\n");
        let text = decode::decode_text(raw.as_bytes());
        let article = parse(&text);
        prop_assert!(body_words_come_from(&text, &article.body));
        prop_assert_eq!(article.word_count, article.body.iter().map(|p| reader_words(p)).sum::<usize>());
    }
}
