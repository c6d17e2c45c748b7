//! A deterministic generator of realistic news text, for benchmarks, tests and
//! `examples/gen_corpus.rs`: headlines in the style of the project's reference
//! generator (`shared/bench/gen_headlines.py`), raw article pages with furniture,
//! bylines, sources, dates and bodies of varied length (like `gen_articles.py`),
//! and short already-parsed articles for `.jsonl` libraries.
//!
//! Seeded xorshift; the same seed gives the same text on every machine.
//!
//! Test and benchmark support, not part of the library: each user includes it
//! with `#[path]` (the library's own unit tests too, under `cfg(test)`).

#![allow(dead_code)]

use newsreader::article::Article;

/// A small, fast, deterministic PRNG (xorshift64*).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed` (any value, 0 included).
    pub fn new(seed: u64) -> Self {
        // Spread the seed (splitmix64) so nearby seeds give unrelated streams.
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        Self(if z == 0 { 0x2545_F491_4F6C_DD1D } else { z })
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `low..=high`.
    pub fn range(&mut self, low: usize, high: usize) -> usize {
        let span = (high - low + 1) as u64;
        low + (self.next_u64() % span) as usize
    }

    /// One element of `items` (which must not be empty).
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.range(0, items.len() - 1)]
    }
}

const PEOPLE: &[&str] = &[
    "Blinken",
    "Lavrov",
    "Zelenskyy",
    "Putin",
    "Biden",
    "Macron",
    "Scholz",
    "Stoltenberg",
    "Rutte",
    "Xi Jinping",
    "Modi",
    "Erdogan",
    "Netanyahu",
    "Sunak",
    "Starmer",
    "Meloni",
    "Tusk",
    "Orban",
    "von der Leyen",
    "Guterres",
    "Kuleba",
    "Shoigu",
    "Peskov",
    "Sullivan",
    "Austin",
    "Harris",
    "Trump",
    "Yellen",
    "Lagarde",
    "Powell",
    "Kishida",
    "Albanese",
    "Trudeau",
    "Lula",
    "Milei",
    "Ramaphosa",
    "Sisi",
    "Blinken's deputy",
    "Lavrov's spokeswoman",
];
const ORGS: &[&str] = &[
    "NATO",
    "EU",
    "UN",
    "G7",
    "G20",
    "IMF",
    "World Bank",
    "OPEC",
    "WHO",
    "Kremlin",
    "Pentagon",
    "White House",
    "State Department",
    "Security Council",
    "European Commission",
    "Bundestag",
    "Parliament",
    "Congress",
    "Senate",
    "ECB",
    "Federal Reserve",
    "Red Cross",
    "IAEA",
    "OSCE",
    "Gazprom",
];
const PLACES: &[&str] = &[
    "Ukraine",
    "Russia",
    "Kyiv",
    "Moscow",
    "Washington",
    "Brussels",
    "Berlin",
    "Paris",
    "London",
    "Beijing",
    "Kharkiv",
    "Odesa",
    "Crimea",
    "Donbas",
    "Zaporizhzhia",
    "Black Sea",
    "Baltic",
    "Poland",
    "Finland",
    "Sweden",
    "Turkey",
    "Istanbul",
    "Geneva",
    "Vienna",
    "Warsaw",
    "Belarus",
    "Moldova",
    "Georgia",
    "Israel",
    "Gaza",
    "Iran",
    "China",
    "Taiwan",
    "India",
    "Japan",
    "Africa",
    "the Middle East",
    "Europe",
    "Asia",
    "Latin America",
];
const VERBS: &[&str] = &[
    "warns",
    "says",
    "rejects",
    "backs",
    "slams",
    "urges",
    "calls for",
    "signals",
    "denies",
    "vows",
    "pledges",
    "threatens",
    "welcomes",
    "criticises",
    "weighs",
    "approves",
    "blocks",
    "hails",
    "demands",
    "rules out",
    "confirms",
    "questions",
    "accuses",
    "praises",
    "eyes",
];
const OBJECTS: &[&str] = &[
    "new sanctions",
    "ceasefire talks",
    "peace plan",
    "arms shipments",
    "grain deal",
    "energy prices",
    "military aid",
    "air defence systems",
    "prisoner swap",
    "security guarantees",
    "troop build-up",
    "nuclear drills",
    "trade tariffs",
    "gas supplies",
    "interest rates",
    "election results",
    "border closure",
    "drone strikes",
    "missile attack",
    "refugee funding",
    "cyber attack",
    "oil price cap",
    "reconstruction fund",
    "frozen assets",
    "membership bid",
    "summit agenda",
    "budget deal",
    "climate pledge",
    "export ban",
    "counteroffensive",
    "mobilisation",
    "humanitarian corridor",
];
const PREPS: &[&str] = &[
    "over",
    "amid",
    "after",
    "ahead of",
    "despite",
    "following",
    "on",
];
const TAILS: &[&str] = &[
    "",
    "",
    "",
    "",
    " - live updates",
    " - report",
    " - sources",
    ": what we know",
    ", officials say",
    " as tensions rise",
    " in blow to {person}",
    " for the first time since 2022",
    ", analysts say",
    " - analysis",
    " | World news",
    " (video)",
];
const SOURCES: &[(&str, &str)] = &[
    ("Reuters", "reuters.com"),
    ("Associated Press", "apnews.com"),
    ("The Moscow Times", "themoscowtimes.com"),
    ("Business Insider", "businessinsider.com"),
    ("BBC News", "bbc.co.uk"),
    ("The Guardian", "theguardian.com"),
    ("Kyiv Independent", "kyivindependent.com"),
    ("Politico Europe", "politico.eu"),
    ("Al Jazeera", "aljazeera.com"),
    ("Deutsche Welle", "dw.com"),
];
const FIRST_NAMES: &[&str] = &[
    "Anna", "James", "Olena", "Mark", "Sofia", "David", "Irina", "Tom", "Maria", "Ben", "Léa",
    "Jonas", "Priya", "Chen", "Fatima",
];
const LAST_NAMES: &[&str] = &[
    "Smith",
    "Kovalenko",
    "Müller",
    "Johnson",
    "Petrova",
    "García",
    "Brown",
    "Nowak",
    "Rossi",
    "Dubois",
    "Lee",
    "Haddad",
    "Schmidt",
    "Walker",
];
const WORDS: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "is",
    "that",
    "for",
    "on",
    "with",
    "as",
    "was",
    "by",
    "at",
    "from",
    "his",
    "her",
    "said",
    "officials",
    "government",
    "minister",
    "talks",
    "war",
    "peace",
    "military",
    "aid",
    "sanctions",
    "election",
    "market",
    "economy",
    "president",
    "spokesman",
    "statement",
    "week",
    "Thursday",
    "Monday",
    "country",
    "leaders",
    "troops",
    "border",
    "agreement",
    "meeting",
    "report",
    "analysts",
    "expected",
    "percent",
    "city",
    "region",
    "forces",
    "support",
];
const FURNITURE: &[&str] = &[
    "Skip to content\nMenu\nWorld\nBusiness\n\n",
    "Accessibility links\n\n",
    "Sign in\nSubscribe\nSearch\n\nAdvertisement\n\n",
    "",
    "",
];
const FOOTERS: &[&str] = &[
    "Share this article\n",
    "Information from Reuters was used in this report.\n",
    "Read more:\nRelated coverage\n",
    "Comments\nSign up for our newsletter\n",
    "",
];

fn event(rng: &mut Rng) -> String {
    match rng.range(0, 15) {
        0 => format!("summit in {}", rng.pick(PLACES)),
        1 => format!("talks with {}", pick_subject(rng)),
        2 => format!("visit to {}", rng.pick(PLACES)),
        3 => format!("meeting with {}", rng.pick(PEOPLE)),
        4 => format!("vote in {}", rng.pick(ORGS)),
        5 => format!("strike on {}", rng.pick(PLACES)),
        6 => format!("protests in {}", rng.pick(PLACES)),
        7 => format!("report from {}", rng.pick(ORGS)),
        8 => format!("call with {}", rng.pick(PEOPLE)),
        9 => "deadline".to_string(),
        10 => "weekend of fighting".to_string(),
        11 => "late-night negotiations".to_string(),
        12 => "emergency session".to_string(),
        13 => "leaked memo".to_string(),
        14 => "record losses".to_string(),
        _ => "market turmoil".to_string(),
    }
}

fn pick_subject<'a>(rng: &mut Rng) -> &'a str {
    let n = PEOPLE.len() + ORGS.len() + PLACES.len();
    let i = rng.range(0, n - 1);
    if i < PEOPLE.len() {
        PEOPLE[i]
    } else if i < PEOPLE.len() + ORGS.len() {
        ORGS[i - PEOPLE.len()]
    } else {
        PLACES[i - PEOPLE.len() - ORGS.len()]
    }
}

/// One headline, 30 to 120 bytes, from the reference generator's templates.
pub fn headline(rng: &mut Rng) -> String {
    loop {
        let person = rng.pick(PEOPLE);
        let mut person2 = rng.pick(PEOPLE);
        while person2 == person {
            person2 = rng.pick(PEOPLE);
        }
        let org = rng.pick(ORGS);
        let place = rng.pick(PLACES);
        let verb = rng.pick(VERBS);
        let verb2 = rng.pick(VERBS);
        let obj = rng.pick(OBJECTS);
        let obj2 = rng.pick(OBJECTS);
        let prep = rng.pick(PREPS);
        let tail = rng.pick(TAILS).replace("{person}", rng.pick(PEOPLE));
        let s = match rng.range(0, 11) {
            0 => format!("{person} {verb} {obj} {prep} {}{tail}", event(rng)),
            1 => format!("{org} {verb} {obj} for {place}{tail}"),
            2 => format!("{place}: {person} {verb} {obj}{tail}"),
            3 => format!("{person} and {person2} clash {prep} {obj}{tail}"),
            4 => format!("Why {org} {verb} {obj} {prep} {}", event(rng)),
            5 => format!(
                "{} {verb} {person2} {prep} {obj} in {place}{tail}",
                pick_subject(rng)
            ),
            6 => format!(
                "{} killed in {place} {obj2} {prep} {}",
                rng.range(2, 120),
                event(rng)
            ),
            7 => format!(
                "Live: {place} war day {}, {person} {verb} {obj}",
                rng.range(1, 1400)
            ),
            8 => format!("{person} to meet {person2} in {place} {prep} {obj}{tail}"),
            9 => format!("Exclusive: {org} {verb} {obj} {prep} {}", event(rng)),
            10 => format!("{place} {verb} {obj} as {person} {verb2} {obj2}"),
            _ => format!(
                "Opinion: {} {verb} {obj} - and {place} should worry",
                pick_subject(rng)
            ),
        };
        let mut chars = s.chars();
        let s = match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect::<String>(),
            None => s,
        };
        if (30..=120).contains(&s.len()) {
            return s;
        }
    }
}

/// `n` headlines for `seed`.
pub fn headlines(n: usize, seed: u64) -> Vec<String> {
    let mut rng = Rng::new(seed);
    (0..n).map(|_| headline(&mut rng)).collect()
}

fn sentence(rng: &mut Rng, out: &mut String) {
    let n = rng.range(8, 24);
    for i in 0..n {
        let word = rng.pick(WORDS);
        if i == 0 {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push(' ');
            out.push_str(word);
        }
    }
    out.push('.');
}

fn paragraph(rng: &mut Rng, sentences: usize) -> String {
    let mut p = String::new();
    for i in 0..sentences {
        if i > 0 {
            p.push(' ');
        }
        sentence(rng, &mut p);
    }
    p
}

fn date(rng: &mut Rng) -> (usize, usize, usize) {
    (rng.range(2019, 2025), rng.range(1, 12), rng.range(1, 28))
}

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn slug(title: &str) -> String {
    let mut slug = String::new();
    for word in title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&word.to_ascii_lowercase());
    }
    slug
}

/// One raw article page as people copy it: optional site furniture, the
/// headline, sometimes a standfirst, byline and date, 2 to 12 body paragraphs
/// (about 0.5 to 8 KB, around 3 KB on average), sometimes a URL, and a footer.
pub fn article_text(rng: &mut Rng) -> String {
    let title = headline(rng);
    let (source, site) = SOURCES[rng.range(0, SOURCES.len() - 1)];
    let mut page = String::with_capacity(4096);
    page.push_str(rng.pick(FURNITURE));
    page.push_str(&title);
    page.push_str("\n\n");
    if rng.range(0, 2) == 0 {
        page.push_str(&paragraph(rng, 1));
        page.push_str("\n\n");
    }
    match rng.range(0, 3) {
        0 => {
            page.push_str(&format!(
                "By {} {}\n",
                rng.pick(FIRST_NAMES),
                rng.pick(LAST_NAMES)
            ));
        }
        1 => page.push_str("Staff Reporter\n"),
        _ => {}
    }
    let (y, m, d) = date(rng);
    match rng.range(0, 2) {
        0 => page.push_str(&format!("{} {d}, {y}\n\n", MONTHS[m - 1])),
        1 => page.push_str(&format!("{y}-{m:02}-{d:02} · {source}\n\n")),
        _ => page.push('\n'),
    }
    let paragraphs = rng.range(2, 12);
    for _ in 0..paragraphs {
        let sentences = rng.range(2, 6);
        page.push_str(&paragraph(rng, sentences));
        page.push_str("\n\n");
    }
    if rng.range(0, 2) == 0 {
        page.push_str(&format!(
            "https://www.{site}/world/{y}/{m:02}/{}\n\n",
            slug(&title)
        ));
    }
    page.push_str(rng.pick(FOOTERS));
    page
}

/// `n` raw article pages for `seed`.
pub fn article_texts(n: usize, seed: u64) -> Vec<String> {
    let mut rng = Rng::new(seed);
    (0..n).map(|_| article_text(&mut rng)).collect()
}

/// One short, already parsed article (about 500 bytes of JSON), for `.jsonl`
/// libraries. `number` names its path.
pub fn short_article(rng: &mut Rng, number: usize) -> Article {
    let title = headline(rng);
    let (source, site) = SOURCES[rng.range(0, SOURCES.len() - 1)];
    let (y, m, d) = date(rng);
    let body: Vec<String> = (0..rng.range(1, 3)).map(|_| paragraph(rng, 1)).collect();
    let word_count = newsreader::article::model::count_words(&body);
    Article {
        url: Some(format!(
            "https://www.{site}/world/{y}/{m:02}/{}",
            slug(&title)
        )),
        title,
        byline: Some(format!(
            "{} {}",
            rng.pick(FIRST_NAMES),
            rng.pick(LAST_NAMES)
        )),
        source: Some(source.to_string()),
        published: Some(format!("{y}-{m:02}-{d:02}")),
        body,
        word_count,
        path: format!("generated/{number:07}.txt"),
        ..Article::default()
    }
}

/// `n` short parsed articles for `seed`.
pub fn short_articles(n: usize, seed: u64) -> Vec<Article> {
    let mut rng = Rng::new(seed);
    (0..n).map(|i| short_article(&mut rng, i)).collect()
}

/// The relative path of generated article `i`: 1000 files per folder, like the
/// reference generator (`0042/0042137.txt`).
pub fn shard_path(i: usize) -> String {
    format!("{:04}/{i:07}.txt", i / 1000)
}

/// Library sizes a benchmark runs at: `NEWSREADER_BENCH_SIZES` (comma-separated,
/// e.g. `100000`) to measure one size quickly, else `default`.
pub fn bench_sizes(default: &[usize]) -> Vec<usize> {
    match std::env::var("NEWSREADER_BENCH_SIZES") {
        Ok(list) => list
            .split(',')
            .filter_map(|s| s.trim().parse().ok())
            .collect(),
        Err(_) => default.to_vec(),
    }
}

#[cfg(test)]
#[allow(unused_imports)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_varied() {
        assert_eq!(headlines(50, 1), headlines(50, 1));
        assert_ne!(headlines(50, 1), headlines(50, 2));
        let titles = headlines(2_000, 9);
        assert!(titles.iter().all(|t| (30..=120).contains(&t.len())));
        let distinct: std::collections::HashSet<_> = titles.iter().collect();
        assert!(distinct.len() > 1_900);
    }

    #[test]
    fn article_pages_average_about_three_kilobytes() {
        let pages = article_texts(500, 4);
        let mean = pages.iter().map(String::len).sum::<usize>() / pages.len();
        assert!((1_500..=4_500).contains(&mean), "mean {mean}");
    }

    #[test]
    fn short_articles_are_about_half_a_kilobyte_of_json() {
        let articles = short_articles(200, 4);
        let bytes: usize = articles
            .iter()
            .map(|a| serde_json::to_string(a).map(|s| s.len()).unwrap_or(0))
            .sum();
        let mean = bytes / articles.len();
        assert!((300..=800).contains(&mean), "mean {mean}");
    }
}
