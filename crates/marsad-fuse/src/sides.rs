//! Small facts about one report that fusion compares: sides, day, places.

use crate::Report;
use marsad_model::Entity;
use std::collections::BTreeSet;

/// Country codes that say nothing about which side an entity is on.
fn is_informative(code: &str) -> bool {
    !matches!(code, "UNK" | "")
}

/// The informative country codes of a list of entities.
pub(crate) fn countries(list: &[Entity]) -> BTreeSet<String> {
    list.iter()
        .filter_map(|e| e.country.as_deref())
        .filter(|c| is_informative(c))
        .map(str::to_string)
        .collect()
}

/// One report, reduced to what fusion compares.
#[derive(Debug, Clone)]
pub(crate) struct Facts {
    /// Index into the input.
    pub index: usize,
    /// Day number (days since 1970-01-01) when the date is day-precise.
    pub day: Option<i64>,
    pub actor: BTreeSet<String>,
    pub recipient: BTreeSet<String>,
    pub claimant: Option<String>,
    /// Coordinates of the places.
    pub points: Vec<(f64, f64)>,
    /// Countries of the places.
    pub place_countries: BTreeSet<String>,
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date.
pub(crate) fn day_number(date: &str) -> Option<i64> {
    if date.len() != 10 {
        return None;
    }
    let d: jiff::civil::Date = date.parse().ok()?;
    let epoch = jiff::civil::date(1970, 1, 1);
    d.since(epoch).ok().map(|s| i64::from(s.get_days()))
}

impl Facts {
    pub fn of(index: usize, r: &Report<'_>) -> Facts {
        let e = r.event;
        Facts {
            index,
            day: e.date.as_deref().and_then(day_number),
            actor: countries(&e.actor),
            recipient: countries(&e.recipient),
            claimant: e.claim_by.as_ref().map(claimant_key),
            points: e.places.iter().filter_map(|p| Some((p.lat?, p.lon?))).collect(),
            place_countries: e.places.iter().filter_map(|p| p.country.clone()).collect(),
        }
    }

    /// True when the two reports put the same sides on the same ends (unknown ends agree with anything).
    pub fn same_sides(&self, o: &Facts) -> bool {
        agree(&self.actor, &o.actor) && agree(&self.recipient, &o.recipient)
    }

    /// True when each report's actor is the other's recipient: mutual blame.
    pub fn swapped_sides(&self, o: &Facts) -> bool {
        !self.actor.is_empty()
            && !self.recipient.is_empty()
            && !o.actor.is_empty()
            && !o.recipient.is_empty()
            && !self.actor.is_disjoint(&o.recipient)
            && !self.recipient.is_disjoint(&o.actor)
            && self.actor.is_disjoint(&o.actor)
    }
}

/// Two sides agree when either is unknown or they share a country.
fn agree(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    a.is_empty() || b.is_empty() || !a.is_disjoint(b)
}

/// What identifies a claimant: its country and sector, or its words when it has no code.
pub(crate) fn claimant_key(e: &Entity) -> String {
    match (&e.country, e.sector) {
        (Some(c), Some(s)) => format!("{c}/{s}"),
        (Some(c), None) => c.clone(),
        _ => e.text.clone(),
    }
}

/// The claimant's country, if known.
pub(crate) fn claimant_country(key: &Option<String>) -> Option<&str> {
    key.as_deref().map(|k| k.split('/').next().unwrap_or(k))
}

/// Great-circle distance in kilometres.
pub(crate) fn haversine_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lat1, lon1) = (a.0.to_radians(), a.1.to_radians());
    let (lat2, lon2) = (b.0.to_radians(), b.1.to_radians());
    let h =
        ((lat2 - lat1) / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_distances() {
        assert_eq!(day_number("1970-01-02"), Some(1));
        assert_eq!(day_number("2022-09"), None);
        let goris = (39.51, 46.34);
        let jermuk = (39.84, 45.67);
        let d = haversine_km(goris, jermuk);
        assert!((60.0..75.0).contains(&d), "{d}");
    }
}
