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
        // A list's items follow one another without a blank line.
        if i == 0 || !(article.is_list_item(i) && article.is_list_item(i - 1)) {
            out.push(Part::Gap);
        }
        out.push(Part::Body(i));
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

/// Columns taken by the number opening a numbered list item ("2. ", "10) ").
fn number_width(text: &str) -> Option<usize> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let rest = text.get(digits..)?;
    ((1..=3).contains(&digits) && (rest.starts_with(". ") || rest.starts_with(") ")))
        .then_some(digits + 2)
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
    /// The lines laid out so far from the top.
    pub lines: Vec<ReadLine>,
    /// Where each line's text starts in the article: (block, byte in the
    /// block's text). The same text has the same place at any width, which
    /// keeps the reader's place when the width changes.
    starts: Vec<(usize, usize)>,
    /// Text bytes laid out so far, and in all (for estimating the length).
    bytes_done: usize,
    bytes_total: usize,
    /// The end of the article, laid out backward from its last piece when the
    /// reader jumps there (End): wrapping a 50 MB paragraph from the top to
    /// find its last screen would freeze the reader for seconds.
    tail: Option<Tail>,
}

/// The last pieces of an article, laid out ([`ReaderLayout::show`]), and the
/// lines estimated for the pieces between the top's lines and them.
#[derive(Debug, Clone, Default)]
struct Tail {
    /// The first piece laid out: its block and the byte its text starts at.
    first: (usize, usize),
    lines: Vec<ReadLine>,
    starts: Vec<(usize, usize)>,
    /// Lines estimated for the pieces not laid out between `lines` of the
    /// layout and these (from the bytes, at the rate of the pieces laid out).
    gap: usize,
    /// Text bytes laid out in the tail.
    bytes: usize,
}

/// What laying out one piece produced: its lines, where the next piece
/// starts (block, byte), and the text bytes it covered.
struct Laid {
    lines: Vec<ReadLine>,
    /// Each line's place (see [`ReaderLayout::place_of`]).
    starts: Vec<(usize, usize)>,
    next: (usize, usize),
    bytes: usize,
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
            tail: None,
        }
    }

    /// The number of lines known or estimated: with a tail, the lines from
    /// the top, the estimated gap and the tail's lines.
    fn known_total(&self) -> Option<usize> {
        self.tail
            .as_ref()
            .map(|t| self.lines.len() + t.gap + t.lines.len())
    }

    /// Line `index`, if laid out (from the top, or in the tail).
    pub fn line(&self, index: usize) -> Option<&ReadLine> {
        if let Some(line) = self.lines.get(index) {
            return Some(line);
        }
        let tail = self.tail.as_ref()?;
        let start = self.lines.len() + tail.gap;
        index.checked_sub(start).and_then(|i| tail.lines.get(i))
    }

    /// Lays out what `height` lines from line `scroll` show, and returns the
    /// scroll clamped to the article's end (`usize::MAX`: the last screen).
    ///
    /// Near the top, lines are laid out forward from the top. A view far past
    /// them (End on a huge article) is laid out backward from the end instead,
    /// a piece at a time until the screen is filled, with the lines between
    /// estimated from the bytes: the work is what the screen shows either way.
    pub fn show(&mut self, article: &Article, scroll: usize, height: usize) -> usize {
        let Some((_, width)) = self.key else {
            return 0;
        };
        /// How far past the top's lines a view may be and still be reached by
        /// laying out forward (a few screens of ordinary text).
        const FORWARD_REACH: usize = 400;
        /// Text left below which the rest is simply laid out forward (a few
        /// milliseconds of wrapping): line counts then stay exact.
        const FORWARD_BYTES: usize = 256 * 1024;
        let wanted = scroll.saturating_add(height);
        if self.tail.is_none() {
            let near = wanted <= self.lines.len().saturating_add(FORWARD_REACH);
            let little_left = self.bytes_total.saturating_sub(self.bytes_done) <= FORWARD_BYTES;
            if near || little_left || self.is_complete() {
                self.extend_to(article, wanted);
                if self.is_complete() {
                    return scroll.min(self.lines.len().saturating_sub(height));
                }
                return scroll;
            }
            self.start_tail(article, width, height);
        }
        // Fill the view from the tail backward (and from the top forward
        // where it is near the top), merging when the two meet.
        loop {
            let Some(total) = self.known_total() else {
                // Merged: complete.
                return scroll.min(self.lines.len().saturating_sub(height));
            };
            let scroll = scroll.min(total.saturating_sub(height));
            let tail_start = total - self.tail.as_ref().map_or(0, |t| t.lines.len());
            if scroll >= tail_start {
                return scroll;
            }
            let progress = if scroll < self.lines.len().saturating_add(FORWARD_REACH) {
                let before = (self.next, self.offset);
                self.step(article, width);
                before != (self.next, self.offset)
            } else {
                self.grow_tail_back(article, width)
            };
            self.merge_if_met();
            if !progress && self.tail.is_some() {
                return scroll;
            }
        }
    }

    /// Lays out the article's last pieces, backward, until they fill `height`
    /// lines (or meet the top's lines).
    fn start_tail(&mut self, article: &Article, width: usize, height: usize) {
        let end = (self.blocks.len(), 0);
        self.tail = Some(Tail {
            first: end,
            ..Tail::default()
        });
        while self.tail.as_ref().is_some_and(|t| t.lines.len() < height) {
            if !self.grow_tail_back(article, width) {
                break;
            }
            self.merge_if_met();
        }
    }

    /// Lays out the piece before the tail's first and puts its lines in front;
    /// false when there is none (the tail has met the top's lines).
    fn grow_tail_back(&mut self, article: &Article, width: usize) -> bool {
        let Some(tail) = &self.tail else {
            return false;
        };
        let Some(before) = self.piece_before(article, tail.first) else {
            return false;
        };
        if before < (self.next, self.offset) {
            return false;
        }
        let laid = self.lay_piece(article, width, before, true);
        let Some(tail) = &mut self.tail else {
            return false;
        };
        tail.first = before;
        tail.bytes += laid.bytes;
        let mut lines = laid.lines;
        lines.append(&mut tail.lines);
        tail.lines = lines;
        let mut starts = laid.starts;
        starts.append(&mut tail.starts);
        tail.starts = starts;
        self.estimate_gap();
        true
    }

    /// The start of the piece before the one starting at `at`, if any.
    fn piece_before(&self, article: &Article, at: (usize, usize)) -> Option<(usize, usize)> {
        let (block, offset) = at;
        let (block, offset) = if offset > 0 {
            (block, offset)
        } else {
            let previous = block.checked_sub(1)?;
            (previous, usize::MAX)
        };
        let text = block_text(article, self.blocks[block]);
        // Piece starts are found walking forward (a few thousand steps for a
        // 50 MB paragraph, no wrapping).
        let mut start = 0;
        loop {
            let end = piece_end(text, start);
            let next = text.len() - text[end..].trim_start_matches(' ').len();
            if next >= offset.min(text.len()) || end >= text.len() {
                return Some((block, start));
            }
            start = next;
        }
    }

    /// Re-estimates the lines between the top's lines and the tail from the
    /// bytes between them, at the rate of the lines laid out so far.
    fn estimate_gap(&mut self) {
        let Some(tail) = &mut self.tail else {
            return;
        };
        let done = self.bytes_done + tail.bytes;
        let lines = self.lines.len() + tail.lines.len();
        let between = self.bytes_total.saturating_sub(done);
        tail.gap = match done {
            0 => 0,
            _ => (lines as u128 * between as u128 / done as u128) as usize,
        };
        // While pieces remain between, at least one line each way.
        if (self.next, self.offset) < tail.first {
            tail.gap = tail.gap.max(1);
        }
    }

    /// Joins the tail to the top's lines once the top has reached its first piece.
    fn merge_if_met(&mut self) {
        let met = self
            .tail
            .as_ref()
            .is_some_and(|t| (self.next, self.offset) >= t.first);
        if met && let Some(tail) = self.tail.take() {
            self.lines.extend(tail.lines);
            self.starts.extend(tail.starts);
            self.bytes_done += tail.bytes;
            self.next = self.blocks.len();
            self.offset = 0;
        } else {
            self.estimate_gap();
        }
    }

    /// Where the text of laid-out line `line` starts in the article.
    pub fn place_of(&self, line: usize) -> Option<(usize, usize)> {
        if let Some(place) = self.starts.get(line) {
            return Some(*place);
        }
        let tail = self.tail.as_ref()?;
        let start = self.lines.len() + tail.gap;
        line.checked_sub(start)
            .and_then(|i| tail.starts.get(i))
            .copied()
    }

    /// The line holding the article's text at `place` (as [`Self::place_of`]
    /// gave it, at any width), laying out as far as needed.
    pub fn line_of(&mut self, article: &Article, place: (usize, usize)) -> usize {
        // In the laid-out end of a huge article: counted from its estimate.
        if let Some(tail) = &self.tail
            && place >= tail.first
        {
            let start = self.lines.len() + tail.gap;
            return start
                + tail
                    .starts
                    .partition_point(|&s| s <= place)
                    .saturating_sub(1);
        }
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
        if let Some(total) = self.known_total() {
            return total;
        }
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
        let after_text = self.lines.last().is_some_and(|l| l.width() > 0);
        let laid = self.lay_piece(article, width, (self.next, self.offset), after_text);
        self.lines.extend(laid.lines);
        self.starts.extend(laid.starts);
        self.bytes_done += laid.bytes;
        (self.next, self.offset) = laid.next;
    }

    /// Lays out the piece starting at `at` (block, byte); `after_text` says
    /// whether the line before it has text (a gap is a blank line only then).
    fn lay_piece(
        &self,
        article: &Article,
        width: usize,
        at: (usize, usize),
        after_text: bool,
    ) -> Laid {
        let block = self.blocks[at.0];
        let none = Piece::none;
        let mut lines: Vec<ReadLine> = Vec::new();
        let text = block_text(article, block);
        let start = at.1;
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
                if after_text {
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
            Part::Body(i) if article.is_list_item(i) => {
                // A numbered item keeps its number, the lines under it hang
                // after the number; any other item gets a bullet.
                let (p, rest) = match number_width(text) {
                    Some(columns) => lead(none(), Piece::indent(columns)),
                    None => lead(Piece(Role::Bullet, "• ".into()), Piece::indent(2)),
                };
                push_wrapped(&mut lines, piece, width, Role::Text, p, rest);
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
        let mut starts = Vec::with_capacity(lines.len());
        let mut from = 0;
        for line in &lines {
            let own = line
                .spans
                .iter()
                .rfind(|p| p.0 != Role::Indent && p.0 != Role::LinkNumber && p.0 != Role::Bullet)
                .map_or("", |p| p.1.as_str());
            match (!own.is_empty())
                .then(|| piece.get(from..)?.find(own))
                .flatten()
            {
                Some(found) => {
                    starts.push((at.0, start + from + found));
                    from += found + own.len();
                }
                None => starts.push((at.0, start + from)),
            }
        }
        // Go on after the space a piece was cut at, or with the next block.
        let rest = text[end..].trim_start_matches(' ');
        let (next, bytes) = if rest.is_empty() {
            ((at.0 + 1, 0), end - start)
        } else {
            let offset = text.len() - rest.len();
            ((at.0, offset), offset - start)
        };
        Laid {
            lines,
            starts,
            next,
            bytes,
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

    fn huge() -> Article {
        let mut paragraph = String::new();
        for i in 0..200_000 {
            paragraph.push_str(&format!("w{i} "));
        }
        Article {
            title: "Huge".to_owned(),
            body: vec![paragraph, "The end.".to_owned()],
            links: vec!["https://example.com/last".to_owned()],
            ..Default::default()
        }
    }

    fn texts(lines: &[ReadLine]) -> Vec<String> {
        lines.iter().map(ReadLine::text).collect()
    }

    #[test]
    fn the_end_of_a_huge_paragraph_costs_its_last_screen() {
        let article = huge();
        let all = texts(&article_lines(&article, 60));
        let mut layout = ReaderLayout::new(0, &article, &[], 60);
        let scroll = layout.show(&article, usize::MAX, 40);
        let shown: Vec<String> = (scroll..scroll + 40)
            .map(|i| layout.line(i).map(ReadLine::text).expect("laid out"))
            .collect();
        assert_eq!(shown, all[all.len() - 40..], "the exact last screen");
        assert_eq!(layout.line(scroll + 40).map(ReadLine::text), None);
        let laid = layout.lines.len() + layout.tail.as_ref().map_or(0, |t| t.lines.len());
        assert!(laid < 1_000, "{laid} lines laid out for one screen");
        assert!(layout.total_lines() > 10_000, "the rest estimated");

        // Scrolling up from the end shows the lines the full layout has there,
        // laying out only what is shown.
        let mut scroll = scroll;
        for _ in 0..30 {
            scroll = layout.show(&article, scroll - 39, 40);
        }
        let from_end = layout.total_lines() - scroll;
        let shown: Vec<String> = (scroll..scroll + 40)
            .map(|i| layout.line(i).map(ReadLine::text).expect("laid out"))
            .collect();
        assert_eq!(shown, all[all.len() - from_end..all.len() - from_end + 40]);
        let laid = layout.lines.len() + layout.tail.as_ref().map_or(0, |t| t.lines.len());
        assert!(laid < 3_000, "{laid} lines laid out for 31 screens");

        // The top still reads from the start.
        let scroll = layout.show(&article, 0, 40);
        assert_eq!(scroll, 0);
        assert_eq!(layout.line(0).map(ReadLine::text).as_deref(), Some("Huge"));
    }

    #[test]
    fn the_tail_and_the_top_merge_into_the_whole_layout() {
        let article = Article {
            title: "Medium".to_owned(),
            body: vec!["word ".repeat(120_000), "Last paragraph.".to_owned()],
            ..Default::default()
        };
        let all = texts(&article_lines(&article, 50));
        let mut layout = ReaderLayout::new(0, &article, &[], 50);
        let mut scroll = layout.show(&article, usize::MAX, 30);
        // Page up all the way: the tail grows back to the top and joins it.
        while scroll > 0 {
            scroll = layout.show(&article, scroll.saturating_sub(29), 30);
        }
        layout.show(&article, 0, 30);
        // Down from the top to the end, everything is there and exact.
        let end = layout.show(&article, usize::MAX, 30);
        assert!(layout.is_complete() && layout.tail.is_none());
        assert_eq!(texts(&layout.lines), all);
        assert_eq!(end, all.len() - 30);
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
