//! End-to-end: the real binary in a pseudo-terminal, its screen read back with vt100.
//! The harness lives in `common/`.

mod common;

use std::thread;
use std::time::{Duration, Instant};

use common::{DEADLINE, Session, write_articles};
use newsreader::library;

#[test]
fn filter_open_read_and_quit_restores_the_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    write_articles(dir.path());
    let mut session = Session::start(&[dir.path()], 80, 24);
    let screen = session.wait_text("4 of 4 matches");
    for start in [
        "Blinken to Lavrov",
        "US Won't Commit",
        "Top US Diplomat",
        "Russia’s top",
    ] {
        assert!(screen.contains(start), "{start} missing:\n{screen}");
    }
    assert!(
        !screen.contains("Membership Action Plan"),
        "narrow: no reader yet"
    );

    // Fuzzy: "nato" is also a subsequence of two other headlines ("Blinken
    // to Lavrov", "Russia’s top military leaders…"; worked out by hand), but
    // the NATO story ranks first and is selected.
    session.send("nato");
    let screen = session.wait_text("3 of 4 matches");
    let first_row = screen.lines().nth(1).unwrap_or_default();
    assert!(first_row.contains("▌"), "{screen}");
    assert!(first_row.contains("US Won't Commit to NATO"), "{screen}");

    // Smart case: an upper-case query is exact about case, and only one matches.
    session.send("\u{15}NATO"); // Ctrl-U clears, then type
    let screen = session.wait_text("1 of 4 matches");
    assert!(screen.contains("US Won't Commit to NATO Membership for Ukraine"));
    assert!(!screen.contains("Blinken to Lavrov"), "{screen}");

    session.send("\u{1b}[B"); // Down: already on the only row
    session.send("\r"); // Enter opens it full screen
    let screen = session.wait_text("Membership Action Plan");
    assert!(screen.contains("Reader"), "{screen}");

    session.send("\u{1b}"); // Esc goes back to the list
    session.wait_for("the list again", |s| {
        s.contains("Articles") && !s.contains("Reader")
    });
    session.quit_and_check_restored();
}

#[test]
fn bundled_articles_start_filter_and_quit() {
    let articles = library::bundled();
    let titles: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
    let mut session = Session::start(&[] as &[&str], 120, 40);
    let screen = session.wait_text("4 of 4 matches");
    for title in &titles {
        // Headlines are cut to the pane; compare their start.
        let start: String = title.chars().take(30).collect();
        assert!(
            screen.contains(start.trim_end()),
            "{start:?} missing:\n{screen}"
        );
    }

    // Worked out by hand: "nato" is a subsequence of three of the four
    // headlines ("Top US Diplomat Raises Navalny…" has no "o" after its "t"),
    // and the NATO story, where the letters are adjacent, ranks first.
    session.send("nato");
    let screen = session.wait_text("3 of 4 matches");
    assert!(screen.contains("US Won't Commit to NATO"), "{screen}");
    assert!(!screen.contains("Navalny Jailed"), "{screen}");

    session.send("\u{1b}[B\u{1b}[A\r"); // Down, Up (back to the top match), Enter
    // The reader shows the NATO story: page to its quote.
    let start = Instant::now();
    while !session.screen().contains("Membership Action Plan") {
        assert!(start.elapsed() < DEADLINE, "{}", session.screen());
        session.send("\u{1b}[6~"); // PgDn
        thread::sleep(Duration::from_millis(100));
    }
    session.quit_and_check_restored();
}

#[test]
fn mouse_click_selects_and_wheel_moves_through_the_list() {
    let dir = tempfile::tempdir().expect("tempdir");
    write_articles(dir.path());
    let mut session = Session::start(&[dir.path()], 120, 40);
    session.wait_text("4 of 4 matches");
    // SGR mouse report, 1-based: the third article's headline is on screen row 6.
    session.send("\u{1b}[<0;6;6M\u{1b}[<0;6;6m");
    session.wait_text("Blinken voiced concern over jailed");
    // Wheel down over the list moves to the fourth article.
    session.send("\u{1b}[<65;6;6M");
    session.wait_text("The Pentagon said the calls went unanswered");
    session.quit_and_check_restored();
}

#[test]
fn nothing_to_read_exits_with_an_error_and_a_restored_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("missing\u{1b}[31m.txt");
    let mut session = Session::start(&[&missing], 80, 24);
    let start = Instant::now();
    let status = loop {
        if let Some(status) = session.child.try_wait().expect("wait") {
            break status;
        }
        assert!(
            start.elapsed() < DEADLINE,
            "still running:\n{}",
            session.screen()
        );
        thread::sleep(Duration::from_millis(30));
    };
    assert!(!status.success());
    let screen = session.wait_text("no articles to read");
    assert!(
        screen.contains("missing.txt"),
        "file name shown, cleaned: {screen}"
    );
    let parser = session.parser.lock().expect("parser");
    assert!(!parser.screen().alternate_screen());
    assert!(!parser.screen().hide_cursor());
}

#[test]
fn without_a_terminal_it_prints_the_headlines() {
    let output = common::command()
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run newsreader");
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).expect("utf8");
    let titles: Vec<String> = library::bundled().into_iter().map(|a| a.title).collect();
    assert_eq!(stdout.lines().collect::<Vec<_>>(), titles);
    assert!(!stdout.contains('\u{1b}'), "no escape sequences in a pipe");
}

/// Extended search syntax and full-text mode through the real binary, where
/// the filter runs on the worker thread: a body-only word matches nothing until
/// Ctrl-F, and an excluding term drops the one headline that has it.
#[test]
fn search_syntax_and_full_text_mode_work_in_the_reader() {
    let dir = tempfile::tempdir().expect("tempdir");
    write_articles(dir.path());
    let mut session = Session::start(&[dir.path()], 100, 30);
    session.wait_text("4 of 4 matches");

    // "timeline" is in one article's body, in no headline.
    session.send("'timeline");
    let screen = session.wait_text("0 of 4 matches");
    assert!(screen.contains("no articles match"), "{screen}");
    session.send("\u{6}"); // Ctrl-F: terms match bodies too
    let screen = session.wait_text("1 of 4 matches");
    assert!(
        screen.contains("full text"),
        "the bar shows the mode:\n{screen}"
    );
    assert!(screen.contains("US Won't Commit to NATO"), "{screen}");
    session.send("\u{6}"); // and back
    session.wait_text("0 of 4 matches");

    // AND with an exclusion: three headlines contain "ukraine"; "!nato"
    // drops the NATO one.
    session.send("\u{15}'ukraine !nato");
    let screen = session.wait_text("2 of 4 matches");
    assert!(screen.contains("Blinken to Lavrov"), "{screen}");
    assert!(!screen.contains("Commit to NATO"), "{screen}");
    session.quit_and_check_restored();
}
