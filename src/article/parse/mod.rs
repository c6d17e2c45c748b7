//! Raw page text → [`Article`].
//!
//! The pipeline, each step in its own module; every rule is a named function
//! (or a named clause) with a doc comment giving its reason and an example line:
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
mod furniture;
mod headline;
mod meta;
mod region;
mod source;
pub(crate) mod text;
mod urls;

use std::borrow::Cow;

use crate::article::model::{Article, Related, count_words};

use text::{content_words, ends_terminal, is_title_case, overlap, stop_ratio};

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
    /// Reads as a bare author name (see [`meta::name_line`]), for short lines.
    pub name: bool,
    pub kind: Kind,
}

/// Classifies one unit on its own. `words` is its word count; the lowercased
/// text is made once here, in `scratch` (reused from unit to unit, so no line
/// allocates for it), and shared by the rules that read it.
fn classify(text: &str, words: usize, scratch: &mut String) -> Kind {
    if urls::starts_with_url(text)
        || text
            .get(..12)
            .is_some_and(|h| h.eq_ignore_ascii_case("original url"))
    {
        return Kind::Url;
    }
    // Long paragraphs (the bulk of the bytes) can only be credits or captions;
    // the other rules are for short lines and need the lowercased text.
    if text.len() > 500 {
        return if captions::is_caption(text) {
            Kind::Caption
        } else {
            Kind::Text
        };
    }
    scratch.clear();
    if text.is_ascii() {
        // The same as `to_lowercase` for ASCII.
        scratch.push_str(text);
        scratch.make_ascii_lowercase();
    } else {
        scratch.push_str(&text.to_lowercase());
    }
    let lower = scratch.as_str();
    if furniture::is_credit(lower) {
        return Kind::Credit;
    }
    if let Some(t) = furniture::related_title(text) {
        return Kind::Related(t);
    }
    if let Some(b) = meta::byline_counted(text, words) {
        return Kind::Byline(b);
    }
    if captions::is_caption(text) {
        // "Photo: Anna Holm": a label and a name only is the photo's credit.
        if captions::photo_credit(text, words, Some(lower))
            && text::word_count(captions::without_label(text)) <= 4
            && !ends_terminal(text)
        {
            return Kind::PhotoCredit;
        }
        return Kind::Caption;
    }
    // A timestamp may carry a slash ("Posted: Jun 3, 2022 / 04:15 PM CDT"), which
    // would otherwise read as a photographer/agency credit.
    if meta::time_of_day(text) {
        return Kind::Furniture;
    }
    if meta::date_line_counted(text, words) {
        return Kind::Date;
    }
    if captions::photo_credit(text, words, Some(lower)) {
        return Kind::PhotoCredit;
    }
    if furniture::is_furniture_counted(text, lower, words) {
        return Kind::Furniture;
    }
    Kind::Text
}

/// What the text rules make of one line on its own, for the HTML reader,
/// which knows from the markup where the story is but not what a line says.
pub(crate) fn kind_of(line: &str) -> Kind {
    classify(line, text::word_count(line), &mut String::new())
}

/// Measures and classifies one unit; `scratch` is [`classify`]'s buffer.
fn measure<'a>(unit: blocks::Unit<'a>, scratch: &mut String) -> Line<'a> {
    let words = text::word_count(&unit.text);
    let bullet = blocks::bullet_text(&unit.text).is_some();
    // Title-Case lines are headlines even when they end in "?" (teasers for other
    // stories), never prose.
    let sentence = ((words >= 6 && ends_terminal(&unit.text))
        || (words >= 20 && stop_ratio(&unit.text) >= 0.2))
        && !(words <= 20 && is_title_case(&unit.text));
    let kind = classify(&unit.text, words, scratch);
    let name = !sentence && (2..=14).contains(&words) && meta::name_line(&unit.text).is_some();
    Line {
        words,
        sentence,
        bullet,
        name,
        kind,
        text: unit.text,
        block: unit.block,
    }
}

/// [`measure`] for every unit, with one scratch buffer for them all.
fn measure_all(units: Vec<blocks::Unit<'_>>) -> Vec<Line<'_>> {
    let mut scratch = String::new();
    units
        .into_iter()
        .map(|unit| measure(unit, &mut scratch))
        .collect()
}

/// Rules that look at neighbouring units:
/// * `duplicate_caption`: a line repeated at once (exactly, or as a shorter
///   restatement) in the same block is a photo caption rendered twice (alt text and
///   figure caption). Example: two consecutive "FILE - Airmen assigned…" lines.
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
            && text::ends_with_period(&a.text)
            && b.text.chars().count() <= a.text.chars().count()
            && captions::near_duplicate(&a.text, &b.text)
        {
            lines[i].kind = Kind::Caption;
            lines[i + 1].kind = Kind::Caption;
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
        }
        if gallery {
            lines[i + 1].kind = Kind::Caption;
        }
    }
}

/// Rule `pull_quote`: whether `quote` repeats one of the last six paragraphs of
/// `body`: a paragraph longer than the quote but not more than three times as
/// long, where nearly all of the quote's content words (at least five) occur.
///
/// Most paragraphs share few words with the quote, so each is first tested
/// against its [`Signature`] (kept in `signatures` by body index, made once
/// per paragraph): the quote's words that miss it cannot be in the paragraph,
/// and when too many miss, the paragraph is passed over without being read.
/// Only a paragraph that passes is read word by word for the exact count.
/// Returns the quote's own signature too, when its words were looked at, for
/// the caller to keep if the quote becomes a paragraph.
fn pulled_from_recent(
    quote: &str,
    body: &[String],
    signatures: &mut Vec<Option<Signature>>,
) -> (bool, Option<Signature>) {
    signatures.resize(body.len(), None);
    let mut quote_words: Option<QuoteWords<'_>> = None;
    let mut found: Vec<bool> = Vec::new();
    for k in (0..body.len()).rev().take(6) {
        let paragraph = &body[k];
        if paragraph.len() <= quote.len() || paragraph.len() > 3 * quote.len() {
            continue;
        }
        let q = quote_words.get_or_insert_with(|| QuoteWords::new(quote));
        if q.total < 5 {
            return (false, Some(q.signature));
        }
        let signature = signatures[k].get_or_insert_with(|| Signature::of(paragraph));
        // At most this many of the quote's words occur in the paragraph.
        let bound: usize = q
            .distinct
            .iter()
            .filter(|w| signature.may_hold(w.hash))
            .map(|w| w.count)
            .sum();
        // (Never NaN: `total` is at least 5.)
        if (bound as f32 / q.total as f32) < 0.9 {
            continue;
        }
        found.clear();
        found.resize(q.distinct.len(), false);
        let mut words = text::content_word_iter(paragraph);
        while let Some(word) = words.next_raw() {
            if let Some(d) = q.find(&word) {
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
            return (true, Some(q.signature));
        }
    }
    (false, quote_words.map(|q| q.signature))
}

/// A 256-bit Bloom filter of a paragraph's content words: one bit per word,
/// chosen by the top byte of the word's hash. A word whose bit is clear is not
/// among them; a set bit proves nothing.
#[derive(Clone, Copy)]
struct Signature([u64; 4]);

impl Signature {
    fn of(paragraph: &str) -> Self {
        let mut signature = Self([0; 4]);
        let mut words = text::content_word_iter(paragraph);
        while let Some(word) = words.next_raw() {
            signature.add(word.hash());
        }
        signature
    }

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
/// [`Signature`].
struct QuoteWords<'a> {
    distinct: Vec<QuoteWord<'a>>,
    /// `k + 1` for the word `distinct[k]`, 0 for an empty slot; the length is a
    /// power of two at least twice the number of words.
    slots: Vec<usize>,
    /// Words counted with repeats.
    total: usize,
    signature: Signature,
}

struct QuoteWord<'a> {
    word: Cow<'a, str>,
    hash: u64,
    count: usize,
}

impl<'a> QuoteWords<'a> {
    fn new(quote: &'a str) -> Self {
        let mut words = Vec::new();
        let mut scan = text::content_word_iter(quote);
        while let Some(word) = scan.next_raw() {
            words.push(word);
        }
        let size = (2 * words.len()).next_power_of_two().max(8);
        let mut set = Self {
            distinct: Vec::with_capacity(words.len()),
            slots: vec![0; size],
            total: words.len(),
            signature: Signature([0; 4]),
        };
        for word in words {
            let hash = word.hash();
            set.signature.add(hash);
            match set.slot(&word, hash) {
                Ok(k) => set.distinct[k].count += 1,
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

    /// The index in `distinct` of `word`, if it is there.
    fn find(&self, word: &text::RawWord<'_>) -> Option<usize> {
        self.slot(word, word.hash()).ok()
    }

    /// `Ok(index in distinct)`, or `Err(the empty slot where it would go)`.
    fn slot(&self, word: &text::RawWord<'_>, hash: u64) -> Result<usize, usize> {
        let mask = self.slots.len() - 1;
        // `as usize` keeps the low bits, which the mask then selects.
        let mut at = hash as usize & mask;
        loop {
            match self.slots[at] {
                0 => return Err(at),
                k if self.distinct[k - 1].hash == hash && word.is(&self.distinct[k - 1].word) => {
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

/// Parses normalised page text (see [`crate::article::decode::normalise`]).
pub fn parse(text: &str) -> Article {
    let mut lines: Vec<Line<'_>> = measure_all(blocks::units(text));
    mark_captions(&mut lines);
    let n = lines.len();
    let mut article = Article::default();
    if n == 0 {
        return article;
    }

    let texts: Vec<&str> = lines.iter().map(|l| l.text.as_ref()).collect();
    article.links = urls::find_urls(texts.iter().copied());
    article.url = urls::page_url(&texts, &article.links);
    let slug = article
        .url
        .as_deref()
        .map(urls::slug_words)
        .unwrap_or_default();

    let scores: Vec<f32> = (0..n).map(|i| region::score(&lines, i)).collect();
    let (region_start, _) = region::region(&scores).unwrap_or((0, n - 1));

    let title_idx =
        headline::choose(&lines, region_start, &slug).or_else(|| headline::first_line(&lines));
    let header = match title_idx {
        Some(t) => headline::walk(&lines, t),
        None => headline::Header {
            body_start: region_start,
            ..headline::Header::default()
        },
    };
    let body_start = header.body_start;
    let end = region::body_end(&scores, body_start).unwrap_or(n.saturating_sub(1));
    let end = region::comments_boundary(&lines, body_start, end);
    let end = region::gap_cut(&scores, body_start, end);

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
    // Body paragraphs' word signatures, by index, for `pull_quote`.
    let mut body_signatures: Vec<Option<Signature>> = Vec::new();
    for i in body_start..=end.min(n - 1) {
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
            Kind::Furniture | Kind::Url | Kind::PhotoCredit | Kind::Date | Kind::Byline(_) => {}
            Kind::Text => {
                if let Some(b) = blocks::bullet_text(&l.text) {
                    if article.body.is_empty() {
                        article.key_points.push(b.to_string());
                    } else {
                        article.body.push(b.to_string());
                    }
                    continue;
                }
                if l.sentence {
                    // Rule `pull_quote`: a short paragraph that repeats one just
                    // above it (a quote pulled out in large type) is shown once.
                    let mut signature = None;
                    if l.words <= 40 {
                        let (pulled, own) =
                            pulled_from_recent(&l.text, &article.body, &mut body_signatures);
                        if pulled {
                            continue;
                        }
                        signature = own;
                    }
                    // Rule `question_subhead`: a short question alone in its block
                    // heads a section ("How likely is a conviction in the US?").
                    let alone = lines.get(i + 1).is_none_or(|o| o.block != l.block)
                        && (i == 0 || lines[i - 1].block != l.block);
                    if alone && l.words <= 12 && l.text.trim_end().ends_with('?') {
                        subheads.push(article.body.len());
                    }
                    article.body.push(String::from(l.text.as_ref()));
                    if signature.is_some() {
                        body_signatures.resize(article.body.len(), None);
                        body_signatures[article.body.len() - 1] = signature;
                    }
                    continue;
                }
                match body::in_body_short_line(&lines, i) {
                    body::Short::Drop => {}
                    body::Short::Related => article.related.push(Related {
                        title: String::from(l.text.as_ref()),
                        url: None,
                    }),
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
    if article.dek.is_none() && article.body.len() >= 2 && !subheads.contains(&0) {
        let first = &article.body[0];
        let inner_stops = first
            .trim_end()
            .char_indices()
            .filter(|(_, c)| matches!(c, '.' | '!' | '?'))
            .count();
        let cw = content_words(first);
        if text::word_count(first) <= 40
            && !meta::starts_with_dateline(first)
            && inner_stops <= 3
            && cw.len() >= 4
            && overlap(&cw, &content_words(&article.body[1])) >= 0.5
        {
            article.dek = Some(article.body.remove(0));
            subheads = subheads
                .into_iter()
                .filter_map(|s| s.checked_sub(1))
                .collect();
        }
    }

    // Title fallback: the URL slug.
    if article.title.is_empty()
        && let Some(u) = &article.url
    {
        let title = urls::slug_title(u).unwrap_or_default();
        article.title = urls::keep_acronyms(&title, article.body.iter().map(String::as_str));
    }

    meta_fields(&mut article, &lines, title_idx, body_start, end);

    body::author_bio_cut(&mut article, &mut subheads);

    // Related headlines get the link whose slug spells them (bounded work).
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
    article.subheads = subheads;
    article.word_count = count_words(&article.body);
    article
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
    // Byline: a "By" line in the header zone, else a bare name line after the
    // headline, else a "By" line opening the story.
    // Under the headline first; a "By" line above it may belong to a sidebar story.
    let by = |l: &Line| match &l.kind {
        Kind::Byline(b) => Some(b.clone()),
        _ => None,
    };
    let below = title.map_or(lo, |t| (t + 1).min(hi));
    let mut byline = lines[below..hi]
        .iter()
        .find_map(by)
        .or_else(|| lines[lo..below].iter().rev().find_map(by));
    if byline.is_none()
        && let Some(t) = title
    {
        byline = lines[(t + 1).min(n)..hi.max((t + 1).min(n))]
            .iter()
            .take(6)
            .filter(|l| matches!(l.kind, Kind::Text | Kind::Date) && !l.sentence)
            .find_map(|l| meta::name_line(&l.text));
        if byline.is_none() {
            // A name just above the headline counts when a date sits next to it.
            for j in t.saturating_sub(3)..t {
                if lines[j].kind == Kind::Text
                    && let Some(name) = meta::name_line(&lines[j].text)
                    && (j + 1..=j + 2).any(|k| lines.get(k).is_some_and(|o| o.kind == Kind::Date))
                {
                    byline = Some(name);
                }
            }
        }
    }
    if byline.is_none()
        && let Some(t) = title
    {
        // The headline may be shown twice (a teaser at the top, the article's
        // own further down): the credit sits under either.
        let text = lines[t].text.as_ref();
        let repeats = (0..n)
            .filter(|&j| j != t && lines[j].text.len() == text.len() && lines[j].text == text)
            .take(4);
        byline = std::iter::once(t)
            .chain(repeats)
            .find_map(|a| header_credit(lines, a));
    }
    if byline.is_none() {
        byline = lines[body_start.min(n)..=end.min(n - 1)]
            .iter()
            .take(3)
            .find_map(|l| match &l.kind {
                Kind::Byline(b) => Some(b.clone()),
                _ => None,
            });
    }
    if byline.is_none() {
        // "Reporting by Jane Doe; Editing by …" at the foot of wire copy.
        byline = article.credits.iter().find_map(|c| {
            let lower = c.to_lowercase();
            let rest = c.get(lower.find("reporting by ")? + "reporting by ".len()..)?;
            let rest = rest.split([';', '(']).next()?;
            meta::byline_of(&format!("By {rest}"))
        });
    }
    // Markup may glue a role to the name ("Michael HiltzikBusiness Columnist").
    if let Some(b) = &byline {
        let apart = byline::unglue(b);
        if apart != b.as_str()
            && let Some(again) = meta::byline_of(&format!("By {apart}"))
        {
            byline = Some(again);
        }
    }
    article.byline = byline;

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
    article.source = lines
        .iter()
        .filter(|l| !text::lower_starts_with(&l.text, "source:"))
        .find_map(|l| furniture::original_source(&l.text))
        .or_else(|| {
            let texts: Vec<&str> = lines.iter().map(|l| l.text.as_ref()).collect();
            source::publication(
                &texts,
                (body_start + 1)..end.saturating_sub(2),
                article.byline.as_deref(),
            )
        })
        .or_else(|| article.url.as_deref().and_then(urls::site_of));
}

/// Rule `header_credit`: the credit in the few lines under a headline at
/// `at`, in the shapes [`meta`]'s line rules miss (see [`byline`]): a credit
/// inside a header line, a label line with the name under it, an organisation
/// credited right above the date. Stops at the story's first long paragraph.
fn header_credit(lines: &[Line], at: usize) -> Option<String> {
    let n = lines.len();
    for j in at + 1..(at + 7).min(n) {
        let l = &lines[j];
        if l.sentence && l.words > 25 {
            break;
        }
        if let Kind::Byline(b) = &l.kind {
            return Some(b.clone());
        }
        if l.words > 20 || !matches!(l.kind, Kind::Text | Kind::Date) {
            continue;
        }
        if let Some(b) = byline::embedded(&l.text) {
            return Some(b);
        }
        if !l.sentence
            && let Some(name) = meta::name_line(&l.text)
        {
            return Some(name);
        }
        let next = lines.get(j + 1);
        if byline::label_alone(&l.text)
            && let Some(next) = next.filter(|o| o.kind == Kind::Text)
        {
            let t = next.text.as_ref();
            if let Some(b) = meta::name_line(t)
                .or_else(|| byline::credit_line(t))
                .or_else(|| byline::embedded(&format!("By {t}")))
            {
                return Some(b);
            }
        }
        if !l.sentence
            && l.kind == Kind::Text
            && let Some(b) = byline::credit_line(&l.text)
            && next.is_some_and(|o| o.kind == Kind::Date || meta::date_in(&o.text).is_some())
        {
            return Some(b);
        }
    }
    None
}

/// A line-by-line account of how the parser saw the text (unit index, block,
/// kind, score, whether it reads as a sentence, text). For debugging rules.
#[doc(hidden)]
pub fn explain(text: &str) -> String {
    use std::fmt::Write as _;
    let mut lines: Vec<Line<'_>> = measure_all(blocks::units(text));
    mark_captions(&mut lines);
    let scores: Vec<f32> = (0..lines.len()).map(|i| region::score(&lines, i)).collect();
    let mut out = String::new();
    let region = region::region(&scores);
    let _ = writeln!(out, "region: {region:?}");
    for (i, l) in lines.iter().enumerate() {
        let short: String = l.text.chars().take(90).collect();
        let _ = writeln!(
            out,
            "{i:4} b{:<3} {:<12} {:>6.1} {}{} {short}",
            l.block,
            format!("{:?}", l.kind).chars().take(12).collect::<String>(),
            scores[i],
            if l.sentence { 'S' } else { ' ' },
            if l.name { 'N' } else { ' ' },
        );
    }
    out
}
