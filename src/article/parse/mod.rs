//! Raw page text → [`Article`].
//!
//! [`parse`] is a short pipeline of named stages, each a function below
//! (decode → lines → blocks → classify → links → region → headline zone →
//! body → fields); the rules live in the modules, each a named function (or a
//! named clause) with a doc comment giving its reason and an example line:
//! 1. `blocks`: lines cut into units; hard wraps reflowed (`reflow_hard_wrap`,
//!    only when most long lines end mid-sentence), words split at a line-end
//!    hyphen and URLs cut at a path separator rejoined (`dehyphenate`), broken URLs
//!    rejoined (`rejoin_broken_url`), bullets recognised.
//! 2. Each unit classified once (`Kind`) by `furniture` (navigation, share,
//!    sign-up, legal, comment widgets, counters, font-size buttons, breadcrumbs,
//!    credits, related links, "original article" lines), `captions` (caption
//!    shapes, photo credits, repeats) and `meta` (bylines, name lines, dates);
//!    `mark_captions` then looks at neighbours (repeated captions, caption + credit).
//! 3. `region`: the densest run of sentence-like prose (a maximum-sum run where
//!    prose scores its word count and everything else scores negative) locates the
//!    story; its end is where the running score peaks, cut earlier by a comment
//!    section (`comments_boundary`) or a long non-prose gap (`gap_cut`).
//! 4. `headline`: the headline-shaped line that best fits the start of the story
//!    (byline or date under it, standfirst under it, next to the story, repeated or
//!    quoted on the page, URL slug; a longer line right under it is its dek,
//!    `dek_under_headline`), then the header zone under it (dek, byline, date,
//!    lead caption) which the body skips (`header_zone`). With no such line, a
//!    headline-shaped first line is the title (`first_line_title`).
//! 5. `body`: inside the story, short lines are subheads unless they come in
//!    lists, sit under a caption, or read as links to other stories; a pull quote
//!    repeating a paragraph just above is dropped (`pull_quote`); the author's
//!    bio box ends the story (`author_bio`); a page without prose keeps its text
//!    lines (`nothing_lost`).
//! 6. Byline, date, source and URL from the header zone, the URL, and the
//!    "original article" line; a one-sentence lede restated by the next paragraph
//!    becomes the dek (`leading_summary`); with no headline, the URL slug gives one.

mod blocks;
mod body;
mod byline;
mod captions;
mod classify;
mod furniture;
mod headline;
mod meta;
mod page_domain;
mod region;
mod source;
pub(crate) mod text;
mod urls;

pub use source::ExplainedSource;

use std::borrow::Cow;
use std::cell::OnceCell;

use crate::article::model::{Article, Related};

use text::{content_words, ends_terminal, is_title_case, overlap};

/// What a unit is, decided from the unit alone (and its immediate neighbours for
/// captions).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Story text, subhead, headline or dek: decided by position later.
    Text,
    /// Site furniture (see [`furniture`]).
    Furniture,
    /// A photo caption.
    Caption,
    /// A photo credit line.
    PhotoCredit,
    /// An attribution credit ("Information from Reuters was used in this report.").
    Credit,
    /// A link to another story, with its headline.
    Related(String),
    /// A byline, with the names.
    Byline(String),
    /// A timestamp line.
    Date,
    /// A bare URL or a URL label.
    Url,
}

/// A unit with the measures every rule uses.
#[derive(Debug, Clone)]
pub(crate) struct Line<'a> {
    /// The unit's text, borrowed from the page unless lines were joined.
    pub text: Cow<'a, str>,
    pub block: usize,
    pub words: usize,
    /// Reads as prose: ends like a sentence with six or more words, or is long and
    /// dense with stop words.
    pub sentence: bool,
    pub bullet: bool,
    /// Reads as a bare author name (see [`Line::name`]), found when a rule
    /// first asks.
    name: OnceCell<bool>,
    pub kind: Kind,
    /// The rule that decided `kind`: a classifier's (see [`classify`]) or a
    /// neighbour rule's (see [`mark_captions`]).
    pub rule: &'static str,
    /// The text's content words, found when a rule first asks (see
    /// [`Line::content`]).
    content: OnceCell<ParagraphWords>,
}

impl Line<'_> {
    /// Reads as a bare author name (see [`meta::name_line`]), for short
    /// lines that are not prose. Only the lines around the headline are
    /// asked (whether a name marks the header), so most lines never pay for
    /// the test.
    pub(crate) fn name(&self) -> bool {
        *self.name.get_or_init(|| {
            !self.sentence
                && (2..=14).contains(&self.words)
                && meta::name_line(&self.text).is_some()
        })
    }

    /// The text's content words ([`ParagraphWords`]), found once for every
    /// rule that reads them: the headline's lead (`story_overlap`) and the
    /// body's `pull_quote` read the story's first paragraphs both.
    pub(crate) fn content(&self) -> &ParagraphWords {
        self.content.get_or_init(|| ParagraphWords::of(&self.text))
    }
}

/// What the text rules make of one line on its own, for the HTML reader,
/// which knows from the markup where the story is but not what a line says.
pub(crate) fn kind_of(line: &str) -> Kind {
    classify::classify_unit(line, text::word_count(line), &mut String::new()).0
}

/// Measures and classifies one unit; `scratch` is
/// [`classify::classify_unit`]'s buffer.
fn measure<'a>(unit: blocks::Unit<'a>, scratch: &mut String) -> Line<'a> {
    let words = text::line_words(&unit.text);
    let bullet = blocks::bullet_text(&unit.text).is_some();
    // Title-Case lines are headlines even when they end in "?" (teasers for other
    // stories), never prose.
    let sentence = ((words >= 6 && ends_terminal(&unit.text))
        || (words >= 20 && text::function_word_ratio(&unit.text) >= 0.2))
        && !(words <= 20 && is_title_case(&unit.text));
    let (kind, rule) = classify::classify_unit(&unit.text, words, scratch);
    Line {
        words,
        sentence,
        bullet,
        name: OnceCell::new(),
        kind,
        rule,
        text: unit.text,
        block: unit.block,
        content: OnceCell::new(),
    }
}

/// [`measure`] for every unit, with one scratch buffer for them all.
fn measure_all(units: Vec<blocks::Unit<'_>>) -> Vec<Line<'_>> {
    // Room for any line the classifiers lowercase (all but non-ASCII ones
    // whose lowercase is longer), so the buffer never grows line by line.
    let mut scratch = String::with_capacity(classify::LONG + 1);
    units
        .into_iter()
        .map(|unit| measure(unit, &mut scratch))
        .collect()
}

/// Rules that look at neighbouring units:
/// * `caption_over_credit`: across a blank line, a short sentence over an
///   unmistakable photo credit standing alone is that photo's caption.
/// * `duplicate_caption`: a line repeated at once (exactly, or as a shorter
///   restatement) in the same block is a photo caption rendered twice (alt text and
///   figure caption). Example: two consecutive "FILE - Airmen assigned…" lines,
///   or "In this photo … (Jane Roe/Agency via AP)" twice.
/// * `caption_with_credit`: a sentence followed, at the end of its block, by a short
///   credit ("Getty Images", "Berkeley Earth") is a photo caption.
/// * `gallery_caption`: a sentence right after a gallery counter ("6") is a caption.
fn mark_captions(lines: &mut [Line]) {
    let n = lines.len();
    for i in 0..n.saturating_sub(1) {
        let (a, b) = (&lines[i], &lines[i + 1]);
        if a.block != b.block {
            // Across a blank line only an unmistakable credit ("(Image: © …)",
            // "Getty Images") under a short sentence marks it as a caption.
            // A credit that heads its own block with a caption under it ("Image
            // copyright EPA" / "Image caption …") belongs to that caption instead.
            let credit = b.kind == Kind::PhotoCredit
                || (b.kind == Kind::Caption && captions::is_photo_credit(&b.text));
            let credit_alone = lines.get(i + 2).is_none_or(|c| c.block != b.block);
            if credit
                && credit_alone
                && a.kind == Kind::Text
                && a.sentence
                && a.words <= 35
                && !a.bullet
            {
                lines[i].kind = Kind::Caption;
                lines[i].rule = "caption_over_credit";
            }
            continue;
        }
        let texty =
            |l: &Line| matches!(l.kind, Kind::Text | Kind::Caption) && l.words >= 5 && !l.bullet;
        // The repeat is identical or the shorter one; a longer second line that
        // restates a short first one is a summary and its paragraph (see
        // `leading_summary`), not a caption.
        if texty(a)
            && texty(b)
            && a.sentence
            && (text::ends_with_period(&a.text) || captions::trailing_photo_credit(&a.text))
            && b.text.chars().count() <= a.text.chars().count()
            && captions::near_duplicate(&a.text, &b.text)
        {
            lines[i].kind = Kind::Caption;
            lines[i].rule = "duplicate_caption";
            lines[i + 1].kind = Kind::Caption;
            lines[i + 1].rule = "duplicate_caption";
            continue;
        }
        let last_in_block = lines.get(i + 2).is_none_or(|c| c.block != b.block);
        let credit_follows = b.kind == Kind::PhotoCredit
            || (b.kind == Kind::Caption && captions::is_photo_credit(&b.text))
            || (b.kind == Kind::Text && last_in_block && captions::is_credit_name(&b.text));
        let with_credit = a.kind == Kind::Text
            && (ends_terminal(&a.text) || a.words >= 15)
            && a.words >= 3
            && credit_follows
            && last_in_block
            && !a.bullet;
        // A gallery position: "6" or "1 of 12".
        let counter = |l: &Line| {
            // The first four words tell one word from three from more.
            let mut first = [""; 4];
            let mut len = 0;
            for (slot, w) in first.iter_mut().zip(l.text.split_whitespace()) {
                *slot = w;
                len += 1;
            }
            let ws = &first[..len];
            let num = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
            (ws.len() == 1 && num(ws[0]))
                || (ws.len() == 3 && num(ws[0]) && ws[1].eq_ignore_ascii_case("of") && num(ws[2]))
        };
        let gallery = counter(a) && b.kind == Kind::Text && b.sentence;
        if with_credit {
            lines[i].kind = Kind::Caption;
            lines[i].rule = "caption_with_credit";
        }
        if gallery {
            lines[i + 1].kind = Kind::Caption;
            lines[i + 1].rule = "gallery_caption";
        }
    }
}

/// Rule `pull_quote`: whether `quote` repeats one of the last six paragraphs of
/// `body`: a paragraph longer than the quote but not more than three times as
/// long, where nearly all of the quote's content words (at least five) occur.
///
/// Each paragraph's words are found once ([`ParagraphWords`], kept in
/// `paragraphs` by body index) and every later quote reads them from there
/// rather than from the text. Most paragraphs share few words with the quote,
/// so each is first tested against its [`Signature`]: the quote's words that
/// miss it cannot be in the paragraph, and when too many miss, the paragraph
/// is passed over. Only a paragraph that passes has its words looked up in the
/// quote's for the exact count. A paragraph that is its line's text (`from`
/// tells the line each paragraph came from) reads the words that line found
/// already ([`Line::content`]). Returns too whether the quote's words were
/// looked at, for the caller to keep them if the quote becomes a paragraph.
fn pulled_from_recent<'l>(
    quote: &'l Line<'_>,
    body: &[String],
    from: &[usize],
    lines: &'l [Line<'_>],
    paragraphs: &mut Vec<Option<BodyWords<'l>>>,
) -> (bool, bool) {
    paragraphs.resize_with(body.len(), || None);
    let mut quote_words: Option<QuoteWords<'_>> = None;
    let mut found: Vec<bool> = Vec::new();
    let quote_len = quote.text.len();
    for k in (0..body.len()).rev().take(6) {
        let paragraph = &body[k];
        if paragraph.len() <= quote_len || paragraph.len() > 3 * quote_len {
            continue;
        }
        let q = quote_words.get_or_insert_with(|| QuoteWords::new(&quote.text, quote.content()));
        if q.total < 5 {
            return (false, true);
        }
        let words = paragraphs[k]
            .get_or_insert_with(|| {
                BodyWords::of(paragraph, from.get(k).and_then(|&j| lines.get(j)))
            })
            .words();
        // At most this many of the quote's words occur in the paragraph.
        let bound: usize = q
            .distinct
            .iter()
            .filter(|w| words.signature.may_hold(w.hash))
            .map(|w| w.count)
            .sum();
        // (Never NaN: `total` is at least 5.)
        if (bound as f32 / q.total as f32) < 0.9 {
            continue;
        }
        found.clear();
        found.resize(q.distinct.len(), false);
        for &(hash, start, end) in &words.words {
            if let Some(d) = q.find(hash, &paragraph[start..end]) {
                found[d] = true;
            }
        }
        // overlap(content_words(quote), content_words(paragraph)): the share of
        // the quote's words (each occurrence counted) that occur in the paragraph.
        let hits: usize = q
            .distinct
            .iter()
            .zip(&found)
            .filter(|(_, hit)| **hit)
            .map(|(w, _)| w.count)
            .sum();
        if hits as f32 / q.total as f32 >= 0.9 {
            return (true, true);
        }
    }
    (false, quote_words.is_some())
}

/// A body paragraph's content words for rule `pull_quote`: those of the line
/// it is the text of, or its own when it is no line's text as it stands (a
/// bullet's item, a paragraph with a link joined on).
enum BodyWords<'l> {
    Line(&'l ParagraphWords),
    Own(ParagraphWords),
}

impl<'l> BodyWords<'l> {
    /// The words of `paragraph`, which came from `line` (if any).
    fn of(paragraph: &str, line: Option<&'l Line<'_>>) -> Self {
        match line {
            Some(l) if l.text == paragraph => Self::Line(l.content()),
            _ => Self::Own(ParagraphWords::of(paragraph)),
        }
    }

    fn words(&self) -> &ParagraphWords {
        match self {
            Self::Line(words) => words,
            Self::Own(words) => words,
        }
    }
}

/// A paragraph's content words (see [`text::content_word_hashes`]) as rule
/// `pull_quote` reads them: each word's hash (of its lowercased form) and
/// where it stands in the paragraph, in order, and their [`Signature`].
#[derive(Debug, Clone)]
pub(crate) struct ParagraphWords {
    signature: Signature,
    /// `(hash, start, end)`: the word is `paragraph[start..end]` before
    /// lowercasing.
    words: Vec<(u64, usize, usize)>,
}

impl ParagraphWords {
    fn of(paragraph: &str) -> Self {
        // A content word has three characters or more and a separator after
        // it (but the last): room for that many words never grows.
        let mut own = Self {
            signature: Signature([0; 4]),
            words: Vec::with_capacity(paragraph.len() / 4 + 1),
        };
        text::content_word_hashes(paragraph, |start, end, hash| own.push(hash, start, end));
        own
    }

    fn push(&mut self, hash: u64, start: usize, end: usize) {
        self.signature.add(hash);
        self.words.push((hash, start, end));
    }

    /// Whether one of the content words has this hash: its [`Signature`]
    /// first, then the words in order.
    pub(crate) fn holds(&self, hash: u64) -> bool {
        self.signature.may_hold(hash) && self.words.iter().any(|&(h, _, _)| h == hash)
    }

    /// Whether the text has no content word.
    pub(crate) fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Each content word's hash, in order.
    pub(crate) fn hashes(&self) -> impl Iterator<Item = u64> + '_ {
        self.words.iter().map(|&(hash, _, _)| hash)
    }
}

/// A 256-bit Bloom filter of a paragraph's content words: one bit per word,
/// chosen by the top byte of the word's hash. A word whose bit is clear is not
/// among them; a set bit proves nothing.
#[derive(Debug, Clone, Copy)]
struct Signature([u64; 4]);

impl Signature {
    fn add(&mut self, hash: u64) {
        let bit = (hash >> 56) as usize;
        self.0[bit >> 6] |= 1 << (bit & 63);
    }

    fn may_hold(&self, hash: u64) -> bool {
        let bit = (hash >> 56) as usize;
        self.0[bit >> 6] & (1 << (bit & 63)) != 0
    }
}

/// A quote's content words as a small hash set: each distinct word once, with
/// how often it occurs, found by open addressing on its hash; and the quote's
/// words as a paragraph's ([`ParagraphWords`]), made in the same pass.
struct QuoteWords<'a> {
    distinct: Vec<QuoteWord<'a>>,
    /// `k + 1` for the word `distinct[k]`, 0 for an empty slot; the length is a
    /// power of two at least twice the number of words.
    slots: Vec<usize>,
    /// Words counted with repeats.
    total: usize,
}

struct QuoteWord<'a> {
    word: Cow<'a, str>,
    hash: u64,
    count: usize,
}

impl<'a> QuoteWords<'a> {
    /// The set of `quote`'s words, `own` being its [`ParagraphWords`].
    fn new(quote: &'a str, own: &ParagraphWords) -> Self {
        let total = own.words.len();
        let size = (2 * total).next_power_of_two().max(8);
        let mut set = Self {
            distinct: Vec::with_capacity(total),
            slots: vec![0; size],
            total,
        };
        for &(hash, start, end) in &own.words {
            let word = text::RawWord::of_span(&quote[start..end]);
            match set.slot(hash, |lower| word.is(lower)) {
                Ok(d) => set.distinct[d].count += 1,
                Err(slot) => {
                    set.distinct.push(QuoteWord {
                        word: word.into_lower(),
                        hash,
                        count: 1,
                    });
                    set.slots[slot] = set.distinct.len();
                }
            }
        }
        set
    }

    /// The index in `distinct` of the content word `span` (as it stands in
    /// its text, not yet lowercased) whose hash is `hash`, if it is there.
    fn find(&self, hash: u64, span: &str) -> Option<usize> {
        self.slot(hash, |lower| text::RawWord::of_span(span).is(lower))
            .ok()
    }

    /// `Ok(index in distinct)` of the word with this hash for which `is`
    /// holds (given the lowercased word), or `Err(the empty slot where it
    /// would go)`.
    fn slot(&self, hash: u64, is: impl Fn(&str) -> bool) -> Result<usize, usize> {
        let mask = self.slots.len() - 1;
        // `as usize` keeps the low bits, which the mask then selects.
        let mut at = hash as usize & mask;
        loop {
            match self.slots[at] {
                0 => return Err(at),
                k if self.distinct[k - 1].hash == hash && is(&self.distinct[k - 1].word) => {
                    return Ok(k - 1);
                }
                _ => at = (at + 1) & mask,
            }
        }
    }
}

/// Rule `caption_once`: adds a caption unless it repeats one already kept, exactly
/// or as a shorter restatement (the first, fuller caption stays).
fn push_caption(captions: &mut Vec<String>, caption: &str) {
    let caption = captions::without_label(caption.trim());
    // Repeats sit close together; comparing with the last few keeps this linear.
    if !captions
        .iter()
        .rev()
        .take(16)
        .any(|c| captions::near_duplicate(c, caption))
    {
        captions.push(caption.to_string());
    }
}

/// Parses normalised page text (see [`crate::article::decode::normalise`]):
/// the stages below, in order, each a function of what the ones before found.
pub fn parse(text: &str) -> Article {
    let physical = lines(text);
    let lines = classify(blocks(&physical));
    let mut article = Article::default();
    if lines.is_empty() {
        return article;
    }
    let page = links(&lines);
    let story = region(&lines);
    let zone = headline_zone(&lines, &story, &page.slug);
    article.links = page.links;
    article.url = page.url;
    let (end, mut subheads) = body(&mut article, &lines, &story, &zone);
    fields(&mut article, &lines, &zone, end, &mut subheads);
    article.subheads = subheads;
    article.word_count = body_word_count(&article.body, &lines);
    article
}

/// [`count_words`] of the body: a paragraph that is a line's text as it
/// stands (nearly every one) has that line's count already (the same
/// [`text::line_words`]), found by walking the lines in step with the
/// paragraphs; any other is counted.
fn body_word_count(body: &[String], lines: &[Line]) -> usize {
    let mut at = 0;
    body.iter()
        .map(|p| {
            let same = |l: &Line| l.text.len() == p.len() && l.text == p.as_str();
            match lines.get(at..).and_then(|rest| rest.iter().position(same)) {
                Some(k) => {
                    at += k + 1;
                    lines[at - 1].words
                }
                None => text::line_words(p),
            }
        })
        .sum()
}

/// Stage `decode`: a file is bytes in any of the encodings saved pages use
/// (UTF-8 with or without BOM, UTF-16, Windows-1252); every later stage reads
/// normalised Unicode text, so this is done once, here.
pub fn decode(bytes: &[u8]) -> String {
    crate::article::decode::decode_text(bytes)
}

/// Stage `lines`: the text's physical lines, blank runs collapsed, so that
/// the later stages can index lines without paying for a page of blank lines.
fn lines(text: &str) -> Vec<&str> {
    blocks::physical_lines(text)
}

/// Stage `blocks`: physical lines become units (a logical line each; hard
/// wraps reflowed, broken URLs rejoined) grouped in blank-line-separated
/// blocks, because a rule must see a paragraph as one line whatever the
/// file's wrapping, and blocks tell a list from a run of paragraphs.
fn blocks<'a>(physical: &[&'a str]) -> Vec<blocks::Unit<'a>> {
    blocks::units_of(physical)
}

/// Stage `classify`: each unit measured and given its [`Kind`] once, then
/// the rules that look at neighbours (captions); every later stage reads
/// kinds rather than re-reading text.
fn classify(units: Vec<blocks::Unit<'_>>) -> Vec<Line<'_>> {
    let mut lines = measure_all(units);
    mark_captions(&mut lines);
    mark_glued_teasers(&mut lines);
    lines
}

/// Rule `glued_teaser_cards`: a grid of cards for other stories, copied as
/// text, glues each card's headline to its summary ("… Troy SteakhouseA
/// party of six left …"); three or more such lines on a page are that grid,
/// and none of them is the story or its headline. One such line alone is
/// more likely a name written in camel case ("the AirPods first launched").
fn mark_glued_teasers(lines: &mut [Line]) {
    const MIN_CARDS: usize = 3;
    let cards: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].kind == Kind::Text && body::glued_teaser(&lines[i].text))
        .collect();
    if cards.len() < MIN_CARDS {
        return;
    }
    for i in cards {
        lines[i].kind = Kind::Furniture;
        lines[i].rule = "glued_teaser_cards";
    }
}

/// The page's links and its own URL, found before the headline because the
/// URL's slug is one of the headline's best clues.
struct PageLinks {
    links: Vec<String>,
    url: Option<String>,
    /// The URL slug's words (empty without a URL).
    slug: Vec<String>,
}

/// Stage `links`: the URLs the text shows, and which of them is the page's
/// own (see [`urls::page_url`]).
fn links(lines: &[Line]) -> PageLinks {
    let texts: Vec<&str> = lines.iter().map(|l| l.text.as_ref()).collect();
    let links = urls::find_urls(texts.iter().copied());
    let url = urls::page_url(&texts, &links);
    let slug = url.as_deref().map(urls::slug_words).unwrap_or_default();
    PageLinks { links, url, slug }
}

/// Where the story lies: each unit's prose score and the first unit of the
/// densest run of prose.
struct Story {
    scores: Vec<f32>,
    start: usize,
}

/// Stage `region`: the story is the densest run of prose (see
/// [`region::region`]); the headline is looked for around its start and the
/// body ends where its score runs out, so both later stages need it.
fn region(lines: &[Line]) -> Story {
    let n = lines.len();
    let scores: Vec<f32> = (0..n).map(|i| region::score(lines, i)).collect();
    let (start, _) = region::region(&scores).unwrap_or((0, n - 1));
    Story { scores, start }
}

/// The headline and the header under it.
struct Zone {
    title: Option<usize>,
    header: headline::Header,
}

/// Stage `headline zone`: the headline among the lines around the story's
/// start, then the header under it (dek, byline, date, lead caption), which
/// the body must skip and the fields are read from.
fn headline_zone(lines: &[Line], story: &Story, slug: &[String]) -> Zone {
    let title = headline::choose(lines, story.start, slug).or_else(|| headline::first_line(lines));
    let title = title.map(|t| headline_again(lines, &story.scores, t));
    let header = match title {
        Some(t) => headline::walk(lines, t),
        None => headline::Header {
            body_start: story.start,
            ..headline::Header::default()
        },
    };
    Zone { title, header }
}

/// Prose weighed under a headline when choosing between its occurrences.
const UNDER_HEADLINE: usize = 20;

/// Rule `headline_again`: a headline with at most two paragraphs under it
/// before a long run of other things (six or more lines) is a teaser when the
/// same headline comes again further down with far more story under it (a
/// card at the top of a stream, then the story opened in a modal or below the
/// fold). A repeat inside the story (a gallery's slide) changes nothing.
fn headline_again(lines: &[Line], scores: &[f32], title: usize) -> usize {
    const GAP: usize = 6;
    let text = lines[title].text.as_ref();
    let prose_under = |t: usize| -> f32 {
        scores
            .iter()
            .skip(t + 1)
            .take(UNDER_HEADLINE)
            .filter(|s| **s > 0.0)
            .sum()
    };
    let mut later = lines
        .iter()
        .enumerate()
        .skip(title + 1)
        .filter(|(_, o)| o.text.len() == text.len() && o.text == text)
        .peekable();
    if later.peek().is_none() {
        return title;
    }
    // Paragraphs under the headline before the first long run of non-prose:
    // a teaser has one or two.
    let mut paragraphs = 0usize;
    let mut run = 0usize;
    for &s in scores.iter().skip(title + 1) {
        if s > 0.0 {
            paragraphs += 1;
            run = 0;
        } else if s <= -1.0 {
            run += 1;
            if run >= GAP {
                break;
            }
        }
        if paragraphs > 2 {
            return title;
        }
    }
    let here = prose_under(title);
    // A byline or date under the first and none under the repeat: the first
    // is the story's own header.
    let headed = |t: usize| (t + 1..=t + 3).any(|k| headline::is_author_or_date(lines, k));
    let first_headed = headed(title);
    later
        .filter(|&(j, _)| !first_headed || headed(j))
        .map(|(j, _)| (j, prose_under(j)))
        .filter(|&(_, under)| under >= 150.0 && under > 2.0 * here)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map_or(title, |(j, _)| j)
}

/// Stage `body`: the story's end, then its paragraphs, subheads, key points,
/// captions, credits and related links, each line placed by its kind (and,
/// for short lines, its neighbours). Returns the story's last unit and the
/// subheads' paragraph indices.
/// The story's last line, and the step that put it there: the end of the best
/// run of prose from `body_start` (`prose_run`), then a comment section
/// (`comments_boundary`) or a long gap before a lesser stretch (`gap_cut`).
fn body_end(lines: &[Line], scores: &[f32], body_start: usize) -> (usize, &'static str) {
    let n = lines.len();
    let run = region::body_end(scores, body_start).unwrap_or(n.saturating_sub(1));
    let comments = region::comments_boundary(lines, body_start, run);
    // Rule `ad_slot`: an ad's label sits between a long story's paragraphs as
    // often as after it, so it does not lengthen a gap.
    let gap = if lines
        .iter()
        .take(comments + 1)
        .skip(body_start)
        .any(|l| l.rule == "advertising")
    {
        let mut ads_neutral = scores.to_vec();
        for (s, l) in ads_neutral.iter_mut().zip(lines) {
            if l.rule == "advertising" {
                *s = region::NEUTRAL;
            }
        }
        region::gap_cut(&ads_neutral, body_start, comments)
    } else {
        region::gap_cut(scores, body_start, comments)
    };
    if gap != comments {
        (gap, "gap_cut")
    } else if comments != run {
        (comments, "comments_boundary")
    } else {
        (run, "prose_run")
    }
}

fn body(article: &mut Article, lines: &[Line], story: &Story, zone: &Zone) -> (usize, Vec<usize>) {
    let n = lines.len();
    let scores = &story.scores;
    let title_idx = zone.title;
    let header = &zone.header;
    let body_start = header.body_start;
    let (end, _) = body_end(lines, scores, body_start);

    if let Some(t) = title_idx {
        article.title = String::from(lines[t].text.as_ref());
    }
    if let Some(d) = header.dek {
        article.dek = Some(String::from(lines[d].text.as_ref()));
    }
    let header_lo = title_idx.map_or(body_start.saturating_sub(6), |t| t.saturating_sub(3));
    for (i, l) in lines
        .iter()
        .enumerate()
        .take(body_start.min(n))
        .skip(header_lo)
    {
        if l.kind == Kind::Caption || header.captions.contains(&i) {
            push_caption(&mut article.captions, &l.text);
        }
    }

    // Body assembly.
    let mut subheads: Vec<usize> = Vec::new();
    // Body paragraphs' content words, by index, for `pull_quote`, and the
    // line each paragraph came from.
    let mut body_words: Vec<Option<BodyWords<'_>>> = Vec::new();
    let mut body_from: Vec<usize> = Vec::new();
    for i in body_start..=end.min(n - 1) {
        // A line adds one paragraph at most: any new one came from the line
        // before.
        body_from.resize(article.body.len(), i.saturating_sub(1));
        let l = &lines[i];
        match &l.kind {
            Kind::Caption => push_caption(&mut article.captions, &l.text),
            Kind::Credit => article.credits.push(String::from(l.text.as_ref())),
            Kind::Related(t) => article.related.push(Related {
                title: t.clone(),
                url: None,
            }),
            // A "By …" line deep in the story that reads as a sentence is story text
            // ("By Tuesday night, the river had risen.").
            Kind::Byline(_) if l.sentence && i > body_start + 2 => {
                article.body.push(String::from(l.text.as_ref()));
            }
            // Rule `item_links`: a numbered item's link goes with the item.
            Kind::Url if body::item_link(lines, i) => {
                if let Some(item) = article.body.last_mut() {
                    item.push(' ');
                    item.push_str(&l.text);
                }
            }
            Kind::Furniture | Kind::Url | Kind::PhotoCredit | Kind::Date | Kind::Byline(_) => {}
            Kind::Text if body::teaser_card(&l.text) => {}
            Kind::Text => {
                if let Some(b) = blocks::bullet_text(&l.text) {
                    if article.body.is_empty() {
                        article.key_points.push(b.to_string());
                    } else {
                        article.list_items.push(article.body.len());
                        article.body.push(b.to_string());
                    }
                    continue;
                }
                if l.sentence {
                    // Rule `pull_quote`: a short paragraph that repeats one just
                    // above it (a quote pulled out in large type) is shown once.
                    let mut looked = false;
                    if l.words <= 40 {
                        let pulled;
                        (pulled, looked) = pulled_from_recent(
                            l,
                            &article.body,
                            &body_from,
                            lines,
                            &mut body_words,
                        );
                        if pulled {
                            continue;
                        }
                    }
                    // Rule `question_subhead`: a short question alone in its block
                    // heads a section ("How likely is a conviction in the US?").
                    let alone = lines.get(i + 1).is_none_or(|o| o.block != l.block)
                        && (i == 0 || lines[i - 1].block != l.block);
                    if alone && l.words <= 12 && l.text.trim_end().ends_with('?') {
                        subheads.push(article.body.len());
                    } else if body::list_role(lines, i) == Some(body::ListRole::Item) {
                        article.list_items.push(article.body.len());
                    }
                    article.body.push(String::from(l.text.as_ref()));
                    if looked {
                        // The quote's words, as they were read: kept even if
                        // a link is joined on later.
                        body_words.resize_with(article.body.len(), || None);
                        body_words[article.body.len() - 1] = Some(BodyWords::Line(l.content()));
                    }
                    continue;
                }
                match body::in_body_short_line(lines, i) {
                    body::Short::Drop => {}
                    body::Short::Related => article.related.push(Related {
                        title: String::from(l.text.as_ref()),
                        url: None,
                    }),
                    body::Short::ListItem => {
                        article.list_items.push(article.body.len());
                        article.body.push(String::from(l.text.as_ref()));
                    }
                    body::Short::Text => article.body.push(String::from(l.text.as_ref())),
                    body::Short::Keep => {
                        if !text::ends_with_period(&l.text) {
                            subheads.push(article.body.len());
                        }
                        article.body.push(String::from(l.text.as_ref()));
                    }
                }
            }
        }
    }
    // Rule `nothing_lost`: when no line reads as story prose (a note, a stub, a page
    // of short lines), the text lines after the headline are the body rather than
    // nothing: a reader must never open an empty article from a file with words in
    // it. Example: "Council meets\n\nAgenda to follow" keeps "Agenda to follow".
    if article.body.is_empty() {
        let from = title_idx.map_or(0, |t| t + 1);
        for (i, l) in lines.iter().enumerate().skip(from) {
            if l.kind == Kind::Text && Some(i) != header.dek {
                article.body.push(String::from(l.text.as_ref()));
            }
        }
    }

    // Credits and the source line may follow the story's last paragraph.
    for l in lines.iter().skip(end + 1).take(8) {
        if l.kind == Kind::Credit && !article.credits.iter().any(|c| *c == l.text) {
            article.credits.push(String::from(l.text.as_ref()));
        }
    }

    // Rule `leading_summary`: a one-sentence first paragraph restated by the second
    // is the dek. Example: "X spoke with Y on Thursday." then "X voiced concern … in a
    // call Thursday with Y."
    if article.dek.is_none()
        && article.body.len() >= 2
        && !subheads.contains(&0)
        && !article.list_items.contains(&0)
    {
        let first = &article.body[0];
        let inner_stops = || {
            first
                .trim_end()
                .bytes()
                .filter(|b| matches!(b, b'.' | b'!' | b'?'))
                .count()
        };
        // The cheap tests first: a long first paragraph (most) needs neither
        // its stops counted nor its content words found.
        if text::word_count(first) <= 40
            && !meta::starts_with_dateline(first)
            && inner_stops() <= 3
            && {
                let cw = content_words(first);
                cw.len() >= 4 && overlap(&cw, &content_words(&article.body[1])) >= 0.5
            }
        {
            article.dek = Some(article.body.remove(0));
            subheads = subheads
                .into_iter()
                .filter_map(|s| s.checked_sub(1))
                .collect();
            article.list_items.retain(|&s| s > 0);
            article.list_items.iter_mut().for_each(|s| *s -= 1);
        }
    }

    (end, subheads)
}

/// Stage `fields`: title (from the URL slug when no line is one), byline,
/// date and source, read from the header zone, the story's edges and the
/// URL; then the story's end once more (the author's bio box, known only
/// once the byline is) and the links of related headlines.
fn fields(
    article: &mut Article,
    lines: &[Line],
    zone: &Zone,
    end: usize,
    subheads: &mut Vec<usize>,
) {
    // Title fallback: the URL slug.
    if article.title.is_empty()
        && let Some(u) = &article.url
    {
        let title = urls::slug_title(u).unwrap_or_default();
        article.title = urls::keep_acronyms(&title, article.body.iter().map(String::as_str));
    }

    meta_fields(article, lines, zone.title, zone.header.body_start, end);

    body::author_bio_cut(article, subheads);

    // Related headlines get the link whose slug spells them (bounded work;
    // none without related headlines, as on most pages).
    if article.related.is_empty() {
        return;
    }
    let slugs: Vec<(usize, Vec<String>)> = article
        .links
        .iter()
        .take(200)
        .enumerate()
        .map(|(k, u)| (k, urls::slug_words(u)))
        .filter(|(_, s)| !s.is_empty())
        .collect();
    for r in article.related.iter_mut().take(50) {
        let words = content_words(&r.title);
        r.url = slugs
            .iter()
            .find(|(_, s)| overlap(s, &words) >= 0.6)
            .map(|(k, _)| article.links[*k].clone());
    }
}

/// Byline, date and source.
fn meta_fields(
    article: &mut Article,
    lines: &[Line],
    title: Option<usize>,
    body_start: usize,
    end: usize,
) {
    let n = lines.len();
    let lo = title.map_or(body_start.saturating_sub(8), |t| t.saturating_sub(3));
    let hi = body_start.min(n);
    article.byline = byline::find(lines, title, body_start, end, &article.credits);

    // Date: the URL path, else the first timestamp in the header zone (captions are
    // never consulted).
    article.published = article
        .url
        .as_deref()
        .and_then(|u| urls::date_from_url(u).or_else(|| urls::month_path_date(u)))
        .or_else(|| {
            lines[lo..hi]
                .iter()
                .filter(|l| {
                    matches!(l.kind, Kind::Date | Kind::Byline(_))
                        || (l.kind == Kind::Text && !l.sentence)
                })
                .find_map(|l| meta::date_in(&l.text))
        })
        .or_else(|| {
            lines[..lo]
                .iter()
                .rev()
                .take(6)
                .filter(|l| l.kind == Kind::Date)
                .find_map(|l| meta::date_in(&l.text))
        });

    // Source: an "original article" line, else the publication the page names,
    // else the URL's site.
    article.source = original_source(lines).or_else(|| {
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_ref()).collect();
        source::publication(
            &texts,
            source_story(body_start, end),
            article.byline.as_deref(),
            article.url.as_deref(),
        )
    });
}

/// The site an "original article" line credits, which names the source
/// outright.
fn original_source(lines: &[Line]) -> Option<String> {
    lines
        .iter()
        .filter(|l| !text::lower_starts_with(&l.text, "source:"))
        .find_map(|l| furniture::original_source(&l.text))
}

/// The lines the source's evidence is not read from: the story's.
fn source_story(body_start: usize, end: usize) -> std::ops::Range<usize> {
    (body_start + 1)..end.saturating_sub(2)
}

/// How the parser saw a page, stage by stage: every line's kind and the rule
/// that decided it, where the story starts, and the headline candidates with
/// each feature's value and contribution (`newsreader parse --explain`).
/// Texts are the page's own: a writer to a terminal must clean them.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Explanation {
    /// The line classifiers' names, in the order they are tried.
    pub classifiers: Vec<&'static str>,
    pub lines: Vec<ExplainedLine>,
    /// The first line of the densest run of prose (stage `region`).
    pub region_start: Option<usize>,
    /// Best first (the first of equals first, as the parser breaks ties).
    pub candidates: Vec<ExplainedCandidate>,
    /// The line the parser took as the headline (a candidate, or the first
    /// line when no candidate qualifies); none when the title comes from the
    /// URL slug or there is none.
    pub title: Option<usize>,
    /// The first line of the body (after the header zone).
    pub body_start: Option<usize>,
    /// The story's last line before the body rules that read the byline (the
    /// author's bio box), and the step that chose it.
    pub body_end: Option<(usize, &'static str)>,
    /// Each line's prose score (stage `region`): positive reads as story.
    pub scores: Vec<f32>,
    /// The names the page's evidence votes for as its publication (stage
    /// `fields`); `source.source` is what the parser gives.
    pub source: source::ExplainedSource,
    /// The byline given and the rule that found it (stage `fields`).
    pub byline: Option<(&'static str, String)>,
}

/// One line as stage `classify` left it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ExplainedLine {
    pub index: usize,
    pub block: usize,
    pub kind: &'static str,
    pub rule: &'static str,
    pub sentence: bool,
    pub text: String,
}

/// A headline candidate and how its score adds up.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ExplainedCandidate {
    pub line: usize,
    pub text: String,
    pub total: f32,
    /// Every feature, in the order they are added up.
    pub features: Vec<ExplainedFeature>,
}

/// One feature of a headline candidate.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ExplainedFeature {
    pub name: &'static str,
    pub value: f32,
    pub weight: f32,
    pub contribution: f32,
}

impl Kind {
    /// The kind's name as `--explain` shows it.
    pub(crate) fn label(&self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Furniture => "furniture",
            Kind::Caption => "caption",
            Kind::PhotoCredit => "photo-credit",
            Kind::Credit => "credit",
            Kind::Related(_) => "related",
            Kind::Byline(_) => "byline",
            Kind::Date => "date",
            Kind::Url => "url",
        }
    }
}

/// Runs the stages up to the headline zone on normalised page text (as
/// [`parse`] does) and reports what each decided.
pub fn explain(text: &str) -> Explanation {
    let physical = lines(text);
    let lines = classify(blocks(&physical));
    let explained = lines
        .iter()
        .enumerate()
        .map(|(index, l)| ExplainedLine {
            index,
            block: l.block,
            kind: l.kind.label(),
            rule: l.rule,
            sentence: l.sentence,
            text: String::from(l.text.as_ref()),
        })
        .collect();
    let classifiers = classify::CLASSIFIERS.iter().map(|c| c.name).collect();
    if lines.is_empty() {
        return Explanation {
            classifiers,
            lines: explained,
            ..Explanation::default()
        };
    }
    let page = links(&lines);
    let story = region(&lines);
    let zone = headline_zone(&lines, &story, &page.slug);
    let mut candidates: Vec<ExplainedCandidate> =
        headline::candidates(&lines, story.start, &page.slug)
            .iter()
            .map(|c| ExplainedCandidate {
                line: c.index,
                text: String::from(lines[c.index].text.as_ref()),
                total: c.total(),
                features: headline::FEATURES
                    .iter()
                    .zip(&c.features)
                    .zip(&headline::weights().values)
                    .map(|((name, &value), &weight)| ExplainedFeature {
                        name,
                        value,
                        weight,
                        contribution: weight * value,
                    })
                    .collect(),
            })
            .collect();
    // Stable: equal totals keep page order, the parser's tie-break.
    candidates.sort_by(|a, b| b.total.total_cmp(&a.total));
    // The later stages, for the source's evidence.
    let mut article = Article {
        url: page.url.clone(),
        ..Article::default()
    };
    let (end, mut subheads) = body(&mut article, &lines, &story, &zone);
    fields(&mut article, &lines, &zone, end, &mut subheads);
    let texts: Vec<&str> = lines.iter().map(|l| l.text.as_ref()).collect();
    let mut source = source::explain(
        &texts,
        source_story(zone.header.body_start, end),
        article.byline.as_deref(),
        article.url.as_deref(),
    );
    source.original = original_source(&lines);
    source.source = article.source;
    let byline_rule = byline::rule(
        &lines,
        zone.title,
        zone.header.body_start,
        end,
        &article.credits,
    );
    Explanation {
        source,
        byline: byline_rule.zip(article.byline),
        classifiers,
        lines: explained,
        region_start: Some(story.start),
        candidates,
        title: zone.title,
        body_start: Some(zone.header.body_start),
        body_end: Some(body_end(&lines, &story.scores, zone.header.body_start)),
        scores: story.scores,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::model::count_words;

    #[test]
    fn the_body_word_count_is_its_paragraphs_counted() {
        // Every fixture page (and its lines rearranged: paragraphs out of
        // the lines' order, repeated, joined) parsed; the count read from
        // the lines is the paragraphs' count.
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/parser");
        let mut pages = 0;
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let Ok(text) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            let article = parse(&text);
            assert_eq!(article.word_count, count_words(&article.body), "{text}");
            let physical = lines(&text);
            let measured = classify(blocks(&physical));
            let mut body: Vec<String> = measured.iter().rev().map(|l| l.text.to_string()).collect();
            body.extend(measured.iter().map(|l| format!("{} {}", l.text, l.text)));
            body.extend(measured.iter().map(|l| l.text.to_string()));
            assert_eq!(body_word_count(&body, &measured), count_words(&body));
            pages += 1;
        }
        assert!(pages > 50, "{pages}");
    }

    /// The index of the `nth` line (from 0) whose text is `text`.
    fn nth_line(lines: &[Line], text: &str, nth: usize) -> usize {
        lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.text == text)
            .nth(nth)
            .map(|(i, _)| i)
            .unwrap_or_else(|| panic!("no line {nth} {text:?}"))
    }

    #[test]
    fn headline_again_moves_from_a_teaser_to_the_story_further_down() {
        let page = include_str!("../../../tests/fixtures/parser/headline_teaser_then_story.txt");
        let physical = lines(page);
        let ls = classify(blocks(&physical));
        let story = region(&ls);
        let headline = "Harbour crane topples in overnight storm";
        let (teaser, article) = (nth_line(&ls, headline, 0), nth_line(&ls, headline, 1));
        assert_eq!(headline_again(&ls, &story.scores, teaser), article);
        assert_eq!(headline_again(&ls, &story.scores, article), article);
    }

    #[test]
    fn headline_again_stays_when_the_repeat_is_inside_the_story() {
        let paragraph = |k: usize| {
            format!(
                "Paragraph {k} of the story says what happened at the harbour on Tuesday night, \
                 and what the port authority will do about it in the weeks to come.\n\n"
            )
        };
        let mut page = String::from("Harbour crane topples in overnight storm\nKarin Holm\n\n");
        (0..4).for_each(|k| page.push_str(&paragraph(k)));
        page.push_str("Image 1 of 4\nClose\nHarbour crane topples in overnight storm\n1 / 4\n\n");
        (4..14).for_each(|k| page.push_str(&paragraph(k)));
        let physical = lines(&page);
        let ls = classify(blocks(&physical));
        let story = region(&ls);
        assert_eq!(headline_again(&ls, &story.scores, 0), 0);
    }
}
