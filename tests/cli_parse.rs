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

/// `newsreader parse --explain` on `file`: its stdout, after checking it ran.
fn explained(file: &std::path::Path, json: bool) -> String {
    let mut command = newsreader();
    command.args(["parse", "--explain"]);
    if json {
        command.arg("--json");
    }
    let output = command.arg(file).output().expect("run newsreader");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).expect("utf8")
}

fn fixture(path: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

/// The report's line for the page line that reads `text`.
fn report_line<'a>(report: &'a str, text: &str) -> &'a str {
    report
        .lines()
        .find(|l| l.contains(text) && l.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        .unwrap_or_else(|| panic!("no line for {text:?} in:\n{report}"))
}

#[test]
fn explain_names_each_lines_kind_and_the_rule_that_decided_it() {
    let report = explained(&fixture("parser/menu_related_list_headline.txt"), false);
    for (text, kind, rule) in [
        ("Menu", "furniture", "navigation_words"),
        ("Skip to main content", "furniture", "navigation_words"),
        ("Privacy Policy", "furniture", "legal_footer"),
        (
            "Sign up for our newsletter",
            "furniture",
            "account_and_subscription",
        ),
        ("By Jane Doe", "byline", "byline"),
        ("March 3, 2024", "date", "date_line"),
        ("The city council voted", "text", "text"),
    ] {
        let line = report_line(&report, text);
        let words: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(words[2..4], [kind, rule], "{line}");
    }
    // Each line's prose score: story text counts for the story, furniture against.
    let score = |text: &str| -> f32 {
        let line = report_line(&report, text);
        line.split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("{line}"))
    };
    assert!(score("The city council voted") > 0.0, "{report}");
    assert!(score("Menu") < 0.0, "{report}");
    // Where the body ends, and which step ended it.
    assert_eq!(report.matches("<- body ends (").count(), 1, "{report}");
    assert!(
        report_line(&report, "Residents who had opposed the plan")
            .ends_with("<- body ends (prose_run)"),
        "{report}"
    );
}

#[test]
fn explain_ranks_the_chosen_headline_first_with_its_features() {
    let report = explained(&fixture("parser/menu_related_list_headline.txt"), false);
    let headline = "Council approves new riverside park after long debate";
    assert!(
        report_line(&report, headline).ends_with("<- headline"),
        "{report}"
    );
    let ranking = report
        .split("headline candidates, best first")
        .nth(1)
        .expect("a candidates section");
    let first = ranking.lines().nth(1).expect("a first candidate");
    assert!(first.trim_start().starts_with("1. line "), "{first}");
    assert!(first.ends_with(headline), "{first}");
    // Its features follow, each with value × weight = contribution; the
    // byline right under it is one of them.
    let features: Vec<&str> = ranking
        .lines()
        .skip(2)
        .take_while(|l| !l.trim_start().starts_with("2. "))
        .collect();
    assert!(
        features
            .iter()
            .any(|l| l.trim_start().starts_with("near") && l.contains(" × ") && l.contains(" = ")),
        "{features:?}"
    );
    // A related story from the "Most read" list is a candidate ranked lower.
    assert!(ranking.contains("School board delays vote on new uniforms"));
    assert!(
        report
            .lines()
            .any(|l| l.starts_with("headline: line ") && l.ends_with(headline)),
        "{report}"
    );
}

#[test]
fn explain_works_on_html_pages_and_names_the_markups_headline() {
    let report = explained(&fixture("html/explain_menu_headline.html"), false);
    assert!(report.contains("HTML page"), "{report}");
    // The menu in <nav> never reaches the text parser.
    assert!(!report.contains("News"), "{report}");
    assert_eq!(
        report_line(&report, "By Jane Doe")
            .split_whitespace()
            .nth(2),
        Some("byline")
    );
    assert!(
        report.contains(
            "headline: the markup's: Council approves new riverside park after long debate"
        ),
        "{report}"
    );
}

#[test]
fn explain_json_gives_every_feature_of_every_candidate() {
    let out = explained(&fixture("parser/menu_related_list_headline.txt"), true);
    let value: serde_json::Value = serde_json::from_str(out.trim()).expect("one JSON object");
    let candidates = value["candidates"].as_array().expect("candidates");
    assert!(candidates.len() >= 2);
    let features = candidates[0]["features"].as_array().expect("features");
    assert!(features.iter().any(|f| f["name"] == "near"));
    assert!(features.iter().any(|f| f["name"] == "slug_overlap"));
    let chosen = value["title"].as_u64().expect("a chosen line");
    assert_eq!(candidates[0]["line"].as_u64(), Some(chosen));
    assert_eq!(
        value["lines"][chosen as usize]["text"],
        "Council approves new riverside park after long debate"
    );
}

#[test]
fn explain_never_lets_escape_sequences_through() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("hostile.txt");
    std::fs::write(
        &file,
        "Menu\n\nCouncil \x1b]52;c;ZXZpbA==\x07approves \x1b[2Jnew park\u{9b}31m\n\nBy Jane Doe\n\n\
         The city council voted on Tuesday to approve a new park \x1b[31malong the river.\n",
    )
    .expect("write");
    for json in [false, true] {
        let out = explained(&file, json);
        assert!(out.contains("Council"), "{out}");
        assert!(
            !out.contains(['\x1b', '\x07', '\u{9b}']),
            "escape bytes reach the terminal: {out:?}"
        );
    }
}

#[test]
fn explain_without_a_file_is_a_usage_error() {
    let output = newsreader()
        .args(["parse", "--explain"])
        .output()
        .expect("run");
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("PATH"));
}

#[test]
fn explain_reports_an_unreadable_file_and_goes_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let output = newsreader()
        .args(["parse", "--explain"])
        .arg(dir.path().join("missing.txt"))
        .arg(fixture("parser/menu_related_list_headline.txt"))
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("missing.txt"), "{stderr}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("<- headline"), "{stdout}");
}

#[test]
fn explain_shows_the_source_votes_and_the_source_given() {
    let report = explained(&fixture("parser/source_copyright_footer.txt"), false);
    assert!(
        report.contains("source votes")
            && report.contains("  Fjord Post: copyright_company 1.00; 1 mentions")
            && report.contains("\nsource: Fjord Post\n"),
        "{report}"
    );
    // No name voted for: the domain the page writes is the fallback given.
    let report = explained(
        &fixture("parser/source_blog_platform_credit_is_not_the_site.txt"),
        false,
    );
    assert!(
        report.contains("fallback") && report.contains("\nsource: harbourgarden.com\n"),
        "{report}"
    );
}
