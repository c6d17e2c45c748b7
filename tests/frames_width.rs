//! Display width: CJK, emoji ZWJ sequences, flags, combining marks and
//! right-to-left text laid out by the columns they take. No row spills into the
//! next pane, truncation never cuts a character (grapheme) in half, and matched
//! letters are highlighted on the right cells.

use newsreader::app::{Action, App, update};
use newsreader::article::Article;
use newsreader::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

const CJK: &str = "東京の新しいタワーが完成、観光客が急増する見込みと市が発表";
const FAMILY: &str = "👨\u{200d}👩\u{200d}👧";
const FLAG: &str = "🇺🇦";
const COMBINING: &str = "Cafe\u{301} re\u{301}sume\u{301} nai\u{308}ve";
const RTL: &str = "مرحبا بالعالم שלום עולם";

fn article(title: &str, body: &str) -> Article {
    Article {
        title: title.to_owned(),
        source: Some(format!("{FLAG} Source {FAMILY}")),
        published: Some("2024-01-01".to_owned()),
        body: vec![body.to_owned(), format!("{body} {body}")],
        captions: vec![format!("{CJK}{FAMILY}")],
        links: vec![format!("https://example.com/{CJK}")],
        word_count: 10,
        ..Default::default()
    }
}

/// Titles long enough to be cut in every pane, with the interesting graphemes
/// at every offset.
fn articles() -> Vec<Article> {
    let family_title: String = (0..30)
        .map(|i| format!("a{}{FAMILY}", "b".repeat(i % 3)))
        .collect();
    let flag_title: String = (0..30)
        .map(|i| format!("{}{FLAG}", "x".repeat(i % 2)))
        .collect();
    vec![
        article(&CJK.repeat(3), &CJK.repeat(8)),
        article(&format!("a{}", CJK.repeat(3)), &format!("{CJK} {CJK}")),
        article(&family_title, &format!("{FAMILY} family ").repeat(40)),
        article(&flag_title, &format!("{FLAG}{FLAG} flags ").repeat(40)),
        article(&COMBINING.repeat(8), &COMBINING.repeat(20)),
        article(&format!("{RTL} ").repeat(6), &format!("{RTL} ").repeat(30)),
        article("ニュース東京タワー", &CJK.repeat(2)),
    ]
}

fn draw(app: &App) -> Buffer {
    let (width, height) = app.viewport();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| {
            frame.render_widget(
                ui::Screen::new(app, &ui::theme::Theme::default()),
                frame.area(),
            )
        })
        .expect("draw");
    terminal.backend().buffer().clone()
}

/// The text of cells `x0..x1` on row `y`, skipping the cells covered by the
/// second half of a wide character.
fn row_text(buf: &Buffer, y: u16, x0: u16, x1: u16) -> String {
    let mut text = String::new();
    let mut x = x0;
    while x < x1 {
        let symbol = buf[(x, y)].symbol();
        text.push_str(symbol);
        x += (symbol.width() as u16).max(1);
    }
    text
}

/// The pane's left and right borders are whole on every inner row: nothing
/// spilled over them.
fn assert_borders(buf: &Buffer, pane: Rect, what: &str) {
    if !newsreader::app::geometry::has_border(pane) {
        return;
    }
    for y in pane.y + 1..pane.bottom() - 1 {
        for x in [pane.x, pane.right() - 1] {
            let symbol = buf[(x, y)].symbol();
            assert!(
                matches!(symbol, "│" | "█" | "║" | "┃"),
                "{what}: border at ({x},{y}) is {symbol:?}; row: {:?}",
                row_text(buf, y, pane.x, pane.right())
            );
        }
        // The inside ends exactly at the border: the last inner cell does not hold
        // a wide character whose second half would sit on the border.
        let last = buf[(pane.right() - 2, y)].symbol();
        assert!(
            last.width() <= 1,
            "{what}: wide char against the border at row {y}"
        );
    }
}

/// `shown` (a cut title, maybe ending in "…") is `title` cut at a grapheme
/// boundary.
fn assert_grapheme_prefix(shown: &str, title: &str) {
    let kept = shown.strip_suffix('…').unwrap_or(shown).trim_end();
    assert!(
        title.starts_with(kept),
        "{kept:?} is not a prefix of {title:?}"
    );
    let boundary = title
        .grapheme_indices(true)
        .map(|(i, _)| i)
        .chain([title.len()])
        .any(|i| i == kept.len());
    assert!(boundary, "cut inside a grapheme: {kept:?}");
}

#[test]
fn list_rows_are_cut_by_width_at_grapheme_boundaries_and_stay_in_the_pane() {
    for width in [20, 33, 40, 41, 89, 90, 91, 100, 117, 120, 133, 150] {
        let mut app = App::new(articles(), (width, 40));
        for _ in 0..articles().len() {
            let buf = draw(&app);
            let areas = app.areas();
            let list = areas.list.expect("list shown");
            assert_borders(&buf, list, &format!("list at {width}"));
            if let Some(reader) = areas.reader {
                assert_borders(&buf, reader, &format!("reader at {width}"));
            }
            let inner = newsreader::app::geometry::pane_inner(list);
            for (row, article) in app.articles().iter().enumerate() {
                let y = inner.y + (row * newsreader::app::geometry::ROW_HEIGHT) as u16;
                if y >= inner.bottom() {
                    break;
                }
                let gutter = newsreader::app::geometry::GUTTER;
                let text = row_text(&buf, y, inner.x + gutter as u16, inner.right());
                let shown = text.trim_end();
                assert!(
                    shown.width() <= inner.width as usize - gutter,
                    "{width}: {shown:?} is wider than the pane"
                );
                assert_grapheme_prefix(shown, &article.title);
                if article.title.width() > inner.width as usize - gutter {
                    assert!(
                        shown.ends_with('…'),
                        "{width}: cut without an ellipsis: {shown:?}"
                    );
                }
            }
            update(&mut app, Action::MoveSelection(1));
        }
    }
}

#[test]
fn the_reader_wraps_by_display_width_without_spilling() {
    for (width, height) in [(120, 40), (91, 30), (60, 30), (30, 20), (13, 10)] {
        for index in 0..articles().len() {
            let mut app = App::new(articles(), (width, height));
            update(&mut app, Action::SelectRow(index));
            update(&mut app, Action::Open);
            for _ in 0..4 {
                let buf = draw(&app);
                let areas = app.areas();
                let reader = areas.reader.expect("reader shown");
                assert_borders(&buf, reader, &format!("reader {width}x{height} #{index}"));
                if let Some(list) = areas.list {
                    assert_borders(&buf, list, "list beside the reader");
                }
                let text = newsreader::app::geometry::text_area(reader, app.text_width());
                for y in text.y..text.bottom() {
                    let row = row_text(&buf, y, text.x, text.right());
                    assert!(row.width() <= text.width as usize, "{row:?}");
                }
                update(&mut app, Action::ScrollPages(1));
            }
        }
    }
}

#[test]
fn wrapped_lines_never_split_a_grapheme() {
    for article in articles() {
        for width in 1..50 {
            for line in newsreader::app::reading::article_lines(&article, width) {
                assert!(line.width() <= width.max(2), "{width}: {line:?}");
                for span in &line.spans {
                    let text = span.1.as_str();
                    assert!(
                        !text.starts_with('\u{200d}')
                            && !text.ends_with('\u{200d}')
                            && !text.starts_with('\u{301}')
                            && !text.starts_with('\u{308}'),
                        "{width}: grapheme split at a line break: {text:?}"
                    );
                    let flags = text
                        .chars()
                        .filter(|c| ('\u{1f1e6}'..='\u{1f1ff}').contains(c));
                    // Regional indicators come in pairs on each line.
                    if article.title.contains(FLAG) || text.contains('\u{1f1fa}') {
                        let starts_odd = text
                            .chars()
                            .take_while(|c| ('\u{1f1e6}'..='\u{1f1ff}').contains(c))
                            .count();
                        assert!(
                            starts_odd % 2 == 0 || flags.count() % 2 == 0,
                            "{width}: half a flag: {text:?}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn the_filter_bar_fits_wide_queries() {
    let queries = [
        format!("{CJK}{FAMILY}{FLAG}e\u{301}"),
        format!("{FAMILY}x").repeat(12),
        FLAG.repeat(25),
        "e\u{301}\u{308}".repeat(40),
    ];
    for (width, query) in [12, 20, 39, 40, 41, 80]
        .into_iter()
        .flat_map(|w| queries.iter().map(move |q| (w, q)))
    {
        let mut app = App::new(articles(), (width, 12));
        for c in query.chars() {
            update(&mut app, Action::FilterInput(c));
        }
        let buf = draw(&app);
        let filter = app.areas().filter.expect("filter bar");
        let text = row_text(&buf, filter.y, filter.x, filter.right());
        assert!(text.width() <= width as usize, "{width}: {text:?}");
        assert!(text.starts_with("> "), "{width}: {text:?}");
        let query_shown = text[2..].trim_end();
        // What is shown of the query is its end, starting at a grapheme boundary.
        let count = format!(
            " {} matches",
            newsreader::app::count::of(app.matches().len(), app.articles().len())
        );
        let shown = query_shown.trim_end_matches(count.as_str()).trim_end();
        if !shown.is_empty() {
            let kept = shown.strip_suffix('…').unwrap_or(shown);
            let kept = kept.trim_end();
            if !kept.is_empty() && !shown.ends_with('…') {
                assert!(app.query().ends_with(kept), "{width}: {kept:?}");
                let start = app.query().len() - kept.len();
                assert!(
                    app.query().grapheme_indices(true).any(|(i, _)| i == start),
                    "{width}: query cut inside a grapheme: {kept:?}"
                );
            }
        }
    }
}

#[test]
fn highlights_land_on_the_matched_wide_letters() {
    let mut app = App::new(articles(), (120, 30));
    for c in "東京タ".chars() {
        update(&mut app, Action::FilterInput(c));
    }
    let buf = draw(&app);
    let list = newsreader::app::geometry::pane_inner(app.areas().list.expect("list"));
    // Find the row for "ニュース東京タワー".
    let y = (list.y..list.bottom())
        .find(|&y| row_text(&buf, y, list.x, list.right()).contains("ニュース東京タワー"))
        .expect("row shown");
    let x0 = list.x + newsreader::app::geometry::GUTTER as u16; // after the marker, dot and star
    let cells: Vec<(u16, &str)> = {
        let mut cells = Vec::new();
        let mut x = x0;
        while x < list.right() {
            let symbol = buf[(x, y)].symbol();
            cells.push((x, symbol));
            x += (symbol.width() as u16).max(1);
        }
        cells
    };
    let matched = |x: u16| {
        let cell = &buf[(x, y)];
        cell.fg == Color::Yellow && cell.modifier.contains(Modifier::BOLD)
    };
    for (x, symbol) in cells.iter().take(9) {
        let expected = matches!(*symbol, "東" | "京" | "タ");
        assert_eq!(matched(*x), expected, "{symbol:?} at {x}");
    }
    // The highlighted cells are where the letters are: 東 is the fifth wide
    // character, ten columns in.
    assert_eq!(buf[(x0 + 8, y)].symbol(), "東");
    assert!(matched(x0 + 8) && matched(x0 + 10) && matched(x0 + 12));
    assert!(!matched(x0 + 6) && !matched(x0 + 14));
}

#[test]
fn highlights_after_combining_marks_and_emoji_land_on_the_right_letters() {
    let title = format!("Cafe\u{301} {FAMILY} {FLAG} news");
    let mut app = App::new(vec![article(&title, "body")], (120, 20));
    for c in "news".chars() {
        update(&mut app, Action::FilterInput(c));
    }
    let buf = draw(&app);
    let list = newsreader::app::geometry::pane_inner(app.areas().list.expect("list"));
    let y = list.y;
    let x0 = list.x + newsreader::app::geometry::GUTTER as u16;
    let mut x = x0;
    let mut seen = Vec::new();
    while x < list.right() {
        let cell = &buf[(x, y)];
        let symbol = cell.symbol();
        if cell.fg == Color::Yellow && cell.modifier.contains(Modifier::BOLD) {
            seen.push(symbol.to_owned());
        }
        x += (symbol.width() as u16).max(1);
    }
    assert_eq!(seen, ["n", "e", "w", "s"]);
}
