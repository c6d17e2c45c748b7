//! No byte of article text reaches the terminal as a control sequence: hostile
//! articles (and hostile file names) go through the real binary in a pty, every
//! screen is visited, and the raw bytes it wrote are searched for the payloads.
//!
//! The app itself writes CSI sequences (cursor moves, colours, the alternate
//! screen), so the checks look for the exact injected sequences and their markers,
//! not for ESC in general.

mod common;

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use common::Session;

/// Every payload, each with a marker word that exists nowhere else.
const PAYLOADS: &[&str] = &[
    "\u{1b}]52;c;Q0xJUEJPQVJE\u{7}", // OSC 52 clipboard write
    "\u{1b}]8;;https://osc8.evil.example/\u{1b}\\click\u{1b}]8;;\u{1b}\\", // OSC 8 link
    "\u{1b}]0;PWNTITLEZERO\u{7}",    // OSC 0 title
    "\u{1b}]2;PWNTITLETWO\u{1b}\\",  // OSC 2 title, ST-terminated
    "\u{1b}[77;33H",                 // cursor move off any real screen
    "\u{1b}[2J\u{1b}[3J",            // screen and scrollback clear
    "\u{1b}[5;9r",                   // scroll region
    "\u{1b}PqDCSPAYLOAD\u{1b}\\",    // DCS
    "\u{9b}6n",                      // C1 CSI: device status report
    "\u{9d}0;CONETITLE\u{7}",        // C1 OSC title
    "bell\u{7}bell",                 // BEL
    "back\u{8}\u{8}\u{8}\u{8}XX",    // backspaces over text
    "car\rriage",                    // CR inside a line
    "del\u{7f}ete",                  // DEL
    "\u{202e}gnp.exe",               // bidi override
    "\u{2066}iso\u{2069}",           // bidi isolate
    "tab\there",                     // tab
];

/// Byte strings that must never appear in anything written to the terminal.
fn forbidden() -> Vec<(&'static str, Vec<u8>)> {
    let mut list: Vec<(&'static str, Vec<u8>)> = vec![
        ("OSC 52", b"]52;".to_vec()),
        ("OSC 52 payload", b"Q0xJUEJPQVJE".to_vec()),
        ("OSC 8", b"]8;".to_vec()),
        ("OSC 8 target", b"osc8.evil.example".to_vec()),
        ("OSC 0", b"]0;".to_vec()),
        ("OSC 2", b"]2;".to_vec()),
        ("title payload", b"PWNTITLE".to_vec()),
        ("cursor move", b"\x1b[77;33H".to_vec()),
        ("scrollback clear", b"\x1b[3J".to_vec()),
        ("scroll region", b"\x1b[5;9r".to_vec()),
        ("DCS", b"\x1bP".to_vec()),
        ("DCS payload", b"DCSPAYLOAD".to_vec()),
        ("C1 CSI", "\u{9b}".as_bytes().to_vec()),
        ("C1 OSC", "\u{9d}".as_bytes().to_vec()),
        ("C1 OSC payload", b"CONETITLE".to_vec()),
        ("BEL", b"\x07".to_vec()),
        ("BS", b"\x08".to_vec()),
        ("DEL", b"\x7f".to_vec()),
        ("TAB", b"\x09".to_vec()),
        ("RLO", "\u{202e}".as_bytes().to_vec()),
        ("LRI", "\u{2066}".as_bytes().to_vec()),
        ("PDI", "\u{2069}".as_bytes().to_vec()),
    ];
    // Any other C1 control as UTF-8 (U+0080..=U+009F is C2 80..=C2 9F).
    for c in 0x80u8..=0x9f {
        list.push(("C1 control", vec![0xc2, c]));
    }
    list
}

fn assert_clean(what: &str, bytes: &[u8]) {
    for (name, needle) in forbidden() {
        if let Some(at) = bytes.windows(needle.len()).position(|w| w == needle) {
            let from = at.saturating_sub(60);
            let to = (at + needle.len() + 60).min(bytes.len());
            panic!(
                "{what}: {name} {needle:?} reached the output at byte {at}: {:?}",
                String::from_utf8_lossy(&bytes[from..to])
            );
        }
    }
}

/// All payloads in one string, with readable words between them.
fn all_payloads() -> String {
    PAYLOADS
        .iter()
        .enumerate()
        .map(|(i, p)| format!("w{i} {p} "))
        .collect()
}

/// A hostile file name: payloads that a file name can hold (no `/`, no NUL).
fn hostile_name(tag: &str) -> PathBuf {
    PathBuf::from(format!(
        "{tag}\u{1b}]52;c;Q0xJUEJPQVJE\u{7}\u{1b}]0;PWNTITLEZERO\u{7}\u{1b}[77;33H\u{9b}6n\u{202e}\u{8}\u{7f}\t\nname\r.txt"
    ))
}

/// Writes hostile articles (payloads in the headline, body, caption-like and URL
/// lines, and in the file names) and returns their folder.
fn write_hostile(dir: &Path) {
    let p = all_payloads();
    let articles = [
        (
            PathBuf::from("a-headline.txt"),
            format!("Alpha {p} headline\n\nBody of alpha {p} ends.\n"),
        ),
        (
            PathBuf::from("b-body.txt"),
            format!(
                "Bravo story\n\nBy Someone {p}\n\n{}\n\nPhoto: {p} caption (Getty Images)\n\nhttps://example.com/{p}/path\n",
                format!("Paragraph {p} more words. ").repeat(30)
            ),
        ),
        (
            hostile_name("c-"),
            format!("Charlie {p}\n\n{}\n", "Long body line. ".repeat(200)),
        ),
        (
            PathBuf::from("d-links.txt"),
            format!(
                "Delta links\n\nRead more: https://evil.example/\u{1b}]8;;https://osc8.evil.example/\u{1b}\\x\n\n[{p}](https://example.com/\u{9b}6n)\n"
            ),
        ),
    ];
    for (name, text) in articles {
        std::fs::write(dir.join(name), text).expect("write article");
    }
    // An empty file with a hostile name: a problem that names it, shown in the
    // status line and on stderr.
    std::fs::write(dir.join(hostile_name("e-empty-")), "").expect("write empty");
}

/// Visits every article and every screen in a terminal of `cols` x `rows`.
fn browse_everything(cols: u16, rows: u16) -> Vec<u8> {
    let dir = tempfile::tempdir().expect("tempdir");
    write_hostile(dir.path());
    let mut session = Session::start(&[dir.path()], cols, rows);
    session.wait_text("4 of 4 matches");
    let down = "\u{1b}[B";
    let enter = "\r";
    let pgdn = "\u{1b}[6~";
    let end = "\u{1b}[F";
    let home = "\u{1b}[H";
    let esc = "\u{1b}";
    let tab = "\t";
    let f1 = "\u{1b}OP";
    for article in 0..4 {
        if article > 0 {
            session.send_and_settle(down);
        }
        session.send_and_settle(enter);
        for _ in 0..3 {
            session.send_and_settle(pgdn);
        }
        session.send_and_settle(end);
        session.send_and_settle(home);
        session.send_and_settle(tab);
        // Back to the list (Esc when reading; nothing else when already there).
        if session.screen().contains("Reader") && !session.screen().contains("Articles") {
            session.send_and_settle(esc);
        }
    }
    session.send_and_settle(end);
    session.send_and_settle(f1);
    session.send_and_settle(f1);
    // Filter with non-ASCII and see the highlights drawn.
    session.send_and_settle("ch");
    session.send_and_settle(enter);
    session.send_and_settle("\u{15}");
    let screen = session.screen();
    assert!(screen.contains("w0 "), "article text drawn: {screen}");
    session.quit_and_check_restored_keep_bytes()
}

trait KeepBytes {
    fn quit_and_check_restored_keep_bytes(self) -> Vec<u8>;
}

impl KeepBytes for Session {
    fn quit_and_check_restored_keep_bytes(mut self) -> Vec<u8> {
        self.send("\u{3}");
        let status = self.wait_exit();
        assert!(status.success(), "{status:?}");
        self.assert_restored();
        self.raw()
    }
}

#[test]
fn hostile_articles_in_a_narrow_terminal_write_no_injected_sequences() {
    let bytes = browse_everything(80, 24);
    assert_clean("80x24 reader", &bytes);
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("w0 "), "the articles were drawn");
}

#[test]
fn hostile_articles_in_a_wide_terminal_write_no_injected_sequences() {
    let bytes = browse_everything(140, 40);
    assert_clean("140x40 reader", &bytes);
    let text = String::from_utf8_lossy(&bytes);
    // The status line names the skipped file (its name cleaned).
    assert!(text.contains("e-empty-"), "the skipped file is reported");
}

fn run_parse(args: &[&OsStr]) -> std::process::Output {
    common::command()
        .arg("parse")
        .args(args)
        .output()
        .expect("run newsreader parse")
}

#[test]
fn parse_output_and_messages_are_clean() {
    let dir = tempfile::tempdir().expect("tempdir");
    write_hostile(dir.path());
    let missing = dir.path().join(hostile_name("f-missing-"));
    let args = [dir.path().as_os_str(), missing.as_os_str()];
    let plain = run_parse(&args);
    assert_clean("parse stdout", &plain.stdout);
    assert_clean("parse stderr", &plain.stderr);
    let stdout = String::from_utf8_lossy(&plain.stdout);
    assert!(stdout.contains("w0 "), "{stdout}");
    let stderr = String::from_utf8_lossy(&plain.stderr);
    assert_eq!(stderr.lines().count(), 2, "one line per problem: {stderr}");
    assert!(stderr.contains("e-empty-") && stderr.contains("f-missing-"));
    assert!(!plain.stdout.contains(&0x1b) && !plain.stderr.contains(&0x1b));

    let json = run_parse(&[OsStr::new("--json"), args[0], args[1]]);
    assert_clean("parse --json stderr", &json.stderr);
    // JSON escapes control characters; no raw ESC reaches the terminal.
    assert!(!json.stdout.contains(&0x1b), "raw ESC in JSON");
    for line in String::from_utf8(json.stdout).expect("utf8").lines() {
        serde_json::from_str::<serde_json::Value>(line).expect("valid JSON line");
    }
    // The file name of the hostile article is only ever shown cleaned.
    let name = hostile_name("c-");
    assert!(name.as_os_str().as_bytes().contains(&0x1b));
}

/// An article whose text gives the parser no headline gets its title from the
/// file name: that title is shown cleaned too, by the reader and by `parse`.
#[test]
fn titles_made_from_hostile_file_names_are_clean() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Text a parser may find no headline in: one-word and control-laden lines.
    for (tag, text) in [
        (
            "g-",
            "Head\0line\0\n\nBody\0 text\u{1}\u{2}\u{1b}[31m here\n",
        ),
        ("h-", "\u{1b}[2J\n\nx\n"),
        ("i-", "Share\n\nAdvertisement\n\n1\n"),
    ] {
        std::fs::write(dir.path().join(hostile_name(tag)), text).expect("write");
    }
    let plain = run_parse(&[dir.path().as_os_str()]);
    assert_clean("parse stdout (file-name titles)", &plain.stdout);
    assert_clean("parse stderr (file-name titles)", &plain.stderr);
    let mut session = Session::start(&[dir.path()], 100, 20);
    session.wait_text("matches");
    session.send_and_settle("\r");
    let bytes = session.quit_and_check_restored_keep_bytes();
    assert_clean("reader (file-name titles)", &bytes);
}
