//! HTML parse throughput: MB/s of page bytes → Article on one thread, on
//! generated pages of realistic size and shape (50–300 KB, mostly markup:
//! a `<head>` of meta tags, JSON-LD and inline scripts and styles, menus of
//! nested lists, a story of classed `<div>`s and `<p>`s with links and
//! figures, teaser rails and a footer).
//!
//!     cargo bench --bench html -- --warm-up-time 1 --measurement-time 5
//!
//! Two figures: `html/wall` is wall-clock time; `html/cpu` is the parsing
//! thread's CPU time (`CLOCK_THREAD_CPUTIME_ID`), which is what "MB/s on one
//! thread" means and stays true on a machine busy with other work.

use std::hint::black_box;

use criterion::measurement::{Measurement, ValueFormatter};
use criterion::{BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main};
use newsreader::article::parse_html;

#[path = "../tests/support/html_pages.rs"]
mod html_pages;

use html_pages::{Rng, page, page_size};

/// The calling thread's CPU time, in nanoseconds.
struct ThreadCpu;

fn thread_cpu_ns() -> u64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec for the call.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64
}

impl Measurement for ThreadCpu {
    type Intermediate = u64;
    type Value = u64;
    fn start(&self) -> u64 {
        thread_cpu_ns()
    }
    fn end(&self, start: u64) -> u64 {
        thread_cpu_ns().saturating_sub(start)
    }
    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }
    fn zero(&self) -> u64 {
        0
    }
    fn to_f64(&self, value: &u64) -> f64 {
        *value as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        &CpuFormatter
    }
}

/// Formats CPU nanoseconds as milliseconds and throughput as MB/s.
struct CpuFormatter;

impl ValueFormatter for CpuFormatter {
    fn scale_values(&self, _typical: f64, values: &mut [f64]) -> &'static str {
        values.iter_mut().for_each(|v| *v /= 1e6);
        "ms (cpu)"
    }
    fn scale_throughputs(
        &self,
        _typical: f64,
        throughput: &Throughput,
        values: &mut [f64],
    ) -> &'static str {
        if let Throughput::Bytes(bytes) = throughput {
            values
                .iter_mut()
                .for_each(|v| *v = *bytes as f64 / (*v / 1e9) / 1e6);
        }
        "MB/s (cpu)"
    }
    fn scale_for_machines(&self, _values: &mut [f64]) -> &'static str {
        "ns"
    }
}

fn pages() -> (Vec<String>, usize) {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let pages: Vec<String> = (0..40)
        .map(|_| {
            let target = page_size(&mut rng);
            page(&mut rng, target)
        })
        .collect();
    let bytes = pages.iter().map(String::len).sum();
    (pages, bytes)
}

fn run<M: Measurement>(mut group: BenchmarkGroup<'_, M>, pages: &[String], bytes: usize) {
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("parse_html 40 pages of 50-300 KB", |b| {
        b.iter(|| {
            for page in pages {
                black_box(parse_html(page.as_bytes(), None));
            }
        })
    });
    group.finish();
}

fn wall(c: &mut Criterion) {
    let (pages, bytes) = pages();
    run(c.benchmark_group("html/wall"), &pages, bytes);
}

fn cpu(c: &mut Criterion<ThreadCpu>) {
    let (pages, bytes) = pages();
    run(c.benchmark_group("html/cpu"), &pages, bytes);
}

criterion_group!(wall_clock, wall);
criterion_group! {
    name = cpu_time;
    config = Criterion::default().with_measurement(ThreadCpu);
    targets = cpu
}
criterion_main!(wall_clock, cpu_time);
