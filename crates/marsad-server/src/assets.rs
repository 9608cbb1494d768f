//! The web map's files, embedded in the binary at build time (no CDN, no files needed at run time).

use axum::Router;
use axum::http::header;
use axum::routing::get;

/// One embedded file: URL path, content type, bytes.
type Asset = (&'static str, &'static str, &'static [u8]);

macro_rules! web_file {
    ($path:literal) => {
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../web/", $path))
    };
}

/// Every file the page needs.
pub const ASSETS: &[Asset] = &[
    ("/", "text/html; charset=utf-8", web_file!("index.html")),
    ("/app.js", "text/javascript; charset=utf-8", web_file!("app.js")),
    (
        "/panel.js",
        "text/javascript; charset=utf-8",
        web_file!("panel.js"),
    ),
    (
        "/timeline.js",
        "text/javascript; charset=utf-8",
        web_file!("timeline.js"),
    ),
    ("/style.css", "text/css; charset=utf-8", web_file!("style.css")),
    (
        "/vendor/leaflet/leaflet.js",
        "text/javascript; charset=utf-8",
        web_file!("vendor/leaflet/leaflet.js"),
    ),
    (
        "/vendor/leaflet/leaflet.css",
        "text/css; charset=utf-8",
        web_file!("vendor/leaflet/leaflet.css"),
    ),
    (
        "/vendor/world/countries-50m.geojson",
        "application/geo+json",
        web_file!("vendor/world/countries-50m.geojson"),
    ),
];

/// Routes serving [`ASSETS`].
pub fn routes<S: Clone + Send + Sync + 'static>() -> Router<S> {
    ASSETS.iter().fold(Router::new(), |r, &(path, ctype, body)| {
        r.route(
            path,
            get(move || async move {
                (
                    [(header::CONTENT_TYPE, ctype), (header::CACHE_CONTROL, "no-cache")],
                    body,
                )
            }),
        )
    })
}
