//! File-system helpers shared by the modules that keep files for the user.
//!
//! Everything here exists so that a crash, a full disk or a `kill -9` at any moment
//! leaves either the old file or the new one on disk, never a torn mixture.

use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Distinguishes temporary files of concurrent saves within one process; the
/// process id distinguishes processes.
static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Replaces the contents of `path` with `bytes` so that readers (and the file
/// after a crash or power loss) see either the complete old contents or the
/// complete new ones.
///
/// The bytes go to a temporary file in the same directory (a rename is only
/// atomic within one file system), which is flushed to stable storage before it
/// is renamed over `path`; the directory is then flushed too so the rename
/// itself survives a power cut. If `path` is a symbolic link, its target is
/// replaced, so dotfile managers that link state or config files keep working.
/// An existing file's permissions are carried over to the new one.
///
/// On failure the temporary file is removed and `path` is left untouched. A
/// process killed mid-write can leave a `.NAME.PID-N.tmp` file behind; it is
/// never read, and the next save of the same process id overwrites it.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = resolve_symlink(path);
    let file_name = target.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} does not name a file", target.display()),
        )
    })?;
    let dir = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut temp_name = OsString::from(".");
    temp_name.push(file_name);
    temp_name.push(format!(
        ".{}-{}.tmp",
        std::process::id(),
        TEMP_COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let temp = dir.join(temp_name);

    let result = write_then_rename(&temp, &target, bytes);
    if result.is_err() {
        // Best effort: the error that matters is the one already in hand.
        let _ = fs::remove_file(&temp);
        return result;
    }
    sync_dir(&dir)
}

fn write_then_rename(temp: &Path, target: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(temp)?;
    if let Ok(meta) = fs::metadata(target) {
        // Keeps a user's chmod 600 on their reading history, for instance.
        file.set_permissions(meta.permissions())?;
    }
    file.write_all(bytes)?;
    file.sync_all()?;
    drop(file);
    fs::rename(temp, target)
}

/// The file a symlink points at, so the link survives the rename; the path
/// itself if it is no link or the link dangles.
fn resolve_symlink(path: &Path) -> PathBuf {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}

/// Makes a rename in `dir` durable. Only Unix lets a directory be opened and
/// synced; elsewhere the rename is as durable as the platform makes it.
#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

/// Resolves an XDG base directory from the environment values given.
///
/// The XDG spec says a relative or empty `$XDG_*_HOME` must be ignored, hence
/// the check; `home_fallback` is the spec's default below `$HOME`
/// (`.local/share`, `.config`). Takes the values rather than reading the
/// environment so tests need not mutate the process environment.
///
/// Plain environment look-ups rather than the `directories` crate: that crate
/// maps to `~/Library/Application Support` on macOS, while newsreader documents
/// XDG paths on every Unix, and this needs no dependency.
pub fn xdg_base(
    xdg_value: Option<OsString>,
    home: Option<PathBuf>,
    home_fallback: &str,
) -> Option<PathBuf> {
    if let Some(value) = xdg_value {
        let path = PathBuf::from(value);
        if path.is_absolute() {
            return Some(path);
        }
    }
    home.filter(|h| !h.as_os_str().is_empty())
        .map(|h| h.join(home_fallback))
}

/// `$VAR/newsreader/FILE`, or `~/FALLBACK/newsreader/FILE`, from the real
/// environment; `None` only when neither is set.
pub(crate) fn app_file(var: &str, home_fallback: &str, file: &str) -> Option<PathBuf> {
    xdg_base(std::env::var_os(var), std::env::home_dir(), home_fallback)
        .map(|base| base.join("newsreader").join(file))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_creates_and_replaces() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("f.json");
        atomic_write(&path, b"one").expect("first write");
        assert_eq!(fs::read(&path).expect("read"), b"one");
        atomic_write(&path, b"two, longer").expect("second write");
        assert_eq!(fs::read(&path).expect("read"), b"two, longer");
        let names: Vec<_> = fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, vec![OsString::from("f.json")], "no temp file left");
    }

    #[test]
    fn atomic_write_fails_cleanly_when_directory_is_missing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("missing").join("f.json");
        assert!(atomic_write(&path, b"x").is_err());
    }

    #[cfg(unix)]
    #[test]
    fn atomic_write_keeps_permissions_and_symlinks() {
        use std::os::unix::fs::{PermissionsExt, symlink};
        let dir = tempfile::tempdir().expect("tempdir");
        let real = dir.path().join("real.json");
        fs::write(&real, b"old").expect("write");
        fs::set_permissions(&real, fs::Permissions::from_mode(0o600)).expect("chmod");
        let link = dir.path().join("link.json");
        symlink(&real, &link).expect("symlink");
        atomic_write(&link, b"new").expect("write through link");
        assert!(
            fs::symlink_metadata(&link)
                .expect("meta")
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&real).expect("read"), b"new");
        let mode = fs::metadata(&real).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn xdg_base_follows_the_spec() {
        let home = Some(PathBuf::from("/home/u"));
        assert_eq!(
            xdg_base(Some("/x/data".into()), home.clone(), ".local/share"),
            Some(PathBuf::from("/x/data"))
        );
        // Relative and empty values are ignored, as the spec requires.
        assert_eq!(
            xdg_base(Some("rel".into()), home.clone(), ".local/share"),
            Some(PathBuf::from("/home/u/.local/share"))
        );
        assert_eq!(
            xdg_base(Some("".into()), home.clone(), ".config"),
            Some(PathBuf::from("/home/u/.config"))
        );
        assert_eq!(xdg_base(None, None, ".config"), None);
    }
}
