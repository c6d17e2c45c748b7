//! The terminal side of the reader: setup, restore (on quit, error and panic) and
//! the event loop. The loop blocks on input and redraws after each batch of events.

use std::io::{self, Stdout, stdout};
use std::path::PathBuf;
use std::time::Duration;

use crossterm::cursor::Show;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::app::{Action, App, map_key, map_mouse, update};
use crate::library;
use crate::ui::theme::Theme;

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

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

fn init() -> io::Result<(Term, Guard)> {
    install_panic_hook();
    enable_raw_mode()?;
    let guard = Guard;
    execute!(stdout(), EnterAlternateScreen, EnableMouseCapture)?;
    let terminal = Terminal::new(CrosstermBackend::new(stdout()))?;
    Ok((terminal, guard))
}

/// Opens the reader over `paths` (the bundled articles when empty). Files that
/// cannot be read are reported in the status line and, after the reader closes,
/// on stderr.
pub fn run(paths: &[PathBuf]) -> io::Result<()> {
    let (mut terminal, guard) = init()?;
    let size = terminal.size()?;
    let mut app = App::new(Vec::new(), (size.width, size.height));
    app.theme = Theme::from_env();
    update(&mut app, Action::Status(Some("loading…".to_owned())));
    terminal.draw(|frame| frame.render_widget(&app, frame.area()))?;

    // Loading is synchronous for now; a streaming loader would send several
    // ArticlesLoaded and Status actions from a thread instead.
    let (articles, problems) = library::load_paths(paths);
    update(&mut app, Action::ArticlesLoaded(articles));
    let status = match problems.as_slice() {
        [] => None,
        [one] => Some(format!("skipped {one}")),
        [first, rest @ ..] => Some(format!("skipped {} files: {first}, …", rest.len() + 1)),
    };
    update(&mut app, Action::Status(status));

    let result = if app.articles.is_empty() {
        Ok(())
    } else {
        event_loop(&mut terminal, &mut app)
    };
    drop(terminal);
    drop(guard);
    for problem in &problems {
        eprintln!("newsreader: {problem}");
    }
    if app.articles.is_empty() {
        return Err(io::Error::other("no articles to read"));
    }
    result
}

/// Draw, wait for an event, apply it (and any others already queued), repeat.
fn event_loop(terminal: &mut Term, app: &mut App) -> io::Result<()> {
    loop {
        terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
        let mut event = event::read()?;
        loop {
            if let Some(action) = map_event(app, event) {
                update(app, action);
            }
            if app.should_quit {
                return Ok(());
            }
            if !event::poll(Duration::ZERO)? {
                break;
            }
            event = event::read()?;
        }
    }
}

/// The action for one terminal event.
pub fn map_event(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) => map_key(app.mode(), key),
        Event::Mouse(mouse) => map_mouse(mouse),
        Event::Resize(columns, rows) => Some(Action::Resize(columns, rows)),
        _ => None,
    }
}
