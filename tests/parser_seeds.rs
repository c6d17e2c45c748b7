//! The four bundled seed articles, parsed as a reader wants them.

use newsreader::article::{Article, decode, parse};

fn load(name: &str) -> Article {
    let path = format!("{}/assets/articles/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).expect("seed file");
    parse(&decode::decode_text(&bytes))
}

fn body_has(a: &Article, needle: &str) -> bool {
    a.body.iter().any(|p| p.contains(needle))
}

#[test]
fn seed_000_blinken_lavrov_ukraine_support() {
    let a = load("blinken-lavrov-ukraine-support");
    assert_eq!(a.title, "Blinken to Lavrov: US to Maintain Ukraine Support");
    assert!(!body_has(&a, "Accessibility links"));
    assert!(!body_has(&a, "Breaking News"));
    let airmen = a
        .captions
        .iter()
        .filter(|c| c.starts_with("FILE - Airmen assigned"))
        .count();
    assert_eq!(airmen, 1, "{:?}", a.captions);
    assert!(!body_has(&a, "Airmen assigned"));
    assert!(
        a.related
            .iter()
            .any(|r| r.title == "Blinken, Lavrov Meet Briefly as US-Russia Tensions Soar")
    );
    assert!(!body_has(&a, "Meet Briefly"));
    assert!(
        a.credits
            .iter()
            .any(|c| c.starts_with("Some information in this report came from"))
    );
    assert!(!body_has(&a, "Some information in this report"));
    assert!(
        a.body[0].starts_with("U.S. Secretary of State Antony Blinken on Thursday bluntly told")
    );
    assert!(
        a.body
            .last()
            .is_some_and(|p| p.starts_with("Prigozhin said Wednesday in an audio message"))
    );
    assert_eq!(a.body.len(), 16);
}

#[test]
fn seed_001_us_nato_membership_ukraine() {
    let a = load("us-nato-membership-ukraine");
    assert_eq!(a.title, "US Won't Commit to NATO Membership for Ukraine");
    assert_eq!(a.captions.len(), 4, "{:?}", a.captions);
    for c in &a.captions {
        assert!(!body_has(&a, c));
    }
    assert!(a.captions[0].starts_with("A service member of the Ukrainian armed forces"));
    assert!(
        a.body
            .iter()
            .all(|p| !["XS", "SM", "MD", "LG", "XS SM MD LG"].contains(&p.as_str()))
    );
    assert_eq!(
        a.credits,
        vec!["Information from Reuters was used in this report.".to_string()]
    );
    assert!(a.body[0].starts_with("The United States reaffirmed its commitment"));
    assert_eq!(a.body.len(), 18);
    assert!(
        a.body
            .last()
            .is_some_and(|p| p.starts_with("The U.S. and other Western countries accuse Russia"))
    );
}

#[test]
fn seed_002_blinken_navalny_call() {
    let a = load("blinken-navalny-call");
    assert_eq!(
        a.title.to_lowercase(),
        "top us diplomat raises navalny jailed americans with russia"
    );
    assert!(
        a.dek
            .as_deref()
            .is_some_and(|d| d.starts_with("U.S. Secretary of State Antony Blinken spoke with"))
    );
    assert!(a.body.iter().any(|p| p.contains(
        "voiced concern over jailed opposition figure Alexei Navalny and imprisoned Americans in a telephone call"
    )));
    assert!(a.body[0].starts_with("U.S. Secretary of State Antony Blinken voiced concern"));
    assert!(a.body.iter().any(|p| {
        p.contains("the massive SolarWinds hack in which U.S. intelligence suspected Russia.")
    }));
    assert_eq!(a.body.len(), 8, "{:#?}", a.body);
    assert_eq!(
        a.url.as_deref(),
        Some(
            "https://www.themoscowtimes.com/2021/02/04/top-us-diplomat-raises-navalny-jailed-americans-with-russia-a72838"
        )
    );
    assert_eq!(a.published.as_deref(), Some("2021-02-04"));
    assert!(
        a.source
            .as_deref()
            .is_some_and(|s| s.to_lowercase().replace(' ', "").contains("themoscowtimes"))
    );
    assert!(
        a.related
            .iter()
            .any(|r| r.title == "How Will the West Respond to Navalny’s Prison Sentence?")
    );
    assert!(!body_has(&a, "Related article"));
    assert!(!body_has(&a, "Original url"));
    assert!(!body_has(&a, "https://"));
    assert!(
        a.body
            .last()
            .is_some_and(|p| p.contains("the growing threat from China."))
    );
}

#[test]
fn seed_003_russia_refusing_calls() {
    let a = load("russia-refusing-calls");
    assert_eq!(
        a.title,
        "Russia’s top military leaders have been refusing calls from US defense officials since the invasion of Ukraine began: report"
    );
    assert_eq!(a.byline.as_deref(), Some("OSTN Staff"));
    assert_eq!(a.captions.len(), 1, "{:?}", a.captions);
    assert!(!body_has(&a, "Saint Petersburg"));
    assert_eq!(a.key_points.len(), 3, "{:?}", a.key_points);
    assert!(a.key_points[0].starts_with("According to the Pentagon"));
    assert_eq!(a.source.as_deref(), Some("Business Insider"));
    for furniture in [
        "Powered by",
        "Leave a Comment",
        "Akismet",
        "Read the original article",
    ] {
        assert!(!body_has(&a, furniture), "{furniture}");
    }
    assert!(a.body[0].starts_with("Russia’s top military officials have repeatedly"));
    assert_eq!(a.body.len(), 12);
    assert!(
        a.body
            .last()
            .is_some_and(|p| p.starts_with("Since the start of the war, around 40,000"))
    );
}
