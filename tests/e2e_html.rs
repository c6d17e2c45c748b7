//! End-to-end: a folder of saved HTML pages opened in the reader (the real
//! binary in a pseudo-terminal) lists their headlines, not their `<title>`s,
//! and opens one without its menus.

mod common;

use common::Session;

fn page(title_tag: &str, headline: &str, paragraph: &str) -> String {
    format!(
        "<!doctype html><html><head><title>{title_tag}</title></head><body>\
         <nav><ul><li><a href='/'>Home</a></li><li><a href='/menu-item'>Menu item</a></li></ul></nav>\
         <article><h1>{headline}</h1><p>{paragraph}</p>\
         <p>A second paragraph makes the story long enough to read as a story, with more words.</p></article>\
         <footer>Site footer text</footer></body></html>"
    )
}

#[test]
fn a_folder_of_html_pages_shows_their_headlines() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pages = [
        (
            "one.html",
            "Site | one",
            "Orchard harvest starts early",
            "Pickers began on the apple trees a fortnight early this year after a warm spring.",
        ),
        (
            "two.htm",
            "Site | two",
            "Bridge reopens early",
            "The old stone bridge reopened to traffic on Thursday after six months of work.",
        ),
        (
            "nested/three.html",
            "Site | three",
            "Choir wins national contest",
            "The village choir took first prize at the national contest in the capital.",
        ),
    ];
    for (name, title_tag, headline, paragraph) in pages {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, page(title_tag, headline, paragraph)).expect("write");
    }
    let mut session = Session::start(&[dir.path()], 100, 24);
    let screen = session.wait_text("3 of 3 matches");
    for (_, title_tag, headline, _) in pages {
        assert!(screen.contains(headline), "{headline} missing:\n{screen}");
        assert!(!screen.contains(title_tag), "{title_tag} shown:\n{screen}");
    }
    session.send("bridge");
    session.wait_text("1 of 3 matches");
    session.send("\r");
    let screen = session.wait_text("six months of work");
    assert!(!screen.contains("Menu item"), "{screen}");
    assert!(!screen.contains("Site footer text"), "{screen}");
    session.quit_and_check_restored();
}
