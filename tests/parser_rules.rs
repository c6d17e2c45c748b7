//! One invented page shape per test, each exercising a parser rule.

use newsreader::article::{Article, decode, parse};

fn run(text: &str) -> Article {
    parse(&decode::normalise(text))
}

fn body_has(a: &Article, needle: &str) -> bool {
    a.body.iter().any(|p| p.contains(needle))
}

const P1: &str = "The city council voted on Tuesday to expand the night bus network, a decision that officials said would bring service to more than forty thousand residents who live far from the rail lines.";
const P2: &str = "Supporters of the plan argued that shift workers and students had waited years for reliable late-night transport, while critics warned that the budget for the first year was still uncertain.";
const P3: &str = "The transport department said it would publish a detailed timetable next month and begin hiring drivers in the spring, with the first new routes expected to open before the summer holidays.";
const P4: &str = "Council members from both parties said they would review ridership figures after six months and could adjust the routes if demand turned out to be lower than the forecasts suggested.";

#[test]
fn article_without_furniture_comes_through_untouched() {
    let text =
        format!("Night Buses Return to the Outer Districts\n\n{P1}\n\n{P2}\n\n{P3}\n\n{P4}\n");
    let a = run(&text);
    assert_eq!(a.title, "Night Buses Return to the Outer Districts");
    assert_eq!(a.body, vec![P1, P2, P3, P4]);
    assert!(a.captions.is_empty() && a.credits.is_empty() && a.related.is_empty());
    assert_eq!(
        a.word_count,
        [P1, P2, P3, P4]
            .iter()
            .map(|p| p.split_whitespace().count())
            .sum::<usize>()
    );
}

#[test]
fn navigation_menus_share_buttons_and_footer_are_dropped() {
    let text = format!(
        "Skip to content\nHome\nWorld\nPolitics\nCulture\nSport\nLog in\nSubscribe\n\nNight Buses Return to the Outer Districts\nBy Maria Lopez\nMarch 3, 2022\nShare on Facebook\nShare on Twitter\nEmail\n\n{P1}\n\n{P2}\n\nAdvertisement\n\n{P3}\n\n{P4}\n\nMost Read\nA Storm Is Coming to the Coast\nWhy Rents Keep Rising\nThe Best Parks in Town\n© 2022 Example Media Group. All rights reserved.\nPrivacy Policy\nCookie Settings\n"
    );
    let a = run(&text);
    assert_eq!(a.title, "Night Buses Return to the Outer Districts");
    assert_eq!(a.body, vec![P1, P2, P3, P4]);
    assert_eq!(a.byline.as_deref(), Some("Maria Lopez"));
    assert_eq!(a.published.as_deref(), Some("2022-03-03"));
    for furniture in [
        "Most Read",
        "Advertisement",
        "Share on",
        "Privacy",
        "Subscribe",
    ] {
        assert!(!body_has(&a, furniture), "{furniture}");
    }
}

#[test]
fn headline_is_the_line_before_the_byline_not_a_menu_entry() {
    let text = format!(
        "News\nCity\nTransport\nOpinion\nTRANSPORT\nNight buses return to the outer districts after ten years\nAnna Berg\n14 May 2021, 09:12\n\n{P1}\n\n{P2}\n\n{P3}\n"
    );
    let a = run(&text);
    assert_eq!(
        a.title,
        "Night buses return to the outer districts after ten years"
    );
    assert_eq!(a.byline.as_deref(), Some("Anna Berg"));
    assert_eq!(a.published.as_deref(), Some("2021-05-14"));
}

#[test]
fn dek_under_headline_goes_to_dek() {
    let dek = "A long-awaited plan brings late-night service to the edges of the city.";
    let text = format!(
        "Night Buses Return to the Outer Districts\n\n{dek}\n\nBy Maria Lopez and Tom Reed\n\n{P1}\n\n{P2}\n\n{P3}\n"
    );
    let a = run(&text);
    assert_eq!(a.dek.as_deref(), Some(dek));
    assert_eq!(a.byline.as_deref(), Some("Maria Lopez and Tom Reed"));
    assert_eq!(a.body, vec![P1, P2, P3]);
}

#[test]
fn byline_shapes() {
    for (line, expected) in [
        ("By JOHN SMITH and JANE ROE", "John Smith and Jane Roe"),
        ("Posted by Alex Kim on June 2, 2020", "Alex Kim"),
        ("By Lee Park, Senior Correspondent", "Lee Park"),
        ("Sam Ortiz | Daily Bugle", "Sam Ortiz"),
    ] {
        let text = format!("Night Buses Return to the Outer Districts\n{line}\n\n{P1}\n\n{P2}\n");
        assert_eq!(run(&text).byline.as_deref(), Some(expected), "{line}");
    }
}

#[test]
fn dateline_paragraph_starts_the_body() {
    let first =
        "BERLIN (Reuters) - The city council voted on Tuesday to expand the night bus network.";
    let text = format!(
        "Night Buses Return to the Outer Districts\nBy Maria Lopez\n\n{first}\n\nPhoto gallery\n\n{P2}\n\n{P3}\n"
    );
    let a = run(&text);
    assert_eq!(a.body[0], first);
    assert!(a.dek.is_none());
}

#[test]
fn captions_of_many_styles_are_kept_once_and_out_of_the_body() {
    let c1 = "FILE - A night bus waits at the central station in Springfield, May 2, 2019.";
    let c2 = "Passengers board a bus at the depot on Monday. (Jane Doe/Example Photo Agency)";
    let c3 = "A driver checks the new timetable at the depot.";
    let text = format!(
        "Night Buses Return to the Outer Districts\n\n{c1}\n{c1}\n\n{P1}\n\n{c2}\n\n{P2}\n\n{c3}\nGetty Images\n\n{P3}\n\nImage caption The depot at dawn\n\n{P4}\n"
    );
    let a = run(&text);
    assert_eq!(a.body, vec![P1, P2, P3, P4]);
    assert_eq!(a.captions.len(), 4, "{:?}", a.captions);
    assert_eq!(a.captions[0], c1);
}

#[test]
fn shorter_restatement_of_a_caption_collapses() {
    let long = "The mayor (C) speaks to drivers at the new depot during the opening ceremony on July 25, 2021 in Springfield. The depot was built in two years.";
    let short = "The mayor speaks to drivers at the new depot during the opening ceremony in Springfield on July 25, 2021.";
    let text =
        format!("Night Buses Return to the Outer Districts\n\n{long}\n{short}\n\n{P1}\n\n{P2}\n");
    let a = run(&text);
    assert_eq!(a.captions, vec![long.to_string()]);
    assert_eq!(a.body, vec![P1, P2]);
}

#[test]
fn bullets_before_the_story_are_key_points_and_in_the_story_a_list() {
    let text = format!(
        "Night Buses Return to the Outer Districts\n\n• Twelve new routes open next summer.\n• Buses will run every 20 minutes.\n\n{P1}\n\nThe new routes include:\n- Harbor to Northgate\n- Old Town to the airport\n\n{P2}\n\n{P3}\n"
    );
    let a = run(&text);
    assert_eq!(
        a.key_points,
        vec![
            "Twelve new routes open next summer.",
            "Buses will run every 20 minutes."
        ]
    );
    assert!(a.body.iter().any(|p| p == "Harbor to Northgate"));
    assert_eq!(a.body[0], P1);
}

#[test]
fn subheads_are_kept_and_marked() {
    let text = format!(
        "Night Buses Return to the Outer Districts\n\n{P1}\n\n{P2}\n\nWhat happens next\n\n{P3}\n\nWho will pay for the new routes?\n\n{P4}\n"
    );
    let a = run(&text);
    for subhead in ["What happens next", "Who will pay for the new routes?"] {
        let i = a
            .body
            .iter()
            .position(|p| p == subhead)
            .expect("subhead kept");
        assert!(a.is_subhead(i), "{subhead}");
    }
    assert_eq!(a.subheads.len(), 2);
}

#[test]
fn related_links_and_credits_are_separated() {
    let text = format!(
        "Night Buses Return to the Outer Districts\n\n{P1}\n\nRelated: Why the Last Train Leaves So Early\n\n{P2}\n\nCouncil Approves Budget for New Depot After Long Debate\n\n{P3}\n\nThe Associated Press contributed to this report.\n"
    );
    let a = run(&text);
    assert_eq!(a.body, vec![P1, P2, P3]);
    let titles: Vec<&str> = a.related.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(
        titles,
        vec![
            "Why the Last Train Leaves So Early",
            "Council Approves Budget for New Depot After Long Debate"
        ]
    );
    assert_eq!(
        a.credits,
        vec!["The Associated Press contributed to this report."]
    );
}

#[test]
fn original_article_line_names_the_source_and_footer_is_dropped() {
    let text = format!(
        "Night Buses Return to the Outer Districts\n\nCity Desk Staff\n\n{P1}\n\n{P2}\n\nRead the original article on The Springfield Courier\n\nPowered by FeedMachine\n\nLeave a Comment\n\nThis site uses SpamGuard to reduce spam. Learn how your comment data is processed.\n"
    );
    let a = run(&text);
    assert_eq!(a.source.as_deref(), Some("The Springfield Courier"));
    assert_eq!(a.byline.as_deref(), Some("City Desk Staff"));
    assert_eq!(a.body, vec![P1, P2]);
}

#[test]
fn hard_wrapped_text_is_reflowed() {
    let wrapped = "The city council voted on Tuesday to expand the night bus network, a decision that\nofficials said would bring service to more than forty thousand residents who live far\nfrom the rail lines.\n\nSupporters of the plan argued that shift workers and students had waited years for\nreliable late-night transport, while critics warned that the budget for the first\nyear was still uncertain.\n\nThe transport department said it would publish a detailed timetable next month and\nbegin hiring drivers in the spring, with the first new routes expected to open before\nthe summer holidays.\n";
    let text = format!("Night Buses Return to the Outer Districts\n\n{wrapped}");
    let a = run(&text);
    assert_eq!(a.body, vec![P1, P2, P3]);
}

#[test]
fn broken_page_url_gives_title_date_and_site() {
    let text = format!(
        "{P1}\n\n{P2}\n\n{P3}\n\nOriginal url:\nhttps://www.springfieldcourier.example/2022/03/03/night-buses-return-to-the-outer-dis\ntricts-a12345\n"
    );
    let a = run(&text);
    assert_eq!(
        a.url.as_deref(),
        Some(
            "https://www.springfieldcourier.example/2022/03/03/night-buses-return-to-the-outer-districts-a12345"
        )
    );
    assert_eq!(
        a.title.to_lowercase(),
        "night buses return to the outer districts"
    );
    assert_eq!(a.published.as_deref(), Some("2022-03-03"));
    assert_eq!(a.source.as_deref(), Some("springfieldcourier.example"));
    assert_eq!(a.body, vec![P1, P2, P3]);
}

/// A headline known only from the URL's slug keeps the capitals the story
/// writes its acronyms in (the slug lost them).
#[test]
fn slug_title_keeps_the_stories_acronyms() {
    let text = "The EU and the U.S. agreed on Tuesday to lift the steel tariffs they set \
        three years ago, officials from both sides said after talks in Brussels.\n\n\
        The deal removes duties on about four million tonnes of steel a year, and \
        leaves a joint panel to settle what remains in dispute.\n\n\
        https://www.harbourpost.example/2021/10/31/eu-and-us-agree-to-lift-steel-tariffs-a88121\n";
    let a = run(text);
    assert_eq!(a.title, "EU and US Agree to Lift Steel Tariffs");
}

#[test]
fn font_size_buttons_and_counters_are_furniture() {
    let text = format!(
        "Night Buses Return to the Outer Districts\n\n{P1}\n\n{P2}\n\n1 of 6\n\n{P3}\n\nXS\nSM\nMD\nLG\n"
    );
    let a = run(&text);
    assert_eq!(a.body, vec![P1, P2, P3]);
}

#[test]
fn comment_section_ends_the_story() {
    let text = format!(
        "Night Buses Return to the Outer Districts\n\n{P1}\n\n{P2}\n\n{P3}\n\n12 Comments\n\nbusfan99 says:\nMarch 3, 2022 at 9:14 am\n\nThis is the best news the outer districts have had in years and I cannot wait to ride.\n"
    );
    let a = run(&text);
    assert_eq!(a.body, vec![P1, P2, P3]);
}

#[test]
fn very_short_article() {
    let text = "Bridge Closed for Repairs\n\nThe old bridge will be closed for repairs until Friday, the city said.\n";
    let a = run(text);
    assert_eq!(a.title, "Bridge Closed for Repairs");
    assert_eq!(
        a.body,
        vec!["The old bridge will be closed for repairs until Friday, the city said."]
    );
}

#[test]
fn very_long_article_keeps_every_paragraph() {
    let mut text = String::from("Night Buses Return to the Outer Districts\n\nBy Maria Lopez\n\n");
    let mut expected = Vec::new();
    for i in 0..300 {
        let p = format!(
            "{} Paragraph number {i} adds more detail to the story.",
            [P1, P2, P3, P4][i % 4]
        );
        text.push_str(&p);
        text.push_str("\n\n");
        expected.push(p);
    }
    let a = run(&text);
    assert_eq!(a.body.len(), 300);
    assert_eq!(a.body, expected);
}

#[test]
fn empty_and_whitespace_input() {
    assert!(run("").body.is_empty());
    assert!(run("\n\n   \n").body.is_empty());
}

#[test]
fn by_phrases_in_the_story_are_not_bylines() {
    let text = format!(
        "Night Buses Return to the Outer Districts\nBy Maria Lopez\n\n{P1}\n\n{P2}\n\nBy Monday, the depot had hired its first twelve drivers for the routes.\n\nBy New Year's Eve, the first buses were already running late into the night.\n\n{P3}\n"
    );
    let a = run(&text);
    assert_eq!(a.byline.as_deref(), Some("Maria Lopez"));
    assert!(body_has(&a, "By Monday, the depot"));
    assert!(body_has(&a, "By New Year's Eve"));
}

#[test]
fn published_date_never_comes_from_a_caption() {
    let text = format!(
        "Night Buses Return to the Outer Districts\n\nFILE - A bus waits at the depot in Springfield, Illinois, May 2, 2019.\n\n{P1}\n\n{P2}\n"
    );
    let a = run(&text);
    assert_eq!(a.published, None);
    assert_eq!(a.captions.len(), 1);
}

#[test]
fn stories_about_social_networks_and_copyright_keep_their_words() {
    let a1 = "Facebook and Twitter ban political ads";
    let p5 = "The copyright lawsuit was filed in federal court in 2019, and the judge said the case could go to trial next spring.";
    let text = format!("{a1}\nBy Maria Lopez\n\n{P1}\n\n{p5}\n\nCookies\n\n{P2}\n");
    let a = run(&text);
    assert_eq!(a.title, a1);
    assert_eq!(a.body, vec![P1, p5, P2]);
}

#[test]
fn brand_names_may_start_a_headline() {
    let text = format!("Menu\niPhone Sales Slow as Prices Rise\nBy Maria Lopez\n\n{P1}\n\n{P2}\n");
    assert_eq!(run(&text).title, "iPhone Sales Slow as Prices Rise");
}

#[test]
fn opinion_and_business_headlines_are_not_widgets() {
    for title in [
        "Comment: Why the Night Buses Matter",
        "Advertising Revenue Falls Again",
    ] {
        let text = format!("Menu\n{title}\nBy Maria Lopez\n\n{P1}\n\n{P2}\n\n12 Comments\n");
        assert_eq!(run(&text).title, title);
    }
}

#[test]
fn hard_wrapped_text_without_blank_lines_splits_at_short_last_lines() {
    let wrapped = "The city council voted on Tuesday to expand the night bus network, a decision that\nofficials said would bring service to more than forty thousand residents who live far\nfrom the rail lines.\nSupporters of the plan argued that shift workers and students had waited years for\nreliable late-night transport, while critics warned that the budget for the first\nyear was still uncertain.\nThe transport department said it would publish a detailed timetable next month and\nbegin hiring drivers in the spring, with the first new routes expected to open before\nthe summer holidays.\n";
    let text = format!("Night Buses Return to the Outer Districts\n\n{wrapped}");
    let a = run(&text);
    assert_eq!(a.body, vec![P1, P2, P3]);
}

#[test]
fn gallery_in_mid_story_is_bridged_and_teaser_list_after_is_cut() {
    let gallery = "1 of 6\nA bus at the depot. Getty Images\nPhoto gallery\nDrivers Line Up for the First Night\nThe New Timetable\nPassengers Wait at Northgate\nThe Mayor Rides Along\n";
    let teasers = "Share this article\nFacebook\nTwitter\nEmail\nPrint\nLatest News\nStorm Closes Coastal Road\nBy Ann Lee\nA storm closed the coastal road on Friday and crews expect to reopen it soon.\nSchool Budget Vote Delayed\nBy Tom Reed\nThe vote on the school budget was delayed by a week after a long debate.\nMayor Opens New Library\nBy Ann Lee\nThe new library opened on Saturday with a reading by local children and a concert.\n";
    let text = format!(
        "Night Buses Return to the Outer Districts\nBy Maria Lopez\n\n{P1}\n\n{P2}\n\n{gallery}\n{P3}\n\n{P4}\n\n{teasers}"
    );
    let a = run(&text);
    assert_eq!(a.body, vec![P1, P2, P3, P4]);
}

#[test]
fn sidebar_of_headlines_with_bylines_above_the_story_is_not_the_headline() {
    let text = format!(
        "Most Popular\nCouncil Debates the Harbor Bridge Repairs\nBy Ann Lee\nSchool Budget Vote Is Delayed Again\nBy Tom Reed\nNight Buses Return to the Outer Districts\nBy Maria Lopez\nMarch 3, 2022\n\n{P1}\n\n{P2}\n\n{P3}\n"
    );
    let a = run(&text);
    assert_eq!(a.title, "Night Buses Return to the Outer Districts");
    assert_eq!(a.byline.as_deref(), Some("Maria Lopez"));
    assert_eq!(a.body, vec![P1, P2, P3]);
}

#[test]
fn long_share_panel_between_headline_and_story() {
    let panel = "Share this with Facebook\nShare this with Twitter\nShare this with Email\nShare this with WhatsApp\nCopy this link\n".repeat(12);
    let text = format!(
        "Home\nNews\nSport\nNight Buses Return to the Outer Districts\n19 November 2019\n{panel}\n{P1}\n\n{P2}\n\n{P3}\n"
    );
    let a = run(&text);
    assert_eq!(a.title, "Night Buses Return to the Outer Districts");
    assert_eq!(a.published.as_deref(), Some("2019-11-19"));
    assert_eq!(a.body, vec![P1, P2, P3]);
}

/// Rule `nothing_lost`: a stub whose only line after the headline is not prose
/// still shows that line, never an empty article.
#[test]
fn a_stub_without_prose_keeps_its_text() {
    let article = parse("Council meets on Tuesday\n\nAgenda to follow\n");
    assert_eq!(article.title, "Council meets on Tuesday", "{article:?}");
    assert_eq!(article.body, vec!["Agenda to follow"], "{article:?}");
}
