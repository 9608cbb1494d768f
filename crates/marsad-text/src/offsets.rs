//! Conversion between byte offsets and code-point offsets of one text.

use marsad_model::Span;

/// Maps byte offsets of a text to code-point offsets and back.
#[derive(Debug, Clone, Default)]
pub struct CharIndex {
    /// Byte offset of every char boundary, plus the text length at the end.
    starts: Vec<u32>,
}

impl CharIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut starts: Vec<u32> = Vec::with_capacity(text.chars().count() + 1);
        starts.extend(text.char_indices().map(|(b, _)| b as u32));
        starts.push(text.len() as u32);
        CharIndex { starts }
    }

    /// Number of code points.
    pub fn char_len(&self) -> usize {
        self.starts.len() - 1
    }

    /// Code-point offset of byte offset `byte` (rounded down to a char boundary).
    pub fn char_at(&self, byte: usize) -> usize {
        match self.starts.binary_search(&(byte as u32)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Byte offset of code-point offset `ch` (clamped to the text).
    pub fn byte_at(&self, ch: usize) -> usize {
        self.starts[ch.min(self.starts.len() - 1)] as usize
    }

    /// The code-point span of a byte range.
    pub fn span(&self, bytes: std::ops::Range<usize>) -> Span {
        Span::new(self.char_at(bytes.start), self.char_at(bytes.end))
    }

    /// The byte range of a code-point span.
    pub fn bytes(&self, span: Span) -> std::ops::Range<usize> {
        self.byte_at(span.start)..self.byte_at(span.end)
    }
}
