//! The terminal side of the reader: setup, restore (on quit, error, panic and
//! SIGTERM/SIGHUP/SIGINT/SIGQUIT) and the event loop. The loop blocks on input and
//! redraws after each batch of events.

pub mod effects;
mod fetching;
pub mod links;
pub mod settings;

use std::io::{self, Stdout, Write, stdout};
use std::path::PathBuf;
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use crossterm::cursor::Show;
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

use crate::app::{Action, App, Effect, FilterFeed, map_mouse, update};
use crate::filter::FilterWorker;
use crate::library::{self, Batch, LoadEvent, Seen};
use crate::store::marks::{MarkStore, SaveJob, Saved};
use crate::term::settings::Settings;
use crate::ui::Screen;
use crate::ui::theme::Theme;

type Term = Terminal<CrosstermBackend<Stdout>>;

/// Puts the terminal back: mouse capture and bracketed paste off, main screen,
/// cursor shown, raw mode off. Safe to call more than once.
pub fn restore() {
    let _ = execute!(
        stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        Show
    );
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
        if crate::library::contain::is_contained() {
            // The loader skips the file that caused it, with a reason.
            return;
        }
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

/// Signals whose default action ends the process: each becomes a quit through
/// the event loop, so the terminal is restored (and the marks saved) on the
/// same path as a quit key.
const ENDING_SIGNALS: &[i32] = &[
    libc::SIGTERM,
    libc::SIGHUP,
    libc::SIGINT,
    libc::SIGQUIT,
    libc::SIGUSR1,
    libc::SIGUSR2,
    libc::SIGALRM,
];

/// Ending signals become a quit through the event loop; a second one (the loop
/// is stuck) restores the terminal and exits at once. SIGTSTP (Ctrl-Z) asks
/// the loop to suspend: it puts the terminal back for the shell, stops, and
/// sets the screen up again and redraws when continued (`fg`).
fn spawn_signals(tx: mpsc::Sender<Message>) -> io::Result<()> {
    let mut wanted = ENDING_SIGNALS.to_vec();
    wanted.push(libc::SIGTSTP);
    let mut signals = signal_hook::iterator::Signals::new(wanted)?;
    thread::Builder::new()
        .name("signals".to_owned())
        .spawn(move || {
            let mut ending = 0;
            for signal in signals.forever() {
                if signal == libc::SIGTSTP {
                    if tx.send(Message::Suspend).is_err() {
                        return;
                    }
                    continue;
                }
                ending += 1;
                if ending == 1 && tx.send(Message::Action(Action::Quit)).is_ok() {
                    continue;
                }
                let _drawing = lock_output_for_exit();
                restore();
                std::process::exit(1);
            }
        })?;
    Ok(())
}

/// Ctrl-Z, which the terminal sends as a key in raw mode.
fn is_suspend_key(key: &event::KeyEvent) -> bool {
    key.kind != event::KeyEventKind::Release
        && key.code == event::KeyCode::Char('z')
        && key.modifiers == event::KeyModifiers::CONTROL
}

/// Ctrl-Z: the terminal as the shell expects it (main screen, mouse and paste
/// reporting off, cooked mode), the process stopped until `fg`; then the
/// reader's screen back and redrawn in full.
fn suspend(terminal: &mut Term) -> io::Result<()> {
    restore();
    // SAFETY: raise(2) with a valid signal; SIGSTOP cannot be caught, so this
    // returns once the process is continued.
    unsafe { libc::raise(libc::SIGSTOP) };
    enable_raw_mode()?;
    execute!(
        stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )?;
    // The terminal may have changed size while stopped; resizing also clears
    // the screen and forgets the last frame, so the next one is drawn whole.
    // (`Terminal::clear` would ask the terminal where its cursor is.)
    let (columns, rows) = crossterm::terminal::size()?;
    terminal.resize(drawn_area(columns, rows))
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

/// The largest screen drawn, in columns and rows: a terminal that reports a
/// larger size (16000×16000) gets this much of it drawn, rather than frame
/// buffers of gigabytes. Larger than any real screen at a readable font.
pub const MAX_COLUMNS: u16 = 1000;
pub const MAX_ROWS: u16 = 500;

/// The part of a `columns` × `rows` terminal that is drawn.
pub fn drawn_area(columns: u16, rows: u16) -> Rect {
    Rect::new(0, 0, columns.min(MAX_COLUMNS), rows.min(MAX_ROWS))
}

fn init() -> io::Result<(Term, Guard)> {
    install_panic_hook();
    enable_raw_mode()?;
    let guard = Guard;
    // Bracketed paste: the terminal marks pasted text, which then arrives as
    // one paste event, never parsed as keys (a pasted `ESC [ <0;12` would
    // otherwise swallow every key after it, Ctrl-C included).
    execute!(
        stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )?;
    // A fixed viewport, resized by the loop to the clamped size (ratatui would
    // size a full-screen one to whatever the terminal reports).
    let (columns, rows) = crossterm::terminal::size()?;
    let terminal = Terminal::with_options(
        CrosstermBackend::new(stdout()),
        TerminalOptions {
            viewport: Viewport::Fixed(drawn_area(columns, rows)),
        },
    )?;
    Ok((terminal, guard))
}

/// What the event loop waits for: terminal input, or news from other threads
/// (the loader, the filter worker, signals).
enum Message {
    Input(Event),
    Action(Action),
    /// Articles from the loader with their content keys. Consecutive batches are
    /// applied as one before the next frame.
    Batch(Batch),
    /// The loader finished; these paths could not be read.
    Loaded(Vec<library::Problem>),
    /// The saver thread finished a save of the marks.
    Saved(io::Result<Saved>),
    /// SIGTSTP (Ctrl-Z): suspend until continued.
    Suspend,
}

/// Saves the marks on a thread of its own, so the loop never waits for the
/// disk (a state file of a million marks takes a second or more to merge and
/// write). One save runs at a time; changes made meanwhile go in the next,
/// which starts when it ends: saves coalesce under a burst of toggles without
/// a timer. On exit the loop waits for the running save, then saves what is
/// left itself ([`Saver::finish`]).
struct Saver {
    jobs: Option<mpsc::Sender<SaveJob>>,
    thread: Option<thread::JoinHandle<()>>,
    /// A job was sent and its outcome has not come back.
    running: bool,
}

impl Saver {
    fn spawn(tx: mpsc::Sender<Message>) -> Saver {
        let (jobs, todo) = mpsc::channel::<SaveJob>();
        let thread = thread::Builder::new()
            .name("saver".to_owned())
            .spawn(move || {
                for job in todo {
                    if tx.send(Message::Saved(job.run())).is_err() {
                        return;
                    }
                }
            })
            .ok();
        // Without a thread, nothing is sent and the final save does it all.
        Saver {
            jobs: thread.as_ref().map(|_| jobs),
            thread,
            running: false,
        }
    }

    /// Starts saving the store's changes, unless a save is running (its end
    /// starts the next).
    fn request(&mut self, store: &MarkStore) {
        if self.running {
            return;
        }
        if let (Some(jobs), Some(job)) = (&self.jobs, store.begin_save()) {
            self.running = jobs.send(job).is_ok();
        }
    }

    /// Takes in a finished save and starts the next if marks changed meanwhile;
    /// returns what the status line should say, if anything.
    fn finished(&mut self, store: &mut MarkStore, outcome: io::Result<Saved>) -> Option<String> {
        self.running = false;
        let result = store.finish_save(outcome);
        let news = match result {
            Err(err) => Some(format!("could not save reading state: {err}")),
            Ok(()) => store.take_warning().map(|w| w.to_string()),
        };
        // After a failure too: a lock held elsewhere may be free now; the
        // changes are still pending.
        if store.is_dirty() && news.is_none() {
            self.request(store);
        }
        news
    }

    /// Waits for the running save and stops the thread; the caller then saves
    /// the changes left (a save whose outcome was not taken in is applied
    /// again, which changes nothing).
    fn finish(mut self) {
        drop(self.jobs.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
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
    let size = terminal.get_frame().area();
    let mut app = App::new(Vec::new(), (size.width, size.height));
    let fetcher = fetching::Fetcher::new(
        settings.library.clone(),
        settings.config.feeds.clone(),
        tx.clone(),
    );
    let fetch_on_start = settings.fetch_on_start;
    let problems = settings.library.as_deref().and_then(fetching::problems_at);
    let theme = settings.apply(&mut app);
    // Back where this library was left (kept with the marks).
    let library = crate::store::marks::library_id(paths);
    if let Some(place) = app.marks().place(&library) {
        app.return_to(&place);
    }
    update(&mut app, Action::Status(Some("loading…".to_owned())));
    if let Some(problems) = problems {
        update(&mut app, Action::FeedProblems(problems));
    }

    let mut feed = Workers {
        filter: FilterFeed::new(spawn_filter(tx.clone())),
        saver: Saver::spawn(tx.clone()),
        fetcher,
    };
    if fetch_on_start {
        update(&mut app, Action::FetchFeeds);
    }
    spawn_input(tx.clone());
    spawn_loader(paths.to_vec(), tx);
    let result = event_loop(&mut terminal, &mut app, &theme, &rx, &mut feed);
    drop(terminal);
    drop(guard);
    // Leaving is cheap to undo: the next start on this library comes back here.
    // (Not when it never got back to last time's article: that place stands.)
    if !app.articles().is_empty() && !app.is_returning() {
        let place = app.place();
        app.marks_mut().set_place(&library, place);
    }
    // The terminal is back; now wait for the disk, take in the save that was
    // running (so what it wrote is not written again), then save what is left.
    feed.saver.finish();
    while let Ok(message) = rx.try_recv() {
        if let Message::Saved(outcome) = message {
            let _ = app.marks_mut().finish_save(outcome);
        }
    }
    // Written, not `eprintln!`ed: with the terminal closed under the app a
    // print fails, and must not panic on the way out.
    let mut stderr = io::stderr();
    if let Err(err) = app.marks_mut().save_if_dirty() {
        let _ = writeln!(stderr, "newsreader: could not save reading state: {err}");
    }
    let (problems, empty) = result?;
    for problem in &problems {
        let _ = writeln!(stderr, "newsreader: {problem}");
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
/// order ([`crate::filter::worker::PRESORTED`]); the rest are ordered only if the
/// list is scrolled that far, so no keystroke pays for sorting every match.
fn spawn_filter(tx: mpsc::Sender<Message>) -> FilterWorker {
    FilterWorker::spawn(move |response| {
        tx.send(Message::Action(Action::FilterResults {
            query: response.query,
            options: response.options,
            matches: response.ranked,
        }))
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
            let mut seen = Seen::default();
            for event in library::spawn_loader(paths) {
                match event {
                    LoadEvent::Batch(articles) => {
                        let (batch, copies) = seen.split_copies(Batch::new(articles));
                        if !batch.is_empty() && tx.send(Message::Batch(batch)).is_err() {
                            return;
                        }
                        if !copies.is_empty()
                            && tx.send(Message::Action(Action::Copies(copies))).is_err()
                        {
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
                [first, rest @ ..] => Some(format!(
                    "skipped {} files: {first}, …",
                    crate::app::count::thousands(rest.len() + 1)
                )),
            };
            let _ = tx.send(Message::Action(Action::Status(status)));
            let _ = tx.send(Message::Loaded(problems));
        });
    if let Err(err) = spawned {
        panic!("cannot start the loader thread: {err}");
    }
}

/// The status line while loading: "loading 41,203 of 100,000".
pub fn progress_text(done: usize, total: usize) -> String {
    format!("loading {}", crate::app::count::of(done, total))
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
    theme: &Theme,
    rx: &mpsc::Receiver<Message>,
    feed: &mut Workers,
) -> io::Result<(Vec<library::Problem>, bool)> {
    let mut problems = Vec::new();
    let debug_panic = debug_panic_requested("1");
    let mut expiry = Expiry::default();
    loop {
        {
            let _drawing = lock_output();
            terminal.draw(|frame| frame.render_widget(Screen::new(app, theme), frame.area()))?;
        }
        if debug_panic {
            panic!("{DEBUG_PANIC_ENV} is set: panicking after the first frame");
        }
        let Some(mut message) = expiry.receive(app, rx) else {
            return Ok((problems, false));
        };
        // Batches waiting to be applied together.
        let mut pending: Option<Batch> = None;
        // The newest size of a burst of resizes: one layout for all of them.
        let mut resized: Option<(u16, u16)> = None;
        loop {
            let exit = match message {
                Message::Batch(batch) => {
                    match &mut pending {
                        Some(all) => all.append(batch),
                        None => pending = Some(batch),
                    }
                    None
                }
                Message::Input(Event::Resize(columns, rows)) => {
                    resized = Some((columns, rows));
                    None
                }
                other => {
                    flush_batches(app, &mut pending, terminal, feed);
                    apply_resize(app, terminal, &mut resized)?;
                    // Raw mode turns Ctrl-Z into a key rather than SIGTSTP.
                    let other = match other {
                        Message::Input(Event::Key(key)) if is_suspend_key(&key) => Message::Suspend,
                        other => other,
                    };
                    if let Message::Suspend = other {
                        let _drawing = lock_output();
                        suspend(terminal)?;
                        if let Ok(size) = terminal.size() {
                            let area = drawn_area(size.width, size.height);
                            update(app, Action::Resize(area.width, area.height));
                        }
                        None
                    } else if let Message::Saved(outcome) = other {
                        if let Some(text) = feed.saver.finished(app.marks_mut(), outcome) {
                            update(app, Action::Notify { text, error: true });
                        }
                        None
                    } else {
                        handle(app, other, &mut problems)
                    }
                }
            };
            perform(app, terminal, feed);
            match exit {
                Some(Exit::Empty) => return Ok((problems, true)),
                Some(Exit::Quit) => return Ok((problems, false)),
                None if app.should_quit() => return Ok((problems, false)),
                None => {}
            }
            match rx.try_recv() {
                Ok(next) => message = next,
                Err(_) => break,
            }
        }
        flush_batches(app, &mut pending, terminal, feed);
        apply_resize(app, terminal, &mut resized)?;
    }
}

/// How long a confirmation or error stays in the status line without a key.
pub const NOTICE_LIFETIME: Duration = Duration::from_secs(4);

/// The status line's timer: it runs only while a confirmation is shown, so an
/// idle reader without one blocks on its channel and does no work at all.
#[derive(Default)]
struct Expiry {
    /// The notice being timed and when it goes.
    due: Option<(u64, Instant)>,
}

impl Expiry {
    /// The next message: from `rx`, or [`Action::ExpireStatus`] when the shown
    /// notice's time is up first. `None` when every sender is gone.
    fn receive(&mut self, app: &App, rx: &mpsc::Receiver<Message>) -> Option<Message> {
        let Some(notice) = app.notice() else {
            self.due = None;
            return rx.recv().ok();
        };
        let now = Instant::now();
        let at = match self.due {
            Some((timed, at)) if timed == notice => at,
            _ => now + NOTICE_LIFETIME,
        };
        self.due = Some((notice, at));
        match rx.recv_timeout(at.saturating_duration_since(now)) {
            Ok(message) => Some(message),
            Err(mpsc::RecvTimeoutError::Timeout) => {
                Some(Message::Action(Action::ExpireStatus(notice)))
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => None,
        }
    }
}

/// Applies the last of a burst of resizes, clamped ([`drawn_area`]).
fn apply_resize(
    app: &mut App,
    terminal: &mut Term,
    resized: &mut Option<(u16, u16)>,
) -> io::Result<()> {
    if let Some((columns, rows)) = resized.take() {
        let area = drawn_area(columns, rows);
        terminal.resize(area)?;
        update(app, Action::Resize(area.width, area.height));
    }
    Ok(())
}

/// Applies the batches gathered so far as one.
fn flush_batches(
    app: &mut App,
    pending: &mut Option<Batch>,
    terminal: &mut Term,
    feed: &mut Workers,
) {
    if let Some(batch) = pending.take() {
        update(app, Action::ArticlesLoaded(batch));
        perform(app, terminal, feed);
    }
}

/// What the loop feeds besides the app: the filter, and the saver that
/// writes the marks off the loop.
struct Workers {
    filter: FilterFeed,
    saver: Saver,
    fetcher: fetching::Fetcher,
}

/// Applies one message that is not a batch.
fn handle(app: &mut App, message: Message, problems: &mut Vec<library::Problem>) -> Option<Exit> {
    match message {
        Message::Input(event) => {
            if let Some(action) = map_event(app, event) {
                update(app, action);
            }
        }
        Message::Action(action) => update(app, action),
        Message::Batch(batch) => update(app, Action::ArticlesLoaded(batch)),
        // Taken in by the loop, which owns the saver and the terminal.
        Message::Saved(_) | Message::Suspend => {}
        Message::Loaded(found) => {
            *problems = found;
            if app.articles().is_empty() {
                return Some(Exit::Empty);
            }
        }
    }
    if app.should_quit() {
        Some(Exit::Quit)
    } else {
        None
    }
}

/// Sends the filter its new articles and queries, then performs the other effects.
fn perform(app: &mut App, terminal: &mut Term, feed: &mut Workers) {
    feed.filter.perform(app);
    let mut effects = app.take_effects();
    // The workers take these, once however often they were asked for.
    if effects.contains(&Effect::FetchFeeds) {
        feed.fetcher.start();
    }
    if effects.contains(&Effect::SaveState) {
        feed.saver.request(app.marks());
    }
    effects.retain(|e| !matches!(e, Effect::FetchFeeds | Effect::SaveState));
    crate::term::effects::perform(app, effects, terminal.backend_mut());
}

/// The action for one terminal event.
pub fn map_event(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) => app.keymap().map_key(app.mode(), key),
        Event::Mouse(mouse) => map_mouse(mouse),
        Event::Resize(columns, rows) => {
            let area = drawn_area(columns, rows);
            Some(Action::Resize(area.width, area.height))
        }
        Event::Paste(text) => Some(Action::FilterPaste(text)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_counts_like_the_rest_of_the_reader() {
        assert_eq!(progress_text(41_203, 100_000), "loading 41,203 of 100,000");
    }
}
