//! Byline, date and dateline recognition.

use super::text::{
    is_all_caps, is_capitalised, lower_contains, lower_starts_with, month_number, trim_punct,
    word_count,
};

/// Lowercase words that may sit inside a person's name ("Ursula von der Leyen").
const NAME_CONNECTORS: &[&str] = &[
    "and", "&", "de", "da", "van", "der", "von", "del", "la", "le", "di", "du", "bin", "al", "y",
    "dos", "das", "los", "las", "della", "ten", "ter", "zu",
];

/// Particles written glued to the surname by a hyphen or an apostrophe
/// ("Omar al-Rashid", "Jean d'Ormesson"): a name word though lowercase.
const GLUED_PARTICLES: &[&str] = &["al-", "el-", "ad-", "ar-", "as-", "at-", "az-", "d'", "d’"];

/// Whether a collected token is a word of a name (not a connector or a comma).
fn name_word(word: &str) -> bool {
    is_capitalised(word) || particle_name(word)
}

/// Whether `word` is a lowercase particle glued to a capitalised surname.
fn particle_name(word: &str) -> bool {
    GLUED_PARTICLES.iter().any(|p| {
        word.strip_prefix(p)
            .is_some_and(|rest| rest.chars().next().is_some_and(char::is_uppercase))
    })
}

/// "And" in other languages, joining names only when written in lowercase
/// ("Ana Lima e João Silva"; "Dan" and "E." are names and initials).
const LOWER_ANDS: &[&str] = &["und", "et", "e", "dan", "og", "och", "и", "та"];

/// Words after which a byline stops: the date or role that follows the names.
const NAME_STOPS: &[&str] = &[
    "on",
    "at",
    "updated",
    "published",
    "posted",
    "follow",
    "for",
    "in",
    "is",
    "was",
    "a",
    "the",
    "staff writer",
    "reporter",
    "correspondent",
    "editor",
    "contributor",
    "writer",
    "columnist",
    "business",
];

/// Other languages' "updated" and "published", which end a byline glued to
/// its timestamp ("Por Luis MoraActualizado el 12 de marzo"). Most are too
/// long for the quick test that lets a capitalised word reach [`NAME_STOPS`].
const DATE_LABEL_STOPS: &[&str] = &[
    "actualizado",
    "publicado",
    "atualizado",
    "aktualisiert",
    "veröffentlicht",
    "publié",
    "pubblicato",
    "aggiornato",
];

/// Why a run of names ended.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
enum Stop {
    /// End of line, a separator (`-`, `|`, `/`, `@`), a comma, or a date: a clean end.
    Clean,
    /// A lowercase word or role word: the line goes on as prose.
    Prose,
}

/// Separators between a byline's names and what follows them.
const SPACED: [&str; 8] = [" - ", " — ", " – ", " | ", " / ", " · ", " • ", " -- "];

/// Whether `b` may follow the space that opens a separator ([`SPACED`], or
/// a run of spaces): the second byte of one of them.
fn may_follow_space(b: u8) -> bool {
    matches!(b, b' ' | b'-' | b'|' | b'/' | 0xC2 | 0xE2)
}

/// Cuts `s` at the first separator that ends a byline's names: ` - `, ` — `,
/// ` – `, ` | `, `|`, ` / `, `@`, ` · `, ` • ` or ` -- `. One pass visits the
/// bytes that can start a separator (space, `|`, `@`) and stops at the first
/// place where one begins.
fn cut_at_separator(s: &str) -> &str {
    let bytes = s.as_bytes();
    let mut end = memchr::memchr3_iter(b' ', b'|', b'@', bytes)
        .find(|&p| {
            bytes[p] != b' ' || {
                let rest = &bytes[p..];
                // A run of spaces sets columns apart ("Joe Wee     Monday, …").
                // Every separator's second byte is one of these (a space
                // before a word, nearly every one, is none).
                rest.get(1).is_some_and(|&b| may_follow_space(b))
                    && (rest.starts_with(b"  ")
                        || SPACED.iter().any(|sep| rest.starts_with(sep.as_bytes())))
            }
        })
        .unwrap_or(s.len());
    if s.ends_with(" -") || s.ends_with(" —") {
        end = end.min(s.len().saturating_sub(2));
    }
    s.get(..end).unwrap_or(s).trim()
}

/// Collects name tokens from `s` (after any "By"), returning the names and why they stopped.
///
/// Names are slices of `s` (connectors in lowercase, and `,` between comma
/// segments), so nothing is copied. Tokens are compared with the word lists
/// ignoring ASCII case, which is the same as lowercasing them first (see
/// [`lower_equals`]).
fn collect_names(s: &str) -> (Vec<&str>, Stop) {
    let s = cut_at_separator(s);
    let mut segments = s.split(',');
    let mut names: Vec<&str> = Vec::new();
    let mut stop = Stop::Clean;
    // One buffer for every segment's tokens.
    let mut tokens: Vec<&str> = Vec::new();
    let mut si = 0usize;
    while let Some(seg) = segments.next() {
        if si > 0 {
            // A list already closed by "and" is over: "By Ann Lee and Tom
            // Ellis, Harbour Herald" names the outlet after the comma.
            if names
                .iter()
                .any(|n| matches!(*n, "and" | "&" | "y") || LOWER_ANDS.contains(n))
            {
                break;
            }
            // A later comma segment continues the list only when the list ends "… and Name".
            let rest_has_and = std::iter::once(seg).chain(segments.clone()).any(|x| {
                x.split_whitespace()
                    .any(|w| w == "and" || w == "AND" || w == "&" || LOWER_ANDS.contains(&w))
            });
            let starts_cap = seg.split_whitespace().next().is_some_and(is_capitalised);
            if !(person_segment(seg) || rest_has_and && starts_cap) {
                break;
            }
            names.push(",");
        }
        si += 1;
        tokens.clear();
        tokens.extend(seg.split_whitespace());
        for (ti, tok) in tokens.iter().enumerate() {
            let core = trim_punct(tok);
            if core.is_empty() {
                continue;
            }
            // A capitalised word of more than ten bytes is never taken for a
            // connector or stop word (no list entry is matched against it).
            let first_upper = core.chars().next().is_some_and(char::is_uppercase);
            let listed = |list: &[&'static str]| {
                if first_upper && core.len() > 10 {
                    None
                } else {
                    list.iter().copied().find(|w| lower_equals(core, w))
                }
            };
            if core.chars().any(|c| c.is_ascii_digit()) {
                return (names, Stop::Clean);
            }
            let next_is_digit = tokens
                .get(ti + 1)
                .is_some_and(|n| n.chars().next().is_some_and(|c| c.is_ascii_digit()));
            if month_number(core).is_some() && next_is_digit {
                return (names, Stop::Clean);
            }
            if let Some(and) = LOWER_ANDS.iter().find(|a| **a == core)
                && !names.is_empty()
            {
                names.push(and);
                continue;
            }
            if !names.is_empty()
                && core.len() >= 6
                && DATE_LABEL_STOPS
                    .iter()
                    .any(|w| core.eq_ignore_ascii_case(w))
            {
                return (names, Stop::Clean);
            }
            if let Some(connector) = listed(NAME_CONNECTORS) {
                // The lowercased token is the connector itself.
                names.push(connector);
                continue;
            }
            // "Erik Moen in Oslo": the reporter's city ends the names cleanly.
            if listed(&["in"]).is_some()
                && !names.is_empty()
                && (1..=3).contains(&(tokens.len() - ti - 1))
                && tokens[ti + 1..].iter().all(|w| is_capitalised(w))
            {
                return (names, Stop::Clean);
            }
            if let Some(word) = listed(NAME_STOPS) {
                stop = if matches!(
                    word,
                    "on" | "at" | "updated" | "published" | "posted" | "follow"
                ) {
                    Stop::Clean
                } else {
                    Stop::Prose
                };
                return (names, stop);
            }
            if !is_capitalised(core) && !particle_name(core) {
                return (names, Stop::Prose);
            }
            names.push(core);
        }
    }
    (names, stop)
}

/// Whether a comma segment of a byline reads as one more person ("By Ann Lee,
/// Tom Ellis, Grace Segers"): two or three capitalised words in mixed case
/// before any date, none a word of an outlet or a role ("CNN Business",
/// "Staff Writer" are not people).
fn person_segment(seg: &str) -> bool {
    const NOT_PERSON: &[&str] = &[
        "news",
        "business",
        "sport",
        "sports",
        "media",
        "press",
        "times",
        "post",
        "daily",
        "magazine",
        "network",
        "tv",
        "radio",
        "reporter",
        "writer",
        "editor",
        "correspondent",
        "staff",
        "contributor",
        "columnist",
        "senior",
        "chief",
        "associated",
        "politics",
        "world",
        "digital",
        "online",
        "international",
        "national",
        "wire",
        "service",
        "services",
        "report",
        "reports",
        "desk",
        "team",
        "bureau",
        "newsroom",
        "agency",
    ];
    let mut count = 0;
    for w in seg.split_whitespace() {
        if w.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            break;
        }
        let core = trim_punct(w);
        let ok = is_capitalised(core)
            && core.chars().any(char::is_lowercase)
            && !NOT_PERSON.iter().any(|n| core.eq_ignore_ascii_case(n));
        if !ok {
            return false;
        }
        count += 1;
    }
    (2..=3).contains(&count)
}

/// Whether `word.to_lowercase() == listed`, for a lowercase ASCII `listed`
/// without `k`, computed without lowercasing: only ASCII characters (and
/// U+212A, which lowercases to `k`) lowercase to ASCII alone, so the two are
/// equal exactly when `word` is `listed` in any ASCII case (see
/// [`super::text::lower_starts_with`] for the full argument).
fn lower_equals(word: &str, listed: &str) -> bool {
    debug_assert!(!listed.contains('k') && !listed.bytes().any(|b| b.is_ascii_uppercase()));
    word.eq_ignore_ascii_case(listed)
}

/// Joins collected tokens into a name string, dropping trailing connectors and a
/// trailing ALL-CAPS organisation after mixed-case names ("… McCoy USA TODAY").
fn finish_names(mut names: Vec<&str>) -> Option<String> {
    let mixed = names
        .iter()
        .any(|n| n.chars().any(char::is_lowercase) && is_capitalised(n));
    if mixed {
        while names
            .last()
            .is_some_and(|n| is_all_caps(n) || n.chars().count() == 1 && *n != "&")
        {
            names.pop();
        }
    }
    while names
        .last()
        .is_some_and(|n| NAME_CONNECTORS.contains(n) || LOWER_ANDS.contains(n) || *n == ",")
    {
        names.pop();
    }
    let real = names.iter().filter(|n| name_word(n)).count();
    if real == 0 || real > 10 {
        return None;
    }
    // Names are not made of common words: "By Any Means Necessary" is a show title.
    const COMMON: &[&str] = &[
        "any",
        "every",
        "some",
        "no",
        "means",
        "more",
        "all",
        "your",
        "our",
        "this",
        "that",
        "new",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "tomorrow",
        "yesterday",
        "then",
        "now",
        "far",
        "contrast",
        "comparison",
        "year",
        "year's",
        "end",
        "early",
        "late",
        "mid",
    ];
    if names.iter().any(|n| {
        *n != "and" && !LOWER_ANDS.contains(n) && {
            if n.is_ascii() {
                // Lowercasing ASCII changes no stop-word test.
                COMMON.iter().any(|w| n.eq_ignore_ascii_case(w))
                    || super::text::is_stop_word(n) && !n.eq_ignore_ascii_case("and")
            } else {
                let lower = n.to_lowercase();
                COMMON.contains(&lower.as_str())
                    || super::text::is_stop_word(&lower) && lower != "and"
            }
        }
    }) {
        return None;
    }
    let all_caps = names
        .iter()
        .filter(|n| is_capitalised(n))
        .all(|n| is_all_caps(n) || n.chars().count() <= 2);
    let mut out = String::new();
    for n in &names {
        if *n == "," {
            out.push(',');
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        if all_caps && is_capitalised(n) && n.chars().count() > 2 {
            let mut chars = n.chars();
            if let Some(first) = chars.next() {
                out.push(first);
                out.extend(chars.flat_map(char::to_lowercase));
            }
        } else {
            out.push_str(n);
        }
    }
    Some(out)
}

/// Rule `by_line`: "By Name", "by: Name" (local TV), "BY NAME ON 11/13/19",
/// "Posted by Name on …", "Analysis by Name, Title", "By A, B and C". Returns the
/// names without "By".
///
/// Example: "By ANNA WOLFE, PETER JOHN HALL and RUTH OKAFOR" →
/// "Anna Wolfe, Peter John Hall and Ruth Okafor".
pub fn byline_of(line: &str) -> Option<String> {
    byline_counted(line, word_count(line))
}

/// [`byline_of`] given the line's word count. The leads are matched on the
/// line itself ([`lower_starts_with`]): no lowercased copy is made.
pub fn byline_counted(line: &str, words: usize) -> Option<String> {
    if words > 30 {
        return None;
    }
    const LEADS: &[&str] = &[
        "by ",
        "by: ",
        // The same credit in Spanish/Portuguese, German, French, Italian,
        // Dutch and the Scandinavian languages.
        "por ",
        "von ",
        "par ",
        "di ",
        "door ",
        "av ",
        "posted by ",
        "posted by: ",
        "written by: ",
        "analysis by ",
        "written by ",
        "escrito por ",
        "scritto da ",
        "geschrieben von ",
        "words by ",
        "story by ",
        "text by ",
        "opinion by ",
        "commentary by ",
        "reviewed by ",
        // Indonesian and Malay.
        "oleh ",
        "oleh: ",
        "penulis: ",
        "por: ",
        "par: ",
        "von: ",
    ];
    // Russian and Ukrainian credits ("Автор: Ольга Смирнова").
    const CYRILLIC_LEADS: &[&str] = &["Автор: ", "Автор ", "Авторы: ", "АВТОР: ", "Текст: "];
    let lead_len = match LEADS.iter().find(|l| lower_starts_with(line, l)) {
        Some(lead) => lead.len(),
        // (Those start with a byte above ASCII: one test for other lines.)
        None if line.as_bytes().first().is_none_or(u8::is_ascii) => return None,
        None => CYRILLIC_LEADS.iter().find(|l| line.starts_with(*l))?.len(),
    };
    let rest = line.get(lead_len..)?;
    // A credit names someone: its first word is capitalised. "Von der Leyen
    // and Erdogan clash …" is a headline about her, not a German byline.
    if !rest.split_whitespace().next().is_some_and(is_capitalised) {
        return None;
    }
    let (names, _) = collect_names(rest);
    // "By Monday, the company…" is prose: a lone capitalised word only counts as a
    // byline on a short line ("By Reuters").
    let real = names.iter().filter(|n| name_word(n)).count();
    if real < 2 && words > 4 {
        return None;
    }
    finish_names(names)
}

/// Rule `name_line`: a bare author line near the headline: two to six capitalised
/// words, possibly followed by a separator, handle or date, possibly preceded by a
/// date. Lines that go on as prose do not count.
///
/// Example: "Lena Hart - Mar 9, 2016 7:41 pm UTC" → "Lena Hart";
/// "March 4, 2021 Marco Ferrante" → "Marco Ferrante"; "OSTN Staff".
pub fn name_line(line: &str) -> Option<String> {
    let words = word_count(line);
    // A line ending in a colon leads into what follows ("Open Journalism
    // Project:").
    if !(2..=14).contains(&words) || line.trim_end().ends_with(['.', '?', ':']) {
        return None;
    }
    // A staff credit is the credit: "Staff Reporter", "Staff Writer".
    let mut two = line.split_whitespace();
    if let (Some(first), Some(role), None) = (two.next(), two.next(), two.next())
        && first.eq_ignore_ascii_case("staff")
        && ["reporter", "writer", "report", "reports"]
            .iter()
            .any(|r| role.eq_ignore_ascii_case(r))
        && is_capitalised(first)
    {
        return Some(line.trim().to_string());
    }
    // "Text: Jane Doe": a label, not a name (see `byline::embedded`).
    if line
        .split_whitespace()
        .next()
        .is_some_and(|w| w.ends_with(':'))
    {
        return None;
    }
    // Names start with a capital (or the line with a date before them).
    if !line
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    {
        return None;
    }
    // Skip a leading date ("November 20, 2019 Name").
    let mut rest = line;
    let leading_date = line.split_whitespace().next().is_some_and(|w| {
        month_number(w).is_some() || w.chars().next().is_some_and(|c| c.is_ascii_digit())
    });
    if leading_date {
        let mut idx = 0usize;
        let mut calendar = false;
        for (i, w) in line.split_whitespace().enumerate() {
            let core = trim_punct(w);
            let month = month_number(core).is_some();
            if i < 4
                && (month
                    || core
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == ',' || c == '.'))
            {
                idx = i + 1;
                calendar |= month || core.contains('.');
            } else {
                break;
            }
        }
        // A number alone is no date: "2018 Autumn Stage Series", "10 Best
        // Beaches" are titles.
        if !calendar {
            return None;
        }
        let mut pos = 0usize;
        for (i, w) in line.split_whitespace().enumerate() {
            if i == idx {
                pos = line.find(w).unwrap_or(line.len());
                break;
            }
            pos = line.len();
        }
        rest = line.get(pos..).unwrap_or("");
    }
    let (names, stop) = collect_names(rest);
    if stop == Stop::Prose {
        return None;
    }
    // Digits after the names must be a date, a time or an age ("2 days"), not
    // more headline ("Star Trek 4 eyes …").
    if rest.chars().any(|c| c.is_ascii_digit()) {
        let lower = rest.to_lowercase();
        let timestamp = date_in(rest).is_some()
            || super::text::has_clock_time(rest.as_bytes())
            || ["ago", "day", "hour", "min", "week"]
                .iter()
                .any(|w| lower.contains(w))
            // "• 8h", "3d": an age in short.
            || lower.split_whitespace().any(|w| {
                let digits = w.trim_end_matches(['h', 'm', 'd', 'w']);
                digits.len() < w.len()
                    && !digits.is_empty()
                    && digits.chars().all(|c| c.is_ascii_digit())
            });
        if !timestamp {
            return None;
        }
    }
    let real = names.iter().filter(|n| name_word(n)).count();
    if !(2..=9).contains(&real) {
        return None;
    }
    if real > 4 && !names.iter().any(|n| *n == "and" || *n == "&" || *n == ",") {
        return None;
    }
    // Institutional words are section labels, not people.
    const NOT_NAMES: &[&str] = &[
        "news",
        "home",
        "world",
        "politics",
        "business",
        "sport",
        "sports",
        "opinion",
        "video",
        "live",
        "media",
        "magazine",
        "edition",
        "section",
        "topics",
        "health",
        "science",
        "technology",
        "tech",
        "entertainment",
        "culture",
        "local",
        "national",
        "international",
        "markets",
        "more",
        "latest",
        "breaking",
        "images",
        "photo",
        "photos",
        "getty",
        "reuters",
        "press",
        "channel",
        "radio",
        "tv",
        "today",
        "east",
        "west",
        "north",
        "south",
        "house",
        "policy",
        "privacy",
        "terms",
        "about",
        "contact",
        "us",
        "comments",
        "share",
        "view",
        "all",
        "new",
        "top",
        "stories",
        "story",
        "related",
        "read",
        "weather",
        "travel",
        "style",
        "life",
        "lifestyle",
        "finance",
        "money",
        "economy",
        "crime",
        "education",
        "sobre",
        // A row of share buttons ("Whatsapp Facebook Pinterest").
        "whatsapp",
        "facebook",
        "twitter",
        "pinterest",
        "pint",
        "linkedin",
        "reddit",
        "instagram",
        "youtube",
        "telegram",
        "messenger",
        "flipboard",
        "tumblr",
        "email",
        "tweet",
        "paper",
        "shipping",
    ];
    let finished = finish_names(names)?;
    if finished.split_whitespace().any(|n| {
        let core = trim_punct(n);
        // A possessive is a phrase, not a name ("Today's Paper").
        if core.ends_with("'s") || core.ends_with("’s") {
            return true;
        }
        if core.is_ascii() {
            NOT_NAMES.iter().any(|w| core.eq_ignore_ascii_case(w))
        } else {
            NOT_NAMES.contains(&core.to_lowercase().as_str())
        }
    }) {
        return None;
    }
    Some(finished)
}

/// Parses a day, month and year into an ISO date, if valid.
fn iso(y: i32, m: i32, d: i32) -> Option<String> {
    let y = if (0..100).contains(&y) { 2000 + y } else { y };
    if !(1900..=2100).contains(&y) {
        return None;
    }
    let date = jiff::civil::Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()?;
    Some(date.to_string())
}

/// A year, also when the page glued the time to it ("20235:02" in "March 8,
/// 20235:02 AM ET").
fn year(s: &str) -> Option<i32> {
    number(s).or_else(|| {
        let head = s.get(..4)?;
        // Byte 4 may start a multi-byte character ("2022–23:00"): look at
        // bytes, never slice through it.
        let glued = s.len() > 5
            && (s.starts_with("19") || s.starts_with("20"))
            && s[4..].contains(':')
            && s.as_bytes().get(4).is_some_and(u8::is_ascii_digit);
        glued.then(|| head.parse().ok()).flatten()
    })
}

fn number(s: &str) -> Option<i32> {
    let t = s.trim_end_matches(|c: char| c.is_alphabetic() || c == ',' || c == '.');
    if t.is_empty() || t.len() > 4 || !t.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

/// Rule `date_in_line`: the first calendar date written in a line, as ISO.
/// Forms: `2019-11-19T12:48Z`, `Nov. 20, 2019`, `19 November 2019`, `20 Nov, 2019`,
/// `11/13/19` (US order), `18.11.2019` (day first unless the month would exceed 12).
pub fn date_in(line: &str) -> Option<String> {
    // Every form needs a number of ASCII digits (day, year or numeric date).
    if !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    // A CJK date needs "年" or "년", whose UTF-8 starts 0xE5 or 0xEB: one
    // byte search passes over nearly every line.
    if memchr::memchr2(0xE5, 0xEB, line.as_bytes()).is_some()
        && let Some(date) = cjk_date(line)
    {
        return Some(date);
    }
    // The tokens two either side of the one read (`w[2]`), read as the line
    // is walked rather than collected first.
    let mut next = DateTokens { line, at: 0 };
    let mut w: [Option<&str>; 5] = [None, None, next.next(), next.next(), next.next()];
    while let Some(raw) = w[2] {
        let starts_digit = |t: Option<&str>| t.is_some_and(|t| t.as_bytes()[0].is_ascii_digit());
        // A token can start a date only if it holds a digit (a numeric
        // date) or one of the next two tokens starts with one (the day or
        // year after a month name, which `number` and `year` read from a
        // token's first byte): most tokens are neither, and skip the tests.
        let may_start =
            raw.bytes().any(|b| b.is_ascii_digit()) || starts_digit(w[3]) || starts_digit(w[4]);
        if may_start && let Some(date) = date_at(raw, [w[0], w[1]], [w[3], w[4]]) {
            return Some(date);
        }
        w = [w[1], w[2], w[3], w[4], next.next()];
    }
    None
}

/// The date that token `raw` starts (see [`date_in`]), with the two tokens
/// before it (`before[1]` nearest) and after it (`after[0]` nearest).
fn date_at(raw: &str, before: [Option<&str>; 2], after: [Option<&str>; 2]) -> Option<String> {
    // The month may hide after a dot ("Nov.November").
    let tok = raw.rsplit('.').find(|p| !p.is_empty()).unwrap_or(raw);
    if let Some(m) = month_number(tok)
        .or_else(|| month_number(raw))
        .or_else(|| foreign_month(raw))
    {
        // Month D, YYYY
        if let (Some(d), Some(y)) = (after[0].and_then(number), after[1].and_then(year))
            && (1..=31).contains(&d)
            && y >= 1900
            && let Some(date) = iso(y, i32::from(m), d)
        {
            return Some(date);
        }
        // D Month YYYY (Spanish/Portuguese "3 de mayo de 2023" too)
        let of = |t: &str| matches!(t, "de" | "del" | "do");
        let day = match before {
            [Some(far), Some(near)] if of(near) => Some(far),
            [_, near] => near,
        };
        let year_at = if after[0].is_some_and(of) {
            after[1]
        } else {
            after[0]
        };
        if let (Some(d), Some(y)) = (day.and_then(number), year_at.and_then(number))
            && (1..=31).contains(&d)
            && y >= 1900
            && let Some(date) = iso(y, i32::from(m), d)
        {
            return Some(date);
        }
    }
    let core = raw.trim_matches(|c: char| !c.is_ascii_digit());
    // Numeric forms need a separator between digits.
    if core.len() < 6 || !core.contains(['-', '/', '.']) {
        return None;
    }
    // ISO 2019-11-19 (possibly with a time attached).
    if core.len() >= 10 {
        let head = core.get(..10).unwrap_or("");
        let parts: Vec<&str> = head.split('-').collect();
        if parts.len() == 3
            && parts[0].len() == 4
            && let (Ok(y), Ok(m), Ok(d)) = (parts[0].parse(), parts[1].parse(), parts[2].parse())
            && let Some(date) = iso(y, m, d)
        {
            return Some(date);
        }
    }
    for sep in ['/', '.'] {
        let parts: Vec<&str> = core.split(sep).collect();
        if parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()))
        {
            let (Ok(a), Ok(b), Ok(c)) = (
                parts[0].parse::<i32>(),
                parts[1].parse::<i32>(),
                parts[2].parse::<i32>(),
            ) else {
                continue;
            };
            // US order with slashes, day first with dots; whichever
            // order the numbers allow when one exceeds 12 ("27/09/2018").
            let (m, d) = if a <= 12 && (sep == '/' || b > 12) {
                (a, b)
            } else {
                (b, a)
            };
            // A four-digit first part is the year ("2016.12.01").
            if parts[0].len() == 4 {
                if let Some(date) = iso(a, b, c) {
                    return Some(date);
                }
            } else if (parts[2].len() == 4 || parts[2].len() == 2)
                && let Some(date) = iso(c, m, d)
            {
                return Some(date);
            }
        }
    }
    None
}

/// The tokens [`date_in`] reads: the line split at whitespace and at a
/// middle dot, bullet or bar glued to a date, which separates it from a
/// name ("Текст: Лида Буслаева·11 октября 2018"); empty ones skipped. ASCII
/// bytes are told apart without decoding.
struct DateTokens<'a> {
    line: &'a str,
    at: usize,
}

impl DateTokens<'_> {
    /// The length of the separator that the non-ASCII byte at `i` starts,
    /// 0 if it starts none.
    fn wide_separator(&self, i: usize) -> usize {
        match self.line.get(i..).and_then(|rest| rest.chars().next()) {
            Some(c) if c.is_whitespace() || matches!(c, '·' | '•') => c.len_utf8(),
            _ => 0,
        }
    }
}

/// Whether the ASCII byte `b` separates tokens: `char::is_whitespace` for
/// ASCII (tab to carriage return, space) or a bar.
fn ascii_separator(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ' | b'|')
}

impl<'a> Iterator for DateTokens<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let bytes = self.line.as_bytes();
        // Separators, ASCII ones (nearly all) told without decoding.
        loop {
            let &b = bytes.get(self.at)?;
            let step = if b.is_ascii() {
                usize::from(ascii_separator(b))
            } else {
                self.wide_separator(self.at)
            };
            if step == 0 {
                break;
            }
            self.at += step;
        }
        let start = self.at;
        while let Some(&b) = bytes.get(self.at) {
            if b.is_ascii() {
                if ascii_separator(b) {
                    break;
                }
                self.at += 1;
            } else {
                if self.wide_separator(self.at) != 0 {
                    break;
                }
                // Step over the whole character (read once).
                self.at += utf8_len(b);
            }
        }
        Some(&self.line[start..self.at])
    }
}

/// The length of the UTF-8 character that `lead` starts.
fn utf8_len(lead: u8) -> usize {
    match lead {
        0..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

/// A Chinese, Japanese or Korean date: "2019年11月20日", "2019년 11월 20일".
fn cjk_date(line: &str) -> Option<String> {
    let at = line.find(['年', '년'])?;
    let year_digits = line[..at]
        .bytes()
        .rev()
        .take_while(u8::is_ascii_digit)
        .count();
    if year_digits != 4 {
        return None;
    }
    let year: i32 = line[at - 4..at].parse().ok()?;
    let mut rest = line[at..].chars().skip(1);
    let mut number_before = |marks: &[char]| -> Option<i32> {
        let mut n = 0i32;
        let mut digits = 0;
        for c in rest.by_ref() {
            match c {
                ' ' if digits == 0 => {}
                '0'..='9' if digits < 2 => {
                    n = n * 10 + c.to_digit(10).and_then(|d| i32::try_from(d).ok())?;
                    digits += 1;
                }
                c if digits > 0 && marks.contains(&c) => return Some(n),
                _ => return None,
            }
        }
        None
    };
    let month = number_before(&['月', '월'])?;
    let day = number_before(&['日', '일'])?;
    iso(year, month, day)
}

/// Month number for a full Spanish, German or French month name (dates only:
/// several of these are also given names, so bylines never consult this).
fn foreign_month(word: &str) -> Option<i8> {
    let core = trim_punct(word);
    // An ASCII word (nearly every one) is compared without a lowercased
    // copy: its lowercase is ASCII, which only the names in lowercase ASCII
    // can equal, and equals one of those exactly when ASCII case aside.
    let lower = if core.is_ascii() {
        None
    } else {
        Some(core.to_lowercase())
    };
    let is = |name: &&str| match &lower {
        None => name.len() == core.len() && name.eq_ignore_ascii_case(core),
        Some(lower) => lower == name,
    };
    // Spanish, German, French, Portuguese, Italian, Dutch, Indonesian, and
    // the genitive forms Russian and Czech write dates with.
    const NAMES: [&[&str]; 12] = [
        &[
            "enero",
            "januar",
            "janvier",
            "janeiro",
            "gennaio",
            "januari",
            "января",
            "ledna",
        ],
        &[
            "febrero",
            "februar",
            "février",
            "fevereiro",
            "febbraio",
            "februari",
            "февраля",
            "února",
        ],
        &[
            "marzo",
            "märz",
            "mars",
            "março",
            "maart",
            "maret",
            "марта",
            "března",
        ],
        &["abril", "avril", "aprile", "апреля", "dubna"],
        &["mayo", "mai", "maio", "maggio", "mei", "мая", "května"],
        &["junio", "juni", "juin", "junho", "giugno", "июня", "června"],
        &[
            "julio",
            "juli",
            "juillet",
            "julho",
            "luglio",
            "июля",
            "července",
        ],
        &["agosto", "août", "augustus", "agustus", "августа", "srpna"],
        &[
            "septiembre",
            "setiembre",
            "septembre",
            "setembro",
            "settembre",
            "сентября",
            "září",
        ],
        &[
            "octubre",
            "oktober",
            "octobre",
            "outubro",
            "ottobre",
            "октября",
            "října",
        ],
        &["noviembre", "novembre", "novembro", "ноября", "listopadu"],
        &[
            "diciembre",
            "dezember",
            "décembre",
            "dezembro",
            "dicembre",
            "desember",
            "декабря",
            "prosince",
        ],
    ];
    NAMES
        .iter()
        .position(|ns| ns.iter().any(is))
        .and_then(|i| i8::try_from(i + 1).ok())
}

/// Rule `date_line`: a short line that is (mostly) a timestamp: a date, "Published …",
/// "Updated …", "22 hours ago".
/// Example: "Updated 0512 GMT (1312 HKT) March 4, 2021", "Published 22 hours ago".
/// `words` is the line's word count. Labels are matched on the line itself
/// ([`lower_starts_with`], [`lower_contains`]): no lowercased copy is made.
pub fn date_line_counted(line: &str, words: usize) -> bool {
    // An embedded post's signature ("— Name (@handle) November 1, 2019") is not a
    // page timestamp.
    // ("(@" found at its rarer byte: a substring search set up for every
    // line cost more than the line's few "@"s are to look at.)
    let bytes = line.as_bytes();
    if words == 0
        || words > 24
        || memchr::memchr_iter(b'@', bytes).any(|at| at > 0 && bytes[at - 1] == b'(')
    {
        return false;
    }
    if words > 14 {
        // Only a labelled timestamp in another language runs this long.
        return line.bytes().any(|b| b.is_ascii_digit())
            && foreign_date_label(line)
            && date_in(line).is_some();
    }
    let labelled = [
        "published",
        "updated",
        "posted",
        "last updated",
        "first published",
    ]
    .iter()
    .any(|l| lower_starts_with(line, l));
    // The digit first: most lines have none, and it is the cheaper search.
    let relative = line.bytes().any(|b| b.is_ascii_digit()) && lower_contains(line, " ago");
    // The word count first: it is known, and a date is looked for at length.
    labelled
        || relative
        || (words <= 4 && relative_day(line))
        || (words <= 10 && date_in(line).is_some())
        || (line.bytes().any(|b| b.is_ascii_digit())
            && foreign_date_label(line)
            && date_in(line).is_some())
}

/// Words that date a line by the day it was saved. "Yesterday" alone is a
/// timestamp; "Today" alone is as often a menu item (a section, a morning
/// show), so a today word counts only before a clock time ("Today 7:30AM").
const YESTERDAY: &[&str] = &[
    "yesterday",
    "gestern",
    "ayer",
    "ieri",
    "ontem",
    "вчера",
    "昨天",
];
const TODAY: &[&str] = &[
    "today",
    "heute",
    "hoy",
    "oggi",
    "hoje",
    "aujourd'hui",
    "сегодня",
    "今天",
];

/// Whether a short line is a timestamp said relative to the day it was read:
/// "Yesterday", "Yesterday 12:35PM", "Today at 9:41 AM", "Gestern, 18:05",
/// "An hour ago", "moments ago". Teasers and comments carry such stamps, so
/// reading them as dates keeps them out of the headline's and story's way.
/// Only called on lines of four words or fewer.
fn relative_day(line: &str) -> bool {
    let line = line.trim();
    let bytes = line.as_bytes();
    // Every word read first here opens with one of these letters (or is
    // not ASCII): most lines are let go at their first byte.
    const OPENS: &[u8] = b"afghimosty";
    if bytes
        .first()
        .is_some_and(|b| b.is_ascii() && !OPENS.contains(&b.to_ascii_lowercase()))
    {
        return false;
    }
    // Each stamp read here is one word, holds a clock time or ends in "ago":
    // most short lines are none of these and are read no further.
    let alone = memchr::memchr(b' ', bytes).is_none();
    let clock = !alone && super::text::has_clock_time(bytes);
    if !alone && !clock {
        return spelled_out_age(line);
    }
    let Some(first) = line.split_whitespace().next() else {
        return false;
    };
    let first = first.trim_end_matches([',', ':', '.', '|', '·']);
    // Lowercased only when ASCII case folding cannot compare it.
    let folded = (!first.is_ascii()).then(|| first.to_lowercase());
    let is = |words: &[&str]| {
        words
            .iter()
            .any(|w| first.eq_ignore_ascii_case(w) || folded.as_deref() == Some(*w))
    };
    (is(YESTERDAY) && (alone || clock)) || (is(TODAY) && clock)
}

/// An age in words, as feeds and comment threads print it: "an hour ago",
/// "a few minutes ago", "moments ago". Years are left out: "Fifty Years Ago"
/// is a headline.
fn spelled_out_age(line: &str) -> bool {
    let tail = line.as_bytes();
    if tail.len() < 4 || !tail[tail.len() - 4..].eq_ignore_ascii_case(b" ago") {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    let Some((last, before)) = words.split_last() else {
        return false;
    };
    if !last.eq_ignore_ascii_case("ago") {
        return false;
    }
    let word_is = |w: &str, set: &[&str]| set.iter().any(|s| w.eq_ignore_ascii_case(s));
    match before {
        [only] => word_is(only, &["moments", "minutes", "hours"]),
        [head @ .., unit] => {
            let unit = unit.trim_end_matches(['s', 'S']);
            word_is(unit, &["second", "minute", "hour", "day", "week", "month"])
                && matches!(head.len(), 1 | 2)
                && head
                    .iter()
                    .all(|w| word_is(w, &["a", "an", "few", "several"]))
        }
        [] => false,
    }
}

/// Labels that open a page's timestamp line in the languages of the pages
/// people save ("Publicado em 5 de setembro", "发稿时间：2017-03-10 08:42",
/// "Опубликовано 12.03.2021"). Such a line also names the source or the
/// author, so it may be longer than a bare date; it still needs a date.
const FOREIGN_DATE_LABELS: &[&str] = &[
    "publicado",
    "atualizado",
    "actualizado",
    "publicación",
    "veröffentlicht",
    "aktualisiert",
    "stand:",
    "publié",
    "mis à jour",
    "pubblicato",
    "aggiornato",
    "gepubliceerd",
    "bijgewerkt",
    "opublikowano",
    "zveřejněno",
    "aktualizováno",
    "опубликовано",
    "обновлено",
    "дата публикации",
    "diterbitkan",
    "dipublikasikan",
    "diperbarui",
    "发稿时间",
    "发布时间",
    "更新时间",
    "时间：",
    "日期：",
    "發佈時間",
    "发表时间",
    "公開日",
    "更新日",
    "投稿日",
    "配信日",
    "입력",
    "수정",
    "작성일",
    "등록일",
    "기사입력",
];

/// Whether a line opens with one of [`FOREIGN_DATE_LABELS`].
fn foreign_date_label(line: &str) -> bool {
    FOREIGN_DATE_LABELS.iter().any(|label| {
        let mut head = line.chars().flat_map(char::to_lowercase);
        label.chars().all(|c| head.next() == Some(c))
    })
}

/// Rule `time_of_day`: a line that is only a clock time with an optional am/pm
/// and time zone, as live blogs head their entries. Example: "10:42 BST", "3.15pm".
/// Such a line is furniture like a bare counter: it never marks the header zone
/// (a live blog's entries are story text, not captions under a timestamp).
pub fn time_of_day(line: &str) -> bool {
    // The clock's hour opens the line: a line that opens with anything but
    // a digit is read no further.
    if !line
        .trim_start()
        .as_bytes()
        .first()
        .is_some_and(u8::is_ascii_digit)
    {
        return false;
    }
    let mut tokens = line.split_whitespace();
    let Some(first) = tokens.next() else {
        return false;
    };
    let clock = first.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let Some((h, m)) = clock.split_once([':', '.']) else {
        return false;
    };
    let digits = |s: &str, max: usize| {
        !s.is_empty() && s.len() <= max && s.chars().all(|c| c.is_ascii_digit())
    };
    digits(h, 2)
        && m.len() == 2
        && digits(m, 2)
        && tokens.all(|t| {
            t.len() <= 5 && t.chars().all(|c| c.is_ascii_uppercase() || c == '.')
                || matches!(
                    t.to_ascii_lowercase().as_str(),
                    "am" | "pm" | "a.m." | "p.m."
                )
        })
}

/// Rule `dateline_start`: a paragraph that opens with a dateline is the story's
/// first paragraph. Example: "WASHINGTON (AP) — …", "NEW YORK (Reuters) - …", "(CNN) …".
pub fn starts_with_dateline(line: &str) -> bool {
    if line.starts_with('(') {
        return line.chars().take(30).any(|c| c == ')');
    }
    // Every separator holds "-", "(" or the first byte of "—" and "–"
    // (0xE2): a line with none of them, as most paragraphs, needs no words
    // read.
    if memchr::memchr3(b'-', b'(', 0xE2, line.as_bytes()).is_none() {
        return false;
    }
    let mut first = [""; 6];
    let mut len = 0;
    for (slot, token) in first.iter_mut().zip(line.split_whitespace()) {
        *slot = token;
        len += 1;
    }
    let tokens = &first[..len];
    for k in 1..tokens.len().min(5) {
        let head = &tokens[..k];
        let sep = tokens[k];
        // The separator first: most lines have none, and then the words
        // before it need no reading.
        let caps = || {
            head.iter()
                .all(|w| is_all_caps(w) || trim_punct(w).is_empty())
        };
        if matches!(sep, "—" | "–" | "-" | "--") && caps() {
            return true;
        }
        if sep.starts_with('(')
            && sep.chars().nth(1).is_some_and(char::is_uppercase)
            && head.iter().all(|w| is_capitalised(w))
        {
            return caps() || k <= 3;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_in_finds_what_the_collecting_version_found() {
        // Lines of every fixture page, and made-up ones around each form:
        // months before and after numbers, Spanish "de", separators glued
        // to dates, other whitespace, dates at a line's start and end.
        let mut lines = crate::article::parse::text::fixture_lines();
        let pieces = [
            "Nov.",
            "November",
            "nov",
            "Sept",
            "mayo",
            "März",
            "de",
            "del",
            "do",
            "20,",
            "3",
            "2019",
            "19",
            "20235:02",
            "2019-11-19T12:48Z",
            "11/13/19",
            "18.11.2019",
            "27/09/2018",
            "2016.12.01",
            "·",
            "•",
            "|",
            "By",
            "Lena",
            "Nov.November",
            "32",
            "1899",
            "(2019)",
            "12:05",
            "x9",
            "a-1-b",
            "Текст:",
            "Буслаева·11",
            "октября",
        ];
        let seps = [" ", "  ", "\t", "\u{a0}", "\u{3000}", "·", "|", " • "];
        for (k, a) in pieces.iter().enumerate() {
            for (m, b) in pieces.iter().enumerate() {
                let c = pieces[(k * 7 + m * 3) % pieces.len()];
                let d = pieces[(k + m * 5) % pieces.len()];
                let sep = seps[(k + m) % seps.len()];
                lines.push(format!("{a}{sep}{b} {c}{sep}{d}"));
                lines.push(format!("{d} {a}{sep}{b}{sep}{c}"));
            }
        }
        assert!(lines.len() > 2000);
        let mut dates = 0;
        for line in &lines {
            let want = date_in_reference(line);
            dates += usize::from(want.is_some());
            assert_eq!(date_in(line), want, "{line:?}");
        }
        // The inputs exercise the forms, not only lines without a date.
        assert!(dates > 300, "{dates}");
    }

    /// [`date_in`] as it was written before it skipped tokens and read bytes:
    /// the reference the test compares it with.
    /// Forms: `2019-11-19T12:48Z`, `Nov. 20, 2019`, `19 November 2019`, `20 Nov, 2019`,
    /// `11/13/19` (US order), `18.11.2019` (day first unless the month would exceed 12).
    fn date_in_reference(line: &str) -> Option<String> {
        // Every form needs a number of ASCII digits (day, year or numeric date).
        if !line.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        if let Some(date) = cjk_date(line) {
            return Some(date);
        }
        // A middle dot, bullet or bar glued to a date separates it from a name
        // ("Текст: Лида Буслаева·11 октября 2018").
        let tokens: Vec<&str> = line
            .split(|c: char| c.is_whitespace() || matches!(c, '·' | '•' | '|'))
            .filter(|t| !t.is_empty())
            .collect();
        for (i, raw) in tokens.iter().enumerate() {
            // The month may hide after a dot ("Nov.November").
            let tok = raw.rsplit('.').find(|p| !p.is_empty()).unwrap_or(raw);
            if let Some(m) = month_number(tok)
                .or_else(|| month_number(raw))
                .or_else(|| foreign_month(raw))
            {
                // Month D, YYYY
                if let (Some(d), Some(y)) = (
                    tokens.get(i + 1).and_then(|t| number(t)),
                    tokens.get(i + 2).and_then(|t| year(t)),
                ) && (1..=31).contains(&d)
                    && y >= 1900
                    && let Some(date) = iso(y, i32::from(m), d)
                {
                    return Some(date);
                }
                // D Month YYYY (Spanish/Portuguese "3 de mayo de 2023" too)
                let of = |t: &str| matches!(t, "de" | "del" | "do");
                let before = if i > 1 && of(tokens[i - 1]) {
                    i - 2
                } else {
                    i.wrapping_sub(1)
                };
                let after = if tokens.get(i + 1).is_some_and(|t| of(t)) {
                    i + 2
                } else {
                    i + 1
                };
                if i > 0
                    && before < i
                    && let (Some(d), Some(y)) = (
                        number(tokens[before]),
                        tokens.get(after).and_then(|t| number(t)),
                    )
                    && (1..=31).contains(&d)
                    && y >= 1900
                    && let Some(date) = iso(y, i32::from(m), d)
                {
                    return Some(date);
                }
            }
            let core = raw.trim_matches(|c: char| !c.is_ascii_digit());
            // Numeric forms need a separator between digits.
            if core.len() < 6 || !core.contains(['-', '/', '.']) {
                continue;
            }
            // ISO 2019-11-19 (possibly with a time attached).
            if core.len() >= 10 {
                let head = core.get(..10).unwrap_or("");
                let parts: Vec<&str> = head.split('-').collect();
                if parts.len() == 3
                    && parts[0].len() == 4
                    && let (Ok(y), Ok(m), Ok(d)) =
                        (parts[0].parse(), parts[1].parse(), parts[2].parse())
                    && let Some(date) = iso(y, m, d)
                {
                    return Some(date);
                }
            }
            for sep in ['/', '.'] {
                let parts: Vec<&str> = core.split(sep).collect();
                if parts.len() == 3
                    && parts.iter().all(|p| {
                        !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit())
                    })
                {
                    let (Ok(a), Ok(b), Ok(c)) = (
                        parts[0].parse::<i32>(),
                        parts[1].parse::<i32>(),
                        parts[2].parse::<i32>(),
                    ) else {
                        continue;
                    };
                    // US order with slashes, day first with dots; whichever
                    // order the numbers allow when one exceeds 12 ("27/09/2018").
                    let (m, d) = if a <= 12 && (sep == '/' || b > 12) {
                        (a, b)
                    } else {
                        (b, a)
                    };
                    // A four-digit first part is the year ("2016.12.01").
                    if parts[0].len() == 4 {
                        if let Some(date) = iso(a, b, c) {
                            return Some(date);
                        }
                    } else if (parts[2].len() == 4 || parts[2].len() == 2)
                        && let Some(date) = iso(c, m, d)
                    {
                        return Some(date);
                    }
                }
            }
        }
        None
    }

    #[test]
    fn labelled_timestamps_in_other_languages_are_date_lines() {
        for line in [
            "发稿时间：2017-03-10 08:42:00 来源： 人民日报海外版 中国青年网",
            "Publicado em 5 de setembro de 2019, às 10h32, por Redação do Jornal da Cidade",
            "Опубликовано 12.03.2021 в 14:05, автор материала Иван Петров, фото из архива",
        ] {
            let words = super::super::text::line_words(line);
            assert!(date_line_counted(line, words), "{line:?} ({words} words)");
        }
        // A label without a date is not a timestamp.
        let line =
            "Publicado por uma editora de livros de receitas e de histórias para as crianças";
        assert!(!date_line_counted(
            line,
            super::super::text::line_words(line)
        ));
    }

    #[test]
    fn an_update_label_in_another_language_ends_a_glued_byline() {
        for (line, want) in [
            (
                "Por Luis Mora Actualizado el 12 de marzo de 2024",
                "Luis Mora",
            ),
            ("Von Jana Roth Aktualisiert am 3. Mai 2024", "Jana Roth"),
            ("Par Claire Dubois Publié le 4 juin 2024", "Claire Dubois"),
        ] {
            assert_eq!(byline_of(line).as_deref(), Some(want), "{line:?}");
        }
    }

    #[test]
    fn every_relative_day_word_passes_the_first_byte_gate() {
        let words = YESTERDAY
            .iter()
            .chain(TODAY)
            .chain(&["a", "an", "few", "several", "moments", "minutes", "hours"]);
        for word in words {
            let first = word.as_bytes()[0];
            assert!(
                !first.is_ascii() || b"afghimosty".contains(&first),
                "{word}"
            );
        }
    }

    #[test]
    fn relative_day_stamps_are_date_lines_and_a_bare_today_is_not() {
        for line in [
            "Yesterday",
            "Yesterday 12:35PM",
            "Today 7:30AM",
            "Today at 9:41 AM",
            "Gestern, 18:05",
            "Вчера 14:05",
            "An hour ago",
            "a few minutes ago",
            "moments ago",
        ] {
            let words = super::super::text::line_words(line);
            assert!(date_line_counted(line, words), "{line:?}");
        }
        for line in [
            "Today",
            "TODAY",
            "Today's Paper",
            "Yesterday's Winners",
            "Yesterday Once More Tour",
            "Long ago and far away, the tale of a town",
            "Fifty Years Ago",
            "Not So Long Ago",
        ] {
            let words = super::super::text::line_words(line);
            assert!(!date_line_counted(line, words), "{line:?}");
        }
    }

    #[test]
    fn every_separator_passes_the_quick_test() {
        for sep in SPACED {
            assert!(may_follow_space(sep.as_bytes()[1]), "{sep:?}");
        }
        assert_eq!(cut_at_separator("Ann Lee · Staff"), "Ann Lee");
        assert_eq!(cut_at_separator("Ann Lee   Monday"), "Ann Lee");
        assert_eq!(
            cut_at_separator("Ann Lee and Tom Ellis"),
            "Ann Lee and Tom Ellis"
        );
    }

    #[test]
    fn bylines() {
        assert_eq!(
            byline_of("Di Giulia Ferri").as_deref(),
            Some("Giulia Ferri")
        );
        assert_eq!(
            byline_of("Door Jan de Vries").as_deref(),
            Some("Jan de Vries")
        );
        assert_eq!(byline_of("Av Erik Moen").as_deref(), Some("Erik Moen"));
        // A headline about someone named Di Something is no credit.
        assert_eq!(byline_of("Di Maio attacca il governo sulle tasse"), None);
        assert_eq!(
            byline_of("By ANNA WOLFE, PETER JOHN HALL and RUTH OKAFOR").as_deref(),
            Some("Anna Wolfe, Peter John Hall and Ruth Okafor")
        );
        assert_eq!(
            byline_of("By Omar Reyes, CNN Business").as_deref(),
            Some("Omar Reyes")
        );
        assert_eq!(
            byline_of("Posted by Peter James Cole on March 8, 2021, 7:14 AM EST").as_deref(),
            Some("Peter James Cole")
        );
        assert_eq!(
            byline_of("BY PRIYA NANDAKUMAR ON 10/07/20 AT 3:00 PM EST").as_deref(),
            Some("Priya Nandakumar")
        );
        assert_eq!(byline_of("By the end of the year, prices rose."), None);
        assert_eq!(
            byline_of("By Staff Reports -").as_deref(),
            Some("Staff Reports")
        );
    }

    #[test]
    fn comma_lists_of_people() {
        assert_eq!(
            byline_of("By Stefan Becket, Kathryn Watson, Grace Segers").as_deref(),
            Some("Stefan Becket, Kathryn Watson, Grace Segers")
        );
        assert_eq!(
            byline_of("By Tariq Malik, Mike Wall 2019-11-18T22:05:36Z Spaceflight").as_deref(),
            Some("Tariq Malik, Mike Wall")
        );
        assert_eq!(
            byline_of("By Jill Disis, CNN Business").as_deref(),
            Some("Jill Disis")
        );
    }

    #[test]
    fn bylines_in_other_languages() {
        assert_eq!(
            byline_of("Oleh Rina Wulandari dan Budi Santoso").as_deref(),
            Some("Rina Wulandari dan Budi Santoso")
        );
        assert_eq!(
            byline_of("Автор: Ольга Смирнова").as_deref(),
            Some("Ольга Смирнова")
        );
        assert_eq!(
            byline_of("Por Ana Lima e João Silva").as_deref(),
            Some("Ana Lima e João Silva")
        );
        // "Dan" capitalised is a name, not Indonesian "and".
        assert_eq!(
            byline_of("By Dan Brody, Staff Writer").as_deref(),
            Some("Dan Brody")
        );
        assert_eq!(byline_of("Автобус идёт в город"), None);
    }

    #[test]
    fn share_rows_possessives_and_lead_ins_are_no_names() {
        assert_eq!(name_line("Whatsapp Facebook Pinterest"), None);
        assert_eq!(name_line("Today's Paper"), None);
        assert_eq!(name_line("Open Journalism Project:"), None);
        assert_eq!(name_line("Ines Falk").as_deref(), Some("Ines Falk"));
    }

    #[test]
    fn name_lines() {
        assert_eq!(
            name_line("Lena Hart - Mar 9, 2016 7:41 pm UTC").as_deref(),
            Some("Lena Hart")
        );
        assert_eq!(
            name_line("March 4, 2021 Marco Ferrante").as_deref(),
            Some("Marco Ferrante")
        );
        assert_eq!(
            name_line("Ruth Baker and Tom Ellis USA TODAY").as_deref(),
            Some("Ruth Baker and Tom Ellis")
        );
        assert_eq!(name_line("OSTN Staff").as_deref(), Some("OSTN Staff"));
        assert_eq!(name_line("Ola Berg • 8h").as_deref(), Some("Ola Berg"));
        assert_eq!(name_line("Erik Moen in Oslo").as_deref(), Some("Erik Moen"));
        assert_eq!(name_line("News reporter @someone"), None);
        assert_eq!(name_line("Business News"), None);
    }

    #[test]
    fn dates() {
        assert_eq!(
            date_in("Nov. 20, 2019 5:52 AM EST").as_deref(),
            Some("2019-11-20")
        );
        assert_eq!(date_in("19 November 2019").as_deref(), Some("2019-11-19"));
        assert_eq!(
            date_in("By Tim - 2019-11-19T12:48:14Z Space").as_deref(),
            Some("2019-11-19")
        );
        assert_eq!(
            date_in("ON 11/13/19 AT 4:00").as_deref(),
            Some("2019-11-13")
        );
        assert_eq!(
            date_in("19:05 12.10.2020Get short URL").as_deref(),
            Some("2020-10-12")
        );
        assert_eq!(date_in("20 Nov, 2019 05:47").as_deref(), Some("2019-11-20"));
        // Year first with dots, as Japanese and Korean pages write it.
        assert_eq!(
            date_in("by Nakamura IP Office ／ 2016.12.01").as_deref(),
            Some("2016-12-01")
        );
        assert_eq!(date_in("2018.09.27 14:02").as_deref(), Some("2018-09-27"));
        // Day first where the first number cannot be a month.
        assert_eq!(date_in("27/09/2018").as_deref(), Some("2018-09-27"));
        assert_eq!(date_in("09/27/2018").as_deref(), Some("2018-09-27"));
        assert_eq!(date_in("nothing here"), None);
    }

    #[test]
    fn dates_in_other_languages() {
        let cases = [
            ("10 de março de 2024", "2024-03-10"),
            ("Publicado em 5 de setembro de 2019", "2019-09-05"),
            ("3 maggio 2021, 10:15", "2021-05-03"),
            ("20 ноября 2019, 14:05", "2019-11-20"),
            ("Vydáno 14. října 2019", "2019-10-14"),
            ("Kamis, 21 November 2019", "2019-11-21"),
            ("12 maart 2020", "2020-03-12"),
            ("2019年11月20日 10時30分", "2019-11-20"),
            ("입력 2019년 11월 20일 오전 9:00", "2019-11-20"),
        ];
        for (line, want) in cases {
            assert_eq!(date_in(line).as_deref(), Some(want), "{line}");
        }
        assert_eq!(date_in("2019年に始まった"), None);
    }

    /// A year glued to a dash that is not ASCII used to panic (a slice through
    /// the dash's bytes), taking the whole loader down with it.
    #[test]
    fn a_year_before_a_multibyte_dash_is_read_without_panicking() {
        // "2022–23:00" is no year this rule knows; what matters is an answer.
        assert_eq!(date_in("Posted March 8, 2022–23:00 by staff"), None);
        assert_eq!(year("2022–23:00"), None);
        assert_eq!(year("2022\u{a0}3:00"), None);
        let page = "Headline for the test page here\n\nPosted March 8, 2022–23:00 by staff\n\n\
                    The minister said the talks would resume on Monday after a short break.\n";
        assert_eq!(
            crate::article::parse(page).title,
            "Headline for the test page here"
        );
    }

    #[test]
    fn datelines() {
        assert!(starts_with_dateline(
            "DENVER (AP) — State auditor Helen Marsh"
        ));
        assert!(starts_with_dateline(
            "CHICAGO (Reuters) - Wheat prices rose"
        ));
        assert!(starts_with_dateline("(CNN)The governor of Ohio"));
        assert!(!starts_with_dateline("The minister said"));
    }
}
