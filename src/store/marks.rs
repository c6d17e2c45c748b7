//! Reading state (read and starred marks) that outlives a session and is never
//! lost to a crash or a damaged file.
//!
//! Articles are identified by a hash of their content rather than their path, so
//! moving or renaming a library file keeps its marks. The state file is replaced
//! atomically ([`crate::store::files::atomic_write`]), and a file that cannot be
//! understood is moved aside for the user rather than overwritten.

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::article::Article;
use crate::store::files::atomic_write;

/// Version of the on-disk format. A file with another version is moved aside
/// (not rewritten in place) so an older binary never destroys what a newer one
/// wrote.
pub const SCHEMA_VERSION: u32 = 1;

/// Temp files from interrupted saves older than this are debris (see
/// [`crate::store::files::remove_stale_temps`]).
const STALE_TEMP_AGE: std::time::Duration = std::time::Duration::from_secs(3600);

/// Identity of an article's content: the first 128 bits of SHA-256 over its
/// title and body paragraphs.
///
/// SHA-256 because it is specified and stable forever (std's `DefaultHasher` may
/// change between Rust releases, which would silently forget every mark), and
/// collision-resistant, so text from the open web cannot be crafted to share
/// another article's marks. 128 bits keeps the state file compact while leaving
/// accidental collisions out of reach.
///
/// The path is deliberately not hashed: renaming or moving a file keeps its
/// marks. Changing the title or body text (including a parser change that
/// alters them) yields a new key.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ArticleKey([u8; 16]);

impl ArticleKey {
    /// The key of an article's title and body.
    pub fn of(article: &Article) -> Self {
        Self::from_parts(&article.title, article.body.iter().map(String::as_str))
    }

    /// The key of a title and body given separately, for callers that have no
    /// [`Article`] at hand.
    ///
    /// Every part is length-prefixed so that moving text across a paragraph
    /// boundary ("ab" + "c" versus "a" + "bc") changes the key.
    pub fn from_parts<'a>(title: &str, body: impl IntoIterator<Item = &'a str>) -> Self {
        let mut hasher = Sha256::new();
        hasher.update(b"newsreader-article-v1\0");
        let mut part = |text: &str| {
            hasher.update((text.len() as u64).to_le_bytes());
            hasher.update(text.as_bytes());
        };
        part(title);
        for paragraph in body {
            part(paragraph);
        }
        let digest = hasher.finalize();
        let mut key = [0u8; 16];
        key.copy_from_slice(&digest[..16]);
        Self(key)
    }

    /// Lower-case hex, as stored in the state file.
    pub fn to_hex(&self) -> String {
        use fmt::Write;
        let mut out = String::with_capacity(32);
        for byte in self.0 {
            // Writing to a String cannot fail.
            let _ = write!(out, "{byte:02x}");
        }
        out
    }
}

impl fmt::Display for ArticleKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

impl fmt::Debug for ArticleKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ArticleKey({})", self.to_hex())
    }
}

impl FromStr for ArticleKey {
    type Err = String;

    /// Parses the 32-digit hex form written by [`ArticleKey::to_hex`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bytes = s.as_bytes();
        if bytes.len() != 32 {
            return Err(format!("article key must be 32 hex digits, got {s:?}"));
        }
        let mut key = [0u8; 16];
        for (i, pair) in bytes.chunks_exact(2).enumerate() {
            let digits = std::str::from_utf8(pair).map_err(|_| format!("bad key {s:?}"))?;
            key[i] = u8::from_str_radix(digits, 16).map_err(|_| format!("bad key {s:?}"))?;
        }
        Ok(Self(key))
    }
}

/// Marks for one article.
///
/// Fields this version does not know (written by a newer minor release) are
/// kept in `extra` and written back, so a downgrade-then-upgrade loses nothing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Entry {
    pub read: bool,
    pub starred: bool,
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl Entry {
    /// An entry that says nothing is not worth keeping in the file.
    fn is_empty(&self) -> bool {
        !self.read && !self.starred && self.extra.is_empty()
    }
}

/// The whole state file.
///
/// A `BTreeMap` rather than a `HashMap` so the file is written in a stable
/// order: diffs, backups and sync tools then see only real changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReadingState {
    /// Required (no serde default), so a file without it is treated as foreign.
    pub version: u32,
    /// Keyed by [`ArticleKey`] hex.
    #[serde(default)]
    pub entries: BTreeMap<String, Entry>,
}

impl Default for ReadingState {
    fn default() -> Self {
        Self {
            version: SCHEMA_VERSION,
            entries: BTreeMap::new(),
        }
    }
}

/// Something the user should hear about at startup, while the app carries on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateWarning {
    pub message: String,
    /// Where an unreadable file was moved, so the user can recover it by hand.
    pub moved_to: Option<PathBuf>,
}

/// One line with no control characters (the message can name files and quote
/// I/O errors).
impl fmt::Display for StateWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::article::sanitize::clean_line(&self.message))
    }
}

/// The reading state and the file it lives in.
///
/// Opening never fails: a missing file is an empty state; a damaged one is moved
/// aside and reported; an unreadable one (permissions, I/O error) is reported and
/// the store switches to memory-only for the session, so the file the app could
/// not read is never overwritten by an empty state.
#[derive(Debug, Clone)]
pub struct MarkStore {
    path: Option<PathBuf>,
    state: ReadingState,
    dirty: bool,
}

impl MarkStore {
    /// The default location: `$XDG_DATA_HOME/newsreader/state.json`, else
    /// `~/.local/share/newsreader/state.json`; `None` if neither can be found.
    pub fn default_path() -> Option<PathBuf> {
        crate::store::files::app_file("XDG_DATA_HOME", ".local/share", "state.json")
    }

    /// A store that never touches the disk (`--no-state`).
    pub fn in_memory() -> Self {
        Self {
            path: None,
            state: ReadingState::default(),
            dirty: false,
        }
    }

    /// Loads the state at `path`; see the type's documentation for what happens
    /// when that goes wrong. The returned warning is meant for the status line.
    pub fn open(path: impl Into<PathBuf>) -> (Self, Option<StateWarning>) {
        let path = path.into();
        crate::store::files::remove_stale_temps(&path, STALE_TEMP_AGE);
        let bytes = match fs::read(&path) {
            Ok(bytes) => bytes,
            Err(err) if err.kind() == io::ErrorKind::NotFound => {
                return (Self::empty_at(path), None);
            }
            Err(err) => {
                let warning = StateWarning {
                    message: format!(
                        "cannot read reading state {}: {err}; marks will not be saved this session",
                        path.display()
                    ),
                    moved_to: None,
                };
                return (Self::in_memory(), Some(warning));
            }
        };
        let problem = match serde_json::from_slice::<ReadingState>(&bytes) {
            Ok(state) if state.version == SCHEMA_VERSION => {
                let store = Self {
                    path: Some(path),
                    state,
                    dirty: false,
                };
                return (store, None);
            }
            Ok(state) => format!(
                "has schema version {} (this newsreader reads {SCHEMA_VERSION})",
                state.version
            ),
            Err(err) if err.is_eof() => format!("is truncated ({err})"),
            Err(err) => format!("is damaged ({err})"),
        };
        match move_aside(&path) {
            Ok(moved_to) => {
                let warning = StateWarning {
                    message: format!(
                        "reading state {} {problem}; moved it to {} and started afresh",
                        path.display(),
                        moved_to.display()
                    ),
                    moved_to: Some(moved_to),
                };
                (Self::empty_at(path), Some(warning))
            }
            Err(err) => {
                // Saving now would overwrite the only copy: stay in memory.
                let warning = StateWarning {
                    message: format!(
                        "reading state {} {problem}, and moving it aside failed ({err}); \
                         marks will not be saved this session",
                        path.display()
                    ),
                    moved_to: None,
                };
                (Self::in_memory(), Some(warning))
            }
        }
    }

    fn empty_at(path: PathBuf) -> Self {
        Self {
            path: Some(path),
            state: ReadingState::default(),
            dirty: false,
        }
    }

    /// The file this store saves to; `None` for a memory-only store.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The state as loaded and modified so far.
    pub fn state(&self) -> &ReadingState {
        &self.state
    }

    /// Whether anything changed since the last load or save, so the app can
    /// skip needless writes (for instance on every keystroke).
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Writes the state atomically (see [`atomic_write`]), creating the
    /// directory if needed. A memory-only store does nothing.
    pub fn save(&self) -> io::Result<()> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            fs::create_dir_all(dir)?;
        }
        let mut bytes = serde_json::to_vec_pretty(&self.state).map_err(io::Error::other)?;
        bytes.push(b'\n');
        atomic_write(path, &bytes)
    }

    /// [`save`](Self::save), then forget the dirty flag.
    pub fn save_if_dirty(&mut self) -> io::Result<()> {
        if self.dirty {
            self.save()?;
            self.dirty = false;
        }
        Ok(())
    }

    fn entry(&self, key: &ArticleKey) -> Option<&Entry> {
        self.state.entries.get(&key.to_hex())
    }

    fn update(&mut self, key: ArticleKey, change: impl FnOnce(&mut Entry)) {
        let hex = key.to_hex();
        let entry = self.state.entries.entry(hex.clone()).or_default();
        let before = entry.clone();
        change(entry);
        if *entry != before {
            self.dirty = true;
        }
        if entry.is_empty() {
            self.state.entries.remove(&hex);
        }
    }

    pub fn is_read(&self, key: &ArticleKey) -> bool {
        self.entry(key).is_some_and(|e| e.read)
    }

    pub fn set_read(&mut self, key: ArticleKey, read: bool) {
        self.update(key, |e| e.read = read);
    }

    /// Flips the read mark and returns the new value.
    pub fn toggle_read(&mut self, key: ArticleKey) -> bool {
        let read = !self.is_read(&key);
        self.set_read(key, read);
        read
    }

    pub fn is_starred(&self, key: &ArticleKey) -> bool {
        self.entry(key).is_some_and(|e| e.starred)
    }

    pub fn set_starred(&mut self, key: ArticleKey, starred: bool) {
        self.update(key, |e| e.starred = starred);
    }

    /// Flips the star and returns the new value.
    pub fn toggle_starred(&mut self, key: ArticleKey) -> bool {
        let starred = !self.is_starred(&key);
        self.set_starred(key, starred);
        starred
    }
}

/// Renames a damaged file to `NAME.corrupt-<UTC timestamp>` beside it, adding a
/// counter if that name is taken, so earlier salvage copies are never replaced.
fn move_aside(path: &Path) -> io::Result<PathBuf> {
    let stamp = jiff::Timestamp::now()
        .strftime("%Y%m%dT%H%M%SZ")
        .to_string();
    let mut name = path.as_os_str().to_os_string();
    name.push(format!(".corrupt-{stamp}"));
    let mut candidate = PathBuf::from(&name);
    let mut n = 1;
    while fs::symlink_metadata(&candidate).is_ok() {
        let mut numbered = name.clone();
        numbered.push(format!("-{n}"));
        candidate = PathBuf::from(numbered);
        n += 1;
    }
    fs::rename(path, &candidate)?;
    Ok(candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warnings_display_as_one_clean_line() {
        let warning = StateWarning {
            message: "moved st\u{1b}[2Jate\u{9b}6n.json aside\nsecond".to_owned(),
            moved_to: None,
        };
        assert_eq!(warning.to_string(), "moved state.json asidesecond");
    }

    fn article(title: &str, body: &[&str], path: &str) -> Article {
        Article {
            title: title.into(),
            body: body.iter().map(|s| s.to_string()).collect(),
            path: path.into(),
            ..Article::default()
        }
    }

    #[test]
    fn key_ignores_path_and_tracks_content() {
        let a = article("Title", &["One.", "Two."], "/news/a.txt");
        let renamed = article("Title", &["One.", "Two."], "/elsewhere/b.txt");
        assert_eq!(ArticleKey::of(&a), ArticleKey::of(&renamed));
        let edited = article("Title", &["One.", "Two!"], "/news/a.txt");
        assert_ne!(ArticleKey::of(&a), ArticleKey::of(&edited));
        let shifted = article("Title", &["One.T", "wo."], "/news/a.txt");
        assert_ne!(ArticleKey::of(&a), ArticleKey::of(&shifted));
    }

    #[test]
    fn key_is_stable_across_releases() {
        // Pinned (checked against Python hashlib): if this changes, every user's
        // marks are forgotten.
        let key = ArticleKey::from_parts("Hello", ["World"]);
        assert_eq!(key.to_hex(), "3202e457e709ba5a81863b44a7175018");
        assert_eq!(key.to_hex().parse::<ArticleKey>(), Ok(key));
        assert!("xyz".parse::<ArticleKey>().is_err());
        assert!("zz".repeat(16).parse::<ArticleKey>().is_err());
    }

    #[test]
    fn marks_toggle_and_round_trip() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("sub").join("state.json");
        let (mut store, warning) = MarkStore::open(&path);
        assert_eq!(warning, None);
        let a = ArticleKey::from_parts("A", ["a"]);
        let b = ArticleKey::from_parts("B", ["b"]);
        assert!(!store.is_read(&a));
        assert!(store.toggle_read(a));
        assert!(store.toggle_starred(b));
        assert!(store.is_dirty());
        store.save_if_dirty().expect("save");
        assert!(!store.is_dirty());

        let (reopened, warning) = MarkStore::open(&path);
        assert_eq!(warning, None);
        assert!(reopened.is_read(&a) && !reopened.is_starred(&a));
        assert!(reopened.is_starred(&b) && !reopened.is_read(&b));
        assert_eq!(reopened.state(), store.state());

        // Clearing both marks drops the entry.
        let mut store = reopened;
        assert!(!store.toggle_read(a));
        assert!(!store.state().entries.contains_key(&a.to_hex()));
    }

    #[test]
    fn renamed_file_keeps_its_marks() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("state.json");
        let (mut store, _) = MarkStore::open(&path);
        store.set_read(
            ArticleKey::of(&article("T", &["Body"], "/old/name.txt")),
            true,
        );
        store.save().expect("save");
        let (store, _) = MarkStore::open(&path);
        assert!(store.is_read(&ArticleKey::of(&article("T", &["Body"], "/new/other.txt"))));
    }

    #[test]
    fn unknown_fields_survive_a_save() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("state.json");
        let key = ArticleKey::from_parts("A", ["a"]);
        fs::write(
            &path,
            format!(r#"{{"version":1,"entries":{{"{key}":{{"read":true,"note":"hi"}}}}}}"#),
        )
        .expect("write");
        let (mut store, warning) = MarkStore::open(&path);
        assert_eq!(warning, None);
        store.set_starred(key, true);
        store.save().expect("save");
        let text = fs::read_to_string(&path).expect("read");
        assert!(text.contains(r#""note": "hi""#), "{text}");
    }

    fn assert_moved_aside(contents: &[u8], expect_in_message: &str) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("state.json");
        fs::write(&path, contents).expect("write");
        let (mut store, warning) = MarkStore::open(&path);
        let warning = warning.expect("a warning");
        assert!(warning.message.contains(expect_in_message), "{warning}");
        let moved = warning.moved_to.expect("moved aside");
        assert!(
            moved
                .file_name()
                .expect("name")
                .to_string_lossy()
                .starts_with("state.json.corrupt-"),
            "{}",
            moved.display()
        );
        assert_eq!(fs::read(&moved).expect("salvage copy"), contents);
        assert!(!path.exists());
        // The app carries on with an empty state and can save again.
        assert!(store.state().entries.is_empty());
        assert_eq!(store.path(), Some(path.as_path()));
        store.set_read(ArticleKey::from_parts("A", ["a"]), true);
        store.save().expect("save after recovery");
        let (again, warning) = MarkStore::open(&path);
        assert_eq!(warning, None);
        assert_eq!(again.state().entries.len(), 1);
    }

    #[test]
    fn corrupt_file_is_moved_aside() {
        assert_moved_aside(b"this is not json at all", "damaged");
    }

    #[test]
    fn truncated_file_is_moved_aside() {
        let mut state = ReadingState::default();
        state.entries.insert(
            "00".repeat(16),
            Entry {
                read: true,
                ..Entry::default()
            },
        );
        let full = serde_json::to_vec(&state).expect("json");
        assert_moved_aside(&full[..full.len() / 2], "truncated");
        assert_moved_aside(b"", "truncated");
    }

    #[test]
    fn other_schema_version_is_moved_aside() {
        assert_moved_aside(br#"{"version": 99, "entries": {}}"#, "schema version 99");
        assert_moved_aside(br#"{"entries": {}}"#, "damaged");
    }

    #[test]
    fn second_salvage_does_not_replace_the_first() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("state.json");
        fs::write(&path, b"first").expect("write");
        let (_, w1) = MarkStore::open(&path);
        fs::write(&path, b"second").expect("write");
        let (_, w2) = MarkStore::open(&path);
        let m1 = w1.and_then(|w| w.moved_to).expect("moved");
        let m2 = w2.and_then(|w| w.moved_to).expect("moved");
        assert_ne!(m1, m2);
        assert_eq!(fs::read(m1).expect("read"), b"first");
        assert_eq!(fs::read(m2).expect("read"), b"second");
    }

    #[cfg(unix)]
    #[test]
    fn unreadable_file_is_left_alone() {
        // A directory where the file should be: reading fails with an error
        // other than NotFound, whoever runs the test (root ignores chmod).
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("state.json");
        fs::create_dir(&path).expect("mkdir");
        let (mut store, warning) = MarkStore::open(&path);
        assert!(warning.expect("warning").message.contains("not be saved"));
        assert_eq!(store.path(), None);
        store.set_read(ArticleKey::from_parts("A", ["a"]), true);
        store.save().expect("memory-only save is a no-op");
        assert!(path.is_dir());
    }

    #[test]
    fn in_memory_store_never_writes() {
        let mut store = MarkStore::in_memory();
        store.set_read(ArticleKey::from_parts("A", ["a"]), true);
        assert!(store.is_read(&ArticleKey::from_parts("A", ["a"])));
        store.save().expect("no-op");
        assert_eq!(store.path(), None);
    }
}
