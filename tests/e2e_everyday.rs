//! End-to-end for the daily-driver features, in a pseudo-terminal: opening links
//! through a recording stand-in for the browser (BROWSER), copying with OSC 52
//! (read back from the terminal's raw bytes), and read/starred marks that
//! persist across runs (always in a temporary `--state` file).

mod common;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

use common::{DEADLINE, Session};

const STORY_URL: &str = "https://example.com/2024/05/06/e2e-story";
/// base64 of STORY_URL, computed independently of the code under test.
const STORY_URL_BASE64: &str = "aHR0cHM6Ly9leGFtcGxlLmNvbS8yMDI0LzA1LzA2L2UyZS1zdG9yeQ==";

/// A `.jsonl` library (as `newsreader parse --json` writes it) with an article
/// whose URL and links are known.
fn write_library(dir: &Path) -> PathBuf {
    let articles = [
        serde_json::json!({
            "title": "Linked story with a known address",
            "source": "Example News",
            "published": "2024-05-06",
            "url": STORY_URL,
            "body": ["The body of the linked story."],
            "related": [{"title": "A related piece", "url": "https://example.org/related"}],
            "links": ["https://example.net/second-link", "javascript:alert(1)"],
        }),
        serde_json::json!({
            "title": "Story without any address",
            "body": ["No URL here."],
        }),
    ];
    let text: String = articles.iter().map(|a| format!("{a}\n")).collect();
    let path = dir.join("library.jsonl");
    std::fs::write(&path, text).expect("write library");
    path
}

/// A shell script standing in for the browser: each call appends one line,
/// `ARGC <arg1> <arg2>…`, to `log`.
fn recording_browser(dir: &Path, log: &Path) -> PathBuf {
    let script = dir.join("fake-browser");
    let body = format!(
        "#!/bin/sh\n{{ printf '%s' \"$#\"; for a in \"$@\"; do printf ' <%s>' \"$a\"; done; printf '\\n'; }} >> '{}'\n",
        log.display()
    );
    std::fs::write(&script, body).expect("write stub");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    script
}

/// Waits until the stub has logged `count` calls and returns the lines.
fn calls(log: &Path, count: usize) -> Vec<String> {
    let start = Instant::now();
    loop {
        let text = std::fs::read_to_string(log).unwrap_or_default();
        let lines: Vec<String> = text.lines().map(str::to_owned).collect();
        if lines.len() >= count {
            return lines;
        }
        assert!(
            start.elapsed() < DEADLINE,
            "browser stub called {} times, expected {count}: {lines:?}",
            lines.len()
        );
        thread::sleep(Duration::from_millis(30));
    }
}

fn start(library: &Path, state: &Path, env: &[(&str, &OsStr)]) -> Session {
    let args = [
        library.as_os_str(),
        OsStr::new("--state"),
        state.as_os_str(),
    ];
    Session::start_with(&args, env, 120, 40)
}

#[cfg(unix)]
#[test]
fn ctrl_o_and_digits_open_links_in_the_browser_as_one_argument() {
    let dir = tempfile::tempdir().expect("tempdir");
    let library = write_library(dir.path());
    let log = dir.path().join("browser.log");
    let browser = recording_browser(dir.path(), &log);
    let state = dir.path().join("state.json");
    let mut session = start(&library, &state, &[("BROWSER", browser.as_os_str())]);
    session.wait_text("2 of 2 matches");

    session.send("\u{f}"); // Ctrl-O: the article's own URL
    assert_eq!(calls(&log, 1), [format!("1 <{STORY_URL}>")]);
    session.wait_text(&format!("opened {STORY_URL}"));

    session.send("\r"); // read it: the links are numbered [1] related, [2], [3]
    session.wait_text("[2] https://example.net/second-link");
    session.send("2");
    assert_eq!(calls(&log, 2)[1], "1 <https://example.net/second-link>");
    session.wait_text("opened https://example.net/second-link");
    session.send("1");
    assert_eq!(calls(&log, 3)[2], "1 <https://example.org/related>");

    session.send("3"); // javascript: is never handed to the browser
    session.wait_text("refused: not an http(s) link");
    session.send("9");
    session.wait_text("no link [9] in this article");

    session.send("\u{1b}"); // back to the list
    session.wait_text("Enter open");
    session.send("\u{1b}[B"); // down to the article without a URL
    session.wait_text("No URL here.");
    session.send("\u{f}"); // Ctrl-O
    session.wait_text("no URL for this article");
    thread::sleep(Duration::from_millis(200));
    assert_eq!(calls(&log, 3).len(), 3, "nothing else was opened");
    session.quit_and_check_restored();
}

#[test]
fn ctrl_y_copies_the_url_with_osc_52() {
    let dir = tempfile::tempdir().expect("tempdir");
    let library = write_library(dir.path());
    let state = dir.path().join("state.json");
    let mut session = start(&library, &state, &[]);
    session.wait_text("2 of 2 matches");
    session.send("\u{19}"); // Ctrl-Y
    // Sent, not "copied": the terminal may refuse OSC 52. (The URL is cut
    // to the status line's room.)
    session.wait_text("sent to the terminal clipboard (OSC 52): https://example.com/2024");
    let expected = format!("\u{1b}]52;c;{STORY_URL_BASE64}\u{7}");
    let bytes = session.bytes.lock().expect("bytes").clone();
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains(&expected), "no OSC 52 sequence in {text:?}");
    assert!(
        !text.contains("\u{1b}Ptmux;"),
        "no tmux passthrough outside tmux"
    );
    session.quit_and_check_restored();
}

/// Inside tmux the copy goes out plain (which tmux takes itself with
/// `set-clipboard on`) and in tmux's passthrough form (which tmux hands to the
/// outer terminal with `allow-passthrough on`).
#[test]
fn ctrl_y_inside_tmux_sends_plain_and_passthrough_osc_52() {
    let dir = tempfile::tempdir().expect("tempdir");
    let library = write_library(dir.path());
    let state = dir.path().join("state.json");
    let tmux = OsStr::new("/tmp/tmux-1000/default,4242,0");
    let mut session = start(&library, &state, &[("TMUX", tmux)]);
    session.wait_text("2 of 2 matches");
    session.send("\u{19}"); // Ctrl-Y
    session.wait_text("sent to the terminal clipboard (OSC 52)");
    let plain = format!("\u{1b}]52;c;{STORY_URL_BASE64}\u{7}");
    let passthrough = format!("\u{1b}Ptmux;\u{1b}\u{1b}]52;c;{STORY_URL_BASE64}\u{7}\u{1b}\\");
    let bytes = session.bytes.lock().expect("bytes").clone();
    let text = String::from_utf8_lossy(&bytes);
    let at = text.find(&plain).expect("the plain sequence");
    assert!(
        text[at..].contains(&passthrough),
        "no passthrough in {text:?}"
    );
    session.quit_and_check_restored();
}

/// The first list row's marker columns (selection, unread dot, star).
fn first_row(screen: &str) -> String {
    screen.lines().nth(1).unwrap_or_default().to_owned()
}

#[test]
fn marks_persist_across_runs_and_renames() {
    let dir = tempfile::tempdir().expect("tempdir");
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).expect("mkdir");
    common::write_articles(&articles);
    let state = dir.path().join("state.json");
    let args = |state: &Path| -> Vec<std::ffi::OsString> {
        vec![
            articles.clone().into_os_string(),
            "--state".into(),
            state.as_os_str().to_owned(),
        ]
    };

    let owned = args(&state);
    let refs: Vec<&OsStr> = owned.iter().map(|s| s.as_os_str()).collect();
    let mut session = Session::start_with(&refs, &[], 120, 40);
    let screen = session.wait_text("4 of 4 matches");
    assert!(first_row(&screen).contains("│▌•  Blinken"), "{screen}");
    session.send("\u{13}"); // Ctrl-S
    session.wait_for("the star", |s| first_row(s).contains("│▌•★ Blinken"));
    session.send("\u{12}"); // Ctrl-R
    session.wait_for("the dot to go", |s| first_row(s).contains("│▌ ★ Blinken"));
    session.send("\u{14}"); // Ctrl-T: unread view hides it
    session.wait_text("Articles · unread");
    session.wait_text("3 of 4 matches");
    session.send("\u{1b}OR"); // F3: newest first
    session.wait_text("Articles · unread · newest");
    session.quit_and_check_restored();
    let saved = std::fs::read_to_string(&state).expect("state written");
    assert!(saved.contains("\"starred\": true"), "{saved}");

    // Rename the file: the marks follow the content. The view and the sort
    // come back as they were left (the read article is hidden); the starred
    // view shows it.
    std::fs::rename(articles.join("a.txt"), articles.join("zz-renamed.txt")).expect("rename");
    let mut session = Session::start_with(&refs, &[], 120, 40);
    session.wait_text("Articles · unread · newest");
    session.wait_text("3 of 4 matches");
    session.send("\u{14}"); // Ctrl-T: the starred view
    let screen = session.wait_text("1 of 4 matches");
    let row = screen
        .lines()
        .find(|l| l.contains("Blinken to Lavrov"))
        .unwrap_or_default();
    assert!(
        row.contains(" ★ Blinken"),
        "star and read mark kept:\n{screen}"
    );
    assert!(!row.contains('•'), "still read:\n{screen}");
    session.quit_and_check_restored();

    // --no-state starts clean and leaves the file alone.
    let before = std::fs::read(&state).expect("state");
    let mut session = Session::start_with(
        &[articles.as_os_str(), OsStr::new("--no-state")],
        &[],
        120,
        40,
    );
    let screen = session.wait_text("4 of 4 matches");
    assert!(!screen.contains('★'), "{screen}");
    session.send("\u{13}");
    session.wait_text("starred");
    session.quit_and_check_restored();
    assert_eq!(std::fs::read(&state).expect("state"), before);
}

#[test]
fn a_bad_config_is_reported_and_the_good_keys_apply() {
    let dir = tempfile::tempdir().expect("tempdir");
    let library = write_library(dir.path());
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        "[view]\ndefault_sort = \"newest\"\nsplit = 99\n[keys]\ntoggle_star = \"f5\"\n",
    )
    .expect("write config");
    let state = dir.path().join("state.json");
    let args = [
        library.as_os_str(),
        OsStr::new("--state"),
        state.as_os_str(),
        OsStr::new("--config"),
        config.as_os_str(),
    ];
    let mut session = Session::start_with(&args, &[], 120, 40);
    session.wait_text("config.toml:3: view.split: 99 is out of range");
    session.wait_text("Articles · all · newest");
    session.send("\u{1b}[15~"); // F5, remapped
    session.wait_text("★ Linked story");
    session.quit_and_check_restored();
}

/// A confirmation leaves the status line by itself after a few seconds (that
/// the next key clears it is checked in `update`'s tests).
#[test]
fn status_messages_go_after_a_few_seconds() {
    let dir = tempfile::tempdir().expect("tempdir");
    let library = write_library(dir.path());
    let state = dir.path().join("state.json");
    let mut session = start(&library, &state, &[]);
    session.wait_text("2 of 2 matches");
    let sent = std::time::Instant::now();
    session.send("\u{13}"); // Ctrl-S
    // Seen in what was written (a screen poll could miss it on a starved
    // machine), then gone from the screen, timed from the key.
    let start = std::time::Instant::now();
    while !String::from_utf8_lossy(&session.raw()).contains("starred") {
        assert!(start.elapsed() < common::DEADLINE, "no confirmation shown");
        std::thread::sleep(Duration::from_millis(20));
    }
    session.wait_for("the message to go by itself", |s| !s.contains("starred"));
    let after = sent.elapsed();
    assert!(after >= Duration::from_secs(2), "gone too soon: {after:?}");
    session.quit_and_check_restored();
}

/// Esc on an empty filter quits at once; starting again on the same library
/// comes back to the selected article, the view and the sort (kept with the
/// marks in the state file).
#[test]
fn reopening_the_library_returns_to_where_it_was_left() {
    let dir = tempfile::tempdir().expect("tempdir");
    let library = write_library(dir.path());
    let state = dir.path().join("state.json");
    let mut session = start(&library, &state, &[]);
    session.wait_text("2 of 2 matches");
    session.send("\u{1b}OR\u{1b}OR\u{1b}OR"); // F3 three times: title
    session.wait_text("all · title");
    session.send("\u{1b}[B"); // Down: the second row
    session.wait_for("the second row selected", |s| {
        s.lines()
            .any(|l| l.contains("▌") && l.contains("Story without any address"))
    });
    session.send("\u{1b}"); // Esc: quit
    assert!(session.wait_exit().success());

    let again = start(&library, &state, &[]);
    again.wait_text("2 of 2 matches");
    let screen = again.wait_for("the same article selected", |s| {
        s.lines()
            .any(|l| l.contains("▌") && l.contains("Story without any address"))
    });
    assert!(
        screen.contains("all · title"),
        "the sort is back:\n{screen}"
    );
    again.quit_and_check_restored();
}

/// Two files with the same content are one article; the reader names the
/// other file in its details line.
#[test]
fn identical_files_are_shown_once_with_the_copy_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = "Harbour council approves a new sea wall\n\nThe council of the small harbour town voted on Tuesday to build a new sea wall after record tides.\n";
    std::fs::write(dir.path().join("a-original.txt"), text).expect("write");
    std::fs::write(dir.path().join("b-copy.txt"), text).expect("write");
    let state = dir.path().join("state.json");
    let session = start(dir.path(), &state, &[]);
    let screen = session.wait_text("1 of 1 matches");
    assert!(screen.contains("a-original.txt"), "{screen}");
    session.wait_text("also in");
    let screen = session.wait_text("b-copy.txt");
    assert_eq!(
        screen.matches("Harbour council approves").count(),
        2,
        "in the list and the reader:\n{screen}"
    );
    session.quit_and_check_restored();
}

/// Marks are saved off the UI thread: while another process holds the state
/// file's save lock (a save that takes long), the reader still answers keys at
/// once; the save goes through when the lock is free, and whatever is still
/// unsaved at quit is saved on the way out.
#[cfg(unix)]
#[test]
fn marks_save_off_the_ui_thread_and_on_exit() {
    use std::os::fd::AsRawFd;
    let dir = tempfile::tempdir().expect("tempdir");
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).expect("mkdir");
    common::write_articles(&articles);
    let state = dir.path().join("state.json");
    let lock = std::fs::File::create(dir.path().join(".state.json.lock")).expect("lock file");
    // SAFETY: flock on a descriptor this test owns.
    assert_eq!(unsafe { libc::flock(lock.as_raw_fd(), libc::LOCK_EX) }, 0);

    let args = [
        articles.as_os_str(),
        OsStr::new("--state"),
        state.as_os_str(),
    ];
    let mut session = Session::start_with(&args, &[], 120, 40);
    session.wait_text("4 of 4 matches");
    session.send("\u{13}"); // Ctrl-S: a save starts and waits for the lock
    session.wait_for("the star", |s| first_row(s).contains("★ Blinken"));
    // A save on the UI thread would hold every key until it gave up (10 s).
    session.send("zzz");
    session.wait_within("typing during the save", Duration::from_secs(5), |s| {
        s.contains("zzz")
    });
    assert!(!state.exists(), "nothing written while the lock is held");
    drop(lock); // The save goes through now.
    session.send("\u{8}\u{8}\u{8}"); // Backspace ×3
    session.wait_text("4 of 4 matches");
    // A toggle right before quitting is flushed on the way out.
    session.send("\u{12}"); // Ctrl-R: read
    session.send("\u{3}");
    let status = session.wait_exit();
    assert!(status.success(), "{status:?}");
    let saved = std::fs::read_to_string(&state).expect("state written");
    let saved: serde_json::Value = serde_json::from_str(&saved).expect("json");
    let entries = saved["entries"].as_object().expect("entries");
    assert_eq!(entries.len(), 1, "{saved}");
    let entry = entries.values().next().expect("one entry");
    assert_eq!(entry["starred"], true, "{saved}");
    assert_eq!(
        entry["read"], true,
        "the mark made just before quitting: {saved}"
    );
}
