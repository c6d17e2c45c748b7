//! The problems view: the subscriptions whose last fetch failed, each with
//! its error, opened from the reader by a key (F4, `problems` in `[keys]`).
//! The list comes from the library through the event loop
//! ([`super::Action::FeedProblems`]): at start-up and after each fetch.

use crate::article::sanitize::clean_line;

/// One failing subscription as the view lists it: every field one line of
/// clean text (the title and error come from the web).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedProblem {
    pub title: String,
    pub url: String,
    pub error: String,
}

impl FeedProblem {
    /// A problem with its text cleaned for the screen.
    pub fn new(title: &str, url: &str, error: &str) -> Self {
        FeedProblem {
            title: clean_line(title).into_owned(),
            url: clean_line(url).into_owned(),
            error: clean_line(error).into_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_from_the_web_is_one_clean_line() {
        let problem = FeedProblem::new(
            "Gaz\u{1b}[2Jette\n",
            "http://127.0.0.1/feed",
            "HTTP 500\u{9b}6n Internal\rServer Error",
        );
        assert_eq!(problem.title, "Gazette");
        assert_eq!(problem.error, "HTTP 500 InternalServer Error");
    }
}
