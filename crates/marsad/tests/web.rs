//! `marsad serve` end to end: the binary on a loopback port over a fresh SQLite file, the seed fixture
//! ingested through the API, and the map driven in headless Chromium by `web/tests/e2e.mjs`
//! (playwright-core). Screenshots land in `target/web-e2e/`.
//!
//! Without Chromium, node or `web/node_modules` the browser part skips with a message; with
//! `MARSAD_BROWSER_TEST=1` (set by `.ci/run`) their absence is a failure.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

const TOKEN: &str = "e2e-token";

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Kills the server when the test ends, however it ends.
struct Server {
    child: Child,
    addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_server(db: &Path) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_marsad"))
        .args(["serve", "--addr", "127.0.0.1:0", "--db"])
        .arg(db)
        .env("MARSAD_TOKEN", TOKEN)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start marsad serve");
    let stderr = child.stderr.take().expect("stderr piped");
    let mut lines = BufReader::new(stderr).lines();
    let addr = loop {
        let line = match lines.next() {
            Some(Ok(l)) => l,
            other => {
                let _ = child.kill();
                panic!("marsad serve ended before listening: {other:?}");
            }
        };
        if let Some(rest) = line.split("on http://").nth(1) {
            break rest.split('/').next().expect("address").to_string();
        }
    };
    // Keep draining the server's log so it never blocks on a full pipe.
    std::thread::spawn(move || lines.for_each(drop));
    Server { child, addr }
}

/// A minimal HTTP/1.1 GET on loopback: status line and body.
fn http_get(addr: &str, path: &str) -> (String, String) {
    let mut s = TcpStream::connect(addr).expect("connect");
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut resp = String::new();
    s.read_to_string(&mut resp).expect("read");
    let (head, body) = resp.split_once("\r\n\r\n").unwrap_or((&resp, ""));
    (
        head.lines().next().unwrap_or_default().to_string(),
        body.to_string(),
    )
}

fn browser_missing() -> Option<String> {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !Path::new(&chromium).exists() {
        return Some(format!("{chromium} not found (apt-get install chromium)"));
    }
    if Command::new("node").arg("--version").output().is_err() {
        return Some("node not found".into());
    }
    if !workspace().join("web/node_modules/playwright-core").exists() {
        return Some("web/node_modules/playwright-core missing (cd web && npm ci)".into());
    }
    None
}

#[test]
fn serve_answers_and_the_map_shows_evidence() {
    let dir = tempfile::tempdir().expect("temp dir");
    let server = start_server(&dir.path().join("web.db"));
    let (status, body) = http_get(&server.addr, "/v1/health");
    assert!(status.contains("200"), "{status}");
    assert!(body.contains("\"writes_enabled\":true"), "{body}");
    let (status, _) = http_get(&server.addr, "/");
    assert!(status.contains("200"), "{status}");

    if let Some(why) = browser_missing() {
        if std::env::var("MARSAD_BROWSER_TEST").is_ok_and(|v| v == "1") {
            panic!("MARSAD_BROWSER_TEST=1 but the browser test cannot run: {why}");
        }
        eprintln!("skipping the browser test: {why}");
        return;
    }
    let ws = workspace();
    let out = ws.join("target/web-e2e");
    let run = Command::new("node")
        .arg(ws.join("web/tests/e2e.mjs"))
        .arg(format!("http://{}/", server.addr))
        .arg(TOKEN)
        .arg(ws.join("web/tests/fixtures/seed-ar.ingest.jsonl"))
        .arg(&out)
        .output()
        .expect("run node");
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(run.status.success(), "browser test failed:\n{log}");
    eprint!("{log}");
    assert!(out.join("event.png").exists());

    let (_, body) = http_get(&server.addr, "/v1/events?contested=true&format=geojson");
    assert!(body.contains("\"FeatureCollection\""), "{body}");
}
