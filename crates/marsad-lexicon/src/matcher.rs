//! A generic, token-aligned, clitic-aware phrase matcher over a `marsad_text::Analysis`.
//!
//! A [`Lexicon`] is read from a TSV file whose first column is a phrase and whose other columns are
//! parsed by the row type ([`Row`]). Its phrases are folded with `marsad_text::normalize_key` and cut
//! into tokens exactly as a document is, then compiled into one Aho-Corasick automaton. Matching runs
//! that automaton once over the document's token keys (joined by spaces, hyphens dropped) and keeps a
//! hit only when it is aligned to token boundaries — or starts after a run of proclitics inside its
//! first token, or ends before a pronoun suffix inside its last one. Among the hits that survive, the
//! leftmost-longest ones win.

use crate::clitics::{is_suffix, split_prefixes};
use aho_corasick::{AhoCorasick, MatchKind};
use marsad_model::Span;
use marsad_text::normalize::fold_char;
use marsad_text::{Analysis, CharIndex, KeyedText, Token, TokenKind, normalize_key};
use std::collections::HashMap;
use std::ops::Range;

/// One TSV row after the phrase column.
pub trait Row: Sized {
    /// Parses the fields that follow the phrase; the message names the faulty field.
    fn parse(fields: &[&str]) -> Result<Self, String>;

    /// Whether the article ال may be stripped from the front of this row's phrase in the text, and a
    /// final ة read as ت before a pronoun suffix (حكومة → حكومته). True by default (common nouns); names
    /// return false, so that الهادئ never matches the name هادي (and their lexicons build faster).
    fn takes_article(&self) -> bool {
        true
    }
}

/// Errors reading a lexicon.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// A row could not be parsed.
    #[error("lexicon {lexicon}, line {line}: {message}")]
    Row {
        /// Lexicon name.
        lexicon: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// Two rows fold to the same key.
    #[error("lexicon {lexicon}, line {line}: duplicate key {key:?} (first on line {first})")]
    Duplicate {
        /// Lexicon name.
        lexicon: String,
        /// 1-based line number of the second row.
        line: usize,
        /// 1-based line number of the first row.
        first: usize,
        /// The folded key.
        key: String,
    },
    /// The automaton could not be built.
    #[error("lexicon {lexicon}: {source}")]
    Build {
        /// Lexicon name.
        lexicon: String,
        /// Cause.
        source: aho_corasick::BuildError,
    },
}

/// One phrase found in a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Match<'l, T> {
    /// The lexicon row.
    pub entry: &'l T,
    /// The row's key (`normalize_key` of its phrase).
    pub key: &'l str,
    /// Tokens the match touches (the first and last may hold stripped clitics).
    pub tokens: Range<usize>,
    /// Byte range of the matched surface in the original text, stripped clitics excluded.
    pub bytes: Range<usize>,
    /// Code-point span of the matched surface in the original text.
    pub span: Span,
    /// Proclitics stripped from the first token, in order (e.g. `["و", "ب"]`).
    pub prefixes: Vec<&'static str>,
    /// Pronoun suffix stripped from the last token, if any (e.g. `"ه"`).
    pub suffix: Option<&'static str>,
}

/// How a compiled pattern relates to its entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Variant {
    /// The phrase as written.
    Plain,
    /// A phrase opening with ال, written without its alef after the preposition ل (لل): must follow ل.
    AfterLam,
    /// A phrase ending in ة, written ت before a pronoun suffix: must be followed by one.
    BeforeSuffix,
}

#[derive(Debug, Clone, Copy)]
struct Pattern {
    entry: usize,
    variant: Variant,
    /// The phrase ends with a lone proclitic (وفقا ل): it may end inside the next word it is glued to.
    glued_end: bool,
    /// The row accepts the article ال as a stripped proclitic.
    takes_article: bool,
}

/// A phrase lexicon with rows of type `T`.
#[derive(Debug, Clone)]
pub struct Lexicon<T> {
    name: String,
    keys: Vec<String>,
    rows: Vec<T>,
    by_key: HashMap<String, usize>,
    patterns: Vec<Pattern>,
    automaton: AhoCorasick,
}

/// The document side of a match: the token keys of a document (or of a token range) joined into one
/// string. [`Lexicon::find`] builds it on every call; a caller that runs several lexicons over the same
/// analysis builds it once ([`DocKeys::new`]) and calls [`Lexicon::find_keyed`].
#[derive(Debug, Clone)]
pub struct DocKeys {
    text: String,
    /// Token index, start and end (in `text`) of every token that was written.
    spans: Vec<(usize, usize, usize)>,
    /// Number of tokens and length of the text of the analysis it was built from.
    source: (usize, usize),
}

impl DocKeys {
    /// The keys of tokens `tokens` of `a` (clamped to its tokens).
    pub fn new(a: &Analysis<'_>, tokens: Range<usize>) -> Self {
        let end = tokens.end.min(a.tokens.len());
        doc_keys(a, tokens.start.min(end)..end)
    }

    /// True when this was built from an analysis shaped like `a` (same token count and text length).
    fn fits(&self, a: &Analysis<'_>) -> bool {
        self.source == (a.tokens.len(), a.text.len())
    }
}

/// A hit that passed the boundary checks.
#[derive(Debug, Clone)]
struct Candidate {
    start: usize,
    end: usize,
    pattern: Pattern,
    first: usize,
    last: usize,
    prefixes: Vec<&'static str>,
    suffix: Option<&'static str>,
}

impl<T: Row> Lexicon<T> {
    /// Parses a TSV (header lines starting with `#`, then `phrase<TAB>field…`); keys are
    /// `marsad_text::normalize_key(phrase)`. Errors name the line. Blank lines are skipped.
    pub fn from_tsv(name: &str, tsv: &str) -> Result<Self, LexiconError> {
        let mut keys = Vec::new();
        let mut rows = Vec::new();
        let mut by_key = HashMap::new();
        let mut lines_of = Vec::new();
        let row_err = |line: usize, message: String| LexiconError::Row {
            lexicon: name.to_owned(),
            line,
            message,
        };
        for (i, raw) in tsv.lines().enumerate() {
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut fields = line.split('\t');
            let phrase = fields.next().unwrap_or_default().trim();
            let key = normalize_key(phrase);
            if key.is_empty() {
                return Err(row_err(i + 1, "empty phrase".to_owned()));
            }
            let rest: Vec<&str> = fields.map(str::trim).collect();
            let row = T::parse(&rest).map_err(|m| row_err(i + 1, m))?;
            if let Some(&first) = by_key.get(&key) {
                return Err(LexiconError::Duplicate {
                    lexicon: name.to_owned(),
                    line: i + 1,
                    first: lines_of[first],
                    key,
                });
            }
            by_key.insert(key.clone(), keys.len());
            keys.push(key);
            rows.push(row);
            lines_of.push(i + 1);
        }
        let articles: Vec<bool> = rows.iter().map(Row::takes_article).collect();
        let (forms, patterns) = compile(&keys, &articles);
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&forms)
            .map_err(|source| LexiconError::Build {
                lexicon: name.to_owned(),
                source,
            })?;
        Ok(Lexicon {
            name: name.to_owned(),
            keys,
            rows,
            by_key,
            patterns,
            automaton,
        })
    }
}

impl<T> Lexicon<T> {
    /// The lexicon's name (used in error messages).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when the lexicon has no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Exact lookup of a key; `key` is folded with `normalize_key` first.
    pub fn get(&self, key: &str) -> Option<&T> {
        let folded = normalize_key(key);
        self.by_key.get(&folded).map(|&i| &self.rows[i])
    }

    /// Every row with its key, in file order.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &T)> {
        self.keys.iter().map(String::as_str).zip(self.rows.iter())
    }

    /// Leftmost-longest matches over the whole document.
    pub fn find<'l>(&'l self, a: &Analysis<'_>) -> Vec<Match<'l, T>> {
        self.find_in(a, 0..a.tokens.len())
    }

    /// Leftmost-longest matches within `tokens` (e.g. one sentence's token range). Matches never cross
    /// a sentence boundary.
    pub fn find_in<'l>(&'l self, a: &Analysis<'_>, tokens: Range<usize>) -> Vec<Match<'l, T>> {
        self.matches(a, &DocKeys::new(a, tokens))
    }

    /// Leftmost-longest matches over keys built once with [`DocKeys::new`] from the same analysis `a`
    /// (several lexicons can share them). Keys built from another analysis are rebuilt.
    pub fn find_keyed<'l>(&'l self, a: &Analysis<'_>, keys: &DocKeys) -> Vec<Match<'l, T>> {
        if keys.fits(a) {
            self.matches(a, keys)
        } else {
            self.find(a)
        }
    }

    fn matches<'l>(&'l self, a: &Analysis<'_>, doc: &DocKeys) -> Vec<Match<'l, T>> {
        let mut found: Vec<Candidate> = self
            .automaton
            .find_overlapping_iter(&doc.text)
            .filter_map(|m| {
                let pattern = self.patterns[m.pattern().as_usize()];
                check(a, doc, m.start(), m.end(), pattern)
            })
            .collect();
        found.sort_by(|x, y| x.start.cmp(&y.start).then(y.end.cmp(&x.end)));
        let mut out = Vec::new();
        let mut reach = 0;
        for c in found {
            if c.start < reach {
                continue;
            }
            reach = c.end;
            out.push(self.to_match(a, doc, c));
        }
        out
    }

    fn to_match<'l>(&'l self, a: &Analysis<'_>, doc: &DocKeys, c: Candidate) -> Match<'l, T> {
        let (fi, fs, _) = doc.spans[c.first];
        let (li, ls, le) = doc.spans[c.last];
        let first = &a.tokens[fi];
        let last = &a.tokens[li];
        let start = if c.start == fs {
            first.bytes.start
        } else {
            inner_offset(a.text, first, c.start - fs, false)
        };
        let end = if c.end == le {
            last.bytes.end
        } else {
            inner_offset(a.text, last, c.end - ls, true)
        };
        let bytes = start..end.max(start);
        let index: &CharIndex = &a.index;
        Match {
            entry: &self.rows[c.pattern.entry],
            key: &self.keys[c.pattern.entry],
            tokens: fi..li + 1,
            span: index.span(bytes.clone()),
            bytes,
            prefixes: c.prefixes,
            suffix: c.suffix,
        }
    }
}

/// Compiles every key into its match forms: the key cut into tokens like a document, plus the
/// assimilated-lam and ta-marbuta variants of Arabic keys.
fn compile(keys: &[String], articles: &[bool]) -> (Vec<String>, Vec<Pattern>) {
    let mut forms = Vec::with_capacity(keys.len() * 2);
    let mut patterns = Vec::with_capacity(keys.len() * 2);
    for (entry, key) in keys.iter().enumerate() {
        let form = phrase_form(key);
        if form.is_empty() {
            continue;
        }
        let glued_end = form
            .rsplit_once(' ')
            .is_some_and(|(_, last)| matches!(last, "ل" | "ب" | "ك"));
        let takes_article = articles.get(entry).copied().unwrap_or(true);
        if let Some(rest) = form.strip_prefix("ال").filter(|r| r.chars().count() >= 2) {
            forms.push(format!("ل{rest}"));
            patterns.push(Pattern {
                entry,
                variant: Variant::AfterLam,
                glued_end,
                takes_article,
            });
        }
        // Names (rows that refuse the article) take no pronoun suffix either: no ت variant for them.
        let suffixable = form
            .strip_suffix('ه')
            .filter(|s| takes_article && s.chars().count() >= 2);
        if let Some(stem) = suffixable {
            forms.push(format!("{stem}ت"));
            patterns.push(Pattern {
                entry,
                variant: Variant::BeforeSuffix,
                glued_end,
                takes_article,
            });
        }
        forms.push(form);
        patterns.push(Pattern {
            entry,
            variant: Variant::Plain,
            glued_end,
            takes_article,
        });
    }
    (forms, patterns)
}

/// True for punctuation tokens that join words of one phrase (hyphens and dashes).
fn is_joiner(s: &str) -> bool {
    matches!(s, "-" | "‐" | "‑" | "–" | "—")
}

/// A phrase's match form: the words of its key (already folded by `normalize_key`) joined by single
/// spaces, hyphens dropped. Words are cut
/// like the text layer's tokenizer cuts a document (runs of letters, runs of digits, one token per other
/// character); a test checks the two agree on every shipped phrase. The tokenizer itself is not called
/// here because its clitic analyses would make building the lexicons several times slower.
fn phrase_form(key: &str) -> String {
    #[derive(PartialEq, Clone, Copy)]
    enum Class {
        Space,
        Letter,
        Digit,
        Other,
    }
    let class = |c: char| {
        if c.is_whitespace() {
            Class::Space
        } else if c.is_alphabetic() || fold_char(c).is_none() {
            Class::Letter
        } else if c.is_numeric() {
            Class::Digit
        } else {
            Class::Other
        }
    };
    let mut out = String::with_capacity(key.len());
    let mut prev = Class::Space;
    for c in key.chars() {
        let k = class(c);
        let joiner = k == Class::Other && is_joiner(c.encode_utf8(&mut [0; 4]));
        if k == Class::Space || joiner {
            prev = Class::Space;
            continue;
        }
        let continues = k == prev && k != Class::Other;
        if !continues && !out.is_empty() {
            out.push(' ');
        }
        out.push(c);
        prev = k;
    }
    out
}

/// The match form built with the text layer's own tokenizer (slow; used by tests to check
/// [`phrase_form`]).
#[cfg(test)]
pub(crate) fn phrase_form_by_tokenizer(phrase: &str) -> String {
    let index = CharIndex::new(phrase);
    let mut out = String::with_capacity(phrase.len());
    for t in marsad_text::tokenize(phrase, &index) {
        if t.key.is_empty() || (t.kind == TokenKind::Punct && is_joiner(&t.key)) {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&t.key);
    }
    out
}

/// Joins the keys of tokens `range` with spaces (a newline where the original breaks the line, so
/// that no phrase spans a line break), hyphens dropped. Punctuation tokens stay, so a phrase only
/// crosses punctuation that it contains itself.
fn doc_keys(a: &Analysis<'_>, range: Range<usize>) -> DocKeys {
    // Keys are about as long as the surface they come from.
    let surface = match (
        a.tokens.get(range.start),
        range.end.checked_sub(1).and_then(|e| a.tokens.get(e)),
    ) {
        (Some(f), Some(l)) => l.bytes.end.saturating_sub(f.bytes.start),
        _ => 0,
    };
    let mut text = String::with_capacity(surface);
    let mut spans = Vec::with_capacity(range.len());
    let mut prev_end: Option<usize> = None;
    for i in range {
        let t = &a.tokens[i];
        if t.key.is_empty() || (t.kind == TokenKind::Punct && is_joiner(&t.key)) {
            continue;
        }
        if let Some(p) = prev_end {
            let gap = a.text.get(p..t.bytes.start).unwrap_or_default();
            text.push(if gap.contains('\n') { '\n' } else { ' ' });
        }
        prev_end = Some(t.bytes.end);
        let start = text.len();
        text.push_str(&t.key);
        spans.push((i, start, text.len()));
    }
    DocKeys {
        text,
        spans,
        source: (a.tokens.len(), a.text.len()),
    }
}

/// Checks a raw hit against token boundaries and the clitic grammar.
fn check(a: &Analysis<'_>, doc: &DocKeys, start: usize, end: usize, pattern: Pattern) -> Option<Candidate> {
    let first = doc.spans.partition_point(|&(_, _, e)| e <= start);
    let last = doc.spans.partition_point(|&(_, _, e)| e < end);
    let &(fi, fs, _) = doc.spans.get(first)?;
    let &(_, _, le) = doc.spans.get(last)?;
    if start < fs {
        return None;
    }
    let lead = &doc.text[fs..start];
    let prefixes = if lead.is_empty() {
        Vec::new()
    } else {
        analysed_prefixes(&a.tokens[fi], lead).or_else(|| split_prefixes(lead))?
    };
    if pattern.variant == Variant::AfterLam && prefixes.last() != Some(&"ل") {
        return None;
    }
    if !pattern.takes_article && prefixes.contains(&"ال") {
        return None;
    }
    let tail = &doc.text[end..le];
    let suffix = if tail.is_empty() || pattern.glued_end {
        None
    } else {
        let &(li, _, _) = doc.spans.get(last)?;
        if tail == "ه" && ends_in_ta_marbuta(a.text, &a.tokens[li]) {
            // The key folds ة to ه: محافظة is not محافظ + the pronoun ه.
            return None;
        }
        Some(suffix_key(tail)?)
    };
    if pattern.variant == Variant::BeforeSuffix && suffix.is_none() {
        return None;
    }
    Some(Candidate {
        start,
        end,
        pattern,
        first,
        last,
        prefixes,
        suffix,
    })
}

/// The text layer's own proclitic analysis of a token, when one of its analyses strips exactly `lead`.
fn analysed_prefixes(token: &Token, lead: &str) -> Option<Vec<&'static str>> {
    token
        .analyses
        .iter()
        .find(|c| !c.prefixes.is_empty() && c.prefixes.concat() == lead)
        .map(|c| c.prefixes.clone())
}

/// True when the token's last letter (tashkeel aside) is ة in the original text.
fn ends_in_ta_marbuta(text: &str, token: &Token) -> bool {
    text.get(token.bytes.clone())
        .and_then(|s| s.chars().rev().find(|c| fold_char(*c).is_some()))
        == Some('ة')
}

/// The static form of a pronoun suffix key.
fn suffix_key(tail: &str) -> Option<&'static str> {
    if !is_suffix(tail) {
        return None;
    }
    ["ه", "ها", "هم", "هما", "هن", "نا", "كم"]
        .into_iter()
        .find(|s| *s == tail)
}

/// Original byte offset of key byte `k` inside `token` (start of that character, or the end of the
/// character before it when `is_end`).
fn inner_offset(text: &str, token: &Token, k: usize, is_end: bool) -> usize {
    let surface = &text[token.bytes.clone()];
    let keyed = KeyedText::new(surface);
    let local = if is_end {
        // Keep the marks (tashkeel) written on the last matched letter.
        let end = keyed.original_range(0, k, surface).end;
        let marks: usize = surface[end..]
            .chars()
            .take_while(|c| fold_char(*c).is_none())
            .map(char::len_utf8)
            .sum();
        end + marks
    } else {
        keyed.origin.get(k).map_or(surface.len(), |&o| o as usize)
    };
    token.bytes.start + local
}

#[cfg(test)]
mod tests;
