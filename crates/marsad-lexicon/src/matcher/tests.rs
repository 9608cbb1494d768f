//! Unit tests of the matcher.

use super::*;
use marsad_text::analyze;

/// A test row holding one label.
#[derive(Debug, Clone, PartialEq)]
struct Label(String);

impl Row for Label {
    fn parse(f: &[&str]) -> Result<Self, String> {
        f.first()
            .map(|s| Label((*s).to_owned()))
            .ok_or_else(|| "no label".to_owned())
    }
}

const TSV: &str = "# test lexicon\n# phrase\tlabel\n\
    أذربيجان\tAZE\nالبانيا\tALB\nالجيش\tMIL\nالجيش الأذربيجاني\tAZE-MIL\nبوتين\tRUS\n\
    حكومة\tGOV\nمنظمة معاهدة الأمن الجماعي\tCSTO\nمعاهدة\tTREATY\nنيويورك تايمز\tNYT\nU.S.\tUSA\n";

fn lex() -> Lexicon<Label> {
    Lexicon::from_tsv("test", TSV).expect("test lexicon parses")
}

/// (surface, label, prefixes) of every match.
fn run(text: &str) -> Vec<(String, String, Vec<&'static str>)> {
    let l = lex();
    let a = analyze(text, None);
    l.find(&a)
        .into_iter()
        .map(|m| {
            let by_span: String = text.chars().skip(m.span.start).take(m.span.len()).collect();
            assert_eq!(by_span, &text[m.bytes.clone()], "span and bytes agree");
            (by_span, m.entry.0.clone(), m.prefixes)
        })
        .collect()
}

#[test]
fn longest_phrase_wins() {
    let got = run("طلبت يريفان من منظمة معاهدة الأمن الجماعي التدخل");
    assert_eq!(
        got,
        vec![("منظمة معاهدة الأمن الجماعي".into(), "CSTO".into(), vec![])]
    );
    let got = run("قصف الجيش الأذربيجاني القرى");
    assert_eq!(got, vec![("الجيش الأذربيجاني".into(), "AZE-MIL".into(), vec![])]);
}

#[test]
fn strips_proclitics() {
    assert_eq!(run("قال لبوتين"), vec![("بوتين".into(), "RUS".into(), vec!["ل"])]);
    assert_eq!(
        run("أرمينيا وأذربيجان"),
        vec![("أذربيجان".into(), "AZE".into(), vec!["و"])]
    );
    assert_eq!(
        run("وبالجيش"),
        vec![("الجيش".into(), "MIL".into(), vec!["و", "ب"])]
    );
    // ل + ال is written لل: the match keeps the article's lam.
    assert_eq!(run("وللجيش"), vec![("لجيش".into(), "MIL".into(), vec!["و", "ل"])]);
}

#[test]
fn whole_words_first() {
    assert_eq!(run("البانيا"), vec![("البانيا".into(), "ALB".into(), vec![])]);
    assert!(run("بوتينية").is_empty(), "no match inside a longer word");
    assert!(run("مبوتين").is_empty(), "no match after a non-clitic");
    assert!(run("الجيشان").is_empty());
}

#[test]
fn strips_pronoun_suffix_and_ta_marbuta() {
    let l = lex();
    let text = "أعلنت حكومته";
    let a = analyze(text, None);
    let got = l.find(&a);
    assert_eq!(got.len(), 1);
    assert_eq!(&text[got[0].bytes.clone()], "حكومت");
    assert_eq!(got[0].suffix, Some("ه"));
    assert_eq!(got[0].entry.0, "GOV");
    // ة folds to ه in keys; it is never taken for the pronoun suffix.
    let l2 = Lexicon::<Label>::from_tsv("t", "محافظ\tGOV\n").expect("parses");
    let a = analyze("محافظة عدن ومحافظه", None);
    let got = l2.find(&a);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].suffix, Some("ه"));
}

#[test]
fn crosses_whitespace_hyphen_and_punctuation_tokens() {
    assert_eq!(
        run("صحيفة نيويورك-تايمز"),
        vec![("نيويورك-تايمز".into(), "NYT".into(), vec![])]
    );
    assert_eq!(run("the U.S. said"), vec![("U.S.".into(), "USA".into(), vec![])]);
    assert!(run("نيويورك، تايمز").is_empty());
}

#[test]
fn tashkeel_is_kept_in_the_surface() {
    assert_eq!(run("بُوتِين"), vec![("بُوتِين".into(), "RUS".into(), vec![])]);
    assert_eq!(run("لِبُوتِينَ"), vec![("بُوتِينَ".into(), "RUS".into(), vec!["ل"])]);
}

#[test]
fn find_in_respects_the_range() {
    let l = lex();
    let a = analyze("بوتين. بوتين", None);
    assert_eq!(l.find(&a).len(), 2);
    let first = a.sentences[0].tokens.clone();
    let got = l.find_in(&a, first);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].span, Span::new(0, 5));
    assert!(l.find_in(&a, 1..1).is_empty());
}

#[test]
fn phrase_form_agrees_with_the_tokenizer() {
    let mut phrases: Vec<String> = Vec::new();
    phrases.extend(crate::actors().entries().map(|(k, _)| k.to_owned()));
    phrases.extend(crate::agents().entries().map(|(k, _)| k.to_owned()));
    phrases.extend(crate::reporting().entries().map(|(k, _)| k.to_owned()));
    phrases.extend(crate::cues().entries().map(|(k, _)| k.to_owned()));
    phrases.extend(crate::time_words().entries().map(|(k, _)| k.to_owned()));
    phrases.extend(["U.S.", "نيويورك-تايمز", "F-16", "طائرات F16", "وفقًا لـ", "«داعش»"].map(String::from));
    for p in phrases {
        let form = phrase_form(&normalize_key(&p));
        assert_eq!(form, phrase_form_by_tokenizer(&p), "phrase {p:?}");
    }
}

#[test]
fn lookups_and_errors() {
    let l = lex();
    assert_eq!(l.get("الجيش").map(|r| r.0.as_str()), Some("MIL"));
    assert_eq!(l.get("أذربيجان").map(|r| r.0.as_str()), Some("AZE"));
    assert_eq!(l.entries().count(), l.len());
    let dup = Lexicon::<Label>::from_tsv("dup", "بوتين\ta\nبُوتين\tb\n");
    assert!(matches!(
        dup,
        Err(LexiconError::Duplicate {
            line: 2,
            first: 1,
            ..
        })
    ));
    let bad = Lexicon::<Label>::from_tsv("bad", "# h\nبوتين\n");
    assert!(matches!(bad, Err(LexiconError::Row { line: 2, .. })));
}

#[test]
fn shared_keys_match_like_find() {
    let l = lex();
    let text = "قال الجيش الأذربيجاني إن بوتين وحكومته.\nمنظمة معاهدة الأمن الجماعي في نيويورك تايمز";
    let a = analyze(text, None);
    let keys = DocKeys::new(&a, 0..a.tokens.len());
    assert_eq!(l.find_keyed(&a, &keys), l.find(&a));
    let other = analyze("بوتين", None);
    // Keys of another analysis are not trusted: they are rebuilt.
    assert_eq!(l.find_keyed(&other, &keys), l.find(&other));
    assert!(!l.find(&a).is_empty());
}
