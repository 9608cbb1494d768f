//! Candidate clitic analyses of an Arabic word key.
//!
//! Arabic writes conjunctions (و ف), prepositions (ب ل ك), the future particle (س) and the article (ال)
//! attached to the word, and pronouns (ه ها هم هما هن ك كم كن نا ي) attached at its end. This module
//! lists every way a key can be split that way, leaving a stem of at least two letters (three when the
//! article is stripped), longest stem first. Nothing here decides: "البانيا" (Albania) yields ال + بانيا
//! as a candidate, and the caller keeps the whole key when a lexicon knows it.
//!
//! Grammar of the prefixes: an optional conjunction (و or ف), then an optional preposition (ب ل ك) or
//! future particle (س), then an optional article ال. ل followed by ال is written "لل" (للقرية = ل + ال +
//! قرية). The future particle never takes the article, and a word with the article takes no pronoun
//! suffix.

use crate::token::Clitics;

/// Pronoun suffixes, longest first.
const SUFFIXES: [&str; 10] = ["هما", "هم", "هن", "ها", "كم", "كن", "نا", "ه", "ك", "ي"];

/// Most analyses kept per word.
const MAX_ANALYSES: usize = 12;

/// One way of reading the start of a key: proclitic keys and the number of key bytes they cover.
#[derive(Clone, Copy)]
struct Prefix {
    parts: [&'static str; 3],
    len: usize,
    bytes: usize,
    article: bool,
    future: bool,
}

impl Prefix {
    const NONE: Prefix = Prefix {
        parts: [""; 3],
        len: 0,
        bytes: 0,
        article: false,
        future: false,
    };

    fn push(mut self, part: &'static str, bytes: usize) -> Self {
        if self.len < 3 {
            self.parts[self.len] = part;
            self.len += 1;
        }
        self.bytes += bytes;
        self.article |= part == "ال";
        self.future |= part == "س";
        self
    }
}

/// Every prefix reading of `key`, the empty one included.
fn prefix_readings(key: &str) -> Vec<Prefix> {
    let mut out = Vec::with_capacity(8);
    for conj in [None, Some("و"), Some("ف")] {
        let base = match conj {
            None => Prefix::NONE,
            Some(c) if key.starts_with(c) => Prefix::NONE.push(c, c.len()),
            Some(_) => continue,
        };
        let rest = &key[base.bytes..];
        out.push(base);
        if rest.starts_with("ال") {
            out.push(base.push("ال", "ال".len()));
        }
        if rest.starts_with("لل") {
            out.push(base.push("ل", "ل".len()).push("ال", "ل".len()));
        }
        for prep in ["ب", "ل", "ك", "س"] {
            if let Some(after) = rest.strip_prefix(prep) {
                let p = base.push(prep, prep.len());
                out.push(p);
                if prep != "س" && prep != "ل" && after.starts_with("ال") {
                    out.push(p.push("ال", "ال".len()));
                }
            }
        }
    }
    out
}

/// Candidate analyses of an Arabic word key, longest stem first; `last` is the last letter of the
/// surface form (a final ة or ى is not a pronoun suffix even though the key folds it to ه or ي).
pub(crate) fn analyze_clitics(key: &str, last: Option<char>) -> Vec<Clitics> {
    let letters = key.chars().count();
    if letters < 3 {
        return Vec::new();
    }
    let mut found: Vec<(usize, usize, Clitics)> = Vec::new();
    for p in prefix_readings(key) {
        for suffix in std::iter::once(None).chain(SUFFIXES.iter().copied().map(Some)) {
            if p.len == 0 && suffix.is_none() {
                continue;
            }
            if let Some(c) = analysis(key, p, suffix, last) {
                let stem_letters = c.stem.chars().count();
                let pieces = p.len + usize::from(suffix.is_some());
                found.push((stem_letters, pieces, c));
            }
        }
    }
    found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut out: Vec<Clitics> = Vec::with_capacity(found.len().min(MAX_ANALYSES));
    for (_, _, c) in found {
        if out.len() < MAX_ANALYSES && c.stem != key && !out.iter().any(|o| o.stem == c.stem) {
            out.push(c);
        }
    }
    out
}

fn analysis(key: &str, p: Prefix, suffix: Option<&'static str>, last: Option<char>) -> Option<Clitics> {
    if let Some(s) = suffix {
        let surface_letter = match s {
            "ه" => matches!(last, Some('ة' | 'ۀ' | 'ۃ')),
            "ي" => matches!(last, Some('ى' | 'ئ')),
            _ => false,
        };
        if !key.ends_with(s) || p.article || surface_letter {
            return None;
        }
    }
    let end = key.len() - suffix.map_or(0, str::len);
    if end < p.bytes {
        return None;
    }
    let stem = &key[p.bytes..end];
    let min = if p.article { 3 } else { 2 };
    if stem.chars().count() < min || stem == "ال" || (p.future && suffix.is_none() && !starts_imperfect(stem))
    {
        return None;
    }
    Some(Clitics {
        prefixes: p.parts[..p.len].to_vec(),
        suffix,
        stem: stem.to_owned(),
        key_range: p.bytes..end,
    })
}

/// The future particle س only comes before an imperfect verb (يفعل تفعل نفعل افعل).
fn starts_imperfect(stem: &str) -> bool {
    stem.starts_with(['ي', 'ت', 'ن', 'ا'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize_key;

    fn stems(word: &str) -> Vec<String> {
        let key = normalize_key(word);
        analyze_clitics(&key, word.chars().last())
            .into_iter()
            .map(|c| c.stem)
            .collect()
    }

    fn find(word: &str, stem: &str) -> Clitics {
        let key = normalize_key(word);
        analyze_clitics(&key, word.chars().last())
            .into_iter()
            .find(|c| c.stem == stem)
            .unwrap_or_else(|| panic!("{word}: no stem {stem}"))
    }

    #[test]
    fn brief_examples() {
        assert_eq!(find("وبحسب", "حسب").prefixes, ["و", "ب"]);
        assert_eq!(find("بالقرية", "قريه").prefixes, ["ب", "ال"]);
        assert_eq!(find("لبوتين", "بوتين").prefixes, ["ل"]);
        assert_eq!(find("وأذربيجان", "اذربيجان").prefixes, ["و"]);
        assert_eq!(find("للقوات", "قوات").prefixes, ["ل", "ال"]);
        assert_eq!(find("وللقوات", "قوات").prefixes, ["و", "ل", "ال"]);
        assert_eq!(find("للبنان", "لبنان").prefixes, ["ل"]);
        let a = find("وجنودها", "جنود");
        assert_eq!((a.prefixes.as_slice(), a.suffix), (&["و"][..], Some("ها")));
    }

    #[test]
    fn longest_stem_first_and_whole_word_never_lost() {
        // Albania: ال + بانيا is offered, but only after nothing is stripped (the caller tries the key first).
        let s = stems("البانيا");
        assert_eq!(s.first().map(String::as_str), Some("بانيا"));
        let s = stems("والقدس");
        assert_eq!(s[0], "القدس");
        assert!(s.contains(&"قدس".to_owned()));
    }

    #[test]
    fn taa_marbuta_and_alef_maqsura_are_not_suffixes() {
        assert!(!stems("قرية").contains(&"قري".to_owned()));
        assert!(!stems("مستشفى").contains(&"مستشف".to_owned()));
        assert!(stems("كتابه").contains(&"كتاب".to_owned()));
    }

    #[test]
    fn short_stems_refused() {
        assert!(stems("ولد").iter().all(|s| s.chars().count() >= 2));
        assert!(stems("بال").is_empty());
        assert!(stems("الي").is_empty());
        assert!(stems("سمع").is_empty(), "{:?}", stems("سمع"));
    }

    #[test]
    fn key_ranges_slice_stems() {
        for w in ["وبحسب", "للقوات", "وجنودها", "فسيقول"] {
            let key = normalize_key(w);
            for c in analyze_clitics(&key, w.chars().last()) {
                assert_eq!(&key[c.key_range.clone()], c.stem);
            }
        }
    }
}
