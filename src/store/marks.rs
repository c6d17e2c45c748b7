//! Reading state (read and starred marks) that outlives a session and is never
//! lost to a crash or a damaged file.
//!
//! Articles are identified by a hash of their content rather than their path, so
//! moving or renaming a library file keeps its marks. The state file is replaced
//! atomically ([`crate::store::files::atomic_write`]), a file that cannot be
//! understood is moved aside for the user rather than overwritten, and saves
//! from several processes merge rather than overwrite each other.

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::article::Article;
use crate::store::files::atomic_write;

mod library;

pub use library::legacy_state_beside;

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

    /// The key's 16 bytes, as the library stores them.
    pub fn as_bytes(&self) -> &[u8; 16] {
        &self.0
    }

    /// The key stored as `bytes`.
    pub fn from_bytes(bytes: [u8; 16]) -> Self {
        Self(bytes)
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
///
/// Top-level fields this version does not know (written by a newer release)
/// are kept in `extra` and written back, as [`Entry`] does for its own.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReadingState {
    /// Required, so a file without it is treated as foreign.
    pub version: u32,
    /// Keyed by [`ArticleKey`] hex.
    pub entries: BTreeMap<String, Entry>,
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl Default for ReadingState {
    fn default() -> Self {
        Self {
            version: SCHEMA_VERSION,
            entries: BTreeMap::new(),
            extra: serde_json::Map::new(),
        }
    }
}

/// By hand rather than derived with `#[serde(flatten)]` for `extra`: flattening
/// would buffer the whole file (a million entries) as untyped values first.
impl<'de> Deserialize<'de> for ReadingState {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::{Error, MapAccess, Visitor};
        struct Fields;
        impl<'de> Visitor<'de> for Fields {
            type Value = ReadingState;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a reading state object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ReadingState, A::Error> {
                let mut version = None;
                let mut entries = None;
                let mut extra = serde_json::Map::new();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "version" if version.is_some() => {
                            return Err(A::Error::duplicate_field("version"));
                        }
                        "version" => version = Some(map.next_value()?),
                        "entries" if entries.is_some() => {
                            return Err(A::Error::duplicate_field("entries"));
                        }
                        "entries" => entries = Some(map.next_value()?),
                        _ => {
                            extra.insert(key, map.next_value()?);
                        }
                    }
                }
                Ok(ReadingState {
                    version: version.ok_or_else(|| A::Error::missing_field("version"))?,
                    entries: entries.unwrap_or_default(),
                    extra,
                })
            }
        }
        deserializer.deserialize_map(Fields)
    }
}

/// The largest state file read. A million marks take about 90 MB; a larger
/// file (or `/dev/zero` named by `--state`) is reported and left alone rather
/// than read into memory.
pub const MAX_STATE_BYTES: u64 = 256 * 1024 * 1024;

/// How long a save waits for another newsreader's save of the same file to end
/// before giving up (its changes stay pending for the next save).
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

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

/// What this process set on one article since the state was last loaded or
/// saved: `None` leaves the field as the file has it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Change {
    read: Option<bool>,
    starred: Option<bool>,
    /// When the change was last made, to tell changes a save carried from
    /// those made while it ran.
    seq: u64,
}

/// Applies `changes` to `state`, dropping entries left saying nothing.
fn apply<'a>(
    state: &mut ReadingState,
    changes: impl IntoIterator<Item = (&'a String, &'a Change)>,
) {
    for (hex, change) in changes {
        let entry = state.entries.entry(hex.clone()).or_default();
        if let Some(read) = change.read {
            entry.read = read;
        }
        if let Some(starred) = change.starred {
            entry.starred = starred;
        }
        if entry.is_empty() {
            state.entries.remove(hex);
        }
    }
}

/// The reading state and the file it lives in.
///
/// Opening never fails: a missing file is an empty state; a damaged one is moved
/// aside and reported; an unreadable one (permissions, I/O error, not a regular
/// file, larger than [`MAX_STATE_BYTES`]) is reported and the store switches to
/// memory-only for the session, so the file the app could not read is never
/// overwritten by an empty state.
///
/// Several newsreaders may share one file: the store keeps what this process
/// changed since the last load or save, and a save applies only those changes
/// to the file as it is on disk then, under an advisory lock ([`SaveJob`]), so
/// marks another process saved meanwhile are kept (and seen from then on).
#[derive(Debug, Clone)]
pub struct MarkStore {
    /// Where the marks are saved; `None` for a memory-only store.
    backend: Option<Backend>,
    /// For the library: the version of the marks `base` is up to date with
    /// (see [`crate::store::library_db::MarksRead`]).
    version: i64,
    /// The file as last loaded or saved; shared with a save in progress, so
    /// starting one copies nothing large.
    base: Arc<ReadingState>,
    /// This process's marks since then, by key hex, shown over `base`.
    changes: BTreeMap<String, Change>,
    /// Libraries' places set since then, by [`library_id`].
    places: BTreeMap<String, Place>,
    seq: u64,
    /// News from the last save for the status line (a damaged file moved aside).
    warning: Option<StateWarning>,
}

/// Where the reader was when it closed on a library: the selected article
/// (by content key), how far it was read, the view and the sort. Kept in the
/// state file's `places` object, by [`library_id`]; older binaries keep it
/// as a field they do not know.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Place {
    /// [`ArticleKey`] hex of the selected article.
    pub article: Option<String>,
    /// The first line of it on screen.
    pub scroll: usize,
    /// The view's name ("all", "unread", "starred").
    pub view: String,
    /// The sort's name ("relevance", "newest", "source", "title").
    pub sort: String,
}

/// The key a library's place is kept under: a hash of the paths it was
/// opened with, made absolute (the bundled articles when there are none), so
/// `newsreader ~/news` finds its place from any directory.
pub fn library_id(paths: &[PathBuf]) -> String {
    let names: Vec<String> = paths
        .iter()
        .map(|p| {
            fs::canonicalize(p)
                .unwrap_or_else(|_| p.clone())
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    ArticleKey::from_parts("library", names.iter().map(String::as_str)).to_hex()
}

/// The places kept in `state` (entries that do not parse are left out).
fn places_of(state: &ReadingState) -> BTreeMap<String, Place> {
    let Some(serde_json::Value::Object(places)) = state.extra.get("places") else {
        return BTreeMap::new();
    };
    places
        .iter()
        .filter_map(|(library, value)| {
            let place = serde_json::from_value(value.clone()).ok()?;
            Some((library.clone(), place))
        })
        .collect()
}

/// Writes `places` into `state`'s `places` object, keeping the others.
fn put_places(state: &mut ReadingState, places: &[(String, Place)]) {
    if places.is_empty() {
        return;
    }
    let object = state
        .extra
        .entry("places")
        .or_insert_with(|| serde_json::Value::Object(serde_json::Map::new()));
    if !object.is_object() {
        *object = serde_json::Value::Object(serde_json::Map::new());
    }
    if let serde_json::Value::Object(map) = object {
        for (library, place) in places {
            if let Ok(value) = serde_json::to_value(place) {
                map.insert(library.clone(), value);
            }
        }
    }
}

/// Where a store keeps its marks.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Backend {
    /// A JSON state file of its own (`--state FILE`, and before the library).
    Json(PathBuf),
    /// The library database (the default since marks moved there).
    Library(PathBuf),
}

impl Backend {
    fn path(&self) -> &Path {
        match self {
            Backend::Json(path) | Backend::Library(path) => path,
        }
    }
}

/// One save of a store's changes, detached from the store so that it can run
/// on another thread ([`MarkStore::begin_save`], then [`SaveJob::run`], then
/// [`MarkStore::finish_save`]).
#[derive(Debug)]
pub struct SaveJob {
    backend: Backend,
    base: Arc<ReadingState>,
    changes: Vec<(String, Change)>,
    /// Libraries' places to write (see [`Place`]).
    places: Vec<(String, Place)>,
    upto: u64,
    /// The library's marks version `base` is up to date with.
    since: i64,
}

/// What a finished [`SaveJob`] hands back to its store.
#[derive(Debug)]
pub struct Saved {
    state: SavedState,
    upto: u64,
    warning: Option<StateWarning>,
}

/// The marks as a save left them.
#[derive(Debug)]
enum SavedState {
    /// The whole state file as written.
    Whole(ReadingState),
    /// What changed in the library since the store's version: marks by key
    /// hex, every place, and the version they bring the store up to.
    Since {
        marks: Vec<(String, Entry)>,
        places: Vec<(String, Place)>,
        version: i64,
    },
}

impl SaveJob {
    /// Re-reads the file under an exclusive advisory lock (`flock` on a
    /// `.NAME.lock` file beside it, which other newsreaders take too), applies
    /// the changes, and writes the result atomically before unlocking. A file
    /// that has become damaged meanwhile is moved aside (as at startup) and this
    /// store's own view is written instead; one that cannot be read at all is
    /// left alone and the save fails, its changes still pending.
    pub fn run(self) -> io::Result<Saved> {
        match &self.backend {
            Backend::Json(path) => {
                let path = path.clone();
                self.run_json(&path)
            }
            Backend::Library(path) => {
                let path = path.clone();
                library::save(&path, self)
            }
        }
    }

    fn run_json(self, path: &Path) -> io::Result<Saved> {
        let target = crate::store::files::resolve_symlink(path);
        if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
            fs::create_dir_all(dir)?;
        }
        let _lock = lock_beside(&target)?;
        let mut warning = None;
        let mut state = match read_state(&target) {
            Ok(state) => state.unwrap_or_default(),
            Err(Unreadable::Io(err)) => return Err(err),
            Err(Unreadable::Damaged(problem)) => {
                let moved_to = move_aside(&target)?;
                warning = Some(StateWarning {
                    message: format!(
                        "reading state {} {problem}; moved it to {} and saved this session's marks",
                        target.display(),
                        moved_to.display()
                    ),
                    moved_to: Some(moved_to),
                });
                Arc::unwrap_or_clone(self.base)
            }
        };
        apply(&mut state, self.changes.iter().map(|(k, c)| (k, c)));
        put_places(&mut state, &self.places);
        let mut bytes = serde_json::to_vec_pretty(&state).map_err(io::Error::other)?;
        bytes.push(b'\n');
        atomic_write(&target, &bytes)?;
        Ok(Saved {
            state: SavedState::Whole(state),
            upto: self.upto,
            warning,
        })
    }
}

/// Why a state file could not be taken as it is.
enum Unreadable {
    /// Could not be read: leave it alone.
    Io(io::Error),
    /// Read, but not a state this version understands: move it aside.
    Damaged(String),
}

/// The state in `path`; `None` when there is no file.
fn read_state(path: &Path) -> Result<Option<ReadingState>, Unreadable> {
    let bytes = match crate::store::files::read_regular(path, MAX_STATE_BYTES) {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(err) => return Err(Unreadable::Io(err)),
    };
    match serde_json::from_slice::<ReadingState>(&bytes) {
        Ok(state) if state.version == SCHEMA_VERSION => Ok(Some(state)),
        Ok(state) => Err(Unreadable::Damaged(format!(
            "has schema version {} (this newsreader reads {SCHEMA_VERSION})",
            state.version
        ))),
        Err(err) if err.is_eof() => Err(Unreadable::Damaged(format!("is truncated ({err})"))),
        Err(err) => Err(Unreadable::Damaged(format!("is damaged ({err})"))),
    }
}

/// Takes the exclusive lock that serialises saves of `target` between
/// processes; released when the returned file is closed. Waits up to
/// [`LOCK_WAIT`] (a save takes well under a second), never for ever: a
/// stopped process holding the lock fails this save, not the app.
#[cfg(unix)]
fn lock_beside(target: &Path) -> io::Result<fs::File> {
    use std::os::fd::AsRawFd;
    use std::os::unix::fs::OpenOptionsExt;
    let mut name = std::ffi::OsString::from(".");
    name.push(target.file_name().unwrap_or_default());
    name.push(".lock");
    let lock_path = target.with_file_name(name);
    let file = fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .custom_flags(libc::O_NONBLOCK)
        .open(&lock_path)?;
    let deadline = std::time::Instant::now() + LOCK_WAIT;
    loop {
        // SAFETY: flock on a descriptor this function owns; no memory involved.
        if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0 {
            return Ok(file);
        }
        let err = io::Error::last_os_error();
        if err.raw_os_error() != Some(libc::EWOULDBLOCK) && err.kind() != io::ErrorKind::Interrupted
        {
            return Err(err);
        }
        if std::time::Instant::now() >= deadline {
            return Err(io::Error::new(
                io::ErrorKind::WouldBlock,
                format!(
                    "another newsreader has been saving {} for {} s",
                    target.display(),
                    LOCK_WAIT.as_secs()
                ),
            ));
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

/// No advisory locks elsewhere: saves still merge, with a small race.
#[cfg(not(unix))]
fn lock_beside(_target: &Path) -> io::Result<()> {
    Ok(())
}

impl MarkStore {
    /// The default location: `$XDG_DATA_HOME/newsreader/state.json`, else
    /// `~/.local/share/newsreader/state.json`; `None` if neither can be found.
    pub fn default_path() -> Option<PathBuf> {
        crate::store::files::app_file(crate::store::files::BaseDir::Data, "state.json")
    }

    /// A store that never touches the disk (`--no-state`).
    pub fn in_memory() -> Self {
        Self::with(None, ReadingState::default())
    }

    fn with(path: Option<PathBuf>, state: ReadingState) -> Self {
        Self::with_backend(path.map(Backend::Json), state)
    }

    fn with_backend(backend: Option<Backend>, state: ReadingState) -> Self {
        Self {
            backend,
            version: 0,
            base: Arc::new(state),
            changes: BTreeMap::new(),
            places: BTreeMap::new(),
            seq: 0,
            warning: None,
        }
    }

    /// Where `library` (a [`library_id`]) was left, if it was.
    pub fn place(&self, library: &str) -> Option<Place> {
        self.places
            .get(library)
            .cloned()
            .or_else(|| places_of(&self.base).remove(library))
    }

    /// Keeps where `library` is left; saved with the marks.
    pub fn set_place(&mut self, library: &str, place: Place) {
        if self.place(library).as_ref() != Some(&place) {
            self.places.insert(library.to_owned(), place);
        }
    }

    /// Loads the state at `path`; see the type's documentation for what happens
    /// when that goes wrong. The returned warning is meant for the status line.
    pub fn open(path: impl Into<PathBuf>) -> (Self, Option<StateWarning>) {
        let path = path.into();
        crate::store::files::remove_stale_temps(&path, STALE_TEMP_AGE);
        let problem = match read_state(&path) {
            Ok(state) => return (Self::with(Some(path), state.unwrap_or_default()), None),
            Err(Unreadable::Io(err)) => {
                let warning = StateWarning {
                    message: format!(
                        "cannot read reading state {}: {err}; marks will not be saved this session",
                        path.display()
                    ),
                    moved_to: None,
                };
                return (Self::in_memory(), Some(warning));
            }
            Err(Unreadable::Damaged(problem)) => problem,
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
                (
                    Self::with(Some(path), ReadingState::default()),
                    Some(warning),
                )
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

    /// The file this store saves to; `None` for a memory-only store.
    pub fn path(&self) -> Option<&Path> {
        self.backend.as_ref().map(Backend::path)
    }

    /// The state as this process sees it: the file as last loaded or saved,
    /// with this process's later changes applied. A copy: for tests and tools.
    pub fn snapshot(&self) -> ReadingState {
        let mut state = (*self.base).clone();
        apply(&mut state, &self.changes);
        state
    }

    /// Whether anything changed since the last load or save, so the app can
    /// skip needless writes (for instance on every keystroke).
    pub fn is_dirty(&self) -> bool {
        !self.changes.is_empty() || !self.places.is_empty()
    }

    /// The changes to save, detached so the save can run on another thread;
    /// `None` when there are none or the store is memory-only. Changes made
    /// meanwhile stay pending for the next save.
    pub fn begin_save(&self) -> Option<SaveJob> {
        let backend = self.backend.clone()?;
        if !self.is_dirty() {
            return None;
        }
        Some(SaveJob {
            backend,
            since: self.version,
            base: Arc::clone(&self.base),
            changes: self.changes.iter().map(|(k, c)| (k.clone(), *c)).collect(),
            places: self.places.clone().into_iter().collect(),
            upto: self.seq,
        })
    }

    /// Takes in the outcome of a [`SaveJob`] from [`begin_save`](Self::begin_save):
    /// on success the store shows the file as saved (other processes' marks
    /// included) under the changes made since the job began; on failure every
    /// change stays pending and the error is returned.
    pub fn finish_save(&mut self, outcome: io::Result<Saved>) -> io::Result<()> {
        let saved = outcome?;
        match saved.state {
            SavedState::Whole(state) => self.base = Arc::new(state),
            SavedState::Since {
                marks,
                places,
                version,
            } => self.take_in_since(marks, &places, version),
        }
        self.changes.retain(|_, change| change.seq > saved.upto);
        // Places now in the file are no longer pending.
        let written = places_of(&self.base);
        self.places
            .retain(|library, place| written.get(library) != Some(&*place));
        if saved.warning.is_some() {
            self.warning = saved.warning;
        }
        Ok(())
    }

    /// Shows marks and places read from the library over `base` (no copy:
    /// the save job that shared it is gone) and notes their version.
    fn take_in_since(
        &mut self,
        marks: Vec<(String, Entry)>,
        places: &[(String, Place)],
        version: i64,
    ) {
        let base = Arc::make_mut(&mut self.base);
        for (hex, entry) in marks {
            if entry.is_empty() {
                base.entries.remove(&hex);
            } else {
                base.entries.insert(hex, entry);
            }
        }
        put_places(base, places);
        self.version = version;
    }

    /// News from a save the user should hear about (a state file damaged
    /// behind the app's back, moved aside); taken once.
    pub fn take_warning(&mut self) -> Option<StateWarning> {
        self.warning.take()
    }

    /// Saves this process's changes now, on this thread (see [`SaveJob::run`]).
    /// A memory-only store, or one with nothing changed, does nothing.
    pub fn save(&mut self) -> io::Result<()> {
        match self.begin_save() {
            Some(job) => self.finish_save(job.run()),
            None => Ok(()),
        }
    }

    /// [`save`](Self::save): kept for callers that read better with the name.
    pub fn save_if_dirty(&mut self) -> io::Result<()> {
        self.save()
    }

    fn change(&mut self, key: ArticleKey, set: impl FnOnce(&mut Change)) {
        self.seq += 1;
        let change = self.changes.entry(key.to_hex()).or_default();
        set(change);
        change.seq = self.seq;
    }

    fn entry(&self, hex: &str) -> Option<&Entry> {
        self.base.entries.get(hex)
    }

    pub fn is_read(&self, key: &ArticleKey) -> bool {
        let hex = key.to_hex();
        match self.changes.get(&hex).and_then(|c| c.read) {
            Some(read) => read,
            None => self.entry(&hex).is_some_and(|e| e.read),
        }
    }

    pub fn set_read(&mut self, key: ArticleKey, read: bool) {
        if self.is_read(&key) != read {
            self.change(key, |c| c.read = Some(read));
        }
    }

    /// Flips the read mark and returns the new value.
    pub fn toggle_read(&mut self, key: ArticleKey) -> bool {
        let read = !self.is_read(&key);
        self.set_read(key, read);
        read
    }

    pub fn is_starred(&self, key: &ArticleKey) -> bool {
        let hex = key.to_hex();
        match self.changes.get(&hex).and_then(|c| c.starred) {
            Some(starred) => starred,
            None => self.entry(&hex).is_some_and(|e| e.starred),
        }
    }

    pub fn set_starred(&mut self, key: ArticleKey, starred: bool) {
        if self.is_starred(&key) != starred {
            self.change(key, |c| c.starred = Some(starred));
        }
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
    crate::store::files::rename_aside(path, &format!(".corrupt-{stamp}"))
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
        assert_eq!(reopened.snapshot(), store.snapshot());

        // Clearing both marks drops the entry.
        let mut store = reopened;
        assert!(!store.toggle_read(a));
        assert!(!store.snapshot().entries.contains_key(&a.to_hex()));
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
        assert!(store.snapshot().entries.is_empty());
        assert_eq!(store.path(), Some(path.as_path()));
        store.set_read(ArticleKey::from_parts("A", ["a"]), true);
        store.save().expect("save after recovery");
        let (again, warning) = MarkStore::open(&path);
        assert_eq!(warning, None);
        assert_eq!(again.snapshot().entries.len(), 1);
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

    fn key(n: usize) -> ArticleKey {
        ArticleKey::from_parts(&format!("Article {n}"), [format!("Body {n}").as_str()])
    }

    #[test]
    fn two_stores_on_one_file_keep_each_others_marks() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("state.json");
        // Both open before either saves, as two newsreaders started together.
        let (mut a, _) = MarkStore::open(&path);
        let (mut b, _) = MarkStore::open(&path);
        a.set_starred(key(1), true);
        a.set_read(key(2), true);
        a.save().expect("a saves");
        b.set_starred(key(3), true);
        b.set_read(key(2), false); // b never saw the mark: no change of b's
        b.save().expect("b saves");
        let (c, _) = MarkStore::open(&path);
        assert!(c.is_starred(&key(1)) && c.is_read(&key(2)) && c.is_starred(&key(3)));
        // b now shows what a saved.
        assert!(b.is_starred(&key(1)) && b.is_read(&key(2)));
        // A change made while a save runs stays pending for the next one.
        let job = a.begin_save();
        assert!(job.is_none(), "nothing to save");
        a.set_read(key(4), true);
        let job = a.begin_save().expect("a change");
        a.set_read(key(5), true);
        a.finish_save(job.run()).expect("save");
        assert!(a.is_dirty() && a.is_read(&key(4)) && a.is_read(&key(5)));
        a.save().expect("save");
        assert!(!a.is_dirty());
        let (d, _) = MarkStore::open(&path);
        assert!(d.is_read(&key(4)) && d.is_read(&key(5)) && d.is_starred(&key(3)));
    }

    #[test]
    fn stores_saving_at_once_from_threads_lose_no_mark() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("state.json");
        let workers: Vec<_> = (0..4)
            .map(|t| {
                let path = path.clone();
                std::thread::spawn(move || {
                    let (mut store, _) = MarkStore::open(&path);
                    for i in 0..25 {
                        store.set_starred(key(t * 100 + i), true);
                        store.save().expect("save");
                    }
                })
            })
            .collect();
        for worker in workers {
            worker.join().expect("worker");
        }
        let (store, warning) = MarkStore::open(&path);
        assert_eq!(warning, None);
        let state = store.snapshot();
        assert_eq!(state.entries.len(), 100);
        for t in 0..4 {
            for i in 0..25 {
                assert!(store.is_starred(&key(t * 100 + i)), "{t}/{i}");
            }
        }
    }

    #[test]
    fn unknown_top_level_fields_survive_a_save() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("state.json");
        fs::write(
            &path,
            r#"{"version":1,"tags":{"x":["a","b"]},"entries":{},"synced_at":12}"#,
        )
        .expect("write");
        let (mut store, warning) = MarkStore::open(&path);
        assert_eq!(warning, None);
        store.set_read(key(1), true);
        store.save().expect("save");
        let saved: serde_json::Value =
            serde_json::from_slice(&fs::read(&path).expect("read")).expect("json");
        assert_eq!(saved["tags"], serde_json::json!({"x": ["a", "b"]}));
        assert_eq!(saved["synced_at"], 12);
        assert_eq!(saved["entries"][key(1).to_hex()]["read"], true);
    }

    #[cfg(unix)]
    #[test]
    fn a_dangling_state_symlink_gets_its_target_written() {
        let dir = tempfile::tempdir().expect("tempdir");
        let link = dir.path().join("state.json");
        let target = dir.path().join("synced").join("state.json");
        fs::create_dir(dir.path().join("synced")).expect("mkdir");
        std::os::unix::fs::symlink(&target, &link).expect("symlink");
        let (mut store, warning) = MarkStore::open(&link);
        assert_eq!(warning, None);
        store.set_read(key(1), true);
        store.save().expect("save");
        assert!(
            fs::symlink_metadata(&link)
                .expect("meta")
                .file_type()
                .is_symlink()
        );
        let (again, _) = MarkStore::open(&target);
        assert!(again.is_read(&key(1)));
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_a_device_or_a_huge_file_is_reported_not_read() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("fifo.json");
        let name = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).expect("cstr");
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        let huge = dir.path().join("huge.json");
        // Sparse: no disk space used.
        fs::File::create(&huge)
            .and_then(|f| f.set_len(MAX_STATE_BYTES + 1))
            .expect("huge file");
        for path in [fifo.as_path(), Path::new("/dev/zero"), huge.as_path()] {
            let (mut store, warning) = MarkStore::open(path);
            let warning = warning.expect("a warning").to_string();
            assert!(warning.contains("will not be saved"), "{warning}");
            assert_eq!(store.path(), None);
            store.set_read(key(1), true);
            store.save().expect("memory-only");
        }
        assert_eq!(
            fs::metadata(&huge).expect("meta").len(),
            MAX_STATE_BYTES + 1
        );
    }

    #[test]
    fn a_file_damaged_while_running_is_moved_aside_at_the_next_save() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("state.json");
        let (mut store, _) = MarkStore::open(&path);
        store.set_read(key(1), true);
        store.save().expect("save");
        fs::write(&path, b"garbage").expect("damage");
        store.set_starred(key(2), true);
        store.save().expect("save");
        let warning = store.take_warning().expect("a warning");
        let moved = warning.moved_to.expect("moved aside");
        assert_eq!(fs::read(moved).expect("salvage"), b"garbage");
        let (again, warning) = MarkStore::open(&path);
        assert_eq!(warning, None);
        assert!(again.is_read(&key(1)) && again.is_starred(&key(2)));
    }
}

#[cfg(test)]
mod place_tests {
    use super::*;

    #[test]
    fn places_are_saved_with_the_marks_and_read_back() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("state.json");
        let (mut store, _) = MarkStore::open(&path);
        let place = Place {
            article: Some("ab".repeat(16)),
            scroll: 12,
            view: "unread".into(),
            sort: "title".into(),
        };
        store.set_place("lib-one", place.clone());
        assert!(store.is_dirty());
        store.save().expect("save");
        assert!(!store.is_dirty(), "written");
        let (again, warning) = MarkStore::open(&path);
        assert!(warning.is_none());
        assert_eq!(again.place("lib-one"), Some(place));
        assert_eq!(again.place("lib-two"), None);
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(text.contains("\"places\""), "{text}");
    }
}
