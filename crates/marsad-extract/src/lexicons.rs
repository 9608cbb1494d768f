//! The lexicons the coder reads, compiled from TSV files embedded at build time: triggers and mode
//! words (`data/lexicons/triggers.tsv`), and local fallbacks for what `marsad-lexicon` will provide
//! (reporting frames and cues, time words, number words); actors come from `marsad-lexicon`.
//!
//! Rows that do not parse are skipped and counted in [`Table::skipped`]; tests pin that none are.

use crate::lexmatch::{Hit, PhraseSet, longest};
use marsad_model::{Category, Mode, Sector};
use marsad_text::Analysis;
use std::str::FromStr;

/// A TSV-backed table of rows with a phrase matcher over their phrases.
#[derive(Debug, Clone, Default)]
pub struct Table<T> {
    /// The rows, in file order.
    pub rows: Vec<T>,
    /// The phrase of each row, normalised.
    pub phrases: Vec<String>,
    /// Phrase matcher: entry index = row index.
    pub set: PhraseSet,
    /// Number of malformed data rows skipped.
    pub skipped: usize,
}

/// The data rows of a TSV table, as trimmed columns: `#` lines and blank lines are skipped, and so is
/// the first other line (the header).
pub(crate) fn data_rows(tsv: &str) -> impl Iterator<Item = Vec<&str>> {
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .map(|l| l.split('\t').map(str::trim).collect())
}

impl<T> Table<T> {
    /// Parses `tsv`: `#` lines are comments, the first other line is the header.
    pub fn from_tsv(tsv: &str, parse: impl Fn(&[&str]) -> Option<T>) -> Self {
        let mut t = Table {
            rows: Vec::new(),
            phrases: Vec::new(),
            set: PhraseSet::default(),
            skipped: 0,
        };
        for cols in data_rows(tsv) {
            match cols.first().filter(|p| !p.is_empty()).zip(parse(&cols)) {
                Some((phrase, row)) => {
                    t.set.add(phrase, t.rows.len());
                    t.phrases.push(marsad_text::normalize_key(phrase));
                    t.rows.push(row);
                }
                None => t.skipped += 1,
            }
        }
        t
    }

    /// Non-overlapping longest matches in `a`.
    pub fn find(&self, a: &Analysis<'_>) -> Vec<Hit> {
        longest(self.set.find(a))
    }
}

/// How a trigger relates to its arguments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Active verb: subject after it (VSO) or just before it.
    Verb,
    /// Verbal noun: actor in a genitive or a "by" phrase, recipient after على/ضد.
    Noun,
    /// Victim noun or intransitive ("مقتل", "لقي مصرعه"): what follows is the victim.
    Victim,
    /// Killing verb, active or passive ("قتل").
    Kill,
    /// A mode word, not a trigger.
    ModeWord,
}

/// One trigger or mode-word row.
#[derive(Debug, Clone)]
pub struct Trigger {
    /// The phrase as written in the lexicon.
    pub phrase: String,
    /// Category; `None` for mode words.
    pub category: Option<Category>,
    /// Modes the phrase states.
    pub modes: Vec<Mode>,
    /// Confidence that the phrase names the event.
    pub weight: f32,
    /// Argument frame.
    pub form: Form,
    /// Where the row came from.
    pub source: String,
}

fn parse_trigger(c: &[&str]) -> Option<Trigger> {
    let [phrase, cat, modes, weight, form, source] = c else {
        return None;
    };
    let category = match *cat {
        "-" => None,
        s => Some(Category::from_str(s).ok()?),
    };
    let modes = match *modes {
        "-" => Vec::new(),
        s => s
            .split(',')
            .map(|m| Mode::from_str(m.trim()).ok())
            .collect::<Option<Vec<_>>>()?,
    };
    let form = match *form {
        "v" => Form::Verb,
        "n" => Form::Noun,
        "p" => Form::Victim,
        "k" => Form::Kill,
        "m" => Form::ModeWord,
        _ => return None,
    };
    Some(Trigger {
        phrase: phrase.to_string(),
        category,
        modes,
        weight: weight.parse().ok()?,
        form,
        source: source.to_string(),
    })
}

/// What an actor phrase names (the coder's view of `marsad_lexicon::ActorKind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorKind {
    /// A country name.
    Country,
    /// A capital or seat of government, standing for the government.
    Capital,
    /// A nationality adjective (its feminine and plural forms are added).
    Demonym,
    /// An agent noun (army, police, ministry) with a sector and no country.
    Agent,
    /// An organisation.
    Org,
    /// A person.
    Person,
    /// A non-state group.
    Group,
}

/// One actor row, built from a `marsad-lexicon` actor or agent-noun match.
#[derive(Debug, Clone)]
pub struct ActorRow {
    /// What it names.
    pub kind: ActorKind,
    /// ISO alpha-3, IGO, NGO, or none.
    pub country: Option<String>,
    /// PLOVER sector.
    pub sector: Option<Sector>,
    /// English name.
    pub name: String,
}

/// A reporting frame or status cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// "according to X".
    Per,
    /// "X said that".
    Say,
    /// "X claims that".
    Claim,
    /// "X denied".
    Deny,
    /// "X admitted".
    Admit,
    /// Negation particle.
    Neg,
    /// Future or planned.
    Future,
    /// Conditional or possible.
    Hyp,
    /// Background.
    Hist,
    /// An agreement reached ("توصلت إلى"): a ceasefire after it is also an AGREE.
    Reach,
    /// Each side blames the other ("تبادل الطرفان الاتهامات").
    Mirror,
}

fn parse_cue(c: &[&str]) -> Option<Cue> {
    Some(match *c.get(1)? {
        "per" => Cue::Per,
        "say" => Cue::Say,
        "claim" => Cue::Claim,
        "deny" => Cue::Deny,
        "admit" => Cue::Admit,
        "neg" => Cue::Neg,
        "future" => Cue::Future,
        "hyp" => Cue::Hyp,
        "hist" => Cue::Hist,
        "reach" => Cue::Reach,
        "mirror" => Cue::Mirror,
        _ => return None,
    })
}

/// A time word: its kind and value.
#[derive(Debug, Clone)]
pub struct TimeWord {
    /// month, weekday, rel, past, season, year, hour, ampm, zone.
    pub kind: String,
    /// Number (month, weekday 1 = Monday, day offset, hour) or zone name.
    pub value: String,
}

fn parse_time(c: &[&str]) -> Option<TimeWord> {
    let [_, kind, value] = c else { return None };
    Some(TimeWord {
        kind: kind.to_string(),
        value: value.to_string(),
    })
}

fn parse_number(c: &[&str]) -> Option<u64> {
    c.get(1)?.parse().ok()
}

/// Every lexicon the coder uses.
#[derive(Debug, Clone)]
pub struct Lexicons {
    /// Triggers and mode words.
    pub triggers: Table<Trigger>,
    /// Reporting frames and status cues.
    pub cues: Table<Cue>,
    /// Time words.
    pub time: Table<TimeWord>,
    /// Number words.
    pub numbers: Table<u64>,
}

const TRIGGERS: &str = include_str!("../../../data/lexicons/triggers.tsv");
const CUES: &str = include_str!("../data/cues.tsv");
const TIME: &str = include_str!("../data/time_words.tsv");
const NUMBERS: &str = include_str!("../data/number_words.tsv");

impl Lexicons {
    /// Compiles the embedded lexicons.
    pub fn load() -> Self {
        Lexicons {
            triggers: Table::from_tsv(TRIGGERS, parse_trigger),
            cues: Table::from_tsv(CUES, parse_cue),
            time: Table::from_tsv(TIME, parse_time),
            numbers: Self::number_table(),
        }
    }

    /// The number-word table alone.
    pub fn number_table() -> Table<u64> {
        Table::from_tsv(NUMBERS, parse_number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_tables_parse_cleanly() {
        let l = Lexicons::load();
        assert_eq!(l.triggers.skipped, 0);
        assert_eq!(l.cues.skipped, 0);
        assert_eq!(l.time.skipped, 0);
        assert_eq!(l.numbers.skipped, 0);
        assert!(l.triggers.rows.len() > 300);
        for c in Category::ALL {
            assert!(
                l.triggers.rows.iter().any(|t| t.category == Some(*c)),
                "no trigger for {c}"
            );
        }
    }

    #[test]
    fn trigger_modes_belong_to_their_category() {
        let l = Lexicons::load();
        for t in &l.triggers.rows {
            if let Some(c) = t.category {
                for m in &t.modes {
                    assert!(c.modes().contains(m), "{} {c} {m}", t.phrase);
                }
            }
        }
    }
}
