//! Read access to a gazetteer index held in memory (mapped or owned bytes).

use crate::GeoError;
use crate::format::{self, Record, Section};
use std::ops::Range;
use std::sync::Arc;

/// The bytes of an index file: memory-mapped or read.
#[derive(Debug, Clone)]
pub enum Bytes {
    /// A read-only memory map.
    Mapped(Arc<memmap2::Mmap>),
    /// Bytes owned in memory (read from disk, or built in a test).
    Owned(Arc<Vec<u8>>),
}

impl AsRef<[u8]> for Bytes {
    fn as_ref(&self) -> &[u8] {
        match self {
            Bytes::Mapped(m) => m.as_ref(),
            Bytes::Owned(v) => v.as_slice(),
        }
    }
}

/// A sub-range of [`Bytes`], so `fst::Map` can borrow a section without copying.
#[derive(Debug, Clone)]
pub struct Slice {
    bytes: Bytes,
    range: Range<usize>,
}

impl AsRef<[u8]> for Slice {
    fn as_ref(&self) -> &[u8] {
        &self.bytes.as_ref()[self.range.clone()]
    }
}

/// A decoded view of the index.
#[derive(Debug)]
pub struct Index {
    bytes: Bytes,
    places: Range<usize>,
    strings: Range<usize>,
    postings: Range<usize>,
    /// Record indices of the countries, by ISO3.
    pub countries: Vec<([u8; 3], u32)>,
    /// Every record index of the country table, sorted: the records of kind country (the builder
    /// writes each country record there), told apart without reading the record.
    country_records: Vec<u32>,
    /// Normalised name → postings.
    pub exact: fst::Map<Slice>,
    /// Skeleton → postings.
    pub skel: fst::Map<Slice>,
}

impl Index {
    /// Opens an index over `bytes`, checking its header and sections.
    pub fn new(bytes: Bytes) -> Result<Index, GeoError> {
        let sections = format::read_sections(bytes.as_ref())?;
        let find = |tag: u32| -> Result<Range<usize>, GeoError> {
            sections
                .iter()
                .find(|s: &&Section| s.tag == tag)
                .map(|s| s.offset as usize..(s.offset + s.len) as usize)
                .ok_or_else(|| GeoError::Format(format!("missing section {:?}", tag.to_le_bytes())))
        };
        let fst_map = |range: Range<usize>| {
            fst::Map::new(Slice {
                bytes: bytes.clone(),
                range,
            })
            .map_err(|e| GeoError::Format(format!("bad name map: {e}")))
        };
        let mut index = Index {
            places: find(format::TAG_PLACES)?,
            strings: find(format::TAG_STRINGS)?,
            postings: find(format::TAG_POSTINGS)?,
            countries: Vec::new(),
            country_records: Vec::new(),
            exact: fst_map(find(format::TAG_EXACT)?)?,
            skel: fst_map(find(format::TAG_SKELETON)?)?,
            bytes: bytes.clone(),
        };
        let c = find(format::TAG_COUNTRIES)?;
        for at in c.clone().step_by(4) {
            let idx =
                format::u32_at(bytes.as_ref(), at).ok_or_else(|| GeoError::Format("country table".into()))?;
            let rec = index
                .record(idx)
                .ok_or_else(|| GeoError::Format("country record".into()))?;
            index.country_records.push(idx);
            let iso = index.str_at(rec.country, 3).as_bytes();
            if let [a, b, c] = *iso {
                index.countries.push(([a, b, c], idx));
            }
        }
        index.countries.sort_unstable();
        index.country_records.sort_unstable();
        Ok(index)
    }

    /// Number of place records.
    pub fn len(&self) -> usize {
        self.places.len() / format::RECORD_LEN
    }

    /// True when the index holds no place.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The record at `idx`.
    pub fn record(&self, idx: u32) -> Option<Record> {
        let at = self.places.start + idx as usize * format::RECORD_LEN;
        if at + format::RECORD_LEN > self.places.end {
            return None;
        }
        Record::decode(&self.bytes.as_ref()[at..])
    }

    /// The bytes of record `idx`, when in range.
    fn record_bytes(&self, idx: u32) -> Option<&[u8]> {
        let at = self.places.start + idx as usize * format::RECORD_LEN;
        if at + format::RECORD_LEN > self.places.end {
            return None;
        }
        self.bytes.as_ref().get(at..at + format::RECORD_LEN)
    }

    /// The country field (ISO3 offset in `STRS`) of record `idx`, without decoding the rest.
    pub fn country_field(&self, idx: u32) -> Option<u32> {
        format::u32_at(self.record_bytes(idx)?, format::COUNTRY_AT)
    }

    /// The ISO3 of record `idx` when that record is a country. Other records are recognised from
    /// the country table without touching their bytes (posting lists can be long).
    pub fn country_iso_of(&self, idx: u32) -> Option<&str> {
        self.country_records.binary_search(&idx).ok()?;
        let b = self.record_bytes(idx)?;
        (b.get(format::KIND_AT) == Some(&format::KIND_COUNTRY))
            .then(|| format::u32_at(b, format::COUNTRY_AT))
            .flatten()
            .map(|c| self.str_at(c, 3))
    }

    /// The string at `offset` with `len` bytes (empty when out of range or not UTF-8).
    pub fn str_at(&self, offset: u32, len: u16) -> &str {
        let s = self.strings.start + offset as usize;
        let e = s + len as usize;
        if e > self.strings.end {
            return "";
        }
        std::str::from_utf8(&self.bytes.as_ref()[s..e]).unwrap_or("")
    }

    /// The posting list at `offset` (in `u32` units): `(record index, flags)` pairs.
    pub fn postings(&self, offset: u64) -> Vec<(u32, u32)> {
        let b = self.bytes.as_ref();
        let base = self.postings.start + offset as usize * 4;
        let n = format::u32_at(b, base).unwrap_or(0) as usize;
        (0..n)
            .filter_map(|i| {
                let at = base + 4 + 4 * i;
                (at + 4 <= self.postings.end).then_some(())?;
                let e = format::u32_at(b, at)?;
                Some((e & format::INDEX_MASK, e & !format::INDEX_MASK))
            })
            .collect()
    }

    /// Record index of the country with this ISO3 code.
    pub fn country_index(&self, iso3: &str) -> Option<u32> {
        let key: [u8; 3] = iso3.as_bytes().try_into().ok()?;
        let key = key.map(|c| c.to_ascii_uppercase());
        self.countries
            .binary_search_by(|(k, _)| k.cmp(&key))
            .ok()
            .map(|i| self.countries[i].1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`Index::country_iso_of`] relies on the country table listing exactly the country records.
    #[test]
    fn country_table_lists_exactly_the_country_records() {
        let (bytes, _) = crate::load::map_default().expect("the shipped index loads");
        let index = Index::new(bytes).expect("valid index");
        let mut n = 0;
        for idx in 0..index.len() as u32 {
            let rec = index.record(idx).expect("record in range");
            let listed = index.country_records.binary_search(&idx).is_ok();
            assert_eq!(rec.kind == format::KIND_COUNTRY, listed, "record {idx}");
            assert_eq!(index.country_iso_of(idx).is_some(), listed, "record {idx}");
            n += usize::from(listed);
        }
        assert!(n > 200, "{n} countries");
    }
}
