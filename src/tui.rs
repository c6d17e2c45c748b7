//! The terminal side of the reader: setup, restore (on quit, error, panic and
//! SIGTERM/SIGHUP/SIGINT/SIGQUIT) and the event loop. The loop blocks on input and
//! redraws after each batch of events.

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

use crate::app::{Action, App, map_mouse, update};
use crate::library;
use crate::startup::Settings;

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

/// What the event loop waits for: terminal input, or actions from other threads
/// (the loader today; a filter worker later).
enum Message {
    Input(Event),
    Action(Action),
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
    settings.apply(&mut app);
    update(&mut app, Action::Status(Some("loading…".to_owned())));

    spawn_input(tx.clone());
    spawn_loader(paths.to_vec(), tx);
    let result = event_loop(&mut terminal, &mut app, &rx);
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

/// Loads the library and sends it as actions. One batch today; a streaming loader
/// would send an `ArticlesLoaded` per batch with a progress `Status` between.
fn spawn_loader(paths: Vec<PathBuf>, tx: mpsc::Sender<Message>) {
    thread::spawn(move || {
        if debug_panic_requested("loader") {
            panic!("{DEBUG_PANIC_ENV}=loader is set: the loader panics");
        }
        let (articles, problems) = library::load_paths(&paths);
        let status = match problems.as_slice() {
            [] => None,
            [one] => Some(format!("skipped {one}")),
            [first, rest @ ..] => Some(format!("skipped {} files: {first}, …", rest.len() + 1)),
        };
        let _ = tx.send(Message::Action(Action::ArticlesLoaded(articles)));
        let _ = tx.send(Message::Action(Action::Status(status)));
        let _ = tx.send(Message::Loaded(problems));
    });
}

/// Draw, wait for a message, apply it (and any others already queued), repeat.
/// Returns the loader's problems and whether the library ended up empty.
fn event_loop(
    terminal: &mut Term,
    app: &mut App,
    rx: &mpsc::Receiver<Message>,
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
        loop {
            match message {
                Message::Input(event) => {
                    if let Some(action) = map_event(app, event) {
                        update(app, action);
                    }
                }
                Message::Action(action) => update(app, action),
                Message::Loaded(found) => {
                    problems = found;
                    if app.articles.is_empty() {
                        return Ok((problems, true));
                    }
                }
            }
            crate::effects::perform(app, terminal.backend_mut());
            if app.should_quit {
                return Ok((problems, false));
            }
            match rx.try_recv() {
                Ok(next) => message = next,
                Err(_) => break,
            }
        }
    }
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
