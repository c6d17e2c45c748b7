//! Rule `page_domain`: the domain a page writes most often, as a clue to the
//! publication (see [`super::source`]).
//!
//! Pages name their own domain in many small places: "tips@example.com",
//! "www.example.com" under a press release, "Example.com" in the footer, share
//! and print links. Other sites' domains appear too, but rarely more than
//! once, and the kinds that appear everywhere (social networks, link
//! shorteners, mail providers, content and ad hosts) are left out. When
//! nothing else names the site, its domain is still better than nothing
//! ("my6sense.com" lets a user find the page with `@my6sense`), and a
//! domain also confirms a name written out ("Cleveland.com" and
//! "cleveland.com").

use std::ops::Range;

/// Top-level domains counted in a bare token ("example.com"). A URL's host or
/// a mail address's is counted whatever its ending, but "end.It" in glued
/// sentences or "main.py" in a code sample are no domains: only endings that
/// real news sites use are taken, and a two-letter country ending only when
/// written in lowercase (or with the whole host in capitals).
const TLDS: &[&str] = &[
    "com", "net", "org", "info", "biz", "news", "online", "media", "site", "blog", "press",
    "today", "world", "tv", "io", "co", "me", "us", "uk", "de", "fr", "it", "es", "pt", "br", "ru",
    "ua", "by", "kz", "cn", "jp", "kr", "tw", "hk", "in", "id", "my", "sg", "ph", "th", "vn", "au",
    "nz", "ca", "mx", "ar", "cl", "pe", "ve", "za", "ng", "ke", "gh", "eg", "ae", "sa", "il", "tr",
    "gr", "pl", "cz", "sk", "hu", "ro", "bg", "rs", "hr", "si", "at", "ch", "be", "nl", "lu", "ie",
    "se", "no", "dk", "fi", "is", "ee", "lv", "lt", "am", "ge", "az", "pk", "bd", "lk", "np", "eu",
    "asia", "edu", "gov", "int", "la", "fm", "cc", "ws", "ly",
];

/// Second-level labels under a country ending ("co.uk", "com.br").
const SECOND_LEVEL: &[&str] = &[
    "co", "com", "org", "net", "ac", "gov", "ne", "or", "go", "gob",
];

/// Domains that every kind of page writes and that are never the page's own
/// publication: social networks, link shorteners, mail providers, app stores,
/// content, script and ad hosts, blogging platforms credited in footers.
const NOT_THE_SITE: &[&str] = &[
    "facebook.com",
    "fb.com",
    "fb.me",
    "twitter.com",
    "x.com",
    "t.co",
    "instagram.com",
    "youtube.com",
    "youtu.be",
    "linkedin.com",
    "lnkd.in",
    "pinterest.com",
    "reddit.com",
    "tiktok.com",
    "whatsapp.com",
    "wa.me",
    "t.me",
    "telegram.me",
    "telegram.org",
    "vk.com",
    "ok.ru",
    "weibo.com",
    "snapchat.com",
    "tumblr.com",
    "flipboard.com",
    "google.com",
    "goo.gl",
    "googleapis.com",
    "gstatic.com",
    "googletagmanager.com",
    "googlesyndication.com",
    "doubleclick.net",
    "apple.com",
    "microsoft.com",
    "amazon.com",
    "amzn.to",
    "gmail.com",
    "yahoo.com",
    "hotmail.com",
    "outlook.com",
    "icloud.com",
    "mail.ru",
    "yandex.ru",
    "qq.com",
    "naver.com",
    "wordpress.com",
    "wordpress.org",
    "wp.com",
    "disqus.com",
    "gravatar.com",
    "bit.ly",
    "ow.ly",
    "buff.ly",
    "tinyurl.com",
    "feedburner.com",
    "feedly.com",
    "cloudfront.net",
    "akamaihd.net",
    "akamaized.net",
    "fastly.net",
    "cloudflare.com",
    "jsdelivr.net",
    "w3.org",
    "schema.org",
    "adobe.com",
    "taboola.com",
    "outbrain.com",
    "addthis.com",
    "sharethis.com",
    "spotify.com",
    "soundcloud.com",
    "list-manage.com",
    "example.com",
];

/// Whether `token` (a domain as written, "WordPress.com") is one that every
/// kind of page writes ([`NOT_THE_SITE`]), never a page's publication.
pub fn is_not_the_site(token: &str) -> bool {
    let t = token.trim_matches(|c: char| !c.is_alphanumeric());
    registrable(t, true).is_some_and(|d| NOT_THE_SITE.iter().any(|n| n.eq_ignore_ascii_case(d)))
}

/// The registrable part of a domain as written ("m.harbour.com.au" →
/// "harbour.com.au"), if it reads as one.
pub fn registrable_part(token: &str) -> Option<&str> {
    registrable(token.trim_matches(|c: char| !c.is_alphanumeric()), true)
}

/// One domain the page writes, with where.
#[derive(Debug)]
pub struct Written {
    /// The registrable part as the page writes it first ("Youth.cn",
    /// "my6sense.com"), without "www." or other subdomains.
    pub shown: String,
    /// The same, lowercased: what is compared.
    key: String,
    /// Lines outside the story that write it.
    pub outside: usize,
    /// Story lines that write it.
    pub inside: usize,
    /// Lines giving a person's mail address at it ("jane@harbour.co.kr"):
    /// a reporter's address is at the site's own domain more often than
    /// not, a domain worth showing beside a name in another script, but a
    /// freelancer's is at their own.
    pub personal: usize,
}

impl Written {
    fn weight(&self) -> usize {
        2 * self.outside + self.inside + self.personal
    }
}

/// The domain the page writes most (lines outside the story count double:
/// a story names other sites more often than its own), the first written on
/// a tie; `None` when it writes none but those in [`NOT_THE_SITE`].
pub fn most_written(lines: &[&str], story: &Range<usize>) -> Option<Written> {
    let mut seen: Vec<Written> = Vec::new();
    let mut in_line: Vec<usize> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        in_line.clear();
        each_domain(line, |host, personal| {
            let key = host.to_ascii_lowercase();
            if NOT_THE_SITE.contains(&key.as_str()) {
                return;
            }
            let at = match seen.iter().position(|w| w.key == key) {
                Some(at) => at,
                None => {
                    seen.push(Written {
                        shown: host.to_string(),
                        key,
                        outside: 0,
                        inside: 0,
                        personal: 0,
                    });
                    seen.len() - 1
                }
            };
            if !in_line.contains(&at) {
                in_line.push(at);
                if personal {
                    seen[at].personal += 1;
                } else if story.contains(&i) {
                    seen[at].inside += 1;
                } else {
                    seen[at].outside += 1;
                }
            }
        });
        // A page that writes hundreds of domains (a link list) says
        // nothing about which is its own; stop counting early.
        if seen.len() > 64 {
            break;
        }
    }
    let mut best: Option<Written> = None;
    for w in seen {
        if best.as_ref().is_none_or(|b| w.weight() > b.weight()) {
            best = Some(w);
        }
    }
    best
}

/// The registrable domains written in `line`, but those every kind of page
/// writes ([`NOT_THE_SITE`]).
pub fn domains_in(line: &str) -> Vec<&str> {
    let mut found = Vec::new();
    each_domain(line, |host, personal| {
        if !personal
            && !NOT_THE_SITE.iter().any(|n| n.eq_ignore_ascii_case(host))
            && !found.contains(&host)
        {
            found.push(host);
        }
    });
    found
}

/// Calls `each` with the registrable domain of every host written in `line`
/// (bare "example.com", "www.example.com", a URL's host, a mail address's),
/// and whether it is a person's mail address (see [`Written::personal`]).
fn each_domain<'a>(line: &'a str, mut each: impl FnMut(&'a str, bool)) {
    let bytes = line.as_bytes();
    let host_byte = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'.';
    let mut done = 0;
    for dot in memchr::memchr_iter(b'.', bytes) {
        if dot < done
            || dot == 0
            || !bytes[dot - 1].is_ascii_alphanumeric()
            || !bytes.get(dot + 1).is_some_and(u8::is_ascii_alphabetic)
        {
            continue;
        }
        let mut start = dot;
        while start > 0 && host_byte(bytes[start - 1]) {
            start -= 1;
        }
        let mut end = dot + 1;
        while end < bytes.len() && host_byte(bytes[end]) {
            end += 1;
        }
        done = end;
        // The local part of a mail address ("jane.doe@", "site.ru_legal@"), a
        // file in a path ("/images/photo.jpg").
        let after = bytes.get(end).copied();
        if matches!(after, Some(b'@' | b'_')) {
            continue;
        }
        // Glued to a word ("Woman'sDay.ru" read from its "s"): a part of
        // something else. Scripts written without spaces (CJK) may run
        // into a domain.
        let mut back = line[..start].chars().rev();
        let spaced_letter = |c: char| c.is_alphanumeric() && (c as u32) < 0x2E80;
        let glued = match back.next() {
            Some('\'' | '’') => back.next().is_some_and(spaced_letter),
            Some(c) => spaced_letter(c),
            None => false,
        };
        if glued {
            continue;
        }
        let before = start.checked_sub(1).map(|k| bytes[k]);
        let after_scheme = start >= 3 && &bytes[start - 3..start] == b"://";
        if before == Some(b'/') && !after_scheme {
            continue;
        }
        // A person's mail address may name their own mail host
        // ("jane@harbourmail.com" in an author's box), a desk's names the
        // site ("tips@", "news@"): the former counts apart.
        let personal = before == Some(b'@') && !role_address(&bytes[..start - 1]);
        let marked = after_scheme || before == Some(b'@');
        // Sentence dots and trailing dots are not part of the host.
        let host = line[start..end].trim_matches(['.', '-']);
        if let Some(domain) = registrable(host, marked) {
            each(domain, personal);
        }
    }
}

/// Local parts of the mail addresses a site's desks use ("tips@", "news@").
const DESKS: &[&str] = &[
    "tips",
    "news",
    "newsdesk",
    "newsroom",
    "info",
    "contact",
    "editor",
    "editors",
    "editorial",
    "letters",
    "press",
    "feedback",
    "corrections",
    "hello",
    "support",
    "help",
    "ads",
    "advertising",
    "sales",
    "office",
    "mail",
    "webmaster",
    "redaccion",
    "redacao",
    "redazione",
    "redaktion",
    "redaction",
    "redakce",
    "desk",
    "story",
    "stories",
    // The same desks in other languages (Chinese in pinyin: "tougao" is
    // submissions, "bianji" the editors, "jubao" reports).
    "redakciya",
    "redaktsiya",
    "redaksi",
    "redakcia",
    "contato",
    "contacto",
    "contatto",
    "kontakt",
    "kontak",
    "reklama",
    "iklan",
    "publicidad",
    "publicidade",
    "pubblicita",
    "tougao",
    "bianji",
    "jubao",
    "kefu",
    "community",
    "moderator",
    "privacy",
    "accessibility",
    "legal",
];

/// Whether the text before an "@" ends with a desk's local part.
fn role_address(before: &[u8]) -> bool {
    let start = before
        .iter()
        .rposition(|&b| !(b.is_ascii_alphanumeric() || b == b'.' || b == b'_' || b == b'-'))
        .map_or(0, |k| k + 1);
    let local = &before[start..];
    DESKS
        .iter()
        .any(|d| local.eq_ignore_ascii_case(d.as_bytes()))
}

/// The registrable part of `host` ("news.example.co.uk" → "example.co.uk"),
/// if it reads as a domain; `marked` when a scheme or "@" says it is a host.
fn registrable(host: &str, marked: bool) -> Option<&str> {
    if host.len() > 100 || host.contains("..") {
        return None;
    }
    let labels: Vec<&str> = host.split('.').collect();
    let (&tld, rest) = labels.split_last()?;
    let &second = rest.last()?;
    if second.is_empty() || !tld.bytes().all(|b| b.is_ascii_alphabetic()) || tld.len() < 2 {
        return None;
    }
    let tld_lower = tld.to_ascii_lowercase();
    let known = TLDS.contains(&tld_lower.as_str());
    // "end.It", "sold.In": a capitalised two-letter ending is a sentence glued
    // to the next.
    let cased = tld.len() > 2 || tld.bytes().all(|b| b.is_ascii_lowercase());
    if !(marked || known && cased) {
        return None;
    }
    let second_lower = second.to_ascii_lowercase();
    let under_country =
        tld.len() == 2 && rest.len() >= 2 && SECOND_LEVEL.contains(&second_lower.as_str());
    let keep = if under_country { 3 } else { 2 };
    let from = labels.len().checked_sub(keep)?;
    let name = labels[from];
    if name.is_empty() || !name.bytes().any(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    // `labels[from]` is a slice of `host`: the registrable part starts there.
    let at = name.as_ptr() as usize - host.as_ptr() as usize;
    host.get(at..)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn domains(line: &str) -> Vec<String> {
        let mut out = Vec::new();
        each_domain(line, |d, personal| {
            if !personal {
                out.push(d.to_string());
            }
        });
        out
    }

    #[test]
    fn hosts_are_read_from_every_shape() {
        assert_eq!(
            domains("For more information, please visit www.Example-News.com."),
            ["Example-News.com"]
        );
        assert_eq!(
            domains("Send tips to tips@harbour.co.uk"),
            ["harbour.co.uk"]
        );
        assert!(domains("Write to jane.doe@harbourmail.com").is_empty());
        assert_eq!(
            domains("https://news.lantern.com.br/2019/story.html?x=1"),
            ["lantern.com.br"]
        );
        assert_eq!(
            domains("中国互联网举报中心　Youth.cn. 请发送"),
            ["Youth.cn"]
        );
        assert_eq!(
            domains("PanHarbour.Net - Verified video"),
            ["PanHarbour.Net"]
        );
    }

    #[test]
    fn a_persons_mail_address_counts_apart() {
        let page = [
            "Jane Doe jane.doe@harbourdaily.co.kr",
            "A story that cites otherpaper.com once.",
        ];
        let w = most_written(&page, &(1..2));
        assert_eq!(
            w.as_ref().map(|w| w.shown.as_str()),
            Some("harbourdaily.co.kr")
        );
        assert_eq!(
            w.map(|w| (w.outside, w.inside, w.personal)),
            Some((0, 0, 1))
        );
        assert!(domains_in("Write to jane@harbourmail.com").is_empty());
    }

    #[test]
    fn sentences_files_and_mail_names_are_no_domains() {
        assert!(domains("The market fell.It rose again in 2019.In May").is_empty());
        assert!(domains("Run main.py or open photo.jpg, see /img/site.com").is_empty());
        assert!(domains("Write to jane.doe@").is_empty());
        assert!(domains("«Woman'sHarbour.ru»").is_empty());
        assert!(domains("U.S. officials met at 5 p.m. on Tuesday").is_empty());
    }

    #[test]
    fn the_most_written_domain_wins_and_social_networks_never() {
        let page = [
            "Follow us on facebook.com/harbour and twitter.com/harbour",
            "Share on facebook.com",
            "A story that cites otherpaper.com once.",
            "Tips: news@harbourpost.com",
            "© harbourpost.com",
        ];
        let w = most_written(&page, &(2..3)).map(|w| w.shown);
        assert_eq!(w.as_deref(), Some("harbourpost.com"));
        assert!(most_written(&page[..2], &(0..0)).is_none());
    }
}
