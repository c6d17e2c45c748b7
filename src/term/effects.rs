//! Performing the [`Effect`]s that [`crate::app::update`] queues: the I/O side
//! of the reader, run by the event loop between batches of actions. Each
//! outcome goes back into the app as an [`Action::Notify`] for the status line.

use std::io::Write;

use url::Url;

use crate::app::{Action, App, Effect, update};
use crate::term::links::{self, LinkError};

/// Performs `effects` (taken from the app), then any they queue: saves go to
/// the state file, browsers are started through [`links::open_in_browser`],
/// copies are written to `tty` (the terminal) as OSC 52.
pub fn perform(app: &mut App, effects: Vec<Effect>, tty: &mut impl Write) {
    perform_with(app, effects, tty, links::open_in_browser);
}

/// [`perform`] with the browser opener passed in, for tests.
pub fn perform_with(
    app: &mut App,
    mut effects: Vec<Effect>,
    tty: &mut impl Write,
    mut open: impl FnMut(&Url) -> Result<(), LinkError>,
) {
    // An effect's outcome could queue more effects; none does today, but drain
    // in rounds so one never gets lost.
    while !effects.is_empty() {
        for effect in std::mem::take(&mut effects) {
            let (text, error) = match effect {
                // The event loop's FilterFeed takes these before the rest are
                // performed; one left over has no filter to go to.
                // Performed by the loop's workers.
                Effect::Filter { .. } | Effect::FetchFeeds | Effect::Reindex => continue,
                Effect::SaveState => match app.marks_mut().save_if_dirty() {
                    Ok(()) => continue,
                    Err(err) => (format!("could not save reading state: {err}"), true),
                },
                Effect::OpenUrl(url) => match open(&url) {
                    Ok(()) => (format!("opened {url}"), false),
                    Err(err) => (err.to_string(), true),
                },
                Effect::CopyUrl(url) => {
                    let sequence = links::osc52_copy(url.as_str());
                    match tty
                        .write_all(sequence.as_bytes())
                        .and_then(|()| tty.flush())
                    {
                        // Written is all that is known: the terminal may
                        // ignore OSC 52 or ask first.
                        Ok(()) => (
                            format!("sent to the terminal clipboard (OSC 52): {url}"),
                            false,
                        ),
                        Err(err) => (format!("could not copy: {err}"), true),
                    }
                }
            };
            update(app, Action::Notify { text, error });
        }
        effects = app.take_effects();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;

    fn app_with_url(url: &str) -> App {
        let article = Article {
            title: "Headline".into(),
            body: vec!["Body.".into()],
            url: Some(url.into()),
            links: vec![
                "https://example.com/one".into(),
                "javascript:alert(1)".into(),
            ],
            ..Default::default()
        };
        App::new(vec![article], (100, 30))
    }

    #[test]
    fn open_and_copy_report_in_the_status_line() {
        let mut app = app_with_url("https://example.com/story");
        let mut opened = Vec::new();
        let mut tty = Vec::new();
        update(&mut app, Action::OpenUrl);
        let effects = app.take_effects();
        perform_with(&mut app, effects, &mut tty, |u| {
            opened.push(u.to_string());
            Ok(())
        });
        assert_eq!(opened, ["https://example.com/story"]);
        assert_eq!(app.status(), Some("opened https://example.com/story"));

        update(&mut app, Action::CopyUrl);
        let effects = app.take_effects();
        perform_with(&mut app, effects, &mut tty, |_| {
            unreachable!("copy opens nothing")
        });
        let tty = String::from_utf8(tty).expect("utf8");
        assert!(tty.contains("\u{1b}]52;c;aHR0cHM6Ly9leGFtcGxlLmNvbS9zdG9yeQ==\u{7}"));
        assert_eq!(
            app.status(),
            Some("sent to the terminal clipboard (OSC 52): https://example.com/story")
        );
    }

    #[test]
    fn numbered_links_open_and_bad_ones_are_refused() {
        let mut app = app_with_url("https://example.com/story");
        update(&mut app, Action::Open);
        let mut opened = Vec::new();
        update(&mut app, Action::OpenLink(1));
        let effects = app.take_effects();
        perform_with(&mut app, effects, &mut Vec::new(), |u| {
            opened.push(u.to_string());
            Ok(())
        });
        assert_eq!(opened, ["https://example.com/one"]);
        update(&mut app, Action::OpenLink(2));
        assert!(
            app.effects()
                .iter()
                .all(|e| !matches!(e, Effect::OpenUrl(_)))
        );
        assert_eq!(app.status(), Some("refused: not an http(s) link"));
        assert!(app.status_is_error());
        update(&mut app, Action::OpenLink(3));
        assert_eq!(app.status(), Some("no link [3] in this article"));
    }

    #[test]
    fn an_article_without_a_url_says_so() {
        let mut app = App::new(
            vec![Article {
                title: "No URL".into(),
                ..Default::default()
            }],
            (80, 24),
        );
        update(&mut app, Action::OpenUrl);
        assert!(app.effects().is_empty());
        assert_eq!(app.status(), Some("no URL for this article"));
    }

    #[test]
    fn a_failed_save_shows_in_the_status_line() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut app = app_with_url("https://example.com/story");
        app.set_marks(
            crate::store::marks::MarkStore::open(dir.path().join("sub").join("state.json")).0,
        );
        // A file where the state's folder should be: the save must fail.
        std::fs::write(dir.path().join("sub"), "").expect("write");
        update(&mut app, Action::ToggleStar);
        let effects = app.take_effects();
        perform_with(&mut app, effects, &mut Vec::new(), |_| Ok(()));
        let status = app.status().unwrap_or_default().to_owned();
        assert!(
            status.starts_with("could not save reading state"),
            "{status}"
        );
        assert!(app.status_is_error());
    }
}
