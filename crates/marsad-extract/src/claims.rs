//! Attribution and status: who claims an event ("وبحسب X"، "قال X إن"، "تزعم X أن") and how the
//! article presents it (denied, planned, conditional, background).

use crate::actors::Ent;
use crate::lexicons::{Cue, Lexicons};
use marsad_model::{Entity, Event, Status, TextSpan};
use marsad_text::Analysis;
use std::ops::Range;

/// A cue found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct CueHit {
    /// Tokens.
    pub tokens: Range<usize>,
    /// What it signals.
    pub cue: Cue,
}

/// An attribution frame with its claimant.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    /// The frame's words.
    pub verb: TextSpan,
    /// Tokens of the frame's words.
    pub tokens: Range<usize>,
    /// Claimant entity index, if found.
    pub claimant: Option<usize>,
    /// Stance.
    pub cue: Cue,
    /// Tokens the frame covers: the rest of the sentence for "according to" frames at its start,
    /// what follows the claimant otherwise.
    pub scope: Range<usize>,
}

/// Every cue in the text.
pub fn find_cues(a: &Analysis<'_>, lex: &Lexicons) -> Vec<CueHit> {
    lex.cues
        .find(a)
        .into_iter()
        .map(|h| CueHit {
            cue: lex.cues.rows[h.entry],
            tokens: h.tokens,
        })
        .collect()
}

/// Attribution frames in the sentence `sent`. `last` is the claimant carried from the paragraph.
pub fn frames(
    a: &Analysis<'_>,
    cues: &[CueHit],
    ents: &[Ent],
    sent: &Range<usize>,
    last: Option<usize>,
) -> Vec<Frame> {
    let mut out = Vec::new();
    for c in cues.iter().filter(|c| sent.contains(&c.tokens.start)) {
        if !matches!(c.cue, Cue::Per | Cue::Say | Cue::Claim | Cue::Deny | Cue::Admit) {
            continue;
        }
        let after = ents
            .iter()
            .position(|e| !e.loc && e.tokens.start >= c.tokens.end && e.tokens.start <= c.tokens.end + 4);
        let before = ents.iter().rposition(|e| {
            !e.loc
                && e.tokens.end <= c.tokens.start
                && c.tokens.start - e.tokens.end <= 1
                && e.tokens.start >= sent.start
        });
        let subject = ents.iter().position(|e| {
            !e.loc && e.prep.is_none() && e.tokens.start >= sent.start && e.tokens.end <= c.tokens.start
        });
        let fallback = match c.cue {
            Cue::Say => subject.or(last),
            _ => None,
        };
        let claimant = after.or(before).or(fallback);
        let start = match c.cue {
            Cue::Per => sent.start,
            _ => c.tokens.start,
        };
        let end = clause_end(a, c.tokens.end, sent);
        let Some(verb) = crate::words(a, &c.tokens) else {
            continue;
        };
        out.push(Frame {
            verb,
            tokens: c.tokens.clone(),
            claimant,
            cue: c.cue,
            scope: start..end,
        });
    }
    out
}

/// Whether a quotation is still open after the sentence `text`, given whether one was open
/// before it: «…», “…” and straight double quotes.
pub fn quote_open_after(text: &str, open_before: bool) -> bool {
    let opens = text.matches(['«', '“']).count() as i32;
    let closes = text.matches(['»', '”']).count() as i32;
    let straight = text.matches('"').count() as i32;
    let mut depth = i32::from(open_before) + opens - closes;
    if straight % 2 == 1 {
        depth += if open_before && opens == closes { -1 } else { 1 };
    }
    depth > 0
}

/// The frame of a statement carried into a sentence that continues it: a sentence inside a
/// quotation opened by an earlier frame, with no frame of its own, is still the speaker's.
pub fn carried_frame(f: &Frame, sent: &Range<usize>) -> Frame {
    Frame {
        scope: sent.clone(),
        ..f.clone()
    }
}

/// Mirror claims ("تبادل الطرفان الاتهامات", "يتهم كل طرف الآخر"): a fight between two sides whose
/// blame each side puts on the other is one event per claim (CODING_GUIDE section 3): the actor is
/// the side blamed, the recipient and claimant the side blaming.
pub fn mirror(e: &Event) -> Vec<Event> {
    let named: Vec<&Entity> = e.actor.iter().filter(|x| !x.text.is_empty()).collect();
    let mut sides: Vec<&Entity> = Vec::new();
    for x in &named {
        if !sides.iter().any(|y| y.country == x.country) {
            sides.push(x);
        }
    }
    if sides.len() != 2 || !e.recipient.is_empty() {
        return vec![e.clone()];
    }
    let (a, b) = (sides[0], sides[1]);
    [(a, b), (b, a)]
        .into_iter()
        .map(|(blamed, blaming)| {
            let mut x = e.clone();
            x.actor = vec![blamed.clone()];
            x.recipient = vec![blaming.clone()];
            x.claim_by = Some(blaming.clone());
            x
        })
        .collect()
}

/// Words that start a clause of the article's own voice after a reported statement
/// ("تزعم أرمينيا أنها … بينما تسعى روسيا …").
const CLAUSE_BREAKS: &[&str] = &["بينما", "وبينما", "فيما", "وفيما", "حين"];

/// Where the statement opened at `from` ends: at a clause break ("بينما", "في حين") or the sentence end.
fn clause_end(a: &Analysis<'_>, from: usize, sent: &Range<usize>) -> usize {
    (from..sent.end)
        .find(|i| {
            let k = a.tokens[*i].key.as_str();
            CLAUSE_BREAKS.contains(&k)
                && !(k == "حين" && a.tokens.get(i.wrapping_sub(1)).is_none_or(|p| p.key != "في"))
        })
        .map(|i| if a.tokens[i].key == "حين" { i - 1 } else { i })
        .unwrap_or(sent.end)
}

/// The frame that covers the trigger at `t`, if any (the nearest one before it wins).
pub fn frame_for<'f>(frames: &'f [Frame], t: &Range<usize>) -> Option<&'f Frame> {
    frames
        .iter()
        .filter(|f| f.scope.contains(&t.start) && !f.tokens.contains(&t.start))
        .filter(|f| f.cue == Cue::Per || f.tokens.start < t.start)
        .max_by_key(|f| f.tokens.start)
}

/// Status from cues around the trigger at `t` in the sentence `sent`, with the tokens of the cue
/// that set it (none for `asserted`).
pub fn status(
    a: &Analysis<'_>,
    cues: &[CueHit],
    frame: Option<&Frame>,
    t: &Range<usize>,
    sent: &Range<usize>,
) -> (Status, Option<Range<usize>>) {
    if let Some(f) = frame.filter(|f| f.cue == Cue::Deny) {
        return (Status::Negated, Some(f.tokens.clone()));
    }
    let near = |c: &CueHit, before: usize, after: usize| {
        c.tokens.end <= t.start && t.start - c.tokens.end <= before
            || c.tokens.start >= t.end && c.tokens.start - t.end <= after
    };
    let in_sent: Vec<&CueHit> = cues.iter().filter(|c| sent.contains(&c.tokens.start)).collect();
    let found = |status: Status, c: Option<&&CueHit>| c.map(|c| (status, Some(c.tokens.clone())));
    if let Some(s) = found(
        Status::Negated,
        in_sent.iter().find(|c| c.cue == Cue::Neg && near(c, 1, 0)),
    ) {
        return s;
    }
    if let Some(s) = found(
        Status::Future,
        in_sent.iter().find(|c| c.cue == Cue::Future && near(c, 8, 0)),
    ) {
        return s;
    }
    let present_after = |c: &CueHit| {
        a.tokens
            .get(c.tokens.end)
            .is_some_and(|n| n.key.starts_with('ي') || n.key.starts_with('ت'))
    };
    let hyp = in_sent.iter().find(|c| {
        c.cue == Cue::Hyp && near(c, 3, 0) && (a.tokens[c.tokens.start].key != "قد" || present_after(c))
    });
    if let Some(s) = found(Status::Hypothetical, hyp) {
        return s;
    }
    let kana_qad = in_sent.iter().find(|c| {
        c.cue == Cue::Hist
            && a.tokens[c.tokens.start].key.contains("كان")
            && c.tokens.end <= t.start
            && a.tokens[c.tokens.end..t.start].iter().any(|x| x.key == "قد")
    });
    let other_hist = || {
        in_sent
            .iter()
            .find(|c| c.cue == Cue::Hist && !a.tokens[c.tokens.start].key.contains("كان") && near(c, 8, 3))
    };
    found(Status::Historical, kana_qad.or_else(other_hist)).unwrap_or((Status::Asserted, None))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::find_entities;
    use marsad_text::{Lang, analyze};

    #[test]
    fn according_to_covers_the_sentence() {
        let lex = Lexicons::load();
        let a = analyze(
            "وبحسب السلطات الأرمينية ، قصف الجيش الأذربيجاني عدة بلدات",
            Some(Lang::Ar),
        );
        let ents = find_entities(&a, &lex);
        let cues = find_cues(&a, &lex);
        let f = frames(&a, &cues, &ents, &(0..a.tokens.len()), None);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].claimant.map(|i| ents[i].text.as_str()),
            Some("السلطات الأرمينية")
        );
        assert!(frame_for(&f, &(5..6)).is_some());
    }

    #[test]
    fn quotes_stay_open_across_sentences() {
        assert!(quote_open_after("وقال البيان: «إن القوات تقدمت.", false));
        assert!(quote_open_after("وتم تدمير المواقع.", true));
        assert!(!quote_open_after("وانسحب العدو».", true));
        assert!(!quote_open_after("قال \"نعم\" أمس.", false));
        assert!(quote_open_after("قال: \"نعم.", false));
        assert!(!quote_open_after("وانتهى.\"", true));
    }

    #[test]
    fn mirror_claims_give_one_event_per_side() {
        let side = |c: &str| Entity {
            text: c.into(),
            country: Some(c.into()),
            ..Entity::default()
        };
        let mut e = Event::new("d:e1", marsad_model::Category::Assault);
        e.actor = vec![side("ARM"), side("AZE")];
        let out = mirror(&e);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].actor[0].text, "ARM");
        assert_eq!(out[0].claim_by.as_ref().map(|c| c.text.as_str()), Some("AZE"));
        assert_eq!(out[1].recipient[0].text, "ARM");
    }

    #[test]
    fn negation_and_history() {
        let lex = Lexicons::load();
        let a = analyze("وكانت الأجهزة الأمنية قد ألقت القبض على السائق", Some(Lang::Ar));
        let cues = find_cues(&a, &lex);
        let (s, cue) = status(&a, &cues, None, &(5..7), &(0..a.tokens.len()));
        assert_eq!(s, Status::Historical);
        assert_eq!(cue, Some(0..1));
        let a = analyze("نفت الشرطة أنها اعتقلت أحدا", Some(Lang::Ar));
        let cues = find_cues(&a, &lex);
        let ents = find_entities(&a, &lex);
        let f = frames(&a, &cues, &ents, &(0..a.tokens.len()), None);
        let (s, cue) = status(&a, &cues, frame_for(&f, &(3..4)), &(3..4), &(0..a.tokens.len()));
        assert_eq!(s, Status::Negated);
        assert_eq!(cue, Some(0..1));
    }
}
