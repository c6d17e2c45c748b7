//! Finding and loading articles: the bundled set, files and folders.
//!
//! No terminal here; the CLI and the reader both call these functions.

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
/// files as given, folders walked recursively for `.txt` articles and `.jsonl`
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
pub fn discover(paths: &[PathBuf], found: &mut impl FnMut(Found) -> bool) -> bool {
    for path in paths {
        let go_on = match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, 0, found),
            Ok(_) => found(Found::File(path.clone())),
            Err(err) => found(Found::Problem(Problem {
                path: path.clone(),
                reason: err.to_string(),
            })),
        };
        if !go_on {
            return false;
        }
    }
    true
}

fn walk(dir: &Path, depth: usize, found: &mut impl FnMut(Found) -> bool) -> bool {
    if depth > MAX_DEPTH {
        return found(Found::Problem(Problem {
            path: dir.to_path_buf(),
            reason: format!("deeper than {MAX_DEPTH} folders; not followed"),
        }));
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            return found(Found::Problem(Problem {
                path: dir.to_path_buf(),
                reason: err.to_string(),
            }));
        }
    };
    let mut children: Vec<(std::ffi::OsString, bool)> = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        // file_type() does not follow symlinks (and costs no system call on
        // most platforms); for a link, metadata() does, so a link to a folder is
        // walked (the depth limit stops link loops).
        let Ok(file_type) = entry.file_type() else {
            continue;
        };
        let is_dir = if file_type.is_symlink() {
            fs::metadata(entry.path()).is_ok_and(|meta| meta.is_dir())
        } else {
            file_type.is_dir()
        };
        children.push((name, is_dir));
    }
    children.sort_unstable();
    for (name, is_dir) in children {
        let path = dir.join(name);
        let go_on = if is_dir {
            walk(&path, depth + 1, found)
        } else if is_article_file(&path) || is_library_file(&path) {
            found(Found::File(path))
        } else {
            true
        };
        if !go_on {
            return false;
        }
    }
    true
}

/// Article files are `.txt`; other files in a folder are not articles.
pub fn is_article_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("txt"))
}

/// Libraries of already parsed articles are `.jsonl` files: one JSON object per
/// line, as `newsreader parse --json` writes them.
pub fn is_library_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("jsonl"))
}

/// Reads and parses one file. Any bytes decode (see [`decode::decode`]); only I/O
/// failures, oversized and empty files are problems.
pub fn load_file(path: &Path) -> Result<Article, Problem> {
    let problem = |reason: String| Problem {
        path: path.to_path_buf(),
        reason,
    };
    // One open, one fstat, then reads: the file is checked and read through
    // the same handle.
    let mut file = fs::File::open(path).map_err(|e| problem(e.to_string()))?;
    let meta = file.metadata().map_err(|e| problem(e.to_string()))?;
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
    let text = decode::decode_text(&bytes);
    if text.trim().is_empty() {
        return Err(problem("empty file; skipped".to_string()));
    }
    let mut article = article::parse(&text);
    article.path = path.display().to_string();
    if article.title.is_empty() {
        article.title = file_stem_title(path);
    }
    // The path and a title made from it come from the file system, not the
    // cleaned text: they can carry escape sequences too.
    crate::sanitize::clean_article(&mut article);
    Ok(article)
}

/// A readable stand-in title from a file name, for articles with no headline at all.
fn file_stem_title(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().replace(['_', '-'], " "))
        .unwrap_or_default()
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
