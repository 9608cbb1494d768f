//! Attackers named outside the trigger's own clause: the deed a toll results from ("… مما أدى إلى
//! مقتل …").

use super::{counted_ent, is_bare, key};
use crate::actors::Ent;
use crate::detect::Trig;
use crate::lexicons::ActorKind;
use marsad_model::Sector;
use marsad_text::Analysis;
use std::ops::Range;

/// Words that join a deed to its toll ("… مما أدى إلى مقتل", "… ما أسفر عن سقوط قتلى").
const RESULT: &[&str] = &["ادي", "ادت", "اسفر", "اسفرت", "اوقع", "اوقعت", "خلف", "خلفت"];

/// "أطلقت دبابة إسرائيلية قذيفة … مما أدى إلى وقوع أربعة قتلى": the subject of the deed a toll
/// results from — the last bare entity before the connective — is the attacker.
pub(super) fn cause_subject(
    a: &Analysis<'_>,
    ents: &[Ent],
    trig: &Trig,
    sent: &Range<usize>,
    skip: &[usize],
) -> Option<usize> {
    let from = trig.tokens.start.saturating_sub(6).max(sent.start);
    let link = (from..trig.tokens.start)
        .rev()
        .find(|i| RESULT.contains(&key(a, *i)))?;
    let reach = link.saturating_sub(15).max(sent.start);
    (0..ents.len()).rev().find(|i| {
        let e = &ents[*i];
        e.tokens.end <= link
            && e.tokens.start >= reach
            && is_bare(e)
            && !e.loc
            && !e.generic
            && !skip.contains(i)
            && !counted_ent(a, e)
            && armed(e)
    })
}

/// An entity that can carry out an attack by itself: a force, a fighter, an armed group or a state
/// (a bare demonym may be one person).
fn armed(e: &Ent) -> bool {
    matches!(
        e.sector,
        Some(Sector::Mil | Sector::Uaf | Sector::Reb | Sector::Cop | Sector::Spy | Sector::Crm)
    ) || matches!(e.kind, ActorKind::Group | ActorKind::Country)
}
