//! `candor audit --url`: candor loads a small site in Debian's headless
//! Chromium, once without interaction and once after refusing consent.
//!
//! The site (`tests/fixtures/audit/site/`, one folder per host) is served
//! here on 127.0.0.1; Chromium reaches the vendors' hosts through
//! `--host-resolver-rules`, which maps them to 127.0.0.1 and every other
//! name to nothing, so no request leaves the machine.
//!
//! Ignored by a plain `cargo test` (it drives a browser for 10-15 s, and CI
//! runs it in a step of its own); run with `-- --ignored`. Skipped then when
//! no Chromium is installed, unless `CANDOR_AUDIT_BROWSER=1` (as `.ci/run`
//! sets once it has installed Debian's chromium), where a missing browser
//! fails.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::thread;

const HOSTS: &[&str] = &[
    "www.brightline-media.example",
    "static.criteo.net",
    "static.hotjar.com",
];

fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CANDOR_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.is_file())
}

fn required() -> bool {
    std::env::var("CANDOR_AUDIT_BROWSER").is_ok_and(|v| v == "1")
}

/// Serves the site: the file `site/<host>/<path>`, with `{{PORT}}` replaced
/// by the server's port. Returns the port; the server runs until the test
/// process ends.
fn serve() -> u16 {
    let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").expect("a port on 127.0.0.1"));
    let port = server.server_addr().to_ip().expect("an IP address").port();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/audit/site");
    thread::spawn(move || {
        for request in server.incoming_requests() {
            let host = request
                .headers()
                .iter()
                .find(|h| h.field.equiv("Host"))
                .map(|h| h.value.as_str().split(':').next().unwrap_or("").to_owned())
                .unwrap_or_default();
            let path = request.url().split('?').next().unwrap_or("/").to_owned();
            let path = if path.ends_with('/') {
                format!("{path}index.html")
            } else {
                path
            };
            let file = root.join(&host).join(path.trim_start_matches('/'));
            let allowed = HOSTS.contains(&host.as_str()) && !path.contains("..");
            let response = match std::fs::read_to_string(&file) {
                Ok(text) if allowed => {
                    let body = text.replace("{{PORT}}", &port.to_string());
                    let kind = if path.ends_with(".html") {
                        "text/html; charset=utf-8"
                    } else {
                        "text/javascript"
                    };
                    tiny_http::Response::from_string(body).with_header(
                        tiny_http::Header::from_bytes("Content-Type", kind).expect("a header"),
                    )
                }
                _ => tiny_http::Response::from_string("").with_status_code(204),
            };
            let _ = request.respond(response);
        }
    });
    port
}

fn rules() -> String {
    let mut rules: Vec<String> = HOSTS.iter().map(|h| format!("MAP {h} 127.0.0.1")).collect();
    rules.push("MAP * ~NOTFOUND".to_owned());
    rules.join(", ")
}

/// Runs `candor audit --url` on a page of the site; the JSON's findings as
/// (code, message) pairs.
fn audit(browser: &Path, page: &str, extra: &[&str]) -> (i32, Vec<(String, String)>) {
    let port = serve();
    let url = format!("http://www.brightline-media.example:{port}/{page}");
    let out = Command::new(env!("CARGO_BIN_EXE_candor"))
        .args([
            "audit",
            "tests/fixtures/audit/policy",
            "--url",
            &url,
            "--format",
            "json",
        ])
        .arg("--chromium")
        .arg(browser)
        .args(["--host-resolver-rules", &rules()])
        .args(extra)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("candor runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("JSON from candor audit ({e}); stderr: {stderr}"));
    let found = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or("").to_owned(),
                d["message"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    (out.status.code().unwrap_or(-1), found)
}

#[test]
#[ignore = "drives Chromium for 10-15 s: run by .ci/run in a step of its own (CANDOR_AUDIT_BROWSER=1 cargo test --test integration audit_browser:: -- --ignored)"]
fn candor_visits_the_site_before_and_after_refusing() {
    let Some(browser) = chromium() else {
        assert!(
            !required(),
            "CANDOR_AUDIT_BROWSER=1 but no Chromium is installed"
        );
        eprintln!("skipped: no Chromium (install Debian's chromium)");
        return;
    };
    let (code, found) = audit(&browser, "", &[]);
    let mut found: Vec<String> = found
        .into_iter()
        .map(|(c, m)| format!("{c}: {m}"))
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            "audit::before-consent: `Criteo` (advertising) is loaded before the visitor consents",
            "audit::before-consent: `Hotjar` (session replay) is loaded after the visitor refused consent",
            "audit::before-consent: `Hotjar` (session replay) is loaded before the visitor consents",
            // Chromium caps a cookie's lifetime at 400 days.
            "audit::cookie-lifetime: cookie `cto_bundle` (Criteo) lives 400 days, longer than category `Advertising cookies` declares (\"up to 13 months\")",
            "audit::undeclared-vendor: `Hotjar` (session replay) is on the site, but the notice does not name it",
        ],
    );
    assert_eq!(code, 1);

    // The fixed page loads nothing before a choice, and nothing after a refusal.
    let (code, found) = audit(&browser, "fixed.html", &[]);
    assert_eq!(found, [], "the fixed page draws no finding");
    assert_eq!(code, 0);

    // A browser that sends Global Privacy Control: the advertising tag still
    // loads, though the notice says the signal is honoured.
    let (_, found) = audit(&browser, "", &["--gpc"]);
    let gpc: Vec<&str> = found
        .iter()
        .filter(|(c, _)| c == "audit::gpc-ignored")
        .map(|(_, m)| m.as_str())
        .collect();
    assert_eq!(
        gpc,
        [
            "a request to `static.criteo.net` (Criteo) carries `Sec-GPC: 1`, though the notice says \
          the signal is honoured"
        ]
    );
}
