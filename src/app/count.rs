//! Counts as the reader writes them, the same everywhere (list title, filter
//! bar, reading pane, loading progress): digits grouped by commas and "of"
//! between a part and its whole, "16,288 of 20,000".

/// `n` with a comma between groups of three digits: "41,203".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "`part` of `whole`", both grouped: "16,288 of 20,000".
pub fn of(part: usize, whole: usize) -> String {
    format!("{} of {}", thousands(part), thousands(whole))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_grouped_by_three() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(41_203), "41,203");
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert_eq!(of(16_288, 20_000), "16,288 of 20,000");
    }
}
