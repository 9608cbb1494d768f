//! Word, number and punctuation tokens, with clitic analysis of Arabic words.
//!
//! Tokens never overlap and are in text order; what lies between two tokens is white space or invisible
//! marks only. A word token holds letters of one script (Arabic, or anything else) with their combining
//! marks; a number token is a run of digits (ASCII, Arabic-Indic, Persian) with its decimal point and
//! thousands separators ("3.5", "1,200", "٣٫٥"); every other character is a punctuation token of its own.
//! A hyphen inside a name ("فيرين-شورزا") stays a punctuation token, and [`Token::joined_next`] tells the
//! caller that no space separates it from its neighbours (see [`is_word_hyphen`]).

use crate::normalize::{fold_into, is_arabic_mark, is_invisible, normalize_key};
use crate::offsets::CharIndex;
use marsad_model::Span;
use std::ops::Range;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (any script).
    Word,
    /// Digits.
    Number,
    /// Punctuation or a symbol.
    Punct,
}

/// Possible clitic analysis of an Arabic word: proclitics (و ف ب ل ك س ال) and a pronoun suffix, with
/// the stem key that remains. The surface form stays in [`Token::span`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Clitics {
    /// Proclitics in order, as keys ("و", "ب", "ال").
    pub prefixes: Vec<&'static str>,
    /// Pronoun suffix key, if any ("ها", "هم").
    pub suffix: Option<&'static str>,
    /// Key of the stem.
    pub stem: String,
    /// Byte range of the stem in the token's key (the article of "لل" = ل + ال counts one letter).
    pub key_range: Range<usize>,
}

/// One token of the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the original.
    pub bytes: Range<usize>,
    /// Code-point span in the original.
    pub span: Span,
    /// Normalised key of the surface form.
    pub key: String,
    /// Kind.
    pub kind: TokenKind,
    /// Candidate clitic analyses, most likely first (empty for non-Arabic tokens). Later stages confirm a
    /// stem against a lexicon before trusting it; the whole key is always a candidate too.
    pub analyses: Vec<Clitics>,
    /// True when no white space separates this token from the next one ("49" in "49%", the parts of
    /// "فيرين-شورزا", "و" in "و49").
    pub joined_next: bool,
}

impl Token {
    /// The whole key, then each candidate stem (longest first, no duplicates).
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.key.as_str()).chain(self.analyses.iter().map(|a| a.stem.as_str()))
    }

    /// The token as written in `text` (the text it was read from).
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.bytes.clone()).unwrap_or_default()
    }

    /// True for a word written in Arabic script.
    pub fn is_arabic(&self) -> bool {
        self.kind == TokenKind::Word && self.key.chars().any(is_arabic_letter)
    }

    /// The original byte range of key bytes `key_range` of this token (for instance the stem of one of
    /// its [`Clitics`]), trailing tashkeel included. `text` is the text the token was read from.
    pub fn key_bytes(&self, text: &str, key_range: Range<usize>) -> Range<usize> {
        let surface = self.text(text);
        let (mut start, mut end) = (None, None);
        let mut produced = 0;
        for (b, c) in surface.char_indices() {
            let before = produced;
            fold_into(c, &mut |f| produced += f.len_utf8());
            if produced == before {
                // A dropped mark extends the range when it sits on the last letter.
                if end == Some(self.bytes.start + b) {
                    end = Some(self.bytes.start + b + c.len_utf8());
                }
                continue;
            }
            if start.is_none() && produced > key_range.start {
                start = Some(self.bytes.start + b);
            }
            if before < key_range.end {
                end = Some(self.bytes.start + b + c.len_utf8());
            }
        }
        let start = start.unwrap_or(self.bytes.end);
        start..end.unwrap_or(start).max(start)
    }

    /// The original byte range of the stem of `analysis` (see [`Token::key_bytes`]).
    pub fn stem_bytes(&self, text: &str, analysis: &Clitics) -> Range<usize> {
        self.key_bytes(text, analysis.key_range.clone())
    }
}

/// True when token `i` is a hyphen glued to a word on both sides ("فيرين-شورزا", "Nagorno-Karabakh").
pub fn is_word_hyphen(tokens: &[Token], i: usize) -> bool {
    let (Some(prev), Some(t), Some(next)) = (
        i.checked_sub(1).and_then(|p| tokens.get(p)),
        tokens.get(i),
        tokens.get(i + 1),
    ) else {
        return false;
    };
    t.kind == TokenKind::Punct
        && t.key == "-"
        && prev.joined_next
        && t.joined_next
        && prev.kind != TokenKind::Punct
        && next.kind != TokenKind::Punct
}

/// What a character does to tokenisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// A letter; `true` for Arabic script.
    Letter(bool),
    /// A combining mark (tashkeel, tatweel, Latin accents).
    Mark,
    /// A decimal digit of the scripts Marsad reads.
    Digit,
    /// White space.
    Space,
    /// An invisible format character.
    Invisible,
    /// Anything else: punctuation, symbols.
    Other,
}

fn classify(c: char) -> Class {
    if c.is_ascii() {
        return if c.is_ascii_alphabetic() {
            Class::Letter(false)
        } else if c.is_ascii_digit() {
            Class::Digit
        } else if c.is_ascii_whitespace() {
            Class::Space
        } else {
            Class::Other
        };
    }
    if ('\u{0600}'..='\u{06FF}').contains(&c) {
        return if is_arabic_mark(c) {
            Class::Mark
        } else if matches!(c, '٠'..='٩' | '۰'..='۹') {
            Class::Digit
        } else if is_arabic_letter(c) {
            Class::Letter(true)
        } else if c == '\u{061C}' {
            Class::Invisible
        } else {
            Class::Other
        };
    }
    if is_invisible(c) {
        Class::Invisible
    } else if c.is_whitespace() {
        Class::Space
    } else if is_arabic_mark(c) || unicode_normalization::char::is_combining_mark(c) {
        Class::Mark
    } else if matches!(c, '٠'..='٩' | '۰'..='۹') {
        Class::Digit
    } else if c.is_alphabetic() {
        Class::Letter(is_arabic_letter(c))
    } else {
        Class::Other
    }
}

/// True for letters of the Arabic script (including presentation forms).
pub fn is_arabic_letter(c: char) -> bool {
    match c {
        // The main block, without a Unicode table lookup.
        '\u{0600}'..='\u{06FF}' => matches!(c,
            '\u{0620}'..='\u{063F}' | '\u{0641}'..='\u{064A}' | '\u{066E}' | '\u{066F}'
            | '\u{0671}'..='\u{06D3}' | '\u{06D5}' | '\u{06EE}' | '\u{06EF}' | '\u{06FA}'..='\u{06FC}' | '\u{06FF}'),
        '\u{0750}'..='\u{077F}'
        | '\u{08A0}'..='\u{08C9}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFC}' => c.is_alphabetic(),
        _ => false,
    }
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str, index: &CharIndex) -> Vec<Token> {
    let _ = index; // Spans are counted while scanning; the index is kept in the signature for callers.
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 6 + 1);
    let (mut pos, mut chars_before) = (0, 0);
    let mut last_end = 0;
    while let Some(c) = text.get(pos..).and_then(|r| r.chars().next()) {
        let (end, kind) = match classify(c) {
            Class::Space | Class::Invisible => {
                pos += c.len_utf8();
                continue;
            }
            Class::Letter(arabic) => (scan_word(text, pos, arabic), TokenKind::Word),
            Class::Mark => (scan_word(text, pos, is_arabic_mark(c)), TokenKind::Word),
            Class::Digit => (absorb_marks(text, scan_number(text, pos)), TokenKind::Number),
            Class::Other => (absorb_marks(text, pos + c.len_utf8()), TokenKind::Punct),
        };
        let gap = &text[last_end..pos];
        chars_before += gap.chars().count();
        let len = text[pos..end].chars().count();
        if let Some(prev) = out.last_mut() {
            prev.joined_next = !gap.chars().any(char::is_whitespace);
        }
        out.push(make_token(
            text,
            pos..end,
            Span::new(chars_before, chars_before + len),
            kind,
        ));
        chars_before += len;
        last_end = end;
        pos = end;
    }
    out
}

fn make_token(text: &str, bytes: Range<usize>, span: Span, kind: TokenKind) -> Token {
    let surface = &text[bytes.clone()];
    let key = normalize_key(surface);
    let analyses = if kind == TokenKind::Word && key.chars().next().is_some_and(is_arabic_letter) {
        crate::clitics::analyze_clitics(&key, last_letter(surface))
    } else {
        Vec::new()
    };
    Token {
        bytes,
        span,
        key,
        kind,
        analyses,
        joined_next: false,
    }
}

/// The last letter of a surface form, marks skipped.
fn last_letter(surface: &str) -> Option<char> {
    surface
        .chars()
        .rev()
        .find(|&c| !is_arabic_mark(c) && !is_invisible(c))
}

/// End of the word starting at `start`: letters of the same script, marks, and invisible marks that sit
/// between them.
fn scan_word(text: &str, start: usize, arabic: bool) -> usize {
    let mut end = start;
    let mut pos = start;
    for c in text[start..].chars() {
        match classify(c) {
            Class::Letter(a) if a == arabic => end = pos + c.len_utf8(),
            Class::Mark => end = pos + c.len_utf8(),
            Class::Invisible => {}
            _ => break,
        }
        pos += c.len_utf8();
    }
    end.max(start + text[start..].chars().next().map_or(0, char::len_utf8))
}

/// Extends `end` over combining marks that follow it (a stray tanween after digits).
fn absorb_marks(text: &str, end: usize) -> usize {
    let mut e = end;
    for c in text[end..].chars() {
        if classify(c) != Class::Mark {
            break;
        }
        e += c.len_utf8();
    }
    e
}

fn digit_run(text: &str, start: usize) -> usize {
    text[start..]
        .chars()
        .take_while(|&c| classify(c) == Class::Digit)
        .map(char::len_utf8)
        .sum()
}

/// End of the number starting at `start`: digits, a decimal point followed by digits, thousands
/// separators followed by exactly three digits.
fn scan_number(text: &str, start: usize) -> usize {
    let mut end = start + digit_run(text, start);
    let mut decimal = false;
    while let Some(sep) = text[end..].chars().next() {
        let after = end + sep.len_utf8();
        let run = digit_run(text, after);
        let digits = text[after..after + run].chars().count();
        let ok = match sep {
            ',' | '٬' => !decimal && digits == 3,
            '.' | '٫' => !decimal && digits > 0,
            _ => false,
        };
        if !ok {
            break;
        }
        // "1.200.000": dots as thousands separators keep going only in groups of three.
        decimal = matches!(sep, '.' | '٫') && (digits != 3 || !followed_by_dot_group(text, after + run));
        end = after + run;
    }
    end
}

fn followed_by_dot_group(text: &str, pos: usize) -> bool {
    let Some(sep) = text[pos..].chars().next() else {
        return false;
    };
    if sep != '.' {
        return false;
    }
    let after = pos + 1;
    text[after..after + digit_run(text, after)].chars().count() == 3
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<Token> {
        tokenize(text, &CharIndex::new(text))
    }

    fn surfaces(text: &str) -> Vec<&str> {
        toks(text).into_iter().map(|t| &text[t.bytes]).collect()
    }

    #[test]
    fn splits_words_numbers_punct() {
        assert_eq!(
            surfaces("قتل 49 جنديًا، و3.5 مليون (1,200) U.S. ١٬٢٠٠ ٣٫٥"),
            [
                "قتل",
                "49",
                "جنديًا",
                "،",
                "و",
                "3.5",
                "مليون",
                "(",
                "1,200",
                ")",
                "U",
                ".",
                "S",
                ".",
                "١٬٢٠٠",
                "٣٫٥"
            ]
        );
        assert_eq!(
            surfaces("1,20 2020. 1.200.000"),
            ["1", ",", "20", "2020", ".", "1.200.000"]
        );
        assert_eq!(
            surfaces("الـCIA بـ \"الاستفزازات\""),
            ["الـ", "CIA", "بـ", "\"", "الاستفزازات", "\""]
        );
    }

    #[test]
    fn spans_and_joins() {
        let text = "قرى فيرين-شورزا و49";
        let t = toks(text);
        let hyphen = t.iter().position(|t| t.key == "-").expect("hyphen");
        assert!(is_word_hyphen(&t, hyphen));
        assert!(!is_word_hyphen(&t, 0));
        assert!(!t[0].joined_next);
        let waw = t.iter().position(|t| t.key == "و").expect("waw");
        assert!(t[waw].joined_next);
        assert_eq!(t[waw + 1].key, "49");
        let chars: Vec<char> = text.chars().collect();
        for tok in &t {
            let s: String = chars[tok.span.start..tok.span.end].iter().collect();
            assert_eq!(s, &text[tok.bytes.clone()]);
        }
    }

    #[test]
    fn invisible_marks_inside_and_between() {
        let text = "\u{FEFF}بو\u{200C}تين\u{200F} Putin";
        let t = toks(text);
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].key, "بوتين");
        assert_eq!(&text[t[0].bytes.clone()], "بو\u{200C}تين");
        assert_eq!(t[1].key, "putin");
    }

    #[test]
    fn keys_and_stem_bytes() {
        let text = "وَبِحَسَبِ بالقرية";
        let t = toks(text);
        let keys: Vec<&str> = t[0].keys().collect();
        assert_eq!(keys[0], "وبحسب");
        assert!(keys.contains(&"حسب"), "{keys:?}");
        let a = t[1]
            .analyses
            .iter()
            .find(|a| a.stem == "قريه")
            .expect("ب+ال+قريه");
        assert_eq!(a.prefixes, ["ب", "ال"]);
        assert_eq!(&text[t[1].stem_bytes(text, a)], "قرية");
        let a = t[0].analyses.iter().find(|a| a.stem == "حسب").expect("و+ب+حسب");
        assert_eq!(&text[t[0].stem_bytes(text, a)], "حَسَبِ");
    }
}
