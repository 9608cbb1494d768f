//! Language identification.

use serde::{Deserialize, Serialize};

/// Languages Marsad distinguishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Arabic.
    Ar,
    /// English.
    En,
    /// Anything else, or too little text to tell.
    Und,
}

impl Lang {
    /// ISO 639-1 code, or `und`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::En => "en",
            Lang::Und => "und",
        }
    }

    /// Parses an ISO 639-1 or 639-3 code.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "ar" | "ara" | "arb" => Some(Lang::Ar),
            "en" | "eng" => Some(Lang::En),
            _ => None,
        }
    }
}

/// Identifies the language of `text`.
pub fn detect_lang(text: &str) -> Lang {
    let (mut arabic, mut latin) = (0usize, 0usize);
    for c in text.chars().take(4000) {
        if ('\u{0600}'..='\u{06FF}').contains(&c) {
            arabic += 1;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    if arabic > latin && arabic > 0 {
        Lang::Ar
    } else if latin > 0 {
        Lang::En
    } else {
        Lang::Und
    }
}
