//! Read access to a gazetteer index held in memory (mapped or owned bytes).

use crate::GeoError;
use crate::format::{self, Posting, Record, Section};
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
    /// Record indices of the countries, sorted by ISO3; the position is the country number that
    /// posting entries carry.
    pub countries: Vec<([u8; 3], u32)>,
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
            let iso = index.str_at(rec.country, 3).as_bytes();
            let [a, b, c] = *iso else {
                return Err(GeoError::Format("country record without an ISO3 code".into()));
            };
            index.countries.push(([a, b, c], idx));
        }
        if !index.countries.is_sorted() || index.countries.len() >= usize::from(format::NO_COUNTRY) {
            return Err(GeoError::Format("country table not sorted by ISO3".into()));
        }
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

    /// The ISO3 code of country number `no` (see [`Posting::country`]).
    pub fn country_iso(&self, no: u8) -> Option<&str> {
        let (iso, _) = self.countries.get(usize::from(no))?;
        std::str::from_utf8(iso).ok()
    }

    /// The country number of an ISO3 code (upper case).
    pub fn country_number(&self, iso3: &str) -> Option<u8> {
        let key: [u8; 3] = iso3.as_bytes().try_into().ok()?;
        let i = self.countries.binary_search_by(|(k, _)| k.cmp(&key)).ok()?;
        u8::try_from(i).ok()
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

    /// The posting list at `offset` (in `u32` units), best candidates first.
    pub fn postings(&self, offset: u64) -> Postings<'_> {
        let b = &self.bytes.as_ref()[self.postings.clone()];
        let base = usize::try_from(offset).unwrap_or(usize::MAX).saturating_mul(4);
        let n = format::u32_at(b, base).unwrap_or(0) as usize;
        let start = base.saturating_add(4).min(b.len());
        let end = start.saturating_add(n.saturating_mul(4)).min(b.len());
        Postings(&b[start..end])
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

/// A posting list, borrowed from the index.
#[derive(Debug, Clone, Copy)]
pub struct Postings<'a>(&'a [u8]);

impl<'a> Postings<'a> {
    /// The entries, best first.
    pub fn iter(&self) -> impl Iterator<Item = Posting> + 'a {
        self.0
            .chunks_exact(4)
            .map(|c| Posting(u32::from_le_bytes([c[0], c[1], c[2], c[3]])))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every posting entry carries its record's country number and the country flag, and lists are
    /// ordered best first (the resolver keeps the head of long lists and scans none of their records).
    #[test]
    fn postings_carry_country_numbers_and_come_ranked() {
        use fst::Streamer;
        let (bytes, _) = crate::load::map_default().expect("the shipped index loads");
        let index = Index::new(bytes).expect("valid index");
        let mut checked = 0;
        for map in [&index.exact, &index.skel] {
            let mut stream = map.stream();
            while let Some((_, at)) = stream.next() {
                let mut last = i32::MAX;
                for p in index.postings(at).iter() {
                    let rec = index.record(p.idx()).expect("record in range");
                    let iso = index.str_at(rec.country, 3);
                    match index.country_iso(p.country()) {
                        Some(c) => assert_eq!(c, iso, "record {}", p.idx()),
                        None => assert!(index.country_number(iso).is_none(), "record {}", p.idx()),
                    }
                    let flagged = p.flags() & format::FLAG_COUNTRY != 0;
                    assert_eq!(rec.kind == format::KIND_COUNTRY, flagged, "record {}", p.idx());
                    let rank = format::rank(p.flags(), &rec);
                    assert!(rank <= last, "list at {at} not ranked");
                    last = rank;
                    checked += 1;
                }
            }
        }
        assert!(checked > 100_000, "{checked} postings");
        assert!(index.countries.len() > 200);
    }
}
