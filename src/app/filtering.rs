//! The filter's side of the reader: what the filter must know (every article,
//! in library order; bodies once full text is first used) and what it is asked
//! (the [`Effect::Filter`]s `update` queues). One [`FilterFeed`] serves the
//! reader's loop, with the filter on its own thread, and the tests, with the
//! same filter answering inline ([`Harness`]): the code path is the same.

use super::action::Action;
use super::effect::Effect;
use super::state::App;
use super::update::update;
use crate::article::Article;
use crate::filter::FilterWorker;
use crate::filter::index::body_text;

/// A filter and how far it has been fed.
pub struct FilterFeed {
    worker: FilterWorker,
    /// How many of the app's articles the filter has (a prefix: articles are
    /// only ever appended).
    indexed: usize,
    /// Whether bodies are sent too: from the first use of full-text mode on.
    bodies: bool,
}

impl FilterFeed {
    pub fn new(worker: FilterWorker) -> Self {
        FilterFeed {
            worker,
            indexed: 0,
            bodies: false,
        }
    }

    pub fn worker(&self) -> &FilterWorker {
        &self.worker
    }

    /// Sends the filter the articles it has not seen, then the queries
    /// `update` queued (taking them out of `app.effects`; the other effects
    /// stay for the I/O executor).
    pub fn perform(&mut self, app: &mut App) {
        if app.effects.contains(&Effect::Reindex) {
            app.effects.retain(|e| *e != Effect::Reindex);
            // Indexed again from the start below, then asked again.
            self.worker.reset();
            self.indexed = 0;
            self.bodies = false;
            let query = app.query().to_owned();
            if !query.trim().is_empty()
                && !app
                    .effects
                    .iter()
                    .any(|e| matches!(e, Effect::Filter { .. }))
            {
                app.effects.push(Effect::Filter {
                    query,
                    options: app.query_options(),
                });
            }
        }
        if app.full_text && !self.bodies {
            // Bodies are most of a library's memory: the filter gets them only
            // once full text is first asked for (a one-time copy), then per batch.
            self.worker.add_bodies(
                app.articles()[..self.indexed]
                    .iter()
                    .map(body_text)
                    .collect(),
            );
            self.bodies = true;
        }
        if app.articles().len() > self.indexed {
            let new: &[Article] = &app.articles()[self.indexed..];
            self.worker.extend_articles(new);
            if self.bodies {
                self.worker.add_bodies(new.iter().map(body_text).collect());
            }
            self.indexed = app.articles().len();
        }
        for effect in &app.effects {
            if let Effect::Filter { query, options } = effect {
                if query.trim().is_empty() {
                    self.worker.idle();
                } else {
                    self.worker.query_with(query.clone(), *options);
                }
            }
        }
        app.effects.retain(|e| !matches!(e, Effect::Filter { .. }));
    }
}

/// An app driven as the reader drives it, with the filter answering inline:
/// every action goes through [`update`], the filter effects through
/// [`FilterFeed`], and the filter's answers back through `update`, before
/// [`apply`](Harness::apply) returns. The other effects stay queued in
/// `app.effects`, for the caller to look at.
pub struct Harness {
    pub app: App,
    feed: FilterFeed,
}

impl Harness {
    pub fn new(app: App) -> Self {
        let mut harness = Harness {
            app,
            feed: FilterFeed::new(FilterWorker::inline()),
        };
        harness.settle();
        harness
    }

    /// Applies `action` and everything it leads to.
    pub fn apply(&mut self, action: Action) {
        update(&mut self.app, action);
        self.settle();
    }

    /// Performs the filter effects and applies the answers until none is due.
    fn settle(&mut self) {
        loop {
            self.feed.perform(&mut self.app);
            let answers = self.feed.worker().take_answers();
            if answers.is_empty() {
                return;
            }
            for answer in answers {
                update(
                    &mut self.app,
                    Action::FilterResults {
                        query: answer.query,
                        options: answer.options,
                        matches: answer.ranked,
                    },
                );
            }
        }
    }
}

/// A harness reads like the app it drives (`harness.selected`,
/// `harness.matches`); changes go through [`Harness::apply`].
impl std::ops::Deref for Harness {
    type Target = App;

    fn deref(&self) -> &App {
        &self.app
    }
}

impl std::ops::DerefMut for Harness {
    fn deref_mut(&mut self) -> &mut App {
        &mut self.app
    }
}
