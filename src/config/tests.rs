//! The config file as users write it: good, bad and odd files.

use super::*;
use crossterm::event::{KeyCode, KeyModifiers};
use ratatui::style::Color;
use std::fs;

#[test]
fn warnings_are_one_clean_line() {
    let warning = ConfigWarning {
        file: PathBuf::from("conf\u{1b}]0;t\u{7}.toml"),
        line: Some(3),
        key: Some("theme.\u{1b}[2Jaccent".to_owned()),
        message: "bad value \"\u{1b}]52;c;eA==\u{7}\"\nsecond line".to_owned(),
    };
    let text = warning.to_string();
    assert!(!text.chars().any(char::is_control), "{text:?}");
    assert!(
        text.starts_with("conf.toml:3: theme.accent: bad value"),
        "{text}"
    );
}

/// The settings `text` makes (without where they were written) and its
/// warnings as the user reads them.
fn load(text: &str) -> (Config, Vec<String>) {
    let (mut config, warnings) = Config::from_toml_str(text, Path::new("config.toml"));
    assert_eq!(
        config.origin.file.as_deref(),
        Some(Path::new("config.toml"))
    );
    config.origin = Origin::default();
    (config, warnings.iter().map(|w| w.to_string()).collect())
}

fn spec(s: &str) -> KeySpec {
    s.parse().expect("key spec")
}

const GOOD: &str = r##"
# A complete, valid file.
[theme]
accent = "light-blue"
selection_bg = "#264F78"
dim = 242
highlight = "Dark Grey"

[view]
default_sort = "newest"
default_view = "unread"
split = 35
text_width = 0

[keys]
quit = "ctrl-q"
open_link = ["o", "ctrl-o"]
next_page = "pagedown"
"##;

#[test]
fn good_file_applies_everything() {
    let (config, warnings) = load(GOOD);
    assert_eq!(warnings, Vec::<String>::new());
    assert_eq!(config.theme.accent, Color::LightBlue);
    assert_eq!(config.theme.selection_bg, Color::Rgb(0x26, 0x4f, 0x78));
    assert_eq!(config.theme.dim, Color::Indexed(242));
    assert_eq!(config.theme.highlight, Color::DarkGray);
    assert_eq!(config.theme.title, Theme::default().title);
    assert_eq!(config.view.default_sort, SortOrder::Newest);
    assert_eq!(config.view.default_view, ViewFilter::Unread);
    assert_eq!((config.view.split, config.view.text_width), (35, 0));
    assert_eq!(config.keys["quit"], vec![spec("ctrl-q")]);
    assert_eq!(config.keys["open_link"], vec![spec("o"), spec("ctrl-o")]);
    assert_eq!(
        config.keys["next_page"],
        vec![KeySpec::new(KeyCode::PageDown, KeyModifiers::NONE)]
    );
}

#[test]
fn empty_file_is_defaults() {
    assert_eq!(load(""), (Config::default(), vec![]));
}

/// Each broken value is reported with file, line and key, and every other
/// key in the file still applies.
#[test]
fn each_bad_value_falls_back_alone() {
    let text = r##"[theme]
accent = "blurple"
link = "red"
border = "#12345"
status = 300
[view]
split = 90
text_width = "wide"
default_sort = "random"
default_view = "starred"
colour = true
[keys]
quit = "ctrl-q"
open_link = "hyper-o"
search = ["/", "bogus-key-name"]
Bad-Name = "x"
help = 5
[extra]
a = 1
"##;
    let (config, warnings) = load(text);
    // In the file's line order, as an editor lists them.
    let expected = [
        r#"config.toml:2: theme.accent: unknown color "blurple""#,
        r##"config.toml:4: theme.border: bad hex colour "#12345" (expected #rrggbb)"##,
        "config.toml:5: theme.status: colour index 300 is out of range (0-255)",
        "config.toml:7: view.split: 90 is out of range (20-80)",
        "config.toml:8: view.text_width: expected an integer, found string",
        r#"config.toml:9: view.default_sort: unknown value "random" (expected relevance, newest, source, title)"#,
        "config.toml:11: view.colour: unknown key (expected default_sort, default_view, split or text_width)",
        r#"config.toml:14: keys.open_link: unknown modifier "hyper" in "hyper-o" (expected ctrl, alt, shift or super)"#,
        r#"config.toml:15: keys.search: unknown key "bogus-key-name""#,
        r#"config.toml:16: keys.Bad-Name: action names are lower-case letters, digits and underscores"#,
        "config.toml:17: keys.help: expected a key spec or a list of key specs, found integer",
        "config.toml:18: extra: unknown section (expected theme, view, keys or feeds)",
    ];
    assert_eq!(warnings, expected, "{warnings:#?}");

    let defaults = Config::default();
    assert_eq!(config.theme.accent, defaults.theme.accent);
    assert_eq!(config.theme.border, defaults.theme.border);
    assert_eq!(config.theme.status, defaults.theme.status);
    assert_eq!(config.theme.link, Color::Red, "good sibling applies");
    assert_eq!(config.view.split, defaults.view.split);
    assert_eq!(config.view.text_width, defaults.view.text_width);
    assert_eq!(config.view.default_sort, defaults.view.default_sort);
    assert_eq!(config.view.default_view, ViewFilter::Starred);
    assert_eq!(config.keys["quit"], vec![spec("ctrl-q")]);
    assert!(!config.keys.contains_key("open_link"), "keeps app default");
    assert_eq!(config.keys["search"], vec![spec("/")], "good spec kept");
    assert!(!config.keys.contains_key("help"));
}

#[test]
fn wrong_section_type_is_reported() {
    let (config, warnings) = load("theme = \"dark\"\n[view]\nsplit = 30\n");
    assert_eq!(
        warnings,
        vec!["config.toml:1: theme: expected a table, found string"]
    );
    assert_eq!(config.view.split, 30);
}

#[test]
fn syntax_error_reports_line_and_yields_defaults() {
    let (config, warnings) = load("[view]\nsplit = 30\ntext_width = = 3\n");
    assert_eq!(config, Config::default());
    assert_eq!(warnings.len(), 1);
    assert!(
        warnings[0].starts_with("config.toml:3: syntax error: "),
        "{warnings:?}"
    );
    assert!(warnings[0].ends_with("using default settings"));
}

#[test]
fn one_key_may_serve_several_actions_and_names_may_have_digits() {
    // The app binds keys per mode, so the same key for two actions is
    // legitimate (its own defaults do it with Esc).
    let (config, warnings) =
        load("[keys]\nback = \"esc\"\nclear_or_quit = \"esc\"\nopen_link_1 = \"f5\"\n");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(config.keys["clear_or_quit"], vec![spec("esc")]);
    assert_eq!(config.keys["open_link_1"], vec![spec("f5")]);
}

#[test]
fn empty_list_unbinds() {
    let (config, warnings) = load("[keys]\nquit = []\n");
    assert!(warnings.is_empty());
    assert_eq!(config.keys["quit"], Vec::<KeySpec>::new());
}

#[test]
fn print_config_round_trips() {
    let (mut config, _) = load(GOOD);
    config.theme.error = Color::Reset;
    config.keys.insert(
        "odd_keys".into(),
        [
            "\"",
            "\\",
            "ctrl--",
            "space",
            "shift-tab",
            "alt-F12",
            "#",
            "G",
        ]
        .iter()
        .map(|s| spec(s))
        .collect(),
    );
    for original in [Config::default(), config] {
        let text = original.to_toml_string();
        let (back, warnings) = load(&text);
        assert!(warnings.is_empty(), "{warnings:?}\n{text}");
        assert_eq!(back, original, "{text}");
    }
}

#[test]
fn load_reports_missing_explicit_file_and_bad_utf8() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("nope.toml");
    let err = Config::load(Some(&missing)).expect_err("a missing --config file is an error");
    assert_eq!(err.kind(), io::ErrorKind::NotFound);
    assert!(
        err.to_string()
            .contains("nope.toml: cannot read the config file"),
        "{err}"
    );

    let bad = dir.path().join("config.toml");
    fs::write(&bad, b"[view]\nsplit = 30\n\xff\n").expect("write");
    let (_, warnings) = Config::load(Some(&bad)).expect("readable");
    assert!(
        warnings[0]
            .to_string()
            .ends_with("config.toml:3: not valid UTF-8; using default settings"),
        "{warnings:?}"
    );

    let good = dir.path().join("good.toml");
    fs::write(&good, GOOD).expect("write");
    let (config, warnings) = Config::load(Some(&good)).expect("readable");
    assert!(warnings.is_empty());
    assert_eq!(config.view.split, 35);
}

#[cfg(unix)]
#[test]
fn a_fifo_a_device_or_a_huge_config_is_reported_and_defaults_used() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("config.toml");
    let name = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).expect("cstr");
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
    let huge = dir.path().join("huge.toml");
    fs::write(&huge, "# x\n".repeat(300_000)).expect("write");
    for (path, reason) in [
        (fifo.as_path(), "not a regular file"),
        (Path::new("/dev/zero"), "not a regular file"),
        (huge.as_path(), "larger than 1 MiB"),
    ] {
        // Before: blocked for ever on the FIFO, read /dev/zero until memory ran out.
        let (config, warnings) = Config::load(Some(path)).expect("readable");
        assert_eq!(config, Config::default());
        let text = warnings[0].to_string();
        assert!(text.contains(reason), "{text}");
        assert!(text.ends_with("using default settings"), "{text}");
    }
}

#[test]
fn feeds_section_sets_the_interval_and_each_subscription() {
    let text = r#"
[feeds]
fetch_interval = 0

[feeds."http://127.0.0.1/gazette.xml"]
title = "The Gazette"
folder = "Local"
full_text = false

[feeds."http://127.0.0.1/other.xml"]
colour = "red"
full_text = "yes"
"#;
    let (config, warnings) = Config::from_toml_str(text, Path::new("c.toml"));
    assert_eq!(config.feeds.fetch_interval, 0);
    assert_eq!(
        config.feeds.subscriptions,
        [
            SubscriptionConfig {
                url: "http://127.0.0.1/gazette.xml".into(),
                title: Some("The Gazette".into()),
                folder: Some("Local".into()),
                full_text: false,
            },
            SubscriptionConfig {
                url: "http://127.0.0.1/other.xml".into(),
                title: None,
                folder: None,
                full_text: true,
            },
        ]
    );
    let messages: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(messages[0].contains("colour: unknown key"), "{messages:?}");
    assert!(messages[1].contains("full_text"), "{messages:?}");
    // And back: --print-config output loads to the same settings.
    let (again, warnings) = Config::from_toml_str(&config.to_toml_string(), Path::new("p.toml"));
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(again.feeds, config.feeds);
    assert_eq!(Config::default().feeds.fetch_interval, 30);
}

#[test]
fn origin_knows_each_key_entrys_line() {
    let text = "[view]\nsplit = 30\n\n[keys]\nquit = \"q\"\nfly = \"x\"\n";
    let (config, _) = Config::from_toml_str(text, Path::new("my.toml"));
    let warning = config.origin.key_warning("fly", "unknown action".into());
    assert_eq!(warning.to_string(), "my.toml:6: keys.fly: unknown action");
    let elsewhere = config.origin.key_warning("nope", "unknown action".into());
    assert_eq!(elsewhere.to_string(), "my.toml: keys.nope: unknown action");
}
