//! Drawing the reader. Everything here reads an [`App`] and a [`Theme`] and
//! writes a buffer; nothing changes state. Where things go comes from
//! [`crate::app::geometry`], which `update` uses too (clamping, hit-testing).

pub mod filter_bar;
pub mod help;
pub mod list;
pub mod problems;
pub mod reader;
pub mod text;
pub mod theme;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::app::geometry::layout;
use crate::app::{App, Focus};
use theme::Theme;

/// The whole screen: the app's state drawn with a theme. Borrowed, built per
/// frame: drawing copies nothing.
#[derive(Debug, Clone, Copy)]
pub struct Screen<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl<'a> Screen<'a> {
    pub fn new(app: &'a App, theme: &'a Theme) -> Self {
        Screen { app, theme }
    }
}

impl Widget for Screen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Screen { app, theme } = self;
        let reading = app.focus() == Focus::Reader && app.selected_article().is_some();
        let areas = layout(area, reading, app.split());
        let focus = app.focus();
        if let Some(list_area) = areas.list {
            list::render(app, theme, list_area, focus == Focus::List, buf);
        }
        if let Some(reader_area) = areas.reader {
            reader::render(app, theme, reader_area, focus == Focus::Reader, buf);
        }
        if let Some(filter_area) = areas.filter {
            filter_bar::render(app, theme, filter_area, buf);
        }
        if let Some(hint_area) = areas.hint {
            filter_bar::render_hint(app, theme, hint_area, buf);
        }
        if app.show_help() {
            help::render(app, theme, area, buf);
        }
        if app.show_problems() {
            problems::render(app, theme, area, buf);
        }
    }
}
