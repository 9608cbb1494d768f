//! Marsad's export formats, shared by `marsad export` and `GET /v1/events?format=`: one code path.
//!
//! [`rows`] pairs stored events with their fused events; [`write`] writes them in a [`Format`]:
//! PLOVER JSON, ACLED-style CSV, CAMEO codes in GDELT's column order, GeoJSON, Parquet, or a flat CSV of
//! Marsad's own fields. The formats are described in `docs/EXPORT.md`.

mod acled;
mod cameo;
mod common;
mod flat;
mod geojson;
mod parquet;
mod plover;

pub use common::{COUNTRIES, Country, Row, rows};

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// Writing the output failed.
    #[error("cannot write the export: {0}")]
    Io(#[from] std::io::Error),
    /// A value cannot be written as JSON.
    #[error("cannot write JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The CSV writer failed.
    #[error("cannot write CSV: {0}")]
    Csv(#[from] csv::Error),
    /// Building the Arrow columns failed.
    #[error("cannot build the Parquet columns: {0}")]
    Arrow(#[from] arrow::error::ArrowError),
    /// The Parquet writer failed.
    #[error("cannot write Parquet: {0}")]
    Parquet(#[from] ::parquet::errors::ParquetError),
}

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// PLOVER JSON: an array of event records.
    Plover,
    /// ACLED-style CSV, one row per event location.
    Acled,
    /// CAMEO codes in GDELT 2.0's tab-separated column order.
    Cameo,
    /// A GeoJSON FeatureCollection of event places.
    Geojson,
    /// Parquet: the flat CSV's columns, binary.
    Parquet,
    /// A flat CSV of Marsad's own fields.
    Csv,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 6] = [
        Format::Plover,
        Format::Acled,
        Format::Cameo,
        Format::Geojson,
        Format::Parquet,
        Format::Csv,
    ];

    /// The format's name (`plover`, `acled`…), as `FromStr` takes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Plover => "plover",
            Format::Acled => "acled",
            Format::Cameo => "cameo",
            Format::Geojson => "geojson",
            Format::Parquet => "parquet",
            Format::Csv => "csv",
        }
    }

    /// The media type of the output.
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Plover => "application/json",
            Format::Acled | Format::Csv => "text/csv; charset=utf-8",
            Format::Cameo => "text/tab-separated-values; charset=utf-8",
            Format::Geojson => "application/geo+json",
            Format::Parquet => "application/vnd.apache.parquet",
        }
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Plover => "json",
            Format::Acled | Format::Csv => "csv",
            Format::Cameo => "tsv",
            Format::Geojson => "geojson",
            Format::Parquet => "parquet",
        }
    }

    /// True for binary output (Parquet).
    pub fn is_binary(self) -> bool {
        self == Format::Parquet
    }
}

impl std::str::FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        Format::ALL
            .into_iter()
            .find(|f| f.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| format!("unknown export format {s:?}"))
    }
}

/// How [`write`] writes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// CAMEO only: GDELT's column names as a first line.
    pub header: bool,
}

/// Writes `rows` in `format` to `out`.
pub fn write(
    format: Format,
    rows: &[Row<'_>],
    opts: Options,
    out: impl std::io::Write + Send,
) -> Result<(), ExportError> {
    match format {
        Format::Plover => plover::write(rows, out),
        Format::Acled => acled::write(rows, out),
        Format::Cameo => cameo::write(rows, opts.header, out),
        Format::Geojson => geojson::write(rows, out),
        Format::Parquet => parquet::write(rows, out),
        Format::Csv => flat::write(rows, out),
    }
}

/// `rows` in `format`, in memory.
pub fn to_bytes(format: Format, rows: &[Row<'_>], opts: Options) -> Result<Vec<u8>, ExportError> {
    let mut out = Vec::new();
    write(format, rows, opts, &mut out)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_counts() {
        assert_eq!(cameo::HEADER.len(), 61);
        assert_eq!(acled::HEADER.len(), 31);
        assert!(COUNTRIES.get("ARM").is_some_and(|c| c.numeric == 51));
        assert_eq!(flat::HEADER[18], "lat");
        assert_eq!(flat::HEADER[27], "confidence");
    }

    #[test]
    fn names_round_trip() {
        for f in Format::ALL {
            assert_eq!(f.as_str().parse::<Format>(), Ok(f));
        }
        assert!("xml".parse::<Format>().is_err());
    }
}
