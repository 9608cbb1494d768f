//! Which files a path names: formats by extension, directories walked in sorted order, document id
//! bases.

use crate::error::{ErrorKind, InputError, Location};
use std::path::{Path, PathBuf};

/// How an input is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One document: the whole file is the text.
    Text,
    /// One JSON object (or an array of them).
    Json,
    /// One JSON object a line.
    JsonLines,
    /// An HTML page.
    Html,
}

/// One input file (or standard input) to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The path, as given or as found under a named directory; `-` for standard input.
    pub path: PathBuf,
    /// What document ids are made from: the file name without its extensions, or for a file found under
    /// a named directory its path below that directory without extensions; `stdin` for standard input.
    pub id_base: String,
    /// How to read it.
    pub format: Format,
    /// Gzip-compressed.
    pub gzip: bool,
}

impl Source {
    /// Standard input, read as JSONL.
    pub fn stdin() -> Self {
        Source {
            path: PathBuf::from("-"),
            id_base: "stdin".to_string(),
            format: Format::JsonLines,
            gzip: false,
        }
    }

    /// True for standard input.
    pub fn is_stdin(&self) -> bool {
        self.path.as_os_str() == "-"
    }
}

/// The format of a file name, by its (case-insensitive) extension, and the length of the name's
/// extensions. `.gz` is gzip around the inner extension's format, JSONL when there is none.
pub fn format_of(name: &str) -> Option<(Format, bool, usize)> {
    let lower = name.to_ascii_lowercase();
    let (inner, gzip) = match lower.strip_suffix(".gz") {
        Some(inner) => (inner, true),
        None => (lower.as_str(), false),
    };
    let ext = Path::new(inner)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("");
    let format = match ext {
        "txt" | "text" => Some(Format::Text),
        "json" => Some(Format::Json),
        "jsonl" | "ndjson" => Some(Format::JsonLines),
        "html" | "htm" | "xhtml" => Some(Format::Html),
        _ => None,
    };
    let gz = if gzip { 3 } else { 0 };
    match format {
        Some(f) => Some((f, gzip, gz + ext.len() + 1)),
        None if gzip => Some((Format::JsonLines, true, gz)),
        None => None,
    }
}

/// The source for a file named explicitly, or the error for an unsupported one.
pub fn named_source(path: &Path) -> Result<Source, InputError> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let (format, gzip, ext_len) =
        format_of(name).ok_or_else(|| InputError::new(path, Location::File, ErrorKind::Unsupported))?;
    let stem = &name[..name.len().saturating_sub(ext_len)];
    Ok(Source {
        path: path.to_path_buf(),
        id_base: if stem.is_empty() {
            name.to_string()
        } else {
            stem.to_string()
        },
        format,
        gzip,
    })
}

/// One entry of a directory listing, in walk order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// A supported file.
    File(Source),
    /// A subdirectory to walk in its turn, with its path relative to the named root.
    Dir(PathBuf, String),
    /// An entry that could not be examined (dangling link, permission).
    Error(InputError),
}

/// Lists `dir` (found as `rel` below the named root, empty for the root itself): hidden entries
/// (name starting with `.`) skipped, unsupported files skipped silently, symbolic links to directories
/// not followed (no cycles), names sorted bytewise.
pub fn list_dir(dir: &Path, rel: &str) -> Result<Vec<Entry>, InputError> {
    let listing = std::fs::read_dir(dir)
        .map_err(|e| InputError::new(dir, Location::File, ErrorKind::ListDir(e.to_string())))?;
    let mut names = Vec::new();
    for entry in listing {
        match entry {
            Ok(e) => names.push(e.file_name()),
            Err(e) => {
                let kind = ErrorKind::ListDir(e.to_string());
                return Err(InputError::new(dir, Location::File, kind));
            }
        }
    }
    names.sort();
    let mut out = Vec::new();
    for name in names {
        let Some(name) = name.to_str() else {
            continue;
        };
        if name.starts_with('.') {
            continue;
        }
        if let Some(entry) = classify(&dir.join(name), rel, name) {
            out.push(entry);
        }
    }
    Ok(out)
}

fn classify(path: &Path, rel: &str, name: &str) -> Option<Entry> {
    let child_rel = if rel.is_empty() {
        name.to_string()
    } else {
        format!("{rel}/{name}")
    };
    let link = std::fs::symlink_metadata(path).ok()?;
    if link.is_dir() {
        return Some(Entry::Dir(path.to_path_buf(), child_rel));
    }
    let (format, gzip, ext_len) = format_of(name)?;
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            let kind = ErrorKind::Io(e.to_string());
            return Some(Entry::Error(InputError::new(path, Location::File, kind)));
        }
    };
    if !meta.is_file() {
        return None;
    }
    let id_base = child_rel[..child_rel.len().saturating_sub(ext_len)].to_string();
    Some(Entry::File(Source {
        path: path.to_path_buf(),
        id_base,
        format,
        gzip,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension() {
        assert_eq!(format_of("a.TXT"), Some((Format::Text, false, 4)));
        assert_eq!(format_of("a.jsonl.gz"), Some((Format::JsonLines, true, 9)));
        assert_eq!(format_of("a.txt.gz"), Some((Format::Text, true, 7)));
        assert_eq!(format_of("corpus.gz"), Some((Format::JsonLines, true, 3)));
        assert_eq!(format_of("page.htm"), Some((Format::Html, false, 4)));
        assert_eq!(format_of("x.pdf"), None);
        assert_eq!(format_of("README"), None);
    }

    #[test]
    fn named_ids_are_stems() {
        let s = named_source(Path::new("dir/seed-ar.txt")).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(s.id_base, "seed-ar");
        let s = named_source(Path::new("x/a.b.jsonl.gz")).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(s.id_base, "a.b");
        assert!(named_source(Path::new("x.pdf")).is_err());
    }

    #[test]
    fn walks_sorted_skipping_hidden_and_unsupported() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        for f in ["b.txt", "a.jsonl", ".hidden.txt", "notes.pdf"] {
            std::fs::write(dir.path().join(f), "x").unwrap_or_else(|e| panic!("{e}"));
        }
        std::fs::create_dir(dir.path().join("sub")).unwrap_or_else(|e| panic!("{e}"));
        let got = list_dir(dir.path(), "").unwrap_or_else(|e| panic!("{e}"));
        let names: Vec<String> = got
            .iter()
            .map(|e| match e {
                Entry::File(s) => s.id_base.clone(),
                Entry::Dir(_, rel) => format!("{rel}/"),
                Entry::Error(e) => e.to_string(),
            })
            .collect();
        assert_eq!(names, ["a", "b", "sub/"]);
    }
}
