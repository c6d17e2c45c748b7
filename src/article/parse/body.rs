//! Rules applied inside the story: short lines (subheads, link lists, labels) and
//! the author's bio box that closes it.

use crate::article::model::Article;

use super::text::{ends_terminal, is_all_caps, is_title_case};
use super::{Kind, Line, blocks};

/// Rule `author_bio`: after the story comes the author's box: a line that starts
/// with the byline's name ("Jane Doe covers the White House.", "About Jane Doe",
/// "Jane Doe") three or more paragraphs in ends the story.
pub(crate) fn author_bio_cut(article: &mut Article, subheads: &mut Vec<usize>) {
    let Some(byline) = &article.byline else {
        return;
    };
    let first = byline
        .split(" and ")
        .next()
        .and_then(|b| b.split(',').next())
        .unwrap_or("")
        .trim();
    if first.split_whitespace().count() < 2 {
        return;
    }
    let about = format!("About {first}");
    let cut = article
        .body
        .iter()
        .enumerate()
        .skip(3)
        .find(|(_, p)| p.starts_with(first) || p.starts_with(&about))
        .map(|(i, _)| i);
    if let Some(k) = cut {
        article.body.truncate(k);
        subheads.retain(|&s| s < k);
        article.list_items.retain(|&s| s < k);
    }
}

/// How "About …" opens a heading in the languages of the pages people save,
/// longest first where one is a prefix of another.
const ABOUT: &[&str] = &[
    "about ",
    "über ",
    "sobre ",
    "acerca de ",
    "à propos de ",
    "à propos d'",
    "a propos de ",
    "informazioni su ",
    "chi è ",
    "over ",
    "om ",
    "o autorze",
    "об авторе",
    "о компании",
];

/// What may follow "About" in [`about_heading`] besides a name.
const AUTHOR_OR_US: &[&str] = &[
    "the author",
    "the authors",
    "us",
    "die autorin",
    "den autor",
    "der autor",
    "el autor",
    "la autora",
    "o autor",
    "l'auteur",
    "l’auteur",
    "l'autore",
    "l’autore",
];

/// Rule `about_box` (see `region::comments_boundary`): a heading of two to
/// six words that opens with "About" (in several languages) and goes on with
/// a capitalised name or "the author"/"us" ("About Jane Doe", "Über Moritz
/// Bachmann", "Sobre Carlos Nadalim", "About the author"): the box about the
/// writer or the publisher, which follows the story.
pub(crate) fn about_heading(text: &str) -> bool {
    let t = text.trim();
    let words = t.split_whitespace().count();
    if !(2..=6).contains(&words) || ends_terminal(t) {
        return false;
    }
    let lower = t.to_lowercase();
    let Some(lead) = ABOUT.iter().find(|a| lower.starts_with(**a)) else {
        return false;
    };
    let rest: String = t.chars().skip(lead.chars().count()).collect();
    let rest = rest.trim();
    let rest_lower = rest.to_lowercase();
    rest.is_empty()
        || AUTHOR_OR_US.iter().any(|w| rest_lower == *w)
        || rest
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// How a company's standard paragraph goes on after its name, in the
/// languages press releases are written in: "is a", "ist ein", "est un".
/// The longer of two verbs starting alike comes first, as the first listed
/// is taken.
const SELF_DESCRIPTION_VERBS: &[&str] = &[
    "is part of ",
    "is a part of ",
    "is a division of ",
    "is a subsidiary of ",
    "is a ",
    "is an ",
    "is the ",
    "is one of the ",
    "ist ein ",
    "ist eine ",
    "ist der ",
    "ist die ",
    "est un ",
    "est une ",
    "est le ",
    "est la ",
    "es un ",
    "es una ",
    "es el ",
    "es la ",
    "é um ",
    "é uma ",
    "è un ",
    "è una ",
    "is een ",
];

/// Whether `verb`, one of [`SELF_DESCRIPTION_VERBS`], is one by which a site
/// names the group it belongs to ("Acme News is part of Acme Media Inc, an
/// international media group"): those end in "of" (only they do). A story
/// says "Ukraine is part of the deal" too, so these need a company's legal
/// form or "media" in the words after them ([`GROUP_WORDS`]).
fn names_its_group(verb: &str) -> bool {
    verb.ends_with(" of ")
}

/// What follows a [`names_its_group`] verb in a company's paragraph.
const GROUP_WORDS: &[&str] = &["inc", "ltd", "llc", "plc", "gmbh", "media"];

/// Words a company's standard paragraph uses of itself soon after that verb
/// ("a global provider", "ein führender Hersteller", "un leader mondial"),
/// lowercased and cut to a stem where languages inflect them.
const SELF_DESCRIPTION_WORDS: &[&str] = &[
    "leading",
    "global",
    "worldwide",
    "provider",
    "manufacturer",
    "supplier",
    "developer",
    "company",
    "network of",
    "resource",
    "führend",
    "anbieter",
    "hersteller",
    "unternehmen",
    "leader",
    "fournisseur",
    "fabricant",
    "société",
    "líder",
    "proveedor",
    "fabricante",
    "empresa",
    "fornecedor",
    "fornitore",
    "azienda",
    "aanbieder",
    "fabrikant",
    "bedrijf",
];

/// Rule `company_boilerplate` (see `region::comments_boundary`): the
/// standard paragraph a press release or a site's footer closes with, which
/// opens with the company's name and says what it is ("Acme is a global
/// provider of …", "Acme AG ist ein führender Hersteller …"): the story ends
/// above it. The name is one to five capitalised words, perhaps with a
/// ticker in brackets ("Acme (NYSE: ACM) is …"); a sentence opening with a
/// function word ("But Acme is …") is the story's own.
pub(crate) fn company_boilerplate(text: &str) -> bool {
    const MAX_NAME_WORDS: usize = 5;
    const DESCRIPTION_WINDOW: usize = 6;
    // Name, ticker, verb and description fit in the paragraph's head, which
    // is all that is read of each paragraph in the story.
    const HEAD_BYTES: usize = 240;
    if !text.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let mut head_len = text.len().min(HEAD_BYTES);
    while !text.is_char_boundary(head_len) {
        head_len -= 1;
    }
    let text = &text[..head_len];
    if text.is_ascii() && !may_open_with_name(text) {
        return false;
    }
    let lower = text.to_lowercase();
    let Some((at, verb)) = first_verb(&lower) else {
        return false;
    };
    let Some(name) = text.get(..at) else {
        return false;
    };
    // A ticker or a legal note in brackets may follow the name.
    let name = match (name.find('('), name.trim_end().strip_suffix(')')) {
        (Some(open), Some(_)) => &name[..open],
        _ => name,
    };
    let name = name.trim_end().trim_end_matches(',');
    let words: Vec<&str> = name.split_whitespace().collect();
    let named = !words.is_empty()
        && words.len() <= MAX_NAME_WORDS
        && !super::text::is_function_word(words[0])
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '&')
        });
    if !named {
        return false;
    }
    let after = &lower[at + verb.len()..];
    let window: String = after
        .split_whitespace()
        .take(DESCRIPTION_WINDOW)
        .collect::<Vec<_>>()
        .join(" ");
    if names_its_group(verb) {
        return window
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| GROUP_WORDS.contains(&w));
    }
    SELF_DESCRIPTION_WORDS.iter().any(|w| window.contains(w))
}

/// A quick test for [`company_boilerplate`] on an ASCII paragraph head:
/// whether a verb starts no later than the first word that cannot be part
/// of a name (one not opening with a capital, a digit or "&"). A verb
/// further on leaves that word in the name, which then is none; only a
/// bracket before it (a ticker, cut from the name) makes the test give up.
/// Most paragraphs go on in lowercase by their second or third word.
fn may_open_with_name(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut plain = bytes.len();
    let mut word_start = true;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'(' {
            return true;
        }
        // `char::is_whitespace` for ASCII, as `split_whitespace` splits.
        let space = b == b' ' || (b'\t'..=b'\r').contains(&b);
        if word_start && !space {
            if !(b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'&') {
                plain = i;
                break;
            }
            word_start = false;
        }
        if space {
            word_start = true;
        }
    }
    // A verb starting there ends within the next `LONGEST_VERB` bytes.
    let mut head = [0u8; 256];
    let end = (plain + LONGEST_VERB).min(bytes.len()).min(head.len());
    head[..end].copy_from_slice(&bytes[..end]);
    head[..end].make_ascii_lowercase();
    std::str::from_utf8(&head[..end])
        .ok()
        .and_then(first_verb)
        .is_some_and(|(at, _)| at <= plain)
}

/// The length in bytes of the longest of [`SELF_DESCRIPTION_VERBS`].
const LONGEST_VERB: usize = 20;

/// The first of [`SELF_DESCRIPTION_VERBS`] in `lower` (the first listed of
/// those starting at the same place): where it starts, and which. Every
/// verb opens with "is", "es", "é" or "è" (the last two start with the byte
/// 0xC3), so only the places of an "s" after an "i" or "e", and of a 0xC3,
/// are compared, rather than the text searched once for each verb.
fn first_verb(lower: &str) -> Option<(usize, &'static str)> {
    let bytes = lower.as_bytes();
    let starts = memchr::memchr2_iter(b's', 0xC3, bytes).filter_map(|at| match bytes[at] {
        b's' => at
            .checked_sub(1)
            .filter(|&before| matches!(bytes[before], b'i' | b'e')),
        _ => Some(at),
    });
    for at in starts {
        if let Some(verb) = SELF_DESCRIPTION_VERBS
            .iter()
            .find(|v| bytes[at..].starts_with(v.as_bytes()))
        {
            return Some((at, verb));
        }
    }
    None
}

/// Rule `teaser_card`: a card for another story inside the page, which a
/// browser's text shows as its title said two or three times over (the
/// card's image alt, link and heading: "How to save How to save How to
/// save") or as a cut-off summary ending with "… Read more".
pub(crate) fn teaser_card(text: &str) -> bool {
    // Every line of the story comes here, so each test runs only where the
    // cheaper ones before it let it: the first word must come again before the
    // words are counted, and the words are compared only when their count
    // allows an echo, without listing them (each chunk equals the first when
    // every word equals the one a chunk before it, and the first difference
    // ends the comparison). The text is looked at for "read more" only when
    // it holds an ellipsis, and lowercased only when it holds both (which its
    // lowercased form then holds too, see `text::lower_contains`).
    let echoed = first_word_again(text) && last_word_earlier(text) && {
        let n = super::text::word_count(text);
        n >= 6
            && (2..=3).any(|times| {
                n.is_multiple_of(times)
                    && n / times >= 3
                    && text
                        .split_whitespace()
                        .skip(n / times)
                        .zip(text.split_whitespace())
                        .all(|(later, earlier)| later == earlier)
            })
    };
    if echoed {
        return true;
    }
    if !has_ellipsis(text) || !super::text::lower_contains(text, "read more") {
        return false;
    }
    let lower = text.trim_end().to_lowercase();
    let lower = lower.trim_end_matches(|c: char| !c.is_alphanumeric());
    lower.ends_with("read more") && (lower.contains('…') || lower.contains("..."))
}

/// Whether the line reads as a story card's headline glued to its summary
/// without a space: a Title-Case phrase of three or more words, then at once a
/// capital starting a sentence of eight or more words that ends like one
/// ("Police: 2 In Custody After Death Of Student-AthleteA 24-year-old woman
/// …"). A single line of this shape may be a camel-case name inside prose;
/// [`super::mark_glued_teasers`] asks for several on the page.
pub(crate) fn glued_teaser(text: &str) -> bool {
    const MIN_HEADLINE_WORDS: usize = 3;
    const MIN_SUMMARY_WORDS: usize = 8;
    let bytes = text.as_bytes();
    let glue = |i: usize| {
        let (a, b) = (bytes[i], bytes[i + 1]);
        (a.is_ascii_lowercase() || a.is_ascii_digit() || a == b')') && b.is_ascii_uppercase()
    };
    let title_case = |w: &str| {
        w.chars()
            .next()
            .is_some_and(|c| !c.is_alphabetic() || c.is_uppercase())
            || super::text::is_function_word(w)
    };
    // A camel-case name in the headline ("YouTube") glues too: look on to the
    // next joint while the words before it are still a Title-Case headline.
    // A joint is found from its capital: most lines have few.
    let joints = super::text::ascii_uppercase_positions(bytes)
        .filter_map(|j| j.checked_sub(1))
        .filter(|&i| glue(i));
    for at in joints {
        let (headline, summary) = text.split_at(at + 1);
        if !headline.split_whitespace().all(title_case) {
            return false;
        }
        if headline.split_whitespace().count() >= MIN_HEADLINE_WORDS
            && super::text::word_count(summary) >= MIN_SUMMARY_WORDS
            && (super::text::ends_terminal(summary) || has_ellipsis(summary))
        {
            return true;
        }
    }
    false
}

/// Whether the text holds "…" or "...", which its lowercased form must hold
/// for a cut-off summary (lowercasing makes neither from other characters:
/// only U+0130 and U+212A lowercase to anything with ASCII in it, and no
/// character but "…" itself lowercases to "…"). "…" is the only character
/// whose UTF-8 starts 0xE2 0x80 0xA6; 0xE2 is rare in most text, and "..."
/// is searched for whole (a byte search for "." would stop at every
/// sentence).
fn has_ellipsis(text: &str) -> bool {
    static DOTS: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("..."));
    let bytes = text.as_bytes();
    memchr::memchr_iter(0xE2, bytes).any(|at| bytes[at..].starts_with("…".as_bytes()))
        || DOTS.find(bytes).is_some()
}

/// Whether the text's first word occurs again at the start of a later word,
/// which an echoed title needs (its second copy starts with that word): one
/// substring search rules out almost every line before its words are compared.
fn first_word_again(text: &str) -> bool {
    let t = text.trim_start();
    let first_len = t.find(char::is_whitespace).unwrap_or(t.len());
    let (first, rest) = t.split_at(first_len);
    let Some(&lead) = first.as_bytes().first() else {
        return false;
    };
    // Each place the first word's first byte comes again (a capital, mostly,
    // so a few places a line) is compared; building a substring searcher for
    // every line cost more. `lead` is ASCII or starts a character, so every
    // place found is a character boundary.
    let bytes = rest.as_bytes();
    memchr::memchr_iter(lead, bytes).any(|at| {
        bytes[at..].starts_with(first.as_bytes())
            && rest
                .get(..at)
                .and_then(|before| before.chars().next_back())
                .is_some_and(char::is_whitespace)
    })
}

/// Whether the text's last word occurs as a whole word before it, which an
/// echoed title needs too (the last word ends each copy): a paragraph whose
/// first word comes again ("The") is ruled out here, before its words are
/// listed and compared.
fn last_word_earlier(text: &str) -> bool {
    let t = text.trim();
    let Some(space) = t.rfind(char::is_whitespace) else {
        return false;
    };
    // The last word starts after that whitespace character.
    let start = space + t[space..].chars().next().map_or(1, char::len_utf8);
    let (head, last) = t.split_at(start);
    let Some(&lead) = last.as_bytes().first() else {
        return false;
    };
    // `lead` is ASCII or starts a character: every place found is a
    // character boundary, and so is the end of a copy of `last` there.
    let bytes = head.as_bytes();
    memchr::memchr_iter(lead, bytes).any(|at| {
        bytes[at..].starts_with(last.as_bytes())
            && head[..at]
                .chars()
                .next_back()
                .is_none_or(char::is_whitespace)
            && head[at + last.len()..]
                .chars()
                .next()
                .is_some_and(char::is_whitespace)
    })
}

/// Rule `embedded_post`: the signature a quoted social post ends with
/// ("— Jane Doe (@janedoe) November 18, 2019"): the post's author and
/// date, kept with the post's text above it as the story quotes them.
pub(crate) fn post_signature(text: &str) -> bool {
    let t = text.trim_start();
    let Some(rest) = t.strip_prefix(['—', '–']).or_else(|| t.strip_prefix("- ")) else {
        return false;
    };
    let Some(at) = rest.find("(@") else {
        return false;
    };
    let after = &rest[at..];
    after.contains(')')
        && after.chars().any(|c| c.is_ascii_digit())
        && rest.split_whitespace().count() <= 14
}

/// Whether line `i` is a quoted post or its signature (see [`post_signature`]).
pub(crate) fn in_embedded_post(lines: &[Line], i: usize) -> bool {
    lines[i].kind == Kind::Text
        && (post_signature(&lines[i].text)
            || lines
                .get(i + 1)
                .is_some_and(|o| o.kind == Kind::Text && post_signature(&o.text)))
}

/// What to do with a short non-sentence line inside the body.
pub(crate) enum Short {
    Keep,
    /// Story text that is not a subhead (a quoted post).
    Text,
    Drop,
    Related,
    /// An item of a list in the story (see [`list_role`]).
    ListItem,
}

/// How a line of the story belongs to a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ListRole {
    /// One item of a list, shown as such.
    Item,
    /// A numbered line with story between it and the next number: it heads a
    /// section ("2. Never urged Ukraine to investigate").
    Heading,
}

/// Lines looked at on either side of a line for the rest of its list.
const LIST_REACH: usize = 40;

/// The number opening a numbered line ("2. Never urged…", "10) Blade Runner")
/// and the text after it.
pub(crate) fn item_number(text: &str) -> Option<(u32, &str)> {
    let t = text.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let rest = t[digits..].strip_prefix(['.', ')'])?;
    let rest = rest.strip_prefix([' ', '\u{a0}'])?.trim_start();
    let first = rest.chars().next()?;
    if !(first.is_alphabetic() || matches!(first, '"' | '“' | '‘' | '\'' | '«' | '¿' | '¡'))
    {
        return None;
    }
    Some((t[..digits].parse().ok()?, rest))
}

/// Rules for lists inside the story, which the page shows as lists (and a
/// browser's text as one short line per item, markers gone for bullets):
/// * `bullet_item`: a line with a bullet marker ("• ", "- ").
/// * `numbered_run`: a line numbered "N." or "N)" with the number before or
///   after it on the next line; with more between them (within reach) the
///   numbers head sections.
/// * `introduced_list`: the lines of a block that follows a lead-in ending
///   with a colon ("The problems we heard most:"), when most of them are
///   short: what a bulleted list looks like once its bullets are gone.
pub(crate) fn list_role(lines: &[Line], i: usize) -> Option<ListRole> {
    let l = &lines[i];
    if l.kind != Kind::Text {
        return None;
    }
    if blocks::bullet_text(&l.text).is_some() {
        return Some(ListRole::Item);
    }
    if let Some((n, _)) = item_number(&l.text) {
        let numbered = |j: usize| {
            let o = &lines[j];
            o.kind == Kind::Text
                && item_number(&o.text).is_some_and(|(m, _)| m + 1 == n || m == n + 1)
        };
        let before = (i.saturating_sub(LIST_REACH)..i)
            .rev()
            .find(|&j| numbered(j));
        let after = (i + 1..(i + LIST_REACH).min(lines.len())).find(|&j| numbered(j));
        let gap = before
            .map(|j| i - j)
            .into_iter()
            .chain(after.map(|j| j - i))
            .min();
        // Rule `item_links`: a link line under each item ("3) Blade Runner" over
        // "http://…") still makes the numbers one list.
        let linked = |j: usize| (i.min(j) + 1..i.max(j)).all(|k| link_of_item(lines, k));
        let linked_gap = before
            .filter(|&j| i - j == 2 && linked(j))
            .or(after.filter(|&j| j - i == 2 && linked(j)))
            .is_some();
        return match gap {
            Some(1) => Some(ListRole::Item),
            Some(2) if linked_gap => Some(ListRole::Item),
            Some(_) => Some(ListRole::Heading),
            None => None,
        };
    }
    (introduced_list(lines, i) || parallel_run(lines, i)).then_some(ListRole::Item)
}

/// The mark that splits a "label: value" line ("Wales (Group E): Second
/// appearance", "Nov 12 – Boston – TD Garden"): the first of `:`, `(`, `–`,
/// `—`, `|`, with text on both sides.
fn mid_mark(text: &str) -> Option<char> {
    let t = text.trim();
    let (at, mark) = t
        .char_indices()
        .find(|(_, c)| matches!(c, ':' | '(' | '–' | '—' | '|'))?;
    (at > 0 && at + mark.len_utf8() < t.len()).then_some(mark)
}

/// Whether line `j` can be one row of a [`parallel_run`] split by `mark`.
fn parallel_row(lines: &[Line], j: usize, mark: char) -> bool {
    let o = &lines[j];
    o.kind == Kind::Text
        && !o.sentence
        && (2..=20).contains(&o.words)
        && mid_mark(&o.text) == Some(mark)
}

/// Rule `parallel_run`: three or more lines in a row, each split by the same
/// mark into a label and its value ("England (Group A): 10th appearance",
/// "Nov 12 – Boston – TD Garden"), right under story prose (a subhead may sit
/// between), are a list or table in the story whose markers a browser's text
/// lost. Menus have no such marks; a list of other stories' headlines is not
/// under the story's prose.
fn parallel_run(lines: &[Line], i: usize) -> bool {
    let l = &lines[i];
    if l.sentence || !(2..=20).contains(&l.words) {
        return false;
    }
    let Some(mark) = mid_mark(&l.text) else {
        return false;
    };
    let mut first = i;
    while first > 0 && i - first < LIST_REACH && parallel_row(lines, first - 1, mark) {
        first -= 1;
    }
    let mut last = i;
    while last + 1 < lines.len() && last - i < LIST_REACH && parallel_row(lines, last + 1, mark) {
        last += 1;
    }
    if last - first < 2 {
        return false;
    }
    let prose = |j: usize| lines[j].kind == Kind::Text && (lines[j].sentence || lead_in(&lines[j]));
    let subhead = |j: usize| {
        let o = &lines[j];
        o.kind == Kind::Text && !o.sentence && o.words <= 8 && !ends_terminal(&o.text)
    };
    match first.checked_sub(1) {
        Some(j) if prose(j) => true,
        Some(j) if subhead(j) => j.checked_sub(1).is_some_and(prose),
        _ => false,
    }
}

/// A lead-in to a list: a line of four or more words ending with a colon
/// ("The problems we heard most:").
fn lead_in(o: &Line) -> bool {
    o.kind == Kind::Text && o.words >= 4 && o.text.trim_end().ends_with(':')
}

/// Whether line `i` is a bare link right under an item of a numbered list:
/// the item's own link, kept with it rather than dropped as a stray URL.
pub(crate) fn item_link(lines: &[Line], i: usize) -> bool {
    link_of_item(lines, i) && list_role(lines, i - 1) == Some(ListRole::Item)
}

/// The shape [`item_link`] asks for, without asking whether the line above
/// is in a list (which [`list_role`] decides from this).
fn link_of_item(lines: &[Line], i: usize) -> bool {
    lines[i].kind == Kind::Url
        && i > 0
        && lines[i - 1].kind == Kind::Text
        && item_number(&lines[i - 1].text).is_some()
        && lines.get(i + 1).is_none_or(|o| {
            o.kind != Kind::Text || item_number(&o.text).is_some() || o.block != lines[i].block
        })
}

/// Rule `introduced_list` (see [`list_role`]).
fn introduced_list(lines: &[Line], i: usize) -> bool {
    let l = &lines[i];
    if l.words > 60 {
        return false;
    }
    // The first line of the block, within reach.
    let mut first = i;
    while first > 0 && lines[first - 1].block == l.block {
        if i - first >= LIST_REACH || lines[first - 1].kind != Kind::Text {
            return false;
        }
        first -= 1;
    }
    let lead_in = |j: usize| lead_in(&lines[j]);
    // The lead-in opens the block, or ends the block before it.
    let items_from = if first < i && lead_in(first) {
        first + 1
    } else if first > 0 && lead_in(first - 1) {
        first
    } else {
        return false;
    };
    let mut items = 0usize;
    let mut long = 0usize;
    for o in lines[items_from..]
        .iter()
        .take(LIST_REACH)
        .take_while(|o| o.block == l.block)
    {
        if o.kind != Kind::Text {
            return false;
        }
        items += 1;
        if o.words > 30 {
            long += 1;
        }
    }
    items >= 2 && long * 3 <= items
}

/// Rules for short lines inside the story:
/// * `list_run`: two or more short non-sentence lines in a row in one block are a
///   list of links (related stories, tags), not subheads.
/// * `credit_under_caption`: a short line right under a caption is its credit.
/// * `single_word`: a lone word without punctuation is a label ("Video", "Claim").
/// * `shouted_promo` / `headline_case_link`: an ALL-CAPS line of six or more words,
///   or a Title-Case headline, inside the story links to another story.
/// * otherwise the line is a subhead and kept.
pub(crate) fn in_body_short_line(lines: &[Line], i: usize) -> Short {
    let l = &lines[i];
    if in_embedded_post(lines, i) {
        return Short::Text;
    }
    match list_role(lines, i) {
        Some(ListRole::Item) => return Short::ListItem,
        Some(ListRole::Heading) => return Short::Keep,
        None => {}
    }
    // Rule `list_heading`: a short line right above a list in the story that
    // has no lead-in of its own ("Tour dates") heads it.
    if l.words <= 8
        && !ends_terminal(&l.text)
        && lines.get(i + 1).is_some_and(|_| parallel_run(lines, i + 1))
    {
        return Short::Keep;
    }
    // Neighbours in the same block of any non-prose kind, or across a blank line
    // other short text lines, make this line one entry of a list.
    let shortish = |j: usize| {
        lines.get(j).is_some_and(|o| {
            !o.sentence
                && o.words <= 20
                && o.kind != Kind::Caption
                && (o.block == l.block || (o.kind == Kind::Text && !ends_terminal(&o.text)))
        })
    };
    if (i > 0 && shortish(i - 1)) || shortish(i + 1) {
        return Short::Drop;
    }
    if i > 0 && lines[i - 1].block == l.block && matches!(lines[i - 1].kind, Kind::Caption) {
        return Short::Drop;
    }
    if l.words <= 1 && !ends_terminal(&l.text) {
        return Short::Drop;
    }
    if (is_all_caps(&l.text) && l.words >= 6)
        || (is_title_case(&l.text) && l.words >= 4 && !ends_terminal(&l.text))
    {
        return Short::Related;
    }
    Short::Keep
}

#[cfg(test)]
mod tests {
    use super::glued_teaser;

    #[test]
    fn echoed_titles_are_found_as_without_the_last_word_test() {
        // `teaser_card`'s echo test as it was written, without
        // `last_word_earlier` before the words are compared.
        let echoed = |text: &str| {
            super::first_word_again(text) && {
                let n = super::super::text::word_count(text);
                n >= 6
                    && (2..=3).any(|times| {
                        n.is_multiple_of(times)
                            && n / times >= 3
                            && text
                                .split_whitespace()
                                .skip(n / times)
                                .zip(text.split_whitespace())
                                .all(|(later, earlier)| later == earlier)
                    })
            }
        };
        let mut lines = crate::article::parse::text::fixture_lines();
        for title in [
            "How to save",
            "Ünïcode café opens",
            "The cat, the hat",
            "日本 の 旅",
        ] {
            for sep in [" ", "  ", "\u{a0}", "\t", " \u{3000} "] {
                lines.push(format!("{title}{sep}{title}"));
                lines.push(format!("  {title}{sep}{title}{sep}{title} "));
                lines.push(format!("{title}{sep}{title}{sep}more"));
                lines.push(format!("{title}{sep}{title}s"));
            }
        }
        let mut found = 0;
        for line in &lines {
            let want = echoed(line);
            found += usize::from(want);
            let got =
                super::first_word_again(line) && super::last_word_earlier(line) && echoed(line);
            assert_eq!(got, want, "{line:?}");
        }
        assert!(found >= 20, "{found}");
    }

    #[test]
    fn a_card_headline_glued_to_its_summary_is_found() {
        assert!(glued_teaser(
            "Two Arrested After Break-In At Riverside Hardware StoreOfficers were called to \
             the store shortly after midnight and found a door forced open."
        ));
        // A camel-case name in the headline is looked past.
        assert!(glued_teaser(
            "YouTube Star Opens A Bakery In The Old Mill TownThe shop sold out of bread \
             within an hour of opening on its first Saturday morning."
        ));
    }

    #[test]
    fn prose_with_a_camel_case_name_is_no_card() {
        assert!(!glued_teaser(
            "Apple said the new AirPods would ship in two weeks, a month later than \
             analysts had expected."
        ));
        // A glued heading over a short label is no summary.
        assert!(!glued_teaser("Weather Today In DetroitMore Weather"));
    }
}

#[cfg(test)]
mod boilerplate_tests {
    use super::company_boilerplate;

    #[test]
    fn a_company_saying_what_it_is_closes_a_release() {
        assert!(company_boilerplate(
            "Acme Robotics (NASDAQ: ACME) is a leading provider of warehouse robots, \
             with offices in twelve countries."
        ));
        assert!(company_boilerplate(
            "Tessier SA est un fournisseur de pièces pour l'aéronautique basé à Toulouse."
        ));
    }

    #[test]
    fn a_site_naming_its_media_group_closes_the_page() {
        assert!(company_boilerplate(
            "Harbour Weekly is part of Tideline Media Inc, an international publisher. \
             Visit our corporate site."
        ));
        assert!(company_boilerplate(
            "Harbour Weekly is a subsidiary of Tideline Holdings Ltd."
        ));
        // A story's "is part of" names no company.
        assert!(!company_boilerplate(
            "Ukraine is part of the talks on the grain deal, officials said."
        ));
    }

    #[test]
    fn every_verb_fits_the_quick_test() {
        for v in super::SELF_DESCRIPTION_VERBS {
            assert!(v.len() <= super::LONGEST_VERB, "{v}");
        }
    }

    #[test]
    fn only_the_membership_verbs_name_a_group() {
        let group: Vec<&str> = super::SELF_DESCRIPTION_VERBS
            .iter()
            .copied()
            .filter(|v| super::names_its_group(v))
            .collect();
        assert_eq!(
            group,
            [
                "is part of ",
                "is a part of ",
                "is a division of ",
                "is a subsidiary of "
            ]
        );
    }

    #[test]
    fn the_story_speaking_of_a_company_is_no_boilerplate() {
        // Opens with a function word: the story's own sentence.
        assert!(!company_boilerplate(
            "But Instagram is one of the only major platforms to try hiding likes."
        ));
        // A name, but no word a company uses of itself.
        assert!(!company_boilerplate(
            "Acme is a name the town has known for a century, the mayor said."
        ));
        // Too long a subject to be a name.
        assert!(!company_boilerplate(
            "The Council Said On Friday That Acme Is A Leading Provider of trouble."
        ));
    }
}
