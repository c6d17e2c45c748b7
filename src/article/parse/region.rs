//! Where the story is: unit scores, the densest run of prose, and the rules that
//! end the story (running score peak, comment section, long gaps).

use super::text::{self, ends_terminal};
use super::{Kind, Line, body};

/// Score of a unit for locating the story: prose scores its word count (capped),
/// everything else scores negative.
pub(crate) fn score(lines: &[Line], i: usize) -> f32 {
    let l = &lines[i];
    if l.words <= 2 && !l.text.chars().any(char::is_alphabetic) {
        return NEUTRAL;
    }
    match l.kind {
        Kind::Url if body::item_link(lines, i) => NEUTRAL,
        Kind::Furniture | Kind::Url | Kind::PhotoCredit | Kind::Date | Kind::Byline(_) => -5.0,
        Kind::Caption | Kind::Related(_) => -2.0,
        Kind::Credit => 1.0,
        Kind::Text => {
            if l.sentence {
                // Rule `island_sentence`: a sentence wedged between non-prose lines of
                // its own block is a teaser in a list (a byline above, a section label
                // below), not story text.
                let short = |j: Option<usize>| {
                    j.and_then(|j| lines.get(j))
                        .is_some_and(|o| o.block == l.block && !o.sentence)
                };
                // Across blank lines the same holds for a short teaser between two
                // headline-like lines (a "Top stories" list of headline + summary).
                let headline = |j: Option<usize>| {
                    j.and_then(|j| lines.get(j)).is_some_and(|o| {
                        o.kind == Kind::Text
                            && !o.sentence
                            && o.words >= 4
                            && !ends_terminal(&o.text)
                    })
                };
                // The last teaser of such a list has no label under it: a sentence
                // that ends its block under a short line, two lines after another
                // sentence under a short line, is the same list's last entry.
                let ends_block = lines.get(i + 1).is_none_or(|o| o.block != l.block);
                let sentence_at = |j: Option<usize>| {
                    j.and_then(|j| lines.get(j))
                        .is_some_and(|o| o.block == l.block && o.sentence)
                };
                let last_teaser = ends_block
                    && short(i.checked_sub(1))
                    && sentence_at(i.checked_sub(2))
                    && short(i.checked_sub(3));
                let island = (short(i.checked_sub(1)) && short(Some(i + 1)))
                    || last_teaser
                    || (l.words <= 30 && headline(i.checked_sub(1)) && headline(Some(i + 1)));
                // Rule `list_is_story`: an item of a list in the story is not a
                // teaser, however short its neighbours.
                // A teaser's summary is one sentence, or two short ones; a
                // paragraph of three, or of two making more than 60 words,
                // between subheads is a section of the story ("The handoff" /
                // its paragraph / "Not just social media" / …).
                let summary = || match super::headline::inner_sentences(&l.text) {
                    0 => true,
                    1 => l.words <= 60,
                    _ => false,
                };
                if island && body::list_role(lines, i).is_none() && summary() {
                    -1.0
                } else {
                    l.words.min(80) as f32
                }
            } else if (ends_terminal(&l.text) && l.words >= 3)
                || body::list_role(lines, i).is_some()
                || body::in_embedded_post(lines, i)
            {
                1.0
            } else if l.words <= 3 {
                -4.0
            } else {
                -3.0
            }
        }
    }
}

/// Rule `region`: the maximum-sum run of unit scores (the densest stretch of prose).
pub(crate) fn region(scores: &[f32]) -> Option<(usize, usize)> {
    let mut best: Option<(f32, usize, usize)> = None;
    let mut cur = 0.0f32;
    let mut start = 0usize;
    for (i, &s) in scores.iter().enumerate() {
        if cur <= 0.0 {
            cur = 0.0;
            start = i;
        }
        cur += s;
        if cur > 0.0 && best.is_none_or(|(b, _, _)| cur > b) {
            best = Some((cur, start, i));
        }
    }
    best.map(|(_, s, e)| (s, e))
}

/// Where the story ends: the unit at which the running score from `start` peaks.
pub(crate) fn body_end(scores: &[f32], start: usize) -> Option<usize> {
    let mut cum = 0.0f32;
    let mut best: Option<(f32, usize)> = None;
    for (j, s) in scores.iter().enumerate().skip(start) {
        cum += s;
        if best.is_none_or(|(b, _)| cum > b) {
            best = Some((cum, j));
        }
    }
    best.filter(|(b, _)| *b > 0.0).map(|(_, j)| j)
}

/// Rule `comments_boundary`: the comment section follows the story; once the story
/// has begun (three paragraphs in), a credit with no prose under it
/// (`byline_ends_story`), a company's standard closing paragraph
/// (`company_boilerplate`) or a comment-widget line ("Comments (120)", "Sign
/// in to post a comment", "12 responses to …", "jdoe says:") ends it, however much
/// prose follows.
pub(crate) fn comments_boundary(lines: &[Line], start: usize, end: usize) -> usize {
    let mut paragraphs = 0usize;
    for (i, l) in lines.iter().enumerate().take(end + 1).skip(start) {
        if l.kind == Kind::Text && l.sentence {
            if paragraphs >= 3 && body::company_boilerplate(&l.text) {
                return i.saturating_sub(1).max(start);
            }
            paragraphs += 1;
        } else if paragraphs >= 3
            && matches!(l.kind, Kind::Byline(_))
            && !l.sentence
            && lines
                .iter()
                .skip(i + 1)
                .take(2)
                .all(|o| !(o.kind == Kind::Text && o.sentence))
        {
            // Rule `byline_ends_story`: a credit under the story with no
            // prose after it ("Written by Jane Doe" over "Related stories").
            return i.saturating_sub(1).max(start);
        } else if paragraphs >= 3
            && l.words <= 14
            && (l.kind == Kind::Furniture || !text::ends_with_period(&l.text))
            && comment_marker(&l.text)
        {
            return i.saturating_sub(1).max(start);
        } else if paragraphs >= 1 && l.words <= 8 && recommendation_heading(&l.text) {
            // Rule `recommendations`: "You may also like", "Você pode gostar…":
            // what follows is chosen for the reader, not part of the story.
            return i.saturating_sub(1).max(start);
        } else if paragraphs >= 3 && l.kind == Kind::Text && body::about_heading(&l.text) {
            // Rule `about_box`: "About Jane Doe", "Über die Autorin": the
            // author's or the company's box follows the story.
            return i.saturating_sub(1).max(start);
        }
    }
    end
}

/// Score of a line without a letter ("$915", "’17", "13.0%"): a chart's
/// figures and axis labels inside the story, neither story nor furniture.
pub(crate) const NEUTRAL: f32 = -0.5;

/// Whether a score is [`NEUTRAL`]'s (no other kind scores between -1 and 0).
fn neutral(s: f32) -> bool {
    s < 0.0 && s > -1.0
}

/// Rule `gap_cut`: a long stretch of non-prose (six or more lines: a "Top stories"
/// list, a footer menu) inside the scored run separates the story from whatever
/// prose follows. That prose is kept only if it weighs at least 40% as much as
/// the story before the gap, and the stretch up to the next such gap is mostly
/// prose itself; a stretch that weighs less than 40% as much as the story is
/// kept only when all that follows is mostly prose too. A long related-links
/// box or a chart in mid-story is then bridged; a "Latest news" list of
/// headline, author, date and teaser after it is not, nor an appeal to readers
/// between a staff list and the headlines of other stories. Lines without
/// letters ([`NEUTRAL`]) count for neither side.
pub(crate) fn gap_cut(scores: &[f32], start: usize, end: usize) -> usize {
    const GAP: usize = 6;
    let end = end.min(scores.len().saturating_sub(1));
    if start > end {
        return end;
    }
    // From each unit to `end`: positive mass, prose units and counted units,
    // so that each gap is weighed in constant time.
    let span = end + 1 - start;
    let mut mass_from = vec![0.0f32; span + 1];
    let mut prose_from = vec![0usize; span + 1];
    let mut counted_from = vec![0usize; span + 1];
    // Where the next gap of `GAP` non-prose units after each unit begins (or
    // `end + 1`), found from the back in the same pass.
    let mut next_gap = vec![end + 1; span + 1];
    let mut run_from_here = 0usize;
    for k in (0..span).rev() {
        let s = scores[start + k];
        let positive = s > 0.0;
        mass_from[k] = mass_from[k + 1] + if positive { s } else { 0.0 };
        prose_from[k] = prose_from[k + 1] + usize::from(positive);
        counted_from[k] = counted_from[k + 1] + usize::from(!neutral(s));
        if positive {
            run_from_here = 0;
            next_gap[k] = next_gap[k + 1];
        } else if neutral(s) {
            next_gap[k] = next_gap[k + 1];
        } else {
            run_from_here += 1;
            next_gap[k] = if run_from_here >= GAP {
                start + k
            } else {
                next_gap[k + 1]
            };
        }
    }
    let share = |from: usize, to: usize| {
        // Units `from..to` (indices into the span).
        let counted = counted_from[from] - counted_from[to];
        if counted == 0 {
            1.0
        } else {
            (prose_from[from] - prose_from[to]) as f32 / counted as f32
        }
    };
    let mut mass_before = 0.0f32;
    let mut last_positive = start;
    let mut run = 0usize;
    for (i, &s) in scores.iter().enumerate().take(end + 1).skip(start) {
        if s > 0.0 {
            // Nothing to protect yet: the story has not really begun.
            if run >= GAP && mass_before >= 40.0 {
                let k = i - start;
                let stretch_end = (next_gap[k] - start).max(k + 1);
                let stretch_mass = mass_from[k] - mass_from[stretch_end];
                let cut = mass_from[k] < 0.4 * mass_before
                    || share(k, stretch_end) < 0.5
                    || (stretch_mass < 0.4 * mass_before && share(k, span) < 0.5);
                if cut {
                    return last_positive;
                }
            }
            run = 0;
            mass_before += s;
            last_positive = i;
        } else if !neutral(s) {
            run += 1;
        }
    }
    end
}

/// Headings of the recommendations under a story, in the languages of the
/// pages people save.
const RECOMMENDATIONS: &[&str] = &[
    "you may also like",
    "you might also like",
    "you may like",
    "you might like",
    "recommended for you",
    "what to read next",
    "você pode gostar",
    "você também pode gostar",
    "te puede interesar",
    "también te puede interesar",
    "quizás te interese",
    "vous aimerez aussi",
    "vous aimerez peut-être aussi",
    "à lire aussi",
    "das könnte sie auch interessieren",
    "das könnte dich auch interessieren",
    "potrebbe interessarti",
    "ti potrebbe interessare",
    "potrebbero interessarti",
    "dit vind je misschien ook leuk",
    "вам может быть интересно",
    "читайте также",
    "mungkin anda suka",
    "baca juga",
];

/// Whether a line is one of [`RECOMMENDATIONS`], alone (trailing dots,
/// colons and ellipses aside).
fn recommendation_heading(line: &str) -> bool {
    let lower = line.to_lowercase();
    let lower = lower
        .trim()
        .trim_end_matches(['.', '…', ':', '!'])
        .trim_end();
    RECOMMENDATIONS.contains(&lower)
}

/// A comment-section heading or a commenter's signature ("jdoe says:").
fn comment_marker(line: &str) -> bool {
    let lower = line.to_lowercase();
    // "declined to comment" is story text; a comment heading is a label or a count.
    let label = lower.starts_with("comment")
        || lower.starts_with(|c: char| c.is_ascii_digit())
        || lower.starts_with("show ")
        || lower.starts_with("view ")
        || lower.starts_with("join ")
        || lower.starts_with("leave ")
        || lower.starts_with("post ")
        || lower.starts_with("sign in")
        || lower.starts_with("log in")
        || lower.starts_with("reader ")
        || lower.starts_with("you must");
    if !label {
        return lower.trim_end().ends_with(" says:") && line.split_whitespace().count() <= 4;
    }
    [
        "comment",
        "responses to",
        "replies to",
        "reader reactions",
        "leave a reply",
        "post a reply",
    ]
    .iter()
    .any(|k| lower.contains(k))
        || lower.trim_end().ends_with(" says:")
}
