//! Word tokens with clitic analysis.

use crate::offsets::CharIndex;
use marsad_model::Span;

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
}

/// One token of the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the original.
    pub bytes: std::ops::Range<usize>,
    /// Code-point span in the original.
    pub span: Span,
    /// Normalised key of the surface form.
    pub key: String,
    /// Kind.
    pub kind: TokenKind,
    /// Candidate clitic analyses, most likely first (empty for non-Arabic tokens). Later stages confirm a
    /// stem against a lexicon before trusting it; the whole key is always a candidate too.
    pub analyses: Vec<Clitics>,
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str, index: &CharIndex) -> Vec<Token> {
    let mut out = Vec::new();
    let mut start: Option<(usize, TokenKind)> = None;
    let push = |s: usize, e: usize, kind: TokenKind, out: &mut Vec<Token>| {
        let surface = &text[s..e];
        out.push(Token {
            bytes: s..e,
            span: index.span(s..e),
            key: crate::normalize_key(surface),
            kind,
            analyses: Vec::new(),
        });
    };
    for (b, c) in text.char_indices() {
        let kind = if c.is_alphabetic() || is_mark(c) {
            Some(TokenKind::Word)
        } else if c.is_numeric() {
            Some(TokenKind::Number)
        } else if c.is_whitespace() || is_invisible(c) {
            None
        } else {
            Some(TokenKind::Punct)
        };
        match (start, kind) {
            (Some((_, k)), Some(k2)) if k == k2 && k != TokenKind::Punct => {}
            (Some((s, k)), _) => {
                push(s, b, k, &mut out);
                start = kind.map(|k| (b, k));
            }
            (None, Some(k)) => start = Some((b, k)),
            (None, None) => {}
        }
    }
    if let Some((s, k)) = start {
        push(s, text.len(), k, &mut out);
    }
    out
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}
