//! The headline and the header zone under it (dek, byline, date, lead photo).

use super::meta::starts_with_dateline;
use super::text::{
    content_words, ends_with_period, function_word_ratio, is_all_caps, is_function_word,
    is_title_case, overlap, starts_lowercase,
};
use super::{Kind, Line};

/// Whether unit `i` marks the header zone: a byline, a date, a bare author name.
pub fn is_author_or_date(lines: &[Line], i: usize) -> bool {
    lines.get(i).is_some_and(|l| {
        matches!(l.kind, Kind::Byline(_) | Kind::Date) || (l.kind == Kind::Text && l.name())
    })
}

/// Rule `headline`: the headline is the headline-shaped line (2–30 words, no full
/// stop at the end unless a byline or date is right under it, not furniture;
/// the story's own first line when it is short) that best fits the story's
/// start: followed
/// closely by a byline or date, matching the URL slug, repeated on the page, near
/// the body, and not one entry of a list of similar lines.
///
/// Example: in "Menu / World / Blinken to Lavrov: US to Maintain Ukraine Support /
/// By Jane Doe / …story…", the third line.
pub fn choose(lines: &[Line], region_start: usize, slug: &[String]) -> Option<usize> {
    let ranked = score_candidates(lines, region_start, slug, weights().shallow_in_use());
    best(&ranked)
        .filter(|c| c.total() > weights().min_total)
        .map(|c| c.index)
}

/// Every headline-shaped line around the story's start with all its features
/// (see [`FEATURES`]), in page order: what `parse --explain` and the fitting
/// script show.
pub fn candidates(lines: &[Line], region_start: usize, slug: &[String]) -> Vec<Candidate> {
    score_candidates(lines, region_start, slug, true)
}

/// [`candidates`], with the shallow text features ([`SHALLOW`]) measured only
/// when `shallow`: while they all weigh nothing, choosing the headline need
/// not pay for them on every page.
fn score_candidates(
    lines: &[Line],
    region_start: usize,
    slug: &[String],
    shallow: bool,
) -> Vec<Candidate> {
    let n = lines.len();
    let lo = region_start.saturating_sub(WINDOW_ABOVE);
    let hi = (region_start + 12).min(n);
    // The lead's keys, found when the first candidate asks (a page may
    // have none).
    let lead = std::cell::OnceCell::new();
    // Whether line `i`'s text occurs on another line too (a line of three or
    // more words, as the candidates are): searched only for the candidates that
    // ask, comparing lengths first, rather than counting every line's text.
    let repeated = |i: usize| {
        let t = lines[i].text.as_ref();
        lines
            .iter()
            .enumerate()
            .any(|(j, o)| j != i && o.text.len() == t.len() && o.text == t)
    };
    // Blocks that are lists of headlines (related stories, "most read"): at least
    // four headline-like lines making up half the block or more. Blocks only
    // grow down the page, so the window's blocks index a vector from its first.
    let first_block = lines.get(lo).map_or(0, |l| l.block);
    let mut headline_like: Vec<(usize, usize)> = Vec::new();
    for l in &lines[lo..hi] {
        let k = l.block - first_block;
        if headline_like.len() <= k {
            headline_like.resize(k + 1, (0, 0));
        }
        let e = &mut headline_like[k];
        e.1 += 1;
        if l.kind == Kind::Text && !l.sentence && l.words >= 4 {
            e.0 += 1;
        }
    }
    let list_block = |b: usize| {
        b.checked_sub(first_block)
            .and_then(|k| headline_like.get(k))
            .is_some_and(|&(h, total)| h >= 4 && h * 2 >= total)
    };
    let block_lines = |b: usize| {
        b.checked_sub(first_block)
            .and_then(|k| headline_like.get(k))
            .map_or(0, |&(_, total)| total)
    };
    let mut scored: Vec<Candidate> = Vec::new();
    for i in lo..hi {
        let l = &lines[i];
        if l.kind != Kind::Text || l.bullet || !(2..=30).contains(&l.words) {
            continue;
        }
        let t = l.text.as_ref();
        if t.chars().count() > 250
            || t.ends_with(':')
            || t.ends_with(',')
            || t.ends_with(';')
            || t.contains('@')
            || (starts_lowercase(t) && !camel_case_start(t) && !starts_with_digit(t))
            || starts_with_dateline(t)
            || inner_sentences(t) >= 2
            || not_a_headline(l)
            || writer_over_stamp(lines, i)
        {
            continue;
        }
        let by_or_date_within = |k: usize| {
            (i + 1..(i + 1 + k).min(n))
                .any(|j| matches!(lines[j].kind, Kind::Byline(_) | Kind::Date))
        };
        let named = (i + 1..(i + 4).min(n)).any(|j| is_author_or_date(lines, j));
        let near = by_or_date_within(3);
        // Further down only across furniture, credits and one-word labels: another
        // headline-like line in between would be the better candidate.
        let far = !near && by_or_date_within(5) && {
            let stop = (i + 1..(i + 6).min(n))
                .find(|&j| matches!(lines[j].kind, Kind::Byline(_) | Kind::Date))
                .unwrap_or(i + 1);
            // … or the author's name, or a standfirst right under the line.
            (i + 1..stop).all(|j| {
                let o = &lines[j];
                matches!(o.kind, Kind::Furniture | Kind::PhotoCredit | Kind::Caption)
                    || (o.kind == Kind::Text && (o.words <= 2 || o.name()))
                    || (j == i + 1 && o.kind == Kind::Text && o.words >= 6)
            })
        };
        let followed = near || named || far;
        // The story's own first line when it is short: a headline the region
        // took for prose (a CJK headline ending "！？" right above the story).
        let opens_story = i == region_start && !followed && t.chars().count() <= 40;
        if i >= region_start && !followed && !opens_story {
            continue;
        }
        // A headline may end with a full stop ("… They just might be."); a
        // line that does is a candidate only with a byline or date right under
        // it, and its full stop counts against it (a dek above the byline).
        let period = ends_with_full_stop(t);
        if period && !near {
            continue;
        }
        let mut f = [0.0f32; FEATURES.len()];
        f[NEAR] = flag(near);
        f[FAR] = flag(far && !near);
        f[NAMED] = flag(named && !near && !far);
        f[AFTER_AUTHOR] = flag(i > 0 && is_author_or_date(lines, i - 1));
        if !slug.is_empty() {
            let ov = overlap(slug, &content_words(t));
            if ov >= 0.5 {
                f[SLUG] = ov;
            }
        }
        // Inside a menu: the lines on both sides are short labels of the same block.
        let label = |j: usize| {
            lines.get(j).is_some_and(|o| {
                o.block == l.block && o.kind == Kind::Text && !o.sentence && o.words <= 8
            })
        };
        let in_menu = i > 0 && label(i - 1) && label(i + 1);
        if in_menu {
            f[IN_MENU] = 1.0;
        } else if l.words >= 5 && repeated(i) {
            f[REPEATED] = 1.0;
        }
        // A bare name right under a headline or standfirst is its author.
        let under_headline = lines[i.saturating_sub(3)..i]
            .iter()
            .any(|p| p.kind == Kind::Text && p.words >= 4);
        f[NAME_UNDER_HEADLINE] = flag(under_headline && l.name());
        f[WORDS] = l.words.min(8) as f32;
        f[TWO_WORDS] = flag(l.words == 2);
        // Headlines are compact; a long quote-led line is a standfirst.
        if l.words > 15 {
            f[WORDS_OVER_15] = (l.words - 15) as f32;
        }
        f[QUOTE_LED] = flag(t.starts_with(['“', '"', '‘', '\'']));
        // Distance to the story in text lines; share buttons, dates and credits
        // between (a long share panel) count for little.
        let (a, b) = if i < region_start {
            (i + 1, region_start)
        } else {
            (region_start, i)
        };
        let dist: f32 = lines[a.min(n)..b.min(n)]
            .iter()
            .map(|o| if o.kind == Kind::Text { 0.1 } else { 0.02 })
            .sum();
        f[DISTANCE] = dist;
        f[INSIDE_STORY] = flag(i >= region_start);
        // One entry of a list of similar headline-like lines (related links, menus).
        let listy = |j: usize| {
            lines.get(j).is_some_and(|o| {
                o.block == l.block && o.kind == Kind::Text && !o.sentence && o.words >= 4
            })
        };
        // Right above the story: only furniture, credits, captions, dates or short
        // labels between this line and the first paragraph.
        let adjacent = i < region_start
            && (i + 1..region_start).all(|j| {
                let o = &lines[j];
                o.kind != Kind::Text || o.words <= 3
            });
        f[ADJACENT] = flag(adjacent);
        // One of four or more headline-like lines in a row (with or without blank
        // lines between): a list of links.
        let headline_like = |o: &Line| o.kind == Kind::Text && !o.sentence && o.words >= 4;
        let run_before = lines[..i]
            .iter()
            .rev()
            .take_while(|o| headline_like(o))
            .count();
        let run_after = lines[i + 1..]
            .iter()
            .take_while(|o| headline_like(o))
            .count();
        let in_run = run_before + 1 + run_after >= 4;
        // A byline under the line exempts it (on a page without blank lines
        // one block holds menus and story alike), except in a small block
        // that is a list: the last entry of "Most read" right above the story.
        f[IN_LIST] = flag(
            (!near && (list_block(l.block) || in_run))
                || (list_block(l.block) && block_lines(l.block) <= 12),
        );
        // A standfirst right under the line: a prose-like sentence of some length.
        if lines.get(i + 1).is_some_and(|o| {
            o.kind == Kind::Text
                && (8..=60).contains(&o.words)
                && (o.sentence || function_word_ratio(&o.text) >= 0.2)
                && !starts_with_dateline(&o.text)
        }) {
            f[STANDFIRST_UNDER] = 1.0;
        }
        f[LIST_NEIGHBOURS] = flag(i > 0 && listy(i - 1)) + flag(listy(i + 1));
        // The page repeats its headline inside other lines (share panels, comment
        // headers: "Share … for: <headline>", "12 responses to “<headline>”").
        if l.words >= 4 {
            // (A prebuilt searcher costs more to build than the one or two
            // lines of fitting length a candidate has are to search.)
            let quoted = lines[i.saturating_sub(80)..(i + 80).min(n)]
                .iter()
                .any(|o| {
                    o.text.len() > t.len()
                        && o.text.len() <= t.len() + 80
                        && super::text::holds(&o.text, t)
                });
            f[QUOTED] = flag(quoted);
        }
        // A photo credit right under the line: the lead photo of the story.
        f[PHOTO_CREDIT_UNDER] = flag(
            lines
                .get(i + 1)
                .is_some_and(|o| o.kind == Kind::PhotoCredit),
        );
        f[PIPE_OR_COUNT] = flag(
            spaced_pipe(t)
                || t.ends_with(')') && t.chars().rev().nth(1).is_some_and(|c| c.is_ascii_digit()),
        );
        f[SHORT_ALL_CAPS] = flag(is_all_caps(t) && l.words <= 3);
        if shallow {
            let shape = shape_of(t);
            // Bounded: a line of CJK text (no spaces) is one long "word".
            f[MEAN_WORD_LENGTH] = shape.mean_word_length.min(12.0) / 12.0;
            f[STOP_WORDS] = function_word_ratio(t);
            f[CAPITALISED] = shape.capitalised_share;
            f[ENDS_QUESTION] = flag(t.trim_end().ends_with(['?', '!']));
            f[DIGIT_SHARE] = shape.digit_share;
            f[PAGE_POSITION] = i as f32 / n as f32;
            if !slug.is_empty() {
                f[SLUG_ANY] = overlap(slug, &content_words(t));
            }
            f[COLON] = flag(t.contains(':'));
            f[TITLE_CASE] = flag(is_title_case(t));
            f[BYLINE_CLOSENESS] = (i + 1..(i + 9).min(n))
                .find(|&j| matches!(lines[j].kind, Kind::Byline(_) | Kind::Date))
                .map_or(0.0, |j| 1.0 / (j - i) as f32);
        }
        let (overlap, disjoint) =
            lead_overlap(lead.get_or_init(|| lead_words(lines, region_start)), t);
        f[STORY_OVERLAP] = overlap;
        f[NO_STORY_WORDS] = flag(disjoint);
        f[STORY_RIGHT_UNDER] = flag(i < region_start && region_start - i <= 3);
        f[ENDS_WITH_PERIOD] = flag(period);
        f[OPENS_STORY] = flag(opens_story);
        scored.push(Candidate {
            index: i,
            features: f,
            followed: near || far,
            marker: (i + 1..(i + 6).min(n))
                .find(|&j| matches!(lines[j].kind, Kind::Byline(_) | Kind::Date)),
        });
    }
    relate_candidates(lines, &mut scored);
    story_margins(lines, &mut scored, region_start);
    // The headline sits above its dek: of two candidates both followed by the
    // byline, the upper one gets the benefit. Only a line about the story
    // heads it, though: a teaser for another story stacked right above the
    // headline (`story_overlap_margin` below 0) takes the headline under it
    // for neither its dek nor its standfirst.
    let about = |c: &Candidate| c.features[STORY_MARGIN] >= 0.0;
    for k in 0..scored.len() {
        if !about(&scored[k]) {
            scored[k].features[STANDFIRST_UNDER] = 0.0;
        }
        let (i, near) = (scored[k].index, scored[k].followed);
        if near
            && scored[k + 1..].iter().any(|c| {
                let j = c.index;
                j <= i + 2
                        && lines[j].words >= 4
                        && !is_all_caps(&lines[j].text)
                        // A byline in between means the lower line is another story.
                        && !(i + 1..j).any(|m| is_author_or_date(lines, m))
            })
            && lines[i].words >= 4
            && headline_worded(&lines[i].text)
            && about(&scored[k])
        {
            scored[k].features[ABOVE_ITS_DEK] = 1.0;
        }
        // Rule `dek_under_headline`: a longer line right under a headline-shaped
        // line (a label of one word is no headline) is that headline's standfirst.
        // (The content words, which cost a list, are looked at last.)
        // (A line cut short, "… 그가 뜨..", or ending in a full stop is a
        // teaser or a sentence, not a headline over its dek.)
        if scored[..k].iter().any(|c| {
            let j = c.index;
            about(c)
                && j + 2 >= i
                && !cut_short_or_stopped(&lines[j].text)
                && headline_worded(&lines[j].text)
                && lines[i].text.chars().count() > lines[j].text.chars().count()
                && !is_all_caps(&lines[j].text)
                && !(j + 1..i).any(|m| is_author_or_date(lines, m))
                && content_words(&lines[j].text).len() >= 3
        }) {
            scored[k].features[DEK_UNDER_HEADLINE] = 1.0;
        }
    }
    scored
}

/// The best candidate (the first of equals).
pub fn best(candidates: &[Candidate]) -> Option<&Candidate> {
    let mut best: Option<(f32, &Candidate)> = None;
    for c in candidates {
        let score = c.total();
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, c));
        }
    }
    best.map(|(_, c)| c)
}

/// Letter-level measures of a line (boilerpipe's shallow text features).
struct Shape {
    mean_word_length: f32,
    capitalised_share: f32,
    digit_share: f32,
}

fn shape_of(t: &str) -> Shape {
    let (mut words, mut letters, mut capitalised) = (0usize, 0usize, 0usize);
    for w in t.split_whitespace() {
        words += 1;
        letters += w.chars().filter(|c| c.is_alphanumeric()).count();
        if w.chars().next().is_some_and(char::is_uppercase) {
            capitalised += 1;
        }
    }
    let (mut chars, mut digits) = (0usize, 0usize);
    for c in t.chars().filter(|c| !c.is_whitespace()) {
        chars += 1;
        if c.is_ascii_digit() {
            digits += 1;
        }
    }
    let share = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f32 / b as f32 };
    Shape {
        mean_word_length: share(letters, words),
        capitalised_share: share(capitalised, words),
        digit_share: share(digits, chars),
    }
}

/// 1.0 for a feature that holds, 0.0 for one that does not.
fn flag(b: bool) -> f32 {
    if b { 1.0 } else { 0.0 }
}

/// A headline candidate: a line and its features' values, in [`FEATURES`] order.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub index: usize,
    pub features: [f32; FEATURES.len()],
    /// A byline or date follows closely (`near` or `far`).
    followed: bool,
    /// The byline or date line within five lines under it.
    marker: Option<usize>,
}

impl Candidate {
    /// Each feature's contribution to the score: its value times its weight.
    pub fn contributions(&self) -> impl Iterator<Item = (&'static str, f32)> + '_ {
        FEATURES
            .iter()
            .zip(&self.features)
            .zip(&weights().values)
            .map(|((name, v), w)| (*name, w * v))
    }

    /// The candidate's score: the sum of its contributions, in [`FEATURES`] order.
    pub fn total(&self) -> f32 {
        self.contributions().fold(0.0, |s, (_, c)| s + c)
    }
}

/// The features of a headline candidate, in the order they are added up: a
/// candidate's score is the sum of each value times its weight, the weights
/// read from `headline_weights.json` (fitted by `scripts/fit_headline.py`).
pub const FEATURES: [&str; 43] = [
    // a byline or date within three lines under it..
    "near",
    // a byline or date within five lines, only furniture, names or a standfirst between..
    "far",
    // an author's name or a date within three lines (neither near nor far)..
    "named",
    // right under a byline, name or date..
    "after_author_or_date",
    // share of its content words the URL slug spells (0.5 or more; else 0)..
    "slug_overlap",
    // short labels of its block on both sides..
    "in_menu",
    // the same line elsewhere on the page (five words or more)..
    "repeated",
    // a bare name under a longer line: its author..
    "name_under_headline",
    // word count, up to 8..
    "words_up_to_8",
    // only two words..
    "two_words",
    // words beyond 15..
    "words_over_15",
    // opens with a quotation mark..
    "quote_led",
    // distance to the story's start (0.1 a text line, 0.02 any other)..
    "distance",
    // at or after the story's start..
    "inside_story",
    // right above the story: nothing but furniture or short labels between..
    "adjacent",
    // one of a list of headline-like lines (a block or a run of four)..
    "in_list",
    // a standfirst-like sentence right under it..
    "standfirst_under",
    // headline-like neighbours in its block (0, 1 or 2)..
    "list_neighbours",
    // quoted inside a longer line nearby (share panels, comment headers)..
    "quoted",
    // a photo credit right under it (the lead photo)..
    "photo_credit_under",
    // holds " | " or ends in a count "(12)"..
    "pipe_or_count",
    // three words or fewer in capitals..
    "short_all_caps",
    // followed by a byline, with a headline-worded line of four words under it..
    "above_its_dek",
    // a longer line right under a headline-shaped one: its standfirst..
    "dek_under_headline",
    // mean letters a word, up to 12, over 12.
    "mean_word_length",
    // share of stop words (prose has many, headlines few).
    "stop_words",
    // share of words that start with a capital.
    "capitalised_share",
    // ends with ? or !.
    "ends_question_or_exclamation",
    // share of characters that are digits.
    "digit_share",
    // position on the page, 0 at the top to 1 at the bottom.
    "page_position",
    // share of its content words the URL slug spells, any amount.
    "slug_any",
    // holds a colon (a kicker, a label).
    "colon",
    // every longer word capitalised.
    "title_case",
    // 1 / lines to the first byline or date below (within 8).
    "byline_closeness",
    // share of its content words the story's first paragraphs use..
    "story_overlap",
    // the story's first paragraph three lines or fewer under it..
    "story_right_under",
    // other candidates nearby, each with its own byline or date (a list of teasers)..
    "teaser_siblings",
    // its text is part of a longer candidate's nearby (a shortened headline)..
    "inside_longer_candidate",
    // it holds a shorter candidate's text nearby (the full headline)..
    "holds_shorter_candidate",
    // ends with a full stop (a candidate then only with a byline or date under it)..
    "ends_with_period",
    // the story's first line itself, short and not followed by a byline..
    "opens_story",
    // none of its words (two or more) in the story's first paragraphs..
    "no_story_words",
    // how far its story_overlap falls more than 0.2 short of a nearby candidate's above the story (not its own dek's), as a negative number..
    "story_overlap_margin",
];

const NEAR: usize = 0;
const FAR: usize = 1;
const NAMED: usize = 2;
const AFTER_AUTHOR: usize = 3;
const SLUG: usize = 4;
const IN_MENU: usize = 5;
const REPEATED: usize = 6;
const NAME_UNDER_HEADLINE: usize = 7;
const WORDS: usize = 8;
const TWO_WORDS: usize = 9;
const WORDS_OVER_15: usize = 10;
const QUOTE_LED: usize = 11;
const DISTANCE: usize = 12;
const INSIDE_STORY: usize = 13;
const ADJACENT: usize = 14;
const IN_LIST: usize = 15;
const STANDFIRST_UNDER: usize = 16;
const LIST_NEIGHBOURS: usize = 17;
const QUOTED: usize = 18;
const PHOTO_CREDIT_UNDER: usize = 19;
const PIPE_OR_COUNT: usize = 20;
const SHORT_ALL_CAPS: usize = 21;
const ABOVE_ITS_DEK: usize = 22;
const DEK_UNDER_HEADLINE: usize = 23;
const MEAN_WORD_LENGTH: usize = 24;
const STOP_WORDS: usize = 25;
const CAPITALISED: usize = 26;
const ENDS_QUESTION: usize = 27;
const DIGIT_SHARE: usize = 28;
const PAGE_POSITION: usize = 29;
const SLUG_ANY: usize = 30;
const COLON: usize = 31;
const TITLE_CASE: usize = 32;
const BYLINE_CLOSENESS: usize = 33;
const STORY_OVERLAP: usize = 34;
const STORY_RIGHT_UNDER: usize = 35;
const TEASER_SIBLINGS: usize = 36;
const INSIDE_LONGER: usize = 37;
const HOLDS_SHORTER: usize = 38;
const ENDS_WITH_PERIOD: usize = 39;
const OPENS_STORY: usize = 40;
const NO_STORY_WORDS: usize = 41;
const STORY_MARGIN: usize = 42;

/// How far above the story's start headline candidates are looked for, in
/// lines.
const WINDOW_ABOVE: usize = 80;

/// Candidates this many lines apart or closer are compared with each other
/// (teasers in a list, a headline shown twice).
const NEARBY: usize = 15;

/// The story's lead: the word keys (see [`word_keys`]) of its first
/// paragraphs, which a headline names and a teaser for another story does not.
fn lead_words<'l>(lines: &'l [Line], region_start: usize) -> Lead<'l> {
    let paragraphs = lines
        .iter()
        .skip(region_start)
        .take(30)
        .filter(|l| l.kind == Kind::Text && l.sentence && l.words >= 12)
        .take(4);
    // An ASCII lead's keys are its paragraphs' content words, which the
    // body's `pull_quote` reads too (see `Line::content`): asked in place,
    // a few keys a candidate, rather than copied into a set first.
    if paragraphs.clone().all(|l| l.text.is_ascii()) {
        return Lead::Paragraphs(paragraphs.map(Line::content).collect());
    }
    // Room for a key per word up front (a paragraph's content words are
    // fewer): growing the vector word by word cost more than its keys.
    let mut lead = Vec::with_capacity(paragraphs.clone().map(|l| l.words).sum());
    for l in paragraphs {
        // An ASCII text's keys are its content words' hashes, which the body's
        // `pull_quote` reads too: found once for both (see `Line::content`).
        if l.text.is_ascii() {
            lead.extend(l.content().hashes());
        } else {
            word_keys(&l.text, |k| lead.push(k));
        }
    }
    Lead::Keys(KeySet::of(&lead))
}

/// The lead's word keys: its paragraphs' content words (an ASCII lead), or
/// a set of its keys (CJK text gives keys that are no content word's).
enum Lead<'l> {
    Paragraphs(Vec<&'l super::ParagraphWords>),
    Keys(KeySet),
}

impl Lead<'_> {
    fn is_empty(&self) -> bool {
        match self {
            Self::Paragraphs(paragraphs) => paragraphs.iter().all(|p| p.is_empty()),
            Self::Keys(keys) => keys.empty,
        }
    }

    fn contains(&self, key: u64) -> bool {
        match self {
            Self::Paragraphs(paragraphs) => paragraphs.iter().any(|p| p.holds(key)),
            Self::Keys(keys) => keys.contains(key),
        }
    }
}

/// A set of word keys, which are hashes already: open addressing on their
/// low bits, built once a page and asked a few times per candidate (sorting
/// the lead's few hundred keys for a binary search cost more).
struct KeySet {
    /// Each key in its slot, 0 in an empty one (a key of 0 is `zero`);
    /// the length is a power of two at least twice the number of keys.
    slots: Vec<u64>,
    zero: bool,
    empty: bool,
}

impl KeySet {
    fn of(keys: &[u64]) -> Self {
        let mut set = Self {
            slots: vec![0; (2 * keys.len()).next_power_of_two().max(8)],
            zero: false,
            empty: keys.is_empty(),
        };
        let mask = set.slots.len() - 1;
        for &key in keys {
            if key == 0 {
                set.zero = true;
                continue;
            }
            // `as usize` keeps the low bits, which the mask then selects.
            let mut at = key as usize & mask;
            while set.slots[at] != 0 && set.slots[at] != key {
                at = (at + 1) & mask;
            }
            set.slots[at] = key;
        }
        set
    }

    fn contains(&self, key: u64) -> bool {
        if key == 0 {
            return self.zero;
        }
        let mask = self.slots.len() - 1;
        let mut at = key as usize & mask;
        loop {
            match self.slots[at] {
                0 => return false,
                k if k == key => return true,
                _ => at = (at + 1) & mask,
            }
        }
    }
}

/// Share of the line's word keys that the lead holds (0 for a line with
/// fewer than two), and whether it holds none of two or more (a lead to
/// compare with given).
fn lead_overlap(lead: &Lead, t: &str) -> (f32, bool) {
    if lead.is_empty() {
        return (0.0, false);
    }
    let (mut hits, mut total) = (0usize, 0usize);
    word_keys(t, |k| {
        total += 1;
        hits += usize::from(lead.contains(k));
    });
    if total < 2 {
        (0.0, false)
    } else {
        (hits as f32 / total as f32, hits == 0)
    }
}

/// Hashes of a text's content words; a run of CJK characters (written
/// without spaces, so one "word" a phrase) gives one per pair of characters.
fn word_keys(t: &str, mut key: impl FnMut(u64)) {
    // An ASCII text (nearly every one) has no CJK: its keys are its hashes.
    // Function words of any language ("de", "und", "что") say nothing of
    // what a line is about: a teaser in Spanish shares "para" and "sobre"
    // with any story.
    if t.is_ascii() {
        super::text::content_word_hashes(t, |start, end, hash| {
            if !super::text::is_function_word_hashed(&t[start..end], hash) {
                key(hash);
            }
        });
        return;
    }
    super::text::content_word_hashes(t, |start, end, hash| {
        let word = &t[start..end];
        if is_function_word(word) {
            return;
        }
        if word.chars().any(|c| c >= '\u{2E80}') {
            let chars: Vec<char> = word.chars().collect();
            for pair in chars.windows(2) {
                key(super::text::fnv(
                    pair.iter().flat_map(|c| (*c as u32).to_le_bytes()),
                ));
            }
        } else {
            key(hash);
        }
    });
}

/// Features that compare a candidate with the others near it: teasers for
/// other stories come in a list, each with its own date or byline; a page
/// that shows its headline twice, once shortened, holds the full one in the
/// longer line.
fn relate_candidates(lines: &[Line], scored: &mut [Candidate]) {
    // Each candidate's word keys, sorted: a shortened headline may be set
    // with other punctuation than the full one ("… Dress ... STOLEN!!!!"
    // under "Lupita Nyong'o's … Dress -- STOLEN!!!"), so its words, not its
    // characters, are looked for in the longer line.
    let keys: Vec<Vec<u64>> = scored
        .iter()
        .map(|c| {
            let mut k = Vec::new();
            word_keys(&lines[c.index].text, |h| k.push(h));
            k.sort_unstable();
            k.dedup();
            k
        })
        .collect();
    let within = |a: &[u64], b: &[u64]| {
        a.len() >= 3 && b.len() > a.len() && a.iter().all(|k| b.binary_search(k).is_ok())
    };
    for k in 0..scored.len() {
        let i = scored[k].index;
        let t = lines[i].text.as_ref();
        let (mut siblings, mut inside, mut holds) = (0usize, false, false);
        for (m, c) in scored.iter().enumerate() {
            let j = c.index;
            if j == i || j.abs_diff(i) > NEARBY {
                continue;
            }
            if scored[k].marker.is_some() && c.marker.is_some() && c.marker != scored[k].marker {
                siblings += 1;
            }
            let o = lines[j].text.as_ref();
            // A longer line that ends with the shorter one is the headline
            // under a breadcrumb glued to it ("Home News Business <headline>"),
            // not its full version.
            if lines[j].words >= 2 && lines[i].words >= 2 {
                if o.len() > t.len()
                    && (o.contains(t) || within(&keys[k], &keys[m]))
                    && !o.ends_with(t)
                {
                    inside = true;
                } else if t.len() > o.len()
                    && (t.contains(o) || within(&keys[m], &keys[k]))
                    && !t.ends_with(o)
                {
                    holds = true;
                }
            }
        }
        let f = &mut scored[k].features;
        f[TEASER_SIBLINGS] = siblings.min(3) as f32;
        f[INSIDE_LONGER] = flag(inside);
        f[HOLDS_SHORTER] = flag(holds);
    }
}

/// A bare name of two or three words right over a date line is who wrote
/// the story, not its headline ("Jane Roe / 9/11/13 10:00AM" over the first
/// paragraph): taking it for the headline loses the byline too. Each word
/// is written as a name is ("Ann Lee", not "Classificação NASCAR", a short
/// headline over its date).
fn writer_over_stamp(lines: &[Line], i: usize) -> bool {
    let l = &lines[i];
    let written_as_name = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
    };
    (2..=3).contains(&l.words)
        && !l.sentence
        && lines.get(i + 1).is_some_and(|n| n.kind == Kind::Date)
        && l.text.split_whitespace().all(written_as_name)
        && l.name()
}

/// Rule `story_overlap_margin`: teasers for other stories stacked right
/// above the headline ("Most read", "Latest") look like it in every way but
/// one: the story's lead hardly names what they are about. A candidate above
/// the story gets how far its `story_overlap` falls more than
/// [`MARGIN_SLACK`] short of the best of the candidates near it above the
/// story, as a negative number (0 when it does not). Only its own dek is
/// left out of the comparison, which may share more of the lead's words than
/// the headline does: the next candidate under it, with nothing but
/// furniture, credits, its byline or date between, that is
/// - right under it (no byline between): twice as long (a standfirst), or
///   sharing words with the lead of which the line holds at least half as
///   large a share (a teaser shares none, or a few by chance);
/// - under its byline or date: sharing words with the lead of which the line
///   holds at least a third as large a share (the subtitle under a headline's
///   date line, "기사입력 : … / <subtitle>").
fn story_margins(lines: &[Line], scored: &mut [Candidate], region_start: usize) {
    let above = scored.partition_point(|c| c.index < region_start);
    for k in 0..above {
        let (i, own) = (scored[k].index, scored[k].features[STORY_OVERLAP]);
        let dek = scored.get(k + 1).filter(|d| {
            let (j, theirs) = (d.index, d.features[STORY_OVERLAP]);
            let bylined = (i + 1..j).any(|m| is_author_or_date(lines, m));
            j <= i + 3
                && (i + 1..j).all(|m| lines[m].kind != Kind::Text || is_author_or_date(lines, m))
                && if bylined {
                    own > 0.0 && 3.0 * own >= theirs
                } else {
                    lines[j].words >= 2 * lines[i].words || (own > 0.0 && 2.0 * own >= theirs)
                }
        });
        let best = scored[..above]
            .iter()
            .filter(|c| {
                c.index != i
                    && c.index.abs_diff(i) <= NEARBY
                    && dek.is_none_or(|d| d.index != c.index)
                    && lines[c.index].text != lines[i].text
            })
            .fold(0.0f32, |m, c| m.max(c.features[STORY_OVERLAP]));
        scored[k].features[STORY_MARGIN] = (own - best + MARGIN_SLACK).min(0.0);
    }
}

/// How far a candidate's `story_overlap` may fall short of another's before
/// `story_overlap_margin` counts it (headlines and teasers alike share a
/// few words with the lead by chance).
const MARGIN_SLACK: f32 = 0.2;

/// The shallow text features: measured for `--explain` and the fit, and for
/// choosing the headline only once one of them weighs something.
const SHALLOW: std::ops::RangeInclusive<usize> = MEAN_WORD_LENGTH..=BYLINE_CLOSENESS;

/// The weights file: a weight for each of [`FEATURES`] by name, and the
/// score below which no candidate is taken for the headline.
#[derive(serde::Deserialize)]
struct WeightsFile {
    weights: std::collections::HashMap<String, f32>,
    min_total: f32,
}

/// The fitted weights, in [`FEATURES`] order, and the least score a
/// headline needs.
pub struct Weights {
    pub values: [f32; FEATURES.len()],
    pub min_total: f32,
}

impl Weights {
    /// Whether any of the shallow text features weighs something.
    pub fn shallow_in_use(&self) -> bool {
        self.values[SHALLOW].iter().any(|w| *w != 0.0)
    }
}

/// The weights the parser uses, read once from the file compiled in. A
/// feature the file does not name weighs nothing (a unit test checks that
/// the file names every feature and parses).
pub fn weights() -> &'static Weights {
    static WEIGHTS: std::sync::OnceLock<Weights> = std::sync::OnceLock::new();
    WEIGHTS.get_or_init(|| {
        let file: Option<WeightsFile> =
            serde_json::from_str(include_str!("headline_weights.json")).ok();
        let mut values = [0.0; FEATURES.len()];
        let mut min_total = f32::NEG_INFINITY;
        if let Some(file) = file {
            for (v, name) in values.iter_mut().zip(FEATURES) {
                *v = file.weights.get(name).copied().unwrap_or(0.0);
            }
            min_total = file.min_total;
        }
        Weights { values, min_total }
    })
}

/// Rule `headline_shapes_rejected`: lines shaped like a headline that are
/// something else: a credit ("Texto: Ana Lima · 24 de set", "05/10/2018 -
/// Publicado por: …"), a name with a time ("Ana Lima • 8h"), a timestamp
/// ("Dec. 6, 2024, 10:00 PM UTC / Updated …"), a breadcrumb ("Home >> News >>
/// Education", "Blog >"), a list of tags ("Tech, Trump, Facebook, Fact Check").
fn not_a_headline(l: &Line) -> bool {
    let t = l.text.as_ref();
    let bytes = t.as_bytes();
    // Each check reads the line only when a cheap byte test lets it: most
    // candidate lines have no colon, no "by"/"por", no digit, no ">".
    // "by " and "por" hold a "b" or a "p" (either case): only there is more read.
    let maybe_label = memchr::memchr(b':', bytes).is_some()
        || memchr::memchr2_iter(b'b', b'p', bytes)
            .chain(memchr::memchr2_iter(b'B', b'P', bytes))
            .any(|at| {
                bytes.get(at..at + 3).is_some_and(|w| {
                    w.eq_ignore_ascii_case(b"by ") || w.eq_ignore_ascii_case(b"por")
                })
            });
    if maybe_label {
        // The first 60 characters lowercased (of an ASCII line, its first
        // 60 bytes: the same text, without decoding it a character at a time).
        let lower_head: String = if t.is_ascii() {
            t[..t.len().min(60)].to_ascii_lowercase()
        } else {
            t.chars().take(60).flat_map(char::to_lowercase).collect()
        };
        let credit = credit_label_finders().iter().any(|p| {
            // At a word's start: "Dear Abby: …" holds no "by:". (A label
            // cannot overlap itself, so every place it occurs is found, and
            // each starts a character.)
            p.find_iter(lower_head.as_bytes()).any(|at| {
                lower_head[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
            })
        });
        if credit {
            return true;
        }
    }
    // A credit in a script without capitals ("来源：港口日报 记者 王芳").
    if !t.is_ascii() && super::byline::cjk_credit(t).is_some() {
        return true;
    }
    let digits = bytes.iter().any(u8::is_ascii_digit);
    if digits {
        if l.name() {
            return true;
        }
        let clocked = bytes
            .windows(3)
            .any(|w| matches!(w, b" AM" | b" PM" | b"UTC" | b"GMT"))
            || bytes.windows(6).any(|w| {
                w.eq_ignore_ascii_case(b"update")
                    || w.eq_ignore_ascii_case(b"publis")
                    || w.eq_ignore_ascii_case(b"posted")
            });
        if clocked && super::meta::date_in(t).is_some() {
            return true;
        }
        // A short line with a clock time is a timestamp ("Today 12:01 AM",
        // "Yesterday 12:35PM"), or one that leads with a numeric date
        // ("2017-03-10 09:58:03 Source: …").
        if (l.words <= 4 && super::text::has_clock_time(bytes)) || starts_with_numeric_date(bytes) {
            return true;
        }
    }
    // A breadcrumb's last step ends in its separator ("ブログ >", "News »"):
    // no headline does (one may end in a closing guillemet: "… «vieille»").
    let end = t.trim_end();
    if end.ends_with('>') || end.ends_with(" »") || end.ends_with(" ›") {
        return true;
    }
    if memchr::memchr(b'>', bytes).is_some() || t.contains('»') {
        let crumbs = t.matches(">>").count() + t.matches(" > ").count() + t.matches(" » ").count();
        if crumbs >= 2 {
            return true;
        }
    }
    let commas = memchr::memchr_iter(b',', bytes).count();
    // Tags are a word or three each; a headline that lists names has a
    // clause among them ("Saraki, Melaye, Ben Bruce Drag IGP to Court, …").
    commas >= 3
        && l.words <= 3 * (commas + 1)
        && t.matches(", ").count() >= 3
        && t.split(',').all(|tag| tag.split_whitespace().count() <= 3)
}

/// The searchers for the credit labels of rule `headline_shapes_rejected`,
/// built once: a label searched for on every candidate line that holds a
/// colon, "by" or "por" cost a searcher each time.
fn credit_label_finders() -> &'static [memchr::memmem::Finder<'static>] {
    static FINDERS: std::sync::LazyLock<Vec<memchr::memmem::Finder<'static>>> =
        std::sync::LazyLock::new(|| {
            [
                "publicado por",
                "posted by",
                "written by",
                "escrito por",
                "by:",
                "por:",
                "texto:",
                "text:",
                "текст:",
                "автор:",
                "author:",
                "autor:",
            ]
            .iter()
            .map(memchr::memmem::Finder::new)
            .collect()
        });
    &FINDERS
}

/// Whether the text holds " | ": looked for at its "|" (most lines have
/// none) rather than with a searcher made for each line.
fn spaced_pipe(t: &str) -> bool {
    let bytes = t.as_bytes();
    memchr::memchr_iter(b'|', bytes)
        .any(|at| at > 0 && bytes[at - 1] == b' ' && bytes.get(at + 1) == Some(&b' '))
}

/// Whether the text opens with a numeric date: "2017-03-10", "21/09/2018",
/// "10.03.2017" (digits, a separator, digits, the same separator, digits).
fn starts_with_numeric_date(bytes: &[u8]) -> bool {
    let digits = |from: usize| {
        bytes[from.min(bytes.len())..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let a = digits(0);
    if !(1..=4).contains(&a) {
        return false;
    }
    let Some(&sep) = bytes.get(a).filter(|b| matches!(b, b'-' | b'/' | b'.')) else {
        return false;
    };
    let b = digits(a + 1);
    if !(1..=2).contains(&b) || bytes.get(a + 1 + b) != Some(&sep) {
        return false;
    }
    let c = digits(a + 2 + b);
    (1..=4).contains(&c) && (a == 4 || c == 4 || c == 2)
}

/// Rule `first_line_title`: when no line qualifies by its surroundings (a note, a
/// stub, a page without byline or furniture), the file's first line is the title if
/// it is headline-shaped (2–30 words, plain text, no full stop at the end) and text
/// follows it. Example: "Council meets on Tuesday" / "Agenda to follow".
pub fn first_line(lines: &[Line]) -> Option<usize> {
    let l = lines.first()?;
    let t = l.text.as_ref();
    let shaped = l.kind == Kind::Text
        && !l.bullet
        && (2..=30).contains(&l.words)
        && t.chars().count() <= 250
        && !ends_with_full_stop(t)
        && !t.ends_with([':', ',', ';'])
        && !starts_with_dateline(t)
        && inner_sentences(t) < 2;
    (shaped && lines.len() >= 2).then_some(0)
}

/// Whether the line's first letter or digit is a digit: "35 killed in …" and
/// "10 things to know" are headlines, though their first letter is lowercase.
fn starts_with_digit(t: &str) -> bool {
    t.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_ascii_digit())
}

/// Whether a line reads as a headline rather than a name or label: it has a
/// lowercase word (headlines have verbs and function words, "… brace for …") or
/// is long. "The Valley Gazette Weekly Edition" is a masthead, not a headline.
/// In a script without capitals (Chinese, Japanese, Korean) only the length
/// tells: eight letters or more ("人民日报" is a masthead), in runs longer
/// than a menu's labels of two ("首页|新闻|图片|评论" is a menu).
fn headline_worded(t: &str) -> bool {
    if t.split_whitespace().count() >= 8
        || t.split_whitespace()
            .skip(1)
            .any(|w| w.chars().next().is_some_and(char::is_lowercase))
    {
        return true;
    }
    let (mut letters, mut runs, mut in_run) = (0usize, 0usize, false);
    for c in t.chars() {
        let caseless = c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase();
        letters += usize::from(caseless);
        runs += usize::from(caseless && !in_run);
        in_run = caseless;
    }
    letters >= 8 && letters * 2 >= runs * 5
}

/// Whether the line ends in dots or an ellipsis (a teaser cut short) or a
/// full stop.
fn cut_short_or_stopped(t: &str) -> bool {
    let t = t.trim_end();
    t.ends_with("..") || t.ends_with('…') || ends_with_full_stop(t)
}

/// Whether the line ends with a full stop, Latin or ideographic ("。"): a
/// sentence, which a headline in any script rarely is.
fn ends_with_full_stop(t: &str) -> bool {
    ends_with_period(t)
        || t.trim_end()
            .trim_end_matches(['"', '\'', '”', '’', ')', '」', '』', '）'])
            .ends_with(['。', '．'])
}

/// Whether the line opens with a brand-style word ("iPhone", "eBay").
fn camel_case_start(t: &str) -> bool {
    t.split_whitespace()
        .next()
        .is_some_and(|w| w.chars().skip(1).any(char::is_uppercase))
}

/// Sentence boundaries inside a line (". " before a capital). Headlines have at
/// most one ("Amnesty. More than 100 killed"); notices and teasers have more.
pub(crate) fn inner_sentences(t: &str) -> usize {
    // The stops are ASCII, found by one byte search; the character after
    // the space is decoded only there.
    let bytes = t.as_bytes();
    memchr::memchr3_iter(b'.', b'!', b'?', bytes)
        .filter(|&at| {
            bytes.get(at + 1) == Some(&b' ')
                && t.get(at + 2..)
                    .and_then(|rest| rest.chars().next())
                    .is_some_and(char::is_uppercase)
        })
        .count()
}

/// What the walk through the header zone found.
#[derive(Debug, Default)]
pub struct Header {
    /// First unit of the story proper.
    pub body_start: usize,
    /// The standfirst under the headline.
    pub dek: Option<usize>,
    /// Sentence-shaped units in the header that are photo captions.
    pub captions: Vec<usize>,
}

/// Rule `header_zone`: after the headline come dek, byline, date, share buttons and
/// the lead photo's caption and credit, in any order. The walk skips them; a
/// sentence in this zone is the dek (the first one, right under the headline or
/// the byline) or a caption (any other) only when a byline, date, caption or credit
/// follows within two lines. The story starts at the first sentence that is not
/// followed so, or that opens with a dateline ("WASHINGTON (AP) —").
pub fn walk(lines: &[Line], title: usize) -> Header {
    let n = lines.len();
    let mut h = Header {
        body_start: (title + 1).min(n),
        ..Header::default()
    };
    let limit = (title + 30).min(n);
    let mut i = title + 1;
    let mut after_marker = true;
    let mut seen_author = false;
    while i < limit {
        let l = &lines[i];
        match &l.kind {
            Kind::Furniture | Kind::PhotoCredit | Kind::Date | Kind::Byline(_) | Kind::Url => {
                let author = matches!(l.kind, Kind::Byline(_) | Kind::Date);
                seen_author |= author;
                after_marker = author || after_marker;
                i += 1;
                continue;
            }
            Kind::Caption | Kind::Related(_) => {
                i += 1;
                continue;
            }
            Kind::Credit => break,
            Kind::Text => {}
        }
        if l.bullet {
            break;
        }
        if l.name() && !l.sentence {
            after_marker = true;
            seen_author = true;
            i += 1;
            continue;
        }
        if !l.sentence {
            // A standfirst without a full stop, right under the headline and
            // right above the byline or date.
            if h.dek.is_none()
                && i == title + 1
                && (6..=45).contains(&l.words)
                && !starts_with_dateline(&l.text)
                && (i + 1..(i + 3).min(n)).any(|j| is_author_or_date(lines, j))
            {
                h.dek = Some(i);
                i += 1;
                continue;
            }
            if l.words <= 20 {
                i += 1;
                continue;
            }
            break;
        }
        // A long standfirst is allowed right under the headline when a byline or
        // date follows it at once.
        let long_dek_ok =
            h.dek.is_none() && i == title + 1 && l.words <= 70 && is_author_or_date(lines, i + 1);
        if starts_with_dateline(&l.text) || (l.words > 45 && !long_dek_ok) {
            break;
        }
        // A caption below counts only once a byline or date has been passed, and
        // only for a short sentence (a dek above the lead photo). A marker two
        // lines down counts only over a short line: over a paragraph it marks
        // that paragraph, not this one (a live update's timestamp inside the
        // story: "…first paragraph / second paragraph / 9:41 AM / …").
        let paragraph_between = lines
            .get(i + 1)
            .is_some_and(|m| m.kind == Kind::Text && m.sentence && m.words > 15);
        let marked = (i + 1..(i + 3).min(n)).any(|j| {
            (is_author_or_date(lines, j) && !(j > i + 1 && paragraph_between))
                || lines[j].kind == Kind::PhotoCredit
                || (seen_author && l.words <= 15 && lines[j].kind == Kind::Caption)
        });
        if !marked {
            break;
        }
        if h.dek.is_none() && after_marker {
            h.dek = Some(i);
        } else {
            h.captions.push(i);
        }
        after_marker = false;
        i += 1;
    }
    h.body_start = i;
    h
}

#[cfg(test)]
mod weight_tests {
    use super::*;

    #[test]
    fn inner_sentences_are_counted_as_by_three_character_windows() {
        // The count by every window of three characters, as it was written.
        let windows = |t: &str| {
            let mut count = 0;
            let (mut a, mut b) = (None, None);
            for c in t.chars() {
                if matches!(a, Some('.' | '!' | '?')) && b == Some(' ') && c.is_uppercase() {
                    count += 1;
                }
                (a, b) = (b, Some(c));
            }
            count
        };
        let mut lines = crate::article::parse::text::fixture_lines();
        for made in [
            "Amnesty. More than 100 killed",
            "Wait! Ünïcode starts here? Émile too. ß is no capital. a. B",
            "End. ",
            ".",
            ". A",
            "x. Éa. 日本. Ab!  Two spaces? Yes.Glued",
        ] {
            lines.push(made.to_string());
        }
        let mut found = 0;
        for line in &lines {
            let want = windows(line);
            found += want;
            assert_eq!(inner_sentences(line), want, "{line:?}");
        }
        assert!(found > 100, "{found}");
    }

    #[test]
    fn clock_times_and_numeric_dates_are_found_where_they_are() {
        assert!(super::super::text::has_clock_time(b"Today 12:01 AM"));
        assert!(super::super::text::has_clock_time(b"Yesterday 9:35PM"));
        assert!(!super::super::text::has_clock_time(
            b"Dear Abby: a flight to India"
        ));
        assert!(!super::super::text::has_clock_time(
            b"Score 3:1 at half time"
        ));
        assert!(starts_with_numeric_date(b"2017-03-10 09:58:03 Source"));
        assert!(starts_with_numeric_date(b"21/09/2018 - Posted"));
        assert!(starts_with_numeric_date(b"10.03.17 Update"));
        assert!(!starts_with_numeric_date(b"2019-20 season preview"));
        assert!(!starts_with_numeric_date(b"1.5.2 released with fixes"));
        assert!(!starts_with_numeric_date(
            b"2020 Mini hatch is a 300HP monster"
        ));
    }

    #[test]
    fn headline_shape_is_told_in_scripts_without_capitals() {
        assert!(ends_with_full_stop("园区由三座废弃的纺织厂房改建而成。"));
        assert!(ends_with_full_stop("They just might be."));
        assert!(!ends_with_full_stop("商品の改造が商標法違反に！？"));
        assert!(cut_short_or_stopped(
            "‘골목식당’마저 살린 백 대표, 그가 뜨.."
        ));
        assert!(cut_short_or_stopped("Council weighs new budget…"));
        assert!(!cut_short_or_stopped(
            "동네 도서관 폐관 논란, 주민 의견부터 들어야 하는 이유"
        ));
        assert!(headline_worded("旧厂房改建的创业园区迎来首批企业"));
        assert!(!headline_worded("人民日报"));
        assert!(!headline_worded("首页|新闻|图片|评论|财经|体育|教育"));
        assert!(!headline_worded("The Valley Gazette Weekly Edition"));
        assert!(headline_worded("Mayors brace for a cold winter"));
    }

    #[test]
    fn the_weights_file_names_every_feature_and_nothing_else() {
        let file: WeightsFile =
            serde_json::from_str(include_str!("headline_weights.json")).expect("it parses");
        for name in FEATURES {
            assert!(file.weights.contains_key(name), "{name} has no weight");
        }
        for name in file.weights.keys() {
            assert!(FEATURES.contains(&name.as_str()), "{name} is no feature");
        }
        assert!(file.min_total.is_finite());
    }
}
