//! A small phrase matcher over the text layer's tokens: the local stand-in for `marsad-lexicon`'s
//! generic matcher, kept behind this one module so switching is a one-file change.
//!
//! A phrase is a sequence of normalised words. A token matches a word when its key, or the key left
//! after stripping Arabic proclitics (و ف, then ب ل ك س, then ال) or a pronoun suffix, equals the word
//! (both compared without the article ال).

use marsad_text::{Analysis, TokenKind, normalize_key};
use std::collections::HashMap;
use std::ops::Range;

/// One phrase match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index of the entry in the lexicon.
    pub entry: usize,
    /// Token range covered.
    pub tokens: Range<usize>,
}

/// A set of phrases, each pointing at an entry index.
#[derive(Debug, Clone, Default)]
pub struct PhraseSet {
    by_first: HashMap<String, Vec<(usize, Vec<String>)>>,
}

impl PhraseSet {
    /// Adds `phrase` for entry `entry`.
    pub fn add(&mut self, phrase: &str, entry: usize) {
        let words: Vec<String> = normalize_key(phrase)
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(canon)
            .collect();
        let Some(first) = words.first().cloned() else {
            return;
        };
        self.by_first.entry(first).or_default().push((entry, words));
    }

    /// Every match in `a` (overlaps included), in token order.
    pub fn find(&self, a: &Analysis<'_>) -> Vec<Hit> {
        self.find_in(a, 0..a.tokens.len())
    }

    /// Every match inside the token range `range`.
    pub fn find_in(&self, a: &Analysis<'_>, range: Range<usize>) -> Vec<Hit> {
        let mut out = Vec::new();
        let end = range.end.min(a.tokens.len());
        for i in range.start..end {
            if a.tokens[i].kind == TokenKind::Punct {
                continue;
            }
            for cand in candidates(&a.tokens[i].key, true) {
                let Some(list) = self.by_first.get(&cand) else {
                    continue;
                };
                for (entry, words) in list {
                    if let Some(j) = match_rest(a, i + 1, end, &words[1..]) {
                        out.push(Hit {
                            entry: *entry,
                            tokens: i..j,
                        });
                    }
                }
            }
        }
        out.sort_by_key(|h| (h.tokens.start, h.tokens.end, h.entry));
        out.dedup();
        out
    }
}

/// Matches `words` against tokens from `i`; returns the end token index.
fn match_rest(a: &Analysis<'_>, mut i: usize, end: usize, words: &[String]) -> Option<usize> {
    for w in words {
        // Skip the connecting hyphen or tatweel-like punctuation inside names.
        while i < end && a.tokens[i].kind == TokenKind::Punct && a.text[a.tokens[i].bytes.clone()] == *"-" {
            i += 1;
        }
        if i >= end || a.tokens[i].kind == TokenKind::Punct {
            return None;
        }
        if !candidates(&a.tokens[i].key, false).iter().any(|c| c == w) {
            return None;
        }
        i += 1;
    }
    Some(i)
}

/// A word without the article, when what remains is long enough to stand alone.
pub fn canon(w: &str) -> String {
    match w.strip_prefix("ال") {
        Some(rest) if rest.chars().count() >= 2 => rest.to_string(),
        _ => w.to_string(),
    }
}

/// Candidate stems of a token key, canonicalised (most literal first).
pub fn candidates(key: &str, first: bool) -> Vec<String> {
    let mut out = vec![canon(key)];
    let push = |s: &str, out: &mut Vec<String>| {
        if s.chars().count() >= 3 {
            let c = canon(s);
            if !out.contains(&c) {
                out.push(c);
            }
        }
    };
    let mut stems = vec![key.to_string()];
    if let Some(r) = key.strip_prefix('و').or_else(|| key.strip_prefix('ف')) {
        stems.push(r.to_string());
    }
    for s in stems.clone() {
        if let Some(r) = s.strip_prefix("لل") {
            stems.push(format!("ال{r}"));
        }
        for p in ['ب', 'ل', 'ك', 'س'] {
            if let Some(r) = s.strip_prefix(p) {
                stems.push(r.to_string());
            }
        }
    }
    for s in &stems {
        push(s, &mut out);
    }
    if first || key.chars().count() >= 5 {
        for s in stems {
            for suf in ["هما", "هم", "ها", "ه"] {
                let min = if suf == "ه" { 4 } else { 3 };
                if let Some(r) = s.strip_suffix(suf)
                    && r.chars().count() >= min
                {
                    push(r, &mut out);
                    if let Some(r2) = r.strip_suffix('ت') {
                        push(&format!("{r2}ه"), &mut out);
                    }
                }
            }
        }
    }
    out
}

/// Keeps the longest of overlapping hits (ties: the earliest entry), preferring earlier starts.
pub fn longest(mut hits: Vec<Hit>) -> Vec<Hit> {
    hits.sort_by_key(|h| (std::cmp::Reverse(h.tokens.len()), h.tokens.start, h.entry));
    let mut kept: Vec<Hit> = Vec::new();
    for h in hits {
        if kept
            .iter()
            .all(|k| k.tokens.end <= h.tokens.start || h.tokens.end <= k.tokens.start)
        {
            kept.push(h);
        }
    }
    kept.sort_by_key(|h| h.tokens.start);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad_text::{Lang, analyze};

    #[test]
    fn matches_with_clitics() {
        let mut s = PhraseSet::default();
        s.add("الحوثيين", 0);
        s.add("وقف إطلاق النار", 1);
        let a = analyze("القوات الموالية للحوثيين ووقف إطلاق النار", Some(Lang::Ar));
        let hits = s.find(&a);
        assert_eq!(hits.len(), 2);
        assert_eq!(hits[0].entry, 0);
        assert_eq!(hits[1].tokens.len(), 3);
    }

    #[test]
    fn short_words_need_exact_keys() {
        let mut s = PhraseSet::default();
        s.add("فر", 0);
        let a = analyze("وفر الدعم", Some(Lang::Ar));
        assert!(s.find(&a).is_empty());
    }

    #[test]
    fn longest_wins() {
        let hits = vec![
            Hit {
                entry: 0,
                tokens: 1..2,
            },
            Hit {
                entry: 1,
                tokens: 0..3,
            },
            Hit {
                entry: 2,
                tokens: 3..4,
            },
        ];
        let kept = longest(hits);
        assert_eq!(kept.len(), 2);
        assert_eq!(kept[0].entry, 1);
    }
}
