//! A small phrase matcher over the text layer's tokens: the local stand-in for `marsad-lexicon`'s
//! generic matcher, kept behind this one module so switching is a one-file change.
//!
//! A phrase is a sequence of normalised words. A token matches a word when its key, or the key left
//! after stripping Arabic proclitics (و ف, then ب ل ك س, then ال) or a pronoun suffix, equals the word
//! (both compared without the article ال).

use marsad_text::{Analysis, TokenKind, normalize_key};
use rustc_hash::FxHashMap;
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
    /// Phrases by their first word (Fx hashing: this map is probed for every candidate of every token).
    by_first: FxHashMap<String, Vec<(usize, Vec<String>)>>,
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
        let mut scratch = String::new();
        let (mut first, mut next) = (Cands::default(), Cands::default());
        let end = range.end.min(a.tokens.len());
        for i in range.start..end {
            if a.tokens[i].kind == TokenKind::Punct {
                continue;
            }
            first.fill(&a.tokens[i].key, true);
            for cand in first.iter() {
                let Some(list) = self.by_first.get(cand.as_str(&mut scratch)) else {
                    continue;
                };
                for (entry, words) in list {
                    if let Some(j) = match_rest(a, i + 1, end, &words[1..], &mut next) {
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
fn match_rest<'k>(
    a: &'k Analysis<'_>,
    mut i: usize,
    end: usize,
    words: &[String],
    cands: &mut Cands<'k>,
) -> Option<usize> {
    for w in words {
        // Skip the connecting hyphen or tatweel-like punctuation inside names.
        while i < end && a.tokens[i].kind == TokenKind::Punct && a.text[a.tokens[i].bytes.clone()] == *"-" {
            i += 1;
        }
        if i >= end || a.tokens[i].kind == TokenKind::Punct {
            return None;
        }
        cands.fill(&a.tokens[i].key, false);
        if !cands.contains(w) {
            return None;
        }
        i += 1;
    }
    Some(i)
}

/// A word without the article, when what remains is long enough to stand alone.
pub fn canon(w: &str) -> String {
    Cand::canon(false, w, letters(w), false).to_string()
}

/// Candidate stems of a token key, canonicalised (most literal first). Allocates; the matcher itself
/// uses [`Cands`].
pub fn candidates(key: &str, first: bool) -> Vec<String> {
    let mut c = Cands::default();
    c.fill(key, first);
    c.iter().map(Cand::to_string).collect()
}

/// True when one of the candidate stems of `key` ([`candidates`]) is in `list`.
pub fn has_candidate_in(key: &str, first: bool, list: &[&str]) -> bool {
    let mut c = Cands::default();
    c.fill(key, first);
    list.iter().any(|w| c.contains(w))
}

/// One candidate stem: `pre + mid + post`, where `mid` is a slice of the token key and `pre`/`post`
/// are the restored article ال and ta marbuta ه (both rare), so no candidate allocates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cand<'k> {
    pre: &'static str,
    mid: &'k str,
    post: &'static str,
}

impl<'k> Cand<'k> {
    /// The canonical form of `(article ? "ال" : "") + body + (ta ? "ه" : "")`, where `body` has
    /// `n` letters: the article dropped when what remains is at least two letters long.
    fn canon(article: bool, body: &'k str, n: usize, ta: bool) -> Self {
        let post = if ta { "ه" } else { "" };
        let rest = n + usize::from(ta);
        let mid = match body.strip_prefix("ال") {
            _ if article => body,
            Some(r) if rest >= 4 => r,
            _ => body,
        };
        let pre = if article && rest < 2 { "ال" } else { "" };
        Cand { pre, mid, post }
    }

    /// Length in bytes.
    fn len(&self) -> usize {
        self.pre.len() + self.mid.len() + self.post.len()
    }

    /// True when the candidate spells `w`.
    pub fn is(&self, w: &str) -> bool {
        w.len() == self.len()
            && w.starts_with(self.pre)
            && w[self.pre.len()..].starts_with(self.mid)
            && w.ends_with(self.post)
    }

    /// The bytes of the candidate.
    fn bytes(&self) -> impl Iterator<Item = u8> + '_ {
        self.pre.bytes().chain(self.mid.bytes()).chain(self.post.bytes())
    }

    /// True when both candidates spell the same string.
    fn same(&self, other: &Cand<'_>) -> bool {
        if self.len() != other.len() {
            return false;
        }
        if self.pre == other.pre && self.post == other.post {
            return self.mid == other.mid;
        }
        self.bytes().eq(other.bytes())
    }

    /// The candidate as one string slice: `mid` itself, or `scratch` filled with it.
    fn as_str<'s>(&self, scratch: &'s mut String) -> &'s str
    where
        'k: 's,
    {
        if self.pre.is_empty() && self.post.is_empty() {
            return self.mid;
        }
        scratch.clear();
        scratch.push_str(self.pre);
        scratch.push_str(self.mid);
        scratch.push_str(self.post);
        scratch
    }
}

impl std::fmt::Display for Cand<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}{}{}", self.pre, self.mid, self.post)
    }
}

/// Number of letters (code points) of a key.
fn letters(s: &str) -> usize {
    s.chars().count()
}

/// The candidate stems of one token key, without duplicates: the key, the key without a conjunction
/// (و ف), then without a preposition or the future marker (ب ل ك س; لل = ل + ال), and each of those
/// without a pronoun suffix (هما هم ها ه; a ت left before it is read back as ة). Every candidate is
/// canonicalised ([`canon`]) and, except the whole key, at least three letters long. Suffix-stripped
/// candidates are read only for the first word of a phrase or keys of five letters or more.
///
/// The buffer is meant to be reused ([`Cands::fill`]): candidates borrow the key and never allocate.
#[derive(Debug, Clone, Default)]
pub struct Cands<'k> {
    items: Vec<Cand<'k>>,
}

impl<'k> Cands<'k> {
    /// Replaces the buffer with the candidates of `key`; `suffixes` also computes the suffix-stripped
    /// ones (needed for the first word of a phrase, or a key of five letters or more).
    pub fn fill(&mut self, key: &'k str, suffixes: bool) {
        self.items.clear();
        let n = letters(key);
        self.items.push(Cand::canon(false, key, n, false));
        // Stems: (article restored from لل, body, letters of body).
        let mut stems: [(bool, &str, usize); 6] = [(false, "", 0); 6];
        let mut len = 0;
        stems[len] = (false, key, n);
        len += 1;
        if let Some(r) = key.strip_prefix('و').or_else(|| key.strip_prefix('ف')) {
            stems[len] = (false, r, n - 1);
            len += 1;
        }
        // Prepositions follow the conjunction: strip them from the key and from the key without it.
        let conj = len;
        for k in 0..conj {
            let (_, s, m) = stems[k];
            if let Some(r) = s.strip_prefix("لل") {
                stems[len] = (true, r, m - 2);
                len += 1;
            }
            if let Some(r) = ['ب', 'ل', 'ك', 'س'].iter().find_map(|p| s.strip_prefix(*p)) {
                stems[len] = (false, r, m - 1);
                len += 1;
            }
        }
        for &(article, body, m) in &stems[..len] {
            if m + 2 * usize::from(article) >= 3 {
                self.push(Cand::canon(article, body, m, false));
            }
        }
        if suffixes || n >= 5 {
            for &(article, body, m) in &stems[..len] {
                self.push_unsuffixed(article, body, m);
            }
        }
    }

    /// Adds the stem `(article, body)` without its pronoun suffix, and the ة reading of a ت before it.
    fn push_unsuffixed(&mut self, article: bool, body: &'k str, n: usize) {
        let extra = 2 * usize::from(article);
        for (suf, k) in [("هما", 3), ("هم", 2), ("ها", 2), ("ه", 1)] {
            let min = if k == 1 { 4 } else { 3 };
            let Some(r) = body.strip_suffix(suf) else {
                continue;
            };
            let m = n - k;
            if m + extra < min {
                continue;
            }
            self.push(Cand::canon(article, r, m, false));
            // r2 + ه has as many letters as r: at least three.
            if let Some(r2) = r.strip_suffix('ت') {
                self.push(Cand::canon(article, r2, m - 1, true));
            }
        }
    }

    fn push(&mut self, c: Cand<'k>) {
        if !self.items.iter().any(|x| x.same(&c)) {
            self.items.push(c);
        }
    }

    /// The candidates, most literal first.
    pub fn iter(&self) -> impl Iterator<Item = &Cand<'k>> {
        self.items.iter()
    }

    /// True when one of the candidates spells `w`.
    pub fn contains(&self, w: &str) -> bool {
        self.items.iter().any(|c| c.is(w))
    }
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

    /// The allocating candidate generator this module used before [`Cands`]: the two must agree.
    fn reference(key: &str, first: bool) -> Vec<String> {
        let canon = |w: &str| match w.strip_prefix("ال") {
            Some(rest) if rest.chars().count() >= 2 => rest.to_string(),
            _ => w.to_string(),
        };
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

    #[test]
    fn cands_agree_with_the_reference() {
        // Every key built from clitic letters up to five letters long, plus some real words.
        let alphabet = ['و', 'ل', 'ب', 'ا', 'ه', 'ت', 'م', 'س'];
        let mut keys: Vec<String> = vec![String::new()];
        let mut frontier = keys.clone();
        for _ in 0..5 {
            let next: Vec<String> = frontier
                .iter()
                .flat_map(|k| alphabet.iter().map(move |c| format!("{k}{c}")))
                .collect();
            keys.extend(next.iter().cloned());
            frontier = next;
        }
        for w in [
            "وللحكومتها",
            "بالقريه",
            "فسيقتلونهما",
            "للت",
            "للتها",
            "الت",
            "وقتل",
            "abc",
            "49",
        ] {
            keys.push(w.to_string());
        }
        for k in &keys {
            for first in [true, false] {
                let mut want = reference(k, first);
                let mut got = candidates(k, first);
                assert_eq!(got.len(), want.len(), "{k:?} {first}: {got:?} vs {want:?}");
                want.sort();
                got.sort();
                assert_eq!(got, want, "{k:?} {first}");
            }
        }
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
