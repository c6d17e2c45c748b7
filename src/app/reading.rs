//! The selected article laid out for the reading pane: wrapped to the pane's
//! width, line by line, each piece of text named by its [`Role`] (headline,
//! body, caption, link…) rather than styled, so `update` can lay out, count and
//! scroll without knowing colours, and the renderer styles each role with the
//! theme.

use std::borrow::Cow;

use super::text::{self, safe, wrap, wrap_url};
use crate::article::Article;

/// What a piece of laid-out text is; the renderer picks its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Title,
    /// The line of source, byline, date and reading time.
    Meta,
    Dek,
    /// A key point's bullet.
    Bullet,
    /// Body text, key points, related headlines.
    Text,
    Subhead,
    Caption,
    Credit,
    /// "Related", "Links".
    Heading,
    /// `[3] ` before a link or related article.
    LinkNumber,
    Link,
    /// Blank lead that lines continuing a bullet or number start with.
    Indent,
}

/// A run of text of one role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece(pub Role, pub String);

impl Piece {
    fn none() -> Piece {
        Piece(Role::Indent, String::new())
    }

    fn indent(columns: usize) -> Piece {
        Piece(Role::Indent, " ".repeat(columns))
    }
}

/// One laid-out line: pieces side by side, at most the layout's width.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadLine {
    pub spans: Vec<Piece>,
}

impl ReadLine {
    /// Display width in columns.
    pub fn width(&self) -> usize {
        self.spans.iter().map(|p| text::width(&p.1)).sum()
    }

    /// The line's text, pieces joined.
    pub fn text(&self) -> String {
        self.spans.iter().map(|p| p.1.as_str()).collect()
    }
}

/// The URLs behind the reader's link numbers: entry `n - 1` is `[n]`, `None`
/// for a related article shown without a URL. The same order
/// [`article_lines`] numbers them in: related articles, then links.
pub fn numbered_links(article: &Article) -> Vec<Option<&str>> {
    article
        .related
        .iter()
        .map(|r| r.url.as_deref())
        .chain(article.links.iter().map(|l| Some(l.as_str())))
        .collect()
}

/// Appends `text` wrapped to `width`, each line after `prefix` (the first) or
/// `indent` (the rest), which must be the same width.
fn push_wrapped(
    lines: &mut Vec<ReadLine>,
    text: &str,
    width: usize,
    role: Role,
    prefix: Piece,
    indent: Piece,
) {
    push_with(lines, wrap, text, width, role, prefix, indent);
}

/// [`push_wrapped`] for URLs: cut only at the width.
fn push_url(
    lines: &mut Vec<ReadLine>,
    text: &str,
    width: usize,
    role: Role,
    prefix: Piece,
    indent: Piece,
) {
    push_with(lines, wrap_url, text, width, role, prefix, indent);
}

type WrapFn = for<'t> fn(&'t str, usize) -> Vec<std::borrow::Cow<'t, str>>;

fn push_with(
    lines: &mut Vec<ReadLine>,
    wrap: WrapFn,
    text: &str,
    width: usize,
    role: Role,
    prefix: Piece,
    indent: Piece,
) {
    let prefix_width = text::width(&prefix.1);
    // Too narrow for the bullet or number and one wide character after it: drop it
    // rather than overflow.
    let (prefix, indent) = if prefix_width + 2 > width {
        (Piece::none(), Piece::none())
    } else {
        (prefix, indent)
    };
    let inner = width.saturating_sub(text::width(&prefix.1)).max(1);
    // The parser already cleaned article text, so this borrows; it guards text from
    // other sources (JSON libraries) against escapes and tabs.
    let cleaned = safe(text);
    for (i, piece) in wrap(&cleaned, inner).into_iter().enumerate() {
        let lead = if i == 0 {
            prefix.clone()
        } else {
            indent.clone()
        };
        let mut spans = Vec::with_capacity(2);
        if !lead.1.is_empty() {
            spans.push(lead);
        }
        spans.push(Piece(role, piece.into_owned()));
        lines.push(ReadLine { spans });
    }
}

/// Joins `items` with `separator` into lines of at most `width` columns, breaking
/// only between items (an item wider than a line is wrapped on its own).
pub fn join_items(items: &[String], separator: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for item in items {
        let item = safe(item);
        let needed = text::width(&current) + text::width(separator);
        if !current.is_empty() && needed + text::width(&item) <= width {
            current.push_str(separator);
            current.push_str(&item);
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        let mut pieces: Vec<String> = wrap(&item, width)
            .into_iter()
            .map(Cow::into_owned)
            .collect();
        current = pieces.pop().unwrap_or_default();
        lines.extend(pieces);
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

/// Texts longer than this are wrapped in pieces of about this size, cut at a
/// space (each piece starts a new line): a 50 MB one-paragraph article is laid
/// out only as far as it is read, and its first screen costs no more than a
/// short article's. Shorter texts (every real paragraph) wrap whole.
pub const PIECE_BYTES: usize = 16 * 1024;

/// One part of an article's layout, before wrapping, in reading order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Title,
    Meta,
    /// Where the article came from: its file (or URL), site and copies.
    Details,
    /// A blank line between sections (never two, never first).
    Gap,
    Dek,
    KeyPoint(usize),
    Body(usize),
    Caption(usize),
    Credit(usize),
    Heading(&'static str),
    /// Related article `i`, link number `n`; then its URL.
    Related(usize, usize),
    RelatedUrl(usize, usize),
    /// Link `i`, link number `n`.
    Link(usize, usize),
}

/// The blocks of `article`: headline, meta line, dek, key points, body,
/// captions, credits, related links and links.
fn blocks(article: &Article) -> Vec<Part> {
    let mut out = vec![Part::Title, Part::Meta, Part::Details];
    if article.dek.as_deref().is_some_and(|d| !d.trim().is_empty()) {
        out.extend([Part::Gap, Part::Dek]);
    }
    if !article.key_points.is_empty() {
        out.push(Part::Gap);
        out.extend((0..article.key_points.len()).map(Part::KeyPoint));
    }
    for i in 0..article.body.len() {
        out.extend([Part::Gap, Part::Body(i)]);
    }
    if !article.captions.is_empty() {
        out.push(Part::Gap);
        out.extend((0..article.captions.len()).map(Part::Caption));
    }
    if !article.credits.is_empty() {
        out.push(Part::Gap);
        out.extend((0..article.credits.len()).map(Part::Credit));
    }
    let mut number = 0;
    if !article.related.is_empty() {
        out.extend([Part::Gap, Part::Heading("Related")]);
        for (i, related) in article.related.iter().enumerate() {
            number += 1;
            out.push(Part::Related(i, number));
            if related.url.is_some() && !related.title.is_empty() {
                out.push(Part::RelatedUrl(i, number));
            }
        }
    }
    if !article.links.is_empty() {
        out.extend([Part::Gap, Part::Heading("Links")]);
        for i in 0..article.links.len() {
            number += 1;
            out.push(Part::Link(i, number));
        }
    }
    out
}

/// Where an article came from, so two that look alike can be told apart: its
/// file (or its URL when it has no file), the site of its URL, and the files
/// holding the same content ("also in …").
fn details(article: &Article, copies: &[String]) -> Vec<String> {
    let url = article
        .url
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty());
    let path = article.path.trim();
    let mut items: Vec<String> = Vec::new();
    match (path.is_empty(), url) {
        (false, _) => items.push(path.to_owned()),
        (true, Some(url)) => items.push(url.to_owned()),
        (true, None) => {}
    }
    let site = url.and_then(|u| url::Url::parse(u).ok()).and_then(|u| {
        u.host_str()
            .map(|h| h.strip_prefix("www.").unwrap_or(h).to_owned())
    });
    items.extend(site);
    items.extend(copies.iter().map(|c| format!("also in {c}")));
    items
}

/// The text a block wraps (empty for gaps and the meta line).
fn block_text(article: &Article, block: Part) -> &str {
    match block {
        Part::Title => &article.title,
        Part::Meta | Part::Details | Part::Gap => "",
        Part::Dek => article.dek.as_deref().unwrap_or_default(),
        Part::KeyPoint(i) => &article.key_points[i],
        Part::Body(i) => &article.body[i],
        Part::Caption(i) => &article.captions[i],
        Part::Credit(i) => &article.credits[i],
        Part::Heading(text) => text,
        Part::Related(i, _) => {
            let related = &article.related[i];
            if related.title.is_empty() {
                related.url.as_deref().unwrap_or_default()
            } else {
                &related.title
            }
        }
        Part::RelatedUrl(i, _) => article.related[i].url.as_deref().unwrap_or_default(),
        Part::Link(i, _) => &article.links[i],
    }
}

/// Where the piece of `text` starting at `start` ends: the whole rest when it
/// is short, else the first space after [`PIECE_BYTES`] (or the end).
fn piece_end(text: &str, start: usize) -> usize {
    if text.len() - start <= PIECE_BYTES {
        return text.len();
    }
    let mut at = start + PIECE_BYTES;
    while !text.is_char_boundary(at) {
        at += 1;
    }
    text[at..].find(' ').map_or(text.len(), |i| at + i)
}

/// An article laid out for one width, as far as it has been read: lines are
/// wrapped on demand ([`ReaderLayout::extend_to`]) and kept, so scrolling and
/// drawing cost the lines on screen, not the article. Kept in the app for the
/// selected article ([`App::reader`](super::App::reader)), updated by `update`,
/// read by the renderer, which styles each piece by its [`Role`].
#[derive(Debug, Clone, Default)]
pub struct ReaderLayout {
    /// Which article (index into the library) and width this is for.
    pub key: Option<(usize, usize)>,
    /// The items of the details line (see [`details`]).
    details: Vec<String>,
    blocks: Vec<Part>,
    /// The next block to lay out, and the byte in its text to go on from.
    next: usize,
    offset: usize,
    /// The lines laid out so far.
    pub lines: Vec<ReadLine>,
    /// Where each line's text starts in the article: (block, byte in the
    /// block's text). The same text has the same place at any width, which
    /// keeps the reader's place when the width changes.
    starts: Vec<(usize, usize)>,
    /// Text bytes laid out so far, and in all (for estimating the length).
    bytes_done: usize,
    bytes_total: usize,
}

impl ReaderLayout {
    /// An empty layout of `article` (library index `index`) for `width` columns.
    ///
    /// `copies` are the paths of other files with the same content, shown
    /// in the details line.
    pub fn new(index: usize, article: &Article, copies: &[String], width: usize) -> Self {
        let blocks = blocks(article);
        let bytes_total = blocks.iter().map(|&b| block_text(article, b).len()).sum();
        ReaderLayout {
            key: Some((index, width)),
            details: details(article, copies),
            blocks,
            next: 0,
            offset: 0,
            lines: Vec::new(),
            starts: Vec::new(),
            bytes_done: 0,
            bytes_total,
        }
    }

    /// Where the text of laid-out line `line` starts in the article.
    pub fn place_of(&self, line: usize) -> Option<(usize, usize)> {
        self.starts.get(line).copied()
    }

    /// The line holding the article's text at `place` (as [`Self::place_of`]
    /// gave it, at any width), laying out as far as needed.
    pub fn line_of(&mut self, article: &Article, place: (usize, usize)) -> usize {
        while !self.is_complete() && self.starts.last().is_none_or(|&last| last <= place) {
            let wanted = self.lines.len() + 64;
            self.extend_to(article, wanted);
        }
        self.starts
            .partition_point(|&start| start <= place)
            .saturating_sub(1)
    }

    /// Whether every line has been laid out.
    pub fn is_complete(&self) -> bool {
        self.next >= self.blocks.len()
    }

    /// The number of lines: exact when complete, else estimated from the share
    /// of the text laid out (never less than the lines known).
    pub fn total_lines(&self) -> usize {
        if self.is_complete() || self.bytes_done == 0 {
            return self.lines.len();
        }
        let estimate =
            self.lines.len() as u128 * self.bytes_total as u128 / self.bytes_done as u128;
        (estimate as usize).max(self.lines.len() + 1)
    }

    /// Lays out lines until there are at least `wanted` (or the article ends).
    pub fn extend_to(&mut self, article: &Article, wanted: usize) {
        let Some((_, width)) = self.key else {
            return;
        };
        while self.lines.len() < wanted && !self.is_complete() {
            self.step(article, width);
        }
    }

    /// Lays out the next block, or the next piece of a long one.
    fn step(&mut self, article: &Article, width: usize) {
        let block = self.blocks[self.next];
        let none = Piece::none;
        let mut lines: Vec<ReadLine> = Vec::new();
        let text = block_text(article, block);
        let start = self.offset;
        let end = piece_end(text, start);
        let piece = &text[start..end];
        let first = start == 0;
        // The lead of a block's first line, and of the lines after it.
        let lead = |prefix: Piece, indent: Piece| {
            if first {
                (prefix, indent.clone())
            } else {
                (indent.clone(), indent)
            }
        };
        match block {
            Part::Gap => {
                if self.lines.last().is_some_and(|l| l.width() > 0) {
                    lines.push(ReadLine::default());
                }
            }
            Part::Details => {
                for line in join_items(&self.details, " · ", width) {
                    lines.push(ReadLine {
                        spans: vec![Piece(Role::Meta, line)],
                    });
                }
            }
            Part::Meta => {
                let mut meta: Vec<String> = [&article.source, &article.byline, &article.published]
                    .into_iter()
                    .filter_map(|f| f.as_deref())
                    .filter(|s| !s.trim().is_empty())
                    .map(str::to_owned)
                    .collect();
                if article.word_count > 0 {
                    meta.push(format!(
                        "{} words",
                        super::count::thousands(article.word_count)
                    ));
                    meta.push(format!("{} min read", article.minutes_to_read()));
                }
                for line in join_items(&meta, " · ", width) {
                    lines.push(ReadLine {
                        spans: vec![Piece(Role::Meta, line)],
                    });
                }
            }
            Part::Title | Part::Heading(_) => {
                let role = if matches!(block, Part::Title) {
                    Role::Title
                } else {
                    Role::Heading
                };
                push_wrapped(&mut lines, piece, width, role, none(), none());
            }
            Part::Dek => {
                push_wrapped(&mut lines, piece, width, Role::Dek, none(), none());
            }
            Part::KeyPoint(_) => {
                let (p, i) = lead(Piece(Role::Bullet, "• ".into()), Piece::indent(2));
                push_wrapped(&mut lines, piece, width, Role::Text, p, i);
            }
            Part::Body(i) => {
                let role = if article.is_subhead(i) {
                    Role::Subhead
                } else {
                    Role::Text
                };
                push_wrapped(&mut lines, piece, width, role, none(), none());
            }
            Part::Caption(_) => {
                let (p, i) = lead(Piece(Role::Caption, "Photo: ".into()), Piece::indent(7));
                push_wrapped(&mut lines, piece, width, Role::Caption, p, i);
            }
            Part::Credit(_) => {
                push_wrapped(&mut lines, piece, width, Role::Credit, none(), none());
            }
            Part::Related(_, number) | Part::Link(_, number) => {
                let label = format!("[{number}] ");
                let indent = Piece::indent(label.len());
                let (p, i) = lead(Piece(Role::LinkNumber, label), indent);
                if matches!(block, Part::Link(..)) {
                    push_url(&mut lines, piece, width, Role::Link, p, i);
                } else {
                    push_wrapped(&mut lines, piece, width, Role::Text, p, i);
                }
            }
            Part::RelatedUrl(_, number) => {
                let indent = Piece::indent(format!("[{number}] ").len());
                push_url(&mut lines, piece, width, Role::Link, indent.clone(), indent);
            }
        }
        // Each line's place: its text found in the piece, in order (lines of
        // blocks without text of their own start at the block).
        let mut at = 0;
        for line in &lines {
            let own = line
                .spans
                .iter()
                .rfind(|p| p.0 != Role::Indent && p.0 != Role::LinkNumber && p.0 != Role::Bullet)
                .map_or("", |p| p.1.as_str());
            match (!own.is_empty())
                .then(|| piece.get(at..)?.find(own))
                .flatten()
            {
                Some(found) => {
                    self.starts.push((self.next, start + at + found));
                    at += found + own.len();
                }
                None => self.starts.push((self.next, start + at)),
            }
        }
        self.lines.extend(lines);
        self.bytes_done += end - start;
        // Go on after the space a piece was cut at, or with the next block.
        let rest = text[end..].trim_start_matches(' ');
        if rest.is_empty() {
            self.next += 1;
            self.offset = 0;
        } else {
            self.offset = text.len() - rest.len();
            self.bytes_done += self.offset - end;
        }
    }
}

/// The article laid out for a text area `width` columns wide: headline, meta line,
/// dek, key points, body, captions, credits, related links and links. The whole
/// of [`ReaderLayout`], for tests and exact counts.
pub fn article_lines(article: &Article, width: usize) -> Vec<ReadLine> {
    let mut layout = ReaderLayout::new(0, article, &[], width);
    layout.extend_to(article, usize::MAX);
    layout.lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_items_break_only_between_items() {
        let items: Vec<String> = ["Voice of America", "2023-03-02", "24 words", "1 min read"]
            .map(str::to_owned)
            .to_vec();
        assert_eq!(
            join_items(&items, " · ", 40),
            ["Voice of America · 2023-03-02 · 24 words", "1 min read"]
        );
        assert_eq!(join_items(&items[..1], " · ", 8), ["Voice of", "America"]);
        assert!(join_items(&[], " · ", 8).is_empty());
    }

    #[test]
    fn a_huge_paragraph_is_laid_out_only_as_far_as_asked() {
        let article = Article {
            title: "Huge".to_owned(),
            body: vec!["word ".repeat(200_000), "The end.".to_owned()],
            ..Default::default()
        };
        let mut layout = ReaderLayout::new(0, &article, &[], 60);
        layout.extend_to(&article, 40);
        assert!(layout.lines.len() >= 40 && !layout.is_complete());
        assert!(layout.lines.len() < 1_000, "one piece, not the paragraph");
        assert!(layout.total_lines() > 10_000, "estimated from the bytes");
        let all = article_lines(&article, 60);
        assert!(all.iter().all(|l| l.width() <= 60));
        assert_eq!(all[..40], layout.lines[..40]);
        let text: Vec<String> = all.iter().map(ReadLine::text).collect();
        assert_eq!(text.last().map(String::as_str), Some("The end."));
        let other: Vec<&String> = text.iter().filter(|l| !l.contains("word")).collect();
        assert_eq!(other, ["Huge", "", "", "The end."]);
    }

    #[test]
    fn every_line_fits_the_width() {
        let article = Article {
            title: "A headline long enough to wrap across several narrow lines".to_owned(),
            byline: Some("Someone With A Long Name".to_owned()),
            key_points: vec!["A key point that is long enough to wrap".to_owned()],
            body: vec!["word ".repeat(50), "x".repeat(70)],
            links: vec![format!("https://example.com/{}", "a".repeat(60))],
            word_count: 51,
            ..Default::default()
        };
        for width in 1..40 {
            for line in article_lines(&article, width) {
                assert!(line.width() <= width, "{width}: {line:?}");
            }
        }
    }
}
