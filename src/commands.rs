//! The non-interactive subcommands, written against `impl Write` so tests can run
//! them without a terminal or a process.

use std::io::{self, Write};
use std::path::PathBuf;

use crate::article::Article;
use crate::library;

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
            serde_json::to_writer(&mut *out, article)?;
            writeln!(out)?;
        } else {
            write_plain(out, article)?;
        }
    }
    out.flush()
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
