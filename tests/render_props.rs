//! Property tests: arbitrary articles (control characters, escapes, wide and
//! zero-width characters, very long words) drawn at arbitrary sizes, from nothing
//! at all to 200x60 and at offsets inside a larger buffer, never panic and never
//! put a control character into a cell; arbitrary action sequences through
//! `update` then drawing never panic.

use newsreader::app::{Action, App, update};
use newsreader::article::{Article, Related};
use newsreader::filter::{Match, Ranked};
use newsreader::ui::Screen;
use newsreader::ui::theme::Theme;
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

/// Pieces of hostile and awkward text.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z]{1,8}",
        Just(" ".to_owned()),
        "[\u{0}-\u{1f}\u{7f}-\u{9f}]{1,3}",
        Just("\u{1b}]52;c;ZXZpbA==\u{7}".to_owned()),
        Just("\u{1b}[2J\u{1b}[10;10H".to_owned()),
        Just("\u{1b}]8;;http://x\u{1b}\\".to_owned()),
        Just("\u{9b}6n\u{9d}0;t\u{7}".to_owned()),
        "[\u{4e00}-\u{4e3f}]{1,6}",
        Just("👨\u{200d}👩\u{200d}👧".to_owned()),
        Just("🇺🇦".to_owned()),
        Just("🇺".to_owned()),
        Just("e\u{301}\u{308}".to_owned()),
        Just("\u{301}".to_owned()),
        Just("مرحبا שלום".to_owned()),
        "[\u{202a}-\u{202e}\u{2066}-\u{2069}\u{200b}-\u{200f}\u{feff}]{1,2}",
        Just("\t".to_owned()),
        Just("\r\n".to_owned()),
        "[a-z]{30,200}",
        any::<char>().prop_map(String::from),
    ]
}

fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..max).prop_map(|parts| parts.concat())
}

fn article() -> impl Strategy<Value = Article> {
    (
        text(12),
        prop::option::of(text(4)),
        prop::option::of(text(4)),
        prop::option::of(text(3)),
        prop::collection::vec(text(20), 0..6),
        prop::collection::vec(text(6), 0..3),
        prop::collection::vec(text(4), 0..3),
        prop::collection::vec((text(4), prop::option::of(text(3))), 0..3),
        prop::collection::vec(0usize..10, 0..3),
        any::<usize>(),
        text(3),
    )
        .prop_map(
            |(
                title,
                dek,
                byline,
                source,
                body,
                captions,
                links,
                related,
                subheads,
                words,
                path,
            )| {
                Article {
                    title,
                    dek,
                    byline,
                    source,
                    published: Some("2024-01-01".to_owned()),
                    key_points: captions.clone(),
                    captions,
                    body,
                    subheads,
                    credits: links.clone(),
                    related: related
                        .into_iter()
                        .map(|(title, url)| Related { title, url })
                        .collect(),
                    links,
                    word_count: words,
                    path,
                    ..Default::default()
                }
            },
        )
}

/// Draws `app` into a `width` x `height` area placed at (`x`, `y`) inside a
/// slightly larger buffer, and checks every cell.
fn draw_and_check(app: &App, x: u16, y: u16, width: u16, height: u16) {
    let outer = Rect::new(0, 0, width + x + 1, height + y + 1);
    let mut buf = Buffer::empty(outer);
    let area = Rect::new(x, y, width, height);
    Screen::new(app, &Theme::default()).render(area, &mut buf);
    for (i, cell) in buf.content().iter().enumerate() {
        let symbol = cell.symbol();
        assert!(
            !symbol
                .chars()
                .any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
            "control character in cell {i}: {symbol:?}"
        );
        let (cx, cy) = ((i as u16) % outer.width, (i as u16) / outer.width);
        if !area.contains((cx, cy).into()) {
            assert_eq!(symbol, " ", "drawn outside the area at ({cx},{cy})");
        }
    }
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        Just(Action::Quit),
        any::<isize>().prop_map(Action::MoveSelection),
        (-3isize..3).prop_map(Action::MoveSelection),
        Just(Action::SelectFirst),
        Just(Action::SelectLast),
        any::<usize>().prop_map(Action::SelectRow),
        (0usize..5).prop_map(Action::SelectRow),
        any::<isize>().prop_map(Action::Scroll),
        any::<isize>().prop_map(Action::ScrollPages),
        (-2isize..3).prop_map(Action::ScrollPages),
        Just(Action::ScrollTop),
        Just(Action::ScrollBottom),
        Just(Action::ToggleFocus),
        Just(Action::Open),
        Just(Action::Back),
        Just(Action::ClearOrQuit),
        any::<char>().prop_map(Action::FilterInput),
        "[a-z東]".prop_map(|s| Action::FilterInput(s.chars().next().unwrap_or('a'))),
        Just(Action::FilterBackspace),
        Just(Action::FilterDeleteWord),
        Just(Action::FilterClear),
        Just(Action::ToggleHelp),
        Just(Action::CloseHelp),
        (any::<u16>(), any::<u16>()).prop_map(|(column, row)| Action::Click { column, row }),
        (0u16..130, 0u16..45).prop_map(|(column, row)| Action::Click { column, row }),
        (0u16..130, 0u16..45, any::<bool>()).prop_map(|(column, row, down)| Action::Wheel {
            column,
            row,
            down
        }),
        (0u16..=200, 0u16..=60).prop_map(|(w, h)| Action::Resize(w, h)),
        prop::collection::vec(article(), 0..3).prop_map(|a| Action::ArticlesLoaded(a.into())),
        (
            text(2),
            prop::collection::vec((any::<u32>(), any::<i64>()), 0..4)
        )
            .prop_map(|(query, matches)| Action::FilterResults {
                query,
                options: Default::default(),
                matches: Ranked::new(
                    matches
                        .into_iter()
                        .map(|(index, score)| Match { index, score })
                        .collect()
                ),
            }),
        prop::option::of(text(6)).prop_map(Action::Status),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_articles_render_at_any_size(
        articles in prop::collection::vec(article(), 0..4),
        width in 0u16..=200,
        height in 0u16..=60,
        x in 0u16..3,
        y in 0u16..3,
        query in text(2),
        open in any::<bool>(),
        help in any::<bool>(),
        scroll in any::<bool>(),
    ) {
        let mut app = App::new(articles, (width, height));
        for c in query.chars() {
            update(&mut app, Action::FilterInput(c));
        }
        if open {
            update(&mut app, Action::Open);
        }
        if scroll {
            update(&mut app, Action::ScrollPages(2));
        }
        if help {
            update(&mut app, Action::ToggleHelp);
        }
        update(&mut app, Action::Status(Some(query.clone())));
        draw_and_check(&app, x, y, width, height);
    }

    #[test]
    fn tiny_sizes_render(
        articles in prop::collection::vec(article(), 1..3),
        width in 0u16..=4,
        height in 0u16..=4,
    ) {
        let mut app = App::new(articles, (width, height));
        draw_and_check(&app, 1, 1, width, height);
        update(&mut app, Action::Open);
        update(&mut app, Action::ScrollBottom);
        draw_and_check(&app, 0, 0, width, height);
        update(&mut app, Action::ToggleHelp);
        draw_and_check(&app, 0, 0, width, height);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_actions_then_render_never_panic(
        articles in prop::collection::vec(article(), 0..4),
        actions in prop::collection::vec(action(), 0..24),
    ) {
        let mut app = App::new(articles, (80, 24));
        for action in actions {
            update(&mut app, action);
            let (width, height) = app.viewport();
            draw_and_check(&app, 0, 0, width, height);
        }
    }
}

/// Bytes as they come from disk: text with hostile pieces, or anything at all.
fn file_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(prop_oneof![fragment(), Just("\n\n".to_owned())], 0..40)
            .prop_map(|parts| parts.concat().into_bytes()),
        prop::collection::vec(any::<u8>(), 0..2000),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Whatever the bytes, parsing never panics and no field of the article holds
    /// a control or bidi-override character.
    #[test]
    fn arbitrary_bytes_parse_to_clean_articles(bytes in file_bytes()) {
        let text = newsreader::article::decode::decode_text(&bytes);
        let article = newsreader::article::parse(&text);
        let related = article
            .related
            .iter()
            .flat_map(|r| std::iter::once(&r.title).chain(r.url.as_ref()));
        let fields = std::iter::once(&article.title)
            .chain(article.dek.as_ref())
            .chain(article.byline.as_ref())
            .chain(article.source.as_ref())
            .chain(article.published.as_ref())
            .chain(article.url.as_ref())
            .chain(&article.key_points)
            .chain(&article.captions)
            .chain(&article.body)
            .chain(&article.credits)
            .chain(&article.links)
            .chain(related);
        for field in fields {
            prop_assert!(
                !field
                    .chars()
                    .any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
                "control character in {:?}",
                field
            );
        }
    }
}
