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
    let bytes = std::fs::read(&path).expect("readable file");
    let text = newsreader::article::decode::decode_text(&bytes);
    let start = std::time::Instant::now();
    let rounds = 5;
    for _ in 0..rounds {
        std::hint::black_box(newsreader::article::parse(&text));
    }
    let secs = start.elapsed().as_secs_f64();
    println!("{:.1} MB/s", (rounds * text.len()) as f64 / secs / 1e6);
}
