//! `candor serve` against a hostile policy and a hostile web page: the
//! templates confined as `build` confines them, requests for another host
//! or from another site refused (DNS rebinding), and `/events` streams
//! bounded and freed when their client leaves.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const POLICY: &str = r#"policy site "Privacy Policy" {
  updated 2024-01
  jurisdictions gdpr
  outline intro
  TEMPLATES
}

controller acme "Acme Ltd" {
  address "1 Main Street"
  email "privacy@acme.example"
}

section intro "Introduction" {
  text "Our notice."
  insert rights rights
}

rights rights "Your rights" {
  jurisdiction gdpr
  right complaint "The right to complain" { text "to your supervisory authority" }
}
"#;

struct Served(Child, u16);

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start(dir: &Path) -> Served {
    let mut child = Command::new(env!("CARGO_BIN_EXE_candor"))
        .arg("serve")
        .arg(dir)
        .args(["--port", "0"])
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("start candor serve");
    let mut lines = BufReader::new(child.stderr.take().expect("stderr")).lines();
    let line = lines
        .next()
        .and_then(Result::ok)
        .expect("serve says where it listens");
    // Keep reading stderr so that the server never blocks on it.
    std::thread::spawn(move || for _ in lines {});
    let port = line
        .split("http://127.0.0.1:")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no address in {line:?}"));
    Served(child, port)
}

/// A raw request with the given headers: status and body.
fn request(port: u16, path: &str, headers: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    write!(stream, "GET {path} HTTP/1.0\r\n{headers}\r\n").expect("send");
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
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

/// A temporary folder holding the policy folder `policy/`, so that
/// `../outside` stays inside the temporary folder.
struct PolicyDir(tempfile::TempDir);

impl PolicyDir {
    fn path(&self) -> std::path::PathBuf {
        self.0.path().join("policy")
    }
}

fn policy_dir(templates: &str) -> PolicyDir {
    let dir = PolicyDir(tempfile::tempdir().expect("a temporary directory"));
    std::fs::create_dir(dir.path()).expect("mkdir");
    std::fs::write(
        dir.path().join("site.policy"),
        POLICY.replace("TEMPLATES", templates),
    )
    .expect("write");
    dir
}

#[test]
fn serve_reads_no_template_that_build_refuses() {
    let secret = tempfile::tempdir().expect("a temporary directory");
    std::fs::write(
        secret.path().join("privacy-policy.html"),
        "SECRET-ENV-VALUE",
    )
    .expect("write");
    let absolute = secret.path().display().to_string();
    let cases = [
        format!("templates \"{absolute}\""),
        "templates \"../outside\"".to_owned(),
        "templates \"linked\"".to_owned(),
    ];
    for case in &cases {
        let dir = policy_dir(case);
        // `linked` is a folder inside whose template is a link to the secret.
        let linked = dir.path().join("linked");
        std::fs::create_dir(&linked).expect("mkdir");
        std::os::unix::fs::symlink(
            secret.path().join("privacy-policy.html"),
            linked.join("privacy-policy.html"),
        )
        .expect("symlink");
        std::fs::create_dir_all(dir.path().join("../outside")).ok();
        let _ = std::fs::copy(
            secret.path().join("privacy-policy.html"),
            dir.path().join("../outside/privacy-policy.html"),
        );
        let build = Command::new(env!("CARGO_BIN_EXE_candor"))
            .arg("build")
            .arg(dir.path())
            .arg("--out")
            .arg(dir.path().join("out"))
            .output()
            .expect("build runs");
        assert!(!build.status.success(), "build refuses `{case}`");
        let served = start(&dir.path());
        let (status, page) = request(served.1, "/", &format!("Host: 127.0.0.1:{}\r\n", served.1));
        assert_eq!(status, 200);
        assert!(
            !page.contains("SECRET-ENV-VALUE"),
            "`{case}`: the preview shows the file"
        );
        assert!(
            page.contains("outside") || page.contains("leads"),
            "`{case}`: the preview says why: {page}"
        );
    }
}

#[test]
fn serve_answers_only_its_own_host_and_no_other_site() {
    let dir = policy_dir("");
    let served = start(&dir.path());
    let port = served.1;
    let ok = |headers: &str| request(port, "/", headers).0;
    assert_eq!(ok(&format!("Host: 127.0.0.1:{port}\r\n")), 200);
    assert_eq!(ok(&format!("Host: localhost:{port}\r\n")), 200);
    assert_eq!(ok(&format!("Host: [::1]:{port}\r\n")), 200);
    assert_eq!(
        ok(&format!(
            "Host: 127.0.0.1:{port}\r\nOrigin: http://127.0.0.1:{port}\r\n"
        )),
        200
    );
    // DNS rebinding: the attacker's name, now pointing at 127.0.0.1.
    assert_eq!(
        ok(&format!("Host: rebind.attacker.example:{port}\r\n")),
        421
    );
    assert_eq!(ok("Host: 127.0.0.1\r\n"), 421, "another port");
    assert_eq!(ok(""), 421, "no Host at all");
    assert_eq!(
        request(
            port,
            "/source/site.policy",
            &format!("Host: evil.example:{port}\r\n")
        )
        .0,
        421
    );
    // A page of another site.
    assert_eq!(
        ok(&format!(
            "Host: 127.0.0.1:{port}\r\nOrigin: http://evil.example\r\n"
        )),
        403
    );
    assert_eq!(
        ok(&format!(
            "Host: 127.0.0.1:{port}\r\nSec-Fetch-Site: cross-site\r\n"
        )),
        403
    );
    assert_eq!(
        request(
            port,
            "/events",
            &format!("Host: 127.0.0.1:{port}\r\nOrigin: http://evil.example\r\n")
        )
        .0,
        403
    );
}

/// Opens an event stream and waits for its first line.
fn open_stream(port: u16) -> Option<TcpStream> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    write!(
        stream,
        "GET /events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"
    )
    .expect("send");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    let mut first = String::new();
    BufReader::new(stream.try_clone().expect("clone"))
        .read_line(&mut first)
        .ok()?;
    first.contains(" 200 ").then_some(stream)
}

#[test]
fn event_streams_are_bounded_and_freed_when_the_client_leaves() {
    let dir = policy_dir("");
    let served = start(&dir.path());
    let port = served.1;
    let streams: Vec<TcpStream> = (0..16)
        .map(|_| open_stream(port).expect("a stream within the bound"))
        .collect();
    assert!(open_stream(port).is_none(), "a 17th stream is refused");
    drop(streams);
    // The heartbeat finds the closed sockets; their places free up.
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(stream) = open_stream(port) {
            drop(stream);
            break;
        }
        assert!(
            Instant::now() < deadline,
            "no stream is freed after its client left"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    // All of them, not one.
    std::thread::sleep(Duration::from_secs(3));
    let again: Vec<TcpStream> = (0..16).filter_map(|_| open_stream(port)).collect();
    assert_eq!(again.len(), 16);
}
