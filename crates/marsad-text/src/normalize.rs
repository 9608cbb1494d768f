//! Normalisation for matching keys, with a map back to the original.

/// Folds `text` into a matching key: no tashkeel or tatweel, alef variants to ا, ى to ي, ة to ه,
/// hamza carriers folded, Arabic-Indic digits to ASCII, Latin lower-cased, invisible marks dropped,
/// runs of white space to one space. The same function builds lexicon keys and reads text.
pub fn normalize_key(text: &str) -> String {
    KeyedText::new(text).key
}

/// A normalised key of a text with, for every byte of the key, the byte offset in the original
/// where the character it came from starts.
#[derive(Debug, Clone, Default)]
pub struct KeyedText {
    /// The matching key.
    pub key: String,
    /// `origin[i]` is the original byte offset of key byte `i`; one extra entry holds the original length.
    pub origin: Vec<u32>,
}

impl KeyedText {
    /// Normalises `text`, keeping the offset map.
    pub fn new(text: &str) -> Self {
        let mut key = String::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len() + 1);
        let mut last_space = true;
        for (b, c) in text.char_indices() {
            let Some(f) = fold_char(c) else { continue };
            if f == ' ' {
                if last_space {
                    continue;
                }
                last_space = true;
            } else {
                last_space = false;
            }
            let start = key.len();
            key.push(f);
            origin.extend(std::iter::repeat_n(b as u32, key.len() - start));
        }
        if key.ends_with(' ') {
            key.pop();
            origin.pop();
        }
        origin.push(text.len() as u32);
        KeyedText { key, origin }
    }

    /// The original byte range of key bytes `start..end`.
    pub fn original_range(&self, start: usize, end: usize, text: &str) -> std::ops::Range<usize> {
        let s = self.origin[start.min(self.origin.len() - 1)] as usize;
        let e = if end >= self.origin.len() - 1 {
            text.len()
        } else {
            // End at the start of the next original character after the last key byte.
            let last = self.origin[end - 1] as usize;
            text[last..]
                .chars()
                .next()
                .map_or(text.len(), |c| last + c.len_utf8())
        };
        s..e.max(s)
    }
}

/// Folds one character for matching; `None` drops it.
pub fn fold_char(c: char) -> Option<char> {
    Some(match c {
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => return None,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' => {
            return None;
        }
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' => 'ي',
        'ة' => 'ه',
        'ؤ' => 'و',
        'ئ' => 'ي',
        '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
        '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
        'ک' => 'ك',
        'ی' => 'ي',
        c if c.is_whitespace() => ' ',
        c => c.to_lowercase().next().unwrap_or(c),
    })
}
