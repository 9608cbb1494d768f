//! `cameo`: tab-separated, no header, in the column order of GDELT 2.0's event table (61 columns); the
//! columns Marsad has no value for are empty.

use crate::ExportError;
use crate::common::Row;
use marsad_model::{Entity, Event, Quad};

/// GDELT 2.0 event columns, in order (written as the first line only with `--header`).
pub const HEADER: &[&str] = &[
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

fn quad_class(q: Quad) -> &'static str {
    match q {
        Quad::VerbalCooperation => "1",
        Quad::MaterialCooperation => "2",
        Quad::VerbalConflict => "3",
        Quad::MaterialConflict => "4",
    }
}

/// Actor code, name, country, (known group, ethnic, religion ×2 empty), type1, type2, type3.
fn actor(list: &[Entity]) -> [String; 10] {
    let Some(a) = list.first() else {
        return Default::default();
    };
    let country = a.country.clone().unwrap_or_default();
    let sector = a.sector.map(|s| s.to_string()).unwrap_or_default();
    [
        format!("{country}{sector}"),
        a.name.clone().unwrap_or_else(|| a.text.clone()),
        country,
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        sector,
        String::new(),
        String::new(),
    ]
}

/// GDELT geo type: 1 country, 4 world city, 5 world first-level division.
fn action_geo(e: &Event) -> [String; 8] {
    let Some(p) = e.places.iter().find(|p| p.lat.is_some()) else {
        return Default::default();
    };
    use marsad_model::Precision::*;
    let kind = match p.precision {
        Some(Country | Region) => "1",
        Some(Admin1 | Admin2) => "5",
        _ => "4",
    };
    let opt = |v: Option<f64>| v.map(|v| format!("{v:.4}")).unwrap_or_default();
    [
        kind.into(),
        p.name.clone().unwrap_or_else(|| p.text.clone()),
        p.country.clone().unwrap_or_default(),
        p.admin1.clone().unwrap_or_default(),
        String::new(),
        opt(p.lat),
        opt(p.lon),
        p.geonameid.map(|g| g.to_string()).unwrap_or_default(),
    ]
}

/// The 61 fields of one event.
pub fn record(r: &Row<'_>) -> Vec<String> {
    let e = r.event();
    let digits: String = e
        .date
        .clone()
        .unwrap_or_default()
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let day = if digits.len() == 8 {
        digits.clone()
    } else {
        String::new()
    };
    let cameo = e.cameo.clone().unwrap_or_default();
    let mentions = r.fused.map(|f| f.claims.len()).unwrap_or(1).to_string();
    let mut f: Vec<String> = vec![
        e.id.clone(),
        day.clone(),
        digits.get(..6).unwrap_or_default().to_string(),
        digits.get(..4).unwrap_or_default().to_string(),
        String::new(),
    ];
    f.extend(actor(&e.actor));
    f.extend(actor(&e.recipient));
    f.extend([
        "1".into(),
        cameo.clone(),
        cameo.get(..3).unwrap_or(&cameo).to_string(),
        cameo.get(..2).unwrap_or(&cameo).to_string(),
        quad_class(e.event.quad()).into(),
        String::new(),
        mentions.clone(),
        "1".into(),
        mentions,
        String::new(),
    ]);
    f.extend(std::iter::repeat_n(String::new(), 16));
    f.extend(action_geo(e));
    f.push(
        r.stored
            .published
            .as_deref()
            .map(|p| p.replace('-', ""))
            .unwrap_or_default(),
    );
    f.push(r.stored.url.clone().unwrap_or_default());
    f
}

/// Writes the TSV (tabs and newlines inside fields become spaces).
pub fn write(rows: &[Row<'_>], header: bool, mut out: impl std::io::Write) -> Result<(), ExportError> {
    if header {
        writeln!(out, "{}", HEADER.join("\t"))?;
    }
    for r in rows {
        let clean: Vec<String> = record(r)
            .into_iter()
            .map(|v| v.replace(['\t', '\n', '\r'], " "))
            .collect();
        writeln!(out, "{}", clean.join("\t"))?;
    }
    Ok(())
}
