//! The story's lines the text rules let go, given back from the markup.
//!
//! The text rules find the story as the densest run of prose, so a page's
//! lists, tables, recipe steps, short subheads and the paragraphs after a
//! chart or a gallery (a long stretch without prose) fall outside it. The
//! markup knows better where the story is: the block element that holds the
//! paragraphs the text rules kept. Inside it, after the story's first
//! paragraph, the lines the markup does not mark as furniture and the text
//! rules do not read as furniture, a caption, a byline or a date are the
//! story's too.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::article::model::Article;
use crate::article::parse::{Kind, kind_of};

use super::lines::{Line, Page, inside};

/// A run of this many one- or two-word lines in a row outside lists and
/// tables is a chart's labels or a widget's counters, not prose.
const GRAPHIC_RUN: usize = 5;
/// Fewest lines after the story's last paragraph that can be more of it.
const TAIL_LINES: usize = 3;
/// How far past the last placed paragraph a rewritten one is looked for.
const LOOKAHEAD: usize = 60;

/// Adds to `article.body` the lines of the story's container (within
/// `range`, not `dropped` as furniture) that the text rules left out, in page
/// order.
pub(super) fn complete(page: &Page, dropped: &[bool], range: Range<usize>, article: &mut Article) {
    let n = page.lines.len().min(dropped.len());
    let range = range.start.min(n)..range.end.min(n);
    if article.body.is_empty() || range.is_empty() {
        return;
    }
    let keys: Vec<Option<String>> = (0..n)
        .map(|i| {
            (range.contains(&i) && !dropped[i]).then(|| {
                crate::article::decode::normalise(&page.lines[i].text)
                    .trim()
                    .to_string()
            })
        })
        .collect();
    let (placed, joined) = place(&keys, &range, &article.body);
    let matched: Vec<usize> = placed.iter().flatten().chain(&joined).copied().collect();
    let (Some(&lo), Some(&hi)) = (matched.iter().min(), matched.iter().max()) else {
        return;
    };
    let is_matched = {
        let mut m = vec![false; n];
        for &i in &matched {
            m[i] = true;
        }
        m
    };
    let graphic = graphic_lines(page, &keys, &range);
    let end = container_end(page, &keys, &is_matched, &graphic, (lo, hi), &range);

    let mut known: HashSet<String> = article.body.iter().map(|p| p.trim().to_string()).collect();
    known.insert(article.title.trim().to_string());
    known.extend(article.dek.iter().map(|d| d.trim().to_string()));
    known.extend(article.captions.iter().map(|c| c.trim().to_string()));
    let mut restored: Vec<(usize, String)> = Vec::new();
    for i in lo + 1..end {
        let Some(key) = &keys[i] else { continue };
        if is_matched[i] || graphic[i] || key.is_empty() {
            continue;
        }
        let line = &page.lines[i];
        if line.link_density() >= 0.5 || counter(key) || known.contains(key.as_str()) {
            continue;
        }
        let story = match kind_of(key) {
            Kind::Text => true,
            // A long paragraph the markup does not mark as a caption is the
            // story's, whatever short credit sits next to it.
            Kind::Caption => is_long_prose(line),
            _ => false,
        };
        // A line the story repeats (a recipe's "Eat every 2–3 hours") is
        // restored each time, but the same line twice in a row is one shown
        // in two layouts.
        let repeat = (range.start..i)
            .rev()
            .find_map(|j| keys[j].as_deref().filter(|k| !k.is_empty()))
            == Some(key.as_str());
        if story && !repeat {
            restored.push((i, key.clone()));
        }
    }
    if restored.is_empty() {
        return;
    }
    merge(article, &placed, restored, page);
}

/// The line each body paragraph came from, where it can be found: the same
/// text, in page order. Also the lines after the first that a paragraph joins (an item and the
/// link line under it, which the text rules read as one).
fn place(
    keys: &[Option<String>],
    range: &Range<usize>,
    body: &[String],
) -> (Vec<Option<usize>>, Vec<usize>) {
    let mut by_text: HashMap<&str, Vec<usize>> = HashMap::new();
    for i in range.clone() {
        if let Some(key) = &keys[i] {
            by_text.entry(key.as_str()).or_default().push(i);
        }
    }
    let mut last = range.start;
    let mut out = Vec::with_capacity(body.len());
    let mut joined = Vec::new();
    for paragraph in body {
        let p = paragraph.trim();
        let exact = by_text
            .get(p)
            .and_then(|at| at.get(at.partition_point(|&i| i < last)).copied());
        // A bullet or a label the text rules took off the front.
        let found = exact.or_else(|| {
            (last..range.end.min(last + LOOKAHEAD)).find(|&i| {
                keys[i]
                    .as_deref()
                    .is_some_and(|k| p.len() >= 3 && k.len() > p.len() && k.ends_with(p))
            })
        });
        let found = found
            .map(|i| (i, i))
            .or_else(|| joined_at(keys, p, last, range));
        if let Some((i, j)) = found {
            joined.extend(i + 1..=j);
            last = j + 1;
        }
        out.push(found.map(|(i, _)| i));
    }
    (out, joined)
}

/// The first and last of the consecutive lines (skipping lines without text)
/// that joined with spaces make `paragraph`, looked for from `from`.
fn joined_at(
    keys: &[Option<String>],
    paragraph: &str,
    from: usize,
    range: &Range<usize>,
) -> Option<(usize, usize)> {
    let end = range.end.min(from + LOOKAHEAD).min(keys.len());
    (from..end).find_map(|i| {
        let first = keys[i].as_deref().filter(|k| !k.is_empty())?;
        let mut rest = paragraph.strip_prefix(first)?;
        let mut j = i;
        while !rest.is_empty() {
            rest = rest.strip_prefix(' ')?;
            j += 1;
            while j < end && keys[j].as_deref().is_none_or(str::is_empty) {
                j += 1;
            }
            if j >= end {
                return None;
            }
            rest = rest.strip_prefix(keys[j].as_deref()?)?;
        }
        (j > i).then_some((i, j))
    })
}

/// A gallery's position: "Image 3 of 5", "2/12".
fn counter(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().take(5).collect();
    let number = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    match words.as_slice() {
        [.., a, of, b] if number(a) && number(b) && matches!(*of, "of" | "/" | "de" | "von") => {
            words.len() <= 4
        }
        [one] => one
            .split_once('/')
            .is_some_and(|(a, b)| number(a) && number(b)),
        _ => false,
    }
}

/// Lines in runs of [`GRAPHIC_RUN`] or more kept lines of at most two words,
/// outside lists and tables.
fn graphic_lines(page: &Page, keys: &[Option<String>], range: &Range<usize>) -> Vec<bool> {
    let n = keys.len();
    let mut out = vec![false; n];
    let tiny = |i: usize| {
        let line = &page.lines[i];
        line.inside & (inside::LI | inside::TABLE) == 0
            && line.heading == 0
            && line.text.split_whitespace().nth(2).is_none()
    };
    let mut run: Vec<usize> = Vec::new();
    // A chart's title and description sit just above its labels.
    let flush = |run: &mut Vec<usize>, out: &mut Vec<bool>| {
        if run.len() >= GRAPHIC_RUN {
            for &i in run.iter() {
                out[i] = true;
            }
            let above = (range.start..run[0]).rev().filter(|&i| keys[i].is_some());
            for i in above.take(2) {
                if page.lines[i].heading > 0
                    || page.lines[i].text.split_whitespace().nth(30).is_some()
                {
                    break;
                }
                out[i] = true;
            }
        }
        run.clear();
    };
    for i in range.clone() {
        if keys[i].is_none() {
            continue;
        }
        if tiny(i) {
            run.push(i);
        } else {
            flush(&mut run, &mut out);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// Where the story's container ends. The text rules' paragraphs end where
/// the story's prose pauses (a chart, a gallery, a run of list items); the
/// story goes on after them when a block element holding every placed
/// paragraph holds, after the last, a good deal more prose (at least half as
/// much as placed, nearly no links, few fragments besides charts): the story's later
/// sections. A box that adds other stories' teasers, names or comments fails
/// that test. The innermost such box may also hold, after the prose, the
/// story's lists ([`tail_is_story`]). Otherwise the story ends with its last
/// placed paragraph.
fn container_end(
    page: &Page,
    keys: &[Option<String>],
    matched: &[bool],
    graphic: &[bool],
    (lo, hi): (usize, usize),
    range: &Range<usize>,
) -> usize {
    let placed: usize = (lo..=hi)
        .filter(|&i| matched[i])
        .map(|i| page.lines[i].text.chars().count())
        .sum();
    let mut best = (hi + 1, 0usize);
    let mut last_end = 0;
    for &(first, end) in &page.containers {
        if first > lo || end <= hi.max(last_end) {
            continue;
        }
        // Containers holding the story nest: each one seen is larger.
        last_end = end;
        let (mut prose, mut other, mut links) = (0usize, 0usize, 0usize);
        for i in hi + 1..end.min(range.end) {
            if keys[i].is_none() || matched[i] || graphic[i] {
                continue;
            }
            let line = &page.lines[i];
            let chars = line.text.chars().count();
            if line.link_density() >= 0.5 {
                links += chars;
            } else if reads_as_prose(line) {
                prose += chars;
            } else {
                other += chars;
            }
        }
        let story_like = prose * 2 >= placed && links * 20 <= prose && other * 4 <= prose;
        if story_like && prose > best.1 {
            best = (end, prose);
        }
    }
    // The innermost box holding every placed paragraph ends the story when
    // what follows them in it reads as the story's own lists.
    if let Some(&(_, end)) = page.containers.iter().find(|&&(f, e)| f <= lo && e > hi)
        && end > best.0
        && tail_is_story(page, keys, matched, graphic, hi + 1..end.min(range.end))
    {
        best.0 = end;
    }
    best.0.min(range.end)
}

/// Whether the lines after the story's last placed paragraph in its
/// innermost box are more of the story in a shape the text rules do not keep
/// (a recipe's menu, a numbered product list, a table of short rows): a few
/// lines at least (fewer are the notes the text rules let go at the end: an
/// author's bio, "Follow our coverage"), links making at most a third of
/// their text, and no list whose items mostly hold links (other stories).
fn tail_is_story(
    page: &Page,
    keys: &[Option<String>],
    matched: &[bool],
    graphic: &[bool],
    tail: Range<usize>,
) -> bool {
    let (mut text, mut links, mut lines) = (0usize, 0usize, 0usize);
    let (mut items, mut linked_items) = (0usize, 0usize);
    for i in tail {
        if keys[i].as_deref().is_none_or(str::is_empty) || matched[i] || graphic[i] {
            continue;
        }
        let line = &page.lines[i];
        let chars = line.text.chars().count();
        text += chars;
        links += (line.link_density() * chars as f32) as usize;
        lines += usize::from(line.link_density() < 0.5);
        if line.inside & inside::LI != 0 {
            items += 1;
            linked_items += usize::from(line.link_density() > 0.0);
        }
    }
    lines >= TAIL_LINES && links * 3 <= text && linked_items * 2 <= items
}

/// A sentence of some length, or a paragraph of twenty words or more
/// however it ends (a reference in brackets, a quote).
fn reads_as_prose(line: &Line) -> bool {
    super::is_prose(line)
        || (line.heading == 0
            && line.link_density() < 0.2
            && line.text.split_whitespace().nth(19).is_some())
}

/// A paragraph of thirty words or more.
fn is_long_prose(line: &Line) -> bool {
    line.text.split_whitespace().nth(29).is_some() && reads_as_prose(line)
}

/// The body in page order: the text rules' paragraphs where they were found
/// (one not found stays after the paragraph before it), the restored lines
/// where they stand; subheads follow their paragraphs, and a restored heading
/// is a subhead.
fn merge(
    article: &mut Article,
    placed: &[Option<usize>],
    restored: Vec<(usize, String)>,
    page: &Page,
) {
    struct Entry {
        at: usize,
        order: usize,
        text: String,
        subhead: bool,
    }
    let subheads: HashSet<usize> = article.subheads.iter().copied().collect();
    let mut entries: Vec<Entry> = Vec::with_capacity(article.body.len() + restored.len());
    let mut at = 0;
    for (k, paragraph) in article.body.drain(..).enumerate() {
        if let Some(Some(i)) = placed.get(k) {
            at = *i;
        }
        entries.push(Entry {
            at,
            order: k,
            text: paragraph,
            subhead: subheads.contains(&k),
        });
    }
    let base = entries.len();
    for (k, (i, text)) in restored.into_iter().enumerate() {
        entries.push(Entry {
            at: i,
            order: base + k,
            subhead: page.lines[i].heading > 0,
            text,
        });
    }
    entries.sort_by_key(|e| (e.at, e.order));
    article.subheads = entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.subhead)
        .map(|(k, _)| k)
        .collect();
    article.body = entries.into_iter().map(|e| e.text).collect();
}
