//! Drawing the reader. Everything here reads an [`App`] and writes a buffer; nothing
//! changes state. The layout functions are pure so [`crate::app::update`] can use
//! the same geometry for clamping and mouse hit-testing.

pub mod filter_bar;
pub mod help;
pub mod list;
pub mod reader;
pub mod text;
pub mod theme;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::app::{App, Focus};

/// Terminals at least this wide show the list and the article side by side.
pub const WIDE_MIN_COLUMNS: u16 = 90;

/// Where each part of the screen goes; `None` for parts that are not shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    pub list: Option<Rect>,
    pub reader: Option<Rect>,
    pub filter: Option<Rect>,
    pub hint: Option<Rect>,
}

/// Whether `columns` is wide enough for side-by-side panes.
pub fn is_wide(columns: u16) -> bool {
    columns >= WIDE_MIN_COLUMNS
}

/// Splits `area` for `app`: the panes on top, the filter bar, then the hint line.
/// On narrow terminals the reading pane replaces the list while it has focus.
pub fn layout(app: &App, area: Rect) -> Areas {
    let reading = app.focus == Focus::Reader && app.selected_article().is_some();
    layout_for(area, reading, app.split)
}

/// [`layout`] from its inputs: `reading` is whether the reading pane has focus,
/// `split` the list pane's share of a wide screen in percent.
pub fn layout_for(area: Rect, reading: bool, split: u16) -> Areas {
    let mut areas = Areas::default();
    if area.is_empty() {
        return areas;
    }
    let (main_height, bars) = match area.height {
        1 => (0, 1),
        2 => (1, 1),
        h => (h - 2, 2),
    };
    let row = |offset: u16| Rect::new(area.x, area.y + offset, area.width, 1);
    areas.filter = Some(row(main_height));
    if bars == 2 {
        areas.hint = Some(row(main_height + 1));
    }
    if main_height == 0 {
        return areas;
    }
    let main = Rect::new(area.x, area.y, area.width, main_height);
    if is_wide(area.width) {
        // At least 30 columns of list and 40 of reader, whatever the split.
        let share = (u32::from(area.width) * u32::from(split) / 100) as u16;
        let list_width = share.clamp(30, area.width.saturating_sub(40).max(30));
        areas.list = Some(Rect::new(main.x, main.y, list_width, main.height));
        areas.reader = Some(Rect::new(
            main.x + list_width,
            main.y,
            main.width - list_width,
            main.height,
        ));
    } else if reading {
        areas.reader = Some(main);
    } else {
        areas.list = Some(main);
    }
    areas
}

/// The area of the whole terminal as `app` last saw it.
pub fn viewport_area(app: &App) -> Rect {
    Rect::new(0, 0, app.viewport.0, app.viewport.1)
}

/// Whether a pane of this size gets a border (tiny ones do not).
pub fn has_border(area: Rect) -> bool {
    area.width >= 4 && area.height >= 3
}

/// The inside of a pane: inside its border when it has one.
pub fn pane_inner(area: Rect) -> Rect {
    if has_border(area) {
        Rect::new(area.x + 1, area.y + 1, area.width - 2, area.height - 2)
    } else {
        area
    }
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let areas = layout(self, area);
        let focus = self.focus;
        if let Some(list_area) = areas.list {
            list::render(self, list_area, focus == Focus::List, buf);
        }
        if let Some(reader_area) = areas.reader {
            reader::render(self, reader_area, focus == Focus::Reader, buf);
        }
        if let Some(filter_area) = areas.filter {
            filter_bar::render(self, filter_area, buf);
        }
        if let Some(hint_area) = areas.hint {
            filter_bar::render_hint(self, hint_area, buf);
        }
        if self.show_help {
            help::render(self, area, buf);
        }
    }
}
