//! A cap on element nesting, applied to HTML before it is parsed.
//!
//! The readability pass (`dom_smoothie`) walks the tree recursively and scores every ancestor of every
//! paragraph, so a page of 100 000 nested `<div>`s takes minutes (and deep recursion risks the stack).
//! Real pages nest a few dozen levels. [`cap_depth`] drops the markup of start tags that would open an
//! element deeper than the cap, and as many end tags after them, keeping every character of text: the
//! text of a capped page is still read, only its innermost structure is flattened.
//!
//! The scan is a light tokenizer, not a parser: comments, doctypes and processing instructions are
//! copied as they are, the contents of raw-text elements (`script`, `style`, `textarea`, `title`…) are
//! copied up to their end tag, void elements and self-closing tags do not nest, and elements whose end
//! tag is optional (`p`, `li`, `td`…) are not counted, because the parser closes them implicitly.

use std::borrow::Cow;

/// Deepest element nesting handed to the HTML parser.
pub const MAX_DEPTH: usize = 256;

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
    "wbr",
];

/// Elements whose content is raw text, read up to their end tag.
const RAW_TEXT: &[&str] = &[
    "iframe", "noembed", "noframes", "noscript", "script", "style", "textarea", "title", "xmp",
];

/// Elements the parser closes implicitly: they do not add depth.
const OPTIONAL_END: &[&str] = &[
    "colgroup", "dd", "dt", "li", "optgroup", "option", "p", "rb", "rp", "rt", "rtc", "tbody", "td", "tfoot",
    "th", "thead", "tr",
];

/// `html` with the markup of elements nested deeper than `max` removed (their text kept). Borrowed when
/// the page cannot nest that deep.
pub fn cap_depth(html: &str, max: usize) -> Cow<'_, str> {
    if memchr_count(html.as_bytes(), b'<') <= max {
        return Cow::Borrowed(html);
    }
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len());
    let (mut depth, mut dropped, mut copied, mut i) = (0usize, 0usize, 0usize, 0usize);
    let mut changed = false;
    while let Some(off) = bytes[i..].iter().position(|&b| b == b'<') {
        let lt = i + off;
        let tag = read_tag(bytes, lt);
        i = tag.end;
        let keep = match tag.kind {
            Kind::Start(ref name) if counts(name) => {
                if depth >= max {
                    dropped += 1;
                    false
                } else {
                    depth += 1;
                    true
                }
            }
            Kind::End(ref name) if counts(name) => {
                if dropped > 0 {
                    dropped -= 1;
                    false
                } else {
                    depth = depth.saturating_sub(1);
                    true
                }
            }
            Kind::Start(_) | Kind::End(_) | Kind::Other => true,
        };
        if !keep {
            // A space keeps the words on either side of the dropped tag apart.
            out.push_str(&html[copied..lt]);
            out.push(' ');
            copied = tag.end;
            changed = true;
        }
    }
    if !changed {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

fn memchr_count(bytes: &[u8], needle: u8) -> usize {
    bytes.iter().filter(|&&b| b == needle).count()
}

/// True for elements that nest (not void, not raw text, not closed implicitly).
fn counts(name: &str) -> bool {
    !VOID.contains(&name) && !RAW_TEXT.contains(&name) && !OPTIONAL_END.contains(&name)
}

enum Kind {
    /// A start tag that opens an element (lower-cased name).
    Start(String),
    /// An end tag (lower-cased name).
    End(String),
    /// Anything else: comment, doctype, self-closing or void tag, a stray `<`, raw text.
    Other,
}

struct Tag {
    kind: Kind,
    /// Byte offset just past the tag (past the raw text and its end tag for raw-text elements).
    end: usize,
}

/// Reads the markup starting at `lt` (a `<`).
fn read_tag(b: &[u8], lt: usize) -> Tag {
    let rest = &b[lt..];
    if rest.starts_with(b"<!--") {
        let end = find(b, lt + 4, b"-->").map_or(b.len(), |p| p + 3);
        return Tag {
            kind: Kind::Other,
            end,
        };
    }
    match rest.get(1) {
        Some(b'!' | b'?') => {
            let end = find(b, lt + 1, b">").map_or(b.len(), |p| p + 1);
            Tag {
                kind: Kind::Other,
                end,
            }
        }
        Some(b'/') if rest.get(2).is_some_and(u8::is_ascii_alphabetic) => {
            let (name, after) = name_at(b, lt + 2);
            Tag {
                kind: Kind::End(name),
                end: tag_end(b, after).0,
            }
        }
        Some(c) if c.is_ascii_alphabetic() => {
            let (name, after) = name_at(b, lt + 1);
            let (end, self_closing) = tag_end(b, after);
            if RAW_TEXT.contains(&name.as_str()) {
                return Tag {
                    kind: Kind::Other,
                    end: raw_text_end(b, end, &name),
                };
            }
            let kind = if self_closing {
                Kind::Other
            } else {
                Kind::Start(name)
            };
            Tag { kind, end }
        }
        _ => Tag {
            kind: Kind::Other,
            end: lt + 1,
        },
    }
}

/// The lower-cased tag name at `start`, and the offset after it.
fn name_at(b: &[u8], start: usize) -> (String, usize) {
    let len = b[start..]
        .iter()
        .take_while(|c| !c.is_ascii_whitespace() && !matches!(c, b'/' | b'>'))
        .count();
    let name = String::from_utf8_lossy(&b[start..start + len]).to_ascii_lowercase();
    (name, start + len)
}

/// The offset past the `>` that closes a tag whose attributes start at `from` (quoted attribute
/// values may hold `>`), and whether the tag ends with `/>`.
fn tag_end(b: &[u8], from: usize) -> (usize, bool) {
    let mut i = from;
    while i < b.len() {
        match b[i] {
            b'>' => return (i + 1, i > from && b[i - 1] == b'/'),
            b'=' => {
                let mut j = i + 1;
                while j < b.len() && b[j].is_ascii_whitespace() {
                    j += 1;
                }
                if let Some(&q @ (b'"' | b'\'')) = b.get(j) {
                    i = b[j + 1..]
                        .iter()
                        .position(|&c| c == q)
                        .map_or(b.len(), |p| j + 1 + p);
                }
            }
            _ => {}
        }
        i += 1;
    }
    (b.len(), false)
}

/// The offset past the end tag `</name…>` of a raw-text element whose content starts at `from`.
fn raw_text_end(b: &[u8], from: usize, name: &str) -> usize {
    let mut i = from;
    while let Some(p) = find(b, i, b"</") {
        let n = p + 2;
        if b.len() >= n + name.len() && b[n..n + name.len()].eq_ignore_ascii_case(name.as_bytes()) {
            return tag_end(b, n + name.len()).0;
        }
        i = n;
    }
    b.len()
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(depth: usize) -> String {
        format!(
            "<html><body>{}<p>قصف مدينة غوريس</p>{}</body></html>",
            "<div class=\"a>b\">".repeat(depth),
            "</div>".repeat(depth)
        )
    }

    #[test]
    fn shallow_pages_are_untouched() {
        let page = nested(200);
        assert!(matches!(cap_depth(&page, MAX_DEPTH), Cow::Borrowed(_)));
        let flat = "<p>x".repeat(1000);
        assert!(matches!(cap_depth(&flat, 10), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_pages_are_flattened_text_kept() {
        let page = nested(10_000);
        let capped = cap_depth(&page, 50);
        assert_eq!(capped.matches("<div").count(), 48, "html and body count too");
        assert_eq!(capped.matches("</div>").count(), 48);
        assert!(capped.contains("<p>قصف مدينة غوريس</p>"));
        assert!(capped.ends_with("</body></html>"));
    }

    #[test]
    fn comments_raw_text_and_void_tags_do_not_nest() {
        let inner = "<br><img src=x><script>if (a < b) { x = '<div>'; }</script><!-- <div> --><x/>";
        let page = format!("{}{}", "<span>".repeat(3), inner.repeat(100));
        let capped = cap_depth(&page, 3);
        assert!(matches!(capped, Cow::Borrowed(_)));
        let page = format!("{}<b>t</b>", "<span>".repeat(3));
        assert_eq!(cap_depth(&page, 3), "<span><span><span> t ");
    }

    #[test]
    fn stray_and_unterminated_markup() {
        for s in [
            "<",
            "<<<<",
            "<a",
            "</",
            "</a",
            "<!--",
            "<a href='>",
            "<script>",
            "<a =",
            "<a b=\"",
        ] {
            let page = s.repeat(50);
            let _ = cap_depth(&page, 2);
        }
    }
}
