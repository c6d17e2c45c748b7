//! The searchable form of the headlines, built incrementally as articles arrive.
//!
//! Every headline is stored in three flat buffers, back to back: as written
//! (for case-sensitive queries and non-ASCII scoring), ASCII-lower-cased (for
//! case-insensitive queries), and one byte per byte of per-position match bonus
//! and case (so scoring needs no per-query pass over character classes). One allocation each plus an offset table keeps a
//! million headlines cache-friendly and cheap to scan.
//!
//! For `@source` terms each article's source and byline are kept the same way
//! (as written and folded; empty when pushed with [`FilterIndex::push`]). Bodies,
//! for full-text mode, are added only on demand ([`FilterIndex::push_body`]):
//! at a million articles they are hundreds of megabytes, so an index holds none
//! until full text is first asked for, and then one flat buffer as written (no
//! folded copy; case-insensitive body search folds as it compares).

/// Headlines in library order, ready for [`super::engine::search`].
#[derive(Debug, Default, Clone)]
pub struct FilterIndex {
    /// All headlines concatenated, as written.
    text: String,
    /// `text` with ASCII letters lower-cased (same length, same char boundaries).
    folded: Vec<u8>,
    /// Per byte of `text`: match bonus and case (see [`super::score::push_meta`]).
    meta: Vec<u8>,
    /// Whether headline `i` is all ASCII (scored over bytes, no text needed).
    ascii: Vec<bool>,
    /// `ends[i]` is the end of headline `i` in `text`; it starts at `ends[i - 1]` (or 0).
    ends: Vec<usize>,
    /// Source and byline of each article (same positions as the headlines).
    sources: Flat,
    /// Bodies of the first `bodies.len()` articles, paragraphs joined by newlines.
    bodies: Flat,
}

/// Strings back to back with an offset table; `folded` only when asked for.
#[derive(Debug, Default, Clone)]
struct Flat {
    text: String,
    folded: Vec<u8>,
    ends: Vec<usize>,
}

impl Flat {
    fn push(&mut self, text: &str, fold: bool) {
        self.text.push_str(text);
        if fold {
            let start = self.folded.len();
            self.folded.extend_from_slice(text.as_bytes());
            self.folded[start..].make_ascii_lowercase();
        }
        self.ends.push(self.text.len());
    }

    fn span(&self, index: usize) -> (usize, usize) {
        let start = if index == 0 { 0 } else { self.ends[index - 1] };
        (start, self.ends[index])
    }

    fn get(&self, index: usize) -> &str {
        let (start, end) = self.span(index);
        &self.text[start..end]
    }

    fn folded(&self, index: usize) -> &[u8] {
        let (start, end) = self.span(index);
        &self.folded[start..end]
    }

    fn clear(&mut self) {
        self.text.clear();
        self.folded.clear();
        self.ends.clear();
    }

    fn heap_bytes(&self) -> usize {
        self.text.capacity()
            + self.folded.capacity()
            + self.ends.capacity() * std::mem::size_of::<usize>()
    }
}

/// An article's text for `@source` terms: source and byline, joined by " · ".
pub fn source_text(article: &crate::article::Article) -> String {
    [&article.source, &article.byline]
        .into_iter()
        .filter_map(|f| f.as_deref())
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// An article's text for full-text mode: its body paragraphs, one a line.
pub fn body_text(article: &crate::article::Article) -> String {
    article.body.join("\n")
}

impl FilterIndex {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    /// An index of `titles`, in order.
    pub fn from_titles<'a>(titles: impl IntoIterator<Item = &'a str>) -> Self {
        let mut index = Self::new();
        index.extend(titles);
        index
    }

    /// Appends one headline (with no source); its index is the previous [`len`](Self::len).
    pub fn push(&mut self, title: &str) {
        self.push_entry(title, "");
    }

    /// Appends one headline with its source and byline (for `@source` terms).
    pub fn push_entry(&mut self, title: &str, source: &str) {
        self.sources.push(source, true);
        self.text.push_str(title);
        let start = self.folded.len();
        self.folded.extend_from_slice(title.as_bytes());
        self.folded[start..].make_ascii_lowercase();
        super::score::push_meta(title.as_bytes(), &mut self.meta);
        self.ascii.push(title.is_ascii());
        self.ends.push(self.text.len());
    }

    /// Appends headlines in order (for example the titles of a loaded batch).
    pub fn extend<'a>(&mut self, titles: impl IntoIterator<Item = &'a str>) {
        for title in titles {
            self.push(title);
        }
    }

    /// Appends an article's headline and source (not its body).
    pub fn push_article(&mut self, article: &crate::article::Article) {
        self.push_entry(&article.title, &source_text(article));
    }

    /// Adds the body of the next article without one (article
    /// [`bodies_len`](Self::bodies_len)); ignored when every article has one.
    /// Bodies are optional: full-text search looks at the first `bodies_len`
    /// articles' bodies and the others' headlines only.
    pub fn push_body(&mut self, body: &str) {
        if self.bodies.ends.len() < self.len() {
            self.bodies.push(body, false);
        }
    }

    /// How many articles (the first ones) have their body indexed.
    pub fn bodies_len(&self) -> usize {
        self.bodies.ends.len()
    }

    /// Article `index`'s source and byline.
    pub fn source(&self, index: usize) -> &str {
        self.sources.get(index)
    }

    /// Article `index`'s source and byline, ASCII-lower-cased.
    pub fn source_folded(&self, index: usize) -> &[u8] {
        self.sources.folded(index)
    }

    /// Article `index`'s body, when indexed.
    pub fn body(&self, index: usize) -> Option<&str> {
        (index < self.bodies.ends.len()).then(|| self.bodies.get(index))
    }

    /// Number of headlines.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are no headlines.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Removes every headline (a new library is being loaded).
    pub fn clear(&mut self) {
        self.text.clear();
        self.folded.clear();
        self.meta.clear();
        self.ascii.clear();
        self.ends.clear();
        self.sources.clear();
        self.bodies.clear();
    }

    fn span(&self, index: usize) -> (usize, usize) {
        let start = if index == 0 { 0 } else { self.ends[index - 1] };
        (start, self.ends[index])
    }

    /// Headline `index` as written. Panics when out of range, like slice indexing.
    pub fn title(&self, index: usize) -> &str {
        let (start, end) = self.span(index);
        &self.text[start..end]
    }

    /// Headline `index` with ASCII letters lower-cased.
    pub fn folded(&self, index: usize) -> &[u8] {
        let (start, end) = self.span(index);
        &self.folded[start..end]
    }

    /// Whether headline `index` is all ASCII.
    pub fn is_ascii(&self, index: usize) -> bool {
        self.ascii[index]
    }

    /// Headline `index`'s per-byte match bonus and case bits.
    pub fn meta(&self, index: usize) -> &[u8] {
        let (start, end) = self.span(index);
        &self.meta[start..end]
    }

    /// Headline `index` as bytes, as written.
    pub fn bytes(&self, index: usize) -> &[u8] {
        let (start, end) = self.span(index);
        &self.text.as_bytes()[start..end]
    }

    /// Bytes held by the index (for memory reports).
    pub fn heap_bytes(&self) -> usize {
        self.text.capacity()
            + self.folded.capacity()
            + self.meta.capacity()
            + self.ascii.capacity()
            + self.ends.capacity() * std::mem::size_of::<usize>()
            + self.sources.heap_bytes()
            + self.bodies.heap_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_round_trip_and_fold_ascii_only() {
        let index = FilterIndex::from_titles(["NATO Summit", "", "Émile Zola"]);
        assert_eq!(index.len(), 3);
        assert_eq!(index.title(0), "NATO Summit");
        assert_eq!(index.title(1), "");
        assert_eq!(index.title(2), "Émile Zola");
        assert_eq!(index.folded(0), b"nato summit");
        assert_eq!(index.folded(2), "Émile zola".as_bytes());
        assert_eq!(index.source(1), "");
        assert_eq!(index.body(0), None);
    }

    #[test]
    fn sources_and_bodies_on_demand() {
        let mut index = FilterIndex::new();
        index.push_entry("One", "Reuters · Jane");
        index.push("Two");
        assert_eq!(index.source(0), "Reuters · Jane");
        assert_eq!(index.source_folded(0), "reuters · jane".as_bytes());
        assert_eq!(index.source(1), "");
        index.push_body("first body");
        assert_eq!(
            (index.bodies_len(), index.body(0), index.body(1)),
            (1, Some("first body"), None)
        );
        index.push_body("second");
        index.push_body("ignored: no third article");
        assert_eq!(index.bodies_len(), 2);
        assert_eq!(index.body(1), Some("second"));
        index.clear();
        assert_eq!((index.len(), index.bodies_len()), (0, 0));
    }
}
