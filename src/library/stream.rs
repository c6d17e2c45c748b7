//! Streaming, parallel loading: the reader shows its first frame at once and
//! articles arrive in batches while worker threads read and parse.
//!
//! [`spawn_loader`] finds the files (article `.txt` files and `.jsonl`
//! libraries, in [`collect_files`](super::collect_files) order), then a producer
//! cuts the work into jobs (a few dozen files, or a block of JSON lines), worker
//! threads parse jobs in parallel, and a collector puts the results back in
//! library order before sending them: the article at index `i` is the same
//! whatever the number of threads. Dropping the receiver stops everything.

use std::collections::{BTreeMap, HashSet};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender, SyncSender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::{
    FileId, Found, MAX_ARTICLE_BYTES, Problem, bundled, file_id, is_library_file, load_file_with_id,
};
use crate::article::Article;
use crate::store::files::human_size;

/// The largest `.jsonl` library read: a 1M-article library is about 500 MB,
/// and the reader needs about 1.6 times a library's size in memory. A larger
/// file is skipped with a reason, without being read.
pub const MAX_LIBRARY_BYTES: u64 = 1024 * 1024 * 1024;

/// The longest `.jsonl` line (one article) read: the article file limit. A
/// longer line is skipped with a reason, without being kept in memory.
pub const MAX_LINE_BYTES: u64 = MAX_ARTICLE_BYTES;

/// The most articles loaded in one session, twice the largest library the
/// reader is built for (1M articles); the rest are skipped with one reason.
/// Each article costs about a kilobyte besides its text, whatever the files.
pub const MAX_ARTICLES: usize = 2_000_000;

/// Bad lines of one `.jsonl` file reported one by one; the rest are counted
/// in one more line, so a file of a billion bad lines reports 101.
pub const MAX_LINE_PROBLEMS: usize = 100;

/// A job of `.jsonl` lines stops growing past this many bytes (or at
/// `lines_per_job` lines), so jobs in flight stay small.
const JOB_BYTES: usize = 1 << 20;

/// What the loader reports, in this order: problems found while looking for
/// files, then batches (each followed by a progress report) with problems in
/// library order among them, then `Done`.
#[derive(Debug)]
pub enum LoadEvent {
    /// The next articles, in library order.
    Batch(Vec<Article>),
    /// `done` of `total` entries (files and `.jsonl` lines) processed.
    Progress { done: usize, total: usize },
    /// A file or `.jsonl` line that could not be loaded; the rest still load.
    Problem(Problem),
    /// Everything has been sent.
    Done,
}

/// How the loader divides its work.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Parsing threads.
    pub threads: usize,
    /// Article files per job.
    pub files_per_job: usize,
    /// `.jsonl` lines per job.
    pub lines_per_job: usize,
    /// A batch is sent at least this often while results are ready (and at the
    /// latest when `batch_articles` have gathered).
    pub batch_interval: Duration,
    /// Most articles gathered before a batch is sent.
    pub batch_articles: usize,
    /// Most articles loaded ([`MAX_ARTICLES`]; smaller in tests).
    pub max_articles: usize,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            threads: crate::filter::engine::default_threads(),
            files_per_job: 64,
            lines_per_job: 2048,
            batch_interval: Duration::from_millis(20),
            batch_articles: 5_000,
            max_articles: MAX_ARTICLES,
        }
    }
}

/// Starts loading `paths` (the bundled articles when empty) on background
/// threads with the default options.
pub fn spawn_loader(paths: Vec<PathBuf>) -> Receiver<LoadEvent> {
    spawn_loader_with(paths, LoadOptions::default())
}

/// [`spawn_loader`] with explicit options.
pub fn spawn_loader_with(paths: Vec<PathBuf>, options: LoadOptions) -> Receiver<LoadEvent> {
    let (tx, rx) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("newsreader-loader".into())
        .spawn({
            let tx = tx.clone();
            move || load(&paths, &options, &tx)
        });
    if let Err(err) = spawned {
        let _ = tx.send(LoadEvent::Problem(Problem {
            path: PathBuf::from("newsreader"),
            reason: format!("cannot start the loader: {err}"),
        }));
        let _ = tx.send(LoadEvent::Done);
    }
    rx
}

/// Loads everything on the calling thread's behalf and returns it all at once.
pub fn load_all(paths: &[PathBuf], options: LoadOptions) -> (Vec<Article>, Vec<Problem>) {
    let mut articles = Vec::new();
    let mut problems = Vec::new();
    for event in spawn_loader_with(paths.to_vec(), options) {
        match event {
            LoadEvent::Batch(batch) => articles.extend(batch),
            LoadEvent::Problem(problem) => problems.push(problem),
            // No room is reserved from the total: it counts lines, and lines
            // that hold no article (or bad JSON) would claim memory for nothing.
            LoadEvent::Progress { .. } => {}
            LoadEvent::Done => break,
        }
    }
    (articles, problems)
}

enum Job {
    Failed(Problem),
    Files(Vec<PathBuf>),
    Lines {
        path: Arc<PathBuf>,
        first_line: usize,
        data: Vec<u8>,
        /// Lines (counted from `first_line`, 0-based) longer than
        /// [`MAX_LINE_BYTES`]: an empty line stands in for each in `data`.
        too_long: Vec<usize>,
    },
    /// A `.jsonl` file has been read to its end.
    End(Arc<PathBuf>),
}

/// One result of a job.
// Nearly every item is an article: boxing it would cost an allocation each.
#[allow(clippy::large_enum_variant)]
enum Item {
    /// An article, with its file's identity for an article file (so a file
    /// reached twice loads once).
    Article(Article, Option<FileId>),
    /// A file that could not be loaded.
    Problem(Problem),
    /// A `.jsonl` line that could not be loaded (reported up to
    /// [`MAX_LINE_PROBLEMS`] per file).
    BadLine(Problem),
}

/// A job's results in library order, and how many entries it covered.
#[derive(Default)]
struct Output {
    items: Vec<Item>,
    entries: usize,
    /// `.jsonl` lines that held no article: counted, not kept.
    blank: usize,
    /// Set by a [`Job::End`]: the file whose lines have all been sent.
    end_of: Option<Arc<PathBuf>>,
}

fn load(paths: &[PathBuf], options: &LoadOptions, tx: &Sender<LoadEvent>) {
    if paths.is_empty() {
        let articles = bundled();
        let total = articles.len();
        let _ = tx.send(LoadEvent::Batch(articles));
        let _ = tx.send(LoadEvent::Progress { done: total, total });
        let _ = tx.send(LoadEvent::Done);
        return;
    }
    let threads = options.threads.max(1);
    let (found_tx, found_rx) = mpsc::channel::<Found>();
    let (total_tx, total_rx) = mpsc::channel::<usize>();
    let (job_tx, job_rx) = mpsc::sync_channel::<(usize, Job)>(threads * 2);
    let job_rx = Arc::new(Mutex::new(job_rx));
    let (out_tx, out_rx) = mpsc::channel::<(usize, Output)>();
    std::thread::scope(|scope| {
        // Files are found, cut into jobs, parsed and put back in order all at
        // once: the first articles do not wait for a large folder to be walked.
        scope.spawn(move || find(paths, found_tx, &total_tx));
        for _ in 0..threads {
            let job_rx = job_rx.clone();
            let out_tx = out_tx.clone();
            scope.spawn(move || work(&job_rx, &out_tx));
        }
        drop(out_tx);
        scope.spawn(move || produce(found_rx, options, &job_tx));
        collect(&out_rx, options, &total_rx, tx);
        // Stop the workers, the producer and the walk early if the receiver went away.
        drop(out_rx);
    });
    let _ = tx.send(LoadEvent::Done);
}

/// Walks the paths, passing files on as they are found, and reports the total
/// number of entries as it grows: article files count one each; `.jsonl` lines
/// are estimated from the file size while walking and counted once the walk is
/// done (a cold 600 MB library takes a while to read).
fn find(paths: &[PathBuf], found_tx: Sender<Found>, total_tx: &Sender<usize>) {
    let mut article_files = 0;
    let mut libraries = Vec::new();
    let mut estimate = 0;
    let mut seen_libraries: HashSet<FileId> = HashSet::new();
    let completed = super::discover(paths, &mut |found| {
        if let Found::File(path) = &found {
            if is_library_file(path) || is_database(path) {
                let meta = std::fs::metadata(path);
                // The same library reached by two paths loads once.
                if let Some(id) = meta.as_ref().ok().and_then(|m| file_id(path, m))
                    && !seen_libraries.insert(id)
                {
                    return true;
                }
                let bytes = meta.map_or(0, |m| m.len()).min(MAX_LIBRARY_BYTES + 1);
                estimate += (bytes / ESTIMATED_LINE_BYTES) as usize;
                libraries.push(path.clone());
            } else {
                article_files += 1;
            }
            if (article_files + libraries.len()) % 1024 == 1 || libraries.last() == Some(path) {
                let _ = total_tx.send(article_files + estimate);
            }
        }
        found_tx.send(found).is_ok()
    });
    // The producer may finish its last job while the lines are counted.
    drop(found_tx);
    if !completed {
        return;
    }
    let _ = total_tx.send(article_files + estimate);
    let lines: usize = libraries
        .iter()
        .map(|f| count_entries(f).unwrap_or(0))
        .sum();
    let _ = total_tx.send(article_files + lines);
}

/// Cuts the files into jobs in library order, as they are found.
fn produce(found: Receiver<Found>, options: &LoadOptions, jobs: &SyncSender<(usize, Job)>) {
    let mut seq = 0;
    let mut send = |job: Job| {
        let ok = jobs.send((seq, job)).is_ok();
        seq += 1;
        ok
    };
    let mut group: Vec<PathBuf> = Vec::new();
    let mut file_jobs = 0;
    for item in found {
        let file = match item {
            Found::File(file) => file,
            Found::Problem(problem) => {
                if !group.is_empty() && !send(Job::Files(std::mem::take(&mut group))) {
                    return;
                }
                if !send(Job::Failed(problem)) {
                    return;
                }
                continue;
            }
        };
        if is_library_file(&file) || is_database(&file) {
            if !group.is_empty() && !send(Job::Files(std::mem::take(&mut group))) {
                return;
            }
            let sent = if is_database(&file) {
                produce_rows(&file, options.lines_per_job, &mut send)
            } else {
                produce_lines(&file, options.lines_per_job, &mut send)
            };
            if !sent {
                return;
            }
        } else {
            group.push(file);
            // Small jobs first, so the first screen fills at once.
            let size = if file_jobs < 4 {
                options.files_per_job.clamp(1, 8)
            } else {
                options.files_per_job.max(1)
            };
            if group.len() >= size {
                file_jobs += 1;
                if !send(Job::Files(std::mem::take(&mut group))) {
                    return;
                }
            }
        }
    }
    if !group.is_empty() {
        send(Job::Files(group));
    }
}

/// Sends a `.jsonl` file as blocks of lines, then [`Job::End`]; false when the
/// loader is stopping. Files over [`MAX_LIBRARY_BYTES`] are skipped unread, and
/// lines over [`MAX_LINE_BYTES`] are skipped without being kept.
fn produce_lines(file: &Path, lines_per_job: usize, send: &mut impl FnMut(Job) -> bool) -> bool {
    let path = Arc::new(file.to_path_buf());
    let failed = |reason: String| {
        // Reported through a job so it lands in library order.
        Job::Failed(Problem {
            path: file.to_path_buf(),
            reason,
        })
    };
    let reader = match super::open_regular(file) {
        Ok((_, meta)) if meta.len() > MAX_LIBRARY_BYTES => {
            return send(failed(format!(
                "larger than {}; skipped",
                human_size(MAX_LIBRARY_BYTES)
            )));
        }
        Ok((f, _)) => f,
        Err(reason) => return send(failed(reason)),
    };
    // Read no more than the limit even if the file grows meanwhile.
    let mut reader = BufReader::with_capacity(1 << 20, reader.take(MAX_LIBRARY_BYTES));
    let mut first_line = 1;
    loop {
        let mut data = Vec::new();
        let mut too_long = Vec::new();
        let mut lines = 0;
        while lines < lines_per_job.max(1) && data.len() < JOB_BYTES {
            match read_line_capped(&mut reader, &mut data, MAX_LINE_BYTES as usize) {
                Ok(Line::End) => break,
                Ok(Line::Read) => lines += 1,
                Ok(Line::TooLong) => {
                    too_long.push(lines);
                    data.push(b'\n');
                    lines += 1;
                }
                Err(err) => {
                    // Send what was read, then the failure; the rest is skipped.
                    let read = Job::Lines {
                        path: path.clone(),
                        first_line,
                        data,
                        too_long,
                    };
                    let reason = format!("line {}: {err}", first_line + lines);
                    return send(read) && send(failed(reason)) && send(Job::End(path));
                }
            }
        }
        if lines == 0 {
            return send(Job::End(path));
        }
        let job = Job::Lines {
            path: path.clone(),
            first_line,
            data,
            too_long,
        };
        if !send(job) {
            return false;
        }
        first_line += lines;
    }
}

/// What [`read_line_capped`] found.
#[derive(Debug, PartialEq, Eq)]
enum Line {
    /// A line, appended with its line feed (the last line may have none).
    Read,
    /// A line longer than the cap: read past, nothing appended.
    TooLong,
    /// The end of the input: nothing appended.
    End,
}

/// `read_until(b'\n')` that keeps at most `max` bytes of a line (its line feed
/// aside): a longer line is read past in buffer-sized steps, never held whole.
fn read_line_capped(
    reader: &mut impl BufRead,
    out: &mut Vec<u8>,
    max: usize,
) -> std::io::Result<Line> {
    let start = out.len();
    let mut seen = 0usize;
    let mut too_long = false;
    loop {
        let buffer = match reader.fill_buf() {
            Ok(buffer) => buffer,
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        if buffer.is_empty() {
            break;
        }
        let (taken, ends) = match memchr::memchr(b'\n', buffer) {
            Some(at) => (at + 1, true),
            None => (buffer.len(), false),
        };
        let text = taken - usize::from(ends);
        if !too_long && seen + text > max {
            too_long = true;
            out.truncate(start);
        }
        if !too_long {
            out.extend_from_slice(&buffer[..taken]);
        }
        seen += taken;
        reader.consume(taken);
        if ends {
            break;
        }
    }
    Ok(match (seen, too_long) {
        (0, _) => Line::End,
        (_, true) => Line::TooLong,
        (_, false) => Line::Read,
    })
}

fn work(jobs: &Mutex<Receiver<(usize, Job)>>, out: &Sender<(usize, Output)>) {
    loop {
        let next = match jobs.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok((seq, job)) = next else { return };
        let output = match job {
            Job::Failed(problem) => Output {
                items: vec![Item::Problem(problem)],
                ..Output::default()
            },
            Job::Files(files) => load_files(&files),
            Job::Lines {
                path,
                first_line,
                data,
                too_long,
            } => parse_lines(&path, first_line, &data, &too_long),
            Job::End(path) => Output {
                end_of: Some(path),
                ..Output::default()
            },
        };
        if out.send((seq, output)).is_err() {
            return;
        }
    }
}

/// Loads article files, each under [`super::contain::contain`]: a panic on one
/// file (a parser bug some hostile text hits) skips that file with a reason.
fn load_files(files: &[PathBuf]) -> Output {
    Output {
        items: files
            .iter()
            .map(
                |file| match super::contain::contain(|| load_file_with_id(file)) {
                    Ok(Ok((article, id))) => Item::Article(article, id),
                    Ok(Err(problem)) => Item::Problem(problem),
                    Err(panic) => Item::Problem(Problem {
                        path: file.clone(),
                        reason: panic_reason(&panic),
                    }),
                },
            )
            .collect(),
        entries: files.len(),
        ..Output::default()
    }
}

/// Why a file whose parse panicked was skipped.
fn panic_reason(panic: &str) -> String {
    format!("newsreader failed on this file (a bug: {panic}); skipped")
}

/// The byte order mark some editors put at the start of a UTF-8 file.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Deserialises one block of JSON lines; a bad line is a problem naming the file
/// and line, and the other lines still load. Blank lines are skipped, and lines
/// holding no article (`{}`: no title, text or link) are counted, not kept. A
/// byte order mark before the first line is ignored. Every article is cleaned
/// for the screen like a parsed one (a library is as untrusted as a web page),
/// gets a title if it has none and a word count if its body has words but the
/// count is 0. Each line is read under [`super::contain::contain`].
fn parse_lines(path: &Path, first_line: usize, data: &[u8], too_long: &[usize]) -> Output {
    let mut output = Output::default();
    let body = data.strip_suffix(b"\n").unwrap_or(data);
    for (offset, line) in split_lines(body).enumerate() {
        output.entries += 1;
        let number = first_line + offset;
        let bad = |reason: String| {
            Item::BadLine(Problem {
                path: path.to_path_buf(),
                reason: format!("line {number}: {reason}"),
            })
        };
        if too_long.contains(&offset) {
            let limit = human_size(MAX_LINE_BYTES);
            output
                .items
                .push(bad(format!("longer than {limit}; skipped")));
            continue;
        }
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let line = match number {
            1 => line.strip_prefix(BOM).unwrap_or(line),
            _ => line,
        };
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match super::contain::contain(|| library_article(path, number, line)) {
            Ok(Ok(Some(article))) => output.items.push(Item::Article(article, None)),
            Ok(Ok(None)) => output.blank += 1,
            Ok(Err(err)) => output.items.push(bad(err.to_string())),
            Err(panic) => output.items.push(bad(panic_reason(&panic))),
        }
    }
    output
}

/// `data` cut at each `\n`, as `split` would (empty lines and the last piece
/// included), but finding the newlines with `memchr`: a byte-at-a-time
/// split was a tenth of the CPU time of opening a 100k library.
fn split_lines(data: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut start = 0;
    memchr::memchr_iter(b'\n', data)
        .map(Some)
        .chain(std::iter::once(None))
        .map(move |newline| {
            let end = newline.unwrap_or(data.len());
            let line = &data[start..end];
            start = end + 1;
            line
        })
}

/// The article on one `.jsonl` line, ready for the reader; `None` when it
/// holds nothing to read or open.
fn library_article(path: &Path, number: usize, line: &[u8]) -> serde_json::Result<Option<Article>> {
    let mut article = serde_json::from_slice::<Article>(line)?;
    crate::article::sanitize::clean_article(&mut article);
    if holds_nothing(&article) {
        return Ok(None);
    }
    if article.path.is_empty() {
        article.path = format!("{}:{number}", path.display());
    }
    if article.title.trim().is_empty() {
        article.title = article
            .url
            .clone()
            .filter(|url| !url.trim().is_empty())
            .unwrap_or_else(|| UNTITLED.to_owned());
    }
    if article.word_count == 0 && !article.body.is_empty() {
        article.word_count = crate::article::model::count_words(&article.body);
    }
    Ok(Some(article))
}

/// Whether an article has nothing to read or open: no headline, standfirst,
/// text, caption, link or URL (a byline or date alone is not an article).
fn holds_nothing(article: &Article) -> bool {
    let blank = |text: &str| text.trim().is_empty();
    let all_blank = |list: &[String]| list.iter().all(|t| blank(t));
    blank(&article.title)
        && article.dek.as_deref().is_none_or(blank)
        && article.url.as_deref().is_none_or(blank)
        && all_blank(&article.body)
        && all_blank(&article.key_points)
        && all_blank(&article.captions)
        && all_blank(&article.credits)
        && all_blank(&article.links)
        && article
            .related
            .iter()
            .all(|r| blank(&r.title) && r.url.as_deref().is_none_or(blank))
}

/// The title of a `.jsonl` article that has none.
const UNTITLED: &str = "(untitled)";

/// Receives results in any order and sends them in library order, merging what
/// is ready into batches.
fn collect(
    results: &Receiver<(usize, Output)>,
    options: &LoadOptions,
    totals: &Receiver<usize>,
    tx: &Sender<LoadEvent>,
) {
    let mut pending: BTreeMap<usize, Output> = BTreeMap::new();
    let mut next = 0;
    let mut done = 0;
    let mut batch: Vec<Article> = Vec::new();
    let mut last_sent = Instant::now();
    let mut total = 0;
    let mut seen_files: HashSet<FileId> = HashSet::new();
    let flush = |batch: &mut Vec<Article>, done: usize, total: &mut usize| -> bool {
        // The newest total from the walk (it grows, then becomes exact).
        while let Ok(newer) = totals.try_recv() {
            *total = newer;
        }
        *total = (*total).max(done);
        if !batch.is_empty() && tx.send(LoadEvent::Batch(std::mem::take(batch))).is_err() {
            return false;
        }
        tx.send(LoadEvent::Progress {
            done,
            total: *total,
        })
        .is_ok()
    };
    // The first articles go out as soon as they are ready, for the first screen.
    let mut first = true;
    let mut loaded = 0usize;
    // The `.jsonl` file being read: its bad and empty lines so far.
    let (mut bad_lines, mut blank_lines) = (0usize, 0usize);
    while let Ok((seq, output)) = results.recv() {
        pending.insert(seq, output);
        while let Some(output) = pending.remove(&next) {
            next += 1;
            blank_lines += output.blank;
            for item in output.items {
                let problem = match item {
                    // A file reached by two paths (a link to a file in the same
                    // folder, a file given twice) loads once, where first reached.
                    Item::Article(article, id) => {
                        if !id.is_none_or(|id| seen_files.insert(id)) {
                            continue;
                        }
                        if loaded == options.max_articles {
                            let problem = Problem {
                                path: PathBuf::from(&article.path),
                                reason: format!(
                                    "more than {} articles; this one and the rest are not loaded",
                                    options.max_articles
                                ),
                            };
                            if flush(&mut batch, done, &mut total) {
                                let _ = tx.send(LoadEvent::Problem(problem));
                            }
                            return;
                        }
                        loaded += 1;
                        batch.push(article);
                        continue;
                    }
                    Item::Problem(problem) => problem,
                    Item::BadLine(problem) => {
                        bad_lines += 1;
                        if bad_lines > MAX_LINE_PROBLEMS {
                            continue;
                        }
                        problem
                    }
                };
                // Articles before a problem go first, so events keep library order.
                if !flush(&mut batch, done, &mut total)
                    || tx.send(LoadEvent::Problem(problem)).is_err()
                {
                    return;
                }
            }
            done += output.entries;
            if let Some(path) = output.end_of {
                let more = bad_lines.saturating_sub(MAX_LINE_PROBLEMS);
                let tallies = [
                    (more, "more bad line", "not listed"),
                    (
                        blank_lines,
                        "line",
                        "held no article (no headline, text or link); skipped",
                    ),
                ];
                for (count, noun, what) in tallies.into_iter().filter(|t| t.0 > 0) {
                    let plural = if count == 1 { "" } else { "s" };
                    let problem = Problem {
                        path: path.to_path_buf(),
                        reason: format!("{count} {noun}{plural} {what}"),
                    };
                    if !flush(&mut batch, done, &mut total)
                        || tx.send(LoadEvent::Problem(problem)).is_err()
                    {
                        return;
                    }
                }
                (bad_lines, blank_lines) = (0, 0);
            }
        }
        if (first && !batch.is_empty())
            || batch.len() >= options.batch_articles
            || last_sent.elapsed() >= options.batch_interval
        {
            first &= batch.is_empty();
            if !flush(&mut batch, done, &mut total) {
                return;
            }
            last_sent = Instant::now();
        }
    }
    // Everything has been processed: the total is what was done.
    while totals.try_recv().is_ok() {}
    total = done;
    flush(&mut batch, done, &mut total);
}

/// Bytes per `.jsonl` line assumed for the progress total until the lines are
/// counted (short generated articles are about 600).
const ESTIMATED_LINE_BYTES: u64 = 600;

/// Lines in a file (a last line without a newline counts).
/// Whether `path` is a library database (`library.db`), whose articles load
/// like the lines of a `.jsonl` library.
fn is_database(path: &Path) -> bool {
    crate::store::library_db::is_library_database(path)
}

/// Sends a library database's articles, newest first, as blocks of JSON
/// lines (each stored article is one line of JSON); false when the loader is
/// stopping.
fn produce_rows(file: &Path, rows_per_job: usize, send: &mut impl FnMut(Job) -> bool) -> bool {
    let path = Arc::new(file.to_path_buf());
    let failed = |reason: String| {
        Job::Failed(Problem {
            path: file.to_path_buf(),
            reason,
        })
    };
    let db = match crate::store::library_db::LibraryDb::open_read_only(file) {
        Ok(db) => db,
        Err(err) => return send(failed(err.to_string())),
    };
    let mut first_line = 1;
    // Room for a block and the article that ends it: blocks never grow by
    // copying (full articles are a few KB each, so a block of
    // `rows_per_job` rows would otherwise double its buffer three times).
    let capacity = JOB_BYTES + 64 * 1024;
    let mut data = Vec::with_capacity(capacity);
    let mut rows = 0;
    let mut going = true;
    let walked = db.for_each_article_json(|json| {
        data.extend_from_slice(json.as_bytes());
        data.push(b'\n');
        rows += 1;
        // The first block is small, so the first screen fills at once.
        let block = if first_line == 1 {
            256
        } else {
            rows_per_job.max(1)
        };
        if rows >= block || data.len() >= JOB_BYTES {
            let job = Job::Lines {
                path: path.clone(),
                first_line,
                data: std::mem::replace(&mut data, Vec::with_capacity(capacity)),
                too_long: Vec::new(),
            };
            first_line += rows;
            rows = 0;
            going = send(job);
        }
        going
    });
    if !going {
        return false;
    }
    if rows > 0
        && !send(Job::Lines {
            path: path.clone(),
            first_line,
            data,
            too_long: Vec::new(),
        })
    {
        return false;
    }
    if let Err(err) = walked
        && !send(failed(err.to_string()))
    {
        return false;
    }
    send(Job::End(path))
}

/// Entries in a library: lines of a `.jsonl` file, articles of a database.
fn count_entries(path: &Path) -> std::io::Result<usize> {
    if is_database(path) {
        return crate::store::library_db::LibraryDb::open_read_only(path)
            .and_then(|db| db.article_count())
            .map_err(std::io::Error::from);
    }
    count_lines(path)
}

fn count_lines(path: &Path) -> std::io::Result<usize> {
    let (mut file, meta) = super::open_regular(path).map_err(std::io::Error::other)?;
    if meta.len() > MAX_LIBRARY_BYTES {
        return Ok(0); // Skipped unread.
    }
    let mut buffer = vec![0u8; 1 << 20];
    let mut lines = 0;
    let mut last = b'\n';
    loop {
        let n = file.read(&mut buffer)?;
        if n == 0 {
            break;
        }
        lines += memchr::memchr_iter(b'\n', &buffer[..n]).count();
        last = buffer[n - 1];
    }
    if last != b'\n' {
        lines += 1;
    }
    Ok(lines)
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;
    use crate::corpus;

    #[test]
    fn lines_are_cut_as_split_cuts_them() {
        for data in [
            &b""[..],
            b"\n",
            b"a",
            b"a\n",
            b"a\nb",
            b"\n\na\n\nbc\n",
            b"{\"title\":\"x\"}\r\n{}",
        ] {
            let expected: Vec<&[u8]> = data.split(|&b| b == b'\n').collect();
            assert_eq!(split_lines(data).collect::<Vec<_>>(), expected, "{data:?}");
        }
    }

    fn options(threads: usize) -> LoadOptions {
        LoadOptions {
            threads,
            files_per_job: 3,
            lines_per_job: 5,
            batch_interval: Duration::ZERO,
            batch_articles: 7,
            max_articles: MAX_ARTICLES,
        }
    }

    /// A folder of article files and a `.jsonl` library between them.
    fn library(dir: &Path) -> usize {
        let texts = corpus::article_texts(40, 11);
        for (i, text) in texts.iter().enumerate() {
            let path = dir.join(corpus::shard_path(i * 40));
            fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            fs::write(path, text).expect("write");
        }
        let mut jsonl = String::new();
        for article in corpus::short_articles(23, 5) {
            jsonl.push_str(&serde_json::to_string(&article).expect("json"));
            jsonl.push('\n');
        }
        fs::write(dir.join("0000/0000999.jsonl"), jsonl).expect("write");
        texts.len() + 23
    }

    #[test]
    fn order_is_the_same_for_any_number_of_threads() {
        let dir = tempfile::tempdir().expect("tempdir");
        let expected = library(dir.path());
        let paths = vec![dir.path().to_path_buf()];
        let (one, problems) = load_all(&paths, options(1));
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(one.len(), expected);
        for threads in [2, 5] {
            let (many, _) = load_all(&paths, options(threads));
            assert_eq!(many, one, "{threads} threads");
        }
        // The library sits in path order among the files.
        let position = one
            .iter()
            .position(|a| a.path.starts_with("generated/"))
            .expect("jsonl articles");
        assert_eq!(position, 25, "after 0000/0000000..0000960.txt");
    }

    #[test]
    fn events_stream_in_batches_with_progress_and_end_with_done() {
        let dir = tempfile::tempdir().expect("tempdir");
        let expected = library(dir.path());
        let events: Vec<LoadEvent> = spawn_loader_with(vec![dir.path().to_path_buf()], options(2))
            .into_iter()
            .collect();
        let batches = events
            .iter()
            .filter(|e| matches!(e, LoadEvent::Batch(_)))
            .count();
        assert!(batches > 1, "streamed in {batches} batches");
        let last_progress = events.iter().rev().find_map(|e| match e {
            LoadEvent::Progress { done, total } => Some((*done, *total)),
            _ => None,
        });
        assert_eq!(last_progress, Some((expected, expected)));
        assert!(matches!(events.last(), Some(LoadEvent::Done)));
    }

    #[test]
    fn bad_jsonl_lines_are_problems_naming_file_and_line_and_the_rest_load() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("lib.jsonl");
        fs::write(
            &path,
            "{\"title\":\"One\"}\n\nnot json\n{\"title\":\"Two\",\"path\":\"a.txt\"}\r\n{\"title\":3}\n{\"title\":\"Last\"}",
        )
        .expect("write");
        let (articles, problems) = load_all(std::slice::from_ref(&path), options(2));
        let titles: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["One", "Two", "Last"]);
        assert_eq!(articles[0].path, format!("{}:1", path.display()));
        assert_eq!(articles[1].path, "a.txt");
        let reasons: Vec<String> = problems.iter().map(|p| p.reason.clone()).collect();
        assert_eq!(problems.len(), 2, "{reasons:?}");
        assert!(reasons[0].starts_with("line 3: "), "{reasons:?}");
        assert!(reasons[1].starts_with("line 5: "), "{reasons:?}");
        assert!(problems.iter().all(|p| p.path == path));
    }

    #[test]
    fn problems_keep_library_order_among_articles() {
        let dir = tempfile::tempdir().expect("tempdir");
        for (name, text) in [
            (
                "a.txt",
                "Alpha story headline\n\nThe first story's only paragraph, told in a sentence.",
            ),
            ("b.txt", " \n"),
            (
                "c.txt",
                "Gamma story headline\n\nThe third story's only paragraph, told in a sentence.",
            ),
        ] {
            fs::write(dir.path().join(name), text).expect("write");
        }
        let events: Vec<LoadEvent> = spawn_loader_with(vec![dir.path().to_path_buf()], options(2))
            .into_iter()
            .collect();
        let order: Vec<String> = events
            .iter()
            .flat_map(|e| match e {
                LoadEvent::Batch(batch) => batch.iter().map(|a| a.title.clone()).collect(),
                LoadEvent::Problem(p) => vec![format!("problem {}", p.path.display())],
                _ => Vec::new(),
            })
            .collect();
        let b = dir.path().join("b.txt");
        assert_eq!(
            order,
            [
                "Alpha story headline".to_string(),
                format!("problem {}", b.display()),
                "Gamma story headline".to_string()
            ]
        );
    }

    #[test]
    fn no_paths_load_the_bundled_articles() {
        let (articles, problems) = load_all(&[], options(2));
        assert_eq!(articles.len(), 4);
        assert!(problems.is_empty());
    }

    fn reasons(problems: &[Problem]) -> Vec<String> {
        problems.iter().map(|p| p.reason.clone()).collect()
    }

    #[test]
    fn a_byte_order_mark_before_the_first_line_is_ignored() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("lib.jsonl");
        fs::write(&path, "\u{feff}{\"title\":\"One\"}\n{\"title\":\"Two\"}\n").expect("write");
        let (articles, problems) = load_all(std::slice::from_ref(&path), options(2));
        assert!(problems.is_empty(), "{:?}", reasons(&problems));
        let titles: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["One", "Two"]);
    }

    #[test]
    fn lines_holding_no_article_are_counted_in_one_reason_not_kept() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("lib.jsonl");
        let mut text = "{}\n".repeat(30);
        text.push_str("{\"title\":\"Real\"}\n{\"byline\":\"Only a name\"}\n");
        text.push_str("{\"url\":\"https://example.com/a\"}\n{\"title\":\" \",\"body\":[\"\"]}\n");
        text.push_str("{\"body\":[\"Only text.\"]}\n");
        fs::write(&path, text).expect("write");
        let (articles, problems) = load_all(std::slice::from_ref(&path), options(2));
        let titles: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["Real", "https://example.com/a", "(untitled)"]);
        assert_eq!(
            reasons(&problems),
            ["32 lines held no article (no headline, text or link); skipped"]
        );
        assert_eq!(problems[0].path, path);
    }

    #[test]
    fn bad_lines_are_listed_up_to_a_limit_then_counted() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("lib.jsonl");
        let mut text = "not json\n".repeat(MAX_LINE_PROBLEMS + 150);
        text.push_str("{\"title\":\"Last\"}\n");
        fs::write(&path, text).expect("write");
        let other = dir.path().join("other.jsonl");
        fs::write(&other, "bad\n").expect("write");
        let (articles, problems) = load_all(&[path.clone(), other.clone()], options(2));
        assert_eq!(articles.len(), 1);
        let reasons = reasons(&problems);
        assert_eq!(reasons.len(), MAX_LINE_PROBLEMS + 2, "{reasons:?}");
        assert!(reasons[0].starts_with("line 1: "), "{}", reasons[0]);
        assert_eq!(reasons[MAX_LINE_PROBLEMS], "150 more bad lines not listed");
        // The count starts again for the next file.
        assert!(reasons[MAX_LINE_PROBLEMS + 1].starts_with("line 1: "));
        assert_eq!(problems[MAX_LINE_PROBLEMS + 1].path, other);
    }

    #[test]
    fn a_line_longer_than_the_limit_is_skipped_with_a_reason() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("lib.jsonl");
        let mut text = String::from("{\"title\":\"Before\"}\n{\"title\":\"");
        text.push_str(&"x".repeat(MAX_LINE_BYTES as usize));
        text.push_str("\"}\n{\"title\":\"After\"}\n");
        fs::write(&path, text).expect("write");
        let (articles, problems) = load_all(std::slice::from_ref(&path), options(2));
        let titles: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["Before", "After"]);
        assert_eq!(articles[1].path, format!("{}:3", path.display()));
        assert_eq!(reasons(&problems), ["line 2: longer than 64 MiB; skipped"]);
    }

    #[test]
    fn capped_lines_are_read_past_without_being_kept() {
        let mut input = std::io::BufReader::with_capacity(4, &b"abc\nabcdefghij\nab\nlast"[..]);
        let mut out = Vec::new();
        let mut read = || read_line_capped(&mut input, &mut out, 3).expect("read");
        assert_eq!(read(), Line::Read);
        assert_eq!(read(), Line::TooLong);
        assert_eq!(read(), Line::Read);
        assert_eq!(read(), Line::TooLong);
        assert_eq!(read(), Line::End);
        assert_eq!(out, b"abc\nab\n");
    }

    #[test]
    fn a_library_over_the_size_limit_is_skipped_unread() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("huge.jsonl");
        // Sparse: no disk space used.
        fs::File::create(&path)
            .and_then(|f| f.set_len(MAX_LIBRARY_BYTES + 1))
            .expect("huge file");
        let (articles, problems) = load_all(std::slice::from_ref(&path), options(2));
        assert!(articles.is_empty());
        assert_eq!(reasons(&problems), ["larger than 1024 MiB; skipped"]);
    }

    #[test]
    fn loading_stops_at_the_article_limit_with_one_reason() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("lib.jsonl");
        let text: String = (0..20)
            .map(|i| format!("{{\"title\":\"T{i}\"}}\n"))
            .collect();
        fs::write(&path, text).expect("write");
        let mut small = options(2);
        small.max_articles = 12;
        let (articles, problems) = load_all(std::slice::from_ref(&path), small);
        assert_eq!(articles.len(), 12);
        assert_eq!(
            reasons(&problems),
            ["more than 12 articles; this one and the rest are not loaded"]
        );
        assert_eq!(
            problems[0].path,
            PathBuf::from(format!("{}:13", path.display()))
        );
    }
}
