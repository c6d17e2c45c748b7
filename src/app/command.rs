//! The remappable commands: each key binding runs one, and its name is what
//! the config file's `[keys]` table and the help use. A command is declared
//! once, here, with its name and the [`Action`] it sends; adding a key is one
//! line here, one binding in [`super::keymap::BINDINGS`] and, for a new
//! action, one arm in `update`.

use super::action::Action;

/// Declares [`Command`] with each variant's config name and action, so the
/// three can never drift apart.
macro_rules! commands {
    ($($variant:ident = $name:literal => $action:expr,)*) => {
        /// A command a key can be bound to.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Command {
            $(
                #[doc = concat!("`", $name, "` in the config's `[keys]` table.")]
                $variant,
            )*
        }

        impl Command {
            /// Every command, in the order the help and `--print-config` list them.
            pub const ALL: &[Command] = &[$(Command::$variant),*];

            /// The name in the config file's `[keys]` table.
            pub fn name(self) -> &'static str {
                match self {
                    $(Command::$variant => $name,)*
                }
            }

            /// What the command does.
            pub fn action(self) -> Action {
                match self {
                    $(Command::$variant => $action,)*
                }
            }
        }
    };
}

commands! {
    Quit = "quit" => Action::Quit,
    Help = "help" => Action::ToggleHelp,
    CloseHelp = "close_help" => Action::CloseHelp,
    MoveUp = "move_up" => Action::MoveSelection(-1),
    MoveDown = "move_down" => Action::MoveSelection(1),
    CursorLeft = "cursor_left" => Action::CursorBy(-1),
    CursorRight = "cursor_right" => Action::CursorBy(1),
    LineStart = "line_start" => Action::CursorStart,
    LineEnd = "line_end" => Action::CursorEnd,
    DeleteForward = "delete_forward" => Action::FilterDelete,
    ListPageUp = "list_page_up" => Action::ListPages(-1),
    ListPageDown = "list_page_down" => Action::ListPages(1),
    First = "first" => Action::SelectFirst,
    Last = "last" => Action::SelectLast,
    Open = "open" => Action::Open,
    ClearOrQuit = "clear_or_quit" => Action::ClearOrQuit,
    Find = "find" => Action::FindStart,
    FindAccept = "find_accept" => Action::FindAccept,
    FindCancel = "find_cancel" => Action::FindClose,
    FindDeleteChar = "find_delete_char" => Action::FindBackspace,
    FindNext = "find_next" => Action::FindStep(1),
    FindPrevious = "find_previous" => Action::FindStep(-1),
    FindClose = "find_close" => Action::FindClose,
    ScrollUp = "scroll_up" => Action::Scroll(-1),
    ScrollDown = "scroll_down" => Action::Scroll(1),
    PageUp = "page_up" => Action::ScrollPages(-1),
    PageDown = "page_down" => Action::ScrollPages(1),
    Top = "top" => Action::ScrollTop,
    Bottom = "bottom" => Action::ScrollBottom,
    Back = "back" => Action::Back,
    OpenLink1 = "open_link_1" => Action::OpenLink(1),
    OpenLink2 = "open_link_2" => Action::OpenLink(2),
    OpenLink3 = "open_link_3" => Action::OpenLink(3),
    OpenLink4 = "open_link_4" => Action::OpenLink(4),
    OpenLink5 = "open_link_5" => Action::OpenLink(5),
    OpenLink6 = "open_link_6" => Action::OpenLink(6),
    OpenLink7 = "open_link_7" => Action::OpenLink(7),
    OpenLink8 = "open_link_8" => Action::OpenLink(8),
    OpenLink9 = "open_link_9" => Action::OpenLink(9),
    ToggleFocus = "toggle_focus" => Action::ToggleFocus,
    NextArticle = "next_article" => Action::MoveSelection(1),
    PreviousArticle = "previous_article" => Action::MoveSelection(-1),
    ToggleRead = "toggle_read" => Action::ToggleRead,
    ToggleStar = "toggle_star" => Action::ToggleStar,
    CycleView = "cycle_view" => Action::CycleView,
    CycleSort = "cycle_sort" => Action::CycleSort,
    Fetch = "fetch" => Action::FetchFeeds,
    Problems = "problems" => Action::ToggleProblems,
    OpenUrl = "open_url" => Action::OpenUrl,
    CopyUrl = "copy_url" => Action::CopyUrl,
    DeleteChar = "delete_char" => Action::FilterBackspace,
    ClearFilter = "clear_filter" => Action::FilterClear,
    ToggleFullText = "toggle_full_text" => Action::ToggleFullText,
    DeleteWord = "delete_word" => Action::FilterDeleteWord,
}

impl Command {
    /// The command the config calls `name`.
    pub fn from_name(name: &str) -> Option<Command> {
        Command::ALL.iter().copied().find(|c| c.name() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_read_back() {
        for command in Command::ALL {
            assert_eq!(Command::from_name(command.name()), Some(*command));
        }
        let mut names: Vec<&str> = Command::ALL.iter().map(|c| c.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Command::ALL.len());
        assert_eq!(Command::from_name("fly_away"), None);
    }

    #[test]
    fn commands_send_their_actions() {
        assert_eq!(Command::Quit.action(), Action::Quit);
        assert_eq!(Command::OpenLink3.action(), Action::OpenLink(3));
        assert_eq!(Command::PageUp.action(), Action::ScrollPages(-1));
    }
}
