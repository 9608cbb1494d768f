//! Row types of the shipped lexicons, one per TSV file under `data/lexicons/`.

use crate::matcher::Row;
use jiff::civil::Date;
use marsad_model::Sector;
use std::str::FromStr;

/// Generates a plain enum parsed from fixed lower-case strings.
macro_rules! word_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            /// The TSV spelling of this value.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                match s {
                    $($text => Ok($name::$variant),)+
                    other => Err(format!("unknown {} {other:?}", stringify!($name))),
                }
            }
        }
    };
}

word_enum! {
    /// What an actor phrase names.
    ActorKind {
        /// A country's name (ISO3 code; sector usually `-`).
        Country = "country",
        /// A capital used as a metonym for the government ("Baku said").
        Capital = "capital",
        /// A demonym adjective or plural noun (الروسي، الروس).
        Demonym = "demonym",
        /// A named organisation (ministry, IGO, NGO, media outlet…).
        Org = "org",
        /// A named person (usually with dated roles).
        Person = "person",
        /// A named armed or political group.
        Group = "group",
        /// A complete agent phrase with its country (الجيش الأذربيجاني).
        Agent = "agent",
    }
}

word_enum! {
    /// The stance a reporting phrase gives to what it introduces.
    Stance {
        /// Neutral attribution (قال، ذكر، according to).
        Say = "say",
        /// A claim the writer keeps at a distance (زعم).
        Claim = "claim",
        /// An admission (أقر).
        Admit = "admit",
        /// A denial: the event it introduces is negated (نفى).
        Deny = "deny",
        /// An accusation frame (اتهم): the subject blames the object.
        Accuse = "accuse",
    }
}

word_enum! {
    /// Whether a reporting phrase is a verb (subject = source) or a preposition frame (object = source).
    Frame {
        /// A verb: its subject is the source.
        Verb = "verb",
        /// A prepositional frame (بحسب، وفقا ل، according to): its object is the source.
        Prep = "prep",
    }
}

word_enum! {
    /// What a cue signals about the status of a nearby event.
    CueKind {
        /// Negation (لم، لن، ليس).
        Negation = "negation",
        /// Future or plan (سوف، من المقرر).
        Future = "future",
        /// Condition, possibility or threat (إذا، قد، يهدد).
        Hypothetical = "hypothetical",
        /// Background (سابقا، منذ).
        Historical = "historical",
    }
}

word_enum! {
    /// The kind of a time phrase.
    TimeKind {
        /// A day relative to publication; value = offset in days (أمس = -1).
        Day = "day",
        /// A week relative to publication; value = offset in weeks.
        Week = "week",
        /// A month relative to publication; value = offset in months.
        MonthOffset = "month_offset",
        /// A year relative to publication; value = offset in years.
        YearOffset = "year_offset",
        /// A weekday; value = ISO number (Monday = 1 … Sunday = 7).
        Weekday = "weekday",
        /// A Gregorian month; value = 1…12.
        Month = "month",
        /// A Hijri month; value = 1…12.
        HijriMonth = "hijri_month",
        /// A time zone phrase; value = IANA name (or `local` for "local time").
        Zone = "zone",
        /// A part of the day; value = the [`DayPart`].
        DayPart = "daypart",
    }
}

word_enum! {
    /// A part of the day.
    DayPart {
        /// Dawn (فجرا).
        Dawn = "dawn",
        /// Morning, a.m. (صباحا).
        Morning = "morning",
        /// Noon (ظهرا).
        Noon = "noon",
        /// Afternoon (عصرا).
        Afternoon = "afternoon",
        /// Evening, p.m. (مساء).
        Evening = "evening",
        /// Night (ليلا).
        Night = "night",
    }
}

impl DayPart {
    /// True when an hour from 1 to 11 given with this part of the day is after noon.
    pub fn is_pm(self) -> bool {
        matches!(self, DayPart::Afternoon | DayPart::Evening | DayPart::Night)
    }
}

/// An actor phrase (`actors.tsv`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// ISO 3166-1 alpha-3 code, `IGO`, `NGO` or `UNK`; `None` (`-`) when the coder must take it from
    /// context (e.g. ISIS, which acts in several countries).
    pub country: Option<String>,
    /// PLOVER sector, `None` for bare country names and demonyms.
    pub sector: Option<Sector>,
    /// What the phrase names.
    pub kind: ActorKind,
    /// English name (`None` for rows mined from UniversalPetrarch, which gives none).
    pub name: Option<String>,
    /// First day of a dated role (leaders), inclusive.
    pub valid_from: Option<Date>,
    /// Last day of a dated role, inclusive.
    pub valid_to: Option<Date>,
    /// Where the row came from (`cldr`, `up-ar`, `manual`…).
    pub source: String,
}

impl Actor {
    /// True when the row's role holds on `date` (always true for undated rows).
    pub fn valid_on(&self, date: Date) -> bool {
        self.valid_from.is_none_or(|f| f <= date) && self.valid_to.is_none_or(|t| date <= t)
    }
}

impl Row for Actor {
    fn parse(f: &[&str]) -> Result<Self, String> {
        let [country, sector, kind, name, from, to, source] = fields::<7>(f)?;
        Ok(Actor {
            country: opt(country).map(parse_country).transpose()?,
            sector: parse_sector(sector)?,
            kind: kind.parse()?,
            name: opt(name).map(str::to_owned),
            valid_from: opt(from).map(|d| parse_date(d, false)).transpose()?,
            valid_to: opt(to).map(|d| parse_date(d, true)).transpose()?,
            source: nonempty(source, "source")?.to_owned(),
        })
    }

    /// Actor phrases are names: every definite form is listed, so ال is never stripped.
    fn takes_article(&self) -> bool {
        false
    }
}

/// An agent noun (`agents.tsv`): a common noun naming a kind of actor, combined by the coder with a
/// country, demonym or organisation nearby (الجيش + الأذربيجاني → AZE MIL).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agent {
    /// PLOVER sector.
    pub sector: Sector,
    /// English gloss.
    pub gloss: String,
    /// Where the row came from.
    pub source: String,
}

impl Row for Agent {
    fn parse(f: &[&str]) -> Result<Self, String> {
        let [sector, gloss, source] = fields::<3>(f)?;
        Ok(Agent {
            sector: parse_sector(sector)?.ok_or("sector must not be '-'")?,
            gloss: nonempty(gloss, "gloss")?.to_owned(),
            source: nonempty(source, "source")?.to_owned(),
        })
    }
}

/// A reporting verb or attribution frame (`reporting.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reporting {
    /// Stance.
    pub stance: Stance,
    /// Verb or prepositional frame.
    pub frame: Frame,
}

impl Row for Reporting {
    fn parse(f: &[&str]) -> Result<Self, String> {
        let [stance, frame] = fields::<2>(f)?;
        Ok(Reporting {
            stance: stance.parse()?,
            frame: frame.parse()?,
        })
    }
}

/// A status cue (`cues.tsv`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// What it signals.
    pub kind: CueKind,
    /// How far it reaches (free text for the coder's author).
    pub scope: String,
}

impl Row for Cue {
    fn parse(f: &[&str]) -> Result<Self, String> {
        let [kind, scope] = fields::<2>(f)?;
        Ok(Cue {
            kind: kind.parse()?,
            scope: scope.to_owned(),
        })
    }
}

/// The value of a time phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimeValue {
    /// An offset or an ordinal number (days, weeks, weekday, month…).
    Number(i32),
    /// An IANA time zone name, or `local`.
    Zone(String),
    /// A part of the day.
    Part(DayPart),
}

/// A time phrase (`time.tsv`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeWord {
    /// Kind.
    pub kind: TimeKind,
    /// Value, typed by kind.
    pub value: TimeValue,
    /// Part of the day the phrase also states (صباح اليوم → morning), if any.
    pub part: Option<DayPart>,
}

impl TimeWord {
    /// The numeric value, for the numeric kinds.
    pub fn number(&self) -> Option<i32> {
        match self.value {
            TimeValue::Number(n) => Some(n),
            _ => None,
        }
    }
}

impl Row for TimeWord {
    fn parse(f: &[&str]) -> Result<Self, String> {
        let [kind, value, part] = fields::<3>(f)?;
        let kind: TimeKind = kind.parse()?;
        let value = match kind {
            TimeKind::Zone => {
                if value != "local" && value != "UTC" && !value.contains('/') {
                    return Err(format!("bad zone {value:?}"));
                }
                TimeValue::Zone(value.to_owned())
            }
            TimeKind::DayPart => TimeValue::Part(value.parse()?),
            _ => TimeValue::Number(value.parse().map_err(|_| format!("bad number {value:?}"))?),
        };
        let range = match kind {
            TimeKind::Weekday => Some(1..=7),
            TimeKind::Month | TimeKind::HijriMonth => Some(1..=12),
            _ => None,
        };
        if let (Some(r), TimeValue::Number(n)) = (range, &value)
            && !r.contains(n)
        {
            return Err(format!("{} value {n} out of range", kind.as_str()));
        }
        Ok(TimeWord {
            kind,
            value,
            part: opt(part).map(str::parse).transpose()?,
        })
    }
}

/// Exactly `N` fields, or an error saying how many there were.
fn fields<'s, const N: usize>(f: &[&'s str]) -> Result<[&'s str; N], String> {
    <[&str; N]>::try_from(f).map_err(|_| format!("expected {N} fields after the phrase, found {}", f.len()))
}

/// `None` for `-` or an empty field.
fn opt(s: &str) -> Option<&str> {
    (!s.is_empty() && s != "-").then_some(s)
}

fn nonempty<'s>(s: &'s str, what: &str) -> Result<&'s str, String> {
    if s.is_empty() {
        Err(format!("empty {what}"))
    } else {
        Ok(s)
    }
}

/// A sector, `None` for `-`; CAMEO-era `MED` for media must be written `JRN` in the files.
fn parse_sector(s: &str) -> Result<Option<Sector>, String> {
    opt(s).map(str::parse).transpose()
}

/// Three upper-case ASCII letters (ISO3, IGO, NGO, UNK). Membership in ISO 3166 is checked by the tests.
fn parse_country(s: &str) -> Result<String, String> {
    if s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(s.to_owned())
    } else {
        Err(format!("bad country code {s:?}"))
    }
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a partial date is widened to its first day (`from`) or last
/// day (`to`).
fn parse_date(s: &str, is_end: bool) -> Result<Date, String> {
    let bad = || format!("bad date {s:?}");
    let parts: Vec<&str> = s.split('-').collect();
    let num = |i: usize| -> Result<Option<i8>, String> {
        parts
            .get(i)
            .map(|p| p.parse::<i8>().map_err(|_| bad()))
            .transpose()
    };
    let year: i16 = parts.first().and_then(|y| y.parse().ok()).ok_or_else(bad)?;
    let month = num(1)?.unwrap_or(if is_end { 12 } else { 1 });
    let first = Date::new(year, month, 1).map_err(|_| bad())?;
    let day = match num(2)? {
        Some(d) => d,
        None if is_end => first.days_in_month(),
        None => 1,
    };
    if parts.len() > 3 {
        return Err(bad());
    }
    Date::new(year, month, day).map_err(|_| bad())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_row() {
        let a = Actor::parse(&[
            "ARM",
            "GOV",
            "person",
            "Nikol Pashinyan",
            "2018-05",
            "-",
            "manual",
        ])
        .expect("valid row");
        assert_eq!(a.country.as_deref(), Some("ARM"));
        assert_eq!(a.sector, Some(Sector::Gov));
        assert_eq!(a.valid_from, Some(Date::constant(2018, 5, 1)));
        assert!(a.valid_on(Date::constant(2022, 9, 13)));
        assert!(!a.valid_on(Date::constant(2017, 1, 1)));
        let b = Actor::parse(&["-", "-", "group", "ISIS", "-", "2015", "manual"]).expect("valid row");
        assert_eq!(b.country, None);
        assert_eq!(b.valid_to, Some(Date::constant(2015, 12, 31)));
    }

    #[test]
    fn bad_rows_are_refused() {
        assert!(Actor::parse(&["arm", "GOV", "person", "x", "-", "-", "m"]).is_err());
        assert!(Actor::parse(&["ARM", "XXX", "person", "x", "-", "-", "m"]).is_err());
        assert!(Actor::parse(&["ARM", "GOV", "person", "x", "2018-13", "-", "m"]).is_err());
        assert!(Actor::parse(&["ARM", "GOV", "person"]).is_err());
        assert!(TimeWord::parse(&["weekday", "8", "-"]).is_err());
        assert!(TimeWord::parse(&["zone", "Moscow", "-"]).is_err());
        assert!(Agent::parse(&["-", "x", "m"]).is_err());
    }

    #[test]
    fn time_rows() {
        let t = TimeWord::parse(&["day", "-1", "evening"]).expect("valid row");
        assert_eq!(t.number(), Some(-1));
        assert_eq!(t.part, Some(DayPart::Evening));
        let z = TimeWord::parse(&["zone", "Europe/Moscow", "-"]).expect("valid row");
        assert_eq!(z.value, TimeValue::Zone("Europe/Moscow".into()));
    }
}
