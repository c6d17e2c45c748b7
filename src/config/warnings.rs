//! Problems in the config file, located as `FILE:LINE: KEY: MESSAGE`.

use std::fmt;
use std::path::PathBuf;

/// Puts `warnings` in the order of the file's lines (the parser reports
/// tables' keys in its own order); warnings without a line go first, as they
/// are about the whole file.
pub fn sort_by_line(warnings: &mut [ConfigWarning]) {
    warnings.sort_by_key(|w| w.line);
}

/// A problem in the config file, located for the user.
///
/// Displays as `FILE:LINE: KEY: MESSAGE`, the form editors and terminals make
/// clickable; line and key are left out when unknown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigWarning {
    pub file: PathBuf,
    /// 1-based.
    pub line: Option<usize>,
    /// Dotted path such as `theme.accent`.
    pub key: Option<String>,
    pub message: String,
}

/// One line, with no control characters: the file name, key and message (which
/// can quote the file's text) are cleaned for the terminal.
impl fmt::Display for ConfigWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::article::sanitize::clean_line;
        write!(f, "{}", clean_line(&self.file.display().to_string()))?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        f.write_str(": ")?;
        if let Some(key) = &self.key {
            write!(f, "{}: ", clean_line(key))?;
        }
        f.write_str(&clean_line(&self.message))
    }
}
