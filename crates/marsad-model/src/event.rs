//! Events and their arguments.

use crate::plover::{Category, DatePrecision, Mode, Sector, Status};
use crate::span::Span;
use serde::{Deserialize, Serialize};

/// A piece of the original text with its span (triggers, claim verbs).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSpan {
    /// The text exactly as written in the original.
    pub text: String,
    /// Where it is.
    pub span: Span,
}

/// The words behind an event's scalar fields, so every field can be checked against the text
/// (`docs/EVENT_SCHEMA.md`, "Field evidence"). A field has no entry when its value has no words of
/// its own: a statement dated to the publication day, an asserted status, a merged default.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FieldSpans {
    /// The time expression `date` was resolved from ("أمس", "في نوفمبر 2020").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<TextSpan>,
    /// The clock time `time` and `tz` come from ("الساعة التاسعة صباحًا بتوقيت موسكو").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<TextSpan>,
    /// The figure (or the figureless report of deaths) `dead` comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dead: Option<TextSpan>,
    /// The figure `injured` comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub injured: Option<TextSpan>,
    /// The cue that set a `status` other than asserted ("نفى", "سوف", "إذا", "كان قد"), or the
    /// date that made the event historical.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<TextSpan>,
}

impl FieldSpans {
    /// True when no field has evidence.
    pub fn is_empty(&self) -> bool {
        *self == FieldSpans::default()
    }
}

/// An actor, recipient or claimant: who, as the article names them, and their code.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Entity {
    /// The words of the article naming the entity, as written.
    pub text: String,
    /// Where they are; absent only for entities inferred without words of their own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// ISO 3166-1 alpha-3, or `IGO`, `NGO`, `UNK`.
    pub country: Option<String>,
    /// PLOVER sector.
    pub sector: Option<Sector>,
    /// Canonical English name, when the lexicon has one.
    #[serde(default)]
    pub name: Option<String>,
    /// Wikidata id, when known.
    #[serde(default)]
    pub wikidata: Option<String>,
}

/// What a place's coordinates stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// A point named precisely (a building, a crossing).
    Exact,
    /// A populated place.
    Town,
    /// A second-level division (district, rayon).
    Admin2,
    /// A first-level division (province, governorate).
    Admin1,
    /// A whole country.
    Country,
    /// A region larger or vaguer than the above (a disputed region, a lake, a border).
    Region,
}

/// Where an event happened, geocoded.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Place {
    /// The words of the article naming the place.
    pub text: String,
    /// Where they are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// English name (GeoNames spelling).
    pub name: Option<String>,
    /// GeoNames id, when the place is in GeoNames.
    #[serde(default)]
    pub geonameid: Option<u64>,
    /// Latitude in degrees.
    pub lat: Option<f64>,
    /// Longitude in degrees.
    pub lon: Option<f64>,
    /// ISO 3166-1 alpha-3 of the country the place is in.
    pub country: Option<String>,
    /// Name of the first-level division.
    #[serde(default)]
    pub admin1: Option<String>,
    /// GeoNames feature code (`PPL`, `PPLA`, `ADM1`, `PCLI`…).
    #[serde(default)]
    pub feature: Option<String>,
    /// What the coordinates stand for.
    #[serde(default)]
    pub precision: Option<Precision>,
    /// How sure the geocoder is of this resolution, 0 to 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
}

/// A casualty count: a number, or `"unknown"` when deaths are reported without a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Count {
    /// A stated figure.
    Number(u64),
    /// Casualties reported, no figure given. Serialised as the string `"unknown"`.
    Unknown(UnknownTag),
}

/// The literal string `"unknown"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum UnknownTag {
    /// `"unknown"`.
    #[serde(rename = "unknown")]
    Unknown,
}

impl Count {
    /// The `"unknown"` count.
    pub const UNKNOWN: Count = Count::Unknown(UnknownTag::Unknown);

    /// The figure, if there is one.
    pub fn number(self) -> Option<u64> {
        match self {
            Count::Number(n) => Some(n),
            Count::Unknown(_) => None,
        }
    }
}

/// How a figure is qualified in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// Stated as is.
    Exact,
    /// "at least", "no fewer than".
    AtLeast,
    /// "nearly", "about", "some".
    About,
    /// "up to", "at most".
    UpTo,
}

/// ACLED event and sub-event type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Acled {
    /// ACLED event type ("Battles", "Explosions/Remote violence"…).
    pub event_type: String,
    /// ACLED sub-event type.
    pub sub_event_type: String,
}

/// One event, as `CODING_GUIDE.md` defines it, with evidence for every field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// `DOC_ID:eN`, stable for the same input and version.
    pub id: String,
    /// PLOVER category.
    pub event: Category,
    /// PLOVER modes stated for this event's own action.
    #[serde(default)]
    pub modes: Vec<Mode>,
    /// PLOVER contexts (free strings from PLOVER's list).
    #[serde(default)]
    pub contexts: Vec<String>,
    /// Who acts.
    #[serde(default)]
    pub actor: Vec<Entity>,
    /// Who is acted on.
    #[serde(default)]
    pub recipient: Vec<Entity>,
    /// Where.
    #[serde(default)]
    pub places: Vec<Place>,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub date: Option<String>,
    /// `HH:MM`, local to `tz`.
    pub time: Option<String>,
    /// IANA time zone of `time`.
    pub tz: Option<String>,
    /// What `date` and `time` pin down.
    pub date_precision: Option<DatePrecision>,
    /// People killed.
    pub dead: Option<Count>,
    /// Qualifier of `dead`.
    pub dead_qualifier: Option<Qualifier>,
    /// People injured.
    pub injured: Option<Count>,
    /// Qualifier of `injured`.
    pub injured_qualifier: Option<Qualifier>,
    /// Whose statement this is; `None` is the article's own voice.
    pub claim_by: Option<Entity>,
    /// The attribution words ("وبحسب", "قال").
    pub claim_verb: Option<TextSpan>,
    /// How the article presents the event.
    #[serde(default)]
    pub status: Status,
    /// The word(s) that name the action.
    pub trigger: Option<TextSpan>,
    /// The sentence the event comes from.
    pub sentence: Option<Span>,
    /// The sentence text.
    pub evidence: String,
    /// The words behind `date`, `time`, `dead`, `injured` and `status`.
    #[serde(default)]
    pub spans: FieldSpans,
    /// 0 to 1.
    pub confidence: f32,
    /// ACLED type, where ACLED has one.
    pub acled: Option<Acled>,
    /// Closest CAMEO code.
    pub cameo: Option<String>,
    /// Which lexicon entries and rules produced the event (only with `--explain`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub why: Vec<String>,
}

impl Event {
    /// An event of `category` with every optional field empty.
    pub fn new(id: impl Into<String>, category: Category) -> Self {
        Event {
            id: id.into(),
            event: category,
            modes: Vec::new(),
            contexts: Vec::new(),
            actor: Vec::new(),
            recipient: Vec::new(),
            places: Vec::new(),
            date: None,
            time: None,
            tz: None,
            date_precision: None,
            dead: None,
            dead_qualifier: None,
            injured: None,
            injured_qualifier: None,
            claim_by: None,
            claim_verb: None,
            status: Status::Asserted,
            trigger: None,
            sentence: None,
            evidence: String::new(),
            spans: FieldSpans::default(),
            confidence: 0.0,
            acled: None,
            cameo: None,
            why: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_serialises_as_number_or_unknown() {
        assert_eq!(
            serde_json::to_string(&Count::Number(49)).ok().as_deref(),
            Some("49")
        );
        assert_eq!(
            serde_json::to_string(&Count::UNKNOWN).ok().as_deref(),
            Some("\"unknown\"")
        );
        let c: Option<Count> = serde_json::from_str("\"unknown\"").ok();
        assert_eq!(c, Some(Count::UNKNOWN));
    }

    #[test]
    fn qualifier_names() {
        assert_eq!(
            serde_json::to_string(&Qualifier::AtLeast).ok().as_deref(),
            Some("\"at_least\"")
        );
    }
}
