//! The `parse` subcommand through the real binary: the contract scripts rely on.

use std::process::Command;

mod common;

fn newsreader() -> Command {
    common::command()
}

#[test]
fn parse_json_prints_a_line_per_article_and_names_unreadable_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = dir.path().join("good.txt");
    std::fs::write(
        &good,
        "A plain headline for the test\n\nThe first paragraph of the story, long enough to be a body paragraph.",
    )
    .expect("write");
    let missing = dir.path().join("missing.txt");
    let output = newsreader()
        .args(["parse", "--json"])
        .arg(&missing)
        .arg(&good)
        .output()
        .expect("run newsreader");
    assert!(
        output.status.success(),
        "exit status is 0 even when one file fails"
    );
    let stdout = String::from_utf8(output.stdout).expect("utf8");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1, "one JSON line for the one readable article");
    let value: serde_json::Value = serde_json::from_str(lines[0]).expect("valid JSON");
    for field in [
        "title",
        "dek",
        "byline",
        "source",
        "published",
        "url",
        "key_points",
        "captions",
        "body",
        "credits",
        "related",
        "links",
        "word_count",
        "path",
    ] {
        assert!(value.get(field).is_some(), "field {field} present");
    }
    let stderr = String::from_utf8(output.stderr).expect("utf8");
    assert_eq!(
        stderr.lines().count(),
        1,
        "one line per failed file: {stderr}"
    );
    assert!(stderr.contains("missing.txt"));
}

#[test]
fn parse_without_paths_prints_the_bundled_articles() {
    let output = newsreader()
        .args(["parse", "--json"])
        .output()
        .expect("run");
    assert!(output.status.success());
    assert_eq!(String::from_utf8_lossy(&output.stdout).lines().count(), 4);
}

#[test]
fn wrong_arguments_fail_and_help_and_version_work() {
    let bad = newsreader()
        .args(["parse", "--no-such-flag"])
        .output()
        .expect("run");
    assert!(!bad.status.success());
    let help = newsreader().arg("--help").output().expect("run");
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("Usage:"));
    let version = newsreader().arg("--version").output().expect("run");
    assert!(String::from_utf8_lossy(&version.stdout).contains(env!("CARGO_PKG_VERSION")));
}
