//! `marsad export`: stored events as PLOVER JSON, ACLED-style CSV, CAMEO/GDELT TSV, GeoJSON, Parquet or a
//! flat CSV, filtered by date, country and bounding box. Formats are described in `docs/EXPORT.md`.

mod acled;
mod cameo;
mod common;
mod flat;
mod geojson;
mod parquet;
mod plover;

use anyhow::{Context, bail};
use marsad_store::{BBox, EventFilter, Store};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use common::rows;

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// PLOVER JSON (an array of event records).
    Plover,
    /// ACLED-style CSV, one row per event location.
    Acled,
    /// CAMEO codes in GDELT 2.0's tab-separated column order.
    Cameo,
    /// A GeoJSON FeatureCollection of event places.
    Geojson,
    /// Parquet (needs -o).
    Parquet,
    /// A flat CSV of Marsad's own fields.
    Csv,
}

/// Filters shared by `export` and `query`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct FilterArgs {
    /// Events on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Events on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Events with this ISO 3166-1 alpha-3 code on a place or either side.
    #[arg(long, value_name = "ISO3")]
    pub country: Option<String>,
    /// Events with a place inside minlon,minlat,maxlon,maxlat.
    #[arg(long, value_name = "BBOX", allow_hyphen_values = true)]
    pub bbox: Option<BBox>,
    /// Only this PLOVER category (ASSAULT, PROTEST…).
    #[arg(long, value_name = "CATEGORY")]
    pub category: Option<marsad_model::Category>,
}

impl FilterArgs {
    /// The store filter, validated.
    pub fn filter(&self, limit: Option<usize>) -> anyhow::Result<EventFilter> {
        for d in [&self.since, &self.until].into_iter().flatten() {
            if d.parse::<jiff::civil::Date>().is_err() {
                bail!("{d:?}: expected a date as YYYY-MM-DD");
            }
        }
        if let Some(c) = &self.country
            && (c.len() != 3 || !c.chars().all(|ch| ch.is_ascii_alphabetic()))
        {
            bail!("--country {c:?}: expected an ISO 3166-1 alpha-3 code such as YEM");
        }
        Ok(EventFilter {
            since: self.since.clone(),
            until: self.until.clone(),
            country: self.country.as_ref().map(|c| c.to_uppercase()),
            bbox: self.bbox,
            category: self.category,
            doc_id: None,
            limit,
        })
    }
}

/// Arguments of `marsad export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, short, value_enum, default_value = "plover")]
    format: Format,
    #[command(flatten)]
    filter: FilterArgs,
    /// The database.
    #[arg(long, default_value = marsad_store::DEFAULT_DB)]
    db: PathBuf,
    /// Write to this file instead of standard output (required for parquet).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// CAMEO only: write GDELT's column names as a first line.
    #[arg(long)]
    header: bool,
}

/// Runs `marsad export`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let filter = args.filter.filter(None)?;
    if args.format == Format::Parquet && args.output.is_none() {
        bail!("--format parquet needs -o FILE");
    }
    if !args.db.exists() {
        bail!("no database at {} (run `marsad ingest` first)", args.db.display());
    }
    let store = super::ingest::open_store(&args.db)?;
    let events = store.events(&filter).context("cannot read events")?;
    let fused = store.fused_events(&filter).context("cannot read fused events")?;
    let rows = rows(&events, &fused);
    if let (Format::Parquet, Some(path)) = (args.format, &args.output) {
        let file =
            std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
        parquet::write(&rows, file)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    match args.format {
        Format::Plover => plover::write(&rows, &mut out)?,
        Format::Acled => acled::write(&rows, &mut out)?,
        Format::Cameo => cameo::write(&rows, args.header, &mut out)?,
        Format::Geojson => geojson::write(&rows, &mut out)?,
        Format::Csv => flat::write(&rows, &mut out)?,
        Format::Parquet => {}
    }
    out.flush().context("cannot write the output")?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    #[test]
    fn column_counts() {
        assert_eq!(super::cameo::HEADER.len(), 61);
        assert_eq!(super::acled::HEADER.len(), 31);
        assert!(
            super::common::COUNTRIES
                .get("ARM")
                .is_some_and(|c| c.numeric == 51)
        );
        assert_eq!(super::flat::HEADER[18], "lat");
        assert_eq!(super::flat::HEADER[27], "confidence");
    }
}
