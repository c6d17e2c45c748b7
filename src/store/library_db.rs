//! The library of fetched articles and the subscriptions they come from: one
//! SQLite file, `$XDG_DATA_HOME/newsreader/library.db`.
//!
//! SQLite because a reader and a cron `newsreader fetch` use it at once: WAL
//! lets one write while the other reads, every write is one transaction (a
//! kill -9 leaves the last committed state), and a busy timeout makes two
//! writers take turns instead of failing. The schema carries a version
//! (`PRAGMA user_version`) and migrates forward on open. A file that is not a
//! database, or a damaged one, is moved aside and a fresh library started, so
//! newsreader always opens.

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension, TransactionBehavior, params};

use crate::article::Article;
use crate::web::feed::Item;
use crate::web::http::Validators;

mod marks;

pub use marks::{MarkRow, MarkWrite, MarksRead};

/// The environment variable naming another library file (tests, several libraries).
pub const LIBRARY_ENV: &str = "NEWSREADER_LIBRARY";

/// Schema migrations, in order; `user_version` counts those applied.
const MIGRATIONS: &[&str] = &[
    // 1: subscriptions and articles.
    "CREATE TABLE subscriptions (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        feed_title TEXT,
        title_override TEXT,
        folder TEXT,
        full_text INTEGER NOT NULL DEFAULT 1,
        site_url TEXT,
        etag TEXT,
        last_modified TEXT,
        added INTEGER NOT NULL,
        last_fetch INTEGER,
        last_ok INTEGER,
        last_result TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        retry_at INTEGER
    );
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        feed_id INTEGER NOT NULL,
        guid TEXT NOT NULL,
        url TEXT,
        fingerprint TEXT,
        full_text INTEGER NOT NULL DEFAULT 0,
        sort_time INTEGER NOT NULL,
        fetched INTEGER NOT NULL,
        article TEXT NOT NULL,
        UNIQUE (feed_id, guid)
    );
    CREATE INDEX articles_newest ON articles (sort_time DESC, id DESC);",
    // 2: the read and starred marks (by content key) and the places the
    // reader was left at, moved here from state.json.
    "CREATE TABLE marks (
        key BLOB PRIMARY KEY,
        read INTEGER NOT NULL DEFAULT 0,
        starred INTEGER NOT NULL DEFAULT 0,
        version INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX marks_version ON marks (version);
    CREATE TABLE places (
        library TEXT PRIMARY KEY,
        place TEXT NOT NULL
    );",
];

/// `articles.feed_id` of pages opened directly (`newsreader URL`), which
/// belong to no subscription.
pub const PAGES_FEED: i64 = 0;

/// Where an article's text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextState {
    /// The feed's own text; the full article is still to fetch (if wanted).
    Feed = 0,
    /// The full article, fetched and extracted.
    Full = 1,
    /// Fetching or extracting the full article failed; the feed text stays.
    FullFailed = 2,
}

/// A subscription as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscription {
    pub id: i64,
    pub url: String,
    /// The title the feed gives itself.
    pub feed_title: Option<String>,
    /// The user's title, which wins over the feed's.
    pub title_override: Option<String>,
    pub folder: Option<String>,
    /// Fetch the full article behind each item.
    pub full_text: bool,
    pub validators: Validators,
    pub last_fetch: Option<i64>,
    pub last_ok: Option<bool>,
    /// "3 new", "not modified", or the error.
    pub last_result: Option<String>,
    /// Failures in a row, for backing off.
    pub failures: u32,
    /// Not to be fetched again before this time (Retry-After, back-off).
    pub retry_at: Option<i64>,
    pub articles: usize,
}

impl Subscription {
    /// The name shown for the feed and used as its articles' source.
    pub fn title(&self) -> &str {
        self.title_override
            .as_deref()
            .or(self.feed_title.as_deref())
            .unwrap_or(&self.url)
    }
}

/// What storing a feed's items did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoreOutcome {
    pub new: usize,
    pub updated: usize,
    /// The new articles' ids.
    pub new_ids: Vec<i64>,
    /// Articles (id, link) whose full text should be fetched now: new or
    /// changed items, and items whose full text a previous run did not get to.
    pub want_full_text: Vec<(i64, String)>,
    /// Changed items: their ids with the article as it was stored before, so
    /// a reader showing the old one can put the new one in its place.
    pub previous: Vec<(i64, Article)>,
}

/// The result of one fetch of a subscription, recorded with its items.
#[derive(Debug, Clone, Default)]
pub struct FetchRecord {
    pub ok: bool,
    pub message: String,
    /// New validators (None: keep the old ones, as after a 304 or a failure).
    pub validators: Option<Validators>,
    pub feed_title: Option<String>,
    pub site_url: Option<String>,
    /// Do not fetch before this time.
    pub retry_at: Option<i64>,
}

/// A database failure, with the file it concerns.
#[derive(Debug)]
pub struct DbError(pub String);

impl fmt::Display for DbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DbError {}

impl From<rusqlite::Error> for DbError {
    fn from(err: rusqlite::Error) -> Self {
        DbError(format!("library database: {err}"))
    }
}

impl From<DbError> for std::io::Error {
    fn from(err: DbError) -> Self {
        std::io::Error::other(err.0)
    }
}

pub type Result<T> = std::result::Result<T, DbError>;

/// The open library.
#[derive(Debug)]
pub struct LibraryDb {
    conn: Connection,
    path: PathBuf,
}

/// `$NEWSREADER_LIBRARY`, else `$XDG_DATA_HOME/newsreader/library.db`, else
/// `~/.local/share/newsreader/library.db`.
pub fn default_path() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os(LIBRARY_ENV).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    crate::store::files::app_file(crate::store::files::BaseDir::Data, "library.db")
}

/// Whether `path` is an SQLite database (by its header), so the loader can
/// tell a library database from an article file.
pub fn is_database_file(path: &Path) -> bool {
    use std::io::Read;
    let mut header = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut header))
        .is_ok()
        && &header == b"SQLite format 3\0"
}

/// A library database as the loader meets it: a `.db` file that is an
/// SQLite database (the extension first, so no other file is opened twice).
pub fn is_library_database(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("db"))
        && is_database_file(path)
}

fn now() -> i64 {
    jiff::Timestamp::now().as_second()
}

impl LibraryDb {
    /// Opens (creating it and its folder if needed) the library at `path`.
    /// A damaged file is moved aside; the warning says where.
    pub fn open(path: &Path) -> Result<(Self, Option<String>)> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|err| DbError(format!("cannot create {}: {err}", dir.display())))?;
        }
        match Self::open_once(path) {
            Ok(db) => Ok((db, None)),
            Err(err) if is_corruption(&err) => {
                let aside = move_aside(path)?;
                let db = Self::open_once(path)?;
                let warning = format!(
                    "the library {} was damaged ({err}); it was moved to {} and a new library started",
                    path.display(),
                    aside.display()
                );
                Ok((db, Some(warning)))
            }
            Err(err) => Err(DbError(format!("{}: {err}", path.display()))),
        }
    }

    /// A library that lives in memory only (tests).
    pub fn open_in_memory() -> Result<Self> {
        let conn = Connection::open_in_memory()?;
        let mut db = Self {
            conn,
            path: PathBuf::from(":memory:"),
        };
        db.migrate().map_err(|err| match err {
            MigrateError::Sql(err) => DbError::from(err),
            MigrateError::TooNew(v) => DbError(format!(
                "schema version {v} is newer than this newsreader knows"
            )),
        })?;
        Ok(db)
    }

    /// Opens an existing library for reading only (the loader), never
    /// creating or migrating it.
    pub fn open_read_only(path: &Path) -> Result<Self> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|err| DbError(format!("{}: {err}", path.display())))?;
        conn.busy_timeout(Duration::from_secs(10))?;
        Ok(Self {
            conn,
            path: path.to_path_buf(),
        })
    }

    fn open_once(path: &Path) -> std::result::Result<Self, rusqlite::Error> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(Duration::from_secs(10))?;
        // Reading the schema is the first thing that notices a file that is
        // not a database.
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))?;
        // Full articles are 2–8 KB: with 16 KB pages most fit in one page
        // instead of a chain of overflow pages, which makes reading the whole
        // library markedly faster. Only takes effect on a new file.
        conn.pragma_update(None, "page_size", 16384)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // NORMAL is safe in WAL mode against a killed process; only a power
        // cut can lose the last commits, never the file.
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        let mut db = Self {
            conn,
            path: path.to_path_buf(),
        };
        db.migrate().map_err(|err| match err {
            MigrateError::Sql(err) => err,
            MigrateError::TooNew(version) => rusqlite::Error::InvalidParameterName(format!(
                "schema version {version} is newer than this newsreader knows"
            )),
        })?;
        Ok(db)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn migrate(&mut self) -> std::result::Result<(), MigrateError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let version = usize::try_from(version).unwrap_or(usize::MAX);
        if version > MIGRATIONS.len() {
            return Err(MigrateError::TooNew(version));
        }
        for migration in &MIGRATIONS[version..] {
            tx.execute_batch(migration)?;
        }
        if version < MIGRATIONS.len() {
            tx.pragma_update(None, "user_version", MIGRATIONS.len() as i64)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Subscribes to `url`; false when it already was (then nothing changes).
    pub fn add_subscription(
        &mut self,
        url: &str,
        title: Option<&str>,
        folder: Option<&str>,
    ) -> Result<bool> {
        let tx = self.write()?;
        let added = tx.execute(
            "INSERT INTO subscriptions (url, title_override, folder, added) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (url) DO NOTHING",
            params![url, title, folder, now()],
        )?;
        tx.commit()?;
        Ok(added > 0)
    }

    /// Unsubscribes from `url` and deletes its articles; false when there was
    /// no such subscription.
    pub fn remove_subscription(&mut self, url: &str) -> Result<bool> {
        let tx = self.write()?;
        let id: Option<i64> = tx
            .query_row("SELECT id FROM subscriptions WHERE url = ?1", [url], |r| {
                r.get(0)
            })
            .optional()?;
        if let Some(id) = id {
            tx.execute("DELETE FROM articles WHERE feed_id = ?1", [id])?;
            tx.execute("DELETE FROM subscriptions WHERE id = ?1", [id])?;
        }
        tx.commit()?;
        Ok(id.is_some())
    }

    /// Records the title a feed gives itself (or an OPML file gave it).
    pub fn set_feed_title(&mut self, url: &str, title: &str) -> Result<()> {
        let tx = self.write()?;
        tx.execute(
            "UPDATE subscriptions SET feed_title = ?2 WHERE url = ?1",
            params![url, title],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Sets the user's settings for a subscription (from the config file).
    pub fn configure_subscription(
        &mut self,
        url: &str,
        title_override: Option<&str>,
        folder: Option<&str>,
        full_text: bool,
    ) -> Result<bool> {
        let tx = self.write()?;
        let changed = tx.execute(
            "UPDATE subscriptions SET title_override = ?2, folder = ?3, full_text = ?4 WHERE url = ?1",
            params![url, title_override, folder, full_text],
        )?;
        tx.commit()?;
        Ok(changed > 0)
    }

    /// Every subscription, in the order they were added.
    pub fn subscriptions(&self) -> Result<Vec<Subscription>> {
        let mut stmt = self.conn.prepare(
            "SELECT s.id, s.url, s.feed_title, s.title_override, s.folder, s.full_text, s.etag,
                    s.last_modified, s.last_fetch, s.last_ok, s.last_result, s.failures, s.retry_at,
                    (SELECT count(*) FROM articles a WHERE a.feed_id = s.id)
             FROM subscriptions s ORDER BY s.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Subscription {
                id: r.get(0)?,
                url: r.get(1)?,
                feed_title: r.get(2)?,
                title_override: r.get(3)?,
                folder: r.get(4)?,
                full_text: r.get(5)?,
                validators: Validators {
                    etag: r.get(6)?,
                    last_modified: r.get(7)?,
                },
                last_fetch: r.get(8)?,
                last_ok: r.get(9)?,
                last_result: r.get(10)?,
                failures: r.get(11)?,
                retry_at: r.get(12)?,
                articles: r.get::<_, i64>(13)? as usize,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// The most recent fetch of any subscription.
    pub fn last_fetch(&self) -> Result<Option<i64>> {
        Ok(self
            .conn
            .query_row("SELECT max(last_fetch) FROM subscriptions", [], |r| {
                r.get(0)
            })?)
    }

    /// Stores a fetched feed: its items (new ones added, changed ones updated
    /// in place, the others untouched) and the fetch's result, in one
    /// transaction. `items` are stored with the feed's text; the outcome lists
    /// those whose full article is wanted.
    pub fn save_feed(
        &mut self,
        subscription: &Subscription,
        items: &[Item],
        record: &FetchRecord,
    ) -> Result<StoreOutcome> {
        let fetched = now();
        let source = subscription
            .title_override
            .clone()
            .or_else(|| record.feed_title.clone())
            .or_else(|| subscription.feed_title.clone())
            .unwrap_or_else(|| subscription.url.clone());
        let tx = self.write()?;
        let mut outcome = StoreOutcome::default();
        {
            let mut find = tx.prepare_cached(
                "SELECT id, fingerprint, full_text FROM articles WHERE feed_id = ?1 AND guid = ?2",
            )?;
            let mut insert = tx.prepare_cached(
                "INSERT INTO articles (feed_id, guid, url, fingerprint, full_text, sort_time, fetched, article)
                 VALUES (?1, ?2, ?3, ?4, 0, ?5, ?6, ?7)",
            )?;
            let mut update = tx.prepare_cached(
                "UPDATE articles SET url = ?2, fingerprint = ?3, full_text = 0, sort_time = ?4, article = ?5
                 WHERE id = ?1",
            )?;
            // Items are listed newest first in most feeds; storing them in
            // reverse keeps ids ascending with age for items without dates.
            for item in items.iter().rev() {
                let fingerprint = item.fingerprint();
                let existing: Option<(i64, Option<String>, i64)> = find
                    .query_row(params![subscription.id, item.key], |r| {
                        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                    })
                    .optional()?;
                let article = item.to_article(&source);
                let json = serde_json::to_string(&article)
                    .map_err(|err| DbError(format!("cannot store an article: {err}")))?;
                // A date in the future does not pin an item to the top.
                let sort_time = item.published.unwrap_or(fetched).min(fetched);
                let id = match existing {
                    None => {
                        insert.execute(params![
                            subscription.id,
                            item.key,
                            item.link,
                            fingerprint,
                            sort_time,
                            fetched,
                            json
                        ])?;
                        outcome.new += 1;
                        outcome.new_ids.push(tx.last_insert_rowid());
                        Some(tx.last_insert_rowid())
                    }
                    Some((id, old, _)) if old.as_deref() != Some(fingerprint.as_str()) => {
                        let before: String = tx.query_row(
                            "SELECT article FROM articles WHERE id = ?1",
                            [id],
                            |r| r.get(0),
                        )?;
                        // A damaged old copy is replaced without being shown.
                        if let Ok(before) = serde_json::from_str::<Article>(&before) {
                            outcome.previous.push((id, before));
                        }
                        update.execute(params![id, item.link, fingerprint, sort_time, json])?;
                        outcome.updated += 1;
                        Some(id)
                    }
                    Some((id, _, state)) if state == TextState::Feed as i64 => Some(id),
                    Some(_) => None,
                };
                if let (Some(id), Some(link), true) = (id, &item.link, subscription.full_text) {
                    outcome.want_full_text.push((id, link.clone()));
                }
            }
        }
        record_fetch(&tx, subscription, record, fetched)?;
        tx.commit()?;
        Ok(outcome)
    }

    /// Records a fetch that brought no items (a 304, or a failure).
    pub fn record_fetch(
        &mut self,
        subscription: &Subscription,
        record: &FetchRecord,
    ) -> Result<()> {
        let tx = self.write()?;
        record_fetch(&tx, subscription, record, now())?;
        tx.commit()?;
        Ok(())
    }

    /// Replaces an article's feed text with its full text (or marks that the
    /// full text could not be had, keeping the feed text).
    pub fn save_full_text(&mut self, article_id: i64, full: Option<&Article>) -> Result<()> {
        let tx = self.write()?;
        match full {
            Some(article) => {
                let json = serde_json::to_string(article)
                    .map_err(|err| DbError(format!("cannot store an article: {err}")))?;
                tx.execute(
                    "UPDATE articles SET article = ?2, full_text = ?3 WHERE id = ?1",
                    params![article_id, json, TextState::Full as i64],
                )?;
            }
            None => {
                tx.execute(
                    "UPDATE articles SET full_text = ?2 WHERE id = ?1",
                    params![article_id, TextState::FullFailed as i64],
                )?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// An article as stored.
    pub fn article(&self, article_id: i64) -> Result<Option<Article>> {
        let json: Option<String> = self
            .conn
            .query_row(
                "SELECT article FROM articles WHERE id = ?1",
                [article_id],
                |r| r.get(0),
            )
            .optional()?;
        json.map(|json| {
            serde_json::from_str(&json)
                .map_err(|err| DbError(format!("a stored article is damaged: {err}")))
        })
        .transpose()
    }

    /// Stores a page opened directly (`newsreader URL`), replacing an earlier
    /// copy of the same URL.
    pub fn save_page(&mut self, url: &str, article: &Article) -> Result<()> {
        let json = serde_json::to_string(article)
            .map_err(|err| DbError(format!("cannot store an article: {err}")))?;
        let fetched = now();
        let tx = self.write()?;
        tx.execute(
            "INSERT INTO articles (feed_id, guid, url, full_text, sort_time, fetched, article)
             VALUES (?1, ?2, ?2, 1, ?3, ?3, ?4)
             ON CONFLICT (feed_id, guid) DO UPDATE SET article = excluded.article,
                 fetched = excluded.fetched, sort_time = excluded.sort_time",
            params![PAGES_FEED, url, fetched, json],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Articles in the library.
    pub fn article_count(&self) -> Result<usize> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))?
            as usize)
    }

    /// Calls `each` with every article's JSON, newest first, stopping when it
    /// returns false. Rows are streamed, never all held at once.
    pub fn for_each_article_json(&self, mut each: impl FnMut(&str) -> bool) -> Result<()> {
        let mut stmt = self
            .conn
            .prepare("SELECT article FROM articles ORDER BY sort_time DESC, id DESC")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let json = row.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?;
            if !each(json) {
                break;
            }
        }
        Ok(())
    }

    /// Every article, newest first.
    pub fn articles(&self) -> Result<Vec<Article>> {
        let mut out = Vec::new();
        let mut failure = None;
        self.for_each_article_json(|json| match serde_json::from_str::<Article>(json) {
            Ok(mut article) => {
                crate::article::sanitize::clean_article(&mut article);
                out.push(article);
                true
            }
            Err(err) => {
                failure = Some(err);
                false
            }
        })?;
        match failure {
            Some(err) => Err(DbError(format!("a stored article is damaged: {err}"))),
            None => Ok(out),
        }
    }

    /// Checks the whole file (slow on a large library; for tests and repairs).
    pub fn integrity_ok(&self) -> Result<bool> {
        let answer: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        Ok(answer == "ok")
    }

    /// A write transaction that takes the write lock at once, so two
    /// processes wait for each other (busy timeout) instead of failing on a
    /// lock upgrade.
    fn write(&mut self) -> Result<rusqlite::Transaction<'_>> {
        Ok(self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?)
    }

    /// Bulk insert for generators and benchmarks: articles of one feed in a
    /// single transaction.
    pub fn insert_articles(
        &mut self,
        feed_id: i64,
        articles: impl IntoIterator<Item = (String, i64, Article)>,
    ) -> Result<usize> {
        let fetched = now();
        let tx = self.write()?;
        let mut count = 0;
        {
            let mut insert = tx.prepare_cached(
                "INSERT OR IGNORE INTO articles (feed_id, guid, url, full_text, sort_time, fetched, article)
                 VALUES (?1, ?2, ?3, 1, ?4, ?5, ?6)",
            )?;
            for (guid, sort_time, article) in articles {
                let json = serde_json::to_string(&article)
                    .map_err(|err| DbError(format!("cannot store an article: {err}")))?;
                count += insert.execute(params![
                    feed_id,
                    guid,
                    article.url,
                    sort_time,
                    fetched,
                    json
                ])?;
            }
        }
        tx.commit()?;
        Ok(count)
    }
}

fn record_fetch(
    tx: &rusqlite::Transaction<'_>,
    subscription: &Subscription,
    record: &FetchRecord,
    fetched: i64,
) -> Result<()> {
    let failures = if record.ok {
        0
    } else {
        subscription.failures.saturating_add(1)
    };
    tx.execute(
        "UPDATE subscriptions SET last_fetch = ?2, last_ok = ?3, last_result = ?4, failures = ?5,
             retry_at = ?6,
             etag = CASE WHEN ?7 THEN ?8 ELSE etag END,
             last_modified = CASE WHEN ?7 THEN ?9 ELSE last_modified END,
             feed_title = coalesce(?10, feed_title),
             site_url = coalesce(?11, site_url)
         WHERE id = ?1",
        params![
            subscription.id,
            fetched,
            record.ok,
            record.message,
            failures,
            record.retry_at,
            record.validators.is_some(),
            record.validators.as_ref().and_then(|v| v.etag.clone()),
            record
                .validators
                .as_ref()
                .and_then(|v| v.last_modified.clone()),
            record.feed_title,
            record.site_url,
        ],
    )?;
    Ok(())
}

enum MigrateError {
    Sql(rusqlite::Error),
    TooNew(usize),
}

impl From<rusqlite::Error> for MigrateError {
    fn from(err: rusqlite::Error) -> Self {
        MigrateError::Sql(err)
    }
}

fn is_corruption(err: &rusqlite::Error) -> bool {
    matches!(
        err.sqlite_error_code(),
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt)
    )
}

/// Moves a damaged library (and its WAL files) to `library.db.damaged-TIME`
/// (numbered if an earlier one has that name).
fn move_aside(path: &Path) -> Result<PathBuf> {
    let stamp = jiff::Timestamp::now().strftime("%Y%m%dT%H%M%S").to_string();
    let aside =
        crate::store::files::rename_aside(path, &format!(".damaged-{stamp}")).map_err(|err| {
            DbError(format!(
                "the library {} is damaged and cannot be moved aside: {err}",
                path.display()
            ))
        })?;
    for suffix in ["-wal", "-shm"] {
        let mut side = path.as_os_str().to_owned();
        side.push(suffix);
        let side = PathBuf::from(side);
        if side.exists() {
            let mut target = aside.as_os_str().to_owned();
            target.push(suffix);
            let _ = std::fs::rename(&side, PathBuf::from(target));
        }
    }
    Ok(aside)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_is_not_a_database_is_moved_aside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("library.db");
        std::fs::write(&path, vec![b'#'; 8192]).unwrap();
        let (mut db, warning) = LibraryDb::open(&path).unwrap();
        let warning = warning.expect("a warning about the damaged file");
        assert!(warning.contains("was damaged"), "{warning}");
        assert!(
            db.add_subscription("http://127.0.0.1/f", None, None)
                .unwrap()
        );
        let aside: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("library.db.damaged-"))
            .collect();
        assert_eq!(aside.len(), 1, "{aside:?}");
        assert_eq!(
            std::fs::read(dir.path().join(&aside[0])).unwrap(),
            vec![b'#'; 8192]
        );
    }

    #[test]
    fn reopening_keeps_everything_and_the_schema_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested/library.db");
        {
            let (mut db, warning) = LibraryDb::open(&path).unwrap();
            assert!(warning.is_none());
            db.add_subscription("http://127.0.0.1/a", Some("A"), Some("Folder"))
                .unwrap();
        }
        let (db, _) = LibraryDb::open(&path).unwrap();
        let subs = db.subscriptions().unwrap();
        assert_eq!(subs.len(), 1);
        assert_eq!(subs[0].title(), "A");
        assert_eq!(subs[0].folder.as_deref(), Some("Folder"));
        assert!(subs[0].full_text);
        let version: i64 = db
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, MIGRATIONS.len() as i64);
        assert!(is_database_file(&path));
    }

    #[test]
    fn a_newer_schema_is_refused_not_damaged() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("library.db");
        {
            let (db, _) = LibraryDb::open(&path).unwrap();
            db.conn.pragma_update(None, "user_version", 99).unwrap();
        }
        let err = LibraryDb::open(&path).unwrap_err();
        assert!(err.to_string().contains("newer"), "{err}");
        assert!(path.exists());
    }

    #[test]
    fn removing_a_subscription_removes_its_articles_only() {
        let mut db = LibraryDb::open_in_memory().unwrap();
        db.add_subscription("http://127.0.0.1/a", None, None)
            .unwrap();
        db.add_subscription("http://127.0.0.1/b", None, None)
            .unwrap();
        assert!(
            !db.add_subscription("http://127.0.0.1/a", None, None)
                .unwrap()
        );
        let subs = db.subscriptions().unwrap();
        let item = |key: &str| Item {
            key: key.into(),
            link: None,
            title: key.into(),
            paragraphs: vec!["Text.".into()],
            summary: None,
            byline: None,
            published: Some(1_700_000_000),
        };
        for sub in &subs {
            db.save_feed(sub, &[item("x"), item("y")], &FetchRecord::default())
                .unwrap();
        }
        assert_eq!(db.article_count().unwrap(), 4);
        assert!(db.remove_subscription("http://127.0.0.1/a").unwrap());
        assert!(!db.remove_subscription("http://127.0.0.1/a").unwrap());
        assert_eq!(db.article_count().unwrap(), 2);
        assert_eq!(db.subscriptions().unwrap()[0].articles, 2);
    }
}
