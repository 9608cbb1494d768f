//! Building a fused event from a group of linked reports, and finding what they disagree on.

use crate::sides::{Facts, Orientation, claimant_country, countries};
use crate::{Claim, Dispute, FusedEvent, Report};
use marsad_model::{Count, Place, Status};
use std::collections::BTreeSet;

fn claim(r: &Report<'_>) -> Claim {
    let e = r.event;
    Claim {
        event_id: e.id.clone(),
        doc_id: r.doc_id.to_string(),
        claim_by: e.claim_by.clone(),
        actor: e.actor.clone(),
        recipient: e.recipient.clone(),
        dead: e.dead,
        dead_qualifier: e.dead_qualifier,
        injured: e.injured,
        status: e.status,
        evidence: e.evidence.clone(),
    }
}

/// True when the stated counts differ (a figure against another figure or against "unknown").
fn counts_differ(counts: impl Iterator<Item = Option<Count>>) -> bool {
    let stated: BTreeSet<Option<u64>> = counts.flatten().map(Count::number).collect();
    stated.len() > 1
}

/// True when two reports blame each other: their sides only fit mirrored, and their claimants are
/// of different countries (one may be the article's own voice).
fn blame(a: &Facts, b: &Facts) -> bool {
    let (ca, cb) = (claimant_country(&a.claimant), claimant_country(&b.claimant));
    a.orientation(b) == Some(Orientation::Mirror) && (ca.is_some() || cb.is_some()) && ca != cb
}

/// What the reports of one group disagree on.
fn disputes(members: &[&Report<'_>]) -> Vec<Dispute> {
    let mut out = Vec::new();
    if counts_differ(members.iter().map(|r| r.event.dead)) {
        out.push(Dispute::Dead);
    }
    if counts_differ(members.iter().map(|r| r.event.injured)) {
        out.push(Dispute::Injured);
    }
    let facts: Vec<Facts> = members.iter().enumerate().map(|(i, r)| Facts::of(i, r)).collect();
    let blamed = facts
        .iter()
        .enumerate()
        .any(|(i, a)| facts[i + 1..].iter().any(|b| blame(a, b)));
    if blamed {
        out.push(Dispute::Blame);
    }
    let statuses: BTreeSet<Status> = members.iter().map(|r| r.event.status).collect();
    if statuses.contains(&Status::Asserted) && statuses.contains(&Status::Negated) {
        out.push(Dispute::Status);
    }
    out
}

/// Builds the fused event of one group (indices into `reports`, sorted by event id).
pub(crate) fn fused_event(reports: &[Report<'_>], group: &[usize]) -> Option<FusedEvent> {
    let members: Vec<&Report<'_>> = group.iter().map(|i| &reports[*i]).collect();
    let first = members.first()?;
    let mut sides = BTreeSet::new();
    let mut places: Vec<Place> = Vec::new();
    let mut seen = BTreeSet::new();
    for r in &members {
        sides.extend(countries(&r.event.actor));
        sides.extend(countries(&r.event.recipient));
        for p in &r.event.places {
            let key = (
                p.name.clone().unwrap_or_else(|| p.text.clone()),
                p.country.clone(),
            );
            if seen.insert(key) {
                places.push(p.clone());
            }
        }
    }
    let disputes = disputes(&members);
    Some(FusedEvent {
        id: format!("fused:{}", first.event.id),
        event: first.event.event,
        date: members.iter().filter_map(|r| r.event.date.clone()).min(),
        countries: sides.into_iter().collect(),
        places,
        dead: members
            .iter()
            .filter_map(|r| r.event.dead.and_then(Count::number))
            .min(),
        contested: !disputes.is_empty(),
        disputes,
        claims: members.iter().map(|r| claim(r)).collect(),
    })
}
