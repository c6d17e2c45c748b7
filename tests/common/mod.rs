//! The pty harness shared by the end-to-end tests: the real binary in a
//! pseudo-terminal, every byte it writes kept, its screen read back with vt100.
//! Every spawned process gets its own XDG data and config folders (and no BROWSER
//! or TMUX from the outside), so no test ever reads or writes the user's real files.
//! Every wait polls against a deadline, so a loaded CI machine only makes the tests
//! slower, not flaky.

#![allow(dead_code)] // each test crate uses its own part of the harness

use portable_pty::ExitStatus;
use std::ffi::OsStr;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// How long a wait may take before the test fails: generous, since a loaded
/// two-core CI machine may starve the app for seconds; waits return early.
pub const DEADLINE: Duration = Duration::from_secs(30);

/// The binary as a plain process (no terminal), isolated like a [`Session`]:
/// XDG folders under `home`, no BROWSER, TMUX, NO_COLOR or debug switches
/// from the outside.
pub fn command_in(home: &Path) -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_newsreader"));
    command
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env_remove("NO_COLOR")
        .env_remove("NEWSREADER_DEBUG_PANIC_AFTER_START")
        .env_remove("BROWSER")
        .env_remove("TMUX");
    command
}

/// [`command_in`] a home of this test binary's own, under the target folder.
pub fn command() -> std::process::Command {
    command_in(&Path::new(env!("CARGO_TARGET_TMPDIR")).join("home"))
}

pub struct Session {
    pub parser: Arc<Mutex<vt100::Parser>>,
    pub bytes: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    pub child: Box<dyn Child + Send + Sync>,
    pub master: Box<dyn MasterPty + Send>,
    reader_done: Arc<Mutex<bool>>,
    /// XDG_DATA_HOME and XDG_CONFIG_HOME for the process, removed at the end.
    pub home: tempfile::TempDir,
}

impl Session {
    pub fn start(args: &[impl AsRef<OsStr>], cols: u16, rows: u16) -> Session {
        Session::start_with_env(args, &[], cols, rows)
    }

    /// Starts the binary with `args` and extra environment variables `env`.
    pub fn start_with_env(
        args: &[impl AsRef<OsStr>],
        env: &[(&str, &str)],
        cols: u16,
        rows: u16,
    ) -> Session {
        let args: Vec<&OsStr> = args.iter().map(AsRef::as_ref).collect();
        let env: Vec<(&str, &OsStr)> = env.iter().map(|(k, v)| (*k, OsStr::new(*v))).collect();
        Session::start_with(&args, &env, cols, rows)
    }

    /// Starts the binary with `args` and extra environment variables `env` whose
    /// values need not be UTF-8 (paths).
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
        command.env_remove("NEWSREADER_DEBUG_PANIC_AFTER_START");
        command.env_remove("BROWSER");
        command.env_remove("TMUX");
        // A backtrace would push a panic's message off a small screen.
        command.env("RUST_BACKTRACE", "0");
        command.env("XDG_DATA_HOME", home.path().join("data"));
        command.env("XDG_CONFIG_HOME", home.path().join("config"));
        for (key, value) in env {
            command.env(key, value);
        }
        let child = pair.slave.spawn_command(command).expect("spawn newsreader");
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            rows.try_into().expect("rows"),
            cols.try_into().expect("cols"),
            0,
        )));
        let bytes = Arc::new(Mutex::new(Vec::new()));
        let reader_done = Arc::new(Mutex::new(false));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let (p, b, d) = (
            Arc::clone(&parser),
            Arc::clone(&bytes),
            Arc::clone(&reader_done),
        );
        thread::spawn(move || {
            let mut chunk = [0u8; 8192];
            while let Ok(n) = reader.read(&mut chunk) {
                if n == 0 {
                    break;
                }
                p.lock().expect("parser").process(&chunk[..n]);
                b.lock().expect("bytes").extend_from_slice(&chunk[..n]);
            }
            *d.lock().expect("done") = true;
        });
        let writer = pair.master.take_writer().expect("pty writer");
        Session {
            parser,
            bytes,
            writer,
            child,
            master: pair.master,
            reader_done,
            home,
        }
    }

    pub fn screen(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    /// Everything the program has written to the terminal so far.
    pub fn raw(&self) -> Vec<u8> {
        self.bytes.lock().expect("bytes").clone()
    }

    /// Waits until the screen satisfies `ready`, or fails showing the screen.
    pub fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        self.wait_within(what, DEADLINE, ready)
    }

    /// [`wait_for`](Self::wait_for) with a deadline of its own, for slow work
    /// (loading a large library in a debug build).
    pub fn wait_within(
        &self,
        what: &str,
        deadline: Duration,
        ready: impl Fn(&str) -> bool,
    ) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            if start.elapsed() > deadline {
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

    /// Sends `keys`, then waits until the program has drawn something after them
    /// (or a short while has passed: some keys change nothing on screen).
    pub fn send_and_settle(&mut self, keys: &str) {
        let before = self.bytes.lock().expect("bytes").len();
        self.send(keys);
        let start = Instant::now();
        while self.bytes.lock().expect("bytes").len() == before
            && start.elapsed() < Duration::from_millis(500)
        {
            thread::sleep(Duration::from_millis(10));
        }
        thread::sleep(Duration::from_millis(20));
    }

    /// Sends a signal to the program.
    pub fn signal(&self, signal: i32) {
        let pid = self.child.process_id().expect("child pid") as i32;
        // SAFETY: kill(2) with a pid we spawned and a valid signal number.
        let rc = unsafe { libc::kill(pid, signal) };
        assert_eq!(rc, 0, "kill({pid}, {signal})");
    }

    /// Waits for the program to exit.
    pub fn wait_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                break status;
            }
            if start.elapsed() > DEADLINE {
                let _ = self.child.kill();
                panic!("newsreader did not exit; screen:\n{}", self.screen());
            }
            thread::sleep(Duration::from_millis(30));
        };
        // Let the reader thread drain the last bytes.
        let start = Instant::now();
        while !*self.reader_done.lock().expect("done")
            && start.elapsed() < Duration::from_millis(500)
        {
            thread::sleep(Duration::from_millis(10));
        }
        status
    }

    /// The terminal's line discipline: whether canonical mode and echo are on (the
    /// cooked mode a shell expects), read with tcgetattr on the pty.
    pub fn cooked(&self) -> bool {
        let fd = self.master.as_raw_fd().expect("pty fd");
        // SAFETY: a zeroed termios is a valid out-parameter for tcgetattr on an fd
        // we own.
        let mut termios: libc::termios = unsafe { std::mem::zeroed() };
        let rc = unsafe { libc::tcgetattr(fd, &mut termios) };
        assert_eq!(rc, 0, "tcgetattr");
        termios.c_lflag & libc::ICANON != 0 && termios.c_lflag & libc::ECHO != 0
    }

    /// Asserts the terminal is back to normal after the program exited: cooked mode,
    /// main screen, cursor shown, mouse reporting off, and the restore sequences
    /// written after the alternate screen was entered.
    pub fn assert_restored(&self) {
        assert!(self.cooked(), "pty left in raw mode");
        let bytes = self.raw();
        let text = String::from_utf8_lossy(&bytes);
        {
            let parser = self.parser.lock().expect("parser");
            let screen = parser.screen();
            assert!(!screen.alternate_screen(), "still on the alternate screen");
            assert!(!screen.hide_cursor(), "cursor still hidden");
            assert_eq!(
                screen.mouse_protocol_mode(),
                vt100::MouseProtocolMode::None,
                "mouse reporting still on"
            );
        }
        let entered = text
            .find("\u{1b}[?1049h")
            .expect("entered the alternate screen");
        let left = text
            .rfind("\u{1b}[?1049l")
            .expect("left the alternate screen");
        assert!(left > entered, "left before entering");
        let shown = text.rfind("\u{1b}[?25h").expect("cursor shown");
        let hidden = text.rfind("\u{1b}[?25l");
        assert!(Some(shown) > hidden, "cursor hidden after it was shown");
        let mouse_off = text.rfind("\u{1b}[?1000l").expect("mouse reporting off");
        assert!(mouse_off > entered);
    }

    /// Sends Ctrl-C, waits for the process to end successfully, and checks the
    /// terminal is back to normal.
    pub fn quit_and_check_restored(mut self) {
        self.send("\u{3}");
        let status = self.wait_exit();
        assert!(status.success(), "exit status {status:?}");
        self.assert_restored();
    }
}

/// Four small articles with the bundled headlines, for tests that need known text.
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

/// Runs the test `child` of the current test binary in a process of its own
/// with `envs`, waits (up to `ready_within`) until it has created `ready` (it
/// is then saving in a loop), and kills it with SIGKILL after a delay that
/// varies with `round` (0 to 36 ms in 3 ms steps, scrambled), so the kills
/// land at different points of a save.
pub fn kill_child_test_mid_save(
    child: &str,
    envs: &[(&str, &Path)],
    ready: &Path,
    round: u64,
    ready_within: Duration,
) {
    let exe = std::env::current_exe().expect("test binary");
    let mut command = std::process::Command::new(exe);
    command
        .args(["--exact", child, "--nocapture", "--test-threads=1"])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    for (name, value) in envs {
        command.env(name, value);
    }
    let mut process = command.spawn().expect("spawn writer");
    let deadline = Instant::now() + ready_within;
    while !ready.exists() {
        assert!(Instant::now() < deadline, "writer never became ready");
        if let Some(status) = process.try_wait().expect("try_wait") {
            panic!("writer exited early: {status}");
        }
        thread::sleep(Duration::from_millis(1));
    }
    let delay_us = (round * 7919 % 13) * 3000 + round * 37 % 1000;
    thread::sleep(Duration::from_micros(delay_us));
    process.kill().expect("SIGKILL"); // std sends SIGKILL on Unix.
    process.wait().expect("reap");
}
