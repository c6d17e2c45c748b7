//! Rule `publication`: which publication the page belongs to, from the page
//! text alone.
//!
//! A page names its publication in many small places, none reliable alone: the
//! footer's copyright line ("© 2019 CNBC LLC. All rights reserved."), masthead
//! and menu furniture ("The Verge homepage", "Follow Lifehacker", "About CNBC",
//! "Subscribe to AppleInsider"), an outlet after a byline ("By Troy Smith,
//! Cleveland.com"), a domain written out ("www.autoracing.com.br"), or a short
//! name standing alone both in the masthead and in the footer. Each place is a
//! vote for a name, weighted by how telling it is; votes for the same name (or
//! for one name inside a longer one, "Fox News" in "FOX News Network") add up,
//! and the name with most weight wins. A copyright holder that reads as a
//! company ("Vox Media, LLC", "Hearst Communications") votes less than the
//! masthead, so a publication beats its parent company where both appear.

use super::page_domain;
use super::text::{is_capitalised, lower_starts_with, word_count};

/// A line longer than this is prose, never furniture that names the site.
const SHORT: usize = 60;

/// More names than this standing alone both at the top and in the footer
/// are a menu repeated, not the site's name.
const MENU_REPEATS: usize = 3;
/// Each line naming a candidate beyond its first (see [`mentions`]) adds
/// the `mention` weight, up to this many lines.
const MENTION_CAP: usize = 5;
/// A menu lead no other evidence names needs this many lines naming it.
const LEAD_MENTIONS: usize = 4;
/// Such a lead's share of the menu lead's weight: less than a lead that
/// other evidence confirms.
const LEAD_ALONE: f32 = 2.0 / 3.0;

/// Menu and furniture phrases whose object is the site: "Follow X", "About X".
/// Lowercase, with the trailing space.
const BEFORE_NAME: &[&str] = &[
    "follow ",
    "about ",
    "subscribe to ",
    "support ",
    "more from ",
    "sign up to ",
    "sign up for ",
    "sign in to ",
    "search ",
    "welcome to ",
    "advertise on ",
    "advertise with ",
    "work at ",
    "work for ",
    "work with ",
    "careers at ",
    "why you can trust ",
    "contact ",
    "acerca de ",
    "à propos de ",
    "über ",
    "sobre ",
    "chi è ",
    "originally published on ",
    "more great ",
    "get ",
    "like ",
    "from: ",
];

/// [`BEFORE_NAME`] in Portuguese, Spanish, Italian, French, German and
/// Russian: "Follow X", "Subscribe to X" (an article after them is dropped,
/// see [`ARTICLES`]).
const BEFORE_NAME_ELSEWHERE: &[&str] = &[
    "siga ",
    "assine ",
    "curta ",
    "sigue a ",
    "suscríbete a ",
    "segui ",
    "abbonati a ",
    "suivez ",
    "abonnez-vous à ",
    "folgen sie ",
    "abonnieren sie ",
    "подпишитесь на ",
    "подписывайтесь на ",
    // "Find X on", "Join X", "Support X", "Welcome to X", "Advertise on X",
    // "Read X on" in French, Spanish, Portuguese, Italian, German, Russian,
    // Indonesian and Czech.
    "retrouvez ",
    "rejoignez ",
    "soutenez ",
    "abonnez-vous au ",
    "abonnez-vous à ",
    "bienvenue sur ",
    "bienvenue à ",
    "bienvenue au ",
    "contactez ",
    "únete a ",
    "bienvenido a ",
    "bienvenidos a ",
    "contacta con ",
    "bem-vindo ao ",
    "bem-vindo à ",
    "bem-vindo a ",
    "fale com o ",
    "fale com a ",
    "apoie o ",
    "apoie a ",
    "anuncie no ",
    "anuncie na ",
    "benvenuto su ",
    "benvenuti su ",
    "pubblicità su ",
    "iscriviti a ",
    "sostieni ",
    "folge ",
    "abonniere ",
    "unterstütze ",
    "unterstützen sie ",
    "willkommen bei ",
    "willkommen auf ",
    "werben bei ",
    "werben auf ",
    "mehr von ",
    "читайте ",
    "поддержите ",
    "реклама на ",
    "ikuti ",
    "tentang ",
    "berlangganan ",
    "selamat datang di ",
    "dukung ",
    "sledujte ",
    "odebírejte ",
    "podpořte ",
    "vítejte na ",
    // "Download the X app", "X's newsletter": the name after the words.
    "baixe o app do ",
    "baixe o app da ",
    "baixe o aplicativo do ",
    "baixe o aplicativo da ",
    "descarga la app de ",
    "descargue la app de ",
    "scarica l'app di ",
    "scarica l’app di ",
    "téléchargez l'application ",
    "téléchargez l’application ",
    "laden sie die app von ",
    "unduh aplikasi ",
    "скачайте приложение ",
    "newsletter do ",
    "newsletter da ",
    "newsletter de ",
    "newsletter di ",
    "newsletter du ",
    "newsletter von ",
];

/// [`BEFORE_NAME`] and [`BEFORE_NAME_ELSEWHERE`] (with whether a phrase is
/// the latter's) by their first byte: a line is compared with the few
/// phrases that open as it does, not with all ninety.
fn phrases_by_first_byte() -> &'static [Vec<(&'static str, bool)>] {
    static BY_BYTE: std::sync::OnceLock<Vec<Vec<(&'static str, bool)>>> =
        std::sync::OnceLock::new();
    BY_BYTE.get_or_init(|| {
        let mut by_byte = vec![Vec::new(); 256];
        let all = BEFORE_NAME
            .iter()
            .map(|p| (*p, false))
            .chain(BEFORE_NAME_ELSEWHERE.iter().map(|p| (*p, true)));
        for (phrase, elsewhere) in all {
            by_byte[usize::from(phrase.as_bytes()[0])].push((phrase, elsewhere));
        }
        by_byte
    })
}

/// Articles that may stand between a phrase of [`BEFORE_NAME_ELSEWHERE`]
/// and the name ("Siga a Folha", "Suivez le Courrier").
const ARTICLES: &[&str] = &[
    "o ", "a ", "os ", "as ", "el ", "la ", "los ", "il ", "lo ", "le ", "les ", "der ", "die ",
    "das ", "den ", "l'", "l’",
];

/// Where "on Twitter" starts in other languages ("Siga a Folha no
/// Twitter"): the network is not part of the name.
const ON_NETWORK: &[&str] = &[
    " on ", " no ", " na ", " en ", " su ", " sur ", " auf ", " в ",
];

/// Words that mean "on" but also join a name's words ("Corriere di Roma"):
/// they end the name only before a network ("Ikuti Harian Pelabuhan di
/// Instagram").
const ON_NETWORK_OR_JOINER: &[&str] = &[" di ", " v ", " w ", " bei ", " im "];

/// Networks a furniture line names after the site ("… on Instagram").
const NETWORKS: &[&str] = &[
    "facebook",
    "twitter",
    "instagram",
    "telegram",
    "youtube",
    "google",
    "whatsapp",
    "tiktok",
    "linkedin",
    "threads",
    "x",
    "дзен",
    "дзене",
    "вконтакте",
];

/// Furniture words after the site's name: "The Verge homepage", "Vox main menu".
const AFTER_NAME: &[&str] = &[
    " homepage",
    " home page",
    " main menu",
    " newsletter",
    " newsletters",
    " app",
    " apps",
    " store",
    " shop",
    " podcasts",
    " archives",
    " online:",
    " online",
    " on youtube",
    " on facebook",
    " on twitter",
    " staff",
    " stories",
    " staff report",
    " staff reports",
    " editorial board",
    " news desk",
    " newsroom",
    " e-edition",
    " crossword",
    " media kit",
];

/// Actions before the site's name in a furniture line whose end names it
/// ("Download the Harbour Post app", "By Harbour Post Staff"); lowercase.
const ACTION_BEFORE_NAME: &[&str] = &[
    "download the ",
    "get the ",
    "try the ",
    "install the ",
    "join the ",
    "subscribe to the ",
    "sign up for the ",
    "read the ",
    "visit the ",
    "by ",
];

/// Words that name a company rather than a publication ("Vox Media, LLC",
/// "Hearst Communications, Inc.", "CBS Interactive"); lowercase.
const COMPANY_WORDS: &[&str] = &[
    "media",
    "network",
    "networks",
    "interactive",
    "communications",
    "communication",
    "group",
    "corporation",
    "company",
    "newspapers",
    "publishing",
    "publications",
    "holdings",
    "broadcasting",
    "universal",
    "nbcuniversal",
    "enterprises",
    "productions",
    "partners",
    "ventures",
    "digital",
    // The same in Portuguese, Spanish, Italian, French, German and Russian.
    "grupo",
    "gruppo",
    "groupe",
    "gruppe",
    "editora",
    "comunicação",
    "comunicações",
    "comunicación",
    "comunicazione",
    "verlag",
    "medien",
    "médias",
    "холдинг",
    "медиа",
];

/// Legal forms written before a company's name, with the space after them.
const LEGAL_FORMS_BEFORE: &[&str] = &["ООО ", "ОАО ", "ЗАО ", "ПАО ", "АО "];

/// Legal suffixes dropped from a holder ("Inc.", "LLC", "GmbH").
const LEGAL_SUFFIXES: &[&str] = &[
    "inc", "llc", "ltd", "limited", "corp", "co", "gmbh", "ag", "sa", "s.a", "as", "a.s", "plc",
    "bv", "srl", "spa", "pty", "lp", "llp", "nv", "ab", "oy", "kg",
];

/// Words that are never a publication's name alone: menu labels, actions.
const NOT_A_NAME: &[&str] = &[
    "us",
    "me",
    "our",
    "the",
    "this",
    "news",
    "home",
    "more",
    "all",
    "free",
    "now",
    "started",
    "the app",
    "the newsletter",
    "now",
    "help",
    "menu",
    "search",
    "site",
    "page",
    "website",
    "privacy",
    "terms",
    "cookies",
    "up",
    "in",
    "out",
    "account",
    "today",
    "it",
    "them",
    "updates",
    "alerts",
    "access",
    "a",
    "an",
    "here",
    "your",
    "my",
    "you",
    "we",
    // "Us" and "we" in other languages ("Tentang Kami", "Über Uns").
    "kami",
    "uns",
    "nós",
    "nous",
    "nosotros",
    "noi",
    "nas",
    "нас",
    "team",
    "staff",
    "jobs",
    "careers",
    "contact",
    "contact us",
    "advertising",
    "subscription",
    "subscriptions",
    "community",
    "with us",
    "on",
    "for",
    "to",
    "email",
    "e-mail",
    "facebook",
    "twitter",
    "instagram",
    "youtube",
    "linkedin",
    "pinterest",
    "whatsapp",
    "reddit",
    "google",
    "apple",
    "amazon",
    "rss",
    "podcast",
    "podcasts",
    "newsletter",
    "newsletters",
    "video",
    "videos",
    "photos",
    "sports",
    "sport",
    "weather",
    "politics",
    "business",
    "opinion",
    "world",
    "tech",
    "technology",
    "science",
    "health",
    "entertainment",
    "culture",
    "life",
    "lifestyle",
    "travel",
    "food",
    "style",
    "money",
    "markets",
    "local",
    "national",
    "live",
    "tv",
    "radio",
    "shop",
    "store",
    "app",
    "apps",
    "blog",
    "blogs",
    "forums",
    "games",
    "events",
    "deals",
    "reviews",
    "classifieds",
    "obituaries",
    "online",
];

/// First words that make a phrase an action or a menu label, not a name.
const NOT_FIRST: &[&str] = &[
    "share",
    "follow",
    "back",
    "subscribe",
    "sign",
    "log",
    "get",
    "read",
    "more",
    "our",
    "your",
    "my",
    "like",
    "tweet",
    "email",
    "print",
    "save",
    "sponsored",
    "related",
    "advertisement",
    "mobile",
    "click",
    "download",
    "watch",
    "listen",
    "see",
    "view",
    "show",
    "hide",
    "close",
    "open",
    "go",
    "join",
    "login",
    "register",
    "comment",
    "comments",
    "free",
    "best",
    "top",
    "latest",
    "new",
    "all",
    "this",
    "that",
    "these",
    "those",
    "what",
    "how",
    "why",
    "when",
    "who",
    "where",
    "image",
    "photo",
    "photos",
    "picture",
    "video",
    "fotos",
    "foto",
    "фото",
    "advertise",
    "about",
    "contact",
    "privacy",
    "terms",
    "cookie",
    "cookies",
    "help",
    "home",
    "search",
    "menu",
    "skip",
    "a",
    "an",
    "is",
    "are",
    "it",
    "you",
    "we",
    "i",
    "policy",
    "following",
    "send",
    "us",
    "e-mail",
    "issue",
    "edition",
    "solutions",
    "back",
    "next",
    "previous",
    "page",
    "pages",
    "sign-in",
    "signin",
    "shop",
    "store",
    "try",
    "find",
    "explore",
    "discover",
    "learn",
    "enter",
    "write",
    "submit",
    "newsletter",
    "newsletters",
    "support",
    // Story-list labels: "Most Popular Stories", "Trending Now".
    "most",
    "trending",
    "featured",
    "popular",
    "recent",
    "editor's",
    "editors'",
];

/// Where a name's votes are kept: its display form and weight.
struct Candidate {
    /// Letters and digits, lowercased, without a leading "the" (see [`key_of`]).
    key: String,
    name: String,
    score: f32,
    /// Votes so far by kind of evidence, by [`Evidence`] index (a kind counts
    /// twice at most: a menu repeated down the page is one piece of evidence,
    /// not twenty).
    votes: [u8; EVIDENCE_KINDS],
    /// The counted votes' place factors added up, by kind: what the score
    /// weighs (and what `parse --explain` shows).
    evidence: [f32; EVIDENCE_KINDS],
}

/// The kinds of evidence; each weighs what `source_weights.json` says
/// (fitted by `scripts/fit_source.py`).
#[derive(Clone, Copy, PartialEq)]
enum Evidence {
    /// The footer's copyright holder ("© 2019 CNBC LLC").
    Copyright,
    /// A copyright holder that reads as a company ("Vox Media, LLC"): less
    /// than the masthead, so a publication beats its parent company.
    CopyrightCompany,
    /// A short name before the mark ("Wccftech © 2019 NewAge ADS, LLC").
    BeforeCopyright,
    /// Menu and furniture phrases: "Follow X", "X homepage".
    Phrase,
    /// A domain written out in a short line ("www.autoracing.com.br").
    Domain,
    /// An outlet after a byline ("By Troy Smith, Cleveland.com").
    BylineOutlet,
    /// A short line standing alone both in the masthead and in the footer.
    MastheadAndFooter,
    /// Menus name the site in front of their entries ("WSJ Video", "WSJ
    /// Pro", "WSJ Podcasts"): a first word (or two) leading three or more
    /// short lines.
    MenuLead,
    /// "X is a registered trademark of …", "X is part of Y", "appeared
    /// first on X": the page saying which name is the publication's.
    OwnName,
    /// The domain the page writes most, more than once (see [`page_domain`]).
    WrittenDomain,
    /// A domain opening the story's first paragraph as its dateline
    /// ("Example.net - Verified footage shows …"): the site credits itself.
    DomainDateline,
    /// A name at the top and again beside the footer's copyright line: the
    /// site's logo, whose text the page keeps in both places.
    FooterLogo,
    /// A name the page's most written domain spells (see [`spells`]).
    DomainAgrees,
    /// A company standing alone on a line of an imprint or address block
    /// (see [`imprint_company`]).
    Imprint,
}

const EVIDENCE_KINDS: usize = 14;

/// Every kind, in [`Evidence`] order, by the name the weights file and
/// `parse --explain` give it.
const EVIDENCE_NAMES: [&str; EVIDENCE_KINDS] = [
    "copyright",
    "copyright_company",
    "before_copyright",
    "phrase",
    "domain",
    "byline_outlet",
    "masthead_and_footer",
    "menu_lead",
    "own_name",
    "written_domain",
    "domain_dateline",
    "footer_logo",
    "domain_agrees",
    "imprint",
];

impl Evidence {
    fn weight(self) -> f32 {
        weights().values[self as usize]
    }
}

#[derive(serde::Deserialize)]
struct WeightsFile {
    weights: std::collections::HashMap<String, f32>,
    mention: f32,
    min_score: f32,
}

/// The weight of each kind of evidence, of each line naming a candidate
/// beyond its first, and the least score a name needs (below it, the page
/// URL's host or the domain the page writes most is given instead).
struct Weights {
    values: [f32; EVIDENCE_KINDS],
    mention: f32,
    min_score: f32,
}

/// The weights in force, read once from the file compiled in (a test checks
/// it parses and names every kind; if it did not, no name would be given).
fn weights() -> &'static Weights {
    static WEIGHTS: std::sync::OnceLock<Weights> = std::sync::OnceLock::new();
    WEIGHTS.get_or_init(|| {
        let file: Option<WeightsFile> =
            serde_json::from_str(include_str!("source_weights.json")).ok();
        let mut values = [0.0; EVIDENCE_KINDS];
        match file {
            Some(file) => {
                for (v, name) in values.iter_mut().zip(EVIDENCE_NAMES) {
                    *v = file.weights.get(name).copied().unwrap_or(0.0);
                }
                Weights {
                    values,
                    mention: file.mention,
                    min_score: file.min_score,
                }
            }
            None => Weights {
                values,
                mention: 0.0,
                min_score: f32::INFINITY,
            },
        }
    })
}

/// The names voted for, in the order first seen (a page names few, so a
/// list searched in order is enough, and ties are decided the same way on
/// every run).
#[derive(Default)]
struct Ballot {
    names: Vec<Candidate>,
}

fn key_of(name: &str) -> String {
    let letters: String = name
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    match letters.strip_prefix("the") {
        Some(rest) if rest.chars().count() >= 3 && name.trim_start().len() > 4 => {
            let starts_word = name
                .trim_start()
                .get(..4)
                .is_some_and(|h| h.eq_ignore_ascii_case("the "));
            if starts_word {
                rest.to_string()
            } else {
                letters
            }
        }
        _ => letters,
    }
}

impl Ballot {
    fn vote(&mut self, name: &str, evidence: Evidence, place: f32) {
        let weight = evidence.weight() * place;
        let kind = evidence as usize;
        let name = name
            .trim()
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '!' && c != '&');
        let name = name.trim_end_matches('.');
        // A domain goes by its brand ("Valleytimes.com" → "Valleytimes"), so
        // it meets the name written out; a lowercase brand is no name to show
        // ("cleveland"), so the domain itself is shown ("cleveland.com").
        let domain;
        let (name, key) = if looks_like_domain(name) && !name.contains(' ') {
            domain = domain_name(name);
            let key = key_of(&domain);
            if plausible_name(&domain) {
                (domain.as_str(), key)
            } else {
                (page_domain::registrable_part(name).unwrap_or(name), key)
            }
        } else {
            (name, key_of(name))
        };
        // A company's imprint writes its name as its logo does, lowercase too.
        // A name the page states as its own may be written in sentence case
        // ("Гавань сегодня").
        let lowercase_ok = match evidence {
            Evidence::Imprint => plausible_name(&capitalise_first(name)),
            Evidence::OwnName => plausible_name(&capitalise_words(name)),
            // A furniture phrase in a script such as Cyrillic names the site
            // in sentence case ("Читайте Гавань сегодня в Telegram"); its
            // first letter is still a capital.
            Evidence::Phrase
                if !name.chars().any(|c| c.is_ascii_alphabetic())
                    && name.chars().next().is_some_and(char::is_uppercase) =>
            {
                plausible_name(&capitalise_words(name))
            }
            // Names in scripts such as Cyrillic are written in sentence case
            // ("© 2019 Гаванская газета").
            Evidence::Copyright | Evidence::CopyrightCompany | Evidence::BeforeCopyright
                if !name.chars().any(|c| c.is_ascii_alphabetic()) =>
            {
                plausible_name(&capitalise_words(name))
            }
            _ => false,
        };
        if !plausible_name(name) && !lowercase_ok {
            return;
        }
        if key.chars().count() < 2 {
            return;
        }
        let at = match self.names.iter().position(|c| c.key == key) {
            Some(at) => at,
            None => {
                self.names.push(Candidate {
                    key,
                    name: name.to_string(),
                    score: 0.0,
                    votes: [0; EVIDENCE_KINDS],
                    evidence: [0.0; EVIDENCE_KINDS],
                });
                self.names.len() - 1
            }
        };
        let entry = &mut self.names[at];
        // The name written out reads better than its domain ("The Daily
        // Lantern" over "dailylantern.com").
        if looks_like_domain(&entry.name) && !looks_like_domain(name) {
            entry.name = name.to_string();
        }
        let count = &mut entry.votes[kind];
        if *count < 2 {
            *count += 1;
            entry.score += weight;
            entry.evidence[kind] += place;
        }
    }

    /// The name with most weight, counting for each name also the votes for
    /// longer names that hold it ("Fox News" gets the votes for "FOX News
    /// Network"), and its [`mentions`] on the page: a publication names
    /// itself all over its pages (masthead, menus, credits, "About X"), a
    /// parent company or a sister site once or twice.
    fn winner(&self, mentioned: impl Fn(&str) -> usize) -> Option<String> {
        let counts: Vec<usize> = self
            .names
            .iter()
            .enumerate()
            .map(|(k, c)| {
                // Menus and link lists repeat their words too: only a name
                // the page already gives evidence for is helped (and a page
                // naming a hundred things is not searched a hundred times).
                if c.score < weights().min_score || k >= 64 {
                    0
                } else {
                    mentioned(&c.name)
                }
            })
            .collect();
        // Mentions amplify the evidence, never outweigh it (a menu word is
        // mentioned by every menu).
        let bonus: Vec<f32> = counts
            .iter()
            .zip(&self.names)
            .map(|(&m, c)| {
                (m.saturating_sub(1).min(MENTION_CAP) as f32 * weights().mention).min(c.score)
            })
            .collect();
        let mut best: Option<(&str, f32, usize)> = None;
        for (k, c) in self.names.iter().enumerate() {
            let key = &c.key;
            let mut total = c.score + bonus[k];
            // The group's display name: the one with most weight of its own,
            // the longer one on a tie ("Quanta Magazine" over "The Quanta").
            let mut shown = (c.name.as_str(), c.score + bonus[k], key.len());
            if key.len() >= 3 {
                for (m, o) in self.names.iter().enumerate() {
                    let other = &o.key;
                    if other != key && holds_words(&o.name, &c.name) {
                        total += o.score;
                        let own = o.score + bonus[m];
                        if own > shown.1 + 1e-3
                            || ((own - shown.1).abs() <= 1e-3 && other.len() > shown.2)
                        {
                            shown = (o.name.as_str(), own, other.len());
                        }
                    }
                }
            }
            // Ties go to the shorter key (the name rather than the phrase).
            let better = best.is_none_or(|(_, s, len)| {
                total > s + 1e-3 || ((total - s).abs() <= 1e-3 && key.len() < len)
            });
            if better {
                best = Some((shown.0, total, key.len()));
            }
        }
        let (shown, score, _) = best.filter(|(_, s, _)| *s >= weights().min_score)?;
        // A longer form the page writes out about as often is the fuller
        // name ("Quanta Magazine" over "Quanta"; not "WSJ Video" over "WSJ").
        let head = mentioned(shown).min(MENTION_CAP + 1);
        let fuller = self
            .names
            .iter()
            .filter(|o| o.name.len() > shown.len() && holds_words(&o.name, shown))
            .filter(|o| {
                // Named as the site by the page, not only leading a menu (a
                // product line: "Beachbody Performance Recover").
                let menu = [Evidence::MenuLead, Evidence::MastheadAndFooter];
                o.votes
                    .iter()
                    .enumerate()
                    .any(|(k, &v)| v > 0 && !menu.iter().any(|e| *e as usize == k))
            })
            .filter(|o| {
                let m = mentioned(&o.name);
                m >= 2 && 2 * m >= head
            })
            .max_by_key(|o| o.name.len());
        let _ = score;
        Some(fuller.map_or(shown, |o| o.name.as_str()).to_string())
    }
}

/// `name` with its first letter in capitals ("harbourwrap" → "Harbourwrap").
fn capitalise_first(name: &str) -> String {
    let mut chars = name.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// `name` with every word's first letter in capitals.
fn capitalise_words(name: &str) -> String {
    name.split(' ')
        .map(capitalise_first)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `longer` holds the words of `name` in a row ("FOX News Network"
/// holds "Fox News"; "CBSSports" does not hold "CBS": a sister site is not
/// its parent's name), case and a leading "The" ignored.
fn holds_words(longer: &str, name: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (mut long, mut short) = (words(longer), words(name));
    for v in [&mut long, &mut short] {
        if v.len() > 1 && v[0] == "the" {
            v.remove(0);
        }
    }
    !short.is_empty() && long.windows(short.len()).any(|w| w == short.as_slice())
}

/// In how many of `lines` (the story's left out) `name` stands as a whole
/// word, ASCII case ignored ("ZDNet" in "Jason Cipriani/ZDNet", "TMZ" in
/// "About TMZ.com"), counting up to `cap`. A leading "The " is not needed.
fn mentions(lines: &[&str], story: &std::ops::Range<usize>, name: &str, cap: usize) -> usize {
    count_mentions(lines, story, name, cap, false)
}

/// [`mentions`] that do not open their line: a menu's leading word is
/// repeated by the menu itself ("Fantasy Football", "Fantasy Baseball"), the
/// site's name is also written inside other lines ("Call TMZ", "BY TMZ
/// STAFF").
fn mentions_inside(
    lines: &[&str],
    story: &std::ops::Range<usize>,
    name: &str,
    cap: usize,
) -> usize {
    count_mentions(lines, story, name, cap, true)
}

fn count_mentions(
    lines: &[&str],
    story: &std::ops::Range<usize>,
    name: &str,
    cap: usize,
    inside: bool,
) -> usize {
    let name = name.trim();
    let name = name
        .get(..4)
        .filter(|h| h.eq_ignore_ascii_case("the "))
        .map_or(name, |_| name[4..].trim_start());
    let needle = name.as_bytes();
    let Some(&first) = needle.first() else {
        return 0;
    };
    let word_byte = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
    let mut count = 0;
    for (i, line) in lines.iter().enumerate() {
        if count >= cap {
            break;
        }
        if story.contains(&i) || line.len() < needle.len() {
            continue;
        }
        let hay = line.as_bytes();
        let found =
            memchr::memchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), hay).any(
                |at| {
                    let end = at + needle.len();
                    hay.get(at..end)
                        .is_some_and(|w| w.eq_ignore_ascii_case(needle))
                        && (at == 0 || !word_byte(hay[at - 1]))
                        && !(inside && hay[..at].trim_ascii().is_empty())
                        && hay.get(end).is_none_or(|&b| !word_byte(b))
                },
            );
        if found {
            count += 1;
        }
    }
    count
}

/// Lowercase words that join the capitalised words of a name ("Corriere della
/// Sera", "Gazeta do Povo", "Hoy y Mañana").
const NAME_JOINERS: &[&str] = &[
    "of", "de", "du", "des", "and", "&", "the", "la", "el", "do", "da", "dos", "das", "di", "del",
    "della", "dello", "delle", "dei", "degli", "e", "y", "und", "et", "van", "von", "och", "и",
];

/// Whether `name` can be a publication's name: one to six words, starting
/// with a capital or a digit (or a domain), not a menu word, no sentence.
fn plausible_name(name: &str) -> bool {
    let words = word_count(name);
    if !(1..=6).contains(&words) || name.chars().count() > 50 || name.contains(['@', '|', ':', '/'])
    {
        return false;
    }
    let lower = name.to_lowercase();
    if NOT_A_NAME.contains(&lower.as_str())
        || lower.contains("author")
        || !name.chars().any(char::is_alphabetic)
    {
        return false;
    }
    let first = name.split_whitespace().next().unwrap_or("");
    if NOT_FIRST.contains(&first.to_lowercase().as_str()) {
        return false;
    }
    let first_ok = first.chars().next().is_some_and(|c| {
        // Scripts without capitals ("光明网") start a name with any letter.
        !c.is_lowercase()
    }) || looks_like_domain(first);
    if !first_ok {
        return false;
    }
    // Names are mostly capitalised words; a lowercase run reads as a phrase.
    let lowercase_words = name
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase) && !looks_like_domain(w))
        .filter(|w| !NAME_JOINERS.contains(w))
        .count();
    lowercase_words == 0 && !name.ends_with(['?', ':', ','])
}

/// "cleveland.com", "www.autoracing.com.br", "POLYGRAPH.info".
fn looks_like_domain(token: &str) -> bool {
    let t = token.trim_matches(|c: char| !c.is_alphanumeric());
    let Some((head, tld)) = t.rsplit_once('.') else {
        return false;
    };
    let tld_ok = (2..=6).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_alphabetic());
    let head_ok = !head.is_empty()
        && head
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        && head.chars().any(|c| c.is_ascii_alphabetic());
    tld_ok && head_ok && !t.contains("..")
}

/// The brand part of a domain: "www.autoracing.com.br" → "autoracing",
/// "Cleveland.com" → "Cleveland" (so it meets the same name written out).
fn domain_name(token: &str) -> String {
    let t = token.trim_matches(|c: char| !c.is_alphanumeric());
    let t = t
        .get(..4)
        .filter(|h| h.eq_ignore_ascii_case("www."))
        .map_or(t, |_| &t[4..]);
    let mut labels: Vec<&str> = t.split('.').collect();
    // The top-level domain, and a second level under a country ("co.uk").
    labels.pop();
    if labels.len() >= 2
        && labels.last().is_some_and(|l| {
            matches!(
                *l,
                "co" | "com" | "org" | "net" | "ac" | "gov" | "ne" | "or"
            )
        })
    {
        labels.pop();
    }
    labels.last().copied().unwrap_or(t).to_string()
}

/// The holder named by a copyright line, cleaned of the mark, years, legal
/// suffixes and the reservation: "© 2019 CNBC LLC. All Rights Reserved." →
/// "CNBC"; and the short name standing before the mark, if any ("Wccftech ©
/// 2019 NewAge ADS, LLC" → "Wccftech").
fn copyright_holder(line: &str) -> Option<(Option<String>, Option<String>, bool)> {
    let lower = line.to_lowercase();
    let marked = ["©", "ⓒ", "(c)", "(с)"].iter().any(|m| lower.contains(m));
    let reserved = lower.contains("all rights reserved");
    let (at, mark_len) = match ["©", "ⓒ", "copyright", "(c)", "(с)"]
        .iter()
        .filter_map(|m| lower.find(m).map(|p| (p, m.len())))
        .min()
    {
        // "Copyright Policy" is a link; a holder comes with a mark, a year or
        // a reservation.
        Some((p, len))
            if marked
                || reserved
                || lower[p + len..]
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_digit()) =>
        {
            (p, len)
        }
        Some(_) => return None,
        // "2019 Spacenews, Inc. All Rights Reserved": the holder heads the line.
        None if reserved && lower.len() <= 120 => (0, 0),
        None => return None,
    };
    // `lower` and `line` may differ in length for rare characters; work on
    // `line` only where the prefix is unchanged by lowercasing.
    let (before, after) = if lower.len() == line.len() {
        (line.get(..at)?, line.get(at + mark_len..)?)
    } else {
        return None;
    };
    // A photo credit "(Image: © NASA)", "© REUTERS / POOL", "Photo: ©".
    let before_lower = before.to_lowercase();
    if before.trim_start().starts_with('(')
        || ["image", "photo", "foto", "credit", "picture", "getty"]
            .iter()
            .any(|w| before_lower.contains(w))
        || after.contains(" / ") && word_count(after) <= 5
    {
        return None;
    }
    // Further marks and years: "Copyright © 2019", "© 1996-2019", "2000 — 2019.".
    let mut rest = after.trim_start();
    loop {
        let trimmed = rest
            .trim_start_matches(|c: char| {
                c.is_ascii_digit() || c.is_whitespace() || "-–—,.:©ⓒ·•|".contains(c)
            })
            .trim_start();
        let trimmed = ["copyright", "(c)", "(с)", "by "]
            .iter()
            .find_map(|m| {
                trimmed
                    .get(..m.len())
                    .filter(|h| h.eq_ignore_ascii_case(m))
                    .map(|_| &trimmed[m.len()..])
            })
            .unwrap_or(trimmed);
        if trimmed.len() == rest.len() {
            break;
        }
        rest = trimmed.trim_start();
    }
    // The holder ends at the reservation, a sentence end, a separator or a
    // trailing year.
    let lower_rest = rest.to_lowercase();
    let mut end = rest.len();
    for stop in [
        "all rights",
        "all right ",
        "todos os direitos",
        "derechos",
        "tous droits",
        "alle rechte",
        "tutti i diritti",
        "все права",
        "wszelkie prawa",
        "alle rechten",
        "alle rettigheder",
        "alla rättigheter",
        "všechna práva",
        "kaikki oikeudet",
        "tüm hakları",
        "minden jog",
        // Korean and Japanese: "no reproduction without permission".
        "무단",
        "無断",
        "toate drepturile",
        " or its ",
        " unless ",
        " is a ",
        " is the ",
        ", a ",
        " a division",
        " powered by",
        " - ",
        " — ",
        " – ",
        " | ",
        " · ",
        " • ",
        " / ",
        " (",
        ". ",
        "; ",
        ": ",
    ] {
        if let Some(p) = lower_rest.find(stop) {
            end = end.min(p);
        }
    }
    let mut holder = rest.get(..end).unwrap_or(rest).trim();
    // Legal suffixes and years at the end, repeatedly ("Spacenews, Inc.",
    // "Telegraph Media Group Limited 2019").
    loop {
        let h = holder.trim_end_matches(|c: char| c == '.' || c == ',' || c.is_whitespace());
        let Some((head, last)) = h.rsplit_once([' ', ',']) else {
            holder = h;
            break;
        };
        let last_l = last.trim_end_matches('.').to_lowercase();
        let is_year = last.len() == 4 && last.chars().all(|c| c.is_ascii_digit());
        let is_range = last
            .chars()
            .all(|c| c.is_ascii_digit() || "-–—".contains(c));
        if LEGAL_SUFFIXES.contains(&last_l.as_str()) || is_year || is_range && !last.is_empty() {
            holder = head;
        } else {
            holder = h;
            break;
        }
    }
    let holder = holder.trim_matches(|c: char| c.is_whitespace() || c == ',' || c == '.');
    // A Russian legal form before the name ("ООО «Гавань Медиа»") is a company's.
    let legal_form = LEGAL_FORMS_BEFORE
        .iter()
        .find_map(|f| holder.strip_prefix(f))
        .map(|rest| rest.trim_matches(|c: char| c.is_whitespace() || "«»\"".contains(c)));
    let holder = legal_form.unwrap_or(holder);
    let company = legal_form.is_some()
        || holder
            .split_whitespace()
            .any(|w| COMPANY_WORDS.contains(&w.trim_matches(',').to_lowercase().as_str()))
        || after.to_lowercase().contains(" inc")
            && !holder.chars().any(|c| c == '.')
            && word_count(holder) >= 2;
    let holder = (!holder.is_empty() && word_count(holder) <= 6).then(|| holder.to_string());
    // A name of one to three words right before the mark.
    let before_t = before.trim();
    let before_name = (!before_t.is_empty()
        && word_count(before_t) <= 3
        && !before_lower.contains("copyright")
        && !COPYRIGHT_WORDS.iter().any(|w| before_lower.contains(w))
        && !before_lower.contains("this site")
        && !before_lower.contains("contents"))
    .then(|| before_t.to_string());
    Some((holder, before_name, company))
}

/// "Copyright" and "copyright holder" in other languages, which stand before
/// the mark as "Copyright" does ("저작권자 ⓒ 한빛일보"): no name.
const COPYRIGHT_WORDS: &[&str] = &["저작권", "著作権", "版权", "版權", "авторск"];

/// The phrases after which [`own_name`] reads the name before them, in
/// lowercase; every one holds one of [`CUES`] as pages write it (a test checks).
const OWN_NAME_PHRASES: &[&str] = &[
    " is a registered trademark",
    " is a trademark",
    " are registered trademarks",
    " is part of ",
    " is a part of ",
    " is published by ",
    " is owned by ",
    " is a publication of ",
    " is a division of ",
    " is a trading name of ",
    " is a member of ",
    "® is registered",
    "® is a registered",
    // Italian, French, Spanish, Portuguese, German.
    " è un marchio registrato",
    " est une marque déposée",
    " es una marca registrada",
    " é uma marca registrada",
    " ist eine eingetragene marke",
];

/// The cues of [`own_name`], which a line must hold (case as written) for it
/// to state the publication's own name.
const CUES: [&str; 14] = [
    "rademark",
    " is part of ",
    " is a part of ",
    " is published by ",
    " is owned by ",
    " is a publication of ",
    " is a division of ",
    " is a trading name of ",
    " is a member of ",
    "® is",
    " marchio ",
    " marque ",
    " marca ",
    " Marke",
];

/// What [`may_be_copyright`] looks for: a mark, the word, or a reservation.
#[cfg(test)]
const COPYRIGHT_CUES: [&str; 6] = ["©", "ⓒ", "(c)", "(с)", "copyright", "reserved"];

/// What [`cues`] finds in a line.
#[cfg(test)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Cues {
    /// A cue of either rule, ASCII case ignored: the line may be a
    /// copyright line ([`may_be_copyright`]) or state the publication's own
    /// name ([`own_name`]); it lets through every line either would take,
    /// and a few more, which those then rule out.
    any: bool,
    /// One of [`own_name`]'s cues as written (case and all), which that
    /// rule needs.
    name: bool,
}

/// The cues of the copyright and own-name rules in `line`: one pass over
/// the line for both, rather than one pass for each over nearly every line
/// outside the story, which holds neither. The pass ends at the first cue
/// unless it is none of [`own_name`]'s as written, so a line with a cue
/// in another case ("market" for " Marke") is not read again by that rule.
///
/// The parser no longer walks this automaton (a dependent load a byte, most
/// of `gather`'s time): [`may_be_copyright`] finds a copyright cue by byte
/// searches and [`name_cued`] the name cues with a packed (SIMD) search.
/// The tests keep it as the reference both are checked against.
#[cfg(test)]
fn cues(line: &str) -> Cues {
    use aho_corasick::Anchored;
    use aho_corasick::automaton::Automaton;
    static SEARCH: std::sync::OnceLock<Option<aho_corasick::dfa::DFA>> = std::sync::OnceLock::new();
    let all = Cues {
        any: true,
        name: true,
    };
    // Built unanchored, it can always search; if it could not, every rule
    // reads the line.
    let Some(dfa) = SEARCH
        .get_or_init(|| {
            aho_corasick::dfa::DFA::builder()
                .ascii_case_insensitive(true)
                .prefilter(false)
                .build(COPYRIGHT_CUES.iter().chain(&CUES))
                .ok()
        })
        .as_ref()
    else {
        return all;
    };
    let Ok(mut state) = dfa.start_state(Anchored::No) else {
        return all;
    };
    let bytes = line.as_bytes();
    let mut found = Cues {
        any: false,
        name: false,
    };
    // Every state reached holds the cues that end at its byte (those of
    // shorter suffixes too), so each occurrence of a cue is seen.
    for (at, &b) in bytes.iter().enumerate() {
        state = dfa.next_state(Anchored::No, state, b);
        if !(dfa.is_special(state) && dfa.is_match(state)) {
            continue;
        }
        found.any = true;
        for k in 0..dfa.match_len(state) {
            let id = dfa.match_pattern(state, k).as_usize();
            let Some(cue) = id
                .checked_sub(COPYRIGHT_CUES.len())
                .and_then(|c| CUES.get(c))
            else {
                continue;
            };
            let end = at + 1;
            if end
                .checked_sub(cue.len())
                .is_some_and(|start| &bytes[start..end] == cue.as_bytes())
            {
                found.name = true;
                return found;
            }
        }
    }
    found
}

/// A quick test that lets only lines that may hold a copyright notice reach
/// [`copyright_holder`]: a mark, the word, or a reservation.
fn may_be_copyright(line: &str) -> bool {
    let bytes = line.as_bytes();
    // "©" is C2 A9, "ⓒ" E2 93 92, "(c)", "(C)" and the Cyrillic "(с)" open
    // with "(": one pass finds where any of them may start.
    let marked = memchr::memchr3_iter(0xC2, 0xE2, b'(', bytes).any(|at| {
        let rest = &bytes[at..];
        rest.starts_with("©".as_bytes())
            || rest.starts_with("ⓒ".as_bytes())
            || rest.starts_with(b"(c)")
            || rest.starts_with(b"(C)")
            || rest.starts_with("(с)".as_bytes())
    });
    // "copyright" around its "y", "reserved" around its "v"; one more pass.
    let around = |at: usize, before: usize, word: &[u8]| {
        at.checked_sub(before)
            .and_then(|from| bytes.get(from..from + word.len()))
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
    };
    marked
        || memchr::memchr3_iter(b'y', b'Y', b'v', bytes).any(|at| {
            if bytes[at] == b'v' {
                around(at, 5, b"reserved")
            } else {
                around(at, 3, b"copyright")
            }
        })
}

/// Rule `own_name`: the name a footer states as the publication's own: the
/// subject of "… is a registered trademark" or "… is part of …" ("The Real
/// Deal is a registered Trademark of Korangy Publishing Inc." → "The Real
/// Deal"; "\"Daily Express\" is a registered trademark" → "Daily Express";
/// "SALON ® is registered in the U.S. Patent and Trademark Office" → "SALON";
/// "Space is part of Future US Inc" → "Space"; "The Harbour Post is
/// published by Wave Media Ltd" → "The Harbour Post"; "Harbour Post is a
/// member of" a press regulator). The owner after "of" or "by" is the parent
/// company, which the copyright line already names.
#[cfg(test)]
fn own_name(line: &str) -> Option<&str> {
    if !name_cued(line) {
        return None;
    }
    own_name_cued(line)
}

/// Whether `line` holds one of [`CUES`] as written, which [`own_name`]
/// needs: a packed (Teddy) search for the fourteen cues at once, a few
/// bytes a step, where an automaton walked the line a byte at a time.
fn name_cued(line: &str) -> bool {
    static SEARCH: std::sync::LazyLock<Option<aho_corasick::packed::Searcher>> =
        std::sync::LazyLock::new(|| aho_corasick::packed::Searcher::new(CUES));
    match SEARCH.as_ref() {
        Some(search) => search.find(line).is_some(),
        None => CUES.iter().any(|c| line.contains(c)),
    }
}

/// [`own_name`] for a line holding one of its cues as written ([`name_cued`]).
fn own_name_cued(line: &str) -> Option<&str> {
    let lower = line.to_lowercase();
    if lower.len() != line.len() {
        return None;
    }
    // Where the first phrase starts: a leftmost search finds the least
    // start of any phrase's occurrence, one pass for them all.
    static PHRASES: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
        std::sync::LazyLock::new(|| {
            aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostFirst)
                .build(OWN_NAME_PHRASES)
                .ok()
        });
    let at = match PHRASES.as_ref() {
        Some(phrases) => phrases.find(&lower)?.start(),
        None => OWN_NAME_PHRASES
            .iter()
            .filter_map(|p| lower.find(p))
            .min()?,
    };
    let before = line[..at].trim_end().trim_end_matches('®').trim_end();
    // A quoted name: the quotes say where it starts.
    for (open, close) in [('"', '"'), ('“', '”'), ('\'', '\'')] {
        if let Some(inner) = before.strip_suffix(close)
            && let Some(start) = inner.rfind(open)
        {
            return Some(inner[start + open.len_utf8()..].trim()).filter(|n| !n.is_empty());
        }
    }
    // Else the capitalised words (and "of", "and", "&") that end the text
    // before the phrase, at most four, and only where something ends them
    // (the line's start, a lowercase word, a sentence's end, a year): a run
    // of capitals longer than that is a headline in title case ("Is Violence
    // In Sports On The Rise?Violence is part of the game"), not a name.
    let mut start = before.len();
    let mut bounded = false;
    for (k, word) in before.split_whitespace().rev().enumerate() {
        let joins = matches!(word, "of" | "and" | "&");
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        if !(capital || joins) || word.ends_with(['.', ',', ':']) {
            bounded = true;
            break;
        }
        if k == 4 {
            break;
        }
        if word.contains(['?', '!']) {
            return None;
        }
        // `word` is a slice of `before`: its start is found by address.
        start = word.as_ptr() as usize - before.as_ptr() as usize;
    }
    if !bounded && before[..start].trim().is_empty() {
        bounded = true;
    }
    if !bounded {
        return None;
    }
    let name = &before[start..];
    // A joining word cannot open the name.
    let name = name
        .strip_prefix("of ")
        .or_else(|| name.strip_prefix("and "))
        .unwrap_or(name)
        .trim();
    (!name.is_empty()).then_some(name)
}

/// A byline's outlet: "By Troy L. Smith, Cleveland.com" → "Cleveland.com";
/// "By Julius Young | Fox News" → "Fox News".
fn byline_outlet(line: &str) -> Option<&str> {
    if !lower_starts_with(line, "by ") || word_count(line) > 12 {
        return None;
    }
    let (_, outlet) = line.rsplit_once([',', '|'])?;
    let outlet = outlet.trim();
    let words = word_count(outlet);
    ((1..=3).contains(&words) && outlet.split_whitespace().all(is_capitalised)).then_some(outlet)
}

/// The publication named by the page, from every line of it (see the module
/// comment); when nothing names one with enough weight, the site of the
/// page's `url`, else the domain the page writes most ([`page_domain`]).
///
/// `story` is the range of lines holding the story's paragraphs: they name
/// the site far too rarely to be worth reading (and are most of the bytes).
pub fn publication(
    lines: &[&str],
    story: std::ops::Range<usize>,
    byline: Option<&str>,
    url: Option<&str>,
) -> Option<String> {
    let (ballot, written) = gather(lines, &story, byline);
    let name = ballot.winner(|name| mentions(lines, &story, name, MENTION_CAP + 1));
    // A name in another script ("中国青年网") cannot be typed on every
    // keyboard: the site's domain, where the page writes one, goes with it.
    if let Some(name) = &name
        && !name.chars().any(|c| c.is_ascii_alphabetic())
        && let Some(d) = domain_beside(url, written.as_ref())
    {
        return Some(format!("{name} ({d})"));
    }
    name.or_else(|| url.and_then(super::urls::site_of))
        .or_else(|| written.filter(written_by_the_site).map(|w| w.shown))
}

/// Whether the site writes the domain itself, not only in a person's mail
/// address (a freelancer's own domain is no name for the page's site).
fn written_by_the_site(w: &page_domain::Written) -> bool {
    w.outside + w.inside >= 1
}

/// The site's domain to show beside a name in another script: the page
/// URL's host, else the domain the page writes most outside the story.
fn domain_beside(url: Option<&str>, written: Option<&page_domain::Written>) -> Option<String> {
    url.and_then(super::urls::site_of).or_else(|| {
        written
            .filter(|w| w.outside >= 1 || w.personal >= 1)
            .map(|w| w.shown.clone())
    })
}

/// One name the page's evidence votes for, as `parse --explain --json`
/// shows it (and `scripts/fit_source.py` reads).
#[derive(Debug, Clone, serde::Serialize)]
pub struct ExplainedName {
    pub name: String,
    /// Each kind of evidence voting for it, with its votes' place factors
    /// added up (two votes of a kind at most).
    pub evidence: Vec<(&'static str, f32)>,
    /// Lines outside the story naming it (up to six).
    pub mentions: usize,
    /// The names (by index) holding its words, whose votes it also gets.
    pub held_by: Vec<usize>,
}

/// How the page's publication was chosen.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct ExplainedSource {
    /// The names voted for, in the order first seen.
    pub names: Vec<ExplainedName>,
    /// What is given when no name has enough weight: the page URL's host,
    /// else the domain the page writes most.
    pub fallback: Option<String>,
    /// The domain shown beside a name in another script.
    pub domain_beside: Option<String>,
    /// The site an "original article" line credits, which wins over the
    /// names (see `parse::original_source`).
    pub original: Option<String>,
    /// The page's URL, where its text gives one (the scorer counts it).
    pub url: Option<String>,
    /// The source given.
    pub source: Option<String>,
}

/// [`publication`] with the evidence behind it.
pub fn explain(
    lines: &[&str],
    story: std::ops::Range<usize>,
    byline: Option<&str>,
    url: Option<&str>,
) -> ExplainedSource {
    let (ballot, written) = gather(lines, &story, byline);
    let names = ballot
        .names
        .iter()
        .map(|c| ExplainedName {
            name: c.name.clone(),
            evidence: EVIDENCE_NAMES
                .iter()
                .zip(c.evidence)
                .filter(|(_, v)| *v > 0.0)
                .map(|(k, v)| (*k, v))
                .collect(),
            mentions: mentions(lines, &story, &c.name, MENTION_CAP + 1),
            held_by: ballot
                .names
                .iter()
                .enumerate()
                .filter(|(_, o)| {
                    c.key.len() >= 3 && o.key != c.key && holds_words(&o.name, &c.name)
                })
                .map(|(k, _)| k)
                .collect(),
        })
        .collect();
    ExplainedSource {
        names,
        fallback: url.and_then(super::urls::site_of).or_else(|| {
            written
                .as_ref()
                .filter(|w| written_by_the_site(w))
                .map(|w| w.shown.clone())
        }),
        domain_beside: domain_beside(url, written.as_ref()),
        original: None,
        url: url.map(str::to_string),
        source: publication(lines, story, byline, url),
    }
}

/// Every vote the page's lines (the story's left out) cast, and the domain
/// the page writes most.
fn gather(
    lines: &[&str],
    story: &std::ops::Range<usize>,
    byline: Option<&str>,
) -> (Ballot, Option<page_domain::Written>) {
    let story = story.clone();
    let n = lines.len();
    let mut ballot = Ballot::default();
    let written = page_domain::most_written(lines, &story);
    if let Some(w) = &written
        && w.outside >= 1
        && w.outside + w.inside >= 2
    {
        ballot.vote(&w.shown, Evidence::WrittenDomain, 1.0);
    }
    let footer_from = n - n / 3;
    // Copyright holders with whether the footer states them, and the lines
    // stating one.
    let mut marks: Vec<(String, Evidence, bool)> = Vec::new();
    let mut copyright_at: Vec<usize> = Vec::new();
    // Short lines standing alone, for the masthead-and-footer vote (the
    // footer's with where they stand).
    let mut alone_top: Vec<&str> = Vec::new();
    let mut alone_footer: Vec<(&str, usize)> = Vec::new();
    // First words (and pairs) of short lines, with the lines they lead.
    let mut leads: Vec<(&str, &str)> = Vec::new();
    // The lowercased line, made in one buffer for all lines.
    let mut lower = String::new();
    for (i, raw) in lines.iter().enumerate() {
        if story.contains(&i) {
            continue;
        }
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let short = line.len() <= SHORT;
        // Only lines of up to 400 bytes are read for a copyright line or the
        // site's own name.
        let cueable = line.len() <= 400;
        // Copyright lines (the footer's own weighs more than one mid-page).
        if cueable
            && may_be_copyright(line)
            && let Some((holder, before, company)) = copyright_holder(line)
        {
            let footer = i >= footer_from;
            if holder.is_some() || before.is_some() {
                copyright_at.push(i);
            }
            if let Some(h) = holder {
                let kind = if company {
                    Evidence::CopyrightCompany
                } else {
                    Evidence::Copyright
                };
                marks.push((h, kind, footer));
            }
            if let Some(b) = before {
                marks.push((b, Evidence::BeforeCopyright, footer));
            }
            // The site's own domain written in its copyright line
            // ("저작권자 ⓒ 한빛일보(www.hanbitilbo.co.kr)"), which names it in
            // letters every keyboard has.
            for domain in page_domain::domains_in(line) {
                marks.push((domain.to_string(), Evidence::Domain, footer));
            }
        }
        if !line.is_ascii()
            && let Some(holder) = rights_reserved_holder(line)
        {
            marks.push((holder.to_string(), Evidence::Copyright, i >= footer_from));
        }
        if let Some(site) = appeared_first_on(line) {
            ballot.vote(site, Evidence::OwnName, 1.0);
        }
        if short && let Some(company) = imprint_company(line) {
            ballot.vote(company, Evidence::Imprint, 1.0);
        }
        if let Some(outlet) = byline_outlet(line) {
            ballot.vote(outlet, Evidence::BylineOutlet, 1.0);
        }
        if let Some(name) = cjk_site_affix(line) {
            ballot.vote(name, Evidence::Phrase, 1.0);
        }
        if let Some(domain) = domain_dateline(line) {
            ballot.vote(domain, Evidence::DomainDateline, 1.0);
        }
        if i >= footer_from
            && let Some(name) = name_and_year(line)
        {
            ballot.vote(name, Evidence::Copyright, 1.0);
        }
        if cueable
            && name_cued(line)
            && let Some(name) = own_name_cued(line)
        {
            ballot.vote(name, Evidence::OwnName, 1.0);
        }
        if !line.is_ascii()
            && let Some(name) = registered_name(line)
        {
            ballot.vote(name, Evidence::OwnName, 1.0);
        }
        if !short {
            continue;
        }
        let line = line.trim_end_matches(['!', '.', '»', '›', '>']).trim_end();
        lower.clear();
        if line.is_ascii() {
            lower.push_str(line);
            lower.make_ascii_lowercase();
        } else {
            lower.push_str(&line.to_lowercase());
        }
        let lower = lower.as_str();
        let words = word_count(line);
        // Sister sites are listed under the footer's copyright line ("CBS
        // News", "CBS Sports"): only menus above the footer lead with the
        // site's own name.
        if (2..=6).contains(&words) && lower.len() == line.len() && i < footer_from {
            let mut tokens = line.split_whitespace();
            if let (Some(first), Some(second)) = (tokens.next(), tokens.next()) {
                let end1 = first.len();
                // `second` is a slice of `line`: its end is found by address.
                let end2 = second.as_ptr() as usize - line.as_ptr() as usize + second.len();
                leads.push((&line[..end1], line));
                if words >= 3 && is_capitalised(second) {
                    leads.push((&line[..end2], line));
                }
            }
        }
        // Most lines start and end with letters no phrase does: one byte
        // compared per phrase before that phrase is matched.
        let first = lower.as_bytes().first().copied().unwrap_or(0);
        let last = lower.as_bytes().last().copied().unwrap_or(0);
        for &(lead, elsewhere) in &phrases_by_first_byte()[usize::from(first)] {
            if lower.starts_with(lead) && lower.len() == line.len() {
                let rest = line[lead.len()..]
                    .trim()
                    .trim_end_matches(" Followed")
                    .trim_end_matches(" online:")
                    .trim_end_matches(" online")
                    .trim_end_matches("’s newsletter")
                    .trim_end_matches("'s newsletter")
                    .trim_end_matches(" on")
                    .trim_end_matches(['.', '!', ':']);
                let rest = rest
                    .strip_prefix('@')
                    .map_or(rest, |r| r.trim_start_matches('@'));
                let rest = rest.split(" delivered").next().unwrap_or(rest);
                let rest = before_possessive(rest);
                // "Follow Harbour Daily on Twitter": the network is not part
                // of the name.
                let rest = ON_NETWORK
                    .iter()
                    .filter_map(|on| rest.find(on))
                    .min()
                    .map_or(rest, |at| &rest[..at]);
                let rest = ON_NETWORK_OR_JOINER
                    .iter()
                    .filter_map(|on| {
                        let at = rest.find(on)?;
                        let next = rest[at + on.len()..].split_whitespace().next()?;
                        let next = next.trim_end_matches(|c: char| !c.is_alphanumeric());
                        NETWORKS
                            .iter()
                            .any(|n| next.to_lowercase() == *n)
                            .then_some(at)
                    })
                    .min()
                    .map_or(rest, |at| &rest[..at]);
                let rest = rest.split(" Stories").next().unwrap_or(rest);
                // "Subscribe to the Harbour Post newsletter": the name between.
                let rest = rest.strip_prefix("the ").unwrap_or(rest);
                let rest = ARTICLES
                    .iter()
                    .filter(|_| elsewhere)
                    .find_map(|a| rest.strip_prefix(a))
                    .unwrap_or(rest);
                let rest = AFTER_NAME
                    .iter()
                    .find_map(|t| {
                        rest.len()
                            .checked_sub(t.len())
                            .filter(|&at| rest.is_char_boundary(at))
                            .filter(|&at| rest[at..].eq_ignore_ascii_case(t))
                            .map(|at| rest[..at].trim_end())
                    })
                    .unwrap_or(rest);
                if word_count(rest) <= 4 {
                    ballot.vote(rest, Evidence::Phrase, 1.0);
                }
            }
        }
        for tail in AFTER_NAME
            .iter()
            .filter(|p| p.as_bytes().last() == Some(&last))
        {
            if lower.ends_with(tail) && lower.len() == line.len() {
                let head = line[..line.len() - tail.len()].trim();
                let head = ACTION_BEFORE_NAME
                    .iter()
                    .find(|a| lower.starts_with(*a))
                    .map_or(head, |a| head.get(a.len()..).unwrap_or("").trim_start());
                if word_count(head) <= 3 {
                    ballot.vote(head, Evidence::Phrase, 1.0);
                }
            }
        }
        for token in line.split_whitespace().filter(|t| t.contains('.')) {
            if looks_like_domain(token)
                && !page_domain::is_not_the_site(token)
                && !token.contains('@')
                && !token.contains('/')
                && (token
                    .get(..4)
                    .is_some_and(|h| h.eq_ignore_ascii_case("www."))
                    || token.chars().next().is_some_and(char::is_uppercase)
                    || words == 1)
            {
                ballot.vote(token, Evidence::Domain, 1.0);
            }
        }
        if words <= 3 && line.chars().next().is_some_and(char::is_uppercase) {
            if i < n / 4 {
                alone_top.push(line);
            } else if i >= footer_from {
                alone_footer.push((line, i));
            }
        }
    }
    // The page's own copyright line stands in its footer; one above it
    // credits what the page carries (a wire story, a photo, an embed), so
    // it counts only when the footer states none.
    let footer_mark = marks.iter().any(|m| m.2);
    for (holder, kind, footer) in &marks {
        if *footer || !footer_mark {
            ballot.vote(holder, *kind, if *footer { 1.0 } else { 0.5 });
        }
    }
    alone_top.sort_unstable();
    alone_footer.sort_unstable();
    alone_footer.dedup_by(|a, b| a.0 == b.0);
    let repeated: Vec<(&str, usize)> = alone_footer
        .into_iter()
        .filter(|(line, _)| alone_top.binary_search(line).is_ok())
        .collect();
    // A few names repeated at the top and in the footer are the site's; many
    // are a menu written twice, each entry telling little. A name standing
    // beside the footer's copyright line is the footer's logo.
    let menu = repeated.len() > MENU_REPEATS;
    for (line, at) in repeated {
        let by_mark = copyright_at.iter().any(|&c| c.abs_diff(at) <= 2);
        if by_mark && !menu {
            ballot.vote(line, Evidence::FooterLogo, 1.0);
        }
        ballot.vote(
            line,
            Evidence::MastheadAndFooter,
            if menu { 0.5 } else { 1.0 },
        );
    }
    // Each lead with the number of distinct lines it leads.
    leads.sort_unstable();
    leads.dedup();
    let mut k = 0;
    while k < leads.len() {
        let lead = leads[k].0;
        let mut distinct = 0;
        while k < leads.len() && leads[k].0 == lead {
            distinct += 1;
            k += 1;
        }
        if distinct < 3 || !lead.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        // Menus lead with section words too ("Story highlights", "Weight loss"):
        // the lead only adds to a name that other evidence already gives, or
        // that the page names all over ("TMZ Sports", "BY TMZ STAFF", "Call
        // TMZ").
        let key = key_of(lead);
        let known = key.len() >= 2
            && ballot.names.iter().any(|c| {
                c.score >= weights().min_score
                    && (c.key.contains(key.as_str()) || key.len() >= 3 && key.contains(&c.key))
            });
        if known {
            ballot.vote(lead, Evidence::MenuLead, 1.0);
        } else if mentions_inside(lines, &story, lead, LEAD_MENTIONS) >= LEAD_MENTIONS {
            ballot.vote(lead, Evidence::MenuLead, LEAD_ALONE);
        }
    }
    // "About Jane Doe", "Follow Jane Doe": the author's box, not the site.
    // A byline of one word in two capitals ("HarbourDaily") is the site
    // posting under its own name.
    if let Some(b) = byline {
        if is_site_byline(b) {
            ballot.vote(b, Evidence::BylineOutlet, 1.0);
        } else {
            let key = key_of(b);
            ballot.names.retain(|c| c.key != key);
            if let Some(outlet) = outlet_beside_byline(lines, &story, b) {
                ballot.vote(outlet, Evidence::BylineOutlet, 1.0);
            }
        }
    }
    // A name the page's most written domain spells ("The Harbour Post" and
    // harbourpost.com, "HPT" and hpt.com): two signals agreeing, which a
    // parent company or a menu word seldom gets.
    if let Some(w) = written.as_ref().filter(|w| w.outside >= 1) {
        let brand = key_of(&domain_name(&w.shown));
        let agreeing: Vec<String> = ballot
            .names
            .iter()
            .filter(|c| c.key != brand && spells(&brand, &c.name, &c.key))
            .map(|c| c.name.clone())
            .collect();
        for name in agreeing {
            ballot.vote(&name, Evidence::DomainAgrees, 1.0);
        }
    }
    (ballot, written)
}

/// Whether a domain's brand (`harbourpost`) spells a name (key `key`): it
/// holds the name, or the name's initials open it ("HP Times" and
/// `hptimes`). A longer name holding the brand is left out: menus write the
/// site's name before their entries ("Harbour Post Careers").
fn spells(brand: &str, name: &str, key: &str) -> bool {
    if brand.len() < 3 || key.len() < 2 {
        return false;
    }
    // A word inside the brand must be most of it ("Hill" in `thehill`; not
    // "Post" in `harbourpost`, a word every paper uses).
    let holds = key.len() >= 3 && 2 * key.len() >= brand.len() && brand.contains(key);
    let initials: String = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !w.eq_ignore_ascii_case("the"))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_lowercase)
        .collect();
    holds || initials.chars().count() >= 2 && brand.starts_with(&initials)
}

/// Rule `appeared_first_on`: the line a syndicated post closes with, naming
/// the site that published it ("The post Tides Rise Again appeared first on
/// Harbour Notes." → "Harbour Notes").
fn appeared_first_on(line: &str) -> Option<&str> {
    // Both phrases hold "first ": one prebuilt search rules out nearly every line.
    static FIRST: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("first "));
    if line.len() > 300 || FIRST.find(line.as_bytes()).is_none() {
        return None;
    }
    let at = [" appeared first on ", " first appeared on "]
        .iter()
        .find_map(|p| line.find(p).map(|at| at + p.len()))?;
    let site = line[at..].trim().trim_end_matches(['.', '!']).trim_end();
    (word_count(site) <= 5 && !site.contains(". ")).then_some(site)
}

/// Rule `imprint_company`: a line of an imprint or address block giving a
/// company and nothing else ("harbourwrap GmbH", "Harbour Notes Ltd."): a
/// company's own pages name it there, often in lowercase as its logo
/// writes it.
fn imprint_company(line: &str) -> Option<&str> {
    let (name, suffix) = line.trim_end_matches(',').rsplit_once(' ')?;
    let suffix = suffix.trim_end_matches('.');
    // Compared without case and without a lowercased copy: most short lines
    // end in a word that is no legal form.
    let is = |form: &str| suffix.eq_ignore_ascii_case(form);
    let legal = LEGAL_SUFFIXES.iter().any(|f| f.len() >= 3 && is(f)) || is("ag");
    if !legal {
        return None;
    }
    let name = name.trim_end_matches(',').trim();
    let words = word_count(name);
    (legal && (1..=4).contains(&words) && !name.contains(|c: char| c.is_ascii_digit()))
        .then_some(name)
}

/// Rule `rights_reserved_holder`: the holder of a Chinese "all rights
/// reserved" line, written before or after it ("版权所有：中国青年网",
/// "光明网版权所有") → "中国青年网", "光明网".
fn rights_reserved_holder(line: &str) -> Option<&str> {
    // Both marks open with "版": one character search, then a comparison.
    const MARKS: [&str; 2] = ["版权所有", "版權所有"];
    let (at, mark) = line.match_indices('版').find_map(|(at, _)| {
        MARKS
            .iter()
            .find(|m| line[at..].starts_with(*m))
            .map(|m| (at, m.len()))
    })?;
    let stop = |c: char| c.is_whitespace() || "|｜,，;；:：。.、()（）©".contains(c);
    let after = line[at + mark..].trim_start_matches(stop);
    let holder = if after.is_empty() {
        line[..at].trim_end_matches(stop).rsplit(stop).next()?
    } else {
        after.split(stop).next()?
    };
    let chars = holder.chars().count();
    ((2..=20).contains(&chars) && !holder.chars().any(|c| c.is_ascii_digit())).then_some(holder)
}

/// Rule `registered_name`: the name a Russian media site states in its
/// footer, as the law asks: its registration ("Сетевое издание «Гавань
/// Сегодня»" → "Гавань Сегодня") or the link it asks for when its stories
/// are used ("При использовании материалов ссылка на gavan.ru обязательна"
/// → "gavan.ru").
fn registered_name(line: &str) -> Option<&str> {
    const OUTLET: &str = "издание «";
    const LINK: &str = "ссылка на ";
    if line.len() > 600 {
        return None;
    }
    if let Some(at) = line.find(OUTLET) {
        let before = line[..at].trim_end();
        let kind = before
            .rsplit(' ')
            .next()
            .unwrap_or(before)
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if kind == "сетевое" || kind == "электронное" {
            let inner = &line[at + OUTLET.len()..];
            let name = inner.split(['»', '(']).next().unwrap_or("").trim();
            if (1..=5).contains(&word_count(name)) {
                return Some(name);
            }
        }
    }
    let at = line.find(LINK)?;
    let rest = &line[at + LINK.len()..];
    let end = rest.find(" обязательн")?;
    let name = rest[..end].trim();
    let name = ["сайт ", "источник ", "портал ", "издание "]
        .iter()
        .find_map(|w| name.strip_prefix(w))
        .unwrap_or(name)
        .trim_matches(|c: char| c == '«' || c == '»' || c == '"' || c.is_whitespace());
    (1..=4).contains(&word_count(name)).then_some(name)
}

/// Words a Chinese or Japanese menu or footer writes before the site's
/// name: "about", "mobile", "visit" ("关于海港网", "手机海港网").
const CJK_BEFORE_NAME: &[&str] = &["关于", "關於", "手机", "手機", "访问", "訪問"];

/// Words a Chinese or Japanese menu or footer writes after the site's name:
/// "home page", "app", "official site", "editorial office" ("海港网首页",
/// "ハーバー通信編集部").
const CJK_AFTER_NAME: &[&str] = &[
    "首页",
    "首頁",
    "客户端",
    "客戶端",
    "官网",
    "官網",
    "编辑部",
    "編輯部",
    "編集部",
    "公式サイト",
];

/// Words standing where a name would that are no name: "us", "this site",
/// "the company", "the paper".
const CJK_NOT_A_NAME: &[&str] = &[
    "我们",
    "我們",
    "本站",
    "本网",
    "本網",
    "网站",
    "網站",
    "当社",
    "弊社",
    "本社",
    "本刊",
    "本报",
    "本報",
    "当サイト",
    "私たち",
    "返回",
    "回到",
    "网页",
    "網頁",
];

/// Rule `cjk_site_affix`: a short Chinese or Japanese line that is the
/// site's name with a menu word before or after it ("关于海港网" → "海港网",
/// "海港网首页" → "海港网"): where an English page writes "About X" or "X
/// homepage".
fn cjk_site_affix(line: &str) -> Option<&str> {
    // Eight characters of three bytes and the affix: longer lines are
    // no menu entry.
    if line.len() > 48 || line.is_ascii() {
        return None;
    }
    let name = CJK_BEFORE_NAME
        .iter()
        .find_map(|w| line.strip_prefix(w))
        .or_else(|| CJK_AFTER_NAME.iter().find_map(|w| line.strip_suffix(w)))?
        .trim();
    let chars = name.chars().count();
    let clean = name
        .chars()
        .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
    let generic = CJK_NOT_A_NAME.iter().any(|w| name.starts_with(w));
    ((2..=12).contains(&chars) && clean && !generic && !name.is_ascii()).then_some(name)
}

/// Rule `domain_dateline`: a domain opening a paragraph before a dash, as a
/// dateline ("Example.net - Verified footage shows …" → "Example.net"): the
/// site crediting its own report, as wires write "(Reuters) -".
///
/// The place may stand on either side of the domain, after a comma
/// ("JAKARTA, Harbourpost.com - …", "HARBOURPOST.COM, Jakarta – …"), as
/// Indonesian sites write their datelines.
fn domain_dateline(line: &str) -> Option<&str> {
    // A dateline's domain stands in its first few words: most lines have
    // no dot there and are passed over on one byte search.
    let head = &line.as_bytes()[..line.len().min(48)];
    memchr::memchr(b'.', head)?;
    let mut tokens = line.split(' ').filter(|t| !t.is_empty());
    let mut domain = None;
    let mut place_words = 0;
    let mut comma = false;
    for _ in 0..5 {
        let token = tokens.next()?;
        if matches!(token, "-" | "–" | "—" | "--") {
            // Only the domain, or the domain and a place beside it.
            let alone = place_words == 0 && !comma;
            let placed = (1..=3).contains(&place_words) && comma;
            return domain.filter(|_| alone || placed);
        }
        let bare = token.strip_suffix(',');
        comma |= bare.is_some();
        let bare = bare.unwrap_or(token);
        if domain.is_none() && bare.contains('.') && looks_like_domain(bare) {
            domain = Some(bare);
        } else if bare.starts_with(|c: char| c.is_uppercase()) && !bare.contains('.') {
            place_words += 1;
        } else {
            return None;
        }
    }
    None
}

/// Rule `name_and_year`: a footer line giving a name and the years it has
/// run, without a copyright mark ("Harbour Notes · 2013–2019",
/// "Harbour Notes | 2019") → "Harbour Notes".
fn name_and_year(line: &str) -> Option<&str> {
    if line.len() > 160 {
        return None;
    }
    // "|" is one byte; "·" (C2 B7) and "•" (E2 80 A2) end in one: a single
    // byte search finds where a separator may end.
    let bytes = line.as_bytes();
    let (at, sep) = memchr::memchr3_iter(b'|', 0xB7, 0xA2, bytes).find_map(|end| {
        [" · ", " | ", " • "].iter().find_map(|s| {
            let start = (end + 1).checked_sub(s.len() - 1)?;
            bytes
                .get(start..start + s.len())
                .filter(|w| *w == s.as_bytes())
                .map(|_| (start, s.len()))
        })
    })?;
    let (name, rest) = (&line[..at], line[at + sep..].trim_start());
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let year = |y: &str| y.starts_with("19") || y.starts_with("20");
    let years =
        (digits == 4 || digits == 8) && year(rest) && !rest[digits..].starts_with([':', '.', '/']);
    (years && word_count(name) <= 5).then(|| name.trim())
}

/// A name cut before a possessive: "Welcome to Harbour Daily’s new site" →
/// "Harbour Daily".
fn before_possessive(rest: &str) -> &str {
    ["’s ", "'s ", "’S ", "'S "]
        .iter()
        .filter_map(|p| rest.find(p))
        .min()
        .map_or(rest, |at| &rest[..at])
}

/// Whether a byline is the site's own name: one word with a capital inside
/// it ("HarbourDaily") or a domain ("Harbour.com"); a person's byline has a
/// first and a last name, a wire's one plain word ("Reuters", "AFP").
fn is_site_byline(byline: &str) -> bool {
    let b = byline.trim();
    if b.contains(char::is_whitespace) {
        return false;
    }
    let inner_capital = b
        .char_indices()
        .skip(1)
        .any(|(k, c)| c.is_uppercase() && b[..k].chars().last().is_some_and(char::is_lowercase));
    inner_capital || looks_like_domain(b)
}

/// Words that follow a name in a byline as a role, not an outlet.
const ROLES: &[&str] = &[
    "staff",
    "writer",
    "reporter",
    "correspondent",
    "editor",
    "contributor",
    "columnist",
    "producer",
    "analyst",
    "author",
    "photographer",
    "intern",
    "special",
    "senior",
    "chief",
    "associate",
    "contributing",
    "managing",
    "executive",
    "deputy",
];

/// Rule `outlet_beside_byline`: the line holding the byline names the outlet
/// after it ("Jane Doe and John Roe HARBOUR DAILY" → "HARBOUR DAILY"; "By
/// Jane Doe / Harbour Daily", "By Jane Doe for Harbour Daily"): the words left once the byline is taken
/// out, in capitals or after a separator, none a role ("Staff Writer").
fn outlet_beside_byline<'a>(
    lines: &[&'a str],
    story: &std::ops::Range<usize>,
    byline: &str,
) -> Option<&'a str> {
    let byline = byline.trim();
    if byline.is_empty() {
        return None;
    }
    for (i, raw) in lines.iter().enumerate() {
        if story.contains(&i) || raw.len() > 120 {
            continue;
        }
        // The byline opens its line, after "By " at most: no search needed.
        let line = raw.trim_start();
        let after_by = line
            .get(..3)
            .filter(|h| h.eq_ignore_ascii_case("by "))
            .map_or(line, |_| line[3..].trim_start());
        let Some(tail) = line
            .strip_prefix(byline)
            .or_else(|| after_by.strip_prefix(byline))
        else {
            continue;
        };
        // "By Jane Doe for Harbour Daily": the outlet she reports for.
        let for_outlet = tail.trim_start().strip_prefix("for ");
        let separated = for_outlet.is_some()
            || tail
                .trim_start()
                .starts_with([',', '|', '/', '-', '–', '—', '·']);
        let tail = for_outlet.unwrap_or(tail);
        let tail = tail
            .trim_start_matches(|c: char| c.is_whitespace() || ",|/-–—·".contains(c))
            .trim_end();
        let words = word_count(tail);
        if !(1..=4).contains(&words) || tail.contains(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let capitals =
            tail.chars().any(char::is_alphabetic) && !tail.chars().any(char::is_lowercase);
        let role = tail.split_whitespace().any(|w| {
            ROLES.contains(
                &w.to_lowercase()
                    .trim_matches(|c: char| !c.is_alphanumeric()),
            )
        });
        if (capitals || separated && tail.split_whitespace().all(is_capitalised)) && !role {
            return Some(tail);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_file_weighs_every_kind_of_evidence_and_nothing_else() {
        let file: WeightsFile =
            serde_json::from_str(include_str!("source_weights.json")).expect("it parses");
        for name in EVIDENCE_NAMES {
            assert!(file.weights.contains_key(name), "{name} has no weight");
        }
        for name in file.weights.keys() {
            assert!(EVIDENCE_NAMES.contains(&name.as_str()), "{name} is no kind");
        }
        assert!(file.min_score > 0.0 && file.mention >= 0.0);
    }

    #[test]
    fn explanation_shows_each_name_with_its_evidence() {
        let page = [
            "The Daily Lantern homepage",
            "Council votes on the bridge",
            "The council voted on Monday to repair the old bridge before winter.",
            "© 2019 Lantern Media Group, LLC. All Rights Reserved",
        ];
        let shown = explain(&page, 2..3, None, None);
        let evidence = |name: &str| {
            shown
                .names
                .iter()
                .find(|n| n.name == name)
                .map(|n| n.evidence.clone())
        };
        assert_eq!(evidence("The Daily Lantern"), Some(vec![("phrase", 1.0)]));
        assert_eq!(
            evidence("Lantern Media Group"),
            Some(vec![("copyright_company", 1.0)])
        );
        assert_eq!(shown.source.as_deref(), Some("The Daily Lantern"));
    }

    #[test]
    fn every_own_name_phrase_passes_both_gates() {
        for phrase in OWN_NAME_PHRASES {
            // As pages write it: German capitalises its nouns.
            let written = phrase.replace(" marke", " Marke");
            let line = format!("Harbour Post{written} Wave Media Ltd.");
            assert!(cues(&line).any, "{line:?}");
            assert_eq!(own_name(&line), Some("Harbour Post"), "{line:?}");
        }
    }

    #[test]
    fn every_copyright_cue_passes_the_copyright_gate() {
        for cue in COPYRIGHT_CUES {
            let line = format!("Text {cue} 2024 Harbour Post");
            assert!(may_be_copyright(&line), "{line:?}");
            assert!(cues(&line).any, "{line:?}");
            // In capitals the automaton finds every cue; the byte test lets
            // fewer through ("RESERVED" has no lowercase "v"), never more.
            let upper = line.to_ascii_uppercase();
            assert!(cues(&upper).any, "{upper:?}");
            assert!(!may_be_copyright(&upper) || cues(&upper).any, "{upper:?}");
        }
    }

    #[test]
    fn the_name_cue_is_one_of_own_names_cues_as_written() {
        for line in [
            "Harbour Post is part of Wave Media",
            "Harbour Post IS PART OF Wave Media",
            "The market rose; Harbour Post is a member of the press council",
            "© 2024 Harbour Post. All rights reserved. The Harbour Post is owned by Wave",
            "Harbour Post® is a registered trademark",
            "Harbour Post ist eine eingetragene Marke",
            "the marke and the market",
            "Copyright 2024 rademark",
            "TRADEMARK",
            "© 2024 Harbour Post",
            "Nothing here at all",
            "una marca registrada",
        ] {
            let want = CUES.iter().any(|c| line.contains(c));
            assert_eq!(cues(line).name, want, "{line:?}");
            assert_eq!(name_cued(line), want, "{line:?}");
            assert!(!want || cues(line).any, "{line:?}");
            // A line the copyright test lets through holds a cue the
            // automaton finds: testing it alone gates as both did.
            assert!(!may_be_copyright(line) || cues(line).any, "{line:?}");
        }
    }

    #[test]
    fn copyright_holders_are_cleaned() {
        let h = |l: &str| copyright_holder(l).and_then(|(h, _, _)| h);
        let before = |l: &str| copyright_holder(l).and_then(|(_, b, _)| b);
        assert_eq!(
            h("저작권자 ⓒ 한빛일보 무단전재 및 재배포 금지").as_deref(),
            Some("한빛일보")
        );
        assert_eq!(before("저작권자 ⓒ 한빛일보 무단전재 및 재배포 금지"), None);
        assert_eq!(
            copyright_holder("Copyright (с) ООО «Гавань Медиа», 2019."),
            Some((Some("Гавань Медиа".to_string()), None, true))
        );
        assert_eq!(
            h("Copyright © 2019 ハーバー新聞 無断転載を禁じます").as_deref(),
            Some("ハーバー新聞")
        );
        assert_eq!(
            h("© 2019 CNBC LLC. All Rights Reserved.").as_deref(),
            Some("CNBC")
        );
        assert_eq!(
            h("Copyright © 2000—2019. PAN Media").as_deref(),
            Some("PAN Media")
        );
        assert_eq!(
            h("© Telegraph Media Group Limited 2019").as_deref(),
            Some("Telegraph Media Group")
        );
        assert_eq!(h("(Image: © NASA/ESA)"), None);
        assert_eq!(
            copyright_holder("Wccftech © 2019 NewAge ADS, LLC.").and_then(|(_, b, _)| b),
            Some("Wccftech".to_string())
        );
    }

    #[test]
    fn footer_states_its_own_name() {
        let cases = [
            (
                "All rights reserved © 2019 The Harbour Post is a registered Trademark of Wave Publishing Inc.",
                Some("The Harbour Post"),
            ),
            (
                "Copyright ©2019 Lantern Newspapers. \"Evening Lantern\" is a registered trademark.",
                Some("Evening Lantern"),
            ),
            (
                "LANTERN ® is registered in the U.S. Patent and Trademark Office",
                Some("LANTERN"),
            ),
            (
                "Orbit is part of Future Stars Inc, an international media group.",
                Some("Orbit"),
            ),
            (
                "The Harbour Post is published by Wave Media Ltd, 1 Quay Street.",
                Some("The Harbour Post"),
            ),
            (
                "Copyright 2024. Harbour Post is a member of the Press Standards Body.",
                Some("Harbour Post"),
            ),
            (
                "Gazzetta Vela ® è un marchio registrato di Onda Media Group S.p.A.",
                Some("Gazzetta Vela"),
            ),
            ("The minister said the word is part of the law.", None),
            (
                "Is Danger In Harbour Towns On The Rise?Danger is part of the coast",
                None,
            ),
            (
                "Why Every Harbour Town In The North Needs A Ferry is part of a series",
                None,
            ),
            ("Trademark Policy", None),
        ];
        for (line, want) in cases {
            assert_eq!(own_name(line), want, "{line}");
        }
        // The stated name beats the copyright holder.
        let page = [
            "Skip to main content",
            "Council votes on the bridge",
            "The council voted on Monday to repair the old bridge before winter.",
            "Orbit is part of Future Stars Inc, an international media group.",
            "© Future Stars, Inc. 11 West Street, New York.",
        ];
        assert_eq!(
            publication(&page, 0..0, None, None).as_deref(),
            Some("Orbit")
        );
    }

    #[test]
    fn story_list_labels_are_no_names() {
        for label in [
            "Most Popular",
            "Trending Now",
            "Featured Stories",
            "Recent Posts",
        ] {
            assert!(!plausible_name(label), "{label}");
        }
        assert!(plausible_name("Breaking Defense"));
    }

    #[test]
    fn datelines_credit_the_domain_beside_their_place() {
        assert_eq!(
            domain_dateline("Tidewatch.net - The union ended its strike"),
            Some("Tidewatch.net")
        );
        assert_eq!(
            domain_dateline("JAKARTA, Harbourpost.com - The union ended"),
            Some("Harbourpost.com")
        );
        assert_eq!(
            domain_dateline("HARBOURPOST.CO, Jakarta – The union ended"),
            Some("HARBOURPOST.CO")
        );
        // A place without a comma is a sentence; a sentence's domain is
        // not its dateline.
        assert_eq!(domain_dateline("Jakarta Harbourpost.com - The union"), None);
        assert_eq!(domain_dateline("We read Harbourpost.com - daily"), None);
        assert_eq!(domain_dateline("U.S. - China talks resume"), None);
    }

    #[test]
    fn cjk_menu_words_around_a_name_give_the_name() {
        assert_eq!(cjk_site_affix("关于海港网"), Some("海港网"));
        assert_eq!(cjk_site_affix("海港网首页"), Some("海港网"));
        assert_eq!(cjk_site_affix("ハーバー通信編集部"), Some("ハーバー通信"));
        assert_eq!(cjk_site_affix("关于我们"), None);
        assert_eq!(cjk_site_affix("返回首页"), None);
        assert_eq!(cjk_site_affix("首页"), None);
        assert_eq!(cjk_site_affix("关于海港网 | 联系我们"), None);
    }

    #[test]
    fn chinese_rights_lines_give_their_holder() {
        assert_eq!(
            rights_reserved_holder("版权所有：海港日报"),
            Some("海港日报")
        );
        assert_eq!(rights_reserved_holder("海港网版权所有"), Some("海港网"));
        assert_eq!(
            rights_reserved_holder("主办单位：海港中心　版權所有 海港网 | 京ICP备"),
            Some("海港网")
        );
        assert_eq!(rights_reserved_holder("版权所有"), None);
    }

    #[test]
    fn masthead_beats_parent_company() {
        let page = [
            "Skip to main content",
            "The Daily Lantern homepage",
            "Follow The Daily Lantern online:",
            "Council votes on the bridge",
            "The council voted on Monday to repair the old bridge before winter.",
            "© 2019 Lantern Media Group, LLC. All Rights Reserved",
        ];
        assert_eq!(
            publication(&page, 0..0, None, None).as_deref(),
            Some("The Daily Lantern")
        );
    }
}
