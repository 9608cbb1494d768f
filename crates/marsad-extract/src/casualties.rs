//! Casualty figures: numbers (digits and number words) tied to a death or injury word next to them,
//! with their qualifier ("ما لا يقل عن" → at least). Years, clock times and other counts are not
//! casualties; figures are never added up.

use crate::lexicons::Lexicons;
use crate::lexmatch::has_candidate_in;
use marsad_model::{Count, Qualifier};
use marsad_text::{Analysis, TokenKind};
use std::ops::Range;

/// Death words (keys without the article).
const DEATH: &[&str] = &[
    "قتل",
    "مقتل",
    "قتلي",
    "قتيل",
    "قتيلا",
    "قتلوا",
    "قتلت",
    "مصرعهم",
    "مصرعه",
    "مصرع",
    "حتفهم",
    "حتفه",
    "استشهاد",
    "استشهد",
    "شهيدا",
    "شهداء",
    "شهيد",
    "ضحايا",
    "ضحيه",
    "بحياه",
    "مصرعها",
    "قضي",
];
/// Injury words.
const INJURY: &[&str] = &[
    "جرح",
    "جرحي",
    "جريح",
    "جريحا",
    "اصابه",
    "اصيب",
    "اصيبوا",
    "مصاب",
    "مصابا",
    "مصابين",
    "بجروح",
    "اصابات",
];
/// Counts that are not people.
const UNITS: &[&str] = &[
    "طن",
    "طنا",
    "ساعه",
    "ساعات",
    "يوم",
    "ايام",
    "يوما",
    "كيلومتر",
    "كيلومترا",
    "كلم",
    "دولار",
    "مليون",
    "عاما",
    "سنوات",
    "شهرا",
    "اشهر",
    "دقيقه",
    "دقائق",
    "بالمئه",
    "%",
];
/// Singular victims: a death word followed by one of these means one person.
const SINGLE: &[&str] = &["مدني", "جندي", "شرطي", "طفل", "شخص", "مواطن"];

/// A number in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Num {
    /// Tokens of the figure itself.
    pub tokens: Range<usize>,
    /// Value.
    pub value: u64,
    /// Qualifier.
    pub qualifier: Qualifier,
}

/// One casualty figure and the words it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The number, or "unknown" for deaths reported without one.
    pub count: Count,
    /// Its qualifier.
    pub qualifier: Option<Qualifier>,
    /// Tokens of the figure (with its qualifier words), or of the word reporting deaths.
    pub tokens: Range<usize>,
}

impl Figure {
    /// The count and qualifier, without the evidence.
    pub fn value(&self) -> (Count, Option<Qualifier>) {
        (self.count, self.qualifier)
    }
}

/// Casualties found for one event.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Casualties {
    /// Dead.
    pub dead: Option<Figure>,
    /// Injured.
    pub injured: Option<Figure>,
}

/// Every number in the text: the text layer's digits plus number words.
pub fn find_numbers(a: &Analysis<'_>, lex: &Lexicons) -> Vec<Num> {
    let mut out: Vec<Num> = a
        .numbers
        .iter()
        .filter(|n| !n.ordinal && n.value >= 0.0 && n.value.fract() == 0.0)
        .map(|n| Num {
            tokens: n.tokens.clone(),
            value: n.value as u64,
            qualifier: n.qualifier,
        })
        .collect();
    for h in lex.numbers.find(a) {
        if out
            .iter()
            .all(|n| n.tokens.end <= h.tokens.start || h.tokens.end <= n.tokens.start)
        {
            out.push(Num {
                tokens: h.tokens.clone(),
                value: lex.numbers.rows[h.entry],
                qualifier: Qualifier::Exact,
            });
        }
    }
    for n in &mut out {
        if n.qualifier == Qualifier::Exact {
            n.qualifier = qualifier_before(a, n.tokens.start);
        }
    }
    out.sort_by_key(|n| n.tokens.start);
    out
}

fn qualifier_before(a: &Analysis<'_>, i: usize) -> Qualifier {
    let prev: Vec<&str> = a.tokens[i.saturating_sub(4)..i]
        .iter()
        .map(|t| t.key.as_str())
        .collect();
    let joined = prev.join(" ");
    let last = prev.last().copied().unwrap_or("");
    if joined.ends_with("لا يقل عن") || joined.ends_with("اكثر من") || joined.ends_with("يزيد عن")
    {
        Qualifier::AtLeast
    } else if ["نحو", "حوالي", "قرابه", "زهاء", "قرابة", "تقريبا", "بنحو"].contains(&last)
    {
        Qualifier::About
    } else if joined.ends_with("يصل الي") || joined.ends_with("حتي") {
        Qualifier::UpTo
    } else {
        Qualifier::Exact
    }
}

fn is_in(key: &str, list: &[&str]) -> bool {
    has_candidate_in(key, true, list) || list.contains(&key)
}

/// Casualties stated in the token range `range` (the event's sentence).
pub fn casualties(a: &Analysis<'_>, nums: &[Num], range: Range<usize>) -> Casualties {
    let mut c = Casualties::default();
    let toks = &a.tokens;
    for n in nums.iter().filter(|n| range.contains(&n.tokens.start)) {
        if (1900..2100).contains(&n.value) || n.value == 0 {
            continue;
        }
        if toks.get(n.tokens.end).is_some_and(|t| {
            is_in(&t.key, UNITS) || t.kind == TokenKind::Punct && &a.text[t.bytes.clone()] == "%"
        }) {
            continue;
        }
        let window =
            |lo: usize, hi: usize, list: &[&str]| (lo..hi.min(range.end)).any(|i| is_in(&toks[i].key, list));
        let before = n.tokens.start.saturating_sub(5).max(range.start);
        let after = n.tokens.end + 4;
        let figure = || Figure {
            count: Count::Number(n.value),
            qualifier: Some(n.qualifier),
            tokens: n.tokens.clone(),
        };
        let dead_near = window(before, n.tokens.start, DEATH) || window(n.tokens.end, after, DEATH);
        let inj_near = window(before, n.tokens.start, INJURY) || window(n.tokens.end, after, INJURY);
        let inj_closer = nearest(a, n, INJURY, &range) < nearest(a, n, DEATH, &range);
        if inj_near && (!dead_near || inj_closer) {
            c.injured = c.injured.or_else(|| Some(figure()));
        } else if dead_near {
            c.dead = c.dead.or_else(|| Some(figure()));
        }
    }
    if c.dead.is_none() {
        c.dead = figureless_death(a, range);
    }
    c
}

/// The part of sentence `sent` whose casualty figures belong to the attack trigger `t`: figures
/// go to the nearest attack trigger of the sentence (`attacks`, which includes `t`), so "قتل 3 في
/// غارة … وأصيب 5 في هجوم آخر" ties each figure to its own event.
pub fn own_range(t: &Range<usize>, attacks: &[Range<usize>], sent: &Range<usize>) -> Range<usize> {
    let prev = attacks.iter().filter(|o| o.end <= t.start).map(|o| o.end).max();
    let next = attacks.iter().filter(|o| o.start >= t.end).map(|o| o.start).min();
    let start = prev.map_or(sent.start, |p| p + (t.start - p).div_ceil(2));
    let end = next.map_or(sent.end, |n| n - (n - t.end) / 2);
    start.max(sent.start)..end.min(sent.end)
}

fn nearest(a: &Analysis<'_>, n: &Num, list: &[&str], range: &Range<usize>) -> usize {
    (range.start..range.end)
        .filter(|i| is_in(&a.tokens[*i].key, list))
        .map(|i| {
            if i < n.tokens.start {
                n.tokens.start - i
            } else {
                i.saturating_sub(n.tokens.end - 1)
            }
        })
        .min()
        .unwrap_or(usize::MAX)
}

/// Deaths reported without a figure: one when a singular victim follows, else "unknown".
fn figureless_death(a: &Analysis<'_>, range: Range<usize>) -> Option<Figure> {
    let i = (range.start..range.end).find(|i| is_in(&a.tokens[*i].key, DEATH))?;
    let next = a.tokens.get(i + 1).map(|t| t.key.as_str()).unwrap_or("");
    let (count, qualifier) = if has_candidate_in(next, true, SINGLE) {
        (Count::Number(1), Some(Qualifier::Exact))
    } else {
        (Count::UNKNOWN, None)
    };
    Some(Figure {
        count,
        qualifier,
        tokens: i..i + 1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad_text::{Lang, analyze};

    fn cas(text: &str) -> Casualties {
        let a = analyze(text, Some(Lang::Ar));
        let nums = find_numbers(&a, &Lexicons::load());
        casualties(&a, &nums, 0..a.tokens.len())
    }

    #[test]
    fn at_least_49() {
        let c = cas("للإبلاغ عن مقتل ما لا يقل عن 49 جنديًا خلال مناوشات");
        assert_eq!(
            c.dead.map(|f| f.value()),
            Some((Count::Number(49), Some(Qualifier::AtLeast)))
        );
    }

    #[test]
    fn dead_and_injured() {
        let c = cas("قتل 11 شخصا وجرح 30 آخرون في مواجهات عام 2015");
        assert_eq!(
            c.dead.map(|f| f.value()),
            Some((Count::Number(11), Some(Qualifier::Exact)))
        );
        assert_eq!(
            c.injured.map(|f| f.value()),
            Some((Count::Number(30), Some(Qualifier::Exact)))
        );
    }

    #[test]
    fn figures_go_to_the_nearest_attack() {
        let sent = 0..20;
        let attacks = [2..3, 12..13];
        assert_eq!(own_range(&(2..3), &attacks, &sent), 0..8);
        assert_eq!(own_range(&(12..13), &attacks, &sent), 8..20);
        let alone = std::slice::from_ref(&attacks[0]);
        assert_eq!(own_range(&(2..3), alone, &sent), sent);
    }

    #[test]
    fn words_and_unknown() {
        let c = cas("قتل جنديان تركيان وجرح اثنان آخران");
        assert_eq!(c.dead.map(|f| f.count), Some(Count::Number(2)));
        let c = cas("لكن باكو أقرت بسقوط ضحايا لكنها لم تقدم أرقاما");
        assert_eq!(c.dead.map(|f| f.value()), Some((Count::UNKNOWN, None)));
    }
}
