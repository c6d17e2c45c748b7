//! Rules applied inside the story: short lines (subheads, link lists, labels) and
//! the author's bio box that closes it.

use crate::article::model::Article;

use super::text::{ends_terminal, is_all_caps, is_title_case};
use super::{Kind, Line};

/// Rule `author_bio`: after the story comes the author's box: a line that starts
/// with the byline's name ("Jane Doe covers the White House.", "About Jane Doe",
/// "Jane Doe") three or more paragraphs in ends the story.
pub(crate) fn author_bio_cut(article: &mut Article, subheads: &mut Vec<usize>) {
    let Some(byline) = &article.byline else {
        return;
    };
    let first = byline
        .split(" and ")
        .next()
        .and_then(|b| b.split(',').next())
        .unwrap_or("")
        .trim();
    if first.split_whitespace().count() < 2 {
        return;
    }
    let about = format!("About {first}");
    let cut = article
        .body
        .iter()
        .enumerate()
        .skip(3)
        .find(|(_, p)| p.starts_with(first) || p.starts_with(&about))
        .map(|(i, _)| i);
    if let Some(k) = cut {
        article.body.truncate(k);
        subheads.retain(|&s| s < k);
    }
}

/// What to do with a short non-sentence line inside the body.
pub(crate) enum Short {
    Keep,
    Drop,
    Related,
}

/// Rules for short lines inside the story:
/// * `list_run`: two or more short non-sentence lines in a row in one block are a
///   list of links (related stories, tags), not subheads.
/// * `credit_under_caption`: a short line right under a caption is its credit.
/// * `single_word`: a lone word without punctuation is a label ("Video", "Claim").
/// * `shouted_promo` / `headline_case_link`: an ALL-CAPS line of six or more words,
///   or a Title-Case headline, inside the story links to another story.
/// * otherwise the line is a subhead and kept.
pub(crate) fn in_body_short_line(lines: &[Line], i: usize) -> Short {
    let l = &lines[i];
    // Neighbours in the same block of any non-prose kind, or across a blank line
    // other short text lines, make this line one entry of a list.
    let shortish = |j: usize| {
        lines.get(j).is_some_and(|o| {
            !o.sentence
                && o.words <= 20
                && o.kind != Kind::Caption
                && (o.block == l.block || (o.kind == Kind::Text && !ends_terminal(&o.text)))
        })
    };
    if (i > 0 && shortish(i - 1)) || shortish(i + 1) {
        return Short::Drop;
    }
    if i > 0 && lines[i - 1].block == l.block && matches!(lines[i - 1].kind, Kind::Caption) {
        return Short::Drop;
    }
    if l.words <= 1 && !ends_terminal(&l.text) {
        return Short::Drop;
    }
    if (is_all_caps(&l.text) && l.words >= 6)
        || (is_title_case(&l.text) && l.words >= 4 && !ends_terminal(&l.text))
    {
        return Short::Related;
    }
    Short::Keep
}
