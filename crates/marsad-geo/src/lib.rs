//! Marsad's offline gazetteer and context-aware geocoder.
//!
//! The gazetteer is a compact binary index (`data/geo/gazetteer.idx`, built by
//! `cargo run -p xtask -- build-gazetteer` from the GeoNames and CLDR extracts shipped in `data/geo/`
//! and the curated `data/gazetteer-extra.tsv`). [`Gazetteer::find_places`] finds every place mention in
//! an analysed document and resolves it in the document's country context; [`Gazetteer::country`]
//! gives the country-level place for an ISO3 code. See `docs/GEO.md`.

pub mod build;
mod format;
mod index;
mod keys;
mod load;
mod matcher;
mod resolve;
pub mod skeleton;
mod walks;

use format::Record;
use index::{Bytes, Index};
use marsad_model::Place;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

pub use keys::name_key;

/// Why the gazetteer could not be loaded.
#[derive(Debug, Clone, thiserror::Error)]
pub enum GeoError {
    /// The index file could not be opened or read.
    #[error("cannot read gazetteer index {path}: {message}")]
    Io {
        /// The path tried.
        path: String,
        /// The OS error.
        message: String,
    },
    /// The index is not a gazetteer index of a version this build understands.
    #[error("invalid gazetteer index: {0}")]
    Format(String),
    /// A source file for the index builder is malformed.
    #[error("bad gazetteer source {file}: {message}")]
    Source {
        /// The source file.
        file: String,
        /// What is wrong.
        message: String,
    },
}

/// The document's country context: ISO3 codes of the actors and countries mentioned, with weights
/// (higher = more central to the story). Candidates in these countries are preferred; fuzzy
/// (transliteration) matches are only accepted inside them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GeoContext {
    /// `(ISO3, weight)` pairs; weights are relative, typically 0 to 1.
    pub countries: Vec<(String, f32)>,
}

/// One place mention found in a document, resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMatch {
    /// Byte range of the mention in the original text (clitics such as و and ب excluded).
    pub bytes: Range<usize>,
    /// The resolved place; `text` and `span` are the mention's, `confidence` is set.
    pub place: Place,
    /// How many gazetteer candidates the mention had.
    pub candidates: usize,
    /// A short human-readable account of the decision (match kind, gates, scores).
    pub why: String,
}

/// The loaded gazetteer. Cheap to share: [`Gazetteer::global`] loads it once per process.
#[derive(Debug)]
pub struct Gazetteer {
    index: Index,
    path: Option<PathBuf>,
    rules: matcher::Rules,
    /// Identifies this gazetteer in the per-thread walk caches.
    cache_owner: u64,
}

static GLOBAL: OnceLock<Result<Gazetteer, GeoError>> = OnceLock::new();

impl Gazetteer {
    /// Loads the index (see `docs/GEO.md` for where it is looked for).
    pub fn load() -> Result<Self, GeoError> {
        let (bytes, path) = load::map_default()?;
        let mut g = Gazetteer::from_index(Index::new(bytes)?);
        g.path = Some(path);
        Ok(g)
    }

    /// Loads the index at `path` (memory-mapped).
    pub fn load_from(path: &std::path::Path) -> Result<Self, GeoError> {
        let mut g = Gazetteer::from_index(Index::new(load::map(path)?)?);
        g.path = Some(path.to_path_buf());
        Ok(g)
    }

    /// A gazetteer over index bytes held in memory (e.g. fresh from [`build::build_index`]).
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Self, GeoError> {
        Ok(Gazetteer::from_index(Index::new(Bytes::Owned(Arc::new(bytes)))?))
    }

    fn from_index(index: Index) -> Self {
        Gazetteer {
            index,
            path: None,
            rules: matcher::Rules::load(),
            cache_owner: walks::next_owner(),
        }
    }

    /// Where the index was loaded from, when it came from a file.
    pub fn path(&self) -> Option<&std::path::Path> {
        self.path.as_deref()
    }

    /// Number of places in the index.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// True when the index holds no place.
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// The process-wide gazetteer, loaded on first use.
    pub fn global() -> Result<&'static Gazetteer, GeoError> {
        GLOBAL.get_or_init(Gazetteer::load).as_ref().map_err(Clone::clone)
    }

    /// All place mentions in an analysed document, resolved in context.
    pub fn find_places(&self, a: &marsad_text::Analysis<'_>, ctx: &GeoContext) -> Vec<PlaceMatch> {
        let mentions = matcher::find_mentions(self, a);
        resolve::resolve(self, a, ctx, mentions, false)
            .into_iter()
            .map(|(m, _)| m)
            .collect()
    }

    /// Like [`Gazetteer::find_places`], with every mention's scored candidates (for `--explain`).
    pub fn explain_places(
        &self,
        a: &marsad_text::Analysis<'_>,
        ctx: &GeoContext,
    ) -> Vec<(PlaceMatch, Vec<(Place, f32)>)> {
        let mentions = matcher::find_mentions(self, a);
        resolve::resolve(self, a, ctx, mentions, true)
    }

    /// Country lookup by ISO3 (name, centroid) for country-level places.
    pub fn country(&self, iso3: &str) -> Option<Place> {
        let idx = self.index.country_index(iso3)?;
        Some(self.place(idx))
    }

    /// Exact-name lookup (normalised with [`name_key`]): every place carrying that name.
    pub fn lookup(&self, name: &str) -> Vec<Place> {
        let key = name_key(name);
        let Some(at) = self.index.exact.get(key.as_bytes()) else {
            return Vec::new();
        };
        self.index
            .postings(at)
            .iter()
            .map(|p| self.place(p.idx()))
            .collect()
    }

    /// The place of record `idx`, without text or span.
    fn place(&self, idx: u32) -> Place {
        let r = self.index.record(idx).unwrap_or(Record {
            geonameid: 0,
            lat: 0.0,
            lon: 0.0,
            population: 0,
            name: (0, 0),
            country: 0,
            admin1: (0, 0),
            feature: 0,
            precision: 1,
            kind: 0,
        });
        let round = |x: f32| (f64::from(x) * 1e4).round() / 1e4;
        let admin1 = self.index.str_at(r.admin1.0, r.admin1.1);
        Place {
            text: String::new(),
            span: None,
            name: Some(self.index.str_at(r.name.0, r.name.1).to_string()),
            geonameid: (r.geonameid != 0).then_some(u64::from(r.geonameid)),
            lat: Some(round(r.lat)),
            lon: Some(round(r.lon)),
            country: Some(self.index.str_at(r.country, 3).to_string()),
            admin1: (!admin1.is_empty()).then(|| admin1.to_string()),
            feature: format::FEATURES.get(r.feature as usize).map(|f| f.to_string()),
            precision: Some(format::precision_from_u8(r.precision)),
            confidence: None,
        }
    }
}
