//! The layers stay one-way. Reads every source file under `src/` and checks
//! what it names with `crate::…` and `super::…` (outside comments) against the
//! rules ARCHITECTURE.md states:
//!
//! - the core (`article`, `library`, `filter`, `store`, `config`, `web`, `cli`)
//!   names no `app`, `ui`, `term` or `commands`;
//! - `app` names no `ui`, `term` or `commands`, and draws nothing (no ratatui
//!   widget, style, text or buffer; key events and rectangles are fine);
//! - `ui` names no `term` or `commands`;
//! - `term` names no `commands`;
//! - no two modules name each other;
//! - at most four `.rs` files directly under `src/`.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const CORE: &[&str] = &[
    "article", "library", "filter", "store", "config", "web", "cli",
];

/// The layer of a top-level module: a module may name only its own layer and
/// the ones below.
fn layer(top: &str) -> Option<u8> {
    match top {
        t if CORE.contains(&t) => Some(0),
        "app" => Some(1),
        "ui" => Some(2),
        "term" => Some(3),
        "commands" => Some(4),
        _ => None,
    }
}

/// Every `.rs` file under `dir`, with its module path (`app::state`).
fn modules(dir: &Path, prefix: &[String], out: &mut BTreeMap<Vec<String>, PathBuf>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .expect("src/ is readable")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("UTF-8 file names")
            .to_owned();
        if path.is_dir() {
            let mut inner = prefix.to_vec();
            inner.push(name);
            modules(&path, &inner, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let mut module = prefix.to_vec();
            if name != "mod" && !(prefix.is_empty() && (name == "lib" || name == "main")) {
                module.push(name);
            }
            out.insert(module, path);
        }
    }
}

/// The code of a file without comments (doc links name modules too, but
/// they are not imports).
fn code(text: &str) -> String {
    text.lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The module paths `text` names, as written after `crate::` or `super::`,
/// resolved against `module`.
fn named_paths(module: &[String], is_mod_file: bool, text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for (anchor, base) in [
        ("crate::", Vec::new()),
        ("super::", parent(module, is_mod_file)),
    ] {
        let mut rest = text;
        while let Some(at) = rest.find(anchor) {
            let before = rest[..at].chars().last();
            rest = &rest[at + anchor.len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let mut path = base.clone();
            let mut tail = rest;
            // `crate::{a, b}` and `super::{x, y}`: every name in the braces.
            if let Some(group) = tail.strip_prefix('{') {
                let end = group.find('}').unwrap_or(group.len());
                for item in group[..end].split(',') {
                    let word: String = item
                        .trim()
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if !word.is_empty() {
                        let mut p = path.clone();
                        p.push(word);
                        out.push(p);
                    }
                }
                continue;
            }
            loop {
                let word: String = tail
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if word.is_empty() {
                    break;
                }
                tail = &tail[word.len()..];
                path.push(word);
                match tail.strip_prefix("::") {
                    Some(next) => tail = next,
                    None => break,
                }
            }
            out.push(path);
        }
    }
    out
}

/// The module `super` names from `module`: the parent of a file module, or of
/// the folder for a `mod.rs`.
fn parent(module: &[String], _is_mod_file: bool) -> Vec<String> {
    module[..module.len().saturating_sub(1)].to_vec()
}

/// The longest known module that `path` starts with.
fn resolve<'a>(
    path: &[String],
    known: &'a BTreeMap<Vec<String>, PathBuf>,
) -> Option<&'a Vec<String>> {
    (1..=path.len())
        .rev()
        .find_map(|n| known.get_key_value(&path[..n]).map(|(k, _)| k))
}

fn is_ancestor(a: &[String], b: &[String]) -> bool {
    a.len() < b.len() && b.starts_with(a)
}

struct Graph {
    edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
    files: BTreeMap<Vec<String>, PathBuf>,
}

fn graph() -> Graph {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = BTreeMap::new();
    modules(&root, &[], &mut files);
    let mut edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for (module, path) in &files {
        let text = fs::read_to_string(path).expect("readable source");
        let is_mod = path.file_name().is_some_and(|n| n == "mod.rs");
        // `super::` in a mod.rs's `#[cfg(test)] mod tests` means the folder
        // module itself; close enough for these rules.
        for named in named_paths(module, is_mod, &code(&text)) {
            if let Some(target) = resolve(&named, &files)
                && target != module
            {
                edges
                    .entry(module.clone())
                    .or_default()
                    .insert(target.clone());
            }
        }
    }
    Graph { edges, files }
}

fn name(module: &[String]) -> String {
    if module.is_empty() {
        "crate".to_owned()
    } else {
        module.join("::")
    }
}

#[test]
fn layers_only_name_the_layers_below() {
    let graph = graph();
    let mut wrong = Vec::new();
    for (from, targets) in &graph.edges {
        let Some(from_layer) = from.first().and_then(|t| layer(t)) else {
            continue;
        };
        for to in targets {
            let Some(to_layer) = to.first().and_then(|t| layer(t)) else {
                continue;
            };
            if to_layer > from_layer {
                wrong.push(format!("{} names {}", name(from), name(to)));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the layers:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_two_modules_name_each_other() {
    let graph = graph();
    let mut pairs = Vec::new();
    for (from, targets) in &graph.edges {
        for to in targets {
            let back = graph.edges.get(to).is_some_and(|t| t.contains(from));
            // A folder module re-exports its children and they use what it
            // declares: that is one module, not two.
            if back && from < to && !is_ancestor(from, to) && !is_ancestor(to, from) {
                pairs.push(format!("{} <-> {}", name(from), name(to)));
            }
        }
    }
    assert!(
        pairs.is_empty(),
        "modules that name each other:\n{}",
        pairs.join("\n")
    );
}

#[test]
fn the_app_draws_nothing() {
    let graph = graph();
    let mut wrong = Vec::new();
    for (module, path) in &graph.files {
        if module.first().map(String::as_str) != Some("app") {
            continue;
        }
        let text = code(&fs::read_to_string(path).expect("readable source"));
        for banned in [
            "ratatui::widgets",
            "ratatui::style",
            "ratatui::text",
            "ratatui::buffer",
        ] {
            if text.contains(banned) {
                wrong.push(format!("{} uses {banned}", name(module)));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn at_most_four_files_directly_under_src() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let loose: Vec<String> = fs::read_dir(&root)
        .expect("src/ is readable")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .map(|p| p.display().to_string())
        .collect();
    assert!(loose.len() <= 4, "{loose:?}");
}

/// The checker itself: a small tree with one wrong import and one cycle.
#[test]
fn the_checker_sees_imports_through_groups_and_super() {
    let module = vec!["app".to_owned(), "state".to_owned()];
    let named = named_paths(
        &module,
        false,
        &code("use crate::{ui, article::Article};\nuse super::keymap::Mode; // crate::term\n"),
    );
    let as_text: Vec<String> = named.iter().map(|p| p.join("::")).collect();
    assert_eq!(as_text, ["ui", "article", "app::keymap::Mode"]);
}
