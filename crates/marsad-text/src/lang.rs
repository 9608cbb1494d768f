//! Language identification.
//!
//! The script decides first: letters are counted by script over the start of the text. Arabic-script
//! text is Arabic unless at least 3% of its letters are ones Arabic does not use (پ چ ژ گ ک ی ٹ ں ے…)
//! and the `whatlang` trigram model is then sure it is Persian or Urdu; other text gets `whatlang`'s
//! best guess among the languages [`Lang`] names. Texts with fewer than
//! [`MIN_LETTERS`] letters are [`Lang::Ar`] when they are clearly in Arabic script and [`Lang::Und`]
//! otherwise. Accuracy and speed are measured in `LANGID.md`.

use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// Fewer letters than this and only the script is used.
pub const MIN_LETTERS: usize = 12;

/// How much of a text (in bytes, rounded down to a char boundary) is read to identify its language.
const SAMPLE_BYTES: usize = 2048;

/// Languages Marsad distinguishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Arabic.
    Ar,
    /// English.
    En,
    /// French.
    Fr,
    /// Spanish.
    Es,
    /// German.
    De,
    /// Turkish.
    Tr,
    /// Persian.
    Fa,
    /// Urdu.
    Ur,
    /// Russian.
    Ru,
    /// Hebrew.
    He,
    /// Anything else, or too little text to tell.
    Und,
}

/// Every language, `Und` last.
const ALL: [Lang; 11] = [
    Lang::Ar,
    Lang::En,
    Lang::Fr,
    Lang::Es,
    Lang::De,
    Lang::Tr,
    Lang::Fa,
    Lang::Ur,
    Lang::Ru,
    Lang::He,
    Lang::Und,
];

impl Lang {
    /// ISO 639-1 code, or `und`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::De => "de",
            Lang::Tr => "tr",
            Lang::Fa => "fa",
            Lang::Ur => "ur",
            Lang::Ru => "ru",
            Lang::He => "he",
            Lang::Und => "und",
        }
    }

    /// ISO 639-3 code, or `und`.
    pub fn code3(self) -> &'static str {
        match self {
            Lang::Ar => "ara",
            Lang::En => "eng",
            Lang::Fr => "fra",
            Lang::Es => "spa",
            Lang::De => "deu",
            Lang::Tr => "tur",
            Lang::Fa => "fas",
            Lang::Ur => "urd",
            Lang::Ru => "rus",
            Lang::He => "heb",
            Lang::Und => "und",
        }
    }

    /// Parses an ISO 639-1 or 639-3 code (or a BCP 47 tag such as `ar-SA`; the region is ignored).
    /// `und` and unknown codes give `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase();
        let primary = code.split(['-', '_']).next().unwrap_or_default();
        match primary {
            "arb" => Some(Lang::Ar),
            "pes" | "per" => Some(Lang::Fa),
            "fre" => Some(Lang::Fr),
            "ger" => Some(Lang::De),
            "und" => None,
            p => ALL.into_iter().find(|l| l.code() == p || l.code3() == p),
        }
    }

    fn from_whatlang(l: whatlang::Lang) -> Lang {
        match l {
            whatlang::Lang::Ara => Lang::Ar,
            whatlang::Lang::Eng => Lang::En,
            whatlang::Lang::Fra => Lang::Fr,
            whatlang::Lang::Spa => Lang::Es,
            whatlang::Lang::Deu => Lang::De,
            whatlang::Lang::Tur => Lang::Tr,
            whatlang::Lang::Pes => Lang::Fa,
            whatlang::Lang::Urd => Lang::Ur,
            whatlang::Lang::Rus => Lang::Ru,
            whatlang::Lang::Heb => Lang::He,
            _ => Lang::Und,
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

static ARABIC_SCRIPT: LazyLock<whatlang::Detector> = LazyLock::new(|| {
    whatlang::Detector::with_allowlist(vec![
        whatlang::Lang::Ara,
        whatlang::Lang::Pes,
        whatlang::Lang::Urd,
    ])
});

static OTHER_SCRIPTS: LazyLock<whatlang::Detector> = LazyLock::new(|| {
    use whatlang::Lang as W;
    whatlang::Detector::with_allowlist(vec![W::Eng, W::Fra, W::Spa, W::Deu, W::Tur, W::Rus, W::Heb])
});

/// Letters of a text sample, by script.
#[derive(Debug, Default)]
struct ScriptCounts {
    arabic: usize,
    /// Arabic-script letters Arabic does not use (Persian پ چ ژ گ, Urdu ٹ ڈ ڑ ں ے…).
    non_arabic: usize,
    latin: usize,
    other: usize,
}

fn count_scripts(sample: &str) -> ScriptCounts {
    let mut n = ScriptCounts::default();
    for c in sample.chars() {
        if c.is_ascii_alphabetic() {
            n.latin += 1;
        } else if crate::token::is_arabic_letter(c) {
            n.arabic += 1;
            n.non_arabic += usize::from(matches!(
                c,
                'پ' | 'چ' | 'ژ' | 'گ' | 'ک' | 'ی' | 'ٹ' | 'ڈ' | 'ڑ' | 'ں' | 'ے' | 'ہ' | 'ۀ'
            ));
        } else if c.is_alphabetic() {
            if matches!(c, '\u{00C0}'..='\u{024F}') {
                n.latin += 1;
            } else {
                n.other += 1;
            }
        }
    }
    n
}

/// The start of `text`, at most [`SAMPLE_BYTES`] long, cut on a char boundary.
fn sample(text: &str) -> &str {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Identifies the language of `text`.
pub fn detect_lang(text: &str) -> Lang {
    let sample = sample(text);
    let n = count_scripts(sample);
    let letters = n.arabic + n.latin + n.other;
    let arabic_script = n.arabic * 2 > letters;
    if letters < MIN_LETTERS {
        return if arabic_script { Lang::Ar } else { Lang::Und };
    }
    if arabic_script {
        // Arabic itself never writes these letters: without them the trigram model is not consulted.
        if n.non_arabic * 100 < n.arabic * 3 {
            return Lang::Ar;
        }
        return match ARABIC_SCRIPT.detect(sample) {
            Some(info) if info.is_reliable() => Lang::from_whatlang(info.lang()),
            _ => Lang::Ar,
        };
    }
    // Outside the Arabic script the model's best guess among the languages named is taken even when
    // it is unsure, unless English function words show up: short English headlines are otherwise lost.
    match OTHER_SCRIPTS.detect(sample) {
        None => Lang::Und,
        Some(info) if !info.is_reliable() && n.latin * 2 > letters && has_english_words(sample) => Lang::En,
        Some(info) => Lang::from_whatlang(info.lang()),
    }
}

/// True when `sample` holds a word only English uses among the Latin-script languages Marsad names.
fn has_english_words(sample: &str) -> bool {
    sample.split(|c: char| !c.is_ascii_alphabetic()).any(|w| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "the"
                | "of"
                | "and"
                | "to"
                | "is"
                | "was"
                | "were"
                | "for"
                | "with"
                | "said"
                | "has"
                | "have"
                | "from"
                | "that"
                | "this"
                | "after"
                | "by"
                | "at"
                | "on"
                | "killed"
                | "its"
                | "their"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for l in ALL {
            if l != Lang::Und {
                assert_eq!(Lang::from_code(l.code()), Some(l));
                assert_eq!(Lang::from_code(l.code3()), Some(l));
            }
        }
        assert_eq!(Lang::from_code(" AR-sa "), Some(Lang::Ar));
        assert_eq!(Lang::from_code("arb"), Some(Lang::Ar));
        assert_eq!(Lang::from_code("und"), None);
        assert_eq!(Lang::from_code("xx"), None);
        assert_eq!(Lang::Fa.to_string(), "fa");
    }

    #[test]
    fn detects() {
        assert_eq!(
            detect_lang("تواجه أرمينيا وأذربيجان اشتباكات مسلحة في أسوأ لحظة بالنسبة لبوتين"),
            Lang::Ar
        );
        assert_eq!(
            detect_lang("Armenia and Azerbaijan clash at the worst moment for Putin, officials said."),
            Lang::En
        );
        assert_eq!(
            detect_lang(
                "L'Arménie et l'Azerbaïdjan s'affrontent au pire moment pour Poutine, selon les autorités."
            ),
            Lang::Fr
        );
        assert_eq!(
            detect_lang(
                "Armenia y Azerbaiyán se enfrentan en el peor momento para Putin, según las autoridades."
            ),
            Lang::Es
        );
        assert_eq!(
            detect_lang(
                "ارمنستان و آذربایجان در بدترین زمان برای پوتین با یکدیگر درگیر شده‌اند و این را می‌گویند"
            ),
            Lang::Fa
        );
    }

    #[test]
    fn short_texts() {
        assert_eq!(detect_lang(""), Lang::Und);
        assert_eq!(detect_lang("   123 ..."), Lang::Und);
        assert_eq!(detect_lang("قصف"), Lang::Ar);
        assert_eq!(detect_lang("OK"), Lang::Und);
    }
}
