//! Sentence splitting.
//!
//! A sentence ends at a terminal mark (`.` `!` `?` `؟` `۔`, keys `.` `!` `?`) together with the marks,
//! closing quotes and brackets glued to it, and at every line break. It does not end at a full stop
//! that closes an abbreviation ("د." "Dr." "U.S."; listed in `data/abbreviations.tsv`, plus any single
//! Latin letter), nor inside quotes that close later in the same paragraph ("قال: "الوضع خطير. نحن
//! نقاتل" ثم غادر" is one sentence), nor before a lower-case Latin word. Decimal numbers ("3.5") are
//! single tokens and never split. Sentences partition the tokens: every token belongs to exactly one.

use crate::offsets::CharIndex;
use crate::token::{Token, TokenKind};
use marsad_model::Span;
use std::collections::HashSet;
use std::sync::LazyLock;

/// How far ahead (in tokens) a closing quote is looked for before a quote is taken as unbalanced.
const QUOTE_REACH: usize = 80;

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

static ABBREVIATIONS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    crate::data::rows(include_str!("../data/abbreviations.tsv"))
        .filter_map(|r| r.first().copied())
        .collect()
});

/// Splits into sentences (see the module docs for the rules).
pub fn split_sentences(text: &str, tokens: &[Token], index: &CharIndex) -> Vec<Sentence> {
    let _ = index; // Spans are taken from the tokens.
    let mut out = Vec::new();
    let mut first = 0;
    let mut quote: Option<char> = None;
    let mut i = 0;
    while i < tokens.len() {
        let mut last = i;
        let mut ends = false;
        if is_terminal(&tokens[i]) && !is_abbreviation(text, tokens, i) {
            last = absorb_closers(text, tokens, i);
            let closes = (i + 1..=last).any(|j| closes_quote(text, &tokens[j], quote));
            if closes {
                quote = None;
            }
            let inside = quote.is_some_and(|q| closes_later(text, tokens, last + 1, q));
            ends = !inside && !continues(text, tokens, last + 1);
        } else if let Some(q) = quote_effect(text, tokens, i, quote) {
            quote = q;
        }
        let para = tokens
            .get(last + 1)
            .is_none_or(|n| text[tokens[last].bytes.end..n.bytes.start].contains(is_line_break));
        if para {
            quote = None;
        }
        if ends || para {
            out.push(sentence(tokens, first, last));
            first = last + 1;
        }
        i = last + 1;
    }
    out
}

fn sentence(tokens: &[Token], first: usize, last: usize) -> Sentence {
    let (a, b) = (&tokens[first], &tokens[last]);
    Sentence {
        bytes: a.bytes.start..b.bytes.end,
        span: Span::new(a.span.start, b.span.end),
        tokens: first..last + 1,
    }
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{0085}' | '\u{2028}' | '\u{2029}')
}

fn is_terminal(t: &Token) -> bool {
    t.kind == TokenKind::Punct && matches!(t.key.as_str(), "." | "!" | "?")
}

/// A full stop glued to an abbreviation or a single Latin letter.
fn is_abbreviation(text: &str, tokens: &[Token], i: usize) -> bool {
    if tokens[i].key != "." || i == 0 {
        return false;
    }
    let prev = &tokens[i - 1];
    if !prev.joined_next || prev.kind != TokenKind::Word {
        return false;
    }
    let single_latin = prev.key.len() == 1 && prev.key.bytes().all(|b| b.is_ascii_alphabetic());
    // A lone Arabic letter is an abbreviation only when listed and not after a number ("2020 م.").
    let after_number = i >= 2 && tokens[i - 2].kind == TokenKind::Number;
    let _ = text;
    single_latin || (ABBREVIATIONS.contains(prev.key.as_str()) && !after_number)
}

/// The last token of the run of terminal marks, closing quotes and brackets glued after token `i`.
fn absorb_closers(text: &str, tokens: &[Token], i: usize) -> usize {
    let mut last = i;
    while let Some(next) = tokens.get(last + 1) {
        let glued = tokens[last].joined_next;
        let closer = matches!(
            next.text(text),
            "\"" | "»" | "”" | "’" | "'" | ")" | "]" | "}" | "›"
        );
        if !glued || !(is_terminal(next) || closer) {
            break;
        }
        last += 1;
    }
    last
}

/// True when `t` closes the open quote `open`.
fn closes_quote(text: &str, t: &Token, open: Option<char>) -> bool {
    matches!(
        (open, t.text(text)),
        (Some('"'), "\"") | (Some('„'), "“") | (Some(_), "»" | "”")
    )
}

/// How token `i` changes the quote state: `Some(new state)` when it opens or closes a quote.
fn quote_effect(text: &str, tokens: &[Token], i: usize, open: Option<char>) -> Option<Option<char>> {
    let t = &tokens[i];
    if t.kind != TokenKind::Punct {
        return None;
    }
    if closes_quote(text, t, open) {
        return Some(None);
    }
    match t.text(text) {
        "«" => Some(Some('«')),
        "“" => Some(Some('“')),
        "„" => Some(Some('„')),
        "\"" if open.is_none() => {
            // A straight quote glued to the word before it and followed by a space closes nothing
            // we saw open: leave the state alone.
            let glued_before = i > 0 && tokens[i - 1].joined_next;
            (!glued_before || t.joined_next).then_some(Some('"'))
        }
        _ => None,
    }
}

/// True when the quote opened with `open` closes within reach and in the same paragraph.
fn closes_later(text: &str, tokens: &[Token], from: usize, open: char) -> bool {
    let mut prev_end = tokens.get(from.wrapping_sub(1)).map_or(0, |t| t.bytes.end);
    for t in tokens.iter().skip(from).take(QUOTE_REACH) {
        if text[prev_end..t.bytes.start].contains(is_line_break) {
            return false;
        }
        if closes_quote(text, t, Some(open)) {
            return true;
        }
        prev_end = t.bytes.end;
    }
    false
}

/// True when token `next` shows the sentence goes on: a lower-case Latin word or a comma-like mark.
fn continues(text: &str, tokens: &[Token], next: usize) -> bool {
    let Some(t) = tokens.get(next) else { return false };
    match t.kind {
        TokenKind::Word => t.text(text).starts_with(|c: char| c.is_ascii_lowercase()),
        TokenKind::Punct => matches!(t.key.as_str(), "," | ";" | ":"),
        TokenKind::Number => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize;

    fn split(text: &str) -> Vec<&str> {
        let index = CharIndex::new(text);
        let tokens = tokenize(text, &index);
        let sentences = split_sentences(text, &tokens, &index);
        let mut next = 0;
        for s in &sentences {
            assert_eq!(s.tokens.start, next, "sentences partition the tokens");
            next = s.tokens.end;
            assert_eq!(s.bytes.start, tokens[s.tokens.start].bytes.start);
            assert_eq!(s.bytes.end, tokens[s.tokens.end - 1].bytes.end);
        }
        assert_eq!(next, tokens.len());
        sentences.into_iter().map(|s| &text[s.bytes]).collect()
    }

    #[test]
    fn splits_at_marks_and_lines() {
        assert_eq!(
            split("قصف الجيش المدينة. هل انتهى؟ نعم!\nعنوان بلا نقطة\n\nفقرة ثانية۔ ثم"),
            [
                "قصف الجيش المدينة.",
                "هل انتهى؟",
                "نعم!",
                "عنوان بلا نقطة",
                "فقرة ثانية۔",
                "ثم"
            ]
        );
    }

    #[test]
    fn keeps_numbers_and_abbreviations() {
        assert_eq!(split("ارتفع 3.5 بالمئة. ثم"), ["ارتفع 3.5 بالمئة.", "ثم"]);
        assert_eq!(
            split("قال د. أحمد إن الوضع خطير."),
            ["قال د. أحمد إن الوضع خطير."]
        );
        assert_eq!(
            split("The U.S. Army said Dr. Smith left. He came back."),
            ["The U.S. Army said Dr. Smith left.", "He came back."]
        );
        assert_eq!(split("في عام 2020 م. ثم"), ["في عام 2020 م.", "ثم"]);
    }

    #[test]
    fn quotes() {
        assert_eq!(
            split("قال: \"الوضع خطير. نحن نقاتل\" ثم غادر. انتهى"),
            ["قال: \"الوضع خطير. نحن نقاتل\" ثم غادر.", "انتهى"]
        );
        assert_eq!(split("قال «انتهى الأمر.» وغادر."), ["قال «انتهى الأمر.»", "وغادر."]);
        // An unbalanced quote does not swallow the paragraph.
        assert_eq!(
            split("تستعد لتدخل عسكري واسع النطاق \". تزعم وسائل الإعلام"),
            ["تستعد لتدخل عسكري واسع النطاق \".", "تزعم وسائل الإعلام"]
        );
        assert_eq!(
            split("He said \"stop.\" Then left."),
            ["He said \"stop.\"", "Then left."]
        );
        assert_eq!(split("\"Stop,\" he said. Ok"), ["\"Stop,\" he said.", "Ok"]);
    }

    #[test]
    fn empty_and_marks_only() {
        assert!(split("").is_empty());
        assert_eq!(split("..."), ["..."]);
        assert_eq!(split("؟! ."), ["؟!", "."]);
    }
}
