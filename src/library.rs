//! Finding and loading articles: the bundled set, files and folders.
//!
//! No terminal here; the CLI and the reader both call these functions.

use std::collections::HashMap;
use std::fmt;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::article::{self, Article, decode};

mod stream;

pub use stream::{LoadEvent, LoadOptions, load_all, spawn_loader, spawn_loader_with};

/// The articles compiled into the binary, so an installed `newsreader` works from
/// any directory.
pub const BUNDLED: &[(&str, &str)] = &[
    (
        "blinken-lavrov-ukraine-support.txt",
        include_str!("../assets/articles/blinken-lavrov-ukraine-support.txt"),
    ),
    (
        "us-nato-membership-ukraine.txt",
        include_str!("../assets/articles/us-nato-membership-ukraine.txt"),
    ),
    (
        "blinken-navalny-call.txt",
        include_str!("../assets/articles/blinken-navalny-call.txt"),
    ),
    (
        "russia-refusing-calls.txt",
        include_str!("../assets/articles/russia-refusing-calls.txt"),
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
            crate::sanitize::clean_line(&path),
            crate::sanitize::clean_line(&self.reason)
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
/// entries are sorted by name and walked depth first, which is the same order
/// as sorting every path (paths compare component by component), so loading can
/// start before a large folder has been walked. `found` returning false stops
/// the walk; so does this function's `false`.
///
/// Each folder is walked once: one reached again (through a symbolic link back
/// to a parent, two links to one folder, or a folder given twice) is reported
/// once, where it is reached again, and not walked again. FIFOs, sockets and
/// devices are reported (when named like articles, or given on the command
/// line), never opened.
pub fn discover(paths: &[PathBuf], found: &mut impl FnMut(Found) -> bool) -> bool {
    let mut walker = Walker {
        found,
        folders: HashMap::new(),
    };
    for path in paths {
        let go_on = match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walker.walk(path, &meta, 0),
            Ok(meta) if meta.is_file() => (walker.found)(Found::File(path.clone())),
            Ok(_) => walker.problem(path, NOT_REGULAR.to_string()),
            Err(err) => walker.problem(path, err.to_string()),
        };
        if !go_on {
            return false;
        }
    }
    true
}

/// Why a FIFO, socket or device is skipped.
const NOT_REGULAR: &str = "not a regular file (a FIFO, socket or device); skipped";

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

/// One [`discover`] walk: the folders seen so far, by identity, with the path
/// they were first reached by and whether they are being walked (an ancestor of
/// the current folder).
struct Walker<'a, F> {
    found: &'a mut F,
    folders: HashMap<FileId, (PathBuf, bool)>,
}

/// What a folder entry is, following symbolic links.
enum Kind {
    Folder,
    File,
    Other,
}

impl<F: FnMut(Found) -> bool> Walker<'_, F> {
    fn problem(&mut self, path: &Path, reason: String) -> bool {
        (self.found)(Found::Problem(Problem {
            path: path.to_path_buf(),
            reason,
        }))
    }

    fn walk(&mut self, dir: &Path, meta: &fs::Metadata, depth: usize) -> bool {
        if depth > MAX_DEPTH {
            return self.problem(
                dir,
                format!("deeper than {MAX_DEPTH} folders; not followed"),
            );
        }
        let id = file_id(dir, meta);
        if let Some(id) = &id {
            if let Some((first, walking)) = self.folders.get(id) {
                let reason = if *walking {
                    format!(
                        "symlink loop: {} already visited; not followed",
                        first.display()
                    )
                } else {
                    format!("{} already visited; not walked again", first.display())
                };
                return self.problem(dir, reason);
            }
            // A copy on unix; a path elsewhere.
            #[allow(clippy::clone_on_copy)]
            self.folders.insert(id.clone(), (dir.to_path_buf(), true));
        }
        let go_on = self.walk_entries(dir, depth);
        if let Some(entry) = id.and_then(|id| self.folders.get_mut(&id)) {
            entry.1 = false;
        }
        go_on
    }

    fn walk_entries(&mut self, dir: &Path, depth: usize) -> bool {
        let entries = match fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(err) => return self.problem(dir, err.to_string()),
        };
        let mut children: Vec<(std::ffi::OsString, Kind, Option<fs::Metadata>)> = Vec::new();
        for entry in entries.flatten() {
            let name = entry.file_name();
            if name.to_string_lossy().starts_with('.') {
                continue;
            }
            // file_type() does not follow symlinks (and costs no system call on
            // most platforms); for a link, metadata() does, so a link to a
            // folder is walked (once: see `walk`).
            let Ok(file_type) = entry.file_type() else {
                continue;
            };
            let (kind, meta) = if file_type.is_symlink() {
                match fs::metadata(entry.path()) {
                    Ok(meta) if meta.is_dir() => (Kind::Folder, Some(meta)),
                    Ok(meta) if !meta.is_file() => (Kind::Other, None),
                    // A broken link is read, and reported, like a file.
                    _ => (Kind::File, None),
                }
            } else if file_type.is_dir() {
                (Kind::Folder, None)
            } else if file_type.is_file() {
                (Kind::File, None)
            } else {
                (Kind::Other, None)
            };
            children.push((name, kind, meta));
        }
        children.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        for (name, kind, meta) in children {
            let path = dir.join(name);
            let wanted = || is_article_file(&path) || is_library_file(&path);
            let go_on = match kind {
                Kind::Folder => match meta.map_or_else(|| fs::metadata(&path), Ok) {
                    Ok(meta) => self.walk(&path, &meta, depth + 1),
                    Err(err) => self.problem(&path, err.to_string()),
                },
                Kind::File if wanted() => (self.found)(Found::File(path)),
                Kind::Other if wanted() => self.problem(&path, NOT_REGULAR.to_string()),
                Kind::File | Kind::Other => true,
            };
            if !go_on {
                return false;
            }
        }
        true
    }
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
/// [`clean_article`](crate::sanitize::clean_article), `path` and a title made
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
    let mut article = load_bytes(path, bytes).map_err(problem)?;
    article.path = path.display().to_string();
    if article.title.is_empty() {
        article.title = file_stem_title(path);
    }
    crate::sanitize::clean_article(&mut article);
    Ok((article, file_id(path, &meta)))
}

/// Parses a file's bytes as what they are: an HTML page (see [`is_html`]),
/// gzipped or not, or text. The reason is a one-line problem.
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

/// Opens a regular file for reading and returns its metadata from the same
/// handle; anything else (a FIFO, socket or device) is an error, found without
/// blocking: the open is non-blocking, so a FIFO with no writer (even one put
/// in place after the folder was walked) does not hang it.
pub(crate) fn open_regular(path: &Path) -> Result<(fs::File, fs::Metadata), String> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // No effect on reading a regular file.
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| e.to_string())?;
    let meta = file.metadata().map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err(NOT_REGULAR.to_string());
    }
    Ok((file, meta))
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
