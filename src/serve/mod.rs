//! `candor serve`: a live preview on 127.0.0.1.
//!
//! The policy is compiled and rendered in memory through the same path as
//! `candor build` (nothing is written to `out/`). A `notify` watcher on the
//! policy directory triggers a new render of the HTML pages after the
//! saves have settled (events closer than [`DEBOUNCE`] make one render).
//! Every served page carries a small script that listens on `/events`, a
//! Server-Sent Events stream: each render sends a `reload` event and the
//! page fetches itself and swaps in the new head and body, in place.
//!
//! When the policy has errors, the pages keep the last good render and show
//! the errors over it: file, line, message, help, the source excerpt, a
//! link to the line (`/source/...`) and to the rule's explanation
//! (`/explain/...`).
//!
//! The HTTP server is `tiny_http`: synchronous, no async runtime, a few
//! small dependencies; the page and its event stream need nothing more.

mod page;

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use notify::{RecursiveMode, Watcher};
use tiny_http::{Header, Request, Response, Server};

use crate::Options;
use crate::diagnostic::Diagnostic;
use crate::render::{self, RenderOptions};
use crate::source::Sources;

/// Saves closer together than this make one render. An editor's save is
/// a burst of events well within it (truncate and write, or a temporary
/// file renamed over the policy), with room for a writer that the
/// scheduler of a loaded machine holds back between two writes; a change
/// that comes while a render runs starts another one after it, so the page
/// always ends on the last save. It was 300 ms: most of the 430-570 ms
/// from a save to the repaint that the browser suite measured
/// (tests/browser/serve.mjs).
pub const DEBOUNCE: Duration = Duration::from_millis(40);

/// Exit code: stopped by Ctrl-C or the end of the watch.
const EXIT_OK: u8 = 0;
/// Exit code: the port is taken or the path cannot be watched.
const EXIT_USAGE: u8 = 2;

/// What the server shows: the last good pages and the current problems.
#[derive(Debug, Default)]
pub(crate) struct Site {
    /// Increases on every render; the event stream sends it.
    pub version: u64,
    /// The last good HTML pages, by file name.
    pub pages: HashMap<&'static str, String>,
    /// The diagnostics of the current source, with the files they quote.
    pub diagnostics: Vec<Diagnostic>,
    /// The files of the current source.
    pub sources: Sources,
    /// A problem that stopped the render (no policy files, a template).
    pub failure: Option<String>,
}

type Shared = Arc<Mutex<Site>>;

fn lock(site: &Shared) -> std::sync::MutexGuard<'_, Site> {
    site.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Compiles and renders the policy into the site, keeping the previous
/// pages when the policy has errors.
pub(crate) fn rebuild(path: &Path, site: &Shared) {
    let mut next = match crate::compile(path, &Options::default()) {
        Err(e) => Err(e.to_string()),
        Ok(compiled) => Ok(compiled),
    };
    let mut pages = None;
    if let Ok(compiled) = &next
        && !compiled.has_errors()
        && let Some(policy) = &compiled.policy
    {
        // Confined exactly as `build` confines it: a policy that names
        // `/proc/self/environ` or a link out of its folder previews an
        // error, not the file.
        let templates =
            render::templates::confined_dir(path, None, policy.templates.as_deref(), false);
        let options = RenderOptions {
            fragment: false,
            templates: templates.clone().unwrap_or(None),
            // The policy's own settings, as `build` uses them without flags.
            id_prefix: policy.id_prefix.clone().unwrap_or_default(),
            heading_level: policy.heading_level.unwrap_or(1),
            ..RenderOptions::default()
        };
        // The HTML pages only: the preview shows nothing else.
        match templates
            .and_then(|_| render::render_pages(policy, &options).map_err(|e| e.to_string()))
        {
            Ok(outputs) => {
                pages = Some(
                    outputs
                        .into_iter()
                        .filter(|o| o.name.ends_with(".html"))
                        .map(|o| (o.name, o.contents))
                        .collect::<HashMap<_, _>>(),
                );
            }
            Err(e) => next = Err(e),
        }
    }
    let mut site = lock(site);
    site.version += 1;
    match next {
        Ok(compiled) => {
            site.failure = None;
            site.diagnostics = compiled.diagnostics;
            site.sources = compiled.sources;
        }
        Err(message) => {
            site.failure = Some(message);
            site.diagnostics.clear();
            site.sources = Sources::new();
        }
    }
    if let Some(pages) = pages {
        site.pages = pages;
    }
}

/// The directory relative paths of the policy are relative to.
fn base_dir(path: &Path) -> &Path {
    if path.is_dir() {
        path
    } else {
        path.parent().unwrap_or(Path::new("."))
    }
}

/// Runs `candor serve`.
#[must_use]
pub fn run(path: &Path, port: u16, open: bool) -> u8 {
    let server = match Server::http(("127.0.0.1", port)) {
        Ok(server) => Arc::new(server),
        Err(e) => {
            return fail(&format!(
                "cannot listen on 127.0.0.1:{port}: {e}\nhelp: another program uses the port; pick another with `--port`"
            ));
        }
    };
    let address = match server.server_addr().to_ip() {
        Some(a) => a,
        None => return fail("the server has no IP address"),
    };
    let site: Shared = Arc::new(Mutex::new(Site::default()));
    rebuild(path, &site);

    let (events_tx, events_rx) = mpsc::channel();
    let watch_dir = base_dir(path).to_owned();
    let mut watcher = match notify::recommended_watcher(move |e| {
        let _ = events_tx.send(e);
    }) {
        Ok(w) => w,
        Err(e) => return fail(&format!("cannot watch `{}`: {e}", watch_dir.display())),
    };
    if let Err(e) = watcher.watch(&watch_dir, RecursiveMode::Recursive) {
        return fail(&format!("cannot watch `{}`: {e}", watch_dir.display()));
    }

    let stop = Arc::new(AtomicBool::new(false));
    {
        let stop = Arc::clone(&stop);
        let server = Arc::clone(&server);
        // A second handler cannot be set in tests that run serve twice in
        // one process; Ctrl-C then simply ends the process.
        let _ = ctrlc::set_handler(move || {
            stop.store(true, Ordering::SeqCst);
            server.unblock();
        });
    }

    let clients = Arc::new(Clients::default());
    let rebuilder = {
        let (site, clients, stop) = (Arc::clone(&site), Arc::clone(&clients), Arc::clone(&stop));
        let path = path.to_owned();
        std::thread::spawn(move || watch(&path, &events_rx, &site, &clients.senders, &stop))
    };

    let url = format!("http://{address}/");
    let _ = writeln!(
        std::io::stderr(),
        "serving `{}` at {url} (Ctrl-C to stop)",
        path.display()
    );
    if open {
        open_browser(&url);
    }
    while !stop.load(Ordering::SeqCst) {
        let Ok(request) = server.recv() else { break };
        handle(request, &site, &clients, address.port());
    }
    stop.store(true, Ordering::SeqCst);
    drop(watcher);
    lock_clients(&clients.senders).clear();
    let _ = rebuilder.join();
    let _ = writeln!(std::io::stderr(), "stopped");
    EXIT_OK
}

/// An open `/events` stream: alive while its thread runs, and where to
/// send it the version of each new render.
type Stream = (std::sync::Weak<()>, Sender<u64>);

/// The open `/events` streams: a sender for each, and how many are open.
#[derive(Default)]
struct Clients {
    senders: Mutex<Vec<Stream>>,
    open: Arc<AtomicUsize>,
}

fn lock_clients(clients: &Mutex<Vec<Stream>>) -> std::sync::MutexGuard<'_, Vec<Stream>> {
    clients.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Waits for changes, lets a burst of them settle, re-renders, and tells
/// every page to reload.
fn watch(
    path: &Path,
    events: &Receiver<notify::Result<notify::Event>>,
    site: &Shared,
    clients: &Mutex<Vec<Stream>>,
    stop: &AtomicBool,
) {
    while !stop.load(Ordering::SeqCst) {
        match events.recv_timeout(Duration::from_millis(200)) {
            Ok(Ok(event)) if relevant(&event) => {}
            Ok(_) | Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => return,
        }
        // Debounce: wait until no event has come for a while.
        loop {
            match events.recv_timeout(DEBOUNCE) {
                Ok(_) => {}
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        rebuild(path, site);
        let version = lock(site).version;
        lock_clients(clients).retain(|(_, c)| c.send(version).is_ok());
    }
}

/// Whether a file-system event can change the render: not a mere read.
fn relevant(event: &notify::Event) -> bool {
    !matches!(event.kind, notify::EventKind::Access(_))
}

fn html(body: String) -> Response<std::io::Cursor<Vec<u8>>> {
    let response = Response::from_string(body);
    match Header::from_bytes(&b"Content-Type"[..], &b"text/html; charset=utf-8"[..]) {
        Ok(h) => response.with_header(h),
        Err(()) => response,
    }
}

/// How many `/events` streams may be open at once: a page holds one, and
/// a few tabs are plenty. Each costs a thread until its client leaves.
pub const MAX_STREAMS: usize = 16;

/// How often an open `/events` stream sends a comment line, so that a
/// client that has gone is noticed (the write fails) and its thread ends.
pub const HEARTBEAT: Duration = Duration::from_secs(1);

/// Why a request is refused before it is read: `None` when it may be
/// answered.
///
/// The server listens on 127.0.0.1 only, but a web page the user visits can
/// still reach it through DNS rebinding (a name that first resolved to the
/// page's server now resolves to 127.0.0.1, so the page's script reads the
/// preview "same-origin"). The browser then sends that name as `Host`; so
/// only the loopback names with this server's port are answered (421
/// otherwise). A request a browser marks as coming from another site
/// (`Origin`, `Sec-Fetch-Site`) is refused too (403): no other page has
/// any business with the preview, and nothing answers with CORS headers.
fn refusal(request: &Request, port: u16) -> Option<(u16, &'static str)> {
    let header = |name: &str| {
        request
            .headers()
            .iter()
            .find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name))
            .map(|h| h.value.as_str().to_ascii_lowercase())
    };
    let allowed: [String; 3] = [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
    ];
    match header("host") {
        Some(host) if allowed.contains(&host) => {}
        _ => {
            return Some((
                421,
                "this preview answers only at 127.0.0.1, localhost or [::1] with its port",
            ));
        }
    }
    if let Some(origin) = header("origin")
        && !allowed.iter().any(|a| origin == format!("http://{a}"))
    {
        return Some((403, "the preview answers no other site"));
    }
    if header("sec-fetch-site").is_some_and(|site| site == "cross-site" || site == "same-site") {
        return Some((403, "the preview answers no other site"));
    }
    None
}

/// Counts an open `/events` stream; dropping it frees the place.
struct StreamSlot(Arc<AtomicUsize>);

impl StreamSlot {
    fn take(open: &Arc<AtomicUsize>) -> Option<StreamSlot> {
        open.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| {
            (n < MAX_STREAMS).then_some(n + 1)
        })
        .ok()
        .map(|_| StreamSlot(Arc::clone(open)))
    }
}

impl Drop for StreamSlot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Answers one request. The event stream gets a thread of its own.
fn handle(request: Request, site: &Shared, clients: &Clients, port: u16) {
    if let Some((status, why)) = refusal(&request, port) {
        let _ = request.respond(Response::from_string(why).with_status_code(status));
        return;
    }
    let url = request.url().to_owned();
    let path = url.split(['?', '#']).next().unwrap_or("/");
    if path == "/events" {
        let Some(slot) = StreamSlot::take(&clients.open) else {
            let _ = request.respond(
                Response::from_string("too many open event streams").with_status_code(503),
            );
            return;
        };
        let (tx, rx) = mpsc::channel();
        let alive = Arc::new(());
        {
            // The senders of streams that have ended go with this one.
            let mut senders = lock_clients(&clients.senders);
            senders.retain(|(stream, _)| stream.strong_count() > 0);
            senders.push((Arc::downgrade(&alive), tx));
        }
        // tiny_http buffers a chunked body; the stream writes to the socket
        // itself and flushes each event (the body ends with the connection).
        // A heartbeat comment finds a client that has left: the write
        // fails, the thread ends and frees its slot.
        std::thread::spawn(move || {
            let _slot = (slot, alive);
            let mut out = request.into_writer();
            let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\nretry: 500\n: connected\n\n";
            if out
                .write_all(head.as_bytes())
                .and_then(|()| out.flush())
                .is_err()
            {
                return;
            }
            loop {
                let event = match rx.recv_timeout(HEARTBEAT) {
                    Ok(version) => format!("event: reload\ndata: {version}\n\n"),
                    Err(RecvTimeoutError::Timeout) => ": ping\n\n".to_owned(),
                    Err(RecvTimeoutError::Disconnected) => return,
                };
                if out
                    .write_all(event.as_bytes())
                    .and_then(|()| out.flush())
                    .is_err()
                {
                    return;
                }
            }
        });
        return;
    }
    let response = {
        let site = lock(site);
        match (path, language(&url, path)) {
            // A language's pages (issue 22): `/de/privacy-policy.html`, or
            // `/?lang=de`, as the build writes them in `de/`.
            (_, Some((tag, file))) => {
                let name = format!("{tag}/{file}");
                site.pages
                    .contains_key(name.as_str())
                    .then(|| page::document(&site, &name))
            }
            ("/" | "/privacy-policy.html", None) => {
                Some(page::document(&site, "privacy-policy.html"))
            }
            ("/ccpa.html", None) => Some(page::document(&site, "ccpa.html")),
            ("/version", None) => Some(site.version.to_string()),
            _ => path
                .strip_prefix("/source/")
                .and_then(|file| page::source(&site, &percent_decode(file)))
                .or_else(|| {
                    path.strip_prefix("/explain/")
                        .and_then(|code| page::explain(&percent_decode(code)))
                }),
        }
    };
    let _ = match response {
        Some(body) => request.respond(html(body)),
        None => request.respond(html(page::not_found()).with_status_code(404)),
    };
}

/// The language and the page a request asks for, when it asks for a
/// language candor writes: `/de/ccpa.html`, or `?lang=de` on `/`,
/// `/privacy-policy.html` or `/ccpa.html`.
fn language(url: &str, path: &str) -> Option<(&'static str, &'static str)> {
    let file = |name: &str| match name {
        "" | "privacy-policy.html" => Some("privacy-policy.html"),
        "ccpa.html" => Some("ccpa.html"),
        _ => None,
    };
    let tag = |t: &str| {
        crate::locale::Locale::from_tag(t)
            .filter(|l| l.tag() == t)
            .map(crate::locale::Locale::tag)
    };
    let path = path.trim_start_matches('/');
    if let Some((dir, name)) = path.split_once('/') {
        return Some((tag(dir)?, file(name)?));
    }
    let query = url
        .split_once('?')
        .map(|(_, q)| q.split('#').next().unwrap_or(q))?;
    let wanted = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("lang="))?;
    Some((tag(wanted)?, file(path)?))
}

/// Decodes `%XX` escapes of a URL path segment.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = text.get(i + 1..i + 3)
            && let Ok(b) = u8::from_str_radix(hex, 16)
        {
            out.push(b);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn open_browser(url: &str) {
    let command = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(command)
        .arg(url)
        .spawn()
        .is_err()
    {
        let _ = writeln!(std::io::stderr(), "could not open a browser; visit {url}");
    }
}

fn fail(message: &str) -> u8 {
    let _ = writeln!(std::io::stderr(), "error: {message}");
    EXIT_USAGE
}

#[cfg(test)]
mod language_tests {
    use super::language;

    #[test]
    fn a_language_is_asked_for_by_path_or_query() {
        assert_eq!(
            language("/de/privacy-policy.html", "/de/privacy-policy.html"),
            Some(("de", "privacy-policy.html"))
        );
        assert_eq!(
            language("/fr/ccpa.html", "/fr/ccpa.html"),
            Some(("fr", "ccpa.html"))
        );
        assert_eq!(
            language("/?lang=fr", "/"),
            Some(("fr", "privacy-policy.html"))
        );
        assert_eq!(
            language("/ccpa.html?x=1&lang=de#top", "/ccpa.html"),
            Some(("de", "ccpa.html"))
        );
        assert_eq!(language("/", "/"), None);
        assert_eq!(language("/?lang=sv", "/"), None);
        assert_eq!(
            language("/xx/privacy-policy.html", "/xx/privacy-policy.html"),
            None
        );
        assert_eq!(language("/de/secret.txt", "/de/secret.txt"), None);
    }
}
