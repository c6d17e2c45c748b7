//! Invented pages of shapes the development set lacks (`tests/fixtures/parser/`),
//! each checked for what a reader wants: the title, byline and date, where the
//! body starts and ends, captions kept once, and no furniture in the body.

use newsreader::article::{Article, decode, parse};

fn load(name: &str) -> Article {
    let path = format!(
        "{}/tests/fixtures/parser/{name}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).expect("fixture exists");
    parse(&decode::decode_text(&bytes))
}

/// What one page must give.
struct Want<'a> {
    title: &'a str,
    byline: Option<&'a str>,
    date: Option<&'a str>,
    first: &'a str,
    last: &'a str,
    paragraphs: Option<usize>,
    absent: &'a [&'a str],
}

fn check(name: &str, w: &Want) -> Article {
    let a = load(name);
    assert_eq!(a.title, w.title, "{name}: {a:#?}");
    assert_eq!(a.byline.as_deref(), w.byline, "{name}: byline");
    assert_eq!(a.published.as_deref(), w.date, "{name}: date");
    let first = a.body.first().map_or("", String::as_str);
    let last = a.body.last().map_or("", String::as_str);
    assert!(
        first.starts_with(w.first),
        "{name}: first paragraph {first:?}"
    );
    assert!(last.starts_with(w.last), "{name}: last paragraph {last:?}");
    if let Some(n) = w.paragraphs {
        assert_eq!(a.body.len(), n, "{name}: {:#?}", a.body);
    }
    for bad in w.absent {
        assert!(
            !a.body.iter().any(|p| p.contains(bad)),
            "{name}: {bad:?} in body {:#?}",
            a.body
        );
    }
    a
}

#[test]
fn section_label_headline_dek_byline_with_role() {
    let a = check(
        "section_label_dek",
        &Want {
            title: "Harbour towns brace for record tides as council votes on new sea wall",
            byline: Some("Maria Lindqvist"),
            date: Some("2023-03-14"),
            first: "The council of the small harbour town",
            last: "The regional government must now approve",
            paragraphs: Some(6),
            absent: &[
                "Residents say",
                "Share",
                "Explore more",
                "Most viewed",
                "Climate",
            ],
        },
    );
    assert_eq!(
        a.dek.as_deref(),
        Some("Residents say the plan comes too late, while engineers warn costs could double")
    );
    assert!(a.is_subhead(4));
}

#[test]
fn local_tv_page_without_blank_lines() {
    check(
        "localtv_noblank",
        &Want {
            title: "City pool reopens after two-year repair",
            byline: Some("Dana Ruiz"),
            date: Some("2022-06-03"),
            first: "SPRINGDALE, Ark. (KXYZ)",
            last: "The pool will be open daily",
            paragraphs: Some(4),
            absent: &[
                "Copyright",
                "Trending",
                "Man arrested",
                "Posted:",
                "LOCAL NEWS",
            ],
        },
    );
}

#[test]
fn blog_post_without_furniture_comes_through_untouched() {
    let a = check(
        "blog_plain",
        &Want {
            title: "My garden in March",
            byline: None,
            date: None,
            first: "I finally got round",
            last: "Next week I will sow",
            paragraphs: Some(3),
            absent: &[],
        },
    );
    assert!(a.dek.is_none() && a.captions.is_empty());
}

#[test]
fn wire_story_with_all_caps_headline_and_dateline() {
    check(
        "wire_allcaps",
        &Want {
            title: "FERRY SERVICE TO NORTH ISLANDS SUSPENDED AFTER ENGINE FIRE",
            byline: Some("Karl Henning"),
            date: None,
            first: "HALDEN, Norway (AW) —",
            last: "The operator said replacement boats",
            paragraphs: Some(3),
            absent: &["Associated Wire"],
        },
    );
}

#[test]
fn lower_case_navigation() {
    check(
        "lowercase_nav",
        &Want {
            title: "Library extends opening hours for exam season",
            byline: Some("Ingrid Sol"),
            date: Some("2023-05-02"),
            first: "The central library will stay open",
            last: "The longer hours start on May 15",
            paragraphs: Some(3),
            absent: &["privacy", "cookies", "contact"],
        },
    );
}

#[test]
fn listicle_keeps_numbered_subheads() {
    let a = check(
        "listicle",
        &Want {
            title: "Five ways to make a long train journey easier",
            byline: Some("Paula Grant"),
            date: Some("2023-04-04"),
            first: "A long journey by rail",
            last: "Most booking sites let you choose",
            paragraphs: Some(7),
            absent: &["Share this", "Related stories"],
        },
    );
    for (i, head) in [(1, "1. Pack light"), (3, "2. Bring your own food")] {
        assert_eq!(a.body[i], head);
    }
}

#[test]
fn live_blog_entries_without_their_timestamps() {
    check(
        "liveblog",
        &Want {
            title: "Storm Elin: roads closed and flights cancelled across the north – live updates",
            byline: Some("Sam Frost"),
            date: Some("2023-02-11"),
            first: "The motorway between",
            last: "Good morning and welcome",
            paragraphs: Some(3),
            absent: &["BST"],
        },
    );
}

#[test]
fn inline_promos_and_ad_labels_are_dropped() {
    let a = check(
        "inline_promos",
        &Want {
            title: "Water bills to rise by a tenth from April",
            byline: Some("Hugo Marsh"),
            date: Some("2023-03-01"),
            first: "Households will pay about a tenth more",
            last: "The new charges take effect on April 1.",
            paragraphs: Some(4),
            absent: &["Read more", "RELATED", "ADVERTISEMENT"],
        },
    );
    assert_eq!(a.related.len(), 2, "{:?}", a.related);
}

#[test]
fn comment_section_after_the_story_is_cut() {
    check(
        "comments",
        &Want {
            title: "Bakery wins national bread award for its rye loaf",
            byline: Some("Elsa Moreau"),
            date: Some("2023-06-12"),
            first: "A small bakery in the old town",
            last: "The judges praised the crust",
            paragraphs: Some(3),
            absent: &["Comments", "Reply", "breadlover", "queue"],
        },
    );
}

#[test]
fn opinion_piece_ends_before_the_author_bio() {
    check(
        "opinion_bio",
        &Want {
            title: "Our cities need more trees, not more car parks",
            byline: Some("Jane Roe"),
            date: None,
            first: "Every summer the streets",
            last: "It is time to turn that around",
            paragraphs: Some(4),
            absent: &["professor of urban planning", "Opinion"],
        },
    );
}

#[test]
fn interview_keeps_questions_and_answers() {
    check(
        "interview",
        &Want {
            title: "\"I still write every morning\": a conversation with novelist Tove Aalto",
            byline: Some("Mark Lind"),
            date: Some("2022-09-09"),
            first: "Tove Aalto has published eleven novels",
            last: "A: A family that runs a small hotel",
            paragraphs: Some(7),
            absent: &[],
        },
    );
}

#[test]
fn hard_wrapped_pdf_text_is_dehyphenated_and_urls_rejoined() {
    let a = check(
        "pdf_wrapped",
        &Want {
            title: "Suburban rail use rises nine per cent, annual report finds",
            byline: Some("Nora Feld"),
            date: None,
            first: "The regional transport authority has published",
            last: "The authority plans to ask",
            paragraphs: Some(3),
            absent: &["expen-", "expen ", "2023/ annual"],
        },
    );
    assert!(a.body[1].contains(" expensive repairs "));
    assert!(a.body[1].contains(
        "https://transport.example.org/reports/2023/annual-report-suburban-lines-final.pdf"
    ));
}

#[test]
fn spanish_page_with_the_same_structure() {
    check(
        "spanish",
        &Want {
            title: "La biblioteca municipal amplía su horario durante los exámenes",
            byline: Some("Lucía Fernández"),
            date: Some("2023-05-03"),
            first: "La biblioteca central permanecerá abierta",
            last: "El personal trabajará turnos adicionales",
            paragraphs: Some(3),
            absent: &["Compartir", "Deportes"],
        },
    );
}

#[test]
fn photo_gallery_captions_once_and_controls_gone() {
    let a = check(
        "gallery",
        &Want {
            title: "Harvest festival draws record crowds to the valley",
            byline: Some("Lars Ekberg"),
            date: Some("2022-10-02"),
            first: "More than forty thousand people",
            last: "Local farmers said sales",
            paragraphs: Some(3),
            absent: &[
                "1 of 12",
                "Photo:",
                "Next",
                "Previous",
                "Visitors browse",
                "Children ride",
            ],
        },
    );
    assert!(
        a.captions.iter().any(|c| c.starts_with("Visitors browse")),
        "{:?}",
        a.captions
    );
}

#[test]
fn very_short_news_brief() {
    check(
        "brief",
        &Want {
            title: "Road closed after water main burst",
            byline: Some("City Desk"),
            date: Some("2023-07-08"),
            first: "A burst water main has closed Bridge Street",
            last: "A burst water main has closed Bridge Street",
            paragraphs: Some(1),
            absent: &[],
        },
    );
}

#[test]
fn very_long_article_keeps_every_paragraph() {
    let a = check(
        "long_read",
        &Want {
            title: "The slow return of the river otter",
            byline: Some("Hanna Berg"),
            date: Some("2023-06-05"),
            first: "The field team counted fresh tracks",
            last: "The ranger on the eastern bank",
            paragraphs: Some(55),
            absent: &["Most read", "Five walks", "bakeries"],
        },
    );
    assert!(a.dek.is_none());
}

#[test]
fn local_tv_page_with_all_caps_menu_and_headline() {
    check(
        "localtv_caps",
        &Want {
            title: "CITY POOL REOPENS AFTER TWO-YEAR REPAIR",
            byline: Some("Dana Ruiz"),
            date: Some("2022-06-03"),
            first: "SPRINGDALE, Ark. (KXYZ)",
            last: "The pool will be open daily",
            paragraphs: Some(4),
            absent: &["Copyright", "Trending", "Man arrested", "School board"],
        },
    );
}

#[test]
fn german_page_with_the_same_structure() {
    check(
        "german",
        &Want {
            title: "Stadtbibliothek verlängert die Öffnungszeiten in der Prüfungszeit",
            byline: Some("Jonas Weber"),
            date: Some("2023-05-03"),
            first: "Die Zentralbibliothek bleibt",
            last: "Das Personal arbeitet",
            paragraphs: Some(3),
            absent: &["Teilen", "Mehr zum Thema", "Startseite"],
        },
    );
}

#[test]
fn question_headline_with_unstopped_dek_and_role_in_byline() {
    let a = check(
        "question_dek",
        &Want {
            title: "Is the housing market about to turn?",
            byline: Some("Tom Aske"),
            date: Some("2023-04-18"),
            first: "House prices fell for the third month",
            last: "Economists are divided",
            paragraphs: Some(3),
            absent: &["Prices fell for a third month in a row, but"],
        },
    );
    assert!(a.dek.is_some_and(|d| d.starts_with("Prices fell")));
}

#[test]
fn short_one_sentence_paragraphs_are_all_kept() {
    check(
        "short_paragraphs",
        &Want {
            title: "Zoo welcomes baby giraffe",
            byline: Some("Mia Holt"),
            date: Some("2023-05-09"),
            first: "A baby giraffe was born",
            last: "Visitors can see her",
            paragraphs: Some(4),
            absent: &[],
        },
    );
}

#[test]
fn lead_photo_caption_with_bracketed_credit() {
    let a = check(
        "caption_credit",
        &Want {
            title: "Rescue crews search for missing hikers in the mountains",
            byline: Some("Ola Nord"),
            date: Some("2023-01-15"),
            first: "Rescue crews resumed the search",
            last: "Police asked anyone",
            paragraphs: Some(4),
            absent: &["Erik Sand", "with dogs"],
        },
    );
    assert_eq!(a.captions.len(), 1);
}

#[test]
fn masthead_in_title_case_above_the_headline() {
    let a = check(
        "masthead_above",
        &Want {
            title: "Council approves new cycle lanes along the ring road",
            byline: Some("Eva Lund"),
            date: Some("2023-03-30"),
            first: "The council approved plans",
            last: "Work will begin in the autumn",
            paragraphs: Some(2),
            absent: &["Gazette"],
        },
    );
    assert!(a.dek.is_none());
}

#[test]
fn aggregator_page_with_name_date_and_reading_time() {
    check(
        "aggregator_name_date",
        &Want {
            title: "Rail strike called off after late-night deal",
            byline: Some("Greta Olsen"),
            date: Some("2023-03-06"),
            first: "A national rail strike",
            last: "Passengers who had already cancelled",
            paragraphs: Some(3),
            absent: &["min read", "Sign up", "morning briefing"],
        },
    );
}

#[test]
fn radio_page_with_audio_controls_and_time_glued_to_the_year() {
    check(
        "radio_audio_controls",
        &Want {
            title: "Scientists map the sound of melting glaciers",
            byline: Some("Lena Vik"),
            date: Some("2023-03-08"),
            first: "Researchers in the far north",
            last: "The recordings will be published",
            paragraphs: Some(3),
            absent: &["Listen", "Playlist", "Embed", "Morning Edition"],
        },
    );
}

#[test]
fn key_points_above_the_story() {
    let a = check(
        "keypoints",
        &Want {
            title: "Schools to get free breakfast for all pupils",
            byline: Some("Ravi Shah"),
            date: Some("2023-01-20"),
            first: "Every primary school pupil will be offered",
            last: "Head teachers welcomed the plan",
            paragraphs: Some(3),
            absent: &["Key points"],
        },
    );
    assert_eq!(a.key_points.len(), 3);
}

#[test]
fn credit_line_at_the_end_gives_the_byline() {
    let a = check(
        "endbyline",
        &Want {
            title: "Harbour festival returns after three years",
            byline: Some("Jonas Berg"),
            date: None,
            first: "The harbour festival will return",
            last: "Tickets for the concerts",
            paragraphs: Some(3),
            absent: &["Reporting by"],
        },
    );
    assert_eq!(a.credits.len(), 1);
}

#[test]
fn pull_quote_shown_once_and_teaser_list_after_the_story_cut() {
    check(
        "pullquote",
        &Want {
            title: "Fishermen fear new quotas will empty the harbour",
            byline: Some("Nils Aby"),
            date: Some("2023-04-02"),
            first: "Fishermen in the northern ports",
            last: "Talks between the ministry",
            paragraphs: Some(4),
            absent: &[
                "More from the coast",
                "Ferry prices",
                "lighthouse",
                "fuel costs",
            ],
        },
    );
}

#[test]
fn label_prefixed_headline_and_updated_timestamp() {
    check(
        "prefix",
        &Want {
            title: "EXCLUSIVE: Airport owner plans second runway despite local opposition",
            byline: Some("Hedda Lie"),
            date: Some("2023-03-03"),
            first: "The owner of the city airport",
            last: "The airport said it did not comment",
            paragraphs: Some(3),
            absent: &["Menu"],
        },
    );
}

#[test]
fn staff_credit_is_the_byline() {
    check(
        "staff_credit",
        &Want {
            title: "Teachers vote to strike over pay",
            byline: Some("Staff Reporter"),
            date: Some("2023-03-02"),
            first: "Teachers in the county voted",
            last: "District officials said",
            paragraphs: Some(3),
            absent: &[],
        },
    );
}

#[test]
fn hard_wrapped_page_without_blank_lines() {
    check(
        "wrapped_noblank",
        &Want {
            title: "Suburban rail use rises nine per cent",
            byline: Some("Nora Feld"),
            date: Some("2023-03-02"),
            first: "The regional transport authority has published",
            last: "The authority plans to ask",
            paragraphs: Some(3),
            absent: &["Share", "Tram line", "HOME"],
        },
    );
}

#[test]
fn wrapped_headline_stays_apart_from_the_timestamp_in_capitals_under_it() {
    check(
        "wrapped_headline_over_caps_timestamp",
        &Want {
            title: "Shares of a small battery maker more than doubled after a carmaker signed a supply contract",
            byline: Some("Tomas Ekberg"),
            date: Some("2024-03-06"),
            first: "Shares of Norrvolt, a battery start-up from northern Sweden, more than doubled on Wednesday after",
            last: "The company said it would hire 300 more workers",
            paragraphs: Some(4),
            absent: &["PUBLISHED", "RELATED", "Carmakers race"],
        },
    );
}

#[test]
fn wrapped_headline_under_a_menu_keeps_apart_from_its_dek() {
    let a = check(
        "wrapped_headline_over_dek_under_menu",
        &Want {
            title: "Glaciers in the southern Alps are melting twice as fast as scientists expected",
            byline: Some("Helena Marwick"),
            date: Some("2024-05-12"),
            first: "The survey, carried out by a team from two universities over six weeks, measured",
            last: "The national weather office said it would review its models",
            paragraphs: Some(4),
            absent: &["Most read", "Sign up", "river towns"],
        },
    );
    assert_eq!(
        a.dek.as_deref(),
        Some(
            "A survey flown over 400 glaciers last summer found the ice thinning by more than a \
             metre a year, far faster than the models used by the national weather office had \
             predicted."
        )
    );
}

#[test]
fn caption_shown_twice_with_a_long_wire_credit_is_one_caption_not_story() {
    let a = check(
        "caption_twice_with_long_wire_credit",
        &Want {
            title: "Cargo capsule burns up over the ocean after losing contact with the station",
            byline: Some("Anna Petrova"),
            date: Some("2024-03-03"),
            first: "PORT CITY — An unmanned cargo capsule",
            last: "A private company is due to send another cargo ship",
            paragraphs: Some(5),
            absent: &["In this photo", "What to Read Next", "Rocket maker"],
        },
    );
    assert_eq!(a.captions.len(), 1, "{:#?}", a.captions);
    assert!(a.captions[0].starts_with("In this photo taken on Monday"));
    // A bracketed note with slashes inside the story is no photo credit.
    assert!(a.body[3].ends_with("[Part 1 / Part 2 / Annex]."));
}

#[test]
fn chinese_headline_over_a_labelled_timestamp_under_a_double_arrow_trail() {
    let a = check(
        "chinese_headline_over_labelled_timestamp",
        &Want {
            title: "城市观察：夜间公交线路半年客流翻番",
            byline: None,
            date: Some("2023-06-12"),
            first: "今年一月开通的六条夜间公交线路",
            last: "专家认为，夜间公交不仅方便了市民出行",
            paragraphs: Some(4),
            absent: &["首页", "图为", "责任编辑", "相关新闻", "地铁末班车"],
        },
    );
    assert_eq!(a.captions, vec!["图为乘客在夜间公交站台候车。".to_string()]);
}

#[test]
fn headline_dek_caption_and_byline_with_city() {
    let a = check(
        "caption_byline_city",
        &Want {
            title: "Wolves return to the lowlands for the first time in a century",
            byline: Some("Erik Moen"),
            date: Some("2023-04-05"),
            first: "Wolves have been seen in the lowland",
            last: "“We are not against the wolf,”",
            paragraphs: Some(4),
            absent: &[
                "Photograph",
                "Explore more",
                "Reuse",
                "Most viewed",
                "Conservationists hail",
            ],
        },
    );
    assert!(
        a.dek
            .is_some_and(|d| d.starts_with("Conservationists hail"))
    );
    assert_eq!(a.captions.len(), 1);
}

/// A headline that starts with a number: its first *letter* is lowercase
/// ("35 killed"), which must not make it a sentence fragment.
#[test]
fn headline_starting_with_a_number() {
    check(
        "number_headline",
        &Want {
            title: "35 killed as floods sweep through northern valley towns",
            byline: Some("Maria Keller"),
            date: Some("2024-03-12"),
            first: "Thirty-five people have died",
            last: "Rescue teams were still searching",
            paragraphs: Some(2),
            absent: &["Share this article"],
        },
    );
}

/// "Von" opens a German byline ("Von Anna Schmidt"), but "Von der Leyen and
/// Scholz clash …" is a headline about her: a credit's first word is a name.
#[test]
fn headline_starting_with_a_name_particle_is_no_byline() {
    check(
        "von_headline",
        &Want {
            title: "Von der Leyen and Scholz clash over farm subsidies at summit",
            byline: Some("Staff Reporter"),
            date: None,
            first: "European Commission president Ursula von der Leyen",
            last: "Diplomats said the dispute",
            paragraphs: Some(2),
            absent: &["Share this article"],
        },
    );
}

/// A page whose scraped text ends with the URL of its visit-counting pixel
/// (kept from a `<noscript>` image) and whose links carry `&amp;` from its
/// HTML: the pixel is no link, and the links are the URLs a browser would open.
#[test]
fn tracking_pixel_is_not_a_link_and_ampersands_are_decoded() {
    let a = check(
        "tracking_pixel_link",
        &Want {
            title: "Harbour council approves new sea wall after record tides",
            byline: Some("Ana Example"),
            date: Some("2024-03-12"),
            first: "The council of the small harbour town",
            last: "Work is to start in the spring",
            paragraphs: Some(2),
            absent: &["scorecardresearch", "&amp;"],
        },
    );
    let story =
        "https://news.example.com/2024/03/12/harbour-towns-plan-for-the-tides?ref=home&src=article";
    assert_eq!(a.links, [story]);
    assert_eq!(a.url.as_deref(), Some(story));
}

/// The publication a page names, from its own text (no URL on these pages).
fn source_of(name: &str) -> Option<String> {
    load(name).source
}

#[test]
fn masthead_name_wins_over_the_parent_company_in_the_footer() {
    assert_eq!(
        source_of("source_masthead_over_parent").as_deref(),
        Some("The Morning Ledger")
    );
}

#[test]
fn copyright_footer_gives_the_holder_without_years_or_suffixes() {
    assert_eq!(
        source_of("source_copyright_footer").as_deref(),
        Some("Fjord Post")
    );
}

#[test]
fn original_article_line_names_the_source() {
    assert_eq!(
        source_of("source_original_article_line").as_deref(),
        Some("Harbour Business Daily")
    );
}

#[test]
fn outlet_after_the_byline_names_the_source() {
    let a = load("source_domain_in_byline");
    assert_eq!(a.byline.as_deref(), Some("Tom Ellis"));
    assert_eq!(a.source.as_deref(), Some("Valleytimes"));
}

#[test]
fn byline_after_a_label_inside_the_date_line() {
    let a = load("byline_label_in_date_line");
    assert_eq!(a.title, "Five lunches you can make on Sunday");
    assert_eq!(a.byline.as_deref(), Some("Test Kitchen"));
}

#[test]
fn organisation_credited_between_headline_and_date() {
    let a = load("byline_organisation_above_date");
    assert_eq!(
        a.title,
        "Tennis Podcast: the new cup format gets mixed reviews in its first week"
    );
    assert_eq!(a.byline.as_deref(), Some("Harbour Sport"));
}

#[test]
fn byline_under_the_second_showing_of_the_headline() {
    let a = load("byline_headline_twice");
    assert_eq!(a.title, "Ferry fares rise for the first time in six years");
    assert_eq!(a.byline.as_deref(), Some("Elsa Nord"));
}

#[test]
fn several_authors_joined_by_commas() {
    let a = load("byline_several_authors");
    assert_eq!(
        a.byline.as_deref(),
        Some("Ada Brandt, Karl Weiss, Lena Vogt")
    );
}

#[test]
fn author_label_with_the_name_on_the_next_line() {
    let a = load("byline_label_then_name");
    assert_eq!(a.title, "Shipping rates fall as the autumn rush ends early");
    assert_eq!(a.byline.as_deref(), Some("Maja Lind"));
    assert!(!a.body.iter().any(|p| p.contains("Publish date")));
}

#[test]
fn credit_timestamp_breadcrumb_and_tag_lines_are_no_headline() {
    let a = load("headline_not_credit_or_timestamp");
    assert_eq!(a.title, "Ferry line to the islands will run all winter");
    assert_eq!(a.byline.as_deref(), Some("Ana Lima"));
    assert!(a.body[0].starts_with("The ferry line"), "{:#?}", a.body);
}

#[test]
fn name_with_an_age_is_the_byline_not_the_headline() {
    let a = load("headline_name_with_age");
    assert_eq!(
        a.title,
        "Original cut of the 1980 space film may return for its anniversary"
    );
    assert_eq!(a.byline.as_deref(), Some("Ola Berg"));
}

#[test]
fn list_after_a_lead_in_is_kept_as_list_items() {
    let a = check(
        "list_after_lead_in",
        &Want {
            title: "Volunteers plan a cleaner river after the spring survey",
            byline: Some("Ruth Okafor"),
            date: Some("2023-04-12"),
            first: "Volunteers who walked the full length",
            last: "Anyone who wants to join the next walk",
            paragraphs: Some(9),
            absent: &["Share this article", "Related stories", "cycle lane"],
        },
    );
    let items: Vec<&str> = a.list_items.iter().map(|&i| a.body[i].as_str()).collect();
    assert_eq!(
        items,
        [
            "Plastic bottles and their caps",
            "Fishing line tangled in the reeds",
            "Food wrappers from the takeaway shops near the bridge",
            "Old tyres, mostly close to the car park",
        ]
    );
    assert!(
        a.body
            .contains(&"The things found most often were:".to_owned())
    );
}

#[test]
fn numbered_section_heads_are_kept_in_portuguese_story() {
    let a = check(
        "numbered_sections",
        &Want {
            title: "Cinco lições do clássico de domingo no estádio municipal",
            byline: Some("Mariana Costa"),
            date: Some("2024-03-10"),
            first: "O clássico de domingo terminou empatado",
            last: "O próximo clássico está marcado",
            paragraphs: Some(8),
            absent: &["Vídeo: os melhores momentos", "Compartilhe", "Leia também"],
        },
    );
    for head in [
        "1. A defesa voltou a sofrer nas bolas aéreas",
        "2. O meio-campo dominou o primeiro tempo",
        "3. As substituições mudaram o jogo",
    ] {
        let at = a.body.iter().position(|p| p == head);
        assert!(at.is_some_and(|i| a.is_subhead(i)), "{head}: {:#?}", a.body);
    }
    assert!(a.list_items.is_empty(), "{:?}", a.list_items);
}

#[test]
fn drop_cap_letter_is_joined_to_its_french_paragraph() {
    check(
        "drop_cap_letter",
        &Want {
            title: "Le vieux phare de l'île rouvre ses portes aux visiteurs",
            byline: Some("Claire Dubois"),
            date: Some("2023-06-02"),
            first: "Le vieux phare de l'île a rouvert ses portes samedi",
            last: "La mairie espère attirer",
            paragraphs: Some(3),
            absent: &["Partager", "Lire aussi"],
        },
    );
}

#[test]
fn chart_figures_between_paragraphs_do_not_end_the_story() {
    check(
        "chart_between_paragraphs",
        &Want {
            title: "City budget: transit spending will overtake road repairs by 2026",
            byline: Some("Daniel Brooks"),
            date: Some("2023-05-04"),
            first: "The city will spend more on buses and trams",
            last: "Several council members said they would push",
            paragraphs: Some(6),
            absent: &["$412", "’24", "Site Index", "Advertisement"],
        },
    );
}

#[test]
fn japanese_paragraphs_without_spaces_read_as_the_story() {
    check(
        "japanese_paragraphs",
        &Want {
            title: "市立図書館、試験期間中の開館時間を延長",
            byline: None,
            date: Some("2023-05-03"),
            first: "市立中央図書館は、試験期間中に限り",
            last: "職員は追加の勤務に入り",
            paragraphs: Some(3),
            absent: &["メニュー", "関連記事", "シェアする"],
        },
    );
}

#[test]
fn italian_footer_names_the_publication_over_its_owner() {
    let a = check(
        "footer_names_publication_over_owner",
        &Want {
            title: "Il mercato coperto riapre dopo due anni di lavori",
            byline: Some("Giulia Ferri"),
            date: Some("2021-05-03"),
            first: "Il mercato coperto del centro storico",
            last: "Il comune ha spiegato",
            paragraphs: Some(3),
            absent: &["Condividi", "Onda Media Group"],
        },
    );
    assert_eq!(a.source.as_deref(), Some("Gazzetta Vela"));
}

#[test]
fn spanish_byline_under_the_story_ends_it_before_the_teasers() {
    let a = check(
        "byline_below_story",
        &Want {
            title: "Cinco hábitos que ayudan a dormir mejor en verano",
            byline: Some("Ana Ruiz"),
            date: None,
            first: "Las noches calurosas del verano",
            last: "Si el insomnio dura más de unas semanas",
            paragraphs: Some(4),
            absent: &[
                "Un desayuno con fruta",
                "LEER MÁS",
                "Artículos relacionados",
            ],
        },
    );
    assert!(a.byline.is_some());
}

#[test]
fn site_named_throughout_beats_its_owner_and_sister_sites() {
    let a = load("source_named_throughout_over_owner_and_sisters");
    assert_eq!(a.source.as_deref(), Some("Quillbyte"));
    assert_eq!(a.byline.as_deref(), Some("Mara Lind"));
}

#[test]
fn menu_lead_the_page_names_throughout_is_the_source() {
    let a = load("source_menu_lead_named_throughout");
    assert_eq!(a.source.as_deref(), Some("ZAPP"));
}

#[test]
fn russian_text_label_after_a_long_standfirst_is_the_byline() {
    let a = load("byline_label_after_long_dek_russian");
    assert_eq!(
        a.title,
        "Мастера вкуса: десять поваров, которые готовят дома лучше ресторанов"
    );
    assert_eq!(a.byline.as_deref(), Some("Ольга Смирнова"));
    // The date glued to the name by a middle dot is the page's date, and the
    // standfirst over the credit is the dek, not the story's first paragraph.
    assert_eq!(a.published.as_deref(), Some("2018-09-24"));
    assert!(
        a.dek
            .as_deref()
            .is_some_and(|d| d.starts_with("Они настоящие мастера домашней кухни"))
    );
    assert!(
        a.body[0].starts_with("Наши герои знают толк"),
        "{:#?}",
        a.body
    );
    assert!(!a.body.iter().any(|p| p.contains("Текст:")));
}

#[test]
fn staff_credit_in_the_date_line_beats_the_subject_named_above() {
    let a = load("byline_staff_credit_in_date_line_under_subject");
    assert_eq!(a.byline.as_deref(), Some("Citybeat Staff"));
    assert_eq!(a.published.as_deref(), Some("2016-03-02"));
}

/// The byline a reader sees for each of these pages (title checked too, so
/// a byline found under the wrong headline does not pass by luck).
fn byline_of_page(name: &str, title: &str) -> Option<String> {
    let a = load(name);
    assert_eq!(a.title, title, "{name}");
    a.byline
}

#[test]
fn outlet_after_two_authors_joined_by_and_is_not_a_third_author() {
    assert_eq!(
        byline_of_page(
            "byline_two_authors_and_outlet",
            "Council votes to close the old harbour bridge to cars next spring"
        )
        .as_deref(),
        Some("Maria Lindqvist and Tom Aske")
    );
}

#[test]
fn particle_glued_to_a_surname_stays_in_the_name() {
    assert_eq!(
        byline_of_page(
            "byline_name_with_glued_particle",
            "Date growers count the cost of a second dry winter"
        )
        .as_deref(),
        Some("Omar al-Rashid")
    );
}

#[test]
fn spanish_names_with_de_los_joined_by_y() {
    assert_eq!(
        byline_of_page(
            "byline_por_names_with_los_particle_spanish",
            "El ayuntamiento cierra el viejo puente del puerto a los coches"
        )
        .as_deref(),
        Some("María de los Ángeles Ruiz y Pedro Gómez")
    );
}

#[test]
fn desk_between_the_place_and_the_date_is_the_byline() {
    assert_eq!(
        byline_of_page(
            "byline_desk_between_place_and_date",
            "Rooftop garden in the old city is not selling clean air by the hour"
        )
        .as_deref(),
        Some("Harbour Herald Bureau")
    );
}

#[test]
fn sponsor_over_the_date_is_no_byline() {
    assert_eq!(
        byline_of_page(
            "byline_none_sponsor_over_date",
            "Five ways to make your emergency fund last longer this winter"
        ),
        None
    );
}

#[test]
fn sponsor_in_the_date_line_is_no_byline() {
    assert_eq!(
        byline_of_page(
            "byline_none_presented_by_in_date_line",
            "Harbour jazz week returns with forty concerts in ten days"
        ),
        None
    );
}

#[test]
fn illustrator_credited_before_the_writer_is_passed_over() {
    assert_eq!(
        byline_of_page(
            "byline_writer_after_illustration_credit",
            "What the new telescope saw in its first week of looking at the sky"
        )
        .as_deref(),
        Some("Maria Lindqvist")
    );
}

#[test]
fn photographer_label_over_the_date_is_no_byline() {
    assert_eq!(
        byline_of_page(
            "byline_none_photos_label_over_date",
            "A week on the ferry islands out of season"
        ),
        None
    );
}

#[test]
fn reporter_label_is_the_byline_and_the_editor_is_not() {
    assert_eq!(
        byline_of_page(
            "byline_reporter_and_editor_labels_indonesian",
            "Dewan kota tutup jembatan pelabuhan lama untuk mobil"
        )
        .as_deref(),
        Some("Rina Wulandari")
    );
}

#[test]
fn name_over_the_writers_handle_above_the_headline() {
    assert_eq!(
        byline_of_page(
            "byline_name_over_handle_above_headline",
            "Shipping stocks rally as freight rates climb for a third week"
        )
        .as_deref(),
        Some("Maria Lindqvist")
    );
}

#[test]
fn site_account_over_the_date_is_the_byline() {
    assert_eq!(
        byline_of_page(
            "byline_account_over_date",
            "How I rebuilt an old garden shed for under fifty pounds"
        )
        .as_deref(),
        Some("harbour_dave77")
    );
}

#[test]
fn site_account_in_the_box_after_the_story_is_the_byline() {
    assert_eq!(
        byline_of_page(
            "byline_account_box_after_story",
            "Ten toys from the eighties that still sell for a fortune"
        )
        .as_deref(),
        Some("retro8090")
    );
}

#[test]
fn signature_under_the_last_paragraph_is_the_byline() {
    assert_eq!(
        byline_of_page(
            "byline_signature_dash_after_story",
            "Why our village needs its post office more than ever"
        )
        .as_deref(),
        Some("Hugo Marsh")
    );
}

#[test]
fn closing_bio_names_the_writer_and_leaves_the_body() {
    let a = load("byline_bio_sentence_closes_story");
    assert_eq!(a.title, "The case for keeping the night trains running");
    assert_eq!(a.byline.as_deref(), Some("Nora Feld"));
    assert!(
        a.body
            .last()
            .is_some_and(|p| p.starts_with("The government should")),
        "{:#?}",
        a.body
    );
}

#[test]
fn writer_label_in_a_slashed_date_line_is_the_byline() {
    assert_eq!(
        byline_of_page(
            "byline_in_slashed_meta_line",
            "The puppet theatre takes its autumn shows outdoors for a week"
        )
        .as_deref(),
        Some("stagedesk")
    );
}

/// The meta line sits over a run of teaser lines; whichever of them is
/// taken for the headline, the writer's label over the story is the byline
/// (and a year with an event's name is not).
#[test]
fn writer_label_in_a_date_line_over_the_story_is_the_byline() {
    let a = load("byline_dated_credit_over_story_start");
    assert_eq!(a.byline.as_deref(), Some("stagedesk"));
}

#[test]
fn year_and_event_name_under_the_headline_is_no_byline() {
    assert_eq!(
        byline_of_page(
            "byline_none_year_and_event_name_under_headline",
            "Forty concerts in ten days as the festival returns to the waterfront"
        ),
        None
    );
}

/// "记者 王芳" inside the source line names the reporter, and the line is
/// no headline.
#[test]
fn chinese_reporter_title_inside_the_source_line() {
    assert_eq!(
        byline_of_page(
            "byline_reporter_title_in_source_line_chinese",
            "市议会决定禁止汽车通行港口旧桥"
        )
        .as_deref(),
        Some("王芳")
    );
}

#[test]
fn by_and_a_name_in_a_script_without_capitals() {
    assert_eq!(
        byline_of_page(
            "byline_by_name_without_capitals_japanese",
            "港の古い橋、来春から車両通行止めに"
        )
        .as_deref(),
        Some("ハーバーライト国際特許事務所")
    );
}

#[test]
fn name_glued_to_the_authors_link_is_the_byline() {
    assert_eq!(
        byline_of_page(
            "byline_name_glued_to_author_link",
            "Harbour Motors shows a convertible version of its big coupe"
        )
        .as_deref(),
        Some("Nora Feld")
    );
}

#[test]
fn role_glued_to_the_name_is_dropped() {
    let a = load("byline_name_glued_to_role");
    assert_eq!(a.byline.as_deref(), Some("Peter Ortiz"));
}

#[test]
fn name_and_date_set_apart_by_spaces_give_the_byline() {
    let a = load("byline_name_and_date_in_columns");
    assert_eq!(a.byline.as_deref(), Some("Lena Okafor"));
    assert_eq!(a.published.as_deref(), Some("2016-02-29"));
}

#[test]
fn a_headline_with_by_inside_a_word_is_no_credit_and_a_timestamp_is_no_headline() {
    let a = load("headline_with_by_inside_a_word");
    assert_eq!(
        a.title,
        "Dear Toby: Neighbour's hedge blocks our garden, but he refuses to trim it"
    );
    assert_eq!(a.byline.as_deref(), Some("Toby Marsh"));
    assert!(
        a.body[0].starts_with("DEAR TOBY: For six years"),
        "{:#?}",
        a.body
    );
}

#[test]
fn a_headline_listing_names_with_commas_is_no_list_of_tags() {
    let a = load("headline_names_with_commas");
    assert_eq!(
        a.title,
        "Carter, Mills, Ben Adeyemi Take Council to Court, Demand Recount"
    );
    assert!(a.body[0].starts_with("Three councillors"), "{:#?}", a.body);
}

#[test]
fn a_line_led_by_a_numeric_date_under_the_headline_is_no_headline() {
    let a = load("headline_date_source_line_under");
    assert_eq!(a.title, "宇航员在太空中怎样喝咖啡？答案出人意料");
    assert!(
        a.body[0].starts_with("在空间站上煮一杯咖啡"),
        "{:#?}",
        a.body
    );
    assert!(a.body.iter().all(|p| !p.contains("来源")), "{:#?}", a.body);
}

#[test]
fn the_full_headline_wins_over_its_shortened_repeat_above_the_story() {
    let a = load("headline_shortened_above_story");
    assert_eq!(a.title, "The Open Garden Project: Better Community Gardens");
    assert!(
        a.body[0].starts_with("We opened the first version"),
        "{:#?}",
        a.body
    );
}

#[test]
fn rows_split_by_the_same_mark_under_the_story_are_a_list() {
    let a = check(
        "parallel_rows_tour_dates",
        &Want {
            title: "The Lanterns announce their first tour in six years",
            byline: Some("Petra Nowak"),
            date: Some("2024-03-03"),
            first: "The Lanterns will return to the road",
            last: "Tickets go on sale on Friday morning",
            paragraphs: Some(9),
            absent: &["Share this story", "Most popular", "Ten albums"],
        },
    );
    let items: Vec<&str> = a.list_items.iter().map(|&i| a.body[i].as_str()).collect();
    assert_eq!(
        items,
        [
            "Sept. 14 – Leeds – Brudenell Social Club",
            "Sept. 16 – Glasgow – Barrowland Ballroom",
            "Sept. 18 – Manchester – Albert Hall",
            "Sept. 21 – Bristol – Thekla",
            "Sept. 23 – London – Roundhouse",
        ]
    );
    assert_eq!(a.body[2], "Tour dates", "the list's heading stays");
}

#[test]
fn numbered_items_keep_the_link_under_each() {
    let a = check(
        "numbered_items_with_links",
        &Want {
            title: "Twelve gifts for people who miss the arcade",
            byline: Some("Nina Rossi"),
            date: Some("2023-11-20"),
            first: "Every year the same friend asks",
            last: "Prices change often",
            paragraphs: Some(7),
            absent: &["Comments", "Related", "board games"],
        },
    );
    let items: Vec<&str> = a.list_items.iter().map(|&i| a.body[i].as_str()).collect();
    assert_eq!(
        items,
        [
            "1) A tabletop cabinet with forty classic games https://shop.example.com/a1",
            "2) A joystick that plugs into any computer https://shop.example.com/a2",
            "3) The illustrated history of the pinball machine https://shop.example.com/a3",
            "4) A neon sign shaped like a coin slot https://shop.example.com/a4",
        ]
    );
}

#[test]
fn a_teaser_of_the_headline_above_gives_way_to_the_story_below() {
    check(
        "headline_teaser_then_story",
        &Want {
            title: "Harbour crane topples in overnight storm",
            byline: Some("Karin Holm"),
            date: Some("2024-03-05"),
            first: "A crane at the container harbour fell onto an empty quay during the storm on Tuesday night, the port",
            last: "The harbour's director said an independent inquiry",
            paragraphs: Some(8),
            absent: &[
                "Council budget vote",
                "What to read next",
                "Weekend weather",
            ],
        },
    );
}

#[test]
fn an_about_the_author_heading_ends_a_german_post() {
    check(
        "about_author_box_german",
        &Want {
            title: "Wie wir unser Lager auf Solarstrom umgestellt haben",
            byline: Some("Anna Weber"),
            date: Some("2024-05-14"),
            first: "Seit dem vergangenen Herbst",
            last: "Wer ähnliche Pläne hat",
            paragraphs: Some(4),
            absent: &["Über Anna Weber", "leitet bei uns", "Weitere Beiträge"],
        },
    );
}

#[test]
fn teaser_cards_inside_the_story_are_left_out() {
    check(
        "teaser_cards_in_story",
        &Want {
            title: "Why a shopping list saves more than coupons do",
            byline: Some("Sam Porter"),
            date: Some("2022-06-02"),
            first: "Most people who try to spend less",
            last: "The habit takes a month to stick",
            paragraphs: Some(5),
            absent: &["impulse buying", "Read more", "overloaded"],
        },
    );
}

#[test]
fn a_quoted_post_and_its_signature_stay_in_the_story() {
    let a = check(
        "embedded_post_quote",
        &Want {
            title: "Mayor defends new bus slogan after a week of jokes online",
            byline: Some("Chris Ndlovu"),
            date: Some("2021-11-18"),
            first: "The mayor on Monday defended",
            last: "The transport office said ridership",
            paragraphs: Some(6),
            absent: &["Share", "Most read"],
        },
    );
    assert_eq!(
        a.body[3..5],
        [
            "Nothing says \"ride with us\" like a bus that never comes. pic.twitter.com/abc123",
            "— Lena Park (@lenapark) November 12, 2021",
        ]
    );
    assert!(
        a.subheads.is_empty(),
        "a post is no subhead: {:?}",
        a.subheads
    );
}

#[test]
fn a_you_may_also_like_heading_ends_the_story_in_portuguese() {
    check(
        "recommendations_after_story_portuguese",
        &Want {
            title: "Feira de livros volta à praça central depois de três anos",
            byline: Some("Beatriz Santos"),
            date: Some("2023-10-12"),
            first: "A feira de livros da cidade",
            last: "Mais de sessenta editoras",
            paragraphs: Some(2),
            absent: &["pode gostar", "festival de inverno", "cursos de férias"],
        },
    );
}

#[test]
fn korean_columnist_signing_off_the_story_is_the_byline() {
    let a = load("byline_korean_columnist_signoff");
    assert_eq!(a.title, "드라마 속 주인공이 시청자를 사로잡는 이유");
    assert_eq!(a.byline.as_deref(), Some("김하늘"));
    assert_eq!(a.body.len(), 3);
}

#[test]
fn chinese_author_label_under_the_story_is_the_byline() {
    let a = load("byline_chinese_author_label");
    assert_eq!(a.title, "宇航员能在太空喝酒吗");
    assert_eq!(a.byline.as_deref(), Some("林小雨"));
}

#[test]
fn wire_service_named_in_the_date_line_and_the_lead_is_the_byline() {
    let a = load("byline_wire_service_in_date_line");
    assert_eq!(
        a.title,
        "Port authority opens inquiry into crane contractor"
    );
    assert_eq!(a.byline.as_deref(), Some("Nordpress"));
}

#[test]
fn section_label_above_the_date_is_no_byline_in_italian() {
    let a = load("byline_section_label_above_date_italian");
    assert_eq!(
        a.title,
        "Natale al cinema: i dieci film da rivedere con la famiglia"
    );
    assert_eq!(a.byline, None);
}

#[test]
fn agency_over_the_published_line_is_the_byline() {
    let a = load("byline_agency_over_published_line");
    assert_eq!(a.byline.as_deref(), Some("Associated Press"));
    assert_eq!(a.published.as_deref(), Some("2019-11-19"));
}

#[test]
fn name_before_a_day_first_date_is_the_byline_in_portuguese() {
    let a = load("byline_name_then_day_first_date_portuguese");
    assert_eq!(a.title, "Como ler em voz alta para crianças pequenas");
    assert_eq!(a.byline.as_deref(), Some("Marta Ribeiro"));
    assert_eq!(a.published.as_deref(), Some("2021-10-14"));
}

#[test]
fn category_line_after_a_short_post_is_no_byline_in_portuguese() {
    let a = load("byline_none_category_line_after_short_post_portuguese");
    assert_eq!(a.title, "Só a amizade verdadeira fica…");
    assert_eq!(a.byline, None);
}

#[test]
fn name_and_date_over_the_headline_past_the_buttons_is_the_byline() {
    let a = load("byline_name_and_date_far_above_headline");
    assert_eq!(a.title, "Harbour Maps: Charting the Old Port");
    assert_eq!(a.byline.as_deref(), Some("Ines Falk"));
}

#[test]
fn pieces_of_the_headline_under_it_are_not_the_byline() {
    let a = load("byline_headline_piece_over_name");
    assert_eq!(a.title, "The Open Map Project: Better Harbour Charts");
    assert_eq!(a.byline.as_deref(), Some("Nils Aberg"));
}

#[test]
fn share_buttons_and_todays_paper_are_no_byline() {
    let a = load("byline_none_share_row_and_paper_link");
    assert_eq!(a.title, "Ferry timetable changes from Monday");
    assert_eq!(a.byline, None);
}

#[test]
fn oleh_credits_two_authors_in_indonesian() {
    let a = load("byline_oleh_two_authors_indonesian");
    assert_eq!(a.byline.as_deref(), Some("Rina Wulandari dan Budi Santoso"));
}

#[test]
fn avtor_credits_two_authors_in_russian() {
    let a = load("byline_avtor_two_authors_russian");
    assert_eq!(a.title, "В городе открылась новая библиотека на набережной");
    assert_eq!(a.byline.as_deref(), Some("Иван Петров и Анна Козлова"));
}

#[test]
fn por_credits_two_authors_joined_with_e_in_portuguese() {
    let a = load("byline_por_two_authors_joined_with_e_portuguese");
    assert_eq!(a.byline.as_deref(), Some("Ana Lima e João Silva"));
    assert_eq!(a.published.as_deref(), Some("2024-03-14"));
}

#[test]
fn author_box_after_the_story_gives_the_byline() {
    let a = load("byline_about_the_author_box_only");
    assert_eq!(
        a.title,
        "How to keep basil alive on a windowsill all winter"
    );
    assert_eq!(a.byline.as_deref(), Some("Greta Lindholm"));
}

#[test]
fn name_under_a_row_of_share_buttons_is_the_byline() {
    let a = load("byline_name_past_share_buttons");
    assert_eq!(
        a.title,
        "Focus: why some small businesses grow online and others never do"
    );
    assert_eq!(a.byline.as_deref(), Some("Karin Holm"));
}

#[test]
fn menu_item_under_a_reading_bar_headline_is_no_byline() {
    let a = load("byline_reading_bar_over_menu");
    assert_eq!(
        a.title,
        "Ferry operator cuts night crossings for the winter"
    );
    assert_eq!(a.byline, None);
}

#[test]
fn prose_without_end_marks_in_portuguese_is_the_story() {
    let a = check(
        "prose_without_end_marks_portuguese",
        &Want {
            title: "Quem planta esperança colhe…",
            byline: None,
            date: None,
            first: "Há quem passe a vida esperando",
            last: "",
            paragraphs: None,
            absent: &[
                "Whatsapp",
                "Crônicas »",
                "O tempo ensina",
                "A amizade verdadeira",
            ],
        },
    );
    assert!(
        a.body
            .iter()
            .any(|p| p.starts_with("Não se trata de ignorar")),
        "{:#?}",
        a.body
    );
}

#[test]
fn ad_slots_between_the_parts_of_a_long_story_do_not_end_it() {
    check(
        "story_with_ad_slots_between_parts",
        &Want {
            title: "Lighthouse goes dark after 112 years",
            byline: Some("Mara Lind"),
            date: Some("2023-06-04"),
            first: "The old lighthouse on the northern cape",
            last: "The last keeper's log entry",
            paragraphs: Some(10),
            absent: &["Advertisement", "Harbour fees", "County Archive"],
        },
    );
}

#[test]
fn sections_of_a_heading_over_a_long_paragraph_are_all_story() {
    let a = check(
        "sections_heading_over_paragraph",
        &Want {
            title: "Island ferry repairs to take until August",
            byline: Some("Ewan Ross"),
            date: Some("2023-05-02"),
            first: "The island's main ferry will be out of service",
            last: "Most of the people we spoke to",
            paragraphs: Some(9),
            absent: &["Share this story", "Island Courier"],
        },
    );
    let heads: Vec<&str> = a.subheads.iter().map(|&i| a.body[i].as_str()).collect();
    assert_eq!(
        heads,
        [
            "Why the ferry matters",
            "What went wrong this time",
            "What the council will do",
            "What residents say"
        ]
    );
}

#[test]
fn headline_ending_with_a_full_stop_over_its_timestamp() {
    check(
        "headline_ending_with_full_stop",
        &Want {
            title: "Millbrook keeps its library open. For now.",
            byline: Some("Petra Nowak"),
            date: Some("2024-03-04"),
            first: "The Millbrook town council voted five to two",
            last: "The library's director said she was grateful",
            paragraphs: Some(4),
            absent: &["Most Read", "Storm knocks out power", "Local News"],
        },
    );
}

#[test]
fn spanish_headline_ending_with_a_full_stop_over_its_date() {
    check(
        "headline_ending_with_full_stop_spanish",
        &Want {
            title: "La biblioteca de Millbrook sigue abierta. Por ahora.",
            byline: Some("Lucía Fernández"),
            date: Some("2024-03-04"),
            first: "El ayuntamiento de Millbrook votó el lunes",
            last: "La directora de la biblioteca dijo",
            paragraphs: Some(4),
            absent: &["Lo más leído", "Una tormenta deja sin luz"],
        },
    );
}

#[test]
fn japanese_headline_ending_in_a_question_opens_the_story_under_a_breadcrumb() {
    let a = load("headline_cjk_question_opens_story");
    assert_eq!(a.title, "古い看板の再利用は商標法違反に！？");
    assert!(a.body[0].starts_with("先日、ある商店街で"), "{:#?}", a.body);
    assert!(
        !a.body.iter().any(|p| p.contains("ブログ >")),
        "{:#?}",
        a.body
    );
}

#[test]
fn promo_right_above_the_story_sharing_none_of_its_words_is_not_the_headline() {
    check(
        "headline_above_promo_sharing_no_story_words",
        &Want {
            title: "Harbour ferry fares to rise by a tenth in April",
            byline: Some("Karin Holm"),
            date: Some("2024-03-12"),
            first: "The harbour authority said on Tuesday",
            last: "The authority said the new boats",
            paragraphs: Some(4),
            absent: &["Ten gadgets", "Our pick of the kit"],
        },
    );
}

#[test]
fn domain_a_press_release_writes_is_the_source_when_nothing_names_the_site() {
    // Social networks written more often, and the author's own mail host,
    // are not the site.
    let a = load("source_domain_written_by_press_release");
    assert_eq!(a.source.as_deref(), Some("quillharbor.com"));
}

#[test]
fn domain_opening_the_story_as_its_dateline_beats_the_owner_in_the_footer() {
    let a = load("source_domain_as_dateline_over_owner");
    assert_eq!(a.title, "Ferry strike ends after three days of talks");
    assert_eq!(a.source.as_deref(), Some("Tidewatch"));
}

#[test]
fn portuguese_footer_giving_a_name_and_its_years_names_the_source() {
    let a = load("source_footer_name_and_years_without_mark");
    assert_eq!(a.byline.as_deref(), Some("Marta Lemos"));
    assert_eq!(a.source.as_deref(), Some("Caderno Brincante"));
}

#[test]
fn site_posting_under_its_own_name_is_the_source() {
    let a = load("source_site_name_as_byline");
    assert_eq!(a.source.as_deref(), Some("HarbourBeat"));
}

#[test]
fn outlet_in_capitals_after_the_byline_is_the_source() {
    let a = load("source_outlet_in_capitals_after_byline");
    assert_eq!(a.byline.as_deref(), Some("Ann Lee and Tom Park"));
    assert_eq!(a.source.as_deref(), Some("HARBOUR LEDGER"));
}

#[test]
fn welcome_line_names_the_site_before_its_possessive() {
    let a = load("source_welcome_to_the_site_possessive");
    assert_eq!(a.source.as_deref(), Some("Harbour Ledger"));
}

#[test]
fn chinese_rights_line_names_the_source_with_the_domain_the_footer_writes() {
    let a = load("source_chinese_rights_line_and_domain");
    assert_eq!(a.title, "海外留学生谈家乡的新变化");
    assert_eq!(a.source.as_deref(), Some("海港日报 (Haigang.cn)"));
}

#[test]
fn follow_and_like_lines_name_the_site_without_the_network() {
    let a = load("source_follow_on_network_line");
    assert_eq!(a.source.as_deref(), Some("Harbour Evening News"));
}

#[test]
fn blog_platform_in_the_footer_is_not_the_source() {
    let a = load("source_blog_platform_credit_is_not_the_site");
    assert_eq!(a.source.as_deref(), Some("harbourgarden.com"));
}

#[test]
fn from_label_names_the_publication_over_the_owner_in_the_footer() {
    let a = load("source_from_label_over_owner");
    assert_eq!(a.byline.as_deref(), Some("Ella Marsh"));
    assert_eq!(a.source.as_deref(), Some("Harbour Sun"));
}

#[test]
fn a_club_to_join_is_not_the_site() {
    let a = load("source_join_line_is_a_club_not_the_site");
    assert_eq!(a.source.as_deref(), Some("Lantern Cannon Entertainment"));
}

#[test]
fn outlet_the_author_writes_for_is_the_source() {
    let a = load("source_byline_for_outlet");
    assert_eq!(a.byline.as_deref(), Some("Rosa Hale"));
    assert_eq!(a.source.as_deref(), Some("Harbour Weekly"));
}

#[test]
fn footer_copyright_beats_a_wire_credit_above_it() {
    // The agency's copyright under the story credits the wire story, not
    // the page.
    let a = load("source_wire_credit_above_footer_copyright");
    assert_eq!(a.source.as_deref(), Some("Harbour Broadcasting"));
}

#[test]
fn name_at_the_top_and_beside_the_footer_copyright_beats_the_parent() {
    let a = load("source_logo_beside_footer_copyright");
    assert_eq!(a.source.as_deref(), Some("Quillnet"));
}

#[test]
fn a_menu_written_at_the_top_and_in_the_footer_is_not_the_site() {
    let a = load("source_menu_repeated_in_footer");
    assert_eq!(a.source.as_deref(), Some("Harbour Broadcasting"));
}

#[test]
fn a_title_case_teaser_saying_is_part_of_names_no_site() {
    let a = load("source_title_case_teaser_before_is_part_of");
    assert_eq!(a.title, "Harbour museum reopens after two years");
    assert_eq!(a.source.as_deref(), Some("Harbour Broadcasting"));
}

#[test]
fn name_the_written_domain_spells_beats_a_copyright_holder() {
    let a = load("source_name_the_domain_spells_over_holder");
    assert_eq!(a.source.as_deref(), Some("Harbour Post"));
}

#[test]
fn company_line_of_an_imprint_names_a_company_blog() {
    let a = load("source_imprint_company_line");
    assert_eq!(a.byline.as_deref(), Some("Jana Beispiel"));
    assert_eq!(a.source.as_deref(), Some("harbourwrap"));
}

#[test]
fn syndicated_post_line_names_the_site_it_appeared_on() {
    let a = load("source_post_appeared_first_on");
    assert_eq!(a.title, "Harbour town adds a night bus");
    assert_eq!(a.source.as_deref(), Some("Tide Notes"));
}

#[test]
fn copyright_holder_ends_at_a_dot_separated_link_row() {
    let a = load("source_copyright_dot_separated_footer");
    assert_eq!(a.source.as_deref(), Some("Harbour Notes"));
}

#[test]
fn copyright_holder_ends_at_a_reservation_in_russian() {
    let a = load("source_copyright_reservation_in_russian");
    assert_eq!(a.source.as_deref(), Some("Harbour Vestnik"));
}

/// "저작권자 ⓒ 한빛일보 무단전재 및 재배포 금지": "copyright holder" before the
/// mark is no name, and the holder ends where "no reproduction" starts; the
/// Korean name goes with the domain the page writes.
#[test]
fn korean_copyright_line_names_its_holder_not_the_word_for_holder() {
    let a = load("source_korean_copyright_holder_before_no_reproduction");
    assert_eq!(a.source.as_deref(), Some("한빛일보 (hanbitilbo.co.kr)"));
}

/// The site's domain inside the footer's copyright line outweighs the parent
/// company holding the copyright.
#[test]
fn domain_inside_the_copyright_line_names_the_site_over_its_owner() {
    let a = load("source_domain_in_copyright_line_over_owner");
    assert_eq!(a.source.as_deref(), Some("harbourdaily.com"));
}

/// "Сетевое издание «Гавань сегодня»": a Russian site's registration line
/// names it, in sentence case.
#[test]
fn russian_registration_line_names_the_outlet() {
    let a = load("source_russian_registered_outlet_name");
    assert_eq!(a.source.as_deref(), Some("Гавань сегодня (gavan.ru)"));
}

/// "ссылка на gavan.ru обязательна": the link a Russian site asks for when
/// its stories are used is to itself, not to the owner in the copyright line.
#[test]
fn russian_link_required_line_names_the_site_over_the_owner() {
    let a = load("source_russian_link_required_over_owner");
    assert_eq!(a.source.as_deref(), Some("gavan.ru"));
}

/// "Siga a Gazeta Marítima no Instagram" names the paper (the article and
/// the network dropped), and "Grupo …" in the copyright line reads as its
/// parent company, which weighs less.
#[test]
fn portuguese_follow_line_names_the_paper_over_its_parent_group() {
    let a = load("source_follow_line_portuguese_over_parent_group");
    assert_eq!(a.source.as_deref(), Some("Gazeta Marítima"));
}

/// "© 2019 Гаванская газета": a Cyrillic name in sentence case is still the
/// holder's name, shown with the domain the page writes.
#[test]
fn russian_copyright_holder_in_sentence_case_names_the_paper() {
    let a = load("source_copyright_holder_in_sentence_case_russian");
    assert_eq!(
        a.source.as_deref(),
        Some("Гаванская газета (gavangazeta.ru)")
    );
}

/// "Corriere della Laguna": a lowercase joining word inside a name.
#[test]
fn italian_copyright_holder_with_a_joining_word_names_the_paper() {
    let a = load("source_copyright_holder_with_joining_word_italian");
    assert_eq!(a.source.as_deref(), Some("Corriere della Laguna"));
}

#[test]
fn footer_saying_who_publishes_the_paper_names_the_paper_not_the_owner() {
    let a = load("source_published_by_line_over_owner");
    assert_eq!(a.source.as_deref(), Some("The Harbour Post"));
}

#[test]
fn app_and_newsletter_lines_name_the_site_between_their_words() {
    let a = load("source_download_the_app_line");
    assert_eq!(a.title, "Night market returns to the quay");
    assert_eq!(a.source.as_deref(), Some("Harbour Notes"));
}

#[test]
fn print_page_label_gives_the_page_url_without_a_slug() {
    let a = load("source_print_page_url_label");
    assert_eq!(a.title, "Council adds a winter ferry");
    assert_eq!(
        a.url.as_deref(),
        Some("https://www.harbourledger.example/s/9921")
    );
    assert_eq!(a.source.as_deref(), Some("harbourledger.example"));
}

#[test]
fn a_grid_of_glued_story_cards_is_neither_story_nor_headline() {
    check(
        "glued_teaser_grid_around_short_story",
        &Want {
            title: "Community Library Reopens After Two-Year Renovation",
            byline: None,
            date: Some("2024-03-04"),
            first: "The community library on Elm Street reopened its doors on Monday",
            last: "The librarian said the building would now stay open until nine",
            paragraphs: Some(3),
            absent: &[
                "Harbour Ferry Fares",
                "Storm Warning Issued",
                "Library Opening Hours Extended",
                "Market Square Fountain",
            ],
        },
    );
}

#[test]
fn a_headline_with_a_label_and_an_ordinal_is_no_author_name() {
    check(
        "headline_colon_then_ordinal",
        &Want {
            title: "Harbour Officials: 3rd Bridge Closure Planned For Spring Repairs",
            byline: None,
            date: Some("2019-11-19"),
            first: "The county will close the river bridge for a third time this year",
            last: "The closure is expected to last two weeks, weather permitting.",
            paragraphs: Some(3),
            absent: &[],
        },
    );
}

#[test]
fn a_press_release_ends_above_the_companys_standard_paragraph() {
    check(
        "press_release_closing_company_paragraph_german",
        &Want {
            title: "Nordlicht Solar stellt neuen Speicher für Mehrfamilienhäuser vor",
            byline: None,
            date: Some("2024-05-14"),
            first: "Die Nordlicht Solar GmbH hat am Dienstag in Hamburg",
            last: "Die ersten Anlagen sollen im Herbst",
            paragraphs: Some(4),
            absent: &["ist ein führender Hersteller", "Bestätigungslink"],
        },
    );
}

#[test]
fn wrapped_headline_filling_the_width_stays_apart_from_the_date_line_under_it() {
    check(
        "wrapped_headline_over_date_line",
        &Want {
            title: "Regional regulator opens an inquiry into the pricing of ferry operator Blue Tern",
            byline: Some("Harbour Wire"),
            date: Some("2024-03-06"),
            first: "The regional competition regulator has opened an inquiry",
            last: "A spokesperson for the regulator declined to comment",
            paragraphs: Some(4),
            absent: &["Bridge plans shelved", "March 6"],
        },
    );
}

#[test]
fn wrapped_spanish_headline_stays_apart_from_the_date_line_under_it() {
    check(
        "wrapped_headline_over_date_line_spanish",
        &Want {
            title: "El regulador regional investiga los precios de la naviera Islas del Norte",
            byline: None,
            date: Some("2024-03-06"),
            first: "El regulador regional de la competencia ha abierto",
            last: "Un portavoz del regulador declinó hacer comentarios",
            paragraphs: Some(4),
            absent: &["El puente vuelve", "6 de marzo"],
        },
    );
}

#[test]
fn chinese_headline_stays_over_its_dek_ending_in_an_ideographic_full_stop() {
    let a = check(
        "headline_over_chinese_dek_with_full_stop",
        &Want {
            title: "老厂房里的新故事",
            byline: Some("李文"),
            date: Some("2023-09-18"),
            first: "园区位于城市东部",
            last: "一位入驻企业的负责人说",
            paragraphs: Some(3),
            absent: &["地铁新线", "首页"],
        },
    );
    assert_eq!(
        a.dek.as_deref(),
        Some("园区由三座废弃的纺织厂房改建而成，首批入驻的十二家企业以软件和设计公司为主。")
    );
}

#[test]
fn korean_headline_under_teasers_cut_short_is_not_taken_for_their_dek() {
    check(
        "headline_under_cut_short_teasers_korean",
        &Want {
            title: "동네 도서관 폐관 논란, 주민 의견부터 들어야 하는 이유",
            byline: None,
            date: Some("2023-08-25"),
            first: "[지역신문=김하늘 기자] 구청이 예산 부족을 이유로",
            last: "구청은 다음 달 주민 설명회를 열고",
            paragraphs: Some(4),
            absent: &["그가 뜨..", "동네 서점 지원"],
        },
    );
}

#[test]
fn headline_under_a_breadcrumb_glued_to_its_copy_is_the_plain_line() {
    check(
        "headline_under_breadcrumb_glued_to_it",
        &Want {
            title: "Northfield opens two new clinics for patients with long-term lung disease in the \
                    east of the county",
            byline: None,
            date: Some("2024-04-03"),
            first: "Northfield Medical Group has opened two new clinics",
            last: "The group plans to open a third clinic next spring.",
            paragraphs: Some(4),
            absent: &["Home News", "record year"],
        },
    );
}

#[test]
fn german_headline_beats_its_shortened_copy_set_with_other_punctuation() {
    check(
        "headline_shortened_copy_set_with_other_punctuation_german",
        &Want {
            title: "Bürgermeisterin von Lindenau tritt nach Streit um den Haushalt zurück -- Neuwahl \
                    im Mai!",
            byline: Some("Anna Berger"),
            date: Some("2024-03-12"),
            first: "Die Bürgermeisterin von Lindenau, Petra Vogt",
            last: "Bis zur Neuwahl führt der erste Beigeordnete",
            paragraphs: Some(3),
            absent: &["Neuwahl!!", "Freibad", "EXKLUSIV"],
        },
    );
}

#[test]
fn spanish_teaser_sharing_only_function_words_with_the_story_is_not_the_headline() {
    check(
        "teaser_sharing_function_words_above_headline_spanish",
        &Want {
            title: "Villarreal abre sus bibliotecas hasta la medianoche",
            byline: Some("Marta Gil"),
            date: Some("2024-03-12"),
            first: "El ayuntamiento de Villarreal abrirá las tres bibliotecas",
            last: "La concejala dijo que el coste del nuevo horario",
            paragraphs: Some(3),
            absent: &["alquiler", "festival de cine"],
        },
    );
}

#[test]
fn a_labelled_tag_list_is_no_byline() {
    check(
        "tag_list_between_date_and_story",
        &Want {
            title: "Harbour Officials Approve Night Ferry Trial For Summer",
            byline: None,
            date: Some("2024-06-03"),
            first: "RIVERSIDE — The harbour board approved a trial of night ferries",
            last: "Ferry workers' representatives said",
            paragraphs: Some(3),
            absent: &["Filed Under"],
        },
    );
}

/// "Retrouvez Le Courrier du Port sur Facebook": a French furniture line
/// names the paper (the network dropped) over the group in the copyright
/// line.
#[test]
fn french_find_us_line_names_the_paper_over_its_parent_group() {
    let a = load("source_find_us_line_french_over_parent_group");
    assert_eq!(a.title, "Un nouveau quai pour les ferries inauguré au port");
    assert_eq!(a.source.as_deref(), Some("Le Courrier du Port"));
}

/// "Ikuti Harian Pelabuhan di Google News": "di" ends the name only before
/// a network, and "Tentang Kami" ("About us") names nothing.
#[test]
fn indonesian_follow_line_names_the_paper_before_the_network() {
    let a = load("source_follow_line_indonesian_on_network");
    assert_eq!(a.source.as_deref(), Some("Harian Pelabuhan"));
}

/// "Читайте Гавань сегодня в Telegram": a Russian "read us" line names the
/// site in sentence case, over the holding company in the copyright line;
/// the newsroom's address gives the domain shown beside it.
#[test]
fn russian_read_us_line_names_the_site_over_its_holding() {
    let a = load("source_read_us_line_russian");
    assert_eq!(a.source.as_deref(), Some("Гавань сегодня (gavan-today.ru)"));
}

/// "关于海港网" ("About …") and "手机海港网" ("… mobile") name a Chinese
/// site where an English one writes "About X"; the submissions address
/// ("tougao@") gives its domain.
#[test]
fn chinese_about_and_mobile_lines_name_the_site() {
    let a = load("source_about_and_mobile_site_lines_chinese");
    assert_eq!(a.title, "港口新码头正式启用");
    assert_eq!(a.source.as_deref(), Some("海港网 (haigang.cn)"));
}

/// "JAKARTA, Pelabuhanpost.com - …": the site credits its own report in
/// the dateline after the place, over the company in the copyright line.
#[test]
fn domain_after_the_place_in_a_dateline_names_the_site() {
    let a = load("source_domain_after_place_in_dateline_indonesian");
    assert!(
        a.body
            .first()
            .is_some_and(|p| p.contains("Sebuah dermaga baru")),
        "{:#?}",
        a.body
    );
    assert_eq!(a.source.as_deref(), Some("Pelabuhanpost"));
}

/// A Korean site that writes its domain only in its reporter's mail
/// address: the address still gives the domain shown beside the name in
/// Hangul (which not every keyboard can type).
#[test]
fn reporter_mail_address_gives_the_domain_beside_a_korean_name() {
    let a = load("source_reporter_mail_gives_domain_korean");
    assert_eq!(a.byline.as_deref(), Some("김민준"));
    assert_eq!(a.source.as_deref(), Some("한빛뉴스 (hanbitnews.co.kr)"));
}

#[test]
fn a_caption_ending_in_a_slashed_agency_credit_is_a_caption_glued_or_not() {
    let a = check(
        "caption_with_slashed_agency_credit_glued",
        &Want {
            title: "Lantern marchers fill the old town as the budget vote nears",
            byline: Some("Priya Nair and Tom Ellis"),
            date: Some("2024-03-12"),
            first: "Thousands of people carried paper lanterns",
            last: "The mayor said on Tuesday",
            paragraphs: Some(5),
            absent: &[
                "Getty Images",
                "Marchers carry lanterns",
                "Police officers stand",
            ],
        },
    );
    assert_eq!(a.captions.len(), 2, "{:#?}", a.captions);
    assert!(a.captions[0].starts_with("Marchers carry lanterns past the cathedral"));
}

#[test]
fn the_writers_contact_line_a_newsletter_pitch_and_the_sites_group_close_no_story() {
    check(
        "story_closing_with_author_contact_and_group_line",
        &Want {
            title: "Private lander team wins a second lunar contract",
            byline: Some("Dana Whitfield"),
            date: Some("2024-03-12"),
            first: "A small lander company from Ohio",
            last: "The agency plans to spend about $2 billion",
            paragraphs: Some(4),
            absent: &["dwhitfield@example.com", "Get breaking", "Orbit Media"],
        },
    );
}

#[test]
fn the_sites_paragraph_naming_its_media_group_ends_the_story() {
    check(
        "story_closing_with_site_group_paragraph",
        &Want {
            title: "Private lander team wins a second lunar contract",
            byline: Some("Dana Whitfield"),
            date: Some("2024-03-12"),
            first: "A small lander company from Ohio",
            last: "The agency plans to spend about $2 billion",
            paragraphs: Some(4),
            absent: &["Orbit Media"],
        },
    );
}

/// "Descarga la app de El Faro del Puerto": the Spanish app promotion names
/// the paper after its words, over the group in the copyright line.
#[test]
fn spanish_download_the_app_line_names_the_paper_over_its_parent_group() {
    let a = load("source_download_app_line_spanish_over_parent_group");
    assert_eq!(a.byline.as_deref(), Some("Lucía Romero"));
    assert_eq!(a.source.as_deref(), Some("El Faro del Puerto"));
}

#[test]
fn live_update_stamps_and_a_newsletter_pitch_leave_every_paragraph_in_the_story() {
    let a = check(
        "live_update_stamps_inside_the_story",
        &Want {
            title: "Ferry crews walk out over new rota as island routes stop",
            byline: Some("Marta Lindqvist"),
            // "Yesterday 4:12PM" says when only to someone who knows the day
            // the page was saved.
            date: None,
            first: "Ferry crews on the three island routes",
            last: "Commuters said they had heard nothing",
            paragraphs: Some(4),
            absent: &["Today 9:41", "Yesterday", "your inbox", "An hour ago"],
        },
    );
    // The story's lead is not taken for a standfirst over the update's stamp.
    assert_eq!(a.dek, None);
    assert!(a.body.iter().any(|p| p.starts_with("The union said")));
}

#[test]
fn headline_under_stacked_teasers_for_other_stories_is_the_headline() {
    // The teaser right above shares no word with the story: it is no
    // headline over a dek, however closely the byline follows.
    check(
        "headline_under_stacked_teasers",
        &Want {
            title: "Neighbours give the old mill towpath a green makeover for the summer ahead",
            byline: Some("Mara Quinn"),
            date: Some("2024-05-04"),
            first: "Volunteers planted more than two thousand trees",
            last: "The council said it would water the young trees",
            paragraphs: Some(4),
            absent: &["Rail strike called off", "Most popular"],
        },
    );
}

#[test]
fn german_headline_under_stacked_teasers_is_the_headline() {
    // The teaser right above is as long as the headline in words and has the
    // byline as close: only the story's lead, which names the headline's
    // subject and not the teaser's, tells them apart.
    check(
        "headline_under_stacked_teasers_german",
        &Want {
            title: "Nachbarn verwandeln den Treidelpfad an der alten Mühle in eine grüne Allee für den Sommer",
            byline: Some("Marta Quandt"),
            date: Some("2024-05-04"),
            first: "Freiwillige haben am Samstag mehr als zweitausend Bäume",
            last: "Die Gemeinde will die jungen Bäume",
            paragraphs: Some(4),
            absent: &["Streik bei der Bahn", "Meistgelesen"],
        },
    );
}

#[test]
fn headline_ending_a_run_of_teasers_is_the_one_the_story_is_about() {
    // Every line of the run is headline-shaped and none has its byline close
    // under it; the story's lead names only the last one's subject.
    check(
        "headline_last_of_a_teaser_run",
        &Want {
            title: "'Somewhere to stop and look': Volunteers plant two thousand trees along the canal path",
            byline: Some("Mara Quinn"),
            date: Some("2024-05-04"),
            first: "Volunteers planted more than two thousand trees",
            last: "The council said it would water the young trees",
            paragraphs: Some(4),
            absent: &["School choir sings", "Most read"],
        },
    );
}

#[test]
fn spanish_headline_ending_a_run_of_teasers_is_the_one_the_story_is_about() {
    // The teaser right above shares a word or two with the lead by chance;
    // the headline shares far more.
    check(
        "headline_last_of_a_teaser_run_spanish",
        &Want {
            title: "«Un lugar para pararse a mirar»: vecinos plantan dos mil árboles junto al camino del canal",
            byline: Some("Marta Quintana"),
            date: Some("2024-05-04"),
            first: "Los vecinos plantaron el sábado más de dos mil árboles",
            last: "El ayuntamiento dijo que regará los árboles jóvenes",
            paragraphs: Some(4),
            absent: &["El coro del colegio", "Lo más leído"],
        },
    );
}

#[test]
fn spanish_photo_credit_over_a_byline_glued_to_its_update_label() {
    check(
        "spanish_photo_credit_over_byline_glued_to_update_label",
        &Want {
            title: "El puerto recibe el mayor crucero de su historia entre aplausos y colas",
            byline: Some("Luis Mora"),
            date: Some("2024-03-12"),
            first: "El mayor crucero que ha atracado",
            last: "El ayuntamiento calcula",
            paragraphs: Some(3),
            absent: &["Foto:", "Actualizado"],
        },
    );
}

#[test]
fn wrapped_headline_filling_the_width_stays_apart_from_name_and_date_in_columns() {
    let a = check(
        "wrapped_headline_over_name_and_date_in_columns",
        &Want {
            title: "Ferry operators agree to run a night service across the bay from next spring",
            byline: Some("Jane Doe"),
            date: Some("2024-03-04"),
            first: "The two companies that run ferries across the bay said on Monday",
            last: "Tickets for the night boats go on sale in February",
            paragraphs: Some(4),
            absent: &["Monday, March 4", "Most read", "Storm closes"],
        },
    );
    // The space a wrap left at the start of a line after two spaces does not
    // start a paragraph.
    assert!(
        a.body[1].starts_with("Shift workers")
            && a.body[1].ends_with("a drive of more than an hour around the bay."),
        "{:#?}",
        a.body
    );
}

#[test]
fn wrapped_title_case_headline_stays_apart_from_the_outlet_over_the_date() {
    check(
        "wrapped_title_case_headline_over_outlet_over_date",
        &Want {
            title: "Harbour City Sign Goalkeeper From Northern Rivals For A Record Club Fee",
            byline: None,
            date: Some("2024-08-08"),
            first: "Harbour City have paid a record fee to sign the goalkeeper",
            last: "The club did not say how long the contract runs",
            paragraphs: Some(4),
            absent: &["Related posts", "queue overnight"],
        },
    );
}

#[test]
fn wrapped_title_case_headline_under_a_menu_stays_apart_from_its_sentence_case_dek() {
    let a = check(
        "wrapped_title_case_headline_over_sentence_dek_under_menu",
        &Want {
            title: "'They Found Her!': Video Shows Rescue of Missing Hill Town Girl at Dawn",
            byline: Some("Anna Berg"),
            date: Some("2024-11-18"),
            first: "A video released by the police on Monday shows the moment",
            last: "The police thanked the more than two hundred volunteers",
            paragraphs: Some(4),
            absent: &["NEWSLETTERS", "Shares", "Most watched"],
        },
    );
    assert_eq!(
        a.dek.as_deref(),
        Some("The search lasted two nights and ended when a farmer heard calls for help")
    );
}

#[test]
fn wrapped_headline_and_date_line_stay_apart_from_a_label_and_a_name_under_them() {
    check(
        "wrapped_date_line_in_capitals_over_author_name_under_label",
        &Want {
            title: "One of the best-performing shipping stocks could climb after a large order",
            byline: Some("Karin Holm"),
            date: Some("2024-03-05"),
            first: "Shares of a mid-sized container shipping company",
            last: "The company will report its results for the first quarter",
            paragraphs: Some(4),
            absent: &["PUBLISHED", "KARINHOLM", "Trending", "ANALYSIS"],
        },
    );
}

#[test]
fn wrapped_headline_filling_the_width_stays_apart_from_a_name_indented_by_one_space() {
    check(
        "wrapped_headline_over_name_indented_by_one_space",
        &Want {
            title: "The First Reviews Of The New Night Train To The Coast Are In — And They Are Mixed",
            byline: Some("Mira Castell"),
            date: Some("2024-11-18"),
            first: "The first passengers on the new night train to the coast",
            last: "Tickets for the summer are on sale from next week.",
            paragraphs: Some(4),
            absent: &["Travel writer", "More from Travel", "quiet beaches"],
        },
    );
}

#[test]
fn wrapped_headline_stays_apart_from_the_rows_with_comment_counts_above_it() {
    check(
        "wrapped_headline_under_rows_with_comment_counts",
        &Want {
            title: "Harbour City coach: “We had to win this one”",
            byline: Some("Lena Moss"),
            date: Some("2024-11-17"),
            first: "The coach of Harbour City said his team had no choice",
            last: "The club plays its next game away on Saturday.",
            paragraphs: Some(4),
            absent: &["(212)", "(151)", "Share this"],
        },
    );
}

#[test]
fn teasers_with_their_own_writers_above_the_headline_lend_it_no_byline() {
    // The last teaser's writer and stamp sit right over the headline; the
    // story's own credit is under its last paragraph.
    check(
        "byline_under_story_below_authored_teasers",
        &Want {
            title: "Volunteers plant two thousand trees along the canal path",
            byline: Some("Mara Quinn"),
            date: None,
            first: "Volunteers planted more than two thousand trees",
            last: "The council said it would water the young trees",
            paragraphs: Some(4),
            absent: &["Ferry strike", "Jonas Veldt"],
        },
    );
}

#[test]
fn writer_over_the_story_far_under_a_headline_topped_by_authored_teasers() {
    // A list of teasers, each with its writer and stamp, between the
    // headline and the story; the story's writer and date sit right over
    // its first paragraph.
    check(
        "byline_over_story_under_authored_teasers",
        &Want {
            title: "Volunteers plant two thousand trees along the canal path",
            byline: Some("Mara Quinn"),
            date: Some("2024-05-04"),
            first: "Volunteers planted more than two thousand trees",
            last: "The council said it would water the young trees",
            paragraphs: Some(4),
            absent: &["Ferry strike", "Tobias Lund"],
        },
    );
}

#[test]
fn the_writers_name_over_a_stamp_right_above_the_story_is_the_byline_not_the_headline() {
    check(
        "writer_over_stamp_above_story_under_teasers",
        &Want {
            title: "Old quarry reopens as a climbing park after ten years of planning",
            byline: Some("Tomas Brennan"),
            date: Some("2023-09-11"),
            first: "The old quarry on the edge of town",
            last: "The council says the park should pay",
            paragraphs: Some(4),
            absent: &["Subscribe", "your inbox", "10:00AM"],
        },
    );
}
