//! Ceasefire tracking: windows opened by ceasefire events, and the attacks that violate them.

use crate::sides::{countries, day_number};
use crate::{Ceasefire, Certainty, FusionConfig, Report, Violation};
use marsad_model::{Category, Mode, Status};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

/// Words that make an AGREE event a ceasefire agreement (`data/ceasefire_words.tsv`).
static CEASEFIRE_WORDS: LazyLock<Vec<String>> = LazyLock::new(|| {
    include_str!("../data/ceasefire_words.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .filter_map(|l| l.split('\t').next())
        .map(str::to_lowercase)
        .collect()
});

/// True when the event opens a ceasefire: RETREAT `ceasefire`, or AGREE naming a ceasefire.
fn opens_ceasefire(r: &Report<'_>) -> bool {
    let e = r.event;
    if matches!(e.status, Status::Negated | Status::Hypothetical) {
        return false;
    }
    match e.event {
        Category::Retreat => e.modes.contains(&Mode::Ceasefire),
        Category::Agree => {
            let trigger = e
                .trigger
                .as_ref()
                .map(|t| t.text.to_lowercase())
                .unwrap_or_default();
            let evidence = e.evidence.to_lowercase();
            CEASEFIRE_WORDS
                .iter()
                .any(|w| trigger.contains(w.as_str()) || evidence.contains(w.as_str()))
        }
        _ => false,
    }
}

/// The UTC instant of a local date, `HH:MM` time and IANA zone.
pub(crate) fn to_utc(date: &str, time: &str, tz: &str) -> Option<jiff::Timestamp> {
    let d: jiff::civil::Date = date.parse().ok()?;
    let t = jiff::civil::Time::strptime("%H:%M", time).ok()?;
    d.to_datetime(t).in_tz(tz).ok().map(|z| z.timestamp())
}

/// The UTC instant of an event, when its day, time and zone are all known.
fn event_utc(e: &marsad_model::Event) -> Option<jiff::Timestamp> {
    match (&e.date, &e.time, &e.tz) {
        (Some(d), Some(t), Some(z)) => to_utc(d, t, z),
        _ => None,
    }
}

/// The parties of an event: every informative country on either side.
fn parties(e: &marsad_model::Event) -> BTreeSet<String> {
    let mut p = countries(&e.actor);
    p.extend(countries(&e.recipient));
    p.retain(|c| c != "IGO" && c != "NGO");
    p
}

/// How an attack relates to a ceasefire's start, if it violates it.
fn violation(
    start_day: i64,
    start: Option<jiff::Timestamp>,
    attack: &marsad_model::Event,
) -> Option<Certainty> {
    let day = attack.date.as_deref().and_then(day_number)?;
    if day < start_day {
        return None;
    }
    match (start, event_utc(attack)) {
        (Some(s), Some(a)) => (a > s).then_some(Certainty::Certain),
        _ if day > start_day => Some(Certainty::Certain),
        _ => Some(Certainty::Possible),
    }
}

/// Finds ceasefires and links the attacks between their parties that follow their start.
pub(crate) fn track(reports: &[Report<'_>], cfg: &FusionConfig) -> Vec<Ceasefire> {
    // One ceasefire per parties and start day: the opening event with a clock time wins, then the
    // smallest id.
    let mut openings: BTreeMap<(Vec<String>, String), &Report<'_>> = BTreeMap::new();
    for r in reports.iter().filter(|r| opens_ceasefire(r)) {
        let e = r.event;
        let p = parties(e);
        let Some(date) = e.date.clone().filter(|d| day_number(d).is_some()) else {
            continue;
        };
        if p.len() < 2 {
            continue;
        }
        let key = (p.into_iter().collect::<Vec<_>>(), date);
        let better = |old: &Report<'_>| {
            let rank = |x: &Report<'_>| (event_utc(x.event).is_none(), x.event.id.clone());
            rank(r) < rank(old)
        };
        match openings.get(&key) {
            Some(old) if !better(old) => {}
            _ => {
                openings.insert(key, r);
            }
        }
    }
    let attacks: Vec<&Report<'_>> = reports
        .iter()
        .filter(|r| r.event.event == Category::Assault)
        .filter(|r| matches!(r.event.status, Status::Asserted))
        .collect();
    let mut out: Vec<Ceasefire> = openings
        .into_iter()
        .map(|((parties, date), r)| open(parties, date, r, &attacks, cfg))
        .collect();
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

fn open(
    parties: Vec<String>,
    date: String,
    r: &Report<'_>,
    attacks: &[&Report<'_>],
    cfg: &FusionConfig,
) -> Ceasefire {
    let e = r.event;
    let start = event_utc(e);
    let start_day = day_number(&date).unwrap_or_default();
    let party_set: BTreeSet<&String> = parties.iter().collect();
    let mut violations: Vec<Violation> = attacks
        .iter()
        .filter(|a| {
            let ap = self::parties(a.event);
            ap.iter().filter(|c| party_set.contains(c)).count() >= 2
        })
        .filter(|a| {
            let d = a.event.date.as_deref().and_then(day_number);
            d.is_some_and(|d| d - start_day <= cfg.ceasefire_window_days)
        })
        .filter_map(|a| {
            violation(start_day, start, a.event).map(|certainty| Violation {
                event_id: a.event.id.clone(),
                certainty,
            })
        })
        .collect();
    violations.sort_by(|a, b| a.event_id.cmp(&b.event_id));
    Ceasefire {
        id: format!("ceasefire:{}", e.id),
        event_id: e.id.clone(),
        doc_id: r.doc_id.to_string(),
        parties,
        date,
        time: e.time.clone(),
        tz: e.tz.clone(),
        start_utc: start.map(|t| t.to_string()),
        violations,
        evidence: e.evidence.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moscow_nine_is_six_utc() {
        let t = to_utc("2022-09-13", "09:00", "Europe/Moscow").expect("valid zone");
        assert_eq!(t.to_string(), "2022-09-13T06:00:00Z");
        assert!(to_utc("2022-09-13", "09:00", "Mars/Olympus").is_none());
    }

    #[test]
    fn word_list_is_sorted_and_unique() {
        let words: Vec<&str> = include_str!("../data/ceasefire_words.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .skip(1)
            .filter_map(|l| l.split('\t').next())
            .collect();
        let mut sorted = words.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(words, sorted);
        assert!(!CEASEFIRE_WORDS.is_empty());
    }
}
