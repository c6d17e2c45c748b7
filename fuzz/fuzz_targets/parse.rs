//! Arbitrary bytes through decoding and parsing: must never panic, and no control
//! character may survive into any field the reader shows.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsreader::article::{decode, parse};

fuzz_target!(|data: &[u8]| {
    let text = decode::decode_text(data);
    let article = parse(&text);
    let single_line = [Some(&article.title), article.dek.as_ref(), article.byline.as_ref()];
    for field in single_line.into_iter().flatten() {
        assert!(!field.chars().any(char::is_control), "control char in {field:?}");
    }
    let lists = [&article.body, &article.captions, &article.key_points, &article.credits];
    for field in lists.into_iter().flatten() {
        assert!(!field.chars().any(char::is_control), "control char in {field:?}");
    }
    assert!(article.subheads.iter().all(|&i| i < article.body.len()));
});
