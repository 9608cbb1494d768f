//! Normalisation for matching keys, with a map back to the original.
//!
//! A *key* is what lexicons, the gazetteer and the text are compared on. [`normalize_key`] builds it one
//! character at a time ([`fold_into`]), so every key byte knows the original character it came from
//! ([`KeyedText`]). The folding, in order:
//!
//! 1. compatibility forms are decomposed (NFKD, then folded): Arabic presentation forms (ﻻ → لا,
//!    ﷲ → الله), Latin ligatures (ﬁ → fi), full-width and small forms (Ａ → a, ﹐ → ,);
//! 2. dropped: tashkeel (U+064B–065F, including the combining hamzas U+0654/0655), superscript alef
//!    U+0670, tatweel U+0640, Qur'anic annotation marks, and invisible marks (LRM, RLM, ALM, ZWJ,
//!    ZWNJ, ZWSP, word joiner, soft hyphen, BOM, bidi embeddings and isolates, variation selectors);
//! 3. letters: alef variants أ إ آ ٱ ٲ ٳ ٵ → ا; ى and ی (Persian yeh) → ي; ة ۀ ہ ۃ ھ ە → ه;
//!    hamza carriers ؤ → و and ئ → ي; Persian and Urdu kaf ک ڪ → ك. A standalone hamza ء is **kept**:
//!    writers rarely drop it, and dropping it would merge distinct words (جزء, جز);
//! 4. digits: Arabic-Indic ٠–٩ and Persian ۰–۹ → 0–9; Arabic punctuation ، ؛ ؟ ٫ ٬ ۔ ٪ →
//!    , ; ? . , . %; typographic quotes « » “ ” → `"`, ‘ ’ → `'`, dashes ‐ – — − → `-`;
//! 5. Latin: lower-cased, diacritics removed (é → e, both precomposed and combining);
//! 6. white space: every white-space character becomes a space, runs collapse to one, and the key is
//!    trimmed.
//!
//! [`normalize_key`] is idempotent: `normalize_key(normalize_key(s)) == normalize_key(s)`.
//! [`normalize_text`] is the display-preserving variant (NFC only, nothing folded).

use std::ops::Range;
use unicode_normalization::UnicodeNormalization;

/// Folds `text` into a matching key (see the module docs for the exact rules). The same function builds
/// lexicon keys and reads text.
pub fn normalize_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    fold_str(text, &mut key, None);
    key
}

/// Canonical composition (NFC) of `text`, nothing folded: for display and storage.
pub fn normalize_text(text: &str) -> String {
    text.nfc().collect()
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
        fold_str(text, &mut key, Some(&mut origin));
        origin.push(text.len() as u32);
        KeyedText { key, origin }
    }

    /// The original byte range of key bytes `start..end`: from the start of the character that produced
    /// key byte `start` to the end of the character that produced key byte `end - 1` (and of the tashkeel
    /// that follows it). Out-of-range or
    /// reversed arguments are clamped; the result always lies on char boundaries of `text` (the text
    /// this key was built from).
    pub fn original_range(&self, start: usize, end: usize, text: &str) -> Range<usize> {
        let last = self.origin.len().saturating_sub(1);
        let at = |i: usize| self.origin.get(i.min(last)).map_or(text.len(), |&o| o as usize);
        let s = at(start).min(text.len());
        if end <= start || start >= last {
            return s..s;
        }
        if end >= last {
            return s..text.len();
        }
        // End at the end of the original character that produced the last key byte.
        // Trailing tashkeel belongs to the letter it sits on.
        let from = at(end - 1).min(text.len());
        let mut chars = text.get(from..).unwrap_or_default().char_indices();
        let e = match chars.next() {
            None => text.len(),
            Some((_, c)) => chars
                .find(|&(_, m)| !is_arabic_mark(m))
                .map_or(text.len(), |(i, _)| from + i)
                .max(from + c.len_utf8()),
        };
        s..e.max(s)
    }

    /// The original code-point span of key bytes `start..end` (see [`KeyedText::original_range`]).
    pub fn original_span(
        &self,
        start: usize,
        end: usize,
        text: &str,
        index: &crate::CharIndex,
    ) -> marsad_model::Span {
        index.span(self.original_range(start, end, text))
    }
}

/// Folds `text` into `key`; when `origin` is given, pushes the original byte offset of every key byte.
fn fold_str(text: &str, key: &mut String, mut origin: Option<&mut Vec<u32>>) {
    // True when the key is empty or ends in a space: a following space is dropped.
    let mut after_space = true;
    for (b, c) in text.char_indices() {
        let before = key.len();
        fold_into(c, &mut |f| {
            if f == ' ' {
                if after_space {
                    return;
                }
                after_space = true;
            } else {
                after_space = false;
            }
            key.push(f);
        });
        if let Some(o) = origin.as_deref_mut() {
            o.extend(std::iter::repeat_n(b as u32, key.len() - before));
        }
    }
    if key.ends_with(' ') {
        key.pop();
        if let Some(o) = origin {
            o.pop();
        }
    }
}

/// Folds one character for matching; `None` drops it. A character that folds to several (a ligature
/// such as ﻻ, or ﷺ) yields the first of them: use [`fold_into`] or [`normalize_key`] for the full
/// folding.
pub fn fold_char(c: char) -> Option<char> {
    let mut first = None;
    fold_into(c, &mut |f| {
        if first.is_none() {
            first = Some(f);
        }
    });
    first
}

/// Folds one character for matching, calling `emit` for each character of the result (none when the
/// character is dropped, several for ligatures and presentation forms). White space folds to `' '`;
/// collapsing runs of it is the caller's business ([`normalize_key`] does it).
pub fn fold_into(c: char, emit: &mut impl FnMut(char)) {
    if c.is_ascii() {
        emit(if c.is_ascii_whitespace() {
            ' '
        } else {
            c.to_ascii_lowercase()
        });
    } else if is_compat_form(c) {
        unicode_normalization::char::decompose_compatible(c, |d| fold_base(d, emit));
    } else {
        fold_base(c, emit);
    }
}

/// True for the blocks where compatibility decomposition is safe and wanted.
fn is_compat_form(c: char) -> bool {
    matches!(c,
        '\u{FB00}'..='\u{FDFF}'     // Latin/Armenian/Hebrew ligatures, Arabic presentation forms A
        | '\u{FE10}'..='\u{FE1F}'   // vertical forms
        | '\u{FE30}'..='\u{FE6F}'   // CJK compatibility and small forms
        | '\u{FE70}'..='\u{FEFE}'   // Arabic presentation forms B
        | '\u{FF00}'..='\u{FFEF}'   // half-width and full-width forms
        | '\u{1EE00}'..='\u{1EEFF}' // Arabic mathematical alphabetic symbols
    )
}

/// True for characters that are invisible and carry no text: dropped from keys, skipped between tokens.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
    )
}

/// True for Arabic diacritics and marks dropped from keys (tashkeel, tatweel, Qur'anic marks).
pub fn is_arabic_mark(c: char) -> bool {
    matches!(
        c,
        '\u{0610}'..='\u{061A}'
            | '\u{064B}'..='\u{065F}'
            | '\u{0640}'
            | '\u{0670}'
            | '\u{06D6}'..='\u{06DC}'
            | '\u{06DF}'..='\u{06E4}'
            | '\u{06E7}'
            | '\u{06E8}'
            | '\u{06EA}'..='\u{06ED}'
            | '\u{08D3}'..='\u{08E1}'
            | '\u{08E3}'..='\u{08FF}'
    )
}

/// Folds a character that is not a compatibility form.
fn fold_base(c: char, emit: &mut impl FnMut(char)) {
    if c.is_ascii() {
        emit(if c.is_ascii_whitespace() {
            ' '
        } else {
            c.to_ascii_lowercase()
        });
        return;
    }
    if is_arabic_mark(c) || is_invisible(c) || is_latin_diacritic(c) {
        return;
    }
    if ('\u{0600}'..='\u{06FF}').contains(&c) {
        // The Arabic block has no case and no white space: fold or keep.
        emit(fold_arabic(c).or_else(|| fold_punct(c)).unwrap_or(c));
        return;
    }
    if let Some(f) = fold_arabic(c).or_else(|| fold_punct(c)) {
        emit(f);
    } else if c.is_whitespace() {
        emit(' ');
    } else {
        lower(c, emit);
    }
}

/// Lower-cases `c` and strips Latin diacritics, including those the lower-casing brings (İ → i̇ → i,
/// Å (angstrom sign) → å → a).
fn lower(c: char, emit: &mut dyn FnMut(char)) {
    for l in c.to_lowercase() {
        if is_accented_latin(l) {
            unicode_normalization::char::decompose_canonical(l, |d| {
                if !is_latin_diacritic(d) {
                    // The base letter of a canonical decomposition is never itself decomposable.
                    for x in d.to_lowercase() {
                        emit(x);
                    }
                }
            });
        } else if !is_latin_diacritic(l) {
            emit(l);
        }
    }
}

fn is_latin_diacritic(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

fn is_accented_latin(c: char) -> bool {
    matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}')
}

/// Arabic-script letters and digits.
fn fold_arabic(c: char) -> Option<char> {
    Some(match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' | 'ٵ' => 'ا',
        'ى' | 'ی' | 'ئ' | 'ٸ' => 'ي',
        'ة' | 'ۀ' | 'ہ' | 'ۃ' | 'ھ' | 'ە' => 'ه',
        'ؤ' | 'ٶ' => 'و',
        'ک' | 'ڪ' => 'ك',
        '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
        '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
        _ => return None,
    })
}

/// Arabic and typographic punctuation.
fn fold_punct(c: char) -> Option<char> {
    Some(match c {
        '،' | '٬' => ',',
        '؛' => ';',
        '؟' => '?',
        '٫' | '۔' => '.',
        '٪' => '%',
        '«' | '»' | '“' | '”' | '„' | '‟' | '″' => '"',
        '‘' | '’' | '‚' | '‛' | '′' => '\'',
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => '-',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_arabic_letters_and_marks() {
        let cases = [
            ("أَرْمِينِيَا", "ارمينيا"),
            ("إيران", "ايران"),
            ("آلاف", "الاف"),
            ("ٱلله", "الله"),
            ("مستشفى", "مستشفي"),
            ("القرية", "القريه"),
            ("مسؤول", "مسوول"),
            ("رئيس", "رييس"),
            ("جزء", "جزء"),
            ("جنديًا", "جنديا"),
            ("بـــ", "ب"),
            ("کابل", "كابل"),
            ("ایران", "ايران"),
            ("٤٩", "49"),
            ("۴۹", "49"),
            ("٣٫٥", "3.5"),
            ("١٬٢٠٠", "1,200"),
            ("ماذا؟", "ماذا?"),
            ("أولا، ثانيا؛", "اولا, ثانيا;"),
            ("«حفظ السلام»", "\"حفظ السلام\""),
        ];
        for (input, want) in cases {
            assert_eq!(normalize_key(input), want, "{input}");
        }
    }

    #[test]
    fn decomposes_presentation_forms() {
        assert_eq!(normalize_key("ﻻ"), "لا");
        assert_eq!(normalize_key("ﻷ"), "لا");
        assert_eq!(normalize_key("ﷲ"), "الله");
        assert_eq!(normalize_key("ﻣﺮﺣﺒﺎ"), "مرحبا");
        assert_eq!(normalize_key("ﬁre"), "fire");
        assert_eq!(normalize_key("ＡＢＣ１２"), "abc12");
    }

    #[test]
    fn decomposed_hamza_folds_like_composed() {
        assert_eq!(normalize_key("\u{0627}\u{0654}"), normalize_key("أ"));
        assert_eq!(normalize_key("\u{0648}\u{0654}"), normalize_key("ؤ"));
    }

    #[test]
    fn drops_invisibles_lowercases_and_collapses_space() {
        assert_eq!(normalize_key("\u{FEFF}U.S.\u{200F}  Army\t\n"), "u.s. army");
        assert_eq!(normalize_key("بو\u{200C}تين"), "بوتين");
        assert_eq!(normalize_key("  a \u{00A0} b  "), "a b");
        assert_eq!(
            normalize_key("Yerevan Érevan Ere\u{0301}van"),
            "yerevan erevan erevan"
        );
        assert_eq!(normalize_key("İstanbul"), "istanbul");
        assert_eq!(normalize_key("\u{212B}ÅÉ"), "aae");
        assert_eq!(normalize_key(""), "");
        assert_eq!(normalize_key(" \u{200B} "), "");
    }

    #[test]
    fn fold_char_matches_key() {
        assert_eq!(fold_char('أ'), Some('ا'));
        assert_eq!(fold_char('\u{064E}'), None);
        assert_eq!(fold_char('ﻻ'), Some('ل'));
        assert_eq!(fold_char('\u{00A0}'), Some(' '));
    }

    #[test]
    fn keyed_text_maps_back() {
        let text = "  وَبِحَسَبِ  ﻻ «الجيش»";
        let k = KeyedText::new(text);
        assert_eq!(k.key, normalize_key(text));
        assert_eq!(k.origin.len(), k.key.len() + 1);
        let at = k.key.find("الجيش").expect("key holds the word");
        let r = k.original_range(at, at + "الجيش".len(), text);
        assert_eq!(&text[r], "الجيش");
        let at = k.key.find("وبحسب").expect("key holds the word");
        let r = k.original_range(at, at + "وبحسب".len(), text);
        // The last letter's kasra comes along.
        assert_eq!(&text[r], "وَبِحَسَبِ");
        let at = k.key.find('ا').expect("ligature");
        assert_eq!(&text[k.original_range(at, at + 2, text)], "ﻻ");
    }

    #[test]
    fn original_range_clamps() {
        let text = "أب";
        let k = KeyedText::new(text);
        assert_eq!(k.original_range(0, 0, text), 0..0);
        assert_eq!(k.original_range(3, 1, text), 2..2);
        assert_eq!(k.original_range(0, 100, text), 0..text.len());
        assert_eq!(k.original_range(100, 200, text), text.len()..text.len());
        let empty = KeyedText::new("");
        assert_eq!(empty.original_range(0, 5, ""), 0..0);
    }

    #[test]
    fn normalize_text_composes() {
        assert_eq!(normalize_text("\u{0627}\u{0654}"), "أ");
        assert_eq!(normalize_text("ﻻ"), "ﻻ");
    }
}
