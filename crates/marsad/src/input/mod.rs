//! Reading inputs for the subcommands: the command-line flags every reading command shares
//! ([`InputArgs`]) over the readers of the `marsad-ingest` crate ([`read_inputs`]).
//!
//! `extract` uses this; `ingest` and other commands that read documents can flatten [`InputArgs`] into
//! their own arguments and call [`read_inputs`] the same way, so every command accepts the same inputs
//! and reports bad ones the same way (see `docs/INPUT.md`).

use anyhow::bail;
pub use marsad_ingest::{Document, InputError, ReadOptions, read_inputs};
use std::path::PathBuf;

/// Input flags shared by the commands that read documents.
#[derive(Debug, Clone, clap::Args)]
pub struct InputArgs {
    /// Files (.txt, .json, .jsonl, .gz, .html) or directories; `-` or nothing reads JSONL from standard
    /// input.
    pub paths: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD) for documents that give none (plain-text files, JSON without
    /// `published`).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub published: Option<String>,
    /// Replace invalid UTF-8 with U+FFFD (noted in the document's `warnings`) instead of skipping the
    /// document.
    #[arg(long)]
    pub lossy: bool,
    /// Language of every document (`ar` or `en`), overriding the input's `lang` and identification.
    #[arg(long, value_name = "CODE")]
    pub lang: Option<String>,
    /// Cap on one document's text in bytes; longer texts are cut at a character boundary, with a
    /// warning.
    #[arg(long, value_name = "BYTES", default_value_t = marsad_ingest::MAX_TEXT_BYTES)]
    pub max_text_bytes: usize,
}

impl InputArgs {
    /// The validated reader options; an invalid flag is a usage error.
    pub fn read_options(&self) -> anyhow::Result<ReadOptions> {
        if let Some(p) = &self.published
            && !is_iso_date(p)
        {
            bail!("--published {p:?}: expected a date as YYYY-MM-DD");
        }
        let lang = match &self.lang {
            None => None,
            Some(l) => match marsad_text::Lang::from_code(l) {
                Some(lang) => Some(lang.code().to_string()),
                None => bail!("--lang {l:?}: unsupported language code"),
            },
        };
        if self.max_text_bytes == 0 {
            bail!("--max-text-bytes must be at least 1");
        }
        Ok(ReadOptions {
            lossy: self.lossy,
            published: self.published.clone(),
            lang,
            max_text_bytes: self.max_text_bytes,
            ..ReadOptions::default()
        })
    }
}

/// True for a calendar-plausible `YYYY-MM-DD`.
fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|t| t.parse::<u32>().ok());
    let all_digits = b
        .iter()
        .enumerate()
        .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    matches!(
        (all_digits, num(5..7), num(8..10)),
        (true, Some(1..=12), Some(1..=31))
    )
}

/// Prints one input error on standard error, in the documented form `marsad: PATH[:LINE]: MESSAGE`.
pub fn report(err: &InputError) {
    eprintln!("marsad: {err}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked() {
        assert!(is_iso_date("2022-09-13"));
        for bad in ["2022-13-01", "2022-9-13", "13/09/2022", "2022-09-1x", ""] {
            assert!(!is_iso_date(bad), "{bad}");
        }
    }
}
