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

/// Pronoun suffixes, longest first, as keys and as letters.
const SUFFIXES: [(&str, &[char]); 10] = [
    ("هما", &['ه', 'م', 'ا']),
    ("هم", &['ه', 'م']),
    ("هن", &['ه', 'ن']),
    ("ها", &['ه', 'ا']),
    ("كم", &['ك', 'م']),
    ("كن", &['ك', 'ن']),
    ("نا", &['ن', 'ا']),
    ("ه", &['ه']),
    ("ك", &['ك']),
    ("ي", &['ي']),
];

/// Most analyses kept per word.
const MAX_ANALYSES: usize = 12;

/// Longest key (in letters) analysed; longer "words" are not Arabic words.
const MAX_LETTERS: usize = 32;

/// Most prefix readings a key can have (conjunction × preposition/article combinations).
const MAX_READINGS: usize = 16;

/// Most valid splits considered per word (far more than real words have).
const MAX_SPLITS: usize = 48;

/// One way of reading the start of a key: proclitic keys and the number of key letters they cover.
#[derive(Debug, Clone, Copy)]
struct Prefix {
    parts: [&'static str; 3],
    len: usize,
    letters: usize,
    article: bool,
    future: bool,
}

impl Prefix {
    const NONE: Prefix = Prefix {
        parts: [""; 3],
        len: 0,
        letters: 0,
        article: false,
        future: false,
    };

    fn push(mut self, part: &'static str, letters: usize) -> Self {
        if self.len < 3 {
            self.parts[self.len] = part;
            self.len += 1;
        }
        self.letters += letters;
        self
    }

    fn push_article(self, letters: usize) -> Self {
        let mut p = self.push("ال", letters);
        p.article = true;
        p
    }
}

/// The letters of a key with their byte offsets.
struct Letters {
    chars: [char; MAX_LETTERS],
    /// Byte offsets (a key of at most 32 letters is at most 128 bytes long).
    bytes: [u8; MAX_LETTERS],
    len: usize,
    key_len: usize,
}

impl Letters {
    fn new(key: &str) -> Option<Letters> {
        let mut l = Letters {
            chars: ['\0'; MAX_LETTERS],
            bytes: [0; MAX_LETTERS],
            len: 0,
            key_len: key.len(),
        };
        for (b, c) in key.char_indices() {
            if l.len == MAX_LETTERS {
                return None;
            }
            l.chars[l.len] = c;
            l.bytes[l.len] = u8::try_from(b).ok()?;
            l.len += 1;
        }
        Some(l)
    }

    fn at(&self, i: usize) -> char {
        if i < self.len { self.chars[i] } else { '\0' }
    }

    fn article_at(&self, i: usize) -> bool {
        self.at(i) == 'ا' && self.at(i + 1) == 'ل'
    }

    fn ends_with(&self, suffix: &[char]) -> bool {
        // Compared letter by letter: a slice comparison would call memcmp for two or three letters.
        self.len >= suffix.len()
            && suffix
                .iter()
                .rev()
                .zip(self.chars[..self.len].iter().rev())
                .all(|(a, b)| a == b)
    }

    /// Byte offset of letter `i` (the key length past the end).
    fn byte(&self, i: usize) -> usize {
        if i < self.len {
            usize::from(self.bytes[i])
        } else {
            self.key_len
        }
    }
}

/// Every prefix reading of the key, the empty one included, written into `out`; returns how many.
fn prefix_readings(l: &Letters, out: &mut [Prefix; MAX_READINGS]) -> usize {
    let mut n = 0;
    let mut push = |p: Prefix| {
        if n < MAX_READINGS {
            out[n] = p;
            n += 1;
        }
    };
    for conj in [None, Some(('و', "و")), Some(('ف', "ف"))] {
        let base = match conj {
            None => Prefix::NONE,
            Some((c, key)) if l.at(0) == c => Prefix::NONE.push(key, 1),
            Some(_) => continue,
        };
        let r = base.letters;
        push(base);
        if l.article_at(r) {
            push(base.push_article(2));
        }
        let (prep, c) = match l.at(r) {
            'ب' => ("ب", 'ب'),
            'ل' => ("ل", 'ل'),
            'ك' => ("ك", 'ك'),
            'س' => ("س", 'س'),
            _ => continue,
        };
        let mut p = base.push(prep, 1);
        p.future = c == 'س';
        push(p);
        match c {
            // ل + ال is written لل.
            'ل' if l.at(r + 1) == 'ل' => push(p.push_article(1)),
            'ب' | 'ك' if l.article_at(r + 1) => push(p.push_article(2)),
            _ => {}
        }
    }
    n
}

/// A valid split: stem letters, number of clitics, reading and suffix indices, stem letter range.
#[derive(Debug, Clone, Copy, Default)]
struct Split {
    stem_letters: u8,
    pieces: u8,
    reading: u8,
    /// Index into [`SUFFIXES`] plus one; 0 for none.
    suffix: u8,
    first: u8,
    end: u8,
}

/// Candidate analyses of an Arabic word key, longest stem first; `last` is the last letter of the
/// surface form (a final ة or ى is not a pronoun suffix even though the key folds it to ه or ي).
pub(crate) fn analyze_clitics(key: &str, last: Option<char>) -> Vec<Clitics> {
    let Some(l) = Letters::new(key) else {
        return Vec::new();
    };
    if l.len < 3 {
        return Vec::new();
    }
    let mut readings = [Prefix::NONE; MAX_READINGS];
    let n = prefix_readings(&l, &mut readings);
    // The suffixes the key ends with, and the reading without any suffix.
    let mut suffixes = [None; SUFFIXES.len() + 1];
    let mut n_suffixes = 1;
    for (i, (_, letters)) in SUFFIXES.iter().enumerate() {
        if l.ends_with(letters) {
            suffixes[n_suffixes] = Some(i);
            n_suffixes += 1;
        }
    }
    let mut splits = [Split::default(); MAX_SPLITS];
    let mut count = 0;
    for (ri, p) in readings[..n].iter().enumerate() {
        for &si in &suffixes[..n_suffixes] {
            if p.len == 0 && si.is_none() {
                continue;
            }
            if let Some(split) = split(&l, p, ri, si, last).filter(|_| count < MAX_SPLITS) {
                splits[count] = split;
                count += 1;
            }
        }
    }
    let splits = &mut splits[..count];
    splits.sort_unstable_by_key(|s| (std::cmp::Reverse(s.stem_letters), s.pieces, s.reading, s.suffix));
    let mut out: Vec<Clitics> = Vec::with_capacity(count.min(MAX_ANALYSES));
    for s in splits.iter() {
        let range = l.byte(s.first.into())..l.byte(s.end.into());
        if out.len() == MAX_ANALYSES {
            break;
        }
        if out.iter().any(|o| o.key_range == range) {
            continue;
        }
        let p = &readings[usize::from(s.reading)];
        out.push(Clitics {
            prefixes: p.parts[..p.len].to_vec(),
            suffix: usize::from(s.suffix).checked_sub(1).map(|i| SUFFIXES[i].0),
            stem: key[range.clone()].to_owned(),
            key_range: range,
        });
    }
    out
}

/// The split left by prefix reading `p` and suffix `si` (one the key ends with), when allowed.
fn split(l: &Letters, p: &Prefix, reading: usize, si: Option<usize>, last: Option<char>) -> Option<Split> {
    let suffix_letters = match si {
        None => 0,
        Some(i) => {
            let letters = SUFFIXES[i].1;
            let surface_letter = match letters {
                ['ه'] => matches!(last, Some('ة' | 'ۀ' | 'ۃ')),
                ['ي'] => matches!(last, Some('ى' | 'ئ')),
                _ => false,
            };
            if p.article || surface_letter {
                return None;
            }
            letters.len()
        }
    };
    let first = p.letters;
    let end = l.len.checked_sub(suffix_letters)?;
    let stem_letters = end.checked_sub(first)?;
    let min = if p.article { 3 } else { 2 };
    let bare_article = stem_letters == 2 && l.article_at(first);
    let future_ok = !p.future || si.is_some() || matches!(l.at(first), 'ي' | 'ت' | 'ن' | 'ا');
    // Every count here is at most MAX_LETTERS (32), so the narrowing cannot lose anything.
    let small = |n: usize| u8::try_from(n).unwrap_or(u8::MAX);
    (stem_letters >= min && !bare_article && future_ok).then_some(Split {
        stem_letters: small(stem_letters),
        pieces: small(p.len + usize::from(si.is_some())),
        reading: small(reading),
        suffix: si.map_or(0, |i| small(i + 1)),
        first: small(first),
        end: small(end),
    })
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
