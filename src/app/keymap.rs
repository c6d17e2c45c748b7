//! Keys to actions, through one table (so a config file can remap them later).
//!
//! Letters are never commands while browsing: any printable character types into
//! the filter. Commands are arrows, Enter, Tab, Esc, function keys and Ctrl- keys.

use std::collections::BTreeMap;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind};

use super::action::Action;
use super::command::Command;
use crate::config::KeySpec;

/// What the key map needs to know to choose an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Browsing the list; typing filters.
    List,
    /// Reading an article: arrows and Space scroll it.
    Reader,
    /// The help overlay is open.
    Help,
    /// Typing what to find in the article (after `/`).
    Find,
    /// Reading with the article's matches found: the reader's keys, and the
    /// next and previous match.
    Found,
}

/// One key binding: in any of `modes`, `code` with exactly `modifiers` runs
/// `command` (which names the action in the config file's `[keys]` table).
#[derive(Debug)]
pub struct Binding {
    pub command: Command,
    pub modes: &'static [Mode],
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

const ALL: &[Mode] = &[
    Mode::List,
    Mode::Reader,
    Mode::Help,
    Mode::Find,
    Mode::Found,
];
const FIND: &[Mode] = &[Mode::Find];
const FOUND: &[Mode] = &[Mode::Found];
const BROWSE: &[Mode] = &[Mode::List, Mode::Reader];
const LIST: &[Mode] = &[Mode::List];
const READER: &[Mode] = &[Mode::Reader];
const HELP_MODE: &[Mode] = &[Mode::Help];
/// The reader's scrolling keys also scroll the help where it does not fit.
const READER_HELP: &[Mode] = &[Mode::Reader, Mode::Help];
const BROWSE_HELP: &[Mode] = &[Mode::List, Mode::Reader, Mode::Help];

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const ALT: KeyModifiers = KeyModifiers::ALT;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

const fn bind(
    command: Command,
    modes: &'static [Mode],
    code: KeyCode,
    modifiers: KeyModifiers,
) -> Binding {
    Binding {
        command,
        modes,
        code,
        modifiers,
    }
}

/// Every default key binding, first match wins. Rows sharing a command are
/// one remappable action.
pub static BINDINGS: &[Binding] = &[
    bind(Command::Quit, ALL, KeyCode::Char('c'), CTRL),
    bind(Command::Quit, ALL, KeyCode::Char('q'), CTRL),
    bind(Command::Help, ALL, KeyCode::F(1), NONE),
    bind(Command::CloseHelp, HELP_MODE, KeyCode::Esc, NONE),
    // The list.
    bind(Command::MoveUp, LIST, KeyCode::Up, NONE),
    bind(Command::MoveDown, LIST, KeyCode::Down, NONE),
    // The filter's cursor: arrows and readline's Ctrl-A/Ctrl-E (Home and End
    // keep their list meaning).
    bind(Command::CursorLeft, LIST, KeyCode::Left, NONE),
    bind(Command::CursorRight, LIST, KeyCode::Right, NONE),
    bind(Command::LineStart, LIST, KeyCode::Char('a'), CTRL),
    bind(Command::LineEnd, LIST, KeyCode::Char('e'), CTRL),
    bind(Command::DeleteForward, LIST, KeyCode::Delete, NONE),
    // Paging the list where PgUp/PgDn scroll the article beside it.
    bind(Command::ListPageUp, LIST, KeyCode::PageUp, ALT),
    bind(Command::ListPageDown, LIST, KeyCode::PageDown, ALT),
    bind(Command::First, LIST, KeyCode::Home, NONE),
    bind(Command::Last, LIST, KeyCode::End, NONE),
    bind(Command::Open, LIST, KeyCode::Enter, NONE),
    bind(Command::ClearOrQuit, LIST, KeyCode::Esc, NONE),
    // Finding in the article.
    bind(Command::Find, READER, KeyCode::Char('/'), NONE),
    bind(Command::FindAccept, FIND, KeyCode::Enter, NONE),
    bind(Command::FindCancel, FIND, KeyCode::Esc, NONE),
    bind(Command::FindDeleteChar, FIND, KeyCode::Backspace, NONE),
    bind(Command::FindNext, FOUND, KeyCode::Char('n'), NONE),
    bind(Command::FindNext, FOUND, KeyCode::Enter, NONE),
    bind(Command::FindPrevious, FOUND, KeyCode::Char('N'), SHIFT),
    bind(Command::FindPrevious, FOUND, KeyCode::Enter, SHIFT),
    bind(Command::FindClose, FOUND, KeyCode::Esc, NONE),
    // The reader.
    bind(Command::ScrollUp, READER_HELP, KeyCode::Up, NONE),
    bind(Command::ScrollDown, READER_HELP, KeyCode::Down, NONE),
    bind(Command::PageUp, BROWSE_HELP, KeyCode::PageUp, NONE),
    bind(Command::PageDown, BROWSE_HELP, KeyCode::PageDown, NONE),
    bind(Command::PageDown, READER, KeyCode::Char(' '), NONE),
    bind(Command::PageUp, READER, KeyCode::Char(' '), SHIFT),
    bind(Command::Top, READER_HELP, KeyCode::Home, NONE),
    bind(Command::Bottom, READER_HELP, KeyCode::End, NONE),
    bind(Command::Back, READER, KeyCode::Esc, NONE),
    bind(Command::OpenLink1, READER, KeyCode::Char('1'), NONE),
    bind(Command::OpenLink2, READER, KeyCode::Char('2'), NONE),
    bind(Command::OpenLink3, READER, KeyCode::Char('3'), NONE),
    bind(Command::OpenLink4, READER, KeyCode::Char('4'), NONE),
    bind(Command::OpenLink5, READER, KeyCode::Char('5'), NONE),
    bind(Command::OpenLink6, READER, KeyCode::Char('6'), NONE),
    bind(Command::OpenLink7, READER, KeyCode::Char('7'), NONE),
    bind(Command::OpenLink8, READER, KeyCode::Char('8'), NONE),
    bind(Command::OpenLink9, READER, KeyCode::Char('9'), NONE),
    // Both.
    bind(Command::ToggleFocus, BROWSE, KeyCode::Tab, NONE),
    bind(Command::ToggleFocus, BROWSE, KeyCode::BackTab, NONE),
    bind(Command::NextArticle, BROWSE, KeyCode::Char('n'), CTRL),
    bind(Command::PreviousArticle, BROWSE, KeyCode::Char('p'), CTRL),
    bind(Command::ToggleRead, BROWSE, KeyCode::Char('r'), CTRL),
    bind(Command::ToggleStar, BROWSE, KeyCode::Char('s'), CTRL),
    bind(Command::CycleView, BROWSE, KeyCode::F(2), NONE),
    bind(Command::CycleView, BROWSE, KeyCode::Char('t'), CTRL),
    bind(Command::CycleSort, BROWSE, KeyCode::F(3), NONE),
    bind(Command::Fetch, BROWSE, KeyCode::F(5), NONE),
    bind(Command::Fetch, BROWSE, KeyCode::Char('l'), CTRL),
    bind(Command::Problems, ALL, KeyCode::F(4), NONE),
    bind(Command::OpenUrl, BROWSE, KeyCode::Char('o'), CTRL),
    bind(Command::CopyUrl, BROWSE, KeyCode::Char('y'), CTRL),
    bind(Command::DeleteChar, BROWSE, KeyCode::Backspace, NONE),
    bind(Command::DeleteChar, BROWSE, KeyCode::Char('h'), CTRL),
    bind(Command::ClearFilter, BROWSE, KeyCode::Char('u'), CTRL),
    bind(Command::ToggleFullText, BROWSE, KeyCode::Char('f'), CTRL),
    bind(Command::DeleteWord, BROWSE, KeyCode::Char('w'), CTRL),
    bind(Command::DeleteWord, BROWSE, KeyCode::Backspace, ALT),
    bind(Command::DeleteWord, BROWSE, KeyCode::Backspace, CTRL),
];

/// The help overlay's rows: the action names whose keys are listed (as bound
/// now, after remapping), or fixed text for what is not a key, and what they
/// do. No description names a key: every key shown comes from the keymap.
pub const HELP: &[(&[Command], &str, &str)] = &[
    (
        &[],
        "type",
        "filter headlines (fuzzy; a b | ' ^ $ ! @ syntax)",
    ),
    (
        &[Command::ToggleFullText],
        "",
        "full text: terms match the body too",
    ),
    (
        &[
            Command::CursorLeft,
            Command::CursorRight,
            Command::LineStart,
            Command::LineEnd,
        ],
        "",
        "move the filter's cursor; typing inserts there",
    ),
    (
        &[Command::DeleteChar, Command::DeleteForward],
        "",
        "delete the character before / at the cursor",
    ),
    (
        &[Command::DeleteWord, Command::ClearFilter],
        "",
        "delete the word before the cursor / all",
    ),
    (
        &[Command::ClearOrQuit, Command::Back],
        "",
        "clear the filter; quit when empty; leave the article",
    ),
    (
        &[
            Command::MoveUp,
            Command::MoveDown,
            Command::ScrollUp,
            Command::ScrollDown,
        ],
        "",
        "move the selection (list) or scroll (reader)",
    ),
    (
        &[Command::NextArticle, Command::PreviousArticle],
        "",
        "next / previous article, also while reading",
    ),
    (
        &[Command::First, Command::Last, Command::Top, Command::Bottom],
        "",
        "first / last article (list), top / end (reader)",
    ),
    (
        &[Command::PageUp],
        "",
        "a page up: the article (the list when alone)",
    ),
    (
        &[Command::PageDown],
        "",
        "a page down: the article (the list when alone)",
    ),
    (
        &[Command::ListPageUp, Command::ListPageDown],
        "",
        "a page up / down in the list",
    ),
    (&[Command::Open], "", "open the article (marks it read)"),
    (
        &[Command::ToggleFocus],
        "",
        "move focus between the list and the article",
    ),
    (
        &[Command::ToggleRead, Command::ToggleStar],
        "",
        "toggle read / starred",
    ),
    (
        &[Command::CycleView],
        "",
        "show all / unread / starred articles",
    ),
    (
        &[Command::CycleSort],
        "",
        "sort: relevance / newest / source / title",
    ),
    (
        &[Command::Problems],
        "",
        "feeds whose last fetch failed, with the error",
    ),
    (
        &[Command::OpenUrl, Command::CopyUrl],
        "",
        "open / copy the article's URL",
    ),
    (
        &[
            Command::OpenLink1,
            Command::OpenLink2,
            Command::OpenLink3,
            Command::OpenLink4,
            Command::OpenLink5,
            Command::OpenLink6,
            Command::OpenLink7,
            Command::OpenLink8,
            Command::OpenLink9,
        ],
        "",
        "open link [1] … [9] while reading",
    ),
    (
        &[],
        "mouse",
        "click selects; the wheel scrolls the pane under it",
    ),
    (
        &[Command::Find, Command::FindNext, Command::FindPrevious],
        "",
        "find in the article; next / previous match",
    ),
    (
        &[Command::Help, Command::Quit],
        "",
        "show or hide this help / quit",
    ),
    (&[Command::Fetch], "", "fetch the subscriptions now"),
];

/// One entry of a hint line: the first key of each action named, and a word.
pub type Hint = (&'static [Command], &'static str);

/// The hint line while browsing the list, longest first; the first that fits
/// is shown.
pub const LIST_HINTS: &[&[Hint]] = &[
    &[
        (&[Command::MoveUp, Command::MoveDown], "move"),
        (&[Command::Open], "open"),
        (&[Command::ToggleFocus], "focus"),
        (&[Command::PageUp, Command::PageDown], "scroll"),
        (&[Command::ClearOrQuit], "clear/quit"),
        (&[Command::Help], "help"),
    ],
    &[
        (&[Command::MoveUp, Command::MoveDown], ""),
        (&[Command::Open], "open"),
        (&[Command::ClearOrQuit], "clear/quit"),
        (&[Command::Help], "help"),
    ],
];

/// The hint line while reading, longest first.
pub const READER_HINTS: &[&[Hint]] = &[
    &[
        (&[Command::ScrollUp, Command::ScrollDown], "scroll"),
        (&[Command::Find], "find"),
        (&[Command::NextArticle, Command::PreviousArticle], "next"),
        (&[Command::ToggleFocus], "list"),
        (&[Command::Back], "back"),
        (&[Command::Help], "help"),
        (&[Command::Quit], "quit"),
    ],
    &[
        (&[Command::ScrollUp, Command::ScrollDown], "scroll"),
        (&[Command::Back], "back"),
        (&[Command::Help], "help"),
    ],
];

/// The hint line while typing what to find.
pub const FIND_HINTS: &[&[Hint]] = &[&[
    (&[Command::FindAccept], "find"),
    (&[Command::FindDeleteChar], "delete"),
    (&[Command::FindCancel], "cancel"),
]];

/// The hint line while reading with matches found.
pub const FOUND_HINTS: &[&[Hint]] = &[
    &[
        (
            &[Command::FindNext, Command::FindPrevious],
            "next/previous match",
        ),
        (&[Command::Find], "find again"),
        (&[Command::FindClose], "close"),
        (&[Command::ScrollUp, Command::ScrollDown], "scroll"),
        (&[Command::Help], "help"),
    ],
    &[
        (&[Command::FindNext, Command::FindPrevious], "match"),
        (&[Command::FindClose], "close"),
    ],
];

/// The hint line with the help open.
pub const HELP_HINTS: &[&[Hint]] = &[&[
    (&[Command::Help, Command::CloseHelp], "close help"),
    (&[Command::Quit], "quit"),
]];

/// The hint line while the problems view is open.
pub const PROBLEMS_HINTS: &[&[Hint]] = &[&[
    (&[Command::Problems, Command::CloseHelp], "close"),
    (&[Command::Quit], "quit"),
]];

/// The names the config file's `[keys]` table accepts, each once.
pub fn action_names() -> Vec<&'static str> {
    Command::ALL.iter().map(|c| c.name()).collect()
}

/// One row of a [`Keymap`]: a normalised key, where it applies, what it does.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Row {
    command: Command,
    key: KeySpec,
    modes: Vec<Mode>,
}

/// The key bindings in force: [`BINDINGS`] with the config file's remapping
/// applied. An action named in the config replaces all of its default keys
/// (an empty list unbinds it); the others keep theirs. Config keys come first,
/// so a remapped key wins over a default that used the same key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    rows: Vec<Row>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap::new(&BTreeMap::new()).0
    }
}

/// Ctrl-C quits whatever the config says (the README promises it): a config
/// can rebind every other key, `quit` included, and still leave a way out.
fn always_quits() -> KeySpec {
    KeySpec::new(KeyCode::Char('c'), CTRL)
}

/// `[keys]` entries that try to take Ctrl-C from `quit`, as (action name,
/// problem), for the caller to report with the file and line.
pub fn reserved_key_problems(overrides: &BTreeMap<String, Vec<KeySpec>>) -> Vec<(String, String)> {
    let ctrl_c = always_quits();
    overrides
        .iter()
        .filter_map(|(name, keys)| {
            let quit = name == Command::Quit.name();
            let problem = if quit && !keys.contains(&ctrl_c) {
                "ctrl-c always quits as well"
            } else if !quit && keys.contains(&ctrl_c) {
                "ctrl-c always quits; not bound here"
            } else {
                return None;
            };
            Some((name.clone(), problem.to_owned()))
        })
        .collect()
}

impl Keymap {
    /// Builds the keymap from `[keys]` overrides; the second value names every
    /// unknown action (which is otherwise ignored), for the caller to report.
    /// Ctrl-C stays `quit` whatever the overrides say (see
    /// [`reserved_key_problems`] for the warnings).
    pub fn new(overrides: &BTreeMap<String, Vec<KeySpec>>) -> (Keymap, Vec<String>) {
        let mut rows = Vec::new();
        let mut warnings = Vec::new();
        for (name, keys) in overrides {
            let Some(command) = Command::from_name(name) else {
                warnings.push(name.clone());
                continue;
            };
            let defaults: Vec<&Binding> =
                BINDINGS.iter().filter(|b| b.command == command).collect();
            let mut modes: Vec<Mode> = Vec::new();
            for binding in &defaults {
                for mode in binding.modes {
                    if !modes.contains(mode) {
                        modes.push(*mode);
                    }
                }
            }
            // Ctrl-C on another action would never fire: not listed either.
            let reachable = |key: &&KeySpec| command == Command::Quit || **key != always_quits();
            for key in keys.iter().filter(reachable) {
                rows.push(Row {
                    command,
                    key: *key,
                    modes: modes.clone(),
                });
            }
        }
        for binding in BINDINGS {
            if overrides.contains_key(binding.command.name()) {
                continue;
            }
            rows.push(Row {
                command: binding.command,
                key: KeySpec::new(binding.code, binding.modifiers),
                modes: binding.modes.to_vec(),
            });
        }
        (Keymap { rows }, warnings)
    }

    /// The action for `key` in `mode`, if any: a bound key, else (in the list
    /// and the reader) a printable character types into the filter; with the
    /// help open any other key closes it.
    pub fn map_key(&self, mode: Mode, key: KeyEvent) -> Option<Action> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        let spec = KeySpec::from(key);
        if spec == always_quits() {
            return Some(Action::Quit);
        }
        // With matches found, the reader's own keys apply too.
        let applies = |modes: &[Mode]| {
            modes.contains(&mode) || (mode == Mode::Found && modes.contains(&Mode::Reader))
        };
        let bound = self
            .rows
            .iter()
            .find(|row| row.key == spec && applies(&row.modes));
        if let Some(row) = bound {
            return Some(row.command.action());
        }
        let modifiers = key.modifiers;
        match (mode, key.code) {
            (Mode::Help, _) => Some(Action::CloseHelp),
            (Mode::Find, KeyCode::Char(c))
                if !modifiers.intersects(CTRL | ALT) && !c.is_control() =>
            {
                Some(Action::FindInput(c))
            }
            (Mode::Find, _) => None,
            (_, KeyCode::Char(c)) if !modifiers.intersects(CTRL | ALT) && !c.is_control() => {
                Some(Action::FilterInput(c))
            }
            _ => None,
        }
    }

    /// Every action's keys in force (defaults with the config's remapping), by
    /// name: what `--print-config` shows as the effective `[keys]` table.
    pub fn bindings(&self) -> BTreeMap<String, Vec<KeySpec>> {
        let mut table: BTreeMap<String, Vec<KeySpec>> = action_names()
            .into_iter()
            .map(|name| (name.to_owned(), Vec::new()))
            .collect();
        for row in &self.rows {
            let keys = table.entry(row.command.name().to_owned()).or_default();
            if !keys.contains(&row.key) {
                keys.push(row.key);
            }
        }
        table
    }

    /// The first key of each action in `names` as a hint shows them: "↑↓" for
    /// arrows, "Ctrl-N/P" for keys with the same modifier, else joined by "/";
    /// empty when none of them is bound.
    pub fn hint_keys(&self, commands: &[Command]) -> String {
        let mut keys: Vec<String> = Vec::new();
        for command in commands {
            if let Some(key) = self.keys_for(*command).into_iter().next()
                && !keys.contains(&key)
            {
                keys.push(key);
            }
        }
        if keys
            .iter()
            .all(|k| ["↑", "↓", "←", "→"].contains(&k.as_str()))
        {
            return keys.concat();
        }
        let prefix = |k: &str| k.rfind('-').filter(|&i| i > 0).map(|i| k[..=i].to_owned());
        let shared = prefix(&keys[0]).filter(|p| {
            keys.iter()
                .all(|k| k.starts_with(p.as_str()) && k[p.len()..].chars().count() == 1)
        });
        match shared {
            Some(p) if keys.len() > 1 => {
                let rest: Vec<&str> = keys.iter().map(|k| &k[p.len()..]).collect();
                format!("{p}{}", rest.join("/"))
            }
            _ => keys.join("/"),
        }
    }

    /// A hint line: each entry's keys and word, joined by " · " (an entry
    /// without a word by a space: "↑↓ Enter open"); entries whose actions are
    /// all unbound are left out.
    pub fn hint_line(&self, hints: &[Hint]) -> String {
        let mut line = String::new();
        let mut joiner = "";
        for (commands, word) in hints {
            let keys = self.hint_keys(commands);
            if keys.is_empty() {
                continue;
            }
            line.push_str(joiner);
            line.push_str(&keys);
            if word.is_empty() {
                joiner = " ";
            } else {
                line.push(' ');
                line.push_str(word);
                joiner = " · ";
            }
        }
        line
    }

    /// The keys bound to `command`, for display ("Ctrl-R", "F2").
    pub fn keys_for(&self, command: Command) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for row in self.rows.iter().filter(|r| r.command == command) {
            let shown = display_key(&row.key);
            if !out.contains(&shown) {
                out.push(shown);
            }
        }
        out
    }
}

/// A key as the help shows it: `Ctrl-R`, `F2`, `↑`, `PgDn`, `Shift-Tab`.
pub fn display_key(key: &KeySpec) -> String {
    let text = key.to_string();
    let mut parts: Vec<&str> = text.split('-').collect();
    // "ctrl--" splits into ["ctrl", "", ""]: the key is "-".
    if text.ends_with("--") {
        parts.truncate(parts.len() - 2);
        parts.push("-");
    }
    let modified = parts.len() > 1;
    parts
        .iter()
        .map(|part| match *part {
            "up" => "↑".to_owned(),
            "down" => "↓".to_owned(),
            "left" => "←".to_owned(),
            "right" => "→".to_owned(),
            "pageup" => "PgUp".to_owned(),
            "pagedown" => "PgDn".to_owned(),
            "esc" => "Esc".to_owned(),
            word if word.chars().count() > 1 => {
                let mut chars = word.chars();
                chars.next().map_or_else(String::new, |c| {
                    c.to_uppercase().chain(chars).collect::<String>()
                })
            }
            one if modified => one.to_uppercase(),
            one => one.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// The action for `key` in `mode` with the default bindings.
pub fn map_key(mode: Mode, key: KeyEvent) -> Option<Action> {
    thread_local! {
        static DEFAULT: Keymap = Keymap::default();
    }
    DEFAULT.with(|keymap| keymap.map_key(mode, key))
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
            map_key(Mode::Reader, ctrl('f')),
            Some(Action::ToggleFullText)
        );
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

    #[test]
    fn new_actions_have_default_keys() {
        assert_eq!(map_key(Mode::List, ctrl('r')), Some(Action::ToggleRead));
        assert_eq!(map_key(Mode::Reader, ctrl('s')), Some(Action::ToggleStar));
        assert_eq!(
            map_key(Mode::List, key(KeyCode::F(2))),
            Some(Action::CycleView)
        );
        assert_eq!(map_key(Mode::List, ctrl('t')), Some(Action::CycleView));
        assert_eq!(
            map_key(Mode::List, key(KeyCode::F(3))),
            Some(Action::CycleSort)
        );
        assert_eq!(map_key(Mode::List, ctrl('o')), Some(Action::OpenUrl));
        assert_eq!(map_key(Mode::Reader, ctrl('y')), Some(Action::CopyUrl));
        assert_eq!(
            map_key(Mode::Reader, key(KeyCode::Char('3'))),
            Some(Action::OpenLink(3))
        );
        assert_eq!(
            map_key(Mode::List, key(KeyCode::Char('3'))),
            Some(Action::FilterInput('3')),
            "digits type into the filter in the list"
        );
    }

    fn overrides(pairs: &[(&str, &[&str])]) -> BTreeMap<String, Vec<KeySpec>> {
        pairs
            .iter()
            .map(|(name, keys)| {
                let specs = keys.iter().map(|k| k.parse().expect("key spec")).collect();
                ((*name).to_owned(), specs)
            })
            .collect()
    }

    #[test]
    fn config_keys_replace_an_actions_defaults() {
        let (keymap, warnings) = Keymap::new(&overrides(&[
            ("toggle_star", &["alt-s", "F5"]),
            ("quit", &[]),
            ("move_down", &["ctrl-j"]),
        ]));
        assert!(warnings.is_empty());
        let alt_s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::ALT);
        assert_eq!(keymap.map_key(Mode::List, alt_s), Some(Action::ToggleStar));
        assert_eq!(
            keymap.map_key(Mode::Reader, key(KeyCode::F(5))),
            Some(Action::ToggleStar)
        );
        assert_eq!(
            keymap.map_key(Mode::List, ctrl('s')),
            None,
            "default replaced"
        );
        assert_eq!(
            keymap.map_key(Mode::List, ctrl('q')),
            None,
            "quit's other keys unbound"
        );
        assert_eq!(
            keymap.map_key(Mode::List, ctrl('j')),
            Some(Action::MoveSelection(1))
        );
        assert_eq!(
            keymap.map_key(Mode::Reader, ctrl('j')),
            None,
            "move_down stays a list key"
        );
        assert_eq!(
            keymap.map_key(Mode::List, ctrl('r')),
            Some(Action::ToggleRead)
        );
        assert_eq!(keymap.keys_for(Command::ToggleStar), ["Alt-S", "F5"]);
    }

    #[test]
    fn a_config_key_wins_over_a_default_on_the_same_key() {
        let (keymap, _) = Keymap::new(&overrides(&[("cycle_sort", &["ctrl-r"])]));
        assert_eq!(
            keymap.map_key(Mode::List, ctrl('r')),
            Some(Action::CycleSort)
        );
    }

    #[test]
    fn ctrl_c_quits_whatever_the_config_binds_and_the_config_hears_of_it() {
        let config = overrides(&[
            ("quit", &[]),
            ("clear_or_quit", &[]),
            ("toggle_star", &["ctrl-c"]),
            ("help", &["ctrl-q", "esc"]),
        ]);
        let (keymap, unknown) = Keymap::new(&config);
        assert!(unknown.is_empty());
        for mode in [Mode::List, Mode::Reader, Mode::Help] {
            assert_eq!(
                keymap.map_key(mode, ctrl('c')),
                Some(Action::Quit),
                "{mode:?}"
            );
        }
        assert_eq!(
            keymap.map_key(Mode::List, ctrl('q')),
            Some(Action::ToggleHelp)
        );
        assert_eq!(
            reserved_key_problems(&config),
            [
                ("quit".to_owned(), "ctrl-c always quits as well".to_owned()),
                (
                    "toggle_star".to_owned(),
                    "ctrl-c always quits; not bound here".to_owned()
                ),
            ]
        );
        assert!(reserved_key_problems(&overrides(&[("quit", &["ctrl-c", "x"])])).is_empty());
    }

    #[test]
    fn unknown_actions_are_warned_about() {
        let (keymap, warnings) = Keymap::new(&overrides(&[("fly_away", &["x"])]));
        assert_eq!(warnings, ["fly_away"]);
        assert_eq!(keymap, Keymap::default());
    }

    #[test]
    fn every_action_name_is_snake_case_and_in_the_help_or_readme() {
        let readme = include_str!("../../README.md");
        for name in action_names() {
            assert!(
                name.bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'_' || b.is_ascii_digit())
            );
            let documented = readme.contains(&format!("`{name}`"))
                || (name.starts_with("open_link_") && readme.contains("`open_link_1`"));
            assert!(documented, "README does not document `{name}`");
        }
    }

    #[test]
    fn keys_display_like_the_help_writes_them() {
        let shown = |s: &str| display_key(&s.parse().expect("spec"));
        assert_eq!(shown("ctrl-r"), "Ctrl-R");
        assert_eq!(shown("f2"), "F2");
        assert_eq!(shown("pagedown"), "PgDn");
        assert_eq!(shown("shift-tab"), "Shift-Tab");
        assert_eq!(shown("up"), "↑");
        assert_eq!(shown("j"), "j");
        assert_eq!(shown("G"), "G");
        assert_eq!(shown("ctrl--"), "Ctrl--");
    }
}
