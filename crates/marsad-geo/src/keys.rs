//! Name keys shared by the index builder and the matcher.

/// The exact-match key of a name: [`marsad_text::normalize_key`], with hyphens as spaces and
/// apostrophes, dots and quotes removed, spaces collapsed.
pub fn name_key(name: &str) -> String {
    let folded = marsad_text::normalize_key(name);
    // Separators become single spaces, none leading or trailing (as `split_whitespace` + `join`),
    // in one pass without intermediate allocations: this runs once per token of every document.
    let mut out = String::with_capacity(folded.len());
    let mut space = false;
    for c in folded.chars() {
        let c = match c {
            '-' | '‐' | '–' | '_' | '/' | ',' => ' ',
            '\'' | '’' | '‘' | 'ʼ' | 'ʻ' | '`' | '.' | '"' | '(' | ')' => continue,
            c => c,
        };
        if c.is_whitespace() {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// True when the text contains an Arabic-script letter.
pub fn is_arabic(s: &str) -> bool {
    s.chars().any(|c| ('\u{0620}'..='\u{06FF}').contains(&c))
}

/// True when every letter of the text is Latin.
pub fn is_latin(s: &str) -> bool {
    s.chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| (c as u32) < 0x250 || ('\u{1E00}'..='\u{1EFF}').contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_hyphens_and_hamza() {
        assert_eq!(name_key("فيرين-شورزا"), "فيرين شورزا");
        assert_eq!(name_key("أرمينيا"), "ارمينيا");
        assert_eq!(name_key("Sa'dah"), "sadah");
        assert_eq!(name_key(" - Ras  al-Ain (north) "), "ras al ain north");
        assert!(is_arabic("عدن") && !is_arabic("Aden"));
        assert!(is_latin("Şırnak") && !is_latin("Горис"));
    }
}
