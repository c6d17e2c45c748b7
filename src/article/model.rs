//! The structured article: what the parser produces and what the reader shows.

use serde::{Deserialize, Serialize};

/// One article, as a reader wants it: the page's furniture gone, its parts named.
///
/// Serialised as one JSON object per article (`newsreader parse --json`), and read
/// back from `.jsonl` libraries, so every field has a serde default.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Article {
    /// The headline (never empty after parsing: falls back to the URL slug or file name).
    pub title: String,
    /// The standfirst or summary under the headline.
    pub dek: Option<String>,
    /// Author credit without the leading "By".
    pub byline: Option<String>,
    /// Publication name ("Business Insider") or site ("themoscowtimes.com").
    pub source: Option<String>,
    /// Publication date as ISO 8601 (`YYYY-MM-DD`).
    pub published: Option<String>,
    /// The page's own URL.
    pub url: Option<String>,
    /// Summary bullets shown above the body.
    pub key_points: Vec<String>,
    /// Photo captions, each once.
    pub captions: Vec<String>,
    /// Body paragraphs in order; in-article subheads are entries of their own.
    pub body: Vec<String>,
    /// Indices into `body` of the entries that are subheads (for the reader's styling).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub subheads: Vec<usize>,
    /// Indices into `body` of the entries that are items of a list in the story
    /// (numbered or bulleted on the page), for the reader to show as a list.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub list_items: Vec<usize>,
    /// Attribution lines such as "Information from Reuters was used in this report."
    pub credits: Vec<String>,
    /// Related-article links the page interleaves with the story.
    pub related: Vec<Related>,
    /// Every URL found in the text, in order of appearance, each once.
    pub links: Vec<String>,
    /// Words in the body.
    pub word_count: usize,
    /// Where the article came from: a file path, or `bundled:NAME`.
    pub path: String,
}

/// A related-article reference: a headline, a link, or both.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Related {
    pub title: String,
    pub url: Option<String>,
}

impl Article {
    /// Minutes to read at 230 words a minute, at least one.
    pub fn minutes_to_read(&self) -> usize {
        self.word_count.div_ceil(230).max(1)
    }

    /// Whether `body[index]` is an in-article subhead.
    pub fn is_subhead(&self, index: usize) -> bool {
        self.subheads.contains(&index)
    }

    /// Whether `body[index]` is an item of a list in the story.
    pub fn is_list_item(&self, index: usize) -> bool {
        self.list_items.contains(&index)
    }
}

/// Counts words the way readers do: runs of non-whitespace (as
/// `split_whitespace` does, by the parser's byte-level counter), and in
/// Chinese and Japanese, written without spaces, one word for every two
/// characters (so a Chinese story is not "4 words, 1 min read").
pub fn count_words<'a>(paragraphs: impl IntoIterator<Item = &'a String>) -> usize {
    paragraphs
        .into_iter()
        .map(|p| crate::article::parse::text::line_words(p))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::count_words;

    #[test]
    fn words_are_counted_in_scripts_without_spaces_too() {
        let english = vec!["The council met on Monday.".to_string()];
        assert_eq!(count_words(&english), 5);
        // Nineteen Chinese characters read as ten words (two a word, rounded up), not one.
        let chinese = vec!["今年一月开通的六条夜间公交线路半年来客".to_string()];
        assert_eq!(count_words(&chinese), 10);
    }
}
