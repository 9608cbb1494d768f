//! Name keys shared by the index builder and the matcher.

/// The exact-match key of a name: [`marsad_text::normalize_key`], with hyphens as spaces and
/// apostrophes, dots and quotes removed, spaces collapsed.
pub fn name_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    name_key_into(name, &mut out);
    out
}

/// Appends [`name_key`] of `name` to `out`.
///
/// One pass over the characters, folding each with [`marsad_text::fold_into`] and mapping separators
/// to single spaces (none leading or trailing), without intermediate strings: this runs once per
/// token of every document.
pub fn name_key_into(name: &str, out: &mut String) {
    let start = out.len();
    let mut space = false;
    for c in name.chars() {
        marsad_text::fold_into(c, &mut |f| {
            let f = match f {
                '-' | '‐' | '–' | '_' | '/' | ',' => ' ',
                '\'' | '’' | '‘' | 'ʼ' | 'ʻ' | '`' | '.' | '"' | '(' | ')' => return,
                f => f,
            };
            if f.is_whitespace() {
                space = out.len() > start;
            } else {
                if space {
                    out.push(' ');
                    space = false;
                }
                out.push(f);
            }
        });
    }
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

/// The [`name_key`] of every token of a document, in one buffer (no string per token).
#[derive(Debug, Default)]
pub struct TokenKeys {
    buf: String,
    /// End of key `i` in `buf`; key `i` starts where key `i - 1` ends.
    ends: Vec<usize>,
}

impl TokenKeys {
    /// Keys of the tokens of `a`.
    pub fn new(a: &marsad_text::Analysis<'_>) -> Self {
        let mut k = TokenKeys {
            buf: String::with_capacity(a.text.len()),
            ends: Vec::with_capacity(a.tokens.len()),
        };
        for t in &a.tokens {
            name_key_into(a.text.get(t.bytes.clone()).unwrap_or_default(), &mut k.buf);
            k.ends.push(k.buf.len());
        }
        k
    }

    /// Key of token `i` (empty when out of range).
    pub fn get(&self, i: usize) -> &str {
        let start = i.checked_sub(1).map_or(Some(0), |p| self.ends.get(p).copied());
        match (start, self.ends.get(i)) {
            (Some(s), Some(&e)) => self.buf.get(s..e).unwrap_or_default(),
            _ => "",
        }
    }
}

/// FNV-1a: a fast hash for the short keys of per-document memo tables (not exposed to untrusted
/// key choice across documents: tables live for one document).
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A `HashMap` keyed by short strings, hashed with [`Fnv`].
pub type FnvMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_hyphens_and_hamza() {
        assert_eq!(name_key("فيرين-شورزا"), "فيرين شورزا");
        assert_eq!(name_key("أرمينيا"), "ارمينيا");
        assert_eq!(name_key("Sa'dah"), "sadah");
        assert_eq!(name_key(" - Ras  al-Ain (north) "), "ras al ain north");
        let mut two = String::from("x");
        name_key_into("  Al-Ain ", &mut two);
        assert_eq!(two, "xal ain");
    }

    #[test]
    fn token_keys_match_name_key() {
        let text = "وقال - في غوريس، Al-Ain";
        let a = marsad_text::analyze(text, None);
        let keys = TokenKeys::new(&a);
        for (i, t) in a.tokens.iter().enumerate() {
            assert_eq!(keys.get(i), name_key(&text[t.bytes.clone()]), "token {i}");
        }
        assert_eq!(keys.get(a.tokens.len()), "");
        assert!(is_arabic("عدن") && !is_arabic("Aden"));
        assert!(is_latin("Şırnak") && !is_latin("Горис"));
    }
}
