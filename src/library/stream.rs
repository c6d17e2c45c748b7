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

use super::{FileId, Found, Problem, bundled, file_id, is_library_file, load_file_with_id};
use crate::article::Article;

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
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            threads: crate::filter::engine::default_threads(),
            files_per_job: 64,
            lines_per_job: 2048,
            batch_interval: Duration::from_millis(20),
            batch_articles: 5_000,
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
            LoadEvent::Progress { total, .. } => {
                articles.reserve(total.saturating_sub(articles.len()));
            }
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
    },
}

/// A job's results in library order (an article file's with its identity,
/// so a file reached twice loads once), and how many entries it covered.
struct Output {
    items: Vec<(Result<Article, Problem>, Option<FileId>)>,
    entries: usize,
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
                let bytes = meta.map_or(0, |m| m.len());
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

/// Sends a `.jsonl` file as blocks of lines; false when the loader is stopping.
fn produce_lines(file: &Path, lines_per_job: usize, send: &mut impl FnMut(Job) -> bool) -> bool {
    let path = Arc::new(file.to_path_buf());
    let reader = match super::open_regular(file) {
        Ok((f, _)) => f,
        Err(reason) => {
            // Reported through a job so it lands in library order.
            return send(Job::Failed(Problem {
                path: file.to_path_buf(),
                reason,
            }));
        }
    };
    let mut reader = BufReader::with_capacity(1 << 20, reader);
    let mut first_line = 1;
    loop {
        let mut data = Vec::with_capacity(1 << 20);
        let mut lines = 0;
        while lines < lines_per_job.max(1) {
            match reader.read_until(b'\n', &mut data) {
                Ok(0) => break,
                Ok(_) => lines += 1,
                Err(err) => {
                    // Send what was read, then the failure; the rest is skipped.
                    let read = Job::Lines {
                        path: path.clone(),
                        first_line,
                        data,
                    };
                    let failed = Job::Failed(Problem {
                        path: file.to_path_buf(),
                        reason: format!("line {}: {err}", first_line + lines),
                    });
                    return send(read) && send(failed);
                }
            }
        }
        if lines == 0 {
            return true;
        }
        let job = Job::Lines {
            path: path.clone(),
            first_line,
            data,
        };
        if !send(job) {
            return false;
        }
        first_line += lines;
    }
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
                items: vec![(Err(problem), None)],
                entries: 0,
            },
            Job::Files(files) => load_files(&files),
            Job::Lines {
                path,
                first_line,
                data,
            } => parse_lines(&path, first_line, &data),
        };
        if out.send((seq, output)).is_err() {
            return;
        }
    }
}

fn load_files(files: &[PathBuf]) -> Output {
    Output {
        items: files
            .iter()
            .map(|file| match load_file_with_id(file) {
                Ok((article, id)) => (Ok(article), id),
                Err(problem) => (Err(problem), None),
            })
            .collect(),
        entries: files.len(),
    }
}

/// Deserialises one block of JSON lines; a bad line is a problem naming the file
/// and line, and the other lines still load. Blank lines are skipped. Every
/// article is cleaned for the screen like a parsed one (a library is as
/// untrusted as a web page), gets a title if it has none and a word count if
/// its body has words but the count is 0.
fn parse_lines(path: &Path, first_line: usize, data: &[u8]) -> Output {
    let mut items = Vec::new();
    let mut entries = 0;
    let body = data.strip_suffix(b"\n").unwrap_or(data);
    for (offset, line) in body.split(|&b| b == b'\n').enumerate() {
        entries += 1;
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let number = first_line + offset;
        match serde_json::from_slice::<Article>(line) {
            Ok(mut article) => {
                if article.path.is_empty() {
                    article.path = format!("{}:{number}", path.display());
                }
                crate::article::sanitize::clean_article(&mut article);
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
                items.push((Ok(article), None));
            }
            Err(err) => items.push((
                Err(Problem {
                    path: path.to_path_buf(),
                    reason: format!("line {number}: {err}"),
                }),
                None,
            )),
        }
    }
    Output { items, entries }
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
    while let Ok((seq, output)) = results.recv() {
        pending.insert(seq, output);
        while let Some(output) = pending.remove(&next) {
            next += 1;
            for (item, id) in output.items {
                match item {
                    // A file reached by two paths (a link to a file in the same
                    // folder, a file given twice) loads once, where first reached.
                    Ok(article) => {
                        if id.is_none_or(|id| seen_files.insert(id)) {
                            batch.push(article);
                        }
                    }
                    Err(problem) => {
                        // Articles before a problem go first, so events keep
                        // library order.
                        if !flush(&mut batch, done, &mut total)
                            || tx.send(LoadEvent::Problem(problem)).is_err()
                        {
                            return;
                        }
                    }
                }
            }
            done += output.entries;
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
    let mut data = Vec::with_capacity(1 << 20);
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
        if rows >= block {
            let job = Job::Lines {
                path: path.clone(),
                first_line,
                data: std::mem::replace(&mut data, Vec::with_capacity(1 << 20)),
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
            path,
            first_line,
            data,
        })
    {
        return false;
    }
    match walked {
        Ok(()) => true,
        Err(err) => send(failed(err.to_string())),
    }
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
    let (mut file, _) = super::open_regular(path).map_err(std::io::Error::other)?;
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

    fn options(threads: usize) -> LoadOptions {
        LoadOptions {
            threads,
            files_per_job: 3,
            lines_per_job: 5,
            batch_interval: Duration::ZERO,
            batch_articles: 7,
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
}
