//! The non-interactive subcommands, written against `impl Write` so tests can run
//! them without a terminal or a process.

use std::io::{self, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use serde::Serialize;

pub mod explain;
pub mod feeds;

use crate::article::Article;
use crate::article::sanitize::{clean_line, json_safe};
use crate::filter::{self, Cancel, FilterIndex, QueryOptions};
use crate::library::{self, LoadEvent};

/// `newsreader parse`: every article that loads is printed to `out`; each one that
/// does not gets a one-line message on `err`, and the others still print.
pub fn parse(
    paths: &[PathBuf],
    json: bool,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<()> {
    let (articles, problems) = library::load_paths(paths);
    for problem in &problems {
        writeln!(err, "newsreader: {problem}")?;
    }
    for article in &articles {
        if json {
            write_json_line(out, article)?;
        } else {
            write_plain(out, article)?;
        }
    }
    out.flush()
}

/// One line of `newsreader list --json`.
#[derive(Serialize)]
struct ListEntry<'a> {
    index: u32,
    score: i64,
    title: &'a str,
    source: Option<&'a str>,
    published: Option<&'a str>,
    path: &'a str,
}

/// What `newsreader list` is asked for: its command-line options as one value.
#[derive(Debug, Clone, Copy, Default)]
pub struct ListOptions<'a> {
    /// Keep only headlines matching this query (the reader's search syntax).
    pub query: Option<&'a str>,
    /// The filter's mode (`--full-text`: terms match bodies too, which are
    /// indexed, not kept).
    pub mode: QueryOptions,
    /// Print at most this many.
    pub limit: Option<usize>,
    /// JSON Lines instead of one headline a line.
    pub json: bool,
    /// Report load, index, filter and rank times on `err`.
    pub timings: bool,
}

/// How `newsreader list` ended, for its exit status (grep's and fzf's
/// convention, so scripts can test it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listed {
    /// Headlines were printed (or the library is empty and there was no filter): 0.
    Found,
    /// `--filter` matched nothing: 1.
    NoMatch,
    /// A path given on the command line could not be read (the others were
    /// still listed): 2.
    BadPath,
}

impl Listed {
    /// The process exit status.
    pub fn exit_code(self) -> u8 {
        match self {
            Listed::Found => 0,
            Listed::NoMatch => 1,
            Listed::BadPath => 2,
        }
    }
}

/// `newsreader list`: the headlines, filtered and ranked by the same engine as
/// the reader (best first; library order without a filter), at most `limit` of
/// them; problems go to `err`, one line each.
pub fn list(
    paths: &[PathBuf],
    list_options: &ListOptions<'_>,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<Listed> {
    let ListOptions {
        query,
        mode: options,
        limit,
        json,
        timings,
    } = *list_options;
    let start = Instant::now();
    // Streamed like the reader loads: headlines go into the index batch by batch
    // and only what is printed is kept of each article, so memory stays near the
    // size of the headlines, not of the library.
    let mut index = FilterIndex::new();
    let mut articles: Vec<Article> = Vec::new();
    let mut indexing = Duration::ZERO;
    let mut bad_path = false;
    for event in library::spawn_loader(paths.to_vec()) {
        match event {
            LoadEvent::Batch(batch) => {
                let at = Instant::now();
                for article in &batch {
                    index.push_article(article);
                    if options.full_text {
                        index.push_body(&filter::index::body_text(article));
                    }
                }
                indexing += at.elapsed();
                articles.extend(batch.into_iter().map(listed_fields));
            }
            LoadEvent::Problem(problem) => {
                // A file inside a folder that cannot be read is skipped; a
                // path the user typed that cannot be read is a mistake.
                bad_path |= paths.contains(&problem.path);
                writeln!(err, "newsreader: {problem}")?;
            }
            // Nothing reserved from the total: it counts lines, not articles.
            LoadEvent::Progress { .. } => {}
            LoadEvent::Done => break,
        }
    }
    let indexed = start.elapsed();
    let loaded = indexed - indexing;
    let threads = filter::engine::default_threads();
    let query = query.unwrap_or("");
    let results = filter::search_with(&index, query, options, None, threads, &Cancel::never());
    let outcome = |matched: bool| match (bad_path, matched) {
        (true, _) => Listed::BadPath,
        (false, false) => Listed::NoMatch,
        (false, true) => Listed::Found,
    };
    let Some(mut ranked) = results.map(|r| r.ranked) else {
        out.flush()?;
        return Ok(outcome(query.trim().is_empty()));
    };
    let filtered = start.elapsed();
    let shown = limit.unwrap_or(usize::MAX);
    ranked.ensure_sorted(shown);
    let ranked_at = start.elapsed();
    if timings {
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        writeln!(
            err,
            "newsreader: load {:.1} ms ({} articles), index {:.1} ms, filter {:.1} ms ({} matches), rank top {} {:.1} ms",
            ms(loaded),
            articles.len(),
            ms(indexing),
            ms(filtered - indexed),
            ranked.len(),
            shown.min(ranked.len()),
            ms(ranked_at - filtered),
        )?;
    }
    for found in ranked.top(shown) {
        let Some(article) = articles.get(found.index as usize) else {
            continue;
        };
        if json {
            let entry = ListEntry {
                index: found.index,
                score: found.score,
                title: &article.title,
                source: article.source.as_deref(),
                published: article.published.as_deref(),
                path: &article.path,
            };
            write_json_line(out, &entry)?;
        } else {
            writeln!(out, "{}", clean_line(&article.title))?;
        }
    }
    out.flush()?;
    Ok(outcome(!ranked.is_empty() || query.trim().is_empty()))
}

/// Writes `value` as one line of JSON with the characters JSON leaves raw but a
/// terminal may act on (C1 controls, bidi and other invisible format
/// characters) escaped as `\uXXXX` by [`json_safe`]: the JSON means the same.
fn write_json_line(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    let json = serde_json::to_string(value)?;
    writeln!(out, "{}", json_safe(&json))
}

/// What `list` prints of an article; the rest is dropped as soon as it loads.
fn listed_fields(article: Article) -> Article {
    Article {
        title: article.title,
        source: article.source,
        published: article.published,
        path: article.path,
        ..Article::default()
    }
}

/// A readable plain-text rendering, for pipes and quick looks.
fn write_plain(out: &mut impl Write, article: &Article) -> io::Result<()> {
    writeln!(out, "# {}", article.title)?;
    let meta: Vec<&str> = [&article.source, &article.byline, &article.published]
        .into_iter()
        .filter_map(|field| field.as_deref())
        .collect();
    if !meta.is_empty() {
        writeln!(out, "{}", meta.join(" · "))?;
    }
    if let Some(dek) = &article.dek {
        writeln!(out, "\n{dek}")?;
    }
    for point in &article.key_points {
        writeln!(out, "  • {point}")?;
    }
    for paragraph in &article.body {
        writeln!(out, "\n{paragraph}")?;
    }
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_list(
        paths: &[PathBuf],
        query: Option<&str>,
        limit: Option<usize>,
        json: bool,
    ) -> (String, String) {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let options = ListOptions {
            query,
            limit,
            json,
            ..ListOptions::default()
        };
        list(paths, &options, &mut out, &mut err).expect("io");
        (
            String::from_utf8(out).expect("utf8"),
            String::from_utf8(err).expect("utf8"),
        )
    }

    #[test]
    fn list_prints_filtered_headlines_best_first_like_rank() {
        let dir = tempfile::tempdir().expect("tempdir");
        let titles = crate::corpus::headlines(300, 8);
        let mut jsonl = String::new();
        for title in &titles {
            let article = Article {
                title: title.clone(),
                ..Article::default()
            };
            jsonl.push_str(&serde_json::to_string(&article).expect("json"));
            jsonl.push('\n');
        }
        let lib = dir.path().join("lib.jsonl");
        std::fs::write(&lib, jsonl).expect("write");
        let expected: Vec<&str> = filter::rank_plain("nato", titles.iter().map(String::as_str))
            .iter()
            .take(5)
            .map(|m| titles[m.index as usize].as_str())
            .collect();
        let (out, err) = run_list(std::slice::from_ref(&lib), Some("nato"), Some(5), false);
        assert!(err.is_empty(), "{err}");
        assert_eq!(out.lines().collect::<Vec<_>>(), expected);

        let (all, _) = run_list(std::slice::from_ref(&lib), None, None, false);
        assert_eq!(all.lines().collect::<Vec<_>>(), titles);

        let (json, _) = run_list(&[lib], Some("nato"), Some(2), true);
        let first: serde_json::Value =
            serde_json::from_str(json.lines().next().expect("a line")).expect("json");
        assert_eq!(first["title"], expected[0]);
        assert!(first["score"].as_i64().is_some_and(|s| s > 0));
        assert_eq!(json.lines().count(), 2);
    }

    #[test]
    fn list_uses_the_search_syntax_sources_and_full_text() {
        let dir = tempfile::tempdir().expect("tempdir");
        let article = |title: &str, source: &str, body: &str| Article {
            title: title.to_owned(),
            source: Some(source.to_owned()),
            body: vec![body.to_owned()],
            ..Article::default()
        };
        let mut jsonl = String::new();
        for a in [
            article("NATO summit opens", "Reuters", "Leaders met in Vilnius."),
            article("Grain deal signed", "TASS", "Ships left Odesa."),
            article("NATO and Russia", "TASS", "A statement from Moscow."),
        ] {
            jsonl.push_str(&serde_json::to_string(&a).expect("json"));
            jsonl.push('\n');
        }
        let lib = dir.path().join("lib.jsonl");
        std::fs::write(&lib, jsonl).expect("write");
        let run = |query: &str, full_text: bool| {
            let (mut out, mut err) = (Vec::new(), Vec::new());
            let options = ListOptions {
                query: Some(query),
                mode: QueryOptions { full_text },
                ..ListOptions::default()
            };
            list(std::slice::from_ref(&lib), &options, &mut out, &mut err).expect("io");
            String::from_utf8(out).expect("utf8")
        };
        assert_eq!(run("'nato !russia", false), "NATO summit opens\n");
        assert_eq!(run("@tass ^nato", false), "NATO and Russia\n");
        assert_eq!(run("odesa", false), "");
        assert_eq!(run("odesa", true), "Grain deal signed\n");
    }

    #[test]
    fn list_reports_problems_and_lists_the_rest() {
        let dir = tempfile::tempdir().expect("tempdir");
        let missing = dir.path().join("missing.txt");
        let (out, err) = run_list(&[missing], None, None, false);
        assert!(out.is_empty());
        assert!(err.contains("missing.txt"));
        let (bundled, _) = run_list(&[], None, None, false);
        assert_eq!(bundled.lines().count(), 4);
    }

    #[test]
    fn list_exit_status_tells_no_match_from_a_bad_path() {
        let dir = tempfile::tempdir().expect("tempdir");
        let lib = dir.path().join("lib.jsonl");
        std::fs::write(&lib, "{\"title\": \"NATO summit opens\"}\n").expect("write");
        let missing = dir.path().join("missing.txt");
        let run = |paths: &[PathBuf], query: Option<&str>| {
            let (mut out, mut err) = (Vec::new(), Vec::new());
            let options = ListOptions {
                query,
                ..ListOptions::default()
            };
            let listed = list(paths, &options, &mut out, &mut err).expect("io");
            (listed, String::from_utf8(out).expect("utf8"))
        };
        let one = std::slice::from_ref(&lib);
        assert_eq!(run(one, Some("nato")).0, Listed::Found);
        assert_eq!(run(one, None).0, Listed::Found);
        assert_eq!(run(one, Some("zzqx")), (Listed::NoMatch, String::new()));
        let (listed, out) = run(&[missing.clone(), lib.clone()], Some("nato"));
        assert_eq!(
            (listed, out.as_str()),
            (Listed::BadPath, "NATO summit opens\n"),
            "the rest is still listed"
        );
        assert_eq!(run(&[missing], None).0, Listed::BadPath);
        // A bad file inside a folder is skipped, not a mistake on the command line.
        std::fs::write(dir.path().join("empty.txt"), "").expect("write");
        assert_eq!(
            run(&[dir.path().to_path_buf()], Some("nato")).0,
            Listed::Found
        );
        let codes = [Listed::Found, Listed::NoMatch, Listed::BadPath].map(Listed::exit_code);
        assert_eq!(codes, [0, 1, 2]);
    }

    #[test]
    fn json_lines_escape_c1_and_bidi_characters() {
        // Not through the loader (which cleans every field): whatever reaches
        // the JSON writer, it writes no raw C1 or bidi character.
        let article = Article {
            title: "a\u{9b}6n\u{202e}b".to_owned(),
            path: "x\u{85}\u{2066}y.txt".to_owned(),
            ..Article::default()
        };
        let mut out = Vec::new();
        write_json_line(&mut out, &article).expect("io");
        let text = String::from_utf8(out).expect("utf8");
        for c in ['\u{9b}', '\u{202e}', '\u{85}', '\u{2066}'] {
            assert!(!text.contains(c), "{c:?} raw in {text}");
        }
        assert!(text.ends_with('\n') && text.lines().count() == 1, "{text}");
        let back: Article = serde_json::from_str(&text).expect("still JSON");
        assert_eq!(back, article, "the same meaning");
    }

    #[test]
    fn parse_json_prints_one_object_per_line_and_reports_bad_paths() {
        let dir = tempfile::tempdir().expect("tempdir");
        let good = dir.path().join("good.txt");
        std::fs::write(&good, "A headline\n\nBody paragraph here.").expect("write");
        let missing = dir.path().join("missing.txt");
        let (mut out, mut err) = (Vec::new(), Vec::new());
        parse(&[good, missing.clone()], true, &mut out, &mut err).expect("io");
        let out = String::from_utf8(out).expect("utf8");
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 1);
        let value: serde_json::Value = serde_json::from_str(lines[0]).expect("json");
        assert_eq!(value["title"], "A headline");
        let err = String::from_utf8(err).expect("utf8");
        assert_eq!(err.lines().count(), 1);
        assert!(err.contains("missing.txt"));
    }
}
