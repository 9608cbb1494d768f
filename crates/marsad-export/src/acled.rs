//! `acled`: ACLED-style CSV with ACLED's column names, one row per event location, for the events that
//! have an ACLED type. Conventions where ACLED's own values cannot be known are in `docs/EXPORT.md`.

use crate::ExportError;
use crate::common::{COUNTRIES, Row, tag};
use marsad_model::{Category, Count, Entity, Precision, Sector};

/// ACLED's columns, in ACLED's order.
pub const HEADER: &[&str] = &[
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

/// ACLED's disorder type of an event type.
fn disorder_type(event_type: &str) -> &'static str {
    match event_type {
        "Protests" | "Riots" => "Demonstrations",
        "Strategic developments" => "Strategic developments",
        _ => "Political violence",
    }
}

/// ACLED's actor type code (inter): 1 state forces, 2 rebels, 3 political militias, 5 rioters,
/// 6 protesters, 7 civilians, 8 external/other forces; 0 when there is no actor.
fn inter(e: Option<&Entity>, category: Category, place_country: Option<&str>) -> u8 {
    let Some(e) = e else { return 0 };
    if category == Category::Protest {
        return 6;
    }
    match e.sector {
        Some(Sector::Gov | Sector::Mil | Sector::Cop | Sector::Spy | Sector::Jud | Sector::Leg) => {
            let foreign = matches!((e.country.as_deref(), place_country), (Some(a), Some(b)) if a != b);
            if foreign { 8 } else { 1 }
        }
        Some(Sector::Reb) => 2,
        Some(Sector::Uaf | Sector::Ter) => 3,
        Some(
            Sector::Cvl | Sector::Jrn | Sector::Med | Sector::Ref | Sector::Hri | Sector::Ngo | Sector::Edu,
        ) => 7,
        _ if e.country.as_deref() == Some("IGO") => 8,
        _ => 3,
    }
}

/// An ACLED-style actor name: "Military Forces of Azerbaijan", "Civilians (Armenia)", else the words.
fn actor_name(e: &Entity) -> String {
    let country = e
        .country
        .as_deref()
        .and_then(|c| COUNTRIES.get(c))
        .map(|c| c.name.as_str());
    match (e.sector, country) {
        (Some(Sector::Mil), Some(c)) => format!("Military Forces of {c}"),
        (Some(Sector::Gov), Some(c)) => format!("Government of {c}"),
        (Some(Sector::Cop), Some(c)) => format!("Police Forces of {c}"),
        (Some(Sector::Cvl), Some(c)) => format!("Civilians ({c})"),
        (Some(Sector::Reb | Sector::Uaf), Some(c)) if e.name.is_none() => {
            format!("Unidentified Armed Group ({c})")
        }
        _ => e.name.clone().unwrap_or_else(|| e.text.clone()),
    }
}

fn names(list: &[Entity]) -> String {
    let mut out: Vec<String> = Vec::new();
    for n in list.iter().map(actor_name) {
        if !out.contains(&n) {
            out.push(n);
        }
    }
    out.join("; ")
}

fn time_precision(date: Option<&str>) -> &'static str {
    match date.map(str::len) {
        Some(10) => "1",
        Some(_) => "3",
        None => "",
    }
}

fn geo_precision(p: Option<Precision>) -> &'static str {
    match p {
        Some(Precision::Exact | Precision::Town) => "1",
        Some(Precision::Admin2) => "2",
        Some(_) => "3",
        None => "",
    }
}

/// Unix time of a `YYYY-MM-DD` day at 00:00 UTC.
fn day_timestamp(date: Option<&str>) -> String {
    date.and_then(|d| d.get(..10))
        .and_then(|d| d.parse::<jiff::civil::Date>().ok())
        .and_then(|d| d.in_tz("UTC").ok())
        .map(|z| z.timestamp().as_second().to_string())
        .unwrap_or_default()
}

/// The rows of one event: one per place (or one without a place).
pub fn records(r: &Row<'_>) -> Vec<Vec<String>> {
    let e = r.event();
    let Some(acled) = &e.acled else { return Vec::new() };
    let places: Vec<Option<&marsad_model::Place>> = if e.places.is_empty() {
        vec![None]
    } else {
        e.places.iter().map(Some).collect()
    };
    let fallback_country = e.recipient.iter().chain(&e.actor).find_map(|x| x.country.clone());
    let mut tags: Vec<String> = Vec::new();
    if let Some(q) = e.dead_qualifier {
        tags.push(format!("fatalities {}", tag(Some(q))));
    }
    if e.dead == Some(Count::UNKNOWN) {
        tags.push("fatalities reported without a figure".into());
    }
    if r.contested() {
        tags.push("contested".into());
    }
    let claim = e
        .claim_by
        .as_ref()
        .map(|c| format!(" [claimed by {}]", c.text))
        .unwrap_or_default();
    places
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let iso3 = p
                .and_then(|p| p.country.clone())
                .or_else(|| fallback_country.clone())
                .unwrap_or_default();
            let c = COUNTRIES.get(&iso3);
            let (i1, i2) = (
                inter(e.actor.first(), e.event, Some(iso3.as_str())),
                inter(e.recipient.first(), e.event, Some(iso3.as_str())),
            );
            let interaction = if i2 == 0 {
                i1 * 10
            } else {
                i1.min(i2) * 10 + i1.max(i2)
            };
            let fatalities = if i == 0 {
                e.dead.and_then(Count::number).unwrap_or(0)
            } else {
                0
            };
            let opt = |v: Option<String>| v.unwrap_or_default();
            vec![
                format!("{iso3}-{}#{i}", e.id),
                opt(e.date.clone()),
                opt(e.date.as_ref().and_then(|d| d.get(..4)).map(str::to_string)),
                time_precision(e.date.as_deref()).into(),
                disorder_type(&acled.event_type).into(),
                acled.event_type.clone(),
                acled.sub_event_type.clone(),
                e.actor.first().map(actor_name).unwrap_or_default(),
                names(e.actor.get(1..).unwrap_or_default()),
                if i1 == 0 { String::new() } else { i1.to_string() },
                e.recipient.first().map(actor_name).unwrap_or_default(),
                names(e.recipient.get(1..).unwrap_or_default()),
                if i2 == 0 { String::new() } else { i2.to_string() },
                interaction.to_string(),
                if e.recipient.iter().any(|x| x.sector == Some(Sector::Cvl)) {
                    "Civilian targeting".into()
                } else {
                    String::new()
                },
                c.map(|c| c.numeric.to_string()).unwrap_or_default(),
                c.map(|c| c.region.clone()).unwrap_or_default(),
                c.map(|c| c.name.clone()).unwrap_or_default(),
                opt(p.and_then(|p| p.admin1.clone())),
                String::new(),
                String::new(),
                opt(p.map(|p| p.name.clone().unwrap_or_else(|| p.text.clone()))),
                opt(p.and_then(|p| p.lat).map(|v| format!("{v:.4}"))),
                opt(p.and_then(|p| p.lon).map(|v| format!("{v:.4}"))),
                geo_precision(p.and_then(|p| p.precision)).into(),
                opt(r.stored.source.clone().or_else(|| r.stored.url.clone())),
                String::new(),
                format!("{}{claim}", e.evidence),
                fatalities.to_string(),
                tags.join("; "),
                day_timestamp(r.stored.published.as_deref()),
            ]
        })
        .collect()
}

/// Writes the ACLED CSV.
pub fn write(rows: &[Row<'_>], out: impl std::io::Write) -> Result<(), ExportError> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(HEADER)?;
    for r in rows {
        for rec in records(r) {
            w.write_record(rec)?;
        }
    }
    w.flush()?;
    Ok(())
}
