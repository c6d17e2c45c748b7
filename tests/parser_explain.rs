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
