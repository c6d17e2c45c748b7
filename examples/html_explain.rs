//! Shows how an HTML page is read, line by line (for tuning the HTML rules):
//!
//!     cargo run --release --example html_explain -- page.html
//!
//! Each line: index, `+` kept / `-` dropped as furniture / `.` outside the
//! story, heading level, `inside` and class-word bits, link density, text.
//! With `--text`: how the text parser then sees the kept lines.

use std::process::ExitCode;

fn main() -> ExitCode {
    let text_view = std::env::args().any(|a| a == "--text");
    let Some(path) = std::env::args_os().skip(1).find(|a| a != "--text") else {
        eprintln!("usage: html_explain PAGE.html");
        return ExitCode::FAILURE;
    };
    match std::fs::read(&path) {
        Ok(bytes) => {
            if text_view {
                let text = newsreader::article::html::page_text(&bytes);
                print!("{}", newsreader::article::parse::explain(&text));
            } else {
                print!("{}", newsreader::article::html::explain(&bytes));
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}: {e}", path.to_string_lossy());
            ExitCode::FAILURE
        }
    }
}
