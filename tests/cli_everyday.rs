//! Packaging and configuration through the real binary: completions, the man
//! page and `--print-config`. Every process gets temporary XDG folders.

use std::path::Path;
use std::process::Output;

use newsreader::app::Keymap;
use newsreader::config::Config;

mod common;

fn run(home: &Path, args: &[&str]) -> Output {
    common::command_in(home)
        .args(args)
        .output()
        .expect("run newsreader")
}

#[test]
fn completions_print_a_script_for_each_shell() {
    let home = tempfile::tempdir().expect("tempdir");
    let bash = run(home.path(), &["completions", "bash"]);
    assert!(bash.status.success());
    let script = String::from_utf8_lossy(&bash.stdout);
    assert!(script.contains("complete") && script.contains("newsreader"));
    assert!(script.contains("--print-config") && script.contains("--no-state"));
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        let out = run(home.path(), &["completions", shell]);
        assert!(out.status.success(), "{shell}");
        assert!(!out.stdout.is_empty(), "{shell}");
    }
    assert!(!run(home.path(), &["completions", "tcsh"]).status.success());
}

#[test]
fn man_prints_roff_from_the_same_definition() {
    let home = tempfile::tempdir().expect("tempdir");
    let out = run(home.path(), &["man"]);
    assert!(out.status.success());
    let roff = String::from_utf8_lossy(&out.stdout);
    assert!(
        roff.starts_with(".ie") || roff.contains(".TH newsreader"),
        "{roff}"
    );
    for flag in ["config", "state", "no\\-state", "color", "print\\-config"] {
        assert!(roff.contains(flag), "{flag} missing from the man page");
    }
}

#[test]
fn print_config_loads_back_and_reports_bad_keys() {
    let home = tempfile::tempdir().expect("tempdir");
    // Without a file: the defaults.
    let out = run(home.path(), &["--print-config"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf8");
    let (back, warnings) = Config::from_toml_str(&text, Path::new("printed.toml"));
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(back.theme, Config::default().theme);
    assert_eq!(back.view, Config::default().view);
    // The effective keys are printed, every action with its default keys.
    assert!(text.contains("toggle_full_text = \"ctrl-f\""), "{text}");
    assert_eq!(
        Keymap::new(&back.keys).0.bindings(),
        Keymap::default().bindings(),
        "printed keys load back to the same keymap"
    );

    // A file with good and bad keys: the good ones apply, the bad ones are named
    // with file, line and key on stderr.
    let file = home.path().join("mine.toml");
    std::fs::write(
        &file,
        "[theme]\naccent = \"#ff8000\"\nlink = \"blurple\"\n[view]\ntext_width = 72\n[keys]\ntoggle_star = [\"f4\"]\nfly = \"x\"\n",
    )
    .expect("write");
    let path = file.to_str().expect("utf8 path");
    let out = run(home.path(), &["--config", path, "--print-config"]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("mine.toml:3: theme.link: unknown color \"blurple\""),
        "{stderr}"
    );
    assert!(
        stderr.contains("mine.toml:8: keys.fly: unknown action (expected one of quit, help"),
        "{stderr}"
    );
    let text = String::from_utf8(out.stdout).expect("utf8");
    let (printed, warnings) = Config::from_toml_str(&text, Path::new("printed.toml"));
    assert!(warnings.is_empty(), "{warnings:?}\n{text}");
    let (loaded, _) = Config::load(Some(&file));
    assert_eq!(printed.theme, loaded.theme, "{text}");
    assert_eq!(printed.view, loaded.view, "{text}");
    assert_eq!(
        Keymap::new(&printed.keys).0.bindings(),
        Keymap::new(&loaded.keys).0.bindings(),
        "{text}"
    );
    assert!(
        text.contains("toggle_star = \"f4\""),
        "the remapped key: {text}"
    );
    assert_eq!(printed.view.text_width, 72);
    assert!(text.contains("accent = \"#ff8000\""), "{text}");
}

#[test]
fn state_and_no_state_conflict() {
    let home = tempfile::tempdir().expect("tempdir");
    let out = run(
        home.path(),
        &["--state", "x.json", "--no-state", "--print-config"],
    );
    assert!(!out.status.success());
}

/// With stderr gone (the terminal closed under the app, or a closed pipe) a
/// warning that cannot be printed is dropped: the process ends as it would
/// have, not with a panic ("failed printing to stderr", exit 101).
#[cfg(unix)]
#[test]
fn a_closed_stderr_is_no_panic() {
    use std::os::fd::{FromRawFd, OwnedFd};
    let home = tempfile::tempdir().expect("tempdir");
    let mut fds = [0; 2];
    // SAFETY: pipe(2) fills two descriptors that are then owned here.
    assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
    // SAFETY: each descriptor is owned once.
    let (read_end, write_end) =
        unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
    drop(read_end); // Nobody will ever read stderr.
    let missing = home.path().join("missing.txt");
    // Stdout not a terminal: the headlines, with the problem on stderr.
    let output = common::command_in(home.path())
        .arg(&missing)
        .stderr(std::process::Stdio::from(write_end))
        .output()
        .expect("run");
    assert_ne!(output.status.code(), Some(101), "{:?}", output.status);
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{:?}",
        output.status
    );
}
