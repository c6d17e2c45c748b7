//! `newsreader parse --explain`: how the parser decided, for people tuning or
//! doubting it: every line's kind and the rule that decided it, then the
//! headline candidates with each feature's contribution.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::article::parse::{ExplainedSource, Explanation, explain};
use crate::article::sanitize::{clean_line, json_safe};
use crate::article::{decode, html};
use crate::library::{self, MAX_ARTICLE_BYTES};

/// How many headline candidates the text report shows.
const SHOWN_CANDIDATES: usize = 5;

/// A line's text is cut to this many characters in the text report.
const SHOWN_CHARS: usize = 100;

/// One file's explanation, as `--explain --json` prints it.
#[derive(Serialize)]
struct Report<'a> {
    path: String,
    html: bool,
    /// For a page, the headline its markup names (which the parser keeps).
    markup_headline: Option<&'a str>,
    #[serde(flatten)]
    explanation: &'a Explanation,
}

/// Explains each file in `paths`; a file that cannot be read gets a line on
/// `err` and the others are still explained.
pub fn run(
    paths: &[PathBuf],
    json: bool,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<()> {
    for path in paths {
        let shown = clean_line(&path.to_string_lossy()).into_owned();
        let (text, markup_headline, is_html) = match read(path) {
            Ok(input) => input,
            Err(problem) => {
                writeln!(err, "newsreader: {shown}: {}", clean_line(&problem))?;
                continue;
            }
        };
        let explanation = explain(&text);
        if json {
            let report = Report {
                path: shown,
                html: is_html,
                markup_headline: markup_headline.as_deref(),
                explanation: &explanation,
            };
            let line = serde_json::to_string(&report)?;
            writeln!(out, "{}", json_safe(&line))?;
        } else {
            write_report(
                out,
                &shown,
                is_html,
                markup_headline.as_deref(),
                &explanation,
            )?;
        }
    }
    out.flush()
}

/// The text the parser reads from the file, the markup's headline for a page,
/// and whether it is a page; or why the file cannot be explained.
fn read(path: &Path) -> Result<(String, Option<String>, bool), String> {
    if path.is_dir() {
        return Err("--explain takes files, not folders".to_string());
    }
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut bytes = Vec::new();
    file.take(MAX_ARTICLE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    let gzipped = library::is_html_name(path)
        && path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("gz"));
    if gzipped {
        let mut plain = Vec::new();
        flate2::read::MultiGzDecoder::new(bytes.as_slice())
            .take(MAX_ARTICLE_BYTES + 1)
            .read_to_end(&mut plain)
            .map_err(|e| format!("not a gzipped page: {e}"))?;
        bytes = plain;
    }
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(format!(
            "larger than {} MiB; not explained",
            MAX_ARTICLE_BYTES / (1024 * 1024)
        ));
    }
    if library::is_html_name(path) || library::looks_like_html(&bytes) {
        let (text, headline) = html::text_and_headline(&bytes);
        return Ok((text, headline, true));
    }
    Ok((decode::decode_text(&bytes), None, false))
}

/// A line's text as the report shows it: cleaned of anything a terminal
/// would act on, and cut to [`SHOWN_CHARS`].
fn shown(text: &str) -> String {
    let clean = clean_line(text);
    let mut cut: String = clean.chars().take(SHOWN_CHARS).collect();
    if clean.chars().count() > SHOWN_CHARS {
        cut.push('…');
    }
    cut
}

fn write_report(
    out: &mut impl Write,
    path: &str,
    is_html: bool,
    markup_headline: Option<&str>,
    e: &Explanation,
) -> io::Result<()> {
    let what = if is_html {
        "HTML page (the lines are the text its markup leaves for the text parser)"
    } else {
        "text"
    };
    writeln!(out, "== {path}: {what}")?;
    writeln!(
        out,
        "line classifiers, tried in order: {} (no match: text)",
        e.classifiers.join(", ")
    )?;
    writeln!(
        out,
        "lines (index, prose score, kind, the rule that decided it, text):"
    )?;
    for l in &e.lines {
        let mut marks = String::new();
        if e.region_start == Some(l.index) {
            marks.push_str("  <- story starts");
        }
        if e.title == Some(l.index) {
            marks.push_str("  <- headline");
        }
        if e.body_start == Some(l.index) {
            marks.push_str("  <- body starts");
        }
        if let Some((_, rule)) = e.body_end.filter(|(end, _)| *end == l.index) {
            marks.push_str("  <- body ends (");
            marks.push_str(rule);
            marks.push(')');
        }
        let score = e.scores.get(l.index).copied().unwrap_or(0.0);
        writeln!(
            out,
            "{:5} {score:6.1}  {:<12} {:<26} {}{marks}",
            l.index,
            l.kind,
            l.rule,
            shown(&l.text)
        )?;
    }
    writeln!(
        out,
        "headline candidates, best first (each feature that counts: value × weight = contribution):"
    )?;
    if e.candidates.is_empty() {
        writeln!(out, "  none")?;
    }
    for (rank, c) in e.candidates.iter().take(SHOWN_CANDIDATES).enumerate() {
        writeln!(
            out,
            "{:3}. line {}, total {:.2}: {}",
            rank + 1,
            c.line,
            c.total,
            shown(&c.text)
        )?;
        for f in c.features.iter().filter(|f| f.contribution != 0.0) {
            writeln!(
                out,
                "       {:<22} {:>6.2} × {:>5.2} = {:+.2}",
                f.name, f.value, f.weight, f.contribution
            )?;
        }
    }
    if e.candidates.len() > SHOWN_CANDIDATES {
        writeln!(
            out,
            "     ({} more candidates)",
            e.candidates.len() - SHOWN_CANDIDATES
        )?;
    }
    match (markup_headline, e.title) {
        (Some(h), _) => writeln!(out, "headline: the markup's: {}", shown(h))?,
        (None, Some(t)) => {
            let text = e.lines.get(t).map_or("", |l| l.text.as_str());
            writeln!(out, "headline: line {t}: {}", shown(text))?;
        }
        (None, None) => writeln!(out, "headline: none in the text (the URL slug, if any)")?,
    }
    match &e.byline {
        Some((rule, name)) => writeln!(out, "byline: {} (rule {rule})", shown(name))?,
        None => writeln!(out, "byline: none")?,
    }
    write_source(out, &e.source)?;
    writeln!(out)
}

/// The names the page's lines voted for as its publication, each with its
/// votes by kind of evidence, then what was given and why.
fn write_source(out: &mut impl Write, s: &ExplainedSource) -> io::Result<()> {
    writeln!(
        out,
        "source votes (name: each kind of evidence with its votes' place factors added up; lines outside the story naming it):"
    )?;
    if s.names.is_empty() {
        writeln!(out, "  none")?;
    }
    for name in &s.names {
        let evidence: Vec<String> = name
            .evidence
            .iter()
            .map(|(kind, votes)| format!("{kind} {votes:.2}"))
            .collect();
        let held_by: Vec<String> = name
            .held_by
            .iter()
            .filter_map(|&k| s.names.get(k))
            .map(|o| shown(&o.name))
            .collect();
        let inside = if held_by.is_empty() {
            String::new()
        } else {
            format!("; inside {}", held_by.join(", "))
        };
        writeln!(
            out,
            "  {}: {}; {} mentions{inside}",
            shown(&name.name),
            if evidence.is_empty() {
                "no votes of its own".to_string()
            } else {
                evidence.join(", ")
            },
            name.mentions,
        )?;
    }
    if let Some(original) = &s.original {
        writeln!(
            out,
            "  an \"original article\" line credits: {}",
            shown(original)
        )?;
    }
    if let Some(fallback) = &s.fallback {
        writeln!(
            out,
            "  fallback (the URL's host, else the domain the page writes most): {}",
            shown(fallback)
        )?;
    }
    match &s.source {
        Some(source) => writeln!(out, "source: {}", shown(source)),
        None => writeln!(out, "source: none"),
    }
}
