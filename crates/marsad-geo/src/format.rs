//! The binary layout of the gazetteer index (version [`VERSION`]).
//!
//! ```text
//! magic "MRSDGAZ\0" | version u32 | section count u32 | (tag u32, offset u32, len u32)*  | sections…
//! ```
//! All integers are little-endian. Sections:
//! - `PLAC`: fixed [`RECORD_LEN`]-byte place records (see [`Record`]);
//! - `STRS`: UTF-8 string blob the records point into;
//! - `CTRY`: one `u32` record index per country, sorted by ISO3 (the ISO3 is in `STRS` via the record);
//!   a country's position in this table is its *country number*;
//! - `EXAC`: `fst::Map` from normalised name key to an offset in `POST`;
//! - `SKEL`: `fst::Map` from transliteration skeleton to an offset in `POST`;
//! - `POST`: `u32` posting lists: a count, then that many entries (see [`Posting`]), best first: by
//!   the candidate's static score (curated, main name, country, capital, population; [`rank`]), then
//!   by record index. A reader can keep the first few entries and know they are the strongest.

use crate::GeoError;
use marsad_model::Precision;

/// File magic.
pub const MAGIC: &[u8; 8] = b"MRSDGAZ\0";
/// Format version; bump on any layout change.
pub const VERSION: u32 = 2;
/// Size of one place record.
pub const RECORD_LEN: usize = 36;
/// Section tags.
pub const TAG_PLACES: u32 = u32::from_le_bytes(*b"PLAC");
/// String blob.
pub const TAG_STRINGS: u32 = u32::from_le_bytes(*b"STRS");
/// Country index.
pub const TAG_COUNTRIES: u32 = u32::from_le_bytes(*b"CTRY");
/// Exact-name map.
pub const TAG_EXACT: u32 = u32::from_le_bytes(*b"EXAC");
/// Skeleton map.
pub const TAG_SKELETON: u32 = u32::from_le_bytes(*b"SKEL");
/// Posting lists.
pub const TAG_POSTINGS: u32 = u32::from_le_bytes(*b"POST");

/// Posting flag: the name comes from a curated Marsad list (extras, country or admin1 aliases).
pub const FLAG_CURATED: u32 = 1 << 31;
/// Posting flag: the name is the place's main name (GeoNames name, CLDR name).
pub const FLAG_PRIMARY: u32 = 1 << 30;
/// Posting flag: the record is a country.
pub const FLAG_COUNTRY: u32 = 1 << 29;
/// Mask of the record index in a posting entry (at most 2,097,152 records).
pub const INDEX_MASK: u32 = (1 << 21) - 1;
/// Shift of the country number (the record's position in `CTRY`) in a posting entry.
pub const COUNTRY_SHIFT: u32 = 21;
/// Country number of a record whose ISO3 is not in the country table.
pub const NO_COUNTRY: u8 = u8::MAX;

/// One posting entry: `record index (bits 0-20) | country number (21-28) | flags (29-31)`.
///
/// The country number and the country flag let the matcher and resolver filter and vote on long
/// posting lists without reading a single record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Posting(pub u32);

impl Posting {
    /// Packs an entry.
    pub fn new(idx: u32, country: u8, flags: u32) -> Posting {
        Posting((idx & INDEX_MASK) | (u32::from(country) << COUNTRY_SHIFT) | flags)
    }

    /// The record index.
    pub fn idx(self) -> u32 {
        self.0 & INDEX_MASK
    }

    /// The record's country number ([`NO_COUNTRY`] when not in the table).
    pub fn country(self) -> u8 {
        (self.0 >> COUNTRY_SHIFT) as u8
    }

    /// The `FLAG_*` bits.
    pub fn flags(self) -> u32 {
        self.0 & (FLAG_CURATED | FLAG_PRIMARY | FLAG_COUNTRY)
    }
}

/// The static part of a candidate's score, in thousandths, that posting lists are ordered by (higher
/// first): curated name 0.4, main name 0.2, country 0.6, capital 0.4, 0.12 × log10(population + 1).
/// These are the context-free terms of the resolver's score.
pub fn rank(flags: u32, r: &Record) -> i32 {
    let mut s = 0.0f64;
    if flags & FLAG_CURATED != 0 {
        s += 0.4;
    }
    if flags & FLAG_PRIMARY != 0 {
        s += 0.2;
    }
    if r.kind == KIND_COUNTRY {
        s += 0.6;
    }
    if FEATURES.get(r.feature as usize) == Some(&"PPLC") {
        s += 0.4;
    }
    s += 0.12 * (f64::from(r.population) + 1.0).log10();
    (s * 1000.0).round() as i32
}

/// Feature codes a record can carry (index = stored byte).
pub const FEATURES: &[&str] = &[
    "PPL", "PPLC", "PPLA", "ADM1", "ADM2", "PCLI", "RGN", "LK", "AREA", "BDR", "PPLX", "MILB", "PRT",
];

/// Byte offset of the country field in a record.
pub const COUNTRY_AT: usize = 24;
/// Byte offset of the kind byte in a record.
pub const KIND_AT: usize = 34;

/// Record kinds.
pub const KIND_CITY: u8 = 0;
/// A country.
pub const KIND_COUNTRY: u8 = 1;
/// A first-level division.
pub const KIND_ADMIN1: u8 = 2;
/// A curated extra place.
pub const KIND_EXTRA: u8 = 3;

/// One decoded place record.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Record {
    /// GeoNames id, 0 when none.
    pub geonameid: u32,
    /// Latitude.
    pub lat: f32,
    /// Longitude.
    pub lon: f32,
    /// Population, 0 when unknown.
    pub population: u32,
    /// English name: offset and length in `STRS`.
    pub name: (u32, u16),
    /// ISO3 of the country: offset in `STRS` (3 bytes).
    pub country: u32,
    /// Admin1 name: offset and length in `STRS` (length 0 when none).
    pub admin1: (u32, u16),
    /// Index into [`FEATURES`].
    pub feature: u8,
    /// [`precision_to_u8`] code.
    pub precision: u8,
    /// One of the `KIND_*` constants.
    pub kind: u8,
}

impl Record {
    /// Encodes into exactly [`RECORD_LEN`] bytes.
    pub fn encode(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.geonameid.to_le_bytes());
        out.extend_from_slice(&self.lat.to_le_bytes());
        out.extend_from_slice(&self.lon.to_le_bytes());
        out.extend_from_slice(&self.population.to_le_bytes());
        out.extend_from_slice(&self.name.0.to_le_bytes());
        out.extend_from_slice(&self.name.1.to_le_bytes());
        out.extend_from_slice(&self.admin1.1.to_le_bytes());
        out.extend_from_slice(&self.country.to_le_bytes());
        out.extend_from_slice(&self.admin1.0.to_le_bytes());
        out.extend_from_slice(&[self.feature, self.precision, self.kind, 0]);
    }

    /// Decodes a record; `b` must hold at least [`RECORD_LEN`] bytes.
    pub fn decode(b: &[u8]) -> Option<Record> {
        let b = b.get(..RECORD_LEN)?;
        Some(Record {
            geonameid: u32_at(b, 0)?,
            lat: f32::from_bits(u32_at(b, 4)?),
            lon: f32::from_bits(u32_at(b, 8)?),
            population: u32_at(b, 12)?,
            name: (u32_at(b, 16)?, u16_at(b, 20)?),
            admin1: (u32_at(b, 28)?, u16_at(b, 22)?),
            country: u32_at(b, COUNTRY_AT)?,
            feature: b[32],
            precision: b[33],
            kind: b[KIND_AT],
        })
    }
}

/// Reads a little-endian `u32` at `at`.
pub fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at + 4)?;
    Some(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    let s = b.get(at..at + 2)?;
    Some(u16::from_le_bytes([s[0], s[1]]))
}

/// Stored code of a precision.
pub fn precision_to_u8(p: Precision) -> u8 {
    match p {
        Precision::Exact => 0,
        Precision::Town => 1,
        Precision::Admin2 => 2,
        Precision::Admin1 => 3,
        Precision::Country => 4,
        Precision::Region => 5,
    }
}

/// Precision of a stored code.
pub fn precision_from_u8(c: u8) -> Precision {
    match c {
        0 => Precision::Exact,
        2 => Precision::Admin2,
        3 => Precision::Admin1,
        4 => Precision::Country,
        5 => Precision::Region,
        _ => Precision::Town,
    }
}

/// Parses a precision name as written in the TSV sources.
pub fn parse_precision(s: &str) -> Option<Precision> {
    Some(match s {
        "exact" => Precision::Exact,
        "town" => Precision::Town,
        "admin2" => Precision::Admin2,
        "admin1" => Precision::Admin1,
        "country" => Precision::Country,
        "region" => Precision::Region,
        _ => return None,
    })
}

/// A section table entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
    /// Tag.
    pub tag: u32,
    /// Byte offset from the start of the file.
    pub offset: u32,
    /// Byte length.
    pub len: u32,
}

/// Serialises sections behind the header. Sections are 8-byte aligned.
pub fn write_file(sections: &[(u32, Vec<u8>)]) -> Vec<u8> {
    let header_len = 16 + 12 * sections.len();
    let mut table = Vec::new();
    let mut body = Vec::new();
    let mut offset = align8(header_len);
    for (tag, bytes) in sections {
        table.push(Section {
            tag: *tag,
            offset: offset as u32,
            len: bytes.len() as u32,
        });
        body.extend_from_slice(bytes);
        let padded = align8(bytes.len());
        body.resize(body.len() + padded - bytes.len(), 0);
        offset += padded;
    }
    let mut out = Vec::with_capacity(offset);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&(sections.len() as u32).to_le_bytes());
    for s in &table {
        out.extend_from_slice(&s.tag.to_le_bytes());
        out.extend_from_slice(&s.offset.to_le_bytes());
        out.extend_from_slice(&s.len.to_le_bytes());
    }
    out.resize(align8(header_len), 0);
    out.extend_from_slice(&body);
    out
}

fn align8(n: usize) -> usize {
    n.div_ceil(8) * 8
}

/// Reads and checks the header; returns the section table.
pub fn read_sections(b: &[u8]) -> Result<Vec<Section>, GeoError> {
    let bad = |m: &str| GeoError::Format(m.to_string());
    if b.get(..8) != Some(MAGIC.as_slice()) {
        return Err(bad("bad magic (not a Marsad gazetteer index)"));
    }
    let version = u32_at(b, 8).ok_or_else(|| bad("truncated header"))?;
    if version != VERSION {
        return Err(GeoError::Format(format!(
            "index version {version}, this build reads {VERSION}: rebuild with `cargo run -p xtask -- build-gazetteer`"
        )));
    }
    let n = u32_at(b, 12).ok_or_else(|| bad("truncated header"))? as usize;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let at = 16 + 12 * i;
        let s = Section {
            tag: u32_at(b, at).ok_or_else(|| bad("truncated section table"))?,
            offset: u32_at(b, at + 4).ok_or_else(|| bad("truncated section table"))?,
            len: u32_at(b, at + 8).ok_or_else(|| bad("truncated section table"))?,
        };
        if (s.offset as usize + s.len as usize) > b.len() {
            return Err(bad("section past end of file"));
        }
        out.push(s);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_round_trips() {
        let r = Record {
            geonameid: 616599,
            lat: 39.5075,
            lon: 46.3386,
            population: 20000,
            name: (12, 5),
            country: 40,
            admin1: (70, 6),
            feature: 2,
            precision: 1,
            kind: KIND_CITY,
        };
        let mut b = Vec::new();
        r.encode(&mut b);
        assert_eq!(b.len(), RECORD_LEN);
        assert_eq!(Record::decode(&b), Some(r));
    }

    #[test]
    fn file_round_trips_sections() {
        let f = write_file(&[(TAG_STRINGS, b"abc".to_vec()), (TAG_POSTINGS, vec![1; 9])]);
        let s = read_sections(&f).expect("valid file");
        assert_eq!(s.len(), 2);
        assert_eq!(&f[s[0].offset as usize..][..3], b"abc");
        assert_eq!(s[1].len, 9);
        assert!(read_sections(b"nonsense").is_err());
    }
}
