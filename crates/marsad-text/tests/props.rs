//! Property tests: normalisation is idempotent, tokens tile the text, offsets always land on char
//! boundaries, and `analyze` never panics, on arbitrary and Arabic-heavy strings.

use marsad_text::normalize::is_invisible;
use marsad_text::{CharIndex, KeyedText, analyze, normalize_key};
use proptest::prelude::*;

/// Characters that stress the text layer: Arabic letters and marks, digits of three scripts,
/// presentation forms, punctuation, invisible marks, white space, and anything at all.
fn stress_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::char::range('\u{0620}', '\u{064A}'),
        2 => proptest::char::range('\u{064B}', '\u{0670}'),
        1 => proptest::char::range('\u{0660}', '\u{06FF}'),
        1 => proptest::char::range('0', '9'),
        1 => proptest::char::range('\u{06F0}', '\u{06F9}'),
        1 => proptest::char::range('\u{FB50}', '\u{FEFF}'),
        1 => proptest::char::range('a', 'z'),
        2 => prop::sample::select(vec![
            ' ', ' ', '\n', '\t', '.', ',', '-', '"', '«', '»', '،', '؛', '؟', '٫', '٬', '۔', '!', '?',
            '\u{200C}', '\u{200D}', '\u{200F}', '\u{FEFF}', '\u{00A0}', '\u{0640}', '\u{00AD}', 'ﻻ', 'İ',
            'é', '\u{0301}', 'ﷺ',
        ]),
        1 => any::<char>(),
    ]
}

fn stress_text() -> impl Strategy<Value = String> {
    prop::collection::vec(stress_char(), 0..120).prop_map(|v| v.into_iter().collect())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![stress_text(), any::<String>()]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn normalize_key_is_idempotent(s in any_text()) {
        let k = normalize_key(&s);
        prop_assert_eq!(normalize_key(&k), k.clone());
        prop_assert!(!k.starts_with(' ') && !k.ends_with(' ') && !k.contains("  "));
    }

    #[test]
    fn tokens_tile_the_text(s in any_text()) {
        let a = analyze(&s, None);
        let index = CharIndex::new(&s);
        let mut prev_end = 0;
        for t in &a.tokens {
            prop_assert!(t.bytes.start < t.bytes.end);
            prop_assert!(t.bytes.start >= prev_end, "tokens overlap or go backwards");
            prop_assert!(s.is_char_boundary(t.bytes.start) && s.is_char_boundary(t.bytes.end));
            let gap = &s[prev_end..t.bytes.start];
            prop_assert!(gap.chars().all(|c| c.is_whitespace() || is_invisible(c)), "gap {:?}", gap);
            prop_assert_eq!(index.span(t.bytes.clone()), t.span);
            prop_assert_eq!(index.bytes(t.span), t.bytes.clone());
            prop_assert_eq!(&t.key, &normalize_key(&s[t.bytes.clone()]));
            for an in &t.analyses {
                let r = t.stem_bytes(&s, an);
                prop_assert!(t.bytes.start <= r.start && r.end <= t.bytes.end && r.start <= r.end);
                prop_assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
            }
            prev_end = t.bytes.end;
        }
        let tail = &s[prev_end..];
        prop_assert!(tail.chars().all(|c| c.is_whitespace() || is_invisible(c)), "tail {:?}", tail);
    }

    #[test]
    fn sentences_and_numbers_slice_back(s in any_text()) {
        let a = analyze(&s, None);
        let mut next = 0;
        for sent in &a.sentences {
            prop_assert_eq!(sent.tokens.start, next);
            next = sent.tokens.end;
            prop_assert_eq!(a.index.bytes(sent.span), sent.bytes.clone());
        }
        prop_assert_eq!(next, a.tokens.len());
        let mut prev = 0;
        for m in &a.numbers {
            prop_assert!(m.tokens.start >= prev && m.tokens.start < m.tokens.end);
            prev = m.tokens.end;
            prop_assert!(s.is_char_boundary(m.bytes.start) && s.is_char_boundary(m.bytes.end));
            prop_assert_eq!(a.index.bytes(m.span), m.bytes.clone());
            prop_assert!(m.value.is_finite());
        }
    }

    #[test]
    fn original_range_on_char_boundaries(s in any_text(), a in 0usize..400, b in 0usize..400) {
        let k = KeyedText::new(&s);
        prop_assert_eq!(k.origin.len(), k.key.len() + 1);
        let r = k.original_range(a, b, &s);
        prop_assert!(r.start <= r.end && r.end <= s.len());
        prop_assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
    }
}
