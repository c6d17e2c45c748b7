use super::*;

fn q(text: &str) -> Query {
    Query::parse(text)
}

fn term(text: &str) -> Term {
    let mut query = q(text);
    assert_eq!(query.groups.len(), 1, "{text}");
    assert_eq!(query.groups[0].len(), 1, "{text}");
    query.groups.remove(0).remove(0)
}

fn shape(query: &Query) -> Vec<Vec<(String, Kind, bool, Scope)>> {
    query
        .groups
        .iter()
        .map(|g| {
            g.iter()
                .map(|t| (t.text.clone(), t.kind, t.negated, t.scope))
                .collect()
        })
        .collect()
}

#[test]
fn each_operator_parses() {
    let t = term("nato");
    assert_eq!(
        (t.text.as_str(), t.kind, t.negated),
        ("nato", Kind::Fuzzy, false)
    );
    assert_eq!(term("'nato").kind, Kind::Exact);
    assert_eq!(term("^nato").kind, Kind::Prefix);
    assert_eq!(term("nato$").kind, Kind::Suffix);
    assert_eq!(term("^nato$").kind, Kind::Whole);
    let t = term("!nato");
    assert_eq!((t.kind, t.negated), (Kind::Exact, true));
    let t = term("!'nato");
    assert_eq!((t.kind, t.negated), (Kind::Fuzzy, true), "fzf: !' is fuzzy");
    let t = term("!^nato");
    assert_eq!(
        (t.kind, t.negated, t.text.as_str()),
        (Kind::Prefix, true, "nato")
    );
    assert_eq!(term("!nato$").kind, Kind::Suffix);
    let t = term("@reuters");
    assert_eq!((t.kind, t.scope), (Kind::Fuzzy, Scope::Source));
    let t = term("@'reuters");
    assert_eq!((t.kind, t.scope), (Kind::Exact, Scope::Source));
    for text in ["!@tass", "@!tass"] {
        let t = term(text);
        assert_eq!(
            (t.negated, t.scope, t.text.as_str()),
            (true, Scope::Source, "tass")
        );
    }
}

#[test]
fn and_or_groups_and_escapes() {
    let parsed = q("a | b c");
    assert_eq!(parsed.groups.len(), 2);
    assert_eq!(parsed.groups[0].len(), 2);
    assert_eq!(parsed.groups[1][0].text, "c");
    let parsed = q("^core go$ | rb$ | py$");
    assert_eq!(parsed.groups.len(), 2);
    assert_eq!(parsed.groups[1].len(), 3);
    assert_eq!(term(r"new\ york").text, "new york");
    assert_eq!(term(r"a\|b").text, "a|b");
    let escaped_bar = q(r"a \| b");
    assert_eq!(escaped_bar.groups.len(), 3, "an escaped bar is a term");
    assert_eq!(escaped_bar.groups[1][0].text, "|");
    assert_eq!(q("  a   b  ").groups.len(), 2);
}

#[test]
fn trimming_keeps_an_escaped_trailing_space() {
    assert_eq!(trim("  nato  "), "nato");
    assert_eq!(trim("new\\ "), "new\\ ");
    assert_eq!(trim("new\\\t  "), "new\\\t");
    assert_eq!(trim(" \\"), "\\");
    assert_eq!(trim(""), "");
    let titles = ["a\tb", "a\\"];
    assert_eq!(
        super::super::rank("a\\\t", titles),
        super::super::rank_plain("a\\\t", titles),
        "the fuzzer's case: an escaped tab at the end"
    );
}

#[test]
fn smart_case_per_term() {
    let parsed = q("NATO kyiv");
    assert!(parsed.groups[0][0].case_sensitive);
    assert!(!parsed.groups[1][0].case_sensitive);
    assert!(
        !term("'é").case_sensitive,
        "only ASCII upper case counts, as SkimMatcherV2"
    );
}

#[test]
fn degenerate_inputs_are_ignored_not_panics() {
    for text in [
        "", " ", "!", "'", "^", "$", "@", "|", "| |", "!'", "!^$", "^$", "@!", "\\", "\\ ", "a |",
        "| a", "a | | b", "'$", "!!", "é$", "$$",
    ] {
        let parsed = q(text);
        let _ = shape(&parsed);
        let mut m = Matcher::new(&parsed, QueryOptions::default());
        let _ = m.score(&fields("Some title", "", None));
        let _ = title_indices(&parsed, "é title $");
    }
    assert!(q("! ' ^ $ @ |").is_empty());
    assert_eq!(shape(&q("a |")), shape(&q("a")));
    assert_eq!(shape(&q("| a")), shape(&q("a")));
    assert_eq!(shape(&q("a | | b")), shape(&q("a | b")));
    assert_eq!(term("!!").text, "!", "a second ! is text");
    assert_eq!(term("$$").text, "$");
    assert_eq!(term("\\").text, "\\");
}

struct Owned {
    title: String,
    folded: Vec<u8>,
    meta: Vec<u8>,
    source: String,
    source_folded: Vec<u8>,
    body: Option<String>,
}

fn owned(title: &str, source: &str, body: Option<&str>) -> Owned {
    let mut meta = Vec::new();
    super::super::score::push_meta(title.as_bytes(), &mut meta);
    Owned {
        title: title.to_owned(),
        folded: title.to_ascii_lowercase().into_bytes(),
        meta,
        source: source.to_owned(),
        source_folded: source.to_ascii_lowercase().into_bytes(),
        body: body.map(str::to_owned),
    }
}

impl Owned {
    fn fields(&self) -> Fields<'_> {
        Fields {
            title: self.title.as_bytes(),
            title_ascii: self.title.is_ascii(),
            title_folded: &self.folded,
            title_meta: &self.meta,
            source: &self.source,
            source_folded: &self.source_folded,
            body: self.body.as_deref().map(str::as_bytes),
        }
    }
}

fn fields(title: &str, source: &str, body: Option<&str>) -> Fields<'static> {
    let leaked: &'static Owned = Box::leak(Box::new(owned(title, source, body)));
    leaked.fields()
}

/// Scores with the matcher and checks the reference agrees.
fn score_with(
    query: &str,
    full_text: bool,
    title: &str,
    source: &str,
    body: Option<&str>,
) -> Option<i64> {
    let parsed = q(query);
    let options = QueryOptions { full_text };
    let o = owned(title, source, body);
    let got = Matcher::new(&parsed, options).score(&o.fields());
    let expected = reference_match(&parsed, options, title, source, body);
    assert_eq!(got, expected, "{query:?} on {title:?}");
    got
}

fn score(query: &str, title: &str) -> Option<i64> {
    score_with(query, false, title, "", None)
}

const NATO: &str = "US Won't Commit to NATO Membership for Ukraine";

#[test]
fn each_operator_matches() {
    assert!(score("nato", NATO).is_some());
    assert!(score("ntmb", NATO).is_some(), "fuzzy");
    assert!(score("'ntmb", NATO).is_none(), "exact needs the substring");
    assert!(score("'nato mem", NATO).is_some());
    assert!(score("^us", NATO).is_some());
    assert!(score("^won", NATO).is_none());
    assert!(score("ukraine$", NATO).is_some());
    assert!(score("nato$", NATO).is_none());
    assert!(score("^us ukraine$", NATO).is_some(), "spaces split terms");
    assert!(
        score(
            r"^us\ won't\ commit\ to\ nato\ membership\ for\ ukraine$",
            NATO
        )
        .is_some()
    );
    assert!(score("^us$", NATO).is_none());
    assert!(score("!russia", NATO).is_some());
    assert!(score("!nato", NATO).is_none());
    assert!(score("!^us", NATO).is_none());
    assert!(score("!^won", NATO).is_some());
    assert!(score("!ukraine$", NATO).is_none());
    assert!(score("!'ntmb", NATO).is_none(), "negated fuzzy");
    assert!(score("NATO", NATO).is_some());
    assert!(score("'Nato", NATO).is_none(), "case-sensitive exact");
    assert!(score("'nato", NATO).is_some(), "case-insensitive exact");
}

#[test]
fn combinations() {
    assert!(score("nato ukraine", NATO).is_some());
    assert!(score("nato russia", NATO).is_none(), "AND");
    assert!(score("russia | nato", NATO).is_some(), "OR");
    assert!(score("russia | china", NATO).is_none());
    assert!(score("russia | nato !ukraine", NATO).is_none());
    assert!(score("russia | nato !china", NATO).is_some());
    assert!(score("^us 'member ukraine$ !russia", NATO).is_some());
}

#[test]
fn ranking_rules() {
    // A single fuzzy term scores exactly SkimMatcherV2.
    assert_eq!(score("nato", NATO), reference_score(NATO, "nato"));
    // AND sums; OR takes the best term.
    let a = score("nato", NATO).expect("match");
    let b = score("ukr", NATO).expect("match");
    assert_eq!(score("nato ukr", NATO), Some(a + b));
    assert_eq!(score("nato | ukr", NATO), Some(a.max(b)));
    assert_eq!(score("nato | zzz", NATO), Some(a));
    // Exact outranks the same letters fuzzy; anchors add a bonus; negation adds 0.
    assert_eq!(score("'nato", NATO), Some(4 * EXACT_PER_CHAR));
    assert!(score("'nato", NATO) > score("nato", NATO));
    assert_eq!(score("^us", NATO), Some(2 * EXACT_PER_CHAR + ANCHOR_BONUS));
    assert_eq!(
        score("ukraine$", NATO),
        Some(7 * EXACT_PER_CHAR + ANCHOR_BONUS)
    );
    assert_eq!(
        score("^ab$", "ab"),
        Some(2 * EXACT_PER_CHAR + 2 * ANCHOR_BONUS)
    );
    assert_eq!(score("nato !russia", NATO), Some(a));
    // An exact term beats the best fuzzy match of its letters at any length.
    for (title, text) in [("a", "a"), ("ab", "ab"), ("Ab Cd", "ab"), ("NATO", "NATO")] {
        let fuzzy = reference_score(title, text).expect("fuzzy match");
        let exact = score(&format!("'{text}"), title).expect("exact match");
        assert!(exact > fuzzy, "{title} {text}: {exact} > {fuzzy}");
    }
}

#[test]
fn ranking_in_the_engine_order() {
    let titles = [
        "Russia and NATO talk",
        "NATO summit opens",
        "nothing about it",
        "Natural gas prices in Russia",
    ];
    let ranked = |query: &str| -> Vec<u32> {
        super::super::rank(query, titles)
            .iter()
            .map(|m| m.index)
            .collect()
    };
    assert_eq!(ranked("^nato"), [1]);
    assert_eq!(ranked("nato !russia"), [1]);
    assert_eq!(
        ranked("'nato"),
        [0, 1],
        "equal exact scores keep library order"
    );
    assert_eq!(ranked("summit | gas"), [1, 3]);
    assert_eq!(ranked("nat russia$"), [3]);
}

#[test]
fn source_scope() {
    let s = |query: &str| score_with(query, false, NATO, "Reuters · Jane Doe", None);
    assert!(s("@reuters").is_some());
    assert!(s("@jane").is_some(), "the byline is part of the source");
    assert!(s("@rtrs").is_some(), "fuzzy by default");
    assert!(s("@'rtrs").is_none());
    assert!(s("@nato").is_none(), "not the headline");
    assert!(s("nato @reuters").is_some());
    assert!(s("nato !@tass").is_some());
    assert!(s("nato !@reuters").is_none());
    assert_eq!(s("@'reuters"), Some(7 * EXACT_PER_CHAR));
}

#[test]
fn full_text_matches_title_or_body() {
    let body = Some("Kyiv asked for a Membership Action Plan.\nWashington did not commit.");
    let ft = |query: &str| score_with(query, true, NATO, "", body);
    assert!(ft("washington").is_some());
    assert!(
        score_with("washington", false, NATO, "", body).is_none(),
        "title only when off"
    );
    assert!(
        ft("wshngtn").is_none(),
        "the body matches substrings, not subsequences"
    );
    assert!(
        ft("nato washington").is_some(),
        "each AND group in title or body"
    );
    assert!(ft("!washington").is_none(), "negation covers the body");
    assert!(ft("^kyiv").is_none(), "anchors are for the headline");
    assert!(ft("@kyiv").is_none(), "source terms never look at the body");
    assert!(ft("Washington").is_some());
    assert!(ft("WASHINGTON").is_none(), "case-sensitive in the body too");
    assert_eq!(ft("kyiv"), Some(4 * BODY_PER_CHAR));
    assert!(
        ft("ukr") > ft("kyiv"),
        "headline matches outrank body matches"
    );
    assert!(
        score_with("kyiv", true, NATO, "", None).is_none(),
        "no body indexed"
    );
}

#[test]
fn highlights_for_each_operator() {
    let title = "NATO Summit in Vilnius";
    let hl = |query: &str| title_indices(&q(query), title);
    assert_eq!(hl("nato"), [0, 1, 2, 3]);
    assert_eq!(hl("'summit"), [5, 6, 7, 8, 9, 10]);
    assert_eq!(hl("^nat"), [0, 1, 2]);
    assert_eq!(hl("nius$"), [18, 19, 20, 21]);
    assert_eq!(hl(r"^nato\ summit"), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert_eq!(hl("!nato"), Vec::<usize>::new());
    assert_eq!(hl("@nato"), Vec::<usize>::new());
    assert_eq!(hl("'in vil"), [12, 13, 15, 16, 17]);
    assert_eq!(hl("zzz | 'vil"), [15, 16, 17]);
    assert_eq!(title_indices(&q("'éb"), "aébc"), [1, 2], "char positions");
}

#[test]
fn snippets_contain_the_match_and_fit_the_width() {
    let body = [
        "Nothing here.",
        "The foreign ministers met in Brussels on Tuesday to discuss a Membership Action Plan for Kyiv, officials said.",
    ];
    let s = snippet(&q("membership"), body, 40).expect("a snippet");
    assert!(s.text.contains("Membership"), "{}", s.text);
    assert!(
        s.text.starts_with('…') && s.text.ends_with('…'),
        "{}",
        s.text
    );
    assert!(unicode_width::UnicodeWidthStr::width(s.text.as_str()) <= 40);
    let chars: Vec<char> = s.text.chars().collect();
    let lit: String = s.indices.iter().map(|&i| chars[i]).collect();
    assert_eq!(lit, "Membership");
    // Short paragraphs are whole; several terms are all highlighted.
    let s = snippet(&q("here noth"), body, 40).expect("a snippet");
    assert_eq!(s.text, "Nothing here.");
    assert_eq!(s.indices, [0, 1, 2, 3, 8, 9, 10, 11]);
    assert_eq!(snippet(&q("absent"), body, 40), None);
    assert_eq!(
        snippet(&q("^nothing"), body, 40),
        None,
        "anchored terms are headline-only"
    );
    assert_eq!(snippet(&q("x"), body, 0), None);
}

#[test]
fn snippets_cut_on_char_boundaries_by_width() {
    let body = ["日本語のテキストと東京オリンピックの話題、そして長い長い文章が続きます"];
    for width in 1..30 {
        if let Some(s) = snippet(&q("東京"), body, width) {
            assert!(
                unicode_width::UnicodeWidthStr::width(s.text.as_str()) <= width,
                "{width}: {}",
                s.text
            );
            let chars: Vec<char> = s.text.chars().collect();
            for &i in &s.indices {
                assert!(matches!(chars[i], '東' | '京'), "{width}: {}", s.text);
            }
        }
    }
    let s = snippet(&q("東京"), body, 20).expect("fits");
    assert!(s.text.contains("東京"));
    let hostile = ["safe \u{1b}[2J text with a \u{202E} bidi override and match"];
    let s = snippet(&q("match"), hostile, 80).expect("snippet");
    assert!(!s.text.chars().any(hidden), "{:?}", s.text);
}

#[test]
fn narrowing_rules() {
    let n = |new: &str, old: &str| q(new).narrows(&q(old), QueryOptions::default());
    assert!(n("nato", "nat"));
    assert!(n("nat o", "nat"), "an added AND term");
    assert!(n("'nato", "nat"));
    assert!(n("^nato", "'nat"));
    assert!(n("nat !russia", "nat"));
    assert!(n("a b", "b | c"));
    assert!(!n("nat", "nato"));
    assert!(!n("nat | x", "nat"), "an added OR term widens");
    assert!(!n("!russ", "!russia"), "a shorter negation widens");
    assert!(!n("nato", "'nat"));
    assert!(!n("Nat", "nat") || q("Nat").groups[0][0].case_sensitive);
    assert!(!n("nat", "Nat"));
    assert!(!n("@nat", "nat"));
    let ft = |new: &str, old: &str| q(new).narrows(&q(old), QueryOptions { full_text: true });
    assert!(ft("nato", "nat"));
    assert!(
        !ft("nxto", "nto"),
        "a body match of nxto has no nto substring"
    );
}

#[test]
fn only_the_first_max_query_chars_characters_of_a_query_count() {
    // 1,000 OR terms (4,000 characters) as the attack run pasted them.
    let terms: Vec<String> = (0..1000).map(|i| format!("w{i:02}")).collect();
    let long = terms.join(" | ");
    let parsed = q(&long);
    let kept: usize = parsed.groups.iter().map(Vec::len).sum();
    // "w00 | w01 | …": 6 characters a term (its separator included).
    assert_eq!(kept, MAX_QUERY_CHARS.div_ceil(6));
    assert_eq!(
        parsed,
        q(&long.chars().take(MAX_QUERY_CHARS).collect::<String>())
    );
    // A 20,000-character term is one term of the cap's length.
    let word = "é".repeat(20_000);
    let parsed = q(&word);
    assert_eq!(parsed.groups[0][0].text.chars().count(), MAX_QUERY_CHARS);
    assert_eq!(capped("short"), "short");
    // Narrowing compares terms pairwise: bounded now by the cap.
    assert!(q(&long).narrows(&q(&long), QueryOptions::default()));
}
