//! Filter latency: 1-, 3- and 9-letter queries from scratch, and each keystroke of
//! typing "nato" and deleting back (incremental narrowing and the cache at work),
//! at 10k, 100k and 1M generated headlines (the generator of
//! `examples/gen_corpus.rs`). Every figure includes ordering the best 50.
//! Extended syntax: `nat !russia` and `'ukraine ^us` from scratch, and (up to
//! 100k) a full-text `nat` over generated article pages of ~3 KB as bodies.
//!
//!     cargo bench --bench filter -- --warm-up-time 1 --measurement-time 3
//!
//! Frame render time at 1M is in `benches/render.rs`.

#[path = "../tests/support/corpus.rs"]
mod corpus;

use std::hint::black_box;
use std::time::Instant;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use newsreader::filter::{Cancel, FilterIndex, QueryOptions, Searcher, engine};

fn sizes() -> Vec<usize> {
    corpus::bench_sizes(&[10_000, 100_000, 1_000_000])
}

fn bench(c: &mut Criterion) {
    let threads = engine::default_threads();
    for n in sizes() {
        let titles = corpus::headlines(n, 42);
        let index = FilterIndex::from_titles(titles.iter().map(String::as_str));
        let mut group = c.benchmark_group(format!("filter/{n}"));
        group.sample_size(10);
        // One query from scratch: the worst case for a keystroke.
        for query in ["n", "nat", "zelenskyy"] {
            group.bench_with_input(BenchmarkId::new("fresh", query), &query, |b, q| {
                b.iter(|| {
                    let results = engine::search(&index, q, None, threads, &Cancel::never());
                    let mut ranked = results.map(|r| r.ranked).unwrap_or_default();
                    black_box(ranked.top(50).len())
                })
            });
        }
        // Extended syntax from scratch: an exclusion, an exact and an anchored term.
        for query in ["nat !russia", "'ukraine ^us"] {
            group.bench_with_input(BenchmarkId::new("fresh", query), &query, |b, q| {
                b.iter(|| {
                    let results = engine::search(&index, q, None, threads, &Cancel::never());
                    let mut ranked = results.map(|r| r.ranked).unwrap_or_default();
                    black_box(ranked.top(50).len())
                })
            });
        }
        // Full text: the same headlines with bodies (article pages, ~3 KB each).
        if n <= 100_000 {
            let mut full = index.clone();
            for body in corpus::article_texts(n, 42) {
                full.push_body(&body);
            }
            let options = QueryOptions { full_text: true };
            group.bench_function("full text nat", |b| {
                b.iter(|| {
                    let results =
                        engine::search_with(&full, "nat", options, None, threads, &Cancel::never());
                    let mut ranked = results.map(|r| r.ranked).unwrap_or_default();
                    black_box(ranked.top(50).len())
                })
            });
        }
        // One keystroke while typing "nato" and deleting back, timed alone: the
        // earlier keys have filled the searcher's cache as they would in the reader.
        let typing = ["n", "na", "nat", "nato", "nat"];
        for step in 1..typing.len() {
            let name = format!("key {} after {}", typing[step], typing[..step].join(","));
            group.bench_function(name, |b| {
                b.iter_custom(|iters| {
                    let mut total = std::time::Duration::ZERO;
                    for _ in 0..iters {
                        let mut searcher = Searcher::new(threads);
                        let cancel = Cancel::never();
                        for q in &typing[..step] {
                            black_box(searcher.search(&index, q, &cancel).map(|r| r.len()));
                        }
                        let start = Instant::now();
                        let mut ranked = searcher
                            .search(&index, typing[step], &cancel)
                            .map(|r| r.ranked)
                            .unwrap_or_default();
                        black_box(ranked.top(50).len());
                        total += start.elapsed();
                    }
                    total
                })
            });
        }
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
