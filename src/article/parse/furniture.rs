//! Site furniture: the lines a page wraps around every story (navigation, share
//! buttons, sign-up prompts, legal footers, counters), recognised by class of
//! wording and by shape, never by one site's exact sentence.
//!
//! Position does most of the work (see `region` in the parent module); these rules
//! catch furniture that sits inside or right next to the story.

use super::text::{lower_starts_with, trim_punct, word_count};

/// Lowercased words of a line, punctuation trimmed.
fn lower_words(lower: &str) -> Vec<&str> {
    lower
        .split_whitespace()
        .map(trim_punct)
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether any of `phrases` occurs in `lower`.
fn has_any(lower: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| super::text::holds(lower, p))
}

/// Phrases of rule `account_and_subscription` (also read by the gate).
const ACCOUNT_AND_SUBSCRIPTION_1: &[&str] = &["register", "login", "subscribe"];

/// Phrases of rule `account_and_subscription` (also read by the gate).
const ACCOUNT_AND_SUBSCRIPTION_2: &[&str] = &[
    "subscribe to",
    "subscribe for",
    "subscribe now",
    "sign in",
    "sign up",
    "log in",
    "log out",
    "newsletter",
    "my account",
    "manage your account",
    "donate",
    "reset your password",
    "create an account",
    "e-edition",
];

/// Phrases of rule `advertising` (also read by the gate).
const ADVERTISING_1: &[&str] = &["advertisement", "adchoices", "ad choices", "advertise with"];

/// Phrases of rule `advertising` (also read by the gate).
const ADVERTISING_2: &[&str] = &["advertis", "sponsored", "promoted"];

/// Phrases of rule `legal_footer` (also read by the gate).
const LEGAL_FOOTER_1: &[&str] = &[
    "©",
    "all rights reserved",
    "is a registered trademark",
    "are registered trademarks",
    "è un marchio registrato",
    "est une marque déposée",
    "es una marca registrada",
    "é uma marca registrada",
    "ist eine eingetragene marke",
    "do not sell my",
    "licensed under a creative",
    "uses cookies",
    "use cookies",
    "cookie policy",
    "cookie settings",
    "cookie preferences",
];

/// Phrases of rule `legal_footer` (also read by the gate).
const LEGAL_FOOTER_2: &[&str] = &[
    "copyright",
    "privacy policy",
    "privacy notice",
    "terms of use",
    "terms of service",
    "terms and conditions",
    "terms & conditions",
    "cookie",
    "licensed under",
];

/// Leads of rule `legal_footer`: a line that opens with them is a footer up to 40 words.
const LEGAL_FOOTER_LEADS: &[&str] = &["copyright", "privacy"];

/// Phrases of rule `comments_widget` (also read by the gate).
const COMMENTS_WIDGET_1: &[&str] = &["comment", "reply"];

/// Phrases of rule `comments_widget` (also read by the gate).
const COMMENTS_WIDGET_2: &[&str] = &[
    "leave a",
    "add a",
    "post a",
    "view ",
    "show ",
    "join ",
    "read ",
    "reader ",
    "no comments",
    "sign in",
    "log in",
    "load ",
    "feed for",
];

/// Phrases of rule `comments_widget` (also read by the gate).
const COMMENTS_WIDGET_3: &[&str] = &[
    "leave a comment",
    "leave a reply",
    "join the discussion",
    "comments powered by",
];

/// Phrases of rule `comments_widget`: a comment counter's wording.
const COMMENTS_COUNTER: &[&str] = &["posters participating"];

/// Phrase of rule `spam_filter_notice`, with one of the words below.
const SPAM: &[&str] = &["spam"];

/// Phrases of rule `spam_filter_notice` (also read by the gate).
const SPAM_FILTER_NOTICE_1: &[&str] = &["comment", "data", "email"];

/// Phrases of rule `call_to_action` (also read by the gate).
const CALL_TO_ACTION_1: &[&str] = &["sharing options", "share this", "share on ", "share via "];

/// Phrases of rule `call_to_action` (also read by the gate).
const CALL_TO_ACTION_2: &[&str] = &[
    "subscribe to our",
    "get breaking",
    "click to subscribe",
    "sign up for our",
    "subscribe now",
    "continue reading",
    "listen to this article",
    "scroll to continue",
    "play video",
    "watch video",
    "like this article",
    "like this story",
    "by signing up",
    "by submitting",
    "you agree to our",
    "off the newsstand",
    "enter your email",
    "enter your zip",
    "enter your e-mail",
    "affiliate commission",
    "supported by its audience",
    "we may earn",
    "join our",
    "download our app",
    "unsubscribe at any time",
    "you can unsubscribe",
];

/// Phrases of rule `call_to_action` (also read by the gate).
const CALL_TO_ACTION_3: &[&str] = &[
    "click here",
    "click to",
    "read more",
    "learn more",
    "get the app",
    "download the app",
    "follow us",
    "like us on",
    "get short url",
    "short url",
    "loading...",
    "javascript",
    "unsupported on your device",
    "not available in your region",
    "affiliate commission",
    "supported by its audience",
    "why you can trust",
    "our standards",
    "trust principles",
    "send us a tip",
    "tip us",
    "share your thoughts",
    "share it with",
    "sign up to",
    "report an error",
    "submit a correction",
    "reprint",
    "external links",
    "open in a new window",
    "opens in new window",
    "about sharing",
    "you must login",
    "you must be logged in",
    // A newsletter's pitch: "Your guide to gaming delivered to your inbox daily."
    "delivered to your inbox",
    "straight to your inbox",
    "right to your inbox",
    "to your inbox daily",
    "in your inbox daily",
    "to your inbox every",
    "in your inbox every",
];

/// A furniture rule as data: its name (what `--explain` shows), the phrases
/// it looks for, and the check that reads the line's shape (length, word
/// count, position of the phrase) around them.
pub(crate) struct Rule {
    pub name: &'static str,
    /// Every phrase the check looks for: a line holding none of them is
    /// never furniture by this rule, so the gate skips the check. Empty for
    /// a rule of shape alone, which reads every line.
    pub phrases: &'static [&'static [&'static str]],
    /// `(line, lowercased line, word count)`.
    pub check: fn(&str, &str, usize) -> bool,
}

/// The furniture rules, in the order they are tried (the first that holds
/// names the line's rule).
pub(crate) const RULES: &[Rule] = &[
    Rule {
        name: "social_or_share",
        phrases: &[SOCIAL, COPY_LINK],
        check: social_or_share,
    },
    Rule {
        name: "account_and_subscription",
        phrases: &[ACCOUNT_AND_SUBSCRIPTION_1, ACCOUNT_AND_SUBSCRIPTION_2],
        check: |_, lower, words| account_and_subscription(lower, words),
    },
    Rule {
        name: "navigation_words",
        phrases: &[NAV],
        check: |_, lower, words| navigation_words(lower, words),
    },
    Rule {
        name: "advertising",
        phrases: &[ADVERTISING_1, ADVERTISING_2],
        check: |_, lower, words| advertising(lower, words),
    },
    Rule {
        name: "legal_footer",
        phrases: &[LEGAL_FOOTER_1, LEGAL_FOOTER_2, LEGAL_FOOTER_LEADS],
        check: |_, lower, words| legal_footer(lower, words),
    },
    Rule {
        name: "comments_widget",
        phrases: &[
            COMMENTS_WIDGET_1,
            COMMENTS_WIDGET_2,
            COMMENTS_WIDGET_3,
            COMMENTS_COUNTER,
        ],
        check: |_, lower, words| comments_widget(lower, words),
    },
    Rule {
        name: "tag_list",
        phrases: &[TAG_LABELS],
        check: |_, lower, words| tag_list(lower, words),
    },
    Rule {
        name: "spam_filter_notice",
        phrases: &[SPAM, SPAM_FILTER_NOTICE_1],
        check: |_, lower, words| spam_filter_notice(lower, words),
    },
    Rule {
        name: "powered_by",
        phrases: &[POWERED_BY],
        check: |_, lower, _| powered_by(lower),
    },
    Rule {
        name: "reading_time",
        phrases: &[READING_TIME],
        check: |_, lower, words| reading_time(lower, words),
    },
    Rule {
        name: "font_size_buttons",
        phrases: &[],
        check: |line, lower, _| font_size_buttons(line, lower),
    },
    Rule {
        name: "breadcrumb",
        phrases: &[],
        check: |line, lower, _| breadcrumb(line, lower),
    },
    Rule {
        name: "bare_counter",
        phrases: &[],
        check: |line, _, _| bare_counter(line),
    },
    Rule {
        name: "call_to_action",
        phrases: &[
            CALL_TO_ACTION_1,
            CALL_TO_ACTION_2,
            CALL_TO_ACTION_3,
            CALL_TO_ACTION_LEADS,
        ],
        check: |_, lower, words| call_to_action(lower, words),
    },
    Rule {
        name: "author_contact",
        phrases: &[AUTHOR_CONTACT_LEADS, AUTHOR_CONTACT_PHRASES],
        check: |line, lower, words| author_contact(line, lower, words),
    },
    Rule {
        name: "original_source",
        phrases: &[ORIGINAL_SOURCE_LEADS],
        check: |line, _, words| original_source_counted(line, words).is_some(),
    },
];

/// The quick prefilter: every phrase of every rule in [`RULES`], searched in
/// one pass, which tells the rules whose phrases the line holds. A rule whose
/// phrases a line holds none of cannot hold for it (only the rules of shape
/// alone read every line), and most lines of a page hold none at all. Built
/// from the rules themselves, so a phrase added to a rule always reaches it.
struct Gate {
    automaton: aho_corasick::dfa::DFA,
    /// For each phrase (by the automaton's pattern number), the rules that
    /// look for it, one bit per index in [`RULES`].
    rules: Vec<u32>,
}

impl Gate {
    /// The rules (bits by index in [`RULES`]) one of whose phrases occurs in
    /// `lower`. The automaton is walked here a byte at a time: every state
    /// reached holds the phrases that end at that byte (those of shorter
    /// suffixes included), so the walk sees each occurrence of each phrase,
    /// as an overlapping search does, without the cost of setting one up
    /// and stepping it match by match (more than the walk itself on the
    /// short lines the gate reads).
    fn rules_in(&self, lower: &str) -> u32 {
        use aho_corasick::Anchored;
        use aho_corasick::automaton::Automaton;
        let dfa = &self.automaton;
        let Ok(mut state) = dfa.start_state(Anchored::No) else {
            return u32::MAX;
        };
        let mut rules = 0;
        for &b in lower.as_bytes() {
            state = dfa.next_state(Anchored::No, state, b);
            if dfa.is_special(state) && dfa.is_match(state) {
                for k in 0..dfa.match_len(state) {
                    rules |= self.rules[dfa.match_pattern(state, k).as_usize()];
                }
            }
        }
        rules
    }
}

fn gate() -> Option<&'static Gate> {
    static GATE: std::sync::OnceLock<Option<Gate>> = std::sync::OnceLock::new();
    // Building from a fixed list cannot fail in practice; if it ever did, the fast
    // path is simply skipped. A DFA (a few hundred kilobytes for this list) is
    // several times faster per byte than the default automaton, and the gate
    // reads most lines of every page.
    GATE.get_or_init(|| {
        // Each phrase once (some serve two rules), with the rules it serves.
        let mut phrases: Vec<&'static str> = Vec::new();
        let mut rules: Vec<u32> = Vec::new();
        for (k, rule) in RULES.iter().enumerate() {
            for phrase in rule.phrases.iter().flat_map(|l| l.iter()) {
                match phrases.iter().position(|p| p == phrase) {
                    Some(at) => rules[at] |= 1 << k,
                    None => {
                        phrases.push(phrase);
                        rules.push(1 << k);
                    }
                }
            }
        }
        let automaton = aho_corasick::dfa::DFA::builder()
            .prefilter(false)
            .build(&phrases)
            .ok()?;
        Some(Gate { automaton, rules })
    })
    .as_ref()
}

/// Whether the line is site furniture. `lower` is the lowercased line.
#[cfg(test)]
pub fn is_furniture(line: &str, lower: &str) -> bool {
    furniture_rule(line, lower, word_count(line)).is_some()
}

/// The furniture rule the line meets, if any (see [`RULES`]); `lower` is the
/// lowercased line and `words` its word count.
pub(crate) fn furniture_rule(line: &str, lower: &str, words: usize) -> Option<&'static str> {
    // No furniture rule applies to a paragraph this long.
    if words > 40 {
        return None;
    }
    // Without the gate (it failed to build) every rule reads the line.
    let worded = gate().map_or(u32::MAX, |g| g.rules_in(lower));
    RULES
        .iter()
        .enumerate()
        .find(|(k, r)| {
            (r.phrases.is_empty() || worded & (1 << k) != 0) && (r.check)(line, lower, words)
        })
        .map(|(_, r)| r.name)
}

/// Phrases of [`social_or_share`] (also read by the gate, see [`gate`]).
const SOCIAL: &[&str] = &[
    "share",
    "shares",
    "sharing",
    "tweet",
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
    "pinterest",
    "reddit",
    "flipboard",
    "email",
    "e-mail",
    "print",
    "telegram",
    "messenger",
    "instagram",
    "youtube",
    "rss",
    "google",
    "tumblr",
    "pocket",
    "snapchat",
    "stumbleupon",
    "blogger",
    "mastodon",
    "bluesky",
    "threads",
];

/// Phrases of [`social_or_share`] (also read by the gate, see [`gate`]).
const BUTTON: &[&str] = &[
    "on", "via", "this", "with", "to", "the", "a", "story", "article", "link", "post", "page",
    "us", "our", "and", "or", "in", "follow", "find", "join", "open", "new", "window", "opens",
    "options", "all", "more", "friend", "click",
];

/// Phrases of [`social_or_share`]: copy-link buttons, at any length.
const COPY_LINK: &[&str] = &["copy link", "copy this link"];

/// Rule `social_or_share`: short lines naming share buttons or social networks.
/// Example: "Share this with Facebook", "Tweet", "Email", "Print this article".
fn social_or_share(line: &str, lower: &str, words: usize) -> bool {
    if words > 8 {
        return false;
    }
    let ws = lower_words(lower);
    let social = ws.iter().filter(|w| SOCIAL.contains(w)).count();
    // Words a share button may carry besides the network's name; anything else
    // ("Facebook and Twitter ban political ads") makes it a sentence about them.
    let other = ws
        .iter()
        .filter(|w| !SOCIAL.contains(w) && !BUTTON.contains(w))
        .count();
    // One social word in a two-word line, or two in a short line of button words.
    // A row of capitalised buttons may name as many others as networks ("Whatsapp
    // Facebook Pin Download"): no sentence about the networks is all capitals.
    let buttons = || {
        other <= social
            && line
                .split_whitespace()
                .map(trim_punct)
                .filter(|w| !w.is_empty())
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    };
    (social >= 2 && (other <= 1 || buttons()))
        || (social == 1 && ws.len() <= 3)
        || has_any(lower, COPY_LINK)
}

/// Rule `account_and_subscription`: sign-in, sign-up and subscription prompts.
/// Example: "SIGN UP FOR OUR NEWSLETTER", "Subscribe", "Login/Register".
fn account_and_subscription(lower: &str, words: usize) -> bool {
    // Common verbs ("register", "subscribe") only on short lines; the phrases of
    // sign-up prompts at any length up to 14 words.
    if words <= 6 && has_any(lower, ACCOUNT_AND_SUBSCRIPTION_1) {
        return true;
    }
    words <= 14 && has_any(lower, ACCOUNT_AND_SUBSCRIPTION_2)
}

/// Phrases of [`navigation_words`] (also read by the gate, see [`gate`]).
const NAV: &[&str] = &[
    "latest headlines",
    "go to permalink",
    "closed captioning",
    // "Skip to content" and "listen to this article" in other languages.
    "ouvir o texto",
    "перейти к контенту",
    "ir al contenido",
    "aller au contenu",
    "zum inhalt",
    "menu",
    "search",
    "home",
    "navigation",
    "navigate",
    "sections",
    "toggle",
    "close",
    "skip to",
    "accessibility",
    "back to top",
    "next article",
    "previous article",
    "next story",
    "previous story",
    "view all",
    "see all",
    "load more",
    "show more",
    "more stories",
    "all news",
    "latest news",
    "top stories",
    "trending",
    "most popular",
    "most read",
    "recommended",
    "editors' picks",
    "you may also like",
    "related topics",
    "related stories",
    "related articles",
    "related content",
    "filed under",
    "tags",
    "topics",
    "contact us",
    "about us",
    "breaking news",
    "live tv",
    "watch live",
    "expand",
    "collapse",
    "settings",
    "edition",
    "more options",
];

/// Phrases of rule `tag_list` (also read by the gate): the labels a page's
/// list of tags or topics opens with, in the languages of the pages people
/// save.
const TAG_LABELS: &[&str] = &[
    "filed under",
    "tags:",
    "tagged:",
    "tagged with",
    "topics:",
    "schlagwörter",
    "schlagworte:",
    "etiquetas:",
    "mots-clés",
    "mots clés",
    "tag:",
    "теги:",
    "тэги:",
    "标签：",
    "标签:",
];

/// Rule `tag_list`: the story's tags under a label ("Filed Under: Eastern
/// Equine Encephalitis, EEE, health", "Tags: budget, council"): a list of
/// topics, never an author, a headline or story text. Only a line that opens
/// with the label counts ("… was filed under seal" is prose).
fn tag_list(lower: &str, words: usize) -> bool {
    const MAX_WORDS: usize = 40;
    words <= MAX_WORDS && TAG_LABELS.iter().any(|l| lower.trim_start().starts_with(l))
}

/// Rule `navigation_words`: one-to-four word menu entries of the generic kind.
/// Example: "Skip to main content", "Menu", "Search", "Toggle navigation", "Home".
fn navigation_words(lower: &str, words: usize) -> bool {
    if words > 5 {
        return false;
    }
    let ws = lower_words(lower);
    if ws.is_empty() {
        return false;
    }
    NAV.iter().any(|n| {
        if n.contains(' ') {
            lower.contains(n)
        } else {
            ws.contains(n) && ws.len() <= 3
        }
    })
}

/// Rule `advertising`: ad slots and sponsor labels.
/// Example: "Advertisement", "ADVERTISEMENT", "Sponsored Stories", "AdChoices".
fn advertising(lower: &str, words: usize) -> bool {
    // "Advertising revenue falls" is a headline; ad labels are one or two words or
    // an invitation to advertise.
    (words <= 6 && has_any(lower, ADVERTISING_1)) || (words <= 2 && has_any(lower, ADVERTISING_2))
}

/// Rule `legal_footer`: copyright, privacy, terms and cookie lines.
/// Example: "© 2019 Example Media. All rights reserved.", "Cookie Policy".
fn legal_footer(lower: &str, words: usize) -> bool {
    // Unmistakable footer marks at any length up to 40 words; words a story may use
    // ("copyright", "cookie", "privacy policy") only on short lines or as the lead.
    (words <= 40 && has_any(lower, LEGAL_FOOTER_1))
        || (words <= 12 && has_any(lower, LEGAL_FOOTER_2))
        || (words <= 40 && LEGAL_FOOTER_LEADS.iter().any(|p| lower.starts_with(p)))
}

/// Rule `comments_widget`: comment counters and prompts.
/// Example: "Leave a Comment", "48 with 17 posters participating", "Show Comments".
fn comments_widget(lower: &str, words: usize) -> bool {
    // A comment widget counts or invites comments; "Comment: Why …" is an opinion
    // headline and "declined to comment" is prose.
    let widget = words <= 8
        && !lower.contains(':')
        && (has_any(lower, COMMENTS_COUNTER)
            || (has_any(lower, COMMENTS_WIDGET_1)
                && (words <= 2
                    || lower.starts_with(|c: char| c.is_ascii_digit())
                    || (lower.contains("comments")
                        && lower.contains(|c: char| c.is_ascii_digit()))
                    || has_any(lower, COMMENTS_WIDGET_2))));
    (words <= 40 && widget) || has_any(lower, COMMENTS_WIDGET_3)
}

/// Rule `spam_filter_notice`: comment-form spam notices.
/// Example: "This site uses Akismet to reduce spam. Learn how your comment data is processed."
fn spam_filter_notice(lower: &str, words: usize) -> bool {
    words <= 30 && has_any(lower, SPAM) && has_any(lower, SPAM_FILTER_NOTICE_1)
}

/// Leads of rule `powered_by`.
const POWERED_BY: &[&str] = &["powered by", "designed by"];

/// Rule `powered_by`: platform credits.
/// Example: "Powered by WPeMatico".
fn powered_by(lower: &str) -> bool {
    POWERED_BY.iter().any(|p| lower.starts_with(p))
}

/// Phrases of rule `reading_time`.
const READING_TIME: &[&str] = &["min read", "minute read", "reading time"];

/// Rule `reading_time`: "5 Min Read", "3 minute read", "Reading time: 4 minutes".
fn reading_time(lower: &str, words: usize) -> bool {
    words <= 5 && has_any(lower, READING_TIME)
}

/// Rule `breadcrumb`: a navigation trail: "Home" followed by section names, or
/// three steps or more joined by "›", "»" or ">>" ("首页 >> 教育资讯 >> 正文"), or
/// section names joined by `›`, `>`, `»` or ` / `.
/// Example: "Home News Travel & Outdoors", "News › World › Europe".
fn breadcrumb(line: &str, lower: &str) -> bool {
    let home_led = lower.starts_with("home ") || lower.starts_with("home/");
    // Each mark holds a byte few lines hold (">", and the last bytes of "›"
    // and "»"): only a line with one is searched for the marks.
    let trail = memchr::memchr3(b'>', 0xBA, 0xBB, line.as_bytes()).is_some()
        && [" › ", " > ", " » ", " >> "]
            .iter()
            .any(|m| line.contains(m));
    if !(home_led || trail) {
        return false;
    }
    // Three or more steps joined by the same mark are a trail whatever they say:
    // its last step is often the page's own title, in sentence case and ending
    // "…" or "?" ("Mensagens » Autoestima » Só quem se ama…"). French quotes
    // close with " » " too: a line that opens one is prose.
    let steps = |m: &str| {
        line.matches(m).count() >= 2
            && !line.contains('«')
            && line
                .split(m)
                .all(|step| (1..=10).contains(&step.split_whitespace().count()))
    };
    if trail && (steps(" › ") || steps(" » ") || steps(" >> ")) {
        return true;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.len() < 2 || words.len() > 10 || super::text::ends_terminal(line) {
        return false;
    }
    words.iter().all(|w| {
        super::text::is_capitalised(w) || matches!(*w, "&" | "/" | "›" | ">" | "»" | "|" | "-")
    })
}

/// Rule `font_size_buttons`: text-size controls, one or several per line.
/// `lower` is the lowercased line.
/// Example: "XS", "SM MD LG", "A+ A-", "Resize Text".
fn font_size_buttons(line: &str, lower: &str) -> bool {
    if line.len() > 40 {
        return false;
    }
    const SIZES: &[&str] = &[
        "xs", "s", "sm", "m", "md", "l", "lg", "xl", "xxl", "a", "a+", "a-", "a−", "aa",
    ];
    let ws: Vec<&str> = lower.split_whitespace().collect();
    if ws.is_empty() || ws.len() > 6 {
        return false;
    }
    // A lone "A" or "S" may be a wrapped initial; require a size-looking token.
    let all_sizes = ws.iter().all(|w| SIZES.contains(w));
    let has_real = ws.iter().any(|w| w.len() >= 2);
    (all_sizes && has_real)
        || lower.contains("font size")
        || lower.contains("text size")
        || lower == "resize text"
}

/// Rule `bare_counter`: lines of only digits and punctuation: share counts,
/// gallery positions, timestamps.
/// Example: "4553", "1 of 6", "0 : 0", "18:08", "(23)".
fn bare_counter(line: &str) -> bool {
    if line.len() > 40 {
        return false;
    }
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    let digits = line.chars().filter(|c| c.is_numeric()).count();
    (letters == 0 && line.chars().count() <= 20)
        || (digits > 0 && letters <= 2 && line.chars().count() <= 12)
}

/// Leads of rule `call_to_action` on short lines ("Follow us", "Like us on …").
const CALL_TO_ACTION_LEADS: &[&str] = &["follow ", "like us"];

/// Rule `call_to_action`: prompts addressed to the reader about the page itself.
/// Example: "Click here to get the app", "Read more", "Get short URL", "Loading...".
fn call_to_action(lower: &str, words: usize) -> bool {
    // Share panels repeat the headline after their label: "Share All sharing
    // options for: <headline>".
    if words <= 40 && has_any(lower, CALL_TO_ACTION_1) {
        return true;
    }
    if words <= 5 && CALL_TO_ACTION_LEADS.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    // Promotion of the publication's own products.
    if words <= 40 && has_any(lower, CALL_TO_ACTION_2) {
        return true;
    }
    words <= 14 && has_any(lower, CALL_TO_ACTION_3)
}

/// Leads of rule `author_contact`: the imperative a contact line opens with.
const AUTHOR_CONTACT_LEADS: &[&str] = &[
    "email ",
    "e-mail ",
    "contact ",
    "follow ",
    "write to ",
    "reach ",
    "you can reach ",
    "have a tip?",
];

/// Phrases of rule `author_contact` found anywhere in the line.
const AUTHOR_CONTACT_PHRASES: &[&str] = &["be reached at"];

/// Rule `author_contact`: how to reach the writer or the desk, which closes
/// many stories: an address or a handle after an imperative ("Email Jane Roe
/// at jroe@example.com or follow her @janeroe", "Contact us:
/// desk@example.com") or after "… may be reached at". A story's own mention
/// of an address ("Anyone with information should contact police at
/// tips@example.gov") opens otherwise and stays.
fn author_contact(line: &str, lower: &str, words: usize) -> bool {
    const MAX_WORDS: usize = 45;
    if words > MAX_WORDS || memchr::memchr(b'@', line.as_bytes()).is_none() {
        return false;
    }
    let opens = AUTHOR_CONTACT_LEADS.iter().any(|p| lower.starts_with(p))
        || has_any(lower, AUTHOR_CONTACT_PHRASES);
    opens && (has_email_address(line) || has_handle(line))
}

/// Whether the line holds an e-mail address: a word character on each side
/// of an "@" and a dot in the word after it.
fn has_email_address(line: &str) -> bool {
    let bytes = line.as_bytes();
    memchr::memchr_iter(b'@', bytes).any(|at| {
        let word = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.');
        at > 0
            && word(&bytes[at - 1])
            && bytes[at + 1..]
                .iter()
                .take_while(|b| word(b))
                .any(|&b| b == b'.')
    })
}

/// Whether the line holds a social handle: an "@" at a word's start followed
/// by a letter, digit or underscore ("@janeroe").
fn has_handle(line: &str) -> bool {
    let bytes = line.as_bytes();
    memchr::memchr_iter(b'@', bytes).any(|at| {
        (at == 0 || matches!(bytes[at - 1], b' ' | b'(' | b'\t'))
            && bytes
                .get(at + 1)
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
    })
}

/// Leads of rule `original_source`.
const ORIGINAL_SOURCE_LEADS: &[&str] = &[
    "read the original article on ",
    "read the original article at ",
    "read the original on ",
    "this article originally appeared on ",
    "this article was originally published on ",
    "this story originally appeared on ",
    "originally published on ",
    "originally published at ",
    "source: ",
];

/// Rule `original_source`: "Read the original article on X" (and the like) names
/// the source and is itself furniture.
///
/// Example: "Read the original article on Business Insider" → "Business Insider".
pub fn original_source(line: &str) -> Option<String> {
    // Every line of a page comes here: its words are counted only when it
    // opens with a lead.
    if line.len() > 200
        || !ORIGINAL_SOURCE_LEADS
            .iter()
            .any(|lead| lower_starts_with(line, lead))
    {
        return None;
    }
    original_source_counted(line, word_count(line))
}

/// [`original_source`] given the line's word count. The leads are matched on
/// the line itself ([`lower_starts_with`]): no lowercased copy is made.
fn original_source_counted(line: &str, words: usize) -> Option<String> {
    if line.len() > 200 || words > 14 {
        return None;
    }
    for lead in ORIGINAL_SOURCE_LEADS {
        if lower_starts_with(line, lead) {
            // The matched prefix is ASCII, so `lead.len()` is a char boundary.
            let rest = line.get(lead.len()..)?;
            let rest = rest.trim().trim_end_matches(['.', '!']).trim();
            return (!rest.is_empty()).then(|| rest.to_string());
        }
    }
    None
}

/// Rule `attribution_credit`: agency and contributor credits that close a story.
/// They go to `credits`, not the body.
///
/// Example: "Information from Reuters was used in this report.",
/// "Some information in this report came from The Associated Press.",
/// "Reporting by Jane Doe; Editing by John Roe".
pub fn is_credit(lower: &str) -> bool {
    // "— Reporting by …": a dash may lead the credit.
    let lower = lower.trim_start_matches(['—', '–', '-', ' ']);
    if lower.len() > 500 {
        return false;
    }
    // Every phrase but three is a prefix, tested in place; the line is searched
    // only for the phrases that may stand anywhere ("contributed …", "was used
    // in this report"), and for "report" only after "information from ".
    (lower.starts_with("information from ") && lower.contains("report"))
        || lower.starts_with("some information in this report")
        || lower.starts_with("some information for this report")
        || lower.starts_with("some information from ")
        || lower.starts_with("reporting by ")
        || lower.starts_with("additional reporting by ")
        || lower.starts_with("(reporting by ")
        || lower.starts_with("editing by ")
        || lower.starts_with("writing by ")
        || lower.starts_with("compiled by ")
        || lower.starts_with("this report includes information from")
        || lower.starts_with("material from ")
        || (CONTRIBUTED.find(lower.as_bytes()).is_some()
            && (lower.contains("contributed to this report")
                || lower.contains("contributed reporting")
                || lower.contains("contributed to this story")))
        || USED_IN_REPORT.find(lower.as_bytes()).is_some()
}

/// The searchers for [`is_credit`]'s phrases that may stand anywhere, which
/// it looks for in most lines of a page: built once rather than per line.
static CONTRIBUTED: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new("contributed"));
static USED_IN_REPORT: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new("was used in this report"));

/// Rule `related_link`: a line that introduces another article ("Related article: X",
/// "Related: X", "Read more: X", "Also on example.com X", "More: X"). Returns the
/// linked headline.
///
/// Example: "Related article: How Will the West Respond?" → "How Will the West Respond?".
pub fn related_title(line: &str) -> Option<String> {
    if line.len() > 400 {
        return None;
    }
    const LEADS: &[&str] = &[
        "related article:",
        "related articles:",
        "related story:",
        "related stories:",
        "related:",
        "read more:",
        "read also:",
        "also read:",
        "see also:",
        "more:",
        "recommended:",
        "read next:",
        "more on this:",
        "also on ",
    ];
    for lead in LEADS {
        // Matched on the line itself, no lowercased copy ([`lower_starts_with`]).
        if lower_starts_with(line, lead) {
            let rest = line.get(lead.len()..)?.trim();
            let rest = if *lead == "also on " {
                // "Also on example.com Headline": drop the site token.
                rest.split_once(' ').map_or("", |(_, r)| r).trim()
            } else {
                rest
            };
            return (!rest.is_empty() && word_count(rest) <= 30).then(|| rest.to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_rule_phrase_passes_the_gate_to_its_rule() {
        assert!(RULES.len() <= 32, "one bit per rule");
        let gate = gate().expect("the gate builds");
        for (k, rule) in RULES.iter().enumerate() {
            for phrase in rule.phrases.iter().flat_map(|l| l.iter()) {
                assert!(
                    gate.rules_in(phrase) & (1 << k) != 0,
                    "{phrase:?} is stopped before {}",
                    rule.name
                );
            }
        }
    }

    #[test]
    fn each_rule_names_its_own_lines() {
        for (line, rule) in [
            ("Share this with Facebook", "social_or_share"),
            ("Whatsapp   Facebook   Pin   Baixar", "social_or_share"),
            ("Sign up for our newsletter", "account_and_subscription"),
            ("Toggle navigation", "navigation_words"),
            ("ADVERTISEMENT", "advertising"),
            ("© 2019 Example Media. All rights reserved.", "legal_footer"),
            ("Leave a Comment", "comments_widget"),
            ("Powered by WPeMatico", "powered_by"),
            ("5 Min Read", "reading_time"),
            ("SM MD LG", "font_size_buttons"),
            ("News › World › Europe", "breadcrumb"),
            (
                "Poesia » Poemas de amor » Quem planta esperança colhe…",
                "breadcrumb",
            ),
            ("首页 >> 教育资讯 >> 教育新闻 >> 正文", "breadcrumb"),
            ("1 of 6", "bare_counter"),
            ("Click here to get the app", "call_to_action"),
            (
                "Read the original article on Example Daily",
                "original_source",
            ),
        ] {
            let lower = line.to_lowercase();
            assert_eq!(
                furniture_rule(line, &lower, word_count(line)),
                Some(rule),
                "{line:?}"
            );
        }
    }

    #[test]
    fn lines_the_old_gate_stopped_are_furniture() {
        for line in [
            "We may earn a commission from links on this page",
            "Privacy",
        ] {
            let lower = line.to_lowercase();
            assert!(is_furniture(line, &lower), "{line:?}");
        }
    }

    use super::*;

    fn furn(s: &str) -> bool {
        is_furniture(s, &s.to_lowercase())
    }

    #[test]
    fn generic_furniture_is_recognised() {
        for line in [
            "Share this with Facebook",
            "Skip to main content",
            "ADVERTISEMENT",
            "Leave a Comment",
            "Powered by WPeMatico",
            "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
            "5 Min Read",
            "XS",
            "SM MD LG",
            "1 of 6",
            "© 2019 Example Media",
            "Read the original article on Business Insider",
        ] {
            assert!(furn(line), "{line}");
        }
    }

    #[test]
    fn prose_is_not_furniture() {
        for line in [
            "The minister said the talks would resume on Monday after a short break.",
            "Battery capacity",
            "What did the inspectors find?",
            "Facebook and Twitter ban political ads",
            "Facebook And Twitter Ban Political Ads",
            "« Nous irons » , a dit la ministre, « jusqu'au bout » , puis elle est partie.",
        ] {
            assert!(!furn(line), "{line}");
        }
    }

    #[test]
    fn credits_and_related_and_source() {
        assert!(is_credit(
            "information from reuters was used in this report."
        ));
        assert_eq!(
            related_title("Related article: How Will the West Respond?").as_deref(),
            Some("How Will the West Respond?")
        );
        assert_eq!(
            original_source("Read the original article on Business Insider").as_deref(),
            Some("Business Insider")
        );
    }
}
