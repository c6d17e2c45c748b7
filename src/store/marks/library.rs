//! The marks kept in the library database, where they moved from
//! `state.json`: opening them (importing the old file once and keeping it as a
//! backup) and saving a store's changes into them.
//!
//! The library gives what the state file needed a lock and a merge for: every
//! save is one SQLite transaction (a kill -9 leaves the last committed marks),
//! two processes take turns (WAL and a busy timeout), and a save writes only
//! this process's changes, so a second reader's marks are never overwritten.
//! Marks are kept by content key, so articles read from files keep theirs
//! beside the fetched ones.

use std::io;
use std::path::{Path, PathBuf};

use super::{
    Backend, Entry, MarkStore, Place, ReadingState, SaveJob, Saved, SavedState, StateWarning,
    Unreadable, move_aside, places_of, read_state,
};
use crate::store::library_db::{LibraryDb, MarkRow, MarkWrite, MarksRead};

/// The state file a library takes its marks from once: `state.json` beside
/// it (where earlier releases kept the marks by default, in the same folder
/// as `library.db`). Only beside it, so a library opened elsewhere (a test, a
/// second library) never takes in, and renames, the user's own file.
pub fn legacy_state_beside(library: &Path) -> PathBuf {
    library.with_file_name("state.json")
}

impl MarkStore {
    /// The marks kept in the library at `library`. `legacy`, a state file
    /// from before the marks moved (see [`legacy_state_beside`]), is imported
    /// first when it exists (the library's marks win) and then renamed to
    /// `NAME.imported`, so it is imported once and kept as a backup.
    ///
    /// Never fails: what the user should hear about (the import, a library
    /// that could not be opened, so marks are kept in memory) comes back as
    /// lines for stderr and the status line.
    pub fn open_library(library: &Path, legacy: Option<&Path>) -> (Self, Vec<String>) {
        let mut notes = Vec::new();
        let mut db = match LibraryDb::open(library) {
            Ok((db, warning)) => {
                notes.extend(warning);
                db
            }
            Err(err) => {
                notes.push(format!("{err}; marks will not be saved this session"));
                return (Self::in_memory(), notes);
            }
        };
        if let Some(legacy) = legacy {
            notes.extend(import(&mut db, legacy));
        }
        match db.marks_since(0) {
            Ok(read) => {
                let mut store = Self::with_backend(
                    Some(Backend::Library(library.to_path_buf())),
                    ReadingState::default(),
                );
                store.take_in(read);
                (store, notes)
            }
            Err(err) => {
                notes.push(format!("{err}; marks will not be saved this session"));
                (Self::in_memory(), notes)
            }
        }
    }

    /// Shows the marks and places read from the library over the store's
    /// base, and notes the version they bring it up to.
    fn take_in(&mut self, read: MarksRead) {
        let (marks, places, version) = decode(read);
        self.take_in_since(marks, &places, version);
    }
}

#[allow(clippy::type_complexity)]
fn decode(read: MarksRead) -> (Vec<(String, Entry)>, Vec<(String, Place)>, i64) {
    let marks = read
        .marks
        .into_iter()
        .map(|row| {
            let entry = Entry {
                read: row.read,
                starred: row.starred,
                ..Entry::default()
            };
            (row.key.to_hex(), entry)
        })
        .collect();
    // A place that does not parse (written by a newer release) is left out.
    let places = read
        .places
        .into_iter()
        .filter_map(|(library, json)| Some((library, serde_json::from_str(&json).ok()?)))
        .collect();
    (marks, places, read.version)
}

/// Writes a job's changes into the library and reads back what changed since
/// the store last looked (its own changes and other processes').
pub(super) fn save(path: &Path, job: SaveJob) -> io::Result<Saved> {
    let (mut db, warning) = LibraryDb::open(path)?;
    let changes: Vec<MarkWrite> = job
        .changes
        .iter()
        .filter_map(|(hex, change)| {
            Some(MarkWrite {
                key: hex.parse().ok()?,
                read: change.read,
                starred: change.starred,
            })
        })
        .collect();
    let places: Vec<(String, String)> = job
        .places
        .iter()
        .filter_map(|(library, place)| Some((library.clone(), serde_json::to_string(place).ok()?)))
        .collect();
    let read = db.write_marks(&changes, &places, job.since)?;
    let (marks, places, version) = decode(read);
    Ok(Saved {
        state: SavedState::Since {
            marks,
            places,
            version,
        },
        upto: job.upto,
        warning: warning.map(|message| StateWarning {
            message,
            moved_to: None,
        }),
    })
}

/// Imports the state file at `legacy` into `db` and renames it; what to tell
/// the user, if anything.
fn import(db: &mut LibraryDb, legacy: &Path) -> Option<String> {
    let state = match read_state(legacy) {
        Ok(None) => return None,
        Ok(Some(state)) => state,
        Err(Unreadable::Io(err)) => {
            return Some(format!(
                "cannot read {} to import its marks into the library: {err}",
                legacy.display()
            ));
        }
        Err(Unreadable::Damaged(problem)) => {
            return Some(match move_aside(legacy) {
                Ok(moved) => format!(
                    "reading state {} {problem}; moved it to {} (its marks were not imported)",
                    legacy.display(),
                    moved.display()
                ),
                Err(err) => format!(
                    "reading state {} {problem} and could not be moved aside ({err}); \
                     its marks were not imported",
                    legacy.display()
                ),
            });
        }
    };
    let marks: Vec<MarkRow> = state
        .entries
        .iter()
        .filter_map(|(hex, entry)| {
            Some(MarkRow {
                key: hex.parse().ok()?,
                read: entry.read,
                starred: entry.starred,
            })
        })
        .collect();
    let places: Vec<(String, String)> = places_of(&state)
        .into_iter()
        .filter_map(|(library, place)| Some((library, serde_json::to_string(&place).ok()?)))
        .collect();
    let imported = match db.import_marks(&marks, &places) {
        Ok(imported) => imported,
        Err(err) => {
            return Some(format!(
                "could not import the marks in {} into the library ({err}); the file is left as it is",
                legacy.display()
            ));
        }
    };
    let library = db.path().display().to_string();
    Some(match backup(legacy) {
        Ok(kept) => format!(
            "imported {imported} read/starred marks from {} into the library {library}; \
             the old file is kept as {}",
            legacy.display(),
            kept.display()
        ),
        Err(err) => format!(
            "imported {imported} read/starred marks from {} into the library {library}, \
             but could not rename it ({err}); it is imported again next time \
             (the library's marks win)",
            legacy.display()
        ),
    })
}

/// Renames an imported state file to `NAME.imported` (numbered if that is
/// taken), so it is not imported again and stays as a backup.
fn backup(path: &Path) -> io::Result<PathBuf> {
    crate::store::files::rename_aside(path, ".imported")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::marks::ArticleKey;
    use std::fs;

    fn key(n: usize) -> ArticleKey {
        ArticleKey::from_parts(&format!("Article {n}"), [format!("Body {n}").as_str()])
    }

    #[test]
    fn marks_and_places_round_trip_through_the_library() {
        let dir = tempfile::tempdir().unwrap();
        let library = dir.path().join("library.db");
        let (mut store, notes) = MarkStore::open_library(&library, None);
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(store.path(), Some(library.as_path()));
        store.set_read(key(1), true);
        store.set_starred(key(2), true);
        let place = Place {
            article: Some(key(2).to_hex()),
            scroll: 3,
            view: "unread".into(),
            sort: "title".into(),
        };
        store.set_place("lib", place.clone());
        store.save().unwrap();
        assert!(!store.is_dirty());
        let (again, _) = MarkStore::open_library(&library, None);
        assert!(again.is_read(&key(1)) && !again.is_starred(&key(1)));
        assert!(again.is_starred(&key(2)) && !again.is_read(&key(2)));
        assert_eq!(again.place("lib"), Some(place));
        // Clearing a mark is saved too.
        let mut again = again;
        again.set_read(key(1), false);
        again.save().unwrap();
        let (third, _) = MarkStore::open_library(&library, None);
        assert!(!third.is_read(&key(1)));
        assert_eq!(third.snapshot().entries.len(), 1);
    }

    #[test]
    fn two_stores_on_one_library_keep_each_others_marks() {
        let dir = tempfile::tempdir().unwrap();
        let library = dir.path().join("library.db");
        let (mut a, _) = MarkStore::open_library(&library, None);
        let (mut b, _) = MarkStore::open_library(&library, None);
        a.set_starred(key(1), true);
        a.set_read(key(2), true);
        a.save().unwrap();
        b.set_starred(key(3), true);
        b.set_read(key(2), false); // b never saw the mark: no change of b's
        b.save().unwrap();
        // b now shows what a saved, and a what b saved after a's next save.
        assert!(b.is_starred(&key(1)) && b.is_read(&key(2)) && b.is_starred(&key(3)));
        a.set_read(key(4), true);
        let job = a.begin_save().unwrap();
        a.set_read(key(5), true); // made while the save runs: stays pending
        a.finish_save(job.run()).unwrap();
        assert!(a.is_dirty() && a.is_starred(&key(3)) && a.is_read(&key(5)));
        a.save().unwrap();
        let (c, _) = MarkStore::open_library(&library, None);
        for (k, read, starred) in [(1, false, true), (2, true, false), (3, false, true)] {
            assert_eq!((c.is_read(&key(k)), c.is_starred(&key(k))), (read, starred));
        }
        assert!(c.is_read(&key(4)) && c.is_read(&key(5)));
    }

    #[test]
    fn the_old_state_file_is_imported_once_and_kept_as_a_backup() {
        let dir = tempfile::tempdir().unwrap();
        let library = dir.path().join("library.db");
        let legacy = legacy_state_beside(&library);
        assert_eq!(legacy, dir.path().join("state.json"));
        let old = format!(
            r#"{{"version":1,"entries":{{"{}":{{"read":true}},"{}":{{"starred":true,"note":"x"}}}},
               "places":{{"lib":{{"article":null,"scroll":4,"view":"all","sort":"newest"}}}}}}"#,
            key(1),
            key(2)
        );
        fs::write(&legacy, &old).unwrap();
        let (store, notes) = MarkStore::open_library(&library, Some(&legacy));
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(
            notes[0].contains("imported 2 read/starred marks"),
            "{notes:?}"
        );
        assert!(notes[0].contains("state.json.imported"), "{notes:?}");
        assert!(store.is_read(&key(1)) && store.is_starred(&key(2)));
        assert_eq!(store.place("lib").map(|p| p.scroll), Some(4));
        assert!(!legacy.exists());
        assert_eq!(
            fs::read_to_string(dir.path().join("state.json.imported")).unwrap(),
            old
        );
        // Once: the next start says nothing and keeps the marks.
        let (store, notes) = MarkStore::open_library(&library, Some(&legacy));
        assert!(notes.is_empty(), "{notes:?}");
        assert!(store.is_read(&key(1)));
    }

    #[test]
    fn a_damaged_state_file_is_moved_aside_not_imported() {
        let dir = tempfile::tempdir().unwrap();
        let library = dir.path().join("library.db");
        let legacy = legacy_state_beside(&library);
        fs::write(&legacy, b"{not json").unwrap();
        let (store, notes) = MarkStore::open_library(&library, Some(&legacy));
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(notes[0].contains("not imported"), "{notes:?}");
        assert!(store.snapshot().entries.is_empty());
        assert!(!legacy.exists());
    }
}
