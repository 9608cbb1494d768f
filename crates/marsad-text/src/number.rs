//! Numbers written in digits or words, with their qualifiers.
//!
//! A number is a run of digit tokens or number words (`data/number-words.tsv`) that compose by the
//! grammar of the language: Arabic "تسعة وأربعين" (unit و tens) = 49, "ثلاثة عشر" = 13, "ثلاثة آلاف
//! وخمسمائة" = 3500, "عشرات الآلاف" = 10000 (about); English "forty-nine", "two hundred and five",
//! "3 million", "tens of thousands". Words may carry proclitics ("بخمسين", "وأربعين"): the span then
//! starts after them. Digits glued to a word ("F16", "COVID-19") are not numbers, but digits after a lone
//! proclitic ("و49") are.
//!
//! Vague quantities take the qualifier `about`: عشرات 10, مئات 100, آلاف 1000, ملايين 10⁶, بضعة 3,
//! dozens 12, hundreds 100, thousands 1000. A qualifier phrase (`data/number-qualifiers.tsv`) right
//! before the number ("ما لا يقل عن 49", "at least 49"), or right after it or after its counted noun
//! ("49 جنديا على الأقل"), sets the qualifier and is included in the span; an explicit qualifier wins
//! over vagueness. Years ("2020") and clock hours ("التاسعة", ordinal) are numbers too: callers decide.

use crate::offsets::CharIndex;
use crate::token::{Token, TokenKind, is_word_hyphen};
use marsad_model::{Qualifier, Span};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// A number in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMention {
    /// Byte range in the original, qualifier included.
    pub bytes: Range<usize>,
    /// Code-point span in the original, qualifier included.
    pub span: Span,
    /// Value.
    pub value: f64,
    /// Qualifier.
    pub qualifier: Qualifier,
    /// True for ordinals.
    pub ordinal: bool,
    /// Index of the first and one past the last token of the number (qualifier included).
    pub tokens: Range<usize>,
}

/// The grammatical class of a number word (see the header of `data/number-words.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Unit,
    Ten10,
    TeenUnit,
    Teen,
    Tens,
    Hundred,
    Scale,
    Dual,
    Plural,
    Vague,
    Mult,
    Article,
    Ordinal,
    OrdTeenUnit,
    NotNumber,
    Digits,
}

impl Class {
    fn parse(s: &str) -> Option<Class> {
        Some(match s {
            "unit" => Class::Unit,
            "ten10" => Class::Ten10,
            "teen_unit" => Class::TeenUnit,
            "teen" => Class::Teen,
            "tens" => Class::Tens,
            "hundred" => Class::Hundred,
            "scale" => Class::Scale,
            "dual" => Class::Dual,
            "plural" => Class::Plural,
            "vague" => Class::Vague,
            "mult" => Class::Mult,
            "article" => Class::Article,
            "ordinal" => Class::Ordinal,
            "ord_teen_unit" => Class::OrdTeenUnit,
            "none" => Class::NotNumber,
            _ => return None,
        })
    }

    /// Classes that are numbers only when something follows ("أحد" needs "عشر", "a" needs "hundred").
    fn needs_next(self) -> bool {
        matches!(self, Class::TeenUnit | Class::OrdTeenUnit | Class::Article)
    }
}

/// A number word's entry.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Word {
    value: f64,
    class: Class,
    english: bool,
}

/// A small, fast hash for the short keys of the number-word table (looked up for every word of a
/// text; the table is fixed, so flooding resistance is not needed).
#[derive(Debug, Default, Clone, Copy)]
struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type KeyMap<V> = HashMap<String, V, std::hash::BuildHasherDefault<KeyHasher>>;

static WORDS: LazyLock<KeyMap<Word>> = LazyLock::new(|| {
    crate::data::rows(include_str!("../data/number-words.tsv"))
        .filter_map(|r| {
            let value = r.get(1)?.parse().ok()?;
            let class = Class::parse(r.get(2)?)?;
            let english = *r.get(3)? == "en";
            Some((
                crate::normalize_key(r.first()?),
                Word {
                    value,
                    class,
                    english,
                },
            ))
        })
        .collect()
});

/// A qualifier phrase.
#[derive(Debug)]
struct QualifierPhrase {
    words: Vec<String>,
    qualifier: Qualifier,
    before: bool,
    after: bool,
}

static QUALIFIERS: LazyLock<Vec<QualifierPhrase>> = LazyLock::new(|| {
    let mut all: Vec<QualifierPhrase> = crate::data::rows(include_str!("../data/number-qualifiers.tsv"))
        .filter_map(|r| {
            let qualifier = match *r.get(1)? {
                "about" => Qualifier::About,
                "at_least" => Qualifier::AtLeast,
                "up_to" => Qualifier::UpTo,
                _ => return None,
            };
            let position = *r.get(2)?;
            Some(QualifierPhrase {
                words: crate::normalize_key(r.first()?)
                    .split(' ')
                    .map(str::to_owned)
                    .collect(),
                qualifier,
                before: position != "after",
                after: position != "before",
            })
        })
        .collect();
    all.sort_by_key(|q| std::cmp::Reverse(q.words.len()));
    all
});

/// How a component is attached to the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Conj {
    /// Nothing but space.
    None,
    /// The proclitic و (Arabic compounds).
    Waw,
    /// The article ال ("عشرات الآلاف").
    Article,
    /// English "and" or a hyphen.
    And,
    /// English "of" ("tens of thousands").
    Of,
}

/// One number word or digit run found at a token.
#[derive(Debug, Clone, Copy)]
struct Component {
    word: Word,
    /// Proclitics before the stem, as read.
    conj: Conj,
    /// Byte where the stem starts (after proclitics).
    start: usize,
    /// Token of the component.
    token: usize,
}

/// The value being built.
#[derive(Debug, Clone, Copy)]
struct Acc {
    total: f64,
    cur: f64,
    last: Class,
    /// Value of the last component (the unit before "عشر" or a tens word).
    last_value: f64,
    scale_cap: f64,
    ordinal: bool,
    vague: bool,
}

/// Finds numbers.
pub fn find_numbers(text: &str, tokens: &[Token], index: &CharIndex) -> Vec<NumberMention> {
    let mut out: Vec<NumberMention> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let floor = out.last().map_or(0, |m| m.tokens.end);
        match number_at(text, tokens, i) {
            Some((first, last, acc)) => {
                let m = mention(text, tokens, index, floor, first, last, acc);
                i = m.tokens.end.max(i + 1);
                out.push(m);
            }
            None => i += 1,
        }
    }
    out
}

/// The number starting at token `i`: its first component, its last token and its value.
fn number_at(text: &str, tokens: &[Token], i: usize) -> Option<(Component, usize, Acc)> {
    let first = component(text, tokens, i, true)?;
    if first.word.class == Class::Digits && glued_to_word(tokens, i) {
        return None;
    }
    let mut acc = start(first.word);
    let mut last = i;
    while let Some((c, end)) = continuation(text, tokens, last + 1) {
        if !step(&mut acc, c.word, c.conj) {
            break;
        }
        last = end;
    }
    if first.word.class.needs_next() && last == i {
        return None;
    }
    Some((first, last, acc))
}

/// True when digit token `i` is part of a code or name ("F16", "COVID-19", "MH17").
fn glued_to_word(tokens: &[Token], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).and_then(|p| tokens.get(p)) else {
        return false;
    };
    if !prev.joined_next {
        return false;
    }
    match prev.kind {
        TokenKind::Word => !is_proclitic_run(&prev.key),
        TokenKind::Punct => {
            prev.key == "-" && i >= 2 && tokens[i - 2].joined_next && tokens[i - 2].kind == TokenKind::Word
        }
        TokenKind::Number => false,
    }
}

/// True for a word that is only proclitics ("و", "بال", "الـ"), which may be glued to digits.
fn is_proclitic_run(key: &str) -> bool {
    matches!(
        key,
        "و" | "ف"
            | "ب"
            | "ل"
            | "ك"
            | "ال"
            | "وال"
            | "فال"
            | "بال"
            | "كال"
            | "لل"
            | "ولل"
            | "وب"
            | "ول"
            | "فب"
    )
}

/// The number word or digits at token `i`. `first` allows any proclitics; otherwise only و or ال.
fn component(text: &str, tokens: &[Token], i: usize, first: bool) -> Option<Component> {
    let t = tokens.get(i)?;
    let found = |word: Word, conj: Conj, start: usize| Component {
        word,
        conj,
        start,
        token: i,
    };
    match t.kind {
        TokenKind::Number => {
            let value = digits_value(&t.key)?;
            let word = Word {
                value,
                class: Class::Digits,
                english: false,
            };
            Some(found(word, Conj::None, t.bytes.start))
        }
        TokenKind::Punct => None,
        TokenKind::Word => {
            if let Some(&w) = WORDS.get(t.key.as_str()) {
                return (w.class != Class::NotNumber).then(|| found(w, Conj::None, t.bytes.start));
            }
            t.analyses.iter().filter(|a| a.suffix.is_none()).find_map(|a| {
                let w = *WORDS.get(a.stem.as_str())?;
                let conj = match a.prefixes.as_slice() {
                    ["و"] => Conj::Waw,
                    ["ال"] => Conj::Article,
                    p if first && !p.contains(&"س") => Conj::None,
                    _ => return None,
                };
                (w.class != Class::NotNumber).then(|| found(w, conj, t.stem_bytes(text, a).start))
            })
        }
    }
}

/// The component that may continue a number at token `i`, with the index of its token. English
/// connectors ("and", "of", a hyphen) are skipped and recorded in the component's `conj`.
fn continuation(text: &str, tokens: &[Token], i: usize) -> Option<(Component, usize)> {
    let t = tokens.get(i)?;
    let connector = match t.key.as_str() {
        "and" => Some(Conj::And),
        "of" => Some(Conj::Of),
        "-" if is_word_hyphen(tokens, i) => Some(Conj::And),
        _ => None,
    };
    if let Some(conj) = connector {
        let mut c = component(text, tokens, i + 1, false)?;
        if c.conj != Conj::None {
            return None;
        }
        c.conj = conj;
        return Some((c, i + 1));
    }
    component(text, tokens, i, false).map(|c| (c, i))
}

fn digits_value(key: &str) -> Option<f64> {
    let plain: String = if key.matches('.').count() > 1 {
        key.chars().filter(|&c| c != '.' && c != ',').collect()
    } else {
        key.chars().filter(|&c| c != ',').collect()
    };
    plain.parse().ok().filter(|v: &f64| v.is_finite())
}

/// The value of a number's first component.
fn start(w: Word) -> Acc {
    let mut acc = Acc {
        total: 0.0,
        cur: 0.0,
        last: w.class,
        last_value: w.value,
        scale_cap: f64::INFINITY,
        ordinal: matches!(w.class, Class::Ordinal | Class::OrdTeenUnit),
        vague: matches!(w.class, Class::Vague | Class::Plural),
    };
    match w.class {
        Class::Scale | Class::Dual | Class::Plural => {
            acc.total = w.value;
            acc.scale_cap = if w.class == Class::Dual {
                w.value / 2.0
            } else {
                w.value
            };
        }
        _ => acc.cur = w.value,
    }
    acc
}

/// Adds component `w` (attached by `conj`) to `acc` when the grammar allows it.
fn step(acc: &mut Acc, w: Word, conj: Conj) -> bool {
    if allowed(acc, w, conj) {
        apply(acc, w);
        true
    } else {
        false
    }
}

/// The composition grammar: may `w`, attached by `conj`, follow what `acc` holds?
fn allowed(acc: &Acc, w: Word, conj: Conj) -> bool {
    use Class as C;
    // English compounds need no conjunction ("two thousand five", "forty nine").
    let joined = matches!(conj, Conj::Waw | Conj::And) || (conj == Conj::None && w.english);
    match (acc.last, w.class) {
        // Teens: ثلاثة عشر, أحد عشر, الحادي عشر, الثالث عشر.
        (C::Unit, C::Ten10) => conj == Conj::None && (3.0..=9.0).contains(&acc.last_value),
        (C::TeenUnit | C::OrdTeenUnit, C::Ten10) => conj == Conj::None,
        (C::Ordinal, C::Ten10) => conj == Conj::None && acc.last_value <= 9.0,
        // تسعة وأربعين; forty-nine, twenty-first.
        (C::Unit, C::Tens) => conj == Conj::Waw && acc.last_value <= 9.0,
        (C::Tens, C::Unit | C::Ordinal) => w.english && joined && w.value <= 9.0,
        // مائة وخمسة, ألف وخمسمائة, two hundred and five, a thousand and one.
        (C::Hundred, C::Unit | C::Ten10 | C::TeenUnit | C::Teen | C::Tens) => joined,
        (
            C::Scale | C::Dual | C::Plural,
            C::Unit | C::Ten10 | C::TeenUnit | C::Teen | C::Tens | C::Hundred,
        ) => joined,
        (C::Scale | C::Dual | C::Plural, C::Scale | C::Dual) => {
            matches!(conj, Conj::Waw | Conj::And) && w.value < acc.scale_cap
        }
        // ثلاث مئة; two hundred; a hundred; a dozen.
        (C::Unit | C::Teen | C::Article, C::Hundred) => {
            conj == Conj::None && w.value == 100.0 && acc.last_value <= 19.0
        }
        (C::Unit | C::Article, C::Mult) => conj == Conj::None,
        // ثلاثة آلاف, خمسين ألف, مائة ألف, 3 million, a thousand.
        (
            C::Unit | C::Ten10 | C::Teen | C::Tens | C::Hundred | C::Digits | C::Article | C::Mult,
            C::Scale | C::Plural,
        ) => conj == Conj::None && w.value < acc.scale_cap && acc.cur > 0.0,
        // عشرات الآلاف, tens of thousands.
        (C::Vague, C::Plural) => matches!(conj, Conj::None | Conj::Article | Conj::Of),
        _ => false,
    }
}

/// Adds an allowed component.
fn apply(acc: &mut Acc, w: Word) {
    use Class as C;
    match w.class {
        C::Scale | C::Plural if acc.last == C::Vague => {
            acc.total += acc.cur * w.value;
            acc.cur = 0.0;
            acc.scale_cap = w.value;
        }
        C::Scale | C::Plural => {
            acc.total += acc.cur.max(1.0) * w.value;
            acc.cur = 0.0;
            acc.scale_cap = w.value;
        }
        C::Dual => {
            acc.total += w.value;
            acc.scale_cap = w.value / 2.0;
        }
        C::Hundred if w.value == 100.0 && matches!(acc.last, C::Unit | C::Teen | C::Article) => {
            acc.cur += acc.last_value * 99.0;
        }
        C::Mult => acc.cur = acc.cur.max(1.0) * w.value,
        C::Ordinal => {
            acc.cur += w.value;
            acc.ordinal = true;
        }
        _ => acc.cur += w.value,
    }
    acc.last_value = match (acc.last, w.class) {
        (C::Unit | C::TeenUnit | C::Ordinal | C::OrdTeenUnit, C::Ten10) => acc.last_value + w.value,
        (C::Unit | C::Teen | C::Article, C::Hundred) => acc.last_value * w.value,
        _ => w.value,
    };
    acc.last = match (acc.last, w.class) {
        (C::Unit | C::TeenUnit, C::Ten10) => C::Teen,
        (C::Ordinal | C::OrdTeenUnit, C::Ten10) => C::Ordinal,
        (_, c) => c,
    };
}

/// Builds the mention of a parsed number: qualifiers found around it, span, tokens.
fn mention(
    text: &str,
    tokens: &[Token],
    index: &CharIndex,
    floor: usize,
    first: Component,
    last: usize,
    acc: Acc,
) -> NumberMention {
    let mut qualifier = if acc.vague {
        Qualifier::About
    } else {
        Qualifier::Exact
    };
    let (mut start, mut first_token) = (first.start, first.token);
    if let Some((q, tok, byte)) = qualifier_before(text, tokens, first.token, floor) {
        (qualifier, first_token, start) = (q, tok, byte);
    }
    let mut last_token = last;
    if let Some((q, tok)) = qualifier_after(tokens, last + 1) {
        (qualifier, last_token) = (q, tok);
    }
    let bytes = start..tokens[last_token].bytes.end;
    NumberMention {
        span: index.span(bytes.clone()),
        bytes,
        value: acc.total + acc.cur,
        qualifier,
        ordinal: acc.ordinal,
        tokens: first_token..last_token + 1,
    }
}

/// A qualifier phrase ending right before token `at` (and not before token `floor`): its qualifier,
/// first token and start byte (after the first word's proclitics).
fn qualifier_before(
    text: &str,
    tokens: &[Token],
    at: usize,
    floor: usize,
) -> Option<(Qualifier, usize, usize)> {
    QUALIFIERS.iter().filter(|q| q.before).find_map(|q| {
        let first = at.checked_sub(q.words.len()).filter(|&f| f >= floor)?;
        let start = phrase_at(text, tokens, first, &q.words)?;
        Some((q.qualifier, first, start))
    })
}

/// A qualifier phrase right after the number (its first token is `at`) or after one word (the counted
/// noun): its qualifier and last token.
fn qualifier_after(tokens: &[Token], at: usize) -> Option<(Qualifier, usize)> {
    let noun = tokens.get(at).is_some_and(|t| t.kind == TokenKind::Word);
    let starts = std::iter::once(at).chain(noun.then_some(at + 1));
    for from in starts {
        for q in QUALIFIERS.iter().filter(|q| q.after) {
            let end = from + q.words.len();
            let exact = tokens.get(from..end).is_some_and(|ts| {
                ts.iter()
                    .zip(&q.words)
                    .all(|(t, w)| t.kind == TokenKind::Word && &t.key == w)
            });
            if exact {
                return Some((q.qualifier, end - 1));
            }
        }
    }
    None
}

/// When `words` are the tokens from `first` on (the first may carry proclitics), the start byte.
fn phrase_at(text: &str, tokens: &[Token], first: usize, words: &[String]) -> Option<usize> {
    let ts = tokens.get(first..first + words.len())?;
    if !ts
        .iter()
        .zip(words)
        .skip(1)
        .all(|(t, w)| t.kind == TokenKind::Word && &t.key == w)
    {
        return None;
    }
    let t = &ts[0];
    if t.key == words[0] {
        return Some(t.bytes.start);
    }
    t.analyses
        .iter()
        .find(|a| a.suffix.is_none() && a.stem == words[0])
        .map(|a| t.stem_bytes(text, a).start)
}
