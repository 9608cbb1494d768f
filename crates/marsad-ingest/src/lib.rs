//! Marsad's input readers: they turn paths (files, directories, standard input) into a stream of
//! [`InputDoc`]s for the extractor, and every input that cannot be read into one [`InputError`] naming
//! the file and the line or byte offset, so that one bad input never stops a batch.
//!
//! The entry point is [`read_inputs`], an iterator of `Result<`[`Document`]`, `[`InputError`]`>` in
//! input order. Accepted inputs (the full rules are in `docs/INPUT.md`):
//!
//! - `.txt`: the whole file is one document, id = the file name without its extension;
//! - `.jsonl` / `.ndjson` / standard input: one JSON object a line, streamed, id defaults to `BASE:LINE`;
//! - `.json`: one object (or an array of objects);
//! - `.html` / `.htm`: the page's main text, title and publication date;
//! - `.gz`: gzip around any of these (JSONL when there is no inner extension);
//! - directories: walked recursively in sorted order, hidden entries skipped.
//!
//! Lower-level entry points ([`parse_html`], [`parse_doc`], [`JsonLines`], [`decode()`]) are public for
//! the fuzz targets and for other readers (feeds, the HTTP API).

pub mod decode;
pub mod depth;
mod error;
pub mod html;
pub mod json;
mod reader;
pub mod walk;

pub use decode::{DecodeError, Decoded, decode, looks_binary};
pub use error::{ErrorKind, InputError, Location};
pub use html::{HtmlPage, parse_html};
pub use json::{JsonLines, doc_from_value, parse_doc};
pub use reader::Inputs;
pub use walk::{Format, Source};

use marsad_model::InputDoc;
use std::path::PathBuf;

/// Default cap on one document's text: 5 MiB of UTF-8. Longer texts are cut at a character boundary
/// with a warning.
pub const MAX_TEXT_BYTES: usize = 5 * 1024 * 1024;
/// Default cap on one JSONL line: 64 MiB. Longer lines are skipped with an error.
pub const MAX_LINE_BYTES: usize = 64 * 1024 * 1024;
/// Default cap on a `.json` or HTML file: 64 MiB. Larger files are skipped with an error.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

/// How inputs are read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOptions {
    /// Replace invalid UTF-8 with U+FFFD (and say so in the document's warnings) instead of failing.
    pub lossy: bool,
    /// Publication date for documents that carry none (plain text, JSON without `published`).
    pub published: Option<String>,
    /// Language for every document, overriding what the input says.
    pub lang: Option<String>,
    /// Cap on one document's text, in bytes ([`MAX_TEXT_BYTES`]).
    pub max_text_bytes: usize,
    /// Cap on one JSONL line, in bytes ([`MAX_LINE_BYTES`]).
    pub max_line_bytes: usize,
    /// Cap on a whole `.json` or HTML file, in bytes ([`MAX_FILE_BYTES`]).
    pub max_file_bytes: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            lossy: false,
            published: None,
            lang: None,
            max_text_bytes: MAX_TEXT_BYTES,
            max_line_bytes: MAX_LINE_BYTES,
            max_file_bytes: MAX_FILE_BYTES,
        }
    }
}

/// One document read from an input, ready for the extractor.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The document; its `id` is always set.
    pub doc: InputDoc,
    /// What the reader noticed (lossy decoding, truncation, empty text): to be copied into the output's
    /// `warnings`.
    pub warnings: Vec<String>,
    /// The file it came from (`-` for standard input).
    pub path: PathBuf,
    /// Its 1-based line, for JSONL inputs.
    pub line: Option<u64>,
}

/// Every document of `paths`, in order (directories walked in sorted order); no paths or `-` means
/// JSONL on standard input. Nothing is read until the iterator is advanced.
pub fn read_inputs(paths: &[PathBuf], opts: &ReadOptions) -> Inputs {
    Inputs::new(paths, opts.clone())
}
