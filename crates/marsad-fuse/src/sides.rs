//! Small facts about one report that fusion compares: sides, day, places.

use crate::Report;
use marsad_model::{Entity, Place, Precision};
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

/// How two reports put their sides: the same way round, or each blaming the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Orientation {
    /// Actor with actor, recipient with recipient.
    Direct,
    /// One's actor is the other's recipient, and the other way round (mirror claims).
    Mirror,
}

/// One report, reduced to what fusion compares.
#[derive(Debug, Clone)]
pub(crate) struct Facts {
    /// Index into the input.
    pub index: usize,
    /// The document.
    pub doc: String,
    /// Day number (days since 1970-01-01) when the event's date is day-precise.
    pub day: Option<i64>,
    /// Day number of the document's publication date (used only inside one document).
    pub published_day: Option<i64>,
    /// Countries of the actor side.
    pub actor: BTreeSet<String>,
    /// Countries of the recipient side, less those of the actor side (a side never attacks itself:
    /// `ARM → ARM` says nothing about the recipient).
    pub recipient: BTreeSet<String>,
    /// Who makes the claim (country/sector, or its words).
    pub claimant: Option<String>,
    /// Coordinates of the places precise enough to compare (not countries or vague regions).
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

/// True when a place's coordinates locate an event: a point, town, district or province, not a
/// whole country or a vague region.
pub(crate) fn is_precise(p: &Place) -> bool {
    match p.precision {
        Some(Precision::Country | Precision::Region) => false,
        Some(_) => true,
        None => !p.feature.as_deref().is_some_and(|f| f.starts_with("PCL")),
    }
}

impl Facts {
    pub fn of(index: usize, r: &Report<'_>) -> Facts {
        let e = r.event;
        let actor = countries(&e.actor);
        let mut recipient = countries(&e.recipient);
        recipient.retain(|c| !actor.contains(c));
        Facts {
            index,
            doc: r.doc_id.to_string(),
            day: e.date.as_deref().and_then(day_number),
            published_day: r.published.and_then(day_number),
            actor,
            recipient,
            claimant: e.claim_by.as_ref().map(claimant_key),
            points: e
                .places
                .iter()
                .filter(|p| is_precise(p))
                .filter_map(|p| Some((p.lat?, p.lon?)))
                .collect(),
            place_countries: e.places.iter().filter_map(|p| p.country.clone()).collect(),
        }
    }

    /// The day fusion uses: the event's own, or (inside one document only) the publication day.
    pub fn day_for(&self, same_doc: bool) -> Option<i64> {
        if same_doc {
            self.day.or(self.published_day)
        } else {
            self.day
        }
    }

    /// True when at least one side is known.
    pub fn has_sides(&self) -> bool {
        !self.actor.is_empty() || !self.recipient.is_empty()
    }

    /// How the sides of two reports fit together, if they do: every side must agree (a side unknown
    /// in either agrees with anything) and at least one must be known in both and shared. The direct
    /// reading wins when both fit.
    pub fn orientation(&self, o: &Facts) -> Option<Orientation> {
        let fits = |a1: &BTreeSet<String>, r1: &BTreeSet<String>, a2: &BTreeSet<String>, r2| {
            agree(a1, a2) && agree(r1, r2) && (shared(a1, a2) || shared(r1, r2))
        };
        if fits(&self.actor, &self.recipient, &o.actor, &o.recipient) {
            Some(Orientation::Direct)
        } else if fits(&self.actor, &self.recipient, &o.recipient, &o.actor) {
            Some(Orientation::Mirror)
        } else {
            None
        }
    }

    /// True when both ends are known in both reports and shared, in the given orientation.
    pub fn both_ends_shared(&self, o: &Facts, how: Orientation) -> bool {
        match how {
            Orientation::Direct => shared(&self.actor, &o.actor) && shared(&self.recipient, &o.recipient),
            Orientation::Mirror => shared(&self.actor, &o.recipient) && shared(&self.recipient, &o.actor),
        }
    }

    /// Smallest distance in kilometres between a precise place of each, when both have one.
    pub fn distance_km(&self, o: &Facts) -> Option<f64> {
        self.points
            .iter()
            .flat_map(|p| o.points.iter().map(move |q| haversine_km(*p, *q)))
            .min_by(f64::total_cmp)
    }

    /// True when the place countries do not contradict (either names none, or they share one).
    pub fn place_countries_agree(&self, o: &Facts) -> bool {
        agree(&self.place_countries, &o.place_countries)
    }
}

/// Two sides agree when either is unknown or they share a country.
fn agree(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    a.is_empty() || b.is_empty() || !a.is_disjoint(b)
}

/// Both known and sharing a country.
fn shared(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    !a.is_disjoint(b)
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

    fn set(v: &[&str]) -> BTreeSet<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    fn facts(actor: &[&str], recipient: &[&str]) -> Facts {
        Facts {
            index: 0,
            doc: "d".into(),
            day: Some(1),
            published_day: None,
            actor: set(actor),
            recipient: set(recipient),
            claimant: None,
            points: Vec::new(),
            place_countries: BTreeSet::new(),
        }
    }

    #[test]
    fn days_and_distances() {
        assert_eq!(day_number("1970-01-02"), Some(1));
        assert_eq!(day_number("2022-09"), None);
        let goris = (39.51, 46.34);
        let jermuk = (39.84, 45.67);
        let d = haversine_km(goris, jermuk);
        assert!((60.0..75.0).contains(&d), "{d}");
    }

    #[test]
    fn orientations() {
        let aze_arm = facts(&["AZE"], &["ARM"]);
        assert_eq!(
            aze_arm.orientation(&facts(&["AZE"], &[])),
            Some(Orientation::Direct)
        );
        assert_eq!(
            aze_arm.orientation(&facts(&["ARM"], &["AZE"])),
            Some(Orientation::Mirror)
        );
        assert_eq!(
            aze_arm.orientation(&facts(&["ARM"], &[])),
            Some(Orientation::Mirror)
        );
        assert_eq!(aze_arm.orientation(&facts(&["RUS"], &["ARM"])), None);
        // Nothing shared: two unknown-sided reports never fit.
        assert_eq!(facts(&[], &[]).orientation(&facts(&[], &[])), None);
        assert_eq!(facts(&["AZE"], &[]).orientation(&facts(&[], &["ARM"])), None);
    }
}
