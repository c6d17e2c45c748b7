//! Every way out of the reader puts the terminal back: cooked mode (checked with
//! tcgetattr on the pty), main screen, cursor visible, mouse reporting off.

mod common;

use std::path::Path;

use common::Session;

fn library(dir: &Path) {
    for (name, text) in [
        ("a.txt", "First headline\n\nThe first story's body.\n"),
        ("b.txt", "Second headline\n\nThe second story's body.\n"),
    ] {
        std::fs::write(dir.join(name), text).expect("write article");
    }
}

/// Starts the reader over a small library and waits for it to be up.
fn started(env: &[(&str, &str)]) -> (tempfile::TempDir, Session) {
    let dir = tempfile::tempdir().expect("tempdir");
    library(dir.path());
    let session = Session::start_with_env(&[dir.path()], env, 80, 24);
    session.wait_text("2 of 2 matches");
    assert!(!session.cooked(), "the reader runs in raw mode");
    (dir, session)
}

#[test]
fn esc_quit_restores() {
    let (_dir, mut session) = started(&[]);
    session.send("\u{1b}"); // Esc with an empty filter quits
    let status = session.wait_exit();
    assert!(status.success(), "{status:?}");
    session.assert_restored();
}

#[test]
fn ctrl_c_restores() {
    let (_dir, session) = started(&[]);
    session.quit_and_check_restored();
}

fn signal_restores(signal: i32) {
    let (_dir, mut session) = started(&[]);
    session.signal(signal);
    let status = session.wait_exit();
    assert!(
        status.success(),
        "quit cleanly on signal {signal}: {status:?}"
    );
    session.assert_restored();
}

#[test]
fn sigterm_restores() {
    signal_restores(libc::SIGTERM);
}

#[test]
fn sighup_restores() {
    signal_restores(libc::SIGHUP);
}

#[test]
fn sigint_restores() {
    signal_restores(libc::SIGINT);
}

#[test]
fn two_quick_signals_restore_whichever_path_wins() {
    let (_dir, mut session) = started(&[]);
    session.signal(libc::SIGTERM);
    session.signal(libc::SIGHUP);
    session.wait_exit();
    session.assert_restored();
}

/// Forces a panic at `place` through the test-only hook; the process must fail,
/// restore the terminal, and leave `message` readable on the main screen.
fn panic_case(place: &str, message: &str) {
    let dir = tempfile::tempdir().expect("tempdir");
    library(dir.path());
    let mut session = Session::start_with_env(
        &[dir.path()],
        &[("NEWSREADER_DEBUG_PANIC_AFTER_START", place)],
        80,
        24,
    );
    let status = session.wait_exit();
    assert!(!status.success(), "a panic is a failure: {status:?}");
    session.assert_restored();
    let screen = session.screen();
    assert!(
        screen.contains(message),
        "the panic message is readable on the main screen:\n{screen}"
    );
}

#[test]
fn panic_restores() {
    panic_case("1", "NEWSREADER_DEBUG_PANIC_AFTER_START");
}

#[test]
fn a_panic_on_another_thread_restores_and_exits() {
    panic_case("loader", "the loader panics");
}

#[test]
fn load_error_restores() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("missing.txt");
    let mut session = Session::start(&[&missing], 80, 24);
    let status = session.wait_exit();
    assert!(!status.success(), "{status:?}");
    session.assert_restored();
    let screen = session.wait_text("no articles to read");
    assert!(screen.contains("missing.txt"), "{screen}");
}

/// A panic while parsing one file skips that file with a reason, in the reader
/// (whose panic hook ends the process for a panic off the main thread) and on
/// the command line; the other files load and the reader goes on.
#[test]
fn a_panic_on_one_file_skips_only_that_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    library(dir.path());
    std::fs::write(
        dir.path().join("c.txt"),
        "Third headline\n\nThe third story's body.\n",
    )
    .expect("write article");
    let env = [("NEWSREADER_DEBUG_PANIC_ON_FILE", "b.txt")];
    let session = Session::start_with_env(&[dir.path()], &env, 120, 24);
    let screen = session.wait_text("2 of 2 matches");
    assert!(
        screen.contains("First headline") && screen.contains("Third headline"),
        "{screen}"
    );
    let screen = session.wait_text("newsreader failed on this file");
    assert!(screen.contains("b.txt"), "{screen}");
    session.quit_and_check_restored();

    let output = std::process::Command::new(env!("CARGO_BIN_EXE_newsreader"))
        .arg("list")
        .arg(dir.path())
        .env("NEWSREADER_DEBUG_PANIC_ON_FILE", "b.txt")
        .env("XDG_DATA_HOME", dir.path().join("data"))
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .output()
        .expect("run list");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stdout.contains("First headline") && stdout.contains("Third headline"),
        "{stdout}"
    );
    assert!(
        stderr.contains("b.txt: newsreader failed on this file"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked at"), "{stderr}");
}

/// Bracketed paste is on while the reader runs (and off after): pasted text
/// arrives whole and goes into the filter, so an escape sequence inside it
/// (`ESC [ <0;12` is the start of a mouse report) is never parsed as keys that
/// would swallow the ones after it; Ctrl-C still quits.
#[test]
fn pasted_text_goes_to_the_filter_and_never_swallows_keys() {
    let (_dir, mut session) = started(&[]);
    let raw = String::from_utf8_lossy(&session.raw()).into_owned();
    assert!(raw.contains("\u{1b}[?2004h"), "bracketed paste enabled");
    session.send("\u{1b}[200~log line: \u{1b}[<0;12 end\u{1b}[201~");
    let screen = session.wait_text("log line:");
    assert!(!screen.contains('\u{1b}'), "{screen}");
    session.send("\u{3}");
    let status = session.wait_exit();
    assert!(status.success(), "{status:?}");
    session.assert_restored();
    let raw = String::from_utf8_lossy(&session.raw()).into_owned();
    assert!(
        raw.rfind("\u{1b}[?2004l") > raw.rfind("\u{1b}[?2004h"),
        "bracketed paste disabled on the way out"
    );
}

/// Peak resident memory of a process, in kB (Linux).
fn peak_rss_kb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("proc status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM")
}

/// A terminal reporting an absurd size (16000×16000) gets a bounded screen
/// drawn: memory stays small and Ctrl-C still quits.
#[cfg(target_os = "linux")]
#[test]
fn an_absurd_terminal_size_is_clamped() {
    let (_dir, session) = started(&[]);
    let before = session.raw().len();
    session
        .master
        .resize(portable_pty::PtySize {
            rows: 16000,
            cols: 16000,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("resize the pty");
    // The app redraws for the new size; the frame lands beyond the harness's
    // 80×24 screen, so wait for bytes rather than text.
    let deadline = std::time::Instant::now() + common::DEADLINE;
    while session.raw().len() < before + 2000 {
        assert!(
            std::time::Instant::now() < deadline,
            "no redraw after the resize"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let pid = session.child.process_id().expect("pid");
    let peak = peak_rss_kb(pid);
    eprintln!("peak RSS after the resize: {peak} kB");
    // A full 16000×16000 frame buffer alone would be gigabytes.
    assert!(peak < 300 * 1024, "peak RSS {peak} kB");
    session.quit_and_check_restored();
}

#[test]
fn sigusr1_sigusr2_and_sigalrm_restore() {
    for signal in [libc::SIGUSR1, libc::SIGUSR2, libc::SIGALRM] {
        signal_restores(signal);
    }
}

/// Whether the process is stopped (Linux: state `T` in /proc/PID/stat).
#[cfg(target_os = "linux")]
fn stopped(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|stat| {
            let after_name = stat.rsplit_once(')')?.1.trim_start().to_owned();
            after_name.chars().next()
        })
        .is_some_and(|state| state == 'T')
}

/// Ctrl-Z (a key in raw mode) and SIGTSTP leave the terminal as the shell
/// expects it (cooked mode, main screen, mouse off) while stopped; SIGCONT
/// (`fg`) brings the reader back, redrawn, and keys work again.
#[cfg(target_os = "linux")]
#[test]
fn suspend_restores_the_terminal_and_continue_redraws() {
    let (_dir, mut session) = started(&[]);
    let pid = session.child.process_id().expect("pid");
    for how in ["key", "signal"] {
        match how {
            "key" => session.send("\u{1a}"),
            _ => session.signal(libc::SIGTSTP),
        }
        let deadline = std::time::Instant::now() + common::DEADLINE;
        while !stopped(pid) {
            assert!(std::time::Instant::now() < deadline, "{how}: never stopped");
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        std::thread::sleep(std::time::Duration::from_millis(100)); // last bytes in
        assert!(session.cooked(), "{how}: cooked mode while stopped");
        {
            let parser = session.parser.lock().expect("parser");
            let screen = parser.screen();
            assert!(
                !screen.alternate_screen(),
                "{how}: main screen while stopped"
            );
            assert_eq!(
                screen.mouse_protocol_mode(),
                vt100::MouseProtocolMode::None,
                "{how}: mouse off while stopped"
            );
        }
        session.signal(libc::SIGCONT);
        session.wait_for("the reader back", |s| s.contains("2 of 2 matches"));
        assert!(!session.cooked(), "{how}: raw mode again");
        assert!(
            session
                .parser
                .lock()
                .expect("parser")
                .screen()
                .alternate_screen(),
            "{how}: alternate screen again"
        );
    }
    session.send("Second");
    session.wait_text("1 of 2 matches");
    session.quit_and_check_restored();
}
