//! Rendered-frame tests: the reader drawn into a TestBackend at three sizes, compared
//! with reviewed snapshots (tests/snapshots/), plus style checks on buffer cells
//! (snapshots show text, not colour).

use newsreader::app::{Action, App, Harness};
use newsreader::article::{Article, Related};
use newsreader::ui::Screen;
use newsreader::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

const SIZES: [(u16, u16); 3] = [(120, 40), (80, 24), (40, 12)];

fn short(title: &str, source: &str, date: &str) -> Article {
    Article {
        title: title.to_owned(),
        source: Some(source.to_owned()),
        published: Some(date.to_owned()),
        byline: Some("Staff".to_owned()),
        body: vec![
            format!("First paragraph of “{title}”."),
            "Second paragraph, a little longer, so that it wraps on narrow screens.".to_owned(),
        ],
        word_count: 24,
        ..Default::default()
    }
}

fn long() -> Article {
    let body: Vec<String> = (1..=30)
        .map(|i| {
            format!(
                "Paragraph {i}. Ukraine's MAP (Membership Action Plan) will be a real signal \
                 for Russia, the president said, as allies met to discuss the alliance."
            )
        })
        .collect();
    Article {
        title: "US Won't Commit to NATO Membership for Ukraine".to_owned(),
        dek: Some("Washington says the door stays open, but not yet.".to_owned()),
        byline: Some("Jane Doe".to_owned()),
        source: Some("The Moscow Times".to_owned()),
        published: Some("2021-04-07".to_owned()),
        key_points: vec![
            "Kyiv asked for a Membership Action Plan.".to_owned(),
            "Washington did not commit.".to_owned(),
        ],
        captions: vec!["Soldiers at a checkpoint near Donetsk.".to_owned()],
        subheads: vec![10],
        credits: vec!["Reuters contributed reporting.".to_owned()],
        related: vec![Related {
            title: "Kremlin warns NATO".to_owned(),
            url: Some("https://example.com/kremlin-warns".to_owned()),
        }],
        links: vec!["https://example.com/nato-ukraine".to_owned()],
        word_count: body.iter().map(|p| p.split_whitespace().count()).sum(),
        body,
        path: "nato.txt".to_owned(),
        ..Default::default()
    }
}

fn articles() -> Vec<Article> {
    vec![
        short(
            "Blinken to Lavrov: US to Maintain Ukraine Support",
            "Voice of America",
            "2023-03-02",
        ),
        long(),
        short(
            "Top US Diplomat Raises Navalny, Jailed Americans With Russia",
            "The Moscow Times",
            "2021-04-06",
        ),
        short(
            "Russia’s top military leaders have been refusing calls from US defense officials since the invasion of Ukraine began: report",
            "Business Insider",
            "2022-05-14",
        ),
    ]
}

/// The app as the reader drives it: the filter answers through `update`.
fn app(width: u16, height: u16) -> Harness {
    Harness::new(App::new(articles(), (width, height)))
}

fn draw(app: &App) -> (String, Buffer) {
    draw_with(app, &Theme::default())
}

fn draw_with(app: &App, theme: &Theme) -> (String, Buffer) {
    let (width, height) = app.viewport();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| frame.render_widget(Screen::new(app, theme), frame.area()))
        .expect("draw");
    let backend = terminal.backend();
    (backend.to_string(), backend.buffer().clone())
}

fn typed(app: &mut Harness, text: &str) {
    for c in text.chars() {
        app.apply(Action::FilterInput(c));
    }
}

/// Position of the first cell whose symbol starts `text` on row `y`.
fn find(buf: &Buffer, text: &str) -> Option<(u16, u16)> {
    let area = buf.area;
    for y in 0..area.height {
        let row: String = (0..area.width)
            .map(|x| buf[(x, y)].symbol().to_owned())
            .collect();
        if let Some(byte) = row.find(text) {
            let x = row[..byte].chars().count() as u16;
            return Some((x, y));
        }
    }
    None
}

#[test]
fn start_screen() {
    for (w, h) in SIZES {
        let (screen, _) = draw(&app(w, h));
        insta::assert_snapshot!(format!("start_{w}x{h}"), screen);
    }
}

#[test]
fn filtered_list_with_highlights() {
    for (w, h) in SIZES {
        let mut app = app(w, h);
        typed(&mut app, "russia");
        let (screen, buf) = draw(&app);
        insta::assert_snapshot!(format!("filtered_{w}x{h}"), screen);
        assert!(screen.contains("2 of 4 matches") || w < 40, "{screen}");
        // The best match ("Russia’s top…") is first, its R-u-s-s-i-a highlighted.
        let (x, y) = find(&buf, "Russia’s").expect("best match shown");
        for dx in 0..6 {
            let cell = &buf[(x + dx, y)];
            assert_eq!(
                cell.fg,
                Color::Yellow,
                "matched letter {dx} in accent colour"
            );
            assert!(cell.modifier.contains(Modifier::BOLD));
        }
        let after = &buf[(x + 6, y)];
        assert_ne!(after.fg, Color::Yellow, "unmatched letters stay plain");
        // The selected row carries the marker.
        assert_eq!(
            buf[(x - newsreader::app::geometry::GUTTER as u16, y)].symbol(),
            "▌"
        );
    }
}

#[test]
fn no_matches() {
    for (w, h) in SIZES {
        let mut app = app(w, h);
        typed(&mut app, "zzzz");
        let (screen, _) = draw(&app);
        insta::assert_snapshot!(format!("no_matches_{w}x{h}"), screen);
        assert!(screen.contains("no articles match"), "{screen}");
    }
}

/// The problems view over the reader: each failing feed, its URL and its
/// error (as the library recorded it: DNS, refused, timeout, HTTP status,
/// invalid XML), the web's text cleaned (no escape sequence reaches the frame).
#[test]
fn problems_view() {
    use newsreader::app::problems::FeedProblem;
    let problems = vec![
        FeedProblem::new(
            "Harbour Gazette",
            "http://127.0.0.1:8080/gazette.xml",
            "HTTP 404 Not Found",
        ),
        FeedProblem::new(
            "Night Desk",
            "https://night.invalid/rss",
            "cannot resolve night.invalid (DNS)",
        ),
        FeedProblem::new(
            "Tide\u{1b}[2J Tables",
            "http://127.0.0.1:9/tides.xml",
            "invalid XML: unexpected end\u{9b}6n of document at line 3",
        ),
    ];
    for (w, h) in SIZES {
        let mut app = app(w, h);
        app.apply(Action::FeedProblems(problems.clone()));
        app.apply(Action::ToggleProblems);
        let (screen, _) = draw(&app.app);
        assert!(!screen.contains('\u{1b}') && !screen.contains('\u{9b}'));
        insta::assert_snapshot!(format!("problems_{w}x{h}"), screen);
    }
    // None failing: the view says so.
    let mut app = app(80, 24);
    app.apply(Action::ToggleProblems);
    let (screen, _) = draw(&app.app);
    assert!(
        screen.contains("No feed failed its last fetch."),
        "{screen}"
    );
}

#[test]
fn help_overlay() {
    for (w, h) in SIZES {
        let mut app = app(w, h);
        app.apply(Action::ToggleHelp);
        let (screen, _) = draw(&app);
        insta::assert_snapshot!(format!("help_{w}x{h}"), screen);
        assert!(screen.contains("Keys"), "{screen}");
    }
}

#[test]
fn long_article_scrolled_to_the_end() {
    for (w, h) in SIZES {
        let mut app = app(w, h);
        app.apply(Action::SelectRow(1));
        app.apply(Action::Open);
        app.apply(Action::ScrollBottom);
        let (screen, _) = draw(&app);
        insta::assert_snapshot!(format!("long_article_end_{w}x{h}"), screen);
        assert!(screen.contains("100%"), "{screen}");
        assert!(
            screen.contains("https://example.com/nato-ukraine"),
            "{screen}"
        );
    }
}

#[test]
fn reader_styles_headline_bold_and_captions_dim_italic() {
    let mut app = app(120, 40);
    app.apply(Action::SelectRow(1));
    let (_, buf) = draw(&app);
    let (x, y) = find(&buf, "US Won't Commit").expect("headline in the reader");
    assert!(x > 40, "the reader's headline, not the list row");
    assert!(buf[(x, y)].modifier.contains(Modifier::BOLD));
    app.apply(Action::ScrollBottom);
    let (_, buf) = draw(&app);
    let (x, y) = find(&buf, "Photo: ").expect("caption shown");
    assert!(buf[(x, y)].modifier.contains(Modifier::ITALIC));
    assert_eq!(buf[(x, y)].fg, Color::DarkGray);
}

#[test]
fn tiny_terminals_do_not_panic() {
    for w in 1..=22 {
        for h in 1..=6 {
            let mut app = app(w, h);
            draw(&app);
            typed(&mut app, "ru");
            draw(&app);
            app.apply(Action::Open);
            app.apply(Action::ScrollBottom);
            draw(&app);
            app.apply(Action::ToggleHelp);
            draw(&app);
        }
    }
    let (screen, _) = draw(&app(20, 5));
    insta::assert_snapshot!("start_20x5", screen);
}

#[test]
fn status_line_shows_problems_sanitised() {
    let mut app = app(80, 24);
    app.apply(Action::Status(Some(
        "skipped bad\u{1b}[31m.txt: empty file".to_owned(),
    )));
    let (screen, buf) = draw(&app);
    let last = screen.lines().last().unwrap_or_default();
    assert!(last.contains("skipped bad.txt: empty file"), "{screen}");
    let (x, y) = find(&buf, "skipped").expect("status shown");
    assert_eq!(y, 23);
    assert_eq!(buf[(x, y)].fg, Color::Yellow);
}

#[test]
fn text_from_outside_the_parser_never_reaches_the_screen_raw() {
    let mut evil = short(
        "Tab\there \u{1b}]52;c;ZXZpbA==\u{7}title",
        "Src\tX",
        "2024-01-01",
    );
    evil.body = vec!["Body\twith\ttabs \u{1b}[2J cleared".to_owned()];
    let mut app = Harness::new(App::new(vec![evil], (100, 20)));
    app.apply(Action::Open);
    let (screen, buf) = draw(&app);
    assert!(screen.contains("Tab here title"), "{screen}");
    assert!(screen.contains("Body with tabs  cleared"), "{screen}");
    for cell in buf.content() {
        assert!(!cell.symbol().chars().any(char::is_control), "{cell:?}");
    }
}

/// The screen shown in README.md (kept in step by this snapshot).
#[test]
fn readme_screenshot() {
    let mut app = Harness::new(App::new(articles(), (100, 30)));
    typed(&mut app, "nato");
    let (screen, _) = draw(&app);
    insta::assert_snapshot!("readme_100x30", screen);
}

#[test]
fn no_color_theme_marks_selection_and_matches_without_colour() {
    let mut app = app(80, 24);
    typed(&mut app, "russia");
    let (_, buf) = draw_with(&app, &Theme::monochrome());
    let (x, y) = find(&buf, "Russia’s").expect("best match shown");
    let cell = &buf[(x, y)];
    assert!(
        cell.modifier
            .contains(Modifier::UNDERLINED | Modifier::BOLD)
    );
    assert!(
        cell.modifier.contains(Modifier::REVERSED),
        "selected row reversed"
    );
    assert!(
        buf.content()
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
    );
}

/// Every count on screen has the same form, "1,501 of 12,000": the list's
/// title, the filter bar and the reading pane's position.
#[test]
fn counts_use_one_format_everywhere() {
    let many: Vec<Article> = (0..12_000)
        .map(|i| short(&format!("Headline number {i}"), "Wire", "2024-01-01"))
        .collect();
    let mut app = Harness::new(App::new(many, (120, 40)));
    app.apply(Action::SelectRow(1_500));
    let (screen, _) = draw(&app);
    let lines: Vec<&str> = screen.lines().collect();
    assert!(
        lines[0].contains(" 12,000 of 12,000 ┐"),
        "list title: {}",
        lines[0]
    );
    assert!(
        lines[0].contains(" 1,501 of 12,000 ┐"),
        "reader title: {}",
        lines[0]
    );
    let bar = lines[lines.len() - 2];
    assert!(
        bar.contains(" 12,000 of 12,000 matches"),
        "filter bar: {bar}"
    );
    assert!(!screen.contains("12000"), "{screen}");
    assert!(!screen.contains("12,000/"), "{screen}");
}

/// `NO_COLOR`: every screen (list, article with its dek, caption, links and
/// credits, the help, the status line) uses bold, underline and reverse only:
/// no colour, no dim, no italic.
#[test]
fn no_color_screens_use_only_bold_underline_and_reverse() {
    let allowed = Modifier::BOLD | Modifier::UNDERLINED | Modifier::REVERSED;
    for (w, h) in SIZES {
        let mut app = app(w, h);
        let mono = Theme::monochrome();
        let mut screens = vec![draw_with(&app, &mono).1];
        typed(&mut app, "nato");
        app.apply(Action::Open);
        screens.push(draw_with(&app, &mono).1);
        app.apply(Action::ScrollBottom);
        app.apply(Action::OpenLink(9));
        screens.push(draw_with(&app, &mono).1);
        app.apply(Action::ToggleHelp);
        screens.push(draw_with(&app, &mono).1);
        for buf in &screens {
            for cell in buf.content() {
                assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{cell:?}");
                assert!(allowed.contains(cell.modifier), "{w}x{h}: {cell:?}");
            }
        }
    }
}

/// Unread rows have a dot and a bold headline, starred ones a star; the title
/// names the view and the sort.
#[test]
fn list_marks_unread_and_starred_and_titles_view_and_sort() {
    let mut app = app(120, 40);
    app.apply(Action::SelectRow(1));
    app.apply(Action::ToggleRead);
    app.apply(Action::ToggleStar);
    app.apply(Action::SelectRow(2));
    app.apply(Action::ToggleStar);
    app.apply(Action::CycleSort);
    let (screen, buf) = draw(&app);
    let lines: Vec<&str> = screen.lines().collect();
    assert!(lines[0].contains("Articles · all · newest"), "{screen}");
    assert!(lines[0].contains("4 of 4"), "{screen}");
    // Newest first: 2023 Blinken, 2022 Russia, 2021-04-07 NATO, 2021-04-06 Navalny.
    assert!(lines[1].contains("│ •  Blinken to Lavrov"), "{screen}");
    assert!(
        lines[5].contains("│  ★ US Won't Commit"),
        "read and starred: {screen}"
    );
    assert!(
        lines[7].contains("│▌•★ Top US Diplomat"),
        "selected: {screen}"
    );
    let (x, y) = find(&buf, "★ US Won't").expect("star shown");
    assert_eq!(buf[(x, y)].fg, Color::Yellow);
    let (x, y) = find(&buf, "Blinken to Lavrov").expect("row");
    assert!(
        buf[(x, y)].modifier.contains(Modifier::BOLD),
        "unread is bold"
    );
    let (x, y) = find(&buf, "US Won't Commit").expect("row");
    assert!(
        !buf[(x, y)].modifier.contains(Modifier::BOLD),
        "read is plain"
    );

    app.apply(Action::CycleView);
    app.apply(Action::CycleView);
    let (screen, _) = draw(&app);
    assert!(screen.contains("Articles · starred · newest"), "{screen}");
    assert!(screen.contains("2 of 4"), "{screen}");
    app.apply(Action::SelectRow(0));
    app.apply(Action::ToggleStar);
    app.apply(Action::SelectRow(1));
    app.apply(Action::ToggleStar);
    app.apply(Action::CycleSort); // re-derive: nothing starred now
    let (screen, _) = draw(&app);
    assert!(screen.contains("no starred articles"), "{screen}");
    assert!(screen.contains("F2 changes the view"), "{screen}");
}

/// `text_width` centres a narrower column of text in the reading pane; `split`
/// sets the list's share.
#[test]
fn text_width_and_split_shape_the_layout() {
    let mut app = app(120, 40);
    app.set_view_config(&newsreader::config::ViewConfig {
        text_width: 40,
        split: 30,
        ..Default::default()
    });
    let (_, buf) = draw(&app);
    let (x, _) = find(&buf, "Reader").expect("reader pane");
    assert_eq!(
        x,
        36 + 2,
        "the list takes 30% (36 columns), then the border"
    );
    let (x, _) = find(&buf, "First paragraph").expect("body");
    // Reader inner text area is 84 - 2 (border) - 2 (padding) = 80 wide at 37:
    // a 40-column text starts 20 columns in.
    assert_eq!(x, 36 + 1 + 1 + 20);
}

#[test]
fn full_text_mode_shows_the_body_snippet_with_matches_highlighted() {
    let mut app = app(120, 40);
    app.apply(Action::ToggleFullText);
    typed(&mut app, "checkpoint");
    let (screen, buf) = draw(&app);
    assert!(screen.contains("full text > checkpoint"), "{screen}");
    // "little longer" is in every short article's second paragraph.
    app.apply(Action::FilterClear);
    typed(&mut app, "'little");
    let (screen, buf2) = draw(&app);
    assert!(screen.contains("full text > 'little"), "{screen}");
    let (x, y) = find(&buf2, "little longer").expect("snippet shown under a headline");
    let (_, headline_y) = find(&buf2, "▌").expect("selected row");
    assert_eq!(y, headline_y + 1, "the snippet replaces the source line");
    for dx in 0..6 {
        let cell = &buf2[(x + dx, y)];
        assert_eq!(cell.fg, Color::Yellow, "matched letter {dx} highlighted");
        assert!(cell.modifier.contains(Modifier::BOLD));
    }
    assert_ne!(buf2[(x + 6, y)].fg, Color::Yellow, "the rest is plain");
    let source_line: String = (0..120).map(|x| buf2[(x, y)].symbol().to_owned()).collect();
    let list_part = source_line.split("││").next().unwrap_or_default();
    assert!(
        !list_part.contains("20"),
        "no date where the body matched: {list_part}"
    );
    drop(buf);
}

/// The app drawn with one action remapped to F12 (and nothing else changed).
fn remapped(name: &str, width: u16, height: u16) -> Harness {
    let mut app = app(width, height);
    let mut keys = std::collections::BTreeMap::new();
    keys.insert(
        name.to_owned(),
        vec!["f12".parse::<newsreader::config::KeySpec>().expect("spec")],
    );
    let (keymap, unknown) = newsreader::app::Keymap::new(&keys);
    assert!(unknown.is_empty());
    app.set_keymap(keymap);
    app
}

/// F1 lists every action with the keys as configured: remapping any one of
/// them to F12 shows F12 in the help (the keys that only work while typing a
/// search in the article, or with its matches found, in the hint line there).
#[test]
fn help_shows_every_action_with_its_configured_key() {
    for name in newsreader::app::keymap::action_names() {
        let mut app = remapped(name, 120, 40);
        app.apply(Action::ToggleHelp);
        let (screen, _) = draw(&app);
        if screen.contains("F12") {
            continue;
        }
        app.apply(Action::CloseHelp);
        app.apply(Action::Open);
        app.apply(Action::FindStart);
        let (typing, _) = draw(&app);
        app.apply(Action::FindInput('a'));
        app.apply(Action::FindAccept);
        let (found, _) = draw(&app);
        let hints = [&typing, &found].map(|s| s.lines().last().unwrap_or_default().to_owned());
        assert!(
            hints.iter().any(|h| h.contains("F12")),
            "{name} remapped, not shown:\n{screen}\n{hints:?}"
        );
    }
    // The help's own key, remapped, is named where the help says how to close it.
    let mut app = remapped("help", 120, 40);
    app.apply(Action::ToggleHelp);
    let (screen, _) = draw(&app);
    assert!(
        !screen.contains("F1 ") && !screen.contains("F1/"),
        "{screen}"
    );
}

/// The hint line is made from the keymap too: a remapped action's new key is
/// shown, its old one is not.
#[test]
fn hint_line_shows_the_keys_as_configured() {
    let hint_row = |app: &App| {
        let (screen, _) = draw(app);
        screen.lines().last().unwrap_or_default().to_owned()
    };
    for (name, old, reading) in [
        ("help", "F1 ", false),
        ("toggle_focus", "Tab", false),
        ("page_down", "PgDn", false),
        ("clear_or_quit", "Esc", false),
        ("open", "Enter", false),
        ("next_article", "Ctrl-N", true),
        ("back", "Esc", true),
        ("quit", "Ctrl-C", true),
    ] {
        let mut app = remapped(name, 120, 40);
        if reading {
            app.apply(Action::Open);
        }
        let hint = hint_row(&app);
        assert!(hint.contains("F12"), "{name}: {hint}");
        assert!(!hint.contains(old), "{name}: {old} still in {hint}");
    }
}

/// The filter bar draws its cursor where typing goes: on the letter it stands
/// before (reversed), and keeps it in view in a query longer than the bar.
#[test]
fn filter_bar_draws_the_cursor_where_typing_goes() {
    for (w, h) in SIZES {
        let mut app = app(w, h);
        typed(&mut app, "ukraine nato");
        for _ in 0..4 {
            app.apply(Action::CursorBy(-1));
        }
        let (_, buf) = draw(&app);
        let bar = buf.area.height - 2;
        let (x, y) = find(&buf, "ukraine nato").expect("the query");
        assert_eq!(y, bar);
        let cell = &buf[(x + 8, y)];
        assert_eq!(cell.symbol(), "n", "{w}x{h}");
        assert!(
            cell.modifier.contains(Modifier::REVERSED),
            "{w}x{h}: {cell:?}"
        );
        // A long query with the cursor at its start shows the start.
        let long = "ukraine ".repeat(12);
        let mut app = Harness::new(App::new(articles(), (w, h)));
        typed(&mut app, &long);
        app.apply(Action::CursorStart);
        let (_, buf) = draw(&app);
        let (x, y) = find(&buf, "> ukraine").expect("the start in view");
        assert_eq!(y, bar);
        assert!(buf[(x + 2, y)].modifier.contains(Modifier::REVERSED));
    }
}

/// A match past the width of the list is shown as fzf shows it: "…" and the
/// part of the headline that holds it, matched letters highlighted.
#[test]
fn a_match_past_the_cut_is_shown() {
    for (w, h) in [(80, 24), (40, 12)] {
        let mut app = app(w, h);
        typed(&mut app, "'report");
        let (screen, buf) = draw(&app);
        let (x, y) = find(&buf, "report").unwrap_or_else(|| panic!("{w}x{h}:\n{screen}"));
        assert!(buf[(x, y)].modifier.contains(Modifier::BOLD), "highlighted");
        let row: String = (0..w).map(|x| buf[(x, y)].symbol().to_owned()).collect();
        assert!(row.contains("…"), "{w}x{h}: the start gave way: {row}");
        assert!(!row.contains("Russia’s top"), "{row}");
    }
    // A match that fits leaves the headline's start where it is.
    let mut app = app(40, 12);
    typed(&mut app, "'russia’s");
    let (screen, _) = draw(&app);
    assert!(screen.contains("Russia’s top military"), "{screen}");
}

/// Without a source or a date, a row's second line is the article's opening,
/// not its file name.
#[test]
fn the_second_line_tells_something_about_the_article() {
    let bare = Article {
        title: "Council approves the sea wall".to_owned(),
        body: vec!["The harbour town voted on Tuesday to build a new sea wall.".to_owned()],
        path: "/home/me/news/2024-03-12-article-0042.txt".to_owned(),
        ..Default::default()
    };
    let app = Harness::new(App::new(vec![bare], (80, 24)));
    let (screen, _) = draw(&app);
    assert!(
        screen.contains("The harbour town voted on Tuesday"),
        "{screen}"
    );
    assert!(!screen.contains("article-0042.txt"), "{screen}");
}

/// Under the meta line, the reader says where the article came from: its file
/// (or URL), its site, and the files holding the same content.
#[test]
fn the_reader_shows_where_the_article_came_from() {
    let mut article = long();
    article.url = Some("https://www.example.com/2021/04/07/nato-ukraine".to_owned());
    let key = newsreader::store::marks::ArticleKey::of(&article);
    for (w, h) in SIZES {
        let mut app = Harness::new(App::new(vec![article.clone()], (w, h)));
        app.apply(Action::Open);
        let (screen, _) = draw(&app);
        assert!(
            screen.contains("nato.txt · example.com"),
            "{w}x{h}:\n{screen}"
        );
        app.apply(Action::Copies(vec![(
            key,
            "elsewhere/nato-copy.txt".to_owned(),
        )]));
        let (screen, _) = draw(&app);
        assert!(
            screen.contains("also in elsewhere/nato-"),
            "{w}x{h}:\n{screen}"
        );
    }
    // Without a file, the URL.
    let mut app = Harness::new(App::new(
        vec![Article {
            path: String::new(),
            ..article
        }],
        (120, 40),
    ));
    app.apply(Action::Open);
    let (screen, _) = draw(&app);
    assert!(
        screen.contains("https://www.example.com/2021/04/07/nato-ukraine · example.com"),
        "{screen}"
    );
}

/// The search in the article: its prompt and "n of m" in the bar, every match
/// highlighted, the current one reversed.
#[test]
fn finding_in_the_article_highlights_the_matches() {
    for (w, h) in SIZES {
        let mut app = app(w, h);
        app.apply(Action::SelectRow(1));
        app.apply(Action::Open);
        app.apply(Action::FindStart);
        for c in "alliance".chars() {
            app.apply(Action::FindInput(c));
        }
        let (screen, _) = draw(&app);
        assert!(
            screen.contains("find in article > alliance"),
            "{w}x{h}:\n{screen}"
        );
        app.apply(Action::FindAccept);
        app.apply(Action::FindStep(1));
        let (screen, buf) = draw(&app);
        assert!(screen.contains("2 of 30"), "{w}x{h}:\n{screen}");
        let mut current = 0;
        let mut others = 0;
        // The article's rows (not the bar with the prompt).
        for y in 0..buf.area.height - 2 {
            let row: String = (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_owned())
                .collect();
            let Some(byte) = row.find("alliance") else {
                continue;
            };
            let x = row[..byte].chars().count() as u16;
            let cell = &buf[(x, y)];
            assert!(
                cell.modifier.contains(Modifier::BOLD),
                "{w}x{h}: {cell:?} at {x},{y}\n{screen}"
            );
            if cell.modifier.contains(Modifier::REVERSED) {
                current += 1;
            } else {
                others += 1;
            }
        }
        assert_eq!(current, 1, "{w}x{h}: one current match\n{screen}");
        assert!(others + current >= 1, "{w}x{h}");
    }
}

/// A first run: the bundled articles stand in for an empty library. The
/// list's free space says how to fill it (with the key that fetches, as
/// bound), and the key hints stay whole on the bottom line; a list with no
/// room for the note leaves it out rather than cutting it.
#[test]
fn first_run_note_sits_under_the_articles_and_leaves_the_hints_whole() {
    let welcome =
        "the library is empty: subscribe with `newsreader add URL`, then `newsreader fetch`";
    let mut roomy = app(80, 24);
    roomy.set_welcome(Some(welcome.to_owned()));
    let (screen, buf) = draw(&roomy);
    let rows: Vec<&str> = screen.lines().collect();
    let note = rows
        .iter()
        .position(|r| r.contains("The library is empty"))
        .unwrap_or_else(|| panic!("no note:\n{screen}"));
    let below = rows[note..].join(" ");
    for words in [
        "subscribe with `newsreader add URL`",
        "`newsreader fetch`",
        "F5 fetches",
    ] {
        let squeezed = below.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(squeezed.contains(words), "{words:?} missing:\n{screen}");
    }
    let (x, y) = find(&buf, "The library is empty").expect("note");
    assert_eq!(buf[(x, y)].fg, Theme::default().dim.fg.unwrap_or_default());
    let hints = rows
        .iter()
        .rev()
        .find(|r| !r.trim().is_empty())
        .expect("a bottom line");
    assert!(hints.contains("Enter open"), "{screen}");
    assert!(!hints.contains('…'), "hints cut: {hints}");

    let mut cramped = app(80, 12);
    cramped.set_welcome(Some(welcome.to_owned()));
    let (screen, _) = draw(&cramped);
    assert!(!screen.contains("library is empty"), "{screen}");
    assert!(!screen.contains("newsreader fetch"), "{screen}");
}

/// Where the help does not fit (a small terminal), its arrows and End scroll
/// it to the last row, which a user could not reach before; the footer says
/// which part shows. Another key still closes it.
#[test]
fn help_scrolls_where_it_does_not_fit() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let key = |code| KeyEvent::new(code, KeyModifiers::NONE);
    let mut app = app(40, 12);
    app.apply(Action::ToggleHelp);
    let (top, _) = draw(&app);
    assert!(!top.contains("fetch the subscriptions"), "{top}");
    let mode = app.mode();
    for code in [KeyCode::Down, KeyCode::End] {
        let action = app
            .keymap()
            .map_key(mode, key(code))
            .expect("bound in help");
        app.apply(action);
    }
    let (end, _) = draw(&app);
    assert!(end.contains("subscriptions now"), "{end}");
    // The footer reads "FIRST-LAST of ALL": at the end, LAST is ALL.
    let footer = end
        .lines()
        .rev()
        .find(|l| l.contains(" of "))
        .expect("footer");
    let numbers: Vec<&str> = footer
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty())
        .collect();
    assert!(numbers.len() >= 3 && numbers[1] == numbers[2], "{footer}");
    // Past the end stays at the end.
    app.apply(Action::Scroll(5));
    assert_eq!(draw(&app).0, end);
    let close = app.keymap().map_key(app.mode(), key(KeyCode::Char('x')));
    app.apply(close.expect("closes"));
    assert!(!app.show_help());
}
