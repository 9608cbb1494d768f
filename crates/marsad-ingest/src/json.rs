//! JSON and JSONL documents: field checks with clear messages, and a streaming line reader that never
//! holds more than one (bounded) line.

use crate::decode::lossy_warning;
use crate::error::{ErrorKind, InputError, Location};
use marsad_model::InputDoc;
use serde_json::{Map, Value};
use std::io::{BufRead, ErrorKind as IoKind};
use std::path::PathBuf;

/// The keys read for each field, first found wins.
const ID_KEYS: &[&str] = &["id", "doc_id"];
const TEXT_KEYS: &[&str] = &["text", "content"];
const PUBLISHED_KEYS: &[&str] = &["published", "date_extracted", "date"];

/// Builds an [`InputDoc`] from one parsed JSON value. The id may be a string or an integer; `text` (or
/// `content`) must be a string; `title`, `published`, `url`, `source` and `lang` must be strings or
/// null. Other keys are ignored. The error is the message of [`ErrorKind::Shape`].
pub fn doc_from_value(value: Value) -> Result<InputDoc, String> {
    let Value::Object(mut map) = value else {
        return Err(format!("expected a JSON object, found {}", type_name(&value)));
    };
    let id = take_id(&mut map)?;
    let text = match take_first(&mut map, TEXT_KEYS) {
        Some((_, Value::String(s))) => s,
        Some((key, Value::Null)) => return Err(format!("field `{key}` is null")),
        Some((key, v)) => {
            return Err(format!("field `{key}` must be a string, found {}", type_name(&v)));
        }
        None => return Err("missing field `text`".to_string()),
    };
    Ok(InputDoc {
        id,
        text,
        published: take_string(&mut map, PUBLISHED_KEYS)?,
        title: take_string(&mut map, &["title"])?,
        url: take_string(&mut map, &["url"])?,
        source: take_string(&mut map, &["source"])?,
        lang: take_string(&mut map, &["lang"])?,
    })
}

/// Parses one JSON text into an [`InputDoc`]; `Err` is the [`ErrorKind`] to report.
pub fn parse_doc(json: &str) -> Result<InputDoc, ErrorKind> {
    let value: Value = serde_json::from_str(json).map_err(|e| ErrorKind::Json(e.to_string()))?;
    doc_from_value(value).map_err(ErrorKind::Shape)
}

fn take_first(map: &mut Map<String, Value>, keys: &[&'static str]) -> Option<(&'static str, Value)> {
    keys.iter().find_map(|k| map.remove(*k).map(|v| (*k, v)))
}

fn take_id(map: &mut Map<String, Value>) -> Result<Option<String>, String> {
    match take_first(map, ID_KEYS) {
        None | Some((_, Value::Null)) => Ok(None),
        Some((_, Value::String(s))) if s.trim().is_empty() => Ok(None),
        Some((_, Value::String(s))) => Ok(Some(s)),
        Some((_, Value::Number(n))) if n.is_i64() || n.is_u64() => Ok(Some(n.to_string())),
        Some((key, v)) => Err(format!(
            "field `{key}` must be a string or an integer, found {}",
            type_name(&v)
        )),
    }
}

fn take_string(map: &mut Map<String, Value>, keys: &[&'static str]) -> Result<Option<String>, String> {
    match take_first(map, keys) {
        None | Some((_, Value::Null)) => Ok(None),
        Some((_, Value::String(s))) => Ok(Some(s)),
        Some((key, v)) => Err(format!("field `{key}` must be a string, found {}", type_name(&v))),
    }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// One document read from a JSONL line, before ids and limits are applied.
#[derive(Debug)]
pub struct Line {
    /// 1-based line number.
    pub number: u64,
    /// The document.
    pub doc: InputDoc,
    /// Warnings about this line (lossy decoding).
    pub warnings: Vec<String>,
}

/// Streams the documents of a JSONL input, one bounded line at a time. Blank lines are skipped; each
/// bad line is one [`InputError`] and reading goes on, except after an I/O or gzip error, which ends
/// the input.
#[derive(Debug)]
pub struct JsonLines<R> {
    reader: R,
    path: PathBuf,
    lossy: bool,
    max_line: usize,
    line: u64,
    offset: u64,
    buf: Vec<u8>,
    done: bool,
    gzip: bool,
}

impl<R: BufRead> JsonLines<R> {
    /// Reads `reader`, naming `path` in errors; lines longer than `max_line` bytes are skipped with an
    /// error.
    pub fn new(reader: R, path: impl Into<PathBuf>, lossy: bool, max_line: usize) -> Self {
        JsonLines {
            reader,
            path: path.into(),
            lossy,
            max_line,
            line: 0,
            offset: 0,
            buf: Vec::new(),
            done: false,
            gzip: false,
        }
    }

    /// Marks the input as gzip-compressed: read errors are then reported as a corrupt stream.
    pub fn gzip(mut self, gzip: bool) -> Self {
        self.gzip = gzip;
        self
    }

    fn error(&self, location: Location, kind: ErrorKind) -> InputError {
        InputError::new(self.path.clone(), location, kind)
    }

    /// Parses the line in `self.buf`, which starts at byte `start`. `None` for a blank line.
    fn parse_line(&mut self, start: u64) -> Option<Result<Line, InputError>> {
        let mut bytes = std::mem::take(&mut self.buf);
        while matches!(bytes.last(), Some(b'\n' | b'\r')) {
            bytes.pop();
        }
        let mut skip = 0;
        if self.line == 1 && bytes.starts_with(b"\xEF\xBB\xBF") {
            skip = 3;
        }
        let body = &bytes[skip..];
        if body.iter().all(u8::is_ascii_whitespace) {
            self.buf = bytes;
            return None;
        }
        let mut warnings = Vec::new();
        let text = match std::str::from_utf8(body) {
            Ok(s) => std::borrow::Cow::Borrowed(s),
            Err(e) => {
                let at = start + (skip + e.valid_up_to()) as u64;
                if !self.lossy {
                    let err = self.error(Location::LineByte(self.line, at), ErrorKind::InvalidUtf8);
                    self.buf = bytes;
                    return Some(Err(err));
                }
                warnings.push(lossy_warning(at));
                String::from_utf8_lossy(body)
            }
        };
        let parsed = parse_doc(&text);
        drop(text);
        self.buf = bytes;
        Some(match parsed {
            Ok(doc) => Ok(Line {
                number: self.line,
                doc,
                warnings,
            }),
            Err(kind) => Err(self.error(Location::Line(self.line), kind)),
        })
    }
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = Result<Line, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.buf.clear();
            let start = self.offset;
            let read = read_bounded_line(&mut self.reader, &mut self.buf, self.max_line);
            let (consumed, overflow) = match read {
                Ok(r) => r,
                Err(e) => {
                    self.done = true;
                    let corrupt = matches!(e.kind(), IoKind::InvalidInput | IoKind::InvalidData);
                    let kind = if self.gzip || corrupt {
                        ErrorKind::Gzip(e.to_string())
                    } else {
                        ErrorKind::Io(e.to_string())
                    };
                    return Some(Err(self.error(Location::Line(self.line + 1), kind)));
                }
            };
            if consumed == 0 {
                self.done = true;
                return None;
            }
            self.line += 1;
            self.offset += consumed;
            if overflow {
                let limit = self.max_line as u64;
                return Some(Err(
                    self.error(Location::Line(self.line), ErrorKind::TooLarge { limit })
                ));
            }
            if let Some(item) = self.parse_line(start) {
                return Some(item);
            }
        }
        None
    }
}

/// Reads one line (through `\n`) into `buf`, keeping at most `max` bytes of it. Returns the bytes
/// consumed and whether the line was longer than `max` (its excess is consumed, not kept).
pub fn read_bounded_line<R: BufRead>(
    reader: &mut R,
    buf: &mut Vec<u8>,
    max: usize,
) -> std::io::Result<(u64, bool)> {
    let mut consumed = 0u64;
    let mut overflow = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == IoKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok((consumed, overflow));
        }
        let (chunk, found) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (&available[..=i], true),
            None => (available, false),
        };
        let room = max.saturating_sub(buf.len());
        if chunk.len() > room {
            overflow = true;
            buf.extend_from_slice(&chunk[..room]);
        } else if !overflow {
            buf.extend_from_slice(chunk);
        }
        let n = chunk.len();
        reader.consume(n);
        consumed += n as u64;
        if found {
            return Ok((consumed, overflow));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn lines(input: &[u8], lossy: bool) -> Vec<Result<Line, InputError>> {
        JsonLines::new(Cursor::new(input.to_vec()), "t.jsonl", lossy, 64).collect()
    }

    #[test]
    fn reads_aliases_and_integer_ids() {
        let d = parse_doc(r#"{"doc_id": 7, "content": "نص", "date_extracted": "2015-07-21 02:51:32"}"#);
        let d = d.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(d.id.as_deref(), Some("7"));
        assert_eq!(d.text, "نص");
        assert_eq!(d.published.as_deref(), Some("2015-07-21 02:51:32"));
    }

    #[test]
    fn wrong_shapes_are_named() {
        let cases = [
            (r#"[1]"#, "bad document: expected a JSON object, found an array"),
            (r#"{"title": "x"}"#, "bad document: missing field `text`"),
            (
                r#"{"text": 5}"#,
                "bad document: field `text` must be a string, found a number",
            ),
            (r#"{"text": null}"#, "bad document: field `text` is null"),
            (
                r#"{"text": "a", "id": 1.5}"#,
                "bad document: field `id` must be a string or an integer, found a number",
            ),
            (
                r#"{"text": "a", "title": ["t"]}"#,
                "bad document: field `title` must be a string, found an array",
            ),
        ];
        for (json, msg) in cases {
            assert_eq!(
                parse_doc(json).map_err(|e| e.to_string()).err().as_deref(),
                Some(msg),
                "{json}"
            );
        }
        assert!(matches!(parse_doc("{\"text\":"), Err(ErrorKind::Json(_))));
    }

    #[test]
    fn lines_skip_blanks_and_report_each_bad_line() {
        let got = lines(b"{\"text\":\"a\"}\r\n\n  \n{bad\n{\"text\":\"b\"}", false);
        assert_eq!(got.len(), 3);
        assert!(matches!(&got[0], Ok(l) if l.number == 1 && l.doc.text == "a"));
        assert!(matches!(&got[1], Err(e) if e.location == Location::Line(4)));
        assert!(matches!(&got[2], Ok(l) if l.number == 5 && l.doc.text == "b"));
    }

    #[test]
    fn overlong_line_is_skipped_and_reading_goes_on() {
        let mut input = b"{\"text\":\"".to_vec();
        input.extend(std::iter::repeat_n(b'a', 200));
        input.extend_from_slice(b"\"}\n{\"text\":\"ok\"}\n");
        let got = lines(&input, false);
        assert_eq!(got.len(), 2);
        assert!(matches!(&got[0], Err(e) if e.kind == ErrorKind::TooLarge { limit: 64 }));
        assert!(matches!(&got[1], Ok(l) if l.number == 2));
    }

    #[test]
    fn invalid_utf8_reports_file_byte_offset() {
        let input = b"{\"text\":\"a\"}\n{\"text\":\"\xFF\"}\n";
        let got = lines(input, false);
        assert!(matches!(&got[1], Err(e) if e.location == Location::LineByte(2, 22)));
        let got = lines(input, true);
        assert!(matches!(&got[1], Ok(l) if l.doc.text == "\u{FFFD}" && l.warnings.len() == 1));
    }

    #[test]
    fn bom_on_first_line_is_ignored() {
        let got = lines(b"\xEF\xBB\xBF{\"text\":\"a\"}\n", false);
        assert!(matches!(&got[0], Ok(l) if l.doc.text == "a"));
    }
}
