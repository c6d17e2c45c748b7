//! The pseudo-terminal harness shared by the end-to-end tests: the real binary in
//! a pty, its screen read back with vt100 and its raw bytes kept. Every spawned
//! process gets its own XDG data and config folders (and no BROWSER or TMUX from
//! the outside), so no test ever reads or writes the user's real files.
//! Every wait polls against a deadline, so a loaded CI machine only makes the
//! tests slower, not flaky.

#![allow(dead_code)]

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub const DEADLINE: Duration = Duration::from_secs(10);

pub struct Session {
    pub parser: Arc<Mutex<vt100::Parser>>,
    pub bytes: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    pub child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
    /// XDG_DATA_HOME and XDG_CONFIG_HOME for the process, removed at the end.
    pub home: tempfile::TempDir,
}

impl Session {
    pub fn start(args: &[&Path], cols: u16, rows: u16) -> Session {
        let args: Vec<&OsStr> = args.iter().map(|p| p.as_os_str()).collect();
        Session::start_with(&args, &[], cols, rows)
    }

    /// Starts newsreader with `args` and extra environment variables `env`.
    pub fn start_with(args: &[&OsStr], env: &[(&str, &OsStr)], cols: u16, rows: u16) -> Session {
        let home = tempfile::tempdir().expect("tempdir for XDG folders");
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_newsreader"));
        command.args(args);
        command.env("TERM", "xterm-256color");
        command.env_remove("NO_COLOR");
        command.env_remove("BROWSER");
        command.env_remove("TMUX");
        command.env("XDG_DATA_HOME", home.path().join("data"));
        command.env("XDG_CONFIG_HOME", home.path().join("config"));
        for (name, value) in env {
            command.env(name, value);
        }
        let child = pair.slave.spawn_command(command).expect("spawn newsreader");
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            rows.try_into().expect("rows"),
            cols.try_into().expect("cols"),
            0,
        )));
        let bytes = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let (p, b) = (Arc::clone(&parser), Arc::clone(&bytes));
        thread::spawn(move || {
            let mut chunk = [0u8; 8192];
            while let Ok(n) = reader.read(&mut chunk) {
                if n == 0 {
                    break;
                }
                p.lock().expect("parser").process(&chunk[..n]);
                b.lock().expect("bytes").extend_from_slice(&chunk[..n]);
            }
        });
        let writer = pair.master.take_writer().expect("pty writer");
        Session {
            parser,
            bytes,
            writer,
            child,
            _master: pair.master,
            home,
        }
    }

    pub fn screen(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    /// Waits until the screen satisfies `ready`, or fails showing the screen.
    pub fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            if start.elapsed() > DEADLINE {
                panic!("timed out waiting for {what}; screen:\n{screen}");
            }
            thread::sleep(Duration::from_millis(30));
        }
    }

    pub fn wait_text(&self, text: &str) -> String {
        self.wait_for(&format!("{text:?}"), |s| s.contains(text))
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush keys");
    }

    /// Sends Ctrl-C, waits for the process to end, and checks the terminal is back
    /// to normal: main screen, cursor shown, mouse reporting off.
    pub fn quit_and_check_restored(mut self) {
        self.send("\u{3}");
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                break status;
            }
            if start.elapsed() > DEADLINE {
                let _ = self.child.kill();
                panic!(
                    "newsreader did not quit on Ctrl-C; screen:\n{}",
                    self.screen()
                );
            }
            thread::sleep(Duration::from_millis(30));
        };
        assert!(status.success(), "exit status {status:?}");
        // The reader thread may still be draining the last bytes.
        let start = Instant::now();
        loop {
            let done = {
                let parser = self.parser.lock().expect("parser");
                let screen = parser.screen();
                !screen.alternate_screen()
                    && !screen.hide_cursor()
                    && screen.mouse_protocol_mode() == vt100::MouseProtocolMode::None
            };
            if done {
                break;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "terminal not restored: {:?}",
                String::from_utf8_lossy(&self.bytes.lock().expect("bytes"))
            );
            thread::sleep(Duration::from_millis(30));
        }
        let bytes = self.bytes.lock().expect("bytes").clone();
        let text = String::from_utf8_lossy(&bytes);
        let entered = text
            .find("\u{1b}[?1049h")
            .expect("entered the alternate screen");
        let left = text
            .rfind("\u{1b}[?1049l")
            .expect("left the alternate screen");
        assert!(left > entered);
        assert!(text[left..].contains("\u{1b}[?25h") || text.rfind("\u{1b}[?25h") > Some(entered));
    }
}

pub fn write_articles(dir: &Path) {
    let files = [
        (
            "a.txt",
            "Blinken to Lavrov: US to Maintain Ukraine Support\n\nU.S. Secretary of State Antony Blinken told his Russian counterpart that the United States will support Ukraine.\n",
        ),
        (
            "b.txt",
            "US Won't Commit to NATO Membership for Ukraine\n\nThe United States did not commit to a timeline.\n\n\"Ukraine's MAP (Membership Action Plan) will be a real signal for Russia,\" Zelenskiy added.\n",
        ),
        (
            "c.txt",
            "Top US Diplomat Raises Navalny Jailed Americans With Russia\n\nBlinken voiced concern over jailed opposition figure Alexei Navalny.\n",
        ),
        (
            "d.txt",
            "Russia’s top military leaders have been refusing calls from US defense officials since the invasion of Ukraine began: report\n\nThe Pentagon said the calls went unanswered.\n",
        ),
    ];
    for (name, text) in files {
        std::fs::write(dir.join(name), text).expect("write article");
    }
}
