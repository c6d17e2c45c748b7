//! Opening and copying links from articles without trusting them.
//!
//! Links come from scraped text, so they may be `javascript:` or `file:` URLs,
//! look like command-line options, or carry shell syntax. Only plain web URLs
//! pass [`browsable`]; browsers are started without a shell, with the URL as one
//! argument; clipboard copies go through OSC 52 as base64, which no terminal
//! interprets as control sequences.

use std::ffi::OsStr;
use std::fmt;
use std::io;
use std::process::{Command, Stdio};

use url::Url;

pub use crate::article::links::browsable;

/// Why a link was not opened.
#[derive(Debug)]
pub enum LinkError {
    /// The URL failed [`browsable`]; nothing was run.
    Refused(String),
    /// `BROWSER` was set but none of its entries could be started.
    Browser(Vec<(String, io::Error)>),
    /// No `BROWSER`, and the platform's opener failed.
    NoBrowser(io::Error),
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Refused(url) => write!(f, "refusing to open {url:?}: not an http(s) link"),
            Self::Browser(tried) if tried.is_empty() => {
                f.write_str("BROWSER is set but names no program")
            }
            Self::Browser(tried) => {
                f.write_str("could not start BROWSER")?;
                for (program, err) in tried {
                    write!(f, "; {program}: {err}")?;
                }
                Ok(())
            }
            Self::NoBrowser(err) => write!(f, "could not open a browser: {err}"),
        }
    }
}

impl std::error::Error for LinkError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::NoBrowser(err) => Some(err),
            Self::Browser(tried) => tried.first().map(|(_, e)| e as _),
            Self::Refused(_) => None,
        }
    }
}

/// Opens the URL in the user's browser: `$BROWSER` if set, else the platform's
/// default (via the `webbrowser` crate).
pub fn open_in_browser(url: &Url) -> Result<(), LinkError> {
    open_with(std::env::var_os("BROWSER").as_deref(), url)
}

/// [`open_in_browser`] with the `BROWSER` value passed in, so tests need not
/// mutate the process environment.
///
/// `BROWSER` follows the usual convention: `:`-separated commands tried in
/// order. Each command is split on whitespace (no quoting: there is no shell);
/// `%s` in a word is replaced by the URL and `%%` by `%`, and if no word has
/// `%s` the URL is appended as the last argument. Either way the URL is exactly
/// one argument. If `BROWSER` is set, its failure is reported rather than
/// falling back to another browser the user did not choose.
///
/// The browser is started in its own process group with all standard streams
/// on `/dev/null`, so it can neither draw over the TUI nor be killed by the
/// terminal's Ctrl-C; it is reaped on a background thread. Text-mode browsers
/// (lynx, w3m) therefore do not work from here.
pub fn open_with(browser: Option<&OsStr>, url: &Url) -> Result<(), LinkError> {
    // Re-checked here: a `Url` can be built without going through `browsable`.
    let Some(url) = browsable(url.as_str()) else {
        return Err(LinkError::Refused(url.as_str().to_string()));
    };
    match browser.filter(|b| !b.is_empty()) {
        Some(browser) => open_with_browser_env(&browser.to_string_lossy(), url.as_str()),
        None => {
            let mut options = webbrowser::BrowserOptions::new();
            options.with_suppress_output(true);
            webbrowser::open_browser_with_options(
                webbrowser::Browser::Default,
                url.as_str(),
                &options,
            )
            .map_err(LinkError::NoBrowser)
        }
    }
}

fn open_with_browser_env(browser: &str, url: &str) -> Result<(), LinkError> {
    let mut tried = Vec::new();
    for entry in browser.split(':') {
        let Some(argv) = browser_argv(entry, url) else {
            continue;
        };
        match spawn_detached(&argv) {
            Ok(()) => return Ok(()),
            Err(err) => tried.push((argv[0].clone(), err)),
        }
    }
    Err(LinkError::Browser(tried))
}

/// The argument vector for one `BROWSER` entry; `None` for a blank entry.
fn browser_argv(entry: &str, url: &str) -> Option<Vec<String>> {
    let words: Vec<&str> = entry.split_whitespace().collect();
    if words.is_empty() {
        return None;
    }
    let has_placeholder = words.iter().any(|w| w.contains("%s"));
    let mut argv: Vec<String> = words.iter().map(|w| expand(w, url)).collect();
    if !has_placeholder {
        argv.push(url.to_string());
    }
    Some(argv)
}

/// Expands `%s` and `%%` in one word, in a single left-to-right pass so a `%s`
/// inside the URL is never expanded again.
fn expand(word: &str, url: &str) -> String {
    let mut out = String::with_capacity(word.len() + url.len());
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('%', Some('s')) => {
                chars.next();
                out.push_str(url);
            }
            ('%', Some('%')) => {
                chars.next();
                out.push('%');
            }
            _ => out.push(c),
        }
    }
    out
}

fn spawn_detached(argv: &[String]) -> io::Result<()> {
    let (program, args) = argv
        .split_first()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "empty command"))?;
    let mut command = Command::new(program);
    command
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        command.process_group(0);
    }
    let mut child = command.spawn()?;
    // Reap the child so it does not linger as a zombie; if no thread can be
    // started, the child is simply reaped when newsreader exits.
    let _ = std::thread::Builder::new()
        .name("browser-reaper".into())
        .spawn(move || {
            let _ = child.wait();
        });
    Ok(())
}

/// The OSC 52 sequence that asks the terminal to put `text` on the clipboard,
/// inside tmux (`TMUX` set and not empty) both plain and wrapped for tmux's
/// passthrough.
///
/// OSC 52 works over SSH and needs no clipboard tool on the host, which is why
/// it is used rather than `xclip`/`pbcopy`. Write the result straight to the
/// terminal (the backend's writer) and flush.
pub fn osc52_copy(text: &str) -> String {
    let tmux = std::env::var_os("TMUX").is_some_and(|v| !v.is_empty());
    osc52_sequence(text, tmux)
}

/// [`osc52_copy`] with the tmux decision passed in.
///
/// Inside tmux two forms go out, as which one works depends on tmux's
/// settings: the plain sequence, which tmux itself takes with `set -g
/// set-clipboard on` (a paste buffer, and the outer terminal's clipboard when
/// it allows), and the same in tmux's DCS passthrough (`ESC P tmux; … ESC \`,
/// every ESC inside doubled), which tmux 3.3+ hands to the outer terminal with
/// `set -g allow-passthrough on`. Neither tells whether the terminal took it.
pub fn osc52_sequence(text: &str, tmux: bool) -> String {
    let osc = format!("\x1b]52;c;{}\x07", base64(text.as_bytes()));
    if tmux {
        let passthrough = format!("\x1bPtmux;{}\x1b\\", osc.replace('\x1b', "\x1b\x1b"));
        osc + &passthrough
    } else {
        osc
    }
}

/// Standard base64 with padding (RFC 4648 §4); a dozen lines do not justify a
/// dependency.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::{Path, PathBuf};
    use std::time::{Duration, Instant};

    #[test]
    fn browser_argv_substitutes_or_appends() {
        let url = "https://e.com/%s?q=%25";
        assert_eq!(
            browser_argv("firefox", url),
            Some(vec!["firefox".into(), url.into()])
        );
        assert_eq!(
            browser_argv(" firefox  --new-tab  %s ", url),
            Some(vec!["firefox".into(), "--new-tab".into(), url.into()])
        );
        assert_eq!(
            browser_argv("b --url=%s --pct=100%%", url),
            Some(vec![
                "b".into(),
                format!("--url={url}"),
                "--pct=100%".into()
            ])
        );
        assert_eq!(browser_argv("   ", url), None);
    }

    /// Writes a shell script that records its argument count and arguments,
    /// one per line, to `log`.
    fn recording_stub(dir: &Path, log: &Path) -> PathBuf {
        let script = dir.join("stub-browser");
        let body = format!(
            "#!/bin/sh\n{{ printf '%s\\n' \"$#\"; for a in \"$@\"; do printf '%s\\n' \"$a\"; done; }} > '{}.part'\nmv '{0}.part' '{0}'\n",
            log.display()
        );
        std::fs::write(&script, body).expect("write stub");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755))
                .expect("chmod");
        }
        script
    }

    /// The stub runs detached, so wait for its log.
    fn wait_for(log: &Path) -> Vec<String> {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !log.exists() {
            assert!(Instant::now() < deadline, "browser stub never ran");
            std::thread::sleep(Duration::from_millis(5));
        }
        std::fs::read_to_string(log)
            .expect("read log")
            .lines()
            .map(String::from)
            .collect()
    }

    /// Another test thread forking while a stub script was open for writing
    /// makes exec fail with ETXTBSY for a moment; that is the test harness,
    /// not the code under test, so retry.
    #[cfg(unix)]
    fn open_retrying(browser: &str, url: &Url) {
        for _ in 0..20 {
            match open_with(Some(OsStr::new(browser)), url) {
                Ok(()) => return,
                Err(LinkError::Browser(tried))
                    if tried.iter().any(|(_, e)| e.raw_os_error() == Some(26)) =>
                {
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(err) => panic!("{browser}: {err}"),
            }
        }
        panic!("{browser}: still busy");
    }

    #[cfg(unix)]
    #[test]
    fn browser_gets_the_url_as_one_argument() {
        let dir = tempfile::tempdir().expect("tempdir");
        let nasty =
            "https://example.com/a%20b;c?q=x;touch${IFS}pwned;$(touch${IFS}pwned)&r=`id`|x'y\"z";
        let url = browsable(nasty).expect("browsable");
        let u = url.as_str().to_string();
        let cases: [(&str, Vec<String>); 3] = [
            // Program alone: URL appended.
            ("{stub}", vec![u.clone()]),
            // Missing program first: the next entry is tried.
            (
                "/nonexistent/browser:{stub} --new-tab",
                vec!["--new-tab".into(), u.clone()],
            ),
            // Placeholder inside a word.
            ("{stub} --url=%s", vec![format!("--url={u}")]),
        ];
        for (i, (template, expected)) in cases.into_iter().enumerate() {
            let log = dir.path().join(format!("argv-{i}"));
            let stub = recording_stub(dir.path(), &log);
            let browser = template.replace("{stub}", &stub.to_string_lossy());
            open_retrying(&browser, &url);
            let lines = wait_for(&log);
            assert_eq!(lines[0], expected.len().to_string(), "argc for {browser}");
            assert_eq!(&lines[1..], expected.as_slice(), "argv for {browser}");
            assert!(lines[1..].concat().contains("${IFS}pwned"), "{lines:?}");
        }
        assert!(!dir.path().join("pwned").exists());
        assert!(!Path::new("pwned").exists());
    }

    #[test]
    fn dangerous_urls_are_refused_before_anything_runs() {
        let dir = tempfile::tempdir().expect("tempdir");
        let log = dir.path().join("argv");
        let stub = recording_stub(dir.path(), &log);
        for bad in ["javascript:alert(1)", "file:///etc/passwd", "data:,x"] {
            let url = Url::parse(bad).expect("parses as a URL");
            let err = open_with(Some(stub.as_os_str()), &url).expect_err("refused");
            assert!(matches!(err, LinkError::Refused(_)), "{err}");
        }
        std::thread::sleep(Duration::from_millis(100));
        assert!(!log.exists(), "the browser must not have run");
    }

    #[test]
    fn unstartable_browser_is_an_error_not_a_fallback() {
        let url = browsable("https://example.com/").expect("browsable");
        let err = open_with(Some(OsStr::new("/nonexistent/a:/nonexistent/b")), &url)
            .expect_err("nothing to start");
        match &err {
            LinkError::Browser(tried) => assert_eq!(tried.len(), 2),
            other => panic!("unexpected {other}"),
        }
        assert!(err.to_string().contains("/nonexistent/a"), "{err}");
    }

    #[test]
    fn base64_matches_rfc4648_vectors() {
        for (input, expected) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(input.as_bytes()), expected, "{input:?}");
        }
        assert_eq!(base64(&[0xff, 0xfe, 0xfd]), "//79");
        assert_eq!(base64("é".as_bytes()), "w6k=");
    }

    #[test]
    fn osc52_sequences() {
        assert_eq!(osc52_sequence("hello", false), "\x1b]52;c;aGVsbG8=\x07");
        // Inside tmux: plain (for `set-clipboard on`), then passed through.
        assert_eq!(
            osc52_sequence("hello", true),
            "\x1b]52;c;aGVsbG8=\x07\x1bPtmux;\x1b\x1b]52;c;aGVsbG8=\x07\x1b\\"
        );
        // Escape sequences in the text are inert once encoded.
        let seq = osc52_sequence("\x1b]0;pwned\x07", false);
        assert_eq!(seq, "\x1b]52;c;G10wO3B3bmVkBw==\x07");
        assert_eq!(seq.matches('\x1b').count(), 1);
    }
}
