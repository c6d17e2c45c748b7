//! How the list is ordered and which articles it shows: properties of the
//! library's view, named as the config file and the state file write them.

use std::str::FromStr;

/// Order of the article list when the reader starts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortOrder {
    #[default]
    Relevance,
    Newest,
    Source,
    Title,
}

impl SortOrder {
    const ALL: [(Self, &'static str); 4] = [
        (Self::Relevance, "relevance"),
        (Self::Newest, "newest"),
        (Self::Source, "source"),
        (Self::Title, "title"),
    ];

    pub fn as_str(self) -> &'static str {
        lookup_name(&Self::ALL, self)
    }
}

impl FromStr for SortOrder {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        lookup_value(&Self::ALL, s)
    }
}

/// Which articles the list shows when the reader starts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ViewFilter {
    #[default]
    All,
    Unread,
    Starred,
}

impl ViewFilter {
    const ALL: [(Self, &'static str); 3] = [
        (Self::All, "all"),
        (Self::Unread, "unread"),
        (Self::Starred, "starred"),
    ];

    pub fn as_str(self) -> &'static str {
        lookup_name(&Self::ALL, self)
    }
}

impl FromStr for ViewFilter {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        lookup_value(&Self::ALL, s)
    }
}

fn lookup_name<T: PartialEq + Copy>(table: &[(T, &'static str)], value: T) -> &'static str {
    table
        .iter()
        .find(|(v, _)| *v == value)
        .map_or("", |(_, name)| name)
}

fn lookup_value<T: Copy>(table: &[(T, &'static str)], name: &str) -> Result<T, String> {
    table
        .iter()
        .find(|(_, n)| *n == name)
        .map(|(v, _)| *v)
        .ok_or_else(|| {
            let names: Vec<_> = table.iter().map(|(_, n)| *n).collect();
            format!("unknown value {name:?} (expected {})", names.join(", "))
        })
}
