//! Linking reports of one real event into coherent groups.
//!
//! Two reports are *linkable* when they pass every rule of `docs/FUSION.md` (category, day window,
//! compatible sides, places). Groups are then built by complete linkage: candidate links are taken
//! closest first (fewest days apart, then shortest distance), and two groups merge only when every
//! report of one is linkable with every report of the other. A chain A–B–C where A and C are far
//! apart therefore never becomes one group.

use crate::sides::Facts;
use crate::{FusionConfig, Report};
use marsad_model::{Category, Status};
use std::collections::{BTreeMap, HashSet};

/// A linkable pair and how close it is.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Link {
    /// Days apart.
    pub gap: i64,
    /// Kilometres between the closest precise places, when both have one.
    pub km: Option<f64>,
}

/// Whether two reports can be the same real event, and how close they are.
pub(crate) fn linkable(a: &Facts, b: &Facts, cfg: &FusionConfig) -> Option<Link> {
    let same_doc = a.doc == b.doc;
    // Inside one article the coder has already merged the retellings of one event: what is left to
    // link are competing claims, so two reports in the article's same voice stay two events.
    if same_doc && (!cfg.link_within_document || a.claimant == b.claimant) {
        return None;
    }
    let gap = (a.day_for(same_doc)? - b.day_for(same_doc)?).abs();
    // Inside one article, two explicit days that differ tell two events apart; across articles,
    // reported days jitter by up to the window.
    let explicit_days_differ = same_doc && a.day.is_some() && b.day.is_some() && gap > 0;
    if gap > cfg.date_window_days || explicit_days_differ {
        return None;
    }
    let orientation = a.orientation(b)?;
    let km = a.distance_km(b);
    let places_ok = match km {
        Some(d) => d <= cfg.max_distance_km,
        None if !a.place_countries_agree(b) => false,
        // Inside one article, a report without a located place is another telling of the same clash.
        None if same_doc => true,
        // Across articles, a country (or no place) says too little by itself: both ends must be
        // known and shared, and both reports must name a place in a shared country.
        None => {
            cfg.link_without_coordinates
                && a.both_ends_shared(b, orientation)
                && !a.place_countries.is_empty()
                && !b.place_countries.is_empty()
        }
    };
    places_ok.then_some(Link { gap, km })
}

/// True when a report takes part in fusion.
pub(crate) fn eligible(r: &Report<'_>, cfg: &FusionConfig) -> bool {
    matches!(r.event.status, Status::Asserted | Status::Negated) && r.event.confidence >= cfg.min_confidence
}

/// Groups the reports; returns the groups of two or more, as lists of input indices sorted by event
/// id, the groups sorted by their first event id.
pub(crate) fn groups(reports: &[Report<'_>], cfg: &FusionConfig) -> Vec<Vec<usize>> {
    let mut by_category: BTreeMap<Category, Vec<Facts>> = BTreeMap::new();
    for (i, r) in reports.iter().enumerate().filter(|(_, r)| eligible(r, cfg)) {
        let f = Facts::of(i, r);
        if f.day_for(true).is_some() && f.has_sides() {
            by_category.entry(r.event.event).or_default().push(f);
        }
    }
    let mut out = Vec::new();
    for list in by_category.values_mut() {
        list.sort_by(|a, b| {
            (a.day_for(true), &reports[a.index].event.id).cmp(&(b.day_for(true), &reports[b.index].event.id))
        });
        out.extend(cluster(list, cfg).into_iter().map(|g| {
            let mut g: Vec<usize> = g.into_iter().map(|i| list[i].index).collect();
            g.sort_by(|a, b| reports[*a].event.id.cmp(&reports[*b].event.id));
            g
        }));
    }
    out.sort_by(|a, b| reports[a[0]].event.id.cmp(&reports[b[0]].event.id));
    out
}

/// Complete-linkage clustering of `list` (sorted by day); returns groups of positions in `list`.
fn cluster(list: &[Facts], cfg: &FusionConfig) -> Vec<Vec<usize>> {
    let mut candidates: Vec<(i64, f64, usize, usize)> = Vec::new();
    let mut linked: HashSet<(usize, usize)> = HashSet::new();
    for (i, a) in list.iter().enumerate() {
        let day_a = a.day_for(true).unwrap_or_default();
        for (j, b) in list.iter().enumerate().skip(i + 1) {
            if b.day_for(true).unwrap_or_default() - day_a > cfg.date_window_days {
                break;
            }
            if let Some(l) = linkable(a, b, cfg) {
                // Unknown distances sort after every known one.
                let km = l.km.unwrap_or(f64::INFINITY);
                candidates.push((l.gap, km, i, j));
                linked.insert((i, j));
            }
        }
    }
    candidates.sort_by(|x, y| {
        x.0.cmp(&y.0)
            .then(x.1.total_cmp(&y.1))
            .then((x.2, x.3).cmp(&(y.2, y.3)))
    });
    let mut group_of: Vec<usize> = (0..list.len()).collect();
    let mut members: Vec<Vec<usize>> = (0..list.len()).map(|i| vec![i]).collect();
    for (_, _, i, j) in candidates {
        let (gi, gj) = (group_of[i], group_of[j]);
        if gi == gj || members[gi].len() + members[gj].len() > cfg.max_group_size {
            continue;
        }
        let coherent = members[gi].iter().all(|&p| {
            members[gj]
                .iter()
                .all(|&q| linked.contains(&(p.min(q), p.max(q))))
        });
        if !coherent {
            continue;
        }
        let (keep, gone) = if members[gi].len() >= members[gj].len() {
            (gi, gj)
        } else {
            (gj, gi)
        };
        let moved = std::mem::take(&mut members[gone]);
        for &m in &moved {
            group_of[m] = keep;
        }
        members[keep].extend(moved);
    }
    members.into_iter().filter(|g| g.len() > 1).collect()
}
