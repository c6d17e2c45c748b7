//! Shows how an HTML page is read, line by line (for tuning the HTML rules):
//!
//!     cargo run --release --example html_explain -- page.html
//!
//! Each line: index, `+` kept / `-` dropped as furniture / `.` outside the
//! story, heading level, `inside` and class-word bits, link density, text.
//! How the text parser then sees the kept lines: `newsreader parse --explain`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: html_explain PAGE.html");
        return ExitCode::FAILURE;
    };
    match std::fs::read(&path) {
        Ok(bytes) => {
            print!("{}", newsreader::article::html::explain(&bytes));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}: {e}", path.to_string_lossy());
            ExitCode::FAILURE
        }
    }
}
