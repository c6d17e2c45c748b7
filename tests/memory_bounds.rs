//! Hostile input costs memory in proportion to what it holds, not to its
//! padding: measured with a counting allocator around the system one, so the
//! figures are exact and the same on every run (no timing involved).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use newsreader::library::{LoadOptions, load_all};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on to the system allocator unchanged; the
// counters only observe sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(live, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            let live = LIVE.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size
                - layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// One test at a time, held for the whole test: the counters are
/// process-wide, and another test's allocations would count in this one's peak.
static SERIAL: Mutex<()> = Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

/// The most memory `work` held at once beyond what was live before it.
fn peak_during<T>(work: impl FnOnce() -> T) -> (T, usize) {
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let out = work();
    (out, PEAK.load(Ordering::Relaxed).saturating_sub(before))
}

const MB: usize = 1024 * 1024;

#[test]
fn a_page_padded_with_blank_lines_costs_about_its_text() {
    let _serial = serial();
    // 8 MB of blank lines cost 16 bytes each (128 MB) in the parser before.
    let mut page = String::from("A headline for the page\n\nThe only paragraph of its body.\n");
    page.push_str(&"\n".repeat(8 * MB));
    page.push_str("The end of the page.\n");
    let (article, peak) = peak_during(|| newsreader::article::parse(&page));
    assert_eq!(article.title, "A headline for the page");
    eprintln!("parsing held {peak} bytes");
    assert!(peak < 4 * MB, "parsing held {} MB", peak / MB);
}

#[test]
fn a_library_of_empty_articles_costs_almost_nothing() {
    let _serial = serial();
    // 200,000 `{}` lines (600 KB) were 200,000 articles of several hundred
    // bytes each before.
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("empty.jsonl");
    let mut text = "{}\n".repeat(200_000);
    text.push_str("{\"title\":\"The one real article\"}\n");
    std::fs::write(&path, text).expect("write");
    let options = LoadOptions {
        threads: 2,
        ..LoadOptions::default()
    };
    let ((articles, problems), peak) =
        peak_during(|| load_all(std::slice::from_ref(&path), options));
    assert_eq!(articles.len(), 1);
    assert_eq!(problems.len(), 1, "one line says how many were skipped");
    eprintln!("loading held {peak} bytes");
    assert!(peak < 16 * MB, "loading held {} MB", peak / MB);
}
