//! Bad files either load or are skipped with a one-line reason, the others still
//! load, nothing panics and nothing hangs. Against the library API
//! (`load_paths`, `collect_files`, `load_file`), the `parse` CLI and the reader.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use newsreader::article::Article;
use newsreader::library::{
    self, MAX_ARTICLE_BYTES, MAX_DEPTH, Problem, collect_files, load_file, load_paths,
};

const GOOD: &str = "A good headline\n\nA body paragraph that loads.\n";

/// Runs `f` on a thread and fails if it takes longer than `limit` (a hang).
fn within<T: Send + 'static>(
    limit: Duration,
    what: &str,
    f: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(limit) {
        Ok(value) => value,
        Err(_) => panic!("{what}: still running after {limit:?} (hang)"),
    }
}

/// A problem's message is one clean line naming the file.
fn assert_one_line(problem: &Problem) {
    let text = problem.to_string();
    assert!(!text.is_empty());
    assert!(
        !text.chars().any(char::is_control),
        "control character in {text:?}"
    );
    assert_eq!(text.lines().count(), 1, "{text:?}");
}

/// All the text of an article, for checks that must not depend on which part
/// the parser put a line in.
fn all_text(article: &Article) -> String {
    let mut parts = vec![article.title.clone()];
    parts.extend(article.dek.clone());
    parts.extend(article.byline.clone());
    parts.extend(article.body.iter().cloned());
    parts.extend(article.captions.iter().cloned());
    parts.extend(article.key_points.iter().cloned());
    parts.extend(article.credits.iter().cloned());
    parts.join("\n")
}

/// An article is fit for the screen: a title, no control characters anywhere.
fn assert_clean_article(article: &Article) {
    assert!(!article.title.is_empty(), "{article:?}");
    let fields = std::iter::once(&article.title)
        .chain(&article.body)
        .chain(&article.captions)
        .chain(&article.key_points)
        .chain(&article.links);
    for field in fields {
        assert!(
            !field.chars().any(|c| c.is_control() || c == '\u{202e}'),
            "control character in {field:?}"
        );
    }
}

/// Loads `bad` together with a good file: the good one always loads, and `bad`
/// either loads cleanly or is one clean problem naming it.
fn load_with_good(dir: &Path, bad: &Path) -> Result<Article, Problem> {
    let good = dir.join("zz-good.txt");
    fs::write(&good, GOOD).expect("write good");
    let (articles, problems) = load_paths(&[bad.to_path_buf(), good.clone()]);
    assert!(
        articles
            .iter()
            .any(|a| a.path == good.display().to_string()),
        "the good file still loads"
    );
    for problem in &problems {
        assert_one_line(problem);
    }
    match (articles.len(), problems.as_slice()) {
        (2, []) => {
            assert_clean_article(&articles[0]);
            Ok(articles[0].clone())
        }
        (1, [problem]) => {
            assert_eq!(problem.path, bad);
            Err(problem.clone())
        }
        other => panic!("unexpected result {other:?}"),
    }
}

#[test]
fn empty_and_whitespace_only_files_are_skipped_with_a_reason() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, bytes) in [
        ("empty.txt", &b""[..]),
        ("spaces.txt", b"  \n\t\r\n \xc2\xa0 \n"),
        (
            "invisible.txt",
            "\u{feff}\u{200b}\u{202e}\n\u{1b}[2J".as_bytes(),
        ),
    ] {
        let path = dir.path().join(name);
        fs::write(&path, bytes).expect("write");
        let problem = load_with_good(dir.path(), &path).expect_err(name);
        assert!(problem.reason.contains("empty"), "{problem}");
    }
}

#[test]
fn binary_files_with_nuls_load_clean_or_are_skipped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let nuls = dir.path().join("nuls.txt");
    fs::write(&nuls, vec![0u8; 4096]).expect("write");
    load_with_good(dir.path(), &nuls).expect_err("only NULs is empty text");

    // Every byte value, many times, in a pseudo-random order.
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let bytes: Vec<u8> = (0..64 * 1024)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect();
    let binary = dir.path().join("binary.txt");
    fs::write(&binary, &bytes).expect("write");
    let _ = load_with_good(dir.path(), &binary);

    let mixed = dir.path().join("mixed.txt");
    fs::write(
        &mixed,
        b"Head\0line\0\n\nBody\0 text\x01\x02\x1b[31m here\n",
    )
    .expect("write");
    let article = load_with_good(dir.path(), &mixed).expect("text with NULs loads");
    // Which lines the parser keeps is its business; the text around the NULs is
    // read (not rejected) and clean.
    assert!(all_text(&article).contains("Body"), "{article:?}");
}

#[test]
fn invalid_utf8_anywhere_is_decoded_not_rejected() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cases: [(&str, &[u8]); 5] = [
        ("start", b"\x80\xffX Headline start\n\nBody text.\n"),
        (
            "middle",
            b"Headline middle\n\nBody \xc3\x28 text \xe2\x82 more.\n",
        ),
        ("end", b"Headline end\n\nBody text.\xf0\x9f\x98"),
        (
            "overlong",
            b"Headline \xc0\xaf overlong\n\nBody \xed\xa0\x80 text.\n",
        ),
        ("c1", b"Headline \x9b31m c1\n\nBody \x9d0;t\x07 text.\n"),
    ];
    for (name, bytes) in cases {
        let path = dir.path().join(format!("{name}.txt"));
        fs::write(&path, bytes).expect("write");
        let article = load_with_good(dir.path(), &path).expect(name);
        // Loaded and clean (checked by load_with_good); which lines the parser
        // keeps is its business.
        assert!(!all_text(&article).trim().is_empty(), "{name}: {article:?}");
    }
}

#[test]
fn a_50_mb_single_line_loads_without_hanging() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("huge.txt");
    let line = "word ".repeat(10 * 1024 * 1024); // 50 MiB, no newline
    fs::write(&path, line).expect("write");
    let start = Instant::now();
    let p = path.clone();
    // A deadline that only a hang misses: the unoptimised test build takes
    // about 20 s of CPU for this file, and a loaded two-core runner stretches
    // that several times over.
    let result = within(Duration::from_secs(180), "50 MB line", move || {
        load_file(&p)
    });
    match result {
        Ok(article) => assert!(!article.title.is_empty()),
        Err(problem) => assert_one_line(&problem),
    }
    eprintln!("50 MB single line: {:?}", start.elapsed());
}

#[test]
fn files_over_the_size_limit_are_skipped_without_reading_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("too-big.txt");
    let file = fs::File::create(&path).expect("create");
    file.set_len(MAX_ARTICLE_BYTES + 1).expect("sparse file");
    drop(file);
    let start = Instant::now();
    let problem = load_with_good(dir.path(), &path).expect_err("too big");
    assert!(start.elapsed() < Duration::from_secs(2), "not read");
    assert!(problem.reason.contains("MiB"), "{problem}");
}

#[test]
fn a_100k_line_file_loads() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("lines.txt");
    let mut text = String::from("Many lines\n\n");
    for i in 0..100_000 {
        text.push_str(&format!("line {i}\n"));
        if i % 10 == 0 {
            text.push('\n');
        }
    }
    fs::write(&path, text).expect("write");
    let p = path.clone();
    let article = within(Duration::from_secs(180), "100k lines", move || {
        load_file(&p)
    })
    .expect("loads");
    assert!(!article.title.is_empty());
}

#[test]
fn a_file_that_vanishes_after_listing_is_a_problem() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("a.txt"), GOOD).expect("write");
    fs::write(dir.path().join("b.txt"), GOOD).expect("write");
    let (files, problems) = collect_files(&[dir.path().to_path_buf()]);
    assert_eq!(files.len(), 2);
    assert!(problems.is_empty());
    fs::remove_file(&files[0]).expect("remove");
    let problem = load_file(&files[0]).expect_err("gone");
    assert_one_line(&problem);
    assert_eq!(problem.path, files[0]);
    load_file(&files[1]).expect("the other still loads");
}

/// Whether permissions actually deny reads here (not as root).
fn permissions_deny(path: &Path) -> bool {
    fs::read(path).is_err()
}

#[test]
fn unreadable_files_and_folders_are_problems() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("lib");
    fs::create_dir_all(root.join("locked")).expect("mkdir");
    fs::write(root.join("locked/inside.txt"), GOOD).expect("write");
    fs::write(root.join("ok.txt"), GOOD).expect("write");
    let secret = root.join("secret.txt");
    fs::write(&secret, GOOD).expect("write");
    fs::set_permissions(&secret, fs::Permissions::from_mode(0o000)).expect("chmod");
    fs::set_permissions(root.join("locked"), fs::Permissions::from_mode(0o000)).expect("chmod");

    let denied = permissions_deny(&secret);
    let (articles, problems) = within(Duration::from_secs(10), "unreadable", {
        let root = root.clone();
        move || load_paths(&[root])
    });
    for problem in &problems {
        assert_one_line(problem);
    }
    assert!(articles.iter().any(|a| a.path.ends_with("ok.txt")));
    if denied {
        assert_eq!(articles.len(), 1, "{articles:?}");
        assert!(problems.iter().any(|p| p.path == secret), "{problems:?}");
        assert!(
            problems.iter().any(|p| p.path.ends_with("locked")),
            "{problems:?}"
        );
    } else {
        // Running as root: permission bits do not deny reads; everything loads.
        eprintln!("permissions do not deny reads here (root?); denial not asserted");
        assert_eq!(articles.len() + problems.len(), 3);
    }
    // Let the temp dir be removed.
    fs::set_permissions(root.join("locked"), fs::Permissions::from_mode(0o755)).expect("chmod");
}

#[test]
fn a_symlink_loop_ends_with_a_problem_not_a_hang() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("loop");
    fs::create_dir(&root).expect("mkdir");
    fs::write(root.join("a.txt"), GOOD).expect("write");
    std::os::unix::fs::symlink(&root, root.join("again")).expect("symlink");
    let (files, problems) = within(Duration::from_secs(10), "symlink loop", {
        let root = root.clone();
        move || collect_files(&[root])
    });
    assert!(!files.is_empty());
    assert!(files.len() <= MAX_DEPTH + 1, "{} files", files.len());
    for problem in &problems {
        assert_one_line(problem);
    }
}

/// Two links back to the same folder: a walk that follows links until the depth
/// limit would visit 2^MAX_DEPTH paths; each folder is walked once instead.
#[test]
fn two_links_back_do_not_hang() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("loop");
    fs::create_dir(&root).expect("mkdir");
    fs::write(root.join("a.txt"), GOOD).expect("write");
    std::os::unix::fs::symlink(&root, root.join("l1")).expect("symlink");
    std::os::unix::fs::symlink(&root, root.join("l2")).expect("symlink");
    let (files, problems) = within(Duration::from_secs(10), "two links back", move || {
        collect_files(&[root])
    });
    assert_eq!(files.len(), 1, "each file once");
    assert_eq!(problems.len(), 2, "each link reported once: {problems:?}");
    for problem in &problems {
        assert_one_line(problem);
        assert!(problem.reason.starts_with("symlink loop: "), "{problem}");
        assert!(problem.reason.contains("already visited"), "{problem}");
    }
}

/// One link back to its folder: every article loads once (not once per level
/// down to MAX_DEPTH), and the loop is one problem.
#[test]
fn a_link_loop_loads_each_article_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("d");
    fs::create_dir(&root).expect("mkdir");
    fs::write(root.join("a.txt"), GOOD).expect("write");
    std::os::unix::fs::symlink(&root, root.join("again")).expect("symlink");
    let (articles, problems) = within(Duration::from_secs(10), "link loop", {
        let root = root.clone();
        move || load_paths(&[root])
    });
    assert_eq!(articles.len(), 1, "{articles:?}");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].path, root.join("again"));
    assert!(
        problems[0].reason.contains("symlink loop"),
        "{}",
        problems[0]
    );

    // Through the binary: the article prints once.
    let output = common::command()
        .arg("parse")
        .arg(&root)
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(stdout.matches("# A good headline").count(), 1, "{stdout}");
}

/// The same file reached by two paths (a link to a file in the same folder, a
/// folder linked from another, a file given twice) loads once, where it is
/// first reached; so does a `.jsonl` library.
#[test]
fn a_file_reached_by_two_paths_loads_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("lib");
    fs::create_dir_all(root.join("sub")).expect("mkdir");
    fs::write(root.join("sub/z.txt"), GOOD).expect("write");
    fs::write(
        root.join("b.txt"),
        "Another headline\n\nThe other story has a body of its own, told in a sentence.\n",
    )
    .expect("write");
    std::os::unix::fs::symlink(root.join("sub/z.txt"), root.join("a-link.txt")).expect("symlink");
    std::os::unix::fs::symlink(root.join("sub"), root.join("c-sub")).expect("symlink");
    fs::write(root.join("lib.jsonl"), "{\"title\":\"From the library\"}\n").expect("write");
    std::os::unix::fs::symlink(root.join("lib.jsonl"), root.join("more.jsonl")).expect("symlink");
    let (articles, problems) = load_paths(&[root.clone(), root.join("b.txt")]);
    let titles: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        ["A good headline", "Another headline", "From the library"],
        "{problems:?}"
    );
    assert_eq!(
        articles[0].path,
        root.join("a-link.txt").display().to_string()
    );
    // c-sub (a link to sub) sorts first, so sub itself is the folder reached
    // again: one problem.
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].path, root.join("sub"));
    assert!(
        problems[0].reason.contains("already visited"),
        "{}",
        problems[0]
    );
    assert_one_line(&problems[0]);
}

/// Loading a FIFO directly, or naming one on the command line, does not block.
#[test]
fn a_fifo_named_directly_is_a_problem_not_a_hang() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = make_fifo(dir.path(), "pipe.txt");
    let direct = within(Duration::from_secs(5), "load_file(fifo)", {
        let fifo = fifo.clone();
        move || load_file(&fifo)
    });
    let problem = direct.expect_err("not read");
    assert!(problem.reason.contains("not a regular file"), "{problem}");
    let (articles, problems) = within(Duration::from_secs(5), "load_paths(fifo)", {
        let fifo = fifo.clone();
        move || load_paths(&[fifo])
    });
    assert!(articles.is_empty());
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].reason.contains("not a regular file"));
}

/// `newsreader parse /dev/zero` is refused at once, not read up to the size limit.
#[test]
fn devices_named_on_the_command_line_are_not_read() {
    let start = Instant::now();
    let output = common::command()
        .args(["parse", "/dev/zero", "/dev/null"])
        .output()
        .expect("run");
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.matches("not a regular file").count(), 2, "{stderr}");
    let problem = load_file(Path::new("/dev/zero")).expect_err("a device");
    assert!(problem.reason.contains("not a regular file"), "{problem}");
}

/// An article titled after its file name (no usable headline in the text) and
/// its path are cleaned like the text: the file name's escapes never print.
#[test]
fn escapes_in_a_file_name_do_not_reach_stdout() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("x\u{1b}]0;PWN\u{7}\u{9b}2J\u{202e}y.txt");
    fs::write(&path, "\u{1b}[2J\n\nx\n").expect("write");
    let article = load_file(&path).expect("loads");
    assert_clean_article(&article);
    assert!(
        !article
            .path
            .chars()
            .any(|c| c.is_control() || c == '\u{202e}')
    );
    assert!(!article.title.contains("PWN"), "{article:?}");
    let output = common::command()
        .arg("parse")
        .arg(dir.path())
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.starts_with("# "), "{stdout}");
    assert!(!output.stdout.contains(&0x1b), "{stdout:?}");
    assert!(!stdout.contains("PWN"), "{stdout:?}");
}

/// `.jsonl` libraries are as untrusted as web pages: escapes in any string field
/// (as JSON `\u001b` escapes or raw C1 characters) are cleaned on load, an
/// empty title gets a stand-in, an empty word count is counted, and a line left
/// with nothing to read once cleaned is skipped with a count.
#[test]
fn jsonl_libraries_are_cleaned_on_load() {
    let dir = tempfile::tempdir().expect("tempdir");
    let lib = dir.path().join("lib.jsonl");
    let evil = r"\u001b]52;c;Q0xJUA==\u0007\u001b[2J\u009b6n\u202e\u0008";
    let lines = [
        format!(
            r#"{{"title":"T{evil}itle","dek":"d{evil}","byline":"b{evil}","source":"s{evil}","published":"p{evil}","url":"https://e.example/{evil}","key_points":["k{evil}"],"captions":["c{evil}"],"body":["one{evil} two","three"],"credits":["cr{evil}"],"related":[{{"title":"r{evil}","url":"u{evil}"}}],"links":["l{evil}"],"path":"x{evil}.txt"}}"#
        ),
        r#"{"title":"  ","url":"https://e.example/story","body":["a b c"]}"#.to_owned(),
        r#"{"title":"\u001b[31m"}"#.to_owned(),
    ];
    fs::write(&lib, lines.join("\n")).expect("write");
    let (articles, problems) = load_paths(std::slice::from_ref(&lib));
    let reasons: Vec<&str> = problems.iter().map(|p| p.reason.as_str()).collect();
    assert_eq!(
        reasons,
        ["1 line held no article (no headline, text or link); skipped"]
    );
    assert_eq!(articles.len(), 2);
    for article in &articles {
        assert_clean_article(article);
        let json = serde_json::to_string(article).expect("json");
        for bad in [
            r"\u001b", r"\u0007", r"\u0008", "\u{9b}", "\u{202e}", "52;", "[2J",
        ] {
            assert!(!json.contains(bad), "{bad} in {json}");
        }
    }
    assert_eq!(articles[0].title, "Title");
    assert_eq!(articles[0].path, "x.txt");
    assert_eq!(articles[0].word_count, 3, "counted: it was 0");
    assert_eq!(articles[1].title, "https://e.example/story");

    // And through the binary, plain and JSON.
    for json in [false, true] {
        let mut command = common::command();
        command.arg("parse");
        if json {
            command.arg("--json");
        }
        let output = command.arg(&lib).output().expect("run");
        assert!(!output.stdout.contains(&0x1b), "json {json}");
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            !stdout.contains("52;") && !stdout.contains('\u{9b}'),
            "{stdout}"
        );
    }
}

/// `parse --json` and `list --json` write C1 and bidi characters only as
/// `\uXXXX` escapes (serde leaves them raw).
#[test]
fn json_output_has_no_raw_c1_or_bidi_characters() {
    let dir = tempfile::tempdir().expect("tempdir");
    let name = "c1\u{9b}6n-bidi\u{202e}gnp\u{85}\u{2066}.txt";
    fs::write(dir.path().join(name), GOOD).expect("write");
    for command in ["parse", "list"] {
        let output = common::command()
            .args([command, "--json"])
            .arg(dir.path())
            .output()
            .expect("run");
        assert!(output.status.success(), "{output:?}");
        let stdout = String::from_utf8(output.stdout).expect("utf8");
        assert_eq!(stdout.lines().count(), 1, "{stdout}");
        for c in ['\u{9b}', '\u{202e}', '\u{85}', '\u{2066}', '\u{1b}'] {
            assert!(!stdout.contains(c), "{command}: {c:?} raw in {stdout}");
        }
        let value: serde_json::Value = serde_json::from_str(stdout.trim()).expect("json");
        assert!(
            value["path"]
                .as_str()
                .is_some_and(|p| p.ends_with("c1-bidignp.txt")),
            "{value}"
        );
    }
}

/// A problem is one clean line whatever its path and reason hold.
#[test]
fn problem_messages_are_one_clean_line() {
    let problem = Problem {
        path: PathBuf::from("a\nb\r\u{1b}]0;PWN\u{7}\u{9b}2J\u{202e}.txt"),
        reason: "line 1\nline 2\u{1b}[31m".to_owned(),
    };
    assert_one_line(&problem);
    assert!(!problem.to_string().contains("PWN"), "{problem}");
}

fn make_fifo(dir: &Path, name: &str) -> PathBuf {
    let fifo = dir.join(name);
    let c = std::ffi::CString::new(fifo.to_str().expect("utf8")).expect("cstring");
    // SAFETY: mkfifo with a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    fifo
}

/// A named pipe called `x.txt` with no writer: reading it would block forever;
/// it is skipped with a reason, unopened. A FIFO not named like an article is
/// not a problem (it is not an article).
#[test]
fn a_fifo_is_skipped_not_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = make_fifo(dir.path(), "pipe.txt");
    make_fifo(dir.path(), "pipe.other");
    let root = dir.path().to_path_buf();
    let (_, problems) = within(Duration::from_secs(5), "fifo", move || load_paths(&[root]));
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, fifo);
    assert!(
        problems[0].reason.contains("not a regular file"),
        "{}",
        problems[0]
    );
}

#[test]
fn a_folder_of_many_files_loads_them_all() {
    // 20k rather than 100k files keeps the debug-build suite fast; the code path
    // is the same. NEWSREADER_TEST_MANY_FILES=100000 runs the full size.
    let files: usize = std::env::var("NEWSREADER_TEST_MANY_FILES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(20_000);
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("many");
    fs::create_dir(&root).expect("mkdir");
    let created = Instant::now();
    for i in 0..files {
        fs::write(
            root.join(format!("{i:06}.txt")),
            format!("Headline {i}\n\nBody {i}.\n"),
        )
        .expect("write");
    }
    eprintln!("{files} files created in {:?}", created.elapsed());
    let start = Instant::now();
    let (articles, problems) = within(Duration::from_secs(120), "many files", move || {
        load_paths(&[root])
    });
    assert!(problems.is_empty(), "{:?}", problems.first());
    assert_eq!(articles.len(), files);
    assert!(articles[0].path.ends_with("000000.txt"), "library order");
    eprintln!("{files} files loaded in {:?}", start.elapsed());
}

#[test]
fn the_parse_cli_reports_each_bad_file_on_one_stderr_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    fs::write(root.join("a-good.txt"), GOOD).expect("write");
    fs::write(root.join("b-empty.txt"), "").expect("write");
    fs::write(
        root.join("c-binary.txt"),
        b"Bin\0ary head\n\n\xff\xfe\x00body\n",
    )
    .expect("write");
    fs::write(root.join("d-blank.txt"), " \n\n\t").expect("write");
    let missing: PathBuf = root.join("e-missing\u{1b}[31m.txt");
    let output = common::command()
        .arg("parse")
        .arg(root)
        .arg(&missing)
        .output()
        .expect("run");
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8(output.stdout).expect("utf8");
    let stderr = String::from_utf8(output.stderr).expect("utf8");
    assert!(stdout.contains("A good headline"), "{stdout}");
    assert_eq!(
        stdout.lines().filter(|l| l.starts_with("# ")).count(),
        2,
        "the good and the binary file print: {stdout}"
    );
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    for line in &lines {
        assert!(line.starts_with("newsreader: "), "{line}");
        assert!(!line.chars().any(char::is_control), "{line:?}");
    }
    for name in ["e-missing.txt", "b-empty.txt", "d-blank.txt"] {
        assert!(stderr.contains(name), "{name} named: {stderr}");
    }
}

#[test]
fn the_reader_shows_skipped_files_in_the_status_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    fs::write(root.join("a-good.txt"), GOOD).expect("write");
    fs::write(root.join("b-empty.txt"), "").expect("write");
    fs::write(root.join("c-blank.txt"), "\n \n").expect("write");
    let session = common::Session::start(&[root], 120, 30);
    let screen = session.wait_text("1 of 1 matches");
    let screen = if screen.contains("skipped") {
        screen
    } else {
        session.wait_text("skipped")
    };
    let status = screen.lines().last().unwrap_or_default();
    assert!(status.contains("skipped 2 files"), "{screen}");
    assert!(status.contains("b-empty.txt"), "{screen}");
    session.quit_and_check_restored();
}

#[test]
fn limits_are_public_and_sane() {
    assert_eq!(MAX_ARTICLE_BYTES, 64 * 1024 * 1024);
    assert_eq!(MAX_DEPTH, 64);
    assert!(library::bundled().iter().all(|a| !a.title.is_empty()));
}

/// A 50 MB one-paragraph article must stay usable once loaded: an action and a
/// frame in well under a second, even in a debug build. The reader lays out
/// only what it shows (pieces of 16 KiB), kept between actions and frames;
/// re-wrapping the whole article cost about 7.7 s per action and 6 s per frame
/// in a release build.
#[test]
fn a_50_mb_article_stays_responsive() {
    use newsreader::app::{Action, App, update};
    use ratatui::widgets::Widget;
    let article = Article {
        title: "Huge".to_owned(),
        body: vec!["word ".repeat(10 * 1024 * 1024)],
        ..Default::default()
    };
    let mut app = App::new(vec![article], (120, 40));
    let start = Instant::now();
    update(&mut app, Action::Scroll(1));
    let area = ratatui::layout::Rect::new(0, 0, 120, 40);
    let mut buf = ratatui::buffer::Buffer::empty(area);
    newsreader::ui::Screen::new(&app, &newsreader::ui::theme::Theme::default())
        .render(area, &mut buf);
    assert!(
        start.elapsed() < Duration::from_secs(1),
        "{:?}",
        start.elapsed()
    );
}
