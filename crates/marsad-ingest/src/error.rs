//! [`InputError`]: one input that could not be read, named by file and position.

use std::fmt;
use std::path::PathBuf;

/// Where in an input a problem was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// The input as a whole.
    File,
    /// A 1-based line of a JSONL input.
    Line(u64),
    /// A 0-based byte offset into the (decompressed) input.
    Byte(u64),
    /// A byte offset inside a 1-based line.
    LineByte(u64, u64),
}

/// What went wrong with an input. Messages are lowercase and stable: `docs/INPUT.md` lists them.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The path does not exist, is a dangling link, or cannot be opened or read.
    #[error("cannot read: {0}")]
    Io(String),
    /// A directory could not be listed.
    #[error("cannot list directory: {0}")]
    ListDir(String),
    /// A named path is neither a regular file nor a directory (FIFO, socket, device).
    #[error("not a regular file or directory, skipped")]
    NotAFile,
    /// A named file whose extension Marsad does not read.
    #[error("unsupported file type (expected .txt, .json, .jsonl, .gz, .html or .htm), skipped")]
    Unsupported,
    /// NUL bytes or many control characters.
    #[error("binary file, skipped")]
    Binary,
    /// Invalid UTF-8 without `--lossy`; the byte offset is in the location.
    #[error("invalid UTF-8 (use --lossy to replace it)")]
    InvalidUtf8,
    /// Invalid UTF-16 in a file with a UTF-16 byte-order mark.
    #[error("invalid UTF-16")]
    InvalidUtf16,
    /// A line or whole-file input above the reader's limit.
    #[error("too large: more than {limit} bytes, skipped")]
    TooLarge {
        /// The limit in bytes.
        limit: u64,
    },
    /// A JSON syntax error.
    #[error("bad JSON: {0}")]
    Json(String),
    /// Well-formed JSON of the wrong shape (not an object, wrong field types, no `text`).
    #[error("bad document: {0}")]
    Shape(String),
    /// A corrupt gzip stream; what was read before it was kept.
    #[error("corrupt gzip stream: {0}")]
    Gzip(String),
}

/// An input that could not be read, or part of one. The rest of the batch goes on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// The input's path as given (or as found under a named directory); `-` is standard input.
    pub path: PathBuf,
    /// Where in it.
    pub location: Location,
    /// What went wrong.
    pub kind: ErrorKind,
}

impl InputError {
    /// An error about `path` at `location`.
    pub fn new(path: impl Into<PathBuf>, location: Location, kind: ErrorKind) -> Self {
        InputError {
            path: path.into(),
            location,
            kind,
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.as_os_str() == "-" {
            "<stdin>".to_string()
        } else {
            self.path.display().to_string()
        };
        match self.location {
            Location::File => write!(f, "{path}: {}", self.kind),
            Location::Line(l) => write!(f, "{path}:{l}: {}", self.kind),
            Location::Byte(b) => write!(f, "{path}: byte {b}: {}", self.kind),
            Location::LineByte(l, b) => write!(f, "{path}:{l}: byte {b}: {}", self.kind),
        }
    }
}

impl std::error::Error for InputError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_file_and_position() {
        let e = InputError::new("a.jsonl", Location::Line(3), ErrorKind::Json("eof".into()));
        assert_eq!(e.to_string(), "a.jsonl:3: bad JSON: eof");
        let e = InputError::new("a.txt", Location::Byte(17), ErrorKind::InvalidUtf8);
        assert_eq!(
            e.to_string(),
            "a.txt: byte 17: invalid UTF-8 (use --lossy to replace it)"
        );
        let e = InputError::new("-", Location::LineByte(2, 5), ErrorKind::InvalidUtf8);
        assert!(e.to_string().starts_with("<stdin>:2: byte 5: "));
        let e = InputError::new("b.bin", Location::File, ErrorKind::Binary);
        assert_eq!(e.to_string(), "b.bin: binary file, skipped");
    }
}
