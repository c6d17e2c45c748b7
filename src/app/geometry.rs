//! Where things are on the screen, as plain rectangles: the panes, the reading
//! pane's text area, the list's rows. `update` needs the same geometry as the
//! drawing (to clamp scrolling, keep the selection visible and hit-test mouse
//! clicks), so it lives here, below `ui`, and `ui` draws into these areas.
//! Pure functions of sizes; [`App`](super::App) applies them to its own
//! viewport (`App::areas`, `App::reader_text_area`, `App::list_inner`).

use ratatui::layout::{Margin, Rect};

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

/// Splits `area`: the panes on top, the filter bar, then the hint line. On
/// narrow terminals the reading pane replaces the list while `reading` (it has
/// focus); `split` is the list pane's share of a wide screen in percent.
pub fn layout(area: Rect, reading: bool, split: u16) -> Areas {
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

/// Where the article text goes inside a reading pane at `area`: inside the border,
/// with a column of padding on each side when there is room, and at most
/// `max_width` columns wide (centred), because long lines are hard to read;
/// `max_width` 0 means no limit.
pub fn text_area(area: Rect, max_width: u16) -> Rect {
    let inner = pane_inner(area);
    let text = if inner.width > 10 {
        inner.inner(Margin::new(1, 0))
    } else {
        inner
    };
    if max_width > 0 && text.width > max_width {
        let x = text.x + (text.width - max_width) / 2;
        Rect::new(x, text.y, max_width, text.height)
    } else {
        text
    }
}

/// Lines per article row.
pub const ROW_HEIGHT: usize = 2;

/// Columns before the headline: selection bar, unread dot, star, a space.
pub const GUTTER: usize = 4;

/// How many rows fit, at least one.
pub fn visible_rows(inner_height: u16) -> usize {
    (inner_height as usize / ROW_HEIGHT).max(1)
}

/// The first row to show so that `selected` is visible, starting from `offset`, and
/// the screen stays full when it can.
pub fn offset_for(selected: usize, offset: usize, rows: usize, len: usize) -> usize {
    let rows = rows.max(1);
    let mut offset = offset.min(selected);
    if selected >= offset + rows {
        offset = selected + 1 - rows;
    }
    offset.min(len.saturating_sub(rows))
}
