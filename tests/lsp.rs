//! `candor lsp` spoken to over stdio, as an editor does: JSON-RPC frames in,
//! responses and published diagnostics out.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use serde_json::{Value, json};

const A: &str = r#"policy site "Privacy Policy" {
  updated 2024-01
  jurisdictions gdpr
  outline intro
}

section intro { text "Hello." }

dataset signup "Sign-up" {
  collects email
  purposes accounts
}
"#;

const B: &str = r#"item email "email address" { text "Your email." }

purpose accounts "Accounts" { text "To run your account." }

rules {
  deny gdpr::legitimate-interest
}
"#;

struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    /// Notifications read while waiting for something else.
    seen: Vec<Value>,
}

impl Client {
    fn start() -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_candor"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start candor lsp");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, messages) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = 0;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length: ") {
                        length = v.parse().expect("a length");
                    }
                }
                let mut body = vec![0; length];
                reader.read_exact(&mut body).expect("a body");
                let value: Value = serde_json::from_slice(&body).expect("the server sends JSON");
                if tx.send(value).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            messages,
            seen: Vec::new(),
        }
    }

    fn raw(&mut self, body: &str) {
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        self.stdin.flush().expect("flush");
    }

    fn send(&mut self, value: &Value) {
        self.raw(&value.to_string());
    }

    fn next(&mut self) -> Value {
        self.messages
            .recv_timeout(Duration::from_secs(20))
            .expect("the server answers within 20 s")
    }

    /// Sends a request and returns its response (keeping notifications).
    fn request(&mut self, id: i64, method: &str, params: Value) -> Value {
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.response(&json!(id))
    }

    fn response(&mut self, id: &Value) -> Value {
        loop {
            let message = self.next();
            if message.get("id") == Some(id) && message.get("method").is_none() {
                return message;
            }
            self.seen.push(message);
        }
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// The next diagnostics published for `uri` that satisfy `accept`.
    fn diagnostics(&mut self, uri: &str, accept: impl Fn(&[Value]) -> bool) -> Vec<Value> {
        let matches = |m: &Value| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        };
        let mut pending: Vec<Value> = std::mem::take(&mut self.seen);
        loop {
            while !pending.is_empty() {
                let m = pending.remove(0);
                if matches(&m) {
                    let list = m["params"]["diagnostics"]
                        .as_array()
                        .cloned()
                        .unwrap_or_default();
                    if accept(&list) {
                        self.seen.extend(pending);
                        return list;
                    }
                }
            }
            pending.push(self.next());
        }
    }
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

fn at(uri: &str, line: u32, character: u32) -> Value {
    json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}})
}

/// A policy of two files, `a.policy` and `b.policy`, and their URIs.
fn fixture() -> (tempfile::TempDir, String, String) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let root = dir.path().canonicalize().expect("a canonical path");
    std::fs::write(root.join("a.policy"), A).expect("write a");
    std::fs::write(root.join("b.policy"), B).expect("write b");
    let (a, b) = (uri(&root.join("a.policy")), uri(&root.join("b.policy")));
    (dir, a, b)
}

#[test]
fn the_language_server_answers_an_editor() {
    let (dir, a, b) = fixture();
    let root = dir.path().canonicalize().expect("a canonical path");

    let mut client = Client::start();
    let init = client.request(
        1,
        "initialize",
        json!({"capabilities": {}, "rootUri": uri(&root)}),
    );
    let caps = &init["result"]["capabilities"];
    assert_eq!(caps["hoverProvider"], true, "{init}");
    assert_eq!(caps["renameProvider"], true);
    client.notify("initialized", json!({}));

    // An unknown item: an error at the exact word, with a link to explain.
    let broken = A.replace("collects email", "collects emial");
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": a, "languageId": "candor", "version": 1, "text": broken}}),
    );
    let list = client.diagnostics(&a, |l| {
        l.iter().any(|d| d["code"] == "candor::unknown-reference")
    });
    let d = list
        .iter()
        .find(|d| d["code"] == "candor::unknown-reference")
        .expect("the unknown reference");
    assert_eq!(
        d["range"],
        json!({"start": {"line": 9, "character": 11}, "end": {"line": 9, "character": 16}})
    );
    assert_eq!(d["severity"], 1);
    assert!(
        d["message"].as_str().unwrap_or("").contains("`emial`"),
        "{d}"
    );
    assert!(
        d["message"]
            .as_str()
            .unwrap_or("")
            .contains("did you mean `email`?"),
        "{d}"
    );
    assert!(d["codeDescription"]["href"].as_str().is_some(), "{d}");

    // Fixed as you type: the error goes.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": a, "version": 2}, "contentChanges": [{"text": A}]}),
    );
    client.diagnostics(&a, |l| {
        !l.iter().any(|d| d["code"] == "candor::unknown-reference")
    });

    // Hover on a reference: the item declared in the other file.
    let hover = client.request(2, "textDocument/hover", at(&a, 9, 12));
    let text = hover["result"]["contents"]["value"]
        .as_str()
        .unwrap_or("")
        .to_owned();
    assert!(
        text.contains("item") && text.contains("email address") && text.contains("Your email."),
        "{hover}"
    );
    // Hover on a field keyword: its doc line.
    let hover = client.request(3, "textDocument/hover", at(&a, 9, 4));
    let text = hover["result"]["contents"]["value"]
        .as_str()
        .unwrap_or("")
        .to_owned();
    assert!(text.contains("`collects`: The items collected"), "{hover}");
    // Hover on a rule code: its explanation.
    let hover = client.request(4, "textDocument/hover", at(&b, 5, 10));
    let text = hover["result"]["contents"]["value"]
        .as_str()
        .unwrap_or("")
        .to_owned();
    assert!(
        text.contains("gdpr::legitimate-interest") && text.contains("Art."),
        "{hover}"
    );

    // Definition across files.
    let def = client.request(5, "textDocument/definition", at(&a, 9, 12));
    assert_eq!(def["result"][0]["uri"], b.as_str(), "{def}");
    assert_eq!(
        def["result"][0]["range"]["start"],
        json!({"line": 0, "character": 5})
    );

    // References from the declaration, across files.
    let refs = client.request(
        6,
        "textDocument/references",
        json!({"textDocument": {"uri": b}, "position": {"line": 0, "character": 6}, "context": {"includeDeclaration": true}}),
    );
    let refs = refs["result"].as_array().cloned().unwrap_or_default();
    assert_eq!(refs.len(), 2, "{refs:?}");
    assert!(refs.iter().any(|r| r["uri"] == a.as_str()));

    // Completion: ids of the right kind, field keywords, closed-set words.
    let labels = |v: &Value| -> Vec<String> {
        v["result"]
            .as_array()
            .cloned()
            .unwrap_or_default()
            .iter()
            .filter_map(|i| i["label"].as_str().map(str::to_owned))
            .collect()
    };
    let typing = A.replace(
        "  purposes accounts\n",
        "  purposes accounts\n  collects \n  \n  basis \n",
    );
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": a, "version": 3}, "contentChanges": [{"text": typing}]}),
    );
    let ids = labels(&client.request(7, "textDocument/completion", at(&a, 11, 11)));
    assert_eq!(ids, vec!["email".to_owned()], "items only");
    let keys = labels(&client.request(8, "textDocument/completion", at(&a, 12, 2)));
    assert!(
        keys.contains(&"purposes".to_owned()) && keys.contains(&"retention".to_owned()),
        "{keys:?}"
    );
    assert!(!keys.contains(&"statutory".to_owned()), "{keys:?}");
    let bases = labels(&client.request(9, "textDocument/completion", at(&a, 13, 8)));
    assert!(
        bases.contains(&"consent".to_owned()) && bases.contains(&"legitimate_interest".to_owned()),
        "{bases:?}"
    );
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": a, "version": 4}, "contentChanges": [{"text": A}]}),
    );

    // Rename across files.
    let edit = client.request(
        10,
        "textDocument/rename",
        json!({"textDocument": {"uri": a}, "position": {"line": 9, "character": 12}, "newName": "mail"}),
    );
    let changes = &edit["result"]["changes"];
    assert_eq!(changes[&a].as_array().map(Vec::len), Some(1), "{edit}");
    assert_eq!(changes[&b].as_array().map(Vec::len), Some(1), "{edit}");
    assert_eq!(changes[&b][0]["newText"], "mail");
    let bad = client.request(
        11,
        "textDocument/rename",
        json!({"textDocument": {"uri": a}, "position": {"line": 9, "character": 12}, "newName": "not an id"}),
    );
    assert!(bad["error"]["message"].is_string(), "{bad}");

    // Outline and formatting.
    let symbols = client.request(
        12,
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": b}}),
    );
    let names: Vec<&str> = symbols["result"]
        .as_array()
        .map(|s| s.iter().filter_map(|x| x["name"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(names, vec!["item email", "purpose accounts", "rules"]);
    let messy = A.replace("  collects email", "      collects    email");
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": a, "version": 5}, "contentChanges": [{"text": messy}]}),
    );
    let format = client.request(
        13,
        "textDocument/formatting",
        json!({"textDocument": {"uri": a}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    let new_text = format["result"][0]["newText"].as_str().unwrap_or("");
    assert!(new_text.contains("\n  collects email\n"), "{format}");

    // Malformed input and unknown methods: error responses, and the server goes on.
    client.raw("{not json");
    let parse_error = client.response(&Value::Null);
    assert_eq!(parse_error["error"]["code"], -32700, "{parse_error}");
    client.raw(r#"{"jsonrpc": "2.0", "id": 40, "params": 3}"#);
    let invalid = client.response(&json!(40));
    assert_eq!(invalid["error"]["code"], -32600, "{invalid}");
    let unknown = client.request(41, "candor/nothing", json!({}));
    assert_eq!(unknown["error"]["code"], -32601, "{unknown}");
    let bad_params = client.request(42, "textDocument/hover", json!({"nonsense": true}));
    assert_eq!(bad_params["error"]["code"], -32602, "{bad_params}");
    let hover = client.request(43, "textDocument/hover", at(&a, 0, 1));
    assert!(hover.get("error").is_none(), "{hover}");

    let shutdown = client.request(50, "shutdown", Value::Null);
    assert_eq!(shutdown["result"], Value::Null, "{shutdown}");
    client.notify("exit", Value::Null);
    let status = client.child.wait().expect("the server exits");
    assert!(status.success(), "{status:?}");
}

#[test]
fn deleted_files_and_exit_without_shutdown() {
    let (dir, a, b) = fixture();
    let root = dir.path().canonicalize().expect("a canonical path");
    let mut client = Client::start();
    client.request(1, "initialize", json!({"capabilities": {}}));
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": a, "languageId": "candor", "version": 1, "text": A}}),
    );
    client.diagnostics(&a, |l| {
        !l.iter().any(|d| d["code"] == "candor::unknown-reference")
    });
    // The file that declares `email` goes: the reference is now unknown.
    std::fs::remove_file(root.join("b.policy")).expect("remove b");
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": b, "type": 3}]}),
    );
    client.diagnostics(&a, |l| {
        l.iter().any(|d| d["code"] == "candor::unknown-reference")
    });
    client.notify("exit", Value::Null);
    let status = client.child.wait().expect("the server exits");
    assert_eq!(status.code(), Some(1));
}

/// Applies an LSP `WorkspaceEdit`'s changes to the files on disk (ASCII
/// text, so a character is a byte).
fn apply(changes: &Value) {
    for (uri, edits) in changes.as_object().expect("changes by file") {
        let path = uri.strip_prefix("file://").expect("a file URI");
        let mut text = std::fs::read_to_string(path).expect("readable");
        let offset = |text: &str, p: &Value| {
            let line = p["line"].as_u64().expect("a line") as usize;
            let character = p["character"].as_u64().expect("a character") as usize;
            let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
            start + character
        };
        let mut edits: Vec<&Value> = edits.as_array().expect("edits").iter().collect();
        edits.sort_by_key(|e| std::cmp::Reverse(offset(&text, &e["range"]["start"])));
        for e in edits {
            let (start, end) = (
                offset(&text, &e["range"]["start"]),
                offset(&text, &e["range"]["end"]),
            );
            text.replace_range(start..end, e["newText"].as_str().expect("new text"));
        }
        std::fs::write(path, text).expect("writable");
    }
}

#[test]
fn rename_refuses_a_taken_name_and_leaves_the_files_formatted() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let root = dir.path().canonicalize().expect("a canonical path");
    // Two items, and a data set whose end-of-line comments `fmt` aligns.
    std::fs::write(
        root.join("a.policy"),
        "policy site \"Privacy Policy\" {\n  updated 2024-01\n  jurisdictions gdpr\n  outline intro\n}\n\n\
         section intro { text \"Hello.\" }\n\n\
         dataset signup \"Sign-up\" {\n  collects email # the address we write to\n  purposes accounts # why we keep it\n}\n",
    )
    .expect("write a");
    std::fs::write(
        root.join("b.policy"),
        "item email \"email address\" { text \"Your email.\" }\n\n\
         item phone \"phone number\" { text \"Your phone.\" }\n\n\
         purpose accounts \"Accounts\" { text \"To run your account.\" }\n",
    )
    .expect("write b");
    let fmt = |check: bool| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_candor"));
        command.arg("fmt").arg(&root);
        if check {
            command.arg("--check");
        }
        command.output().expect("candor fmt runs").status.success()
    };
    assert!(fmt(false));
    assert!(fmt(true), "the fixture is formatted");
    let a = uri(&root.join("a.policy"));
    let text = std::fs::read_to_string(root.join("a.policy")).expect("a");
    let line = text
        .lines()
        .position(|l| l.contains("collects email"))
        .expect("a line");

    let mut client = Client::start();
    client.request(
        1,
        "initialize",
        json!({"capabilities": {}, "rootUri": uri(&root)}),
    );
    client.notify("initialized", json!({}));
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": a, "languageId": "candor", "version": 1, "text": text}}),
    );
    let on_email = json!({"textDocument": {"uri": a}, "position": {"line": line, "character": 12}});

    // `phone` is already an item: renaming `email` to it would merge them.
    let mut params = on_email.clone();
    params["newName"] = json!("phone");
    let taken = client.request(2, "textDocument/rename", params);
    let message = taken["error"]["message"].as_str().unwrap_or_default();
    assert!(message.contains("already declared"), "{taken}");
    assert!(message.contains("b.policy:3"), "{taken}");

    // A purpose may share the name of an item: another namespace.
    let mut params = on_email.clone();
    params["newName"] = json!("accounts");
    let other = client.request(3, "textDocument/rename", params);
    assert!(other["result"]["changes"].is_object(), "{other}");

    // A longer name moves the aligned comments: the files stay formatted.
    let mut params = on_email;
    params["newName"] = json!("electronic_mail_address");
    let edit = client.request(4, "textDocument/rename", params);
    apply(&edit["result"]["changes"]);
    let renamed = std::fs::read_to_string(root.join("a.policy")).expect("a");
    assert!(
        renamed.contains("collects electronic_mail_address # the address"),
        "{renamed}"
    );
    let b = std::fs::read_to_string(root.join("b.policy")).expect("b");
    assert!(
        b.contains("item electronic_mail_address \"email address\""),
        "{b}"
    );
    assert!(fmt(true), "the renamed files are not formatted:\n{renamed}");
}
