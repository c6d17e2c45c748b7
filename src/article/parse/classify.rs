//! Line classification as an ordered table of named classifiers: each unit
//! gets the [`Kind`] of the first classifier that claims it, and the name of
//! the rule that decided, so `newsreader parse --explain` can say why a line
//! was dropped or kept.

use super::text::{self, ends_terminal};
use super::{Kind, captions, furniture, meta, urls};

/// What a classifier reads of a unit.
pub(crate) struct Probe<'a> {
    pub text: &'a str,
    /// The lowercased text; empty for a paragraph over [`LONG`] bytes (only
    /// `long_paragraph` and the ones before it read those).
    pub lower: &'a str,
    pub words: usize,
}

/// A paragraph longer than this (in bytes) is only told caption from text.
pub(crate) const LONG: usize = 500;

/// A named line classifier: claims a unit with a kind and the name of the
/// rule that decided it (its own name, or a finer one such as the furniture
/// rule that holds), or passes it on.
pub(crate) struct Classifier {
    pub name: &'static str,
    pub decide: fn(&Probe) -> Option<(Kind, &'static str)>,
}

/// The classifiers, in the order they are tried; a unit no classifier claims
/// is text (rule [`TEXT`]).
pub(crate) const CLASSIFIERS: &[Classifier] = &[
    Classifier {
        name: "url",
        decide: url,
    },
    Classifier {
        name: "long_paragraph",
        decide: long_paragraph,
    },
    Classifier {
        name: "attribution_credit",
        decide: |p| furniture::is_credit(p.lower).then_some((Kind::Credit, "attribution_credit")),
    },
    Classifier {
        name: "related_link",
        decide: |p| furniture::related_title(p.text).map(|t| (Kind::Related(t), "related_link")),
    },
    Classifier {
        name: "byline",
        decide: |p| meta::byline_counted(p.text, p.words).map(|b| (Kind::Byline(b), "byline")),
    },
    Classifier {
        name: "caption",
        decide: caption,
    },
    Classifier {
        name: "time_of_day",
        // A timestamp may carry a slash ("Posted: Jun 3, 2022 / 04:15 PM CDT"),
        // which would otherwise read as a photographer/agency credit.
        decide: |p| meta::time_of_day(p.text).then_some((Kind::Furniture, "time_of_day")),
    },
    Classifier {
        name: "date_line",
        decide: |p| meta::date_line_counted(p.text, p.words).then_some((Kind::Date, "date_line")),
    },
    Classifier {
        name: "photo_credit",
        decide: |p| {
            captions::photo_credit(p.text, p.words, Some(p.lower))
                .then_some((Kind::PhotoCredit, "photo_credit"))
        },
    },
    Classifier {
        name: "furniture",
        decide: |p| {
            furniture::furniture_rule(p.text, p.lower, p.words).map(|r| (Kind::Furniture, r))
        },
    },
];

/// The rule name of a unit no classifier claims.
pub(crate) const TEXT: &str = "text";

/// Classifies one unit on its own. `words` is its word count; the lowercased
/// text is made once here, in `scratch` (reused from unit to unit, so no line
/// allocates for it), and shared by the classifiers that read it.
pub(crate) fn classify_unit(
    text: &str,
    words: usize,
    scratch: &mut String,
) -> (Kind, &'static str) {
    scratch.clear();
    // Long paragraphs (the bulk of the bytes) are told apart without the
    // lowercased text (see `long_paragraph`).
    if text.len() <= LONG {
        if text.is_ascii() {
            // The same as `to_lowercase` for ASCII.
            scratch.push_str(text);
            scratch.make_ascii_lowercase();
        } else {
            scratch.push_str(&text.to_lowercase());
        }
    }
    let probe = Probe {
        text,
        lower: scratch.as_str(),
        words,
    };
    CLASSIFIERS
        .iter()
        .find_map(|c| (c.decide)(&probe))
        .unwrap_or((Kind::Text, TEXT))
}

/// Classifier `url`: a bare URL or a URL label ("Original URL: …").
fn url(p: &Probe) -> Option<(Kind, &'static str)> {
    (urls::starts_with_url(p.text)
        || p.text
            .get(..12)
            .is_some_and(|h| h.eq_ignore_ascii_case("original url")))
    .then_some((Kind::Url, "url"))
}

/// Classifier `long_paragraph`: a paragraph over [`LONG`] bytes can only be a
/// caption or story text; the other classifiers are for short lines.
fn long_paragraph(p: &Probe) -> Option<(Kind, &'static str)> {
    (p.text.len() > LONG).then(|| {
        if captions::is_caption(p.text) {
            (Kind::Caption, "long_caption")
        } else {
            (Kind::Text, "long_paragraph")
        }
    })
}

/// Classifier `caption`: a caption's shape (see [`captions::is_caption`]); a
/// label and a name only ("Photo: Anna Holm") is the photo's credit.
fn caption(p: &Probe) -> Option<(Kind, &'static str)> {
    if !captions::is_caption_lower(p.text, p.lower) {
        return None;
    }
    if captions::photo_credit(p.text, p.words, Some(p.lower))
        && text::word_count(captions::without_label(p.text)) <= 4
        && !ends_terminal(p.text)
    {
        return Some((Kind::PhotoCredit, "caption_label_credit"));
    }
    Some((Kind::Caption, "caption"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule_of(line: &str) -> (Kind, &'static str) {
        classify_unit(line, text::word_count(line), &mut String::new())
    }

    #[test]
    fn each_line_names_the_rule_that_decided_it() {
        for (line, kind, rule) in [
            ("https://example.com/a/b", Kind::Url, "url"),
            ("Skip to main content", Kind::Furniture, "navigation_words"),
            ("Privacy Policy", Kind::Furniture, "legal_footer"),
            ("Share on Facebook", Kind::Furniture, "social_or_share"),
            ("5 min read", Kind::Furniture, "reading_time"),
            ("By Jane Doe", Kind::Byline("Jane Doe".into()), "byline"),
            (
                "The council met on Tuesday to discuss the budget for next year.",
                Kind::Text,
                TEXT,
            ),
        ] {
            assert_eq!(rule_of(line), (kind, rule), "{line:?}");
        }
    }

    #[test]
    fn a_long_paragraph_is_text_by_its_own_rule() {
        let para = "The council met again on Tuesday evening. ".repeat(20);
        assert_eq!(rule_of(&para), (Kind::Text, "long_paragraph"));
    }

    #[test]
    fn classifier_names_are_distinct() {
        let mut names: Vec<&str> = CLASSIFIERS.iter().map(|c| c.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), CLASSIFIERS.len());
    }
}
