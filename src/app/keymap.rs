//! Keys to actions, through one table (so a config file can remap them later).
//!
//! Letters are never commands while browsing: any printable character types into
//! the filter. Commands are arrows, Enter, Tab, Esc, function keys and Ctrl- keys.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind};

use super::action::Action;
use super::state::Mode;

/// One key binding: in any of `modes`, `code` with exactly `modifiers` does `action`.
#[derive(Debug)]
pub struct Binding {
    pub modes: &'static [Mode],
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
    pub action: Action,
}

const ALL: &[Mode] = &[Mode::List, Mode::Reader, Mode::Help];
const BROWSE: &[Mode] = &[Mode::List, Mode::Reader];
const LIST: &[Mode] = &[Mode::List];
const READER: &[Mode] = &[Mode::Reader];
const HELP_MODE: &[Mode] = &[Mode::Help];

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const ALT: KeyModifiers = KeyModifiers::ALT;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

const fn bind(
    modes: &'static [Mode],
    code: KeyCode,
    modifiers: KeyModifiers,
    action: Action,
) -> Binding {
    Binding {
        modes,
        code,
        modifiers,
        action,
    }
}

/// Every key binding, first match wins.
pub static BINDINGS: &[Binding] = &[
    bind(ALL, KeyCode::Char('c'), CTRL, Action::Quit),
    bind(ALL, KeyCode::Char('q'), CTRL, Action::Quit),
    bind(ALL, KeyCode::F(1), NONE, Action::ToggleHelp),
    bind(HELP_MODE, KeyCode::Esc, NONE, Action::CloseHelp),
    // The list.
    bind(LIST, KeyCode::Up, NONE, Action::MoveSelection(-1)),
    bind(LIST, KeyCode::Down, NONE, Action::MoveSelection(1)),
    bind(LIST, KeyCode::Home, NONE, Action::SelectFirst),
    bind(LIST, KeyCode::End, NONE, Action::SelectLast),
    bind(LIST, KeyCode::Enter, NONE, Action::Open),
    bind(LIST, KeyCode::Esc, NONE, Action::ClearOrQuit),
    // The reader.
    bind(READER, KeyCode::Up, NONE, Action::Scroll(-1)),
    bind(READER, KeyCode::Down, NONE, Action::Scroll(1)),
    bind(READER, KeyCode::Char(' '), NONE, Action::ScrollPages(1)),
    bind(READER, KeyCode::Char(' '), SHIFT, Action::ScrollPages(-1)),
    bind(READER, KeyCode::Home, NONE, Action::ScrollTop),
    bind(READER, KeyCode::End, NONE, Action::ScrollBottom),
    bind(READER, KeyCode::Esc, NONE, Action::Back),
    // Both.
    bind(BROWSE, KeyCode::PageUp, NONE, Action::ScrollPages(-1)),
    bind(BROWSE, KeyCode::PageDown, NONE, Action::ScrollPages(1)),
    bind(BROWSE, KeyCode::Tab, NONE, Action::ToggleFocus),
    bind(BROWSE, KeyCode::BackTab, SHIFT, Action::ToggleFocus),
    bind(BROWSE, KeyCode::BackTab, NONE, Action::ToggleFocus),
    bind(BROWSE, KeyCode::Char('n'), CTRL, Action::MoveSelection(1)),
    bind(BROWSE, KeyCode::Char('p'), CTRL, Action::MoveSelection(-1)),
    bind(BROWSE, KeyCode::Backspace, NONE, Action::FilterBackspace),
    bind(BROWSE, KeyCode::Char('h'), CTRL, Action::FilterBackspace),
    bind(BROWSE, KeyCode::Char('u'), CTRL, Action::FilterClear),
    bind(BROWSE, KeyCode::Char('w'), CTRL, Action::FilterDeleteWord),
    bind(BROWSE, KeyCode::Backspace, ALT, Action::FilterDeleteWord),
    bind(BROWSE, KeyCode::Backspace, CTRL, Action::FilterDeleteWord),
];

/// Every key, for the help overlay and the README (keep in step with [`BINDINGS`]).
pub const HELP: &[(&str, &str)] = &[
    ("type", "filter headlines (fuzzy, smart case)"),
    ("Backspace", "delete a character of the filter"),
    ("Ctrl-W", "delete a word of the filter"),
    ("Ctrl-U", "clear the filter"),
    (
        "Esc",
        "clear the filter; quit when empty; leave the article",
    ),
    ("↑ ↓", "move the selection (list) or scroll (reader)"),
    (
        "Ctrl-N Ctrl-P",
        "next / previous article, also while reading",
    ),
    (
        "Home End",
        "first / last article (list), top / end (reader)",
    ),
    ("PgUp PgDn", "scroll the article by a page"),
    ("Space Shift-Space", "page down / up while reading"),
    ("Enter", "open the article (full screen when narrow)"),
    ("Tab", "move focus between the list and the article"),
    (
        "mouse",
        "click selects; the wheel scrolls the pane under it",
    ),
    ("F1", "show or hide this help"),
    ("Ctrl-C Ctrl-Q", "quit"),
];

/// The action for `key` in `mode`, if any.
pub fn map_key(mode: Mode, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let mut modifiers = key.modifiers & (CTRL | ALT | SHIFT);
    // Shifted characters arrive as the character itself (`A`, `?`); the SHIFT
    // flag only matters for the keys the table binds with it.
    if let KeyCode::Char(c) = key.code
        && c != ' '
    {
        modifiers.remove(SHIFT);
    }
    let bound = BINDINGS
        .iter()
        .find(|b| b.code == key.code && b.modifiers == modifiers && b.modes.contains(&mode));
    if let Some(binding) = bound {
        return Some(binding.action.clone());
    }
    match (mode, key.code) {
        (Mode::Help, _) => Some(Action::CloseHelp),
        (_, KeyCode::Char(c)) if !modifiers.intersects(CTRL | ALT) && !c.is_control() => {
            Some(Action::FilterInput(c))
        }
        _ => None,
    }
}

/// The action for a mouse event: clicks and wheel steps (hit-tested in `update`).
pub fn map_mouse(event: MouseEvent) -> Option<Action> {
    let (column, row) = (event.column, event.row);
    match event.kind {
        MouseEventKind::Down(crossterm::event::MouseButton::Left) => {
            Some(Action::Click { column, row })
        }
        MouseEventKind::ScrollDown => Some(Action::Wheel {
            column,
            row,
            down: true,
        }),
        MouseEventKind::ScrollUp => Some(Action::Wheel {
            column,
            row,
            down: false,
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn ctrl(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    #[test]
    fn letters_type_into_the_filter_in_the_list_and_the_reader() {
        for mode in [Mode::List, Mode::Reader] {
            assert_eq!(
                map_key(mode, key(KeyCode::Char('q'))),
                Some(Action::FilterInput('q'))
            );
            let shifted = KeyEvent::new(KeyCode::Char('N'), KeyModifiers::SHIFT);
            assert_eq!(map_key(mode, shifted), Some(Action::FilterInput('N')));
            assert_eq!(
                map_key(mode, key(KeyCode::Char('é'))),
                Some(Action::FilterInput('é'))
            );
        }
        assert_eq!(
            map_key(Mode::List, key(KeyCode::Char(' '))),
            Some(Action::FilterInput(' '))
        );
    }

    #[test]
    fn ctrl_c_quits_everywhere() {
        for mode in [Mode::List, Mode::Reader, Mode::Help] {
            assert_eq!(map_key(mode, ctrl('c')), Some(Action::Quit));
        }
    }

    #[test]
    fn arrows_move_in_the_list_and_scroll_in_the_reader() {
        assert_eq!(
            map_key(Mode::List, key(KeyCode::Down)),
            Some(Action::MoveSelection(1))
        );
        assert_eq!(
            map_key(Mode::List, key(KeyCode::Up)),
            Some(Action::MoveSelection(-1))
        );
        assert_eq!(
            map_key(Mode::Reader, key(KeyCode::Down)),
            Some(Action::Scroll(1))
        );
        assert_eq!(
            map_key(Mode::Reader, key(KeyCode::Char(' '))),
            Some(Action::ScrollPages(1))
        );
        for mode in [Mode::List, Mode::Reader] {
            assert_eq!(
                map_key(mode, key(KeyCode::PageDown)),
                Some(Action::ScrollPages(1))
            );
            assert_eq!(
                map_key(mode, key(KeyCode::PageUp)),
                Some(Action::ScrollPages(-1))
            );
            assert_eq!(map_key(mode, key(KeyCode::Tab)), Some(Action::ToggleFocus));
        }
        assert_eq!(
            map_key(Mode::List, key(KeyCode::Home)),
            Some(Action::SelectFirst)
        );
        assert_eq!(
            map_key(Mode::List, key(KeyCode::End)),
            Some(Action::SelectLast)
        );
    }

    #[test]
    fn esc_depends_on_the_mode() {
        assert_eq!(
            map_key(Mode::List, key(KeyCode::Esc)),
            Some(Action::ClearOrQuit)
        );
        assert_eq!(map_key(Mode::Reader, key(KeyCode::Esc)), Some(Action::Back));
        assert_eq!(
            map_key(Mode::Help, key(KeyCode::Esc)),
            Some(Action::CloseHelp)
        );
    }

    #[test]
    fn filter_editing_keys() {
        assert_eq!(
            map_key(Mode::List, key(KeyCode::Backspace)),
            Some(Action::FilterBackspace)
        );
        assert_eq!(
            map_key(Mode::List, ctrl('h')),
            Some(Action::FilterBackspace)
        );
        assert_eq!(map_key(Mode::List, ctrl('u')), Some(Action::FilterClear));
        assert_eq!(
            map_key(Mode::List, ctrl('w')),
            Some(Action::FilterDeleteWord)
        );
        assert_eq!(
            map_key(Mode::List, ctrl('x')),
            None,
            "unbound Ctrl keys do nothing"
        );
    }

    #[test]
    fn help_toggles_on_f1_and_any_other_key_closes_it() {
        assert_eq!(
            map_key(Mode::List, key(KeyCode::F(1))),
            Some(Action::ToggleHelp)
        );
        assert_eq!(
            map_key(Mode::Help, key(KeyCode::F(1))),
            Some(Action::ToggleHelp)
        );
        assert_eq!(
            map_key(Mode::Help, key(KeyCode::Char('x'))),
            Some(Action::CloseHelp)
        );
    }

    #[test]
    fn no_key_is_bound_twice_in_one_mode() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                let same_key = a.code == b.code && a.modifiers == b.modifiers;
                let shared = a.modes.iter().any(|m| b.modes.contains(m));
                assert!(!(same_key && shared), "{a:?} and {b:?} clash");
            }
        }
    }

    #[test]
    fn releases_are_ignored() {
        let mut release = key(KeyCode::Down);
        release.kind = KeyEventKind::Release;
        assert_eq!(map_key(Mode::List, release), None);
    }
}
