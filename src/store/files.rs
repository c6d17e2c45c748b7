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
/// never read, and [`remove_stale_temps`] clears it later.
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

/// Removes temporary files that [`atomic_write`] left beside `path` when a
/// process died mid-save, if they are older than `min_age`.
///
/// The age check keeps this safe while another process is saving the same file
/// right now: a save takes milliseconds, so a temp file an hour old is debris.
/// Errors are ignored: this is housekeeping, and a leftover temp is harmless.
pub fn remove_stale_temps(path: &Path, min_age: std::time::Duration) {
    let target = resolve_symlink(path);
    let (Some(dir), Some(name)) = (target.parent(), target.file_name()) else {
        return;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let now = std::time::SystemTime::now();
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        let Some(middle) = file_name
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".tmp"))
        else {
            continue;
        };
        // Only names of the exact form PID-N, so nothing else is touched.
        let ours = middle.split_once('-').is_some_and(|(pid, n)| {
            !pid.is_empty()
                && !n.is_empty()
                && pid.bytes().all(|b| b.is_ascii_digit())
                && n.bytes().all(|b| b.is_ascii_digit())
        });
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|modified| now.duration_since(modified).ok())
            .is_some_and(|age| age >= min_age);
        if ours && old {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The file a symlink points at, so the link survives the rename; the path
/// itself if it is no link. A dangling link (a dotfile manager's link whose
/// target has not been written yet) resolves to the file it names, so the
/// first save creates that file rather than replacing the link; a loop, or a
/// chain longer than the system's own limit, leaves the path itself.
pub(crate) fn resolve_symlink(path: &Path) -> PathBuf {
    /// Linux's limit (`MAXSYMLINKS`) on links followed in one lookup.
    const MAX_LINKS: usize = 40;
    if let Ok(real) = fs::canonicalize(path) {
        return real;
    }
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {}
            // Not a link (a missing file, or a link's missing target).
            _ => return current,
        }
        let Ok(target) = fs::read_link(&current) else {
            return path.to_path_buf();
        };
        current = match current.parent() {
            Some(dir) if target.is_relative() => dir.join(target),
            _ => target,
        };
    }
    path.to_path_buf()
}

/// Why a FIFO, socket or device is not read.
pub(crate) const NOT_REGULAR: &str = "not a regular file (a FIFO, socket or device); skipped";

/// Opens a regular file for reading and returns its metadata from the same
/// handle; anything else (a FIFO, socket or device) is an error, found without
/// blocking: the open is non-blocking, so a FIFO with no writer (even one put
/// in place after a folder was walked) does not hang it.
pub(crate) fn open_regular(path: &Path) -> io::Result<(File, fs::Metadata)> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // No effect on reading a regular file.
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, NOT_REGULAR));
    }
    Ok((file, meta))
}

/// Reads a whole regular file of at most `max` bytes, through
/// [`open_regular`]: a FIFO or device (`/dev/zero`) is refused rather than
/// read for ever, and a larger file is refused rather than read into memory
/// (`ErrorKind::FileTooLarge`). `NotFound` passes through for the caller.
pub fn read_regular(path: &Path, max: u64) -> io::Result<Vec<u8>> {
    use std::io::Read;
    let (file, meta) = open_regular(path)?;
    let too_large = || {
        io::Error::new(
            io::ErrorKind::FileTooLarge,
            format!("larger than {}", human_size(max)),
        )
    };
    if meta.len() > max {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // At most one byte past the limit, even if the file grows meanwhile.
    file.take(max + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(too_large());
    }
    Ok(bytes)
}

/// `64 MiB`, `256 KiB`: a limit as people read it.
pub fn human_size(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= 1024 && bytes.is_multiple_of(1024) {
        format!("{} KiB", bytes / 1024)
    } else {
        format!("{bytes} bytes")
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
    fn stale_temps_are_removed_and_fresh_ones_kept() {
        use std::time::{Duration, SystemTime};
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("state.json");
        let touch = |name: &str, age: Duration| {
            let file = File::create(dir.path().join(name)).expect("create");
            file.set_modified(SystemTime::now() - age)
                .expect("set mtime");
        };
        let hour = Duration::from_secs(3600);
        touch(".state.json.123-0.tmp", 2 * hour); // stale: removed
        touch(".state.json.456-7.tmp", Duration::ZERO); // a save in progress
        touch(".state.json.notes.tmp", 2 * hour); // not ours
        touch(".other.json.123-0.tmp", 2 * hour); // another file's
        touch("state.json", 2 * hour);
        remove_stale_temps(&path, hour);
        let mut names: Vec<_> = fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(
            names,
            [
                ".other.json.123-0.tmp",
                ".state.json.456-7.tmp",
                ".state.json.notes.tmp",
                "state.json"
            ]
        );
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

    #[cfg(unix)]
    #[test]
    fn atomic_write_through_a_dangling_symlink_creates_its_target() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().expect("tempdir");
        fs::create_dir(dir.path().join("dotfiles")).expect("mkdir");
        let link = dir.path().join("state.json");
        // Relative, as dotfile managers write them.
        symlink("dotfiles/state.json", &link).expect("symlink");
        atomic_write(&link, b"new").expect("write through link");
        assert!(
            fs::symlink_metadata(&link)
                .expect("meta")
                .file_type()
                .is_symlink(),
            "the link is still a link"
        );
        assert_eq!(
            fs::read(dir.path().join("dotfiles/state.json")).expect("target"),
            b"new"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_loop_is_written_over_not_followed_for_ever() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().expect("tempdir");
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        symlink(&b, &a).expect("symlink");
        symlink(&a, &b).expect("symlink");
        assert_eq!(resolve_symlink(&a), a);
    }

    #[cfg(unix)]
    #[test]
    fn read_regular_refuses_fifos_devices_and_large_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("fifo");
        let name = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).expect("cstr");
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        // Would block for ever (no writer) if opened the ordinary way.
        let err = read_regular(&fifo, 1024).expect_err("a FIFO");
        assert!(err.to_string().contains("not a regular file"), "{err}");
        let err = read_regular(Path::new("/dev/zero"), 1024).expect_err("a device");
        assert!(err.to_string().contains("not a regular file"), "{err}");
        let big = dir.path().join("big");
        fs::write(&big, vec![b'x'; 2048]).expect("write");
        let err = read_regular(&big, 1024).expect_err("too large");
        assert_eq!(err.kind(), io::ErrorKind::FileTooLarge);
        assert_eq!(err.to_string(), "larger than 1 KiB");
        assert_eq!(read_regular(&big, 2048).expect("fits").len(), 2048);
        let missing = read_regular(&dir.path().join("none"), 1).expect_err("missing");
        assert_eq!(missing.kind(), io::ErrorKind::NotFound);
    }
}
