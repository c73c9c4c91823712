//! candor's own visits: Chromium in headless mode, driven over the Chrome
//! DevTools Protocol (CDP), records a page load as a HAR file.
//!
//! The protocol is JSON messages over one WebSocket; candor needs a dozen
//! of its methods (open a tab, watch the network, navigate, read and set
//! cookies, click), so it speaks them itself over `tungstenite` rather than
//! through a crate that generates the whole protocol (see the README on
//! the choice).
//!
//! A visit is recorded once with no interaction and, when asked, once more
//! after refusing consent: candor clicks the refusal (a CSS selector, or a
//! button whose text reads like "Reject all"), keeps only the cookies that
//! click set, and loads the page again.

use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tungstenite::{Message, WebSocket, stream::MaybeTlsStream};

/// How to run the browser.
#[derive(Debug, Clone, Default)]
pub struct BrowserOptions {
    /// The Chromium executable; default: `$CANDOR_CHROMIUM`, then
    /// `chromium`, `chromium-browser`, `google-chrome` on the `PATH`.
    pub executable: Option<PathBuf>,
    /// Chromium's `--host-resolver-rules` (tests map vendor hosts to 127.0.0.1).
    pub host_resolver_rules: Option<String>,
    /// Send `Sec-GPC: 1` with every request.
    pub gpc: bool,
    /// The refusal's CSS selector.
    pub refuse_selector: Option<String>,
    /// How long to wait for a page to settle.
    pub timeout: Duration,
}

/// One recorded visit: a HAR text and what it is.
#[derive(Debug, Clone)]
pub struct Recorded {
    /// "without interaction" or "after refusing consent".
    pub label: &'static str,
    /// Whether the refusal was made.
    pub refused: bool,
    /// The HAR 1.2 text.
    pub har: String,
}

/// A running Chromium, ended when dropped.
struct Browser {
    child: Child,
    socket: WebSocket<MaybeTlsStream<TcpStream>>,
    next_id: u64,
    _profile: TempDir,
    events: Vec<Value>,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.socket.close(None);
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A directory removed when dropped: the browser's throwaway profile.
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        // Chromium's helper processes may still write into the profile for
        // a moment after the browser has exited.
        for _ in 0..20 {
            if std::fs::remove_dir_all(&self.0).is_ok() || !self.0.exists() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

fn find_executable(options: &BrowserOptions) -> Result<PathBuf, String> {
    if let Some(p) = &options.executable {
        return Ok(p.clone());
    }
    if let Some(p) = std::env::var_os("CANDOR_CHROMIUM") {
        return Ok(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    for name in ["chromium", "chromium-browser", "google-chrome", "chrome"] {
        for dir in std::env::split_paths(&path) {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Ok(candidate);
            }
        }
    }
    Err(
        "no Chromium found: install Debian's `chromium`, or name one with `--chromium PATH` or \
         CANDOR_CHROMIUM"
            .to_owned(),
    )
}

impl Browser {
    fn launch(options: &BrowserOptions) -> Result<Browser, String> {
        let exe = find_executable(options)?;
        let profile = std::env::temp_dir().join(format!(
            "candor-chromium-{}-{}",
            std::process::id(),
            Instant::now().elapsed().as_nanos() ^ u128::from(rand_seed())
        ));
        std::fs::create_dir_all(&profile).map_err(|e| format!("cannot create a profile: {e}"))?;
        let profile = TempDir(profile);
        let mut cmd = Command::new(&exe);
        cmd.arg("--headless=new")
            .arg("--remote-debugging-port=0")
            .arg(format!("--user-data-dir={}", profile.0.display()))
            .args([
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--mute-audio",
            ]);
        // Chromium refuses to run as root with its sandbox.
        if is_root() {
            cmd.arg("--no-sandbox");
        }
        if let Some(rules) = &options.host_resolver_rules {
            cmd.arg(format!("--host-resolver-rules={rules}"));
        }
        cmd.arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        let mut child = cmd
            .spawn()
            .map_err(|e| format!("cannot start `{}`: {e}", exe.display()))?;
        let stderr = child.stderr.take().ok_or("no stderr from Chromium")?;
        // The first line that names the DevTools endpoint.
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut sent = false;
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if !sent && let Some(i) = line.find("ws://") {
                    let _ = tx.send(line[i..].trim().to_owned());
                    sent = true;
                }
            }
        });
        let url = match rx.recv_timeout(Duration::from_secs(30)) {
            Ok(url) => url,
            Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err("Chromium did not open its DevTools endpoint within 30 s".to_owned());
            }
        };
        let (socket, _) = match tungstenite::connect(url.as_str()) {
            Ok(s) => s,
            Err(e) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("cannot connect to Chromium at {url}: {e}"));
            }
        };
        if let MaybeTlsStream::Plain(stream) = socket.get_ref() {
            let _ = stream.set_read_timeout(Some(Duration::from_millis(200)));
        }
        Ok(Browser {
            child,
            socket,
            next_id: 0,
            _profile: profile,
            events: Vec::new(),
        })
    }

    /// Sends a command and waits for its answer; events that arrive
    /// meanwhile are kept.
    fn call(
        &mut self,
        session: Option<&str>,
        method: &str,
        params: Value,
    ) -> Result<Value, String> {
        self.next_id += 1;
        let id = self.next_id;
        let mut message = json!({ "id": id, "method": method, "params": params });
        if let Some(s) = session {
            message["sessionId"] = Value::String(s.to_owned());
        }
        self.socket
            .send(Message::text(message.to_string()))
            .map_err(|e| format!("CDP {method}: {e}"))?;
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            let Some(v) = self.receive()? else { continue };
            if v.get("id").and_then(Value::as_u64) == Some(id) {
                if let Some(err) = v.get("error") {
                    return Err(format!("CDP {method}: {err}"));
                }
                return Ok(v.get("result").cloned().unwrap_or(Value::Null));
            }
            if v.get("method").is_some() {
                self.events.push(v);
            }
        }
        Err(format!("CDP {method}: no answer within 30 s"))
    }

    /// One message, or `None` when none arrived within the read timeout.
    fn receive(&mut self) -> Result<Option<Value>, String> {
        match self.socket.read() {
            Ok(Message::Text(t)) => Ok(serde_json::from_str(t.as_str()).ok()),
            Ok(_) => Ok(None),
            Err(tungstenite::Error::Io(e))
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                Ok(None)
            }
            Err(e) => Err(format!("CDP connection: {e}")),
        }
    }

    /// Collects events until the page has loaded and the network has been
    /// quiet for a second, or the timeout.
    fn settle(&mut self, timeout: Duration) -> Result<(), String> {
        let start = Instant::now();
        let mut loaded = false;
        let mut last_activity = Instant::now();
        while start.elapsed() < timeout {
            if let Some(v) = self.receive()? {
                match v.get("method").and_then(Value::as_str) {
                    Some("Page.loadEventFired") => loaded = true,
                    Some(m) if m.starts_with("Network.") => last_activity = Instant::now(),
                    _ => {}
                }
                if v.get("method").is_some() {
                    self.events.push(v);
                }
            } else if loaded && last_activity.elapsed() > Duration::from_millis(1000) {
                break;
            }
        }
        Ok(())
    }
}

fn is_root() -> bool {
    // The effective user of this process, without a libc call: /proc says.
    std::fs::read_to_string("/proc/self/status").is_ok_and(|s| {
        s.lines()
            .find(|l| l.starts_with("Uid:"))
            .and_then(|l| l.split_whitespace().nth(2))
            == Some("0")
    })
}

fn rand_seed() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64)
}

/// The script that clicks the refusal: the selector's element, or the
/// first button or link whose text reads like a refusal.
fn refuse_script(selector: Option<&str>) -> String {
    let selector = serde_json::to_string(&selector).unwrap_or_else(|_| "null".to_owned());
    format!(
        r#"(() => {{
  const sel = {selector};
  let el = sel ? document.querySelector(sel) : null;
  if (!el) {{
    const words = /^(reject|refuse|decline|deny)( all)?( cookies)?$|^(only|use) (necessary|essential)( cookies)?( only)?$|^necessary only$|^alle ablehnen$|^tout refuser$|^rechazar( todo)?$/i;
    el = [...document.querySelectorAll('button, a, [role=button], input[type=button], input[type=submit]')]
      .find(e => words.test((e.innerText || e.value || '').trim()));
  }}
  if (!el) return false;
  el.click();
  return true;
}})()"#
    )
}

/// Visits `url` once without interaction and, when `refuse` is set, once
/// more after refusing consent.
///
/// # Errors
/// Chromium is missing or fails, or the page cannot be loaded, as a message.
pub fn visit(url: &str, refuse: bool, options: &BrowserOptions) -> Result<Vec<Recorded>, String> {
    let mut browser = Browser::launch(options)?;
    let target = browser.call(None, "Target.createTarget", json!({ "url": "about:blank" }))?;
    let target_id = target
        .get("targetId")
        .and_then(Value::as_str)
        .ok_or("CDP: no target id")?
        .to_owned();
    let attached = browser.call(
        None,
        "Target.attachToTarget",
        json!({ "targetId": target_id, "flatten": true }),
    )?;
    let session = attached
        .get("sessionId")
        .and_then(Value::as_str)
        .ok_or("CDP: no session id")?
        .to_owned();
    let s = Some(session.as_str());
    browser.call(s, "Network.enable", json!({}))?;
    browser.call(s, "Page.enable", json!({}))?;
    if options.gpc {
        browser.call(
            s,
            "Network.setExtraHTTPHeaders",
            json!({ "headers": { "Sec-GPC": "1" } }),
        )?;
    }
    let mut out = Vec::new();
    browser.events.clear();
    let started = now_millis();
    browser.call(s, "Page.navigate", json!({ "url": url }))?;
    browser.settle(options.timeout)?;
    let jar = browser.call(s, "Network.getAllCookies", json!({}))?;
    let first_events = std::mem::take(&mut browser.events);
    out.push(Recorded {
        label: "without interaction",
        refused: false,
        har: to_har(url, started, &first_events, &jar),
    });
    if refuse {
        let clicked = browser.call(
            s,
            "Runtime.evaluate",
            json!({ "expression": refuse_script(options.refuse_selector.as_deref()), "returnByValue": true }),
        )?;
        let did = clicked
            .get("result")
            .and_then(|r| r.get("value"))
            .and_then(Value::as_bool)
            == Some(true);
        if !did {
            return Err(format!(
                "found no way to refuse consent on {url}: name the refusal's CSS selector \
                 with `--refuse-selector`"
            ));
        }
        // Let the click's own requests and cookies land, then keep only
        // the cookies it set (the recorded refusal).
        browser.settle(Duration::from_millis(1500))?;
        let after = browser.call(s, "Network.getAllCookies", json!({}))?;
        let choice: Vec<Value> = cookies_of(&after)
            .filter(|c| !cookies_of(&jar).any(|old| same_cookie(old, c)))
            .cloned()
            .collect();
        browser.call(s, "Network.clearBrowserCookies", json!({}))?;
        if !choice.is_empty() {
            let params: Vec<Value> = choice.iter().map(cookie_param).collect();
            browser.call(s, "Network.setCookies", json!({ "cookies": params }))?;
        }
        browser.events.clear();
        let started = now_millis();
        browser.call(s, "Page.navigate", json!({ "url": url }))?;
        browser.settle(options.timeout)?;
        let jar2 = browser.call(s, "Network.getAllCookies", json!({}))?;
        // The refusal's own cookies are not the page's doing.
        let fresh: Vec<Value> = cookies_of(&jar2)
            .filter(|c| !choice.iter().any(|old| same_cookie(old, c)))
            .cloned()
            .collect();
        let events = std::mem::take(&mut browser.events);
        out.push(Recorded {
            label: "after refusing consent",
            refused: true,
            har: to_har(url, started, &events, &json!({ "cookies": fresh })),
        });
    }
    Ok(out)
}

fn cookies_of(jar: &Value) -> impl Iterator<Item = &Value> {
    jar.get("cookies")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
}

fn same_cookie(a: &Value, b: &Value) -> bool {
    ["name", "domain", "path", "value"]
        .iter()
        .all(|k| a.get(k) == b.get(k))
}

fn cookie_param(c: &Value) -> Value {
    let mut p = json!({
        "name": c.get("name"),
        "value": c.get("value"),
        "domain": c.get("domain"),
        "path": c.get("path"),
        "secure": c.get("secure"),
        "httpOnly": c.get("httpOnly"),
    });
    if let Some(e) = c.get("expires").and_then(Value::as_f64)
        && e > 0.0
    {
        p["expires"] = json!(e);
    }
    p
}

fn now_millis() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(0))
}

/// An ISO 8601 UTC date-time of milliseconds since 1970.
#[must_use]
pub fn iso(millis: i64) -> String {
    let secs = millis.div_euclid(1000);
    let ms = millis.rem_euclid(1000);
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{ms:03}Z",
        rem / 3600,
        (rem / 60) % 60,
        rem % 60
    )
}

fn header_list(headers: Option<&Value>) -> Vec<Value> {
    headers
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .filter_map(|(n, v)| v.as_str().map(|v| json!({ "name": n, "value": v })))
        .collect()
}

/// The visit as HAR 1.2: one entry per request (its headers, and the
/// `Set-Cookie` headers of its response), and the cookie jar at the end as
/// the log's `_cookies`, each with its lifetime in seconds (-1: session).
fn to_har(url: &str, started: i64, events: &[Value], jar: &Value) -> String {
    struct Entry {
        id: String,
        url: String,
        time: i64,
        headers: Vec<Value>,
        response: Vec<Value>,
    }
    let mut entries: Vec<Entry> = Vec::new();
    for e in events {
        let method = e.get("method").and_then(Value::as_str).unwrap_or("");
        let p = e.get("params").cloned().unwrap_or(Value::Null);
        let id = p
            .get("requestId")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        match method {
            "Network.requestWillBeSent" => {
                let Some(request_url) = p.pointer("/request/url").and_then(Value::as_str) else {
                    continue;
                };
                if request_url.starts_with("data:") {
                    continue;
                }
                let time = p
                    .get("wallTime")
                    .and_then(Value::as_f64)
                    .map_or(started, |w| (w * 1000.0) as i64);
                entries.push(Entry {
                    id,
                    url: request_url.to_owned(),
                    time,
                    headers: header_list(p.pointer("/request/headers")),
                    response: Vec::new(),
                });
            }
            "Network.requestWillBeSentExtraInfo" => {
                if let Some(entry) = entries.iter_mut().rev().find(|x| x.id == id) {
                    for h in header_list(p.get("headers")) {
                        if !entry.headers.iter().any(|o| {
                            o["name"].as_str().map(str::to_ascii_lowercase)
                                == h["name"].as_str().map(str::to_ascii_lowercase)
                        }) {
                            entry.headers.push(h);
                        }
                    }
                }
            }
            "Network.responseReceivedExtraInfo" => {
                if let Some(entry) = entries.iter_mut().rev().find(|x| x.id == id) {
                    entry.response = header_list(p.get("headers"))
                        .into_iter()
                        .filter(|h| {
                            h["name"]
                                .as_str()
                                .is_some_and(|n| n.eq_ignore_ascii_case("set-cookie"))
                        })
                        .collect();
                }
            }
            _ => {}
        }
    }
    let now = now_millis();
    let cookies: Vec<Value> = cookies_of(jar)
        .map(|c| {
            let expires = c.get("expires").and_then(Value::as_f64).unwrap_or(-1.0);
            let session = c
                .get("session")
                .and_then(Value::as_bool)
                .unwrap_or(expires < 0.0);
            let lifetime = if session {
                -1
            } else {
                ((expires * 1000.0) as i64 - now).max(0) / 1000
            };
            json!({ "name": c.get("name"), "domain": c.get("domain"), "lifetime": lifetime })
        })
        .collect();
    let har = json!({
        "log": {
            "version": "1.2",
            "creator": { "name": "candor", "version": env!("CARGO_PKG_VERSION") },
            "pages": [{ "id": "page_1", "title": url, "startedDateTime": iso(started) }],
            "entries": entries.iter().map(|e| json!({
                "pageref": "page_1",
                "startedDateTime": iso(e.time),
                "request": { "method": "GET", "url": e.url, "headers": e.headers, "cookies": [] },
                "response": { "headers": e.response, "cookies": [] },
            })).collect::<Vec<_>>(),
            "_cookies": cookies,
        }
    });
    serde_json::to_string_pretty(&har).unwrap_or_default() + "\n"
}

/// Writes a recorded visit where `--save-har` asks.
///
/// # Errors
/// The file cannot be written, as a message.
pub fn save(dir: &Path, index: usize, recorded: &Recorded) -> Result<PathBuf, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create `{}`: {e}", dir.display()))?;
    let name = format!(
        "visit-{}-{}.har",
        index + 1,
        if recorded.refused { "refused" } else { "first" }
    );
    let path = dir.join(name);
    std::fs::write(&path, &recorded.har)
        .map_err(|e| format!("cannot write `{}`: {e}", path.display()))?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::iso;

    #[test]
    fn iso_dates() {
        assert_eq!(iso(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(iso(1_796_640_000_123), "2026-12-07T10:40:00.123Z");
    }
}
