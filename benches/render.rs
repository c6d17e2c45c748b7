//! Frame render time: the whole reader (list, reading pane, filter bar, hint
//! line) drawn from an `&App` into a 120x40 ratatui `Buffer`, unfiltered and
//! filtered ("nat"), at 1M generated short articles (the `.jsonl` generator of
//! `examples/gen_corpus.rs`). Rendering touches only the visible rows, so the
//! figure should not depend on the library size (compare with
//! `NEWSREADER_BENCH_SIZES=1000,1000000`).
//!
//!     cargo bench --bench render -- --warm-up-time 1 --measurement-time 3

#[path = "../tests/support/corpus.rs"]
mod corpus;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use newsreader::app::{Action, App, Harness};
use newsreader::ui::Screen;
use newsreader::ui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

fn sizes() -> Vec<usize> {
    corpus::bench_sizes(&[1_000_000])
}

fn bench(c: &mut Criterion) {
    let area = Rect::new(0, 0, 120, 40);
    let theme = Theme::default();
    for n in sizes() {
        let mut app = Harness::new(App::new(
            corpus::short_articles(n, 42),
            (area.width, area.height),
        ));
        let mut group = c.benchmark_group(format!("render/{n}"));
        group.sample_size(20);
        let mut buf = Buffer::empty(area);
        group.bench_function("unfiltered", |b| {
            b.iter(|| {
                buf.reset();
                Screen::new(&app, &theme).render(area, &mut buf);
                black_box(buf.content().len())
            })
        });
        // Somewhere in the middle of the list, with the filter applied (the
        // harness's filter answers inline).
        for c in "nat".chars() {
            app.apply(Action::FilterInput(c));
        }
        let middle = app.matches().len() / 2;
        app.apply(Action::SelectRow(middle));
        group.bench_function("filtered nat, middle row", |b| {
            b.iter(|| {
                buf.reset();
                Screen::new(&app, &theme).render(area, &mut buf);
                black_box(buf.content().len())
            })
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
