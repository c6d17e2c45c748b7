//! Generated HTML pages of realistic size and shape (50–300 KB, mostly markup:
//! a `<head>` of meta tags, JSON-LD and inline scripts and styles, menus of
//! nested lists, a story of classed `<div>`s and `<p>`s with links and figures,
//! teaser rails and a footer), for `benches/html.rs` and `examples/gen_corpus.rs
//! --html`. Deterministic: the same seed gives the same bytes.
#![allow(dead_code)]

use std::fmt::Write;

/// A small deterministic generator (xorshift), so every run parses the same pages.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const WORDS: &[&str] = &[
    "the",
    "council",
    "said",
    "on",
    "Tuesday",
    "that",
    "new",
    "bridge",
    "would",
    "open",
    "in",
    "spring",
    "after",
    "years",
    "of",
    "delays",
    "and",
    "a",
    "budget",
    "that",
    "grew",
    "twice",
    "residents",
    "welcomed",
    "news",
    "but",
    "warned",
    "traffic",
    "could",
    "worsen",
    "during",
    "works",
    "engineers",
    "expect",
    "river",
    "levels",
    "to",
    "fall",
    "by",
    "summer",
    "mayor",
];

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut s = String::new();
    for i in 0..words {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(WORDS[rng.below(WORDS.len())]);
    }
    s.push('.');
    s
}

fn classes(rng: &mut Rng) -> String {
    const PARTS: &[&str] = &[
        "flex",
        "items-center",
        "mt-4",
        "md:mt-8",
        "text-gray-700",
        "font-serif",
        "leading-7",
        "container",
        "col-12",
        "col-md-8",
        "hidden-xs",
        "js-track",
        "c-entry",
        "l-wrapper",
    ];
    (0..4 + rng.below(8))
        .map(|_| PARTS[rng.below(PARTS.len())])
        .collect::<Vec<_>>()
        .join(" ")
}

fn menu(rng: &mut Rng, out: &mut String, items: usize) {
    out.push_str("<nav class=\"site-nav\"><ul class=\"menu\">");
    for i in 0..items {
        let _ = write!(
            out,
            "<li class=\"{}\"><a href=\"/section/{i}\" data-track=\"nav-{i}\">{}</a><ul class=\"sub-menu\">",
            classes(rng),
            WORDS[rng.below(WORDS.len())]
        );
        for j in 0..3 {
            let _ = write!(
                out,
                "<li><a href=\"/section/{i}/{j}\">{}</a></li>",
                WORDS[rng.below(WORDS.len())]
            );
        }
        out.push_str("</ul></li>");
    }
    out.push_str("</ul></nav>");
}

/// One page of roughly `target` bytes.
pub fn page(rng: &mut Rng, target: usize) -> String {
    let mut out = String::with_capacity(target + 4096);
    out.push_str("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
    let headline = sentence(rng, 9);
    let _ = write!(out, "<title>{headline} | The Example Times</title>");
    for i in 0..40 {
        let _ = write!(
            out,
            "<meta name=\"x-meta-{i}\" content=\"{}\">",
            sentence(rng, 6)
        );
    }
    let _ = write!(
        out,
        "<meta property=\"og:title\" content=\"{headline}\"><meta property=\"og:site_name\" content=\"The Example Times\">\
         <link rel=\"canonical\" href=\"https://example.com/2024/05/story\">\
         <script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"{headline}\",\"author\":{{\"@type\":\"Person\",\"name\":\"Sam Writer\"}},\"datePublished\":\"2024-05-01T10:00:00Z\"}}</script>"
    );
    out.push_str("<style>");
    for i in 0..200 {
        let _ = write!(
            out,
            ".c{i}{{margin:{i}px;padding:0 {i}px;color:#{:06x}}}",
            rng.next() % 0xffffff
        );
    }
    out.push_str("</style><script>");
    for i in 0..300 {
        let _ = write!(
            out,
            "window.__data{i} = {{\"k\": \"{}\", \"n\": {}}};",
            sentence(rng, 5),
            rng.next()
        );
    }
    out.push_str("</script></head><body class=\"article-page\">");
    menu(rng, &mut out, 30);
    let _ = write!(
        out,
        "<main><article class=\"{}\"><header><h1 class=\"headline\">{headline}</h1><div class=\"byline\">By Sam Writer</div></header>",
        classes(rng)
    );
    let mut paragraph = 0;
    while out.len() < target * 7 / 10 {
        paragraph += 1;
        let _ = write!(
            out,
            "<div class=\"{}\"><div class=\"{}\"><p class=\"{}\">",
            classes(rng),
            classes(rng),
            classes(rng)
        );
        let _ = write!(
            out,
            "{} <a href=\"https://example.com/link/{paragraph}\" class=\"{}\">{}</a> {}</p></div></div>",
            sentence(rng, 20),
            classes(rng),
            sentence(rng, 3),
            sentence(rng, 15)
        );
        if paragraph % 6 == 0 {
            let _ = write!(
                out,
                "<figure class=\"{}\"><picture><source srcset=\"/img/{paragraph}-400.webp 400w, /img/{paragraph}-800.webp 800w, /img/{paragraph}-1600.webp 1600w\"><img src=\"/img/{paragraph}.jpg\" alt=\"{}\" loading=\"lazy\" width=\"800\" height=\"450\"></picture><figcaption>{}</figcaption></figure>",
                classes(rng),
                sentence(rng, 6),
                sentence(rng, 10)
            );
        }
        if paragraph % 8 == 0 {
            let _ = write!(
                out,
                "<div class=\"ad-slot {}\" data-ad-unit=\"/123/{paragraph}\"><span aria-hidden=\"true\">Advertisement</span></div>",
                classes(rng)
            );
        }
    }
    out.push_str("</article><aside class=\"related\"><h2>More stories</h2>");
    while out.len() < target * 9 / 10 {
        let _ = write!(
            out,
            "<div class=\"card {}\"><h3><a href=\"/story/{}\">{}</a></h3><p>{}</p></div>",
            classes(rng),
            rng.next(),
            sentence(rng, 8),
            sentence(rng, 12)
        );
    }
    out.push_str("</aside></main><footer>");
    menu(rng, &mut out, 10);
    while out.len() < target {
        let _ = write!(
            out,
            "<p class=\"{}\">{}</p>",
            classes(rng),
            sentence(rng, 8)
        );
    }
    out.push_str("</footer></body></html>");
    out
}

/// Page `i`'s size in a run: 50–300 KB.
pub fn page_size(rng: &mut Rng) -> usize {
    50_000 + rng.below(250_000)
}
