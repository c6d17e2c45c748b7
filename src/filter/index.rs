//! The searchable form of the headlines, built incrementally as articles arrive.
//!
//! Every headline is stored in three flat buffers, back to back: as written
//! (for case-sensitive queries and non-ASCII scoring), ASCII-lower-cased (for
//! case-insensitive queries), and one byte per byte of per-position match bonus
//! and case (so scoring needs no per-query pass over character classes). One allocation each plus an offset table keeps a
//! million headlines cache-friendly and cheap to scan.

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

    /// Appends one headline; its index is the previous [`len`](Self::len).
    pub fn push(&mut self, title: &str) {
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
    }
}
