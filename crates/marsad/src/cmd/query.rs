//! `marsad query`: quick looks at the store as terminal tables — recent events (with export's filters),
//! fused events, ceasefires with their violation counts, or a full-text search.

use super::export::FilterArgs;
use anyhow::{Context, bail};
use marsad_store::Store;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `marsad query`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    filter: FilterArgs,
    /// The database.
    #[arg(long, default_value = marsad_store::DEFAULT_DB)]
    db: PathBuf,
    /// At most this many rows.
    #[arg(long, short = 'n', default_value_t = 20)]
    limit: usize,
    /// List ceasefires with their violation counts.
    #[arg(long)]
    ceasefires: bool,
    /// List fused events (reports of one real event), contested ones marked.
    #[arg(long)]
    fused: bool,
    /// Full-text search over document titles and texts (FTS5 syntax).
    #[arg(long, value_name = "QUERY")]
    search: Option<String>,
}

/// Runs `marsad query`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if !args.db.exists() {
        bail!("no database at {} (run `marsad ingest` first)", args.db.display());
    }
    let store = super::ingest::open_store(&args.db)?;
    let filter = args.filter.filter(Some(args.limit))?;
    if args.ceasefires {
        print_ceasefires(&store, args.limit)?;
    } else if args.fused {
        print_fused(&store, &filter)?;
    } else if let Some(q) = &args.search {
        for h in store.search(q, args.limit).context("search failed")? {
            println!(
                "{}\t{}\t{}\n\t{}",
                h.published.unwrap_or_default(),
                h.id,
                h.title.unwrap_or_default(),
                h.snippet
            );
        }
    } else {
        print_events(&store, &filter)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Cuts `s` to `n` characters, marking the cut.
pub fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_string();
    }
    let mut out: String = s.chars().take(n.saturating_sub(1)).collect();
    out.push('…');
    out
}

fn print_events(store: &dyn Store, filter: &marsad_store::EventFilter) -> anyhow::Result<()> {
    let events = store.events(filter).context("cannot read events")?;
    println!(
        "{:<10}  {:<9}  {:<22}  {:<22}  {:<18}  {:>7}  {:<16}  id",
        "date", "event", "actor", "recipient", "place", "dead", "claim_by"
    );
    for s in &events {
        let e = &s.event;
        let side = |l: &[marsad_model::Entity]| {
            cut(
                &l.iter()
                    .map(|x| format!("{}:{}", x.country.as_deref().unwrap_or("?"), x.text))
                    .collect::<Vec<_>>()
                    .join(", "),
                22,
            )
        };
        let place = e
            .places
            .iter()
            .map(|p| p.name.clone().unwrap_or_else(|| p.text.clone()))
            .collect::<Vec<_>>()
            .join(", ");
        let dead = match e.dead {
            Some(marsad_model::Count::Number(n)) => n.to_string(),
            Some(_) => "unknown".into(),
            None => String::new(),
        };
        let claim = e
            .claim_by
            .as_ref()
            .map(|c| format!("{}:{}", c.country.as_deref().unwrap_or("?"), c.text))
            .unwrap_or_default();
        let fused = if s.fused_id.is_some() { " [fused]" } else { "" };
        println!(
            "{:<10}  {:<9}  {:<22}  {:<22}  {:<18}  {:>7}  {:<16}  {}{fused}",
            e.date.as_deref().unwrap_or("-"),
            e.event.as_str(),
            side(&e.actor),
            side(&e.recipient),
            cut(&place, 18),
            dead,
            cut(&claim, 16),
            e.id
        );
    }
    eprintln!("{} events", events.len());
    Ok(())
}

fn print_fused(store: &dyn Store, filter: &marsad_store::EventFilter) -> anyhow::Result<()> {
    let fused = store.fused_events(filter).context("cannot read fused events")?;
    for f in &fused {
        let disputes: Vec<String> = f
            .disputes
            .iter()
            .map(|d| format!("{d:?}").to_lowercase())
            .collect();
        let mark = if f.contested {
            format!("CONTESTED ({})", disputes.join(", "))
        } else {
            String::new()
        };
        println!(
            "{}  {}  {}  {}  {mark}",
            f.date.as_deref().unwrap_or("-"),
            f.event,
            f.countries.join("/"),
            f.id
        );
        for c in &f.claims {
            let by = c
                .claim_by
                .as_ref()
                .map(|b| format!("{}:{}", b.country.as_deref().unwrap_or("?"), b.text));
            let dead = match c.dead {
                Some(marsad_model::Count::Number(n)) => format!(", {n} dead"),
                Some(_) => ", casualties without figures".into(),
                None => String::new(),
            };
            println!(
                "    - {} per {}{dead}: {}",
                c.event_id,
                by.unwrap_or_else(|| "the article".into()),
                cut(&c.evidence, 70)
            );
        }
    }
    eprintln!("{} fused events", fused.len());
    Ok(())
}

fn print_ceasefires(store: &dyn Store, limit: usize) -> anyhow::Result<()> {
    let list = store.ceasefires().context("cannot read ceasefires")?;
    println!(
        "{:<10}  {:<6}  {:<22}  {:>7}  {:>8}  {:>8}  id",
        "date", "time", "parties", "start", "certain", "possible"
    );
    for c in list.iter().take(limit) {
        let n = |k: marsad_fuse::Certainty| c.violations.iter().filter(|v| v.certainty == k).count();
        let start = c
            .start_utc
            .as_deref()
            .and_then(|s| s.get(11..16))
            .map(|s| format!("{s}Z"))
            .unwrap_or_default();
        println!(
            "{:<10}  {:<6}  {:<22}  {:>7}  {:>8}  {:>8}  {}",
            c.date,
            c.time.as_deref().unwrap_or(""),
            c.parties.join("/"),
            start,
            n(marsad_fuse::Certainty::Certain),
            n(marsad_fuse::Certainty::Possible),
            c.event_id
        );
    }
    eprintln!("{} ceasefires", list.len());
    Ok(())
}
