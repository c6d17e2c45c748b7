//! Author credits that the line-by-line rules in [`super::meta`] miss: a credit
//! inside a header line after a date ("November 12, 2018 | BY: Jane Doe",
//! "Posted on March 30, 2015 by Admin", "Texto: Ana Lima · 24 de set"), a
//! label on its own line with the name under it ("Author:" / "Jane Doe"), an
//! organisation credited under the headline just above the date ("Telegraph
//! Sport" / "19 November 2019"), names glued to the next word by the page's
//! markup ("Michael HiltzikBusiness Columnist", "Lucas Nolan22 Dec 2016").

use super::meta::{self, byline_of, name_line};
use super::text::{is_capitalised, word_count};
use super::{Kind, Line};

/// Labels that introduce the author, matched anywhere in a short header line
/// (lowercase; the byte before must be a space, a separator or the start).
const LABELS: &[&str] = &[
    "by:",
    "by",
    "por:",
    "por",
    "par",
    "von",
    "di",
    "de:",
    "author:",
    "authors:",
    "autor:",
    "autora:",
    "autore:",
    "auteur:",
    "text:",
    "texto:",
    "texte:",
    "текст:",
    "автор:",
    "reporter:",
    "reporters:",
    "words:",
    "wartawan:",
    "written by",
    "posted by",
    "publicado por:",
    "publicado por",
    "escrito por",
    "reporting by",
];

/// Separators after which a credit ends.
const ENDS: &[&str] = &[
    " - ", " – ", " — ", " | ", "|", " · ", "·", " • ", "•", " / ", " /",
];

/// Splits a word glued to the next by markup: a lowercase run of three or more
/// letters followed by a capital ("HiltzikBusiness" → "Hiltzik Business";
/// "McCoy" and "LeBron" stay whole), and letters followed by digits
/// ("Nolan22" → "Nolan 22").
pub fn unglue(line: &str) -> std::borrow::Cow<'_, str> {
    // A brand written in camel case ("LinkNaija") stands alone or last; a
    // glued word has more words after it.
    let last_token_at = line.trim_end().rfind(' ').map_or(0, |p| p + 1);
    split_glued(line, last_token_at)
}

/// The text before the first word the page's markup glued to it: an
/// author's name run into the link beside it ("Jane DoeView More Articles"
/// → "Jane Doe").
fn before_glue(line: &str) -> Option<&str> {
    let mut lower_run = 0usize;
    for (at, c) in line.char_indices() {
        if c.is_uppercase() && lower_run >= 3 {
            return Some(&line[..at]);
        }
        lower_run = if c.is_lowercase() { lower_run + 1 } else { 0 };
    }
    None
}

/// [`unglue`] for the names a byline kept, whose last word may be glued too:
/// the role after it was already dropped ("Michael HiltzikBusiness" of "By
/// Michael HiltzikBusiness Columnist"). One word alone stays whole.
pub fn unglue_name(names: &str) -> std::borrow::Cow<'_, str> {
    if !names.trim().contains(' ') {
        return std::borrow::Cow::Borrowed(names);
    }
    split_glued(names, names.len())
}

fn split_glued(line: &str, last_token_at: usize) -> std::borrow::Cow<'_, str> {
    // Where to put a space: before each character that starts a glued word.
    let mut splits: Vec<usize> = Vec::new();
    let mut lower_run = 0usize;
    let mut prev_alpha = false;
    for (at, c) in line.char_indices() {
        if (c.is_uppercase() && lower_run >= 3 && at < last_token_at)
            || (c.is_ascii_digit() && prev_alpha)
        {
            splits.push(at);
        }
        if c.is_lowercase() {
            lower_run += 1;
        } else {
            lower_run = 0;
        }
        prev_alpha = c.is_alphabetic();
    }
    if splits.is_empty() {
        return std::borrow::Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len() + splits.len());
    let mut from = 0;
    for at in splits {
        out.push_str(&line[from..at]);
        out.push(' ');
        from = at;
    }
    out.push_str(&line[from..]);
    std::borrow::Cow::Owned(out)
}

/// Words before "by" that credit a picture, a sponsor or a platform, not
/// the writer ("Photo by …", "Sponsored by …", "Powered by …").
const NOT_WRITER_LEADS: &[&str] = &[
    "photo",
    "photos",
    "photograph",
    "photographs",
    "photography",
    "image",
    "images",
    "illustration",
    "illustrations",
    "video",
    "graphic",
    "graphics",
    "sponsored",
    "presented",
    "powered",
    "supported",
    "brought",
    "funded",
    "hosted",
    "designed",
    "developed",
    "theme",
];

/// The text after the first credit label in a header line, up to the next
/// separator: "Nov 12, 2018 | BY: Beachbody" → "Beachbody". A "by" that
/// credits a picture or a sponsor is passed over.
fn after_label(line: &str) -> Option<&str> {
    let lower = line.to_lowercase();
    if lower.len() != line.len() {
        return None;
    }
    let bytes = lower.as_bytes();
    // Labels start a line or follow a space or separator: only those places
    // are tried, each against every label.
    let rest_at = (0..bytes.len())
        .filter(|&at| at == 0 || matches!(bytes[at - 1], b' ' | b'/' | b'|' | b'-' | b'('))
        .filter(|&at| !not_writer_lead(&lower[..at]))
        .find_map(|at| {
            LABELS.iter().find_map(|label| {
                let end = at + label.len();
                let fits = bytes[at..].starts_with(label.as_bytes())
                    && (label.ends_with(':') || bytes.get(end).is_some_and(|b| *b == b' '));
                fits.then_some(end)
            })
        })?;
    let rest = line.get(rest_at..)?.trim_start();
    let mut end = rest.len();
    for sep in ENDS {
        if let Some(p) = rest.find(sep) {
            end = end.min(p);
        }
    }
    let rest = rest.get(..end)?.trim();
    (!rest.is_empty()).then_some(rest)
}

/// Whether the (lowercase) text before a label ends with a word that makes
/// the credit a picture's or a sponsor's.
fn not_writer_lead(before: &str) -> bool {
    before
        .split(|c: char| !c.is_alphanumeric())
        .rfind(|w| !w.is_empty())
        .is_some_and(|w| NOT_WRITER_LEADS.contains(&w))
}

/// A credit inside a header line ("Posted on March 30, 2015 by Admin"); a lone
/// lowercase handle counts there ("/by jdadmin").
pub fn embedded(line: &str) -> Option<String> {
    if word_count(line) > 20 {
        return None;
    }
    let line = unglue(line);
    if let Some(b) = byline_of(&line).or_else(|| desk_credit(&line)) {
        return Some(b);
    }
    // Every label holds a colon or one of these words (ASCII case aside).
    let bytes = line.as_bytes();
    let maybe = memchr::memchr(b':', bytes).is_some()
        || bytes.windows(3).any(|w| {
            w.eq_ignore_ascii_case(b"by ")
                || w.eq_ignore_ascii_case(b"por")
                || w.eq_ignore_ascii_case(b"par")
                || w.eq_ignore_ascii_case(b"von")
                || w.eq_ignore_ascii_case(b"di ")
        });
    if !maybe {
        return None;
    }
    let rest = after_label(&line)?;
    if let Some(b) = byline_of(&format!("By {rest}")) {
        return Some(b);
    }
    // A site account: one token of letters and digits.
    let mut words = rest.split_whitespace();
    let (Some(handle), None) = (words.next(), words.next()) else {
        return None;
    };
    let ok = handle.chars().count() >= 3
        && handle.chars().all(|c| c.is_alphanumeric() || c == '_')
        && handle.chars().any(char::is_alphabetic);
    ok.then(|| handle.to_string())
}

/// Rule `desk_credit`: an outlet's desk or bureau credited in a header line,
/// among the place and the date ("New Delhi, Harbour Herald Bureau |
/// Updated : 19 November 2019"): the comma piece of two to five capitalised
/// words that ends with the desk's word.
fn desk_credit(line: &str) -> Option<String> {
    let mut head = line;
    for sep in ENDS {
        if let Some(p) = super::text::find_short(head, sep) {
            head = &head[..p];
        }
    }
    head.split(',').find_map(|piece| {
        let piece = piece.trim();
        let words: Vec<&str> = piece.split_whitespace().collect();
        let desk = words.last().is_some_and(|w| {
            ["bureau", "desk", "newsroom"]
                .iter()
                .any(|d| w.eq_ignore_ascii_case(d))
        });
        let ok = desk
            && (2..=5).contains(&words.len())
            && words.iter().all(|w| is_capitalised(w))
            && !piece.chars().any(|c| c.is_ascii_digit());
        ok.then(|| piece.to_string())
    })
}

/// Whether a line is only a credit label ("By", "Author:", "Autor:").
pub fn label_alone(line: &str) -> bool {
    let t = line.trim().trim_end_matches(':').trim();
    [
        "by",
        "author",
        "authors",
        "autor",
        "written by",
        "posted by",
        "words",
    ]
    .iter()
    .any(|l| t.eq_ignore_ascii_case(l))
}

/// An organisation or person credited on its own line right under the
/// headline (checked by the caller: a date follows): one to five capitalised
/// words, no sentence ("Telegraph Sport", "Associated Press", "Detroit News
/// wire services").
pub fn credit_line(line: &str) -> Option<String> {
    let line = unglue(line);
    let t = line.trim();
    let words = word_count(t);
    if !(1..=5).contains(&words)
        || t.ends_with(['.', '?', '!', ':'])
        // A label ("Editor: Jane Doe", "Photos: Tom Aske") says what the
        // name did; the labels that credit the writer are read elsewhere.
        || t.split_whitespace().next().is_some_and(|w| w.ends_with(':'))
        || t.chars().any(|c| c.is_ascii_digit())
        || !t.split_whitespace().next().is_some_and(is_capitalised)
        // "By …" is read as a byline; "Photo by …", "Sponsored by …" credit
        // something else.
        || t.split_whitespace().any(|w| w.eq_ignore_ascii_case("by"))
    {
        return None;
    }
    if let Some(name) = name_line(t) {
        return Some(name);
    }
    // Mostly capitalised: at most one lowercase word ("wire services" is two,
    // and still a credit), and never a menu word alone.
    let lowercase = t
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .count();
    const MENU: &[&str] = &[
        "home",
        "news",
        "sport",
        "sports",
        "world",
        "business",
        "opinion",
        "video",
        "live",
        "menu",
        "search",
        "share",
        "more",
        "comments",
        "advertisement",
        "exclusive",
        "breaking",
        "politics",
        "tech",
        "technology",
        "science",
        "health",
        "entertainment",
        "culture",
        "local",
        "weather",
        "travel",
        "lifestyle",
        "subscribe",
        "sign in",
        "log in",
        "newsletters",
    ];
    if words == 1 && MENU.iter().any(|m| t.eq_ignore_ascii_case(m)) {
        return None;
    }
    if words >= 2
        && t.split_whitespace()
            .all(|w| MENU.iter().any(|m| w.eq_ignore_ascii_case(m)))
    {
        return None;
    }
    (lowercase * 2 < words || words >= 4 && lowercase <= 2).then(|| t.to_string())
}

/// The article's byline: the first of the rules below that finds one, in
/// order of how sure each is. `title` is the headline's line, `body_start`
/// the story's first line, `end` its last, `credits` the attribution credits
/// the story's lines held ("Reporting by …").
pub(crate) fn find(
    lines: &[Line],
    title: Option<usize>,
    body_start: usize,
    end: usize,
    credits: &[String],
) -> Option<String> {
    let (_rule, byline) = found(lines, title, body_start, end, credits)?;
    // Markup may glue a role to the name ("Michael HiltzikBusiness Columnist").
    let apart = unglue_name(&byline);
    if apart != byline.as_str()
        && let Some(again) = byline_of(&format!("By {apart}"))
    {
        return Some(again);
    }
    Some(byline)
}

/// The name of the rule that found [`find`]'s credit (for `--explain`).
pub(crate) fn rule(
    lines: &[Line],
    title: Option<usize>,
    body_start: usize,
    end: usize,
    credits: &[String],
) -> Option<&'static str> {
    found(lines, title, body_start, end, credits).map(|(rule, _)| rule)
}

/// [`find`]'s rules, with the name of the one that found the credit.
fn found(
    lines: &[Line],
    title: Option<usize>,
    body_start: usize,
    end: usize,
    credits: &[String],
) -> Option<(&'static str, String)> {
    let n = lines.len();
    if n == 0 {
        return None;
    }
    let lo = title.map_or(body_start.saturating_sub(8), |t| t.saturating_sub(3));
    let hi = body_start.min(n);
    let by = |l: &Line| match &l.kind {
        Kind::Byline(b) => Some(b.clone()),
        _ => None,
    };
    // A "By" line in the header zone: under the headline first; one above it
    // may belong to a sidebar story.
    let below = title.map_or(lo, |t| (t + 1).min(hi));
    let own = |j: &usize| title.is_none_or(|t| !teaser_credit(lines, *j, t));
    if let Some(b) = (below..hi)
        .filter(|j| matches!(lines[*j].kind, Kind::Byline(_)))
        .find(own)
        .or_else(|| {
            (lo..below)
                .rev()
                .filter(|j| matches!(lines[*j].kind, Kind::Byline(_)))
                .find(own)
        })
        .and_then(|j| by(&lines[j]))
    {
        return Some(("by_line_in_header", b));
    }
    if let Some(t) = title {
        // A bare name line after the headline.
        let from = (t + 1).min(n);
        if let Some(b) = (from..hi.max(from))
            .take(6)
            .filter(|&j| matches!(lines[j].kind, Kind::Text | Kind::Date) && !lines[j].sentence)
            .filter(|&j| !in_menu(lines, j))
            .find_map(|j| {
                name_line(&lines[j].text)
                    .filter(|b| !in_headline(b, &lines[t].text) && !teaser_credit(lines, j, t))
            })
        {
            return Some(("name_under_headline", b));
        }
        // The headline may be shown twice (a teaser at the top, the article's
        // own further down): the credit sits under either.
        let text = lines[t].text.as_ref();
        let repeats = (0..n)
            .filter(|&j| j != t && lines[j].text.len() == text.len() && lines[j].text == text)
            .take(4);
        if let Some(b) = std::iter::once(t)
            .chain(repeats)
            .find_map(|a| header_credit(lines, a))
        {
            return Some(("header_credit", b));
        }
        // A name just above the headline counts when a date sits next to it
        // (after the credits under it: the line above may be the story's
        // subject, "Lupita Nyong'o" over "… Dress STOLEN!"). The nearest wins.
        let mut above = None;
        for j in t.saturating_sub(3)..t {
            // An author box shows the name over the writer's account
            // ("Jane Doe" / "@janedoe") as surely as over a date.
            if lines[j].kind == Kind::Text
                && !teaser_credit(lines, j, t)
                && let Some(name) = name_line(&lines[j].text)
                && ((j + 1..=j + 2).any(|k| lines.get(k).is_some_and(|o| o.kind == Kind::Date))
                    || lines.get(j + 1).is_some_and(|o| at_handle(&o.text)))
            {
                above = Some(name);
            }
        }
        if let Some(b) = above {
            return Some(("name_over_headline", b));
        }
        if let Some(b) = name_far_above(lines, t) {
            return Some(("name_far_above_headline", b));
        }
        if let Some(b) = name_over_story(lines, t, body_start) {
            return Some(("name_over_story", b));
        }
    }
    // A "By" line opening the story.
    if let Some(b) = lines[body_start.min(n)..=end.min(n - 1)]
        .iter()
        .take(3)
        .find_map(by)
    {
        return Some(("by_line_opening_story", b));
    }
    // "Reporting by Jane Doe; Editing by …" at the foot of wire copy.
    if let Some(b) = credits.iter().find_map(|c| {
        let lower = c.to_lowercase();
        let rest = c.get(lower.find("reporting by ")? + "reporting by ".len()..)?;
        let rest = rest.split([';', '(']).next()?;
        byline_of(&format!("By {rest}"))
    }) {
        return Some(("reporting_by", b));
    }
    if let Some(b) = below_story(lines, end) {
        return Some(("byline_below_story", b));
    }
    if let Some(b) = about_author(lines, end) {
        return Some(("about_the_author", b));
    }
    if let Some(b) = account_box(lines, end) {
        return Some(("account_box", b));
    }
    if let Some(b) = bio_sentence(lines, end) {
        return Some(("bio_sentence", b));
    }
    // A labelled credit in a line with the date, just over where the story
    // starts ("October 15, 2018/in News/by jdadmin", which its slashes make
    // look like a photo credit), also when the headline chosen is not the
    // one it sits under.
    let top = body_start.saturating_sub(8).min(n)..body_start.min(n);
    if let Some(b) = lines[top].iter().rev().find_map(|l| {
        let dated = l.kind == Kind::Date
            || matches!(l.kind, Kind::Text | Kind::PhotoCredit) && !l.sentence && dateish(l);
        if !dated || l.words > 20 {
            return None;
        }
        let line = unglue(&l.text);
        after_label(&line).and_then(|_| embedded(&l.text))
    }) {
        return Some(("dated_credit_over_story", b));
    }
    // Credits in scripts without capitals: under the headline, or signing
    // off the story.
    let top = title.map_or(hi, |t| t + 1)..(hi + 2).min(n);
    let tail = end.saturating_sub(3)..(end + 4).min(n);
    // (Whitespace-separated words: a line's word count counts each Han
    // character as a word.)
    // (An ASCII line is never one: `cjk_credit` says so before its words
    // are counted.)
    top.chain(tail)
        .filter(|&j| !lines[j].text.is_ascii() && word_count(&lines[j].text) <= 8)
        .find_map(|j| cjk_credit(&lines[j].text))
        .map(|b| ("cjk_credit", b))
}

/// Rule `header_credit`: the credit in the few lines under a headline at
/// `at`, in the shapes [`super::meta`]'s line rules miss: a credit
/// inside a header line, a label line with the name under it, an organisation
/// credited right above the date. Stops at the story's first long paragraph.
fn header_credit(lines: &[Line], at: usize) -> Option<String> {
    let n = lines.len();
    // Past a long line right under the headline (a standfirst, or the story's
    // first paragraph), only a labelled credit counts: a bare name there may
    // be a caption's.
    let mut past_long = false;
    // Six lines under the headline, not counting a row of share buttons.
    let mut seen = 0;
    for j in at + 1..(at + 16).min(n) {
        let l = &lines[j];
        if l.kind != Kind::Furniture {
            seen += 1;
            if seen > 6 {
                break;
            }
        }
        // (A line of forty words is a paragraph whatever its language's
        // stop words.)
        if (l.sentence && l.words > 25) || l.words > 40 {
            if j > at + 1 {
                break;
            }
            past_long = true;
            continue;
        }
        if past_long {
            if let Kind::Byline(b) = &l.kind {
                return Some(b.clone());
            }
            if l.words <= 20
                && matches!(l.kind, Kind::Text | Kind::Date)
                && let Some(b) = embedded(&l.text)
            {
                return Some(b);
            }
            continue;
        }
        // A teaser's writer, in a list of them under the headline.
        if teaser_credit(lines, j, at) {
            continue;
        }
        if let Kind::Byline(b) = &l.kind {
            return Some(b.clone());
        }
        let next = lines.get(j + 1);
        // (Looked at only by the rules that need it: a date is costly to find.)
        let date_next =
            || next.is_some_and(|o| o.kind == Kind::Date || meta::date_in(&o.text).is_some());
        // An agency alone over the date ("Associated Press" / "Published
        // …") credits the story, though the same line under a photo credits
        // the photo.
        if l.kind == Kind::PhotoCredit
            && date_next()
            && !l.text.contains(['/', ':', '©'])
            && !photo_word(&l.text)
            && let Some(b) = credit_line(&l.text).filter(|b| b.contains(' '))
        {
            return Some(b);
        }
        if l.words > 20 || !matches!(l.kind, Kind::Text | Kind::Date) {
            continue;
        }
        if let Some(b) = embedded(&l.text) {
            return Some(b);
        }
        if !l.sentence
            && let Some(name) =
                meta::name_line(&l.text).or_else(|| before_glue(&l.text).and_then(meta::name_line))
            && !in_headline(&name, &lines[at].text)
            && !in_menu(lines, j)
        {
            return Some(name);
        }
        // A site account alone over the date ("janedoe_77" / "Nov 20, 2023").
        if let Some(b) = account(&l.text).filter(|_| date_next()) {
            return Some(b);
        }
        if label_alone(&l.text)
            && let Some(next) = next.filter(|o| o.kind == Kind::Text)
        {
            let t = next.text.as_ref();
            if let Some(b) = meta::name_line(t)
                .or_else(|| credit_line(t))
                .or_else(|| embedded(&format!("By {t}")))
            {
                return Some(b);
            }
        }
        if !l.sentence
            && l.kind == Kind::Text
            && let Some(b) = credit_line(&l.text)
            && date_next()
            && (b.contains(' ') || one_word_credit(&b, lines, j))
        {
            return Some(b);
        }
        // The credit and the date on one line: "Reuters November 18, 2019".
        if l.kind == Kind::Date
            && let Some(b) = credit_before_date(&l.text)
            && (b.contains(' ') || one_word_credit(&b, lines, j))
        {
            return Some(b);
        }
    }
    None
}

/// Whether every word of a name candidate is a word of the headline: a
/// piece of the headline shown again ("Better Student Journalism" under
/// "The Open Journalism Project: Better Student Journalism"), not a writer.
fn in_headline(name: &str, headline: &str) -> bool {
    let words: Vec<&str> = headline
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|n| words.iter().any(|w| w.to_lowercase() == n.to_lowercase()))
}

/// Whether line `j` sits in a menu: the lines on both sides are one to three
/// words of text that say no date ("News" / "Special Reports" /
/// "Prescription for Progress").
fn in_menu(lines: &[Line], j: usize) -> bool {
    let item = |k: Option<usize>| {
        k.and_then(|k| lines.get(k))
            .is_some_and(|o| o.kind == Kind::Text && (1..=3).contains(&o.words) && !dateish(o))
    };
    item(j.checked_sub(1)) && item(Some(j + 1))
}

/// Whether a line says when, as the line after a byline does: a date line,
/// a date in it, a relative age, or a month name and day cut short by the
/// page's markup ("on Mar 2714 min", the day glued to a reading time).
fn dateish(l: &Line) -> bool {
    if l.kind == Kind::Date || meta::date_in(&l.text).is_some() {
        return true;
    }
    let mut words = l.text.split_whitespace();
    let mut first = words.next();
    if first.is_some_and(|w| w.eq_ignore_ascii_case("on")) {
        first = words.next();
    }
    first.is_some_and(|w| super::text::month_number(w).is_some())
        && words
            .next()
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
}

/// Rule `name_far_above_headline`: the author's name and the date over the
/// headline with only the page's furniture between ("Jane Doe" / "on Mar 27"
/// / "Follow" / "Share" / the headline), within ten lines; another title or
/// any prose between them means the name credits something else.
fn name_far_above(lines: &[Line], t: usize) -> Option<String> {
    let headline = lines[t].text.as_ref();
    for j in (t.saturating_sub(10)..t.saturating_sub(1)).rev() {
        let l = &lines[j];
        if l.kind != Kind::Text || l.sentence {
            continue;
        }
        if !lines.get(j + 1).is_some_and(dateish) {
            continue;
        }
        if teaser_credit(lines, j, t) {
            continue;
        }
        let Some(name) = name_line(&l.text) else {
            continue;
        };
        let clear = lines[j + 2..t].iter().all(|o| match o.kind {
            Kind::Furniture | Kind::PhotoCredit | Kind::Date | Kind::Url => true,
            Kind::Text => o.words <= 3 || o.text == headline,
            _ => false,
        });
        return clear.then_some(name);
    }
    None
}

/// Whether the credit on line `j` (a name or a "By" line over a date) is one
/// of a list of teasers for other stories, each a title with its own writer
/// and date ("Teaser headline" / "Jane Roe" / "Today 7:30AM"): the line over
/// it is a title of four words or more other than the headline at `t` or
/// the line right under it (its dek), and another title with its credit and
/// date sits within the eight lines around it on the same side of the
/// headline. A lone title over a credit is the headline's dek as often.
fn teaser_credit(lines: &[Line], j: usize, t: usize) -> bool {
    let credited = |k: usize| {
        k >= 1
            && k - 1 != t
            && k - 1 != t + 1
            && lines[k - 1].kind == Kind::Text
            && (4..=25).contains(&lines[k - 1].words)
            && match lines[k].kind {
                Kind::Byline(_) => true,
                Kind::Text => name_line(&lines[k].text).is_some(),
                _ => false,
            }
            && (k + 1..=k + 2).any(|m| lines.get(m).is_some_and(dateish))
    };
    // The headline parts its own credit from the list over it.
    let (from, to) = if j > t {
        (j.saturating_sub(8).max(t + 1), j + 9)
    } else {
        (j.saturating_sub(8), (j + 9).min(t))
    };
    credited(j) && (from..to.min(lines.len())).any(|k| k != j && credited(k))
}

/// Rule `name_over_story`: the writer's name over a date right above the
/// story's first paragraph, far under a headline the page tops with other
/// matter (a list of teasers, a newsletter box): within the ten lines over
/// the story, with nothing between the date and the story but furniture,
/// captions, credits and labels of three words or fewer.
fn name_over_story(lines: &[Line], t: usize, body_start: usize) -> Option<String> {
    let top = body_start.min(lines.len());
    for j in (top.saturating_sub(10).max(t + 1)..top.saturating_sub(1)).rev() {
        let l = &lines[j];
        if l.kind != Kind::Text || l.sentence || !lines.get(j + 1).is_some_and(dateish) {
            continue;
        }
        let clear = lines[j + 2..top].iter().all(|o| match o.kind {
            Kind::Text => o.words <= 3,
            Kind::Furniture | Kind::PhotoCredit | Kind::Caption | Kind::Date | Kind::Url => true,
            _ => false,
        });
        if !clear {
            return None;
        }
        if teaser_credit(lines, j, t) {
            return None;
        }
        return name_line(&l.text);
    }
    None
}

/// Whether a line names a photo rather than a writer.
fn photo_word(line: &str) -> bool {
    line.split(|c: char| !c.is_alphanumeric()).any(|w| {
        [
            "photo", "photos", "image", "images", "getty", "file", "pool", "video",
        ]
        .iter()
        .any(|p| w.eq_ignore_ascii_case(p))
    })
}

/// Whether a one-word credit on line `at` names a writer, a wire service or
/// an account ("Reuters", "AFP", "LinkNaija") and not a section label
/// ("Film", which the page's menu lists too): the story's first lines name
/// it as wire copy does ("(Reuters) —"), it is written in capitals or in
/// camel case, or no other line of the page is that word alone.
fn one_word_credit(word: &str, lines: &[Line], at: usize) -> bool {
    let capitals = word.chars().filter(|c| c.is_uppercase()).count();
    if capitals >= 2 {
        return true;
    }
    let tag = format!("({word})");
    let after = &lines[(at + 1).min(lines.len())..(at + 8).min(lines.len())];
    if after
        .iter()
        .any(|l| l.text.contains(&tag) || l.text.contains(&tag.to_uppercase()))
    {
        return true;
    }
    !lines
        .iter()
        .enumerate()
        .any(|(k, l)| k != at && l.text.len() == word.len() && l.text == word)
}

/// The capitalised words before a date on a date line, when they make a
/// credit: "Reuters November 18, 2019 11:03 PM" → "Reuters". Labels
/// ("Updated", "Published") and weekdays are not credits.
fn credit_before_date(line: &str) -> Option<String> {
    let mut end = 0;
    for w in line.split_whitespace() {
        let core = super::text::trim_punct(w);
        if core.is_empty()
            || core.chars().any(|c| c.is_ascii_digit())
            || super::text::month_number(core).is_some()
        {
            break;
        }
        // A lowercase word goes on as a phrase ("Presented by Acme | Nov 20,
        // 2023"): the capitalised words are not a credit on their own.
        if !is_capitalised(core) {
            return None;
        }
        end = w.as_ptr() as usize - line.as_ptr() as usize + w.len();
    }
    let head = line.get(..end)?.trim().trim_end_matches([',', '-', '|']);
    let rest = line.get(end..)?;
    if head.is_empty() || meta::date_in(rest).is_none() {
        return None;
    }
    const NOT_CREDITS: &[&str] = &[
        "updated",
        "published",
        "posted",
        "last",
        "first",
        "modified",
        "date",
        "on",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "today",
        "yesterday",
    ];
    if head.split_whitespace().any(|w| {
        NOT_CREDITS
            .iter()
            .any(|n| super::text::trim_punct(w).eq_ignore_ascii_case(n))
    }) {
        return None;
    }
    credit_line(head)
}

/// Rule `byline_below_story`: a credit the page puts under the story's last
/// paragraph ("Written by Rachael Link on November 14, 2019"), among the two
/// lines after it (`end` is the story's last unit), with no other story's
/// headline before it (a teaser list's "By …" lines credit those stories).
fn below_story(lines: &[Line], end: usize) -> Option<String> {
    for l in lines.iter().skip(end + 1).take(2) {
        match &l.kind {
            Kind::Byline(b) => return Some(b.clone()),
            Kind::Text if l.words >= 4 => return None,
            // A signature under the last paragraph: "— Jane Doe".
            Kind::Text => {
                if let Some(rest) = l.text.trim().strip_prefix(['—', '–', '-'])
                    && let Some(name) = name_line(rest.trim())
                {
                    return Some(name);
                }
            }
            _ => {}
        }
    }
    None
}

/// Whether a line is only an account handle: "@janedoe".
fn at_handle(line: &str) -> bool {
    let t = line.trim();
    let mut words = t.split_whitespace();
    let (Some(w), None) = (words.next(), words.next()) else {
        return false;
    };
    w.strip_prefix('@').is_some_and(|h| {
        (2..=30).contains(&h.chars().count())
            && h.chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
    })
}

/// A site account alone on its line, in the shape only accounts take: a
/// handle ("@janedoe") or one lowercase token with digits or an underscore
/// ("janedoe77", "jane_doe"); a word alone could be a menu's.
fn account(line: &str) -> Option<String> {
    let t = line.trim();
    if at_handle(t) {
        return Some(t.to_string());
    }
    let mut words = t.split_whitespace();
    let (Some(w), None) = (words.next(), words.next()) else {
        return None;
    };
    let n = w.chars().count();
    let ok = (3..=30).contains(&n)
        && w.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && w.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && w.chars().any(|c| c.is_ascii_digit() || c == '_');
    ok.then(|| w.to_string())
}

/// Rule `account_box`: the writer's box after the story shows the site
/// account over a line of bio ("rmb8090" / "We collect the best of the
/// eighties."), within the six lines after it.
fn account_box(lines: &[Line], end: usize) -> Option<String> {
    let window = lines.get(end + 1..(end + 7).min(lines.len()))?;
    window.windows(2).find_map(|w| {
        let bio = w[1].kind == Kind::Text && w[1].words >= 4;
        if w[0].kind == Kind::Text && bio {
            account(&w[0].text)
        } else {
            None
        }
    })
}

/// Role words of a writer's bio ("… is a transport reporter for …").
const BIO_ROLES: &[&str] = &[
    "reporter",
    "writer",
    "journalist",
    "editor",
    "correspondent",
    "columnist",
    "contributor",
    "author",
    "freelance",
    "freelancer",
    "blogger",
    "critic",
];

/// Rule `bio_sentence`: the story closes with the writer's bio ("Jane Doe is
/// a transport reporter for the Herald."): the last paragraph or one of the
/// two lines after it opens with a name, then "is a/an/the", and names a
/// writer's role.
fn bio_sentence(lines: &[Line], end: usize) -> Option<String> {
    let range = end.saturating_sub(1)..(end + 3).min(lines.len());
    lines.get(range)?.iter().find_map(|l| {
        if l.kind != Kind::Text || l.words > 60 {
            return None;
        }
        let text = l.text.trim();
        let at = [" is a ", " is an ", " is the "]
            .iter()
            .filter_map(|v| text.find(v))
            .min()?;
        let head = &text[..at];
        if !(2..=4).contains(&head.split_whitespace().count()) {
            return None;
        }
        let name = name_line(head)?;
        let sentence_end = text[at..].find(['.', ';']).map_or(text.len(), |p| at + p);
        let roles = text[at..sentence_end]
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| BIO_ROLES.iter().any(|r| w.eq_ignore_ascii_case(r)));
        roles.then_some(name)
    })
}

/// "About the author" in the languages of the pages people save.
const ABOUT_AUTHOR: &[&str] = &[
    "about the author",
    "about the writer",
    "sobre o autor",
    "sobre a autora",
    "sobre el autor",
    "sobre la autora",
    "über den autor",
    "über die autorin",
    "à propos de l'auteur",
    "a proposito dell'autore",
    "tentang penulis",
    "об авторе",
];

/// "About Jane Doe" in those languages: the lead before the name.
const ABOUT_NAME: &[&str] = &[
    "about ",
    "sobre ",
    "über ",
    "à propos de ",
    "acerca de ",
    "tentang ",
];

/// Rule `about_the_author`: the author's box after the story ("About the
/// author" / "Jane Doe" / her bio, or "Sobre Carlos Nadalim" / his bio),
/// within the twenty lines after it. The name must come back in the bio's
/// first line, as bios begin: a box about anything else names no writer.
fn about_author(lines: &[Line], end: usize) -> Option<String> {
    let window = lines.get(end + 1..(end + 21).min(lines.len()))?;
    for (k, l) in window.iter().enumerate() {
        if l.words > 8 || l.sentence {
            continue;
        }
        let text = l.text.trim().trim_end_matches(':');
        let lower = text.to_lowercase();
        let (name, bio_at) = if ABOUT_AUTHOR.contains(&lower.as_str()) {
            let Some(next) = window.get(k + 1) else {
                continue;
            };
            let Some(name) = name_line(&next.text) else {
                continue;
            };
            (name, k + 2)
        } else if let Some(lead) = ABOUT_NAME.iter().find(|p| lower.starts_with(*p)) {
            // The lead is ASCII or of the same length lowercased.
            let Some(rest) = text.get(lead.len()..) else {
                continue;
            };
            let Some(name) = name_line(rest) else {
                continue;
            };
            (name, k + 1)
        } else {
            continue;
        };
        let bio = window.get(bio_at).map_or("", |b| b.text.as_ref());
        let surname = name.split_whitespace().last().unwrap_or_default();
        if bio
            .split_whitespace()
            .take(40)
            .any(|w| super::text::trim_punct(w) == surname)
        {
            return Some(name);
        }
    }
    None
}

/// Korean reporters' and columnists' titles, written next to the name
/// ("정덕현 칼럼니스트", "칼럼니스트 박생강", "홍길동 기자").
const KOREAN_ROLES: &[&str] = &[
    "기자",
    "칼럼니스트",
    "특파원",
    "객원기자",
    "선임기자",
    "논설위원",
    "편집위원",
    "에디터",
];

/// Chinese and Japanese credit labels, before a separator ("作者︱春春",
/// "记者：王芳", "文／山田太郎").
const CJK_LABELS: &[&str] = &["作者", "记者", "記者", "撰文", "文", "著者", "执笔", "執筆"];

/// The reporter's title written as a word of its own before the name
/// ("记者 王芳").
const CJK_REPORTER: &[&str] = &["记者", "記者", "作者", "撰文"];

/// Whether a character is a Han ideograph, as Chinese names are written.
fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

/// Rule `cjk_credit`: a credit in a script without capitals, where the
/// name cannot be told by its shape alone: a Korean name of two to four
/// syllables next to a reporter's or columnist's title on a short line
/// ("칼럼니스트 박생강 pillgoo9@gmail.com"), or a Chinese or Japanese label
/// with a separator and a name ("作者︱春春").
pub fn cjk_credit(line: &str) -> Option<String> {
    let t = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    // Latin-only lines are never this credit: one byte test each.
    if t.is_ascii() || t.chars().count() > 60 {
        return None;
    }
    let tokens: Vec<&str> = t.split_whitespace().collect();
    if tokens.len() <= 6 {
        for (k, tok) in tokens.iter().enumerate() {
            let tok = tok.trim_end_matches(['=', ',', '·']);
            if !KOREAN_ROLES.contains(&tok) {
                continue;
            }
            let hangul_name = |w: &str| {
                let n = w.chars().count();
                (2..=4).contains(&n) && w.chars().all(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c))
            };
            let name_at = [k.checked_sub(1), Some(k + 1)]
                .into_iter()
                .flatten()
                .find(|&p| tokens.get(p).is_some_and(|w| hangul_name(w)));
            // Nothing else on the line but an e-mail address or marks: "기자
            // 회견에서 …" (a press conference) is prose.
            let alone = |p: usize| {
                tokens.iter().enumerate().all(|(i, w)| {
                    i == k || i == p || w.contains('@') || !w.chars().any(char::is_alphabetic)
                })
            };
            if let Some(p) = name_at.filter(|&p| alone(p)) {
                return Some(tokens[p].to_string());
            }
        }
    }
    // A label between spaces inside a source line ("来源：港口日报 记者 王芳"),
    // the name after it.
    for (k, tok) in tokens.iter().enumerate() {
        if !CJK_REPORTER.contains(tok) {
            continue;
        }
        if let Some(name) = tokens.get(k + 1).filter(|w| {
            let n = w.chars().count();
            (2..=4).contains(&n) && w.chars().all(is_han)
        }) {
            return Some((*name).to_string());
        }
    }
    // "by" and a name in a script without capitals, up to a separator ("by
    // ライトハウス国際特許事務所 ／ 2016.12.01").
    if let Some(rest) = t
        .get(..3)
        .filter(|h| h.eq_ignore_ascii_case("by "))
        .map(|_| &t[3..])
    {
        let name = rest
            .trim_start()
            .split(|c: char| c.is_whitespace() || "／/|｜·・,，、".contains(c))
            .next()
            .unwrap_or("");
        let n = name.chars().count();
        if (2..=30).contains(&n)
            && name
                .chars()
                .all(|c| c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase())
        {
            return Some(name.to_string());
        }
    }
    for label in CJK_LABELS {
        let Some(rest) = t.strip_prefix(label) else {
            continue;
        };
        let mut chars = rest.chars();
        let sep = chars.next()?;
        if !matches!(sep, '：' | ':' | '︱' | '|' | '丨' | '/' | '／' | '｜') {
            continue;
        }
        let name = chars
            .as_str()
            .trim_start()
            .split(|c: char| c.is_whitespace() || "　,，、;；|｜()（）[]【】".contains(c))
            .next()
            .unwrap_or("");
        let n = name.chars().count();
        if (2..=12).contains(&n) && name.chars().all(char::is_alphabetic) {
            return Some(name.to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits_in_scripts_without_capitals() {
        assert_eq!(
            cjk_credit("칼럼니스트 박생강 pillgoo9@gmail.com").as_deref(),
            Some("박생강")
        );
        assert_eq!(
            cjk_credit("정덕현 칼럼니스트 thekian1@example.co.kr").as_deref(),
            Some("정덕현")
        );
        assert_eq!(cjk_credit("　　作者︱春春 ").as_deref(), Some("春春"));
        assert_eq!(cjk_credit("记者：王芳 李明").as_deref(), Some("王芳"));
        assert_eq!(cjk_credit("기자 회견에서 그는 말했다"), None);
        assert_eq!(cjk_credit("By Jane Doe"), None);
        assert_eq!(cjk_credit("文化"), None);
    }

    #[test]
    fn glued_words_come_apart() {
        assert_eq!(
            unglue("By Michael HiltzikBusiness Columnist"),
            "By Michael Hiltzik Business Columnist"
        );
        assert_eq!(
            unglue("by Lucas Nolan22 Dec 2016"),
            "by Lucas Nolan 22 Dec 2016"
        );
        assert_eq!(unglue("Ruth McCoy and LeBron"), "Ruth McCoy and LeBron");
    }

    #[test]
    fn credits_inside_header_lines() {
        assert_eq!(
            embedded("November 12, 2018 | BY: Beachbody").as_deref(),
            Some("Beachbody")
        );
        assert_eq!(
            embedded("Posted on Maret 30, 2015 by Admin").as_deref(),
            Some("Admin")
        );
        assert_eq!(
            embedded("October 15, 2018/0 Comments/in News /by jdadmin").as_deref(),
            Some("jdadmin")
        );
        assert_eq!(
            embedded("05/10/2018 - Publicado por: Clarissa Borba - Categoria: Saúde").as_deref(),
            Some("Clarissa Borba")
        );
        assert_eq!(
            embedded("By Michael HiltzikBusiness Columnist").as_deref(),
            Some("Michael Hiltzik")
        );
        assert_eq!(embedded("Stand by me"), None);
    }

    #[test]
    fn organisation_credit_lines() {
        assert_eq!(
            credit_line("Telegraph Sport").as_deref(),
            Some("Telegraph Sport")
        );
        assert_eq!(
            credit_line("Detroit News wire services").as_deref(),
            Some("Detroit News wire services")
        );
        assert_eq!(credit_line("Sport"), None);
        assert_eq!(credit_line("Share this article."), None);
    }
}
