//! RSS and Atom feeds read from files: each entry becomes one input document.

use marsad_model::InputDoc;
use std::path::Path;

/// True for paths `marsad ingest` reads as feeds (`.rss`, `.atom`, `.xml`).
pub fn is_feed(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["rss", "atom", "xml"].contains(&e.to_ascii_lowercase().as_str()))
}

/// The entries of the feed at `path`, as documents (id = the entry id, else its link, else
/// `FILE#N`). Entry HTML is reduced to its text.
pub fn read_feed(path: &Path) -> anyhow::Result<Vec<InputDoc>> {
    use anyhow::Context;
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let feed = feed_rs::parser::parse(bytes.as_slice())
        .with_context(|| format!("{}: not a valid RSS or Atom feed", path.display()))?;
    let source = feed.title.as_ref().map(|t| t.content.trim().to_string());
    let base = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut docs = Vec::with_capacity(feed.entries.len());
    for (i, entry) in feed.entries.into_iter().enumerate() {
        let link = entry.links.first().map(|l| l.href.clone());
        let body = entry
            .content
            .and_then(|c| c.body)
            .or_else(|| entry.summary.map(|s| s.content))
            .unwrap_or_default();
        let text = if body.contains('<') {
            marsad_ingest::parse_html(&body).text
        } else {
            body
        };
        if text.trim().is_empty() {
            continue;
        }
        let id = if entry.id.trim().is_empty() {
            link.clone().unwrap_or_else(|| format!("{base}#{}", i + 1))
        } else {
            entry.id.trim().to_string()
        };
        docs.push(InputDoc {
            id: Some(id),
            text,
            title: entry.title.map(|t| t.content.trim().to_string()),
            published: entry
                .published
                .or(entry.updated)
                .map(|d| d.format("%Y-%m-%d").to_string()),
            url: link,
            source: source.clone(),
            lang: feed.language.clone(),
        });
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rss_entries() {
        let dir = tempfile::tempdir().expect("temp dir");
        let p = dir.path().join("f.rss");
        let rss = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>وكالة</title>
<item><guid>n1</guid><title>قصف</title><link>http://x/1</link><pubDate>Tue, 13 Sep 2022 08:00:00 GMT</pubDate>
<description>&lt;p&gt;قصف الجيش بلدات حدودية&lt;/p&gt;</description></item>
<item><title>فارغ</title><description></description></item></channel></rss>"#;
        std::fs::write(&p, rss).expect("write");
        assert!(is_feed(&p));
        let docs = read_feed(&p).expect("valid feed");
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].id.as_deref(), Some("n1"));
        assert_eq!(docs[0].published.as_deref(), Some("2022-09-13"));
        assert_eq!(docs[0].source.as_deref(), Some("وكالة"));
        assert!(docs[0].text.contains("قصف الجيش"), "{:?}", docs[0].text);
    }
}
