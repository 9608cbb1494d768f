//! Sentence splitting.

use crate::offsets::CharIndex;
use crate::token::{Token, TokenKind};
use marsad_model::Span;

/// One sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range in the original.
    pub bytes: std::ops::Range<usize>,
    /// Code-point span in the original.
    pub span: Span,
    /// Range of indices into the token list.
    pub tokens: std::ops::Range<usize>,
}

/// Splits into sentences at . ! ? ؟ and line breaks.
pub fn split_sentences(text: &str, tokens: &[Token], index: &CharIndex) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut first = 0;
    for (i, t) in tokens.iter().enumerate() {
        let ends = t.kind == TokenKind::Punct && matches!(&text[t.bytes.clone()], "." | "!" | "?" | "؟");
        let newline = tokens
            .get(i + 1)
            .is_some_and(|n| text[t.bytes.end..n.bytes.start].contains('\n'));
        if ends || newline || i + 1 == tokens.len() {
            let bytes = tokens[first].bytes.start..t.bytes.end;
            out.push(Sentence {
                span: index.span(bytes.clone()),
                bytes,
                tokens: first..i + 1,
            });
            first = i + 1;
        }
    }
    out
}
