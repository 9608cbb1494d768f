//! Marsad's text layer: everything later stages need to read Arabic (and English) text while keeping
//! the way back to the original.
//!
//! The principal type is [`Analysis`], built by [`analyze`]: the document's [`Lang`], its [`Token`]s
//! (with clitic analysis and a matching key), its [`Sentence`]s and the numbers found in it. Every span
//! it holds is in code points of the original text (see `marsad_model::Span`); byte ranges are kept
//! beside them for slicing.
//!
//! Matching keys come from [`normalize_key`]: the same function is used when lexicons and the
//! gazetteer are built and when text is matched against them. [`KeyedText`] keeps, for every key byte,
//! the original character it came from.
//!
//! The stages, each in its own module:
//! - [`lang`]: language id (script gate, then `whatlang`; figures in `LANGID.md`);
//! - [`normalize`]: key folding (presentation forms, tashkeel, alef/yeh/teh marbuta, digits, invisible
//!   marks, case, white space);
//! - [`token`]: word / number / punctuation tokens, with candidate clitic analyses of Arabic words
//!   ([`Token::keys`]: the whole key first, then each stem) and [`Token::joined_next`] for glued tokens;
//! - [`sentence`]: sentences at terminal marks and line breaks, not after abbreviations or inside quotes;
//! - [`number`]: numbers in digits and in Arabic and English words, with their qualifiers.
//!
//! The word lists (number words, qualifiers, abbreviations) are sorted TSV files in `data/`, compiled in.

mod clitics;
mod data;
pub mod lang;
pub mod normalize;
pub mod number;
pub mod offsets;
pub mod sentence;
pub mod token;

pub use lang::{Lang, detect_lang};
pub use normalize::{KeyedText, fold_char, fold_into, normalize_key, normalize_text};
pub use number::{NumberMention, find_numbers};
pub use offsets::CharIndex;
pub use sentence::{Sentence, split_sentences};
pub use token::{Clitics, Token, TokenKind, is_arabic_letter, is_word_hyphen, tokenize};

/// A document read by the text layer.
#[derive(Debug, Clone)]
pub struct Analysis<'a> {
    /// The original text.
    pub text: &'a str,
    /// Byte ↔ code point offsets of `text`.
    pub index: CharIndex,
    /// Language of the document.
    pub lang: Lang,
    /// Word, number and punctuation tokens, in order.
    pub tokens: Vec<Token>,
    /// Sentences, in order; each holds the range of its tokens.
    pub sentences: Vec<Sentence>,
    /// Numbers (digits and number words) with qualifiers.
    pub numbers: Vec<NumberMention>,
}

/// Reads `text`: language (or `lang` when the caller knows it), tokens, sentences, numbers.
pub fn analyze(text: &str, lang: Option<Lang>) -> Analysis<'_> {
    let index = CharIndex::new(text);
    let lang = lang.unwrap_or_else(|| detect_lang(text));
    let tokens = tokenize(text, &index);
    let sentences = split_sentences(text, &tokens, &index);
    let numbers = find_numbers(text, &tokens, &index);
    Analysis {
        text,
        index,
        lang,
        tokens,
        sentences,
        numbers,
    }
}
