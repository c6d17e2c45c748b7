//! The search syntax, fzf's extended mode: parsing, matching one article, and
//! the reference implementation the engine is tested against.
//!
//! | syntax | matches |
//! | --- | --- |
//! | `word` | fuzzy (SkimMatcherV2): the letters in order |
//! | `'word` | the exact substring |
//! | `^word` | headlines starting with `word` |
//! | `word$` | headlines ending with `word` |
//! | `^word$` | the whole headline |
//! | `!word` | excludes headlines containing `word` (`!^word`, `!word$`, `!'word` fuzzy) |
//! | `a b` | both (AND) |
//! | `a \| b` | either (OR); `a \| b c` is (a OR b) AND c |
//! | `@word` | the source or byline instead of the headline (`@'reuters`, `!@tass`) |
//! | `a\ b` | one term with a space |
//!
//! Smart case per term, as SkimMatcherV2: a term with an upper-case ASCII letter
//! is case-sensitive; otherwise ASCII letters match either case. An operator with
//! no text (`!`, `'`, `^`, `$`, `@`, a lone or trailing `|`) is ignored, so the
//! list does not change while one is being typed.
//!
//! Ranking: the sum over AND groups of the best matching term's score (an OR
//! group) — a fuzzy term scores SkimMatcherV2's score, an exact term
//! [`EXACT_PER_CHAR`] per character (more than any fuzzy match of the same
//! letters can score), `^`/`$` add [`ANCHOR_BONUS`] each; negated terms score 0.
//! Ties keep library order.
//!
//! Full-text mode ([`QueryOptions::full_text`]): a term without `@` matches the
//! headline or the body; in the body, fuzzy and exact terms both match as a
//! substring (a subsequence of a whole article would match almost anything) and
//! score [`BODY_PER_CHAR`] per character, less than any headline match, so
//! headline matches rank first; `^`/`$` terms match the headline only.

use memchr::memmem;

use super::score::{Scorer, reference_score};

/// Score per character of an exact term (`'`, `^`, `$`) matched in a headline or source.
pub const EXACT_PER_CHAR: i64 = 32;
/// Added for each anchor (`^` start, `$` end) of a matched term.
pub const ANCHOR_BONUS: i64 = 16;
/// Score per character of a term matched in the body only (full-text mode).
pub const BODY_PER_CHAR: i64 = 8;

/// How a term matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The letters in order (SkimMatcherV2).
    Fuzzy,
    /// A substring (`'word`, or `!word`).
    Exact,
    /// The start of the text (`^word`).
    Prefix,
    /// The end of the text (`word$`).
    Suffix,
    /// The whole text (`^word$`).
    Whole,
}

/// What a term is matched against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The headline (and the body in full-text mode).
    Title,
    /// The source and byline (`@word`).
    Source,
}

/// One term of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The text to match, operators removed.
    pub text: String,
    pub kind: Kind,
    /// `!term`: the article must not match it.
    pub negated: bool,
    pub scope: Scope,
    /// Whether the term has an upper-case ASCII letter.
    pub case_sensitive: bool,
    /// `text`, ASCII-lower-cased unless case-sensitive: compared with the
    /// headline as written (case-sensitive) or ASCII-lower-cased.
    needle: Vec<u8>,
    chars: i64,
}

/// The mode a query runs in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct QueryOptions {
    /// Terms without `@` match the article body too.
    pub full_text: bool,
}

/// A parsed query: every group must match (AND); a group matches when any of
/// its terms does (OR). No groups: everything matches.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub groups: Vec<Vec<Term>>,
}

impl Term {
    fn new(text: String, kind: Kind, negated: bool, scope: Scope) -> Self {
        let case_sensitive = text.bytes().any(|b| b.is_ascii_uppercase());
        let mut needle = text.clone().into_bytes();
        if !case_sensitive {
            needle.make_ascii_lowercase();
        }
        let chars = text.chars().count() as i64;
        Term {
            text,
            kind,
            negated,
            scope,
            case_sensitive,
            needle,
            chars,
        }
    }

    /// Parses one space-free token; `None` when only operators are left.
    fn parse(token: &str) -> Option<Term> {
        let mut s = token;
        let mut negated = false;
        let mut scope = Scope::Title;
        loop {
            if !negated && let Some(rest) = s.strip_prefix('!') {
                negated = true;
                s = rest;
            } else if scope == Scope::Title
                && let Some(rest) = s.strip_prefix('@')
            {
                scope = Scope::Source;
                s = rest;
            } else {
                break;
            }
        }
        // Negated terms are exact by default; `'` flips that, as in fzf.
        let mut exact = negated;
        if let Some(rest) = s.strip_prefix('\'') {
            exact = !exact;
            s = rest;
        }
        let prefix = s.strip_prefix('^').map(|rest| s = rest).is_some();
        let suffix = s.strip_suffix('$').map(|rest| s = rest).is_some();
        if s.is_empty() {
            return None;
        }
        let kind = match (prefix, suffix) {
            (true, true) => Kind::Whole,
            (true, false) => Kind::Prefix,
            (false, true) => Kind::Suffix,
            (false, false) if exact => Kind::Exact,
            (false, false) => Kind::Fuzzy,
        };
        Some(Term::new(s.to_owned(), kind, negated, scope))
    }

    /// Whether this term matches only where `other` does too (given the same
    /// article and options), so results for `other` can be narrowed to this.
    fn implies(&self, other: &Term, options: QueryOptions) -> bool {
        if self == other {
            return true;
        }
        if self.negated || other.negated || self.scope != other.scope {
            return false;
        }
        // A case-sensitive term needs a case-sensitive one to imply it.
        if other.case_sensitive && !self.case_sensitive {
            return false;
        }
        let body = options.full_text && self.scope == Scope::Title;
        let (t, o) = (self.text.as_str(), other.text.as_str());
        let substring = || {
            if other.case_sensitive {
                t.contains(o)
            } else {
                memmem::find(t.to_ascii_lowercase().as_bytes(), &other.needle).is_some()
            }
        };
        let lower = |s: &str| {
            if other.case_sensitive {
                s.to_owned()
            } else {
                s.to_ascii_lowercase()
            }
        };
        match (self.kind, other.kind) {
            // Fuzzy in the body is a substring match, so the body needs one.
            (Kind::Fuzzy, Kind::Fuzzy) if body => substring(),
            (Kind::Fuzzy, Kind::Fuzzy) => super::score::is_char_subsequence(&lower(o), &lower(t)),
            (Kind::Fuzzy, _) => false,
            // Exact-kind terms imply a fuzzy one over ASCII (the same folding).
            (_, Kind::Fuzzy) if !o.is_ascii() => false,
            (Kind::Exact, Kind::Fuzzy) if body => substring(),
            (_, Kind::Fuzzy) => super::score::is_char_subsequence(&lower(o), &lower(t)),
            (_, Kind::Exact) => substring(),
            (Kind::Prefix | Kind::Whole, Kind::Prefix) => lower(t).starts_with(&lower(o)),
            (Kind::Suffix | Kind::Whole, Kind::Suffix) => lower(t).ends_with(&lower(o)),
            (Kind::Whole, Kind::Whole) => lower(t) == lower(o),
            _ => false,
        }
    }

    /// Where the term occurs in `hay` (as written) / `folded` (ASCII-lower-cased):
    /// the byte range of the first match, for the exact kinds.
    fn find(&self, bytes: &[u8], folded: &[u8]) -> Option<(usize, usize)> {
        let hay = if self.case_sensitive { bytes } else { folded };
        let n = self.needle.len();
        match self.kind {
            Kind::Fuzzy | Kind::Exact => memmem::find(hay, &self.needle).map(|at| (at, at + n)),
            Kind::Prefix => hay.starts_with(&self.needle).then_some((0, n)),
            Kind::Suffix => hay
                .ends_with(&self.needle)
                .then(|| (hay.len() - n, hay.len())),
            Kind::Whole => (hay == self.needle.as_slice()).then_some((0, n)),
        }
    }

    /// The score of an exact-kind match in a headline or source.
    fn exact_score(&self) -> i64 {
        let anchors = match self.kind {
            Kind::Prefix | Kind::Suffix => 1,
            Kind::Whole => 2,
            _ => 0,
        };
        EXACT_PER_CHAR * self.chars + ANCHOR_BONUS * anchors
    }

    /// Whether this term is matched against the body in `options`.
    fn in_body(&self, options: QueryOptions) -> bool {
        options.full_text
            && self.scope == Scope::Title
            && matches!(self.kind, Kind::Fuzzy | Kind::Exact)
    }
}

/// Splits on unescaped whitespace; `\ ` keeps a space in the token. Returns
/// each token and whether it was written with an escape (so `\|` is no OR).
fn tokens(query: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut token = String::new();
    let mut escaped = false;
    let mut chars = query.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| n.is_whitespace() || *n == '|') {
            token.extend(chars.next());
            escaped = true;
        } else if c.is_whitespace() {
            if !token.is_empty() {
                out.push((std::mem::take(&mut token), escaped));
            }
            escaped = false;
        } else {
            token.push(c);
        }
    }
    if !token.is_empty() {
        out.push((token, escaped));
    }
    out
}

/// `query` without surrounding whitespace, except an escaped space at the end
/// (`new\ ` keeps it): the form the engine keys results by.
pub fn trim(query: &str) -> &str {
    let query = query.trim_start();
    let end = query.trim_end();
    match query[end.len()..].chars().next() {
        Some(c) if end.ends_with('\\') => &query[..end.len() + c.len_utf8()],
        _ => end,
    }
}

/// The longest query read, in characters; the rest is ignored (and the reader
/// takes no more). Longer than any real search, and it bounds what a keystroke
/// costs: every term is matched against every headline, and narrowing compares
/// the terms of two queries pairwise, so a pasted 20,000-character or
/// 1,000-term query would otherwise cost seconds a key.
pub const MAX_QUERY_CHARS: usize = 256;

/// `query` cut to its first [`MAX_QUERY_CHARS`] characters.
pub fn capped(query: &str) -> &str {
    match query.char_indices().nth(MAX_QUERY_CHARS) {
        Some((end, _)) => &query[..end],
        None => query,
    }
}

impl Query {
    /// Parses `query` (never fails; see the module docs for the syntax); only
    /// its first [`MAX_QUERY_CHARS`] characters count.
    pub fn parse(query: &str) -> Query {
        let query = capped(query);
        let mut groups: Vec<Vec<Term>> = Vec::new();
        let mut or = false;
        for (token, escaped) in tokens(query) {
            if token == "|" && !escaped {
                or = !groups.is_empty();
                continue;
            }
            let Some(term) = Term::parse(&token) else {
                continue;
            };
            match groups.last_mut() {
                Some(group) if or => group.push(term),
                _ => groups.push(vec![term]),
            }
            or = false;
        }
        Query { groups }
    }

    /// Whether the query matches everything (no terms).
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The text of the query when it is one plain fuzzy headline term: the
    /// engine's fast path, exactly the filter before the extended syntax.
    pub fn single_fuzzy(&self, options: QueryOptions) -> Option<&str> {
        match self.groups.as_slice() {
            [group] => match group.as_slice() {
                [term]
                    if term.kind == Kind::Fuzzy
                        && !term.negated
                        && term.scope == Scope::Title
                        && !options.full_text =>
                {
                    Some(&term.text)
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// Whether every article matching `self` matches `earlier` too, so a search
    /// for `self` needs to look only at `earlier`'s hits. Conservative: `false`
    /// when unsure (the search is then fresh).
    pub fn narrows(&self, earlier: &Query, options: QueryOptions) -> bool {
        earlier.groups.iter().all(|old| {
            self.groups.iter().any(|new| {
                new.iter()
                    .all(|t| old.iter().any(|o| t.implies(o, options)))
            })
        })
    }

    /// The positive terms that can be highlighted in a headline.
    fn title_terms(&self) -> impl Iterator<Item = &Term> {
        self.groups
            .iter()
            .flatten()
            .filter(|t| !t.negated && t.scope == Scope::Title)
    }
}

/// One article as the matcher sees it.
#[derive(Debug, Clone, Copy)]
pub struct Fields<'a> {
    pub title: &'a [u8],
    pub title_ascii: bool,
    pub title_folded: &'a [u8],
    /// Per-byte bonus and case of the title ([`super::score::push_meta`]).
    pub title_meta: &'a [u8],
    pub source: &'a str,
    pub source_folded: &'a [u8],
    /// The body as written (paragraphs joined by newlines), when indexed.
    pub body: Option<&'a [u8]>,
}

/// Case-insensitive (ASCII) substring search without a folded copy of `hay`;
/// `needle` is lower case.
fn find_folding(hay: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    let upper = first.to_ascii_uppercase();
    let mut at = 0;
    while at + needle.len() <= hay.len() {
        let Some(found) = memchr::memchr2(first, upper, &hay[at..hay.len() + 1 - needle.len()])
        else {
            return false;
        };
        let start = at + found;
        if hay[start + 1..start + needle.len()].eq_ignore_ascii_case(rest) {
            return true;
        }
        at = start + 1;
    }
    false
}

/// A term ready to match, with its own scorer for fuzzy terms.
struct Compiled {
    term: Term,
    scorer: Option<Scorer>,
    finder: Option<memmem::Finder<'static>>,
}

/// A [`Query`] compiled for scoring many articles on one thread.
pub struct Matcher {
    groups: Vec<Vec<Compiled>>,
    options: QueryOptions,
}

impl Matcher {
    /// A matcher for `query`; groups without fuzzy terms are checked first (they
    /// are cheaper and the score is a sum, so order does not matter).
    pub fn new(query: &Query, options: QueryOptions) -> Self {
        let mut groups: Vec<Vec<Compiled>> = query
            .groups
            .iter()
            .map(|group| {
                group
                    .iter()
                    .map(|term| Compiled {
                        scorer: (term.kind == Kind::Fuzzy).then(|| Scorer::new(&term.text)),
                        finder: (term.kind == Kind::Exact)
                            .then(|| memmem::Finder::new(&term.needle).into_owned()),
                        term: term.clone(),
                    })
                    .collect()
            })
            .collect();
        groups.sort_by_key(|g| {
            g.iter()
                .any(|c| c.term.kind == Kind::Fuzzy && !c.term.negated)
        });
        Matcher { groups, options }
    }

    /// The article's score, `None` when it does not match.
    pub fn score(&mut self, fields: &Fields) -> Option<i64> {
        let options = self.options;
        let mut total = 0;
        for group in &mut self.groups {
            let mut best: Option<i64> = None;
            for compiled in group.iter_mut() {
                let found = term_score(compiled, fields, options);
                let score = if compiled.term.negated {
                    match found {
                        Some(_) => None,
                        None => Some(0),
                    }
                } else {
                    found
                };
                if let Some(score) = score {
                    best = Some(best.map_or(score, |b| b.max(score)));
                }
            }
            total += best?;
        }
        Some(total)
    }
}

/// The score of one term's match (ignoring negation), `None` when absent.
fn term_score(compiled: &mut Compiled, f: &Fields, options: QueryOptions) -> Option<i64> {
    let term = &compiled.term;
    let title_score = match term.scope {
        Scope::Source => {
            return match &mut compiled.scorer {
                Some(scorer) => scorer.score(f.source, f.source_folded),
                None => term
                    .find(f.source.as_bytes(), f.source_folded)
                    .map(|_| term.exact_score()),
            };
        }
        Scope::Title => match (&mut compiled.scorer, &compiled.finder) {
            (Some(scorer), _) => {
                scorer.score_flagged(f.title, f.title_ascii, f.title_folded, f.title_meta)
            }
            (None, Some(finder)) => {
                let hay = if term.case_sensitive {
                    f.title
                } else {
                    f.title_folded
                };
                finder.find(hay).map(|_| term.exact_score())
            }
            (None, None) => term
                .find(f.title, f.title_folded)
                .map(|_| term.exact_score()),
        },
    };
    if title_score.is_some() || !term.in_body(options) {
        return title_score;
    }
    let body = f.body?;
    let found = if term.case_sensitive {
        match &compiled.finder {
            Some(finder) => finder.find(body).is_some(),
            None => memmem::find(body, &term.needle).is_some(),
        }
    } else {
        find_folding(body, &term.needle)
    };
    found.then(|| BODY_PER_CHAR * term.chars)
}

/// The reference semantics, written plainly: a fresh SkimMatcherV2 for fuzzy
/// terms, `str` searches over lower-cased copies for the rest. The engine must
/// agree with it (tests and [`super::rank_plain`]).
pub fn reference_match(
    query: &Query,
    options: QueryOptions,
    title: &str,
    source: &str,
    body: Option<&str>,
) -> Option<i64> {
    let fold = |s: &str, cs: bool| {
        if cs {
            s.to_owned()
        } else {
            s.to_ascii_lowercase()
        }
    };
    let plain = |t: &Term, hay: &str| -> Option<i64> {
        let hay = fold(hay, t.case_sensitive);
        let needle = fold(&t.text, t.case_sensitive);
        let found = match t.kind {
            Kind::Fuzzy | Kind::Exact => hay.contains(&needle),
            Kind::Prefix => hay.starts_with(&needle),
            Kind::Suffix => hay.ends_with(&needle),
            Kind::Whole => hay == needle,
        };
        found.then(|| t.exact_score())
    };
    let one = |t: &Term| -> Option<i64> {
        let found = match t.scope {
            Scope::Source if t.kind == Kind::Fuzzy => reference_score(source, &t.text),
            Scope::Source => plain(t, source),
            Scope::Title if t.kind == Kind::Fuzzy => reference_score(title, &t.text),
            Scope::Title => plain(t, title),
        };
        let found = found.or_else(|| {
            let body = body.filter(|_| t.in_body(options))?;
            fold(body, t.case_sensitive)
                .contains(&fold(&t.text, t.case_sensitive))
                .then(|| BODY_PER_CHAR * t.chars)
        });
        if t.negated {
            if found.is_some() { None } else { Some(0) }
        } else {
            found
        }
    };
    let mut total = 0;
    for group in &query.groups {
        total += group.iter().filter_map(one).max()?;
    }
    Some(total)
}

/// Character positions of `title` that the query's headline terms match, for
/// highlighting: fuzzy terms where SkimMatcherV2 puts them, the others at
/// their first occurrence. Ascending, each once.
pub fn title_indices(query: &Query, title: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let folded = title.to_ascii_lowercase();
    for term in query.title_terms() {
        if term.kind == Kind::Fuzzy {
            let matcher = fuzzy_matcher::skim::SkimMatcherV2::default().smart_case();
            if let Some((_, indices)) =
                fuzzy_matcher::FuzzyMatcher::fuzzy_indices(&matcher, title, &term.text)
            {
                out.extend(indices);
            }
        } else if let Some((start, end)) = term.find(title.as_bytes(), folded.as_bytes()) {
            push_char_range(title, start, end, &mut out);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Appends the char positions of the bytes `start..end` of `text`.
fn push_char_range(text: &str, start: usize, end: usize, out: &mut Vec<usize>) {
    let first = text[..start].chars().count();
    let count = text[start..end].chars().count();
    out.extend(first..first + count);
}

/// A piece of the body around a match, for the list's second line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// The text, at most the width asked for, "…" where cut, control and
    /// invisible format characters shown as spaces.
    pub text: String,
    /// Character positions in `text` of matched letters.
    pub indices: Vec<usize>,
}

/// Shown as a space in a snippet: controls, and invisible formatting
/// (zero-width, bidi controls, soft hyphen, BOM).
fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FEFF}')
}

/// The best body snippet for `query` in full-text mode: the first paragraph
/// with a match of a headline term (fuzzy and exact terms, as substrings), a
/// window of at most `width` columns around its first match (about a third of
/// the width before it), every term occurrence in the window highlighted.
/// `None` when no term occurs in the body.
pub fn snippet<'a>(
    query: &Query,
    paragraphs: impl IntoIterator<Item = &'a str>,
    width: usize,
) -> Option<Snippet> {
    use unicode_width::UnicodeWidthChar;
    let terms: Vec<&Term> = query
        .title_terms()
        .filter(|t| matches!(t.kind, Kind::Fuzzy | Kind::Exact))
        .collect();
    if terms.is_empty() || width == 0 {
        return None;
    }
    for paragraph in paragraphs {
        let folded = paragraph.to_ascii_lowercase();
        let occurrences = |t: &Term| {
            let hay = if t.case_sensitive {
                paragraph.as_bytes()
            } else {
                folded.as_bytes()
            };
            memmem::find_iter(hay, &t.needle)
                .map(|at| (at, at + t.needle.len()))
                .collect::<Vec<_>>()
        };
        let mut ranges: Vec<(usize, usize)> = terms.iter().flat_map(|t| occurrences(t)).collect();
        if ranges.is_empty() {
            continue;
        }
        ranges.sort_unstable();
        let chars: Vec<(usize, char)> = paragraph.char_indices().collect();
        let cw = |c: char| if hidden(c) { 1 } else { c.width().unwrap_or(0) };
        let first = chars.partition_point(|&(b, _)| b < ranges[0].0);
        // Back up about a third of the width, to a word start when one is near.
        let mut start = first;
        let mut before = 0;
        while width > 2 && start > 0 && before + cw(chars[start - 1].1) <= width / 3 {
            start -= 1;
            before += cw(chars[start].1);
        }
        if start > 0
            && let Some(space) = chars[start..first].iter().position(|&(_, c)| c == ' ')
            && start + space + 1 < first
        {
            start += space + 1;
        }
        let lead = usize::from(start > 0 && width > 2);
        let total: usize = chars[start..].iter().map(|&(_, c)| cw(c)).sum();
        let budget = if lead + total <= width {
            width - lead
        } else {
            width.saturating_sub(lead + 1)
        };
        let mut end = start;
        let mut used = 0;
        while end < chars.len() && used + cw(chars[end].1) <= budget {
            used += cw(chars[end].1);
            end += 1;
        }
        let mut text = String::new();
        if lead == 1 {
            text.push('…');
        }
        text.extend(
            chars[start..end]
                .iter()
                .map(|&(_, c)| if hidden(c) { ' ' } else { c }),
        );
        if end < chars.len() {
            text.push('…');
        }
        let end_byte = chars.get(end).map_or(paragraph.len(), |&(b, _)| b);
        let start_byte = chars.get(start).map_or(paragraph.len(), |&(b, _)| b);
        let mut indices = Vec::new();
        for (from, to) in ranges {
            for (i, &(b, _)) in chars[start..end].iter().enumerate() {
                if b >= from && b < to && b >= start_byte && b < end_byte {
                    indices.push(i + lead);
                }
            }
        }
        indices.sort_unstable();
        indices.dedup();
        return Some(Snippet { text, indices });
    }
    None
}

#[cfg(test)]
mod tests;
