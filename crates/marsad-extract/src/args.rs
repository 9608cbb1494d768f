//! Actor and recipient of a trigger, from the clause around it: verb-subject-object order for verbs
//! ("قصف الجيش الأذربيجاني عدة بلدات"), genitives and "by" phrases for verbal nouns ("هجوم شنه X",
//! "من قبل X"), victims after victim nouns ("مقتل 49 جنديا"), both sides of "بين X و Y".

use crate::actors::Ent;
use crate::detect::Trig;
use crate::lexicons::Form;
use marsad_model::Category;
use marsad_text::{Analysis, TokenKind};
use std::ops::Range;

/// Words after which the entity is the actor of a verbal noun ("هجوم شنه X").
const BY: &[&str] = &[
    "شنه",
    "شنته",
    "شنها",
    "شنتها",
    "نفذه",
    "نفذته",
    "نفذها",
    "به",
    "بها",
    "قبل",
    "بقياده",
    "اطلقته",
    "اطلقها",
    "زرعها",
    "زرعه",
    "مصدره",
];
/// Prepositions that introduce a recipient.
const TO: &[&str] = &["علي", "ضد", "ب", "ل", "من", "مع", "الي", "باتجاه"];

/// Indices (into the entity list) of the actor and recipient of one trigger.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Args {
    /// Actor entities.
    pub actor: Vec<usize>,
    /// Recipient entities.
    pub recipient: Vec<usize>,
    /// Both sides of a fight with no initiator.
    pub mutual: bool,
}

/// The entities usable as arguments in `window`, excluding locations and the `skip` entities.
fn in_window<'e>(ents: &'e [Ent], window: &Range<usize>, skip: &[usize]) -> Vec<(usize, &'e Ent)> {
    ents.iter()
        .enumerate()
        .filter(|(i, e)| !e.loc && window.contains(&e.tokens.start) && !skip.contains(i))
        .collect()
}

fn key<'a>(a: &'a Analysis<'_>, i: usize) -> &'a str {
    let k = a.tokens[i].key.as_str();
    k.strip_prefix('و')
        .filter(|r| r.chars().count() >= 2)
        .unwrap_or(k)
}

/// The clause boundaries around the trigger: between the neighbouring triggers (or the sentence ends).
pub fn windows(trig: &Trig, others: &[Range<usize>], sent: &Range<usize>) -> (Range<usize>, Range<usize>) {
    let left_start = others
        .iter()
        .filter(|r| r.end <= trig.tokens.start)
        .map(|r| r.end)
        .max()
        .unwrap_or(sent.start)
        .max(sent.start)
        .max(trig.tokens.start.saturating_sub(10));
    let right_end = others
        .iter()
        .filter(|r| r.start >= trig.tokens.end)
        .map(|r| r.start)
        .min()
        .unwrap_or(sent.end)
        .min(sent.end)
        .min(trig.tokens.end + 18);
    (left_start..trig.tokens.start, trig.tokens.end..right_end)
}

/// Assigns arguments to `trig`.
pub fn assign(
    a: &Analysis<'_>,
    ents: &[Ent],
    trig: &Trig,
    others: &[Range<usize>],
    sent: &Range<usize>,
    skip: &[usize],
) -> Args {
    let (left, right) = windows(trig, others, sent);
    let mut args = Args::default();
    if let Some(sides) = between(a, ents, &right, skip) {
        args.actor = sides;
        args.mutual = true;
        return args;
    }
    let after = in_window(ents, &right, skip);
    let before = in_window(ents, &left, skip);
    let form = effective_form(a, trig, &right);
    match form {
        Form::Verb => verb_args(a, trig, &before, &after, &mut args),
        Form::Noun => noun_args(a, trig, &before, &after, &mut args),
        _ => victim_args(a, &after, &mut args),
    }
    if trig.form == Form::Kill && form == Form::Verb {
        passive_kill(a, trig, &before, &after, &mut args);
    }
    if trig.category == Category::Assault && is_clash(a, trig) && args.recipient.is_empty() {
        args.mutual = args.actor.len() > 1;
    }
    args
}

/// A killing verb followed by a figure or a victim reads as passive ("قتل 18 شخصا").
fn effective_form(a: &Analysis<'_>, trig: &Trig, right: &Range<usize>) -> Form {
    if trig.form != Form::Kill {
        return trig.form;
    }
    let next = right
        .clone()
        .take(2)
        .find(|i| !["امس", "اليوم"].contains(&key(a, *i)));
    match next {
        Some(i) if a.tokens[i].kind == TokenKind::Number => Form::Victim,
        _ => Form::Verb,
    }
}

/// "أربعة من حراس الأمن الأفغان قتلوا في هجوم": a killing verb after its noun with no object after it
/// reads as passive, so the noun before it is the victim.
fn passive_kill(
    a: &Analysis<'_>,
    trig: &Trig,
    before: &[(usize, &Ent)],
    after: &[(usize, &Ent)],
    args: &mut Args,
) {
    let Some(&subject) = args.actor.first() else {
        return;
    };
    if !before.iter().any(|(i, _)| *i == subject) {
        return;
    }
    let object_next = trig.tokens.end < a.tokens.len() && is_count(a, trig.tokens.end)
        || after
            .iter()
            .any(|(_, e)| is_bare(e) && e.tokens.start <= trig.tokens.end + 1);
    if !object_next {
        args.recipient.insert(0, subject);
        args.actor.retain(|i| *i != subject);
    }
}

fn is_clash(a: &Analysis<'_>, trig: &Trig) -> bool {
    let k = key(a, trig.tokens.start);
    [
        "اشتباكات",
        "اشتباك",
        "مواجهات",
        "معارك",
        "مناوشات",
        "اقتتال",
        "الاشتباكات",
        "المواجهات",
    ]
    .contains(&k)
}

/// "بين X و Y" right after the trigger: both sides are actors.
fn between(a: &Analysis<'_>, ents: &[Ent], right: &Range<usize>, skip: &[usize]) -> Option<Vec<usize>> {
    let b = right.clone().take(6).find(|i| key(a, *i) == "بين")?;
    let sides: Vec<usize> = ents
        .iter()
        .enumerate()
        .filter(|(i, e)| e.tokens.start > b && e.tokens.start < right.end && !skip.contains(i))
        .take_while(|(_, e)| e.prep.as_deref().is_none_or(|p| p == "بين"))
        .map(|(i, _)| i)
        .take(4)
        .collect();
    (sides.len() >= 2).then_some(sides)
}

fn is_bare(e: &Ent) -> bool {
    e.prep.is_none()
}

fn push_coordinated(list: &mut Vec<usize>, after: &[(usize, &Ent)], from: usize) {
    let Some((i, first)) = after.get(from) else { return };
    list.push(*i);
    let mut end = first.tokens.end;
    for (j, e) in after.iter().skip(from + 1) {
        if e.tokens.start <= end + 1 && e.text.starts_with('و') {
            list.push(*j);
            end = e.tokens.end;
        } else {
            break;
        }
    }
}

/// Normalised single-word cardinal number words (`data/number_words.tsv`).
static COUNT_WORDS: std::sync::LazyLock<std::collections::HashSet<String>> = std::sync::LazyLock::new(|| {
    let t = crate::lexicons::Lexicons::number_table();
    t.phrases.into_iter().filter(|p| !p.contains(' ')).collect()
});

/// True when token `i` is a figure or a cardinal number word ("ثلاثة", "عشرات").
fn is_count(a: &Analysis<'_>, i: usize) -> bool {
    a.tokens[i].kind == TokenKind::Number || COUNT_WORDS.contains(key(a, i))
}

/// True when an entity after a verb is counted ("قتلت ثلاثة جنود"): an object, not the subject.
fn counted(a: &Analysis<'_>, verb_end: usize, e: &Ent) -> bool {
    (verb_end..e.tokens.start).any(|i| is_count(a, i))
}

fn verb_args(
    a: &Analysis<'_>,
    trig: &Trig,
    before: &[(usize, &Ent)],
    after: &[(usize, &Ent)],
    args: &mut Args,
) {
    // SVO: a bare entity right before the verb.
    let svo = before.iter().rev().find(|(_, e)| {
        is_bare(e)
            && trig
                .tokens
                .start
                .checked_sub(e.tokens.end)
                .is_some_and(|gap| gap <= 2)
    });
    let subj = after.iter().position(|(_, e)| {
        is_bare(e) && e.tokens.start <= trig.tokens.end + 4 && !counted(a, trig.tokens.end, e)
    });
    let rest_from = match (svo, subj) {
        (Some((i, _)), _) => {
            args.actor.push(*i);
            0
        }
        (None, Some(p)) => {
            push_coordinated(&mut args.actor, after, p);
            p + args.actor.len()
        }
        (None, None) => 0,
    };
    if let Some(p) = after
        .iter()
        .skip(rest_from)
        .position(|(i, _)| !args.actor.contains(i))
    {
        push_coordinated(&mut args.recipient, after, rest_from + p);
    }
}

fn noun_args(
    a: &Analysis<'_>,
    trig: &Trig,
    before: &[(usize, &Ent)],
    after: &[(usize, &Ent)],
    args: &mut Args,
) {
    for (n, (i, e)) in after.iter().enumerate() {
        let prev = e.tokens.start.checked_sub(1).map(|p| key(a, p)).unwrap_or("");
        let genitive = e.tokens.start <= trig.tokens.end + 1
            && (e.prep.is_none() || e.prep.as_deref() == Some("ل"))
            && args.actor.is_empty();
        if BY.contains(&prev) || genitive {
            push_coordinated(&mut args.actor, after, n);
        } else if e.prep.as_deref().is_some_and(|p| TO.contains(&p)) && args.recipient.is_empty() {
            if e.prep.as_deref() == Some("مع") && is_clash(a, trig) {
                args.actor.push(*i);
            } else {
                push_coordinated(&mut args.recipient, after, n);
            }
        }
    }
    if args.actor.is_empty()
        && let Some((i, _)) = before.iter().rev().find(|(_, e)| is_bare(e))
    {
        args.actor.push(*i);
    }
    args.actor.dedup();
    args.recipient.retain(|r| !args.actor.contains(r));
}

fn victim_args(a: &Analysis<'_>, after: &[(usize, &Ent)], args: &mut Args) {
    let mut taken = false;
    for (n, (i, e)) in after.iter().enumerate() {
        let prev = e.tokens.start.checked_sub(1).map(|p| key(a, p)).unwrap_or("");
        if BY.contains(&prev) {
            args.actor.push(*i);
        } else if !taken && (e.prep.is_none() || e.prep.as_deref() == Some("من")) {
            push_coordinated(&mut args.recipient, after, n);
            taken = true;
        } else if e.prep.as_deref() == Some("مع") {
            args.actor.push(*i);
        }
    }
    args.actor.retain(|x| !args.recipient.contains(x));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::find_entities;
    use crate::detect::find;
    use crate::lexicons::Lexicons;
    use marsad_text::{Lang, analyze};

    fn run(text: &str) -> (Vec<String>, Vec<String>, bool) {
        let lex = Lexicons::load();
        let a = analyze(text, Some(Lang::Ar));
        let ents = find_entities(&a, &lex);
        let (t, _) = find(&a, &lex);
        let others: Vec<_> = t.iter().skip(1).map(|t| t.tokens.clone()).collect();
        let args = assign(&a, &ents, &t[0], &others, &(0..a.tokens.len()), &[]);
        let names = |v: &[usize]| v.iter().map(|i| ents[*i].text.clone()).collect::<Vec<_>>();
        (names(&args.actor), names(&args.recipient), args.mutual)
    }

    #[test]
    fn vso() {
        let (a, r, _) = run("قصف الجيش الأذربيجاني عدة بلدات على الجانب الأرمني");
        assert_eq!(a, vec!["الجيش الأذربيجاني"]);
        assert!(!r.is_empty());
    }

    #[test]
    fn between_two_sides() {
        let (a, r, m) = run("اشتباكات بين أرمينيا وأذربيجان");
        assert_eq!(a.len(), 2);
        assert!(r.is_empty() && m);
    }

    #[test]
    fn passive_by() {
        let (a, _, _) = run("تعرضت لقصف مكثف من قبل الوحدات الأرمينية");
        assert_eq!(a, vec!["الوحدات الأرمينية"]);
    }

    #[test]
    fn counted_object_is_not_the_subject() {
        let (a, r, _) = run("وقالت الجماعة انها قتلت ثلاثة جنود اميركيين");
        assert!(a.iter().all(|x| !x.contains("جنود")), "{a:?}");
        assert!(r.iter().any(|x| x.contains("جنود")), "{r:?}");
    }

    #[test]
    fn noun_before_a_killing_verb_is_its_victim() {
        let (a, r, _) = run("قال مسؤولون إن أربعة من حراس الأمن الأفغان قتلوا أمس في ولاية هلمند");
        assert!(a.is_empty(), "{a:?}");
        assert!(r.iter().any(|x| x.contains("الأفغان")), "{r:?}");
    }

    #[test]
    fn victims() {
        let (_, r, _) = run("مقتل 8 من الحوثيين");
        assert_eq!(r, vec!["الحوثيين"]);
    }
}
