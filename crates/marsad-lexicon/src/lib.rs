//! Marsad's lexicons: a token-aligned, clitic-aware phrase matcher ([`Lexicon`]) and the shipped
//! phrase lists it reads — actors, agent nouns, reporting verbs, status cues and time words — compiled
//! from the sorted TSV files under `data/lexicons/`.
//!
//! Every key is built with `marsad_text::normalize_key`, the same function that folds the text being
//! matched, and every [`Match`] carries its span in code points of the original text.
//!
//! # Matching
//! [`Lexicon::find`] runs one Aho-Corasick automaton over the document's token keys and keeps the
//! leftmost-longest hits that are aligned to tokens. A hit may start inside its first token only after a
//! run of proclitics (و ف, then ب ل ك س, then ال; لل = ل + ال) and end inside its last token only before a
//! pronoun suffix (ه ها هم هما هن نا كم; a written ة is never read as ه) — both reported in the match
//! ([`Match::prefixes`], [`Match::suffix`]) and left out of its span. Phrases that open with ال also match
//! after the preposition ل (للجيش → "لجيش", prefix ل); phrases ending in ة match as ت before a suffix
//! (حكومته); phrases ending in a lone ل/ب/ك match glued to the next word (وفقا لشهادات → "وفقا ل").
//! Phrases span whitespace and hyphens but not other punctuation or line breaks. Rows that are names
//! ([`Row::takes_article`] false, e.g. every [`Actor`]) never lose an article: الهادئ is not هادي.
//!
//! # Data
//! `actors.tsv` is generated (`cargo run -p marsad-lexicon --example build_lexicons`, which also sorts
//! the other files) from hand-written tables in `data/lexicons/src/`, CLDR country names and person
//! names mined from UniversalPetrarch (`tools/mine_up_actors.py`); `tools/scan.rs` and
//! `tools/gold_check.rs` print what the lexicons match in a corpus and how they cover gold entities.
//!
//! ```
//! let a = marsad_text::analyze("قال الجيش الأذربيجاني إن باكو", None);
//! let found = marsad_lexicon::actors().find(&a);
//! assert!(found.iter().any(|m| m.entry.country.as_deref() == Some("AZE")));
//! ```

mod clitics;
mod matcher;
mod rows;

pub use matcher::{DocKeys, Lexicon, LexiconError, Match, Row};
pub use rows::{
    Actor, ActorKind, Agent, Cue, CueKind, DayPart, Frame, Reporting, Stance, TimeKind, TimeValue, TimeWord,
};

use std::sync::LazyLock;

/// Declares a lazily built shipped lexicon with a fallible and an infallible accessor.
macro_rules! shipped {
    ($(#[$meta:meta])* $name:ident, $try_name:ident, $row:ty, $file:literal) => {
        $(#[$meta])*
        ///
        /// # Errors
        /// Only if the bundled file is malformed, which the crate's tests rule out.
        pub fn $try_name() -> Result<&'static Lexicon<$row>, &'static LexiconError> {
            static CELL: LazyLock<Result<Lexicon<$row>, LexiconError>> = LazyLock::new(|| {
                Lexicon::from_tsv($file, include_str!(concat!("../../../data/lexicons/", $file)))
            });
            CELL.as_ref()
        }

        $(#[$meta])*
        ///
        /// # Panics
        /// Only if the bundled file is malformed, which the crate's tests rule out.
        pub fn $name() -> &'static Lexicon<$row> {
            match $try_name() {
                Ok(l) => l,
                Err(e) => panic!("bundled lexicon is malformed: {e}"),
            }
        }
    };
}

shipped!(
    /// Actors: countries, capitals, demonyms, organisations, people, groups (`actors.tsv`).
    actors, try_actors, Actor, "actors.tsv"
);
shipped!(
    /// Agent nouns with their sector (`agents.tsv`).
    agents, try_agents, Agent, "agents.tsv"
);
shipped!(
    /// Reporting verbs and attribution frames (`reporting.tsv`).
    reporting, try_reporting, Reporting, "reporting.tsv"
);
shipped!(
    /// Negation, future, hypothetical and historical cues (`cues.tsv`).
    cues, try_cues, Cue, "cues.tsv"
);
shipped!(
    /// Time words: relative days, weekdays, months, zones, parts of day (`time.tsv`).
    time_words, try_time_words, TimeWord, "time.tsv"
);
