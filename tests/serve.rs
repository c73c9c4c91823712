//! `candor serve` on 127.0.0.1 with a free port: the page, the reload
//! event after a save, the new content, errors over the last good render,
//! a port in use, Ctrl-C.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

const POLICY: &str = r#"policy site "Privacy Policy" {
  updated 2024-01
  jurisdictions gdpr
  outline intro
}

controller acme "Acme Ltd" {
  address "1 Main Street"
  email "privacy@acme.example"
}

section intro "Introduction" {
  text "The first version of this notice."
  insert rights rights
}

rights rights "Your rights" {
  jurisdiction gdpr
  right complaint "The right to complain" { text "to your supervisory authority" }
}
"#;

struct Served {
    child: Child,
    port: u16,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(dir: &Path, port: u16) -> (Child, Receiver<String>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_candor"))
        .arg("serve")
        .arg(dir)
        .args(["--port", &port.to_string()])
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("start candor serve");
    let stderr = child.stderr.take().expect("stderr");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines() {
            let Ok(line) = line else { return };
            if tx.send(line).is_err() {
                return;
            }
        }
    });
    (child, rx)
}

fn start(dir: &Path) -> (Served, Receiver<String>) {
    let (child, lines) = serve(dir, 0);
    let line = lines
        .recv_timeout(Duration::from_secs(20))
        .expect("serve says where it listens");
    let port = line
        .split("http://127.0.0.1:")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no address in {line:?}"));
    (Served { child, port }, lines)
}

/// A GET over a plain socket: status code and body.
fn get(port: u16, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    write!(
        stream,
        "GET {path} HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\n\r\n"
    )
    .expect("send");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("read");
    let status = response
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = response
        .split_once("\r\n\r\n")
        .map_or("", |(_, b)| b)
        .to_owned();
    (status, body)
}

/// The `/events` stream, read line by line on a thread.
fn events(port: u16) -> Receiver<String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    write!(
        stream,
        "GET /events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: text/event-stream\r\n\r\n"
    )
    .expect("send");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines() {
            let Ok(line) = line else { return };
            if tx.send(line).is_err() {
                return;
            }
        }
    });
    // Wait until the stream is open, so that no event is missed.
    loop {
        let line = rx
            .recv_timeout(Duration::from_secs(20))
            .expect("the stream opens");
        if line.starts_with(": connected") {
            return rx;
        }
    }
}

/// Waits for the next `reload` event.
fn reload(stream: &Receiver<String>) {
    loop {
        let line = stream
            .recv_timeout(Duration::from_secs(20))
            .expect("a reload event after the save");
        if line == "event: reload" {
            return;
        }
    }
}

#[test]
fn serve_renders_reloads_and_shows_errors_over_the_last_good_page() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let file = dir.path().join("site.policy");
    std::fs::write(&file, POLICY).expect("write");
    let (served, _lines) = start(dir.path());
    let port = served.port;

    let (status, page) = get(port, "/");
    assert_eq!(status, 200);
    assert!(page.contains("The first version of this notice."), "{page}");
    assert!(page.contains("new EventSource(\"/events\")"));
    assert!(!page.contains("id=\"candor-overlay\""));
    let (status, ccpa) = get(port, "/ccpa.html");
    assert_eq!(status, 200, "{ccpa}");
    assert_eq!(get(port, "/nothing").0, 404);

    // A save: one reload event, then the new text.
    let stream = events(port);
    std::fs::write(&file, POLICY.replace("first version", "second version")).expect("edit");
    reload(&stream);
    let (_, page) = get(port, "/");
    assert!(
        page.contains("The second version of this notice."),
        "{page}"
    );

    // Two quick saves make one render.
    std::fs::write(&file, POLICY.replace("first version", "third version")).expect("edit");
    std::fs::write(&file, POLICY.replace("first version", "fourth version")).expect("edit");
    reload(&stream);
    while let Ok(line) = stream.recv_timeout(Duration::from_millis(800)) {
        assert_ne!(
            line, "event: reload",
            "a second reload for one burst of saves"
        );
    }
    assert!(get(port, "/").1.contains("fourth version"));

    // An error: shown over the last good render, with its place and links.
    std::fs::write(
        &file,
        POLICY.replace("outline intro", "outline intro, missing"),
    )
    .expect("edit");
    reload(&stream);
    let (_, page) = get(port, "/");
    assert!(page.contains("id=\"candor-overlay\""), "{page}");
    assert!(
        page.contains("fourth version"),
        "the last good render stays under the errors"
    );
    assert!(page.contains("candor::unknown-reference"));
    assert!(page.contains("`missing`"));
    assert!(page.contains("site.policy:4:"), "{page}");
    assert!(
        page.contains("href=\"/explain/candor%3A%3Aunknown-reference\""),
        "{page}"
    );
    let source_link = page
        .split("href=\"/source/")
        .nth(1)
        .and_then(|rest| rest.split('#').next())
        .expect("a link to the source")
        .to_owned();
    let (status, source) = get(port, &format!("/source/{source_link}"));
    assert_eq!(status, 200);
    assert!(source.contains("id=\"L4\""));

    // The file goes: the directory is empty, and the page says so.
    std::fs::remove_file(&file).expect("remove");
    reload(&stream);
    let (_, page) = get(port, "/");
    assert!(page.contains("contains no `.policy` files"), "{page}");
    assert!(page.contains("fourth version"));

    // And comes back under another name.
    std::fs::write(dir.path().join("renamed.policy"), POLICY).expect("write");
    reload(&stream);
    let (_, page) = get(port, "/");
    assert!(page.contains("The first version of this notice."), "{page}");
    assert!(!page.contains("id=\"candor-overlay\""));
}

#[test]
fn a_port_in_use_is_a_clear_error_and_ctrl_c_stops_cleanly() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    std::fs::write(dir.path().join("site.policy"), POLICY).expect("write");
    let (mut served, lines) = start(dir.path());
    let (mut second, second_lines) = serve(dir.path(), served.port);
    let status = second.wait().expect("the second server exits");
    assert_eq!(status.code(), Some(2));
    let message: Vec<String> = second_lines.iter().collect();
    assert!(message.join("\n").contains("--port"), "{message:?}");

    let pid = served.child.id().to_string();
    let killed = Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .expect("kill");
    assert!(killed.success());
    let status = served.child.wait().expect("serve stops");
    assert_eq!(status.code(), Some(0));
    let rest: Vec<String> = lines.iter().collect();
    assert!(rest.iter().any(|l| l == "stopped"), "{rest:?}");
}

/// The preview renders the HTML pages only (`render::render_pages`), and a
/// test may render one kind of output (`render_only`): each gives exactly
/// the bytes of those files in a whole render, for a notice in one language
/// (the bundled policy) and one in three (veloroute).
#[test]
fn rendering_some_outputs_gives_the_bytes_of_the_whole_render() {
    use candor::render::{self, RenderOptions};
    for path in ["policy", "tests/fixtures/corpus/veloroute"] {
        let options = candor::Options {
            today: candor::model::PolicyDate::parse("2026-06-30"),
            ..candor::Options::default()
        };
        let compiled = candor::compile(Path::new(path), &options).expect("loads");
        let policy = compiled.policy.expect("a model");
        let render_options = RenderOptions::default();
        let all = render::render(&policy, &render_options).expect("renders");
        type Keep = fn(&str) -> bool;
        let kinds: [(&str, Keep); 3] = [
            ("pages", |n| n.ends_with(".html")),
            ("markdown", |n| n.ends_with(".md")),
            ("json", |n| n.ends_with(".json")),
        ];
        for (kind, keep) in kinds {
            let some = if kind == "pages" {
                render::render_pages(&policy, &render_options)
            } else {
                render::render_only(&policy, &render_options, keep)
            }
            .expect("renders");
            let expected: Vec<(&str, &str)> = all
                .iter()
                .filter(|o| keep(o.name))
                .map(|o| (o.name, o.contents.as_str()))
                .collect();
            let got: Vec<(&str, &str)> =
                some.iter().map(|o| (o.name, o.contents.as_str())).collect();
            assert!(expected.len() >= 2, "{path} {kind}: {expected:?}");
            assert!(
                expected == got,
                "{path} {kind}: {:?} against {:?}",
                got.iter().map(|o| o.0).collect::<Vec<_>>(),
                expected.iter().map(|o| o.0).collect::<Vec<_>>()
            );
        }
    }
}
