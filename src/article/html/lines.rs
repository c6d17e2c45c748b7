//! Page → lines: the visible text cut where a browser's `innerText` cuts it, each
//! line carrying what the markup said about it, plus the page's metadata tags.
//!
//! One pass over html5ever's tokenizer with a small stack of open elements of our
//! own instead of its tree builder: the tree builder's scope checks walk the whole
//! stack on many start tags, which makes 100,000 nested `<div>`s take minutes. Our
//! stack is capped ([`MAX_DEPTH`]) and every rule looks at a bounded part of it,
//! so the pass is linear in the page. Implied end tags are kept to the ones that
//! matter for text (`<p>`, `<li>`, `<dt>`/`<dd>`, table rows and cells, `<option>`).

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// Open elements tracked; deeper ones are counted, not kept, so a page of
/// endlessly nested elements costs no more than a flat one.
pub const MAX_DEPTH: usize = 256;
/// Visible text kept from one page; the rest is ignored (no article is this long).
pub const MAX_TEXT: usize = 8 * 1024 * 1024;
/// Lines kept from one page.
pub const MAX_LINES: usize = 200_000;
/// Containers kept from one page.
const MAX_CONTAINERS: usize = 100_000;
/// JSON-LD kept from one page, all blocks together.
const MAX_JSON_LD: usize = 2 * 1024 * 1024;
/// Class and id attributes are read this far for their words.
const MAX_CLASS_BYTES: usize = 256;
/// Longer link targets are not links a reader wants.
const MAX_HREF: usize = 2048;

/// Elements (or their ancestors) a line is inside, as bits of [`Line::inside`].
pub mod inside {
    pub const NAV: u32 = 1;
    pub const HEADER: u32 = 1 << 1;
    pub const FOOTER: u32 = 1 << 2;
    pub const ASIDE: u32 = 1 << 3;
    pub const FORM: u32 = 1 << 4;
    pub const FIGURE: u32 = 1 << 5;
    pub const FIGCAPTION: u32 = 1 << 6;
    pub const LI: u32 = 1 << 7;
    pub const BLOCKQUOTE: u32 = 1 << 8;
    pub const TABLE: u32 = 1 << 9;
    pub const ARTICLE: u32 = 1 << 10;
    pub const MAIN: u32 = 1 << 11;
    pub const PRE: u32 = 1 << 12;
    pub const LINK: u32 = 1 << 13;
    pub const ADDRESS: u32 = 1 << 14;
    pub const TIME: u32 = 1 << 15;
}

/// Words of class and id attributes (of the line's elements and their
/// ancestors) that say what a block is, as bits of [`Line::words`].
pub mod words {
    pub const RELATED: u32 = 1;
    pub const SHARE: u32 = 1 << 1;
    pub const PROMO: u32 = 1 << 2;
    pub const BYLINE: u32 = 1 << 3;
    pub const CAPTION: u32 = 1 << 4;
    pub const NEWSLETTER: u32 = 1 << 5;
    pub const COMMENT: u32 = 1 << 6;
    pub const AD: u32 = 1 << 7;
    pub const NAVIGATION: u32 = 1 << 8;
    pub const SIDEBAR: u32 = 1 << 9;
    pub const BREADCRUMB: u32 = 1 << 10;
    pub const TAGS: u32 = 1 << 11;
    pub const COOKIE: u32 = 1 << 12;
    pub const AUTHOR: u32 = 1 << 13;
    pub const DATE: u32 = 1 << 14;
    pub const CREDIT: u32 = 1 << 15;
    pub const HIDDEN: u32 = 1 << 16;
    /// Words that mark page furniture rather than the story.
    pub const FURNITURE: u32 = RELATED
        | SHARE
        | PROMO
        | NEWSLETTER
        | COMMENT
        | AD
        | NAVIGATION
        | SIDEBAR
        | BREADCRUMB
        | TAGS
        | COOKIE
        | HIDDEN;
}

/// One line of the page's visible text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Line {
    /// Whitespace collapsed, entities decoded, never empty.
    pub text: String,
    /// 1–6 inside `<h1>`–`<h6>`, else 0.
    pub heading: u8,
    /// [`inside`] bits of every text run of the line.
    pub inside: u32,
    /// [`words`] bits of every text run of the line.
    pub words: u32,
    /// Characters of the line inside links.
    pub link_chars: usize,
    /// A paragraph or heading starts here (a blank line in the text).
    pub blank_before: bool,
    /// Link targets inside the line, in order, as written.
    pub links: Vec<String>,
}

impl Line {
    /// Share of the line's characters inside links.
    pub fn link_density(&self) -> f32 {
        let chars = self.text.chars().count().max(1);
        self.link_chars as f32 / chars as f32
    }
}

/// An element worth judging as a whole once it closes: its lines, its text
/// size and how much of that is links.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub kind: BlockKind,
    /// Lines `first..end`; a line partly inside counts as inside.
    pub first: usize,
    pub end: usize,
    pub chars: usize,
    pub link_chars: usize,
    /// List items directly or deeply inside.
    pub items: usize,
    /// [`inside`] bits of the element and its ancestors.
    pub inside: u32,
    /// The element's own [`words`].
    pub words: u32,
}

/// What made an element a [`Block`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// `<nav>`, `<header>`, `<footer>`, `<aside>`, `<form>`.
    Landmark(u32),
    /// `<ul>`/`<ol>`/`<dl>`.
    List,
    /// Any element whose class or id words say furniture.
    Classed,
    /// `<figure>`: its image's alt is a caption when it has no `<figcaption>`.
    Figure,
    /// `<article>` or `<main>`: where the story may be.
    Content,
}

/// A heading's text, whole (an `<h1>` broken by `<br>` is one headline).
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    pub level: u8,
    pub text: String,
    pub inside: u32,
    pub words: u32,
    /// Its first line.
    pub line: usize,
}

/// What the page's `<head>` and tags say about it, as written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawMeta {
    /// `<title>`.
    pub title: Option<String>,
    /// `<meta name|property|itemprop=KEY content=VALUE>`, keys lowercased.
    pub metas: Vec<(String, String)>,
    /// `<link rel=canonical>`.
    pub canonical: Option<String>,
    /// `<base href>`.
    pub base: Option<String>,
    /// `<link rel=alternate>`: (type, href).
    pub alternates: Vec<(String, String)>,
    /// Texts of `<script type=application/ld+json>`.
    pub json_ld: Vec<String>,
    /// Texts of `rel=author` links.
    pub rel_authors: Vec<String>,
    /// Texts of small elements whose class or id says byline or author.
    pub byline_texts: Vec<String>,
    /// `datetime` of the first `<time>`.
    pub time: Option<String>,
    /// `<html lang>`.
    pub lang: Option<String>,
}

/// A page read: its lines and what its markup says.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub lines: Vec<Line>,
    pub blocks: Vec<Block>,
    pub headings: Vec<Heading>,
    /// `<figcaption>` texts and the alt texts of captionless figures.
    pub captions: Vec<String>,
    /// Block elements with text (`<div>`, `<section>`, `<article>`, `<main>`,
    /// tables and cells): the boxes a story may sit in, as line ranges
    /// `first..end`, inner ones closing (and listed) before outer ones.
    pub containers: Vec<(usize, usize)>,
    pub meta: RawMeta,
}

/// Reads a decoded page.
pub fn read(html: &str) -> Page {
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(
        Sink(RefCell::new(Builder::default())),
        TokenizerOpts::default(),
    );
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let builder = tokenizer.sink.0.into_inner();
    builder.finish()
}

/// The elements told apart; everything else is `Other` (inline, no effect).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum El {
    /// Breaks the line before and after.
    Block,
    /// A block with a blank line around it (`<p>`).
    Para,
    Heading(u8),
    Br,
    /// Never has content (`<img>`, `<meta>`, …).
    Void,
    /// Its content is never shown.
    Skip,
    Pre,
    Li,
    List,
    Cell,
    Row,
    A,
    Title,
    Script,
    Landmark(u32),
    Figure,
    Figcaption,
    Blockquote,
    Table,
    Article,
    Main,
    Address,
    Time,
    Other,
}

fn classify(name: &str) -> El {
    match name {
        "p" => El::Para,
        "h1" => El::Heading(1),
        "h2" => El::Heading(2),
        "h3" => El::Heading(3),
        "h4" => El::Heading(4),
        "h5" => El::Heading(5),
        "h6" => El::Heading(6),
        "div" | "section" | "center" | "dd" | "dt" | "details" | "summary" | "fieldset"
        | "legend" | "hgroup" | "body" | "html" | "caption" | "hr" | "dialog" | "menu" | "dir" => {
            El::Block
        }
        "br" => El::Br,
        "area" | "base" | "col" | "embed" | "img" | "input" | "link" | "meta" | "param"
        | "source" | "track" | "wbr" | "keygen" | "image" => El::Void,
        "style" | "template" | "noscript" | "svg" | "math" | "iframe" | "object" | "select"
        | "button" | "textarea" | "canvas" | "video" | "audio" | "noembed" | "noframes" | "xmp"
        | "datalist" | "map" => El::Skip,
        "script" => El::Script,
        "title" => El::Title,
        "pre" | "listing" | "plaintext" => El::Pre,
        "li" => El::Li,
        "ul" | "ol" | "dl" => El::List,
        "td" | "th" => El::Cell,
        "tr" => El::Row,
        "a" => El::A,
        "nav" => El::Landmark(inside::NAV),
        "header" => El::Landmark(inside::HEADER),
        "footer" => El::Landmark(inside::FOOTER),
        "aside" => El::Landmark(inside::ASIDE),
        "form" => El::Landmark(inside::FORM),
        "figure" => El::Figure,
        "figcaption" => El::Figcaption,
        "blockquote" => El::Blockquote,
        "table" => El::Table,
        "article" => El::Article,
        "main" => El::Main,
        "address" => El::Address,
        "time" => El::Time,
        _ => El::Other,
    }
}

impl El {
    fn breaks(self) -> u8 {
        match self {
            El::Para | El::Heading(_) => 2,
            El::Block
            | El::Pre
            | El::Li
            | El::List
            | El::Row
            | El::Landmark(_)
            | El::Figure
            | El::Figcaption
            | El::Blockquote
            | El::Table
            | El::Article
            | El::Main
            | El::Address => 1,
            _ => 0,
        }
    }
}

/// An open element.
#[derive(Debug)]
struct Frame {
    name: html5ever::LocalName,
    el: El,
    /// This element's and its ancestors' [`inside`] bits.
    inside: u32,
    /// This element's and its ancestors' [`words`] bits.
    words: u32,
    /// This element's own words.
    own_words: u32,
    heading: u8,
    /// Its content is not shown (it or an ancestor is skipped or hidden).
    skip: bool,
    /// Where it started: the line then being built, the visible characters
    /// and link characters so far, the list items so far.
    line: usize,
    chars: usize,
    link_chars: usize,
    items: usize,
    /// Byte offset into the builder's `flat` text, for elements whose text
    /// is taken whole (headings, captions, bylines).
    flat: usize,
    /// Figures: an image's alt, and whether a caption was seen.
    alt: Option<String>,
    captioned: bool,
    rel_author: bool,
}

#[derive(Default)]
struct Builder {
    stack: Vec<Frame>,
    /// Start tags not pushed because the stack was full; as many end tags are
    /// ignored.
    overflow: usize,
    lines: Vec<Line>,
    /// The line being built.
    current: Line,
    /// Space seen since the last visible character.
    space: bool,
    /// Line breaks wanted before the next text: 1 a new line, 2 a new paragraph.
    breaks: u8,
    /// Every visible character kept, lines separated by '\n'.
    flat: String,
    chars: usize,
    link_chars: usize,
    items: usize,
    blocks: Vec<Block>,
    headings: Vec<Heading>,
    captions: Vec<String>,
    containers: Vec<(usize, usize)>,
    meta: RawMeta,
    /// Collecting `<title>` or JSON-LD text.
    title: Option<String>,
    json_ld: Option<String>,
    json_ld_bytes: usize,
    /// The target of a link whose text has not come yet.
    pending_href: Option<String>,
}

struct Sink(RefCell<Builder>);

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut builder = self.0.borrow_mut();
        match token {
            Token::TagToken(tag) => match tag.kind {
                TagKind::StartTag => return builder.start(tag),
                TagKind::EndTag => builder.end(&tag),
            },
            Token::CharacterTokens(text) => builder.text(&text),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

fn attr<'a>(tag: &'a Tag, name: &str) -> Option<&'a str> {
    tag.attrs
        .iter()
        .find(|a| &*a.name.local == name)
        .map(|a| &*a.value)
}

/// An inline style that hides the element: `display:none` or
/// `visibility:hidden`.
fn hides(style: &str) -> bool {
    let style: String = style
        .chars()
        .take(512)
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    style.contains("display:none") || style.contains("visibility:hidden")
}

/// The [`words`] bits of a class or id value.
fn class_words(value: &str) -> u32 {
    let bytes = value.as_bytes();
    let mut bits = 0;
    for word in bytes[..bytes.len().min(MAX_CLASS_BYTES)].split(|b| !b.is_ascii_alphanumeric()) {
        // Lowercased on the stack: no allocation per word.
        let mut buf = [0u8; 24];
        let Some(lower) = buf.get_mut(..word.len()).filter(|w| !w.is_empty()) else {
            continue;
        };
        lower.copy_from_slice(word);
        lower.make_ascii_lowercase();
        if let Ok(word) = std::str::from_utf8(lower) {
            bits |= word_bits(word);
        }
    }
    bits
}

/// One class word. Whole words or their obvious stems; "ad" only whole, since
/// it starts "address", "adapt" and ends "head", "thread".
fn word_bits(word: &str) -> u32 {
    let starts = |p: &str| word.starts_with(p);
    if starts("related")
        || starts("recommend")
        || starts("trending")
        || starts("popular")
        || starts("morestories")
        || starts("readmore")
        || word == "more"
        || starts("outbrain")
        || starts("taboola")
    {
        words::RELATED
    } else if starts("share") || starts("sharing") || starts("social") {
        words::SHARE
    } else if starts("promo") || starts("sponsor") {
        words::PROMO
    } else if starts("byline") {
        words::BYLINE
    } else if starts("author") {
        words::AUTHOR
    } else if starts("caption") {
        words::CAPTION
    } else if starts("credit") {
        words::CREDIT
    } else if starts("newsletter") || starts("subscri") || starts("signup") || starts("paywall") {
        words::NEWSLETTER
    } else if starts("comment") || starts("disqus") {
        words::COMMENT
    } else if word == "ad"
        || word == "ads"
        || starts("advert")
        || starts("adslot")
        || starts("adunit")
    {
        words::AD
    } else if word == "nav" || starts("navbar") || starts("navigation") || word == "menu" {
        words::NAVIGATION
    } else if starts("sidebar") {
        words::SIDEBAR
    } else if starts("breadcrumb") {
        words::BREADCRUMB
    } else if word == "tags" || starts("tagcloud") || word == "tag" {
        words::TAGS
    } else if starts("cookie") || starts("consent") || starts("gdpr") {
        words::COOKIE
    } else if word == "date" || starts("dateline") || starts("timestamp") || starts("published") {
        words::DATE
    } else if word == "hidden" || starts("visually") || word == "sronly" || word == "sr" {
        words::HIDDEN
    } else {
        0
    }
}

/// Inline elements that a new block closes an open `<p>` through.
fn phrasing(el: El) -> bool {
    matches!(el, El::Other | El::A | El::Time)
}

impl Builder {
    fn start(&mut self, tag: Tag) -> TokenSinkResult<()> {
        let el = classify(&tag.name);
        self.close_implied(el);
        let parent_skip = self.stack.last().is_some_and(|f| f.skip);
        let raw = match el {
            El::Script => Some(RawKind::ScriptData),
            El::Title => Some(RawKind::Rcdata),
            El::Skip => match &*tag.name {
                "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
                    Some(RawKind::Rawtext)
                }
                "textarea" => Some(RawKind::Rcdata),
                _ => None,
            },
            _ => None,
        };
        // Inside <svg>/<math> tags may close themselves.
        let foreign_void = tag.self_closing && parent_skip;
        if !parent_skip && (matches!(el, El::Void | El::Time) || self.stack.is_empty()) {
            self.note_meta(el, &tag);
        }
        if el == El::Void || el == El::Br || foreign_void {
            if el == El::Br && !parent_skip {
                // A second <br> in a row leaves a blank line: a new paragraph.
                self.want_break(if self.breaks >= 1 { 2 } else { 1 });
            }
            if &*tag.name == "img" && !parent_skip {
                self.image(&tag);
            }
            return raw.map_or(TokenSinkResult::Continue, TokenSinkResult::RawData);
        }
        if self.stack.len() >= MAX_DEPTH {
            self.overflow += 1;
            return raw.map_or(TokenSinkResult::Continue, TokenSinkResult::RawData);
        }
        if parent_skip {
            // Nothing inside is shown: only the end tag needs finding.
            let frame = self.skipped_frame(tag.name, el);
            self.stack.push(frame);
            return raw.map_or(TokenSinkResult::Continue, TokenSinkResult::RawData);
        }
        let parent = self.stack.last();
        let mut inside_bits = parent.map_or(0, |f| f.inside);
        let mut own_words = 0;
        let mut hidden = false;
        for a in &tag.attrs {
            match &*a.name.local {
                "class" | "id" | "itemprop" | "rel" => own_words |= class_words(&a.value),
                "role" => {
                    own_words |= class_words(&a.value);
                    match a.value.trim() {
                        "navigation" | "menubar" | "menu" => inside_bits |= inside::NAV,
                        "banner" => inside_bits |= inside::HEADER,
                        "contentinfo" => inside_bits |= inside::FOOTER,
                        "complementary" => inside_bits |= inside::ASIDE,
                        "main" => inside_bits |= inside::MAIN,
                        "article" => inside_bits |= inside::ARTICLE,
                        _ => {}
                    }
                }
                "hidden" => hidden = true,
                "aria-hidden" => hidden |= a.value.trim().eq_ignore_ascii_case("true"),
                "style" => hidden |= hides(&a.value),
                _ => {}
            }
        }
        // The page's outermost elements carry layout classes ("has-sidebar"), not
        // what a block is.
        if matches!(&*tag.name, "html" | "body") {
            own_words = 0;
        }
        inside_bits |= match el {
            El::Landmark(bit) => bit,
            El::Figure => inside::FIGURE,
            El::Figcaption => inside::FIGCAPTION,
            El::Li => inside::LI,
            El::Blockquote => inside::BLOCKQUOTE,
            El::Table => inside::TABLE,
            El::Article => inside::ARTICLE,
            El::Main => inside::MAIN,
            El::Pre => inside::PRE,
            El::A => inside::LINK,
            El::Address => inside::ADDRESS,
            El::Time => inside::TIME,
            _ => 0,
        };
        let skip = matches!(el, El::Skip | El::Script | El::Title) || raw.is_some() || hidden;
        let heading = match el {
            El::Heading(level) => level,
            _ => parent.map_or(0, |f| f.heading),
        };
        let words = parent.map_or(0, |f| f.words) | own_words;
        if !skip {
            let breaks = el.breaks();
            if breaks > 0 {
                self.want_break(breaks);
            } else if el == El::Cell {
                self.space = true;
            }
            if el == El::Li {
                self.items += 1;
            }
        }
        if el == El::Title && !parent_skip && self.meta.title.is_none() {
            self.title = Some(String::new());
        }
        if el == El::Script
            && !parent_skip
            && attr(&tag, "type").is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"))
        {
            self.json_ld = Some(String::new());
        }
        let rel_author = el == El::A
            && attr(&tag, "rel").is_some_and(|r| {
                r.split_ascii_whitespace()
                    .any(|w| w.eq_ignore_ascii_case("author"))
            });
        if el == El::A
            && !skip
            && let Some(href) = attr(&tag, "href").map(str::trim)
            && !href.is_empty()
            && href.len() <= MAX_HREF
            && !href.starts_with('#')
        {
            self.pending_link(href.to_string());
        }
        self.stack.push(Frame {
            name: tag.name,
            el,
            inside: inside_bits,
            words,
            own_words,
            heading,
            skip,
            // A line still open when a break is wanted ends before this
            // element's first text.
            line: self.lines.len() + usize::from(!self.current.text.is_empty() && self.breaks > 0),
            chars: self.chars,
            link_chars: self.link_chars,
            items: self.items,
            flat: self.flat.len(),
            alt: None,
            captioned: false,
            rel_author,
        });
        raw.map_or(TokenSinkResult::Continue, TokenSinkResult::RawData)
    }

    /// An element inside one whose content is not shown.
    fn skipped_frame(&self, name: html5ever::LocalName, el: El) -> Frame {
        Frame {
            name,
            el,
            inside: 0,
            words: 0,
            own_words: 0,
            heading: 0,
            skip: true,
            line: self.lines.len(),
            chars: self.chars,
            link_chars: self.link_chars,
            items: self.items,
            flat: self.flat.len(),
            alt: None,
            captioned: false,
            rel_author: false,
        }
    }

    /// A link whose text is coming: kept on the line its text lands on.
    fn pending_link(&mut self, href: String) {
        self.pending_href = Some(href);
    }

    fn image(&mut self, tag: &Tag) {
        let Some(alt) = attr(tag, "alt") else { return };
        let alt = collapse(alt);
        if alt.is_empty() {
            return;
        }
        if let Some(figure) = self
            .stack
            .iter_mut()
            .rev()
            .take(8)
            .find(|f| f.el == El::Figure)
            && figure.alt.is_none()
        {
            figure.alt = Some(alt);
        }
    }

    /// `<meta>`, `<link>`, `<base>`, `<html lang>`, `<time datetime>`.
    fn note_meta(&mut self, el: El, tag: &Tag) {
        match &*tag.name {
            "meta" => {
                let key = attr(tag, "property")
                    .or_else(|| attr(tag, "name"))
                    .or_else(|| attr(tag, "itemprop"));
                if let (Some(key), Some(content)) = (key, attr(tag, "content"))
                    && self.meta.metas.len() < 512
                    && content.len() <= 4096
                {
                    self.meta
                        .metas
                        .push((key.trim().to_ascii_lowercase(), content.trim().to_string()));
                }
            }
            "link" => {
                let rel = attr(tag, "rel").unwrap_or("").to_ascii_lowercase();
                let href = attr(tag, "href")
                    .map(str::trim)
                    .filter(|h| !h.is_empty() && h.len() <= MAX_HREF);
                let Some(href) = href else { return };
                let rels: Vec<&str> = rel.split_ascii_whitespace().collect();
                if rels.contains(&"canonical") && self.meta.canonical.is_none() {
                    self.meta.canonical = Some(href.to_string());
                }
                if rels.contains(&"alternate") && self.meta.alternates.len() < 64 {
                    let kind = attr(tag, "type").unwrap_or("").trim().to_ascii_lowercase();
                    self.meta.alternates.push((kind, href.to_string()));
                }
            }
            "base" if self.meta.base.is_none() => {
                self.meta.base = attr(tag, "href").map(|h| h.trim().to_string());
            }
            "html" if self.meta.lang.is_none() => {
                self.meta.lang = attr(tag, "lang").map(|l| l.trim().to_string());
            }
            _ if el == El::Time && self.meta.time.is_none() => {
                self.meta.time = attr(tag, "datetime").map(|d| d.trim().to_string());
            }
            _ => {}
        }
    }

    /// Start tags that close an open element without its end tag.
    fn close_implied(&mut self, el: El) {
        let closes: &[&str] = match el {
            El::Para
            | El::Heading(_)
            | El::Block
            | El::Pre
            | El::List
            | El::Landmark(_)
            | El::Figure
            | El::Figcaption
            | El::Blockquote
            | El::Table
            | El::Article
            | El::Main
            | El::Address => &["p"],
            El::Li => &["li", "p"],
            El::Row => &["tr", "td", "th"],
            El::Cell => &["td", "th"],
            _ => return,
        };
        // Look down through inline elements (and, for items and cells, their
        // content) for an element to close.
        let mut depth = None;
        for (i, frame) in self.stack.iter().enumerate().rev().take(32) {
            if closes.contains(&&*frame.name) {
                depth = Some(i);
                break;
            }
            let passable = phrasing(frame.el)
                || (matches!(el, El::Li | El::Row | El::Cell)
                    && !matches!(frame.el, El::List | El::Table | El::Li | El::Cell | El::Row));
            if !passable {
                break;
            }
        }
        if let Some(i) = depth {
            self.pop_to(i);
        }
    }

    fn end(&mut self, tag: &Tag) {
        if self.overflow > 0 {
            self.overflow -= 1;
            return;
        }
        let name = &tag.name;
        if &**name == "br" {
            if !self.stack.last().is_some_and(|f| f.skip) {
                self.want_break(1);
            }
            return;
        }
        if let Some(i) = self.stack.iter().rposition(|f| f.name == *name) {
            self.pop_to(i);
        } else if &**name == "p" {
            self.want_break(2);
        }
    }

    /// Closes the elements from the top of the stack down to index `i`.
    fn pop_to(&mut self, i: usize) {
        while self.stack.len() > i {
            let Some(frame) = self.stack.pop() else { break };
            self.close(frame);
        }
    }

    fn close(&mut self, frame: Frame) {
        if frame.el == El::Title
            && let Some(title) = self.title.take()
        {
            self.meta.title = Some(collapse(&title));
        }
        if frame.el == El::Script
            && let Some(json) = self.json_ld.take()
        {
            self.meta.json_ld.push(json);
        }
        if frame.skip {
            return;
        }
        let breaks = frame.el.breaks();
        if breaks > 0 {
            self.want_break(breaks);
        }
        let taken = || self.flat[frame.flat..].trim().to_string();
        match frame.el {
            El::Heading(level) if self.headings.len() < 256 => {
                let text = collapse(&taken());
                if !text.is_empty() {
                    self.headings.push(Heading {
                        level,
                        text,
                        inside: frame.inside,
                        words: frame.words,
                        line: frame.line,
                    });
                }
            }
            El::Figcaption => {
                let text = collapse(&taken());
                if let Some(figure) = self
                    .stack
                    .iter_mut()
                    .rev()
                    .take(8)
                    .find(|f| f.el == El::Figure)
                {
                    figure.captioned = true;
                }
                if !text.is_empty() && self.captions.len() < 256 {
                    self.captions.push(text);
                }
            }
            El::Figure => {
                if !frame.captioned
                    && let Some(alt) = frame.alt.clone()
                    && self.captions.len() < 256
                {
                    self.captions.push(alt);
                }
            }
            _ => {}
        }
        if frame.rel_author || frame.own_words & (words::BYLINE | words::AUTHOR) != 0 {
            let text = collapse(&taken());
            if !text.is_empty() && text.len() <= 200 && self.meta.byline_texts.len() < 32 {
                if frame.rel_author {
                    self.meta.rel_authors.push(text);
                } else {
                    self.meta.byline_texts.push(text);
                }
            }
        }
        if matches!(
            frame.el,
            El::Block | El::Article | El::Main | El::Table | El::Cell | El::Landmark(_)
        ) && self.containers.len() < MAX_CONTAINERS
        {
            let end = self.lines.len() + usize::from(!self.current.text.is_empty());
            if end > frame.line {
                self.containers.push((frame.line, end));
            }
        }
        let kind = match frame.el {
            El::Landmark(bit) => Some(BlockKind::Landmark(bit)),
            El::List => Some(BlockKind::List),
            El::Figure => Some(BlockKind::Figure),
            El::Article | El::Main => Some(BlockKind::Content),
            _ if frame.own_words & words::FURNITURE != 0 => Some(BlockKind::Classed),
            _ => None,
        };
        if let Some(kind) = kind
            && self.blocks.len() < 100_000
        {
            // The line being built belongs to this element if it has text.
            let end = self.lines.len() + usize::from(!self.current.text.is_empty());
            self.blocks.push(Block {
                kind,
                first: frame.line,
                end,
                chars: self.chars - frame.chars,
                link_chars: self.link_chars - frame.link_chars,
                items: self.items - frame.items,
                inside: frame.inside,
                words: frame.own_words,
            });
        }
    }

    fn want_break(&mut self, n: u8) {
        self.breaks = self.breaks.max(n);
    }

    fn text(&mut self, text: &str) {
        if let Some(title) = &mut self.title {
            if title.len() < 4096 {
                title.push_str(text);
            }
            return;
        }
        if let Some(json) = &mut self.json_ld {
            if self.json_ld_bytes + text.len() <= MAX_JSON_LD {
                self.json_ld_bytes += text.len();
                json.push_str(text);
            }
            return;
        }
        let Some(frame) = self.stack.last() else {
            return self.push_text(text, 0, 0, 0);
        };
        if frame.skip {
            return;
        }
        let (inside_bits, words_bits, heading) = (frame.inside, frame.words, frame.heading);
        if inside_bits & inside::PRE != 0 {
            let mut first = true;
            for part in text.split('\n') {
                if !first {
                    self.want_break(1);
                }
                first = false;
                self.push_text(part, inside_bits, words_bits, heading);
            }
        } else {
            self.push_text(text, inside_bits, words_bits, heading);
        }
    }

    /// Appends text to the current line, collapsing white space.
    fn push_text(&mut self, text: &str, inside_bits: u32, words_bits: u32, heading: u8) {
        if self.flat.len() >= MAX_TEXT {
            return;
        }
        for (i, word) in text.split(is_space).enumerate() {
            if i > 0 {
                self.space = true;
            }
            if word.is_empty() {
                continue;
            }
            if self.breaks > 0 {
                self.finish_line();
            }
            if self.current.text.is_empty() {
                if self.lines.len() >= MAX_LINES {
                    return;
                }
            } else if self.space {
                self.current.text.push(' ');
                self.flat.push(' ');
                self.chars += 1;
                if inside_bits & inside::LINK != 0 {
                    self.current.link_chars += 1;
                    self.link_chars += 1;
                }
            }
            self.space = false;
            if let Some(href) = self.pending_href.take()
                && self.current.links.len() < 64
            {
                self.current.links.push(href);
            }
            let n = word.chars().count();
            self.current.text.push_str(word);
            self.flat.push_str(word);
            self.chars += n;
            if inside_bits & inside::LINK != 0 {
                self.current.link_chars += n;
                self.link_chars += n;
            }
            self.current.inside |= inside_bits;
            self.current.words |= words_bits;
            if heading > 0 && (self.current.heading == 0 || heading < self.current.heading) {
                self.current.heading = heading;
            }
        }
    }

    /// Ends the current line (if it has text) at a wanted break.
    fn finish_line(&mut self) {
        let paragraph = self.breaks >= 2;
        self.breaks = 0;
        self.space = false;
        if self.current.text.is_empty() {
            self.current.blank_before |= paragraph;
            return;
        }
        let mut line = std::mem::take(&mut self.current);
        line.text.truncate(line.text.trim_end().len());
        self.lines.push(line);
        self.flat.push('\n');
        self.current.blank_before = paragraph;
    }

    fn finish(mut self) -> Page {
        self.pop_to(0);
        self.breaks = 1;
        self.finish_line();
        Page {
            lines: self.lines,
            blocks: self.blocks,
            headings: self.headings,
            captions: self.captions,
            containers: self.containers,
            meta: self.meta,
        }
    }
}

/// HTML's white space (not NBSP, which is shown).
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c')
}

/// White space runs (line breaks included) to single spaces, trimmed.
pub fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(is_space).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}
