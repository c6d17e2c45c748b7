//! Finding and loading articles: the bundled set, files and folders.
//!
//! No terminal here; the CLI and the reader both call these functions.

use std::collections::HashMap;
use std::fmt;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::article::{self, Article, decode};

mod collection;
pub mod contain;
mod order;
mod stream;

pub use collection::{Batch, Library, Seen};
pub use order::{SortOrder, ViewFilter};

pub use stream::{LoadEvent, LoadOptions, load_all, spawn_loader, spawn_loader_with};

/// The articles compiled into the binary, so an installed `newsreader` works from
/// any directory.
pub const BUNDLED: &[(&str, &str)] = &[
    (
        "blinken-lavrov-ukraine-support.txt",
        include_str!("../../assets/articles/blinken-lavrov-ukraine-support.txt"),
    ),
    (
        "us-nato-membership-ukraine.txt",
        include_str!("../../assets/articles/us-nato-membership-ukraine.txt"),
    ),
    (
        "blinken-navalny-call.txt",
        include_str!("../../assets/articles/blinken-navalny-call.txt"),
    ),
    (
        "russia-refusing-calls.txt",
        include_str!("../../assets/articles/russia-refusing-calls.txt"),
    ),
];

/// The largest file read as an article; longer files are skipped with a reason,
/// so one runaway file cannot exhaust memory.
pub const MAX_ARTICLE_BYTES: u64 = 64 * 1024 * 1024;

/// How deep folders are walked; deeper ones are reported, not followed.
pub const MAX_DEPTH: usize = 64;

/// Why a path was skipped, for the status line and stderr.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    pub reason: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display().to_string();
        write!(
            f,
            "{}: {}",
            crate::article::sanitize::clean_line(&path),
            crate::article::sanitize::clean_line(&self.reason)
        )
    }
}

/// Parses the bundled articles.
pub fn bundled() -> Vec<Article> {
    BUNDLED
        .iter()
        .map(|(name, text)| {
            let mut article = article::parse(&decode::normalise(text));
            article.path = format!("bundled:{name}");
            article
        })
        .collect()
}

/// Expands the command-line paths into the files to read, in a stable order:
/// files as given, folders walked recursively for articles (see
/// [`is_article_file`]) and `.jsonl`
/// libraries, sorted by path; hidden entries (dot-names) inside folders are
/// skipped.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Problem>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    discover(paths, &mut |found| {
        match found {
            Found::File(path) => files.push(path),
            Found::Problem(problem) => problems.push(problem),
        }
        true
    });
    (files, problems)
}

/// One result of [`discover`].
#[derive(Debug)]
pub enum Found {
    /// An article file or library, in library order.
    File(PathBuf),
    /// A path that could not be read or followed.
    Problem(Problem),
}

/// [`collect_files`] one file at a time, as they are found: each folder's
/// entries are sorted by name and walked depth first (walkdir), which is the
/// same order as sorting every path (paths compare component by component), so
/// loading can start before a large folder has been walked. `found` returning
/// false stops the walk; so does this function's `false`.
///
/// Each folder is walked once: one reached again (through a symbolic link back
/// to a parent, two links to one folder, or a folder given twice) is reported
/// once, where it is reached again, and not walked again. FIFOs, sockets and
/// devices are reported (when named like articles, or given on the command
/// line), never opened.
pub fn discover(paths: &[PathBuf], found: &mut impl FnMut(Found) -> bool) -> bool {
    let mut folders: HashMap<FileId, PathBuf> = HashMap::new();
    for path in paths {
        let go_on = match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &mut folders, found),
            Ok(meta) if meta.is_file() => found(Found::File(path.clone())),
            Ok(_) => problem(found, path, NOT_REGULAR.to_string()),
            Err(err) => problem(found, path, err.to_string()),
        };
        if !go_on {
            return false;
        }
    }
    true
}

fn problem(found: &mut impl FnMut(Found) -> bool, path: &Path, reason: String) -> bool {
    found(Found::Problem(Problem {
        path: path.to_path_buf(),
        reason,
    }))
}

/// Walks one folder given on the command line. walkdir follows links and
/// reports a link back to an ancestor as a loop; `folders` (every folder
/// walked so far, by identity) catches a folder reached a second way.
fn walk(
    root: &Path,
    folders: &mut HashMap<FileId, PathBuf>,
    found: &mut impl FnMut(Found) -> bool,
) -> bool {
    let mut entries = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        // Hidden entries are skipped inside folders, not when given.
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    while let Some(next) = entries.next() {
        let entry = match next {
            Ok(entry) => entry,
            Err(err) => {
                let path = err.path().unwrap_or(root).to_path_buf();
                let go_on = if let Some(ancestor) = err.loop_ancestor() {
                    problem(
                        found,
                        &path,
                        format!(
                            "symlink loop: {} already visited; not followed",
                            ancestor.display()
                        ),
                    )
                } else if fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink())
                    && fs::metadata(&path).is_err()
                {
                    // A broken link is read, and reported, like a file.
                    !(is_article_file(&path) || is_library_file(&path)) || found(Found::File(path))
                } else {
                    let reason = err
                        .io_error()
                        .map_or_else(|| err.to_string(), ToString::to_string);
                    problem(found, &path, reason)
                };
                if !go_on {
                    return false;
                }
                continue;
            }
        };
        let path = entry.path();
        let file_type = entry.file_type();
        let go_on = if file_type.is_dir() {
            if entry.depth() > MAX_DEPTH {
                entries.skip_current_dir();
                problem(
                    found,
                    path,
                    format!("deeper than {MAX_DEPTH} folders; not followed"),
                )
            } else {
                match entry.metadata().ok().and_then(|meta| file_id(path, &meta)) {
                    Some(id) => match folders.get(&id) {
                        Some(first) => {
                            let reason =
                                format!("{} already visited; not walked again", first.display());
                            entries.skip_current_dir();
                            problem(found, path, reason)
                        }
                        None => {
                            folders.insert(id, path.to_path_buf());
                            true
                        }
                    },
                    None => true,
                }
            }
        } else if !(is_article_file(path) || is_library_file(path)) {
            true
        } else if file_type.is_file() {
            found(Found::File(path.to_path_buf()))
        } else {
            problem(found, path, NOT_REGULAR.to_string())
        };
        if !go_on {
            return false;
        }
    }
    true
}

use crate::store::files::NOT_REGULAR;

/// What identifies a file or folder however it is reached: (device, inode) on
/// unix, the canonical path elsewhere.
#[cfg(unix)]
pub(crate) type FileId = (u64, u64);
/// What identifies a file or folder however it is reached: (device, inode) on
/// unix, the canonical path elsewhere.
#[cfg(not(unix))]
pub(crate) type FileId = PathBuf;

#[cfg(unix)]
pub(crate) fn file_id(_path: &Path, meta: &fs::Metadata) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
pub(crate) fn file_id(path: &Path, _meta: &fs::Metadata) -> Option<FileId> {
    fs::canonicalize(path).ok()
}

/// Article files are `.txt` text and `.html`/`.htm` pages, the pages also
/// gzipped; other files in a folder are not articles.
pub fn is_article_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("txt"))
        || is_html_name(path)
        || is_gzipped_page(path)
}

/// `.html`/`.htm`, gzipped or not.
pub fn is_html_name(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase());
    name.is_some_and(|n| {
        let n = n.strip_suffix(".gz").unwrap_or(&n);
        n.ends_with(".html") || n.ends_with(".htm")
    })
}

fn is_gzipped_page(path: &Path) -> bool {
    is_html_name(path)
        && path
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("gz"))
}

/// A page saved under another name: it starts (after a byte-order mark and
/// white space) with `<!doctype html` or `<html`.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let start = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = start.trim_ascii_start();
    let head = &start[..start.len().min(14)];
    head.len() >= 5
        && (head[..5].eq_ignore_ascii_case(b"<html")
            || head.len() >= 14 && head.eq_ignore_ascii_case(b"<!doctype html"))
}

/// Libraries of already parsed articles are `.jsonl` files: one JSON object per
/// line, as `newsreader parse --json` writes them.
pub fn is_library_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("jsonl"))
}

/// Reads and parses one file. Any bytes decode (see [`decode::decode`]); only I/O
/// failures, oversized, empty and non-regular files are problems.
///
/// Every text field of the article is cleaned with
/// [`clean_article`](crate::article::sanitize::clean_article), `path` and a title made
/// from the file name included: `path` is for display and JSON output (nothing
/// re-opens it), so a hostile file name shows cleaned.
pub fn load_file(path: &Path) -> Result<Article, Problem> {
    load_file_with_id(path).map(|(article, _)| article)
}

/// [`load_file`] and the file's identity, so a file reached by two paths loads once.
pub(crate) fn load_file_with_id(path: &Path) -> Result<(Article, Option<FileId>), Problem> {
    let problem = |reason: String| Problem {
        path: path.to_path_buf(),
        reason,
    };
    // One open, one fstat, then reads: the file is checked and read through
    // the same handle.
    let (mut file, meta) = open_regular(path).map_err(problem)?;
    if meta.len() > MAX_ARTICLE_BYTES {
        return Err(problem(format!(
            "larger than {} MiB; skipped",
            MAX_ARTICLE_BYTES / (1024 * 1024)
        )));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize + 1);
    // Read at most the limit even if the file grows meanwhile.
    (&mut file)
        .take(MAX_ARTICLE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| problem(e.to_string()))?;
    debug_panic_on(path);
    let mut article = load_bytes(path, bytes).map_err(problem)?;
    article.path = path.display().to_string();
    if article.title.is_empty() {
        article.title = file_stem_title(path);
    }
    crate::article::sanitize::clean_article(&mut article);
    Ok((article, file_id(path, &meta)))
}

/// Set, the parser panics on a file whose name contains its value: for the
/// tests that check a panic on one file skips only that file.
pub const DEBUG_PANIC_ON_FILE_ENV: &str = "NEWSREADER_DEBUG_PANIC_ON_FILE";

fn debug_panic_on(path: &Path) {
    static NAME: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    let name = NAME.get_or_init(|| {
        std::env::var(DEBUG_PANIC_ON_FILE_ENV)
            .ok()
            .filter(|n| !n.is_empty())
    });
    if let Some(name) = name
        && path
            .file_name()
            .is_some_and(|f| f.to_string_lossy().contains(name.as_str()))
    {
        panic!("{DEBUG_PANIC_ON_FILE_ENV} names this file");
    }
}

/// Parses a file's bytes as what they are: an HTML page (see [`is_html_name`]
/// and [`looks_like_html`]), gzipped or not, or text. The reason is a one-line
/// problem.
pub fn load_bytes(path: &Path, bytes: Vec<u8>) -> Result<Article, String> {
    let bytes = if is_gzipped_page(path) {
        gunzip(&bytes)?
    } else {
        bytes
    };
    if is_html_name(path) || looks_like_html(&bytes) {
        let article = article::parse_html(&bytes, None);
        if article.title.is_empty() && article.body.is_empty() {
            return Err("no visible text in the page; skipped".to_string());
        }
        return Ok(article);
    }
    let text = decode::decode_text_owned(bytes);
    if text.trim().is_empty() {
        return Err("empty file; skipped".to_string());
    }
    Ok(article::parse(&text))
}

/// Decompresses a gzipped page, refusing one that grows past the size limit.
fn gunzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes)
        .take(MAX_ARTICLE_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|e| format!("not readable as gzip ({e}); skipped"))?;
    if out.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(format!(
            "decompresses to more than {} MiB; skipped",
            MAX_ARTICLE_BYTES / (1024 * 1024)
        ));
    }
    Ok(out)
}

/// [`crate::store::files::open_regular`], its error as a reason.
pub(crate) fn open_regular(path: &Path) -> Result<(fs::File, fs::Metadata), String> {
    crate::store::files::open_regular(path).map_err(|e| e.to_string())
}

/// A readable stand-in title from a file name, for articles with no headline at all.
fn file_stem_title(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|s| s.to_string_lossy())
        .unwrap_or_default();
    let lower = name.to_ascii_lowercase();
    let stem_len = [".html.gz", ".htm.gz", ".html", ".htm", ".txt"]
        .iter()
        .find_map(|ext| lower.strip_suffix(ext).map(str::len))
        .or_else(|| path.file_stem().map(|s| s.len()))
        .unwrap_or(name.len());
    name.get(..stem_len)
        .unwrap_or(&name)
        .replace(['_', '-'], " ")
}

/// Loads the given paths (or the bundled set when there are none), in order,
/// waiting for everything: [`spawn_loader`] drained on the calling thread.
pub fn load_paths(paths: &[PathBuf]) -> (Vec<Article>, Vec<Problem>) {
    load_all(paths, LoadOptions::default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_articles_all_parse_with_titles() {
        let articles = bundled();
        assert_eq!(articles.len(), 4);
        assert!(
            articles
                .iter()
                .all(|a| !a.title.is_empty() && !a.body.is_empty())
        );
    }

    #[test]
    fn folders_are_walked_in_stable_order_skipping_hidden_and_other_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        fs::create_dir_all(root.join("b/nested")).expect("mkdir");
        fs::create_dir_all(root.join(".hidden")).expect("mkdir");
        for name in [
            "b/nested/z.txt",
            "b/a.TXT",
            "a.txt",
            "notes.md",
            ".hidden/x.txt",
            ".dot.txt",
        ] {
            fs::write(root.join(name), "Headline here\n\nBody text of the story.").expect("write");
        }
        let (files, problems) = collect_files(&[root.to_path_buf()]);
        assert!(problems.is_empty());
        let names: Vec<_> = files
            .iter()
            .map(|p| {
                p.strip_prefix(root)
                    .expect("under root")
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        assert_eq!(names, ["a.txt", "b/a.TXT", "b/nested/z.txt"]);
    }

    #[test]
    fn the_walk_order_is_sorted_path_order() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        let names = [
            "a.txt",
            "a/x.txt",
            "a-b.txt",
            "a/b/c.txt",
            "ab.txt",
            "B.txt",
            "a/a.jsonl",
            "z/0.txt",
        ];
        for name in names {
            let path = root.join(name);
            fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            fs::write(path, "Headline\n\nBody.").expect("write");
        }
        let (files, problems) = collect_files(&[root.to_path_buf()]);
        assert!(problems.is_empty());
        let mut sorted = files.clone();
        sorted.sort();
        assert_eq!(files, sorted);
        assert_eq!(files.len(), names.len());
    }

    #[test]
    fn missing_and_empty_files_are_problems_and_the_rest_load() {
        let dir = tempfile::tempdir().expect("tempdir");
        let good = dir.path().join("good.txt");
        let empty = dir.path().join("empty.txt");
        fs::write(&good, "A headline\n\nSome body text for it.").expect("write");
        fs::write(&empty, " \n\t\n").expect("write");
        let missing = dir.path().join("missing.txt");
        let (articles, problems) = load_paths(&[good, empty, missing]);
        assert_eq!(articles.len(), 1);
        assert_eq!(problems.len(), 2);
    }
}
