//! Trigger detection: lexicon phrases naming an event, and the mode words around them.

use crate::lexicons::{Form, Lexicons};
use crate::lexmatch::{Hit, longest};
use marsad_model::{Category, Mode};
use marsad_text::Analysis;
use std::ops::Range;

/// A trigger found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Trig {
    /// Tokens of the trigger phrase.
    pub tokens: Range<usize>,
    /// Row in the trigger lexicon.
    pub row: usize,
    /// Category.
    pub category: Category,
    /// Argument frame.
    pub form: Form,
    /// Sentence index.
    pub sentence: usize,
}

/// A mode word found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct ModeWord {
    /// Tokens.
    pub tokens: Range<usize>,
    /// Modes it states.
    pub modes: Vec<Mode>,
    /// Row in the trigger lexicon.
    pub row: usize,
}

/// Index of the sentence of every token.
pub fn sentence_of_tokens(a: &Analysis<'_>) -> Vec<usize> {
    let mut out = vec![0; a.tokens.len()];
    for (si, s) in a.sentences.iter().enumerate() {
        for slot in out.iter_mut().take(s.tokens.end).skip(s.tokens.start) {
            *slot = si;
        }
    }
    out
}

/// Finds triggers (longest match wins among triggers) and mode words (separately).
pub fn find(a: &Analysis<'_>, lex: &Lexicons) -> (Vec<Trig>, Vec<ModeWord>) {
    let sent = sentence_of_tokens(a);
    let all = lex.triggers.set.find(a);
    let (trig, modes): (Vec<Hit>, Vec<Hit>) = all
        .into_iter()
        .partition(|h| lex.triggers.rows[h.entry].category.is_some());
    let trigs = longest(trig)
        .into_iter()
        .filter_map(|h| {
            let row = &lex.triggers.rows[h.entry];
            Some(Trig {
                category: row.category?,
                form: row.form,
                sentence: sent.get(h.tokens.start).copied().unwrap_or(0),
                tokens: h.tokens,
                row: h.entry,
            })
        })
        .collect();
    let modes = longest(modes)
        .into_iter()
        .map(|h| ModeWord {
            modes: lex.triggers.rows[h.entry].modes.clone(),
            tokens: h.tokens,
            row: h.entry,
        })
        .collect();
    (trigs, modes)
}

/// Modes for an event of `category` from its trigger and the mode words in `range` (its clause).
pub fn modes_for(
    lex: &Lexicons,
    t: &Trig,
    words: &[ModeWord],
    range: Range<usize>,
) -> (Vec<Mode>, Vec<usize>) {
    let allowed = t.category.modes();
    let mut modes: Vec<Mode> = lex.triggers.rows[t.row].modes.clone();
    let mut rows = Vec::new();
    for w in words.iter().filter(|w| range.contains(&w.tokens.start)) {
        for m in &w.modes {
            if allowed.contains(m) && !modes.contains(m) {
                modes.push(*m);
                rows.push(w.row);
            }
        }
    }
    modes.sort();
    (modes, rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad_text::{Lang, analyze};

    #[test]
    fn finds_triggers_and_modes() {
        let lex = Lexicons::load();
        let a = analyze(
            "قصف الجيش الأذربيجاني عدة بلدات بطائرات مسيرة وقذائف مدفعية. أعلنت موسكو وقف إطلاق النار",
            Some(Lang::Ar),
        );
        let (t, m) = find(&a, &lex);
        let cats: Vec<_> = t.iter().map(|t| t.category).collect();
        assert_eq!(cats, vec![Category::Assault, Category::Retreat]);
        assert_eq!(t[1].sentence, 1);
        let (modes, _) = modes_for(&lex, &t[0], &m, 0..12);
        assert_eq!(modes, vec![Mode::Drone, Mode::HeavyWeapons]);
    }
}
