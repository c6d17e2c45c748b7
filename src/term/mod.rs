//! The terminal side of the reader: setup, restore (on quit, error, panic and
//! SIGTERM/SIGHUP/SIGINT/SIGQUIT) and the event loop. The loop blocks on input and
//! redraws after each batch of events.

pub mod effects;
pub mod links;
pub mod settings;

use std::io::{self, Stdout, stdout};
use std::path::PathBuf;
use std::sync::mpsc;
use std::thread;

use crossterm::cursor::Show;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::app::{Action, App, Effect, map_mouse, update};
use crate::article::Article;
use crate::filter::{self, FilterWorker, Ranked};
use crate::library::{self, LoadEvent};
use crate::store::marks::ArticleKey;
use crate::term::settings::Settings;

type Term = Terminal<CrosstermBackend<Stdout>>;

/// Puts the terminal back: mouse capture off, main screen, cursor shown, raw mode off.
/// Safe to call more than once.
pub fn restore() {
    let _ = execute!(stdout(), DisableMouseCapture, LeaveAlternateScreen, Show);
    let _ = disable_raw_mode();
}

/// Restores the terminal when dropped, so every way out of [`run`] restores it.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// A panic anywhere restores the terminal before the message is printed. A panic on
/// the main thread then unwinds out of [`run`] (the [`Guard`] restores again,
/// harmlessly); a panic on another thread (input, loader) ends the process, since
/// the reader cannot go on drawing on a terminal that has been put back.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if thread::current().name() == Some("main") {
            restore();
            previous(info);
        } else {
            // Wait for a frame being drawn to finish, and let no other start.
            let _drawing = lock_output_for_exit();
            restore();
            previous(info);
            std::process::exit(101);
        }
    }));
}

/// Held by the event loop while it draws, and taken for good by a thread that
/// restores the terminal and ends the process, so no frame is drawn after.
static OUTPUT: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn lock_output() -> std::sync::MutexGuard<'static, ()> {
    OUTPUT
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// [`lock_output`] for the threads that end the process: waits for a frame being
/// drawn to finish, but not for a draw that is stuck (a terminal that stopped
/// reading), so restoring and exiting always happen.
fn lock_output_for_exit() -> Option<std::sync::MutexGuard<'static, ()>> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_millis(500);
    loop {
        match OUTPUT.try_lock() {
            Ok(guard) => return Some(guard),
            Err(std::sync::TryLockError::Poisoned(poisoned)) => return Some(poisoned.into_inner()),
            Err(std::sync::TryLockError::WouldBlock) if std::time::Instant::now() < deadline => {
                thread::sleep(std::time::Duration::from_millis(5));
            }
            Err(std::sync::TryLockError::WouldBlock) => return None,
        }
    }
}

/// Termination signals become a quit through the event loop, so the terminal is
/// restored on the same path as a quit key. A second signal (the loop is stuck)
/// restores the terminal and exits at once.
fn spawn_signals(tx: mpsc::Sender<Message>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
    thread::Builder::new()
        .name("signals".to_owned())
        .spawn(move || {
            let mut pending = signals.forever();
            let delivered =
                pending.next().is_some() && tx.send(Message::Action(Action::Quit)).is_ok();
            if delivered && pending.next().is_none() {
                return;
            }
            let _drawing = lock_output_for_exit();
            restore();
            std::process::exit(1);
        })?;
    Ok(())
}

/// Test-only hook: with `NEWSREADER_DEBUG_PANIC_AFTER_START=1` in the environment the
/// event loop panics after drawing its first frame (`=loader`: the loader thread
/// panics instead), so the pty tests (tests/safety_exit.rs) can check that a panic
/// restores the terminal. Harmless in normal use: nobody sets it, and it only ends
/// the process the way a bug would.
const DEBUG_PANIC_ENV: &str = "NEWSREADER_DEBUG_PANIC_AFTER_START";

fn debug_panic_requested(place: &str) -> bool {
    std::env::var_os(DEBUG_PANIC_ENV).is_some_and(|v| v == place)
}

fn init() -> io::Result<(Term, Guard)> {
    install_panic_hook();
    enable_raw_mode()?;
    let guard = Guard;
    execute!(stdout(), EnterAlternateScreen, EnableMouseCapture)?;
    let terminal = Terminal::new(CrosstermBackend::new(stdout()))?;
    Ok((terminal, guard))
}

/// What the event loop waits for: terminal input, or news from other threads
/// (the loader, the filter worker, signals).
enum Message {
    Input(Event),
    Action(Action),
    /// Articles from the loader with their content keys. Consecutive batches are
    /// applied as one before the next frame.
    Batch {
        articles: Vec<Article>,
        keys: Vec<ArticleKey>,
    },
    /// The filter worker's answer.
    Filtered {
        generation: u64,
        query: String,
        ranked: Ranked,
    },
    /// The loader finished; these paths could not be read.
    Loaded(Vec<library::Problem>),
}

/// Opens the reader over `paths` (the bundled articles when empty). Articles load
/// on a thread while the reader is already up; files that cannot be read are
/// reported in the status line and, after the reader closes, on stderr.
pub fn run(paths: &[PathBuf], settings: Settings) -> io::Result<()> {
    // Signals first: one that arrives while the terminal is being set up is a
    // quit on the loop's first turn, not a kill that leaves raw mode behind.
    let (tx, rx) = mpsc::channel();
    spawn_signals(tx.clone())?;
    let (mut terminal, guard) = init()?;
    let size = terminal.size()?;
    let mut app = App::new(Vec::new(), (size.width, size.height));
    app.background_filter = true;
    settings.apply(&mut app);
    update(&mut app, Action::Status(Some("loading…".to_owned())));

    let mut feed = FilterFeed {
        worker: spawn_filter(tx.clone()),
        bodies: false,
    };
    spawn_input(tx.clone());
    spawn_loader(paths.to_vec(), tx);
    let result = event_loop(&mut terminal, &mut app, &rx, &mut feed);
    drop(terminal);
    drop(guard);
    if let Err(err) = app.store.save_if_dirty() {
        eprintln!("newsreader: could not save reading state: {err}");
    }
    let (problems, empty) = result?;
    for problem in &problems {
        eprintln!("newsreader: {problem}");
    }
    if empty {
        return Err(io::Error::other("no articles to read"));
    }
    Ok(())
}

/// Forwards terminal events to the loop. Blocks in `event::read`: no polling tick.
fn spawn_input(tx: mpsc::Sender<Message>) {
    thread::spawn(move || {
        while let Ok(event) = event::read() {
            if tx.send(Message::Input(event)).is_err() {
                break;
            }
        }
    });
}

/// Starts the filter thread. Its answers come with the best matches in
/// order ([`filter::worker::PRESORTED`]); the rest are ordered only if the
/// list is scrolled that far, so no keystroke pays for sorting every match.
fn spawn_filter(tx: mpsc::Sender<Message>) -> FilterWorker {
    FilterWorker::spawn(move |response| {
        tx.send(Message::Filtered {
            generation: response.generation,
            query: response.query,
            ranked: response.ranked,
        })
        .is_ok()
    })
}

/// Streams the library into the loop: each batch with its content keys
/// (hashed here, not on the UI thread), progress as a status line, and the
/// problems at the end. The loop, not the loader, passes each batch on to the
/// filter worker (see [`FilterFeed`]).
fn spawn_loader(paths: Vec<PathBuf>, tx: mpsc::Sender<Message>) {
    let spawned = thread::Builder::new()
        .name("loader".to_owned())
        .spawn(move || {
            if debug_panic_requested("loader") {
                panic!("{DEBUG_PANIC_ENV}=loader is set: the loader panics");
            }
            let mut problems = Vec::new();
            for event in library::spawn_loader(paths) {
                match event {
                    LoadEvent::Batch(articles) => {
                        let keys = keys_of(&articles);
                        if tx.send(Message::Batch { articles, keys }).is_err() {
                            return;
                        }
                    }
                    LoadEvent::Progress { done, total } => {
                        let status = progress_text(done, total);
                        if tx
                            .send(Message::Action(Action::Status(Some(status))))
                            .is_err()
                        {
                            return;
                        }
                    }
                    LoadEvent::Problem(problem) => problems.push(problem),
                    LoadEvent::Done => break,
                }
            }
            let status = match problems.as_slice() {
                [] => None,
                [one] => Some(format!("skipped {one}")),
                [first, rest @ ..] => Some(format!("skipped {} files: {first}, …", rest.len() + 1)),
            };
            let _ = tx.send(Message::Action(Action::Status(status)));
            let _ = tx.send(Message::Loaded(problems));
        });
    if let Err(err) = spawned {
        panic!("cannot start the loader thread: {err}");
    }
}

/// The status line while loading: "loading 41,203 / 100,000".
pub fn progress_text(done: usize, total: usize) -> String {
    format!("loading {} / {}", thousands(done), thousands(total))
}

/// `n` with a comma between groups of three digits.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Content keys of `articles`, hashed on two threads for large batches.
fn keys_of(articles: &[Article]) -> Vec<ArticleKey> {
    if articles.len() < 2_048 {
        return articles.iter().map(ArticleKey::of).collect();
    }
    let (first, second) = articles.split_at(articles.len() / 2);
    thread::scope(|scope| {
        let other = scope.spawn(|| second.iter().map(ArticleKey::of).collect::<Vec<_>>());
        let mut keys: Vec<ArticleKey> = first.iter().map(ArticleKey::of).collect();
        match other.join() {
            Ok(rest) => keys.extend(rest),
            Err(panic) => std::panic::resume_unwind(panic),
        }
        keys
    })
}

/// Why the loop stopped.
enum Exit {
    Quit,
    /// The loader finished with nothing to read.
    Empty,
}

/// Draw, wait for a message, apply it (and all others already queued: a flood
/// of loader batches costs one frame, not one each), repeat. Returns the
/// loader's problems and whether the library ended up empty.
fn event_loop(
    terminal: &mut Term,
    app: &mut App,
    rx: &mpsc::Receiver<Message>,
    feed: &mut FilterFeed,
) -> io::Result<(Vec<library::Problem>, bool)> {
    let mut problems = Vec::new();
    let debug_panic = debug_panic_requested("1");
    loop {
        {
            let _drawing = lock_output();
            terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
        }
        if debug_panic {
            panic!("{DEBUG_PANIC_ENV} is set: panicking after the first frame");
        }
        let Ok(mut message) = rx.recv() else {
            return Ok((problems, false));
        };
        // Batches waiting to be applied together.
        let mut pending: Option<(Vec<Article>, Vec<ArticleKey>)> = None;
        loop {
            let exit = match message {
                Message::Batch { articles, keys } => {
                    match &mut pending {
                        Some((all, all_keys)) => {
                            all.extend(articles);
                            all_keys.extend(keys);
                        }
                        None => pending = Some((articles, keys)),
                    }
                    None
                }
                other => {
                    flush_batches(app, &mut pending, terminal, feed);
                    handle(app, other, &mut problems, &feed.worker)
                }
            };
            perform(app, terminal, feed);
            match exit {
                Some(Exit::Empty) => return Ok((problems, true)),
                Some(Exit::Quit) => return Ok((problems, false)),
                None if app.should_quit => return Ok((problems, false)),
                None => {}
            }
            match rx.try_recv() {
                Ok(next) => message = next,
                Err(_) => break,
            }
        }
        flush_batches(app, &mut pending, terminal, feed);
    }
}

/// Applies the batches gathered so far as one.
fn flush_batches(
    app: &mut App,
    pending: &mut Option<(Vec<Article>, Vec<ArticleKey>)>,
    terminal: &mut Term,
    feed: &mut FilterFeed,
) {
    if let Some((articles, keys)) = pending.take() {
        // The worker learns of the articles before the app does; its answers
        // come through the channel, so they are applied after this batch.
        feed.extend(&articles);
        update(app, Action::ArticlesKeyed { articles, keys });
        perform(app, terminal, feed);
    }
}

/// The filter worker and what it has been sent. Only the loop feeds it, so
/// headlines and bodies reach it in library order, in step with the app.
struct FilterFeed {
    worker: FilterWorker,
    /// Whether bodies are sent too: from the first use of full-text mode on.
    bodies: bool,
}

impl FilterFeed {
    fn extend(&self, articles: &[Article]) {
        self.worker.extend_articles(articles);
        if self.bodies {
            self.worker
                .add_bodies(articles.iter().map(filter::index::body_text).collect());
        }
    }
}

/// Applies one message that is not a batch.
fn handle(
    app: &mut App,
    message: Message,
    problems: &mut Vec<library::Problem>,
    worker: &FilterWorker,
) -> Option<Exit> {
    match message {
        Message::Input(event) => {
            if let Some(action) = map_event(app, event) {
                update(app, action);
            }
        }
        Message::Action(action) => update(app, action),
        Message::Batch { articles, keys } => update(app, Action::ArticlesKeyed { articles, keys }),
        Message::Filtered {
            generation,
            query,
            ranked,
        } => {
            // An answer to a query that has been replaced (or cancelled).
            if generation >= worker.latest_generation() {
                update(
                    app,
                    Action::FilterResults {
                        query,
                        matches: ranked,
                    },
                );
            }
        }
        Message::Loaded(found) => {
            *problems = found;
            if app.articles.is_empty() {
                return Some(Exit::Empty);
            }
        }
    }
    if app.should_quit {
        Some(Exit::Quit)
    } else {
        None
    }
}

/// Sends queued filter requests to the worker, then performs the other effects.
fn perform(app: &mut App, terminal: &mut Term, feed: &mut FilterFeed) {
    if app.full_text && !feed.bodies {
        // Bodies are most of a library's memory: the worker gets them only
        // once full text is first asked for (a one-time copy), then per batch.
        feed.worker
            .add_bodies(app.articles.iter().map(filter::index::body_text).collect());
        feed.bodies = true;
    }
    let worker = &feed.worker;
    for effect in &app.effects {
        if let Effect::Filter(query) = effect {
            if query.trim().is_empty() {
                worker.idle();
            } else {
                worker.query_with(query.clone(), app.query_options());
            }
        }
    }
    app.effects.retain(|e| !matches!(e, Effect::Filter(_)));
    crate::term::effects::perform(app, terminal.backend_mut());
}

/// The action for one terminal event.
pub fn map_event(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) => app.keymap.map_key(app.mode(), key),
        Event::Mouse(mouse) => map_mouse(mouse),
        Event::Resize(columns, rows) => Some(Action::Resize(columns, rows)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_uses_thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(41_203), "41,203");
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert_eq!(progress_text(41_203, 100_000), "loading 41,203 / 100,000");
    }

    #[test]
    fn keys_are_hashed_in_order_on_two_threads() {
        let articles = crate::corpus::short_articles(3_000, 1);
        let keys = keys_of(&articles);
        let expected: Vec<ArticleKey> = articles.iter().map(ArticleKey::of).collect();
        assert_eq!(keys, expected);
    }
}
