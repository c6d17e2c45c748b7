//! File-system helpers shared by the modules that keep files for the user.
//!
//! Everything here exists so that a crash, a full disk or a `kill -9` at any moment
//! leaves either the old file or the new one on disk, never a torn mixture.

use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

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
    let mut prefix = OsString::from(".");
    prefix.push(file_name);
    prefix.push(".");
    // Dropped (and so removed) on every early return below.
    let mut temp = tempfile::Builder::new()
        .prefix(&prefix)
        .rand_bytes(TEMP_RANDOM_CHARS)
        .suffix(".tmp")
        .tempfile_in(&dir)?;
    if let Ok(meta) = fs::metadata(&target) {
        // Keeps a user's chmod on their reading history, for instance.
        temp.as_file().set_permissions(meta.permissions())?;
    }
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    temp.persist(&target).map_err(|err| err.error)?;
    sync_dir(&dir)
}

/// The random part of a temporary file's name (`.NAME.XXXXXX.tmp`), so
/// [`remove_stale_temps`] recognises exactly the names [`atomic_write`] makes.
const TEMP_RANDOM_CHARS: usize = 6;

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
        // Only names atomic_write makes (random letters and digits), or made
        // before it used tempfile (PID-N), so nothing else is touched.
        let random =
            middle.len() == TEMP_RANDOM_CHARS && middle.bytes().all(|b| b.is_ascii_alphanumeric());
        let numbered = middle.split_once('-').is_some_and(|(pid, n)| {
            !pid.is_empty()
                && !n.is_empty()
                && pid.bytes().all(|b| b.is_ascii_digit())
                && n.bytes().all(|b| b.is_ascii_digit())
        });
        let ours = random || numbered;
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

/// Renames `path` to `PATH{suffix}` beside it, or `PATH{suffix}-N` with the
/// first free N, so a file set aside earlier (a damaged copy, an imported
/// backup) is never replaced. Returns where it went.
pub(crate) fn rename_aside(path: &Path, suffix: &str) -> io::Result<PathBuf> {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
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

/// The XDG base directory a file of newsreader's belongs under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BaseDir {
    /// `$XDG_CONFIG_HOME`, else `~/.config`.
    Config,
    /// `$XDG_DATA_HOME`, else `~/.local/share`.
    Data,
}

/// `BASE/newsreader/FILE` by the XDG rules on every Unix, macOS included
/// (where newsreader documents `~/.config`, as terminal tools do, rather than
/// `~/Library`); a relative `$XDG_*` value is ignored, as the spec requires.
/// `None` only when there is no home folder.
pub(crate) fn app_file(base: BaseDir, file: &str) -> Option<PathBuf> {
    use etcetera::base_strategy::{BaseStrategy, Xdg};
    let xdg = Xdg::new().ok()?;
    let dir = match base {
        BaseDir::Config => xdg.config_dir(),
        BaseDir::Data => xdg.data_dir(),
    };
    Some(dir.join("newsreader").join(file))
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
    fn rename_aside_never_replaces_an_earlier_copy() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("state.json");
        let mut asides = Vec::new();
        for content in ["first", "second", "third"] {
            fs::write(&path, content).expect("write");
            asides.push(rename_aside(&path, ".imported").expect("rename"));
        }
        let names: Vec<_> = asides.iter().filter_map(|p| p.file_name()).collect();
        assert_eq!(
            names,
            [
                "state.json.imported",
                "state.json.imported-1",
                "state.json.imported-2"
            ]
        );
        assert_eq!(fs::read_to_string(&asides[0]).expect("read"), "first");
        assert!(!path.exists());
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
        touch(".state.json.123-0.tmp", 2 * hour); // stale, older naming: removed
        touch(".state.json.aB3xY9.tmp", 2 * hour); // stale: removed
        touch(".state.json.Qz81ab.tmp", Duration::ZERO); // a save in progress
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
                ".state.json.Qz81ab.tmp",
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
