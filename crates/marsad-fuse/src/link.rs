//! Linking reports of one real event into fused events, and finding what they disagree on.

use crate::sides::{Facts, claimant_country, countries, haversine_km};
use crate::{Claim, Dispute, FusedEvent, FusionConfig, Report};
use marsad_model::{Category, Count, Place, Status};
use std::collections::{BTreeMap, BTreeSet};

/// Union-find over report indices, with group sizes.
struct Groups {
    parent: Vec<usize>,
    size: Vec<usize>,
}

impl Groups {
    fn new(n: usize) -> Self {
        Groups {
            parent: (0..n).collect(),
            size: vec![1; n],
        }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// Merges the groups of `a` and `b` unless the result would exceed `max`.
    fn union(&mut self, a: usize, b: usize, max: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb || self.size[ra] + self.size[rb] > max {
            return;
        }
        let (big, small) = if self.size[ra] >= self.size[rb] {
            (ra, rb)
        } else {
            (rb, ra)
        };
        self.parent[small] = big;
        self.size[big] += self.size[small];
    }
}

/// True when two reports can be the same real event.
fn linkable(a: &Facts, b: &Facts, reports: &[Report<'_>], cfg: &FusionConfig) -> bool {
    let same_doc = reports[a.index].doc_id == reports[b.index].doc_id;
    if same_doc {
        // Inside one article, only mirror claims: same day, sides swapped, different claimants.
        return cfg.link_mirror_claims
            && a.day == b.day
            && a.swapped_sides(b)
            && a.claimant != b.claimant
            && (a.claimant.is_some() || b.claimant.is_some());
    }
    let known = |f: &Facts| !f.actor.is_empty() || !f.recipient.is_empty();
    known(a) && known(b) && (a.same_sides(b) || a.swapped_sides(b)) && places_agree(a, b, cfg)
}

/// Places agree when some pair is close enough, or (without coordinates) when their countries agree.
fn places_agree(a: &Facts, b: &Facts, cfg: &FusionConfig) -> bool {
    if !a.points.is_empty() && !b.points.is_empty() {
        return a.points.iter().any(|p| {
            b.points
                .iter()
                .any(|q| haversine_km(*p, *q) <= cfg.max_distance_km)
        });
    }
    cfg.link_without_coordinates
        && (a.place_countries.is_empty()
            || b.place_countries.is_empty()
            || !a.place_countries.is_disjoint(&b.place_countries))
}

/// Groups the reports; returns the groups of two or more, as sorted lists of input indices.
pub(crate) fn groups(reports: &[Report<'_>], cfg: &FusionConfig) -> Vec<Vec<usize>> {
    let mut by_category: BTreeMap<Category, Vec<Facts>> = BTreeMap::new();
    for (i, r) in reports.iter().enumerate() {
        let e = r.event;
        if !matches!(e.status, Status::Asserted | Status::Negated) || e.confidence < cfg.min_confidence {
            continue;
        }
        let f = Facts::of(i, r);
        if f.day.is_some() {
            by_category.entry(e.event).or_default().push(f);
        }
    }
    let mut uf = Groups::new(reports.len());
    for list in by_category.values_mut() {
        list.sort_by(|a, b| (a.day, &reports[a.index].event.id).cmp(&(b.day, &reports[b.index].event.id)));
        for (i, a) in list.iter().enumerate() {
            for b in &list[i + 1..] {
                let gap = b.day.unwrap_or_default() - a.day.unwrap_or_default();
                if gap > cfg.date_window_days {
                    break;
                }
                if linkable(a, b, reports, cfg) {
                    uf.union(a.index, b.index, cfg.max_group_size);
                }
            }
        }
    }
    let mut out: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..reports.len() {
        let root = uf.find(i);
        out.entry(root).or_default().push(i);
    }
    let mut groups: Vec<Vec<usize>> = out.into_values().filter(|g| g.len() > 1).collect();
    for g in &mut groups {
        g.sort_by(|a, b| reports[*a].event.id.cmp(&reports[*b].event.id));
    }
    groups.sort_by(|a, b| reports[a[0]].event.id.cmp(&reports[b[0]].event.id));
    groups
}

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
    let blame = facts.iter().enumerate().any(|(i, a)| {
        facts[i + 1..]
            .iter()
            .any(|b| a.swapped_sides(b) && claimant_country(&a.claimant) != claimant_country(&b.claimant))
    });
    if blame {
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
