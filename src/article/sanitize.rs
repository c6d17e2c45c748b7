//! Keeping untrusted text from talking to the terminal.
//!
//! Article text comes from the open web; a stray `ESC ] 52` could write the user's
//! clipboard and `ESC [ 2 J` clear their screen. Every string that reaches the screen
//! passes through [`clean_line`] (the parser applies it on input; the UI applies it
//! again to anything else it shows, such as file names and error messages).

use std::borrow::Cow;

/// Removes terminal escape sequences (CSI, OSC, DCS/SOS/PM/APC strings and two-byte
/// escapes, whole, so no `[31m` debris remains), C0/C1 control characters, DEL,
/// and invisible characters (every Unicode format character, see
/// [`is_dropped`]); turns tabs and Unicode space
/// separators (NBSP, thin space…) into plain spaces. Newlines are treated as
/// controls too: the result is always a single line.
///
/// Zero-width joiners and non-joiners are kept: emoji ZWJ sequences and several
/// scripts need them, and they cannot move the cursor.
pub fn clean_line(text: &str) -> Cow<'_, str> {
    if all_plain(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            // C1 introducers that open a string (DCS, SOS, OSC, PM, APC) or CSI.
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            '\u{9b}' => skip_csi(&mut chars),
            '\t' => out.push(' '),
            c if is_space_separator(c) => out.push(' '),
            c if is_dropped(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Cleans every text field of `article` in place with [`clean_line`]: for
/// articles that did not come through the parser (a `.jsonl` library, a file-name
/// title), so every later writer (the reader, `parse`, `list`) can trust them.
/// Costs one scan per field when they are already clean.
pub fn clean_article(article: &mut crate::article::Article) {
    fn clean(field: &mut String) {
        if let Cow::Owned(cleaned) = clean_line(field) {
            *field = cleaned;
        }
    }
    let crate::article::Article {
        title,
        dek,
        byline,
        source,
        published,
        url,
        key_points,
        captions,
        body,
        subheads: _,
        list_items: _,
        credits,
        related,
        links,
        word_count: _,
        path,
    } = article;
    for field in [title, path].into_iter().chain(
        [dek, byline, source, published, url]
            .into_iter()
            .filter_map(Option::as_mut),
    ) {
        clean(field);
    }
    for list in [key_points, captions, body, credits, links] {
        list.iter_mut().for_each(clean);
    }
    for item in related {
        clean(&mut item.title);
        if let Some(url) = item.url.as_mut() {
            clean(url);
        }
    }
}

/// Escapes, in a line of JSON, the characters that JSON leaves raw but a terminal
/// may act on or that disguise text: C1 controls (U+0080–U+009F, which some
/// terminals read as CSI/OSC introducers), bidi and other invisible format
/// characters. They become `\uXXXX`, so the JSON means the same. These
/// characters can only occur inside JSON strings, so the line stays valid.
pub fn json_safe(json: &str) -> Cow<'_, str> {
    let risky = |c: char| !c.is_ascii() && (c.is_control() || is_dropped(c));
    if !json.chars().any(risky) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if risky(c) {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `text.chars().all(is_plain)`, fast for the usual case: printable ASCII is
/// checked eight bytes at a time ([`plain_ascii_prefix`]), without decoding
/// characters (the loader checks every field of every article, most of them
/// already clean).
fn all_plain(text: &str) -> bool {
    plain_from(text, false)
}

/// Whether every line of `text` (split at `\n`) passes [`clean_line`]
/// unchanged: [`all_plain`] with line feeds allowed.
pub(crate) fn all_plain_lines(text: &str) -> bool {
    plain_from(text, true)
}

/// [`all_plain`], with `\n` counted as plain when `newlines` is set.
fn plain_from(text: &str, newlines: bool) -> bool {
    let mut rest = text;
    loop {
        // Eight bytes at a time up to the chunk holding the next other byte,
        // then byte by byte within that chunk (so a page of ASCII with the
        // odd curly quote is still read a chunk at a time).
        rest = &rest[plain_ascii_prefix(rest.as_bytes(), newlines)..];
        let head = &rest.as_bytes()[..rest.len().min(8)];
        let run = head
            .iter()
            .position(|&b| !((b' '..=b'~').contains(&b) || (newlines && b == b'\n')))
            .unwrap_or(head.len());
        rest = &rest[run..];
        let Some(c) = rest.chars().next() else {
            return true;
        };
        if !is_plain(c) {
            return false;
        }
        rest = &rest[c.len_utf8()..];
    }
}

/// The length of the longest prefix of `bytes`, in whole eight-byte chunks,
/// that is printable ASCII (`b' '..=b'~'`, and `\n` when `newlines` is set).
/// The prefix ends on a character boundary, as its last byte is ASCII.
fn plain_ascii_prefix(bytes: &[u8], newlines: bool) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const fn splat(b: u8) -> u64 {
        u64::from_le_bytes([b; 8])
    }
    // The high bit of each byte of `x` (all below 0x80) that equals `b`.
    fn equal(x: u64, b: u8) -> u64 {
        let y = x ^ splat(b);
        !((y & LOW7).wrapping_add(LOW7) | y) & HIGH
    }
    let mut done = plain_blocks16(bytes, newlines);
    for chunk in bytes[done..].chunks_exact(8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        if x & HIGH != 0 {
            break;
        }
        // Below 0x20: adding 0x60 leaves the high bit clear (no byte carries,
        // as all are below 0x80).
        let mut control = !x.wrapping_add(splat(0x60)) & HIGH;
        if newlines {
            control &= !equal(x, b'\n');
        }
        if control | equal(x, 0x7f) != 0 {
            break;
        }
        done += 8;
    }
    done
}

/// [`plain_ascii_prefix`] in whole sixteen-byte blocks, with SSE2 (every
/// x86-64 processor has it): three vector comparisons a block, about four
/// times as fast as eight bytes at a time. Elsewhere no block is read here.
#[cfg(target_arch = "x86_64")]
fn plain_blocks16(bytes: &[u8], newlines: bool) -> usize {
    let mut done = 0;
    for block in bytes.chunks_exact(16) {
        // SAFETY: SSE2 is part of the x86-64 baseline, so every processor
        // this code runs on has it.
        if !unsafe { plain16(block, newlines) } {
            break;
        }
        done += 16;
    }
    done
}

#[cfg(not(target_arch = "x86_64"))]
fn plain_blocks16(_: &[u8], _: bool) -> usize {
    0
}

/// Whether all sixteen bytes are printable ASCII (and `\n` when `newlines`
/// is set).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn plain16(block: &[u8], newlines: bool) -> bool {
    use std::arch::x86_64::{
        _mm_and_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_cmplt_epi8, _mm_movemask_epi8,
        _mm_or_si128, _mm_set1_epi8,
    };
    let v = crate::article::simd::load16(block);
    // Compared as signed bytes, every byte of 0x80 or more is below 0x20.
    let mut plain = _mm_and_si128(
        _mm_cmpgt_epi8(v, _mm_set1_epi8(0x1f)),
        _mm_cmplt_epi8(v, _mm_set1_epi8(0x7f)),
    );
    if newlines {
        plain = _mm_or_si128(plain, _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\n' as i8)));
    }
    _mm_movemask_epi8(plain) == 0xffff
}

/// True for characters that [`clean_line`] passes through unchanged.
fn is_plain(c: char) -> bool {
    !(c.is_control() || is_space_separator(c) || is_dropped(c))
}

fn is_space_separator(c: char) -> bool {
    matches!(
        c,
        '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

/// Controls and invisible characters that can disguise or reorder text: every
/// character of General Category Cc (controls) and Cf (format: bidi marks and
/// overrides, zero-width spaces, tag characters, the soft hyphen, Arabic number
/// signs, Egyptian hieroglyph format controls…), taken from the Unicode data
/// (`unicode-properties`), so a new Unicode version's format characters are
/// covered without a list to keep; the line and paragraph separators; and
/// [`INVISIBLE_LETTERS`].
///
/// ZWJ and ZWNJ (Cf) are kept: emoji ZWJ sequences, Persian, Indic scripts and
/// others need them, and they cannot move the cursor.
fn is_dropped(c: char) -> bool {
    // Below U+0600 the only Cf character is the soft hyphen (checked against
    // the Unicode data for every character in the tests): Latin, Greek and
    // Cyrillic text skips the table look-up.
    if (c as u32) < 0x600 {
        return c.is_control() || c == '\u{ad}' || INVISIBLE_LETTERS.contains(&c);
    }
    use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
    match c {
        ZWNJ | ZWJ => false,
        '\u{2028}' | '\u{2029}' => true,
        c => c.general_category() == GeneralCategory::Format || INVISIBLE_LETTERS.contains(&c),
    }
}

const ZWNJ: char = '\u{200c}';
const ZWJ: char = '\u{200d}';

/// Default-ignorable characters outside Cf that draw as nothing yet count as
/// letters or marks, so they can pad or disguise a headline: the combining
/// grapheme joiner, the Hangul fillers and the Khmer inherent vowels. (Variation
/// selectors, also default-ignorable, stay: emoji need them.)
const INVISIBLE_LETTERS: &[char] = &[
    '\u{34f}', '\u{115f}', '\u{1160}', '\u{17b4}', '\u{17b5}', '\u{3164}', '\u{ffa0}',
];

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// After ESC: consume the rest of the sequence it introduces.
fn skip_escape(chars: &mut Chars<'_>) {
    match chars.peek().copied() {
        Some('[') => {
            chars.next();
            skip_csi(chars);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            skip_string(chars);
        }
        // Intermediate bytes then a final byte (e.g. ESC ( B).
        Some(' '..='/') => {
            while let Some(' '..='/') = chars.peek() {
                chars.next();
            }
            chars.next();
        }
        Some('0'..='~') => {
            chars.next();
        }
        _ => {}
    }
}

/// CSI: parameter and intermediate bytes up to a final byte in `@`..=`~`.
fn skip_csi(chars: &mut Chars<'_>) {
    for c in chars.by_ref() {
        if ('@'..='~').contains(&c) || !(' '..='?').contains(&c) {
            break;
        }
    }
}

/// OSC/DCS/SOS/PM/APC: everything up to BEL, ST (`ESC \` or U+009C) or end of line.
fn skip_string(chars: &mut Chars<'_>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' | '\n' => break,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                break;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(
            clean_line("Hello, world — ünïcode 日本"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn the_fast_check_agrees_with_is_plain() {
        for text in [
            "",
            "plain ascii ~",
            "caf\u{e9} \u{2014} \u{65e5}",
            "tab\there",
            "del\u{7f}",
            "nbsp\u{a0}",
            "\u{202e}",
            "end\u{1b}",
            "\u{85}",
            "emoji \u{1f600}\u{200d}x",
        ] {
            assert_eq!(all_plain(text), text.chars().all(is_plain), "{text:?}");
        }
    }

    #[test]
    fn the_chunked_check_agrees_on_every_byte_at_every_position() {
        for b in 0u8..0x80 {
            for len in [7, 8, 9, 16, 17, 24] {
                for at in 0..len {
                    let mut bytes = vec![b'x'; len];
                    bytes[at] = b;
                    let text = std::str::from_utf8(&bytes).expect("ascii");
                    assert_eq!(all_plain(text), text.chars().all(is_plain), "{text:?}");
                    assert_eq!(
                        all_plain_lines(text),
                        text.split('\n').all(|l| l.chars().all(is_plain)),
                        "{text:?}"
                    );
                }
            }
        }
        let long = "abcdefgh".repeat(4) + "\u{e9}\u{202e}";
        assert!(!all_plain(&long) && !all_plain_lines(&long));
        assert!(all_plain_lines("line one!\nline two, longer ~\n\n"));
    }

    #[test]
    fn csi_sequences_are_removed_whole() {
        assert_eq!(
            clean_line("a\u{1b}[31mred\u{1b}[0m b\u{1b}[2J\u{1b}[H"),
            "ared b"
        );
    }

    #[test]
    fn osc_sequences_are_removed_whole() {
        let clip = "x\u{1b}]52;c;ZXZpbA==\u{7}y";
        assert_eq!(clean_line(clip), "xy");
        let link = "\u{1b}]8;;http://evil\u{1b}\\click\u{1b}]8;;\u{1b}\\";
        assert_eq!(clean_line(link), "click");
        assert_eq!(clean_line("\u{1b}]0;title\u{7}t"), "t");
    }

    #[test]
    fn c0_c1_del_and_bidi_controls_are_dropped() {
        assert_eq!(
            clean_line("a\u{8}b\u{7f}c\u{85}d\u{202e}e\u{2066}f\rg"),
            "abcdefg"
        );
        assert_eq!(clean_line("\u{9b}31mz"), "z");
    }

    #[test]
    fn clean_article_cleans_every_text_field() {
        use crate::article::{Article, Related};
        let evil = "a\u{1b}]52;c;eA==\u{7}b\u{9b}2J\u{202e}";
        let mut article = Article {
            title: evil.to_owned(),
            dek: Some(evil.to_owned()),
            body: vec![evil.to_owned()],
            related: vec![Related {
                title: evil.to_owned(),
                url: Some(evil.to_owned()),
            }],
            links: vec![evil.to_owned()],
            path: evil.to_owned(),
            ..Default::default()
        };
        clean_article(&mut article);
        let json = serde_json::to_string(&article).expect("json");
        assert!(!json.contains("52;") && !json.contains('\u{9b}'), "{json}");
        assert_eq!(article.title, "ab");
        assert_eq!(article.related[0].url.as_deref(), Some("ab"));
    }

    #[test]
    fn json_safe_escapes_c1_and_bidi_but_keeps_the_meaning() {
        let json = serde_json::to_string("x\u{9b}6n\u{202e}y é 日").expect("json");
        let safe = json_safe(&json);
        assert!(
            !safe.contains('\u{9b}') && !safe.contains('\u{202e}'),
            "{safe}"
        );
        let back: String = serde_json::from_str(&safe).expect("still JSON");
        assert_eq!(back, "x\u{9b}6n\u{202e}y é 日");
        assert!(matches!(json_safe("{\"a\":\"é\"}"), Cow::Borrowed(_)));
    }

    #[test]
    fn tabs_and_nbsp_become_spaces_but_zwj_stays() {
        assert_eq!(clean_line("a\tb\u{a0}c"), "a b c");
        let family = "👨\u{200d}👩\u{200d}👧";
        assert_eq!(clean_line(family), family);
    }

    #[test]
    fn every_format_character_is_dropped_but_zwj_and_zwnj() {
        use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
        for c in (0..=0x10_ffff_u32).filter_map(char::from_u32) {
            let format = c.general_category() == GeneralCategory::Format;
            if format && c != '\u{200c}' && c != '\u{200d}' {
                assert!(is_dropped(c), "U+{:04X} is Cf", c as u32);
                assert_eq!(clean_line(&format!("a{c}b")), "ab", "U+{:04X}", c as u32);
            }
            let expected = c.is_control()
                || (format && c != '\u{200c}' && c != '\u{200d}')
                || matches!(c, '\u{2028}' | '\u{2029}')
                || INVISIBLE_LETTERS.contains(&c);
            assert_eq!(is_dropped(c), expected, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn the_invisible_characters_of_the_attack_run_are_dropped() {
        // Each was seen passing to the screen; written out from the report, not
        // from the code.
        let hidden = [
            '\u{61c}',
            '\u{e0001}',
            '\u{e0041}',
            '\u{e007f}',
            '\u{180e}',
            '\u{1d173}',
            '\u{1d17a}',
            '\u{13430}',
            '\u{13438}',
            '\u{600}',
            '\u{605}',
            '\u{6dd}',
            '\u{70f}',
            '\u{890}',
            '\u{891}',
            '\u{8e2}',
            '\u{34f}',
            '\u{115f}',
            '\u{1160}',
            '\u{3164}',
            '\u{ffa0}',
        ];
        for c in hidden {
            assert_eq!(
                clean_line(&format!("pay{c}pal")),
                "paypal",
                "U+{:04X}",
                c as u32
            );
            let json = serde_json::to_string(&format!("x{c}")).expect("json");
            assert!(!json_safe(&json).contains(c), "U+{:04X} in JSON", c as u32);
        }
        // What scripts and emoji need stays.
        for kept in [
            "\u{645}\u{200c}\u{6cc}",
            "\u{2764}\u{fe0f}",
            "\u{d55c}\u{ae00}",
        ] {
            assert_eq!(clean_line(kept), kept);
        }
    }
}
