//! Protest sides: who protests (people, parties, groups — never a state body or a place) and what
//! the protest is against.

use super::{Args, key, prev_key};
use crate::actors::Ent;
use crate::detect::Trig;
use crate::lexicons::ActorKind;
use marsad_model::Sector;
use marsad_text::Analysis;
use std::ops::Range;

/// Protesters are people, parties and groups: a state body (government, army, police, courts) or a
/// bare country or capital named where a protest is found is what it is against, not who protests.
pub(super) fn protest_sides(ents: &[Ent], trig: &Trig, args: &mut Args) {
    let state = |i: &usize| {
        matches!(
            ents[*i].sector,
            Some(Sector::Gov | Sector::Mil | Sector::Cop | Sector::Spy | Sector::Jud | Sector::Leg)
        )
    };
    let place = |i: &usize| matches!(ents[*i].kind, ActorKind::Country | ActorKind::Capital);
    let (kept, dropped): (Vec<usize>, Vec<usize>) = args.actor.iter().partition(|i| !state(i) && !place(i));
    // Only a state body named after the protest can be what it is against.
    if args.recipient.is_empty() {
        args.recipient = dropped
            .into_iter()
            .filter(|i| state(i) && ents[*i].tokens.start >= trig.tokens.end)
            .collect();
    }
    args.actor = kept;
    args.mutual = false;
}

/// Prepositions and words before what a protest is against ("ضد الحكومة", "معادية لإيران").
const AGAINST: &[&str] = &[
    "ضد",
    "علي",
    "معاديه",
    "مناهضه",
    "المناهضه",
    "المعاديه",
    "برحيل",
    "باستقاله",
];

/// What a protest is against when no argument rule found it: the first entity later in the sentence
/// after "ضد", "على", "معادية ل…", or a state body named as an object ("يهاجمون رئيس الوزراء").
pub(super) fn protest_target(
    a: &Analysis<'_>,
    ents: &[Ent],
    trig: &Trig,
    sent: &Range<usize>,
    skip: &[usize],
) -> Option<usize> {
    ents.iter()
        .enumerate()
        .filter(|(i, e)| {
            !e.loc && !skip.contains(i) && e.tokens.start >= trig.tokens.end && e.tokens.start < sent.end
        })
        .find(|(_, e)| {
            let prev = prev_key(a, e);
            let before_prev = e.tokens.start.checked_sub(2).map(|p| key(a, p)).unwrap_or("");
            let against = e.prep.as_deref().is_some_and(|p| AGAINST.contains(&p))
                || AGAINST.contains(&prev)
                || (e.prep.as_deref() == Some("ل") && AGAINST.contains(&before_prev));
            let state = e.prep.is_none()
                && !matches!(e.kind, ActorKind::Country | ActorKind::Capital)
                && matches!(e.sector, Some(Sector::Gov | Sector::Mil | Sector::Cop));
            against || state
        })
        .map(|(i, _)| i)
}
