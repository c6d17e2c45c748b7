//! Raw page text → [`Article`].
//!
//! Baseline: blocks separated by blank lines; the first line is the headline and
//! the rest is body. The real rules live in the submodules as they are written.

use crate::article::model::{Article, count_words};

/// Parses normalised page text (see [`crate::article::decode::normalise`]).
pub fn parse(text: &str) -> Article {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join(" "));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join(" "));
    }
    let title = if paragraphs.is_empty() {
        String::new()
    } else {
        paragraphs.remove(0)
    };
    let word_count = count_words(&paragraphs);
    Article {
        title,
        body: paragraphs,
        word_count,
        ..Article::default()
    }
}
