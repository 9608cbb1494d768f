//! The index builder: GeoNames + CLDR + curated TSV files → the binary index of [`crate::format`].
//!
//! Deterministic: the same sources give byte-identical output (sorted inputs, `BTreeMap`s, no
//! timestamps). Called by `cargo run -p xtask -- build-gazetteer`.

mod sources;

use crate::GeoError;
use crate::format::{self, FLAG_CURATED, FLAG_PRIMARY, Record};
use crate::keys::{is_arabic, is_latin, name_key};
use crate::skeleton::{consonants, skeleton_variants};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

/// Locales whose CLDR territory names are indexed.
const LOCALES: &[&str] = &["ar", "en", "es", "fr", "ru", "hy", "az", "fa", "tr", "he"];

/// Builds the index from the repository root `root` (reads `data/geo/` and `data/gazetteer-extra.tsv`).
pub fn build_index(root: &Path) -> Result<Vec<u8>, GeoError> {
    let geo = root.join("data/geo");
    let cities = sources::cities(&geo.join("geonames-cities500.tsv.gz"))?;
    let countries = sources::countries(&geo.join("countryInfo.txt.gz"))?;
    let admin1 = sources::admin1(&geo.join("admin1CodesASCII.txt.gz"))?;
    let extras = sources::extras(&root.join("data/gazetteer-extra.tsv"))?;
    let country_aliases = sources::aliases(&geo.join("country-aliases.tsv"))?;
    let admin1_aliases = sources::aliases(&geo.join("admin1-ar.tsv"))?;
    let city_aliases = sources::aliases(&geo.join("city-aliases.tsv"))?;
    let centres = sources::centres(&geo.join("country-centroids.tsv"))?;
    // Place-type nouns (قرية، مدينة، محافظة…): GeoNames alternates "مدينة X" of a place also named X
    // are left out, so the noun reads as a trigger and X is resolved in context.
    let type_words: HashSet<String> = sources::pairs(&geo.join("triggers.tsv"))?
        .into_iter()
        .filter(|(_, kind)| kind != "prep")
        .map(|(w, _)| name_key(&w))
        .collect();
    let mut cldr: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for l in LOCALES {
        for (code, name) in sources::pairs(&geo.join(format!("cldr/territories.{l}.tsv")))? {
            cldr.entry(code).or_default().push(name);
        }
    }
    let mut b = Builder::default();
    let iso3_of: HashMap<&str, &str> = countries
        .iter()
        .map(|c| (c.iso2.as_str(), c.iso3.as_str()))
        .collect();
    let centroids = Centroids::new(&cities);
    b.add_countries(&countries, &cldr, &country_aliases, &centroids, &centres);
    b.add_admin1(&admin1, &admin1_aliases, &iso3_of, &centroids);
    b.add_extras(&extras)?;
    b.add_cities(&cities, &countries, &iso3_of, &city_aliases, &type_words);
    Ok(b.finish())
}

/// Mean coordinates of the cities of each country and each admin1.
struct Centroids {
    sums: HashMap<String, (f64, f64, u32)>,
}

impl Centroids {
    fn new(cities: &[sources::City]) -> Self {
        let mut sums: HashMap<String, (f64, f64, u32)> = HashMap::new();
        for c in cities {
            for key in [c.cc.clone(), format!("{}.{}", c.cc, c.admin1)] {
                let e = sums.entry(key).or_insert((0.0, 0.0, 0));
                e.0 += f64::from(c.lat);
                e.1 += f64::from(c.lon);
                e.2 += 1;
            }
        }
        Centroids { sums }
    }

    fn get(&self, key: &str) -> Option<(f32, f32)> {
        self.sums
            .get(key)
            .map(|(la, lo, n)| ((la / f64::from(*n)) as f32, (lo / f64::from(*n)) as f32))
    }
}

#[derive(Default)]
struct Builder {
    records: Vec<u8>,
    count: u32,
    strings: Vec<u8>,
    string_ids: HashMap<String, (u32, u16)>,
    countries: Vec<u32>,
    admin1_names: HashMap<String, (u32, u16)>,
    exact: BTreeMap<String, BTreeMap<u32, u32>>,
    skel: BTreeMap<String, BTreeMap<u32, u32>>,
}

impl Builder {
    fn string(&mut self, s: &str) -> (u32, u16) {
        if let Some(id) = self.string_ids.get(s) {
            return *id;
        }
        let s = truncate(s, u16::MAX as usize);
        let id = (self.strings.len() as u32, s.len() as u16);
        self.strings.extend_from_slice(s.as_bytes());
        self.string_ids.insert(s.to_string(), id);
        id
    }

    fn push(&mut self, r: Record) -> u32 {
        r.encode(&mut self.records);
        self.count += 1;
        self.count - 1
    }

    /// Indexes `name` for record `idx`: Arabic names by exact key; Latin names by exact key (when
    /// `latin_exact`) and skeleton; Cyrillic and Armenian names by skeleton.
    fn add_name(&mut self, idx: u32, name: &str, flags: u32, latin_exact: bool) {
        let key = name_key(name);
        if key.chars().count() < 2 {
            return;
        }
        let entry = idx | flags;
        if is_arabic(name) {
            merge(self.exact.entry(key).or_default(), idx, entry);
            return;
        }
        if latin_exact && is_latin(name) {
            merge(self.exact.entry(key.clone()).or_default(), idx, entry);
        }
        for s in skeleton_variants(&key) {
            if consonants(&s) >= 2 {
                merge(self.skel.entry(s).or_default(), idx, entry);
            }
        }
    }

    fn record(&mut self, name: &str, iso3: &str, admin1: Option<(u32, u16)>) -> Record {
        Record {
            geonameid: 0,
            lat: 0.0,
            lon: 0.0,
            population: 0,
            name: self.string(name),
            country: self.string(iso3).0,
            admin1: admin1.unwrap_or((0, 0)),
            feature: 0,
            precision: 1,
            kind: format::KIND_CITY,
        }
    }

    fn add_countries(
        &mut self,
        countries: &[sources::Country],
        cldr: &BTreeMap<String, Vec<String>>,
        aliases: &[(String, Vec<String>)],
        centroids: &Centroids,
        centres: &HashMap<String, (f32, f32)>,
    ) {
        let alias_map: HashMap<&str, &Vec<String>> = aliases.iter().map(|(k, v)| (k.as_str(), v)).collect();
        for c in countries {
            let (lat, lon) = centres
                .get(&c.iso3)
                .copied()
                .or_else(|| centroids.get(&c.iso2))
                .unwrap_or((0.0, 0.0));
            let mut r = self.record(&c.name, &c.iso3, None);
            r.geonameid = c.gid;
            (r.lat, r.lon, r.population) = (lat, lon, c.population);
            r.feature = feature("PCLI");
            r.precision = 4;
            r.kind = format::KIND_COUNTRY;
            let idx = self.push(r);
            self.countries.push(idx);
            self.add_name(idx, &c.name, FLAG_PRIMARY, true);
            for (i, n) in cldr.get(&c.iso2).into_iter().flatten().enumerate() {
                let flags = if i < 2 { FLAG_PRIMARY } else { 0 };
                self.add_name(idx, n, flags, true);
            }
            for n in alias_map.get(c.iso3.as_str()).into_iter().copied().flatten() {
                self.add_name(idx, n, FLAG_CURATED | FLAG_PRIMARY, true);
            }
        }
    }

    fn add_admin1(
        &mut self,
        admin1: &[sources::Admin1],
        aliases: &[(String, Vec<String>)],
        iso3_of: &HashMap<&str, &str>,
        centroids: &Centroids,
    ) {
        let alias_map: HashMap<&str, &Vec<String>> = aliases.iter().map(|(k, v)| (k.as_str(), v)).collect();
        for a in admin1 {
            let cc = a.code.split('.').next().unwrap_or_default();
            let Some(iso3) = iso3_of.get(cc).copied() else {
                continue;
            };
            let name = self.string(&a.name);
            self.admin1_names.insert(a.code.clone(), name);
            let (lat, lon) = centroids
                .get(&a.code)
                .or_else(|| centroids.get(cc))
                .unwrap_or_default();
            let mut r = self.record(&a.name, iso3, Some(name));
            r.geonameid = a.gid;
            (r.lat, r.lon) = (lat, lon);
            r.feature = feature("ADM1");
            r.precision = 3;
            r.kind = format::KIND_ADMIN1;
            let idx = self.push(r);
            self.add_name(idx, &a.name, FLAG_PRIMARY, true);
            self.add_name(idx, &a.ascii, FLAG_PRIMARY, true);
            for n in alias_map.get(a.code.as_str()).into_iter().copied().flatten() {
                self.add_name(idx, n, FLAG_CURATED | FLAG_PRIMARY, true);
            }
        }
    }

    fn add_extras(&mut self, extras: &[sources::Extra]) -> Result<(), GeoError> {
        for e in extras {
            let admin1 = (!e.admin1.is_empty()).then(|| self.string(&e.admin1));
            let mut r = self.record(&e.name, &e.iso3, admin1);
            r.geonameid = e.gid;
            (r.lat, r.lon, r.population) = (e.lat, e.lon, e.population);
            r.feature = feature(&e.feature);
            let precision = format::parse_precision(&e.precision).ok_or_else(|| GeoError::Source {
                file: "data/gazetteer-extra.tsv".into(),
                message: format!("bad precision {:?} for {}", e.precision, e.name),
            })?;
            r.precision = format::precision_to_u8(precision);
            r.kind = format::KIND_EXTRA;
            let idx = self.push(r);
            self.add_name(idx, &e.name, FLAG_CURATED | FLAG_PRIMARY, true);
            for n in &e.aliases {
                self.add_name(idx, n, FLAG_CURATED | FLAG_PRIMARY, true);
            }
        }
        Ok(())
    }

    fn add_cities(
        &mut self,
        cities: &[sources::City],
        countries: &[sources::Country],
        iso3_of: &HashMap<&str, &str>,
        aliases: &[(String, Vec<String>)],
        type_words: &HashSet<String>,
    ) {
        let capitals = capitals(cities, countries);
        let alias_map: HashMap<&str, &Vec<String>> = aliases.iter().map(|(k, v)| (k.as_str(), v)).collect();
        for c in cities {
            let Some(iso3) = iso3_of.get(c.cc.as_str()).copied() else {
                continue;
            };
            let admin1 = self.admin1_names.get(&format!("{}.{}", c.cc, c.admin1)).copied();
            let mut r = self.record(&c.name, iso3, admin1);
            r.geonameid = c.gid;
            (r.lat, r.lon, r.population) = (c.lat, c.lon, c.population);
            let capital = capitals.binary_search(&c.gid).is_ok();
            r.feature = feature(if capital { "PPLC" } else { "PPL" });
            let idx = self.push(r);
            self.add_name(idx, &c.name, FLAG_PRIMARY, true);
            for n in alias_map
                .get(c.gid.to_string().as_str())
                .into_iter()
                .copied()
                .flatten()
            {
                self.add_name(idx, n, FLAG_CURATED | FLAG_PRIMARY, true);
            }
            // Alternate Latin names go to the skeleton map only: exact Latin keys for every alternate
            // would double the index for little gain in English text.
            let arabic: HashSet<String> = c
                .alts
                .iter()
                .filter(|a| is_arabic(a))
                .map(|a| name_key(a))
                .collect();
            for alt in c.alts.iter().filter(|a| !typed_twin(a, &arabic, type_words)) {
                self.add_name(idx, alt, 0, false);
            }
        }
    }

    fn finish(self) -> Vec<u8> {
        let mut postings: Vec<u32> = Vec::new();
        let exact = fst_section(&self.exact, &mut postings);
        let skel = fst_section(&self.skel, &mut postings);
        let countries = self.countries.iter().flat_map(|i| i.to_le_bytes()).collect();
        let post = postings.iter().flat_map(|i| i.to_le_bytes()).collect();
        format::write_file(&[
            (format::TAG_PLACES, self.records),
            (format::TAG_STRINGS, self.strings),
            (format::TAG_COUNTRIES, countries),
            (format::TAG_EXACT, exact),
            (format::TAG_SKELETON, skel),
            (format::TAG_POSTINGS, post),
        ])
    }
}

/// True when `name` is a place-type noun followed by another name of the same place ("مدينة زنجبار"
/// beside "زنجبار"): indexing it would let the noun glue onto the name and hide the place's namesakes.
fn typed_twin(name: &str, names: &HashSet<String>, type_words: &HashSet<String>) -> bool {
    let key = name_key(name);
    key.split_once(' ')
        .is_some_and(|(noun, rest)| type_words.contains(noun) && names.contains(rest))
}

fn merge(list: &mut BTreeMap<u32, u32>, idx: u32, entry: u32) {
    let e = list.entry(idx).or_insert(entry);
    *e |= entry;
}

/// Writes posting lists into `postings` (identical lists shared) and returns the fst bytes.
fn fst_section(map: &BTreeMap<String, BTreeMap<u32, u32>>, postings: &mut Vec<u32>) -> Vec<u8> {
    let mut seen: HashMap<Vec<u32>, u64> = HashMap::new();
    let mut builder = fst::MapBuilder::memory();
    for (key, list) in map {
        let entries: Vec<u32> = list.values().copied().collect();
        let at = *seen.entry(entries.clone()).or_insert_with(|| {
            let at = postings.len() as u64;
            postings.push(entries.len() as u32);
            postings.extend_from_slice(&entries);
            at
        });
        // Keys come sorted from the BTreeMap and are unique, so insertion cannot fail.
        if builder.insert(key.as_bytes(), at).is_err() {
            continue;
        }
    }
    builder.into_inner().unwrap_or_default()
}

fn capitals(cities: &[sources::City], countries: &[sources::Country]) -> Vec<u32> {
    let mut best: HashMap<&str, (u32, u32)> = HashMap::new();
    let capital_of: HashMap<&str, &str> = countries
        .iter()
        .map(|c| (c.iso2.as_str(), c.capital.as_str()))
        .collect();
    for c in cities {
        if capital_of.get(c.cc.as_str()).is_some_and(|cap| *cap == c.name) {
            let e = best.entry(c.cc.as_str()).or_insert((c.gid, c.population));
            if c.population > e.1 {
                *e = (c.gid, c.population);
            }
        }
    }
    let mut out: Vec<u32> = best.values().map(|v| v.0).collect();
    out.sort_unstable();
    out
}

fn feature(code: &str) -> u8 {
    format::FEATURES.iter().position(|f| *f == code).unwrap_or(0) as u8
}

fn truncate(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_twins_are_left_out() {
        let names: HashSet<String> = ["مدينة زنجبار", "زنجبار"].iter().map(|n| name_key(n)).collect();
        let types: HashSet<String> = ["مدينة", "قرية"].iter().map(|n| name_key(n)).collect();
        assert!(typed_twin("مدينة زنجبار", &names, &types));
        assert!(!typed_twin("زنجبار", &names, &types));
        // A name whose rest is not a name of its own is kept ("مدينة نصر").
        assert!(!typed_twin("مدينة نصر", &names, &types));
    }
}
