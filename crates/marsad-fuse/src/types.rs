//! The results of fusion: fused events with their claims, and ceasefires with their violations.

use marsad_model::{Category, Count, Entity, Place, Qualifier, Status};
use serde::{Deserialize, Serialize};

/// One event as input to fusion: the extracted event and the document it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Report<'a> {
    /// The document the event was extracted from.
    pub doc_id: &'a str,
    /// Publication date of that document (`YYYY-MM-DD`), the fallback date of undated statements.
    pub published: Option<&'a str>,
    /// The event.
    pub event: &'a marsad_model::Event,
}

/// Why a fused event is contested.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Dispute {
    /// The reports give different death tolls (or one gives a figure, another only "casualties").
    Dead,
    /// The reports give different injury figures.
    Injured,
    /// Claimants on different sides blame each other (the actor and recipient sides are swapped).
    Blame,
    /// One report asserts the event, another denies it.
    Status,
}

/// One supporting report of a fused event, kept with its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// The member event.
    pub event_id: String,
    /// Its document.
    pub doc_id: String,
    /// Whose statement it is (`None`: the article's own voice).
    pub claim_by: Option<Entity>,
    /// Who acts, according to this report.
    pub actor: Vec<Entity>,
    /// Who is acted on, according to this report.
    pub recipient: Vec<Entity>,
    /// Death toll according to this report.
    pub dead: Option<Count>,
    /// Its qualifier.
    pub dead_qualifier: Option<Qualifier>,
    /// Injured according to this report.
    pub injured: Option<Count>,
    /// How this report presents the event.
    pub status: Status,
    /// The report's sentence.
    pub evidence: String,
}

/// Several reports of one real event, linked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FusedEvent {
    /// `fused:` + the smallest member event id (stable across runs).
    pub id: String,
    /// The shared PLOVER category.
    pub event: Category,
    /// The earliest member date.
    pub date: Option<String>,
    /// Every country on either side (sorted, unique).
    pub countries: Vec<String>,
    /// The union of the members' places (deduplicated by name and country).
    pub places: Vec<Place>,
    /// The most conservative stated death toll among the members, ACLED's rule.
    pub dead: Option<u64>,
    /// True when the reports disagree (see `disputes`).
    pub contested: bool,
    /// What they disagree on.
    pub disputes: Vec<Dispute>,
    /// Every supporting report, ordered by event id.
    pub claims: Vec<Claim>,
}

/// How sure a ceasefire violation link is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Certainty {
    /// Both clock times are known and the attack comes after the start.
    Certain,
    /// Only the days are known and they overlap.
    Possible,
}

/// An attack between the parties of a ceasefire after it started.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Violation {
    /// The ASSAULT event.
    pub event_id: String,
    /// How sure the link is.
    pub certainty: Certainty,
}

/// A ceasefire window opened by a RETREAT `ceasefire` or an AGREE on a ceasefire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ceasefire {
    /// `ceasefire:` + the opening event id.
    pub id: String,
    /// The event that opens it.
    pub event_id: String,
    /// Its document.
    pub doc_id: String,
    /// The parties' country codes (sorted, unique).
    pub parties: Vec<String>,
    /// Start day, `YYYY-MM-DD`.
    pub date: String,
    /// Local clock time of the start, when known.
    pub time: Option<String>,
    /// IANA zone of `time`.
    pub tz: Option<String>,
    /// The start as an RFC 3339 UTC instant, when the time and zone are known.
    pub start_utc: Option<String>,
    /// Attacks between the parties after the start.
    pub violations: Vec<Violation>,
    /// The opening sentence.
    pub evidence: String,
}

/// Everything fusion computes over a set of events.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Fusion {
    /// Fused events (only groups of two or more reports).
    pub fused: Vec<FusedEvent>,
    /// Ceasefires with their violations.
    pub ceasefires: Vec<Ceasefire>,
}
