//! Parse and load throughput on generated article pages (about 3 KB each).
//!
//!     cargo bench --bench parse -- --warm-up-time 1 --measurement-time 3
//!
//! `parse/decode+parse`: bytes → Article on one thread (MB/s of page text).
//! `load/files/T threads`: files on disk → articles through the streaming loader
//! (read + decode + parse), 1 and 2 threads. `load/jsonl`: a `.jsonl` library of
//! short articles → articles (deserialise only).

#[path = "../tests/support/corpus.rs"]
mod corpus;

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsreader::article::{self, decode};
use newsreader::library::{LoadOptions, load_all};

/// The binary parses with mimalloc (see `src/main.rs`); measure what it runs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn parse(c: &mut Criterion) {
    let texts = corpus::article_texts(2_000, 42);
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut group = c.benchmark_group("parse");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("decode+parse 2000 pages", |b| {
        b.iter(|| {
            for text in &texts {
                black_box(article::parse(&decode::decode_text(text.as_bytes())));
            }
        })
    });
    group.finish();
}

fn load(c: &mut Criterion) {
    let Ok(dir) = tempfile::tempdir() else {
        eprintln!("no temporary folder; load benchmarks skipped");
        return;
    };
    let n = 5_000;
    let mut bytes = 0;
    for (i, text) in corpus::article_texts(n, 42).iter().enumerate() {
        let path = dir.path().join(corpus::shard_path(i));
        if let Some(parent) = path.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        bytes += text.len();
        let _ = std::fs::write(path, text);
    }
    let paths = vec![dir.path().to_path_buf()];
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    for threads in [1, 2] {
        let options = LoadOptions {
            threads,
            ..LoadOptions::default()
        };
        group.bench_function(format!("files/{n} pages/{threads} threads"), |b| {
            b.iter(|| black_box(load_all(&paths, options.clone()).0.len()))
        });
    }
    let jsonl: PathBuf = dir.path().join("lib.jsonl");
    let mut text = String::new();
    for article in corpus::short_articles(50_000, 42) {
        if let Ok(line) = serde_json::to_string(&article) {
            text.push_str(&line);
            text.push('\n');
        }
    }
    group.throughput(Throughput::Bytes(text.len() as u64));
    let _ = std::fs::write(&jsonl, text);
    let lib = vec![jsonl];
    group.bench_function("jsonl/50000 short articles/2 threads", |b| {
        b.iter(|| black_box(load_all(&lib, LoadOptions::default()).0.len()))
    });
    group.finish();
}

criterion_group!(benches, parse, load);
criterion_main!(benches);
