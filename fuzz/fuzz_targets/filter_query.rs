//! Arbitrary queries against arbitrary headlines: ranking and highlighting must
//! never panic, results must be valid indices ordered best first, and highlight
//! positions must fall inside the headline.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsreader::filter;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut lines = text.split('\n');
    let query = lines.next().unwrap_or_default();
    let titles: Vec<&str> = lines.collect();
    let matches = filter::rank(query, titles.iter().copied());
    for pair in matches.windows(2) {
        assert!(pair[0].score >= pair[1].score, "not best first");
    }
    for m in &matches {
        let title = titles[m.index as usize];
        let chars = title.chars().count();
        for i in filter::matched_indices(query, title) {
            assert!(i < chars, "highlight {i} outside {chars}-char title");
        }
    }
});
