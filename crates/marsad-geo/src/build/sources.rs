//! Readers for the gazetteer sources shipped in `data/geo/` and the curated TSV files.

use crate::GeoError;
use flate2::read::GzDecoder;
use std::io::Read;
use std::path::Path;

/// A GeoNames populated place (cities500).
#[derive(Debug, Clone)]
pub struct City {
    pub gid: u32,
    pub name: String,
    pub alts: Vec<String>,
    pub lat: f32,
    pub lon: f32,
    pub cc: String,
    pub admin1: String,
    pub population: u32,
}

/// A GeoNames country row.
#[derive(Debug, Clone)]
pub struct Country {
    pub iso2: String,
    pub iso3: String,
    pub name: String,
    pub capital: String,
    pub population: u32,
    pub gid: u32,
}

/// A GeoNames admin1 row.
#[derive(Debug, Clone)]
pub struct Admin1 {
    /// `CC.code`.
    pub code: String,
    pub name: String,
    pub ascii: String,
    pub gid: u32,
}

/// A curated extra place (`data/gazetteer-extra.tsv`).
#[derive(Debug, Clone)]
pub struct Extra {
    pub name: String,
    pub iso3: String,
    pub admin1: String,
    pub feature: String,
    pub precision: String,
    pub lat: f32,
    pub lon: f32,
    pub population: u32,
    pub gid: u32,
    pub aliases: Vec<String>,
}

fn err(file: &Path, message: impl Into<String>) -> GeoError {
    GeoError::Source {
        file: file.display().to_string(),
        message: message.into(),
    }
}

/// Reads a file, gunzipping when its name ends in `.gz`.
pub fn read_text(path: &Path) -> Result<String, GeoError> {
    let raw = std::fs::read(path).map_err(|e| err(path, e.to_string()))?;
    if path.extension().is_some_and(|e| e == "gz") {
        let mut s = String::new();
        GzDecoder::new(raw.as_slice())
            .read_to_string(&mut s)
            .map_err(|e| err(path, e.to_string()))?;
        Ok(s)
    } else {
        String::from_utf8(raw).map_err(|e| err(path, e.to_string()))
    }
}

/// Data rows of a TSV: comment (`#`) and blank lines skipped, and the first remaining line (the
/// column header) too when `header` is set.
pub fn rows(text: &str, header: bool) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .skip(usize::from(header))
        .map(|l| l.split('\t').collect())
}

fn field<'a>(row: &[&'a str], i: usize, path: &Path) -> Result<&'a str, GeoError> {
    row.get(i)
        .copied()
        .ok_or_else(|| err(path, format!("missing column {i} in row {:?}", row.first())))
}

fn num<T: std::str::FromStr>(s: &str, path: &Path) -> Result<T, GeoError> {
    s.trim()
        .parse()
        .map_err(|_| err(path, format!("not a number: {s:?}")))
}

/// Reads cities500.
pub fn cities(path: &Path) -> Result<Vec<City>, GeoError> {
    let text = read_text(path)?;
    let mut out = Vec::new();
    for r in rows(&text, true) {
        let alts = field(&r, 2, path)?;
        out.push(City {
            gid: num(field(&r, 0, path)?, path)?,
            name: field(&r, 1, path)?.to_string(),
            alts: alts
                .split('|')
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
            lat: num(field(&r, 3, path)?, path)?,
            lon: num(field(&r, 4, path)?, path)?,
            cc: field(&r, 5, path)?.to_string(),
            admin1: field(&r, 6, path)?.to_string(),
            population: num::<u64>(field(&r, 7, path)?, path)?.min(u64::from(u32::MAX)) as u32,
        });
    }
    out.sort_by_key(|c| c.gid);
    Ok(out)
}

/// Reads countryInfo.
pub fn countries(path: &Path) -> Result<Vec<Country>, GeoError> {
    let text = read_text(path)?;
    let mut out = Vec::new();
    for r in rows(&text, false) {
        if field(&r, 0, path)? == "ISO" {
            continue;
        }
        out.push(Country {
            iso2: field(&r, 0, path)?.to_string(),
            iso3: field(&r, 1, path)?.to_string(),
            name: field(&r, 4, path)?.to_string(),
            capital: field(&r, 5, path)?.to_string(),
            population: num(field(&r, 7, path)?, path)?,
            gid: num(field(&r, 16, path)?, path)?,
        });
    }
    out.sort_by(|a, b| a.iso3.cmp(&b.iso3));
    Ok(out)
}

/// Reads admin1CodesASCII.
pub fn admin1(path: &Path) -> Result<Vec<Admin1>, GeoError> {
    let text = read_text(path)?;
    let mut out = Vec::new();
    for r in rows(&text, false) {
        out.push(Admin1 {
            code: field(&r, 0, path)?.to_string(),
            name: field(&r, 1, path)?.to_string(),
            ascii: field(&r, 2, path)?.to_string(),
            gid: num(field(&r, 3, path)?, path)?,
        });
    }
    out.sort_by(|a, b| a.code.cmp(&b.code));
    Ok(out)
}

/// Reads a two-column `key<TAB>name` TSV with a header (CLDR territory names).
pub fn pairs(path: &Path) -> Result<Vec<(String, String)>, GeoError> {
    let text = read_text(path)?;
    rows(&text, true)
        .map(|r| Ok((field(&r, 0, path)?.to_string(), field(&r, 1, path)?.to_string())))
        .collect()
}

/// Reads a curated `key<TAB>names…` TSV (header line, `|`-separated names in column 1).
pub fn aliases(path: &Path) -> Result<Vec<(String, Vec<String>)>, GeoError> {
    let text = read_text(path)?;
    rows(&text, true)
        .map(|r| {
            let names = field(&r, 1, path)?.split('|').map(|s| s.trim().to_string());
            Ok((
                field(&r, 0, path)?.to_string(),
                names.filter(|s| !s.is_empty()).collect(),
            ))
        })
        .collect()
}

/// Reads `data/gazetteer-extra.tsv`.
pub fn extras(path: &Path) -> Result<Vec<Extra>, GeoError> {
    let text = read_text(path)?;
    let mut out = Vec::new();
    for r in rows(&text, true) {
        let gid = field(&r, 8, path)?;
        out.push(Extra {
            name: field(&r, 0, path)?.to_string(),
            iso3: field(&r, 1, path)?.to_string(),
            admin1: field(&r, 2, path)?.to_string(),
            feature: field(&r, 3, path)?.to_string(),
            precision: field(&r, 4, path)?.to_string(),
            lat: num(field(&r, 5, path)?, path)?,
            lon: num(field(&r, 6, path)?, path)?,
            population: num(field(&r, 7, path)?, path)?,
            gid: if gid.is_empty() { 0 } else { num(gid, path)? },
            aliases: field(&r, 9, path)?
                .split('|')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect(),
        });
    }
    Ok(out)
}

/// Reads `country-centroids.tsv`: ISO3 → (lat, lon).
pub fn centres(path: &Path) -> Result<std::collections::HashMap<String, (f32, f32)>, GeoError> {
    let text = read_text(path)?;
    rows(&text, true)
        .map(|r| {
            let lat = num(field(&r, 1, path)?, path)?;
            let lon = num(field(&r, 2, path)?, path)?;
            Ok((field(&r, 0, path)?.to_string(), (lat, lon)))
        })
        .collect()
}
