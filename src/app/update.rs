//! Applying actions to the state: the only code that changes an [`App`].

use super::action::Action;
use super::edit;
use super::effect::Effect;
use super::find::Find;
use super::state::{App, Focus};
use super::{geometry, reading};
use crate::article::links;
use crate::article::sanitize::clean_line;
use crate::library::{SortOrder, ViewFilter};

/// Lines the mouse wheel scrolls the reading pane per step.
pub const WHEEL_LINES: isize = 3;

/// Applies `action` to `app`, then restores the invariants: the selection is a valid
/// row, the list shows it, and the reading pane's scroll is within the article
/// (and back at the top when the selected article changed).
///
/// Showing an article in the reading pane with focus (Enter, Tab, a click, or
/// moving to another article while reading) marks it read; the state is then
/// saved by the event loop through [`Effect::SaveState`].
///
/// A confirmation in the status line goes with the next key or click
/// ([`Action::is_input`]) or when it expires ([`Action::ExpireStatus`]).
pub fn update(app: &mut App, action: Action) {
    if action.is_input() {
        if app.notice.is_some() {
            clear_notice(app);
        }
        // The user has moved on: no jump to last time's place, and the next
        // resize keeps the place read now.
        app.returning = None;
        app.resize_place = None;
    }
    let before = app.selected_index();
    let was_reading = app.focus == Focus::Reader;
    let opened = matches!(
        action,
        Action::Open | Action::ToggleFocus | Action::Click { .. }
    );
    // A resize keeps the reader's place: the text at the top stays at the top.
    // Resizes in a row (a window dragged) keep the first place, so the
    // reader does not drift a line per step.
    let place = match action {
        Action::Resize(..) if app.scroll > 0 => {
            app.resize_place.or_else(|| app.reader.place_of(app.scroll))
        }
        _ => None,
    };
    apply(app, action);
    let opened_from_full_text = opened
        && !was_reading
        && app.focus == Focus::Reader
        && app.full_text
        && !app.query.trim().is_empty();
    if app.matches.is_empty() {
        app.selected = 0;
        if app.focus == Focus::Reader {
            app.focus = Focus::List;
        }
    } else {
        app.selected = app.selected.min(app.matches.len() - 1);
    }
    // Rows are ordered lazily; the selected one must be in order to be read.
    app.matches.ensure_sorted(app.selected + 1);
    if app.selected_index() != before {
        app.scroll = 0;
    }
    if let Some(scroll) = app.restored_scroll.take() {
        app.scroll = scroll;
    }
    if app.focus != Focus::Reader {
        app.find = None;
    }
    clamp_scroll(app);
    if let Some(place) = place
        && let Some(article) = app.selected_index().and_then(|i| app.library.get(i))
    {
        app.scroll = app.reader.line_of(article, place);
        clamp_scroll(app);
        app.resize_place = Some(place);
    }
    if app
        .find
        .as_ref()
        .is_some_and(|f| !f.editing && f.found_in != app.reader.key)
    {
        // Another article or width: the same words, found again.
        search_article(app);
        show_current_hit(app);
    }
    if opened_from_full_text {
        find_full_text_match(app);
    }
    keep_selection_visible(app);
    let reading = app.focus == Focus::Reader;
    if reading
        && (!was_reading || app.selected_index() != before)
        && let Some(key) = app.selected_key()
        && !app.store.is_read(&key)
    {
        app.store.set_read(key, true);
        save(app);
    }
}

/// Lays the open article out in full and finds the search's words in it.
fn search_article(app: &mut App) {
    let Some(article) = app.selected_index().and_then(|i| app.library.get(i)) else {
        return;
    };
    app.reader.extend_to(article, usize::MAX);
    if let Some(find) = &mut app.find {
        find.search(&app.reader);
    }
}

/// Scrolls so the current match is on screen, a few lines below the top.
fn show_current_hit(app: &mut App) {
    let Some(hit) = app.find.as_ref().and_then(Find::current_hit) else {
        return;
    };
    let height = app.reader_text_area().height as usize;
    if hit.line < app.scroll || hit.line >= app.scroll + height {
        app.scroll = hit.line.saturating_sub(height / 4);
    }
    clamp_scroll(app);
}

/// An article opened from a full-text match: find the query's words in it
/// and scroll to the first.
fn find_full_text_match(app: &mut App) {
    let Some(term) = super::find::term_of(&app.query) else {
        return;
    };
    app.find = Some(Find {
        query: term,
        ..Find::default()
    });
    search_article(app);
    if app.find.as_ref().is_some_and(|f| f.hits.is_empty()) {
        app.find = None;
    }
    show_current_hit(app);
}

/// Queues a save of the reading state (once per batch is enough).
fn save(app: &mut App) {
    if !app.effects.contains(&Effect::SaveState) {
        app.effects.push(Effect::SaveState);
    }
}

/// Sets the status line to a confirmation or an error, numbered so the
/// event loop's timer clears this one and not a newer one.
fn notify(app: &mut App, text: impl Into<String>, error: bool) {
    app.status = Some(clean_line(&text.into()).into_owned());
    app.status_is_error = error;
    app.warning = None;
    app.notices += 1;
    app.notice = Some(app.notices);
}

fn clear_notice(app: &mut App) {
    app.status = None;
    app.status_is_error = false;
    app.notice = None;
}

/// Checks `url` and queues opening or copying it, or says why not.
fn url_effect(app: &mut App, url: Option<&str>, what: &str, copy: bool) {
    let url = url.map(str::trim).filter(|u| !u.is_empty());
    let Some(url) = url else {
        notify(app, format!("no URL for {what}"), true);
        return;
    };
    match links::browsable(url) {
        Some(url) if copy => app.effects.push(Effect::CopyUrl(url)),
        Some(url) => app.effects.push(Effect::OpenUrl(url)),
        None => notify(app, "refused: not an http(s) link", true),
    }
}

/// Makes the new view or sort take effect, keeping the selected article.
fn rearrange(app: &mut App) {
    app.anchor = app.selected_index();
    app.arrange();
}

fn apply(app: &mut App, action: Action) {
    match action {
        Action::Quit => app.should_quit = true,
        Action::MoveSelection(delta) => {
            app.selected = app.selected.saturating_add_signed(delta);
            let last = app.matches.len().saturating_sub(1);
            app.selected = app.selected.min(last);
        }
        Action::SelectFirst => app.selected = 0,
        Action::SelectLast => app.selected = app.matches.len().saturating_sub(1),
        Action::SelectRow(row) => {
            if row < app.matches.len() {
                app.selected = row;
            }
        }
        Action::Scroll(delta) if app.show_help => scroll_help(app, delta),
        Action::ScrollPages(pages) if app.show_help => {
            let page = app.help_layout().visible().saturating_sub(1).max(1) as isize;
            scroll_help(app, pages.saturating_mul(page));
        }
        Action::ScrollTop if app.show_help => app.help_scroll = 0,
        Action::ScrollBottom if app.show_help => scroll_help(app, isize::MAX),
        // The problems view does not scroll (it says how many more there
        // are); the article under it stays where it is.
        Action::Scroll(_) | Action::ScrollPages(_) | Action::ScrollTop | Action::ScrollBottom
            if app.show_problems => {}
        Action::Scroll(delta) => scroll_by(app, delta),
        // Where the article is not on screen (a narrow list), PgUp/PgDn page
        // the list instead of an article nobody sees.
        Action::ScrollPages(pages) if app.focus == Focus::List && app.areas().reader.is_none() => {
            page_list(app, pages);
        }
        Action::ScrollPages(pages) => {
            let page = app.reader_text_area().height.saturating_sub(1).max(1) as isize;
            scroll_by(app, pages.saturating_mul(page));
        }
        Action::ListPages(pages) => page_list(app, pages),
        Action::ScrollTop => app.scroll = 0,
        Action::ScrollBottom => app.scroll = usize::MAX,
        Action::ToggleFocus => {
            app.focus = match app.focus {
                Focus::List if app.selected_article().is_some() => Focus::Reader,
                _ => Focus::List,
            };
        }
        Action::Open => {
            if app.selected_article().is_some() {
                app.focus = Focus::Reader;
            }
        }
        Action::Back => app.focus = Focus::List,
        Action::ClearOrQuit => {
            if app.query.is_empty() {
                app.should_quit = true;
            } else {
                set_query(app, String::new(), 0);
            }
        }
        Action::FilterInput(c) => {
            // The filter reads no more (see `MAX_QUERY_CHARS`); typing on
            // would only cost time.
            let full = app.query.chars().count() >= crate::filter::query::MAX_QUERY_CHARS;
            if !c.is_control() && !full {
                let mut query = app.query.clone();
                query.insert(app.cursor, c);
                set_query(app, query, app.cursor + c.len_utf8());
            }
        }
        Action::FilterPaste(text) => {
            let room =
                crate::filter::query::MAX_QUERY_CHARS.saturating_sub(app.query.chars().count());
            // One line, no controls or escapes (`clean_line` makes newlines go),
            // inserted at the cursor.
            let pasted: String = clean_line(&text.replace(['\n', '\r'], " "))
                .chars()
                .take(room)
                .collect();
            let mut query = app.query.clone();
            query.insert_str(app.cursor, &pasted);
            let cursor = app.cursor + pasted.len();
            set_query(app, query, cursor);
        }
        Action::FilterBackspace => {
            let start = edit::previous(&app.query, app.cursor);
            let mut query = app.query.clone();
            query.replace_range(start..app.cursor, "");
            set_query(app, query, start);
        }
        Action::FilterDelete => {
            let end = edit::next(&app.query, app.cursor);
            let mut query = app.query.clone();
            query.replace_range(app.cursor..end, "");
            set_query(app, query, app.cursor);
        }
        Action::FilterDeleteWord => {
            let start = edit::word_start(&app.query, app.cursor);
            let mut query = app.query.clone();
            query.replace_range(start..app.cursor, "");
            set_query(app, query, start);
        }
        Action::CursorBy(delta) => {
            for _ in 0..delta.unsigned_abs() {
                app.cursor = if delta < 0 {
                    edit::previous(&app.query, app.cursor)
                } else {
                    edit::next(&app.query, app.cursor)
                };
            }
        }
        Action::CursorStart => app.cursor = 0,
        Action::CursorEnd => app.cursor = app.query.len(),
        Action::FilterClear => {
            // While reading, the filter goes but the article stays open (and
            // selected): leaving the reader would lose the reader's place.
            let reading = app.focus == Focus::Reader;
            let had_query = !app.query.is_empty();
            set_query(app, String::new(), 0);
            if reading {
                app.focus = Focus::Reader;
                if had_query {
                    notify(app, "filter cleared", false);
                }
            }
        }
        Action::ToggleFullText => {
            app.full_text = !app.full_text;
            // Same query, new results: keep the article unless the query
            // filters (then the best match, as after typing).
            app.anchor = if app.query.trim().is_empty() {
                app.selected_index()
            } else {
                None
            };
            request_filter(app);
        }
        Action::ToggleRead => {
            if let Some(key) = app.selected_key() {
                let read = app.store.toggle_read(key);
                notify(
                    app,
                    if read { "marked read" } else { "marked unread" },
                    false,
                );
                save(app);
            }
        }
        Action::ToggleStar => {
            if let Some(key) = app.selected_key() {
                let starred = app.store.toggle_starred(key);
                notify(app, if starred { "starred" } else { "unstarred" }, false);
                save(app);
            }
        }
        Action::CycleView => {
            app.view = match app.view {
                ViewFilter::All => ViewFilter::Unread,
                ViewFilter::Unread => ViewFilter::Starred,
                ViewFilter::Starred => ViewFilter::All,
            };
            rearrange(app);
        }
        Action::CycleSort => {
            app.sort = match app.sort {
                SortOrder::Relevance => SortOrder::Newest,
                SortOrder::Newest => SortOrder::Source,
                SortOrder::Source => SortOrder::Title,
                SortOrder::Title => SortOrder::Relevance,
            };
            rearrange(app);
        }
        Action::OpenUrl | Action::CopyUrl => {
            if let Some(index) = app.selected_index() {
                let url = app.articles()[index].url.clone();
                let copy = action == Action::CopyUrl;
                url_effect(app, url.as_deref(), "this article", copy);
            }
        }
        Action::OpenLink(n) => {
            if let Some(article) = app.selected_article() {
                let links = reading::numbered_links(article);
                match links.get(n.wrapping_sub(1)) {
                    Some(url) => {
                        let url = url.map(str::to_owned);
                        url_effect(app, url.as_deref(), &format!("link [{n}]"), false);
                    }
                    None => notify(app, format!("no link [{n}] in this article"), true),
                }
            }
        }
        Action::FindStart => {
            app.find = Some(Find {
                editing: true,
                ..Find::default()
            });
        }
        Action::FindInput(c) => {
            if let Some(find) = &mut app.find {
                find.query.push(c);
                find.found_in = None;
            }
        }
        Action::FindBackspace => {
            if let Some(find) = &mut app.find {
                find.query.pop();
                find.found_in = None;
            }
        }
        Action::FindAccept => {
            let empty = app.find.as_ref().is_none_or(|f| f.query.trim().is_empty());
            if empty {
                app.find = None;
            } else {
                search_article(app);
                if let Some(find) = &mut app.find {
                    find.editing = false;
                    find.start_at(app.scroll);
                }
                show_current_hit(app);
            }
        }
        Action::FindStep(step) => {
            if let Some(find) = &mut app.find {
                find.step(step);
            }
            show_current_hit(app);
        }
        Action::FindClose => app.find = None,
        Action::ToggleHelp => {
            app.show_help = !app.show_help;
            app.help_scroll = 0;
            app.show_problems = false;
        }
        Action::CloseHelp => {
            app.show_help = false;
            app.show_problems = false;
        }
        Action::ToggleProblems => {
            app.show_problems = !app.show_problems;
            app.show_help = false;
        }
        Action::FeedProblems(problems) => app.problems = problems,
        Action::Click { column, row } => click(app, column, row),
        Action::Wheel { column, row, down } => wheel(app, column, row, down),
        Action::Resize(columns, rows) => app.viewport = (columns, rows),
        Action::ArticlesLoaded(batch) => app.append_articles(batch),
        Action::ArticlesReplaced { old, new } => {
            if app.replace_articles(&old, new) {
                save(app);
            }
        }
        Action::Copies(copies) => {
            for (key, path) in copies {
                app.copies.entry(key).or_default().push(path);
            }
            // Laid out again with the copies in its details.
            app.reader = Default::default();
        }
        Action::FilterResults {
            query,
            options,
            matches,
        } => {
            if query == app.query && options == app.query_options() {
                app.filter_pending = false;
                app.apply_matches(matches);
            }
        }
        Action::Status(status) => {
            app.status = status.map(|s| clean_line(&s).into_owned());
            app.status_is_error = false;
            app.notice = None;
        }
        Action::Notify { text, error } => notify(app, text, error),
        Action::FetchFeeds => {
            if app.fetching {
                notify(app, "already fetching", false);
            } else {
                app.fetching = true;
                app.effects.push(Effect::FetchFeeds);
            }
        }
        Action::FetchFinished { text, error } => {
            app.fetching = false;
            // The first-run note has done its work: the user fetches.
            app.welcome = None;
            notify(app, text, error);
        }
        Action::ExpireStatus(notice) => {
            if app.notice == Some(notice) {
                clear_notice(app);
            }
        }
    }
}

/// Changes the filter text (the cursor then at `cursor`) and re-filters.
/// Typing goes to the list; a cleared filter keeps the selected article, a
/// new query selects the best match.
fn set_query(app: &mut App, query: String, cursor: usize) {
    app.cursor = cursor.min(query.len());
    if query == app.query {
        return;
    }
    app.anchor = if query.trim().is_empty() {
        app.selected_index()
    } else {
        None
    };
    app.query = query;
    app.focus = Focus::List;
    request_filter(app);
}

/// Asks the filter for the current query in the current mode (the answer comes
/// back as [`Action::FilterResults`]).
fn request_filter(app: &mut App) {
    // One request per batch of keys: only the newest query matters.
    app.effects.retain(|e| !matches!(e, Effect::Filter { .. }));
    app.effects.push(Effect::Filter {
        query: app.query.clone(),
        options: app.query_options(),
    });
    if app.query.trim().is_empty() {
        // Every article in library order: no need to ask the worker.
        app.filter_pending = false;
        app.show_all();
    } else {
        // The list keeps the previous results until the answer arrives.
        app.filter_pending = true;
    }
}

/// Moves the selection and the list's first row by `pages` screens of rows,
/// as a pager does: the row that was at the bottom is near the top.
fn page_list(app: &mut App, pages: isize) {
    let rows = app
        .list_inner()
        .map(|inner| geometry::visible_rows(inner.height))
        .unwrap_or(1)
        .max(1);
    let delta = pages.saturating_mul(rows as isize);
    let last = app.matches.len().saturating_sub(1);
    app.selected = app.selected.saturating_add_signed(delta).min(last);
    app.list_offset = app
        .list_offset
        .saturating_add_signed(delta)
        .min(last.saturating_sub(rows - 1));
}

/// Scrolls the help overlay, which stops with its last line at the bottom.
fn scroll_help(app: &mut App, delta: isize) {
    let max = app.help_layout().max_scroll();
    app.help_scroll = app.help_scroll.saturating_add_signed(delta).min(max);
}

fn scroll_by(app: &mut App, delta: isize) {
    app.scroll = app.scroll.saturating_add_signed(delta);
}

fn clamp_scroll(app: &mut App) {
    app.lay_out_reader();
}

fn keep_selection_visible(app: &mut App) {
    let rows = app
        .list_inner()
        .map(|inner| geometry::visible_rows(inner.height))
        .unwrap_or(1);
    app.list_offset = geometry::offset_for(app.selected, app.list_offset, rows, app.matches.len());
    // The renderer reads only ordered rows: order those the list shows (a
    // last row cut in half included).
    let drawn = app.list_inner().map_or(rows, |inner| {
        (inner.height as usize).div_ceil(geometry::ROW_HEIGHT)
    });
    app.matches.ensure_sorted(app.list_offset + drawn);
    app.highlight_rows(app.list_offset, drawn);
}

fn contains(area: Option<ratatui::layout::Rect>, column: u16, row: u16) -> bool {
    area.is_some_and(|a| a.contains(ratatui::layout::Position::new(column, row)))
}

fn click(app: &mut App, column: u16, row: u16) {
    let areas = app.areas();
    if contains(areas.list, column, row) {
        app.focus = Focus::List;
        if let Some(inner) = app.list_inner()
            && contains(Some(inner), column, row)
        {
            let offset = (row - inner.y) as usize / geometry::ROW_HEIGHT;
            let target = app.list_offset + offset;
            if target < app.matches.len() {
                app.selected = target;
            }
        }
    } else if contains(areas.reader, column, row) && app.selected_article().is_some() {
        app.focus = Focus::Reader;
    }
}

fn wheel(app: &mut App, column: u16, row: u16, down: bool) {
    let areas = app.areas();
    let sign = if down { 1 } else { -1 };
    if contains(areas.list, column, row) {
        apply(app, Action::MoveSelection(sign));
    } else if contains(areas.reader, column, row) {
        scroll_by(app, sign * WHEEL_LINES);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Harness;
    use crate::article::Article;
    use crate::filter::{QueryOptions, Ranked};
    use crate::library::{SortOrder, ViewFilter};

    fn harness(articles: Vec<Article>, viewport: (u16, u16)) -> Harness {
        Harness::new(App::new(articles, viewport))
    }

    /// The reference for scroll limits: the whole article laid out by the
    /// renderer's own function, minus one screen (production lays out lazily).
    fn max_scroll(app: &App) -> usize {
        let Some(article) = app.selected_article() else {
            return 0;
        };
        let area = app.reader_text_area();
        let lines = reading::article_lines(article, area.width as usize);
        lines.len().saturating_sub(area.height as usize)
    }

    fn article(title: &str, paragraphs: usize) -> Article {
        Article {
            title: title.to_owned(),
            body: (0..paragraphs)
                .map(|i| format!("Paragraph {i} of the story about {title}."))
                .collect(),
            ..Default::default()
        }
    }

    fn app() -> Harness {
        harness(
            vec![
                article("Blinken to Lavrov: US to Maintain Ukraine Support", 3),
                article("US Won't Commit to NATO Membership for Ukraine", 60),
                article(
                    "Top US Diplomat Raises Navalny Jailed Americans With Russia",
                    3,
                ),
                article("Russia's top military leaders have been refusing calls", 3),
            ],
            (120, 40),
        )
    }

    fn typed(app: &mut Harness, text: &str) {
        for c in text.chars() {
            app.apply(Action::FilterInput(c));
        }
    }

    #[test]
    fn selection_clamps_at_both_ends() {
        let mut app = app();
        app.apply(Action::MoveSelection(-1));
        assert_eq!(app.selected, 0);
        app.apply(Action::MoveSelection(10));
        assert_eq!(app.selected, 3);
        app.apply(Action::MoveSelection(1));
        assert_eq!(app.selected, 3);
        app.apply(Action::SelectFirst);
        assert_eq!(app.selected, 0);
        app.apply(Action::SelectLast);
        assert_eq!(app.selected_index(), Some(3));
        app.apply(Action::SelectRow(99));
        assert_eq!(app.selected, 3, "a click below the rows changes nothing");
    }

    #[test]
    fn typing_filters_and_selects_the_best_match() {
        let mut app = app();
        app.apply(Action::SelectLast);
        typed(&mut app, "nato");
        assert_eq!(app.query, "nato");
        assert_eq!(app.matches.sorted().first().map(|m| m.index), Some(1));
        assert_eq!(app.selected_index(), Some(1));
        assert!(app.matches.sorted().iter().all(|m| m.index != 3));
    }

    #[test]
    fn clearing_the_filter_keeps_the_selected_article() {
        let mut app = app();
        typed(&mut app, "navalny");
        assert_eq!(app.selected_index(), Some(2));
        app.apply(Action::FilterClear);
        assert_eq!(app.matches.len(), 4);
        assert_eq!(app.selected_index(), Some(2));
    }

    #[test]
    fn backspace_and_delete_word_edit_the_query() {
        let mut app = app();
        typed(&mut app, "us nato");
        app.apply(Action::FilterBackspace);
        assert_eq!(app.query, "us nat");
        app.apply(Action::FilterDeleteWord);
        assert_eq!(app.query, "us ");
        app.apply(Action::FilterDeleteWord);
        assert_eq!(app.query, "");
        app.apply(Action::FilterBackspace);
        assert_eq!(app.query, "");
        assert!(!app.should_quit);
    }

    #[test]
    fn no_match_leaves_no_selection_and_returns_focus_to_the_list() {
        let mut app = app();
        app.apply(Action::Open);
        assert_eq!(app.focus, Focus::Reader);
        typed(&mut app, "zzzzqqq");
        assert!(app.matches.is_empty());
        assert_eq!(app.selected_article(), None);
        assert_eq!(app.focus, Focus::List);
        app.apply(Action::MoveSelection(1));
        app.apply(Action::Open);
        app.apply(Action::ScrollPages(1));
        assert_eq!((app.selected, app.scroll, app.focus), (0, 0, Focus::List));
    }

    #[test]
    fn esc_clears_the_filter_then_quits() {
        let mut app = app();
        typed(&mut app, "nato");
        app.apply(Action::ClearOrQuit);
        assert_eq!(app.query, "");
        assert!(!app.should_quit);
        app.apply(Action::ClearOrQuit);
        assert!(app.should_quit);
    }

    #[test]
    fn esc_while_reading_goes_back_to_the_list() {
        let mut app = app();
        app.apply(Action::Open);
        assert_eq!(app.mode(), crate::app::Mode::Reader);
        app.apply(Action::Back);
        assert_eq!(app.mode(), crate::app::Mode::List);
        assert!(!app.should_quit);
    }

    #[test]
    fn scroll_clamps_to_the_article_length() {
        let mut app = app();
        app.apply(Action::SelectRow(1));
        let max = max_scroll(&app);
        assert!(max > 0, "60 paragraphs overflow a 40-row terminal");
        app.apply(Action::ScrollBottom);
        assert_eq!(app.scroll, max);
        app.apply(Action::ScrollPages(5));
        assert_eq!(app.scroll, max);
        app.apply(Action::Scroll(-1));
        assert_eq!(app.scroll, max - 1);
        app.apply(Action::ScrollPages(-100));
        assert_eq!(app.scroll, 0);
        app.apply(Action::Scroll(-1));
        assert_eq!(app.scroll, 0);
        // A short article cannot scroll at all.
        app.apply(Action::SelectFirst);
        app.apply(Action::ScrollBottom);
        assert_eq!(app.scroll, 0);
    }

    #[test]
    fn scrolling_to_the_end_stops_at_the_last_rendered_line() {
        let mut app = app();
        app.apply(Action::SelectRow(1));
        app.apply(Action::ScrollBottom);
        let area = app.reader_text_area();
        let lines = reading::article_lines(&app.articles()[1], area.width as usize);
        assert_eq!(app.scroll, lines.len() - area.height as usize);
    }

    #[test]
    fn a_narrower_terminal_allows_more_scrolling_and_resize_reclamps() {
        let mut app = app();
        app.apply(Action::SelectRow(1));
        let wide_max = max_scroll(&app);
        app.apply(Action::Resize(40, 12));
        let narrow_max = max_scroll(&app);
        assert!(narrow_max > wide_max);
        app.apply(Action::ScrollBottom);
        assert_eq!(app.scroll, narrow_max);
        app.apply(Action::Resize(200, 60));
        assert_eq!(app.scroll, max_scroll(&app), "scroll re-clamps on resize");
    }

    #[test]
    fn changing_article_scrolls_back_to_the_top() {
        let mut app = app();
        app.apply(Action::SelectRow(1));
        app.apply(Action::Scroll(5));
        assert_eq!(app.scroll, 5);
        app.apply(Action::MoveSelection(1));
        assert_eq!(app.scroll, 0);
    }

    #[test]
    fn focus_toggles_and_enter_opens() {
        let mut app = app();
        app.apply(Action::ToggleFocus);
        assert_eq!(app.focus, Focus::Reader);
        app.apply(Action::ToggleFocus);
        assert_eq!(app.focus, Focus::List);
        app.apply(Action::Open);
        assert_eq!(app.focus, Focus::Reader);
        // Typing while reading goes back to the list and filters.
        app.apply(Action::FilterInput('u'));
        assert_eq!((app.focus, app.query.as_str()), (Focus::List, "u"));
    }

    #[test]
    fn articles_loaded_appends_keeps_the_selection_and_refilters() {
        let mut app = harness(Vec::new(), (120, 40));
        assert_eq!(app.selected_article(), None);
        let mut all = app_articles();
        let later = all.split_off(2);
        app.apply(Action::ArticlesLoaded(all.into()));
        app.apply(Action::SelectRow(1));
        app.apply(Action::ArticlesLoaded(later.into()));
        assert_eq!(app.articles().len(), 4);
        assert_eq!(app.matches.len(), 4);
        assert_eq!(app.selected_index(), Some(1));
        typed(&mut app, "russia");
        app.apply(Action::SelectRow(1));
        let kept = app.selected_index();
        app.apply(Action::ArticlesLoaded(
            vec![article("Russia again", 1)].into(),
        ));
        assert_eq!(app.selected_index(), kept);
        assert!(app.matches.sorted().iter().any(|m| m.index == 4));
    }

    /// An app whose filter answers only when the test says so: `update`
    /// alone, with the answers written by [`answer`].
    fn background(articles: Vec<Article>) -> App {
        App::new(articles, (120, 40))
    }

    fn typed_alone(app: &mut App, text: &str) {
        for c in text.chars() {
            update(app, Action::FilterInput(c));
        }
    }

    fn filter_request(query: &str) -> Effect {
        Effect::Filter {
            query: query.to_owned(),
            options: QueryOptions::default(),
        }
    }

    /// Answers the app's pending filter request as the worker would.
    fn answer(app: &mut App) {
        let query = app
            .effects
            .iter()
            .rev()
            .find_map(|e| match e {
                Effect::Filter { query, .. } => Some(query.clone()),
                _ => None,
            })
            .expect("a filter request");
        app.effects.retain(|e| !matches!(e, Effect::Filter { .. }));
        let matches = crate::filter::rank(&query, app.articles().iter().map(|a| a.title.as_str()));
        update(
            app,
            Action::FilterResults {
                query,
                options: QueryOptions::default(),
                matches: Ranked::from_sorted(matches),
            },
        );
    }

    #[test]
    fn with_a_worker_typing_echoes_at_once_and_the_list_waits_for_the_answer() {
        let mut app = background(app_articles());
        typed_alone(&mut app, "nato");
        assert_eq!(app.query, "nato");
        assert!(app.filter_pending);
        assert_eq!(app.matches.len(), 4, "previous results until the answer");
        assert_eq!(
            app.effects,
            vec![filter_request("nato")],
            "one request per batch of keys: the newest"
        );
        answer(&mut app);
        assert!(!app.filter_pending);
        assert_eq!(app.matches.sorted().first().map(|m| m.index), Some(1));
        // Clearing shows everything in library order without asking.
        update(&mut app, Action::FilterClear);
        assert!(!app.filter_pending);
        assert_eq!(order(&app), [0, 1, 2, 3]);
        assert_eq!(app.effects, vec![filter_request("")]);
    }

    #[test]
    fn with_a_worker_batches_append_while_a_filter_is_active() {
        let mut all = app_articles();
        let later = all.split_off(2);
        let mut app = background(all);
        typed_alone(&mut app, "russia");
        answer(&mut app);
        assert_eq!(order(&app), Vec::<u32>::new(), "no Russia headline yet");
        update(&mut app, Action::ArticlesLoaded(later.into()));
        assert_eq!(app.articles().len(), 4);
        assert!(app.matches.is_empty(), "the worker has not answered yet");
        // The worker re-runs the query over new headlines by itself.
        app.effects.push(filter_request("russia"));
        answer(&mut app);
        assert_eq!(app.matches.len(), 2, "new matching articles appear");
        update(&mut app, Action::SelectRow(1));
        let kept = app.selected_index();
        update(
            &mut app,
            Action::ArticlesLoaded(vec![article("Russia again", 1)].into()),
        );
        app.effects.push(filter_request("russia"));
        answer(&mut app);
        assert_eq!(app.matches.len(), 3);
        assert_eq!(app.selected_index(), kept, "selection stays on its article");
    }

    #[test]
    fn with_a_worker_stale_answers_are_dropped() {
        let mut app = background(app_articles());
        typed_alone(&mut app, "na");
        typed_alone(&mut app, "to");
        let stale = crate::filter::rank("na", app.articles().iter().map(|a| a.title.as_str()));
        update(
            &mut app,
            Action::FilterResults {
                query: "na".to_owned(),
                options: QueryOptions::default(),
                matches: Ranked::from_sorted(stale),
            },
        );
        assert!(app.filter_pending, "still waiting for \"nato\"");
        assert_eq!(app.matches.len(), 4);
        answer(&mut app);
        assert_eq!(app.matches.sorted().first().map(|m| m.index), Some(1));
    }

    #[test]
    fn unfiltered_batches_keep_the_sort_and_the_selection_without_resorting() {
        let mut app = App::new(Vec::new(), (120, 40));
        app.sort = SortOrder::Title;
        let mut all = sorted_app().articles().to_vec();
        let later = all.split_off(2);
        update(&mut app, Action::ArticlesLoaded(all.into()));
        assert_eq!(order(&app), [1, 0]);
        update(&mut app, Action::SelectRow(1));
        update(&mut app, Action::ArticlesLoaded(later.into()));
        assert_eq!(order(&app), [1, 0, 2, 3], "merged in title order");
        assert_eq!(app.selected_index(), Some(0), "selection stays on bravo");
        assert!(
            app.effects.is_empty(),
            "no filter request for an empty query"
        );
    }

    /// The worker orders only the best matches; the rest arrive unordered. What
    /// the list shows must still be the best rows in rank order, at the top and
    /// after a jump to the end.
    #[test]
    fn an_answer_ordered_only_in_part_shows_its_rows_in_rank_order() {
        use crate::filter::Match;
        let articles: Vec<Article> = (0..3_000)
            .map(|i| Article {
                title: format!("Headline {i}"),
                ..Default::default()
            })
            .collect();
        let mut app = background(articles);
        typed_alone(&mut app, "h");
        // Scores with many ties, in no order.
        let matches: Vec<Match> = (0..3_000u32)
            .map(|i| Match {
                index: (i * 1_237) % 3_000,
                score: i64::from((i * 7) % 500),
            })
            .collect();
        let mut expected = matches.clone();
        expected.sort_by(|a, b| b.score.cmp(&a.score).then(a.index.cmp(&b.index)));
        update(
            &mut app,
            Action::FilterResults {
                query: "h".to_owned(),
                options: QueryOptions::default(),
                matches: Ranked::new(matches),
            },
        );
        assert_eq!(app.selected_index(), Some(expected[0].index as usize));
        let rows = app
            .list_inner()
            .map(|inner| geometry::visible_rows(inner.height))
            .expect("a list pane");
        let shown = app.matches.sorted();
        assert!(shown.len() >= rows, "the visible rows are ordered");
        assert_eq!(shown, &expected[..shown.len()]);
        update(&mut app, Action::SelectLast);
        assert_eq!(app.selected, 2_999);
        assert_eq!(
            app.selected_index(),
            expected.last().map(|m| m.index as usize)
        );
        let offset = app.list_offset;
        assert_eq!(
            &app.matches.sorted()[offset..],
            &expected[offset..],
            "the rows at the end, in order"
        );
    }

    fn app_articles() -> Vec<Article> {
        app().articles().to_vec()
    }

    #[test]
    fn stale_filter_results_are_ignored() {
        let mut app = app();
        typed(&mut app, "nato");
        let stale = crate::filter::Match { index: 3, score: 1 };
        app.apply(Action::FilterResults {
            query: "old".to_owned(),
            options: QueryOptions::default(),
            matches: Ranked::from_sorted(vec![stale]),
        });
        assert_ne!(app.matches.sorted(), &[stale]);
        app.apply(Action::FilterResults {
            query: "nato".to_owned(),
            options: QueryOptions::default(),
            matches: Ranked::from_sorted(vec![stale]),
        });
        assert_eq!(app.matches.sorted(), &[stale]);
    }

    #[test]
    fn ctrl_f_toggles_full_text_and_refilters() {
        let mut app = app();
        typed(&mut app, "'story");
        assert!(app.matches.is_empty(), "no headline says story");
        app.apply(Action::ToggleFullText);
        assert!(app.full_text);
        assert_eq!(app.matches.len(), 4, "every body does");
        typed(&mut app, " 'nato");
        assert_eq!(order(&app), [1], "headline AND body terms");
        app.apply(Action::ToggleFullText);
        assert!(!app.full_text);
        assert!(app.matches.is_empty());
        // The mode does not change results without a query.
        app.apply(Action::FilterClear);
        app.apply(Action::SelectRow(2));
        app.apply(Action::ToggleFullText);
        assert_eq!((app.matches.len(), app.selected_index()), (4, Some(2)));
    }

    /// With a sort other than relevance, batches may bring articles that sort
    /// before the first one: the selection starts, and stays, on the first row.
    #[test]
    fn another_default_sort_starts_on_the_first_row_while_loading() {
        let mut app = App::new(Vec::new(), (120, 40));
        app.sort = SortOrder::Title;
        let mut all = sorted_app().articles().to_vec(); // bravo, Alpha, charlie, delta
        let later = all.split_off(1);
        update(&mut app, Action::ArticlesLoaded(all.into()));
        assert_eq!(app.selected_index(), Some(0), "bravo, the only one");
        update(&mut app, Action::ArticlesLoaded(later.into()));
        assert_eq!(order(&app), [1, 0, 2, 3]);
        assert_eq!(app.selected, 0, "the first row");
        assert_eq!(app.selected_index(), Some(1), "Alpha");
    }

    /// Typing while loading: the worker answers the query for what has loaded,
    /// then again as more arrives. The selection is the best match of the
    /// newest answer, not the best of the first one wherever it ranks now.
    #[test]
    fn answers_growing_while_loading_keep_the_best_match_selected() {
        let mut app = background(vec![article("Natural gas output rises", 1)]);
        typed_alone(&mut app, "nato");
        answer(&mut app);
        assert_eq!(app.selected_index(), Some(0));
        let mut more: Vec<Article> = (0..50)
            .map(|i| article(&format!("Nations talk over {i} options"), 1))
            .collect();
        more.push(article("NATO summit opens", 1));
        update(&mut app, Action::ArticlesLoaded(more.into()));
        // The worker re-runs the query over the new headlines.
        app.effects.push(filter_request("nato"));
        answer(&mut app);
        assert_eq!(app.selected, 0);
        assert_eq!(
            app.selected_article().map(|a| a.title.as_str()),
            Some("NATO summit opens")
        );
        // A choice the user made is kept.
        update(&mut app, Action::MoveSelection(2));
        let chosen = app.selected_index();
        update(
            &mut app,
            Action::ArticlesLoaded(vec![article("NATO, the summit", 1)].into()),
        );
        app.effects.push(filter_request("nato"));
        answer(&mut app);
        assert_eq!(app.selected_index(), chosen);
    }

    /// Reopening a library goes back to the article, its scroll, the view and
    /// the sort it was left with, once the article has loaded.
    #[test]
    fn reopening_returns_to_the_place_it_was_left() {
        let all = vec![
            article("Bravo", 3),
            article("Alpha", 3),
            article("Charlie", 60),
            article("Delta", 3),
        ];
        let mut before = App::new(all.clone(), (120, 40));
        update(&mut before, Action::CycleSort); // newest
        update(&mut before, Action::CycleSort); // source
        update(&mut before, Action::CycleSort); // title
        update(&mut before, Action::SelectRow(2)); // Charlie
        update(&mut before, Action::Open);
        update(&mut before, Action::Scroll(7));
        let place = before.place();
        assert_eq!((place.sort.as_str(), place.scroll), ("title", 7));

        let mut app = App::new(Vec::new(), (120, 40));
        app.return_to(&place);
        assert_eq!(app.sort, SortOrder::Title, "the sort at once");
        update(&mut app, Action::ArticlesLoaded(all[..2].to_vec().into()));
        assert_eq!(app.selected, 0, "not loaded yet: the first row");
        update(&mut app, Action::ArticlesLoaded(all[2..].to_vec().into()));
        assert_eq!(
            app.selected_article().map(|a| a.title.as_str()),
            Some("Charlie")
        );
        assert_eq!(app.scroll, 7, "read as far as before");

        // A key before the article arrives: the user's choice wins.
        let mut app = App::new(Vec::new(), (120, 40));
        app.return_to(&place);
        update(&mut app, Action::ArticlesLoaded(all[..2].to_vec().into()));
        update(&mut app, Action::MoveSelection(1));
        update(&mut app, Action::ArticlesLoaded(all[2..].to_vec().into()));
        assert_eq!(
            app.selected_article().map(|a| a.title.as_str()),
            Some("Bravo")
        );
        assert_eq!(app.scroll, 0);
    }

    /// `/` while reading finds words in the article: every match, the first
    /// one from the reading position scrolled into view, n/N (FindStep) round
    /// the end, Esc closes it.
    #[test]
    fn finding_in_the_article_moves_between_matches() {
        let mut app = app();
        update(&mut app, Action::SelectRow(1)); // 60 paragraphs
        update(&mut app, Action::Open);
        update(&mut app, Action::FindStart);
        assert_eq!(app.mode(), crate::app::Mode::Find);
        for c in "paragraph 4".chars() {
            update(&mut app, Action::FindInput(c));
        }
        update(&mut app, Action::FindAccept);
        assert_eq!(app.mode(), crate::app::Mode::Found);
        let find = app.find.clone().expect("a search");
        // "Paragraph 4." and "Paragraph 40." … "Paragraph 49.": 11 matches.
        assert_eq!(find.hits.len(), 11);
        let line_text = |app: &App, line: usize| app.reader.lines[line].text();
        let first = find.hits[0];
        assert!(line_text(&app, first.line).starts_with("Paragraph 4 "));
        update(&mut app, Action::FindStep(1));
        let second = app.find.as_ref().and_then(Find::current_hit).expect("hit");
        assert!(line_text(&app, second.line).starts_with("Paragraph 40 "));
        let height = app.reader_text_area().height as usize;
        assert!(
            (app.scroll..app.scroll + height).contains(&second.line),
            "the match is on screen"
        );
        update(&mut app, Action::FindStep(-2));
        assert_eq!(
            app.find.as_ref().map(|f| f.current),
            Some(10),
            "round the start"
        );
        update(&mut app, Action::FindClose);
        assert_eq!(app.find, None);
        assert_eq!(app.mode(), crate::app::Mode::Reader);
    }

    /// An article opened from a full-text match scrolls to the first match of
    /// the query in it, highlighted.
    #[test]
    fn opening_a_full_text_match_scrolls_to_it() {
        let mut articles = vec![article("Quiet news", 60)];
        articles[0].body[45] = "The harbour wall gave way at dawn.".to_owned();
        let mut app = harness(articles, (80, 24));
        app.apply(Action::ToggleFullText);
        typed(&mut app, "harbour");
        app.apply(Action::Open);
        let hit = app
            .find
            .as_ref()
            .and_then(Find::current_hit)
            .expect("found");
        assert!(app.reader.lines[hit.line].text().contains("harbour wall"));
        assert!(app.scroll > 0 && hit.line >= app.scroll, "scrolled to it");
    }

    /// After a resize the first line on screen holds the text that was at the
    /// top before, whatever the new wrapping; back to the first width, the
    /// same line as before.
    #[test]
    fn a_resize_keeps_the_place_in_the_article() {
        let long = Article {
            title: "A long read".to_owned(),
            body: (0..40)
                .map(|i| {
                    format!(
                        "Paragraph {i} begins here and goes on with words enough to wrap \
                         onto several lines at any width a terminal is likely to have, \
                         so that its lines break in other places when the width changes."
                    )
                })
                .collect(),
            ..Default::default()
        };
        let mut app = App::new(vec![long], (120, 40));
        update(&mut app, Action::Open);
        update(&mut app, Action::Scroll(37));
        let top = |app: &App| app.reader.lines[app.scroll].text();
        let before = top(&app);
        let before_scroll = app.scroll;
        update(&mut app, Action::Resize(60, 30));
        let after = top(&app);
        // The old top line's first words are on the new top line.
        let words: String = before
            .split_whitespace()
            .take(2)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(after.contains(&words), "{before:?} then {after:?}");
        assert_ne!(app.scroll, before_scroll, "another wrapping, another line");
        update(&mut app, Action::Resize(40, 12));
        let narrow = top(&app);
        assert!(
            narrow.contains(&words) || before.starts_with(narrow.trim()),
            "resizes in a row do not drift: {before:?} then {narrow:?}"
        );
        update(&mut app, Action::Resize(120, 40));
        assert_eq!(app.scroll, before_scroll);
        assert_eq!(top(&app), before);
    }

    fn many(n: usize) -> Vec<Article> {
        (0..n).map(|i| article(&format!("Story {i}"), 3)).collect()
    }

    /// Narrow: the list is alone on screen, so PgDn/PgUp page it (8 rows of
    /// two lines fit in 20 rows less the bars and border).
    #[test]
    fn pgdn_pages_the_list_where_the_article_is_not_shown() {
        let mut app = App::new(many(30), (60, 20));
        update(&mut app, Action::ScrollPages(1));
        assert_eq!((app.selected, app.list_offset), (8, 8));
        update(&mut app, Action::ScrollPages(1));
        assert_eq!((app.selected, app.list_offset), (16, 16));
        update(&mut app, Action::ScrollPages(-1));
        assert_eq!((app.selected, app.list_offset), (8, 8));
        update(&mut app, Action::ScrollPages(10));
        assert_eq!(app.selected, 29, "clamped at the last row");
        assert_eq!(app.list_offset, 22, "the last page is full");
        update(&mut app, Action::ScrollPages(-10));
        assert_eq!((app.selected, app.list_offset), (0, 0));
        assert_eq!(app.scroll, 0);
    }

    /// Wide: PgDn scrolls the article beside the list; Alt-PgDn pages the list.
    #[test]
    fn list_pages_move_the_selection_on_wide_screens_too() {
        let mut app = App::new(many(60), (120, 40));
        update(&mut app, Action::SelectRow(0));
        let before = app.selected;
        update(&mut app, Action::ScrollPages(1));
        assert_eq!(app.selected, before, "the article scrolled, not the list");
        update(&mut app, Action::ListPages(1));
        // 40 rows less 2 bars and 2 border lines: 18 rows of two lines.
        assert_eq!((app.selected, app.list_offset), (18, 18));
        update(&mut app, Action::ListPages(-1));
        assert_eq!((app.selected, app.list_offset), (0, 0));
    }

    #[test]
    fn the_filter_edits_at_its_cursor() {
        let mut app = app();
        let key = |app: &mut App, action: Action| update(app, action);
        typed(&mut app, "nato");
        key(&mut app, Action::CursorBy(-2));
        typed(&mut app, "X");
        assert_eq!((app.query.as_str(), app.cursor), ("naXto", 3));
        key(&mut app, Action::CursorStart);
        typed(&mut app, "Y");
        assert_eq!((app.query.as_str(), app.cursor), ("YnaXto", 1));
        key(&mut app, Action::FilterDelete);
        assert_eq!((app.query.as_str(), app.cursor), ("YaXto", 1));
        key(&mut app, Action::FilterBackspace);
        assert_eq!((app.query.as_str(), app.cursor), ("aXto", 0));
        key(&mut app, Action::FilterBackspace);
        assert_eq!(app.query, "aXto", "nothing before the start");
        key(&mut app, Action::CursorBy(-1));
        assert_eq!(app.cursor, 0);
        key(&mut app, Action::CursorEnd);
        key(&mut app, Action::CursorBy(1));
        assert_eq!(app.cursor, 4, "nothing after the end");
        key(&mut app, Action::FilterDelete);
        assert_eq!(app.query, "aXto");
        // Ctrl-W takes the word before the cursor, not the last one.
        key(&mut app, Action::FilterClear);
        typed(&mut app, "alpha beta gamma");
        key(&mut app, Action::CursorBy(-6));
        key(&mut app, Action::FilterDeleteWord);
        assert_eq!((app.query.as_str(), app.cursor), ("alpha  gamma", 6));
        // A letter with its accent is one step.
        key(&mut app, Action::FilterClear);
        typed(&mut app, "cafe\u{301}s");
        key(&mut app, Action::CursorBy(-2));
        assert_eq!(app.cursor, 3);
        key(&mut app, Action::CursorBy(1));
        key(&mut app, Action::FilterBackspace);
        assert_eq!(app.query, "cafs");
        // The query filters as it is edited.
        assert_eq!(app.matches.len(), 0);
    }

    #[test]
    fn ctrl_u_while_reading_clears_the_filter_and_stays_in_the_article() {
        for viewport in [(120, 40), (60, 20)] {
            let mut app = app();
            app.viewport = viewport;
            typed(&mut app, "navalny");
            update(&mut app, Action::Open);
            update(&mut app, Action::Scroll(2));
            let reading = app.selected_index();
            assert_eq!(reading, Some(2));
            update(&mut app, Action::FilterClear);
            assert_eq!(app.query, "");
            assert_eq!(app.matches.len(), 4, "the whole list again");
            assert_eq!(app.focus, Focus::Reader, "{viewport:?}: still reading");
            assert_eq!(app.selected_index(), reading, "the same article");
            assert_eq!(app.status.as_deref(), Some("filter cleared"), "and says so");
        }
    }

    #[test]
    fn a_confirmation_goes_with_the_next_key_or_when_it_expires() {
        let mut app = app();
        update(&mut app, Action::ToggleRead);
        assert_eq!(app.status.as_deref(), Some("marked read"));
        update(&mut app, Action::Resize(100, 30));
        assert_eq!(
            app.status.as_deref(),
            Some("marked read"),
            "a resize keeps it"
        );
        update(&mut app, Action::MoveSelection(1));
        assert_eq!(app.status, None, "the next key clears it");
        assert_eq!(app.notice, None);

        update(&mut app, Action::ToggleStar);
        let first = app.notice.expect("numbered");
        update(&mut app, Action::ToggleStar);
        assert_eq!(app.status.as_deref(), Some("unstarred"));
        update(&mut app, Action::ExpireStatus(first));
        assert_eq!(
            app.status.as_deref(),
            Some("unstarred"),
            "an older message's timer leaves a newer one"
        );
        let second = app.notice.expect("numbered");
        update(&mut app, Action::ExpireStatus(second));
        assert_eq!(app.status, None, "its own timer clears it");

        // The key that makes a message shows it; lasting status text (loading)
        // stays through keys and timers.
        update(&mut app, Action::Status(Some("loading 10 of 20".into())));
        update(&mut app, Action::MoveSelection(1));
        update(&mut app, Action::ExpireStatus(second));
        assert_eq!(app.status.as_deref(), Some("loading 10 of 20"));
        assert_eq!(app.notice, None, "no timer for it");
    }

    #[test]
    fn the_filter_takes_no_more_than_the_query_cap() {
        let mut app = app();
        let cap = crate::filter::query::MAX_QUERY_CHARS;
        typed(&mut app, &"n".repeat(cap + 50));
        assert_eq!(app.query.chars().count(), cap);
        update(&mut app, Action::FilterBackspace);
        typed(&mut app, "é!");
        assert_eq!(app.query.chars().count(), cap);
        assert!(app.query.ends_with("né"), "{}", app.query);
    }

    #[test]
    fn a_paste_goes_into_the_filter_as_one_clean_line() {
        let mut app = app();
        typed(&mut app, "a");
        update(
            &mut app,
            Action::FilterPaste("log line: \u{1b}[<0;12 end\nnext".to_owned()),
        );
        // The CSI runs to its final byte (`e`), as a terminal would read it.
        assert_eq!(app.query, "alog line: nd next");
        let cap = crate::filter::query::MAX_QUERY_CHARS;
        update(&mut app, Action::FilterPaste("x".repeat(cap * 2)));
        assert_eq!(app.query.chars().count(), cap);
    }

    #[test]
    fn status_text_is_sanitised() {
        let mut app = app();
        app.apply(Action::Status(Some("bad\u{1b}[2J\tfile".to_owned())));
        assert_eq!(app.status.as_deref(), Some("bad file"));
        app.apply(Action::Status(None));
        assert_eq!(app.status, None);
    }

    #[test]
    fn list_offset_follows_the_selection() {
        let articles = (0..100)
            .map(|i| article(&format!("Story {i}"), 1))
            .collect();
        let mut app = harness(articles, (80, 24));
        app.apply(Action::SelectLast);
        assert_eq!(app.selected, 99);
        let rows = geometry::visible_rows(app.list_inner().unwrap().height);
        assert_eq!(app.list_offset, 100 - rows);
        app.apply(Action::SelectFirst);
        assert_eq!(app.list_offset, 0);
    }

    #[test]
    fn clicks_select_rows_and_wheel_scrolls_the_pane_under_the_pointer() {
        let mut app = app();
        // Wide layout: the list's first row starts at (1, 1), two lines a row.
        app.apply(Action::Click { column: 5, row: 5 });
        assert_eq!(app.selected, 2);
        app.apply(Action::Wheel {
            column: 5,
            row: 5,
            down: true,
        });
        assert_eq!(app.selected, 3);
        app.apply(Action::SelectRow(1));
        app.apply(Action::Wheel {
            column: 100,
            row: 5,
            down: true,
        });
        assert_eq!(app.scroll, WHEEL_LINES as usize);
        app.apply(Action::Click {
            column: 100,
            row: 5,
        });
        assert_eq!(app.focus, Focus::Reader);
    }

    #[test]
    fn help_opens_and_closes() {
        let mut app = app();
        app.apply(Action::ToggleHelp);
        assert_eq!(app.mode(), crate::app::Mode::Help);
        app.apply(Action::CloseHelp);
        assert_eq!(app.mode(), crate::app::Mode::List);
    }

    fn dated(title: &str, source: Option<&str>, date: Option<&str>) -> Article {
        Article {
            title: title.to_owned(),
            source: source.map(str::to_owned),
            published: date.map(str::to_owned),
            body: vec![format!("Body of {title}.")],
            ..Default::default()
        }
    }

    fn sorted_app() -> Harness {
        harness(
            vec![
                dated("bravo", Some("Zeta News"), Some("2021-01-01")),
                dated("Alpha", None, None),
                dated("charlie", Some("alpha times"), Some("2023-05-05")),
                dated("delta", Some("Alpha Times"), Some("2021-01-01")),
            ],
            (120, 40),
        )
    }

    fn order(app: &App) -> Vec<u32> {
        app.matches.sorted().iter().map(|m| m.index).collect()
    }

    #[test]
    fn f3_cycles_the_sort_and_keeps_the_selected_article() {
        let mut app = sorted_app();
        assert_eq!(app.sort_label(), "file order");
        app.apply(Action::SelectRow(3));
        app.apply(Action::CycleSort);
        assert_eq!(app.sort, SortOrder::Newest);
        // Newest first, ties in library order, undated last.
        assert_eq!(order(&app), [2, 0, 3, 1]);
        assert_eq!(
            app.selected_index(),
            Some(3),
            "selection follows the article"
        );
        app.apply(Action::CycleSort);
        assert_eq!(app.sort, SortOrder::Source);
        // Case-insensitive, ties in library order, no source last.
        assert_eq!(order(&app), [2, 3, 0, 1]);
        app.apply(Action::CycleSort);
        assert_eq!(app.sort, SortOrder::Title);
        assert_eq!(order(&app), [1, 0, 2, 3]);
        app.apply(Action::CycleSort);
        assert_eq!(app.sort, SortOrder::Relevance);
        assert_eq!(order(&app), [0, 1, 2, 3]);
        typed(&mut app, "a");
        assert_eq!(app.sort_label(), "relevance");
    }

    #[test]
    fn sort_applies_to_filter_results_from_anywhere() {
        let mut app = sorted_app();
        app.sort = SortOrder::Newest;
        app.query = "x".to_owned();
        let m = |index| crate::filter::Match { index, score: 1 };
        app.apply(Action::FilterResults {
            query: "x".to_owned(),
            options: QueryOptions::default(),
            matches: Ranked::from_sorted(vec![m(1), m(0), m(2)]),
        });
        assert_eq!(order(&app), [2, 0, 1]);
        assert_eq!(app.filtered.len(), 3, "raw results kept for re-sorting");
    }

    #[test]
    fn opening_marks_read_and_toggles_flip_marks_with_a_save() {
        let mut app = app();
        assert!(!app.is_read(0));
        app.apply(Action::Open);
        assert!(app.is_read(0));
        assert_eq!(app.effects, vec![Effect::SaveState]);
        app.effects.clear();
        // Ctrl-R while reading makes it unread, and it stays so.
        app.apply(Action::ToggleRead);
        assert!(!app.is_read(0));
        app.apply(Action::Scroll(1));
        assert!(!app.is_read(0));
        // Moving on while reading marks the next one read.
        app.apply(Action::MoveSelection(1));
        assert!(app.is_read(1));
        app.apply(Action::ToggleStar);
        assert!(app.is_starred(1));
        assert_eq!(app.status.as_deref(), Some("starred"));
        assert_eq!(app.effects, vec![Effect::SaveState], "one save per batch");
        // In the list, moving does not mark anything.
        app.apply(Action::Back);
        app.apply(Action::MoveSelection(1));
        assert!(!app.is_read(2));
    }

    #[test]
    fn views_show_unread_or_starred_only() {
        let mut app = app();
        app.apply(Action::SelectRow(1));
        app.apply(Action::ToggleRead);
        app.apply(Action::SelectRow(2));
        app.apply(Action::ToggleStar);
        app.apply(Action::CycleView);
        assert_eq!(app.view, ViewFilter::Unread);
        assert_eq!(order(&app), [0, 2, 3]);
        assert_eq!(app.selected_index(), Some(2), "selection kept");
        app.apply(Action::CycleView);
        assert_eq!(app.view, ViewFilter::Starred);
        assert_eq!(order(&app), [2]);
        // Filtering within a view.
        typed(&mut app, "nato");
        assert!(app.matches.is_empty());
        assert!(!app.filtered.is_empty());
        app.apply(Action::FilterClear);
        app.apply(Action::CycleView);
        assert_eq!(app.view, ViewFilter::All);
        assert_eq!(app.matches.len(), 4);
    }

    #[test]
    fn marks_follow_content_not_position() {
        let mut app = app();
        app.apply(Action::SelectRow(2));
        app.apply(Action::ToggleStar);
        let mut articles = app.articles().to_vec();
        articles.reverse();
        let mut again = App::new(articles, (120, 40));
        again.store = app.store.clone();
        assert!(again.is_starred(1));
        assert!(!again.is_starred(2));
    }

    #[test]
    fn fetching_runs_once_at_a_time_and_reports_when_done() {
        let mut app = App::new(Vec::new(), (80, 24));
        app.set_welcome(Some("the library is empty".into()));
        update(&mut app, Action::FetchFeeds);
        assert_eq!(app.effects, [Effect::FetchFeeds]);
        app.effects.clear();
        update(&mut app, Action::FetchFeeds);
        assert!(app.effects.is_empty());
        assert_eq!(app.status.as_deref(), Some("already fetching"));
        update(
            &mut app,
            Action::FetchFinished {
                text: "fetched 2 feeds · 3 new · 1 failed (X: timed out)".into(),
                error: true,
            },
        );
        assert_eq!(
            app.status.as_deref(),
            Some("fetched 2 feeds · 3 new · 1 failed (X: timed out)")
        );
        assert!(app.status_is_error);
        assert_eq!(app.welcome(), None, "the first-run note goes after a fetch");
        update(&mut app, Action::FetchFeeds);
        assert_eq!(app.effects, [Effect::FetchFeeds]);
    }

    #[test]
    fn a_changed_article_takes_the_old_ones_place_marks_selection_and_all() {
        let mut app = app();
        app.apply(Action::MoveSelection(1));
        let old = app.app.library.key(1).expect("key");
        app.app.store.set_starred(old, true);
        let before = app.app.selected_index();
        let changed = article("US Commits to a NATO Timetable for Ukraine", 3);
        app.apply(Action::ArticlesReplaced {
            old: vec![old],
            new: vec![changed.clone()].into(),
        });
        // The same row, now the new text, still selected and starred.
        assert_eq!(app.app.selected_index(), before);
        assert_eq!(app.app.selected_article(), Some(&changed));
        assert_eq!(app.app.articles().len(), 4);
        // The open article shows the new text.
        let shown: Vec<String> = (0..app.app.reader().total_lines())
            .filter_map(|i| app.app.reader().line(i).map(|l| l.text()))
            .collect();
        assert!(
            shown.iter().any(|l| l.contains("NATO Timetable")),
            "{shown:?}"
        );
        assert!(app.app.is_starred(1));
        assert!(app.app.effects.contains(&Effect::SaveState));
        // The filter knows the new headline, not the old one.
        for c in "timetable".chars() {
            app.apply(Action::FilterInput(c));
        }
        assert_eq!(app.app.filtered().len(), 1, "{:?}", app.app.filtered());
        assert_eq!(app.app.selected_article(), Some(&changed));
        // An old key the library does not hold changes nothing.
        let unknown = crate::store::marks::ArticleKey::from_parts("gone", ["x"]);
        app.apply(Action::ArticlesReplaced {
            old: vec![unknown],
            new: vec![article("Elsewhere", 1)].into(),
        });
        assert!(!app.app.articles().iter().any(|a| a.title == "Elsewhere"));
    }

    #[test]
    fn the_problems_view_opens_on_its_key_lists_the_failing_feeds_and_closes() {
        use crate::app::problems::FeedProblem;
        use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
        let key = |code| KeyEvent::new(code, KeyModifiers::NONE);
        let mut app = app();
        let failing = vec![FeedProblem::new(
            "Harbour Gazette",
            "http://127.0.0.1:8080/gazette.xml",
            "connection refused",
        )];
        app.apply(Action::FeedProblems(failing.clone()));
        assert_eq!(app.app.problems(), failing.as_slice());
        assert!(!app.app.show_problems());
        // F4 from the list opens it; the overlay takes the keys (typing does
        // not reach the filter) and Esc closes it, the filter untouched.
        let f4 = app.app.keymap().map_key(app.app.mode(), key(KeyCode::F(4)));
        assert_eq!(f4, Some(Action::ToggleProblems));
        app.apply(Action::ToggleProblems);
        assert!(app.app.show_problems());
        assert_eq!(app.app.mode(), crate::app::Mode::Help);
        // The article under it does not scroll.
        let scroll = app.app.scroll();
        app.apply(Action::ScrollPages(1));
        assert_eq!(app.app.scroll(), scroll);
        let esc = app.app.keymap().map_key(app.app.mode(), key(KeyCode::Esc));
        assert_eq!(esc, Some(Action::CloseHelp));
        app.apply(Action::CloseHelp);
        assert!(!app.app.show_problems());
        assert_eq!(app.app.mode(), crate::app::Mode::List);
        // From the open article too, and F4 again closes it; the help and the
        // problems view never show together.
        app.apply(Action::Open);
        let f4 = app.app.keymap().map_key(app.app.mode(), key(KeyCode::F(4)));
        assert_eq!(f4, Some(Action::ToggleProblems));
        app.apply(Action::ToggleProblems);
        app.apply(Action::ToggleHelp);
        assert!(app.app.show_help() && !app.app.show_problems());
        app.apply(Action::ToggleProblems);
        assert!(!app.app.show_help() && app.app.show_problems());
        let f4 = app.app.keymap().map_key(app.app.mode(), key(KeyCode::F(4)));
        assert_eq!(f4, Some(Action::ToggleProblems));
        app.apply(Action::ToggleProblems);
        assert!(!app.app.show_problems());
        // A fetch with no failure empties the list.
        app.apply(Action::FeedProblems(Vec::new()));
        assert!(app.app.problems().is_empty());
    }
}
