//! The articles the reader holds, each with its content key.
//!
//! A content key (a hash of the title and body) is what marks, the saved
//! place and duplicate detection hold on to. Hashing a million articles takes
//! seconds, so it happens once, where articles are loaded ([`Batch::new`], on
//! the loader's thread), never per frame or per lookup on the UI thread.

use std::collections::HashSet;
use std::ops::Range;
use std::thread;

use crate::article::Article;
use crate::store::marks::ArticleKey;

/// Batches smaller than this are hashed on the calling thread alone: a second
/// thread costs more than it saves.
const PARALLEL_HASHING_FROM: usize = 2_048;

/// Articles with their content keys, ready to join a [`Library`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Batch {
    articles: Vec<Article>,
    keys: Vec<ArticleKey>,
}

impl Batch {
    /// Hashes `articles` (on two threads for large batches).
    pub fn new(articles: Vec<Article>) -> Self {
        let keys = keys_of(&articles);
        Batch { articles, keys }
    }

    /// How many articles the batch holds.
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    /// Whether the batch holds no article.
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// The articles, in order.
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// The content keys, in order.
    pub fn keys(&self) -> &[ArticleKey] {
        &self.keys
    }

    /// Appends `other` (batches that arrive together are applied as one).
    pub fn append(&mut self, other: Batch) {
        self.articles.extend(other.articles);
        self.keys.extend(other.keys);
    }
}

impl From<Vec<Article>> for Batch {
    fn from(articles: Vec<Article>) -> Self {
        Batch::new(articles)
    }
}

/// The reader's articles in load order, each with its content key. Filter
/// results and the list's rows are indices into it, so it only grows.
#[derive(Debug, Clone, Default)]
pub struct Library {
    articles: Vec<Article>,
    keys: Vec<ArticleKey>,
}

impl Library {
    /// A library of `articles`, hashed here.
    pub fn new(articles: Vec<Article>) -> Self {
        let mut library = Library::default();
        library.append(Batch::new(articles));
        library
    }

    /// How many articles there are.
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    /// Whether there is no article.
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// Every article, in load order.
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// The article at `index`.
    pub fn get(&self, index: usize) -> Option<&Article> {
        self.articles.get(index)
    }

    /// The content key of the article at `index`.
    pub fn key(&self, index: usize) -> Option<ArticleKey> {
        self.keys.get(index).copied()
    }

    /// The first article from `from` on whose key is `key`.
    pub fn find_from(&self, from: usize, key: ArticleKey) -> Option<usize> {
        let tail = self.keys.get(from..)?;
        tail.iter()
            .position(|k| *k == key)
            .map(|offset| from + offset)
    }

    /// Puts each of `new`'s articles in the place of the article whose key is
    /// the matching one in `old` (a feed item that changed), keeping its
    /// index, so rows, filter results and the selection stay where they are.
    /// Returns the indices replaced; an old key not in the library is skipped.
    pub fn replace(&mut self, old: &[ArticleKey], new: Batch) -> Vec<usize> {
        let mut replaced = Vec::new();
        for ((old, article), key) in old.iter().zip(new.articles).zip(new.keys) {
            if let Some(index) = self.find_from(0, *old) {
                self.articles[index] = article;
                self.keys[index] = key;
                replaced.push(index);
            }
        }
        replaced
    }

    /// Adds `batch` at the end; returns the new articles' indices.
    pub fn append(&mut self, batch: Batch) -> Range<usize> {
        let first = self.articles.len();
        self.articles.extend(batch.articles);
        self.keys.extend(batch.keys);
        first..self.articles.len()
    }
}

/// The content keys loaded so far, so that an article already in the library
/// (the same file twice, a copy in another folder) is kept once and its other
/// paths are shown in its details.
#[derive(Debug, Default)]
pub struct Seen(HashSet<ArticleKey>);

impl Seen {
    /// `batch` without the articles already seen, and the paths of those left
    /// out, each with the key of the article it copies.
    pub fn split_copies(&mut self, batch: Batch) -> (Batch, Vec<(ArticleKey, String)>) {
        let mut kept = Batch {
            articles: Vec::with_capacity(batch.len()),
            keys: Vec::with_capacity(batch.len()),
        };
        let mut copies = Vec::new();
        for (article, key) in batch.articles.into_iter().zip(batch.keys) {
            if self.0.insert(key) {
                kept.articles.push(article);
                kept.keys.push(key);
            } else {
                copies.push((key, article.path));
            }
        }
        (kept, copies)
    }
}

/// Content keys of `articles`, in order.
fn keys_of(articles: &[Article]) -> Vec<ArticleKey> {
    if articles.len() < PARALLEL_HASHING_FROM {
        return articles.iter().map(ArticleKey::of).collect();
    }
    let (first, second) = articles.split_at(articles.len() / 2);
    thread::scope(|scope| {
        let other = scope.spawn(|| second.iter().map(ArticleKey::of).collect::<Vec<_>>());
        let mut keys: Vec<ArticleKey> = first.iter().map(ArticleKey::of).collect();
        match other.join() {
            Ok(rest) => keys.extend(rest),
            Err(panic) => std::panic::resume_unwind(panic),
        }
        keys
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(title: &str, path: &str) -> Article {
        Article {
            title: title.to_owned(),
            body: vec![format!("{title} happened.")],
            path: path.to_owned(),
            ..Default::default()
        }
    }

    #[test]
    fn keys_follow_their_articles_through_appends() {
        let mut library = Library::new(vec![article("One", "a.txt")]);
        let added = library.append(Batch::new(vec![
            article("Two", "b.txt"),
            article("Three", "c.txt"),
        ]));
        assert_eq!(added, 1..3);
        assert_eq!(library.len(), 3);
        let three = ArticleKey::of(&article("Three", "elsewhere.txt"));
        assert_eq!(library.key(2), Some(three), "the path is not hashed");
        assert_eq!(library.find_from(1, three), Some(2));
        assert_eq!(library.find_from(3, three), None);
        assert_eq!(library.get(0).map(|a| a.title.as_str()), Some("One"));
    }

    #[test]
    fn large_batches_hash_the_same_as_small_ones() {
        let articles: Vec<Article> = (0..PARALLEL_HASHING_FROM + 3)
            .map(|i| article(&format!("Story {i}"), "x.txt"))
            .collect();
        let one_by_one: Vec<ArticleKey> = articles.iter().map(ArticleKey::of).collect();
        assert_eq!(Batch::new(articles).keys, one_by_one);
    }

    #[test]
    fn copies_are_left_out_with_their_paths() {
        let mut seen = Seen::default();
        let (first, copies) = seen.split_copies(Batch::new(vec![article("One", "a.txt")]));
        assert_eq!(first.len(), 1);
        assert!(copies.is_empty());
        let (second, copies) = seen.split_copies(Batch::new(vec![
            article("One", "copy/a.txt"),
            article("Two", "b.txt"),
        ]));
        assert_eq!(second.articles()[0].title, "Two");
        assert_eq!(copies.len(), 1);
        assert_eq!(copies[0].1, "copy/a.txt");
    }
}
