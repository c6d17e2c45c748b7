//! Page bytes to text: the byte-order mark, then valid UTF-8, then the charset
//! the page declares, then Windows-1252, as text files fall back.

use encoding_rs::Encoding;

/// How far into the page a `charset=` declaration is looked for (the HTML
/// standard's prescan reads 1024 bytes; real pages put long `<head>`s first).
const PRESCAN: usize = 4096;

/// Decodes a page; never fails.
pub fn decode(bytes: &[u8]) -> String {
    if Encoding::for_bom(bytes).is_some() {
        return crate::article::decode::decode(bytes);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_owned();
    }
    let encoding = declared(bytes).unwrap_or(encoding_rs::WINDOWS_1252);
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    text.into_owned()
}

/// The encoding named by the first `charset=` near the page's start, as in
/// `<meta charset="shift_jis">` or `<meta http-equiv="Content-Type"
/// content="text/html; charset=iso-8859-1">`. UTF-16 labels mean UTF-8 here,
/// as the HTML standard says (a page in UTF-16 has a byte-order mark).
pub fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN)];
    let lower = head.to_ascii_lowercase();
    let at = memchr::memmem::find(&lower, b"charset=")? + b"charset=".len();
    let rest = &head[at..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let len = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':')))
        .unwrap_or(rest.len());
    let encoding = Encoding::for_label(&rest[..len])?;
    if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
        return Some(encoding_rs::UTF_8);
    }
    Some(encoding)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_declared_charset_decodes_a_page_that_is_not_utf8() {
        let page = b"<html><head><meta charset=\"koi8-r\"></head><body>\xf0\xd2\xc9\xd7\xc5\xd4</body></html>";
        assert!(decode(page).contains("Привет"));
    }

    #[test]
    fn http_equiv_content_type_is_read() {
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>caf\xe9";
        assert!(decode(page).ends_with("café"));
    }

    #[test]
    fn valid_utf8_wins_over_a_wrong_declaration() {
        let page = "<meta charset=windows-1252><p>café".as_bytes();
        assert!(decode(page).ends_with("café"));
    }

    #[test]
    fn undeclared_legacy_bytes_fall_back_to_windows_1252() {
        assert!(decode(b"<p>\x93quoted\x94").ends_with("“quoted”"));
    }
}
