//! `marsad export`: stored events as PLOVER JSON, ACLED-style CSV, CAMEO/GDELT TSV, GeoJSON, Parquet or a
//! flat CSV, filtered by date, country and bounding box. Formats are described in `docs/EXPORT.md`.

use anyhow::{Context, bail};
use marsad_store::{BBox, EventFilter, Store};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use marsad_export::{Format, rows};

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
            countries: self.country.iter().map(|c| c.to_uppercase()).collect(),
            bbox: self.bbox,
            categories: self.category.into_iter().collect(),
            limit,
            ..EventFilter::default()
        })
    }
}

/// Arguments of `marsad export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format: plover, acled, cameo, geojson, parquet (needs -o) or csv.
    #[arg(long, short, default_value = "plover", value_parser = format_parser())]
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
    let opts = marsad_export::Options { header: args.header };
    match &args.output {
        Some(p) => {
            let file = std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?;
            let mut out = std::io::BufWriter::new(file);
            marsad_export::write(args.format, &rows, opts, &mut out)?;
            out.flush()
                .with_context(|| format!("cannot write {}", p.display()))?;
        }
        None => {
            let mut out = std::io::BufWriter::new(std::io::stdout());
            marsad_export::write(args.format, &rows, opts, &mut out)?;
            out.flush().context("cannot write the output")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Accepts the exporters' own format names, listed in `--help`.
fn format_parser() -> impl clap::builder::TypedValueParser<Value = Format> {
    use clap::builder::TypedValueParser;
    let names: Vec<&'static str> = Format::ALL.iter().map(|f| f.as_str()).collect();
    clap::builder::PossibleValuesParser::new(names).try_map(|name| name.parse::<Format>())
}
