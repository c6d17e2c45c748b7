//! Arbitrary queries (in the extended syntax) against arbitrary headlines,
//! sources and bodies: parsing, ranking, highlighting and snippets must never
//! panic; results must be valid indices ordered best first and equal the plain
//! reference ranking; highlight positions must fall inside the headline and
//! snippets inside their width.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsreader::filter::{self, Cancel, FilterIndex, Query, QueryOptions, Searcher, query};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut lines = text.split('\n');
    let query_text = lines.next().unwrap_or_default();
    let full_text = query_text.starts_with('\u{1}');
    let options = QueryOptions { full_text };
    // Each further line is an article: title, then source and body after tabs.
    let entries: Vec<(&str, &str, &str)> = lines
        .map(|line| {
            let mut parts = line.splitn(3, '\t');
            (
                parts.next().unwrap_or_default(),
                parts.next().unwrap_or_default(),
                parts.next().unwrap_or_default(),
            )
        })
        .collect();
    let parsed = Query::parse(query_text);
    let mut index = FilterIndex::new();
    for (title, source, _) in &entries {
        index.push_entry(title, source);
    }
    for (_, _, body) in &entries {
        index.push_body(body);
    }
    let matches = filter::search_with(&index, query_text, options, None, 1, &Cancel::never())
        .map(|r| r.ranked.into_sorted_vec())
        .unwrap_or_default();
    for pair in matches.windows(2) {
        assert!(pair[0].score >= pair[1].score, "not best first");
    }
    let reference = filter::rank_reference(
        query_text,
        options,
        entries.iter().map(|&(t, s, b)| (t, s, Some(b))),
    );
    assert_eq!(matches, reference, "engine and reference disagree");
    // Narrowing from the first half of the query equals the fresh search.
    let half: String = query_text
        .chars()
        .take(query_text.chars().count() / 2)
        .collect();
    let mut searcher = Searcher::new(1);
    let _ = searcher.search_with(&index, &half, options, &Cancel::never());
    let narrowed = searcher
        .search_with(&index, query_text, options, &Cancel::never())
        .map(|r| r.ranked.into_sorted_vec())
        .unwrap_or_default();
    assert_eq!(narrowed, matches, "narrowing differs from a fresh search");
    for m in &matches {
        let (title, _, body) = entries[m.index as usize];
        let chars = title.chars().count();
        for i in filter::matched_indices(query_text, title) {
            assert!(i < chars, "highlight {i} outside {chars}-char title");
        }
        for width in [0, 1, 2, 5, 40] {
            if let Some(s) = query::snippet(&parsed, [body], width) {
                let snippet_chars = s.text.chars().count();
                assert!(newsreader::ui::text::width(&s.text) <= width, "snippet too wide");
                assert!(s.indices.iter().all(|&i| i < snippet_chars));
            }
        }
    }
});
