//! [`Inputs`]: the streaming iterator over every document of a list of paths.

use crate::decode::{DecodeError, cap_text, decode, looks_binary};
use crate::error::{ErrorKind, InputError, Location};
use crate::html::parse_html;
use crate::json::{JsonLines, doc_from_value};
use crate::walk::{Entry, Format, Source, list_dir, named_source};
use crate::{Document, ReadOptions};
use marsad_model::InputDoc;
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

type Lines = JsonLines<Box<dyn BufRead + Send>>;

/// What is still to read.
#[derive(Debug)]
enum Pending {
    /// A path named by the caller.
    Named(PathBuf),
    /// A directory found below a named one, with its relative path.
    Dir(PathBuf, String),
    /// A file to read.
    File(Source),
    /// An error found while walking.
    Error(InputError),
}

/// Streams every document of a list of inputs, in order: each item a [`Document`] or the
/// [`InputError`] of one input (or one line of it). JSONL is read a line at a time; other formats a file
/// at a time, within [`ReadOptions`]' limits. Built by [`crate::read_inputs`].
pub struct Inputs {
    opts: ReadOptions,
    pending: VecDeque<Pending>,
    lines: Option<(Lines, Source)>,
    ready: VecDeque<Result<Document, InputError>>,
}

impl std::fmt::Debug for Inputs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Inputs")
            .field("pending", &self.pending)
            .field("ready", &self.ready.len())
            .finish_non_exhaustive()
    }
}

impl Inputs {
    pub(crate) fn new(paths: &[PathBuf], opts: ReadOptions) -> Self {
        let mut pending: VecDeque<Pending> = paths
            .iter()
            .map(|p| {
                if p.as_os_str() == "-" {
                    Pending::File(Source::stdin())
                } else {
                    Pending::Named(p.clone())
                }
            })
            .collect();
        if pending.is_empty() {
            pending.push_back(Pending::File(Source::stdin()));
        }
        Inputs {
            opts,
            pending,
            lines: None,
            ready: VecDeque::new(),
        }
    }

    fn next_from_lines(&mut self) -> Option<Result<Document, InputError>> {
        let (lines, source) = self.lines.as_mut()?;
        match lines.next() {
            Some(Ok(line)) => {
                let default_id = format!("{}:{}", source.id_base, line.number);
                let mut doc = finish(line.doc, line.warnings, default_id, &self.opts);
                doc.path.clone_from(&source.path);
                doc.line = Some(line.number);
                Some(Ok(doc))
            }
            Some(Err(e)) => Some(Err(e)),
            None => {
                self.lines = None;
                None
            }
        }
    }

    /// Handles one pending item, queueing what it yields.
    fn step(&mut self, item: Pending) {
        match item {
            Pending::Error(e) => self.ready.push_back(Err(e)),
            Pending::Named(path) => self.named(path),
            Pending::Dir(dir, rel) => match list_dir(&dir, &rel) {
                Ok(entries) => {
                    for entry in entries.into_iter().rev() {
                        self.pending.push_front(match entry {
                            Entry::File(s) => Pending::File(s),
                            Entry::Dir(d, r) => Pending::Dir(d, r),
                            Entry::Error(e) => Pending::Error(e),
                        });
                    }
                }
                Err(e) => self.ready.push_back(Err(e)),
            },
            Pending::File(source) => self.open(source),
        }
    }

    fn named(&mut self, path: PathBuf) {
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => {
                let kind = ErrorKind::Io(e.to_string());
                self.ready
                    .push_back(Err(InputError::new(path, Location::File, kind)));
                return;
            }
        };
        let item = if meta.is_dir() {
            Pending::Dir(path, String::new())
        } else if !meta.is_file() {
            Pending::Error(InputError::new(path, Location::File, ErrorKind::NotAFile))
        } else {
            match named_source(&path) {
                Ok(s) => Pending::File(s),
                Err(e) => Pending::Error(e),
            }
        };
        self.pending.push_front(item);
    }

    fn open(&mut self, source: Source) {
        let reader = match open_reader(&source) {
            Ok(r) => r,
            Err(kind) => {
                self.ready
                    .push_back(Err(InputError::new(source.path, Location::File, kind)));
                return;
            }
        };
        let result = match source.format {
            Format::JsonLines => self.start_lines(reader, source),
            Format::Text => read_text(reader, &source, &self.opts).map(|d| vec![d]),
            Format::Json => read_json(reader, &source, &self.opts),
            Format::Html => read_html(reader, &source, &self.opts).map(|d| vec![d]),
        };
        match result {
            Ok(docs) => self.ready.extend(docs.into_iter().map(Ok)),
            Err(e) => self.ready.push_back(Err(e)),
        }
    }

    /// Starts streaming a JSONL input after sniffing its first block for binary data or UTF-16.
    fn start_lines(
        &mut self,
        mut reader: Box<dyn BufRead + Send>,
        source: Source,
    ) -> Result<Vec<Document>, InputError> {
        let err = |loc, kind| InputError::new(source.path.clone(), loc, kind);
        let head = reader.fill_buf().map_err(|e| err(Location::File, io_kind(&e)))?;
        let utf16 = head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]);
        if looks_binary(head) {
            return Err(err(Location::File, ErrorKind::Binary));
        }
        let max = self.opts.max_line_bytes;
        let reader: Box<dyn BufRead + Send> = if utf16 {
            let (bytes, cut) = read_capped(reader, self.opts.max_file_bytes)
                .map_err(|e| err(Location::File, io_kind(&e)))?;
            if cut {
                let limit = self.opts.max_file_bytes as u64;
                return Err(err(Location::File, ErrorKind::TooLarge { limit }));
            }
            let text = decode(bytes, self.opts.lossy, false)
                .map_err(|e| decode_error(&source.path, e))?
                .text;
            Box::new(Cursor::new(text.into_bytes()))
        } else {
            reader
        };
        let lines = JsonLines::new(reader, source.path.clone(), self.opts.lossy, max).gzip(source.gzip);
        self.lines = Some((lines, source));
        Ok(Vec::new())
    }
}

impl Iterator for Inputs {
    type Item = Result<Document, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.ready.pop_front() {
                return Some(item);
            }
            if self.lines.is_some() {
                if let Some(item) = self.next_from_lines() {
                    return Some(item);
                }
                continue;
            }
            let item = self.pending.pop_front()?;
            self.step(item);
        }
    }
}

/// Applies the reader's rules to a document: default id, `--published`, `--lang`, the size cap, the
/// empty-text warning.
pub(crate) fn finish(
    mut doc: InputDoc,
    mut warnings: Vec<String>,
    default_id: String,
    opts: &ReadOptions,
) -> Document {
    if doc.id.as_deref().is_none_or(|s| s.trim().is_empty()) {
        doc.id = Some(default_id);
    }
    if doc.published.as_deref().is_none_or(|s| s.trim().is_empty()) {
        doc.published.clone_from(&opts.published);
    }
    if opts.lang.is_some() {
        doc.lang.clone_from(&opts.lang);
    }
    if let Some(w) = cap_text(&mut doc.text, opts.max_text_bytes, None) {
        warnings.push(w);
    }
    if doc.text.trim().is_empty() {
        warnings.push("empty text: no events".to_string());
    }
    Document {
        doc,
        warnings,
        path: PathBuf::new(),
        line: None,
    }
}

fn open_reader(source: &Source) -> Result<Box<dyn BufRead + Send>, ErrorKind> {
    const BUF: usize = 1 << 16;
    if source.is_stdin() {
        return Ok(Box::new(BufReader::with_capacity(BUF, std::io::stdin())));
    }
    let file = std::fs::File::open(&source.path).map_err(|e| io_kind(&e))?;
    if source.gzip {
        let gz = flate2::read::MultiGzDecoder::new(BufReader::with_capacity(BUF, file));
        Ok(Box::new(BufReader::with_capacity(BUF, gz)))
    } else {
        Ok(Box::new(BufReader::with_capacity(BUF, file)))
    }
}

/// Reads at most `max` bytes; the flag is true when the input had more.
fn read_capped(reader: impl Read, max: usize) -> std::io::Result<(Vec<u8>, bool)> {
    let mut bytes = Vec::new();
    reader.take(max as u64 + 1).read_to_end(&mut bytes)?;
    let cut = bytes.len() > max;
    bytes.truncate(max);
    Ok((bytes, cut))
}

fn io_kind(e: &std::io::Error) -> ErrorKind {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::InvalidInput | K::InvalidData | K::UnexpectedEof => ErrorKind::Gzip(e.to_string()),
        _ => ErrorKind::Io(e.to_string()),
    }
}

fn decode_error(path: &Path, e: DecodeError) -> InputError {
    match e {
        DecodeError::Binary => InputError::new(path, Location::File, ErrorKind::Binary),
        DecodeError::InvalidUtf8(at) => InputError::new(path, Location::Byte(at), ErrorKind::InvalidUtf8),
        DecodeError::InvalidUtf16(at) => InputError::new(path, Location::Byte(at), ErrorKind::InvalidUtf16),
    }
}

/// A plain-text file: one document, read up to twice the text cap (UTF-16 needs two bytes a
/// character), then cut to the cap.
fn read_text(
    reader: Box<dyn BufRead + Send>,
    source: &Source,
    opts: &ReadOptions,
) -> Result<Document, InputError> {
    let raw_cap = opts.max_text_bytes.saturating_mul(2).saturating_add(4);
    let (bytes, cut) = read_capped(reader, raw_cap)
        .map_err(|e| InputError::new(&source.path, Location::File, io_kind(&e)))?;
    let decoded = decode(bytes, opts.lossy, cut).map_err(|e| decode_error(&source.path, e))?;
    let mut warnings = decoded.warnings;
    let mut text = decoded.text;
    let size = cut.then_some(raw_cap as u64);
    if let Some(w) = cap_text(&mut text, opts.max_text_bytes, size) {
        warnings.push(w);
    }
    let doc = InputDoc {
        text,
        ..InputDoc::default()
    };
    Ok(located(
        finish(doc, warnings, source.id_base.clone(), opts),
        source,
    ))
}

/// Reads a whole file within the file cap and decodes it.
fn read_whole(
    reader: Box<dyn BufRead + Send>,
    source: &Source,
    opts: &ReadOptions,
) -> Result<(String, Vec<String>), InputError> {
    let err = |loc, kind| InputError::new(source.path.clone(), loc, kind);
    let (bytes, cut) =
        read_capped(reader, opts.max_file_bytes).map_err(|e| err(Location::File, io_kind(&e)))?;
    if cut {
        let limit = opts.max_file_bytes as u64;
        return Err(err(Location::File, ErrorKind::TooLarge { limit }));
    }
    let d = decode(bytes, opts.lossy, false).map_err(|e| decode_error(&source.path, e))?;
    Ok((d.text, d.warnings))
}

/// A `.json` file: one object, or an array of objects (ids `BASE:N`, 1-based, by default).
fn read_json(
    reader: Box<dyn BufRead + Send>,
    source: &Source,
    opts: &ReadOptions,
) -> Result<Vec<Document>, InputError> {
    let (text, warnings) = read_whole(reader, source, opts)?;
    let value: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| InputError::new(&source.path, Location::File, ErrorKind::Json(e.to_string())))?;
    let shape = |i: Option<usize>, msg: String| {
        let msg = match i {
            Some(i) => format!("item {}: {msg}", i + 1),
            None => msg,
        };
        InputError::new(&source.path, Location::File, ErrorKind::Shape(msg))
    };
    match value {
        serde_json::Value::Array(items) => items
            .into_iter()
            .enumerate()
            .map(|(i, v)| {
                let doc = doc_from_value(v).map_err(|m| shape(Some(i), m))?;
                let id = format!("{}:{}", source.id_base, i + 1);
                Ok(located(finish(doc, warnings.clone(), id, opts), source))
            })
            .collect(),
        v => {
            let doc = doc_from_value(v).map_err(|m| shape(None, m))?;
            Ok(vec![located(
                finish(doc, warnings, source.id_base.clone(), opts),
                source,
            )])
        }
    }
}

/// An HTML page: main text, title, date, language and URL from its metadata.
fn read_html(
    reader: Box<dyn BufRead + Send>,
    source: &Source,
    opts: &ReadOptions,
) -> Result<Document, InputError> {
    let (html, mut warnings) = read_whole(reader, source, opts)?;
    let page = parse_html(&html);
    if page.whole_body && !page.text.is_empty() {
        warnings.push("no article found in the HTML page: the whole body's text was used".to_string());
    }
    let doc = InputDoc {
        text: page.text,
        title: page.title,
        published: page.published,
        url: page.url,
        lang: page.lang.map(|l| primary_subtag(&l)),
        ..InputDoc::default()
    };
    Ok(located(
        finish(doc, warnings, source.id_base.clone(), opts),
        source,
    ))
}

/// `ar` for `ar-SA` or `ar_EG`.
fn primary_subtag(tag: &str) -> String {
    tag.split(['-', '_']).next().unwrap_or(tag).to_ascii_lowercase()
}

fn located(mut doc: Document, source: &Source) -> Document {
    doc.path.clone_from(&source.path);
    doc
}
