//! Author credits that the line-by-line rules in [`super::meta`] miss: a credit
//! inside a header line after a date ("November 12, 2018 | BY: Jane Doe",
//! "Posted on March 30, 2015 by Admin", "Texto: Ana Lima · 24 de set"), a
//! label on its own line with the name under it ("Author:" / "Jane Doe"), an
//! organisation credited under the headline just above the date ("Telegraph
//! Sport" / "19 November 2019"), names glued to the next word by the page's
//! markup ("Michael HiltzikBusiness Columnist", "Lucas Nolan22 Dec 2016").

use super::meta::{byline_of, name_line};
use super::text::{is_capitalised, lower_starts_with, word_count};

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

/// The text after the first credit label in a header line, up to the next
/// separator: "Nov 12, 2018 | BY: Beachbody" → "Beachbody".
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

/// A credit inside a header line ("Posted on March 30, 2015 by Admin"); a lone
/// lowercase handle counts there ("/by jdadmin").
pub fn embedded(line: &str) -> Option<String> {
    if word_count(line) > 20 {
        return None;
    }
    let line = unglue(line);
    if let Some(b) = byline_of(&line) {
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
        || t.chars().any(|c| c.is_ascii_digit())
        || !t.split_whitespace().next().is_some_and(is_capitalised)
        || lower_starts_with(t, "by ")
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

/// Rule `byline_below_story`: a credit the page puts under the story's last
/// paragraph ("Written by Rachael Link on November 14, 2019"), among the two
/// lines after it (`end` is the story's last unit), with no other story's
/// headline before it (a teaser list's "By …" lines credit those stories).
pub(crate) fn below_story(lines: &[super::Line], end: usize) -> Option<String> {
    for l in lines.iter().skip(end + 1).take(2) {
        match &l.kind {
            super::Kind::Byline(b) => return Some(b.clone()),
            super::Kind::Text if l.words >= 4 => return None,
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

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
