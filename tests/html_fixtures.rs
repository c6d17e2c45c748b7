//! Invented pages (`tests/fixtures/html/`), one per markup signal or metadata
//! source, each checked for what a reader sees: title, byline, source, date,
//! URL, the body's first and last paragraphs, captions and links, and no
//! furniture, script or hidden text anywhere.

use newsreader::article::html::feed_links;
use newsreader::article::{Article, parse_html};

fn bytes(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/html/{name}.html",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).expect("fixture exists")
}

fn load(name: &str) -> Article {
    parse_html(&bytes(name), None)
}

/// Every text a reader could see, in one string.
fn everything(a: &Article) -> String {
    let mut all = vec![a.title.clone()];
    all.extend(a.dek.clone());
    all.extend(a.byline.clone());
    all.extend(a.body.iter().cloned());
    all.extend(a.captions.iter().cloned());
    all.extend(a.key_points.iter().cloned());
    all.extend(a.credits.iter().cloned());
    all.extend(a.related.iter().map(|r| r.title.clone()));
    all.join("\n")
}

#[test]
fn landmarks_scripts_and_hidden_elements_never_reach_the_reader() {
    let a = load("landmarks_and_hidden");
    assert_eq!(a.title, "Breakwater holds in first storm");
    assert_eq!(a.body.len(), 4, "{:#?}", a.body);
    assert!(a.body[0].starts_with("The harbour authority said on Tuesday"));
    // Entities decoded.
    assert!(a.body[3].ends_with("before the ferry timetable changes & the summer boats arrive."));
    let all = everything(&a);
    for gone in [
        "STYLE TEXT",
        "SCRIPT TEXT",
        "TEMPLATE TEXT",
        "NOSCRIPT TEXT",
        "HIDDEN ATTRIBUTE TEXT",
        "ARIA HIDDEN TEXT",
        "DISPLAY NONE TEXT",
        "ASIDE TEXT",
        "FORM TEXT",
        "FOOTER TEXT",
        "Weather",
    ] {
        assert!(!all.contains(gone), "{gone} reached the article:\n{all}");
    }
    // Where nothing better says what the source is, nothing is made up.
    assert_eq!(a.url, None);
}

#[test]
fn the_visible_h1_matching_og_title_is_the_title_and_meta_tags_fill_the_rest() {
    let a = load("several_h1_og_title");
    assert_eq!(a.title, "Night trains return to the valley line");
    assert_eq!(a.byline.as_deref(), Some("Priya Nandakumar"));
    assert_eq!(a.source.as_deref(), Some("Rail Weekly"));
    assert_eq!(a.published.as_deref(), Some("2021-06-14"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://rail.example.org/2021/06/night-trains-valley")
    );
    assert_eq!(a.body.len(), 3, "{:#?}", a.body);
    assert!(a.body[0].starts_with("Sleeper services will run again"));
    assert!(a.body[2].starts_with("Tickets go on sale next month"));
}

#[test]
fn json_ld_graph_gives_authors_publisher_date_and_url_but_not_the_title() {
    let a = load("json_ld_graph");
    // The visible headline, not <title> or og:title.
    assert_eq!(a.title, "Lake swimming ban lifted after water tests");
    assert_eq!(a.byline.as_deref(), Some("Tomás Ferreira and Inês Duarte"));
    assert_eq!(a.source.as_deref(), Some("The Lakeside Courier"));
    assert_eq!(a.published.as_deref(), Some("2022-08-03"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://example.net/news/lake-swimming")
    );
    assert_eq!(a.body.len(), 3, "{:#?}", a.body);
    assert!(!everything(&a).contains("SEO title"));
}

#[test]
fn an_author_the_page_does_not_show_is_not_a_byline() {
    let a = load("json_ld_array_author_not_shown");
    assert_eq!(a.title, "Grafting apple trees in late winter");
    assert_eq!(a.byline, None);
    assert_eq!(a.source.as_deref(), Some("Orchard Notes"));
    assert_eq!(a.published.as_deref(), Some("2020-02-20"));
    assert_eq!(a.body.len(), 3, "{:#?}", a.body);
}

#[test]
fn figcaptions_and_captionless_figure_alts_are_captions_other_alts_are_not() {
    let a = load("figures_and_captions");
    assert_eq!(a.title, "Old mill reopens as a library");
    assert_eq!(
        a.captions,
        [
            "The restored mill on its first day as a library. Photo: Jan Smit",
            "Readers in the reading room under the roof beams",
        ]
    );
    assert_eq!(a.body.len(), 4, "{:#?}", a.body);
    assert_eq!(a.body[3], "The library will open late on Thursdays.");
    let all = everything(&a);
    assert!(!all.contains("The mill seen from the river"), "{all}");
    assert!(!all.contains("decorative divider"), "{all}");
    assert!(
        !a.body.iter().any(|p| p.contains("Photograph by")),
        "{:#?}",
        a.body
    );
}

#[test]
fn link_lists_and_furniture_classes_are_dropped_quotes_and_body_links_kept() {
    let a = load("link_lists_and_classes");
    assert_eq!(a.title, "Bakery wins regional bread award");
    assert_eq!(a.body.len(), 5, "{:#?}", a.body);
    assert!(a.body[0].starts_with("A family bakery"));
    assert_eq!(
        a.body[2],
        "Read the full list of winners on the award's site."
    );
    // A quoted post keeps its place, though its box is classed "social".
    assert!(a.body[3].starts_with("Queue round the block"));
    assert!(a.body[4].starts_with("The bakery plans to celebrate"));
    let all = everything(&a);
    for gone in [
        "Share on Facebook",
        "Council approves",
        "newsletter",
        "Flour prices",
        "Great news",
    ] {
        assert!(!all.contains(gone), "{gone} reached the article:\n{all}");
    }
    assert_eq!(a.links, ["https://awards.example.org/2023/results"]);
}

#[test]
fn a_run_of_linked_teaser_headings_ends_nothing_but_is_not_the_story() {
    let a = load("teaser_cards");
    assert_eq!(a.title, "Ferry fares frozen for another year");
    assert_eq!(a.body.len(), 3, "{:#?}", a.body);
    assert!(a.body[2].starts_with("Campaigners welcomed the decision"));
    let all = everything(&a);
    assert!(!all.contains("Harbour cafe"), "{all}");
    assert!(!all.contains("Recommended for you"), "{all}");
}

#[test]
fn a_declared_legacy_charset_is_honoured() {
    let a = load("latin1_charset");
    assert_eq!(a.title, "Café owners open a second shop");
    assert_eq!(a.body.len(), 2, "{:#?}", a.body);
    assert!(a.body[0].contains("the café on the square"));
    assert!(a.body[0].contains("on Friday – with twice the seats."));
    assert!(a.body[1].starts_with("«We ran out of room,»"));
}

#[test]
fn body_links_resolve_against_base_and_page_url_and_feeds_are_found() {
    let page = bytes("feeds_and_links");
    let a = parse_html(&page, Some("https://example.com/2024/allotments.html"));
    assert_eq!(a.title, "Allotment waiting list shrinks");
    assert_eq!(
        a.url.as_deref(),
        Some("https://example.com/2024/allotments.html")
    );
    assert_eq!(
        a.links,
        [
            "https://example.com/news/report.pdf",
            "https://tools.example.org/",
        ]
    );
    assert_eq!(
        feed_links(&page, Some("https://example.com/2024/allotments.html")),
        [
            "https://example.com/feed.xml",
            "https://example.com/atom",
            "https://example.com/news/feed.json",
        ]
    );
    // Without the page's address, only absolute feed links can be given.
    assert_eq!(feed_links(&page, None), ["https://example.com/atom"]);
}

#[test]
fn a_headline_styled_without_heading_markup_wins_over_a_logo_h1() {
    let a = load("logo_h1_styled_headline");
    assert_eq!(a.title, "Heron colony returns to the marsh");
    assert_eq!(a.body.len(), 2, "{:#?}", a.body);
    assert!(a.body[0].starts_with("Grey herons have nested"));
}

#[test]
fn a_story_goes_on_after_a_chart_and_keeps_its_later_sections() {
    let a = load("story_sections_after_chart");
    assert_eq!(a.title, "Reservoir levels fall for a third summer");
    assert_eq!(a.byline.as_deref(), Some("Maren Okafor"));
    assert_eq!(a.body.len(), 8, "{:#?}", a.body);
    assert!(a.body[0].starts_with("The valley's two reservoirs held less water"));
    assert_eq!(a.body[3], "What happens next");
    assert_eq!(a.subheads, vec![3]);
    assert!(a.body[7].starts_with("The board also plans to line the feeder canal"));
    // The chart's title and labels are not the story's text.
    let body = a.body.join("\n");
    for label in [
        "Stored water at the end of August",
        "Percent of capacity",
        "2019",
        "Upper lake",
    ] {
        assert!(!body.contains(label), "{label} in the body:\n{body}");
    }
}

#[test]
fn short_lines_inside_the_story_are_kept_in_place() {
    let a = load("story_list_of_short_lines");
    assert_eq!(a.title, "Harbour festival: the week's programme");
    let days = [
        "Monday: opening parade – North Quay",
        "Tuesday: rowing races – Inner Basin",
        "Wednesday: brass bands – Market Square",
        "Thursday: fish market tours – Fish Quay",
        "Friday: lantern procession – Old Bridge",
        "Saturday: fireworks – Harbour Mouth",
    ];
    assert_eq!(a.body.len(), 10, "{:#?}", a.body);
    assert!(a.body[1].starts_with("Organisers say more than forty boats"));
    assert_eq!(a.body[2], "Programme");
    assert_eq!(&a.body[3..9], &days);
    assert!(a.body[9].starts_with("Tickets are not needed"));
    // The related links after the story stay out of it.
    let all = everything(&a);
    assert!(!all.contains("Bus timetable changes"), "{all}");
}

#[test]
fn a_menu_of_short_lines_after_the_prose_is_the_story_repeats_and_all() {
    let a = load("story_menu_of_short_lines_after_prose");
    assert_eq!(a.title, "A week of packed lunches, planned");
    let plan = |name: &'static str, meals: [&'static str; 3]| {
        vec![
            name,
            "Breakfast",
            "Before nine",
            meals[0],
            "Lunch",
            "At noon",
            meals[1],
            "Snack",
            "Mid afternoon",
            meals[2],
        ]
    };
    let mut expected = vec![
        "Packing lunch every morning is easier when the week is planned on Sunday evening, with the shopping done in one trip.",
        "The two plans below use the same few ingredients, so whatever is left from one day goes into the next.",
    ];
    expected.extend(plan(
        "Plan one",
        [
            "Oat porridge, one pear",
            "Bean salad with feta",
            "Carrot sticks, hummus",
        ],
    ));
    expected.extend(plan(
        "Plan two",
        [
            "Rye toast, one egg",
            "Lentil soup, bread roll",
            "Apple, walnuts",
        ],
    ));
    assert_eq!(a.body, expected);
    // The plans' and meals' headings are subheads.
    assert_eq!(a.subheads, vec![2, 3, 6, 9, 12, 13, 16, 19]);
}

#[test]
fn teasers_with_links_in_the_story_box_after_the_prose_stay_out() {
    let a = load("story_box_ends_with_linked_teasers");
    assert_eq!(a.title, "Night trains return to the coast line");
    assert!(a.body[0].starts_with("The overnight service between the capital"));
    assert!(
        a.body
            .last()
            .is_some_and(|p| p.starts_with("Mira Castell writes about railways")),
        "{:#?}",
        a.body
    );
    let all = everything(&a);
    for teaser in [
        "More from Rail Weekly",
        "Freight tunnel opens a year late",
        "Station cafés win a reprieve",
    ] {
        assert!(
            !all.contains(teaser),
            "{teaser} reached the article:\n{all}"
        );
    }
}

#[test]
fn a_related_heading_ends_the_story_with_the_plain_posts_its_box_holds() {
    let a = load("related_heading_opens_box_of_posts");
    assert_eq!(a.title, "Why slow mornings help");
    assert_eq!(a.body.len(), 2, "{:#?}", a.body);
    assert!(a.body[0].starts_with("A slow morning is not a lazy one"));
    assert!(a.body[1].starts_with("Start with one small thing done well"));
    let all = everything(&a);
    for other in [
        "You may also like",
        "Gratitude lives",
        "Friendship is a garden",
        "Courage is often quiet",
    ] {
        assert!(!all.contains(other), "{other} reached the article:\n{all}");
    }
}

#[test]
fn numbered_items_read_with_their_link_lines_are_shown_once() {
    let a = load("numbered_items_with_link_lines");
    assert_eq!(a.title, "Ten board games for a rainy weekend");
    assert_eq!(a.body.len(), 9, "{:#?}", a.body);
    assert_eq!(
        a.body[4],
        "1) Harbour Masters, a trading game for two to four players https://shop.example/harbour"
    );
    for item in [
        "1) Harbour Masters",
        "3) Cloud Atlas Rally",
        "5) Night Ferry",
    ] {
        let times = a.body.iter().filter(|p| p.starts_with(item)).count();
        assert_eq!(times, 1, "{item} shown {times} times:\n{:#?}", a.body);
    }
}
