//! Photo captions and photo credits. Captions are kept (once each) in
//! `captions`; credits under photos are dropped.

use super::text::{
    content_words, ends_terminal, is_capitalised, lower_contains, month_number, trim_punct,
    word_count,
};

/// Whether a single line reads as a photo caption on its own.
pub fn is_caption(line: &str) -> bool {
    is_caption_lower(line, "")
}

/// [`is_caption`] given the lowercased line, or "" when it is not at hand.
pub fn is_caption_lower(line: &str, lower: &str) -> bool {
    file_photo_prefix(line)
        || file_photo_phrase(line, lower)
        || caption_label(line)
        || trailing_photo_credit(line)
        || place_date_ending(line)
}

/// Rule `file_photo_phrase`: a caption that says it shows a file photo.
/// Example: "This March 28, 2017, file photo, provided by the registry, shows …".
/// Matched on the line itself ([`lower_contains`]), or on `lower`, the
/// lowercased line, when given: a search built once finds the phrase there
/// faster than a search for its first letter in either case, which stops at
/// every "f" of the line (the two agree, see [`lower_contains`]).
fn file_photo_phrase(line: &str, lower: &str) -> bool {
    static FILE_PHOTO: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("file photo"));
    line.len() < 600
        && if lower.is_empty() {
            lower_contains(line, "file photo")
        } else {
            FILE_PHOTO.find(lower.as_bytes()).is_some()
        }
        && (lower_contains(line, ", file photo")
            || lower_contains(line, "file photo,")
            || lower_contains(line, "file photo provided"))
}

/// Rule `file_photo_prefix`: wire captions of archive photos.
/// Example: "FILE - Flags of NATO member countries are seen at the headquarters…".
fn file_photo_prefix(line: &str) -> bool {
    static FIRST: [bool; 256] = first_bytes(&FILE_PHOTO_PREFIXES);
    starts_with_any_ignore_case(line, &FILE_PHOTO_PREFIXES, &FIRST)
}

const FILE_PHOTO_PREFIXES: [&str; 5] = ["FILE -", "FILE –", "FILE —", "FILE PHOTO", "FILE:"];

/// Whether `line` starts with one of `prefixes`, ASCII case ignored.
/// `first` holds the prefixes' first bytes ([`first_bytes`]): a line's
/// first byte opens few of them, so nearly every line is ruled out by one
/// lookup, and the rest compare each prefix's first byte before the rest.
fn starts_with_any_ignore_case(line: &str, prefixes: &[&str], first: &[bool; 256]) -> bool {
    let Some(head) = line.as_bytes().first().map(u8::to_ascii_lowercase) else {
        return false;
    };
    first[usize::from(head)]
        && prefixes.iter().any(|p| {
            p.as_bytes().first().map(u8::to_ascii_lowercase) == Some(head)
                && starts_with_ignore_case(line, p)
        })
}

/// The first bytes of `prefixes`, ASCII-lowercased, as a set.
const fn first_bytes(prefixes: &[&str]) -> [bool; 256] {
    let mut set = [false; 256];
    let mut k = 0;
    while k < prefixes.len() {
        let bytes = prefixes[k].as_bytes();
        if !bytes.is_empty() {
            set[bytes[0].to_ascii_lowercase() as usize] = true;
        }
        k += 1;
    }
    set
}

/// ASCII-case-insensitive prefix test without allocating.
fn starts_with_ignore_case(line: &str, prefix: &str) -> bool {
    line.as_bytes()
        .get(..prefix.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// Rule `caption_label`: lines labelled as captions or images by the page.
/// Example: "Image caption Eva-Marie Persson said…", "Media captionWho is…", "Image: …",
/// "图为乘客在站台候车。".
fn caption_label(line: &str) -> bool {
    static FIRST: [bool; 256] = first_bytes(&CAPTION_LABELS);
    starts_with_any_ignore_case(line, &CAPTION_LABELS, &FIRST)
}

/// The labels of [`caption_label`].
const CAPTION_LABELS: [&str; 20] = [
    "image caption",
    "media caption",
    "caption:",
    "pictured:",
    "photo:",
    "image:",
    "(image",
    "photograph:",
    "picture:",
    "above:",
    "top photo:",
    "main image:",
    "video caption",
    // Chinese "the picture shows", Japanese "photo:", Korean "photo=".
    "图为",
    "圖為",
    "图：",
    "写真：",
    "写真は",
    "사진=",
    "사진 =",
];

/// A caption without the page's label ("Image caption The depot" → "The depot").
/// Wire prefixes such as "FILE -" are part of the caption and stay.
pub fn without_label(caption: &str) -> &str {
    for label in [
        "image caption",
        "media caption",
        "video caption",
        "caption:",
        "pictured:",
        "image:",
        "photo:",
        "picture:",
    ] {
        if starts_with_ignore_case(caption, label) {
            let rest = caption.get(label.len()..).unwrap_or(caption).trim_start();
            if !rest.is_empty() {
                return rest;
            }
        }
    }
    caption
}

/// Rule `trailing_photo_credit`: a caption that ends with the photographer or
/// agency credit in brackets or after "Credit:".
/// Example: "…during a briefing, October 31, 2019. (Joshua Roberts/Reuters)",
/// "…transport 100 tons to the moon. Credit: SpaceX",
/// "…could take people back to the Moon [SpaceX via Nasa]".
pub(crate) fn trailing_photo_credit(line: &str) -> bool {
    let t = line.trim_end();
    // The last 80 characters (found from the end, on a char boundary); when the
    // last 80 bytes are ASCII they are those characters. A wire credit naming a
    // press service runs to 70 ("(Jane Roe/ City Space Agency Press Service
    // photo via AP)").
    const TAIL: usize = 80;
    // A line of up to 80 bytes has no more characters: all of it is the
    // tail, with no characters counted from its end.
    let ascii_tail = t.len() >= TAIL && t.as_bytes()[t.len() - TAIL..].is_ascii();
    let start = if t.len() <= TAIL {
        0
    } else if ascii_tail {
        t.len() - TAIL
    } else {
        t.char_indices().rev().nth(TAIL - 1).map_or(0, |(i, _)| i)
    };
    let tail: &str = t.get(start..).unwrap_or(t);
    // ASCII bytes, which never occur inside another character's encoding
    // (found by two byte searches rather than four tests a byte).
    let bytes = tail.as_bytes();
    let colon = memchr::memchr(b':', bytes).is_some();
    if !colon && memchr::memchr3(b'/', b')', b']', bytes).is_none() {
        return false;
    }
    // The tail is lowercased only for the tests that read it: the labels
    // hold a colon, the agency tokens a slash (lowercasing adds and removes
    // neither).
    if colon {
        // An ASCII tail is read as it is, each label looked for where it
        // would end, at a colon; another is lowercased (which may change
        // its length, and so where a label stands). The first label found,
        // where it stands and the words from there on.
        const LABELS: [&str; 5] = ["credit:", "photograph:", "photo:", "picture:", "image:"];
        let found = if tail.is_ascii() {
            LABELS
                .iter()
                .find_map(|&label| Some((label, last_label_ignore_case(bytes, label)?)))
                .map(|(label, pos)| (label, pos, word_count(&tail[pos..])))
        } else {
            let lower_tail = tail.to_lowercase();
            LABELS
                .iter()
                .find_map(|&label| Some((label, lower_tail.rfind(label)?)))
                .map(|(label, pos)| (label, pos, word_count(&lower_tail[pos..])))
        };
        if let Some((label, pos, words)) = found {
            // "Credit: X" / "Photograph: X/Y" must end the line, short, after a
            // sentence.
            return words <= 7 && (label == "credit:" || pos > 0);
        }
    }
    let closer = t.chars().last();
    let opener = match closer {
        Some(')') => '(',
        Some(']') => '[',
        _ => {
            if memchr::memchr(b'/', bytes).is_none() {
                return false;
            }
            let lower_tail = tail.to_lowercase();
            // "… REUTERS/Brendan McDermid" style: an agency/photographer token near the end.
            return lower_tail.split_whitespace().rev().take(4).any(|w| {
                w.starts_with("reuters/")
                    || w.starts_with("ap/")
                    || w.starts_with("afp/")
                    || w.contains("photo/")
            }) || credit_after_sentence(t);
        }
    };
    let Some(open) = tail.rfind(opener) else {
        return false;
    };
    let group = tail[open..].to_lowercase();
    // A credit word allows a long credit (a press service's name); a slash alone
    // ("Jane Roe/Agency") a short one, as other bracketed notes have slashes too
    // ("[Part 1 / Part 2 / Notes]").
    let worded = [
        "credit", "photo", "image", "getty", "reuters", "afp", " ap", "via ", "courtesy", "©",
        "file",
    ]
    .iter()
    .any(|k| group.contains(k));
    let words = word_count(&group);
    ((worded && words <= 10) || (group.contains('/') && words <= 8)) && word_count(line) >= 6
}

/// Where the last `label` (lowercase ASCII ending in a colon) starts in
/// `bytes`, ASCII case ignored: what `rfind` finds in the lowercased text,
/// found from the text's colons (a line has few) without a lowercased copy.
fn last_label_ignore_case(bytes: &[u8], label: &str) -> Option<usize> {
    memchr::memrchr_iter(b':', bytes).find_map(|colon| {
        let start = (colon + 1).checked_sub(label.len())?;
        bytes[start..=colon]
            .eq_ignore_ascii_case(label.as_bytes())
            .then_some(start)
    })
}

/// A photographer and agency after the caption's last sentence, without
/// brackets and often glued to it when the page is copied ("…in Seoul on
/// Friday.Jane Roe / AFP - Getty Images"): two to eight words that name an
/// agency or picture library and hold a slash, after at least five words of
/// sentence. A story paragraph never ends in a slashed agency credit.
fn credit_after_sentence(t: &str) -> bool {
    const CREDIT_WORDS: [&str; 15] = [
        "getty",
        "images",
        "afp",
        "reuters",
        "ap",
        "epa",
        "shutterstock",
        "alamy",
        "pool",
        "efe",
        "dpa",
        "xinhua",
        "sipa",
        "anadolu",
        "imago",
    ];
    let Some(stop) = t.rfind(['.', '!', '?']) else {
        return false;
    };
    let tail = t[stop + 1..].trim_start();
    if !tail.starts_with(|c: char| c.is_uppercase()) || !tail.contains('/') {
        return false;
    }
    let words = word_count(tail);
    (2..=8).contains(&words)
        && word_count(&t[..stop]) >= 5
        && tail
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| CREDIT_WORDS.iter().any(|k| w.eq_ignore_ascii_case(k)))
}

/// Rule `place_date_ending`: a photo description that ends with a place and a date,
/// as wire captions do: "…, Donetsk, Ukraine, April 6, 2021."
fn place_date_ending(line: &str) -> bool {
    let t = line.trim_end().trim_end_matches('.');
    if !t.ends_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    let n = words.len();
    if !(6..=60).contains(&n) {
        return false;
    }
    // Ends "..., Place, Month D, YYYY"
    let year_ok = words[n - 1].len() == 4 && words[n - 1].chars().all(|c| c.is_ascii_digit());
    let day_ok = words[n - 2]
        .trim_end_matches(',')
        .parse::<u8>()
        .is_ok_and(|d| (1..=31).contains(&d));
    let month_ok = month_number(words[n - 3]).is_some();
    if !(year_ok && day_ok && month_ok) {
        return false;
    }
    // The word before the month ends with a comma and is a capitalised place name.
    let before = words[n - 4];
    const WEEKDAYS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let weekday = WEEKDAYS.contains(&trim_punct(before).to_lowercase().as_str());
    before.ends_with(',') && is_capitalised(before) && !weekday
}

/// Rule `photo_credit`: a short line naming who took or supplied the photo.
/// Example: "Getty Images", "Dana Kowal, ASSOCIATED PRESS",
/// "Image: Tomas Rieger / The Ledger", "© AGENCY / POOL", "Ravi Mehta/Delhi Courier/Getty Images".
pub fn is_photo_credit(line: &str) -> bool {
    photo_credit(line, word_count(line), None)
}

/// [`is_photo_credit`] given the line's word count and, if at hand, the
/// lowercased line.
pub fn photo_credit(line: &str, words: usize, lower: Option<&str>) -> bool {
    if words == 0 || words > 10 {
        return false;
    }
    // Cheap first pass: a credit has a slash or one of the credit words somewhere.
    if !line.contains('/') && !credit_gate().is_some_and(|g| g.is_match(line)) {
        return false;
    }
    let owned;
    let lower = match lower {
        Some(lower) => lower,
        None => {
            owned = line.to_lowercase();
            &owned
        }
    };
    let vocab = lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| CREDIT_WORDS.contains(&w))
        || CREDIT_PHRASES.iter().any(|k| lower.contains(k));
    let slashed = line.contains('/') && !line.contains("://") && !line.contains('@') && words <= 8;
    // Credits are names and agencies: a line with three or more lowercase content
    // words is a headline or prose ("City pool reopens after two-year repair").
    let prose_words = line
        .split_whitespace()
        .map(trim_punct)
        .filter(|w| {
            w.chars().next().is_some_and(char::is_lowercase)
                && !matches!(*w, "of" | "the" | "by" | "via" | "and" | "for" | "de" | "a")
        })
        .count();
    // In capitals the same shows as function words ("… REOPENS AFTER …").
    let shouted_prose = words >= 5
        && super::text::is_all_caps(line)
        && line.split_whitespace().any(|w| {
            super::text::is_stop_word(w)
                && !matches!(
                    trim_punct(w).to_lowercase().as_str(),
                    "of" | "the" | "by" | "and" | "for" | "a"
                )
        });
    (vocab || slashed)
        && prose_words < 3
        && !shouted_prose
        && (!ends_terminal(line) || caption_label(line))
}

/// Agency and credit words a photo credit names, matched as whole words
/// ("epa" must not match "repairs").
const CREDIT_WORDS: &[&str] = &[
    "getty",
    "images",
    "reuters",
    "afp",
    "epa",
    "shutterstock",
    "istock",
    "courtesy",
    "credit",
    "pool",
    "handout",
    "photography",
];

/// Credit phrases, matched anywhere in the lower-cased line.
const CREDIT_PHRASES: &[&str] = &[
    "©",
    "image copyright",
    "associated press",
    "via ap",
    "ap photo",
    "image via",
    "photo:",
    "photo by",
    "photo/",
    "file photo",
    "photograph",
    "credit:",
];

/// Case-insensitive automaton over the same words and phrases as substrings: a
/// superset test (matching it is necessary, not sufficient), built from the
/// rule's own lists so the two cannot drift apart.
fn credit_gate() -> Option<&'static aho_corasick::AhoCorasick> {
    static GATE: std::sync::OnceLock<Option<aho_corasick::AhoCorasick>> =
        std::sync::OnceLock::new();
    GATE.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(CREDIT_WORDS.iter().chain(CREDIT_PHRASES))
            .ok()
    })
    .as_ref()
}

/// Whether a short line could be a credit under a caption: a few capitalised
/// words (a name, an agency, an institution), no sentence punctuation.
/// Example: "Berkeley Earth", "GETTY", "NASA Worldview".
pub fn is_credit_name(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 || ends_terminal(line) {
        return false;
    }
    is_photo_credit(line)
        || words.iter().all(|w| {
            let core = trim_punct(w);
            core.is_empty()
                || is_capitalised(core)
                || matches!(core, "of" | "the" | "and" | "via" | "for" | "de")
        })
}

/// Whether two captions say the same thing: identical, or one a shorter
/// restatement of the other: most of the shorter one's content words in the longer,
/// a good part of the longer one's in the shorter, and every name in the shorter
/// also in the longer (two list entries about different people are not repeats).
pub fn near_duplicate(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (short_text, long_text) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let mut short = content_words(short_text);
    let mut long = content_words(long_text);
    short.sort_unstable();
    short.dedup();
    long.sort_unstable();
    long.dedup();
    if short.len() < 4
        || super::text::overlap(&short, &long) < 0.75
        || super::text::overlap(&long, &short) < 0.5
    {
        return false;
    }
    short_text
        .split_whitespace()
        .skip(1)
        .map(trim_punct)
        .filter(|w| w.chars().count() >= 2 && is_capitalised(w))
        .all(|w| long_text.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailing_credits_are_found_as_the_lowercasing_version_found_them() {
        // Every fixture line, and made-up tails around the labels, brackets
        // and slashes, in either case, short and long, ASCII and not.
        let mut lines = fixture_lines();
        let heads = [
            "",
            "Crews clear the harbour road after the storm on Friday.",
            "Ärzte räumen die Straße am Hafen nach dem Sturm am Freitag auf, sagt man.",
            "x",
        ];
        let tails = [
            " Credit: SpaceX",
            " PHOTO: Jane Roe/Harbour Post",
            " Photograph: Jane Roe/Agency one two three four five six",
            " (Jane Roe/Reuters)",
            " [SpaceX via Nasa]",
            " REUTERS/Brendan McDermid",
            " Jane Roe / AFP - Getty Images",
            " picture:",
            "image: x credit: y",
            " Crédit: Agence",
            " Foto: 사진=Agency",
            " (Getty Images) ",
            " Image:Credit:Photo:",
            ": credit",
        ];
        for head in heads {
            for tail in tails {
                for pad in [0, 20, 60, 79, 80, 81, 120] {
                    lines.push(format!("{head}{}{tail}", "w".repeat(pad)));
                    lines.push(format!("{head} {} {tail}", "é".repeat(pad / 2)));
                }
            }
        }
        let mut credits = 0;
        for line in &lines {
            let want = trailing_photo_credit_reference(line);
            credits += usize::from(want);
            assert_eq!(trailing_photo_credit(line), want, "{line:?}");
        }
        assert!(credits > 100, "{credits}");
    }

    /// [`trailing_photo_credit`] as it was before it read short and ASCII
    /// tails in place: the reference the test compares it with.
    fn trailing_photo_credit_reference(line: &str) -> bool {
        let t = line.trim_end();
        // The last 80 characters (found from the end, on a char boundary); when the
        // last 80 bytes are ASCII they are those characters. A wire credit naming a
        // press service runs to 70 ("(Jane Roe/ City Space Agency Press Service
        // photo via AP)").
        const TAIL: usize = 80;
        let ascii_tail = t.len() >= TAIL && t.as_bytes()[t.len() - TAIL..].is_ascii();
        let start = if ascii_tail {
            t.len() - TAIL
        } else {
            t.char_indices().rev().nth(TAIL - 1).map_or(0, |(i, _)| i)
        };
        let tail: &str = t.get(start..).unwrap_or(t);
        // ASCII bytes, which never occur inside another character's encoding
        // (found by two byte searches rather than four tests a byte).
        let bytes = tail.as_bytes();
        let colon = memchr::memchr(b':', bytes).is_some();
        if !colon && memchr::memchr3(b'/', b')', b']', bytes).is_none() {
            return false;
        }
        // The tail is lowercased only for the tests that read it: the labels
        // hold a colon, the agency tokens a slash (lowercasing adds and removes
        // neither).
        if colon {
            let lower_tail = tail.to_lowercase();
            for label in ["credit:", "photograph:", "photo:", "picture:", "image:"] {
                if let Some(pos) = lower_tail.rfind(label) {
                    // "Credit: X" / "Photograph: X/Y" must end the line, short, after a
                    // sentence.
                    return word_count(&lower_tail[pos..]) <= 7 && (label == "credit:" || pos > 0);
                }
            }
        }
        let closer = t.chars().last();
        let opener = match closer {
            Some(')') => '(',
            Some(']') => '[',
            _ => {
                if memchr::memchr(b'/', bytes).is_none() {
                    return false;
                }
                let lower_tail = tail.to_lowercase();
                // "… REUTERS/Brendan McDermid" style: an agency/photographer token near the end.
                return lower_tail.split_whitespace().rev().take(4).any(|w| {
                    w.starts_with("reuters/")
                        || w.starts_with("ap/")
                        || w.starts_with("afp/")
                        || w.contains("photo/")
                }) || credit_after_sentence(t);
            }
        };
        let Some(open) = tail.rfind(opener) else {
            return false;
        };
        let group = tail[open..].to_lowercase();
        // A credit word allows a long credit (a press service's name); a slash alone
        // ("Jane Roe/Agency") a short one, as other bracketed notes have slashes too
        // ("[Part 1 / Part 2 / Notes]").
        let worded = [
            "credit", "photo", "image", "getty", "reuters", "afp", " ap", "via ", "courtesy", "©",
            "file",
        ]
        .iter()
        .any(|k| group.contains(k));
        let words = word_count(&group);
        ((worded && words <= 10) || (group.contains('/') && words <= 8)) && word_count(line) >= 6
    }

    /// Every line of every fixture file.
    fn fixture_lines() -> Vec<String> {
        crate::article::parse::text::fixture_lines()
    }

    #[test]
    fn the_first_byte_gate_lets_through_every_line_a_label_starts() {
        let mut lines = fixture_lines();
        for label in CAPTION_LABELS.iter().chain(&FILE_PHOTO_PREFIXES) {
            for written in [
                label.to_string(),
                label.to_ascii_uppercase(),
                label.to_ascii_lowercase(),
            ] {
                lines.push(format!("{written} The depot"));
                lines.push(written.chars().take(3).collect());
            }
        }
        let mut labelled = 0;
        for line in &lines {
            let starts =
                |prefixes: &[&str]| prefixes.iter().any(|p| starts_with_ignore_case(line, p));
            assert_eq!(caption_label(line), starts(&CAPTION_LABELS), "{line:?}");
            assert_eq!(
                file_photo_prefix(line),
                starts(&FILE_PHOTO_PREFIXES),
                "{line:?}"
            );
            labelled += usize::from(starts(&CAPTION_LABELS));
        }
        assert!(labelled > 60, "{labelled}");
    }

    #[test]
    fn every_label_and_file_prefix_passes_its_first_byte_gate() {
        for label in CAPTION_LABELS {
            for written in [label.to_string(), label.to_ascii_uppercase()] {
                assert!(
                    caption_label(&format!("{written} The depot")),
                    "{written:?}"
                );
            }
        }
        for prefix in FILE_PHOTO_PREFIXES {
            for written in [prefix.to_string(), prefix.to_ascii_lowercase()] {
                assert!(
                    file_photo_prefix(&format!("{written} Flags")),
                    "{written:?}"
                );
            }
        }
        assert!(!caption_label("Imagine a caption"));
        assert!(!caption_label(""));
    }

    #[test]
    fn long_wire_credits_end_captions_but_slashed_notes_do_not() {
        assert!(trailing_photo_credit(
            "The rocket stands on its launch pad before lift-off on Monday. \
             (Ivan Sokolov/ National Space Agency Press Service photo via Wire)"
        ));
        assert!(trailing_photo_credit(
            "Officials speak to reporters at a briefing on Monday. (Jane Roe/Reuters)"
        ));
        assert!(!trailing_photo_credit(
            "The elders foresaw a war across the worlds, the notes say. [MP / MP2 SP / MF SP / X SP]"
        ));
        // A photographer and agency after the last sentence, glued or spaced.
        assert!(trailing_photo_credit(
            "Marchers carry lanterns through the old town on Saturday.Jane Roe / AFP - Getty Images"
        ));
        assert!(trailing_photo_credit(
            "Police officers stand outside the party headquarters on Friday. John Doe / Getty Images"
        ));
        // A slash in a story's closing words is no credit.
        assert!(!trailing_photo_credit(
            "The vote passed late on Friday. Reporting continues at the desk 24/7"
        ));
        assert!(!trailing_photo_credit("Read more. Sport / Football"));
    }

    #[test]
    fn caption_shapes() {
        assert!(is_caption(
            "FILE - Pentagon spokesman John Kirby speaks to reporters Feb. 17, 2021."
        ));
        assert!(is_caption(
            "A soldier watches the line near the city of Donetsk, Ukraine, April 6, 2021."
        ));
        assert!(is_caption(
            "Image caption The minister arrives at the summit"
        ));
        assert!(is_caption(
            "Officials speak after the vote in the capital on Monday. (Jane Doe/Reuters)"
        ));
        assert!(!is_caption("The talks ended on Monday, April 6, 2021."));
        assert!(!is_caption(
            "He said the decision (made in 2019) was final."
        ));
    }

    #[test]
    fn credits_and_duplicates() {
        assert!(is_photo_credit("Getty Images"));
        assert!(is_photo_credit("Ravi Mehta/Delhi Courier/Getty Images"));
        assert!(!is_photo_credit("What did the inspectors find?"));
        assert!(is_credit_name("Berkeley Earth"));
        assert!(near_duplicate(
            "President Putin talks to Defence Minister Shoigu during the parade in Saint Petersburg, Russia on July 25, 2021. More text here.",
            "President Putin talks to Defence Minister Shoigu during a parade in Saint Petersburg on July 25, 2021."
        ));
    }
}
