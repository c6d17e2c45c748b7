//! The read and starred marks and the reader's places, in the library.
//!
//! Every write of marks takes the next *version* number and stamps the rows
//! it touches with it; a reader that last saw version N reads back only the
//! rows stamped after N. So a save costs what changed, not the whole set of
//! marks, and it brings in what another process (a second reader) saved
//! meanwhile. A mark cleared on both fields stays as a row of zeros, so
//! others see it cleared rather than never hear of it.

use rusqlite::{OptionalExtension, params};

use super::{LibraryDb, Result};
use crate::store::marks::ArticleKey;

/// One article's marks as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarkRow {
    pub key: ArticleKey,
    pub read: bool,
    pub starred: bool,
}

/// One article's change to write: `None` leaves that mark as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarkWrite {
    pub key: ArticleKey,
    pub read: Option<bool>,
    pub starred: Option<bool>,
}

/// Marks read back from the library: those stamped after the version asked
/// for, every place (library id, JSON), and the version they bring the
/// reader up to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MarksRead {
    pub marks: Vec<MarkRow>,
    pub places: Vec<(String, String)>,
    pub version: i64,
}

impl LibraryDb {
    /// The marks stamped after `since` (every mark for 0) and every place,
    /// read in one transaction so the version matches what was read.
    pub fn marks_since(&mut self, since: i64) -> Result<MarksRead> {
        let tx = self.conn.transaction()?;
        let read = read_marks(&tx, since)?;
        tx.commit()?;
        Ok(read)
    }

    /// Writes `changes` and `places` in one transaction, then reads back what
    /// changed after `since` (this write and other processes' since).
    pub fn write_marks(
        &mut self,
        changes: &[MarkWrite],
        places: &[(String, String)],
        since: i64,
    ) -> Result<MarksRead> {
        let tx = self.write()?;
        let version: i64 =
            tx.query_row("SELECT coalesce(max(version), 0) + 1 FROM marks", [], |r| {
                r.get(0)
            })?;
        {
            let mut upsert = tx.prepare_cached(
                "INSERT INTO marks (key, read, starred, version)
                 VALUES (?1, coalesce(?2, 0), coalesce(?3, 0), ?4)
                 ON CONFLICT (key) DO UPDATE SET read = coalesce(?2, read),
                     starred = coalesce(?3, starred), version = ?4",
            )?;
            for change in changes {
                upsert.execute(params![
                    change.key.as_bytes().as_slice(),
                    change.read,
                    change.starred,
                    version
                ])?;
            }
            let mut place = tx.prepare_cached(
                "INSERT INTO places (library, place) VALUES (?1, ?2)
                 ON CONFLICT (library) DO UPDATE SET place = excluded.place",
            )?;
            for (library, json) in places {
                place.execute(params![library, json])?;
            }
        }
        let read = read_marks(&tx, since)?;
        tx.commit()?;
        Ok(read)
    }

    /// Takes in marks and places from an older store (state.json): those the
    /// library has no row for yet. The library's own win, so importing twice
    /// (a backup put back by hand) never undoes a later change. Returns how
    /// many marks were taken in.
    pub fn import_marks(
        &mut self,
        marks: &[MarkRow],
        places: &[(String, String)],
    ) -> Result<usize> {
        let tx = self.write()?;
        let version: i64 =
            tx.query_row("SELECT coalesce(max(version), 0) + 1 FROM marks", [], |r| {
                r.get(0)
            })?;
        let mut imported = 0;
        {
            let mut insert = tx.prepare_cached(
                "INSERT INTO marks (key, read, starred, version) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (key) DO NOTHING",
            )?;
            for mark in marks.iter().filter(|m| m.read || m.starred) {
                imported += insert.execute(params![
                    mark.key.as_bytes().as_slice(),
                    mark.read,
                    mark.starred,
                    version
                ])?;
            }
            let mut place = tx.prepare_cached(
                "INSERT INTO places (library, place) VALUES (?1, ?2)
                 ON CONFLICT (library) DO NOTHING",
            )?;
            for (library, json) in places {
                place.execute(params![library, json])?;
            }
        }
        tx.commit()?;
        Ok(imported)
    }

    /// One article's marks as stored (tests and tools).
    pub fn mark(&self, key: ArticleKey) -> Result<Option<MarkRow>> {
        Ok(self
            .conn
            .query_row(
                "SELECT read, starred FROM marks WHERE key = ?1",
                [key.as_bytes().as_slice()],
                |r| {
                    Ok(MarkRow {
                        key,
                        read: r.get(0)?,
                        starred: r.get(1)?,
                    })
                },
            )
            .optional()?)
    }
}

fn read_marks(tx: &rusqlite::Transaction<'_>, since: i64) -> Result<MarksRead> {
    let mut out = MarksRead {
        version: since,
        ..MarksRead::default()
    };
    {
        let mut stmt =
            tx.prepare_cached("SELECT key, read, starred, version FROM marks WHERE version > ?1")?;
        let mut rows = stmt.query([since])?;
        while let Some(row) = rows.next()? {
            let bytes = row.get_ref(0)?.as_blob().map_err(rusqlite::Error::from)?;
            // A key of another length is not one of ours: skipped.
            let Ok(key) = <[u8; 16]>::try_from(bytes) else {
                continue;
            };
            out.marks.push(MarkRow {
                key: ArticleKey::from_bytes(key),
                read: row.get(1)?,
                starred: row.get(2)?,
            });
            out.version = out.version.max(row.get(3)?);
        }
    }
    let mut stmt = tx.prepare_cached("SELECT library, place FROM places")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    out.places = rows.collect::<std::result::Result<_, _>>()?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(n: u8) -> ArticleKey {
        ArticleKey::from_bytes([n; 16])
    }

    #[test]
    fn a_write_brings_back_its_own_and_others_changes_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("library.db");
        let (mut a, _) = LibraryDb::open(&path).unwrap();
        let (mut b, _) = LibraryDb::open(&path).unwrap();
        let first = a
            .write_marks(
                &[MarkWrite {
                    key: key(1),
                    read: Some(true),
                    starred: None,
                }],
                &[],
                0,
            )
            .unwrap();
        assert_eq!(
            first.marks,
            [MarkRow {
                key: key(1),
                read: true,
                starred: false
            }]
        );
        // b saw nothing yet: its write brings back a's mark with its own.
        let second = b
            .write_marks(
                &[MarkWrite {
                    key: key(2),
                    read: None,
                    starred: Some(true),
                }],
                &[("lib".into(), "{}".into())],
                0,
            )
            .unwrap();
        assert_eq!(second.marks.len(), 2);
        assert_eq!(second.places, [("lib".to_owned(), "{}".to_owned())]);
        // a, up to date at its version, hears of b's mark only.
        let news = a.marks_since(first.version).unwrap();
        assert_eq!(
            news.marks,
            [MarkRow {
                key: key(2),
                read: false,
                starred: true
            }]
        );
        // Clearing a field leaves the other, and is seen as a change.
        let cleared = a
            .write_marks(
                &[MarkWrite {
                    key: key(2),
                    read: Some(true),
                    starred: Some(false),
                }],
                &[],
                news.version,
            )
            .unwrap();
        assert_eq!(
            cleared.marks,
            [MarkRow {
                key: key(2),
                read: true,
                starred: false
            }]
        );
    }

    #[test]
    fn importing_keeps_what_the_library_already_says() {
        let mut db = LibraryDb::open_in_memory().unwrap();
        db.write_marks(
            &[MarkWrite {
                key: key(1),
                read: Some(false),
                starred: Some(true),
            }],
            &[],
            0,
        )
        .unwrap();
        let old = [
            MarkRow {
                key: key(1),
                read: true,
                starred: false,
            },
            MarkRow {
                key: key(3),
                read: true,
                starred: false,
            },
        ];
        assert_eq!(db.import_marks(&old, &[]).unwrap(), 1);
        assert_eq!(
            db.mark(key(1)).unwrap(),
            Some(MarkRow {
                key: key(1),
                read: false,
                starred: true
            })
        );
        assert_eq!(db.mark(key(3)).unwrap().map(|m| m.read), Some(true));
        assert_eq!(db.marks_since(0).unwrap().marks.len(), 2);
    }
}
