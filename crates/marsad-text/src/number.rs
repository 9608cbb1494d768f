//! Numbers written in digits or words, with their qualifiers.

use crate::offsets::CharIndex;
use crate::token::{Token, TokenKind};
use marsad_model::{Qualifier, Span};

/// A number in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMention {
    /// Byte range in the original, qualifier included.
    pub bytes: std::ops::Range<usize>,
    /// Code-point span in the original, qualifier included.
    pub span: Span,
    /// Value.
    pub value: f64,
    /// Qualifier.
    pub qualifier: Qualifier,
    /// True for ordinals.
    pub ordinal: bool,
    /// Index of the first and one past the last token of the number (qualifier included).
    pub tokens: std::ops::Range<usize>,
}

/// Finds numbers.
pub fn find_numbers(_text: &str, tokens: &[Token], index: &CharIndex) -> Vec<NumberMention> {
    tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.kind == TokenKind::Number)
        .filter_map(|(i, t)| {
            Some(NumberMention {
                bytes: t.bytes.clone(),
                span: index.span(t.bytes.clone()),
                value: t.key.parse().ok()?,
                qualifier: Qualifier::Exact,
                ordinal: false,
                tokens: i..i + 1,
            })
        })
        .collect()
}
