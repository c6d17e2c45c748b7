//! Nothing an article holds freezes the reader: jumping to the end of a huge
//! one-paragraph article lays out its last screen only, resizes there stay
//! cheap, and Ctrl-C is answered throughout. (Generous deadlines only: the
//! assertions are about the reader answering at all, not about speed.)

mod common;

use std::time::Duration;

use common::Session;

#[test]
fn end_of_a_huge_paragraph_and_resizes_there_do_not_freeze() {
    let dir = tempfile::tempdir().expect("tempdir");
    let library = dir.path().join("huge.jsonl");
    let mut paragraph = String::with_capacity(32 << 20);
    let mut i = 0u64;
    while paragraph.len() < 30 << 20 {
        paragraph.push_str(&format!("w{i} "));
        i += 1;
    }
    let article = serde_json::json!({
        "title": "Huge headline",
        "body": [paragraph, "The very end."],
    });
    std::fs::write(&library, format!("{article}\n")).expect("write");
    let mut session = Session::start(&[&library], 100, 30);
    session.wait_within("the article", Duration::from_secs(60), |s| {
        s.contains("1 of 1 matches")
    });
    session.send("\r"); // Enter: read it
    session.wait_text("Huge headline");
    session.send("\u{1b}[F"); // End
    session.wait_within("the end, laid out", Duration::from_secs(5), |s| {
        s.contains("The very end.")
    });
    for (cols, rows) in [(80, 24), (120, 40), (90, 30)] {
        session
            .master
            .resize(portable_pty::PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize");
    }
    session.send("\u{1b}[5~"); // PageUp: still answered
    session.wait_within("a page up", Duration::from_secs(5), |s| {
        !s.contains("The very end.") && s.contains(" w")
    });
    session.send("\u{1b}[F");
    session.wait_within("the end again", Duration::from_secs(5), |s| {
        s.contains("The very end.")
    });
    session.quit_and_check_restored();
}
