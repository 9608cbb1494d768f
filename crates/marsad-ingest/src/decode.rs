//! Bytes to text: byte-order marks, UTF-16, invalid UTF-8 (strict or lossy), binary sniffing, and the
//! document size cap.

/// How many leading bytes [`looks_binary`] inspects.
pub const SNIFF_BYTES: usize = 8192;

/// Text decoded from an input, with what the reader should be told about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, byte-order mark removed.
    pub text: String,
    /// Notes for the output's `warnings` (lossy replacement, UTF-16 input).
    pub warnings: Vec<String>,
}

/// Why bytes could not be decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeError {
    /// NUL bytes or many control characters.
    Binary,
    /// Invalid UTF-8; the byte offset (from the start of the input, BOM included) of the first bad
    /// sequence.
    InvalidUtf8(u64),
    /// Invalid UTF-16 (odd length or lone surrogate); the byte offset of the first bad unit.
    InvalidUtf16(u64),
}

/// True when `bytes` (its first [`SNIFF_BYTES`]) look like a binary file: any NUL byte, or more than
/// one byte in ten a control character other than tab, newline, carriage return, form feed and escape.
/// Inputs that start with a UTF-16 byte-order mark are not binary.
pub fn looks_binary(bytes: &[u8]) -> bool {
    if utf16_bom(bytes).is_some() {
        return false;
    }
    let sample = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if sample.contains(&0) {
        return true;
    }
    let control = sample
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)) || b == 0x7f)
        .count();
    control * 10 > sample.len()
}

/// Which UTF-16 byte order a byte-order mark announces, if any: `Some(true)` for little-endian.
fn utf16_bom(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(true),
        [0xFE, 0xFF, ..] => Some(false),
        _ => None,
    }
}

/// Decodes a whole input: strips a UTF-8 byte-order mark, decodes UTF-16 announced by its mark, refuses
/// binary data, and validates UTF-8 (or, with `lossy`, replaces invalid sequences by U+FFFD and says so).
///
/// When `cut` is true the bytes are a prefix of a longer input, so an incomplete UTF-8 sequence at the
/// very end is dropped rather than reported.
pub fn decode(mut bytes: Vec<u8>, lossy: bool, cut: bool) -> Result<Decoded, DecodeError> {
    if let Some(little) = utf16_bom(&bytes) {
        return decode_utf16(&bytes[2..], little, lossy, cut);
    }
    if looks_binary(&bytes) {
        return Err(DecodeError::Binary);
    }
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
    bytes.drain(..bom);
    if cut {
        drop_incomplete_tail(&mut bytes);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text,
            warnings: Vec::new(),
        }),
        Err(e) => {
            let at = (e.utf8_error().valid_up_to() + bom) as u64;
            if !lossy {
                return Err(DecodeError::InvalidUtf8(at));
            }
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            Ok(Decoded {
                text,
                warnings: vec![lossy_warning(at)],
            })
        }
    }
}

/// The warning written when invalid UTF-8 was replaced.
pub fn lossy_warning(first_bad_byte: u64) -> String {
    format!("invalid UTF-8 replaced with U+FFFD (first bad sequence at byte {first_bad_byte})")
}

/// Removes an incomplete (not invalid) UTF-8 sequence at the end of `bytes`.
fn drop_incomplete_tail(bytes: &mut Vec<u8>) {
    if let Err(e) = std::str::from_utf8(bytes)
        && e.error_len().is_none()
    {
        bytes.truncate(e.valid_up_to());
    }
}

fn decode_utf16(body: &[u8], little: bool, lossy: bool, cut: bool) -> Result<Decoded, DecodeError> {
    let mut warnings = vec![format!("decoded from UTF-16{}", if little { "LE" } else { "BE" })];
    let mut body = body;
    if body.len() % 2 == 1 {
        if !cut && !lossy {
            return Err(DecodeError::InvalidUtf16(body.len() as u64 + 1));
        }
        body = &body[..body.len() - 1];
    }
    let units = body.chunks_exact(2).map(|p| {
        if little {
            u16::from_le_bytes([p[0], p[1]])
        } else {
            u16::from_be_bytes([p[0], p[1]])
        }
    });
    let mut text = String::with_capacity(body.len());
    let mut replaced = None;
    let mut pos = 2u64;
    for r in char::decode_utf16(units) {
        match r {
            Ok(c) => {
                text.push(c);
                pos += c.len_utf16() as u64 * 2;
            }
            Err(_) if lossy => {
                replaced.get_or_insert(pos);
                text.push(char::REPLACEMENT_CHARACTER);
                pos += 2;
            }
            Err(_) => return Err(DecodeError::InvalidUtf16(pos)),
        }
    }
    if text.chars().take(SNIFF_BYTES).any(|c| c == '\0') {
        return Err(DecodeError::Binary);
    }
    if let Some(at) = replaced {
        warnings.push(format!(
            "invalid UTF-16 replaced with U+FFFD (first at byte {at})"
        ));
    }
    Ok(Decoded { text, warnings })
}

/// Cuts `text` to at most `max_bytes` bytes at a character boundary. Returns the warning to record
/// when it did cut; `original_bytes` is the size to report (the input may have been read in part).
pub fn cap_text(text: &mut String, max_bytes: usize, original_bytes: Option<u64>) -> Option<String> {
    if text.len() <= max_bytes && original_bytes.is_none() {
        return None;
    }
    let mut end = max_bytes.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = original_bytes.unwrap_or(text.len() as u64);
    text.truncate(end);
    Some(format!(
        "text truncated to its first {end} bytes (limit {max_bytes}; the input has {before} or more)"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(bytes: &[u8]) -> Decoded {
        decode(bytes.to_vec(), false, false).unwrap_or_else(|e| panic!("decode failed: {e:?}"))
    }

    #[test]
    fn strips_utf8_bom() {
        assert_eq!(ok("\u{feff}سلام".as_bytes()).text, "سلام");
    }

    #[test]
    fn reports_first_bad_utf8_byte() {
        let mut b = "أب".as_bytes().to_vec();
        b.push(0xC3);
        b.extend_from_slice(b"x");
        assert_eq!(decode(b.clone(), false, false), Err(DecodeError::InvalidUtf8(4)));
        let d = decode(b, true, false).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(d.text, "أب\u{FFFD}x");
        assert_eq!(d.warnings.len(), 1);
        assert!(d.warnings[0].contains("byte 4"));
    }

    #[test]
    fn bom_counts_in_offsets() {
        let b = b"\xEF\xBB\xBFab\xFF".to_vec();
        assert_eq!(decode(b, false, false), Err(DecodeError::InvalidUtf8(5)));
    }

    #[test]
    fn incomplete_tail_is_dropped_only_when_cut() {
        let mut b = "أب".as_bytes().to_vec();
        b.push(0xD8);
        assert_eq!(decode(b.clone(), false, true).map(|d| d.text), Ok("أب".into()));
        assert_eq!(decode(b, false, false), Err(DecodeError::InvalidUtf8(4)));
    }

    #[test]
    fn decodes_utf16_both_orders() {
        let s = "قصف\r\nx";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in s.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(ok(&le).text, s);
        assert_eq!(ok(&be).text, s);
        assert_eq!(ok(&le).warnings, vec!["decoded from UTF-16LE".to_string()]);
    }

    #[test]
    fn lone_surrogate_is_invalid_utf16() {
        let b = vec![0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00];
        assert_eq!(decode(b, false, false), Err(DecodeError::InvalidUtf16(2)));
    }

    #[test]
    fn sniffs_binary() {
        assert!(looks_binary(b"abc\0def"));
        assert!(looks_binary(&[1, 2, 3, 4, 5, 6, b'a']));
        assert!(!looks_binary("نص عربي\r\n\tمع\x0c".as_bytes()));
        assert!(!looks_binary(b""));
        assert_eq!(
            decode(b"\x00\x01".to_vec(), true, false),
            Err(DecodeError::Binary)
        );
    }

    #[test]
    fn caps_at_char_boundary() {
        let mut t = "ببب".to_string();
        let w = cap_text(&mut t, 3, None);
        assert_eq!(t, "ب");
        assert!(w.is_some());
        let mut t = "ab".to_string();
        assert_eq!(cap_text(&mut t, 5, None), None);
        assert_eq!(t, "ab");
    }
}
