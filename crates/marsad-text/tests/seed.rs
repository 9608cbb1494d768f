//! The seed article (`fixtures/seed-ar.txt`, the project's reference input): its figures, sentences and
//! clitics.

use marsad_model::Qualifier::{self, About, AtLeast, Exact};
use marsad_text::{Lang, analyze};

const SEED: &str = include_str!("fixtures/seed-ar.txt");

/// Python-style slice by code points.
fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn seed_figures() {
    let a = analyze(SEED, None);
    assert_eq!(a.lang, Lang::Ar);
    let found: Vec<(String, f64, Qualifier, bool)> = a
        .numbers
        .iter()
        .map(|m| {
            (
                slice(SEED, m.span.start, m.span.end),
                m.value,
                m.qualifier,
                m.ordinal,
            )
        })
        .collect();
    let want: [(&str, f64, Qualifier, bool); 6] = [
        ("قرابة خمسين", 50.0, About, false),
        ("ستين", 60.0, Exact, false),
        ("ما لا يقل عن 49", 49.0, AtLeast, false),
        ("التاسعة", 9.0, Exact, true),
        ("واحدة", 1.0, Exact, false),
        ("2020", 2020.0, Exact, false),
    ];
    for (text, value, qualifier, ordinal) in want {
        assert!(
            found
                .iter()
                .any(|f| f.0 == text && f.1 == value && f.2 == qualifier && f.3 == ordinal),
            "missing {text} = {value} {qualifier:?}; found {found:?}"
        );
    }
    assert_eq!(found.iter().filter(|f| f.0 == "2020").count(), 4, "{found:?}");
}

#[test]
fn seed_sentences_and_clitics() {
    let a = analyze(SEED, None);
    // Sentences cover the text in order and slice back.
    for s in &a.sentences {
        assert_eq!(slice(SEED, s.span.start, s.span.end), &SEED[s.bytes.clone()]);
    }
    let evidence = "تدخل باشينيان أمام نواب البرلمان الأرمني للإبلاغ عن مقتل ما لا يقل عن 49 جنديًا خلال مناوشات مع القوات الأذربيجانية.";
    assert!(a.sentences.iter().any(|s| &SEED[s.bytes.clone()] == evidence));
    let title = "تواجه أرمينيا وأذربيجان اشتباكات مسلحة في أسوأ لحظة بالنسبة لبوتين";
    assert_eq!(&SEED[a.sentences[0].bytes.clone()], title);
    let has = |word: &str, stem: &str| {
        a.tokens
            .iter()
            .filter(|t| &SEED[t.bytes.clone()] == word)
            .any(|t| t.keys().any(|k| k == stem))
    };
    assert!(has("وأذربيجان", "اذربيجان"));
    assert!(has("لبوتين", "بوتين"));
    assert!(has("وبحسب", "حسب"));
    assert!(has("وكالبجار", "كالبجار"));
    assert!(has("ولاشين", "لاشين"));
    // The hyphenated village is three glued tokens.
    let i = a
        .tokens
        .iter()
        .position(|t| &SEED[t.bytes.clone()] == "وفيرين")
        .expect("وفيرين");
    assert!(marsad_text::is_word_hyphen(&a.tokens, i + 1));
    assert_eq!(&SEED[a.tokens[i + 2].bytes.clone()], "شورزا");
}
