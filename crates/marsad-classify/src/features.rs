//! Sentence features: hashed character n-grams (2–5, within padded words) and word uni- and bigrams of
//! the normalised key ([`marsad_text::normalize_key`]).
//!
//! Every feature is a string hashed with 64-bit FNV-1a (a namespace byte first, so a word and a
//! character n-gram with the same letters land in different buckets) and folded into `2^bits` buckets.
//! Counts are square-rooted and the vector is scaled to unit length, so long and short sentences weigh
//! alike.

use marsad_text::{CharIndex, TokenKind, normalize_key, tokenize};

/// A sparse feature vector: sorted, distinct bucket indices with their values.
pub type SparseVec = Vec<(u32, f32)>;

/// Smallest and largest character n-gram lengths.
const CHAR_NGRAMS: std::ops::RangeInclusive<usize> = 2..=5;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// 64-bit FNV-1a over a namespace byte and then `parts` (each followed by a separator byte).
fn fnv1a(namespace: u8, parts: &[&str]) -> u64 {
    let mut h = FNV_OFFSET;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    };
    eat(namespace);
    for part in parts {
        part.bytes().for_each(&mut eat);
        eat(0xff);
    }
    h
}

/// FNV-1a state extended by the UTF-8 bytes of `c`.
fn fnv_char(mut h: u64, c: char) -> u64 {
    let mut utf8 = [0u8; 4];
    for &b in c.encode_utf8(&mut utf8).as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// Hashes every character n-gram of `chars` (lengths [`CHAR_NGRAMS`]) exactly as `fnv1a(b'c', &[gram])`
/// would, extending one hash per start position instead of building strings.
fn char_ngrams(chars: &[char], push: &mut impl FnMut(u64)) {
    let start_state = fnv1a_prefix(b'c');
    for start in 0..chars.len() {
        let mut h = start_state;
        for (len, &c) in (1..=*CHAR_NGRAMS.end()).zip(&chars[start..]) {
            h = fnv_char(h, c);
            if CHAR_NGRAMS.contains(&len) {
                push((h ^ 0xff).wrapping_mul(FNV_PRIME));
            }
        }
    }
}

/// FNV-1a state after the namespace byte alone.
fn fnv1a_prefix(namespace: u8) -> u64 {
    (FNV_OFFSET ^ u64::from(namespace)).wrapping_mul(FNV_PRIME)
}

/// Splits a key into words: runs of letters and digits (punctuation and spaces separate).
fn words(key: &str) -> Vec<&str> {
    key.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The feature vector of `text` over `2^bits` buckets (`bits` in 1..=31).
pub fn featurize(text: &str, bits: u8) -> SparseVec {
    let key = normalize_key(text);
    let words = words(&key);
    let mask = (1u64 << bits.clamp(1, 31)) - 1;
    // Bucket indices fit u32 because `bits` is at most 31.
    let bucket = |h: u64| (h & mask) as u32;
    let mut raw: Vec<u32> = Vec::with_capacity(words.len() * 24);
    let mut padded: Vec<char> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        raw.push(bucket(fnv1a(b'w', &[w])));
        if let Some(next) = words.get(i + 1) {
            raw.push(bucket(fnv1a(b'b', &[w, next])));
        }
        padded.clear();
        padded.push('<');
        padded.extend(w.chars());
        padded.push('>');
        char_ngrams(&padded, &mut |h| raw.push(bucket(h)));
    }
    stems(&key, &mut |h| raw.push(bucket(h)));
    finish(raw)
}

/// Stem features: the first clitic analysis of each Arabic word (و، ف، ب، ل، ال and pronoun suffixes
/// removed), so "وبالهجوم" and "هجومهم" share "هجوم"; and stem bigrams.
fn stems(key: &str, push: &mut impl FnMut(u64)) {
    let index = CharIndex::new(key);
    let mut prev: Option<String> = None;
    for token in tokenize(key, &index) {
        if token.kind != TokenKind::Word {
            continue;
        }
        let stem = token
            .analyses
            .first()
            .map_or_else(|| token.key.clone(), |a| a.stem.clone());
        push(fnv1a(b's', &[&stem]));
        if let Some(p) = &prev {
            push(fnv1a(b't', &[p, &stem]));
        }
        prev = Some(stem);
    }
}

/// Counts bucket hits, square-roots the counts and scales the vector to unit length.
fn finish(mut raw: Vec<u32>) -> SparseVec {
    raw.sort_unstable();
    let mut out: SparseVec = Vec::with_capacity(raw.len());
    for idx in raw {
        match out.last_mut() {
            Some((last, count)) if *last == idx => *count += 1.0,
            _ => out.push((idx, 1.0)),
        }
    }
    let mut norm = 0.0f32;
    for (_, v) in &mut out {
        *v = v.sqrt();
        norm += *v * *v;
    }
    if norm > 0.0 {
        let inv = norm.sqrt().recip();
        out.iter_mut().for_each(|(_, v)| *v *= inv);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vector_is_sorted_distinct_and_unit_length() {
        let v = featurize("قُتل ثلاثة أشخاص في هجوم على قرية، والهجوم وقع أمس.", 18);
        assert!(!v.is_empty());
        assert!(v.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(v.iter().all(|&(i, _)| i < (1 << 18)));
        let norm: f32 = v.iter().map(|(_, x)| x * x).sum();
        assert!((norm - 1.0).abs() < 1e-4);
    }

    #[test]
    fn normalisation_makes_spelling_variants_equal() {
        assert_eq!(featurize("أطلق النار", 18), featurize("اطلق  النار", 18));
    }

    #[test]
    fn incremental_ngram_hashes_equal_string_hashes() {
        let chars: Vec<char> = "<والهجوم>".chars().collect();
        let mut fast = Vec::new();
        char_ngrams(&chars, &mut |h| fast.push(h));
        let mut slow = Vec::new();
        for n in CHAR_NGRAMS {
            for gram in chars.windows(n) {
                slow.push(fnv1a(b'c', &[&gram.iter().collect::<String>()]));
            }
        }
        fast.sort_unstable();
        slow.sort_unstable();
        assert_eq!(fast, slow);
    }

    #[test]
    fn empty_text_has_no_features() {
        assert!(featurize(" ،. ", 18).is_empty());
    }
}
