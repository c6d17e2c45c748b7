//! Key specs as the config file writes them (`"ctrl-r"`, `"shift-tab"`,
//! `"f5"`), parsed and printed back.

use std::fmt;
use std::str::FromStr;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key as the user names it, normalised so that it compares equal to the
/// [`KeyEvent`] a terminal reports for it.
///
/// Terminals disagree on whether Shift+a arrives as `'A'` or as `'a'` with
/// SHIFT; both normalise to `Char('A')` without SHIFT, and Shift+Tab to
/// `BackTab`. Only Ctrl, Alt, Shift and Super are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeySpec {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl KeySpec {
    pub fn new(code: KeyCode, modifiers: KeyModifiers) -> Self {
        let mut modifiers = modifiers
            & (KeyModifiers::CONTROL
                | KeyModifiers::ALT
                | KeyModifiers::SHIFT
                | KeyModifiers::SUPER);
        let code = match code {
            // Shift+Space stays shifted: no character to change, and a
            // distinct key where the terminal reports it.
            KeyCode::Char(c) if c != ' ' && modifiers.contains(KeyModifiers::SHIFT) => {
                modifiers.remove(KeyModifiers::SHIFT);
                let mut upper = c.to_uppercase();
                match (upper.next(), upper.next()) {
                    (Some(u), None) => KeyCode::Char(u),
                    _ => KeyCode::Char(c),
                }
            }
            KeyCode::Char(c) => KeyCode::Char(c),
            KeyCode::Tab | KeyCode::BackTab if modifiers.contains(KeyModifiers::SHIFT) => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            other => other,
        };
        Self { code, modifiers }
    }

    /// Whether a key event from the terminal is this key. The caller filters
    /// out release and repeat events if it wants presses only.
    pub fn matches(&self, event: &KeyEvent) -> bool {
        *self == Self::from(*event)
    }
}

impl From<KeyEvent> for KeySpec {
    fn from(event: KeyEvent) -> Self {
        Self::new(event.code, event.modifiers)
    }
}

impl FromStr for KeySpec {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        parse_key_spec(s).map(|(code, modifiers)| Self::new(code, modifiers))
    }
}

impl fmt::Display for KeySpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_key_spec(self.code, self.modifiers))
    }
}

/// Named keys, case-insensitive; the first name of each is the one
/// [`format_key_spec`] writes.
const NAMED_KEYS: [(&str, KeyCode); 24] = [
    ("enter", KeyCode::Enter),
    ("return", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("escape", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("del", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("ins", KeyCode::Insert),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pgup", KeyCode::PageUp),
    ("page-up", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("pgdn", KeyCode::PageDown),
    ("page-down", KeyCode::PageDown),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("space", KeyCode::Char(' ')),
];

const MODIFIERS: [(&str, KeyModifiers); 7] = [
    ("ctrl", KeyModifiers::CONTROL),
    ("control", KeyModifiers::CONTROL),
    ("alt", KeyModifiers::ALT),
    ("meta", KeyModifiers::ALT),
    ("shift", KeyModifiers::SHIFT),
    ("super", KeyModifiers::SUPER),
    ("cmd", KeyModifiers::SUPER),
];

/// Parses a key spec such as `"q"`, `"G"`, `"ctrl-r"`, `"alt-x"`, `"f2"`,
/// `"pagedown"`, `"shift-tab"`, `"space"` or `"ctrl--"` (Ctrl and minus).
///
/// Modifiers (`ctrl-`, `alt-`/`meta-`, `shift-`, `super-`) and key names are
/// case-insensitive; a single character is taken as typed, so `"G"` is
/// Shift+g. The result is not yet normalised; [`KeySpec::from_str`] does that.
pub fn parse_key_spec(spec: &str) -> Result<(KeyCode, KeyModifiers), String> {
    let trimmed = spec.trim();
    if trimmed.is_empty() {
        return Err("empty key spec".into());
    }
    let mut rest = trimmed;
    let mut modifiers = KeyModifiers::NONE;
    'strip: loop {
        for (name, modifier) in MODIFIERS {
            // A modifier needs a key after it: "ctrl-" alone is not Ctrl.
            if rest.len() > name.len() + 1
                && rest.is_char_boundary(name.len())
                && rest[..name.len()].eq_ignore_ascii_case(name)
                && rest[name.len()..].starts_with('-')
            {
                modifiers |= modifier;
                rest = &rest[name.len() + 1..];
                continue 'strip;
            }
        }
        break;
    }
    let mut chars = rest.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_control() || c.is_whitespace() {
            return Err(format!("key {spec:?} is not a printable character"));
        }
        return Ok((KeyCode::Char(c), modifiers));
    }
    let lower = rest.to_ascii_lowercase();
    if let Some((_, code)) = NAMED_KEYS.iter().find(|(name, _)| *name == lower) {
        return Ok((*code, modifiers));
    }
    if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok())
        && (1..=24).contains(&n)
        && !lower.starts_with("f0")
    {
        return Ok((KeyCode::F(n), modifiers));
    }
    // "hyper-x": the key is fine, so the word before it must be a modifier.
    if let Some((word, key)) = rest.split_once('-')
        && !word.is_empty()
        && !MODIFIERS.iter().any(|(m, _)| word.eq_ignore_ascii_case(m))
        && parse_key_spec(key).is_ok()
    {
        return Err(format!(
            "unknown modifier {word:?} in {spec:?} (expected ctrl, alt, shift or super)"
        ));
    }
    Err(format!("unknown key {spec:?}"))
}

/// Writes a key in the form [`parse_key_spec`] reads back: modifiers in the
/// order ctrl, alt, shift, super, then the key's first name.
pub fn format_key_spec(code: KeyCode, modifiers: KeyModifiers) -> String {
    let mut out = String::new();
    for (flag, name) in [
        (KeyModifiers::CONTROL, "ctrl-"),
        (KeyModifiers::ALT, "alt-"),
        (KeyModifiers::SHIFT, "shift-"),
        (KeyModifiers::SUPER, "super-"),
    ] {
        if modifiers.contains(flag) {
            out.push_str(name);
        }
    }
    match code {
        KeyCode::Char(' ') => out.push_str("space"),
        KeyCode::Char(c) => out.push(c),
        KeyCode::F(n) => out.push_str(&format!("f{n}")),
        KeyCode::BackTab => out.push_str("shift-tab"),
        other => match NAMED_KEYS.iter().find(|(_, c)| *c == other) {
            Some((name, _)) => out.push_str(name),
            // Keys a spec cannot name (media keys…): readable, not parseable.
            None => out.push_str(&format!("{other:?}").to_ascii_lowercase()),
        },
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(s: &str) -> KeySpec {
        s.parse().expect("key spec")
    }

    #[test]
    fn key_specs_parse_and_format() {
        let cases = [
            (
                "ctrl-r",
                KeyCode::Char('r'),
                KeyModifiers::CONTROL,
                "ctrl-r",
            ),
            (
                "Ctrl-Alt-x",
                KeyCode::Char('x'),
                KeyModifiers::CONTROL | KeyModifiers::ALT,
                "ctrl-alt-x",
            ),
            ("alt-x", KeyCode::Char('x'), KeyModifiers::ALT, "alt-x"),
            ("f2", KeyCode::F(2), KeyModifiers::NONE, "f2"),
            ("F12", KeyCode::F(12), KeyModifiers::NONE, "f12"),
            (
                "pagedown",
                KeyCode::PageDown,
                KeyModifiers::NONE,
                "pagedown",
            ),
            ("PgUp", KeyCode::PageUp, KeyModifiers::NONE, "pageup"),
            ("enter", KeyCode::Enter, KeyModifiers::NONE, "enter"),
            ("esc", KeyCode::Esc, KeyModifiers::NONE, "esc"),
            ("tab", KeyCode::Tab, KeyModifiers::NONE, "tab"),
            (
                "shift-tab",
                KeyCode::BackTab,
                KeyModifiers::NONE,
                "shift-tab",
            ),
            ("up", KeyCode::Up, KeyModifiers::NONE, "up"),
            ("shift-up", KeyCode::Up, KeyModifiers::SHIFT, "shift-up"),
            (
                "ctrl-o",
                KeyCode::Char('o'),
                KeyModifiers::CONTROL,
                "ctrl-o",
            ),
            ("space", KeyCode::Char(' '), KeyModifiers::NONE, "space"),
            ("-", KeyCode::Char('-'), KeyModifiers::NONE, "-"),
            (
                "ctrl--",
                KeyCode::Char('-'),
                KeyModifiers::CONTROL,
                "ctrl--",
            ),
            ("shift-a", KeyCode::Char('A'), KeyModifiers::NONE, "A"),
            ("G", KeyCode::Char('G'), KeyModifiers::NONE, "G"),
            ("é", KeyCode::Char('é'), KeyModifiers::NONE, "é"),
            ("f", KeyCode::Char('f'), KeyModifiers::NONE, "f"),
        ];
        for (text, code, modifiers, canonical) in cases {
            let parsed = spec(text);
            assert_eq!(parsed, KeySpec { code, modifiers }, "{text}");
            assert_eq!(parsed.to_string(), canonical, "{text}");
            assert_eq!(spec(canonical), parsed, "{canonical} reads back");
        }
        for bad in [
            "",
            "ctrl-",
            "f0",
            "f25",
            "f99",
            "hyper-x",
            "pagedownn",
            "\u{7}",
            "ab",
        ] {
            assert!(parse_key_spec(bad).is_err(), "{bad:?} should fail");
        }
    }
    #[test]
    fn key_spec_matches_terminal_events() {
        let event = |code, modifiers| KeyEvent::new(code, modifiers);
        // Shift+g as either report style.
        assert!(spec("G").matches(&event(KeyCode::Char('G'), KeyModifiers::SHIFT)));
        assert!(spec("G").matches(&event(KeyCode::Char('g'), KeyModifiers::SHIFT)));
        assert!(!spec("g").matches(&event(KeyCode::Char('G'), KeyModifiers::SHIFT)));
        assert!(spec("shift-tab").matches(&event(KeyCode::BackTab, KeyModifiers::SHIFT)));
        assert!(spec("ctrl-r").matches(&event(KeyCode::Char('r'), KeyModifiers::CONTROL)));
        assert!(!spec("ctrl-r").matches(&event(KeyCode::Char('r'), KeyModifiers::NONE)));
    }
}
