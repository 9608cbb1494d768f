//! One event per category, actor side, recipient side and day (CODING_GUIDE section 1): events that
//! report the same action are merged, keeping the most official claimant.

use marsad_model::{Count, Entity, Event, Sector};
use std::collections::BTreeSet;

fn countries(v: &[Entity]) -> BTreeSet<&str> {
    v.iter()
        .filter(|e| !e.text.is_empty())
        .filter_map(|e| e.country.as_deref())
        .filter(|c| *c != "UNK")
        .collect()
}

fn compatible_sides(a: &[Entity], b: &[Entity]) -> bool {
    let (ca, cb) = (countries(a), countries(b));
    ca.is_empty() || cb.is_empty() || ca == cb
}

fn claim_country(e: &Event) -> Option<&str> {
    e.claim_by.as_ref().and_then(|c| c.country.as_deref())
}

/// True when `e` reports the same event as `k`.
pub fn same_event(k: &Event, e: &Event) -> bool {
    if k.event != e.event || k.status != e.status {
        return false;
    }
    if k.date.is_some() && e.date.is_some() && k.date != e.date {
        return false;
    }
    let (ck, ce) = (claim_country(k), claim_country(e));
    if ck.is_some() && ce.is_some() && ck != ce {
        return false;
    }
    if let (Some(Count::Number(a)), Some(Count::Number(b))) = (k.dead, e.dead)
        && a != b
    {
        return false;
    }
    let same_sentence = k.sentence.is_some() && k.sentence == e.sentence;
    if same_sentence {
        return true;
    }
    if !compatible_sides(&k.actor, &e.actor) || !compatible_sides(&k.recipient, &e.recipient) {
        return false;
    }
    let bare = |x: &Event| countries(&x.actor).is_empty() && countries(&x.recipient).is_empty();
    let both_sides_known = !countries(&k.actor).is_empty() && countries(&k.actor) == countries(&e.actor);
    let same_day = k.date.is_some() && k.date == e.date;
    same_sentence || both_sides_known || (bare(e) && ((ce.is_some() && ck == ce) || same_day))
}

/// How official a claimant is: governments and armed forces first.
fn rank(c: &Option<Entity>) -> u8 {
    match c.as_ref().map(|e| e.sector) {
        None => 0,
        Some(Some(Sector::Gov | Sector::Mil)) => 4,
        Some(Some(Sector::Cop | Sector::Jud | Sector::Igo)) => 3,
        Some(None) => 2,
        Some(Some(_)) => 1,
    }
}

fn union(into: &mut Vec<Entity>, from: &[Entity]) {
    for e in from {
        let dup = into.iter().any(|x| {
            x.text == e.text || (x.country == e.country && x.sector == e.sector && x.country.is_some())
        });
        if !dup {
            into.push(e.clone());
        }
    }
}

/// Merges `e` into `k`.
pub fn absorb(k: &mut Event, e: &Event) {
    union(&mut k.actor, &e.actor);
    union(&mut k.recipient, &e.recipient);
    for p in &e.places {
        if !k.places.iter().any(|x| x.text == p.text) {
            k.places.push(p.clone());
        }
    }
    for m in &e.modes {
        if !k.modes.contains(m) {
            k.modes.push(*m);
        }
    }
    k.modes.sort();
    if k.date.is_none() {
        k.date.clone_from(&e.date);
        k.date_precision = e.date_precision;
    }
    if k.time.is_none() {
        k.time.clone_from(&e.time);
        k.tz.clone_from(&e.tz);
    }
    if k.dead.is_none() || (k.dead == Some(Count::UNKNOWN) && e.dead.is_some_and(|d| d.number().is_some())) {
        k.dead = e.dead;
        k.dead_qualifier = e.dead_qualifier;
    }
    if k.injured.is_none() {
        k.injured = e.injured;
        k.injured_qualifier = e.injured_qualifier;
    }
    if rank(&e.claim_by) > rank(&k.claim_by) {
        k.claim_by.clone_from(&e.claim_by);
        k.claim_verb.clone_from(&e.claim_verb);
    }
    k.confidence = k.confidence.max(e.confidence);
    k.why.extend(e.why.iter().cloned());
}

/// Merges the events of one document, in order.
pub fn merge(events: Vec<Event>) -> Vec<Event> {
    let mut kept: Vec<Event> = Vec::new();
    for e in events {
        match kept.iter_mut().find(|k| same_event(k, &e)) {
            Some(k) => absorb(k, &e),
            None => kept.push(e),
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad_model::{Category, Span};

    fn ev(actor: &str, claim: Option<(&str, Sector)>, sentence: usize) -> Event {
        let mut e = Event::new("d:e", Category::Assault);
        e.actor.push(Entity {
            text: actor.into(),
            country: Some(actor.into()),
            ..Entity::default()
        });
        e.sentence = Some(Span::new(sentence, sentence + 1));
        e.claim_by = claim.map(|(c, s)| Entity {
            text: c.into(),
            country: Some(c.into()),
            sector: Some(s),
            ..Entity::default()
        });
        e
    }

    #[test]
    fn same_sides_merge_keeping_official_claim() {
        let a = ev("AZE", Some(("ARM", Sector::Jrn)), 1);
        let b = ev("AZE", Some(("ARM", Sector::Gov)), 5);
        let out = merge(vec![a, b]);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].claim_by.as_ref().and_then(|c| c.sector), Some(Sector::Gov));
    }

    #[test]
    fn contested_claims_stay_apart() {
        let a = ev("AZE", Some(("ARM", Sector::Gov)), 1);
        let b = ev("AZE", Some(("AZE", Sector::Gov)), 5);
        assert_eq!(merge(vec![a, b]).len(), 2);
    }
}
