//! Searching inside the open article (`/` while reading): every occurrence of
//! the words typed, found in the laid-out lines, so a hit is a line and the
//! columns it covers there, ready to highlight and scroll to.

use super::reading::ReaderLayout;
use super::text;

/// One occurrence: on laid-out line `line`, `width` columns from column `column`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub line: usize,
    pub column: usize,
    pub width: usize,
}

/// A search in the open article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Find {
    /// What is searched for (smart case: an upper-case letter makes it exact).
    pub query: String,
    /// Whether the prompt takes typing (until Enter).
    pub editing: bool,
    /// The occurrences, in reading order.
    pub hits: Vec<Hit>,
    /// The one moved to last (an index into `hits`).
    pub current: usize,
    /// The article and width `hits` were found in.
    pub found_in: Option<(usize, usize)>,
}

impl Find {
    /// Finds the occurrences in `layout` (which must be laid out completely).
    pub fn search(&mut self, layout: &ReaderLayout) {
        self.hits = hits(&self.query, layout);
        self.found_in = layout.key;
        self.current = self.current.min(self.hits.len().saturating_sub(1));
    }

    /// The hit moved to, if any.
    pub fn current_hit(&self) -> Option<Hit> {
        self.hits.get(self.current).copied()
    }

    /// Moves to the next (`step` 1) or previous (-1) hit, round the end.
    pub fn step(&mut self, step: isize) {
        let len = self.hits.len();
        if len > 0 {
            self.current = (self.current as isize + step).rem_euclid(len as isize) as usize;
        }
    }

    /// The first hit at or after line `line`, to start from where the reader is.
    pub fn start_at(&mut self, line: usize) {
        self.current = self.hits.iter().position(|h| h.line >= line).unwrap_or(0);
    }
}

/// Every occurrence of `query` in the layout's lines (not across a line
/// break); smart case as the filter: without an upper-case letter, case is
/// ignored.
fn hits(query: &str, layout: &ReaderLayout) -> Vec<Hit> {
    let query = query.trim();
    if query.is_empty() {
        return Vec::new();
    }
    let exact = query.chars().any(char::is_uppercase);
    let needle = if exact {
        query.to_owned()
    } else {
        query.to_lowercase()
    };
    let mut out = Vec::new();
    for (line, read) in layout.lines.iter().enumerate() {
        let text = read.text();
        // Lower-casing can change byte lengths: search char by char instead
        // when it does.
        let hay = if exact {
            text.clone()
        } else {
            text.to_lowercase()
        };
        if hay.len() != text.len() {
            continue;
        }
        let mut from = 0;
        while let Some(at) = hay[from..].find(&needle) {
            let start = from + at;
            let end = start + needle.len();
            if text.is_char_boundary(start) && text.is_char_boundary(end) {
                out.push(Hit {
                    line,
                    column: text::width(&text[..start]),
                    width: text::width(&text[start..end]),
                });
            }
            from = end.max(start + 1);
            while !hay.is_char_boundary(from) {
                from += 1;
            }
        }
    }
    out
}

/// The words to look for in an article opened from a full-text match: the
/// query's first term that can match a body (not `!excluded`, not `@source`),
/// without its operators.
pub fn term_of(query: &str) -> Option<String> {
    query
        .split_whitespace()
        .filter(|t| *t != "|" && !t.starts_with('!') && !t.starts_with('@'))
        .map(|t| t.trim_start_matches(['\'', '^']).trim_end_matches('$'))
        .find(|t| !t.is_empty())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;

    fn layout(body: &[&str], width: usize) -> ReaderLayout {
        let article = Article {
            title: "Headline".into(),
            body: body.iter().map(|p| (*p).to_owned()).collect(),
            ..Default::default()
        };
        let mut layout = ReaderLayout::new(0, &article, &[], width);
        layout.extend_to(&article, usize::MAX);
        layout
    }

    #[test]
    fn finds_every_occurrence_with_smart_case() {
        let layout = layout(
            &["The port and the Port Authority.", "A report on ports."],
            80,
        );
        let mut find = Find {
            query: "port".into(),
            ..Find::default()
        };
        find.search(&layout);
        let lines: Vec<(usize, usize)> = find.hits.iter().map(|h| (h.line, h.column)).collect();
        // Line 0 is the headline, 1 the details line (empty here: no path),
        // then the paragraphs with a gap between.
        let first = layout
            .lines
            .iter()
            .position(|l| l.text().starts_with("The port"))
            .expect("the paragraph");
        assert_eq!(
            lines,
            [(first, 4), (first, 17), (first + 2, 4), (first + 2, 12)]
        );
        find.query = "Port".into();
        find.search(&layout);
        assert_eq!(find.hits.len(), 1, "upper case: exact");
        find.step(-1);
        assert_eq!(find.current, 0);
    }

    #[test]
    fn the_term_of_a_query() {
        assert_eq!(term_of("!russia 'nato ^summit").as_deref(), Some("nato"));
        assert_eq!(term_of("@reuters grain$").as_deref(), Some("grain"));
        assert_eq!(term_of("! @x"), None);
    }
}
