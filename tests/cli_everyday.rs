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
    let (loaded, _) = Config::load(Some(&file)).expect("readable");
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

/// Options that belong to the whole program (`--config`, `--color`, `--state`,
/// `--no-state`) may come before or after a subcommand.
#[test]
fn global_options_go_before_or_after_a_subcommand() {
    let home = tempfile::tempdir().expect("tempdir");
    let config = home.path().join("c.toml");
    std::fs::write(&config, "[view]\nsplit = 30\n").expect("write");
    let config = config.to_str().expect("utf8 path");
    let article = home.path().join("a.txt");
    std::fs::write(
        &article,
        "A headline for the options test\n\nThe first paragraph of the story, long enough to be a body paragraph.",
    )
    .expect("write");
    let article = article.to_str().expect("utf8 path");
    for args in [
        &["--config", config, "parse", "--json", article][..],
        &["parse", "--json", "--config", config, article],
        &["--color", "never", "--no-state", "list", article],
        &["list", "--no-state", article, "--color", "never"],
    ] {
        let out = run(home.path(), args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {stderr}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.contains("A headline for the options test"),
            "{args:?}: {stdout}"
        );
    }
}

/// A `--config` file that cannot be read stops newsreader with its name: the
/// user asked for it, so running on defaults would hide the mistake.
#[test]
fn a_missing_config_file_is_an_error() {
    let home = tempfile::tempdir().expect("tempdir");
    let missing = home.path().join("typo.toml");
    let missing = missing.to_str().expect("utf8 path");
    let out = run(home.path(), &["--config", missing, "--print-config"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "no config printed");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("typo.toml: cannot read the config file"),
        "{stderr}"
    );
}

/// Warnings come in the order of the file's lines, whatever part of
/// newsreader finds them (the theme, the view, the key map).
#[test]
fn config_warnings_come_in_line_order() {
    let home = tempfile::tempdir().expect("tempdir");
    let file = home.path().join("c.toml");
    std::fs::write(
        &file,
        "[keys]\nfly = \"x\"\nquit = \"hyper-q\"\n[view]\nsplit = 5\n[theme]\naccent = \"blurple\"\n",
    )
    .expect("write");
    let out = run(
        home.path(),
        &["--config", file.to_str().expect("utf8"), "--print-config"],
    );
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr
        .lines()
        .map(|l| {
            let after = l.split_once("c.toml:").map_or(l, |(_, rest)| rest);
            after.split_once(' ').map_or(after, |(head, _)| head)
        })
        .collect();
    assert_eq!(lines, ["2:", "3:", "5:", "7:"], "{stderr}");
}

/// `list` exits like grep and fzf: 1 when `--filter` matches nothing, 2 when a
/// path on the command line cannot be read (the rest is still listed).
#[test]
fn list_exit_status() {
    let home = tempfile::tempdir().expect("tempdir");
    let ok = run(home.path(), &["list", "--filter", "nato"]);
    assert_eq!(ok.status.code(), Some(0));
    assert!(!ok.stdout.is_empty());
    let none = run(home.path(), &["list", "--filter", "zzqxzzqx"]);
    assert_eq!(none.status.code(), Some(1));
    assert!(none.stdout.is_empty());
    let missing = home.path().join("missing.txt");
    let missing = missing.to_str().expect("utf8 path");
    let bad = run(home.path(), &["list", missing]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("missing.txt"));
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
