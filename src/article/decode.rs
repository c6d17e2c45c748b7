//! Bytes to clean text: decoding that never rejects input, and the whitespace and
//! invisible-character normalisation every later rule relies on.

use std::borrow::Cow;

use crate::article::sanitize;

/// Decodes file bytes to text. UTF-8 (with or without BOM) and UTF-16 with a BOM are
/// honoured; anything else that is not valid UTF-8 is read as Windows-1252, the
/// encoding of most legacy pages, so no file is ever rejected for its bytes.
pub fn decode(bytes: &[u8]) -> String {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return text.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            text.into_owned()
        }
    }
}

/// Normalises decoded text into plain lines: CRLF/CR become LF; NBSP and other
/// space separators become spaces; tabs become single spaces; zero-width and
/// bidi-control characters are dropped; terminal escape sequences and control
/// characters are removed (see [`sanitize`]). Line content is otherwise untouched.
pub fn normalise(text: &str) -> String {
    let unified: Cow<str> = if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    };
    let mut out = String::with_capacity(unified.len());
    for line in unified.split('\n') {
        out.push_str(&sanitize::clean_line(line));
        out.push('\n');
    }
    out.pop();
    out
}

/// Decodes and normalises in one step.
pub fn decode_text(bytes: &[u8]) -> String {
    normalise_owned(decode(bytes))
}

/// [`decode`] taking the bytes by value: valid UTF-8 (the usual case) becomes
/// the `String` without a copy.
pub fn decode_owned(bytes: Vec<u8>) -> String {
    if encoding_rs::Encoding::for_bom(&bytes).is_some() {
        return decode(&bytes);
    }
    match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => decode(err.as_bytes()),
    }
}

/// [`decode_owned`] then [`normalise_owned`]: a file that is valid UTF-8 and
/// already plain is neither copied nor rewritten.
pub fn decode_text_owned(bytes: Vec<u8>) -> String {
    normalise_owned(decode_owned(bytes))
}

/// [`normalise`] taking the text by value: text whose lines are all plain
/// already (see [`sanitize::all_plain_lines`]) is its own normal form and is
/// returned as it is, after one fast scan. That scan also rules out carriage
/// returns (a control character is not plain), so they need no search of
/// their own.
pub fn normalise_owned(text: String) -> String {
    if sanitize::all_plain_lines(&text) {
        return text;
    }
    normalise(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_is_decoded_not_rejected() {
        let bytes = b"caf\xe9 \x93quoted\x94";
        assert_eq!(decode(bytes), "café “quoted”");
    }

    #[test]
    fn utf8_bom_is_dropped() {
        assert_eq!(decode("\u{feff}Hello".as_bytes()), "Hello");
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Hi é".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&bytes), "Hi é");
    }

    #[test]
    fn owned_decoding_and_normalising_agree_with_the_borrowed_ones() {
        for bytes in [
            &b"plain\nlines\n\nhere"[..],
            b"caf\xe9 \x93quoted\x94",
            b"\xef\xbb\xbfBOM",
            b"\xff\xfeH\0i\0",
            "tab\there\r\nnbsp\u{a0}zw\u{200b}".as_bytes(),
            "esc\u{1b}[31mred\nok".as_bytes(),
            b"",
        ] {
            assert_eq!(decode_owned(bytes.to_vec()), decode(bytes));
            let text = decode(bytes);
            assert_eq!(normalise_owned(text.clone()), normalise(&text));
            assert_eq!(decode_text_owned(bytes.to_vec()), normalise(&text));
        }
    }

    #[test]
    fn line_endings_spaces_and_invisibles_are_normalised() {
        let text = "One\r\nTwo\rThree\u{a0}four\tfive\u{200b}six";
        assert_eq!(normalise(text), "One\nTwo\nThree four fivesix");
    }
}
