//! HTML pages: the main text (through `dom_smoothie`, a readability port), the title and the
//! publication date from the page's metadata.

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};

/// At most this many elements are scored for the main text; past it the whole body's text is used.
pub const MAX_ELEMENTS: usize = 100_000;

/// Where the publication date is looked for, in order: meta tags (selector, attribute), then
/// `<time datetime>`.
const DATE_SOURCES: &[(&str, &str)] = &[
    (r#"meta[property="article:published_time"]"#, "content"),
    (r#"meta[property="og:published_time"]"#, "content"),
    (r#"meta[name="article:published_time"]"#, "content"),
    (r#"meta[itemprop="datePublished"]"#, "content"),
    (r#"meta[name="date"]"#, "content"),
    (r#"meta[name="pubdate"]"#, "content"),
    (r#"meta[name="publishdate"]"#, "content"),
    (r#"meta[name="DC.date.issued"]"#, "content"),
    ("time[datetime]", "datetime"),
];

/// What Marsad reads from an HTML page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HtmlPage {
    /// `og:title`, else `<title>`, else the first `<h1>`.
    pub title: Option<String>,
    /// The publication date or date-time as written in the page's metadata.
    pub published: Option<String>,
    /// `<html lang>`, when given.
    pub lang: Option<String>,
    /// `og:url`, else the canonical link.
    pub url: Option<String>,
    /// The main text: paragraphs separated by blank lines, lines trimmed.
    pub text: String,
    /// True when the readability pass failed and the whole body's text was used.
    pub whole_body: bool,
}

/// Reads an HTML page. Never fails: a page with no recognisable article gives its body's text (which
/// may be empty). Elements nested deeper than [`crate::depth::MAX_DEPTH`] are flattened first (their
/// text kept; see [`crate::depth`]).
pub fn parse_html(html: &str) -> HtmlPage {
    let html = crate::depth::cap_depth(html, crate::depth::MAX_DEPTH);
    let doc = Document::from(html.as_ref());
    let mut page = HtmlPage {
        title: first_attr(&doc, &[(r#"meta[property="og:title"]"#, "content")])
            .or_else(|| first_text(&doc, "title"))
            .or_else(|| first_text(&doc, "h1")),
        published: first_attr(&doc, DATE_SOURCES),
        lang: first_attr(&doc, &[("html[lang]", "lang")]),
        url: first_attr(
            &doc,
            &[
                (r#"meta[property="og:url"]"#, "content"),
                (r#"link[rel="canonical"]"#, "href"),
            ],
        ),
        ..HtmlPage::default()
    };
    let cfg = Config {
        text_mode: TextMode::Formatted,
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    let article = Readability::with_document(doc.clone(), None, Some(cfg))
        .ok()
        .and_then(|mut r| r.parse().ok());
    let main = article.map(|a| {
        if page.published.is_none() {
            page.published = a.published_time.filter(|s| !s.trim().is_empty());
        }
        tidy(&a.text_content)
    });
    page.text = match main {
        Some(t) if !t.is_empty() => t,
        _ => {
            page.whole_body = true;
            body_text(&doc)
        }
    };
    page
}

fn first_attr(doc: &Document, sources: &[(&str, &str)]) -> Option<String> {
    sources.iter().find_map(|(sel, attr)| {
        doc.try_select(sel)?.iter().find_map(|s| {
            s.attr(attr)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        })
    })
}

fn first_text(doc: &Document, sel: &str) -> Option<String> {
    let found = doc.try_select(sel)?;
    let text = found.iter().next()?.text();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

/// The text of `<body>` without scripts, styles and templates.
fn body_text(doc: &Document) -> String {
    if let Some(junk) = doc.try_select("script, style, noscript, template") {
        junk.remove();
    }
    match doc.try_select("body") {
        Some(body) => tidy(&body.formatted_text()),
        None => String::new(),
    }
}

/// Trims each line, drops spaces-only lines beyond one blank line between paragraphs.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0usize;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html lang="ar" dir="rtl"><head>
<title>عنوان الصفحة | موقع</title>
<meta property="og:title" content="قصف على الحدود">
<meta property="article:published_time" content="2022-09-13T08:00:00+03:00">
<link rel="canonical" href="https://example.invalid/a/1">
<script>var x = "لا تقرأني";</script></head>
<body><nav><a href="/">الرئيسية</a></nav>
<article><h1>قصف على الحدود</h1>
<p>قالت وزارة الدفاع الأرمينية إن القوات الأذربيجانية قصفت مدينة غوريس بالمدفعية والطائرات المسيرة صباح اليوم.</p>
<p>وأضافت الوزارة أن الاشتباكات أسفرت عن مقتل 49 جنديا على الأقل، بحسب رئيس الوزراء.</p>
</article><footer>حقوق النشر</footer></body></html>"#;

    #[test]
    fn reads_arabic_rtl_page() {
        let p = parse_html(PAGE);
        assert_eq!(p.title.as_deref(), Some("قصف على الحدود"));
        assert_eq!(p.published.as_deref(), Some("2022-09-13T08:00:00+03:00"));
        assert_eq!(p.lang.as_deref(), Some("ar"));
        assert_eq!(p.url.as_deref(), Some("https://example.invalid/a/1"));
        assert!(p.text.contains("قصفت مدينة غوريس"), "{}", p.text);
        assert!(p.text.contains("49 جنديا"));
        assert!(!p.text.contains("لا تقرأني"));
    }

    #[test]
    fn time_element_and_title_fallback() {
        let p = parse_html(
            r#"<html><head><title> Shelling  in Goris </title></head><body>
<p>Text <time datetime="2022-09-14">yesterday</time>.</p></body></html>"#,
        );
        assert_eq!(p.title.as_deref(), Some("Shelling in Goris"));
        assert_eq!(p.published.as_deref(), Some("2022-09-14"));
        assert!(p.text.contains("Text"));
    }

    #[test]
    fn garbage_does_not_panic() {
        for s in [
            "",
            "<",
            "<<>>",
            "<html",
            "\u{0}",
            "<p>x</div></span>",
            "<meta name=date>",
        ] {
            let _ = parse_html(s);
        }
        assert_eq!(parse_html("").text, "");
    }

    #[test]
    fn very_deep_nesting_is_capped_and_read() {
        let depth = 100_000;
        let page = format!(
            "<html><body>{}<p>قصفت القوات مدينة غوريس.</p>{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let p = parse_html(&page);
        assert!(p.text.contains("قصفت القوات مدينة غوريس."), "{}", p.text);
    }

    #[test]
    fn tidy_keeps_paragraphs() {
        assert_eq!(tidy("  a \n\n\n  b\nc  \n"), "a\n\nb\nc");
    }
}
