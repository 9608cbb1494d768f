//! `GET /v1/events` query parameters: parsed and checked into an [`EventQuery`] and a [`Format`].

use crate::backend::{BBox, EventQuery};
use crate::error::ApiError;
use marsad_model::Category;
use serde::Deserialize;

/// Default page size.
pub const DEFAULT_LIMIT: usize = 100;
/// Largest page size.
pub const MAX_LIMIT: usize = 1000;

/// The raw query string of `GET /v1/events`; unknown parameters are refused.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventsParams {
    since: Option<String>,
    until: Option<String>,
    country: Option<String>,
    category: Option<String>,
    contested: Option<String>,
    bbox: Option<String>,
    limit: Option<String>,
    cursor: Option<String>,
    offset: Option<String>,
    format: Option<String>,
}

/// How a listing is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `{"events": [...], "total", "limit", "next_cursor"}`.
    Json,
    /// One event record a line.
    Jsonl,
    /// One of the export formats of `marsad export` (PLOVER, ACLED, CAMEO, GeoJSON, CSV, Parquet),
    /// written by the same code.
    Export(marsad_export::Format),
}

impl Format {
    /// The names `format=` takes.
    pub const NAMES: &'static str = "json, jsonl, plover, acled, cameo, geojson, csv, parquet";

    fn parse(s: &str) -> Result<Self, ApiError> {
        match s.to_ascii_lowercase().as_str() {
            "json" => Ok(Format::Json),
            "jsonl" | "ndjson" => Ok(Format::Jsonl),
            other => other.parse().map(Format::Export).map_err(|_| {
                ApiError::BadQuery(format!(
                    "format: unknown format {other:?} (one of {})",
                    Format::NAMES
                ))
            }),
        }
    }
}

impl EventsParams {
    /// Checks every parameter.
    pub fn parse(self) -> Result<(EventQuery, Format), ApiError> {
        let since = self.since.map(|s| check_date("since", s)).transpose()?;
        let until = self.until.map(|s| check_date("until", s)).transpose()?;
        let countries = list(self.country.as_deref())
            .map(|c| {
                let up = c.to_ascii_uppercase();
                if up.len() == 3 && up.bytes().all(|b| b.is_ascii_uppercase()) {
                    Ok(up)
                } else {
                    Err(ApiError::BadQuery(format!(
                        "country: {c:?} is not an ISO 3166-1 alpha-3 code"
                    )))
                }
            })
            .collect::<Result<_, _>>()?;
        let categories = list(self.category.as_deref())
            .map(|c| {
                c.to_ascii_uppercase()
                    .parse::<Category>()
                    .map_err(|_| ApiError::BadQuery(format!("category: {c:?} is not a PLOVER category")))
            })
            .collect::<Result<_, _>>()?;
        let contested = self.contested.as_deref().map(parse_bool).transpose()?;
        let bbox = self.bbox.as_deref().map(parse_bbox).transpose()?;
        let limit = match self.limit.as_deref() {
            None => DEFAULT_LIMIT,
            Some(l) => match l.parse::<usize>() {
                Ok(n) if (1..=MAX_LIMIT).contains(&n) => n,
                _ => {
                    return Err(ApiError::BadQuery(format!(
                        "limit: expected 1 to {MAX_LIMIT}, got {l:?}"
                    )));
                }
            },
        };
        let offset = match (self.cursor.as_deref(), self.offset.as_deref()) {
            (Some(_), Some(_)) => return Err(ApiError::BadQuery("give cursor or offset, not both".into())),
            (Some(c), None) => parse_offset("cursor", c)?,
            (None, Some(o)) => parse_offset("offset", o)?,
            (None, None) => 0,
        };
        let format = self
            .format
            .as_deref()
            .map(Format::parse)
            .transpose()?
            .unwrap_or(Format::Json);
        let q = EventQuery {
            since,
            until,
            countries,
            categories,
            contested,
            bbox,
            limit,
            offset,
        };
        Ok((q, format))
    }
}

fn list(s: Option<&str>) -> impl Iterator<Item = &str> {
    s.unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|x| !x.is_empty())
}

/// Dates are `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn check_date(name: &str, s: String) -> Result<String, ApiError> {
    let ok = matches!(s.len(), 4 | 7 | 10)
        && s.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        });
    if ok {
        Ok(s)
    } else {
        Err(ApiError::BadQuery(format!(
            "{name}: expected YYYY, YYYY-MM or YYYY-MM-DD, got {s:?}"
        )))
    }
}

fn parse_bool(s: &str) -> Result<bool, ApiError> {
    match s {
        "true" | "1" | "yes" => Ok(true),
        "false" | "0" | "no" => Ok(false),
        other => Err(ApiError::BadQuery(format!(
            "contested: expected true or false, got {other:?}"
        ))),
    }
}

fn parse_offset(name: &str, s: &str) -> Result<usize, ApiError> {
    s.parse()
        .map_err(|_| ApiError::BadQuery(format!("{name}: not a cursor this server issued: {s:?}")))
}

fn parse_bbox(s: &str) -> Result<BBox, ApiError> {
    let bad = || {
        ApiError::BadQuery(format!(
            "bbox: expected minlon,minlat,maxlon,maxlat in degrees, got {s:?}"
        ))
    };
    let v: Vec<f64> = s
        .split(',')
        .map(|x| x.trim().parse::<f64>().map_err(|_| bad()))
        .collect::<Result<_, _>>()?;
    let [min_lon, min_lat, max_lon, max_lat] = v[..] else {
        return Err(bad());
    };
    let lon_ok = |x: f64| (-180.0..=180.0).contains(&x);
    let lat_ok = |y: f64| (-90.0..=90.0).contains(&y);
    if !(lon_ok(min_lon) && lon_ok(max_lon) && lat_ok(min_lat) && lat_ok(max_lat))
        || min_lon > max_lon
        || min_lat > max_lat
    {
        return Err(bad());
    }
    Ok(BBox {
        min_lon,
        min_lat,
        max_lon,
        max_lat,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(f: impl FnOnce(&mut EventsParams)) -> Result<(EventQuery, Format), ApiError> {
        let mut p = EventsParams::default();
        f(&mut p);
        p.parse()
    }

    #[test]
    fn good_parameters() {
        let (q, f) = params(|p| {
            p.country = Some("arm, aze".into());
            p.category = Some("assault,Coerce".into());
            p.bbox = Some("44,38,47.5,42".into());
            p.cursor = Some("200".into());
            p.format = Some("GeoJSON".into());
            p.since = Some("2022-09".into());
        })
        .expect("valid");
        assert_eq!(q.countries, ["ARM", "AZE"]);
        assert_eq!(q.categories, [Category::Assault, Category::Coerce]);
        assert_eq!(q.offset, 200);
        assert_eq!(q.limit, DEFAULT_LIMIT);
        assert_eq!(f, Format::Export(marsad_export::Format::Geojson));
    }

    #[test]
    fn bad_parameters() {
        let cases: [fn(&mut EventsParams); 7] = [
            |p| p.since = Some("13/09/2022".into()),
            |p| p.country = Some("Armenia".into()),
            |p| p.category = Some("BOMB".into()),
            |p| p.bbox = Some("1,2,3".into()),
            |p| p.bbox = Some("50,2,40,3".into()),
            |p| p.limit = Some("0".into()),
            |p| p.format = Some("xml".into()),
        ];
        for (i, c) in cases.into_iter().enumerate() {
            assert!(matches!(params(c), Err(ApiError::BadQuery(_))), "case {i}");
        }
    }
}
