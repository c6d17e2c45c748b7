//! Debugging aid: `PARSER_EXPLAIN=path cargo test --test parser_explain -- --nocapture`
//! prints how the parser sees a file. Does nothing without the variable.

#[test]
fn explain_file_from_env() {
    let Ok(path) = std::env::var("PARSER_EXPLAIN") else {
        return;
    };
    let bytes = std::fs::read(&path).expect("readable file");
    let text = newsreader::article::decode::decode_text(&bytes);
    println!("{}", newsreader::article::parse::explain(&text));
    let article = newsreader::article::parse(&text);
    println!("{}", serde_json::to_string_pretty(&article).expect("json"));
}

#[test]
fn throughput_from_env() {
    let Ok(path) = std::env::var("PARSER_BENCH") else {
        return;
    };
    // A directory: every .txt in it parsed separately (per-page throughput).
    let paths: Vec<std::path::PathBuf> = if std::path::Path::new(&path).is_dir() {
        std::fs::read_dir(&path)
            .expect("readable dir")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect()
    } else {
        vec![path.into()]
    };
    let texts: Vec<String> = paths
        .iter()
        .map(|p| newsreader::article::decode::decode_text(&std::fs::read(p).expect("readable")))
        .collect();
    let total: usize = texts.iter().map(String::len).sum();
    let start = std::time::Instant::now();
    let rounds = 5;
    for _ in 0..rounds {
        for text in &texts {
            std::hint::black_box(newsreader::article::parse(text));
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{:.1} MB/s, {:.3} ms per page",
        (rounds * total) as f64 / secs / 1e6,
        secs * 1e3 / (rounds * texts.len()) as f64
    );
}
