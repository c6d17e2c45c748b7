//! The help overlay laid out: which keys (as bound now) do what, in a popup
//! that fits the terminal. Kept here, not in `ui`, because `update` scrolls it
//! and must know how many lines there are at this size.

use ratatui::layout::{Margin, Rect};

use super::command::Command;
use super::geometry::{has_border, pane_inner};
use super::keymap::{HELP, Keymap};
use super::text::width;

/// Narrowest the description column gets beside the keys; below it each
/// description goes on its own lines under its keys.
const MIN_TEXT_WIDTH: usize = 24;

/// Columns between the keys and their description.
const GAP: usize = 2;

/// One line of the overlay: keys (empty on a description's continuation
/// lines) and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLine {
    pub keys: String,
    pub text: String,
}

/// The overlay at one terminal size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLayout {
    /// The popup, border included.
    pub popup: Rect,
    /// Where the lines go (inside the border, one column of margin).
    pub inner: Rect,
    /// Width of the keys column, when descriptions sit beside their keys;
    /// `None` when they go under them (a narrow terminal).
    pub key_column: Option<usize>,
    /// Every line, whether it fits on screen or has to be scrolled to.
    pub lines: Vec<HelpLine>,
}

impl HelpLayout {
    /// Lays the help out for `keymap` in `screen`.
    pub fn new(keymap: &Keymap, screen: Rect) -> Self {
        let rows = rows(keymap);
        let key_width = rows.iter().map(|(k, _)| width(k)).max().unwrap_or(0);
        let text_width = rows.iter().map(|(_, d)| width(d)).max().unwrap_or(0);
        // Border and margin: two columns each side.
        let want_width = key_width + GAP + text_width + 4;
        let popup_width = (want_width.min(screen.width as usize)) as u16;
        let inner_width = (popup_width as usize).saturating_sub(4).max(1);
        let beside = inner_width >= key_width + GAP + MIN_TEXT_WIDTH;
        let mut lines = Vec::new();
        for (keys, what) in rows {
            if beside {
                let room = inner_width - key_width - GAP;
                for (i, part) in textwrap::wrap(what, room).into_iter().enumerate() {
                    let keys = if i == 0 { keys.clone() } else { String::new() };
                    lines.push(HelpLine {
                        keys,
                        text: part.into_owned(),
                    });
                }
            } else {
                lines.push(HelpLine {
                    keys,
                    text: String::new(),
                });
                for part in textwrap::wrap(what, inner_width.saturating_sub(GAP).max(1)) {
                    lines.push(HelpLine {
                        keys: String::new(),
                        text: format!("{:GAP$}{part}", ""),
                    });
                }
            }
        }
        let popup_height = (lines.len() + 2).min(screen.height as usize) as u16;
        let popup = Rect::new(
            screen.x + (screen.width - popup_width) / 2,
            screen.y + (screen.height - popup_height) / 2,
            popup_width,
            popup_height,
        );
        let inner = if has_border(popup) {
            pane_inner(popup).inner(Margin::new(1, 0))
        } else {
            popup
        };
        HelpLayout {
            popup,
            inner,
            key_column: beside.then_some(key_width),
            lines,
        }
    }

    /// How many lines show at once.
    pub fn visible(&self) -> usize {
        self.inner.height as usize
    }

    /// The last useful scroll position: the last line at the bottom.
    pub fn max_scroll(&self) -> usize {
        self.lines.len().saturating_sub(self.visible())
    }
}

/// The help rows: the keys bound now (after remapping) and what they do.
/// Rows whose actions are all unbound are left out.
pub fn rows(keymap: &Keymap) -> Vec<(String, &'static str)> {
    HELP.iter()
        .filter_map(|(commands, fixed, what)| {
            if commands.is_empty() {
                return Some(((*fixed).to_owned(), *what));
            }
            // Two keys for a one-action row, the first key of each otherwise:
            // the column stays narrow enough for 80 columns.
            let per_command = if commands.len() == 1 { 2 } else { 1 };
            if is_link_row(commands) {
                let digits: Vec<String> = commands
                    .iter()
                    .filter_map(|c| keymap.keys_for(*c).into_iter().next())
                    .collect();
                let defaults: Vec<String> = (1..=9).map(|d| d.to_string()).collect();
                if digits == defaults {
                    return Some(("1-9".to_owned(), *what));
                }
            }
            let keys: Vec<String> = commands
                .iter()
                .flat_map(|c| keymap.keys_for(*c).into_iter().take(per_command))
                .fold(Vec::new(), |mut keys, key| {
                    if !keys.contains(&key) {
                        keys.push(key);
                    }
                    keys
                });
            (!keys.is_empty()).then(|| (keys.join(" "), *what))
        })
        .collect()
}

/// The row of the nine numbered links, shown as "1-9" while they are bound
/// to the digits.
fn is_link_row(commands: &[Command]) -> bool {
    commands.len() == 9 && commands.iter().all(|c| c.name().starts_with("open_link_"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_screens_put_descriptions_beside_their_keys() {
        let layout = HelpLayout::new(&Keymap::default(), Rect::new(0, 0, 120, 40));
        assert!(layout.key_column.is_some());
        assert_eq!(layout.lines.len(), rows(&Keymap::default()).len());
        assert_eq!(layout.max_scroll(), 0, "everything fits");
    }

    #[test]
    fn narrow_screens_wrap_descriptions_under_their_keys_and_scroll() {
        let layout = HelpLayout::new(&Keymap::default(), Rect::new(0, 0, 30, 12));
        assert_eq!(layout.key_column, None);
        assert!(
            layout
                .lines
                .iter()
                .all(|l| width(&l.keys).max(width(&l.text)) <= layout.inner.width as usize),
            "{layout:?}"
        );
        let first = &layout.lines[0..2];
        assert_eq!(first[0].keys, "type");
        assert!(first[1].text.starts_with("  filter headlines"), "{first:?}");
        assert!(layout.max_scroll() > 0);
        assert_eq!(
            layout.max_scroll(),
            layout.lines.len() - layout.visible(),
            "the last line can reach the bottom"
        );
    }
}
