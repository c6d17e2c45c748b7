//! Lines and blocks: the page text cut into units (one per logical line), with
//! hard-wrapped lines reflowed into paragraphs and URLs broken across lines
//! rejoined. Blank lines separate blocks.

use std::borrow::Cow;

use super::Kind;
use super::text::{
    ends_terminal, is_all_caps, is_function_word, is_stop_word, is_title_case, starts_lowercase,
};
use super::urls::{is_url_continuation, starts_with_url};

/// One logical line of the page.
#[derive(Debug, Clone)]
pub struct Unit<'a> {
    /// The trimmed text (reflowed lines joined with single spaces): borrowed
    /// from the page unless lines were joined.
    pub text: Cow<'a, str>,
    /// Index of the blank-line-separated block the unit belongs to.
    pub block: usize,
}

/// Cuts normalised text into units ([`physical_lines`], then [`units_of`]).
#[cfg(test)]
pub fn units(text: &str) -> Vec<Unit<'_>> {
    units_of(&physical_lines(text))
}

/// The page's lines as the file has them. A run of blank lines is kept as its
/// first line only: every rule after this treats one blank line as it treats
/// many, and a page of millions of blank lines then costs nothing (it would
/// cost 16 bytes a line here, 1 GB for 60 MB).
pub fn physical_lines(text: &str) -> Vec<&str> {
    let mut prev_blank = false;
    lines(text)
        .filter(|line| {
            let blank = line.trim().is_empty();
            let keep = !(blank && prev_blank);
            prev_blank = blank;
            keep
        })
        .collect()
}

/// `text.lines()`, with the line ends found by `memchr`, which reads a page
/// many bytes at a step (the standard library's search, which `lines` uses,
/// is several times slower per byte): each piece before a `\n`, without a
/// `\r` before that `\n`, then the rest if it is not empty.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let mut ends = memchr::memchr_iter(b'\n', text.as_bytes());
    std::iter::from_fn(move || match ends.next() {
        Some(end) => {
            let line = &text[start..end];
            start = end + 1;
            Some(line.strip_suffix('\r').unwrap_or(line))
        }
        None if start < text.len() => {
            let line = &text[start..];
            start = text.len();
            Some(line)
        }
        None => None,
    })
}

/// Cuts physical lines into units.
///
/// Rules applied here, in order:
/// * [`rejoin_broken_url`]: a URL line followed by a single token that continues it.
/// * [`reflow_hard_wrap`]: in a hard-wrapped document, lines broken mid-sentence
///   are joined into one paragraph.
pub fn units_of<'a>(lines: &[&'a str]) -> Vec<Unit<'a>> {
    let width = wrap_width(lines);
    let wrapped_shape = width.map(|w| wrapped_blocks(lines, w)).unwrap_or_default();
    // Whether a line after a blank one (or the first) opens with one space
    // only: the page indents its paragraphs so. (Asked only of wrapped text.)
    let one_space_paragraphs = width.is_some()
        && lines.iter().enumerate().any(|(i, l)| {
            l.starts_with(' ') && !l.starts_with("  ") && (i == 0 || lines[i - 1].trim().is_empty())
        });
    let mut out: Vec<Unit> = Vec::new();
    let mut block = 0usize;
    let mut prev_blank = true;
    // The last physical line appended to `out`, untrimmed; its length in
    // characters is counted only for a hard-wrapped document, which asks.
    let mut last_raw = "";
    // Whether the last unit is one physical line under a short unfinished line
    // of its block (see `reflow_hard_wrap`).
    let mut unit_after_label = false;
    for (index, raw) in lines.iter().enumerate() {
        let line = raw.trim();
        if line.is_empty() {
            if !prev_blank {
                block += 1;
            }
            prev_blank = true;
            continue;
        }
        // Rule `one_space_is_no_indent`: one space at a line's start under a
        // finished sentence is the second of the two spaces after it that a
        // wrap left there, unless the page sets paragraphs off by one space.
        let indented = raw.starts_with(' ')
            && (raw.starts_with("  ")
                || one_space_paragraphs
                || !out.last().is_some_and(|u| ends_terminal(&u.text)));
        if !prev_blank && let Some(last) = out.last_mut() {
            if let Some(joined) = drop_cap(&last.text, line) {
                last.text = Cow::Owned(joined);
                last_raw = raw;
                prev_blank = false;
                unit_after_label = false;
                continue;
            }
            if rejoin_broken_url(&last.text, line) {
                last.text.to_mut().push_str(line);
                last_raw = raw;
                prev_blank = false;
                unit_after_label = false;
                continue;
            }
            if let Some(w) = width
                && reflow_hard_wrap(
                    &last.text,
                    last_raw.chars().count(),
                    line,
                    &Place {
                        indented,
                        width: w,
                        paragraph_shaped: wrapped_shape.get(index).copied().unwrap_or(false),
                        after_label: unit_after_label,
                        after_next: lines.get(index + 1).map(|l| l.trim()),
                    },
                )
            {
                join_wrapped(last.text.to_mut(), line);
                last_raw = raw;
                prev_blank = false;
                unit_after_label = false;
                continue;
            }
        }
        unit_after_label = !prev_blank
            && width.is_some_and(|w| {
                let before = last_raw.trim();
                before.chars().count() * 10 < w * 7 && !ends_terminal(before)
            });
        out.push(Unit {
            text: Cow::Borrowed(line),
            block,
        });
        last_raw = raw;
        prev_blank = false;
    }
    out
}

/// Rule `drop_cap`: a paragraph's first letter set large renders as a line of
/// its own ("H" over "ong Kong is burning"); a lone capital followed by a line
/// that starts in lowercase is joined back. The letter is its own word only when
/// it can be one and the next word is a common word while letter and word
/// together are not ("I" + "was" → "I was"; "I" + "t was" → "It was"; "A" +
/// "dam Schiff" → "Adam Schiff").
///
/// Returns the joined paragraph.
fn drop_cap(prev: &str, next: &str) -> Option<String> {
    let mut letters = prev.chars();
    let letter = letters.next()?;
    if letters.next().is_some() || !letter.is_uppercase() || !starts_lowercase(next) {
        return None;
    }
    let first = next.chars().next()?;
    if !first.is_alphabetic() {
        return None;
    }
    let word = next.split_whitespace().next().unwrap_or("");
    let glued: String = letter.to_lowercase().chain(word.chars()).collect();
    let one_letter_word = matches!(letter, 'A' | 'I' | 'O' | 'E' | 'Y' | 'À' | 'É')
        && is_stop_word(word)
        && !is_stop_word(&glued);
    let mut out = String::with_capacity(prev.len() + next.len() + 1);
    out.push(letter);
    if one_letter_word {
        out.push(' ');
    }
    out.push_str(next);
    Some(out)
}

/// Rule `dehyphenate` (with `reflow_hard_wrap`): a wrapped line is joined to the
/// previous one with a space, except that a lowercase word split by a hyphen at the
/// line end ("expen-" + "sive") is rejoined without the hyphen, and a URL cut after
/// a path separator ("…/2023/" + "annual-report.pdf") without the space.
fn join_wrapped(prev: &mut String, next: &str) {
    let last_token = prev.split_whitespace().last().unwrap_or("");
    let url_cut = starts_with_url(last_token)
        && last_token.ends_with(['/', '-', '_', '=', '?', '&', '#'])
        && next.split_whitespace().next().is_some_and(|t| {
            t.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-._~/?#=&%+".contains(c))
        });
    if url_cut {
        prev.push_str(next);
        return;
    }
    let mut tail = last_token.chars().rev();
    let split_word = tail.next() == Some('-')
        && tail.next().is_some_and(char::is_lowercase)
        && tail.next().is_some_and(char::is_lowercase)
        && !last_token.trim_end_matches('-').contains('-')
        && next.chars().next().is_some_and(char::is_lowercase);
    if split_word {
        prev.pop();
        prev.push_str(next);
        return;
    }
    prev.push(' ');
    prev.push_str(next);
}

/// Rule `rejoin_broken_url`: a line that is (or ends with) a URL, followed by a line
/// that is one bare token made of URL characters, is one URL cut by a wrap.
///
/// Example: `https://www.example.com/2021/02/04/some-story-with-r` + `ussia-a72838`.
pub fn rejoin_broken_url(prev: &str, next: &str) -> bool {
    // `prev.split_whitespace().last()`, found from the end.
    let trimmed = prev.trim_end();
    let Some(last_token) = trimmed
        .rsplit(char::is_whitespace)
        .next()
        .filter(|t| !t.is_empty())
    else {
        return false;
    };
    starts_with_url(last_token) && last_token.chars().count() >= 40 && is_url_continuation(next)
}

/// The wrap width of a hard-wrapped document, if it looks like one: no line much
/// longer than ~150 columns, and at least three long lines that run straight into
/// the next line without a blank between, most of them ending mid-sentence.
/// `None` for ordinary pages (where a paragraph is one long line).
fn wrap_width(lines: &[&str]) -> Option<usize> {
    // Unbreakable lines (a long URL) say nothing about the wrap width. One line
    // longer than 150 characters settles it (most pages have one at once); a
    // line of at most 150 bytes has at most 150 characters, uncounted.
    let mut max = 0;
    for l in lines {
        let count = if l.len() <= 150 {
            l.len()
        } else {
            l.chars().count()
        };
        if count > 150 && l.trim().contains(' ') {
            return None;
        }
        if count > max.max(39) && l.trim().contains(' ') {
            max = max.max(l.chars().count());
        }
    }
    if !(40..=150).contains(&max) {
        return None;
    }
    let threshold = max * 7 / 10;
    let runs = lines
        .windows(2)
        .filter(|w| w[0].chars().count() >= threshold && !w[1].trim().is_empty())
        .count();
    // A wrap breaks lines mid-sentence: most long lines of a wrapped document end
    // without sentence punctuation. When most of them end like sentences, they are
    // whole paragraphs of a page without blank lines (a local-TV page), not wraps.
    let (long, terminal) = lines
        .iter()
        .filter(|l| l.chars().count() >= threshold)
        .fold((0usize, 0usize), |(n, t), l| {
            (n + 1, t + usize::from(ends_terminal(l)))
        });
    (runs >= 3 && terminal * 2 < long).then_some(max)
}

/// For each line, whether its block is shaped like a wrapped paragraph: two or
/// more lines, all but the last at least 70% of the wrap width. (A menu or a list
/// of headlines has short lines among its long ones.)
fn wrapped_blocks(lines: &[&str], width: usize) -> Vec<bool> {
    let mut out = vec![false; lines.len()];
    let mut start = 0usize;
    while start < lines.len() {
        if lines[start].trim().is_empty() {
            start += 1;
            continue;
        }
        let mut end = start;
        while end < lines.len() && !lines[end].trim().is_empty() {
            end += 1;
        }
        let shaped = end - start >= 2
            && lines[start..end - 1]
                .iter()
                .all(|l| l.chars().count() * 10 >= width * 7);
        for flag in &mut out[start..end] {
            *flag = shaped;
        }
        start = end;
    }
    out
}

/// Where a line that may continue the one above stands (see [`reflow_hard_wrap`]).
struct Place<'a> {
    /// The line is indented.
    indented: bool,
    /// The document's wrap width.
    width: usize,
    /// Its block is shaped like a wrapped paragraph ([`wrapped_blocks`]).
    paragraph_shaped: bool,
    /// The line above is one physical line, under a short unfinished line of
    /// its own block (a menu item, a section label).
    after_label: bool,
    /// The line under it, trimmed (empty if blank), if any.
    after_next: Option<&'a str>,
}

/// Rule `reflow_hard_wrap`: in a hard-wrapped document, a line continues on the
/// next line when the wrap forced the break (the next word would not have fitted
/// within the width, give or take a few columns), or when an unfinished long line
/// sits in a paragraph-shaped block or is followed by a lowercase continuation.
/// Lines that were short enough to stay whole (menus, headlines) are never
/// joined; an indented next line, a bullet, a URL, a "By" line (or a short
/// "by Jane Doe — May 2"), a label in capitals, a repeat of the line above or a
/// line without letters after a finished sentence ("6366" shares) starts a new
/// unit, and so does a capitalised line under a whole phrase that follows a
/// menu ([`headline_under_labels`]) and a line that is one of its own
/// ([`line_of_its_own`]).
///
/// Example: `...jailed opposition figure Alexei` + `Navalny and imprisoned Americans...`.
fn reflow_hard_wrap(prev: &str, prev_raw_len: usize, next: &str, at: &Place) -> bool {
    let width = at.width;
    if at.indented || bullet_text(next).is_some() || prev_raw_len * 10 < width * 7 {
        return false;
    }
    if next.starts_with("By ")
        || starts_with_url(next)
        || caps_label(prev, next)
        || next == prev
        || short_credit(next, width)
        || (ends_terminal(prev) && !next.chars().any(char::is_alphabetic))
    {
        return false;
    }
    if at.after_label && headline_under_labels(prev, next) {
        return false;
    }
    if date_under_phrase(prev, next) || line_of_its_own(prev, next, at) {
        return false;
    }
    let first_word = next
        .split_whitespace()
        .next()
        .map_or(0, |w| w.chars().count());
    let forced = prev_raw_len + 1 + first_word > width.saturating_sub(6);
    forced || (!ends_terminal(prev) && (at.paragraph_shaped || starts_lowercase(next)))
}

/// Whether `line` ends a whole phrase or sentence: with end punctuation, or
/// not on a comma, a dash, an opening bracket, a possessive or a function word
/// ("of", "de", "und"), after which a wrapped sentence goes on. A function word
/// capitalised in a line in Title Case ("… Never Make It") ends a headline.
fn ends_whole_phrase(line: &str) -> bool {
    if ends_terminal(line) {
        return true;
    }
    let Some(last) = line.split_whitespace().last() else {
        return false;
    };
    !open_ended(last)
        && (!is_function_word(last) || (super::text::is_capitalised(last) && is_title_case(line)))
}

/// Whether a line's last word leaves it open: a comma, a dash, an opening
/// bracket or a possessive at its end.
fn open_ended(last: &str) -> bool {
    last.ends_with([',', ';', '-', '–', '—', '(', '/', '&'])
        || last.ends_with("'s")
        || last.ends_with("’s")
}

/// Rule `line_of_its_own`: under a line that ends a whole phrase, a line that
/// reads as one of its own is not the rest of the line above, however full
/// that line is: a date, a byline, a share count or other furniture line
/// ("Joe Wee     Monday, February 29, 2016", "258 Shares", "Updated Nov 19,
/// 9:41 AM"); a short line of capitalised names over a date line (the author
/// or outlet over the timestamp); the line under a date line or under a row
/// that ends with a count in brackets ([`counted_row`]); and, under a
/// menu, a line in sentence case under one in Title Case (a headline over its
/// dek: a wrapped headline goes on in its own case). A sentence wrapped before
/// such a line breaks after a function word or a comma, or goes on in
/// lowercase.
fn line_of_its_own(prev: &str, next: &str, at: &Place) -> bool {
    if starts_lowercase(next) {
        return false;
    }
    let kind_of = |line: &str, words: usize| {
        super::classify::classify_unit(line, words, &mut String::new()).0
    };
    // A date line wraps after a comma ("Nov 18," + "2019"); its last word
    // may spell a function word of another language ("EST"). A sentence
    // that opens like a label ("Posted on social media by …") has no figure.
    let prev_words = super::text::line_words(prev);
    if prev_words <= 14
        && prev.bytes().any(|b| b.is_ascii_digit())
        && prev
            .split_whitespace()
            .last()
            .is_some_and(|w| !open_ended(w))
        && matches!(kind_of(prev, prev_words), Kind::Date)
    {
        return true;
    }
    if !ends_whole_phrase(prev) {
        return false;
    }
    // A word alone that a menu also shows ("Settings") may end a wrapped
    // headline; a furniture line of two words or more ("258 Shares") does not.
    let words = super::text::line_words(next);
    if words <= 12
        && match kind_of(next, words) {
            Kind::Date | Kind::Byline(_) | Kind::PhotoCredit => true,
            Kind::Furniture => words >= 2,
            _ => false,
        }
    {
        return true;
    }
    if counted_row(prev) {
        return true;
    }
    if at.after_label && is_title_case(prev) && sentence_case(next) {
        return true;
    }
    names_over_date(next, at.after_next)
}

/// Whether a line ends with a count in brackets ("Week 12 power rankings
/// (133)"): a row of a list of stories with their comment counts, whole.
fn counted_row(line: &str) -> bool {
    line.split_whitespace().last().is_some_and(|w| {
        w.strip_prefix('(')
            .and_then(|w| w.strip_suffix(')'))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// Whether `next` is one to three capitalised words without digits or end
/// punctuation ("LinkNaija", "Ann Lee") and the line under it is a date line.
fn names_over_date(next: &str, after_next: Option<&str>) -> bool {
    let words = next.split_whitespace().count();
    if !(1..=3).contains(&words)
        || ends_terminal(next)
        || next.chars().any(|c| c.is_ascii_digit())
        || !next.split_whitespace().all(super::text::is_capitalised)
    {
        return false;
    }
    after_next.is_some_and(|l| {
        let words = super::text::line_words(l);
        words <= 10 && super::meta::date_line_counted(l, words)
    })
}

/// Sentence case: at least three words of four or more letters after the first,
/// most of them in lowercase (the opposite of [`is_title_case`]).
fn sentence_case(s: &str) -> bool {
    let (long, lower) = s
        .split_whitespace()
        .skip(1)
        .map(super::text::trim_punct)
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .fold((0usize, 0usize), |(n, l), w| {
            (n + 1, l + usize::from(w.starts_with(char::is_lowercase)))
        });
    long >= 3 && lower * 3 >= long * 2
}

/// Whether `prev`, a line right under a menu or a section label, ends a whole
/// phrase and `next` starts another: a headline over its byline or its dek
/// ("…to crash game servers" over "Two-year-old bug exposes…"). A headline that
/// fills the wrap width looks forced onto the next line, but a wrapped sentence
/// does not break before a capital after a plain lowercase word: it breaks
/// after a function word ("of", "de", "und"), a comma, a possessive or inside
/// a name ("Alexei" + "Navalny"). A paragraph's first line, after a blank line,
/// is never read this way ("…, WeWork chairman" + "Marcelo Claure said").
fn headline_under_labels(prev: &str, next: &str) -> bool {
    if !next
        .chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase)
    {
        return false;
    }
    let Some(last) = prev.split_whitespace().last() else {
        return false;
    };
    if last.ends_with([',', ';', ':', '-', '–', '—', '('])
        || last.ends_with("'s")
        || last.ends_with("’s")
    {
        return false;
    }
    last.chars().next().is_some_and(char::is_lowercase) && !is_function_word(last)
}

/// Rule `date_under_phrase`: a short date line ("February 15, 2018",
/// "Reuters November 18, 2019 11:03 PM") under a line that ends a whole
/// phrase is the timestamp under a headline, not the rest of a sentence: a
/// sentence wrapped before its date breaks after a function word or a comma
/// ("… announced on" + "May 2, 2024 that …"), or ends on the date with its
/// full stop.
fn date_under_phrase(prev: &str, next: &str) -> bool {
    if ends_terminal(prev) || ends_terminal(next) {
        return false;
    }
    let Some(last) = prev.split_whitespace().last() else {
        return false;
    };
    if last.ends_with([',', ';', ':', '-', '–', '—', '(']) || is_function_word(last) {
        return false;
    }
    let words = super::text::line_words(next);
    words <= 8 && super::meta::date_line_counted(next, words)
}

/// Whether a line is a short, unfinished credit in lowercase ("by Jane Doe —
/// May 2, 2024"): a sentence broken before "by" goes on across the whole next
/// line or ends there with its full stop.
fn short_credit(next: &str, width: usize) -> bool {
    next.strip_prefix("by ").is_some_and(|rest| {
        rest.starts_with(char::is_uppercase)
            && next.chars().count() * 10 < width * 6
            && !ends_terminal(next)
    })
}

/// Whether `next` opens with two words in capitals ("PUBLISHED TUE, NOV 19",
/// "UPDATED 2 HOURS AGO"), or is one such word, under a line that is not in capitals: a label set in
/// another type, not the rest of the line above (a wrapped sentence goes on in
/// its own case; one capitalised acronym, "US officials", still continues).
fn caps_label(prev: &str, next: &str) -> bool {
    if is_all_caps(prev) {
        return false;
    }
    let mut words = next.split_whitespace();
    // Capitals, not letters without case (CJK): every letter uppercase, two at least.
    let caps_word = |w: Option<&str>| {
        w.is_some_and(|w| {
            let mut letters = w.chars().filter(|c| c.is_alphabetic());
            letters.clone().count() >= 2 && letters.all(char::is_uppercase)
        })
    };
    let first = words.next();
    let second = words.next();
    if second.is_none() {
        // A word alone in capitals ("NEWSLETTERS") is a label too; an acronym
        // ending a wrapped sentence ends it ("… joined NATO.").
        return first.is_some_and(|w| {
            w.chars().filter(|c| c.is_alphabetic()).count() >= 4
                && caps_word(Some(w))
                && !ends_terminal(w)
        });
    }
    caps_word(first) && caps_word(second)
}

/// The text of a bullet line without its marker ("• Point" → "Point"), or `None`.
/// Markers: `•`, `·`, `▪`, `*`, `-`, `–`, each followed by a space.
pub fn bullet_text(line: &str) -> Option<&str> {
    let t = line.trim_start();
    let mut chars = t.chars();
    let marker = chars.next()?;
    if !matches!(marker, '•' | '·' | '▪' | '*' | '-' | '–' | '●' | '◦') {
        return None;
    }
    let rest = chars.as_str();
    if !rest.starts_with(' ') {
        return None;
    }
    let rest = rest.trim();
    (rest.chars().filter(|c| c.is_alphabetic()).count() >= 2).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_cut_as_the_standard_library_cuts_them() {
        for text in [
            "",
            "\n",
            "\n\n",
            "one",
            "one\n",
            "one\ntwo",
            "one\r\ntwo\r\n",
            "one\r",
            "a\rb\n\r\n\rc\r",
            "é\n日本\n\nend\n",
        ] {
            assert_eq!(
                lines(text).collect::<Vec<_>>(),
                text.lines().collect::<Vec<_>>(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_label_in_capitals_does_not_continue_the_line_above() {
        let headline = "Shares of a battery maker more than doubled after a carmaker signed a deal";
        assert!(caps_label(headline, "PUBLISHED WED, MAR 6 2024"));
        assert!(caps_label(headline, "LIVE UPDATES as the market opens"));
        // One acronym opening a wrapped sentence's next line is the sentence going on.
        assert!(!caps_label(headline, "US officials said on Monday"));
        // A line in capitals goes on in capitals.
        assert!(!caps_label(
            "THE MARKETS CLOSED HIGHER AS",
            "OIL PRICES FELL"
        ));
        // Letters without case are not capitals.
        assert!(!caps_label(headline, "出国 前后 关注点"));
        // A word alone in capitals is a label; an acronym ending a sentence is not.
        assert!(caps_label(headline, "ANALYSIS"));
        assert!(!caps_label(headline, "NATO."));
        assert!(!caps_label(headline, "US"));
    }

    #[test]
    fn a_whole_phrase_under_a_menu_ends_before_a_capital() {
        assert!(headline_under_labels(
            "exploit makes it easy to crash servers",
            "Two-year-old bug"
        ));
        // A wrapped sentence breaks before a capital after a function word, a
        // comma, a possessive or a name.
        assert!(!headline_under_labels(
            "a report by the office of",
            "Ann Lee"
        ));
        assert!(!headline_under_labels("un informe de la oficina de", "Ana"));
        assert!(!headline_under_labels(
            "the closing seconds of last week’s",
            "Browns game"
        ));
        assert!(!headline_under_labels("said the minister,", "Ann Lee"));
        assert!(!headline_under_labels(
            "opposition figure Alexei",
            "Navalny said"
        ));
        assert!(!headline_under_labels("crash game servers", "and more"));
    }

    #[test]
    fn credits_counts_and_repeats_do_not_continue_a_wrapped_line() {
        let headline = "Five companies join the lunar lander programme of the space agency";
        let at = Place {
            indented: false,
            width: 72,
            paragraph_shaped: true,
            after_label: false,
            after_next: None,
        };
        assert!(!reflow_hard_wrap(
            headline,
            66,
            "by Jane Doe — May 2, 2024",
            &at
        ));
        assert!(!reflow_hard_wrap(
            "Is the bar really selling air?",
            70,
            "6366",
            &at
        ));
        assert!(!reflow_hard_wrap(headline, 66, headline, &at));
        // A sentence broken before "by" goes on.
        assert!(reflow_hard_wrap(
            "the bridge across the river was closed on Monday after it was struck",
            70,
            "by Storm Ciarán, the council said.",
            &at
        ));
    }

    #[test]
    fn a_row_with_a_count_in_brackets_is_whole() {
        assert!(counted_row("Week 12 power rankings (133)"));
        assert!(!counted_row("the index of the year (2019a)"));
        assert!(!counted_row("a figure in brackets ()"));
        assert!(!counted_row("Week 12 power rankings"));
    }

    #[test]
    fn blank_lines_separate_blocks() {
        let u = units("One\nTwo\n\nThree");
        assert_eq!(u.len(), 3);
        assert_eq!(u[0].block, u[1].block);
        assert_ne!(u[1].block, u[2].block);
    }

    #[test]
    fn drop_cap_letter_is_joined_back() {
        let u = units("H\nong Kong is burning.");
        assert_eq!(u.len(), 1);
        assert_eq!(u[0].text, "Hong Kong is burning.");
        assert_eq!(units("I\nt was late.")[0].text, "It was late.");
        assert_eq!(units("I\nwas late.")[0].text, "I was late.");
        assert_eq!(units("A\ndam Smith spoke.")[0].text, "Adam Smith spoke.");
        // A section letter over a capitalised line stays apart.
        assert_eq!(units("B\nBerlin news").len(), 2);
    }

    #[test]
    fn broken_url_is_rejoined() {
        let u = units(
            "https://www.example.com/2021/02/04/some-long-story-title-with-r\nussia-a72838\n",
        );
        assert_eq!(u.len(), 1);
        assert_eq!(
            u[0].text,
            "https://www.example.com/2021/02/04/some-long-story-title-with-russia-a72838"
        );
    }

    #[test]
    fn bullets_are_recognised() {
        assert_eq!(bullet_text("  • A point here."), Some("A point here."));
        assert_eq!(bullet_text("- item one"), Some("item one"));
        assert_eq!(bullet_text("-5 degrees"), None);
    }

    #[test]
    fn runs_of_blank_lines_cut_blocks_as_one_blank_line_does() {
        let one = units("Head\n\nFirst para.\nmore\n\nSecond.");
        let many = units("Head\n\n \n\t\n\n\nFirst para.\nmore\n\n\n\n  \nSecond.\n\n\n");
        let shape = |u: &[Unit]| {
            u.iter()
                .map(|u| (u.text.to_string(), u.block))
                .collect::<Vec<_>>()
        };
        assert_eq!(shape(&many), shape(&one));
        assert_eq!(shape(&one).last().map(|(_, b)| *b), Some(2));
    }
}
